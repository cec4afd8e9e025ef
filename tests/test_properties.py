"""Property-based tests: the decoder, the loaders, the segmenter and the date and number readers never
crash on arbitrary input, and every offset they give points at the text it claims."""
from __future__ import annotations

import codecs
import json

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pipeline.extract.dates import DateExtractor
from pipeline.extract.numbers import NumberParser
from pipeline.load import LoadFailure, load_file
from pipeline.load.decode import DecodeError, decode_bytes
from pipeline.load.jsonl import load_json, load_jsonl
from pipeline.segment import Segmenter
from pipeline.types import Article

SOME = settings(max_examples=150, deadline=None)
FEW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# text without control characters and surrogates (a text file holds none), but with every other kind
# of character, line and paragraph separators included
PRINTABLE = st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufeff")
TEXTLIKE = st.text(PRINTABLE | st.sampled_from("\n\t\r "), max_size=300)

# Indonesian news pieces, so that the extractors get past their first checks
WORDS = ["Senin", "(12/6/2023)", "12", "Juni", "2023", "Maret", "hingga", "s.d.", "-", "–", "/", "kemarin",
         "pekan", "lalu", "tahun", "Rp", "1.500", "dua", "puluh", "ratusan", "sekitar", "orang", "peserta",
         "Desa", "Sukamaju", "JAKARTA", "KOMPAS.com", "–", "Baca", "juga:", "Editor:", "Foto:", "\n", "\n\n",
         ",", ".", "(", ")", "WIB", "pukul", "10.00", "Pelatihan", "UMKM", "Kabupaten", "tanggal", "21/3",
         "2024-05-02", "Jumat,", "sejak", "awal", "bulan", "1945", "’", "\u2028", "é"]
NEWSLIKE = st.lists(st.sampled_from(WORDS) | st.text(PRINTABLE, max_size=6), max_size=40).map(" ".join)
ANY_TEXT = st.one_of(st.text(max_size=300), TEXTLIKE, NEWSLIKE)


@pytest.fixture(scope="module")
def dates(rules) -> DateExtractor:
    return DateExtractor(rules)


@pytest.fixture(scope="module")
def segmenter(rules) -> Segmenter:
    return Segmenter(rules)


@pytest.fixture(scope="module")
def numbers(rules) -> NumberParser:
    return NumberParser(rules)


# -- decoding ----------------------------------------------------------------------------------------------
@SOME
@given(st.binary(max_size=2000))
def test_decode_bytes_gives_text_or_a_decode_error(raw):
    try:
        text, encoding = decode_bytes(raw)
    except DecodeError:
        return
    assert isinstance(text, str) and isinstance(encoding, str) and encoding


@SOME
@given(TEXTLIKE, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom"]))
def test_unicode_encodings_round_trip(text, encoding):
    raw = codecs.BOM_UTF16_BE + text.encode("utf-16-be") if encoding == "utf-16-be-bom" else text.encode(encoding)
    assert decode_bytes(raw)[0] == text


LATIN_WORDS = st.lists(st.sampled_from(["pelatihan", "warga", "desa", "Koperasi", "UMKM", "kata", "Budi", "30"])
                      | st.text(st.characters(min_codepoint=0xC0, max_codepoint=0xFF), min_size=1, max_size=2),
                      min_size=3, max_size=30).map(" ".join)


@SOME
@given(LATIN_WORDS, st.sampled_from(["utf-16-le", "utf-16-be"]))
def test_utf16_without_bom_is_not_taken_for_binary(text, encoding):
    assert decode_bytes(text.encode(encoding)) == (text, encoding)


@SOME
@given(LATIN_WORDS, st.sampled_from(["latin-1", "cp1252"]))
def test_latin_text_with_accents_is_decoded_as_written(text, encoding):
    assume(sum(ord(c) >= 0x80 for c in text) <= 0.3 * len(text))  # mostly ASCII, as Indonesian news is
    assert decode_bytes(text.encode(encoding))[0] == text


# -- loaders -------------------------------------------------------------------------------------------------
LINE = st.one_of(
    st.fixed_dictionaries({"text": TEXTLIKE}, optional={"id": st.one_of(st.text(max_size=8), st.integers()),
                                                        "title": st.text(max_size=10)}).map(json.dumps),
    st.text(PRINTABLE, max_size=80),  # mostly not JSON
    st.sampled_from(["", " ", "{", "[]", "null", '{"text": 5}', '"teks"', "[" * 5000]),
)


@SOME
@given(st.lists(LINE, max_size=12))
def test_every_nonblank_jsonl_line_is_one_article_or_one_failure(lines):
    assume(all("\n" not in line for line in lines))
    raw = "\n".join(lines).encode("utf-8")
    items = list(load_jsonl(raw, "umpan", "umpan.jsonl"))
    nonblank = [n for n, line in enumerate(lines, 1) if line.strip()]
    assert len(items) == max(len(nonblank), 1)  # an all-blank file is one "empty file" failure
    for item, n in zip(items, nonblank):
        assert isinstance(item, (Article, LoadFailure))
        if isinstance(item, Article):
            assert item.text.strip() and item.id.startswith("umpan#")
        else:
            assert item.error.startswith(f"line {n}: ")


@SOME
@given(st.binary(max_size=1500))
def test_jsonl_and_json_loaders_on_arbitrary_bytes(raw):
    for loader in (load_jsonl, load_json):
        try:
            items = list(loader(raw, "f", "f.jsonl"))
        except DecodeError:
            continue
        assert all(isinstance(i, (Article, LoadFailure)) for i in items)


@FEW
@given(st.binary(max_size=1500) | TEXTLIKE.map(lambda t: t.encode("utf-8")),
       st.sampled_from(["txt", "html", "json", "jsonl"]))
def test_load_file_never_raises(tmp_path, raw, suffix):
    path = tmp_path / f"berita.{suffix}"
    path.write_bytes(raw)
    items = list(load_file(path, tmp_path))
    assert items and all(isinstance(i, (Article, LoadFailure)) for i in items)


# -- segmenter, dates, numbers ------------------------------------------------------------------------------
def within(span, text: str) -> bool:
    return span is None or 0 <= span[0] <= span[1] <= len(text)


@SOME
@given(ANY_TEXT, st.none() | st.text(max_size=40))
def test_segmenter_regions_stay_within_the_text(segmenter, text, title):
    seg = segmenter(text, title)
    for r in seg.regions:
        assert 0 <= r.start < r.end <= len(text), r
    assert all(a.end <= b.start for a, b in zip(seg.regions, seg.regions[1:]))  # merged, in order
    assert within(seg.title, text) and within(seg.dateline, text) and within(seg.dateline_place, text)


@SOME
@given(ANY_TEXT)
def test_date_mentions_point_at_their_text(dates, text):
    result = dates.extract(text, [])
    for m in result.mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
    assert result.published is None or isinstance(result.published, str)


@SOME
@given(ANY_TEXT)
def test_number_matches_point_at_their_text(numbers, text):
    for m in numbers.scan(text):
        assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.text
