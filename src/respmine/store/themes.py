"""Store access for theme coding: machine codes, segment stances, and the analysts' decision log.

Machine codes are written per (segment, theme) row, only where a rerun's coding differs (`write_coding`);
decisions are only ever appended. Readers get the effective coding (`effective_codes`): machine codes
with every decision applied.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Select, delete, exists, insert, or_, select, tuple_, update
from sqlalchemy.orm import Session

from respmine.records import Code, SegmentStance, Span
from respmine.store.models import (
    CodebookStateRow,
    CodeRow,
    DecisionRow,
    OptionLinkRow,
    RespondentRow,
    SegmentRow,
    StanceRow,
    ThemeStateRow,
)
from respmine.store.repository import CHUNK, Store, segment_exists
from respmine.store.structure import correct_respondents
from respmine.structure import confidentiality, corrections
from respmine.structure.respondent_types import DEFAULT_TYPES, TypeList
from respmine.themes.chosen import OfferedOptions
from respmine.themes.codebook import Codebook
from respmine.themes.decisions import (
    Decision,
    DecisionError,
    apply_decisions,
    effective_codebook,
    in_force,
    validate,
)
from respmine.themes.plan import CodebookState, Previous, SegmentState

if TYPE_CHECKING:
    from respmine.themes.stage import CodingResult

T = TypeVar("T")


def replace_codes(
    store: Store, segments: Sequence[str], codes: Iterable[Code], stances: Iterable[SegmentStance]
) -> None:
    """Machine codes and stances of `segments` replaced in one transaction (analysts' codes are decisions,
    kept apart, so nothing an analyst did is lost). Their coding state is dropped: the theme stage
    recodes them on its next run."""
    with store.session() as s, s.begin():
        for chunk in _chunks(list(segments)):
            s.execute(delete(CodeRow).where(CodeRow.segment.in_(chunk)))
            s.execute(delete(StanceRow).where(StanceRow.segment.in_(chunk)))
            s.execute(delete(ThemeStateRow).where(ThemeStateRow.segment.in_(chunk)))
        rows = [_code_row(c) for c in codes]
        if rows:
            s.execute(insert(CodeRow), rows)
        stance_rows = [_stance_row(x) for x in stances]
        if stance_rows:
            s.execute(insert(StanceRow), stance_rows)


def write_coding(store: Store, result: CodingResult) -> int:
    """A theme stage run's result in one transaction: changed rows replaced, dropped rows deleted, stances
    and segment states upserted, and every other machine row restamped in place with the run's codebook,
    model and theme fingerprint (a version bump recodes nothing). Returns the number of rows restamped."""
    pairs = [(c.segment, c.theme) for c in result.codes] + list(result.removed)
    stanced = [x.segment for x in result.stances]
    states = sorted(result.states)
    with store.session() as s, s.begin():
        for pair_chunk in _chunks(pairs):
            s.execute(delete(CodeRow).where(tuple_(CodeRow.segment, CodeRow.theme).in_(pair_chunk)))
        for chunk in _chunks(stanced):
            s.execute(delete(StanceRow).where(StanceRow.segment.in_(chunk)))
        for chunk in _chunks(states):
            s.execute(delete(ThemeStateRow).where(ThemeStateRow.segment.in_(chunk)))
        if result.codes:
            s.execute(insert(CodeRow), [_code_row(c) for c in result.codes])
        if result.stances:
            s.execute(insert(StanceRow), [_stance_row(x) for x in result.stances])
        if states:
            s.execute(insert(ThemeStateRow), [
                {"segment": k, "stamp": v.stamp, "codebook": v.codebook, "stance": v.stance}
                for k, v in ((k, result.states[k]) for k in states)
            ])
        if s.get(CodebookStateRow, result.codebook.key) is None:
            s.add(CodebookStateRow(key=result.codebook.key, stamp=result.stamp,
                                   themes=[list(t) for t in result.codebook.themes]))
        s.execute(delete(OptionLinkRow))  # (the option questions as this run linked them)
        if result.options:
            s.execute(insert(OptionLinkRow), [
                {"question": o.question, "options": dict(o.options),
                 "phrased": {k: list(v) for k, v in o.phrased.items()}, "rules": o.rules}
                for o in result.options])
        stamps = {"codebook": result.stamp, "model": result.version}
        restamped = 0
        for theme, fingerprint in result.codebook.fingerprints().items():
            moved = update(CodeRow).where(CodeRow.theme == theme, CodeRow.fingerprint != fingerprint)
            done = s.execute(moved.values(fingerprint=fingerprint, **stamps))
            restamped += int(done.rowcount or 0)  # type: ignore[attr-defined]
        stale = or_(CodeRow.codebook != result.stamp, CodeRow.model != result.version)
        done = s.execute(update(CodeRow).where(stale).values(**stamps))
        return restamped + int(done.rowcount or 0)  # type: ignore[attr-defined]


def previous_coding(store: Store, machine: Sequence[Code] | None = None) -> Previous:
    """What earlier runs coded, and under what: the theme stage's starting point (`machine`: the machine
    codes, when the caller has read them already)."""
    codes: dict[str, list[Code]] = {}
    for c in machine_codes(store) if machine is None else machine:
        codes.setdefault(c.segment, []).append(c)
    with store.session() as s:
        rows = s.execute(select(ThemeStateRow.segment, ThemeStateRow.stamp, ThemeStateRow.codebook,
                                ThemeStateRow.stance))
        states = {seg: SegmentState(stamp, book, stance) for seg, stamp, book, stance in rows}
        books = {
            r.key: CodebookState(tuple((str(a), str(b), str(c)) for a, b, c in r.themes))
            for r in s.scalars(select(CodebookStateRow))
        }
    return Previous(states, codes, books)


def offered_options(store: Store) -> list[OfferedOptions]:
    """The option questions as the last theme stage linked their options to views (`chosen.offered_options`;
    none before the first, or in a store from before they were kept)."""
    with store.session() as s:
        return [OfferedOptions(r.question, {str(k): str(v) for k, v in (r.options or {}).items()},
                               {str(k): tuple(map(str, v)) for k, v in (r.phrased or {}).items()},
                               r.rules or "")
                for r in s.scalars(select(OptionLinkRow))]


def coded_segments(store: Store) -> set[str]:
    """Segments the theme coder has coded (with or without codes): those with a coding state."""
    with store.session() as s:
        return set(s.scalars(select(ThemeStateRow.segment)))


def drop_orphans(store: Store) -> int:
    """Codes and stances of segments that no longer exist (structure changed): removed."""
    with store.session() as s, s.begin():
        n = s.execute(delete(CodeRow).where(~segment_exists(CodeRow.segment))).rowcount  # type: ignore[attr-defined]
        s.execute(delete(StanceRow).where(~segment_exists(StanceRow.segment)))
        s.execute(delete(ThemeStateRow).where(~segment_exists(ThemeStateRow.segment)))
        s.execute(delete(CodebookStateRow).where(
            ~exists().where(ThemeStateRow.codebook == CodebookStateRow.key)))
    return int(n or 0)


def _stance_row(x: SegmentStance) -> dict[str, Any]:
    return {
        "segment": x.segment,
        "stance": x.stance,
        "confidence": x.confidence,
        "evidence": x.evidence,
        "method": x.method,
        "model": x.model,
        "stamp": x.stamp,
    }


def _code_row(c: Code) -> dict[str, Any]:
    return {
        "segment": c.segment,
        "theme": c.theme,
        "confidence": round(float(c.confidence), 4),
        "method": c.method,
        "evidence_start": c.evidence.start,
        "evidence_end": c.evidence.end,
        "evidence": c.evidence_text,
        "stance": c.stance,
        "codebook": c.codebook,
        "fingerprint": c.fingerprint,
        "model": c.model,
    }


def machine_codes(store: Store, segments: Collection[str] | None = None) -> list[Code]:
    """Every machine code (of `segments` only, when given), read as plain rows (no ORM objects: this runs
    on every report and page)."""
    columns = (CodeRow.segment, CodeRow.theme, CodeRow.confidence, CodeRow.method, CodeRow.evidence_start,
               CodeRow.evidence_end, CodeRow.evidence, CodeRow.stance, CodeRow.codebook, CodeRow.fingerprint,
               CodeRow.model)
    queries = [select(*columns)] if segments is None else [
        select(*columns).where(CodeRow.segment.in_(chunk)) for chunk in _chunks(sorted(segments))]
    with store.session() as s:
        rows = [row for q in queries for row in s.execute(q.order_by(CodeRow.segment, CodeRow.theme))]
        return [
            Code(segment=seg, theme=theme, confidence=conf, method=method, evidence=Span(start, end),
                 evidence_text=evidence, stance=stance, codebook=codebook, fingerprint=fingerprint,
                 model=model)
            for seg, theme, conf, method, start, end, evidence, stance, codebook, fingerprint, model in rows
        ]


def _chunks(items: Sequence[T]) -> list[Sequence[T]]:
    """Slices of at most CHUNK items: the size of one `IN (...)` list."""
    return [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]


def stances(store: Store) -> dict[str, SegmentStance]:
    columns = (StanceRow.segment, StanceRow.stance, StanceRow.confidence, StanceRow.evidence,
               StanceRow.method, StanceRow.model, StanceRow.stamp)
    with store.session() as s:
        return {row[0]: SegmentStance(*row) for row in s.execute(select(*columns))}


def stamps(store: Store) -> dict[str, str]:
    """segment -> the stamp of its stance (its text and the stance model)."""
    with store.session() as s:
        return {seg: stamp for seg, stamp in s.execute(select(StanceRow.segment, StanceRow.stamp))}


def record_decision(store: Store, codebook: Codebook, decision: Decision,
                    types: TypeList = DEFAULT_TYPES) -> int:
    """Validate and append one analyst decision (the audit trail); returns its id. `types`: the
    consultation's respondent types (a correction's type must be one)."""
    validate(decision, effective_codebook(codebook, decisions(store)), types)
    with store.session() as s, s.begin():
        if decision.action == corrections.ACTION:  # applied at once (and by every rerun)
            problem = correct_respondents(s, {**(decision.value or {}), "user": decision.user})
            if problem:
                raise DecisionError(problem)
        if decision.action == confidentiality.ACTION:  # (read over the stored rows: `views.read_respondents`)
            subs = [str(x) for x in (decision.value or {}).get("submissions", ())]
            known = set(s.scalars(select(RespondentRow.submission).where(RespondentRow.submission.in_(subs))))
            if missing := [x for x in subs if x not in known]:
                raise DecisionError(f"no response with id {missing[0][:12]!r} has a respondent")
        row = DecisionRow(
            at=decision.at,
            user=decision.user,
            action=decision.action,
            segment=decision.segment,
            theme=decision.theme,
            value=dict(decision.value or {}),
            note=decision.note,
        )
        s.add(row)
        s.flush()
        return int(row.id)


def decide(store: Store, codebook: Codebook, user: str, action: str, types: TypeList = DEFAULT_TYPES,
           **fields: Any) -> int:
    """Shorthand for the CLI and the review app: a decision stamped now."""
    decision = Decision(at=datetime.now(UTC), user=user, action=action, **fields)
    return record_decision(store, codebook, decision, types)


def decisions(store: Store, ids: tuple[int, int] | None = None) -> list[Decision]:
    """The analysts' log in time order, as it applies (`in_force`: without decisions taken back; only rows
    with first < id <= last, for `ids` (first, last))."""
    query = select(DecisionRow).order_by(DecisionRow.at, DecisionRow.id)
    if ids is not None:
        query = query.where(DecisionRow.id > ids[0], DecisionRow.id <= ids[1])
    with store.session() as s:
        return in_force(decision_of(r) for r in s.scalars(query))


def decision_of(row: DecisionRow) -> Decision:
    """A stored decision as the domain reads it."""
    return Decision(row.at, row.user, row.action, row.segment, row.theme, dict(row.value or {}), row.note,
                    row.id)


def segment_texts(store: Store, ids: Iterable[str] | None = None) -> dict[str, str]:
    with store.session() as s:
        query = select(SegmentRow.id, SegmentRow.text)
        if ids is not None:
            query = query.where(SegmentRow.id.in_(list(ids)))
        return {k: v for k, v in s.execute(query)}


def effective_codes(
    store: Store, codebook: Codebook, log: Sequence[Decision] | None = None,
    machine: Sequence[Code] | None = None, segments: Collection[str] | None = None,
) -> list[Code]:
    """Machine codes with every analyst decision applied: what every table, report and export shows
    (`log`, `machine`: the decisions and machine codes, when the caller has read them already; `segments`:
    only these segments' codes, which depend on their own decisions and the codebook-wide ones alone)."""
    log = decisions(store) if log is None else log
    if segments is not None:
        log = [d for d in log if d.segment is None or d.segment in segments]
    machine = machine_codes(store, segments) if machine is None else machine
    return apply_decisions(machine, log, _texts_for(store, log), codebook)


def effective_stances(store: Store, log: Sequence[Decision] | None = None,
                      segments: Collection[str] | None = None) -> dict[str, str]:
    """segment -> stance, an analyst's stance decision winning over the machine's (`log`: the decisions,
    when the caller has read them already; `segments`: only these segments' stances)."""
    queries = [select(StanceRow.segment, StanceRow.stance)]
    if segments is not None:
        queries = [queries[0].where(StanceRow.segment.in_(chunk)) for chunk in _chunks(sorted(segments))]
    with store.session() as s:
        out = {seg: stance for q in queries for seg, stance in s.execute(q)}
    for d in decisions(store) if log is None else log:
        if d.action == "stance" and d.segment and (segments is None or d.segment in segments):
            out[d.segment] = str((d.value or {})["stance"])
    return out


def unsided(session: Session, segments: Collection[str]) -> set[str]:
    """Of these segments, those whose words take no side for the machine: their stance came from the
    position themes coded (`stance.THEME_STANCE`), or is neutral. After analysts' decisions on their codes
    (a position rejected, or added), readers work it out again (`stance.reread`), as the stage does."""
    return {seg for chunk in _chunks(sorted(segments))
            for seg in session.scalars(_unsided().where(StanceRow.segment.in_(chunk)))}


def all_unsided(store: Store) -> set[str]:
    """Every segment `unsided` would name."""
    with store.session() as s:
        return set(s.scalars(_unsided()))


def _unsided() -> Select[tuple[str]]:
    from respmine.themes.stance import THEME_STANCE

    return select(StanceRow.segment).where(or_(StanceRow.method == THEME_STANCE,
                                               StanceRow.stance == "neutral"))


def _texts_for(store: Store, log: Sequence[Decision]) -> Mapping[str, str]:
    wanted = {d.segment for d in log if d.segment and d.action in ("add", "accept")}
    return segment_texts(store, wanted) if wanted else {}
