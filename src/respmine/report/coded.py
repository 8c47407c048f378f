"""`coded_responses.csv`: one row per (segment, theme), the table analysts filter and pivot.

A segment with no theme keeps one row with the theme columns empty (but `reviewed`), so nothing said is
lost from the table. Themes are the effective coding (analysts' decisions applied); individuals are never
named, nor their files (cited by submission id, as the report does: people name files after themselves).
Rows are built once, as lists in `COLUMNS` order, and shared by the CSV and the workbook; the codes they
list (`exported_codes`) are the QDPX project's too.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import tzinfo
from pathlib import Path

from respmine.records import Code, shown_time
from respmine.report.quotes import cited_source
from respmine.report.tables import CodingData, display_name
from respmine.store import Store
from respmine.store import structure as structure_store
from respmine.store.models import CampaignRow
from respmine.store.views import (
    RespondentView,
    SegmentView,
    SubmissionView,
    read_respondents,
    read_segments,
    read_submissions,
)
from respmine.themes.codebook import Codebook
from respmine.themes.decisions import reviewed_segments

COLUMNS = [
    "segment_id", "submission_id", "source_file", "page", "span_start", "span_end", "respondent",
    "respondent_type", "joint_with", "question", "method", "confidence", "text", "campaign_id",
    "campaign_size", "late", "received_at", "stance", "publication",
    "theme", "theme_label", "theme_stance", "evidence", "evidence_start", "evidence_end", "code_method",
    "code_confidence", "reviewed", "codebook",
]
THEME_COLUMNS = COLUMNS[COLUMNS.index("theme"):]
_SORT = [COLUMNS.index(c) for c in ("source_file", "span_start", "question", "theme")]


def coded_rows(store: Store, codebook: Codebook | None = None) -> list[dict[str, object]]:
    """Rows for every segment and each of its themes, with respondent and campaign (no themes without a
    codebook: the coding is only meaningful under the codebook it is read with)."""
    if codebook is not None:
        return [dict(zip(COLUMNS, r, strict=True)) for r in coded_lists(CodingData.load(store, codebook))]
    rows = build_rows(read_segments(store), read_submissions(store),
                      read_respondents(store), structure_store.campaigns(store), [], {}, {},
                      lambda c: c.stance)
    return [dict(zip(COLUMNS, r, strict=True)) for r in rows]


def coded_lists(data: CodingData, tz: tzinfo | None = None) -> list[tuple[object, ...]]:
    """The rows from already loaded data, as tuples in `COLUMNS` order (what the writers take); times in
    `tz` (the consultation's)."""
    cb = data.codebook
    labels = {t: " > ".join(cb.theme(a).label for a in [*reversed(cb.ancestors(t)), t]) for t in cb.ids}
    return build_rows(data.segments.values(), data.submissions, data.people, data.campaigns,
                      exported_codes(data), labels, data.stances, data.side, tz,
                      reviewed_segments(data.decisions))


def exported_codes(data: CodingData) -> list[Code]:
    """The effective codes as every export lists them, so a recount from the file agrees with the theme
    table and the app:
    - (a segment an analyst reviewed, `reviewed_segments`, says so on every row: the writers take the set,
      as a code's own `reviewed` decides its side, `CodingData.side`, and must stay as the tables read it);
    - a sub-theme implies its parents (the table counts it under them): a parent not coded on the segment
      gets its own row, as the machine coder writes one (`rule(child)`), here for an analyst's added
      sub-theme ("Housing on release" implies "Resettlement": `analyst(child)`) or a parent rejected
      under a kept sub-theme."""
    by_segment: dict[str, list[Code]] = {}
    for code in data.codes:
        by_segment.setdefault(code.segment, []).append(code)
    cb = data.codebook
    out: list[Code] = []
    for codes in by_segment.values():
        out += codes
        have = {c.theme for c in codes}
        implied = {p for c in codes if c.theme in cb.ids for p in cb.ancestors(c.theme)} - have
        for parent in sorted(implied):
            kids = [c for c in codes if parent in cb.ancestors(c.theme)]
            best = max(kids, key=lambda c: c.confidence)
            out.append(replace(best, theme=parent, method=f"{best.method.split('+')[0]}(child)"))
    return out


def build_rows(
    segments: Iterable[SegmentView], subs: Mapping[str, SubmissionView], people: Mapping[str, RespondentView],
    campaigns: Sequence[CampaignRow], codes: Iterable[Code], labels: Mapping[str, str],
    stances: Mapping[str, str], side: Callable[[Code], str | None], tz: tzinfo | None = None,
    reviewed: Collection[str] = (),
) -> list[tuple[object, ...]]:
    """Rows sorted by source file, position, question and theme (ties keep the order of `segments`).
    `stance` is the segment's, towards the proposals; `theme_stance` the side a code's evidence takes on
    its theme (`side`: `CodingData.side`); `reviewed`: the segments an analyst reviewed (an uncoded one's
    row says so too).
    Tuples, not lists: tuples of plain values drop out of the garbage collector's sweeps, and 75,000 rows
    on 10,000 submissions kept it busy."""
    campaign_of: dict[str, tuple[str, int]] = {}
    for c in campaigns:
        for member in c.members:
            campaign_of[member] = (c.id, c.size)
    codes_of: dict[str, list[Code]] = {}
    for code in codes:
        codes_of.setdefault(code.segment, []).append(code)
    empty = [""] * len(THEME_COLUMNS)
    at = THEME_COLUMNS.index("reviewed")
    rows: list[tuple[object, ...]] = []
    for seg in segments:
        sub = subs[seg.submission]
        who = people.get(seg.submission) or (people.get(sub.parent_sha256 or ""))
        name = display_name(who)
        campaign = campaign_of.get(seg.submission, ("", 0))
        base: list[object] = [
            seg.id[:16], seg.submission[:12], cited_source(subs, people, seg.submission), seg.page or "",
            seg.start, seg.end, name,
            who.respondent_type if who else "unknown",
            "; ".join(o for o in (who.organisations if who else []) if o != name),
            seg.question, seg.method, f"{seg.confidence:.2f}", seg.text, campaign[0], campaign[1] or "",
            "" if sub.late is None else ("yes" if sub.late else "no"),
            shown_time(sub.received_at, tz), stances.get(seg.id, ""),
            (who.publication or "") if who else "",  # what they asked (the report honours it)
        ]
        found = codes_of.get(seg.id)
        if not found:
            rows.append(tuple(base + empty[:at] + ["yes" if seg.id in reviewed else "no"] + empty[at + 1:]))
            continue
        for code in found:
            rows.append((
                *base, code.theme, labels.get(code.theme, code.theme), side(code) or "",
                code.evidence_text, code.evidence.start, code.evidence.end, code.method,
                f"{code.confidence:.2f}", "yes" if code.reviewed or seg.id in reviewed else "no",
                code.codebook,
            ))
    source, start, question, theme = _SORT
    rows.sort(key=lambda r: (str(r[source]), str(r[start]).zfill(9), str(r[question]), str(r[theme])))
    return rows


def write_coded_csv(path: Path, rows: Iterable[Sequence[object]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)
