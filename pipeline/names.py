"""Names as text: cleaning, comparison keys and abbreviations of organisation and person names.

Both the extractors (which find names) and record assembly (which merges them) need these, so they live
here, in a module that imports nothing else of the package: extract and normalize both read it and
never each other. Word lists come in as arguments (a RuleSet for honorifics and degrees).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import AbstractSet, Any, Iterable, Sequence


# ---------------------------------------------------------------------------------------------------
# organisation names

# Legal-form words dropped by ``org_key`` when a call names no set: these defaults mirror the scorer. A pipeline's
# set is the forms marked ``legal`` in rules/org_forms.jsonl alone (the one owner; ``legal_words``): the
# organisation lexicon hands it to every ``org_key`` and ``merge_orgs`` call of its pipeline. Nothing here
# changes at run time, so two pipelines with different rules in one process never see each other's words.


class LegalWords(frozenset):
    """A set of legal-form words whose ``repr`` is sorted: a cache key made of it (the "assemble" stage
    fingerprints its arguments by ``repr``) is the same in every process, whatever the hash seed."""

    def __repr__(self) -> str:
        return f"LegalWords({sorted(self)!r})"


LEGAL_WORDS = LegalWords({"pt", "tbk", "persero", "perseroda", "cv", "ud"})

CONNECTORS = {"dan", "&", "untuk", "of", "and", "for", "the", "kepada", "serta", "de", "du", "la"}

_TRAILING_WORDS = {"yang", "dan", "serta", "di", "ini", "itu", "tersebut", "dengan", "ke", "dari", "atau", "untuk",
                   "pada", "oleh", "&", "kepada", "bagi", "dalam", "sebagai", "selaku", "juga", "pun"}


def legal_words(forms: Iterable[str], base: AbstractSet[str] = LEGAL_WORDS) -> LegalWords:
    """``base`` with the words of ``forms`` (rules/org_forms.jsonl entries marked legal: "P.T." adds p and t)."""
    return LegalWords({*base, *(part for form in forms for part in org_words(form))})


def org_words(s: str) -> list[str]:
    s = unicodedata.normalize("NFKC", s or "").casefold().replace("&", " dan ")
    return re.findall(r"[^\W_]+", s)


def clean_org_name(s: str) -> str:
    """A name as it should be shown: one line, single spaces, no stray quotes or punctuation at the ends,
    no dangling function words ("... yang", "dan ..."), balanced brackets. "PT", "(Persero)" stay."""
    s = unicodedata.normalize("NFKC", s or "")
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"\(\s+", "(", s)
    s = re.sub(r"\s+\)", ")", s)
    prev = None
    while s and s != prev:
        prev = s
        s = _balance(s.strip(" \t\"'“”‘’`´«»,;:.!?*-–—/|•")).strip()
        parts = s.split(" ")
        while parts and parts[-1].casefold() in _TRAILING_WORDS:
            parts.pop()
        while parts and parts[0].casefold() in _TRAILING_WORDS:
            parts.pop(0)
        s = " ".join(parts)
    return s


def _balance(s: str) -> str:
    """Drop a ')' that closes nothing; close a '(' left open at the end ("X (KPI" -> "X (KPI)"), or drop it when empty."""
    out, depth = [], 0
    for ch in s:
        if ch == ")":
            if depth == 0:
                continue
            depth -= 1
        elif ch == "(":
            depth += 1
        out.append(ch)
    s = "".join(out)
    if depth:
        s = re.sub(r"\s*\(\s*$", "", s)
        s += ")" * (s.count("(") - s.count(")"))
    return s


def org_key(s: str, legal: AbstractSet[str] = LEGAL_WORDS) -> str:
    """Comparison key: case-folded words without the ``legal`` forms or punctuation ("PT. Bank X (Persero) Tbk" ->
    "bank x"). A pipeline passes its organisation lexicon's words (``OrgLexicon.legal_key_words``)."""
    return " ".join(w for w in org_words(s) if w not in legal)


def strip_brackets(s: str) -> str:
    """The name without bracketed parts: "Dinas X (DX) Kota Y" -> "Dinas X Kota Y"."""
    return re.sub(r"\s+", " ", re.sub(r"\([^()]*\)", " ", s)).strip()


def bracket_variants(s: str) -> list[str]:
    """Every written form a bracket pair implies: without it, and with the bracket replacing what it names.

    "Pertamina Refinery Unit (RU) IV" -> "Pertamina Refinery Unit IV", "Pertamina RU IV".
    """
    out = [strip_brackets(s)]
    for m in re.finditer(r"\(([^()]+)\)", s):
        acr = m.group(1).strip()
        before = s[:m.start()].rstrip()
        words = before.split()
        if len(acr.split()) > 1:
            tail = acr.split()[1:]  # "(OASE Kabinet Kerja)" after "... Kabinet Kerja"
            if [w.casefold() for w in words[-len(tail):]] != [w.casefold() for w in tail]:
                continue
            words, acr = words[:-len(tail)], acr
        for n in range(1, min(len(words), 8) + 1):
            if acronym_matches(acr.split()[0], words[-n:]):
                out.append(" ".join([*words[:-n], acr]) + " " + strip_brackets(s[m.end():]).strip())
                break
    return [re.sub(r"\s+", " ", v).strip() for v in out if v.strip()]


def acronym_matches(acronym: str, words: Sequence[str], syllabic: bool | None = None) -> bool:
    """Whether ``acronym`` abbreviates ``words``: every word gives a run of letters starting with its first
    letter, in order (Dispora = DInaS Pemuda dan OlahRAga, KPSM, Balatmas = BAlai LATihan MASyarakat).
    Connectors may be skipped; other words may be skipped only at the start (the form word: PPPA for
    "Dinas Pemberdayaan Perempuan dan Perlindungan Anak")."""
    raw = unicodedata.normalize("NFKC", acronym)
    if syllabic is None:  # "Perindag", "Dispora" take syllables from inside words; "KPSM" takes initials
        syllabic = any(c.islower() for c in raw)
    acr = [c for c in raw.casefold() if c.isalnum()]
    ws = [w for w in (org_words(x) for x in words) for w in w]
    if len(acr) < 2 or not ws or len(acr) > 4 * len(ws) + 4:
        return False
    content = [w for w in ws if w not in CONNECTORS]
    if len(content) < 1:
        return False
    memo: dict[tuple[int, int], bool] = {}

    def go(i: int, j: int) -> bool:
        if (i, j) in memo:
            return memo[(i, j)]
        if i == len(acr):
            ok = all(w in CONNECTORS for w in ws[j:])
        elif j == len(ws):
            ok = False
        else:
            w = ws[j]
            ok = False
            if w in CONNECTORS or j == 0:
                ok = go(i, j + 1)
            starts = [0] if w[0] == acr[i] else []
            if syllabic and i > 0 and j > 0 and len(w) >= 6:
                starts += [p for p in range(2, len(w) - 1) if w[p] == acr[i] and w[p - 1] in "aiueo"][:2]
            for s0 in starts:
                if ok:
                    break
                # the word gives acr[i:k], matched as a subsequence of w from position s0
                pos, k = s0 + 1, i + 1
                ok = go(k, j + 1)
                while not ok and k < len(acr):
                    found = w.find(acr[k], pos)
                    if found < 0:
                        break
                    pos, k = found + 1, k + 1
                    ok = go(k, j + 1)
        memo[(i, j)] = ok
        return ok

    return go(0, 0)


# ---------------------------------------------------------------------------------------------------
# person names

_SPACES = re.compile(r"\s+")

_EDGE_PUNCT = " \t\n,.;:!?\"'“”‘’()[]{}-–—/|*•"

def _key(s: str) -> str:
    """Honorific/degree lookup key: case-folded letters only ("S.Sos" -> "ssos")."""
    return re.sub(r"[^a-z]", "", unicodedata.normalize("NFKC", s).casefold())


@dataclass(frozen=True)
class NameWords:
    """Honorifics and degrees from ``rules/honorifics.jsonl``, ready for matching."""

    honorifics: frozenset[str]  # keys
    degrees: frozenset[str]  # keys
    honorific_re: re.Pattern  # one honorific at the start of a string
    degree_re: re.Pattern  # one degree at the start of a string
    degree_tail_re: re.Pattern  # one degree at the end of a name, group 1

    def is_degree_word(self, word: str) -> bool:
        """A written degree: known key, and written like an abbreviation (S.Sos, SE, CHt), not like a name."""
        if _key(word) not in self.degrees:
            return False
        letters = re.sub(r"[^A-Za-z]", "", word)
        return "." in word or sum(c.isupper() for c in letters) >= 2

    def is_honorific_word(self, word: str) -> bool:
        return _key(word) in self.honorifics


def _alternation(texts: list[str], honorific: bool) -> str:
    alts = set()
    for t in texts:
        chunks = [c for c in re.split(r"\.\s*", t) if c]
        if not chunks:
            continue
        body = r"\.?\s?".join(re.escape(c) for c in chunks)
        if honorific and len(chunks) == 1 and len(chunks[0]) == 1:
            alts.add(body + r"\.")  # a one-letter honorific (H.) needs its dot, else it is an initial
        else:
            alts.add(body + r"\.?")
    return "|".join(sorted(alts, key=len, reverse=True))


_CACHE: dict[int, tuple[Any, NameWords]] = {}

def name_words(rules) -> NameWords:
    """The compiled honorific/degree lists of a RuleSet (cached per RuleSet)."""
    hit = _CACHE.get(id(rules))
    if hit is not None and hit[0] is rules:
        return hit[1]
    hon = [r["text"] for r in rules.get("honorifics") if r["type"] == "honorific"]
    deg = [r["text"] for r in rules.get("honorifics") if r["type"] == "degree"]
    hon_variants = set(hon) | {h.upper() for h in hon} | {h.capitalize() for h in hon} | {h.lower() for h in hon}
    words = NameWords(
        honorifics=frozenset(_key(h) for h in hon),
        degrees=frozenset(_key(d) for d in deg),
        # an honorific ends at a space, or at its own dot right before the next capital ("H.M. Ridwan")
        honorific_re=re.compile(r"(?:%s)(?:(?<=\.)(?=[A-Z])|(?=\s|$))\s*" % _alternation(sorted(hon_variants), True)),
        degree_re=re.compile(r"(?:%s)(?![\w])" % _alternation(deg, False)),
        degree_tail_re=re.compile(r"(?:^|[\s,.])\s*(%s)\s*$" % _alternation(deg, False)),
    )
    _CACHE[id(rules)] = (rules, words)
    return words


def clean_person_name(s: str, rules) -> str:
    """A person's name without honorifics, degrees, stray punctuation or extra spaces.

    "Bapak Dr. H. Ahmad Sanusi, S.E., M.Si." -> "Ahmad Sanusi". Words that only look
    like degrees are kept ("Budi Hartono EBS": EBS is not a degree).
    """
    words = name_words(rules)
    s = _SPACES.sub(" ", unicodedata.normalize("NFKC", s or "")).strip(_EDGE_PUNCT + " ")
    # leading honorifics, as many as there are ("Bapak Dr. H.")
    while True:
        m = words.honorific_re.match(s)
        if not m or not s[m.end():].strip():
            break
        s = s[m.end():].lstrip(_EDGE_PUNCT)
    # trailing degrees, after a comma, a period or a space ("Dewi SE, M.Ak, CIBA." / "Kartika. S.Sos")
    while True:
        s = s.rstrip(" ,;:")
        m = words.degree_tail_re.search(s)
        if not m or not s[: m.start()].strip(" ,.") or not words.is_degree_word(m.group(1).replace(" ", "")):
            break
        s = s[: m.start()]
    s = s.strip(_EDGE_PUNCT.replace(".", "") + " ")
    # a trailing period closes the sentence, or an initial ("Andi S."): drop it either way
    s = s.rstrip(". ")
    return _SPACES.sub(" ", s).strip()


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s.\-]+", name.casefold()) if t]


def _full_tokens(name: str) -> list[str]:
    """Tokens that carry the identity: initials dropped ("M. Ridwan" -> ["ridwan"])."""
    return [t for t in _tokens(name) if len(t) > 1]


def _clipped_words(s: list[str], f: list[str]) -> bool:
    """Each word of ``s`` is a word of ``f`` or its start (3+ letters), in order, at least one only a start."""
    k, cut = 0, False
    for w in s:
        while k < len(f) and not (f[k] == w or (len(w) >= 3 and f[k].startswith(w))):
            k += 1
        if k == len(f):
            return False
        cut |= f[k] != w
        k += 1
    return cut


def is_cut_from(nick: str, full: str) -> bool:
    """A nickname made from the name itself: "Ani" of "Ni Nyuman Budiani", "Yadi" of "Suryadi", "Wid" of
    "Widodo", "Chris Djoka" of "Christianus Djoka" (a word's start or end, 3+ letters)."""
    s, f = _full_tokens(nick), _full_tokens(full)
    if not s or not f:
        return False
    if len(s) > 1:
        return _clipped_words(s, f) or all(t in f for t in s)
    w = s[0]
    return len(w) >= 3 and any(t.startswith(w) or t.endswith(w) for t in f)
