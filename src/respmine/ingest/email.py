"""E-mail readers (.eml, Outlook .msg): the body is the submission, attachments are child documents.

Many responses arrive as a short covering e-mail with the real response attached, so every attachment
(including forwarded messages) is extracted as a child. The Date header is kept as the received time,
because consultations close at a deadline and late responses must be identifiable.
"""

from __future__ import annotations

import mimetypes
import re
from datetime import UTC, datetime
from typing import Any

from respmine.ingest.assemble import assemble
from respmine.ingest.source import Source
from respmine.ingest.text import decode_bytes, decode_html, html_to_text, normalise_newlines
from respmine.records import Document, Quarantined

_HEADERS = {"from": "From", "to": "To", "cc": "Cc", "subject": "Subject", "date": "Date",
            "message_id": "Message-ID"}
Attachment = tuple[str, bytes]


def _clean_body(text: str) -> str:
    lines = [line.rstrip() for line in normalise_newlines(text).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def _safe_name(name: str | None, index: int, content_type: str) -> str:
    """A child name without path parts or '#', which separates parent and child in source names."""
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1].replace("#", "_").strip()
    if not name:
        ext = ".eml" if content_type == "message/rfc822" else mimetypes.guess_extension(content_type)
        name = f"attachment-{index}{ext or '.bin'}"
    return name


def _unique(names: list[str], name: str) -> str:
    stem, dot, ext = name.rpartition(".")
    candidate, n = name, 2
    while candidate in names:
        candidate = f"{stem}-{n}.{ext}" if dot else f"{name}-{n}"
        n += 1
    return candidate


def _children(src: Source, attachments: list[Attachment]) -> list[Document | Quarantined]:
    from respmine.ingest.dispatch import extract_child  # dispatch imports readers lazily

    names: list[str] = []
    for i, (name, _) in enumerate(attachments):
        names.append(_unique(names, name))
        attachments[i] = (names[-1], attachments[i][1])
    return [extract_child(src, name, data) for name, data in attachments]


def _aware(value: datetime | None) -> datetime | None:
    """Dates without a zone ('-0000' or missing) are taken as UTC, as RFC 5322 says for -0000."""
    if value is None:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


# --- .eml -----------------------------------------------------------------------------------------


def _part_text(part: Any) -> str:
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, ValueError, AssertionError):  # unknown or lying charset
        content = decode_bytes(part.get_payload(decode=True) or b"")[0]
    return content if isinstance(content, str) else decode_bytes(content)[0]


def _pick_body(msg: Any) -> tuple[Any | None, str, str]:
    """The body part, its text and method: text/plain first, else HTML converted to text."""
    for kind in ("plain", "html"):
        try:
            part = msg.get_body(preferencelist=(kind,))
        except (KeyError, AttributeError, IndexError):
            part = None
        if part is None or part.get_content_disposition() == "attachment":
            continue
        text = _part_text(part)
        if kind == "html":
            text = html_to_text(text)
        if text.strip():
            return part, _clean_body(text), f"email-{kind}"
    return None, "", "email-plain"


def _cids(msg: Any) -> set[str]:
    """Content-IDs the HTML parts show inline (logos, signatures): pictures, not attachments."""
    found: set[str] = set()
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            found.update(re.findall(r"cid:([^\"'\s>)]+)", _part_text(part), re.IGNORECASE))
    return found


def _eml_parts(msg: Any, body: Any) -> tuple[list[Attachment], list[str]]:
    """Attachments (files, attached messages, unnamed binary parts) and extra inline text parts.

    Only one branch of a multipart/alternative is read (the one holding the body), so the HTML twin
    of a plain-text body is not read twice; inline text outside it (clients split a body around an
    inline attachment) is kept rather than dropped.
    """
    attachments: list[Attachment] = []
    extra: list[str] = []
    shown_inline = _cids(msg)

    def contains(part: Any, target: Any) -> bool:
        return part is target or (part.is_multipart() and any(
            contains(sub, target) for sub in part.iter_parts()))

    def visit(part: Any) -> None:
        ctype = part.get_content_type()
        if part is body:
            return
        if ctype == "message/rfc822":
            inner = part.get_payload()
            inner = inner[0] if isinstance(inner, list) and inner else inner
            data = inner.as_bytes() if hasattr(inner, "as_bytes") else str(inner).encode()
            attachments.append((_safe_name(part.get_filename(), len(attachments) + 1, ctype), data))
            return
        if ctype == "multipart/alternative":
            branches = list(part.iter_parts())
            chosen = [b for b in branches if body is not None and contains(b, body)] or branches[-1:]
            for branch in chosen:
                visit(branch)
            return
        if part.is_multipart():
            for sub in part.iter_parts():
                visit(sub)
            return
        disposition = part.get_content_disposition()
        filename = part.get_filename()
        if disposition != "attachment" and not filename and ctype in ("text/plain", "text/html"):
            text = _part_text(part)
            text = _clean_body(html_to_text(text) if ctype == "text/html" else text)
            if text:
                extra.append(text)
            return
        cid = (part.get("Content-ID") or "").strip().strip("<>")
        if disposition != "attachment" and ctype.startswith("image/") and cid in shown_inline:
            return
        data = part.get_payload(decode=True) or b""
        if data:
            attachments.append((_safe_name(filename, len(attachments) + 1, ctype), data))

    visit(msg)
    return attachments, extra


def read_eml(src: Source) -> Document:
    """A MIME e-mail: body text, header metadata, Date as received time, attachments as children."""
    from email import policy
    from email.parser import BytesParser

    msg = BytesParser(policy=policy.default).parsebytes(src.data)
    metadata: dict[str, str] = {}
    warnings: list[str] = []
    for key, header in _HEADERS.items():
        try:
            value = msg.get(header)
        except (ValueError, IndexError, TypeError, AttributeError):  # a header the parser chokes on
            value = next((v for k, v in msg.raw_items() if k.lower() == header.lower()), None)
        if value is not None and str(value).strip():
            metadata[key] = re.sub(r"\s+", " ", str(value)).strip()
    received = None
    if "date" in metadata:
        try:
            from email.utils import parsedate_to_datetime

            received = _aware(parsedate_to_datetime(metadata["date"]))
        except (TypeError, ValueError, IndexError):
            warnings.append(f"the Date header '{metadata['date']}' could not be read as a date")
    body, text, method = _pick_body(msg)
    attachments, extra = _eml_parts(msg, body)
    text = "\n\n".join(t for t in (text, *extra) if t)
    children = _children(src, attachments)
    return assemble(
        src, "eml", [(text, method)], metadata=metadata, received=received,
        received_from="email-date" if received else None, children=children, warnings=warnings,
    )


# --- .msg -----------------------------------------------------------------------------------------


def _msg_attachments(msg: Any) -> list[Attachment]:
    from extract_msg.enums import AttachmentType

    out: list[Attachment] = []
    for att in getattr(msg, "attachments", []) or []:
        if getattr(att, "hidden", False) and getattr(att, "contentId", None):
            continue  # inline image of an HTML body
        kind = getattr(att, "type", AttachmentType.DATA)
        data = att.data
        if kind in (AttachmentType.MSG, AttachmentType.SIGNED_EMBEDDED) or hasattr(data, "exportBytes"):
            name = att.longFilename or att.shortFilename or att.displayName or "attached-message"
            data = data.exportBytes()
            if not str(name).lower().endswith(".msg"):
                name = f"{name}.msg"
        else:
            name = att.longFilename or att.shortFilename or att.displayName
        if isinstance(data, bytes) and data:
            out.append((_safe_name(name, len(out) + 1, getattr(att, "mimetype", "") or ""), data))
    return out


def read_msg(src: Source) -> Document:
    """An Outlook .msg, read like an .eml (plain body first, else HTML, else RTF) via extract_msg."""
    import extract_msg

    with src.as_file() as path:
        msg = extract_msg.openMsg(str(path))
        try:
            metadata: dict[str, str] = {}
            for key, attr in (("from", "sender"), ("to", "to"), ("cc", "cc"), ("subject", "subject"),
                              ("message_id", "messageId")):
                value = getattr(msg, attr, None)
                if value and str(value).strip():
                    metadata[key] = re.sub(r"\s+", " ", str(value)).strip()
            date = getattr(msg, "date", None)
            received = _aware(date) if isinstance(date, datetime) else None
            if received is not None:
                metadata["date"] = received.isoformat()
            text, method = _clean_body(getattr(msg, "body", None) or ""), "msg-plain"
            if not text.strip():
                html = getattr(msg, "htmlBody", None) or b""
                html_text = decode_html(html)[0] if isinstance(html, bytes) else str(html)
                text, method = _clean_body(html_to_text(html_text)), "msg-html"
            if not text.strip():  # (only an RTF body, not wrapping HTML: extract_msg gives no text for it)
                try:
                    rtf = getattr(msg, "rtfBody", None)
                except Exception:  # (a damaged compressed RTF stream: no text, as before)
                    rtf = None
                if isinstance(rtf, bytes) and rtf:
                    from respmine.ingest.legacy import rtf_text

                    text, method = _clean_body(rtf_text(rtf)[0]), "msg-rtf"
            attachments = _msg_attachments(msg)
        finally:
            msg.close()
    return assemble(
        src, "msg", [(text, method)], metadata=metadata, received=received,
        received_from="email-date" if received else None, children=_children(src, attachments),
    )
