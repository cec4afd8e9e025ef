"""Reading a person's name at a token: honorifics before it, the name words, the degrees after it.

``NameParser`` is mixed into ``tokens.Doc`` and reads its tokens, token tests and lexicon.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .words import MAX_NAME_WORDS, PARTICLES

_DEGREE_GAP = re.compile(r"[ \t]*[,.]?[ \t]*")  # between a name and its degrees, or two degrees
_ENDED = (0, 0, 0)  # the name has surely ended (see NameParser._name_part)


@dataclass
class Name:
    a: int  # first token of the clean name
    b: int  # token after the clean name
    after: int  # token after the name and any degrees
    honorific: bool
    h0: int  # first token, honorifics included


class NameParser:
    """Names, honorifics and degrees at token positions (a mixin of ``tokens.Doc``)."""

    # --- degrees --------------------------------------------------------------
    def degree_at(self, j: int) -> int | None:
        """Char end of a degree written at token j (S.Sos, SE, M. Pd.), else None."""
        m = self.lex.words.degree_re.match(self.text, self.toks[j].start)
        if m and self.lex.words.is_degree_word(m.group().replace(" ", "")):
            return m.end()
        return None

    def inside_degree(self, j: int) -> bool:
        """Token j is the tail of a degree written before it ("Si" of "M.Si", "Pd" of "S.Pd")."""
        if j < 2 or self.toks[j - 1].text != "." or not self.adjacent(j) or not self.adjacent(j - 1):
            return False
        end = self.degree_at(j - 2)
        return end is not None and end >= self.toks[j].end

    def degrees_start(self, j: int) -> bool:
        """Degrees start at token j, maybe after a comma or a dot ("Haryanto, SP., M.Si"): a person's name ended."""
        if j < self.n and self.keys[j] in {",", "."}:
            j += 1
        return j < self.n and self.degree_at(j) is not None

    # --- words that start a name --------------------------------------------------
    def is_name_prefix(self, j: int, stop: int) -> bool:
        """A word that starts a name without being a name word (rules/person_cues, kind name_prefix): Balinese
        "I" ("I Ketut Wirawan"), Sasak "Lalu" ("Lalu Muhammad Rais"). ``min_words`` name words must follow;
        ``mid_sentence``: not at the start of a sentence, where the word has its ordinary sense ("Lalu, ...").
        No position word or generic noun may come right before it (there "I" is a numeral: "Wakil Ketua I
        Baznas", "Komisi I", "Angkatan I")."""
        rule = self.lex.name_prefixes.get(self.toks[j].text)
        if rule is None:
            return False
        need = int(rule.get("min_words", 2))
        if j + need >= min(stop, self.n):
            return False
        if not all(self.same_phrase(k) and (self.is_name_word(k) or (k == j + 1 and self.is_initial(k)))
                   for k in range(j + 1, j + 1 + need)):
            return False  # name words follow ("Lalu M. Iqbal": an initial may come first)
        if rule.get("mid_sentence") and self.starts_sentence(j) and not self._after_honorific(j):
            return False
        return j == 0 or not ((j - 1) in self.head_at or self.keys[j - 1] in self.lex.title_words
                              or self.keys[j - 1] in self.lex.head_single
                              or (self.keys[j - 1] in self.lex.stop and (j - 1) not in self.place_toks))

    def name_abbreviation(self, j: int, stop: int) -> bool:
        """Token j is a listed short form (person_cues abbreviation: Moh, Muh, Abd) with its dot, and a name word
        follows on the same line."""
        return (self.keys[j] in self.lex.abbrev and j + 2 < min(stop, self.n) and self.toks[j + 1].text == "."
                and self.adjacent(j + 1) and self.same_phrase(j + 2) and self.is_name_word(j + 2))

    # --- honorifics -----------------------------------------------------------
    def skip_honorifics(self, i: int) -> tuple[int, bool]:
        """The first token after the honorifics starting at i ("Bapak Dr. H.")."""
        j, hon = i, False
        while j < self.n:
            m = self.lex.words.honorific_re.match(self.text, self.toks[j].start)
            if not m or "\n" in m.group():
                break
            k = self.tok_at_or_after(m.end(), j + 1)
            k = self._after_rank_service(k)
            if k >= self.n or not (self.is_name_word(k) or self.is_initial(k) or self.honorific_at(k)
                                   or self.is_name_prefix(k, self.n)):
                break
            j, hon = k, True
        return j, hon

    def _after_rank_service(self, k: int) -> int:
        """The token after a rank's service written at token k ("TNI", "Pol."; "Mayor Jenderal TNI Bambang") and its
        retired mark ("(Purn)", "Jenderal TNI (Purn.) X"), when a name word follows on the same line; else k."""
        j = k
        if (j + 1 < self.n and self.toks[j].kind == "w" and self.keys[j] in self.lex.rank_services
                and self.toks[j].text[0].isupper()):
            j = j + 2 if self.toks[j + 1].text == "." and self.adjacent(j + 1) else j + 1
        if j + 3 < self.n and self.toks[j].text == "(" and self.keys[j + 1] == "purn":
            c = j + 3 if self.toks[j + 2].text == "." else j + 2
            if c < self.n and self.toks[c].text == ")":
                j = c + 1
        return j if j != k and j < self.n and self.same_phrase(j) and self.is_name_word(j) else k

    def _after_honorific(self, j: int) -> bool:
        """Token j comes right after an honorific ("H. Lalu ..."), whose dot ends no sentence."""
        for k in (j - 2, j - 1):
            if k >= 0:
                m = self.lex.words.honorific_re.match(self.text, self.toks[k].start)
                if m and m.end() >= self.toks[j - 1].end:
                    return True
        return False

    def honorific_at(self, k: int) -> bool:
        return bool(self.lex.words.honorific_re.match(self.text, self.toks[k].start)) and self.keys[k] not in self.lex.stop

    # --- names ----------------------------------------------------------------
    def parse_name(self, i: int, honorifics: bool = True, limit: int | None = None) -> Name | None:
        """A person's name starting at token i (after honorifics), with the degrees written after it."""
        if i >= self.n or self.degree_at(i) is not None or self.inside_degree(i):
            return None
        h0, hon = i, False
        if honorifics:
            i, hon = self.skip_honorifics(i)
        b, words, parts = self._name_words(i, limit if limit is not None else self.n)
        if words == 0 or parts > MAX_NAME_WORDS:
            return None
        return Name(i, b, self._after_degrees(b), hon, h0)

    def _name_words(self, i: int, stop: int) -> tuple[int, int, int]:
        """The token after the name starting at token i (not past ``stop``), its name words and all its parts."""
        j, words, parts = i, 0, 0
        while j < stop:
            if j > i and (not self.same_phrase(j) or self.degree_at(j) is not None):
                break
            part = self._name_part(i, j, stop, words)
            if part is None:
                if self._acronym_tail(j, words):
                    j, parts = j + 1, parts + 1
                break
            if part == _ENDED:
                break
            j, words, parts = j + part[0], words + part[1], parts + part[2]
        return j, words, parts

    def _name_part(self, i: int, j: int, stop: int, words: int) -> tuple[int, int, int] | None:
        """The part of the name from token i that starts at token j: (tokens, name words, parts) it takes;
        ``_ENDED`` where the name surely ended before it; None where no part of a name starts."""
        if j == i and self.is_name_prefix(j, stop):
            return 1, 0, 1
        if self.is_initial(j):
            return _ENDED if j > i and not self.toks[j].gap else (2, 0, 1)
        if words and self._middle_initial(j, stop):
            return 1, 0, 1  # a middle initial written without its dot: "Anton J Supit", "Irfan A Tachrir"
        particle = self._particle(j, stop) if words else 0
        if particle:
            return particle, 0, 0
        if words and self._month_in_name(j, stop):
            return 1, 1, 1  # "Tjong Mei Lan", "Siti Juni Astuti": a month between two name words is a name word
        if not self.is_name_word(j):
            return None
        if self.name_abbreviation(j, stop):
            return 2, 0, 1  # "Moh. Ridwan": the dot of a name's short form does not end it
        if j > i and self._after_full_stop(j):
            return _ENDED
        return 1, 1, 1

    def _middle_initial(self, j: int, stop: int) -> bool:
        t = self.toks[j]
        return (len(t.text) == 1 and t.text.isupper() and t.text != "I"
                and j + 1 < stop and self.same_phrase(j + 1) and self.is_name_word(j + 1))

    def _month_in_name(self, j: int, stop: int) -> bool:
        return (self.keys[j] in self.lex.months and j + 1 < stop and self.same_phrase(j + 1)
                and self.toks[j].text[0].isupper() and self.is_name_word(j + 1))

    def _after_full_stop(self, j: int) -> bool:
        """A dot before token j that is no initial's, "br."'s or short form's: it ended a sentence."""
        return self.toks[j - 1].text == "." and not (j >= 2 and self.is_initial(j - 2)) \
            and not (j >= 2 and (self.keys[j - 2] == "br" or self.keys[j - 2] in self.lex.abbrev))

    def _particle(self, j: int, stop: int) -> int:
        """The tokens a lowercase particle inside a name takes at token j ("bin", "br.", "Br"), else 0."""
        dot = int(j + 1 < stop and self.toks[j + 1].text == "." and self.adjacent(j + 1) and self.keys[j] == "br")
        if (self.keys[j] in PARTICLES and j + 1 + dot < stop and self.same_phrase(j + 1 + dot)
                and self.is_name_word(j + 1 + dot) and (self.toks[j].text.islower() or self.toks[j].text == "Br")):
            return 1 + dot  # "br." and "Br" are written too
        return 0

    def _acronym_tail(self, j: int, words: int) -> bool:
        """A short capitalised part at the end of a name ("Budi Hartono EBS"), not an organisation's acronym the
        article uses elsewhere ("Ateng Hartono BPS mengatakan BPS ...")."""
        return (words >= 2 and self.is_acronym(j) and len(self.toks[j].text) <= 4 and self.keys[j] not in self.lex.stop
                and self.keys[j] not in self.lex.title_words and j not in self.head_at
                and self.keys.count(self.keys[j]) == 1
                and not (j + 1 < self.n and self.same_phrase(j + 1) and self.is_cap(j + 1)))

    def _after_degrees(self, b: int) -> int:
        """The token after the degrees written after a name that ends before token b: ", S.Sos, CH" / " SE, M.Ak" /
        ". S.Sos"."""
        pos = self.toks[b - 1].end
        while True:
            m = _DEGREE_GAP.match(self.text, pos)
            d = self.lex.words.degree_re.match(self.text, m.end())
            if not d or not self.lex.words.is_degree_word(d.group().replace(" ", "")):
                break
            pos = d.end()
        return self.tok_at_or_after(pos, b)

    def names_ending_at(self, end: int) -> list[Name]:
        """Names whose last word is token end-1, longest first."""
        out = []
        for k in range(max(0, end - 2 * MAX_NAME_WORDS), end):
            nm = self.parse_name(k, limit=end)
            if nm and nm.b == end and (not out or out[-1].a != nm.a):
                out.append(nm)
        return out

    def ranked_name_ends(self, h: int, end: int) -> bool:
        """A name with a rank or another honorific of its own ends right before token ``end``, after token h: in
        "Kapolres X AKBP Andi Wijaya, ..." the position run from h holds Andi's name, and what follows is not his.
        (A name the model marks there is no sign enough: "Kepala Sentra Budi Perkasa" names a centre.)"""
        return any(nm.honorific and nm.h0 > h for nm in self.names_ending_at(end))

    def name_before(self, end: int) -> Name | None:
        """The longest name ending right before token end (a comma between allowed)."""
        if end > 0 and self.keys[end - 1] == ",":
            end -= 1
        for nm in self.names_ending_at(end):
            return nm
        return None
