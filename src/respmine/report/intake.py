"""Intake tables: every submission with its status, and the quarantine log with reasons to act on."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import tzinfo
from pathlib import Path

from sqlalchemy import select

from respmine.records import shown_time
from respmine.report.summaries import join_words, number, plural
from respmine.store import Store
from respmine.store.models import SubmissionRow
from respmine.structure.language import UNKNOWN, guess_language

SUBMISSION_COLUMNS = [
    "submission_id", "source_file", "also_received_as", "kind", "parent_id", "format", "method",
    "status", "code", "reason", "pages", "words", "language", "received_at", "received_from", "late",
]


_READ = ("sha256", "source", "kind", "parent_sha256", "format", "method", "status", "code", "reason", "pages",
         "text", "received_at", "received_from", "late")  # the submission columns the table shows


def submission_rows(store: Store, tz: tzinfo | None = None) -> list[dict[str, object]]:
    """One row per submission (files, attachments, form rows), sorted by source for stable output; times
    in `tz` (the consultation's). `language` is guessed from the stored text as the structure stage
    guesses it (its redaction depends on it), so a store from before needs no new column.
    Only the columns shown are read, as plain rows: this runs after every late batch, over every
    submission, and ORM objects took half its time."""
    sources = store.sources()
    rows = []
    with store.session() as s:
        table = SubmissionRow.__table__  # a Core query: its rows stream (see `store.views`)
        query = select(*[table.c[name] for name in _READ]).order_by(table.c.source)
        for sub in s.execute(query):
            names = sources.get(sub.sha256, [])
            rows.append({
                "submission_id": sub.sha256[:12],
                "source_file": sub.source,
                "also_received_as": "; ".join(n for n in names if n != sub.source),
                "kind": sub.kind,
                "parent_id": (sub.parent_sha256 or "")[:12],
                "format": sub.format,
                "method": sub.method or "",
                "status": sub.status,
                "code": sub.code or "",
                "reason": sub.reason or "",
                "pages": len(sub.pages or []),
                "words": len(sub.text.split()),
                "language": guess_language(sub.text) if sub.text.strip() else "",
                "received_at": shown_time(sub.received_at, tz),
                "received_from": sub.received_from or "",
                "late": "" if sub.late is None else ("yes" if sub.late else "no"),
            })
    return sorted(rows, key=lambda r: (str(r["source_file"]), str(r["submission_id"])))


def write_intake(store: Store, out_dir: Path, tz: tzinfo | None = None) -> dict[str, Path]:
    """Write `submissions.csv` and `quarantine.csv` into `out_dir` (times in `tz`); return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = submission_rows(store, tz)
    paths = {"submissions": out_dir / "submissions.csv", "quarantine": out_dir / "quarantine.csv"}
    _write_csv(paths["submissions"], SUBMISSION_COLUMNS, rows)
    quarantined = [r for r in rows if r["status"] == "quarantined"]
    _write_csv(paths["quarantine"], ["source_file", "code", "reason", "received_at"], quarantined)
    return paths


def _write_csv(path: Path, columns: list[str], rows: list[dict[str, object]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def summary_markdown(summary: dict[str, object], title: str = "Intake") -> str:
    """The run summary as Markdown (terminal, Prefect artifact, README of the outputs)."""
    lines = [f"# {title}", ""]
    reread = int(str(summary.get("reread") or 0))  # (counted among the new: this run read them)
    retried = int(str(summary.get("retried") or 0))  # (so too)
    added = summary.get("added")
    again = sum(bool(a.get("retried")) and a.get("status") == "quarantined"
                for a in (added if isinstance(added, list) else []))  # (OCR on, OCR failed; a store's old
    # "too_large" for pages or rows, now said so: no setting of this run let them be read)
    lines.append(
        f"{_n(summary['files'], 'file')} in the inbox: {int(str(summary['new'])) - reread - retried} new, "
        + (f"{reread} read before and read again by this version of respmine, which reads their format "
           "better, " if reread else "")
        + (f"{retried} quarantined (or read without OCR) before and read now that this run allows it (a "
           "higher --max-file-mb, OCR turned on or a missing program installed"
           + (f"; {again} of them quarantined again for another cause, listed below" if again else "")
           + "), " if retried else "")
        + f"{summary['already_done']} already processed, {_n(summary['duplicates'], 'exact duplicate')} of "
        "another file."
        + (f" {_n(summary['replaced'], 'file')} replaced by a new version under the same name"
           + files_said(summary.get("replaced_files")) + f": the earlier version dropped ({REPLACED_CHECK})."
           if summary.get("replaced") else "")
    )
    lines.append(_responses_line(summary))
    lines += ["", "| format | stored items (files, form rows, attachments) |", "|---|---|"]
    by_format = summary.get("by_format") or {}
    assert isinstance(by_format, dict)
    lines += [f"| {fmt} | {n} |" for fmt, n in by_format.items()]
    structure = summary.get("structure")
    if isinstance(structure, dict):
        campaigns = structure.get("campaigns") or []
        assert isinstance(campaigns, list)
        sizes = ", ".join(str(c["size"]) for c in campaigns)
        groups = _n(len(campaigns), "campaign or duplicate group", "campaigns or duplicate groups")
        lines += [
            "", "## Structure", "",
            f"{_n(structure['respondents'], 'text')} (responses, and attachments apart from their e-mail) "
            f"split into {_n(structure['segments'], 'segment')} (answers per question, general comments "
            f"kept); {_n(structure['redacted'], 'personal identifier')} redacted; {groups}"
            + (f" (letters: {sizes})." if sizes else "."),
        ]
        carried = int(structure.get("decisions_carried") or 0)
        left = int(structure.get("decisions_left") or 0)
        if carried or left:
            lines += ["", f"Analysts' decisions: {carried} followed their paragraph to its new segment" + (
                f"; {left} (over all runs) refer to text that is no longer a segment of its own (a "
                "paragraph merged or re-cut, a response no longer in the inbox): kept in the audit log, no "
                "longer applied, so those responses need another look." if left else ".")]
        if line := _languages_line(structure.get("languages")):
            lines += ["", line]
        if line := _empty_line(structure.get("empty")):
            lines += ["", line]
        lines += _publication_lines(structure.get("publication"))
    quarantined = summary.get("quarantined") or []
    assert isinstance(quarantined, list)
    if quarantined:
        lines += ["", f"## Quarantined ({len(quarantined)})", ""]
        lines += ["| file | code | what to do |", "|---|---|---|"]
        lines += [f"| {q['file']} | {q['code']} | {q['reason']} |" for q in quarantined]
    return "\n".join(lines) + "\n"


def _languages_line(languages: object) -> str:
    """The texts the structure stage guessed are not in English (`languages`: language -> texts): the
    English redaction and theme rules read them. "" if there are none."""
    counts = languages if isinstance(languages, dict) else {}
    other = {str(lang): int(n) for lang, n in counts.items() if lang not in ("en", UNKNOWN) and int(n)}
    if not (count := sum(other.values())):
        return ""
    which = ", ".join(lang if n == 1 else f"{lang}: {n}" for lang, n in sorted(other.items()))
    one = count == 1
    return (f"{_n(count, 'response')} {'is' if one else 'are'} not in English ({which}): "
            f"{'it was' if one else 'they were'} redacted and coded as English text (capitalised nouns may "
            f"be redacted as names, and themes missed); consider translating {'it' if one else 'them'} "
            "(`language` in submissions.csv says which).")


def _empty_line(empty: object) -> str:
    """The responses read with no text (an online-form row with its answers left blank): counted nowhere,
    so said here (a new user's row naming an organisation vanished from every count). "" if none."""
    sources = [str(s) for s in empty] if isinstance(empty, list) else []
    if not sources:
        return ""
    shown = listed(sources)
    one = len(sources) == 1
    return (f"{_n(len(sources), 'response')} {'has' if one else 'have'} no text to read and "
            f"{'is' if one else 'are'} counted nowhere ({shown}): an online-form row whose answers were left "
            "blank, or an e-mail with nothing in it; check the inbox.")


def _publication_lines(asked: object) -> list[str]:
    """The respondents who asked not to be published, or to be published anonymously, for the analyst to
    check: the report quotes none of the first and names neither in its annex; the counts keep them."""
    rows = [a for a in asked if isinstance(a, dict)] if isinstance(asked, list) else []
    if not rows:
        return []
    one = len(rows) == 1
    lines = ["", f"## Asked not to be published ({len(rows)})", "",
             f"{_n(len(rows), 'response')} {'asks' if one else 'ask'} not to be published, or to be "
             "published without the name (`publication` in respondents.csv): the report quotes no response "
             "asking not to be published and names neither in its annex of organisations; their views are "
             "counted. Check "
             f"{'it' if one else 'each'}, and set or clear it on the respondent's page of the review app "
             "where it is wrong or was asked separately (the reports follow the analyst).", "",
             "| file | asked | in their words | analyst's decision |", "|---|---|---|---|"]
    return lines + [f"| {a.get('file')} | {a.get('asked') or 'nothing'} | "
                    f"{str(a.get('words') or '').replace('|', '/')} | {_decided(a.get('analyst'))} |"
                    for a in rows]


def _decided(said: object) -> str:
    """An analyst's publication decision as the intake summary gives it ("do not publish (ana)")."""
    if not isinstance(said, dict):
        return ""
    return f"{said.get('publication') or 'nothing asked'} ({said.get('user')})"


SHOWN = 10  # the files a summary names in one list, at most (an upgrade may re-read a whole inbox)


def listed(names: Sequence[str], shown: int = SHOWN) -> str:
    """"a.pdf, b.docx and 3 more": the first `shown` names and how many are left out."""
    return ", ".join(names[:shown]) + (f" and {len(names) - shown} more" if len(names) > shown else "")


REPLACED_CHECK = ("if one was another sender's file saved over an earlier response, put the earlier file "
                  "back under a name of its own and run again")  # (the store drops the earlier version)


def files_said(files: object) -> str:
    """" (a.pdf, b.docx)" for a summary's list of file names; "" for none (a summary from before the list)."""
    return f" ({listed([str(f) for f in files])})" if isinstance(files, list) and files else ""


def _n(count: object, singular: str, many: str | None = None) -> str:
    return plural(int(str(count)), singular, many)  # (summary values come from JSON: any type)


def _file_time_note(by_file_time: int, late: int) -> str:
    """Late flags taken from when a file was saved (no e-mail date, form timestamp or received log): right
    for files saved into the inbox as they arrived, wrong for files copied in later."""
    if not by_file_time:
        return ""
    which = ("dated" if late == 1 else "all dated" if by_file_time >= late
             else f"{number(by_file_time)} of them dated")
    return (f" ({which} only by when the file was saved: if files are copied into the inbox after they "
            "arrive, list their dates in a received log, `received_log:` in the consultation file, and run "
            "again: files read before are dated from it)")


def _responses_line(summary: dict[str, object]) -> str:
    """Responses as the report counts documents: a form export's rows, not the export; an e-mail with its
    attachment once. (A summary from before these counts were kept says what it stored.)"""
    read = summary.get("responses")
    if not isinstance(read, dict):
        return f"{_n(summary['submissions'], 'submission')} stored from new files; {summary['late']} late."
    files, rows = int(read.get("file", 0)), int(read.get("form-row", 0))
    by_status = summary.get("by_status")
    quarantined = int((by_status if isinstance(by_status, dict) else {}).get("quarantined", 0))
    line = (f"{_n(files + rows, 'response')} read from new files"
            f"{' and files read again' if summary.get('reread') or summary.get('retried') else ''} "
            f"({_n(files, 'file')}, "
            f"{_n(rows, 'form row')}); {_n(quarantined, 'file')} quarantined (listed below).")
    if summary.get("dated", True):  # (a summary from before "dated" was kept: as it was)
        late = int(str(summary["late"]))
        line += (f" {_n(late, 'response')} (read or quarantined) {'was' if late == 1 else 'were'} received "
                 "after the closing date"
                 + _file_time_note(int(str(summary.get("late_by_file_time") or 0)), late) + ".")
    if redated := int(str(summary.get("redated") or 0)):
        line += (f" {_n(redated, 'file')} read before {'was' if redated == 1 else 'were'} dated again from "
                 "the received log (their file's time had dated them).")
    also = [f"{_n(summary.get('form_exports', 0), 'form export')} (their rows are the responses)"
            if summary.get("form_exports") else "",
            f"{_n(summary.get('attachments', 0), 'e-mail attachment')} (read as part of the e-mail)"
            if summary.get("attachments") else "",
            f"{_n(summary.get('archives', 0), 'zip archive')} (the files in "
            f"{'it' if summary.get('archives') == 1 else 'them'} are read as responses of their own, and "
            "counted above)" if summary.get("archives") else ""]
    also = [a for a in also if a]
    return line + (f" Also stored: {join_words(also)}." if also else "")
