"""How an organisation's name runs on from where a finder starts it (``scan``): over capitalised words,
connectors (dan, &, untuk), bracketed acronyms, legal forms (Tbk, (Persero)), units and a trailing region, and
where it stops (a person, a position, a date, another body)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...names import CONNECTORS, acronym_matches
from .context import Cand, Ctx, entry_at, is_breaking, single_trailing, stop_token
from .places import ALL_LEVELS, place_at, region_name
from .tokens import DASHES, NUMBER, QUOTES, YEAR, Tok, is_acronym, phrase_tokens

# "kepada" (to) goes on inside a name only after a pe-...-an noun ("Pengabdian kepada Masyarakat",
# "Pelayanan kepada ..."); after anything else it starts what is given to whom
GIVING_CONNECTORS = {"kepada"}


NOMINAL_RE = re.compile(r"^[Pp]e\w{3,}an$")

# a word for what a body does to its object: the form word after it goes on with the name ("Direktorat Jenderal
# Bina Pemerintah Desa", "Balai Pengembangan Kelompok Tani"); pe(N)-...-an nouns of an action (Pembinaan, Pengembangan,
# Penyuluhan, Pelatihan, Pendampingan), not the sectors (Pertanian, Perekonomian, Pendidikan)
_ACTION_WORDS = {"bina"}
_ACTION_NOUN_RE = re.compile(r"^(Peng|Pemb|Peny|Pel|Pend(?!idik))\w{3,}an$")

# function words after a number that end a numbered name ("SMP Negeri 3 bersama", "SDN Sukamaju 2 yang"): a count
# is followed by what it counts (orang, pondok), never by these; "dari" is left out ("Kelompok Tani 10 dari 12")
_AFTER_NUMBERED_NAME = {"di", "ke", "yang", "pada", "bersama", "dengan", "juga", "telah", "sudah", "akan",
                        "sebagai", "selaku", "dalam", "itu", "ini", "tersebut", "melalui", "oleh", "menjadi",
                        "adalah", "kini", "sejak", "pun"}


# Each step of the grammar looks at the token the name has reached: it ends the name (STOP), takes the token
# and goes on (GO), or leaves it to the next step (None). A token no step takes ends the name.
GO, STOP = True, False


@dataclass
class _Run:
    """A name being read: the candidate, the token reached, where the name ends so far (``good``: trailing
    connectors and lower-case words are not kept unless a name goes on after them) and the state (see ``scan``)."""

    c: Cand
    j: int
    good: int
    state: str
    start: int

    def take(self, end: int, state: str | None = None) -> bool:
        """The name goes on to token ``end`` (and into ``state``)."""
        self.j = self.good = end
        if state is not None:
            self.state = state
        return GO


def scan(ctx: Ctx, c: Cand, j: int, state: str) -> Cand:
    """Extend candidate ``c`` from token j.

    state "name": plain capitalised words belong to the name (after a form word);
    "closed": after a known name, only legal forms, brackets, units and regions may follow;
    "acr"/"place": after an acronym or region, plain words stop the name (they are usually a person:
    "Kepala Badan PPSDM Bambang Utoro").
    """
    toks = ctx.toks
    run = _Run(c, j, j if j > c.j else c.j, state, c.i)
    while run.j < len(toks):
        t = toks[run.j]
        if (t.nl and run.j > run.start) or ctx.excluded[run.j] or not _step(ctx, run, t):
            break
    c.j = run.good
    return c


def _step(ctx: Ctx, run: _Run, t: Tok) -> bool:
    """Whether the name goes on at token t: the first step that decides says."""
    for step in _STEPS:
        verdict = step(ctx, run, t)
        if verdict is not None:
            return verdict
    return STOP


def _legal_form(ctx: Ctx, run: _Run, t: Tok) -> bool | None:
    """"Tbk", "(Persero)", ", Tbk": after a form word's name only units, brackets and regions follow."""
    end = legal_at(ctx, run.j)
    if end is None:
        return None
    run.c.legal = True
    return run.take(end, "closed" if run.state == "name" else None)


def _bracket_group(ctx: Ctx, run: _Run, t: Tok) -> bool | None:
    """(KPI), (Persero), (Sumsel): kept; any other bracket ends the name."""
    if t.text != "(":
        return None
    end = bracket(ctx, run.j)
    if end is None:
        return STOP
    run.c.brackets.append((run.j, end))
    form_inside = end - run.j == 3 and ctx.lex.prefix.match(ctx.toks, run.j + 1) is not None
    run.j = run.good = end
    if not (form_inside and run.state == "name"):  # "Koperasi Serba Usaha (KSU) Arek Suroboyo" goes on
        run.state = "acr" if run.state in {"name", "closed"} else run.state
    return GO


def _dash_before_unit(ctx: Ctx, run: _Run, t: Tok) -> bool | None:
    toks = ctx.toks
    if t.text in DASHES and run.j + 1 < len(toks) and ctx.lex.unit.match(toks, run.j + 1) and run.j > run.start:
        run.j += 1
        return GO
    return None


def _unit(ctx: Ctx, run: _Run, t: Tok) -> bool | None:
    """A unit word ("RU IV", "UID", "Kantor Wilayah"): a company's unit follows."""
    unit = ctx.lex.unit.match(ctx.toks, run.j)
    if unit is None or run.j <= run.start or (t.is_lower and run.state == "name"):
        return None
    c = run.c
    if c.unit_start is None and (c.entry is not None or run.state != "name"):
        c.unit_start = run.j
    return run.take(unit[0], "name")


def _ministry_list(ctx: Ctx, run: _Run, t: Tok) -> bool | None:
    c = run.c
    if t.text == "," and run.state == "name" and c.form is not None and c.form.kind == "government":
        end = _comma_list(ctx, run.j)
        if end is not None:
            return run.take(end)
    return None


def _numbered_seat(ctx: Ctx, run: _Run, t: Tok) -> bool | None:
    """"Kodim 1701/Jayapura", "Koramil 1710-03/Kuala Kencana": a numbered unit's seat."""
    j = run.j
    if not (t.text == "/" and j > run.start and NUMBER.match(ctx.toks[j - 1].text) and not t.nl):
        return None
    end = _slash_place(ctx, j + 1)
    if end is None:
        return None
    if run.c.place_start is None:
        run.c.place_start = j + 1
    return run.take(end, "place")


def _quoted_word(ctx: Ctx, run: _Run, t: Tok) -> bool | None:
    """A quoted capitalised word inside a name that goes on after it: Universitas Pembangunan Nasional "Bhakti"
    Jawa Timur."""
    toks, j = ctx.toks, run.j
    if t.text not in QUOTES or run.state != "name" or j + 3 >= len(toks) or any(x.nl for x in toks[j:j + 4]):
        return None
    word, close, nxt = toks[j + 1], toks[j + 2], toks[j + 3]
    if word.kind == "word" and word.is_cap and close.text in QUOTES and nxt.kind == "word" and nxt.is_cap \
            and j + 3 not in ctx.per_starts and not stop_token(ctx, j + 3):
        run.j = j + 3
        return GO
    return None


def _punctuation(ctx: Ctx, run: _Run, t: Tok) -> bool | None:
    return STOP if t.kind == "punct" and t.text != "&" else None


def _connector(ctx: Ctx, run: _Run, t: Tok) -> bool | None:
    """dan, &, untuk, of: passed over when what follows goes on with this name, not another body's."""
    if not (t.low in CONNECTORS or t.text == "&"):
        return None
    if not _goes_on_after(ctx, run, t):
        return STOP
    run.j += 1
    if t.low in {"of", "for"} and run.c.origin == "head":
        run.state = "name"
    return GO


def _goes_on_after(ctx: Ctx, run: _Run, t: Tok) -> bool:
    toks = ctx.toks
    j = run.j
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    if nxt is None or nxt.nl or not (nxt.is_cap or nxt.is_num):
        return False
    if t.low in GIVING_CONNECTORS and not (j > 0 and NOMINAL_RE.match(toks[j - 1].text)):
        return False  # "PT Pertamina (Persero) kepada UMKM": a gift, not a name ("Pengabdian kepada Masyarakat")
    if is_breaking(ctx, j + 1) or ctx.lex.prefix.match(toks, j + 1) or entry_at(ctx, j + 1):
        return False
    if nxt.text.isdigit() and not toks[j - 1].is_num:
        return False  # "RSUD dan 30 Puskesmas", "Kelompok Tani Jaya dan 3 klaster": a count of other bodies
    if run.c.kind != "company" and company_follows(ctx, j + 1):
        return False  # "Kementerian Keuangan dan Sinar Group": a company after a ministry is a body of its own
    if run.state == "place" and not place_at(ctx, j + 1):
        return False  # "BLK Pasuruan dan SKB": a region ends the name, "dan" starts another body
    if run.state != "name" and not (t.low in {"of", "for"} and run.c.origin == "head"):
        # ("Department of Primary Industries": an English name goes on after of/for)
        if not (place_at(ctx, j + 1) or nxt.is_upper):
            return False
    return True


def company_follows(ctx: Ctx, k: int) -> bool:
    """The capitalised words from k end in a company's head or unit word (Group, Grup)."""
    toks = ctx.toks
    while k < len(toks) and toks[k].kind == "word" and (toks[k].is_cap or toks[k].is_num) and not toks[k].nl:
        for table in (ctx.lex.head, ctx.lex.unit):
            m = table.match(toks, k)
            if m is not None and getattr(m[1], "kind", None) == "company":
                return True
        k += 1
    return False


def _lower_case_region(ctx: Ctx, run: _Run, t: Tok) -> bool | None:
    """"Dinas Kelautan dan Perikanan kota Ambon": a region, written in lower case."""
    toks = ctx.toks
    j = run.j
    if not (t.is_lower and j > run.start):
        return None
    cue = ctx.lex.place_cue_lower.match(toks, j)
    end = region_name(ctx, cue[0], ("provinsi", "kabupaten", "kota"), after_cue=True) \
        if cue is not None and cue[0] < len(toks) and not toks[cue[0]].nl else None
    if end is None or not single_trailing(ctx, end - 1):
        return None
    if run.c.place_start is None or run.state != "place":
        run.c.place_start = j
    return run.take(end, "place")


def _lower_case_words(ctx: Ctx, run: _Run, t: Tok) -> bool | None:
    if not t.is_lower:
        return None
    end = _lower_run_to_bracket(ctx, run.c, run.j) if run.state == "name" else None
    if end is None:
        return STOP
    run.j = end
    return GO


def _stop_word(ctx: Ctx, run: _Run, t: Tok) -> bool | None:
    """A date word, a position, a person, an honorific, a break word, another body's form word: the name ends."""
    toks = ctx.toks
    j, c, start = run.j, run.c, run.start
    known_pair = j + 1 < len(toks) and (t.low, toks[j + 1].low) in ctx.lex.name_pairs
    person = j in ctx.per_starts and not _at_body_start(c, j) and t.low not in ctx.lex.name_inside
    if stop_token(ctx, j) or (ctx.lex.title_stop.match(toks, j) and not _title_names_body(ctx, c, j)) or person \
            or ctx.lex.honorific.match(toks, j) \
            or (t.low in ctx.lex.stop_break and j > start and not known_pair):
        return STOP
    if j > start and j > c.i + 1 and is_breaking(ctx, j) and not _object_of_action(ctx, run, j):
        return STOP
    if j > start and run.state != "name" and entry_at(ctx, j) is None and ctx.lex.prefix.match(toks, j):
        return STOP
    return None


def _title_names_body(ctx: Ctx, c: Cand, j: int) -> bool:
    """A position word right after the form word, with the name going on after it, names the body's task, not a
    person: "Badan Pengawas Pemilu", "Kementerian Koordinator Pangan", "Badan Pembina Olahraga"."""
    toks = ctx.toks
    if not _at_body_start(c, j) or c.form.legal or toks[j].nl:
        return False
    m = ctx.lex.title_stop.match(toks, j)
    k = m[0] if m is not None else j + 1
    if k < len(toks) and bracket(ctx, k) is not None:
        return True  # "Kementerian Koordinator (Kemenko) Bidang ..."
    return k < len(toks) and not toks[k].nl and toks[k].kind == "word" and toks[k].is_cap and k not in ctx.per_starts


def _object_of_action(ctx: Ctx, run: _Run, j: int) -> bool:
    """The form word at j is what the name's action word before it acts on, not another body: "Balai Pengembangan
    Kelompok Tani", "Direktorat Jenderal Bina Pemerintah Desa". A legal form (PT, CV) always starts a company."""
    toks = ctx.toks
    prev = toks[j - 1]
    if run.state != "name" or prev.nl or toks[j].nl or not prev.is_cap or prev.kind != "word":
        return False
    if not (_ACTION_NOUN_RE.match(prev.text) or prev.low in _ACTION_WORDS):
        return False
    m = ctx.lex.prefix.match(toks, j, skip_dots=True)
    return m is not None and not m[1].legal


def _region(ctx: Ctx, run: _Run, t: Tok) -> bool | None:
    j, c = run.j, run.c
    place = place_at(ctx, j)
    if place is None:
        return None
    cue = ctx.lex.place_cue.match(ctx.toks, j)
    if _at_body_start(c, j) and run.state == "name" and not c.form.rule.get("same_as") \
            and not is_acronym(c.form.text) and (cue is None or cue[1].rule.get("weak")):
        return run.take(j + 1)  # right after the form word a region word names the body: "Kementerian Desa ..."
    if run.state == "name" and cue is None and _one_more_word(ctx, place):
        return run.take(place)  # "Yayasan Bali Sejahtera": a region inside the name, one word after it
    if c.place_start is None or run.state != "place":
        c.place_start = j
    return run.take(place, "place")


def _number(ctx: Ctx, run: _Run, t: Tok) -> bool | None:
    """"Komisi IX", "Kelompok Tani 2": a number goes on; a year, a long number or a count ends the name."""
    if not t.is_num:
        return None
    if YEAR.match(t.text) or len(t.text) > 7 or (t.text.isdigit() and len(t.text) > 4):
        return STOP
    toks = ctx.toks
    nxt = toks[run.j + 1] if run.j + 1 < len(toks) else None
    if t.text.isdigit() and nxt is not None and not nxt.nl and nxt.is_lower and nxt.low not in CONNECTORS \
            and nxt.low not in _AFTER_NUMBERED_NAME:
        return STOP  # "Kanim Tahuna 39 orang", "Pondok Pesantren 27 pondok": a count after the name
    return run.take(run.j + 1)


def _acronym_word(ctx: Ctx, run: _Run, t: Tok) -> bool | None:
    if not (t.is_upper and t.kind == "word"):
        return None
    toks = ctx.toks
    j, c = run.j, run.c
    inner = entry_at(ctx, j) if c.form is not None and c.form.rule.get("before") else None
    if inner is not None and inner[0] > j + 1:
        return run.take(inner[0], "acr")  # "Komisi IX DPR RI": the whole name of the body it is a part of
    if run.state == "name":
        # a category word right after the form word ("Paguyuban UMKM Pakem Makmur") leaves the name open
        generic = _at_body_start(c, j) and c.form.kind != "government" and t.low in ctx.lex.stop_extend
        return run.take(j + 1, "name" if ctx.lex.prefix.match(toks, j) or generic else "acr")
    after_connector = j > 0 and (toks[j - 1].low in CONNECTORS or toks[j - 1].text == "&")
    if after_connector and c.form is not None and not (c.kind != "company" and company_follows(ctx, j)):
        return run.take(j + 1)  # "Kementerian Koperasi (Kemenkop) dan UKM"
    if t.low in ctx.lex.stop_extend:
        return STOP
    if single_trailing(ctx, j):
        if c.place_start is None:
            c.place_start = j
        return run.take(j + 1, "place")
    return STOP


def _capitalised(ctx: Ctx, run: _Run, t: Tok) -> bool | None:
    if not t.is_cap:
        return None
    j, c = run.j, run.c
    if run.state == "name":
        if t.low in ctx.lex.stop_extend and c.entry is not None:
            return STOP
        return run.take(j + 1)
    if t.low in ctx.lex.stop_extend:
        return STOP
    if entry_at(ctx, j) is not None and run.state == "acr":
        return run.take(entry_at(ctx, j)[0])
    levels = ALL_LEVELS if run.state == "acr" else ("provinsi", "kabupaten", "kota", "kecamatan")
    place = place_at(ctx, j, levels)
    if place is not None and single_trailing(ctx, place - 1):
        if c.place_start is None:
            c.place_start = j
        return run.take(place, "place")
    if run.state == "acr" and c.form is not None and c.origin != "alias" and single_trailing(ctx, j):
        return run.take(j + 1, "place")  # "Direktorat Pengembangan SDM Pariwisata": one more word, not a person's two
    end = _run_to_region(ctx, j) if run.state == "acr" and c.form is not None else None
    if end is not None:
        # "Lembaga Sertifikasi Profesi (LSP) Kuliner Jawa Tengah": no person ends in a region
        return run.take(end, "place")
    end = _run_to_known(ctx, j) if run.state == "acr" and c.form is not None and c.entry is None else None
    if end is not None:
        # "Direktorat Jenderal SDM Kesehatan Kemenkes": the words before the body it is a part of
        return run.take(end)
    end = _run_to_own_bracket(ctx, c, j) if run.state == "place" and c.form is not None else None
    if end is not None:
        # "Koperasi Nelayan Bontang Usaha Bahari dan Wisata (Kopnel BUBW)": the region was inside a long name
        c.place_start = None
        run.j = end
        run.state = "name"
        return GO
    return STOP


def _company_name_goes_on(ctx: Ctx, run: _Run, t: Tok) -> bool | None:
    """"PT INFINITI Berkah Energi,", "PT Elnusa Petrofin,": after a legal form and an acronym or a known name,
    one to three more capitalised words up to a comma or a lower-case word are the rest of the company's
    legal name, unless they are a person (the model's, or a speaker), a position, a place or another body."""
    c, j = run.c, run.j
    toks = ctx.toks
    if run.state not in {"acr", "closed"} or c.form is None or not c.form.legal or c.form.position != "prefix" \
            or not t.is_cap or t.kind != "word" or toks[j - 1].kind != "word" or toks[j - 1].low in ctx.lex.legal_words:
        return None
    k, words = j, 0
    while k < len(toks) and words < 4 and not toks[k].nl:
        if toks[k].text == "&" and k > j and k + 1 < len(toks) and toks[k + 1].kind == "word" \
                and toks[k + 1].is_cap and not toks[k + 1].nl:
            k += 1  # "PT X Training & Consulting": '&' between two words of the name
            continue
        if not (toks[k].kind == "word" and toks[k].is_cap):
            break
        if k in ctx.per_starts:
            # "PT MNC Vision Networks [Rina Wati] mengatakan": the model's person ends the name
            return run.take(k) if k > j and words <= 3 and toks[k - 1].text != "&" else None
        if ctx.lex.title.match(toks, k) or ctx.lex.title_stop.match(toks, k) or len(toks[k].text) < 2 \
                or stop_token(ctx, k) or ctx.lex.honorific.match(toks, k) or ctx.lex.prefix.match(toks, k) \
                or place_at(ctx, k) is not None or toks[k].low in ctx.lex.stop_extend:
            return None  # ("PT Adaro Indonesia H Fulan": an honorific, a person follows)
        k += 1
        words += 1
    if words > 3 or k == len(toks) or (toks[k].kind == "word" and not toks[k].is_lower) \
            or toks[k].low in ctx.lex.speech_after or toks[k].text == "(":
        return None
    return run.take(k)


def _name_goes_on_after_own_acronym(ctx: Ctx, run: _Run, t: Tok) -> bool | None:
    """"Lembaga Pelatihan Kerja (LPK) Harapan Bangsa sebagai ...", "Unit Bisnis Pertambangan (UBP) Emas Cibaliung.":
    right after the bracket that spells the name's own words, two or three capitalised words up to a comma, a
    full stop or a lower-case word (no speech verb) are the rest of the name (which unit, which branch), unless
    one is a person (the model's), a position, an honorific, a form word or a date, or a position stands before
    the name (a person's name follows it: "Kepala Dinas Sosial (Dinsos) Budi Santoso, ...")."""
    c, j = run.c, run.j
    toks = ctx.toks
    if run.state != "acr" or c.form is None or c.entry is not None or not c.brackets or c.brackets[-1][1] != j \
            or t.kind != "word" or not t.is_cap or t.is_upper or j in ctx.per_starts:
        return None
    b0, b1 = c.brackets[-1]
    inner = "".join(x.text for x in toks[b0 + 1:b1 - 1] if x.is_word)
    at = [k for k in range(c.i, b0) if toks[k].is_word]
    # the acronym spells the name or its last words; a company's only where they are a unit's ("PT X Unit Bisnis
    # Pengolahan (UBP) Emas Y"): after a company's own acronym a site is a body of its own ("PT X (XY) Hulu Batang")
    spelt = [s for s in range(len(at)) if acronym_matches(inner, [toks[k].text for k in at[s:]])
             and (not c.form.legal or ctx.lex.unit.match(toks, at[s]) is not None)]
    if not spelt or ctx.lex.title_stop.ends_at(toks, c.i) or ctx.lex.title.ends_at(toks, c.i):
        return None
    k = j
    while k < len(toks) and k - j < 4 and toks[k].kind == "word" and toks[k].is_cap and not toks[k].is_upper \
            and not toks[k].nl:
        if (k in ctx.per_starts or ctx.lex.title.match(toks, k) or ctx.lex.title_stop.match(toks, k)
                or toks[k].low in ctx.lex.honorific_words or ctx.lex.honorific.match(toks, k) or stop_token(ctx, k)
                or ctx.lex.prefix.match(toks, k) or len(toks[k].text) < 2 or (k > j and place_at(ctx, k) is not None)):
            break
        k += 1
    if k - j < 2 or k - j > 3 or k == len(toks) or toks[k].nl:
        return None
    nxt = toks[k]
    if not (nxt.text in {",", ".", ")", ";"} or (nxt.is_lower and nxt.low not in ctx.lex.speech_after)
            or place_at(ctx, k) is not None):
        return None
    return run.take(k, "acr")


# in this order: what a token is taken as first decides
_STEPS = (_legal_form, _bracket_group, _dash_before_unit, _unit, _ministry_list, _numbered_seat, _quoted_word,
          _punctuation, _connector, _lower_case_region, _lower_case_words, _stop_word, _region, _number, _acronym_word,
          _company_name_goes_on, _name_goes_on_after_own_acronym, _capitalised)


def _at_body_start(c: Cand, j: int) -> bool:
    """Token j is where the name proper begins after the form word (see ``body_starts``)."""
    return c.form is not None and j in body_starts(c)


def bracket(ctx: Ctx, j: int) -> int | None:
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


def legal_at(ctx: Ctx, j: int) -> int | None:
    """End of a legal suffix at j: "Tbk", "(Persero)", ", Tbk" (comma allowed)."""
    toks = ctx.toks
    k = j + 1 if j < len(toks) and toks[j].text == "," else j
    m = ctx.lex.suffix.match(toks, k)
    if m is None or (k < len(toks) and toks[k].nl):
        return None
    end = m[0]
    if end < len(toks) and toks[end].text == "." and m[1].text.casefold() in {"tbk", "tbk."}:
        # "Tbk." ends a sentence as often as it abbreviates: keep the dot only when the name goes on
        if end + 1 < len(toks) and toks[end + 1].text == "(":
            end += 1
    return end


def body_starts(c: Cand) -> set[int]:
    """Where the name proper begins after the form word: right after it, or after a bracket that
    abbreviates it ("Pondok Pesantren (Ponpes) An-Nur", "Lembaga Pendidikan dan Pelatihan (LPK) Kamisato")."""
    k = c.i + len(phrase_tokens(c.form.text)) if c.form is not None else c.i
    out = {k}
    for b0, b1 in c.brackets:
        if b0 == k or (b0 > c.i and b0 - 1 in out):
            out.add(b1)
    return out


def _comma_list(ctx: Ctx, j: int) -> int | None:
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
                    _names_body(ctx, k) or entry_at(ctx, k) or ctx.lex.title.match(toks, k)
                    or place_at(ctx, k)):
                return None
            k += 1
            continue
        break
    if not saw_and or toks[k - 1].low in {"dan", "serta"} or toks[k - 1].text == ",":
        return None
    return k


def _slash_place(ctx: Ctx, k: int) -> int | None:
    """End of the one to three capitalised words after a numbered unit's slash ("1701/Jayapura")."""
    toks = ctx.toks
    end = k
    while end < len(toks) and end - k < 3 and not toks[end].nl and toks[end].is_cap and toks[end].kind == "word" \
            and end not in ctx.per_starts and not stop_token(ctx, end):
        end += 1
    return end if end > k and single_trailing(ctx, end - 1) else None


def _names_body(ctx: Ctx, k: int) -> bool:
    """A form word at k that starts another body's name: a capitalised word follows it ("Koperasi Maju
    Jaya"). Followed by a comma or "dan" it is only a sector in a list ("Dinas Perindustrian, Koperasi
    dan UKM")."""
    m = ctx.lex.prefix.match(ctx.toks, k)
    if m is None:
        return False
    if m[1].kind == "government":
        return True  # "..., dan Pemerintah Desa": another body
    nxt = ctx.toks[m[0]] if m[0] < len(ctx.toks) else None
    return nxt is not None and not nxt.nl and (nxt.is_cap or nxt.is_num) and nxt.low not in CONNECTORS


def _run_to_region(ctx: Ctx, j: int) -> int | None:
    """End of a run of two to four capitalised words from j whose last word(s) name a provinsi, kabupaten, kota
    or country, with nothing in it that starts a person or another body; else None."""
    toks = ctx.toks
    for k in range(j + 1, min(j + 4, len(toks))):
        t = toks[k]
        if t.nl or not (t.is_cap and t.kind == "word") or k in ctx.per_starts or ctx.lex.honorific.match(toks, k) \
                or ctx.lex.prefix.match(toks, k) or stop_token(ctx, k):
            return None
        end = place_at(ctx, k)
        if end is not None and single_trailing(ctx, end - 1):
            return end
    return None


def _run_to_known(ctx: Ctx, j: int) -> int | None:
    """Where a known organisation starts after one to three capitalised words from j (none a person, a position, a
    region or a form word): "SDM Kesehatan [Kemenkes]"; None otherwise."""
    toks = ctx.toks
    for k in range(j, min(j + 3, len(toks))):
        t = toks[k]
        if t.nl or not (t.is_cap and t.kind == "word") or k in ctx.per_starts or ctx.lex.honorific.match(toks, k) \
                or ctx.lex.title_stop.match(toks, k) or stop_token(ctx, k) or ctx.lex.prefix.match(toks, k) \
                or place_at(ctx, k) is not None:
            return None
        e = entry_at(ctx, k + 1) if k + 1 < len(toks) and not toks[k + 1].nl else None
        if e is not None and not e[1].generic:
            return k + 1
    return None


def _run_to_own_bracket(ctx: Ctx, c: Cand, j: int) -> int | None:
    """The '(' after two to six capitalised words (and connectors) from j, when the bracket abbreviates the name:
    an acronym that starts with the name's first letter, not a region's. Nothing in the run may start a person,
    a position or another body."""
    toks = ctx.toks
    k = j
    while k < len(toks) and k - j < 7 and not toks[k].nl:
        t = toks[k]
        if t.text == "(":
            break
        if t.low in CONNECTORS and k > j:
            k += 1
            continue
        if not (t.is_cap and t.kind == "word") or k in ctx.per_starts or ctx.lex.title_stop.match(toks, k) \
                or ctx.lex.honorific.match(toks, k) or stop_token(ctx, k) or ctx.lex.prefix.match(toks, k):
            return None
        k += 1
    if k - j < 2 or k >= len(toks) or toks[k].text != "(" or toks[k - 1].low in CONNECTORS:
        return None
    end = bracket(ctx, k)
    if end is None or place_at(ctx, k + 1, ALL_LEVELS) == end - 1:
        return None
    inner = ctx.text[toks[k + 1].start:toks[end - 2].end]
    capitals = [ch for ch in inner if ch.isupper()]
    if len(capitals) < 2 or inner[:1].casefold() != toks[c.i].text[:1].casefold():
        return None
    return k


def _one_more_word(ctx: Ctx, j: int) -> bool:
    """Whether exactly one plain capitalised word follows from token j (a name goes on; two are a person)."""
    toks = ctx.toks
    return (j < len(toks) and not toks[j].nl and toks[j].is_cap and toks[j].kind == "word" and not toks[j].is_upper
            and single_trailing(ctx, j) and place_at(ctx, j) is None
            and toks[j].low not in ctx.lex.stop_break)


def _lower_run_to_bracket(ctx: Ctx, c: Cand, j: int) -> int | None:
    """Lower-case words inside a name are kept only when an acronym right after spells them
    ("Lembaga Pembinaan dan Pemberdayaan Perempuan kepala keluarga (LPP-PEKKA)")."""
    toks = ctx.toks
    k = j
    while k < len(toks) and k - j < 4 and toks[k].is_lower and not toks[k].nl:
        k += 1
    end = bracket(ctx, k)
    if end is None:
        return None
    inner = " ".join(t.text for t in toks[k + 1:end - 1])
    words = [t.text for t in toks[c.i:k] if t.is_word]
    if acronym_matches(inner, words) or acronym_matches(inner, words[1:]):
        return k
    return None
