"""Phrase rules: codebook phrases found in text by lemma, with exclusions and dismissal handling.

Rules are the high-precision, explainable layer of theme coding: every hit names the phrase that fired
and the sentence it fired in, so an analyst can check it.

Matching. Text and phrases go through one small spaCy pipeline (tokenizer, lemmatiser; sentences from
`sentences.sentence_spans`, as for every other piece of evidence);
matching is a `PhraseMatcher` on LEMMA, so "contract" finds "contracts" and "charity" finds "charities".
The lemmatiser is a context-free lookup built from the lemma tables of the trained English pipeline
(`structure.nlp.SPACY_MODEL`): running its tagger would triple the cost for little gain, since phrases
and text are lemmatised by the same function. Because a token's lemma depends only on its lower-cased
form, a LOWER match is always also a LEMMA match, so one matcher serves both. Without the model package
lemmas fall back to lower case (exact-word matching). Curly apostrophes are read as straight ones, and
a phrase also matches with its hyphens written as spaces, closed up, or (multi-word phrases) hyphenated.

Negation. A negation cue (not, n't, no, never, without, neither, nor, nothing, none) rarely means a
theme is absent: "we do not have full cost recovery" and "people leave prison without accommodation"
are about the theme's problem, so they are hits (with `negated=True` and lower confidence). A mention
is dropped only inside a clause that dismisses the topic: "this is not about funding", "nothing to add
on funding", "no comments on consortia", "no concerns about consortia", "we do not think funding is a
problem", "not relevant", "outside our remit". A clause ends at , ; : ( ) a spaced dash or a
contrastive conjunction (but, although, however, whereas, while, because); a clause opened by "nor" or
"or" after a dismissive clause is dismissive too ("nothing to add on funding, nor on consortia").

Rejection. A mention the clause argues against is `rejected`: "commissioning at regional level would be a
mistake", "X is not the answer", "X should be resisted", "we oppose / are against / do not want X", "local
rather than regional commissioning". A topic is still discussed there (a hit like any other); a theme
that is a position (`Theme.position`: "favours regional commissioning") is not what the sentence holds, and
the coder codes its parent, the topic, instead. So is a position only talked about in a text that argues
for another on the same topic in so many words (`_unheld_positions`: "On balance we favour commissioning
at regional level. Local commissioning would multiply the tendering exercises").

Examples. A mention in an example list ("others, such as mentoring, family support or work with women
offenders, are best commissioned in smaller lots") illustrates the point, like a one-word item of a
letter's list: it scores below the coder's floor (`example_lists`; not in a short answer, where the
list is the answer).

Exclusions. An exclusion phrase of a theme matched anywhere in the sentence drops that theme there.

Names. A phrase inside the name of an organisation the text is from (`find_many(names=...)`: the
respondent and a joint response's members) is no mention: "Riverside Women's Centre is a small
organisation" says nothing of women offenders (`name_spans`).

Labels. A theme with no phrases of its own (a codebook imported from analysts' coded answers) is found
by its label: every content word of the label (`unaware`, `increased_anxiety`, `on_blackboard`,
`Respondus_Monitor`) in one sentence, in any order and form ("it increased their anxiety"). A label
that negates (`does_not_use`, `no_exams`) needs a negation that bears on its word ("I never used one",
not "I do not know how to use them"): "use" alone would code every answer that mentions using something.
A word inside a fixed expression ("as well", "of course") is not the label's word. Analysts name codes
with the respondents' words:
on the exam-proctoring answers (cross-validated) labels lift agreement with the primary coder from 0.48
to 0.62 micro-F1 (0.60 without the negation rule and with spaCy's stop words, which drop "take", "only",
"full"). A theme with phrases is found by them only: its label is a title ("Quality versus cost"), its
phrases are what respondents write.

One hit per (theme, sentence); its span is the sentence. Parent themes are not added unless
`add_parents=True`; otherwise `Codebook.with_ancestors` does it for the caller.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from typing import Any

from respmine.themes.codebook import Codebook
from respmine.themes.sentences import sentence_spans

NEGATIONS = frozenset({"not", "n't", "no", "never", "without", "neither", "nor", "nothing", "none", "nobody"})
_CLAUSE_WORDS = frozenset({"but", "although", "though", "however", "whereas", "while", "whilst", "because"})
_CLAUSE_PUNCT = frozenset({",", ";", ":", "(", ")", "—", "–"})
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
SHORT_ANSWER_WORDS = 25  # up to this many words, a listed item is a point made (`_short_answer`)
_FUNCTION_WORDS_TEXT = (  # what a label's words are matched without (`label_words`)
    "a an the this that these those some any each every all both either such what which whose whatever "
    "i me my mine we us our ours you your yours he him his she her hers it its they them their theirs one "
    "myself ourselves yourself themselves itself "
    "of to in on at by for with from into onto over under about as than via per between through during "
    "before after against within without up down out off upon across along around "
    "and or but nor so if then because while whereas though although yet also too very just "
    "be is are was were been being am do does did doing done have has had having "
    "will would shall should can could may might must ca wo sha 's 're 've 'd 'll 'm "
    "there here how why when where who whom"
)
_FUNCTION_WORDS = NEGATIONS | frozenset(_FUNCTION_WORDS_TEXT.split())
_CATCH_ALL = frozenset({"other", "others", "misc", "miscellaneous", "general", "etc", "various",
                        "unspecified", "uncategorised", "uncategorized"})
# Fixed expressions whose words say nothing of their own ("as well" is "also", "of course" is "yes"): a
# label's word inside one is not a mention of it (`well` is not said by "eye tracking as well").
_FIXED_EXPRESSIONS = [tuple(e.split()) for e in (
    "as well", "of course", "in fact", "kind of", "sort of", "no matter", "at least", "at all", "in case",
    "in any case", "at first", "for example", "for instance", "in general", "in particular", "at times",
    "so far", "as long as", "as far as", "as soon as", "all the time", "at the moment", "in the end",
    "on the other hand", "make sure", "i mean", "you know", "i guess")]
_FIXED_BY_FIRST = {e[0]: [f for f in _FIXED_EXPRESSIONS if f[0] == e[0]] for e in _FIXED_EXPRESSIONS}
_PASS_NEGATION = _FUNCTION_WORDS | frozenset({  # may stand between a negation and the word it negates
    "really", "ever", "even", "actually", "currently", "usually", "often", "generally", "typically",
    "personally", "necessarily", "always", "yet", "still", "regularly", "normally", "fully", "truly",
    "particularly", "much", "anymore", "longer", "more",  # "not really use", "no longer use"
    "think", "believe", "feel", "expect", "suppose", "imagine", "seem", "seems", "reckon",  # neg-raising
    "choose", "chose", "chosen", "decide", "decided", "want", "wanted", "plan", "planned", "intend",
    "intended", "need", "needed", "wish", "care",  # "did not choose to use them" does not use them
    "enough", "completely", "entirely", "totally", "quite", "altogether", "properly"})
_NOT_A_NEGATION = frozenset({"just", "only", "simply", "merely"})  # "not just", "not only"
# Whether a clause argues against what a mention names (`_rejected`): the words that reverse it before it
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
# Whether the respondent argues for what a mention names (`_argued`, for `_unheld_positions`): in their
# own voice before it, the verb within eight words of it and no negation between subject and verb ("On
# balance we favour commissioning at regional level"; not "The Ministry favours ...", "we cannot support
# ..."), or a "should"/"must" or "is best" said of it just after it ("local partners, including the
# voluntary sector, should be involved") or just before it ("A mixed model would work best: strategic
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
RULE_FLOOR = 0.4  # rule hits below this are not codes (`ThemeCoder`): a negated passing mention, an item in a
# letter's list; nor do they weigh a position (`_unheld_positions`)
NO_SPAN_WORDS = 2  # words "no" may stand before the one it negates ("no final exams", "no proctored exams")
_LINE_BREAK = re.compile(r"[ \t\r]*\n[ \t\r\n]*")
_NOT_FOLLOWED = "|".join(f" {w}" for w in sorted(_NOT_A_NEGATION))  # "not just": no negation
_NEG = rf"(?:not(?!{_NOT_FOLLOWED})|n't|never|no(?! doubt)|neither|nor|nothing|none)"
_DISMISS = re.compile(
    r"|".join([
        r"\bnot (?:really |directly |particularly |especially )?(?:about|relevant|applicable|our concern)\b",
        r"\b(?:irrelevant|not applicable|n/a)\b",
        r"\b(?:no|not any|few) (?:particular |real |major |significant |strong |specific |further |other )?"
        r"(?:concerns?|issues?|problems?|comments?|views?|opinions?|observations?|remarks?|experience)"
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


@dataclass(frozen=True)
class Hit:
    theme: str  # theme id
    start: int  # char span of the evidence (the sentence containing the match) in the text
    end: int
    phrase: str  # the codebook phrase that matched
    confidence: float  # 0..1: longer/more specific phrases and several hits -> higher
    negated: bool = False  # the phrase sits in the scope of a negation cue but the theme is discussed
    rejected: bool = False  # the clause argues against what the phrase names ("X would be a mistake")
    argued: bool = False  # the respondent argues for what it names, in so many words (`_argued`)


@dataclass(frozen=True)
class _Key:
    theme: str
    phrase: str
    exclusion: bool
    spellings: frozenset[str]  # the phrase's spelling variants, lower case


@dataclass(frozen=True)
class _Label:
    theme: str
    label: str
    words: frozenset[str]  # the label's content words (`word_root`s): all must be in one sentence
    negative: bool  # the label negates ("does_not_use", "no_exams"): its words count only under a negation


@dataclass(frozen=True)
class _Mention:
    theme: str
    phrase: str
    start: int  # token offsets in the doc
    end: int
    size: int  # content words in the phrase (specificity)
    exact: bool  # the text has the phrase's own words, not just its lemmas
    negative: bool = False  # a negative label's words: a mention only under a negation
    words: frozenset[str] = frozenset()  # a label's words (`word_root`s), for a label mention


@dataclass(frozen=True)
class _Scored:
    mention: _Mention
    negated: bool
    listed: bool
    rejected: bool = False
    example: bool = False  # an item of an example list ("such as mentoring, housing or family support")
    argued: bool = False  # `_argued`


class PhraseRules:
    """Codebook phrases matched on lemmas with spaCy, with negation and scope handling."""

    def __init__(self, codebook: Codebook, *, add_parents: bool = False) -> None:
        from spacy.matcher import PhraseMatcher

        self.codebook = codebook
        self.add_parents = add_parents
        self.nlp = _pipeline()
        self._keys: list[_Key] = []  # match id -> what it stands for
        self._matcher = PhraseMatcher(self.nlp.vocab, attr="LEMMA")
        for theme in codebook.themes:
            for phrase in theme.phrases:
                self._add(theme.id, phrase, exclusion=False)
            for phrase in theme.exclusions:
                self._add(theme.id, phrase, exclusion=True)
        self._labels: dict[str, list[_Label]] = {}  # a label's rarest-looking (longest) word -> labels
        for theme in codebook.themes:
            words = label_words(theme.label) if not theme.phrases else frozenset()
            if words:
                key = max(sorted(words), key=len)
                self._labels.setdefault(key, []).append(_Label(theme.id, theme.label, words,
                                                                 negative_label(theme.label)))

    def _add(self, theme: str, phrase: str, *, exclusion: bool) -> None:
        """Register a phrase (and its spelling variants) under one match key."""
        variants = spelling_variants(phrase)
        self._matcher.add(str(len(self._keys)), [self.nlp(v) for v in variants])
        self._keys.append(_Key(theme, phrase, exclusion, frozenset(v.lower() for v in variants)))

    def find(self, text: str) -> list[Hit]:
        """Theme hits in one text, in text order."""
        return self.find_many([text])[0]

    def find_many(self, texts: Sequence[str], batch_size: int = 256,
                  names: Sequence[Sequence[str]] | None = None) -> list[list[Hit]]:
        """Theme hits per text; one `nlp.pipe` pass over the batch. `names` (per text): names of the
        organisations the text is from, whose words are no mention of a theme (`name_spans`)."""
        docs = self.nlp.pipe((normalise(t) for t in texts), batch_size=batch_size)
        per_text = names if names is not None else [()] * len(texts)
        return [self._hits(doc, name_spans(doc.text, ns)) for doc, ns in zip(docs, per_text, strict=True)]

    def _hits(self, doc: Any, masked: Sequence[tuple[int, int]] = ()) -> list[Hit]:
        sents = list(doc.sents)
        starts = [s.start for s in sents]
        found: dict[int, list[_Mention]] = {}
        excluded: set[tuple[int, str]] = set()
        for match_id, start, end in self._matcher(doc):
            if _within(doc, start, end, masked):
                continue
            key = self._keys[int(self.nlp.vocab.strings[match_id])]
            sent = _bisect(starts, start)
            if key.exclusion:
                excluded.add((sent, key.theme))
                continue
            span = doc[start:end]
            exact = span.text.lower() in key.spellings
            found.setdefault(sent, []).append(_Mention(key.theme, key.phrase, start, end, _size(span), exact))
        if self._labels:
            for sent_no, sent in enumerate(sents):
                found.setdefault(sent_no, []).extend(self._label_mentions(sent, masked))
        hits: list[Hit] = []
        for sent_no in sorted(found):
            mentions = [m for m in found[sent_no] if (sent_no, m.theme) not in excluded]
            hits.extend(self._sentence_hits(sents[sent_no], mentions, masked))
        return self._unheld_positions(hits)

    def _unheld_positions(self, hits: list[Hit]) -> list[Hit]:
        """Of two positions on one topic (local or regional commissioning) in one text, one argued for in
        so many words (`_argued`: "On balance we favour commissioning at regional level") and the other
        only talked about ("Local commissioning would multiply the number of tendering exercises"), the
        second is argued against: marked `rejected` (coded as the topic). Both argued for (a mixed model)
        or neither: both stand, as they do when in doubt. Hits that code nothing (negated, a list's
        item) weigh nothing."""
        held: dict[str, dict[str, bool]] = {}  # topic -> position -> argued for
        for h in hits:
            topic = self.codebook.topic(h.theme) if self.codebook.theme(h.theme).position else None
            if topic is not None and not (h.rejected or h.negated) and h.confidence >= RULE_FLOOR:
                views = held.setdefault(topic, {})
                views[h.theme] = views.get(h.theme, False) or h.argued
        unheld = {theme for views in held.values() if len(views) > 1 and any(views.values())
                  for theme, argued in views.items() if not argued}
        return [replace(h, rejected=True) if h.theme in unheld else h for h in hits]

    def _label_mentions(self, sent: Any, masked: Sequence[tuple[int, int]] = ()) -> list[_Mention]:
        """Labels whose every content word is in the sentence (not in a `masked` name); the mention spans
        the words found. A negative label has a mention at each occurrence of its key word, as each may
        sit under a negation ("I use Zoom, but I would never use the proctoring tool")."""
        roots = [word_root(tok.lower_) for tok in sent]
        if self._labels.keys().isdisjoint(roots):
            return []  # (most sentences: no label's key word, no fixed expressions to look for)
        fixed = _in_fixed_expressions(sent)
        at: dict[str, list[int]] = {}
        for tok, root in zip(sent, roots, strict=True):
            if tok.i not in fixed and not _within(sent.doc, tok.i, tok.i + 1, masked):
                at.setdefault(root, []).append(tok.i)
        out = []
        for word in at.keys() & self._labels.keys():
            for label in self._labels[word]:
                if not label.words <= at.keys():
                    continue
                if label.negative:  # one mention per occurrence of the key word
                    others = [at[w][-1] for w in label.words if w != word]
                    spans = [(i, max([i, *others]) + 1) for i in at[word]]
                else:
                    spans = [(min(at[w][0] for w in label.words), max(at[w][-1] for w in label.words) + 1)]
                out += [_Mention(label.theme, label.label, a, z, len(label.words), False, label.negative,
                                 label.words)
                        for a, z in spans]
        return out

    def _sentence_hits(self, sent: Any, mentions: list[_Mention],
                       masked: Sequence[tuple[int, int]] = ()) -> list[Hit]:
        """Drop dismissed mentions, then keep one hit per theme (its most specific phrase)."""
        if not mentions:
            return []
        clauses = clause_scopes(sent)
        short = _short_answer(sent.doc)  # a short answer's list is the answer: its items are points
        examples = [] if short else example_lists(sent)
        by_theme: dict[str, list[_Scored]] = {}
        for m in mentions:
            clause = clauses[m.start - sent.start]
            inside = any(o is not m and o.theme == m.theme and o.start <= m.start and m.end <= o.end
                         and o.end - o.start > m.end - m.start for o in mentions)
            if clause.dismissive or inside:  # "full cost" inside "full cost recovery" is one mention
                continue
            negated = any(t.lower_ in NEGATIONS and not _within(sent.doc, t.i, t.i + 1, masked)
                          for t in sent.doc[clause.start : m.start])  # "No Limits" (a name) negates nothing
            if m.negative:  # "does_not_use" is said by "I would never use them", not by "I use it"
                if not _negates(sent.doc, clause.start, m.start, m.words):
                    continue
                negated = False
            example = any(a <= m.start < b for a, b in examples)  # an item's words may run past the window
            listed = example or (_listed(sent, m) and not short)
            rejected = _rejected(sent.doc, clause, m)
            argued = not (negated or rejected) and _argued(sent, m)
            by_theme.setdefault(m.theme, []).append(_Scored(m, negated, listed, rejected, example, argued))
        text = sent.text
        start = sent.start_char + len(text) - len(text.lstrip())
        end = sent.start_char + len(text.rstrip())
        hits = {theme: _best(theme, found, start, end) for theme, found in by_theme.items()}
        if self.add_parents:
            for theme, hit in list(hits.items()):
                for parent in self.codebook.ancestors(theme):
                    hits.setdefault(parent, Hit(parent, start, end, hit.phrase, hit.confidence, hit.negated,
                                                hit.rejected))
        order = {t: i for i, t in enumerate(self.codebook.ids)}
        return sorted(hits.values(), key=lambda h: order[h.theme])


def _best(theme: str, found: list[_Scored], start: int, end: int) -> Hit:
    """The hit for one theme in one sentence: confidence from the best phrase plus corroboration.

    A phrase that is only an item in a list ("mentoring, housing advice and debt help") or sits under
    a negation is weaker evidence that the sentence is about the theme, so it scores lower: a one-word
    item of a letter's list falls below the coder's RULE_FLOOR (in a short answer the list is the answer,
    and its items are not marked as listed).
    """
    best = max(found, key=lambda f: (not f.listed, not f.example, not f.rejected, not f.negated,
                                     f.mention.size, f.mention.exact, f.mention.end - f.mention.start))
    confidence = {1: 0.55, 2: 0.7}.get(best.mention.size, 0.8)
    confidence += 0.05 * min(len({(f.mention.start, f.mention.end) for f in found}) - 1, 3)
    confidence -= 0.1 * best.negated + 0.2 * best.listed + 0.15 * best.example  # an example is listed too
    return Hit(theme, start, end, best.mention.phrase, round(min(max(confidence, 0.05), 0.95), 3),
               best.negated, best.rejected, any(f.argued for f in found))


def _argued(sent: Any, m: _Mention) -> bool:
    """The respondent argues for what the mention names, in so many words (`_ARGUED_BEFORE`, `_AFTER`)."""
    before = sent.doc[sent.start : m.start].text.lower().replace("’", "'")
    after = sent.doc[m.end : sent.end].text.lower().replace("’", "'")
    reports = list(_REPORTING.finditer(before))
    last = reports[-1] if reports else None  # the respondent may take over again: "... but we think X should"
    reported = _CONDITION.search(before) is not None or (
        last is not None and not _OWN_VOICE.search(before[: last.start()])
        and not _SPEAKER.search(before[last.end():]))
    return bool(_ARGUED_BEFORE.search(before) or (not reported and _ARGUED_AFTER.search(after)))


def _rejected(doc: Any, clause: Clause, m: _Mention) -> bool:
    """The mention's clause argues against what it names: an odd number of reversing words around it, one
    of them a rejection (see `_REJECT_BEFORE` and the patterns after it)."""
    before = doc[clause.start : m.start].text.lower().replace("’", "'")
    after = doc[m.end : clause.end].text.lower().replace("’", "'")
    match = _REJECT_BEFORE.search(before)  # ... unless itself negated ("we are not opposed to X")
    rejects_before = bool(_NOT_WANT_BEFORE.search(before)) or (
        match is not None and not _NEGATED_REJECT.search(before[: match.end()][-40:]))
    rejects_after = bool(_REJECT_AFTER.search(after)) and not _ALONE.match(after)  # "X alone is not it"
    lost = bool(_LOSS_BEFORE.search(before)) + (not rejects_after and bool(_LOSS_AFTER.search(after)))
    reversals = rejects_before + rejects_after + lost
    return reversals % 2 == 1 and (rejects_before or rejects_after)


def _negates(doc: Any, clause_start: int, word: int, own: frozenset[str] = frozenset()) -> bool:
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


def name_spans(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """Where the names occur in the text (as written or in capitals, across line breaks), as character
    spans. A phrase inside a respondent's own name says nothing of the theme: "Riverside Women's Centre
    is a small organisation" is not about women offenders, "St Brendan's Night Shelter" (a joint
    response's member) not about housing on release. A one-word name is left as words."""
    spans: list[tuple[int, int]] = []
    for name in names:
        name = normalise(name)
        parts = name.split(",")  # "Independent Monitoring Board, HMP Greystone": each part is a name too
        for part in dict.fromkeys([name, *parts] if len(parts) > 1 else [name]):
            pattern = _name_pattern(part.strip())
            if pattern is not None:
                spans += [m.span() for m in pattern.finditer(text)]
    return spans


def without_names(text: str, names: Iterable[str]) -> str:
    """The text with the names blanked out (spaces: same length, so offsets hold), for methods that read
    whole sentences (similarity) rather than phrases."""
    spans = name_spans(normalise(text), names)
    for a, z in spans:
        text = text[:a] + " " * (z - a) + text[z:]
    return text


@lru_cache(maxsize=4096)
def _name_pattern(name: str) -> re.Pattern[str] | None:
    words = name.split()
    if words and words[0].lower() == "the":  # "the Howard League": the article is not the name
        words = words[1:]
    if len(words) < 2:  # one word ("Shelter", or "Data" misread as a name) may be the word itself
        return None
    spellings = dict.fromkeys([tuple(words), tuple(w.upper() for w in words)])  # as written, in capitals
    alternatives = "|".join(r"\s+".join(re.escape(w) for w in spelling) for spelling in spellings)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def _within(doc: Any, start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Tokens [start, end) lie inside one of the character spans (none: the usual case, decided at once)."""
    if not spans:
        return False
    a, z = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    return any(s <= a and z <= e for s, e in spans)


def _in_fixed_expressions(sent: Any) -> set[int]:
    """Token offsets (in the doc) of the sentence's words that are part of a fixed expression."""
    words = [t.lower_ for t in sent]
    out: set[int] = set()
    for i, word in enumerate(words):
        for expression in _FIXED_BY_FIRST.get(word, ()):
            if tuple(words[i : i + len(expression)]) == expression:
                out.update(range(sent.start + i, sent.start + i + len(expression)))
    return out


def _short_answer(doc: Any) -> bool:
    """A few words in all ("Ease of use, cost and student privacy"): each item of its list is a point
    made, where in a letter's paragraph a list illustrates one."""
    return sum(1 for t in doc if t.is_alpha) <= SHORT_ANSWER_WORDS


def _listed(sent: Any, m: _Mention) -> bool:
    """The phrase is an item in a list ("A, B and C"): separators (comma, and, or) on both sides of it,
    or next to it and again an item further on the same side; at least one of them a comma."""
    doc = sent.doc

    def separators(positions: range) -> list[int]:
        return [i for i in positions if sent.start <= i < sent.end and doc[i].lower_ in _LIST_SEPARATORS
                and not (doc[i].text == "," and i + 1 < len(doc) and doc[i + 1].lower_ in _NOT_AN_ITEM
                         and doc[i + 1 : i + 3].text.lower() != "as well")]  # ", as well as" joins items

    before, after = separators(range(m.start - 1, m.start)), separators(range(m.end, m.end + 1))
    candidates = [before + after] if before and after else []
    candidates += [before + separators(range(m.start - 7, m.start - 2))] if before else []
    candidates += [after + separators(range(m.end + 2, m.end + 7))] if after else []
    return any(len(found) > 1 and "," in {doc[i].text for i in found} for found in candidates)


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
        dismissive = bool(_DISMISS.search(text)) or (previous and first in {"nor", "or"})
        out.extend([Clause(span.start, span.end, dismissive)] * (b - a))
        previous = dismissive
    return out


def label_words(label: str) -> frozenset[str]:
    """A label's content words as `word_root`s: `increased_anxiety` -> {increase, anxiety}; function
    words, punctuation and single characters dropped (`none`, `by_school` -> {school}). None for a
    catch-all label (`Other`, `other_software`, `Misc`): "other" is in too many sentences."""
    words = {t.lower_ for t in _label_doc(label) if not (t.is_punct or t.is_space) and len(t.text) > 1}
    if words & _CATCH_ALL:
        return frozenset()
    return frozenset(word_root(w) for w in words - _FUNCTION_WORDS)


def negative_label(label: str) -> bool:
    """The label says something is not the case: `does_not_use`, `no_exams`, `don't_use`."""
    return any(t.lower_ in NEGATIONS for t in _label_doc(label))


def _label_doc(label: str) -> Any:
    """The label as words: `_` and `&` (and `/` between letters) as spaces, `dont` and `cant` as `do
    not` and `ca not`, as the tokenizer splits "don't" and "can't"."""
    text = re.sub(r"[_&]+|(?<=[A-Za-z])/(?=[A-Za-z])", " ", label)
    text = re.sub(r"\b(do|does|did|ca|wo|is|are|was|were|could|would|should|have|has|had|need)n'?t\b",
                  r"\1 not", text, flags=re.IGNORECASE)
    return _pipeline()(text)


def spelling_variants(phrase: str) -> list[str]:
    """The phrase, plus hyphens as spaces and closed up, plus a multi-word phrase hyphenated."""
    variants = [phrase]
    if "-" in phrase:
        variants += [phrase.replace("-", " "), phrase.replace("-", "")]
    elif " " in phrase and all(w.isalpha() for w in phrase.split()):
        variants.append(phrase.replace(" ", "-"))
    return list(dict.fromkeys(normalise(v) for v in variants))


def normalise(text: str) -> str:
    """Curly apostrophes to straight ones and a line break inside a paragraph (hard-wrapped text) to a
    space, so phrases match across it; same length, so character offsets are unchanged."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return _LINE_BREAK.sub(lambda m: m.group() if m.group().count("\n") > 1 else " " * len(m.group()), text)


def _size(span: Any) -> int:
    return max(1, sum(1 for t in span if not (t.is_stop or t.is_punct)))


def _bisect(starts: list[int], token: int) -> int:
    from bisect import bisect_right

    return bisect_right(starts, token) - 1


@lru_cache(maxsize=1)
def _pipeline() -> Any:
    """Blank English + the lookup lemmatiser, with `sentences.sentence_spans` as sentence boundaries."""
    import numpy as np
    import spacy
    from spacy.attrs import SENT_START
    from spacy.language import Language

    nlp = spacy.blank("en")
    lemma = _lemma_function()
    cache: dict[str, str] = {}

    @Language.component("respmine_rules_lemmas")
    def lemmas(doc: Any) -> Any:
        """Lemmas, and sentences from the one splitter the coder's evidence and stance also use."""
        starts = {a for a, _ in sentence_spans(doc.text)}
        for tok in doc:
            low = tok.lower_
            tok.lemma_ = cache.get(low) or cache.setdefault(low, lemma(low))
        # Set in one array: `Token.is_sent_start`'s setter scans the whole doc for parses each time
        # (quadratic; 5.5 s of the theme stage's 46 s on 300 bench submissions).
        flags = [1 if tok.i == 0 or tok.idx in starts else -1 for tok in doc]
        doc.from_array([SENT_START], np.array(flags, dtype=np.int64).astype(np.uint64).reshape(-1, 1))
        return doc

    nlp.add_pipe("respmine_rules_lemmas")
    return nlp


_Tables = tuple[list[str], dict[str, list[list[str]]], dict[str, set[str]], dict[str, dict[str, list[str]]]]


@lru_cache(maxsize=1)
def _lemma_tables() -> _Tables | None:
    """The trained pipeline's lemma rule tables (pos order, rules, index, exceptions); None without it."""
    try:
        import spacy

        from respmine.structure.nlp import SPACY_MODEL

        model = spacy.load(SPACY_MODEL, exclude=["tok2vec", "tagger", "parser", "ner", "attribute_ruler",
                                                  "senter"])
        lemmatizer: Any = model.get_pipe("lemmatizer")
        tables = lemmatizer.lookups
    except (ImportError, OSError, KeyError, ValueError):
        return None
    rules = tables.get_table("lemma_rules")
    index = tables.get_table("lemma_index")
    exc = tables.get_table("lemma_exc")
    pos = ["noun", "verb", "adj", "adv"]
    return (pos, {p: rules.get(p, []) for p in pos}, {p: set(index.get(p, [])) for p in pos},
            {p: exc.get(p, {}) for p in pos})


def _lemma_function() -> Callable[[str], str]:
    """word -> lemma from the trained pipeline's rule tables, without its tagger; lower case if absent."""
    tables = _lemma_tables()
    if tables is None:
        return lambda word: word
    return lambda word: lookup_lemma(word, *tables)


@lru_cache(maxsize=65536)
def word_root(word: str) -> str:
    """A lower-case word's verb base when it has one, else its lemma: "increased", "increases" ->
    increase, "funding" -> fund, "students" -> student. Labels match any inflection of their words
    ("increased_anxiety" in "it increases their anxiety"); phrases keep the finer noun-first lemma."""
    tables = _lemma_tables()
    if tables is None:
        return word
    _, rules, index, exc = tables
    if word in exc["verb"]:
        return exc["verb"][word][0]
    if word in index["verb"]:
        return word
    forms = _rule_forms(word, rules["verb"], index["verb"])
    return forms[0] if forms else lookup_lemma(word, *tables)


def lookup_lemma(word: str, pos: Iterable[str], rules: dict[str, list[list[str]]],
                 index: dict[str, set[str]], exc: dict[str, dict[str, list[str]]]) -> str:
    """Exceptions first, then a noun reading, then the word itself if known, then verb and adjective.

    Preferring nouns keeps "funding" and "housing" as they are, while "charities" -> "charity" and
    "released" -> "release".
    """
    order = list(pos)
    for p in order:
        if word in exc[p]:
            return exc[p][word][0]
    candidates = _rule_forms(word, rules["noun"], index["noun"])
    if candidates:
        return candidates[0]
    if any(word in index[p] for p in order):
        return word
    for p in ("verb", "adj"):
        candidates = _rule_forms(word, rules[p], index[p])
        if candidates:
            return candidates[0]
    return word


def _rule_forms(word: str, rules: list[list[str]], index: set[str]) -> list[str]:
    out = []
    for old, new in rules:
        if word.endswith(old):
            form = word[: len(word) - len(old)] + new
            if form and form in index:
                out.append(form)
    return out
