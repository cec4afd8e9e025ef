"""The press: reporters, editors, photographers and byline initials ("(gin)"), from rules/byline_patterns.jsonl."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipeline.names import clean_person_name

from .candidate import Cand
from .words import MAX_NAME_WORDS

if TYPE_CHECKING:
    from .lexicon import Lexicon
    from .tokens import Doc


def bylines(doc: Doc) -> list[Cand]:
    """Reporters, editors, photographers, byline initials ("(gin)")."""
    out, seen = [], set()
    for rx, rule in doc.lex.bylines:
        for m in rx.finditer(doc.text):
            s = m.start("name")
            for part in re.finditer(r"[^/,&|()]+", m.group("name")):
                for sub in re.finditer(r"(?:(?!\s+dan\s+).)+", part.group()):
                    name = _byline_name(doc.lex, sub.group())
                    if not name:
                        continue
                    raw = sub.group()
                    ps = s + part.start() + sub.start() + (len(raw) - len(raw.lstrip()))
                    pe = s + part.start() + sub.end() - (len(raw) - len(raw.rstrip()))
                    if (ps, pe) in seen:
                        continue
                    seen.add((ps, pe))
                    out.append(Cand(-1, -1, rule.source, 3, role=rule["role"], byline=True, name=name, span=(ps, pe)))
    return out


def _byline_name(lex: Lexicon, s: str) -> str:
    s = s.strip(" \t.:-–")
    if re.fullmatch(r"[a-z]{2,5}|[A-Z]\d{3}", s):
        return s  # initials or an agency code
    name = clean_person_name(s, lex.rules)
    toks = name.split()
    if not toks or len(toks) > MAX_NAME_WORDS:
        return ""
    for t in toks:
        cf = t.casefold().strip(".")
        if not t[0].isupper() or cf in lex.stop or cf in lex.title_words or (len(t) > 1 and t.isupper()):
            return ""
    return name
