"""Choosing among the candidates and checking them: overlaps resolved longest first, names that are no
organisation dropped (a bare form word, a kind of body, a stop word), a known organisation's whole name
recognised, and headline or sentence-start names cut back to a form the article uses in its body."""
from __future__ import annotations

from ...names import CONNECTORS, acronym_matches, bracket_variants, clean_org_name, strip_brackets
from .context import Cand, Ctx, name_of, tokens_of
from .places import place_at
from .tokens import phrase_tokens, sentence_start

_PRIORITY = {"titleform": -1, "alias": 0, "form": 1, "head": 2, "acronym": 3, "title": 4, "affil": 4, "list": 5,
             "ner": 6}


def resolve(cands: list[Cand], keep_all: list[Cand] | None = None) -> list[Cand]:
    """Non-overlapping candidates, longest first (then the more reliable finder). ``keep_all`` are kept as they are."""
    chosen: list[Cand] = list(keep_all or [])
    taken = tokens_of(chosen)
    fixed = {id(c) for c in chosen}
    for c in sorted(cands, key=lambda c: (-(c.j - c.i), _PRIORITY.get(c.origin, 9), c.i)):
        if id(c) in fixed:
            continue
        if any(k in taken for k in range(c.i, c.j)):
            continue
        chosen.append(c)
        taken.update(range(c.i, c.j))
    return sorted(chosen, key=lambda c: c.i)


def keep_valid(ctx: Ctx, cands: list[Cand]) -> list[Cand]:
    """The candidates that name a body, each first matched against the known organisations' whole names."""
    out = []
    for c in cands:
        _refine_entry(ctx, c)
        if _names_a_body(ctx, c):
            out.append(c)
    return out


def _names_a_body(ctx: Ctx, c: Cand) -> bool:
    name = strip_brackets(clean_org_name(ctx.text[ctx.toks[c.i].start:ctx.toks[c.j - 1].end]))
    key = ctx.lex.key(name)
    if not key or key in ctx.lex.stop_name or key.split()[0] in ctx.lex.stop_extend and len(key.split()) == 1:
        return False
    if c.entry is not None and c.entry.generic and ctx.lex.key(c.entry.name) in ctx.lex.stop_name \
            and key in {ctx.lex.key(a) for a in c.entry.aliases}:
        return False  # "membuka BLK": the short form of a kind that is no name alone (Balai Latihan Kerja)
    if c.form is not None and c.origin == "form" and not c.virtual_form and not _form_names_a_body(ctx, c):
        return False
    if ctx.lex.stop_prefix.match(ctx.toks, c.i):
        return False
    if c.origin == "form" and c.form is not None and c.form.rule.get("before") and c.form.kind == "other" \
            and _after_title(ctx, c.i):
        return False  # "Kepala Departemen Komunikasi PT X": a department in a person's position, no body of its own
    if c.origin == "head" and all(t.low in ctx.lex.stop_extend or ctx.lex.head.match(ctx.toks, k)
                                  for k, t in enumerate(ctx.toks[c.i:c.j], c.i) if t.is_word):
        return False  # "CSR Department": a department of whatever body, no name
    return True


def _form_names_a_body(ctx: Ctx, c: Cand) -> bool:
    """The words after the form word name one body: not nothing, not a kind of body, not only stop words."""
    words = [t for t in ctx.toks[c.i:c.j] if t.is_word]
    form_len = len(phrase_tokens(c.form.text))
    if len(words) <= form_len and not c.brackets:
        return False
    body = [t for t in ctx.toks[c.i + form_len:c.j] if t.is_word]
    rest = ctx.lex.key(" ".join(t.text for t in body))
    if _generic_body(ctx, c, form_len):
        return False
    # a government body is named by its sector, which alone is no organisation ("Dinas Koperasi")
    sector = c.form.kind == "government" and len(body) == 1
    # a body of category acronyms only is no name ("Kelompok UMKM"); a proper word that also extends
    # company names ("Lestari", "Mandiri") may be a group's whole name ("Kelompok Tani Lestari")
    if not rest or rest in ctx.lex.stop_name and not sector or (
            all(t.low in ctx.lex.stop_extend for t in body) and any(t.is_upper for t in body)):
        return False
    if len(body) == 1 and len(body[0].text) < 2:
        return False
    return True


def _refine_entry(ctx: Ctx, c: Cand) -> None:
    """A whole name that is a known organisation's name or alias ("Kementerian Koperasi (Kemenkop) dan UKM"
    = "Kementerian Koperasi dan UKM") is that organisation, not a unit of a shorter one inside it."""
    toks = ctx.toks
    end = c.place_start if c.place_start is not None and c.place_start > c.i else c.j
    text = ctx.text[toks[c.i].start:toks[end - 1].end]
    for v in [text, *bracket_variants(text)]:
        e = ctx.lex.alias_keys.get(ctx.lex.key(v))
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
                f = ctx.lex.prefix.match(toks, c.i, skip_dots=True)
                c.form = f[1] if f is not None else None


def _generic_body(ctx: Ctx, c: Cand, form_len: int) -> bool:
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
            or ctx.lex.prefix.match(toks, b0 + 1) is not None
    k = 0
    while k < len(words):
        for n in range(min(4, len(words) - k), 0, -1):
            part = tuple(words[k:k + n])
            if part in ctx.lex.member_nouns or (n == 1 and part[0] in CONNECTORS):
                k += n
                break
        else:
            return False
    return True


def attest(ctx: Ctx, chosen: list[Cand]) -> list[Cand]:
    """Headlines are Title Case ("Kemensos Gelar Pelatihan Kerja"), and the first word of a sentence is
    capitalised anyway: such names are cut back to a form the article uses elsewhere."""
    body_keys = {ctx.lex.key(name_of(ctx, c)) for c in chosen if ctx.toks[c.i].line not in ctx.title_lines}
    out = []
    for c in chosen:
        closed = c.origin in {"alias", "acronym"} and c.unit_start is None and (c.entry is None or not c.entry.generic)
        if ctx.toks[c.i].line in ctx.title_lines and not closed:
            if not _cut_headline_name(ctx, c, body_keys):
                continue
        elif c.origin == "form" and c.entry is None:
            _split_shared_form(ctx, c, body_keys)
        if c.origin in {"form", "titleform"} and c.entry is None and ctx.toks[c.i].line not in ctx.title_lines:
            _trim_person(ctx, c, body_keys)
        if c.origin == "head" and sentence_start(ctx.toks, c.i) and c.j - c.i >= 3:
            key = ctx.lex.key(ctx.text[ctx.toks[c.i + 1].start:ctx.toks[c.j - 1].end])
            if key in body_keys:
                c.i += 1
        out.append(c)
    return out


def _cut_headline_name(ctx: Ctx, c: Cand, body_keys: set[str]) -> bool:
    """A name in a headline keeps only as many words as the body writes it with (or its known name's); False
    when the body never writes it."""
    keep = None
    for k in range(c.j, c.i, -1):
        key = ctx.lex.key(ctx.text[ctx.toks[c.i].start:ctx.toks[k - 1].end])
        if key in body_keys:
            keep = k
            break
        if c.entry_span and k == c.entry_span[1]:
            keep = k
            break
    if keep is None:
        return False
    if keep < c.j:
        c.j = keep
        c.brackets = [b for b in c.brackets if b[1] <= keep]
        c.unit_start = c.unit_start if c.unit_start is not None and c.unit_start < keep else None
        c.place_start = c.place_start if c.place_start is not None and c.place_start < keep else None
    return True


def _split_shared_form(ctx: Ctx, c: Cand, body_keys: set[str]) -> None:
    """"Pokdakan Biawan dan Jaya Patin": two groups sharing one form word, when the article writes the first alone."""
    for k in range(c.i + 2, c.j - 1):
        t = ctx.toks[k]
        if t.low in {"dan", "serta", "&"} and not any(b0 <= k < b1 for b0, b1 in c.brackets):
            left = ctx.lex.key(ctx.text[ctx.toks[c.i].start:ctx.toks[k - 1].end])
            if left in body_keys - {ctx.lex.key(name_of(ctx, c))}:
                c.j = k  # "Pokdakan Biawan dan Jaya Patin": two groups sharing one form word
                c.brackets = [b for b in c.brackets if b[1] <= k]
                c.place_start = c.place_start if c.place_start is not None and c.place_start < k else None
                break


def _trim_person(ctx: Ctx, c: Cand, body_keys: set[str]) -> None:
    """"Direktur Utama PT BPR Sinar Jaya Budi Santoso mengatakan": when the article also names
    "PT BPR Sinar Jaya" alone, the two or three plain words after it are a person, not the name."""
    toks = ctx.toks
    own = ctx.lex.key(name_of(ctx, c))
    for n in (2, 3):
        k = c.j - n
        if k <= c.i + 1:
            break
        tail = toks[k:c.j]
        if not all(t.is_cap and t.kind == "word" and not t.is_upper for t in tail):
            continue
        if any(place_at(ctx, q, ("provinsi", "kabupaten", "kota", "kecamatan")) or ctx.lex.unit.match(toks, q)
               for q in range(k, c.j)):
            continue  # (a village's name is often a person's name too: not a reason to keep the words)
        key = ctx.lex.key(ctx.text[toks[c.i].start:toks[k - 1].end])
        if key != own and (key in body_keys or (_after_title(ctx, c.i) and any(
                b != own and b.startswith(key + " ") for b in body_keys))):
            # the shorter name is written alone, or (after a position) another name of the article goes on
            # from it: "Ketua Asosiasi Petani Milenial Ginanjar Ibnu" beside "Asosiasi Petani Milenial Kaltim"
            c.j = k
            return


def _after_title(ctx: Ctx, i: int) -> bool:
    """A person's position ends right before token i ("Ketua [Asosiasi ...]")."""
    return ctx.lex.title_stop.ends_at(ctx.toks, i)
