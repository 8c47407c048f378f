"""Store access for the structure stage: documents in, respondents/segments/campaigns out.

The structure of a run is replaced as a whole (segments and campaigns depend on the whole corpus:
similarity calibration and form-letter groups), inside one transaction so readers never see half a run,
with bulk inserts. Respondents carry the stamp of the rules that found them: `known_structure` hands them
and their personal data back so a rerun recomputes only new or changed documents.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from respmine.consultation import Question
from respmine.records import (
    UNCODED,
    Answer,
    Campaign,
    Document,
    Page,
    PersonalData,
    Respondent,
    Segment,
    Span,
    question_order,
)
from respmine.store.models import (
    CampaignFeatureRow,
    CampaignRow,
    CodeRow,
    DecisionRow,
    PersonalDataRow,
    RespondentRow,
    SegmentationRow,
    SegmentRow,
    SubmissionRow,
)
from respmine.store.repository import CHUNK, Store, segment_exists
from respmine.structure import corrections
from respmine.structure.campaigns import TextFeatures
from respmine.structure.question_matcher import Calibration, Routing


def processed_documents(store: Store) -> list[tuple[Document, str | None]]:
    """Every processed submission as a `Document`, with its parent's id (email or form export)."""
    out = []
    for row in store.submissions(status="ok"):
        doc = Document(
            source=row.source, sha256=row.sha256, format=row.format, method=row.method or "",
            text=row.text,
            pages=tuple(Page(int(p["number"]), int(p["start"]), int(p["end"]), str(p["method"]))  # type: ignore[call-overload]
                        for p in row.pages or []),
            metadata=dict(row.meta or {}),
            received=row.received_at, received_from=row.received_from,
            answers=tuple(Answer(a["question"], a["text"], a["source"]) for a in row.answers or []),
            comments=tuple(row.comments or ()),
        )
        out.append((doc, row.parent_sha256))
    return out


def segment_id(segment: Segment) -> str:
    key = f"{segment.submission}:{segment.question}:{segment.span.start}:{segment.span.end}"
    return hashlib.sha256(key.encode()).hexdigest()


def _respondent(r: RespondentRow) -> Respondent:
    return Respondent(
        submission=r.submission, kind=r.kind, respondent_type=r.respondent_type, name=r.name,
        organisation=r.organisation, organisations=tuple(r.organisations or ()), role=r.role,
        provenance=dict(r.provenance or {}), publication=r.publication, publication_asked=r.publication_asked,
    )


def _respondent_values(r: Respondent, stamp: str | None) -> dict[str, Any]:
    return {"submission": r.submission, "kind": r.kind, "respondent_type": r.respondent_type, "name": r.name,
            "organisation": r.organisation, "organisations": list(r.organisations), "role": r.role,
            "provenance": dict(r.provenance), "publication": r.publication,
            "publication_asked": r.publication_asked, "stamp": stamp}


def _with_late_corrections(session: Session, rows: list[dict[str, Any]],
                           applied: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Respondent rows with any correction recorded while the run was working (it read the decisions at
    its start) applied, unstamped: the next run redacts by it."""
    latest = corrections.latest(_respondent_decisions(session))
    out = []
    for values in rows:
        sha = str(values["submission"])
        fix = latest.get(sha)
        if fix is not None and fix != applied.get(sha):
            stored = Respondent(**{k: v for k, v in values.items() if k != "stamp"})
            fixed = corrections.corrected(stored, fix)
            values = _respondent_values(fixed, None)
        out.append(values)
    return out


def _respondent_decisions(session: Session) -> list[Any]:
    from respmine.store.themes import decision_of  # (store.themes imports this module)

    query = select(DecisionRow).where(DecisionRow.action == corrections.ACTION).order_by(DecisionRow.at,
                                                                                          DecisionRow.id)
    return [decision_of(r) for r in session.scalars(query)]


def pending_corrections(store: Store) -> int:
    """Respondents corrected since their document was last structured (their text is redacted by the
    correction only when it is): the late flow runs for them even when no file is new."""
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(RespondentRow).where(
            RespondentRow.stamp.is_(None))) or 0)


def correct_respondents(session: Session, correction: Mapping[str, Any]) -> str | None:
    """Apply an analyst's respondent correction (`structure.corrections`, with `user`) to the stored
    respondents at once, so every table and page shows it before the next run (which applies it again,
    and redacts by it). Returns why it cannot be (nothing is changed then: the caller refuses the
    decision): a submission with no respondent, or an organisation given the name of the person who
    signed (their name would be kept readable: `find_personal_data` keeps organisations' names)."""
    subs = [str(x) for x in correction.get("submissions", ())]
    rows = {r.submission: r for r in session.scalars(select(RespondentRow).where(
        RespondentRow.submission.in_(subs)))}
    missing = [x for x in subs if x not in rows]
    if missing:
        return f"no response with id {missing[0][:12]!r} has a respondent to correct"
    name = str(correction.get("organisation") or "")
    if any(corrections.names_person(name, row.name) for row in rows.values()):
        return ("the organisation's name is the name of the person who wrote, or part of it: give the "
                "organisation's own name, or correct the response to an individual's")
    for row in rows.values():
        fixed = corrections.corrected(_respondent(row), correction)
        row.kind, row.respondent_type = fixed.kind, fixed.respondent_type
        row.organisation, row.organisations = fixed.organisation, list(fixed.organisations)
        row.provenance = dict(fixed.provenance)
        row.stamp = None  # structured (redacted) anew by the next run: `pending_corrections`
    return None


def known_structure(store: Store) -> dict[str, tuple[str, Respondent, list[PersonalData]]]:
    """Stamped respondents with their personal data, as stored by the last structure run."""
    found: dict[str, list[PersonalData]] = {}
    with store.session() as s:
        rows = list(s.scalars(select(RespondentRow).where(RespondentRow.stamp.is_not(None))))
        for p in s.scalars(select(PersonalDataRow).order_by(PersonalDataRow.id)):
            found.setdefault(p.submission, []).append(PersonalData(Span(p.start, p.end), p.kind, p.original))
    return {r.submission: (r.stamp or "", _respondent(r), found.get(r.submission, [])) for r in rows}


def stored_questions(store: Store) -> dict[str, str]:
    """The consultation's questions the stored segments were cut with, id -> text, in its order ({} before
    the first structure run)."""
    with store.session() as s:
        row = s.get(SegmentationRow, 1)
        return {} if row is None else {str(q["id"]): str(q.get("text") or "") for q in row.questions}


def stored_proposal_question(store: Store) -> str | None:
    """The question the consultation marks as the one on the proposal itself (`Question.proposal`), if any."""
    with store.session() as s:
        row = s.get(SegmentationRow, 1)
        return None if row is None else next((str(q["id"]) for q in row.questions if q.get("proposal")), None)


def known_segmentation(store: Store) -> tuple[Calibration, dict[str, list[Segment]]] | None:
    """The stored segments by submission with the calibration they were cut with (None before the
    first structure run, or in a store written before calibrations were kept)."""
    with store.session() as s:
        row = s.get(SegmentationRow, 1)
        if row is None:
            return None
        questions = tuple(Question.model_validate(q) for q in row.questions)
        routing = None if row.routing is None else Routing(
            tuple(tuple(v) for v in row.routing["vectors"]), tuple(row.routing["bias"]),
            tuple(row.routing["catch_all"]))
        calibration = Calibration(questions, tuple(row.bias) if row.bias is not None else None, row.documents,
                                  row.key, routing)
        by_doc: dict[str, list[Segment]] = {}
        order = (SegmentRow.submission, SegmentRow.start, SegmentRow.question)  # as segment_document sorts
        columns = (SegmentRow.submission, SegmentRow.question, SegmentRow.start, SegmentRow.end,
                   SegmentRow.text, SegmentRow.page, SegmentRow.method, SegmentRow.confidence)
        for sub, question, start, end, text, page, method, confidence in s.execute(
                select(*columns).order_by(*order)):  # plain rows: no ORM object per segment
            by_doc.setdefault(sub, []).append(Segment(
                submission=sub, question=question, span=Span(start, end), text=text, page=page, method=method,
                confidence=confidence))
    return calibration, by_doc


def replace_structure(
    store: Store,
    respondents: Iterable[Respondent],
    segments: Iterable[Segment],
    personal: Mapping[str, Sequence[PersonalData]],
    campaigns: Iterable[Campaign],
    stamps: Mapping[str, str] | None = None,
    calibration: Calibration | None = None,
    rewrite: Collection[str] | None = None,
    corrected: Mapping[str, Mapping[str, Any]] | None = None,
) -> int:
    """Write a structure run in one transaction. `rewrite` (submission ids): only these submissions'
    respondent, segment and personal-data rows are replaced, and those of submissions no longer in the
    run dropped; the others are known to be unchanged. Campaigns and the calibration are always replaced.

    Analysts' decisions follow their text: a segment id hashes its question and span, so a paragraph that
    moves question or changes bounds on re-segmentation (a recalibration, a self-description or an "About
    us" section set apart, paragraphs merged or split) gets a new id, and its decisions are re-pointed to
    the new segment of the same span, else where their evidence went (`_carry_decisions`).
    `corrected`: the analysts' respondent corrections the run applied; one recorded since is applied
    here, and its submission left unstamped, to be structured (redacted) anew by the next run.
    Returns how many decisions were carried."""
    stamps = stamps or {}
    mine = (lambda sha: True) if rewrite is None else set(rewrite).__contains__
    written = [seg for seg in segments if mine(seg.submission)]
    per_submission: list[tuple[type, list[dict[str, object]]]] = [
        (RespondentRow, [_respondent_values(r, stamps.get(r.submission)) for r in respondents
                         if mine(r.submission)]),
        (SegmentRow, [
            {"id": segment_id(seg), "submission": seg.submission, "question": seg.question,
             "start": seg.span.start, "end": seg.span.end, "page": seg.page, "text": seg.text,
             "method": seg.method, "confidence": seg.confidence}
            for seg in written
        ]),
        (PersonalDataRow, [
            {"submission": sha, "start": p.span.start, "end": p.span.end, "kind": p.kind, "original": p.text}
            for sha, found in personal.items() if mine(sha)
            for p in found
        ]),
    ]
    whole: list[tuple[type, list[dict[str, object]]]] = [
        (CampaignRow, [
            {"id": c.id, "template": c.template, "size": len(c.members), "members": list(c.members),
             "added_text": dict(c.added_text)}
            for c in campaigns
        ]),
        (SegmentationRow, [] if calibration is None else [
            {"id": 1, "key": calibration.key, "documents": calibration.documents,
             "questions": [{"id": q.id, "number": q.number, "text": q.text,
                            **({"proposal": True} if q.proposal else {})} for q in calibration.questions],
             "bias": list(calibration.bias) if calibration.bias is not None else None,
             "routing": None if calibration.routing is None else {
                 "vectors": [list(v) for v in calibration.routing.vectors],
                 "bias": list(calibration.routing.bias), "catch_all": list(calibration.routing.catch_all)}}
        ]),
    ]
    with store.session() as s, s.begin():
        per_submission[0] = (RespondentRow, _with_late_corrections(s, per_submission[0][1], corrected or {}))
        decided = _decided_segments(s)
        before = _stored_copies(s, [d for d in decided.values() if mine(d.submission)])
        if rewrite is None:
            for table, _ in per_submission:
                s.execute(delete(table))
        else:
            present = set(personal)  # every submission of the run has a (possibly empty) entry
            for table, _ in per_submission:
                stored = set(s.scalars(select(table.submission).distinct()))  # type: ignore[attr-defined]
                gone = sorted(stored.difference(present).union(stored.intersection(rewrite)))
                for i in range(0, len(gone), CHUNK):
                    s.execute(delete(table).where(table.submission.in_(gone[i : i + CHUNK])))  # type: ignore[attr-defined]
        for table, _ in whole:
            s.execute(delete(table))
        for table, rows in per_submission + whole:
            if rows:
                s.execute(insert(table), rows)  # one executemany per table, not one ORM object per row
        return _carry_decisions(s, decided, written, before)


class _Decided(NamedTuple):
    submission: str
    question: str
    start: int
    end: int
    text: str  # as stored: redacted, so an evidence offset is an offset in this text
    evidence: dict[str, tuple[int, int]]  # theme -> the machine code's evidence span in `text`
    decisions: list[tuple[int, str, str | None, Any]]  # (id, action, theme, value), read before any move


def _decided_segments(session: Any) -> dict[str, _Decided]:
    """Segments analysts decided on, with their text, their codes' evidence (still stored: the theme
    stage drops orphaned codes later) and their decisions. Decisions on segments that no longer exist
    (left behind by an earlier run) are not among them."""
    ids = select(DecisionRow.segment).where(DecisionRow.segment.is_not(None)).distinct()
    out = {i: _Decided(sub, q, a, z, text, {}, []) for i, sub, q, a, z, text in session.execute(
        select(SegmentRow.id, SegmentRow.submission, SegmentRow.question, SegmentRow.start, SegmentRow.end,
               SegmentRow.text).where(SegmentRow.id.in_(ids)))}
    for segment, theme, start, end in session.execute(
            select(CodeRow.segment, CodeRow.theme, CodeRow.evidence_start, CodeRow.evidence_end)
            .where(CodeRow.segment.in_(ids))):
        if segment in out:
            out[segment].evidence[theme] = (start, end)
    for row_id, segment, action, theme, value in session.execute(
            select(DecisionRow.id, DecisionRow.segment, DecisionRow.action, DecisionRow.theme,
                   DecisionRow.value).where(DecisionRow.segment.in_(ids)).order_by(DecisionRow.id)):
        if segment in out:
            out[segment].decisions.append((row_id, action, theme, value))
    return out


_Copies = dict[tuple[str, str], list[tuple[int, str, str]]]  # (submission, text) -> [(start, question, id)]


def _stored_copies(session: Any, decided: Iterable[_Decided]) -> _Copies:
    """Where each decided segment's text stood in its (rewritten) submission before this run: every
    stored segment with that text (a short answer, "No.", recurs), to tell a copy that moved from one
    that stayed, and which copy is which."""
    wanted = {(d.submission, d.text) for d in decided}
    submissions = sorted({sub for sub, _ in wanted})
    out: _Copies = {}
    for i in range(0, len(submissions), CHUNK):
        for row_id, sub, question, start, text in session.execute(
                select(SegmentRow.id, SegmentRow.submission, SegmentRow.question, SegmentRow.start,
                       SegmentRow.text).where(SegmentRow.submission.in_(submissions[i : i + CHUNK]))):
            if (sub, text) in wanted:
                out.setdefault((sub, text), []).append((start, question, row_id))
    return out


def _carry_decisions(session: Any, decided: Mapping[str, _Decided], written: Sequence[Segment],
                     before: _Copies) -> int:
    """Re-point the decisions of segments this run replaced; returns how many moved to another segment.
    The new segment that is the same paragraph (`_same_paragraphs`) takes them all (an added code's
    offsets found again if its text is redacted anew, dropped if the redaction now covers its evidence:
    `_same_paragraph`). Else, among the new coded
    segments overlapping the old span: an added code goes with its evidence text, to the segment that
    now holds it (its offsets found again in that text); an accept or reject goes with the machine code's
    evidence likewise; those and a stance or "reviewed" go only to a segment inside the old span (a
    paragraph split or cut short: the analyst read all of it), the largest under the same question, else
    the largest; after a merge the new
    segment holds text nobody reviewed, so they stay. What is not carried keeps the old id (in the
    audit trail)."""
    rewritten = {seg.submission for seg in written}
    by_submission: dict[str, list[Segment]] = {}
    for seg in written:
        if seg.question not in UNCODED:  # who they are, a note: no decision made on other text moves onto it
            # (a decided paragraph that is now one keeps its own decisions: `_same_paragraphs`)
            by_submission.setdefault(seg.submission, []).append(seg)
    paragraphs = _same_paragraphs(decided, written, before)
    carried = 0
    for old, was in decided.items():
        if was.submission not in rewritten:
            continue  # not rewritten by this run (or all its segments are gone): nothing to carry to
        same = paragraphs.get(old)
        if same is not None:  # the same paragraph (maybe under another question, maybe redacted anew)
            new = segment_id(same)
            for row_id, action, _, value in was.decisions:
                changes = _same_paragraph(was, same, action, value)
                if new != old or changes:
                    session.execute(update(DecisionRow).where(DecisionRow.id == row_id)
                                    .values(segment=new, **changes))
                    carried += new != old
            continue
        near = [seg for seg in by_submission.get(was.submission, ())
                if seg.span.start < was.end and was.start < seg.span.end]
        inside = sorted((seg for seg in near if was.start <= seg.span.start and seg.span.end <= was.end),
                        key=lambda seg: (seg.question != was.question, seg.span.start - seg.span.end))
        # (its own question's part first: a paragraph filed under two questions, shared out between them)
        for row_id, action, theme, value in was.decisions:
            evidence = dict(value or {})
            moved: dict[str, Any] = {}
            if action == "add" and {"start", "end"} <= evidence.keys():
                found = _find(was, int(evidence["start"]), int(evidence["end"]), near)
                if found is None:
                    continue
                target, start, end = found
                moved["value"] = {**evidence, "start": start, "end": end}
            elif action in ("accept", "reject") and theme in was.evidence and inside:
                found = _find(was, *was.evidence[theme], inside)
                target = found[0] if found else inside[0]
            elif inside:
                target = inside[0]
            else:
                continue
            session.execute(update(DecisionRow).where(DecisionRow.id == row_id)
                            .values(segment=segment_id(target), **moved))
            carried += 1
    return carried


MOVED_CHARS = 2000  # how far a paragraph's unchanged text may have moved and still be taken for it


def _same_paragraphs(decided: Mapping[str, _Decided], written: Sequence[Segment], before: _Copies
                     ) -> dict[str, Segment]:
    """For each decided segment, the new segment that is the same paragraph, if any, in this order:
    - the same id or the same span, with the same text (under another question: the first by question
      order when a paragraph answers two);
    - the same text moved by at most MOVED_CHARS (text before it changed, e.g. a sentence rejoined across
      a page break), under the same question, then under any: never a copy that stayed where it was, each
      new copy taken once; when the text recurs as often as before, the k-th copy is the k-th copy, else
      the nearest;
    - the same id or span with other text (redacted anew)."""
    by_id = {segment_id(seg): seg for seg in written}
    by_span: dict[tuple[str, int, int], list[Segment]] = {}
    for seg in sorted(written, key=lambda seg: question_order(seg.question)):
        by_span.setdefault((seg.submission, seg.span.start, seg.span.end), []).append(seg)
    stayed = {i for (_, text), copies in before.items() for _, _, i in copies
              if i in by_id and by_id[i].text == text}
    out: dict[str, Segment] = {}
    for old, was in decided.items():
        span = by_span.get((was.submission, was.start, was.end), [])
        # of a paragraph answering two questions, not the other question's part that stayed
        same = [by_id[old]] if old in by_id else [seg for seg in span if segment_id(seg) not in stayed]
        hit = next((seg for seg in same if seg.text == was.text), None)
        if hit is not None:
            out[old] = hit
    taken = stayed | {segment_id(seg) for seg in out.values()}
    for same_question in (True, False):
        now: dict[tuple[str, str, str], list[Segment]] = {}
        for seg in sorted(written, key=lambda seg: seg.span.start):
            now.setdefault(_copy_key(seg.submission, seg.question, seg.text, same_question), []).append(seg)
        then: dict[tuple[str, str, str], list[str]] = {}
        for (sub, text), copies in before.items():
            for _, question, row_id in sorted(copies):
                then.setdefault(_copy_key(sub, question, text, same_question), []).append(row_id)
        for old, was in sorted(decided.items(), key=lambda item: item[1].start):
            k = _copy_key(was.submission, was.question, was.text, same_question)
            if old in out or k not in now:
                continue
            free = [seg for seg in now[k] if segment_id(seg) not in taken]  # copies not yet accounted for
            olds = [i for i in then.get(k, ()) if i not in out and i not in stayed]
            kth = free[olds.index(old)] if len(olds) == len(free) and old in olds else None
            near = [seg for seg in free if abs(seg.span.start - was.start) <= MOVED_CHARS]
            pick = (kth if kth in near else None) if kth is not None else min(
                near, default=None, key=lambda seg: abs(seg.span.start - was.start))
            if pick is not None:
                out[old] = pick
                taken.add(segment_id(pick))
    for old, was in decided.items():
        same = [by_id[old]] if old in by_id else by_span.get((was.submission, was.start, was.end), [])
        hit = next((seg for seg in same if segment_id(seg) not in taken), None)
        if old not in out and hit is not None:
            out[old] = hit
            taken.add(segment_id(hit))
    return out


def _copy_key(submission: str, question: str, text: str, same_question: bool) -> tuple[str, str, str]:
    return submission, question if same_question else "", text


def _same_paragraph(was: _Decided, same: Segment, action: str, value: Any) -> dict[str, Any]:
    """The change an added code's evidence needs on the same paragraph redacted anew: its offsets found
    again in the new text, or, where the redaction now covers part of it, dropped (the evidence becomes
    the whole segment) rather than left pointing at other words."""
    evidence = dict(value or {})
    if action != "add" or same.text == was.text or not {"start", "end"} <= evidence.keys():
        return {}
    found = _find(was, int(evidence["start"]), int(evidence["end"]), [same])
    if found is None:
        return {"value": {k: v for k, v in evidence.items() if k not in ("start", "end")}}
    return {"value": {**evidence, "start": found[1], "end": found[2]}}


def _find(was: _Decided, start: int, end: int, candidates: Sequence[Segment]
          ) -> tuple[Segment, int, int] | None:
    """The candidate whose text holds `was.text[start:end]`, and where: the occurrence nearest the place
    it had in the document (offsets in stored, redacted text are only roughly document offsets)."""
    wanted = was.text[start:end]
    if not wanted.strip() or not 0 <= start < end <= len(was.text):
        return None
    best: tuple[int, Segment, int] | None = None
    for seg in candidates:
        at = seg.text.find(wanted)
        while at >= 0:
            distance = abs(seg.span.start + at - (was.start + start))
            if best is None or distance < best[0]:
                best = (distance, seg, at)
            at = seg.text.find(wanted, at + 1)
    return None if best is None else (best[1], best[2], best[2] + len(wanted))


def orphaned_decisions(store: Store) -> int:
    """Analysts' decisions on segments that no longer exist (text re-segmented where they could not
    follow it: after a merge, or evidence no segment holds; a response no longer in the inbox), over all
    runs: kept in the audit log, no longer applied."""
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(DecisionRow).where(
            DecisionRow.segment.is_not(None), ~segment_exists(DecisionRow.segment))) or 0)


def respondents(store: Store) -> dict[str, RespondentRow]:
    with store.session() as s:
        return {r.submission: r for r in s.scalars(select(RespondentRow))}


def campaigns(store: Store) -> list[CampaignRow]:
    with store.session() as s:
        return list(s.scalars(select(CampaignRow).order_by(CampaignRow.size.desc(), CampaignRow.id)))


def submission_index(store: Store) -> dict[str, SubmissionRow]:
    return {row.sha256: row for row in store.submissions()}


def campaign_features(store: Store) -> dict[str, TextFeatures]:
    """Every kept text's campaign features, by `campaigns.feature_key`."""
    import numpy as np

    def array(blob: bytes | None) -> np.ndarray | None:
        return None if blob is None else np.frombuffer(blob, dtype="<u4")

    columns = (CampaignFeatureRow.key, CampaignFeatureRow.exact, CampaignFeatureRow.signature,
               CampaignFeatureRow.shingles)
    with store.session() as s:
        rows = s.execute(select(*columns))
        return {key: TextFeatures(exact, array(sig), array(sh)) for key, exact, sig, sh in rows}


def update_campaign_features(store: Store, fresh: Mapping[str, TextFeatures], stale: Iterable[str] = ()
                             ) -> None:
    """Keep the features computed by a run and drop those of texts no longer in the corpus."""
    import numpy as np

    def blob(values: np.ndarray | None) -> bytes | None:
        return None if values is None else np.asarray(values, dtype="<u4").tobytes()

    gone = sorted(stale)
    with store.session() as s, s.begin():
        for i in range(0, len(gone), CHUNK):
            s.execute(delete(CampaignFeatureRow).where(CampaignFeatureRow.key.in_(gone[i : i + CHUNK])))
        rows = [{"key": k, "exact": f.exact, "signature": blob(f.signature), "shingles": blob(f.shingles)}
                for k, f in sorted(fresh.items())]
        if rows:
            s.execute(insert(CampaignFeatureRow), rows)
