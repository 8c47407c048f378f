"""A respondent's request about publication: not to publish the response at all ("CONFIDENTIAL: please do
not publish this response", "We ask that this response is treated as confidential", "Not for publication", a
form's "May we publish your response?" answered "No"), or to publish it without the name ("Publish
anonymously", "Please do not publish my name").

A plain function over the document's text, its form fields and its e-mail subject. A request is a sentence
about the respondent's own response, name or details: "confidential" about anything else ("commercially
confidential data", "patient confidentiality", "a confidential helpline") asks nothing, and neither does an
e-mail's disclaimer footer ("This e-mail and any attachments are confidential and intended solely for the
addressee ...", which is about the message, whoever reads it) nor a consultation's own notice copied into a
reply ("Responses may be published ... If you want the information you provide to be treated as
confidential ...")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

DO_NOT_PUBLISH = "do not publish"
ANONYMOUS = "publish anonymously"

# what a request is about: the whole response, or only who sent it
_WHOLE = (r"(?:response|submission|reply|letter|comments?|views|answers?|evidence|e-?mail|document|"
          r"information)")
# the response itself (what "is confidential" may be said of: not "our customer information")
_RESPONSE = r"(?:response|submission|reply|letter|comments?|views|answers?)"
_WHO = r"(?:name|names|details|identity|personal (?:details|information|data)|organisation'?s? name)"
_OWN = r"(?:this|my|our|the attached|the enclosed)"
_OBJECT = rf"(?:{_OWN}\s+(?:\w+\s+)?(?:{_WHOLE}|{_WHO})|it|this|them)"

# a disclaimer, a notice or guidance copied in: about any message, or the consultation's own words
_BOILERPLATE = re.compile(
    r"intended (?:solely|only|exclusively)?\s*for|intended recipient|addressee|privileged|"
    r"received (?:this|it) (?:e-?mail |message )?in error|unauthori[sz]ed|virus|"
    r"if you (?:want|wish|would like)|please be aware|freedom of information|\bfoia\b|data protection act|"
    r"\b(?:may|might|will|could) be (?:published|disclosed|made public)|privacy notice",
    re.I)

_NO_PUBLISH = [
    # "please do not publish this response (or our name)", "we ask you not to publish it"
    re.compile(rf"\b(?:do not|don't|not to|never|cannot|can ?not|please don't)\s+"
               rf"(?:publish|make public|disclose)\w*\s+(?P<obj>{_OBJECT}(?:\s+(?:or|and|nor)\s+{_OBJECT})*)",
               re.I),
    # "I do not want my name or response published", "we would not wish this submission to be published"
    re.compile(rf"\b(?:i|we)\s+(?:do not|don't|would not|wouldn't|do not wish|don't wish)\s+"
               rf"(?:want|wish|like|consent|agree)?\s*(?:for\s+)?(?P<obj>{_OBJECT}(?:\s+(?:or|and)\s+"
               rf"(?:{_OBJECT}|{_WHOLE}|{_WHO}))*)\s+(?:to\s+be\s+|being\s+)?"
               rf"(?:published|made public|disclosed)",
               re.I),
    # "this response is not to be published", "my name should not be published"
    re.compile(rf"(?P<obj>{_OWN}\s+(?:\w+\s+)?(?:{_WHOLE}|{_WHO})(?:\s+(?:or|and)\s+(?:{_OWN}\s+)?"
               rf"(?:{_WHOLE}|{_WHO}))*)\s+(?:is|are|should|must|may)\s+not\s+(?:to\s+)?be\s+"
               rf"(?:published|made public|disclosed)", re.I),
    # "We ask that this response is treated as confidential", "please treat it in confidence",
    # "our submission is confidential", "submitted in confidence"
    re.compile(rf"(?P<obj>{_OWN}\s+(?:\w+\s+)?(?:{_RESPONSE}|{_WHO}))\s+(?:(?:is|are|be|being|was)\s+"
               rf"(?:(?:treated|kept|regarded|handled|held|submitted|provided|sent)\s+)?|"
               rf"(?:treated|kept|regarded|handled|held|submitted|provided|sent)\s+)(?:as\s+|in\s+)?"
               rf"(?:strictly\s+|entirely\s+)?(?:confidential\b|confidence\b)", re.I),
    re.compile(rf"\b(?:treat|keep|regard|handle|hold)\s+(?P<obj>{_OBJECT})\s+(?:as\s+|in\s+)?"
               rf"(?:strictly\s+|entirely\s+)?(?:confidential\b|confidence\b)", re.I),
    re.compile(r"\bnot for (?:publication|public(?:ation)? release)\b", re.I),
]

_ANONYMOUS = [
    re.compile(r"\bpublish\w*\b[^.;]{0,60}\b(?:anonymous(?:ly)?|without (?:my|our|the) (?:name|details)|"
               r"but not (?:my|our) (?:name|details|identity))", re.I),
    re.compile(r"\banonymous(?:ly)?\b[^.;]{0,30}\bpublish", re.I),
    re.compile(r"\b(?:remain|stay|be kept|be treated as|kept)\s+anonymous\b", re.I),
    re.compile(rf"\b(?:withhold|redact|remove|omit)\s+(?:my|our)\s+{_WHO}\b", re.I),
]

# a heading that marks the whole document: "CONFIDENTIAL", "Private and confidential", "Confidential response"
_MARK = re.compile(r"^(?:(?:strictly|private (?:and|&))\s+)?confidential(?:\s+(?:response|submission|reply))?"
                   r"(?:\s*[-:–—]\s*.*)?$|^not for publication\b.*$|^in confidence$", re.I)

# an instruction standing alone, in the words of the consultation's notice: "Publish anonymously", "Please
# publish this response anonymously" (not "The regulator should publish complaints data anonymously")
_ANONYMOUS_MARK = re.compile(r"^(?:please\s+)?publish\s+(?:(?:this|my|our)\s+(?:\w+\s+)?"
                             r"(?:response|submission|reply|letter|comments|views)\s+|it\s+)?anonymously$",
                             re.I)
# another of the options a reply form lists beside it ("Publish in full", "Publish with my name", "Do not
# publish"): "Publish anonymously" among them, left as the form came, chose nothing
_OPTION = re.compile(r"^(?:(?:do not|don't)\s+)?publish\b(?:\W+\w+){0,5}\W*$", re.I)

# form columns asking about publication, and their answers
_PUBLISH_FIELD = re.compile(r"publish|publication|confidential|anonym|make (?:it|your \w+) public|"
                            r"share your (?:response|name)", re.I)
_ASKS_SECRECY = re.compile(r"confidential|anonym|not\s+(?:be\s+)?publish|withh[oe]ld", re.I)


# a sentence that asks: "please", the writer wanting or asking something, or naming its own response or
# name; not a body describing what it does ("We do not publish this information for commercial reasons"),
# nor what others should do ("The regulator should publish complaints data anonymously")
_ASKS = re.compile(
    r"\bplease\b|\b(?:i|we)\s+(?:would\s+|'d\s+|do\s+|must\s+)?(?:like|wish|want|ask|request|prefer|"
    r"am\s+(?:happy|content)|are\s+(?:happy|content))\b|\bnot\s+to\s+(?:publish|disclose|make)|"
    rf"\b(?:my|our|this)\s+(?:\w+\s+)?(?:{_RESPONSE}|{_WHO})\b", re.I)
_OPENS = re.compile(r"^[\W\d]*(?:confidential\W+)?(?:do not|don't|never)\b", re.I)  # an instruction


@dataclass(frozen=True)
class PublicationRequest:
    kind: str  # DO_NOT_PUBLISH | ANONYMOUS
    sentence: str  # the words that ask (a form's "<column>: <answer>")


def _sentences(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        out += [s.strip() for s in re.split(r"(?<=[.!?])\s+", line) if s.strip()]
    return out


def _paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def _kind(obj: str) -> str:
    """Not the whole response if only who sent it is named ("my name", "our details")."""
    whole = re.search(rf"\b{_WHOLE}\b|^(?:it|this|them)$|\bor\s+(?:it|this)\b", obj.strip(), re.I)
    who = re.search(rf"\b{_WHO}\b", obj, re.I)
    return ANONYMOUS if who and not whole else DO_NOT_PUBLISH


def _in_sentence(sentence: str) -> str | None:
    if _BOILERPLATE.search(sentence):
        return None
    for pattern in _NO_PUBLISH:
        found = pattern.search(sentence)
        if found and (pattern is _NO_PUBLISH[-1] or _OPENS.match(sentence)
                      or _ASKS.search(sentence, 0, found.end())):
            obj = found.groupdict().get("obj") or "response"
            return _kind(obj)
    if _ASKS.search(sentence) and any(p.search(sentence) for p in _ANONYMOUS):
        return ANONYMOUS
    return None


def _among_options(sentence: str, lines: list[str]) -> bool:
    """Whether the line `sentence` stands in a list of publication options (`_OPTION`) beside another."""
    at = [i for i, line in enumerate(lines) if line == sentence.strip()]
    return any(_OPTION.match(lines[j]) for i in at for j in (i - 1, i + 1)
               if 0 <= j < len(lines) and not _ANONYMOUS_MARK.match(lines[j].rstrip(".!")))


def _in_text(text: str) -> PublicationRequest | None:
    found: list[PublicationRequest] = []
    lines = [line.strip() for line in text.splitlines() if line.strip()]  # (for `_among_options`)
    for para in _paragraphs(text):
        if _BOILERPLATE.search(para) and re.search(r"confidential|publish", para, re.I) and \
                re.search(r"intended|recipient|addressee|privileged|in error", para, re.I):
            continue  # an e-mail disclaimer: about the message, not a request
        for sentence in _sentences(para):
            kind = _in_sentence(sentence)
            if kind is None and _MARK.match(sentence.rstrip(".")) and not _BOILERPLATE.search(sentence):
                kind = DO_NOT_PUBLISH
            if kind is None and _ANONYMOUS_MARK.match(sentence.strip().rstrip(".!")) \
                    and not _among_options(sentence, lines):
                kind = ANONYMOUS
            if kind is not None:
                found.append(PublicationRequest(kind, sentence[:300]))
    if not found:
        return None
    return next((r for r in found if r.kind == DO_NOT_PUBLISH), found[0])


def _in_field(header: str, answer: str) -> PublicationRequest | None:
    if not _PUBLISH_FIELD.search(header):
        return None
    said = answer.strip()
    where = f"{header.strip()}: {said}"
    if re.search(r"anonym|without (?:my|our|the) name|not (?:my|our) name|name withheld", said, re.I):
        return PublicationRequest(ANONYMOUS, where)
    yes = re.match(r"(?:yes|y|agree|i agree|ok|happy)\b", said, re.I)
    no = re.match(r"(?:no|n|do not|don't|not)\b", said, re.I)
    if _ASKS_SECRECY.search(header):  # "Would you like your response treated as confidential?" Yes
        if yes:
            kind = ANONYMOUS if re.search(r"anonym", header, re.I) else DO_NOT_PUBLISH
            return PublicationRequest(kind, where)
        return None
    if no:  # "May we publish your response?" No
        return PublicationRequest(DO_NOT_PUBLISH, where)
    found = _in_text(said)
    return PublicationRequest(found.kind, where) if found else None


def publication_request(text: str, fields: Mapping[str, str] | None = None,
                        subject: str = "") -> PublicationRequest | None:
    """What the respondent asked about publishing their response, or None if nothing: from a form's
    fields (column -> answer), the e-mail's subject, then the text. Not publishing at all outranks
    publishing anonymously."""
    found: list[PublicationRequest] = []
    for header, answer in (fields or {}).items():
        request = _in_field(header, answer)
        if request is not None:
            found.append(request)
    if subject:
        kind = _in_sentence(subject)
        if kind is None and _MARK.match(subject.strip().rstrip(".")):
            kind = DO_NOT_PUBLISH
        if kind is None and any(_ANONYMOUS_MARK.match(part.strip().rstrip(".!"))
                                for part in re.split(r"\s[-–—|:]\s|:\s", subject)):
            kind = ANONYMOUS
        if kind is not None:
            found.append(PublicationRequest(kind, f"Subject: {subject.strip()}"))
    request = _in_text(text)
    if request is not None:
        found.append(request)
    if not found:
        return None
    return next((r for r in found if r.kind == DO_NOT_PUBLISH), found[0])


# An analyst's decision about publication (the `publication` action in the decision log, with the
# respondent corrections): what the respondent asked, as the analyst read it, wins over what was read in
# the text, on every rerun (it is applied where respondents are read: `store.views.read_respondents`).
# It corrects a wrong flag, or records a request made separately (a later e-mail, a phone call).
ACTION = "publication"
KINDS = (DO_NOT_PUBLISH, ANONYMOUS)
PUBLISH = ""  # the analyst's "nothing asked": published as anyone's
AS_READ = None  # the analyst's decision withdrawn: what the response's own words ask
SUBMISSIONS_LIMIT = 1000


def decision_problem(value: Mapping[str, object]) -> str | None:
    """Why a publication decision cannot be recorded (None: it can)."""
    subs = value.get("submissions")
    if not subs or not isinstance(subs, list | tuple) or not all(isinstance(s, str) and s for s in subs):
        return "a publication decision names the submissions it covers"
    if len(subs) > SUBMISSIONS_LIMIT:
        return f"a publication decision covers at most {SUBMISSIONS_LIMIT} submissions"
    if "publication" not in value or value["publication"] not in (*KINDS, PUBLISH, AS_READ):
        return (f"publication must be one of {', '.join(repr(k) for k in KINDS)}, '' (nothing asked) or "
                "null (as the response asks)")
    return None


def decided(decisions: Iterable[Any]) -> dict[str, dict[str, Any]]:
    """submission -> the analysts' latest publication decision covering it ({"publication": ...,
    "user": ...}), from `themes.decisions.Decision`s in any order (later ones win); a decision withdrawn
    (`AS_READ`) leaves the submission out: what its text asks stands."""
    out: dict[str, dict[str, Any]] = {}
    for d in sorted((d for d in decisions if d.action == ACTION), key=lambda d: d.at):
        value = dict(d.value or {})
        for sub in value.get("submissions", ()):
            if value.get("publication") is AS_READ:
                out.pop(str(sub), None)
            else:
                out[str(sub)] = {"publication": str(value["publication"]), "user": d.user}
    return out
