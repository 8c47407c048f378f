"""Tokens, stop words and phrases for topic keywords, shared by the TF-IDF embedder and c-TF-IDF.

Stop words are spaCy's English list (no model load: it is a plain set), plus the filler words of
consultation answers ("think", "would", "also"), of links and references ("https", "www", "ibid") and
other European languages' function words ("und", "les") that say nothing about a topic. Phrases are
two-word n-grams formed after stop words are dropped ("waiting time", "mental health").
"""

from __future__ import annotations

import re
from collections import Counter
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


OWN_SHARE = 0.5  # share of the passages using a word of a respondent's name that must be that respondent's
LOWER_SHARE = 0.1  # a word written in lower case more often than this is an ordinary word, not a name


def name_words(texts: Sequence[str], names: Sequence[Sequence[str]]) -> frozenset[str]:
    """Words of respondents' own names to keep out of topic keywords: on 39 AI Act submissions topics were
    named "nec / draft regulation", "anec; huawei" and "microsoft custom" after who wrote them, since a
    company names itself on every page. `names[i]`: the organisations `texts[i]` is from.

    A word of a name counts when its own respondents write most of the passages that use it (OWN_SHARE:
    "NEC", "Facebook") and it is written as a name, hardly ever in lower case outside links (LOWER_SHARE;
    "ibm.com/blogs" says nothing of how IBM is written): "consumer" (Federation of German Consumer
    Organisations) and "radiology" (European Society of Radiology) stay topic words, as does "AI" (AI
    Austria), which every respondent writes. The theme coder blanks a
    respondent's whole name instead (`themes.rules.name_spans`); a topic's keywords are single words and
    pairs, and "NEC" alone, not "NEC Corporation", fills NEC's pages."""
    pattern = re.compile(TOKEN_PATTERN)
    common = stop_words()
    owners: dict[str, set[int]] = {}  # word -> passages whose respondent's name has it
    for i, row in enumerate(names):
        for word in {w.lower() for name in row for w in pattern.findall(name)} - common:
            owners.setdefault(word, set()).add(i)
    if not owners:
        return frozenset()
    used: Counter[str] = Counter()  # passages using the word
    own: Counter[str] = Counter()  # ... by a respondent whose name has it
    written: Counter[str] = Counter()  # times written
    lower: Counter[str] = Counter()  # ... in lower case
    for i, text in enumerate(texts):
        seen = set()
        for m in pattern.finditer(text):
            word = m.group().lower()
            if word in owners:
                seen.add(word)
                if not _in_link(text, m.start(), m.end()):
                    written[word] += 1
                    lower[word] += m.group() == word
        for word in seen:
            used[word] += 1
            own[word] += i in owners[word]
    return frozenset(w for w in used
                     if own[w] >= OWN_SHARE * used[w] and lower[w] <= LOWER_SHARE * written[w])


def _in_link(text: str, start: int, end: int) -> bool:
    """Whether the word at text[start:end] is part of a web or e-mail address ("ibm.com", "www.anec.eu/x",
    "info@nec.com"): after a dot, slash or @, or before a dot that a letter follows."""
    before = text[start - 1] if start else ""
    return before in {".", "/", "@"} or (text[end : end + 1] == "." and text[end + 1 : end + 2].isalpha())


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
