"""The review app's changes (POST): every one is an analyst's decision recorded through
`store.themes.decide` (validated, stamped with who and when), or an export of the reports.

Each route depends on `analyst_form`, so sign-in, the analyst role and the CSRF token are checked before
the form is read. Checks here go beyond `themes.decisions.validate` only where a decision would otherwise
break the codebook for everyone (a merge into its own child, a theme id already taken).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response
from pydantic import ValidationError
from sqlalchemy import select
from starlette.datastructures import FormData

from respmine.store import themes as theme_store
from respmine.store.models import CodeRow, DecisionRow
from respmine.themes.codebook import Codebook, Theme
from respmine.themes.decisions import UNDOABLE, DecisionError

from . import exports
from .auth import User
from .detail import current_codebook
from .queries import codebook_decisions
from .web import Analyst, context, field, query_string, redirect, safe_next

router = APIRouter()


def record(request: Request, user: User, action: str, **fields: Any) -> str | None:
    """Record one decision; the error message when it is refused (shown to the analyst, nothing stored)."""
    ctx = context(request)
    note = fields.pop("note", None) or None
    try:
        theme_store.decide(ctx.store, ctx.codebook, user.username, action, note=note, types=ctx.types,
                           **fields)
    except DecisionError as exc:
        return f"Not recorded: {exc}"
    return None


@router.post("/segments/{segment_id}/decide")
def segment_decision(request: Request, segment_id: str, checked: Analyst) -> Response:
    """Accept, reject or add a code, set the stance, or mark the segment reviewed."""
    user, form = checked
    action = field(form, "action")
    back = safe_next(field(form, "back"), "/segments")
    here = f"/segments/{segment_id}?{query_string({'back': back})}"
    fields: dict[str, Any] = {"segment": segment_id, "note": field(form, "note")[:2000]}
    if action in ("accept", "reject", "add"):
        fields["theme"] = field(form, "theme")
        if action == "add":
            fields["value"] = _evidence(form)
    elif action == "stance":
        fields["value"] = {"stance": field(form, "stance")}
    elif action != "reviewed":
        return redirect(here, f"Not recorded: unknown action {action!r}.")
    if not _segment_exists(request, segment_id):
        raise HTTPException(status_code=404, detail="No segment with that id.")
    error = record(request, user, action, **fields)
    done = {"accept": "Code accepted", "reject": "Code rejected", "add": "Code added",
            "stance": "Stance set", "reviewed": "Marked as reviewed"}[action]
    go_back = field(form, "after") == "back" and error is None  # "... and back to the list" buttons
    return redirect(back if go_back else here, error or f"{done}.")


def _evidence(form: FormData) -> dict[str, int]:
    """The evidence span an analyst selected in the segment text (none: the whole segment)."""
    try:
        start, end = int(field(form, "start")), int(field(form, "end"))
    except ValueError:
        return {}
    return {"start": start, "end": end} if 0 <= start < end else {}


def _segment_exists(request: Request, segment_id: str) -> bool:
    from respmine.store.models import SegmentRow

    with context(request).store.session() as s:
        return s.get(SegmentRow, segment_id) is not None


@router.post("/codebook/decide")
def codebook_decision(request: Request, checked: Analyst) -> Response:
    """Rename, merge or split a theme (the codebook file is untouched: the change is a decision)."""
    user, form = checked
    ctx = context(request)
    book = current_codebook(ctx.store, ctx.codebook)
    action, theme = field(form, "action"), field(form, "theme")
    value: dict[str, Any]
    if theme not in book.ids:
        return redirect("/codebook", f"Not recorded: {theme!r} is not a theme.")
    if action == "rename":
        label = " ".join(field(form, "label").split())[:200]
        problem = None if label else "give the new label"
        value = {"was": book.theme(theme).label, "label": label}  # (the audit trail says from what)
    elif action == "merge":
        into = field(form, "into")
        problem, value = _merge_problem(book, theme, into), {"into": into}
    elif action == "split":
        parts = [p.partition(":") for p in field(form, "into").split(",") if p.strip()]
        ids = [i.strip() for i, _, _ in parts]
        labels = {i.strip(): " ".join(label.split())[:200] for i, _, label in parts if label.strip()}
        problem, value = _new_ids_problem(book, ids), {"into": ids, "labels": labels}
    else:
        problem, value = f"unknown action {action!r}", {}
    if problem:
        return redirect("/codebook", f"Not recorded: {problem}.")
    error = record(request, user, action, theme=theme, value=value, note=field(form, "note")[:2000])
    return redirect("/codebook", error or f"{action.capitalize()} of {book.theme(theme).label!r} recorded.")


@router.post("/codebook/undo")
def codebook_undo(request: Request, checked: Analyst) -> Response:
    """Take back a rename, merge or split (recorded as an `undo` decision: the audit trail keeps both).
    A split whose new sub-themes analysts, or a run, have coded since is not taken back: those codes
    would lose their theme (merging the new themes back into it keeps them)."""
    user, form = checked
    ctx = context(request)
    wanted = field(form, "decision")
    with ctx.store.session() as s:
        row = s.get(DecisionRow, int(wanted)) if wanted.isdigit() else None
        log = codebook_decisions(s)
        if row is None or row.action not in UNDOABLE or row.id not in {d.id for d in log}:
            return redirect("/codebook", "Not undone: that change is not in force (already undone?).")
        into = (row.value or {}).get("into") if row.action == "split" else None
        made = [str(t) for t in into] if isinstance(into, list) else []
        coded = made and s.scalar(select(DecisionRow.id).where(
            DecisionRow.theme.in_(made), DecisionRow.segment.is_not(None), DecisionRow.id > row.id).limit(1))
        run = made and s.scalar(select(CodeRow.id).where(CodeRow.theme.in_(made)).limit(1))
        action, theme = str(row.action), row.theme
    if coded:
        return redirect("/codebook", "Not undone: analysts have coded passages with the split's new themes "
                                     "since; reject or recode those first.")
    if run:  # (their codes would stand under themes no longer in the codebook, in every table)
        return redirect("/codebook", "Not undone: a run has coded passages with the split's new themes "
                                     "since; merge each of them back into it instead.")
    error = record(request, user, "undo", theme=theme, value={"decision": int(wanted), "undid": action},
                   note=field(form, "note")[:2000])
    return redirect("/codebook", error or f"{action.capitalize()} of {theme!r} undone.")


def _merge_problem(book: Codebook, theme: str, into: str) -> str | None:
    """A merge must target another theme that is not inside the merged one (that would make a cycle)."""
    if into not in book.ids:
        return "choose the theme to merge into"
    if into == theme or theme in book.ancestors(into):
        return "a theme cannot be merged into itself or one of its own sub-themes"
    return None


def _new_ids_problem(book: Codebook, ids: list[str]) -> str | None:
    """New theme ids must be valid codebook ids that no theme uses yet."""
    if not ids:
        return "give at least one new theme id"
    if len(set(ids)) != len(ids):
        return "the new theme ids repeat"
    for new in ids:
        if new in book.ids:
            return f"theme id {new!r} is already used"
        try:
            Theme(id=new, label=new)
        except ValidationError:
            return f"theme id {new!r}: use letters, digits, dots and hyphens"
    return None


@router.post("/emerging/{topic}/promote")
def promote(request: Request, topic: int, checked: Analyst) -> Response:
    """An emerging topic becomes a codebook theme (with its keywords as phrases, quotes as examples)."""
    user, form = checked
    ctx = context(request)
    book = current_codebook(ctx.store, ctx.codebook)
    new_id, label = field(form, "id"), " ".join(field(form, "label").split())[:200]
    problem = _new_ids_problem(book, [new_id]) or (None if label else "give the theme a label")
    parent = field(form, "parent") or None
    if problem is None and parent is not None and parent not in book.ids:
        problem = f"{parent!r} is not a theme"
    if problem:
        return redirect("/emerging", f"Not recorded: {problem}.")
    value = {"id": new_id, "label": label, "description": field(form, "description")[:1000],
             "keywords": [k.strip() for k in field(form, "keywords").split(",") if k.strip()][:30],
             "examples": [e for e in form.getlist("examples") if isinstance(e, str)][:3],
             "parent": parent, "topic": topic}
    error = record(request, user, "promote", theme=new_id, value=value, note=field(form, "note")[:2000])
    return redirect("/emerging", error or f"Promoted to theme {label!r}.")


@router.post("/emerging/{topic}/dismiss")
def dismiss(request: Request, topic: int, checked: Analyst) -> Response:
    """An emerging topic set aside (kept in the audit log with the reason)."""
    user, form = checked
    error = record(request, user, "dismiss", value={"topic": topic, "name": field(form, "name")[:200]},
                    note=field(form, "note")[:2000])
    return redirect("/emerging", error or "Topic set aside.")


@router.post("/export")
def export(request: Request, checked: Analyst) -> Response:
    """Regenerate every report from the current decisions, then offer the files for download."""
    user, _form = checked
    ctx = context(request)
    paths = exports.regenerate(ctx.store, ctx.codebook, ctx.settings.work_dir, ctx.consultation,
                               user.username)
    return redirect("/export", f"Reports regenerated ({len(paths)} files).")

