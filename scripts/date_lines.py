#!/usr/bin/env python3
"""Print, for each article id, its first lines and every line holding a full date, to settle `published`.

usage: python3 scripts/date_lines.py ID [ID ...]   (reads ../shared/corpus/articles/<id>.txt)

A reading aid for annotators: it shows only the article's own text (never the pipeline's output).
"""
import pathlib
import re
import sys

ARTICLES = pathlib.Path(__file__).resolve().parents[2] / "shared/corpus/articles"
MONTHS = (r"jan\w*|feb\w*|mar\w*|apr\w*|mei|may|jun\w*|jul\w*|agu\w*|aug\w*|sep\w*|okt\w*|oct\w*|nov\w*|des\w*|dec\w*")
FULL_DATE = re.compile(rf"\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b|\b\d{{1,2}}\s+(?:{MONTHS})\.?\s+\d{{4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b",
                       re.I)

for aid in sys.argv[1:]:
    text = (ARTICLES / f"{aid}.txt").read_text(encoding="utf-8", errors="replace")
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    print(f"=== {aid}")
    for l in lines[:4]:
        print("  TOP:", l[:200])
    for l in lines[4:]:
        for m in FULL_DATE.finditer(l):
            a, b = max(0, m.start() - 120), min(len(l), m.end() + 40)
            print("  DATE:", l[a:b])
