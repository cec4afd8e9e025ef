"""Is the article about a programme, what is it called, and what was done.

Detection sums weighted cue words from ``rules/programme_cues.jsonl`` (negative
weights for other news: crime, sport, markets) into a score in [0, 1]. The name
comes from ``rules/programme_name_patterns.jsonl`` (quoted titles, "program X",
"melalui X", capitalised activity titles); without one, a short description
phrase from the text ("pelatihan membuat tas dari tali kur") stands in.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Sequence

from ..rules import RuleSet
from ..types import Mention, Region, in_regions

# A capitalised sequence: words starting upper-case or with a digit, lowercase connectors inside.
# (spaces and tabs only: a name never runs onto the next line)
NAME = (r"[A-Z0-9][\w.&'’/-]*(?:[ \t]+(?:(?:dan|&|of|and|for|untuk)[ \t]+)?(?:[A-Z0-9(][\w.&'’()/-]*)){0,7}")
DETECT_THRESHOLD = 0.4


@dataclass
class ProgrammeFacts:
    score: float
    is_programme: bool
    name: str | None = None
    name_mention: Mention | None = None
    activities: list[str] = field(default_factory=list)
    cues: list[Mention] = field(default_factory=list)
    # every name the patterns and the description finder propose, for the learned choice (decide/)
    name_candidates: list[Mention] = field(default_factory=list)
    # where each cue word occurs (start, weight), every hit and not only the first, for the detection model
    cue_hits: list[tuple[int, float]] = field(default_factory=list)
    # genre words (rules/programme_genres.jsonl): one mention per rule that occurs, its value holding the genre
    # and every start; read by the detection model only
    genres: list[Mention] = field(default_factory=list)


class ProgrammeExtractor:
    def __init__(self, rules: RuleSet, threshold: float = DETECT_THRESHOLD):
        self.threshold = threshold
        self.cues = []
        for r in rules.get("programme_cues"):
            self.cues.append((r, _word_rx(r["text"]), float(r["weight"]), r["text"].rstrip("*").casefold()))
        self.generic = {r["text"].casefold() for r in rules.get("programme_cues")}
        self.genre_rules = [(r, _word_rx(r["text"]), r["text"].rstrip("*").casefold())
                            for r in rules.get("programme_genres")]
        self.name_rules = sorted(
            ((r, re.compile(r["pattern"].replace("{NAME}", NAME)), r.get("priority", 1))
             for r in rules.get("programme_name_patterns")),
            key=lambda t: -t[2])
        phrases = rules.get("programme_phrases")
        # a description phrase ends before a stop word, and before a regulation's title (``name_end``)
        self.stop_words = frozenset(r["text"].casefold() for r in phrases if r["role"] in ("stop", "name_end"))
        ends = "|".join(re.escape(r["text"]) for r in phrases if r["role"] == "name_end") or r"(?!)"
        # where a proposed name runs into a regulation's title: "X dan Peraturan Daerah ...", "X Nomor 5 ..."
        self.name_end_rx = re.compile(rf"(?:[ \t]+(?:dan|&|serta))?[ \t]+(?:{ends})(?![\w-])")
        self.name_end_start_rx = re.compile(rf"(?:{ends})(?![\w-])")
        # a capitalised word that opens a longer name enclosing the words after it: an office ("Balai Pelatihan
        # Kerja", "Tim Penggerak Pemberdayaan ..."), a guideline ("Pedoman Pemberian Bantuan"), an award
        self.encloses = frozenset(r["text"].casefold() for r in phrases if r["role"] == "encloses")
        # a weak head ("program") starts a phrase only when a word after it is not a cue word ("program CSR")
        self.weak_heads = frozenset(r["text"].casefold() for r in phrases if r["role"] == "head" and r.get("weak"))
        # the head words, longest first: a proposed name starting with one says what kind of activity it is
        self.heads = sorted({r["text"].casefold() for r in phrases if r["role"] == "head"}, key=lambda h: -len(h))
        heads = "|".join(re.escape(r["text"]) for r in phrases if r["role"] == "head") or r"(?!)"
        # the words after a head are looked at, not consumed: "pelatihan X lalu pendampingan Y" gives both
        self.activity_rx = re.compile(rf"\b(?:{heads})\b(?=(?P<tail>(?:[ \t]+[\w-]+){{1,7}}))", re.IGNORECASE)

    def __call__(self, text: str, regions: list[Region], org_spans: Sequence[tuple[int, int]] = (),
                 title: tuple[int, int] | None = None) -> ProgrammeFacts:
        score, cues, hits = self._detect(text, regions)
        facts = ProgrammeFacts(score=score, is_programme=score >= self.threshold, cues=cues, cue_hits=hits,
                               genres=self.genres(text, regions, title))
        facts.activities = self.activities(text, regions)
        # a description inside an organisation's name ("Dinas Pemberdayaan Masyarakat dan Desa") is not the
        # programme's (a named programme may hold an organisation's name: "BRI Peduli")
        named = self.names(text, regions, title=title)
        described = self._descriptions(text, regions, title=title, orgs=org_spans)
        facts.name_candidates = named + described + self._title_names(text, title)
        for m in facts.name_candidates:
            m.value["head"] = self.head_of(m.value["name"])
        facts.name_mention = self._best(named) or (described[0] if described else None)
        if facts.name_mention is not None:
            facts.name = facts.name_mention.value["name"]
        return facts

    def detect(self, text: str, regions: list[Region]) -> tuple[float, list[Mention]]:
        score, cues, _ = self._detect(text, regions)
        return score, cues

    def _detect(self, text: str, regions: list[Region]) -> tuple[float, list[Mention], list[tuple[int, float]]]:
        total, cues, every = 0.0, [], []
        folded = text.casefold()
        for rule, rx, weight, literal in self.cues:
            if literal not in folded:  # a cheap test first: most cue words are not in a given article
                continue
            hits = [m for m in rx.finditer(text) if not in_regions(m.start(), m.end(), regions)]
            if not hits:
                continue
            total += weight * math.log2(1 + len(hits))
            m = hits[0]
            cues.append(Mention("cue", m.group(), m.start(), m.end(), rule.source,
                                {"weight": weight, "hits": len(hits)}))
            every.extend((h.start(), weight) for h in hits)
        # logistic squashing: a score of 0 for no evidence, 0.5 at a raw sum of 4
        score = 1 / (1 + math.exp(-(total - 4.0) / 2.0))
        return round(score, 3), cues, sorted(every)

    def genres(self, text: str, regions: list[Region], title: tuple[int, int] | None = None,
               title_chars: int = 150) -> list[Mention]:
        """Genre words that occur outside the excluded regions (a ``where: title`` word only in the headline,
        or in the first characters when no headline was found)."""
        head = title or (0, min(title_chars, len(text)))
        folded = text.casefold()
        out: list[Mention] = []
        for rule, rx, literal in self.genre_rules:
            if literal not in folded:
                continue
            in_title = rule.get("where") == "title"
            starts = [m for m in rx.finditer(text, *(head if in_title else (0, len(text))))
                      if not in_regions(m.start(), m.end(), regions)]
            if starts:
                m = starts[0]
                out.append(Mention("cue", m.group(), m.start(), m.end(), rule.source,
                                   {"genre": rule["genre"], "starts": [x.start() for x in starts]}, label="genre"))
        return out

    def names(self, text: str, regions: list[Region], per_rule: int = 3,
              title: tuple[int, int] | None = None) -> list[Mention]:
        """Names the patterns find (the first few matches of each rule), each with its rule's priority; none that
        stands inside a longer name of an office, a guideline or an award (``enclosed``)."""
        out: list[Mention] = []
        for rule, rx, priority in self.name_rules:
            found = 0
            for m in rx.finditer(text):
                s, e = m.span("name")
                if in_regions(s, e, regions):
                    continue
                raw = m.group("name")
                if self.name_end_start_rx.match(raw):
                    continue  # "Peraturan Bupati Nomor ...": a regulation's title, not a programme's name
                cut = self.name_end_rx.search(raw)
                name = _trim_name(raw[:cut.start()] if cut else raw)
                if not name or name.casefold() in self.generic or len(name) < 4:
                    continue
                if self.enclosed(text, s, title):
                    continue
                s += raw.index(name)  # trimming may drop leading blanks: keep text[start:end] == name
                out.append(Mention("cue", name, s, s + len(name), rule.source,
                                   {"name": name, "pattern": rule.id, "priority": priority}, label="programme_name"))
                found += 1
                if found >= per_rule:
                    break
        return out

    @staticmethod
    def _best(named: list[Mention]) -> Mention | None:
        """The rules' own choice: the highest priority, then the first in the text (of each rule's first match).
        A pattern of priority 0 only proposes names for the learned choice (an event's name: "acara X", "X
        Festival" is often the setting of the programme, not the programme); the rules never take it."""
        firsts: dict[str, Mention] = {}
        for m in named:
            if m.value["priority"] > 0:
                firsts.setdefault(m.value["pattern"], m)
        if not firsts:
            return None
        return max(firsts.values(), key=lambda m: (m.value["priority"], -m.start))

    def name(self, text: str, regions: list[Region]) -> Mention | None:
        return self._best(self.names(text, regions))

    def _descriptions(self, text: str, regions: list[Region], limit: int = 4,
                      title: tuple[int, int] | None = None,
                      orgs: Sequence[tuple[int, int]] = ()) -> list[Mention]:
        """Description phrases: a head word and the words after it. One whose head stands inside an organisation's
        name (``orgs``: "Dinas Pemberdayaan ...") is none; an organisation after the head belongs to the phrase when
        the phrase holds all of it ("sosialisasi kerja sama BPJS ..."), else the phrase ends before it (an organisation
        in the words looked at after the phrase's end, "pelatihan menjahit di Lapas ...", no longer drops it)."""
        out: list[Mention] = []
        for m in self.activity_rx.finditer(text):
            span = text[m.start():m.end("tail")]
            if in_regions(m.start(), m.end("tail"), regions) or self.enclosed(text, m.start(), title):
                continue
            if any(s < m.end() and m.start() < e for s, e in orgs):
                continue
            n = _phrase_end(span, self.stop_words)
            cut = min((s for s, e in orgs if m.start() < s < m.start() + n < e), default=None)
            if cut is not None:  # an organisation's name runs on past the phrase's end: the phrase ends before it
                span = text[m.start():cut]
                n = _phrase_end(span, self.stop_words)
            end = m.start() + n
            phrase = " ".join(text[m.start():end].split())
            if len(phrase.split()) >= 2 and not self._weak(m.group(), phrase):
                out.append(Mention("cue", text[m.start():end], m.start(), end, "regex:programme:description",
                                   {"name": phrase, "pattern": "description", "priority": 0},
                                   label="programme_name"))
                if len(out) >= limit:
                    break
        return out

    @staticmethod
    def _title_names(text: str, title: tuple[int, int] | None, max_words: int = 8) -> list[Mention]:
        """The headline often names what was done: its capitalised runs of two or more words ("Koperasi
        Merah Putih", "Banyuwangi Travel Mart 2025") and, when short, the headline itself ("Jamkrindo Hijaukan
        Geopark"; a longer one is a sentence about the programme, not its name). Proposed for the learned
        choice only (the rules' own choice never takes them)."""
        if title is None:
            return []
        s, e = title
        head = text[s:e]
        out: list[Mention] = []
        for m in re.finditer(NAME, head):
            name = _trim_name(m.group())
            if len(name.split()) < 2 or name == head.strip():
                continue
            start = s + m.start() + m.group().index(name)
            out.append(Mention("cue", name, start, start + len(name), "regex:programme:title_run",
                               {"name": name, "pattern": "title_run", "priority": 0}, label="programme_name"))
        whole = head.strip()
        if 2 <= len(whole.split()) <= max_words:
            start = s + head.index(whole)
            out.append(Mention("cue", whole, start, start + len(whole), "regex:programme:title",
                               {"name": whole, "pattern": "title", "priority": 0}, label="programme_name"))
        return out

    def enclosed(self, text: str, start: int, title: tuple[int, int] | None = None, limit: int = 6) -> bool:
        """Whether the words from ``start`` on continue a capitalised run on the same line that an ``encloses``
        word opens: "Balai Besar Pelatihan Vokasi", "Menteri Koordinator Bidang Pemberdayaan Masyarakat",
        "Pedoman Pemberian Bantuan Pemerintah" name an office or a guideline, not the programme. The run goes
        back over capitalised words and a "dan" between them, and stops at a lower-case word or at punctuation
        ("... di Aceh. Pelatihan ..."). Not in the headline, where every word is capitalised, nor when the enclosing
        name starts its line."""
        if not self.encloses or (title is not None and title[0] <= start < title[1]):
            return False
        pos = start
        for _ in range(limit):
            m = _RUN_BEFORE.search(text, max(0, pos - 80), pos)
            if m is None:
                return False
            w = m.group(1)
            if w.casefold() not in _RUN_JOINS:
                if not w[:1].isupper() or w[-1] in _RUN_STOPS:
                    return False
                if w.casefold() in self.encloses:
                    # a line that starts with the office's name is a heading or a caption about it: there the
                    # office is often what the article reports ("Balai Latihan Kerja Pemuda" above its story)
                    return bool(text[max(0, m.start() - 80):m.start()].strip(" \t").rpartition("\n")[2])
            pos = m.start()
        return False

    def _description(self, text: str, regions: list[Region]) -> Mention | None:
        found = self._descriptions(text, regions, limit=1)
        return found[0] if found else None

    def head_of(self, name: str) -> str:
        """The head word a name starts with ("pelatihan", "bimbingan teknis", "program"), or ''."""
        folded = " ".join(name.casefold().split())
        return next((h for h in self.heads if folded == h or folded.startswith(h + " ")), "")

    def _weak(self, head: str, phrase: str) -> bool:
        """A phrase of a weak head whose other words are all cue words says nothing ("program CSR")."""
        head = head.casefold()
        if head not in self.weak_heads:
            return False
        rest = phrase.casefold()[len(head):].split()
        return all(w in self.generic for w in rest)

    def activities(self, text: str, regions: list[Region], limit: int = 8) -> list[str]:
        out: list[str] = []
        seen = set()
        for m in self.activity_rx.finditer(text):
            if in_regions(m.start(), m.end("tail"), regions):
                continue
            span = text[m.start():m.end("tail")]
            end = _phrase_end(span, self.stop_words)
            phrase = " ".join(span[:end].split())
            key = phrase.casefold()
            if len(phrase.split()) >= 2 and key not in seen and not self._weak(m.group(), phrase):
                seen.add(key)
                # cut by the length limit, not at a natural end: say so ("... berbahan dasar lidah …")
                nxt = _NEXT_WORD.match(text, m.start() + end)
                cut = len(phrase.split()) >= 7 and nxt is not None and nxt.group(1).casefold() not in self.stop_words
                out.append(phrase + " …" if cut else phrase)
            if len(out) >= limit:
                break
        return out


_NEXT_WORD = re.compile(r"[ \t]+([\w-]+)")
# the word just before a position, with the blanks after it (same line): a capitalised run is read back with it
_RUN_BEFORE = re.compile(r"(?<![^\s])(\S+)[ \t]+$")
_RUN_JOINS = frozenset({"dan", "&", "serta"})
_RUN_STOPS = frozenset(",.;:!?\"”“'’")


def _word_rx(text: str) -> re.Pattern:
    """A cue or genre word matched ignoring case as a whole word; a trailing ``*`` matches any ending."""
    word = re.escape(text.rstrip("*"))
    tail = r"\w*" if text.endswith("*") else r"\b"
    return re.compile(rf"\b{word}{tail}", re.IGNORECASE)


# a phrase cut after one of these has lost what they join: "pelatihan dan" is "pelatihan"
_DANGLING = frozenset({"dan", "serta", "atau", "&", "untuk", "bagi", "para"})


# a lower-case word glued to a capitalised one where a blank was lost in the page's markup ("diKota", "keDesa")
_GLUED = re.compile(r"([a-z]+)[A-Z]")

# a passive verb ("disalurkan", "ditugaskan", "dititipkan"): the phrase before it is the subject, the verb no part
_PASSIVE = re.compile(r"di[a-z]{3,}kan$", re.IGNORECASE)


def _phrase_end(s: str, stop_words: frozenset[str]) -> int:
    """Where a description phrase ends in ``s``: before the first function word or punctuation, at most 7
    words, and never on a dangling connector."""
    ends: list[tuple[int, str]] = []
    for n, w in enumerate(re.finditer(r"\S+", s)):
        core = w.group().strip(",.;:!?\"“”()")
        if n >= 7 or not core or core.casefold() in stop_words or not re.match(r"^[\w-]+$", core):
            break
        glued = _GLUED.match(core)
        if n and glued and glued.group(1).casefold() in stop_words:
            break  # a stop word run into the next name, a lost blank ("bantuan diKota Lama"): it ends here too
        if n and _PASSIVE.match(core):  # a passive verb starts what is said of it: "penyaluran X ditugaskan ..."
            break
        ends.append((w.start() + w.group().index(core) + len(core), core.casefold()))
        if core != w.group():  # punctuation after it ends the phrase
            break
    while len(ends) > 1 and ends[-1][1] in _DANGLING:
        ends.pop()
    return ends[-1][0] if ends else 0


_COUNT_TAIL = re.compile(r"[ \t]+(?:untuk|dan|bagi|&|for|and)[ \t]+\d[\d.,]*$")


def _trim_name(s: str) -> str:
    # a sentence ends inside the capitalised run: "Wirausaha Muda Mandiri (WMM). Pendaftaran" (but "PT. X" goes on)
    end = re.search(r"(?:\)|\w{4,})\.\s", s)
    if end:
        s = s[: end.start() + len(end.group()) - 2]
    s = s.strip(" \t\n,.;:-–")
    # a count after a connector is what the name is for, not the name: "Demo Day untuk 9 [startup]"
    s = _COUNT_TAIL.sub("", s)
    # a trailing unbalanced bracket or lone connector is not part of the name
    while s and (s.endswith(("(", " dan", " &", " untuk", " of", " and")) or s.count("(") < s.count(")")):
        s = s.rsplit(" ", 1)[0] if " " in s else ""
        s = s.strip(" ,.;:-–")
    if s.count("(") > s.count(")"):
        s = s[: s.rfind("(")].strip()
    return s
