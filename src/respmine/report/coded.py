"""`coded_responses.csv`: one row per (segment, theme), the table analysts filter and pivot.

A segment with no theme keeps one row with the theme columns empty, so nothing said is lost from the
table. Themes are the effective coding (analysts' decisions applied); individuals are never named.
"""

from __future__ import annotations

import csv
from pathlib import Path

from respmine.records import Code
from respmine.store import Store
from respmine.store import structure as structure_store
from respmine.themes.codebook import Codebook

COLUMNS = [
    "segment_id", "submission_id", "source_file", "page", "span_start", "span_end", "respondent",
    "respondent_type", "joint_with", "question", "method", "confidence", "text", "campaign_id",
    "campaign_size", "late", "received_at",
    "theme", "theme_label", "stance", "evidence", "evidence_start", "evidence_end", "code_method",
    "code_confidence", "reviewed", "codebook",
]
THEME_COLUMNS = COLUMNS[COLUMNS.index("theme"):]


def coded_rows(store: Store, codebook: Codebook | None = None) -> list[dict[str, object]]:
    """Rows for every segment and each of its themes, with respondent and campaign (no themes without a
    codebook: the coding is only meaningful under the codebook it is read with)."""
    subs = structure_store.submission_index(store)
    people = structure_store.respondents(store)
    campaign_of: dict[str, tuple[str, int]] = {}
    for c in structure_store.campaigns(store):
        for member in c.members:
            campaign_of[member] = (c.id, c.size)
    codes_of, labels, stances = _coding(store, codebook)
    rows: list[dict[str, object]] = []
    for seg in structure_store.segments(store):
        sub = subs[seg.submission]
        who = people.get(seg.submission) or (people.get(sub.parent_sha256 or ""))
        campaign = campaign_of.get(seg.submission, ("", 0))
        base: dict[str, object] = {
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
        }
        codes = codes_of.get(seg.id, [])
        if not codes:
            rows.append({**base, **dict.fromkeys(THEME_COLUMNS, ""), "stance": stances.get(seg.id, "")})
        for code in codes:
            rows.append({**base, **_theme_columns(code, labels, stances.get(seg.id, ""))})
    return sorted(rows, key=lambda r: (str(r["source_file"]), str(r["span_start"]).zfill(9),
                                       str(r["question"]), str(r["theme"])))


def _coding(
    store: Store, codebook: Codebook | None
) -> tuple[dict[str, list[Code]], dict[str, str], dict[str, str]]:
    """Effective codes by segment, theme labels (parent > child) and effective stances."""
    if codebook is None:
        return {}, {}, {}
    from respmine.report.tables import current_codebook
    from respmine.store import themes as theme_store

    current = current_codebook(codebook, theme_store.decisions(store))
    labels = {t: " > ".join(current.theme(a).label for a in [*reversed(current.ancestors(t)), t])
              for t in current.ids}
    codes_of: dict[str, list[Code]] = {}
    for code in theme_store.effective_codes(store, codebook):
        codes_of.setdefault(code.segment, []).append(code)
    return codes_of, labels, theme_store.effective_stances(store)


def _theme_columns(code: Code, labels: dict[str, str], segment_stance: str) -> dict[str, object]:
    return {
        "theme": code.theme,
        "theme_label": labels.get(code.theme, code.theme),
        "stance": code.stance or segment_stance,
        "evidence": code.evidence_text,
        "evidence_start": code.evidence.start,
        "evidence_end": code.evidence.end,
        "code_method": code.method,
        "code_confidence": f"{code.confidence:.2f}",
        "reviewed": "yes" if code.reviewed else "no",
        "codebook": code.codebook,
    }


def _display_name(who: structure_store.RespondentRow | None) -> str:
    if who is None:
        return "Unknown respondent"
    if who.kind == "organisation" and who.organisation:
        return who.organisation
    return "Individual (name withheld)"


def write_coded(store: Store, out_dir: Path, codebook: Codebook | None = None) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "coded_responses.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(coded_rows(store, codebook))
    return path
