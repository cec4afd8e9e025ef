"""Spans of the NER model: which ORG spans the article backs, and how PER and LOC spans end (or do not end) a
name.

All sentences are made up for these tests (fictional companies and groups, real region names)."""
from __future__ import annotations

import re

import pytest

from org_helpers import items, names, shared_extractor
from pipeline.extract.orgs import OrgExtractor


@pytest.fixture(scope="module")
def extractor() -> OrgExtractor:
    return shared_extractor()


def _spans(text, *pieces, label="ORG"):
    return [(m.start(), m.end(), label) for p in pieces for m in re.finditer(re.escape(p), text)]


@pytest.mark.parametrize("text", [
    "Pelatihan itu bekerja sama dengan Sahabat Tani Lestari sejak awal.",            # after a role cue
    "Sahabat Tani Lestari melatih warga. Menurut Sahabat Tani Lestari, hasilnya baik.",  # written twice
])
def test_ner_org_span_adds_an_organisation_the_article_backs(extractor, text):
    found = items(extractor, text, ner=_spans(text, "Sahabat Tani Lestari"))
    assert [it["name"] for it in found] == ["Sahabat Tani Lestari"]


@pytest.mark.parametrize("text, span", [
    ("Warga Sahabat Tani Lestari menanam padi.", "Sahabat Tani Lestari"),       # once, no cue
    ("Pelatihan bekerja sama dengan Kabupaten Banyumas.", "Kabupaten Banyumas"),  # a region
    ("Acara itu dibuka General Manager Zona, kemarin.", "General Manager Zona"),    # a position
])
def test_doubtful_ner_org_spans_are_dropped(extractor, text, span):
    assert items(extractor, text, ner=_spans(text, span)) == []


def test_ner_person_span_right_after_the_form_word_is_the_name(extractor):
    text = "Kepala Sentra Budi Perkasa, Wahyu, membuka pelatihan."
    found = items(extractor, text, ner=_spans(text, "Budi Perkasa", label="PER"))
    assert [it["name"] for it in found] == ["Sentra Budi Perkasa"]


def test_ner_person_span_ends_a_name(extractor):
    text = "Ketua Koperasi Tani Subur Andi Wijaya mengatakan panen naik."
    s = text.index("Andi")
    found = items(extractor, text, ner=[(s, s + len("Andi Wijaya"), "PER")])
    assert [it["name"] for it in found] == ["Koperasi Tani Subur"]


def test_ner_org_span_after_the_word_program_is_a_programme(extractor):
    text = ("Dinas Pertanian menjalankan program Tani Muda Berdaya (Gerakan Petani Muda). "
            "Tahun ini Tani Muda Berdaya menjangkau lima desa.")
    assert "Tani Muda Berdaya" not in names(extractor, text, ) and \
        [it["name"] for it in items(extractor, text, ner=_spans(text, "Tani Muda Berdaya"))] == ["Dinas Pertanian"]


@pytest.mark.parametrize("text, per, name", [
    # one word, a region: the model tags place words as PER
    ("Pemimpin BRI Kantor Cabang Banyumas, Agus, membuka pelatihan.", "Banyumas", "BRI Kantor Cabang Banyumas"),
    # a word never in a person's name: the end of a group's name
    ("Ketua Kelompok Tenun Ikat Sekar Mandiri, Maria, mengatakan kain laku.", "Sekar Mandiri",
     "Kelompok Tenun Ikat Sekar Mandiri"),
])
def test_ner_person_span_that_is_no_person_does_not_cut_a_name(extractor, text, per, name):
    assert name in [it["name"] for it in items(extractor, text, ner=_spans(text, per, label="PER"))]


def test_ner_loc_span_that_is_no_known_region_does_not_lengthen_a_name(extractor):
    text = "Kepala BPJS Ketenagakerjaan Jateng & DIY Suryo Wibowo membuka acara."
    s = text.index("DIY")
    found = items(extractor, text, ner=[(s, s + len("DIY Suryo Wibowo"), "LOC")])
    assert [it["name"] for it in found] == ["BPJS Ketenagakerjaan Jateng & DIY"]


def test_ner_org_span_lengthens_a_rule_name_it_starts_with(extractor):
    text = "Koperasi Sinar abadi jaya membuka gerai baru."
    found = items(extractor, text, ner=[(0, len("Koperasi Sinar abadi jaya"), "ORG")])
    assert [it["name"] for it in found] == ["Koperasi Sinar abadi jaya"]


def test_rules_win_over_a_conflicting_ner_span(extractor):
    text = "Bantuan dari PT Mitra Karya Lestari tiba kemarin."
    s = text.index("Karya")
    found = items(extractor, text, ner=[(s, s + len("Karya Lestari tiba"), "ORG")])
    assert [it["name"] for it in found] == ["PT Mitra Karya Lestari"]


def test_an_org_from_a_rule_span_names_the_rule_and_one_from_the_model_names_ner(extractor):
    from pipeline.types import Span
    text = "Pelatihan itu bekerja sama dengan Sahabat Tani Lestari sejak awal."
    s = text.index("Sahabat Tani Lestari")
    e = s + len("Sahabat Tani Lestari")
    for span, want in [(Span(s, e, "ORG", "rule:entities.jsonl:stl"), "rule:entities.jsonl:stl"),
                       (Span(s, e, "ORG"), "ner"), ((s, e, "ORG"), "ner")]:
        found = [m for m in extractor.extract(text, [], [span]) if not m.excluded]
        assert [(m.text, m.source) for m in found] == [("Sahabat Tani Lestari", want)]


def test_a_list_of_three_model_names_is_a_list_of_bodies(extractor):
    text = "Malam itu tampil Wayang Sekar Arum, Kelana Budaya Tegal, dan Teater Kaca Semarang di alun-alun."
    spans = _spans(text, "Wayang Sekar Arum", "Kelana Budaya Tegal", "Teater Kaca Semarang")
    found = [it["name"] for it in items(extractor, text, spans)]
    assert {"Wayang Sekar Arum", "Kelana Budaya Tegal", "Teater Kaca Semarang"} <= set(found)
    # two names alone are no list: the article has to back them some other way
    two = "Malam itu tampil Wayang Sekar Arum dan Teater Kaca Semarang di alun-alun."
    assert [it["name"] for it in items(extractor, two, _spans(two, "Wayang Sekar Arum", "Teater Kaca Semarang"))] == []
