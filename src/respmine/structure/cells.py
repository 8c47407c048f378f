"""A response form's stock cells: answers that say nothing of their own to group into topics or code with
a theme. A closed answer ("Yes", "Strongly agree", "Cytuno"), an option's key ("B"), a scale's answer
with its closed word ("Yes - agree", "No, disagree"), or a non-answer ("No opinion", "Prefer not to say",
"N/A", "Not applicable", "No comment", "None", "Nothing to add", "No thanks", "See above", "As above",
"As stated above", "Ditto").

`only_a_form_cell` is the one place such cells are recognised: topic discovery calls a topic of them no
emerging theme (`topics.guide.says_no_view`) and the theme coder gives them no theme
(`themes.coder.ThemeCoder.code`). Their side is still read: a bare "Agree" to an agreement question
counts as agreeing with it (`themes.stated`), and "B" as choosing option B (`themes.chosen`).
"""

from __future__ import annotations

import re

from respmine.structure.ticks import unticked

_NOW = (r"(?:\s+(?:at\s+(?:this|the\s+moment|present|this\s+(?:time|stage))|here|to\s+make|to\s+add"
        r"|thank(?:s|\s+you)?))?")
_QUESTION = (r"(?:q(?:uestion)?\.?\s*\d+\w?(?:\s+(?:above|below|earlier))?"  # ("See question 1 above")
             r"|(?:the\s+)?(?:previous|last|earlier|above)\s+question)")
_NON_ANSWER = re.compile(  # the whole cell from its first word character to its last (`non_answer`)
    r"(?:"
    r"no(?:\s+(?:further|other|additional|more|particular|specific|strong|real))?\s+(?:opinions?|comments?"
    rf"|views?|response|answer|preference|remarks?|observations?|thoughts?){_NOW}"
    r"|(?:i\s+|we\s+)?(?:would\s+)?prefer\s+not\s+to\s+(?:say|answer|comment|respond)"
    r"|no,?\s+thank(?:s|\s+you)|ditto"  # a polite no, or the answer before repeated
    r"|(?:as|same\s+as)\s+(?:(?:stated|said|mentioned|noted|explained|set\s+out)\s+(?:above|before|previously"
    r"|earlier)|previously\s+(?:stated|said|mentioned|noted|explained))"
    r"|n\s*/\s*a|n\.?\s*a\.?|not\s+applicable|not\s+relevant|not\s+answered|no\s+answer\s+given|left\s+blank"
    rf"|none{_NOW}|nil|nothing(?:\s+(?:further|more|else|specific|in\s+particular))?(?:\s+to\s+(?:add|say"
    rf"|report|comment))?{_NOW}"
    r"|(?:please\s+)?(?:see|refer\s+to|as\s+per)\s+(?:(?:my|our|the)\s+)?(?:(?:above|below|previous|earlier)"
    rf"(?:\s+(?:answers?|responses?|comments?|questions?))?|(?:answers?|responses?|comments?)(?:\s+(?:above"
    rf"|below|to\s+{_QUESTION}|(?:given\s+)?(?:for|in|under)\s+{_QUESTION}))?|{_QUESTION})"
    r"|(?:as|same\s+as)\s+(?:above|before|previously|(?:for\s+|in\s+)?(?:my|our|the)\s+(?:previous|earlier"
    rf"|last)\s+(?:answers?|responses?|comments?|question)|(?:for\s+|in\s+)?{_QUESTION})"
    r"|dim\s+(?:(?:sylw(?:adau)?|barn|ateb)(?:\s+pellach)?|byd(?:\s+pellach)?(?:\s+i[’']w\s+ychwanegu)?"
    r"|i[’']w\s+ychwanegu)"
    r"|(?:gweler|fel)\s+(?:yr\s+ateb\s+)?uchod|amherthnasol|d\s*/\s*b"
    r")", re.IGNORECASE)  # (Welsh: no (further) comment, opinion, answer; nothing (further) (to add); see /
# as (the answer) above; not applicable)
_NAMED = re.compile(  # what else an answer may point to: "our covering letter", "the attached response"
    r"(?:(?:our|my|the)\s+)?(?:(?:covering|cover|accompanying|attached|enclosed|separate|full|written)\s+)*"
    r"(?:letter|e-?mail|note|response|submission|document|paper|report)|(?:the\s+)?attach(?:ed|ment)")
_REFERENCE = re.compile(  # the whole answer points elsewhere for it (`cross_reference`)
    r"(?:(?:please\s+)?(?:see|refer\s+to|as\s+per)|(?:as|same\s+as)(?:\s+(?:stated|said|given))?)\s+"
    rf"(?:(?:(?:my|our|the)\s+)?(?:answers?|responses?|comments?)\s+(?:to|for|in|under|at)\s+)?"
    rf"(?P<question>{_QUESTION})"
    r"|(?:please\s+)?(?:see|refer\s+to)\s+(?P<named>" + _NAMED.pattern + r")"
    r"|(?:please\s+)?(?:see|refer\s+to|as\s+per)\s+.*|(?:as|same\s+as)\s+.*|ditto|(?:gweler|fel)\s+.*",
    re.IGNORECASE)
_NAMED_ONLY = re.compile(r"(?:please\s+)?(?:see|refer\s+to)\s+(?:" + _NAMED.pattern + ")", re.IGNORECASE)
_NUMBER_NAMED = re.compile(r"\d+\w?")
_WORD = re.compile(r"[^\W_]")
_PARTS = re.compile(  # "Yes - agree", "No, disagree", "Agree / Cytuno", "Nothing to add. Thank you."
    # (from a run of spaces' start alone: tried at each of its spaces, a 50 kB cell of spaces took minutes)
    r"(?<!\s)\s*(?:[/|,;:]|\s[-–—]+|[-–—]+\s|(?<=[.!?])\s)\s*")
_THANKS = re.compile(r"(?:many\s+)?thanks?(?:\s+you)?(?:\s+(?:very|so)\s+much|\s+again)?"
                     r"|diolch(?:\s+yn\s+fawr)?", re.IGNORECASE)  # (Welsh: thank you (very much))


def non_answer(text: str) -> bool:
    """The cell says the respondent gives no answer here ("No opinion", "N/A", "None", "Nothing to add",
    "See above", "See answer to Q3", "Please refer to our covering letter", a dash alone), and nothing
    else."""
    text = unticked(text)
    return bool(text.strip()) and (_whole(_NON_ANSWER, text) or _whole(_NAMED_ONLY, text))


def cross_reference(text: str) -> str | None:
    """Where an answer that only refers elsewhere points ("see above", "See our answer to Q2.", "as Q6",
    "Please refer to our covering letter"): a question's number ("2", "4a"), "" for the answer above (or
    the previous one, "ditto"), or what it names ("our covering letter"); None for any other answer,
    one saying more ("As above, the library is vital") or declining ("No comment")."""
    text = unticked(text)
    first, last = _WORD.search(text), _WORD.search(text[::-1])
    if first is None or last is None:
        return None
    body = text[first.start() : len(text) - last.start()]
    m = _REFERENCE.fullmatch(body)
    if m is None:
        return None
    if m.group("question"):
        number = _NUMBER_NAMED.search(m.group("question"))
        return number.group(0).lower() if number else ""
    if m.group("named"):
        return re.sub(r"\s+", " ", m.group("named"))
    return "" if non_answer(text) else None


def _whole(pattern: re.Pattern[str], text: str) -> bool:
    r"""`pattern` matches `text` from its first word character to its last (punctuation around it is
    stripped by position: a pattern "[\W_]*(...)[\W_]*" took 1.5 s on a row of 4,000 dashes); true of
    a text with no word character (a dash or dots alone)."""
    first, last = _WORD.search(text), _WORD.search(text[::-1])
    if first is None or last is None:
        return True
    return pattern.fullmatch(text, first.start(), len(text) - last.start()) is not None


def only_a_form_cell(text: str) -> bool:
    """The text is nothing but a form's stock cell (see the module): a closed answer, an option's key, a
    non-answer, or several of them ("Yes - agree", "No - not applicable"), thanks beside them too ("No
    further comments, thank you.", "None, thanks")."""
    from respmine.structure.choices import only_a_choice
    from respmine.themes.stance import only_closed_answer

    text = unticked(text)
    if not text.strip():
        return False
    if non_answer(text) or only_closed_answer(text) or only_a_choice(text):
        return True
    parts = [p for p in _PARTS.split(text) if p.strip(" .!")]
    said = [p for p in parts if not (_WORD.search(p) and _whole(_THANKS, p))]
    return len(parts) > 1 and bool(said) and all(non_answer(p) or only_closed_answer(p) for p in said)
