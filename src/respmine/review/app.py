"""The review app: FastAPI with server-rendered Jinja pages, for analysts to check and correct the coding.

Everything an analyst changes is a decision in the store's audit log (`store.themes.decide`), which every
table, report and rerun applies over the machine's codes. Nothing but the stylesheet, the script and the
sign-in page is served without a session.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

from respmine.config import Settings
from respmine.consultation import load_consultation
from respmine.records import question_name, stored_time
from respmine.report.quotes import names_a_person
from respmine.store.repository import Store
from respmine.structure.respondent_types import DEFAULT_TYPES, TypeList
from respmine.themes.codebook import named_codebook

from . import actions, pages, respondents
from .auth import LoginLimiter, Sessions, authenticate, secret_key
from .cache import ThemeTables
from .queries import ensure_indexes
from .web import (
    HERE,
    LOGIN_COOKIE,
    SESSION_COOKIE,
    NotSignedIn,
    ReviewContext,
    SignedIn,
    checked_form,
    context,
    field,
    query_string,
    redirect,
    render,
    safe_next,
    signed_in,
)

HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
                               "form-action 'self'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",  # pages may hold personal data: never kept in a shared cache
}


def create_app(
    settings: Settings, codebook_path: Path | str | None, consultation_path: Path | str | None = None, *,
    secure_cookies: bool = False,
) -> FastAPI:
    """The app over `settings.store_url`; `secure_cookies` when served over HTTPS (behind a proxy). The
    codebook is `codebook_path`'s, else the one the consultation names (the pipeline's), else none."""
    store = Store(settings.store_url)
    ensure_indexes(store)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    consultation = load_consultation(Path(consultation_path)) if consultation_path else None
    types = consultation.respondent_type_list() if consultation else DEFAULT_TYPES
    _filters(templates, types)
    if codebook_path is None and consultation is not None:
        codebook_path = consultation.codebook_path()
    codebook = named_codebook(codebook_path)
    if not codebook.themes:
        _coded_with_none(store)
    ctx = ReviewContext(
        settings=settings, store=store, codebook=codebook,
        consultation=consultation, types=types,
        sessions=Sessions(secret_key(settings.work_dir)), limiter=LoginLimiter(), templates=templates,
        tables=ThemeTables(store, codebook, types), secure_cookies=secure_cookies,
    )
    app = FastAPI(title="respmine review", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.review = ctx
    app.add_middleware(_SecurityHeaders)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.add_exception_handler(NotSignedIn, _to_sign_in)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _error_page)  # type: ignore[arg-type]
    _auth_routes(app)
    app.include_router(pages.router)
    app.include_router(actions.router)
    app.include_router(respondents.router)
    return app


class _SecurityHeaders(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        for name, value in HEADERS.items():
            if name == "Cache-Control" and request.url.path.startswith("/static/"):
                continue
            response.headers.setdefault(name, value)
        return response


async def _to_sign_in(request: Request, exc: NotSignedIn) -> Response:
    return RedirectResponse(f"/login?{query_string({'next': exc.next_url})}", status_code=303)


async def _error_page(request: Request, exc: StarletteHTTPException) -> Response:
    messages = {404: "Page not found", 403: "Not allowed", 429: "Too many attempts", 405: "Not allowed"}
    try:
        user = signed_in(request)  # so a signed-in user keeps the navigation
    except NotSignedIn as signed_out:
        if exc.status_code in (404, 405):  # not even whether a page exists is told before sign-in
            return await _to_sign_in(request, signed_out)
        user = None
    return render(request, "error.html", status_code=exc.status_code,
                  heading=messages.get(exc.status_code, "Something went wrong"), detail=exc.detail,
                  user=user)


def _auth_routes(app: FastAPI) -> None:
    @app.get("/login", response_class=HTMLResponse)
    def login_page(request: Request, next: str = "/themes") -> Response:
        return _login_form(request, next)

    @app.post("/login")
    async def login(request: Request) -> Response:
        ctx = context(request)
        form = await request.form()
        username, password = field(form, "username"), str(form.get("password") or "")
        target = safe_next(field(form, "next"))
        if not ctx.sessions.check_login_token(request.cookies.get(LOGIN_COOKIE), field(form, "csrf_token")):
            return _login_form(request, target, "The sign-in form expired. Please try again.", 403)
        client = request.client.host if request.client else "unknown"
        if ctx.limiter.blocked(client, username):
            wait = "Too many failed attempts. Wait 15 minutes and try again."
            return _login_form(request, target, wait, 429)
        user = authenticate(ctx.store, username, password)
        if user is None:
            ctx.limiter.failed(client, username)
            return _login_form(request, target, "The username or password is not right.", 401)
        ctx.limiter.succeeded(client, username)
        cookie, _token = ctx.sessions.issue(user.username)
        response = redirect(target)
        response.set_cookie(SESSION_COOKIE, cookie, httponly=True, samesite="lax", secure=ctx.secure_cookies,
                            max_age=ctx.sessions.max_age)
        response.delete_cookie(LOGIN_COOKIE)
        return response

    @app.post("/logout")
    async def logout(request: Request) -> Response:
        await checked_form(request, signed_in(request))
        response = redirect("/login", "You are signed out.")
        response.delete_cookie(SESSION_COOKIE)
        return response

    @app.get("/")
    def home(user: SignedIn) -> Response:
        return RedirectResponse("/themes", status_code=303)


def _login_form(request: Request, target: str, error: str | None = None, status: int = 200) -> Response:
    ctx = context(request)
    cookie, token = ctx.sessions.login_token()
    response = render(request, "login.html", status_code=status, user=None, next=safe_next(target),
                      login_token=token, error=error)
    response.set_cookie(LOGIN_COOKIE, cookie, httponly=True, samesite="strict", secure=ctx.secure_cookies,
                        max_age=3600)
    return response


def _filters(templates: Jinja2Templates, types: TypeList) -> None:
    """Jinja filters the pages use: dates, highlighted evidence, numbers, respondent types' names."""
    env = templates.env
    env.filters["when"] = _when
    env.filters["mark"] = _mark
    env.filters["thousands"] = lambda n: f"{int(n):,}"
    env.filters["label"] = lambda s: str(s or "").replace("_", " ").capitalize()
    env.filters["type_label"] = lambda kind: types.heading(str(kind or "unknown"), 1)
    env.globals["qs"] = query_string
    env.globals["question_name"] = question_name
    env.globals["names_a_person"] = names_a_person  # a file named after a titled person is withheld
    env.filters["question_name"] = question_name


def _when(value: datetime | None) -> str:
    if value is None:
        return ""
    return stored_time(value).astimezone(UTC).strftime("%d %b %Y %H:%M UTC")


def _mark(text: str, spans: Any) -> Markup:
    """`text` with each (start, end) evidence span wrapped in <mark>, everything else escaped."""
    cuts = sorted({(max(0, int(a)), min(len(text), int(b))) for a, b in spans or [] if int(b) > int(a)})
    out, pos = [], 0
    for a, b in cuts:
        if a < pos:
            a = pos
        if b <= a:
            continue
        out.append(_tokens(text[pos:a]))
        out.append(f"<mark>{_tokens(text[a:b])}</mark>")
        pos = b
    out.append(_tokens(text[pos:]))
    return Markup("".join(out))


_TOKEN = re.compile(r"\[(?:EMAIL|PHONE|POSTCODE|ADDRESS|NAME|ID|DATE_OF_BIRTH|URL|REDACTED)\]")


def _tokens(text: str) -> str:
    """Escaped text with redaction tokens set apart, so readers see what was removed."""
    return _TOKEN.sub(lambda m: f'<span class="redaction">{m.group(0)}</span>', str(escape(text)))


class CodebookMissing(ValueError):
    """The app was started without the codebook the store's codes were made with."""


def _coded_with_none(store: Store) -> None:
    """Refuse to review, with no codebook, codes the pipeline made with one: every accept and reject would
    be refused as "not a theme" (the app was started without --consultation or --codebook)."""
    from sqlalchemy import select

    from respmine.store.models import CodeRow
    from respmine.themes.codebook import NO_CODEBOOK

    with store.session() as s:
        used = s.scalar(select(CodeRow.codebook).where(~CodeRow.codebook.startswith(NO_CODEBOOK)).limit(1))
    if used:
        raise CodebookMissing(f"the store's codes were made with the codebook {used}: start the app with "
                              "--consultation (the consultation file naming it) or --codebook FILE")
