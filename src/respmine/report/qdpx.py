"""REFI-QDA project export (`.qdpx`), so the coding opens in NVivo, MAXQDA, ATLAS.ti or QualCoder.

A `.qdpx` is a zip holding `project.qde` (XML, namespace `urn:QDA-XML:project:1.0`) and the sources as
plain text under `sources/`. Each submission becomes one text source built from its redacted segments
(personal data never leaves the store), each segment headed by its question. Codes are the effective
codebook's hierarchy, plus "Questions" and "Stance" code groups so analysts can cross questions, themes and
stance in a matrix query. Each theme code is a `PlainTextSelection` over its evidence sentence; positions
are character (code point) offsets in the source text. GUIDs are uuid5 of stable ids, and every date is the
data time, so the file is identical for identical inputs.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Collection, Iterable, Sequence
from functools import cache
from hashlib import sha1
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

from respmine.records import STANCES, Code, question_name
from respmine.report.coded import exported_codes
from respmine.report.quotes import cited_source
from respmine.report.tables import CodingData, question_key
from respmine.report.zips import write_zip
from respmine.store.views import SegmentView
from respmine.themes.decisions import reviewed_segments

if TYPE_CHECKING:
    from respmine.report.outputs import RunInfo

NS = "urn:QDA-XML:project:1.0"
_GUIDS = uuid.UUID("6f1d2c34-8a7b-5e4f-9c0d-1e2f3a4b5c6d")  # respmine's namespace for uuid5
_NS = _GUIDS.bytes
_VARIANT = {d: "89ab"[int(d, 16) & 3] for d in "0123456789abcdef"}  # RFC 4122 variant bits: 10xx
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C6D31", "#6A3D9A")
STANCE_COLOURS = {"support": "#009E73", "oppose": "#D55E00", "mixed": "#E69F00", "neutral": "#999999"}


def guid(*parts: str) -> str:
    """A GUID that is the same on every run for the same thing: `uuid.uuid5(_GUIDS, ...)` as text, built
    from the SHA-1 digest directly (a project has hundreds of thousands; the `UUID` object was half the
    cost of the export)."""
    h = sha1(_NS + "\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:32]}"


@cache
def named(kind: str, name: str) -> str:
    """`guid(kind, name)` for the few things named over and over (users, codes, questions, stances)."""
    return guid(kind, name)


def write_qdpx(data: CodingData, info: RunInfo, path: Path, name: str) -> None:
    """Write the project; sources in source-file order, codings in text order."""
    when = info.data_time.strftime("%Y-%m-%dT%H:%M:%SZ")
    texts, offsets = source_texts(data)
    source_guids = {sub: guid("source", sub) for sub in texts}
    by_segment: dict[str, list[Code]] = {}
    codes = exported_codes(data)  # as coded_responses.csv lists them (implied parents)
    reviewed = reviewed_segments(data.decisions)
    for code in sorted(codes, key=attrgetter("evidence.start", "theme")):  # each segment's in text order
        by_segment.setdefault(code.segment, []).append(code)
    segments: dict[str, list[SegmentView]] = {}
    for seg_id in offsets:  # in text order
        segments.setdefault(data.segments[seg_id].submission, []).append(data.segments[seg_id])
    head = ["<?xml version='1.0' encoding='utf-8'?>\n",
            _open("Project", {"xmlns": NS, "name": name, "origin": f"respmine ({info.versions})",
                              "creatingUserGUID": guid("user", "respmine"), "creationDateTime": when}),
            _users(data.codes), _codebook(data), _variables(), _cases(data, source_guids)]
    # each source encoded on its own: joining them into one string first copied the whole project twice
    sources = [_source(data, sub, source_guids[sub], text, segments[sub], offsets, by_segment, when, reviewed)
               for sub, text in texts.items()]
    tail = _el("Description", {}, _text("\n".join(info.lines()))) + "</Project>"
    parts = [*head, "<Sources>", *sources, "</Sources>"] if sources else [*head, _el("Sources", {})]
    project = b"".join(_xml_bytes(part) for part in [*parts, tail])
    entries = [("project.qde", project)]
    entries += [(f"sources/{source_guids[sub]}.txt", text.encode("utf-8")) for sub, text in texts.items()]
    write_zip(path, entries, info.data_time)


def _xml_bytes(xml: str) -> bytes:
    return xml.encode("utf-8", "xmlcharrefreplace")


def source_texts(data: CodingData) -> tuple[dict[str, str], dict[str, int]]:
    """submission -> its plain text (redacted segments under question headings); segment -> offset."""
    by_sub: dict[str, list[str]] = {}
    for seg in sorted(data.segments.values(), key=attrgetter("submission", "start", "question")):
        by_sub.setdefault(seg.submission, []).append(seg.id)
    order = sorted(by_sub, key=lambda s: (data.submissions[s].source, s))
    texts: dict[str, str] = {}
    offsets: dict[str, int] = {}
    for sub in order:
        parts: list[str] = []
        pos = 0
        for seg_id in by_sub[sub]:
            seg = data.segments[seg_id]
            head = f"[{question_name(seg.question)}]\n"
            offsets[seg_id] = pos + len(head)
            parts.append(head + seg.text + "\n\n")
            pos += len(parts[-1])
        texts[sub] = "".join(parts)
    return texts, offsets


# --- the project's parts, as XML text: half a million elements and attributes on 1,000 submissions, so
# they are joined as strings (an ElementTree and its serialiser took three times as long) ---------------


def _users(codes: Iterable[Code]) -> str:
    names = ["respmine", *sorted({c.model.split(":", 1)[1] for c in codes if c.model.startswith("analyst:")})]
    return _el("Users", {}, "".join(_el("User", {"guid": guid("user", u), "name": u}) for u in names))


def _codebook(data: CodingData) -> str:
    cb = data.codebook
    tops = [t.id for t in cb.themes if t.parent is None]

    def theme_code(theme_id: str) -> str:
        theme = cb.theme(theme_id)
        top = theme_id if theme.parent is None else cb.ancestors(theme_id)[-1]
        kids = "".join(theme_code(t.id) for t in cb.children(theme_id))
        return _code(guid("code", theme_id), theme.label, PALETTE[tops.index(top) % len(PALETTE)],
                     theme.description, kids)

    codes = [theme_code(t.id) for t in cb.children(None)]  # depth first, as `theme_order`
    stale = sorted({c.theme for c in data.codes} - set(cb.ids))
    # coded under an older codebook: kept visible rather than dropped
    codes += [_code(guid("code", t), t, "#999999", "Not in the current codebook.") for t in stale]
    questions = [_code(guid("question", q), question_name(q), "#333333", "")
                 for q in sorted({s.question for s in data.segments.values()}, key=question_key)]
    codes.append(_code(guid("group", "questions"), "Questions", "#333333",
                       "Which question a passage answers.", "".join(questions)))
    stances = [_code(guid("stance", s), s, STANCE_COLOURS[s], "") for s in STANCES]
    codes.append(_code(guid("group", "stance"), "Stance", "#333333", "Stance towards the proposals.",
                       "".join(stances)))
    return _el("CodeBook", {}, _el("Codes", {}, "".join(codes)))


def _code(code_guid: str, name: str, colour: str, description: str, children: str = "") -> str:
    about = _el("Description", {}, _text(" ".join(description.split()))) if description else ""
    return _el("Code", {"guid": code_guid, "name": name, "isCodable": "true", "color": colour},
               about + children)


VARIABLES = (("respondent_type", "Respondent type", "Text"), ("organisation", "Organisation", "Text"),
             ("late", "Late", "Boolean"), ("campaign", "Campaign", "Text"))


def _variables() -> str:
    return _el("Variables", {}, "".join(
        _el("Variable", {"guid": guid("variable", key), "name": name, "typeOfVariable": kind})
        for key, name, kind in VARIABLES))


def _cases(data: CodingData, source_guids: dict[str, str]) -> str:
    """One case per respondent type, holding its sources (for matrix queries by type)."""
    by_type: dict[str, list[str]] = {}
    for sub in source_guids:
        by_type.setdefault(data.units[data.unit_of[sub]].respondent_type, []).append(sub)
    if not by_type:
        return ""
    cases = [_el("Case", {"guid": guid("case", kind), "name": kind},
                 "".join(_el("SourceRef", {"targetGUID": source_guids[sub]}) for sub in by_type[kind]))
             for kind in sorted(by_type)]
    return _el("Cases", {}, "".join(cases))


# --- the hot path: 10,000 sources with 120,000 coded passages on 10,000 submissions --------------------


def _source(
    data: CodingData, sub: str, source_guid: str, text: str, segs: Sequence[SegmentView],
    offsets: dict[str, int], by_segment: dict[str, list[Code]], when: str, reviewed: Collection[str] = (),
) -> str:
    """A source with a selection per segment (its question and stance) and one per code on it (its
    theme); `by_segment` holds each segment's codes in text order; `reviewed`: the segments an analyst
    reviewed (`reviewed_segments`), each of whose codes says so."""
    row = data.submissions[sub]
    name = cited_source(data.submissions, data.people, sub)  # (never a person's file name)
    parts = [_open("TextSource", {"guid": source_guid, "name": name,
                                  "plainTextPath": f"internal://{source_guid}.txt",
                                  "creatingUser": named("user", "respmine"), "creationDateTime": when})]
    for seg in segs:
        seg_id, length = seg.id, len(seg.text)
        start = offsets[seg_id]
        refs = [named("question", seg.question)]
        if seg_id in data.stances:
            refs.append(named("stance", data.stances[seg_id]))
        parts.append(_selection(guid("segment", seg_id), start, start + length, text, refs, "respmine",
                                when, f"Question {seg.question}; page {seg.page or 'n/a'}"))
        for code in by_segment.get(seg_id, ()):
            lo = start + max(0, min(code.evidence.start, length))
            hi = start + max(0, min(code.evidence.end, length))
            user = code.model.split(":", 1)[1] if code.model.startswith("analyst:") else "respmine"
            note = (f"{code.method}, confidence {code.confidence:.2f}"
                    + (f", stance {side}" if (side := data.side(code)) else "")
                    + (", reviewed" if code.reviewed or seg_id in reviewed else ""))
            parts.append(_selection(guid("selection", seg_id, code.theme), lo, max(lo, hi), text,
                                    [named("code", code.theme)], user, when, note))
    unit = data.units[data.unit_of[sub]]
    values = {"respondent_type": unit.respondent_type, "organisation": unit.who,
              "late": "true" if row.late else "false", "campaign": unit.campaign}
    for key, _, kind in VARIABLES:
        element = "BooleanValue" if kind == "Boolean" else "TextValue"
        value = _el(element, {}, _text(values[key]))
        parts.append(f"<VariableValue>{_variable_ref(key)}{value}</VariableValue>")
    parts.append("</TextSource>")
    return "".join(parts)


@cache
def _variable_ref(key: str) -> str:
    return _el("VariableRef", {"targetGUID": named("variable", key)})


def _selection(
    sel_guid: str, start: int, end: int, text: str, codes: Sequence[str], user: str, when: str, note: str
) -> str:
    """A coded passage (the hot path: GUIDs, numbers and the time need no escaping)."""
    stamp = _stamp(user, when)
    codings = "".join([f'<Coding guid="{guid("coding", sel_guid, target)}" {stamp}>'
                       f'<CodeRef targetGUID="{target}" /></Coding>' for target in codes])
    return (f'<PlainTextSelection guid="{sel_guid}" name="{_name(text, start, end)}" startPosition="{start}" '
            f'endPosition="{end}" {stamp}><Description>{_text(note)}</Description>{codings}'
            "</PlainTextSelection>")


@cache
def _stamp(user: str, when: str) -> str:
    """The creating user and time of a selection or coding, as attributes."""
    return f'creatingUser="{named("user", user)}" creationDateTime="{when}"'


NAME_CHARS = 60


def _name(text: str, start: int, end: int) -> str:
    """A selection's name: the start of its passage on one line. Only the passage's start is read when it
    gives enough (whitespace collapsed, a prefix's text is a prefix of the whole passage's)."""
    head = " ".join(text[start:min(end, start + 2 * NAME_CHARS)].split())
    if len(head) < NAME_CHARS and end > start + 2 * NAME_CHARS:
        head = " ".join(text[start:end].split())
    return _attr(head[:NAME_CHARS] or "(empty)")


def _open(tag: str, attrs: dict[str, str]) -> str:
    return f"<{tag}{_attrs(attrs)}>"


def _el(tag: str, attrs: dict[str, str], inner: str = "") -> str:
    """An element as ElementTree writes it: `<a x="1" />` when empty."""
    return f"<{tag}{_attrs(attrs)}>{inner}</{tag}>" if inner else f"<{tag}{_attrs(attrs)} />"


def _attrs(attrs: dict[str, str]) -> str:
    return "".join(f' {k}="{_attr(v)}"' for k, v in attrs.items())


_SPECIAL = re.compile('[&<>"\r\n\t]')  # what an attribute value must escape


def _text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(text: str) -> str:
    if not _SPECIAL.search(text):
        return text
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return text.replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#09;")
