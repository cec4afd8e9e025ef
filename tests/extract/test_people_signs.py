"""People, the signs of a person written into each mention (extract/people/signs.py) for the learned person
decision, and the model's names the rules turned down, kept as candidates (model_names.spare_candidates).

Every sentence here is made up for the test.
"""
from __future__ import annotations

import pytest

from people_helpers import ner_first, shared_extractor


@pytest.fixture(scope="module")
def extractor():
    return shared_extractor()


def _mentions(extractor, text, **kw):
    return {m.value["name"]: m for m in extractor.extract(text, kw.pop("regions", []), **kw)}


def test_signs_of_a_quoted_official(extractor):
    text = "“Panen naik,” kata Bapak Sutrisno, SP, Ketua Kelompok Tani Sido Makmur."
    m = _mentions(extractor, text, ner_spans=ner_first(text, "Sutrisno"))["Sutrisno"]
    assert {"honorific", "degrees", "verb_before", "model_per", "one_word", "position_after"} <= set(m.value["signs"])
    assert not m.excluded and "candidate" not in m.value


def test_signs_of_an_everyday_word_the_model_took_for_a_name(extractor):
    text = "Penyaluran bantuan dimulai pekan ini. Dimulai dari desa terjauh, penyaluran berjalan lancar."
    ms = _mentions(extractor, text, ner_spans=ner_first(text, "Dimulai"))
    m = ms["Dimulai"]
    assert m.excluded and m.value["candidate"]  # no sign of a person: only a candidate
    assert {"model_per", "one_word", "sentence_start", "lower_elsewhere"} <= set(m.value["signs"])


def test_a_name_the_rules_turned_down_is_a_candidate(extractor):
    # the model's name, but nothing in the article says it is a person's: a candidate for the learned decision
    text = "Warga menyambut kedatangan Anita Kusumawati dengan tarian adat."
    ms = _mentions(extractor, text, ner_spans=ner_first(text, "Anita Kusumawati"))
    assert list(ms) == ["Anita Kusumawati"]
    m = ms["Anita Kusumawati"]
    assert m.excluded and m.value["candidate"] and {"model_per", "model_plausible", "two_words"} <= set(m.value["signs"])
    # "kata" before it is a sign: the rules take it themselves
    text = "“Kami senang,” kata Anita Kusumawati dengan tersenyum."
    m = _mentions(extractor, text, ner_spans=ner_first(text, "Anita Kusumawati"))["Anita Kusumawati"]
    assert not m.excluded and "candidate" not in m.value and "verb_before" in m.value["signs"]


def test_no_candidate_in_excluded_text_or_over_a_person_found(extractor):
    from pipeline.types import Region

    text = "Baca juga: Warsini Raih Penghargaan\n\nRudi Hartono mengatakan panen naik."
    regions = [Region(0, text.index("\n"), "related", "rule:noise")]
    ms = _mentions(extractor, text, ner_spans=ner_first(text, "Warsini", "Rudi Hartono"), regions=regions)
    assert list(ms) == ["Rudi Hartono"] and not ms["Rudi Hartono"].excluded


def test_a_subject_introduced_by_a_position_between_commas_has_person_evidence(extractor):
    # NAME, POSITION, VERB: the learned decision reads the shape as a person's, whatever the model says of the word
    text = "Pelatihan berjalan lancar. Rusmiyati, Kepala Seksi Pemberdayaan Dinas Sosial Sukamaju, mengatakan hal itu."
    m = _mentions(extractor, text)["Rusmiyati"]
    assert "person_evidence" in m.value["signs"]
    assert m.value["title"] == "Kepala Seksi Pemberdayaan Dinas Sosial Sukamaju"


def test_a_place_before_a_position_between_commas_is_no_person(extractor):
    text = "Pelatihan berjalan lancar. Di Sukamaju, Kepala Dinas Sosial, mengatakan hal itu."
    assert "Sukamaju" not in _mentions(extractor, text)


def test_an_age_in_brackets_is_person_evidence(extractor):
    # only people are given an age in brackets: the learned decision reads it as a person's sign
    text = "Kebakaran melanda pasar. Salah satu korban, Rusmanto (46), mengaku kehilangan seluruh dagangannya."
    m = _mentions(extractor, text)["Rusmanto"]
    assert "person_evidence" in m.value["signs"]
    assert not m.excluded
