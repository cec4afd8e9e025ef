"""Reading a person's position (a run of position words) at a token.

``PositionParser`` is mixed into ``tokens.Doc`` and reads its tokens, token tests, names and lexicon.
"""
from __future__ import annotations

import re

from .words import AND_WORDS, MAX_TITLE_TOKENS, NOT_NAME_RE, TITLE_CONNECTORS

# one step along a position: (next token, whether the position reaches it, lowercase words in a row)
_Step = tuple[int, bool, int]


def strip_title(text: str) -> str:
    """A position as written, on one line, without the punctuation around it."""
    return re.sub(r"\s+", " ", text).strip(" \t,.;:-–")


class PositionParser:
    """Where a position ends (a mixin of ``tokens.Doc``)."""

    def title_end(self, j: int, first: bool) -> int:
        """Token after the position that starts at token j.

        ``first``: the position comes before the name, so a comma followed by a
        name ends it; otherwise a comma continues it only into more position
        words ("Communication, Relations, & CSR").
        """
        k, good, lower_run = j, j, 0
        while k < self.n and k - j < MAX_TITLE_TOKENS:
            step = self._title_step(j, k, first, lower_run)
            if step is None:
                break
            k, reached, lower_run = step
            if reached:
                good = k
        return good

    def _title_step(self, j: int, k: int, first: bool, lower_run: int) -> _Step | None:
        """One step along the position that starts at token j, from token k: the next token, whether the
        position surely reaches it (connectors need more position words after them), and the run of lowercase
        words so far; None where the position has ended."""
        t = self.toks[k]
        if k > j and "\n" in t.gap:
            return None
        if first and k > j and self.is_name_word(k - 1) and self.degree_at(k) is not None:
            return None  # "Kepala BPBD Sutrisno S.Sos": the name's degrees end the position
        if t.kind == "w":
            return self._title_word(j, k, first, lower_run)
        if t.kind == "n":
            # "Wilayah IX", "Zona 8", "ke-3": a number right after a position word; "Danramil 05/Sukaraja": after
            # the head itself when a unit's place follows it
            return (k + 1, True, lower_run) if (k > j or self._unit_number(k)) and self.same_phrase(k) \
                and (self.is_cap(k - 1) or self.keys[k - 1] == "ke") else None  # "Presiden ke 7 RI"
        if t.text in TITLE_CONNECTORS:
            return k + 1, False, lower_run
        if t.text == "(":
            close = self.bracket_close(k)
            return (close + 1, True, lower_run) if close is not None else None
        if t.text == "." and k > 0 and self.adjacent(k):
            return self._title_dot(k, lower_run)
        if t.text == "," and k + 1 < self.n and self.same_phrase(k + 1):
            return self._title_comma(j, k, first, lower_run)
        return None

    def _unit_number(self, k: int) -> bool:
        """A unit's number at token k, joined by a slash to its place ("05/Sukaraja", "1701/Jayapura")."""
        return (k + 2 < self.n and self.toks[k + 1].text == "/" and self.adjacent(k + 1) and self.adjacent(k + 2)
                and self.is_cap(k + 2))

    def _title_word(self, j: int, k: int, first: bool, lower_run: int) -> _Step | None:
        t = self.toks[k]
        if t.text[0].isupper():
            return k + 1, True, 0
        if t.cf in TITLE_CONNECTORS:
            return None if self._next_one_after_and(k, first) else (k + 1, False, lower_run)
        if (t.cf == "ke" and k + 1 < self.n and self.toks[k + 1].kind == "n" and self.toks[k + 1].text.isdigit()
                and len(self.toks[k + 1].text) <= 2 and self.same_phrase(k + 1)
                and ((k - 1) in self.head_at or self.keys[k - 1] in self.lex.title_words)):
            return k + 1, False, lower_run  # "Presiden ke 7 RI": an ordinal written apart, right after the office
        if self._stops_title(k):
            return None
        if first and (self._name_just_ended(j, k) or self._name_ended_before_brackets(j, k)):
            return None  # "... PT Sinar Tirta Rudi Hartono jelang rapat": a name has just ended
        lower_run += k not in self.head_at
        return (k + 1, True, lower_run) if lower_run <= 3 else None

    def _next_one_after_and(self, k: int, first: bool) -> bool:
        """Token k is "dan"/"serta" and the next person, or (before a name) the next position, follows."""
        if self.toks[k].cf not in AND_WORDS or k + 1 >= self.n:
            return False
        if self.honorific_at(k + 1):
            return True  # "... Park Company dan Mr. Guo Ming": the next person
        # "Wakil Sekjen X dan bekas Sekretaris Y": before a name, "dan" + a new position ends it
        return first and ((k + 1) in self.head_at or self.toks[k + 1].text.islower())

    def _name_just_ended(self, j: int, k: int) -> bool:
        """The two words before token k (inside the position from j) are name words."""
        return k - j >= 2 and self.is_name_word(k - 1) and self.is_name_word(k - 2)

    def _name_ended_before_brackets(self, j: int, k: int) -> bool:
        """Brackets close right before token k, and two name words end right before they open ("... Pangan Budi
        Santosa (Busan) optimistis"): a name with its other name has ended, and the clause goes on."""
        if k - 1 <= j or self.toks[k - 1].text != ")":
            return False
        o = next((c for c in range(k - 2, max(j, k - 14) - 1, -1) if self.toks[c].text == "("), None)
        return o is not None and o - j >= 2 and self.is_name_word(o - 1) and self.is_name_word(o - 2)

    def bracket_close(self, k: int) -> int | None:
        """The closing bracket of the one opened at token k, when it closes soon and on the same line."""
        close = next((c for c in range(k + 1, min(self.n, k + 14)) if self.toks[c].text == ")"), None)
        if close is None or any("\n" in self.toks[c].gap for c in range(k + 1, close + 1)):
            return None
        return close

    def _title_dot(self, k: int, lower_run: int) -> _Step | None:
        """A dot written right after a word: an abbreviation's, not a sentence's end."""
        if k + 1 < self.n and self.toks[k + 1].text == "," and self.adjacent(k + 1):
            return k + 1, True, lower_run  # "PT HM Sampoerna Tbk., Amanda": an abbreviation's dot, then the comma
        prev = self.toks[k - 1]
        if ((prev.cf in self.lex.abbrev or self.is_initial(k - 1) or self.honorific_at(k - 1)) and k + 1 < self.n
                and self.same_phrase(k + 1) and self.is_cap(k + 1)):
            return k + 1, False, lower_run
        return None

    def _title_comma(self, j: int, k: int, first: bool, lower_run: int) -> _Step | None:
        """A comma inside a position run: an address going on, a list of offices, or the end of the position."""
        nm = self.parse_name(k + 1) if first else None
        m = k + 1
        while m < self.n and m in self.place_toks and self.same_phrase(m):
            m += 1
        if nm is not None and m > nm.b and m < self.n and self.keys[m] == "," and (k + 1) not in self.ner_items:
            return m, True, lower_run  # "Yayasan X Ciputat, Tangerang Selatan, Banten, A. Hamid": the address goes on
        if nm is not None:
            # "petani dari Desa Sugihan, Tuban, Wiyono": a place goes on the address
            if all(x in self.place_toks for x in range(nm.a, nm.b)) and nm.after < self.n and self.keys[nm.after] == ",":
                return nm.after, True, lower_run
            if not self.enumerated(nm.after):
                return None
        return (k + 1, False, lower_run) if self._comma_goes_on(j, k, first) else None

    def _comma_goes_on(self, j: int, k: int, first: bool) -> bool:
        """The position goes on after the comma at token k: more position words, or offices listed."""
        lex, nxt = self.lex, self.toks[k + 1]
        if first and self._name_just_ended(j, k) and (
                (k + 1) in self.head_at or nxt.cf in lex.title_words or nxt.cf in lex.weekdays):
            return False  # "Direktur PT Vale Endra Kusuma, Senior Coordinator ...", "... Latuheru, Sabtu"
        if first and ((k + 1) in self.head_at or nxt.cf in lex.title_words) and self.ranked_name_ends(j, k):
            return False  # "Kasat Binmas AKP Yuhel, Kasi Humas ...": a ranked name ended, the next position starts
        if first and self._name_just_ended(j, k):
            per = self.model_person_at(k - 1, k)
            if per is not None and j < per[0]:
                return False  # "Menteri X (Menx) Agus Salim, Bank Daerah ...": the model's name ended at the comma
        if nxt.text == "&" or nxt.cf in lex.title_words or (
                nxt.cf in AND_WORDS and not first and (k + 2) not in self.head_at
                and not (k + 2 < self.n and self.honorific_at(k + 2))):
            return True
        if not first:
            return self.is_acronym(k + 1) and self.degree_at(k + 1) is None
        return (self.is_cap(k + 1) and nxt.cf in lex.stop) or self._offices_listed(j, k)

    def _offices_listed(self, j: int, k: int) -> bool:
        """After the comma at token k come more offices, not a name ("Kepala Dinas Koperasi, UKM, Perindustrian,
        dan Perdagangan PPU")."""
        k2 = k + 2 if self.toks[k + 1].cf in AND_WORDS and k + 2 < self.n else k + 1
        # "Industri Kecil, Menengah, dan Aneka": after an office word, ", dan" + a capital goes on with the offices
        last_item = k2 == k + 2 and self.is_cap(k - 1) and self.keys[k - 1] in self.lex.stop
        return (self.is_cap(k2) and self.degree_at(k2) is None and not self._name_just_ended(j, k) and (
            self.is_acronym(k2) or NOT_NAME_RE.match(self.keys[k2]) is not None or self.keys[k2] in self.lex.stop
            or last_item))

    def enumerated(self, j: int) -> bool:
        """Token j goes on with ", dan X" / "dan X": the word before it was one item of a list."""
        if j < self.n and self.keys[j] == ",":
            j += 1
        return (j + 1 < self.n and (self.keys[j] in AND_WORDS or self.keys[j] == "&") and self.is_cap(j + 1)
                and (j + 1) not in self.head_at)

    def _stops_title(self, k: int) -> bool:
        """A lowercase word that ends a position: a verb, a preposition of time or place."""
        lex, cf = self.lex, self.toks[k].cf
        if (cf,) in lex.after or (cf,) in lex.before or cf in lex.title_stop:
            return True
        if k in self.head_at or cf in lex.title_words:
            return False
        return bool(re.match(r"(?:me|ber|di|ter)[\w-]{4,}$", cf)) or cf.endswith("nya")
