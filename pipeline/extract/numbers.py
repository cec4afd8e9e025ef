"""Reading Indonesian numbers written as digits or as words.

Counts in Indonesian news come as digits with Indonesian separators ("1.686",
"2,5 juta"), as words ("dua puluh lima", "seratus", "sebelas"), as "se-" forms
("seribu", "seorang"), as collectives ("kedua kelompok" = both groups) and as
approximations ("ratusan", "sekitar 50", "lebih dari 100"). The word lists live
in ``rules/number_words.jsonl``; this module only knows the grammar that joins
them. ``NumberParser.parse`` reads one whole string, ``NumberParser.scan`` finds
every number in a text with its character offsets.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from pipeline.rules import RuleSet

# Words, digit groups (with an optional "-an" suffix: "100-an"), and single symbols.
TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*(?:-an\b)?|[^\W\d_]+(?:-[^\W\d_]+)*|\+/-|\S")
_THOUSANDS_DOT = re.compile(r"\d{1,3}(?:\.\d{3})+")
_PLAIN = re.compile(r"\d+")
_DECIMAL_COMMA = re.compile(r"\d{1,3}(?:\.\d{3})*,\d+|\d+,\d+")
_DECIMAL_DOT = re.compile(r"\d+\.\d{1,2}")
_RANGE_DASHES = {"-", "–", "—"}


@dataclass(frozen=True)
class NumberValue:
    """A parsed number. Exact numbers have ``low == high == value``; an unknown
    number in a range ("ratusan") has ``value`` None and the bounds it implies."""

    value: int | None
    approx: bool
    low: int | None
    high: int | None


@dataclass(frozen=True)
class NumberMatch:
    """A number found in a text: where it is and how it was written.

    ``form`` is digits, words, plural (ratusan), collective (kedua), classifier
    (seorang) or range (20-25); ``direction`` is the approximation direction
    (about, over, under, atleast, atmost) when a prefix or suffix gave one.
    """

    start: int
    end: int
    text: str
    number: NumberValue
    form: str
    direction: str | None = None


@dataclass(frozen=True)
class _Token:
    text: str
    low: str
    start: int
    end: int


def tokenize(text: str) -> list[_Token]:
    return [_Token(m.group(), m.group().lower(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


def _digit_value(tok: str) -> tuple[Decimal | None, bool]:
    """The value of a digit token and whether it is a whole number as written.

    "1.686" -> 1686 (Indonesian thousands dot); "2,5" -> 2.5 (decimal comma);
    "1.5" -> 1.5 (only meaningful before juta/ribu). Anything else -> None.
    """
    if tok.endswith("-an"):
        tok = tok[:-3]
    try:
        if _THOUSANDS_DOT.fullmatch(tok) or _PLAIN.fullmatch(tok):
            return Decimal(tok.replace(".", "")), True
        if _DECIMAL_COMMA.fullmatch(tok):
            return Decimal(tok.replace(".", "").replace(",", ".")), False
        if _DECIMAL_DOT.fullmatch(tok):
            return Decimal(tok), False
    except InvalidOperation:
        return None, False
    return None, False


def _as_int(d: Decimal | None) -> int | None:
    if d is None or d != d.to_integral_value():
        return None
    return int(d)


class NumberParser:
    """Turns Indonesian number expressions into ``NumberValue``s, driven by
    ``number_words`` rules (kinds: unit, teen, tens, hundreds, big, se,
    se_classifier, collective, approx_plural, approx_prefix, approx_suffix)."""

    def __init__(self, rules: RuleSet):
        self.words: dict[str, tuple[str, int]] = {}
        self.plural_bounds: dict[str, tuple[int, int]] = {}
        self.prefixes: list[tuple[tuple[str, ...], str]] = []
        self.suffixes: dict[str, str] = {}
        for r in rules.get("number_words"):
            text, kind = r["text"].strip().lower(), r["kind"]
            if kind == "approx_prefix":
                self.prefixes.append((tuple(t.low for t in tokenize(text)), r.get("direction", "about")))
            elif kind == "approx_suffix":
                self.suffixes[text] = r.get("direction", "about")
            else:
                self.words[text] = (kind, int(r["value"]))
                if kind == "approx_plural":
                    self.plural_bounds[text] = (int(r.get("low", r["value"])), int(r.get("high", r["value"] * 10 - 1)))
        self.prefixes.sort(key=lambda p: -len(p[0]))  # longest phrase first
        self.prefix_firsts = {phrase[0] for phrase, _ in self.prefixes if phrase}

    # -- public -----------------------------------------------------------------
    def parse(self, s: str) -> NumberValue | None:
        """The number that the whole of ``s`` spells, or None."""
        if not isinstance(s, str):
            return None
        toks = tokenize(s)
        if not toks:
            return None
        m = self._match(toks, 0)
        if m is None or m[1] != len(toks):
            return None
        return m[2]

    def scan(self, text: str) -> list[NumberMatch]:
        """Every number expression in ``text``, left to right, not overlapping."""
        toks = tokenize(text)
        out: list[NumberMatch] = []
        i = 0
        while i < len(toks):
            m = self._match(toks, i)
            if m is None:
                i += 1
                continue
            _, j, value, form, direction = m
            j = self._restated(toks, j, value)
            start, end = toks[i].start, toks[j - 1].end
            out.append(NumberMatch(start, end, text[start:end], value, form, direction))
            i = j
        return out

    def _restated(self, toks: list[_Token], j: int, value: NumberValue) -> int:
        """The end of a number restated in brackets right after it ("5 (lima)", "lima (5)"): one number."""
        if value.value is None or j + 2 >= len(toks) or toks[j].low != "(":
            return j
        inner = self._match(toks, j + 1)
        if inner is None or inner[1] >= len(toks) or toks[inner[1]].low != ")" or inner[2].value != value.value:
            return j
        return inner[1] + 1

    # -- grammar ----------------------------------------------------------------
    def _kind(self, tok: _Token) -> tuple[str, int] | None:
        return self.words.get(tok.low)

    def _prefix_at(self, toks: list[_Token], i: int) -> tuple[int, str] | None:
        if i >= len(toks) or toks[i].low not in self.prefix_firsts:
            return None
        for phrase, direction in self.prefixes:
            n = len(phrase)
            if tuple(t.low for t in toks[i:i + n]) == phrase:
                return i + n, direction
        return None

    def _match(self, toks: list[_Token], i: int):
        """(start, end_token, NumberValue, form, direction) for a number at token i."""
        direction = None
        core_at = i
        pre = self._prefix_at(toks, i)
        if pre is not None:
            core_at, direction = pre
        core = self._core(toks, core_at)
        if core is None:
            return None
        j, value, form = core
        if form == "digits" and toks[j - 1].low.endswith("-an"):
            direction = direction or self.suffixes.get("-an", "about")
        elif j < len(toks) and toks[j].low in self.suffixes and form in ("digits", "words"):
            # "100 lebih peserta"; but not "100 lebih dari" (a new comparison)
            if not (j + 1 < len(toks) and toks[j + 1].low == "dari"):
                direction = direction or self.suffixes[toks[j].low]
                j += 1
        if form in ("plural", "range"):
            return i, j, value, form, direction
        if direction is not None:
            value = self._approximate(value.value, direction)
        return i, j, value, form, direction

    @staticmethod
    def _approximate(v: int, direction: str) -> NumberValue:
        low = {"over": v + 1, "atleast": v}.get(direction)
        high = {"under": v - 1, "atmost": v}.get(direction)
        return NumberValue(v, True, low, high)

    def _core(self, toks: list[_Token], i: int):
        """(end_token, NumberValue, form) of the number itself at token i."""
        if i >= len(toks):
            return None
        tok = toks[i]
        if tok.low[0].isdigit():
            return self._digits(toks, i)
        kind = self._kind(tok)
        if kind is None:
            return None
        k, v = kind
        if k == "approx_plural":
            lo, hi = self.plural_bounds[tok.low]
            j = i + 1
            nxt = self._kind(toks[j]) if j < len(toks) else None
            if nxt and nxt[0] == "big":  # "puluhan ribu"
                lo, hi, j = lo * nxt[1], (hi + 1) * nxt[1] - 1, j + 1
            return j, NumberValue(None, True, lo, hi), "plural"
        if k == "collective":
            nxt = self._kind(toks[i + 1]) if i + 1 < len(toks) else None
            if nxt and nxt[0] in ("teen", "tens", "hundreds", "big"):
                return None  # "kedua belas" is an ordinal (twelfth)
            return i + 1, NumberValue(v, False, v, v), "collective"
        if k == "se_classifier":
            return i + 1, NumberValue(v, False, v, v), "classifier"
        return self._words(toks, i)

    def _digits(self, toks: list[_Token], i: int):
        d, whole = _digit_value(toks[i].low)
        if d is None:
            return None
        j = i + 1
        if not toks[i].low.endswith("-an") and j < len(toks):
            nxt = self._kind(toks[j])
            if nxt and nxt[0] == "big":  # "2,5 juta", "17 ribu"
                v = _as_int(d * nxt[1])
                if v is None:
                    return None
                return j + 1, NumberValue(v, False, v, v), "digits"
        if not whole:
            # "1,686" written the English way is a count, not 1.686 people
            if re.fullmatch(r"\d{1,3}(?:,\d{3})+", toks[i].low):
                d, whole = Decimal(toks[i].low.replace(",", "")), True
            else:
                return None
        v = int(d)
        # a range "20-25" / "20 – 25"
        if j + 1 < len(toks) and toks[j].low in _RANGE_DASHES and toks[j + 1].low[0].isdigit():
            d2, whole2 = _digit_value(toks[j + 1].low)
            if d2 is not None and whole2 and int(d2) > v:
                return j + 2, NumberValue(None, True, v, int(d2)), "range"
        return j, NumberValue(v, False, v, v), "digits"

    def _words(self, toks: list[_Token], i: int):
        """Spelled-out numbers: a small state machine over number-word kinds.

        States say what may come next: after a unit, belas/puluh/ratus/big; after
        puluh, a unit or big; after ratus, a unit, sepuluh/sebelas or big; after
        a big multiplier (ribu, juta), a new group. It stops at the last valid word.
        """
        total, small, unit = 0, 0, 0
        last_big = None  # the last big multiplier used, to keep them descending
        state = "start"
        best = None  # (end, value) of the longest valid prefix
        j = i
        while j < len(toks):
            kind = self._kind(toks[j])
            if kind is None:
                break
            k, v = kind
            if k == "unit" and state in ("start", "tens", "hundreds", "big"):
                if state == "tens" and v == 0:
                    break
                small, unit, state = small + v, v, "unit"
            elif k == "teen" and state == "unit" and unit_is_single(small, unit):
                small, state = small + v, "teen"
            elif k == "tens" and state == "unit" and unit_is_single(small, unit):
                small, state = small - unit + unit * v, "tens"
            elif k == "hundreds" and state == "unit" and small == unit:
                small, state = unit * v, "hundreds"
            elif k == "se" and v < 1000 and (state in ("start", "big") or (state == "hundreds" and v < 100)):
                small += v
                state = "hundreds" if v == 100 else "teen"
            elif k == "se" and v >= 1000 and state == "start":
                total, last_big, state = v, v, "big"
            elif k == "big" and state in ("unit", "teen", "tens", "hundreds") and small:
                if last_big is not None and v >= last_big:
                    break
                total, small, last_big, state = total + small * v, 0, v, "big"
            else:
                break
            j += 1
            best = (j, total + small)
        if best is None:
            return None
        end, value = best
        return end, NumberValue(value, False, value, value), "words"


def unit_is_single(small: int, unit: int) -> bool:
    """True when the last word added a bare unit (1-9) to a group without tens."""
    return 0 < unit < 10 and small % 100 == unit
