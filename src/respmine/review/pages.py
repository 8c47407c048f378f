"""The review app's pages (GET): theme table, segments, one segment in context, codebook, emerging
themes, audit trail and exports. All read-only; every change is a POST in `actions`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from respmine.records import STANCES
from respmine.themes.codebook import Codebook
from respmine.themes.decisions import (
    CODEBOOK_ACTIONS,
    RESPONDENT_ACTIONS,
    SEGMENT_ACTIONS,
    UNDOABLE,
    Decision,
)

from . import exports
from .detail import audit_page, current_codebook, segment_detail, settled_topics
from .queries import (
    SegmentFilter,
    codebook_decisions,
    descendants,
    find_segments,
    question_counts,
    segments_starting,
)
from .web import SignedIn, context, open_by_prefix, render, safe_next

router = APIRouter()


def _choice(value: str | None, allowed: Any) -> str | None:
    """A filter value only if it is one the menus offer (anything else is ignored, never an error)."""
    return value if value and value in allowed else None


def _flag(value: str | None, yes: str, no: str) -> bool | None:
    return True if value == yes else False if value == no else None


def _menus(request: Request) -> dict[str, Any]:
    ctx = context(request)
    book = current_codebook(ctx.store, ctx.codebook)
    depth = {t.id: len(book.ancestors(t.id)) for t in book.themes}
    return {
        "questions": [(q, ctx.question_label(q), n) for q, n in question_counts(ctx.store)],
        "themes": [(t.id, t.label, depth[t.id]) for t in book.themes],
        "respondent_types": ctx.types.ids,
        "stances": STANCES,
    }


@router.get("/themes")
def themes_page(request: Request, user: SignedIn, question: str | None = None,
                respondent_type: str | None = None, late: str | None = None) -> Response:
    """The theme table (`report.tables`): what the reports count, after every decision. Without a question
    it counts across all questions, each respondent once per theme."""
    from respmine.report.summaries import stance_basis
    from respmine.report.tables import depth, respondent_totals

    ctx = context(request)
    menus = _menus(request)
    question = _choice(question, {q for q, _, _ in menus["questions"]})
    respondent_type = _choice(respondent_type, ctx.types.ids)
    include_late = late != "exclude"
    rows, data = ctx.tables.rows(question, respondent_type, include_late)
    totals = respondent_totals(data, question=question, include_late=include_late)
    base = totals.get(respondent_type, 0) if respondent_type else sum(totals.values())
    filters = {"question": question, "respondent_type": respondent_type,
               "late": None if include_late else "exclude"}
    depths = {r.theme: depth(data.codebook, r.theme) for r in rows}
    return render(request, "themes.html", user=user, rows=rows, filters=filters, depth=depths, base=base,
                  stanced=data.stanced, stance_basis=stance_basis(data.stanced is not None), **menus)


def segment_filter(question: str | None, theme: str | None, respondent_type: str | None,
                   stance: str | None, reviewed: str | None, late: str | None, q: str | None,
                   menus: dict[str, Any]) -> SegmentFilter:
    """Query parameters to a `SegmentFilter`; values the menus do not offer are dropped."""
    return SegmentFilter(
        question=_choice(question, {x for x, _, _ in menus["questions"]}),
        theme=_choice(theme, {t for t, _, _ in menus["themes"]}),
        respondent_type=_choice(respondent_type, menus["respondent_types"]),
        stance=_choice(stance, STANCES),
        reviewed=_flag(reviewed, "yes", "no"),
        late=_flag(late, "yes", "no"),
        text=(q or "").strip()[:200] or None,
    )


@router.get("/segments")
def segments_page(request: Request, user: SignedIn, question: str | None = None,
                  theme: str | None = None, respondent_type: str | None = None, stance: str | None = None,
                  reviewed: str | None = None, late: str | None = None, q: str | None = None,
                  page: int = 1) -> Response:
    """Coded segments, filtered and paged in SQL (fast on 50,000 segments)."""
    ctx = context(request)
    menus = _menus(request)
    f = segment_filter(question, theme, respondent_type, stance, reviewed, late, q, menus)
    found = find_segments(ctx.store, ctx.codebook, f, page=page, analyst=user.analyst)
    params = {"question": f.question, "theme": f.theme, "respondent_type": f.respondent_type,
              "stance": f.stance, "reviewed": reviewed if f.reviewed is not None else None,
              "late": late if f.late is not None else None, "q": f.text}
    focus = {f.theme, *descendants(current_codebook(ctx.store, ctx.codebook), f.theme)} if f.theme else set()
    return render(request, "segments.html", user=user, found=found, params=params, focus=focus,
                  back=str(request.url.path) + (f"?{request.url.query}" if request.url.query else ""),
                  **menus)


@router.get("/segments/{segment_id}")
def segment_page(request: Request, segment_id: str, user: SignedIn,
                 back: str | None = None) -> Response:
    """One segment in its submission's context, its codes with evidence, and its decision history."""
    ctx = context(request)
    detail = segment_detail(ctx.store, ctx.codebook, segment_id, analyst=user.analyst)
    if detail is None:  # a shortened id, as the exports give it
        return open_by_prefix("/segments/", segment_id, segments_starting(ctx.store, segment_id), "segment",
                              request)
    menus = _menus(request)
    return render(request, "segment.html", user=user, d=detail, back=safe_next(back, "/segments"),
                  question_label=ctx.question_label(detail.item.question), **menus)


@router.get("/codebook")
def codebook_page(request: Request, user: SignedIn) -> Response:
    """Themes as analysts have shaped them (renames, merges, splits, promotions), with the forms to do so."""
    ctx = context(request)
    book = current_codebook(ctx.store, ctx.codebook)
    depth = {t.id: len(book.ancestors(t.id)) for t in book.themes}
    with ctx.store.session() as s:
        changes = [d for d in codebook_decisions(s) if d.action in UNDOABLE]
    return render(request, "codebook.html", user=user, book=book, depth=depth, base=ctx.codebook,
                  changes=changes[::-1], labels=_labels_ever(ctx.codebook, changes))


def _labels_ever(codebook: Codebook, changes: Sequence[Decision]) -> dict[str, str]:
    """Every theme's label as the changes name it: the file's, a rename's new label, a split's new ones
    (a merged theme is gone from the current codebook, but its change is listed)."""
    labels = {t.id: t.label for t in codebook.themes}
    for d in changes:
        value = dict(d.value or {})
        if d.action == "rename" and d.theme:
            labels[d.theme] = str(value.get("label", labels.get(d.theme, d.theme)))
        elif d.action == "split":
            labels.update({str(k): str(v) for k, v in dict(value.get("labels") or {}).items()})
    return labels


@router.get("/emerging")
def emerging_page(request: Request, user: SignedIn) -> Response:
    """Topics no codebook theme matches, to promote into the codebook or set aside."""
    from respmine.topics.views import emerging_themes

    ctx = context(request)
    book = current_codebook(ctx.store, ctx.codebook)
    settled = settled_topics(ctx.store)
    found = []
    for e in emerging_themes(ctx.store):
        if e.id in settled:
            continue
        suggestion = e.to_theme(book)
        found.append((e, suggestion))
    return render(request, "emerging.html", user=user, emerging=found, settled=len(settled))


@router.get("/audit")
def audit(request: Request, user: SignedIn, page: int = 1, who: str | None = None,
          action: str | None = None) -> Response:
    """Every decision: who, when, what, newest first; themes by their labels (as analysts have them now),
    a respondent correction with the respondent it is of and who they were before."""
    ctx = context(request)
    actions = SEGMENT_ACTIONS + CODEBOOK_ACTIONS + RESPONDENT_ACTIONS
    action = _choice(action, actions)
    found = audit_page(ctx.store, page=page, user=who or None, action=action)
    labels = {t.id: t.label for t in ctx.codebook.themes}  # a theme merged away keeps its file's label
    labels.update((t.id, t.label) for t in current_codebook(ctx.store, ctx.codebook).themes)
    return render(request, "audit.html", user=user, found=found, who=who or "", action=action or "",
                  actions=actions, labels=labels)


@router.get("/export")
def export_page(request: Request, user: SignedIn) -> Response:
    """The report files last generated, with a button to regenerate them from the current decisions."""
    ctx = context(request)
    work = ctx.settings.work_dir
    return render(request, "export.html", user=user, files=exports.listed(work),
                  last=exports.last_export(work))


@router.get("/export/{name}")
def download(request: Request, name: str, user: SignedIn) -> Response:
    """One generated report file (only files the last export wrote; never an arbitrary path)."""
    ctx = context(request)
    return exports.download(ctx.settings.work_dir, name)
