"""Which language a submission is written in, guessed from its commonest function words.

Why: redaction and theme coding are English (spaCy's English model, English phrases). On German, every
noun is capitalised and the model reads "Kommission" or "Risiko" as people; the themes' phrases find
nothing. An analyst must be told which responses were read as English when they are not. The guess needs no
model and no dependency: short words such as "der", "und", "les", "het" are frequent in every text of
their language and rare in others, so the language whose own words make up most of the text wins.
"""

from __future__ import annotations

import re
from collections import Counter

UNKNOWN = "unknown"  # too little text, or no language's words stand out
MIN_WORDS = 25  # fewer words than this: no guess
MIN_HITS = 5  # the winner's function words must occur at least this often ...
MIN_SHARE = 0.08  # ... and make up this share of all words ...
MIN_LEAD = 2.0  # ... and this many times the runner-up's
SAMPLE_CHARS = 20_000  # read this far: enough for any language, and cheap over thousands of texts

_LISTS = {  # the commonest function words of each language (a word in two lists counts for neither)
    "en": "the of and to a in is that for it as with be on not this are by or from at which have an was but "
          "their they we has will can would should these been its there also such our more than",
    "de": "der die und den das nicht von zu ist sich mit dem des ein eine auch für auf werden wird sind bei "
          "oder wie nach einer im aus durch sowie dass daß können kann zur zum noch nur diese wir",
    "fr": "le la les de des et est un une du en que qui pour dans par sur au aux ce cette ne pas plus sont "
          "avec ou nous leur être ont sa son ses été l d qu",
    "es": "el la los las de del y en que es por para con una un se no su sus al como más lo este esta son "
          "pero",
    "it": "il di che la le per un una del della dei delle nel nella è con sono non si gli alla al anche come "
          "più questo questa essere",
    "nl": "de het een van en in is dat op te voor met zijn niet aan ook als door bij worden wordt deze dit "
          "naar maar om uit",
    "pl": "i w na z się nie że do to jest o jak przez dla oraz lub są ich jego także może być który która "
          "które",
    "pt": "o a os as de do da dos das e em que um uma para com não por mais se no na é ao são pela pelo",
    # Welsh: a UK department's consultation is answered in Welsh too (bilingual forms, Welsh bodies)
    "cy": "yr ac ar yn mae ei eu gan fel hwn hon hyn sy sydd bod wedi ddim nid ond hefyd gyda ni chi dros "
          "eich rhaid oes ydy oedd bydd fydd cael gael gyfer pob hynny rhai iawn mewn drwy trwy wrth",
}
NAMES = {"en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "nl": "Dutch",
         "pl": "Polish", "pt": "Portuguese", "cy": "Welsh"}
_SEEN = Counter(w for words in _LISTS.values() for w in set(words.split()))
_NAME_PARTS = frozenset({  # words in names too ("Anna van der Berg", "José y María")
    "van", "von", "der", "den", "de", "di", "da", "du", "del", "della", "el", "y", "d", "l", "e", "o", "i",
    "a"})
_LANGUAGE_OF = {w: lang for lang, words in _LISTS.items() for w in words.split()
                if _SEEN[w] == 1 and w not in _NAME_PARTS}
MIN_KINDS = 4  # ... and be this many different words (a list of names repeats "van" or "y")
_WORD = re.compile(r"[^\W\d_]+")


def function_word(word: str, language: str) -> bool:
    """One of `language`'s own function words ("mae", Welsh "is"): never a name on its own."""
    return _LANGUAGE_OF.get(word.lower()) == language


def guess_language(text: str) -> str:
    """ISO 639-1 code of the language `text` is written in ("en", "de", "fr", "es", "it", "nl", "pl",
    "pt", "cy"), or "unknown" when there is too little text (under MIN_WORDS words) or no listed language's
    function words clearly lead (a table, a list of names, a language not listed).

    Counts, over the words of the first SAMPLE_CHARS characters, the function words only one language
    lists (not the particles of names: "van", "di", "y"); the leader must reach MIN_HITS hits of MIN_KINDS
    different words, MIN_SHARE of the words and MIN_LEAD times the runner-up.
    """
    words = _WORD.findall(text[:SAMPLE_CHARS].lower())
    if len(words) < MIN_WORDS:
        return UNKNOWN
    hits = Counter(lang for w in words if (lang := _LANGUAGE_OF.get(w)))
    ranked = hits.most_common(2) + [(UNKNOWN, 0)] * 2
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < MIN_HITS or top < MIN_SHARE * len(words) or top < MIN_LEAD * second:
        return UNKNOWN
    kinds = {w for w in words if _LANGUAGE_OF.get(w) == best}
    return best if len(kinds) >= MIN_KINDS else UNKNOWN


SHORT_HITS = 2  # a passage too short to guess (`guess_language`) is another language's with this many of its
# function words and no English one


def segment_language(text: str, document: str = UNKNOWN) -> str:
    """The language of one passage of a document written in `document` (`guess_language` of its whole
    text): its own guess when it is long enough; else, with no English function word in it, the language
    of SHORT_HITS or more of its function words ("Mae'r cyngor yn gwrthwynebu cau llyfrgell y pentref.",
    Welsh, in a bilingual council's English letter), or the document's when that is not English ("Dzien
    dobry," in a Polish e-mail); else English when an English function word is in it, else unknown.
    A bilingual letter's Welsh paragraphs are Welsh and their English twins English."""
    own = guess_language(text)
    if own != UNKNOWN:
        return own
    hits = Counter(lang for w in _WORD.findall(text[:SAMPLE_CHARS].lower()) if (lang := _LANGUAGE_OF.get(w)))
    if hits["en"]:
        return "en"
    foreign = hits.most_common(1)
    if foreign and foreign[0][1] >= SHORT_HITS:
        return foreign[0][0]
    if document not in ("en", UNKNOWN) and _WORD.search(text):
        return document
    return UNKNOWN
