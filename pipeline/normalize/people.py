"""Clean person names and merge one article's person mentions into people.

Why here and not in the extractor: the same cleaning is needed for names that
come from patterns, from the NER model and from hand-written gold files, and
merging short forms ("Rahmawati", "Pak Rudi") into the full name is a question
about the whole article, not about one sentence.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from pipeline.types import Mention

# Roles whose people are not programme actors: the lead drops them from records.
PRESS_ROLES = frozenset({"reporter", "editor", "photographer"})

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


def _name_key(name: str) -> str:
    return " ".join(_tokens(name))


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s.\-]+", name.casefold()) if t]


def _full_tokens(name: str) -> list[str]:
    """Tokens that carry the identity: initials dropped ("M. Ridwan" -> ["ridwan"])."""
    return [t for t in _tokens(name) if len(t) > 1]


def _is_short_form(short: str, full: str) -> bool:
    """"Rahmawati" of "Siti Rahmawati Indah"; "Yohanes Bere" of "Yohanes Kefi Bere"."""
    s, f = _full_tokens(short), _full_tokens(full)
    if not s or len(s) >= len(f) and s != f:
        return False
    return all(t in f for t in s)


def _is_clipped_form(short: str, full: str) -> bool:
    """"Wid" of "Widodo Santoso", "Dipta" of "Pradipta Nugraha": one word that begins (3+ letters)
    or ends (4+ letters) a word of the full name, as Indonesian nicknames do; "Chris Djoka" of
    "Christianus Djoka": several words, each the same as or the start (3+ letters) of the full name's
    words in the same order."""
    s, f = _full_tokens(short), _full_tokens(full)
    if len(f) < 2 or not s:
        return False
    if len(s) > 1:
        return _clipped_words(s, f)
    w = s[0]
    return any(t != w and ((len(w) >= 3 and t.startswith(w)) or (len(w) >= 4 and t.endswith(w))) for t in f)


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


def _one_edit(a: str, b: str) -> bool:
    """a and b differ by one letter changed, added, dropped, or two neighbours swapped ("Arei"/"Arie")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _is_misspelt_form(short: str, full: str) -> bool:
    """"Budi Arei" of "Budi Arie Setiadi": the words of a short form in order, one of them (4+ letters)
    misspelt by one letter, the others as written."""
    s, f = _full_tokens(short), _full_tokens(full)
    if len(s) < 2 or len(s) > len(f):
        return False
    k, typos = 0, 0
    for w in s:
        while k < len(f) and f[k] != w and not (len(w) >= 4 and _one_edit(w, f[k])):
            k += 1
        if k == len(f):
            return False
        typos += f[k] != w
        k += 1
    return typos == 1


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


_ROLE_RANK = {"photographer": 3, "editor": 3, "reporter": 3}


def merge_people(mentions: list[Mention]) -> list[dict]:
    """One item per real person in the article.

    Full names found anywhere in the article become people; a shorter form
    ("Rudi", "Pak Rudi", "Yohanes Bere") joins the person whose full name
    contains it (the nearest earlier one when several do). A person named only
    in bylines or credits keeps the press role, so the record can leave it out.
    Mentions inside excluded regions (``excluded=True``) are left out.
    Items: name, aliases, title, organization, role, byline, mentions.
    """
    ms = sorted((m for m in mentions if m.kind == "person" and not m.excluded and (m.value or {}).get("name")),
                key=lambda m: m.start)
    if not ms:
        return []
    # nicknames: "Yadi, panggilan akrab Suryadi" makes every "Yadi" Suryadi
    nick = {_name_key(m.value["name"]): m.value["alias_of"] for m in ms if m.value.get("alias_of")}
    # longest names first, so short forms always find their full name
    order = sorted(ms, key=lambda m: (bool(_name_key(m.value["name"]) in nick),
                                      -len(_full_tokens(m.value["name"])), m.start))
    people: list[dict] = []
    for m in order:
        name = m.value["name"]
        key = _name_key(name)
        target = next((p for p in people if p["_key"] == key), None)
        if target is None and key in nick:
            full = nick[key]
            target = next((p for p in people if p["_key"] == _name_key(full) or _is_short_form(full, p["name"])), None)
        for test in (_is_short_form, _is_clipped_form, _is_misspelt_form):
            if target is not None or m.value.get("relative"):
                break  # a relative's short name ("istri Menkop UKM Puspayoga") is not the person it resembles
            hosts = [p for p in people if test(name, p["name"])]
            if test is _is_misspelt_form:
                hosts = [p for p in hosts if p["_own"] <= m.start]  # a slip in writing a name already written
            if hosts:
                before = [p for p in hosts if p["_first"] <= m.start]
                target = max(before, key=lambda p: p["_first"]) if before else min(hosts, key=lambda p: p["_first"])
        if target is None:
            target = {"name": name, "_key": key, "_first": m.start, "_own": m.start, "mentions": []}
            people.append(target)
        target["mentions"].append(m)
        target["_first"] = min(target["_first"], m.start)
    out = []
    for p in sorted(people, key=lambda p: p["_first"]):
        pm = sorted(p["mentions"], key=lambda m: m.start)
        aliases = []
        for m in pm:
            n = m.value["name"]
            if n != p["name"] and n not in aliases:
                aliases.append(n)
        press = [m.value.get("role") for m in pm if m.value.get("role") in PRESS_ROLES]
        role = press[0] if press else ("official" if any(m.value.get("title") for m in pm) else "person")
        title, organization = _pick_title(pm)
        out.append({
            "name": p["name"],
            "aliases": aliases,
            "title": title,
            "organization": organization,
            "role": role,
            "byline": any(m.value.get("byline") for m in pm),
            "mentions": pm,
        })
    return out


def _title_tokens(t: str) -> set[str]:
    return set(re.findall(r"\w+", t.casefold()))


def _pick_title(ms: list[Mention]) -> tuple[str, str]:
    """The fullest stated position, plus any other position the article gives the person.

    The first-stated longest title leads; a different position stated elsewhere
    ("pimpinan Batik Ayu" ... "yang juga mitra binaan X") is appended after a comma.
    """
    titled = [m for m in ms if m.value.get("title")]
    if not titled:
        return "", ""
    main = max(titled, key=lambda m: (len(m.value["title"]), -m.start))
    title = main.value["title"]
    organization = main.value.get("organization") or ""
    have = _title_tokens(title)
    for m in titled:
        t = m.value["title"]
        toks = _title_tokens(t)
        if toks and not toks <= have:
            title = f"{title}, {t}"
            have |= toks
    return title, organization
