"""Quotes for theme tables: a few respondents' own words per theme, each traced to its source page.

The evidence sentence is quoted, not the whole segment; organisations and varied respondent types come
first, and a near-copy (a form letter) is never quoted twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from respmine.records import Code
from respmine.store.views import RespondentView, SegmentView, SubmissionView
from respmine.structure import respondent_rules as rules
from respmine.structure.confidentiality import ANONYMOUS, DO_NOT_PUBLISH
from respmine.structure.notes import footnote_marks
from respmine.structure.redact import OTHER_TOKEN, TOKENS
from respmine.structure.respondents import ends_as_body
from respmine.themes.coder import FALLBACK
from respmine.themes.sentences import sentence_spans
from respmine.themes.stated import AGREED

if TYPE_CHECKING:
    from respmine.report.tables import CodingData, _Hit

MAX_QUOTES = 3
MIN_VIEW, MIN_VIEW_SHARE = 2, 0.1  # a view with a quote turn: held by this many respondents and share
CLAUSE_METHODS = ("similarity", "classifier")  # methods whose evidence may be a clause of a short answer
QUOTE_CHARS = 320  # longer evidence is cut at a word boundary


@dataclass(frozen=True)
class Quote:
    segment: str
    submission: str
    text: str
    who: str  # organisation name, "Individual respondent", ... (`tables.display_name`: never a person's)
    source: str  # as outputs cite it (`source_of`)
    source_file: str  # the file itself, for analysts in the review app
    page: int | None  # none for a form row (its "pages" are its answer cells)

    @property
    def cite(self) -> str:
        """Where the quote is from, as every output prints it: "response 3f2a9c1d0b7e, page 2"."""
        return self.source + (f", page {self.page}" if self.page else "")


def pick_quotes(data: CodingData, theme: str, hits: Sequence[_Hit], limit: int = MAX_QUOTES
                ) -> tuple[Quote, ...]:
    """Up to `limit` quotes for `theme`, one per respondent: the views under it in turn (`_by_view`: its
    sub-themes and its own codes, most respondents first, so the majority view is quoted first and a
    minority's second), each view's best first (`quote_rank`), respondent types as varied as the evidence
    allows, a near-copy never twice; the evidence sentence, not the segment."""
    # never a respondent who asked not to be published (counted all the same)
    hits = [h for h in hits if not withheld(data, data.segments[h.code.segment].submission)]
    ordered = [h for h in hits if h.quote and not h.quote.endswith("?")]  # not a quoted question
    ordered = _by_view(theme, ordered or [h for h in hits if h.quote])
    chosen: list[_Hit] = []
    said: list[set[str]] = []  # words of the quotes taken: a near-copy (form letters) is not quoted twice
    for fresh_type_only in (True, False):
        for h in ordered:
            if len(chosen) >= limit:
                break
            if h.unit in {c.unit for c in chosen} or (
                    fresh_type_only and h.respondent_type in {c.respondent_type for c in chosen}):
                continue
            words = set(re.findall(r"\w+", h.quote.casefold()))
            if any(_alike(words, w) for w in said):
                continue
            chosen.append(h)
            said.append(words)
    return tuple(_quote(data, h) for h in chosen)


ANONYMOUS_ORGANISATION = "Organisation (asked not to be named)"


def withheld(data: CodingData, submission: str) -> bool:
    """Whether the respondent of `submission` asked that their response is not published (no report
    quotes it; `structure.confidentiality`)."""
    who = data.people.get(submission)
    return who is not None and who.publication == DO_NOT_PUBLISH


def _by_view(theme: str, hits: Sequence[_Hit]) -> list[_Hit]:
    """The hits taken in turn from each view under `theme` (the sub-theme of `theme` a code falls under,
    or `theme` itself), views with more respondents first: "Contract size" is quoted on small lots (20
    respondents) before larger contracts (3), not on whichever code ranked first. Each view keeps the
    hits' order (best quote first: `quote_rank`), of equals a respondent in no other sub-theme first (a
    regional-only respondent speaks for regional commissioning better than one who wants both). A view
    held by fewer than MIN_VIEW respondents or MIN_VIEW_SHARE of the theme's is quoted only after the
    others' turns: one respondent among forty takes no slot from the majority."""
    views: dict[str, list[_Hit]] = {}
    held: dict[str, set[str]] = {}  # unit -> the sub-themes it is in
    direct = [h for h in hits if "(child)" not in h.code.method]  # a parent's code implied by a sub-theme's
    for h in direct or hits:  # repeats that hit, which is in the cell too
        at = h.themes.index(theme) if theme in h.themes else 0
        view = h.themes[at - 1] if at else theme
        views.setdefault(view, []).append(h)
        held.setdefault(h.unit, set()).update([view] if view != theme else [])  # sub-views only
    size = {view: len({h.unit for h in found}) for view, found in views.items()}
    ranked = sorted(views, key=lambda view: -size[view])  # (stable: ties in order)
    bar = max(MIN_VIEW, MIN_VIEW_SHARE * len(held))  # a view held by fewer waits for the others' turns,
    bar = bar if ranked and size[ranked[0]] >= bar else 0  # unless none is larger (every view takes turns)
    ordered = {v: sorted(views[v], key=lambda h: (h.rank[:4], len(held[h.unit]) > 1)) for v in ranked}
    turns = [ordered[v] for v in ranked if size[v] >= bar]
    late = sorted((h for v in ranked if size[v] < bar for h in ordered[v]), key=lambda h: h.rank)
    rounds = range(max(map(len, turns), default=0))
    return [found[i] for i in rounds for found in turns if i < len(found)] + late


def quote_rank(code: Code, organisation: bool, words: int) -> tuple[object, ...]:
    """How quotes are preferred, best first: organisations', reviewed, of a quotable length (`words`: the
    evidence's, see `word_count`), found by a rule, the classifier or an analyst (a similarity code's
    sentence is the likelier to be about something else; a view taken by agreeing with the question is
    quoted by its "We agree."), confident."""
    return (not organisation, not code.reviewed, not 8 <= words <= 80,
            code.method.split("+")[0].startswith(("similarity", FALLBACK, AGREED)),
            -round(code.confidence, 2), code.segment)


def word_count(text: str) -> int:
    """Words in a code's evidence, for `quote_rank`."""
    return len(text.split())


def _alike(a: set[str], b: set[str]) -> bool:
    return len(a & b) >= 0.75 * min(len(a), len(b))


def _quote(data: CodingData, h: _Hit) -> Quote:
    seg = data.segments[h.code.segment]
    return quote_of(data, seg, h.quote, evidence_page(data, seg, h.code))


def quote_of(data: CodingData, seg: SegmentView, text: str, page: int | None) -> Quote:
    """A quote of `seg`'s words, said to be by whom the outputs may name and from where (`source_of`)."""
    sub = data.submissions[seg.submission]
    who, source = data.quoted_who(seg.submission, text), source_of(data, seg.submission)
    asked = data.people.get(seg.submission)
    if asked is not None and asked.publication == ANONYMOUS:  # quoted, but neither named nor its file,
        who, source = (ANONYMOUS_ORGANISATION if asked.kind == "organisation" else who,  # nor in its words
                       f"response {seg.submission[:12]}")
        recorded, spoken = own_names(data, seg.submission)
        text = without_own_names(text, recorded, as_written=spoken)
    return Quote(segment=seg.id, submission=seg.submission, text=text, who=who, source=source,
                 source_file=sub.source, page=None if sub.kind == "form-row" else page)


OWN_NAME_TOKEN = "[ORGANISATION]"  # a respondent's own name in a quote of it, where it asked for anonymity


def own_names(data: CodingData, submission: str) -> tuple[list[str], list[str]]:
    """The names a respondent goes by: the organisation and joint partners its records have, of the
    submission and of the rest of its letter (an e-mail and its attachments), and those its own passages
    speak as (`self_named`: "As chair of Eastmoor Fuel Bank I ...", found though the respondent was not
    identified as the fuel bank), apart: the latter are matched only as written (`without_own_names`)."""
    root = submission
    while (parent := data.submissions[root].parent_sha256) is not None and parent in data.submissions:
        root = parent
    family = {m for m, row in data.submissions.items()
              if m in (submission, root) or row.parent_sha256 == root}
    recorded = [n for m in sorted(family) if (p := data.people.get(m)) is not None
                for n in (p.organisation, *p.organisations) if n]
    spoken = self_named(seg.text for seg in data.segments.values() if seg.submission in family)
    return list(dict.fromkeys(recorded)), [n for n in dict.fromkeys(spoken) if n not in recorded]


# a capitalised word (not "I"); a full stop only inside one ("U.K"), or "St.": "Eastmoor Fuel Bank. We
# support" names "Eastmoor Fuel Bank"
_CAPS = r"(?:St\.|[A-Z](?:[\w'’&-]|\.(?=\w))+)"
# the writer speaking as a body: "As chair of Eastmoor Fuel Bank", "on behalf of the Marsh Trust", "we at
# Hope Lane Project", "we are Gate Friends": two capitalised words or more (one alone is a sentence's word
# as often as a name)
_ROLE = (r"(?:[Cc]hair(?:man|woman|person)?|[Dd]irector|[Cc]hief [Ee]xecutive|CEO|[Mm]anager|"
         r"[Cc]o-?ordinator|[Tt]rustee|[Ss]ecretary|[Tt]reasurer|[Ff]ounder|[Hh]ead|[Ll]ead(?:er)?|"
         r"[Pp]resident|[Oo]fficer|[Vv]olunteers?|[Mm]embers?|[Ss]taff)")
_SELF = re.compile(
    rf"(?:\b{_ROLE}\s+(?:at|of|for|with)|\b[Oo]n behalf of|\b(?:[Ww]e|[Uu]s|[Hh]ere)\s+at|"
    r"\b[Ww]e\s+(?:are|as)|\b[Ww]rit(?:e|ing)\s+(?:for|as))\s+(?:the\s+)?"
    rf"(?P<name>{_CAPS}(?:\s+(?:(?:of|and|for|&|the|on)\s+)?{_CAPS}){{1,6}})")


def self_named(texts: Iterable[str]) -> list[str]:
    """Names of bodies the writer speaks as in `texts` (`_SELF`), without a trailing abbreviation."""
    found = []
    for text in texts:
        for m in _SELF.finditer(text):
            name = re.sub(r"\s+(?:and|&|of|for|the|on)$", "", m.group("name").strip(" .,;:"))
            parts = [name, *re.split(r"\s+(?:and|&)\s+", name)]  # (a joint response's each body too)
            found += [p for p in dict.fromkeys(parts) if len(p.split()) >= 2 and p not in TOKENS.values()]
    return found


def without_own_names(text: str, names: Sequence[str], as_written: Sequence[str] = ()) -> str:
    """`text` with the respondent's own `names` (`own_names`) put as OWN_NAME_TOKEN, and what stands for
    them: "As chair of Eastmoor Fuel Bank (EFB) I ..., EFB's volunteers" -> "As chair of [ORGANISATION]
    ([ORGANISATION]) I ..., [ORGANISATION]'s volunteers". A name is found in any spacing, with or without
    its "The", and by its initials (three letters or more, as a word in capitals) or an abbreviation the
    text gives it in brackets after it (two capitals or more, "EFB", or one of its words, "(Alliance)"; not
    "(Wales)" or "(2023)"). A recorded name of several words is found in any case; a one-word name
    ("Shelter", "Mind") and the bodies in `as_written` (found in the writer's words: "Director of Public
    Health") only as written or in capitals, so that "shelter" or "public health" in the quote stay. A
    respondent that asked to be published anonymously is quoted without its name: the quote names it no
    more than its attribution does."""
    forms: dict[str, bool] = {}  # pattern -> matched in any case
    for name in [*names, *as_written]:
        words = re.findall(r"[\w'’&-]+", re.sub(r"(?i)^the\s+", "", name.strip()))
        if not words:
            continue
        spaced = r"\s+".join(re.escape(w) for w in words)
        if len(words) > 1 and name not in as_written:
            forms[spaced] = True
        else:
            forms[spaced] = forms.get(spaced, False)
            forms[r"\s+".join(re.escape(w.upper()) for w in words)] = False
        initials = "".join(w[0] for w in words if w[0].isupper())
        if len(initials) >= 3:
            forms.setdefault(initials, False)
        spelled = re.compile(r"(?i)\b" + spaced + r"\s*\(([A-Z][\w&]{1,9})\)")
        own = {w.casefold() for w in words}
        for m in spelled.finditer(text):
            short = m.group(1)
            if sum(c.isupper() for c in short) >= 2 or short.casefold() in own:
                forms.setdefault(re.escape(short), False)
    if not forms:
        return text
    ordered = sorted(forms, key=len, reverse=True)  # (the full name before its initials)
    pattern = re.compile(r"(?:\b[Tt]he\s+)?\b(?:" + "|".join(
        f"(?i:{f})" if forms[f] else f for f in ordered) + r")\b")
    return pattern.sub(OWN_NAME_TOKEN, text)


def source_of(data: CodingData, submission: str) -> str:
    """A quote's source as outputs cite it (`cited_source`)."""
    return cited_source(data.submissions, data.people, submission)


def cited_source(submissions: Mapping[str, SubmissionView], people: Mapping[str, RespondentView],
                 submission: str) -> str:
    """A submission's source as outputs cite it: the file of a named organisation's response (an
    attachment's e-mail from one too), else the submission's id ("response 3f2a9c1d0b7e", as in
    submissions.csv), because people name files after themselves ("letter from Tom Whitlock.txt") and
    outputs never name individuals, nor an organisation's file named after the people who wrote it
    ("Raman Whitcombe - University of Harwich.pdf", whose text names them). Judged per submission, not
    per counted respondent: one copy of a duplicated letter may be a person's."""
    sub: str | None = submission
    while sub is not None and sub in submissions:  # an attachment's name starts with its e-mail's
        who = people.get(sub)
        if who is not None and not (who.kind == "organisation" and who.organisation):
            return f"response {submission[:12]}"
        sub = submissions[sub].parent_sha256
    if people.get(submission) is None:  # nobody profiled: nothing says the file is safe to name
        return f"response {submission[:12]}"
    source = submissions[submission].source
    named = names_a_person(source) or submissions[submission].person_named
    return f"response {submission[:12]}" if named else source


def organisation_in_file_name(file_name: str) -> str | None:
    """The organisation a file's name says it is from ("Meadowbank_Community_Trust_response.pdf" ->
    "Meadowbank Community Trust"), for a file that could not be read, so that whose views are missing is
    said. Only a short name ending in a word that makes it a body (Trust, Council, Ltd, ...): never a
    person's ("Tom Whitlock Lakeside Trust", "Mary Jones Council tenant", "Smith_J_response" give none;
    "Response from Tom Whitlock, Lakeside Trust" gives the trust)."""
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", file_name.split("#")[0].rsplit("/", 1)[-1])
    if names_a_person(stem) or "@" in stem:
        return None
    for piece in re.split(r"\s+[-–—]\s+|\s*[(),;]\s*", stem.replace("_", " ")):
        words = [w for w in piece.split() if not _FILE_WORDS.fullmatch(w)]
        name = " ".join(words)
        if (words and rules.ORG_WORDS.fullmatch(words[-1]) and len(words) <= FILE_NAME_MAX_WORDS
                and rules.valid_org(name) and not rules.person_shaped(" ".join(words[:-1]))):
            return name
        if len(words) == FILE_NAME_MAX_WORDS and ends_as_body(name):  # "Ashdown Cycling Club", "Ashford
            return name  # Family Support": a body's last word though no organisation word, and none of a
            # person's ("Tom Whitlock Club", "Jane Baker Club" give none)
    return None


FILE_NAME_MAX_WORDS = 3  # "Meadowbank Community Trust"; a longer one may start with a person's name


_FILE_WORDS = re.compile(  # what file names add to the sender's name
    r"(?i:responses?|consultation|submission|reply|final|draft|confidential|copy|signed|v\d+|\d[\d.-]*|to|"
    r"the|on|re|from|our|letter|comments?)")


def names_a_person(file_name: str) -> bool:
    """The file name holds a person's titled name ("Dr H Marsh - University of Eastmoor.doc"): an
    organisation's file named after the person who wrote it is not named in outputs either."""
    return bool(_TITLED_NAME.search(file_name))


# a person's titled name in a file name ("Dr H Marsh - University of Eastmoor.doc", "Response_from_DR_SMITH",
# "Cllr.Jones"): an organisation's file named after the person who wrote it is cited by its id too
_TITLED_NAME = re.compile(r"(?<![A-Za-z])(?i:dr|mr|mrs|ms|miss|mx|prof|professor|cllr|councillor|rev|revd|sir"
                          r"|dame|lord|lady)[\s_.-]+[A-Z]")


def evidence_sentence(text: str, code: Code) -> str:
    """The sentence of `text` (a segment's) that holds the code's evidence: a clause a short answer was
    coded by ("for the communities to which prisoners return.") is quoted with the rest of its sentence.
    Only a model's clause (`CLAUSE_METHODS`): a rule's evidence is its sentence, and what an analyst
    marked is quoted as marked."""
    start, end = code.evidence.start, code.evidence.end
    if not code.method.startswith(CLAUSE_METHODS) or text[start:end] != code.evidence_text:
        return code.evidence_text
    for a, b in sentence_spans(text):
        if a <= start < b:
            return text[a : max(b, end)]
    return code.evidence_text


def _without_footnote_marks(text: str) -> str:
    """The quote without footnote marks ("... homes,1 we estimate" -> "... homes, we estimate"): a trial
    quoted "assumptions,3"; the source keeps them."""
    out, at = [], 0
    for mark in footnote_marks(text):
        out.append(text[at:mark.start()])
        at = mark.end()
    return "".join(out) + text[at:]


def quote_text(text: str) -> str:
    """A code's evidence sentence (else its segment's text) as quoted: one line, cut at a word, without
    footnote marks (`_without_footnote_marks`)."""
    text = _without_footnote_marks(" ".join(text.split()).strip(" -–•"))
    if len(text) <= QUOTE_CHARS:
        return text
    cut = text[:QUOTE_CHARS].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + " …"


def evidence_page(data: CodingData, seg: SegmentView, code: Code) -> int | None:
    """Page of the evidence's start in the source (segment text is redacted: offsets are mapped back)."""
    pages = data.submissions[seg.submission].pages or []
    if not pages:
        return seg.page
    offset = original_offset(seg, data.redactions.get(seg.submission, []), code.evidence.start)
    for p in pages:
        if int(str(p["start"])) <= offset < int(str(p["end"])):
            return int(str(p["number"]))
    return seg.page


def original_offset(seg: SegmentView, redactions: Sequence[tuple[int, int, str]], redacted: int) -> int:
    """Offset in the submission's text of position `redacted` in the segment's redacted text."""
    inside = sorted((max(s, seg.start), min(e, seg.end), k) for s, e, k in redactions
                    if s < seg.end and seg.start < e)
    tokens = [len(TOKENS.get(k, OTHER_TOKEN)) for _, _, k in inside]
    if seg.end - seg.start - sum(e - s for s, e, _ in inside) + sum(tokens) != len(seg.text):
        span = seg.end - seg.start  # redactions overlapped or changed: fall back to proportion
        return seg.start + (redacted * span // max(1, len(seg.text)))
    pos, out = seg.start, 0  # original position, redacted position
    for (s, e, _), token in zip(inside, tokens, strict=True):
        if redacted < out + (s - pos):
            return pos + (redacted - out)
        out += s - pos
        if redacted < out + token:
            return s
        out, pos = out + token, e
    return pos + (redacted - out)
