"""Who the respondent is: self-descriptions, and a response form's questions about the respondent.

A self-description is a paragraph in which respondents say who they are, and nothing of what they think.

"The Union of Probation Staff represents 8,000 probation officers.", "Harbourlight Trust is a national
charity founded in 1961. We work with around 14,000 people ...", "I have sat as a magistrate for 12
years.": context for reading the response, not a view on the consultation. Coded like an answer, the
words that describe the respondent's work ("volunteers", "commissions health services") were counted as
points made, so theme counts included who responded as well as what they said.

A paragraph is a self-description when its first sentence has the respondent as subject (we, I, our
..., "This is a joint response from", or a proper name followed by a describing verb: "X is a ...",
"X represents ..."), every later sentence speaks of the respondent too (we, our, I, my, this response,
the same name, in its first words) and no sentence states a view (should, believe, welcome, support the
..., concern, ...). A paragraph that mixes the two ("PGEU, representing community pharmacists, welcomes
the proposal"; "I am a teacher. This plan will destroy schools.") is an answer. Segmentation looks for
one only at the opening of a letter (`SEARCHED_PARAGRAPHS`): "NHS England employs fewer nurses than in
2010" further on is about someone else.

Position papers often close with a section under its own heading ("About us", "About DIN", "Who we
are", "Our members"): everything under it, to the next heading, is a self-description too
(`about_sections`), as its heading says, however it is worded.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from respmine.structure.furniture import is_bare_cover, is_courtesy, is_heading
from respmine.themes.sentences import sentence_spans  # the one splitter (a pure function, no models)

ABOUT_MAX_WORDS = 120  # a longer paragraph is more than an introduction
SEARCHED_PARAGRAPHS = 2  # a letter's opening paragraphs (before any answer): where respondents introduce
# themselves
_DESCRIBE = (r"(?:is|are|was|has been|have been)\s+(?:an?|the|one|made up|based|run|funded|registered|"
             r"responsible|part)\b|represents|provides|operates|runs|works|commissions|supervises|covers|"
             r"brings together|employs|supports|delivers|offers|has (?:visited|worked|over|around|more|some)"
             r"|researches|studies|manages|helps|serves|visits|was (?:founded|established|set up)")
_CONNECT = r"(?:of|for|and|the|in|at|on|&|plc|ltd|llp|inc|e\.v\.)"
_NAMED = re.compile(  # "The Union of Probation Staff represents", "Carrick Facilities Group plc provides"
    r"^(?!\s*(?i:while|whilst|although|though|if|when|as|because|since|unless|after|before)\b)"
    rf"\s*(?:the\s+)?(?P<name>[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|\([A-Z]{{2,}}\)|{_CONNECT}))*)"
    rf"(?:,[^,]{{3,80}},)?\s+(?:{_DESCRIBE})",
)
_PERSONAL = re.compile(
    r"^\s*(?:(?:we|i)\s+(?:are|am)\s+(?:an?|the|one of)\s"
    r"|(?:we|i)\s+(?:have\s+)?(?:worked|volunteered|sat|served|visited|lived|been\s+(?:a|an|working|involved))\b"
    r"|(?:we|i)\s+(?:work|represent|provide|run|employ|operate|visit|volunteer|live|lead|manage|chair"
    r"|research|supervise|commission)s?\b"
    r"|our\s+(?:members|membership|organisation|organization|charity|company|network|trust|board|work"
    r"|services|staff|volunteers)\s+(?:is|are|include|includes|provide|provides|work|works|run|runs|cover)\b"
    r"|this\s+(?:is\s+a\s+joint\s+response|response\s+(?:is\s+from|has\s+been|draws|comes|is\s+submitted)))",
    re.IGNORECASE,
)
_VIEW = re.compile(
    r"\b(?:should|must|ought|believe|think|feel|welcomes?|urge|recommend|propose|oppose|object|concerns?|"
    r"concerned|agree|disagree|would like|need(?:s)? to|hope|fear|worr(?:y|ied)|call(?:s)? on|ask|"
    r"important|vital|essential|in favour|against|wary|cautious|risks?|danger|unfortunately|sadly|unfair|"
    r"fails?|failed|problems?|prefer"
    r"|support(?:s)? (?:(?!(?:and|or)\s)[\w'’-]+\s+){0,2}(?:proposals?|plans?"
    r"|changes?|approach|principles?|idea|options?|aims?|intentions?|move|reforms?|measures?|direction|ban"
    r"|decision|introduction|increases?|extension|expansion|reductions?|targets?"
    r"|(?:extending|expanding)(?=\s+(?:the|this|that|these|those|its|their|it|them)\b))"  # (not "X supports
    # the families of children in custody": what X does; "The Commissioner supports the increase to 30 per
    # cent" takes a side on a proposal; not "supports members and increases access to credit", "supports
    # small and expanding businesses": an "and" between them, or no object, and X says what it does)
    r"|,\s+(?:provided|providing)\s+that\b|,\s+(?:as|so)\s+long\s+as\b|,\s+on\s+condition\b"  # a condition
    r"|,\s+provided\s+(?:the|this|these|those|it|they|we|there|our|their|its|any|all|such|sufficient"
    r"|adequate|enough)\b|,\s+providing\s+(?:it|they|we|there)\b"  # set: a view ("..., provided the council
    # keeps ..."); not "X is a charity, providing housing ...", "..., provided under contract ...": X's work
    r"|view|opinion|consultation|proposal|proposed|draft|provides? for|good|great|right"
    r"|wrong|ambitious|positive|negative|excellent|poor|best|worst|helpful|useful|unclear|unnecessary"
    r"|(?:in)?appropriate|reasonable|sensible|very|extremely|too|highly|particularly|deeply|strongly)\b",
    re.IGNORECASE,
)
_SELF = re.compile(r"\b(?:we|our|us|i|my|me|this response)\b", re.IGNORECASE)  # later sentences' subject
SELF_WORDS = 6  # ... within a sentence's first words ("In preparing this response we held ...")
# A response form's questions about the respondent, answered in a few words: profiling reads them
_PROFILE_QUESTION = re.compile(
    r"responding (?:as|on behalf)|individual or (?:on behalf of )?(?:an? )?(?:organi[sz]ation|group|body)"
    r"|(?:in what|your) capacity",
    re.IGNORECASE,
)
_PROFILE_FIELD = re.compile(  # a field's label, not a question: "Organisation", "Respondent type", "Name"
    r"^(?:(?:your|full|contact|respondent)\s+)?(?:name|organi[sz]ation(?: name| type)?|company(?: name)?|"
    r"employer|position|role|job title|(?:respondent|organi[sz]ation) (?:type|category|sector)|"
    r"type of (?:organi[sz]ation|respondent)|sector|e-?mail(?: address)?|(?:tele)?phone(?: number)?|address"
    r"|postcode)(?:\s*\((?:if applicable|optional|if any)\))?$",
    re.IGNORECASE,
)
ABOUT_HEADING = re.compile(  # "About us", "About Royal Philips", "ABOUT GETTY IMAGES", "Who we are"
    r"^(?i:about)\s+(?:(?i:us)|(?!(?i:(?:the\s+)?(?:consultation|proposals?|regulations?|draft|commission"
    r"|white\s+paper|act|bill|directive|questionnaire|survey|authors?|this|these|our\s+response)\b))"
    r"(?P<name>(?i:the\s+)?[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|of|for|and|&|the))*))\s*[:.]?$"
    r"|^(?i:who\s+we\s+are|our\s+(?:members|membership|organi[sz]ation))\s*[:.]?$"
)
PROFILE_ANSWER_WORDS = 12  # a longer answer to such a question is read as an answer


def about_sections(texts: Sequence[str], answers: Collection[int] = ()) -> set[int]:
    """Indices of the paragraphs of "About us" sections: a heading that announces one ("About us",
    "About DIN", "ABOUT GETTY IMAGES", "Who we are", "Our members") over a paragraph that introduces the
    respondent (`_introduces`), and the paragraphs below it up to the next other heading, a question, a
    paragraph that heads an answer (`answers`: segmentation's question headings) or the end. Position
    papers close with one (4 of the 38 AI-act reference texts); what is in it describes the respondent,
    whatever its wording ("DIN plays a major role in ...")."""
    out: set[int] = set()
    inside = False
    for i, text in enumerate(texts):
        line = " ".join(text.split())
        heading = ABOUT_HEADING.match(line)
        if inside and not heading and (i in answers or line.endswith("?") or is_heading(line)):
            inside = False
        if not inside and heading and i + 1 < len(texts):
            inside = _introduces(heading, " ".join(texts[i + 1].split()))
        if inside:
            out.add(i)
    return out


def _introduces(heading: re.Match[str], text: str) -> bool:
    """The paragraph under an about heading is about the respondent: it states no view, and under
    "About <name>" it starts with that name ("About DIN" / "DIN, the German Institute ..."), so a topic
    heading ("About Transparency" / "Transparency duties must ...") opens no section."""
    if _VIEW.search(text):
        return False
    name = heading["name"]
    if not name:
        return True  # "About us", "Who we are", "Our members"
    name = re.sub(r"^the\s+", "", " ".join(name.split()), flags=re.IGNORECASE)
    start = re.sub(r"^\W*(?:the\s+)?", "", text, flags=re.IGNORECASE)
    return _proper_name(name) and start.lower().startswith(name.lower())


def describes_respondent(text: str, *, by_name: bool = False, names: Collection[str] = ()) -> bool:
    """The paragraph says who the respondent is and states no view (see the module's docstring). `by_name`:
    only where it names the respondent ("Kinship Voices supports the families of ..."), not in the first
    person: inside an answer, "We employ 30 people with convictions ..." is experience offered as evidence.
    `names`: the respondent's own names, if known, by which a one-word name ("Clearway supports ...") or
    its short form ("The Forum is a network of ...", from "Hexbridge Older People's Forum") names it too:
    alone, neither can be told from a capital that starts any sentence."""
    sentences = [text[a:z] for a, z in sentence_spans(text)]
    if len(sentences) > 1 and is_bare_cover(sentences[0], titled=False):  # "I am writing in response ..."
        sentences = sentences[1:]
    while len(sentences) > 1 and is_courtesy(sentences[-1]):  # "... We welcome the opportunity to respond."
        sentences = sentences[:-1]
    flat = " ".join(" ".join(sentences).split())
    if not flat or len(flat.split()) > ABOUT_MAX_WORDS or _VIEW.search(flat):
        return False
    first, *rest = [flat[a:z] for a, z in sentence_spans(flat)]
    if _PERSONAL.match(first):
        if by_name:
            return False
        name = ""
    else:
        named = _NAMED.match(first)
        if named is None or not (_proper_name(named["name"]) or _own_name(named["name"], names)):
            return False
        name = named["name"]
    return all(_about_self(sentence, name) for sentence in rest)


def about_respondent(label: str, answer: str) -> bool:
    """A response form's question about the respondent ("Are you responding as an individual or on
    behalf of an organisation?", "Organisation type", "Name"), answered in a few words."""
    label = " ".join(label.split()).strip(" :?*")
    if len(answer.split()) > PROFILE_ANSWER_WORDS:
        return False
    return bool(_PROFILE_QUESTION.search(label) or _PROFILE_FIELD.match(label))


def _proper_name(name: str) -> bool:
    """Two capitalised words ("Harbourlight Trust") or an acronym first ("ANEC", "DIN"), not the capital
    that starts any sentence ("Charities are ...")."""
    words = name.split()
    if words[0].lower() == "the":
        words = words[1:]
    capitals = [w.strip("()") for w in words if w[0].isupper()]
    return len(capitals) >= 2 or (bool(capitals) and len(capitals[0]) >= 2 and capitals[0].isupper())


def _own_name(name: str, names: Collection[str]) -> bool:
    """`name` ("The Forum", "Clearway") is one of `names` or a short form of one: its capitalised words are
    all words of that name ("Forum" of "Hexbridge Older People's Forum"), a common noun not among them."""
    words = [w for w in name.split() if w.lower() != "the"]
    if not words or not all(w[0].isupper() for w in words):
        return False
    return any(set(words) <= set(n.split()) for n in names)


def _about_self(sentence: str, name: str) -> bool:
    """A later sentence of a self-description: it speaks of the respondent in its first words."""
    head = " ".join(sentence.split()[:SELF_WORDS])
    return bool(_SELF.search(head)) or (bool(name) and sentence.startswith(name))
