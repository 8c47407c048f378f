"""The pipeline's stages as plain functions over the store: the Prefect flow's tasks and the CLI call
these same functions, so a run behaves the same whichever way it is started."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from respmine.config import Settings
from respmine.consultation import Consultation
from respmine.ingest.inbox import Progress, ingest_inbox
from respmine.report.intake import summary_markdown, write_intake
from respmine.store import Store
from respmine.store import structure as structure_store
from respmine.store.views import SegmentView, publication_decisions, read_respondents, read_segments

if TYPE_CHECKING:
    from respmine.themes.codebook import Codebook
    from respmine.themes.stage import SegmentInput
    from respmine.topics.embed import Embedder


def ingest_stage(
    inbox: Path, consultation: Consultation | None, settings: Settings, progress: Progress | None = None
) -> dict[str, Any]:
    store = Store(settings.store_url)
    return ingest_inbox(
        inbox, store, consultation, workers=settings.workers, limits=settings.limits, ocr=settings.ocr,
        progress=progress,
    ).as_dict()


def structure_stage(consultation: Consultation | None, settings: Settings) -> dict[str, Any]:
    """Respondents, redaction, per-question segments and campaigns over every processed submission;
    documents structured by an earlier run with the same rules keep their respondent and personal data."""
    from respmine.store import themes as themes_store
    from respmine.structure import corrections
    from respmine.structure.respondent_types import DEFAULT_TYPES
    from respmine.structure.stage import Segmented, structure

    store = Store(settings.store_url)
    earlier = structure_store.known_segmentation(store)
    documents = structure_store.processed_documents(store)
    result = structure(
        documents,
        consultation.questions if consultation else [],
        run_embedder(store, settings),
        known=structure_store.known_structure(store),
        segmented=Segmented(*earlier) if earlier else None,
        features=structure_store.campaign_features(store),
        title=consultation.title if consultation else "",
        corrected=(corrected := corrections.latest(themes_store.decisions(store))),
        types=consultation.respondent_type_list() if consultation else DEFAULT_TYPES,
        department=(consultation.department or "") if consultation else "",
        document=consultation.document_text() if consultation else "",
    )
    carried = structure_store.replace_structure(
        store, result.respondents, result.segments, result.personal, result.campaigns, result.stamps,
        result.calibration, result.rewritten, corrected,
    )
    structure_store.update_campaign_features(store, result.features, result.features_stale)
    source = {d.sha256: d.source for d, _ in documents}
    decided = publication_decisions(store)
    return {
        "respondents": len(result.respondents),
        "respondents_reused": result.reused,
        "documents_segmented": result.segmented,
        "segments": len(result.segments),
        "campaigns": [{"id": c.id, "size": len(c.members)} for c in result.campaigns],
        "redacted": sum(len(v) for v in result.personal.values()),
        "languages": dict(Counter(result.languages.values()).most_common()),  # texts per guessed language
        "empty": result.empty,  # responses read but with no text (an online-form row left blank)
        # respondents asking not to be published, or only anonymously (`structure.confidentiality`), in
        # their words or as analysts set it (what the reports follow: `store.views.read_respondents`)
        "publication": [{"file": source[r.submission], "asked": r.publication, "words": r.publication_asked,
                         **({"analyst": decided[r.submission]} if r.submission in decided else {})}
                        for r in result.respondents if (r.publication or r.submission in decided)
                        and r.submission in source],
        "decisions_carried": carried,  # analysts' decisions that followed a paragraph to its new segment
        "decisions_left": structure_store.orphaned_decisions(store),  # ... and those on no segment now
    }


def corrections_pending(settings: Settings) -> int:
    """Responses whose respondent an analyst corrected since they were last structured (the late flow
    runs for them: the text is redacted by the correction only then)."""
    return structure_store.pending_corrections(Store(settings.store_url))


def senders(settings: Settings, consultation: Consultation | None,
            added: Sequence[dict[str, Any]]) -> list[str]:
    """Who each file a run read is from, as outputs may say it (an organisation's name and type,
    "Individual respondent", never a person's name; "12 responses" for a form export or an archive; a
    campaign's letter or an identical copy as counted, with the others): the
    late flow lists them, so whoever runs it checks the new respondents on the review app's Respondents
    page (a late letter signed by a charity's chief executive had been typed an individual, unseen)."""
    from respmine.report.tables import display_name, named_from
    from respmine.store.structure import campaigns
    from respmine.store.views import read_submissions, respondent_keys
    from respmine.structure.respondent_types import DEFAULT_TYPES

    store = Store(settings.store_url)
    people = read_respondents(store)
    types = consultation.respondent_type_list() if consultation else DEFAULT_TYPES
    groups = {f"campaign:{c.id}": c for c in campaigns(store)}
    # who a file's submissions count as, as every output counts them (`respondent_keys`): an e-mail that also
    # attaches a response of its own is its sender's, though a copy of a campaign letter is attached to it
    keys = respondent_keys(read_submissions(store), list(groups.values()),
                           [s for f in added for s in f.get("submissions", ())])
    out = []
    for file in added:
        if file.get("responses", 0) > 1:
            out.append(f"{file['responses']} responses")
            continue
        counted = {keys[s] for s in file.get("submissions", ()) if s in keys and s in people}  # (not a zip)
        group = groups.get(next(iter(counted))) if len(counted) == 1 else None
        if group is not None:  # counted with the others, as the outputs count it
            out.append(f"Identical copy of a response ({group.size} copies)" if group.id.startswith(
                "duplicate-") else f"Campaign letter (a campaign of {group.size} letters now)")
            continue
        who = named_from(people[s] for s in file.get("submissions", ()) if s in people)
        if who is None:  # (quarantined: nothing read)
            out.append("")
            continue
        kind = f" ({types.name(who.respondent_type, 1)})" if who.kind == "organisation" else ""
        out.append(display_name(who) + kind)
    return out


def outputs_behind(settings: Settings) -> bool:
    """The work directory's outputs do not show the store's latest data: a run that stored new files (or
    dated them, or an analyst's decision since) stopped before writing them. The late flow then writes
    them though nothing new arrived: "run the same command again to resume" must resume."""
    from respmine.report.outputs import EPOCH, SNAPSHOT, data_time

    latest = data_time(Store(settings.store_url))
    if latest == EPOCH:  # nothing was ever stored
        return False
    try:
        snapshot = json.loads((settings.work_dir / SNAPSHOT).read_text(encoding="utf-8"))
        written = snapshot["current"]["data_time"]
    except (OSError, ValueError, KeyError, TypeError):
        return True  # (no outputs yet, or not readable as ours)
    return bool(written != latest.isoformat())


def run_embedder(store: Store, settings: Settings) -> Embedder:
    """The bundled sentence model behind the store's embedding cache, shared by every stage: a text
    (paragraph, segment, theme description) is embedded once across stages and runs. With a Dask
    scheduler configured, the texts the cache does not know are embedded on that cluster's workers (same
    model and name: the cache is shared with local runs)."""
    from respmine.store.topics import store_cached

    return store_cached(model_embedder(settings), store)


def model_embedder(settings: Settings) -> Embedder:
    """The sentence model, in this process or, with a Dask scheduler configured, on its workers."""
    if settings.dask_address:
        from respmine.topics.embed_dask import dask_embedder

        return dask_embedder(settings.dask_address)
    from respmine.topics.embed import default_embedder

    return default_embedder()


def load_run_codebook(consultation: Consultation | None) -> Codebook:
    """The codebook the consultation names, else none (`no_codebook`: topics only); analysts' codebook
    edits are applied later."""
    from respmine.themes.codebook import named_codebook

    return named_codebook(consultation.codebook_path() if consultation else None)


def coding_inputs(store: Store, rows: Sequence[SegmentView] | None = None) -> list[SegmentInput]:
    """Every segment (`rows`, else read from the store) as the theme coder reads it: its text, question
    and the organisations it is from (the respondent and a joint response's members), whose names' words
    are no theme mentions. A general comment of a document off the consultation's subject (`OFF_TOPIC`)
    is read as blank: no theme in it, nor a quote."""
    from respmine.structure.questions import OFF_TOPIC
    from respmine.themes.stage import SegmentInput

    names = {sub: tuple(dict.fromkeys(n for n in (r.organisation, *r.organisations) if n))
             for sub, r in read_respondents(store).items()}
    rows = read_segments(store) if rows is None else rows
    return [SegmentInput(r.id, "" if r.method == OFF_TOPIC else r.text, r.question,
                         names.get(r.submission, ())) for r in rows]


def coding_questions(consultation: Consultation, rows: Sequence[SegmentView]) -> dict[str, str]:
    """Question id -> the text theme coding reads it by (`code_segments`' `questions`): a yes/no question
    its answers (`rows`, the stored segments) show closed reads "Yes" as agreeing, and "C" supports a
    proposed option C; its subject is what an answer near it is about."""
    from respmine.themes.stance import as_answered, with_proposed_options

    return with_proposed_options(as_answered({q.id: q.text for q in consultation.questions}, rows),
                                 consultation.offered(), consultation.proposals)


def themes_stage(
    consultation: Consultation | None, settings: Settings, progress: Progress | None = None
) -> dict[str, Any]:
    """Theme codes with evidence and stance, recoding only what changed (see `themes.stage`): the summary
    says which segments were recoded, which themes changed and how many code rows were kept."""
    from respmine.store import themes as themes_store
    from respmine.themes.decisions import effective_codebook, training_examples
    from respmine.themes.stage import code_segments

    store = Store(settings.store_url)
    log = themes_store.decisions(store)
    written = load_run_codebook(consultation)
    codebook = effective_codebook(written, log)
    rows = read_segments(store)
    segments = coding_inputs(store, rows)
    texts = {s.id: s.text for s in segments}
    machine = themes_store.machine_codes(store)
    examples = training_examples(themes_store.effective_codes(store, codebook, log, machine), log, texts)
    result = code_segments(  # sentence vectors cached in the store: rescoring after an edit is cheap
        segments, codebook, run_embedder(store, settings),
        previous=themes_store.previous_coding(store, machine), examples=examples, progress=progress,
        questions=coding_questions(consultation, rows) if consultation else None,
        title=consultation.title if consultation else "",
        options=consultation.offered() if consultation else None,  # (an answer choosing an option takes the
        # view it is: `themes.chosen`)
        labels={t.id: t.label for t in written.themes},  # (an analyst's rename keeps an option's view)
    )
    restamped = themes_store.write_coding(store, result)
    dropped = themes_store.drop_orphans(store)
    return {
        "codebook": codebook.stamp,
        "coder": result.version,
        "segments_coded": len(result.recoded),
        "recoded_because": result.reasons,
        "segments_unchanged": result.skipped,
        "segments_changed": result.segments_changed,
        "themes_recoded": result.themes,
        "codes": len(result.codes),
        "codes_added": result.added,
        "codes_changed": result.changed,
        "codes_removed": len(result.removed),
        "codes_unchanged": result.unchanged,
        "codes_restamped": restamped,
        "stances_recomputed": len(result.stances),
        "orphaned_codes_removed": dropped,
        "trained_on_analyst_examples": len(examples[0]),
    }


def run_codebook(store: Store, consultation: Consultation | None) -> Codebook:
    """The codebook as analysts have edited it (renames, merges, promoted emerging themes)."""
    from respmine.store import themes as themes_store
    from respmine.themes.decisions import effective_codebook

    return effective_codebook(load_run_codebook(consultation), themes_store.decisions(store))


def topics_stage(
    consultation: Consultation | None, settings: Settings, refit: bool = False
) -> dict[str, Any]:
    """Topics over the segments: fitted on the first run (or `refit`), else new segments join the
    existing topics, so topic ids stay put as late responses arrive."""
    from respmine.topics.stage import run_topics

    store = Store(settings.store_url)
    summary = run_topics(
        store, run_codebook(store, consultation), settings.work_dir / "models" / "topics", refit=refit,
        embedder=model_embedder(settings),  # run_topics adds the store cache
    )
    out = summary.as_dict()
    out["topics"] = len(summary.topics)
    out["emerging"] = [{"id": t.id, "name": t.name, "size": t.size} for t in summary.emerging]
    out.pop("sizes", None)
    return out


def write_outputs(
    settings: Settings, summary: dict[str, Any], consultation: Consultation | None = None
) -> dict[str, Path]:
    """Every output file of a run, in the work folder; returns output name -> path."""
    from respmine.report.outputs import write_reports

    store = Store(settings.store_url)
    paths = write_intake(store, settings.work_dir, consultation.tz if consultation else None)
    # (the codebook as written: `CodingData.load` applies analysts' edits, knowing the positions merged away)
    paths.update(write_reports(store, load_run_codebook(consultation), settings.work_dir, consultation))
    paths["summary"] = settings.work_dir / "intake_summary.md"
    paths["summary"].write_text(summary_markdown(summary), encoding="utf-8")
    (settings.work_dir / "intake_summary.json").write_text(
        json.dumps(summary, indent=2, default=str), encoding="utf-8"
    )
    return paths
