"""What the organisation extractor reads from rules/, compiled once per process: form words (PT, Dinas,
Koperasi) by position, known organisations and their aliases, stop words, outlets, role cues, and the other
extractors' lists that tell where a name stops (calendar words, honorifics, positions, regions)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...names import legal_words, org_key
from ...rules import Rule, RuleSet
from ..gazetteer import squash
from .tokens import PhraseTable, phrase_tokens

KINDS = ("company", "government", "cooperative", "community", "ngo", "university", "bank", "media", "other")
GENERATED_ALIASES = "org_aliases.jsonl"  # written by scripts/build_org_aliases.py
_ALIAS_PLACE_LEVELS = {"provinsi", "kabupaten", "kota", "region", "country"}


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
        # what ``org_key`` drops in this pipeline: these rules' legal forms alone (rules/org_forms.jsonl owns the
        # list; names.LEGAL_WORDS is only the default of a call made without a pipeline), passed to every
        # ``org_key`` of the extractor and to record assembly's ``merge_orgs``
        self.legal_key_words = legal_words(legal, base=frozenset())
        self.legal_words = {w for t in legal for w in re.findall(r"[^\W_]+", t.casefold())}

    def key(self, s: str) -> str:
        """``org_key`` with this lexicon's legal words."""
        return org_key(s, self.legal_key_words)

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
            if self.is_region(r["text"]):
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
        # words that start a person's name inside a body's name (Santo, Sint): the model's person there goes on
        self.name_inside: set[str] = set()
        # nouns for bodies whose names a list after them gives ("startup yang tampil adalah A, B, dan C")
        self.list_nouns = PhraseTable()
        # nouns for bodies that run a web service: a web name next to one is that body, no news site
        self.platform_nouns: set[str] = set()
        # the words after which a list noun's names start ("adalah", "antara lain", ":"), as token keys
        self.list_intros: set[tuple[str, ...]] = set()
        # the endings of a web name written as a body's name ("id", "com", "ai": "Nakama.id", "Peris.ai")
        self.web_ends: set[str] = set()
        for r in rules.get("org_stopwords"):
            scope = r.get("scope") or "name"
            if scope == "lists":
                self.list_nouns.add(r["text"], r, True)
            elif scope == "list_intro":
                key = tuple(t.casefold() for t in phrase_tokens(r["text"]))
                if key:
                    self.list_intros.add(key)
            elif scope == "web_end":
                self.web_ends.add(r["text"].strip().lstrip(".").casefold())
            elif scope == "platform":
                self.platform_nouns.add(r["text"].strip().casefold())
            elif scope == "sector":
                self.sector_before.add(r["text"], r)
            elif scope == "member":
                self.member_nouns.add(tuple(t.casefold() for t in phrase_tokens(r["text"])))
            elif scope == "theme":
                self.theme_cue.add(r["text"], r, True)
            elif scope == "extend":
                self.stop_extend.add(r["text"].casefold())
            elif scope == "break":
                self.stop_break.add(r["text"].casefold())
            elif scope == "inside":
                self.name_inside.add(r["text"].casefold())
            elif scope == "prefix":
                self.stop_prefix.add(r["text"], r)
                if " " not in r["text"].strip():
                    self.stop_prefix_words.add(r["text"].strip().casefold())
            else:
                self.stop_name.add(self.key(r["text"]))

    def _aliases(self, rules: RuleSet) -> None:
        """Known organisations. Lines with the same name (generated + manual) make one entry. An alias several
        organisations share (Kemendesa) is matched once with every owner listed; ``alias_keys`` finds an entry
        by a whole written name."""
        self._entries(rules)
        owners, spelled = self._alias_owners()
        # word pairs of known names: a break word inside one ("Dalam Negeri") goes on in any name ("Balai
        # Pemerintahan Dalam Negeri Yogyakarta")
        self.name_pairs = {(a, b) for e in self.entries.values() for n in [e.name, *e.aliases]
                           for a, b in zip(*(lambda w: (w, w[1:]))([t.casefold() for t in phrase_tokens(n)]))}
        self.aliases = PhraseTable()
        self.generated_aliases = PhraseTable()  # the same, without the organisations only analysts' rules name
        for key, lst in owners.items():
            self.aliases.add(spelled[key], lst)
            gen = [e for e in lst if e.generated]
            if gen:
                self.generated_aliases.add(spelled[key], gen)
        self._analyst_forms(rules)

    def _entries(self, rules: RuleSet) -> None:
        """One entry per known name; its aliases are those of all its lines."""
        self.entries: dict[str, OrgEntry] = {}
        by_name: dict[str, OrgEntry] = {}
        for r in rules.get("org_aliases"):
            key = self.key(r["name"])
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

    def _alias_owners(self) -> tuple[dict[tuple[str, ...], list[OrgEntry]], dict[tuple[str, ...], str]]:
        """Every written name or alias (as lower-case words) -> the entries it names, and how it is spelt; fills
        ``alias_keys`` on the way. One-word stop words are no alias."""
        self.alias_keys: dict[str, OrgEntry] = {}
        owners: dict[tuple[str, ...], list[OrgEntry]] = {}
        spelled: dict[tuple[str, ...], str] = {}
        for e in self.entries.values():
            for a in [e.name, *e.aliases]:
                toks = phrase_tokens(a)
                if not toks:
                    continue
                if len(toks) >= 2 or (len(a) >= 3 and a.isupper()):
                    self.alias_keys.setdefault(self.key(a), e)
                if len(toks) == 1 and (self.key(a) in self.stop_name or a.casefold() in self.stop_extend):
                    continue
                key = tuple(t.casefold() for t in toks)
                lst = owners.setdefault(key, [])
                if e not in lst:
                    lst.append(e)
                spelled.setdefault(key, a)
        return owners, spelled

    def _analyst_forms(self, rules: RuleSet) -> None:
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
                before.append((tuple(t.casefold() for t in phrase_tokens(r["text"])), r))
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
        # every honorific word, with or without a dot ("Gus", "Pak", "Kang"): a bracket after a person that starts
        # with one is the person's nickname ("Budi Santoso (Gus Budi)"), not the body the person speaks for
        self.honorific_words = {r["text"].rstrip(".").casefold() for r in rules.get("honorifics")
                                if r.get("type", "honorific") == "honorific" and " " not in r["text"]}
        self.place_stop = {r["text"].casefold() for r in rules.get("place_stopwords") if r.get("position") != "dateline"}
        self.person_stop = {r["text"].casefold() for r in rules.get("person_stopwords")}
        # speech verbs (rules/speech_verbs): a span the model calls ORG next to one is a speaker, a person
        self.speech_after = {r["text"].casefold() for r in rules.get("speech_verbs")
                             if r.get("position") == "after" and not r.get("weak")}
        self.speech_before = {r["text"].casefold() for r in rules.get("speech_verbs")
                              if r.get("position", "before") == "before" and not r.get("weak")}
        self.place_words: dict[tuple[str, ...], str] = {}
        for r in rules.get("place_aliases"):
            if r["level"] in _ALIAS_PLACE_LEVELS:
                self.place_words[tuple(t.casefold() for t in phrase_tokens(r["alias"]))] = r["level"]

    @property
    def gazetteer(self):
        """The official region index (built and cached by extract.gazetteer on first use)."""
        return region_index()

    def is_region(self, text: str) -> bool:
        gaz = region_index()
        if gaz is None:
            return False
        return any(gaz.level(c) in {"provinsi", "kabupaten", "kota"} for c in gaz.lookup(squash(text)))


_GAZ: list = []


def region_index():
    """The region index, loaded once per process (None when it cannot be loaded: names still work)."""
    if not _GAZ:
        try:
            from ..gazetteer import Gazetteer
            _GAZ.append(Gazetteer.load())
        except Exception:  # noqa: BLE001
            _GAZ.append(None)
    return _GAZ[0]
