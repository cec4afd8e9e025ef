"""Command line: ``python -m pipeline run|eval|rules check|diff``.

Exit status 0 when the run finished (even if some articles failed: they are in
errors.jsonl); 2 with a one-line reason on stderr when the run cannot proceed.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from .rules import RuleError

DEFAULT_INPUT = Path("data/raw")
DEFAULT_OUT = Path("data/out")
DEFAULT_RULES = Path("rules")


def _add_run_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="*", type=Path, help="folders (read recursively) or files; default data/raw")
    p.add_argument("--out", type=Path, help="output folder (default data/out)")
    p.add_argument("--rules", type=Path, action="append",
                   help="rules folder (default rules/); repeat to add a folder of your own on top")
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: all cores)")
    p.add_argument("--ner-model", help="spaCy NER model folder (default: the shipped model; 'none' for rules only)")
    p.add_argument("--progress", action="store_true", default=None, help="show progress even when not on a terminal")


def _config(args, default_out: Path):
    from .run import RunConfig

    return RunConfig(inputs=args.inputs or [DEFAULT_INPUT], out=args.out or default_out,
                     rules=args.rules or [DEFAULT_RULES], workers=args.workers or (os.cpu_count() or 1),
                     ner_model=args.ner_model, progress=args.progress)


def _summary(info: dict) -> str:
    c = info["counts"]
    return (f"{c['inputs']} articles in {info['seconds']:.1f}s: {c['articles_with_record']} with a programme record, "
            f"{c['articles_no_programme']} without, {c['articles_failed']} failed "
            f"(see errors.jsonl). {c['records']} records, {c['entities']} entities -> {info['output']}")


def cmd_run(args) -> int:
    from .run import run

    info = run(_config(args, DEFAULT_OUT))
    print(_summary(info))
    return 0


def cmd_eval(args) -> int:
    from .evaluate import format_report, load_records, score
    from .output.writers import atomic_write
    from .run import run

    if args.run:
        out = args.run
    else:
        out = args.out or Path(tempfile.mkdtemp(prefix="idnews-eval-"))
        info = run(_config(args, out))
        print(_summary(info), file=sys.stderr)
    records_path = out / "records.jsonl"
    if not records_path.exists():
        raise FileNotFoundError(f"{records_path}: no records.jsonl in the run folder")
    records = load_records(records_path)
    summary = score(args.gold, records)
    print(format_report(summary), end="")
    if not args.run:
        atomic_write(out / "eval.json", json.dumps(summary, ensure_ascii=False, indent=1, default=str))
    return 0


def cmd_rules_check(args) -> int:
    from .nlp import validate_entity_patterns
    from .rules import load_rules
    from .segment import Segmenter

    dirs = args.dirs or [DEFAULT_RULES]
    try:
        rules = load_rules(dirs)
        problems = validate_entity_patterns(rules)
        if not problems:
            Segmenter(rules)
    except RuleError as e:
        problems = e.problems
    if problems:
        for p in problems:
            print(p)
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
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


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("run", help="extract records from articles")
    _add_run_options(p)
    p.set_defaults(func=cmd_run)
    p = sub.add_parser("eval", help="run (or read a run) and score it against gold files")
    _add_run_options(p)
    p.add_argument("--gold", type=Path, required=True, help="folder of gold JSON files")
    p.add_argument("--run", type=Path, help="score this existing output folder instead of running")
    p.set_defaults(func=cmd_eval)
    p = sub.add_parser("rules", help="rule file tools")
    rsub = p.add_subparsers(dest="rules_command", required=True)
    c = rsub.add_parser("check", help="validate rule files and report every problem as file:line: message")
    c.add_argument("dirs", nargs="*", type=Path)
    c.set_defaults(func=cmd_rules_check)
    p = sub.add_parser("diff", help="records added, removed and changed between two output folders")
    p.add_argument("old", type=Path)
    p.add_argument("new", type=Path)
    p.add_argument("--json", action="store_true", help="print the differences as JSON")
    p.set_defaults(func=cmd_diff)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from .errors import RunError

    try:
        return args.func(args)
    except RuleError as e:
        for p in e.problems:
            print(p, file=sys.stderr)
        print(f"error: invalid rules ({len(e.problems)} problem(s)); fix them or run 'python -m pipeline rules check'",
              file=sys.stderr)
        return 2
    except (RunError, FileNotFoundError, PermissionError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
