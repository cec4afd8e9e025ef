"""How text becomes word keys, and the few fixed word sets of the people code (each has its one owner here).

Every other word list lives in rules/ and is read by ``lexicon.Lexicon``.
"""
from __future__ import annotations

import re

TOKEN_RE = re.compile(r"[^\W\d_](?:\w|['’`](?=[^\W\d_])|-(?=\w))*|\d+(?:[.,:/]\d+)*|\S")
# a capitalised word glued to the next capitalised word: group 1 is the first word
GLUED_RE = re.compile(r"^([A-Z][a-z]*[a-z]{3})(?=[A-Z][a-z]{2})")
# a capitalised word glued to the lower-case word after it, when that word is one that often follows a name and never
# ends one: a me-...-kan verb or a few clause words ("Yusufbakal", "Subektitidak", "Anungmenyatakan"); group 1 is the
# capitalised word ("akan", "yang" stay out: "Kebijakan", "Bengkayang")
GLUED_TAIL_RE = re.compile(r"^([A-Z][a-z]{2,}?)(?=(?:me[a-z]{3,}kan|menyebut|mengaku|menilai|berharap|tidak|bakal"
                           r"|sebagai|selaku)$)")
# lowercase words inside a name ("Ahmad bin Said", "Maria da Costa")
PARTICLES = frozenset({"bin", "binti", "van", "von", "der", "den", "de", "da", "al", "el", "bte", "dos",
                       "br", "boru"})  # br/boru: Batak women's clan names ("Mariani br Simbolon")
# words and signs that join two parts of one position ("Mikro dan Bisnis", "Comm & CSR")
TITLE_CONNECTORS = frozenset({"dan", "&", "/", "of", "and", "for", "serta", "-", "–", "dari", "+"})
# words that join the parts of a longer (often English) name: "Green Village and Beyond", "Bank of Asia"
NAME_JOINERS = frozenset({"and", "of", "&", "for", "the"})
# the words before the last item of a list ("A, B dan C", "A serta B")
AND_WORDS = frozenset({"dan", "serta"})
QUOTES = frozenset("\"'“”‘’`«»")
# derived nouns (pelatihan, kegiatan, pertambangan), -nya words, ministries (Kemendagri) and me-...-kan verbs
# (Menumbuhkan) are never names
NOT_NAME_RE = re.compile(r"(?:(?:pe[mnr]?|peng|peny|per|ke)\w{3,}an|\w{3,}nya|kemen\w{2,}|me[mn]\w{3,}kan)$")
HEADING_MIN_WORDS = 4
MAX_NAME_WORDS = 5
MAX_TITLE_TOKENS = 24


def keys(text: str) -> list[str]:
    """The case-folded tokens of ``text`` without dots and commas: how rule phrases and names are compared."""
    return [m.group().casefold() for m in TOKEN_RE.finditer(text) if m.group() not in ".,"]
