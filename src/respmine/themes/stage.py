"""The theme stage over a run: every segment coded against the codebook, with evidence and stance.

Incremental (which segments, and why, is `themes.plan`): each segment records what it was coded under (a stamp
of its text, question, coder logic, embedder and trained classifier; the codebook's theme fingerprints; the
stance model). A rerun recodes only segments whose stamp changed or whose codes a codebook edit can alter,
writes only the code rows that differ, and the store restamps the others with the current codebook. So late
submissions cost only their own segments, and a one-theme edit costs the segments that theme touches, plus
(when its similarity prototypes changed) a rescoring of every segment with text (similarity reads every
sentence; sentence vectors are cached). New analyst examples retrain the classifier, and a changed classifier
recodes every segment: the themes it has learned are decided by it for all of them. A new stance model
recomputes stances only.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from respmine.records import UNCODED, Code, SegmentStance, Span
from respmine.themes.chosen import (
    ASIDE,
    Choices,
    OfferedOptions,
    aside,
    choose,
    coded_under,
    finder,
    offered_options,
    offered_views,
    option_views,
    rules_key,
)
from respmine.themes.codebook import Codebook, Theme
from respmine.themes.plan import CodebookState, Plan, Previous, SegmentInput, SegmentState, plan_recoding
from respmine.themes.sentences import sentence_spans
from respmine.themes.stance import THEME_STANCE, position_stance, positions
from respmine.themes.stated import AGREED, DISAGREED, answered_side, stated_positions
from respmine.topics.embed import Embedder

if TYPE_CHECKING:
    from respmine.themes.coder import Tag, ThemeCoder
    from respmine.themes.stance import StanceModel

__all__ = ["MIN_TRAINING", "CodingResult", "Previous", "SegmentInput", "SegmentState", "code_segments"]

MIN_TRAINING = 20  # analyst-reviewed segments needed before a classifier is trained from them
Examples = tuple[Sequence[str], Sequence[Sequence[str]]]
_UNKNOWN = object()


@dataclass
class CodingResult:
    """What to write: code rows that are new or differ, rows to drop, stances and segment states."""

    codes: list[Code] = field(default_factory=list)  # added or changed rows (replace their segment+theme)
    removed: list[tuple[str, str]] = field(default_factory=list)  # (segment, theme) rows to delete
    stances: list[SegmentStance] = field(default_factory=list)  # recomputed segment stances
    states: dict[str, SegmentState] = field(default_factory=dict)  # segments whose state changed
    codebook: CodebookState = field(default_factory=lambda: CodebookState(()))
    stamp: str = ""  # codebook name@version, for every row
    version: str = ""  # the `model` of every row: coder, codebook, classifier, embedder, stance
    recoded: list[str] = field(default_factory=list)  # segments run through the coder
    themes: list[str] = field(default_factory=list)  # changed, added or removed themes
    reasons: dict[str, int] = field(default_factory=dict)  # why segments were recoded (`plan.REASONS`)
    options: list[OfferedOptions] = field(default_factory=list)  # the option questions, as linked
    added: int = 0
    changed: int = 0
    unchanged: int = 0  # rows kept as they are
    skipped: int = 0  # segments not run through the coder

    @property
    def segments_changed(self) -> int:
        return len({c.segment for c in self.codes} | {s for s, _ in self.removed})


@dataclass(frozen=True)
class _Context:
    previous: Previous
    plan: Plan
    stance_stamp: Callable[[SegmentInput], str]
    fingerprints: Mapping[str, str]
    codebook: str
    version: str
    stance: StanceModel
    asked: Callable[[SegmentInput], str | None]  # the agreement question a segment answers, if it does
    read_with: Callable[[SegmentInput], str | None]  # ... or the options question proposing one of them
    implied: Mapping[str, str]  # theme -> the stance it implies (a theme that is a position)
    stated: Mapping[str, tuple[str, ...]]  # question -> the view it asks agreement with, and its topics
    rivals: Mapping[str, frozenset[str]]  # a view -> the other views on its topic
    choices: Mapping[str, Choices] = field(default_factory=dict)  # option question -> its options' views
    finds: Callable[[str], Collection[str]] | None = None  # text -> themes the rules find (`chosen.finder`)
    ancestors: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # theme -> its parents, up
    asking: Callable[[SegmentInput], str | None] | None = None  # the question's text (`ThemeCoder.code`)


def code_segments(
    segments: Sequence[SegmentInput],
    codebook: Codebook,
    embedder: Embedder | None,
    *,
    previous: Previous | None = None,
    examples: Examples | None = None,
    progress: Callable[[int], object] | None = None,
    batch: int = 256,
    questions: Mapping[str, str] | None = None,
    title: str = "",
    options: Mapping[str, Mapping[str, str]] | None = None,
    labels: Mapping[str, str] | None = None,
) -> CodingResult:
    """Code what changed since `previous` (everything without it); returns what to write. `questions`:
    question id -> its text, for stance (a "No." to "Do you agree ...?" opposes). `title`: the
    consultation's (a covering sentence naming it is a formality, not coded). `options`: question id ->
    the options it offers (key -> label), whose views its answers take by choosing (`themes.chosen`);
    `labels`: theme id -> its label as the codebook file wrote it (before analysts' renames)."""
    from respmine.themes.coder import coder_version
    from respmine.themes.stance import StanceModel, asks_agreement, proposes_option

    examples = _known_examples(examples, codebook)
    stance = StanceModel(embedder)
    key = "|".join([coder_version(), embedder.name if embedder else "-", _examples_key(examples), title])
    phrased: dict[str, frozenset[str]] = {}  # (option label -> the views the rules find in it: stored)
    choices = option_views(codebook, options or {}, labels, phrased)  # (what choosing an option codes)

    def stamp(seg: SegmentInput) -> str:  # (an agreement question's wording decides what restates it)
        offered = coded_under(choices, seg.question)  # (its options' views, and other questions')
        return _digest(f"{key}|{seg.question}|{asked(seg) or ''}{offered}|{chr(31).join(seg.names)}"
                       f"|{asking(seg) or ''}|{seg.text}")

    def asking(seg: SegmentInput) -> str | None:
        """The text of the question the segment answers, whose subject a sentence near it takes; not an
        option question's (choosing an option codes its view: `themes.chosen`)."""
        return None if seg.question in choices else (questions or {}).get(seg.question)

    agreement = {q: text for q, text in (questions or {}).items() if asks_agreement(text)}

    def asked(seg: SegmentInput) -> str | None:
        """The agreement question the segment answers: by id, else its own wording when it has no text
        on file (a form column no question matched keeps its header as its question)."""
        if seg.question in agreement or seg.question in (questions or {}):
            return agreement.get(seg.question)
        return seg.question if asks_agreement(seg.question) else None

    proposing = {q: text for q, text in (questions or {}).items() if proposes_option(text)}

    def read_with(seg: SegmentInput) -> str | None:
        """The question the segment's stance is read with: an agreement question, or one asking to choose
        between options, one of which the consultation proposes ("C" supports it)."""
        return asked(seg) or proposing.get(seg.question)

    def stance_stamp(seg: SegmentInput) -> str:  # an agreement question's wording is read with the answer
        if seg.question in UNCODED:  # (none is read: `UNCODED_STANCE`)
            return _digest(f"{stance.version}|{UNCODED_STANCE}")
        return _digest(f"{stance.version}|{read_with(seg) or ''}|{seg.text}")

    def probe(themes: Sequence[Theme], segs: Sequence[SegmentInput]) -> list[bool]:
        """`_probe`, and a changed view may be (or no longer be) the one an agreement question states, or
        an option question offers (`themes.chosen`)."""
        fired = _probe(themes, segs)
        if any(t.position for t in themes):
            fired = [hit or s.question in agreement or s.question in choices
                     for hit, s in zip(fired, segs, strict=True)]
        return fired

    previous = previous or Previous()
    plan = plan_recoding(segments, previous, codebook, stamp, stance_stamp, probe,
                         lambda cb, segs: _passing(cb, segs, title))
    stated = stated_positions(codebook, agreement) if plan.recode or plan.stance else {}
    _recode_answers(plan, segments, stated, previous)
    current = CodebookState.of(codebook)
    version = model_version(codebook, embedder, examples, stance.version)
    result = CodingResult(codebook=current, stamp=codebook.stamp, version=version, themes=sorted(plan.themes),
                          reasons=dict(sorted(plan.reasons.items())),
                          skipped=len(segments) - len(plan.recode),
                          options=offered_options(options or {}, phrased, rules_key(codebook)))
    ctx = _Context(previous, plan, stance_stamp, current.fingerprints(), codebook.stamp, version, stance,
                   asked, read_with, positions(codebook), stated, _rivals(codebook), choices,
                   finder(codebook), {t.id: tuple(codebook.ancestors(t.id)) for t in codebook.themes}, asking)
    if plan.recode:  # the coder (models, rules, classifier fit) is only built when there is work
        _recode(_coder(codebook, embedder, examples, title), ctx, result, batch, progress)
    recoded = set(result.recoded)
    rest = [s for s in segments if s.id not in recoded]
    restance = [s for s in rest if s.id in plan.stance]
    for i in range(0, len(restance), batch):  # a new stance model: the kept codes' stances only
        chunk = restance[i : i + batch]
        _settle(chunk, [{c.theme: c for c in previous.codes.get(s.id, ())} for s in chunk], ctx, result)
    result.unchanged += sum(len(previous.codes.get(s.id, ())) for s in rest if s.id not in plan.stance)
    for seg in segments:
        state = SegmentState(stamp(seg), current.key, stance_stamp(seg))
        if previous.states.get(seg.id) != state:
            result.states[seg.id] = state
    return result


def _recode(coder: ThemeCoder, ctx: _Context, result: CodingResult, batch: int,
            progress: Callable[[int], object] | None) -> None:
    todo = ctx.plan.recode
    for i in range(0, len(todo), batch):
        chunk = todo[i : i + batch]
        coded = [s for s in chunk if s.question not in UNCODED]  # a self-description, a note: not coded
        found = coder.code([s.text for s in coded], [s.question for s in coded], [s.names for s in coded],
                           [ctx.asked(s) for s in coded],
                           [ctx.asking(s) for s in coded] if ctx.asking is not None else None)
        by_id = dict(zip((s.id for s in coded), found, strict=True))
        tags = [by_id.get(s.id, []) for s in chunk]
        rows = [{t.theme: _row(seg, t, ctx) for t in found} for seg, found in zip(chunk, tags, strict=True)]
        for seg, row in zip(chunk, rows, strict=True):  # an answer choosing an option takes its view
            if seg.question in ctx.choices:
                choose(seg.id, seg.text, row, ctx.choices[seg.question], ctx.fingerprints, ctx.codebook,
                       ctx.version)
        _settle(chunk, rows, ctx, result, recoded=True)
        result.recoded.extend(s.id for s in chunk)
        if progress is not None:
            progress(len(chunk))


def model_version(codebook: Codebook, embedder: Embedder | None, examples: Examples | None,
                  stance_version: str) -> str:
    """The `model` stamp of code rows (as `ThemeCoder.version` + stance), known without fitting anything."""
    from respmine.themes.classifier import ThemeClassifier
    from respmine.themes.coder import coder_version

    parts = [coder_version(), codebook.stamp]
    if _trains(examples):
        parts.append(ThemeClassifier.version)
    if embedder is not None:
        parts.append(embedder.name)
    return "+".join([*parts, stance_version])


def _settle(chunk: Sequence[SegmentInput], rows: list[dict[str, Code]], ctx: _Context,
            result: CodingResult, recoded: bool = False) -> None:
    """Stances for the chunk's rows (and segments, where due: a new stance stamp, or `recoded` codes whose
    themes imply one, `_positions`, or that answer a question stating a view, `stated`), then what differs
    from the store."""
    _code_stances(chunk, rows, ctx)
    for seg, new in zip(chunk, rows, strict=True):  # another question's option named in passing: its topic
        aside(new, offered_views(ctx.choices, seg.question), ctx.fingerprints, ctx.implied, seg.text,
              ctx.finds)
    for new in rows:
        dropped = [t for t, c in new.items() if _contradicted(c, ctx.implied)]
        for theme in dropped:
            del new[theme]
        for theme in _unsupported({a for t in dropped for a in ctx.ancestors.get(t, ())}, new, ctx.ancestors):
            del new[theme]  # the parent a dropped code implied goes with it
    due = [i for i, s in enumerate(chunk) if s.id in ctx.plan.stance
           or (recoded and (_positions(s, rows[i], ctx) or s.question in ctx.stated))]
    for i in due:  # a view taken by agreeing goes with the stance it was taken from
        rows[i] = {t: c for t, c in rows[i].items() if not c.method.startswith(AGREED)}
    _segment_stances(chunk, rows, due, ctx, result)
    for seg, new in zip(chunk, rows, strict=True):
        old = {c.theme: c for c in ctx.previous.codes.get(seg.id, ())}
        for theme, code in new.items():
            before = old.get(theme)
            if before is not None and _content(before) == _content(code):
                result.unchanged += 1
                continue
            result.added += before is None
            result.changed += before is not None
            result.codes.append(replace(code, codebook=ctx.codebook, model=ctx.version))
        result.removed += [(seg.id, t) for t in old if t not in new]


def _segment_stances(chunk: Sequence[SegmentInput], rows: list[dict[str, Code]], due: Sequence[int],
                     ctx: _Context, result: CodingResult) -> None:
    """The stances of the `due` segments; an answer opening by agreeing with a question that states a view
    takes the view (`stated`) unless its words coded it or another view on its topic (`_rivals`); one
    opening by disagreeing argues against it (`_disagreed`)."""
    for seg in (chunk[i] for i in due if chunk[i].question in UNCODED):  # who they are, a citation: no view
        result.stances.append(SegmentStance(seg.id, "neutral", 1.0, "", UNCODED_STANCE, ctx.stance.version,
                                            ctx.stance_stamp(seg)))
    due = [i for i in due if chunk[i].question not in UNCODED]
    todo = [chunk[i] for i in due]
    asked = [ctx.read_with(s) for s in todo]
    for i, seg, p in zip(due, todo, ctx.stance.predict([s.text for s in todo], asked), strict=True):
        quote = seg.text[p.evidence[0] : p.evidence[1]] if p.evidence else ""
        stance, confidence, method = p.stance, round(float(p.confidence), 4), "zero-shot"
        implied = position_stance(rows[i].values(), ctx.implied) if stance == "neutral" else None
        if implied is not None:  # nothing said outright: the position coded says it
            stance, (quote, confidence) = implied[0], (implied[1].evidence_text, implied[1].confidence)
            method = THEME_STANCE
        result.stances.append(SegmentStance(seg.id, stance, confidence, quote, method, ctx.stance.version,
                                            ctx.stance_stamp(seg)))
        view = ctx.stated.get(seg.question, ())
        answered = view and method != THEME_STANCE  # (a side taken by the text, not by a position coded)
        side = answered_side(seg.text, ctx.asked(seg) or "", stance) if answered else None
        if side is not None and side[0] == "support" and not {view[0], *ctx.rivals[view[0]]} & set(rows[i]):
            rows[i].update((t, _agreed(seg, t, side[1], confidence, ctx, k > 0))
                           for k, t in enumerate(view) if t not in rows[i])
        elif side is not None and side[0] == "oppose" and view[0] in rows[i] and len(view) > 1:
            _disagreed(rows[i], view, ctx)


def _rivals(codebook: Codebook) -> dict[str, frozenset[str]]:
    """Each view (a `position: true` theme) -> the other views on its topic: an answer agreeing with a
    question stating one, whose words hold another ("Yes for housing support; no for mentoring, which should
    be commissioned regionally"), takes neither by agreeing: its words speak."""
    views = [t.id for t in codebook.themes if t.position]
    return {v: frozenset(o for o in views if o != v and codebook.topic(o) == codebook.topic(v))
            for v in views}


def _disagreed(row: dict[str, Code], view: tuple[str, ...], ctx: _Context) -> None:
    """An answer opening by disagreeing with the question that states `view` argues against it: its code
    of the view is coded with the topic above it (`view[1]`), as a sentence the rules read as arguing
    against a view is ("No. ... we would support local advisory boards" had counted for local
    commissioning). The topic's code is marked (method "...+disagreement", its own if it had one), so a
    rerun knows to code the answer again (`_recode_answers`)."""
    code = row.pop(view[0])
    topic = row.get(view[1])
    if topic is None or "(child)" in topic.method:
        row[view[1]] = replace(code, theme=view[1], method=f"{code.method}+{DISAGREED}",
                               fingerprint=ctx.fingerprints.get(view[1], ""))
    elif DISAGREED not in topic.method.split("+"):
        row[view[1]] = replace(topic, method=f"{topic.method}+{DISAGREED}")


def _recode_answers(plan: Plan, segments: Sequence[SegmentInput], stated: Mapping[str, tuple[str, ...]],
                    previous: Previous) -> None:
    """Answers whose stance is due (a new stance model, a reworded question) are coded again where their
    codes depend on their side (`_disagreed`): their question states a view, or stated one when they were
    coded; or a view's code was moved to its topic for a sentence naming it in passing (`chosen.aside`). A
    view's code moved to its topic cannot be moved back from the stored rows."""
    recoded = {s.id for s in plan.recode}
    for seg in segments:
        if seg.id in plan.stance and seg.id not in recoded and (seg.question in stated or any(
                {DISAGREED, ASIDE} & set(c.method.split("+")) for c in previous.codes.get(seg.id, ()))):
            plan.add(seg, "input")


UNCODED_STANCE = "uncoded"  # the method of an ABOUT or NOTE segment's stance: none read, none taken
OPPOSITE = {"support": "oppose", "oppose": "support"}


def _contradicted(code: Code, implied: Mapping[str, str]) -> bool:
    """A similarity code to a position its own evidence sentence argues against: "The council supports a
    statutory ban" was coded "Leave it to schools to decide" (a position against the proposals) by its
    words, and counted a supporter among those holding it. Rules, the classifier and analysts are trusted
    with positions; similarity is not."""
    return (code.method == "similarity" and code.theme in implied
            and OPPOSITE.get(code.stance or "") == implied[code.theme])


def _unsupported(parents: Collection[str], row: Mapping[str, Code],
                 ancestors: Mapping[str, tuple[str, ...]]) -> list[str]:
    """Of the `parents` coded in `row` only as implied by a child ("similarity(child)"), those no code
    of the row's own (not itself implied) is under: their child was dropped, and nothing else holds them."""
    held = {a for t, c in row.items() if "(child)" not in c.method for a in ancestors.get(t, ())}
    return [t for t in parents if t in row and "(child)" in row[t].method and t not in held]


def _positions(seg: SegmentInput, row: Mapping[str, Code], ctx: _Context) -> bool:
    """Whether a recoded segment's stance may take (or have taken) a stance from its themes: one of its
    new codes is a position, or an old one was or may have been (its theme is one, or has changed)."""
    old = ctx.previous.codes.get(seg.id, ())
    return any(t in ctx.implied for t in row) or any(
        c.theme in ctx.implied or ctx.fingerprints.get(c.theme) != c.fingerprint for c in old)


def _code_stances(chunk: Sequence[SegmentInput], rows: list[dict[str, Code]], ctx: _Context) -> None:
    """Each row's stance from the sentence holding its evidence (`_holding`; and, for the segment's opening
    sentence, an agreement question it answers); an old row's stance is reused for the same span when the
    segment's stance stamp (stance model, question, text) is unchanged. A row whose sentence takes none has
    none (a report reads it as `stance.theme_stance` says: a position theme's implied stance, or an
    analyst's on the segment)."""
    known: list[dict[tuple[int, int], str | None]] = []
    for seg in chunk:
        old = () if seg.id in ctx.plan.stance else ctx.previous.codes.get(seg.id, ())
        known.append({(c.evidence.start, c.evidence.end): c.stance for c in old})
    need = sorted({(i, c.evidence.start, c.evidence.end) for i, new in enumerate(rows) for c in new.values()
                   if (c.evidence.start, c.evidence.end) not in known[i]})
    read = [_holding(chunk[i].text, a, b) for i, a, b in need]
    predicted = ctx.stance.predict([chunk[i].text[a:b] for (i, _, _), (a, b) in zip(need, read, strict=True)],
                                   [ctx.read_with(chunk[i]) if a == 0 else None  # an opening "No." answers
                                    for (i, _, _), (a, _) in zip(need, read, strict=True)])
    for (i, a, b), p in zip(need, predicted, strict=True):
        known[i][(a, b)] = p.stance if p.stance != "neutral" else None
    for i, new in enumerate(rows):
        for theme, c in new.items():
            new[theme] = replace(c, stance=known[i][(c.evidence.start, c.evidence.end)])


def _holding(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentences of `text` that hold the evidence span [start, end): a code's stance is read from its
    sentence as written, not from the part of it that evidence points at (a clause of a short answer, or a
    span that began after a blanked name: "strongly supports the extension of GPS monitoring ..." took no
    stance, "Southvale Constabulary strongly supports ..." supports)."""
    held = [(a, b) for a, b in sentence_spans(text) if a < end and start < b]
    return (min(start, held[0][0]), max(end, held[-1][1])) if held else (start, end)


def _agreed(seg: SegmentInput, theme: str, span: tuple[int, int], confidence: float, ctx: _Context,
            above: bool) -> Code:
    """A view taken by agreeing with the question that states it (`stated`), evidenced by the agreeing
    sentence; `above`: a topic above the view, implied by it as a parent is by its child."""
    method = f"{AGREED}(child)" if above else AGREED
    return Code(segment=seg.id, theme=theme, confidence=confidence, method=method, evidence=Span(*span),
                evidence_text=seg.text[span[0] : span[1]], codebook=ctx.codebook,
                fingerprint=ctx.fingerprints.get(theme, ""), model=ctx.version, stance="support")


def _row(seg: SegmentInput, t: Tag, ctx: _Context) -> Code:
    return Code(
        segment=seg.id,
        theme=t.theme,
        confidence=round(float(t.confidence), 4),
        method=t.method,
        evidence=Span(t.start, t.end),
        evidence_text=seg.text[t.start : t.end],
        codebook=ctx.codebook,
        fingerprint=ctx.fingerprints.get(t.theme, ""),
        model=ctx.version,
    )


def _content(c: Code) -> tuple[object, ...]:
    """What a row says. Its stamps (codebook, model, theme fingerprint) are not compared: the store
    restamps kept rows in place."""
    return (c.theme, c.confidence, c.method, c.evidence, c.evidence_text, c.stance)


def _coder(codebook: Codebook, embedder: Embedder | None, examples: Examples | None,
           title: str) -> ThemeCoder:
    from respmine.themes.coder import ThemeCoder

    coder = ThemeCoder(codebook, embedder, title=title)
    if examples is not None and len(examples[0]) >= MIN_TRAINING:
        coder.fit(examples[0], examples[1])
    return coder


def _probe(themes: Sequence[Theme], segments: Sequence[SegmentInput]) -> list[bool]:
    """Whether any of these themes' rules find them in each segment, with or without their exclusions and
    whether or not the hit codes (only those themes' phrases are run), read as the coder reads it: with the
    names of its organisations. A hit that codes nothing still counts: similarity does not give a theme a
    rule found in its sentence and did not code there (`ThemeCoder._add_similarity`), so an exclusion
    added to a theme (its prototypes unchanged) that removes such a hit ("such as housing, mentoring and
    employment", an example in a list, below RULE_FLOOR) lets similarity code the theme in a segment with
    no code of it (the plan had kept it). Run without their exclusions, the hits are those the theme had
    before any exclusion edit and more (an exclusion only removes hits)."""
    from respmine.themes.rules import PhraseRules

    alone = tuple(t.model_copy(update={"parent": None, "exclusions": ()}) for t in themes)  # (hits do not
    # need the hierarchy)
    rules = PhraseRules(Codebook(name="probe", version="0", themes=alone))
    found = rules.find_many([s.text for s in segments], names=[s.names for s in segments])
    return [bool(hits) for hits in found]


def _passing(codebook: Codebook, segments: Sequence[SegmentInput], title: str = "") -> list[bool]:
    """Whether the rules find a theme in each segment by a brief phrase in passing (`rules.passing_themes`),
    read as the coder reads it: formalities blanked (`title`), organisations' names masked."""
    from respmine.themes.coder import without_formalities
    from respmine.themes.rules import PhraseRules, passing_themes

    texts = without_formalities([s.text for s in segments], title)
    found = PhraseRules(codebook).find_many(texts, names=[s.names for s in segments])
    return [bool(passing_themes(hits, text)) for text, hits in zip(texts, found, strict=True)]


def _known_examples(examples: Examples | None, codebook: Codebook) -> Examples | None:
    """Labels of this codebook's themes only, as `ThemeCoder.fit` sees them (so the key is the fit's)."""
    if examples is None:
        return None
    known = set(codebook.ids)
    return list(examples[0]), [[t for t in row if t in known] for row in examples[1]]


def _trains(examples: Examples | None) -> bool:
    """Whether the classifier learns any theme from these examples (`ThemeClassifier.fit`'s rule)."""
    from respmine.themes.classifier import MIN_EXAMPLES

    if examples is None or len(examples[0]) < MIN_TRAINING:
        return False
    counts: dict[str, int] = {}
    for row in examples[1]:
        for theme in set(row):
            counts[theme] = counts.get(theme, 0) + 1
    return any(n >= MIN_EXAMPLES for n in counts.values())


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _examples_key(examples: Examples | None) -> str:
    if examples is None or len(examples[0]) < MIN_TRAINING:
        return "untrained"
    digest = hashlib.sha256()
    for text, labels in zip(examples[0], examples[1], strict=True):
        digest.update(f"{text}\x1f{';'.join(sorted(labels))}\x1e".encode())
    return digest.hexdigest()[:16]
