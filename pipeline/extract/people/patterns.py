"""The shapes in which news names a person around a cue word, each giving candidates (see the package docstring):

    speech verb / Menurut / oleh + NAME [, POSITION]; NAME [,] + speech verb      ``anchored``
    NAME (AGE)[, POSITION]                                                     ``aged``
    NAME, <who they are>, VERB at a sentence start                             ``opening_apposition``
    NAME [,] selaku|yang juga|salah satu POSITION                              ``apposition``
    Salah satu POSITION ... adalah NAME                                        ``one_of_them``
    Bapak/Ibu NAME                                                             ``honorific``

and the parts they share: the position right after a name, lists of names.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .candidate import Cand
from .names import Name
from .words import AND_WORDS, QUOTES

if TYPE_CHECKING:
    from .tokens import Doc


def title_after_name(doc: Doc, j: int) -> tuple[tuple[int, int] | None, bool]:
    """A position right after a name: ", POSITION", "selaku POSITION", "(45), POSITION".

    Returns the token range (or None) and whether a comma or cue sets it apart.
    """
    lex = doc.lex
    if j >= doc.n or not doc.same_phrase(j):
        return None, False
    if doc.toks[j].text == "(":
        if not _age_at(doc, j):
            return _title_in_brackets(doc, j)
        j += 3  # age: "Darto (45), petani"
    comma = j < doc.n and (doc.toks[j].text == "," or (
        doc.toks[j].text == ":" and j + 1 < doc.n and (j + 1) in doc.head_at))  # "Mr. Liu Qihu: Chief Representative"
    if comma:
        j += 1
    if j >= doc.n or not doc.same_phrase(j):
        return None, False
    r, k = lex.match(lex.appositions, doc.keys, j)  # the longest cue ("yang juga bertindak sebagai")
    if r is not None and j + k < doc.n:
        return _title_after_cue(doc, r["kind"], j + k)
    if j in doc.head_at or (comma and doc.keys[j] in lex.title_words and doc.is_cap(j)):
        e = _before_next_person(doc, j, doc.title_end(j, first=False))
        return ((j, e), comma) if e > j else (None, False)
    return None, False


def affiliation_after(doc: Doc, b: int) -> tuple[int, int] | None:
    """"Dr. Rina Amalia, M.Si dari Fakultas Pertanian Unsri": an affiliation cue (person_cues affiliation) right
    after the name ending before token b (and its degrees, a comma), then an organisation the org extractor found
    starting right after the cue and ending the clause (a sign, "dan" or "serta" next): where the person comes from,
    their position when none was found."""
    j = _past_degrees_and_comma(doc, b)
    if j >= doc.n or not doc.same_phrase(j):
        return None
    r, k = doc.lex.match(doc.lex.cue("affiliation"), doc.keys, j)
    s = j + k
    if r is None or s >= doc.n or not doc.same_phrase(s) or not doc.is_cap(s):
        return None
    start = doc.toks[s].start
    end = max((oe for os, oe in doc.org_spans if os == start), default=None)
    if end is None:  # an organisation the model marks (a faculty, a unit the org extractor leaves out)
        end = max((oe for os, oe, lab in doc.ner_other if os == start and lab == "ORG"), default=None)
    if end is None:
        return None
    e = doc.tok_at_or_after(end, s)
    if e < doc.n and doc.toks[e].kind != "p" and doc.keys[e] not in AND_WORDS:
        return None
    return s, e


def listed_after(doc: Doc, b: int) -> Name | None:
    """The name listed right after the name ending before token b (its degrees, a comma between): "A dan B",
    "A, S.Pd serta B"."""
    j = _past_degrees_and_comma(doc, b)
    if j + 1 >= doc.n or doc.keys[j] not in AND_WORDS or not doc.same_phrase(j + 1):
        return None
    return doc.parse_name(j + 1)


def _past_degrees_and_comma(doc: Doc, b: int) -> int:
    """The token after the name ending before token b, its degrees and a comma after them passed over."""
    j = doc._after_degrees(b)
    return j + 1 if j < doc.n and doc.keys[j] == "," else j


def _before_next_person(doc: Doc, s: int, e: int) -> int:
    """Where a position after a name (tokens s..e) ends when, after a comma in it, a new position run ends in a name
    of two words or more: that is the next person's ("A, sebagai pemain X, perwakilan guru Y Budi Santosa
    sebagai ...")."""
    for k in range(s + 1, e - 2):
        if doc.keys[k] == "," and (k + 1) in doc.head_at and any(
                nm.a > k + 1 and nm.b - nm.a >= 2 and not doc.in_org(nm.a, nm.b) for nm in doc.names_ending_at(e)):
            return k
    return e


def _age_at(doc: Doc, j: int) -> bool:
    """Brackets holding a number open at token j: "(45)"."""
    return j + 2 < doc.n and doc.toks[j + 1].kind == "n" and doc.toks[j + 2].text == ")"


def _title_in_brackets(doc: Doc, j: int) -> tuple[tuple[int, int] | None, bool]:
    """"Ahmad Heryawan (Gubernur Jawa Barat)": the position in the brackets opened at token j, and only that."""
    if j + 1 < doc.n and (j + 1) in doc.head_at:
        e = doc.title_end(j + 1, first=False)
        if e < doc.n and doc.toks[e].text == ")":
            return (j + 1, e), True
        # "Andi (pelatih tari tradisional asal Bali)": the brackets hold only the position, so it runs to their end
        # past the few lowercase words a run allows
        close = doc.bracket_close(j)
        if close is not None and close > e and not any(doc.keys[x] in {",", ";", ":"} for x in range(j + 1, close)):
            return (j + 1, close), True
    return None, False


def _title_after_cue(doc: Doc, kind: str, s: int) -> tuple[tuple[int, int] | None, bool]:
    """The position after an apposition cue ending before token s: a head, or (``apposition_free``) any word."""
    if doc.keys[s] == ",":
        s += 1
    if s < doc.n and (s in doc.head_at or (kind == "apposition_free" and doc.toks[s].kind == "w")):
        e = _before_next_person(doc, s, doc.title_end(s, first=False))
        return ((s, e), True) if e > s else (None, False)
    return None, False


def anchor_before(doc: Doc, h: int) -> bool:
    """A speech verb or intro word right before token h ("kata", "Menurut", "oleh")."""
    lex = doc.lex
    return bool(lex.ends(lex.before, doc.keys, h)[0] or lex.ends(lex.cue("intro"), doc.keys, h)[0])


def speaker_verb_at(doc: Doc, j: int) -> bool:
    """A speaker's verb (speech_verbs, position after, not a weak one) at token j, maybe after a comma."""
    if j < doc.n and doc.keys[j] == ",":
        j += 1
    r = doc.lex.match(doc.lex.after, doc.keys, j)[0] if j < doc.n else None
    return r is not None and not r.get("weak")


def anchored(doc: Doc) -> list[Cand]:
    """speech verb / Menurut / oleh + NAME [, POSITION]; NAME [,] + speech verb."""
    lex = doc.lex
    out = []
    firsts = lex.anchor_firsts
    for i in (i for i in range(doc.n) if doc.keys[i] in firsts):
        for table, weak in ((lex.before, False), (lex.cue("intro"), False), (lex.cue("intro_weak"), True)):
            r, k = lex.match(table, doc.keys, i)
            if r is None:
                continue
            s = i + k
            if s < doc.n and doc.keys[s] == ":":
                s += 1
            if s >= doc.n or not doc.same_phrase(s) or s in doc.head_at:
                break
            nm = doc.parse_name(s)
            if not nm or doc.followed_by_cap(nm.after):
                break
            title, comma = title_after_name(doc, nm.after)
            # an honorific or rank before the name ("bersama Praka Vonatab") is a sign of a person like a position
            out.append(Cand(nm.a, nm.b, r.source, 2 + bool(title), title, comma,
                            weak=weak and not title and not nm.honorific))
            break
        r, k = lex.match(lex.after, doc.keys, i)
        if r is not None and i > 0:
            nm = doc.name_before(_before_initials(doc, i))
            if nm and (doc.starts_clause(nm.h0) or nm.honorific):
                out.append(Cand(nm.a, nm.b, r.source, 2, weak=bool(r.get("weak"))))
            elif nm is None:
                c = _affiliated(doc, i)
                if c is not None:
                    out.append(c)
    return out


def _before_initials(doc: Doc, end: int) -> int:
    """"Agus Harimurti Yudhoyono (AHY) mengatakan": where the name ends when brackets before token ``end`` hold
    the initials of the name before them; else ``end``."""
    if not (end >= 3 and doc.toks[end - 1].text == ")" and doc.toks[end - 3].text == "(" and doc.is_acronym(end - 2)):
        return end
    nm = doc.name_before(end - 3)
    if nm is None:
        return end
    initials = "".join(doc.toks[j].text[0] for j in range(nm.a, nm.b) if doc.toks[j].kind == "w").upper()
    return end - 3 if len(initials) >= 2 and doc.toks[end - 2].text == initials else end


def _affiliated(doc: Doc, verb: int) -> Cand | None:
    """NAME dari ORG + speech verb: "Darto dari Yayasan Cahaya mengatakan"; ORG is the position."""
    end = verb - 1 if verb > 0 and doc.keys[verb - 1] == "," else verb
    k = end
    while k > 0 and doc.same_phrase(k) and (doc.is_cap(k - 1) or doc.keys[k - 1] in {"&", "dan", "of"}) and end - k < 8:
        k -= 1
    if k == end:
        return None
    r, n = doc.lex.ends(doc.lex.cue("affiliation"), doc.keys, k)
    if r is None:
        return None
    nm = doc.name_before(k - n)
    if nm is None or not doc.starts_clause(nm.h0):
        return None
    return Cand(nm.a, nm.b, r.source, 3, (k, end), comma=True)


def aged(doc: Doc) -> list[Cand]:
    """NAME (AGE): "Mbah Sastro Wiyono (71), perajin gerabah", "kata Warsini (52)". Only people are given an
    age in brackets; the name must start a clause, so "Kelompok Tani Makmur (12)" is not one."""
    out = []
    for j in range(1, doc.n - 2):
        if doc.toks[j].text != "(" or doc.toks[j + 1].kind != "n" or doc.toks[j + 2].text != ")":
            continue
        age = doc.toks[j + 1].text
        if not age.isdigit() or not 0 < int(age) < 120 or not doc.same_phrase(j):
            continue
        nm = doc.name_before(j)
        if nm is None or nm.after != j or not (doc.starts_clause(nm.h0) or nm.honorific):
            continue
        title, comma = title_after_name(doc, nm.after)
        out.append(Cand(nm.a, nm.b, "regex:name_age", 2 + bool(title), title, comma))
    return out


def opening_apposition(doc: Doc) -> list[Cand]:
    """NAME, <who they are>, VERB at the start of a sentence: "Rudi Hartawan, putra asli Desa Sukamaju yang
    kini menjadi pengusaha, mengatakan ...", "Slamet, salah satu peternak kambing di Jayapura, menyampaikan".
    The words between the commas start in lower case and are the person's position; the verb after them is
    one a speaker takes (speech_verbs, position after)."""
    out = []
    for i in range(doc.n):
        nm = _sentence_subject(doc, i)
        if nm is None:
            continue
        s = _after_age(doc, nm.after + 1)
        if not _starts_description(doc, s, aged=s > nm.after + 1):
            continue
        e = _description_end(doc, s, aged=s > nm.after + 1)
        if e is None:
            continue
        if doc.in_org(nm.a, nm.b) or any(doc.is_place(j) for j in range(nm.a, nm.b) if doc.toks[j].kind == "w"):
            continue
        out.append(Cand(nm.a, nm.b, "regex:opening_apposition", 3, (s, e), comma=True, cue=True))
    return out


ONE_OF = (("salah", "satu"), ("salah", "seorang"))
COPULAS = frozenset({"adalah", "ialah"})


def one_of_them(doc: Doc) -> list[Cand]:
    """"Salah satu penerima bantuan adalah Warsini.", "Salah seorang petani yang merasakan manfaatnya adalah
    Sukirman": one of a group of people (a position head between), then a copula and the name that ends the
    clause. The position is the head's run up to the copula."""
    out = []
    for i in range(doc.n - 3):
        if tuple(doc.keys[i:i + 2]) not in ONE_OF or not doc.starts_clause(i):
            continue
        head = None
        for j in range(i + 2, min(doc.n, i + 18)):
            if doc.toks[j].text in ".!?;:" or "\n" in doc.toks[j].gap:
                break
            if head is None and j in doc.head_at:
                head = j
            if doc.keys[j] in COPULAS:
                c = _named_after_copula(doc, head, j) if head is not None else None
                if c is not None:
                    out.append(c)
                break
    return out


def _named_after_copula(doc: Doc, head: int, cop: int) -> Cand | None:
    nm = doc.parse_name(cop + 1) if cop + 1 < doc.n and doc.same_phrase(cop + 1) else None
    if nm is None or doc.followed_by_cap(nm.after) or doc.in_org(nm.a, nm.b):
        return None
    j = nm.after
    if not (j >= doc.n or doc.toks[j].text in ".!?," or doc.keys[j] == "yang" or "\n" in doc.toks[j].gap):
        return None  # the name ends the clause
    e = min(doc.title_end(head + doc.head_at[head], first=False), cop)
    while e > head + 1 and doc.keys[e - 1] in {",", "yang"}:
        e -= 1
    return Cand(nm.a, nm.b, "regex:one_of_them", 3, (head, e), comma=True, cue=True)


def _after_age(doc: Doc, s: int) -> int:
    """"Suparno, 52 tahun, petani ...", "Rukmini, 58, penerima ...": the token after an age set off by commas at
    token s, else s."""
    if s + 1 < doc.n and doc.toks[s].kind == "n" and doc.toks[s].text.isdigit() and 0 < int(doc.toks[s].text) < 120:
        if doc.keys[s + 1] == ",":
            return s + 2
        if s + 2 < doc.n and doc.keys[s + 1] == "tahun" and doc.keys[s + 2] == ",":
            return s + 3
    return s


def _sentence_subject(doc: Doc, i: int) -> Name | None:
    """A name starting a sentence (or after "itu") at token i, with a comma after it."""
    if not doc.is_cap(i) or not (doc.starts_sentence(i) or (i > 0 and doc.keys[i - 1] == "itu")):
        return None
    nm = doc.parse_name(i)
    if nm is None or nm.after >= doc.n or doc.keys[nm.after] != ",":
        return None
    return nm


def _starts_description(doc: Doc, s: int, aged: bool = False) -> bool:
    """A lowercase word at token s that starts who someone is, not another pattern's cue ("Budi, mengatakan",
    "Budi, yang juga Ketua") nor a position head ("Budi, Kepala ...": ``titled`` reads it; after an age set off by
    commas it does not: "Suparno, 52 tahun, petani ...")."""
    lex = doc.lex
    if s >= doc.n or not doc.same_phrase(s) or doc.toks[s].kind != "w" or not doc.toks[s].text.islower():
        return False
    return not (lex.match(lex.after, doc.keys, s)[0] is not None
                or lex.match(lex.appositions, doc.keys, s)[0] is not None
                or doc.keys[s] in lex.title_stop or (s in doc.head_at and not aged))


def _description_end(doc: Doc, s: int, aged: bool = False) -> int | None:
    """The comma that ends the description starting at token s, when a speaker's verb follows it (after an age,
    any lowercase word: "Rukmini, 58, penerima bantuan, tak kuasa menahan haru")."""
    lex = doc.lex
    e = s
    while e < doc.n and e - s < 20 and doc.keys[e] != "," and doc.toks[e].text not in ".!?:;" \
            and doc.toks[e].text not in QUOTES and "\n" not in doc.toks[e].gap:
        e += 1
    if e >= doc.n or doc.keys[e] != "," or e + 1 >= doc.n:
        return None
    if lex.match(lex.after, doc.keys, e + 1)[0] is None and not (aged and doc.toks[e + 1].text.islower()):
        return None
    return e


def apposition(doc: Doc) -> list[Cand]:
    """NAME [,] selaku|yang juga|salah satu POSITION."""
    out = []
    appos = doc.lex.appositions
    for i in range(1, doc.n):
        r, k = doc.lex.match(appos, doc.keys, i)
        if r is None:
            continue
        end = i - 1 if doc.keys[i - 1] == "," else i
        if end >= 3 and doc.keys[end - 1] == ")" and doc.toks[end - 2].kind == "n" and doc.keys[end - 3] == "(":
            end -= 3  # "Warsini (52), salah satu peserta"
        nm = doc.name_before(_before_degrees(doc, end))
        if nm is None:
            continue
        title, _ = title_after_name(doc, nm.after)
        if title:
            out.append(Cand(nm.a, nm.b, r.source, 3, title, comma=True, cue=True))
            # "dihadiri oleh Dr A, B MA, dan C M.Hum yang juga bertindak sebagai anggota tim": the whole list
            for x in _list_ending_at(doc, nm):
                out.append(Cand(x.a, x.b, r.source, 3, title, comma=True, cue=True))
    return out


def _before_degrees(doc: Doc, end: int) -> int:
    """The token where the degrees written right before token ``end`` start ("Mujiburrahman M.Hum| yang"), else end."""
    moved = True
    while moved:
        moved = False
        for k in range(max(0, end - 6), end):
            d = doc.degree_at(k)
            if d is not None and d >= doc.toks[end - 1].end and k > 0:
                end = k - 1 if doc.keys[k - 1] == "," else k
                moved = True
                break
    return end


def _list_ending_at(doc: Doc, last: Name) -> list[Name]:
    """The other names of a list that ends with ``last`` ("A, B MA, dan C"), when the model found them all."""
    for k in range(max(0, last.h0 - 60), last.h0):
        if k not in doc.ner_items:
            continue
        nm = doc.parse_name(k)
        items = name_list(doc, nm) if nm is not None else []
        if len(items) > 1 and items[-1].a == last.a and all(
                x.h0 in doc.ner_items or x.a in doc.ner_items for x in items[:-1]):
            return items[:-1]
    return []


def affiliation_end(doc: Doc, j: int) -> int:
    """After a listed name: the token after its capitalised brackets ("(JAS Kapital)", "(Penyuluh Ahli Muda)"), not
    a description ("(ritual panen)"); else j."""
    if j < doc.n and doc.toks[j].text == "(":
        close = next((c for c in range(j + 1, min(doc.n, j + 8)) if doc.toks[c].text == ")"), None)
        if close is not None and all(doc.is_cap(c) for c in range(j + 1, close) if doc.toks[c].kind == "w"):
            return close + 1
    return j


def name_list(doc: Doc, first: Name) -> list[Name]:
    """The names listed from ``first`` on: "A, B, C, dan D" (degrees after each allowed)."""
    out = [first]
    j = first.after
    while j < doc.n and len(out) < 12:
        k = affiliation_end(doc, j)
        if k >= doc.n:  # the list runs to the end of the text
            break
        if doc.keys[k] == ",":
            k += 1
            if k < doc.n and doc.keys[k] in AND_WORDS:
                k += 1
        elif doc.keys[k] in AND_WORDS:
            k += 1
        else:
            break
        nm = doc.parse_name(k) if k < doc.n and doc.same_phrase(k) else None
        if nm is None or doc.followed_by_cap(nm.after):
            break
        out.append(nm)
        j = nm.after
    return out


def honorific(doc: Doc) -> list[Cand]:
    """Bapak/Ibu/Pak/Bu + NAME, unless a group word comes first ("para Ibu PKK")."""
    groups = doc.lex.cue("group")
    out = []
    for i in range(doc.n):
        if doc.keys[i] not in doc.lex.addresses:
            continue
        if not doc.is_cap(i) or doc.lex.ends(groups, doc.keys, i)[0]:
            continue
        nm = doc.parse_name(i)
        if not nm or not nm.honorific or doc.followed_by_cap(nm.after):
            continue
        title, comma = title_after_name(doc, nm.after)
        out.append(Cand(nm.a, nm.b, "regex:honorific_name", 2 + bool(title), title, comma))
    return out
