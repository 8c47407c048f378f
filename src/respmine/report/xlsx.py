"""The analyst's workbook: theme table, coded responses, the respondent register, questions (who answered,
how many agreed), codebook, campaigns, emerging themes, quarantine log and provenance, each sheet a
filterable table with a frozen header.

Text is always stored as text (a response starting with "=" never becomes a formula), control characters
Excel refuses are dropped, and document properties and zip entry times are the data time, so the same
data gives the same bytes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from respmine.records import STANCES, shown_time
from respmine.report.coded import COLUMNS as CODED_COLUMNS
from respmine.report.quotes import cited_source, organisation_in_file_name
from respmine.report.register import COLUMNS as REGISTER_COLUMNS
from respmine.report.summaries import AGREEMENT_VERBS, STANCE_NAMES
from respmine.report.tables import CodingData, closed_answers, respondent_totals
from respmine.report.xlsx_package import Sheet, write_workbook_package
from respmine.structure.choices import SEVERAL

if TYPE_CHECKING:
    from respmine.report.outputs import Report


def write_workbook(report: Report, data: CodingData, coded: list[tuple[object, ...]], path: Path,
                   registered: list[list[object]]) -> None:
    """Write every sheet from the loaded data; `coded` and `registered` are the coded-responses and
    respondent-register rows the CSVs also hold."""
    sheets = [
        Sheet("Theme table", *_theme_table(report), widths={"Theme": 48, "Quote 1": 70, "Quote 2": 70,
                                                            "Quote 3": 70, "Question text": 40}),
        Sheet("Coded responses", CODED_COLUMNS, coded,
              widths={"text": 80, "evidence": 60, "source_file": 36, "respondent": 30, "theme_label": 40}),
        Sheet("Respondents", REGISTER_COLUMNS, registered,
              widths={"respondent": 40, "joint_with": 30, "source_files": 36, "questions_answered": 30,
                      "theme_labels": 70, "identified_from": 50}),
        Sheet("Questions", *_questions(report), widths={"Title": 30, "Question text": 80, "Summary": 90}),
        Sheet("Answers by type", *_answers_by_type(report, data), widths={"Respondent type": 36}),
        Sheet("Codebook", *_codebook(report), widths={"Label": 40, "Description": 70, "Phrases": 50}),
        Sheet("Campaigns", *_campaigns(data), widths={"Template (start)": 80, "Letters": 10, "Sources": 60}),
        Sheet("Emerging themes", *_emerging(report), widths={"Name": 40, "Keywords": 40, "Quotes": 90}),
        Sheet("Quarantine", *_quarantine(data, report.tz), widths={"File": 40, "What to do": 90}),
        Sheet("About", ["Item", "Value"], _about(report), widths={"Item": 28, "Value": 110}),
    ]
    when = report.info.data_time.replace(tzinfo=None)
    write_workbook_package(path, sheets, f"Coded evidence: {report.title}"[:250], when)


def _theme_table(report: Report) -> tuple[list[str], list[list[object]]]:
    header = ["Question", "Question text", "Theme id", "Theme", "Level", "Respondents", "Campaign letters",
              "Late", *[report.types.heading(t) for t in report.types.ids],
              *[STANCE_NAMES[s] for s in STANCES], "Quote 1", "Quote 2", "Quote 3"]
    texts = {s.id: s.text for s in report.sections}
    rows: list[list[object]] = []
    blocks = [("all", "All questions", [t.row for t in report.themes])]
    blocks += [(s.id, texts[s.id], s.rows) for s in report.sections]
    for qid, qtext, theme_rows in blocks:
        for r in theme_rows:
            level = report.depths.get(r.theme, 0)
            quotes = [f"“{q.text}” ({q.who}; {q.cite})"
                      for q in r.quotes]
            rows.append([qid, qtext, r.theme, "    " * level + r.label, level, r.respondents,
                         r.campaign_letters, r.late, *[r.by_type.get(t, 0) for t in report.types.ids],
                         *[r.stance.get(s, 0) if report.carries_stance(r.theme) else "" for s in STANCES],
                         *[*quotes, "", "", ""][:3]])
    return header, rows


def _questions(report: Report) -> tuple[list[str], list[list[object]]]:
    """Per question: who answered and, for a question asking for agreement, how many agreed (the counts
    behind the report's lead sentences; blank where the question asks for no agreement)."""
    header = ["Question", "Title", "Question text", "Respondents", "Asks for agreement",
              *[verb.capitalize() for _, verb in AGREEMENT_VERBS], "Did not say clearly", "Options chosen",
              "Summary"]
    rows: list[list[object]] = []
    for s in report.sections:
        asked = s.agreement is not None
        said = [(s.agreement or {}).get(k, 0) for k, _ in AGREEMENT_VERBS] if asked else []
        counts: list[object] = [*said, s.answered - sum(said)] if said else [""] * (len(AGREEMENT_VERBS) + 1)
        picked = dict(s.choices or {})
        chose = _chosen(picked, s.answered - sum(picked.values())) if picked else ""
        rows.append([s.id, s.title, s.text, s.answered, "yes" if asked else "no", *counts, chose, s.summary])
    return header, rows


def _answers_by_type(report: Report, data: CodingData) -> tuple[list[str], list[list[object]]]:
    """For each question asking for agreement or a choice between options, each respondent type's answers
    (who agreed, disagreed, did not know; who chose each option): the cross-tabulation a policy team
    reports ("8 of 12 charities agreed, 2 of 9 councils")."""
    header = ["Question", "Respondent type", "Respondents",
              *[verb.capitalize() for _, verb in AGREEMENT_VERBS], "Did not say clearly", "Options chosen"]
    rows: list[list[object]] = []
    for s in (s for s in report.sections if s.agreement is not None or s.choices is not None):
        answered = respondent_totals(data, question=s.id)
        by_type: dict[str, Counter[str]] = {}
        for unit, answer in closed_answers(data, s.id, s.options if s.choices is not None else None).items():
            by_type.setdefault(data.units[unit].respondent_type, Counter())[answer] += 1
        for kind in sorted((t for t in answered if answered[t]), key=lambda t: (report.types.rank(t), t)):
            n, said = answered[kind], by_type.get(kind, Counter())
            if s.agreement is not None:
                counts = [said.get(k, 0) for k, _ in AGREEMENT_VERBS]
                rows.append([s.id, report.types.heading(kind), n, *counts, n - sum(counts), ""])
            else:
                picked = {k: said[k] for k in [*s.options, SEVERAL] if said.get(k)}
                rows.append([s.id, report.types.heading(kind), n, *[""] * (len(AGREEMENT_VERBS) + 1),
                             _chosen(picked, n - sum(said.values()))])
    return header, rows


def _chosen(picked: Mapping[str, int], unsaid: int) -> str:
    """"option A: 10; option B: 7; several: 1; not said: 2" ("1 4; 2 5" could not be read when the
    options are numbered)."""
    said = [f"{k}: {n}" if k == SEVERAL else f"option {k}: {n}" for k, n in picked.items()]
    return "; ".join(said + ([f"not said: {unsaid}"] if unsaid > 0 else []))


def _codebook(report: Report) -> tuple[list[str], list[list[object]]]:
    cb = report.codebook
    header = ["Theme id", "Label", "Parent", "Level", "Description", "Phrases", "Exclusions",
              "Implies stance", "Position", "Fingerprint"]
    from respmine.report.tables import theme_order

    rows: list[list[object]] = [
        [t, cb.theme(t).label, cb.theme(t).parent or "", report.depths.get(t, 0),
         " ".join(cb.theme(t).description.split()), "; ".join(cb.theme(t).phrases),
         "; ".join(cb.theme(t).exclusions), cb.theme(t).stance or "", "yes" if cb.theme(t).position else "",
         cb.theme(t).fingerprint]
        for t in theme_order(cb)
    ]
    return header, rows


def _campaigns(data: CodingData) -> tuple[list[str], list[list[object]]]:
    subs = data.submissions
    header = ["Campaign id", "Kind", "Letters", "Sources", "Template (start)"]
    rows: list[list[object]] = []
    for c in data.campaigns:
        kind = "identical copies" if c.id.startswith("duplicate-") else "form-letter campaign"
        sources = "; ".join(sorted(cited_source(subs, data.people, m) for m in c.members if m in subs))  # (a
        # person's file by its id: campaign letters are named after their senders)
        rows.append([c.id, kind, c.size, sources, " ".join(c.template.split())[:1000]])
    return header, rows


def _emerging(report: Report) -> tuple[list[str], list[list[object]]]:
    header = ["Topic", "Name", "Keywords", "Segments", "Respondents", "Note", "Status", "Quotes"]
    rows: list[list[object]] = [
        [e.id, e.name, "; ".join(e.keywords), e.segments, e.respondents, e.note, e.status,
         "\n".join(f"“{q.text}” ({q.who}; {q.cite})" for q in e.quotes)]
        for e in report.emerging
    ]
    return header, rows


def _quarantine(data: CodingData, tz: tzinfo) -> tuple[list[str], list[list[object]]]:
    """As in `quarantine.csv` (see `intake.submission_rows`), from the submissions already loaded, each
    file cited by its id in `submissions.csv` with the organisation its name gives, if any: a file that
    could not be read says nothing of who wrote it, and people name files after themselves ("Letter from
    Sarah Jennings.docx"), so its name is not shown in a workbook that is shared."""
    header = ["File", "Code", "What to do", "Received at"]
    found = sorted((s for s in data.submissions.values() if s.status == "quarantined"),
                   key=lambda s: (s.source, s.sha256[:12]))
    rows: list[list[object]] = [[_unread_file(s.source, s.sha256), s.code or "", s.reason or "",
                                 shown_time(s.received_at, tz)] for s in found]
    return header, rows


def _unread_file(source: str, sha256: str) -> str:
    org = organisation_in_file_name(source)
    return f"{org} (response {sha256[:12]})" if org else f"response {sha256[:12]}"


def _about(report: Report) -> list[list[object]]:
    info = report.info
    return [
        ["Consultation", report.title],
        ["Data as of", info.data_time.isoformat()],
        ["Codebook", info.codebook],
        ["Models", "; ".join(info.models) or "none recorded"],
        ["Software", info.versions],
        ["Respondents", report.respondents],
        ["Letters and forms received (processed)", report.letters],
        ["Late respondents", report.late if report.closes else "no closing date given"],
        ["Quarantined files", report.quarantined],
        ["Counting", "Respondents, not letters: an e-mail and its attachment are one respondent; a "
                     "form-letter campaign is one respondent (Campaign letters: how many of its letters "
                     "raised the theme); identical copies "
                     "count once. A theme includes everyone coded under its sub-themes."],
        ["Late", "Late = every submission of that respondent arrived after the closing date."],
        ["Stance", "Towards the consultation's proposals: an analyst's decision wins over the machine's. "
                   "In Coded responses, `theme_stance` is the side a code's sentence takes (or the one its "
                   "theme stands for) and `stance` the whole passage's. Under a theme, "
                   + ("the stance respondents took in their sentences on that theme, or the one the theme "
                      "stands for; only the themes the codebook marks as positions on the proposals and the "
                      "topics above them carry a stance (blank for the others)." if report.stanced is not None
                      else "respondents are counted by the side they took on the proposals where they raised "
                      "the theme: their sentence on it, else that answer, else all their answers.")],
    ]
