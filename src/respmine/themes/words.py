"""Words as the phrase rules read them: one small spaCy pipeline (tokenizer, a lookup lemmatiser,
sentences), lemmas, spelling variants, and the word lists every rule shares (negations, function words).

The lemmatiser is a context-free lookup built from the lemma tables of the trained English pipeline
(`structure.nlp.SPACY_MODEL`): running its tagger would triple the cost for little gain, since phrases
and text are lemmatised by the same function. Because a token's lemma depends only on its lower-cased
form, a LOWER match is always also a LEMMA match, so one matcher serves both. Without the model package
lemmas fall back to lower case (exact-word matching). Curly apostrophes are read as straight ones, and
a phrase also matches with its hyphens written as spaces, closed up, or (multi-word phrases) hyphenated.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from respmine.themes.sentences import sentence_spans

NEGATIONS = frozenset({"not", "n't", "no", "never", "without", "neither", "nor", "nothing", "none", "nobody"})
FUNCTION_WORDS_TEXT = (  # what a label's words are matched without (`rules.label_words`)
    "a an the this that these those some any each every all both either such what which whose whatever "
    "i me my mine we us our ours you your yours he him his she her hers it its they them their theirs one "
    "myself ourselves yourself themselves itself "
    "of to in on at by for with from into onto over under about as than via per between through during "
    "before after against within without up down out off upon across along around "
    "and or but nor so if then because while whereas though although yet also too very just "
    "be is are was were been being am do does did doing done have has had having "
    "will would shall should can could may might must ca wo sha 's 're 've 'd 'll 'm "
    "there here how why when where who whom"
)
FUNCTION_WORDS = NEGATIONS | frozenset(FUNCTION_WORDS_TEXT.split())
LINE_BREAK = re.compile(r"(?<![ \t\r])[ \t\r]*\n[ \t\r\n]*")  # (from a blank run's start only: linear)


def spelling_variants(phrase: str) -> list[str]:
    """The phrase, plus hyphens as spaces and closed up, plus a multi-word phrase hyphenated."""
    variants = [phrase]
    if "-" in phrase:
        variants += [phrase.replace("-", " "), phrase.replace("-", "")]
    elif " " in phrase and all(w.isalpha() for w in phrase.split()):
        variants.append(phrase.replace(" ", "-"))
    return list(dict.fromkeys(normalise(v) for v in variants))


def normalise(text: str) -> str:
    """Curly apostrophes to straight ones and a line break inside a paragraph (hard-wrapped text) to a
    space, so phrases match across it; same length, so character offsets are unchanged."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return LINE_BREAK.sub(lambda m: m.group() if m.group().count("\n") > 1 else " " * len(m.group()), text)


@lru_cache(maxsize=1)
def pipeline() -> Any:
    """Blank English + the lookup lemmatiser, with `sentences.sentence_spans` as sentence boundaries."""
    import numpy as np
    import spacy
    from spacy.attrs import SENT_START
    from spacy.language import Language

    nlp = spacy.blank("en")
    lemma = _lemma_function()
    cache: dict[str, str] = {}

    @Language.component("respmine_rules_lemmas")
    def lemmas(doc: Any) -> Any:
        """Lemmas, and sentences from the one splitter the coder's evidence and stance also use."""
        starts = {a for a, _ in sentence_spans(doc.text)}
        for tok in doc:
            low = tok.lower_
            tok.lemma_ = cache.get(low) or cache.setdefault(low, lemma(low))
        # Set in one array: `Token.is_sent_start`'s setter scans the whole doc for parses each time
        # (quadratic; 5.5 s of the theme stage's 46 s on 300 bench submissions).
        flags = [1 if tok.i == 0 or tok.idx in starts else -1 for tok in doc]
        doc.from_array([SENT_START], np.array(flags, dtype=np.int64).astype(np.uint64).reshape(-1, 1))
        return doc

    nlp.add_pipe("respmine_rules_lemmas")
    return nlp


_Tables = tuple[list[str], dict[str, list[list[str]]], dict[str, set[str]], dict[str, dict[str, list[str]]]]


@lru_cache(maxsize=1)
def _lemma_tables() -> _Tables | None:
    """The trained pipeline's lemma rule tables (pos order, rules, index, exceptions); None without it."""
    try:
        import spacy

        from respmine.structure.nlp import SPACY_MODEL

        model = spacy.load(SPACY_MODEL, exclude=["tok2vec", "tagger", "parser", "ner", "attribute_ruler",
                                                  "senter"])
        lemmatizer: Any = model.get_pipe("lemmatizer")
        tables = lemmatizer.lookups
    except (ImportError, OSError, KeyError, ValueError):
        return None
    rules = tables.get_table("lemma_rules")
    index = tables.get_table("lemma_index")
    exc = tables.get_table("lemma_exc")
    pos = ["noun", "verb", "adj", "adv"]
    return (pos, {p: rules.get(p, []) for p in pos}, {p: set(index.get(p, [])) for p in pos},
            {p: exc.get(p, {}) for p in pos})


def _lemma_function() -> Callable[[str], str]:
    """word -> lemma from the trained pipeline's rule tables, without its tagger; lower case if absent."""
    tables = _lemma_tables()
    if tables is None:
        return lambda word: word
    return lambda word: lookup_lemma(word, *tables)


@lru_cache(maxsize=65536)
def word_root(word: str) -> str:
    """A lower-case word's verb base when it has one, else its lemma: "increased", "increases" ->
    increase, "funding" -> fund, "students" -> student. Labels match any inflection of their words
    ("increased_anxiety" in "it increases their anxiety"); phrases keep the finer noun-first lemma."""
    tables = _lemma_tables()
    if tables is None:
        return word
    _, rules, index, exc = tables
    if word in exc["verb"]:
        return exc["verb"][word][0]
    if word in index["verb"]:
        return word
    forms = _rule_forms(word, rules["verb"], index["verb"])
    return forms[0] if forms else lookup_lemma(word, *tables)


def gerund_verb(word: str) -> str:
    """The regular verb a one-word -ing word is made from, whose lemma is itself ("funding" -> "fund",
    "housing" -> "house", "monitoring" -> "monitor"); "" for none ("sibling", "morning") or an irregular
    verb ("meeting": "met", "building": "built", "finding": "found"). An -ing noun of an irregular verb
    most often names a thing of its own, and its verb is an everyday word ("to meet the cost", "build
    trust"); a regular verb's is most often its activity ("funding" and "must be funded")."""
    tables = _lemma_tables()
    root = word_root(word)
    if tables is None or root == word or not word.endswith("ing"):
        return ""
    regular = set(verb_forms(word, root)) | {word}
    irregular = [f for f, lemmas in tables[3]["verb"].items() if root in lemmas and f not in regular]
    return "" if irregular else root


def verb_forms(gerund: str, stem: str) -> list[str]:
    """A regular verb's forms from its -ing form and base: "funding", "fund" -> fund, funds, funded;
    "vetting", "vet" -> vet, vets, vetted; "applying", "apply" -> apply, applies, applied."""
    body = gerund[:-3]  # "fund", "vett", "charg", "apply"
    if body.endswith("y") and len(body) > 1 and body[-2] not in "aeiou":
        return [stem, f"{body[:-1]}ies", f"{body[:-1]}ied"]
    third = f"{stem}es" if stem.endswith(("s", "x", "z", "ch", "sh")) else f"{stem}s"
    return [stem, third, f"{body}ed"]


def lookup_lemma(word: str, pos: Iterable[str], rules: dict[str, list[list[str]]],
                 index: dict[str, set[str]], exc: dict[str, dict[str, list[str]]]) -> str:
    """Exceptions first, then a noun reading, then the word itself if known, then verb and adjective.

    Preferring nouns keeps "funding" and "housing" as they are, while "charities" -> "charity" and
    "released" -> "release".
    """
    order = list(pos)
    for p in order:
        if word in exc[p]:
            return exc[p][word][0]
    candidates = _rule_forms(word, rules["noun"], index["noun"])
    if candidates:
        return candidates[0]
    if any(word in index[p] for p in order):
        return word
    for p in ("verb", "adj"):
        candidates = _rule_forms(word, rules[p], index[p])
        if candidates:
            return candidates[0]
    return word


def _rule_forms(word: str, rules: list[list[str]], index: set[str]) -> list[str]:
    out = []
    for old, new in rules:
        if word.endswith(old):
            form = word[: len(word) - len(old)] + new
            if form and form in index:
                out.append(form)
    return out
