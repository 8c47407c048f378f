"""Every report output of a run, written from one `Report` so all of them tell the same story.

Outputs are byte-identical for identical inputs: nothing reads the wall clock. The time a report states
("data as of") is the time of the latest data change (a run that added submissions, an analyst decision,
a topic fit), and file timestamps inside XLSX/DOCX/QDPX archives are set to it.
"""

from __future__ import annotations

import csv
import gc
import json
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from respmine.consultation import Consultation
from respmine.ingest.dispatch import readers_label
from respmine.records import GENERAL, STANCES, UNCODED, question_name, stored_time
from respmine.report import summaries
from respmine.report.coded import coded_lists, write_coded_csv
from respmine.report.quotes import quote_of, withheld
from respmine.report.register import RegisterRow, register, register_lists, write_register_csv
from respmine.report.tables import (
    ALL,
    CodingData,
    PositionSplit,
    Quote,
    ThemeRow,
    build_rows,
    depth,
    position_split,
    question_choices,
    question_key,
    question_stances,
    questions_answered,
    respondent_totals,
)
from respmine.store import Store
from respmine.store.models import DecisionRow, RunRow, StanceRow, TopicAssignmentRow, TopicModelRow
from respmine.structure.choices import SEVERAL, question_options
from respmine.structure.language import UNKNOWN, guess_language
from respmine.structure.respondent_types import DEFAULT_TYPES, TypeList
from respmine.themes.chosen import CHOSE
from respmine.themes.codebook import Codebook
from respmine.themes.decisions import merged_into, reviewed_segments
from respmine.themes.stance import as_answered, asks_agreement
from respmine.themes.stated import AGREED

SNAPSHOT = "theme_snapshot.json"
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)  # the data time of a store no run has filled


@dataclass(frozen=True)
class RunInfo:
    """What produced the report: stated on every output, identical on reruns with unchanged data."""

    data_time: datetime
    codebook: str
    models: tuple[str, ...]
    versions: str

    @property
    def stamp(self) -> str:
        return self.data_time.strftime("%d %B %Y, %H:%M UTC").lstrip("0")

    def lines(self) -> list[str]:
        return [f"Data as of {self.stamp}", f"Codebook {self.codebook}",
                f"Models: {'; '.join(self.models) or 'none recorded'}", self.versions]


@dataclass(frozen=True)
class Section:
    """One consultation question (or the general comments) with its theme rows and lead sentence."""

    id: str
    title: str
    text: str
    answered: int
    rows: list[ThemeRow]
    summary: str
    agreement: dict[str, int] | None = None  # respondents by stance, for a question asking for agreement
    options: dict[str, str] = field(default_factory=dict)  # a choice question's options: letter -> label
    choices: dict[str, int] | None = None  # ... and respondents by the option they chose

    @property
    def chose(self) -> str:
        """How many chose each option, in words ("" for a question offering none)."""
        if self.choices is None:
            return ""
        return summaries.choice_sentence(self.choices, self.options, self.answered)


@dataclass(frozen=True)
class ThemeText:
    row: ThemeRow  # counted over all questions
    depth: int
    text: str
    by_type: Mapping[str, ThemeRow] = field(default_factory=dict)  # each respondent type's own row


@dataclass(frozen=True)
class Emerging:
    """A topic no codebook theme matches, for analysts to promote or dismiss."""

    id: int
    name: str
    keywords: tuple[str, ...]
    segments: int
    respondents: int
    status: str  # awaiting decision | promoted | dismissed
    quotes: tuple[Quote, ...]
    note: str = ""  # "mostly from one response" / "... campaign" (`EmergingTheme.concentration`)


@dataclass(frozen=True)
class Report:
    title: str
    department: str
    closes: str
    info: RunInfo
    codebook: Codebook  # effective
    respondents: int
    letters: int
    late: int  # respondents all of whose letters were late
    quarantined: int
    bases: dict[str, int]  # respondent type -> respondents
    campaigns: list[tuple[str, int]]  # (id, letters) of form-letter campaigns
    joint: list[tuple[str, int]]  # (who, organisations) of joint responses
    headlines: list[str]
    changes: list[str]
    themes: list[ThemeText]
    sections: list[Section]
    emerging: list[Emerging]
    depths: dict[str, int] = field(default_factory=dict)
    snapshot: dict[str, Any] = field(default_factory=dict)
    method: list[str] = field(default_factory=list)  # "About this analysis" (`summaries.method`)
    register: list[RegisterRow] = field(default_factory=list)  # every counted respondent (`register`)
    stanced: frozenset[str] | None = None  # themes carrying a stance on the proposals (None: all)
    unread: dict[str, int] = field(default_factory=dict)  # quarantined files by code
    unread_from: list[str] = field(default_factory=list)  # organisations whose files must be asked for again
    late_letters: int = 0  # letters (campaign letters included) received after the closing date
    late_by_file_time: int = 0  # of them, dated only by when their file was saved
    proposals: str | None = None  # what the consultation proposes (`Consultation.proposals`)
    languages: dict[str, int] = field(default_factory=dict)  # responses by language, other than English
    types: TypeList = DEFAULT_TYPES  # the consultation's respondent types: columns, order and names

    def carries_stance(self, theme: str) -> bool:
        """Whether a theme's rows say how respondents stood on the proposals (`stance.stance_scope`)."""
        return self.stanced is None or theme in self.stanced

    def stanced_labels(self) -> list[str] | None:
        """The main themes carrying a stance on the proposals, by label (None: every theme does)."""
        if self.stanced is None:
            return None
        return [t.label for t in self.codebook.themes if t.parent is None and t.id in self.stanced]
    tz: tzinfo = UTC  # the consultation's: times are shown in it


@contextmanager
def _no_cycle_sweeps() -> Iterator[None]:
    """Automatic garbage collection paused while the outputs are built (and left as found after). They
    are built from half a million objects that all live until the end and hold no cycles to free, yet the
    collector's full sweeps walked them all, over and over: 0.7 s of 8 on 10,000 submissions, freeing
    nothing."""
    if not gc.isenabled():  # paused already (a caller's own bulk work, or a concurrent export)
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@_no_cycle_sweeps()
def write_reports(
    store: Store, codebook: Codebook, work_dir: Path, consultation: Consultation | None
) -> dict[str, Path]:
    """Write the theme table, coded responses, workbook, HTML and DOCX reports and the QDPX project.
    The store is read once (`CodingData`) and the coded rows built once: every writer shares them."""
    from respmine.report import docx_report, html, qdpx, xlsx

    work_dir.mkdir(parents=True, exist_ok=True)
    stored = _read_json(work_dir / SNAPSHOT)
    types = consultation.respondent_type_list() if consultation else DEFAULT_TYPES
    data = CodingData.load(store, codebook, types, consultation.offered() if consultation else None)
    report = build_report(store, data, consultation, stored)
    coded = coded_lists(data, report.tz)
    paths = {
        "theme_table": work_dir / "theme_table.csv",
        "emerging_themes": work_dir / "emerging_themes.csv",
        "coded_responses": work_dir / "coded_responses.csv",
        "respondents": work_dir / "respondents.csv",
        "workbook": work_dir / "coded_evidence.xlsx",
        "report_html": work_dir / "summary_report.html",
        "report_docx": work_dir / "summary_report.docx",
        "qdpx": work_dir / "coding_project.qdpx",
        "snapshot": work_dir / SNAPSHOT,
    }
    write_theme_csv(report, paths["theme_table"])
    write_emerging_csv(report, paths["emerging_themes"])
    write_coded_csv(paths["coded_responses"], coded)
    registered = register_lists(report.register, data, report.tz)
    write_register_csv(paths["respondents"], registered)
    xlsx.write_workbook(report, data, coded, paths["workbook"], registered)
    html.write_html(report, paths["report_html"])
    docx_report.write_docx(report, paths["report_docx"])
    qdpx.write_qdpx(data, report.info, paths["qdpx"], consultation.title if consultation else "Consultation")
    rolled = summaries.roll(stored, report.snapshot)
    paths["snapshot"].write_text(json.dumps(rolled, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
                                 encoding="utf-8")
    return paths


def build_report(
    store: Store, data: CodingData, consultation: Consultation | None, stored: Mapping[str, Any] | None = None
) -> Report:
    """The report's content: counts, sentences and quotes, computed once for every output format.
    `stored` is the snapshot file's content (the last run), for "what changed"."""
    info = run_info(store, data)
    bases = respondent_totals(data)
    overall = build_rows(data, overall=True)
    rows = build_rows(data)
    splits = _splits(data, overall)
    cb = data.codebook
    top = {t.id for t in cb.themes if t.parent is None} | {r.theme for r in overall if r.theme not in cb.ids}
    late = _late_units(data)
    snap = summaries.snapshot(overall, rows, sum(bases.values()), late, cb.stamp, info.data_time.isoformat(),
                              merged_into(data.decisions), bases)
    previous = summaries.roll(stored, snap)["previous"]  # unchanged data: the same comparison as last time
    campaigns = sorted({(u.campaign, len(u.members)) for u in data.units.values() if u.campaign},
                       key=lambda c: (-c[1], c[0]))
    found = emerging(store, data)
    sections = _sections(data, rows, consultation, top)
    themes = _theme_texts(data, overall, bases, splits)
    return Report(
        title=consultation.title if consultation else "Consultation responses",
        department=(consultation.department or "") if consultation else "",
        closes=consultation.closes.strftime("%d %B %Y").lstrip("0") if consultation and consultation.closes
        else "",
        info=info, codebook=cb, respondents=sum(bases.values()),
        letters=sum(bases.values()) + sum(size - 1 for _, size in campaigns), late=late,
        quarantined=sum(s.status == "quarantined" for s in data.submissions.values()), bases=dict(bases),
        campaigns=campaigns, joint=_joint(data),
        headlines=[_closed_headline(s) for s in sections  # how many agreed, or chose each option, first
                   if (s.agreement is not None or s.choices is not None) and s.answered]
        + summaries.headlines(overall, top, bases, emerging=None if cb.themes else len(found),
                              splits=splits, stanced=data.stanced, children=_children(cb, overall),
                              by_type={t.row.theme: t.by_type for t in themes}, types=data.types),
        changes=summaries.changes(previous, snap, types=data.types),
        themes=themes, sections=sections,
        emerging=found, depths={t: depth(cb, t) for t in cb.ids}, snapshot=snap,
        method=summaries.method(cb.stamp, *_checked(data), coded=bool(cb.themes), taken=_taken(data),
                               positions=data.stanced is not None, chosen=_taken(data, CHOSE)),
        tz=consultation.tz if consultation else UTC,
        register=register(data, {s.id for s in sections if s.agreement is not None},
                          {s.id: s.options for s in sections if s.options}),
        stanced=data.stanced, proposals=consultation.proposals if consultation else None,
        unread=dict(Counter(s.code or "unknown" for s in data.submissions.values()
                            if s.status == "quarantined")),
        late_letters=sum(data.late(m) for u in data.units.values() for m in u.members
                         if m in data.submissions and data.submissions[m].kind != "attachment"),
        late_by_file_time=sum(data.late(m) and data.submissions[m].received_from == "file-mtime"
                              for u in data.units.values() for m in u.members
                              if m in data.submissions and data.submissions[m].kind != "attachment"),
        unread_from=summaries.unread_senders(data.submissions.values(),
                                             [u.who for u in data.units.values() if u.organisation]),
        languages=_languages(data), types=data.types,
    )


def _closed_headline(s: Section) -> str:
    """A key finding on a question asking for agreement or a choice between options."""
    if s.agreement is not None:
        return summaries.agreement_headline(s.title, s.text, s.agreement, s.answered)
    return summaries.question_headline(s.title, s.text, s.answered, s.chose)


def _languages(data: CodingData) -> dict[str, int]:
    """Responses by the language their passages are written in, other than English (and too short to
    tell): the report says which were read with English words."""
    texts: dict[str, list[str]] = {}
    for seg in data.segments.values():
        texts.setdefault(seg.submission, []).append(seg.text)
    found = Counter(guess_language("\n".join(t)) for t in texts.values())
    return {lang: n for lang, n in sorted(found.items()) if lang not in ("en", UNKNOWN)}


def _untranslated(data: CodingData) -> dict[str, int]:
    """Respondents by language, other than English, whose passages are all in it and none filed under a
    question (general comments, notes, about them): counted under no question, so each question's counts
    say so (trial 31a: a Polish e-mail's two answers were general comments; the report said it once, above
    the key findings)."""
    texts: dict[str, list[str]] = {}
    filed: set[str] = set()
    for seg in data.segments.values():
        unit = data.unit_of.get(seg.submission, seg.submission)
        texts.setdefault(unit, []).append(seg.text)
        if seg.question not in UNCODED and seg.question != GENERAL:
            filed.add(unit)
    found = Counter(guess_language("\n".join(t)) for unit, t in texts.items() if unit not in filed)
    return {lang: n for lang, n in sorted(found.items()) if lang not in ("en", UNKNOWN)}


def _joint(data: CodingData) -> list[tuple[str, int]]:
    """Responses made jointly by several organisations (counted once): who, and how many organisations."""
    out = []
    for unit in data.units.values():
        sizes = [len(p.organisations) for m in unit.members if (p := data.people.get(m)) is not None]
        asked = any(p.publication for m in unit.members if (p := data.people.get(m)) is not None)
        if unit.organisation and not unit.campaign and max(sizes, default=0) > 1 and not asked:  # (not one
            # asking not to be named: the annex names it no more)
            out.append((unit.who, max(sizes)))
    return sorted(out)


def _taken(data: CodingData, method: str = AGREED) -> list[str]:
    """The views respondents are counted under for agreeing with a question stating them (`themes.stated`),
    or (`method` CHOSE) for choosing the option a question offers for them (`themes.chosen`)."""
    cb = data.codebook
    return sorted({cb.theme(c.theme).label for c in data.codes if c.method == method and c.theme in cb.ids})


def _checked(data: CodingData) -> tuple[int, int]:
    """Passages (segments answering a question or commenting) an analyst reviewed, and all of them:
    reviewed as the app and coded_responses.csv have it (`reviewed_segments`: a stance set alone is not a
    review; the report said 9 checked where the app's filter and the export's `reviewed` said 8)."""
    passages = {k for k, s in data.segments.items() if s.question not in UNCODED}
    return len(reviewed_segments(data.decisions) & passages), len(passages)


def _theme_texts(data: CodingData, overall: Sequence[ThemeRow], bases: Mapping[str, int],
                 splits: Mapping[str, PositionSplit]) -> list[ThemeText]:
    """Each theme's paragraph; respondent types' own rows let it name who differs from the majority, and
    a topic's `splits` which of its positions they took."""
    cb = data.codebook
    per_type = {t: {r.theme: r for r in build_rows(data, respondent_type=t, overall=True, quotes=False)}
                for t in bases}
    out = []
    for row in overall:
        kids = [r for r in overall if r.theme in cb.ids and cb.theme(r.theme).parent == row.theme]
        by_type = {t: found[row.theme] for t, found in per_type.items() if row.theme in found}
        stanced = data.stanced is None or row.theme in data.stanced
        text = summaries.theme_summary(row, bases, by_type, kids, splits.get(row.theme), stanced, data.types)
        out.append(ThemeText(row, depth(cb, row.theme), text, by_type))
    return out


def _children(codebook: Codebook, rows: Sequence[ThemeRow]) -> dict[str, list[ThemeRow]]:
    """Theme -> its sub-themes' rows among `rows` (one question's, or all questions')."""
    out: dict[str, list[ThemeRow]] = {}
    for r in rows:
        parent = codebook.theme(r.theme).parent if r.theme in codebook.ids else None
        if parent:
            out.setdefault(parent, []).append(r)
    return out


def _splits(data: CodingData, overall: Sequence[ThemeRow]) -> dict[str, PositionSplit]:
    """The topics with positions under them, by the positions their respondents took (`position_split`)."""
    return {r.theme: split for r in overall if (split := position_split(data, r.theme)) is not None}


def _sections(
    data: CodingData, rows: Sequence[ThemeRow], consultation: Consultation | None, top: set[str]
) -> list[Section]:
    known = {q.id: q for q in consultation.questions} if consultation else {}
    answered_as = as_answered({q.id: q.text for q in known.values()}, data.segments.values())
    present = questions_answered(data)
    order = [q for q in known if q in present] + [q for q in present if q not in known and q not in UNCODED]
    uncounted = summaries.untranslated_sentence(_untranslated(data))
    out = []
    for qid in order:
        q = known.get(qid)
        title, text = _question_title(qid, q.number if q else None, q.text if q else "")
        mine = [r for r in rows if r.question == qid]
        answered = sum(respondent_totals(data, question=qid).values())
        asked = answered_as[qid] if q is not None else qid  # (a form column no question matched: its header;
        # a yes/no question its answers show closed: as offering "Yes / No", `as_answered`)
        agrees = asks_agreement(asked)  # (its options only as given: "Part A (...) and Part B (...)")
        options = question_options(q.text, q.options) if q is not None and (q.options or not agrees) else {}
        agreement = dict(question_stances(data, qid)) if agrees and not options else None
        chosen = question_choices(data, qid, options) if options else None
        choices = {k: chosen[k] for k in [*options, SEVERAL] if chosen[k]} if chosen is not None else None
        chose = summaries.choice_sentence(choices, options, answered) if choices is not None else ""
        summary = summaries.question_summary(mine, answered, top, agreement, qid == GENERAL,
                                             _children(data.codebook, mine), chose)
        if uncounted and qid != GENERAL:
            summary = f"{summary} {uncounted}".strip()
        out.append(Section(qid, title, text, answered, mine, summary, agreement, options, choices))
    return out


def _question_title(qid: str, number: int | str | None, text: str) -> tuple[str, str]:
    """"Question 3" ("Question 4a") and its text; without the consultation file, the id says what it can."""
    if qid == GENERAL:
        return question_name(qid), "Comments not linked to a particular question."
    if number is None and question_key(qid)[0] == 0:
        found = re.sub(r"^[A-Za-z_.-]*?(?=\d)", "", qid)
        number = int(found) if found.isdigit() else found
    title = f"Question {number}" if number is not None else f"Other answers ({qid})"
    return title, " ".join(text.split())


def _late_units(data: CodingData) -> int:
    late = 0
    for unit in data.units.values():
        members = [m for m in unit.members if m in data.submissions]
        late += bool(members) and all(data.late(m) for m in members)
    return late


def run_info(store: Store, data: CodingData) -> RunInfo:
    models: set[str] = set()
    analyst = 0
    for code in data.codes:
        if code.model.startswith("analyst:"):
            analyst += 1
        elif code.model:
            models.add(f"theme coding {code.model}")
    with store.session() as s:
        models.update(f"stance {m}" for m in s.scalars(select(StanceRow.model).distinct()) if m)
        fit = s.execute(select(TopicModelRow.version, TopicModelRow.embedder)
                        .order_by(TopicModelRow.created_at.desc(), TopicModelRow.version.desc())).first()
    if fit is not None:
        models.add(f"topics {fit[0]} ({fit[1]})")
    if analyst:
        models.add(f"analyst codes {analyst}")
    try:
        ours = version("respmine")
    except PackageNotFoundError:
        ours = "unknown"
    return RunInfo(data_time(store), data.codebook.stamp, tuple(sorted(models)),
                   f"respmine {ours}, readers {readers_label()}")


def data_time(store: Store) -> datetime:
    """When the data last changed: a run that added submissions, an analyst decision or a topic fit."""
    with store.session() as s:
        runs = s.execute(select(RunRow.started_at, RunRow.finished_at, RunRow.summary)).all()
        found: list[datetime | None] = [finished or started for started, finished, summary in runs
                                        if str((summary or {}).get("new", 0) or 0) not in ("0", "")
                                        or (summary or {}).get("redated")]  # (late flags changed)
        found.append(s.scalar(select(func.max(DecisionRow.at))))
        found.append(s.scalar(select(func.max(TopicModelRow.created_at))))
        if not any(found) and runs:
            found = [max(started for started, _, _ in runs)]
    times = [stored_time(t) for t in found if t is not None]
    return max(times).astimezone(UTC).replace(microsecond=0) if times else EPOCH


def emerging(store: Store, data: CodingData) -> list[Emerging]:
    """Emerging themes from topic discovery, with where analysts stand on each."""
    from respmine.topics.views import emerging_themes

    status: dict[int, str] = {}
    for d in data.decisions:
        topic = (d.value or {}).get("topic")
        if d.action in ("promote", "dismiss") and str(topic).lstrip("-").isdigit():
            status[int(str(topic))] = "promoted" if d.action == "promote" else "dismissed"
    segments_of: dict[int, list[str]] = {}
    assigned = TopicAssignmentRow.__table__.c  # a Core query: its 50,000 rows stream (see `store.views`)
    with store.session() as s:
        for segment, topic in s.execute(select(assigned.segment, assigned.topic)):
            if segment in data.segments:
                segments_of.setdefault(topic, []).append(segment)
    out = []
    for e in emerging_themes(store):
        if e.id not in segments_of:  # (every segment it had is gone: a late run re-segmented them; a topic
            continue  # of closed answers and formalities is none: `topics.views.emerging_themes`)
        units = {data.unit_of[data.segments[seg].submission] for seg in segments_of[e.id]}
        quotes = tuple(_topic_quote(data, q) for q in e.quotes if q.get("segment") in data.segments
                       and not withheld(data, data.segments[q["segment"]].submission))
        out.append(Emerging(e.id, e.name, tuple(e.keywords), e.size, len(units),
                            status.get(e.id, "awaiting decision"), quotes, e.concentration))
    return out


def _topic_quote(data: CodingData, quote: Mapping[str, str]) -> Quote:
    seg = data.segments[quote["segment"]]
    text = " ".join(str(quote.get("text") or seg.text).split())
    text = text if len(text) <= 320 else text[:320].rsplit(" ", 1)[0] + " …"
    return quote_of(data, seg, text, seg.page)


# --- CSV ------------------------------------------------------------------------------------------------

def theme_columns(types: TypeList) -> list[str]:
    """The theme table's columns: a count for each of the consultation's respondent types."""
    return ["question", "theme", "label", "level", "respondents", "campaign_letters", "late",
            *[f"type_{t}" for t in types.ids], *[f"stance_{s}" for s in STANCES],
            *[f"quote_{i}_{k}" for i in (1, 2, 3) for k in ("who", "text", "source", "page")],
            "codebook", "data_as_of"]


def theme_csv_rows(report: Report) -> list[dict[str, object]]:
    """Overall rows (question `all`) first, then each question's rows, in report order."""
    rows = [t.row for t in report.themes] + [r for s in report.sections for r in s.rows]
    out = []
    for r in rows:
        line: dict[str, object] = {
            "question": r.question, "theme": r.theme, "label": r.label,
            "level": report.depths.get(r.theme, 0),
            "respondents": r.respondents, "campaign_letters": r.campaign_letters, "late": r.late,
            "codebook": report.info.codebook, "data_as_of": report.info.data_time.isoformat(),
        }
        line.update({f"type_{t}": r.by_type.get(t, 0) for t in report.types.ids})
        line.update({f"stance_{s}": r.stance.get(s, 0) if report.carries_stance(r.theme) else ""
                     for s in STANCES})
        for i, q in enumerate(r.quotes[:3], start=1):
            line.update({f"quote_{i}_who": q.who, f"quote_{i}_text": q.text,
                         f"quote_{i}_source": q.source, f"quote_{i}_page": q.page or ""})
        out.append(line)
    return out


def write_theme_csv(report: Report, path: Path) -> None:
    _write_csv(path, theme_columns(report.types), theme_csv_rows(report))


def write_emerging_csv(report: Report, path: Path) -> None:
    columns = ["topic", "name", "keywords", "segments", "respondents", "note", "status",
               "quote_1", "quote_2", "quote_3"]
    rows = [{"topic": e.id, "name": e.name, "keywords": "; ".join(e.keywords), "segments": e.segments,
             "respondents": e.respondents, "note": e.note, "status": e.status,
             **{f"quote_{i}": f"{q.text} ({q.who}, {q.cite})" for i, q in enumerate(e.quotes[:3], 1)}}
            for e in report.emerging]
    _write_csv(path, columns, rows)


def _write_csv(path: Path, columns: list[str], rows: list[dict[str, object]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None
    return found if isinstance(found, dict) else None


__all__ = ["ALL", "Report", "RunInfo", "build_report", "write_reports"]
