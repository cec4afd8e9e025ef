"""Find what is not article text, the title and the dateline — without deleting anything.

Non-article text ("Baca juga" lines, photo credits, bylines, share footers,
related-post lists, repeated paragraphs) becomes excluded ``Region``s, so
offsets still point into the original text. The patterns live in
``rules/noise.jsonl``; each rule has a ``scope``:

- ``line``: the whole line holding the match;
- ``next_line``: that line and the next non-empty one (a header such as a bare
  "Baca Juga:" followed by the linked headline);
- ``block``: that line and the short lines after it (a related-posts list);
- ``match``: only the matched characters (a "(gin)" byline at a paragraph end);
- ``rest``: from the match to the end of the text (comment boxes, copyright footers).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .rules import Rule, RuleSet
from .types import Region

SCOPES = {"line", "next_line", "block", "match", "rest"}

# A dateline opens the body: "CILACAP –", "Jakarta, 12 Oktober 2020 –", "Kendari (ANTARA) -",
# "REPUBLIKA.CO.ID, JAKARTA --", "TANGERANG, BANPOS –", "Medan, 21/12 (Antara) -".
_DASH = r"(?:--|[–—-]|:)"
_OUTLET = r"(?:[A-Za-z0-9]+\.(?:co\.id|com|id|net|news|org|co)|[A-Z][A-Za-z0-9]*(?:\.[A-Za-z]+)+)"
_CITY = r"[A-Z][A-Za-z'.]+(?:[ -][A-Z][A-Za-z'.]+){0,3}"
DATELINE_RE = re.compile(
    rf"(?P<lead>(?:{_OUTLET}\s*,?\s*)?)"
    rf"(?P<place>{_CITY})"
    rf"(?P<rest>(?:\s*,\s*(?:{_OUTLET}|[A-Z][A-Z ]+|[^,\n–—]{{3,30}}?))?(?:\s*\([^)\n]{{2,30}}\))?)"
    rf"\s*{_DASH}\s*"
)
_NOT_PLACE = {"Baca", "Foto", "Editor", "Reporter", "Penulis", "Pewarta", "Sumber", "Oleh"}


@dataclass
class Segmentation:
    regions: list[Region] = field(default_factory=list)
    title: tuple[int, int] | None = None
    dateline: tuple[int, int] | None = None        # the whole dateline lead, e.g. "Jakarta, 12 Oktober 2020 –"
    dateline_place: tuple[int, int] | None = None  # its place part, e.g. "Jakarta"

    def is_excluded(self, start: int, end: int) -> bool:
        return any(r.overlaps(start, end) for r in self.regions)


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, end excluding the newline."""
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        out.append((pos, pos + len(stripped)))
        pos += len(line)
    return out


def _compile(rule: Rule) -> re.Pattern:
    flags = re.MULTILINE
    if "i" in (rule.get("flags") or ""):
        flags |= re.IGNORECASE
    return re.compile(rule["pattern"], flags)


class Segmenter:
    """Applies the noise rules of a ``RuleSet`` to article texts."""

    def __init__(self, rules: RuleSet):
        self.rules = [(r, _compile(r), r.get("scope", "line")) for r in rules.get("noise")]
        bad = [f"{r.file}:{r.line}: unknown scope '{s}'" for r, _, s in self.rules if s not in SCOPES]
        if bad:
            from .rules import RuleError
            raise RuleError(bad)

    def __call__(self, text: str, title: str | None = None) -> Segmentation:
        lines = _lines(text)
        seg = Segmentation()
        regions = seg.regions
        for rule, rx, scope in self.rules:
            for m in rx.finditer(text):
                if m.end() == m.start():
                    continue
                regions.extend(self._expand(text, lines, m, scope, rule))
        regions.extend(self._repeated(text, lines))
        seg.title = self._title(text, lines, title)
        seg.dateline, seg.dateline_place = self._dateline(text, lines, seg)
        seg.regions = _merge(regions)
        return seg

    def _expand(self, text, lines, m, scope, rule) -> list[Region]:
        src, kind = rule.source, rule["kind"]
        if scope == "match":
            return [Region(m.start(), m.end(), kind, src)]
        if scope == "rest":
            return [Region(m.start(), len(text), kind, src)]
        i = next((k for k, (s, e) in enumerate(lines) if s <= m.start() <= e), None)
        if i is None:
            return []
        start, end = lines[i]
        if scope == "next_line" and not text[m.end():end].strip():
            for j in range(i + 1, min(i + 4, len(lines))):
                s, e = lines[j]
                if text[s:e].strip():
                    end = e
                    break
        elif scope == "block":
            for j in range(i + 1, len(lines)):
                s, e = lines[j]
                body = text[s:e].strip()
                if not body:
                    if j > i + 1 and end > lines[i][1]:
                        break
                    continue
                if len(body) > 140 or body.endswith((".", "”", '"')):
                    break
                end = e
        return [Region(start, end, kind, src)]

    @staticmethod
    def _repeated(text: str, lines) -> list[Region]:
        """Lines that repeat an earlier line word for word (title repeated, duplicated paragraphs)."""
        seen: set[str] = set()
        out = []
        for s, e in lines:
            key = re.sub(r"\W+", " ", text[s:e]).strip().casefold()
            if len(key) < 25:
                continue
            if key in seen:
                out.append(Region(s, e, "repeated", "segment:repeated"))
            seen.add(key)
        return out

    @staticmethod
    def _title(text: str, lines, title: str | None) -> tuple[int, int] | None:
        """The first short line without a final full stop, when it reads like a headline."""
        if title:
            i = text.find(title.strip())
            return (i, i + len(title.strip())) if i >= 0 else None
        for s, e in lines[:4]:
            body = text[s:e].strip()
            if not body:
                continue
            if 15 <= len(body) <= 200 and not body.endswith((".", ":", ",")) and not DATELINE_RE.match(body):
                lead = s + len(text[s:e]) - len(text[s:e].lstrip())
                return (lead, lead + len(body))
            return None
        return None

    @staticmethod
    def _dateline(text: str, lines, seg: Segmentation):
        """The dateline at the start of the first body paragraph, and its place part."""
        for s, e in lines[:12]:
            if seg.title and s <= seg.title[0] < e:
                continue
            if any(r.overlaps(s, e) for r in seg.regions if r.kind != "repeated"):
                continue
            body_start = s + len(text[s:e]) - len(text[s:e].lstrip())
            m = DATELINE_RE.match(text, body_start, e if e > body_start else body_start)
            if m and m.group("place").split()[0] not in _NOT_PLACE:
                # a dateline lead is short; "Pelatihan ini - ..." is a sentence, not a dateline
                if m.end() - m.start() <= 70 and (m.group("place").isupper() or m.group("rest") or m.group("lead")
                                                  or len(m.group("place").split()) <= 2):
                    return (m.start(), m.end()), (m.start("place"), m.end("place"))
            if e - s > 40:
                return None, None
        return None, None


def _merge(regions: list[Region]) -> list[Region]:
    """Sorted, with overlapping regions of any kind merged (the first kind wins)."""
    out: list[Region] = []
    for r in sorted(regions, key=lambda r: (r.start, -r.end)):
        if out and r.start <= out[-1].end:
            last = out[-1]
            if r.end > last.end:
                out[-1] = Region(last.start, r.end, last.kind, last.source)
            continue
        out.append(r)
    return out
