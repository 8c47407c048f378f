"""The `respmine` command. Thin: parses arguments and calls the same functions the flows call.

Imports are inside the commands so `respmine extract` starts fast (no Prefect, SQLAlchemy or models).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from respmine.consultation import Consultation
    from respmine.themes.codebook import Codebook
    from respmine.themes.labelled import LabelledRow


def main(argv: list[str] | None = None) -> int:
    from respmine.config import add_intake_options

    parser = argparse.ArgumentParser(prog="respmine", description=__doc__.splitlines()[0] if __doc__ else "")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract text from files (no store)")
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("--json", action="store_true", help="one JSON object per line per file")
    p.add_argument("--no-ocr", action="store_true", help="do not OCR scanned pages")
    p.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    p.set_defaults(func=_extract)

    p = sub.add_parser("ingest", help="ingest a folder of submissions into the store")
    p.add_argument("inbox", type=Path)
    _common(p)
    p.set_defaults(func=_ingest)

    p = sub.add_parser("run", help="run every stage on a folder of submissions and write the outputs")
    p.add_argument("inbox", type=Path, nargs="?", help="folder of submissions (default: the consultation's)")
    _common(p)
    p.add_argument("--out", type=Path, help="output folder (same as --work)")
    _run_options(p)
    p.add_argument("--no-prefect", action="store_true", help="run the stages directly, without Prefect")
    p.add_argument("--refit-topics", action="store_true", help="refit the topic model on all segments")
    p.set_defaults(func=_run)

    p = sub.add_parser("late", help="process files added to the inbox since the last run (the late flow)")
    p.add_argument("--consultation", type=Path, required=True, help="consultation definition (YAML)")
    p.add_argument("--inbox", type=Path, help="folder of submissions (default: the consultation's)")
    p.add_argument("--work", type=Path, help="work folder (store and outputs; default ./respmine-work)")
    p.add_argument("--store", help="store URL (default: SQLite file in the work folder)")
    add_intake_options(p)
    _run_options(p)
    p.set_defaults(func=_late)

    p = sub.add_parser("evaluate", help="train on a labelled file, code another, score against its codes")
    p.add_argument(
        "--train", type=Path, help="labelled CSV to learn from (themes: required; stance: optional)"
    )
    p.add_argument("--test", type=Path, required=True, help="labelled CSV to code and score")
    p.add_argument("--task", choices=["themes", "stance", "topics"], default="themes")
    p.add_argument(
        "--cv", action="store_true",
        help="themes, no --train: code each answer of --test with a coder trained on the other folds",
    )
    p.add_argument("--folds", type=int, default=5, help="with --cv: number of folds (default 5)")
    p.add_argument("--second", type=Path, help="with --cv: a second coder's file of the same answers")
    p.add_argument("--out", type=Path, help="with --cv: write the machine's codes as a labelled CSV")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(func=_evaluate)

    p = sub.add_parser("codebook", help="import a codebook from coded answers, or check one")
    books = p.add_subparsers(dest="action", required=True)
    q = books.add_parser("import", help="a YAML codebook from a coded CSV (codes `parent->child`, `;`)")
    q.add_argument("coded", type=Path, help="labelled CSV: id, text, themes")
    q.add_argument("--out", type=Path, required=True, help="the YAML codebook to write")
    q.add_argument("--name", help="codebook name (default: the CSV's file name)")
    q.add_argument("--version", default="1", help="codebook version (default 1)")
    q.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    q.set_defaults(func=_codebook_import)
    q = books.add_parser("check", help="validate a YAML codebook and print its themes")
    q.add_argument("codebook", type=Path)
    q.add_argument("--full", action="store_true",
                   help="also print each theme's description, phrases, examples and exclusions")
    q.set_defaults(func=_codebook_check)

    # `respmine review ...` is the review app's own command line (serve, add-user), passed through whole.
    sub.add_parser("review", help="the analysts' review app: `respmine review serve|add-user --help`")

    p = sub.add_parser("agreement", help="agreement between two codings of the same answers")
    p.add_argument("file_a", type=Path)
    p.add_argument("file_b", type=Path)
    p.add_argument("--depth", type=int, help="compare only the top N levels of parent->child codes")
    p.add_argument(
        "--machine", action="store_true", help="FILE_B is a machine coding: empty rows mean no theme"
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=_agreement)

    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["review"]:
        from respmine.review.commands import main as review_main

        return review_main(argv[1:])
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except UsageError as exc:
        print(f"respmine: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # ("respmine codebook check X | head": the reader stopped; not our error)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # (no second error at exit)
        return 0


class UsageError(Exception):
    """A problem with what the user asked for (missing folder, bad consultation file)."""


def _run_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--dask", help="Dask scheduler address to extract on (default: RESPMINE_DASK_ADDRESS)")
    p.add_argument(
        "--fail-on-quarantine", action="store_true",
        help="exit with status 3 when files of this run were quarantined (the run still completes)",
    )


def _common(p: argparse.ArgumentParser) -> None:
    from respmine.config import add_intake_options

    p.add_argument("--consultation", type=Path, help="consultation definition (YAML)")
    p.add_argument(
        "--work", type=Path, help="work folder for the store and outputs (default ./respmine-work)"
    )
    p.add_argument("--store", help="store URL (default: SQLite file in the work folder)")
    add_intake_options(p)


def _extract(args: argparse.Namespace) -> int:
    from respmine.ingest.inbox import extract_many
    from respmine.records import Quarantined, to_json

    missing = [f for f in args.files if not f.exists()]
    jobs = [(f, str(f)) for f in args.files if f.exists()]
    workers = args.workers or 1
    failed = 0
    for f in missing:
        failed += 1
        _emit(args.json, to_json(Quarantined(str(f), "", "", "No such file.", "missing")))
    for result in extract_many(jobs, workers=workers, ocr=not args.no_ocr):
        failed += isinstance(result, Quarantined)
        _emit(args.json, to_json(result))
    return 1 if failed and failed == len(args.files) else 0


def _emit(as_json: bool, obj: dict[str, object]) -> None:
    if as_json:
        sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    elif obj["status"] == "ok":
        sys.stdout.write(f"==> {obj['file']} [{obj['format']}, {obj['method']}]\n{obj['text']}\n")
        for child in obj.get("children") or []:  # type: ignore[attr-defined]
            _emit(False, child)
    else:
        sys.stdout.write(f"==> {obj['file']} QUARANTINED ({obj['code']}): {obj['reason']}\n")


def _ingest(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from respmine import pipeline
    from respmine.config import Settings
    from respmine.ingest.inbox import scan_inbox
    from respmine.report.intake import summary_markdown, write_intake
    from respmine.store import Store

    consultation = _consultation(args.consultation)
    inbox: Path = args.inbox
    if not inbox.is_dir():
        raise UsageError(f"inbox folder not found: {inbox}")
    settings = Settings.load(args.work, args.store, args.workers, not args.no_ocr, args.max_file_mb)
    with tqdm(total=len(scan_inbox(inbox)), unit="file", desc="ingest", file=sys.stderr) as bar:
        summary = pipeline.ingest_stage(inbox, consultation, settings, progress=bar.update)
    tz = consultation.tz if consultation else None
    paths = write_intake(Store(settings.store_url), settings.work_dir, tz)
    print(summary_markdown(summary))
    print(f"Store: {settings.store_url}")
    for name, path in paths.items():
        print(f"{name}: {path}")
    return 0


def _run(args: argparse.Namespace) -> int:
    from respmine.cli_run import run

    return run(args)


def _late(args: argparse.Namespace) -> int:
    from respmine.cli_run import late

    return late(args)


def _evaluate(args: argparse.Namespace) -> int:
    from respmine.themes.labelled import LabelledFileError, read_labelled

    try:
        test = read_labelled(args.test)
        train = read_labelled(args.train) if args.train else []
    except LabelledFileError as exc:
        raise UsageError(str(exc)) from exc
    if args.cv:
        return _cross_validate(args, test)
    if args.task == "topics":
        from respmine.topics.evaluate import evaluate_topics, format_topic_scores

        result = evaluate_topics(test, seed=args.seed)
        print(json.dumps(result) if args.json else format_topic_scores(result))
        return 0
    if args.task == "themes" and not train:
        raise UsageError("--task themes needs --train FILE (a labelled CSV with a themes column)")
    from respmine.themes.evaluate import evaluate_stance, evaluate_themes
    from respmine.topics.embed import default_embedder

    run = evaluate_themes if args.task == "themes" else evaluate_stance
    try:
        evaluation = run(train, test, default_embedder(), seed=args.seed)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    print(json.dumps(evaluation.as_dict()) if args.json else evaluation.format())
    return 0


def _cross_validate(args: argparse.Namespace, coded: list[LabelledRow]) -> int:
    if args.train or args.task != "themes":
        raise UsageError("--cv cross-validates theme codes within --test: no --train, --task themes")
    from respmine.themes.crossval import cross_validate
    from respmine.themes.labelled import LabelledFileError, read_labelled, write_labelled
    from respmine.topics.embed import default_embedder

    try:
        second = read_labelled(args.second) if args.second else None
        result = cross_validate(coded, default_embedder(), name=args.test.name, second=second,
                                folds=args.folds, seed=args.seed)
    except (LabelledFileError, ValueError) as exc:
        raise UsageError(str(exc)) from exc
    if args.out:
        write_labelled(args.out, result.machine)
    print(json.dumps(result.as_dict()) if args.json else result.format())
    if args.out and not args.json:
        print(f"\nmachine codes: {args.out}")
    return 0


def _agreement(args: argparse.Namespace) -> int:
    from respmine.themes.agreement import read_and_compare
    from respmine.themes.labelled import LabelledFileError

    try:
        result = read_and_compare(args.file_a, args.file_b, depth=args.depth,
                                  empty_b="no theme" if args.machine else "uncoded")
    except (LabelledFileError, ValueError) as exc:
        raise UsageError(str(exc)) from exc
    print(json.dumps(result.as_dict()) if args.json else result.format())
    return 0


def _codebook_import(args: argparse.Namespace) -> int:
    from respmine.themes.codebook import codebook_from_codes, dump_codebook
    from respmine.themes.labelled import LabelledFileError, read_labelled

    try:
        coded = [r for r in read_labelled(args.coded) if r.coded]
    except LabelledFileError as exc:
        raise UsageError(str(exc)) from exc
    if not coded:
        raise UsageError(f"{args.coded}: no coded rows (the themes column is empty everywhere)")
    if args.out.exists() and not args.force:
        raise UsageError(f"{args.out} exists: choose another --out, or --force to overwrite it")
    codebook = codebook_from_codes([r.themes for r in coded], args.name or args.coded.stem, args.version,
                                   examples=[r.text for r in coded])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    dump_codebook(codebook, args.out)
    print(_outline(codebook))
    print(f"\nfrom {len(coded):,} coded answers; written to {args.out}. Add descriptions and phrases there: "
          "a theme without phrases is found by its label's words, or by similarity to its examples.")
    return 0


def _codebook_check(args: argparse.Namespace) -> int:
    from respmine.themes.codebook import CodebookError, load_codebook

    try:
        codebook = load_codebook(args.codebook)
    except CodebookError as exc:
        raise UsageError(str(exc)) from exc
    print(_outline(codebook, args.full))
    return 0


def _outline(codebook: Codebook, full: bool = False) -> str:
    from respmine.themes.codebook import codebook_outline, position_clashes
    from respmine.themes.rules import label_words
    from respmine.themes.stance import stance_scope

    outline = codebook_outline(codebook, label_words, full)
    clashes = position_clashes(codebook)
    if clashes:
        outline += "\n\nWarning: positions sharing phrases with the opposite position:\n" + "\n".join(
            f"  {line}" for line in clashes)
    scope = stance_scope(codebook)
    if scope is None:
        return outline + ("\nNo theme is marked `stance:`, so the themes are read as topics: under each, "
                          "respondents raising it are counted by the side they took on the proposals (their "
                          "sentence on it, else that answer, else all their answers). Mark `stance:` only on "
                          "themes that are themselves a side on a proposal (one for, one against).")
    shown = ", ".join(t.id for t in codebook.themes if t.id in scope)
    return (outline + f"\nStance on the proposals is shown only under {shown} (the themes marked `stance:` "
            "and those above them); the other themes are described by the points made in them. Mark every "
            "theme that is itself a position on a proposal (one for and one against each proposal).")


def _consultation(path: Path | None) -> Consultation | None:
    if path is None:
        return None
    from respmine.consultation import ConsultationError, load_consultation

    try:
        consultation = load_consultation(path)
        consultation.document_text()  # (a document named but missing or unreadable: refused before any work)
        return consultation
    except ConsultationError as exc:
        raise UsageError(str(exc)) from exc


if __name__ == "__main__":
    sys.exit(main())
