"""Which date mention, if any, is the article's own (publication) date.

GUIDELINES "published": only a date the text presents as the article's date: a
dateline ("Jakarta, 12 Oktober 2020 –", "Cilacap (24/04/2017)"), a date stamp
line at the top ("Senin, 12 Oktober 2020 10:15 WIB", "Diperbarui: ..."). An
event date in the body ("kata X di Bandung, Senin (4/9/2023)") is not. Weaker
evidence, used only when there is no stamp and no metadata date: a date right
after a press-release cue ("dalam siaran persnya, Selasa (22/5/2018)") or a
bracketed date standing alone after a sentence ("... NTB. (11/9/2022)").
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.extract.dates import Candidate
    from pipeline.extract.dates_patterns import DatePatterns

# Region kinds that may hold the article's own date stamp (a byline line "Nama - detikNews / Selasa, 09 Sep
# 2025 16:09 WIB"): a publication date found there is kept; any other date in a region is excluded.
STAMP_REGION_KINDS = {"byline", "title", "dateline", "header", "stamp", "meta"}
# What may follow a stamp date on its line: a time and zone, separators, a view counter.
TIME_TAIL = re.compile(
    r"^[\s|/,·•–—-]*(?:(?:pukul|jam)\s*)?"
    r"(?:\d{1,2}[.:]\d{2}(?:[.:]\d{2})?\s*(?:WIB|WITA|WIT|GMT\s*[+-]?\d*|[ap]\.?m\.?)?)?[\s|·•]*", re.IGNORECASE)
# A dateline's place: one to four capitalised words, optionally "Place, Outlet,".
DATELINE_LEFT = re.compile(
    r"^\s*[A-Z][\w.'’-]*(?:\s+[\w.'’()-]+){0,3}\s*,\s*(?:[\w.'’-]+(?:\s+[\w.'’-]+){0,2}\s*,\s*)?$")
DATELINE_RIGHT = re.compile(r"^\s*(?:\([^)\n]{1,40}\)\s*)?[-–—]")
PAREN_LEFT = re.compile(r"^\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*$")
TOP_CHARS = 1200  # a stamp or dateline stands in the first ~1200 characters ...
TOP_SHARE = 0.6  # ... and in the first 60% of a short text
# Between a press-release cue and its date: a short stretch with no sentence end, where a dot may only sit
# inside a word ("rilis pers yang diterima Warta.com, Minggu (20/7/2025)").
CUE_GAP = re.compile(r"^(?:[^.!?\n]|\.(?=\w)){0,60}$")
CUE_WINDOW = 100  # how far before a date its press-release cue may start
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A stamp's author on its line, set apart by a wide gap or a separator: "Senin, 01 April 2019   Nama Penulis"
# (a capitalised name and nothing after it; prose after a date has lower-case words)
AUTHOR_GAP = re.compile(r"(?:[ \t\u00a0]{2,}|\t|[|/·•–—-])[ \t\u00a0]*$")
AUTHOR_TAIL = re.compile(r"^[A-Z][\w.'’-]*(?:[ \t\u00a0]+[A-Z][\w.'’-]*){0,4}[ \t\u00a0]*$")
# More fields after the stamp, each set apart by a separator: "| Nasional | Dibaca 301 kali", "- Berita Daerah",
# "| Kategori: Ekonomi", "· 3 menit baca", "| 0 Komentar": a label-led field, a run of capitalised words (an
# author, a section) or a counter (a number and one or two words)
TAIL_SEP = re.compile(r"[ \t\u00a0]*(?:[|·•/]|(?<![\w])[-–—](?=[ \t\u00a0]))[ \t\u00a0]*")
TAIL_SEP_START = re.compile(r"^[ \t\u00a0]*(?:[|·•/]|[-–—](?=[ \t\u00a0]))")
TAIL_FIELD = re.compile(r"^(?:[A-Z][\w.'’-]*:?(?:[ \t\u00a0]+[A-Z][\w.'’-]*:?){0,4}"
                        r"|\d[\d.,]*[ \t\u00a0]*[A-Za-z]+(?:[ \t\u00a0]+[A-Za-z]+)?)$")
# What may stand before a stamp on its line besides a bare label: an author or outlet, labels and separators
# ("Nama Penulis | Kamis, 11/01/2024 14:02 WIB", "Oleh Nama - Kamis, ...", "Reporter: A | Editor: B | Kamis, ...",
# "Diposting pada Kamis, ...", "Ditulis oleh Admin pada 11 Jan 2024"). Only labels, the connector "pada"/"on",
# capitalised words and web addresses; a name needs a separator (not a colon: "Pendaftaran: 12 Maret 2024" is a
# field of an info box) or the connector right before the date, so a title running into a date is no stamp.
LEFT_SPLIT = re.compile(r"\s+[-–—]\s+|\s*[|/·•:]\s*|\s+")
LEFT_END_SEP = re.compile(r"(?:\s[-–—]|[|/·•])[ \t\u00a0]*$")
LEFT_CONNECTOR = re.compile(r"^(?:pada|on)$", re.IGNORECASE)
LEFT_NAME = re.compile(r"^[A-Z][\w.'’-]*$|^[\w-]+(?:\.[\w-]+)+$")
LEFT_MAX_WORDS = 10


def find_publication(text: str, cands: list[Candidate], patterns: DatePatterns,
                     dateline: tuple[int, int] | None) -> tuple[Candidate | None, str]:
    """(candidate, how): how is "dateline", "stamp" (strong) or "cue", "standalone" (weak)."""
    days = [c for c in cands if c.granularity == "day" and c.relative is None and c.day is not None
            and not c.is_range]
    if dateline is not None:
        for c in days:
            if c.start < dateline[1] + 3 and dateline[0] <= c.end:
                return c, "dateline"
    limit = min(TOP_CHARS, max(300, int(len(text) * TOP_SHARE)))
    for c in days:
        if c.start >= limit:
            break
        if c.region is not None and c.region.kind not in STAMP_REGION_KINDS:
            continue
        how = _top_form(text, c, patterns)
        if how:
            return c, how
    for c in days:
        if c.region is not None:
            continue
        window_start = max(0, c.start - CUE_WINDOW)
        cues = list(patterns.publication_cue.finditer(text, window_start, c.start))
        if cues and CUE_GAP.match(text[cues[-1].end():c.start]):
            return c, "cue"
    for c in days:
        if c.region is None and c.weekday is None and c.year is not None and text[c.start] == "(":
            before = text[:c.start].rstrip(" \t")
            if not before or before[-1] in ".!?\"”’\n":
                return c, "standalone"
    return None, ""


def _top_form(text: str, c: Candidate, patterns: DatePatterns) -> str:
    line_start = text.rfind("\n", 0, c.start) + 1
    line_end = text.find("\n", c.end)
    line_end = len(text) if line_end < 0 else line_end
    left, right = text[line_start:c.start], text[c.end:line_end]
    if not left.strip() or patterns.stamp_label.match(left) or _byline_left(left, patterns):
        tail_end = TIME_TAIL.match(right).end()
        rest = right[tail_end:]
        if not rest.strip() or patterns.stamp_label_start.match(rest):
            return "stamp"
        if AUTHOR_GAP.search(right[:tail_end]) and AUTHOR_TAIL.match(rest):
            return "stamp"
        if (AUTHOR_GAP.search(right[:tail_end]) or TAIL_SEP_START.match(rest)) and _stamp_fields(rest, patterns):
            return "stamp"
        # exported metadata: "date 2024-02-28 Headline ..." (a labelled ISO day; prose never writes those)
        if left.strip() and ISO_DAY.match(text[c.start:c.end]):
            return "stamp"
    if DATELINE_LEFT.match(left) and DATELINE_RIGHT.match(right):
        return "dateline"
    if text[c.start] == "(" and PAREN_LEFT.match(left):
        return "dateline"
    return ""


def _byline_left(left: str, patterns: DatePatterns) -> bool:
    """Labels, an author or an outlet and a separator before a stamp date (see LEFT_SPLIT)."""
    words = [w for w in LEFT_SPLIT.split(left) if w]
    if not words or len(words) > LEFT_MAX_WORDS:
        return False
    named = labelled = False
    for w in words:
        if LEFT_CONNECTOR.match(w):
            continue
        if patterns.stamp_label.match(w):
            labelled = True
        elif LEFT_NAME.match(w):
            named = True
        else:
            return False  # a lower-case word or a number: prose or a list, not a byline
    if not named:
        return labelled  # "Diposting pada": a label; "Pada" alone opens a sentence
    return bool(LEFT_END_SEP.search(left)) or bool(LEFT_CONNECTOR.match(words[-1]))


def _stamp_fields(rest: str, patterns: DatePatterns) -> bool:
    """The rest of a stamp line is only fields set apart by separators (see TAIL_FIELD)."""
    fields = [f.strip() for f in TAIL_SEP.split(rest) if f.strip()]
    return bool(fields) and all(patterns.stamp_label_start.match(f) or TAIL_FIELD.match(f) for f in fields)
