"""The respondent register: one row per counted respondent, saying who they are, how that was found,
what they answered, where they stood and which themes they raised.

It is the "who said what" list analysts check first (is every respondent here, named and typed right?)
and the source of the report's annex of responding organisations. Rows are the same counted units as
every table (`tables.Unit`: an e-mail with its attachments, a campaign, a group of identical copies), so
the register adds up to the report's respondent count. Individuals are never named, and only an
organisation's own file names are listed (an individual's file is often called by their name): every
row gives its submission ids, which `submissions.csv` traces to files.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from respmine.records import SIDES, UNCODED, question_name, shown_time
from respmine.report.quotes import names_a_person
from respmine.report.summaries import join_words, plural
from respmine.report.tables import INDIVIDUAL as INDIVIDUAL_NAME
from respmine.report.tables import (
    NEITHER,
    UNNAMED_ORGANISATION,
    UNSURE,
    CodingData,
    Letter,
    Unit,
    agreement_answer,
    named_from,
    question_key,
    theme_order,
    unit_side,
)
from respmine.store.views import RespondentView, root_submission
from respmine.structure.choices import SEVERAL, respondents_choice
from respmine.structure.confidentiality import DO_NOT_PUBLISH
from respmine.structure.respondent_types import TypeList
from respmine.themes.stance import combined_stance, only_closed_answer, toward_proposals

ORGANISATION, UNNAMED, INDIVIDUAL, CAMPAIGN, COPIES, UNIDENTIFIED = (
    "organisation", "organisation not named", "individual", "campaign", "identical copies", "not identified")
KINDS = (ORGANISATION, UNNAMED, CAMPAIGN, COPIES, INDIVIDUAL, UNIDENTIFIED)  # the register's order
_SHOWN = 5  # submissions listed in a cell (a campaign's are all in the Campaigns sheet)
CAMPAIGN_KEY = "campaign:"  # the key prefix of campaigns and identical copies (`store.views.respondent_keys`)


@dataclass(frozen=True)
class RegisterRow:
    key: str  # the counted unit (`Unit.key`)
    who: str  # as every output names them (`Unit.who`)
    respondent_type: str
    kind: str  # one of KINDS
    joint_with: tuple[str, ...]  # the other organisations of a joint response
    submissions: tuple[str, ...]  # the submissions it stands for (sha256)
    sources: tuple[str, ...]  # the organisation's own files among them (none for anyone else)
    received: datetime | None  # the first of them
    late: bool  # every one of them late
    questions: tuple[str, ...]  # answered (general comments included), in question order
    agreement: tuple[tuple[str, str], ...]  # (question, stance) for questions asking for agreement, and
    # (question, "option:B") for those asking to choose between options (`choices`)
    stance: str  # towards the proposals: on the themes about them, or over all their passages ("": none)
    themes: tuple[str, ...]  # theme ids raised (a sub-theme's parents included), codebook order
    identified_from: str  # how the name and type were found (`Respondent.provenance`)
    signatures: int = 0  # a petition's signatures (0: no petition); the petition still counts once
    publication: str = ""  # what one of them asked: "do not publish", "publish anonymously" or ""


def register(data: CodingData, asking: Collection[str] = (),
             choosing: Mapping[str, Mapping[str, str]] | None = None) -> list[RegisterRow]:
    """Every counted respondent with a passage, organisations first (by type, then name), then campaigns,
    identical copies, individuals and the unidentified, each by first receipt. `asking`: the questions
    that ask for agreement, whose answers' stances the register gives one by one; `choosing`: those that
    ask to choose between options (question -> its options), whose answers' choices it gives."""
    passages: dict[str, list[str]] = {}  # unit -> its segments
    for seg in data.segments.values():
        passages.setdefault(data.unit_of[seg.submission], []).append(seg.id)
    themes: dict[str, set[str]] = {}
    on_proposals: dict[str, list[Any]] = {}  # unit -> its codes on themes about the proposals
    for hit in data.hits:
        themes.setdefault(hit.unit, set()).update(hit.themes)
        if data.stanced is not None and hit.code.theme in data.stanced:
            on_proposals.setdefault(hit.unit, []).append(hit)
    order = {t: i for i, t in enumerate(theme_order(data.codebook))}
    rows = [_row(data, data.units[key], segs, themes.get(key, set()), order, (asking, choosing or {}),
                 unit_side(data, key, on_proposals.get(key, [])) if data.stanced is not None else None)
            for key, segs in passages.items()]
    return sorted(rows, key=lambda row: _row_order(row, data.types))


def _row(data: CodingData, unit: Unit, segments: Sequence[str], themes: set[str], order: Mapping[str, int],
         closed: tuple[Collection[str], Mapping[str, Mapping[str, str]]], side: str | None) -> RegisterRow:
    """`side`: the unit's stance on the themes about the proposals, when the codebook marks them (None:
    the stance of all their passages is combined)."""
    members = sorted((m for m in unit.members if m in data.submissions),
                     key=lambda m: (data.submissions[m].source, m))
    kind = _kind(unit)
    received = [t for m in members if (t := data.submissions[m].received_at) is not None]
    by_question: dict[str, dict[str, Letter]] = {}
    texts: dict[str, list[str]] = {}
    cells: dict[str, list[str | None]] = {}  # question -> the stances of answers only a closed answer
    for seg_id in segments:
        seg = data.segments[seg_id]
        texts.setdefault(seg.question, []).append(seg.text)
        if only_closed_answer(seg.text):
            cells.setdefault(seg.question, []).append(data.stances.get(seg_id))
        letters = by_question.setdefault(seg.question, {})
        stances, decided = letters.setdefault(seg.submission, ([], False))
        stances.append(data.stances.get(seg_id))
        letters[seg.submission] = (stances, decided or seg_id in data.stance_decided)
    answered = sorted((q for q in by_question if q not in UNCODED), key=question_key)
    asking, choosing = closed
    agreement = tuple((q, agreement_answer(unit, by_question[q].values(), texts[q], cells.get(q, ())) or "")
                      if q in asking
                      else (q, _option(respondents_choice(texts[q], choosing[q])))
                      for q in answered if q in asking or q in choosing)
    person = _first_person(data, members)
    return RegisterRow(
        key=unit.key, who=unit.who, respondent_type=unit.respondent_type, kind=kind,
        joint_with=_partners(data, unit, members) if kind == ORGANISATION else (),
        submissions=tuple(members), sources=_own_files(data, unit, members),
        received=min(received, default=None),
        late=bool(members) and all(data.late(m) for m in members),
        questions=tuple(answered), agreement=agreement,
        stance=_stance(side if data.stanced is not None else data.proposal_sides.get(unit.key),
                       [(q, toward_proposals(a, q in data.backwards) or "") for q, a in agreement]),
        themes=tuple(sorted(themes, key=lambda t: (order.get(t, len(order)), t))),
        identified_from=_identified_from(person.provenance if person else {}, kind),
        # (the most of its files: a petition's covering e-mail and the petition say the same number)
        signatures=max((data.submissions[m].signatures for m in members), default=0),
        publication=_publication(data, unit, members),
    )


def _publication(data: CodingData, unit: Unit, members: Sequence[str]) -> str:
    """What the unit asked about publication (`structure.confidentiality`): not publishing at all outranks
    publishing without the name. A campaign's or a group of identical copies' letters are several people's:
    one signatory's request is theirs, not the others' ("do not publish: 1 of 8 letters"; the campaign's
    wording is still quoted from the others' letters, `quotes.withheld` being per letter), and the unit's
    only when every letter asked."""
    def asked(subs: Iterable[str]) -> str:
        found = {p.publication for m in subs if (p := data.people.get(m)) is not None and p.publication}
        return DO_NOT_PUBLISH if DO_NOT_PUBLISH in found else next(iter(found), "")

    if unit.organisation or not unit.key.startswith(CAMPAIGN_KEY):
        return asked(members)
    letters: dict[str, list[str]] = {}  # a letter with its e-mail and attachments: one sender's
    for m in members:
        letters.setdefault(root_submission(data.submissions, m), []).append(m)
    each = [asked(subs) for subs in letters.values()]
    kinds = {a for a in each if a}
    if not kinds or (len(kinds) == 1 and all(each)):
        return next(iter(kinds), "")
    kind = DO_NOT_PUBLISH if DO_NOT_PUBLISH in kinds else next(iter(kinds))
    return f"{kind}: {sum(1 for a in each if a)} of {plural(len(each), 'letter')}"


def _kind(unit: Unit) -> str:
    """What the unit is, as every output names it (`tables.display_name`)."""
    if unit.campaign:
        return CAMPAIGN
    if unit.organisation:
        return ORGANISATION
    if unit.who == UNNAMED_ORGANISATION:
        return UNNAMED
    if unit.key.startswith(CAMPAIGN_KEY):  # a group of identical copies (not a form-letter campaign)
        return COPIES
    return INDIVIDUAL if unit.who == INDIVIDUAL_NAME else UNIDENTIFIED


def _partners(data: CodingData, unit: Unit, members: Sequence[str]) -> tuple[str, ...]:
    """The other organisations of a joint response, as any of its parts names them (an e-mail and its
    letter may not both say so)."""
    found = [o for m in members if (p := data.people.get(m)) is not None for o in p.organisations]
    return tuple(dict.fromkeys(o for o in found if o and o != unit.who))


def _own_files(data: CodingData, unit: Unit, members: Sequence[str]) -> tuple[str, ...]:
    """An organisation's own files, every name a file came under (the same letter sent again as "...
    (resent).pdf"), never an individual's copy grouped with its letter, nor a file named after the person
    who wrote it (`quotes.names_a_person`, or a name its text holds: `SubmissionView.person_named`)."""
    if not unit.organisation:
        return ()
    names = (name for m in members if (p := data.people.get(m)) is not None and p.kind == "organisation"
             and not data.submissions[m].person_named
             for name in (data.submissions[m].source, *data.received_as.get(m, ())))
    return tuple(name for name in dict.fromkeys(names) if not names_a_person(name))


def _first_person(data: CodingData, members: Iterable[str]) -> RespondentView | None:
    """The respondent record the unit is named from (`tables.named_from`)."""
    return named_from(p for m in members if (p := data.people.get(m)) is not None)


_FIELDS = (("organisation", "name"), ("type", "type"), ("kind", "individual"))
_SOURCES = {"text": "the text", "form": "the form", "form-table": "the response form", "email": "the e-mail",
            "rule": "a rule", "hint": "a hint", "ner": "name recognition", "analyst": "an analyst"}


def _identified_from(provenance: Mapping[str, str], kind: str) -> str:
    """"name: the text (sign-off); type: a rule (name-keyword)": where each fact about the respondent came
    from, so an analyst knows which to check. Where the person's own name was found is left out."""
    if kind in (CAMPAIGN, COPIES):
        return ""
    parts = []
    for field, shown in _FIELDS:
        if (field == "kind") != (kind == INDIVIDUAL):
            continue
        source = provenance.get(field)
        if source:
            origin, _, detail = source.partition(":")
            where = _SOURCES.get(origin, origin)
            parts.append(f"{shown}: {where} ({detail})" if detail else f"{shown}: {where}")
    return "; ".join(parts)


def _option(choice: str | None) -> str:
    return f"option:{choice}" if choice else ""


def _answer_words(answer: str) -> str:
    """A closed answer in the report's words: "agreed", "did not know", "option B", "chose several"."""
    if answer.startswith("option:"):
        chose = answer.removeprefix("option:")
        return "chose several options" if chose == SEVERAL else f"option {chose}"
    return AGREEMENT_WORDS.get(answer, "unclear")


def _stance(side: str | None, agreement: Sequence[tuple[str, str]]) -> str:
    """A respondent's stance on the proposals: their passages' (`side`), else their own answers to the
    "Do you agree ...?" questions where those take a side (a "Yes" to "Do you agree with a statutory ban?"
    left the register's stance blank when the codebook marks the themes about the proposals)."""
    if side not in (None, "", "neutral"):
        return str(side)
    return combined_stance(s for _, s in agreement if s in SIDES) or side or ""


def _row_order(row: RegisterRow, types: TypeList) -> tuple[object, ...]:
    kind = KINDS.index(row.kind)
    ranked = types.rank(row.respondent_type)
    named = row.who.casefold() if row.kind == ORGANISATION else ""
    return (kind, ranked if row.kind == ORGANISATION else 0, named, row.received is None,
            row.received or datetime.min, row.key)


def organisations_by_type(rows: Iterable[RegisterRow], types: TypeList) -> list[tuple[str, list[str]]]:
    """The report's annex: each respondent type's organisations by name, a joint response naming its
    partners ("Westvale Voluntary Sector Forum (with Bridgewell Housing Association, ...)")."""
    found: dict[str, list[str]] = {}
    for row in rows:
        if row.kind == ORGANISATION and not row.publication:  # (not those asking not to be named)
            found.setdefault(row.respondent_type, []).append(_joint_name(row))
    ranked = sorted(found, key=types.rank)
    return [(t, sorted(found[t], key=str.casefold)) for t in ranked]


def annex_note(rows: Sequence[RegisterRow], types: TypeList) -> str:
    """The sentence above the annex: who is listed, and who is counted without a name."""
    kinds = Counter(r.kind for r in rows)
    asked = sum(1 for r in rows if r.kind == ORGANISATION and r.publication)
    kinds[ORGANISATION] -= asked
    unnamed = [plural(asked, "organisation") + " that asked not to be named" if asked else "",
               plural(kinds[UNNAMED], "organisation") + " that gave no name" if kinds[UNNAMED] else "",
               plural(kinds[INDIVIDUAL], "individual") if kinds[INDIVIDUAL] else "",
               plural(kinds[CAMPAIGN], "form-letter campaign") + _letters(rows, CAMPAIGN)
               if kinds[CAMPAIGN] else "",
               plural(kinds[COPIES], "group") + " of identical copies" + _letters(rows, COPIES)
               if kinds[COPIES] else "",
               plural(kinds[UNIDENTIFIED], "respondent") + " not identified" if kinds[UNIDENTIFIED] else ""]
    others = [u for u in unnamed if u]
    also = f" Also counted, not named: {join_words(others)}.{_grouped_types(rows, types)}" if others else ""
    also += _petitions(rows)
    if not kinds[ORGANISATION]:
        return f"No organisation is named among the respondents.{also}"
    return (f"The {plural(kinds[ORGANISATION], 'organisation')} that responded are listed below by type (a "
            f"joint response under the organisation that sent it).{also}")


def _petitions(rows: Sequence[RegisterRow]) -> str:
    """" 1 petition, with 312 signatures, counts once, as one response." (analysts report signatures)"""
    signed = [r.signatures for r in rows if r.signatures]
    if len(signed) == 1:
        return f" 1 petition, with {plural(signed[0], 'signature')}, counts once, as one response."
    if signed:
        return (f" {plural(len(signed), 'petition')}, with {plural(sum(signed), 'signature')} between them,"
                " count once each, as one response each.")
    return ""


def _letters(rows: Sequence[RegisterRow], kind: str) -> str:
    return f" ({plural(sum(len(r.submissions) for r in rows if r.kind == kind), 'letter')})"


def _grouped_types(rows: Sequence[RegisterRow], order: TypeList) -> str:
    """How campaigns and identical copies add up to the respondents by type, which count each group once
    under its type: "Each counts once, under individuals, in the respondents by type." """
    types = sorted({r.respondent_type for r in rows if r.kind in (CAMPAIGN, COPIES)}, key=order.rank)
    under = join_words([order.name(t) for t in types])
    return f" Each campaign and group of copies counts once, under {under}, in the respondents by type." if (
        types) else ""


def _joint_name(row: RegisterRow) -> str:
    if not row.joint_with:
        return row.who
    others = list(row.joint_with)
    if len(others) <= 2:
        return f"{row.who} (with {' and '.join(others)})"
    return f"{row.who} (with {', '.join(others)})"


# --- CSV and workbook -----------------------------------------------------------------------------------

# a "Do you agree ...?" answer's stance in the report's words ("Q1 agreed; Q2 unclear")
AGREEMENT_WORDS = {"support": "agreed", "oppose": "disagreed", "mixed": "partly agreed",
                   NEITHER: "neither agreed nor disagreed", UNSURE: "did not know"}
COLUMNS = ["respondent_id", "respondent", "respondent_type", "kind", "joint_with", "submissions",
           "submission_ids", "source_files", "first_received", "late", "questions_answered", "agreement",
           "stance", "themes", "theme_labels", "identified_from", "signatures", "codebook", "publication"]


def register_lists(rows: Sequence[RegisterRow], data: CodingData, tz: tzinfo | None = None
                   ) -> list[list[object]]:
    """The rows as the CSV and the workbook sheet give them, in `COLUMNS` order."""
    cb = data.codebook
    out: list[list[object]] = []
    for r in rows:
        out.append([
            r.key.removeprefix(CAMPAIGN_KEY) if r.key.startswith(CAMPAIGN_KEY) else r.key[:12], r.who,
            r.respondent_type, r.kind, "; ".join(r.joint_with), len(r.submissions),
            _listed([s[:12] for s in r.submissions]), _listed(list(r.sources)), shown_time(r.received, tz),
            "yes" if r.late else "no", "; ".join(question_name(q) for q in r.questions),
            "; ".join(f"{q} {_answer_words(s)}" for q, s in r.agreement), r.stance,
            "; ".join(r.themes),
            "; ".join(cb.theme(t).label if t in cb.ids else t for t in r.themes), r.identified_from,
            r.signatures or "", cb.stamp, r.publication,
        ])
    return out


def _listed(items: list[str]) -> str:
    """A few of them, then how many more (a 3,000-letter campaign's ids do not fit a spreadsheet cell)."""
    more = len(items) - _SHOWN
    return "; ".join(items[:_SHOWN] + ([f"and {more} more"] if more > 0 else []))


def write_register_csv(path: Path, rows: Iterable[Sequence[object]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)
