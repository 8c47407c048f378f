"""`coded_responses.csv`: one row per segment, the table analysts filter and later stages extend."""

from __future__ import annotations

import csv
from pathlib import Path

from respmine.store import Store
from respmine.store import structure as structure_store

COLUMNS = [
    "segment_id", "submission_id", "source_file", "page", "span_start", "span_end", "respondent",
    "respondent_type", "joint_with", "question", "method", "confidence", "text", "campaign_id",
    "campaign_size", "late", "received_at",
]


def coded_rows(store: Store) -> list[dict[str, object]]:
    """Rows for every segment, with respondent and campaign. Individuals are never named here."""
    subs = structure_store.submission_index(store)
    people = structure_store.respondents(store)
    campaign_of: dict[str, tuple[str, int]] = {}
    for c in structure_store.campaigns(store):
        for member in c.members:
            campaign_of[member] = (c.id, c.size)
    rows: list[dict[str, object]] = []
    for seg in structure_store.segments(store):
        sub = subs[seg.submission]
        who = people.get(seg.submission) or (people.get(sub.parent_sha256 or ""))
        campaign = campaign_of.get(seg.submission, ("", 0))
        rows.append({
            "segment_id": seg.id[:16],
            "submission_id": seg.submission[:12],
            "source_file": sub.source,
            "page": seg.page or "",
            "span_start": seg.start,
            "span_end": seg.end,
            "respondent": _display_name(who),
            "respondent_type": who.respondent_type if who else "unknown",
            "joint_with": "; ".join(o for o in (who.organisations if who else []) if o != _display_name(who)),
            "question": seg.question,
            "method": seg.method,
            "confidence": f"{seg.confidence:.2f}",
            "text": seg.text,
            "campaign_id": campaign[0],
            "campaign_size": campaign[1] or "",
            "late": "" if sub.late is None else ("yes" if sub.late else "no"),
            "received_at": sub.received_at.isoformat() if sub.received_at else "",
        })
    return sorted(
        rows, key=lambda r: (str(r["source_file"]), str(r["span_start"]).zfill(9), str(r["question"]))
    )


def _display_name(who: structure_store.RespondentRow | None) -> str:
    if who is None:
        return "Unknown respondent"
    if who.kind == "organisation" and who.organisation:
        return who.organisation
    return "Individual (name withheld)"


def write_coded(store: Store, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "coded_responses.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(coded_rows(store))
    return path
