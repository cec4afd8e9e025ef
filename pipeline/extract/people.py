"""Find the people of one article, their positions, and the press (bylines, credits).

Why patterns: the NER model is optional and still being trained, and Indonesian
news names its people in a few fixed shapes, which also give the position:

    speech verb + NAME [, POSITION]        "ujar Rudi Hartono, Area Manager CSR PT Energi Raya."
    speech verb + POSITION [,] NAME        "kata Kepala Balai Mulya, Budi Santoso, di Sukamaju"
    POSITION [,] NAME                      "Wali Kota Sukamaju Andi Pratama mengatakan"
    NAME selaku|yang juga POSITION         "Darto, selaku koordinator kelompok tani"
    NAME [(45)], POSITION | NAME POSITION  "Nita Sari, pemilik usaha Batik Ayu"
    ORG pimpinan NAME                      position "pimpinan ORG"
    Menurut NAME | NAME mengatakan | Bapak/Ibu NAME
    NICK, panggilan akrab NAME             NICK is another name of NAME
    bylines and credits                    rules/byline_patterns.jsonl

Every word list lives in rules/ (titles, speech_verbs, honorifics, person_cues,
person_stopwords, byline_patterns). A position written before the name often
runs into it with nothing between ("Bupati Sukamaju Andi Pratama"); where the name
starts is decided by evidence from the whole article (see ``_Doc``):
organisation spans, NER PER spans, words seen alone in a speaker's place
("ujar Andi"), and words seen after a place or organisation word ("Kabupaten
Sukamaju") or inside someone's position.

NER PER spans (``_ner_name``) are used only where the article makes them plausible: two or more name
words, not inside an organisation, not a place, not the end or start of a longer capitalised name, not
alone in brackets; where a pattern found a name, the pattern's boundaries win. On this text the model
tags common words, programme names and places as PER (measured on the dev set and on held-out articles).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from pipeline.normalize.people import clean_person_name, is_cut_from, name_words
from pipeline.rules import RuleSet
from pipeline.types import Mention, Region, in_regions

TOKEN_RE = re.compile(r"[^\W\d_](?:\w|['’`](?=[^\W\d_])|-(?=\w))*|\d+(?:[.,:/]\d+)*|\S")
# a capitalised word glued to the next capitalised word: group 1 is the first word
GLUED_RE = re.compile(r"^([A-Z][a-z]*[a-z]{3})(?=[A-Z][a-z]{2})")
# lowercase words inside a name ("Ahmad bin Said", "Maria da Costa")
PARTICLES = frozenset({"bin", "binti", "van", "von", "der", "den", "de", "da", "al", "el", "bte", "dos",
                       "br", "boru"})  # br/boru: Batak women's clan names ("Mariani br Simbolon")
# words and signs that join two parts of one position ("Mikro dan Bisnis", "Comm & CSR")
TITLE_CONNECTORS = frozenset({"dan", "&", "/", "of", "and", "for", "serta", "-", "–", "dari", "+"})
# words that join the parts of a longer (often English) name: "Green Village and Beyond", "Bank of Asia"
NAME_JOINERS = frozenset({"and", "of", "&", "for", "the"})
QUOTES = frozenset("\"'“”‘’`«»")
# derived nouns (pelatihan, kegiatan, pertambangan), -nya words, ministries (Kemendagri) and me-...-kan verbs
# (Menumbuhkan) are never names
NOT_NAME_RE = re.compile(r"(?:(?:pe[mnr]?|peng|peny|per|ke)\w{3,}an|\w{3,}nya|kemen\w{2,}|me[mn]\w{3,}kan)$")
HEADING_MIN_WORDS = 4
MAX_NAME_WORDS = 5
MAX_TITLE_TOKENS = 24


@lru_cache(maxsize=1)
def _place_phrases() -> dict[str, frozenset[tuple[str, ...]]]:
    """Official place names that are never people: provinces, kabupaten/kota (without the
    Kabupaten/Kota prefix) and kecamatan of two or more words, by first word.

    One-word kecamatan are left out: many are also given names (Bambang, Bintang).
    """
    from .gazetteer import Gazetteer  # the places extractor's cached index: one load per process

    try:
        gaz = Gazetteer.load()
    except Exception:  # noqa: BLE001 - without the region list, evidence is only weaker
        return {}
    names: set[tuple[str, ...]] = set()
    by_depth: dict[int, list[str]] = {}
    for code, name in gaz.names.items():
        by_depth.setdefault(code.count("."), []).append(name)
    provinces, regencies, districts = by_depth.get(0, []), by_depth.get(1, []), by_depth.get(2, [])
    for name in provinces + regencies:
        names.add(tuple(_keys(re.sub(r"^(?:Kabupaten|Kota)(?: Administrasi)?\s+", "", name))))
    for name in provinces:  # "DKI Jakarta" -> "Jakarta", "Daerah Istimewa Yogyakarta" -> "Yogyakarta"
        names.add(tuple(_keys(re.sub(r"^(?:DKI|Daerah Istimewa|Daerah Khusus Ibukota)\s+", "", name))))
    for name in districts:
        key = tuple(_keys(name))
        if len(key) >= 2:
            names.add(key)
    by_first: dict[str, set[tuple[str, ...]]] = {}
    for key in names:
        if key:
            by_first.setdefault(key[0], set()).add(key)
    return {k: frozenset(v) for k, v in by_first.items()}


@lru_cache(maxsize=1)
def _village_words() -> frozenset[str]:
    """One-word names of kecamatan, desa and kelurahan (case-folded). Many are also given names (Bambang, Sugeng),
    so they never rule a word out as a name; they only say where the place ends after a head that takes a place
    ("Camat Sukolilo Suparman")."""
    from .gazetteer import Gazetteer  # the places extractor's cached index: one load per process

    try:
        gaz = Gazetteer.load()
    except Exception:  # noqa: BLE001 - without the region list, evidence is only weaker
        return frozenset()
    return frozenset(n.casefold() for code, n in gaz.names.items() if code.count(".") >= 2 and " " not in n.strip())


@dataclass
class _Tok:
    text: str
    start: int
    end: int
    kind: str  # w(ord) | n(umber) | p(unctuation)
    cf: str
    gap: str  # the text between the previous token and this one
    glued: bool = False  # split off the word before it ("Jakarta|Bupati"): a space was lost there


@dataclass
class _Name:
    a: int  # first token of the clean name
    b: int  # token after the clean name
    after: int  # token after the name and any degrees
    honorific: bool
    h0: int  # first token, honorifics included


@dataclass
class _Cand:
    a: int
    b: int
    source: str
    strength: int  # 3: with a position; 2: anchored by a verb or cue; 1: repeat of a found name
    title: tuple[int, int] | None = None  # token range of the position
    comma: bool = False  # name and position are set apart by a comma or cue
    cue: bool = False  # the position follows a cue word ("selaku", "yang juga")
    weak: bool = False  # found only by an action verb or a weak intro: a one-word name needs evidence
    role: str = ""
    byline: bool = False
    name: str = ""
    span: tuple[int, int] | None = None  # char span when not token based (bylines)
    title_text: str = ""  # the position when it is not one stretch of text ("pimpinan" + ORG before it)
    organization: str = ""
    alias_of: str = ""


class _Lexicon:
    """The people rule files, compiled for token matching."""

    def __init__(self, rules: RuleSet):
        self.words = name_words(rules)
        # month names are stop words ("Mei lalu"), yet also parts of names between two name words ("Tjong Mei Lan")
        self.months = {k for r in rules.get("months") for k in _keys(r["text"])}
        self.weekdays = {k for r in rules.get("weekdays") for k in _keys(r["text"])}
        # forms of address that alone say a person's name follows (honorifics marked addresses: Bapak, Ibu, Mr.)
        self.addresses = {k[0] for r in rules.get("honorifics") if r.get("addresses") for k in [_keys(r["text"])] if k}
        self.heads: dict[tuple[str, ...], object] = Phrases()
        self.title_words: set[str] = set()
        for r in rules.get("titles"):
            key = tuple(_keys(r["text"]))
            if not key:
                continue
            if r.get("kind", "head") == "word":
                self.title_words.update(key)
            else:
                self.heads[key] = r
        self.before: dict[tuple[str, ...], object] = Phrases()
        self.after: dict[tuple[str, ...], object] = Phrases()
        for r in rules.get("speech_verbs"):
            key = tuple(_keys(r["text"]))
            if not key:
                continue
            if r.get("position", "before") == "after":
                self.after[key] = r
            else:
                self.before[key] = r
                if len(key) == 1 and not key[0].endswith("nya"):
                    self.before[(key[0] + "nya",)] = r
        self.cues: dict[str, dict[tuple[str, ...], object]] = {}
        for r in rules.get("person_cues"):
            key = tuple(_keys(r["text"]))
            if key:
                self.cues.setdefault(r["kind"], Phrases())[key] = r
        self.stop = {k for r in rules.get("person_stopwords") for k in _keys(r["text"])}
        self.abbrev = {k[0] for k in self.cues.get("abbreviation", {})}
        self.appositions = Phrases({**self.cue("apposition"), **self.cue("apposition_free")})
        # written exactly as listed ("I", "Lalu"): the same word in lower case is an ordinary word
        self.name_prefixes = {r["text"]: r for r in rules.get("person_cues") if r["kind"] == "name_prefix"}
        self.title_stop = {k[0] for k in self.cues.get("title_stop", {})}
        # one word between a position and its names ("penari, yakni A, B, dan C", "Mantri BRI bernama A")
        self.name_intro = frozenset(k[0] for k in self.cues.get("name_intro", {}) if len(k) == 1)
        kin = sorted({r["text"] for r in rules.get("person_cues") if r["kind"] == "kin"}, key=len, reverse=True)
        # a family word, then at most a few capitalised position words, right before the name
        self.kin_before = re.compile(r"\b(?:%s)(?:[ \t]+[A-Z][\w.&/-]*){0,6}[ \t]*$" % "|".join(map(re.escape, kin)),
                                     re.IGNORECASE) if kin else None
        self.head_single = {k[0] for k in self.heads if len(k) == 1}
        self.bylines = []
        for r in rules.get("byline_patterns"):
            flags = re.MULTILINE | (re.IGNORECASE if "i" in (r.get("flags") or "") else 0)
            self.bylines.append((re.compile(r["pattern"], flags), r))

    def cue(self, kind: str) -> dict:
        return self.cues.get(kind, _NO_PHRASES)

    @staticmethod
    def match(table: dict, keys: list[str], i: int, maxlen: int = 4):
        """The longest phrase of ``table`` starting at token ``i``: (rule, length) or (None, 0)."""
        if isinstance(table, Phrases) and (i >= len(keys) or keys[i] not in table.firsts):
            return None, 0
        for n in range(min(maxlen, len(keys) - i), 0, -1):
            r = table.get(tuple(keys[i:i + n]))
            if r is not None:
                return r, n
        return None, 0

    @staticmethod
    def ends(table: dict, keys: list[str], end: int, maxlen: int = 4):
        """The longest phrase of ``table`` ending right before token ``end``: (rule, length)."""
        if isinstance(table, Phrases) and (end < 1 or keys[end - 1] not in table.lasts):
            return None, 0
        for n in range(min(maxlen, end), 0, -1):
            r = table.get(tuple(keys[end - n:end]))
            if r is not None:
                return r, n
        return None, 0


class Phrases(dict):
    """Phrases (tuples of case-folded words) to rules, knowing their first and last words, so that most
    token positions are ruled out by one set lookup."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.firsts = {k[0] for k in self}
        self.lasts = {k[-1] for k in self}

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self.firsts.add(key[0])
        self.lasts.add(key[-1])


_NO_PHRASES = Phrases()


def _full_name(doc: "_Doc", nm: "_Name") -> bool:
    """Two or more name words, none seen as a place word ("di kawasan Air Itam"): a name on its own."""
    return nm.b - nm.a >= 2 and not any(doc.keys[j] in doc.place_words for j in range(nm.a, nm.b))


def _keys(text: str) -> list[str]:
    return [m.group().casefold() for m in TOKEN_RE.finditer(text) if m.group() not in ".,"]


class _Doc:
    """One article's tokens, token tests, name/position parsers, and the evidence about names.

    Evidence (sets of case-folded words):
      ``person_strong``: seen alone where a speaker stands ("ujar Rudi", "Pak Rudi", "Menurut Rudi");
      ``person_weak``: seen alone before an action verb at the start of a clause ("Rudi menambahkan");
      ``place_words``: seen after a place/organisation word ("Kota Sukamaju", "PT Sinar Tirta", "di Sukamaju"),
      inside someone's position, or written in capitals (a dateline).
    """

    def __init__(self, text: str, lex: _Lexicon, org_spans, ner_spans):
        self.text = text
        self.lex = lex
        self.toks: list[_Tok] = []
        prev = 0
        for m in TOKEN_RE.finditer(text):
            s = m.group()
            kind = "w" if s[0].isalpha() else "n" if s[0].isdigit() else "p"
            start = m.start()
            if kind == "w":
                # words a scraper glued together ("JakartaBupati", "UmumBhayangkari"): split where a capitalised
                # word of 3+ lower-case letters meets the next one; "McLeod", "KerjaKu", "detikNews" stay whole
                g = GLUED_RE.match(s)
                while g:
                    self.toks.append(_Tok(g.group(1), start, start + g.end(1), kind, g.group(1).casefold(),
                                          text[prev:start], start > m.start()))
                    start, prev, s = start + g.end(1), start + g.end(1), s[g.end(1):]
                    g = GLUED_RE.match(s)
            self.toks.append(_Tok(s, start, m.end(), kind, s.casefold(), text[prev:start], start > m.start()))
            prev = m.end()
        self.keys = [t.cf for t in self.toks]
        self.n = len(self.toks)
        self.org_spans = sorted((int(s), int(e)) for s, e, *_ in org_spans)
        self.ner_people = sorted((int(s), int(e)) for s, e, lab in ner_spans if str(lab).upper() in {"PER", "PERSON"})
        self.person_strong: set[str] = set()
        self.person_weak: set[str] = set()
        self.known_names: set[str] = set()  # full names from NER or unambiguous patterns
        self.pattern_names: set[str] = set()  # the same, from patterns only (what the model's names need)
        self.place_words: set[str] = set()
        self.group_words: set[str] = set()  # seen after "para Ibu", "kelompok Bapak": never a person
        self.ner_items: dict[int, int] = {}  # the model's plausible names: first token (honorifics) -> token after
        self.head_at: dict[int, int] = {}
        for i in range(self.n):
            r, k = lex.match(lex.heads, self.keys, i)
            if r is not None:
                self.head_at[i] = k
        self.heading_lines = self._heading_lines()
        self.place_toks = self._place_tokens()

    # --- evidence ---------------------------------------------------------------
    def is_person_word(self, cf: str) -> bool:
        if cf in self.group_words:
            return False
        return cf in self.person_strong or (cf in self.person_weak and cf not in self.place_words)

    def is_place_word(self, cf: str) -> bool:
        return cf in self.group_words or (cf in self.place_words and cf not in self.person_strong)

    def is_place(self, j: int) -> bool:
        """Token j is a place or organisation word here or elsewhere in the article."""
        return self.is_place_word(self.keys[j]) or (j in self.place_toks and self.keys[j] not in self.person_strong)

    def _place_tokens(self) -> set[int]:
        """Tokens covered by an official place name written with capitals ("Batu Ampar", "Sleman")."""
        phrases = _place_phrases()
        out: set[int] = set()
        for i in range(self.n):
            for key in phrases.get(self.keys[i], ()):
                n = len(key)
                if tuple(self.keys[i:i + n]) == key and all(self.is_cap(j) for j in range(i, i + n)) \
                        and all(self.same_phrase(j) for j in range(i + 1, i + n)):
                    out.update(range(i, i + n))
        return out

    def _heading_lines(self) -> list[tuple[int, int]]:
        """Char ranges of lines written in Title Case without a final stop (headlines, captions)."""
        out = []
        pos = 0
        for line in self.text.split("\n"):
            words = re.findall(r"[^\W\d_][\w'’-]*", line)
            # (a sentence ending inside the line makes it a hard-wrapped line of the body, not a headline)
            if len(words) >= HEADING_MIN_WORDS and not line.rstrip().endswith((".", ",", ":", ";", "\"", "”")) \
                    and not re.search(r"[a-z]{4}[.!?]\s+[A-Z]", line):
                caps = sum(w[0].isupper() for w in words)
                if caps >= 0.75 * len(words):
                    out.append((pos, pos + len(line)))
            pos += len(line) + 1
        return out

    def in_heading(self, j: int) -> bool:
        s = self.toks[j].start
        return any(a <= s < b for a, b in self.heading_lines)

    # --- token tests ------------------------------------------------------
    def same_phrase(self, j: int) -> bool:
        """Token j follows token j-1 on the same line with at most two spaces between."""
        g = self.toks[j].gap
        return "\n" not in g and len(g) <= 2

    def adjacent(self, j: int) -> bool:
        return self.toks[j].gap == ""

    def is_initial(self, j: int) -> bool:
        t = self.toks[j]
        return (t.kind == "w" and len(t.text) == 1 and t.text.isupper() and j + 1 < self.n
                and self.toks[j + 1].text == "." and self.adjacent(j + 1))

    def is_acronym(self, j: int) -> bool:
        t = self.toks[j]
        letters = [c for c in t.text if c.isalpha()]
        return t.kind == "w" and len(letters) >= 2 and all(c.isupper() for c in letters)

    def is_cap(self, j: int) -> bool:
        t = self.toks[j]
        return t.kind == "w" and t.text[0].isupper()

    def is_name_word(self, j: int) -> bool:
        """A capitalised word that may be part of a person's name."""
        t = self.toks[j]
        if t.kind != "w" or not t.text[0].isupper() or len(t.text) < 2:
            return False
        lex, cf = self.lex, t.cf
        if cf in lex.stop or cf in lex.title_words or cf in lex.head_single or NOT_NAME_RE.match(cf):
            return False
        if (cf,) in lex.before or (cf,) in lex.after or (cf,) in lex.cue("intro"):
            return False
        if self.is_acronym(j) or any(c.isdigit() for c in t.text):
            return False
        return not lex.words.is_degree_word(t.text)

    def is_name_prefix(self, j: int, stop: int) -> bool:
        """A word that starts a name without being a name word (rules/person_cues, kind name_prefix): Balinese
        "I" ("I Ketut Wirawan"), Sasak "Lalu" ("Lalu Muhammad Rais"). ``min_words`` name words must follow;
        ``mid_sentence``: not at the start of a sentence, where the word has its ordinary sense ("Lalu, ...").
        No position word or generic noun may come right before it (there "I" is a numeral: "Wakil Ketua I
        Baznas", "Komisi I", "Angkatan I")."""
        rule = self.lex.name_prefixes.get(self.toks[j].text)
        if rule is None:
            return False
        need = int(rule.get("min_words", 2))
        if j + need >= min(stop, self.n):
            return False
        if not all(self.same_phrase(k) and (self.is_name_word(k) or (k == j + 1 and self.is_initial(k)))
                   for k in range(j + 1, j + 1 + need)):
            return False  # name words follow ("Lalu M. Iqbal": an initial may come first)
        if rule.get("mid_sentence") and self.starts_sentence(j) and not self._after_honorific(j):
            return False
        return j == 0 or not ((j - 1) in self.head_at or self.keys[j - 1] in self.lex.title_words
                              or self.keys[j - 1] in self.lex.head_single
                              or (self.keys[j - 1] in self.lex.stop and (j - 1) not in self.place_toks))

    def name_abbreviation(self, j: int, stop: int) -> bool:
        """Token j is a listed short form (person_cues abbreviation: Moh, Muh, Abd) with its dot, and a name word
        follows on the same line."""
        return (self.keys[j] in self.lex.abbrev and j + 2 < min(stop, self.n) and self.toks[j + 1].text == "."
                and self.adjacent(j + 1) and self.same_phrase(j + 2) and self.is_name_word(j + 2))

    def inside_degree(self, j: int) -> bool:
        """Token j is the tail of a degree written before it ("Si" of "M.Si", "Pd" of "S.Pd")."""
        if j < 2 or self.toks[j - 1].text != "." or not self.adjacent(j) or not self.adjacent(j - 1):
            return False
        end = self.degree_at(j - 2)
        return end is not None and end >= self.toks[j].end

    def degree_at(self, j: int) -> int | None:
        """Char end of a degree written at token j (S.Sos, SE, M. Pd.), else None."""
        m = self.lex.words.degree_re.match(self.text, self.toks[j].start)
        if m and self.lex.words.is_degree_word(m.group().replace(" ", "")):
            return m.end()
        return None

    def tok_at_or_after(self, pos: int, lo: int = 0) -> int:
        j = lo
        while j < self.n and self.toks[j].start < pos:
            j += 1
        return j

    def in_org(self, a: int, b: int) -> bool:
        s, e = self.toks[a].start, self.toks[b - 1].end
        return any(os < e and s < oe for os, oe in self.org_spans)

    def span_text(self, a: int, b: int, spaced: bool = False) -> str:
        """The text of tokens a..b-1; ``spaced``: with the spaces a scraper lost put back ("Bupati Banyuwangi")."""
        if spaced and any(self.toks[j].glued for j in range(a + 1, b)):
            return "".join((" " if j > a and self.toks[j].glued else self.toks[j].gap if j > a else "")
                           + self.toks[j].text for j in range(a, b))
        return self.text[self.toks[a].start:self.toks[b - 1].end]

    def starts_clause(self, a: int) -> bool:
        """Token a starts a clause: line start, after punctuation or after a lowercase word."""
        if a == 0 or "\n" in self.toks[a].gap:
            return True
        p = self.toks[a - 1]
        return p.kind == "p" or (p.kind == "w" and p.text.islower())

    def starts_sentence(self, a: int) -> bool:
        """Token a starts a sentence: line start, or after . ! ? : or a quote."""
        if a == 0 or "\n" in self.toks[a].gap:
            return True
        p = self.toks[a - 1].text
        return p in ".!?:" or p in QUOTES

    def followed_by_cap(self, j: int) -> bool:
        """More capitalised words follow: the name parsed so far is only part of something longer."""
        if j < self.n and self.is_acronym(j) and self.keys.count(self.keys[j]) > 1 and not (
                j + 1 < self.n and self.same_phrase(j + 1) and self.is_cap(j + 1)):
            return False  # "Ateng Hartono BPS mengatakan": the organisation's acronym after the name
        return j < self.n and self.same_phrase(j) and self.is_cap(j) and j not in self.head_at

    # --- names ----------------------------------------------------------------
    def skip_honorifics(self, i: int) -> tuple[int, bool]:
        """The first token after the honorifics starting at i ("Bapak Dr. H.")."""
        j, hon = i, False
        while j < self.n:
            m = self.lex.words.honorific_re.match(self.text, self.toks[j].start)
            if not m or "\n" in m.group():
                break
            k = self.tok_at_or_after(m.end(), j + 1)
            if k >= self.n or not (self.is_name_word(k) or self.is_initial(k) or self._honorific_at(k)
                                   or self.is_name_prefix(k, self.n)):
                break
            j, hon = k, True
        return j, hon

    def _after_honorific(self, j: int) -> bool:
        """Token j comes right after an honorific ("H. Lalu ..."), whose dot ends no sentence."""
        for k in (j - 2, j - 1):
            if k >= 0:
                m = self.lex.words.honorific_re.match(self.text, self.toks[k].start)
                if m and m.end() >= self.toks[j - 1].end:
                    return True
        return False

    def _honorific_at(self, k: int) -> bool:
        return bool(self.lex.words.honorific_re.match(self.text, self.toks[k].start)) and self.keys[k] not in self.lex.stop

    def parse_name(self, i: int, honorifics: bool = True, limit: int | None = None) -> _Name | None:
        """A person's name starting at token i (after honorifics), with the degrees written after it."""
        if i >= self.n or self.degree_at(i) is not None or self.inside_degree(i):
            return None
        h0, hon = i, False
        if honorifics:
            i, hon = self.skip_honorifics(i)
        j, words, parts = i, 0, 0
        stop = limit if limit is not None else self.n
        while j < stop:
            if j > i and (not self.same_phrase(j) or self.degree_at(j) is not None):
                break
            if j == i and self.is_name_prefix(j, stop):
                j += 1
                parts += 1
                continue
            if self.is_initial(j):
                if j > i and not self.toks[j].gap:
                    break
                j += 2
                parts += 1
                continue
            if (words and len(self.toks[j].text) == 1 and self.toks[j].text.isupper() and self.toks[j].text != "I"
                    and j + 1 < stop and self.same_phrase(j + 1) and self.is_name_word(j + 1)):
                j += 1  # a middle initial written without its dot: "Anton J Supit", "Irfan A Tachrir"
                parts += 1
                continue
            dot = int(j + 1 < stop and self.toks[j + 1].text == "." and self.adjacent(j + 1) and self.keys[j] == "br")
            if (self.keys[j] in PARTICLES and words and j + 1 + dot < stop and self.same_phrase(j + 1 + dot)
                    and self.is_name_word(j + 1 + dot) and (self.toks[j].text.islower() or self.toks[j].text == "Br")):
                j += 1 + dot  # "br." and "Br" are written too
                continue
            if (words and self.keys[j] in self.lex.months and j + 1 < stop and self.same_phrase(j + 1)
                    and self.toks[j].text[0].isupper() and self.is_name_word(j + 1)):
                j += 1  # "Tjong Mei Lan", "Siti Juni Astuti": a month between two name words is a name word
                words += 1
                parts += 1
                continue
            if self.is_name_word(j) and self.name_abbreviation(j, stop):
                j += 2  # "Moh. Ridwan": the dot of a name's short form does not end it
                parts += 1
                continue
            if self.is_name_word(j):
                if j > i and self.toks[j - 1].text == "." and not (j >= 2 and self.is_initial(j - 2)) \
                        and not (j >= 2 and (self.keys[j - 2] == "br" or self.keys[j - 2] in self.lex.abbrev)):
                    break
                j += 1
                words += 1
                parts += 1
                continue
            # a short capitalised part at the end of a name ("Budi Hartono EBS")
            # (not an organisation's acronym the article uses elsewhere: "Ateng Hartono BPS mengatakan BPS ...")
            if (words >= 2 and self.is_acronym(j) and len(self.toks[j].text) <= 4 and self.keys[j] not in self.lex.stop
                    and self.keys[j] not in self.lex.title_words and j not in self.head_at
                    and self.keys.count(self.keys[j]) == 1
                    and not (j + 1 < self.n and self.same_phrase(j + 1) and self.is_cap(j + 1))):
                j += 1
                parts += 1
            break
        if words == 0 or parts > MAX_NAME_WORDS:
            return None
        b = j
        pos = self.toks[b - 1].end
        while True:  # degrees: ", S.Sos, CH" / " SE, M.Ak" / ". S.Sos"
            m = re.compile(r"[ \t]*[,.]?[ \t]*").match(self.text, pos)
            d = self.lex.words.degree_re.match(self.text, m.end())
            if not d or not self.lex.words.is_degree_word(d.group().replace(" ", "")):
                break
            pos = d.end()
        return _Name(i, b, self.tok_at_or_after(pos, b), hon, h0)

    def names_ending_at(self, end: int) -> list[_Name]:
        """Names whose last word is token end-1, longest first."""
        out = []
        for k in range(max(0, end - 2 * MAX_NAME_WORDS), end):
            nm = self.parse_name(k, limit=end)
            if nm and nm.b == end and (not out or out[-1].a != nm.a):
                out.append(nm)
        return out

    def name_before(self, end: int) -> _Name | None:
        """The longest name ending right before token end (a comma between allowed)."""
        if end > 0 and self.keys[end - 1] == ",":
            end -= 1
        for nm in self.names_ending_at(end):
            return nm
        return None

    # --- positions --------------------------------------------------------------
    def title_end(self, j: int, first: bool) -> int:
        """Token after the position that starts at token j.

        ``first``: the position comes before the name, so a comma followed by a
        name ends it; otherwise a comma continues it only into more position
        words ("Communication, Relations, & CSR").
        """
        lex = self.lex
        k, good, lower_run = j, j, 0
        while k < self.n and k - j < MAX_TITLE_TOKENS:
            t = self.toks[k]
            if k > j and "\n" in t.gap:
                break
            if first and k > j and self.is_name_word(k - 1) and self.degree_at(k) is not None:
                break  # "Kepala BPBD Sutrisno S.Sos": the name's degrees end the position
            if t.kind == "w":
                if t.text[0].isupper():
                    lower_run = 0
                    k += 1
                    good = k
                    continue
                if t.cf in TITLE_CONNECTORS:
                    if t.cf in {"dan", "serta"} and k + 1 < self.n and self._honorific_at(k + 1):
                        break  # "... Park Company dan Mr. Guo Ming": the next person
                    # "Wakil Sekjen X dan bekas Sekretaris Y": before a name, "dan" + a new position ends it
                    if first and t.cf in {"dan", "serta"} and k + 1 < self.n and (
                            (k + 1) in self.head_at or self.toks[k + 1].text.islower()):
                        break
                    k += 1
                    continue
                if self._stops_title(k):
                    break
                if first and k - j >= 2 and self.is_name_word(k - 1) and self.is_name_word(k - 2):
                    break  # "... PT Sinar Tirta Rudi Hartono jelang rapat": a name has just ended
                lower_run += k not in self.head_at
                if lower_run > 3:
                    break
                k += 1
                good = k
                continue
            if t.kind == "n":
                # "Wilayah IX", "Zona 8", "ke-3": a number right after a position word
                if k > j and self.is_cap(k - 1) and self.same_phrase(k):
                    k += 1
                    good = k
                    continue
                break
            if t.text in TITLE_CONNECTORS:
                k += 1
                continue
            if t.text == "(":
                close = next((c for c in range(k + 1, min(self.n, k + 14)) if self.toks[c].text == ")"), None)
                if close is None or any("\n" in self.toks[c].gap for c in range(k + 1, close + 1)):
                    break
                k = close + 1
                good = k
                continue
            if t.text == "." and k > 0 and self.adjacent(k):
                if k + 1 < self.n and self.toks[k + 1].text == "," and self.adjacent(k + 1):
                    k += 1  # "PT HM Sampoerna Tbk., Amanda": an abbreviation's dot, then the comma
                    good = k
                    continue
                prev = self.toks[k - 1]
                if ((prev.cf in lex.abbrev or self.is_initial(k - 1) or self._honorific_at(k - 1)) and k + 1 < self.n
                        and self.same_phrase(k + 1) and self.is_cap(k + 1)):
                    k += 1
                    continue
                break
            if t.text == "," and k + 1 < self.n and self.same_phrase(k + 1):
                nxt = self.toks[k + 1]
                nm = self.parse_name(k + 1) if first else None
                if nm is not None and all(x in self.place_toks for x in range(nm.a, nm.b)) \
                        and nm.after < self.n and self.keys[nm.after] == ",":
                    k = nm.after  # "petani dari Desa Sugihan, Tuban, Wiyono": a place goes on the address
                    good = k
                    continue
                if nm is not None and not self.enumerated(nm.after):
                    break
                if first and k - j >= 2 and self.is_name_word(k - 1) and self.is_name_word(k - 2) and (
                        (k + 1) in self.head_at or nxt.cf in lex.title_words or nxt.cf in lex.weekdays):
                    break  # "Direktur PT Vale Endra Kusuma, Senior Coordinator ...", "... Latuheru, Sabtu": a name ended it
                if nxt.text == "&" or nxt.cf in lex.title_words or (
                        nxt.cf in {"dan", "serta"} and not first and (k + 2) not in self.head_at
                        and not (k + 2 < self.n and self._honorific_at(k + 2))):
                    k += 1
                    continue
                if first and self.is_cap(k + 1) and nxt.cf in lex.stop:
                    k += 1
                    continue
                k2 = k + 2 if nxt.cf in {"dan", "serta"} and k + 2 < self.n else k + 1
                if first and self.is_cap(k2) and self.degree_at(k2) is None and not (
                        k - j >= 2 and self.is_name_word(k - 1) and self.is_name_word(k - 2)) and (
                        self.is_acronym(k2) or NOT_NAME_RE.match(self.keys[k2]) or self.keys[k2] in lex.stop):
                    k += 1  # "Kepala Dinas Koperasi, UKM, Perindustrian, dan Perdagangan PPU": offices listed
                    continue
                if not first and self.is_acronym(k + 1) and self.degree_at(k + 1) is None:
                    k += 1
                    continue
            break
        return good

    def enumerated(self, j: int) -> bool:
        """Token j goes on with ", dan X" / "dan X": the word before it was one item of a list."""
        if j < self.n and self.keys[j] == ",":
            j += 1
        return (j + 1 < self.n and self.keys[j] in {"dan", "serta", "&"} and self.is_cap(j + 1)
                and (j + 1) not in self.head_at)

    def _stops_title(self, k: int) -> bool:
        """A lowercase word that ends a position: a verb, a preposition of time or place."""
        lex, cf = self.lex, self.toks[k].cf
        if (cf,) in lex.after or (cf,) in lex.before or cf in lex.title_stop:
            return True
        if k in self.head_at or cf in lex.title_words:
            return False
        return bool(re.match(r"(?:me|ber|di|ter)[\w-]{4,}$", cf)) or cf.endswith("nya")


def _affiliation_end(doc: _Doc, j: int) -> int:
    """After a listed name: the token after its capitalised brackets ("(JAS Kapital)", "(Penyuluh Ahli Muda)"), not
    a description ("(ritual panen)"); else j."""
    if j < doc.n and doc.toks[j].text == "(":
        close = next((c for c in range(j + 1, min(doc.n, j + 8)) if doc.toks[c].text == ")"), None)
        if close is not None and all(doc.is_cap(c) for c in range(j + 1, close) if doc.toks[c].kind == "w"):
            return close + 1
    return j


def _strip_title(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" \t,.;:-–")


class PeopleExtractor:
    """Person mentions (kind="person") with name, position and press role.

    value = {"name", "title", "organization", "role", "byline"} (+ "alias_of" for a
    nickname). ``title`` is the position as written, with its organisation;
    ``organization`` is the organisation inside it when an org span (or the
    "ORG pimpinan NAME" shape) marks it. ``role``: official (has a position),
    person, or reporter/editor/photographer for the press.
    """

    def __init__(self, rules: RuleSet):
        self.rules = rules
        self.lex = _Lexicon(rules)

    def extract(self, text: str, regions: list[Region], ner_spans: Sequence[tuple[int, int, str]] = (),
                org_spans: Sequence[tuple[int, int]] = ()) -> list[Mention]:
        doc = _Doc(text, self.lex, org_spans, ner_spans)
        self._collect_evidence(doc)
        # a first look at positions tells which words belong to organisations and places
        for c in self._titled(doc, []) + self._apposition(doc) + self._anchored(doc):
            self._note_title_words(doc, c)
            if c.title and c.comma and c.title[1] <= c.a and c.b - c.a > 1 and not doc.in_heading(c.a) and not any(
                    j in doc.place_toks for j in range(c.a, c.b)):  # not an official place ("..., Pidie Jaya,")
                # "Bupati Sukamaju, Ratna Dewi Lestari," makes a later "Bupati Ratna" a person
                self._note_person(doc, _Name(c.a, c.b, c.b, False, c.a), strong=True)
                first = next(j for j in range(c.a, c.b) if doc.is_name_word(j))
                doc.person_strong.add(doc.keys[first])
        cands = self._anchored(doc) + self._apposition(doc) + self._aged(doc) + self._opening_apposition(doc)
        cands += self._titled(doc, cands)
        cands = self._resolve(doc, cands + self._honorific(doc))
        # the patterns' names win: the model only adds names where no pattern found one
        ner = [n for n in self._ner(doc) if not any(c.a < n.b and n.a < c.b for c in cands)]
        cands = self._resolve(doc, cands + ner)
        cands += self._nicknames(doc, cands)
        bylines = self._bylines(doc)
        cands += self._repeats(doc, cands + bylines)
        return self._mentions(doc, cands + bylines, regions)

    # --- evidence ---------------------------------------------------------------
    def _collect_evidence(self, doc: _Doc) -> None:
        """Fill the evidence sets of ``doc`` (see ``_Doc``) in one pass over the tokens."""
        lex = self.lex
        org_cues, groups = lex.cue("place_or_org"), lex.cue("group")
        for i in range(doc.n):
            r, k = lex.match(org_cues, doc.keys, i)
            if r is not None and any(h < i < h + n and not lex.heads[tuple(doc.keys[h:h + n])].get("place_after")
                                     for h, n in ((h, doc.head_at[h]) for h in range(max(0, i - 3), i) if h in doc.head_at)):
                r = None  # "Menteri Desa Yandri Susanto": the word is part of a position here, no place follows
            if r is not None:
                # the capitalised words after "Desa", "PT", "di": all of a short run, the first of a long one
                # (in "PT Sinar Tirta Rudi Hartono" a name may follow the organisation)
                j = i + k
                while j < doc.n and doc.is_cap(j) and doc.same_phrase(j) and j - (i + k) < 6:
                    j += 1
                if j - (i + k) >= 2 and self._degrees_at(doc, j):
                    j -= 1  # "Dinas Pertanian Haryanto, SP.": degrees follow a person's name, not a place's
                run = range(i + k, j) if j - (i + k) <= 2 and not doc.toks[i].text.islower() else range(i + k, min(j, i + k + 1))
                doc.place_words.update(doc.keys[x] for x in run)
            r, k = lex.match(groups, doc.keys, i)
            if r is not None and i + k < doc.n:
                j, hon = doc.skip_honorifics(i + k)
                if hon and j < doc.n:
                    doc.group_words.add(doc.keys[j])  # "para Ibu Bhayangkari": a group, not a person
            if doc.is_acronym(i) and len(doc.toks[i].text) > 4:
                doc.place_words.add(doc.keys[i])  # a word in capitals (a dateline) is no name
            for table in (lex.before, lex.cue("intro")):  # "ujar Rudi", "Menurut Rudi"
                r, k = lex.match(table, doc.keys, i)
                if r is not None and i + k < doc.n and (i + k) not in doc.head_at:
                    nm = doc.parse_name(i + k)
                    if nm and not doc.followed_by_cap(nm.after):
                        self._note_person(doc, nm, strong=True)
            for kind in ("nickname_before", "nickname_after"):  # "Yadi, panggilan akrab Suryadi"
                r, k = lex.match(lex.cue(kind), doc.keys, i)
                if r is not None and i + k < doc.n:
                    for nm in (doc.parse_name(i + k), doc.name_before(i)):
                        if nm and nm.b - nm.a == 1:
                            self._note_person(doc, nm, strong=True)
            if doc.keys[i] in {"bapak", "pak", "ibu", "bu"} and doc.is_cap(i) and not lex.ends(groups, doc.keys, i)[0]:
                nm = doc.parse_name(i)
                if nm and nm.honorific and not doc.followed_by_cap(nm.after):
                    self._note_person(doc, nm, strong=True)
            r, k = lex.match(lex.after, doc.keys, i)
            if r is not None and i > 0 and not r.get("weak"):
                nm = doc.name_before(i)
                if nm and doc.starts_clause(nm.h0):
                    self._note_person(doc, nm, strong=False)
        doc.pattern_names = set(doc.known_names)
        # an organisation span that is exactly a span the model calls a person, with a word quoted as a speaker
        # ("Natalius Pigai" ... "kata Natalius"), blocks no name
        ner_set = set(doc.ner_people)
        doc.org_spans = [sp for sp in doc.org_spans if sp not in ner_set or not any(
            k in doc.person_strong for k in _keys(doc.text[sp[0]:sp[1]]))]
        ner_people = doc.ner_people
        doc.ner_people = []
        for s, e in ner_people:
            nm = self._ner_name(doc, s, e)
            if nm is not None:
                doc.ner_people.append((s, e))
                doc.ner_items[nm.h0] = nm.after
        for s, e in doc.ner_people:
            doc.known_names.add(clean_person_name(doc.text[s:e], self.rules).casefold())

    def _note_person(self, doc: _Doc, nm: _Name, strong: bool) -> None:
        if nm.b - nm.a == 1:
            (doc.person_strong if strong else doc.person_weak).add(doc.keys[nm.a])
        elif strong:
            doc.known_names.add(clean_person_name(doc.span_text(nm.a, nm.b), self.rules).casefold())

    def _note_title_words(self, doc: _Doc, c: _Cand) -> None:
        """Capitalised words inside someone's position name an organisation or a place."""
        if not c.title:
            return
        a, b = c.title
        for j in range(a, b):
            if doc.is_cap(j) and j not in doc.head_at and not (c.a <= j < c.b):
                doc.place_words.add(doc.keys[j])

    # --- patterns ---------------------------------------------------------------
    def _title_after_name(self, doc: _Doc, j: int) -> tuple[tuple[int, int] | None, bool]:
        """A position right after a name: ", POSITION", "selaku POSITION", "(45), POSITION".

        Returns the token range (or None) and whether a comma or cue sets it apart.
        """
        lex = self.lex
        if j >= doc.n or not doc.same_phrase(j):
            return None, False
        if doc.toks[j].text == "(":  # age: "Darto (45), petani"
            if j + 2 < doc.n and doc.toks[j + 1].kind == "n" and doc.toks[j + 2].text == ")":
                j += 3
            elif j + 1 < doc.n and (j + 1) in doc.head_at:
                # "Ahmad Heryawan (Gubernur Jawa Barat)": the position in brackets, and only that
                e = doc.title_end(j + 1, first=False)
                if e < doc.n and doc.toks[e].text == ")":
                    return (j + 1, e), True
                return None, False
            else:
                return None, False
        comma = j < doc.n and (doc.toks[j].text == "," or (
            doc.toks[j].text == ":" and j + 1 < doc.n and (j + 1) in doc.head_at))  # "Mr. Liu Qihu: Chief Representative"
        if comma:
            j += 1
        if j >= doc.n or not doc.same_phrase(j):
            return None, False
        r, k = lex.match(lex.appositions, doc.keys, j)  # the longest cue ("yang juga bertindak sebagai")
        if r is not None and j + k < doc.n:
            kind = r["kind"]
            s = j + k
            if doc.keys[s] == ",":
                s += 1
            if s < doc.n and (s in doc.head_at or (kind == "apposition_free" and doc.toks[s].kind == "w")):
                e = doc.title_end(s, first=False)
                return ((s, e), True) if e > s else (None, False)
            return None, False
        if j in doc.head_at or (comma and doc.keys[j] in lex.title_words and doc.is_cap(j)):
            e = doc.title_end(j, first=False)
            return ((j, e), comma) if e > j else (None, False)
        return None, False

    def _anchored(self, doc: _Doc) -> list[_Cand]:
        """speech verb / Menurut / oleh + NAME [, POSITION]; NAME [,] + speech verb."""
        lex = self.lex
        out = []
        for i in range(doc.n):
            for table, weak in ((lex.before, False), (lex.cue("intro"), False), (lex.cue("intro_weak"), True)):
                r, k = lex.match(table, doc.keys, i)
                if r is None:
                    continue
                s = i + k
                if s < doc.n and doc.keys[s] == ":":
                    s += 1
                if s >= doc.n or not doc.same_phrase(s) or s in doc.head_at:
                    break
                nm = doc.parse_name(s)
                if not nm or doc.followed_by_cap(nm.after):
                    break
                title, comma = self._title_after_name(doc, nm.after)
                out.append(_Cand(nm.a, nm.b, r.source, 2 + bool(title), title, comma, weak=weak and not title))
                break
            r, k = lex.match(lex.after, doc.keys, i)
            if r is not None and i > 0:
                nm = doc.name_before(i)
                if nm and (doc.starts_clause(nm.h0) or nm.honorific):
                    out.append(_Cand(nm.a, nm.b, r.source, 2, weak=bool(r.get("weak"))))
                elif nm is None:
                    c = self._affiliated(doc, i)
                    if c is not None:
                        out.append(c)
        return out

    def _aged(self, doc: _Doc) -> list[_Cand]:
        """NAME (AGE): "Mbah Sastro Wiyono (71), perajin gerabah", "kata Warsini (52)". Only people are given an
        age in brackets; the name must start a clause, so "Kelompok Tani Makmur (12)" is not one."""
        out = []
        for j in range(1, doc.n - 2):
            if doc.toks[j].text != "(" or doc.toks[j + 1].kind != "n" or doc.toks[j + 2].text != ")":
                continue
            age = doc.toks[j + 1].text
            if not age.isdigit() or not 0 < int(age) < 120 or not doc.same_phrase(j):
                continue
            nm = doc.name_before(j)
            if nm is None or nm.after != j or not (doc.starts_clause(nm.h0) or nm.honorific):
                continue
            title, comma = self._title_after_name(doc, nm.after)
            out.append(_Cand(nm.a, nm.b, "regex:name_age", 2 + bool(title), title, comma))
        return out

    def _opening_apposition(self, doc: _Doc) -> list[_Cand]:
        """NAME, <who they are>, VERB at the start of a sentence: "Rudi Hartawan, putra asli Desa Sukamaju yang
        kini menjadi pengusaha, mengatakan ...", "Slamet, salah satu peternak kambing di Jayapura, menyampaikan".
        The words between the commas start in lower case and are the person's position; the verb after them is
        one a speaker takes (speech_verbs, position after)."""
        lex = self.lex
        out = []
        for i in range(doc.n):
            if not doc.is_cap(i) or not (doc.starts_sentence(i) or (i > 0 and doc.keys[i - 1] == "itu")):
                continue
            nm = doc.parse_name(i)
            if nm is None or nm.after >= doc.n or doc.keys[nm.after] != ",":
                continue
            s = nm.after + 1
            if s >= doc.n or not doc.same_phrase(s) or doc.toks[s].kind != "w" or not doc.toks[s].text.islower():
                continue
            if lex.match(lex.after, doc.keys, s)[0] is not None or lex.match(lex.appositions, doc.keys, s)[0] is not None \
                    or doc.keys[s] in lex.title_stop or s in doc.head_at:
                continue  # "Budi, mengatakan", "Budi, yang juga Ketua" (other patterns), "Budi, Kepala ..."
            e = s
            while e < doc.n and e - s < 20 and doc.keys[e] != "," and doc.toks[e].text not in ".!?:;" \
                    and doc.toks[e].text not in QUOTES and "\n" not in doc.toks[e].gap:
                e += 1
            if e >= doc.n or doc.keys[e] != "," or e + 1 >= doc.n or lex.match(lex.after, doc.keys, e + 1)[0] is None:
                continue
            if doc.in_org(nm.a, nm.b) or any(doc.is_place(j) for j in range(nm.a, nm.b) if doc.toks[j].kind == "w"):
                continue
            out.append(_Cand(nm.a, nm.b, "regex:opening_apposition", 3, (s, e), comma=True, cue=True))
        return out

    def _affiliated(self, doc: _Doc, verb: int) -> _Cand | None:
        """NAME dari ORG + speech verb: "Darto dari Yayasan Cahaya mengatakan"; ORG is the position."""
        end = verb - 1 if verb > 0 and doc.keys[verb - 1] == "," else verb
        k = end
        while k > 0 and doc.same_phrase(k) and (doc.is_cap(k - 1) or doc.keys[k - 1] in {"&", "dan", "of"}) and end - k < 8:
            k -= 1
        if k == end:
            return None
        r, n = self.lex.ends(self.lex.cue("affiliation"), doc.keys, k)
        if r is None:
            return None
        nm = doc.name_before(k - n)
        if nm is None or not doc.starts_clause(nm.h0):
            return None
        return _Cand(nm.a, nm.b, r.source, 3, (k, end), comma=True)

    def _apposition(self, doc: _Doc) -> list[_Cand]:
        """NAME [,] selaku|yang juga|salah satu POSITION."""
        out = []
        appos = self.lex.appositions
        for i in range(1, doc.n):
            r, k = self.lex.match(appos, doc.keys, i)
            if r is None:
                continue
            end = i - 1 if doc.keys[i - 1] == "," else i
            if end >= 3 and doc.keys[end - 1] == ")" and doc.toks[end - 2].kind == "n" and doc.keys[end - 3] == "(":
                end -= 3  # "Warsini (52), salah satu peserta"
            nm = doc.name_before(self._before_degrees(doc, end))
            if nm is None:
                continue
            title, _ = self._title_after_name(doc, nm.after)
            if title:
                out.append(_Cand(nm.a, nm.b, r.source, 3, title, comma=True, cue=True))
                # "dihadiri oleh Dr A, B MA, dan C M.Hum yang juga bertindak sebagai anggota tim": the whole list
                for x in self._list_ending_at(doc, nm):
                    out.append(_Cand(x.a, x.b, r.source, 3, title, comma=True, cue=True))
        return out

    @staticmethod
    def _before_degrees(doc: _Doc, end: int) -> int:
        """The token where the degrees written right before token ``end`` start ("Mujiburrahman M.Hum| yang"), else end."""
        moved = True
        while moved:
            moved = False
            for k in range(max(0, end - 6), end):
                d = doc.degree_at(k)
                if d is not None and d >= doc.toks[end - 1].end and k > 0:
                    end = k - 1 if doc.keys[k - 1] == "," else k
                    moved = True
                    break
        return end

    def _list_ending_at(self, doc: _Doc, last: _Name) -> list[_Name]:
        """The other names of a list that ends with ``last`` ("A, B MA, dan C"), when the model found them all."""
        for k in range(max(0, last.h0 - 60), last.h0):
            if k not in doc.ner_items:
                continue
            nm = doc.parse_name(k)
            items = self._name_list(doc, nm) if nm is not None else []
            if len(items) > 1 and items[-1].a == last.a and all(
                    x.h0 in doc.ner_items or x.a in doc.ner_items for x in items[:-1]):
                return items[:-1]
        return []

    def _titled(self, doc: _Doc, earlier: list[_Cand]) -> list[_Cand]:
        """POSITION [,] NAME, and NAME [,] POSITION when no name follows the position."""
        lex = self.lex
        covered = {j for c in earlier if c.title for j in range(*c.title)}
        out = []
        i = 0
        while i < doc.n:
            if (i not in doc.head_at or i in covered or self._inside_proper_name(doc, i)
                    or (doc.toks[i].text.isupper() and len(doc.toks[i].text) > 3)):
                i += 1
                continue
            if i > 0 and doc.toks[i - 1].kind == "n" and doc.toks[i].text.islower():
                i += 1  # "35 pelaku usaha kopi Gayo": counted people, not one person's position
                continue
            if i > 1 and doc.keys[i - 1] == ":" and doc.name_before(i - 1) is not None:
                i = max(doc.title_end(i + doc.head_at[i], first=False), i + 1)
                continue  # "Mr. Liu Qihu: Chief Representative of ..., Mr. Du Gui: ...": the name before it is its
            head_end = i + doc.head_at[i]
            rule = lex.heads[tuple(doc.keys[i:head_end])]
            h = i
            # position words written before the head: "Regional Sales Manager", "Senior Vice President"
            while h > 0 and doc.same_phrase(h) and doc.is_cap(h - 1) and doc.keys[h - 1] in lex.title_words \
                    and (h - 1) not in doc.head_at:
                h -= 1
            e = max(doc.title_end(head_end, first=True), head_end)
            found = None
            # POSITION, NAME  /  POSITION ini NAME  /  POSITION bernama NAME  /  POSITION, yakni A, B, dan C
            j = e
            listed: list[_Name] = []
            if j < doc.n and doc.keys[j] in {",", ":", "ini", "itu", "tersebut"} | lex.name_intro \
                    and j + 1 < doc.n and doc.same_phrase(j + 1):
                intro = doc.keys[j] in lex.name_intro or doc.keys[j] == ":"
                s0 = j + 1
                if doc.keys[j] in {",", ":"} and doc.keys[s0] in lex.name_intro and s0 + 1 < doc.n:
                    intro, s0 = True, s0 + 1
                nm = doc.parse_name(s0)
                if nm and nm.b - nm.a == 1 and nm.after + 1 < doc.n and doc.keys[nm.after] == "," \
                        and (nm.after + 1) in doc.place_toks:
                    nm = None  # "siswa SDS Kresna, Cililitan, Jakarta Timur": an address, not a name
                if nm and nm.after + 1 < doc.n and doc.keys[nm.after] == ":" and (nm.after + 1) in doc.head_at:
                    nm = None  # "..., Mr. Liu Qihu: Chief Representative": the name has its own position
                if nm and not doc.followed_by_cap(nm.after) and (doc.keys[j] in {",", ":"} or intro or nm.honorific):
                    # a list of names after the position: each is one of them, when the list is introduced
                    # ("yakni", ":") or the model found its names; not "Bupati Sukamaju, Sukaraja, dan ..."
                    listed = self._name_list(doc, nm)
                    if len(listed) > 1 and (intro or all(x.h0 in doc.ner_items for x in listed)):
                        found = _Cand(nm.a, nm.b, rule.source, 3, (h, e), comma=True)
                    else:
                        listed = []
                        # one name: after an introducing word only one the model found too ("binaan anggota
                        # Polri, yakni Santri Manjung" is a pesantren)
                        if not doc.enumerated(nm.after) and doc.keys[j] != ":" \
                                and (not intro or nm.h0 in doc.ner_items or nm.honorific):
                            found = _Cand(nm.a, nm.b, rule.source, 3, (h, e), comma=True)
            # POSITION NAME: the name is the tail of the run
            if found is None:
                nm = self._split_tail(doc, head_end, e, anchored=self._anchor_before(doc, h),
                                      place_after=bool(rule.get("place_after")))
                if nm is None:
                    nm = self._name_before_bracket(doc, head_end, e, anchored=self._anchor_before(doc, h),
                                                   place_after=bool(rule.get("place_after")))
                if nm is not None:
                    t_end = nm.h0
                    while t_end > head_end and doc.keys[t_end - 1] in {",", "."} | TITLE_CONNECTORS:
                        t_end -= 1
                    found = _Cand(nm.a, nm.b, rule.source, 3, (h, max(t_end, head_end)))
            # NAME [,] POSITION
            if found is None:
                nm = doc.name_before(h)
                anchored = nm is not None and self._anchor_before(doc, nm.h0)
                if nm and (doc.starts_clause(nm.h0) or anchored):
                    comma = doc.keys[h - 1] == ","
                    # one word needs an anchor ("kata Sarmin Direktur ..."), or a comma and a common-noun
                    # position ("Warsini, peserta pelatihan"): "Sukamaju, Kepala Dinas ..." is a list of offices
                    if nm.b - nm.a > 1 or anchored or (comma and doc.toks[i].text.islower()):
                        found = _Cand(nm.a, nm.b, rule.source, 2, (h, e), comma=comma)
            if found is not None:
                if rule.get("org_before") and found.title and found.a > found.title[0]:
                    self._org_before(doc, h, found)
                out.append(found)
                i = max(found.b, e, i + 1)
                for n, x in enumerate(listed):
                    if n:
                        out.append(_Cand(x.a, x.b, rule.source, 3, found.title, comma=True))
                        i = max(i, x.b)
                    if x.after < doc.n and doc.toks[x.after].text == "(":
                        own, _ = self._title_after_name(doc, x.after)  # "A (Penyuluh Ahli Muda), B": their own too
                        if own:
                            out.append(_Cand(x.a, x.b, rule.source, 3, own, comma=True, cue=True))
                            i = max(i, own[1])
                # "peserta, Warsini (34), pemilik usaha keripik Rasa Enak, mengaku": a lowercase position
                # after the name is the same person's, not a new person's
                after = doc.parse_name(found.a)
                second, _ = self._title_after_name(doc, after.after) if after else (None, False)
                if second and second != found.title and found.b <= second[0] and doc.toks[second[0]].text.islower() \
                        and not self._next_listed(doc, second):
                    out.append(_Cand(found.a, found.b, rule.source, 3, second, comma=True, cue=True))
                    i = max(i, second[1])
            else:
                i = max(e, i + 1)
        return out

    def _next_listed(self, doc: _Doc, title: tuple[int, int]) -> bool:
        """The position ends in a name and the list goes on ("..., perwakilan dari Astra Bondan Susilo, dan
        perwakilan ..."): it is the next person's, not a second position of the person before it."""
        a, b = title
        j = b + 1 if b < doc.n and doc.keys[b] == "," else b
        if not (j < doc.n and doc.keys[j] in {"dan", "serta"}):
            return False
        return a in doc.head_at and self._split_tail(doc, a + doc.head_at[a], b, anchored=False) is not None

    @staticmethod
    def _name_list(doc: _Doc, first: _Name) -> list[_Name]:
        """The names listed from ``first`` on: "A, B, C, dan D" (degrees after each allowed)."""
        out = [first]
        j = first.after
        while j < doc.n and len(out) < 12:
            k = _affiliation_end(doc, j)
            if k >= doc.n:  # the list runs to the end of the text
                break
            if doc.keys[k] == ",":
                k += 1
                if k < doc.n and doc.keys[k] in {"dan", "serta"}:
                    k += 1
            elif doc.keys[k] in {"dan", "serta"}:
                k += 1
            else:
                break
            nm = doc.parse_name(k) if k < doc.n and doc.same_phrase(k) else None
            if nm is None or doc.followed_by_cap(nm.after):
                break
            out.append(nm)
            j = nm.after
        return out

    def _inside_proper_name(self, doc: _Doc, h: int) -> bool:
        """A capitalised head after a capitalised generic noun (person_stopwords) is part of a name ("Pelatihan Petani
        Tangguh", "Forum Pimpinan Daerah"), unless that word starts the sentence ("Sumatera Area Manager")."""
        if h == 0 or not doc.is_cap(h) or not doc.same_phrase(h):
            return False
        if h >= 2 and doc.keys[h - 1] in NAME_JOINERS and doc.is_cap(h - 2):
            return True  # "Training of Trainer", "Friends of Farmers": a head inside an English name
        k = h - 1
        while k >= 0 and doc.is_cap(k) and (doc.keys[k] in self.lex.title_words or k in doc.head_at):
            k -= 1  # position words before the head belong to it
        if k < 0 or not doc.is_cap(k) or doc.keys[k] not in self.lex.stop or self.lex.words.is_honorific_word(doc.toks[k].text):
            return False
        return not doc.starts_sentence(k)

    def _org_before(self, doc: _Doc, h: int, c: _Cand) -> None:
        """"Batik Ayu pimpinan X": the position is "pimpinan Batik Ayu"."""
        k = h
        while k > 0 and doc.same_phrase(k) and doc.is_cap(k - 1) and h - k < 6:
            k -= 1
        if k < h:
            org = doc.span_text(k, h)
            c.title_text = f"{_strip_title(doc.span_text(*c.title))} {org}"
            c.organization = org

    def _anchor_before(self, doc: _Doc, h: int) -> bool:
        """A speech verb or intro word right before token h ("kata", "Menurut", "oleh")."""
        lex = self.lex
        return bool(lex.ends(lex.before, doc.keys, h)[0] or lex.ends(lex.cue("intro"), doc.keys, h)[0])

    def _name_before_bracket(self, doc: _Doc, head_end: int, e: int, anchored: bool,
                             place_after: bool) -> _Name | None:
        """"Menteri Sosial Saifullah Yusuf (Gus Ipul)", "Menko IPK Agus Harimurti Yudhoyono (AHY)": a position
        run that ends in brackets holding another name or the initials of the name before them."""
        while e - 1 > head_end and (doc.keys[e - 1] == "," or doc.keys[e - 1] in self.lex.stop):
            e -= 1  # "(Gus Ipul), Senin": a day after the brackets is no part of the position
        if e - 1 <= head_end or doc.toks[e - 1].text != ")":
            return None
        o = next((k for k in range(e - 2, head_end, -1) if doc.toks[k].text == "("), None)
        if o is None or o + 1 >= e - 1:
            return None
        nm = self._split_tail(doc, head_end, o, anchored, place_after)
        if nm is None:
            return None
        inner = doc.parse_name(o + 1)
        if inner is not None and inner.after == e - 1:
            return nm  # another name of the person ("Gus Ipul"): _other_names makes it an alias
        initials = "".join(doc.toks[k].text[0] for k in range(nm.a, nm.b) if doc.toks[k].kind == "w")
        if o + 2 == e - 1 and doc.is_acronym(o + 1) and doc.toks[o + 1].text == initials.upper() and len(initials) >= 2:
            return nm
        return None

    def _split_tail(self, doc: _Doc, head_end: int, e: int, anchored: bool, place_after: bool = False) -> _Name | None:
        """Where a name starts at the end of a position run ("Bupati Sukamaju Andi Pratama")."""
        if e <= head_end:
            return None
        while e > head_end and doc.toks[e - 1].kind == "w" and doc.toks[e - 1].text.islower():
            e -= 1  # a lowercase tail ("... Rudi Hartono disela-sela"): the name ends before it
        options = []
        for k in range(max(head_end, e - 2 * MAX_NAME_WORDS), e):
            nm = doc.parse_name(k, limit=e)
            if nm is None or (nm.a > k and not nm.honorific):
                continue
            if nm.b == e and (not options or options[-1].a != nm.a):
                options.append(nm)
        # an organisation found around the position may have taken the name's prefix ("Dinas Kesehatan Provinsi
        # Bali I" + "Nyoman Gede Anom"): the prefix still starts the name
        # a name the article gives alone in brackets is an organisation's short name ("... Magelang (Polbangtan Yoma)")
        options = [o for o in options if f"({doc.span_text(o.a, o.b)})" not in doc.text]
        # a lost space ("UnnesZuhrul Anam") is where the name starts, never inside it
        options = [o for o in options if not any(doc.toks[x].glued for x in range(o.a + 1, o.b))] or options
        options = [o for o in options if not doc.in_org(o.a, o.b) or (
            doc.toks[o.a].text in self.lex.name_prefixes and o.b - o.a > 1 and not doc.in_org(o.a + 1, o.b))]
        if not options:
            return None
        hon = [o for o in options if o.honorific]
        if hon:
            return hon[-1]

        def words(o: _Name) -> list[str]:
            return [doc.keys[x] for x in range(o.a, o.b) if doc.toks[x].kind == "w" and len(doc.keys[x]) > 1]

        def known(o: _Name) -> bool:
            return clean_person_name(doc.span_text(o.a, o.b), self.rules).casefold() in doc.known_names

        def evidenced(o: _Name) -> bool:
            return known(o) or doc.is_person_word(words(o)[0])

        full = [o for o in options if known(o)]
        ev = [o for o in options if evidenced(o)]
        # leading place/organisation words are not the name ("Sukamaju Andi Pratama")
        plain = [o for o in options if not any(doc.is_place(x) for x in range(o.a, o.b) if doc.toks[x].kind == "w")]
        if full:
            choice = full[0]
        elif ev:
            choice = ev[0]
            # a short form seen alone ("Hidayat") may be the last part of the name: take the words
            # before it that the article uses nowhere else ("Disperindag Rahmat Hidayat"); not after a
            # head that takes a place ("Camat Sukolilo Hartono")
            for o in plain if not place_after and len(words(choice)) == 1 else ():
                if o.a < choice.a and len(words(o)) <= 3 and all(
                        doc.keys.count(doc.keys[x]) == 1 for x in range(o.a, choice.a) if doc.toks[x].kind == "w"):
                    choice = o
                    break
        elif not plain:
            return None
        else:
            longest = plain[0]
            n = len(words(longest))
            prev = longest.a - 1
            # the word before surely ends what comes before the name: the name may be long ("Kemenpar Alicia
            # Tiffany Beandda", "Kabiro detikSumbagsel Baringin Parlindungan Lumban Gaol")
            strong = (doc.is_acronym(prev) or doc.toks[prev].text == ")" or doc.keys[prev] in self.lex.stop
                      or doc.is_place(prev) or not doc.toks[prev].text[:1].isupper()
                      or (doc.toks[prev].kind == "w" and NOT_NAME_RE.match(doc.keys[prev]) is not None))
            want = n if n <= 2 or (n <= 4 and strong) else 2
            choice = next((o for o in plain if len(words(o)) <= want), plain[-1])
            if place_after and len(words(choice)) == 2 and len(words(plain[-1])) == 1 \
                    and words(choice)[0] in _village_words() and words(choice)[1] not in _village_words():
                if doc.keys.count(words(plain[-1])[0]) == 1:
                    return plain[-1]  # "Camat Sukolilo Suparman": the head takes a place, a kecamatan's name first
            if len(words(choice)) == 1 and doc.keys.count(words(choice)[0]) > 1:
                return None  # "nasabah PNM Mekaar" again and again, never quoted: part of a name, not a person
            if len(words(choice)) == 1 and (self._degrees_at(doc, e) or (
                    (doc.is_acronym(choice.h0 - 1) or doc.toks[choice.h0 - 1].text == ")")
                    and choice.h0 != head_end and self._next_position(doc, e))):
                return choice  # "Kepala Dinas Pertanian Haryanto, SP., M.Si"; "Kadis PMD Haryanto, Camat ..."
            if len(words(choice)) == 1 and not anchored:
                prev = choice.h0 - 1
                if choice.h0 == head_end and (doc.toks[prev].text.islower() or place_after):
                    return None  # "mentor Karang Taruna", "warga Sukamaju", "Camat Sukolilo": a group or a place
                if choice.h0 != head_end and not (doc.is_place(prev) or doc.toks[prev].text == ")"):
                    return None  # a lone capitalised word after an organisation: more likely a place
        end_tok = doc.toks[e] if e < doc.n else None
        sentence_end = end_tok is None or end_tok.text in ".!?" or "\n" in end_tok.gap or end_tok.text in QUOTES
        if sentence_end and not anchored and not evidenced(choice) and len(words(choice)) < 2 and not (
                end_tok is not None and choice.h0 > head_end and doc.is_place(choice.h0 - 1)
                and choice.h0 - 1 not in doc.head_at):
            return None  # "Camat Sukolilo.": the place ends the position; "Kades Sukamaju Budi.": a name after it
        return choice

    @staticmethod
    def _degrees_at(doc: _Doc, j: int) -> bool:
        """Degrees start at token j, maybe after a comma or a dot ("Haryanto, SP., M.Si"): a person's name ended."""
        if j < doc.n and doc.keys[j] in {",", "."}:
            j += 1
        return j < doc.n and doc.degree_at(j) is not None

    def _next_position(self, doc: _Doc, j: int) -> bool:
        """A list goes on at token j with the next position (", Camat ...", "dan Kepala ..."): the position before
        it ended with a name."""
        if j < doc.n and doc.keys[j] == ",":
            j += 1
        if j < doc.n and doc.keys[j] in {"dan", "serta"}:
            j += 1
        return j < doc.n and doc.same_phrase(j) and j in doc.head_at

    def _honorific(self, doc: _Doc) -> list[_Cand]:
        """Bapak/Ibu/Pak/Bu + NAME, unless a group word comes first ("para Ibu PKK")."""
        groups = self.lex.cue("group")
        out = []
        for i in range(doc.n):
            if doc.keys[i] not in self.lex.addresses:
                continue
            if not doc.is_cap(i) or self.lex.ends(groups, doc.keys, i)[0]:
                continue
            nm = doc.parse_name(i)
            if not nm or not nm.honorific or doc.followed_by_cap(nm.after):
                continue
            title, comma = self._title_after_name(doc, nm.after)
            out.append(_Cand(nm.a, nm.b, "regex:honorific_name", 2 + bool(title), title, comma))
        return out

    def _ner_name(self, doc: _Doc, s: int, e: int) -> _Name | None:
        """The name an NER PER span holds, when the article makes it plausible that it is a person's.

        The model tags capitalised common words ("Pelatihan", "Sekadar"), programme and organisation names
        and places as PER on this text, so a span must be a name of two or more words, all of them name
        words, that is neither inside an organisation, nor a place, nor part of a longer capitalised name.
        """
        a = doc.tok_at_or_after(s)
        b = doc.tok_at_or_after(e, a)
        if b <= a or a >= doc.n:
            return None
        nm = doc.parse_name(a)
        if nm is None:
            return None
        if nm.b < b and nm.after < b:
            return None  # a word of the span is no name word (stop word, title, derived noun, acronym)
        nm = _Name(nm.a, b, b, nm.honorific, nm.h0) if nm.b > b else nm  # (a span ending in degrees keeps them)
        words = [j for j in range(nm.a, nm.b) if doc.toks[j].kind == "w" and len(doc.toks[j].text) > 1]
        if len(words) < 2 or doc.in_org(nm.a, nm.b) or doc.in_heading(nm.a):
            return None
        if any(doc.is_place(j) for j in words):
            return None
        h = nm.h0
        if h > 0 and doc.same_phrase(h) and doc.is_cap(h - 1) and not doc.starts_sentence(h - 1) \
                and (h - 1) not in doc.head_at and doc.keys[h - 1] not in self.lex.title_words \
                and not self._anchor_before(doc, h):
            return None  # "Nomor Induk Berusaha", "Sanggar Kriya Lestari ...": the end of a longer name
        j = nm.after
        if j == nm.b and doc.followed_by_cap(j):
            return None  # more capitalised words run on (after degrees the name has surely ended)
        if nm.h0 > 0 and doc.toks[nm.h0 - 1].text == "(" and j < doc.n and doc.toks[j].text == ")":
            return None  # "(Kabar Lestari)": a name alone in brackets is an outlet or a credit, not a person
        if j + 2 < doc.n and doc.toks[j].text == "(" and doc.is_cap(j + 1) and doc.toks[j + 2].text in {")", "/"}:
            return None  # "Jumat Berkah (Jumber)": a name given a short form is a term, not a person
        if j + 1 < doc.n and doc.keys[j] in NAME_JOINERS and doc.same_phrase(j + 1) and doc.is_cap(j + 1):
            return None  # "Green Village and Beyond", "Bank of ...": the start of a longer name
        return nm

    def _ner(self, doc: _Doc) -> list[_Cand]:
        """PER spans from the NER model (those ``_ner_name`` accepts), with a position found around them."""
        out = []
        for s, e in doc.ner_people:
            a = doc.tok_at_or_after(s)
            b = doc.tok_at_or_after(e, a)
            nm = doc.parse_name(a)
            if nm is None:
                continue
            if nm.b > b:
                nm = _Name(nm.a, b, b, nm.honorific, nm.h0)
            title, comma = self._title_after_name(doc, nm.after)
            if title is None:
                title, comma = self._title_before(doc, nm.h0)
                if title is not None and doc.toks[title[0]].text.isupper() and len(doc.toks[title[0]].text) > 3:
                    title, comma = None, False  # "PETANI ORGANIK - Name": a caption's label, not a position
            if title is None and not self._person_evidence(doc, nm):
                continue
            out.append(_Cand(nm.a, nm.b, "ner", 2 + bool(title), title, comma))
        return out

    def _person_evidence(self, doc: _Doc, nm: _Name) -> bool:
        """Whether the article, not only the model, says that a name without a position is a person's.

        The model also tags business, partner and venue names as PER ("Madu Sejahtera", "Joint Venture",
        "Halim Kusumajaya"); a person's name in news is usually also quoted, addressed or introduced:
        a pattern found the same name elsewhere, one of its words stands alone where a speaker stands
        ("ujar Rudi"), an honorific comes before it or degrees after it, a speech verb or an introducing
        cue touches it, or commas set it off as the subject of an apposition ("Rudi Hartawan, petani ...").
        """
        lex = self.lex
        if nm.honorific or nm.after > nm.b or (nm.h0 > 0 and doc._honorific_at(nm.h0 - 1)):
            return True  # "H. Lalu Sapturadi", "Yohanes Ontot, S.Sos.": titles of persons
        if clean_person_name(doc.span_text(nm.a, nm.b), self.rules).casefold() in doc.pattern_names:
            return True
        if any(doc.is_person_word(doc.keys[j]) for j in range(nm.a, nm.b)):
            return True
        start = nm.h0 - 1 if nm.h0 > 0 and doc.keys[nm.h0 - 1] in {",", ":"} else nm.h0
        if any(lex.ends(table, doc.keys, start)[0] is not None
               for table in (lex.before, lex.cue("intro"), lex.cue("intro_weak"))):
            return True  # "ujar", "Menurut", "bersama", "bernama", "yakni" + the name
        if self._listed_with_person(doc, nm):
            return True
        j = nm.after + 1 if nm.after < doc.n and doc.keys[nm.after] == "," else nm.after
        if lex.match(lex.after, doc.keys, j)[0] is not None:
            return True
        # set off by commas inside a running clause ("desainer asal Bandung, Laras Wiradinata, serta ..."),
        # unlike one item of a list of places or venues ("Golf Club, Halim Kusumajaya, Jakarta")
        return ((start < nm.h0 or doc.starts_sentence(nm.h0)) and j > nm.after and j < doc.n
                and doc.toks[j].kind == "w" and doc.toks[j].text.islower())

    @staticmethod
    def _listed_with_person(doc: _Doc, nm: _Name) -> bool:
        """One item of a list whose next or previous item is another of the model's names ("yakni Didi Budiman,
        Denny Wirawan, dan Oscar Lata"; "Dr Ibrahim Chalid, Ade Ikhsan MA, Iromi Ilham MA"): people are
        listed with people. An item may keep its degrees, or an affiliation in brackets ("Isak Jenie (JAS)")."""
        def after_sep(j: int) -> int | None:
            """The first token of the next item, when token j separates two items."""
            if j < doc.n and doc.keys[j] == ",":
                j += 1
                if j < doc.n and doc.keys[j] in {"dan", "serta"}:
                    j += 1
            elif j < doc.n and doc.keys[j] in {"dan", "serta"}:
                j += 1
            else:
                return None
            return j if j < doc.n and doc.same_phrase(j) else None

        nxt = after_sep(_affiliation_end(doc, nm.after))
        if nxt is not None and nxt != nm.h0 and nxt in doc.ner_items:
            return True
        for h0, after in doc.ner_items.items():
            if h0 < nm.h0 and after_sep(_affiliation_end(doc, after)) == nm.h0:
                return True
        return False

    def _title_before(self, doc: _Doc, a: int) -> tuple[tuple[int, int] | None, bool]:
        """A position run that ends right before token a (a comma between allowed)."""
        comma = a > 0 and doc.keys[a - 1] == ","
        end = a - 1 if comma else a
        for h in range(end - 1, max(-1, end - MAX_TITLE_TOKENS), -1):
            if h in doc.head_at:
                if doc.title_end(h + doc.head_at[h], first=False) >= end:
                    return (h, end), comma
                return None, False
        return None, False

    def _nicknames(self, doc: _Doc, cands: list[_Cand]) -> list[_Cand]:
        """"Yadi, panggilan akrab Suryadi" / "Suryadi, akrab disapa Yadi": Yadi is Suryadi."""
        out = []
        for kind in ("nickname_before", "nickname_after"):
            table = self.lex.cue(kind)
            covered_to = 0  # "atau yang akrab disapa": the shorter cue inside it is the same cue
            for i in range(1, doc.n):
                r, k = self.lex.match(table, doc.keys, i)
                if r is None or i < covered_to:
                    continue
                covered_to = i + k
                left = doc.name_before(i)
                right = doc.parse_name(i + k) if i + k < doc.n else None
                known = left is not None and any(o.a <= left.a and left.b <= o.b for o in cands if not o.byline)
                if right and kind == "nickname_after" and not known and not (left and _full_name(doc, left)):
                    # "Maryam, penjual pempek di Air Itam yang akrab disapa Mak Yam", "Moh. Rizal ... . Pria yang
                    # akrab disapa Ical itu": the person named last, in this sentence or the one before; further
                    # back ("Perempuan yang akrab disapa Ani" after a long quote) when the nickname is cut from
                    # that person's name (Ani of Budiani)
                    nick = clean_person_name(doc.span_text(right.a, right.b), self.rules)
                    left, known = self._last_person_before(doc, cands, i, nick), True
                if not left or not right:
                    continue
                nick, full = (left, right) if kind == "nickname_before" else (right, left)
                c = _Cand(nick.a, nick.b, r.source, 2, name=clean_person_name(doc.span_text(nick.a, nick.b), self.rules))
                c.alias_of = clean_person_name(doc.span_text(full.a, full.b), self.rules)
                out.append(c)
                if kind == "nickname_after" and not known and not any(o.a <= full.a and full.b <= o.b for o in out[:-1]):
                    # "Lie Siu Hong atau yang akrab disapa Ahong": being given a nickname makes the full name a person
                    out.append(_Cand(full.a, full.b, r.source, 2))
        out += self._other_names(doc, cands)
        return out

    def _other_names(self, doc: _Doc, cands: list[_Cand]) -> list[_Cand]:
        """Another name of a found person right after the name: "Saifullah Yusuf (Gus Ipul)", "Saifullah Yusuf
        atau Gus Ipul", "... alias Gus Ipul" (person_cues nickname_or). Only after a name already found, and only a
        short name that ends there ("Kelompok Tani Makmur atau Poktan Makmur" is no person to begin with)."""
        table = self.lex.cue("nickname_or")
        out = []
        for c in cands:
            if c.byline or c.alias_of or c.a < 0:
                continue
            nm = doc.parse_name(c.a)
            j = nm.after if nm is not None and nm.b == c.b else c.b
            if j >= doc.n or not doc.same_phrase(j):
                continue
            if doc.toks[j].text == "(":
                right = doc.parse_name(j + 1) if j + 1 < doc.n else None
                if right is None or right.after >= doc.n or doc.toks[right.after].text != ")":
                    continue
            else:
                r, k = self.lex.match(table, doc.keys, j)
                if r is None or j + k >= doc.n or not doc.same_phrase(j + k):
                    continue
                right = doc.parse_name(j + k)
                if right is None or doc.followed_by_cap(right.after):
                    continue
            if right.b - right.a > 2:
                continue
            name = clean_person_name(doc.span_text(right.a, right.b), self.rules)
            if not name or name.casefold() == c.name.casefold():
                continue
            nick = _Cand(right.a, right.b, "regex:other_name", 2, name=name)
            nick.alias_of = c.name
            out.append(nick)
        return out

    @staticmethod
    def _last_person_before(doc: _Doc, cands: list[_Cand], i: int, nick: str = "") -> _Name | None:
        """The last person candidate ending before token i, with at most one sentence end between, or any
        number when ``nick`` is cut from that person's name (Ani of Budiani)."""
        before = [c for c in cands if not c.byline and 0 <= c.a and c.b <= i and not c.alias_of]
        if not before:
            return None
        c = max(before, key=lambda c: c.b)
        ends = sum(1 for j in range(c.b, i) if doc.toks[j].text in {".", "!", "?"})
        if ends <= 1 or (nick and is_cut_from(nick, c.name or doc.span_text(c.a, c.b))):
            return _Name(c.a, c.b, c.b, False, c.a)
        return None

    def _bylines(self, doc: _Doc) -> list[_Cand]:
        """Reporters, editors, photographers, byline initials ("(gin)")."""
        out, seen = [], set()
        for rx, rule in self.lex.bylines:
            for m in rx.finditer(doc.text):
                s = m.start("name")
                for part in re.finditer(r"[^/,&|()]+", m.group("name")):
                    for sub in re.finditer(r"(?:(?!\s+dan\s+).)+", part.group()):
                        name = self._byline_name(sub.group())
                        if not name:
                            continue
                        raw = sub.group()
                        ps = s + part.start() + sub.start() + (len(raw) - len(raw.lstrip()))
                        pe = s + part.start() + sub.end() - (len(raw) - len(raw.rstrip()))
                        if (ps, pe) in seen:
                            continue
                        seen.add((ps, pe))
                        out.append(_Cand(-1, -1, rule.source, 3, role=rule["role"], byline=True, name=name, span=(ps, pe)))
        return out

    def _byline_name(self, s: str) -> str:
        s = s.strip(" \t.:-–")
        if re.fullmatch(r"[a-z]{2,5}|[A-Z]\d{3}", s):
            return s  # initials or an agency code
        name = clean_person_name(s, self.rules)
        toks = name.split()
        if not toks or len(toks) > MAX_NAME_WORDS:
            return ""
        for t in toks:
            cf = t.casefold().strip(".")
            if not t[0].isupper() or cf in self.lex.stop or cf in self.lex.title_words or (len(t) > 1 and t.isupper()):
                return ""
        return name

    # --- resolving --------------------------------------------------------------
    def _plausible(self, doc: _Doc, c: _Cand) -> bool:
        """Drop names that the rest of the article shows to be places, organisations or headings."""
        words = [doc.keys[j] for j in range(c.a, c.b) if doc.toks[j].kind == "w" and len(doc.keys[j]) > 1]
        if not words:
            return False
        if c.source != "ner" and c.name.casefold() not in doc.known_names:
            if any(doc.is_place(j) for j in range(c.a, c.b) if doc.toks[j].kind == "w"):
                return False
        if doc.in_heading(c.a) and not (c.title and c.comma and self._named_again(doc, c)):
            return False
        if c.weak and not doc.is_person_word(words[0]) and c.name.casefold() not in doc.known_names:
            return False
        return True

    @staticmethod
    def _named_again(doc: _Doc, c: _Cand) -> bool:
        """A name in a headline ("Menteri X Cek Lapas, Ingatkan soal ...") is a person's when the article names
        them again: the same name, or one of its words where a person stands."""
        if c.name.casefold() in doc.known_names or doc.text.count(c.name) > 1:
            return True
        return any(doc.is_person_word(doc.keys[j]) for j in range(c.a, c.b) if doc.toks[j].kind == "w")

    def _resolve(self, doc: _Doc, cands: list[_Cand]) -> list[_Cand]:
        """One candidate per name span: the strongest, then the one with the longest position."""
        for c in cands:
            c.name = clean_person_name(doc.span_text(c.a, c.b), self.rules)
        cands = [c for c in cands if c.name and self._plausible(doc, c)]

        def rank(c: _Cand):
            return (c.strength, bool(c.title), c.b - c.a, (c.title[1] - c.title[0]) if c.title else 0)

        kept: list[_Cand] = []
        for c in sorted(cands, key=rank, reverse=True):
            clash = [k for k in kept if k.a < c.b and c.a < k.b]
            # the same name given a second position by a cue ("pimpinan X ... yang juga mitra binaan Y") is
            # kept too; a second one after a mere comma is usually the next clause ("Darto, peserta akan ...")
            if not clash or (c.title and all((k.a, k.b) == (c.a, c.b) and k.title != c.title and (c.cue or k.cue)
                                             for k in clash)):
                kept.append(c)
        return kept

    def _repeats(self, doc: _Doc, cands: list[_Cand]) -> list[_Cand]:
        """Later standalone uses of a found person's name word ("Rudi", "Pak Rudi")."""
        owners: dict[str, set[str]] = {}
        for c in cands:
            if len(c.name.split()) < 2 or c.byline:
                continue
            for w in c.name.split():
                if len(w) > 2 and not w.endswith("."):
                    owners.setdefault(w.casefold(), set()).add(c.name)
        taken = [(c.a, c.b) for c in cands if c.a >= 0] + [c.title for c in cands if c.title]
        byline_chars = [c.span for c in cands if c.span]
        out = []
        for j in range(doc.n):
            if len(owners.get(doc.keys[j], ())) != 1 or not doc.is_name_word(j):
                continue
            if any(a <= j < b for a, b in taken) or any(s <= doc.toks[j].start < e for s, e in byline_chars):
                continue
            if j > 0 and doc.same_phrase(j) and doc.is_name_word(j - 1):
                continue
            if j + 1 < doc.n and doc.same_phrase(j + 1) and (doc.is_name_word(j + 1) or doc.is_initial(j + 1)):
                continue
            out.append(_Cand(j, j + 1, "regex:name_repeat", 1, name=doc.toks[j].text))
        return out

    def _mentions(self, doc: _Doc, cands: list[_Cand], regions: list[Region]) -> list[Mention]:
        out = []
        for c in cands:
            s, e = c.span if c.span is not None else (doc.toks[c.a].start, doc.toks[c.b - 1].end)
            title, organization = c.title_text, c.organization
            if not title and c.title:
                ts, te = doc.toks[c.title[0]].start, doc.toks[c.title[1] - 1].end
                title = _strip_title(doc.span_text(*c.title, spaced=True))
                organization = self._org_in(doc, ts, te)
            value = {"name": c.name or clean_person_name(doc.text[s:e], self.rules), "title": title,
                     "organization": organization, "role": c.role or ("official" if title else "person"),
                     "byline": c.byline}
            if c.alias_of:
                value["alias_of"] = c.alias_of
            if self.lex.kin_before is not None and self.lex.kin_before.search(doc.text, max(0, s - 80), s):
                value["relative"] = True  # "istri Menkop UKM Puspayoga": a relative, not the person named near it
            region = in_regions(s, e, regions)
            out.append(Mention("person", doc.text[s:e], s, e, c.source, value,
                               excluded=region is not None, note=f"in {region.kind}" if region else ""))
        out.sort(key=lambda m: (m.start, m.end))
        return out

    @staticmethod
    def _org_in(doc: _Doc, ts: int, te: int) -> str:
        inside = [(s, e) for s, e in doc.org_spans if ts <= s and e <= te]
        if not inside:
            return ""
        s, e = max(inside, key=lambda x: (x[1] - x[0], -x[0]))
        return doc.text[s:e].strip(" ,.")
