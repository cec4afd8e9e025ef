"""Candidate finders: known organisations by alias, names that start with a form word (PT, Dinas, Koperasi),
capitalised runs holding a head word (Foundation, Agency), a lone name after a person's position ("Direktur
PIWKU"), and unknown acronyms listed with organisations or after a role cue."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import AbstractSet

from ...names import CONNECTORS, acronym_matches
from .context import WEB_NAME_SOURCE, Cand, Ctx, entry_at, single_trailing, stop_token, tokens_of
from .grammar import GIVING_CONNECTORS, NOMINAL_RE, bracket, scan
from .lexicon import Form, OrgEntry
from .places import ALL_LEVELS, place_at
from .roles import cue_before
from .tokens import SENTENCE_END, caps_line, phrase_tokens, sentence_start

_LIST_SEPARATORS = {",", "dan", "serta", "atau", "&", "/"}
_GLUED = re.compile(r"^[a-z]{2,}([A-Z][a-z]+)$")  # "dapatBantuan": two words run together

# a regional office's contraction, one capitalised word: Dis-/Din- and a consonant (Disperindakop, Dinkominfo,
# Dinsos), never a vowel (Dinata, Dinarti are people); six letters at least
# a locative word before a weak unit word ("di Kantor X Kota Y") makes it a building
_VENUE_BEFORE = {"di", "ke", "dari", "depan", "menuju", "halaman"}

_OFFICE_CONTRACTION = re.compile(r"^Di[sn][b-df-hj-np-tv-z][a-z]{3,}$")


def rule_cands(ctx: Ctx) -> list[Cand]:
    """Every rule finder's candidates, overlapping: known organisations, form words, head words, positions."""
    aliases = alias_cands(ctx)
    if ctx.theme:
        # a known organisation may be named in a theme ('tema "Krakatau Steel Group Berbagi"'); nothing else
        # there is a body, and no word of the theme's own joins a name
        aliases = [c for c in aliases if _theme_clip(ctx, c)]
        for q in ctx.theme:
            ctx.excluded[q] = True
    return aliases + form_cands(ctx) + head_cands(ctx) + title_cands(ctx) + affiliation_cands(ctx) \
        + defined_cands(ctx)


def alias_cands(ctx: Ctx) -> list[Cand]:
    out = []
    toks = ctx.toks
    for i in range(len(toks)):
        if ctx.excluded[i] or not toks[i].is_word:
            continue
        m = entry_at(ctx, i)
        if m is None:
            continue
        if i > 0 and toks[i - 1].text in {"-", "’", "'"} and not toks[i].nl and toks[i - 1].end == toks[i].start:
            continue
        c = _alias_cand(ctx, i, m)
        if not m[1].generated:
            # an analyst's form of a known organisation ("Kilang Pertamina Plaju", "Pertamina Kilang Palju")
            # is read as the known organisation would be; the rule then joins the forms it names
            g = entry_at(ctx, i, generated_only=True)
            alt = _alias_cand(ctx, i, g) if g is not None else None
            if alt is not None and alt.j >= c.j:
                c = alt
        out.append(c)
    return out


def _alias_cand(ctx: Ctx, i: int, m: tuple[int, OrgEntry]) -> Cand:
    toks = ctx.toks
    end, e = m
    c = Cand(i, end, "alias", e.kind, e.rule.source, entry=e, entry_span=(i, end))
    c.legal = any(t.low in ctx.lex.legal_words for t in toks[i:end])
    if e.generic:  # a pattern name (Dinas Pendidikan) may go on: "Dinas Pendidikan Dan Kebudayaan"
        f = ctx.lex.prefix.match(toks, i, skip_dots=True)
        c.form = f[1] if f is not None else None
    scan(ctx, c, end, "name" if e.generic and c.form is not None else "closed")
    # a unit word before the known name: "Perwakilan BI Wilayah IX", "Kantor Wilayah Pegadaian Bali"
    u = _unit_before(ctx, i)
    if u is not None and c.j == end and not c.brackets and _seat_word(ctx, end):
        c.place_start, c.j = end, end + 1  # "Kantor Perwakilan Bank Indonesia Purwokerto": the office's seat
    if u is not None and (c.j > end or c.brackets):
        c.i, c.unit_start = u, u
    return c


def _seat_word(ctx: Ctx, j: int) -> bool:
    """One capitalised word at j that ends the run and starts nothing else: the seat of an office."""
    toks = ctx.toks
    return (j < len(toks) and not toks[j].nl and toks[j].kind == "word" and toks[j].is_cap and not toks[j].is_upper
            and single_trailing(ctx, j) and not _starts_something_else(ctx, j))


def _theme_clip(ctx: Ctx, c: Cand) -> bool:
    """A known organisation's candidate inside a theme keeps its name, units and legal forms, not the plain
    words of the slogan after them; a pattern name (Dinas Sosial) there is dropped."""
    if c.i not in ctx.theme:
        return True
    if c.entry is None or c.entry.generic:
        return False
    toks = ctx.toks
    while c.j > c.entry_span[1] and (c.j - 1 not in ctx.theme or (
            toks[c.j - 1].is_cap and not toks[c.j - 1].is_upper and toks[c.j - 1].low not in ctx.lex.legal_words
            and ctx.lex.unit.match(toks, c.j - 1) is None)):
        c.j -= 1
    c.brackets = [b for b in c.brackets if b[1] <= c.j]
    return True


def _unit_before(ctx: Ctx, i: int) -> int | None:
    """Where a unit word that may stand before a body starts, right before token i ("Kanwil BRI Bali"), or before
    a bracket that abbreviates the unit words ("Pengurus Cabang (PC) PMII Kota X")."""
    toks = ctx.toks
    if toks[i].nl:
        return None
    ends = [i]
    if i >= 3 and toks[i - 1].text == ")" and toks[i - 3].text == "(" and not toks[i - 1].nl \
            and not toks[i - 3].nl and toks[i - 2].is_upper and bracket(ctx, i - 3) == i:
        ends.append(i - 3)
    for end in ends:
        for n in (3, 2, 1):
            k = end - n
            if k < 0 or any(t.nl for t in toks[k + 1:end + 1]):
                continue
            m = ctx.lex.unit.match(toks, k)
            if m is None or m[0] != end or not toks[k].is_cap or not m[1].rule.get("before") \
                    or ctx.lex.stop_prefix.match(toks, k):
                continue
            if end != i and not acronym_matches(toks[i - 2].text, [t.text for t in toks[k:end]]):
                continue  # the bracket is no short form of the unit words
            if m[1].rule.get("weak") and k > 0 and toks[k - 1].low in _VENUE_BEFORE and not toks[k].nl:
                continue  # "di Kantor BPS Kota X": the building where something happens, not the office as a body
            return k
    return None


def form_cands(ctx: Ctx) -> list[Cand]:
    """Names that start with a form word (PT, Dinas, Koperasi Serba Usaha) and run on after it."""
    out = []
    for i in range(len(ctx.toks)):
        c = _form_cand(ctx, i)
        if c is not None:
            out.append(c)
    return out


def _form_cand(ctx: Ctx, i: int) -> Cand | None:
    toks = ctx.toks
    if ctx.excluded[i] or not toks[i].is_word:
        return None
    start = _form_start(ctx, i)
    if start is None:
        return None
    end, form = start
    weak = not form.legal and form.kind not in {"government", "university"}
    inside = weak and _inside_other_name(ctx, i)
    if inside and ctx.lex.stop_prefix.match(toks, i - 1):
        return None  # "Kantor Pusat X": a venue
    c = Cand(i, end, "form", form.kind, form.rule.source, form=form, legal=form.legal)
    _read_form_name(ctx, c, end)
    if inside and not c.brackets or c.brackets and weak and _bracket_spells_more(ctx, c):
        return None  # "Pertemuan Kelompok Mingguan (PKM)": the form word is inside another name
    if c.j <= end:
        return None
    u = _unit_before(ctx, i) if not form.legal else None
    if u is not None:
        c.i = u  # "Kanwil Ditjen Imigrasi Sulut", "Kantor Wilayah Kementerian Agama Jawa Tengah": a regional office
    return c


def _form_start(ctx: Ctx, i: int) -> tuple[int, Form] | None:
    """(end, form) of a form word at token i that may start a name: a capitalised word, a number or a bracket
    follows it, and it is no stop prefix, no sector of a position ("Menteri Koperasi") and, for a form that only
    goes with a region ("Pemerintah"), followed by one."""
    toks = ctx.toks
    m = ctx.lex.prefix.match(toks, i, skip_dots=True)
    if m is None:
        return None
    end, form = m
    if end < len(toks) and toks[end].text == "." and form.text.endswith(".") is False and form.legal:
        end += 1
    if end >= len(toks) or toks[end].nl or not (toks[end].is_cap or toks[end].is_num
                                                or bracket(ctx, end) is not None):
        return None
    if ctx.lex.stop_prefix.match(toks, i) or (not form.legal and _sector_at(ctx, i)):
        return None
    if form.rule.get("place_only") and place_at(ctx, end) is None:
        return None  # "Pemerintah Aceh" is a body, "Pemerintah Pusat" is no name
    return end, form


def _read_form_name(ctx: Ctx, c: Cand, end: int) -> None:
    """Read the name on from the form word (tokens c.i..end). A known organisation named from the form word, or
    after a legal, company or bank form ("Perum Jamkrindo", "Bank Himbara"), is that organisation."""
    form = c.form
    e = entry_at(ctx, end) if form.legal or form.kind in {"company", "bank"} else None
    if e is not None and _longer_company(ctx, c, end, e):
        e = None  # "PT Pertamina Gheotermal Energy (PGE)": a company name longer than the known one
    if e is None:
        e2 = entry_at(ctx, c.i)
        if e2 is not None:
            c.entry, c.entry_span = e2[1], (c.i, e2[0])
            scan(ctx, c, e2[0], "closed" if e2[0] > end and not e2[1].generic else "name")
        else:
            scan(ctx, c, end, "name")
    else:
        c.entry, c.entry_span = e[1], (end, e[0])
        scan(ctx, c, e[0], "closed")
    if c.entry is None and form.legal:
        _fuzzy_entry(ctx, c, end)


def _longer_company(ctx: Ctx, c: Cand, end: int, e: tuple[int, OrgEntry]) -> bool:
    """Read as a plain name, the company's name has a bracket or a legal form after the known name's end."""
    form = c.form
    trial = Cand(c.i, end, "form", form.kind, form.rule.source, form=form, legal=form.legal)
    scan(ctx, trial, end, "name")
    return bool(trial.brackets or trial.legal and trial.j > e[0] and any(
        t.low in ctx.lex.legal_words for t in ctx.toks[e[0]:trial.j]))


def _sector_at(ctx: Ctx, i: int) -> bool:
    """The form word at i names a sector of a position or a department ("Menteri Koperasi Budi Arie",
    "Kepala Bidang Koperasi Diskumdag Tala"), not an organisation of its own."""
    toks = ctx.toks
    if toks[i].nl:
        return False
    for n in (1, 2, 3):
        k = i - n
        if k < 0 or any(t.nl for t in toks[k + 1:i + 1]):
            break
        m = ctx.lex.sector_before.match(toks, k)
        if m is not None and m[0] == i:
            return True
    return False


def _bracket_spells_more(ctx: Ctx, c: Cand) -> bool:
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


def _inside_other_name(ctx: Ctx, i: int) -> bool:
    """A weak form word inside a longer capitalised name ("Pertemuan Kelompok Mingguan", "Kantor Pusat X")."""
    toks = ctx.toks
    if i == 0 or toks[i].nl or toks[i].line in ctx.title_lines:
        return False
    p = toks[i - 1]
    if not p.is_cap or p.kind == "punct" or sentence_start(toks, i - 1) or p.low in CONNECTORS:
        return False
    if ctx.lex.title.ends_at(toks, i):
        return False
    unit = ctx.lex.unit.match(toks, i - 1)
    if unit is not None and not unit[1].rule.get("weak") or entry_at(ctx, i - 1) or ctx.lex.prefix.match(toks, i - 1):
        return False  # (a weak unit word, "Kantor", starts a building as often: "Kantor Koperasi X")
    return True


def _fuzzy_entry(ctx: Ctx, c: Cand, body: int) -> None:
    """A misspelt known company after PT ("PT Pegadain Kantor Wilayah ...")."""
    from rapidfuzz import fuzz
    t = ctx.toks[body]
    if len(t.text) < 6 or not t.is_cap:
        return
    for e in ctx.lex.entries.values():
        if e.generic or e.kind not in {"company", "bank"}:
            continue
        for a in [e.name, *e.aliases]:
            words = [w for w in phrase_tokens(a) if w.casefold() not in ctx.lex.legal_words]
            if len(words) == 1 and len(words[0]) >= 6 and fuzz.ratio(words[0].casefold(), t.low) >= 88:
                c.entry, c.entry_span = e, (body, body + 1)
                if body + 1 < c.j and words[0].casefold() != t.low:
                    # read on as after a known name: units and regions, not a person ("PT Pegadaia Rully Yusuf")
                    c.j, c.brackets = body + 1, [b for b in c.brackets if b[1] <= body + 1]
                    c.place_start = None
                    scan(ctx, c, body + 1, "closed")
                if c.unit_start is None and body + 1 < c.j and ctx.lex.unit.match(ctx.toks, body + 1):
                    c.unit_start = body + 1
                return


def head_cands(ctx: Ctx) -> list[Cand]:
    """Capitalised runs holding Foundation, Agency, Committee, ..."""
    out = []
    toks = ctx.toks
    for h in range(len(toks)):
        m = ctx.lex.head.match(toks, h)
        if m is None or ctx.excluded[h]:
            continue
        if m[0] < len(toks) and not toks[m[0]].nl and ctx.lex.title.match(toks, m[0]):
            continue  # "President & Group CEO X": the head word is part of a position
        i = h
        while i > 0 and not toks[i].nl:
            p = toks[i - 1]
            if (p.is_cap or p.is_num) and not ctx.lex.title_stop.match(toks, i - 1) and not stop_token(ctx, i - 1) \
                    and p.low not in ctx.lex.stop_break:
                i -= 1
            elif (p.low in CONNECTORS or p.text == "&") and i >= 2 and toks[i - 2].is_cap and not p.nl \
                    and not (p.low in GIVING_CONNECTORS and not NOMINAL_RE.match(toks[i - 2].text)) \
                    and not ctx.lex.head.ends_at(toks, i - 1):
                # ("Rp 1 Miliar kepada President University": a gift, not a name; "Sinar Mas Group dan Djarum
                # Foundation": a head word before the connector ends a body of its own)
                i -= 1
            else:
                break
        while i < h and (toks[i].low in CONNECTORS or toks[i].text == "&"):
            i += 1
        form: Form = m[1]
        i = _after_other_body(ctx, i, h, form)
        if i == h and len(toks[h].text) < 4:
            continue
        c = Cand(i, m[0], "head", form.kind, form.rule.source, form=None)
        scan(ctx, c, m[0], "acr")
        if c.j - c.i >= 2:
            out.append(c)
    return out


def _after_other_body(ctx: Ctx, i: int, h: int, form: Form) -> int:
    """Where a name ending in its head word (Group, Foundation) starts when the run before it starts with a form
    word or a known body and holds a connector: "Kementerian Keuangan dan Sinar Group", "Yayasan Sinar dan
    Djarum Foundation" are two bodies each."""
    toks = ctx.toks
    if ctx.lex.prefix.match(toks, i) is None and entry_at(ctx, i) is None:
        return i
    for q in range(i + 1, h):
        if toks[q].low in CONNECTORS or toks[q].text == "&":
            return q + 1
    return i


def defined_cands(ctx: Ctx) -> list[Cand]:
    """A name with no form word that the article abbreviates in brackets, then sets in a region: "Masyarakat
    Sadar Wisata (Masata) Lombok Tengah", "Ikatan Nelayan Muda (INM) Kabupaten Bone". Two to six capitalised
    words (connectors between) that the acronym spells; nothing in them a person, a position, a date or a
    programme's word."""
    toks = ctx.toks
    out = []
    for k, t in enumerate(toks):
        if t.text != "(" or ctx.excluded[k]:
            continue
        end = bracket(ctx, k)
        if end is None or end != k + 3 or not toks[k + 1].is_word or end >= len(toks) or toks[end].nl:
            continue
        region = place_at(ctx, end, ("provinsi", "kabupaten", "kota", "country"))
        if region is None:
            continue
        i = k
        while i > 0 and k - i < 8 and not toks[i - 1].nl:
            p = toks[i - 1]
            if ctx.lex.title.match(toks, i - 1):
                break  # "Relawan [Masyarakat Sadar Wisata (Masata) ...]": a member or a position, not the name
            if p.is_cap and p.kind == "word" and not p.is_upper:
                i -= 1
            elif p.low in CONNECTORS and i >= 2 and toks[i - 2].is_cap:
                i -= 1
            else:
                break
        words = [q.text for q in toks[i:k]]
        if k - i < 2 or toks[i].low in CONNECTORS or not acronym_matches(toks[k + 1].text, words) \
                or sentence_start(toks, i) and toks[i].low in ctx.lex.stop_break:
            continue
        if not single_trailing(ctx, region - 1) and not ctx.lex.title_stop.ends_at(toks, i):
            continue  # a person's name may follow the region only where a position precedes the name ("Ketua ...")
        if any(q in ctx.per_starts or ctx.lex.title_stop.match(toks, q) or ctx.lex.honorific.match(toks, q)
               or stop_token(ctx, q) or ctx.lex.stop_prefix.match(toks, q) or ctx.lex.theme_cue.match(toks, q)
               or toks[q].low in ctx.lex.stop_extend for q in range(i, k)):
            continue
        c = Cand(i, region, "head", "other", "regex:org-defined-acronym")
        c.brackets.append((k, end))
        c.place_start = end
        out.append(c)
    return out


def title_cands(ctx: Ctx) -> list[Cand]:
    """A lone unknown name right after a person's position: "Direktur PIWKU", "Rektor Unival Banten"."""
    out = []
    for i in range(len(ctx.toks)):
        c = _title_cand(ctx, i)
        if c is not None:
            out.append(c)
    return out


def _title_cand(ctx: Ctx, i: int) -> Cand | None:
    toks = ctx.toks
    m = ctx.lex.title_cue.match(toks, i)
    if m is None or ctx.excluded[i]:
        return None
    j = m[0]
    if j < len(toks) and toks[j].text == "." and not toks[j].nl:
        j += 1
    if j >= len(toks) or toks[j].nl or not toks[j].is_cap or toks[j].kind != "word":
        return None
    if toks[i].is_upper and len(toks[i].text) >= 3:
        return None  # "PETANI ORGANIK": a caption in capitals, not a position
    if m[1].rule.get("same_as"):
        return _title_form(ctx, i, j, m[1])
    if _OFFICE_CONTRACTION.match(toks[j].text) and not ctx.lex.place_cue.match(toks, j) \
            and not _starts_something_else(ctx, j, person_ok=True):
        return _office(ctx, j, m[1])  # (the model often reads the office and the person after it as one name)
    if _starts_something_else(ctx, j):
        return None
    return _lone_name(ctx, i, j, m[1])


def _office(ctx: Ctx, j: int, title: Form) -> Cand:
    """"Kepala Disperindakop Budi", "Kepala Dinkominfo Blora Budi": an office's contraction after a position is
    its name, with the region written after it; a person's name may follow either."""
    c = Cand(j, j + 1, "title", "government", title.rule.source)
    place = place_at(ctx, j + 1, ("provinsi", "kabupaten", "kota"))
    if place is not None and not ctx.toks[j + 1].nl:
        c.place_start, c.j = j + 1, place
    return c


def _starts_something_else(ctx: Ctx, j: int, person_ok: bool = False) -> bool:
    """The word after the position is a form word, a position, a unit, a region, a known organisation, a stop
    word or (unless ``person_ok``) a person's name, not a lone name."""
    toks = ctx.toks
    t = toks[j]
    return bool(ctx.lex.prefix.match(toks, j) or ctx.lex.title.match(toks, j) or ctx.lex.unit.match(toks, j)
                or place_at(ctx, j, ("provinsi", "kabupaten", "kota", "kecamatan")) or entry_at(ctx, j)
                or stop_token(ctx, j) or t.low in ctx.lex.stop_extend or ctx.lex.key(t.text) in ctx.lex.stop_name
                or t.low in ctx.lex.title_words or (j in ctx.per_starts and not person_ok))


def _lone_name(ctx: Ctx, i: int, j: int, title: Form) -> Cand | None:
    """The name from token j after the position at i: an owner's business, an acronym-like word read on, or one
    word and a region; kept where it ends a capitalised run."""
    toks = ctx.toks
    t = toks[j]
    acronym_like = (t.is_upper or bool(re.search(r"[a-z][A-Z]", t.text))) and not caps_line(toks, j)
    c = Cand(j, j + 1, "title", "university" if toks[i].low == "rektor" else "other", title.rule.source)
    owned = _owned_business(ctx, j) if title.kind == "company" and not acronym_like else None
    if owned is not None:
        c.j, c.kind = owned, "company"  # "pemilik Batik Kembang Setaman": an owner's business
    elif acronym_like and len(t.text) >= 3:
        scan(ctx, c, j + 1, "acr")
    else:
        place = place_at(ctx, j + 1)
        if place is None or not (single_trailing(ctx, place - 1) or place in ctx.per_ends.values()):
            return None
        c.place_start, c.j = j + 1, place
    # the run ends, or the model reads a person right after it ("Kepala Dinkomdigi Sleman Budi Santoso")
    if single_trailing(ctx, c.j - 1) or (c.j < len(toks) and toks[c.j].text in {",", "/", ")"}) \
            or (c.place_start is not None and c.j in ctx.per_ends.values()):
        return c
    return None


def _owned_business(ctx: Ctx, j: int) -> int | None:
    """End of a business name of two to four capitalised words from j, after an owner's title; None when the
    run goes on, or holds a person, a region or another body."""
    toks = ctx.toks
    k = j
    while k < len(toks) and k - j < 4 and not (k > j and toks[k].nl) and toks[k].is_cap and toks[k].kind == "word":
        if (k in ctx.per_starts or ctx.lex.honorific.match(toks, k) or stop_token(ctx, k)
                or place_at(ctx, k) is not None or (k > j and ctx.lex.prefix.match(toks, k))):
            return None
        k += 1
    if k - j < 2 or not single_trailing(ctx, k - 1):
        return None
    return k


def _title_form(ctx: Ctx, i: int, j: int, title: Form) -> Cand | None:
    """A position written as one word that names the body: "Kadis Koperasi UMKM Cilegon" = Kepala Dinas
    Koperasi UMKM Cilegon. The mention covers the words after the title; its name gets the form word back."""
    toks = ctx.toks
    if entry_at(ctx, j) or ctx.lex.prefix.match(toks, j) and ctx.lex.prefix.match(toks, j)[1].breaks:
        return None
    form = ctx.lex.prefix_by_text.get(title.rule["same_as"])
    if form is None:
        return None
    c = Cand(j, j, "titleform", form.kind, title.rule.source, form=form)
    scan(ctx, c, j, "name")
    if c.j <= j:
        return None
    c.virtual_form = form.text
    return c


def affiliation_cands(ctx: Ctx) -> list[Cand]:
    """The body a person speaks for, in brackets right after the person's name: "Budi Santoso (Rumah Batik
    Lestari)", "Ani Wijaya (KopiKita)". Not a region, a position, an age, an honorific or another person."""
    toks = ctx.toks
    out = []
    for k, t in enumerate(toks):
        if t.text != "(" or k not in ctx.per_ends or t.nl or ctx.excluded[k]:
            continue
        end = bracket(ctx, k)
        if end is None:
            continue
        i, j = k + 1, end - 1
        words = [x for x in toks[i:j] if x.is_word]
        first = toks[i]
        if not words or first.kind != "word" or not first.is_cap or any(x.is_lower and x.low not in CONNECTORS
                                                                       for x in words):
            continue
        if len(words) == 1 and len(first.text) < 3 or len(words) > 5:
            continue
        if (i in ctx.per_starts or place_at(ctx, i, ALL_LEVELS) == j or ctx.lex.title.match(toks, i)
                or ctx.lex.title_cue.match(toks, i) or ctx.lex.honorific.match(toks, i) or stop_token(ctx, i)
                or first.low in ctx.lex.title_words or first.low in ctx.lex.degrees
                or (first.low in ctx.lex.honorific_words and len(words) > 1)
                or ctx.lex.key(ctx.text[first.start:toks[j - 1].end]) in ctx.lex.stop_name
                or _names_the_person(ctx, ctx.per_ends[k], k, i, j)):
            continue
        out.append(Cand(i, j, "affil", "other", "regex:org-affiliation"))
    return out


def _names_the_person(ctx: Ctx, p0: int, p1: int, i: int, j: int) -> bool:
    """The bracket at i..j is the person's own short name: initials ("(AHY)") or a nickname sharing the start
    of one of the names ("Joko Widodo (Jokowi)")."""
    person = [t.text for t in ctx.toks[p0:p1] if t.is_word]
    inner = [t.text for t in ctx.toks[i:j] if t.is_word]
    if any((w.isupper() or len(inner) == 1) and acronym_matches(w, person) for w in inner):
        return True  # "(AHY)", "(SLGAP/SOP)": the words before the bracket, spelt out
    initials = "".join(p[0] for p in person if p[:1].isupper())
    if len(inner) == 1 and inner[0].isupper() and len(initials) >= 2 and inner[0].endswith(initials.upper()) \
            and len(inner[0]) <= len(initials) + 2:
        return True  # "Ustaz Budi Santoso (UBS)": the initials behind an honorific the name span left out
    if len(inner) == 1 and len(inner[0]) >= 3 and any(
            len(p) > len(inner[0]) and p.casefold().endswith(inner[0].casefold()) for p in person):
        return True  # "Wahyudi (Yudi)": a nickname from the end of a name
    return any(w[:3].casefold() == p[:3].casefold() for w in inner for p in person)


def list_cands(ctx: Ctx, chosen: list[Cand]) -> list[Cand]:
    """Unknown acronyms listed with organisations or after a role cue: "..., USAID, LPMAK, TNI, dan ...",
    "didampingi oleh INDECON"."""
    taken = tokens_of(chosen)
    starts = {c.i for c in chosen}
    ends = {c.j for c in chosen}
    out = []
    for _ in range(2):
        for c in _list_pass(ctx, taken, starts, ends):
            out.append(c)
    out += _short_names_listed(ctx, chosen + out, taken)
    out += _names_after_list_noun(ctx, taken)
    out += _web_names(ctx, taken)
    return out


# a platform or start-up by its web name ("Nakama.id", "berbuatbaik.id", "Peris.ai"); a government or campus
# site (kemnaker.go.id) is an address of a body named otherwise
# (its endings, "id", "com", "ai"..., are rules/org_stopwords.jsonl scope web_end)
_WEB_SECOND = {"co", "or", "my", "web"}  # co.id, or.id
_GLUED_PREPOSITIONS = ("di", "ke", "dari")


def _web_names(ctx: Ctx, taken: set[int]) -> list[Cand]:
    """Web names written as a body's name: a word glued to ".id", ".com", ".co.id" (not inside an address with a
    path, a subdomain or an e-mail, not a hyphenated dateline "KOTA-outlet.com"). A name that runs a preposition
    into a web name the article also writes alone ("diberbuatbaik.id") is left to that other mention; one run
    into a capital ("dariNamaOutlet.com") is a credit."""
    toks = ctx.toks
    found: list[tuple[int, int]] = []
    for i, t in enumerate(toks):
        if t.kind != "word" or i in taken or ctx.excluded[i] or "-" in t.text or len(t.text) < 3 \
                or not any(c.isalpha() for c in t.text) or t.low == "www":
            continue
        if i > 0 and toks[i - 1].end == t.start and toks[i - 1].text in {".", "@", "/", ":", "-", "_"}:
            continue
        j = _web_end(toks, i, ctx.lex.web_ends)
        if j is None or any(q in taken or ctx.excluded[q] for q in range(i, j)):
            continue
        if _GLUED.match(t.text):
            continue
        found.append((i, j))
    alone = {toks[i].low for i, _ in found}
    # a news site is named as one too ("kepada Namasitus.com"): only a name the article calls a platform, an
    # app, a team... somewhere (a platform noun within three words) is a body
    bodies = {toks[i].low for i, j in found if _near_platform_noun(ctx, i, j)}
    out = []
    for i, j in found:
        low = toks[i].low
        if low not in bodies or any(low.startswith(p) and low[len(p):] in alone for p in _GLUED_PREPOSITIONS):
            continue
        out.append(Cand(i, j, "list", "company", WEB_NAME_SOURCE))
        taken.update(range(i, j))
    return out


def _near_platform_noun(ctx: Ctx, i: int, j: int, window: int = 3) -> bool:
    toks = ctx.toks
    before = [t for t in toks[max(0, i - window):i] if t.is_word]
    after = [t for t in toks[j:j + window] if t.is_word]
    return any(t.low in ctx.lex.platform_nouns for t in before + after)


def _web_end(toks, i: int, ends: AbstractSet[str]) -> int | None:
    """The end of a web name from word i ("Nama.id", "Nama.co.id"), or None; ``ends``: the endings it may have."""
    def glued(k: int) -> bool:
        return k < len(toks) and toks[k].start == toks[k - 1].end and not toks[k].nl

    if not (glued(i + 1) and toks[i + 1].text == "." and glued(i + 2) and toks[i + 2].low in ends
            and toks[i + 2].kind == "word"):
        return None
    j = i + 3
    if toks[i + 2].low in _WEB_SECOND and glued(j) and toks[j].text == "." and glued(j + 1) and toks[j + 1].low == "id":
        j += 2
    elif toks[i + 2].low == "co":
        return None
    if glued(j) and (toks[j].text in {"/", "@", "-", "_"} or toks[j].text == "." and glued(j + 1)
                     and toks[j + 1].kind == "word"):
        return None  # an address goes on: "nama.id/daftar", "nama.com.sg"
    return j


def _names_after_list_noun(ctx: Ctx, taken: set[int]) -> list[Cand]:
    """Names listed after a noun for bodies and "adalah", "yakni", "mencakup" in its sentence: "startup yang
    lolos seleksi adalah A, B, C, dan D". Brand names without a legal form, which nothing else finds; three or
    more, each capitalised words only, and the list ends at the first item that is not."""
    toks = ctx.toks
    out: list[Cand] = []
    intros = ctx.lex.list_intros  # rules/org_stopwords.jsonl scope list_intro ("adalah", "antara lain", ":")
    lengths = sorted({len(key) for key in intros}, reverse=True)
    for k in range(len(toks)):
        m = ctx.lex.list_nouns.match(toks, k)
        if m is None or ctx.excluded[k]:
            continue
        p = m[0]
        while p < len(toks) and p < m[0] + 30 and not toks[p].nl and toks[p].text not in SENTENCE_END:
            n = next((n for n in lengths if tuple(t.low for t in toks[p:p + n]) in intros), 0)
            if n:
                p += n
                break
            p += 1
        else:
            continue
        if p < len(toks) and toks[p].text == ":":
            p += 1
        items = _list_items(ctx, p)
        if len(items) < 3 or 2 * sum(i in ctx.per_starts for i, _ in items) >= len(items):
            continue  # ("pendiri startup itu adalah A, B, dan C": the model reads people)
        for i, j in items:
            if any(q in taken for q in range(i, j)) or place_at(ctx, i, ALL_LEVELS) == j \
                    or (i in ctx.per_starts and j - i > 1):
                continue
            out.append(Cand(i, j, "list", "other", "regex:org-list-noun"))
            taken.update(range(i, j))
    return out


def _list_items(ctx: Ctx, p: int) -> list[tuple[int, int]]:
    """The items of a comma list of names from token p: (start, end) of each, up to the first item with a
    lower-case word (a dotted domain, "Katalis.AI", "Difotoin.id", may be written in lower case)."""
    toks = ctx.toks
    items = []
    i = p
    while i < len(toks) and not (i > p and toks[i].nl):
        j = i
        while j < len(toks) and not (j > i and toks[j].nl) and j - i < 8:
            t = toks[j]
            glued = j > i and t.start == toks[j - 1].end
            if t.kind != "punct" and (t.text[:1].isupper() or (t.text[:1].isdigit() and any(c.isupper() for c in t.text))
                                      or (glued and toks[j - 1].text == ".")):
                j += 1
            elif t.text in {".", "&", "-"} and glued and j + 1 < len(toks) and toks[j + 1].start == t.end \
                    and toks[j + 1].kind != "punct":
                j += 1
            else:
                break
        if j == i:
            break
        end = j
        if j < len(toks) and toks[j].text == "." and j + 1 < len(toks) and toks[j + 1].text == ",":
            j += 1  # "Technology Inc.,"
        sep = toks[j] if j < len(toks) else None
        if sep is None or sep.nl or sep.text in SENTENCE_END or sep.text == "\n":
            items.append((i, end))
            break
        if sep.text == ",":
            j += 1
            if j < len(toks) and toks[j].low in {"dan", "serta"}:
                j += 1
        elif sep.low in {"dan", "serta"}:
            j += 1
        else:
            if sep.is_lower and items:
                items.append((i, end))  # "..., C, dan D yang ...": the sentence goes on after the last name
            break
        items.append((i, end))
        i = j
    return items


def _short_names_listed(ctx: Ctx, chosen: list[Cand], taken: set[int]) -> list[Cand]:
    """A known organisation by its name without the form word, in a list of known bodies of its kind: "BRI,
    BNI, Mandiri, dan BTN" (Bank Mandiri). Alone the word is too common to be a name ("usaha mandiri")."""
    toks = ctx.toks
    # the listed bodies are short names too: after a form word ("Kementerian Investasi, Perdagangan dan
    # Industri") the words are the sectors of one body
    listed = [c for c in chosen if c.entry is not None and ctx.lex.prefix.match(toks, c.i) is None]
    by_end = {c.j: c for c in listed}
    by_start = {c.i: c for c in listed}
    out = []
    for i, t in enumerate(toks):
        if i in taken or ctx.excluded[i] or t.kind != "word" or not t.is_cap or t.is_upper or t.is_num:
            continue
        if i + 1 < len(toks) and not toks[i + 1].nl and toks[i + 1].kind == "word" and toks[i + 1].is_cap:
            continue  # the word starts a longer name ("Kabupaten Konawe")
        kinds = set()
        k = i - 1
        if k >= 0 and toks[k].low in {"dan", "serta", "atau"} and k - 1 >= 0 and toks[k - 1].text == ",":
            k -= 1
        if k >= 1 and toks[k].low in _LIST_SEPARATORS and k in by_end and not t.nl:
            kinds.add(by_end[k].kind)
        k = i + 1
        if k + 1 < len(toks) and toks[k].text == "," and toks[k + 1].low in {"dan", "serta", "atau"}:
            k += 1
        if k + 1 < len(toks) and toks[k].low in _LIST_SEPARATORS and k + 1 in by_start and not toks[k + 1].nl:
            kinds.add(by_start[k + 1].kind)
        if len(kinds) != 1:
            continue
        kind = next(iter(kinds))
        for form in ctx.lex.prefix_by_text.values():
            if form.kind != kind or " " in form.text:
                continue
            m = ctx.lex.aliases.match([replace(t, text=form.text), t], 0)
            if m is not None and m[0] == 2 and m[1][0].kind == kind and not m[1][0].generic:
                c = Cand(i, i + 1, "list", kind, "regex:org-list-short")
                c.entry, c.entry_span = m[1][0], (i, i + 1)
                out.append(c)
                taken.add(i)
                break
    return out


def _list_pass(ctx: Ctx, taken: set[int], starts: set[int], ends: set[int]) -> list[Cand]:
    toks = ctx.toks
    out = []
    for i, t in enumerate(toks):
        if i in taken or ctx.excluded[i] or not t.is_upper or t.kind != "word" or len(t.text) < 3:
            continue
        if caps_line(toks, i) or t.low.split("-")[0] in ctx.lex.stop_extend or t.low in ctx.lex.degrees:
            continue
        if t.low in ctx.lex.stop_extend or ctx.lex.key(t.text) in ctx.lex.stop_name or t.is_num:
            continue
        if place_at(ctx, i, ("provinsi", "kabupaten", "kota", "kecamatan")) is not None:
            continue
        j = i + 1
        if j < len(toks) and toks[j].is_cap and not toks[j].nl:
            # "BPPSDMKP, BPPP Ambon, dan ...": a listed acronym with its region
            place = place_at(ctx, j, ("provinsi", "kabupaten", "kota"))
            if place is None or not single_trailing(ctx, place - 1) or any(k in taken for k in range(j, place)) \
                    or ctx.lex.place_words.get(tuple(q.low for q in toks[j:place])) == "country":
                continue  # ("NGO AUSTRALIA": a kind of body and its country)
            j = place
        if _defined_as_other(ctx, t.text):
            continue  # "Bantuan Subsidi Upah (BSU)", "keluarga penerima manfaat (KPM)": not a body
        prev_ok = i >= 2 and toks[i - 1].low in _LIST_SEPARATORS and (i - 1) in ends
        next_ok = j + 1 < len(toks) and toks[j].low in _LIST_SEPARATORS and (j + 1) in starts
        cue = cue_before(ctx, i)
        if prev_ok or next_ok or cue is not None:
            c = Cand(i, j, "list", "other", "regex:org-list")
            if j > i + 1:
                c.place_start = i + 1
            out.append(c)
            taken.update(range(i, j))
            ends.add(j)
            starts.add(i)
    return out


def _defined_as_other(ctx: Ctx, acr: str) -> bool:
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
            seq = toks[s0:k - 1]
            glued = _GLUED.match(seq[0].text)
            if glued:  # "cara dapatBantuan Subsidi Upah(BSU)": a link's text glued to the word before it
                seq = [replace(seq[0], text=glued.group(1)), *seq[1:]]
            words = [t.text for t in seq]
            if not acronym_matches(acr, words):
                continue
            if s0 > 0 and not glued and toks[s0 - 1].is_cap and toks[s0 - 1].kind == "word" \
                    and not sentence_start(toks, s0 - 1) and acronym_matches(acr, [toks[s0 - 1].text, *words]):
                continue  # the expansion may start one word earlier
            first = seq[0]
            if first.is_lower and first.low not in CONNECTORS:
                return True
            org_like = (ctx.lex.prefix.match(seq, 0) or ctx.lex.aliases.match(seq, 0, skip_dots=True)
                        or any(ctx.lex.head.match(seq, q) for q in range(len(seq))))
            return not org_like
    return False
