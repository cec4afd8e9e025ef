"""The evidence about names that one article gives (the sets of ``tokens.Doc``): words seen alone where a speaker
stands, words seen after a place or organisation word or inside someone's position, the model's plausible names.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.names import clean_person_name

from .candidate import Cand
from .gate import ner_name
from .names import Name
from .official_places import village_words
from .patterns import anchored, apposition, speaker_verb_at
from .titled import titled
from .words import keys

if TYPE_CHECKING:
    from .tokens import Doc


def collect(doc: Doc) -> None:
    """Fill the evidence sets of ``doc`` (see ``tokens.Doc``) in one pass over the tokens."""
    for i in range(doc.n):
        _note_places(doc, i)
        _note_group(doc, i)
        if doc.is_acronym(i) and len(doc.toks[i].text) > 4:
            doc.place_words.add(doc.keys[i])  # a word in capitals (a dateline) is no name
        _note_speakers(doc, i)
        _note_nicknamed(doc, i)
        _note_addressed(doc, i)
        _note_subject(doc, i)
    doc.pattern_names = set(doc.known_names)
    _unblock_quoted_names(doc)
    _keep_plausible_model_names(doc)


def _note_places(doc: Doc, i: int) -> None:
    """The capitalised words after "Desa", "PT", "di" at token i: all of a short run, the first of a long one
    (in "PT Sinar Tirta Rudi Hartono" a name may follow the organisation)."""
    r, k = doc.lex.match(doc.lex.cue("place_or_org"), doc.keys, i)
    if r is None or _inside_position(doc, i) or _described_person_after(doc, i + k):
        return
    j = i + k
    while j < doc.n and doc.is_cap(j) and doc.same_phrase(j) and j - (i + k) < 6:
        j += 1
    if (j - (i + k) >= 2 and doc.degrees_start(j)) or (j - (i + k) == 2 and (
            speaker_verb_at(doc, j) or _person_after_village(doc, i + k))):
        # "Dinas Pertanian Haryanto, SP.": degrees follow a person's name, not a place's; "Kasi Pemerintahan
        # Kecamatan Sukaraja Darmin menyampaikan": a place speaks no words, the person named after it does
        j -= 1
    run = range(i + k, j) if j - (i + k) <= 2 and not doc.toks[i].text.islower() else range(i + k, min(j, i + k + 1))
    doc.place_words.update(doc.keys[x] for x in run)


def _described_person_after(doc: Doc, j: int) -> bool:
    """"dari Nurhayati, perajin anyaman bambu": one capitalised word after a cue, then a comma and a lowercase
    position: a person described, not a place."""
    return (j + 2 < doc.n and doc.is_cap(j) and doc.keys[j + 1] == "," and doc.toks[j + 2].text.islower()
            and (j + 2) in doc.head_at and not doc.toks[j - 1].text[:1].isupper())


def _person_after_village(doc: Doc, v: int) -> bool:
    """"Kepala Desa Sukorame Rahmadi": a village's name at token v, and the model reads a person's name ending
    with the word after it."""
    return doc.keys[v] in village_words() and doc.model_person_at(v + 1, v + 2) is not None


def _inside_position(doc: Doc, i: int) -> bool:
    """"Menteri Desa Yandri Susanto": token i is part of a position here (its head takes no place after it)."""
    heads = doc.lex.heads
    return any(h < i < h + n and not heads[tuple(doc.keys[h:h + n])].get("place_after")
               for h, n in ((h, doc.head_at[h]) for h in range(max(0, i - 3), i) if h in doc.head_at))


def _note_group(doc: Doc, i: int) -> None:
    """"para Ibu Bhayangkari": the word after a group word and a form of address names a group, not a person."""
    r, k = doc.lex.match(doc.lex.cue("group"), doc.keys, i)
    if r is not None and i + k < doc.n:
        j, hon = doc.skip_honorifics(i + k)
        if hon and j < doc.n:
            doc.group_words.add(doc.keys[j])


def _note_speakers(doc: Doc, i: int) -> None:
    """"ujar Rudi", "Menurut Rudi": a name where a speaker stands."""
    lex = doc.lex
    for table in (lex.before, lex.cue("intro")):
        r, k = lex.match(table, doc.keys, i)
        if r is not None and i + k < doc.n and (i + k) not in doc.head_at:
            nm = doc.parse_name(i + k)
            if nm and not doc.followed_by_cap(nm.after):
                note_person(doc, nm, strong=True)


def _note_nicknamed(doc: Doc, i: int) -> None:
    """"Yadi, panggilan akrab Suryadi": one-word names on either side of a nickname cue."""
    lex = doc.lex
    for kind in ("nickname_before", "nickname_after"):
        r, k = lex.match(lex.cue(kind), doc.keys, i)
        if r is not None and i + k < doc.n:
            for nm in (doc.parse_name(i + k), doc.name_before(i)):
                if nm and nm.b - nm.a == 1:
                    note_person(doc, nm, strong=True)


def _note_addressed(doc: Doc, i: int) -> None:
    """"Pak Rudi": a name after a form of address, unless a group word comes first ("para Ibu")."""
    lex = doc.lex
    if doc.keys[i] in lex.speaker_addresses and doc.is_cap(i) and not lex.ends(lex.cue("group"), doc.keys, i)[0]:
        nm = doc.parse_name(i)
        if nm and nm.honorific and not doc.followed_by_cap(nm.after):
            note_person(doc, nm, strong=True)


def _note_subject(doc: Doc, i: int) -> None:
    """"Rudi menambahkan": a name starting a clause before a speech verb at token i (weak evidence)."""
    lex = doc.lex
    r, k = lex.match(lex.after, doc.keys, i)
    if r is not None and i > 0 and not r.get("weak"):
        nm = doc.name_before(i)
        if nm and doc.starts_clause(nm.h0):
            note_person(doc, nm, strong=False)


def _unblock_quoted_names(doc: Doc) -> None:
    """An organisation span that is exactly a span the model calls a person, with a word quoted as a speaker
    ("Natalius Pigai" ... "kata Natalius"), blocks no name."""
    ner_set = set(doc.ner_people)
    doc.org_spans = [sp for sp in doc.org_spans if sp not in ner_set or not any(
        k in doc.person_strong for k in keys(doc.text[sp[0]:sp[1]]))]


def _keep_plausible_model_names(doc: Doc) -> None:
    """Only the model's PER spans that ``gate.ner_name`` accepts stay; their names are known names."""
    ner_people = doc.ner_people
    doc.ner_people = []
    for s, e in ner_people:
        nm = ner_name(doc, s, e)
        if nm is not None:
            doc.ner_people.append((s, e))
            doc.ner_items[nm.h0] = nm.after
    for s, e in doc.ner_people:
        doc.known_names.add(clean_person_name(doc.text[s:e], doc.lex.rules).casefold())


def note_person(doc: Doc, nm: Name, strong: bool) -> None:
    if nm.b - nm.a == 1:
        (doc.person_strong if strong else doc.person_weak).add(doc.keys[nm.a])
    elif strong:
        doc.known_names.add(doc.clean_name(nm.a, nm.b).casefold())


def note_title_words(doc: Doc, c: Cand) -> None:
    """Capitalised words inside someone's position name an organisation or a place."""
    if not c.title:
        return
    a, b = c.title
    for j in range(a, b):
        if doc.is_cap(j) and j not in doc.head_at and not (c.a <= j < c.b):
            doc.place_words.add(doc.keys[j])


def first_look(doc: Doc) -> None:
    """A first look at positions tells which words belong to organisations and places, and which people are
    named with a position set apart by a comma ("Bupati Sukamaju, Ratna Dewi Lestari," makes a later "Bupati
    Ratna" a person)."""
    for c in titled(doc, []) + apposition(doc) + anchored(doc):
        note_title_words(doc, c)
        if c.title and c.comma and c.title[1] <= c.a and c.b - c.a > 1 and not doc.in_heading(c.a) and not any(
                j in doc.place_toks for j in range(c.a, c.b)):  # not an official place ("..., Pidie Jaya,")
            note_person(doc, Name(c.a, c.b, c.b, False, c.a), strong=True)
            first = next(j for j in range(c.a, c.b) if doc.is_name_word(j))
            doc.person_strong.add(doc.keys[first])
