"""Respondent profiles: who a submission is from, what kind of body they are, and who signed it.

Evidence is weighed strongest first: form fields (export columns such as Organisation / Name /
"Respondent type", response-form table rows "Organisation | X"), then e-mail metadata (From display name,
the sender's domain as a type hint), then the text itself: letterhead and title lines, phrases such as
"submitted by X" / "on behalf of X" / "X is a registered charity" / "joint response from A, B and C", the
sign-off ("Yours faithfully, <name>, <role>, <organisation>"), and in longer papers author bylines (with
the authors' affiliation), copyright lines, "About X" sections and registration footers. The type comes
from the name ("... Association"), a legal form after it ("X e.V.", "X Ltd") or what the body says it is
("Founded in 1990, X is a non-profit ...", "As a trade union, we ...", in English, German or French).
spaCy's small English model runs only on those few lines (never whole documents) to tell organisations from
people and places. Every field records where it came from in `Respondent.provenance`, so an analyst can
check a surprising profile.

Privacy comes before recall: a name the text gives as a person's (a byline, a titled name) is never taken
as the organisation, since organisation names are public and spared from redaction. Kind is "individual"
only on evidence of a person writing; a paper that names nobody and speaks as "we" is an organisation's
(name unknown), and one with no evidence either way is "unknown".
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from respmine.records import Document, Respondent
from respmine.structure import respondent_rules as R
from respmine.structure.language import guess_language
from respmine.structure.nlp import common_word, ner
from respmine.structure.petitions import petition_name
from respmine.structure.respondent_types import DEFAULT_TYPES, ELECTED, PETITION, TypeList

HEAD_LINES = 30  # lines at the top read for letterheads, titles and "submitted by"
HEAD_CHARS = 3000  # opening text read sentence by sentence
TAIL_LINES = 40  # lines at the end searched for a sign-off (footnotes often follow it)
OPENING_LINES = 8  # lines at the top whose organisations spaCy names
TITLES_PER_LINE = 3  # names read per opening line before title words: a title names its body once, and a
# paragraph's thousands would each be a claim `_choose_org` compares with every other (quadratic); title words
# naming nothing ("Consultation response – Call for evidence: views ...") are not counted
BYLINE_LINES = 30  # lines at the top searched for author bylines and credit lists
FOOTER_LINES = 15  # lines at the end searched for copyright and registration statements
ABOUT_CHARS = 800  # text read after an "About X" heading ...
ABOUT_SENTENCES = 4  # ... its first sentences
ORG_THRESHOLD = 30  # score an organisation candidate needs before a response counts as an organisation's
UNIT_MAILBOX = 40  # weight of an e-mail display name that is a team's or department's mailbox
COLLECTIVE_VOICE = 8  # "we"/"our" words (and 4x the "I"s) that make an unnamed paper an organisation's
SAYS_CHARITY = 85  # weight of a body's own word that it is a charity or non-profit ("X is a registered
# charity", "X is a non-profit organisation", "we are a not-for-profit company"): over a name's keyword (80:
# "Libertas Civil Liberties Network" is no members' body for its "Network")
_NOT_ORG = {"PERSON", "GPE"}

OrgSink = Callable[[str | None, str, float], None]


@dataclass(frozen=True)
class _Claim:
    value: str
    source: str
    weight: float
    about: str | None = None  # for type claims read from text: the organisation they were said of


class _Board:
    """All claims per field; the heaviest wins (earlier claims win ties, so stronger sources go first)."""

    def __init__(self) -> None:
        self.claims: dict[str, list[_Claim]] = defaultdict(list)

    def add(
        self, field: str, value: str | None, source: str, weight: float, about: str | None = None
    ) -> None:
        """Record a claim; empty values (a rule that found nothing) are ignored."""
        if value and value.strip():
            self.claims[field].append(_Claim(value.strip(), source, weight, about))

    def best(self, field: str) -> _Claim | None:
        claims = self.claims.get(field, [])
        return max(claims, key=lambda c: c.weight) if claims else None


def _nlp() -> Any:
    """spaCy NER, or None when spaCy or the model is missing (the rules still run)."""
    try:
        return ner()
    except (ImportError, OSError):
        return None


_Ents = tuple[tuple[int, int, str], ...]
_BATCH: dict[str, _Ents] = {}  # entities of the lines `profile_many` ran through spaCy together
ENTITY_CHARS = 300  # a line or sentence is read this far


def _ents(text: str) -> _Ents:
    """(start, end, label) of spaCy entities in a short text (a line or one sentence)."""
    found = _BATCH.get(text[:ENTITY_CHARS])
    return found if found is not None else _ents_one(text[:ENTITY_CHARS])


@functools.lru_cache(maxsize=8192)
def _ents_one(text: str) -> _Ents:
    nlp = _nlp()
    return _entities(nlp(text)) if nlp else ()


def _entities(doc: Any) -> _Ents:
    return tuple((e.start_char, e.end_char, str(e.label_)) for e in doc.ents)


def _label(phrase: str) -> str | None:
    """Entity label covering most of a short phrase (ORG, PERSON, GPE ...), or None."""
    phrase = phrase.strip()
    return next((lb for start, end, lb in _ents(phrase) if end - start >= 0.7 * len(phrase)), None)


def _subject_label(sentence: str) -> str | None:
    """Label of a sentence's first words, read in context (isolated names are often mislabelled)."""
    return next((lb for start, _, lb in _ents(sentence) if start <= 4), None)


def _is_person(text: str, strict: bool = False) -> bool:
    """A person's name. `strict` (where an organisation is likelier) also wants a title or spaCy PERSON;
    elsewhere spaCy gets no veto, since the small model mislabels isolated names ("Patience Adeyemi": GPE).
    """
    if R.ORG_WORDS.search(text):
        return False
    if R.TITLES.match(text):
        return True
    return R.looks_like_name(text) and (not strict or _label(text) == "PERSON")


def _may_be_person(name: str) -> bool:
    """Two to four words that could be a person's name ("Aoife Brennan", "Jan van der Berg"): no
    organisation word, legal form, acronym or possessive ("Women's Aid"), no leading article ("Las Vegas
    Sands", "La Poste", "El Corte Inglés")."""
    return (2 <= len(name.split()) <= 4 and R.person_like(name) and not R.looks_like_body(name)
            and not R.POSSESSIVE.search(name) and not R.ARTICLE_FIRST.match(name) and not R.named_cause(name))


def _uncapped(name: str) -> str:
    """A name written in capitals, in title case ("KEZIA FEATHERSTONE": Kezia Featherstone), to be judged as
    a person's by its shape; short words stay ("NHS Providers", "AGE UK"), but particles ("DE LA CRUZ")."""
    return " ".join(w.title() if len(w) > 3 or w.lower() in R.PARTICLES else w for w in name.split()) \
        if name.isupper() else name


_JOINT_LEAD = re.compile(r"\s*[,;]\s*|\s+(?:and|&)\s+", re.IGNORECASE)  # where a joint list's lead ends


_JOINED = re.compile(r"\s(?:and|&)\s", re.IGNORECASE)  # two names joined: "Food and Rural Affairs"


def _may_name_person(name: str) -> bool:
    """A name that may be a person's, by its words or by its shape, written in capitals or not."""
    return _may_be_person(_uncapped(name)) or R.person_shaped(_uncapped(name))


def _person_role_org(line: str) -> tuple[str, str, str] | None:
    """(name, role, organisation) of a one-line signature, in any order: "Jane Smith, Secretary, Westvale
    Parish Council", "Hope Trust, Jane Smith, Director": a name that may be a person's, a job title and an
    organisation's name, each once; after a name and a role, also a one-word body ("..., Chair, Oxfam")."""
    if len(line) > 200 or not 2 <= line.count(",") <= 4:  # (parts are judged again: a bounded number)
        return None
    for parts in (line.split(",", 2), line.rsplit(",", 2)):  # (an organisation's name may hold commas)
        parts = [part.strip() for part in parts]
        single = [p for p in parts if "," not in p]  # (only a body's name holds commas)
        roles = [p for p in single if _role_only(p)]  # (first: "Chief Executive" is a person's name by shape)
        names = [p for p in single if p not in roles and not _JOINED.search(p) and _may_name_person(p)]
        bodies = [p for p in parts if p and p not in names and p not in roles and _is_org_line(p)]
        if names[:1] == [parts[0]] and roles == [parts[1]] and _CAPITALISED.fullmatch(parts[2]) \
                and not (_may_name_person(parts[2]) or R.TITLES.match(parts[2])):
            bodies, names = [parts[2]], names[:1]  # "Jane Smith, Chair, Lloyd's", "..., Oxfam": after a name
            # and a role comes the body, though one word (not a name that may be a person's: "Sue Ryder")
        if len(names) == len(roles) == len(bodies) == 1:
            return names[0], roles[0], bodies[0]
    return None


_CAPITALISED = re.compile(rf"[{R.UP}][\w'’.-]*(?: [{R.UP}][\w'’.-]*){{0,3}}")  # one to four capitalised words


def _role_only(part: str) -> bool:
    """A job title and nothing else ("Chief Executive", "Head of Public Affairs"), no body's name."""
    return R.looks_like_role(part.strip()) and not R.ORG_WORDS.search(part)


def _name_role(line: str) -> tuple[str, str] | None:
    """(name, role) of a signature line "Grace Church, Chair": one to four capitalised words, then a job
    title. The words may be a body's ("Westvale Parish Council, Clerk": the caller asks `_is_org_line`)."""
    name, sep, role = (part.strip() for part in line.partition(","))
    if not sep or "," in role or not _role_only(role):
        return None
    return (name, role) if _CAPITALISED.fullmatch(name) or _is_org_line(name) else None  # ("Centre for
    # Cities, Chair")


def _org_person(line: str) -> tuple[str, str] | None:
    """(organisation, name) of a signature "Hope Trust, Jane Smith": a body's name, then one that may be a
    person's (one name: "Department for Environment, Food and Rural Affairs" is a body's)."""
    body, _, name = (part.strip() for part in line.rpartition(","))
    head, comma, rest = body.partition(",")
    body = rest.strip() if comma and _role_only(head) else body  # "Senior Researcher, Shelter, Jane Smith"
    if not body or len(line) > 200 or line.count(",") > 4 or _JOINED.search(name):
        return None
    if _role_only(name) or not _may_name_person(name) or not _is_org_line(body):
        return None  # ("Senior Researcher" has a person's name's shape)
    return body, name


def _role_name(line: str) -> tuple[str, str] | None:
    """(role, name) of a signature line writing a job title before the signatory's name, with no comma
    ("Group Manager Lisa Grant", "Policy Officer Dr Tom Reeve", "Head of Policy Jane Smith"): words ending in
    a job title's word, then two or three that may be a person's name. A person's line, never a body's name,
    though the title holds an organisation word ("Group"): a fire service's letter was published under its
    officer's name."""
    words = line.split()
    if "," in line or not 3 <= len(words) <= 9 or not all(w[:1].isupper() or w.lower() in R.CONNECTORS
                                                         for w in words):
        return None
    for size in (2, 3):
        role, name = words[:-size], words[-size:]
        if role and R.TITLES.fullmatch(role[-1] + " "):
            role, name = role[:-1], role[-1:] + name  # "Policy Officer Dr Tom Reeve"
        person = R.TITLES.sub("", " ".join(name))
        if (role and R.ROLE_WORDS.fullmatch(role[-1]) and R.looks_like_role(" ".join(role))
                and not R.ROLE_WORDS.search(person) and not R.ORG_WORDS.search(person)
                and _may_name_person(person)):
            return " ".join(role), " ".join(name)
    return None


_BILINGUAL = " / "  # between a name's two languages' forms ("Llanbryn Town Council / Cyngor Tref Llanbryn")
_WELSH_FIRST = re.compile(r"(?i)^(?:cyngor|ysgol|prifysgol|coleg|bwrdd|cymdeithas|canolfan|menter|undeb"
                          r"|ymddiriedolaeth|llywodraeth|gwasanaeth|partneriaeth|fforwm)\b")


def _bilingual_name(line: str) -> str | None:
    """The name on a bilingual letterhead's line, one body's name in two languages ("Llanbryn Town Council /
    Cyngor Tref Llanbryn"): each half an organisation's name; the one not opening with a Welsh body's word
    (the English form), else the first. None for any other line."""
    halves = [" ".join(h.split()) for h in line.split(_BILINGUAL)]
    if len(halves) != 2 or not all(h and _is_org_line(h) for h in halves):
        return None
    return next((h for h in halves if not _WELSH_FIRST.match(h)), halves[0])


def _is_org_line(line: str) -> bool:
    """A line that is an organisation's name and nothing else (letterhead, signature block), in one
    language or two (`_bilingual_name`: the Welsh half had made a town council's letterhead no body's)."""
    line = " ".join(line.split())  # (single spaces: the patterns below are quadratic on long runs)
    if _BILINGUAL in line:
        return _bilingual_name(line) is not None
    if R.NAME_LABEL.match(line) or _person_role_org(line) or _org_person(line) or _role_name(line):
        return False  # "Name: Siobhán Ní Bhriain" (a form's label), "Jane Smith, Secretary, X", "X, Jane
        # Smith", "Group Manager Lisa Grant"
    if any(_role_only(part) for part in line.split(",")[1:5]):
        return False  # "Grace Church, Chair", "Lucy Institute, Trustee, X": a signature, not a body's name
    first, last = line.partition(",")[0].strip(), line.rpartition(",")[2].strip()
    if last != line and (R.TITLES.match(last) or R.person_shaped(_uncapped(last))
                         or (_label(last) == "PERSON" and not R.ORG_WORDS.search(last))):
        return False  # "Shelter, Karim El Amrani", "X, Dr Jane Smith": a name after the body's
    if first != line and not _JOINED.search(first) and not _role_only(first) and _may_name_person(first):
        return False  # "Carlos Santos, Food, Farming and Countryside Commission": a name before it
    bare = re.sub(r"\s*\([^)]*\)\s*$|\s+[\d./-]{6,}$", "", line)  # "(CAIDP)", a trailing date
    name = R.org_prefix(bare)
    if not name or R.fold(name) != R.fold(R.clean_org(bare)):
        return False
    if (R.looks_like_name(line) and not ends_as_body(name)) or R.HOME_ADDRESS.search(line) \
            or R.POSTCODE.search(line):
        return False
    return bool(R.ORG_WORDS.search(name) or _school_name(name) or ends_as_body(name)) or (
        _label(name) == "ORG" and len(name.split()) >= 2 and not R.person_shaped(name))


_ADDRESS_START = re.compile(  # a street number ("1 Temple Row"), "Flat 2", "PO Box 4471"
    r",?\s+(?=(?i:flat\s+\d+\b|p\.?\s?o\.?\s+box\s+\d+\b)|\d+[a-z]?,?\s+[A-Z])")


# The last word of a house's name ("Church House", "The Old Rectory", "Rose Cottage") and of a street's with
# no number ("Church Lane"): words bodies' names seldom end with (not "Hall", "Court", "Park", "Green")
_HOUSE_LAST = re.compile(r"(?i)\b(?:house|cottages?|lodge|farm|farmhouse|barn|rectory|vicarage|manse|bungalow"
                         r"|villa|croft|grange)$")
_STREET_NAME = re.compile(r"(?i)^[A-Z][\w' .-]{0,40}\s(?:road|street|avenue|close|lane|drive|rise|row"
                          r"|crescent|gardens|grove|terrace|walk|mews)$")


_STRAPLINE = re.compile(r"(?i)(?:a|an|the)\s[^.!?]{3,160}\.?$")  # a letterhead's line under the name: what
# the body is, with no verb ("A charity working with ...", "The national network of ...")


def _house_or_street(line: str) -> bool:
    """A line that is a house's name or a street's (no number), as an address's first line is."""
    line = " ".join(line.split()).strip(" ,")
    return len(line.split()) <= 4 and bool(_HOUSE_LAST.search(line) or _STREET_NAME.match(line))


def _opens_address(line: str, following: str) -> bool:
    """The line is an address's first line: a house's or a street's name with the address going on under
    it ("Church House" / "14 Mill Lane", "The Old Rectory" / "Church Lane" / "Leeds LS8 5QT"), or on the
    same line ("Church House, 14 Mill Lane, Leeds LS8 5QT"). Its organisation's word ("church") made the
    writer a body of the house's or the street's name."""
    flat = " ".join(line.split())
    cut = _ADDRESS_START.search(flat)
    if cut and _house_or_street(flat[: cut.start()]) and R.HOME_ADDRESS.search(flat[cut.end():]):
        return True
    below = " ".join(following.split())
    return _house_or_street(flat) and bool(
        R.HOME_ADDRESS.search(below) or R.POSTCODE.search(below) or _house_or_street(below))


def _body_before_address(line: str) -> str | None:
    """The body's name on a letterhead line that goes on with its address, as PDF text joins a letterhead's
    two lines ("Association of Probation Leaders 1 Temple Row, Birmingham B2 5LG"): a line that is a
    body's name (`_is_org_line`) with an organisation's word in it, then a street address with a postcode.
    A name that may be a person's before an address ("Jane Smith 1 Temple Row, ...", "John Church 14 Mill
    Lane, ...") is none: the line is a home address."""
    line = " ".join(line.split())
    if len(line) > 160 or not R.POSTCODE.search(line):
        return None
    cut = _ADDRESS_START.search(line)
    if not cut:
        return None
    head, address = line[: cut.start()].strip(" ,"), line[cut.end():]
    if not (R.HOME_ADDRESS.search(address) or _PO_BOX.match(address)
            or _TOWN_POSTCODE.search(address[-60:])) \
            or not R.POSTCODE.search(address) or not R.ORG_WORDS.search(head) or not _is_org_line(head):
        # (a numbered street of any name then a town and postcode: "2 Kingsway Plaza, Northam NM3 2QQ")
        return None
    if R.TITLES.match(head) or _label(head) == "PERSON" or _may_name_person(head) or _house_or_street(head):
        return None  # "Mrs Ann Union 14 Mill Lane, ...", "John Church 14 Mill Lane, ...": a person's address
    return R.clean_org(head)


_CARE_OF = re.compile(r"(?i)(?:^|\s|,)(?:c/o|care of)\s")  # an address "care of" another's: no one's home
# the last words of a small body's name that a letterhead "c/o" a hall or a church gives ("Eastmoor Fuel
# Bank", "Northam Community Pantry"): with "we" in the letter, no person's name
_BODY_WORD_LAST = re.compile(r"(?i)\b(?:bank|hall|trust|cent(?:re|er)|group|forum|pantry|larder|kitchen"
                             r"|project|network|club|society|association|partnership|alliance|foundation|charity|shelter"
                             r"|hub|caf[eé]|committee|collective|support|action|aid)$")


def _body_care_of(line: str, text: str) -> str | None:
    """A body's name before "c/o" on a letterhead ("Eastmoor Fuel Bank c/o St Mark's Church Hall, Eastmoor
    EM2 8PL"): three words or more ending in a body's word, in a letter written as "we", or a line
    `_is_org_line` reads as a body's; never a name that may be a person's in a letter written as "I" ("Jane
    Smith c/o Hope Trust")."""
    flat = " ".join(line.split())
    cut = _CARE_OF.search(flat)
    if cut is None or len(flat) > 200:
        return None
    head = flat[: cut.start()].strip(" ,")
    if not head or R.TITLES.match(head) or _label(head) == "PERSON" or R.person_shaped(_uncapped(head)):
        return None
    singular, plural = _voice(text[:HEAD_CHARS])
    words = head.split()
    if _is_org_line(head) and not _may_name_person(head):
        return R.clean_org(head)
    if len(words) >= 3 and _BODY_WORD_LAST.search(head) and plural >= 2 and singular * 4 <= plural \
            and all(w[:1].isupper() or w.lower() in ("of", "for", "and", "the") for w in words):
        return R.clean_org(head)
    return None


def _body_before_town(line: str) -> str | None:
    """The body's name on a letterhead line that goes on with its town and postcode ("University of Kelsham,
    Kelsham KL1 3UE"), after a street or a house with no number ("Aberhafren University, Penglais Road,
    Aberhafren AH2 3DB"): a body's name with an organisation word in it, not one that may be a person's
    ("Jane Smith, Kelsham KL1 3UE" is a home address)."""
    head, comma, town = (part.strip() for part in " ".join(line.split()).partition(","))
    *streets, town = (part.strip() for part in town.split(",")) if comma else [town]  # "Aberhafren
    # University, Penglais Road, Aberhafren AH2 3DB": a street with no number between them
    if not comma or len(line) > 120 or not _TOWN_POSTCODE.fullmatch(town) or len(streets) > 2 \
            or not all(_house_or_street(street) for street in streets):
        return None
    if not R.ORG_WORDS.search(head) or not _is_org_line(head) or R.TITLES.match(head) \
            or _may_name_person(head) or _label(head) == "PERSON":
        return None
    return R.clean_org(head)


_TOWN_POSTCODE = re.compile(rf"(?:[{R.UP}][\w'’-]*[ \t]+){{1,3}}[A-Z]{{1,2}}\d[A-Z\d]?[ \t]*\d[A-Z]{{2}}")
# a unit of a university or college, whose letterhead names it over its parent's ("Centre for Urban Mobility"
# / "University of Kelsham", "School of Law" / "Kelsham College")
_UNIT = re.compile(r"(?:cent(?:re|er)|institute|school|department|faculty|unit|laboratory|lab|programme|"
                   r"division|observatory)\b", re.IGNORECASE)
_ACADEMIC_BODY = re.compile(r"\b(?:universit(?:y|ies)|college)\b", re.IGNORECASE)


def ends_as_body(name: str) -> bool:
    """Words ending as only bodies' names end, though with no organisation word ("Ashford Family Support",
    "Millbrook Community Support": `R.BODY_LAST`), not shaped as a person's name nor one to spaCy: a small
    charity's letterhead and sign-off had made its letter an individual's. A name's own word comes before the
    last (`_own_word`): common words only are a role or a service ("First Aid", "Family Support", "Nurse,
    General Practice" under a nurse's name), as is anything after a comma. Three words at least: two may be
    a person's, with a surname some bodies' names end with ("Yours faithfully, Fiona Academy" under "I think
    phones should be banned", "Declan School / Bursar" had become organisations of those names). Not
    opening with what may be a person's name, as schools' names may not (`_school_name`: "Priya Lindqvist
    Eastmoor Infant School")."""
    words = name.split()
    return (len(words) >= 3 and "," not in name and bool(R.BODY_LAST.search(name))
            and any(_own_word(word) for word in words[:-1]) and not R.TITLES.match(name)
            and not R.person_shaped(name) and _label(name) != "PERSON"
            and not (len(words) >= 4 and _may_name_person(" ".join(words[:2]))))


def _own_word(word: str) -> bool:
    """A capitalised word that is no common English word ("Ashford", "Macmillan"; not "General", "Peer"):
    without spaCy's word list, none is."""
    word = word.strip("'’.")
    return bool(re.fullmatch(rf"[{R.UP}][\w'’-]+", word)) and common_word(word) is False


def _school_name(name: str) -> bool:
    """A school's name ("Hollybrook Primary School"), not opening with what may be a person's name ("Priya
    Lindqvist Eastmoor Infant School", "Sir John Cass Primary School": withheld, as a person's may be)."""
    words = name.split()
    return bool(R.SCHOOL_NAME.search(name)) and not R.TITLES.match(name) and not (
        len(words) >= 4 and _may_name_person(" ".join(words[:2])))


# A form's answer that declines to say or does not know ("Prefer not to say", "Not stated", "Don't know")
_DECLINED = re.compile(r"(?i)^\W*(?:(?:i(?:['’]d| would)? )?(?:prefer|rather|choose|wish) not\b"
                       r"|not (?:stated|given|known|specified|sure|applicable)\b"
                       r"|(?:i )?do(?:n['’]?t| not) know\b|unknown\b|undisclosed\b|declined?\b|withheld\b"
                       r"|n/?a\W*$|none\W*$|-+\W*$)")


def _read_form(doc: Document, board: _Board) -> None:
    for label, value, source in R.form_fields(doc):
        key = R.fold(label)
        answers_kind = R.RESPONDING_AS.search(key) or R.FORM_TYPE_LABEL.search(key)  # ("... on behalf of an
        # organisation?": "Individual" is its answer, no placeholder of an organisation's name)
        if not value.strip() or (R.FORM_ORG_LABEL.search(key) and not answers_kind
                                 and R.fold(value) in R.PLACEHOLDERS):
            continue
        if R.RESPONDING_AS.search(key):
            if _DECLINED.search(value):
                continue  # "Prefer not to say": neither a person's nor an organisation's answer
            kind = "individual" if re.search(r"individual|personal", value, re.IGNORECASE) \
                or R.PERSON_ROLE_ANSWER.search(value) else "organisation"  # ("A tenant": a person's role)
            board.add("kind", kind, source, 100)
            board.add("type", R.form_type(value) if kind == "organisation" else "individual", source, 95)
            board.add("type-said", value if kind == "organisation" else None, source, 95)
        elif R.FORM_TYPE_LABEL.search(key):
            rtype = R.form_type(value)
            board.add("type", rtype, source, 100)
            board.add("type-said", value, source, 100)
            if rtype:
                board.add("kind", "individual" if rtype == "individual" else "organisation", source, 100)
        elif R.FORM_ORG_LABEL.search(key):
            board.add("organisation", R.clean_org(value), source, 100)
        elif key in R.FORM_NAME_LABELS:
            board.add("name", value, source, 100)
        elif key in R.FORM_ROLE_LABELS:
            board.add("role", value, source, 100)
        elif key in {"email", "e mail", "email address", "e mail address"} and "@" in value:
            board.add("type", R.domain_type(value), "hint:email-domain", 40)


_DISPLAY_PARTS = re.compile(r"[ \t]+[-–—|/][ \t]+|[ \t]*[(),;][ \t]*")


def _display_parts(display: str) -> tuple[str, str | None]:
    """A display name that joins a person's name to their body or role ("Jane Smith, Home Office", "Priya
    Dunmore - School Nurse", "Jane Dunmore (St Thomas' Hospital)"): (the body's part, or "" when the rest
    is a role; the person's name). Any other display name is itself, with no person."""
    parts = [p for p in _DISPLAY_PARTS.split(display) if p.strip()]
    if len(parts) < 2 or len(parts) > 4:
        return display, None
    people = [p for p in parts if len(p.split()) >= 2 and not _role_only(p.strip()) and (
        _is_person(p) or (not R.ORG_WORDS.search(p) and _may_name_person(p)))]
    if not people:
        roles = [p for p in parts if _role_only(p.strip())]
        bodies = [p.strip() for p in parts if p not in roles and R.ORG_WORDS.search(p)]
        if roles and len(bodies) == 1 and len(roles) + 1 == len(parts):
            if (_may_name_person(bodies[0]) or _label(bodies[0]) == "PERSON") \
                    and not R.ORG_WORDS.match(bodies[0]):
                # (a name opening with its body's word is a body's, spaCy's PERSON no veto: "Ysgol Gynradd
                # Cwm Eithin", the Welsh "X Primary School")
                return "", bodies[0]  # "Volunteer, Mary Church": a person's name is never published as a body
            return bodies[0], None  # "Clerk, Little Brampton Town Council": the body, by its role's holder
        return display, None
    bodies = [p for p in parts if p not in people and not _role_only(p) and R.ORG_WORDS.search(p)]
    return (bodies[0] if len(bodies) == 1 else ""), people[0]


def _read_email(email: Document, board: _Board, forwarded: str | None, body: str = "") -> None:
    """From display name (a person, or an organisation's shared mailbox) and the sender's domain. A webmail
    sender whose letter speaks as "I" names no organisation: "Grace Church <grace.church@btinternet.com>"
    is a person."""
    singular, plural = _voice(body)
    personal = (singular >= 3 and singular > 2 * plural) or (singular >= 2 and not plural)
    headers = ((forwarded, "email:forwarded-from", 90), (email.metadata.get("from"), "email:from", 80))
    for header, source, weight in headers:
        if not header:
            continue
        display, address = R.parse_from(header)
        last_first = re.match(r"^([^,\s]+),\s*([^,]+)$", display)
        display = f"{last_first[2]} {last_first[1]}" if last_first and not _role_only(last_first[1]) \
            else display  # Outlook "Smith, Jane" (not "Clerk, Little Brampton Town Council")
        webmail_person = bool(display and personal and address and R.is_webmail(address)
                              and len(display.split()) <= 2)  # ("Westvale Baptist Church" is a body's)
        if webmail_person:
            board.add("person", display, source, 0)  # (vetoes the same name signed or at the letterhead)
        display, person = _display_parts(display)
        if person:
            board.add("name", person, source, weight)  # ("Jane Smith, Home Office": never the body's name)
        if display and R.ORG_WORDS.search(display) and R.valid_org(display) and not webmail_person:
            # a team's mailbox: the body it is part of outranks it where the papers name that ("Children's
            # Services Policy" for Westshire County Council)
            unit = R.DEPARTMENT_MAILBOX.search(display) is not None
            board.add("organisation", R.clean_org(display), source, UNIT_MAILBOX if unit else weight)
        elif display and _is_person(display):
            board.add("name", display, source, weight)
        if address:
            board.add("type", R.domain_type(address), "hint:email-domain", 40)
            if R.is_webmail(address):
                board.add("individual", "webmail", "hint:email-domain", 10)
            elif re.search(r"\.org(\.uk)?$", address.replace(".example", "")):
                board.add("type", "charity", "hint:email-domain-org", 15)


def _read_head(lines: list[str], board: _Board, org: OrgSink, text: str = "",
               running: Sequence[str] = ()) -> None:
    """Letterhead, home address, title lines ("X: response to ...") and "submitted by X" lines. A title's
    name is judged once per line and name, on the text's two ends (where a legal form or "we are a charity"
    is written): a line repeating it thousands of times is read in linear time. `running`: the first page's
    running lines, which its reader took out of the text (a letterhead naming the body on every page)."""
    content = [ln for ln in lines[:12]
               if not (R.SKIP_HEAD.match(ln) or R.BYLINE.match(ln) or R.CREDITS.match(ln))]
    heads: list[tuple[str | None, str]] = []  # a letterhead's name, and the line below it
    read = [(line, "") for line in running] + [
        (line, content[n + 1] if n + 1 < len(content) else "") for n, line in enumerate(content[:3])]
    for line, below in read:  # letterhead: one of the first lines is only a name
        care_of = _CARE_OF.match(below)
        if (body := _body_care_of(f"{line} {below}" if care_of else line, text)) is not None:
            heads.append((body, ""))  # "Eastmoor Fuel Bank c/o St Mark's Church Hall, Eastmoor EM2 8PL"
            continue
        if _opens_address(line, below):
            continue  # "Church House" / "14 Mill Lane", "Church Lane" / "Leeds LS8 5QT": a home's address
        first = _bilingual_name(line) or re.split(r" [—|-] ", " ".join(line.split()))[0]  # (single spaces:
        # linear on long runs)
        role, comma, rest = first.partition(", ")
        first = rest if comma and _role_only(role) else first  # "Chair, Westvale Trust"
        if _is_org_line(first):
            heads.append((R.clean_org(re.sub(r"\s*\([^)]*\)\s*$", "", first)), below))
        elif (strapped := _name_and_strapline(line)) is not None:  # "Neurodiversity in Justice - a charity
            heads.append(strapped)  # for autistic people ...": the strapline says the name is a body's
        elif (plain := _plain_name(first)) and _under_is_address(below) \
                and _speaks_as_body(text[:HEAD_CHARS]):  # "Victims' Voice Wyvern" / "PO Box 2231, ..." and
            heads.append((plain, ""))  # "We are a peer support group": no home's address, a body's letterhead
        else:  # "Association of Probation Leaders 1 Temple Row, ... B2 5LG", "University of Kelsham, Kelsham
            heads.append((_body_before_address(first) or _body_before_town(first), ""))  # KL1 3UE"
    for i, (head, below) in enumerate(heads):
        parent = heads[i + 1][0] if i + 1 < len(heads) else None
        if head and parent and _UNIT.match(head) and _ACADEMIC_BODY.search(parent) \
                and not _ACADEMIC_BODY.search(head):
            heads[i + 1] = (None, heads[i + 1][1])  # "Centre for Urban Mobility" / "University of Kelsham":
            head = f"{head}, {parent}"  # the university's centre, named as one ("Centre for Urban Mobility,
            # University of Kelsham"; alone, the centre's name said no kind of body)
        if head:
            org(head, "text:letterhead", 30)
            strap = " ".join(below.split())
            if _STRAPLINE.match(strap) and len(strap.split()) <= 20:  # "A charity working with ..."
                _says_it_is(board, strap, "rule:text-strapline", 50, about=head)
    home = [i for i, ln in enumerate(lines[:8]) if R.HOME_ADDRESS.search(ln) or R.POSTCODE.search(ln)]
    lettered = {R.fold(head) for head, _ in heads if head}
    if home and not any(_CARE_OF.search(ln) for ln in lines[: home[0] + 1]) \
            and not any(_is_org_line(ln) or R.fold(R.clean_org(ln)) in lettered for ln in lines[: home[0]]) \
            and not _body_before_address(lines[home[0]]):  # (a body's address under or on its letterhead's
        # line is no home address)
        board.add("individual", "home-address", "text:home-address", 20)
    ends = text[:HEAD_CHARS] + "\n" + text[-HEAD_CHARS:]
    judged: dict[tuple[str, str, str], bool] = {}
    for line in lines[:8]:
        names = 0
        for seen, title in enumerate(R.TITLE_WORD.finditer(line)):  # (each reads 200 characters: linear)
            before = _before(line, title.start())
            name = R.org_suffix(before)
            if not name:
                continue  # (not counted: "Consultation response – Call for evidence: views ...")
            names += 1
            if names > TITLES_PER_LINE:
                break
            if (key := (name, line, _word_before(before, name))) not in judged:
                judged[key] = _title_names_person(name, line, key[2], ends)
            if seen >= TITLES_PER_LINE and (_may_be_person(name) or R.person_shaped(name, line)):
                continue  # deep in a long title ("... – Submission – Ikechukwu Obi response"), a name that
                # may be a person's is never published, whatever the paper says it is ("As a charity, we")
            if re.search(r"\b(?:I|my)\b", before) or judged[key] or _opens_sentence(name, line):
                continue  # not "I support X's response", nor "Jane Smith: response to ..." (a person's)
            org(name, "text:title", 45)
    tail = [ln for ln in lines[-15:] if len(ln) < 120 and re.search(r"\bon behalf of\b", ln, re.IGNORECASE)]
    for line in lines[:HEAD_LINES] + tail:
        _read_response_of(line, board, org)


def _read_response_of(line: str, board: _Board, org: OrgSink, prefix: str = "text") -> None:
    """A line saying whose response it is ("Response from X", "Submitted by X", "on behalf of X"), in the
    text or an e-mail's subject (`prefix` "email": "Library review - response from Age Concern Hafren Vale",
    its sender a person of the body)."""
    found = R.response_line(line)
    client = _CLIENT.match(found["rest"]) if found and "behalf" in found["kw"].lower() else None
    name = R.org_prefix(found["rest"][client.end() if client else 0 :]) if found else None
    behalf = R.BEHALF.search(line) if found and not client and "behalf" in found["kw"].lower() else None
    if behalf and (listed := R.body_list(behalf["list"])):
        name = listed[0]  # "on behalf of A, the B and C": A leads (`_read_joint`), not the list as a name
    if found and (joint := R.JOINT.search(line)):  # "joint response from A, B and Jane Smith": the lead
        name = next((n for n in R.split_org_list(joint["list"]) if not _is_person(n, strict=True)), None)
        lead = _JOINT_LEAD.split(joint["list"].strip(), maxsplit=1)[0].strip()
        if name and R.org_prefix(lead) is None and not _may_be_person(_uncapped(lead)):
            name = None  # a lead no rule reads ("Shelter and Crisis"): no partner takes its place
    whole = found["rest"].strip(" .,;:") if found else ""
    if name and _joins_person(name):
        name = None  # "on behalf of Jane Smith and Hope Trust": not one body's name
    if name and _cut_from_person(name, whole):
        name = None  # "Submitted by Juan de los Santos": not "Juan"
    if name and _may_be_person(_uncapped(name)) and not (behalf and ends_as_body(name)):  # (a list's lead
        # ending as bodies' names end is a body's: "on behalf of Millbrook Community Support and ...")
        board.add("maybe-person", name, f"{prefix}:response-of", 0)  # "Response from Renée Gagné",
        # "Response from KEZIA FEATHERSTONE": published only if the papers say they are from a body
        # (`_profile`)
    if found and name and not _is_person(name, strict=True):
        kw = found["kw"].lower()
        source = "submitted-by" if kw.startswith("submitted") else None
        source = source or ("on-behalf-of" if "behalf" in kw else "response-of")
        if client is not None:  # an agent's representations "on behalf of our client X": X responds
            org(name, f"{prefix}:on-behalf-of-client", 85)  # (over the agent's letterhead, sign-off,
            # mentions)
        elif not R.person_shaped(_uncapped(whole)):  # "Submitted by Jan van der Berg", "on behalf of Le
            org(name, f"{prefix}:{source}", 50)  # Quang Minh": shaped as only people's names are (as are
            # "La Poste", "Les Amis de la Terre" and "Caixa Geral de Depósitos", not published on this
            # line alone)


def _plain_name(line: str) -> str | None:
    """A line that is only a capitalised name (2-6 words) that is no person's ("Victims' Voice Wyvern",
    "Neurodiversity in Justice"), nor a house's or a street's."""
    line = " ".join(line.split()).strip(" ,")
    name = R.org_prefix(line)
    if not name or R.fold(name) != R.fold(R.clean_org(line)) or not 2 <= len(name.split()) <= 6:
        return None
    if _may_name_person(name) or _label(name) == "PERSON" or R.TITLES.match(name) or _house_or_street(name) \
            or R.HOME_ADDRESS.search(name) or R.POSTCODE.search(name):
        return None
    return name


def _name_and_strapline(line: str) -> tuple[str, str] | None:
    """A letterhead's name and strapline on one line, "Name - a charity for ...": the name, when the
    strapline says what kind of body it is, and the strapline."""
    parts = re.split(r" [—–|-] ", " ".join(line.split()), maxsplit=1)
    if len(parts) < 2 or len(parts[1].split()) > 20 or not _STRAPLINE.match(parts[1]):
        return None
    name = _plain_name(parts[0])
    return (name, parts[1]) if name and R.is_a_type(parts[1]) not in (None, "individual") else None


_PO_BOX = re.compile(r"(?i)p\.?\s?o\.?\s+box\b")  # an address's "PO Box 2231" (a box, no street)


def _under_is_address(line: str) -> bool:
    """The line under a letterhead's name is an address: a street's with a number, a PO box, a postcode."""
    return bool(R.HOME_ADDRESS.search(line) or R.POSTCODE.search(line)
                or _PO_BOX.match(line.strip()))


_CLIENT = re.compile(r"(?:our|my)\s+(?:client|clients|principal)s?,?\s+", re.IGNORECASE)  # "on behalf of
# our client Greenvale Homes Ltd": a planning agent writing for the body that responds


def _is_department(name: str, department: str) -> bool:
    """`name` is the consultation's department, or a body it names ("National Offender Management Service
    (Ministry of Justice)": either, or "NOMS"); not a body whose name is a word of it ("JUSTICE")."""
    key = R.org_key(name)
    parts = [p for p in re.split(r"[()\[\],;/]|\s[-–—]\s", department) if p.strip()]
    return any(key in (R.org_key(p), R.acronym(p)) for p in (department, *parts))


def _opens_sentence(name: str, line: str) -> bool:
    """A verb's "-ing" form opening a sentence, not a body's name before its title word ("Giving evidence
    by video link made it bearable." named a victim's e-mail "Giving")."""
    rest = line.lstrip()[len(name):]
    return (" " not in name and name.lower().endswith("ing") and line.lstrip().startswith(name)
            and not rest.startswith(("'s", "’s")) and line.rstrip().endswith((".", "!", "?"))
            and len(line.split()) >= 5)  # ("Boeing's response to the consultation." names Boeing)


def _joins_person(name: str) -> bool:
    """A name read after "on behalf of" or "response from" that joins a person's name to a body's ("Jane
    Smith and Hope Trust", "Hope Trust, Dr Ann Lee"): never published as one body's name. (A person's by a
    title or spaCy, as in joint lists: "Food and Rural Affairs" is DEFRA's.)"""
    if not (_JOINED.search(name) or "," in name):
        return False
    return any(_is_person(item, strict=True) for item in re.split(r"\s*,\s*|\s+(?:and|&)\s+", name) if item)


def _cut_from_person(name: str, whole: str) -> bool:
    """`name` was read from the start of `whole`, a name that may be a person's ("Juan" of "Juan de los
    Santos", "Dafydd" of "Dafydd ap Rhys"): neither is published."""
    return name != whole and whole.startswith(name) and _may_name_person(whole)


def _before(line: str, end: int, chars: int = 200) -> str:
    """The `chars` before `end` in `line`, from a word's start: a title word's name is read from there, not
    from the line's start (each title word reading the whole line before it is quadratic in its words)."""
    if end <= chars or line[end - chars - 1].isspace():
        return line[max(0, end - chars) : end]
    return line[end - chars : end].partition(" ")[2]  # (the first word, cut in two, is dropped)


def _word_before(before: str, name: str) -> str:
    """The word before `name` at the end of `before` ("" at the start)."""
    words = before.split()
    return words[-len(name.split()) - 1] if len(words) > len(name.split()) else ""


def _title_names_person(name: str, line: str, previous: str, text: str) -> bool:
    """A title line's name that may be a person's ("Jane Smith: response ...", "Aoife Brennan's response"):
    shaped as a person's, or a person's to spaCy in the line, or one that could be a person's and spaCy does
    not call an organisation in the line (alone, it calls "Ikechukwu Obi" one), in a paper whose writers do
    not say they are a body ("As a trade union, we ..."), or the last word of a name the title line writes
    in full ("Smith, Jane", "Juan de los Santos", "Dafydd ap Rhys": `org_suffix` stops at the comma or the
    particle)."""
    if R.person_shaped(name, text) or _is_person(name, strict=True):
        return True
    in_line = {lb for a, b, lb in _ents(line) if line[a:b] in name or name in line[a:b]}
    if "PERSON" in in_line and not R.looks_like_body(name):
        return True  # "Aoife Brennan's response": spaCy knows "Brennan" in the line, not the name alone
    if _may_be_person(name) and "ORG" not in in_line and not _speaks_as_body(text[:HEAD_CHARS]):
        return True  # ("Bolt-Hansen Logistik response": ORG in the line; the isolated "Ikechukwu Obi" is
        # ORG to spaCy too, so the name alone is not asked; nor does a legal form after it count)
    return R.person_like(name) and (previous.lower() in R.PARTICLES
                                    or bool(re.fullmatch(rf"[{R.UP}][\w'’-]*,", previous)))


def _speaks_as_body(head: str) -> bool:
    """The writers say what body they are ("We are a charity", "As a trade union, we", "we represent")."""
    if R.WE_CHARITY.search(head) or R.WE_REPRESENT.search(head):
        return True
    own = (R.RELATIVE.split(we["desc"] or we["as"], maxsplit=1)[0] for we in R.WE_ARE.finditer(head))
    return any(R.is_a_type(description) for description in own)


def _sentences(text: str) -> list[str]:
    """Sentences and lines (a PDF's line is often a heading or a name, never part of a sentence's subject)."""
    out: list[str] = []
    for line in text.split("\n"):
        pending = ""
        for piece in re.split(r"(?<=[.!?])(?<!\b[Nn]o\.)\s+(?!\d)", line):  # (not "charity no. 1099999")
            if _NAME_START.fullmatch(piece.strip()):
                pending += piece.strip() + " "  # "J. R. Hartley welcomes": not "J.", "R.", "Hartley welcomes"
                continue
            if (piece := (pending + piece).strip()):
                out.append(piece)
            pending = ""
        if pending.strip():
            out.append(pending.strip())
    return out


# A piece before a sentence-like end that is only the start of a name (initials, a title, first names and
# initials: "J.", "Prof.", "Sarah J."): the next piece is the same sentence ("We prefer Option B." is not)
_NAME_START = re.compile(rf"(?:(?:Dr|Mr|Mrs|Ms|Prof|St|Revd|Cllr)\.|[{R.UP}]\.)"
                         rf"|(?:[{R.UP}][a-zà-ÿā-ž]+\s+){{0,2}}(?:[{R.UP}]\.\s*)+")


# bodies' words that are also people's surnames or given names ("Mary Jane Church", "Sarah Jane Office")
_SURNAME_BODY_WORDS = {"church", "bank", "office", "union", "chambers", "bench", "trust", "meeting", "forum"}


def _read_subject(sentence: str, board: _Board, org: OrgSink, source: str = "text:subject",
                  weight: float = 35) -> None:
    """A sentence whose subject is an organisation ("X welcomes ...", "Founded in 1990, X is a non-profit
    ..."): the organisation, and what it says it is, from the predicate or an appositive ("X, a ..., is")."""
    if R.VALEDICTION.match(sentence):
        return  # "Best wishes," is no body that wishes
    lead_in = R.LEAD_IN.match(sentence)
    sentence = R.LEAD_IN.sub("", sentence)
    article = R.ARTICLE.match(sentence)
    sentence = sentence[article.end():] if article else sentence
    name, rest = R.split_acronym_subject(sentence)
    if not name:
        name, rest = R.split_org_prefix(sentence)
    if not name:
        return
    if article and re.match(r"L(?:a|e|es)\s", article[0]) and (_may_be_person(article[0] + name)
                                                               or R.person_shaped(article[0] + name)):
        return  # "Le Roux welcomes ...", "Les Dawson is ...": an article that opens people's names too
    aside = re.match(r"\([^()]{1,80}\)\s*", rest)  # "X (registered charity no. 1099999) campaigns ..."
    if aside and R.REG_CHARITY.search(aside[0]):
        board.add("type", "charity", "rule:text-charity", 55, about=name)
    rest = rest[aside.end():] if aside else rest
    apposition = R.APPOSITION.match(rest)
    said = apposition[0] if apposition else ""
    rest = rest[len(said):]
    if R.IS_CHARITY.match(rest):
        if R.person_shaped(name, sentence):
            return  # "Maria do Carmo Silva is a registered charity ...": a person's name is not published
        org(name, "text:registered-charity", 45)
        board.add("type", "charity", "rule:text-charity", SAYS_CHARITY, about=name)  # says so itself
        board.add("type-described", R.what_it_is(said + rest), "rule:text-charity", SAYS_CHARITY, about=name)
        return
    verb, registered = R.VERB.match(rest), R.REGISTERED.match(rest)
    if not verb and article and re.match(r"(?i)we,?\s+at\b", article[0]) and re.match(r"[a-z]", rest):
        verb = re.match(r"", rest)  # "We at X have read ...": whatever the writers do, X is their body
    if not verb and R.org_type(name) and len(name.split()) >= 2:  # "Hartley & Cole Estate Agents manage ..."
        verb = R.PLURAL_VERB.match(rest)
    words = name.split()
    named_body = R.ORG_WORDS.search(name) and len(words) >= 3 and (  # ("Uplands Chamber of Commerce",
        re.search(r"\s(?:of|for|de|des|del|do|dos|da|das|di)\s", name)  # "Joseph Rowntree Foundation":
        or words[-1].lower() not in _SURNAME_BODY_WORDS)  # spaCy's PERSON is no veto; on "Mary Jane
    # Church" it is)
    if not (verb or registered) or R.TITLES.match(name) or (_subject_label(sentence) in _NOT_ORG
                                                             and not named_body):
        return  # not said of a body, or said of a person or a place
    if R.PLACE_SAID.match(rest):
        return  # "Millbrook is a small village and ...": a place, not a body
    describes = source != "text:subject" or lead_in or R.IS_A.match(rest)  # who X is, rather than a view
    unsure = (_may_be_person(name) and (describes or len(name.split()) >= 3)
              and _subject_label(sentence) != "ORG"
              and not (len(name.split()) >= 3 and R.SERVES_MANY.match(rest)
                       and _subject_label(sentence) != "PERSON"))  # "Carers Together Northam supports
    # 2,300 unpaid carers": three words or more serving many are a body's name (two may be a person's)
    unsure = unsure or (R.PERSONS_VERB.match(rest) is not None and _may_name_person(name)
                        and not (len(words) >= 3 and R.SERVES_MANY.match(rest)))  # "Grace Hill agrees
    # that ...": spaCy reads many people's names as ORG or nothing; a person's is not published on a verb
    # people use as much as bodies (but "X Community Kitchen serves 400 meals a week")
    if (R.person_shaped(name, sentence) or unsure) and not R.SAYS_BODY.match(said + " " + rest):
        return  # "Aoife Brennan is an independent consultant", "Jean-Luc Picard welcomes ...", "Anne-Marie
        # Dupont de la Tour welcomes ...", "Ana María García López welcomes ...": spaCy misses many names; a
        # person's is not published on a guess (but "X, a not-for-profit company ..." is a body)
    if verb:
        org(name, source, weight)
        if R.REPRESENTS.match(rest):
            board.add("type", "representative_body", "rule:text-represents", 50, about=name)
        else:
            described = said + (" " + rest if R.IS_A.match(rest) else "")
            _says_it_is(board, described, "rule:text-is-a", 50, about=name)
    else:  # "X a not-for-profit company registered in England" (a footer)
        org(name, "text:registered", 40)
        _says_it_is(board, said + " " + rest, "rule:text-registered", 60, about=name)


# a public body's own words, though "not-for-profit" ("X NHS Foundation Trust is a not-for-profit, public
# benefit corporation"): no charity in its own words over its name's keyword
_PUBLIC_SECTOR = re.compile(
    r"(?i)\bpublic\s+(?:benefit\s+corporation|body|authority|sector)|\bstatutory\b|\bNHS\b")


def _says_it_is(board: _Board, description: str, source: str, weight: float,
                about: str | None = None) -> None:
    """What a body says it is: the built-in type it names, and its words (for a consultation's own types,
    `_choose_type`). A charity or non-profit, in its own words, outweighs its name's keyword
    (`SAYS_CHARITY`); other kinds do not ("X Trust is a company limited by guarantee" stays a charity)."""
    kind = R.is_a_type(description)
    says = kind == "charity" and not _PUBLIC_SECTOR.search(description)
    board.add("type", kind, source, max(weight, SAYS_CHARITY) if says else weight, about=about)
    board.add("type-described", R.what_it_is(description), source, weight, about=about)


def _read_sentences(head: str, board: _Board, org: OrgSink) -> None:
    """Opening sentences whose subject is an organisation, and the writers' own words for their body
    ("we are a charity", "as a trade union, we ...")."""
    for sentence in _sentences(head):
        _read_subject(sentence, board, org)
    for we in R.WE_ARE.finditer(head):
        own = R.RELATIVE.split(we["desc"] or we["as"], maxsplit=1)[0]  # not "... whose children attend X"
        _says_it_is(board, own, "rule:text-we-are", 50)
    for writes in R.WRITES_AS.finditer(head):  # "I write as chair of the X Residents' Association"
        name = R.org_prefix(re.split(r"[.;:!?](?:\s|$)", writes["rest"], maxsplit=1)[0])  # (its sentence)
        name = _IN_PLACE.sub("", name) if name else None  # "... Association in Westbrook": the body
        if name and (R.ORG_WORDS.search(name) or ends_as_body(name)) and not (
                _is_person(name, strict=True) or R.person_shaped(_uncapped(name))):
            org(name, "text:writes-as", 50)
            board.add("role", writes["role"].capitalize(), "text:writes-as", 40)
    if R.WE_PEOPLE.search(head):  # "We are a family of four": people writing together, not a body
        board.add("individual", "we-people", "text:we-people", 30)
    for such in re.finditer(r"\bcharities such as (?:the )?([^.,:;]+)", head, re.IGNORECASE):
        board.add("type", "charity" if R.org_prefix(such[1]) else None, "rule:text-charity", 55,
                  about=R.org_prefix(such[1]))
    if R.WE_CHARITY.search(head):
        board.add("type", "charity", "rule:text-charity", 55)
    if R.WE_REPRESENT.search(head):
        board.add("type", "representative_body", "rule:text-represents", 45)
    if R.WE_SUPPORT.search(head):  # "the older people we support": over "our members" (a charity's members)
        board.add("type", "charity", "rule:text-we-support", 50)
    if R.PERSONAL.search(head):
        board.add("individual", "personal", "text:personal-capacity", 70)


# a place after a body's name, as a sentence gives where it is ("the X Residents' Association in Westbrook")
_IN_PLACE = re.compile(rf"(?<=\w)\s+in\s+[{R.UP}][\w'’-]*(?:\s+[{R.UP}][\w'’-]*)?$")


def _read_sign_off(lines: list[str], board: _Board, org: OrgSink) -> None:
    """Name, role and organisation from the block after the last valediction (or an "on behalf of")."""
    tail = lines[-TAIL_LINES:]
    block: list[str] = []
    for i in range(len(tail) - 1, -1, -1):
        valediction = R.VALEDICTION.match(tail[i])
        if valediction and len(valediction["rest"].split()) <= 6:  # not "Thank you for your time ..."
            block = ([valediction["rest"]] if valediction["rest"] else []) + tail[i + 1 : i + 9]
            break
    else:
        for i in range(len(tail) - 1, max(-1, len(tail) - 13), -1):
            if re.search(r"\bon behalf of\b", tail[i], re.IGNORECASE) and len(tail[i]) < 150:
                block = [ln for ln in tail[max(0, i - 2) : i + 1] if len(ln.split()) <= 12]
                break
        else:  # no closing words: a last line "Jane Ellery, Chief Executive, X" signs all the same, and so
            # does a last line of a person's name alone under a letter ("David Okafor"), its contact lines
            # under it ("Gareth Lloyd" / "gareth.lloyd@example.net")
            end = len(tail)
            while end > max(0, len(tail) - 3) and len(tail[end - 1]) < 80 \
                    and R.CONTACT_LINE.search(tail[end - 1]):
                end -= 1
            last = tail[end - 1] if end else ""
            sender = {R.fold(c.value) for c in board.claims.get("name", []) if c.source.startswith("email:")}
            signs = last and (_person_role_org(last) or (
                end > 2 and _signed_name(last) and (_label(last) == "PERSON"  # (not "Voluntary Action
                                                    or R.fold(last) in sender  # Millbrook"; the e-mail's
                                                    or R.FILE_INITIALS_NAME.fullmatch(last))  # "J. Mills"
                and not _CONTACT_LEAD.search(tail[end - 2])))  # sender; not "please contact\nJane Ray")
            block = [last] if signs else _name_over_role(tail[:end])
    name = role = None
    cleaned = [_without_said(_without_title_after(line)) for line in block]
    for k, line in enumerate(cleaned):
        if R.CONTACT_LINE.search(line) or len(line.split()) > 14:
            if name:
                break
            continue
        signed = _person_role_org(line)
        if signed and name is None:  # "Rhiannon Dunmore, Secretary, Thornbury Parish Council"
            name, role = signed[0], role or signed[1]
            signed_for = R.listed_name(signed[2])
            org(signed_for, "text:sign-off", 20 if signed_for and _unit_of(signed_for, board) else 50)
            continue
        behalf = re.search(r"^(?P<pre>.*?)[\s,]*\bon behalf of\s+(?P<org>.+?)[,.]?$", line, re.IGNORECASE)
        pair = re.match(r"^(?P<n>[^,]+),\s*(?P<o>.+)$", line)
        body = pair["o"] if pair else ""
        if (cut := body.rpartition(","))[1] and _role_only(cut[2]):
            body = cut[0]  # "Carlos Santos, Food, Farming and Countryside Commission, Senior Researcher"
        pair_org = R.org_prefix(body) if pair and R.ORG_WORDS.search(body) else None
        if behalf:  # "Chair, Safer Communities Board on behalf of X"
            pre = behalf["pre"].strip(" ,")
            if pre and name is None and _is_person(pre):
                name = pre
            elif pre and role is None:
                role = pre
            listed = R.body_list(behalf["org"])  # "on behalf of A, B and C": A leads (`_read_joint`)
            found, whole = listed[0] if listed else R.org_prefix(behalf["org"]), behalf["org"].strip(" .,;:")
            if found and not (_is_person(found, strict=True) or R.person_shaped(_uncapped(whole))
                              or _cut_from_person(found, whole) or _joins_person(found)):
                org(found, "text:sign-off", 55)
        elif name is None and _name_and_body_word(line) and k + 1 < len(cleaned) \
                and R.looks_like_role(cleaned[k + 1]):  # "Ashley Council" / "Secretary" / ("Kestrel Bus
            name = line  # Company"): a name over its writer's role signs as a person does, not a body
            board.add("person", line, "text:sign-off", 0)  # (vetoes it as a body's name)
        elif name is None and (titled := _role_name(line)):  # "Group Manager Lisa Grant": a person
            role, name = role or titled[0], titled[1]
            board.add("person", R.TITLES.sub("", name), "text:sign-off", 0)  # (vetoes it as a body's name)
        elif (name_role := _name_role(line)) and (name is None or _is_org_line(name_role[0])):
            body = name_role[0]  # "Grace Church, Chair", "Jane Smith / Hope Trust, Chair"
            if _is_org_line(body) and (name is not None or len(body.split()) >= 3):
                org(R.clean_org(body), "text:sign-off", 50)  # "Westvale Parish Council, Clerk"
            elif len(body.split()) >= 2:
                name = body  # (signed with no other name, two words may be a person's: "Grace Church")
            role = role or name_role[1]
        elif name is None and (signed_by := _org_person(line)):  # "Hope Trust, Jane Smith"
            name = signed_by[1]
            org(R.clean_org(signed_by[0]), "text:sign-off", 50)
        elif pair and pair_org and R.looks_like_name(pair["n"]):  # "Fiona McAllister, Westvale Forum"
            if name is None and "," not in pair["o"] and _is_org_line(pair["o"]):
                org(pair_org, "text:sign-off", 45)  # (the first signatory's body; others sign as partners)
            name = name or pair["n"]
            board.add("joint", pair_org, "text:joint-signatories", 50)
        elif name is None and (_is_person(line) or R.looks_like_name(line, brands=False)  # "CeeJay Cole"
                               or R.person_shaped(line)) and not ends_as_body(line):  # "Dafydd ap Rhys",
            # "Maria do Carmo Silva"; not "Ashford Family Support"
            name = line
        elif name is not None and role is None and R.looks_like_role(line):
            head, _, rest = line.partition(", ")  # "Policy Officer, Harbourlight Trust"
            known = any(R.same_org(rest, c.value) for c in board.claims.get("organisation", []))
            role = head if rest and (known or _is_org_line(rest)) else line
            of = re.search(r"\b(?:of|at)\s+(?:the\s+)?([A-Z].+)$", line)  # "President of the X"
            if rest and _is_org_line(rest):
                org(rest, "text:sign-off", 50)
            elif of and R.ORG_WORDS.search(of[1]) and len(of[1].split()) >= 2:
                org(R.org_prefix(of[1]), "text:sign-off-role", 25)
        elif _is_org_line(line):
            head, _, rest = line.partition(", ")  # a role is no part of the name: "Chief Executive, X" is X
            body = rest if rest and R.looks_like_role(head) and _is_org_line(rest) else line
            org(R.clean_org(body), "text:sign-off", 50)
    board.add("name", name, "text:sign-off", 60)
    board.add("role", role, "text:sign-off", 60)
    addresses = [ln for ln in block if R.HOME_ADDRESS.search(ln)]  # ("14 Church Street": no church)
    office = any(_role_only(head) and rest.strip() and not _may_name_person(rest)  # (nor a service:
                 for head, _, rest in (ln.partition(", ") for ln in block))  # "Volunteer, Family Support")
    if name and not office and not R.ORG_WORDS.search(" ".join(ln for ln in block if ln not in addresses)):
        board.add("individual", "signed", "text:sign-off", 15)  # (not "Jane Smith" / "Chair, Lloyd's": an
        # office in a body, whatever its name)


def _unit_of(name: str, board: _Board) -> bool:
    """A signer's unit under a letterhead's body: a name of common words only ("Community Services",
    "Policy Team": no word of its own) where the letterhead named a body ("Servita Justice Services plc"),
    which it belongs to."""
    return len(name.split()) <= 4 and _common_words(name) and any(
        claim.source == "text:letterhead" for claim in board.claims.get("organisation", []))


def _name_over_role(tail: list[str]) -> list[str]:
    """The last lines of a letter without closing words that sign it with a name over a job title and the
    body's name ("Derek Hollins" / "Chair, Marlow Road Residents' Association", "Jane Ray" / "Clerk" /
    "Westvale Parish Council"): one or two short lines, each a role or a body's name, under a line that is
    only a name that may be a person's (not one another line leads to: "please contact" / "Jane Ray").
    Else none."""
    for size in (1, 2):
        if len(tail) < size + 2:
            break
        under, name = tail[-size:], tail[-size - 1]
        if all(len(ln) < 80 and (R.looks_like_role(ln) or _is_org_line(ln)) for ln in under) \
                and any(R.looks_like_role(ln) for ln in under) and _signed_name(name) \
                and not _CONTACT_LEAD.search(tail[-size - 2]):
            return [name, *under]
    return []


_CONTACT_LEAD = re.compile(  # a line leading to a contact's name, who does not sign ("For more information
    # please contact"; not "I am happy to answer any questions." above a signature)
    r"\b(?:contact|enquiries|queries)\b[^.!?]{0,20}[:,]?\s*$", re.IGNORECASE)
_TITLE_AFTER = re.compile(r"[ \t]*\((?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\)$")


def _without_title_after(line: str) -> str:
    """A signature's name less the title written after it ("Margaret Ellis (Mrs)"), which hid the name. (Its
    last characters only are read: a long run of spaces is read once.)"""
    end = line[-12:]
    found = _TITLE_AFTER.search(end) if line.endswith(")") else None
    return line[: len(line) - len(end) + found.start()].rstrip() if found else line


_SAID_AFTER = re.compile(r",[ \t]+(?:an?|the)[ \t][^,]{3,80}$", re.IGNORECASE)


def _without_said(line: str) -> str:
    """A signature line less what it says the body is after its name ("Chief Executive, Ferncliffe Lodge
    Resettlement Trust, a registered charity"), which hid the body's name; not a person's description
    ("Jane Smith, a parent")."""
    said = _SAID_AFTER.search(line[-90:])
    if said and (R.SAYS_BODY.match(said[0]) or R.REG_CHARITY.search(said[0])):
        return line[: len(line) - len(said[0])].rstrip()
    return line


def _signed_name(line: str) -> bool:
    """A line that is only a name that may be a person's, not a street's ("Mill Lane"): a letter's writer
    signing under it without closing words."""
    name = _without_title_after(line)
    return _may_be_person(name) and not R.STREET_LAST.search(name) and R.looks_like_name(name, brands=False)


_FAMILY = re.compile(r"\b(?:our|my) (?:(?:two|three|four|young|little|grown-up|adult|elderly) )?(?:family"
                     r"|sons?|daughters?|children|kids|boys|girls|grandsons?|granddaughters?|grandchildren"
                     r"|husband|wife|partner|mother|father|parents|brothers?|sisters?)\b", re.IGNORECASE)


def _file_names_person(source: str) -> bool:
    """The file's name is a person's, as intake teams name post after its writer ("J Rowe.txt", "M Iqbal
    response.docx", "Letter from Sarah Jennings.docx"): weak evidence of an individual for a paper that
    names nobody (the name itself is never taken from it)."""
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", re.split(r"[/#]", source)[-1])
    for part in re.split(r"[ \t]+[-–—][ \t]+|_", stem):
        name = R.FILE_PAPER_WORDS.sub("", part.strip()).strip()
        if R.FILE_INITIALS_NAME.fullmatch(name) or (len(name.split()) <= 3 and _signed_name(name)
                                                    and _label(name) == "PERSON"):  # (not "Local Plan")
            return True
    return False


def _read_bylines(lines: list[str], board: _Board, org: OrgSink) -> None:
    """Author bylines and credit lists ("Authors / Jane Roe, Li Wei / Policy Unit, X", "Contributors ...",
    "Kaspar Jensen*" under a title): their names are people (kept to veto them as organisations), an
    author's byline is weak evidence of a paper written in a person's own name, and the line right under
    the authors is their affiliation."""
    head = lines[:BYLINE_LINES]
    for i in range(len(head)):
        names, after, authors = _byline(head, i)
        for name in names:
            board.add("person", name, "text:byline", 0)
        if names and authors:
            board.add("individual", "byline", "text:byline", 25)
            board.add("name", names[0] if len(names) == 1 else None, "text:byline", 30)
            if after < len(head) and _is_affiliation(head[after]):
                org(R.org_prefix(head[after]), "text:byline-affiliation", 35)


def _byline(head: list[str], i: int) -> tuple[list[str], int, bool]:
    """(names, index of the line after them, whether they are the authors) of a byline or credit list
    at line `i` of the opening lines: a label ("Authors", "Contributors:") with names after it or on the
    lines below, or a name with a footnote mark; no names when there is neither."""
    line = head[i]
    label = R.BYLINE.match(line) or R.CREDITS.match(line)
    if label is None:
        marked = i < OPENING_LINES and R.FOOTNOTE_MARK.search(line)
        return (R.person_names(line) if marked else []), i + 1, True
    names, j = R.person_names(label["rest"], some=True), i + 1  # "Authors: Jane Smith, Westvale Trust"
    while not label["rest"] and j < len(head) and (more := R.person_names(head[j])):
        names, j = names + more, j + 1
    return names, j, label.re is R.BYLINE


def _is_affiliation(line: str) -> bool:
    """The line under a byline names the authors' organisation when it is a name and nothing else, that
    says it is a body (an organisation word, or spaCy's ORG), and is not a name that may be a person's
    ("Jan van der Berg", another author)."""
    name = R.org_prefix(line)
    if not name or R.fold(name) != R.fold(line):
        return False
    if R.looks_like_name(line) or _is_person(line) or R.person_like(line):
        return False
    return R.looks_like_body(name) or _label(name) == "ORG"  # (an organisation word or an acronym)


def _read_about(text: str, board: _Board, org: OrgSink) -> None:
    """An "About X" / "About us" section, wherever it is (often last): the body describing itself. Under
    "About X" only X counts as the subject: the section may go on to name its members or partners."""
    for heading in re.finditer(r"[^\n]+", text):  # (line by line: a pattern over the text is quadratic)
        line = heading[0].strip()
        about = R.about_heading(line) if len(line) <= 120 else None
        if about is None:
            continue
        section = text[heading.end() : heading.end() + ABOUT_CHARS]
        label = _label(about) if about and _may_be_person(about) else None
        if about and _may_be_person(about) and (label != "ORG" or R.person_shaped(about, line + section)):
            board.add("person", about, "text:about-heading", 0)  # "About Aoife Brennan": a person's page,
            continue  # never read for an organisation ("About Lloyd's Register": a possessive, no person)

        def own(name: str | None, source: str, weight: float, about: str = about) -> None:
            if name and (not about or R.same_org(name, about)):
                org(name, source, weight)

        for sentence in _sentences(section)[:ABOUT_SENTENCES]:
            _read_subject(sentence, board, own, "text:about", 40)


def _read_footer(lines: list[str], board: _Board, org: OrgSink) -> None:
    """Copyright lines ("© 2021 X") at either end, and a registration statement at the end ("X is a company
    registered in England and Wales"). A paper with its own DOI (on a line of its own, not in a reference)
    is a published article, whose copyright line names its publisher, not its author."""
    ends = [*range(min(HEAD_LINES, len(lines))), *range(max(0, len(lines) - FOOTER_LINES), len(lines))]
    published = any(re.match(r"(?:doi\s*:\s*|https?://(?:dx\.)?doi\.org/)\S+$", line, re.I) for line in lines)
    pairs = ((lines[i], lines[i + 1] if i + 1 < len(lines) and R.REGISTERED_BODY.match(lines[i + 1]) else "")
             for i in ends)  # (a registration on the line under: "© 2021 Crisis" / "Registered charity ...")
    for line, under in dict.fromkeys(pairs) if not published else ():
        holder = R.copyright_holder(line, under) if len(line) < 200 else None
        registered = holder and R.registered_holder(holder, line + "\n" + under)  # "© 2021 Nacro. Registered"
        if holder and not (registered or R.looks_like_body(holder)) and (
                _label(holder) != "ORG" or R.person_shaped(holder)):
            holder = None  # a holder must say it is a body: "© 2021 Jan van der Berg" is a person, whatever
            # spaCy's label ("Antoine de Saint-Exupéry" reads as ORG)
        if holder and not _is_person(holder) and not R.person_shaped(holder):  # "© 2021 Jane Roe" (and,
            org(holder, "text:copyright", 35)  # alas, "© Getty Images")
    for line in lines[-FOOTER_LINES:]:
        if re.search(r"\bregistered (?:in|with|under|as)\b|\bincorporated in\b", line, re.IGNORECASE):
            for sentence in _sentences(line):
                _read_subject(sentence, board, org, "text:registered", 40)


def _common_word(name: str, text: str) -> bool:
    """A sentence's one-word subject the text also writes in lower case ("Data supports ..."): a word
    capitalised because it starts a sentence, not a name. Acronyms ("IBM") are names however the text writes
    them; a letterhead or title naming "Mind" or "Shelter" is not asked."""
    if " " in name or name.isupper():
        return False
    word = re.escape(name.lower())  # (not in an address: "www.acme.com" is the name again)
    return re.search(rf"(?<![\w\-.@/]){word}(?![\w\-@]|\.\w)", text) is not None


def _read_text(text: str, board: _Board, scale: float = 1.0, running: Sequence[str] = ()) -> None:
    """All text evidence of one text (a letter, an e-mail body, an attachment); `running`: its first page's
    running lines (`_read_head`)."""
    lines = R.lines(text)
    if not lines:
        return

    def org(name: str | None, source: str, weight: float) -> None:
        if name and R.valid_org(name) and not (source == "text:subject" and _common_word(name, text)):
            board.add("organisation", name, source, weight * scale)

    _read_head(lines, board, org, text, running)
    _read_bylines(lines, board, org)
    _read_sentences(text[:HEAD_CHARS], board, org)
    _read_about(text, board, org)
    _read_footer(lines, board, org)
    if R.REG_CHARITY.search(" ".join(lines[:8] + lines[-8:])):  # "Registered charity no." letterhead/footer
        board.add("type", "charity", "rule:text-charity", 55)
    _read_joint(text, lines, board)
    _read_sign_off(lines, board, org)
    _read_home_letterhead(lines, board, text)
    for line in lines[:OPENING_LINES]:  # spaCy: ORG entities named in the opening lines, if mentioned again
        for start, end, label in _ents(line):
            name = R.clean_org(line[start:end])
            mentions = text.lower().count(name.lower())
            if (label == "ORG" and line[start].isalnum() and mentions >= 2 and R.valid_org(name)
                    and (len(name.split()) >= 2 or R.ORG_WORDS.search(name))
                    and not (R.person_shaped(name, line) or _may_be_person(name))):  # (a running header
                org(name, "ner:org", 10 + min(15, 2 * mentions))  # "Antoine de Saint-Exupéry | Page")


def _read_home_letterhead(lines: list[str], board: _Board, text: str) -> None:
    """A person's own letterhead: a name that may be a person's though its last word is a body's ("Mary
    Church", "Jordan Trust"), over a home's address (a house's or a street's name, a postcode), on a letter
    written as "I" and signed with the same name. The name is the writer's: no body's letter is signed with
    its own name in the first person singular. It had been published as an organisation (a church)."""
    content = [" ".join(ln.split()) for ln in lines[:12] if not R.SKIP_HEAD.match(ln)]
    name = _uncapped(R.TITLES.sub("", content[0])) if content else ""  # ("Mrs Kent Association")
    if len(content) < 3 or not _person_over_body_word(name) or not _home_under(content[1:4]):
        return
    singular, plural = _voice(text)
    if not (singular >= 2 and singular > 2 * plural) or not (
            _signs_with(lines, name) or _signs_with(lines, content[0])):
        return
    board.add("person", name, "text:home-letterhead", 0)  # (vetoes it as a body's name)
    board.add("name", name, "text:home-letterhead", 55)
    board.add("individual", "home-address", "text:home-address", 20)


def _person_over_body_word(line: str) -> bool:
    """Two or three words that may be a person's name but for a last word that is a body's ("Mary Church",
    "Jordan Trust", "MERCY UNION"): a first name (or two) then a surname spelled as a body's word; not a
    saint's name ("St Mary Church")."""
    words = _uncapped(line).split()
    if not 2 <= len(words) <= 3 or not R.ORG_WORDS.fullmatch(words[-1]):
        return False
    first = " ".join(words[:-1])
    return (R.person_like(first) and not re.match(r"(?i)st\.?$|saint$", words[0])
            and not R.ORG_WORDS.search(first) and not R.ROLE_WORDS.search(first))


def _home_under(below: list[str]) -> bool:
    """The lines under a letterhead's name open a home's address: a house's or a street's name ("Rose
    Cottage", "14 Church Lane", "The Old Forge, Church Lane") or a postcode, with no body's line first."""
    first = below[0] if below else ""
    parts = [part.strip() for part in first.split(",") if part.strip()]
    if _is_org_line(first):
        return False
    return bool(R.HOME_ADDRESS.search(first) or any(_house_or_street(part) for part in parts)
                or any(R.POSTCODE.search(line) for line in below))


def _signs_with(lines: list[str], name: str) -> bool:
    """The letter is signed with `name`: one of the lines after its last closing words, or one of its last
    three lines (a signature with no closing words), is that name."""
    key = R.fold(name)
    tail = lines[-TAIL_LINES:]
    start = max((i for i, ln in enumerate(tail) if R.VALEDICTION.match(ln)), default=len(tail) - 3)
    signed = [(found["rest"] if (found := R.VALEDICTION.match(ln)) else ln)  # ("Yours faithfully, Mary
              for ln in tail[max(0, start):][:8]]  # Church" on one line)
    return any(R.fold(_without_title_after(ln)) == key for ln in signed)


def _read_joint(text: str, lines: list[str], board: _Board) -> None:
    """A joint response's bodies: "This is a joint response from A, the B and C", "submitted jointly by
    A, B and C", "... submitted jointly with B" (B a partner only), or a list of bodies a letter is sent
    "on behalf of" (at the top or under the signature, where it says so: `_sends_behalf`; a list of bodies'
    names only, `R.body_list`)."""
    joint = R.JOINT.search(text[:6000])
    for name in R.split_org_list(joint["list"]) if joint else []:
        board.add("joint", name, "text:joint-response", 50)
    joint_with = R.JOINT_WITH.search(text[:6000])  # "... submitted jointly with X": X is a partner only
    for name in R.split_org_list(joint_with["list"], lead=False) if joint_with else []:
        board.add("joint", name, "text:joint-response", 50)
    ends = text[:6000] + "\n" + "\n".join(lines[-TAIL_LINES:])
    for behalf in R.BEHALF.finditer(ends):
        for name in R.body_list(behalf["list"]) if _sends_behalf(ends, behalf.start()) else []:
            board.add("joint", name, "text:joint-response", 50)


_SENDS = re.compile(r"(?:\b(?:respon(?:se|ses|d|ds|ding)|submi(?:t|ts|tted|tting|ssion)|writ(?:e|es|ing|ten)"
                    r"|wrote|sign(?:ed|s|ing)?|sen[dt]|sending|letter|reply|representations)\b[^.\n;:]{0,40}"
                    r"|^\W*)$", re.IGNORECASE)  # a word of sending shortly before "on behalf of", or nothing


def _sends_behalf(text: str, start: int) -> bool:
    """The "on behalf of" at `start` says for whom the letter is sent: on a line of its own, after a role
    in a signature ("Chief Executive, on behalf of ...") or a word of sending ("This response is submitted on
    behalf of A and B", "I am writing on behalf of ..."); not the body's work ("we have delivered the
    mentoring service on behalf of Northshire Probation Trust and HMP Greystone": no partners of the letter).
    """
    opening = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start)) + 1
    before = text[max(opening, start - 200) : start]
    return bool(_SENDS.search(before)) or _role_only(before.strip(" ,"))


def _people(board: _Board) -> list[str]:
    """Names the text says are people's: bylines and credit lists, and titled names ("Dr Ann Lee"). An
    untitled sign-off name is not one of them: "Yours sincerely, Getty Images" signs with the company."""
    titled = [c.value for c in board.claims.get("name", []) if R.TITLES.match(c.value)]
    return [c.value for c in board.claims.get("person", [])] + titled


def _names_person(value: str, people: list[str]) -> bool:
    """An organisation candidate that is one of those people, or a single word of one's name ("Sherin"
    from "Sherin Mathew is an established thought leader ..." when a byline names Sherin Mathew)."""
    key = R.fold(value)
    for person in people:
        words = R.fold(R.TITLES.sub("", person)).split()
        if key == " ".join(words) or (len(words) >= 2 and f" {' '.join(words)} " in f" {key} "):
            return True  # ... or holds one's full name ("Authors: Jane Smith, Westvale Trust")
        if " " not in key and not value.isupper() and key in (words[0], words[-1]):
            return True
    return False


def _choose_org(board: _Board, text: str) -> tuple[_Claim | None, float]:
    """Group claims naming the same organisation; score = best weight + corroboration + mentions. A claim
    naming someone the text calls a person never counts: a person's name must not end up as an organisation
    (it is also spared from redaction)."""
    aliases = R.aliases(text)
    groups: list[list[_Claim]] = []
    people = _people(board)
    for claim in board.claims.get("organisation", []):
        if _names_person(claim.value, people):
            continue
        expanded = aliases.get(R.fold(claim.value), claim.value)
        for group in groups:
            if any(R.same_org(expanded, aliases.get(R.fold(c.value), c.value)) for c in group):
                group.append(claim)
                break
        else:
            groups.append([claim])
    best: tuple[_Claim | None, float] = (None, 0.0)
    lowered = text.lower()
    for group in groups:
        top = _fuller(max(group, key=lambda c: (c.weight, len(c.value))), group)
        corroboration = 5 * (len({c.source for c in group}) - 1)
        score = top.weight + corroboration + min(10, lowered.count(top.value.lower()))
        if score > best[1]:
            full = aliases.get(R.fold(top.value))
            acronym = full and " " not in top.value and len(top.value) <= 8  # shown by its full name
            best = (_Claim(full, top.source, top.weight) if acronym and full else top, score)
    spelled = _spelled_in(best[0].value, text) if best[0] is not None else None
    if best[0] is not None and spelled:  # "Pontnewydd WI" where the text writes "Pontnewydd Women's
        best = (replace(best[0], value=spelled), best[1])  # Institute": the name in full
    return best


def _spelled_in(name: str, text: str) -> str | None:
    """The name spelled out where the text writes it so, for a name ending in an acronym ("Pontnewydd WI":
    "Pontnewydd Women's Institute"): the same words, then capitalised words (and connectors) whose initials
    are the acronym's letters (`R.spelled_out`). None when the text never does."""
    words = name.split()
    if len(words) < 2 or not re.fullmatch(r"[A-Z]{2,6}", words[-1]):
        return None
    head = " ".join(words[:-1])
    size = len(words[-1])
    run = rf"{re.escape(head)}(?:[ \t]+(?:[{R.UP}][\w'’-]*|of|for|and|the|&)){{{size},{size + 3}}}"
    for found in re.finditer(run, text):
        candidate = found.group().split()
        for end in range(len(candidate), len(words) - 1, -1):  # (a run may go on into the next word)
            full = " ".join(candidate[:end])
            if R.spelled_out(name, full):
                return R.clean_org(full)
    return None


def _fuller(top: _Claim, group: list[_Claim]) -> _Claim:
    """The top claim under the fullest name its group gives that begins with its own and goes on to a
    body's last word, with no person's name or role in what it adds: "St Aidan's is an academy ..." names
    "St Aidan" under the letterhead "St Aidan's Catholic Academy", but "Oakfield Community Project Jane
    Pemberton" and "Kingsmere High School Headteacher" give no fuller name."""
    key = R.org_key(top.value)
    spelled = [c.value for c in group if R.spelled_out(top.value, c.value)]  # "Pontnewydd WI": the body's
    if spelled:  # name spelled out where the text gives it ("Pontnewydd Women's Institute")
        top = _Claim(max(spelled, key=len), top.source, top.weight, top.about)
        key = R.org_key(top.value)
    longer = [c.value for c in group
              if R.org_key(c.value).startswith(key + " ") and (
                  _adds_body(top.value, c.value) or (c.source in _NAMES_RESPONDENT
                                                     and _adds_unit(top.value, c.value)))]
    longer = longer or [c.value for c in group  # (not spaCy's: its entities run on into a person's surname,
                        if not c.source.startswith("ner") and _qualifies(top.value, c.value)]  # "Councillor
    # James Whitby County Council leader")
    return _Claim(max(longer, key=len), top.source, top.weight, top.about) if longer else top


_NAMES_RESPONDENT = {"text:letterhead", "text:response-of", "text:submitted-by", "text:on-behalf-of",
                     "email:response-of", "email:submitted-by", "email:on-behalf-of", "form:field"}
# the sources where a text names itself: its letterhead, "Response from X", "on behalf of X"
_UNIT_LAST = re.compile(r"(?i)\b(?:branch|region|regional\s+(?:office|committee)|section|chapter|district"
                        r"|area|county|local|cymru|wales|scotland|england|ireland)$")


def _adds_unit(short: str, full: str) -> bool:
    """`full` goes on from `short` to name a part of it, ending in a unit's or a nation's word ("UNISON Hafren
    Vale Local Government Branch", "Shelter Cymru"): the branch that responds, where the text names itself
    so. No role's or title's words ("Branch Secretary"), capitalised words only."""
    added = full.split()[len(short.split()):]
    return bool(added) and bool(_UNIT_LAST.search(added[-1])) and not R.ROLE_WORDS.search(" ".join(added)) \
        and not R.TITLES.search(" ".join(added)) and all(w[:1].isupper() or w.lower() in R.CONNECTORS
                                                         for w in added)


_AREA_WORDS = {"county", "district", "borough", "city", "town", "parish", "community", "metropolitan",
               "unitary", "combined", "regional", "local", "national", "integrated", "care"}


def _common_words(words: str) -> bool:
    """Words that are all common English words ("Sight Loss" of "Clearway Sight Loss Charity"), which a
    person's name seldom is ("Jane Pemberton"); without spaCy's word list, none are."""
    return common_word("the") is not None and all(common_word(w.strip("'’.")) for w in words.split())


def _qualifies(short: str, full: str) -> bool:
    """`full` is `short`, a kind of body named by generic words only ("County Council", "Parish Council"),
    with its place's name before it ("Northshire County Council"): a title line's "- County Council
    response" had shortened a council's name. The words before are a capitalised name's, not a person's or a
    role's."""
    words, added = short.split(), full.split()[: len(full.split()) - len(short.split())]
    generic = all(w.lower() in _AREA_WORDS or R.ORG_WORDS.fullmatch(w) for w in words)
    return (generic and bool(added) and R.org_key(full).endswith(" " + R.org_key(short)) and len(added) <= 3
            and bool(_CAPITALISED.fullmatch(" ".join(added))) and not R.ROLE_WORDS.search(" ".join(added))
            and not _may_name_person(" ".join(added)))


def _adds_body(short: str, full: str) -> bool:
    """`full` goes on from `short` to words of a body's name only, ending as bodies' names end: no role's
    words, nor a name that may be a person's before its last word, unless common words ("Clearway Sight Loss
    Charity" for "Clearway", read from the sentence "Clearway supports ...")."""
    added = full.split()[len(short.split()):]
    before_last = " ".join(added[:-1])  # ("Catholic" of "Catholic Academy", "Jane Smith" of ...)
    return bool(added) and not R.ROLE_WORDS.search(" ".join(added)) and not (
        before_last and _may_name_person(before_last) and not _common_words(before_last)) and bool(
        R.ORG_WORDS.fullmatch(added[-1]) or R.BODY_LAST.search(added[-1]) or R.SCHOOL_NAME.search(full))


def _choose_type(board: _Board, kind: str, organisation: str | None, text: str,
                 types: TypeList) -> _Claim | None:
    """A form's own answer, else the strongest of: name keywords, a legal form written after the name, what
    the text says of the body, domain. A body that is not named takes only what the writers say of their
    own body ("we are a charity"), not what the text says of others. A consultation's own types come first
    (their words in the form's answer or the name: a "bus company" is a bus operator before a company), and
    a type the consultation does not count is never chosen."""
    said = board.best("type-said") if kind == "organisation" else None  # (a person has no body's type)
    own = types.own_type(said.value) if said is not None else None
    if said is not None and own is not None:
        return _Claim(own, said.source, said.weight)
    answer = board.best("type")
    if answer is not None and answer.weight >= 95 and answer.value in types:
        return answer
    if kind != "organisation":
        return None
    claims = [c for c in board.claims.get("type", [])
              if not c.about or (organisation and R.same_org(c.about, organisation))]
    keyword = R.org_type(organisation) if organisation else None
    if keyword:
        claims.append(_Claim(keyword, "rule:name-keyword", 80))
    legal = R.legal_form_type(organisation, text) if organisation else None
    if legal:
        claims.append(_Claim(legal, "rule:legal-form", 75))
    named = types.own_type(organisation) if organisation else None
    if named:
        claims.append(_Claim(named, "rule:name-words", 90))  # (the consultation chose it: over "a charity")
    for said_of in board.claims.get("type-described", []):  # what the body says it is, in the
        # consultation's words ("X is an environmental charity", "we are a small brewery")
        described = types.own_type(said_of.value)
        if described and (not said_of.about or (organisation and R.same_org(said_of.about, organisation))):
            claims.append(_Claim(described, said_of.source, 87))  # (over the built-in "a charity")
    claims = [c for c in claims if c.value in types]
    return max(claims, key=lambda c: c.weight) if claims else None


def profile_many(docs: Sequence[tuple[Document, Document | None]],
                 types: TypeList = DEFAULT_TYPES, department: str = "") -> list[Respondent]:
    """`profile` of each (document, parent), with spaCy run over every document's opening lines (those
    `_read_text` always reads) in one batch: `nlp.pipe` over thousands of lines is several times faster
    than one call per line, and gives the same entities."""
    nlp = _nlp()
    evidence = [_evidence(doc, parent) for doc, parent in docs]
    try:
        if nlp is not None:
            todo = list(dict.fromkeys(line[:ENTITY_CHARS] for _, _, texts in evidence for text in texts
                                      for line in R.lines(text)[:OPENING_LINES]))
            _BATCH.update(zip(todo, map(_entities, nlp.pipe(todo, batch_size=256)), strict=True))
        return [_profile(doc, read, types, department) for (doc, _), read in zip(docs, evidence, strict=True)]
    finally:
        _BATCH.clear()  # (also after a failure part-way: no entities outlive the batch)


_Evidence = tuple[Document | None, str | None, list[str]]


def _evidence(doc: Document, parent: Document | None) -> _Evidence:
    """(the e-mail it came by, a forwarded sender, the texts read for evidence): its own body, the
    covering note of an attachment, its parts."""
    email = doc if "from" in doc.metadata else parent if parent and "from" in parent.metadata else None
    body, forwarded = R.strip_quoted(doc.text)
    texts = [body]
    if email is not None and email is not doc:  # an attachment: its covering note is evidence too
        cover, forwarded = R.strip_quoted(email.text)
        texts.append(cover)
    texts += [c.text for c in doc.children if isinstance(c, Document) and c.format != "form-row"]
    return email, forwarded, texts


# a name signed with an elected office ("David Larkin MP", "Rt Hon Jane Smith MP", "Sian Jones MS", MSP, MEP)
_ELECTED_OFFICE = re.compile(r"[ \t,]+(?:MP|MSP|MS|MEP|MLA)$")


def profile(doc: Document, *, parent: Document | None = None, types: TypeList = DEFAULT_TYPES) -> Respondent:
    """Who `doc` is from. `parent` is the e-mail an attachment came with, or the form export of a row;
    `types`: the consultation's respondent types."""
    return _profile(doc, _evidence(doc, parent), types)


def _voice(body: str) -> tuple[int, int]:
    """(first person singular, plural) words in `body`, English, German and French."""
    welsh = guess_language(body) == "cy"  # (in Welsh, "i" is "to"; "fi", "fy", "rwy'n" are "I", "my")
    i = r"(?-i:\bI\b)|\b(?:fi|fy|mi|rwy|rydw|dw|allaf|hoffwn)\b" if welsh else r"\bI\b"
    we = r"|\b(?:ein|rydym|ydym|rydyn)\b" if welsh else ""  # (not "ni": also "not")
    singular = len(re.findall(rf"{i}|\b(?:me|my|myself|ich|mich|mir|mein\w*|je|j['’]|moi)\b", body,
                              re.IGNORECASE))
    plural = len(re.findall(rf"\b(?:we|our|us|ourselves|wir|uns|unser\w*|nous|notre|nos)\b{we}", body,
                            re.IGNORECASE))
    return singular, plural


def _from_body(texts: list[str], voice: tuple[int, int]) -> bool:
    """The papers say they are from a body ("we represent", "as a charity, we"), or speak as "we"
    throughout."""
    singular, plural = voice
    family = bool(_FAMILY.search(texts[0]))  # a family's "we" ("We live here with our two sons") is no body's
    return (plural >= 2 and singular * 4 <= plural and not family) \
        or any(_speaks_as_body(t[:HEAD_CHARS]) for t in texts)


def _kind(board: _Board, chosen: _Claim | None, org_score: float, ind_score: float,
          voice: tuple[int, int]) -> tuple[str, str]:
    """(kind, its source). An organisation when one is named well enough, or when the paper speaks as "we"
    throughout with no more than a hint of a person; an individual only on evidence of one (their own
    capacity, "I", a home address, a byline, a personal mailbox); else "unknown": a paper that names nobody
    is not taken to be a person's."""
    form_kind = board.best("kind")
    if form_kind is not None:
        return form_kind.value, form_kind.source
    if chosen is not None and org_score >= ORG_THRESHOLD and org_score > ind_score:
        return "organisation", chosen.source
    singular, plural = voice
    signed = bool(board.claims.get("name")) or any(c.source == "text:we-people" for c in
                                                   board.claims.get("individual", []))
    if plural >= COLLECTIVE_VOICE and singular * 4 <= plural and ind_score < ORG_THRESHOLD and not signed:
        return "organisation", "rule:collective-voice"  # (not a letter people sign: "Peter and Jean X")
    strongest = board.best("individual")
    return ("individual", strongest.source) if strongest else ("unknown", "rule:no-evidence")


def _name_and_body_word(name: str) -> bool:
    """Two words, the first a name's (no body's word or acronym), the second a word of bodies'
    names ("Heather Forum", "Jordan Trust", "Ashley Council"): a person's name as much as a body's."""
    words = _uncapped(" ".join(name.split())).split()
    return (len(words) == 2 and all(re.fullmatch(rf"[{R.UP}][a-zà-ÿā-ž'’-]+", w) for w in words)
            and bool(R.ORG_WORDS.search(words[1])) and not R.ORG_WORDS.search(words[0])
            and not R.named_cause(" ".join(words)))


SIGNATURE_LINES = 6  # the last lines of a text, where its writer signs


def _signed_names_beside_a_body(board: _Board, body: str) -> None:
    """Drops an organisation claim that is a name as much a person's as a body's ("Sydney Group", "Ashley
    Council": `_name_and_body_word`) when it signs the text on a line of its own and the text names another
    body ("I am writing on behalf of Barnardo's", a letterhead "Kestrel Bus Company Limited"): the writer
    signs with their own name for the body they write for, not with a second body's."""
    claims = board.claims.get("organisation", [])
    shaped = {R.fold(c.value): c.value for c in claims if _name_and_body_word(c.value)}
    if not shaped:
        return
    others = [c for c in claims if R.fold(c.value) not in shaped and not _name_and_body_word(c.value)]
    if not others:
        return
    tail = {R.fold(line.strip(" ,.")) for line in R.lines(body)[-SIGNATURE_LINES:]}
    signed = {key for key in shaped if key in tail
              and not any(R.same_org(c.value, key) for c in others)}
    if signed:
        board.claims["organisation"] = [c for c in claims if R.fold(c.value) not in signed]
        for key in signed:
            board.add("person", shaped[key], "text:signed-beside-body", 0)


def _profile(doc: Document, evidence: _Evidence, types: TypeList, department: str = "") -> Respondent:
    board = _Board()
    _read_form(doc, board)
    email, forwarded, texts = evidence
    body = texts[0]
    if email is not None:
        _read_email(email, board, forwarded, body)
        _read_response_of(email.metadata.get("subject", ""), board, lambda name, source, weight: board.add(
            "organisation", name, source, weight) if name and R.valid_org(name) else None, "email")
    running = [ln for ln in doc.metadata.get("running_head", "").split("\n") if ln.strip()] \
        if doc.format == "pdf" else []
    for i, text in enumerate(texts):
        _read_text(text, board, 1.0 if i == 0 else 0.95, running if i == 0 else ())
    singular, plural = _voice(body)
    if (singular >= 3 and singular > 2 * plural) or (singular >= 2 and not plural):  # bodies write "we"
        board.add("individual", "first-person", "rule:first-person", 35 if plural else 50)
    elif singular and not plural and not board.claims.get("organisation"):  # one "I" and never a "we" ("i
        # dont agree with it at all") in a paper naming no body: a person's short note, as no body's reads
        board.add("individual", "first-person", "rule:first-person", 25)
    personal = singular or not plural or _FAMILY.search(body)  # (not a body's "we" alone; a family's "my
    if doc.format != "form-row" and personal and _file_names_person(doc.source):  # husband and I ... we",
        # "our son" is a person's letter)
        board.add("individual", "file-name", "file:name", 20)

    if board.claims.get("maybe-person"):
        unsure = {R.fold(c.value) for c in board.claims["maybe-person"]}
        if _from_body(texts, (singular, plural)):  # (the sender's own name in the subject stays a person's:
            unsure &= {R.fold(c.value) for c in board.claims.get("name", [])  # "Library review - response
                       if c.source.startswith("email:")}  # from Rhodri Llewelyn", From: Rhodri Llewelyn)
        for field in ("organisation", "joint"):
            board.claims[field] = [c for c in board.claims.get(field, []) if R.fold(c.value) not in unsure]

    signers = {R.fold(c.value) for c in board.claims.get("name", [])}
    if singular >= 2 and not plural and not _from_body(texts, (singular, plural)):  # a letter written as "I"
        for field in ("organisation", "joint"):  # throughout: "Response from Heather Forum", signed so or by
            board.claims[field] = [c for c in board.claims.get(field, [])  # no one else (not "Hope Trust"
                                   if not (_name_and_body_word(c.value)  # over a letter its chief executive
                                           and signers <= {R.fold(c.value)})]  # signs)

    _signed_names_beside_a_body(board, body)

    provenance: dict[str, str] = {}
    everything = "\n".join(texts)
    if department:  # its name heads its own response form ("Department of Health and Social Care" named
        board.claims["organisation"] = [c for c in board.claims.get("organisation", [])  # the paediatric
                                        if not _is_department(c.value, department)]  # dentists)
    chosen, org_score = _choose_org(board, everything)
    individual = board.claims.get("individual", [])
    ind_score = min(100.0, sum({c.source: c.weight for c in individual}.values()))
    kind, provenance["kind"] = _kind(board, chosen, org_score, ind_score, (singular, plural))
    organisation = chosen.value if kind == "organisation" and chosen is not None else None
    if chosen is not None and organisation:
        provenance["organisation"] = chosen.source

    if provenance["kind"] == "rule:collective-voice":  # an unnamed "we": what the writers say they are
        for field in ("type", "type-described"):
            board.claims[field] = [c for c in board.claims.get(field, []) if c.source != "rule:text-we-are"]
    rtype = _choose_type(board, kind, organisation, everything, types)
    if rtype is not None:
        respondent_type, provenance["type"] = rtype.value, rtype.source
    elif kind == "individual" and individual:
        respondent_type, provenance["type"] = "individual", provenance["kind"]
    else:
        respondent_type, provenance["type"] = "unknown", "rule:no-evidence"

    organisations: tuple[str, ...] = ()
    if organisation:
        people = _people(board)
        joint = [c for c in board.claims.get("joint", []) if not _names_person(c.value, people)]
        organisations = tuple(dict.fromkeys([organisation] + [
            c.value for c in joint if not R.same_org(c.value, organisation)
        ]))
        if len(organisations) > 1:
            provenance["organisations"] = joint[0].source
    name, role = board.best("name"), board.best("role")
    petition = petition_name(body) if kind != "organisation" and doc.format != "form-row" else None
    if petition:  # many people's, none of them the respondent (a name in its list signs it, no more): named
        # by who signed where or by its title (`petitions.petition_name`), of the petitions' type
        kind, organisation, organisations, name, role = "organisation", petition, (), None, None
        respondent_type = PETITION if PETITION in types else "unknown"
        provenance = {"kind": "text:petition", "organisation": "text:petition", "type": "text:petition"}
    elif name is not None and kind != "organisation" and _ELECTED_OFFICE.search(name.value) \
            and doc.format != "form-row":  # an MP signs in their office, a public role: named, its type
        kind, organisation, organisations = "organisation", name.value, (name.value,)
        respondent_type = ELECTED if ELECTED in types else "unknown"
        provenance.update({"kind": "text:elected-office", "organisation": name.source,
                           "type": "text:elected-office"})
    for field, claim in (("name", name), ("role", role)):
        if claim is not None:
            provenance[field] = claim.source
    return Respondent(
        submission=doc.sha256,
        kind=kind,
        respondent_type=respondent_type,
        name=name.value if name else None,
        organisation=organisation,
        organisations=organisations,
        role=role.value if role else None,
        provenance=provenance,
    )
