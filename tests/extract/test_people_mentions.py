"""People, the mentions (extract/people/mentions.py): excluded regions, the organisation inside a position,
relatives, and a whole article through the pipeline.

Every sentence here is made up for the test.
"""
from __future__ import annotations

import pytest

from pipeline.normalize.people import merge_people
from pipeline.types import Region

from people_helpers import body_names, by_name, people_of, shared_extractor


@pytest.fixture(scope="module")
def extractor():
    return shared_extractor()


# --- positions ----------------------------------------------------------------------------

def test_org_span_fills_organization(extractor):
    text = "Ketua Koperasi Maju Bersama, Darto, mengatakan anggota koperasi bertambah."
    start = text.index("Koperasi Maju Bersama")
    p = by_name(people_of(extractor, text, org_spans=[(start, start + len("Koperasi Maju Bersama"))]))["Darto"]
    assert p["title"] == "Ketua Koperasi Maju Bersama"
    assert p["organization"] == "Koperasi Maju Bersama"


# --- regions ------------------------------------------------------------------------------------

def test_mentions_in_excluded_regions_are_marked_and_not_merged(extractor):
    text = ("Ketua Koperasi Sido Rukun, Parjono, mengatakan omzet naik.\n"
            "Baca juga: Bupati Sukamaju, Andi Pratama, meresmikan pasar baru\n")
    start = text.index("Baca juga")
    region = Region(start, len(text), "baca_juga")
    mentions = extractor.extract(text, [region])
    assert any(m.excluded for m in mentions if m.value["name"] == "Andi Pratama")
    assert body_names(merge_people(mentions)) == ["Parjono"]


# --- a relative's short name is someone else --------------------------------------------------------------

@pytest.mark.parametrize("text, host, relative", [
    ("Ketua Koperasi Wanita Melati, Ratna Wiryawan, membuka pelatihan. \"Perempuan harus mandiri,\" kata istri "
     "Bupati Wiryawan itu.", "Ratna Wiryawan", "Wiryawan"),
    ("Ketua Karang Taruna Sukamaju, Dimas Prakoso, menyerahkan bantuan. \"Kami senang,\" ujar putra Kepala Desa "
     "Prakoso itu.", "Dimas Prakoso", "Prakoso"),
])
def test_a_relatives_short_name_is_not_an_alias(extractor, text, host, relative):
    people = by_name(people_of(extractor, text))
    assert relative not in people[host]["aliases"] and relative in people


def test_a_short_name_without_a_family_word_still_joins(extractor):
    text = ("Ketua Koperasi Wanita Melati, Ratna Wiryawan, membuka pelatihan. \"Perempuan harus mandiri,\" kata "
            "Wiryawan.")
    assert by_name(people_of(extractor, text))["Ratna Wiryawan"]["aliases"] == ["Wiryawan"]


# --- words a scraper glued together ----------------------------------------------------------------------

@pytest.mark.slow
def test_a_name_list_ending_the_text_in_capitalised_brackets_is_no_error():
    """A caption's last line: a name, then a credit in brackets, then nothing (this raised IndexError)."""
    from pipeline.process import Resources, process_batch
    from pipeline.types import Article

    res = Resources.load(["rules"], None, None, use_cache=False, decisions="none")
    texts = ["Banjir melanda desa itu.\n\nKepala Bidang Kedaruratan BPBD Sukamaju, Suparno (Warta Desa/Budi Santoso)",
             "Banjir melanda desa itu, kata Kepala BPBD Sukamaju, Suparno (Warta Desa/Budi Santoso)"]
    results = process_batch([Article(f"a{i}", f"a{i}.txt", t, {}) for i, t in enumerate(texts)], res)
    res.close()
    assert [r.error for r in results] == [None, None]


# --- ranks and callings as the position ---------------------------------------------------------------------

def test_rank_before_the_name_is_the_position_when_none_is_stated(extractor):
    text = "Bripka Andi Saputra mengatakan warga antusias. Andi menambahkan kegiatan itu digelar rutin."
    assert by_name(people_of(extractor, text))["Andi Saputra"]["title"] == "Bripka"


def test_calling_and_late_marker_before_the_name(extractor):
    text = ("Ceramah diisi oleh Ustaz Ahmad Fauzan. Rombongan juga mengunjungi rumah istri dari almarhum Aiptu "
            "Sahat Manurung di Jalan Merdeka.")
    people = by_name(people_of(extractor, text))
    assert people["Ahmad Fauzan"]["title"] == "Ustaz"
    assert people["Sahat Manurung"]["title"] == "almarhum Aiptu"


def test_a_stated_position_wins_over_the_rank(extractor):
    text = "Kapolres AKBP Rudi Hartono meninjau lokasi banjir. \"Kami siap membantu,\" kata Rudi."
    assert by_name(people_of(extractor, text))["Rudi Hartono"]["title"] == "Kapolres"


def test_an_honorific_that_is_no_rank_gives_no_position(extractor):
    text = "Acara itu dihadiri H. Mulyadi Saputra dan warga sekitar. Mulyadi mengatakan acara rutin digelar."
    people = by_name(people_of(extractor, text))
    assert all(p["title"] == "" for p in people.values())
