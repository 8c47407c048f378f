"""Theme tables: per question and theme, who raised it, how they stand, and quotes that trace to a page.

Counting unit is the respondent, not the letter: an e-mail and its attached letter are one respondent, a
form-letter campaign is one respondent (its size shown apart), and an exact duplicate group is one. A code
under a child theme counts for its parents too, so a parent row is never smaller than any of its children.
Everything read here is the effective coding (machine codes with analysts' decisions applied), under the
effective codebook (renames, merges and promotions), so tables, reports and the review app agree. Quotes are
picked in `report.quotes`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from sqlalchemy import select

from respmine.records import GENERAL, RESPONDENT_TYPES, STANCES, Code
from respmine.report.quotes import Quote, pick_quotes
from respmine.store import structure as structure_store
from respmine.store import themes as theme_store
from respmine.store.models import CampaignRow, PersonalDataRow, RespondentRow, SegmentRow, SubmissionRow
from respmine.store.repository import Store
from respmine.themes.codebook import Codebook
from respmine.themes.decisions import Decision, effective_codebook

ALL = "all"  # the question id of rows counted over every question
INDIVIDUAL = "Individual respondent"


@dataclass(frozen=True)
class ThemeRow:
    question: str
    theme: str
    label: str
    respondents: int  # distinct respondents, a campaign counted once
    campaign_letters: int  # letters represented by the campaigns counted in `respondents`
    by_type: dict[str, int]  # respondent_type -> respondents
    stance: dict[str, int]  # support/oppose/mixed/neutral -> respondents
    late: int  # respondents whose submission was late
    quotes: tuple[Quote, ...]  # 2-3 representative quotes


@dataclass(frozen=True)
class Unit:
    """One counted respondent: a submission with its attachments, a campaign, or a duplicate group."""

    key: str
    respondent_type: str
    who: str  # what reports may show: organisation name, "Individual respondent", "Campaign letter (...)"
    organisation: bool
    campaign: str = ""  # campaign id (form letters only; duplicate groups are not campaigns)
    members: tuple[str, ...] = ()  # submissions it stands for


@dataclass
class CodingData:
    """Everything a theme table needs, read once from the store (reports build several tables)."""

    codebook: Codebook  # the effective codebook
    segments: dict[str, SegmentRow]
    submissions: dict[str, SubmissionRow]
    units: dict[str, Unit]
    unit_of: dict[str, str]  # submission -> unit key
    codes: list[Code]
    stances: dict[str, str]  # segment -> stance (analysts' decisions applied)
    redactions: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    people: dict[str, RespondentRow] = field(default_factory=dict)  # submission -> respondent
    campaigns: list[CampaignRow] = field(default_factory=list)  # largest first
    decisions: list[Decision] = field(default_factory=list)  # the analysts' log, oldest first

    @classmethod
    def load(cls, store: Store, codebook: Codebook) -> CodingData:
        """One read of everything every output needs (the writers share it rather than re-read)."""
        subs = structure_store.submission_index(store)
        segs = {s.id: s for s in structure_store.segments(store)}
        people, campaigns = structure_store.respondents(store), structure_store.campaigns(store)
        units, unit_of = _units(subs, people, campaigns, {s.submission for s in segs.values()})
        log = theme_store.decisions(store)
        return cls(
            codebook=current_codebook(codebook, log),
            segments=segs, submissions=subs, units=units, unit_of=unit_of,
            codes=[c for c in theme_store.effective_codes(store, codebook, log) if c.segment in segs],
            stances=theme_store.effective_stances(store, log), redactions=_redactions(store),
            people=people, campaigns=campaigns, decisions=log,
        )

    @cached_property
    def placed(self) -> list[tuple[Code, str, str]]:
        """(code, question, submission) for every code, read once: a report builds a dozen tables, and
        reading ORM attributes in those loops was most of their cost. (Loaded data is never changed.)"""
        return [(c, self.segments[c.segment].question, self.segments[c.segment].submission)
                for c in self.codes]

    def late(self, submission: str) -> bool:
        return bool(self.submissions[submission].late)

    def in_scope(self, submission: str, respondent_type: str | None, include_late: bool) -> bool:
        if not include_late and self.late(submission):
            return False
        unit = self.units[self.unit_of[submission]]
        return respondent_type is None or unit.respondent_type == respondent_type


def current_codebook(codebook: Codebook, decisions: Sequence[Decision]) -> Codebook:
    """Analysts' codebook edits applied, unless already there (else the version reads "1.0+r1+r1")."""
    current = effective_codebook(codebook, decisions)
    return codebook if current.themes == codebook.themes else current


def theme_table(
    store: Store, codebook: Codebook, *, question: str | None = None, respondent_type: str | None = None,
    include_late: bool = True,
) -> list[ThemeRow]:
    """Rows per (question, theme), questions in number order, parent themes before their children."""
    data = CodingData.load(store, codebook)
    return build_rows(data, question=question, respondent_type=respondent_type, include_late=include_late)


def build_rows(
    data: CodingData, *, question: str | None = None, respondent_type: str | None = None,
    include_late: bool = True, overall: bool = False, quotes: bool = True,
) -> list[ThemeRow]:
    """The table from loaded data; `overall` counts across questions (rows with question `ALL`).
    Reports build a dozen tables from one load, so each submission's scope and each theme's parents are
    worked out once per table, not once per code."""
    hits: dict[tuple[str, str], list[_Hit]] = {}
    scope: dict[str, bool] = {}  # submission -> in this table's scope
    parents: dict[str, list[str]] = {}  # theme -> itself and its ancestors
    for code, seg_question, sub in data.placed:
        if question is not None and seg_question != question:
            continue
        wanted = scope.get(sub)
        if wanted is None:
            wanted = scope[sub] = data.in_scope(sub, respondent_type, include_late)
        if not wanted:
            continue
        q = ALL if overall else seg_question
        unit = data.unit_of[sub]
        themes = parents.get(code.theme)
        if themes is None:
            themes = parents[code.theme] = _with_parents(data.codebook, code.theme)
        for theme in themes:
            hits.setdefault((q, theme), []).append(_Hit(unit, sub, code, theme == code.theme))
    sizes = _campaign_sizes(data, respondent_type, include_late)
    order = {t: i for i, t in enumerate(theme_order(data.codebook))}
    keys = sorted(hits, key=lambda k: (question_key(k[0]), order.get(k[1], len(order)), k[1]))
    return [_row(data, q, theme, hits[(q, theme)], sizes, quotes) for q, theme in keys]


def respondent_totals(
    data: CodingData, *, question: str | None = None, include_late: bool = True
) -> Counter[str]:
    """Respondents (campaigns once) by type who answered `question` (any question if None): the bases."""
    seen: dict[str, str] = {}
    for seg in data.segments.values():
        wanted = question is None or seg.question == question
        if wanted and data.in_scope(seg.submission, None, include_late):
            unit = data.units[data.unit_of[seg.submission]]
            seen[unit.key] = unit.respondent_type
    return Counter(seen.values())


def questions_answered(data: CodingData) -> list[str]:
    """Question ids that have segments, in number order (general comments last)."""
    return sorted({s.question for s in data.segments.values()}, key=question_key)


def theme_order(codebook: Codebook) -> list[str]:
    """Theme ids depth first (each parent followed by its children), in codebook order."""

    def walk(parent: str | None) -> list[str]:
        return [i for t in codebook.children(parent) for i in (t.id, *walk(t.id))]

    return walk(None)


def depth(codebook: Codebook, theme: str) -> int:
    return len(codebook.ancestors(theme)) if theme in codebook.ids else 0


def question_key(question: str) -> tuple[int, int, str]:
    """Q1 < Q2 < Q10 < unnumbered ids < general comments; `ALL` first."""
    if question == ALL:
        return (-1, 0, question)
    if question == GENERAL:
        return (3, 0, question)
    found = re.fullmatch(r"[A-Za-z_.-]*(\d+)", question)
    return (0, int(found.group(1)), question) if found else (1, 0, question)


# --- counting ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Hit:
    unit: str
    submission: str
    code: Code
    direct: bool  # coded with this theme itself (not only with a child)


def _with_parents(codebook: Codebook, theme: str) -> list[str]:
    return [theme, *codebook.ancestors(theme)] if theme in codebook.ids else [theme]


def _row(
    data: CodingData, question: str, theme: str, hits: list[_Hit], sizes: Mapping[str, int], quotes: bool
) -> ThemeRow:
    by_unit: dict[str, list[_Hit]] = {}
    for h in hits:
        by_unit.setdefault(h.unit, []).append(h)
    units = [data.units[k] for k in sorted(by_unit)]
    types = Counter(u.respondent_type for u in units)
    stance = Counter(s for u in units if (s := _unit_stance(data, by_unit[u.key])))
    late = sum(all(data.late(h.submission) for h in by_unit[u.key]) for u in units)
    return ThemeRow(
        question=question, theme=theme, respondents=len(units),
        label=data.codebook.theme(theme).label if theme in data.codebook.ids else theme,
        campaign_letters=sum(sizes.get(u.campaign, 0) for u in units if u.campaign),
        by_type={t: types[t] for t in _type_order(types)},
        stance={s: stance[s] for s in STANCES},
        late=late, quotes=pick_quotes(data, hits) if quotes else (),
    )


def _type_order(types: Iterable[str]) -> list[str]:
    return sorted(set(types), key=lambda t: (_type_rank(t), t))


def _unit_stance(data: CodingData, hits: Sequence[_Hit]) -> str | None:
    """One respondent's stance on a theme: the evidence sentence's, else its segment's; both ways: mixed."""
    found = {h.code.stance or data.stances.get(h.code.segment) for h in hits} - {None}
    if "mixed" in found or {"support", "oppose"} <= found:
        return "mixed"
    for stance in ("support", "oppose", "neutral"):
        if stance in found:
            return stance
    return None


def _campaign_sizes(data: CodingData, respondent_type: str | None, include_late: bool) -> dict[str, int]:
    """Letters per campaign within the table's scope (late letters drop out when late ones are excluded)."""
    out: dict[str, int] = {}
    for unit in data.units.values():
        if unit.campaign:
            scope = [m for m in unit.members if m in data.unit_of]
            out[unit.campaign] = sum(data.in_scope(m, respondent_type, include_late) for m in scope)
    return out


# --- respondents as counted units ---------------------------------------------------------------------


def _units(
    subs: Mapping[str, SubmissionRow],
    people: Mapping[str, RespondentRow],
    campaigns: Sequence[CampaignRow],
    with_text: set[str],
) -> tuple[dict[str, Unit], dict[str, str]]:
    """Group submissions into counted respondents (attachments join their e-mail; campaigns count once)."""
    campaign_of = {m: c for c in campaigns for m in c.members}
    groups: dict[str, list[str]] = {}
    campaign_rows: dict[str, CampaignRow] = {}
    for sha in sorted(with_text | set(people)):
        if sha not in subs:
            continue
        root = _root(subs, sha)
        camp = campaign_of.get(sha) or campaign_of.get(root)
        key = f"campaign:{camp.id}" if camp else root
        if camp:
            campaign_rows[key] = camp
        groups.setdefault(key, []).append(sha)
    units: dict[str, Unit] = {}
    unit_of: dict[str, str] = {}
    for key, members in groups.items():
        camp = campaign_rows.get(key)
        units[key] = _unit(key, members, people, camp)
        unit_of.update((m, key) for m in members)
    return units, unit_of


def _root(subs: Mapping[str, SubmissionRow], sha: str) -> str:
    """An attachment belongs to the e-mail it came with; form rows are respondents of their own."""
    row = subs[sha]
    while row.kind == "attachment" and row.parent_sha256 and row.parent_sha256 in subs:
        row = subs[row.parent_sha256]
    return row.sha256


def _unit(
    key: str, members: list[str], people: Mapping[str, RespondentRow], camp: CampaignRow | None
) -> Unit:
    found = [people[m] for m in members if m in people]
    if camp is not None and not camp.id.startswith("duplicate-"):
        types = Counter(r.respondent_type for r in found) or Counter({"unknown": 1})
        best = max(types.items(), key=lambda kv: (kv[1], -_type_rank(kv[0])))[0]
        return Unit(key, best, f"Campaign letter ({camp.size} letters)", False, camp.id, tuple(camp.members))
    ranked = sorted(found, key=lambda r: (r.kind != "organisation", not r.organisation, r.submission))
    who = ranked[0] if ranked else None
    return Unit(key, who.respondent_type if who else "unknown", display_name(who),
                bool(who and who.kind == "organisation" and who.organisation), "", tuple(members))


def _type_rank(kind: str) -> int:
    return RESPONDENT_TYPES.index(kind) if kind in RESPONDENT_TYPES else len(RESPONDENT_TYPES)


def display_name(who: RespondentRow | None) -> str:
    """What an output may say about who wrote: an organisation's name, never a person's."""
    if who is None:
        return "Respondent (not identified)"
    if who.kind == "organisation":
        return who.organisation or "Organisation (name not given)"
    return INDIVIDUAL


def _redactions(store: Store) -> dict[str, list[tuple[int, int, str]]]:
    """Where text was redacted (offsets and kind only: the personal data itself is never read)."""
    out: dict[str, list[tuple[int, int, str]]] = {}
    with store.session() as s:
        query = select(PersonalDataRow.submission, PersonalDataRow.start, PersonalDataRow.end,
                       PersonalDataRow.kind).order_by(PersonalDataRow.submission, PersonalDataRow.start)
        for sub, start, end, kind in s.execute(query):
            out.setdefault(sub, []).append((int(start), int(end), str(kind)))
    return out


