#!/usr/bin/env python3
"""Check gold annotation files against the checklist of ../shared/eval/GUIDELINES.md.

usage: python3 scripts/check_gold.py GOLD_DIR [ID ...] [--articles DIR]

Checks, per file: valid JSON, id equals the file name, every list present, no item in both a main
list and its optional list, names spelled as in the article (case-insensitive, whitespace-folded;
an added official full name of an acronym is reported as a warning, not an error), ISO dates,
integer counts, known levels. Prints one line per problem and exits 1 when there are errors.
Only the article text and the gold file are read: the pipeline is never run.
"""
import argparse
import json
import pathlib
import re
import sys

LISTS = ["published", "program", "organizations", "organizations_optional", "people", "people_optional",
         "places", "places_optional", "dates", "dates_optional", "participants", "participants_optional"]
LEVELS = {"provinsi", "kabupaten", "kota", "kecamatan", "kelurahan", "desa", "dusun", "region", "country", "other"}
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_PREFIX = re.compile(r"^\d{4}(-\d{2})?$")


def fold(s: str) -> str:
    return re.sub(r"\s+", " ", s).casefold()


def check(path: pathlib.Path, articles: pathlib.Path):
    errors, warnings = [], []
    try:
        g = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        return [f"invalid JSON: {e.msg} at line {e.lineno} column {e.colno}"], []
    if g.get("id") != path.stem:
        errors.append(f"id {g.get('id')!r} differs from the file name {path.stem!r}")
    if not isinstance(g.get("programme"), bool):
        errors.append("'programme' must be true or false")
    art = articles / f"{path.stem}.txt"
    text = fold(art.read_text(encoding="utf-8", errors="replace")) if art.exists() else None
    if text is None:
        warnings.append(f"no article {art}")
    if g.get("programme") is False:
        return errors, warnings
    for k in LISTS:
        if not isinstance(g.get(k), list):
            errors.append(f"list {k!r} missing")
    if errors:
        return errors, warnings
    for d in g["published"]:
        if not isinstance(d, str) or not ISO_DAY.match(d):
            errors.append(f"published {d!r} is not YYYY-MM-DD")
    for field in ("organizations", "people", "places"):
        main_names = {fold(n) for e in g[field] for n in e.get("names", [])}
        for e in g[field] + g[field + "_optional"]:
            names = e.get("names")
            if not isinstance(names, list) or not names or not all(isinstance(n, str) and n.strip() for n in names):
                errors.append(f"{field}: item without names: {e}")
                continue
            if field == "places" and e.get("level") not in LEVELS:
                errors.append(f"places: {names[0]!r} has level {e.get('level')!r}")
            if field == "people" and "title" in e and not isinstance(e["title"], str):
                errors.append(f"people: {names[0]!r} title must be a string")
            if text is not None:
                for n in names:
                    if fold(n) not in text:
                        (errors if field == "people" else warnings).append(
                            f"{field}: {n!r} is not in the article text")
        for e in g[field + "_optional"]:
            both = [n for n in e.get("names", []) if fold(n) in main_names]
            if both:
                errors.append(f"{field}: {both[0]!r} is in both the main and the optional list")
    for field in ("dates", "dates_optional"):
        for d in g[field]:
            s, e = d.get("start"), d.get("end")
            ok = ISO_DAY if field == "dates" else ISO_PREFIX
            if not isinstance(s, str) or not (ISO_DAY.match(s) or (field == "dates_optional" and ISO_PREFIX.match(s))):
                errors.append(f"{field}: start {s!r} is not ISO")
            if e is not None and (not isinstance(e, str) or not ISO_DAY.match(e)):
                errors.append(f"{field}: end {e!r} is not YYYY-MM-DD")
            del ok
    for field in ("participants", "participants_optional"):
        for p in g[field]:
            if not isinstance(p.get("count"), int) or isinstance(p.get("count"), bool):
                errors.append(f"{field}: count {p.get('count')!r} is not an integer")
            if not isinstance(p.get("total"), bool):
                errors.append(f"{field}: {p.get('count')} has no true/false 'total'")
    if not g["program"]:
        warnings.append("programme article with an empty 'program' list")
    return errors, warnings


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=pathlib.Path)
    ap.add_argument("ids", nargs="*")
    ap.add_argument("--articles", type=pathlib.Path,
                    default=pathlib.Path(__file__).resolve().parents[2] / "shared/corpus/articles")
    a = ap.parse_args(argv)
    files = [a.gold / f"{i}.json" for i in a.ids] if a.ids else sorted(a.gold.glob("*.json"))
    n_err = 0
    for f in files:
        if not f.exists():
            print(f"{f.name}: ERROR missing file")
            n_err += 1
            continue
        errors, warnings = check(f, a.articles)
        n_err += len(errors)
        for e in errors:
            print(f"{f.name}: ERROR {e}")
        for w in warnings:
            print(f"{f.name}: warning {w}")
    print(f"{len(files)} files, {n_err} errors")
    return 1 if n_err else 0


if __name__ == "__main__":
    sys.exit(main())
