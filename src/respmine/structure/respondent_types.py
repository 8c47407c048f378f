"""The kinds of respondent a consultation counts (charities, local authorities, ... or its own: bus
operators, trade unions), with the names the report gives them.

The built-in types suit most public consultations; a consultation file may list its own instead
(`respondent_types:`), naming built-in types by id and adding its own with a label and the words that
identify them in an organisation's name, in what it says it is, or in a form's "type of respondent"
answer. One `TypeList` is
what the structure stage types respondents with and what every output orders and names them by.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

INDIVIDUAL, UNKNOWN = "individual", "unknown"  # always counted, whatever a consultation lists
PETITION = "petition"  # many people's signatures under one statement (`structure.petitions`)
ELECTED = "elected_representative"  # an MP, MS, MSP, MEP writing in their office (named: a public role)


@dataclass(frozen=True)
class RespondentType:
    """One type: its id (column names, corrections), how the report names one and several, and the words
    (case-insensitive, whole words or their plurals) that mark an organisation as one. Built-in types have
    no words here: their rules live in `respondent_rules`."""

    id: str
    singular: str
    plural: str
    words: tuple[str, ...] = ()

    def first(self, text: str) -> re.Match[str] | None:
        """Where in `text` the first of its words is."""
        return _words_pattern(self.words).search(text) if self.words else None


BUILT_IN: tuple[RespondentType, ...] = (
    RespondentType("charity", "charity or community group", "charities and community groups"),
    RespondentType("public_body", "public body", "public bodies"),
    RespondentType("local_authority", "local authority", "local authorities"),
    RespondentType("probation", "probation body", "probation bodies"),  # boards, trusts, their staff bodies
    RespondentType("private_company", "private company", "private companies"),
    RespondentType("representative_body", "representative body", "representative bodies"),  # members' bodies
    RespondentType("academic", "academic respondent", "academic respondents"),
    RespondentType(PETITION, "petition", "petitions"),  # counted once, its signatures given (README)
    RespondentType(ELECTED, "elected representative", "elected representatives"),
    RespondentType(INDIVIDUAL, "individual", "individuals"),
    RespondentType(UNKNOWN, "respondent of unknown type", "respondents of unknown type"),
)
_BUILT_IN = {t.id: t for t in BUILT_IN}


@lru_cache(maxsize=256)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(sorted((re.escape(w.strip()).replace(r"\ ", r"\s+") for w in words), key=len,
                                   reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?:e?s)?(?![\w-])", re.IGNORECASE)  # ("churches")


# Where a name's head noun phrase ends: before "of", "for", a comma, a bracket or a clause ("National
# Federation of ...", "a charity for ...", "a union which ..."), less a legal form after it ("Buses Ltd")
_HEAD_STOP = re.compile(r"\s*(?:[,;:(\[]|\s[-–—]\s|\s(?:of|for|in|on|at|to|from|with|that|which|who|where|"
                        r"working|serving|representing)\s)", re.IGNORECASE)
_LEGAL_TAIL = re.compile(r"(?:\s+(?:ltd\.?|limited|plc|llp|cic|c\.i\.c\.?|scio|inc\.?|uk|\(uk\)))+\s*$",
                         re.IGNORECASE)


def _head_end(text: str) -> int:
    """Where the head word of a name or description ends (its first noun phrase's last word)."""
    stop = _HEAD_STOP.search(text)
    phrase = text[: stop.start()] if stop else text.rstrip(" .")
    return len(_LEGAL_TAIL.sub("", phrase).rstrip(" .'’"))


@dataclass(frozen=True)
class TypeList:
    """The types a consultation counts, in the order outputs show them (its own first, as listed;
    individuals and unknown last)."""

    types: tuple[RespondentType, ...] = BUILT_IN
    _by_id: dict[str, RespondentType] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {t.id: t for t in self.types})

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.types)

    def __contains__(self, kind: object) -> bool:
        return kind in self._by_id

    def rank(self, kind: str) -> int:
        """Where `kind` is shown: its place in the list; a type no longer listed after all of them."""
        return self.ids.index(kind) if kind in self._by_id else len(self.types)

    def name(self, kind: str, n: int = 2) -> str:
        """"charity or community group" (n == 1), "charities and community groups"; a type not listed
        (a stored respondent typed before the list changed) by its id."""
        found = self._by_id.get(kind) or _BUILT_IN.get(kind)
        if found is None:
            words = kind.replace("_", " ")
            return words if n == 1 else words + "s"
        return found.singular if n == 1 else found.plural

    def heading(self, kind: str, n: int = 2) -> str:
        """The name starting a line or cell: "Charities and community groups", "NHS trusts" (only the
        first letter raised: `str.capitalize` would lower an acronym's others, "Nhs trusts")."""
        name = self.name(kind, n)
        return name[:1].upper() + name[1:]

    def own_type(self, text: str) -> str | None:
        """The organisation type whose words `text` (an organisation's name, a form's answer, what a body
        says it is) has at its head word, else first, the first listed of those found at one place: a
        name's head word says what it is ("National Federation of Convenience Retailers" is a trade
        association before a retailer; "Justice and Probation Workers' Union" a trade union, not a
        probation body). Individuals and unknown are never typed by words."""
        found = [(m.start(), i, t.id) for i, t in enumerate(self.types)
                 if t.id not in (INDIVIDUAL, UNKNOWN) and t.words and (m := t.first(text)) is not None]
        if not found:
            return None
        head = _head_end(text)
        at_head = [(start, i, kind) for start, i, kind in found
                   if any(m.end() == head for m in _words_pattern(self.types[i].words).finditer(text))]
        return min(at_head or found)[2]

    @property
    def digest(self) -> str:
        """What typing depends on (ids and words; labels are only shown): part of each document's stamp,
        so a changed list re-types stored respondents."""
        if self.types == BUILT_IN:
            return ""
        key = "|".join(f"{t.id}:{','.join(t.words)}" for t in self.types)
        return hashlib.sha256(key.encode()).hexdigest()[:16]


DEFAULT_TYPES = TypeList()


def built_in(kind: str) -> RespondentType | None:
    return _BUILT_IN.get(kind)


def type_list(entries: Iterable[RespondentType]) -> TypeList:
    """A consultation's list, with individuals and unknown appended when it leaves them out."""
    listed = list(entries)
    ids = {t.id for t in listed}
    return TypeList(tuple(listed) + tuple(_BUILT_IN[k] for k in (INDIVIDUAL, UNKNOWN) if k not in ids))
