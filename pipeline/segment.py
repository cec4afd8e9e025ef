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
- ``headline``: the match and the linked headline after it on the same line, up to where the body
  goes on ("....Baca juga: Judul Berita Lain Adapun bantuan ...": a page whose link ran into the text).

A rule's line is the line where its first non-blank matched character stands
(a pattern starting with ``^\\s*`` may begin on a blank line above).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .rules import Rule, RuleSet
from .types import Region

SCOPES = {"line", "next_line", "block", "match", "rest", "headline"}
MIN_BODY_AFTER = 3  # body paragraphs after a "rest" footer that make it page furniture above the article

# A dateline opens the body: "CILACAP –", "Jakarta, 12 Oktober 2020 –", "Kendari (ANTARA) -",
# "REPUBLIKA.CO.ID, JAKARTA --", "TANGERANG, BANPOS –", "Medan, 21/12 (Antara) -",
# "Radarjambi.co.id - SAROLANGUN –", "Cilacap (24/04/2017) Sebagai ...".
_SUFFIX = r"(?i:co\.id|go\.id|ac\.id|or\.id|my\.id|web\.id|com|id|net|news|org|co|info|tv)"
_OUTLET = rf"[A-Za-z0-9][\w-]*(?:\.[\w-]+)*\.{_SUFFIX}(?!\w)"  # a web address: halopantura.com, REPUBLIKA.CO.ID
_CITY = r"[A-Z][A-Za-z0-9'’]*(?:[ \t][A-Z][A-Za-z'’]*|-[A-Z][a-z][A-Za-z'’]*){0,3}"
_NAMES = r"[A-Z][\w'’.]*(?:[ \t]+[A-Z][\w'’.]*){0,3}"
DATELINE_RE = re.compile(
    rf"(?:(?P<lead>{_OUTLET})[ \t,.|]*)?"
    rf"(?P<place>(?<!\w){_CITY})?"
    rf"(?P<rest>(?:[ \t]*\([^()\n]{{2,40}}\)|[ \t]*,[ \t]*(?:{_OUTLET}|\d[^,\n–—()]{{1,25}}?|{_NAMES})){{0,3}})"
    r"(?P<dash>[ \t]*[,;]?[ \t]*\n?[ \t]*(?:--|[–—-])|[ \t]*:(?![ \t]*\d)|(?<=\))(?=[ \t]+[A-Z])|(?(lead)(?<=[A-Za-z])(?=[ \t]+[A-Z])|(?!)))"
    r"[ \t]*"
)
# "Liputan6.com, JakartaPeran aktif ...": an outlet's dateline whose place is glued to the body's first word
# (text extracted from a page where the two were separate elements)
_GLUED_RE = re.compile(rf"(?P<lead>{_OUTLET})[ \t]*,[ \t]*(?P<place>[A-Z][a-z]{{2,}})(?=[A-Z][a-z])")
# "Outlet – Place :" — a second place segment right after an outlet-only (or outlet-like) lead.
_SECOND_RE = re.compile(rf"(?P<place>{_CITY})[ \t]*(?:--|[–—-]|:(?![ \t]*\d))[ \t]*")
_PAREN_DATE = re.compile(r"\(\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s*\)")
DATELINE_MAX_START = 1500  # a dateline stands near the top ...
DATELINE_MAX_BODY_LINES = 4  # ... before the fifth paragraph at the latest
WEAK_MAX_WORDS = 2


@dataclass
class Segmentation:
    regions: list[Region] = field(default_factory=list)
    title: tuple[int, int] | None = None
    dateline: tuple[int, int] | None = None        # the whole dateline lead, e.g. "Jakarta, 12 Oktober 2020 –"
    dateline_place: tuple[int, int] | None = None  # its place part, e.g. "Jakarta"; None for an outlet-only lead

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


def _is_paragraph(line: str) -> bool:
    """A body paragraph (a long line or one ending a sentence), not a headline, label or stamp."""
    return len(line) > 200 or (len(line) > 40 and line.endswith((".", "!", "?", '"', "”", "’")))


BULLET = re.compile(r"^\s*[-–•*·]\s+\S")


def _bullets_end(text: str, lines: list[tuple[int, int]], j: int) -> int:
    """The end of the bulleted list whose first item is line ``j``."""
    end = lines[j][1]
    for s, e in lines[j + 1:]:
        if not BULLET.match(text[s:e]):
            break
        end = e
    return end


# Words a headline keeps in lower case ("Gaji Insinyur di Arab Saudi yang Capai ..."): they do not end it.
_HEADLINE_SMALL = {"di", "ke", "dari", "dan", "yang", "untuk", "dengan", "pada", "atau", "hingga", "sampai", "vs",
                   "per", "oleh", "dalam", "bagi", "akan", "sebagai", "soal", "usai", "saat", "kepada", "karena",
                   "agar", "demi", "tentang", "antara", "terhadap", "serta", "lewat", "via", "jadi", "ini", "itu",
                   "tak", "bisa", "jelang", "hari", "the", "of", "and", "in", "for", "to", "a"}
_HEADLINE_WORD = re.compile(r"\S+")
_GLUED_BODY = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")  # "... Menjadi Pertarungan PolitikBudi pernah ..."
HEADLINE_MAX_CHARS = 250


def _headline_end(text: str, at: int, end: int) -> int:
    """Where a linked headline starting at ``at`` ends on its line (``end``): a closing bracket, a word glued to
    the body's first word, a question or exclamation mark, or a capitalised word followed by a lower-case word a
    headline would not keep small (the body's first sentence: "... Rumah Harapan Adapun bantuan yang ...")."""
    end = min(end, at + HEADLINE_MAX_CHARS)
    close = text.find("]", at, end)
    if close >= 0 and "[" in text[max(0, at - 20):at]:
        return close + 1
    glued = _GLUED_BODY.search(text, at, end)
    if glued:
        end = glued.start()
    words = [(m.start(), m.group()) for m in _HEADLINE_WORD.finditer(text, at, end)]
    for k, (start, word) in enumerate(words):
        if k and words[k - 1][1].endswith(("?", "!")):
            return words[k - 1][0] + len(words[k - 1][1])
        bare = word.strip("\"'“”‘’(),.:;")
        if not bare or not bare[0].islower() or bare.casefold() in _HEADLINE_SMALL:
            continue
        j = k - 1
        while j >= 0 and words[j][1][:1].islower():
            j -= 1
        # the body's first word, capitalised, ends the headline before it ("... Indonesia Adapun bantuan")
        cut = words[j][0] if j >= 0 and words[j][1][:1].isupper() else words[j + 1][0]
        return at + len(text[at:cut].rstrip())
    return end


def _body_follows(text: str, lines: list[tuple[int, int]], at: int) -> bool:
    """Most of the article's paragraphs come after ``at``: a footer-like line there ("Komentar", "Copyright ©")
    is page furniture a scraper put above the article, not the end of the page."""
    before = sum(1 for s, e in lines if e <= at and _is_paragraph(text[s:e].strip()))
    after = sum(1 for s, e in lines if s > at and _is_paragraph(text[s:e].strip()))
    return after >= MIN_BODY_AFTER and after > 2 * before


def _outlet_like(word: str) -> bool:
    """A one-word site name rather than a town: a digit (Desakita21) or an inner capital (IDXChannel)."""
    return " " not in word and (any(c.isdigit() for c in word) or re.search(r"[a-z][A-Z]", word) is not None)


class Segmenter:
    """Applies the noise rules of a ``RuleSet`` to article texts."""

    def __init__(self, rules: RuleSet):
        self.rules = [(r, _compile(r), r.get("scope", "line")) for r in rules.get("noise")]
        bad = [f"{r.file}:{r.line}: unknown scope '{s}'" for r, _, s in self.rules if s not in SCOPES]
        if bad:
            from .rules import RuleError
            raise RuleError(bad)
        calendar = [r["text"] for stem in ("weekdays", "months") for r in rules.get(stem)]
        # words that start a line like a dateline but never name its place (place_stopwords position dateline:
        # Baca, Foto, Editor), weekdays and months
        self.not_place = {r["text"].casefold() for r in rules.get("place_stopwords") if r.get("position") == "dateline"} \
            | {w.casefold() for w in calendar}
        self.outlets = {n.casefold() for r in rules.get("media") for n in [r["name"], *(r.get("aliases") or [])]}
        # "Bupati Sleman - didampingi ..." opens a sentence, not a dateline (an upper-case "KARO -" still is one)
        self.titles = {r["text"].casefold() for r in rules.get("titles") if " " not in r["text"]}
        words = sorted((re.escape(w) for w in calendar), key=len, reverse=True)
        cal = "|".join(words) or r"(?!x)x"
        # a date stamp line: "Sabtu, 27 April 24", "Monday, August 15, 2016", "Kamis, 31 Maret 2022 – 09:54 WIB"
        self.stamp_rx = re.compile(rf"^(?:(?:{cal})\b|\d{{1,2}}[ /.-]+(?:{cal}|\d{{1,2}})\b|\d{{4}}-\d\d)", re.IGNORECASE)

    def __call__(self, text: str, title: str | None = None) -> Segmentation:
        lines = _lines(text)
        starts = [s for s, _ in lines]
        seg = Segmentation()
        regions = seg.regions
        for rule, rx, scope in self.rules:
            for m in rx.finditer(text):
                if not m.group().strip():
                    continue
                regions.extend(self._expand(text, lines, starts, m, scope, rule))
        regions.extend(self._repeated(text, lines))
        seg.regions = _merge(regions)
        seg.title = self._title(text, lines, title, seg)
        seg.dateline, seg.dateline_place = self._dateline(text, lines, seg)
        return seg

    def _expand(self, text, lines, starts, m, scope, rule) -> list[Region]:
        src, kind = rule.source, rule["kind"]
        raw = m.group()
        first = m.start() + len(raw) - len(raw.lstrip())  # the first non-blank matched character
        if scope == "match":
            return [Region(first, m.start() + len(raw.rstrip()), kind, src)]
        if scope == "rest":
            if not _body_follows(text, lines, first):
                return [Region(first, len(text.rstrip()), kind, src)]
            scope = "line"  # page furniture printed above the article: only its own line goes
        i = bisect.bisect_right(starts, first) - 1
        if i < 0:
            return []
        if scope == "headline":
            stop = _headline_end(text, m.end(), lines[i][1])
            return [Region(first, stop, kind, src)] if stop > first else []
        start, end = lines[i]
        start += len(text[start:end]) - len(text[start:end].lstrip())
        if scope == "next_line" and not text[m.end():end].strip():
            # "Baca juga:" alone on its line: the link title is the next line, and a bulleted list of titles
            # goes on ("- Judul satu" / "- Judul dua"); a body paragraph there means the link was lost
            for j in range(i + 1, min(i + 4, len(lines))):
                s, e = lines[j]
                if text[s:e].strip():
                    if not _is_paragraph(text[s:e].strip()):
                        end = e
                        if BULLET.match(text[s:e]):
                            end = _bullets_end(text, lines, j)
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
        end -= len(text[start:end]) - len(text[start:end].rstrip())
        return [Region(start, end, kind, src)] if end > start else []

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
                line = text[s:e]
                start = s + len(line) - len(line.lstrip())
                out.append(Region(start, start + len(line.strip()), "repeated", "segment:repeated"))
            seen.add(key)
        return out

    def _title(self, text: str, lines, title: str | None, seg: Segmentation) -> tuple[int, int] | None:
        """The first headline-like line among the first few, skipping site chrome, date stamps and URL slugs."""
        if title:
            i = text.find(title.strip())
            return (i, i + len(title.strip())) if i >= 0 else None
        seen = 0
        for s, e in lines:
            body = text[s:e].strip()
            if not body:
                continue
            seen += 1
            if seen > 6:
                return None
            lead = s + len(text[s:e]) - len(text[s:e].lstrip())
            if (seg.is_excluded(lead, lead + len(body)) or len(body) < 15 or len(body.split()) < 3
                    or self.stamp_rx.match(body)):
                continue  # chrome, a short label, a date stamp or a slug ("rakor-pmd-ntt-210319")
            if len(body) <= 200 and not body.endswith((".", ":", ",")) and self._match_dateline(text, lead, e) is None:
                return (lead, lead + len(body))
            return None
        return None

    def _dateline(self, text: str, lines, seg: Segmentation):
        """The dateline opening the body, and its place part.

        Looked for in the first lines that are neither title nor excluded text. A strong dateline (an
        outlet, an agency or date beside the place, an upper-case place, or a line holding nothing else)
        may follow a teaser or caption paragraph; a weak one ("Malang - ") must open the first paragraph.
        """
        body_lines = 0
        for s, e in lines:
            if s > DATELINE_MAX_START or body_lines >= DATELINE_MAX_BODY_LINES:
                break
            line = text[s:e]
            if not line.strip():
                continue
            start = s + len(line) - len(line.lstrip())
            if seg.title and seg.title[0] <= start < seg.title[1]:
                continue
            if seg.is_excluded(s, e):
                continue
            # "JAKARTA, KOMPAS.com" on a line of its own, its dash opening the next line
            next_dash = re.match(r"\n[ \t]*(?:--|[–—-])[ \t]", text[e:e + 8])
            found = self._match_dateline(text, start, e + next_dash.end() - 1 if next_dash else e)
            if found is not None:
                span, place, strong = found
                if strong or (body_lines == 0 and
                              (place is None or len(text[place[0]:place[1]].split()) <= WEAK_MAX_WORDS)):
                    return span, place
            if _is_paragraph(line.strip()):
                body_lines += 1
        return None, None

    def _match_dateline(self, text: str, start: int, end: int):
        """((start, end), place span or None, strong?) for a dateline at ``start``, else None."""
        m = DATELINE_RE.match(text, start, end)
        if m is None:
            glued = _GLUED_RE.match(text, start, end)
            if glued is not None and glued.group("place").casefold() not in self.not_place:
                return (glued.start(), glued.end()), glued.span("place"), True
            return None
        lead, rest, dash = m.group("lead"), m.group("rest"), m.group("dash")
        place = m.span("place") if m.group("place") else None
        dl_end = m.end()
        bare = dash.strip(" \t,;")
        if place is None and lead is None:
            return None
        if place is not None:
            words = text[place[0]:place[1]]
            first = re.split(r"[\s-]", words)[0].casefold()
            if first in self.not_place or (first in self.titles and not words.isupper()):
                return None
        if not dash:  # no dash: "Cilacap (24/04/2017) Sebagai", "Liputan6.com, Jakarta Badan ..."
            if place is not None and _PAREN_DATE.search(rest):
                pass
            elif lead and place is not None and not rest:
                word = text[place[0]:place[1]].split()[0]
                # "Liputan6.com, JakartaPeran aktif ...": the place glued to the first word of the body
                glued = re.match(r"[A-Z][a-z]+(?=[A-Z][a-z])", word)
                word_end = place[0] + (glued.end() if glued else len(word))
                place, dl_end = (place[0], word_end), word_end
            else:
                return None
        elif bare == "-" and not dash[:1].isspace() and not text[m.start("dash") + len(dash):m.end()]:
            # a hyphen touching both words: "BNI-GP" is a name; "MUNCAR-Pelatihan", "Desanesia.id-Wakil" are datelines
            after = text[m.end():m.end() + 2]
            caps_place = place is not None and text[place[0]:place[1]].isupper() and place[1] - place[0] >= 4
            if not ((lead and place is None) or (caps_place and re.match(r"[A-Z][a-z]", after))):
                return None
        elif bare == ":" and not (lead or rest.strip()):
            return None  # "ANTUSIAS: Peserta ...", "Diperbarui: ..." are labels
        chained = False
        if place is not None:
            word = text[place[0]:place[1]]
            if not lead and not rest.strip() and _outlet_like(word):
                place = None
            elif word.casefold() in self.outlets:  # a known outlet first: "KABARTIMES, MALANG –"
                after = re.match(r"[ \t]*,[ \t]*([A-Z][\w'’]*(?:[ \t]+[A-Z][\w'’]*)*)", rest)
                place = (m.start("rest") + after.start(1), m.start("rest") + after.end(1)) if after else None
        if place is None or (not rest.strip() and not lead):
            second = _SECOND_RE.match(text, dl_end, end)
            if second and (len(second.group("place").split()) == 1 or second.group("place").isupper()) \
                    and second.group("place").split()[0].casefold() not in self.not_place:
                place, dl_end, chained = second.span("place"), second.end(), True
        if dl_end - m.start() > 80:
            return None
        place_text = text[place[0]:place[1]] if place else ""
        strong = bool(lead or rest.strip() or chained or (place_text.isupper() and len(place_text) >= 3)
                      or not text[dl_end:end].strip())
        return (m.start(), dl_end), place, strong


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
