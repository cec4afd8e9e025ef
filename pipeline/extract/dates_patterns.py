"""The date regexes, built once from the rule files.

Month names, day names, range joiners and the words that stop a number being
a date all come from ``rules/`` (months, weekdays, date_cues, relative_dates);
this module only knows the *shapes* of Indonesian date expressions: day-first
numeric dates, "12 Oktober 2020", ranges, weekday prefixes, month-only and
year-only mentions. The scanning regexes run over an ASCII-lowercased copy of
the text (same length), so match offsets are offsets into the article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.rules import RuleError, RuleSet

CUE_KINDS = {"range", "day_word", "year_prefix", "stamp_label", "publication", "not_before", "range_lead"}
RELATIVE_UNITS = {"day", "week", "month", "year", "weekday", "number"}
FLAGS = re.IGNORECASE | re.MULTILINE
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _alternation(texts: list[str]) -> str:
    """A trie-shaped regex for a word list ('ag(?:s|t|u(?:s(?:t(?:us)?)?)?)'): on most positions it fails on
    the first character instead of trying every word, which keeps the scan fast. Spaces match any whitespace."""
    root: dict = {}
    for word in {t.strip().casefold() for t in texts if t.strip()}:
        node = root
        for ch in re.sub(r"\s+", " ", word):
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        kids = [(r"\s+" if ch == " " else re.escape(ch)) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not kids:
            return ""
        body = kids[0] if len(kids) == 1 else "(?:" + "|".join(kids) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root) or "(?!)"


def _key(word: str) -> str:
    return re.sub(r"\s+", " ", word.strip().casefold().rstrip("."))


@dataclass
class RelativeRule:
    """One line of relative_dates.jsonl; its pattern is group ``r<index>`` of ``DatePatterns.relative_regex``."""

    id: str
    source: str
    unit: str
    offset: int
    index: int
    uses_number: bool

    def group(self, name: str) -> str:
        return f"{name}_{self.index}"


class DatePatterns:
    """All compiled date regexes plus the word tables they refer to."""

    def __init__(self, rules: RuleSet):
        problems: list[str] = []
        self.month_of = {_key(r["text"]): r["month"] for r in rules.get("months")}
        self.weekday_of = {_key(r["text"]): r["weekday"] for r in rules.get("weekdays")}
        for r in rules.get("months"):
            if not 1 <= r["month"] <= 12:
                problems.append(f"{r.file}:{r.line}: month must be 1..12, got {r['month']}")
        for r in rules.get("weekdays"):
            if not 0 <= r["weekday"] <= 6:
                problems.append(f"{r.file}:{r.line}: weekday must be 0 (Senin)..6 (Minggu), got {r['weekday']}")
        cues: dict[str, list[str]] = {k: [] for k in CUE_KINDS}
        for r in rules.get("date_cues"):
            if r["kind"] not in CUE_KINDS:
                problems.append(f"{r.file}:{r.line}: unknown date cue kind '{r['kind']}' "
                                f"(known: {', '.join(sorted(CUE_KINDS))})")
            else:
                cues[r["kind"]].append(r["pattern"])
        self.number_of: dict[str, int] = {}
        number_words: list[str] = []
        for r in rules.get("relative_dates"):
            if r["unit"] not in RELATIVE_UNITS:
                problems.append(f"{r.file}:{r.line}: unknown unit '{r['unit']}' "
                                f"(known: {', '.join(sorted(RELATIVE_UNITS))})")
            elif r["unit"] == "number":
                number_words.append(r["pattern"])
                self.number_of[_key(r["pattern"])] = int(r.get("offset", 1))
        if not self.month_of:
            problems.append("rules: no months.jsonl rules: dates cannot be found")
        if problems:
            raise RuleError(problems)

        def alt(kind: str) -> str:
            return "|".join(f"(?:{p})" for p in sorted(cues[kind], key=len, reverse=True)) or "(?!)"

        self.month_alt = _alternation(list(self.month_of))
        self.weekday_alt = _alternation(list(self.weekday_of))
        MON = rf"(?:{self.month_alt})(?!\w)\.?"
        WD = rf"(?:{self.weekday_alt})(?!\w)"
        DAYW = rf"(?:(?:{alt('day_word')})\s*)?"
        CONN = rf"\s*(?:{alt('range')})\s*{DAYW}"
        DAY = r"(?:[12]\d|3[01]|0?[1-9])"
        MONTHNUM = r"(?:1[0-2]|0?[1-9])"
        YEAR4 = r"(?:1[89]\d\d|20\d\d)"
        END = r"(?![\w])"  # no letters/digits glued to the end
        START = r"(?<!\d[.,/-])(?<![\w/:+])"  # no number or word glued to the start
        NUM_END = r"(?![\w/]|[.,:-]\d)"  # a numeric date does not run on into more digits

        # The scanning regexes run over an ASCII-lowercased copy of the text (``lowered``, same offsets):
        # case-sensitive matching is much faster than IGNORECASE. Word lists are lower-cased here; a rule
        # regex with an upper-case letter makes everything fall back to IGNORECASE.
        rule_sources = [p for k in ("range", "day_word", "year_prefix") for p in cues[k]]
        rule_sources += [r["pattern"] for r in rules.get("relative_dates")]
        upper = any(re.search(r"[A-Z]", re.sub(r"\\.", "", p)) for p in rule_sources)
        words = [*self.month_of, *self.weekday_of, *number_words]
        upper = upper or any(ch.lower() != ch.upper() and not ch.isascii() for w in words for ch in w)
        self.scan_flags = FLAGS if upper else re.MULTILINE
        c = lambda p: re.compile(p, FLAGS)  # noqa: E731
        scan = lambda p: re.compile(p, self.scan_flags)  # noqa: E731
        # Each regex starts on a digit, bracket or month name (a weekday in front is found by
        # ``weekday_before``): an optional prefix at the start would make every position costly, and
        # a one-character lookahead lets the scan skip most positions cheaply.
        DIGIT_LEAD = r"(?=[\d(])"
        firsts = {w[0] for w in self.month_of if w}
        if upper:
            firsts |= {f.upper() for f in firsts}
        MONTH_LEAD = "(?=[" + re.escape("".join(sorted(firsts))) + "])"
        # Each (name, regex): on overlap the longest match wins, then the earlier entry.
        self.absolute: list[tuple[str, re.Pattern[str]]] = [
            # 30 Agustus hingga 2 September 2022; 5-10 Juni 2024; 12 s.d. 14 Maret 2024; 31 Okt 2023 - 2 Jan 2024
            ("text_range", scan(
                rf"{DIGIT_LEAD}{START}(?P<d1>{DAY})(?:\s+(?P<mon1>{MON})(?:\s+(?P<y1>{YEAR4}))?)?"
                rf"{CONN}(?:(?P<wd2>{WD})\s*,?\s*)?(?P<d2>{DAY})\s+(?P<mon2>{MON})"
                rf"(?:\s*,?\s*(?P<y2>{YEAR4}))?{END}")),
            # (10-11/6/2021), Kamis-Jumat (10-11/6/2021), 30/3-1/4/2022
            ("numeric_range", scan(
                rf"{DIGIT_LEAD}(?:(?P<open>\()\s*|{START})(?P<d1>{DAY})(?:/(?P<m1>{MONTHNUM}))?\s*[-–]\s*"
                rf"(?P<d2>{DAY})/(?P<m2>{MONTHNUM})(?:/(?P<y2>{YEAR4}|\d\d))?{NUM_END}(?(open)\s*\))")),
            # 12 Oktober 2020, 14 Desember 2021, 15 Maret (no year), 27 April 24 (two-digit, line end only)
            ("text_date", scan(
                rf"{DIGIT_LEAD}{START}(?P<d>{DAY})(?:st|nd|rd|th)?\s{{1,3}}(?P<mon>{MON})"
                rf"(?:\s*,?\s*(?P<y>{YEAR4}){END}|\s+'?(?P<yy>\d\d)(?=[ \t]*$|[ \t]*[),;]))?")),
            # August 15, 2016 (site stamps)
            ("month_first", scan(rf"{MONTH_LEAD}(?<!\w)(?P<mon>{MON})\s+(?P<d>{DAY})\s*,\s*(?P<y>{YEAR4}){END}")),
            # 12/03/2024, 12-03-2024, 12.03.2024, 29/10/21, 10/10/2011, (19/05/2023)
            ("numeric_date", scan(
                rf"{DIGIT_LEAD}(?:(?P<open>\()\s*|{START})(?P<d>{DAY})(?P<sep>[/.-])(?P<m>{MONTHNUM})(?P=sep)"
                rf"(?:(?P<y>{YEAR4})|(?P<yy>\d\d)){NUM_END}(?(open)\s*\))")),
            # Selasa (10/11), Kamis (21/3), Rabu, 17/03: year-less numeric dates count only after a day name
            # (checked by the caller: a bare "(1/3)" is as likely a fraction)
            ("numeric_short", scan(
                rf"{DIGIT_LEAD}(?:(?P<open>\()\s*|{START})(?P<d>{DAY})/(?P<m>{MONTHNUM}){NUM_END}(?(open)\s*\))")),
            # Medan, 21/12 (Antara) - : year-less dateline
            ("dateline_short", scan(
                rf",[ \t]*(?P<d>{DAY})/(?P<m>{MONTHNUM})"
                rf"(?=[ \t]*\([^)\n]{{1,30}}\)[ \t]*[-–—]|[ \t]*[-–—][ \t])")),
            # 2019-04-01, 2019-04 (ISO, e.g. exported metadata)
            ("iso_date", scan(
                rf"{DIGIT_LEAD}(?<![\w./-])(?P<y>{YEAR4})-(?P<m>1[0-2]|0[1-9])(?:-(?P<d>3[01]|[12]\d|0[1-9]))?"
                rf"(?![\w/]|[.-]\d)")),
            # Maret 2024, bulan Mei 2021 -> month granularity
            ("month_year", scan(rf"{MONTH_LEAD}(?<!\w)(?P<mon>{MON})\s*,?\s*(?P<y>{YEAR4}){END}")),
            # 2016 sampai dengan 2020, 2022-2023 -> year range
            ("year_range", scan(
                rf"{DIGIT_LEAD}(?<![\w.,/-])(?P<y1>{YEAR4}){CONN}(?:(?:{alt('year_prefix')})\s+)?(?P<y2>{YEAR4})"
                rf"(?![\w/]|[.,-]\d)")),
            # tahun 2020, sejak 2015, pada 2016 -> year granularity (``year_prefix_before`` checks the prefix)
            ("year", scan(rf"{DIGIT_LEAD}(?<![\w.,/-])(?P<y>{YEAR4})(?![\w/]|[.,-]\d)")),
        ]
        # Looking back from a match start (search with pos/endpos; '$' anchors at endpos).
        self.weekday_before = c(rf"(?<!\w)(?P<wd>{WD})(?:\s*[-–]\s*(?P<wd2>{WD}))?\s*,?\s*{DAYW}\s*$")
        self.year_prefix_before = c(rf"(?<!\w)(?:{alt('year_prefix')})\s+(?:(?:{alt('year_prefix')})\s+)?$")
        self.not_before = c(rf"(?<!\w)(?:{alt('not_before')})\s*\(?\s*$")
        # between two whole dates: "Selasa (8/4/2025) hingga Jumat (11/4/2025)", "dibuka Rabu (5/3/2025) dan
        # berlangsung hingga 7 Maret": the two make one range
        # (also with the dates in brackets: "Jumat (14 April 2017) sampai Minggu (30 April 2017)")
        self.range_between = c(rf"\)?\s*,?\s*(?:(?:dan\s+)?(?:{alt('range_lead')})\s+)?(?:{alt('range')})\s*"
                               rf"(?:{WD}\s*,?\s*)?\(?$")
        self.stamp_label = c(rf"^\W*(?:{alt('stamp_label')})\W*$")
        self.stamp_label_start = c(rf"^\W*(?:{alt('stamp_label')})(?!\w)")
        self.publication_cue = c(rf"(?<!\w)(?:{alt('publication')})(?!\w)")
        self.number_alt = rf"\d{{1,3}}|{_alternation(number_words)}" if number_words else r"\d{1,3}"
        self.ends_with_number = c(rf"(?<!\w)(?:{self.number_alt})\s*$")
        # All relative rules as one regex, rule i in group r<i> (with n_<i>, wd_<i>, mon_<i>): one scan
        # instead of one per rule; at a position the earlier line wins.
        self.relative: list[RelativeRule] = []
        branches = []
        for r in rules.get("relative_dates"):
            if r["unit"] == "number":
                continue
            rule = RelativeRule(r.id, r.source, r["unit"], int(r.get("offset", 0)), len(self.relative),
                                "{n}" in r["pattern"])
            p = (r["pattern"].replace("{n}", rf"(?P<{rule.group('n')}>{self.number_alt})")
                 .replace("{weekday}", rf"(?P<{rule.group('wd')}>{WD})")
                 .replace("{month}", rf"(?P<{rule.group('mon')}>{MON})"))
            try:
                re.compile(p, FLAGS)
            except re.error as e:
                problems.append(f"{r.file}:{r.line}: bad pattern after placeholders: {e}")
                continue
            self.relative.append(rule)
            branches.append(f"(?P<r{rule.index}>{p})")
        if problems:
            raise RuleError(problems)
        self.relative_regex = scan(rf"(?<!\w)(?:{'|'.join(branches) or '(?!)'})(?!\w)")

    @staticmethod
    def lowered(text: str) -> str:
        """ASCII letters lower-cased, nothing else changed: offsets stay valid."""
        return text.translate(ASCII_LOWER)

    def month(self, word: str | None) -> int | None:
        return self.month_of.get(_key(word)) if word else None

    def weekday(self, word: str | None) -> int | None:
        return self.weekday_of.get(_key(word)) if word else None

    def number(self, word: str | None) -> int | None:
        if not word:
            return None
        return int(word) if word.isdigit() else self.number_of.get(_key(word))
