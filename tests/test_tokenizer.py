"""The fast tokenizer must give exactly spaCy's Indonesian tokens (it only builds faster)."""
from __future__ import annotations

import time

import pytest
import spacy
import srsly

from pipeline import tokenizer
from pipeline.extract.ner import DEFAULT_MODEL

SENTENCES = [
    "Anak-anak di Desa Sukamaju mengikuti pelatihan sehari-hari bersama ibu-ibu PKK.",
    "Harga kopi naik 3,2 persen (year-on-year/yoy), kata Kepala BPS, Budi Santoso.",
    "Bantuan untuk anak-anak/remaja dan ibu-ibu/bapak-bapak diserahkan Sabtu (12/3).",
    "Program e-KTP dan x-ray; kegiatan tes-tes awal di buah-buahan-anak kebun.",
    "Peserta (anak-anak), ANAK-ANAK! Anak-Anak. anak-anak-anak --sehari-hari--",
    "Pelatihan a.n. Dr.-Ing Rina :-) dan C++ di Kab. Garut, a. b. c.",
    "Warga  bergotong-royong\tmembangun jalan\n\nsecara bahu-membahu - sesuai rencana",
    "year - on - year bukan year-on-year; gotong-royong-nya x-anak-anak-ibu-ibu/y",
]


@pytest.fixture(scope="module")
def spacy_blank():
    return spacy.blank("id")


@pytest.mark.parametrize("text", SENTENCES)
def test_blank_tokens_equal_spacy(spacy_blank, text):
    fast = tokenizer.blank()
    assert [t.text for t in fast(text)] == [t.text for t in spacy_blank(text)]
    assert [t.whitespace_ for t in fast(text)] == [t.whitespace_ for t in spacy_blank(text)]


def test_hyphenated_exception_inside_a_longer_chunk_is_joined():
    fast = tokenizer.blank()
    assert [t.text for t in fast("anak-anak/remaja")] == ["anak-anak", "/", "remaja"]
    assert [t.text for t in fast("anak-anak-anak")] == ["anak-anak", "-", "anak"]
    assert [t.text for t in fast("tes-anak-anak/x")] == ["tes", "-", "anak-anak", "/", "x"]


def test_blank_is_built_fast():
    t0 = time.perf_counter()
    tokenizer.blank()
    fast = time.perf_counter() - t0
    t0 = time.perf_counter()
    spacy.blank("id")
    slow = time.perf_counter() - t0
    assert fast < slow / 3  # a ratio, not a time: the point of the module


@pytest.mark.skipif(not (DEFAULT_MODEL / "meta.json").exists(), reason="no shipped model")
def test_model_loads_with_the_same_tokens_and_entities(spacy_blank):
    fast = tokenizer.load(DEFAULT_MODEL)
    slow = spacy.load(DEFAULT_MODEL)
    assert tokenizer.same_as_blank(DEFAULT_MODEL)
    for text in SENTENCES:
        a, b = fast(text), slow(text)
        assert [t.text for t in a] == [t.text for t in b]
        assert [(e.start_char, e.end_char, e.label_) for e in a.ents] == \
               [(e.start_char, e.end_char, e.label_) for e in b.ents]


def test_model_with_other_tokenizer_settings_is_not_called_blank(tmp_path):
    nlp = spacy.blank("id")
    nlp.tokenizer.add_special_case("Kab.Garut", [{"ORTH": "Kab."}, {"ORTH": "Garut"}])
    nlp.to_disk(tmp_path / "m")
    assert not tokenizer.same_as_blank(tmp_path / "m")
    loaded = tokenizer.load(tmp_path / "m")
    assert [t.text for t in loaded("di Kab.Garut")] == ["di", "Kab.", "Garut"]


@pytest.mark.skipif(not (DEFAULT_MODEL / "meta.json").exists(), reason="no shipped model")
def test_saving_a_fast_loaded_model_keeps_every_exception(tmp_path):
    fast = tokenizer.load(DEFAULT_MODEL, exclude=["ner", "tok2vec"])
    fast.to_disk(tmp_path / "m")
    assert (tmp_path / "m" / "tokenizer").read_bytes() == (DEFAULT_MODEL / "tokenizer").read_bytes() or \
        tokenizer.same_as_blank(tmp_path / "m")
    reloaded = spacy.load(tmp_path / "m")
    text = SENTENCES[0]
    assert [t.text for t in reloaded(text)] == [t.text for t in fast(text)]


# --- the affix gates: the regex's own answer, faster ------------------------------------------------------------

GATE_CHUNKS = ["(Jakarta", "US$5", "Rp10.000", "5%", "“Kami", "Koperasi", "km", "10km", "A$", "C$20", "+62",
               "...", "dkk.", "(KUR)", "'", "", "x", "Sukamaju,", "2024)", "¿Qué", "→panah", "Rp", "IDR"]


@pytest.mark.parametrize("at_end", [False, True])
def test_affix_gate_answers_as_the_regex_does(at_end):
    from pipeline.tokenizer import EdgeGate, _settings_from_defaults

    pattern = _settings_from_defaults()["suffix_search" if at_end else "prefix_search"]
    gate = EdgeGate(pattern, at_end=at_end)
    for chunk in GATE_CHUNKS:
        for k in range(len(chunk) + 1):
            part = chunk[:len(chunk) - k] if at_end else chunk[k:]
            mine, theirs = gate.search(part), gate.regex.search(part)
            assert (mine and mine.span()) == (theirs and theirs.span()), part


def test_affix_gate_falls_back_to_the_regex_when_unsure():
    from pipeline.tokenizer import EdgeGate

    gate = EdgeGate(r"^\w*x|^(?i:ab)", at_end=False)  # may match the empty prefix of "\w*": no gate
    assert gate.search("zzx") is not None and gate.search("AB").group() == "AB"
    assert EdgeGate(r"(?i)^a", at_end=False).search("A") is not None


def test_saved_tokenizer_keeps_the_affix_patterns():
    from pipeline.tokenizer import _settings_from_defaults

    nlp = tokenizer.blank()
    data = srsly.msgpack_loads(nlp.tokenizer.to_bytes())
    assert data["prefix_search"] == _settings_from_defaults()["prefix_search"]
    assert data["suffix_search"] == _settings_from_defaults()["suffix_search"]
