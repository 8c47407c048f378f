"""The respondent register in the review app: who responded, as every count has them, and the form to
correct who a response is from (`structure.corrections`).

The register also says what each respondent asked about publishing their response (read in its words by
`structure.confidentiality`): the respondent's page shows the request and its words, the list can be
filtered to those asking, and an analyst sets or clears it (a flag read wrongly, or a request made
separately, by e-mail or phone): a `publication` decision, read over every run's respondents
(`store.views.read_respondents`), which the reports follow. A campaign's letters are several people's: a
request is set for one letter.

Respondent detection is the least certain step on real letters (a type left unknown, an organisation
taken for an individual), and every count by respondent type rests on it: analysts check the register
and correct it here. A correction covers a counted respondent's every submission (an e-mail and its
attachments); a form-letter campaign is not corrected here (its letters are individuals' own).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response
from sqlalchemy import select

from respmine.records import question_name
from respmine.report.register import (
    CAMPAIGN,
    CAMPAIGN_KEY,
    COPIES,
    KINDS,
    ORGANISATION,
    RegisterRow,
    register,
)
from respmine.store.models import RespondentRow
from respmine.store.views import root_submission
from respmine.structure import confidentiality, corrections

from .actions import record
from .web import Analyst, SignedIn, context, field, open_by_prefix, redirect, render

router = APIRouter()
PAGE = 50
_LOCK = threading.Lock()
_LAST: list[tuple[Any, list[RegisterRow]]] = []  # (the cached data, its register): built once per load


@dataclass(frozen=True)
class RegisterPage:
    items: list[RegisterRow]
    total: int
    page: int
    pages: int


def _register(request: Request) -> tuple[Any, list[RegisterRow]]:
    """The register of the app's cached data (`ThemeTables.data`), built once for each load of it."""
    data = context(request).tables.data()
    with _LOCK:
        if _LAST and _LAST[0][0] is data:
            return _LAST[0]
    rows = register(data)
    with _LOCK:
        _LAST[:] = [(data, rows)]
    return data, rows


def _covered(data: Any, row: RegisterRow) -> list[str]:
    """The submissions a correction of this respondent covers: all of them (an e-mail with its
    attachments, a group of identical copies none of which names an organisation), but of a group of
    identical copies named after an organisation only those sent as it (a supporter's copy of the same
    letter stays theirs)."""
    if not (row.key.startswith(CAMPAIGN_KEY) and row.kind == ORGANISATION):
        return list(row.submissions)
    own = [m for m in row.submissions if (p := data.people.get(m)) is not None and p.organisation == row.who]
    return own or list(row.submissions)


def _wanted(row: RegisterRow, respondent_type: str | None, kind: str | None, text: str,
            asked: bool = False) -> bool:
    return ((not respondent_type or row.respondent_type == respondent_type) and (not kind or row.kind == kind)
            and (not text or text in row.who.casefold() or any(text in o.casefold() for o in row.joint_with))
            and (not asked or bool(row.publication)))


# what an analyst may set a respondent's publication to (the form's values -> the decision's)
CHOICES = {"as-read": confidentiality.AS_READ, "none": confidentiality.PUBLISH,
           "anonymous": confidentiality.ANONYMOUS, "withhold": confidentiality.DO_NOT_PUBLISH}


@dataclass(frozen=True)
class Letter:
    """One sender's part of a respondent, as a publication decision covers it: the respondent's every
    file, but one letter of a campaign or a group of identical copies (several people's)."""

    key: str  # its first submission (an e-mail, the letter itself)
    submissions: tuple[str, ...]
    read: str  # what its words were read to ask ("" nothing)
    words: str  # the words that ask (analysts only: they may name the writer)
    publication: str  # what stands: the analyst's decision where there is one, else `read`
    decided_by: str  # the analyst whose decision stands ("" none)


def _letters(request: Request, data: Any, row: RegisterRow) -> list[Letter]:
    """The respondent's letters with what each asked and what stands (`Letter`)."""
    several = row.kind in (CAMPAIGN, COPIES)
    groups: dict[str, list[str]] = {}
    for m in row.submissions:
        first = root_submission(data.submissions, m) if several else row.submissions[0]
        groups.setdefault(first, []).append(m)
    with context(request).store.session() as s:
        stored = {r.submission: (r.publication or "", r.publication_asked or "") for r in s.scalars(
            select(RespondentRow).where(RespondentRow.submission.in_(list(row.submissions))))}
    out = []
    for first, subs in groups.items():
        asks = [stored[m] for m in subs if m in stored and stored[m][0]] or [("", "")]
        read = next((a for a in asks if a[0] == confidentiality.DO_NOT_PUBLISH), asks[0])
        people = [p for m in subs if (p := data.people.get(m)) is not None]
        now = {p.publication for p in people if p.publication}
        by = next((p.provenance["publication"].removeprefix("analyst:") for p in people
                   if "publication" in p.provenance), "")
        out.append(Letter(first, tuple(subs), read[0], read[1],
                          confidentiality.DO_NOT_PUBLISH if confidentiality.DO_NOT_PUBLISH in now
                          else next(iter(now), ""), by))
    return out


def _find(rows: list[RegisterRow], key: str) -> RegisterRow:
    row = next((r for r in rows if r.key == key), None)
    if row is None:
        raise HTTPException(status_code=404, detail=f"No respondent has the id {key!r}.")
    return row


def _starting(rows: list[RegisterRow], given: str) -> list[str]:
    """Keys of respondents whose id starts with `given`, as respondents.csv gives it (12 characters of a
    submission's id; a campaign's id without the `campaign:` of its key)."""
    return [r.key for r in rows
            if r.key.startswith(given) or r.key.removeprefix(CAMPAIGN_KEY).startswith(given)]


@router.get("/respondents")
def respondents_page(request: Request, user: SignedIn, respondent_type: str | None = None,
                     kind: str | None = None, q: str | None = None, asked: str | None = None,
                     page: int = 1) -> Response:
    """Every counted respondent: organisations by type and name, then campaigns and individuals (`asked`:
    only those asking not to be published, or to be published anonymously)."""
    _, rows = _register(request)
    types = context(request).types
    respondent_type = respondent_type if respondent_type in types else None
    kind = kind if kind in KINDS else None
    text = (q or "").strip().casefold()[:200]
    found = [r for r in rows if _wanted(r, respondent_type, kind, text, bool(asked))]
    pages = max(1, -(-len(found) // PAGE))
    page = min(max(1, page), pages)
    params = {"respondent_type": respondent_type, "kind": kind, "q": (q or "").strip()[:200] or None,
              "asked": "1" if asked else None}
    return render(request, "respondents.html", user=user, params=params, respondent_types=types.ids,
                  asking=sum(1 for r in rows if r.publication),
                  kinds=KINDS, found=RegisterPage(found[(page - 1) * PAGE:page * PAGE], len(found),
                                                         page, pages), total=len(rows))


@router.get("/respondents/of/{submission}")
def respondent_of(request: Request, submission: str, user: SignedIn) -> Response:
    """The respondent a submission counts as (from a segment's page)."""
    data, _ = _register(request)
    if submission not in data.unit_of:
        raise HTTPException(status_code=404,
                            detail="No response with that id (the store may have been rerun).")
    return redirect(f"/respondents/{data.unit_of[submission]}")


@router.get("/respondents/{key}")
def respondent_page(request: Request, key: str, user: SignedIn) -> Response:
    """One respondent: what is known of them and how, their passages, and the correction form."""
    data, rows = _register(request)
    if not any(r.key == key for r in rows):  # a shortened id, as respondents.csv gives it
        return open_by_prefix("/respondents/", key, _starting(rows, key), "respondent", request)
    row = _find(rows, key)
    members = set(row.submissions)
    passages = sorted((s for s in data.segments.values() if s.submission in members),
                      key=lambda s: (data.submissions[s.submission].source, s.start))
    history = [d for d in data.decisions if d.action == corrections.ACTION
               and members.intersection((d.value or {}).get("submissions", ()))]
    published = [d for d in data.decisions if d.action == confidentiality.ACTION
                 and members.intersection((d.value or {}).get("submissions", ()))]
    files = [(data.submissions[m].source, m) for m in row.submissions]
    return render(request, "respondent.html", user=user, r=row, passages=passages[:200],
                  covered=_covered(data, row),
                  more=max(0, len(passages) - 200), history=history[::-1], files=files,
                  respondent_types=context(request).types.ids, question_name=question_name,
                  editable=row.kind != CAMPAIGN, letters=_letters(request, data, row),
                  published=published[::-1], several=row.kind in (CAMPAIGN, COPIES))


@router.post("/respondents/{key}/correct")
def correct(request: Request, key: str, checked: Analyst) -> Response:
    """Record who the response is from (kind, type, organisation, joint partners) for all its submissions."""
    user, form = checked
    data, rows = _register(request)
    row = _find(rows, key)
    here = f"/respondents/{key}"
    if row.kind == CAMPAIGN:
        return redirect(here, "Not recorded: a form-letter campaign counts as one respondent of its "
                              "signatories; it is not corrected here.")
    kind = field(form, "kind")
    partners = [" ".join(p.split()) for p in field(form, "organisations").splitlines() if p.strip()]
    value = {
        "submissions": _covered(data, row), "kind": kind,
        "respondent_type": "individual" if kind == "individual" else field(form, "respondent_type"),
        "organisation": (" ".join(field(form, "organisation").split()) or None) if kind != "individual"
        else None,
        "organisations": partners if kind != "individual" else [],
        # who it was, for the audit trail (an individual taken for an organisation can be traced back)
        "respondent": row.key,
        "was": {"kind": row.kind, "respondent_type": row.respondent_type, "who": row.who},
    }
    error = record(request, user, corrections.ACTION, value=value, note=field(form, "note")[:2000])
    return redirect(here, error or "Respondent corrected. Every count by type includes it now; the "
                                   "text is redacted by it on the next run.")


@router.post("/respondents/{key}/publication")
def publication(request: Request, key: str, checked: Analyst) -> Response:
    """Record what the respondent asked about publishing their response, as the analyst found it (for one
    letter of a campaign or a group of identical copies): the reports follow it at once and on every run."""
    user, form = checked
    data, rows = _register(request)
    row = _find(rows, key)
    here = f"/respondents/{key}"
    choice = field(form, "publication")
    if choice not in CHOICES:
        return redirect(here, "Not recorded: choose what the respondent asked.")
    letters = _letters(request, data, row)
    wanted = field(form, "letter")
    letter = next((x for x in letters if x.key == wanted), None) if len(letters) > 1 else letters[0]
    if letter is None:
        return redirect(here, "Not recorded: choose the letter whose sender asked.")
    value = {"submissions": list(letter.submissions), "publication": CHOICES[choice], "respondent": row.key,
             "was": letter.publication}
    error = record(request, user, confidentiality.ACTION, value=value, note=field(form, "note")[:2000])
    done = {"as-read": "Publication set back to what the response asks",
            "none": "Recorded: nothing asked; the response is quoted and named as anyone's",
            "anonymous": "Recorded: published anonymously; quoted without its name",
            "withhold": "Recorded: not to be published; never quoted, not named"}[choice]
    return redirect(here, error or f"{done}. The reports follow it on the next export or run.")
