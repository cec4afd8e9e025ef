"""POSITION [,] NAME (and NAME [,] POSITION): a position head (rules/titles) and the name it names.

A position written before the name often runs into it with nothing between ("Bupati Sukamaju Andi Pratama");
``split_tail`` decides where the name starts from the evidence the article gives (see ``tokens.Doc``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .candidate import Cand
from .names import Name
from .official_places import village_words
from .patterns import anchor_before, name_list, speaker_verb_at, title_after_name
from .positions import strip_title
from .words import AND_WORDS, MAX_NAME_WORDS, NAME_JOINERS, NOT_NAME_RE, QUOTES, TITLE_CONNECTORS

if TYPE_CHECKING:
    from pipeline.rules import Rule

    from .tokens import Doc

# what may stand between a position and its name: "Bupati, Andi", "Bupati ini Andi" (and rules' name_intro words)
_BEFORE_NAME = frozenset({",", ":", "ini", "itu", "tersebut"})


def titled(doc: Doc, earlier: list[Cand]) -> list[Cand]:
    """POSITION [,] NAME, and NAME [,] POSITION when no name follows the position."""
    covered = {j for c in earlier if c.title for j in range(*c.title)}
    out = []
    i = 0
    while i < doc.n:
        skip_to = _no_position_at(doc, i, covered)
        if skip_to is not None:
            i = skip_to
            continue
        head_end = i + doc.head_at[i]
        rule = doc.lex.heads[tuple(doc.keys[i:head_end])]
        h = title_start(doc, i)
        e = max(doc.title_end(head_end, first=True), head_end)
        found, listed = _names_after_position(doc, h, e, rule)
        pair = None
        if found is None:
            found = _opening_subject(doc, h, e, rule)
        if found is None:
            found = _name_ending_position(doc, h, head_end, e, rule)
            pair = _pair_before(doc, head_end, found) if found is not None else None
        if found is None:
            found = _name_before_position(doc, i, h, e, rule)
        if found is None:
            i = max(e, i + 1)
            continue
        if rule.get("org_before") and found.title and found.a > found.title[0]:
            _org_before(doc, h, found)
        if pair is not None:
            out.append(pair)
            found.title = pair.title
        out.append(found)
        i = max(found.b, e, i + 1)
        more, reach = _listed_cands(doc, listed, found.title, rule)
        out += more
        i = max(i, reach)
        second = _second_position(doc, found, rule)
        if second is not None:
            out.append(second)
            i = max(i, second.title[1])
    return out


def _no_position_at(doc: Doc, i: int, covered: set[int]) -> int | None:
    """Where to go on when no position to read starts at token i; None when one does."""
    if (i not in doc.head_at or i in covered or _inside_proper_name(doc, i)
            or (doc.toks[i].text.isupper() and len(doc.toks[i].text) > 3)):
        return i + 1
    if i > 0 and doc.toks[i - 1].kind == "n" and doc.toks[i].text.islower() and not _names_introduced(doc, i):
        return i + 1  # "35 pelaku usaha kopi Gayo": counted people, not one person's position
    if i > 1 and doc.keys[i - 1] == ":" and doc.name_before(i - 1) is not None:
        # "Mr. Liu Qihu: Chief Representative of ..., Mr. Du Gui: ...": the name before it is its
        return max(doc.title_end(i + doc.head_at[i], first=False), i + 1)
    return None


def _names_introduced(doc: Doc, i: int) -> bool:
    """The position run of the head at token i goes on with an introducing word and names ("tiga penari sanggar X,
    yakni A, B, dan C"): the counted people are named, each holding the position."""
    e = max(doc.title_end(i + doc.head_at[i], first=True), i + doc.head_at[i])
    j = e + 1 if e < doc.n and doc.keys[e] == "," else e
    s = _long_intro_end(doc, j)
    if s is None and j < doc.n and (doc.keys[j] in doc.lex.name_intro or doc.keys[j] == ":"):
        s = j + 1
    return s is not None and s < doc.n and doc.same_phrase(s) and doc.parse_name(s) is not None


def title_start(doc: Doc, i: int) -> int:
    """Position words written before the head at token i: "Regional Sales Manager", "Senior Vice President"."""
    h = i
    while h > 0 and doc.same_phrase(h) and doc.is_cap(h - 1) and doc.keys[h - 1] in doc.lex.title_words \
            and (h - 1) not in doc.head_at:
        h -= 1
    if h > 1 and doc.keys[h - 1] == "&" and doc.same_phrase(h - 1) and doc.is_cap(h - 2) and (
            doc.keys[h - 2] in doc.lex.title_words or doc.head_at.get(h - 2) == 1):
        return title_start(doc, h - 2)  # "President & Group CEO": two offices joined by "&", held at once
    return h


def _names_after_position(doc: Doc, h: int, e: int, rule: Rule) -> tuple[Cand | None, list[Name]]:
    """POSITION, NAME  /  POSITION ini NAME  /  POSITION bernama NAME  /  POSITION, yakni A, B, dan C: the
    first name's candidate, and every name when a list of them shares the position."""
    lex = doc.lex
    j = e
    if j + 2 < doc.n and doc.keys[j] == "lainnya" and doc.keys[j + 1] == ",":
        j += 1  # "Anggota Forum X lainnya, Rina": one more of them
    if j < doc.n and doc.keys[j] == "," and doc.ranked_name_ends(h, e):
        return None, []  # "Kapolres X AKBP Andi Wijaya, Budi Santosa, ...": a ranked name ends the run, a list goes on
    s0 = _long_intro_end(doc, j)
    if s0 is not None:
        intro = True  # "Anggota DPRD X di antaranya A, B, dan C"
    elif not (j < doc.n and doc.keys[j] in _BEFORE_NAME | lex.name_intro and j + 1 < doc.n
              and doc.same_phrase(j + 1)):
        return None, []
    else:
        intro = doc.keys[j] in lex.name_intro or doc.keys[j] == ":"
        s0 = j + 1
        if doc.keys[j] in {",", ":"} and doc.keys[s0] in lex.name_intro and s0 + 1 < doc.n:
            intro, s0 = True, s0 + 1
    nm = _name_after_position(doc, s0)
    if not (nm and not doc.followed_by_cap(nm.after) and (doc.keys[j] in {",", ":"} or intro or nm.honorific)):
        return None, []
    # a list of names after the position: each is one of them, when the list is introduced
    # ("yakni", ":") or the model found its names; not "Bupati Sukamaju, Sukaraja, dan ..."
    listed = name_list(doc, nm)
    if len(listed) > 1 and (intro or all(x.h0 in doc.ner_items for x in listed)):
        first = _listed_name_ending_run(doc, h, e) if doc.keys[j] == "," else None
        if first is not None:
            # "perancang busana A, B, dan C": the run's tail A is the list's first name, not part of the position
            t_end = first.h0
            return Cand(first.a, first.b, rule.source, 3, (h, t_end), comma=True), [first] + listed
        return Cand(nm.a, nm.b, rule.source, 3, (h, e), comma=True), listed
    # one name: after an introducing word only one the model found too ("binaan anggota
    # Polri, yakni Santri Manjung" is a pesantren)
    if not doc.enumerated(nm.after) and doc.keys[j] != ":" and (not intro or nm.h0 in doc.ner_items or nm.honorific):
        return Cand(nm.a, nm.b, rule.source, 3, (h, e), comma=True), []
    return None, []


def _listed_name_ending_run(doc: Doc, h: int, e: int) -> Name | None:
    """The name that ends the position run h..e when the model marks it as a person's (its PER span ends with the
    name and starts no later), after at least one position word; else None."""
    for nm in doc.names_ending_at(e):
        if nm.h0 <= h or nm.b - nm.a < 2 and not nm.honorific:
            continue
        per = doc.model_person_at(nm.a, nm.b)
        if per is not None and nm.h0 <= per[0] <= nm.a:
            return nm
    return None


def _long_intro_end(doc: Doc, j: int) -> int | None:
    """The token after an introducing phrase of several words (person_cues name_intro: "di antaranya", "antara
    lain") at token j, a comma before it allowed, when a name may follow on the same line; else None."""
    k = j + 1 if j < doc.n and doc.keys[j] == "," else j
    _, n = doc.lex.match(doc.lex.cue("name_intro"), doc.keys, k)
    if n < 2 or k + n >= doc.n or not all(doc.same_phrase(x) for x in range(k + 1, k + n + 1)):
        return None
    return k + n


def _name_after_position(doc: Doc, s: int) -> Name | None:
    """The name at token s after a position and a comma, unless it is an address or has its own position."""
    nm = doc.parse_name(s)
    if nm is None and _bare_initial(doc, s):
        # "Kepala Bidang X, M Ridwan, ...": a first initial written without its dot (a middle one is read anyway)
        rest = doc.parse_name(s + 1, honorifics=False)
        if rest is not None:
            nm = Name(s, rest.b, rest.after, False, s)
    if nm and doc.head_at.get(nm.h0, 0) > 1:
        return None  # "..., Managing Partner X": the next position (a head of several words), not a name
    if nm and nm.b - nm.a == 1 and nm.after + 1 < doc.n and doc.keys[nm.after] == "," \
            and ((nm.after + 1) in doc.place_toks or (doc.keys[nm.a] in village_words() and s >= 2
                                                      and doc.is_place(s - 2) and doc.is_cap(nm.after + 1))):
        # "siswa SDS Kresna, Cililitan, Jakarta Timur", "warga RW 02 Kelurahan Sukorame, Jebrus, Solo": an address
        return None
    if nm and nm.after + 1 < doc.n and doc.keys[nm.after] == ":" and (nm.after + 1) in doc.head_at:
        return None  # "..., Mr. Liu Qihu: Chief Representative": the name has its own position
    return nm


def _pair_before(doc: Doc, head_end: int, found: Cand) -> Cand | None:
    """POSITION A dan B: the run's tail name B was found, and A, a name the article shows to be a person's (the
    model's PER span or person words), stands between the position and "dan": both hold the position, and A is
    no part of it ("Market Advisor Rina Sari dan Dewi Anggraini"; not "Menteri Pertanian dan Perkebunan X")."""
    c = found.a - 1
    while c > head_end and doc.honorific_at(c):
        c -= 1
    if not (found.title and c > head_end and doc.keys[c] in AND_WORDS):
        return None
    for nm in doc.names_ending_at(c):
        if nm.h0 < head_end or nm.b - nm.a < 2 and not nm.honorific:
            continue
        per = doc.model_person_at(nm.a, nm.b)
        if not ((per is not None and per[0] <= nm.a) or nm.honorific
                or all(doc.is_person_word(doc.toks[k].cf) for k in range(nm.a, nm.b) if doc.toks[k].kind == "w")):
            continue
        t_end = nm.h0
        while t_end > head_end and doc.keys[t_end - 1] in {",", "."} | TITLE_CONNECTORS:
            t_end -= 1
        return Cand(nm.a, nm.b, found.source, 3, (found.title[0], max(t_end, head_end)))
    return None


def _bare_initial(doc: Doc, s: int) -> bool:
    """Token s is one capital letter (not the numeral "I") with a name word (3+ letters) right after it."""
    t = doc.toks[s]
    return (t.kind == "w" and len(t.text) == 1 and t.text.isupper() and t.text != "I" and s + 1 < doc.n
            and doc.same_phrase(s + 1) and doc.is_name_word(s + 1) and len(doc.toks[s + 1].text) >= 3
            and doc.degree_at(s) is None)  # not "M Ph", "M Si": a degree written with a space


def _name_ending_position(doc: Doc, h: int, head_end: int, e: int, rule: Rule) -> Cand | None:
    """POSITION NAME: the name is the tail of the run (maybe before another name of it in brackets)."""
    # a speaker's verb before the position ("kata Camat ...") or right after its run ("Sekdes Tarmuji mengatakan"):
    # a person is named, and a place speaks no words
    anchored = anchor_before(doc, h) or speaker_verb_at(doc, e)
    place_after = bool(rule.get("place_after"))
    nm = split_tail(doc, head_end, e, anchored=anchored, place_after=place_after)
    if nm is None:
        nm = _name_before_bracket(doc, head_end, e, anchored=anchored, place_after=place_after)
    if nm is None:
        return None
    t_end = nm.h0
    while t_end > head_end and doc.keys[t_end - 1] in {",", "."} | TITLE_CONNECTORS:
        t_end -= 1
    return Cand(nm.a, nm.b, rule.source, 3, (h, max(t_end, head_end)))


def _name_before_position(doc: Doc, i: int, h: int, e: int, rule: Rule) -> Cand | None:
    """NAME [,] POSITION, the name starting a clause or after a speaker's verb."""
    nm = doc.name_before(h)
    anchored = nm is not None and anchor_before(doc, nm.h0)
    if not nm or not (doc.starts_clause(nm.h0) or anchored):
        return None
    comma = doc.keys[h - 1] == ","
    # one word needs an anchor ("kata Sarmin Direktur ..."), or a comma and a common-noun
    # position ("Warsini, peserta pelatihan"): "Sukamaju, Kepala Dinas ..." is a list of offices, and so is
    # "TNI, Polri, kepala desa" when the word is an organisation's; a sentence that opens with the word and the
    # position and goes on with a speaker's verb names a person ("Warsito, Ketua RT 03, menyebut ...")
    if nm.b - nm.a > 1 or anchored or (comma and doc.toks[i].text.islower() and not doc.in_org(nm.a, nm.b)) or (
            comma and doc.starts_sentence(nm.h0) and speaker_verb_at(doc, e)):
        return Cand(nm.a, nm.b, rule.source, 2, (h, e), comma=comma)
    return None


def _opening_subject(doc: Doc, h: int, e: int, rule: Rule) -> Cand | None:
    """NAME, POSITION, VERB at a sentence start ("Warsito, Ketua Kelompok Tani Sido Makmur, mengatakan"): commas set
    the position off after the sentence's subject, so the capitalised words ending the run are the organisation's
    name, not a second person's ("Makmur")."""
    if not (h >= 2 and doc.keys[h - 1] == "," and e + 1 < doc.n and doc.keys[e] == "," and speaker_verb_at(doc, e)):
        return None
    nm = doc.name_before(h)
    if nm is None or nm.after != h - 1 or not doc.starts_sentence(nm.h0) or doc.in_org(nm.a, nm.b) \
            or any(doc.is_place(j) for j in range(nm.a, nm.b) if doc.toks[j].kind == "w"):
        return None
    return Cand(nm.a, nm.b, rule.source, 3, (h, e), comma=True)


def _listed_cands(doc: Doc, listed: list[Name], title: tuple[int, int], rule: Rule) -> tuple[list[Cand], int]:
    """The other names of a list that shares ``title``, and a listed name's own position in brackets after it
    ("A (Penyuluh Ahli Muda), B"); with the token they reach."""
    out, reach = [], -1
    for n, x in enumerate(listed):
        if n:
            out.append(Cand(x.a, x.b, rule.source, 3, title, comma=True))
            reach = max(reach, x.b)
        if x.after < doc.n and doc.toks[x.after].text == "(":
            own, _ = title_after_name(doc, x.after)
            if own:
                out.append(Cand(x.a, x.b, rule.source, 3, own, comma=True, cue=True))
                reach = max(reach, own[1])
    return out, reach


def _second_position(doc: Doc, found: Cand, rule: Rule) -> Cand | None:
    """"peserta, Warsini (34), pemilik usaha keripik Rasa Enak, mengaku": a lowercase position after the name is
    the same person's, not a new person's."""
    after = doc.parse_name(found.a)
    second, _ = title_after_name(doc, after.after) if after else (None, False)
    if second and second != found.title and found.b <= second[0] and doc.toks[second[0]].text.islower() \
            and not _next_listed(doc, second) and not _model_name_after(doc, second[1]):
        return Cand(found.a, found.b, rule.source, 3, second, comma=True, cue=True)
    return None


def _model_name_after(doc: Doc, j: int) -> bool:
    """A comma and a name the model marks as a person's follow token j ("..., Haji A, widyaiswara Balai X, Dr. B,
    dan C"): a list of POSITION NAME goes on, and the position before the comma is the next person's."""
    if not (j + 1 < doc.n and doc.keys[j] == "," and doc.same_phrase(j + 1)):
        return False
    nm = doc.parse_name(j + 1)
    return nm is not None and doc.model_person_at(nm.h0, nm.b) is not None


def _next_listed(doc: Doc, title: tuple[int, int]) -> bool:
    """The position ends in a name and the list goes on ("..., perwakilan dari Astra Bondan Susilo, dan
    perwakilan ..."): it is the next person's, not a second position of the person before it."""
    a, b = title
    j = b + 1 if b < doc.n and doc.keys[b] == "," else b
    if not (j < doc.n and doc.keys[j] in AND_WORDS):
        return False
    return a in doc.head_at and split_tail(doc, a + doc.head_at[a], b, anchored=False) is not None


def _inside_proper_name(doc: Doc, h: int) -> bool:
    """A capitalised head after a capitalised generic noun (person_stopwords) is part of a name ("Pelatihan Petani
    Tangguh", "Forum Pimpinan Daerah"), unless that word starts the sentence ("Sumatera Area Manager")."""
    if h == 0 or not doc.is_cap(h) or not doc.same_phrase(h):
        return False
    if h >= 2 and doc.keys[h - 1] in NAME_JOINERS and doc.is_cap(h - 2):
        return True  # "Training of Trainer", "Friends of Farmers": a head inside an English name
    k = h - 1
    while k >= 0 and doc.is_cap(k) and (doc.keys[k] in doc.lex.title_words or k in doc.head_at):
        k -= 1  # position words before the head belong to it
    if k < 0 or not doc.is_cap(k) or doc.keys[k] not in doc.lex.stop or doc.lex.words.is_honorific_word(doc.toks[k].text):
        return False
    return not doc.starts_sentence(k)


def _org_before(doc: Doc, h: int, c: Cand) -> None:
    """"Batik Ayu pimpinan X": the position is "pimpinan Batik Ayu"."""
    k = h
    while k > 0 and doc.same_phrase(k) and doc.is_cap(k - 1) and h - k < 6:
        k -= 1
    if k < h:
        org = doc.span_text(k, h)
        c.title_text = f"{strip_title(doc.span_text(*c.title))} {org}"
        c.organization = org


def _name_before_bracket(doc: Doc, head_end: int, e: int, anchored: bool, place_after: bool) -> Name | None:
    """"Menteri Sosial Saifullah Yusuf (Gus Ipul)", "Menko IPK Agus Harimurti Yudhoyono (AHY)": a position
    run that ends in brackets holding another name or the initials of the name before them, or a short form of the
    position (a head opening the brackets: "(Mensos)", "(Kepala BNPB)"), after a name of two words or more."""
    while e - 1 > head_end and (doc.keys[e - 1] == "," or doc.keys[e - 1] in doc.lex.stop
                                or (doc.toks[e - 1].kind == "w" and doc.toks[e - 1].text.islower())):
        e -= 1  # "(Gus Ipul), Senin", "(Busan) optimistis koperasi": a day or the clause's own lowercase words
        # after the brackets are no part of the position
    if e - 1 <= head_end or doc.toks[e - 1].text != ")":
        return None
    o = next((k for k in range(e - 2, head_end, -1) if doc.toks[k].text == "("), None)
    if o is None or o + 1 >= e - 1:
        return None
    nm = split_tail(doc, head_end, o, anchored, place_after)
    if nm is None:
        return None
    inner = doc.parse_name(o + 1)
    if inner is not None and inner.after == e - 1:
        return nm  # another name of the person ("Gus Ipul"): aliases.other_names makes it an alias
    initials = "".join(doc.toks[k].text[0] for k in range(nm.a, nm.b) if doc.toks[k].kind == "w")
    if o + 2 == e - 1 and doc.is_acronym(o + 1) and doc.toks[o + 1].text == initials.upper() and len(initials) >= 2:
        return nm
    if (o + 1) in doc.head_at and nm.b - nm.a >= 2 and nm.after == o and o + 1 + doc.head_at[o + 1] <= e - 1 <= o + 5:
        return nm  # the position's short form: "Menteri Sosial Budi Santoso (Mensos)", "... (Kepala BNPB)"
    return None


def split_tail(doc: Doc, head_end: int, e: int, anchored: bool, place_after: bool = False) -> Name | None:
    """Where a name starts at the end of a position run ("Bupati Sukamaju Andi Pratama").

    ``anchored``: a speaker's verb comes before the position; ``place_after``: the head takes a place after it
    ("Camat Sukolilo")."""
    if e <= head_end:
        return None
    while e > head_end and doc.toks[e - 1].kind == "w" and doc.toks[e - 1].text.islower():
        e -= 1  # a lowercase tail ("... Rudi Hartono disela-sela"): the name ends before it
    options = _tail_options(doc, head_end, e)
    if not options:
        return None
    hon = [o for o in options if o.honorific]
    if hon:
        return hon[-1]
    choice, sure = _choose_tail(doc, options, head_end, e, anchored, place_after)
    if choice is None or sure:
        return choice
    if _lone_word_before_sentence_end(doc, choice, head_end, e, anchored):
        return None  # "Camat Sukolilo.": the place ends the position; "Kades Sukamaju Budi.": a name after it
    return choice


def _tail_options(doc: Doc, head_end: int, e: int) -> list[Name]:
    """The names ending right before token e that start after the head, longest first."""
    options = []
    for k in range(max(head_end, e - 2 * MAX_NAME_WORDS), e):
        nm = doc.parse_name(k, limit=e)
        if nm is None or (nm.a > k and not nm.honorific):
            continue
        if nm.b == e and (not options or options[-1].a != nm.a):
            options.append(nm)
    # a name the article gives alone in brackets is an organisation's short name ("... Magelang (Polbangtan Yoma)")
    options = [o for o in options if f"({doc.span_text(o.a, o.b)})" not in doc.text]
    # a lost space ("UnnesZuhrul Anam") is where the name starts, never inside it
    options = [o for o in options if not any(doc.toks[x].glued for x in range(o.a + 1, o.b))] or options
    # an organisation found around the position may have taken the name's prefix ("Dinas Kesehatan Provinsi
    # Bali I" + "Nyoman Gede Anom"): the prefix still starts the name
    return [o for o in options if not doc.in_org(o.a, o.b) or (
        doc.toks[o.a].text in doc.lex.name_prefixes and o.b - o.a > 1 and not doc.in_org(o.a + 1, o.b))
        or _org_ran_on(doc, o)]


def _org_ran_on(doc: Doc, o: Name) -> bool:
    """"Kadis PMD Sumarni, S.Sos", "Kepala UPT Puskesmas Sukamaju Ratmini menjelaskan": an organisation span that
    starts before the name and ends with it ran on into the name, when the person's signs say so: the model's PER
    span ends with the name and does not start inside it, or (the model saying nothing there) degrees or a
    speaker's verb follow the name. A village's name does not start the name ("Puskesmas Talise Massi")."""
    s, e = doc.toks[o.a].start, doc.toks[o.b - 1].end
    spans = [(os, oe) for os, oe in doc.org_spans if os < e and s < oe]
    if not spans or any(os >= s or oe != e for os, oe in spans):
        return False
    if o.b - o.a > 1 and doc.keys[o.a] in village_words():
        return False
    per = doc.model_person_at(o.a, o.b)
    if per is not None:
        return per[0] <= o.a
    return doc.degrees_start(o.b) or speaker_verb_at(doc, o.after)


def _words(doc: Doc, o: Name) -> list[str]:
    """The name's words of two or more letters."""
    return [doc.keys[x] for x in range(o.a, o.b) if doc.toks[x].kind == "w" and len(doc.keys[x]) > 1]


def _known(doc: Doc, o: Name) -> bool:
    return doc.clean_name(o.a, o.b).casefold() in doc.known_names


def _evidenced(doc: Doc, o: Name) -> bool:
    return _known(doc, o) or doc.is_person_word(_words(doc, o)[0])


def _choose_tail(doc: Doc, options: list[Name], head_end: int, e: int, anchored: bool,
                 place_after: bool) -> tuple[Name | None, bool]:
    """The name among ``options``, and whether the choice is sure (no check of a sentence end after it)."""
    full = [o for o in options if _known(doc, o)]
    ev = [o for o in options if _evidenced(doc, o)]
    # leading place/organisation words are not the name ("Sukamaju Andi Pratama")
    plain = [o for o in options if not any(doc.is_place(x) for x in range(o.a, o.b) if doc.toks[x].kind == "w")]
    if full:
        choice = _without_place_first(doc, _with_first_name(doc, full[0], plain, head_end, place_after), options,
                                      head_end, place_after)
        return _with_first_words(doc, choice, plain, head_end, place_after), False
    if ev:
        if place_after:
            return _with_first_words(doc, ev[0], plain, head_end, place_after), False
        return _with_unique_words_before(doc, ev[0], plain, place_after), False
    if not plain:
        return None, True
    return _plain_tail(doc, plain, head_end, e, anchored, place_after)


def _without_place_first(doc: Doc, choice: Name, options: list[Name], head_end: int, place_after: bool) -> Name:
    """"Camat Sukaraja Bambang": after a head that takes a place, a village's name right after the head is the
    place, not the name's first word, though the model read the two words as one name."""
    if (not place_after or choice.a != head_end or len(_words(doc, choice)) < 2
            or doc.keys[choice.a] not in village_words()):
        return choice
    return next((o for o in options if o.a == choice.a + 1 and o.b == choice.b), choice)


def _with_unique_words_before(doc: Doc, choice: Name, plain: list[Name], place_after: bool) -> Name:
    """A short form seen alone ("Hidayat") may be the last part of the name: take the words before it that the
    article uses nowhere else ("Disperindag Rahmat Hidayat"); not after a head that takes a place ("Camat
    Sukolilo Hartono")."""
    if place_after or len(_words(doc, choice)) != 1:
        return choice
    for o in plain:
        if o.a < choice.a and len(_words(doc, o)) <= 3 and all(
                doc.keys.count(doc.keys[x]) == 1 for x in range(o.a, choice.a) if doc.toks[x].kind == "w"):
            return o
    return choice


def _with_first_words(doc: Doc, choice: Name, plain: list[Name], head_end: int, place_after: bool) -> Name:
    """"Bupati Sleman Joko Prasetyo ... Menurut Prasetyo": a one-word short form the article uses alone is the last
    word of the full name written after the position. The words before it (three words at most in all) that the
    article uses nowhere else but in this name (or alone where a person stands) are the name's when what comes
    before them surely ends the position: a place, an acronym, a bracket, the head itself (one that takes no
    place), or the model's PER span starts right there."""
    if len(_words(doc, choice)) != 1:
        return choice
    for o in plain:  # longest first
        if o.a >= choice.a or o.b != choice.b or len(_words(doc, o)) > 3 or doc.toks[o.a].glued or (
                place_after and o.a == head_end):
            continue  # the one word right after a head that takes a place is the place ("Camat Sukaraja Bambang")
        if not all(_name_word_here(doc, x, choice.b) for x in range(o.a, choice.a) if doc.toks[x].kind == "w"):
            continue
        prev = o.a - 1
        per = doc.model_person_at(o.a, o.b)
        if (per is not None and per[0] == o.a) or (prev >= head_end and (
                doc.is_place(prev) or doc.is_acronym(prev) or doc.toks[prev].text == ")")) or (
                prev == head_end - 1 and not place_after):
            return o
    return choice


def _name_word_here(doc: Doc, x: int, b: int) -> bool:
    """Token x (before a name's last word, which ends before token b) is a word of the name: the article uses it
    nowhere else, only in the same name ("Gubernur Riau Abdul Wahid" written twice), or alone where a person
    stands."""
    key, run = doc.keys[x], doc.keys[x:b]
    if doc.is_person_word(key):
        return True
    return all(doc.keys[p:p + len(run)] == run for p in range(doc.n) if doc.keys[p] == key)


def _with_first_name(doc: Doc, choice: Name, plain: list[Name], head_end: int, place_after: bool) -> Name:
    """A name known in a shorter form ("Widjajanto Prasetyo" said again later) keeps the one name word written
    before it ("Gubernur Lemhanas Andi Widjajanto Prasetyo"), when that word is no place's and the article uses it
    nowhere else but for a person, and what comes before it surely ends the position: the head itself, an
    organisation, a place, an acronym, a bracket, a lowercase word, or the one word after a head that takes a place
    ("Bupati Sukamaju Ahmad Rifai Hidayat"; that word itself is the place)."""
    if len(_words(doc, choice)) < 2 or (place_after and choice.a - 1 == head_end):
        return choice
    longer = next((o for o in plain if o.a == choice.a - 1 and o.b == choice.b), None)
    if longer is None or not doc.is_name_word(longer.a) or doc.in_org(longer.a, longer.a + 1):
        return choice
    w = doc.keys[longer.a]
    if doc.keys.count(w) > 1 and not doc.is_person_word(w):
        return choice
    prev = longer.a - 1
    if prev >= head_end and not (doc.in_org(prev, prev + 1) or doc.is_place(prev) or doc.is_acronym(prev)
                                 or doc.toks[prev].text in {")", ","} or doc.toks[longer.a].glued
                                 or doc.toks[prev].text.islower() or (place_after and prev == head_end)):
        return choice
    return longer


def _plain_tail(doc: Doc, plain: list[Name], head_end: int, e: int, anchored: bool,
                place_after: bool) -> tuple[Name | None, bool]:
    """The name when the article gives no evidence for any option: by length and what comes before it."""
    choice = _plain_choice(doc, plain)
    words, last = _words(doc, choice), _words(doc, plain[-1])
    if place_after and len(words) == 2 and len(last) == 1 and words[0] in village_words() \
            and words[1] not in village_words() and doc.keys.count(last[0]) == 1:
        return plain[-1], True  # "Camat Sukolilo Suparman": the head takes a place, a kecamatan's name first
    if len(words) != 1:
        return choice, False
    if place_after and choice.h0 == head_end and words[0] in village_words():
        return None, True  # "Camat Sukolilo mengatakan": the one word after a head that takes a place is a place's
    if doc.keys.count(words[0]) > 1:
        return None, True  # "nasabah PNM Mekaar" again and again, never quoted: part of a name, not a person
    prev = choice.h0 - 1
    if doc.degrees_start(e) or ((doc.is_acronym(prev) or doc.toks[prev].text == ")" or doc.is_place(prev)
                                 or doc.keys[prev] in village_words())
                                and choice.h0 != head_end and _next_position(doc, e)):
        # "Kepala Dinas Pertanian Haryanto, SP., M.Si"; "Kadis PMD Haryanto, Camat ..."; "Ketua DPRD Sukamaju
        # Suharto dan Kepala Dinas ...": the list goes on with the next position, so a name ended here
        return choice, True
    if not anchored:
        prev = choice.h0 - 1
        if choice.h0 == head_end and (doc.toks[prev].text.islower() or place_after):
            return None, True  # "mentor Karang Taruna", "warga Sukamaju", "Camat Sukolilo": a group or a place
        if choice.h0 != head_end and not (doc.is_place(prev) or doc.toks[prev].text == ")"
                                          or doc.model_person_at(choice.a, choice.b) is not None):
            return None, True  # a lone capitalised word after an organisation: more likely a place (unless the
            # model reads a person's name ending with it: "Asisten Bidang Pengembangan Infrastruktur Masdin")
    return choice, False


def _plain_choice(doc: Doc, plain: list[Name]) -> Name:
    """Two words at most, or up to four where the word before the longest surely ends what comes before the name
    ("Kemenpar Alicia Tiffany Beandda", "Kabiro detikSumbagsel Baringin Parlindungan Lumban Gaol", an organisation's
    last word: "Gubernur Lemhanas Andi Widjajanto Prasetyo")."""
    longest = plain[0]
    n = len(_words(doc, longest))
    prev = longest.a - 1
    strong = (doc.is_acronym(prev) or doc.toks[prev].text == ")" or doc.keys[prev] in doc.lex.stop
              or doc.in_org(prev, prev + 1)
              or doc.is_place(prev) or not doc.toks[prev].text[:1].isupper()
              or (doc.toks[prev].kind == "w" and NOT_NAME_RE.match(doc.keys[prev]) is not None))
    want = n if n <= 2 or (n <= 4 and strong) else 2
    return next((o for o in plain if len(_words(doc, o)) <= want), plain[-1])


def _lone_word_before_sentence_end(doc: Doc, choice: Name, head_end: int, e: int, anchored: bool) -> bool:
    """A one-word name without evidence or anchor, where the sentence ends (and not right after a place, nor where
    the model reads a person's name ending with it: "... Bidang Perekonomian dan Pembangunan Tarmuji.")."""
    end_tok = doc.toks[e] if e < doc.n else None
    sentence_end = end_tok is None or end_tok.text in ".!?" or "\n" in end_tok.gap or end_tok.text in QUOTES
    return (sentence_end and not anchored and not _evidenced(doc, choice) and len(_words(doc, choice)) < 2 and not (
        end_tok is not None and choice.h0 > head_end and doc.is_place(choice.h0 - 1)
        and choice.h0 - 1 not in doc.head_at) and doc.model_person_at(choice.a, choice.b) is None)


def _next_position(doc: Doc, j: int) -> bool:
    """A list goes on at token j with the next position (", Camat ...", "dan Kepala ..."): the position before
    it ended with a name."""
    if j < doc.n and doc.keys[j] == ",":
        j += 1
    if j < doc.n and doc.keys[j] in AND_WORDS:
        j += 1
    return j < doc.n and doc.same_phrase(j) and j in doc.head_at
