"""Organisations named in one article, found by rules, optionally extended by NER ORG spans.

Why rules first: the NER model is still being trained, so this module must stand alone. It finds
- names that start with a form word (PT, Dinas, Koperasi, Kelompok Tani, Universitas, ...) and run over the
  following capitalised words, connectors (dan, &, untuk) and bracketed acronyms;
- known organisations from rules/org_aliases*.jsonl (BUMN, ministries, banks, well-known companies), with
  their units ("Pertamina RU IV Cilacap", "PLN UID Banten") and regions ("BI Bengkulu");
- capitalised runs holding an organisation head word (Foundation, Agency, Committee);
- acronyms the article defines in brackets ("... Koperasi Perempuan Sejahtera Mandiri (KPSM)") wherever
  they occur later, and unknown acronyms after a person's position ("Direktur PIWKU") or in lists of
  organisations;
- news outlets (rules/media.jsonl), flagged ``media`` (never programme actors).

Each mention's ``value`` carries the hints ``normalize.orgs.merge_orgs`` needs to tell a company from its
unit and an acronym from its full name. All word lists live in rules/*.jsonl.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from ..normalize.orgs import (CONNECTORS, acronym_matches, add_legal_forms, bracket_variants, clean_org_name, org_key,
                               strip_brackets)
from ..rules import Rule, RuleSet
from ..types import Mention, Region
from .gazetteer import squash

KINDS = ("company", "government", "cooperative", "community", "ngo", "university", "bank", "media", "other")
GENERATED_ALIASES = "org_aliases.jsonl"  # written by scripts/build_org_aliases.py
_TOKEN = re.compile(r"(?P<init>(?:[^\W\d_]\.){2,})|(?P<word>[^\W_]+(?:['’\-][^\W_]+)*\+?)|(?P<punct>[^\w\s])")
_ROMAN = re.compile(r"^(?=[IVXL]+$)L?X{0,3}(?:IX|IV|V?I{0,3})$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_NUMBER = re.compile(r"^\d+(?:-\d+)*$")
_SENTENCE_END = {".", "!", "?", "…"}
_QUOTES = {'"', "“", "”", "‘", "’", "«", "»", "'"}
_DASHES = {"-", "–", "—"}
_LIST_SEPARATORS = {",", "dan", "serta", "atau", "&", "/"}
_ANY_CASE_WORDS = {"persero", "perseroda", "tbk"}  # written "(persero)", "TBK" as often as not
_PRIORITY = {"titleform": -1, "alias": 0, "form": 1, "head": 2, "acronym": 3, "title": 4, "list": 5, "ner": 6}



# ---------------------------------------------------------------------------------------------------
# tokens

# "kepada" (to) goes on inside a name only after a pe-...-an noun ("Pengabdian kepada Masyarakat",
# "Pelayanan kepada ..."); after anything else it starts what is given to whom
GIVING_CONNECTORS = {"kepada"}
NOMINAL_RE = re.compile(r"^[Pp]e\w{3,}an$")


@dataclass
class Tok:
    text: str
    start: int
    end: int
    kind: str  # init | word | punct
    nl: bool  # a line break between the previous token and this one
    low: str = ""
    line: int = 0

    def __post_init__(self):
        self.low = self.text.casefold()

    @property
    def is_word(self) -> bool:
        return self.kind != "punct"

    @property
    def is_cap(self) -> bool:
        return self.kind != "punct" and self.text[:1].isupper()

    @property
    def is_lower(self) -> bool:
        return self.kind == "word" and self.text[:1].islower()

    @property
    def is_upper(self) -> bool:
        """An acronym-like word: all letters upper case, at least two (BPJS, UPT-PPT, KPI)."""
        letters = [c for c in self.text if c.isalpha()]
        return self.kind == "word" and len(letters) >= 2 and all(c.isupper() for c in letters)

    @property
    def is_num(self) -> bool:
        return self.kind == "word" and (bool(_NUMBER.match(self.text)) or bool(_ROMAN.match(self.text)))


def tokenize(text: str) -> list[Tok]:
    toks: list[Tok] = []
    line = 0
    prev_end = 0
    for m in _TOKEN.finditer(text):
        gap = text[prev_end:m.start()]
        nl = "\n" in gap
        line += gap.count("\n")
        kind = m.lastgroup or "punct"
        toks.append(Tok(m.group(), m.start(), m.end(), kind, nl, line=line))
        prev_end = m.end()
    return toks


def _phrase_tokens(s: str) -> tuple[str, ...]:
    return tuple(m.group() for m in _TOKEN.finditer(s))


def _shape_ok(pattern: str, tok: Tok, any_case: bool) -> bool:
    """Whether ``tok`` is written like ``pattern`` (case-sensitive for acronyms, capitalised for names)."""
    if tok.low != pattern.casefold():
        return False
    if any_case or not pattern[:1].isalpha() or pattern[:1].islower() or tok.low in _ANY_CASE_WORDS:
        return True
    if tok.text == pattern:
        return True
    letters = [c for c in pattern if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return False  # an acronym must be written exactly
    return tok.text[:1].isupper() and (tok.is_upper or tok.text[1:].islower())


class PhraseTable:
    """Multi-word phrases (forms, aliases, cues) matched token by token, longest first."""

    def __init__(self):
        self._by_first: dict[str, list[tuple[tuple[str, ...], Any, bool]]] = {}

    def add(self, phrase: str, payload: Any, any_case: bool = False) -> None:
        toks = _phrase_tokens(phrase)
        if toks:
            lst = self._by_first.setdefault(toks[0].casefold(), [])
            lst.append((toks, payload, any_case))
            lst.sort(key=lambda x: -len(x[0]))

    def match(self, toks: list[Tok], i: int, skip_dots: bool = False) -> tuple[int, Any] | None:
        """(end, payload) of the longest phrase starting at token i, or None. With ``skip_dots``, a '.' or ','
        the phrase lacks is passed over after a legal abbreviation ("PT." for "PT", ", Tbk")."""
        if i >= len(toks):
            return None
        for phrase, payload, any_case in self._by_first.get(toks[i].low, ()):
            j = i
            ok = True
            for k, p in enumerate(phrase):
                if k and skip_dots and j < len(toks) and toks[j].text in {".", ","} and p not in {".", ","} \
                        and toks[j - 1].low in {"pt", "cv", "ud", "tbk", "persero"} | {")"}:
                    if toks[j].text == "." or (j + 1 < len(toks) and toks[j + 1].low == "tbk"):
                        j += 1
                if j >= len(toks) or (k and toks[j].nl) or not _shape_ok(p, toks[j], any_case):
                    ok = False
                    break
                j += 1
            if ok:
                return j, payload
        return None

    def __contains__(self, phrase: str) -> bool:
        toks = _phrase_tokens(phrase)
        return bool(toks) and any(p == toks for p, _, _ in self._by_first.get(toks[0].casefold(), ()))


# ---------------------------------------------------------------------------------------------------
# compiled rules

@dataclass
class OrgEntry:
    """A known organisation (one or more rule lines with the same name)."""

    id: str
    name: str
    kind: str
    parent: str
    generic: bool
    rule: Rule
    aliases: list[str] = field(default_factory=list)
    generated: bool = False  # named in the generated table (not only in analysts' rules)


@dataclass
class Form:
    text: str
    position: str
    kind: str
    legal: bool
    breaks: bool
    rule: Rule


class OrgLexicon:
    """Everything the extractor reads from rules/, compiled once per process."""

    def __init__(self, rules: RuleSet):
        self._forms(rules)
        self._titles(rules)
        self._stopwords(rules)
        self._aliases(rules)
        self._media(rules)
        self._cues(rules)
        self._people_and_places(rules)

    def _forms(self, rules: RuleSet) -> None:
        """rules/org_forms.jsonl, one table per position (prefix, suffix, head, unit, place, title)."""
        self.prefix, self.suffix, self.head = PhraseTable(), PhraseTable(), PhraseTable()
        self.unit, self.place_cue, self.title = PhraseTable(), PhraseTable(), PhraseTable()
        self.prefix_by_text: dict[str, Form] = {}
        tables = {"prefix": self.prefix, "suffix": self.suffix, "head": self.head, "unit": self.unit,
                  "place": self.place_cue, "title": self.title}
        legal = []
        self.place_cue_lower = PhraseTable()  # "kota", "kabupaten" written in lower case before a region's name
        for r in rules.get("org_forms"):
            f = Form(r["text"], r["position"], r["kind"] if r["kind"] in KINDS else "other", bool(r.get("legal")),
                     bool(r.get("breaks")), r)
            if f.position in tables:
                tables[f.position].add(f.text, f, r.get("case") == "any")
            if f.position == "place" and not r.get("weak"):
                self.place_cue_lower.add(f.text, f, True)
            if f.position == "prefix":
                self.prefix_by_text.setdefault(f.text, f)
            if f.legal:
                legal.append(f.text)
        add_legal_forms(legal)
        self.legal_words = {w for t in legal for w in re.findall(r"[^\W_]+", t.casefold())}

    def _titles(self, rules: RuleSet) -> None:
        """Positions end a name (title_stop) and may introduce one (title). The people extractor's list
        (rules/titles.jsonl) is read too; its ``word`` entries (Communication, Bidang) are never names."""
        self.title_stop = PhraseTable()
        self.title_cue = PhraseTable()  # positions that may introduce an unknown organisation ("Direktur PIWKU")
        for r in rules.get("org_forms"):
            if r["position"] == "title":
                self.title_stop.add(r["text"], None)
                form = Form(r["text"], "title", r["kind"], False, False, r)
                self.title_cue.add(r["text"], form, r.get("case") == "any")
        self.title_words: set[str] = set()
        for r in rules.get("titles"):
            if r.get("kind") == "word":
                self.title_words.add(r["text"].casefold())
                continue
            if self._is_region(r["text"]):
                continue  # "Karo", "Kaur": also regions
            self.title.add(r["text"], Form(r["text"], "title", "other", False, False, r))
            if r.get("place_after") or " " in r["text"]:
                # "Bupati", "Kepala Desa" end a name; one-word group nouns ("Petani", "Pengusaha") may be inside one
                self.title_stop.add(r["text"], None)

    def _stopwords(self, rules: RuleSet) -> None:
        self.stop_name: set[str] = set()
        self.stop_extend: set[str] = set()
        self.stop_break: set[str] = set()
        self.stop_prefix = PhraseTable()
        self.stop_prefix_words: set[str] = set()  # one-word prefixes: "program X" names a programme too
        self.sector_before = PhraseTable()  # "Bidang", "Menteri": a form word right after them is a sector
        self.theme_cue = PhraseTable()  # "bertema", "bertajuk": a title or slogan follows, never a body
        # words for the members of a body (petani, penyandang disabilitas): a form word followed only by them
        # names a kind of body ("Kelompok Tani Wanita"), not one body
        self.member_nouns: set[tuple[str, ...]] = set()
        for r in rules.get("org_stopwords"):
            scope = r.get("scope") or "name"
            if scope == "sector":
                self.sector_before.add(r["text"], r)
            elif scope == "member":
                self.member_nouns.add(tuple(t.casefold() for t in _phrase_tokens(r["text"])))
            elif scope == "theme":
                self.theme_cue.add(r["text"], r, True)
            elif scope == "extend":
                self.stop_extend.add(r["text"].casefold())
            elif scope == "break":
                self.stop_break.add(r["text"].casefold())
            elif scope == "prefix":
                self.stop_prefix.add(r["text"], r)
                if " " not in r["text"].strip():
                    self.stop_prefix_words.add(r["text"].strip().casefold())
            else:
                self.stop_name.add(org_key(r["text"]))

    def _aliases(self, rules: RuleSet) -> None:
        """Known organisations. Lines with the same name (generated + manual) make one entry. An alias several
        organisations share (Kemendesa) is matched once with every owner listed; ``alias_keys`` finds an entry
        by a whole written name."""
        self.entries: dict[str, OrgEntry] = {}
        by_name: dict[str, OrgEntry] = {}
        for r in rules.get("org_aliases"):
            key = org_key(r["name"])
            e = by_name.get(key)
            if e is None:
                e = OrgEntry(r.id, r["name"], r["kind"] if r["kind"] in KINDS else "other", r.get("parent") or "",
                             bool(r.get("generic")), r)
                by_name[key] = e
                self.entries[e.id] = e
            for a in r.get("aliases") or []:
                if a not in e.aliases:
                    e.aliases.append(a)
            e.generated = e.generated or r.file == GENERATED_ALIASES
        self.alias_keys: dict[str, OrgEntry] = {}
        owners: dict[tuple[str, ...], list[OrgEntry]] = {}
        spelled: dict[tuple[str, ...], str] = {}
        for e in self.entries.values():
            for a in [e.name, *e.aliases]:
                toks = _phrase_tokens(a)
                if not toks:
                    continue
                if len(toks) >= 2 or (len(a) >= 3 and a.isupper()):
                    self.alias_keys.setdefault(org_key(a), e)
                if len(toks) == 1 and (org_key(a) in self.stop_name or a.casefold() in self.stop_extend):
                    continue
                key = tuple(t.casefold() for t in toks)
                lst = owners.setdefault(key, [])
                if e not in lst:
                    lst.append(e)
                spelled.setdefault(key, a)
        # word pairs of known names: a break word inside one ("Dalam Negeri") goes on in any name ("Balai
        # Pemerintahan Dalam Negeri Yogyakarta")
        self.name_pairs = {(a, b) for e in self.entries.values() for n in [e.name, *e.aliases]
                           for a, b in zip(*(lambda w: (w, w[1:]))([t.casefold() for t in _phrase_tokens(n)]))}
        self.aliases = PhraseTable()
        self.generated_aliases = PhraseTable()  # the same, without the organisations only analysts' rules name
        for key, lst in owners.items():
            self.aliases.add(spelled[key], lst)
            gen = [e for e in lst if e.generated]
            if gen:
                self.generated_aliases.add(spelled[key], gen)
        # an analyst's alias rule (org_aliases.manual.jsonl, or an org_aliases file of --extra-rules) joins the
        # forms it names whatever the automatic merging does; the generated table is no analyst's word
        self.analyst_forms = PhraseTable()
        for r in rules.get("org_aliases"):
            if r.file == GENERATED_ALIASES:
                continue
            for a in [r["name"], *(r.get("aliases") or [])]:
                self.analyst_forms.add(a, r)

    def _media(self, rules: RuleSet) -> None:
        """Outlet names as whole-word regexes (case-sensitive), then the rules' own patterns."""
        self.media: list[tuple[re.Pattern, Rule, str, str]] = []  # pattern, rule, name, literal it needs
        for r in rules.get("media"):
            for a in [r["name"], *(r.get("aliases") or [])]:
                if r.get("pattern") and a == r["name"]:
                    continue
                self.media.append((re.compile(r"(?<![\w.@/-])" + re.escape(a) + r"(?![\w@-]|\.\w)"), r, r["name"], a))
            if r.get("pattern"):
                self.media.append((re.compile(r["pattern"]), r, "", ""))

    def _cues(self, rules: RuleSet) -> None:
        self.cue_after = PhraseTable()
        self.cue_name = PhraseTable()  # "program (Desa Berdaya) X": X owns the programme the name names
        before = []
        for r in rules.get("role_cues"):
            if r.get("side") == "after":
                self.cue_after.add(r["text"], r, True)
            elif r.get("side") == "name":
                self.cue_name.add(r["text"], r, True)
            else:
                before.append((tuple(t.casefold() for t in _phrase_tokens(r["text"])), r))
        self.cues_before: list[tuple[tuple[str, ...], Rule]] = sorted(before, key=lambda x: -len(x[0]))

    def _people_and_places(self, rules: RuleSet) -> None:
        """Other extractors' word lists that tell where a name stops: calendar words, honorifics starting a
        person's name ("H.", "Drs."), region names (place_aliases, without old village names: too many and too
        ordinary), capitalised words that are rarely regions (place_stopwords: "Mitra") and words that are never
        in a person's name (person_stopwords: they keep an NER PER span from cutting a name)."""
        self.calendar = {r["text"].casefold() for stem in ("months", "weekdays") for r in rules.get(stem)}
        self.honorific = PhraseTable()
        self.degrees = {re.sub(r"\W", "", r["text"]).casefold() for r in rules.get("honorifics") if r.get("type") == "degree"}
        for r in rules.get("honorifics"):
            t = r["text"]
            if r.get("type", "honorific") == "honorific" and ("." in t or (t.isupper() and len(t) >= 2)):
                self.honorific.add(t, r)
        self.place_stop = {r["text"].casefold() for r in rules.get("place_stopwords")}
        self.person_stop = {r["text"].casefold() for r in rules.get("person_stopwords")}
        # speech verbs (rules/speech_verbs): a span the model calls ORG next to one is a speaker, a person
        self.speech_after = {r["text"].casefold() for r in rules.get("speech_verbs")
                             if r.get("position") == "after" and not r.get("weak")}
        self.speech_before = {r["text"].casefold() for r in rules.get("speech_verbs")
                              if r.get("position", "before") == "before" and not r.get("weak")}
        self.place_words: dict[tuple[str, ...], str] = {}
        for r in rules.get("place_aliases"):
            if r["level"] in _ALIAS_PLACE_LEVELS:
                self.place_words[tuple(t.casefold() for t in _phrase_tokens(r["alias"]))] = r["level"]

    @property
    def gazetteer(self):
        """The official region index (built and cached by extract.gazetteer on first use)."""
        return _gazetteer()

    def _is_region(self, text: str) -> bool:
        gaz = _gazetteer()
        if gaz is None:
            return False
        return any(gaz.level(c) in {"provinsi", "kabupaten", "kota"} for c in gaz.lookup(squash(text)))


_ALIAS_PLACE_LEVELS = {"provinsi", "kabupaten", "kota", "region", "country"}
_GAZ: list = []


def _gazetteer():
    """The region index, loaded once per process (None when it cannot be loaded: names still work)."""
    if not _GAZ:
        try:
            from .gazetteer import Gazetteer
            _GAZ.append(Gazetteer.load())
        except Exception:  # noqa: BLE001
            _GAZ.append(None)
    return _GAZ[0]


# ---------------------------------------------------------------------------------------------------
# candidates

@dataclass
class Cand:
    i: int
    j: int
    origin: str
    kind: str
    source: str
    form: Form | None = None
    entry: OrgEntry | None = None
    entry_span: tuple[int, int] | None = None  # tokens of the known name inside the candidate
    unit_start: int | None = None  # first token of a company unit
    place_start: int | None = None  # first token of a trailing region
    brackets: list[tuple[int, int]] = field(default_factory=list)  # token ranges of '(...)' groups
    legal: bool = False
    link: "Cand | None" = None  # the candidate whose bracket defined this acronym
    virtual_form: str = ""  # the form word a title implied ("Kadis X" -> "Dinas"), not in the text
    acronym: str = ""
    mid: int = -1


@dataclass
class _Ctx:
    text: str
    toks: list[Tok]
    title_lines: set[int]
    excluded: list[bool]
    places: set[tuple[str, ...]]  # region names this article defines ("Sumsel" from "Sumatera Selatan (Sumsel)")
    loc_starts: dict[int, int]  # first token of a NER LOC span -> token after it
    per_starts: set[int]
    owners: set[str] = field(default_factory=set)  # known organisations named by an alias only they use
    theme: set[int] = field(default_factory=set)  # tokens of a title, theme or slogan ("bertema ...")


def _short_name_of(short: list[str], long_: list[str]) -> bool:
    """Every word of ``short`` is a word of ``long_`` or abbreviates a run of them ("Bank Sulteng" of "Bank
    Pembangunan Daerah Sulawesi Tengah"), and it is shorter: "Dinas Perindustrian" is no name of "Dinas
    Koperasi" ("ke Dinas Koperasi atau Dinas Perindustrian" names two)."""
    if not short or len(short) >= len(long_):
        return False
    low = [w.casefold() for w in long_]
    for w in short:
        if w.casefold() in low:
            continue
        if not any(acronym_matches(w, long_[k:k + n]) for n in range(1, 5) for k in range(len(long_) - n + 1)):
            return False
    return True


class OrgExtractor:
    """Finds organisation mentions in one article (see module docstring)."""

    def __init__(self, rules: RuleSet):
        self.lex = OrgLexicon(rules)

    # ----- public -----------------------------------------------------------------------------------
    def extract(self, text: str, regions: list[Region],
                ner_spans: Sequence[tuple[int, int, str]] = ()) -> list[Mention]:
        """Organisation mentions (``kind="org"``, label = organisation kind), in text order. Nothing inside an
        excluded region counts; NER spans (start, end, PER/ORG/LOC) add ORG names, end names at a PER, and
        mark regions."""
        toks = tokenize(text)
        ctx = _Ctx(text, toks, _title_lines(toks), _excluded_tokens(toks, regions), set(), {}, set())
        self._themes(ctx)
        self._ner_tokens(ctx, ner_spans)
        self._article_places(ctx)
        for i in range(len(toks)):
            m = self.lex.aliases.match(toks, i, skip_dots=True)
            if m is not None and len(m[1]) == 1:
                ctx.owners.add(m[1][0].id)
        aliases = self._alias_cands(ctx)
        if ctx.theme:
            # a known organisation may be named in a theme ('tema "Krakatau Steel Group Berbagi"'); nothing else
            # there is a body, and no word of the theme's own joins a name
            aliases = [c for c in aliases if self._theme_clip(ctx, c)]
            for q in ctx.theme:
                ctx.excluded[q] = True
        cands = aliases + self._form_cands(ctx) + self._head_cands(ctx) + self._title_cands(ctx)
        chosen = self._with_ner(ctx, self._valid(ctx, _resolve(cands)), ner_spans)
        chosen = self._attest(ctx, chosen)
        registry = self._acronyms(ctx, chosen)
        chosen = _resolve(chosen + self._acronym_cands(ctx, chosen, registry), keep_all=chosen)
        chosen = self._valid(ctx, chosen)
        chosen += self._list_cands(ctx, chosen)
        chosen.sort(key=lambda c: c.i)
        for n, c in enumerate(chosen):
            c.mid = n
        self._link(ctx, chosen, registry)
        mentions = [self._mention(ctx, c) for c in chosen]
        mentions = self._with_media(ctx, mentions)
        return mentions

    def _themes(self, ctx: _Ctx) -> None:
        """Titles, themes and slogans ('seminar bertema "Koperasi Maju, Anggota Sejahtera"', 'bertajuk Koperasi
        Tani Menuju Digital') name no organisation: their words are passed over like excluded text, so none
        becomes a body or another body's alias."""
        toks = ctx.toks
        for i in range(len(toks)):
            m = self.lex.theme_cue.match(toks, i)
            if m is None:
                continue
            k = m[0]
            while k < len(toks) and toks[k].text in {":", ","} and not toks[k].nl:
                k += 1
            if k >= len(toks) or toks[k].nl and k > m[0]:
                continue
            if toks[k].text in _QUOTES:
                end = k + 1
                while end < len(toks) and not toks[end].nl and toks[end].text not in _QUOTES and end - k < 40:
                    end += 1
                if end >= len(toks) or toks[end].text not in _QUOTES:
                    continue
                end += 1
            else:
                end = k
                while end < len(toks) and end - k < 15 and not (end > k and toks[end].nl):
                    t = toks[end]
                    if t.is_cap or t.is_num or t.text in {"-", "&", ":"}:
                        end += 1
                    elif t.low in CONNECTORS and end + 1 < len(toks) and toks[end + 1].is_cap and not toks[end + 1].nl:
                        end += 1
                    else:
                        break
            ctx.theme.update(range(k, end))

    # ----- small token tests ------------------------------------------------------------------------
    def _stop_token(self, ctx: _Ctx, j: int) -> bool:
        t = ctx.toks[j]
        return t.low in self.lex.calendar or ctx.excluded[j]

    def _place_at(self, ctx: _Ctx, j: int, levels=("provinsi", "kabupaten", "kota")) -> int | None:
        """End of a region name starting at token j: a place word and its name ("Kabupaten Kutai Kartanegara"),
        or a known region ("Lombok Barat", "NTT", an article-defined "Kukar")."""
        toks = ctx.toks
        cue = self.lex.place_cue.match(toks, j, skip_dots=True)
        if cue is not None:
            k = cue[0]
            if k < len(toks) and toks[k].text == ".":
                k += 1
            if k < len(toks) and not toks[k].nl and toks[k].is_cap and not self._stop_token(ctx, k):
                end = self._region_name(ctx, k, _ALL_LEVELS, after_cue=True)
                if end is None and cue[1].kind == "government" and not cue[1].rule.get("weak"):
                    end = k + 1  # "Kabupaten X": X is a region even when unknown; "Desa Wisata" is not
                return end
            return None
        return self._region_name(ctx, j, levels)

    def _region_name(self, ctx: _Ctx, j: int, levels, after_cue: bool = False) -> int | None:
        toks = ctx.toks
        if j >= len(toks) or not toks[j].is_cap:
            return None

        # a LOC span from NER that starts here (never one that began earlier) and names a known region
        if j in ctx.loc_starts and self._known_region(ctx, j, ctx.loc_starts[j]):
            return ctx.loc_starts[j]
        gaz = self.lex.gazetteer
        for n in range(min(4, len(toks) - j), 0, -1):
            span = toks[j:j + n]
            if any(t.nl for t in span[1:]) or not all(t.is_cap for t in span):
                continue
            words = tuple(t.low for t in span)
            if n == 1 and not after_cue and words[0] in self.lex.place_stop:
                continue  # "Mitra", "Karya": words before they are regions
            if words in ctx.places or self.lex.place_words.get(words) in levels or (
                    "provinsi" in levels and words in self.lex.place_words):
                return j + n
            if gaz is not None:
                codes = gaz.lookup(squash(" ".join(t.text for t in span)))
                if any(gaz.level(c) in levels for c in codes):
                    return j + n
        return None

    def _known_region(self, ctx: _Ctx, j: int, end: int) -> bool:
        """The words j..end name a region the gazetteer or the article knows (the model also marks names
        running on into a person, "DIY Rudi Hartono", as LOC)."""
        words = tuple(t.low for t in ctx.toks[j:end])
        if words in ctx.places or words in self.lex.place_words:
            return True
        gaz = self.lex.gazetteer
        return gaz is not None and bool(gaz.lookup(squash(" ".join(t.text for t in ctx.toks[j:end]))))

    def _is_breaking(self, ctx: _Ctx, j: int) -> bool:
        m = self.lex.prefix.match(ctx.toks, j, skip_dots=True)
        return m is not None and m[1].breaks

    def _entry_at(self, ctx: _Ctx, j: int, generated_only: bool = False) -> tuple[int, OrgEntry] | None:
        m = (self.lex.generated_aliases if generated_only else self.lex.aliases).match(ctx.toks, j, skip_dots=True)
        if not m:
            return None
        owners = m[1]
        if len(owners) > 1 and ctx.owners:
            # a shared alias goes to the owner the article names unambiguously elsewhere
            for e in owners:
                if e.id in ctx.owners:
                    return m[0], e
        return m[0], owners[0]

    # ----- bracket groups ---------------------------------------------------------------------------
    def _bracket(self, ctx: _Ctx, j: int) -> int | None:
        """End (after ')') of a bracket group at token j that can belong to a name: (KPI), (Persero),
        (Sumsel), (PT Vale), (UIP JBT); not dates, quotes or lower-case remarks."""
        toks = ctx.toks
        if j >= len(toks) or toks[j].text != "(":
            return None
        k = j + 1
        words = 0
        while k < len(toks) and toks[k].text != ")" and k - j <= 7:
            t = toks[k]
            if t.nl or t.text in {"(", '"', "“", "”"}:
                return None
            if t.is_word:
                if t.is_lower and t.low not in CONNECTORS and t.low != "persero":
                    return None
                if t.text.isdigit() and words == 0:
                    return None
                words += 1
            elif t.text not in {"-", "&", ".", "/", "+"}:
                return None
            k += 1
        if k >= len(toks) or toks[k].text != ")" or words == 0 or not toks[j + 1].is_word:
            return None
        return k + 1

    def _legal_at(self, ctx: _Ctx, j: int) -> int | None:
        """End of a legal suffix at j: "Tbk", "(Persero)", ", Tbk" (comma allowed)."""
        toks = ctx.toks
        k = j + 1 if j < len(toks) and toks[j].text == "," else j
        m = self.lex.suffix.match(toks, k)
        if m is None or (k < len(toks) and toks[k].nl):
            return None
        end = m[0]
        if end < len(toks) and toks[end].text == "." and m[1].text.casefold() in {"tbk", "tbk."}:
            # "Tbk." ends a sentence as often as it abbreviates: keep the dot only when the name goes on
            if end + 1 < len(toks) and toks[end + 1].text == "(":
                end += 1
        return end

    # ----- the name grammar -------------------------------------------------------------------------
    def _scan(self, ctx: _Ctx, c: Cand, j: int, state: str) -> Cand:
        """Extend candidate ``c`` from token j.

        state "name": plain capitalised words belong to the name (after a form word);
        "closed": after a known name, only legal forms, brackets, units and regions may follow;
        "acr"/"place": after an acronym or region, plain words stop the name (they are usually a person:
        "Kepala Badan PPSDM Bambang Utoro").
        """
        toks = ctx.toks
        good = j if j > c.j else c.j
        start = c.i
        while j < len(toks):
            t = toks[j]
            if (t.nl and j > start) or ctx.excluded[j]:
                break
            end = self._legal_at(ctx, j)
            if end is not None:
                c.legal = True
                j = good = end
                state = "closed" if state == "name" else state
                continue
            if t.text == "(":
                end = self._bracket(ctx, j)
                if end is None:
                    break
                c.brackets.append((j, end))
                form_inside = end - j == 3 and self.lex.prefix.match(toks, j + 1) is not None
                j = good = end
                if not (form_inside and state == "name"):  # "Koperasi Serba Usaha (KSU) Arek Suroboyo" goes on
                    state = "acr" if state in {"name", "closed"} else state
                continue
            if t.text in _DASHES and j + 1 < len(toks) and self.lex.unit.match(toks, j + 1) and j > start:
                j += 1
                continue
            unit = self.lex.unit.match(toks, j)
            if unit is not None and j > start and not (t.is_lower and state == "name"):
                if c.unit_start is None and (c.entry is not None or state != "name"):
                    c.unit_start = j
                j = good = unit[0]
                state = "name"
                continue
            if t.text == "," and state == "name" and c.form is not None and c.form.kind == "government":
                end = self._comma_list(ctx, j)
                if end is not None:
                    j = good = end
                    continue
            if t.text == "/" and j > start and _NUMBER.match(toks[j - 1].text) and not t.nl:
                end = self._slash_place(ctx, j + 1)
                if end is not None:
                    if c.place_start is None:
                        c.place_start = j + 1
                    j = good = end  # "Kodim 1701/Jayapura", "Koramil 1710-03/Kuala Kencana": a numbered unit's seat
                    state = "place"
                    continue
            if t.kind == "punct" and t.text != "&":
                break
            if t.low in CONNECTORS or t.text == "&":
                nxt = toks[j + 1] if j + 1 < len(toks) else None
                if nxt is None or nxt.nl or not (nxt.is_cap or nxt.is_num):
                    break
                if t.low in GIVING_CONNECTORS and not (j > 0 and NOMINAL_RE.match(toks[j - 1].text)):
                    break  # "PT Pertamina (Persero) kepada UMKM": a gift, not a name ("Pengabdian kepada Masyarakat")
                if self._is_breaking(ctx, j + 1) or self.lex.prefix.match(toks, j + 1) or self._entry_at(ctx, j + 1):
                    break
                if nxt.text.isdigit() and not toks[j - 1].is_num:
                    break  # "RSUD dan 30 Puskesmas", "Kelompok Tani Jaya dan 3 klaster": a count of other bodies
                if state == "place" and not self._place_at(ctx, j + 1):
                    break  # "BLK Pasuruan dan SKB": a region ends the name, "dan" starts another body
                if state != "name" and not (t.low in {"of", "for"} and c.origin == "head"):
                    # ("Department of Primary Industries": an English name goes on after of/for)
                    if not (self._place_at(ctx, j + 1) or nxt.is_upper):
                        break
                j += 1
                if t.low in {"of", "for"} and c.origin == "head":
                    state = "name"
                continue
            if t.is_lower and j > start:
                cue = self.lex.place_cue_lower.match(toks, j)
                end = self._region_name(ctx, cue[0], ("provinsi", "kabupaten", "kota"), after_cue=True) \
                    if cue is not None and cue[0] < len(toks) and not toks[cue[0]].nl else None
                if end is not None and self._single_trailing(ctx, end - 1):
                    if c.place_start is None or state != "place":
                        c.place_start = j
                    j = good = end  # "Dinas Kelautan dan Perikanan kota Ambon": a region, written in lower case
                    state = "place"
                    continue
            if t.is_lower:
                end = self._lower_run_to_bracket(ctx, c, j) if state == "name" else None
                if end is None:
                    break
                j = end
                continue
            body_start = c.form is not None and j in self._body_starts(c)
            known_pair = j + 1 < len(toks) and (t.low, toks[j + 1].low) in self.lex.name_pairs
            if self._stop_token(ctx, j) or self.lex.title_stop.match(toks, j) or (j in ctx.per_starts and not body_start) \
                    or self.lex.honorific.match(toks, j) \
                    or (t.low in self.lex.stop_break and j > start and not known_pair):
                break
            if j > start and j > c.i + 1 and self._is_breaking(ctx, j):
                break
            if j > start and state != "name" and self._entry_at(ctx, j) is None and self.lex.prefix.match(toks, j):
                break
            place = self._place_at(ctx, j)
            cue = self.lex.place_cue.match(toks, j)
            if place is not None and body_start and state == "name" and not c.form.rule.get("same_as") \
                    and not _is_acronym(c.form.text) and (cue is None or cue[1].rule.get("weak")):
                j = good = j + 1  # right after the form word a region word names the body: "Kementerian Desa ..."
                continue
            if place is not None and state == "name" and cue is None and self._one_more_word(ctx, place):
                j = good = place  # "Yayasan Bali Sejahtera": a region inside the name, one word after it
                continue
            if place is not None:
                if c.place_start is None or state != "place":
                    c.place_start = j
                j = good = place
                state = "place"
                continue
            if t.is_num:
                if _YEAR.match(t.text) or len(t.text) > 7 or (t.text.isdigit() and len(t.text) > 4):
                    break
                nxt = toks[j + 1] if j + 1 < len(toks) else None
                if t.text.isdigit() and nxt is not None and not nxt.nl and nxt.is_lower and nxt.low not in CONNECTORS:
                    break  # "Kanim Tahuna 39 orang", "Pondok Pesantren 27 pondok": a count after the name
                j = good = j + 1
                continue
            if t.is_upper and t.kind == "word":
                inner = self._entry_at(ctx, j) if c.form is not None and c.form.rule.get("before") else None
                if inner is not None and inner[0] > j + 1:
                    j = good = inner[0]  # "Komisi IX DPR RI": the whole name of the body it is a part of
                    state = "acr"
                    continue
                if state == "name":
                    j = good = j + 1
                    # a category word right after the form word ("Paguyuban UMKM Pakem Makmur") leaves the name open
                    generic = body_start and c.form.kind != "government" and t.low in self.lex.stop_extend
                    state = "name" if self.lex.prefix.match(toks, j - 1) or generic else "acr"
                    continue
                after_connector = j > 0 and (toks[j - 1].low in CONNECTORS or toks[j - 1].text == "&")
                if after_connector and c.form is not None:
                    j = good = j + 1  # "Kementerian Koperasi (Kemenkop) dan UKM"
                    continue
                if t.low in self.lex.stop_extend:
                    break
                if self._single_trailing(ctx, j):
                    if c.place_start is None:
                        c.place_start = j
                    j = good = j + 1
                    state = "place"
                    continue
                break
            if t.is_cap:
                if state == "name":
                    if t.low in self.lex.stop_extend and c.entry is not None:
                        break
                    j = good = j + 1
                    continue
                if t.low in self.lex.stop_extend:
                    break
                if self._entry_at(ctx, j) is not None and state == "acr":
                    j = good = self._entry_at(ctx, j)[0]
                    continue
                levels = _ALL_LEVELS if state == "acr" else ("provinsi", "kabupaten", "kota", "kecamatan")
                place = self._place_at(ctx, j, levels)
                if place is not None and self._single_trailing(ctx, place - 1):
                    if c.place_start is None:
                        c.place_start = j
                    j = good = place
                    state = "place"
                    continue
                if state == "acr" and c.form is not None and c.origin != "alias" and self._single_trailing(ctx, j):
                    j = good = j + 1  # "Direktorat Pengembangan SDM Pariwisata": one more word, not a person's two
                    state = "place"
                    continue
                end = self._run_to_region(ctx, j) if state == "acr" and c.form is not None else None
                if end is not None:
                    j = good = end  # "Lembaga Sertifikasi Profesi (LSP) Kuliner Jawa Tengah": no person ends in a region
                    state = "place"
                    continue
                break
            break
        c.j = good
        return c

    @staticmethod
    def _body_starts(c: Cand) -> set[int]:
        """Where the name proper begins after the form word: right after it, or after a bracket that
        abbreviates it ("Pondok Pesantren (Ponpes) An-Nur", "Lembaga Pendidikan dan Pelatihan (LPK) Kamisato")."""
        k = c.i + len(_phrase_tokens(c.form.text)) if c.form is not None else c.i
        out = {k}
        for b0, b1 in c.brackets:
            if b0 == k or (b0 > c.i and b0 - 1 in out):
                out.add(b1)
        return out

    def _comma_list(self, ctx: _Ctx, j: int) -> int | None:
        """A ministry named by a list: "Kementerian Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi".
        From the comma at j: capitalised words, commas, and a last "dan X"; nothing that starts another body."""
        toks = ctx.toks
        k = j
        saw_and = False
        while k < len(toks) and not (k > j and toks[k].nl):
            t = toks[k]
            if t.text == ",":
                if k + 1 < len(toks) and toks[k + 1].low in {"dan", "serta"}:
                    k += 1
                    continue
                if saw_and:
                    break
                k += 1
                continue
            if t.low in {"dan", "serta"}:
                saw_and = True
                k += 1
                continue
            if t.is_cap and t.kind == "word" and (not t.is_upper or toks[k - 1].text == "," or toks[k - 1].low in {"dan", "serta"}):
                # an acronym may be one item of the list: "Dinas Koperasi, UKM dan Perdagangan"
                if (toks[k - 1].text == "," or toks[k - 1].low in {"dan", "serta"}) and (
                        self._names_body(ctx, k) or self._entry_at(ctx, k) or self.lex.title.match(toks, k)
                        or self._place_at(ctx, k)):
                    return None
                k += 1
                continue
            break
        if not saw_and or toks[k - 1].low in {"dan", "serta"} or toks[k - 1].text == ",":
            return None
        return k

    def _slash_place(self, ctx: _Ctx, k: int) -> int | None:
        """End of the one to three capitalised words after a numbered unit's slash ("1701/Jayapura")."""
        toks = ctx.toks
        end = k
        while end < len(toks) and end - k < 3 and not toks[end].nl and toks[end].is_cap and toks[end].kind == "word" \
                and end not in ctx.per_starts and not self._stop_token(ctx, end):
            end += 1
        return end if end > k and self._single_trailing(ctx, end - 1) else None

    def _names_body(self, ctx: _Ctx, k: int) -> bool:
        """A form word at k that starts another body's name: a capitalised word follows it ("Koperasi Maju
        Jaya"). Followed by a comma or "dan" it is only a sector in a list ("Dinas Perindustrian, Koperasi
        dan UKM")."""
        m = self.lex.prefix.match(ctx.toks, k)
        if m is None:
            return False
        if m[1].kind == "government":
            return True  # "..., dan Pemerintah Desa": another body
        nxt = ctx.toks[m[0]] if m[0] < len(ctx.toks) else None
        return nxt is not None and not nxt.nl and (nxt.is_cap or nxt.is_num) and nxt.low not in CONNECTORS

    def _run_to_region(self, ctx: _Ctx, j: int) -> int | None:
        """End of a run of two to four capitalised words from j whose last word(s) name a provinsi, kabupaten, kota
        or country, with nothing in it that starts a person or another body; else None."""
        toks = ctx.toks
        for k in range(j + 1, min(j + 4, len(toks))):
            t = toks[k]
            if t.nl or not (t.is_cap and t.kind == "word") or k in ctx.per_starts or self.lex.honorific.match(toks, k) \
                    or self.lex.prefix.match(toks, k) or self._stop_token(ctx, k):
                return None
            end = self._place_at(ctx, k)
            if end is not None and self._single_trailing(ctx, end - 1):
                return end
        return None

    def _one_more_word(self, ctx: _Ctx, j: int) -> bool:
        """Whether exactly one plain capitalised word follows from token j (a name goes on; two are a person)."""
        toks = ctx.toks
        return (j < len(toks) and not toks[j].nl and toks[j].is_cap and toks[j].kind == "word" and not toks[j].is_upper
                and self._single_trailing(ctx, j) and self._place_at(ctx, j) is None
                and toks[j].low not in self.lex.stop_break)

    def _single_trailing(self, ctx: _Ctx, j: int) -> bool:
        """Whether token j ends a capitalised run (so it is not the first name of a person)."""
        toks = ctx.toks
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        return nxt is None or nxt.nl or not (nxt.is_cap and nxt.kind != "punct") or nxt.text == "("

    def _lower_run_to_bracket(self, ctx: _Ctx, c: Cand, j: int) -> int | None:
        """Lower-case words inside a name are kept only when an acronym right after spells them
        ("Lembaga Pembinaan dan Pemberdayaan Perempuan kepala keluarga (LPP-PEKKA)")."""
        toks = ctx.toks
        k = j
        while k < len(toks) and k - j < 4 and toks[k].is_lower and not toks[k].nl:
            k += 1
        end = self._bracket(ctx, k)
        if end is None:
            return None
        inner = " ".join(t.text for t in toks[k + 1:end - 1])
        words = [t.text for t in toks[c.i:k] if t.is_word]
        if acronym_matches(inner, words) or acronym_matches(inner, words[1:]):
            return k
        return None

    # ----- candidate finders ------------------------------------------------------------------------
    def _alias_cands(self, ctx: _Ctx) -> list[Cand]:
        out = []
        toks = ctx.toks
        for i in range(len(toks)):
            if ctx.excluded[i] or not toks[i].is_word:
                continue
            m = self._entry_at(ctx, i)
            if m is None:
                continue
            if i > 0 and toks[i - 1].text in {"-", "’", "'"} and not toks[i].nl and toks[i - 1].end == toks[i].start:
                continue
            c = self._alias_cand(ctx, i, m)
            if not m[1].generated:
                # an analyst's form of a known organisation ("Kilang Pertamina Plaju", "Pertamina Kilang Palju")
                # is read as the known organisation would be; the rule then joins the forms it names
                g = self._entry_at(ctx, i, generated_only=True)
                alt = self._alias_cand(ctx, i, g) if g is not None else None
                if alt is not None and alt.j >= c.j:
                    c = alt
            out.append(c)
        return out

    def _alias_cand(self, ctx: _Ctx, i: int, m: tuple[int, OrgEntry]) -> Cand:
        toks = ctx.toks
        end, e = m
        c = Cand(i, end, "alias", e.kind, e.rule.source, entry=e, entry_span=(i, end))
        c.legal = any(t.low in self.lex.legal_words for t in toks[i:end])
        if e.generic:  # a pattern name (Dinas Pendidikan) may go on: "Dinas Pendidikan Dan Kebudayaan"
            f = self.lex.prefix.match(toks, i, skip_dots=True)
            c.form = f[1] if f is not None else None
        self._scan(ctx, c, end, "name" if e.generic and c.form is not None else "closed")
        # a unit word before the known name: "Perwakilan BI Wilayah IX", "Kantor Wilayah Pegadaian Bali"
        u = self._unit_before(ctx, i)
        if u is not None and (c.j > end or c.brackets):
            c.i, c.unit_start = u, u
        return c

    def _theme_clip(self, ctx: _Ctx, c: Cand) -> bool:
        """A known organisation's candidate inside a theme keeps its name, units and legal forms, not the plain
        words of the slogan after them; a pattern name (Dinas Sosial) there is dropped."""
        if c.i not in ctx.theme:
            return True
        if c.entry is None or c.entry.generic:
            return False
        toks = ctx.toks
        while c.j > c.entry_span[1] and (c.j - 1 not in ctx.theme or (
                toks[c.j - 1].is_cap and not toks[c.j - 1].is_upper and toks[c.j - 1].low not in self.lex.legal_words
                and self.lex.unit.match(toks, c.j - 1) is None)):
            c.j -= 1
        c.brackets = [b for b in c.brackets if b[1] <= c.j]
        return True

    def _unit_before(self, ctx: _Ctx, i: int) -> int | None:
        toks = ctx.toks
        for n in (3, 2, 1):
            k = i - n
            if k < 0 or toks[i].nl:
                continue
            m = self.lex.unit.match(toks, k)
            if m is not None and m[0] == i and toks[k].is_cap and m[1].rule.get("before"):
                return k
        return None

    def _form_cands(self, ctx: _Ctx) -> list[Cand]:
        out = []
        toks = ctx.toks
        for i in range(len(toks)):
            if ctx.excluded[i] or not toks[i].is_word:
                continue
            m = self.lex.prefix.match(toks, i, skip_dots=True)
            if m is None:
                continue
            end, form = m
            if end < len(toks) and toks[end].text == "." and form.text.endswith(".") is False and form.legal:
                end += 1
            if end >= len(toks) or toks[end].nl or not (toks[end].is_cap or toks[end].is_num
                                                        or self._bracket(ctx, end) is not None):
                continue
            if self.lex.stop_prefix.match(toks, i) or (not form.legal and self._sector_at(ctx, i)):
                continue
            if form.rule.get("place_only") and self._place_at(ctx, end) is None:
                continue  # "Pemerintah Aceh" is a body, "Pemerintah Pusat" is no name
            weak = not form.legal and form.kind not in {"government", "university"}
            inside = weak and self._inside_other_name(ctx, i)
            if inside and self.lex.stop_prefix.match(toks, i - 1):
                continue  # "Kantor Pusat X": a venue
            c = Cand(i, end, "form", form.kind, form.rule.source, form=form, legal=form.legal)
            # a legal, company or bank form before a known name is that organisation ("Perum Jamkrindo", "Bank Himbara")
            e = self._entry_at(ctx, end) if form.legal or form.kind in {"company", "bank"} else None
            if e is not None:
                trial = Cand(i, end, "form", form.kind, form.rule.source, form=form, legal=form.legal)
                self._scan(ctx, trial, end, "name")
                if trial.brackets or trial.legal and trial.j > e[0] and any(
                        t.low in self.lex.legal_words for t in toks[e[0]:trial.j]):
                    e = None  # "PT Pertamina Gheotermal Energy (PGE)": a company name longer than the known one
            if e is None:
                e2 = self._entry_at(ctx, i)
                if e2 is not None:
                    c.entry, c.entry_span = e2[1], (i, e2[0])
                    self._scan(ctx, c, e2[0], "closed" if e2[0] > end and not e2[1].generic else "name")
                else:
                    self._scan(ctx, c, end, "name")
            else:
                c.entry, c.entry_span = e[1], (end, e[0])
                self._scan(ctx, c, e[0], "closed")
            if c.entry is None and form.legal:
                self._fuzzy_entry(ctx, c, end)
            if inside and not c.brackets or c.brackets and weak and self._bracket_spells_more(ctx, c):
                continue  # "Pertemuan Kelompok Mingguan (PKM)": the form word is inside another name
            if c.j > end:
                out.append(c)
        return out

    def _sector_at(self, ctx: _Ctx, i: int) -> bool:
        """The form word at i names a sector of a position or a department ("Menteri Koperasi Budi Arie",
        "Kepala Bidang Koperasi Diskumdag Tala"), not an organisation of its own."""
        toks = ctx.toks
        if toks[i].nl:
            return False
        for n in (1, 2, 3):
            k = i - n
            if k < 0 or any(t.nl for t in toks[k + 1:i + 1]):
                break
            m = self.lex.sector_before.match(toks, k)
            if m is not None and m[0] == i:
                return True
        return False

    def _bracket_spells_more(self, ctx: _Ctx, c: Cand) -> bool:
        """Whether the first bracket's acronym also spells the word before the candidate (PKM = Pertemuan ...)."""
        toks = ctx.toks
        b0, b1 = c.brackets[0]
        inner = ctx.text[toks[b0 + 1].start:toks[b1 - 2].end]
        words = [t.text for t in toks[c.i:b0] if t.is_word]
        if acronym_matches(inner, words):
            return False
        for n in (1, 2, 3):
            before = toks[max(0, c.i - n):c.i]
            if len(before) == n and all(t.is_cap and t.kind == "word" and not t.nl for t in before) \
                    and acronym_matches(inner, [t.text for t in before] + words):
                return True
        return False

    def _inside_other_name(self, ctx: _Ctx, i: int) -> bool:
        """A weak form word inside a longer capitalised name ("Pertemuan Kelompok Mingguan", "Kantor Pusat X")."""
        toks = ctx.toks
        if i == 0 or toks[i].nl or toks[i].line in ctx.title_lines:
            return False
        p = toks[i - 1]
        if not p.is_cap or p.kind == "punct" or _sentence_start(toks, i - 1) or p.low in CONNECTORS:
            return False
        if any(m is not None and m[0] == i for m in (self.lex.title.match(toks, k) for k in range(max(0, i - 3), i))):
            return False
        if self.lex.unit.match(toks, i - 1) or self._entry_at(ctx, i - 1) or self.lex.prefix.match(toks, i - 1):
            return False
        return True

    def _fuzzy_entry(self, ctx: _Ctx, c: Cand, body: int) -> None:
        """A misspelt known company after PT ("PT Pegadain Kantor Wilayah ...")."""
        from rapidfuzz import fuzz
        t = ctx.toks[body]
        if len(t.text) < 6 or not t.is_cap:
            return
        for e in self.lex.entries.values():
            if e.generic or e.kind not in {"company", "bank"}:
                continue
            for a in [e.name, *e.aliases]:
                words = [w for w in _phrase_tokens(a) if w.casefold() not in self.lex.legal_words]
                if len(words) == 1 and len(words[0]) >= 6 and fuzz.ratio(words[0].casefold(), t.low) >= 88:
                    c.entry, c.entry_span = e, (body, body + 1)
                    if body + 1 < c.j and words[0].casefold() != t.low:
                        # read on as after a known name: units and regions, not a person ("PT Pegadaia Rully Yusuf")
                        c.j, c.brackets = body + 1, [b for b in c.brackets if b[1] <= body + 1]
                        c.place_start = None
                        self._scan(ctx, c, body + 1, "closed")
                    if c.unit_start is None and body + 1 < c.j and self.lex.unit.match(ctx.toks, body + 1):
                        c.unit_start = body + 1
                    return

    def _head_cands(self, ctx: _Ctx) -> list[Cand]:
        """Capitalised runs holding Foundation, Agency, Committee, ..."""
        out = []
        toks = ctx.toks
        for h in range(len(toks)):
            m = self.lex.head.match(toks, h)
            if m is None or ctx.excluded[h]:
                continue
            i = h
            while i > 0 and not toks[i].nl:
                p = toks[i - 1]
                if (p.is_cap or p.is_num) and not self.lex.title_stop.match(toks, i - 1) and not self._stop_token(ctx, i - 1) \
                        and p.low not in self.lex.stop_break:
                    i -= 1
                elif (p.low in CONNECTORS or p.text == "&") and i >= 2 and toks[i - 2].is_cap and not p.nl:
                    i -= 1
                else:
                    break
            while i < h and (toks[i].low in CONNECTORS or toks[i].text == "&"):
                i += 1
            if i == h and len(toks[h].text) < 4:
                continue
            form: Form = m[1]
            c = Cand(i, m[0], "head", form.kind, form.rule.source, form=None)
            self._scan(ctx, c, m[0], "acr")
            if c.j - c.i >= 2:
                out.append(c)
        return out

    def _title_cands(self, ctx: _Ctx) -> list[Cand]:
        """A lone unknown name right after a person's position: "Direktur PIWKU", "Rektor Unival Banten"."""
        out = []
        toks = ctx.toks
        for i in range(len(toks)):
            m = self.lex.title_cue.match(toks, i)
            if m is None or ctx.excluded[i]:
                continue
            j = m[0]
            if j < len(toks) and toks[j].text == "." and not toks[j].nl:
                j += 1
            if j >= len(toks) or toks[j].nl or not toks[j].is_cap or toks[j].kind != "word":
                continue
            if toks[i].is_upper and len(toks[i].text) >= 3:
                continue  # "PETANI ORGANIK": a caption in capitals, not a position
            if m[1].rule.get("same_as"):
                c = self._title_form(ctx, i, j, m[1])
                if c is not None:
                    out.append(c)
                continue
            t = toks[j]
            if (self.lex.prefix.match(toks, j) or self.lex.title.match(toks, j) or self.lex.unit.match(toks, j)
                    or self._place_at(ctx, j, ("provinsi", "kabupaten", "kota", "kecamatan")) or self._entry_at(ctx, j)
                    or self._stop_token(ctx, j) or t.low in self.lex.stop_extend or org_key(t.text) in self.lex.stop_name
                    or t.low in self.lex.title_words or j in ctx.per_starts):
                continue
            acronym_like = (t.is_upper or bool(re.search(r"[a-z][A-Z]", t.text))) and not _caps_line(toks, j)
            c = Cand(j, j + 1, "title", "university" if toks[i].low == "rektor" else "other", m[1].rule.source)
            owned = self._owned_business(ctx, j) if m[1].kind == "company" and not acronym_like else None
            if owned is not None:
                c.j, c.kind = owned, "company"  # "pemilik Batik Kembang Setaman": an owner's business
            elif acronym_like and len(t.text) >= 3:
                self._scan(ctx, c, j + 1, "acr")
            else:
                place = self._place_at(ctx, j + 1)
                if place is None or not self._single_trailing(ctx, place - 1):
                    continue
                c.place_start, c.j = j + 1, place
            if self._single_trailing(ctx, c.j - 1) or (c.j < len(toks) and toks[c.j].text in {",", "/", ")"}):
                out.append(c)
        return out

    def _owned_business(self, ctx: _Ctx, j: int) -> int | None:
        """End of a business name of two to four capitalised words from j, after an owner's title; None when the
        run goes on, or holds a person, a region or another body."""
        toks = ctx.toks
        k = j
        while k < len(toks) and k - j < 4 and not (k > j and toks[k].nl) and toks[k].is_cap and toks[k].kind == "word":
            if (k in ctx.per_starts or self.lex.honorific.match(toks, k) or self._stop_token(ctx, k)
                    or self._place_at(ctx, k) is not None or (k > j and self.lex.prefix.match(toks, k))):
                return None
            k += 1
        if k - j < 2 or not self._single_trailing(ctx, k - 1):
            return None
        return k

    def _title_form(self, ctx: _Ctx, i: int, j: int, title: Form) -> Cand | None:
        """A position written as one word that names the body: "Kadis Koperasi UMKM Cilegon" = Kepala Dinas
        Koperasi UMKM Cilegon. The mention covers the words after the title; its name gets the form word back."""
        toks = ctx.toks
        if self._entry_at(ctx, j) or self.lex.prefix.match(toks, j) and self.lex.prefix.match(toks, j)[1].breaks:
            return None
        form = self.lex.prefix_by_text.get(title.rule["same_as"])
        if form is None:
            return None
        c = Cand(j, j, "titleform", form.kind, title.rule.source, form=form)
        self._scan(ctx, c, j, "name")
        if c.j <= j:
            return None
        c.virtual_form = form.text
        return c

    def _with_ner(self, ctx: _Ctx, chosen: list[Cand], ner_spans) -> list[Cand]:
        """NER ORG spans fill the gaps the rules left, and lengthen a rule name they start with by a few words
        ("Koperasi Sinar" + "Abadi Jaya"); where they disagree otherwise, the rules win."""
        out = list(chosen)
        for n in self._ner_cands(ctx, ner_spans):
            over = [c for c in out if c.i < n.j and n.i < c.j]
            if not over:
                if self._ner_plausible(ctx, n.i, n.j) or (self._ner_shape_ok(ctx, n.i, n.j)
                                                          and self._listed_with(ctx, n.i, n.j, chosen)):
                    out.append(n)
            elif len(over) == 1 and over[0].i == n.i and over[0].j < n.j <= over[0].j + 3 and over[0].entry is None \
                    and over[0].origin in {"form", "head", "titleform"} \
                    and not any(t.nl or t.text in _SENTENCE_END for t in ctx.toks[over[0].j:n.j]) \
                    and any(t.is_lower for t in ctx.toks[over[0].j:n.j]):
                over[0].j = n.j  # lower-case words the grammar stops at; capitalised ones it left out on purpose
        return sorted(out, key=lambda c: c.i)

    def _ner_cands(self, ctx: _Ctx, ner_spans) -> list[Cand]:
        out = []
        toks = ctx.toks
        for s, e, label in ner_spans:
            if label != "ORG":
                continue
            idx = [k for k, t in enumerate(toks) if t.start >= s and t.end <= e]
            if not idx or any(ctx.excluded[k] for k in idx):
                continue
            c = Cand(idx[0], idx[-1] + 1, "ner", "other", "ner")
            m = self.lex.prefix.match(toks, idx[0], skip_dots=True)
            if m is not None:
                c.form, c.kind, c.legal = m[1], m[1].kind, m[1].legal
            e2 = self._entry_at(ctx, idx[0])
            if e2 is not None:
                c.entry, c.entry_span, c.kind = e2[1], (idx[0], e2[0]), e2[1].kind
            out.append(c)
        return out

    def _listed_with(self, ctx: _Ctx, i: int, j: int, chosen: list[Cand]) -> bool:
        """The span stands in a list of organisations the rules found: "digagas Rutgers WPF Indonesia,
        [Aliansi Remaja Independen], dan Plan International Indonesia"."""
        toks = ctx.toks
        by_end = {c.j: c for c in chosen if c.origin != "ner"}
        starts = {c.i for c in chosen if c.origin != "ner"}
        k = i - 1
        if k >= 0 and toks[k].low in {"dan", "serta"}:
            k -= 1 if k >= 1 and toks[k - 1].text == "," else 0
        if k >= 1 and (toks[k].text == "," or toks[k].low in {"dan", "serta"}) and k in by_end and not toks[i].nl:
            if toks[k].low in {"dan", "serta"}:
                return True
            # "A, B, dan C" goes on after B; "Kepala Dinas X, Budi Santoso, mengatakan" names the head of X
            prev = by_end[k]
            after_title = any(m is not None and m[0] == prev.i for m in
                              (self.lex.title_stop.match(toks, q) for q in range(max(0, prev.i - 3), prev.i)))
            nxt = toks[j] if j < len(toks) else None
            going_on = nxt is not None and (nxt.low in {"dan", "serta"} or (
                nxt.text == "," and j + 1 < len(toks) and (toks[j + 1].low in {"dan", "serta"} or j + 1 in starts)))
            if going_on and not after_title:
                return True
        k = j
        if k < len(toks) and toks[k].text == "," and k + 1 < len(toks) and toks[k + 1].low in {"dan", "serta"}:
            k += 1
        return k + 1 < len(toks) and (toks[k].text == "," or toks[k].low in {"dan", "serta"}) and k + 1 in starts \
            and not toks[k + 1].nl

    def _ner_shape_ok(self, ctx: _Ctx, i: int, j: int) -> bool:
        """The span looks like a name (the first checks of ``_ner_plausible``, without the article's backing)."""
        toks = ctx.toks
        words = [t for t in toks[i:j] if t.is_word]
        if len(words) < 2 or any(t.nl for t in toks[i + 1:j]) or toks[i].line in ctx.title_lines or not toks[i].is_cap:
            return False
        if any(t.is_lower and t.low not in CONNECTORS for t in words) or all(t.is_upper for t in words) \
                or any(t.text.isdigit() for t in words):
            return False
        text = ctx.text[toks[i].start:toks[j - 1].end]
        return not (self.lex.title.match(toks, i) or self._stop_token(ctx, i) or self.lex.stop_prefix.match(toks, i)
                    or org_key(text) in self.lex.stop_name or self._place_at(ctx, i, _ALL_LEVELS) == j
                    or self._inside_run(ctx, i, j) or self._speaker_at(ctx, text))

    def _ner_plausible(self, ctx: _Ctx, i: int, j: int) -> bool:
        """An ORG span from NER that the rules did not find is kept only when it looks like a name and the
        article backs it: written twice in the body, or right after a role cue ("bekerja sama dengan X").
        The model also tags regions, positions, programmes and headline fragments as ORG."""
        toks = ctx.toks
        span = toks[i:j]
        words = [t for t in span if t.is_word]
        if len(words) < 2 or any(t.nl for t in span[1:]) or toks[i].line in ctx.title_lines or not toks[i].is_cap:
            return False
        if any(t.is_lower and t.low not in CONNECTORS for t in words) or any(t.text.isdigit() or "%" in t.text for t in span):
            return False
        if any(t.text == "." for t in span) or all(t.is_upper for t in words):
            return False  # "S.Pd", "TOT AUTP": degrees and strings of acronyms
        if self.lex.title.match(toks, i) or self._stop_token(ctx, i) or self.lex.stop_prefix.match(toks, i) \
                or org_key(toks[i].text) in self.lex.stop_name or self.lex.place_cue.match(toks, i):
            return False
        text = ctx.text[toks[i].start:toks[j - 1].end]
        if org_key(text) in self.lex.stop_name or self._place_at(ctx, i, _ALL_LEVELS) == j:
            return False
        if self._after_prefix_word(ctx, text):
            return False  # "program Tani Muda Berdaya" somewhere: the name of a programme or an event
        if self._inside_run(ctx, i, j) or self._speaker_at(ctx, text):
            return False
        body = [m.start() for m in re.finditer(re.escape(text), ctx.text)]
        body = [p for p in body if not any(t.line in ctx.title_lines for t in toks if t.start == p)]
        return len(body) >= 2 or self._cue_before(ctx, i) is not None

    def _inside_run(self, ctx: _Ctx, i: int, j: int) -> bool:
        """A span that starts or stops inside a longer capitalised name ("Aparatur [Sipil Negara]", "MNC
        [Vision Network]", "[Energy Asia] Awards", "[Gerakan Mengajar] Desa"): a fragment, not a name."""
        toks = ctx.toks
        p = toks[i - 1] if i > 0 else None
        if p is not None and not toks[i].nl and p.kind == "word" and p.is_cap and not _sentence_start(toks, i - 1) \
                and not self.lex.title_stop.match(toks, i - 1) and self._cue_before(ctx, i) is None:
            return True
        n = toks[j] if j < len(toks) else None
        return n is not None and not n.nl and n.kind == "word" and (n.is_cap or n.is_num) \
            and not self.lex.title.match(toks, j) and j not in ctx.per_starts and not self.lex.prefix.match(toks, j)

    def _speaker_at(self, ctx: _Ctx, text: str) -> bool:
        """The span is a speaker somewhere in the article, so a person: a speech verb right after it ("Dewa Patra
        mengatakan") or right before it ("kata Dewa Patra")."""
        for m in re.finditer(r"(?<!\w)" + re.escape(text) + r"(?!\w)", ctx.text):
            after = ctx.text[m.end():m.end() + 40]
            w = re.match(r"\s*(\w+)", after)
            if w and w.group(1).casefold() in self.lex.speech_after:
                return True
            before = re.findall(r"[\w.]+", ctx.text[max(0, m.start() - 40):m.start()])
            if before and before[-1].casefold() in self.lex.speech_before:
                return True
        return False

    def _after_prefix_word(self, ctx: _Ctx, text: str) -> bool:
        """``text`` follows, somewhere in the article, a one-word prefix stop word in any case ("program X",
        "kegiatan X"): the name of a programme or an event."""
        if not self.lex.stop_prefix_words:
            return False
        words = "|".join(re.escape(w) for w in sorted(self.lex.stop_prefix_words))
        return re.search(rf"(?<!\w)(?:{words})[ \t]+{re.escape(text)}(?!\w)", ctx.text, re.I) is not None

    def _acronym_cands(self, ctx: _Ctx, chosen: list[Cand], registry: dict[str, Cand]) -> list[Cand]:
        """Later uses of acronyms the article defined, and acronyms that spell a name found elsewhere
        ("KPSM" ... "Koperasi Perempuan Sejahtera Mandiri")."""
        out = []
        toks = ctx.toks
        taken = _taken(chosen)
        for i, t in enumerate(toks):
            if i in taken or ctx.excluded[i] or not t.is_word or not t.is_cap:
                continue
            target = None
            end = i + 1
            for acr, defining in registry.items():
                at = _phrase_tokens(acr)
                if tuple(x.text for x in toks[i:i + len(at)]) == at:
                    target, end = defining, i + len(at)
                    break
            if target is None and t.is_upper and len(t.text) >= 3 and t.low not in self.lex.stop_extend \
                    and org_key(t.text) not in self.lex.stop_name and self._place_at(ctx, i) is None \
                    and self._single_trailing(ctx, i):
                for c in chosen:
                    if c.origin in {"form", "head"} and c.entry is None:
                        words = [w.text for w in toks[c.i:(c.place_start or c.j)] if w.is_word and w.kind == "word"]
                        if len(words) >= 2 and acronym_matches(t.text, words):
                            target = c
                            break
            if target is None:
                continue
            c = Cand(i, end, "acronym", target.kind, "regex:org-acronym", link=target)
            c.form = target.form
            self._scan(ctx, c, end, "closed")
            out.append(c)
        return out

    def _list_cands(self, ctx: _Ctx, chosen: list[Cand]) -> list[Cand]:
        """Unknown acronyms listed with organisations or after a role cue: "..., USAID, LPMAK, TNI, dan ...",
        "didampingi oleh INDECON"."""
        toks = ctx.toks
        taken = _taken(chosen)
        starts = {c.i for c in chosen}
        ends = {c.j for c in chosen}
        out = []
        for _ in range(2):
            for c in self._list_pass(ctx, taken, starts, ends):
                out.append(c)
        return out

    def _list_pass(self, ctx: _Ctx, taken: set[int], starts: set[int], ends: set[int]) -> list[Cand]:
        toks = ctx.toks
        out = []
        for i, t in enumerate(toks):
            if i in taken or ctx.excluded[i] or not t.is_upper or t.kind != "word" or len(t.text) < 3:
                continue
            if _caps_line(toks, i) or t.low.split("-")[0] in self.lex.stop_extend or t.low in self.lex.degrees:
                continue
            if t.low in self.lex.stop_extend or org_key(t.text) in self.lex.stop_name or t.is_num:
                continue
            if self._place_at(ctx, i, ("provinsi", "kabupaten", "kota", "kecamatan")) is not None:
                continue
            if i + 1 < len(toks) and toks[i + 1].is_cap and not toks[i + 1].nl:
                continue
            if self._defined_as_other(ctx, t.text):
                continue  # "Bantuan Subsidi Upah (BSU)", "keluarga penerima manfaat (KPM)": not a body
            prev_ok = i >= 2 and toks[i - 1].low in _LIST_SEPARATORS and (i - 1) in ends
            next_ok = i + 2 < len(toks) and toks[i + 1].low in _LIST_SEPARATORS and (i + 2) in starts
            cue = self._cue_before(ctx, i)
            if prev_ok or next_ok or cue is not None:
                out.append(Cand(i, i + 1, "list", "other", "regex:org-list"))
                taken.add(i)
                ends.add(i + 1)
                starts.add(i)
        return out

    def _defined_as_other(self, ctx: _Ctx, acr: str) -> bool:
        """The article spells the acronym out ("Bantuan Langsung Tunai Sementara (BLTS)") and the words it
        stands for are no organisation's name: written in lower case, or not starting with a form word, a head
        word or a known organisation."""
        toks = ctx.toks
        for k in range(1, len(toks) - 1):
            if toks[k].text != acr or toks[k - 1].text != "(" or toks[k + 1].text != ")":
                continue
            for n in range(2, 9):
                s0 = k - 1 - n
                if s0 < 0 or any(t.nl for t in toks[s0 + 1:k]) or not all(t.is_word for t in toks[s0:k - 1]):
                    break
                words = [t.text for t in toks[s0:k - 1]]
                if not acronym_matches(acr, words):
                    continue
                if s0 > 0 and toks[s0 - 1].is_cap and toks[s0 - 1].kind == "word" and not _sentence_start(toks, s0 - 1) \
                        and acronym_matches(acr, [toks[s0 - 1].text, *words]):
                    continue  # the expansion may start one word earlier
                first = toks[s0]
                if first.is_lower and first.low not in CONNECTORS:
                    return True
                org_like = (self.lex.prefix.match(toks, s0) or self._entry_at(ctx, s0)
                            or any(self.lex.head.match(toks, q) for q in range(s0, k - 1)))
                return not org_like
        return False

    # ----- choosing, checking, attesting ------------------------------------------------------------
    def _refine_entry(self, ctx: _Ctx, c: Cand) -> None:
        """A whole name that is a known organisation's name or alias ("Kementerian Koperasi (Kemenkop) dan UKM"
        = "Kementerian Koperasi dan UKM") is that organisation, not a unit of a shorter one inside it."""
        toks = ctx.toks
        end = c.place_start if c.place_start is not None and c.place_start > c.i else c.j
        text = ctx.text[toks[c.i].start:toks[end - 1].end]
        for v in [text, *bracket_variants(text)]:
            e = self.lex.alias_keys.get(org_key(v))
            if e is not None:
                if c.entry is not e or c.entry_span != (c.i, end):
                    c.entry, c.entry_span, c.unit_start = e, (c.i, end), None
                    c.kind = e.kind
                return
        if c.entry is not None and c.entry.generic and c.entry_span is not None:
            rest = [t for k, t in enumerate(toks[c.entry_span[1]:end], c.entry_span[1])
                    if t.is_word and not any(b0 <= k < b1 for b0, b1 in c.brackets)]
            if rest:  # "Dinas Pendidikan Dan Kebudayaan" is not the pattern "Dinas Pendidikan"
                c.entry, c.entry_span = None, None
                if c.form is None:
                    f = self.lex.prefix.match(toks, c.i, skip_dots=True)
                    c.form = f[1] if f is not None else None

    def _valid(self, ctx: _Ctx, cands: list[Cand]) -> list[Cand]:
        out = []
        for c in cands:
            self._refine_entry(ctx, c)
            name = strip_brackets(clean_org_name(ctx.text[ctx.toks[c.i].start:ctx.toks[c.j - 1].end]))
            key = org_key(name)
            if not key or key in self.lex.stop_name or key.split()[0] in self.lex.stop_extend and len(key.split()) == 1:
                continue
            if c.form is not None and c.origin == "form" and not c.virtual_form:
                words = [t for t in ctx.toks[c.i:c.j] if t.is_word]
                form_len = len(_phrase_tokens(c.form.text))
                if len(words) <= form_len and not c.brackets:
                    continue
                body = [t for t in ctx.toks[c.i + form_len:c.j] if t.is_word]
                rest = org_key(" ".join(t.text for t in body))
                if self._generic_body(ctx, c, form_len):
                    continue
                # a government body is named by its sector, which alone is no organisation ("Dinas Koperasi")
                sector = c.form.kind == "government" and len(body) == 1
                # a body of category acronyms only is no name ("Kelompok UMKM"); a proper word that also extends
                # company names ("Lestari", "Mandiri") may be a group's whole name ("Kelompok Tani Lestari")
                if not rest or rest in self.lex.stop_name and not sector or (
                        all(t.low in self.lex.stop_extend for t in body) and any(t.is_upper for t in body)):
                    continue
                if len(body) == 1 and len(body[0].text) < 2:
                    continue
            if self.lex.stop_prefix.match(ctx.toks, c.i):
                continue
            if c.origin == "head" and all(t.low in self.lex.stop_extend or self.lex.head.match(ctx.toks, k)
                                          for k, t in enumerate(ctx.toks[c.i:c.j], c.i) if t.is_word):
                continue  # "CSR Department": a department of whatever body, no name
            out.append(c)
        return out

    def _generic_body(self, ctx: _Ctx, c: Cand, form_len: int) -> bool:
        """A kind of body, not a named one: the form word followed only by words for its members or by
        category words ("Koperasi Desa", "Kelompok Tani Wanita", "Komunitas Penyandang Disabilitas"), or only
        by a bracket abbreviating the form itself ("Pondok Pesantren (Ponpes)", "Balai Latihan Kerja (BLK)").
        Government bodies are named by their sector and stay."""
        if c.form is None or c.form.kind == "government" or c.form.legal or c.entry is not None:
            return False
        toks = ctx.toks
        inside = {k for b0, b1 in c.brackets for k in range(b0, b1)}
        words = [t.low for k, t in enumerate(toks[c.i + form_len:c.j], c.i + form_len) if t.is_word and k not in inside]
        if not words:
            if not c.brackets:
                return False
            b0, b1 = c.brackets[0]
            inner = ctx.text[toks[b0 + 1].start:toks[b1 - 2].end]
            return acronym_matches(inner, [t.text for t in toks[c.i:b0] if t.is_word]) \
                or self.lex.prefix.match(toks, b0 + 1) is not None
        k = 0
        while k < len(words):
            for n in range(min(4, len(words) - k), 0, -1):
                part = tuple(words[k:k + n])
                if part in self.lex.member_nouns or (n == 1 and part[0] in CONNECTORS):
                    k += n
                    break
            else:
                return False
        return True

    def _attest(self, ctx: _Ctx, chosen: list[Cand]) -> list[Cand]:
        """Headlines are Title Case ("Kemensos Gelar Pelatihan Kerja"), and the first word of a sentence is
        capitalised anyway: such names are cut back to a form the article uses elsewhere."""
        body_keys = {org_key(_name(ctx, c)) for c in chosen if ctx.toks[c.i].line not in ctx.title_lines}
        out = []
        for c in chosen:
            closed = c.origin in {"alias", "acronym"} and c.unit_start is None and (c.entry is None or not c.entry.generic)
            if ctx.toks[c.i].line in ctx.title_lines and not closed:
                keep = None
                for k in range(c.j, c.i, -1):
                    key = org_key(ctx.text[ctx.toks[c.i].start:ctx.toks[k - 1].end])
                    if key in body_keys:
                        keep = k
                        break
                    if c.entry_span and k == c.entry_span[1]:
                        keep = k
                        break
                if keep is None:
                    continue
                if keep < c.j:
                    c.j = keep
                    c.brackets = [b for b in c.brackets if b[1] <= keep]
                    c.unit_start = c.unit_start if c.unit_start is not None and c.unit_start < keep else None
                    c.place_start = c.place_start if c.place_start is not None and c.place_start < keep else None
            elif c.origin == "form" and c.entry is None:
                for k in range(c.i + 2, c.j - 1):
                    t = ctx.toks[k]
                    if t.low in {"dan", "serta", "&"} and not any(b0 <= k < b1 for b0, b1 in c.brackets):
                        left = org_key(ctx.text[ctx.toks[c.i].start:ctx.toks[k - 1].end])
                        if left in body_keys - {org_key(_name(ctx, c))}:
                            c.j = k  # "Pokdakan Biawan dan Jaya Patin": two groups sharing one form word
                            c.brackets = [b for b in c.brackets if b[1] <= k]
                            c.place_start = c.place_start if c.place_start is not None and c.place_start < k else None
                            break
            if c.origin in {"form", "titleform"} and c.entry is None and ctx.toks[c.i].line not in ctx.title_lines:
                self._trim_person(ctx, c, body_keys)
            if c.origin == "head" and _sentence_start(ctx.toks, c.i) and c.j - c.i >= 3:
                key = org_key(ctx.text[ctx.toks[c.i + 1].start:ctx.toks[c.j - 1].end])
                if key in body_keys:
                    c.i += 1
            out.append(c)
        return out

    def _trim_person(self, ctx: _Ctx, c: Cand, body_keys: set[str]) -> None:
        """"Direktur Utama PT BPR Sinar Jaya Budi Santoso mengatakan": when the article also names
        "PT BPR Sinar Jaya" alone, the two or three plain words after it are a person, not the name."""
        toks = ctx.toks
        own = org_key(_name(ctx, c))
        for n in (2, 3):
            k = c.j - n
            if k <= c.i + 1:
                break
            tail = toks[k:c.j]
            if not all(t.is_cap and t.kind == "word" and not t.is_upper for t in tail):
                continue
            if any(self._place_at(ctx, q, ("provinsi", "kabupaten", "kota", "kecamatan")) or self.lex.unit.match(toks, q)
                   for q in range(k, c.j)):
                continue  # (a village's name is often a person's name too: not a reason to keep the words)
            key = org_key(ctx.text[toks[c.i].start:toks[k - 1].end])
            if key != own and (key in body_keys or (self._after_title(ctx, c.i) and any(
                    b != own and b.startswith(key + " ") for b in body_keys))):
                # the shorter name is written alone, or (after a position) another name of the article goes on
                # from it: "Ketua Asosiasi Petani Milenial Ginanjar Ibnu" beside "Asosiasi Petani Milenial Kaltim"
                c.j = k
                return

    def _after_title(self, ctx: _Ctx, i: int) -> bool:
        """A person's position ends right before token i ("Ketua [Asosiasi ...]")."""
        toks = ctx.toks
        return any(m is not None and m[0] == i for m in
                   (self.lex.title_stop.match(toks, q) for q in range(max(0, i - 3), i)))

    def _acronyms(self, ctx: _Ctx, chosen: list[Cand]) -> dict[str, Cand]:
        """Acronyms the article defines: "Full Name (ACR)", "Full Name (ACR Rest)", "Full Name atau ACR"."""
        registry: dict[str, Cand] = {}
        toks = ctx.toks
        for c in chosen:
            n = c
            for b0, b1 in c.brackets:
                inner = [t for t in toks[b0 + 1:b1 - 1]]
                text = ctx.text[inner[0].start:inner[-1].end]
                if any(t.low in self.lex.legal_words for t in inner):
                    continue
                whole = self.lex.unit.match(toks, b0 + 1) or self.lex.prefix.match(toks, b0 + 1)
                if whole is not None and whole[0] == b1 - 1:
                    continue  # "Kantor Wilayah (Kanwil)", "(KSU)": the bracket abbreviates a form word
                before = [t.text for t in toks[c.i:b0] if t.is_word]
                if not before:
                    continue
                first = inner[0].text
                tail = [t.text.casefold() for t in inner[1:] if t.is_word]
                head_words = before[:-len(tail)] if tail and [w.casefold() for w in before[-len(tail):]] == tail else before
                if acronym_matches(text, before) or acronym_matches(text, before[1:]) or (
                        len(inner) > 1 and acronym_matches(first, head_words)):
                    if self._place_at(ctx, b0 - 1) is not None and acronym_matches(text, before[-3:]) \
                            and not acronym_matches(text, before[:-3] or before):
                        continue  # "(PPU)" after a region name abbreviates the region
                    if c.entry is not None and not c.entry.generic and any(a == text for a in [c.entry.name, *c.entry.aliases]):
                        continue  # the known organisation's own acronym: found by the alias table
                    registry.setdefault(text, n)
                    if len(inner) > 1 and inner[0].is_upper:
                        registry.setdefault(first, n)
                    c.acronym = c.acronym or text
                elif len(inner) <= 3 and all(t.is_cap for t in inner if t.is_word) and not self._place_at(ctx, b0 + 1) \
                        and not (c.entry is not None and self._entry_at(ctx, b0 + 1)) \
                        and any(self.lex.head.match(toks, k) for k in range(b0 + 1, b1 - 1)):
                    registry.setdefault(text, n)  # "(Dewisnu Foundation)", an alternative name
                    c.acronym = c.acronym or text
            # "PT X atau ABC"
            if c.j + 1 < len(toks) and toks[c.j].low == "atau" and toks[c.j + 1].is_upper:
                a = toks[c.j + 1].text
                words = [t.text for t in toks[c.i:c.j] if t.is_word]
                if acronym_matches(a, words) or acronym_matches(a, words[1:]):
                    registry.setdefault(a, n)
        return registry

    def _spelled_by(self, ctx: _Ctx, acr: str, chosen: list[Cand], me: Cand) -> Cand | None:
        """The one form or head candidate whose words ``acr`` abbreviates (before its region), if any."""
        toks = ctx.toks
        found = []
        for c in chosen:
            if c is me or c.origin not in {"form", "head"} or c.entry is not None:
                continue
            words = [w.text for w in toks[c.i:(c.place_start or c.j)] if w.is_word and w.kind == "word"]
            if len(words) >= 2 and acronym_matches(acr, words):
                found.append(c)
        return found[0] if len({id(c) for c in found}) == 1 else None

    def _link(self, ctx: _Ctx, chosen: list[Cand], registry: dict[str, Cand]) -> None:
        """Mentions written as an acronym point at the mention that defined it."""
        alive = {id(c) for c in chosen}
        for c in chosen:
            if c.link is not None and id(c.link) not in alive:
                c.link = None
            if c.link is not None:
                continue
            end = c.place_start if c.place_start is not None and c.place_start > c.i else c.j
            head = ctx.text[ctx.toks[c.i].start:ctx.toks[end - 1].end]
            target = registry.get(head)
            if target is not None and target is not c and id(target) in alive:
                c.link = target
            elif end == c.i + 1 and c.origin in {"title", "list", "ner"} and ctx.toks[c.i].is_upper:
                # "Kepala DPMK Mimika": an acronym spelling a name the article writes out in full
                c.link = self._spelled_by(ctx, ctx.toks[c.i].text, chosen, c)
        # "PT Bank Pembangunan Daerah Sulawesi Tengah atau Bank Sulteng": a shorter name of the same body
        by_end = {c.j: c for c in chosen}
        for c in chosen:
            prev = by_end.get(c.i - 1)
            if c.link is None and prev is not None and ctx.toks[c.i - 1].low == "atau" \
                    and _short_name_of([t.text for t in ctx.toks[c.i:c.j] if t.is_word],
                                       [t.text for t in ctx.toks[prev.i:prev.j] if t.is_word]):
                c.link = prev

    # ----- output -----------------------------------------------------------------------------------
    def _mention(self, ctx: _Ctx, c: Cand) -> Mention:
        toks = ctx.toks
        start, end = toks[c.i].start, toks[c.j - 1].end
        raw = ctx.text[start:end]
        name = clean_org_name(raw)
        if c.virtual_form:
            name = f"{c.virtual_form} {name}"
        value: dict[str, Any] = {"name": name, "kind": c.kind, "role": self._role(ctx, c), "acronym": c.acronym or None,
                                 "media": False, "mid": c.mid, "legal": c.legal,
                                 "title_line": toks[c.i].line in ctx.title_lines}
        place = ctx.text[toks[c.place_start].start:end] if c.place_start is not None else None
        if c.link is not None:
            target = c.link
            value["link"] = target.mid
            c.kind = target.kind
            value["kind"] = target.kind
        if c.entry is not None and not c.entry.generic:
            e = c.entry
            value["base"] = e.id
            value["canonical"] = e.name
            rest_start = c.unit_start if c.unit_start is not None else None
            if rest_start is None:
                # words after the known name that are neither legal forms, brackets nor a region: a unit
                k = c.entry_span[1]
                while k < c.j and (toks[k].low in self.lex.legal_words or toks[k].text in {".", ","}
                                   or any(b0 <= k < b1 for b0, b1 in c.brackets)):
                    k += 1
                if k < c.j and (c.place_start is None or k < c.place_start):
                    rest_start = k
            if rest_start is not None and rest_start < c.entry_span[0]:
                value["unit"] = clean_org_name(" ".join([ctx.text[toks[rest_start].start:toks[c.entry_span[0] - 1].end],
                                                         ctx.text[toks[c.entry_span[1]].start:end]
                                                         if c.entry_span[1] < c.j else ""]))
            elif rest_start is not None:
                value["unit"] = clean_org_name(ctx.text[toks[rest_start].start:end])
            elif place:
                value["place"] = clean_org_name(strip_brackets(place))
            if c.kind == "other" and e.kind:
                value["kind"] = e.kind
        elif c.form is not None and c.form.rule.get("before") and self._inner_entry(ctx, c) is not None:
            e, k = self._inner_entry(ctx, c)  # "Komisi V DPR RI", "Divisi X Telkom": a part of a known body
            value["base"], value["canonical"] = e.id, e.name
            value["unit"] = clean_org_name(name)
        else:
            if c.entry is not None:  # a regional body known only as a pattern (Dinas Sosial, DPMD)
                value["form"] = org_key(c.entry.name).split()[0] if org_key(c.entry.name) else None
                value["core"] = c.entry.name
                value["kind"] = c.entry.kind
            elif c.form is not None:
                value["form"] = org_key(c.form.rule.get("same_as") or c.form.text)
                core_end = toks[c.place_start - 1].end if c.place_start is not None and c.place_start > c.i else end
                value["core"] = strip_brackets(clean_org_name(ctx.text[start:core_end]))
                if c.virtual_form:
                    value["core"] = f"{c.virtual_form} {value['core']}"
                    value["virtual"] = True
                if c.form.rule.get("same_as") and c.form.kind == "government":
                    value["core"] = value["form_name"] = c.form.rule.get("same_as")  # Pemkab X: the name is the region
                    if c.form.rule.get("level_of"):  # Pemda X: the Pemkab, Pemkot or Pemprov of region X
                        value["level_of"] = [org_key(x) for x in c.form.rule["level_of"]]
                    body_i = c.i + len(_phrase_tokens(c.form.text))
                    while body_i < c.j and any(b0 <= body_i < b1 for b0, b1 in c.brackets):
                        body_i += 1
                    if c.place_start is not None and body_i < c.place_start < c.j:
                        # "Pemerintah Kampung Marsi Distrik Kaimana": the village, then the district it lies in
                        place = ctx.text[toks[body_i].start:toks[c.place_start - 1].end]
                        value["short"] = clean_org_name(ctx.text[start:toks[c.place_start - 1].end])
                    place = place or ctx.text[toks[body_i].start:end]
                elif c.form.rule.get("same_as") and not c.virtual_form:
                    body = ctx.text[toks[c.i + len(_phrase_tokens(c.form.text))].start:core_end]
                    value["core"] = f"{c.form.rule['same_as']} {strip_brackets(clean_org_name(body))}"
            if place:
                value["place"] = clean_org_name(strip_brackets(place))
        if value["kind"] not in KINDS:
            value["kind"] = "other"
        rule = self._analyst_rule(ctx, c)
        if rule is not None:
            # the analyst's rule names this form: merging puts it with the rule's other forms, and the evidence of
            # a form the rule moved names the rule
            value["rule_id"], value["rule_name"], value["rule_source"] = rule.id, rule["name"], rule.source
        return Mention("org", raw, start, end, c.source, value, label=value["kind"])

    def _analyst_rule(self, ctx: _Ctx, c: Cand) -> Rule | None:
        """The analyst's alias rule naming this mention: one of its forms is the whole name, or a form of two or
        more words is written inside it ("Pertamina Kilang Palju" holds the alias "Kilang Palju")."""
        toks = ctx.toks
        best = None
        for k in range(c.i, c.j):
            m = self.lex.analyst_forms.match(toks, k, skip_dots=True)
            if m is None or m[0] > c.j:
                continue
            rule = m[1]
            if not (k == c.i and m[0] == c.j):
                # a form inside a longer mention counts when the other words are the rule's own words
                # ("Pertamina" + "Kilang Palju" for the rule of "Kilang Pertamina Plaju"), not a region or a unit
                own = {w for a in [rule["name"], *(rule.get("aliases") or [])] for w in org_key(a).split()}
                rest = [t for q, t in enumerate(toks[c.i:c.j], c.i) if t.is_word and not k <= q < m[0]]
                if m[0] - k < 2 or any(org_key(t.text) and org_key(t.text) not in own for t in rest):
                    continue
            if best is None or m[0] - k > best[0]:
                best = (m[0] - k, rule)
        return best[1] if best is not None else None

    def _inner_entry(self, ctx: _Ctx, c: Cand) -> tuple[OrgEntry, int] | None:
        for k in range(c.i + 1, c.j):
            m = self._entry_at(ctx, k)
            if m is not None and not m[1].generic and m[0] <= c.j:
                return m[1], k
        return None

    def _role(self, ctx: _Ctx, c: Cand) -> str | None:
        """The role a phrase around the mention gives it: right before it ("didukung X", "program CSR X",
        "program Desa Berdaya milik X"), or after it, past a few small words, a date or a bracket, in the same
        sentence ("X, Sabtu (12/3), menggelar ...": X runs the activity)."""
        cue = self._cue_before(ctx, c.i, name_side=True)
        if cue is not None:
            return cue
        toks = ctx.toks
        k = c.j
        skipped = words = 0
        while k < len(toks) and skipped <= 8 and words <= 3 and not toks[k].nl:
            m = self.lex.cue_after.match(toks, k)
            if m is not None and self._within(ctx, k, m[1]):
                return m[1]["role"]
            t = toks[k]
            if t.text == "(" and self._bracket_end(toks, k) is not None:
                k = self._bracket_end(toks, k)
                skipped += 1
                continue
            if t.is_lower and t.low not in {"dan", "serta", "atau"} or t.text == "," or t.low in self.lex.calendar \
                    or (t.is_num and skipped):
                words += t.is_lower
                k += 1
                skipped += 1
                continue
            break
        return None

    @staticmethod
    def _bracket_end(toks: list[Tok], k: int) -> int | None:
        """The token after the ')' closing the bracket at k on the same line (at most eight tokens), or None."""
        for q in range(k + 1, min(k + 10, len(toks))):
            if toks[q].nl or toks[q].text == "(":
                return None
            if toks[q].text == ")":
                return q + 1
        return None

    def _within(self, ctx: _Ctx, k: int, rule) -> bool:
        """A cue with ``within`` words counts only right after one of them and the name it carries ("program
        Desa Berdaya dari X", "program CSR dari X"): only capitalised words, numbers, quotes and brackets between."""
        words = rule.get("within")
        if not words:
            return True
        want = {w.casefold() for w in words}
        toks = ctx.toks
        for q in range(k - 1, max(-1, k - 10), -1):
            t = toks[q]
            if t.low in want:
                return True
            if toks[q + 1].nl or not (t.is_cap or t.is_num or t.text in _QUOTES | {"(", ")", "-", "&"}):
                return False
        return False

    def _cue_before(self, ctx: _Ctx, i: int, name_side: bool = False) -> str | None:
        """The role a phrase right before token i gives; with ``name_side`` also a programme word before the
        capitalised name that token i ends (role only: that is no evidence of an organisation)."""
        toks = ctx.toks
        if i >= 2 and toks[i - 1].text == ")" and not toks[i].nl:
            # "Corporate Social Responsibility (CSR) Semen Tonasa": the bracket holds the cue
            q = i - 2
            while q > 0 and toks[q].text != "(" and i - q < 6 and not toks[q].nl:
                q -= 1
            inner = tuple(t.low for t in toks[q + 1:i - 1])
            if toks[q].text == "(":
                for phrase, rule in self.lex.cues_before:
                    if inner == phrase and self._within(ctx, q + 1, rule):
                        return rule["role"]
        for phrase, rule in self.lex.cues_before:
            n = len(phrase)
            if i - n < 0 or toks[i].nl:
                continue
            span = toks[i - n:i]
            if tuple(t.low for t in span) == phrase and not any(t.nl for t in span[1:]) and self._within(ctx, i - n, rule):
                return rule["role"]
        if not name_side:
            return None
        # "inisiatif Desa Energi Berdikari Pertamina": a programme's name, then the body it belongs to
        q = i - 1
        while q >= 0 and i - q <= 6 and not toks[q + 1].nl and (toks[q].is_cap or toks[q].is_num or toks[q].text in _QUOTES):
            q -= 1
        if 0 <= q < i - 1 and not toks[q + 1].nl:
            for k in range(max(0, q - 2), q + 1):
                m = self.lex.cue_name.match(toks, k)
                if m is not None and m[0] == q + 1:
                    return m[1]["role"]
        return None

    def _with_media(self, ctx: _Ctx, mentions: list[Mention]) -> list[Mention]:
        """News outlets, flagged media; an outlet's name overrides an organisation found at the same place."""
        found: list[Mention] = []
        for pattern, rule, name, literal in self.lex.media:
            if literal not in ctx.text:  # "" for a rule's own pattern: always tried
                continue
            for m in pattern.finditer(ctx.text):
                s, e = (m.span("name") if "name" in pattern.groupindex else m.span())
                if s == e or any(ctx.excluded[k] for k, t in enumerate(ctx.toks) if t.start < e and s < t.end):
                    continue
                if any(f.start < e and s < f.end for f in found):
                    continue
                text = ctx.text[s:e]
                if not name and (self.lex._is_region(text) or tuple(text.casefold().split()) in self.lex.place_words):
                    continue  # "REPUBLIKA.CO.ID, UNGARAN --": the second part is the city
                outlet = name if name and not name.startswith("(") else clean_org_name(text)
                found.append(Mention("org", text, s, e, rule.source,
                                     {"name": clean_org_name(text), "kind": "media", "role": None, "acronym": None,
                                      "media": True, "outlet": outlet, "base": "media:" + org_key(outlet)},
                                     label="media"))
        keep = [m for m in mentions if not any(f.start <= m.start and m.end <= f.end for f in found)]
        return sorted(keep + found, key=lambda m: m.start)

    def _ner_tokens(self, ctx: _Ctx, ner_spans) -> None:
        for s, e, label in ner_spans:
            idx = [k for k, t in enumerate(ctx.toks) if t.start >= s and t.end <= e]
            if not idx:
                continue
            if label == "LOC":
                ctx.loc_starts[idx[0]] = idx[-1] + 1
            elif label == "PER" and self._person_like(ctx, idx):
                ctx.per_starts.add(idx[0])

    def _person_like(self, ctx: _Ctx, idx: list[int]) -> bool:
        """A PER span from NER that may end an organisation's name: two or more capitalised words, none a word
        that is never part of a person's name (rules/person_stopwords: "Mandiri", "Tani") and none a region. The
        model also tags single place words ("Banyumas") and the ends of group names ("Sekar Mandiri") as PER."""
        words = [ctx.toks[k] for k in idx if ctx.toks[k].is_word]
        if len(words) < 2 or any(not t.is_cap or t.low in self.lex.person_stop for t in words):
            return False
        return not any(self._place_at(ctx, k) is not None for k in idx if ctx.toks[k].is_word)

    def _article_places(self, ctx: _Ctx) -> None:
        """Region abbreviations the article defines: "Kabupaten Kutai Kartanegara (Kukar)" -> Kukar."""
        toks = ctx.toks
        for j, t in enumerate(toks):
            if t.text != "(" or j < 1 or j + 2 >= len(toks) or toks[j + 2].text != ")" or not toks[j + 1].is_cap:
                continue
            for n in range(1, 5):
                k = j - n
                if k < 0:
                    break
                end = self._place_at(ctx, k)
                if end == j:
                    words = [toks[q].text for q in range(k, j)
                             if toks[q].is_word and self.lex.place_cue.match(toks, q) is None]
                    if acronym_matches(toks[j + 1].text, words):
                        ctx.places.add((toks[j + 1].low,))
                    break


# ---------------------------------------------------------------------------------------------------
# helpers

def _name(ctx: _Ctx, c: Cand) -> str:
    return ctx.text[ctx.toks[c.i].start:ctx.toks[c.j - 1].end]


def _taken(cands: Iterable[Cand]) -> set[int]:
    return {k for c in cands for k in range(c.i, c.j)}


def _resolve(cands: list[Cand], keep_all: list[Cand] | None = None) -> list[Cand]:
    """Non-overlapping candidates, longest first (then the more reliable finder). ``keep_all`` are kept as they are."""
    chosen: list[Cand] = list(keep_all or [])
    taken = _taken(chosen)
    fixed = {id(c) for c in chosen}
    for c in sorted(cands, key=lambda c: (-(c.j - c.i), _PRIORITY.get(c.origin, 9), c.i)):
        if id(c) in fixed:
            continue
        if any(k in taken for k in range(c.i, c.j)):
            continue
        chosen.append(c)
        taken.update(range(c.i, c.j))
    return sorted(chosen, key=lambda c: c.i)


_ALL_LEVELS = ("provinsi", "kabupaten", "kota", "kecamatan", "kelurahan", "desa")


def _is_acronym(text: str) -> bool:
    """A form written as an acronym (BPTP, UPT): a region right after it is its seat, not its field."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _caps_line(toks: list[Tok], i: int) -> bool:
    """Whether token i stands in an ALL-CAPS stretch (a caption or headline), where case says nothing."""
    around = [t for t in toks[max(0, i - 6):i + 7] if t.kind == "word" and t.line == toks[i].line
              and len(t.text) >= 3 and not t.text.isdigit()]
    return len(around) >= 4 and sum(t.is_upper for t in around) >= 0.8 * len(around)


def _sentence_start(toks: list[Tok], i: int) -> bool:
    return i == 0 or toks[i].nl or toks[i - 1].text in _SENTENCE_END or toks[i - 1].text in {"“", '"', "‘"}


def _title_lines(toks: list[Tok]) -> set[int]:
    """Lines written in Title Case (headlines): most longer words capitalised."""
    lines: dict[int, list[Tok]] = {}
    for t in toks:
        lines.setdefault(t.line, []).append(t)
    out = set()
    for line, ts in lines.items():
        if ts[0].is_lower:
            continue  # "ke Balai Rehabilitasi Sosial ...": a hard-wrapped line of a sentence, not a headline
        prev = lines.get(line - 1)
        if prev and prev[-1].text not in _SENTENCE_END | {":", '"', "”", "|", ")"} and prev[-1].end - prev[0].start > 60:
            continue  # the line goes on with the sentence of the line right above it
        words = [t for t in ts if t.kind == "word" and len(t.text) >= 3 and t.low not in CONNECTORS
                 and not t.text.isdigit()]
        inner_stop = any(t.text in _SENTENCE_END and k + 1 < len(ts) and ts[k + 1].is_cap and ts[k - 1].kind == "word"
                         and len(ts[k - 1].text) > 3 for k, t in enumerate(ts[1:-1], 1))
        if len(words) >= 3 and ts[-1].end - ts[0].start <= 250 and ts[-1].text not in _SENTENCE_END and not inner_stop:
            caps = sum(1 for t in words if t.is_cap)
            if caps / len(words) >= 0.75 and len(words) - caps <= 2:
                out.add(line)
    return out


def _excluded_tokens(toks: list[Tok], regions: Sequence[Region]) -> list[bool]:
    if not regions:
        return [False] * len(toks)
    return [any(r.overlaps(t.start, t.end) for r in regions) for t in toks]
