"""POSITION [,] NAME (and NAME [,] POSITION): a position head (rules/titles) and the name it names.

A position written before the name often runs into it with nothing between ("Bupati Sukamaju Andi Pratama");
``split_tail`` decides where the name starts from the evidence the article gives (see ``tokens.Doc``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .candidate import Cand
from .names import Name
from .official_places import village_words
from .patterns import anchor_before, name_list, title_after_name
from .positions import strip_title
from .words import AND_WORDS, MAX_NAME_WORDS, NAME_JOINERS, NOT_NAME_RE, QUOTES, TITLE_CONNECTORS

if TYPE_CHECKING:
    from .tokens import Doc


def titled(doc: Doc, earlier: list[Cand]) -> list[Cand]:
    """POSITION [,] NAME, and NAME [,] POSITION when no name follows the position."""
    lex = doc.lex
    covered = {j for c in earlier if c.title for j in range(*c.title)}
    out = []
    i = 0
    while i < doc.n:
        if (i not in doc.head_at or i in covered or _inside_proper_name(doc, i)
                or (doc.toks[i].text.isupper() and len(doc.toks[i].text) > 3)):
            i += 1
            continue
        if i > 0 and doc.toks[i - 1].kind == "n" and doc.toks[i].text.islower():
            i += 1  # "35 pelaku usaha kopi Gayo": counted people, not one person's position
            continue
        if i > 1 and doc.keys[i - 1] == ":" and doc.name_before(i - 1) is not None:
            i = max(doc.title_end(i + doc.head_at[i], first=False), i + 1)
            continue  # "Mr. Liu Qihu: Chief Representative of ..., Mr. Du Gui: ...": the name before it is its
        head_end = i + doc.head_at[i]
        rule = lex.heads[tuple(doc.keys[i:head_end])]
        h = i
        # position words written before the head: "Regional Sales Manager", "Senior Vice President"
        while h > 0 and doc.same_phrase(h) and doc.is_cap(h - 1) and doc.keys[h - 1] in lex.title_words \
                and (h - 1) not in doc.head_at:
            h -= 1
        e = max(doc.title_end(head_end, first=True), head_end)
        found = None
        # POSITION, NAME  /  POSITION ini NAME  /  POSITION bernama NAME  /  POSITION, yakni A, B, dan C
        j = e
        listed: list[Name] = []
        if j < doc.n and doc.keys[j] in {",", ":", "ini", "itu", "tersebut"} | lex.name_intro \
                and j + 1 < doc.n and doc.same_phrase(j + 1):
            intro = doc.keys[j] in lex.name_intro or doc.keys[j] == ":"
            s0 = j + 1
            if doc.keys[j] in {",", ":"} and doc.keys[s0] in lex.name_intro and s0 + 1 < doc.n:
                intro, s0 = True, s0 + 1
            nm = doc.parse_name(s0)
            if nm and nm.b - nm.a == 1 and nm.after + 1 < doc.n and doc.keys[nm.after] == "," \
                    and (nm.after + 1) in doc.place_toks:
                nm = None  # "siswa SDS Kresna, Cililitan, Jakarta Timur": an address, not a name
            if nm and nm.after + 1 < doc.n and doc.keys[nm.after] == ":" and (nm.after + 1) in doc.head_at:
                nm = None  # "..., Mr. Liu Qihu: Chief Representative": the name has its own position
            if nm and not doc.followed_by_cap(nm.after) and (doc.keys[j] in {",", ":"} or intro or nm.honorific):
                # a list of names after the position: each is one of them, when the list is introduced
                # ("yakni", ":") or the model found its names; not "Bupati Sukamaju, Sukaraja, dan ..."
                listed = name_list(doc, nm)
                if len(listed) > 1 and (intro or all(x.h0 in doc.ner_items for x in listed)):
                    found = Cand(nm.a, nm.b, rule.source, 3, (h, e), comma=True)
                else:
                    listed = []
                    # one name: after an introducing word only one the model found too ("binaan anggota
                    # Polri, yakni Santri Manjung" is a pesantren)
                    if not doc.enumerated(nm.after) and doc.keys[j] != ":" \
                            and (not intro or nm.h0 in doc.ner_items or nm.honorific):
                        found = Cand(nm.a, nm.b, rule.source, 3, (h, e), comma=True)
        # POSITION NAME: the name is the tail of the run
        if found is None:
            nm = split_tail(doc, head_end, e, anchored=anchor_before(doc, h),
                            place_after=bool(rule.get("place_after")))
            if nm is None:
                nm = _name_before_bracket(doc, head_end, e, anchored=anchor_before(doc, h),
                                          place_after=bool(rule.get("place_after")))
            if nm is not None:
                t_end = nm.h0
                while t_end > head_end and doc.keys[t_end - 1] in {",", "."} | TITLE_CONNECTORS:
                    t_end -= 1
                found = Cand(nm.a, nm.b, rule.source, 3, (h, max(t_end, head_end)))
        # NAME [,] POSITION
        if found is None:
            nm = doc.name_before(h)
            anchored = nm is not None and anchor_before(doc, nm.h0)
            if nm and (doc.starts_clause(nm.h0) or anchored):
                comma = doc.keys[h - 1] == ","
                # one word needs an anchor ("kata Sarmin Direktur ..."), or a comma and a common-noun
                # position ("Warsini, peserta pelatihan"): "Sukamaju, Kepala Dinas ..." is a list of offices
                if nm.b - nm.a > 1 or anchored or (comma and doc.toks[i].text.islower()):
                    found = Cand(nm.a, nm.b, rule.source, 2, (h, e), comma=comma)
        if found is not None:
            if rule.get("org_before") and found.title and found.a > found.title[0]:
                _org_before(doc, h, found)
            out.append(found)
            i = max(found.b, e, i + 1)
            for n, x in enumerate(listed):
                if n:
                    out.append(Cand(x.a, x.b, rule.source, 3, found.title, comma=True))
                    i = max(i, x.b)
                if x.after < doc.n and doc.toks[x.after].text == "(":
                    own, _ = title_after_name(doc, x.after)  # "A (Penyuluh Ahli Muda), B": their own too
                    if own:
                        out.append(Cand(x.a, x.b, rule.source, 3, own, comma=True, cue=True))
                        i = max(i, own[1])
            # "peserta, Warsini (34), pemilik usaha keripik Rasa Enak, mengaku": a lowercase position
            # after the name is the same person's, not a new person's
            after = doc.parse_name(found.a)
            second, _ = title_after_name(doc, after.after) if after else (None, False)
            if second and second != found.title and found.b <= second[0] and doc.toks[second[0]].text.islower() \
                    and not _next_listed(doc, second):
                out.append(Cand(found.a, found.b, rule.source, 3, second, comma=True, cue=True))
                i = max(i, second[1])
        else:
            i = max(e, i + 1)
    return out


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
    run that ends in brackets holding another name or the initials of the name before them."""
    while e - 1 > head_end and (doc.keys[e - 1] == "," or doc.keys[e - 1] in doc.lex.stop):
        e -= 1  # "(Gus Ipul), Senin": a day after the brackets is no part of the position
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
    return None


def split_tail(doc: Doc, head_end: int, e: int, anchored: bool, place_after: bool = False) -> Name | None:
    """Where a name starts at the end of a position run ("Bupati Sukamaju Andi Pratama")."""
    if e <= head_end:
        return None
    while e > head_end and doc.toks[e - 1].kind == "w" and doc.toks[e - 1].text.islower():
        e -= 1  # a lowercase tail ("... Rudi Hartono disela-sela"): the name ends before it
    options = []
    for k in range(max(head_end, e - 2 * MAX_NAME_WORDS), e):
        nm = doc.parse_name(k, limit=e)
        if nm is None or (nm.a > k and not nm.honorific):
            continue
        if nm.b == e and (not options or options[-1].a != nm.a):
            options.append(nm)
    # an organisation found around the position may have taken the name's prefix ("Dinas Kesehatan Provinsi
    # Bali I" + "Nyoman Gede Anom"): the prefix still starts the name
    # a name the article gives alone in brackets is an organisation's short name ("... Magelang (Polbangtan Yoma)")
    options = [o for o in options if f"({doc.span_text(o.a, o.b)})" not in doc.text]
    # a lost space ("UnnesZuhrul Anam") is where the name starts, never inside it
    options = [o for o in options if not any(doc.toks[x].glued for x in range(o.a + 1, o.b))] or options
    options = [o for o in options if not doc.in_org(o.a, o.b) or (
        doc.toks[o.a].text in doc.lex.name_prefixes and o.b - o.a > 1 and not doc.in_org(o.a + 1, o.b))]
    if not options:
        return None
    hon = [o for o in options if o.honorific]
    if hon:
        return hon[-1]

    def words(o: Name) -> list[str]:
        return [doc.keys[x] for x in range(o.a, o.b) if doc.toks[x].kind == "w" and len(doc.keys[x]) > 1]

    def known(o: Name) -> bool:
        return doc.clean_name(o.a, o.b).casefold() in doc.known_names

    def evidenced(o: Name) -> bool:
        return known(o) or doc.is_person_word(words(o)[0])

    full = [o for o in options if known(o)]
    ev = [o for o in options if evidenced(o)]
    # leading place/organisation words are not the name ("Sukamaju Andi Pratama")
    plain = [o for o in options if not any(doc.is_place(x) for x in range(o.a, o.b) if doc.toks[x].kind == "w")]
    if full:
        choice = full[0]
    elif ev:
        choice = ev[0]
        # a short form seen alone ("Hidayat") may be the last part of the name: take the words
        # before it that the article uses nowhere else ("Disperindag Rahmat Hidayat"); not after a
        # head that takes a place ("Camat Sukolilo Hartono")
        for o in plain if not place_after and len(words(choice)) == 1 else ():
            if o.a < choice.a and len(words(o)) <= 3 and all(
                    doc.keys.count(doc.keys[x]) == 1 for x in range(o.a, choice.a) if doc.toks[x].kind == "w"):
                choice = o
                break
    elif not plain:
        return None
    else:
        longest = plain[0]
        n = len(words(longest))
        prev = longest.a - 1
        # the word before surely ends what comes before the name: the name may be long ("Kemenpar Alicia
        # Tiffany Beandda", "Kabiro detikSumbagsel Baringin Parlindungan Lumban Gaol")
        strong = (doc.is_acronym(prev) or doc.toks[prev].text == ")" or doc.keys[prev] in doc.lex.stop
                  or doc.is_place(prev) or not doc.toks[prev].text[:1].isupper()
                  or (doc.toks[prev].kind == "w" and NOT_NAME_RE.match(doc.keys[prev]) is not None))
        want = n if n <= 2 or (n <= 4 and strong) else 2
        choice = next((o for o in plain if len(words(o)) <= want), plain[-1])
        if place_after and len(words(choice)) == 2 and len(words(plain[-1])) == 1 \
                and words(choice)[0] in village_words() and words(choice)[1] not in village_words():
            if doc.keys.count(words(plain[-1])[0]) == 1:
                return plain[-1]  # "Camat Sukolilo Suparman": the head takes a place, a kecamatan's name first
        if len(words(choice)) == 1 and doc.keys.count(words(choice)[0]) > 1:
            return None  # "nasabah PNM Mekaar" again and again, never quoted: part of a name, not a person
        if len(words(choice)) == 1 and (doc.degrees_start(e) or (
                (doc.is_acronym(choice.h0 - 1) or doc.toks[choice.h0 - 1].text == ")")
                and choice.h0 != head_end and _next_position(doc, e))):
            return choice  # "Kepala Dinas Pertanian Haryanto, SP., M.Si"; "Kadis PMD Haryanto, Camat ..."
        if len(words(choice)) == 1 and not anchored:
            prev = choice.h0 - 1
            if choice.h0 == head_end and (doc.toks[prev].text.islower() or place_after):
                return None  # "mentor Karang Taruna", "warga Sukamaju", "Camat Sukolilo": a group or a place
            if choice.h0 != head_end and not (doc.is_place(prev) or doc.toks[prev].text == ")"):
                return None  # a lone capitalised word after an organisation: more likely a place
    end_tok = doc.toks[e] if e < doc.n else None
    sentence_end = end_tok is None or end_tok.text in ".!?" or "\n" in end_tok.gap or end_tok.text in QUOTES
    if sentence_end and not anchored and not evidenced(choice) and len(words(choice)) < 2 and not (
            end_tok is not None and choice.h0 > head_end and doc.is_place(choice.h0 - 1)
            and choice.h0 - 1 not in doc.head_at):
        return None  # "Camat Sukolilo.": the place ends the position; "Kades Sukamaju Budi.": a name after it
    return choice


def _next_position(doc: Doc, j: int) -> bool:
    """A list goes on at token j with the next position (", Camat ...", "dan Kepala ..."): the position before
    it ended with a name."""
    if j < doc.n and doc.keys[j] == ",":
        j += 1
    if j < doc.n and doc.keys[j] in AND_WORDS:
        j += 1
    return j < doc.n and doc.same_phrase(j) and j in doc.head_at
