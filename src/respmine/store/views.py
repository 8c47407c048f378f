"""Segments, submissions and respondents read as plain tuples of the columns stages and reports use
(never a respondent's name): every stage and report reads all segments, and ORM objects took five times
as long to load, and each attribute read was a Python call. Rows come in a fixed order (segments by
submission and position, submissions by source file), which outputs depend on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import NamedTuple, TypeVar

from sqlalchemy import FromClause, or_, select
from sqlalchemy.orm import Session

from respmine.store.models import (
    CampaignRow,
    DecisionRow,
    PersonalDataRow,
    RespondentRow,
    SegmentRow,
    SubmissionRow,
)
from respmine.store.repository import CHUNK, Store


class SegmentView(NamedTuple):
    """A passage of a submission answering one question (text redacted), as `SegmentRow` stores it."""

    id: str
    submission: str
    question: str
    start: int
    end: int
    page: int | None
    text: str
    method: str
    confidence: float


class SubmissionView(NamedTuple):
    """A submission's provenance and status, as `SubmissionRow` stores it (not its text or metadata)."""

    sha256: str
    parent_sha256: str | None
    kind: str
    source: str
    status: str
    code: str | None
    reason: str | None
    pages: list[dict[str, object]]
    received_at: datetime | None
    late: bool | None
    received_from: str | None = None  # where the received time came from ("email-date", "file-mtime", ...)
    person_named: bool = False  # its file's name holds the name of a person its text names (redacted there)
    signatures: int = 0  # a petition's (`structure.petitions`; 0: no petition, or none counted)


class RespondentView(NamedTuple):
    """Who a submission is from, as `RespondentRow` stores it, without the person's name."""

    submission: str
    kind: str  # organisation | individual | unknown
    respondent_type: str
    organisation: str | None
    organisations: list[str]
    provenance: Mapping[str, str] = {}  # field -> where it was found ("text:sign-off", "rule:name-keyword")
    publication: str | None = None  # "do not publish" | "publish anonymously" (`structure.confidentiality`)


def read_segments(store: Store) -> list[SegmentView]:
    """Every segment, by submission and position."""
    return _read(store, SegmentView, SegmentRow.__table__, "submission", "start")


def read_submissions(store: Store) -> dict[str, SubmissionView]:
    """sha256 -> submission, by source file, each with whether its file is named after a person."""
    columns = SubmissionView._fields[:-2]  # (all but `person_named` and `signatures`: not columns)
    query = select(*[SubmissionRow.__table__.c[name] for name in columns]).order_by(SubmissionRow.source)
    with store.session() as s:
        rows = {row[0]: SubmissionView(*row) for row in s.execute(query)}
        named = named_in_file_names(s, {sha: row.source for sha, row in rows.items()})
        signed = petition_signatures(s)
    return {sha: row._replace(person_named=sha in named, signatures=signed.get(sha, 0))
            for sha, row in rows.items()}


def petition_signatures(session: Session) -> dict[str, int]:
    """submission -> how many signed it, for the petitions among them (`structure.petitions`): only texts
    with the word "petition" or "undersigned" are read ("competition" is common in consultations; the word
    may follow anything: '"Petition: Save ...', "(Petition)")."""
    from respmine.structure.petitions import signatures

    texts: dict[str, str] = {sha: text for sha, text in session.execute(
        select(SubmissionRow.sha256, SubmissionRow.text).where(
            SubmissionRow.status == "ok",
            or_(SubmissionRow.text.ilike("%petition%"), SubmissionRow.text.ilike("%undersigned%"))))
        if _PETITION_WORD.search(text)}
    names: dict[str, list[tuple[int, int]]] = {sha: [] for sha in texts}
    wanted = sorted(texts)
    for i in range(0, len(wanted), CHUNK):
        for sha, start, end in session.execute(
                select(PersonalDataRow.submission, PersonalDataRow.start, PersonalDataRow.end)
                .where(PersonalDataRow.kind == "person",
                       PersonalDataRow.submission.in_(wanted[i : i + CHUNK]))):
            names[sha].append((start, end))
    return {sha: n for sha, text in texts.items() if (n := signatures(text, names[sha]))}


def named_in_file_names(session: Session, sources: Mapping[str, str]) -> set[str]:
    """Of these submissions (sha256 -> file name), those whose file name holds a word of a person's name
    their text names (redacted there): "Raman Whitcombe - University of Harwich.pdf" is not cited by name
    even as an organisation's file (`quotes.names_a_person` finds only titled names). The file name is
    read in any case and however its words are joined ("raman_whitcombe.pdf", "Raman-Whitcombe's
    response.pdf"); an e-mail and its attachments name the same people (an attachment's name starts with
    its e-mail's, which its body may sign); words the file name holds as the respondent's organisation's
    name are not a person's ("Marsh Trust response.pdf" of the Marsh Trust, where Jo Marsh wrote)."""
    wanted = sorted(sources)
    family = _email_families(session, wanted)
    words: dict[str, set[str]] = {}
    members = sorted({m for f in family.values() for m in f})
    for i in range(0, len(members), CHUNK):
        for sha, original in session.execute(
                select(PersonalDataRow.submission, PersonalDataRow.original)
                .where(PersonalDataRow.kind == "person",
                       PersonalDataRow.submission.in_(members[i : i + CHUNK]))):
            words.setdefault(sha, set()).update(_name_words(original, capitalised=True))
    orgs: dict[str, list[str]] = {}
    for i in range(0, len(wanted), CHUNK):
        for sha, org, others in session.execute(
                select(RespondentRow.submission, RespondentRow.organisation, RespondentRow.organisations)
                .where(RespondentRow.submission.in_(wanted[i : i + CHUNK]))):
            orgs[sha] = [o for o in (org, *(others or ())) if o]
    named: set[str] = set()
    for sha in wanted:
        found = {w for m in family[sha] for w in words.get(m, ())}
        if (found and found & _name_words(sources[sha], capitalised=False)  # (the organisation's name
                and found & _name_words(_without_organisation(sources[sha], orgs.get(sha, ())),  # taken out
                                        capitalised=False)):  # only where a name's word stands)
            named.add(sha)
    return named


def _email_families(session: Session, wanted: Sequence[str]) -> dict[str, set[str]]:
    """sha256 -> itself with the e-mail it is an attachment of and that e-mail's other attachments (at
    any depth); any other submission only itself."""
    parent: dict[str, str | None] = {}
    todo = list(wanted)
    while todo:  # up: each attachment's e-mail
        for i in range(0, len(todo), CHUNK):
            for sha, up, kind in session.execute(
                    select(SubmissionRow.sha256, SubmissionRow.parent_sha256, SubmissionRow.kind)
                    .where(SubmissionRow.sha256.in_(todo[i : i + CHUNK]))):
                parent[sha] = up if kind == "attachment" else None
        todo = sorted({up for up in parent.values() if up is not None and up not in parent})
    def root(sha: str) -> str:
        while (up := parent.get(sha)) is not None:
            sha = up
        return sha
    roots = {sha: root(sha) for sha in wanted}
    under: dict[str, set[str]] = {r: {r} for r in roots.values()}
    level = {r: r for r in under}  # down: the e-mails' attachments
    while level:
        found: dict[str, str] = {}
        keys = sorted(level)
        for i in range(0, len(keys), CHUNK):
            for sha, up in session.execute(
                    select(SubmissionRow.sha256, SubmissionRow.parent_sha256)
                    .where(SubmissionRow.parent_sha256.in_(keys[i : i + CHUNK]),
                           SubmissionRow.kind == "attachment")):
                if up is not None and sha not in under[level[up]]:
                    under[level[up]].add(sha)
                    found[sha] = level[up]
        level = found
    return {sha: under[roots[sha]] | {sha} for sha in wanted}


def _without_organisation(file_name: str, organisations: Sequence[str]) -> str:
    """The file name without the runs of its words that stand there as an organisation's name does (two
    words or more of it in a row, or all of a one-word name): "Marsh Trust response.pdf" -> " response.pdf"
    for the Marsh Trust, while "Jo Marsh - Marsh Trust.pdf" keeps its first Marsh."""
    for org in organisations:
        org_words = [w.lower() for w in re.findall(r"[A-Za-z]+", org)]
        if not org_words:
            continue
        need = min(2, len(org_words))
        pairs = {tuple(org_words[i : i + need]) for i in range(len(org_words) - need + 1)}
        spans = [(m.start(), m.end(), m.group().lower()) for m in re.finditer(r"[A-Za-z]+", file_name)]
        keep = [True] * len(spans)
        for i in range(len(spans) - need + 1):
            if tuple(w for _, _, w in spans[i : i + need]) in pairs:
                keep[i : i + need] = [False] * need
        pieces, last = [], 0
        for (start, end, _), kept in zip(spans, keep, strict=True):
            pieces.append(file_name[last:start] + (file_name[start:end] if kept else " "))
            last = end
        file_name = "".join(pieces) + file_name[last:]
    return file_name


def _name_words(text: str, capitalised: bool) -> set[str]:
    """The words of three letters or more (not initials, not titles) of a person's name as redacted
    (`capitalised`: "Dr Priya Raman and ..." -> priya, raman) or as a file name may hold them (any case,
    joined by anything: "raman_whitcombe", "RamanWhitcombe's"), lower-cased, whole and split at capitals
    ("McBride" -> mcbride, bride)."""
    found: set[str] = set()
    for word in re.findall(r"[A-Za-z]+", text):
        if capitalised and not word[0].isupper():
            continue
        found.update(w.lower() for w in (word, *_CAMEL.findall(word)) if len(w) >= 3)
    return found - _TITLES


_CAMEL = re.compile(r"[A-Z][a-z]+")
_TITLES = {"mrs", "miss", "prof", "professor", "cllr", "councillor", "rev", "revd", "sir", "dame", "lord",
           "lady", "the", "and"}


_PETITION_WORD = re.compile(r"(?i)(?<![a-z])(?:e-?)?petition|undersigned")  # (not "competition")



def read_respondents(store: Store) -> dict[str, RespondentView]:
    """submission -> who it is from, with what they asked about publication as analysts decided it where
    they did (`structure.confidentiality.decided`: over what the text was read to ask, whatever run wrote
    the row; its provenance `publication` says `analyst:<user>`)."""
    people = {row.submission: row for row in _read(store, RespondentView, RespondentRow.__table__)}
    for sha, said in publication_decisions(store).items():
        if sha in people:
            row = people[sha]
            people[sha] = row._replace(publication=said["publication"] or None, provenance={
                **row.provenance, "publication": f"analyst:{said['user']}"})
    return people


def publication_decisions(store: Store) -> dict[str, dict[str, str]]:
    """submission -> analysts' publication decision in force (`structure.confidentiality.decided`)."""
    from respmine.store.themes import decision_of  # (store.themes imports store.structure, which this)
    from respmine.structure import confidentiality

    with store.session() as s:
        return confidentiality.decided(decision_of(r) for r in s.scalars(
            select(DecisionRow).where(DecisionRow.action == confidentiality.ACTION)))


def root_submission(subs: Mapping[str, SubmissionView], sha: str) -> str:
    """An attachment belongs to the e-mail it came with; form rows are respondents of their own."""
    row = subs[sha]
    while row.kind == "attachment" and row.parent_sha256 and row.parent_sha256 in subs:
        row = subs[row.parent_sha256]
    return row.sha256


def respondent_keys(subs: Mapping[str, SubmissionView], campaigns: Sequence[CampaignRow],
                    shas: Iterable[str] | None = None) -> dict[str, str]:
    """submission -> the respondent it counts as (of `shas`, default every submission), as every count of
    respondents has it: a campaign's letters are one respondent (`campaign:<id>`), an attachment is its
    e-mail's (the e-mail's sha256), any other submission is its own. An e-mail whose attachments are all
    in one campaign or group of copies is in it too (a letter sent in the body, then again as a PDF attached
    to a second e-mail, counted its sender twice: the second e-mail's covering note was a respondent of
    its own); one that also attaches a response of its own stays its own respondent."""
    campaign_of = {m: c.id for c in campaigns for m in c.members}
    groups: dict[str, set[str | None]] = {}  # e-mail -> the groups of its attachments (None: in none)
    for sha, row in subs.items():
        if row.kind == "attachment" and (root := root_submission(subs, sha)) != sha:
            groups.setdefault(root, set()).add(campaign_of.get(sha))
    for root, found in groups.items():
        if len(found) == 1 and (only := next(iter(found))) is not None:
            campaign_of.setdefault(root, only)
    out: dict[str, str] = {}
    for sha in subs if shas is None else shas:
        if sha not in subs:
            continue
        root = root_submission(subs, sha)
        camp = campaign_of.get(sha) or campaign_of.get(root)
        out[sha] = f"campaign:{camp}" if camp else root
    return out


def read_respondent_keys(store: Store) -> dict[str, str]:
    """submission -> the respondent it counts as (`respondent_keys`), read from the store."""
    from respmine.store.structure import campaigns

    return respondent_keys(read_submissions(store), campaigns(store))


View = TypeVar("View", SegmentView, SubmissionView, RespondentView)


def _read(store: Store, view: type[View], table: FromClause, *order: str) -> list[View]:
    """The view's columns of every row. A Core query on the table's columns: its rows stream from the
    cursor, where the ORM's column queries buffer them all first (and at 50,000 rows the garbage collector
    sweeps that buffer several times over)."""
    query = select(*[table.c[name] for name in view._fields]).order_by(*[table.c[name] for name in order])
    with store.session() as s:
        return [view._make(row) for row in s.execute(query)]
