"""The review app's commands: serve it, and manage its local accounts.

`main` makes them usable as `python -m respmine.review ...` until the lead wires `serve` and `add_user`
into the `respmine` CLI.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from respmine.config import Settings

from .auth import ROLES, AccountError
from .auth import add_user as _add_user


def serve(settings: Settings, codebook_path: Path | str | None, host: str = "127.0.0.1", port: int = 8000,
          consultation_path: Path | str | None = None) -> None:
    """Run the app with uvicorn (one process: SQLite allows one writer, and decisions are small)."""
    import uvicorn

    from .app import create_app

    app = create_app(settings, codebook_path, consultation_path,
                     secure_cookies=os.environ.get("RESPMINE_REVIEW_SECURE_COOKIES") == "1")
    uvicorn.run(app, host=host, port=port, proxy_headers=False, log_level="info")


def add_user(settings: Settings, username: str, password: str, role: str) -> bool:
    """Create an account or reset its password and role; True when it was new."""
    from respmine.store.repository import Store

    return _add_user(Store(settings.store_url), username, password, role)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="respmine review", description="The respmine review app.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("serve", help="serve the review app")
    _common(p)
    p.add_argument("--codebook", type=Path,
                   help="default: the one the consultation file names (as the pipeline codes with)")
    p.add_argument("--consultation", type=Path, help="consultation definition (YAML): question texts")
    p.add_argument("--host", default="127.0.0.1", help="default 127.0.0.1 (this machine only)")
    p.add_argument("--port", type=int, default=8000)

    p = sub.add_parser("add-user", help="create an account, or reset its password and role")
    _common(p)
    p.add_argument("username")
    p.add_argument("--role", choices=ROLES, default="viewer")
    p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")

    args = parser.parse_args(argv)
    settings = Settings.load(args.work, args.store)
    if args.command == "serve":
        from respmine.consultation import ConsultationError
        from respmine.themes.codebook import CodebookError

        from .app import CodebookMissing

        try:
            serve(settings, args.codebook, args.host, args.port, args.consultation)
        except (CodebookMissing, CodebookError, ConsultationError) as exc:
            print(f"respmine review: {exc}", file=sys.stderr)
            return 2
        return 0
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else _ask_password()
    try:
        new = add_user(settings, args.username, password, args.role)
    except AccountError as exc:
        print(f"respmine review: {exc}", file=sys.stderr)
        return 2
    print(f"{'Created' if new else 'Updated'} {args.role} account {args.username!r} in {settings.store_url}")
    return 0


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--work", type=Path, help="work folder (default ./respmine-work or RESPMINE_WORK_DIR)")
    p.add_argument("--store", help="store URL (default: SQLite file in the work folder)")


def _ask_password() -> str:
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Password again: "):
        print("respmine review: the passwords differ", file=sys.stderr)
        raise SystemExit(2)
    return first
