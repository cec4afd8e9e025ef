"""POSITION, NAME where the position lists fields or bodies, quotes a name, or is an organisation's unit
(listed_position.py): the position is read back from the speaker's name. Invented sentences."""
from __future__ import annotations

import pytest
from people_helpers import body_by_name, body_names, ner_first, people_of, shared_extractor


@pytest.fixture(scope="module")
def extractor():
    return shared_extractor()


def _orgs(text, *names):
    return [(text.index(n), text.index(n) + len(n)) for n in names]


def test_position_listing_bodies_before_a_model_name(extractor):
    text = ("Sementara, Pendiri Rumah Hijau, Kopi Rakyat, dan Sahabat Tani, Dimas Prasetyo Wibowo (Dimas), menilai "
            "bahwa petani perlu modal.")
    orgs = ("Rumah Hijau", "Kopi Rakyat", "Sahabat Tani")
    people = body_by_name(people_of(extractor, text, ner_spans=ner_first(text, "Dimas Prasetyo Wibowo")
                                    + [(s, e, "ORG") for s, e in _orgs(text, *orgs)], org_spans=_orgs(text, *orgs)))
    assert people["Dimas Prasetyo Wibowo"]["title"] == "Pendiri Rumah Hijau, Kopi Rakyat, dan Sahabat Tani"


def test_position_listing_fields_before_a_name_said_again(extractor):
    text = ("Menurut Kepala Bidang Layanan Anak, Remaja dan Pemuda pada Dinas Sosial Kota Solo, Hartini, ada 40 anak "
            "yang dibina. \"Kami dampingi setiap pekan,\" ujar Hartini.")
    people = body_by_name(people_of(extractor, text, ner_spans=ner_first(text, "Hartini"),
                                    org_spans=_orgs(text, "Dinas Sosial Kota Solo")))
    assert people["Hartini"]["title"] == "Kepala Bidang Layanan Anak, Remaja dan Pemuda pada Dinas Sosial Kota Solo"


def test_unit_before_a_speaker(extractor):
    text = "Di tempat yang sama, Komisi IV DPR RI Dr. Ketut Arya menyampaikan bahwa petani harus maju."
    people = body_by_name(people_of(extractor, text, ner_spans=ner_first(text, "Ketut Arya"),
                                    org_spans=_orgs(text, "Komisi IV DPR RI")))
    assert people["Ketut Arya"]["title"] == "Komisi IV DPR RI"


def test_unit_and_comma_before_a_one_word_speaker(extractor):
    text = "Komisi Pemuda Dewan Kesenian Kota Malang, Sutrisno ungkap banyak seni yang hilang."
    people = body_by_name(people_of(extractor, text, ner_spans=ner_first(text, "Sutrisno"),
                                    org_spans=_orgs(text, "Komisi Pemuda Dewan Kesenian Kota Malang")))
    assert people["Sutrisno"]["title"] == "Komisi Pemuda Dewan Kesenian Kota Malang"


def test_people_listed_with_their_positions_are_not_one_position(extractor):
    text = ("Acara dihadiri Bupati Sukamaju Andi Pratama, Wakil Bupati Rina Sari, dan Ketua DPRD, Budi Santoso "
            "mengatakan program ini penting.")
    people = body_by_name(people_of(extractor, text, ner_spans=ner_first(text, "Andi Pratama", "Rina Sari",
                                                                          "Budi Santoso")))
    assert "Andi Pratama" not in (people.get("Budi Santoso") or {}).get("title", "")


def test_no_speaker_no_position_read_back(extractor):
    text = "Warga Desa Sukamaju, Sumber Rejo, dan Mekar Sari, Budi Santoso dan keluarganya menanam padi."
    people = body_by_name(people_of(extractor, text, ner_spans=ner_first(text, "Budi Santoso")))
    assert "Mekar Sari" not in (people.get("Budi Santoso") or {}).get("title", "")
    assert "Sumber Rejo" not in body_names(people_of(extractor, text))
