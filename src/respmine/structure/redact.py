"""Personal-data detection and redaction: every later stage sees submissions with individuals removed.

Recall first (a missed identifier is a data-protection failure, an extra redaction costs a few words), but
ordinary prose stays intact for theme coding. Patterns find emails, phones, postcodes with the address lines
around them, street lines, ID numbers and dates of birth. Names: spaCy PERSON entities of two or more words
plus model-free layout rules (sign-offs, "Name:"/"From:" fields, "please contact X", salutations, titles as
in "Mrs P Adeyemi", after the word for a relative: "my daughter Efa", "fy merch Efa", joined by a family
particle: "Gwenllian ap Dafydd") and later bare uses of a found name word; any other lone first name in
running prose is missed.
The closings and name fields also know the commonest German, French, Spanish, Italian and Dutch ones
("Mit freundlichen Grüßen", "Cordialement", "Vorname:", "Nom :"). Every text goes through the English
rules and model whatever its language (`language.guess_language` only reports it): on German, capitalised
nouns are taken for names too ("Kommission", "Risiko"), which over-redacts but leaks nothing.

Kept: anything inside a `keep` string (respondent organisations), organisation-like entities, and public
office holders mentioned in their role in running prose - a name preceded by an office title ("the
Minister, Jack Straw", "Lord Justice Leveson", "Chief Executive of NOMS, X") or followed by one (", HM Chief
Inspector of Probation", " MP"). The exception never applies to sign-offs, labelled fields, salutations or
contact sentences: a councillor signing a response is redacted like anyone else.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate

from respmine.records import PersonalData, Span
from respmine.structure import petitions
from respmine.structure.language import function_word
from respmine.structure.nlp import common_word, ner

TOKENS = {"email": "[EMAIL]", "phone": "[PHONE]", "postcode": "[POSTCODE]", "address": "[ADDRESS]",
          "person": "[NAME]", "id_number": "[ID]", "date_of_birth": "[DATE_OF_BIRTH]", "url": "[URL]"}
OTHER_TOKEN = "[REDACTED]"  # a kind without a token of its own
_PRIORITY = ("email", "url", "phone", "id_number", "date_of_birth", "person", "address", "postcode")

_EMAIL = re.compile(  # found with `_emails`, which tries it once per run of local-part characters
    r"(?<![\w.+\-])[A-Za-z0-9][\w.%+\-']*\s?(?:@|\[at\]|\(at\))\s?"
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.|\s?\[dot\]\s?))+[A-Za-z]{2,}\b")
_EMAIL_START = re.compile(r"(?<![\w.+\-])[A-Za-z0-9]")  # where `_EMAIL` may start
_EMAIL_RUN = re.compile(r"[\w.%+\-']*")  # the characters of its local part
_URL = re.compile(r"(?i)\b(?:https?://)?(?:www\.)?(?:facebook|linkedin|twitter|x|instagram|tiktok)\.com/\S+")
_SEP = r"(?:[ \t\u00a0]?[.\-–][ \t\u00a0]?|[ \t\u00a0])"
_PHONE = re.compile(  # candidates only: `_phone_end` checks the digit count
    rf"(?<![\w+£$€/.,])(?:(?:\+|00)\d{{1,3}}{_SEP}?(?:\(0\){_SEP}?)?|\(0\d{{1,5}}\){_SEP}?|0)"
    rf"\(?\d{{1,5}}\)?(?:{_SEP}\(?\d{{1,8}}\)?|\d)*(?![\w])")
_PHONE_MAX_DIGITS = 17  # "00" + 15 digits of an international number: `_phone_end` rejects longer ones
_PHONE_CUE = re.compile(r"(?i)\b(?:tel(?:ephone)?|phone|mob(?:ile)?|fax|landline)\b\.?\s*(?:no\.?|number)?"
                        r"\s*[:|]?\s*(\d[\d \-.]{4,14}\d)")
_POSTCODE = re.compile(r"(?i)(?<![\w-])([A-Z]{1,2}\d[A-Z\d]?)[ \t\u00a0]?(\d[ABD-HJLNP-UW-Z]{2})(?![\w-])")
_STREET = ("Street|St|Road|Rd|Avenue|Ave|Lane|Close|Rise|Drive|Way|Court|Crescent|Place|Gardens|Grove|"
           "Terrace|Walk|Row|Hill|Square|Mews|Park|Green|View|Yard|Parade|Wharf|Quay|Croft|Fold|Vale|Villas|"
           "Cottages|Bank|Chase|Meadows?|Heights|Mount|Wynd|Boulevard|Gate|Broadway|Market|Circus|Embankment")
_STREET_LINE = re.compile(rf"(?:\b(?:Flat|Apartment|Apt|Unit|Room|Suite)[ \t]+\d+[A-Za-z]?,?[ \t]+)?"
                          rf"\b\d{{1,4}}[A-Za-z]?,?[ \t]+(?:[A-Z][\w'’\-]+[ \t]+){{1,3}}(?:{_STREET})\b\.?")
_WELSH_STREET = "Heol|Ffordd|Stryd|Lôn|Lon|Rhodfa|Cilgant|Teras|Clos|Maes|Llwyn|Bryn|Cae|Parc|Rhes|Tan"
# Welsh words that open streets' names and places' ("Parc Howard" a park, "Tan Llan" a village, "Maes Glas" an
# estate): a number before one is a house's only with an address around it (`_addressed`)
_WELSH_PLACE_WORD = re.compile(r"\d+[A-Za-z]?,?[ \t]+(?:Maes|Llwyn|Bryn|Cae|Parc|Tan)\b")
# a number after these is a route's, a service's, a page's ... not a house's ("Route 5 Tan Llan", "bus 12 Bryn
# Road", "Question 3 Parc ..."); "No." or "number" only after one ("bus number 12": "No. 14 High Street" and
# Welsh "Rhif 5 Heol y Felin" are houses)
_NOT_HOUSE_NUMBER = re.compile(r"(?i)\b(?:route|routes|bus|buses|service|services|line|platform"
                               r"|junction|stand|gate|stop|page|pages|question|q|option|table|figure|chapter"
                               r"|section|year|years|ward|phase|zone|level|grade|bws|llwybr)"
                               r"(?:[ \t]+(?:number|no\.?|rhif))?[ \t]*$")
_LIVES = re.compile(r"(?i)\b(?:live|lives|lived|living|reside|resides|resided|address|home|house|moved|write"
                    r"|writing|at)\b[^.!?\n]{0,12}$")
_WELSH_STREET_LINE = re.compile(  # the street's word comes first in Welsh: "14 Heol y Felin", "3 Stryd Fawr"
    rf"\b\d{{1,4}}[A-Za-z]?,?[ \t]+(?:{_WELSH_STREET})[ \t]+(?:(?:y|yr|'r)[ \t]+)?[A-ZÀ-Þ][\w'’\-]+")
_ID = re.compile(  # numbers that identify a person: national insurance, prisoner, and any "<what> number"
    # of a person's records (NHS, passport, an energy or bank account, a meter, a claim, a tenancy, their own
    # reference; not a charity's or company's registered number, which says who a body is, nor a letter's
    # reference)
    r"\b(?!BG|GB|NK|KN|TN|NT)[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b"  # national insurance number
    r"|\b[A-Z]\d{4}[A-Z]{2}\b"  # prisoner number
    r"|(?i:\b(?:NI|national insurance|NHS|prison(?:er)?|NOMIS|PNC|CRO|passport|driving licen[cs]e"
    r"|account|(?:customer|meter|MPAN|MPRN|supply|policy|claim|case|membership|tenancy|payroll"
    r"|employee|patient|student|council tax|housing benefit|universal credit)(?: reference| ref| serial)?"
    r"|my[ \t]+(?:reference|ref))"  # (a reference alone is a letter's, a file's: "Your ref no. HV/LIB/2026")
    r"\s*(?:number|no\.?|num|#)\s*(?:(?:is|:)\s*)?)(?=[A-Z0-9/\-]*\d)"
    r"([A-Z0-9][A-Z0-9/\-]*(?: \d[\dA-Z/\-]*){0,3})")
# a person's bank details (kept apart from `_ID`): a sort code by its words ("sort code 20-45-77", "sort-code:
# 40 11 62"), an account number however introduced ("account 12345678", "a/c no. 55667788": eight digits),
# an IBAN ("GB29 NWBK 6016 1331 9268 19")
_BANK = re.compile(
    r"(?i:\bsort[ \t-]*code\b[ \t]*(?:is|:|-)?[ \t]*)"
    r"(\d{2}(?:[ \t]?[-–][ \t]?|[ \t])\d{2}(?:[ \t]?[-–][ \t]?|[ \t])\d{2})\b"
    r"|(?i:\b(?:account|a/c|acc(?:t|ount)?\.?)(?:[ \t]+(?:number|no\.?|num))?[ \t]*(?:is|:|-)?[ \t]*)"
    r"(\d{4}[ \t]?\d{4})(?![\d-])"
    r"|\b([A-Z]{2}\d{2}(?:[ \t]?[A-Z0-9]{4}){3,7}(?:[ \t]?[A-Z0-9]{1,3})?)\b")
# where a patient lay: a bed by its number with its ward or bay ("Ward 7, bed 12", "bed 14 on Ward 22",
# "bay 3, bed 4"), which with the hospital and month says whose bed it was; not "Ward 7" alone, nor "12 beds"
_PLACE_NO = r"(?:ward|bay|room|cubicle)[ \t]+\d{1,3}[A-Za-z]?"
_BED = re.compile(
    rf"(?i)\b(?:{_PLACE_NO}[ \t]*,?[ \t]*(?:(?:{_PLACE_NO})[ \t]*,?[ \t]*)?)?"
    rf"\bbed[ \t]+(?:no\.?[ \t]*)?\d{{1,3}}[A-Za-z]?\b(?:[ \t]*,?[ \t]*(?:on|in)?[ \t]*{_PLACE_NO}\b)?")
# an NHS number without its label: ten digits, 3-3-4 (a UK phone number opens with 0)
_NHS_NUMBER = re.compile(r"(?<![\w+/.-])[1-9]\d{2}([ \t-])\d{3}\1\d{4}(?![\w/.-]|,\d)")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DOB = re.compile(
    rf"(?i)\b(?:born(?:\s+on)?|d\.?o\.?b\.?|date\s+of\s+birth)\s*[:|\-]?\s*(\d{{1,2}}(?:st|nd|rd|th)?\s+"
    rf"(?:of\s+)?{_MONTH},?\s+\d{{2,4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}[/.\-]\d{{1,2}}[/.\-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|(?:in\s+)?{_MONTH}\s+\d{{4}}|in\s+\d{{4}})")
_CLOSING = re.compile(
    r"(?im)^[ \t]*(?:yours[ \t]+(?:sincerely|faithfully|truly|respectfully)|(?:with[ \t]+)?(?:kind|best|warm"
    r"|warmest)[ \t]+(?:regards|wishes)|regards|best|many[ \t]+thanks|thanks|thank[ \t]+you|sincerely"
    r"|respectfully|cheers|with[ \t]+(?:thanks|regards|best[ \t]+wishes)|signed\b[^\n:]*:?"
    r"|mit[ \t]+(?:freundlichen|besten|herzlichen)[ \t]+grü(?:ß|ss)en|(?:freundliche|beste|viele|herzliche)"
    r"[ \t]+grü(?:ß|ss)e|hochachtungsvoll|(?:bien[ \t]+)?cordialement|bien[ \t]+à[ \t]+vous|(?:sincères"
    r"|meilleures)[ \t]+salutations|salutations[ \t]+distinguées|atentamente|(?:un[ \t]+)?saludos(?:[ \t]+"
    r"cordiales)?|(?:cordiali|distinti)[ \t]+saluti|met[ \t]+vriendelijke[ \t]+groet(?:en)?|hoogachtend)"
    r"[ \t]*[,.!]?[ \t]*(?P<rest>[^\n]*)$")
_QUOTE_MARK = re.compile(r"(?im)^[ \t]*(?:--[^\n]*(?:original|forwarded)[^\n]*|from:[^\n]*"
                         r"|on [^\n]{5,80} wrote:)$")
_LABEL = re.compile(
    r"(?im)(?:^|\|)[ \t]*(?P<label>(?:(?:full|your|print(?:ed)?|contact|respondent(?:'s)?)[ \t]+)?name"
    r"(?:[ \t]+of[ \t]+(?:respondent|individual|person))?|vorname|nachname|nom|prénom"
    r"|(?:home[ \t]+|postal[ \t]+|your[ \t]+)?address|adresse|anschrift"
    r"|from|to|cc|sender|signed|signature|contact|submitted[ \t]+by|author)[ \t]*(?:[:|\t])[ \t]*"
    r"(?P<value>[^\n|]+)")
_CONTACT = re.compile(r"(?i)\b(?:contact|contacting|write[ \t]+to|speak[ \t]+(?:to|with)|ask[ \t]+for|FAO"
                      r"|attention[ \t]+of|attn:?|c/o|forwarded[ \t]+on[ \t]+behalf[ \t]+of)[ \t]*\n?[ \t]*")
_SALUTATION = re.compile(r"(?im)^[ \t]*(?:dear|hi|hello|annwyl)[ \t]+")  # (Welsh "Annwyl": "Dear")
# A relative or a person close to the writer named after the word for them ("my daughter Efa (she's 7)",
# "our son, Rhodri,", "my late husband Emyr", "fy merch Efa"): a person's name whatever its origin, which
# neither spaCy nor a list of names knows ("Efa", "Oisín", "Nkechi" were missed alone in prose).
_KIN = re.compile(
    r"(?i)\b(?P<own>my|our|his|her|their|fy|ein|ei|eu)[ \t]+(?:[^\W\d_][\w-]*['’]s[ \t]+)?"  # (wife's)
    r"(?:(?:late|eldest|oldest|elder|older|youngest"
    r"|younger|little|baby|twin|two|three|four|adult|disabled|autistic|elderly|new|best|dear|beloved"
    r"|\d+[- ]?(?:year|yr|month)s?[- ]old)[ \t]+)*"
    r"(?P<kin>(?:(?:step|grand|great[- ]grand|god)[- ]?)?(?:daughters?|sons?|child(?:ren)?|kids?|boys?|girls?"
    r"|twins|toddler|baby|husband|wife|partner|spouse|fianc[ée]e?|mum|mom|mummy|mother|dad|daddy|father"
    r"|parents?|brothers?|sisters?|grandchild(?:ren)?|nan|nana|nanna|gran|granny|grandma|grandpa|grandad"
    r"|nephews?|nieces?|cousins?|aunt|auntie|aunty|uncle|neighbours?|neighbors?|friends?|carers?"
    r"|(?:mother|father|son|daughter|brother|sister)[- ]in[- ]law"
    r"|merch|mab|meibion|mhlant|plant|ngŵr|ngwr|gŵr|gwr|ngwraig|gwraig|mam|nhad|tad|mhartner|partner"
    r"|ferch|fab|wraig|ŵyr|wyres|chwaer|mrawd|mrodyr|mam-gu|nain|taid|nhaid|nghymydog|ffrind))"
    r"(?:[ \t]*[,(][ \t]*|[ \t]+)(?=[^\W\d_])")
# A name joined by a patronymic or family particle no English phrase has between two capitalised words
# ("Gwenllian ap Dafydd", "Siobhán Ní Bhriain", "Ahmad bin Ismail"): spaCy missed such names in prose.
_PARTICLE_NAME = re.compile(
    r"(?<![\w'’\-])[A-ZÀ-Þ][\w'’\-]+[ \t]+(?:ap|ab|ferch|verch|Ní|Nic|Mac|Ó|Ua|Uí|Mhic|bin|binti|bint|ibn)"
    r"[ \t]+[A-ZÀ-Þ][\w'’\-]+")
# A person named as "called" or "named" after the word for them ("a little girl called Efa", "my son, who is
# called Tomos,", "a librarian named Sioned")
_CALLED = re.compile(
    r"(?i)\b(?:girl|boy|child|kid|son|daughter|baby|lady|man|woman|gentleman|neighbour|neighbor|friend|carer"
    r"|volunteer|librarian|grandson|granddaughter|nephew|niece|cousin|pupil|student|teacher)s?,?[ \t]+"
    r"(?:(?:who|that)[ \t]+(?:is|was)[ \t]+)?(?:called|named)[ \t]+(?=[^\W\d_])")
# Speech around a name: "X said", "spoke to X" (spaCy missed "Rhodri Llewelyn", "Priyanka Chaudhary", "Nasra
# Abdi", "Gwenllian Price-Hughes" in such sentences)
_SAYS_AFTER = re.compile(r"[ \t]+(?:said|says|told|tells|explained|asked|wrote|writes|added|commented"
                         r"|mentioned|agreed|feels|felt|thinks|thought)\b")
_SAYS_BEFORE = re.compile(r"(?i)\b(?:(?:spoke|spoken|speaking|talked|talking|chatted|chatting)[ \t]+"
                          r"(?:to|with)|according[ \t]+to|told[ \t]+by|asked[ \t]+by)[ \t]+(?=[^\W\d_])")
_CAPITAL_RUN = re.compile(r"(?:[^\W\d_a-z][\w'’\-]*[ \t]+){1,3}[^\W\d_a-z][\w'’\-]*$")
_KIN_OF_BODY = ("our", "their", "ein", "eu")  # "our partner Age Concern", "their friends X": may be bodies
_NOT_KIN_OF_BODY = re.compile(r"(?i)partners?|friends?")


_WORD_PARTICLES = {"Mac", "bin"}  # particles that are English words too ("Big Mac Meal", "blue bin Day")


def _words_joined(found: re.Match[str]) -> bool:
    """A particle's match that is English words, not a name: the particle an English word too
    (`_WORD_PARTICLES`) between two common English words ("Big Mac Meal"); "Rose Mac Donald", "Ahmad bin
    Ismail" are names."""
    before, particle, after = found.group().split()[:3]
    return particle in _WORD_PARTICLES and bool(common_word(before)) and bool(common_word(after))


def _house_number(text: str, found: re.Match[str]) -> bool:
    """A street line's number is a house's: not after a word for a route, a service, a page ("Route 5 Tan
    Llan", "bus 12 Bryn Road"); before a Welsh word that opens places' names too (`_WELSH_PLACE_WORD`: "3
    Parc Howard"), only with an address around it: a town after a comma or on the next line, the line's end,
    or a word of living or writing before it ("I have lived at 7 Cae Mawr")."""
    line_start = text.rfind("\n", 0, found.start()) + 1
    before = text[max(line_start, found.start() - 40):found.start()]
    if _NOT_HOUSE_NUMBER.search(before):
        return False
    if not _WELSH_PLACE_WORD.match(found.group()):
        return True
    after = text[found.end():found.end() + 40]
    return bool(re.match(r"[ \t]*(?:,[ \t]*[A-Z]|\r?\n|$)", after) or _LIVES.search(before)
                or not before.strip(" \t,|"))  # (opening its line: an address's line)


def _kin_names(text: str) -> Iterator[tuple[int, int]]:
    """Names after the word for a relative or a person close to the writer (`_KIN`: "my daughter Efa", "my
    wife's mother Gwen"), or "called" after the word for a person (`_CALLED`)."""
    for m in _KIN.finditer(text):
        if m.group("own").lower() in _KIN_OF_BODY and _NOT_KIN_OF_BODY.fullmatch(m.group("kin")):
            continue
        if (e := _name_end(text, m.end(), first=True)) > m.end():
            yield m.end(), e
    for m in _CALLED.finditer(text):
        if (e := _name_end(text, m.end(), first=True)) > m.end():
            yield m.end(), e


def _speakers(text: str) -> Iterator[tuple[int, int]]:
    """Two or more name words before "said" ("At the drop-in Nasra Abdi said ...") or after "spoke to", one
    of them no common English word at least ("According to Citizens Advice", "Public Health Wales said" are
    bodies'); none after a body's word or inside a title ("Cyngor Tref Llanbryn said", "Save Our Libraries
    Hafren said")."""
    # (spaCy's word list, `common_word`, loaded only for a name by a verb; without it a name after "spoke
    # to" is redacted, none before "said" is sought)
    for m in _SAYS_BEFORE.finditer(text):
        if (e := _name_end(text, m.end())) > m.end() and not all(map(common_word, text[m.end():e].split())):
            yield m.end(), e
    for m in _SAYS_AFTER.finditer(text):
        line_start = text.rfind("\n", max(0, m.start() - 80), m.start()) + 1
        run = _CAPITAL_RUN.search(text, max(line_start, m.start() - 80), m.start())
        if run is None:
            continue
        words = [(t.start() + run.start(), t.group()) for t in re.finditer(r"\S+", run.group())]
        commons = [common_word(w) for _, w in words]
        if None in commons:
            return
        for i, (start, _) in enumerate(words):  # the longest run of name words ending at the verb, less a
            # common word opening the sentence ("Yesterday Rhodri Llewelyn said"), one word not common at
            # least ("Age Concern said" is a body's)
            if (commons[i] and len(words) - i > 2) or all(commons[i:]):
                continue
            if i and (words[i - 1][1] in _ORG or any(function_word(w, "en") for _, w in words[1:i])):
                break  # a body's or a title's word: "Cyngor Tref Llanbryn", "Save Our Libraries Hafren"
            if _name_end(text, start) == m.start():
                yield start, m.start()
                break


_TITLE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Revd|Rev|Reverend|Cllr|Councillor|Ch\.?[ \t]+Supt|Supt|"
    r"Superintendent|DCI|DS|DC|PC|Sgt|Sergeant|Sister|Pastor|Imam|Father|Fr|Rabbi|Canon)\.?(?=[ \t]+[A-Z])")
_OFFICE = (r"(?:(?:Prime|Justice|Home|Prisons|Probation|Policing|Shadow|Deputy|Foreign)[ \t]+)?(?:Minister"
           r"|Secretary(?:[ \t]+of[ \t]+State(?:[ \t]+for[ \t]+[A-Z][\w ]*?)?)?|Lord[ \t]+Chancellor"
           r"|Chief[ \t]+Inspector(?:[ \t]+of[ \t]+[A-Z]\w+(?:[ \t]+[A-Z]\w+)*)?|Chief[ \t]+Executive[ \t]+of"
           r"[ \t]+(?:the[ \t]+)?[A-Z][\w&]*(?:[ \t]+[A-Z][\w&]*)*|Director[- ]General(?:[ \t]+of[ \t]+[A-Z]"
           r"[\w ]*?)?|Commissioner|Ombudsman|Attorney[ \t]+General|Solicitor[ \t]+General|Mayor|President)")
_OFFICE_BEFORE = re.compile(
    rf"\b(?:{_OFFICE}|Lord|Lady|Baroness|Baron|Justice|Judge|MP|Speaker)[ \t]*,?[ \t]*(?:(?:the[ \t]+)?"
    r"(?:Rt\.?[ \t]+Hon|Dame|Sir|Dr|Prof(?:essor)?|Mr|Mrs|Ms|Lord|Lady|Baroness)\.?[ \t]+)*$")
_OFFICE_AFTER = re.compile(rf"^(?:[ \t]+(?:MP|MSP|MEP|MS|AM|KC|QC)\b|[ \t]*,[ \t]*(?:the[ \t]+)?(?:then"
                           rf"[ \t]+|former[ \t]+)?(?:HM[ \t]+)?(?:{_OFFICE}|Leader[ \t]+of)\b)")
_TOKEN = re.compile(r"[ \t]*([^\W\d_][\w'’\-]*\.?)")


def _words(words: str) -> set[str]:
    return set(words.split())


_TITLES = _words(
    "Mr Mrs Ms Miss Mx Dr Prof Professor Revd Rev Reverend Cllr Councillor Ch Supt Superintendent DCI DS DC "
    "PC Sgt Sergeant Sister Brother Pastor Imam Father Fr Rabbi Canon Dame Sir Lord Lady")
_ABBREVIATED = _words("Mr Mrs Ms Mx Dr Prof Revd Rev Cllr Fr Sgt Supt Ch")  # titles written "Dr." too
_POSTNOMINALS = _words("JP MBE OBE CBE KBE DBE QC KC MP PhD DL MSP Esq Jr Snr")
_PARTICLES = _words("de da van von der den del la le bin al el di du ap")
_ORG = _words(
    "Trust Council Centre Service Services Ltd Limited Association Forum Foundation Group Project Charity "
    "University College School Board Church Churches Mosque Society Network Alliance Partnership Federation "
    "Union Committee Police Probation Prison Prisons Ministry Government Agency Authority Commission "
    "Institute Bench Court Magistrates Housing Shelter Care Support Advice Recovery Meeting Company Sector "
    "Healthwatch Hospital Clinic Practice Surgery Library Bank Team Department Office Division plc LLP "
    "LLC Inc GmbH AG "
    "SA International Associates Partners Solicitors Chambers Europe European British National Royal UK "
    "e.V eV AISBL ASBL Corporation Corp Verband Bundesverband Verein Stiftung Institut"
) | (_WELSH_BODY := _words(
    # Welsh bodies' words with their mutated forms, which come before the body's own name ("Annwyl Gyngor"
    # - "Dear Council" - and the school "Ysgol Gynradd Cwm Eithin" were redacted as names)
    "Cyngor Gyngor Nghyngor Chyngor Ysgol Hysgol Prifysgol Mhrifysgol Phrifysgol Coleg Choleg Ngholeg "
    "Bwrdd Fwrdd Iechyd Cymdeithas Gymdeithas Nghymdeithas Llyfrgell Lyfrgell Llyfrgelloedd Ymddiriedolaeth "
    "Canolfan Ganolfan Eglwys Clwb Glwb Menter Fenter Undeb Cymuned Gymuned Llywodraeth Lywodraeth Senedd "
    "Gwasanaeth Gwasanaethau Partneriaeth Bartneriaeth Sefydliad Fforwm Cymunedol Gynradd Uwchradd"))
_STOP = _ORG | _words(  # capitalised words that are not part of a person's name
    "Officer Director Manager Head Chief Chair Chairman Chairwoman Chairperson Secretary Co-ordinator "
    "Coordinator Clerk Executive Member Lecturer Adviser Advisor Trustee Worker Assistant General Deputy "
    "President Treasurer Volunteer Administrator Analyst Consultant Partner Founder Lead Leader Governor "
    "Inspector Commissioner Minister EVP Policy PA Community Communities Quaker Quakers "
    "Together Consultation "
    "Response Responses Submission Question Questions Page Date Re Subject Dear Sir Madam Tel Telephone "
    "Email E-mail Phone Mobile Fax Address Website Yours Regards Thanks Kind Best Sincerely Faithfully "
    "Registered House Vicarage Cottage Farm January February March April May June July August September "
    "October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Keep Justice Local "
    "Summary Introduction Conclusion Annex Appendix Background Contents Section Chapter Part Table Figure "
    "Note Notes Yes No The A An Our We I In On Of For With Please Gateway Council's Road Street Lane Avenue "
    "Close Walk Row Rise Drive Way Place Gardens Grove Terrace Square Mews Park Hall Companies Voluntary "
    "Women's Men's Youth Act Bill Directive Directives Regulation Regulations Article App Hub Review Report "
    "Strategy Programme Plan Framework Fund Scheme Initiative v Year Years "
    # nations and their peoples ("the coast of Wales" was redacted as a name, spaCy having read "Clean
    # Shores Wales" as a person's)
    "Wales England Scotland Ireland Britain Cymru Lloegr Alba Welsh English Scottish Irish "
    # Welsh: a salutation and its "Sir or Madam" ("Annwyl Syr neu Fadam" was redacted as a name)
    "Annwyl Syr Fadam Cwm Heol Ffordd Stryd "
    # Welsh words opening places' names (park, field, grove): spaCy read "Parc Howard", "Maes Glas" as people
    "Parc Maes Cae Llwyn")
_NOT_NAME_WORD = _STOP | _TITLES | _POSTNOMINALS
_OPTION_NAMED = re.compile(r"(?<!\w)(?:Options?|Opsiwn)[ \t]+[A-Za-z0-9](?!\w)")  # an answer: "Option B"
_BOUNDARY = ".!?:\n|"  # a word after one of these starts a sentence, line or table cell


def _chunks(text: str, size: int = 5000) -> Iterator[tuple[int, str]]:
    """Paragraphs (split further when long) with their offsets: small docs keep spaCy fast on long texts."""
    for m in re.finditer(r"(?s)\S.*?(?=\n[ \t]*\n|\Z)", text):
        start, para = m.start(), m.group()
        while len(para) > size:
            cut = max(para.rfind("\n", 0, size), para.rfind(". ", 0, size) + 1)
            cut = cut if cut > size // 2 else size
            yield start, para[:cut]
            start, para = start + cut, para[cut:]
        if re.search(r"[A-Z]", para):  # no capital letter: no name to find
            yield start, para


def _name_end(text: str, pos: int, *, first: bool = False) -> int:
    """End of a run of name words at `pos` on one line ("Dr Helen Marsh", "J. Okafor"), else `pos`: two
    capitalised words, or one after a title, or one alone if `first` (after a closing or salutation). A run
    into an organisation word ("Hillfoot Mentoring Project") is no name. An abbreviated title's full stop
    ("Dr. Helen Marsh", "Mr. Jones") is passed over; any other word's ends the run ("Washington DC. Many")."""
    end, follow, names, titles = pos, pos, 0, 0
    while (m := _TOKEN.match(text, follow)) and names + titles <= 6:  # (no search past a gap: linear)
        word = m.group(1) if re.fullmatch(r"[A-Z]\.", m.group(1)) else m.group(1).rstrip(".")
        nxt = _TOKEN.match(text, m.end())
        nxt_cap = bool(nxt and nxt.group(1)[0].isupper() and nxt.group(1).rstrip(".") not in _STOP)
        if word in _ORG:
            return pos
        title = word in _TITLES and names == 0
        if title:
            titles += 1
        elif (word in _POSTNOMINALS and names) or (re.fullmatch(r"[A-Z]\.?", word) and word != "I"):
            names += word not in _POSTNOMINALS
        elif word in ("and", "&") or word in _PARTICLES:
            if not (names and nxt_cap):
                break
        elif not (word[0].isupper() and word not in _STOP and not word.isupper()):
            break
        else:
            names += 1
        end = m.start(1) + len(word)
        follow = m.end() if title and word in _ABBREVIATED else end
    return end if names >= 2 or (names and (titles or first)) else pos


def _line_name(text: str, start: int, end: int, *, first: bool = False) -> tuple[int, int] | None:
    """A name filling a line, or the part before a comma or "on behalf" ("Fiona McAllister, Westvale ...")."""
    start += len(text[start:end]) - len(text[start:end].lstrip(" \t"))
    stop = _name_end(text, start, first=first)
    if stop > start and re.fullmatch(r"[ \t\r]*(?:(?:[,(\-–]|on behalf).*)?", text[stop:end]):
        return start, stop
    return None


def _signature_names(text: str) -> Iterator[tuple[int, int]]:
    """Names after a closing ("Yours sincerely,") and in the last lines of a letter or of a quoted part."""
    lines = [m.span() for m in re.finditer(r"(?m)^.*$", text)]
    line_of = {s: i for i, (s, _) in enumerate(lines)}
    for m in _CLOSING.finditer(text):
        i = line_of[m.start()]
        filled = ([m.span("rest")] if m.group("rest").strip()
                  else [(s, e) for s, e in lines[i + 1:i + 21] if text[s:e].strip()][:6])
        for i, (s, e) in enumerate(filled):
            if e - s > 100:
                break
            if hit := _line_name(text, s, e, first=i == 0):
                yield hit
    written = [(s, e) for s, e in lines if text[s:e].strip()]
    ends = [e for _, e in written]
    for pos in [len(text)] + [m.start() for m in _QUOTE_MARK.finditer(text)]:
        above = bisect_right(ends, pos)  # the lines ending before `pos`: found once, not rescanned per mark
        for s, e in reversed(written[max(0, above - 6):above]):
            if e - s > 100:
                break
            if hit := _line_name(text, s, e):
                yield hit


def _field_values(text: str) -> Iterator[tuple[int, int, str]]:
    """Labelled fields: "Name: ...", "Address | ...", email headers "From: Jane Smith <...>"."""
    for m in _LABEL.finditer(text):
        label, value, s = m.group("label").lower(), m.group("value"), m.start("value")
        e = s + len(value.rstrip())
        if "<" in value:  # display name of an email header; the address itself is an email hit
            e = s + len(value[: value.index("<")].rstrip(' \t"'))
            s += len(value) - len(value.lstrip(' "'))
        if label.endswith(("name", "nom", "address", "adresse", "anschrift")) and e > s:
            yield s, e, "person" if label.endswith(("name", "nom")) else "address"
        elif (stop := _name_end(text, s)) > s:
            yield s, stop, "person"


def _address_like(chunk: str) -> bool:
    """A comma-separated piece of an address: capitalised words and numbers, no sentence, no organisation."""
    words = [w.strip(",") for w in chunk.split()]
    if not words or len(chunk) > 50 or chunk.rstrip().endswith((".", ":", "?")):
        return False
    street = re.search(rf"\b(?:{_STREET}|{_WELSH_STREET})\b", chunk) is not None  # ("Ffordd y Parc")
    for i, w in enumerate(words):
        if i and w.lower() in ("upon", "on", "under", "in", "by", "the", "of", "le", "de", "y", "yr"):
            continue
        if not (w[:1].isupper() or w[:1].isdigit() or w.lower() == "c/o") or re.fullmatch(r"Q\d+", w):
            return False
        if w in _STOP and not street and w not in ("The", "House", "Vicarage", "Cottage", "Farm", "Hall"):
            return False
    return True


_NON_BLANK = re.compile(r"\S")
_COMMA = re.compile(",")
_LABEL_REACH = 16  # characters a label's match reads beyond its start ("address" and a word boundary)
_ADDRESS_LABEL = re.compile(r"(?:\||:|\baddress\b|\bat\b)\s*", re.I)  # "Address: ", "| ", " at "


class _Labels:
    """Each postcode's line start and the last address label before it on its line, found by one scan
    per line however many postcodes it holds (postcodes come in text order): reading the whole line back
    from every postcode was quadratic (a comma-less line of postcodes, 100 KB: 12 s). A label scan
    resumes near where the last one ended: only labels within _LABEL_REACH of it can change."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0  # the last postcode asked about
        self._new_line(0)

    def _new_line(self, start: int) -> None:
        self.line = start  # the last postcode's line's start
        self.found: list[re.Match[str]] = []  # labels on that line before it
        self.commas: list[int] = []  # commas on that line before it
        self.scanned = start  # where the label scan of that line ended

    def line_start(self, pc_start: int) -> int:
        """As text.rfind("\n", 0, pc_start) + 1, reading only the text since the last postcode."""
        if pc_start < self.pos:  # (out of order: start again)
            self.pos = 0
            self._new_line(0)
        newline = self.text.rfind("\n", self.pos, pc_start)
        if newline != -1:
            self._new_line(newline + 1)
        scan = max(self.pos, self.line)
        self.commas += [m.start() for m in _COMMA.finditer(self.text, scan, pc_start)]
        self.pos = pc_start
        return self.line

    def last_comma(self, start: int, end: int) -> int:
        """As text.rfind(",", start, end), for `start` and `end` on the last postcode's line before it."""
        i = bisect_left(self.commas, end) - 1
        return self.commas[i] if i >= 0 and self.commas[i] >= start else -1

    def last(self, line_start: int, pc_start: int) -> re.Match[str] | None:
        """As the last match of the label pattern in text[line_start:pc_start] (`pc_start`: the postcode
        `line_start` was last asked for). The scan so far ended at the last postcode; only labels within
        _LABEL_REACH of that end can change with a later end, so the scan resumes there."""
        resume = max(line_start, self.scanned - _LABEL_REACH)
        while self.found and self.found[-1].end() > resume:
            resume = min(resume, self.found.pop().start())
        self.found += _ADDRESS_LABEL.finditer(self.text, resume, pc_start)
        self.scanned = pc_start
        return self.found[-1] if self.found else None


def _address_around(text: str, pc_start: int, labels: _Labels | None = None) -> Iterator[tuple[int, int]]:
    """Address lines leading to a postcode: earlier parts of its line and up to five short lines above.
    `labels`: the document's (`_Labels`), shared by its postcodes."""
    labels = labels or _Labels(text)
    line_start = labels.line_start(pc_start)
    found = labels.last(line_start, pc_start)
    label = None if found is None else (found.start() - line_start, found.end() - line_start)
    base, pos, full = line_start + (label[1] if label else 0), pc_start, True
    end = pc_start
    while end > base:  # the comma-separated pieces before the postcode, last first
        start = max(labels.last_comma(base, end) + 1, base)
        words, more = _last_words(text, start, end)
        end = start - 1
        k = len(words)
        while k and not _address_like(" ".join(text[s:e] for s, e in reversed(words[:k]))):
            k -= 1
        if k:
            pos = words[k - 1][0]
        if k < len(words) or more:
            full = False
            break
    if pos < pc_start:
        yield pos, pc_start
    if not full or line_start == 0 or (label and _NON_BLANK.search(text, line_start, line_start + label[0])):
        return
    taken, blank, end = 0, 0, line_start - 1
    for _ in range(12):  # the lines above, nearest first (each found from the one below: no list of all)
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        blank = blank + 1 if not line.strip() else 0
        if blank > 1 or taken == 5 or not all(_address_like(p) for p in line.split(",") if p.strip()):
            break
        if line.strip():
            yield start + len(line) - len(line.lstrip()), start + len(line.rstrip())
            taken += 1
        if start == 0:
            break
        end = start - 1


_ADDRESS_PIECE_CHARS = 50  # `_address_like` takes no longer piece


def _last_words(text: str, start: int, end: int, limit: int = _ADDRESS_PIECE_CHARS,
                ) -> tuple[list[tuple[int, int]], bool]:
    """The spans of the last words of `text[start:end]`, last first, as many as fit in `limit` characters
    joined by single spaces (`_address_like` takes no longer piece), and whether more words come before
    them. Read backwards from `end`: a long line costs no more than its last words."""
    words: list[tuple[int, int]] = []
    size, i = -1, end
    while True:
        while i > start and text[i - 1].isspace():
            i -= 1
        if i == start:
            return words, False
        j = i - 1
        while j > start and not text[j - 1].isspace() and i - j <= limit:
            j -= 1
        size += i - j + 1
        if size > limit:
            return words, True
        words.append((j, i))
        i = j


def _phone_end(text: str, start: int, end: int) -> int | None:
    """End of the longest valid phone number in a candidate (trims numbers glued on by separators)."""
    cand, cuts, digits = text[start:end], [], ""
    for m in re.finditer(r"(\d+)\)?", cand):  # the digits up to each cut, while a number can still be valid
        digits += m.group(1)
        if len(digits) > _PHONE_MAX_DIGITS:
            break
        cuts.append((m.end(), digits))
    for cut, digits in reversed(cuts):
        if cand.startswith(("+", "00")):
            intl = digits[2:] if cand.startswith("00") else digits
            ok = 9 <= len(intl[2:].removeprefix("0")) <= 10 if intl.startswith("44") else 8 <= len(intl) <= 15
        else:
            ok = digits.startswith("0") and 10 <= len(digits) <= 11
        if ok:
            return start + cut
    return None


def _office_holder(text: str, start: int, end: int) -> bool:
    """A name quoted in a public role ("the Minister, Jack Straw", "Lord Justice X", "Y MP"): not redacted."""
    before = text[max(text.rfind("\n", 0, start) + 1, start - 80):start]
    return bool(re.match(r"(?:Lord|Lady|Baroness|Baron|Justice|Judge|Minister|Secretary)\b", text[start:end])
                or _OFFICE_BEFORE.search(before) or _OFFICE_AFTER.match(text[end:end + 80]))


_RUN = re.compile(r"[^\n]+")


def _entity_pieces(text: str) -> Iterator[re.Match[str]]:
    """The runs of `text` between line breaks and options' names ("Option B")."""
    for line in _RUN.finditer(text):
        pos = line.start()
        for option in _OPTION_NAMED.finditer(text, line.start(), line.end()):
            if m := _RUN.match(text, pos, option.start()):
                yield m
            pos = option.end()
        if m := _RUN.match(text, pos, line.end()):
            yield m


# A place's last word ("Hafren Vale"), a surname too ("Angela Vale"): no stop word, so a sign-off, a title, a
# name field or "said" still find the person; spaCy's name ending in one is taken for the place ("the number
# of libraries Hafren Vale should run")
_PLACE_LAST = ("Vale", "Valley")
# a county the text speaks of as a place ("in Northshire", "across Northshire", "Northshire County Council"):
# a name ending in it is a body's ("Healthwatch Northshire", "Stroke Recovery Northshire"), not a surname
_COUNTY_AS_PLACE = re.compile(
    r"\b(?:in|across|throughout|around|within|of|for|from|to)[ \t]+([^\W\d_a-z][a-z]+shire)\b"
    r"|\b([^\W\d_a-z][a-z]+shire)(?:['’]s\b|[ \t]+(?:County|Council|ICB|NHS|Police|Fire)\b)")


def _counties(text: str) -> set[str]:
    return {m.group(1) or m.group(2) for m in _COUNTY_AS_PLACE.finditer(text)}


def _model_names(text: str, common: set[str]) -> Iterator[tuple[int, int]]:
    """spaCy PERSON entities cut at line breaks and options' names; dropped when lone words, organisation/role
    words, or made only of words the text also uses in lower case ("Artificial Intelligence"). Each piece is
    judged alone: spaCy read a form cell's "Option B. Regular video calls ..." as a person, and "Regular",
    left once the option was taken off, was redacted as a name."""
    counties = _counties(text)
    chunks = list(_chunks(text))
    docs = ner().pipe([c for _, c in chunks], batch_size=64) if chunks else []  # no model load if no text
    for (base, _), doc in zip(chunks, docs, strict=True):
        for ent in (ent for ent in doc.ents if ent.label_ == "PERSON"):
            for m in _entity_pieces(ent.text):
                toks = [(t.start(), w) for t in re.finditer(r"\S+", m.group())
                        if (w := re.sub(r"['’]s$", "", t.group().rstrip(".,;:")))]  # (not a piece's ".")
                inner = [i for i, (_, w) in enumerate(toks) if w not in _STOP]  # trim role words at ends
                if inner and any(w in _WELSH_BODY for _, w in toks[:inner[0]]):
                    continue  # a Welsh body's name after its word ("Ysgol Gynradd Cwm Eithin")
                toks = toks[inner[0]:inner[-1] + 1] if inner else []
                words = [w for _, w in toks]
                if words and (words[-1] in _PLACE_LAST or words[-1] in counties):
                    continue
                names = [w for w in words if w not in _TITLES and w[:1].isupper()]
                if (len(names) < 2 or any(w in _STOP or re.search(r"[\d@]", w) for w in words)
                        or all(w.isupper() for w in names) or (words[0] == "St" and "'" in m.group())
                        or all(w.lower() in common for w in names)):
                    continue
                s = base + ent.start_char + m.start()
                a, b = s + toks[0][0], s + toks[-1][0] + len(toks[-1][1])
                if not _office_holder(text, a, b):
                    yield a, b


# words of a firm's name after a person's ("Hartley Lettings", "Hartley & Cole Estate Agents", "and Sons")
_FIRM = _words("Sons Daughters Brothers Bros Co Estate Estates Agents Agency Lettings Letting Properties "
               "Property Homes Surveyors Accountants Architects Builders Developments Holdings Law Legal "
               "Insurance")
_FIRM_AFTER = re.compile(r"[ \t]*&[ \t]*(?!I\b)[^\W\d_a-z]"  # "Hartley & Cole", not "Hartley & I"
                         r"|[ \t]+and[ \t]+((?:[^\W\d_a-z][\w'’\-]*\.?[ \t]*){1,4})")  # "Hartley and Sons"


def _in_firm(text: str, end: int) -> bool:
    """Whether the name word ending at `end` opens a firm's name: joined to another name by "&", or by "and"
    to words ending in a firm's ("Hartley and Cole Estate Agents", "Hartley and Sons")."""
    m = _FIRM_AFTER.match(text, end)
    if m is None:
        return False
    return m.group(1) is None or any(w.rstrip(".") in _FIRM | _ORG for w in m.group(1).split())


def _name_repeats(text: str, names: Iterable[str], common: set[str]) -> Iterator[tuple[int, int]]:
    """Later bare uses of a detected name word ("as Whitcombe said"), not inside another proper name.

    Words the text also uses in lower case ("Learning" of a misread "Machine Learning") are not names.
    """
    allowed_before = _TITLES | {w for n in names for w in n.split()}
    found = {w for n in names for w in n.split() if len(w) > 2 and w.isalpha() and w[0].isupper()
             and w not in _NOT_NAME_WORD and w.lower() not in common}
    if not found:
        return
    alternation = "|".join(re.escape(w) for w in sorted(found, key=lambda w: (-len(w), w)))
    for m in re.finditer(rf"(?<![\w.@])(?:{alternation})(?![\w@])", text):
        before = text[max(0, m.start() - 60):m.start()].rstrip(" \t")
        prev = re.search(r"\S+$", before)
        nxt = _TOKEN.match(text, m.end())
        in_other_name = bool(prev and prev.group()[0].isupper() and prev.group() not in allowed_before
                             and before[: prev.start()].rstrip(" \t")[-1:] not in _BOUNDARY)
        before_role = bool(nxt and nxt.group(1).rstrip(".") in _STOP | _FIRM)  # "Ashdown Care", "Marsh Lane"
        if not (in_other_name or before_role or _in_firm(text, m.end()) or _office_holder(text, *m.span())):
            yield m.span()


_ROW_GAP = re.compile(r"[ \t]*(?:[,|\t][ \t]*)?$")  # between a listed name and its address: "Ann Lee | 3 ..."
_ROW_MARK = re.compile(r"(?:[|,;)\t]|(?<!\w)\d{1,4}[.)]?)[ \t]*$")  # a row's number, a cell or "(signed)"
_LISTED_WORDS = 5  # name words read back from an address ...
_LISTED_CHARS = 160  # ... within so many characters (a long line of addresses is read in linear time)


def _listed_name(text: str, address: int) -> tuple[int, int] | None:
    """A name ending just before an address on its line, opening the line, a cell or a numbered row ("2
    Derek Holloway 25 Mill Lane, Millbrook (signed)"): the longest run of name words `_name_end` reads
    there, no organisation's ("Westmere District Council, 3 High Street")."""
    line_start = text.rfind("\n", max(0, address - _LISTED_CHARS), address) + 1
    window = max(line_start, address - _LISTED_CHARS)
    gap = next(_ROW_GAP.finditer(text[window:address])).start() + window  # (it matches "" at the end)
    best, pos = None, gap
    for _ in range(_LISTED_WORDS):
        word = re.search(r"[^\W\d_][\w'’\-.]*[ \t]*$", text[window:pos])
        if word is None:
            break
        pos = window + word.start()
        before = text[window:pos]
        opens = _ROW_MARK.search(before) or (window == line_start and not before.strip(" \t"))
        if opens and _name_end(text, pos) == gap:
            best = (pos, gap)
    return best


def _listed_names(text: str, addresses: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Names in a list of people with their addresses (a petition's signatories, attendees): a name before
    an address, where two rows or more are so written, or one row is numbered. spaCy missed half of a
    petition's 30 signatories in its run of rows ("3 Patricia Wood 2 Church Street, Millbrook (signed)")."""
    found = [hit for start, _ in sorted(set(addresses)) if (hit := _listed_name(text, start))]
    numbered = [(s, e) for s, e in found if re.search(r"\d[.)]?[ \t]*$", text[max(0, s - 8):s])]
    return found if len(found) >= 2 else numbered


_CAPITALISED_RUN = re.compile(r"[^\W\d_a-z](?:[^\W\d_]|['’\-])*\.?"
                              r"(?:[ \t]+[^\W\d_a-z](?:[^\W\d_]|['’\-])*\.?)*(?![\w'’\-])")
# a signatory table's column headers, never a name ("Name Street Signature", "Full name", "Postcode")
_LIST_HEADER = _words("Name Names Full First Last Surname Forename Print Printed Street Address Addresses "
                      "Town Postcode Post Code Signature Signatures Signed Sign Date Email No Number Ward "
                      "House")


def _signatory_names(text: str, addresses: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Every name in a petition's list of signatories (`petitions.signatory_list`), whatever its layout
    (rows "1 Aisha Begum 67 Ashgrove Road signed", or a table read column by column: "Name 33 Joy Ellison
    34 Karl Webster ..."): each run of capitalised words there that is no address nor a column header, of
    two words or more or opening a numbered row. spaCy missed 12 of a petition's 60 names in such runs."""
    for start, end in petitions.signatory_list(text):
        for m in _CAPITALISED_RUN.finditer(text, start, end):
            s, e = m.span()
            if any(a < e and s < b for a, b in addresses):
                continue
            words = list(re.finditer(r"\S+", m.group()))
            while words and words[0].group().rstrip(".") in _LIST_HEADER:
                words.pop(0)
            if not words or any(w.group().rstrip(".") in _ORG | _FIRM for w in words):
                continue  # (a body's name: "Organised by Ashgrove Residents Association")
            s = m.start() + words[0].start()
            numbered = re.search(r"(?<![\w.,/\-])\d{1,5}[.)]?[ \t]+$", text[max(start, s - 8):s])
            if len(words) >= 2 or numbered:
                yield s, e


def _merge(hits: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Overlapping hits become one span covering both, labelled with the wider hit's kind."""
    out: list[tuple[int, int, str]] = []
    rank = {k: i for i, k in enumerate(_PRIORITY)}  # which kind names a merged span when spans are equal
    for s, e, kind in sorted(hits, key=lambda h: (h[0], h[0] - h[1], rank.get(h[2], 9))):
        if out and s < out[-1][1]:
            ps, pe, pk = out[-1]
            out[-1] = (ps, max(pe, e), kind if e - s > pe - ps else pk)
        else:
            out.append((s, e, kind))
    return out


def _emails(text: str) -> Iterator[re.Match[str]]:
    """`_EMAIL.finditer(text)`, tried only at the first place in each run of local-part characters where it
    may start: a later start in the run ends its local part at the same places, so it fails where the
    first failed (each start read the whole run: quadratic in a long run such as "a'a'a'...")."""
    pos = 0
    while start := _EMAIL_START.search(text, pos):
        if m := _EMAIL.match(text, start.start()):
            yield m
            pos = m.end()
        else:
            run = _EMAIL_RUN.match(text, start.end())  # (always found: it may be empty)
            pos = run.end() if run else start.end()


def find_personal_data(text: str, *, keep: Iterable[str] = ()) -> list[PersonalData]:
    """Personal identifiers of individuals in `text`, merged, sorted by start; text in `keep` is spared."""
    hits = [(*m.span(), "email") for m in _emails(text)]
    hits += [(*m.span(), "url") for m in _URL.finditer(text)]
    hits += [(m.start(), e, "phone") for m in _PHONE.finditer(text)
             if (e := _phone_end(text, m.start(), m.end())) is not None]
    hits += [(*m.span(1), "phone") for m in _PHONE_CUE.finditer(text)]
    labels = _Labels(text)
    for m in _POSTCODE.finditer(text):
        out, inw = m.groups()
        if (out.isupper() and inw.isupper()) or (out.islower() and inw.islower()
                                                  and inw[1:] not in ("st", "nd", "rd", "th")):
            hits.append((*m.span(), "postcode"))
            hits += [(s, e, "address") for s, e in _address_around(text, m.start(), labels)]
    hits += [(*m.span(), "address") for rx in (_STREET_LINE, _WELSH_STREET_LINE) for m in rx.finditer(text)
             if _house_number(text, m)]
    hits += [(*m.span(1 if m.group(1) else 0), "id_number") for m in _ID.finditer(text)]
    hits += [(*m.span(1), "date_of_birth") for m in _DOB.finditer(text)]
    hits += [(*m.span(), "id_number") for m in _NHS_NUMBER.finditer(text)]
    hits += [(*m.span(), "address") for m in _BED.finditer(text)]
    hits += [(*m.span(m.lastindex or 0), "id_number") for m in _BANK.finditer(text)
             if m.lastindex != 3 or any(c.isdigit() for c in m.group(3)[4:])]
    names = list(_signature_names(text))
    addresses = [(s, e) for s, e, kind in hits if kind == "address"]
    names += _listed_names(text, addresses)
    names += _signatory_names(text, [(s, e) for s, e, kind in hits if kind in ("address", "postcode")])
    for s, e, kind in _field_values(text):
        (names.append((s, e)) if kind == "person" else hits.append((s, e, kind)))
    for rx, first in ((_CONTACT, False), (_SALUTATION, True)):
        names += [(m.end(), e) for m in rx.finditer(text)
                  if (e := _name_end(text, m.end(), first=first)) > m.end()]
    names += _kin_names(text)
    names += _speakers(text)
    names += [m.span() for m in _PARTICLE_NAME.finditer(text)
              if not ({w.strip("'’") for w in m.group().split()} & _NOT_NAME_WORD) and not _words_joined(m)]
    names += [(m.start(), e) for m in _TITLE.finditer(text)
              if (e := _name_end(text, m.start())) > m.start() and not _office_holder(text, m.start(), e)]
    common = set(re.findall(r"(?<![\w'’\-])[a-z][a-z'’\-]*", text))
    names += _model_names(text, common)
    names = [part for found in names if (part := _without_option(text, *found))]
    names += _name_repeats(text, [text[s:e] for s, e in names], common)
    hits += [(s, e, "person") for s, e in names]
    spared = [m.span() for k in keep if k.strip() for m in re.finditer(re.escape(k.strip()), text, re.I)]
    kept: list[tuple[int, int, str]] = []
    for s, e, kind in hits:
        for ks, ke in spared:
            if ks <= s and e <= ke:
                break
            if kind in ("person", "address") and s < ke and ks < e:  # trim to the part outside the kept name
                s, e = (ke, e) if ks <= s else (s, ks)
        else:
            s += len(text[s:e]) - len(text[s:e].lstrip(" \t,;"))
            e -= len(text[s:e]) - len(text[s:e].rstrip(" \t,;"))
            if e - s > 1 and not (kind == "person" and function_word(text[s:e], "cy")):  # ("Mae Glannau
                kept.append((s, e, kind))  # Glân Cymru": the kept body's name less it is Welsh "is")
    return [PersonalData(Span(s, e), kind, text[s:e]) for s, e, kind in _merge(kept)]


def _without_option(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A name's span less an option's name at either end ("Option A (16)" in a form's cell was redacted as
    a name, and its answer lost; "Jane Smith Option B" is "Jane Smith"); None when that is all it is."""
    found = _OPTION_NAMED.search(text, start, end)
    if found is None:
        return start, end
    before, after = text[start : found.start()].rstrip(" \t.,;:"), text[found.end() : end].strip(" \t.,;:")
    if before.strip():
        return start, start + len(before)
    if after:
        return end - len(after), end
    return None


def redact_span(text: str, found: Sequence[PersonalData], span: Span) -> str:
    """Redacted `text[span]` (offsets of `found` are in `text`); detections crossing its edges still go."""
    hits = _merge((max(p.span.start, span.start), min(p.span.end, span.end), p.kind) for p in found
                  if p.span.start < span.end and span.start < p.span.end)
    parts, pos = [], span.start
    for s, e, kind in hits:
        parts += [text[pos:s], TOKENS.get(kind, OTHER_TOKEN)]
        pos = e
    parts.append(text[pos:span.end])
    return "".join(parts)


def redact_spans(text: str, found: Sequence[PersonalData], spans: Sequence[Span]) -> list[str]:
    """`redact_span` for each of many spans of one text (a document's segments): the detections are sorted
    once and each span's found by bisection, not by reading them all again."""
    ordered = sorted(found, key=lambda p: p.span.start)
    starts = [p.span.start for p in ordered]
    reach = list(accumulate((p.span.end for p in ordered), max))  # the furthest end so far: non-decreasing
    return [redact_span(text, ordered[bisect_right(reach, span.start):bisect_left(starts, span.end)], span)
            for span in spans]


def redact(text: str, found: Sequence[PersonalData]) -> str:
    """`text` with every detection replaced by its token ("[EMAIL]", "[NAME]", ...)."""
    return redact_span(text, found, Span(0, len(text)))
