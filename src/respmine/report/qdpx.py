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

import uuid
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from respmine.records import GENERAL, STANCES, Code
from respmine.report.tables import CodingData, question_key, theme_order
from respmine.store.models import SegmentRow

if TYPE_CHECKING:
    from respmine.report.outputs import RunInfo

NS = "urn:QDA-XML:project:1.0"
_GUIDS = uuid.UUID("6f1d2c34-8a7b-5e4f-9c0d-1e2f3a4b5c6d")  # respmine's namespace for uuid5
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C6D31", "#6A3D9A")
STANCE_COLOURS = {"support": "#009E73", "oppose": "#D55E00", "mixed": "#E69F00", "neutral": "#999999"}


def guid(*parts: str) -> str:
    """A GUID that is the same on every run for the same thing."""
    return str(uuid.uuid5(_GUIDS, "\x1f".join(parts)))


def write_qdpx(data: CodingData, info: RunInfo, path: Path, name: str) -> None:
    """Write the project; sources in source-file order, codings in text order."""
    when = info.data_time.strftime("%Y-%m-%dT%H:%M:%SZ")
    texts, offsets = source_texts(data)
    project = ET.Element(f"{{{NS}}}Project", {
        "name": name, "origin": f"respmine ({info.versions})", "creatingUserGUID": guid("user", "respmine"),
        "creationDateTime": when,
    })
    _users(project, data.codes)
    _codebook(project, data)
    _variables(project)
    _cases(project, data, texts)
    sources = ET.SubElement(project, f"{{{NS}}}Sources")
    by_segment: dict[str, list[Code]] = {}
    for code in data.codes:
        by_segment.setdefault(code.segment, []).append(code)
    segments: dict[str, list[SegmentRow]] = {}
    for seg_id in offsets:  # in text order
        segments.setdefault(data.segments[seg_id].submission, []).append(data.segments[seg_id])
    for sub, text in texts.items():
        _source(sources, data, sub, text, segments[sub], offsets, by_segment, when)
    ET.SubElement(project, f"{{{NS}}}Description").text = "\n".join(info.lines())
    ET.register_namespace("", NS)
    xml = ET.tostring(project, encoding="utf-8", xml_declaration=True)
    entries = [("project.qde", xml)]
    entries += [(f"sources/{guid('source', sub)}.txt", text.encode("utf-8")) for sub, text in texts.items()]
    write_zip(path, entries, info.data_time)


def source_texts(data: CodingData) -> tuple[dict[str, str], dict[str, int]]:
    """submission -> its plain text (redacted segments under question headings); segment -> offset."""
    by_sub: dict[str, list[str]] = {}
    for seg in sorted(data.segments.values(), key=lambda s: (s.submission, s.start, s.question)):
        by_sub.setdefault(seg.submission, []).append(seg.id)
    order = sorted(by_sub, key=lambda s: (data.submissions[s].source, s))
    texts: dict[str, str] = {}
    offsets: dict[str, int] = {}
    for sub in order:
        parts: list[str] = []
        pos = 0
        for seg_id in by_sub[sub]:
            seg = data.segments[seg_id]
            head = f"[{'General comments' if seg.question == GENERAL else seg.question}]\n"
            offsets[seg_id] = pos + len(head)
            parts.append(head + seg.text + "\n\n")
            pos += len(parts[-1])
        texts[sub] = "".join(parts)
    return texts, offsets


def _users(project: ET.Element, codes: Iterable[Code]) -> None:
    users = ET.SubElement(project, f"{{{NS}}}Users")
    names = ["respmine", *sorted({c.model.split(":", 1)[1] for c in codes if c.model.startswith("analyst:")})]
    for user in names:
        ET.SubElement(users, f"{{{NS}}}User", {"guid": guid("user", user), "name": user})


def _codebook(project: ET.Element, data: CodingData) -> None:
    codes = ET.SubElement(ET.SubElement(project, f"{{{NS}}}CodeBook"), f"{{{NS}}}Codes")
    cb = data.codebook
    nodes: dict[str | None, ET.Element] = {None: codes}
    tops = [t.id for t in cb.themes if t.parent is None]
    for theme_id in theme_order(cb):
        theme = cb.theme(theme_id)
        top = theme_id if theme.parent is None else cb.ancestors(theme_id)[-1]
        colour = PALETTE[tops.index(top) % len(PALETTE)]
        nodes[theme_id] = _code(nodes[theme.parent], guid("code", theme_id), theme.label, colour,
                                theme.description)
    stale = sorted({c.theme for c in data.codes} - set(cb.ids))
    for theme_id in stale:  # coded under an older codebook: kept visible rather than dropped
        _code(codes, guid("code", theme_id), theme_id, "#999999", "Not in the current codebook.")
    questions = _code(codes, guid("group", "questions"), "Questions", "#333333",
                      "Which question a passage answers.")
    for q in sorted({s.question for s in data.segments.values()}, key=question_key):
        _code(questions, guid("question", q), "General comments" if q == GENERAL else q, "#333333", "")
    stance = _code(codes, guid("group", "stance"), "Stance", "#333333", "Stance towards the proposals.")
    for s in STANCES:
        _code(stance, guid("stance", s), s, STANCE_COLOURS[s], "")


def _code(parent: ET.Element, code_guid: str, name: str, colour: str, description: str) -> ET.Element:
    node = ET.SubElement(parent, f"{{{NS}}}Code",
                         {"guid": code_guid, "name": name, "isCodable": "true", "color": colour})
    if description:
        ET.SubElement(node, f"{{{NS}}}Description").text = " ".join(description.split())
    return node


VARIABLES = (("respondent_type", "Respondent type", "Text"), ("organisation", "Organisation", "Text"),
             ("late", "Late", "Boolean"), ("campaign", "Campaign", "Text"))


def _variables(project: ET.Element) -> None:
    node = ET.SubElement(project, f"{{{NS}}}Variables")
    for key, name, kind in VARIABLES:
        ET.SubElement(node, f"{{{NS}}}Variable", {"guid": guid("variable", key), "name": name,
                                                  "typeOfVariable": kind})


def _cases(project: ET.Element, data: CodingData, texts: dict[str, str]) -> None:
    """One case per respondent type, holding its sources (for matrix queries by type)."""
    by_type: dict[str, list[str]] = {}
    for sub in texts:
        by_type.setdefault(data.units[data.unit_of[sub]].respondent_type, []).append(sub)
    if not by_type:
        return
    cases = ET.SubElement(project, f"{{{NS}}}Cases")
    for kind in sorted(by_type):
        case = ET.SubElement(cases, f"{{{NS}}}Case", {"guid": guid("case", kind), "name": kind})
        for sub in by_type[kind]:
            ET.SubElement(case, f"{{{NS}}}SourceRef", {"targetGUID": guid("source", sub)})


def _source(
    sources: ET.Element, data: CodingData, sub: str, text: str, segs: Sequence[SegmentRow],
    offsets: dict[str, int], by_segment: dict[str, list[Code]], when: str,
) -> None:
    row = data.submissions[sub]
    node = ET.SubElement(sources, f"{{{NS}}}TextSource", {
        "guid": guid("source", sub), "name": row.source,
        "plainTextPath": f"internal://{guid('source', sub)}.txt",
        "creatingUser": guid("user", "respmine"), "creationDateTime": when,
    })
    for seg in segs:
        start = offsets[seg.id]
        refs = [guid("question", seg.question)]
        if seg.id in data.stances:
            refs.append(guid("stance", data.stances[seg.id]))
        _selection(node, guid("segment", seg.id), start, start + len(seg.text), text, refs, "respmine", when,
                   f"Question {seg.question}; page {seg.page or 'n/a'}")
        for code in sorted(by_segment.get(seg.id, []), key=lambda c: (c.evidence.start, c.theme)):
            lo = start + max(0, min(code.evidence.start, len(seg.text)))
            hi = start + max(0, min(code.evidence.end, len(seg.text)))
            user = code.model.split(":", 1)[1] if code.model.startswith("analyst:") else "respmine"
            note = (f"{code.method}, confidence {code.confidence:.2f}"
                    + (f", stance {code.stance}" if code.stance else "")
                    + (", reviewed" if code.reviewed else ""))
            _selection(node, guid("selection", seg.id, code.theme), lo, max(lo, hi), text,
                       [guid("code", code.theme)], user, when, note)
    unit = data.units[data.unit_of[sub]]
    values = {"respondent_type": unit.respondent_type, "organisation": unit.who,
              "late": "true" if row.late else "false", "campaign": unit.campaign}
    for key, _, kind in VARIABLES:
        value = ET.SubElement(node, f"{{{NS}}}VariableValue")
        ET.SubElement(value, f"{{{NS}}}VariableRef", {"targetGUID": guid("variable", key)})
        element = "BooleanValue" if kind == "Boolean" else "TextValue"
        ET.SubElement(value, f"{{{NS}}}{element}").text = values[key]


def _selection(
    parent: ET.Element, sel_guid: str, start: int, end: int, text: str, codes: Sequence[str], user: str,
    when: str, note: str,
) -> None:
    name = " ".join(text[start:end].split())[:60] or "(empty)"
    node = ET.SubElement(parent, f"{{{NS}}}PlainTextSelection", {
        "guid": sel_guid, "name": name, "startPosition": str(start), "endPosition": str(end),
        "creatingUser": guid("user", user), "creationDateTime": when,
    })
    ET.SubElement(node, f"{{{NS}}}Description").text = note
    for target in codes:
        coding = ET.SubElement(node, f"{{{NS}}}Coding", {
            "guid": guid("coding", sel_guid, target), "creatingUser": guid("user", user),
            "creationDateTime": when,
        })
        ET.SubElement(coding, f"{{{NS}}}CodeRef", {"targetGUID": target})


# --- deterministic zips (also used for the XLSX and DOCX packages) --------------------------------------


def write_zip(path: Path, entries: Sequence[tuple[str, bytes]], when: datetime) -> None:
    """A zip whose bytes depend only on `entries` and `when` (no wall clock, no host permissions)."""
    stamp = max(when, datetime(1980, 1, 1, tzinfo=when.tzinfo)).timetuple()[:6]
    tmp = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(tmp, "w") as archive:
        for name, blob in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            archive.writestr(info, blob)
    tmp.replace(path)


def restamp_zip(path: Path, when: datetime) -> None:
    """Rewrite a package written by a library (openpyxl, python-docx) with fixed entry times."""
    with zipfile.ZipFile(path) as archive:
        entries = [(i.filename, archive.read(i)) for i in archive.infolist()]
    write_zip(path, entries, when)
