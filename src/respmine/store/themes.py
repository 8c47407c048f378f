"""Store access for theme coding: machine codes, segment stances, and the analysts' decision log.

Machine codes are replaced per segment when a segment is (re)coded; decisions are only ever appended.
Readers get the effective coding (`effective_codes`): machine codes with every decision applied.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, select

from respmine.records import Code, SegmentStance, Span
from respmine.store.models import CodeRow, DecisionRow, SegmentRow, StanceRow
from respmine.store.repository import Store
from respmine.themes.codebook import Codebook
from respmine.themes.decisions import Decision, apply_decisions, effective_codebook, validate

CHUNK = 500


def replace_codes(
    store: Store, segments: Sequence[str], codes: Iterable[Code], stances: Iterable[SegmentStance]
) -> None:
    """Machine codes and stances of `segments` replaced in one transaction (analysts' codes are decisions,
    kept apart, so nothing an analyst did is lost)."""
    with store.session() as s, s.begin():
        for i in range(0, len(segments), CHUNK):
            chunk = list(segments[i : i + CHUNK])
            s.execute(delete(CodeRow).where(CodeRow.segment.in_(chunk)))
            s.execute(delete(StanceRow).where(StanceRow.segment.in_(chunk)))
        rows = [_code_row(c) for c in codes]
        if rows:
            s.execute(insert(CodeRow), rows)
        stance_rows = [
            {
                "segment": x.segment,
                "stance": x.stance,
                "confidence": x.confidence,
                "evidence": x.evidence,
                "method": x.method,
                "model": x.model,
                "stamp": x.stamp,
            }
            for x in stances
        ]
        if stance_rows:
            s.execute(insert(StanceRow), stance_rows)


def drop_orphans(store: Store) -> int:
    """Codes and stances of segments that no longer exist (structure changed): removed."""
    with store.session() as s, s.begin():
        live = select(SegmentRow.id)
        n = s.execute(delete(CodeRow).where(CodeRow.segment.not_in(live))).rowcount  # type: ignore[attr-defined]
        s.execute(delete(StanceRow).where(StanceRow.segment.not_in(live)))
    return int(n or 0)


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


def machine_codes(store: Store) -> list[Code]:
    with store.session() as s:
        rows = s.scalars(select(CodeRow).order_by(CodeRow.segment, CodeRow.theme))
        return [
            Code(
                segment=r.segment,
                theme=r.theme,
                confidence=r.confidence,
                method=r.method,
                evidence=Span(r.evidence_start, r.evidence_end),
                evidence_text=r.evidence,
                stance=r.stance,
                codebook=r.codebook,
                fingerprint=r.fingerprint,
                model=r.model,
            )
            for r in rows
        ]


def stances(store: Store) -> dict[str, SegmentStance]:
    with store.session() as s:
        return {
            r.segment: SegmentStance(
                r.segment, r.stance, r.confidence, r.evidence, r.method, r.model, r.stamp
            )
            for r in s.scalars(select(StanceRow))
        }


def stamps(store: Store) -> dict[str, str]:
    """segment -> the stamp it was coded under: a segment whose stamp is unchanged is not recoded."""
    with store.session() as s:
        return {seg: stamp for seg, stamp in s.execute(select(StanceRow.segment, StanceRow.stamp))}


def record_decision(store: Store, codebook: Codebook, decision: Decision) -> int:
    """Validate and append one analyst decision (the audit trail); returns its id."""
    validate(decision, effective_codebook(codebook, decisions(store)))
    with store.session() as s, s.begin():
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


def decide(store: Store, codebook: Codebook, user: str, action: str, **fields: Any) -> int:
    """Shorthand for the CLI and the review app: a decision stamped now."""
    decision = Decision(at=datetime.now(UTC), user=user, action=action, **fields)
    return record_decision(store, codebook, decision)


def decisions(store: Store) -> list[Decision]:
    with store.session() as s:
        rows = s.scalars(select(DecisionRow).order_by(DecisionRow.at, DecisionRow.id))
        return [
            Decision(r.at, r.user, r.action, r.segment, r.theme, dict(r.value or {}), r.note) for r in rows
        ]


def segment_texts(store: Store, ids: Iterable[str] | None = None) -> dict[str, str]:
    with store.session() as s:
        query = select(SegmentRow.id, SegmentRow.text)
        if ids is not None:
            query = query.where(SegmentRow.id.in_(list(ids)))
        return {k: v for k, v in s.execute(query)}


def effective_codes(store: Store, codebook: Codebook) -> list[Code]:
    """Machine codes with every analyst decision applied: what every table, report and export shows."""
    log = decisions(store)
    return apply_decisions(machine_codes(store), log, _texts_for(store, log), codebook)


def effective_stances(store: Store) -> dict[str, str]:
    """segment -> stance, an analyst's stance decision winning over the machine's."""
    out = {k: v.stance for k, v in stances(store).items()}
    for d in decisions(store):
        if d.action == "stance" and d.segment:
            out[d.segment] = str((d.value or {})["stance"])
    return out


def _texts_for(store: Store, log: Sequence[Decision]) -> Mapping[str, str]:
    wanted = {d.segment for d in log if d.segment and d.action in ("add", "accept")}
    return segment_texts(store, wanted) if wanted else {}
