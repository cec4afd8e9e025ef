"""The people rule files (titles, speech_verbs, honorifics, person_cues, person_stopwords, byline_patterns, months,
weekdays), compiled for token matching."""
from __future__ import annotations

import re

from pipeline.names import name_words
from pipeline.rules import RuleSet

from .words import keys


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


NO_PHRASES = Phrases()


def _honorific_keys(rules: RuleSet, flag: str) -> list[list[str]]:
    """The keys of each honorific the rules mark with ``flag`` ("addresses", "speaker", "position")."""
    return [k for r in rules.get("honorifics") if r.get(flag) for k in [keys(r["text"])] if k]


class Lexicon:
    """The people rule files, compiled for token matching."""

    def __init__(self, rules: RuleSet):
        self.rules = rules  # what clean_person_name reads
        self.words = name_words(rules)
        # month names are stop words ("Mei lalu"), yet also parts of names between two name words ("Tjong Mei Lan")
        self.months = {k for r in rules.get("months") for k in keys(r["text"])}
        self.weekdays = {k for r in rules.get("weekdays") for k in keys(r["text"])}
        # forms of address that alone say a person's name follows (honorifics marked addresses: Bapak, Ibu, Mr.)
        self.addresses = {k[0] for k in _honorific_keys(rules, "addresses")}
        # the addresses whose name, seen alone after them, is evidence of a person ("Pak Rudi": honorifics marked speaker)
        self.speaker_addresses = {k[0] for k in _honorific_keys(rules, "speaker")}
        # ranks and callings of one word that are a person's position when no other is stated (honorifics marked
        # position)
        self.ranks = {k[0] for k in _honorific_keys(rules, "position") if len(k) == 1}
        self.heads: dict[tuple[str, ...], object] = Phrases()
        self.title_words: set[str] = set()
        self._read_titles(rules)
        self.before: dict[tuple[str, ...], object] = Phrases()
        self.after: dict[tuple[str, ...], object] = Phrases()
        self._read_speech_verbs(rules)
        self.cues: dict[str, dict[tuple[str, ...], object]] = {}
        for r in rules.get("person_cues"):
            key = tuple(keys(r["text"]))
            if key:
                self.cues.setdefault(r["kind"], Phrases())[key] = r
        self.stop = {k for r in rules.get("person_stopwords") for k in keys(r["text"])}
        self.abbrev = {k[0] for k in self.cues.get("abbreviation", {})}
        self.appositions = Phrases({**self.cue("apposition"), **self.cue("apposition_free")})
        # written exactly as listed ("I", "Lalu"): the same word in lower case is an ordinary word
        self.name_prefixes = {r["text"]: r for r in rules.get("person_cues") if r["kind"] == "name_prefix"}
        self.title_stop = {k[0] for k in self.cues.get("title_stop", {})}
        # one word between a position and its names ("penari, yakni A, B, dan C", "Mantri BRI bernama A")
        self.name_intro = frozenset(k[0] for k in self.cues.get("name_intro", {}) if len(k) == 1)
        # the service or corps after a military or police rank ("Mayor Jenderal TNI", "Brigjen Pol"): part of the rank
        self.rank_services = frozenset(k[0] for k in self.cues.get("rank_service", {}) if len(k) == 1)
        # first words of every phrase an anchored name hangs on (speech verbs, intro cues): a token whose word is
        # not among them starts none, so ``patterns.anchored`` skips it with one set lookup
        self.anchor_firsts = frozenset().union(
            *(t.firsts for t in (self.before, self.after, self.cue("intro"), self.cue("intro_weak"))))
        self.kin_before = _kin_before(rules)
        self.head_single = {k[0] for k in self.heads if len(k) == 1}
        self.bylines = []
        for r in rules.get("byline_patterns"):
            flags = re.MULTILINE | (re.IGNORECASE if "i" in (r.get("flags") or "") else 0)
            self.bylines.append((re.compile(r["pattern"], flags), r))

    def _read_titles(self, rules: RuleSet) -> None:
        """Position heads (Bupati, Kepala Dinas) by phrase; words only ever inside a position."""
        for r in rules.get("titles"):
            key = tuple(keys(r["text"]))
            if not key:
                continue
            if r.get("kind", "head") == "word":
                self.title_words.update(key)
            else:
                self.heads[key] = r

    def _read_speech_verbs(self, rules: RuleSet) -> None:
        """Speech verbs before the name ("ujar", also as "ujarnya") and after it ("mengatakan")."""
        for r in rules.get("speech_verbs"):
            key = tuple(keys(r["text"]))
            if not key:
                continue
            if r.get("position", "before") == "after":
                self.after[key] = r
            else:
                self.before[key] = r
                if len(key) == 1 and not key[0].endswith("nya"):
                    self.before[(key[0] + "nya",)] = r

    def cue(self, kind: str) -> dict:
        return self.cues.get(kind, NO_PHRASES)

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


def _kin_before(rules: RuleSet) -> re.Pattern | None:
    """A family word, then at most a few capitalised position words, right before the name ("istri Menkop UKM")."""
    kin = sorted({r["text"] for r in rules.get("person_cues") if r["kind"] == "kin"}, key=len, reverse=True)
    if not kin:
        return None
    return re.compile(r"\b(?:%s)(?:[ \t]+[A-Z][\w.&/-]*){0,6}[ \t]*$" % "|".join(map(re.escape, kin)), re.IGNORECASE)
