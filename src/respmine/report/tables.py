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
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from operator import attrgetter
from typing import NamedTuple

from sqlalchemy import select

from respmine.records import SIDES, STANCES, UNCODED, Code, question_order
from respmine.report.quotes import (
    Quote,
    evidence_sentence,
    pick_quotes,
    quote_rank,
    quote_text,
    word_count,
)
from respmine.store import structure as structure_store
from respmine.store import themes as theme_store
from respmine.store.models import CampaignRow, PersonalDataRow
from respmine.store.repository import Store
from respmine.store.views import (
    RespondentView,
    SegmentView,
    SubmissionView,
    read_respondents,
    read_segments,
    read_submissions,
    respondent_keys,
    root_submission,
)
from respmine.structure.choices import SEVERAL, question_options, respondents_choice
from respmine.structure.respondent_types import DEFAULT_TYPES, TypeList
from respmine.themes.chosen import Choices, option_views, stored_phrases
from respmine.themes.codebook import Codebook
from respmine.themes.decisions import SEGMENT_ACTIONS, Decision, effective_codebook, merged_positions
from respmine.themes.sentences import sentence_spans
from respmine.themes.stance import (
    as_answered,
    asserts,
    combined_stance,
    keeps_as_is,
    only_closed_answer,
    positions,
    proposal_question,
    proposal_side,
    reread,
    says_neither,
    says_unsure,
    stance_scope,
    theme_stance,
    toward_proposals,
)

ALL = "all"  # the question id of rows counted over every question
INDIVIDUAL = "Individual respondent"
NOT_IDENTIFIED = "Respondent (not identified)"
UNNAMED_ORGANISATION = "Organisation (name not given)"


@dataclass(frozen=True)
class ThemeRow:
    question: str
    theme: str
    label: str
    respondents: int  # distinct respondents, a campaign counted once
    campaign_letters: int  # the campaigns' letters that raised it (one member's own words: one letter)
    by_type: dict[str, int]  # respondent_type -> respondents
    stance: dict[str, int]  # side taken on the theme (`CodingData.side`) -> respondents; neutral: none
    late: int  # respondents whose submission was late
    quotes: tuple[Quote, ...]  # 2-3 representative quotes
    campaigns: int = 0  # campaigns among `respondents`


@dataclass(frozen=True)
class Unit:
    """One counted respondent: a submission with its attachments, a campaign, or a duplicate group."""

    key: str
    respondent_type: str
    who: str  # what reports may show: organisation name, "Individual respondent", "Campaign letter (...)"
    organisation: bool
    campaign: str = ""  # campaign id (form letters only; duplicate groups are not campaigns)
    members: tuple[str, ...] = ()  # submissions it stands for


def _answers_question(text: str, code: Code) -> bool:
    """The code's stance was read as an answer to its question: its evidence's sentences take in the
    segment's opening one, read with the question (`themes.stage._code_stances`: "Yes, ...")."""
    start, end = code.evidence.start, code.evidence.end
    held = [a for a, b in sentence_spans(text) if a < end and start < b]
    return min(start, held[0]) == 0 if held else start == 0


@dataclass
class CodingData:
    """Everything a theme table needs, read once from the store (reports build several tables)."""

    codebook: Codebook  # the effective codebook
    segments: dict[str, SegmentView]
    submissions: dict[str, SubmissionView]
    units: dict[str, Unit]
    unit_of: dict[str, str]  # submission -> unit key
    codes: list[Code]
    stances: dict[str, str]  # segment -> stance (analysts' decisions applied)
    redactions: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    people: dict[str, RespondentView] = field(default_factory=dict)  # submission -> respondent
    campaigns: list[CampaignRow] = field(default_factory=list)  # largest first
    decisions: list[Decision] = field(default_factory=list)  # the analysts' log, oldest first
    unsided: frozenset[str] = frozenset()  # segments whose words take no side for the machine
    types: TypeList = DEFAULT_TYPES  # the consultation's respondent types: their order and names
    received_as: dict[str, list[str]] = field(default_factory=dict)  # submission -> every file name it had
    questions: dict[str, str] = field(default_factory=dict)  # the consultation's, id -> text, in its order
    named_proposal_question: str | None = None  # the question it marks `proposal: true`, if any
    held: frozenset[str] = frozenset()  # themes that took in a position by a merge (`merged_positions`)
    choices: dict[str, Choices] = field(default_factory=dict)  # option question -> its options' views
    _grouped: dict[bool, dict[tuple[str, str], list[_Hit]]] = field(
        default_factory=dict, init=False, repr=False, compare=False)  # `grouped`, by `overall`
    _shared: dict[tuple[str, str], bool] = field(
        default_factory=dict, init=False, repr=False, compare=False)  # `_in_letters`, by (unit, words)

    @classmethod
    def load(cls, store: Store, codebook: Codebook, types: TypeList = DEFAULT_TYPES,
             options: Mapping[str, Mapping[str, str]] | None = None) -> CodingData:
        """One read of everything every output needs (the writers share it rather than re-read).
        `codebook`: as written (analysts' edits are applied here; an edited one is not edited twice, but a
        position it merged away is no longer known, `held`). `options`: question id -> the options it
        offers, as the consultation gives them (else as the last theme stage read them from it, its
        `options:` or its questions' words; in a store from before those were kept, as the stored
        questions' words list them)."""
        subs = read_submissions(store)
        segs = {s.id: s for s in read_segments(store)}
        people, campaigns = read_respondents(store), structure_store.campaigns(store)
        units, unit_of = _units(subs, people, campaigns, {s.submission for s in segs.values()}, types)
        log = theme_store.decisions(store)
        current = current_codebook(codebook, log)
        codes = [c for c in theme_store.effective_codes(store, codebook, log) if c.segment in segs]
        unsided = frozenset(theme_store.all_unsided(store))
        questions = structure_store.stored_questions(store)
        stored = theme_store.offered_options(store)  # (as the theme stage read them: the consultation's)
        offered = (options if options is not None else {o.question: dict(o.options) for o in stored}
                   or {q: question_options(t) for q, t in questions.items()})  # (a store from before them)
        return cls(
            codebook=current,
            segments=segs, submissions=subs, units=units, unit_of=unit_of, codes=codes,
            stances=_position_stances(theme_store.effective_stances(store, log), codes, current, unsided,
                                      log),
            redactions=_redactions(store), people=people, campaigns=campaigns, decisions=log,
            received_as=store.sources(), questions=questions,
            named_proposal_question=structure_store.stored_proposal_question(store),
            unsided=unsided, types=types, held=merged_positions(codebook, log),
            choices=option_views(current, offered, {t.id: t.label for t in codebook.themes},
                                 stored_phrases(stored, current)),
        )

    def after_decisions(self, store: Store, codebook: Codebook, new: Sequence[Decision]) -> CodingData | None:
        """This data with analysts' `new` segment decisions (accept, reject, add, stance, reviewed) applied:
        only the decided segments' codes and stances are read again, and only their hits made anew. The
        same as a fresh `load` (tested), in a fraction of its time: the review app's theme table after each
        decision. None when a decision reaches further (a codebook edit): `load` again."""
        if any(d.segment is None or d.action not in SEGMENT_ACTIONS for d in new):
            return None
        decided = {d.segment for d in new if d.segment}
        log = sorted([*self.decisions, *new], key=attrgetter("at"))  # as `decisions` reads it: (at, id)
        fresh = [c for c in theme_store.effective_codes(store, codebook, log, segments=decided)
                 if c.segment in self.segments]
        stances = {k: v for k, v in self.stances.items() if k not in decided}
        stances.update(_position_stances(theme_store.effective_stances(store, log, segments=decided), fresh,
                                         self.codebook, self.unsided & decided, log))
        codes = sorted([*(c for c in self.codes if c.segment not in decided), *fresh],
                       key=attrgetter("segment", "theme"))
        out = replace(self, codes=codes, stances=stances, decisions=log)  # (a new object: its own caches)
        moved: set[str] = set()  # respondents whose side over all their answers the decisions changed: their
        if self.stanced is None:  # other codes may count with it under a topic (`counted_side`)
            touched = {self.unit_of[self.segments[s].submission] for s in decided if s in self.segments}
            moved = {u for u in touched if out.proposal_sides.get(u) != self.proposal_sides.get(u)}
        again = [h.code for h in self.hits if h.code.segment not in decided and h.unit in moved]
        kept = [h for h in self.hits if h.code.segment not in decided and h.unit not in moved]
        out.__dict__["hits"] = sorted([*kept, *out._hits([*fresh, *again])], key=_hit_order)  # (cached)
        out.__dict__["letters"] = self.letters  # (the same units)
        out.__dict__["letter_words"] = self.letter_words  # (the same segments)
        return out

    @cached_property
    def letter_words(self) -> dict[str, dict[str, str]]:
        """Campaign unit -> its letters' words, a letter as the campaign's size counts it (`letter_of`),
        for `quoted_who`."""
        texts: dict[str, dict[str, list[str]]] = {}
        for seg in self.segments.values():
            key = self.unit_of.get(seg.submission, "")
            if key in self.letters:
                texts.setdefault(key, {}).setdefault(self.letter_of(key, seg.submission), []).append(seg.text)
        return {k: {letter: _words(" ".join(t)) for letter, t in by_letter.items()}
                for k, by_letter in texts.items()}

    def letter_of(self, unit: str, submission: str) -> str:
        """The campaign letter a submission of campaign `unit` is: itself when it is a member (each copy
        attached to one organiser's e-mail is a letter), else (a note attached to a member's e-mail) the
        e-mail it came with."""
        if submission in self.letters[unit]:
            return submission
        return root_submission(self.submissions, submission)

    def quoted_who(self, submission: str, text: str) -> str:
        """Who a quote of `text` from `submission` is by, as outputs may say: its counted respondent's
        name (`Unit.who`), but a signatory's own words in a campaign letter (in no other letter of the
        campaign: "My brother was helped by a small local project") are theirs, not the campaign's."""
        key = self.unit_of[submission]
        unit = self.units[key]
        if unit.campaign and not self._in_letters(key, _words(text.removesuffix(" …"))):
            return f"{display_name(self.people.get(submission))} (own words in a campaign letter)"
        return unit.who

    def _in_letters(self, unit: str, words: str) -> bool:
        """The words are in two letters of the campaign or more (its shared wording); worked out once."""
        found = self._shared.get((unit, words))
        if found is None:
            letters = (t for t in self.letter_words.get(unit, {}).values() if words in t)
            found = next(letters, None) is not None and next(letters, None) is not None  # stops at two
            self._shared[(unit, words)] = found
        return found

    @cached_property
    def letters(self) -> dict[str, frozenset[str]]:
        """Campaign unit -> its member submissions (the letters its size counts)."""
        return {k: frozenset(u.members) for k, u in self.units.items() if u.campaign}

    @cached_property
    def stance_decided(self) -> frozenset[str]:
        """Segments an analyst set a stance on."""
        return frozenset(d.segment for d in self.decisions if d.action == "stance" and d.segment)

    def side(self, code: Code) -> str | None:
        """The side the code's evidence takes on its theme (`stance.theme_stance`: an analyst's stance on
        its segment wins)."""
        decided = self.stances.get(code.segment) if code.segment in self.stance_decided else None
        return theme_stance(code, self.implied, decided, self.stanced, self._said_by_subtheme(code))

    def counted_side(self, code: Code, unit: str) -> str | None:
        """The side a respondent is counted with under the code's theme. Where the codebook marks positions
        on the proposals, the code's own (`side`: its evidence, the position, an analyst's). Where it marks
        none, its themes are topics, and under a topic what an analyst asks is how those raising it stood on
        the proposals: the code's sentence where it takes a side, else its answer's, else the respondent's
        over all their answers (`proposal_sides`). Counting only sentences that take a side had left most
        respondents under a topic as taking no position (a trial: 13 of 93 respondent-topic stances right,
        against 72)."""
        side = self.side(code)
        seg = self.segments[code.segment]
        backwards = seg.question in self.backwards
        if self.stanced is not None:
            return side
        if side in SIDES or code.segment in self.stance_decided:  # (read as the answer to a question on
            # keeping things as they are, an analyst's stance or the opening sentence's, `_answers_question`:
            # against the change where it agrees)
            decided = code.segment in self.stance_decided
            return toward_proposals(side, backwards and (decided or _answers_question(seg.text, code)))
        answer = toward_proposals(self.stances.get(code.segment), backwards)
        return answer if answer in SIDES else self.proposal_sides.get(unit)

    @cached_property
    def proposal_sides(self) -> dict[str, str | None]:
        """Counted respondent -> their stance on the proposals over all their answers (`proposal_side`: their
        answer on the proposal itself first; a campaign's letters by `unit_stance`; not what they said of
        themselves or notes kept with the text: `UNCODED`)."""
        letters: dict[str, dict[str, tuple[list[tuple[str, str | None, bool]], bool]]] = {}  # unit ->
        for seg in self.segments.values():  # letter -> its (question, stance, a closed cell) triples, and
            if seg.question not in UNCODED:  # whether an analyst set one
                mine = letters.setdefault(self.unit_of[seg.submission], {})
                said, was = mine.get(seg.submission, ([], False))
                said.append((seg.question, self.stances.get(seg.id), only_closed_answer(seg.text)))
                mine[seg.submission] = (said, was or seg.id in self.stance_decided)
        found_by = {key: {m: (beside_closed(said) if not was else [(q, x) for q, x, _ in said], was)
                          for m, (said, was) in found.items()} for key, found in letters.items()}
        main, back = self.proposal_question, self.backwards
        return {key: unit_stance(self.units[key], [([proposal_side(a, main, back)], b)
                                                   for a, b in found.values()])
                if self.units[key].campaign and len(found) > 1
                else proposal_side((a for said, _ in found.values() for a in said), main, back)
                for key, found in found_by.items()}

    @cached_property
    def proposal_question(self) -> str | None:
        """The question on the proposal itself (`stance.proposal_question`: the one the consultation marks,
        else one asking agreement with what is proposed)."""
        return proposal_question(self.questions, self.segments.values(), self.named_proposal_question)

    @cached_property
    def backwards(self) -> frozenset[str]:
        """Questions asking agreement with keeping things as they are (`stance.keeps_as_is`): agreeing there
        is against the proposals, as their answers are read (`as_answered`: "Should the current scheme stay
        as it is?" answered "Yes." / "No." is one), never the one the consultation marks as on the proposal
        itself (`proposal: true`: agreeing there is agreeing with what is proposed)."""
        answered = as_answered(self.questions, self.segments.values())
        return frozenset(q for q, text in answered.items()
                         if keeps_as_is(text) and q != self.named_proposal_question)

    def _said_by_subtheme(self, code: Code) -> bool:
        """A topic's own code in a passage where one of its sub-themes is coded: the sub-theme says which
        view the passage takes ("We welcome the involvement of the voluntary sector ... the commissioning
        framework should be neutral between sectors" is sector-neutral competition, not support for a
        bigger role, though its first sentence welcomes the sector)."""
        return any(code.theme in self.codebook.ancestors(t) for t in self._subthemes.get(code.segment, ()))

    @cached_property
    def _subthemes(self) -> dict[str, set[str]]:
        """segment -> the sub-themes (themes with a parent) a rule, the classifier or an analyst coded in it
        (`stance.asserts`: not similarity, not a negated mention)."""
        out: dict[str, set[str]] = {}
        for c in self.codes:
            if c.theme in self.codebook.ids and self.codebook.theme(c.theme).parent and asserts(c):
                out.setdefault(c.segment, set()).add(c.theme)
        return out

    @cached_property
    def stanced(self) -> frozenset[str] | None:
        """The themes whose rows carry a stance (`stance.stance_scope`; None: every theme)."""
        return stance_scope(self.codebook, self.held)

    @cached_property
    def implied(self) -> dict[str, str]:
        """theme -> the stance it implies (`stance.positions`)."""
        return positions(self.codebook)

    @cached_property
    def hits(self) -> list[_Hit]:
        """Every code with everything a table asks of it, worked out once (a report builds a dozen tables
        over the same codes, and reading them afresh for each was most of their cost), best quote first
        (`quote_rank`; ties in code order). Loaded data is never changed."""
        return sorted(self._hits(self.codes), key=_hit_order)

    @cached_property
    def outvoted(self) -> dict[str, frozenset[str]]:
        """Unit key -> the views of the options of an option question other than the one option it chose
        there (`closed_answers`, as the question's count has it; not "several"): its codes of them count
        under the topic above them, as a mention beside its choice ("Option A." to Question 2 and "B would
        also be acceptable" in general comments counted under both views, while the question's count had
        it choosing A). An answer choosing none, or several, leaves its views as coded."""
        out: dict[str, set[str]] = {}
        for question, offered in self.choices.items():
            for unit, key in closed_answers(self, question, offered.options).items():
                others = {v[0] for k, v in offered.views.items() if k != key}
                if key != SEVERAL and others:
                    out.setdefault(unit, set()).update(others)
        return {unit: frozenset(views) for unit, views in out.items()}

    def _hits(self, codes: Iterable[Code]) -> list[_Hit]:
        parents: dict[str, tuple[str, ...]] = {}  # theme -> itself and its ancestors
        quote, words = cache(quote_text), cache(word_count)  # form letters repeat their evidence
        out = []
        for code in codes:
            seg = self.segments[code.segment]
            unit = self.units[self.unit_of[seg.submission]]
            themes = parents.get(code.theme)
            if themes is None:
                themes = parents[code.theme] = tuple(_with_parents(self.codebook, code.theme))
            if code.theme in self.outvoted.get(unit.key, ()):
                themes = themes[1:]  # (another option than the one chosen: a mention of its topic)
            sentence = evidence_sentence(seg.text, code)  # what is quoted, and ranked by its length
            out.append(_Hit(code, themes, seg.question, unit.key, unit.respondent_type,
                            self.late(seg.submission), self.counted_side(code, unit.key),
                            quote(sentence or seg.text),
                            quote_rank(code, unit.organisation, words(sentence))))
        return out

    def grouped(self, overall: bool) -> dict[tuple[str, str], list[_Hit]]:
        """Hits by (question, theme) in table order (`ALL` as the question when `overall`), a code under
        its theme and each of the theme's parents; worked out once for every table built from this data.
        Each cell's hits come in quote order (`quote_rank`); `pick_quotes` takes them view by view."""
        found = self._grouped.get(overall)
        if found is None:
            groups: dict[tuple[str, str], list[_Hit]] = {}
            for hit in self.hits:
                question = ALL if overall else hit.question
                for theme in hit.themes:
                    groups.setdefault((question, theme), []).append(hit)
            order = {t: i for i, t in enumerate(theme_order(self.codebook))}
            keys = sorted(groups, key=lambda k: (question_key(k[0]), order.get(k[1], len(order)), k[1]))
            found = self._grouped[overall] = {k: groups[k] for k in keys}
        return found

    def late(self, submission: str) -> bool:
        return bool(self.submissions[submission].late)

    def in_scope(self, submission: str, respondent_type: str | None, include_late: bool) -> bool:
        if not include_late and self.late(submission):
            return False
        unit = self.units[self.unit_of[submission]]
        return respondent_type is None or unit.respondent_type == respondent_type


def _position_stances(stances: dict[str, str], codes: Iterable[Code], codebook: Codebook,
                      unsided: Collection[str], log: Sequence[Decision]) -> dict[str, str]:
    """`stances` with the segments whose words take no side for the machine (`unsided`) worked out
    again from their codes as analysts left them (one rule with the stage: `position_stance`): rejecting
    the "core partner" code takes its support away. An analyst's own stance stays."""
    decided = {d.segment for d in log if d.action == "stance" and d.segment}
    todo = {s for s in unsided if s not in decided and s in stances}
    if todo:
        stances.update(reread(todo, codes, positions(codebook)))
    return stances


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
    Reports build a dozen tables from one load, so hits are grouped once (`CodingData.grouped`) and each
    table only filters them."""
    filtered = respondent_type is not None or not include_late or (overall and question is not None)
    rows = []
    for (q, theme), hits in data.grouped(overall).items():
        if question is not None and not overall and q != question:
            continue
        if filtered:
            hits = [h for h in hits if (question is None or h.question == question)
                    and (include_late or not h.late)
                    and (respondent_type is None or h.respondent_type == respondent_type)]
        if hits:
            rows.append(_row(data, q, theme, hits, quotes))
    return rows


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


class PositionSplit(NamedTuple):
    """A topic's respondents by the positions on it they took (`position_split`)."""

    labels: tuple[str, ...]  # the positions (sub-themes that are `Theme.position`), codebook order
    counts: dict[tuple[str, ...], int]  # the labels a respondent took (none: ()) -> respondents


def position_split(data: CodingData, theme: str) -> PositionSplit | None:
    """For a topic whose sub-themes are positions on it (local or regional commissioning), its respondents
    (campaigns once) by the positions they took: one alone, several, or none (they raised the topic
    without taking one). A respondent counted under both positions is not two views: "17 favoured local
    commissioning alone, 10 regional alone and 5 both" says what the two counts cannot. A respondent who
    chose one option of a question offering these positions counts under that one (`outvoted`: "7 chose
    option A" and "7 favoured option A alone" agree). None for a theme with fewer than two positions under
    it."""
    cb = data.codebook
    kids = [t.id for t in cb.themes if t.parent == theme and t.position]
    if len(kids) < 2:
        return None
    held: dict[str, set[str]] = {}
    for hit in data.grouped(overall=True).get((ALL, theme), ()):
        held.setdefault(hit.unit, set()).update(k for k in kids if k in hit.themes)
    counts = Counter(tuple(cb.theme(k).label for k in kids if k in found) for found in held.values())
    return PositionSplit(tuple(cb.theme(k).label for k in kids), dict(counts))


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
    """`ALL` first, then the segments' order (`records.question_order`)."""
    return (-1, 0, question) if question == ALL else question_order(question)


# --- counting ---------------------------------------------------------------------------------------


class _Hit(NamedTuple):
    """A code as theme tables count it. A tuple, not a dataclass: a report makes one per code, 70,000 on
    10,000 submissions."""

    code: Code
    themes: tuple[str, ...]  # what it counts for: its theme and the theme's parents
    question: str
    unit: str
    respondent_type: str  # the unit's
    late: bool  # its submission's
    stance: str | None  # the side its respondent is counted with on its theme (`CodingData.counted_side`)
    quote: str  # the evidence as a quote would show it ("" if there is none)
    rank: tuple[object, ...]  # `quote_rank`: lower first


def _hit_order(hit: _Hit) -> tuple[tuple[object, ...], str]:
    """`quote_rank`, then code order: `quote_rank` ends with the segment, and a segment has a theme once."""
    return hit.rank, hit.code.theme


def _with_parents(codebook: Codebook, theme: str) -> list[str]:
    return [theme, *codebook.ancestors(theme)] if theme in codebook.ids else [theme]


def _row(data: CodingData, question: str, theme: str, hits: list[_Hit], quotes: bool) -> ThemeRow:
    by_unit: dict[str, list[_Hit]] = {}
    for h in hits:
        by_unit.setdefault(h.unit, []).append(h)
    units = [data.units[k] for k in by_unit]
    types = Counter(u.respondent_type for u in units)
    stance = Counter(unit_side(data, key, found) or "neutral" for key, found in by_unit.items())
    late = sum(all(h.late for h in found) for found in by_unit.values())
    return ThemeRow(
        question=question, theme=theme, respondents=len(units),
        label=data.codebook.theme(theme).label if theme in data.codebook.ids else theme,
        campaign_letters=len({_letter(data, h) for h in hits if data.units[h.unit].campaign}),
        campaigns=sum(1 for u in units if u.campaign),
        by_type={t: types[t] for t in sorted(types, key=lambda t: (data.types.rank(t), t))},
        stance={s: stance[s] for s in STANCES},
        late=late, quotes=pick_quotes(data, theme, hits) if quotes else (),
    )


def _letter(data: CodingData, hit: _Hit) -> str:
    """The campaign letter a hit is in, counted as the campaign's size counts them (`letter_of`)."""
    return data.letter_of(hit.unit, data.segments[hit.code.segment].submission)


def _words(text: str) -> str:
    """Lower-case words between spaces: a quote's words are found in a letter's whatever its line breaks."""
    return " " + " ".join(re.findall(r"\w+", text.casefold())) + " "


def beside_closed(said: Sequence[tuple[str, str | None, bool]]) -> list[tuple[str, str | None]]:
    """A letter's (question, stance) pairs from (question, stance, only a closed answer) triples: where a
    question's closed cells ("Strongly disagree") take a side, the answers beside them under that question
    (a form's explanation column) add reasons and take none the other way, unless one says partly itself
    (mixed). (Trial 32a: "Strongly disagree" with "Westbury saved my life. Don't take it away." read as
    support made the respondent mixed.)"""
    sides = {q: combined_stance(x for p, x, cell in said if p == q and cell) for q, _, _ in said}
    partly = {q for q, x, cell in said if x == "mixed" and not cell}
    return [(q, None if not cell and sides[q] in SIDES and q not in partly and x in SIDES and x != sides[q]
             else x) for q, x, cell in said]


def unit_side(data: CodingData, unit: str, hits: Sequence[_Hit]) -> str | None:
    """One respondent's side on a theme (their codes', `CodingData.side`); both ways: mixed
    (`unit_stance`: a campaign takes an analyst's stance on a copy, else its letters' most common)."""
    letters: dict[str, Letter] = {}
    for h in hits:
        seg = h.code.segment
        _add_stance(letters, data.segments[seg].submission, h.stance, seg in data.stance_decided)
    return unit_stance(data.units[unit], letters.values())


Letter = tuple[list[str | None], bool]  # a submission's stances, and whether an analyst set one of them


def _add_stance(letters: dict[str, Letter], submission: str, stance: str | None, decided: bool) -> None:
    stances, was = letters.setdefault(submission, ([], False))
    stances.append(stance)
    if decided and not was:
        letters[submission] = (stances, True)


def unit_stance(unit: Unit, letters: Iterable[Letter]) -> str | None:
    """A counted respondent's stance from its submissions' (`Letter`s). A campaign takes the stance an
    analyst set on any of its copies (analysts win; there is no campaign-wide action), else its letters'
    most common, a letter with none counting as one more view (tied ones combine; a tie with none is
    none), so neither one copy
    read otherwise nor one member's own sentence speaks for 500 letters. Anyone else's answers combine
    (`combined_stance`)."""
    letters = list(letters)
    if not (unit.campaign and len(letters) > 1):
        return combined_stance(x for stances, _ in letters for x in stances)
    decided = [combined_stance(stances) for stances, by_analyst in letters if by_analyst]
    if decided:
        return combined_stance(decided)
    ranked = Counter(combined_stance(stances) for stances, _ in letters).most_common()
    tied = [s for s, n in ranked if n == ranked[0][1]]
    return None if None in tied else combined_stance(tied)  # as many letters take none: no stance


def question_stances(data: CodingData, question: str, include_late: bool = True) -> Counter[str]:
    """Respondents (campaigns once) who answered `question`, by their answer (`agreement_answer`): to "Do
    you agree ...?", how many agreed, disagreed and did not know."""
    return Counter(closed_answers(data, question, include_late=include_late).values())


def question_choices(data: CodingData, question: str, options: Mapping[str, str],
                     include_late: bool = True) -> Counter[str]:
    """Respondents (campaigns once) who answered `question`, a choice between lettered `options`, by the
    option they chose (`choices.respondents_choice`; "several" for more than one); those who named none
    are not counted."""
    return Counter(closed_answers(data, question, options, include_late).values())


def closed_answers(data: CodingData, question: str, options: Mapping[str, str] | None = None,
                   include_late: bool = True) -> dict[str, str]:
    """Each counted respondent's answer to a closed `question`, by unit key: the option they chose when it
    offers `options`, else their answer to "Do you agree ...?" (`agreement_answer`); respondents who gave
    none are left out. One pass over the segments, which counts overall and by type group."""
    letters: dict[str, dict[str, Letter]] = {}  # unit -> submission -> its segments' stances, decided
    texts: dict[str, list[str]] = {}
    cells: dict[str, list[str | None]] = {}  # unit -> the stances of its answers only a closed answer
    for seg in data.segments.values():
        if seg.question == question and data.in_scope(seg.submission, None, include_late):
            unit = data.unit_of[seg.submission]
            _add_stance(letters.setdefault(unit, {}), seg.submission, data.stances.get(seg.id),
                        seg.id in data.stance_decided)
            texts.setdefault(unit, []).append(seg.text)
            if only_closed_answer(seg.text):
                cells.setdefault(unit, []).append(data.stances.get(seg.id))
    found = {unit: respondents_choice(said, options) if options
             else agreement_answer(data.units[unit], letters[unit].values(), said, cells.get(unit, ()))
             for unit, said in texts.items()}
    return {unit: answer for unit, answer in found.items() if answer}


UNSURE = "unsure"  # an answer saying the respondent does not know: no stance, and counted as such
NEITHER = "neither"  # a scale's middle answer ("Neither agree nor disagree"): no stance, counted as such


def agreement_answer(unit: Unit, letters: Iterable[Letter], texts: Iterable[str],
                     cells: Iterable[str | None] = ()) -> str | None:
    """A respondent's answer to a question asking for agreement: their stance on it (`unit_stance`), or
    UNSURE where that takes no side and an answer of theirs opens "Don't know" / "Not sure", NEITHER
    where one opens "Neither agree nor disagree" (clear answers, not failures to say: the question offered
    them). `cells`: the stances of their answers that are only a closed answer ("Strongly disagree", a
    form's scale column): where those take a side, it is the answer, the explanation beside it adding
    reasons (trial 32a: "Westbury saved my life. Don't take it away." read as support had made a "Strongly
    disagree" partly agreed); partly only where another answer says so itself (its stance mixed), or an
    analyst decided."""
    letters = list(letters)
    stance = unit_stance(unit, letters)
    cells = list(cells)
    side = combined_stance(cells)
    if (side in ("support", "oppose") and stance != side and not unit.campaign
            and not any(by_analyst for _, by_analyst in letters)
            and sum(s == "mixed" for stances, _ in letters for s in stances) <= cells.count("mixed")):
        return side
    if stance in (None, "neutral"):
        texts = list(texts)
        if any(says_unsure(t) for t in texts):
            return UNSURE
        if any(says_neither(t) for t in texts):
            return NEITHER
    return stance


# --- respondents as counted units ---------------------------------------------------------------------


def _units(
    subs: Mapping[str, SubmissionView],
    people: Mapping[str, RespondentView],
    campaigns: Sequence[CampaignRow],
    with_text: set[str],
    types: TypeList = DEFAULT_TYPES,
) -> tuple[dict[str, Unit], dict[str, str]]:
    """Group submissions into counted respondents (attachments join their e-mail; campaigns count once:
    `store.views.respondent_keys`, which topic discovery counts by too)."""
    campaign_rows = {f"campaign:{c.id}": c for c in campaigns}
    groups: dict[str, list[str]] = {}
    for sha, key in respondent_keys(subs, campaigns, sorted(with_text | set(people))).items():
        groups.setdefault(key, []).append(sha)
    units: dict[str, Unit] = {}
    unit_of: dict[str, str] = {}
    for key, members in groups.items():
        camp = campaign_rows.get(key)
        units[key] = _unit(key, members, people, camp, types)
        unit_of.update((m, key) for m in members)
    return units, unit_of


def _unit(
    key: str, members: list[str], people: Mapping[str, RespondentView], camp: CampaignRow | None,
    types: TypeList,
) -> Unit:
    found = [people[m] for m in members if m in people]
    if camp is not None and not camp.id.startswith("duplicate-"):
        typed = Counter(r.respondent_type for r in found) or Counter({"unknown": 1})
        best = max(typed.items(), key=lambda kv: (kv[1], -types.rank(kv[0])))[0]
        return Unit(key, best, f"Campaign letter ({camp.size} letters)", False, camp.id, tuple(camp.members))
    who = named_from(found)
    return Unit(key, who.respondent_type if who else "unknown", display_name(who),
                bool(who and who.kind == "organisation" and who.organisation), "", tuple(members))


def named_from(found: Iterable[RespondentView]) -> RespondentView | None:
    """Of a counted respondent's records, the one it is named from: an organisation's, a named one first."""
    return min(found, default=None,
               key=lambda r: (r.kind != "organisation", not r.organisation, r.submission))




def display_name(who: RespondentView | None) -> str:
    """What an output may say about who wrote: an organisation's name, never a person's. A submission
    with no sign of either (kind "unknown"; stores profiled before it existed say "individual" of unknown
    type) is not called an individual: real letters from Volkswagen AG or a standards body read so when
    their name was missed."""
    if who is None or (who.kind != "organisation" and who.respondent_type == "unknown"):
        return NOT_IDENTIFIED
    if who.kind == "organisation":
        return who.organisation or UNNAMED_ORGANISATION
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


