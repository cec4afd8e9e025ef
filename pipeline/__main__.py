"""Command line: ``python -m pipeline run|eval|rules check|diff`` (``--help`` describes each).

Exit status 0 when the run finished (even if some articles failed: they are in
errors.jsonl); 2 with a one-line reason on stderr when the run cannot proceed,
and 2 with the usage when the command line is wrong (a command missing, say).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .rules import RuleError

DEFAULT_INPUT = Path("data/raw")
DEFAULT_OUT = Path("data/out")
DEFAULT_EVAL_OUT = Path("data/eval")  # never data/out: an evaluation must not overwrite a run's output
DEFAULT_RULES = Path("rules")


DESCRIPTION = """\
Reads Indonesian news articles and writes structured records of the community-empowerment
programmes they describe (CSR programmes, government training, cooperatives, UMKM support, aid):
who ran it, who spoke and in what position, where (with official region codes), when, and for
how many people. Every value carries the text and rule (or model) it came from."""

EPILOG = """\
examples:
  python -m pipeline run
      read the articles in data/raw/, write the records and reports to data/out/
  python -m pipeline run ~/berita --out ~/hasil
      your own folder (read recursively); files can be named too: a.txt b.md c.html feed.jsonl
  python -m pipeline rules check --extra-rules my_rules
      validate the rule files (rules/ and your own) before a run
  python -m pipeline diff data/out ~/hasil
      what changed between two runs, field by field (after editing a rule, say)
  python -m pipeline eval --gold GOLD_DIR ARTICLES_DIR
      score a run against gold files (the run goes to data/eval/)

'python -m pipeline COMMAND --help' describes a command's options."""

RUN_DESCRIPTION = """\
Extract programme records from articles.

input types (a folder is read recursively; hidden files and folders are ignored):
  .txt, .text          plain text, one article per file, any common encoding
  .md, .markdown       Markdown, read as plain text
  .html, .htm          a web page: the article body is extracted
  .jsonl, .json        objects with a text field (text, content, body or article);
                       id, title, url and published are used when present
Other files in a folder are skipped and listed in run.json (skipped_inputs); a file named
on the command line is always read (as text when its type is unknown).

output files (in --out):
  records.jsonl        one programme record per line (the result)
  records.csv          the same, flattened for spreadsheets
  mentions.csv         every mention found, with evidence and source rule
  entities.csv         one row per organisation/person/place over the run
  errors.jsonl         one line per input that failed, with the reason
  run.json             times, counts, versions, settings, rule coverage, skipped inputs
  report.html          a self-contained page for reviewing the run"""


def _add_run_options(p: argparse.ArgumentParser, default_out: Path = DEFAULT_OUT) -> None:
    p.add_argument("inputs", nargs="*", type=Path, metavar="INPUT",
                   help=f"folders (read recursively) or files; default {DEFAULT_INPUT}")
    p.add_argument("--out", type=Path, metavar="DIR", help=f"output folder (default {default_out})")
    _add_rules_options(p, "--rules")
    p.add_argument("--cache", type=Path, metavar="DIR",
                   help="cache folder (default $IDNEWS_CACHE or ~/.cache/idnews-pipeline)")
    p.add_argument("--no-cache", action="store_true", help="compute every article afresh; store nothing")
    p.add_argument("--workers", type=int, default=None, metavar="N", help="worker processes (default: all cores)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run on this Dask distributed scheduler (e.g. tcp://host:8786) instead of local workers")
    p.add_argument("--resume", action="store_true",
                   help="continue a killed run in the same --out folder, skipping the articles it finished")
    p.add_argument("--ner-model", metavar="PATH",
                   help="NER model folder (default: the shipped spaCy model; 'none' for rules only)")
    p.add_argument("--ner-backend", choices=("spacy", "stanza"), default=None,
                   help="what --ner-model is: a spaCy model (default) or a Stanza model built by "
                        "'python -m training.stanza_ner' (needs the stanza extra: pip install -e '.[stanza]')")
    p.add_argument("--decisions", metavar="DIR",
                   help="folder of learned decision models (default: models/decisions, built by 'make learn'; "
                        "'none' leaves detection, totals, programme names and publication dates to the rules)")
    p.add_argument("--progress", action="store_true", default=None, help="show progress even when not on a terminal")
    p.add_argument("--xlsx", action="store_true", help="also write records.xlsx (records, mentions, entities, errors)")
    p.add_argument("--parquet", action="store_true", help="also write records/mentions/entities/errors.parquet")


def _add_rules_options(p: argparse.ArgumentParser, flag: str | None) -> None:
    if flag:
        p.add_argument(flag, type=Path, action="append", dest="rules", metavar="DIR",
                       help="rules folder used INSTEAD of rules/ (repeat to layer several, later ones win)")
    p.add_argument("--extra-rules", type=Path, action="append", metavar="DIR",
                   help="rules folder read ON TOP of the others: its rules add to them, and a rule with an "
                        "existing id replaces (or with \"enabled\": false switches off) the earlier one")


def _rules_dirs(args) -> list[Path]:
    """--rules folders (default rules/) then --extra-rules folders, in the order given."""
    return (args.rules or [DEFAULT_RULES]) + (args.extra_rules or [])


def _config(args, default_out: Path):
    from .errors import RunError
    from .output.writers import missing_format_support
    from .run import RunConfig

    missing = missing_format_support(xlsx=args.xlsx, parquet=args.parquet)
    if missing:  # refuse now rather than after the whole run
        raise RunError("; ".join(missing))
    return RunConfig(inputs=args.inputs or [DEFAULT_INPUT], out=args.out or default_out,
                     rules=_rules_dirs(args), workers=args.workers or (os.cpu_count() or 1),
                     ner_model=args.ner_model, ner_backend=_ner_backend(args), progress=args.progress,
                     xlsx=args.xlsx, parquet=args.parquet,
                     cache_dir=str(args.cache) if args.cache else None, use_cache=not args.no_cache,
                     scheduler=args.scheduler, resume=args.resume, decisions=args.decisions)


def _ner_backend(args) -> str | None:
    """--ner-backend, checked before the run starts: a Stanza model folder, and stanza installed."""
    from .errors import RunError

    backend = getattr(args, "ner_backend", None)
    if backend != "stanza":
        return backend
    from .extract.ner_stanza import check_model_dir, require_stanza

    if args.ner_model in (None, "", "none"):
        raise RunError("--ner-backend stanza needs --ner-model PATH: a folder built by python -m training.stanza_ner")
    try:
        check_model_dir(args.ner_model)
        require_stanza()
    except (OSError, ImportError) as e:
        raise RunError(str(e)) from None
    return backend


def _summary(info: dict) -> str:
    c = info["counts"]
    skipped = c.get("skipped_inputs", 0)
    skipped_text = f" {skipped} file{'s' if skipped != 1 else ''} skipped (see run.json)." if skipped else ""
    return (f"{c['inputs']} articles in {info['seconds']:.1f}s: {c['articles_with_record']} with a programme record, "
            f"{c['articles_no_programme']} without, {c['articles_failed']} failed "
            f"(see errors.jsonl).{skipped_text} {c['records']} records, {c['entities']} entities -> {info['output']}")


def cmd_run(args) -> int:
    from .run import run

    info = run(_config(args, DEFAULT_OUT))
    print(_summary(info))
    return 0


def cmd_eval(args) -> int:
    from .corpus import split_of
    from .evaluate import format_report, load_records, score
    from .output.writers import atomic_write
    from .run import run

    only = None
    if args.split != "all":  # one split of the corpus (hash of the id): run and score only its articles
        only = sorted(p.stem for p in args.gold.glob("*.json") if split_of(p.stem) == args.split)
        if args.inputs and len(args.inputs) == 1 and args.inputs[0].is_dir():
            folder = args.inputs[0]
            args.inputs = [f for i in only for f in sorted(folder.glob(f"{i}.*")) if f.is_file()] or args.inputs
        print(f"{args.split} split: {len(only)} gold files", file=sys.stderr)
    if args.run:
        out = args.run
    else:
        out = args.out or DEFAULT_EVAL_OUT
        info = run(_config(args, out))
        print(_summary(info), file=sys.stderr)
    records_path = out / "records.jsonl"
    if not records_path.exists():
        raise FileNotFoundError(f"{records_path}: no records.jsonl in the run folder")
    records = load_records(records_path)
    summary = score(args.gold, records, only=only)
    print(format_report(summary), end="")
    if args.split != "all":
        print(_learned_cv_lines(getattr(args, "decisions", None)), end="")
    if not args.run:
        atomic_write(out / "eval.json", json.dumps(summary, ensure_ascii=False, indent=1, default=str))
    return 0


def _learned_cv_lines(decisions) -> str:
    """The learned decisions' cross-validated figures on the corpus train split (from their cards)."""
    from .decide import Decider

    d = Decider.load(decisions)
    if not d.models:
        return "learned decisions: none (the rules decide)\n"
    lines = ["learned decisions, 5-fold CV (three fold assignments) on the train split "
             "(share of articles right; rules alone):"]
    for name, m in sorted(d.models.items()):
        cv = m.card.get("cross_validation", {})
        lines.append(f"  {name:10} {cv.get('cv_accuracy', 0):.3f} +- {cv.get('fold_sd', 0):.3f} "
                     f"over {cv.get('cv_articles', 0)} articles (rules {cv.get('rules_accuracy')})")
    return "\n".join(lines) + "\n"


def cmd_rules_check(args) -> int:
    """Exactly the checks ``run`` makes before it starts (schema, spaCy patterns, slow regexes, each
    extractor's own checks), without the NER model; every problem on its own line."""
    from .process import Resources

    args.rules = args.dirs or None
    try:
        res = Resources.load(_rules_dirs(args), ner_model="none")
    except RuleError as e:
        for p in e.problems:
            print(p)
        print(f"{len(e.problems)} problem(s)", file=sys.stderr)
        return 1
    res.close()
    rules = res.rules
    for line in rules.overrides:
        print(line)
    n = sum(len(v) for v in rules.by_stem.values())
    print(f"ok: {n} rules in {len(rules.hashes)} files")
    return 0


def cmd_diff(args) -> int:
    from .diff import diff_records, format_diff, read_records

    d = diff_records(read_records(args.old), read_records(args.new))
    if args.json:
        print(json.dumps(d, ensure_ascii=False, indent=1))
    else:
        print(format_diff(d))
    return 0


COMMANDS = ("run", "eval", "rules", "diff")


def build_parser() -> argparse.ArgumentParser:
    raw = argparse.RawDescriptionHelpFormatter
    ap = argparse.ArgumentParser(prog="python -m pipeline", description=DESCRIPTION, epilog=EPILOG,
                                 formatter_class=raw)
    sub = ap.add_subparsers(dest="command", title="commands", metavar="COMMAND")
    p = sub.add_parser("run", help="extract programme records from articles (default: data/raw/ -> data/out/)",
                       description=RUN_DESCRIPTION, formatter_class=raw)
    _add_run_options(p)
    p.set_defaults(func=cmd_run)
    p = sub.add_parser("eval", help="run (or read a run) and score it against gold files",
                       description="Run the pipeline over INPUT (or read an existing output folder with --run) and "
                                   "print per-field precision, recall and F1 against the gold files. The run's "
                                   f"output and eval.json go to --out (default {DEFAULT_EVAL_OUT}, never "
                                   f"{DEFAULT_OUT}, so an evaluation does not overwrite a run).")
    _add_run_options(p, DEFAULT_EVAL_OUT)
    p.add_argument("--gold", type=Path, required=True, metavar="DIR", help="folder of gold JSON files")
    p.add_argument("--run", type=Path, metavar="DIR",
                   help="score this existing output folder instead of running (writes nothing)")
    p.add_argument("--split", choices=("all", "train", "test"), default="all",
                   help="score (and run) only this split of the corpus: the ids hash to train (80%%) or test "
                        "(20%%); see pipeline/corpus.py")
    p.set_defaults(func=cmd_eval)
    p = sub.add_parser("rules", help="rule file tools ('rules check')",
                       description="Rule file tools: 'rules check' validates rule files.")
    rsub = p.add_subparsers(dest="rules_command", title="commands", metavar="COMMAND")
    c = rsub.add_parser("check", help="validate rule files and report every problem as file:line: message",
                        description="Validate rule files exactly as 'run' would, and report every problem as "
                                    "file:line: message. Exit status 1 when there are problems.")
    c.add_argument("dirs", nargs="*", type=Path, metavar="DIR",
                   help="rules folders as with run --rules (default rules/)")
    _add_rules_options(c, None)
    c.set_defaults(func=cmd_rules_check)
    p.set_defaults(func=None, subparser=p, subcommands=("check",))
    p = sub.add_parser("diff", help="what changed between two output folders, record by record and field by field",
                       description="Compare the records.jsonl of two output folders: records added, removed and "
                                   "changed (matched by record_id, or article and programme), every changed field of "
                                   "a record and of its organisations, people, places, dates and participants, then "
                                   "the number of changes by field.")
    p.add_argument("old", type=Path, metavar="OLD", help="output folder of the earlier run (holds records.jsonl)")
    p.add_argument("new", type=Path, metavar="NEW", help="output folder of the later run (holds records.jsonl)")
    p.add_argument("--json", action="store_true", help="print the differences as JSON")
    p.set_defaults(func=cmd_diff)
    ap.set_defaults(func=None, subparser=ap, subcommands=COMMANDS)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.func is None:  # 'python -m pipeline' or 'python -m pipeline rules' alone: exits 2 with the usage
        args.subparser.error(f"missing command: choose one of {', '.join(args.subcommands)} "
                             f"('{args.subparser.prog} --help' describes them)")
    from .errors import RunError

    try:
        return args.func(args)
    except RuleError as e:
        for p in e.problems:
            print(p, file=sys.stderr)
        print(f"error: invalid rules ({len(e.problems)} problem(s)); fix them or run 'python -m pipeline rules check'",
              file=sys.stderr)
        return 2
    except (RunError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
