"""Organisation names within one article: cleaning, comparison keys, and merging mentions into entities.

Why here and not in the extractor: the extractor says *where* organisations are named; deciding which
mentions are the same real-world entity ("PT PLN (Persero)", "PLN", "PT PLN") needs the whole article
and is also what the record assembler calls. Cross-article resolution is a later stage.

Mentions from ``extract.orgs`` carry hints in ``value`` that make merging exact rather than guessed:
``base`` (the id of the known organisation the mention names, from rules/org_aliases), ``unit`` (a unit of
it: "RU IV Cilacap"), ``place`` (a trailing region: "Kabupaten Cilacap"), ``form`` and ``core`` (the form
word and the name without its region: "dinas", "Dinas Koperasi dan UKM"), ``legal`` (written with
PT/Tbk/(Persero)), ``link`` (the ``mid`` of the mention whose bracket defined this acronym),
``title_line`` (found in a headline). Mentions without hints (NER) are merged by their names alone.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from typing import AbstractSet, Any, TypedDict

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from ..names import (CONNECTORS, LEGAL_WORDS, acronym_matches, bracket_variants, clean_org_name, org_key,
                     org_words as _words, strip_brackets)
from ..types import Mention, OrgValue, org_value
from .unionfind import UnionFind

_ROLE_ORDER = ("organizer", "partner", "beneficiary", "other")
_ROMAN = re.compile(r"^(?=[ivxlc]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_FUZZY_MIN = 90


def _numbers(key: str) -> set[str]:
    return {w for w in key.split() if w.isdigit() or _ROMAN.match(w)}


# ---------------------------------------------------------------------------------------------------
# merging

class OrgGroup(TypedDict):
    """One organisation of an article as ``merge_orgs`` gives it (records.org_items and decide.features read it)."""

    name: str
    aliases: list[str]
    kind: str
    role: str | None
    mentions: list[Mention]


class _Feat:
    """What merging needs to know about one mention."""

    def __init__(self, i: int, m: Mention, legal: AbstractSet[str]):
        v: OrgValue = org_value(m) or {}
        self.i = i
        self.m = m
        self.name = clean_org_name(v.get("name") or m.text)
        self.keys = {org_key(x, legal) for x in [self.name, *bracket_variants(self.name)]} - {""}
        acr = v.get("acronym")
        if acr:
            self.keys.add(org_key(acr, legal))
        self.base = v.get("base")
        self.unit = v.get("unit") or None
        self.place = v.get("place") or None
        self.legal = bool(v.get("legal"))
        self.media = bool(v.get("media"))
        self.kind = v.get("kind") or m.label or "other"
        self.link = v.get("link")
        self.mid = v.get("mid")
        self.title_line = bool(v.get("title_line"))
        self.form = v.get("form")  # the form word that starts the name (Dinas, PT, Kelompok), if any
        self.core = v.get("core") or strip_brackets(self.name)
        self.form_name = v.get("form_name")  # "Pemkab" when the name is that form plus a region
        self.level_of = set(v.get("level_of") or ())  # "Pemda X" is the Pemkab, Pemkot or Pemprov of region X
        self.typo = False  # joined as a misspelling of another name: never the entity's name
        self.canonical = v.get("canonical") or None  # the known organisation's official name
        self.rule_id = v.get("rule_id") or None  # the analyst's alias rule naming this form
        self.rule_name = v.get("rule_name") or None
        # the form word with a bracket's name: "Yayasan Kakak" for "Yayasan Kepedulian untuk Anak (Kakak)"
        self.form_brackets = {org_key(f"{self.form} {b}", legal) for b in re.findall(r"\(([^()]+)\)", self.name)
                              if len(b.split()) == 1} if self.form else set()
        # a short name of two or more words in the bracket closing the name: "Koperasi Nelayan Bahari Timur (Kopnel
        # BT)", "PT Asuransi Jiwa Sentosa (Sentosa Jiwa)"; it starts as the name does (an acronym or a shorter name,
        # never another body: "... (Kemenko PMK)" after "Dinas ...")
        self.short_names = _bracket_short_names(self.name, legal)
        self.keys |= self.short_names


def _bracket_short_names(name: str, legal: AbstractSet[str]) -> set[str]:
    m = re.search(r"\(([^()]+)\)\s*$", name)
    if not m:
        return set()
    inside, before = m.group(1).split(), org_key(name[:m.start()], legal).split()
    key = org_key(m.group(1), legal)
    words = key.split()
    if len(inside) < 2 or len(words) < 2 or len(before) <= len(words):
        return set()
    if not all(w[:1].isupper() or w[:1].isdigit() for w in inside) or words[0][0] != before[0][0]:
        return set()
    return {key}


def units_compatible(a: str, b: str, legal: AbstractSet[str] = LEGAL_WORDS) -> bool:
    """Two unit descriptions of one company naming the same unit ("RU IV Cilacap" / "Refinery Unit (RU) IV Cilacap")."""
    va = {org_key(x, legal) for x in [a, *bracket_variants(a)]}
    vb = {org_key(x, legal) for x in [b, *bracket_variants(b)]}
    if va & vb:
        return True
    for x in va:
        for y in vb:
            if _numbers(x) and _numbers(y) and _numbers(x) != _numbers(y):
                continue
            sx, sy = set(x.split()), set(y.split())
            if sx and sy and (sx <= sy or sy <= sx):
                return True
            if fuzz.ratio(x, y) >= _FUZZY_MIN:
                return True
            if places_compatible(" ".join(w for w in x.split() if w not in _GENERIC_UNIT),
                                 " ".join(w for w in y.split() if w not in _GENERIC_UNIT)):
                return True
    return False


# Unit-type words that say nothing about which unit it is (Cabang Babel = Babel).
_GENERIC_UNIT = {"cabang", "kantor", "wilayah", "area", "regional", "region", "perwakilan", "unit", "kanwil", "kc", "kcp"}
_PLACE_WORDS = {"kabupaten", "kab", "kota", "provinsi", "prov", "propinsi", "kecamatan", "kec", "desa", "kelurahan",
                "kepulauan", "kep", "daerah", "khusus", "ibukota", "istimewa", "dki"}


def places_compatible(a: str | None, b: str | None) -> bool:
    """Two written forms of one region ("Kepulauan Bangka Belitung" / "Babel", "Provinsi NTB" / "Nusa Tenggara Barat")."""
    if not a or not b:
        return not a and not b
    wa = [w for w in _words(a) if w not in _PLACE_WORDS] or _words(a)
    wb = [w for w in _words(b) if w not in _PLACE_WORDS] or _words(b)
    ka, kb = " ".join(wa), " ".join(wb)
    if ka == kb or fuzz.ratio(ka, kb) >= _FUZZY_MIN:
        return True
    if len(wa) == 1 and len(wb) > 1 and acronym_matches(wa[0], wb):
        return True
    if len(wb) == 1 and len(wa) > 1 and acronym_matches(wb[0], wa):
        return True
    return False


def _same_region(a: str | None, b: str | None) -> bool:
    """One region written two ways ("Kota Padang" / "Padang"), but never a kota and a kabupaten of one
    name ("Kota Bandung" / "Kabupaten Bandung": two bodies)."""
    if a == b:
        return True
    if not places_compatible(a, b):
        return False
    la = {w for w in _words(a) if w in _PLACE_WORDS}
    lb = {w for w in _words(b) if w in _PLACE_WORDS}
    return not (la and lb and la != lb)


def _core_compatible(a: _Feat, b: _Feat, legal: AbstractSet[str]) -> bool:
    """Same form word and the same body, written out or abbreviated ("Dinas PMD" / "Dinas Pemberdayaan Masyarakat Desa")."""
    ca, cb = _words(a.core), _words(b.core)
    if not ca or not cb or ca[0] != cb[0]:
        return False
    ra, rb = [w for w in ca[1:] if w not in legal], [w for w in cb[1:] if w not in legal]
    if not ra and not rb:
        return True  # "Pemkab X" / "Pemerintah Kabupaten X": the regions decide
    if not ra or not rb:
        return False
    score = fuzz.token_sort_ratio(" ".join(ra), " ".join(rb))
    if score >= _FUZZY_MIN or (score >= 85 and min(len(ra), len(rb)) >= 2 and _numbers(" ".join(ra)) == _numbers(" ".join(rb))):
        return True
    for short, long_ in ((ra, rb), (rb, ra)):
        if len(short) == 1 and len([w for w in long_ if w not in CONNECTORS]) >= 2 and acronym_matches(short[0], long_):
            return True
    return False


def _fuzzy_same(a: _Feat, b: _Feat) -> bool:
    """Near-identical names (typos: "Cilegob"/"Cilegon", "Muhammadiah"/"Muhammadiyah")."""
    if a.base and b.base and a.base != b.base:
        return False
    if (a.unit is None) != (b.unit is None) and a.base and a.base == b.base:
        return False
    for x in a.keys:
        for y in b.keys:
            if min(len(x), len(y)) < 6:
                continue
            if _numbers(x) != _numbers(y):
                continue
            if fuzz.ratio(x, y) >= _FUZZY_MIN:
                # a typo changes one word; two names differing in several words are two bodies
                dx, dy = set(x.split()) - set(y.split()), set(y.split()) - set(x.split())
                if len(dx) <= 1 and len(dy) <= 1:
                    return True
    return False


def _acronym_expands(a: str, b: str, legal: AbstractSet[str]) -> bool:
    """"KS Grup" and "Krakatau Steel Group": an acronym for the leading words, the rest (nearly) the same."""
    wa, wb = strip_brackets(a).split(), strip_brackets(b).split()
    if len(wa) < 2 or not wa[0].isupper() or len(wb) <= len(wa):
        return False
    rest_a = org_key(" ".join(wa[1:]), legal)
    for k in range(2, len(wb)):
        if acronym_matches(wa[0], wb[:k], syllabic=False):
            rest_b = org_key(" ".join(wb[k:]), legal)
            return bool(rest_a) and fuzz.ratio(rest_a, rest_b) >= 80
    return False


def _is_subsequence(short: list[str], long_: list[str]) -> bool:
    it = iter(long_)
    return all(w in it for w in short)


def merge_orgs(mentions: list[Mention], legal: AbstractSet[str] = LEGAL_WORDS) -> list[OrgGroup]:
    """One item per real-world organisation in the article, in order of first mention:
    ``{"name", "aliases", "kind", "role", "mentions"}``. Names are compared without the ``legal`` forms: a
    pipeline passes its organisation extractor's (``OrgExtractor.legal_key_words``)."""
    named = [m for m in mentions if org_key(clean_org_name((m.value or {}).get("name") or m.text), legal)]
    feats = [_Feat(i, m, legal) for i, m in enumerate(named)]
    n = len(feats)
    if n == 0:
        return []
    uf = UnionFind(n)
    by_mid = {f.mid: f.i for f in feats if f.mid is not None}

    def ok(a: _Feat, b: _Feat) -> bool:
        return a.media == b.media

    # 1. an acronym defined in brackets belongs to what it abbreviates, unless the article writes it with two
    #    or more regions ("BPVP Semarang", "BPVP Sorong"): then each is a regional unit of that kind of body
    regions_of: dict[Any, list[str]] = {}
    for f in feats:
        if f.link is not None and f.place:
            seen = regions_of.setdefault(f.link, [])
            if not any(places_compatible(f.place, p) for p in seen):  # "DKI Jakarta" = "Daerah Khusus Jakarta"
                seen.append(f.place)
    for f in feats:
        if f.link is not None and f.link in by_mid and ok(f, feats[by_mid[f.link]]):
            if f.place and len(regions_of.get(f.link, ())) > 1:
                continue
            defining = feats[by_mid[f.link]]
            if f.place and defining.place and not places_compatible(f.place, defining.place):
                continue  # "DPMD Jawa Tengah" after "Dinas ... (DPMD) Kabupaten Banyumas": same kind, another region
            uf.union(f.i, by_mid[f.link])
    # 2. the same known organisation and unit; the same name written alike, with a typo, as an acronym, or
    #    as the same form word and body in the same region
    for a in feats:
        for b in feats[a.i + 1:]:
            if not ok(a, b):
                continue
            if a.base and a.base == b.base:
                if a.unit is None and b.unit is None and _same_region(a.place, b.place):
                    uf.union(a.i, b.i)
                elif a.unit and b.unit and units_compatible(a.unit, b.unit, legal):
                    uf.union(a.i, b.i)
            elif (a.keys & b.keys) and not (a.base and b.base and a.base != b.base) and \
                    ((a.unit is None) == (b.unit is None) or not (a.base or b.base)):
                uf.union(a.i, b.i)
            elif _fuzzy_same(a, b) or (not (a.base and b.base) and (_acronym_expands(a.name, b.name, legal)
                                                                    or _acronym_expands(b.name, a.name, legal))):
                uf.union(a.i, b.i)
            elif a.form and a.form == b.form and not a.unit and not b.unit and _core_compatible(a, b, legal) \
                    and places_compatible(a.place, b.place):
                uf.union(a.i, b.i)
            elif a.form and a.form == b.form and (org_key(a.name, legal) in b.form_brackets
                                                  or org_key(b.name, legal) in a.form_brackets):
                uf.union(a.i, b.i)  # "Yayasan Kakak" after "Yayasan Kepedulian untuk Anak (Kakak)"
            elif a.form and b.form and (a.form in b.level_of or b.form in a.level_of) and a.place and b.place \
                    and _same_region(a.place, b.place):
                uf.union(a.i, b.i)  # "Pemda Sambas" and "Pemerintah Kabupaten Sambas"
    # 2b. a misspelt form ("Pertamina Kilang Palju" for "Kilang Pertamina Plaju", a photo caption's typo) joins
    #     the organisation it is a typo of, whatever known organisation its words happened to match
    _attach_typos(feats, uf, legal)
    # 3. the same organisation with and without its region: joins the unit in that region, else the bare one
    for a in feats:
        if a.base and a.unit is None and a.place:
            units = [b for b in feats if b.base == a.base and b.unit and ok(a, b)
                     and (places_compatible(a.place, b.place) or units_compatible(a.place, b.unit, legal))]
            bare = [b for b in feats if b.base == a.base and b.unit is None and not b.place and ok(a, b)]
            target = units[0] if units else (bare[0] if bare else None)
            if target is not None:
                uf.union(a.i, target.i)
    # 4. a bare name ("Pertamina") joins its only named unit unless the article names the company itself
    _attach_bare_names(feats, uf)
    # 5. a body named without its region ("Disperindag") joins the same body in the region most mentioned
    _attach_unplaced(feats, uf, legal)
    # 6. a short form joins the one longer name it is part of ("Dinas Koperasi" -> "Dinas Koperasi UMKM Cilegon")
    _attach_short_forms(feats, uf, legal)
    # 6b. a name written without the form word that starts another ("Mekar Sari" -> "Yayasan Mekar Sari")
    _attach_formless(feats, uf, legal)
    # 7. an analyst's alias rule has the last word: the forms it names make one organisation
    groups = _apply_analyst_rules(feats, list(uf.groups().values()), legal)
    return [_item([feats[i] for i in sorted(idx)], legal) for idx in
            sorted(groups, key=lambda g: min(feats[i].m.start for i in g))]


def _apply_analyst_rules(feats: list[_Feat], groups: list[list[int]], legal: AbstractSet[str]) -> list[list[int]]:
    """Every mention an analyst's alias rule names moves to one group: the group holding most of that rule's
    mentions (then the one whose names include the rule's name, then the largest). Mentions the automatic
    merging had joined to a moved one stay where they were: the rule moves only the forms it names."""
    by_rule: dict[str, list[int]] = {}
    for f in feats:
        if f.rule_id:
            by_rule.setdefault(f.rule_id, []).append(f.i)
    if not by_rule:
        return groups
    groups = [list(g) for g in groups]
    for rule_id, members in by_rule.items():
        where = {i: gi for gi, g in enumerate(groups) for i in g}
        homes = {where[i] for i in members}
        for i in members:
            f = feats[i]
            if f.m.value.get("rule_source") and f.m.source != f.m.value["rule_source"]:
                f.m = dataclasses.replace(f.m, source=f.m.value["rule_source"])  # the rule says which body it is
        if len(homes) < 2:
            continue
        rule_name = org_key(feats[members[0]].rule_name or "", legal)

        def rank(gi: int) -> tuple:
            g = groups[gi]
            return (sum(1 for i in g if i in members),
                    any(org_key(feats[i].name, legal) == rule_name for i in g), len(g), -gi)

        target = max(homes, key=rank)
        for i in members:
            if where[i] != target:
                groups[where[i]].remove(i)
                groups[target].append(i)
                f = feats[i]
                f.typo = f.typo or org_key(f.name, legal) != rule_name
    return [g for g in groups if g]


def _typo_word(a: str, b: str) -> bool:
    """Two spellings of one word: the same first letter, at least five letters, one slip (a letter missing,
    added, changed, or two swapped: "Palju"/"Plaju", "Indocemet"/"Indocement"; two slips in long words)."""
    if a == b or min(len(a), len(b)) < 5 or a[0] != b[0] or a.isdigit() or b.isdigit():
        return False
    return OSA.distance(a, b) <= (1 if max(len(a), len(b)) <= 7 else 2)


def typo_of(short: str, long_: str, legal: AbstractSet[str] = LEGAL_WORDS) -> bool:
    """Whether name ``short`` is ``long_`` (or a part of it) with a typo: every word of ``short`` is a word of
    ``long_`` or a misspelling of one (each used once, in any order), and at least one is misspelt."""
    ws = [w for w in org_key(short, legal).split() if w not in CONNECTORS]
    wl = [w for w in org_key(long_, legal).split() if w not in CONNECTORS]
    if not ws or len(ws) > len(wl) or 3 * len(ws) < 2 * len(wl):
        return False  # most of the longer name is there: "Pemerintah Kabupaten X" is no typo of "Dinas ... Kabupaten X"
    free = list(wl)
    slips = 0
    for w in sorted(ws, key=lambda w: w not in free):  # exact words first
        if w in free:
            free.remove(w)
            continue
        match = next((x for x in free if _typo_word(w, x)), None)
        if match is None:
            return False
        free.remove(match)
        slips += 1
    return slips > 0


def _attach_typos(feats: list[_Feat], uf: UnionFind, legal: AbstractSet[str]) -> None:
    """A group whose every name is a misspelling of a name in another group joins that group (the better
    attested one: more mentions, then the longer name)."""
    groups = uf.groups()
    roots = sorted(groups, key=lambda r: (len(groups[r]), max(len(feats[i].name) for i in groups[r])))
    for r in roots:
        if uf.find(r) != r:
            continue
        mine = [feats[i] for i in groups[r]]
        best = None
        for other in reversed(roots):
            o = uf.find(other)
            if o == uf.find(r) or other != o:
                continue
            theirs = [feats[i] for i in groups[other]]
            if theirs[0].media != mine[0].media or len(theirs) < len(mine):
                continue
            written = {y for t in theirs for y in [t.name, *bracket_variants(t.name), t.canonical or ""] if y}
            if all(any(typo_of(x, y, legal) for x in [f.name, *bracket_variants(f.name)] for y in written) for f in mine):
                best = other
                break
        if best is not None:
            uf.union(best, r)
            for f in mine:
                f.typo = True


def _attach_bare_names(feats: list[_Feat], uf: UnionFind) -> None:
    bases = {f.base for f in feats if f.base and f.unit}
    for base in bases:
        family = sorted((f for f in feats if f.base == base), key=lambda f: (f.title_line, f.m.start))
        bare = [f for f in family if f.unit is None]
        units = [f for f in family if f.unit]
        if not bare:
            continue
        named_itself = any(f.legal for f in bare)
        first = next((f for f in family if not f.title_line), family[0])
        if named_itself or first.unit is None:
            continue
        counts = Counter(uf.find(u.i) for u in units)
        target = counts.most_common(1)[0][0]
        for f in bare:
            if f.media == feats[target].media:
                uf.union(f.i, target)


def _attach_unplaced(feats: list[_Feat], uf: UnionFind, legal: AbstractSet[str]) -> None:
    for a in feats:
        if not a.form or a.place or a.unit or a.base:
            continue
        if any(feats[i].place for i in uf.groups()[uf.find(a.i)]):
            continue
        hosts = Counter(uf.find(b.i) for b in feats
                        if b.place and b.form == a.form and not b.unit and b.media == a.media
                        and _core_compatible(a, b, legal))
        if hosts:
            uf.union(a.i, hosts.most_common(1)[0][0])


def _attach_short_forms(feats: list[_Feat], uf: UnionFind, legal: AbstractSet[str]) -> None:
    groups = uf.groups()
    words = {}
    for root, idx in groups.items():
        words[root] = [[w for w in _words(v) if w not in legal] for i in idx
                       for v in [*bracket_variants(feats[i].name), *feats[i].short_names]]
    for root, idx in sorted(groups.items(), key=lambda kv: -max((len(w) for w in words[kv[0]]), default=0)):
        if uf.find(root) != root:
            continue
        fs = [feats[i] for i in idx]
        if any(f.base for f in fs):
            continue  # known organisations and their units were settled above
        short = max(words[root], key=len, default=[])
        if not short:
            continue
        hosts = set()
        for other, oidx in groups.items():
            if uf.find(other) == uf.find(root) or fs[0].media != feats[oidx[0]].media:
                continue
            known = any(feats[i].base for i in oidx)
            if known and not any(feats[i].link is not None for i in idx) and not all(f.legal for f in fs):
                continue
            for w in words[other]:
                if len(w) > len(short) and w[0] == short[0] and (w[:len(short)] == short if known
                                                                 else _is_subsequence(short, w)):
                    # a known organisation's name cut short after a legal form: "PT Pos" for "PT Pos Indonesia"
                    hosts.add(uf.find(other))
        if len(hosts) == 1:
            uf.union(root, hosts.pop())


def _attach_formless(feats: list[_Feat], uf: UnionFind, legal: AbstractSet[str]) -> None:
    """A group whose names are all one name of two or more words, with no form word, legal form or known
    organisation behind it (the model's "Mekar Sari"), joins the one group that writes that name after a form
    word ("Yayasan Mekar Sari", "Toko Mekar Sari"; the extractor's form words, else one leading word)."""
    groups = uf.groups()
    tails: list[set[tuple[str, ...]]] | None = None  # each name's words after its form word, once per call
    for root, idx in groups.items():
        fs = [feats[i] for i in idx]
        keys = {org_key(strip_brackets(f.name), legal) for f in fs}
        if len(keys) != 1 or any(f.base or f.form or f.legal or f.link is not None for f in fs):
            continue
        key = tuple(keys.pop().split())
        if len(key) < 2:
            continue
        if tails is None:
            tails = [_after_form_word(f, legal) for f in feats]
        hosts = {uf.find(other) for other, oidx in groups.items()
                 if other != root and feats[oidx[0]].media == fs[0].media and any(key in tails[i] for i in oidx)}
        if len(hosts) == 1:
            uf.union(root, hosts.pop())


def _after_form_word(f: _Feat, legal: AbstractSet[str]) -> set[tuple[str, ...]]:
    """The key words of each of the name's forms after its form word (the extractor's, else one leading word)."""
    out = set()
    for v in bracket_variants(f.name):
        lead = len(org_key(f.form, legal).split()) if f.form and v.casefold().startswith(f.form.casefold()) else 1
        if lead:
            out.add(tuple(org_key(v, legal).split()[lead:]))
    return out


def _without_acronym_brackets(name: str, legal: AbstractSet[str]) -> str:
    """The full form of a name followed by its short form in brackets: "Dinas Kelautan dan Perikanan Kabupaten Lombok
    Timur (DKP Lombok Timur)" -> "Dinas ... Lombok Timur" (the bracketed forms stay aliases). A lone acronym
    ("Himpunan Petani Muda (HPM)") and a legal form ("PT Pertamina (Persero)") stay in the name."""
    out = re.sub(r"\s*\(([^()]*)\)",
                 lambda m: "" if len(m.group(1).split()) >= 2 and org_key(m.group(1), legal) else m.group(0), name)
    out = re.sub(r"\s+", " ", out).strip()
    return out if org_key(out, legal) else name


def _item(fs: list[_Feat], legal: AbstractSet[str]) -> OrgGroup:
    names = []
    for f in fs:
        if f.name and f.name not in names:
            names.append(f.name)
    # a misspelling is never the entity's name: a form joined as a typo, or one written less often than the
    # name it misspells ("Koperasi Sumber Rejekki" once, "Koperasi Sumber Rejeki" twice)
    written = Counter(f.name for f in fs)
    for f in fs:
        if any(written[g] > written[f.name] and typo_of(f.name, g, legal) for g in written):
            f.typo = True
    body = [f for f in fs if not f.title_line and not f.typo] or [f for f in fs if not f.typo] or fs
    best = _without_acronym_brackets(max(body, key=lambda f: (len(strip_brackets(f.name).split())
                                                              + (0.5 if "(" in f.name else 0),
                                                              len(f.name), -f.m.start)).name, legal)
    aliases = []
    seen = {best.casefold()}
    canonical = [f.m.value.get("canonical") or "" for f in fs] if all(len(n.split()) == 1 for n in names) else []
    # the name without its region, as written ("Dinas Koperasi Kabupaten Sleman" -> "Dinas Koperasi")
    cores = [strip_brackets(f.name[:len(f.name) - len(f.place)]) for f in fs
             if f.place and f.name.endswith(f.place) and not f.m.value.get("virtual") and f.core != f.form_name]
    cores = [c for c in cores if len(c.split()) >= 2]
    # the name without the larger region it lies in ("Pemerintah Kampung Marsi Distrik Kaimana" -> "... Marsi")
    cores += [v for f in fs if f.m.value.get("short") for v in [f.m.value["short"], *bracket_variants(f.m.value["short"])]]
    for x in names + [v for f in fs for v in bracket_variants(f.name)] + cores + \
            [f.m.value.get("acronym") or "" for f in fs] + canonical:
        x = clean_org_name(x)
        if x and x.casefold() not in seen:
            seen.add(x.casefold())
            aliases.append(x)
    kinds = Counter(f.kind for f in fs if f.kind and f.kind != "other")
    kind = kinds.most_common(1)[0][0] if kinds else (fs[0].kind or "other")
    roles = Counter(f.m.value.get("role") for f in fs if f.m.value.get("role"))
    role = None
    if roles:
        top = max(roles.values())
        role = next(r for r in _ROLE_ORDER if roles.get(r) == top)
    return {"name": best, "aliases": aliases, "kind": kind, "role": role, "mentions": [f.m for f in fs]}
