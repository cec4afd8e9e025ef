"""Dates in Indonesian news: candidates, ranges, missing years, relative expressions, publication date.

Why not dateparser alone: it gives no offsets, reads "03/04/24" as 1924, keeps
only the start of "12-14 Maret", ignores a weekday that contradicts the date and
does not know "dua hari lalu" (see PRACTICES.md). So candidates are found with
regexes over the original text (``dates_patterns``), parsed day-first from the
regex groups, and years are filled in by ``dates_resolve``. The publication date
comes from ``dates_publication``; year-less and relative dates are then resolved
against it, else against the nearest full date in the text; with no anchor they
stay mentions with ``resolved`` False.

Mention.value = {"start", "end", "granularity" (day|week|month|year), "kind"
(event|publication), "resolved", "flags", "parts"}. Only resolved day (and
day-range) mentions are dates in the GUIDELINES sense; week/month/year ones are
context (month/year prefixes match gold ``dates_optional``).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from pipeline.extract.dates_patterns import DatePatterns
from pipeline.extract.dates_publication import STAMP_REGION_KINDS, find_publication
from pipeline.extract.dates_resolve import (add_months, full_year, make_date, month_near, pick_year, week_of,
                                            weekday_near)
from pipeline.rules import RuleSet
from pipeline.types import Mention, Region, in_regions

# What may stand between a date and a relative expression that merely qualifies it ("21 Mei kemarin",
# "Minggu (1/5/2016), kemarin,"); after another relative expression only spaces ("kemarin, dua hari lalu" is a list).
MAX_JOINED_RANGE_DAYS = 62  # "Senin (3/2/2025) hingga Jumat (7/3/2025)" still reads as one event
QUALIFIER_GAP = re.compile(r"^[ \t]*,?[ \t]*$")
QUALIFIER_GAP_RELATIVE = re.compile(r"^[ \t]*$")


@dataclass
class DateResult:
    mentions: list[Mention]  # kind="date"
    published: str | None  # ISO YYYY-MM-DD publication date or None


@dataclass
class Candidate:
    """A date expression found in the text, before its year is known for sure."""

    start: int
    end: int
    name: str  # pattern name, or relative rule id
    source: str
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    end_day: int | None = None
    end_month: int | None = None
    end_year: int | None = None
    end_weekday: int | None = None
    granularity: str = "day"
    relative: tuple[str, int, int | None, int | None] | None = None  # unit, offset, weekday, month
    flags: list[str] = field(default_factory=list)
    priority: int = 0  # among equal spans, lower wins (relative rules: their line order)
    region: Region | None = None
    kind: str = "event"
    # filled by resolution
    start_iso: str | None = None
    end_iso: str | None = None
    resolved: bool = False
    guess: str | None = None

    @property
    def is_range(self) -> bool:
        return self.end_day is not None or self.end_year is not None

    @property
    def full(self) -> dt.date | None:
        """The start date when the text gave day, month and year itself."""
        if self.granularity != "day" or self.relative or "no_year" in self.flags:
            return None
        return make_date(self.year, self.month, self.day)


class DateExtractor:
    """Finds and normalises date mentions in one article's text."""

    def __init__(self, rules: RuleSet):
        self.patterns = DatePatterns(rules)

    # ---- public ---------------------------------------------------------------------------------------
    def extract(self, text: str, regions: list[Region], dateline: tuple[int, int] | None = None,
                meta_published: str | None = None) -> DateResult:
        cands = self._absolute(text) + self._relative(text)
        cands = _non_overlapping(cands)
        cands = self._drop_qualifiers(cands, text)
        for c in cands:
            c.region = in_regions(c.start, c.end, regions)
        for c in cands:
            if c.relative is None and c.year is not None:
                self._resolve_full(c)
        pub, how = find_publication(text, cands, self.patterns, dateline)
        meta = _iso_day(meta_published) if meta_published else None
        if pub is not None and how not in ("dateline", "stamp") and meta:
            pub = None  # metadata beats the weak cues (press-release date, standalone bracket)
        published = meta
        if pub is not None:
            pub.kind = "publication"
            pub.flags.append(f"publication_{how}")
            self._resolve_publication(pub, cands)
            # a stated date stands even with a wrong day name; a guessed year must agree with it
            iso = pub.start_iso or (pub.guess if "weekday_mismatch" not in pub.flags else None)
            if iso and len(iso) == 10:
                published = iso
        # only a publication date the text (or metadata) really gives anchors other dates, not a guessed year
        anchor_iso = pub.start_iso if pub is not None and pub.resolved and pub.end_iso is None else meta
        anchor = dt.date.fromisoformat(anchor_iso) if anchor_iso and len(anchor_iso) == 10 else None
        years = _years_named(text, regions)
        for c in cands:
            if not c.resolved and c.start_iso is None:
                self._resolve_partial(c, cands, anchor, years)
        cands = self._join_ranges(cands, text)
        return DateResult([self._mention(text, c) for c in cands], published)

    # ---- candidates -----------------------------------------------------------------------------------
    def _absolute(self, text: str) -> list[Candidate]:
        P = self.patterns
        out: list[Candidate] = []
        lowered = P.lowered(text)
        for name, regex in P.absolute:
            for m in regex.finditer(lowered):
                c = self._parse(name, m, text)
                if c is not None:
                    out.append(c)
        return out

    def _parse(self, name: str, m: re.Match[str], text: str) -> Candidate | None:
        P = self.patterns
        g = m.groupdict()
        # "tanggal 12 Maret": the span starts at the first captured part (bracket, day), not the day word
        starts = [m.start(k) for k, v in g.items() if v is not None]
        start, end = _strip_span(text, min(starts) if starts else m.start(), m.end())
        if start >= end:
            return None
        if name in ("numeric_date", "numeric_short", "numeric_range", "dateline_short", "iso_date"):
            if P.not_before.search(text, max(0, start - 12), start):
                return None
        if name == "year" and not P.year_prefix_before.search(text, max(0, start - 30), start):
            return None  # a bare 4-digit number may be a count; "tahun 2020", "sejak 2015" are years
        wd = wd2 = None
        if name not in ("year", "year_range", "month_year", "iso_date", "dateline_short"):
            before = P.weekday_before.search(text, max(0, start - 40), start)
            if before is not None:
                wd, wd2 = P.weekday(before["wd"]), P.weekday(before["wd2"])
                start = before.start()
        if name == "numeric_short" and wd is None:
            return None  # "(1/3)", "24/7": without a day name a year-less d/m is not taken as a date
        c = Candidate(start, end, name, f"regex:dates:{name}")
        if name in ("text_range", "numeric_range"):
            return self._range(c, g, wd, wd2)
        if name in ("year", "year_range", "month_year", "iso_date"):
            return self._coarse(c, m, text)
        return self._single(c, g, wd, wd2)

    def _range(self, c: Candidate, g: dict[str, Any], wd: int | None, wd2: int | None) -> Candidate | None:
        """Both ends of a range; a year or month missing on one side comes from the other."""
        P = self.patterns
        c.day, c.end_day = int(g["d1"]), int(g["d2"])
        if c.name == "text_range":
            c.end_month = P.month(g["mon2"])
            c.month = P.month(g["mon1"]) or c.end_month
            c.year = int(g["y1"]) if g["y1"] else None
            c.end_year = int(g["y2"]) if g["y2"] else None
        else:
            c.end_month = int(g["m2"])
            c.month = int(g["m1"]) if g["m1"] else c.end_month
            if g["y2"]:
                c.end_year = int(g["y2"]) if len(g["y2"]) == 4 else full_year(int(g["y2"]))
                if len(g["y2"]) == 2:
                    c.flags.append("two_digit_year")
            elif not g.get("open"):
                return None  # "1-2/3" outside brackets is not a date
        c.weekday = wd
        inner = P.weekday(g.get("wd2")) if c.name == "text_range" else None  # "31 Oktober hingga Jumat, 1 ..."
        c.end_weekday = inner if inner is not None else wd2  # "Kamis-Jumat (10-11/6/2021)"
        crosses_year = (c.month, c.day) > (c.end_month, c.end_day)
        if c.year is None and c.end_year is not None:
            c.year = c.end_year - crosses_year  # 28 Desember - 2 Januari 2024
        elif c.end_year is None and c.year is not None:
            c.end_year = c.year + crosses_year  # 30 Desember 2023 - 2 Januari
        if c.year is None:
            c.flags.append("no_year")
        if (c.month, c.day, c.year) == (c.end_month, c.end_day, c.end_year):
            c.end_day = c.end_month = c.end_year = None  # "5-5 Juni": one day
            return c
        if c.year is not None:
            start, end = make_date(c.year, c.month, c.day), make_date(c.end_year, c.end_month, c.end_day)
            if start is None or end is None or start > end:
                return None
        elif c.month == c.end_month and c.day > c.end_day:
            return None  # "20-5 Juni"
        return c

    def _coarse(self, c: Candidate, m: re.Match[str], text: str) -> Candidate | None:
        """Year, year range, month-year and ISO dates (ISO may be a day or a month)."""
        g = m.groupdict()
        if c.name == "iso_date":
            c.year, c.month = int(g["y"]), int(g["m"])
            if g["d"]:
                c.day = int(g["d"])
            else:
                c.granularity = "month"
            return c
        if c.name == "month_year":
            c.granularity, c.month, c.year = "month", self.patterns.month(g["mon"]), int(g["y"])
            return c
        c.granularity = "year"
        if c.name == "year":
            c.year = int(g["y"])
            c.start, c.end = m.start("y"), m.end("y")
        else:
            c.year, c.end_year = int(g["y1"]), int(g["y2"])
            if not 0 < c.end_year - c.year <= 50:
                return None
        if text[c.end:c.end + 3].lower() == "-an":
            c.flags.append("decade")  # "tahun 1990-an"
        return c

    def _single(self, c: Candidate, g: dict[str, Any], wd: int | None, wd2: int | None) -> Candidate | None:
        """One day: textual ("12 Oktober 2020"), numeric ("29/10/21"), with or without a year."""
        c.day = int(g["d"])
        c.month = self.patterns.month(g["mon"]) if g.get("mon") else int(g["m"])
        c.weekday = wd
        if g.get("y"):
            c.year = int(g["y"])
        elif g.get("yy"):
            if g.get("sep") in (".", "-"):
                return None  # 1.2.24 / 10-11-12: versions, codes; only d/m/yy takes a two-digit year
            c.year = full_year(int(g["yy"]))
            c.flags.append("two_digit_year")
        if c.year is None:
            c.flags.append("no_year")
        elif make_date(c.year, c.month, c.day) is None:
            return None
        if wd2 is not None:
            c.flags.append("weekday_range")  # "Senin-Selasa 5 Juni": two day names before one date
        return c

    def _relative(self, text: str) -> list[Candidate]:
        P = self.patterns
        out: list[Candidate] = []
        for m in P.relative_regex.finditer(P.lowered(text)):
            rule = next(r for r in P.relative if m.group(f"r{r.index}") is not None)
            if not rule.uses_number and P.ends_with_number.search(text, max(0, m.start() - 12), m.start()):
                continue  # "selama dua hari ini" is a duration, not today
            n = P.number(m[rule.group("n")]) if rule.uses_number else 1
            if n is None:
                continue
            wd = P.weekday(m[rule.group("wd")]) if rule.group("wd") in m.re.groupindex else None
            mon = P.month(m[rule.group("mon")]) if rule.group("mon") in m.re.groupindex else None
            c = Candidate(m.start(), m.end(), rule.id, rule.source)
            c.relative = (rule.unit, rule.offset * n, wd, mon)
            c.granularity = {"day": "day", "weekday": "day", "week": "week"}.get(rule.unit, rule.unit)
            c.flags.append("relative")
            c.priority = 1
            out.append(c)
        return out

    def _drop_qualifiers(self, cands: list[Candidate], text: str) -> list[Candidate]:
        """"21 Mei 2018 kemarin", "Jumat (1/10) akhir pekan lalu": relative words right after a date qualify it."""
        keep: list[Candidate] = []
        for c in cands:
            if c.relative is not None:
                prev = keep[-1] if keep else None
                gap = QUALIFIER_GAP_RELATIVE if prev is not None and prev.relative else QUALIFIER_GAP
                if prev is not None and gap.match(text[prev.end:c.start]):
                    continue
            keep.append(c)
        return keep

    # ---- resolution ---------------------------------------------------------------------------------
    def _resolve_full(self, c: Candidate) -> None:
        """Dates whose year the text states (possibly only on the other side of a range)."""
        if c.granularity == "year":
            c.start_iso = f"{c.year:04d}"
            c.end_iso = f"{c.end_year:04d}" if c.end_year else None
            c.resolved = True
            return
        if c.granularity == "month":
            c.start_iso, c.resolved = f"{c.year:04d}-{c.month:02d}", True
            return
        start = make_date(c.year, c.month, c.day)
        end = make_date(c.end_year or c.year, c.end_month, c.end_day) if c.end_day is not None else None
        if start is None or (c.end_day is not None and end is None):
            return
        c.start_iso, c.end_iso, c.resolved = start.isoformat(), end.isoformat() if end else None, True
        _check_weekdays(c, start, end)

    def _resolve_publication(self, pub: Candidate, cands: list[Candidate]) -> None:
        """A year-less publication stamp ("15 Nov", "Medan, 21/12") takes its year from the text."""
        if pub.resolved or pub.granularity != "day" or pub.relative is not None:
            return
        anchor = _nearest_full(pub, cands)
        if anchor is not None:
            self._fill_year(pub, anchor, "year_from_context")
            return
        years = [c for c in cands if c.granularity == "year" and c.region is None and not c.end_year
                 and "decade" not in c.flags]
        if years:
            near = min(years, key=lambda y: abs(y.start - pub.start))
            day = make_date(near.year, pub.month, pub.day)
            if day is not None and (pub.weekday is None or day.weekday() == pub.weekday):
                # the year is only suggested by a year mention: good enough for `published`, not a date
                pub.guess = day.isoformat()
                pub.flags.append("year_from_year_mention")

    def _resolve_partial(self, c: Candidate, cands: list[Candidate], anchor: dt.date | None,
                         years: frozenset[int] = frozenset()) -> None:
        """Year-less and relative dates: against the publication date, else the nearest full date."""
        flag = "year_from_context"
        if anchor is None:
            anchor = _nearest_full(c, cands)
            flag = "year_from_text_date"
        if c.relative is not None:
            if anchor is not None:
                self._apply_relative(c, anchor)
                if flag == "year_from_text_date":
                    c.flags.append("anchor_text_date")
                    if c.granularity == "day":
                        # "kemarin" counts from the day of writing; an event date elsewhere in the text is
                        # only a guess at that day, so no day date is claimed from it
                        c.guess, c.start_iso, c.resolved = c.start_iso, None, False
            return
        if c.granularity != "day" or c.day is None:
            return
        if anchor is not None:
            self._fill_year(c, anchor, flag)
            return
        year = _year_from_weekday(c, years)
        if year is not None:  # "Kamis (25/6)" in an article that says "tahun 2020 ini": 25 June 2020 is a Thursday
            self._fill_year(c, dt.date(year, c.month, c.day), "year_from_text_year")
            return
        if c.day is not None and c.month is not None:
            c.flags.append("unresolved")

    def _fill_year(self, c: Candidate, anchor: dt.date, flag: str) -> None:
        start, agrees = pick_year(c.day, c.month, c.weekday, anchor)
        if start is None:
            return
        c.year = start.year
        end = None
        if c.end_day is not None:
            end_year = start.year + (1 if (c.end_month, c.end_day) < (c.month, c.day) else 0)
            end = make_date(end_year, c.end_month, c.end_day)
            if end is None:
                return
            c.end_year = end_year
        c.start_iso, c.end_iso = start.isoformat(), end.isoformat() if end else None
        c.flags.append(flag)
        if not agrees:
            c.flags.append("weekday_mismatch")
            c.guess, c.start_iso, c.end_iso = c.start_iso, None, None
            return
        c.resolved = True
        if end is not None and c.end_weekday is not None and end.weekday() != c.end_weekday:
            c.flags.append("weekday_mismatch")

    def _apply_relative(self, c: Candidate, anchor: dt.date) -> None:
        unit, offset, weekday, month = c.relative
        if unit == "day":
            c.start_iso = (anchor + dt.timedelta(days=offset)).isoformat()
        elif unit == "weekday" and weekday is not None:
            c.start_iso = weekday_near(weekday, offset, anchor).isoformat()
        elif unit == "week":
            mon, sun = week_of(anchor + dt.timedelta(weeks=offset))
            c.start_iso, c.end_iso = mon.isoformat(), sun.isoformat()
        elif unit == "month":
            if month is not None:
                y, mth = month_near(month, offset, anchor), month
            else:
                y, mth = add_months(anchor.year, anchor.month, offset)
            c.start_iso = f"{y:04d}-{mth:02d}"
        elif unit == "year":
            c.start_iso = f"{anchor.year + offset:04d}"
        else:
            return
        c.resolved = True

    def _join_ranges(self, cands: list[Candidate], text: str) -> list[Candidate]:
        """Two whole days joined by a range word ("Selasa (8/4/2025) hingga Jumat (11/4/2025)", "dibuka Rabu
        (5/3/2025) dan berlangsung hingga 7 Maret") are one range, when the second follows within two months."""
        out: list[Candidate] = []
        for c in cands:
            prev = out[-1] if out else None
            if prev is not None and _single_day(prev) and _single_day(c) \
                    and self.patterns.range_between.match(text, prev.end, c.start):
                first, last = dt.date.fromisoformat(prev.start_iso), dt.date.fromisoformat(c.start_iso)
                if 0 < (last - first).days <= MAX_JOINED_RANGE_DAYS:
                    if text[prev.end:prev.end + 1] == ")" and text[:prev.start].rstrip().endswith("("):
                        prev.start = text.rindex("(", 0, prev.start)  # "(14 April 2017) sampai Minggu (30 April 2017)"
                        c.end += text[c.end:c.end + 1] == ")"
                    prev.end, prev.end_iso = c.end, c.start_iso
                    prev.end_day, prev.end_month, prev.end_year, prev.end_weekday = c.day, c.month, c.year, c.weekday
                    prev.source = "regex:dates:joined_range"
                    prev.flags.append("joined_range")
                    continue
            out.append(c)
        return out

    # ---- output ---------------------------------------------------------------------------------------
    def _mention(self, text: str, c: Candidate) -> Mention:
        parts = {"day": c.day, "month": c.month, "year": c.year, "weekday": c.weekday}
        if c.is_range:
            parts.update(end_day=c.end_day, end_month=c.end_month, end_year=c.end_year, end_weekday=c.end_weekday)
        value: dict[str, Any] = {
            "start": c.start_iso, "end": c.end_iso, "granularity": c.granularity, "kind": c.kind,
            "resolved": c.resolved, "flags": list(dict.fromkeys(c.flags)),
            "parts": {k: v for k, v in parts.items() if v is not None},
        }
        if c.guess:
            value["guess"] = c.guess
        excluded = c.region is not None and not (c.kind == "publication" and c.region.kind in STAMP_REGION_KINDS)
        note = f"in {c.region.kind}" if c.region is not None else ""
        return Mention("date", text[c.start:c.end], c.start, c.end, c.source, value,
                       label=c.kind, excluded=excluded, note=note)


def _single_day(c: Candidate) -> bool:
    return (c.kind == "event" and c.region is None and not c.is_range and c.granularity == "day"
            and c.start_iso is not None and len(c.start_iso) == 10)


def _check_weekdays(c: Candidate, start: dt.date, end: dt.date | None) -> None:
    if c.weekday is not None and start.weekday() != c.weekday:
        c.flags.append("weekday_mismatch")
    if end is not None and c.end_weekday is not None and end.weekday() != c.end_weekday:
        c.flags.append("weekday_mismatch")


YEAR_RE = re.compile(r"(?<![\d.,/-])(?:19[5-9]\d|20\d\d)(?![\d.,/-]?\d)")


def _years_named(text: str, regions: list[Region]) -> frozenset[int]:
    """Every year the article body names ("tahun 2020 ini", "April - Mei 2017", "2019 dan 2020")."""
    return frozenset(int(m.group()) for m in YEAR_RE.finditer(text) if in_regions(m.start(), m.end(), regions) is None)


def _year_from_weekday(c: Candidate, years: frozenset[int]) -> int | None:
    """The one year the text names on which the day, month and weekday of ``c`` agree; None when there is
    no weekday, no such year, or more than one."""
    if c.weekday is None or c.month is None or c.day is None:
        return None
    fits = [y for y in sorted(years) if (d := make_date(y, c.month, c.day)) is not None and d.weekday() == c.weekday]
    return fits[0] if len(fits) == 1 else None


def _nearest_full(c: Candidate, cands: list[Candidate]) -> dt.date | None:
    """The nearest (by characters) date the text gives in full, outside excluded regions."""
    best, best_dist = None, None
    for o in cands:
        if o is c or o.region is not None and o.kind != "publication":
            continue
        d = o.full
        if d is None:
            continue
        dist = abs(o.start - c.start)
        if best_dist is None or dist < best_dist:
            best, best_dist = d, dist
    return best


def _non_overlapping(cands: list[Candidate]) -> list[Candidate]:
    """Longest first; among equal spans, absolute before relative and earlier rules first."""
    order = sorted(cands, key=lambda c: (-(c.end - c.start), c.priority, c.start))
    taken: list[Candidate] = []
    for c in order:
        if all(c.end <= t.start or t.end <= c.start for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\r\n,":
        start += 1
    while end > start and text[end - 1] in " \t\r\n,.":  # "27 April." ends a sentence
        end -= 1
    return start, end


def _iso_day(value: str) -> str | None:
    """A metadata date as ISO day: ISO strings directly, other shapes ("Mon, 01 May 2023 08:00:00 +0700",
    "01/05/2023") through dateparser, day-first; None when it does not name a day."""
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        pass
    import dateparser  # only for unusual metadata: slow to import, not needed on the common path

    parsed = dateparser.parse(value, languages=["id", "en"],
                              settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"],
                                        "PARSERS": ["absolute-time"]})
    return parsed.date().isoformat() if parsed else None
