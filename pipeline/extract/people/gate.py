"""Accepting a candidate as a person: which of the model's PER spans the article makes plausible (``ner_name``,
``person_evidence``; why, see the package docstring), and which candidates survive, one per name span
(``resolve``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .candidate import Cand
from .names import Name
from .patterns import affiliation_end, anchor_before, speaker_verb_at
from .words import AND_WORDS, NAME_JOINERS

if TYPE_CHECKING:
    from .tokens import Doc


# --- the model's names ------------------------------------------------------------
def ner_name(doc: Doc, s: int, e: int) -> Name | None:
    """The name an NER PER span holds, when the article makes it plausible that it is a person's.

    The model tags capitalised common words ("Pelatihan", "Sekadar"), programme and organisation names
    and places as PER on this text, so a span must be a name of two or more words, all of them name
    words, that is neither inside an organisation, nor a place, nor part of a longer capitalised name.
    """
    nm = span_name(doc, s, e)
    if nm is None:
        return None
    words = [j for j in range(nm.a, nm.b) if doc.toks[j].kind == "w" and len(doc.toks[j].text) > 1]
    if len(words) < 2 or doc.in_org(nm.a, nm.b) or doc.in_heading(nm.a):
        return None
    if any(doc.is_place(j) for j in words):
        return None
    if _ends_a_longer_name(doc, honorifics_before(doc, nm.h0)) or _more_than_a_name(doc, nm):
        return None
    return nm


def honorifics_before(doc: Doc, h: int) -> int:
    """The first of the honorifics written right before token h ("Pastor", "Alm. Bripka"), else h: the model's
    span often leaves them out, and they make no longer name of it."""
    while h > 0:
        k = h - 2 if h >= 2 and doc.keys[h - 1] == "." else h - 1
        m = doc.lex.words.honorific_re.match(doc.text, doc.toks[k].start)
        if not (doc.honorific_at(k) and m and doc.tok_at_or_after(m.end(), k + 1) == h and doc.same_phrase(h)):
            return h
        h = k
    return h


def span_name(doc: Doc, s: int, e: int) -> Name | None:
    """The name the chars s..e hold when every word of it is a name word (degrees after it kept)."""
    a = doc.tok_at_or_after(s)
    b = doc.tok_at_or_after(e, a)
    if a < b - 1 < doc.n and doc.toks[b - 1].glued and doc.toks[b - 1].text[0].islower():
        b -= 1  # the model's span ran on into a verb glued to the name ("Subektitidak"): the name ends before it
    if a + 2 < b and doc.toks[a + 1].glued and doc.is_cap(a + 1) and (doc.in_org(a, a + 1) or doc.is_place(a)):
        a += 1  # "AstraBondan Susilo", "JakartaMargaretha Subekti": a body or a place (a dateline) lost its space
        # before the name, and the model's span took it in
    if b <= a or a >= doc.n:
        return None
    nm = doc.parse_name(a)
    if nm is None:
        return None
    if nm.b < b and nm.after < b:
        return None  # a word of the span is no name word (stop word, title, derived noun, acronym)
    return Name(nm.a, b, b, nm.honorific, nm.h0) if nm.b > b else nm  # (a span ending in degrees keeps them)


def _ends_a_longer_name(doc: Doc, h: int) -> bool:
    """"Nomor Induk Berusaha", "Sanggar Kriya Lestari ...": a capitalised word before token h (not a position
    word, a sentence start or a speaker's verb) makes the span the end of a longer name."""
    return (h > 0 and doc.same_phrase(h) and doc.is_cap(h - 1) and not doc.starts_sentence(h - 1)
            and (h - 1) not in doc.head_at and doc.keys[h - 1] not in doc.lex.title_words
            and not anchor_before(doc, h))


def _more_than_a_name(doc: Doc, nm: Name) -> bool:
    """What follows the span makes it part of something else, or not a person's name."""
    j = nm.after
    if j == nm.b and doc.followed_by_cap(j):
        return True  # more capitalised words run on (after degrees the name has surely ended)
    if nm.h0 > 0 and doc.toks[nm.h0 - 1].text == "(" and j < doc.n and doc.toks[j].text == ")":
        return True  # "(Kabar Lestari)": a name alone in brackets is an outlet or a credit, not a person
    if j + 2 < doc.n and doc.toks[j].text == "(" and doc.is_cap(j + 1) and doc.toks[j + 2].text in {")", "/"}:
        return True  # "Jumat Berkah (Jumber)": a name given a short form is a term, not a person
    # "Green Village and Beyond", "Bank of ...": the start of a longer name
    return j + 1 < doc.n and doc.keys[j] in NAME_JOINERS and doc.same_phrase(j + 1) and doc.is_cap(j + 1)


def person_evidence(doc: Doc, nm: Name) -> bool:
    """Whether the article, not only the model, says that a name without a position is a person's.

    The model also tags business, partner and venue names as PER ("Madu Sejahtera", "Joint Venture",
    "Halim Kusumajaya"); a person's name in news is usually also quoted, addressed or introduced:
    a pattern found the same name elsewhere, one of its words stands alone where a speaker stands
    ("ujar Rudi"), an honorific comes before it or degrees after it, a speech verb or an introducing
    cue touches it, or commas set it off as the subject of an apposition ("Rudi Hartawan, petani ...").
    """
    lex = doc.lex
    if nm.honorific or nm.after > nm.b or (nm.h0 > 0 and doc.honorific_at(nm.h0 - 1)):
        return True  # "H. Lalu Sapturadi", "Yohanes Ontot, S.Sos.": titles of persons
    if _aged(doc, nm.after):
        return True  # "Soleh (46), mengaku ...": only people are given an age in brackets
    if doc.clean_name(nm.a, nm.b).casefold() in doc.pattern_names:
        return True
    if any(doc.is_person_word(doc.keys[j]) for j in range(nm.a, nm.b)):
        return True
    start = nm.h0 - 1 if nm.h0 > 0 and doc.keys[nm.h0 - 1] in {",", ":"} else nm.h0
    if any(lex.ends(table, doc.keys, start)[0] is not None
           for table in (lex.before, lex.cue("intro"), lex.cue("intro_weak"))):
        return True  # "ujar", "Menurut", "bersama", "bernama", "yakni" + the name
    if _listed_with_person(doc, nm):
        return True
    j = nm.after + 1 if nm.after < doc.n and doc.keys[nm.after] == "," else nm.after
    if lex.match(lex.after, doc.keys, j)[0] is not None:
        return True
    if start == nm.h0 and j > nm.after and _subject_of_position(doc, nm, j):
        return True
    # set off by commas inside a running clause ("desainer asal Bandung, Laras Wiradinata, serta ..."),
    # unlike one item of a list of places or venues ("Golf Club, Halim Kusumajaya, Jakarta")
    return ((start < nm.h0 or doc.starts_sentence(nm.h0)) and j > nm.after and j < doc.n
            and doc.toks[j].kind == "w" and doc.toks[j].text.islower())


def _aged(doc: Doc, j: int) -> bool:
    """Brackets holding an age (a number from 1 to 119) open at token j: "(46)"."""
    if not (j + 2 < doc.n and doc.toks[j].text == "(" and doc.toks[j + 2].text == ")"):
        return False
    age = doc.toks[j + 1].text
    return age.isdigit() and 0 < int(age) < 120


def _subject_of_position(doc: Doc, nm: Name, j: int) -> bool:
    """"Sulastri, Kepala Bidang X Dinas Y, mengatakan": a name opening the sentence, a comma, a position (a head at
    token j) whose run ends at a comma before a speaker's verb: the sentence's subject is introduced by its position."""
    if not (doc.starts_sentence(nm.h0) and j in doc.head_at):
        return False
    e = doc.title_end(j + doc.head_at[j], first=True)
    return e < doc.n and doc.keys[e] == "," and speaker_verb_at(doc, e)


def _listed_with_person(doc: Doc, nm: Name) -> bool:
    """One item of a list whose next or previous item is another of the model's names ("yakni Didi Budiman,
    Denny Wirawan, dan Oscar Lata"; "Dr Ibrahim Chalid, Ade Ikhsan MA, Iromi Ilham MA"): people are
    listed with people. An item may keep its degrees, or an affiliation in brackets ("Isak Jenie (JAS)")."""
    def after_sep(j: int) -> int | None:
        """The first token of the next item, when token j separates two items."""
        if j < doc.n and doc.keys[j] == ",":
            j += 1
            if j < doc.n and doc.keys[j] in AND_WORDS:
                j += 1
        elif j < doc.n and doc.keys[j] in AND_WORDS:
            j += 1
        else:
            return None
        return j if j < doc.n and doc.same_phrase(j) else None

    nxt = after_sep(affiliation_end(doc, nm.after))
    if nxt is not None and nxt != nm.h0 and nxt in doc.ner_items:
        return True
    for h0, after in doc.ner_items.items():
        if h0 < nm.h0 and after_sep(affiliation_end(doc, after)) == nm.h0:
            return True
    return False


# --- all candidates ---------------------------------------------------------------
def _plausible(doc: Doc, c: Cand) -> bool:
    """Drop names that the rest of the article shows to be places, organisations or headings."""
    words = [doc.keys[j] for j in range(c.a, c.b) if doc.toks[j].kind == "w" and len(doc.keys[j]) > 1]
    if not words:
        return False
    if c.source != "ner" and c.name.casefold() not in doc.known_names:
        if any(doc.is_place(j) for j in range(c.a, c.b) if doc.toks[j].kind == "w"):
            return False
    if _inside_org(doc, c):
        return False  # "Kedai Kopi Mbah Marto": the honorific and the name are the business's name
    if doc.in_heading(c.a) and not (c.title and c.comma and _named_again(doc, c)):
        return False
    if c.weak and not doc.is_person_word(words[0]) and c.name.casefold() not in doc.known_names:
        return False
    return True


def _inside_org(doc: Doc, c: Cand) -> bool:
    """An honorific and the name after it lie inside one organisation name that starts before them ("Kedai Kopi
    Mbah Marto", "Warung Bu Sri"): a business named after its founder. Without the honorific an organisation
    span that ends in a name is more often one that ran on into the person ("Kadis PMD Sumarni")."""
    h = c.a - 1
    while h >= 0 and doc.toks[h].text == ".":
        h -= 1
    if h < 1 or not doc.honorific_at(h):
        return False
    s, e = doc.toks[h].start, doc.toks[c.b - 1].end
    return any(os < s and e <= oe for os, oe in doc.org_spans)


def _named_again(doc: Doc, c: Cand) -> bool:
    """A name in a headline ("Menteri X Cek Lapas, Ingatkan soal ...") is a person's when the article names
    them again: the same name, or one of its words where a person stands."""
    if c.name.casefold() in doc.known_names or doc.text.count(c.name) > 1:
        return True
    return any(doc.is_person_word(doc.keys[j]) for j in range(c.a, c.b) if doc.toks[j].kind == "w")


def resolve(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """One candidate per name span: the strongest, then the one with the longest position."""
    for c in cands:
        c.name = doc.clean_name(c.a, c.b)
    cands = [c for c in cands if c.name and _plausible(doc, c)]

    def rank(c: Cand):
        return (c.strength, bool(c.title), c.b - c.a, (c.title[1] - c.title[0]) if c.title else 0)

    kept: list[Cand] = []
    for c in sorted(cands, key=rank, reverse=True):
        clash = [k for k in kept if k.a < c.b and c.a < k.b]
        # the same name given a second position by a cue ("pimpinan X ... yang juga mitra binaan Y") is
        # kept too; a second one after a mere comma is usually the next clause ("Darto, peserta akan ...")
        if not clash or (c.title and all((k.a, k.b) == (c.a, c.b) and k.title != c.title and (c.cue or k.cue)
                                         for k in clash)):
            kept.append(c)
    return kept
