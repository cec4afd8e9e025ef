"""What each learned decision reads: features built from what the rules and the model already found.

One function per decision. Detection is one feature set per article; the others give one feature set
per candidate (a count, a proposed programme name, a date). The same code builds the features at
training time (``learn.py``) and at run time (``Decider``), so the two can never drift apart.
Features are plain ``{name: number}``; a model ignores names it has no weight for.
"""
from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, AbstractSet, Any

from ..names import LEGAL_WORDS
from ..types import Article, Mention

if TYPE_CHECKING:
    from ..normalize.orgs import OrgGroup

WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
LEAD_CHARS = 600
# words that introduce what a source said: a date right after them dates the speech (not the article)
REPORT_CUE = re.compile(
    r"\b(?:kata|ujar|ucap|jelas|tutur|ungkap|sebut|terang|tegas|papar|imbuh|lanjut|menurut|mengatakan|"
    r"menjelaskan|menyampaikan|wartawan|dikonfirmasi|dihubungi|ditemui|katanya|"
    r"ujarnya|jelasnya|tuturnya|ungkapnya)\w*\b[^.!?\n]{0,70}$", re.IGNORECASE)
# a press release or written statement: its date is the article's own when the page gives no stamp
PRESS_CUE = re.compile(r"\b(?:siaran\s+pers|keterangan\s+(?:tertulis|resmi|pers)|keterangannya|rilis|"
                       r"press\s+release|pernyataan\s+tertulis)\w*\b[^.!?\n]{0,50}$", re.IGNORECASE)
# a date quoted from elsewhere ("dikutip dari Antara, Selasa (10/6/2025)"): never the article's
CITED_CUE = re.compile(r"\b(?:dikutip|mengutip|dilansir|melansir|diberitakan|seperti\s+dilihat)\b[^.!?\n]{0,60}$",
                       re.IGNORECASE)
PAREN_DATE = re.compile(r"\(\s*\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4}\s*\)\s*$")


@dataclass
class Evidence:
    """Everything the extractors found in one article, as the decisions read it."""

    article: Article
    title: tuple[int, int] | None
    dateline: tuple[int, int] | None
    facts: Any            # extract.programme.ProgrammeFacts
    orgs: list[Mention]
    people: list[Mention]
    places: list[Mention]
    dates: list[Mention]
    counts: list[Mention]
    legal: AbstractSet[str] = LEGAL_WORDS  # what organisation names are compared without (the org extractor's)

    @property
    def text(self) -> str:
        return self.article.text

    def title_text(self) -> str:
        t = self.article.meta.get("title")
        if t:
            return str(t)
        return self.text[self.title[0]:self.title[1]] if self.title else self.text[:150]

    def in_title(self, start: int) -> bool:
        return self.title is not None and self.title[0] <= start < self.title[1]


def _log(n: float) -> float:
    return math.log1p(max(n, 0.0))


def words(text: str) -> set[str]:
    return {w.casefold() for w in WORD.findall(text)}


# --- programme detection (one per article) -------------------------------------------------------

def detection(ev: Evidence) -> dict[str, float]:
    """What the rules found, counted: cue weights, activities, counts, entities, genres, setting. No bag of
    words: with the headline, lead and body words (8,500 features) the model learnt the topics of the training
    sources; without them its 5-fold CV is a point higher under three fold assignments (0.944 against 0.935),
    and fitted on one gold set it scores the other better (corpus to news 0.927 against 0.909, news to corpus
    0.946 against 0.936)."""
    f = ev.facts
    pos = sum(c.value["weight"] * math.log2(1 + c.value["hits"]) for c in f.cues if c.value["weight"] > 0)
    neg = -sum(c.value["weight"] * math.log2(1 + c.value["hits"]) for c in f.cues if c.value["weight"] < 0)
    title_cues = [c for c in f.cues if ev.in_title(c.start)]
    lead_cues = [c for c in f.cues if c.start < LEAD_CHARS]
    live_counts = [m for m in ev.counts if not m.excluded and m.value.get("count") is not None]
    people_counts = [m for m in live_counts if m.value.get("cls") in ("person", "business", "group")]
    orgs = [m for m in ev.orgs if not m.excluded]
    kinds = {m.label or m.value.get("kind") or "other" for m in orgs}
    people = [m for m in ev.people if not m.excluded]
    feats: dict[str, float] = {
        "rule_score": f.score, "rule_programme": float(f.is_programme),
        "cue_pos": _log(pos), "cue_neg": _log(neg),
        "cue_pos_title": _log(sum(c.value["weight"] for c in title_cues if c.value["weight"] > 0)),
        "cue_neg_title": _log(-sum(c.value["weight"] for c in title_cues if c.value["weight"] < 0)),
        "cue_pos_lead": _log(sum(c.value["weight"] for c in lead_cues if c.value["weight"] > 0)),
        "n_counts": _log(len(live_counts)), "n_people_counts": _log(len(people_counts)),
        "has_total": float(any(m.value.get("total") for m in live_counts)),
        "n_orgs": _log(len(orgs)), "n_people": _log(len(people)),
        "n_titled_people": _log(sum(1 for m in people if m.value.get("title"))),
        "n_places": _log(len([m for m in ev.places if not m.excluded])),
        "n_activities": _log(len(f.activities)),
        "has_named_programme": float(f.name_mention is not None and f.name_mention.value.get("pattern") != "description"),
        "has_description": float(f.name_mention is not None),
        "length": _log(len(ev.text) / 1000),
    }
    for k in kinds:
        feats[f"org_kind:{k}"] = 1.0
    feats.update(_genre_features(ev))
    feats.update(_activity_features(ev, people_counts))
    feats.update(_setting_features(ev))
    return feats


SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")
STRONG_CUE = 1.0  # a cue word of at least this weight names programme work ("pelatihan"), not a setting ("desa")
LOCAL_LEVELS = ("kecamatan", "kelurahan", "desa", "dusun")


def _genre_features(ev: Evidence) -> dict[str, float]:
    """How often each genre of rules/programme_genres.jsonl occurs in the headline, the lead, the text: a
    fact check, an explainer, commentary, statistics or court news talks about programmes without reporting one."""
    title, lead, body = Counter(), Counter(), Counter()
    for m in getattr(ev.facts, "genres", None) or []:
        g = m.value["genre"]
        for start in m.value["starts"]:
            body[g] += 1
            lead[g] += start < LEAD_CHARS
            title[g] += ev.in_title(start) or (ev.title is None and start < 150)
    out = {f"genre_title:{g}": 1.0 for g, n in title.items() if n}
    out.update({f"genre_lead:{g}": _log(n) for g, n in lead.items() if n})
    out.update({f"genre:{g}": _log(n) for g, n in body.items() if n})
    return out


def _activity_features(ev: Evidence, people_counts: list[Mention]) -> dict[str, float]:
    """Is a concrete activity reported: a sentence holding both a programme cue word and an activity word
    (genre ``activity``: menggelar, diikuti, menyerahkan ...), with a count of participants in it, near the
    top; and how deep in the text the first programme cue word comes."""
    text = ev.text
    cues = [s for s, w in (getattr(ev.facts, "cue_hits", None) or []) if w >= STRONG_CUE]
    acts = sorted(s for m in (getattr(ev.facts, "genres", None) or []) if m.value["genre"] == "activity"
                  for s in m.value["starts"])
    counted = sorted(m.start for m in people_counts)
    n_act = n_counted = 0
    first = None
    for sent in SENTENCE.finditer(text):
        s, e = sent.span()
        if _any_in(cues, s, e) and _any_in(acts, s, e):
            n_act += 1
            first = s if first is None else first
            n_counted += _any_in(counted, s, e)
    first_cue = cues[0] if cues else None
    return {"activity_sentences": _log(n_act), "activity_sentences_counted": _log(n_counted),
            "activity_in_lead": float(first is not None and first < LEAD_CHARS),
            "first_cue_depth": first_cue / (len(text) or 1) if first_cue is not None else 1.0,
            "cue_on_top": float(first_cue is not None and (first_cue < LEAD_CHARS or ev.in_title(first_cue)))}


def _any_in(starts: list[int], s: int, e: int) -> bool:
    i = bisect.bisect_left(starts, s)
    return i < len(starts) and starts[i] < e


def _setting_features(ev: Evidence) -> dict[str, float]:
    """Where and when: villages and districts, days, organisations in a programme role (a local event has
    them; national policy, statistics and commentary mostly do not)."""
    levels = [m.value.get("level") or m.label for m in ev.places if not m.excluded]
    days = [m for m in ev.dates if not m.excluded and m.value.get("granularity") == "day" and m.value.get("start")]
    out = {"n_local_places": _log(sum(1 for lv in levels if lv in LOCAL_LEVELS)),
           "n_regency_places": _log(sum(1 for lv in levels if lv in ("kabupaten", "kota"))),
           "n_day_dates": _log(len(days)), "day_date_in_lead": float(any(m.start < LEAD_CHARS for m in days))}
    for role in {m.value.get("role") for m in ev.orgs if not m.excluded} - {None}:
        out[f"org_role:{role}"] = 1.0
    return out


# --- which count is the total (one per count) ----------------------------------------------------

def count_candidates(ev: Evidence) -> list[tuple[Mention, dict[str, float]]]:
    live = [m for m in ev.counts if not m.excluded and m.value.get("count") is not None]
    if not live:
        return []
    n = len(ev.text) or 1
    values = [m.value["count"] for m in live]
    people = [m.value["count"] for m in live if m.value.get("cls") in ("person", "business")]
    parts = [m.value["count"] for m in live if m.value.get("part") and not m.value.get("subset")]
    out = []
    first_seen: dict[int, int] = {}
    for i, m in enumerate(live):
        first_seen.setdefault(m.value["count"], i)
    for i, m in enumerate(live):
        v = m.value
        c = v["count"]
        feats = {
            "rule_total": float(bool(v.get("total"))), "part": float(bool(v.get("part"))),
            "subset": float(bool(v.get("subset"))), "approx": float(bool(v.get("approx"))),
            f"cue:{v.get('cue', 'none')}": 1.0, f"cls:{v.get('cls', 'person')}": 1.0,
            f"pattern:{v.get('pattern', '')}": 1.0, f"not_total:{v.get('not_total') or 'no'}": 1.0,
            "log_count": _log(c), "position": m.start / n, "in_title": float(ev.in_title(m.start)),
            "in_lead": float(m.start < LEAD_CHARS), "order": _log(i), "first_of_value": float(first_seen[c] == i),
            "repeats": _log(values.count(c) - 1), "is_max": float(c == max(values)),
            "is_max_people": float(bool(people) and c == max(people)),
            "equals_parts": float(len(parts) >= 2 and c == sum(parts)),
            "single": float(len(live) == 1),
        }
        out.append((m, feats))
    return out


# --- which phrase names the programme (one per proposed name) --------------------------------------

def name_candidates(ev: Evidence) -> list[tuple[Mention, dict[str, float]]]:
    cands = list(getattr(ev.facts, "name_candidates", []) or [])
    if not cands:
        return []
    title_words = words(ev.title_text())
    org_spans = [(m.start, m.end) for m in ev.orgs if not m.excluded]
    chosen = ev.facts.name_mention
    names = [m.value["name"].casefold() for m in cands]
    folded = ev.text.casefold()
    cue_starts = sorted(st for st, _ in (getattr(ev.facts, "cue_hits", None) or []))
    entity_words = _entity_words(ev)
    out = []
    for i, m in enumerate(cands):
        name = m.value["name"]
        ws = words(name)
        pattern = m.value.get("pattern", "")
        feats = {
            f"pattern:{pattern}": 1.0, "priority": float(m.value.get("priority", 0)),
            "description": float(pattern == "description"),
            "rule_choice": float(chosen is not None and chosen.start == m.start and chosen.end == m.end),
            # no relative position: its weight changed sign between a fit on the corpus and one on the news gold
            "in_title": float(ev.in_title(m.start)), "in_lead": float(m.start < LEAD_CHARS),
            "n_words": _log(len(name.split())), "title_overlap": len(ws & title_words) / (len(ws) or 1),
            "mentions": _log(folded.count(name.casefold()) - 1), "order": _log(i),
            "inside_org": float(any(s <= m.start and m.end <= e for s, e in org_spans)),
            "overlaps_org": float(any(s < m.end and m.start < e for s, e in org_spans)),
            "capitalised": _capitalised(name, pattern == "description" and _sentence_start(ev.text, m.start)),
            "has_digit": float(any(ch.isdigit() for ch in name)),
            "proposed_twice": float(names.count(name.casefold()) > 1),
        }
        feats.update(_name_words(name, m, ev, cue_starts, entity_words, title_words))
        # the kind of activity it names (a head word of rules/programme_phrases.jsonl), never the word itself:
        # a first word such as a company's name would only memorise the training articles
        feats[f"head:{m.value.get('head') or 'other'}"] = 1.0
        out.append((m, feats))
    return out


# grammatical words: never a name's own word ("pelatihan bagi petani": "bagi" says nothing of which programme)
FUNCTION_WORDS = frozenset("""ini itu yang dan atau di ke dari untuk dengan oleh akan telah sudah belum jika bila
malah tak tidak bukan juga pun agar saat ketika karena bagi pada para kini masih bisa dapat""".split())
TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
MONEY_RE = re.compile(r"\bRp\.?\s?\d")


def _entity_words(ev: Evidence) -> dict[str, set[str]]:
    """The words (casefolded, three letters or more) of the people's, places' and organisations' names."""
    out: dict[str, set[str]] = {"person": set(), "place": set(), "org": set()}
    for kind, ms in (("person", ev.people), ("place", ev.places), ("org", ev.orgs)):
        for m in ms:
            if not m.excluded:
                out[kind] |= words(str(m.value.get("name") or m.text))
    return out


def _name_words(name: str, m: Mention, ev: Evidence, cue_starts: list[int], entity: dict[str, set[str]],
                title_words: set[str]) -> dict[str, float]:
    """What a proposed name is made of: programme cue words (all of them: "pemberdayaan masyarakat", "Pemberian
    bantuan" describe any programme, they name none), a person's, place's or organisation's name words (a
    headline fragment "Gus Ipul"), money ("di Bawah Rp14 M"); and how much of the headline its own words (those
    no cue word covers) make: a generic phrase shares the headline's cue words, a name shares its own."""
    tokens = TOKEN.findall(name)
    ws = [w.casefold() for w in tokens if len(w) >= 3 and not w.isdigit()]
    n = len(ws) or 1
    cued_at = set(cue_starts[bisect.bisect_left(cue_starts, m.start):bisect.bisect_left(cue_starts, m.end)])
    cued = min(len(cued_at), len(ws))
    # its own words: those no cue word covers, grammatical words aside (read in the text when the name is it)
    if ev.text[m.start:m.end] == name:
        own = {t.group().casefold() for t in TOKEN.finditer(ev.text, m.start, m.end)
               if t.start() not in cued_at and len(t.group()) >= 3}
    else:
        own = set(ws[cued:])
    own = {w for w in own if w not in FUNCTION_WORDS and not w.isdigit()}
    return {
        "cue_share": cued / n, "only_cue_words": float(bool(ws) and cued >= len(ws)),
        "own_title_overlap": len(own & title_words) / len(own) if own else 0.0, "own_words": _log(len(own)),
        "person_words": sum(1 for w in ws if w in entity["person"]) / n,
        "place_words": sum(1 for w in ws if w in entity["place"]) / n,
        "org_words": sum(1 for w in ws if w in entity["org"]) / n,
        "money": float(bool(MONEY_RE.search(name))),
    }


def _sentence_start(text: str, start: int) -> bool:
    """Whether ``start`` begins a sentence (the text's start, a new line, or after . ! ? and a quote or bracket)."""
    before = text[max(0, start - 4):start].rstrip(" \t\"'“‘(")
    return not before or before.endswith(("\n", ".", "!", "?", ":"))


def _capitalised(name: str, sentence_initial: bool) -> float:
    """The share of a name's words written with a capital; a description phrase that starts a sentence owes its
    first capital to the sentence ("Pengembangan kawasan wisata ..."), not to being a name."""
    ws = name.split()
    caps = [w[:1].isupper() for w in ws]
    if sentence_initial and caps:
        caps[0] = False
    return sum(caps) / (len(ws) or 1)


# --- which date is the article's own (one per resolved day date) ------------------------------------

def date_candidates(ev: Evidence) -> list[tuple[Mention, dict[str, float]]]:
    text = ev.text
    n = len(text) or 1
    days = [m for m in ev.dates if isinstance(m.value.get("start"), str) and len(m.value["start"]) == 10
            and m.value.get("end") in (None, m.value["start"]) and m.value.get("granularity", "day") == "day"]
    if not days:
        return []
    body = [m for m in days if not m.excluded]
    first_body = body[0].start if body else -1
    latest = max(m.value["start"] for m in days)
    out = []
    for m in days:
        flags = m.value.get("flags") or []
        before = text[max(0, m.start - 90):m.start]
        line_start = text.rfind("\n", 0, m.start) + 1
        feats = {
            "rule_publication": float(m.value.get("kind") == "publication"),
            "excluded": float(m.excluded), "position": m.start / n, "top": float(m.start < 300),
            "in_title": float(ev.in_title(m.start)),
            "dateline": float(ev.dateline is not None and ev.dateline[0] <= m.start < ev.dateline[1] + 3),
            "report_cue": float(REPORT_CUE.search(before) is not None),
            "press_cue": float(PRESS_CUE.search(before) is not None),
            "cited_cue": float(CITED_CUE.search(before) is not None),
            "paren_form": float(PAREN_DATE.search(text[max(0, m.start - 2):m.end + 2]) is not None
                                or text[max(0, m.start - 1):m.start] == "("),
            "has_weekday": float("weekday" in (m.value.get("parts") or {})),
            "first_body_date": float(m.start == first_body), "latest": float(m.value["start"] == latest),
            "line_start": float(not text[line_start:m.start].strip()),
            "weekday_mismatch": float("weekday_mismatch" in flags), "resolved": float(bool(m.value.get("resolved"))),
            "same_date_repeats": _log(sum(1 for d in days if d.value["start"] == m.value["start"]) - 1),
        }
        for fl in flags:
            if fl.startswith("publication_"):
                feats[f"how:{fl[12:]}"] = 1.0
        out.append((m, feats))
    return out


# --- which organisations the record keeps (one per organisation item, and per model name the rules left out) --

VENUE_BEFORE = re.compile(r"\b(?:di|ke|dari)\s*$", re.IGNORECASE)


def org_candidates(ev: Evidence) -> list[tuple[list[Mention], dict[str, float], bool, bool, list[str]]]:
    """The organisation items a record would hold (the rules' own, merged as ``normalize.orgs`` merges them) and
    the model's names the rules left out (mentions marked ``candidate``), each as (mentions, features, proposed by
    the rules, kept by an analyst's alias rule whatever the model says, names). A candidate that would only join
    an item the rules already hold is left out."""
    from ..normalize.orgs import merge_orgs
    from ..normalize.records import NON_ACTOR_KINDS

    def live(m: Mention) -> bool:
        return not m.value.get("media") and not m.value.get("dropped")

    ruled = [it for it in merge_orgs([m for m in ev.orgs if not m.excluded and live(m)], ev.legal)
             if it.get("kind") not in NON_ACTOR_KINDS]
    spare = [it for it in merge_orgs([m for m in ev.orgs if m.excluded and m.value.get("candidate") and live(m)],
                                     ev.legal)
             if it.get("kind") not in NON_ACTOR_KINDS]
    held = {_org_norm(n) for it in ruled for n in [it["name"], *it["aliases"]]}
    spare = [it for it in spare if not {_org_norm(n) for n in [it["name"], *it["aliases"]]} & held]
    titles = [_org_norm(p.value.get("title") or "") for p in ev.people if not p.excluded]
    titles += [_org_norm(p.value.get("organization") or "") for p in ev.people if not p.excluded]
    out = []
    for rule, group in ((True, ruled), (False, spare)):
        for it in group:
            ms = it["mentions"]
            out.append((ms, _org_features(ev, it, ms, rule, titles), rule,
                        any(m.value.get("rule_id") for m in ms), [it["name"], *it["aliases"]]))
    return out


def _org_norm(s: str) -> str:
    return " ".join(re.findall(r"\w+", s.casefold()))


def _org_features(ev: Evidence, it: OrgGroup, ms: list[Mention], rule: bool,
                  titles: list[str]) -> dict[str, float]:
    n = len(ev.text) or 1
    vs = [m.value for m in ms]
    name = it["name"]
    words = name.split()
    norm = _org_norm(name)
    starts = [m.start for m in ms]
    body = [m for m in ms if not ev.in_title(m.start) and not m.value.get("title_line")]
    agree = {v.get("ner") or "none" for v in vs}
    feats: dict[str, float] = {
        "rule": float(rule), "candidate": float(not rule),
        "known": float(any(v.get("base") for v in vs)), "generic": float(any(v.get("generic") for v in vs)),
        "unit": float(any(v.get("unit") for v in vs)), "place": float(any(v.get("place") for v in vs)),
        "legal": float(any(v.get("legal") for v in vs)), "acronym_defined": float(any(v.get("acronym") for v in vs)),
        "linked": float(any(v.get("link") is not None for v in vs)), "form_word": float(any(v.get("form") for v in vs)),
        "mentions": _log(len(ms) - 1), "forms": _log(len({v.get("name") for v in vs}) - 1),
        "title_only": float(not body), "in_lead": float(min(starts) < LEAD_CHARS), "position": min(starts) / n,
        "n_words": _log(len(words)), "one_word": float(len(words) == 1),
        "all_caps": float(name.isupper() and len(words) == 1), "has_digit": float(any(ch.isdigit() for ch in name)),
        "bracket": float("(" in name),
        "ner_same": float("same" in agree), "ner_any": float(bool(agree & {"same", "nested", "overlap"})),
        "ner_person": float("per" in agree),
        "in_person_title": float(bool(norm) and any(f" {norm} " in f" {t} " for t in titles)),
        "after_preposition": float(all(VENUE_BEFORE.search(ev.text[max(0, m.start - 6):m.start]) for m in ms)),
        "role": float(any(v.get("role") for v in vs)),
        "cue_sentence": float(any(_same_sentence(ev.text, m.start, c.start) for m in ms for c in ev.facts.cues)),
    }
    if words:
        feats[f"head:{words[0].casefold()}"] = 1.0
        feats[f"last:{words[-1].casefold()}"] = 1.0
    for v in vs:
        feats[f"origin:{v.get('origin') or 'other'}"] = 1.0
        if v.get("form"):
            feats[f"form:{v['form']}"] = 1.0
    feats[f"kind:{it.get('kind') or 'other'}"] = 1.0
    feats[f"role:{it.get('role') or 'none'}"] = 1.0
    return feats


def _same_sentence(text: str, a: int, b: int) -> bool:
    """Whether offsets a and b lie in one sentence (no full stop or line break between them, at most 300 apart)."""
    lo, hi = min(a, b), max(a, b)
    return hi - lo <= 300 and not re.search(r"[.!?]\s|\n", text[lo:hi])



# --- which people the record keeps (one per person item, and per model PER name the rules turned down) ----------

def person_candidates(ev: Evidence) -> list[tuple[list[Mention], dict[str, float], bool, list[str]]]:
    """The people a record would hold (the rules' own, merged as ``normalize.people`` merges them, the press left
    out) and the model's PER names the rules turned down (mentions marked ``candidate``), each as (mentions,
    features, proposed by the rules, names). A candidate that would only join a person the rules already hold
    is left out."""
    from dataclasses import replace

    from ..normalize.people import PRESS_ROLES, merge_people

    live = [m for m in ev.people if not m.excluded]
    merged = merge_people(live)
    out = [(it["mentions"], _person_features(ev, it, True), True, [it["name"], *it["aliases"]])
           for it in merged if it["role"] not in PRESS_ROLES]
    original: dict[int, Mention] = {}
    copies = []
    for m in ev.people:
        if m.excluded and m.value.get("candidate"):
            copies.append(replace(m, excluded=False))  # merge_people leaves excluded mentions out
            original[id(copies[-1])] = m
    for it in merge_people(copies) if copies else []:
        if len(merge_people(live + it["mentions"])) == len(merged):
            continue  # it would only join a person the rules hold
        it["mentions"] = [original[id(m)] for m in it["mentions"]]
        out.append((it["mentions"], _person_features(ev, it, False), False, [it["name"], *it["aliases"]]))
    return out


def _source_kind(source: str) -> str:
    """"rule:speech_verbs.jsonl:kata" -> "speech_verbs"; "rule:person_cues.jsonl:intro-menurut" -> "person_cues:intro";
    "regex:name_age" -> "name_age"; "ner" -> "ner"."""
    if source.startswith("rule:"):
        _, stem, rid = (source.split(":", 2) + [""])[:3]
        stem = stem.removesuffix(".jsonl")
        return f"{stem}:{rid.split('-')[0]}" if stem == "person_cues" else stem
    return source.split(":", 1)[-1]


def _person_features(ev: Evidence, it: dict[str, Any], rule: bool) -> dict[str, float]:
    ms: list[Mention] = it["mentions"]
    n = len(ev.text) or 1
    vs = [m.value for m in ms]
    words = it["name"].split()
    starts = [m.start for m in ms]
    feats: dict[str, float] = {
        "rule": float(rule), "candidate": float(not rule),
        "mentions": _log(len(ms) - 1), "forms": _log(len({v.get("name") for v in vs}) - 1),
        "pattern_mentions": _log(sum(1 for m in ms if m.source != "ner")),
        "title": float(any(v.get("title") for v in vs)), "organization": float(any(v.get("organization") for v in vs)),
        "alias": float(any(v.get("alias_of") for v in vs)), "relative": float(any(v.get("relative") for v in vs)),
        "title_only": float(all(ev.in_title(s) for s in starts)), "in_lead": float(min(starts) < LEAD_CHARS),
        "position": min(starts) / n, "n_words": _log(len(words)),
        "capitalised": sum(1 for w in words if w[:1].isupper()) / (len(words) or 1),
    }
    for v in vs:
        for s in v.get("signs") or ():
            feats[f"sign:{s}"] = 1.0
    for m in ms:
        feats[f"source:{_source_kind(m.source)}"] = 1.0
    return feats
