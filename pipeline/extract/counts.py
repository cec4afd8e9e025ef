"""Participant counts: numbers of people, groups, businesses or villages that
take part in or benefit from a programme.

A number becomes a count only next to a counted noun (``rules/counted_nouns.jsonl``)
or in a pattern that names what is counted ("jumlah peserta mencapai 200").
Numbers beside money, percentages, areas, durations, dates and the like
(``rules/count_exclusions.jsonl``) are never counts. Each count mention says
which pattern fired; an article-level pass then marks breakdown parts and the
programme's total, and ``assemble_participants`` turns the mentions into the
record's ``participants`` list with a consistency check (do the parts add up
to the total?).

Patterns (the ``pattern`` value and the ``regex:counts:<name>`` source):
  num_noun    "24 orang nelayan", "sebanyak 25 peserta", "enam puluh desa binaan"
  noun_before "jumlah peserta mencapai 200", "total nasabah 1.500"
  breakdown   "terdiri dari 38 UMK dari A, 31 dari B dan 21 dari C": bare numbers
              after a count inherit its unit
  each        "A, B dan C masing-masing sebanyak 12 orang": one item per list item
  subset      "Tiga di antaranya ...": a bare number before "di antaranya" takes the
              unit of the count before it (also from the sentence before)
  out_of      "22 dari 48 sekolah": a bare number before "dari" and a count is a subset of it in
              its unit (or, cued itself, "diikuti 40 dari 60 petani", who took part)

Besides the documented value keys (count, unit, what, total, approx, low, high,
pattern) a mention's value carries: cls (person, group, business, institution,
village), part (a breakdown part, never the total), subset ("35 di antaranya"),
item (the list item of an "each" count), not_total (why it cannot be the total:
target, cumulative, past, capacity, future, batch, failed, others), batch (the batches its sentence
names: a batch count is a part only when the article counts two batches or more), listed (an item of a list over
named places or bodies: with the batches, summed into the total when the article gives no overall figure),
classifier (counted by orang/jiwa, a noun that names no kind of participant), cue
(strong, medium, none) and lede (in the first sentence of the body).
"""
from __future__ import annotations

import re
from collections import Counter
from itertools import combinations
from dataclasses import dataclass

from pipeline.extract.numbers import NumberMatch, NumberParser
from pipeline.rules import Rule, RuleSet
from pipeline.types import COUNT_CUE_RANK, COUNT_FAMILY, CountValue, Mention, Region, as_value, in_regions

# Cue words that belong to the patterns themselves (not user word lists).
STRONG_TOTAL_RE = re.compile(r"\b(?:total(?:nya)?|jumlah|seluruhnya|keseluruhan)\b", re.I)
MEDIUM_CUE_RE = re.compile(
    r"\b(?:sebanyak|sejumlah|diikuti(?:\s+oleh)?|dihadiri(?:\s+oleh)?|melibatkan|mengikutsertakan|kepada|terhadap|"
    r"bagi|untuk|menjangkau|menyentuh|menyasar|membina|melatih|memberdayakan|merangkul|mendampingi|menggandeng|"
    r"mencapai|berjumlah)\s*$", re.I)
# staff who are themselves the ones trained or taking part: "diikuti 40 pegawai", "60 jurnalis mengikuti pelatihan"
STAFF_TAKE_PART_BEFORE_RE = re.compile(
    r"\b(?:diikuti|dilatih|melatih|membekali|melibatkan|mengikutsertakan)(?:\s+oleh)?\s+"
    r"(?:(?:sebanyak|sekitar|lebih\s+dari|tidak\s+kurang\s+dari|kurang\s+lebih)\s+)?$", re.I)
STAFF_TAKE_PART_AFTER_RE = re.compile(r"(?:[ \t]+[^\W\d_]+){0,2}?[ \t]+(?:yang[ \t]+)?(?:mengikuti|ikut[ \t]+(?:pelatihan|kegiatan))\b", re.I)
LINK_RE = re.compile(
    r"\b(?:sebanyak|berjumlah|mencapai|yaitu|yakni|adalah|hanya|baru|tercatat|sejumlah|total(?:nya)?|menjadi|"
    r"sekitar|ada)\s*$", re.I)
PART_CUE_RE = re.compile(
    r"\b(?:dibagi|terbagi|terdiri\s+(?:dari|atas)|meliputi|rinciannya|di\s*antaranya|antara\s+lain|"
    r"masing\s*[-–—]?\s*masing)\b", re.I)
PART_LEAD_RE = re.compile(r"\b(?:terdiri\s+(?:dari|atas)|terbagi\s+(?:menjadi|atas|dalam))\b", re.I)
# a new clause whose own verb takes the count ("Terdiri dari 8 truk dan 40 motor, rombongan itu diikuti 500 relawan"):
# when the breakdown cue before the comma led no count, it listed other things, and this count is no part of it
OWN_CLAUSE_RE = re.compile(
    r"[,;][^,;]*\b(?:diikuti|dihadiri|melibatkan|mengikutsertakan|menjangkau)(?:\s+oleh)?\s+"
    r"(?:(?:sebanyak|sekitar|lebih\s+dari|tidak\s+kurang\s+dari|kurang\s+lebih|hampir)\s+)?$", re.I)
# "25 koperasi lainnya", "40 unit lain": the others, the rest beside a count the article gave; a total only when the
# article counts nothing else
OTHERS_RE = re.compile(r"\blain(?:nya)?$", re.I)
SUBSET_CUE_RE = re.compile(r"\b(?:di\s*antaranya|termasuk)\s*$", re.I)
SUBSET_AFTER_RE = re.compile(r"[ \t]*(?:(?:orang|peserta)[ \t]+)?di\s*antaranya\b", re.I)
REST_AFTER_RE = re.compile(r"[ \t]*sisanya\b", re.I)  # "14,15 juta sisanya": the rest, a part
EACH_RE = re.compile(r"masing\s*[-–—]?\s*masing", re.I)
# "... di tingkat desa masing-masing yang kemudian disalurkan kepada 200 penerima": "masing-masing" closes the
# noun before it (their own village) and a relative clause follows; the number after it is distributed over nothing
EACH_CLOSED_RE = re.compile(r"\byang\b|[,;:]", re.I)
# the words that lead a list of where the distributed counts come from or go to
EACH_LIST_AFTER_RE = re.compile(r"[ \t]*(?:\w+[ \t]+)?(?:dari|di|asal|untuk|pada|bagi)[ \t]+", re.I)
LIST_LEAD_RE = re.compile(r".*\b(?:yaitu|yakni|antara\s+lain|meliputi|berupa|mengikuti|adalah)\b|.*:", re.I | re.S)
LIST_SPLIT_RE = re.compile(r"\s*(?:,\s*(?:dan|serta)\b|,|;|\bdan\b|\bserta\b|&)\s*", re.I)
COORD_RE = re.compile(r"^\s*(?:,\s*)?(?:dan|serta|,)\s*$", re.I)
# "22 dari 48 sekolah": between a subset and the count it is taken out of
OUT_OF_RE = re.compile(r"[ \t]+dari[ \t]+(?:(?:total|jumlah|sebanyak)[ \t]+)?", re.I)
# "Dari 16 peserta, ...": the count after the comma is a part of this one
FROM_LEAD_RE = re.compile(r"\s*[\"“]?\s*dari\s+(?:(?:total|jumlah)\s+)?", re.I)
PART_AND_RE = re.compile(r"[^.;:!?\d]{0,60}(?:,|\bdan|\bserta)\s*", re.I)
# "Dari jumlah tersebut, 1.412 jiwa ...", "Dari situ, 6,9 juta keluarga ...": a subset of the count before
FROM_WHOLE_RE = re.compile(r"\bdari\s+(?:(?:jumlah|total)\s+)?(?:tersebut|itu|situ|ini)\s*,?\s*$", re.I)
PAREN_RE = re.compile(r"\([^()]*\)")
# from one count's noun to the next count in a list: a few words saying what, then 'dan'/'serta'
COORD_NEXT_RE = re.compile(r"[^.,;:!?()\d]{0,50}?\s(?:dan|serta)\s+", re.I)
SALAH_BEFORE_RE = re.compile(r"\bsalah\s*$", re.I)  # "salah satu": one of many, never a list's item
# between two totals: "75 sekolah dan 6 perguruan tinggi", "56 kepala keluarga (KK) atau 206 jiwa"
TOTAL_COORD_RE = re.compile(r"^\s*(?:\([^()]{1,30}\)\s*)?(?:,\s*)?(?P<c>dan|serta|atau|,)\s*$", re.I)
# a second programme's total set against the first: "..., sedangkan peserta pelatihan UMKM berjumlah 70 orang"
PARALLEL_RE = re.compile(r"(?:^|[.,;!?][\"”]?\s*|\n\s*)(?:sedangkan|sementara(?:\s+itu)?)\b(?![^.!?]*[.!?]\s)", re.I)
BREAKDOWN_GAP_RE = re.compile(r"(?:,|\bdan\b|\bserta\b|\bsedangkan\b|;|[—–])\s*$", re.I)
# Words that may follow a bare number whose unit comes from elsewhere.
FOLLOW_OK = {"dan", "di", "dari", "yang", "dengan", "untuk", "pada", "ke", "atau", "serta", "hingga", "sampai",
             "ini", "itu", "tersebut", "pun", "saja", "telah", "sudah", "kini", "lainnya", "asal", "se", "sedangkan",
             "secara", "sisanya"}
WHAT_STOP = {"yang", "di", "dari", "ke", "untuk", "dan", "serta", "dengan", "pada", "dalam", "telah", "akan", "sudah",
             "ini", "itu", "tersebut", "atau", "juga", "pun", "se", "sebagai", "oleh", "kepada", "bagi", "agar",
             "karena", "hingga", "sampai", "mulai", "saat", "sejak", "yakni", "yaitu", "masing-masing", "mendapat",
             "mengikuti", "diberikan", "turut", "ikut", "menerima", "sebanyak", "mencapai", "berjumlah", "adalah",
             "hanya", "baru", "tercatat", "sejumlah", "menjadi", "sekitar", "ada", "total",
             "dapat", "bisa", "harus", "perlu", "masih", "belum", "tidak", "mampu", "berhasil", "sedang"}  # modal verbs
# verb morphology (not a word list): passive di-...-kan/-i ("dibagi", "diberikan"), active me(m|n|ng|ny)-
# ("membuat", "mengolah"); "didik", "dinas", "disabilitas", "media" do not match
VERB_RE = re.compile(r"^(?:di[a-z]{3,}(?:kan|i)|me(?:ng|ny|m|n)[a-z]{3,})$")
SENTENCE_RE = re.compile(r"[^\n]+")
SENTENCE_END_RE = re.compile(r"(?<=[.!?])[\\\"”’']*\s+(?=[\\\"“‘(]*[A-Z0-9])")
WORD_RE = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
TOTAL_HEAD_RE = re.compile(r"\b(?:jumlah|total)\s+$", re.I)
# a noun after these is a place or a recipient ("bantuan untuk petani mencapai 2,5 miliar"), not what is counted
LOCATIVE_RE = re.compile(r"\b(?:di|ke|dari|pada|se|untuk|bagi|kepada)[\s-]+$", re.I)
ORIGIN_RE = re.compile(r"[ \t]*(?:[^\W\d_]+[ \t]+){0,3}?dari[ \t]*", re.I)
BLANKS_RE = re.compile(r"[ \t]*")
NEXT_WORD_RE = re.compile(r"[ \t]+([^\W_]+(?:-[^\W_]+)*)")
NEXT_TOKEN_RE = re.compile(r"[ \t]*(\S+)?")
# "Dua desa tersebut ...", "100 orang itu ...": the count points back at what the article named before
ANAPHOR_AFTER_RE = re.compile(r"[ \t]+(?:tersebut|itu)\b", re.I)


@dataclass
class _Noun:
    rule: Rule
    start: int
    end: int

    @property
    def participant(self) -> bool:
        return self.rule.get("participant", True)

    @property
    def unit(self) -> str:
        return self.rule.get("unit") or self.rule["text"]

    @property
    def cls(self) -> str:
        return self.rule.get("cls", "person")


def sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans: lines, split again after . ! ? before a capital."""
    out = []
    for line in SENTENCE_RE.finditer(text):
        s = line.start()
        for m in SENTENCE_END_RE.finditer(line.group()):
            out.append((s, line.start() + m.start()))
            s = line.start() + m.end()
        out.append((s, line.end()))
    return out


def _phrase_re(phrases: list[str], possessive: bool = False) -> re.Pattern | None:
    """One regex for whole-word phrases; group "p" is the phrase. With ``possessive`` a phrase may carry the
    suffix -nya ("bagi 28 anggotanya")."""
    if not phrases:
        return None
    alts = "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))
    suffix = "(?:nya)?" if possessive else ""
    return re.compile(rf"(?<![\w])(?P<p>{alts}){suffix}(?![\w])", re.I)


def _place(rule: Rule) -> tuple[str, str]:
    return rule.get("position", "after"), rule.get("effect", "exclude")


class _RuleRegex:
    """One regex over many exclusion rules (a phrase in ``text`` or a regex in
    ``pattern``) that says which rule matched."""

    def __init__(self, rules: list[Rule]):
        self.rules = rules
        alts = []
        order = sorted(range(len(rules)), key=lambda i: -len(rules[i]["text"]))
        for i in order:
            r = rules[i]
            body = r.get("pattern") or re.escape(r["text"])
            alts.append(f"(?P<r{i}>{body})")
        self.re = re.compile(r"(?<![\w])(?:" + "|".join(alts) + r")(?![\w])", re.I) if alts else None

    def _rule(self, m: re.Match) -> Rule:
        return self.rules[int(m.lastgroup[1:])]

    def match(self, s: str) -> tuple[re.Match, Rule] | None:
        m = self.re.match(s) if self.re else None
        return (m, self._rule(m)) if m else None

    def last(self, s: str) -> tuple[re.Match, Rule] | None:
        found = None
        for m in (self.re.finditer(s) if self.re else []):
            found = m
        return (found, self._rule(found)) if found else None


class CountExtractor:
    """Finds participant-count mentions in an article's text."""

    def __init__(self, rules: RuleSet):
        self.numbers = NumberParser(rules)
        nouns = rules.get("counted_nouns")
        self.noun_rules = {r["text"].lower(): r for r in nouns}
        self.noun_re = _phrase_re([r["text"] for r in nouns], possessive=True)
        self.head_nouns = [r for r in nouns if not r.get("modifier")]
        self.head_noun_re = _phrase_re([r["text"] for r in self.head_nouns])
        excl = rules.get("count_exclusions")
        self.before_re = _RuleRegex([r for r in excl if _place(r) == ("before", "exclude")])
        self.after_re = _RuleRegex([r for r in excl if _place(r) == ("after", "exclude")])
        self.earlier_re = _RuleRegex([r for r in excl if _place(r) == ("earlier", "not_total")])
        self.sentence_re = _RuleRegex([r for r in excl if _place(r) == ("sentence", "not_total")])
        # a sentence about something else (population, poverty statistics) holds no participant counts
        self.sentence_ex_re = _RuleRegex([r for r in excl if _place(r) == ("sentence", "exclude")])
        # words right after a count that make it a per-unit figure ("5 peserta dari masing-masing desa")
        self.after_nt_re = _RuleRegex([r for r in excl if _place(r) == ("after", "not_total")])

    # -- finding ----------------------------------------------------------------
    def _noun_at(self, text: str, pos: int) -> _Noun | None:
        """The counted noun starting at ``pos`` (after blanks), longest match first."""
        pos = BLANKS_RE.match(text, pos).end()
        if self.noun_re is None:
            return None
        if text.startswith("(", pos):  # "Total sementara 2.460 (siswa program kemitraan)"
            pos = BLANKS_RE.match(text, pos + 1).end()
        nm = self.noun_re.match(text, pos)
        if nm is None:
            return None
        rule = self.noun_rules[nm.group("p").lower()]
        noun = _Noun(rule, nm.start(), nm.end())
        if rule.get("classifier") or rule.get("modifier"):
            nxt = self._noun_at(text, nm.end())  # "24 orang nelayan", "25 calon peserta"
            if nxt is not None and not nxt.rule.get("modifier"):
                return nxt  # may be a non-participant ("50 orang panitia"), which blocks the count
            if rule.get("modifier"):
                return None
        return noun

    def _excluded_by_context(self, text: str, sent_start: int, num: NumberMatch, noun: _Noun | None) -> str | None:
        """Why the words around ``num`` say it is no count (money, date, year...), or None.
        A counted noun right after the number wins over a shorter exclusion ("10 unit usaha")."""
        before = text[max(sent_start, num.start - 30):num.start]
        after = text[num.end:num.end + 30]
        if re.search(r"\d[/:]\s*$", before) or re.match(r"[/:]\d", after) or re.match(r"\s*[%‰]", after):
            return "date_or_ratio"
        if after.startswith(")") and "(" not in before[-3:]:
            return "list_marker"  # "1) Klaster cabai; 2) Klaster sapi"
        if num.form == "digits" and re.fullmatch(r"0\d+|\d{8,}", num.text.replace(".", "")):
            return "phone_or_code"
        if re.search(r"[+]\s*$", before):
            return "phone_or_code"
        pm = self.before_re.match(num.text)  # a prefix inside the number: "minimal 8 orang"
        if pm is not None:
            return pm[1].source
        bm = self.before_re.last(before)
        if bm is not None and re.fullmatch(r"[\s\-–.]*", before[bm[0].end():]):
            if not (bm[1]["kind"] in ("year", "ordinal") and noun is not None
                    and (bm[0].group().lower() == "ke" or ("." in num.text and num.form == "digits"))):
                return bm[1].source  # but "disalurkan ke 14 sekolah", "ke 3.000 nasabah" are no ordinals
        am = self.after_re.match(after.lstrip(" \t-"))
        if am is not None and (noun is None or noun.end - num.end <= am[0].end()):
            return am[1].source
        return None

    def _what(self, text: str, start: int, end: int, limit_words: int = 3) -> str:
        """The noun plus a few following words, to say what is counted."""
        words = [text[start:end]]
        pos = end
        for _ in range(limit_words):
            m = NEXT_WORD_RE.match(text, pos)
            if m is None or m.group(1).lower() in WHAT_STOP or m.group(1)[0].isdigit() or VERB_RE.match(m.group(1)):
                break  # "peserta dibagi ...", "orang pelatihan membuat ...": a verb starts what is said of them
            words.append(m.group(1))
            pos = m.end()
        return " ".join(words)

    def _noun_before(self, text: str, sent_start: int, num: NumberMatch) -> tuple[_Noun, str] | None:
        """A counted noun before the number, joined by a link word ("peserta sebanyak 50",
        "jumlah nasabah mencapai 1.500") or right after total/jumlah ("total nasabah 1.500")."""
        if self.head_noun_re is None:
            return None
        pre = text[sent_start:num.start]
        link = LINK_RE.search(pre)
        if link is not None:
            link_at = sent_start + link.start()
            cut = max(text.rfind(c, sent_start, link_at) for c in ",.;:!?()\"“”")
            clause_start = max(sent_start, cut + 1)
            words = list(WORD_RE.finditer(text, clause_start, link_at))
            if len(words) > 8:
                clause_start = words[-8].start()
            if any(self.before_re._rule(w)["kind"] == "money" for w in self.before_re.re.finditer(
                    text[clause_start:link_at])):
                return None  # "Dana yang diterima kelompok tani sebanyak 150 juta": money (rules/count_exclusions)
            found = None
            for m in self.head_noun_re.finditer(text, clause_start, link_at):
                if TOTAL_HEAD_RE.search(text, clause_start, m.start()):
                    found = m  # the noun right after jumlah/total is what is counted
                    break
                numbered_place = (not self.noun_rules[m.group().lower()].get("participant", True)
                                  and self._numbered(text, clause_start, m.start()))
                if not numbered_place and not LOCATIVE_RE.search(text, clause_start, m.start()):
                    found = m  # otherwise the last noun not in "di kota", "dari desa", nor a place counted by its
                    # own number ("ibu-ibu dari lima dusun yang jumlahnya mencapai 75 orang": the 75 are the ibu-ibu)
            if found is None:
                return None
            return _Noun(self.noun_rules[found.group().lower()], found.start(), found.end()), "noun_before"
        m = re.search(r"\b(?:total|jumlah)\s+(\S+(?:\s+\S+)?)\s*$", pre, re.I)
        if m is not None:
            nm = self.head_noun_re.fullmatch(m.group(1)) or self.head_noun_re.fullmatch(m.group(1).split()[0])
            if nm is not None:
                off = sent_start + m.start(1)
                return _Noun(self.noun_rules[nm.group().lower()], off, off + len(nm.group())), "noun_before"
        return None

    def _numbered(self, text: str, start: int, noun_start: int) -> bool:
        """Whether a number stands right before the noun at ``noun_start`` ("lima dusun", "12 desa")."""
        nums = self.numbers.scan(text[start:noun_start])
        return bool(nums) and not text[start + nums[-1].end:noun_start].strip()

    def _scaled(self, s: str) -> bool:
        """Whether a number is written with a multiplier word (ribu, juta, miliar: rules/number_words kind big)."""
        return any(self.numbers.words.get(w.lower(), ("",))[0] == "big" for w in WORD_RE.findall(s))

    @staticmethod
    def _follow_ok(text: str, pos: int) -> bool:
        word = NEXT_TOKEN_RE.match(text, pos).group(1) or ""
        if not word or not word[0].isalnum():
            return True
        w = WORD_RE.match(word)
        return w is not None and w.group().lower() in FOLLOW_OK

    def extract(self, text: str, regions: list[Region], title: tuple[int, int] | None = None) -> list[Mention]:
        """Count mentions in ``text``; numbers inside ``regions`` come back ``excluded``. ``title``: where the
        headline is (a count there is the figure the article is about)."""
        mentions: list[Mention] = []
        group: Mention | None = None  # the last people count so far, which a later breakdown may split
        lede = None  # the first sentence of the body, which says what the news is
        for s_start, s_end in sentences(text):
            found = self._sentence(text, s_start, s_end, regions, group)
            if lede is None:
                lede = self._lede(text, s_start, s_end, regions, title)
                for m in found if lede else ():
                    m.value["lede"] = True
            mentions.extend(found)
            group = next((m for m in reversed(found) if m.value.get("cls") in ("person", "business")
                          and not m.value.get("part")), group)
        mentions = _drop_anaphors(text, mentions, self.numbers)
        _mark_totals(text, mentions, title)
        return mentions

    @staticmethod
    def _lede(text: str, s_start: int, s_end: int, regions: list[Region], title: tuple[int, int] | None) -> bool | None:
        """None for a sentence before the body (the headline, excluded text, a fragment of one or two words);
        for the body's first sentence, whether it is a lede (eight words or more)."""
        words = len(WORD_RE.findall(text, s_start, s_end))
        if (words < 3 or (title is not None and title[0] <= s_start < title[1])
                or in_regions(s_start, s_end, regions) is not None):
            return None
        return words >= 8

    def _sentence(self, text: str, s_start: int, s_end: int, regions: list[Region],
                  group: Mention | None = None) -> list[Mention]:
        """Count mentions of one sentence, in order (a breakdown needs the count before it). ``group``: the
        last people count of the sentences before, which "Mereka terdiri atas ..." breaks down."""
        out: list[Mention] = []
        sent = text[s_start:s_end]
        if self.sentence_ex_re.last(sent) is not None:
            return out  # "jumlah penduduk miskin tercatat 128 ribu orang": a statistic (rules/count_exclusions)
        nums = [NumberMatch(n.start + s_start, n.end + s_start, n.text, n.number, n.form, n.direction)
                for n in self.numbers.scan(sent)]
        last_count: Mention | None = None
        for idx, num in enumerate(nums):
            m = self._count(text, s_start, num, last_count, nums[idx + 1] if idx + 1 < len(nums) else None)
            if m is None:
                m = self._named_part(text, s_start, num, last_count or group)
            if m is None:
                m = self._subset(text, s_start, num, last_count or group)
            if m is None:
                continue
            m.excluded = in_regions(m.start, m.end, regions) is not None
            self._annotate(m, text, s_start, sent, num, last_count)
            each = EACH_RE.search(text, max(s_start, num.start - 60), num.start)
            if (each is not None and not any(n.start > each.end() and n.end <= num.start for n in nums)
                    and not EACH_CLOSED_RE.search(text, each.end(), num.start)):
                out.extend(self._each(text, s_start, m, each, nums[:idx], out))
            else:
                part = self._out_of(text, s_start, nums[idx - 1] if idx else None, m, out)
                out.extend([part, m] if part is not None else [m])
            last_count = m
        _mark_series(text, out)
        return out

    def _named_part(self, text: str, s_start: int, num: NumberMatch, group: Mention | None) -> Mention | None:
        """"(Mereka) terdiri atas 12 direktur BUMDes dan 13 bendahara": after a breakdown cue, a number before a
        word the counted-noun list lacks is still a part of the people counted before."""
        if group is None or group.value.get("cls") not in ("person", "business") or num.number.value is None:
            return None
        lead = PART_LEAD_RE.search(text, s_start, num.start)
        if lead is None or self._noun_at(text, num.end) is not None:
            return None
        if self._excluded_by_context(text, s_start, num, None) is not None:
            return None  # "6 bulan", "20 persen": rules/count_exclusions
        if not self._people_subject(text, group.end if group.start >= s_start else s_start, lead.start()):
            return None
        word = re.match(r"[ \t]+([a-z][a-z-]{2,})\b", text[num.end:num.end + 40])
        if word is None or word.group(1) in FOLLOW_OK or word.group(1) in WHAT_STOP:
            return None
        end = num.end + word.end()
        value: CountValue = {
            "count": num.number.value, "unit": word.group(1), "what": self._what(text, num.end + word.start(1), end),
            "total": False, "approx": num.number.approx, "low": num.number.low, "high": num.number.high,
            "pattern": "breakdown_noun", "cls": group.value.get("cls", "person"), "part": True}
        return Mention(kind="count", text=text[num.start:end], start=num.start, end=end,
                       source="regex:counts:breakdown_noun", value=as_value(value))

    def _subset(self, text: str, s_start: int, num: NumberMatch, group: Mention | None) -> Mention | None:
        """ "(Mereka 10 pemenang.) Tiga di antaranya ...", "50 orang, dengan 47 di antaranya ...": a bare number
        before "di antaranya" is a subset of the count before it, in that count's unit ("N sisanya": the rest,
        a part)."""
        rest = REST_AFTER_RE.match(text, num.end) is not None
        if group is None or num.number.value is None or not (rest or SUBSET_AFTER_RE.match(text, num.end)):
            return None
        if self._noun_at(text, num.end) is not None or self._excluded_by_context(text, s_start, num, None):
            return None
        v = group.value
        value: CountValue = {"count": num.number.value, "unit": v["unit"], "what": v["what"], "total": False,
                             "approx": num.number.approx, "low": num.number.low, "high": num.number.high,
                             "pattern": "subset", "cls": v.get("cls", "person"), "part": True, "subset": not rest}
        return Mention(kind="count", text=num.text, start=num.start, end=num.end, source="regex:counts:subset",
                       value=as_value(value))

    @staticmethod
    def _staff_take_part(text: str, s_start: int, num: NumberMatch, noun: _Noun) -> bool:
        """Staff, journalists, employees (rules/counted_nouns takes_part) counted as the ones who take part
        ("diikuti 40 pegawai", "60 jurnalis mengikuti pelatihan", "melibatkan 80 karyawan"): the programme's
        participants, not its organisers."""
        if not noun.rule.get("takes_part"):
            return False  # organisers (panitia, narasumber, instruktur) and audiences never take part
        return (STAFF_TAKE_PART_BEFORE_RE.search(text, s_start, num.start) is not None
                or STAFF_TAKE_PART_AFTER_RE.match(text, noun.end) is not None)

    def _out_of(self, text: str, s_start: int, num: NumberMatch | None, whole: Mention,
                found: list[Mention]) -> Mention | None:
        """ "baru 22 dari 48 sekolah ...", "tiga dari sepuluh pemenang": a bare number right before "dari" and a
        count is a subset of that count, in its unit (the count itself stays the whole)."""
        if num is None or any(m.start <= num.start < m.end for m in found) or num.number.value is None:
            return None
        if not OUT_OF_RE.fullmatch(text, num.end, whole.start) or whole.value.get("pattern") != "num_noun":
            return None
        if not 2 <= num.number.value < (whole.value.get("count") or 0):
            return None
        if self._excluded_by_context(text, s_start, num, None) is not None:
            return None
        v = whole.value
        cue = _cue(text[s_start:num.start])
        # "Pelatihan diikuti 40 dari 60 petani yang mendaftar": a cued subset is who took part, a candidate total
        part = cue == "none"
        value: CountValue = {"count": num.number.value, "unit": v["unit"], "what": v["what"], "total": False,
                             "approx": num.number.approx, "low": num.number.low, "high": num.number.high,
                             "pattern": "out_of", "cls": v.get("cls", "person"), "part": part, "subset": part,
                             "cue": cue}
        return Mention(kind="count", text=num.text, start=num.start, end=num.end, source="regex:counts:out_of",
                       value=as_value(value), excluded=whole.excluded)

    def _people_subject(self, text: str, start: int, end: int) -> bool:
        """Whether text[start:end], before "terdiri atas", names the people: nothing (the count itself),
        "yang", "Mereka", or a participant noun ("Peserta")."""
        words = text[start:end].replace(",", " ").split()
        if not words or words[0].lower() in ("mereka", "yang"):
            return True
        noun = self._noun_at(text, text.index(words[0], start) - 1)
        return noun is not None and noun.participant

    def _count(self, text: str, s_start: int, num: NumberMatch, last_count: Mention | None,
               next_num: NumberMatch | None = None) -> Mention | None:
        """The count mention for ``num``, or None when it counts nothing (or nothing that participates)."""
        noun = self._noun_at(text, num.end)
        if self._excluded_by_context(text, s_start, num, noun) is not None:
            return None
        trainees = noun is not None and not noun.participant and self._staff_take_part(text, s_start, num, noun)
        if noun is not None and not noun.participant and not trainees:
            return None
        if num.form == "collective" and (noun is None or noun.rule.get("collective") is False):
            # "Kedua, ..." alone is an ordinal; "ketiga lembaga" points back at bodies named before, usually the
            # organisers (rules/counted_nouns: collective false)
            return None
        pattern, inherited = "num_noun", None
        if noun is None:
            if not self._follow_ok(text, num.end):
                return None
            nb = self._noun_before(text, s_start, num)
            between = text[last_count.end:num.start] if last_count is not None else ""
            if nb is not None:
                noun, pattern = nb
                if not noun.participant:
                    return None
            elif last_count is not None and BREAKDOWN_GAP_RE.search(between) and not re.search(r"[.!?]", between):
                if self._scaled(num.text) and not self._scaled(last_count.text):
                    return None  # "100 petani menerima bibit, dan 2 miliar untuk irigasi": money, not a part
                inherited, pattern = last_count, "breakdown"
            else:
                return None
        value = num.number
        limit = noun.rule.get("max") if noun is not None else None
        if limit is not None and (value.value or value.low or 0) > limit:
            return None  # "74 ribu desa" is a national statistic
        if value.value == 1 and not self._coordinated(text, last_count, num) and not (
                noun is not None and self._coordinated_next(text, s_start, num, noun, next_num)):
            return None  # "salah satu desa", "seorang warga": one is never a programme's count alone
        if inherited is not None:
            unit, what, cls = inherited.value["unit"], inherited.value["what"], inherited.value.get("cls", "person")
            source, end = "regex:counts:breakdown", num.end
            if _next_word(text, inherited.end) == _next_word(text, num.end) != "":
                inherited.value["part"] = True  # "38 UMK dari A, 31 dari B": the first is a part too
        else:
            unit, cls = noun.unit, ("person" if trainees and noun.cls == "staff" else noun.cls)  # "diikuti 12 tim": groups
            what = self._what(text, noun.start, noun.end)
            # the counted noun's rule decided the count either way; value["pattern"] says where the noun stood
            source, end = noun.rule.source, (noun.end if pattern == "num_noun" else num.end)
            if pattern == "num_noun" and noun.rule.get("classifier"):
                nb = self._noun_before(text, s_start, num)  # "total peserta 48 orang"
                if nb is not None and not nb[0].participant:
                    return None  # "jumlah tersangka mencapai 9 orang", "jumlah penduduk 286 juta jiwa"
                if nb is not None and not nb[0].rule.get("classifier"):
                    what = self._what(text, nb[0].start, nb[0].end)
        counted: CountValue = {"count": value.value, "unit": unit, "what": what, "total": False,
                               "approx": value.approx, "low": value.low, "high": value.high, "pattern": pattern,
                               "cls": cls, "part": pattern == "breakdown",
                               "classifier": bool(noun is not None and noun.rule.get("classifier"))}
        return Mention(kind="count", text=text[num.start:end], start=num.start, end=end, source=source,
                       value=as_value(counted))

    def _annotate(self, m: Mention, text: str, s_start: int, sent: str, num: NumberMatch,
                  last_count: Mention | None) -> None:
        """Sentence context: is it a part of a breakdown, a subset, a target or past figure; how is it cued?"""
        pre = text[s_start:num.start]
        cues = [c for c in PART_CUE_RE.finditer(pre)
                if not (EACH_RE.fullmatch(c.group()) and EACH_CLOSED_RE.search(pre, c.end()))
                and not (OWN_CLAUSE_RE.search(pre, c.end())  # a cue that led no count before this one
                         and (last_count is None or last_count.start < s_start + c.end()))]
        if cues or (last_count is not None and ORIGIN_RE.fullmatch(text, last_count.end, num.start)):
            m.value["part"] = True  # "dibagi menjadi ...", "45 orang dari empat desa"
        if last_count is not None and not m.value.get("part"):
            between = text[last_count.end:num.start]
            if FROM_LEAD_RE.fullmatch(text, s_start, last_count.start) and re.fullmatch(r"\s*,\s*", between):
                m.value["part"] = True  # "Dari 16 peserta, 6 peserta dari A dan 10 peserta dari B"
            elif (last_count.value.get("part") and not last_count.value.get("subset")
                  and last_count.value.get("unit") == m.value.get("unit") and PART_AND_RE.fullmatch(between)):
                m.value["part"] = True  # ... and the next one, joined to that part
        if SUBSET_AFTER_RE.match(text, num.end) or SUBSET_CUE_RE.search(pre) or FROM_WHOLE_RE.search(pre):
            m.value["part"], m.value["subset"] = True, True  # "60 peserta, 35 di antaranya perempuan"
        cue = _cue(pre)
        earlier = self.earlier_re.last(pre)
        demoted = earlier or self.sentence_re.last(sent) or self.after_nt_re.match(
            BLANKS_RE.sub("", text[m.end:m.end + 40], count=1))
        if earlier is None and demoted is not None and demoted[1]["kind"] == "batch" and cue == "strong":
            demoted = None  # "angkatan pertama 40, kedua 35, ketiga 45 peserta, sehingga totalnya 120": the sum
        if demoted is None and m.value.get("pattern") == "num_noun" and OTHERS_RE.search(m.value.get("what") or ""):
            m.value["not_total"] = "others"  # "Sementara 25 koperasi lainnya ...": the rest, beside the count before
            m.note = "not a total: the others (lainnya)"
        if demoted is not None:
            m.value["not_total"] = demoted[1]["kind"]
            m.note = f"not a total: {demoted[0].group()} ({demoted[1].source})"
            if demoted[1]["kind"] == "batch":  # every batch the sentence names ("tahap satu ... tahap dua")
                named = self.sentence_re.re.finditer(sent)
                m.value["batch"] = sorted({_batch_label(b.group(), self.numbers) for b in named
                                           if self.sentence_re._rule(b)["kind"] == "batch"})
        m.value["cue"] = cue

    def _coordinated_next(self, text: str, s_start: int, num: NumberMatch, noun: _Noun,
                          next_num: NumberMatch | None) -> bool:
        """ "operasi satu orang anak penderita kanker dan tiga orang anak bibir sumbing": one, listed with a
        count of the same noun right after it, is an item of that list (not "salah satu desa")."""
        if next_num is None or SALAH_BEFORE_RE.search(text[max(s_start, num.start - 8):num.start]):
            return False
        if not COORD_NEXT_RE.fullmatch(text, noun.end, next_num.start):
            return False
        nxt = self._noun_at(text, next_num.end)
        return nxt is not None and nxt.unit == noun.unit

    @staticmethod
    def _coordinated(text: str, prev: Mention | None, num: NumberMatch) -> bool:
        return prev is not None and COORD_RE.match(text[prev.end:num.start]) is not None

    def _each(self, text: str, s_start: int, m: Mention, each: re.Match, earlier_nums: list[NumberMatch],
              earlier_mentions: list[Mention]) -> list[Mention]:
        """Expand "masing-masing N" into one mention per item it distributes over."""
        prev_end = s_start
        prev_num = None
        for n in earlier_nums:
            if n.end <= each.start():
                prev_end, prev_num = n.end, n
        if prev_num is not None:
            # skip the noun of the previous number ("lima orang", "empat kelas pelatihan")
            prev_m = next((x for x in earlier_mentions if x.start == prev_num.start), None)
            if prev_m is not None:
                prev_end = max(prev_end, prev_m.end)
        segment = text[prev_end:each.start()]
        items = self._list_items(segment)
        if len(items) < 2:
            # "32 anggota, masing-masing 16 orang dari Desa A dan Desa B": the list follows the count
            items = self._list_after(text, m.end)
        prev_m = next((x for x in earlier_mentions if prev_num is not None and x.start == prev_num.start), None)
        people_before = prev_m is not None and prev_m.value.get("cls") == "person"
        if (len(items) < 2 and prev_num is not None and (prev_num.number.value or 0) >= 2 and not people_before
                and self._excluded_by_context(text, s_start, prev_num, None) is None):  # not "250 ekor sapi"
            # "lima kelompok, masing-masing 10 orang": one part per group counted before (never per person)
            label = self._what(text, prev_num.end, prev_num.end, 3).strip() or "kelompok"
            items = [f"{label} {i + 1}" for i in range(min(prev_num.number.value, 10))]
        elif len(items) < 2 and not text[s_start:each.start()].strip():
            items = self._previous_sentence_list(text, s_start)
        if len(items) < 2:
            return [m]
        out = []
        for item in items[:10]:
            v = dict(m.value, pattern="each", part=True, item=item, what=f"{m.value['unit']} {item}".strip())
            out.append(Mention(kind="count", text=m.text, start=m.start, end=m.end,
                               source="regex:counts:each", value=v, excluded=m.excluded, note=m.note))
        return out

    def _list_after(self, text: str, pos: int) -> list[str]:
        """The list a distributed count is followed by: "... masing-masing 16 orang dari Desa A dan Desa B"."""
        end = len(text)
        stop = re.compile(r"[.;!?\n]").search(text, pos)
        if stop is not None:
            end = stop.start()
        lead = EACH_LIST_AFTER_RE.match(text, pos, end)
        if lead is None:
            return []
        items = self._list_items(text[lead.end():end])
        return items if 2 <= len(items) <= 10 else []

    @staticmethod
    def _list_items(segment: str) -> list[str]:
        lead = LIST_LEAD_RE.match(segment)
        if lead is not None:
            segment = segment[lead.end():]
        items = [it.strip(" ,.;:\"“”'") for it in LIST_SPLIT_RE.split(segment)]
        return [it for it in items if WORD_RE.search(it)]

    def _previous_sentence_list(self, text: str, s_start: int) -> list[str]:
        prev = [s for s in sentences(text[:s_start]) if text[s[0]:s[1]].strip()]
        if not prev:
            return []
        seg = text[prev[-1][0]:prev[-1][1]]
        lead = LIST_LEAD_RE.match(seg)
        if lead is None:
            return []
        items = self._list_items(seg[lead.end():])
        return items if 2 <= len(items) <= 10 else []


_ROMAN = {"i": 1, "v": 5, "x": 10}


def _batch_label(found: str, numbers: NumberParser) -> str:
    """ "Angkatan II" -> "angkatan 2", "tahap satu" -> "tahap 1", "gelombang kedua" -> "gelombang 2": the batch
    word and its ordinal, to tell batches apart."""
    words = found.lower().replace("ke-", " ").split()
    word, nth = words[0], words[-1] if len(words) > 1 else ""
    value = numbers.parse(nth)
    if value is not None and value.value is not None:
        nth = str(value.value)
    elif nth and set(nth) <= set(_ROMAN):
        vals = [_ROMAN[c] for c in nth]
        nth = str(sum(-v if i + 1 < len(vals) and v < vals[i + 1] else v for i, v in enumerate(vals)))
    return f"{word} {nth}"


def _drop_anaphors(text: str, mentions: list[Mention], numbers: NumberParser) -> list[Mention]:
    """A count that points back ("Dua desa tersebut merupakan ...", "100 orang itu NIK-nya ...") at a figure no
    other count of the article gives: it numbers places or people named before (the two villages a list gave,
    the suspects of a report), not who a programme reached. A restated count ("447 orang tersebut dikirim", after
    "mengirim 447 orang"), the sum of the counts before it ("800 siswa ... 150 ... Kini 950 siswa itu") and a
    collective ("Kedua kelompok tani itu": the groups the programme reached) stay."""
    said = Counter(m.value.get("count") for m in mentions)
    out = []
    for i, m in enumerate(mentions):
        if (m.value.get("pattern") == "num_noun" and said[m.value.get("count")] == 1
                and ANAPHOR_AFTER_RE.match(text, m.end)):
            before = [x.value.get("count") or 0 for x in mentions[:i] if x.value.get("unit") == m.value.get("unit")]
            scanned = numbers.scan(m.text)
            if not (len(before) >= 2 and sum(before) == m.value.get("count")) and not (
                    scanned and scanned[0].form == "collective"):
                continue
        out.append(m)
    return out


SERIES_GAP_RE = re.compile(r"[^.!?\n]{1,80}")
DIGIT_RE = re.compile(r"\d")
PLACE_GAP_RE = re.compile(r"(?:^|[\s(,])[A-Z][\w'-]+")  # a capitalised name between two counts of a list


def _mark_series(text: str, found: list[Mention]) -> None:
    """Three counts or more of one unit in a row in a sentence, none cued as a total and none already a part
    (then the sentence says itself what the parts are), are a list of parts ("Desa A 12 orang, Desa B 10 orang
    dan Desa C 8 orang", a yearly series): none of them is the programme's total."""
    run: list[Mention] = []
    for m in [m for m in found if m.value.get("pattern") != "each"] + [None]:
        if (m is not None and run and m.value.get("unit") == run[-1].value.get("unit")
                and SERIES_GAP_RE.fullmatch(text, run[-1].end, m.start)):
            run.append(m)
            continue
        if len(run) >= 3 and not any(x.value.get("cue") == "strong" or x.value.get("part") for x in run):
            whole = sum(x.value["count"] or 0 for x in run)
            halves = [x for x in run if 2 * (x.value["count"] or 0) == whole]
            # each count after a name ("Desa A 12 orang, Desa B 10 orang dan Desa C 8 orang") and no figure between
            # (a year, a date): a list over named places or bodies, whose sum is the whole when nothing else is
            named = not halves and all(PLACE_GAP_RE.search(text, a.end, b.start)
                                       and not DIGIT_RE.search(text, a.end, b.start) for a, b in zip(run, run[1:]))
            for x in run:
                if 2 * (x.value["count"] or 0) != whole:  # "Dari 16 peserta, 6 peserta ... dan 10 peserta": the whole
                    x.value["part"] = True
                    if named:
                        x.value["listed"] = True
        run = [m] if m is not None else []


def _next_word(text: str, pos: int) -> str:
    m = NEXT_WORD_RE.match(text, pos)
    return m.group(1).lower() if m else ""


def _cue(pre: str) -> str:
    """How strongly the words before a number say it is the programme's total."""
    pre = PAREN_RE.sub(" ", pre)  # "Jumlah penerima angkatan 4 (gelombang 1 dan 2) adalah 133": the cue spans it
    clauses = re.split(r"[,;:()\"“”]", pre)
    clause = clauses[-1]
    if STRONG_TOTAL_RE.search(clause):
        return "strong"
    if not clause.strip() and len(clauses) >= 2 and len(clauses[-2].split()) <= 3 and STRONG_TOTAL_RE.search(clauses[-2]):
        return "strong"  # "Secara keseluruhan, 55 perempuan ...": a short lead-in before the comma
    if MEDIUM_CUE_RE.search(pre):
        return "medium"
    return "none"


_CUE_RANK = COUNT_CUE_RANK
_FAMILY = COUNT_FAMILY


def _sums_of_others(cands: list[Mention], terms: list[Mention], max_terms: int = 4) -> set[int]:
    """Starts of people counts (among ``cands``) that equal the sum of two or more other people counts of the
    article (among ``terms``, demoted ones too: "since its founding, 97.000 trained"): the whole, not a part
    ("Angkatan I sebanyak 30 orang ... angkatan II 25 orang ... 55 perempuan")."""
    people = [m for m in cands if m.value.get("cls") in ("person", "business")]
    pool = [m for m in terms if m.value.get("cls") in ("person", "business")]
    found: set[int] = set()
    if not people or len(pool) < 3 or len(pool) > 12:
        return found
    for m in people:
        others = sorted({o.value["count"] for o in pool if o.value["count"] < m.value["count"]})
        for k in range(2, min(max_terms, len(others)) + 1):
            if any(sum(c) == m.value["count"] for c in combinations(others, k)):
                found.add(m.start)
                break
    return found


def _mark_totals(text: str, mentions: list[Mention], title: tuple[int, int] | None = None) -> None:
    """Mark the programme's overall count(s) ``total``: parts that add up to a
    count make it the total; otherwise the best-cued count (total/jumlah >
    sebanyak/diikuti > none, a count in the headline as good as total/jumlah,
    one in the lede as good as sebanyak), first in the text, plus a count coordinated with it ("75 sekolah dan 6
    perguruan tinggi"). People outrank groups."""
    live = [m for m in mentions if not m.excluded and m.value.get("count") is not None]
    batches: dict[str, set[str]] = {}  # batch word -> the ordinals the article counts under it
    for m in live:
        for label in m.value.get("batch") or ():
            word, _, nth = label.partition(" ")
            batches.setdefault(word, set()).add(nth)

    def demoted(m: Mention) -> str | None:
        why = m.value.get("not_total")
        if why == "batch" and all(len(batches[label.partition(" ")[0]]) < 2 for label in m.value["batch"]):
            return None  # the only batch the article counts ("angkatan kedua ini diikuti 74 peserta") is the programme
        return why

    for m in live:
        if demoted(m) == "batch":
            m.value["part"] = True  # one batch of several: a part of the count over all batches
    parts = {(m.value["count"], m.value.get("item"), m.value.get("what")): m
             for m in live if m.value.get("part") and not m.value.get("subset")}  # restated parts once

    cands = [m for m in live if not m.value.get("part") and not demoted(m)]
    if not cands:  # only demoted counts: a past or cumulative figure is still better than none, a target or
        # the ones the programme failed to reach are not
        cands = [m for m in live if not m.value.get("part") and demoted(m) not in (None, "target", "failed")]
    if not cands:
        return
    part_sum = sum(key[0] for key in parts) if len(parts) >= 2 else None
    sums = _sums_of_others(cands, [m for m in live if not m.value.get("part")]) if part_sum is None else set()
    # the headline's figure ("1.200 Petani Ikuti Sekolah Lapang") is what the article reports, unless the body
    # says it is a part, a quota, a past or cumulative figure
    headline = {m.value["count"] for m in cands if title is not None and title[0] <= m.start < title[1]}
    headline -= {m.value["count"] for m in live if m.value.get("part") or demoted(m)}

    def rank(m: Mention) -> int:
        if part_sum is not None and m.value["count"] == part_sum:
            return 4
        if m.start in sums or m.value["count"] in headline:
            return _CUE_RANK["strong"]  # as good as "total": an explicit total cue still decides ties by order
        if m.value.get("lede"):
            return max(_CUE_RANK["medium"], _CUE_RANK[m.value.get("cue", "none")])  # as good as "sebanyak"
        return _CUE_RANK[m.value.get("cue", "none")]

    best = max(rank(m) for m in cands)
    top = [m for m in cands if rank(m) == best]
    people = [m for m in top if m.value.get("cls") in ("person", "business")]
    if people and len(people) < len(top):
        top = people
    chosen = min(top, key=lambda m: m.start)
    totals = {chosen.value["count"]}
    ordered = sorted(cands, key=lambda m: m.start)
    for t in [m for m in ordered if m.value["count"] == chosen.value["count"]]:  # the total or a restatement
        nxt = next((m for m in ordered if m.start > t.end), None)
        coord = TOTAL_COORD_RE.match(text[_what_end(text, t):nxt.start]) if nxt is not None else None
        if (coord is not None and (coord["c"].lower() != "atau" or nxt.value.get("unit") != t.value.get("unit"))
                and demoted(nxt) != "others"):
            totals.add(nxt.value["count"])  # "atau" joins a restatement in another unit, not an alternative
            break
    if len(totals) == 1:
        i = ordered.index(chosen)
        for other, first, second in ((ordered[i - 1] if i else None, None, chosen),
                                     (ordered[i + 1] if i + 1 < len(ordered) else None, chosen, None)):
            if other is None or other.value["count"] == chosen.value["count"] or demoted(other) == "others":
                continue  # "..., sementara 25 koperasi lainnya": the rest of the same count, not a second programme
            first, second = first or other, second or other
            between = text[first.end:second.start]
            if (len(between) <= 300 and PARALLEL_RE.search(between) and rank(other) >= best - 1
                    and _FAMILY.get(other.value.get("cls"), other.value.get("cls"))
                    == _FAMILY.get(chosen.value.get("cls"), chosen.value.get("cls"))
                    and _alike(other, chosen, rank)):
                totals.add(other.value["count"])  # two programmes' totals, set side by side
                break
    for m in live:
        if m.value["count"] in totals and not m.value.get("part"):
            m.value["total"] = True


def _what_end(text: str, m: Mention) -> int:
    """Where the words saying what a count counts end ("75 sekolah dasar negeri dan 6 perguruan tinggi": after
    "negeri"): the words of its ``what`` after its noun, when the text goes on with them."""
    pos, words = m.end, (m.value.get("what") or "").split()
    noun = next((k for k in range(len(words), 0, -1) if m.text.lower().endswith(" ".join(words[:k]).lower())), None)
    for word in words[noun:] if noun is not None else ():
        nxt = NEXT_WORD_RE.match(text, pos)
        if nxt is None or nxt.group(1) != word:
            break
        pos = nxt.end()
    return pos


def _alike(a: Mention, b: Mention, rank) -> bool:
    """Two counts of the same thing (one unit, a classifier that names no kind (orang), or the first word of
    what they count: "peserta pelatihan koperasi" / "peserta pelatihan UMKM"), or both cued as programme
    counts: not "..., sementara 200 warga menonton"."""
    if (a.value.get("unit") == b.value.get("unit") or a.value.get("classifier") or b.value.get("classifier")
            or min(rank(a), rank(b)) >= _CUE_RANK["medium"]):
        return True
    first = [(m.value.get("what") or "").lower().split()[:1] for m in (a, b)]
    return bool(first[0]) and first[0] == first[1]
