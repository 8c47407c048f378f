"""Stance towards the proposal: cue rules when nothing is labelled, a small trained model when it is.

Unfitted (the usual consultation case), sentences are scored with cue phrases ("we support", "we object",
"urge ... to withdraw"), with negation in scope ("we do not support" opposes, "we would not oppose" does
not), hedges and contrast ("while we welcome X, we are concerned that Y" is mixed); a text with no cue is
compared with short stance prototypes, else neutral. An answer opening with "Yes" or "No" to a question
that asks for agreement ("Do you agree with the proposal to ...?", `asks_agreement`) says so in that word:
"Yes." supports, "No, because ..." opposes, "Yes and no" / "Partly" is mixed. To any other question
("Do you have any other comments?" "No.") the word says nothing.

Fitted, two class-weighted logistic regressions are averaged: TF-IDF word and character n-grams (the
wording of known campaigns), and the mean MiniLM embedding of the text's sentences (what is argued, so a
new form letter is still placed). MiniLM reads only 256 word pieces, so sentences are embedded one by
one, not a truncated letter; form letters repeat sentences, and the embedder's cache embeds each distinct
one once. Saved as JSON + .npz (no pickle).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from respmine.records import STANCES, Code
from respmine.structure.ticks import unticked
from respmine.themes.sentences import sentence_spans
from respmine.versions import source_digest

if TYPE_CHECKING:
    from respmine.store.views import SegmentView
    from respmine.themes.codebook import Codebook
    from respmine.topics.embed import Embedder


VERSION = "stance-1"
MIN_CLASS = 2  # a label with fewer training rows cannot be learnt (nor cross-validated): left out of the fit
BLEND = 0.5  # weight of the TF-IDF model's probabilities; the sentence-embedding model gets the rest
C_TEXT, C_DENSE = 10.0, 1.0  # inverse regularisation of the two logistic regressions
MAX_SENTENCES = 64  # sentences embedded per text: all cue sentences first, then evenly spaced others
PROTOTYPE_BAR = 0.55  # similarity a sentence needs to a stance prototype before it counts as a stance
PROTOTYPE_MARGIN = 0.05  # ... and its lead over the opposite stance and the neutral prototypes
CLOSED_CONFIDENCE = 0.95  # a closed answer's own stance ("Yes." to "Do you agree ...?")
Span = tuple[int, int]
Scores = tuple[float, float, float]  # support, oppose, mixed cue weights

_SUBJ = (r"\b(?:i|we|our (?:organi[sz]ation|members|charity|association|council|union|trust|board|company"
         r"|group|society|federation|network|partnership))")
# A body writing of itself in the third person, opening a sentence that has no "we" or "I" ("The council
# supports a statutory ban", "Calderbridge City Council agrees."; not "The local council supports it, but we
# do not", nor "the government")
_BODY_SUBJ = (r"^(?!.*\b(?:we|i|our)\b)\W*(?!(?:some|many|most|few|other|others|several|all|no|every|each|any"
              r"|these|those)\b)(?:the\s+)?(?:[a-z’'&.-]+\s+){0,4}?(?:council|trust|charity"
              r"|association|union|board|federation|network|partnership|forum|alliance|coalition|society"
              r"|foundation|institute|company|authority|school|academy|organi[sz]ation|commissioner"
              r"|constabulary|police|centre|center|project|group|panel|committee|club|consortium"
              r"|collective|co-?operative)\b")  # ("The Northam HMO Landlords Group does not agree ...")
_GAP = r"(?P<gap>(?:\s+[a-z’']+){0,4}?)\s+"  # "we would therefore not support": the gap holds the negation
_SERVED = (r"(?!\s+(?:\d+|over|around|more|some|many|people|children|families|young|adults|women|men|victims"
           r"|those|them|individuals|clients|users|survivors|offenders|staff|communities)\b)")  # a service
_NOUN = (r"(?:proposal|rule|plan|change|polic(?:y|ie)|approach|reform|regulation|measure|option|bill|idea|ban"
         r"|scheme|requirement|allocation|designation|reduction|cut|closure)s?\b")  # ("opposes the cuts")
_OBJ = (r"(?:(?:the|these|this|its|any|such)\s+(?:[a-z’'-]+\s+){0,2}?" + _NOUN  # "the Ministry's new plan"
        + r"|(?:this|the\s+new|the\s+latest)\s+one\b)")  # ("... but support this one")
_JUDGED = r"\s+(?:is|are|would be|will be|seems?|looks?)(?P<gap>(?:\s+[a-z’']+){0,3}?)\s+"  # "is not fair"
_THING = r"\b(?:the|these|this|such)\s+(?:proposed\s+|new\s+)?" + _NOUN + _JUDGED
_A_THING = (r"\ban?\s+(?!(?:voluntary|alternative|different|other|weaker|softer|lighter)\b)"
            r"(?:[a-z’'-]+\s+){0,2}?" + _NOUN + _JUDGED)  # "a blanket national ban would be": judged
# unfair, what is put is judged (only against it: "a different approach would be fair" puts another, and "a
# voluntary scheme would be unworkable" rejects another)
_DOING = (r"(?<!\bnot )(?<!\bnever )(?<!\bwithout )"  # "Not implementing it would be wrong": for it
          r"\b(?!(?:nothing|something|anything|everything|thing|during|bring|morning|evening)\b)"
          r"(?!(?:delay|postpon|scrapp|abandon|withdraw|dropp|stopp|halt|oppos|reject|block|revers|paus|shelv"
          r"|ditch|cancel|weaken|dilut|remov|water|undermin|resist|challeng|fight|obstruct)[a-z]*ing\b)"
          r"[a-z]{3,}ing"  # (undoing what is proposed: "delaying it would be wrong" is for it)
          r"\s+(?:it|this|them|these)\b[^.;,]{0,60}?\s+(?:is|are|would be|will be|seems?)"
          r"(?P<gap>(?:\s+[a-z’']+){0,3}?)\s+")  # doing what is proposed: "putting it on everyone is wrong"
_FAIR = (r"(?:fair|sensible|reasonable|proportionate|necessary|(?:long )?overdue|welcome|positive|justified"
         r"|beneficial|the right (?:thing|approach|step))\b")
_UNFAIR = (r"(?:unfair|unjust|unworkable|flawed|misguided|dangerous|discriminatory|harmful|wrong|unnecessary"
           r"|unacceptable|ill-conceived|premature|unlawful|illegal|disproportionate|excessive|heavy-handed"
           r"|draconian|overkill|unenforceable|counter-?productive|(?:an?\s+)?sledgehammer\s+to\s+crack\s+a\s+nut)\b")
_COURTESY = (r"(?!\s+(?:the|this)\s+(?:consultation|opportunity|chance|invitation|call for evidence"
             r"|review)\b)")  # "We welcome the consultation": a courtesy, no side taken
_NT_BARE = (r"(?:dont|doesnt|didnt|cant|wont|isnt|arent|wasnt|werent|wouldnt|shouldnt|couldnt|mustnt|havent"
            r"|hasnt|hadnt|neednt)")  # without apostrophe: "i dont agree"
_VOTED = (r"\b(?P<gap>(?:(?:did|do|does|would|will|could|not|never|[a-z]+n[’']t|" + _NT_BARE
          + r")\s+)*vot(?:e|es|ed|ing)\b"
          r"(?:\s+[a-z]+){0,2}?)\s+")  # a vote, negated in its gap: "voted not to support", "did not vote"
_KEPT_AS_IS = (  # a that-clause keeping things as they are: "that the service should stay as it is", "that
    # nothing should change", "that the status quo is the only option"
    r"[^.;:]{0,80}?(?:\b(?:current|existing|present)\s+(?:[a-z]+\s+){0,2}?(?:should|must|can|could|needs?\s+to)"
    r"\s+(?:stay|remain|continue|be\s+(?:kept|left|retained|maintained))\b|\bstatus\s+quo\b"
    r"|\bas\s+(?:it|they)\s+(?:is|are)\b|\bnothing\s+(?:should|must|can|needs?\s+to)\s+change\b"
    r"|\b(?:current|existing|present)\s+(?:[a-z]+\s+){0,2}?(?:is|are)\s+(?:the\s+)?(?:only|best|right)\b)")
_CYM_OWN = (r"(?<!\brhai yn )(?<!\bpobl yn )(?<!\bbobl yn )(?<!\beraill yn )(?<!\bllawer yn )(?<!\bpawb yn )"
            r"(?<!\bnhw[’']n )(?<!\brhai[’']n )(?<!\bpobl[’']n )(?<!\bbobl[’']n )(?<!\beraill[’']n )"
            r"(?<!\bpawb[’']n )")
# (not "some would", "many people disagree": "Mae llawer o bobl yn anghytuno", "maen nhw'n gwrthwynebu")
_CYM_SERVED = (r"(?!\s+(?:pobl|plant|teuluoedd|oedolion|menywod|merched|dynion|dioddefwyr|goroeswyr|gofalwyr"
               r"|cleifion|defnyddwyr|cymunedau|unigolion|tenantiaid|trigolion|disgyblion|myfyrwyr|staff|dros"
               r"|mwy\s+na|tua|\d+)\b)")  # whom a body serves: "Rydym yn cefnogi pobl hŷn" (older people)
_RAW_CUES: tuple[tuple[str, str, float], ...] = (
    (_SUBJ + _GAP + r"(?:support(?:s|ed)?" + _SERVED + r"|supportive|welcome[sd]?" + _COURTESY
     + r"|endorsed?|agreed?|applaud"
     r"|commend|favou?r)\b", "support", 1.0),
    (_BODY_SUBJ + _GAP + r"(?:support(?:s|ed)?" + _SERVED + r"|welcome[sd]?" + _COURTESY + r"|endorse[sd]?"
     r"|agree[sd]?)\b",
     "support", 1.0),
    (r"\b(?:supportive of|strongly agree|(?:pleased|delighted|glad) to see)\b", "support", 1.0),
    (r"\b(?:am|are|is|be|remains?|were|was|i[’']m|we[’']re)" + _GAP + r"in favou?r of\b", "support", 1.0),
    (r"\b(?:support|welcome|endorse|back)s?\s+" + _OBJ, "support", 1.0),
    (r"^\W*(?:tend to |somewhat |mostly )?agree\b|\bstep in the right direction\b"
     r"|\b(?:move forward|go ahead|proceed) with " + _OBJ, "support", 0.8),
    (_THING + _FAIR, "support", 0.8),
    (_THING + _UNFAIR, "oppose", 0.8),
    (_A_THING + _UNFAIR, "oppose", 0.8),
    (_DOING + _FAIR, "support", 0.8),
    (_DOING + _UNFAIR, "oppose", 0.8),
    (r"\b(?:urge|ask|calls? (?:up)?on|encourage|please)\b[^.;]{0,100}?\b(?:finali[sz]e|adopt|implement"
     r"|approve|proceed with|go ahead with|press ahead with)\b", "support", 0.8),
    (_SUBJ + _GAP + r"(?:oppose|object|disagree|reject|condemn)(?:s|d|ed)?\b", "oppose", 1.0),
    (_BODY_SUBJ + _GAP + r"(?:oppose|object|disagree|reject)(?:s|d|ed)?\b", "oppose", 1.0),
    (_VOTED + r"(?:against|to\s+(?:oppose|reject|object))\b(?!\s+(?:oppos|reject|object)\w*)",
     "oppose", 1.0),
    (_VOTED + r"(?:in\s+favou?r\s+of|to\s+(?:support|endorse|back|welcome|approve)|for\s+" + _OBJ + r")\b",
     "support", 1.0),  # "Members voted unanimously against reducing ...", "... voted for the proposal"
    (r"\b(?:not|never|cannot|can[’']?t|won[’']?t|don[’']?t|(?:refuse[sd]?|unable|unwilling)\s+to)\s+"
     r"(?:simply\s+|just\s+|possibly\s+)?accept(?:s|ed)?\s+that\b(?=" + _KEPT_AS_IS + r")",
     "support", 0.8),  # refusing things as they are: "We do not accept that the service should stay as it is"
    (r"\b(?:not|never|cannot|can[’']?t|won[’']?t|don[’']?t|(?:refuse[sd]?|unable|unwilling)\s+to)\s+"
     r"(?:simply\s+|just\s+|possibly\s+)?accept(?:s|ed)?"
     r"\s+(?:(?:(?:the|this|these|those|any|such|your)\s+(?:[a-z’'-]+\s+){0,2}?" + _NOUN
     + r"|(?:it|them|cuts?|closures?|reductions?)\b)(?!\s+(?:lightly|easily|readily|without)\b)"
     r"|that\b(?!" + _KEPT_AS_IS + r")"
     r"[^.;:]{0,80}?\b(?:should|must|needs?\s+to|has\s+to|have\s+to|ought\s+to"
     r"|(?:is|are)\s+(?:necessary|needed|required|justified|unavoidable|inevitable|the\s+(?:only|right|best))"
     r")\b)", "oppose", 1.0),  # refusing what is proposed: "We do not accept that Pontnewydd should lose its
    # library", "... the closure"; not a claim refused ("We do not accept that a tag is stigmatising": for it)
    (r"\b(?:in opposition to|opposed to|objections? to|strongly disagree)\b"
     r"|^\W*(?:tend to |somewhat |mostly )?disagree\b", "oppose", 1.0),
    (r"\b(?:opposes?|rejects?|objects? to|disagrees? with|against)\s+" + _OBJ, "oppose", 1.0),
    (r"\b(?:urge|ask|calls? (?:up)?on|request|implore|beg)\b[^.;]{0,120}?\b(?:withdraw|reject|abandon"
     r"|reconsider|scrap|drop|stop|halt|rethink|pause|not (?:proceed|implement|adopt|pass|finali[sz]e))",
     "oppose", 1.0),
    (r"(?:\b(?:urge|ask|call on|calls on|request|implore|beg)\b[^.;]{0,120}?\b(?:exclude|exempt)"
     r"|\b(?:should|must)\s+(?:be\s+)?(?:excluded|exempt(?:ed)?))\b[^.;]{0,80}?\bfrom\s+(?:the|these|this|its"
     r"|any|such|your)\s+(?:[a-z’'-]+\s+){0,2}?" + _NOUN, "oppose", 0.8),  # the proposal narrowed: "we urge
    # the Ministry to exclude 18 to 25 year olds from any mandatory scheme"
    (r"\b(?:remove[sd]?|removing|removal\s+of|delet(?:e|es|ed|ing)|tak(?:e|es|en|ing)\s+out)\b[^.;]{0,80}?"
     r"\bfrom\s+(?:the|this|your|its)\s+(?:[a-z’'-]+\s+){0,2}?(?:plan|proposals?|allocations?|scheme|list|bill"
     r"|strategy)\b", "oppose", 1.0),  # "remove this site from the plan", "call on ... to remove Site H4"
    (r"\b(?:lean(?:s|ing)?|inclined|inclining)\b[^.;]{0,30}?\b(?:towards?|to)\s+(?:disagree|oppos|object"
     r"|reject)\w*", "oppose", 0.8),  # "I lean, on balance, towards disagreeing"
    (r"\b(?:lean(?:s|ing)?|inclined|inclining)\b[^.;]{0,30}?\b(?:towards?|to)\s+(?:agree|support|favou?r"
     r"|accept)\w*", "support", 0.8),
    (r"\b(?:should|must) (?:be )?(?:withdrawn|scrapped|abandoned|rejected|dropped|reconsidered)\b"
     r"|\b(?:do not|don[’']?t|should not|must not) (?:implement|pass|adopt|proceed|go ahead|finali[sz]e"
     r"|approve|make (?:these |this |the |any )?changes?)\b", "oppose", 1.0),
    (r"(?:\b(?:i|we)\s+(?:(?:do|did)\s+not|don[’']?t|cannot|can[’']?t)\s+(?:see\s+how|believe|think)"
     r"|\b(?:i|we)\s+doubt(?:\s+(?:that|whether))?)\b"
     r"(?![^.;]{0,80}?\b(?:current|existing|present|status quo|anything\s+else|any\s+other|anyone|anybody"
     r"|no\s*one|keeping|retaining|leaving|doing\s+nothing)\b)"
     r"[^.;]{0,80}?\b(?:can|could|will|would)\s+(?:ever\s+|possibly\s+|realistically\s+)?(?:meet|work|deliver"
     r"|succeed|cope|provide|achieve|fulfil|satisfy|replace)\b(?![^.;]{0,60}?\bwithout\s+(?:the|this|these|such"
     r"|a|an|any)\s+(?:[a-z’'-]+\s+){0,2}?" + _NOUN + r")", "oppose", 0.8),  # doubt it can work: "We do
    # not believe six libraries can meet that duty" (not "... the current system can cope", "... can cope
    # without this change", "... anything else will work": for it)
    (r"^\W*(?:clos|cutt|reduc|remov|end|introduc|rais|increas|replac|merg|mov|relocat|sell|charg|bann|extend"
     r"|chang|abolish|privati[sz]|outsourc|centrali[sz]|downgrad|transferr|restrict|limit|lower|capp|shutt|slash"
     r"|ax|amalgamat|tagg|scal)ing\b[^.;,]{0,60}?\b(?:would|will)"
     r"\s+(?:(?:also|inevitably|certainly|surely|directly|immediately)\s+)?(?:put|place)\b[^.;]{0,40}?\bat\s+risk\b",
     "oppose", 0.6),  # harm from doing it: "Closing eight branches would put at least 23 posts at risk" (a
    # verb of change: not "Nothing would put ...", "Parking on pavements would put ...", "Failing to act ...")
    (r"\b(?:serious|significant|grave|major|deep|strong|considerable|real)"
     r" (?:concerns?|reservations|misgivings)|\b(?:deeply|seriously|very|extremely|gravely|greatly"
     r"|particularly) (?:concerned|worried|troubled)\b",
     "oppose", 0.8),
    (r"\b(?:concern(?:s|ed)?|uneasy|worried|anxious) (?:about|that|over|regarding|with|by)\b(?<!anxious that)"
     r"|\banxious that\b(?![^.;]{0,60}?\b(?:go(?:es)?\s+ahead|proceeds?|(?:is|are|be)\s+(?:implemented"
     r"|introduced|adopted)|without\s+(?:further\s+)?delay|as\s+soon\s+as|quickly|swiftly|promptly|not\s+(?:be\s+)?delayed)\b)"
     r"|\b(?:reservations|doubts|misgivings) (?:about|over|regarding|on|as to)\b", "oppose", 0.6),
    (r"\b(?:dismayed|appalled|horrified|alarmed|saddened|shocked)\s+to\s+(?:read|see|learn|hear|find|note)\b",
     "oppose", 0.8),  # the counterpart of "pleased to see" (not "disappointed that the document was late")
    (r"^\W*oh[\s,]+(?:wonderful|great|brilliant|marvellous|lovely|fantastic|splendid|perfect|super|joy"
     r"|how\s+(?:wonderful|lovely|nice|clever))\s*[,!]", "oppose", 0.8),  # sarcasm: "Oh wonderful, more ..."
    (r"^\W*oh[\s,]+(?:sure|of\s+course|(?:yes|yeah|right|absolutely|certainly)\b[\s,!]+(?:and\s+)?(?:i[’']m\s+sure"
     r"|i\s+am\s+sure|of\s+course|surely|naturally|obviously|no\s+doubt))\b[\s,!]+[^.;]{0,60}?\b(?:will|would)"
     r"\s+(?:\w+\s+)?(?:collapse|crumble|fall\s+apart|grind\s+to\s+a\s+halt|come\s+to\s+an\s+end|end|be\s+ruined"
     r"|fall)\b[^.;]{0,80}?\bif\b", "support", 0.8),  # sarcasm at the opponents' fears: "Oh yes, I'm sure
    # civilisation will collapse if a grown adult has to swipe a card" (mocks the disaster foretold; not an
    # earnest "Oh yes, the shop will collapse if the fee doubles" answering "Would it affect you?")
    (r"\b(?:we|views?|opinions?|members(?:hip)?|councillors|trustees|governors|residents|parents|staff"
     r"|(?:the|our)\s+(?:committee|board|council|group|community|panel|forum|branch))\s+(?:[a-z]+\s+){0,3}?"
     r"(?:were|are|was|is|remain(?:s|ed)?)\s+(?:(?:deeply|sharply|evenly|fairly|equally|bitterly)\s+)?"
     r"(?:divided|split)\b(?!\s+(?:into|across|among(?:st)?)\b)(?!\s+(?:between|over)\s+(?:the\s+)?(?:[a-z]+\s+)?"
     r"(?:sites?|towns?|villages?|areas?|locations?|libraries|branches|buildings?|offices?|campuses|wards?"
     r"|count(?:y|ies)|regions?|teams?|shifts?|days?|rooms?|floors?|premises|bases?|schools?)\b)",
     "mixed", 0.8),  # "Members were divided." (not "the cost is split", "Staff are split between the two
    # sites")
    (_SUBJ + r"\s+(?:am|are|remain|remains|were|was|have been)" + _GAP  # doubt: "we are not convinced"
     + r"(?:cautious|sceptical|skeptical|wary|doubtful|unconvinced|unpersuaded"
     r"|not (?:convinced|persuaded))\b", "oppose", 0.8),
    # Welsh: agree, support, welcome; disagree, oppose, objection; partly ("Rwy'n anghytuno â'r cynnig")
    # (each verb also soft-, aspirate- or nasal-mutated: "Ni allwn gefnogi" we cannot support, "a chytuno",
    # "am wrthwynebu", "fy nghefnogi")
    (_CYM_OWN + r"\b(?:(?:c|g|ch|ngh)ytuno|(?:c|g|ch|ngh)efnogi" + _CYM_SERVED  # (not "welcome the chance
     + r"|(?:c|g|ch|ngh)roesawu(?![’']r\s+(?:cyfle|ymgynghoriad)\b))\b"  # to respond", "the consultation",
     r"(?![’']n\s+rhannol|\s+yn\s+rhannol)", "support", 1.0),  # "we support older people")
    (_CYM_OWN + r"\b(?:anghytuno|(?:gw|w|ngw)rthwynebu|(?:gw|w|ngw)rthwynebiad)\b", "oppose", 1.0),
    (r"\b(?:(?:c|g|ch|ngh)ytuno|(?:c|g|ch|ngh)efnogi)(?:[’']n|\s+yn)\s+rhannol\b", "mixed", 0.8),
    (r"\b(?:in principle|with (?:some )?reservations|with caveats|mixed views|cautiously welcome|partly agree"
     r"|partially agree)\b|\b(?:qualified|conditional|partial|cautious) (?:support|welcome)\b"
     r"|\b(?:support|welcome|agree)\w*\b[^.;]{0,80}?\b(?:subject to|in part|on condition that"
     r"|only (?:if|where|when|once))\b"  # "would welcome GPS ..., but only if ..." (not "as long as",
     # "provided (that)": an expectation stated with a yes agrees, as the five trials' truths count it)
     r"|\bonly\s+(?:support|welcome|agree|accept)\w*\b[^.;]{0,80}?\b(?:if|where|when|once)\b", "mixed", 0.8),
)
_CUES = tuple((re.compile(p), polarity, w) for p, polarity, w in _RAW_CUES)
_EARLIER = re.compile(  # a cue's object that is another, earlier scheme: "We voted against the previous
    # scheme in 2019 but support this one", "we objected to the old plan" (its side is not on this one)
    r"\s*(?:(?:to|with|of|for)\s+)?(?:the|its|our|your|their|that|an?)\s+(?:previous|earlier|former|old"
    r"|original|last|past|prior)\s+(?:[a-z’'-]+\s+){0,2}?(?:" + _NOUN  # (not "the 2025 proposal": this one
    + r"|ones?\b|versions?\b|consultations?\b)")


_AND_THIS = re.compile(  # the earlier scheme and this one: "We support the previous plan and this one"
    r"\s*(?:,\s*)?(?:and|as\s+well\s+as|and\s+also|and\s+now)\s+(?:(?:the|this|these|your)\s+"
    r"(?:ones?\b(?!\s+(?!(?:as|always|has|was|is)\b)[a-z]+(?:s|ed)\b|\s+(?:is|was|are|were|will|would|can|has|had"
    r"|does|do|did)\b)|new|current|present|latest|revised|proposed)\b|(?:this|these)(?=\s*(?:$|[.,;:!?)]"
    r"|\s+(?:too|also|as\s+well)\b))"  # (not "and this is why ...", "and this one undoes it": a clause)
    r"|(?:the\s+)?(?:new|current|present|revised)\s+" + _NOUN + r")")


def _on_earlier(low: str, match: re.Match[str]) -> bool:
    """The cue's object is an earlier scheme, in the cue ("opposes the previous plan") or right after it
    ("voted against the previous scheme"), and not this one as well ("the previous plan and this one")."""
    found = _EARLIER.match(low, match.end())
    end = found.end() if found is not None else None
    if found is None and (inside := _EARLIER.search(match.group())) is not None:
        end = match.start() + inside.end()
    return end is not None and not _AND_THIS.match(low, end)
_CONCEDED = re.compile(  # others' worries acknowledged, not the writer's own: "We understand the
    # concern about stigma, but the safety of victims has to come first"; to the clause's end (not "We share
    # the concern")
    r"\b(?:understands?|acknowledge[sd]?|recogni[sz]e[sd]?|appreciate[sd]?|hear|heard|respect(?:s|ed)?)\s+"
    r"(?:(?:the|these|those|such|some|their|people[’']s|others[’'])\s+)?(?:[a-z-]+\s+)?(?:concerns?"
    r"|reservations|worries|fears|misgivings|doubts)\b(?:(?!\b(?:but|and|however|yet|so|which)\b)[^,;.:])*")
_OTHERS_SAY = (  # others (not the writer's own members) holding a view: "Some say", "Some landlords argue
    # that", "Critics claim", "Others have suggested"
    r"\b(?:some|many|several|other|others|critics|opponents|sceptics|skeptics|detractors)(?!\s+of\s+(?:our|us)\b)"
    r"(?:\s+(?!(?:but|however|yet|we|i)\b)[a-z’'-]+){0,2}?\s+(?:have\s+|has\s+)?(?:say|says|said|argue[sd]?"
    r"|claim(?:s|ed)?|think|thought|believe[sd]?|feel|felt|fear(?:s|ed)?|suggest(?:s|ed)?|insist(?:s|ed)?"
    r"|complain(?:s|ed)?|worry|worried|maintain(?:s|ed)?)\b")
_REPORTED = re.compile(  # a view reported as others' before the writer's own, up to the contrast: "Some
    # say the proposal goes too far, but we welcome it" (not "Some say it goes too far, and I agree"); or in
    # a clause conceding it: "We welcome it, although some say it goes too far"
    _OTHERS_SAY + r"[^;:.]*?(?=[,;]?\s*\b(?:but|however|yet)\b)"
    r"|\b(?:although|though|while|whilst)\s+" + _OTHERS_SAY + r"[^;:.,]*", re.IGNORECASE)


_CAP = r"(?:[A-Z][\w’'&.-]*|&)"  # a capitalised word of a name ("NHS", "Friends", "St.")
_STATE = (r"(?:Government|Department|Ministry|Minister|Secretary|Treasury|Home\s+Office|Cabinet|Parliament"
          r"|ICB|Executive)\b")  # the consultor and the state, whose views a respondent reports
_NAMED_BODY = re.compile(  # a body writing of itself by its name, opening the sentence and followed by its
    # verb: by a determiner and capitalised words ("The College", "The League of Friends", "Our Society"), a
    # body's people ("The partners of Dalesview Medical Practice"), or a name of two or more capitalised
    # words up to eight ("North Country Ambulance Service NHS Trust"); not the state ("The Government"), nor
    # "The Royal College has said it supports ..." (only adverbs, negation and auxiliaries before the verb)
    r"^\W*(?P<subj>(?:(?:The|Our)\s+(?:(?:partners|members|trustees|directors|governors|officers|staff"
    r"|board|committee|council)\s+of\s+(?:the\s+)?)?(?!" + _STATE + r")" + _CAP
    + r"|(?!(?:The|Our|Some|Many|Most|All|Both|These|Those|Other|Several)\b)" + _CAP
    + r"(?=\s+(?:(?:of|and|for|the|on|in)\s+)*[A-Z]))"
    r"(?:\s+(?:(?:of|and|for|the|on|in)\s+)*" + _CAP + r"){0,7})"
    r"(?P<gap>(?:\s+(?:strongly|fully|broadly|partly|partially|largely|warmly|firmly|generally|therefore|also"
    r"|cannot|can|does|do|did|not|would|will|could|n[’']t|doesn[’']t|don[’']t)){0,4})"
    r"\s+(?P<verb>(?:agree|support|welcome|endorse|oppose|disagree|object|reject)(?:s|d)?)\b"
    r"(?P<that>\s+that\b)?")


def _named_body(sentence: str, low: str) -> str:
    """`low` (the sentence lower-cased) with a body's name opening it (`_NAMED_BODY`) read as "board", a
    body writing of itself, so the body's cues read it (offsets kept); a bare name agreeing "that ..." is a
    view reported ("NHS England agrees that ..."), unless the writer names itself with a determiner."""
    found = _NAMED_BODY.match(sentence)
    if found is None or _WE_I.search(sentence):
        return low
    subj = found["subj"]
    if found["that"] and not re.match(r"(?:The|Our)\s", subj):
        return low
    a, b = found.span("subj")
    return low[:a] + "board".ljust(b - a) + low[b:]


_WE_I = re.compile(r"\b(?:we|I|our|us)\b", re.IGNORECASE)


def _unreported(sentence: str) -> str:
    """The sentence with views reported as others' (`_REPORTED`) blanked (offsets kept)."""
    return _REPORTED.sub(lambda m: " " * len(m.group()), sentence)


_CAVEAT = re.compile(  # support going on to what must change: a condition ("..., but the Department must fund
    # the officers this will require"), as "support, subject to X" is
    r"\b(?:but|however|although|though)\b[^.;]*?\b(?:must|should|needs?\s+to|will\s+need\s+to|has\s+to"
    r"|have\s+to|ought\s+to)\b(?!\s+(?:not\s+)?(?:be\s+)?(?:delayed|watered|weakened|diluted)\b)"
    # (nor the proposal urged sooner or further: "but it should be introduced as soon as possible")
    r"(?![^.;,]*?\b(?:as soon as possible|without (?:further )?delay|urgently|immediately|sooner|swiftly"
    r"|go (?:much )?further)\b)")
CAVEAT_WEIGHT = 0.8
_SERVED_BEFORE = re.compile(  # "Victims we support have told us ...", "older people we support lose ...": a
    # relative clause naming whom the writer serves, not a view ("Yes we support it", "As parents we support")
    r"(?<!\bas )\b(?:people|persons|victims|survivors|families|children|women|men|girls|boys|clients|users"
    r"|residents|tenants|patients|carers|students|pupils|learners|offenders|prisoners|communities|adults|parents"
    r"|individuals|members|those|whom|who)\s+$")
# the serving verb ("the people we agree" or "we welcome" names no one served)
_SERVES = re.compile(r"(?:we|i)(?:\s+[a-z’']+){0,2}?\s+support(?:s|ed)?\b")
_OWN_CLAUSE = re.compile(r"\W*(?:as|like|speaking|being|on behalf of|for(?!\s+(?:many|most|some|all"
                         r"|several|lots|a\s+lot|each|every|those|the|these)\b))\b")  # "As parents and
# carers we support it": who the writers are, then their view (not "For many of the people we support, ...")


def _served(low: str, at: int) -> bool:
    """The support cue at `at` ("we support") is a relative clause naming whom the writer serves ("Victims we
    support have told us ..."), not a view: "support" after a people's word, in a clause that does not open
    by saying who the writers are ("As local residents we support this")."""
    if not _SERVES.match(low, at) or not _SERVED_BEFORE.search(low, 0, at):
        return False
    start = max(low.rfind(c, 0, at) for c in ".;:,!?") + 1
    return not _OWN_CLAUSE.match(low, start)


_NEG = re.compile(r"\b(?:not(?!\s+only)|never|no|cannot|nor|neither|without|hardly|unable|unwilling"
                  r"|refuses?|refused|ddim|nid|nad|methu|(?:ni|na)\s+(?:all|fedr|fydd|wn|ch)[a-z]*)\b"
                  r"|n[’']t\b|\b" + _NT_BARE + r"\b")  # ("we are unable to support", "we refuse to
# accept"; Welsh "Nid ydym yn cytuno", "Dydw i ddim yn cefnogi")
_NEG_SUBJECT = re.compile(r"\W*(?:neither|no|none|nor)\b")
_NEG_OPENING = re.compile(  # a clause opening on a negated subject, then at most a few words before the cue:
    # "None of our members support", "Nobody we spoke to opposed it", "No member of the board supports",
    # "Nor do we support" (not "No doubt we support", "No, we support": an answer)
    r"(?:^|[.;:!?]\s*)\W*(?:none|neither|nor|nobody|no\s*-?\s*one|not\s+(?:one|a\s+single)|no(?!\s+(?:doubt|wonder"
    r"|matter|question)\b)(?=\s+[a-z]))(?:\s+(?!(?:and|or|but|so|because|since|as|therefore|then|if|when|while"
    r"|although|that)\b)[a-z’'-]+){0,5}\s*$")  # (not "No IT costs arise and we welcome this plan")
_CLAUSE = re.compile(r"[,;:()—–]|\b(?:but|however|although|though|while|whilst|yet)\b")
_CONTRAST = re.compile(r"\b(?:but|however|although|though|while|whilst|yet|despite|notwithstanding"
                       r"|nevertheless|that said)\b")
_HEDGE = re.compile(r"\b(?:broadly|generally|largely|mostly|on balance|tentatively)\b")
_NEUTRAL = re.compile(r"\b(?:neither agree nor disagree|no (?:view|opinion|comment)s?\b|not applicable"
                      r"|(?:do not|don[’']?t) know)")
_WORDY = re.compile(r"\w")
_PROPOSAL = (r"(?:proposals?|proposed|plans?|options?|changes?|approach|reforms?|measures?|requirements?"
             r"|duty|model|polic(?:y|ies)|principles?|recommendations?|amendments?|ban|introduction|intention"
             r"|aims?|objectives?|definitions?|framework|rules?|scheme|regulations?|guidance|strategy|pilots?"
             r"|moves?|extension|removal|idea|creation)\b"
             r"|(?:introduc|extend|rais|remov|requir|allow|bann|increas|reduc|creat|mak|sett|mov|lower|capp"
             r"|charg|replac|chang|amend|expand|abolish|limit|restrict)ing\b"  # "support raising the age"
             r"|(?:this|these|it|that|them)\s*(?:$|\?)")  # "The Government proposes X. Do you support this?"
_OBJECT_WORD = (r"(?:(?!(?:current|existing|present|by|under|on|from|with|of|in|for|to|at|about|through"
                r"|during|after|before|within|across|affected|via)\b)[a-z'’-]+\s+)")  # a word of the object
_AGREEMENT = re.compile(  # "Do you agree ...", "Would your organisation support the proposal ...", "Are you
    # in favour of ...", "Are you content with the proposed approach?", "Do you think ... is fair?"
    r"\b(?:do|does|would|will|could|can|are|is)\s+(?:you|your\s+[a-z]+)\s+(?:[a-z]+\s+){0,2}?"
    r"(?:agree\b(?!\s+to\b)|(?:be\s+)?in\s+favou?r\s+of\b"  # ("agree to be contacted": consent)
    r"|(?:support|welcome|favou?r|endorse|accept|approve(?:\s+of)?|back"
    r"|(?:be\s+)?(?:content|happy|satisfied)\s+with)"
    rf"\s+{_OBJECT_WORD}{{0,4}}(?:{_PROPOSAL}))"  # the object is a proposal: not "support people",
    # "accept any referrals", "support families affected by the policy", "satisfied with the current rules"
    r"|\bdo\s+you\s+(?:think|believe|consider|feel)\s+(?!(?:that\s+)?the\s+(?:current|existing)\b)"
    r"[^?]{0,150}?\b(?:is|are|would\s+be|will\s+be|to\s+be)\s+"
    r"(?:fair|right|appropriate|reasonable|sensible|proportionate|correct|the\s+right)\b", re.IGNORECASE)
_HANDLE = (  # what is done with a respondent's words or details
    r"(?:contact(?:ing)?|publish(?:ing)?|quot(?:e|ing)|shar(?:e|ing)|us(?:e|ing)|nam(?:e|ing)|identify(?:ing)?"
    r"|keep(?:ing)?|stor(?:e|ing)|e-?mail(?:ing)?|pass(?:ing)?|get(?:ting)?\s+in\s+touch|follow(?:ing)?\s+up)"
    r"(?:\s+(?:with|from|on|to|in))?\s+")
_RESPONSE = (r"your\s+(?:(?:organisation[’']?s?|full|own)\s+)?"
             r"(?:responses?|reply|answers?|comments?|submission|views|name)\b")
_YOU = (rf"(?:you\b|{_RESPONSE}"
        r"|your\s+(?:contact\s+|personal\s+)?(?:details|e-?mail(?:\s+address)?|address)\b)")
_CONSENT = re.compile(  # consent to the respondent or their response being contacted, quoted or
    # named: no view on anything proposed ("we may contact you", "publish your response", "for your name to
    # be published"; not "the council may publish enforcement data", "league tables should continue to be
    # published", "will the new rules keep you safe")
    r"\b(?:we|us|the\s+(?:department|ministry|council|government|team|authority|commission))\s+"
    rf"(?:(?:may|can|could|might|will|to)\s+)?{_HANDLE}{_YOU}|\b{_HANDLE}{_RESPONSE}"
    rf"|{_YOU}\s+(?:to\s+be|being|(?:may|can|could|will)\s+be)\s+(?:contacted|quoted|named|identified|published"
    r"|shared|used)\b", re.IGNORECASE)
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_OFFERS_YES_NO = re.compile(r"\byes\s*(?:/|\||,|\bor\b)\s*no\b", re.IGNORECASE)  # a closed question's answers
_ADJECTIVES = (r"(?:appropriate|right|reasonable|proportionate|fair|sufficient|adequate|acceptable|justified"
               r"|necessary|workable|effective|realistic|achievable|feasible|sensible|affordable|suitable|clear)")
_PROPOSES = re.compile(  # a closed question on what should be done: "Should ...", "Do you think X should",
    # "Is the proposed age limit appropriate?", "Do you want the ban to apply online?"; not "Do you think the
    # current system works?"
    r"\W*(?:(?:q(?:uestion)?\s*\d+\W*)?)(?:should|shall|ought|must\b|(?:do|would)\s+you\s+(?:think|consider"
    r"|believe|feel)\b(?!\s+(?:that\s+)?the\s+(?:current|existing)\b)|do\s+you\s+want\b"
    r"|would\s+you\s+(?:like|prefer)\b"
    rf"|(?:is|are|would|will)\b[^?]{{0,120}}\b{_ADJECTIVES}\b)", re.IGNORECASE)
_WH = re.compile(r"^\W*(?:why|what|how|which|when|where|who|whom|whose)\b", re.IGNORECASE)
_AFTER = r"[\"'”’*]?(?=\s*(?:$|[.,;:!()\n–—]|-\s)"  # after the word: an optional closing quote, then a stop
_SURELY = r"(?:(?:definitely|absolutely|certainly|very\s+much|oh|on\s+balance)[\s,]+)?"  # "Definitely yes."
_CLOSED = re.compile(  # a closed answer's opening word, then punctuation, a dash, the line's end or a word
    rf"^\W*{_SURELY}(?:(?P<mixed>yes\s+and\s+no|partly|in\s+part|partially){_AFTER})"
    rf"|(?P<support>yes|yeah|yep|yd(?:ym|w|yn|y)){_AFTER}|\s+[a-z])"  # (Welsh "Ydym": "we do")
    r"|(?P<oppose>no|nope|nac[ \t]+yd(?:ym|w|yn|y))"  # (Welsh "Nac ydym"; not "Na.": "NA" is "N/A")
    r"(?![ \t]*\.[ \t]*\d+\b(?![.)%]))"  # "No. 5 of the proposals" is a number ("No. 20p is too low" no)
    rf"{_AFTER}|\s+(?!(?-i:IT)\b)(?:we|i|but|because|it|this|that|they|not|as|there|these|the)\b))",
    # ("No IT costs": not an answer)
    re.IGNORECASE)
_CLOSED_WORDS = {"support": "we agree", "oppose": "we disagree", "mixed": "we partly agree"}  # as cues read
_UNSURE = (r"(?:don[’']?t|do\s+not)\s+know|not\s+(?:sure|certain)|unsure|undecided|no\s+(?:idea|clue)"
           r"|(?:(?:don[’']?t|do\s+not)\s+have\s+an?|have\s+no)\s+(?:settled|firm|fixed|clear)\s+(?:view|position)"
           r"|(?:ddim|dim)\s+yn\s+(?:gwybod|siŵr|siwr)")  # (Welsh: "do not know", "not sure")
_WE = r"(?:(?:i|we)\s+)?"  # "We partly agree.", "I disagree.": the answer in a sentence of its own
_FULLY = r"(?:\s+(?:strongly|entirely|fully|completely|wholeheartedly))?"  # "We agree strongly."
_CYM = (r"(?:(?:rydw|rwy|dw|ydw)\s*(?:i)?[’']?n\s+|yr\s+wyf\s+yn\s+|rydym\s+yn\s+"
        r"|rydyn\s+ni[’']?n\s+)?")  # (Welsh "I am" / "we are")
_CYM_NOT = (r"(?:(?:(?:dw|rydw|rwy)\s+i\s+|dydw\s+i\s+|dydyn\s+ni\s+)?(?:ddim|dim)\s+yn\s+"
            r"|nid\s+(?:wyf|ydw|ydym)\s+(?:i\s+|ni\s+)?yn\s+)")  # (Welsh "not")
_CYM_FULLY = r"(?:[’']n\s+gryf|\s+yn\s+gryf)?"  # (Welsh "strongly")
_BARE = re.compile(  # an answer's first sentence that is only a closed answer: "Yes.", "No", "Don't know."
    rf"\W*{_SURELY}(?:(?P<mixed>yes\s+and\s+no|{_WE}(?:partly|partially|in\s+part)(?:\s+agree)?"
    rf"|{_CYM}cytuno\s+yn\s+rhannol)"
    rf"|(?P<support>{_WE}(?:strongly\s+|tend\s+to\s+)?agree{_FULLY}|yes|yeah|yep|yd(?:ym|w|yn|y)"
    rf"|{_CYM}cytuno{_CYM_FULLY}|cytunaf|cytunwn)"
    rf"|(?P<oppose>{_WE}(?:(?:strongly\s+|tend\s+to\s+)?disagree|do\s+not\s+agree|don[’']?t\s+agree){_FULLY}"
    rf"|no|nope|nac\s+yd(?:ym|w|yn|y)|{_CYM}anghytuno{_CYM_FULLY}|{_CYM_NOT}cytuno{_CYM_FULLY})"
    rf"|(?P<neutral>{_WE}(?:{_UNSURE}|neither\s+agree\s+(?:n|)or\s+disagree|neutral)"
    r"|(?:ddim|dim)\s+yn\s+cytuno\s+nac?\s+yn\s+anghytuno|niwtral))[\s.!,;:–—-]*",
    re.IGNORECASE)  # (Welsh: "cytuno" agree, "anghytuno" / "ddim yn cytuno" disagree, "yn rhannol" partly)
_SAYS_UNSURE = re.compile(  # "Don't know.", "Not sure yet - ...", "We don't know yet"; not "Not sure this is
    # the right approach" (a doubt, argued)
    rf"\W*(?:(?:i|we)\s+)?(?:{_UNSURE})(?:\s+yet)?(?:\s+(?:on|about)\s+(?:this|that|the)(?:\s+(?:question|issue"
    r"|point|proposal))?)?\s*(?:[.,;:!?–—-]|$)", re.IGNORECASE)
_SAYS_NEITHER = re.compile(  # a scale's middle answer: "Neither agree nor disagree", "Neutral.", "We are
    # neutral on local versus regional commissioning"; not "Neither the council nor ...", "Neutral observers"
    r"\W*(?:(?:i|we)\s+)?(?:neither\s+agree\s+(?:n|)or\s+disagree|neutral\s*(?:[.,;:!?–—-]|$)"
    r"|(?:am|are|remain)\s+(?:broadly\s+)?neutral\s+(?:on|about|as\s+to|regarding|between)\b)",
    re.IGNORECASE)
_NO_VIEW = re.compile(  # a sentence saying the writer takes no side, then at most what on: "We have no
    # view on whether ...", "On Site H4, I am undecided.", "We are not convinced either way.", "The council
    # ... has no view."; not "Not sure this is the right approach" (a doubt, argued), "not convinced that"
    r"(?:(?:^\W*|\b(?:have|has|hold|holds|take|takes|make|makes|express|offer|give)\s+)no"
    r"|\b(?:(?:do|does|did)\s+not|don[’']?t|doesn[’']?t|(?:am|are|is)\s+not|(?:decline[sd]?|declining|prefer"
    r"|prefers|wish|wishes)\s+not|(?:do|does)\s+not\s+wish|decline[sd]?|declining)\s+(?:to\s+)?"
    r"(?:have|hold|take|taking|express|expressing|offer|offering|give|giving|state)\s+(?:a|an|any))\s+"
    r"(?:(?:strong|settled|firm|fixed|clear|particular|real|collective|overall|formal)\s+)?"
    r"(?:view|opinion|position|preference|comment|stance)s?"  # ("We take no position on", "We make no
    r"|\b(?:decline[sd]?|declining|(?:do|does)\s+not\s+wish|prefer\s+not)\s+to\s+comment\b"  # comment on")
    r"|\b(?:am|are|is|remain|remains)\s+(?:(?:still|genuinely|honestly|frankly)\s+)?"
    r"(?:undecided|unsure|uncertain|not\s+sure|torn|(?:not|un)\s*(?:convinced|persuaded)\s+either\s+way)"
    r"|\b(?:(?:honestly|really|genuinely|simply|just)\s+)?(?:do\s+not|don[’']?t)\s+know(?:\s+enough)?",
    re.IGNORECASE)  # ("On whether charities should ..., I honestly don't know.", "We don't know enough")
_ON_WHAT = re.compile(  # what follows a "no view" up to the sentence's end: only what it is on
    r"(?:\s+(?:on|about|whether|as\s+to|regarding|either\s+way|at\s+(?:this|present)|yet|for\s+now"
    r"|on\s+this)\b[^;:,]*)?[\s.!]*", re.IGNORECASE)  # (no clause after: "on the funding, which must rise")
_PROTOTYPES = {
    "support": ("We support the proposal.", "We welcome these changes and agree with the plan.",
                "The proposal should go ahead.", "I am in favour of this rule."),
    "oppose": ("We oppose the proposal.", "The proposal should be withdrawn.",
               "We object to the plan and urge you to reject it.", "I am against this rule."),
    "neutral": ("We have no view on this question.", "Thank you for the opportunity to respond.",
                "This response sets out who we are.", "Please find our response attached."),
}
_TFIDF_PARAMS: tuple[tuple[dict[str, Any], int], ...] = (  # CountVectorizer settings, vocabulary size
    ({"analyzer": "word", "ngram_range": (1, 2), "strip_accents": "unicode"}, 30_000),
    ({"analyzer": "char_wb", "ngram_range": (2, 5), "strip_accents": "unicode"}, 60_000),
)


@dataclass(frozen=True)
class StancePrediction:
    stance: str  # a label seen in training, or one of STANCES when unfitted
    confidence: float  # 0..1
    evidence: Span | None  # char span of the sentence that shows the stance most clearly


@dataclass(frozen=True)
class _Cues:
    """One text's sentence spans and their (support, oppose, mixed) cue weights."""

    spans: list[Span]
    scores: list[Scores]

    def totals(self) -> Scores:
        s, o, m = (sum(column) for column in zip(*self.scores, strict=True))
        return s, o, m

    def sample(self) -> list[int]:
        """Sentences to embed: all when few; else cue sentences first, then evenly spaced ones."""
        n = len(self.spans)
        if n <= MAX_SENTENCES:
            return list(range(n))
        cued = sorted((i for i in range(n) if any(self.scores[i])), key=lambda i: -sum(self.scores[i]))
        spread = np.linspace(0, n - 1, MAX_SENTENCES).round().astype(int).tolist()
        return sorted(dict.fromkeys([*cued[: MAX_SENTENCES // 2], *spread]))[:MAX_SENTENCES]


def _negated(sentence: str, match: re.Match[str]) -> bool:
    """Negation in scope: inside the subject-verb gap, or in the last words of the clause before the cue."""
    if "gap" in match.re.groupindex:  # (and a body's subject: "Neither organisation can support", "No
        # member of the board supports")
        return bool(_NEG.search(match.group("gap")) or _NEG_SUBJECT.match(sentence, match.start())
                    or _NEG_OPENING.search(sentence, max(0, match.start() - 80), match.start()))
    before = sentence[max(0, match.start() - 300): match.start()]
    if _NEG_OPENING.search(sentence, max(0, match.start() - 80), match.start()):
        return True
    clause = [m.end() for m in _CLAUSE.finditer(before)]
    window = before[clause[-1] if clause else 0:].split()[-4:]
    return bool(_NEG.search(" ".join(window)))


_AGREED_THAT = re.compile(  # agreeing with a judgement: "I agree that the plan is not fair", "We agree with
    # the view that ...", up to a contrast or the clause's end
    r"\bagree[sd]?\s+(?:with\s+(?:the\s+(?:view|point|argument)|those\s+who\s+(?:say|argue|think"
    r"|believe))\s+)?that\s+(?P<what>[^;:]*?)(?=,?\s+(?:but|however|although|though|while|whilst|yet)\b|[;:]|$)")


def score_sentence(sentence: str) -> Scores:
    """(support, oppose, mixed) cue weights of one sentence; a negated cue counts for the other side."""
    low = _named_body(sentence, sentence.lower())
    if _NEUTRAL.search(low):
        return 0.0, 0.0, 0.0
    judged = _agreed_judgement(low)
    if judged is not None:
        return judged
    low = _unreported(_CONCEDED.sub(lambda m: " " * len(m.group()), low))  # (offsets kept)
    best = {"support": 0.0, "oppose": 0.0, "mixed": 0.0}
    said = len(low)  # where the first support said ends
    for pattern, polarity, weight in _CUES:
        for match in pattern.finditer(low):
            if (polarity == "support" and _served(low, match.start())) or _on_earlier(low, match):
                continue
            side, strength = polarity, weight
            if polarity != "mixed" and _negated(low, match):  # "not oppose" is at most a weak yes
                side, strength = ("oppose", 0.9 * weight) if polarity == "support" else ("support", 0.3)
            best[side] = max(best[side], strength)
            said = min(said, match.end()) if side == "support" else said
    s, o, m = best["support"], best["oppose"], best["mixed"]
    if s and not (o or m) and _CAVEAT.search(low, said):  # "agrees that ..., but the Department must fund"
        m = CAVEAT_WEIGHT
    if s and (m or _HEDGE.search(low)):  # "broadly support" is weaker; "support, subject to X" is mixed
        s *= 0.5 if m else 0.7
    if s and o and _CONTRAST.search(low):  # "while we welcome X, we are concerned that Y"
        m = max(m, s, o)
    return s, o, m


def _agreed_judgement(low: str) -> Scores | None:
    """A sentence agreeing (or not) that a clause holds, where the clause takes one side by itself: the
    agreement takes that side ("I agree that the plan is not fair" opposes, "I do not agree that the plan
    is unfair" supports), not the side of "agree"; the rest of the sentence is read as usual."""
    found = _AGREED_THAT.search(low)
    if found is None or not found["what"].strip():
        return None
    inner = score_sentence(found["what"])
    if (inner[0] > 0) == (inner[1] > 0):
        return None
    against = (inner[1] > 0) != _negated(low, found)
    s, o, m = score_sentence(low[: found.start()] + " " * (found.end() - found.start()) + low[found.end():])
    if against:
        o = max(o, inner[1] or inner[0])
    else:
        s = max(s, inner[0] or inner[1])
    if s and o and _CONTRAST.search(low):
        m = max(m, s, o)
    return s, o, max(m, inner[2])


@cache
def _rules_key() -> str:
    """A hash of the cue rules' and the sentence splitter's source (with its page-break rule, and the views
    taken by agreeing, `stated`, computed with the stances): an edit to any changes the model's version, so
    a rerun recomputes every stance without anyone bumping VERSION."""
    from respmine import page_breaks
    from respmine.structure import ticks
    from respmine.themes import sentences, stated

    return source_digest(__file__, sentences.__file__, page_breaks.__file__, ticks.__file__,
                         stated.__file__)[:8]


@lru_cache(maxsize=4096)  # asked per segment, and a consultation has a few dozen questions
def asks_agreement(question: str | None) -> bool:
    """The question asks whether the respondent agrees with (supports, welcomes) a proposal, so a bare
    "Yes" or "No" answers for or against: "Do you agree that ...?", "Would you support the proposed ...?",
    "Are you in favour of ...?", "Do you think ... is fair?". Its first question that is not a wh-question
    is read ("Why are we consulting? ... Do you agree with this proposal?"; "Question 1: Do you agree with
    the proposal? Would it affect your business?"; "Do you foresee problems? Would you support ...?": a
    "Yes" answers the first); "support" must take a proposal ("Does your organisation support people on
    probation?" asks a fact), and "the current system" is none."""
    if not question:
        return False
    parts = _URL.sub(" ", question).split("?")
    if _CONSENT.search(next((p for p in parts if not _WH.match(p)), "")):  # "Do you agree we may contact
        return False  # you?"
    if _OFFERS_YES_NO.search(question) and _PROPOSES.match(parts[0]):  # "Should the Commissioner have the
        return True  # power ...? Yes / No / Don't know" (not "Are you aware of the Code? Yes / No": a fact)
    if len(parts) > 1:  # the last part follows the last "?"
        asked = [f"{p}?" for p in parts[:-1] if not _WH.match(p)]
        return bool(asked) and bool(_AGREEMENT.search(asked[0]))
    return bool(_AGREEMENT.search(question))


CLOSED_SHARE = 0.4  # of a yes/no question's respondents opening "Yes", "No", "Agree": its answers were closed
CLOSED_FEWEST = 3  # ... and at least this many of them
OFFERED = " (Yes / No)"  # the answers such a question is read as offering (`as_answered`)
_OPENS_AGREE = re.compile(rf"\W*{_SURELY}{_WE}(?:strongly\s+|tend\s+to\s+|partly\s+)?"
                          rf"(?:(?:dis)?agree|(?:ang)?cytuno){_AFTER})", re.IGNORECASE)  # (Welsh)


def asks_yes_no(question: str | None) -> bool:
    """A question on what should be done that lists no answers ("Should charities be able to ...?", "Do you
    think ...?", "Is it right that ...?"): closed or open as its answers show (`closed_by_answers`)."""
    if not question or asks_agreement(question):
        return False
    first = _URL.sub(" ", question).split("?")[0]
    return not _WH.match(first) and _PROPOSES.match(first) is not None


def opens_closed(text: str) -> bool:
    """The answer opens with a closed answer's word: "Yes.", "No, because ...", "Partly", "Disagree - ..."."""
    text = unticked(text)
    found = _CLOSED.match(text)
    return bool(found is not None and found.lastgroup) or _OPENS_AGREE.match(text) is not None


def closed_by_answers(question: str | None, answers: Sequence[str]) -> bool:
    """A yes/no question (`asks_yes_no`) that most would answer "Yes" or "No" although it offers no answers:
    at least CLOSED_SHARE of its respondents' answers (`answers`: each one's first passage) open with one
    (`opens_closed`). Decided by the answers, so an open "Should anything else be included?" answered in
    lists stays uncounted while "Should charities form consortia?" answered "Yes." / "No." is counted."""
    if not asks_yes_no(question) or not answers:
        return False
    closed = sum(opens_closed(a) for a in answers)
    return closed >= CLOSED_FEWEST and closed >= CLOSED_SHARE * len(answers)


def as_answered(questions: Mapping[str, str], segments: Iterable[SegmentView]) -> dict[str, str]:
    """Each question's text as its answers are read: a yes/no question its answers show closed
    (`closed_by_answers`) as offering "Yes / No", so its answers count for and against (`asks_agreement`)
    in the stance stage and the report alike. `segments`: every answer passage, with its submission."""
    first: dict[str, dict[str, tuple[int, str]]] = {}
    for seg in segments:
        mine = first.setdefault(seg.question, {})
        if seg.submission not in mine or seg.start < mine[seg.submission][0]:
            mine[seg.submission] = (seg.start, seg.text)
    return {q: f"{text}{OFFERED}" if closed_by_answers(text, [t for _, t in first.get(q, {}).values()])
            else text for q, text in questions.items()}


PROPOSED = " (The consultation proposes option {key} of {keys}.)"  # how an options question is read
_PROPOSED = re.compile(r" \(The consultation proposes option (?P<key>\w) of (?P<keys>[\w, ]+)\.\)$")
_OPTION_NAMED = re.compile(r"\b(?:option|opsiwn)\s+([A-F1-9])\b", re.IGNORECASE)


def proposed_option(options: Mapping[str, str], proposals: str | None) -> str | None:
    """The option of a question asking to choose between options that the consultation proposes, as its
    `proposals` name it: by its key ("... and delivering placements through regional partnerships (Option
    C)"), else by all the words of its label and of no other option's. None when they name none, or
    several."""
    if not options or not proposals:
        return None
    keys = {k.upper() for k in _OPTION_NAMED.findall(proposals)} & set(options)
    if keys:
        return keys.pop() if len(keys) == 1 else None
    said = _words5(proposals)
    fits = [k for k, label in options.items() if len(_words5(label)) >= 2 and _words5(label) <= said]
    return fits[0] if len(fits) == 1 else None


def with_proposed_options(questions: Mapping[str, str], options: Mapping[str, Mapping[str, str]],
                          proposals: str | None) -> dict[str, str]:
    """Each question's text, a question asking to choose between `options` (question -> key -> label)
    with the option the consultation proposes (`proposed_option`) said after it (`PROPOSED`), so the
    stance of an answer choosing it is support, and of one choosing another, oppose (`_chose`)."""
    out = dict(questions)
    for q, text in questions.items():
        key = proposed_option(options.get(q, {}), proposals)
        if key is not None:
            out[q] = text + PROPOSED.format(key=key, keys=", ".join(options[q]))
    return out


def proposes_option(question: str | None) -> bool:
    """The question text, as `with_proposed_options` gives it, says which of its options is proposed."""
    return bool(question) and _PROPOSED.search(question or "") is not None


def _chose(text: str, spans: Sequence[Span], scores: list[Scores], question: str) -> list[Scores]:
    """An answer choosing an option of a question whose option the consultation proposes (`PROPOSED`):
    the sentence naming its choice supports the proposal when it chose that option ("C", "Option C, with
    women's centres as partners", "as Option C describes") and opposes it when it chose another ("Option
    A.", "We support option A": a preference for another way of doing it), as strongly as its own cues
    say (a "supports option C in principle, but ..." stays mixed; so does a choice made "only if ...", as
    "I would support X only if ..." is). An analyst counts a respondent preferring another option as not
    backing what is proposed. Several options, or none: as written."""
    from respmine.structure.choices import SEVERAL, chosen, question_options

    found = _PROPOSED.search(question)
    if found is None:
        return scores
    labels = question_options(question[: found.start()])
    options = {k.strip(): labels.get(k.strip(), "") for k in found["keys"].split(",")}
    choice = chosen(text, options)
    if choice is None or choice == SEVERAL:
        return scores
    named = re.compile(rf"(?i:\b(?:option|opsiwn)\s+{choice}\b)|(?<![\w'’-]){choice}(?![\w'’-])")
    at = next((k for k, (a, b) in enumerate(spans) if named.search(text, a, b)), 0)
    s, o, m = scores[at]
    if _ONLY_ON.search(text, *spans[at]):  # "I would back handing ... to community groups only if ...": a
        s, o, m = 0.0, 0.0, max(m, CAVEAT_WEIGHT)  # choice on a condition, hedged as "support ... only if"
    strength = max(s, o) or (0.5 if m else 1.0)  # ("Option C in principle": hedged, as "support" is)
    out = list(scores)
    out[at] = (strength, 0.0, m) if choice == found["key"] else (0.0, strength, m)
    return out


_ONLY_ON = re.compile(r"\bonly\s+(?:if|where|when|once)\b|\bon\s+condition\s+that\b", re.IGNORECASE)


def closed_answer(text: str, question: str | None) -> tuple[str, Span] | None:
    """The stance an answer to "Do you agree ...?" gives in its first sentence alone ("Yes.", "No",
    "Don't know.", "Strongly agree"), with that sentence: the respondent's own answer, which what they go
    on to say does not overturn ("Don't know. I am not against restrictions, but ..." is no "mixed"). A
    form's tick boxes are read as the label ticked (`ticks.unticked`)."""
    if not asks_agreement(question):
        return None
    text = unticked(text)
    spans = [(a, b) for a, b in sentence_spans(text) if _WORDY.search(text, a, b)]
    if not spans:
        return None
    concluded = _concluded(text, spans[1:])
    if concluded is not None:
        return concluded
    a, b = first = spans[0]
    said = _bare(text, a, b)
    if said is not None:
        return said, first
    rated = _rating(text, spans, question or "")
    if rated is not None:
        return rated
    glued = _GLUED_NO.match(text, a, b)  # (the splitter keeps "No." with what follows, as in "No. 5")
    if glued is not None:
        return "oppose", (a, glued.end())
    return ("neutral", first) if says_no_view(text[a:b]) or says_neither(text[a:b]) else None


_RATED = re.compile(  # a rating: "I'd give it 4 out of 5", "4/5", "3 out of 5 stars", "10/10" (not a share,
    # "4/5 of patients", "4 out of 5 patients", nor a date, "4/5/2019")
    r"(?<![\d/.])(?P<n>\d{1,2})\s*(?:/|out\s+of)\s*(?P<of>5|10)(?![\d/])(?:\s+(?:stars?|points?|marks?))?"
    r"(?=\s*(?:$|[.,;:!)]|\s+(?:from|for|overall|by|on)\b))", re.IGNORECASE)
_LOW_AGREES = re.compile(  # a question numbering its scale from agreement down: "1 = Strongly agree",
    # "Strongly agree (1)"
    r"\b1\s*(?:=|:|-|\)|\.)\s*strongly\s+agree\b|\bstrongly\s+agree\s*(?:\(\s*1\s*\)|=\s*1\b)",
    re.IGNORECASE)


def _rating(text: str, spans: Sequence[Span], question: str) -> tuple[str, Span] | None:
    """A rating given to an agreement question ("I'd give it 4 out of 5"), read as the point of a scale
    whose top agrees (5 = strongly agree, as ratings go: more is better), or whose top disagrees when the
    question numbers it so ("1 = Strongly agree ... 5 = Strongly disagree"): 70% and over agrees, 40% and
    under disagrees, between is the middle. The first rating in the answer, with its sentence."""
    for a, b in spans:
        found = _RATED.search(text, a, b)
        if found is None:
            continue
        n, of = int(found["n"]), int(found["of"])
        if n > of:
            return None
        share = n / of
        if _LOW_AGREES.search(question):
            share = 1 - share + 1 / of  # (1 of 5 is the top point)
        side = "support" if share >= 0.7 else "oppose" if share <= 0.4 else "neutral"
        return side, (a, b)
    return None


_BILINGUAL = re.compile(r"(?<!\s)\s*[/|]\s*")  # "Cytuno / Agree": the answer in two languages (from a
# run of spaces' start alone: tried at each of its spaces, 50 kB of spaces took 20 s)


def _bare(text: str, a: int = 0, b: int | None = None) -> str | None:
    """The closed answer the span is, and nothing else ("Yes.", "Strongly agree", Welsh "Cytuno"), or in
    two languages each saying the same ("Cytuno / Agree", "Anghytuno / Disagree"); None for anything else."""
    b = len(text) if b is None else b
    found = _BARE.fullmatch(text, a, b)
    if found is not None:
        return found.lastgroup
    parts = _BILINGUAL.split(text[a:b])
    said = {found.lastgroup if (found := _BARE.fullmatch(part)) is not None else None for part in parts}
    return said.pop() if len(parts) == 2 and len(said) == 1 else None


_GLUED_NO = re.compile(r"\W*no\.(?=\s+[\"“‘']?[A-Z])", re.IGNORECASE)  # "No. Commissioning at regional ..."
_CONCLUDES = re.compile(r"\W*(?:so|therefore|thus|hence|in\s+short|in\s+a\s+word|in\s+sum(?:mary)?"
                        r"|(?:the|our|my)\s+answer\s+is)\b[\s,:–—-]*", re.IGNORECASE)


def _concluded(text: str, spans: Sequence[Span]) -> tuple[str, Span] | None:
    """A later sentence that is only a concluding "So no." / "In short, yes.": the answer, over an opening
    it answers ("Oh yes, let's all become bid candy ... So no.": sarcasm read as "Yes")."""
    for a, b in reversed(spans):
        lead = _CONCLUDES.match(text, a, b)
        found = _BARE.fullmatch(text, lead.end(), b) if lead is not None and lead.end() > a else None
        if found is not None and found.lastgroup in ("support", "oppose"):
            return found.lastgroup, (a, b)
    return None


def asked_question(question: str) -> str:
    """The question an agreement question asks, without its preamble: its first question that is not a
    wh-question, from its last sentence's start ("Local commissioning was introduced in 2014. Do you agree
    with the proposals?" asks "Do you agree with the proposals")."""
    asked = next((p for p in _URL.sub(" ", question).split("?") if not _WH.match(p)), question)
    return re.split(r"(?<=[.!:;])\s+|\n", asked.strip())[-1]


_AGREE_THAT = re.compile(r"\bagrees?\s+that\b(?P<what>.*?)(?=,?\s+(?:but|however|although)\b|[.;:]|$)",
                         re.IGNORECASE)


def opening_side(text: str, question: str | None) -> tuple[str, Span] | None:
    """The side the answer's first sentence takes, read alone with the agreement question it answers, and
    that sentence: "support" for "Yes.", "We agree, with one exception ...", "Calderbridge City Council
    agrees.", "Probation should be commissioned locally." (to "Do you agree that probation should be
    commissioned locally?"); "oppose" for "No.", "We do not agree that services should be commissioned
    locally."; None for "Yes, in principle" (partly) or a first sentence taking no side."""
    first = _first_sentence(text) if asks_agreement(question) else None
    if first is None or question is None:
        return None
    sentence = text[first[0] : first[1]]
    that = _AGREE_THAT.search(sentence)  # "We agree that this is an important question, but ...": not the
    if that is not None and not {w[:5] for w in re.findall(r"[a-z]{4,}", that["what"].lower())} & (
            _proposal_words(question)):  # proposal agreed with, unless it is said again
        return None
    stance, _, best = _decide(_cues(sentence, question))
    return (stance, first) if stance in ("support", "oppose") and best is not None else None


def _first_sentence(text: str) -> Span | None:
    return next(((a, b) for a, b in sentence_spans(text) if _WORDY.search(text, a, b)), None)


def says_no_view(sentence: str) -> bool:
    """The sentence says only that the writer takes no side, and on what ("We have no view on whether ...",
    "On Site H4, I am undecided.", "We are not convinced either way."): a "don't know" in the writer's
    words, which a later sentence's cue ("the families we support") must not overturn, nor "not
    convinced" read as doubt. Not with a contrast ("no view on X, but ...") or a cue before it."""
    found = _NO_VIEW.search(sentence)
    if found is None or _CONTRAST.search(sentence, 0, found.start()) or any(score_sentence(
            sentence[: found.start()])):
        return False
    on = _ON_WHAT.match(sentence, found.end())
    rest = sentence[on.end():] if on is not None else sentence[found.end():]
    return (on is not None and not _CONTRAST.search(on.group())
            and (not rest or (_ASIDE.match(rest) is not None and not any(score_sentence(rest)))))


_OF_WHAT = (r"(?:\s+of\s+(?:public\s+|government\s+)?(?:policy|principle|judge?ment|politics))?")  # ("a
# matter of policy for the regulator": whose decision it is, as "a matter for" says)
_WHOSE = (  # whose decision it is: "that is a matter for Parliament", "it is a decision for elected members"
    r"(?:that|this|it|which)\s+(?:is|remains)\s+(?:a\s+|entirely\s+a\s+|properly\s+a\s+|rightly\s+a\s+)?"
    r"(?:decision|matter|question|issue)" + _OF_WHAT + r"\s+for\b")
_ASIDE = re.compile(  # what may follow a "no view on X" without taking a side: whose decision it is, or a
    # request on something else ("We make no comment on the number, but ask that cross-border users are
    # counted"); a clause with a cue ("..., but we oppose the closures") takes one
    r"[,;:–—-]?\s*(?:" + _WHOSE +
    r"|(?:but|and)\s+(?:(?:we|i)\s+)?(?:would\s+)?(?:ask|request|note|suggest|want\s+to|wish\s+to)\b)",
    re.IGNORECASE)


def only_closed_answer(text: str) -> bool:
    """The text is nothing but a closed answer ("Yes", "No.", "Don't know"): a form's tick-box cell, which
    says no view of its own to group into topics."""
    return _bare(unticked(text)) is not None


_CONSIDERED = re.compile(  # a side declined on purpose, not for want of a view: "We take no position on ...",
    # "We decline to take a position", or the decision left to whose it is ("...; that is a matter for
    # Parliament", "it is a decision for elected members")
    r"\b(?:take|takes|taking|took|adopt|adopts)\s+no\s+(?:[a-z]+\s+)?(?:position|stance|side)s?\b"
    r"|\b(?:decline[sd]?|declining|(?:do|does)\s+not\s+wish|prefer\s+not)\s+to\s+(?:take|adopt)\s+(?:a|any)\s+"
    r"(?:[a-z]+\s+)?(?:position|stance|side)\b"
    r"|\b" + _WHOSE, re.IGNORECASE)


def _considered(sentence: str) -> bool:
    """The sentence takes no side (`says_no_view`) on purpose (`_CONSIDERED`): a neutral stance."""
    return says_no_view(sentence) and _CONSIDERED.search(sentence) is not None


def says_unsure(text: str) -> bool:
    """The answer opens by saying the respondent does not know ("Don't know", "Not sure", "Undecided"), or
    its first sentence says they have no view (`says_no_view`: "We have no view on whether ...", "We are
    not convinced either way"), unless it declines a side on purpose (`says_neither`)."""
    text = unticked(text)
    if _SAYS_UNSURE.match(text) is not None:
        return True
    first = _first_sentence(text)
    return first is not None and says_no_view(text[slice(*first)]) and not _considered(text[slice(*first)])


def says_neither(text: str) -> bool:
    """The answer opens with a scale's middle point ("Neither agree nor disagree", "Neutral"): a view the
    question offered, neither for nor against, and not a failure to say; or its first sentence takes a
    considered neutral stance ("We take no position on X; that is a matter for Parliament": `_considered`)."""
    text = unticked(text)
    if _SAYS_NEITHER.match(text) is not None:
        return True
    first = _first_sentence(text)
    return first is not None and _considered(text[slice(*first)])


_OCR_I = re.compile(  # a scanned letter's "I" read by OCR as a bar, opening a sentence before a verb: "| do
    # not agree with the licensing proposal" (not "Cytuno | agree": a bilingual label, mid-line)
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?]\s\s)|(?<=\n))\|(?=\s+(?:do|did|don[’']?t|am|was|have|had|would|will|can|cannot"
    r"|could|must|think|believe|feel|strongly|fully|totally|really|also|agree|disagree|support|oppose|object"
    r"|welcome|want|hope|urge|ask|live|own|rent|let)\b)")


def _cues(text: str, question: str | None = None) -> _Cues:
    text = unticked(text)  # ("☒ Yes ☐ No": the label ticked; offsets kept)
    text = _OCR_I.sub("I", text)  # (one character for one: offsets kept)
    spans = [(a, b) for a, b in sentence_spans(text) if _WORDY.search(text, a, b)] or [(0, len(text))]
    scores = [score_sentence(text[a:b]) for a, b in spans]
    read = [_unreported(text[a:b]) for a, b in spans]  # each sentence as read ("No, keep ..." as "we
    # disagree, keep ..."; a view reported as others' blanked)
    match = _CLOSED.match(text) if asks_agreement(question) else None
    word = match.lastgroup if match is not None else None
    if match is not None and word and spans[0][0] <= match.start(word) and match.end(word) <= spans[0][1]:
        a, b = spans[0]  # the opening word read as the cue it stands for, so hedges, conditions and "no
        said = text[a : match.start(word)] + _CLOSED_WORDS[word] + text[match.end(word) : b]  # view" count
        scores[0] = score_sentence(said)  # ("Yes, in principle" is mixed, "No - not applicable" neutral)
        read[0] = said
    if question and asks_agreement(question):
        subject = _subject_words(question)  # "I am against H4": against what the question asks about
        scores = [(s, 1.0, m) if _against(text[a:b], subject) else (s, o, m)
                  for (a, b), (s, o, m) in zip(spans, scores, strict=True)]
    if question and proposes_option(question):  # "C" to "Which option ...?", option C proposed
        scores = _chose(text, spans, scores, question)
    if question and asks_agreement(question):  # "Scrap the vests." to "... continue to wear vests?"
        scores = [_with_action(sentence, question, score)
                  for sentence, score in zip(read, scores, strict=True)]
    if question and asks_agreement(question):  # "We, the undersigned, call on the council to introduce
        subject = _subject_words(question)  # selective licensing without delay": a petition for it
        scores = [score if any(score) else _called_for(sentence, subject)
                  for sentence, score in zip(read, scores, strict=True)]
    if question and asks_agreement(question) and (predicate := _predicate(question)) is not None:
        scores = [score if any(score) else _on_predicate(sentence, predicate)  # "The fee is not reasonable"
                  for sentence, score in zip(read, scores, strict=True)]
    if question and asks_agreement(question) and not any(any(s) for s in scores):  # no cue, no "Yes"/"No"
        proposal = _proposal_words(question)
        scores = [_restated(text[a:b], proposal) for a, b in spans]
    if question and asks_agreement(question) and not any(any(s) for s in scores):
        at = _some_not_others(text, question)  # "Some are fine (gas, electrics, alarms). Others ... are not"
        if at is not None:
            i = next((k for k, (a, b) in enumerate(spans) if a <= at < b), 0)
            scores[i] = (0.0, 0.0, 0.8)
    return _Cues(spans, scores)


_SOME_FINE = re.compile(  # some of what is asked about found fine, then others not: "Some are fine (gas,
    # electrics, alarms). Others, e.g. the ASB condition, are not a landlord's job."
    r"\bsome(?P<what>(?:\s+of)?(?:\s+[a-z’'-]+){0,3}?)\s+(?:are|is|seem|look|sound)\s+(?:[a-z]+\s+)?(?:fine|ok|okay"
    r"|good|sensible|reasonable|acceptable|necessary|fair|welcome|right|justified|needed)\b[^.?!]{0,80}?"
    r"[.?!,;\s]+(?:(?:but|while|whereas|however|though)\W+)?(?:the\s+)?(?:others?|the\s+rest|rest)\b"
    r"(?P<rest>(?:[^.?!]|\.(?=\S|\s+[a-z])){0,120})", re.IGNORECASE)  # (through "e.g. the ASB condition")
_NOT_FINE = re.compile(r"\b(?:not|never|no)\b|n[’']t\b|\b(?:unfair|unnecessary|unworkable|unreasonable|wrong"
                       r"|excessive|pointless|too\s+\w+)\b", re.IGNORECASE)
_THEM = re.compile(r"\s*(?:of\s+)?(?:them|these|those|it|the\s+\w+)?\s*$", re.IGNORECASE)


def _some_not_others(text: str, question: str) -> int | None:
    """Where a text with no cue finds some of what the question asks about fine and others not (`_SOME_FINE`):
    the offset of "some"; else None. What "some" are is unnamed, a pronoun, or named in the question's words
    (not "Some landlords are fine, others are not", to whether the conditions are agreed)."""
    subject = _subject_words(question)
    for m in _SOME_FINE.finditer(text):
        what = m["what"].lower()
        named = {w[:5] for w in re.findall(r"[a-z]{4,}", what)} - {"them", "these", "those"}
        if _NOT_FINE.search(m["rest"]) and ((_THEM.fullmatch(what) and not named) or named & subject):
            return m.start()
    return None


_ASKS_PREDICATE = re.compile(rf"\W*(?:q(?:uestion)?\s*\d+[a-z]?\W*)?(?:is|are)\b[^?]{{0,120}}"
                             rf"\b(?P<adj>{_ADJECTIVES})\s*(?:\?|$)", re.IGNORECASE)
_DEGREE = re.compile(  # what is "too" something is not as it should be: "The fee is too high", "too low"
    r"\btoo\s+(?:high|low|much|little|expensive|steep|costly|dear|cheap|short|long|late|early|soon|slow|fast"
    r"|vague|complicated|complex|ambitious|strict|lenient|weak|big|small|large|great|heavy|onerous"
    r"|burdensome)\b|\b(?:excessive|extortionate|exorbitant)\b"
    # a sum called more than it should be: "750 pounds is a lot of money to me", "more than I can afford"
    r"|\b(?:is|are|was|would\s+be|that[’']?s|it[’']?s)\s+(?:(?:a\s+)?(?:very|really|huge|great)\s+)?(?:a\s+lot|lots)"
    r"\s+of\s+money\b(?![^.;]{0,40}?\bbut\b)"
    r"|\bmore\s+than\s+(?:i|we|most\s+\w+|many\s+\w+|they|people)\s+can\s+(?:possibly\s+)?afford\b"
    r"|\b(?:i|we|they)\s+(?:can(?:not|[’']?t)|could\s*n[’']?o?t)\s+afford\s+(?:it|that|this|the\s+fee)\b",
    re.IGNORECASE)
_COMPARED = re.compile(r"\b(?:more|less|most|least|as|so)\s+$", re.IGNORECASE)  # "400 would be more fair"
_FAIR_ENOUGH = re.compile(r"\bfair\s+enough\b", re.IGNORECASE)


@lru_cache(maxsize=256)
def _predicate(question: str) -> str | None:
    """The adjective a yes/no question asks to be affirmed of its subject ("Is the proposed licence fee ...
    reasonable?" -> "reasonable", "Are the conditions clear?" -> "clear"), when its first question asked
    ends on one; None for any other question."""
    asked = next((p for p in _URL.sub(" ", question).split("?") if not _WH.match(p)), "")
    found = _ASKS_PREDICATE.match(asked)
    return found["adj"].lower() if found is not None else None


def _on_predicate(sentence: str, adjective: str) -> Scores:
    """A sentence with no cue answering a question asking whether something is `adjective`, by saying
    it or denying it: "The fee is not reasonable", "no way is that reasonable", "Unreasonable.", "The fee is
    too high" (or too low: either way it is not as asked) disagree; "It is reasonable", "Fair enough", "not
    unreasonable" agree. A comparison ("400 pounds would be more reasonable") says it of something else."""
    low = sentence.lower()
    if _DEGREE.search(low):
        return 0.0, 1.0, 0.0
    for found in re.finditer(rf"\b(?P<un>(?:un|in|im|ir|dis)-?)?{adjective}\b", low):
        clause = re.split(r"[,;:.!?()—–]|\bbut\b|\band\b", low[: found.start()])[-1]
        if _COMPARED.search(clause):
            continue
        denied = bool(_NEG.search(clause)) != bool(found["un"])
        return (0.0, 1.0, 0.0) if denied else (1.0, 0.0, 0.0)
    return (1.0, 0.0, 0.0) if _FAIR_ENOUGH.search(low) else (0.0, 0.0, 0.0)


_CALLED_FOR = re.compile(  # "call on the council to introduce selective licensing", "urge you to bring in"
    r"\b(?:urge[sd]?|ask(?:s|ed)?|calls?\s+(?:up)?on|called\s+(?:up)?on|request(?:s|ed)?|implore|encourage[sd]?)"
    r"\b[^.;]{0,100}?\bto\s+(?:(?:urgently|now|quickly|finally)\s+)?(?:introduce|bring\s+in|establish|set\s+up"
    r"|roll\s+out|extend)\s+(?P<what>[^.;:!?,]{3,80})", re.IGNORECASE)


def _called_for(sentence: str, subject: frozenset[str]) -> Scores:
    """A sentence with no cue calling on someone to introduce what the question asks about, named by two of
    its words ("call on Northam City Council to introduce selective licensing without delay", to "Do you
    agree with the proposal to introduce a selective licensing scheme ...?"): it supports, as a petition
    for it does ("... not to introduce ..." opposes); a call to introduce something else ("a hardship
    fund") takes no side."""
    found = _CALLED_FOR.search(sentence)
    named = {w[:5] for w in re.findall(r"[a-z]{4,}", found["what"].lower())} if found is not None else set()
    if found is None or len(named & subject) < 2:
        return 0.0, 0.0, 0.0
    return (0.0, 0.8, 0.0) if _NEG.search(sentence, found.start(), found.start("what")) else (0.8, 0.0, 0.0)


_AGAINST = re.compile(  # "I am against H4", "We are firmly against the allocation", "I'm against this"
    r"\b(?:(?:i|we)\s+(?:am|are|remain|were|was)|i[’']m|we[’']re)\s+(?P<how>(?:[a-z]+\s+){0,2}?)against\s+"
    r"(?P<what>[^.;:!?]{1,80})", re.IGNORECASE)
_ALTERNATIVE = re.compile(r"\b(?:rather\s+than|instead\s+of|as\s+opposed\s+to|or)\b")
_IT = re.compile(r"(?:this|these|it|that|them|the\s+(?:proposals?|plans?|idea|changes?))\b", re.IGNORECASE)


@lru_cache(maxsize=256)
def _subject_words(question: str) -> frozenset[str]:
    """What a closed question asks about, by its words' first five letters and its names with digits ("Site
    H4"), up to any alternative it sets against it ("locally rather than regionally": against regional
    commissioning is for the proposal)."""
    asked = next((p for p in _URL.sub(" ", question).split("?") if not _WH.match(p)), question).lower()
    asked = _ALTERNATIVE.split(asked)[0]
    return frozenset({w[:5] for w in re.findall(r"[a-z]{4,}", asked) if w not in _PLAIN}
                     | set(re.findall(r"\b[a-z]+\d+[a-z\d]*\b", asked)))


def _against(sentence: str, subject: frozenset[str]) -> bool:
    """"I am against H4.": the writer is against what the question asks about, named (by a name with digits
    or two of its words) or as "this"; no cue reads it, as "against" takes any object ("we are against cuts
    to services")."""
    found = _AGAINST.search(sentence)
    if found is None or _NEG.search(found["how"]):
        return False
    what = found["what"].lower()
    names = set(re.findall(r"\b[a-z]+\d+[a-z\d]*\b", what))  # (a name with digits is the thing itself)
    words = {w[:5] for w in re.findall(r"[a-z]{4,}", what)}  # (one word is not: "against cuts to services")
    return bool(_IT.match(what)) or bool(names & subject) or len(words & subject) >= 2


_KEEPING = (r"keep|retain|maintain|preserve|stick\s+with"
            r"|hold\s+on\s+to|leave\s+(?:it|them|this|these)\s+(?:alone|as\s+(?:it|they)\s+(?:is|are))")
_ENDING = (r"scrap|end|abolish|remove|drop|ditch|axe|bin|stop|ban|get\s+rid\s+of|do\s+away\s+with|phase\s+out"
           r"|take\s+(?P<away>[a-z’']+\s+(?:[a-z’']+\s+)?)?away")
_STAYING = r"stay|remain|continue|carry\s+on"  # of the thing itself: "The vests must stay."
_GOING = r"go(?!\s+(?:ahead|further|to|into|on|through|beyond|back|out|for|with|up|down|along|forward)\b)"
_BE_KEPT = r"be\s+(?:kept|retained|maintained|preserved)"
_BE_ENDED = (r"be\s+(?:scrapped|ended|abolished|removed|dropped|ditched|axed|binned|stopped|banned"
             r"|taken\s+away|got\s+rid\s+of|done\s+away\s+with|phased\s+out)")
_SHOULD = r"sh(?:ould|oud|old|uld|ud)"  # (as members of the public spell it: "the charge shoud be cut")
_MODALS = r"(?:" + _SHOULD + r"|must|shall|will|can|could|ought\s+to|needs?\s+to|has\s+to|have\s+to|would)"
_STRICT_MODALS = r"(?:" + _SHOULD + r"|must|ought\s+to|needs?\s+to|has\s+to|have\s+to)"  # (a call)
_NOT = r"(?P<neg>(?:\s+not|n[’']?t|\s+never))?"
_ACTION = re.compile(  # a verb of keeping or ending, as a command ("Keep the vests.", "Take them away.",
    # "I ask you to end the practice of ...", "You should scrap them") and what it acts on
    r"(?:^|[,;:(]\s*|\b(?:and|so|just|please|simply|then|yes|to|let[’']?s|"
    + _MODALS + r"))\s*(?P<negv>(?:do\s+not|don[’']?t|never|not)\s+)?(?:just\s+|simply\s+)?"
    r"(?:(?P<keep>" + _KEEPING + r")|(?P<end>" + _ENDING + r"))\b"
    r"(?!\s+(?:of|in|is|was|are|were|has|had)\b|(?<!keep)\s+on\b)(?P<what>[^.;:!?]{0,90})",  # (not "no"
    re.IGNORECASE)  # before it, nor "of" after it: a noun, "There should be no ban on pavement parking", "the
# end of it"; "Keep on making them wear vests" is a verb)
_FOR_NOW = re.compile(  # what is kept only for a time: "Keep the libraries open until the new hub is ready"
    # (then to go as proposed; not "until 8pm": the hours it is kept open)
    r"\s+(?:until|till|pending)\s+(?:the|a|an|it|they|there|such|suitable|alternative|proper|new|replacement"
    r"|everything|all|we|you|something|somewhere|other)\b|\s+(?:for\s+now|for\s+the\s+time\s+being"
    r"|in\s+the\s+meantime)\b", re.IGNORECASE)
_CYM_ACTION = re.compile(  # Welsh commands to keep a place open or to close it, each mutated: "Cadwch y
    # llyfrgelloedd ar agor" (keep the libraries open), "Peidiwch â chau'r llyfrgell" (do not close the
    # library), "Caewch y llyfrgelloedd" (close the libraries)
    r"(?:^|[,;:(]\s*|\b(?:a|ac|ond|plis|os\s+gwelwch\s+yn\s+dda)\s+)\W*(?:(?P<keep>(?:c|g|ch|ngh)(?:adwch|adw|adwn"
    r"|edwch))\b[^.;:!?]{1,80}?\bar\s+agor\b|(?P<negv>peidiwch|peidiwn|paid)\s+(?:â|a|ag)\s+(?P<end>chau|cau)\b"
    r"|(?P<close>caewch|caewn)\b)", re.IGNORECASE)
_NONE = re.compile(  # a thing there should be none of: "There should be no standing charge at all", "There
    # must be no ban on ..." (not "there will / would be no library in my village": what would happen)
    r"\b(?:there\s+)?" + _STRICT_MODALS + r"\s+be\s+(?:absolutely\s+)?no\s+(?P<what>[^.;:!?]{1,90})",
    re.IGNORECASE)
_NO_DELAY = re.compile(  # the proposal urged on: "There should be no delay", "no further delay in
    # introducing it"
    r"\b(?:" + _MODALS + r"\s+be|(?:with|let\s+there\s+be))\s+no\s+(?:further\s+|more\s+)?"
    r"(?:delays?|postponement|hold-?ups?|deferral|backsliding)\b(?!\s+(?:in|to)\s+(?!(?:introducing|implementing"
    r"|bringing|getting|starting|rolling|putting|it\b|this\b|these\b|the\s+(?:ban|proposals?|plans?|changes?|scheme"
    r"|reforms?|new)\b))|\s+in\s+(?:getting\s+rid|putting\s+(?:a\s+stop|an\s+end)|rolling\s+back|bringing\s+(?:\w+\s+)"
    r"{0,3}?to\s+an\s+end)\b)", re.IGNORECASE)  # (not "no delay in getting rid of it": its end hurried)
_DELAYS = re.compile(r"\b(?:delay\w*|postpon\w*|defer\w*)\b", re.IGNORECASE)  # a question proposing a delay
_FAR_ENOUGH = re.compile(  # the proposal found too timid or too bold: "The proposal does not go far enough",
    # "These changes go too far" (of the proposal itself, not "current protections do not go far enough")
    r"\b(?:(?:the|this|these|those|your|its)\s+(?!(?:current|existing|present)\b)(?:[\w’'-]+\s+){0,3}?(?:proposals?|plans?|changes?|reforms?|measures?"
    r"|reductions?|cuts?|options?|rules?|scheme|consultation)|it|this|these|they|that)\s+(?:(?P<short>(?:do|does|did|would|will)(?:\s+not"
    r"|n[’']?t)\s+go\s+(?:nearly\s+|quite\s+)?far\s+enough)|(?P<far>(?:goes|go|went|would\s+go|will\s+go)\s+(?:much\s+"
    r"|far\s+|way\s+)?too\s+far))\b", re.IGNORECASE)
_FATE = re.compile(  # what befalls the thing: "The vests must stay.", "The vests should be scrapped.", "it
    # should remain at 20 per cent"
    r"(?P<what>[^.;:!?,]{1,80}?)\s+" + _MODALS + _NOT + r"\s+(?:(?P<keep>" + _STAYING + r"|" + _BE_KEPT
    + r")|(?P<end>" + _GOING + r"|" + _BE_ENDED + r"))\b(?P<rest>[^.;:!?,]{0,60})", re.IGNORECASE)
_OBJECT_END = re.compile(r"\s(?:but|because|since|so|which|who|if|unless|until|while|whereas"
                         r"|and\s+(?:we|i|they|you|it))\b|[,]", re.IGNORECASE)
_KEEPS = re.compile(r"\b(?:continu\w*|keep\w*|kept|retain\w*|remain\w*|maintain\w*|still|stay\w*"
                    r"|preserv\w*)\b", re.IGNORECASE)
_ENDS = re.compile(r"(?<!\bthe\s)\b(?:end(?:s|ed|ing)?(?!\s+of\b)|abolish\w*|scrap\w*|stop\w*|phas\w*\s+out"
                   r"|remov\w*|withdraw\w*|no\s+longer|ban(?:s|ned|ning)?|ceas\w*|drop\w*|prohibit\w*|outlaw\w*"
                   r"|get\s+rid\s+of)\b", re.IGNORECASE)  # ("pavement parking should be banned": ended)
_INSTEAD = re.compile(r"\b(?:rather\s+than|instead\s+of|as\s+opposed\s+to|in\s+place\s+of"
                      r"|compared\s+(?:with|to))\b", re.IGNORECASE)
_NOW = re.compile(r"\b(?:current|existing|present)\s+(?P<now>[^,;.?()]{1,40})", re.IGNORECASE)
_PRONOUN = re.compile(r"\W*(?:it|them|this|these|that|those|they)\b", re.IGNORECASE)
_AS_NOW = re.compile(r"\b(?:as\s+(?:it\s+is|they\s+are|is|now|things\s+are)|the\s+same|unchanged"
                     r"|where\s+(?:it|they)\s+(?:is|are))\b", re.IGNORECASE)
_NAMING = (r"(?:(?!(?:and|or|but|not|no|with|without|to|for|of|in|on|at|by|from|than|as|any|all|other"
           r"|despite|after|before|under|over|until|during|instead|within|into|about|against|while|if|when|unless"
           r"|that|which|who|make|makes|making|made)\b)"
           r"[\w’'-]+\s+){0,3}")  # the words naming which one, before it: "the (proposed standing charge)
# changes" (not a phrase of its own: "Keep the hours without changes")
_ITSELF = re.compile(r"\W*(?:(?:the|this|these|your|its|their|any|such)\s+)?" + _NAMING
                     + r"(?:proposals?|plans?|changes?|idea|reforms?)\b", re.IGNORECASE)
_ASKING = frozenset({"curre", "exist", "prese", "propo", "plan", "plans", "chang", "idea", "refor"})  # asking
_GENERIC = frozenset({"peopl", "perso", "publi", "thing", "every", "someo", "anyon", "other", "their"})


def _words5(text: str, short: frozenset[str] = frozenset()) -> frozenset[str]:
    """A text's words by their first five letters, of four letters or more, and the short ones in `short`
    (those a question names: `_short_heads`)."""
    return frozenset(w[:5] for w in re.findall(r"[a-z]{3,}", text.lower())
                     if (len(w) > 3 or w in short) and w not in _PLAIN)


_SHORT_WORDS = frozenset(re.findall(r"\w+", (  # words under four letters that never name a thing
    "the and for you are not but can all any our its has had was who may how why now new one two six ten "
    "per off out own yes get set put use see say let way day her his him she too few via etc due far old")))
_SHORT_HEAD = re.compile(  # a short noun heading what a question names: "the cap", "the price cap", "a fee",
    # "the age of criminal responsibility", "the ban on ..." (not "gas" in "gas bills")
    r"\b(?<![’'])(?P<word>[a-z]{3})\b(?=\s*(?:$|[?,.;:()])|\s+(?:of|on|for|to|in|at|from|should|must|would|will"
    r"|could|can|be|is|are|was|were|shall|that|which|rather|instead|and|or|paid|charged|applied|set|levied"
    r"|introduced)\b)", re.IGNORECASE)


def _short_heads(named: str) -> frozenset[str]:
    """The short nouns heading what a question names ("cap", "fee", "tax", "ban", "age"): words under four
    letters were never read, so "Scrap the cap" named nothing of "... the cap should be raised?"."""
    return frozenset(m["word"].lower() for m in _SHORT_HEAD.finditer(named)
                     if m["word"].lower() not in _SHORT_WORDS and not m["word"].isdigit())


_NUMBER_WORDS = dict(zip(
    ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
     "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty",
     "fifty"), [*map(str, range(2, 21)), "30", "40", "50"], strict=True))
_NUMBER_WORD = re.compile(rf"\b(?:{'|'.join(_NUMBER_WORDS)})\b", re.IGNORECASE)
_FROM_TO = re.compile(r"\bfrom\s+(?P<now>\S+)\s+to\s+(?P<new>\S+)", re.IGNORECASE)  # "from 14 to 6"
_OF_WHOLE = re.compile(  # "8 of the 14": the whole, as it is now
    r"\b\d+\s+of\s+(?:the|its|our|their|all|all\s+the)\s+(?P<whole>\d+)\b", re.IGNORECASE)
_CLOSES = re.compile(r"clos|shut", re.IGNORECASE)
_NUMBER_OF = re.compile(r"\s+(?:the\s+)?number\s+of\b", re.IGNORECASE)  # "reduce the number of
# libraries": some close


def _digits(text: str) -> str:
    """Number words as digits ("all fourteen libraries" -> "all 14 libraries"), to meet the question's."""
    return _NUMBER_WORD.sub(lambda m: _NUMBER_WORDS[m.group().lower()], text)


def _numbers(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\d+(?:\.\d+)?", _digits(text)))


@dataclass(frozen=True)
class _Proposed:
    """What a closed question proposes: whether it would keep what it names (`keeps`), end it (`ends`), or
    bring it in; the words and numbers of what it names (`thing`) and of the state it would replace
    (`instead`: "rather than the current 20%")."""

    keeps: bool
    ends: bool
    thing: frozenset[str]
    instead: frozenset[str]
    way: str | None = None  # the way it would change what it names: "up" (extend, increase, open longer),
    # "down" (reduce, cut, close), else None
    changed: frozenset[str] = frozenset()  # the words and numbers of what it changes (its main clause: not
    # "when no staff are on site", so "Increase staffing" is no "up" on opening longer)
    bound: bool = False  # what it names is a limit ("the speed limit", "the cap"): ending it loosens it, up
    short: frozenset[str] = frozenset()  # the short nouns it names ("cap", "fee": `_short_heads`)
    closes: bool = False  # it would close what it changes ("close eight of the fourteen libraries", "reduce
    # the number of libraries"): keeping them (open) is against it


_RISES = re.compile(r"\b(?:extend\w*|increas\w*|expand\w*|lengthen\w*|rais(?:e|es|ed|ing)|widen\w*"
                    r"|boost\w*|longer|more)\b", re.IGNORECASE)
_FALLS = re.compile(r"\b(?:reduc\w*|cut(?:s|ting)?|clos(?:e|es|ed|ing|ures?)|shut\w*|lower(?:s|ed|ing)?"
                    r"|shorten\w*|decreas\w*|slash\w*|trim(?:s|med|ming)?|fewer|less)\b", re.IGNORECASE)
_BOUND = re.compile(r"\b(?:limit|cap|ceiling|maximum|threshold|restriction|quota|allowance)s?\b",
                    re.IGNORECASE)
_MEASURED_BY = re.compile(  # a limit that only places what is changed: "for households under the price cap"
    r"\b(?:under|below|above|over|within|beyond|up\s+to|exceed\w*|subject\s+to)\s+(?:(?:the|a|an|this|that|its"
    r"|their|any)\s+)?(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE)


def _names_a_limit(main: str) -> bool:
    """Whether what a question's main clause changes is a limit ("the speed limit ... should be lowered", "the
    cap on rent increases"), not something placed by one ("standing charges ... for households under the
    price cap")."""
    return any(_MEASURED_BY.search(main, max(0, m.start() - 60), m.start()) is None
               for m in _BOUND.finditer(main))
_CHANGING = {  # an object that is the change itself, the way it goes: "Scrap the reduction", "Stop cutting
    # them" (ending it is against it: not the thing reduced)
    "down": re.compile(r"\W*(?:(?:the|this|these|any|such|further|more|all|your|its)\s+)?" + _NAMING
                       + r"(?:reductions?|reducing|cuts?|cutting|closures?|closing|lowering|decreases?"
                       r"|decreasing|shortening|slashing)\b", re.IGNORECASE),
    "up": re.compile(r"\W*(?:(?:the|this|these|any|such|further|more|all|your|its)\s+)?" + _NAMING
                     + r"(?:increases?|increasing|rises|raising|extensions?|extending|expansions?|expanding"
                     r"|lengthening|widening)\b", re.IGNORECASE)}


@lru_cache(maxsize=256)
def _proposed(question: str) -> _Proposed:
    asked = next((p for p in _URL.sub(" ", question).split("?") if not _WH.match(p)), question)
    parts = _INSTEAD.split(asked, maxsplit=1)
    named, instead = parts[0], parts[1] if len(parts) > 1 else ""
    now = " ".join(m["now"] for m in _NOW.finditer(named))
    changed = _FROM_TO.search(_digits(named))  # "reduce the number from 14 to 6": 14 is the state replaced
    now_numbers = _numbers(now) | (_numbers(changed["now"]) - _numbers(changed["new"]) if changed else set())
    now_numbers |= {m["whole"] for m in _OF_WHOLE.finditer(_digits(named))}  # "close 8 of the 14": 14 now
    short = _short_heads(named)
    instead = f"{instead} {now}"
    verb_words = {w.group()[:5].lower() for w in (*_KEEPS.finditer(named), *_ENDS.finditer(named),
                                                  *_RISES.finditer(named), *_FALLS.finditer(named))}
    thing = (_words5(named, short) - _words5(now, short) - verb_words - _ASKING) | (
        _numbers(named) - now_numbers)
    main = named.split(",")[0]  # what it does, not a clause on what it spares: "to reduce the number of
    keeps = _KEEPS.search(main) is not None  # libraries ..., keeping a library in each town" ends, keeps none
    rises, falls = _RISES.search(main), _FALLS.search(main)
    return _Proposed(keeps, _ENDS.search(main) is not None and not keeps, frozenset(thing),
                     frozenset((_words5(instead, short) | _numbers(instead) | now_numbers) - _ASKING),
                     "up" if rises and not falls else "down" if falls and not rises else None,
                     frozenset(thing & (_words5(_changed(main, rises or falls), short) | _numbers(main))),
                     _names_a_limit(main), short, bool(falls and not rises and (
                         _CLOSES.match(falls.group()) or _NUMBER_OF.match(main, falls.end()))))


_PASSIVE = re.compile(r"\b(?:be|being|been)\s+(?:[a-z]+ly\s+)?$", re.IGNORECASE)
_PHRASE_END = re.compile(r"\b(?:for|to|from|by|at|in|on|with|without|when|where|while|using|so|and|or|but"
                         r"|across|because|if|unless|which|who|that|than|through|via)\b", re.IGNORECASE)


def _changed(main: str, verb: re.Match[str] | None) -> str:
    """What the question's verb of change acts on: its subject if passive ("standing charges should be
    reduced"), else the words after it to the first preposition ("increase fines for pavement parking":
    fines, not pavement parking; "more powers to ban pavement parking": powers; "reduce the number of
    council-run libraries from 14 to 6")."""
    if verb is None:
        return ""
    if _PASSIVE.search(main, 0, verb.start()):
        return main[: verb.start()]
    return _PHRASE_END.split(main[verb.end():], maxsplit=1)[0]


def _with_action(sentence: str, question: str, score: Scores) -> Scores:
    """A sentence's cue weights with the side it takes by what it says should be done with what the question
    proposes (`_acted`), which outweighs a cue of the other side ("The current cap should be scrapped" to a
    proposal to raise it supports it) unless a contrast makes it mixed ("We support the aim, but keep the
    cap at 20 per cent")."""
    side = _acted(sentence, question)
    s, o, m = score
    if side is None:  # "... but the vests should be scrapped", read with a question on the hours: no side
        elsewhere = [span for _, _, target, span in _actions(sentence, question) if target == "other"]
        if not elsewhere or not (s or o):
            return score
        blanked = list(sentence)
        for a, b in elsewhere:
            blanked[a:b] = " " * (b - a)
        return score_sentence("".join(blanked))
    pair = [s, o]
    column = 0 if side == "support" else 1
    pair[column] = max(pair[column], 1.0)
    if pair[1 - column] and _CONTRAST.search(sentence.lower()):
        m = max(m, *pair)
    else:
        pair[1 - column] = 0.0
    return pair[0], pair[1], m


def _target(what: str, proposed: _Proposed, keeping: bool) -> str | None:
    """Whether words acted on are what the question names ("thing"), the state it would replace ("instead"),
    or neither (None): the first content word or two words of it, a number, or a pronoun for it."""
    number = re.search(r"\d+(?:\.\d+)?", _digits(what))  # the first one: "Scrap the £40 fee and charge £60"
    if number is not None and number.group() in proposed.instead and number.group() not in proposed.thing:
        return "instead"
    if number is not None and number.group() in proposed.thing:
        return "thing"
    ending = _ENDING_NOUN.match(what) if proposed.ends else None  # "no ban on pavement parking", to banning
    if ending is not None and (on := _ENDED_ON.match(what, ending.end())) is not None and not (  # it (not
            _words5(on["what"], proposed.short) & proposed.thing):  # "Keep the ban on HGVs": another one)
        return "other"
    if _ITSELF.match(what) or (proposed.way and _CHANGING[proposed.way].match(what)) or ending:  # "Scrap the
        return "proposal"  # proposal": whatever it proposes; "Stop the cuts", to cutting
    words = [w[:5] for w in re.findall(r"[a-z]{3,}", what.lower())
             if (len(w) > 3 or w in proposed.short) and w not in _PLAIN]
    said = set(words)
    head = words[0] if words else ""
    if keeping and _AS_THINGS_ARE.match(what):  # "Keep the status quo": what a question to keep or end
        return "thing" if proposed.keeps or proposed.ends else "instead"  # names, else what a change replaces
    if _PRONOUN.match(what):
        if proposed.keeps or proposed.ends or not keeping:  # "Take them away", "Scrap it"
            return "thing"
        return "instead" if _AS_NOW.search(what) else None  # "Keep it as it is" (to a change)
    if (head in proposed.thing and head not in _GENERIC) or len(said & proposed.thing) >= 2:
        if keeping and not (proposed.keeps or proposed.ends):  # keeping what a change would bring in is
            # keeping things as they are, if said, else no side: "Keep all our libraries open and staffed"
            # to opening them longer with no staff; keeping what it would close is keeping things as they are
            closed = proposed.closes and (head in proposed.changed or len(said & proposed.changed) >= 2)
            return "instead" if closed or _AS_NOW.search(what) else None
        return "thing"
    if (head in proposed.instead and head not in _GENERIC) or len(said & proposed.instead) >= 2:
        return "instead"
    return "other" if head and head not in _GENERIC else None


_ENDING_NOUN = re.compile(r"\W*(?:(?:the|this|these|any|a|such|your|its|their|proposed|new|national"
                          r"|blanket)\s+)*(?:ban|bans|prohibition|abolition|removal|closures?|withdrawal|phasing\s+out)\b",
                          re.IGNORECASE)  # the ending a question proposes, named: "the ban (on ...)"
_ENDED_ON = re.compile(r"\s+(?:on|of)\s+(?P<what>.+)", re.IGNORECASE)
_AS_THINGS_ARE = re.compile(r"\W*(?:the\s+)?(?:status\s+quo|current\s+(?:system|arrangements?|position)"
                            r"|things\s+as\s+they\s+are)\b", re.IGNORECASE)


_DENIED = re.compile(  # a frame denying what follows: "I do not think pavement parking should be banned", "We
    # do not accept that ...", "Nobody thinks ...", "It is wrong that ..."
    r"\b(?:(?:do|does|did)\s+not|don[’']?t|doesn[’']?t|didn[’']?t|cannot|can[’']?t|never)\s+(?:(?:really|honestly"
    r"|simply|for\s+one\s+moment)\s+)?(?:think|believe|accept|agree|feel|consider|see\s+why)\b(?:\s+that\b)?"
    r"|\b(?:nobody|no\s*-?\s*one)\s+(?:thinks|believes|agrees|accepts|wants)\b(?:\s+that\b)?"
    r"|\b(?:wrong|not\s+right|unfair|unjust|absurd|ridiculous|nonsense)\s+that\b", re.IGNORECASE)


def _denied(text: str) -> int:
    """Where the last denying frame (`_DENIED`) in the clause that ends `text` ends, or -1."""
    start = max((m.end() for m in re.finditer(r"[,;:(]|\b(?:but|and|because|so)\b", text)), default=0)
    return max((m.end() for m in _DENIED.finditer(text, start)), default=-1)


def _actions(sentence: str, question: str) -> list[tuple[bool, bool, str | None, Span]]:
    """Each verb of keeping or ending in the sentence: (keeping, negated, what it acts on: `_target`, its
    span), as a command ("Keep the vests.", "I ask you to end ...") or what befalls a thing ("The vests
    must stay.", "The vests should be scrapped.", "There should be no standing charge"). A step further
    ("We would go further and abolish standing charges") counts only where it goes the question's way (to
    reducing them, not to raising or keeping them: a step further is no step back) on what the question
    names, or ends the proposal itself ("We would go further and scrap the proposal"); one on something else
    is an aside, and one the writer would not take ("We would not go further and ...") no step."""
    proposed = _proposed(question)
    found: list[tuple[bool, bool, str | None, Span]] = []
    for m in _ACTION.finditer(sentence):
        what = _OBJECT_END.split(m["what"], maxsplit=1)[0]
        keeping = m["keep"] is not None
        if keeping and _FOR_NOW.match(m["what"], len(what)):  # kept only until something else is ready
            continue
        if m["end"] and m["away"]:
            what = m["away"] + what
        target = _target(what, proposed, keeping)
        verb = m.start("keep") if m["keep"] else m.start("end")
        if target != "proposal" and _asked_whether(sentence[max(0, m.start() - 120): m.start()]):
            continue
        further = _further(sentence, verb) if target != "proposal" else None
        if further is not None:
            side = _action_side(keeping, False, target, proposed)
            if side == "support" and not _declined(sentence, further):
                found.append((keeping, False, target, m.span()))
            continue
        denied = _denied(sentence[max(0, m.start() - 120): m.start()]) >= 0  # "I do not think you should
        # scrap them"
        found.append((keeping, bool(m["negv"]) != denied, target, m.span()))
    for m in _CYM_ACTION.finditer(sentence):  # Welsh: "Cadwch y llyfrgelloedd ar agor", "Peidiwch â chau"
        keeping = m["keep"] is not None
        target = "instead" if proposed.closes else "thing" if proposed.keeps or proposed.ends else None
        found.append((keeping, bool(m["negv"]), target, m.span()))
    for m in _NONE.finditer(sentence):  # "There should be no standing charge": it ended (what there is none
        what = _PHRASE_END.split(m["what"], maxsplit=1)[0]  # of, not "no delay in introducing the ban"; but
        if _ENDING_NOUN.match(what):  # "no ban on HGVs" is another ban than the one on pavement parking)
            what = _OBJECT_END.split(m["what"], maxsplit=1)[0]
        if _asked_whether(sentence[max(0, m.start() - 120): m.start()]):
            continue
        denied = _denied(sentence[max(0, m.start() - 120): m.start()]) >= 0
        found.append((False, denied, _target(what, proposed, False), m.span()))
    for m in _FATE.finditer(sentence):
        keeping = m["keep"] is not None
        clause = re.split(r"[,;:(]|\b(?:but|and|because|so)\b", m["what"])[-1]
        rest = _OBJECT_END.split(m["rest"], maxsplit=1)[0]
        span = (m.end("what") - len(clause), m.end())
        before = sentence[max(0, span[0] - 120): m.end("what")]  # (with the clause)
        if _asked_whether(before):
            continue
        frame = _denied(before)  # "I do not think pavement parking should be banned": what is denied
        if frame >= len(before) - len(clause):
            clause = before[frame:]
        found.append((keeping, bool(m["neg"]) != (frame >= 0), _target(f"{clause} {rest}", proposed, keeping),
                      span))
    return found


_CLAUSE_OPENS = re.compile(r"[,;:(]|\b(?:but|because|so)\b")
_FURTHER = re.compile(r"\bgo(?:es|ing)?\s+(?:(?:much|even|still|a\s+lot|a\s+step)\s+)?further"
                      r"(?:\s+(?:still|and|by|to|in))*\s*$", re.IGNORECASE)


def _asked_whether(before: str) -> bool:
    """The clause ending `before` asks whether what follows holds ("We have no view on whether standing
    charges should be reduced", "The question is whether ..."): what it names is not said."""
    start = max((m.end() for m in _CLAUSE_OPENS.finditer(before)), default=0)
    return re.search(r"\bwhether\b", before[start:], re.IGNORECASE) is not None


def _further(sentence: str, verb: int) -> re.Match[str] | None:
    """The "go further" making the verb at `verb` a step further ("Yes, and the regulator should go further
    and stop ...", "We would go further and abolish standing charges"), if any."""
    return _FURTHER.search(sentence, max(0, verb - 60), verb)


_NOT_BEFORE = re.compile(r"(?:\bnot|n[’']t|\b" + _NT_BARE + r"|\bnever)\s+(?:[a-z]+ly\s+)?$",
                         re.IGNORECASE)  # "would not" go


def _declined(sentence: str, further: re.Match[str]) -> bool:
    """The step further is one the writer would not take: "We would not go further and abolish them", "We do
    not think the regulator should go further and ..."."""
    before = sentence[max(0, further.start() - 120): further.start()]
    return _NOT_BEFORE.search(before) is not None or _denied(before) >= 0


_UP = r"extend|increase|expand|lengthen|raise|widen|boost"
_DOWN = r"reduce|cut|close(?!\s+(?:to|by|at|on|enough|as)\b)|shut|lower|shorten|slash|decrease|trim"
_CHANGE = re.compile(  # a command to change something one way: "Extend the hours.", "Do not close any
    # libraries.", "We urge the council to reduce ...", "You should cut ..." (not "this would reduce ...", a
    # forecast, nor "the plan to close ...", a description)
    r"(?:^|[,;:(]\s*|\b(?P<carried>and|so|then)\b|\b(?:just|please|simply|yes|let[’']?s|" + _STRICT_MODALS
    + r"|(?:urge|urges|ask|asks|call\s+on|calls\s+on|request|invite|encourage"
    r"|(?:we|i)\s+(?:would\s+|really\s+|just\s+|also\s+)?want)\s+(?:[a-z’']+\s+){0,4}?to))"  # (not "no":
    # "no increase in ...", a noun; nor "Suppliers want to raise ...": someone else's wish)
    r"\s*(?P<negv>(?:do\s+not|don[’']?t|never|not)\s+)?(?:just\s+|simply\s+)?"
    r"(?:(?P<up>" + _UP + r")|(?P<down>" + _DOWN + r"))\b"
    r"(?!\s+(?:in|of|after|upon|is|was|are|were|will|would|has|had)\b)"  # (not a noun: "Increase in the
    r"(?P<what>[^.;:!?]{0,90})", re.IGNORECASE)  # charge will hurt")
_FORECAST = re.compile(  # a clause saying what would happen or what someone means to do, which an "and ..."
    # after it carries on: "The plan would close five libraries and reduce ..." (no command)
    r"\b(?:would|will|could|might|may|plans?|planned|intends?|intended|proposes?|proposed|aims?|wants?"
    r"|seeks?|going\s+to)\b|[’']ll\b|[’']d\b", re.IGNORECASE)
_CHANGED = re.compile(  # what should befall a thing: "The opening hours should not be extended."
    r"(?P<what>[^.;:!?,]{1,80}?)\s+" + _STRICT_MODALS + _NOT + r"\s+be\s+(?:(?P<up>extended|increased"
    r"|expanded|lengthened|raised|widened|boosted)|(?P<down>reduced|cut|closed|shut|lowered|shortened|slashed"
    r"|decreased|trimmed))\b", re.IGNORECASE)
_MOVES = re.compile(  # which way a thing should go: "Standing charges must come down.", "I want the standing
    # charge to come down", "Fares should not go up."
    r"(?P<what>[^.;:!?,]{1,80}?)\s+(?:" + _STRICT_MODALS + _NOT + r"|(?P<to>to))\s+(?:(?P<up>(?:go|come)\s+up"
    r"|rise|grow|increase)|(?P<down>(?:go|come)\s+down|fall(?!\s+(?:on|upon|to|under|within|into|outside|short"
    r"|behind|apart|foul|back|through)\b)|decrease|shrink|be\s+brought\s+down))\b",  # (not "should fall on
    re.IGNORECASE)  # the suppliers": who bears it)
_WANT = re.compile(r"(?P<neg>\b(?:(?:do|does|did)\s+not|don[’']?t|doesn[’']?t|didn[’']?t|never)\s+)?"
                   r"\b(?:want|wants|wanted|would\s+like|[’']d\s+like|wish|wishes|need|needs)\s+",
                   re.IGNORECASE)  # "I want X to come down": the frame of a wish (not "I expect X to rise", a
# forecast)


def _move_side(move: str, negated: bool, way: str) -> str | None:
    """The side a call to change a thing `move` ("up" or "down") takes on a proposal to change it `way`:
    the same way supports, further too ("Scrap the standing charge" to reducing it); not that way opposes;
    the other way opposes; not the other way takes no side."""
    if move == way:
        return "oppose" if negated else "support"
    return None if negated else "oppose"


def _changes(sentence: str, question: str) -> set[str]:
    """The sides a sentence takes by saying which way what the question would change should go: the same
    way supports ("Extend the hours." to opening longer), not that way opposes ("Do not close any
    libraries." to cutting them from 14 to 6), and the other way opposes ("Cut the hours instead."); not
    going the other way takes no side. Only where the question changes things one way (`_Proposed.way`)."""
    proposed = _proposed(question)
    way = proposed.way
    if way is None:
        return set()
    proposed = replace(proposed, thing=proposed.changed)  # (what it changes, not the clause after)
    sides = set()
    for m in (*_CHANGE.finditer(sentence), *_CHANGED.finditer(sentence), *_MOVES.finditer(sentence)):
        groups = m.groupdict()
        if groups.get("what") is None:
            continue
        if groups.get("carried") and _FORECAST.search(
                re.split(r"[,;:(]", sentence[max(0, m.start() - 120): m.start()])[-1]):
            continue
        further = None
        if "negv" in groups:
            if _asked_whether(sentence[max(0, m.start() - 120): m.start()]):
                continue
            further = _further(sentence, m.start("up") if m["up"] else m.start("down"))
            if further is not None and _declined(sentence, further):
                continue
            what = _OBJECT_END.split(m["what"], maxsplit=1)[0]
            negated = bool(m["negv"]) != (_denied(sentence[max(0, m.start() - 120): m.start()]) >= 0)
        else:
            clause = re.split(r"[,;:(]|\b(?:but|and|because|so)\b", m["what"])[-1]
            before = sentence[max(0, m.end("what") - len(clause) - 120): m.end("what")]
            if _asked_whether(before):
                continue
            frame = _denied(before)
            if frame >= len(before) - len(clause):
                clause = before[frame:]
            what, negated = clause, bool(m["neg"]) != (frame >= 0)
            if groups.get("to") is not None:  # "I want the standing charge to come down"
                wish = [*_WANT.finditer(what)]
                if not wish:
                    continue
                what, negated = what[wish[-1].end():], bool(wish[-1]["neg"]) != negated
        if _target(what, proposed, False) != "thing":
            continue
        side = _move_side("up" if m["up"] else "down", negated, way)
        if side is not None and (side == "support" or further is None):  # (a step further is no step back)
            sides.add(side)
    return sides


_SAME = re.compile(  # a question asking for equal treatment: "Should prepayment customers pay the same
    # standing charge as direct debit customers?"
    r"\b(?:pay|be\s+charged|get|receive|have)\s+the\s+same\b", re.IGNORECASE)
_NO_MORE = re.compile(  # a sentence that they should pay no more than others: "Prepayment customers must
    # never pay more than anyone else", "No family should pay more for being on a key meter"
    r"(?P<who>[^.;:!?,]{0,60}?)\b" + _STRICT_MODALS + r"(?:\s+not|n[’']?t|\s+never)\s+(?:have\s+to\s+)?"
    r"(?:pay|be\s+charged)\s+(?:a\s+(?:single\s+)?penny\s+|any(?:thing)?\s+)?more\b"
    r"|(?P<nobody>\b(?:no|nobody|no\s*-?\s*one)\b[^.;:!?,]{0,30}?)\b" + _STRICT_MODALS
    + r"\s+(?:have\s+to\s+)?(?:pay|be\s+charged)\s+more\b", re.IGNORECASE)


def _no_more(sentence: str, question: str) -> bool:
    """To a question asking whether some should pay the same as others (`_SAME`), a sentence saying they
    (named in the question's words) or no one should pay more agrees: trial 30a's "Prepayment customers must
    never pay more than anyone else" and "No family should pay more for being on a key meter" took no side."""
    if _SAME.search(question) is None:
        return False
    thing = _proposed(question).thing
    return any(m["nobody"] is not None or _words5(m["who"]) & thing for m in _NO_MORE.finditer(sentence)
               if not _asked_whether(sentence[: m.start()]))


def _acted(sentence: str, question: str) -> str | None:
    """The side a sentence takes by saying what should be done with what an agreement question proposes:
    kept or ended. To "Do you agree that people should continue to wear vests?", "Keep the vests.", "The
    vests must stay." support and "Scrap the vests.", "Take them away.", "I ask you to end the practice of
    making people wear vests" oppose; to a change ("30% rather than the current 20%"), "Keep it at 20 per
    cent." opposes. None where no such verb acts on the question's own words (or "it" / "them")."""
    proposed = _proposed(question)
    sides = set()
    if (_NO_DELAY.search(sentence) and not _DELAYS.search(question)) or _no_more(sentence, question):
        sides.add("support")  # "There should be no delay": the proposal urged on (unless it is a delay)
    far = _FAR_ENOUGH.search(sentence)  # "The proposal does not go far enough": for it, wanting more
    if far is not None and not _asked_whether(sentence[: far.start()]):
        if _denied(sentence[max(0, far.start() - 120): far.start()]) < 0:
            sides.add("support" if far["short"] else "oppose")
        elif far["far"]:  # "I do not think the proposal goes too far": for it
            sides.add("support")
    for keeping, negated, target, _ in _actions(sentence, question):
        side = _action_side(keeping, negated, target, proposed)
        sides |= {side} if side else set()
    sides |= _changes(sentence, question)
    return sides.pop() if len(sides) == 1 else None


def _action_side(keeping: bool, negated: bool, target: str | None, proposed: _Proposed) -> str | None:
    """The side keeping (or ending) what `target` names takes on the proposal (`_actions`)."""
    if target in (None, "other"):
        return None
    if target == "thing" and not keeping and proposed.way and not (proposed.ends or proposed.keeps):
        return _move_side("up" if proposed.bound else "down", negated, proposed.way)  # ending it goes all
        # the way down ("Scrap the standing charge" to reducing it), or loosens a limit ("Scrap the speed
        # limit" to lowering it: the other way)
    wanted = target == "proposal" or (  # the question wants it there
        not proposed.ends if target == "thing" else proposed.ends)
    return "support" if (keeping != negated) == wanted else "oppose"


def changes_one_way(question: str) -> bool:
    """Whether a question would move what it names one way ("... should be reduced?", "... to extend the
    opening hours?"), not keep, end or bring it in."""
    return _proposed(question).way is not None


def named_words(question: str) -> frozenset[str]:
    """The words (first five letters) and numbers of what a closed question names (`_Proposed.thing`)."""
    return _proposed(question).thing


def moves_what_it_names(sentence: str, question: str, common: frozenset[str] = frozenset()) -> str | None:
    """The side a sentence takes on an agreement question by saying what should become of what the question
    names, named in two of its words (not counting `common`: words every question names, the consultation's
    subject, as "unpaid work" in "Unpaid work must stay in the public sector", to "... people carrying out
    unpaid work in public should continue to wear vests?"): kept, ended, or moved one way ("So yes I want the
    standing charge to come down", "Scrap the standing charge", to "... standing charges ... should be
    reduced?"); None otherwise ("Scrap them", "Scrap the proposal": on whatever was asked before). Where
    the words it names are only those every question names, the question that moves them one way takes it:
    which way they should go is what it asks ("Standing charges should be scrapped", to reducing them, not
    to whether prepayment customers should pay the same standing charge)."""
    proposed = _proposed(question)
    said = _words5(sentence, proposed.short)
    if len((said & proposed.thing) - common) < 2 and not (proposed.way is not None and (
            len(said & proposed.changed) >= 2 or said & proposed.changed & proposed.short)):  # ("the cap")
        return None  # (first: the cheap test, for each sentence of a letter and each question)
    moved = _changes(sentence, question) or any(  # (or keeps what it would close: "asks the council to keep
        t == "thing" or (t == "instead" and k and proposed.closes)  # Cwm Eithin library open")
        for k, _, t, _ in _actions(sentence, question))
    return _acted(sentence, question) if moved else None


_MODAL = re.compile(r"\b(?:" + _SHOULD + r"|must|ought\s+to|needs?\s+to)\b"
                    r"(?P<neg>\s+not\b|n[’']?t\b|\s+never\b)?", re.IGNORECASE)
_PLAIN = frozenset({"agree", "think", "should", "would", "could", "have", "that", "with", "this", "your",
                    "what", "which", "when", "will", "there", "their", "they", "from", "into", "been", "does",
                    "please", "give", "reasons", "know", "must", "also", "them", "were", "being", "about",
                    "than", "then", "more", "other", "only", "some", "such", "dont", "support"})
RESTATED_SHARE = 0.5  # of the question's words a sentence uses to restate what it proposes
RESTATED_WEIGHT = 0.6  # a restatement's cue weight: weaker than "we agree"


@lru_cache(maxsize=256)
def _proposal_words(question: str) -> frozenset[str]:
    """The words of what a closed question proposes (its first question asked), by their first five
    letters: "Do you agree that victims should have a legal right to be told ...?" -> victi, legal, ..."""
    asked = next((p for p in _URL.sub(" ", question).split("?") if not _WH.match(p)), question)
    return frozenset(w[:5] for w in re.findall(r"[a-z]{4,}", asked.lower()) if w not in _PLAIN)


def _restated(sentence: str, proposal: frozenset[str]) -> Scores:
    """A sentence with no cue that says, with a modal, what the question proposes ("Victims must have a
    legal right to be told when the person who harmed them is released", to "Do you agree that victims
    should have a legal right ...?"; "I also think the Commissioner should have the power to make the
    agencies report"): it agrees (they were read as no answer). A negated modal takes no side: "Victims
    should not have to wait for a legal right ..." agrees, "... victims should not be told" disagrees. A
    modal in a whether-clause says nothing ("We have no view on whether ... should ...": `_asked_whether`)."""
    modals = [m for m in _MODAL.finditer(sentence) if not _asked_whether(sentence[: m.start()])]
    if not modals or any(m["neg"] for m in modals) or len(proposal) < 4:
        return 0.0, 0.0, 0.0
    said = {w[:5] for w in re.findall(r"[a-z]{4,}", sentence.lower())}
    if len(said & proposal) < RESTATED_SHARE * len(proposal):
        return 0.0, 0.0, 0.0
    return RESTATED_WEIGHT, 0.0, 0.0


def _decide(found: _Cues) -> tuple[str, float, int | None]:
    """Stance, confidence and evidence sentence from the cue totals; no evidence means no cue fired."""
    s, o, m = found.totals()
    lead, other = max(s, o), min(s, o)
    if lead == 0.0 and m == 0.0:
        return "neutral", 0.6, None
    strength = 1.0 - math.exp(-max(lead, m))
    if m >= lead or other >= 0.5 * lead:
        best = max(range(len(found.scores)), key=lambda i: found.scores[i][2] + min(found.scores[i][:2]))
        return "mixed", 0.4 + 0.3 * strength, best
    column = 0 if s > o else 1
    best = max(range(len(found.scores)), key=lambda i: found.scores[i][column])
    return STANCES[column], 0.5 + 0.45 * strength * (lead - other) / (lead + other), best


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return np.asarray(e / e.sum(axis=1, keepdims=True))


@dataclass
class _Tfidf:
    """Sublinear TF-IDF over a fixed vocabulary: one code path after fit and after load, so both agree."""

    params: dict[str, Any]
    terms: list[str]
    idf: np.ndarray

    @classmethod
    def fit(cls, texts: Sequence[str], params: dict[str, Any], max_features: int) -> _Tfidf:
        from sklearn.feature_extraction.text import CountVectorizer

        counts = CountVectorizer(**params, min_df=2, max_features=max_features, dtype=np.float64)
        x = counts.fit_transform(texts)
        df = np.bincount(x.indices, minlength=x.shape[1])
        terms = sorted(counts.vocabulary_, key=counts.vocabulary_.__getitem__)
        return cls(params, terms, np.log((1 + x.shape[0]) / (1 + df)) + 1.0)

    def transform(self, texts: Sequence[str]) -> Any:
        from sklearn.feature_extraction.text import CountVectorizer
        from sklearn.preprocessing import normalize

        x = CountVectorizer(**self.params, vocabulary=self.terms, dtype=np.float64).transform(texts).tocsr()
        x.data = 1.0 + np.log(x.data)
        return normalize(x.multiply(self.idf).tocsr())


def _evidence(label: str, found: _Cues, picks: list[int], pull: np.ndarray) -> int:
    """A sentence whose cue states the label ("I oppose ..."), else the one pulling hardest towards it."""
    column = STANCES.index(label) if label in STANCES[:3] else None
    if column is not None and any(score[column] for score in found.scores):
        return max(range(len(found.scores)), key=lambda i: found.scores[i][column])
    return picks[int(np.argmax(pull))]


class StanceModel:
    """Stance of each response towards the proposal: cue rules until `fit`, then a trained classifier."""

    def __init__(self, embedder: Embedder | None = None, seed: int = 0) -> None:
        if embedder is None:
            from respmine.topics.embed import default_embedder

            embedder = default_embedder()
        self.embedder, self.seed = embedder, seed
        self.classes: list[str] = []
        self._tfidf: list[_Tfidf] = []
        self._weights: dict[str, np.ndarray] = {}
        self.version = f"{VERSION}-rules-{_rules_key()}+{self._slug()}"

    def _slug(self) -> str:
        name = self.embedder.name.lower()
        return "minilm" if "minilm" in name else re.sub(r"[^a-z0-9]+", "-", name).strip("-")

    @property
    def fitted(self) -> bool:
        return bool(self.classes)

    def fit(self, texts: Sequence[str], stances: Sequence[str]) -> StanceModel:
        """Learn from coded responses; a label with under MIN_CLASS rows is left out (it cannot be learnt)."""
        if len(texts) != len(stances):
            raise ValueError(f"{len(texts)} texts but {len(stances)} stances")
        counts = Counter(stances)
        keep = [i for i, label in enumerate(stances) if isinstance(label, str) and label
                and counts[label] >= MIN_CLASS and isinstance(texts[i], str) and _WORDY.search(texts[i])]
        classes = sorted({stances[i] for i in keep})
        if len(classes) < 2:
            raise ValueError(f"need two stances with >= {MIN_CLASS} non-empty texts each, got {dict(counts)}")
        docs = [texts[i] for i in keep]
        y = np.array([classes.index(stances[i]) for i in keep])
        self._tfidf = [_Tfidf.fit(docs, params, top) for params, top in _TFIDF_PARAMS]
        dense_x, _ = self._sentence_vectors(docs, [_cues(t) for t in docs])
        self._weights = self._train(self._text_features(docs), y, C_TEXT, "text") | self._train(
            dense_x, y, C_DENSE, "dense")
        self.classes = classes
        digest = hashlib.sha256(json.dumps([list(texts), list(stances), self.seed]).encode()).hexdigest()[:8]
        self.version = f"{VERSION}-{digest}-{_rules_key()}+{self._slug()}"
        return self

    def _train(self, x: Any, y: np.ndarray, c: float, name: str) -> dict[str, np.ndarray]:
        from sklearn.linear_model import LogisticRegression

        lr = LogisticRegression(C=c, class_weight="balanced", max_iter=3000, random_state=self.seed).fit(x, y)
        coef, intercept = lr.coef_, lr.intercept_
        if coef.shape[0] == 1:  # binary: a softmax over (-z/2, z/2) is the sigmoid of z
            coef, intercept = np.vstack([-coef, coef]) / 2, np.array([-intercept[0], intercept[0]]) / 2
        return {f"{name}_w": coef.astype(np.float64), f"{name}_b": intercept.astype(np.float64)}

    def _text_features(self, texts: Sequence[str]) -> Any:
        from scipy.sparse import hstack

        return hstack([t.transform(texts) for t in self._tfidf]).tocsr()

    def _sentence_vectors(self, texts: Sequence[str], found: Sequence[_Cues]) -> tuple[np.ndarray, list[Any]]:
        """Per text: the unit mean of its sampled sentences' embeddings, and (indices, vectors) of those."""
        picks = [f.sample() for f in found]
        flat = [t[slice(*f.spans[i])] for t, f, p in zip(texts, found, picks, strict=True) for i in p]
        vectors = np.asarray(self.embedder.embed(flat), dtype=np.float64)
        means, per_text, row = [], [], 0
        for p in picks:
            block, row = vectors[row: row + len(p)], row + len(p)
            mean = block.mean(axis=0)
            means.append(mean / max(float(np.linalg.norm(mean)), 1e-12))
            per_text.append((p, block))
        return np.vstack(means), per_text

    def predict(self, texts: Sequence[str], questions: Sequence[str | None] | None = None
                ) -> list[StancePrediction]:
        """One prediction per text; empty or wordless text is neutral with confidence 0 and no evidence.
        `questions`: the text of the question each answers, where known (a "Yes" to "Do you agree ...?")."""
        clean = [t if isinstance(t, str) else "" for t in texts]
        if isinstance(questions, str) or (questions is not None and len(questions) != len(clean)):
            raise ValueError("questions: one question (or None) per text")
        asked = list(questions) if questions is not None else [None] * len(clean)
        live = [i for i, t in enumerate(clean) if _WORDY.search(t)]
        out = [StancePrediction("neutral", 0.0, None)] * len(clean)
        docs, found = [clean[i] for i in live], [_cues(clean[i], asked[i]) for i in live]
        made = self._predict_trained(docs, found) if self.fitted else self._predict_rules(docs, found)
        for i, prediction in zip(live, made, strict=True):
            closed = closed_answer(clean[i], asked[i])
            out[i] = prediction if closed is None or (self.fitted and closed[0] not in self.classes) else (
                StancePrediction(closed[0], CLOSED_CONFIDENCE, closed[1]))
        return out

    def _predict_rules(self, texts: list[str], found: list[_Cues]) -> list[StancePrediction]:
        decided = [_decide(f) for f in found]
        ties = [i for i, (_, _, best) in enumerate(decided) if best is None]
        if ties:  # embed only the texts no cue settled
            broken = self._prototypes([texts[i] for i in ties], [found[i] for i in ties])
            for i, result in zip(ties, broken, strict=True):
                decided[i] = result
        return [StancePrediction(stance, round(conf, 4), None if best is None else f.spans[best])
                for (stance, conf, best), f in zip(decided, found, strict=True)]

    def _prototypes(self, texts: list[str], found: list[_Cues]) -> list[tuple[str, float, int | None]]:
        """Tie-breaker for texts without cues: the sentence closest to a stance prototype, if close enough."""
        names = [name for name, group in _PROTOTYPES.items() for _ in group]
        protos = np.asarray(self.embedder.embed([p for group in _PROTOTYPES.values() for p in group]))
        _, per_text = self._sentence_vectors(texts, found)
        out: list[tuple[str, float, int | None]] = []
        for picks, vectors in per_text:
            sims = vectors @ protos.T
            near = {k: sims[:, [j for j, n in enumerate(names) if n == k]].max(axis=1) for k in _PROTOTYPES}
            best_lead, result = PROTOTYPE_MARGIN, ("neutral", 0.6, None)
            for stance, rival in (("support", "oppose"), ("oppose", "support")):
                lead = near[stance] - np.maximum(near["neutral"], near[rival])
                lead[near[stance] < PROTOTYPE_BAR] = -np.inf
                i = int(np.argmax(lead))
                if lead[i] >= best_lead:
                    best_lead, result = float(lead[i]), (stance, min(0.6, 0.4 + float(lead[i])), picks[i])
            out.append(result)
        return out

    def _predict_trained(self, texts: list[str], found: list[_Cues]) -> list[StancePrediction]:
        if not texts:
            return []
        w = self._weights
        dense_x, per_text = self._sentence_vectors(texts, found)
        proba = BLEND * _softmax(self._text_features(texts) @ w["text_w"].T + w["text_b"])
        proba += (1 - BLEND) * _softmax(dense_x @ w["dense_w"].T + w["dense_b"])
        lean = w["dense_w"] - w["dense_w"].mean(axis=0)  # what a sentence adds to each class over the average
        out = []
        for k, (f, (picks, vectors)) in enumerate(zip(found, per_text, strict=True)):
            c = int(proba[k].argmax())
            out.append(StancePrediction(self.classes[c], round(float(proba[k, c]), 4),
                                        f.spans[_evidence(self.classes[c], f, picks, vectors @ lean[c])]))
        return out

    def save(self, folder: Path) -> None:
        """JSON (settings, labels, vocabularies) and .npz (weights): readable, diffable, no pickle."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        meta = {"format": 1, "version": self.version, "embedder": self.embedder.name, "seed": self.seed,
                "classes": self.classes,
                "tfidf": [{"params": t.params, "terms": t.terms} for t in self._tfidf]}
        (folder / "stance.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        arrays: dict[str, Any] = {**self._weights, **{f"idf_{i}": t.idf for i, t in enumerate(self._tfidf)}}
        np.savez(folder / "stance.npz", **arrays)

    @classmethod
    def load(cls, folder: Path, embedder: Embedder | None = None) -> StanceModel:
        """A saved model; the embedder must be the one it was trained with (its vectors are the features)."""
        folder = Path(folder)
        meta = json.loads((folder / "stance.json").read_text(encoding="utf-8"))
        model = cls(embedder, seed=int(meta["seed"]))
        if model.embedder.name != meta["embedder"]:
            raise ValueError(f"{folder}: trained with embedder {meta['embedder']}, got {model.embedder.name}")
        with np.load(folder / "stance.npz", allow_pickle=False) as arrays:
            model._tfidf = [_Tfidf({**t["params"], "ngram_range": tuple(t["params"]["ngram_range"])},
                                   t["terms"], arrays[f"idf_{i}"]) for i, t in enumerate(meta["tfidf"])]
            model._weights = {k: arrays[k] for k in arrays.files if not k.startswith("idf_")}
        model.classes, model.version = list(meta["classes"]), str(meta["version"])
        return model


def combined_stance(stances: Iterable[str | None]) -> str | None:
    """One respondent's stance from several: mixed if any is, or if they go both ways."""
    found = set(stances) - {None}
    if "mixed" in found or {"support", "oppose"} <= found:
        return "mixed"
    for stance in ("support", "oppose", "neutral"):
        if stance in found:
            return stance
    return None


_OTHER_SIDE = {"support": "oppose", "oppose": "support"}


def proposal_side(answers: Iterable[tuple[str, str | None]], proposal_question: str | None,
                  backwards: Collection[str] = ()) -> str | None:
    """One respondent's side on the proposals from their answers' stances ((question id, stance) pairs).
    Their answer to the question on the proposal itself (`proposal_question`) gives it where it takes a side:
    the other questions ask about its parts, and a condition or reservation there ("We support victim
    alerts, provided that ...", "Partly." to whether councils should fine) does not make a respondent who
    agreed or disagreed with the proposal mixed (two trials: 7 of 15 wrong stances); answering another
    question the other way outright does. Without such an answer taking a side, their answers combine
    (`combined_stance`). An answer to a question in `backwards` (`keeps_as_is`: "Do you agree the current
    scheme should stay as it is?") counts the other way: agreeing there is against the change."""
    answers = [(q, toward_proposals(s, q in backwards)) for q, s in answers]
    own = combined_stance(s for q, s in answers if q == proposal_question) if proposal_question else None
    if own == "mixed":
        return own
    if own in _OTHER_SIDE:
        return "mixed" if any(s == _OTHER_SIDE[own] for q, s in answers if q != proposal_question) else own
    return combined_stance(s for _, s in answers)


def toward_proposals(stance: str | None, backwards: bool) -> str | None:
    """An answer's stance on a question asking for agreement as a side on the proposals: the other side
    where the question asks agreement with keeping things as they are (`backwards`: `keeps_as_is`)."""
    return _OTHER_SIDE.get(stance, stance) if backwards and stance else stance


_STATUS_QUO = re.compile(  # agreeing is for things staying as they are: "Do you agree the current scheme
    # should stay as it is?", "... that the existing rules should remain unchanged?", "... that no change is
    # needed?" (named apart from `_KEEPS`, the verbs of keeping `_proposed` reads)
    # (not "... should continue to wear vests?": what continues may be what is proposed)
    r"\b(?:current|existing|present)\s+(?:[a-z’'-]+\s+){0,4}?(?:should|must|ought\s+to|to|can|could)\s+"
    r"(?:(?:be\s+)?(?:stay|remain|kept|retained|maintained|left|continue|unchanged)|not\s+(?:be\s+)?change)\b"
    r"|\b(?:stay|remain|be\s+left|be\s+kept|continue)\s+(?:as\s+(?:it|they)\s+(?:is|are)|unchanged"
    r"|the\s+same)\b|\bno\s+(?:change|changes)\s+(?:should|is|are|needs?)\b"
    r"|\b(?:keep|keeping|retain|retaining)\s+the\s+(?:current|existing|present)\b"
    r"|\bstatus\s+quo\b", re.IGNORECASE)
_NOT_THE_PROPOSAL = re.compile(  # agreement asked with something other than what is proposed: the problem
    # as described, the evidence, an impact assessment ("Do you agree with our assessment of the problem?",
    # "Do you agree with the impact assessment?", "... with the estimated costs?")
    r"\b(?:agree|content|happy|satisfied|accept)\s+(?:with\s+|that\s+)?(?:the|our|your|this|these|its"
    r"|the\s+\w+[’']s)\s+(?:[a-z-]+\s+){0,2}?(?:assessments?|analys[ie]s|evidence|estimates?|estimated"
    r"|descriptions?|summary|account|understanding|figures|data|statistics|findings|diagnosis|costings?"
    r"|appraisal|rationale|case\s+for|problems?|issues?|definition\s+of\s+the\s+problem)\b"
    r"|\b(?:assessment|analysis|description|summary|account)\s+of\s+(?:the\s+)?(?:problem|issue|evidence"
    r"|impacts?|costs?|current)", re.IGNORECASE)
_NAMES_PROPOSAL = re.compile(  # the question's object is what is proposed as a whole, named as such: "Do you
    # agree with the proposal?", "... with the proposals set out in this consultation?", "... support the
    # proposed changes?"
    r"\b(?:agree|support|welcome|favou?r|endorse|accept|approve|back|content|happy|satisfied)\s+(?:with\s+"
    r"|of\s+)?(?:the|our|these|your|its|the\s+\w+[’']s)\s+(?:(?:overall|main|proposed|new|draft)\s+)?"
    r"(?:(?:proposals?|plans?|changes|reforms|package)(?=\s*(?:[?,;.]|$)"
    r"|\s+(?:as\s+a\s+whole|overall|set\s+out|described|outlined|in\s+(?:this|the)\s+(?:consultation"
    r"|document|paper))))", re.IGNORECASE)  # (not "the proposed changes to victim alerts": a part; nor
# "this proposal?", the one the paragraph before it sets out: a part as often as not; nor "the proposal to
# allow councils to ...", one proposal named, no more the whole than "Do you agree that X should ...?" before
# it (trial 27a: the first question, on the ban, is the one on the proposal))


def keeps_as_is(question: str | None) -> bool:
    """The question asks agreement with keeping things as they are ("Do you agree the current scheme should
    stay as it is?"): agreeing is against a change, so its answers read backwards as a side on the
    proposals (`toward_proposals`). Not where what it keeps is what is proposed ("Do you agree with the
    proposal to retain the existing cap?": `_PROPOSED_FIRST`), nor where it changes something as well ("...
    that no change is needed to the formula, but that the cap should rise?", "... should remain in place and
    be extended to e-scooters?", "... should continue to apply under the new ban?": `_CHANGES_TOO`):
    agreeing there is agreeing with a change."""
    if not question or not asks_agreement(question):
        return False
    asked = next((p for p in _URL.sub(" ", question).split("?") if not _WH.match(p)), question)
    found = _STATUS_QUO.search(asked)
    return (found is not None and not _PROPOSED_FIRST.search(asked, 0, found.start())
            and not _CHANGES_TOO.search(asked))


_PROPOSED_FIRST = re.compile(r"\b(?:propos(?:als?|ed|es?|ing)|plans?\s+to)\b", re.IGNORECASE)
_CHANGES_TOO = re.compile(r"\b(?:but|while|whilst|although|though|whereas|except|apart\s+from|other\s+than"
                          r"|save\s+for)\b|\band\s+(?:should\s+)?be\s+[a-z]+ed\b"
                          r"|\b(?:under|with|alongside|within)\s+the\s+(?:new|proposed)\b", re.IGNORECASE)


def on_the_proposal(question: str | None) -> bool:
    """The question asks agreement with what is proposed, not with the problem as the consultation describes
    it, its evidence or its impact assessment (`_NOT_THE_PROPOSAL`), nor with keeping things as they are
    (`keeps_as_is`). (Consent to be contacted or quoted asks no agreement at all: `asks_agreement`.)"""
    if not asks_agreement(question):
        return False
    asked = next((p for p in _URL.sub(" ", question or "").split("?") if not _WH.match(p)), question or "")
    return _NOT_THE_PROPOSAL.search(asked) is None and not keeps_as_is(question)


def names_proposal(question: str) -> bool:
    """Whether a question asks about what is proposed as a whole ("Do you agree with the proposals?")."""
    return _NAMES_PROPOSAL.search(question) is not None


def proposal_question(questions: Mapping[str, str], segments: Iterable[SegmentView], named: str | None = None
                      ) -> str | None:
    """The question on the proposal itself: the one the consultation names (`named`: its question marked
    `proposal: true`), else, of those asking for agreement with what is proposed as their answers are read
    (`as_answered`, `on_the_proposal`: not "Do you agree with our assessment of the problem?", "Do you agree
    we may contact you?", "Do you agree the current scheme should stay as it is?"), the first naming the
    proposals as a whole ("Do you agree with the proposals set out in this consultation?"), else the first (in
    `questions`' order: a later "Do you agree with the proposal to allow councils to ...?" asks about a part;
    consultations put it before the questions on its parts: "Do you agree that GPS tagging should be
    extended to ...?"). None where no question asks."""
    if named in questions:
        return named
    answered = as_answered(questions, segments)
    asking = [q for q in questions if on_the_proposal(answered[q])]
    return next((q for q in asking if _NAMES_PROPOSAL.search(answered[q])), asking[0] if asking else None)


THEME_STANCE = "theme"  # the method of a segment stance its position themes gave (`position_stance`)


def position_stance(codes: Iterable[Code], positions: Mapping[str, str]) -> tuple[str, Code] | None:
    """The stance that the positions coded imply (`positions`: theme -> the stance it implies, from the
    codebook), with the code that says it best; None without one. Only a code a rule, the classifier or
    an analyst gave or accepted counts (similarity reads "should not be a core partner" as one), not
    where the rule found its phrase negated ("We do not think the sector should have a greater role"). For a
    segment whose words take no side (the stage, and the report after analysts' decisions: one rule)."""
    found = sorted((c for c in codes if c.theme in positions and asserts(c)),
                   key=lambda c: (-c.confidence, c.evidence.start, c.theme))
    stance = combined_stance(positions[c.theme] for c in found)
    return (stance, found[0]) if stance and found else None


def theme_stance(code: Code, implied: Mapping[str, str], decided: str | None = None,
                 scope: Collection[str] | None = None, subtheme_speaks: bool = False) -> str | None:
    """The side a code's evidence takes on the proposals, where the text says so. With a codebook marking
    positions on the proposals (`scope`: `stance_scope`), None for a theme outside it ("We would support
    larger contracts" is no stance on a bigger role for the sector), for a parent's code implied by a
    sub-theme's (the sub-theme's speaks) and, unless an analyst set the segment's stance, for a topic's
    own code in a passage where one of its sub-themes asserts a view (`subtheme_speaks`: "We welcome the
    involvement of the voluntary sector ... the framework should be neutral between sectors" is
    sector-neutral competition, not support for a bigger role). Else the stance an analyst set on its
    segment (`decided`: analysts win), else its evidence sentence's stance ("We oppose making charities a
    core partner" opposes, whatever the position implies), else the stance its theme implies (`implied`:
    a position, `positions`) where a rule, the classifier or an analyst asserted it (`asserts`). Never the
    machine's stance of the whole segment: "We have serious concerns about consortia" takes no side on
    the independence of charities raised in the sentence before it."""
    if scope is not None and (code.theme not in scope or "(child)" in code.method):
        return None
    if decided:
        return decided
    if subtheme_speaks and scope is not None:
        return None
    if code.stance:
        return code.stance
    return implied[code.theme] if code.theme in implied and asserts(code) else None


def stance_scope(codebook: Codebook, held: Collection[str] = ()) -> frozenset[str] | None:
    """The themes that carry a stance on the proposals: those that are positions on them (`Theme.stance`,
    or `held`: themes that took in a position by a merge, `decisions.merged_positions`) and the topics above
    them. None when the codebook names no such position (an imported codebook): then every theme's
    sentences speak for themselves."""
    found = {t.id for t in codebook.themes if t.stance} | {t for t in held if t in codebook.ids}
    if not found:
        return None
    return frozenset(found | {a for t in found for a in codebook.ancestors(t)})


ANSWERED = ("choice", "agreement")  # `chosen.CHOSE`, `stated.AGREED`: a view taken by answering the question


def asserts(code: Code) -> bool:
    """A rule, the classifier or an analyst found the code, or the respondent took the view by answering
    the question offering or stating it (ANSWERED: "A" to an option question, "Yes." to "Do you agree that
    X?"; not the topic above it, "choice(child)": the view speaks), and not where its phrase was negated."""
    by = code.method.split("+")
    return ((code.reviewed or any(m in ("rule", "classifier", "analyst", *ANSWERED) for m in by))
            and not any(m.endswith("-negated") for m in by))


def positions(codebook: Codebook) -> dict[str, str]:
    """theme -> the stance it implies, for the codebook's themes that are positions (`Theme.stance`)."""
    return {t.id: t.stance for t in codebook.themes if t.stance}


def reread(segments: Iterable[str], codes: Iterable[Code], implied: Mapping[str, str]) -> dict[str, str]:
    """The stance of each of these segments whose words take no side, from their codes as analysts left
    them (`position_stance`; "neutral" without a position): one rule for the report and the review app."""
    todo = set(segments)
    by_segment: dict[str, list[Code]] = {}
    for c in codes:
        if c.segment in todo:
            by_segment.setdefault(c.segment, []).append(c)
    out = {}
    for seg in todo:
        found = position_stance(by_segment.get(seg, ()), implied)
        out[seg] = found[0] if found else "neutral"
    return out
