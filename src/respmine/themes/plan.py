"""Which segments a rerun must recode, and why: each segment's coding state against the current coder.

A segment is recoded when its own input changed (text, question, coder logic, embedder, trained
classifier) or when a codebook change can alter its codes:

- it has a code (direct or an implied parent) of a changed, added or removed theme;
- a changed or added theme's rules now find it in it (its phrases, or its label's words when it has no
  phrases; probed with the rules of those themes only, without their exclusions and whether or not the
  hit codes: similarity leaves out a theme a rule found in a sentence, so an exclusion that removes a hit
  coding nothing can change its codes, `stage._probe`);
- it has text and any theme's similarity prototypes, place in the hierarchy or implied stance changed:
  similarity reads every sentence
  (beside the rules' codes too, `ThemeCoder._add_similarity`), and each span's closest theme and the
  `at_least_one` fallback compare every theme, so any change can move them;
- a rule finds a theme in it by a brief phrase in passing (`rules.passing_themes`), which similarity keeps
  or drops (`ThemeCoder._drop_uncorroborated`), and the prototypes changed (every theme's rules probed;
  such a segment has text, so the rule above already recodes it).

Everything else keeps its codes, because (see `themes.coder`) a theme's rule hits depend only on that
theme's phrases, exclusions and label (a topic's also on the positions on it: their fingerprints join its
own; a position's also on the other positions on its topic, `rules._unheld_positions`, and a segment
where one is coded or argued against has a code of that topic), similarity depends on every theme's
prototypes and on nothing else of the codebook but the rule codes it does not repeat (above), and an
implied parent code depends only on the segment's codes under it. A codebook version bump with the same
themes recodes nothing. Stance is separate: a new stance model recomputes stances, not codes.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from respmine.records import Code
from respmine.themes.codebook import Codebook, Theme


@dataclass(frozen=True)
class SegmentInput:
    id: str
    text: str
    question: str
    names: tuple[str, ...] = ()  # the organisations it is from: their names are no theme mentions


@dataclass(frozen=True)
class SegmentState:
    """What a segment's machine codes and stance were computed under."""

    stamp: str  # text, question, coder logic, embedder and trained classifier
    codebook: str  # `CodebookState.key` of the themes it was coded against
    stance: str  # stamp of its text and the stance model its segment and code stances come from


@dataclass(frozen=True)
class CodebookState:
    """A codebook's themes as the coder sees them: (id, fingerprint, similarity key), in codebook order.

    The version is left out on purpose: a version bump with the same themes changes no code.
    """

    themes: tuple[tuple[str, str, str], ...]

    @classmethod
    def of(cls, codebook: Codebook) -> CodebookState:
        on: dict[str, list[str]] = {}  # topic -> fingerprints of the positions on it (`Codebook.topic`)
        for t in codebook.themes:
            topic = codebook.topic(t.id) if t.position else None
            if topic is not None:
                on.setdefault(topic, []).append(t.fingerprint)
        return cls(tuple((t.id, _rules_key(t, on.get(t.id, [])), _similarity_key(
            t, codebook.ancestors(t.id), [codebook.theme(a).label for a in codebook.ancestors(t.id)]))
                         for t in codebook.themes))

    @cached_property  # read once per segment when planning: computed once per state
    def key(self) -> str:
        return _digest(json.dumps(self.themes))

    @cached_property
    def similarity(self) -> str:
        """Changes when any theme's similarity prototypes, ancestors or implied stance change, or themes are
        added or removed."""
        return _digest(json.dumps([(i, s) for i, _, s in self.themes]))

    def fingerprints(self) -> dict[str, str]:
        return {i: f for i, f, _ in self.themes}


@dataclass
class Previous:
    """What the store holds from earlier runs."""

    states: Mapping[str, SegmentState] = field(default_factory=dict)
    codes: Mapping[str, Sequence[Code]] = field(default_factory=dict)  # segment -> machine codes
    codebooks: Mapping[str, CodebookState] = field(default_factory=dict)  # key -> state


@dataclass
class Plan:
    recode: list[SegmentInput] = field(default_factory=list)  # run through the theme coder
    stance: set[str] = field(default_factory=set)  # segment and code stances recomputed
    themes: set[str] = field(default_factory=set)  # changed, added or removed since a segment's coding
    kept: int = 0  # segments whose codes are kept as they are
    reasons: Counter[str] = field(default_factory=Counter)  # why segments are recoded (see REASONS)

    def add(self, seg: SegmentInput, reason: str) -> None:
        self.recode.append(seg)
        self.reasons[reason] += 1


REASONS = {
    "new": "not coded before",
    "input": "its text or question, the coder, the embedder or the trained classifier changed",
    "codes": "it has a code of a changed, added or removed theme",
    "phrases": "a changed or added theme's rules (phrases, or label) fire in it",
    "similarity": "the themes' similarity prototypes changed, and similarity reads its sentences",
    "passing": "a rule finds a theme in it by a brief phrase in passing, kept or dropped by similarity, and "
               "the themes' similarity prototypes changed",
}


Probe = Callable[[Sequence[Theme], Sequence[SegmentInput]], list[bool]]  # do these themes' rules fire?
Passing = Callable[[Codebook, Sequence[SegmentInput]], list[bool]]  # a brief phrase in passing in it?


def plan_recoding(
    segments: Sequence[SegmentInput],
    previous: Previous,
    codebook: Codebook,
    stamp: Callable[[SegmentInput], str],
    stance_stamp: Callable[[SegmentInput], str],
    probe: Probe,
    passing: Passing,
) -> Plan:
    """Sort segments into recode, stance-only and keep, probing changed themes' rules where needed (and,
    when the similarity prototypes changed, every theme's rules for a brief phrase in passing)."""
    current = CodebookState.of(codebook)
    plan = Plan()
    to_probe: dict[str, list[SegmentInput]] = {}  # old codebook key -> segments to probe
    changes: dict[str, set[str]] = {}  # old codebook key -> affected themes
    for seg in segments:
        state = previous.states.get(seg.id)
        if state is None or state.stance != stance_stamp(seg):
            plan.stance.add(seg.id)
        if state is None or state.stamp != stamp(seg) or state.codebook not in previous.codebooks:
            plan.add(seg, "new" if state is None else "input")
            continue
        if state.codebook == current.key:
            plan.kept += 1
            continue
        old = previous.codebooks[state.codebook]
        if state.codebook not in changes:
            changes[state.codebook] = affected_themes(old, current)
            plan.themes |= changes[state.codebook]
        changed = changes[state.codebook]
        codes = previous.codes.get(seg.id, ())
        if any(c.theme in changed for c in codes):
            plan.add(seg, "codes")
        elif old.similarity != current.similarity and _similarity_reads(seg):
            plan.add(seg, "similarity")
        else:
            to_probe.setdefault(state.codebook, []).append(seg)
    for key, group in to_probe.items():
        changed = changes[key]  # their rules, or those of the positions on them (`Codebook.topic`)
        themes = [t for t in codebook.themes
                  if t.id in changed or (t.position and codebook.topic(t.id) in changed)]
        fired = probe(themes, group) if themes else [False] * len(group)
        rest = [seg for seg, hit in zip(group, fired, strict=True) if not hit]
        for seg in (seg for seg, hit in zip(group, fired, strict=True) if hit):
            plan.add(seg, "phrases")
        moved = previous.codebooks[key].similarity != current.similarity
        for seg, leans in zip(rest, passing(codebook, rest) if moved and rest else [False] * len(rest),
                              strict=True):
            if leans:
                plan.add(seg, "passing")
            else:
                plan.kept += 1
    return plan


def affected_themes(old: CodebookState, new: CodebookState) -> set[str]:
    """Themes added, removed, or whose content (phrases, parent, description, ...) changed."""
    before, after = old.fingerprints(), new.fingerprints()
    return {i for i in before.keys() | after.keys() if before.get(i) != after.get(i)}


def _similarity_reads(seg: SegmentInput) -> bool:
    """Similarity read the segment's sentences (every one with text: beside the rules' and classifier's
    codes it may add a point of another theme, and where they found none it decides, or leaves the
    classifier's fallback pick): new prototypes can change that."""
    return bool(seg.text.strip())


def _rules_key(theme: Theme, positions: Sequence[str]) -> str:
    """The theme's fingerprint, joined by those of the positions whose argued-against mentions code it
    (`Codebook.topic`): adding, editing or removing such a position changes the topic's codes."""
    if not positions:
        return theme.fingerprint
    return _digest(json.dumps([theme.fingerprint, *sorted(positions)]))[:16]


def _similarity_key(theme: Theme, ancestors: Sequence[str], above: Sequence[str] = ()) -> str:
    """Everything the similarity prototypes are built from (a superset, to stay safe), the themes above it
    (`ancestors`: which family, the top-level theme, a sentence is near decides a word in passing; beside a
    rule's code similarity adds no sibling of it nor a topic, `ThemeCoder._beside`, so a sub-theme moved
    under another parent of its family can code a segment that had no code of it) and the stance it implies
    (a similarity code to a position its sentence argues against is dropped, `stage._contradicted`: a theme
    no longer implying that stance keeps it in a segment that had no code of it). A view (`Theme.position`)
    is coded by similarity only in a span using a word of its label or phrases its topics' labels (`above`)
    lack (`ThemeCoder._names_view`): those labels, and whether it is a view, are part of its key."""
    parts: list[object] = [theme.label, theme.description, list(theme.examples), list(theme.phrases),
                           list(ancestors)]
    if theme.stance is not None:  # (unset: the key of a codebook from before stances)
        parts.append(theme.stance)
    if theme.position:  # (a theme that is no view keeps its key)
        parts.append(["position", list(above)])
    return _digest(json.dumps(parts))[:16]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]
