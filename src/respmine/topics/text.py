"""Tokens, stop words and phrases for topic keywords, shared by the TF-IDF embedder and c-TF-IDF.

Stop words are spaCy's English list (no model load: it is a plain set), plus the filler words of
consultation answers ("think", "would", "also"), of links and references ("https", "www", "ibid") and
other European languages' function words ("und", "les") that say nothing about a topic. Phrases are
two-word n-grams formed after stop words are dropped ("waiting time", "mental health").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

TOKEN_PATTERN = r"(?u)\b[^\W\d_][\w'-]*[^\W_]\b"  # words of 2+ characters that start with a letter
_FILLER = {
    "think", "would", "also", "like", "just", "really", "get", "got", "go", "going", "one", "lot", "lots",
    "thing", "things", "way", "feel", "felt", "want", "need", "needs", "make", "made",
    "dont", "don't", "didn't", "didnt", "can't", "cant", "won't", "it's", "i'm", "i've", "i'd", "etc",
}
# Function words of other European languages that are no English word: a passage in French or German is
# then named by what it is about, not "de / les / la". (Not "die", "son", "car", "door", "man", "war",
# "sin", "era", "van", "un", "pour", "par", "pas", "ce", "con", "non", "sus", "den", "ou": English words too.)
_FOREIGN_WORDS = (
    "de la le les des du une et est dans avec sur qui que aux au cette ces nous vous ils sont "
    "elle leur leurs où mais entre être été sans selon "
    "und der das dem ein eine einer eines einem nicht mit von zu für auf ist sind wird werden bei sich "
    "oder auch wie nach über durch dass sowie zur zum im vom aus unter diese dieser dieses "
    "el los las del por una para lo al como más este esta "
    "il della delle dei di che per sono nel nella alla degli gli "
    "het een voor zijn niet wordt ook aan bij naar dat worden deze")
_FOREIGN = set(_FOREIGN_WORDS.split())
_WEB = {  # the words of links and references: a topic of cited sources is not a topic of views
    "http", "https", "www", "com", "org", "html", "htm", "pdf", "url", "doi", "accessed", "ibid", "et", "al",
}


def _spacy_stop_words() -> set[str]:
    """spaCy's English stop-word list, read from its plain module: `import spacy` would load torch (~2 s)."""
    import importlib.util

    spec = importlib.util.find_spec("spacy")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "lang" / "en" / "stop_words.py"
        if path.is_file():
            namespace: dict[str, Any] = {}
            exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
            return set(namespace["STOP_WORDS"])
    from spacy.lang.en.stop_words import STOP_WORDS  # pragma: no cover - unusual install layout

    return set(STOP_WORDS)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    words = {w.lower() for w in _spacy_stop_words()} | _FILLER | _WEB | _FOREIGN
    words |= {t for w in words for t in re.findall(TOKEN_PATTERN, w)}  # "'ll" is tokenised as "ll"
    return frozenset(words)


def contentless(texts: Sequence[str]) -> np.ndarray:
    """True for texts without a single word ("-", "?", "N/A" is a word): they go to "other" unclustered."""
    pattern = re.compile(TOKEN_PATTERN)
    return np.array([pattern.search(t) is None for t in texts], dtype=bool)


def count_vectorizer(n_texts: int, **params: Any) -> Any:
    """Counts of words and two-word phrases; rare terms dropped once the corpus is big enough."""
    from sklearn.feature_extraction.text import CountVectorizer

    settings: dict[str, Any] = {
        "lowercase": True, "token_pattern": TOKEN_PATTERN, "stop_words": sorted(stop_words()),
        "ngram_range": (1, 2), "min_df": 2 if n_texts >= 50 else 1,
    }
    settings.update(params)
    return CountVectorizer(**settings)
