"""What every review route shares: the app's context, the signed-in user, CSRF checks and rendering.

Sign-in is enforced by dependencies rather than per page, so a new route cannot forget it: `signed_in`
for reading, `analyst_form` for every change (sign-in, role and CSRF token checked before anything is
read from the form).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from starlette.datastructures import FormData

from respmine.config import Settings
from respmine.consultation import Consultation
from respmine.records import question_name
from respmine.store.repository import Store
from respmine.structure.respondent_types import TypeList
from respmine.themes.codebook import Codebook

from .auth import LoginLimiter, Sessions, User, get_user, same_token
from .cache import ThemeTables

SESSION_COOKIE = "respmine_session"
LOGIN_COOKIE = "respmine_login"
FLASH_COOKIE = "respmine_flash"
HERE = Path(__file__).resolve().parent


@dataclass
class ReviewContext:
    """Everything a request needs, built once in `create_app`."""

    settings: Settings
    store: Store
    codebook: Codebook
    consultation: Consultation | None
    types: TypeList  # the consultation's respondent types
    sessions: Sessions
    limiter: LoginLimiter
    templates: Jinja2Templates
    tables: ThemeTables
    secure_cookies: bool = False

    def question_label(self, question: str) -> str:
        """`Q2: What funding ...` for menus, from the consultation when there is one."""
        if self.consultation is not None:
            for q in self.consultation.questions:
                if q.id == question:
                    return f"{q.id}: {q.text}"
        return question_name(question)


class NotSignedIn(Exception):
    """Raised by `signed_in`; the app answers with a redirect to the sign-in page."""

    def __init__(self, next_url: str) -> None:
        super().__init__(next_url)
        self.next_url = next_url


def context(request: Request) -> ReviewContext:
    ctx: ReviewContext = request.app.state.review
    return ctx


def signed_in(request: Request) -> User:
    """The user of a valid session cookie, else `NotSignedIn` (role read from the store, not the cookie)."""
    ctx = context(request)
    data = ctx.sessions.read(request.cookies.get(SESSION_COOKIE))
    user = get_user(ctx.store, str(data["u"])) if data else None
    if data is None or user is None:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise NotSignedIn(target if request.method == "GET" else "/")
    request.state.csrf = str(data["csrf"])
    return user


SignedIn = Annotated[User, Depends(signed_in)]


async def checked_form(request: Request, user: SignedIn) -> tuple[User, FormData]:
    """A signed-in user's POST whose CSRF token (form field or X-CSRF-Token header) matches the session."""
    form = await request.form()
    given = form.get("csrf_token") or request.headers.get("x-csrf-token")
    if not same_token(request.state.csrf, given if isinstance(given, str) else None):
        raise HTTPException(status_code=403, detail="The form has expired or was not sent by this app. "
                                                    "Go back, reload the page and try again.")
    return user, form


Checked = Annotated[tuple[User, FormData], Depends(checked_form)]


async def analyst_form(checked: Checked) -> tuple[User, FormData]:
    """As `checked_form`, and only for analysts: viewers cannot change anything."""
    user, form = checked
    if not user.analyst:
        raise HTTPException(status_code=403, detail="Only analysts can record decisions.")
    return user, form


Analyst = Annotated[tuple[User, FormData], Depends(analyst_form)]


def field(form: FormData, name: str, default: str = "") -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else default


def safe_next(target: str | None, default: str = "/themes") -> str:
    """Only local paths: a `next` parameter must never send a user to another site."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    return target


def redirect(url: str, flash: str | None = None) -> RedirectResponse:
    """303 after a POST (so reloading does not resend it), with an optional one-time message."""
    response = RedirectResponse(url, status_code=303)
    if flash:
        response.set_cookie(FLASH_COOKIE, quote(flash[:300]), httponly=True, samesite="strict", max_age=60)
    return response


def render(request: Request, template: str, status_code: int = 200, **values: Any) -> HTMLResponse:
    """A page with the shared values (user, CSRF token, flash message, navigation) filled in; the footer's
    codebook is the effective one, as /codebook and the reports stamp it (`noms-third-sector@1.2+r3` after
    three codebook decisions, where the footer said the file's `@1.2`)."""
    from urllib.parse import unquote

    from .detail import current_codebook

    ctx = context(request)
    flash = request.cookies.get(FLASH_COOKIE)
    response = ctx.templates.TemplateResponse(
        request, template,
        {"csrf_token": getattr(request.state, "csrf", ""), "flash": unquote(flash) if flash else None,
         "path": request.url.path, "codebook_name": current_codebook(ctx.store, ctx.codebook).stamp,
         "title_of_consultation": ctx.consultation.title if ctx.consultation else None, **values},
        status_code=status_code,
    )
    if flash:
        response.delete_cookie(FLASH_COOKIE)
    return response


def open_by_prefix(base: str, given: str, matches: Sequence[str], what: str,
                   request: Request) -> RedirectResponse:
    """The page (`base` + id) of the one `what` whose id starts with `given`: the exports shorten ids
    (coded_responses.csv a segment's to 16 characters, respondents.csv a respondent's to 12), and an
    analyst pastes them into the address (`/segments/8f449a8805c8ed2d` was a 404). None, or more than
    one, is a 404 that says so."""
    if len(matches) == 1:
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(f"{base}{matches[0]}{query}", status_code=303)
    if not matches:
        detail = f"No {what} has an id starting with {given!r}."
    else:
        detail = f"{len(matches)} {what}s have an id starting with {given!r}: give more of the id."
    raise HTTPException(status_code=404, detail=detail)


def query_string(values: dict[str, Any], **changes: Any) -> str:
    """The current filters with some changed (pager and filter links), empty values dropped."""
    merged = {**values, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "", False)})
