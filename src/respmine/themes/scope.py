"""What a phrase's mention means in its sentence: the clause it is in, and whether that clause
dismisses the topic, negates the mention, argues against or for what it names, or lists it as an item.

Negation. A negation cue (not, n't, no, never, without, neither, nor, nothing, none) rarely means a
theme is absent: "we do not have full cost recovery" and "people leave prison without accommodation"
are about the theme's problem, so they are hits (negated, with lower confidence). A mention is dropped
only inside a clause that dismisses the topic: "this is not about funding", "nothing to add on funding",
"no comments on consortia", "no concerns about consortia", "we do not think funding is a problem", "not
relevant", "outside our remit". A clause ends at , ; : ( ) a spaced dash or a contrastive conjunction
(but, although, however, whereas, while, because); a clause opened by "nor" or "or" after a dismissive
clause is dismissive too ("nothing to add on funding, nor on consortia"). A clause also ends at a full
stop the sentence splitter kept inside a sentence: "No. My daughter was remanded ..." answers a question,
it does not negate the remand (`clause_scopes`). Which mentions a negation bears on (`negated`): not
those after a subject it quantifies with a modal ("No child should leave custody", "Nobody should be
remanded": a view held strongly; but "No evidence has been provided that X works" negates X), nor a
"without" that a negation before it doubles ("No child should leave custody without accommodation",
"resettlement cannot work without housing": what it names is asserted as needed).

Rejection. A mention the clause argues against is rejected: "commissioning at regional level would be a
mistake", "X is not the answer", "X should be resisted", "we oppose / are against / do not want X",
"local rather than regional commissioning" (`rejected`). Arguing for: "we favour X", "X should ..."
(`argued`).

Lists. A mention in an example list ("others, such as mentoring, family support or work with women
offenders, are best commissioned in smaller lots") illustrates the point, like a one-word item of a
letter's list (`example_lists`, `listed`; not in a short answer, where the list is the answer).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from respmine.themes.words import FUNCTION_WORDS, NEGATIONS, word_root

_CLAUSE_WORDS = frozenset({"but", "although", "though", "however", "whereas", "while", "whilst", "because"})
_CLAUSE_PUNCT = frozenset({",", ";", ":", "(", ")", "—", "–",
                           ".", "!", "?"})  # inside a sentence: "No. My daughter was remanded ..." is one
_LIST_SEPARATORS = frozenset({",", "and", "or"})
_NOT_AN_ITEM = frozenset({  # after a comma, these open a clause, not the next item of a list
    "who", "which", "whom", "whose", "where", "when", "while", "whilst", "because", "but", "although",
    "though", "as", "so", "if", "unless", "since", "yet", "however"})
_EXAMPLE_MARKERS = (("such", "as"), ("for", "example"), ("for", "instance"), ("e.g.",), ("eg",), ("e.g",))
_CLAUSE_OPENERS = _NOT_AN_ITEM | frozenset({  # ... and these end an example list ("such as A, B or C, are")
    "is", "are", "was", "were", "be", "been", "should", "must", "will", "would", "can", "could", "may",
    "might", "shall", "have", "has", "had", "do", "does", "did", "we", "i", "they", "it", "he", "she", "you",
    "this", "these", "those", "that", "there", "cannot", "mean", "means", "need", "needs", "make", "makes"})
_EXAMPLE_ENDS = frozenset({";", ":", "(", ")", ".", "!", "?", "—", "–"})
_NOT_A_LIST_START = frozenset({"by", "through", "in", "at", "on", "when", "where", "if", "to", "from", "with",
                               "that", "we", "i", "they", "it"})  # "for example by funding ..."
EXAMPLE_LIST_WORDS = 12  # an example list is short: "such as mentoring, family support or work with ..."
FINAL_ITEM_WORDS = 3  # ... and ends soon after its "and" / "or": a comma, a common verb or this many words
_COMMON_VERBS = frozenset({  # what ends a list's last item when no comma does ("such as A and B provide ...")
    "require", "requires", "provide", "provides", "depend", "depends", "rely", "relies", "suffer", "suffers",
    "want", "threaten", "threatens", "deliver", "delivers", "lose", "loses", "struggle", "struggles",
    "serve", "serves", "give", "gives", "take", "takes", "say", "says", "know", "knows", "find", "finds",
    "get", "gets"})
SHORT_ANSWER_WORDS = 25  # up to this many words, a listed item is a point made (`short_answer`)
# Fixed expressions whose words say nothing of their own ("as well" is "also", "of course" is "yes"): a
# label's word inside one is not a mention of it (`well` is not said by "eye tracking as well").
_FIXED_EXPRESSIONS = [tuple(e.split()) for e in (
    "as well", "of course", "in fact", "kind of", "sort of", "no matter", "at least", "at all", "in case",
    "in any case", "at first", "for example", "for instance", "in general", "in particular", "at times",
    "so far", "as long as", "as far as", "as soon as", "all the time", "at the moment", "in the end",
    "on the other hand", "make sure", "i mean", "you know", "i guess")]
_FIXED_BY_FIRST = {e[0]: [f for f in _FIXED_EXPRESSIONS if f[0] == e[0]] for e in _FIXED_EXPRESSIONS}
_PASS_NEGATION = FUNCTION_WORDS | frozenset({  # may stand between a negation and the word it negates
    "really", "ever", "even", "actually", "currently", "usually", "often", "generally", "typically",
    "personally", "necessarily", "always", "yet", "still", "regularly", "normally", "fully", "truly",
    "particularly", "much", "anymore", "longer", "more",  # "not really use", "no longer use"
    "think", "believe", "feel", "expect", "suppose", "imagine", "seem", "seems", "reckon",  # neg-raising
    "choose", "chose", "chosen", "decide", "decided", "want", "wanted", "plan", "planned", "intend",
    "intended", "need", "needed", "wish", "care",  # "did not choose to use them" does not use them
    "enough", "completely", "entirely", "totally", "quite", "altogether", "properly"})
_NOT_A_NEGATION = frozenset({"just", "only", "simply", "merely"})  # "not just", "not only"
# Whether a clause argues against what a mention names (`rejected`): the words that reverse it before it
# (up to three words between) and after it, counted: "X would be a mistake" rejects X, "losing X would be a
# mistake" and "we are not opposed to X" do not. Losses ("losing X", "X lost") reverse but reject nothing
# on their own ("we support moving away from national contracts to X").
_GAP_WORDS = r"(?:\s+(?!(?:and|or|but|so|then|that|which|who|we|i|they)\b)[\w'’-]+){0,3}\s*$"  # one phrase
_REJECT_BEFORE = re.compile(
    r"\b(?:oppos(?:e|es|ed|ing)|opposed to|reject(?:s|ed|ing)?|resist(?:s|ed|ing)?|against|object(?:s|ed)? to"
    r"|avoid(?:s|ing)?(?!\s+(?:by|through|with|via|for|in|unless|if|where)\b)"
    r"|rather than|instead of|as opposed to|an end to)" + _GAP_WORDS)
_NOT_WANT_BEFORE = re.compile(
    r"(?:\b(?:not|never|no longer|cannot)|n't)(?: \w+)? (?:support|favour|favor|want|like|recommend|accept"
    r"|advocate"
    r"|think|believe|agree with|see (?:the )?(?:need|case) for)(?: to see)?" + _GAP_WORDS)
_NOT_AGREED_THAT = re.compile(  # "I do not agree that probation should be commissioned locally": argued
    r"(?:(?:\b(?:not|never)|n't)(?: \w+)? (?:agree|accept|believe|think|convinced|persuaded)"  # against
    r"|\bdisagree"
    r"|\breject the (?:idea|view|suggestion|argument|proposal))(?: \w+)? that"
    r"(?:\s+(?!(?:and|or|but|so|then|which|who)\b)[\w'’-]+){0,8}\s*$")
_NEGATED_REJECT = re.compile(
    r"(?:\b(?:not|never|no|cannot)|n't)(?: \w+)? (?:oppos|reject|resist|against|object|avoid)")
_LOSS_BEFORE = re.compile(
    r"\b(?:los(?:e|es|ing)|loss of|ignor(?:e|es|ing)|fail(?:ure|ing)? to \w+|(?:move|moving|moved) away from"
    r"|abandon(?:ing)?|scrap(?:ping)?|cuts? (?:to|in)|cutting|undermin(?:e|es|ing)|erosion of|erod(?:e|ing)"
    r"|exclud(?:e|es|ing)|exclusion of)"
    + _GAP_WORDS)
_BAD = (r"(?:mistake|error|wrong|bad idea|backward step|retrograde step|step backwards?|misguided|unworkable"
        r"|counter-?productive|damaging|disastrous|disaster|inappropriate|unacceptable|undesirable"
        r"|ineffective|harmful|unhelpful|flawed|short-sighted)(?!-(?:free|proof)\b)")
# Whether the respondent argues for what a mention names (`argued`, for `PhraseRules._unheld_positions`):
# in their own voice before it, the verb within eight words of it and no negation between subject and verb
# ("On balance we favour commissioning at regional level"; not "The Ministry favours ...", "we cannot
# support ..."), or a "should"/"must" or "is best" said of it just after it ("local partners, including
# the voluntary sector, should be involved") or just before it ("A mixed model would work best: strategic
# planning at regional level").
_AFFIRMED = r"(?!(?:not|never|cannot|no)\b)(?![\w'-]*n't\b)[\w'-]+"
_WHAT_IS_ARGUED = (  # words between the verb and the mention: what is argued for, not a new clause ("we
    # support victims, and X ...", "... the principle, but X", "want to stress that X") nor a turn against
    # it ("prefer to avoid X", "urge caution about X", "argue for more scrutiny of X")
    r"(?:\s+(?!(?:but|and|or|that|which|whether|if|avoid\w*|end|ending|stop\w*|caution|scrutiny|review"
    r"|less|fewer|reduc\w*|limit\w*|against|restrict\w*|curb\w*|information|details?|evidence|clarity"
    r"|clarification|consultation|guidance|research|analysis|oversight|discussion)\b(?!-))(?>[\w'()-]+)){0,8}?"
    r"\s*$")
_ARGUED_BEFORE = re.compile(
    rf"\b(?:we|i)(?:\s+{_AFFIRMED}){{0,3}}?\s+(?:favour|favor|prefer|support|advocate|recommend|suggest"
    r"|propose|urge|want|back|would like|call for|argue for|believe in|are in favour of)\b" + _WHAT_IS_ARGUED
    + r"|\b(?:is|are|be|work|works)\s+(?:best|better|preferable)\b\s*[:,-]?(?:\s+(?>[\w'-]+)){0,4}?\s*$")
_ARGUED_AFTER = re.compile(
    r"^(?:\s*(?>[\w',()-]+)){0,7}?\s*\b(?:should|must)\b(?!\s+(?:not|never)\b|\s+(?:be\s+)?(?:resisted"
    r"|avoided|rejected|abandoned|opposed|dropped|scrapped)\b)"
    r"|^(?:\s*(?>[\w'-]+)){0,3}?\s*\b(?:is|are|would be|will be|would work|works|work)\s+(?:the\s+)?"
    r"(?:best|better|preferable|right (?:way|approach|answer|level)|way forward)\b")
# What follows the mention is someone else's (a reporting verb whose subject is not the respondent: "The
# Ministry of Justice says that X should ...", "You propose that X ..."), a condition ("whether, in
# practice, X should") or a quotation: not what the respondent argues.
_REPORTING = re.compile(  # a verb of saying (not "a say", "the proposed model", "the state sector")
    r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bits )(?<!\bour )(?<!\bthis )(?<!\byour )(?<!\btheir )"
    r"\b(?:says?|said|states?(?!-)|stated|stating|propose[sd]?|proposing|claim(?:s|ed|ing)?|argue[sd]?|arguing"
    r"|suggest(?:s|ed|ing)?|ask(?:s|ed|ing)?)\b")
_OWN_VOICE = re.compile(  # the respondent speaking, at a clause's start: "As we stated above", "We have long
    # argued"; not "Providers we fund said"
    r"(?:^(?:(?:on balance|overall|therefore|thus|hence|indeed|again|instead|in short"
    r"|in (?:our|my) \w+(?: \w+)? response),?\s+)?|[,;:(]\s*|\b(?:and|but|as|so)\s+)"
    r"(?:we|i)(?:'ve|'d|'re)?(?:\s+[\w'-]+){0,4}\s+$")
_SPEAKER = re.compile(  # the respondent taking over after a report: "... but we think", "...; we"
    r"(?:\b(?:but|yet|however|whereas|while|although)\b,?\s+|;\s*)(?:we|i)\b(?!\.)")
_CONDITION = re.compile(  # "whether X should", "whether, in practice, X should", an open quotation
    r"\b(?:whether|if|unless)\b(?:\s*[,(][^,()]{0,40}[,)])?(?:\s+[\w'-]+){0,3}\s*$|[\"“‘]\s*$")
_QUALIFIED = (r"(?!\s+(?:without|unless|if|for (?:every|all|some)|in (?:every|all)|everywhere"
              r"|on (?:its|their) own|alone))")  # "... will not work without local input": a condition
_REJECT_AFTER = re.compile(
    r"^(?:\s*(?>[\w'’-]+)){0,4}?\s*\b(?:"
    r"(?:would|will|is|are|was|were|seems?|could|may|might|must|should)(?: also| simply| clearly| surely)?"
    r"(?: be)?"
    r"(?: (?:a|an|the))?(?: (?:serious|big|major|grave|real|great|costly|clear|false|complete|very|deeply"
    r"|entirely|quite|wholly))? " + _BAD + r"\b"
    r"|(?:is|are|would be|will be|seems?)(?: not|n't) (?:the (?:answer|solution|way forward|right \w+)"
    r"|(?:appropriate|workable|sensible|right|helpful|desirable))\b" + _QUALIFIED
    + r"|(?:would|will|does|do|did|could|can)(?: not|n't) work\b" + _QUALIFIED
    + r"|(?:should|must) (?:be )?(?:resisted|avoided|rejected|abandoned|opposed|dropped|scrapped)\b)")
_ALONE = re.compile(r"\s*(?:alone|on (?:its|their) own|by itself|in isolation)\b")
_LOSS_AFTER = re.compile(r"^(?:\s*(?>[\w'’-]+)){0,2}?\s*\b(?:lost|cut|scrapped|abandoned|dropped|weakened"
                         r"|undermined|eroded|diluted|ended|removed|taken away)\b")
NO_SPAN_WORDS = 2  # words "no" may stand before the one it negates ("no final exams", "no proctored exams")
_NOT_FOLLOWED = "|".join(f" {w}" for w in sorted(_NOT_A_NEGATION))  # "not just": no negation
_NEG = rf"(?:not(?!{_NOT_FOLLOWED})|n't|never|no(?! doubt)|neither|nor|nothing|none)"
# The respondent declining a view ("We do not have a strong view on the level of commissioning", "The Trust
# remains neutral on consortia", "I don't care whether it is run locally", "I don't know much about it"), not
# others (`_THIRD_PARTY`: "prison leavers don't know much about mentoring", "the Ministry doesn't care
# whether small charities survive": a point made about them)
_DECLINES = re.compile("|".join([
    r"(?:\bnot|n't)(?: (?:currently|yet|really|as yet))? (?:have|hold|take) (?:a|any) (?:particular |real "
    r"|strong |firm |settled |fixed |clear )?"
    r"(?:views?|opinions?|position|stance|preference) (?:about|on|regarding|as to|whether|either way)\b",
    r"\b(?:am|'m|are|'re|is|remain|remains|feel|feels)(?: fairly| quite| broadly)? (?:neutral|agnostic"
    r"|indifferent|undecided|ambivalent) (?:on|about|as to|whether)\b",  # (not "neutral between sectors")
    r"(?:\bnot|n't) (?:mind|care) (?:whether|if|which|either way|how)\b",
    r"(?:\bnot|n't) know (?:much|anything|a great deal|a lot|enough|very much) about\b",
]))
_THIRD_PARTY = re.compile(
    r"\b(?:they|people|many|most|some|few|others|nobody|everyone|who|ministry|department|government|noms|moj"
    r"|commissioners?|providers?|primes?|leavers|offenders|prisoners|magistrates|judges|victims|families|staff"
    r"|officers|councils|charities|organisations|public)\b")
_DISMISS = re.compile(
    r"|".join([
        r"\bnot (?:really |directly |particularly |especially )?(?:about|relevant|applicable|our concern)\b",
        r"\b(?:irrelevant|not applicable|n/a)\b",
        r"\b(?:no|not any|few) (?:particular |real |major |significant |strong |specific |further |other )?"
        r"(?:concerns?|issues?|problems?|comments?|views?|opinions?|observations?|remarks?|experience"
        r"|position|stance)"
        r" (?:about|on|with|over|regarding|of|in relation to|to make)\b",
        r"\bnothing (?:further |more |much |specific |else |useful )?to (?:add|say|contribute|comment)\b",
        r"\b(?:not|n't) (?:wish|want|intend|propose|feel able|able) to (?:comment|respond|express|offer)\b",
        r"\b(?:do|does|did|will|would|can|could)(?: not|n't) comment\b",
        r"\b(?:outside|beyond) (?:our|my|the) (?:remit|experience|expertise|scope|knowledge)\b",
        r"\bnot (?:a matter|something|an area) (?:for us|we)\b",
        rf"\b{_NEG}\b[^,;:]*?\b(?:an?|any|much of an?) (?:real |major |significant |serious |particular )?"
        r"(?:problem|issue|concern|difficulty)\b",
    ])
)


_OBJECT = (r"(?:(?!\b(?:but|however|although|though|whereas|while|whilst|except|yet|as|because|since|so"
           r"|and)\b)[^,;:.!?\n]){1,80}?")  # what a view is declined on: a phrase, not a clause that turns
_NO_VIEW = re.compile(  # a sentence that only declines to give a view: it says nothing of its object
    r"(?:\W*(?:(?:we|i|the[ \t]+\w+(?:[ \t]+\w+)?|our[ \t]+\w+|this[ \t]+\w+)[ \t]+"  # who declines
    r"(?:(?:would|do|does|did)[ \t]+)?(?:have|has|had|hold|holds|take|takes)[ \t]+)?"
    r"(?:(?:no|not[ \t]+any)[ \t]+(?:particular[ \t]+|specific[ \t]+|further[ \t]+|other[ \t]+|strong[ \t]+"
    r"|firm[ \t]+|real[ \t]+)?(?:views?|opinions?|comments?|observations?|remarks?|position|stance)"
    r"(?:[ \t]+to[ \t]+make)?"
    r"|nothing[ \t]+(?:further[ \t]+|more[ \t]+|else[ \t]+|specific[ \t]+)?to[ \t]+(?:add|say))"
    rf"(?:[ \t]+(?:on|about|regarding|in[ \t]+relation[ \t]+to|as[ \t]+to)[ \t]+{_OBJECT})?"  # "on workload"
    r"(?:[ \t]+(?:at[ \t]+this[ \t]+(?:time|stage)|here|on[ \t]+this[ \t]+(?:occasion|question|point)))?"
    r"|\W*(?:we|i)[ \t]+(?:do[ \t]+not|don['’]t|would[ \t]+not|wouldn['’]t)[ \t]+(?:wish|want|intend|propose)"
    rf"[ \t]+to[ \t]+comment(?:[ \t]+on[ \t]+{_OBJECT})?"
    # "We do not have a strong view on the level of commissioning.", "I don't know much about commissioning"
    r"|\W*(?:we|i|the[ \t]+\w+(?:[ \t]+\w+)?|our[ \t]+\w+)[ \t]+(?:do|does|did)(?:[ \t]+not|n['’]t)[ \t]+"
    r"(?:(?:have|hold|take)[ \t]+(?:a|any)[ \t]+(?:particular[ \t]+|strong[ \t]+|firm[ \t]+|settled[ \t]+"
    r"|fixed[ \t]+|clear[ \t]+|real[ \t]+)?(?:views?|opinions?|position|stance|preference)"
    r"|know[ \t]+(?:much|anything|enough|a[ \t]+lot|a[ \t]+great[ \t]+deal|very[ \t]+much))"
    rf"(?:[ \t]+(?:on|about|regarding|as[ \t]+to|either[ \t]+way)(?:[ \t]+{_OBJECT})?)?"
    r")\s*[.!]?[\s\"”’']*", re.IGNORECASE)


def takes_no_view(sentence: str) -> bool:
    """The sentence only declines to give a view ("We have no view on staff workload.", "We have no
    further comments on staff impact.", "We take no position on franchising.", "Nothing to add."): nothing
    in it codes a theme, though its words name one. Not when it goes on to say something ("Nothing to add
    as I was very pleased with the service", "No comments on X, but ...")."""
    return _NO_VIEW.fullmatch(sentence) is not None


_PRESENTS = re.compile(  # a covering line: who the response is from, how it is sent ("I write as manager of
    # the Northshire Youth Offending Team, on behalf of the council.", "Please see below the response of X")
    r"\W*(?:please\s+(?:see|find|read)\s+(?:below|attached|enclosed|overleaf|here)"
    # "Please accept this email as the response of the Access to Justice Disability Network."
    r"|please\s+accept\s+(?:this|these|the\s+(?:attached|enclosed|following)|our|my)(?:\s+[\w-]+){0,2}?\s+as\b"
    r"|(?:set\s+out\s+)?(?:below|attached|enclosed)\s+(?:is|are|please\s+find)"
    r"|(?:we|i)\s+(?:am\s+|are\s+)?(?:write|writing|respond|responding|reply|replying|submit|submitting)"
    r"\s+(?:as|on\s+behalf\s+of|for|in\s+my\s+capacity)"
    r"|(?:this|the\s+following)\s+(?:response|submission)\s+(?:is|comes)\s+(?:from|on\s+behalf\s+of|submitted)"
    # "This is the response of Hexbridge County Council as local highway authority."
    r"|this\s+is\s+(?:the|a|an|our|my)\s+(?:(?:joint|formal|official|corporate|collective|full|written)\s+)?"
    r"(?:response|submission|reply|evidence)\s+(?:of|from|by|on\s+behalf\s+of)"
    # what it rests on: "This submission draws on our three-year study of footway obstruction in ..."
    r"|(?:this|our|my|the\s+following)\s+(?:response|submission|evidence|reply)\s+(?:(?:is|has\s+been)\s+)?"
    r"(?:draws|drawn|draw|is\s+based|based|builds|built|rests|is\s+informed|informed)\s+(?:on|upon|by)"
    # who approved it: "This response was agreed by the Cabinet Member for Highways on 3 November."
    r"|(?:this|our|my|the)\s+(?:response|submission|reply)\s+(?:was|has\s+been|is)\s+(?:agreed|approved|endorsed"
    r"|signed\s+off|prepared|compiled|written)\s+(?:by|at|with))"
    r"(?!.*\b(?:should|must|believe|think|feel|concern|worr|agree|disagree|oppose|object|support|welcome|urge"
    r"|because"
    r"|but|however|although|not|n't|never|and\s+(?:the|it|i|we|they|my|our|this)\b))"  # no second clause
    r"(.{0,200})", re.IGNORECASE | re.DOTALL)
# What may follow the presentation: a name or role ("manager of the Youth Offending Team, on behalf of the
# County Council", "the response of X to the consultation"), not a clause of its own: "to object to ...", "as
# someone who was released with nowhere to live", "as a small charity that has lost two contracts", "as a
# volunteer mentor; in my experience ..." say something (experience offered as evidence, a view).
_NOT_A_NAME = re.compile(
    r"[;:!?]|\b(?:who|whom|whose|which|that|where|when|whilst|while|since|after|if|so|yet|because"
    r"|is|are|was|were|has|have|had|been|being|be|will|would|can|could|may|might|do|does|did|no|nobody|nowhere"
    r"|none|nothing)\b"
    r"|\bto\s+(?!(?:the|this|these|its|your|our|their|a|an|respond|reply|comment|contribute|submit|give)\b"
    r"|(?-i:[A-Z]))"  # (a name's own "to": "the Access to Justice Disability Network")
    r"|\bto\s+(?:the|this|these|its|your|our|their|a|an)\s+(?![\w'’-]*\s*(?:consultation|questions?|proposals?"
    r"|paper|document|review|call|department|ministry|minister|secretary|committee|council|government)\b)",
    re.IGNORECASE)


def presents_response(sentence: str) -> bool:
    """A covering line that says who the response is from or where it is ("I write as manager of the Youth
    Offending Team, on behalf of the County Council.", "Please see below the response of the Borough
    Council to the consultation.", "This is the response of the County Council as highway authority."),
    what it rests on ("This submission draws on our three-year study of footway obstruction in eight
    towns.") or who approved it: it states no view, though its words (a team, a council, the
    consultation, what was studied) are near a theme's. Not when it goes on to one ("I write as a parent
    because ...") or says anything more than who writes (`_NOT_A_NAME`: "I write on behalf of our
    residents' group to object to ...", "I write as someone who was released with nowhere to live")."""
    m = _PRESENTS.fullmatch(" ".join(sentence.split()))
    return m is not None and not _NOT_A_NAME.search(m.group(1).rstrip(" .”’\"'"))


@dataclass(frozen=True)
class Clause:
    start: int  # token offsets in the doc
    end: int
    dismissive: bool


def clause_scopes(sent: Any) -> list[Clause]:
    """The clause of each token of a sentence (index = token offset in the sentence)."""
    bounds = [0]
    tokens = list(sent)
    for i, tok in enumerate(tokens):
        spaced_dash = tok.text in {"-", "--"} and i > 0 and bool(tokens[i - 1].whitespace_)
        if i > 0 and (tok.text in _CLAUSE_PUNCT or tok.lower_ in _CLAUSE_WORDS or spaced_dash):
            bounds.append(i)
    bounds.append(len(tokens))
    out: list[Clause] = []
    previous = False
    for a, b in pairwise(bounds):
        if a == b:
            continue
        span = sent[a:b]
        text = span.text.lower()
        first = next((t.lower_ for t in span if not t.is_punct), "")
        dismissive = _dismisses(text) or (previous and first in {"nor", "or"})
        out.extend([Clause(span.start, span.end, dismissive)] * (b - a))
        previous = dismissive
    return out


def _dismisses(clause: str) -> bool:
    """The clause (lower case) dismisses its topic: as nothing to say (`_DISMISS`), or by the respondent
    declining a view on it (`_DECLINES`; not a third party said to know or care little)."""
    if _DISMISS.search(clause):
        return True
    m = _DECLINES.search(clause)
    return m is not None and not _THIRD_PARTY.search(clause[: m.start()])


def argued(sent: Any, start: int, end: int) -> bool:
    """The respondent argues for what tokens [start, end) of the sentence name, in so many words
    (`_ARGUED_BEFORE`, `_ARGUED_AFTER`)."""
    before = sent.doc[sent.start : start].text.lower().replace("’", "'")
    after = sent.doc[end : sent.end].text.lower().replace("’", "'")
    reports = list(_REPORTING.finditer(before))
    last = reports[-1] if reports else None  # the respondent may take over again: "... but we think X should"
    reported = _CONDITION.search(before) is not None or (
        last is not None and not _OWN_VOICE.search(before[: last.start()])
        and not _SPEAKER.search(before[last.end():]))
    return bool(_ARGUED_BEFORE.search(before) or (not reported and _ARGUED_AFTER.search(after)))


_SAID_BY_US = re.compile(r"\b(?:i|we)\b(?:\W+\w+){0,3}\W*$")  # the respondent, a few words before


def _disagrees(before: str) -> bool:
    """The respondent says they do not agree that what follows holds ("I do not agree that probation
    should be commissioned locally", "we are not convinced that ..."), not someone else ("the Ministry does
    not accept that ..." reports a view)."""
    m = _NOT_AGREED_THAT.search(before)
    return m is not None and _SAID_BY_US.search(before[: m.start()] + " ") is not None


def rejected(doc: Any, clause: Clause, start: int, end: int) -> bool:
    """The clause argues against what tokens [start, end) name: an odd number of reversing words around
    it, one of them a rejection (see `_REJECT_BEFORE` and the patterns after it)."""
    before = doc[clause.start : start].text.lower().replace("’", "'")
    after = doc[end : clause.end].text.lower().replace("’", "'")
    match = _REJECT_BEFORE.search(before)  # ... unless itself negated ("we are not opposed to X")
    rejects_before = bool(_NOT_WANT_BEFORE.search(before) or _disagrees(before)) or (
        match is not None and not _NEGATED_REJECT.search(before[: match.end()][-40:]))
    rejects_after = bool(_REJECT_AFTER.search(after)) and not _ALONE.match(after)  # "X alone is not it"
    lost = bool(_LOSS_BEFORE.search(before)) + (not rejects_after and bool(_LOSS_AFTER.search(after)))
    reversals = rejects_before + rejects_after + lost
    return reversals % 2 == 1 and (rejects_before or rejects_after)


_SUBJECT_NEGATIONS = frozenset({"no", "nobody", "none"})  # "No child should ...", "None of them should ..."
_BEFORE_SUBJECT = _CLAUSE_WORDS | frozenset({"that", "and", "so", "yet", "then", "therefore", "if", "where",
                                             "when"})  # "we believe that no child should ..."
_MODALS = frozenset({  # what says a view of the subject: "No child should ...", "No charity can survive ..."
    "should", "must", "can", "ca", "could", "will", "wo", "would", "may", "might", "shall", "ought", "needs",
    "deserves"})
_AUXILIARIES = _MODALS | frozenset({  # what ends a subject's noun phrase (no tagger here)
    "is", "are", "was", "were", "has", "have", "had", "does", "do", "did"})


def negated(doc: Any, clause_start: int, start: int, skip: Collection[int] = ()) -> bool:
    """A negation cue of the clause before the token at `start` (not at a `skip` offset: inside a name,
    "No Limits Youth Trust") bears on what starts there: not one that quantifies the clause's subject
    ("No child should leave custody": the mention is in what is said of it), and not a "without" with a
    negation before it, nor that negation ("No child should leave custody without suitable accommodation",
    "we cannot deliver resettlement without funding": the two assert that the child needs it)."""
    cues: list[int] = []
    for i in range(clause_start, start):
        if doc[i].lower_ not in NEGATIONS or i in skip:
            continue
        if doc[i].lower_ == "without" and cues:
            cues.pop()  # the double negation asserts
        else:
            cues.append(i)
    return any(not _negates_subject(doc, clause_start, i, start) for i in cues)


def _negates_subject(doc: Any, clause_start: int, cue: int, start: int) -> bool:
    """The cue at `cue` opens the clause's subject ("No child", "Nobody", "None of them"; at the clause's
    start or after "that", "and", ...) and a modal ends that subject before `start`: what follows is a
    view of every child ("No child should leave custody ..."). Not another auxiliary: "No evidence has
    been provided that local commissioning works", "No organisation has received full cost recovery" and
    "No funding was made available for mentoring" report an absence, and what they name is negated."""
    if doc[cue].lower_ not in _SUBJECT_NEGATIONS:
        return False
    if cue > clause_start and not (doc[cue - 1].is_punct or doc[cue - 1].lower_ in _BEFORE_SUBJECT):
        return False
    first = cue + (2 if doc[cue].lower_ == "no" else 1)  # "no" needs its noun
    verb = next((doc[i].lower_ for i in range(first, start) if doc[i].lower_ in _AUXILIARIES), None)
    return verb in _MODALS


def negates(doc: Any, clause_start: int, word: int, own: frozenset[str] = frozenset()) -> bool:
    """A negation in the clause bears on the word at `word`: only function words, adverbs, verbs that
    pass a negation on ("I don't think there are any benefits") and the label's `own` other words
    ("could not use my camera") stand between them ("never used", "do not currently use", "chose not to
    use", "without having to re-write"), or after "no" up to NO_SPAN_WORDS others ("no final exams");
    not another word the negation belongs to ("I do not know how to use them" is not `does_not_use`),
    nor "not just / only" ("we do not just use them for exams")."""
    others = 0
    for i in range(word - 1, clause_start - 1, -1):
        token = doc[i]
        if token.lower_ in NEGATIONS:
            after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
            if after in _NOT_A_NEGATION:
                return False
            return others == 0 or (token.lower_ == "no" and others <= NO_SPAN_WORDS)
        hyphen_prefix = i + 1 < len(doc) and doc[i + 1].text == "-" and not token.whitespace_
        if not (token.lower_ in _PASS_NEGATION or token.is_punct or hyphen_prefix
                or word_root(token.lower_) in own):
            others += 1
            if others > NO_SPAN_WORDS:
                return False
    return False


def fixed_expression_tokens(sent: Any) -> set[int]:
    """Token offsets (in the doc) of the sentence's words that are part of a fixed expression."""
    words = [t.lower_ for t in sent]
    out: set[int] = set()
    for i, word in enumerate(words):
        for expression in _FIXED_BY_FIRST.get(word, ()):
            if tuple(words[i : i + len(expression)]) == expression:
                out.update(range(sent.start + i, sent.start + i + len(expression)))
    return out


def short_answer(doc: Any) -> bool:
    """A few words in all ("Ease of use, cost and student privacy"): each item of its list is a point
    made, where in a letter's paragraph a list illustrates one."""
    return sum(1 for t in doc if t.is_alpha) <= SHORT_ANSWER_WORDS


def listed(sent: Any, start: int, end: int) -> bool:
    """Tokens [start, end) are an item in a list ("A, B and C"): separators (comma, and, or) on both sides
    of it, or next to it and again an item further on the same side; at least one of them a comma."""
    doc = sent.doc

    def separators(positions: range) -> list[int]:
        return [i for i in positions if sent.start <= i < sent.end and doc[i].lower_ in _LIST_SEPARATORS
                and not (doc[i].text == "," and i + 1 < len(doc) and doc[i + 1].lower_ in _NOT_AN_ITEM
                         and doc[i + 1 : i + 3].text.lower() != "as well")]  # ", as well as" joins items

    before, after = separators(range(start - 1, start)), separators(range(end, end + 1))
    if before and _closes_insertion(sent, before[0]):  # "force pedestrians, including children walking to
        before = []  # school, into the carriageway": what follows the insertion is no item after it
    candidates = [before + after] if before and after else []
    candidates += [before + separators(range(start - 7, start - 2))] if before else []
    candidates += [after + separators(range(end + 2, end + 7))] if after else []
    return any(len(found) > 1 and "," in {doc[i].text for i in found} for found in candidates)


_INSERTION = frozenset({"including", "especially", "particularly", "notably", "mainly", "mostly", "chiefly"})
_PREPOSITIONS = frozenset({  # what resumes a clause after an insertion (", including children, into the")
    "into", "onto", "on", "in", "at", "to", "from", "with", "without", "by", "through", "across", "along",
    "over", "under", "off", "out", "towards", "toward", "around", "past", "near", "for", "of", "within",
    "behind", "between", "up", "down", "away", "back", "outside", "inside", "beside", "against", "among"})


def _closes_insertion(sent: Any, comma: int) -> bool:
    """The comma at token `comma` closes an insertion opened by the comma before it and an INSERTION word
    ("pedestrians, including children walking to school, into the carriageway"): the words either side of
    the insertion are one clause, not items of a list. Only where what follows is not an item like the
    insertion's first: one a preposition, the other not ("including housing advice, mentoring and ..." and
    "in particular in towns, on estates ..." go on listing)."""
    doc = sent.doc
    if doc[comma].text != "," or comma + 1 >= sent.end:
        return False
    opening = next((i for i in range(comma - 1, sent.start - 1, -1) if doc[i].text in {",", ";", ":"}), None)
    if opening is None or doc[opening].text != "," or opening + 1 >= comma:
        return False
    if doc[opening + 1 : opening + 3].text.lower() == "in particular":
        first = opening + 3
    elif doc[opening + 1].lower_ in _INSERTION:
        first = opening + 2
    else:
        return False
    return first < comma and (doc[first].lower_ in _PREPOSITIONS) != (doc[comma + 1].lower_ in _PREPOSITIONS)


def example_lists(sent: Any) -> list[tuple[int, int]]:
    """Token ranges of the example lists in a sentence: "such as", "for example", "for instance" or "e.g."
    followed by an enumeration ("A, B or C", "A and B") that ends at a clause's punctuation, a word that
    opens a clause ("such as mentoring, family support or work with women offenders, are best bought
    locally"), or after its "and" / "or" at a comma, a common verb or FINAL_ITEM_WORDS (no tagger here:
    "such as Nacro and Shelter provide mentoring"), within EXAMPLE_LIST_WORDS; a mention starting in it
    is an example.
    "For example, women offenders need ..." (a comma after the marker) and "for example by funding
    overheads" give an example sentence or a way of doing something, not a list."""
    tokens = list(sent)
    out = []
    for i in range(len(tokens)):
        marker = next((mk for mk in _EXAMPLE_MARKERS
                       if tuple(t.lower_ for t in tokens[i : i + len(mk)]) == mk), None)
        if marker is None:
            continue
        first = i + len(marker)
        if first >= len(tokens) or tokens[first].is_punct or tokens[first].lower_ in _NOT_A_LIST_START:
            continue
        end, last = first, None  # `last`: where the final item starts, after "and" / "or"
        while (end < len(tokens) and end - first < EXAMPLE_LIST_WORDS
               and tokens[end].text not in _EXAMPLE_ENDS and tokens[end].lower_ not in _CLAUSE_OPENERS
               and (last is None or (end - last < FINAL_ITEM_WORDS and tokens[end].text != ","
                                     and tokens[end].lower_ not in _COMMON_VERBS))):
            if tokens[end].lower_ in {"and", "or"}:  # the final item begins after the last of them
                last = end + 1  # ("drug and alcohol treatment or work with women offenders")
            end += 1
        if last is not None and last < end:
            out.append((tokens[first].i, tokens[end - 1].i + 1))
    return out


# A view (a `position` theme: "move part of the standing charge onto unit rates") is argued against in more
# ways than a topic is: by the harm its effect does ("Any move of costs onto the unit rate would hit them
# hardest", "Any shift onto the unit rate costs me money": a sentence on what an option does to people is
# against it, though it names no rejection), by a rejection it is the condition of ("I disagree with
# reducing standing charges if the cost is simply moved onto unit rates"), by a judgement in the clause
# after it ("The council wants to hand the library to a community group, which is wrong"), or by a
# negation ("please do not just put it on the units", "there is no case for X": a view denied is not held,
# though a topic negated is still discussed). Not a benefit ("... would help low users"), a negation that
# reverses a rejection or a loss ("we are not opposed to X", "we would not want to lose X", "we do not think
# X should be abandoned"), nor "without X" ("Without a regional approach we get a patchwork": a need).
_PEOPLE = (r"(?:me|us|them|him|her|you|people|households?|families|family|customers|consumers|pensioners"
           r"|tenants|residents|users|many|most|those|everyone|the (?:poorest|elderly|vulnerable))")
_HARM_AFTER = re.compile(
    r"^(?:\s*(?>[\w'’-]+)){0,4}?\s*\b(?:(?:would|will|could|can|may|might|does|do|is going to|are going to)"
    r"\s+(?:only\s+|also\s+|just\s+|simply\s+|certainly\s+|inevitably\s+|surely\s+)?)?(?:"
    r"(?:hit|hits|hurt|hurts|harm|harms|penali[sz]es?|punish(?:es)?|disadvantages?|burdens?|squeezes?)\b"
    rf"|costs? {_PEOPLE}\b"
    r"|(?:raise|raises|increase|increases|push(?:es)? up|put(?:s)? up|drive(?:s)? up) (?:the |their |our |my "
    r"|people's |household |family |customers' |energy |electricity |heating )*(?:bills?|costs|prices)\b"
    r"|(?:push(?:es)?|drive(?:s)?|force(?:s)?|tip(?:s)?|put(?:s)?)(?: [\w'’-]+){0,3} into (?:fuel |energy )?"
    r"(?:poverty|debt|hardship|arrears)\b"
    r"|(?:make|makes)(?: [\w'’-]+){0,3} worse off\b"
    r"|(?:leave|leaves)(?: [\w'’-]+){0,3} (?:worse off|with nothing|without|stranded|cut off|out of pocket)\b"
    r"|(?:be|is|are) (?:very |deeply |grossly |totally )?unfair\b)")
_REJECTED_IF = re.compile(  # the view is the condition of what the respondent rejects
    r"(?:\bdisagree(?:s|d)? with|\boppos(?:e|es|ed|ing)|\bopposed to|\bobject(?:s|ed)? to|\bagainst"
    r"|\breject(?:s|ed)?)\b(?:\s+[\w'’-]+){0,8}?\s+(?:if|where|when|whenever|once)\b(?:\s+[\w'’-]+){0,8}\s*$")
_JUDGED_NEXT = re.compile(  # the next clause judges what the one before said: ", which is wrong"
    r"^\W*(?:which|and this|but this|this|and that)\s+(?:is|would be|will be|seems|was)\s+"
    r"(?:also\s+|simply\s+|clearly\s+|surely\s+)?(?:(?:a|an|the)\s+)?(?:(?:serious|big|major|grave|real|great"
    r"|costly|complete|very|deeply|entirely|quite|wholly)\s+)?" + _BAD + r"\b")
_NOT_DENIED = re.compile(r"\b(?:without|no doubt)\b")
_HARM_DENIED = re.compile(r"\b(?:not|never|hardly|no longer)\b|n't\b")  # "would not hurt anyone": no harm
_NOT_MINDED = frozenset({  # what a negation before the view reverses: "would not mind X", "no objection to X"
    "mind", "object", "objection", "objections", "problem", "problems", "issue", "issues", "hesitate",
    "hesitation", "doubt", "reason", "than"})  # (and "nothing is fairer than X": a comparison)
DENIAL_WORDS = 6  # a negation denies a view fewer words than this before it ("please do not just put it on")
# the negation is another verb's, or a condition's:
_NOT_A_DENIAL = frozenset({"that", "whether", "if", "unless", "when", "then", "there", "so"})
_CONDITIONAL = frozenset({"if", "unless", "when", "whether"})


def view_rejected(sent: Any, clause: Clause, start: int, end: int, negated: bool) -> bool:
    """The sentence argues against the view tokens [start, end) name in the ways a view is and a topic is
    not argued against (see above): harm after it in its clause, a rejection it is the condition of, a
    judgement in the clause that follows it, or a negation bearing on it that reverses no rejection or
    loss."""
    doc = sent.doc
    before = doc[clause.start : start].text.lower().replace("’", "'")
    after = doc[end : clause.end].text.lower().replace("’", "'")
    harm = _HARM_AFTER.search(after)
    if harm and not _HARM_DENIED.search(after[: harm.end()]) and not _NOT_WANT_BEFORE.search(before) \
            and not negated:
        return True
    condition = _REJECTED_IF.search(doc[sent.start : start].text.lower().replace("’", "'"))
    if condition is not None and not _NEGATED_REJECT.search(
            doc[sent.start : start].text.lower()[: condition.start() + 12][-40:]):
        return True
    if clause.end < sent.end and _JUDGED_NEXT.search(doc[clause.end : sent.end].text.lower()):
        return True
    if not negated:
        return False
    cues = [t.i for t in doc[clause.start : start] if t.lower_ in NEGATIONS]
    if not cues or all(doc[i].lower_ == "without" for i in cues):
        return False
    between = [t.lower_ for t in doc[cues[-1] + 1 : start] if not t.is_space]
    opening = {t.lower_ for t in doc[clause.start : cues[-1]]}
    reversed_ = {t.lower_ for t in doc[cues[-1] + 1 : start]} & _NOT_MINDED
    if len(between) >= DENIAL_WORDS or set(between) & _NOT_A_DENIAL or opening & _CONDITIONAL:
        return False  # ("The Ministry does not accept that X fails", "If it is not there, then X")
    doubled = any(doc[i].lower_ != "without" and cues[-1] - i < DENIAL_WORDS
                  and not any(t.is_punct for t in doc[i : cues[-1]]) for i in cues[:-1])
    if reversed_ or doubled:
        return False  # (a negation reversed, "no reason not to X", or doubled, "can't see why not X": for X)
    return not (_NOT_DENIED.search(before) or _NEGATED_REJECT.search(before)
                or _LOSS_BEFORE.search(before) or _REJECT_AFTER.search(after) or _LOSS_AFTER.search(after))
