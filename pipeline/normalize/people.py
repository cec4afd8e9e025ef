"""Clean person names and merge one article's person mentions into people.

Why here and not in the extractor: the same cleaning is needed for names that
come from patterns, from the NER model and from hand-written gold files, and
merging short forms ("Rahmawati", "Pak Rudi") into the full name is a question
about the whole article, not about one sentence.
"""
from __future__ import annotations

import re

from pipeline.names import _clipped_words, _full_tokens, _tokens
from pipeline.types import Mention, person_value

# Roles whose people are not programme actors: the lead drops them from records.
PRESS_ROLES = frozenset({"reporter", "editor", "photographer"})


def _name_key(name: str) -> str:
    return " ".join(_tokens(name))


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
    titled = [m for m in ms if person_value(m).get("title")]
    if not titled:
        # no position stated: a rank or calling written before the name ("Bripka X", "Ustaz X") is one
        ranks = [m.value["rank"] for m in ms if m.value.get("rank")]
        return (max(ranks, key=len) if ranks else ""), ""
    main = max(titled, key=lambda m: (len(person_value(m)["title"]), -m.start))
    title = person_value(main)["title"]
    organization = person_value(main).get("organization") or ""
    have = _title_tokens(title)
    for m in titled:
        t = person_value(m)["title"]
        toks = _title_tokens(t)
        if toks and not toks <= have:
            title = f"{title}, {t}"
            have |= toks
    return title, organization
