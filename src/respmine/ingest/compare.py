"""Word-level similarity between two extractions of the same document (used to check extraction quality
against an independent reference extraction)."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    """Normalised word sequence: NFKC, lower case, hyphenated line breaks joined, punctuation dropped."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"(\w)[-\u00ad\x02]\s*\n\s*(\w)", r"\1\2", text)
    return _WORD.findall(text)


def word_similarity(a: str, b: str) -> float:
    """SequenceMatcher ratio over normalised word sequences: 1.0 means the same words in the same order."""
    wa, wb = words(a), words(b)
    if not wa and not wb:
        return 1.0
    return SequenceMatcher(None, wa, wb, autojunk=False).ratio()
