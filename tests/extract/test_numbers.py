"""NumberParser: Indonesian numbers as digits, words, se- forms and approximations."""
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract.numbers import NumberParser, NumberValue
from pipeline.rules import load_rules

RULES_DIR = Path(__file__).resolve().parents[2] / "rules"


@pytest.fixture(scope="module")
def parser() -> NumberParser:
    return NumberParser(load_rules([RULES_DIR / "number_words.jsonl"]))


# -- digits with Indonesian separators ------------------------------------------------
@pytest.mark.parametrize("text, value", [
    ("7", 7),
    ("42", 42),
    ("1.686", 1686),
    ("2.500", 2500),
    ("10.000", 10000),
    ("1.234.567", 1234567),
    ("3000", 3000),
    ("1,686", 1686),  # written the English way: still a whole count
    ("2,5 juta", 2_500_000),
    ("8,2 juta", 8_200_000),
    ("4,3 juta", 4_300_000),
    ("23 ribu", 23_000),
    ("1,2 miliar", 1_200_000_000),
    ("1.5 juta", 1_500_000),
    ("5 triliun", 5_000_000_000_000),
])
def test_digits(parser, text, value):
    assert parser.parse(text) == NumberValue(value, False, value, value)


@pytest.mark.parametrize("text", ["1,5", "17.00", "0,25", "1.2.3", "12.34.5"])
def test_digits_that_are_not_whole_counts(parser, text):
    assert parser.parse(text) is None


# -- number words ---------------------------------------------------------------------
@pytest.mark.parametrize("text, value", [
    ("nol", 0), ("satu", 1), ("dua", 2), ("tiga", 3), ("empat", 4), ("lima", 5), ("enam", 6), ("tujuh", 7),
    ("delapan", 8), ("sembilan", 9), ("sepuluh", 10), ("sebelas", 11), ("dua belas", 12), ("tiga belas", 13),
    ("empat belas", 14), ("lima belas", 15), ("enam belas", 16), ("tujuh belas", 17), ("delapan belas", 18),
    ("sembilan belas", 19), ("dua puluh", 20), ("dua puluh satu", 21), ("dua puluh lima", 25),
    ("tiga puluh", 30), ("empat puluh dua", 42), ("lima puluh", 50), ("enam puluh tujuh", 67),
    ("sembilan puluh sembilan", 99), ("seratus", 100), ("seratus satu", 101), ("seratus sepuluh", 110),
    ("seratus sebelas", 111), ("seratus dua puluh lima", 125), ("dua ratus", 200),
    ("dua ratus lima belas", 215), ("tiga ratus dua puluh", 320), ("sembilan ratus sembilan puluh", 990),
    ("seribu", 1000), ("seribu lima ratus", 1500), ("dua ribu", 2000), ("dua ribu dua puluh", 2020),
    ("sepuluh ribu", 10_000), ("dua belas ribu", 12_000), ("lima puluh ribu", 50_000), ("seratus ribu", 100_000),
    ("tiga ratus ribu", 300_000), ("sejuta", 1_000_000), ("dua juta", 2_000_000),
    ("dua juta seratus ribu", 2_100_000), ("satu juta dua ratus ribu", 1_200_000), ("semiliar", 1_000_000_000),
    ("seratus dua puluh lima ribu tiga ratus", 125_300),
    # capitalised words at a sentence start or in a headline
    ("Empat", 4), ("Lima Puluh", 50), ("SERATUS", 100), ("Dua Belas", 12),
])
def test_words(parser, text, value):
    assert parser.parse(text) == NumberValue(value, False, value, value)


@pytest.mark.parametrize("text, value", [
    ("seorang", 1),  # one person
    ("kedua", 2),  # "kedua kelompok" = both groups
    ("ketiga", 3),
    ("keempat", 4),
    ("kelima", 5),
])
def test_se_classifier_and_collectives(parser, text, value):
    assert parser.parse(text).value == value


@pytest.mark.parametrize("text", [
    "dua tiga",  # two units in a row are not one number
    "dua puluh lima belas",
    "ribu",  # a multiplier alone
    "kedua belas",  # an ordinal (twelfth), not a collective
    "belas",
    "ratus dua",
    "seribu seribu",
    "bukan angka",
    "",
    "   ",
])
def test_not_numbers(parser, text):
    assert parser.parse(text) is None


# -- approximate forms ----------------------------------------------------------------
@pytest.mark.parametrize("text, low, high", [
    ("belasan", 11, 19),
    ("puluhan", 10, 99),
    ("ratusan", 100, 999),
    ("ribuan", 1000, 9999),
    ("jutaan", 1_000_000, 9_999_999),
    ("puluhan ribu", 10_000, 99_999),
    ("ratusan ribu", 100_000, 999_999),
    ("20-25", 20, 25),
    ("20 – 25", 20, 25),
])
def test_unknown_numbers_in_a_range(parser, text, low, high):
    assert parser.parse(text) == NumberValue(None, True, low, high)


@pytest.mark.parametrize("text, value, low, high", [
    ("sekitar 50", 50, None, None),
    ("sekira 40", 40, None, None),
    ("kurang lebih 2", 2, None, None),
    ("lebih kurang 300", 300, None, None),
    ("kira-kira 60", 60, None, None),
    ("± 30", 30, None, None),
    ("sekitar seribu", 1000, None, None),
    ("lebih dari 100", 100, 101, None),
    ("lebih dari seratus", 100, 101, None),
    ("hampir 200", 200, None, 199),
    ("kurang dari 20", 20, None, 19),
    ("sedikitnya 13", 13, 13, None),
    ("setidaknya lima", 5, 5, None),
    ("tidak kurang dari 100", 100, 100, None),
    ("paling banyak 25", 25, None, 25),
    ("tidak lebih dari 5", 5, None, 5),
    ("100 lebih", 100, 101, None),
    ("100-an", 100, None, None),
    ("sekitar 2,5 juta", 2_500_000, None, None),
])
def test_approximate_numbers(parser, text, value, low, high):
    assert parser.parse(text) == NumberValue(value, True, low, high)


# -- finding numbers in running text --------------------------------------------------
def test_scan_gives_offsets_into_the_text(parser):
    text = "Sebanyak 30 orang, sekitar 1.000 warga dan enam puluh desa menerima Rp 2,5 juta."
    found = parser.scan(text)
    assert [(m.text, m.number.value) for m in found] == [
        ("30", 30), ("sekitar 1.000", 1000), ("enam puluh", 60), ("2,5 juta", 2_500_000)]
    for m in found:
        assert text[m.start:m.end] == m.text


def test_scan_keeps_words_apart_from_numbers(parser):
    text = "Satu-satunya desa, kedua belah pihak dan masing-masing peserta."
    assert [m.text for m in parser.scan(text)] == ["kedua"]


@pytest.mark.parametrize("text, found", [
    ("dibagi menjadi 5 (lima) kelompok", [("5 (lima)", 5)]),
    ("sebanyak tujuh (7) orang", [("tujuh (7)", 7)]),
    ("diikuti 12 (dua belas) peserta", [("12 (dua belas)", 12)]),
    ("membuat 8 (sembilan) macam olahan", [("8", 8), ("sembilan", 9)]),  # another number: two
])
def test_scan_joins_a_number_restated_in_brackets(parser, text, found):
    assert [(m.text, m.number.value) for m in parser.scan(text)] == found


def test_scan_reports_the_approximation_direction(parser):
    (m,) = parser.scan("diikuti lebih dari 200 peserta")
    assert (m.text, m.direction, m.form) == ("lebih dari 200", "over", "digits")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parse_never_raises(parser, s):
    result = parser.parse(s)
    assert result is None or isinstance(result, NumberValue)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["dua", "puluh", "ratus", "ribu", "belas", "se", "seratus", "1.000", ",", "5",
                                 "juta", "sekitar", "lebih", "dari", "-", "an", "ratusan", "kedua", "x"]), max_size=8))
def test_parse_and_scan_never_raise_on_number_like_text(parser, words):
    s = " ".join(words)
    parser.parse(s)
    for m in parser.scan(s):
        assert s[m.start:m.end] == m.text
