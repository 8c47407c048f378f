#!/usr/bin/env bash
# Debian packages respmine uses at run time: tesseract (OCR of scanned pages) and antiword (legacy .doc).
# Installs only what is missing; needs root (CI and the dev machines run as root).
set -euo pipefail

need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr tesseract-ocr-eng)
command -v antiword >/dev/null 2>&1 || need+=(antiword)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
# PostgreSQL server: the store's second backend, exercised by the tests on a throwaway cluster.
# Chromium: the review app's browser tests drive Debian's build through Playwright (never a download).
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "respmine: please install these system packages: ${need[*]}" >&2
  exit 1
fi
echo "Installing system packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${need[@]}"
