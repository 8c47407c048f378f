"""A view an option question offers, taken by the respondents who choose that option.

"Which option do you prefer: Option A (hand the library to a community group ...), Option B (replace it
with a mobile library visit and a library link point ...) or Option C (...)?" offers, as its options A and
B, the codebook's "Hand branch libraries to community groups (Option A)" and "Mobile library and link
points (Option B)" (`position: true` themes). A respondent answering "Option A." or "A" (a form's cell)
holds that view, though their words need not name it again; without this a trial's key findings said "7
chose Option A and 7 Option B" (the question's own count) while its theme table said "1 favoured Option A
alone, 5 Option B alone". An option links to a view (`option_views`) where the view's label names the
option ("... (Option A)", and the question too, "(Question 2, Option A)", when several questions offer an
option A), else where the option's label uses the phrases of one view only. Such a code (method CHOSE) is
the respondent's answer, with the sentence that chose as evidence: analysts see it, and can reject it,
like any other. In an answer that chose, a similarity code of another option's view is dropped (a "We
favour Option A" answer's sentence near the mobile library's prototypes is no second view); a rule's or
the classifier's code of it stands (a respondent may argue for two). Outside the answers to the question
offering it, such a view is held where a sentence takes a side on it, prefers it to something else ("We
would prefer a mobile library to closure, as the farms are far from town": a side between the options,
though none on the proposals), or is short enough for the mention to be its point ("A mobile library is
the answer."): a longer sentence naming it in passing ("UNISON
represents ... library assistants and the mobile library drivers") raises its topic (method marked
ASIDE), as does a similarity code of it not arguing for it (similarity is not trusted with positions):
that union rejected all three options, and had counted as favouring option B.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, replace

from respmine.records import Code, Span
from respmine.structure.choices import MIN_OPTIONS, OTHERS_PREFER, SEVERAL, chosen
from respmine.themes.codebook import Codebook, Theme
from respmine.themes.sentences import sentence_spans

__all__ = ["ASIDE", "CHOSE", "Choices", "OfferedOptions", "aside", "choose", "coded_under", "finder",
           "offered_options", "offered_views", "option_questions", "option_views", "phrase_views",
           "preferred", "rules_key", "stored_phrases"]

CHOSE = "choice"  # the method of a code taken from choosing the option a question offers for the view
ASIDE = "aside"  # marks (method "rule+aside") a view's code moved to its topic: named in passing elsewhere

_OPTION_NAMED = re.compile(r"\b(?:option|opsiwn)\s+([A-F1-9])\b", re.IGNORECASE)
_QUESTION_NAMED = re.compile(r"\b(?:question|cwestiwn|q)\s*(\d+)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Choices:
    """An option question's options (key -> label) and the views some of them are (key -> the view and the
    topics above it)."""

    options: Mapping[str, str]
    views: Mapping[str, tuple[str, ...]]

    @property
    def topics(self) -> tuple[str, ...]:
        """The topics above every view the options are (a question offering views on one topic asks about
        it: "Which option for the area of the scheme do you prefer: ... Option C (no scheme; use the
        council's existing enforcement powers)?"), nearest first; none where the views are on no one
        topic. Choosing an option that is no view codes them: the trials' analysts coded the topic for
        each such choice (31a: 9 choosing C coded the area, 30a: 7 the structure, 29a: 2 the model)."""
        above = [v[1:] for v in self.views.values()]
        return tuple(t for t in above[0] if all(t in a for a in above[1:])) if above else ()

    @property
    def key(self) -> str:
        """What a segment answering the question is coded under (a changed option or link recodes it)."""
        return "|".join(f"{k}={self.options[k]}>{'/'.join(self.views.get(k, ()))}"
                        for k in sorted(self.options))


def option_views(codebook: Codebook, options: Mapping[str, Mapping[str, str]],
                 written: Mapping[str, str] | None = None,
                 phrased: dict[str, frozenset[str]] | None = None) -> dict[str, Choices]:
    """question id -> its options and the views they link to, for the questions offering at least two
    options of which one or more is a view (a `position: true` theme). An option's view is the one whose
    label names it ("Mobile library and link points (Option B)"; when several questions offer an option B,
    the label, or a topic's above it, must name the question too: "Future of the branch libraries (Question
    2)"), else the one view whose phrases its own label uses ("a single national contract with a private
    provider" -> "National contract"), not negated or argued against. An option naming none, or several,
    links to none; so does a view two options of the question would link to. `written`: theme id -> its
    label as the codebook file has it, read where an analyst's rename (`decisions.effective_codebook`) left
    the label naming no option or question ("Community-run libraries" for "... (Option A)": tidying a
    label for the report does not undo what choosing option A counts for). `phrased`: option label -> the
    views the rules find in it, held (`phrase_views`), as far as known under this codebook's rules (as the
    theme stage stored them, `rules_key`): the labels it lacks are read by the rules and added to it."""
    views = [t for t in codebook.themes if t.position]
    asked = option_questions(options)
    if not views or not asked:
        return {}
    offering: dict[str, list[str]] = {}
    for q, opts in asked.items():
        for k in opts:
            offering.setdefault(k, []).append(q)
    named = {(q, k): {t.id for t in views if _names(t, k, q, codebook, len(offering[k]) > 1, written or {})}
             for q, opts in asked.items() for k in opts}
    # an option no view's label names is read by the rules (spaCy: loaded only for a label `phrased` lacks;
    # the report and the review app have them as the theme stage stored them)
    unnamed = [(q, k) for q, opts in asked.items() for k, label in opts.items()
               if label.strip() and not named[q, k]]
    known = {} if phrased is None else phrased
    known.update(phrase_views(codebook, [asked[q][k] for q, k in unnamed if asked[q][k] not in known]))
    by_phrases = {(q, k): set(known[asked[q][k]]) for q, k in unnamed}
    out: dict[str, Choices] = {}
    for q, opts in asked.items():
        linked: dict[str, str] = {}
        for k in opts:
            held = set(named[q, k]) or by_phrases.get((q, k), set())
            if len(held) == 1:
                linked[k] = held.pop()
        taken = list(linked.values())
        links = {k: (v, *codebook.ancestors(v)) for k, v in linked.items() if taken.count(v) == 1}
        if links:
            out[q] = Choices(opts, links)
    return out


def option_questions(options: Mapping[str, Mapping[str, str]]) -> dict[str, dict[str, str]]:
    """The questions offering at least MIN_OPTIONS options: question id -> key (upper case) -> label."""
    return {q: {str(k).upper(): str(v) for k, v in opts.items()}
            for q, opts in options.items() if len(opts) >= MIN_OPTIONS}


def phrase_views(codebook: Codebook, labels: Collection[str]) -> dict[str, frozenset[str]]:
    """Option label -> the views (`position: true` themes) the codebook's rules find in it, held (at or above
    RULE_FLOOR, not negated or argued against). Builds the rules (spaCy) only when there are labels."""
    wanted = list(dict.fromkeys(labels))
    if not wanted:
        return {}
    from respmine.themes.rules import RULE_FLOOR, PhraseRules

    views = {t.id for t in codebook.themes if t.position}
    return {label: frozenset(h.theme for h in hits if h.theme in views and h.confidence >= RULE_FLOOR
                             and not (h.negated or h.rejected))
            for label, hits in zip(wanted, PhraseRules(codebook).find_many(wanted), strict=True)}


def rules_key(codebook: Codebook) -> str:
    """What the phrase rules read of a codebook (`rules.PhraseRules`: each theme's id, parent, phrases,
    exclusions, stance and being a position, and the label of a theme without phrases, whose words are
    then its mention), hashed: the views `phrase_views` finds in a label are the same under the same key. A
    rename of a theme with phrases keeps it (its label is a title the rules do not read)."""
    parts = [[t.id, t.parent, list(t.phrases), list(t.exclusions), t.stance, t.position,
              "" if t.phrases else t.label] for t in codebook.themes]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:32]


@dataclass(frozen=True)
class OfferedOptions:
    """An option question as the theme stage read it (stored: the report and the review app link its
    options to views from it, `option_views`): its options, key -> label, and the views the phrase rules
    find in the labels it read with them (key -> theme ids), under the rules `rules_key` names."""

    question: str
    options: Mapping[str, str]
    phrased: Mapping[str, tuple[str, ...]]
    rules: str


def offered_options(options: Mapping[str, Mapping[str, str]], phrased: Mapping[str, frozenset[str]],
            rules: str) -> list[OfferedOptions]:
    """The option questions of `options` with what `option_views` read of them with the rules (`phrased`),
    under `rules`, to store."""
    return [OfferedOptions(q, opts, {k: tuple(sorted(phrased[v])) for k, v in opts.items() if v in phrased},
                           rules)
            for q, opts in option_questions(options).items()]


def stored_phrases(stored: Collection[OfferedOptions], codebook: Codebook) -> dict[str, frozenset[str]]:
    """Option label -> the views the rules found in it, as the theme stage stored them (`offered_options`),
    when it read them under the codebook's rules (`rules_key`); {} otherwise (`option_views` reads them
    again)."""
    key = rules_key(codebook)
    return {o.options[k]: frozenset(v) for o in stored if o.rules == key for k, v in o.phrased.items()
            if k in o.options}


def offered_views(choices: Mapping[str, Choices], question: str) -> dict[str, str]:
    """view -> the topic above it, for the views options of questions other than `question` are (those
    a segment answering `question` holds only by taking a side on them: `aside`); not a view `question`
    offers too (two questions may offer the mobile library: answering either, naming it is no aside)."""
    own = {v[0] for v in choices[question].views.values()} if question in choices else set()
    return {v[0]: v[1] for q, c in choices.items() if q != question for v in c.views.values()
            if len(v) > 1 and v[0] not in own}


def coded_under(choices: Mapping[str, Choices], question: str) -> str:
    """What a segment answering `question` is coded under here ("" without option views): its own options
    and their views, and the views other questions' options are (a changed one recodes it)."""
    if not choices:
        return ""
    own = choices[question].key if question in choices else ""
    return own + "".join(f"|{v}>{t}" for v, t in sorted(offered_views(choices, question).items()))


def aside(row: dict[str, Code], views: Mapping[str, str], fingerprints: Mapping[str, str],
          implied: Mapping[str, str] | None = None, text: str = "",
          finds: Callable[[str], Collection[str]] | None = None) -> None:
    """A segment's codes (`row`, with their sentences' stances) of views that are options of another
    question (`views`: view -> its topic, `offered_views`): a similarity code, or a rule's in a sentence of
    `text` taking no side and longer than SHORT_SENTENCE_WORDS (in a short one the mention is the point
    made: "A mobile library is the answer.", "Please keep the mobile library." hold the view, though the
    stance model reads no side on the proposals in them), codes the topic instead (method marked ASIDE, as
    `stated._disagreed` marks its own).
    Not a similarity code whose sentence takes the view's side (`implied`: the stance a view implies;
    "support" where it implies none): a letter under general comments saying "We strongly favour handing
    libraries to community groups" holds the view (option A), though its words are not the view's phrases.
    Nor a rule's code in a sentence preferring the view to something else (`preferred`; `finds`: the themes
    the rules find in a piece of text, `finder`): "We would prefer a mobile library to closure, as the farms
    are far from town" takes a side between the options, for option B's, though none on the proposals."""
    for theme, code in list(row.items()):
        method = code.method.split("+")[0]
        if theme not in views or not (method == "similarity" or (method == "rule" and code.stance is None
                                                                  and not _short(text, code.evidence))):
            continue
        if method == "rule" and finds is not None and any(
                theme in finds(part) for part in preferred(text[code.evidence.start : code.evidence.end])):
            continue  # (preferred to something else: the view is held)
        if method == "similarity" and code.stance is not None and code.stance == (implied or {}).get(
                theme, "support"):
            continue  # (its sentence argues for the view: no mention in passing)
        del row[theme]
        topic = row.get(views[theme])
        if topic is None or "(child)" in topic.method:
            row[views[theme]] = replace(code, theme=views[theme], method=f"{code.method}+{ASIDE}",
                                        fingerprint=fingerprints.get(views[theme], ""))
        elif ASIDE not in topic.method.split("+"):
            row[views[theme]] = replace(topic, method=f"{topic.method}+{ASIDE}")


_THING = r"(?P<x>[^,;:.!?()]{3,120}?)"  # what is preferred, within its clause
_COMPARED = r"(?:rather\s+than|instead\s+of|in\s+preference\s+to|over|to|than)\b"
_PREFERENCES = [re.compile(p, re.IGNORECASE) for p in (
    # "We would prefer a mobile library to closure", "prefer to keep the mobile library", "would rather have
    # a mobile library than ...", "chose a mobile library over closure", "want X rather than Y"
    r"\b(?:prefer(?:s|red)?|(?:much\s+|far\s+)?rather)(?!\s+(?:than|not|no|never)\b)\s+"
    r"(?:(?:to|have|see|keep|get|take|use)\s+)*"
    + _THING + r"(?:\s+" + _COMPARED + r"|\s*(?:[,;:.!?()]|$))",
    r"\b(?:choose|chose|chosen|choosing|favou?r(?:s|ed)?|pick(?:s|ed)?|opt(?:s|ed)?\s+for"
    r"|go(?:es)?\s+for|went\s+for|support(?:s|ed)?|back(?:s|ed)?|wants?|wanted)\s+" + _THING
    + r"\s+(?:rather\s+than|instead\s+of|in\s+preference\s+to|over)\b",
    # "A mobile library rather than closure would ...", "X instead of closing the branch"
    r"(?:^|[,;:(]\s*)" + _THING + r"\s+(?:rather\s+than|instead\s+of|in\s+preference\s+to)\b",
    # "A mobile library is better than nothing", "... would be preferable to closure"
    r"(?:^|[,;:(]\s*)" + _THING + r"\s+(?:is|are|was|would\s+be|will\s+be|seems?|remains?)\s+"
    r"(?:(?:much|far|a\s+lot|still|surely|clearly|infinitely)\s+)?(?:better|preferable)\s+(?:than|to)\b",
    # "better to have a mobile library than nothing"
    r"\bbetter\s+(?:to\s+(?:have|keep|see|get)\s+)?" + _THING + r"\s+than\b",
)]


def preferred(sentence: str) -> list[str]:
    """What a sentence prefers to something else, or says it prefers: "a mobile library" in "We would
    prefer a mobile library to closure", "We would rather have a mobile library than lose the service", "A
    mobile library rather than closure would ...", "A mobile library is better than nothing", "chose a
    mobile library over closure"; not what is preferred against ("closure" there), nor a preference denied
    ("We would not prefer ..."), nor someone else's, a doubted or a reported one ("Nobody would prefer
    ...", "It is hard to say whether X is better than ...", "The council says residents would prefer ...":
    `choices.OTHERS_PREFER`, `_NOT_OWN`, in the clause up to what is preferred)."""
    out = []
    for pattern in _PREFERENCES:
        for m in pattern.finditer(sentence):
            start = max(sentence.rfind(mark, 0, m.start()) for mark in ".!?;") + 1
            said = sentence[start : m.end("x")]
            if not OTHERS_PREFER.search(said) and not _NOT_OWN.search(said):
                out.append(m["x"])
    return out


_NOT_OWN = re.compile(r"n['’]t\b|\b(?:not|never|no|doubt\w*|whether|says?|said|claims?|argues?|suggests?)\b",
                      re.IGNORECASE)  # (a preference denied, doubted or reported)


def finder(codebook: Codebook) -> Callable[[str], frozenset[str]]:
    """text -> the themes the codebook's rules find in it, held (not negated or argued against, at or above
    RULE_FLOOR); the rules are loaded on first use (most runs never ask)."""
    from respmine.themes.rules import RULE_FLOOR, PhraseRules

    loaded: list[PhraseRules] = []

    def finds(text: str) -> frozenset[str]:
        if not loaded:
            loaded.append(PhraseRules(codebook))
        return frozenset(h.theme for h in loaded[0].find_many([text])[0]
                         if h.confidence >= RULE_FLOOR and not (h.negated or h.rejected))

    return finds


def _short(text: str, evidence: Span) -> bool:
    """The sentences of `text` holding the evidence have at most SHORT_SENTENCE_WORDS words."""
    from respmine.themes.rules import SHORT_SENTENCE_WORDS
    from respmine.themes.sentences import sentence_spans

    held = [(a, b) for a, b in sentence_spans(text) if a < evidence.end and evidence.start < b]
    return bool(held) and len(text[held[0][0]:held[-1][1]].split()) <= SHORT_SENTENCE_WORDS


def _names(theme: Theme, key: str, question: str, codebook: Codebook, shared: bool,
           written: Mapping[str, str]) -> bool:
    """The view's label names option `key` (and no other); where several questions offer that option
    (`shared`), it or a topic above it names `question` by its number as well (a label renamed to name
    none: as `written`)."""
    if {k.upper() for k in _OPTION_NAMED.findall(_label(theme, _OPTION_NAMED, written))} != {key}:
        return False
    if not shared:
        return True
    number = re.search(r"\d+", question)
    labels = [_label(t, _QUESTION_NAMED, written)
              for t in (theme, *(codebook.theme(a) for a in codebook.ancestors(theme.id)))]
    return number is not None and any(
        int(n) == int(number.group()) for label in labels for n in _QUESTION_NAMED.findall(label))


def _label(theme: Theme, naming: re.Pattern[str], written: Mapping[str, str]) -> str:
    """The theme's label, or, where it names nothing `naming` finds, its label as written."""
    return theme.label if naming.search(theme.label) else written.get(theme.id, theme.label)


def choose(seg: str, text: str, row: dict[str, Code], choices: Choices, fingerprints: Mapping[str, str],
           codebook: str, version: str) -> None:
    """An answer to the option question (`choices`) that chose an option (`structure.choices.chosen`)
    takes its view, with the topics above it, evidenced by the sentence that chose (`row`, the segment's
    codes by theme, gains them; a rule's or the classifier's code of the view or topic is kept, a
    similarity one is replaced); a similarity code of another option's view goes (the answer chose
    another)."""
    key = chosen(text, choices.options)
    if key is None or key == SEVERAL:
        return
    view = choices.views.get(key, ())
    others = {v[0] for k, v in choices.views.items() if k != key}
    for theme in [t for t, c in row.items() if t in others and c.method.split("+")[0] == "similarity"]:
        del row[theme]
    if not view:  # an option that is no view ("Option C (no scheme)") is still an answer on the topic the
        view = choices.topics  # question's views are views on: choosing it is about that (`Choices.topics`)
    if not view:
        return
    span = _choosing(text, key)
    for k, theme in enumerate(view):
        have = row.get(theme)
        if have is not None and not have.method.split("+")[0].startswith("similarity"):
            continue  # (a topic implied by a similarity code of the view: implied by its choice now)
        row[theme] = Code(segment=seg, theme=theme, confidence=1.0, method=f"{CHOSE}(child)" if k else CHOSE,
                          evidence=Span(*span), evidence_text=text[span[0] : span[1]], codebook=codebook,
                          fingerprint=fingerprints.get(theme, ""), model=version)


def _choosing(text: str, key: str) -> tuple[int, int]:
    """The sentence of `text` naming option `key` ("Option B is the least damaging of the three.", "A, if
    it's the only way to keep it open."): by its word first, else by its key alone; else the first sentence
    (a choice by its label's words is read there)."""
    spans = sentence_spans(text) or [(0, len(text))]
    for named in (re.compile(rf"\b(?:option|opsiwn)\s+{key}\b", re.IGNORECASE),
                  re.compile(rf"(?<![\w'’-]){key}(?![\w'’-])")):
        hit = next(((a, b) for a, b in spans if named.search(text, a, b)), None)
        if hit is not None:
            return hit
    return spans[0]
