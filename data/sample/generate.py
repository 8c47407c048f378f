"""Generate the bundled sample consultation inbox, intake log and ground truth.

    .venv/bin/python data/sample/generate.py

Deterministic: one seeded RNG, fixed timestamps and document metadata, fixed zip dates. Writes
data/sample/inbox/, data/sample/received.csv and data/sample/expected.yaml. LibreOffice (soffice)
is needed only for the legacy .doc, qpdf only for the password-protected PDF.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import respondents as R  # noqa: E402
import templates as T  # noqa: E402
from writers import (  # noqa: E402
    NOMS_ADDR,
    add_tracked_changes,
    doc_bytes,
    docx_bytes,
    docx_document,
    docx_form,
    email_bytes,
    fixed_zip,
    odt_bytes,
    pdf_bytes,
    rtf_bytes,
    scan_bytes,
    to_text,
)

INBOX = HERE / "inbox"
LONDON = ZoneInfo("Europe/London")
CONS = yaml.safe_load((HERE / "consultation.yaml").read_text(encoding="utf-8"))
CODEBOOK = HERE.parents[1] / "models" / "codebooks" / "noms-third-sector.yaml"
THEME_ORDER = [t["id"] for t in yaml.safe_load(CODEBOOK.read_text(encoding="utf-8"))["themes"]]
QTEXT = {q["id"]: " ".join(q["text"].split()) for q in CONS["questions"]}
QNUM = {q["id"]: q["number"] for q in CONS["questions"]}
DEADLINE = dt.datetime.combine(CONS["closes"], dt.time(23, 59, 59), LONDON)
RE_LINE = "Re: Consultation on the role of the voluntary and community sector in offender services"
rng = random.Random(20260425)


def late(when: str) -> bool:
    t = dt.datetime.fromisoformat(when)
    return (t if t.tzinfo else t.replace(tzinfo=LONDON)) > DEADLINE


# ---------------------------------------------------------------- theme ground truth

# The codebook themes an analyst would code for a paragraph taking each position (children of
# models/codebooks/noms-third-sector.yaml; a child implies its parent). A theme is coded when the
# paragraph makes a point about it, not when a word for it turns up in a list or an illustration.
VARIANT_THEMES: dict[tuple[str, str], list[str]] = {
    ("Q1", "central"): ["role.core"],
    ("Q1", "complementary"): ["role.complementary"],
    ("Q1", "market"): ["role.open_market"],
    ("Q2", "full_cost_recovery"): ["funding.full_cost_recovery", "funding.contract_length"],
    ("Q2", "outcome_based"): ["funding.payment_by_results"],
    ("Q2", "mixed"): ["funding.full_cost_recovery", "funding.payment_by_results"],
    ("Q3", "small_lots"): ["contracts.small_lots", "contracts.barriers"],
    ("Q3", "large_contracts"): ["contracts", "contracts.subcontracting"],
    ("Q3", "mixed"): ["contracts", "contracts.small_lots"],
    ("Q4", "wary"): ["independence", "consortia.risks"],
    ("Q4", "supportive"): ["consortia.benefits"],
    ("Q4", "conditional"): ["independence", "contracts.subcontracting", "consortia"],
    ("Q5", "local"): ["commissioning.local"],
    ("Q5", "regional"): ["commissioning.regional"],
    ("Q5", "hybrid"): ["commissioning.local", "commissioning.regional"],
    ("Q6", "mentoring"): ["resettlement.mentoring"],
    ("Q6", "case_management"): ["resettlement.case_management"],
    ("Q6", "housing_first"): ["resettlement.housing"],
    ("Q7", "lead_role"): ["local_authorities"],
    ("Q7", "partner"): ["local_authorities", "resettlement.housing"],
    ("Q7", "limited"): ["local_authorities"],
    ("Q8", "quality_first"): ["quality_cost"],
    ("Q8", "value_for_money"): ["quality_cost"],
    ("Q8", "balanced"): ["quality_cost"],
    ("Q9", "critical"): ["consultation.process"],
    ("Q9", "positive"): ["consultation.process"],
    ("Q9", "mixed"): ["consultation.process", "consultation.timetable"],
    ("Q10", "women"): ["groups.women"],
    ("Q10", "volunteers"): ["volunteers"],
    ("Q10", "bme"): ["groups.bme"],
    ("Q10", "families"): ["groups.families"],
    ("Q10", "mental_health"): ["groups.mental_health"],
    ("Q10", "victims"): ["groups.victims"],
}
# Positions that clearly support or oppose the proposal (a greater role for the voluntary sector in
# contestable services); the others are about how, not whether, and have no stance.
VARIANT_STANCE: dict[tuple[str, str], str] = {
    ("Q1", "central"): "support",
    ("Q1", "complementary"): "oppose",
}
# Passages coded differently from their position's usual themes, by their opening words: templates
# that raise a further theme or leave one out, respondents' extra sentences, campaign paragraphs and
# literal form answers.
PASSAGE_THEMES: dict[str, list[str]] = {
    "I believe charities should have a much bigger role": ["role.core", "volunteers"],
    "We welcome the involvement of the voluntary sector, and": ["role.open_market", "consortia.benefits"],
    "The single most important change NOMS could make": ["funding.full_cost_recovery"],
    "We support a move towards payment linked to outcomes": ["funding.payment_by_results",
                                                             "funding.full_cost_recovery"],
    "We do not believe that a guarantee of full cost": ["funding.full_cost_recovery",
                                                        "funding.contract_length"],
    "Funding certainty matters at least as much": ["funding.full_cost_recovery", "funding.contract_length",
                                                   "funding.payment_by_results"],
    "Services should be commissioned as close as possible": ["commissioning.local", "local_authorities"],
    "We believe that commissioning at regional level would be": ["contracts", "commissioning.local"],
    "{org} is a small organisation": ["contracts.small_lots", "contracts.barriers", "consortia.risks"],
    "We suggest a tiered approach": ["contracts.small_lots", "contracts.subcontracting"],
    "There are sound reasons for letting larger contracts": ["contracts", "contracts.small_lots",
                                                             "contracts.subcontracting"],
    "Contract size should follow the nature": ["contracts"],
    "We see consortia as the most practical way": ["contracts", "independence", "consortia.benefits"],
    "I do not mind who provides the service": ["role.open_market", "consortia.benefits"],
    "The period immediately after release": ["volunteers", "resettlement.mentoring"],
    "Quality and cost need not be in conflict": ["funding.contract_length", "quality_cost"],
    "The timetable for implementation is very ambitious": ["consultation.timetable"],
    "Independent evaluation of the Gateway service": [],
    "Northshire's own experience of co-commissioning": ["commissioning.local", "local_authorities"],
    "We note that the consultation paper suggests savings": ["quality_cost"],
    "As my former colleague": [],
    "My son, Daniel Adeyemi, is due for release": ["resettlement.housing"],
    "I believe that services for offenders should be commissioned locally": ["contracts.small_lots",
                                                                             "commissioning.local"],
    "Charities must remain independent": ["independence", "consortia.risks"],
    "Charities should be paid the full cost": ["funding.full_cost_recovery", "funding.contract_length"],
    "Not enough people know about it": ["consultation.process"],
    "Smaller contracts please": ["contracts.small_lots"],
    "Thank you for the chance to comment": [],
}
# Sentences that are the only ones in their passage to make a point about a theme, by their opening
# words. vary() sometimes drops a passage's last sentence; the truth codes what was written, so a
# passage loses these themes when the sentence is not in its text. (Every passage's last sentence that
# is the sole carrier of one of its themes is listed, including those vary() never drops.)
SENTENCE_THEMES: dict[str, list[str]] = {
    "Funding should also reflect the full cost of delivery": ["funding.full_cost_recovery"],
    "Full cost recovery should not be guaranteed": ["funding.full_cost_recovery"],
    "We do not think that dividing services into very small lots": ["contracts.small_lots"],
    "Local commissioning, with the local authority and other partners": ["local_authorities"],
    "Volunteers who have themselves been through the system": ["volunteers"],
}
# (question id, stance or None for a fixed text, source text, the text written from it)
Source = tuple[str, str | None, str, str]


def passage_themes(text: str) -> list[str] | None:
    """PASSAGE_THEMES for a template or fixed text, or None when its position decides."""
    text = text.removeprefix("[charity]")
    found = [themes for start, themes in PASSAGE_THEMES.items() if text.startswith(start)]
    return found[0] if found else None


def coding(sources: list[Source]) -> tuple[list[str], str | None]:
    """(themes, stance) of text written from these sources; a stance only when the sources agree."""
    themes: set[str] = set()
    stances = set()
    for qid, stance, text, written in sources:
        fixed = passage_themes(text)
        coded = fixed if fixed is not None else VARIANT_THEMES[(qid, stance)] if stance else []
        dropped = [ts for start, ts in SENTENCE_THEMES.items() if start in text and start not in written]
        themes.update(t for t in coded if not any(t in ts for ts in dropped))
        if stance and (qid, stance) in VARIANT_STANCE:
            stances.add(VARIANT_STANCE[(qid, stance)])
    return [t for t in THEME_ORDER if t in themes], stances.pop() if len(stances) == 1 else None


def paragraph_truth(questions: list[str], text: str, sources: list[Source]) -> dict:
    """A paragraph of the ground truth: questions, opening, themes and stance (answers only), text."""
    entry: dict = {"questions": questions, "starts": text[:70]}
    if questions:
        entry["themes"], stance = coding(sources)
        if stance:
            entry["stance"] = stance
    entry["text"] = text
    return entry


def check_coding() -> None:
    """Every position has themes, every theme is in the codebook, every passage key opens one text,
    every sentence key opens a later sentence of one text and names themes that text is coded with."""
    positions = {(q, s) for lib in (T.ORG, T.IND) for q, by in lib.items() for s in by}
    assert positions <= set(VARIANT_THEMES), sorted(positions - set(VARIANT_THEMES))
    used = {t for ts in [*VARIANT_THEMES.values(), *PASSAGE_THEMES.values(), *SENTENCE_THEMES.values()]
            for t in ts}
    assert used <= set(THEME_ORDER), sorted(used - set(THEME_ORDER))
    texts = [t.removeprefix("[charity]") for lib in (T.ORG, T.IND) for by in lib.values()
             for ts in by.values() for t in ts]
    texts += [t for _, t in T.CAMPAIGN_PARAS]
    texts += [x for p in R.ORGS + R.PEOPLE for x in p.get("extra", {}).values()]
    texts += [s[1:] for *_, answers in R.FORM_ROWS + R.XLSX_ROWS for s in answers.values() if s[0] == "="]
    for start in PASSAGE_THEMES:
        assert sum(t.startswith(start) for t in texts) == 1, f"PASSAGE_THEMES key opens 0 or 2+: {start}"
    coded = [(t, passage_themes(t) if passage_themes(t) is not None else VARIANT_THEMES[(q, s)])
             for lib in (T.ORG, T.IND) for q, by in lib.items() for s, ts in by.items() for t in ts]
    for start, themes in SENTENCE_THEMES.items():
        hits = [(t, ts) for t, ts in coded if re.search(r"[.?]\s+" + re.escape(start), t)]
        assert len(hits) == 1 and set(themes) <= set(hits[0][1]), f"SENTENCE_THEMES key: {start}"


# ---------------------------------------------------------------- composing the text

def fill(template: str, ctx: dict) -> str:
    return template.removeprefix("[charity]").format(**ctx)


LEAD_INS = ["In our view, ", "Put simply, ", "In our experience, ", "Frankly, "]
MY_LEAD_INS = ["In my view, ", "Personally, ", "Honestly, "]


def eligible(p: dict, qid: str, stance: str, person: bool, ctx: dict) -> list[str]:
    """Variants for (question, stance) whose placeholders the profile fills and whose audience fits."""
    options = (T.IND if person else T.ORG)[qid][stance]
    picks = dict(x.split(":") for x in p.get("pick", "").split())
    if qid in picks:
        return [options[int(picks[qid])]]
    return [t for t in options if set(re.findall(r"{(\w+)}", t)) <= set(ctx)
            and (not t.startswith("[charity]") or p.get("type") == "charity" or p.get("joint"))]


def vary(text: str, org: str, person: bool = False) -> str:
    """Drop the last sentence now and then, and sometimes add a lead-in, so shared templates differ."""
    sentences = re.split(r"(?<=[.?])\s+(?=[A-Z])", text)
    # The truth follows the sentences kept (SENTENCE_THEMES); this check only keeps the published inbox.
    key = re.search(r"full cost|independence", sentences[-1], re.I)
    if len(sentences) >= 4 and rng.random() < 0.35 and not person and not key:
        del sentences[-1]
    first = sentences[0]
    personal = first.split()[0] in ("I", "We", "Our", "NOMS") or first.startswith(org)
    if rng.random() < 0.3 and not personal:
        sentences[0] = rng.choice(MY_LEAD_INS if person else LEAD_INS) + first[0].lower() + first[1:]
    return " ".join(sentences)


def choose(p: dict, qid: str, stance: str, person: bool, ctx: dict) -> tuple[str, str]:
    """One paragraph for (question, stance): a random eligible variant, varied for organisations.

    Returns the text and the template it came from (the template decides the theme ground truth).
    """
    template = rng.choice(eligible(p, qid, stance, person, ctx))
    return vary(fill(template, ctx), ctx.get("org", ""), person), template


def answers_for(p: dict, person: bool) -> tuple[list[tuple[list[str], str, dict]], list[list[Source]]]:
    """Parse 'Q1=central Q3=small_lots+Q4=wary' into (question ids, text, stances) per paragraph.

    Also returns, per paragraph, the sources it was written from, for the theme ground truth.
    """
    ctx = {k: f"{v:,}" if isinstance(v, int) and v > 9999 else v for k, v in p.get("ctx", {}).items()}
    ctx["org"] = p.get("org", "")
    out, sources = [], []
    for group in p["stances"].split():
        pairs = [item.split("=") for item in group.split("+")]
        texts, used = [], []
        for qid, stance in pairs:
            text, template = choose(p, qid, stance, person, ctx)
            texts.append(text)
            used.append((qid, stance, template, text))
            if qid in p.get("extra", {}):
                texts.append(p["extra"][qid])
                used.append((qid, None, p["extra"][qid], p["extra"][qid]))
        out.append(([q for q, _ in pairs], " ".join(texts), {q: s for q, s in pairs}))
        sources.append(used)
        if p.get("long") and len(pairs) == 1:  # a second paragraph from another variant
            qid, stance = pairs[0]
            others = [t for t in eligible(p, qid, stance, person, ctx) if fill(t, ctx)[20:60] not in texts[0]]
            if others:
                text = vary(fill(others[0], ctx), ctx["org"])
                out.append(([qid], text, {}))
                sources.append([(qid, stance, others[0], text)])
    return out, sources


def compose(p: dict) -> dict:
    """Build a document model: blocks (kind, text, question ids) plus ground truth."""
    person = p.get("type", "individual") == "individual"
    answers, sources = answers_for(p, person)
    pii: dict[str, list] = {"names": [p["name"]], "emails": [], "phones": [], "postcodes": [],
                            "addresses": []}
    orgc: dict[str, list] = {"addresses": [], "phones": [], "postcodes": []}
    contact = p.get("contact", {})
    if person:
        pii["emails"].append(p["email"])
        pii["phones"].append(p["phone"])
        pii["postcodes"].append(p["address"][-1])
        pii["addresses"].append(", ".join(p["address"]))
        pii["names"] += p.get("third_party", [])
        about = T.IND_OPENERS[p["background"]].format(**p["ctx"])
        closing = (f"I can be contacted on {p['phone']} or by e-mail at {p['email']} if you need any "
                   "further information.")
    else:
        about = p["about"]
        pii["emails"] += [contact["email"]] if "email" in contact else []
        pii["phones"] += [contact["phone"]] if "phone" in contact else []
        pii["names"] += [n for n, _ in p.get("signatories", [])[1:]]
        for line in p.get("letterhead", [])[1:] + ([contact["address"]] if "address" in contact else []):
            if m := re.search(r"\b[A-Z]{2}\d{1,2} \d[A-Z]{2}\b", line):
                orgc["addresses"].append(line)
                orgc["postcodes"].append(m.group())
            if m := re.search(r"0\d{2,4} \d{3,4} \d{3,4}", line):
                orgc["phones"].append(m.group())
        closing = ""
        if "email" in contact:
            phone = f" or on {contact['phone']}" if "phone" in contact else ""
            closing = (f"If you would like to discuss any aspect of this response, please contact "
                       f"{p['name']} at {contact['email']}{phone}.")
    blocks = letter_blocks(p, about, answers, closing, person) if p["shape"] == "letter" else \
        structured_blocks(p, about, answers, closing)
    if p.get("smart"):
        blocks = [(k, t.replace("'", "\u2019"), q) for k, t, q in blocks]
        answers = [(q, t.replace("'", "\u2019"), s) for q, t, s in answers]
        about, closing = about.replace("'", "\u2019"), closing.replace("'", "\u2019")
    paras = [([], about, [])] + [(q, t, src) for (q, t, _), src in zip(answers, sources, strict=True)]
    paras += [([], closing, [])] if closing else []
    truth = {
        "respondent": {"name": p["name"], "organisation": p.get("org"), "type": p.get("type", "individual")},
        "shape": p["shape"],
        "questions": sorted({q for q, _, _ in answers for q in q}, key=QNUM.get),
        "stances": {q: s for _, _, st in answers for q, s in st.items()},
        "paragraphs": [paragraph_truth(q, t, src) for q, t, src in paras],
        "personal_data": pii,
    }
    if p.get("joint"):
        truth["respondent"]["joint_with"] = p["joint"][1:]
    if not person:
        truth["respondent"]["role"] = p["role"]
        if any(orgc.values()):
            truth["organisation_contact"] = orgc
    return {"blocks": blocks, "answers": answers, "truth": truth, "about": about}


def signature(p: dict, person: bool) -> list:
    if p.get("signatories"):
        return [("line", "Signed on behalf of the organisations named above:", None)] + [
            ("line", f"{n}, {o}", None) for n, o in p["signatories"]]
    lines = [("line", p["name"], None)]
    if not person:
        lines += [("line", p["role"], None), ("line", f"on behalf of {p['org']}", None)]
    return lines


def letter_blocks(p, about, answers, closing, person) -> list:
    b = [("line", x, None) for x in (p["address"] if person else p.get("letterhead", [p["org"]]))]
    salutation = rng.choice(["Dear Sir or Madam,", "Dear Sir/Madam,", "Dear Consultation Team,"])
    b += [("blank", "", None), ("line", p["date"], None), ("blank", "", None), ("line", salutation, None),
          ("blank", "", None), ("line", RE_LINE, None), ("blank", "", None), ("para", about, [])]
    b += [("para", t, q) for q, t, _ in answers]
    if closing:
        b.append(("para", closing, []))
    close = "Yours faithfully," if "Sir" in salutation else "Yours sincerely,"
    return [*b, ("line", close, None), ("blank", "", None), *signature(p, person)]


def structured_blocks(p, about, answers, closing) -> list:
    shape = p["shape"]
    title = rng.choice([f"{p['org']}: response to the NOMS consultation",
                        "Response to the National Offender Management Service consultation",
                        "Working with the Third Sector to Reduce Re-offending: consultation response"])
    b = [("title", title, None), ("line", f"Submitted by {p['org']}", None),
         ("line", f"Date: {p['date']}", None)]
    if shape == "question":
        b.append(("heading", "Introduction", None))
    b.append(("para", about, []))
    previous: list = []
    for qids, text, _ in answers:
        q = qids[0]
        n = QNUM[q]
        if qids == previous:  # a further paragraph of the same answer
            b.append(("para", text, qids))
        elif shape == "question":
            b += [("heading", f"Question {n}", qids), ("para", text, qids)]
        elif shape == "quoted":
            b += [("heading", f"{n}. {QTEXT[q]}", qids), ("para", text, qids)]
        elif shape == "quoted_plain":
            b += [("heading", QTEXT[q], qids), ("para", text, qids)]
        elif shape == "q_colon":
            b.append(("para", f"Q{n}: {text}", qids))
        else:
            b.append(("para", f"{n}. {text}", qids))
        previous = qids
    if closing:
        b.append(("para", closing, []))
    return [*b, ("blank", "", None), *signature(p, False)]


# ---------------------------------------------------------------- the inbox

FILES: dict[str, bytes] = {}
TRUTH: dict[str, dict] = {}
RECEIVED: dict[str, str] = {}
SUBTYPES = {"docx": "vnd.openxmlformats-officedocument.wordprocessingml.document", "pdf": "pdf"}


def committed(name: str) -> bytes | None:
    """The inbox's file as committed, for a file whose tool (LibreOffice, qpdf) is not installed here: the
    generator is deterministic, so it is what the tool would write again."""
    path = INBOX / name
    return path.read_bytes() if path.is_file() else None


def put(name: str, data: bytes, truth: dict, received: str | None = None) -> None:
    FILES[name] = data
    TRUTH[name] = truth
    if received:
        RECEIVED[name] = received
        truth.update(received=received, late=late(received))


def respond(p: dict) -> None:
    w = p["writer"]
    p["smart"] = w.startswith(("docx", "doc")) or p.get("encoding") == "cp1252" or p.get("attach") == "docx"
    doc = compose(p)
    blocks, truth = doc["blocks"], {"status": "ok", **doc["truth"]}
    name = p["file"]
    if w == "pdf":
        truth.update(format="pdf", running_header=p["shape"] != "letter", hyphenated=bool(p.get("hyphenate")))
        data = pdf_bytes(blocks, p, running=p["shape"] != "letter")
    elif w == "scan":
        truth.update(format="pdf", text_layer=False, needs_ocr=True)
        data = scan_bytes(blocks, p, rng)
    elif w in ("docx", "docx_tracked", "doc"):
        d = docx_document(blocks, p)
        if w == "docx_tracked":
            truth["tracked_changes"] = add_tracked_changes(d, doc["answers"])
        data = docx_bytes(d, p)
        truth.update(format="docx", header_footer=bool(p.get("header")))
        if w == "doc":
            data = doc_bytes(data) or committed(name)
            if data is None:
                return
            truth["format"] = "doc"
    elif w == "docx_form":
        data = docx_bytes(docx_form(doc["answers"], p, CONS["title"], CONS["questions"]), p)
        truth.update(format="docx", layout="question/answer table",
                     unanswered=[q for q in QTEXT if q not in truth["questions"]])
        truth["paragraphs"] = [x for x in truth["paragraphs"] if x["questions"]]
    elif w == "odt":
        truth["format"] = "odt"
        data = odt_bytes(blocks, p)
    elif w == "rtf":
        truth["format"] = "rtf"
        data = rtf_bytes(blocks, p)
    elif w == "txt":
        enc = p["encoding"]
        text = to_text(blocks, p.get("wrap"))
        truth.update(format="txt", encoding=enc, hard_wrapped=bool(p.get("wrap")))
        data = (text.replace("\n", "\r\n") if enc == "cp1252" else text).encode(enc)
    else:
        return respond_email(p, doc, truth)
    put(name, data, truth, p["received"])
    if p.get("duplicate_as"):
        put(p["duplicate_as"], data, {"status": "ok", "format": truth["format"], "duplicate_of": name,
                                      "respondent": truth["respondent"]}, p["duplicate_received"])


def respond_email(p: dict, doc: dict, truth: dict) -> None:
    w, blocks = p["writer"], doc["blocks"]
    addr = p.get("email") or p["contact"]["email"]
    frm = f"{p['name']} <{addr}>"
    truth.update(format="eml", sent=p["sent"], late=late(p["sent"]), response_in="body")
    if addr not in truth["personal_data"]["emails"]:
        truth["personal_data"]["emails"].append(addr)
    if w == "eml_body":
        body = to_text(blocks)
        data = email_bytes(rng, frm, rng.choice(["Consultation response", "NOMS consultation - our response",
                                            "Response to consultation"]), p["sent"], body)
    elif w == "eml_reply":
        orig = ("-----Original Message-----\nFrom: " + NOMS_ADDR + "\nSent: 03 February 2026 10:02\n"
                "Subject: NOMS consultation\n\nDear colleague,\n\nThe National Offender Management Service "
                "has today published a consultation on the role of the voluntary and community sector "
                "in probation and prison services. The consultation closes on 25 April 2026.\n\nNOMS "
                "Third Sector Team\n")
        body = to_text(blocks) + "\n\n" + orig
        html = "<html><body>" + "".join(f"<p>{line}</p>" for line in body.split("\n\n")) + "</body></html>"
        truth["quoted_text_starts"] = "-----Original Message-----"
        data = email_bytes(rng, frm, "RE: NOMS consultation", p["sent"], body, html=html,
                           extra={"In-Reply-To": "<20260203100200.1@noms.example.gov.uk>"})
    else:
        kind = p["attach"]
        inner = pdf_bytes(blocks, p) if kind == "pdf" else docx_bytes(docx_document(blocks, p), p)
        note = (f"Dear Sir or Madam,\n\nPlease find attached the response of {p['org']} to the consultation "
                f"on the role of the voluntary and community sector in offender services.\n\nRegards\n\n"
                f"{p['name']}\n{p['role']}\n{p['org']}\nTel: {p['contact']['phone']}\n")
        subject = "Consultation response"
        if p["file"].startswith("FW_"):
            fwd = "Sarah Wild <sarah.wild@northshire.police.example.uk>"
            note = ("Forwarded on behalf of Ch Supt Garner, who is away from the office.\n\nSarah Wild\n"
                    "PA to the Head of Criminal Justice\n\n---------- Forwarded message ---------\n"
                    f"From: {frm}\nSubject: Response to NOMS consultation\n\n" + note)
            frm, subject = fwd, "FW: Response to NOMS consultation"
            truth["personal_data"]["names"].append("Sarah Wild")
            truth["personal_data"]["emails"].append("sarah.wild@northshire.police.example.uk")
        truth.update(response_in="attachment", attachment=p["attachment"], attachment_format=kind)
        attachment = (p["attachment"], inner, SUBTYPES[kind])
        data = email_bytes(rng, frm, subject, p["sent"], note, attach=attachment)
    put(p["file"], data, truth)


def campaign() -> None:
    for i, (name, person, town, postcode, email, when) in enumerate(R.CAMPAIGNERS):
        paras = [list(x) for x in T.CAMPAIGN_PARAS]
        if rng.random() < 0.35:
            del paras[3]  # drop the funding paragraph
        if i % 3 == 1:
            paras[0][1] += " " + T.CAMPAIGN_EXTRAS[i // 3]
        close = rng.choice(T.CAMPAIGN_CLOSES)
        place = f"{town} {postcode}" if postcode else town
        sign = f"{close}\n{person}\n{place}"
        text = "\n\n".join([T.CAMPAIGN_SALUTATIONS[i % 3], *[t for _, t in paras], sign])
        pii = {"names": [person], "emails": [email] if email else [], "phones": [],
               "postcodes": [postcode] if postcode else [], "addresses": []}
        truth = {"status": "ok", "campaign": T.CAMPAIGN_ID,
                 "respondent": {"name": person, "organisation": None, "type": "individual"},
                 "questions": sorted({q for qs, _ in paras for q in qs}, key=QNUM.get),
                 "paragraphs": [paragraph_truth(qs, t, [(q, None, t, t) for q in qs[:1]]) for qs, t in paras],
                 "personal_data": pii}
        if name.endswith(".eml"):
            truth.update(format="eml", sent=when, late=late(when), response_in="body")
            put(name, email_bytes(rng, f"{person} <{email}>", "Keep Justice Local", when, text + "\n"), truth)
        else:
            truth.update(format="txt", encoding="utf-8")
            put(name, (text + "\n").encode("utf-8"), truth, when)


def form_answer(row_type: str, qid: str, spec: str, ctx: dict) -> tuple[str, list[Source]]:
    """A form cell for (question, stance), or the literal after '=', with the sources it came from."""
    if spec.startswith("="):
        return spec[1:], [(qid, None, spec[1:], spec[1:])]
    person = row_type == "individual"
    options = eligible({"type": row_type}, qid, spec, person, ctx)
    rng.shuffle(options)
    keep = 2 if not person and len(options) > 1 and rng.random() < 0.4 else 1
    texts = [vary(fill(t, ctx), ctx.get("org", ""), person) for t in options[:keep]]
    return "\n\n".join(texts), [(qid, spec, t, text) for t, text in zip(options[:keep], texts, strict=True)]


def form_rows(rows) -> tuple[list[list], list[dict]]:
    table, truth = [], []
    for rid, stamp, name, email, org, rtype, answers in rows:
        ctx = {"area": "ours"} if rtype == "individual" else \
            {"org": org, "area": "our area", "region": "the region", "client": "offenders",
                                    "prison": "the local prison"}
        cells = {q: form_answer(rtype, q, s, ctx) for q, s in answers.items()}
        texts = {q: text for q, (text, _) in cells.items()}
        table.append([rid, stamp, name, email, org, R.FORM_TYPES[rtype]] + [texts.get(q, "") for q in QTEXT])
        coded = {q: coding(src) for q, (_, src) in sorted(cells.items(), key=lambda kv: QNUM[kv[0]])}
        row = {"response_id": rid, "timestamp": stamp, "late": late(stamp),
               "respondent": {"name": name, "organisation": org or None, "type": rtype},
               "questions": sorted(answers, key=QNUM.get),
               "stances": {q: s for q, s in answers.items() if not s.startswith("=")},
               "themes": {q: themes for q, (themes, _) in coded.items()},
               "stance": {q: stance for q, (_, stance) in coded.items() if stance},
               "personal_data": {"names": [name], "emails": [email]}}
        truth.append({k: v for k, v in row.items() if k != "stance" or v})
    return table, truth


def forms() -> None:
    header = ["Response ID", "Timestamp", "Name", "Email", "Organisation", "Respondent type"]
    header += [k for k, v in sorted(CONS["form_columns"].items(), key=lambda kv: QNUM[kv[1]])]
    table, truth = form_rows(R.FORM_ROWS)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows([header, *table])
    note = "Each row carries its own Timestamp (Europe/London); lateness is per row."
    put("online_form_export.csv", buf.getvalue().encode("utf-8"),
        {"status": "ok", "format": "csv", "rows": truth, "note": note}, "2026-04-30T09:00:00+01:00")
    del TRUTH["online_form_export.csv"]["late"]

    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Responses"
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    table, truth = form_rows(R.XLSX_ROWS)
    for row in table:
        row[1] = dt.datetime.fromisoformat(row[1])
        ws.append(row)
        ws.cell(ws.max_row, 2).number_format = "dd/mm/yyyy hh:mm:ss"
    wb.properties.creator = "Online consultation hub"
    wb.properties.created = dt.datetime(2026, 4, 30, 9, 0)
    buf = io.BytesIO()
    wb.save(buf)
    put("form_responses_batch2.xlsx", fixed_zip(buf.getvalue(), "2026-04-30T09:05:00Z"),
        {"status": "ok", "format": "xlsx", "rows": truth, "note": note}, "2026-04-30T09:05:00+01:00")
    del TRUTH["form_responses_batch2.xlsx"]["late"]


def broken() -> None:
    def bad(name: str, data: bytes, code: str, when: str, why: str, **more) -> None:
        fmt = name.rsplit(".", 1)[1]
        put(name, data, {"format": fmt, "status": "quarantined", "quarantine_code": code, "respondent": None,
                         "note": why, **more}, when)

    def quick(org: str, stances: str) -> bytes:
        p = dict(name="Ruth Ogden", role="Chief Executive", org=org, type="charity", shape="question",
                 about=f"{org} is a charity working with offenders in Northshire.", stances=stances,
                 date="24 April 2026", ctx=dict(area="Northshire", region="the North East",
                                                client="offenders", service="project",
                                                prison="HMP Greystone", n=90))
        return pdf_bytes(compose(p)["blocks"], p)

    bad("Response_final.docx", b"", "empty", "2026-04-24T21:40:00+01:00", "zero-byte attachment")
    full = quick("Meadowbank Community Trust", "Q1=central Q2=full_cost_recovery Q3=small_lots Q4=wary "
                    "Q5=local Q6=mentoring Q7=partner Q8=quality_first Q9=critical Q10=families")
    bad("Meadowbank_Community_Trust_response.pdf", full[: len(full) * 2 // 5], "truncated",
        "2026-04-23T14:00:00+01:00", "first 40% of a valid multi-page PDF (interrupted upload)")
    html = ("<!DOCTYPE html>\n<html lang=\"en\"><head><title>Session expired</title></head><body>\n<h1>"
            "Sorry, your session has expired</h1>\n<p>The document you requested could not be downloaded. "
            "Please sign in again.</p>\n</body></html>\n")
    bad("Submission_2291.pdf", html.encode(), "wrong_extension", "2026-04-18T09:00:00+01:00",
        "an HTML error page saved under a .pdf name", actual_format="html")
    plain = quick("Ashdown Care", "Q1=central Q3=small_lots Q8=quality_first")
    locked = "Confidential - Ashdown Care response.pdf"
    if shutil.which("qpdf"):
        with tempfile.TemporaryDirectory() as tmp:
            Path(tmp, "in.pdf").write_bytes(plain)
            # AES-128 with static ID/IV is reproducible; AES-256 (R6) always uses random salts.
            subprocess.run(["qpdf", "--static-id", "--static-aes-iv", "--encrypt", "ashdown", "ashdown-owner",
                            "128", "--use-aes=y", "--", f"{tmp}/in.pdf", f"{tmp}/out.pdf"], check=True)
            encrypted = Path(tmp, "out.pdf").read_bytes()
    else:
        print("qpdf not found: keeping the committed password-protected PDF", file=sys.stderr)
        encrypted = committed(locked)
    if encrypted:
        bad(locked, encrypted, "encrypted", "2026-04-22T11:30:00+01:00",
            "PDF encrypted with a user password ('ashdown'; AES-128)",
            respondent_if_decrypted={"organisation": "Ashdown Care", "type": "charity"})
    from PIL import Image

    gif = io.BytesIO()
    Image.new("P", (40, 12), 1).save(gif, "GIF")
    bad("signature.gif", gif.getvalue(), "not_a_response", "2026-04-19T15:00:00+01:00",
        "a 40 x 12 GIF image (an e-mail signature)")


def archive() -> None:
    """A zip as a mail system or a forwarding network sends it: a folder, the response, a macOS fork."""
    p = R.ZIPPED
    doc = compose(p)
    member = f"Responses/{p['file']}"
    data = docx_bytes(docx_document(doc["blocks"], p), p)
    stamp = (2026, 4, 15, 9, 0, 0)
    zbuf = io.BytesIO()
    with zipfile.ZipFile(zbuf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("Responses/", stamp), b"")
        z.writestr(zipfile.ZipInfo(member, stamp), data)
        z.writestr(zipfile.ZipInfo(f"__MACOSX/Responses/._{p['file']}", stamp), b"\x00\x05\x16\x07\x00\x02")
    name = "responses_batch.zip"
    put(name, zbuf.getvalue(), {"format": "zip", "status": "ok", "respondent": None, "archive_of": [member],
                                "note": "a zip archive: a folder holding one response, and a macOS fork"},
        p["received"])
    TRUTH[name]["late"] = None  # (an archive is no response: its files are)
    TRUTH[f"{name}#{member}"] = {"status": "ok", **doc["truth"], "format": "docx", "header_footer": False,
                                 "received": p["received"], "late": late(p["received"])}


def summary() -> dict:
    rows = [(n, r) for n, t in TRUTH.items() for r in t.get("rows", [])]
    ok = [n for n, t in TRUTH.items()
          if t["status"] == "ok" and not {"rows", "duplicate_of", "archive_of"} & set(t)]
    return {
        "files": len(FILES),
        "submissions": len(ok) + len(rows),
        "submissions_in_files": len(ok),
        "form_rows": len(rows),
        "quarantined": sorted(n for n, t in TRUTH.items() if t["status"] == "quarantined"),
        "duplicates": {n: t["duplicate_of"] for n, t in sorted(TRUTH.items()) if "duplicate_of" in t},
        "campaign_letters": {T.CAMPAIGN_ID: sorted(n for n, t in TRUTH.items() if t.get("campaign"))},
        "late_files": sorted(n for n, t in TRUTH.items() if t.get("late") and t["status"] == "ok"
                             and "rows" not in t),
        "late_rows": [f"{n}#{r['response_id']}" for n, r in rows if r["late"]],
    }


KEY_ORDER = ["format", "status", "quarantine_code", "duplicate_of", "archive_of", "campaign", "respondent",
             "received", "sent", "late", "shape", "questions", "stances", "themes", "stance", "paragraphs",
             "personal_data"]


def ordered(entry: dict) -> dict:
    return {k: entry[k] for k in sorted(entry, key=lambda k: KEY_ORDER.index(k) if k in KEY_ORDER else 99)}


class TruthDumper(yaml.SafeDumper):
    """No anchors/aliases; short lists of strings in flow style."""

    def ignore_aliases(self, data) -> bool:
        return True


def _list(dumper: yaml.SafeDumper, data: list):
    flow = all(isinstance(x, str) for x in data) and sum(len(x) + 2 for x in data) < 80
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


TruthDumper.add_representer(list, _list)


def main() -> None:
    check_coding()
    for p in R.ORGS + R.PEOPLE:
        respond(p)
    campaign()
    forms()
    broken()
    archive()
    shutil.rmtree(INBOX, ignore_errors=True)
    INBOX.mkdir()
    for name, data in FILES.items():
        (INBOX / name).write_bytes(data)
    with open(HERE / "received.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["file", "received"])
        w.writerows(sorted(RECEIVED.items(), key=lambda kv: (kv[1], kv[0])))
    expected = {
        "consultation": "consultation.yaml",
        "deadline": DEADLINE.isoformat(),
        "late_rule": "late if received or sent after 23:59 Europe/London on the closing date",
        "summary": summary(),
        "files": {name: ordered(TRUTH[name]) for name in sorted(TRUTH)},
    }
    with open(HERE / "expected.yaml", "w", encoding="utf-8") as f:
        f.write("# Ground truth for data/sample/inbox, written by generate.py. Do not edit by hand.\n")
        yaml.dump(expected, f, Dumper=TruthDumper, sort_keys=False, allow_unicode=True, width=100)
    size = sum(len(d) for d in FILES.values())
    print(f"wrote {len(FILES)} files ({size / 1e6:.2f} MB) to {INBOX}")


if __name__ == "__main__":
    main()
