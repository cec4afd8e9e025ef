"""Organisation names outside the extractor (normalize.orgs): cleaning, comparison keys, acronyms, bracket
variants, and merging mentions that carry no extractor hints.

All sentences are made up for these tests (fictional companies and groups, real region names)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.names import acronym_matches, bracket_variants, clean_org_name, org_key
from pipeline.normalize.orgs import merge_orgs
from pipeline.types import Mention


@pytest.mark.parametrize("raw, clean", [
    ("PT Sinar Bahari Energi,", "PT Sinar Bahari Energi"),                       # stray punctuation
    ("“Koperasi Melati Sejahtera”", "Koperasi Melati Sejahtera"),                 # quotes
    ("Dinas Koperasi\nKabupaten Banyumas", "Dinas Koperasi Kabupaten Banyumas"),  # line break
    ("Kelompok Tani Sumber Makmur yang", "Kelompok Tani Sumber Makmur"),          # dangling function word
    ("dan Yayasan Cahaya Desa", "Yayasan Cahaya Desa"),
    ("PT. Sinar Bahari (Persero) Tbk.", "PT. Sinar Bahari (Persero) Tbk"),        # legal forms stay
    ("Balai Latihan Kerja (BLK", "Balai Latihan Kerja (BLK)"),                   # bracket left open
    ("Radar Kota)", "Radar Kota"),                                               # bracket closing nothing
    ("Universitas Nusa ( UNB )", "Universitas Nusa (UNB)"),
])
def test_clean_org_name(raw, clean):
    assert clean_org_name(raw) == clean


@pytest.mark.parametrize("a, b", [
    ("PT. Sinar Bahari Energi (Persero) Tbk", "Sinar Bahari Energi"),
    ("CV Maju & Jaya", "CV Maju dan Jaya"),
    ("PT SINAR BAHARI", "Sinar Bahari"),
])
def test_org_key_ignores_legal_forms_case_and_punctuation(a, b):
    assert org_key(a) == org_key(b)


def test_org_key_keeps_the_words_that_name_the_body():
    assert org_key("Dinas Pertanian") != org_key("Dinas Peternakan")


@pytest.mark.parametrize("acronym, words", [
    ("KPSM", "Koperasi Perempuan Sejahtera Mandiri"),          # initials
    ("PPSDM", "Badan Pengembangan dan Pemberdayaan Sumber Daya Manusia"),  # form word and connector skipped
    ("Dispora", "Dinas Pemuda dan Olahraga"),                  # syllables
    ("Balatmas", "Balai Latihan Masyarakat"),
    ("Perindag", "Perindustrian dan Perdagangan"),             # a syllable from inside a word
    ("UPT-PPT", "Unit Pelaksana Teknis Pengembangan dan Produktivitas Transmigrasi"),
    ("Babel", "Bangka Belitung"),
])
def test_acronym_matches(acronym, words):
    assert acronym_matches(acronym, words.split())


@pytest.mark.parametrize("acronym, words", [
    ("KPSM", "Koperasi Petani Sawit"),          # a letter too many
    ("BUM", "Kelompok Tani Harapan Jaya"),
    ("PKK", "Dinas Pertanian"),
    ("UMKM", "Yayasan"),
])
def test_acronym_does_not_match(acronym, words):
    assert not acronym_matches(acronym, words.split())


def test_bracket_variants_replace_what_the_acronym_names():
    assert bracket_variants("PT Sinar Refinery Unit (RU) IV Cilacap") == [
        "PT Sinar Refinery Unit IV Cilacap", "PT Sinar RU IV Cilacap"]


def test_merge_orgs_works_on_plain_mentions():
    """Mentions without the extractor's hints (e.g. from NER) merge by their names alone."""
    def m(text, start):
        return Mention("org", text, start, start + len(text), "ner", {"name": text, "kind": "company"}, label="company")
    merged = merge_orgs([m("PT Sinar Bahari", 0), m("Sinar Bahari", 40), m("PT. Sinar Bahari Tbk", 80),
                         m("Koperasi Tani Subur", 120)])
    assert [x["name"] for x in merged] == ["PT. Sinar Bahari Tbk", "Koperasi Tani Subur"]
    assert merged[0]["kind"] == "company" and len(merged[0]["mentions"]) == 3


def test_merge_orgs_of_nothing():
    assert merge_orgs([]) == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.text(alphabet="PTab ().&-KSUM", min_size=0, max_size=12), st.sampled_from(
    ["company", "other", None])), max_size=8))
def test_merge_orgs_accepts_any_names(pairs):
    mentions = [Mention("org", t or "x", i * 20, i * 20 + len(t or "x"), "ner", {"name": t, "kind": k})
                for i, (t, k) in enumerate(pairs)]
    merged = merge_orgs(mentions)
    assert sum(len(x["mentions"]) for x in merged) <= len(mentions)
    assert all(x["name"] for x in merged)


def _plain(text, start, **value):
    return Mention("org", text, start, start + len(text), "ner", {"name": text, "kind": "other", **value},
                   label="other")


def test_a_short_name_in_the_closing_bracket_is_the_body():
    """"Full Name (Short Name)": the short name written later is the same body; a bracket that starts
    otherwise than the name (another body) is not."""
    merged = merge_orgs([_plain("Koperasi Nelayan Bahari Timur (Kopnel BT)", 0, form="Koperasi"),
                         _plain("Kopnel BT", 100)])
    assert [x["name"] for x in merged] == ["Koperasi Nelayan Bahari Timur"]
    assert "Kopnel BT" in merged[0]["aliases"]
    merged = merge_orgs([_plain("Dinas Sosial Kota Banjar (Kemenko PMK)", 0, form="Dinas"),
                         _plain("Kemenko PMK", 100)])
    assert len(merged) == 2
    # the bracket's short name cut shorter still joins it
    merged = merge_orgs([_plain("Direktorat Jenderal Guru Kementerian Pendidikan (Ditjen GTK Kemendik)", 0,
                                form="Direktorat Jenderal"), _plain("Ditjen GTK", 100, form="Ditjen")])
    assert len(merged) == 1


def test_a_name_without_its_form_word_joins_the_one_body_that_has_it():
    merged = merge_orgs([_plain("Laznas Yatim Sejahtera", 0), _plain("Yatim Sejahtera", 100)])
    assert [x["name"] for x in merged] == ["Laznas Yatim Sejahtera"]
    merged = merge_orgs([_plain("Toko Melati Jaya", 0, form="Toko"), _plain("Melati Jaya", 100)])
    assert len(merged) == 1
    # two bodies of that name: no telling which; one word is too little to tell
    assert len(merge_orgs([_plain("Ponpes Nurul Huda", 0, form="Ponpes"), _plain("Nurul Huda", 100),
                           _plain("Yayasan Nurul Huda", 200, form="Yayasan")])) == 3
    assert len(merge_orgs([_plain("Toko Melati", 0, form="Toko"), _plain("Melati", 100)])) == 2
