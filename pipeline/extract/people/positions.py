"""Reading a person's position (a run of position words) at a token.

``PositionParser`` is mixed into ``tokens.Doc`` and reads its tokens, token tests, names and lexicon.
"""
from __future__ import annotations

import re

from .words import AND_WORDS, MAX_TITLE_TOKENS, NOT_NAME_RE, TITLE_CONNECTORS


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
        lex = self.lex
        k, good, lower_run = j, j, 0
        while k < self.n and k - j < MAX_TITLE_TOKENS:
            t = self.toks[k]
            if k > j and "\n" in t.gap:
                break
            if first and k > j and self.is_name_word(k - 1) and self.degree_at(k) is not None:
                break  # "Kepala BPBD Sutrisno S.Sos": the name's degrees end the position
            if t.kind == "w":
                if t.text[0].isupper():
                    lower_run = 0
                    k += 1
                    good = k
                    continue
                if t.cf in TITLE_CONNECTORS:
                    if t.cf in AND_WORDS and k + 1 < self.n and self.honorific_at(k + 1):
                        break  # "... Park Company dan Mr. Guo Ming": the next person
                    # "Wakil Sekjen X dan bekas Sekretaris Y": before a name, "dan" + a new position ends it
                    if first and t.cf in AND_WORDS and k + 1 < self.n and (
                            (k + 1) in self.head_at or self.toks[k + 1].text.islower()):
                        break
                    k += 1
                    continue
                if self._stops_title(k):
                    break
                if first and k - j >= 2 and self.is_name_word(k - 1) and self.is_name_word(k - 2):
                    break  # "... PT Sinar Tirta Rudi Hartono jelang rapat": a name has just ended
                lower_run += k not in self.head_at
                if lower_run > 3:
                    break
                k += 1
                good = k
                continue
            if t.kind == "n":
                # "Wilayah IX", "Zona 8", "ke-3": a number right after a position word
                if k > j and self.is_cap(k - 1) and self.same_phrase(k):
                    k += 1
                    good = k
                    continue
                break
            if t.text in TITLE_CONNECTORS:
                k += 1
                continue
            if t.text == "(":
                close = next((c for c in range(k + 1, min(self.n, k + 14)) if self.toks[c].text == ")"), None)
                if close is None or any("\n" in self.toks[c].gap for c in range(k + 1, close + 1)):
                    break
                k = close + 1
                good = k
                continue
            if t.text == "." and k > 0 and self.adjacent(k):
                if k + 1 < self.n and self.toks[k + 1].text == "," and self.adjacent(k + 1):
                    k += 1  # "PT HM Sampoerna Tbk., Amanda": an abbreviation's dot, then the comma
                    good = k
                    continue
                prev = self.toks[k - 1]
                if ((prev.cf in lex.abbrev or self.is_initial(k - 1) or self.honorific_at(k - 1)) and k + 1 < self.n
                        and self.same_phrase(k + 1) and self.is_cap(k + 1)):
                    k += 1
                    continue
                break
            if t.text == "," and k + 1 < self.n and self.same_phrase(k + 1):
                nxt = self.toks[k + 1]
                nm = self.parse_name(k + 1) if first else None
                if nm is not None and all(x in self.place_toks for x in range(nm.a, nm.b)) \
                        and nm.after < self.n and self.keys[nm.after] == ",":
                    k = nm.after  # "petani dari Desa Sugihan, Tuban, Wiyono": a place goes on the address
                    good = k
                    continue
                if nm is not None and not self.enumerated(nm.after):
                    break
                if first and k - j >= 2 and self.is_name_word(k - 1) and self.is_name_word(k - 2) and (
                        (k + 1) in self.head_at or nxt.cf in lex.title_words or nxt.cf in lex.weekdays):
                    break  # "Direktur PT Vale Endra Kusuma, Senior Coordinator ...", "... Latuheru, Sabtu": a name ended it
                if nxt.text == "&" or nxt.cf in lex.title_words or (
                        nxt.cf in AND_WORDS and not first and (k + 2) not in self.head_at
                        and not (k + 2 < self.n and self.honorific_at(k + 2))):
                    k += 1
                    continue
                if first and self.is_cap(k + 1) and nxt.cf in lex.stop:
                    k += 1
                    continue
                k2 = k + 2 if nxt.cf in AND_WORDS and k + 2 < self.n else k + 1
                if first and self.is_cap(k2) and self.degree_at(k2) is None and not (
                        k - j >= 2 and self.is_name_word(k - 1) and self.is_name_word(k - 2)) and (
                        self.is_acronym(k2) or NOT_NAME_RE.match(self.keys[k2]) or self.keys[k2] in lex.stop):
                    k += 1  # "Kepala Dinas Koperasi, UKM, Perindustrian, dan Perdagangan PPU": offices listed
                    continue
                if not first and self.is_acronym(k + 1) and self.degree_at(k + 1) is None:
                    k += 1
                    continue
            break
        return good

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
