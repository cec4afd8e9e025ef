"""How an organisation's name runs on from where a finder starts it (``scan``): over capitalised words,
connectors (dan, &, untuk), bracketed acronyms, legal forms (Tbk, (Persero)), units and a trailing region, and
where it stops (a person, a position, a date, another body)."""
from __future__ import annotations

import re

from ...normalize.orgs import CONNECTORS, acronym_matches
from .context import Cand, Ctx, entry_at, is_breaking, single_trailing, stop_token
from .places import ALL_LEVELS, place_at, region_name
from .tokens import DASHES, NUMBER, YEAR, is_acronym, phrase_tokens

# "kepada" (to) goes on inside a name only after a pe-...-an noun ("Pengabdian kepada Masyarakat",
# "Pelayanan kepada ..."); after anything else it starts what is given to whom
GIVING_CONNECTORS = {"kepada"}


NOMINAL_RE = re.compile(r"^[Pp]e\w{3,}an$")


def scan(ctx: Ctx, c: Cand, j: int, state: str) -> Cand:
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
        end = legal_at(ctx, j)
        if end is not None:
            c.legal = True
            j = good = end
            state = "closed" if state == "name" else state
            continue
        if t.text == "(":
            end = bracket(ctx, j)
            if end is None:
                break
            c.brackets.append((j, end))
            form_inside = end - j == 3 and ctx.lex.prefix.match(toks, j + 1) is not None
            j = good = end
            if not (form_inside and state == "name"):  # "Koperasi Serba Usaha (KSU) Arek Suroboyo" goes on
                state = "acr" if state in {"name", "closed"} else state
            continue
        if t.text in DASHES and j + 1 < len(toks) and ctx.lex.unit.match(toks, j + 1) and j > start:
            j += 1
            continue
        unit = ctx.lex.unit.match(toks, j)
        if unit is not None and j > start and not (t.is_lower and state == "name"):
            if c.unit_start is None and (c.entry is not None or state != "name"):
                c.unit_start = j
            j = good = unit[0]
            state = "name"
            continue
        if t.text == "," and state == "name" and c.form is not None and c.form.kind == "government":
            end = _comma_list(ctx, j)
            if end is not None:
                j = good = end
                continue
        if t.text == "/" and j > start and NUMBER.match(toks[j - 1].text) and not t.nl:
            end = _slash_place(ctx, j + 1)
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
            if is_breaking(ctx, j + 1) or ctx.lex.prefix.match(toks, j + 1) or entry_at(ctx, j + 1):
                break
            if nxt.text.isdigit() and not toks[j - 1].is_num:
                break  # "RSUD dan 30 Puskesmas", "Kelompok Tani Jaya dan 3 klaster": a count of other bodies
            if state == "place" and not place_at(ctx, j + 1):
                break  # "BLK Pasuruan dan SKB": a region ends the name, "dan" starts another body
            if state != "name" and not (t.low in {"of", "for"} and c.origin == "head"):
                # ("Department of Primary Industries": an English name goes on after of/for)
                if not (place_at(ctx, j + 1) or nxt.is_upper):
                    break
            j += 1
            if t.low in {"of", "for"} and c.origin == "head":
                state = "name"
            continue
        if t.is_lower and j > start:
            cue = ctx.lex.place_cue_lower.match(toks, j)
            end = region_name(ctx, cue[0], ("provinsi", "kabupaten", "kota"), after_cue=True) \
                if cue is not None and cue[0] < len(toks) and not toks[cue[0]].nl else None
            if end is not None and single_trailing(ctx, end - 1):
                if c.place_start is None or state != "place":
                    c.place_start = j
                j = good = end  # "Dinas Kelautan dan Perikanan kota Ambon": a region, written in lower case
                state = "place"
                continue
        if t.is_lower:
            end = _lower_run_to_bracket(ctx, c, j) if state == "name" else None
            if end is None:
                break
            j = end
            continue
        body_start = c.form is not None and j in body_starts(c)
        known_pair = j + 1 < len(toks) and (t.low, toks[j + 1].low) in ctx.lex.name_pairs
        if stop_token(ctx, j) or ctx.lex.title_stop.match(toks, j) or (j in ctx.per_starts and not body_start) \
                or ctx.lex.honorific.match(toks, j) \
                or (t.low in ctx.lex.stop_break and j > start and not known_pair):
            break
        if j > start and j > c.i + 1 and is_breaking(ctx, j):
            break
        if j > start and state != "name" and entry_at(ctx, j) is None and ctx.lex.prefix.match(toks, j):
            break
        place = place_at(ctx, j)
        cue = ctx.lex.place_cue.match(toks, j)
        if place is not None and body_start and state == "name" and not c.form.rule.get("same_as") \
                and not is_acronym(c.form.text) and (cue is None or cue[1].rule.get("weak")):
            j = good = j + 1  # right after the form word a region word names the body: "Kementerian Desa ..."
            continue
        if place is not None and state == "name" and cue is None and _one_more_word(ctx, place):
            j = good = place  # "Yayasan Bali Sejahtera": a region inside the name, one word after it
            continue
        if place is not None:
            if c.place_start is None or state != "place":
                c.place_start = j
            j = good = place
            state = "place"
            continue
        if t.is_num:
            if YEAR.match(t.text) or len(t.text) > 7 or (t.text.isdigit() and len(t.text) > 4):
                break
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            if t.text.isdigit() and nxt is not None and not nxt.nl and nxt.is_lower and nxt.low not in CONNECTORS:
                break  # "Kanim Tahuna 39 orang", "Pondok Pesantren 27 pondok": a count after the name
            j = good = j + 1
            continue
        if t.is_upper and t.kind == "word":
            inner = entry_at(ctx, j) if c.form is not None and c.form.rule.get("before") else None
            if inner is not None and inner[0] > j + 1:
                j = good = inner[0]  # "Komisi IX DPR RI": the whole name of the body it is a part of
                state = "acr"
                continue
            if state == "name":
                j = good = j + 1
                # a category word right after the form word ("Paguyuban UMKM Pakem Makmur") leaves the name open
                generic = body_start and c.form.kind != "government" and t.low in ctx.lex.stop_extend
                state = "name" if ctx.lex.prefix.match(toks, j - 1) or generic else "acr"
                continue
            after_connector = j > 0 and (toks[j - 1].low in CONNECTORS or toks[j - 1].text == "&")
            if after_connector and c.form is not None:
                j = good = j + 1  # "Kementerian Koperasi (Kemenkop) dan UKM"
                continue
            if t.low in ctx.lex.stop_extend:
                break
            if single_trailing(ctx, j):
                if c.place_start is None:
                    c.place_start = j
                j = good = j + 1
                state = "place"
                continue
            break
        if t.is_cap:
            if state == "name":
                if t.low in ctx.lex.stop_extend and c.entry is not None:
                    break
                j = good = j + 1
                continue
            if t.low in ctx.lex.stop_extend:
                break
            if entry_at(ctx, j) is not None and state == "acr":
                j = good = entry_at(ctx, j)[0]
                continue
            levels = ALL_LEVELS if state == "acr" else ("provinsi", "kabupaten", "kota", "kecamatan")
            place = place_at(ctx, j, levels)
            if place is not None and single_trailing(ctx, place - 1):
                if c.place_start is None:
                    c.place_start = j
                j = good = place
                state = "place"
                continue
            if state == "acr" and c.form is not None and c.origin != "alias" and single_trailing(ctx, j):
                j = good = j + 1  # "Direktorat Pengembangan SDM Pariwisata": one more word, not a person's two
                state = "place"
                continue
            end = _run_to_region(ctx, j) if state == "acr" and c.form is not None else None
            if end is not None:
                j = good = end  # "Lembaga Sertifikasi Profesi (LSP) Kuliner Jawa Tengah": no person ends in a region
                state = "place"
                continue
            break
        break
    c.j = good
    return c


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
