"""Candidates become ``Mention``s: the name as written and cleaned, and the hints ``normalize.orgs.merge_orgs``
needs (known organisation, unit, region, form word and core, link to the defining mention, analyst's rule);
news outlets are added, flagged media."""
from __future__ import annotations

from ...names import clean_org_name, strip_brackets
from ...rules import Rule
from ...types import Mention, OrgValue, as_value
from .context import WEB_NAME_SOURCE, Cand, Ctx, entry_at
from .lexicon import KINDS, OrgEntry
from .roles import role_of
from .tokens import phrase_tokens


def to_mention(ctx: Ctx, c: Cand) -> Mention:
    """The candidate as the mention a record holds: its name and the hints ``merge_orgs`` reads."""
    toks = ctx.toks
    start, end = toks[c.i].start, toks[c.j - 1].end
    raw = ctx.text[start:end]
    name = clean_org_name(raw)
    if c.virtual_form:
        name = f"{c.virtual_form} {name}"
    value: OrgValue = {"name": name, "kind": c.kind, "role": role_of(ctx, c), "acronym": c.acronym or None,
                       "media": False, "mid": c.mid, "legal": c.legal,
                       "title_line": toks[c.i].line in ctx.title_lines,
                       # what the rules know, for the learned org decision (decide.features.org_candidates)
                       "origin": c.origin, "ner": ner_agreement(ctx, c),
                       "generic": bool(c.entry is not None and c.entry.generic)}
    if c.link is not None:
        target = c.link
        value["link"] = target.mid
        c.kind = target.kind
        value["kind"] = target.kind
    if c.entry is not None and not c.entry.generic:
        _known_value(ctx, c, value)
    elif c.form is not None and c.form.rule.get("before") and _inner_entry(ctx, c) is not None:
        e, k = _inner_entry(ctx, c)  # "Komisi V DPR RI", "Divisi X Telkom": a part of a known body
        value["base"], value["canonical"] = e.id, e.name
        value["unit"] = clean_org_name(name)
    else:
        _pattern_value(ctx, c, value)
    if value["kind"] not in KINDS:
        value["kind"] = "other"
    rule = _analyst_rule(ctx, c)
    if rule is not None:
        # the analyst's rule names this form: merging puts it with the rule's other forms, and the evidence of
        # a form the rule moved names the rule
        value["rule_id"], value["rule_name"], value["rule_source"] = rule.id, rule["name"], rule.source
    return Mention("org", raw, start, end, c.source, as_value(value), label=value["kind"])


def ner_agreement(ctx: Ctx, c: Cand) -> str:
    """How the model's ORG spans agree with the candidate: the same tokens, one inside the other, an overlap, or
    none; "per" when the model reads a person at its first word."""
    spans = ctx.ner_orgs
    if (c.i, c.j) in spans:
        return "same"
    if any(i <= c.i and c.j <= j or c.i <= i and j <= c.j for i, j in spans):
        return "nested"
    if any(i < c.j and c.i < j for i, j in spans):
        return "overlap"
    return "per" if c.i in ctx.per_starts else "none"


def _trailing_place(ctx: Ctx, c: Cand) -> str | None:
    """The region the name ends with, as written (brackets and all)."""
    return ctx.text[ctx.toks[c.place_start].start:ctx.toks[c.j - 1].end] if c.place_start is not None else None


def _known_value(ctx: Ctx, c: Cand, value: OrgValue) -> None:
    """A known organisation: its id and name, and the unit or the region the mention adds to it."""
    toks = ctx.toks
    end = toks[c.j - 1].end
    place = _trailing_place(ctx, c)
    e = c.entry
    value["base"] = e.id
    value["canonical"] = e.name
    rest_start = c.unit_start if c.unit_start is not None else _unit_after_name(ctx, c)
    if rest_start is not None and rest_start < c.entry_span[0]:
        value["unit"] = clean_org_name(" ".join([ctx.text[toks[rest_start].start:toks[c.entry_span[0] - 1].end],
                                                 ctx.text[toks[c.entry_span[1]].start:end]
                                                 if c.entry_span[1] < c.j else ""]))
    elif rest_start is not None:
        value["unit"] = clean_org_name(ctx.text[toks[rest_start].start:end])
    elif place:
        value["place"] = clean_org_name(strip_brackets(place))
    if c.kind == "other" and e.kind:
        value["kind"] = e.kind


def _unit_after_name(ctx: Ctx, c: Cand) -> int | None:
    """Where words after the known name start that are neither legal forms, brackets nor a region: a unit."""
    toks = ctx.toks
    k = c.entry_span[1]
    while k < c.j and (toks[k].low in ctx.lex.legal_words or toks[k].text in {".", ","}
                       or any(b0 <= k < b1 for b0, b1 in c.brackets)):
        k += 1
    if k < c.j and (c.place_start is None or k < c.place_start):
        return k
    return None


def _pattern_value(ctx: Ctx, c: Cand, value: OrgValue) -> None:
    """A name no known organisation owns: its form word, its core (the name before its region) and the region."""
    place = _trailing_place(ctx, c)
    if c.entry is not None:  # a regional body known only as a pattern (Dinas Sosial, DPMD)
        value["form"] = ctx.lex.key(c.entry.name).split()[0] if ctx.lex.key(c.entry.name) else None
        value["core"] = c.entry.name
        value["kind"] = c.entry.kind
    elif c.form is not None:
        place = _form_value(ctx, c, value, place)
    if place:
        value["place"] = clean_org_name(strip_brackets(place))


def _form_value(ctx: Ctx, c: Cand, value: OrgValue, place: str | None) -> str | None:
    """The form word and the core of a name that starts with one; returns the region the name is of."""
    toks = ctx.toks
    start, end = toks[c.i].start, toks[c.j - 1].end
    value["form"] = ctx.lex.key(c.form.rule.get("same_as") or c.form.text)
    core_end = toks[c.place_start - 1].end if c.place_start is not None and c.place_start > c.i else end
    value["core"] = strip_brackets(clean_org_name(ctx.text[start:core_end]))
    if c.virtual_form:
        value["core"] = f"{c.virtual_form} {value['core']}"
        value["virtual"] = True
    if c.form.rule.get("same_as") and c.form.kind == "government":
        return _governed_region(ctx, c, value, place)
    if c.form.rule.get("same_as") and not c.virtual_form:
        body = ctx.text[toks[c.i + len(phrase_tokens(c.form.text))].start:core_end]
        value["core"] = f"{c.form.rule['same_as']} {strip_brackets(clean_org_name(body))}"
    return place


def _governed_region(ctx: Ctx, c: Cand, value: OrgValue, place: str | None) -> str:
    """Pemkab X, Pemda X: the name is the form's (Pemerintah Kabupaten), the region it governs is X."""
    toks = ctx.toks
    start, end = toks[c.i].start, toks[c.j - 1].end
    value["core"] = value["form_name"] = c.form.rule.get("same_as")  # Pemkab X: the name is the region
    if c.form.rule.get("level_of"):  # Pemda X: the Pemkab, Pemkot or Pemprov of region X
        value["level_of"] = [ctx.lex.key(x) for x in c.form.rule["level_of"]]
    body_i = c.i + len(phrase_tokens(c.form.text))
    while body_i < c.j and any(b0 <= body_i < b1 for b0, b1 in c.brackets):
        body_i += 1
    if c.place_start is not None and body_i < c.place_start < c.j:
        # "Pemerintah Kampung Marsi Distrik Kaimana": the village, then the district it lies in
        place = ctx.text[toks[body_i].start:toks[c.place_start - 1].end]
        value["short"] = clean_org_name(ctx.text[start:toks[c.place_start - 1].end])
    return place or ctx.text[toks[body_i].start:end]


def _analyst_rule(ctx: Ctx, c: Cand) -> Rule | None:
    """The analyst's alias rule naming this mention: one of its forms is the whole name, or a form of two or
    more words is written inside it ("Pertamina Kilang Palju" holds the alias "Kilang Palju")."""
    toks = ctx.toks
    best = None
    for k in range(c.i, c.j):
        m = ctx.lex.analyst_forms.match(toks, k, skip_dots=True)
        if m is None or m[0] > c.j:
            continue
        rule = m[1]
        if not (k == c.i and m[0] == c.j):
            # a form inside a longer mention counts when the other words are the rule's own words
            # ("Pertamina" + "Kilang Palju" for the rule of "Kilang Pertamina Plaju"), not a region or a unit
            own = {w for a in [rule["name"], *(rule.get("aliases") or [])] for w in ctx.lex.key(a).split()}
            rest = [t for q, t in enumerate(toks[c.i:c.j], c.i) if t.is_word and not k <= q < m[0]]
            if m[0] - k < 2 or any(ctx.lex.key(t.text) and ctx.lex.key(t.text) not in own for t in rest):
                continue
        if best is None or m[0] - k > best[0]:
            best = (m[0] - k, rule)
    return best[1] if best is not None else None


def _inner_entry(ctx: Ctx, c: Cand) -> tuple[OrgEntry, int] | None:
    for k in range(c.i + 1, c.j):
        m = entry_at(ctx, k)
        if m is not None and not m[1].generic and m[0] <= c.j:
            return m[1], k
    return None


def with_media(ctx: Ctx, mentions: list[Mention]) -> list[Mention]:
    """News outlets, flagged media; an outlet's name overrides an organisation found at the same place."""
    found: list[Mention] = []
    platforms = {(m.start, m.end) for m in mentions if m.source == WEB_NAME_SOURCE}
    for pattern, rule, name, literal in ctx.lex.media:
        if literal not in ctx.text:  # "" for a rule's own pattern: always tried
            continue
        for m in pattern.finditer(ctx.text):
            s, e = (m.span("name") if "name" in pattern.groupindex else m.span())
            if s == e or any(ctx.excluded[k] for k, t in enumerate(ctx.toks) if t.start < e and s < t.end):
                continue
            if any(f.start < e and s < f.end for f in found):
                continue
            if not name and (s, e) in platforms and str(rule.get("name") or "").startswith("("):
                continue  # an unknown web name the article calls a platform: a body, no news site
            text = ctx.text[s:e]
            if not name and (ctx.lex.is_region(text) or tuple(text.casefold().split()) in ctx.lex.place_words):
                continue  # "REPUBLIKA.CO.ID, UNGARAN --": the second part is the city
            outlet = name if name and not name.startswith("(") else clean_org_name(text)
            value: OrgValue = {"name": clean_org_name(text), "kind": "media", "role": None, "acronym": None,
                               "media": True, "outlet": outlet, "base": "media:" + ctx.lex.key(outlet)}
            found.append(Mention("org", text, s, e, rule.source, as_value(value), label="media"))
    keep = [m for m in mentions if not any(f.start <= m.start and m.end <= f.end for f in found)]
    return sorted(keep + found, key=lambda m: m.start)
