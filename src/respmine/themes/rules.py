"""Phrase rules: codebook phrases found in text by lemma, with exclusions and dismissal handling.

Rules are the high-precision, explainable layer of theme coding: every hit names the phrase that fired
and the sentence it fired in, so an analyst can check it.

Matching. Text and phrases go through one small spaCy pipeline (`words.pipeline`: tokenizer, lookup
lemmatiser; sentences from `sentences.sentence_spans`, as for every other piece of evidence); matching is
a `PhraseMatcher` on LEMMA, so "contract" finds "contracts" and "charity" finds "charities"; a one-word
phrase in -ing finds its verb's regular forms, and the bare stem only as a verb ("staffing", "staffed",
"they staff the unit"; not "the staff": `_verb_form`); one that is its own lemma, a noun of its own, finds
its regular verb's inflections only ("funding": "funded", "funds"; not "to fund mentoring", "a fund";
`words.gerund_verb`: no irregular verb's, "meeting").

Scope (`scope`). A negated mention is still a hit (with `negated=True` and lower confidence): "we do not
have full cost recovery" is about the theme's problem; a mention in a clause that dismisses the topic
("nothing to add on funding") is dropped. A mention the clause argues against is `rejected`: a topic is
still discussed there (a hit like any other); a theme that is a position (`Theme.position`: "favours
regional commissioning") is not what the sentence holds, and the coder codes its parent, the topic,
instead. So is a position only talked about in a text that argues for another on the same topic in so
many words (`_unheld_positions`: "On balance we favour commissioning at regional level. Local
commissioning would multiply the tendering exercises"). An item of a list or an example list scores
below the coder's floor.

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
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from respmine.themes import scope
from respmine.themes.codebook import Codebook
from respmine.themes.words import (
    FUNCTION_WORDS,
    NEGATIONS,
    gerund_verb,
    normalise,
    pipeline,
    spelling_variants,
    verb_forms,
    word_root,
)

RULE_FLOOR = 0.4  # rule hits below this are not codes (`ThemeCoder`): a negated passing mention, an item in a
# letter's list; nor do they weigh a position (`_unheld_positions`)
SHORT_SENTENCE_WORDS = 12  # in a sentence this short, a brief mention is the point made (`passing_themes`)
BRIEF_WORDS = 2  # a phrase of this many content words or fewer is brief ("volunteer", "peer mentor", "full
# cost recovery": stop words are not counted)
_CATCH_ALL = frozenset({"other", "others", "misc", "miscellaneous", "general", "etc", "various",
                        "unspecified", "uncategorised", "uncategorized"})


@dataclass(frozen=True)
class Hit:
    theme: str  # theme id
    start: int  # char span of the evidence (the sentence containing the match) in the text
    end: int
    phrase: str  # the codebook phrase that matched
    confidence: float  # 0..1: longer/more specific phrases and several hits -> higher
    negated: bool = False  # the phrase sits in the scope of a negation cue but the theme is discussed
    rejected: bool = False  # the clause argues against what the phrase names ("X would be a mistake")
    argued: bool = False  # the respondent argues for what it names, in so many words (`scope.argued`)
    brief: bool = False  # its best mention is a codebook phrase of BRIEF_WORDS content words or fewer
    subject: bool = False  # ... of several words, opening its sentence ("Young adults in particular ...")


@dataclass(frozen=True)
class _Key:
    theme: str
    phrase: str
    exclusion: bool
    spellings: frozenset[str]  # the phrase's spelling variants, lower case
    stem: str = ""  # a one-word -ing phrase's lemma, when shorter ("staffing": "staff"; `_verb_form`)
    bare: bool = True  # the bare stem counts where a verb stands ("they staff"; not "to fund": `_add`)


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
    argued: bool = False  # `scope.argued`
    opening: bool = False  # `_opens`: the mention opens its sentence


class PhraseRules:
    """Codebook phrases matched on lemmas with spaCy, with negation and scope handling."""

    def __init__(self, codebook: Codebook, *, add_parents: bool = False) -> None:
        from spacy.matcher import PhraseMatcher

        self.codebook = codebook
        self.add_parents = add_parents
        self.nlp = pipeline()
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
        stem, low, forms, bare = "", phrase.lower(), [], True
        if re.fullmatch(r"[a-z]+ing", low):  # "staffing" -> "staff"; "funding" is its own lemma: its verb
            stem = next((t.lemma_.lower() for t in self.nlp(low)), "")  # ("sibling", "meeting": none)
            if stem == low:  # a noun of its own: its verb's inflections say the activity ("must be funded",
                stem, bare = gerund_verb(low), False  # "funds"), the bare verb names what is paid for, done
                # ("We urge NOMS to fund through-the-gate mentoring": the sample's truth, no funding point)
            forms = verb_forms(low, stem) if stem else []  # ("funded", "charged": their own lemmas too)
        self._matcher.add(str(len(self._keys)), [self.nlp(v) for v in dict.fromkeys([*variants, *forms])])
        self._keys.append(_Key(theme, phrase, exclusion, frozenset(v.lower() for v in variants), stem, bare))

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
            if key.stem and not _verb_form(doc, start, key.stem, key.bare):
                continue
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
        so many words (`scope.argued`: "On balance we favour commissioning at regional level") and the other
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

    def _opposed(self, a: str, b: str) -> bool:
        """Themes that are opposite positions (one implying support, the other opposition)."""
        x, y = self.codebook.theme(a).stance, self.codebook.theme(b).stance
        return x is not None and y is not None and x != y

    def _label_mentions(self, sent: Any, masked: Sequence[tuple[int, int]] = ()) -> list[_Mention]:
        """Labels whose every content word is in the sentence (not in a `masked` name); the mention spans
        the words found. A negative label has a mention at each occurrence of its key word, as each may
        sit under a negation ("I use Zoom, but I would never use the proctoring tool")."""
        roots = [word_root(tok.lower_) for tok in sent]
        if self._labels.keys().isdisjoint(roots):
            return []  # (most sentences: no label's key word, no fixed expressions to look for)
        fixed = scope.fixed_expression_tokens(sent)
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
        clauses = scope.clause_scopes(sent)
        short = scope.short_answer(sent.doc)  # a short answer's list is the answer: its items are points
        examples = [] if short else scope.example_lists(sent)
        by_theme: dict[str, list[_Scored]] = {}
        for m in mentions:
            clause = clauses[m.start - sent.start]
            inside = any(o is not m and (o.theme == m.theme or self._opposed(o.theme, m.theme))
                         and o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
                         for o in mentions)
            if clause.dismissive or inside:  # "full cost" inside "full cost recovery" is one mention, and
                # "national ban" inside "oppose a national ban" is the position against, not the one for
                continue
            named = {t.i for t in sent.doc[clause.start : m.start]  # "No Limits" (a name) negates nothing
                     if t.lower_ in NEGATIONS and _within(sent.doc, t.i, t.i + 1, masked)}
            negated = scope.negated(sent.doc, clause.start, m.start, named)
            if m.negative:  # "does_not_use" is said by "I would never use them", not by "I use it"
                if not scope.negates(sent.doc, clause.start, m.start, m.words):
                    continue
                negated = False
            example = any(a <= m.start < b for a, b in examples)  # an item's words may run past the window
            listed = example or (scope.listed(sent, m.start, m.end) and not short)
            rejected = scope.rejected(sent.doc, clause, m.start, m.end) or (
                self.codebook.theme(m.theme).position and scope.view_rejected(sent, clause, m.start, m.end,
                                                                              negated))
            argued = not (negated or rejected) and scope.argued(sent, m.start, m.end)
            by_theme.setdefault(m.theme, []).append(_Scored(m, negated, listed, rejected, example, argued,
                                                            _opens(sent, m.start)))
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
    brief = best.mention.size <= BRIEF_WORDS and not best.mention.words  # (a label's mention has its words)
    subject = brief and best.mention.size > 1 and best.opening and not (best.negated or best.rejected)
    return Hit(theme, start, end, best.mention.phrase, round(min(max(confidence, 0.05), 0.95), 3),
               best.negated, best.rejected, any(f.argued for f in found), brief, subject)


_LEADS = frozenset({"many", "most", "some", "few", "several", "more", "other", "older", "younger"})  # "Many
# young adults ...": what may stand before a sentence's subject


def _opens(sent: Any, start: int) -> bool:
    """The mention at token `start` opens its sentence, as its subject or what it is about ("Young adults
    in particular found ...", "Many disabled people ...", "For young adults, ..."): at most two function
    words (or a quantifier) before it, punctuation aside."""
    before = [t for t in sent.doc[sent.start : start] if not (t.is_punct or t.is_space)]
    return len(before) <= 2 and all(t.lower_ in FUNCTION_WORDS or t.lower_ in _LEADS for t in before)


def passing_themes(hits: Sequence[Hit], text: str) -> set[str]:
    """Themes the rules found in `text` by a brief phrase (`BRIEF_WORDS`) in one sentence only, of more than
    SHORT_SENTENCE_WORDS words, and not argued against: a word said in passing, which the coder keeps only
    where the sentence's meaning agrees (`ThemeCoder._drop_uncorroborated`). Not a phrase of several words
    that opens its sentence (`Hit.subject`): the sentence is about what it names ("Young adults in
    particular found the curfew and charging requirements hard ..." had lost its young adults code, its
    meaning nearer to the curfew's themes; "... talk to a volunteer or a peer mentor" is in passing)."""
    counted = Counter(h.theme for h in hits if h.confidence >= RULE_FLOOR)
    return {h.theme for h in hits if h.confidence >= RULE_FLOOR and h.brief and counted[h.theme] == 1
            and not (h.rejected or h.subject) and len(text[h.start : h.end].split()) > SHORT_SENTENCE_WORDS}


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
    if not spans:
        return text
    chars = list(text)  # blanked in place, joined once (rebuilding the string per span was quadratic)
    for a, z in spans:
        chars[a:z] = " " * (z - a)
    return "".join(chars)


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


def label_words(label: str) -> frozenset[str]:
    """A label's content words as `word_root`s: `increased_anxiety` -> {increase, anxiety}; function
    words, punctuation and single characters dropped (`none`, `by_school` -> {school}). None for a
    catch-all label (`Other`, `other_software`, `Misc`): "other" is in too many sentences."""
    words = {t.lower_ for t in _label_doc(label) if not (t.is_punct or t.is_space) and len(t.text) > 1}
    if words & _CATCH_ALL:
        return frozenset()
    return frozenset(word_root(w) for w in words - FUNCTION_WORDS)


def negative_label(label: str) -> bool:
    """The label says something is not the case: `does_not_use`, `no_exams`, `don't_use`."""
    return any(t.lower_ in NEGATIONS for t in _label_doc(label))


def _label_doc(label: str) -> Any:
    """The label as words: `_` and `&` (and `/` between letters) as spaces, `dont` and `cant` as `do
    not` and `ca not`, as the tokenizer splits "don't" and "can't"."""
    text = re.sub(r"[_&]+|(?<=[A-Za-z])/(?=[A-Za-z])", " ", label)
    text = re.sub(r"\b(do|does|did|ca|wo|is|are|was|were|could|would|should|have|has|had|need)n'?t\b",
                  r"\1 not", text, flags=re.IGNORECASE)
    return pipeline()(text)


_VERB_BEFORE = frozenset({  # what puts a bare stem in a verb's place: "to vet", "we befriend", "cannot staff"
    "to", "we", "i", "they", "you", "who", "will", "would", "can", "ca", "could", "should", "must", "may",
    "might", "shall", "do", "did", "not", "n't", "never", "also", "often", "always", "wo", "'ll", "help"})


def _verb_form(doc: Any, start: int, stem: str, bare: bool = True) -> bool:
    """A one-word phrase in -ing names an activity, and the lookup lemma of some is a shorter stem:
    "staffing" is "staff", "befriending" is "befriend", "vetting" is "vet". Its other forms say it
    ("staffed", "befriends", "vetting"), and the bare stem where a verb stands ("to vet a new volunteer",
    "Volunteers befriend men"); otherwise the bare stem is most often a noun for something else ("The staff
    used restraint on me" is no point about staffing). (A codebook that means the noun lists it: "mentoring"
    and "mentor".) Nouns in -ing are their own lemmas ("sibling", "meeting", "building") and find their
    plurals as any phrase does."""
    if doc[start].lower_ != stem:
        return bare or not _third_person(doc[start].lower_, stem) or _takes_object(doc, start)
    if not bare:  # (`_Key.bare`: "funding" finds "funded", "funds", not "to fund")
        return False
    before = doc[start - 1] if start > doc[start].sent.start else None
    if before is None:
        return False
    word = before.lower_
    plural_subject = (before.is_alpha and len(word) > 3 and word.endswith("s") and not word.endswith("ss")
                      and word not in FUNCTION_WORDS)  # "Volunteers befriend men"
    return word in _VERB_BEFORE or plural_subject


def _third_person(word: str, stem: str) -> bool:
    """`word` is the "-s" form of the verb `stem` ("funds", "houses", "applies")."""
    return word in (f"{stem}s", f"{stem}es", f"{stem[:-1]}ies")


_OBJECT_START = frozenset({  # what opens a verb's object: "funds the service", "houses 300 men"
    "the", "a", "an", "our", "their", "its", "his", "her", "my", "your", "this", "that", "these", "those",
    "them", "it", "us", "him", "me", "you", "some", "all", "most", "many", "every", "each", "both"})
_DETERMINERS = frozenset({"the", "a", "an", "our", "their", "its", "his", "her", "my", "your", "this", "that",
                          "these", "those", "some", "any", "no", "all", "many", "most", "more", "fewer"})


def _takes_object(doc: Any, start: int) -> bool:
    """The "-s" form of an -ing noun's verb ("funding": "funds") stands as a verb, before its object ("The
    Ministry funds the service"), not as its base noun's plural ("Pension funds invest", "our parks and open
    spaces", "the food banks are", "Road signs are missing": "parking", "banking", "signing" found them)."""
    sent = doc[start].sent
    after = doc[start + 1] if start + 1 < sent.end else None
    before = doc[start - 1] if start > sent.start else None
    return (after is not None and (after.lower_ in _OBJECT_START or after.like_num)
            and (before is None or before.lower_ not in _DETERMINERS))


def _size(span: Any) -> int:
    return max(1, sum(1 for t in span if not (t.is_stop or t.is_punct)))


def _bisect(starts: list[int], token: int) -> int:
    from bisect import bisect_right

    return bisect_right(starts, token) - 1
