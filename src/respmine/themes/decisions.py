"""Analysts' decisions applied over machine codes: the analyst always wins, on every rerun.

Decisions are an append-only log (who, when, what). Applying them is a pure function, so the theme
tables, the review app and the exports all see the same effective coding, and a rerun of the machine
coder can never undo a decision: it only replaces the machine's own codes underneath.

Segment actions: `accept` (keep the machine code, marked reviewed), `reject` (drop it), `add` (a code
the machine missed; `value` may carry `start`/`end` of the evidence in the segment text), `stance`
(`value["stance"]`), `reviewed` (the analyst has read the segment). Codebook actions (no segment):
`rename` (`value["label"]`), `merge` (`value["into"]`), `split` (`value["into"]`: the new theme ids,
`value["labels"]`: their labels where given; the old theme's codes are kept until analysts recode them),
`promote` (`value`: id, label, description, keywords: an emerging theme becomes a codebook theme),
`dismiss` (an emerging theme is set aside), `undo` (`value["decision"]`: the id of a rename, merge or split
taken back; the log keeps both, `in_force` drops them: a mistaken merge had no way back).
Respondent actions (no segment): `respondent`, who a response is from as an analyst corrected it
(`structure.corrections`); `publication`, what the respondent asked about publishing their response, as
an analyst set it (`structure.confidentiality.decided`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from respmine.records import STANCES, Code, Span
from respmine.structure import confidentiality, corrections
from respmine.structure.respondent_types import DEFAULT_TYPES, TypeList
from respmine.themes.codebook import Codebook, Theme

SEGMENT_ACTIONS = ("accept", "reject", "add", "stance", "reviewed")
CODEBOOK_ACTIONS = ("rename", "merge", "split", "promote", "dismiss", "undo")
UNDOABLE = ("rename", "merge", "split")  # codebook decisions an analyst can take back
RESPONDENT_ACTIONS = (corrections.ACTION, confidentiality.ACTION)


class DecisionError(ValueError):
    """A decision that cannot be recorded (unknown action, theme or stance); the message says why."""


@dataclass(frozen=True)
class Decision:
    at: datetime
    user: str
    action: str
    segment: str | None = None
    theme: str | None = None
    value: Mapping[str, Any] | None = None
    note: str | None = None
    id: int | None = None  # its row's, once stored (what an `undo` names)


def in_force(log: Iterable[Decision]) -> list[Decision]:
    """The decisions that apply: the log without the codebook decisions analysts took back (the audit
    trail keeps them). The `undo`s stay, changing nothing but the codebook's revision (`effective_codebook`:
    "merge A, undo, merge B" is not stamped as "merge A" was)."""
    log = list(log)
    undone = {int(str(d.value["decision"])) for d in log if d.action == "undo" and d.value
              and str(d.value.get("decision", "")).isdigit()}
    return [d for d in log if d.id is None or d.id not in undone]


def validate(decision: Decision, codebook: Codebook, types: TypeList = DEFAULT_TYPES) -> None:
    """Refuse decisions that would silently do nothing, before they reach the audit log (a respondent's
    type must be one of the consultation's `types`)."""
    action = decision.action
    if action not in SEGMENT_ACTIONS + CODEBOOK_ACTIONS + RESPONDENT_ACTIONS:
        raise DecisionError(f"unknown action {action!r}")
    if action in RESPONDENT_ACTIONS:
        found = (corrections.problem(dict(decision.value or {}), types) if action == corrections.ACTION
                 else confidentiality.decision_problem(dict(decision.value or {})))
        if found:
            raise DecisionError(found)
        return
    if action in SEGMENT_ACTIONS and not decision.segment:
        raise DecisionError(f"{action} needs a segment")
    value = dict(decision.value or {})
    known = set(effective_codebook(codebook, []).ids) | {str(value.get("id", ""))}
    if action in ("accept", "reject", "add", "rename", "merge", "split") and decision.theme not in known:
        raise DecisionError(f"{action}: {decision.theme!r} is not a theme of {codebook.stamp}")
    if action == "stance" and value.get("stance") not in STANCES:
        raise DecisionError(f"stance must be one of {', '.join(STANCES)}")
    if action == "merge" and value.get("into") not in known:
        raise DecisionError(f"merge: target {value.get('into')!r} is not a theme")
    if action == "promote" and not value.get("id"):
        raise DecisionError("promote needs the new theme's id")
    if action == "undo" and not str(value.get("decision", "")).isdigit():
        raise DecisionError("undo needs the id of the decision it takes back")


def effective_codebook(codebook: Codebook, decisions: Iterable[Decision]) -> Codebook:
    """The codebook with analysts' renames, promotions, merges and splits applied (in time order)."""
    themes = {t.id: t for t in codebook.themes}
    changes = 0
    for d in sorted(decisions, key=lambda d: d.at):
        value = dict(d.value or {})
        if d.action == "rename" and d.theme in themes:
            themes[d.theme] = themes[d.theme].model_copy(update={"label": str(value["label"])})
        elif d.action == "promote" and str(value["id"]) not in themes:
            new_id = str(value["id"])
            themes[new_id] = Theme(
                id=new_id,
                label=str(value.get("label", new_id)),
                description=str(value.get("description", "")),
                parent=value.get("parent") if value.get("parent") in themes else None,
                phrases=tuple(str(k) for k in value.get("keywords", ())),
                examples=tuple(str(q) for q in value.get("examples", ()))[:3],
            )
        elif d.action == "split" and d.theme in themes:
            labels = dict(value.get("labels") or {})
            for new_id in map(str, value.get("into", ())):
                label = str(labels.get(new_id) or split_label(themes[d.theme], new_id))
                themes.setdefault(new_id, Theme(id=new_id, label=label, parent=d.theme))
        elif d.action == "merge" and d.theme in themes and value.get("into") in themes:
            into = str(value["into"])
            themes[into] = merged_theme(themes[into], themes[d.theme])
            themes = {
                k: (t.model_copy(update={"parent": into}) if t.parent == d.theme else t)
                for k, t in themes.items()
                if k != d.theme
            }
        elif d.action == "undo":  # (the change it took back and itself: each revision's stamp is its own)
            changes += 1
        else:
            continue
        changes += 1
    if not changes:
        return codebook
    return Codebook(
        name=codebook.name,
        version=f"{codebook.version}+r{changes}",
        description=codebook.description,
        themes=tuple(themes.values()),
    )


def split_label(parent: Theme, new_id: str) -> str:
    """A sub-theme made by a split without a label, named after its parent and its id's last part: reports
    read "Implementation timetable: dates", not "consultation.timetable.dates"."""
    part = new_id.removeprefix(f"{parent.id}.").replace("_", " ").replace(".", " ").strip()
    return f"{parent.label}: {part}"


def merged_theme(target: Theme, merged: Theme) -> Theme:
    """`target` finding what `merged` found too: the merged theme's phrases and example answers join the
    target's, so a rerun or a late response codes them under the target (after merging "Women offenders"
    into "Families of offenders", a new answer about "women's centres" counts under Families). Coding
    with the merged theme simply dropped lost its respondents from the target on the next rerun (10 -> 7).
    A theme found by its label (no phrases) brings its label as a phrase. Exclusions stay behind: the
    merged theme's would drop the target's own mentions. A target merging a theme that implies the opposite
    stance implies none (`Theme.stance`): it now holds both sides, and the stance it kept dropped what the
    merged theme's side said (similarity's code to a position its evidence argues against is dropped,
    `stage._contradicted`: merging the sample's "Core delivery partner", implying support, into
    "Complementary to statutory services", implying opposition, lost the target from 5 segments on the
    rerun, "We would favour a core contract that meets the full cost of the service" among them)."""
    phrases = [p for t in (target, merged) for p in (t.phrases or (_as_phrase(t.label),))]
    return target.model_copy(update={
        "phrases": tuple(dict.fromkeys(phrases)),
        "examples": tuple(dict.fromkeys((*target.examples, *merged.examples))),
        "stance": target.stance if merged.stance in (None, target.stance) else None,
    })


def _as_phrase(label: str) -> str:
    """A label as respondents would write it: labels inferred from coded files are identifiers."""
    return label.replace("_", " ")


def apply_decisions(
    codes: Sequence[Code], decisions: Iterable[Decision], segment_texts: Mapping[str, str], codebook: Codebook
) -> list[Code]:
    """Machine codes with every analyst decision applied; the latest decision on a (segment, theme) wins. An
    accept after a reject restores the code rejected (the machine's, or the one the analyst had added),
    with its evidence: the review app's "Restore" undoes a reject (it had re-added it as the whole
    segment)."""
    ordered = sorted(decisions, key=lambda d: d.at)
    merged = merged_into(ordered)
    by_key: dict[tuple[str, str], Code] = {}
    for c in codes:
        theme = merged.get(c.theme, c.theme)
        key = (c.segment, theme)
        if key not in by_key or c.confidence > by_key[key].confidence:
            by_key[key] = c if theme == c.theme else replace(c, theme=theme)  # copy only what changes
    stance: dict[str, str] = {}
    rejected: dict[tuple[str, str], Code] = {}
    for d in ordered:
        if d.segment is None or d.action not in ("accept", "reject", "add", "stance"):
            continue
        if d.action == "stance":
            stance[d.segment] = str((d.value or {})["stance"])
            continue
        key = (d.segment, merged.get(d.theme or "", d.theme or ""))
        if d.action == "reject":
            if key in by_key:
                rejected[key] = by_key.pop(key)
        elif d.action == "accept" and (key in by_key or key in rejected):
            by_key[key] = replace(by_key.get(key) or rejected.pop(key), reviewed=True)
        elif d.action in ("accept", "add"):
            by_key[key] = _analyst_code(d, key[1], segment_texts.get(d.segment, ""), codebook)
    out = [c if c.segment not in stance else replace(c, stance=stance[c.segment]) for c in by_key.values()]
    return sorted(out, key=lambda c: (c.segment, c.theme))


def _analyst_code(d: Decision, theme: str, text: str, codebook: Codebook) -> Code:
    value = dict(d.value or {})
    start = max(0, min(int(value.get("start", 0)), len(text)))
    end = max(start, min(int(value.get("end", len(text))), len(text)))
    return Code(
        segment=d.segment or "",
        theme=theme,
        confidence=1.0,
        method="analyst",
        evidence=Span(start, end),
        evidence_text=text[start:end],
        stance=None,
        codebook=codebook.stamp,
        fingerprint="",
        model=f"analyst:{d.user}",
        reviewed=True,
    )


def merged_into(decisions: Iterable[Decision]) -> dict[str, str]:
    """Each merged theme -> the theme its codes count under now (a chain of merges followed to its end)."""
    ordered = sorted(decisions, key=lambda d: d.at)
    merged = {d.theme: str((d.value or {})["into"]) for d in ordered if d.action == "merge" and d.theme}
    return {t: _follow(merged, t) for t in merged}


def merged_positions(codebook: Codebook, decisions: Iterable[Decision]) -> frozenset[str]:
    """The themes that took in a position of `codebook` (a theme implying a stance, `Theme.stance`) by a
    merge (`decisions` in force): they still carry a stance on the proposals (`stance.stance_scope`), though
    one that took in the opposite side implies none (`merged_theme`). Read as no position, merging the
    sample's "Core delivery partner" into "Complementary to statutory services" left the codebook marking
    none: every theme was read as a topic, and with other positions left, the target's respondents lost
    the sides their own sentences took. `codebook`: as written, before analysts' edits."""
    merged = merged_into(decisions)
    return frozenset(merged[t.id] for t in codebook.themes if t.stance and t.id in merged)


def _follow(merged: Mapping[str, str], theme: str) -> str:
    seen = {theme}
    while theme in merged and merged[theme] not in seen:
        theme = merged[theme]
        seen.add(theme)
    return theme


def reviewed_segments(decisions: Iterable[Decision]) -> set[str]:
    return {d.segment for d in decisions if d.segment and d.action in ("reviewed", "accept", "add", "reject")}


def training_examples(
    codes: Sequence[Code], decisions: Iterable[Decision], segment_texts: Mapping[str, str]
) -> tuple[list[str], list[list[str]]]:
    """Segments an analyst has reviewed, with their effective codes: the coder learns from analysts."""
    reviewed = reviewed_segments(decisions)
    themes: dict[str, list[str]] = {s: [] for s in reviewed if s in segment_texts}
    for c in codes:
        if c.segment in themes:
            themes[c.segment].append(c.theme)
    keys = sorted(themes)
    return [segment_texts[k] for k in keys], [themes[k] for k in keys]
