"""Analysts' corrections of who a response is from: they always win over the respondent rules.

Respondent detection reads names and types from sign-offs, letterheads and forms, and on real letters it
misses some ("unknown" type, an organisation taken for an individual). An analyst's correction is a
decision (`respondent`, in the same audit log as code decisions) naming the submissions it covers (an
e-mail and its attachments are one respondent) and what is true of them: kind, type, organisation and
joint partners. It is applied wherever respondents are written: at once in the store (`store.themes.decide`),
and by the structure stage on every rerun, before personal data is found, so an organisation's name
stays readable and a person wrongly taken for one is redacted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from respmine.records import Respondent
from respmine.structure.respondent_types import DEFAULT_TYPES, UNKNOWN, TypeList

ACTION = "respondent"
KINDS = ("organisation", "individual")
NAME_LIMIT = 200  # characters of an organisation's name
PARTNERS_LIMIT = 50  # joint partners
SUBMISSIONS_LIMIT = 1000  # a respondent's: an e-mail with its attachments, a group of identical copies


def problem(value: Mapping[str, Any], types: TypeList = DEFAULT_TYPES) -> str | None:
    """Why a correction cannot be recorded (None: it can)."""
    subs = value.get("submissions")
    if not subs or not isinstance(subs, list | tuple) or not all(isinstance(s, str) and s for s in subs):
        return "a respondent correction names the submissions it covers"
    if len(subs) > SUBMISSIONS_LIMIT:
        return f"a respondent correction covers at most {SUBMISSIONS_LIMIT} submissions"
    kind, kind_of = value.get("kind"), value.get("respondent_type")
    if kind not in KINDS:
        return f"kind must be one of {', '.join(KINDS)}"
    if kind_of not in types:
        return f"respondent type must be one of {', '.join(types.ids)}"
    if (kind == "individual") != (kind_of == "individual"):
        return "an individual's type is 'individual', and only an individual's"
    name = value.get("organisation")
    if name is not None and (not isinstance(name, str) or len(name) > NAME_LIMIT):
        return f"the organisation's name is text of at most {NAME_LIMIT} characters"
    if kind == "individual" and (name or value.get("organisations")):
        return "an individual responds for no organisation"
    partners = value.get("organisations") or []
    if not isinstance(partners, list | tuple) or len(partners) > PARTNERS_LIMIT or not all(
            isinstance(p, str) and 0 < len(p) <= NAME_LIMIT for p in partners):
        return f"joint partners are up to {PARTNERS_LIMIT} names"
    return None


def names_person(organisation: str, person: str | None) -> bool:
    """The organisation's name is the person's, or a word of it ("Smith" for "John Smith"): kept
    readable as an organisation's name, it would unmask them wherever it appears."""
    org, who = organisation.casefold().split(), (person or "").casefold().split()
    return bool(org and who) and (org == who or (len(org) == 1 and org[0] in who))


def latest(decisions: Iterable[Any]) -> dict[str, dict[str, Any]]:
    """submission -> the latest correction covering it, with who made it (`user`): the decisions are
    `themes.decisions.Decision`s in any order (later ones win)."""
    out: dict[str, dict[str, Any]] = {}
    for d in sorted((d for d in decisions if d.action == ACTION), key=lambda d: d.at):
        value = dict(d.value or {})
        for sub in value.get("submissions", ()):
            out[str(sub)] = {**value, "user": d.user}
    return out


def corrected(respondent: Respondent, correction: Mapping[str, Any] | None,
              types: TypeList | None = None) -> Respondent:
    """The respondent as the analyst said (kind, type, organisation, joint partners; the signatory's name
    and role are kept), each corrected field's provenance `analyst:<user>`. A type the consultation no
    longer counts (`types`, given by the structure stage: its list changed since the correction was
    recorded) is unknown: every respondent stays in some column."""
    if not correction:
        return respondent
    kind = str(correction["kind"])
    name = " ".join(str(correction.get("organisation") or "").split()) or None
    partners = tuple(" ".join(str(p).split()) for p in correction.get("organisations") or ())
    if kind == "individual":
        name, partners = None, ()
    elif name:  # (as the rules store it: the organisation first, then any joint partners)
        partners = (name, *(p for p in partners if p != name))
    source = f"analyst:{correction.get('user', '')}"
    provenance = {**respondent.provenance, "kind": source, "type": source}
    if name or kind == "individual":
        provenance["organisation"] = source
    kind_of = str(correction["respondent_type"])
    kind_of = kind_of if types is None or kind_of in types else UNKNOWN
    return replace(respondent, kind=kind, respondent_type=kind_of,
                   organisation=name, organisations=partners, provenance=provenance)


def stamp_part(correction: Mapping[str, Any] | None) -> str:
    """What a correction adds to a document's structure stamp (nothing without one, so stores without
    corrections keep their stamps): a corrected document is profiled, redacted and segmented again."""
    if not correction:
        return ""
    fields = ("kind", "respondent_type", "organisation", "organisations")
    return "|analyst:" + repr([correction.get(f) for f in fields])
