"""Organisation names found whole: long official names (a ministry-style list of sectors, numbered units),
office and unit forms (police, prisons, military units, village governments), and words that end a name
(a position's sector, a year, a count after the name).

All sentences are made up for these tests (fictional groups and people, real region names)."""
from __future__ import annotations

from pathlib import Path

import pytest

from org_helpers import all_forms, items, make_extractor
from pipeline.extract.orgs import OrgExtractor
from pipeline.normalize.orgs import merge_orgs
from pipeline.rules import load_rules

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def extractor() -> OrgExtractor:
    return make_extractor()


def names(extractor, text, ner=()):
    return [it["name"] for it in items(extractor, text, ner)]


# --- a government body named by a list of its sectors ----------------------------------------------------

@pytest.mark.parametrize("name", [
    "Dinas Perindustrian, Perdagangan, Koperasi, Usaha Kecil dan Menengah (Disperindagkop-UKM)",
    "Dinas Perdagangan, Koperasi dan UKM Kabupaten Sleman",
    "Dinas Usaha Mikro, Koperasi dan Perdagangan Kabupaten Banyumas",
])
def test_a_sector_list_with_a_form_word_in_it_stays_one_name(extractor, name):
    text = f"Pelatihan itu digelar oleh {name} di aula kantor, Senin.\n"
    assert names(extractor, text) == [name]


def test_a_second_body_in_the_list_still_starts_its_own_name(extractor):
    text = "Acara itu didukung Dinas Sosial, Koperasi Sinar Harapan dan warga setempat.\n"
    found = names(extractor, text)
    assert "Dinas Sosial" in found and "Koperasi Sinar Harapan" in found


def test_a_list_ending_in_another_government_body_is_two_bodies(extractor):
    text = "Kegiatan ini melibatkan Dinas PMD Kabupaten Sleman, dan Pemerintah Desa Sumberadi.\n"
    found = names(extractor, text)
    assert not any("Pemerintah Desa" in n and "Dinas" in n for n in found)


# --- a form word after a position or a department word is a sector, not a name ---------------------------

def test_minister_of_cooperatives_is_a_position_not_a_cooperative(extractor):
    text = "Menteri Koperasi Rahmat Sugiharto meninjau gudang Koperasi Tani Makmur di Bantul.\n"
    assert names(extractor, text) == ["Koperasi Tani Makmur"]


def test_a_department_of_an_office_is_no_cooperative(extractor):
    text = "Kepala Bidang Koperasi Diskop Sleman, Wartini, mengatakan pendaftaran dibuka.\n"
    assert not any(n.startswith("Koperasi") for n in names(extractor, text))


# --- words that end a name ---------------------------------------------------------------------------------

def test_regional_secretary_is_a_position(extractor):
    text = "Sekretaris Daerah Kabupaten Sleman, Budi Hartono, membuka pelatihan itu.\n"
    assert not any(n.startswith("Daerah") for n in names(extractor, text))


def test_a_year_word_ends_a_name(extractor):
    text = "Program ini masuk rencana kerja Dinas Kesehatan Sulsel Tahun 2025 yang disusun bersama.\n"
    assert "Dinas Kesehatan Sulsel" in names(extractor, text)


def test_a_count_after_a_name_is_not_part_of_it(extractor):
    text = "Warga asing yang terdata oleh Kanim Bitung sebanyak 80 orang dan Kanim Tahuna 12 orang.\n"
    assert set(names(extractor, text)) == {"Kanim Bitung", "Kanim Tahuna"}


def test_a_parliament_commission_keeps_ri(extractor):
    text = "Anggota Komisi IV DPR RI Slamet Riyadi hadir dalam pelatihan petani muda.\n"
    assert "Komisi IV DPR RI" in names(extractor, text)


# --- office and unit forms -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", [
    "Polres Boyolali", "Polresta Banyuwangi", "Lapas Kelas I Semarang", "Lapas Cipinang",
    "Kejaksaan Negeri (Kejari) Jayawijaya", "Poltekkes Kemenkes Denpasar", "Kantor Imigrasi Bitung",
])
def test_office_forms(extractor, name):
    text = f"Pelatihan keterampilan itu diselenggarakan {name} bagi warga sekitar, Kamis.\n"
    assert name in names(extractor, text)


def test_a_numbered_military_unit_with_its_seat(extractor):
    text = ("Prajurit Koramil 1712-04/Kuala Kencana mendampingi petani. Komandan Koramil 1712-04/KK "
            "menyebut panen naik.\n")
    found = items(extractor, text)
    assert [it["name"] for it in found] == ["Koramil 1712-04/Kuala Kencana"]
    assert "Koramil 1712-04/KK" in found[0]["aliases"]


def test_kodim_with_its_seat_is_its_own_unit(extractor):
    text = "Babinsa Kodim 1705/Nabire mendampingi kelompok tani di Kampung Bumi Raya.\n"
    assert "Kodim 1705/Nabire" in names(extractor, text)


def test_a_village_government_in_a_district(extractor):
    text = "Pemerintah Kampung Sumber Rejeki Distrik Kaimana mengalokasikan dana untuk pelatihan bengkel.\n"
    forms = all_forms(extractor, text)
    assert "Pemerintah Kampung Sumber Rejeki" in forms


# --- a name goes on after a bracket that only abbreviates its form word ---------------------------------------

@pytest.mark.parametrize("name", [
    "Pondok Pesantren (Ponpes) Nurul Huda Tenggarong",
    "Lembaga Pendidikan dan Pelatihan (LPK) Sakura Mandiri Center",
])
def test_the_name_after_a_bracketed_form_word(extractor, name):
    text = f"Pelatihan hidroponik itu digelar di {name}, Kabupaten Kutai Kartanegara, Jumat.\n"
    first = name.split()[0]
    assert [n for n in names(extractor, text) if n.startswith(first)] == [name]


def test_a_person_after_an_acronym_still_ends_the_name(extractor):
    text = "Kepala Dinas Sosial (Dinsos) Budi Santoso mengatakan bantuan itu sudah disalurkan.\n"
    assert "Dinas Sosial (Dinsos)" in names(extractor, text)


# --- generic phrases: a kind of body, not one body ---------------------------------------------------------------

@pytest.mark.parametrize("phrase", [
    "Koperasi Desa", "Kelompok Tani Wanita", "Komunitas Penyandang Disabilitas", "SMA Negeri",
    "Badan Usaha", "Pondok Pesantren (Ponpes)", "Kelompok Wanita Tani (KWT)",
])
def test_a_kind_of_body_is_no_organisation(extractor, phrase):
    text = f"Pemerintah mendorong setiap {phrase} di Kabupaten Gunungkidul untuk ikut pelatihan.\n"
    assert not any(n.startswith(phrase.split()[0]) for n in names(extractor, text)), names(extractor, text)


@pytest.mark.parametrize("name", ["Koperasi Desa Sumber Makmur", "Kelompok Tani Wanita Melati", "Forum Nagari",
                                  "Klinik Wirausaha Pemuda Mandiri"])
def test_a_named_body_of_that_kind_stays(extractor, name):
    text = f"Pelatihan pengolahan kopi itu didukung {name} sejak awal tahun.\n"
    assert name in names(extractor, text)


# --- two bodies joined by "dan" ------------------------------------------------------------------------------------

def test_dan_after_a_region_starts_another_body(extractor):
    text = "Kerja sama antara BLK Sleman dan YKM ditandai penandatanganan nota kesepahaman.\n"
    found = names(extractor, text)
    assert "BLK Sleman" in found and not any("dan" in n for n in found)


def test_dan_and_a_count_is_no_part_of_the_name(extractor):
    text = "Bantuan bibit diberikan kepada Kelompok Tani Sumber Jaya dan 3 kelompok lain di Sigi.\n"
    assert "Kelompok Tani Sumber Jaya" in names(extractor, text)


def test_a_sector_joined_by_dan_stays_in_the_name(extractor):
    text = "Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Sleman menggelar pelatihan BUMDes.\n"
    assert "Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Sleman" in names(extractor, text)


# --- an acronym the article spells out as something other than a body ----------------------------------------------

@pytest.mark.parametrize("definition, acr", [
    ("Bantuan Subsidi Upah (BSU)", "BSU"),
    ("keluarga penerima manfaat (KPM)", "KPM"),
    ("Dana Alokasi Khusus (DAK)", "DAK"),
])
def test_a_programme_or_fund_acronym_is_no_organisation(extractor, definition, acr):
    text = (f"Pemerintah menyalurkan {definition} tahun ini. Penyaluran {acr} dilakukan bersama "
            f"Dinas Sosial, {acr}, dan BRI.\n")
    assert acr not in names(extractor, text)


def test_a_fund_spelled_out_after_a_glued_word_is_no_organisation(extractor):
    # page text where a link's words ran into the word before them ("untukBantuan")
    text = ("Begini cara mendaftar untukBantuan Pangan Nelayan Lestari(BPNL) tahun ini. Penyaluran BPNL dilakukan "
            "bersama Dinas Sosial, BPNL, dan BRI.\n")
    assert "BPNL" not in names(extractor, text)


def test_a_body_spelled_out_after_a_glued_word_is_an_organisation(extractor):
    text = ("Pelatihan dibuka olehBadan Riset Gambut(BRG) di Pulang Pisau. Desa dampingan BRG dan "
            "Dinas Pertanian ikut serta.\n")
    found = all_forms(extractor, text)
    assert "BRG" in found


def test_a_news_reader_named_as_a_channel_is_no_organisation(extractor):
    text = ("Dinas Sosial membagikan paket sembako. Ikuti kabar terbaru kami di Google News dan "
            "Google News Harian Sukamaju.\n")
    assert not [n for n in ner_names(extractor, text, "Google News") if "Google" in n]


def test_the_post_office_paying_out_aid_is_an_organisation(extractor):
    text = "Bantuan tunai dicairkan melalui Bank Himbara dan Kantor Pos mulai pekan depan.\n"
    found = all_forms(extractor, text)
    assert "Kantor Pos" in found


@pytest.mark.parametrize("text", [
    "Dana dapat dicairkan di BRI, BNI, Mandiri, dan BTN sesuai rekening penerima.\n",
    "Penyaluran lewat bank Himbara (BRI, BNI, Mandiri, BTN) berjalan lancar.\n",
])
def test_a_bank_by_its_short_name_in_a_list_of_banks(extractor, text):
    found = all_forms(extractor, text)
    assert "Mandiri" in found


def test_the_sectors_of_one_ministry_are_no_short_names(extractor):
    text = "Delegasi Kementerian Pertanian, Perdagangan dan Industri Sabah bertemu pengurus BRI.\n"
    found = all_forms(extractor, text)
    assert "Perdagangan" not in found


def test_a_common_word_outside_a_list_of_banks_is_no_bank(extractor):
    text = "Kelompok itu kini Mandiri, kata petugas BRI. Warga belajar usaha Mandiri bersama BNI.\n"
    found = all_forms(extractor, text)
    assert "Mandiri" not in found


def test_an_acronym_spelled_out_as_a_body_is_an_organisation(extractor):
    text = ("Pelatihan digelar Badan Riset Gambut (BRG) di Pulang Pisau. Desa dampingan BRG dan "
            "Dinas Pertanian ikut serta.\n")
    found = all_forms(extractor, text)
    assert "BRG" in found


# --- spans only the model found: fragments, speakers, systems and events are no organisations ---------------------

def ner_names(extractor, text, *parts):
    spans = []
    for p in parts:
        s = text.index(p)
        spans.append((s, s + len(p), "ORG"))
    return names(extractor, text, spans)


def test_a_fragment_of_a_longer_name_is_dropped(extractor):
    text = ("Pelatihan untuk Aparatur Sipil Negara digelar bersama Sipil Negara di Sleman. "
            "Peserta Aparatur Sipil Negara lain menyusul.\n")
    assert "Sipil Negara" not in ner_names(extractor, text, "Sipil Negara")


def test_a_name_followed_by_more_of_the_name_is_dropped(extractor):
    text = "Desa itu meraih Bumi Lestari Awards tahun ini bersama Bumi Lestari pada ajang Bumi Lestari Awards.\n"
    assert "Bumi Lestari" not in ner_names(extractor, text, "Bumi Lestari")


def test_a_speaker_is_no_organisation(extractor):
    text = ("Menurut Bagus Wiratama, pelatihan digelar bersama Bagus Wiratama dan Koperasi Melati. "
            "\"Kami senang,\" kata Bagus Wiratama.\n")
    assert "Bagus Wiratama" not in ner_names(extractor, text, "Bagus Wiratama")


def test_a_system_or_a_class_is_no_organisation(extractor):
    text = "Pegawai memakai sistem Data Terpadu bersama Data Terpadu untuk mendata peserta.\n"
    assert "Data Terpadu" not in ner_names(extractor, text, "Data Terpadu")


def test_a_partner_only_the_model_found_stays(extractor):
    text = "Pelatihan itu digelar bekerja sama dengan Lentera Muda Nusantara di Kupang.\n"
    assert "Lentera Muda Nusantara" in ner_names(extractor, text, "Lentera Muda Nusantara")


# --- small businesses and bodies with no legal form ----------------------------------------------------------------

@pytest.mark.parametrize("name", ["Toko Oleh-oleh Mama Banjar", "Waroeng Difabel Sasirangan", "Panti Asuhan Bina Kasih",
                                  "Warung Kopi Mbok Darmi"])
def test_shops_and_homes_are_organisations(extractor, name):
    text = f"Menteri UMKM meninjau {name} di Banjarbaru, Kamis.\n"
    assert name in names(extractor, text)


def test_a_foreign_department_is_an_organisation(extractor):
    text = "Proyek itu dimotori peneliti dari NSW Department of Primary Industries, Australia.\n"
    assert "NSW Department of Primary Industries" in names(extractor, text)


def test_a_department_word_alone_is_no_organisation(extractor):
    text = "CSR Department Head PT Sinar Bahari Energi, Firman, menyambut baik masukan itu.\n"
    assert "CSR Department" not in names(extractor, text)


def test_a_name_only_the_model_found_in_a_list_of_organisations(extractor):
    text = ("Program itu digagas Yayasan Cahaya Desa, Lentera Remaja Mandiri, dan Plan International Indonesia "
            "di Rembang.\n")
    assert "Lentera Remaja Mandiri" in ner_names(extractor, text, "Lentera Remaja Mandiri")


def test_a_person_after_an_organisation_and_a_comma_is_no_list(extractor):
    text = "\"Kami siap,\" ujar Kepala Dinas Pertanian Banyuwangi, Ilham Santosa, Selasa (3/6/2025).\n"
    assert "Ilham Santosa" not in ner_names(extractor, text, "Ilham Santosa")


# --- regional offices written as an acronym form and a region ---------------------------------------------------

def test_an_acronym_form_with_its_region_ends_there(extractor):
    text = "Kelompok wanita tani itu bermitra dengan BPTP ACEH dan NGO AUSTRALIA sejak 2016.\n"
    found = names(extractor, text)
    assert "BPTP ACEH" in found and not any("NGO" in n for n in found)


@pytest.mark.parametrize("name", ["BPP Peukan Bada", "BBPP Batu", "P4S Tunas Harapan"])
def test_agricultural_training_offices(extractor, name):
    text = f"Penyuluh dari {name} mendampingi petani muda dalam pelatihan itu.\n"
    assert name in names(extractor, text)


@pytest.mark.parametrize("text, name", [
    ("Ketua Lemhanas membuka pembekalan bagi penerima beasiswa.\n", "Lembaga Ketahanan Nasional"),
    ("Bhayangkari menggelar bakti sosial di Sorong.\n", "Bhayangkari"),
    ("Ajang penghargaan itu digagas oleh Petronas sejak 2023.\n", "Petroliam Nasional Berhad"),
])
def test_well_known_bodies_from_the_manual_list(extractor, text, name):
    found = items(extractor, text)
    assert any(name in [it["name"], *it["aliases"]] for it in found), found


# --- boards and offices inside an organisation; a kind of body after "salah satu", "seluruh" ---------------------

def test_a_board_of_an_association_is_the_association(extractor):
    text = "Acara itu dihadiri Anggota Dewan Pakar Himpunan Nelayan Sejahtera (HNS) Budi Raharjo.\n"
    found = names(extractor, text)
    assert any(n.startswith("Himpunan Nelayan Sejahtera") for n in found)
    assert not any(n.startswith("Dewan Pakar") for n in found)


@pytest.mark.parametrize("phrase", ["salah satu Unit Pelaksana Teknis Rehabilitasi Sosial",
                                    "seluruh Unit Pelaksana Teknis (UPT) Pemasyarakatan"])
def test_one_of_or_all_of_a_kind_of_body_is_no_name(extractor, phrase):
    text = f"Program itu diperluas ke {phrase} di Indonesia.\n"
    assert not any(n.startswith("Unit") for n in names(extractor, text))


def test_a_region_written_in_lower_case_ends_the_name(extractor):
    text = "Plt Kepala Dinas Kelautan dan Perikanan kota Ambon, Febri, menjelaskan pengadaan alat tangkap.\n"
    assert "Dinas Kelautan dan Perikanan kota Ambon" in names(extractor, text)


def test_a_lower_case_word_that_is_no_region_still_ends_the_name(extractor):
    text = "Dinas Kelautan dan Perikanan kota ini menyalurkan bantuan alat tangkap.\n"
    assert "Dinas Kelautan dan Perikanan" in names(extractor, text)


def test_a_break_word_that_is_part_of_a_known_name_goes_on(extractor):
    text = "Narasumber dari Balai Pemerintahan Dalam Negeri Yogyakarta memberi materi pelatihan.\n"
    assert "Balai Pemerintahan Dalam Negeri Yogyakarta" in names(extractor, text)


def test_a_break_word_in_a_headline_still_ends_a_name(extractor):
    text = "Koperasi Tani Makmur Dalam Menghadapi Musim Kemarau\n\nKoperasi Tani Makmur menggelar pelatihan.\n"
    assert "Koperasi Tani Makmur" in names(extractor, text)


# --- a person after an organisation's name ----------------------------------------------------------------------

def test_a_person_after_a_head_of_an_association_is_cut(extractor):
    text = ("Pelatihan ini hasil kerja sama dengan Asosiasi Petani Muda Kaltim. Hadir sebagai narasumber Ketua "
            "Asosiasi Petani Muda Ginanjar Ibnu Tamimi.\n")
    assert not any("Ginanjar" in n for n in names(extractor, text))


def test_a_person_after_a_misspelt_company_is_cut(extractor):
    text = "Kepala Divisi TJSL PT Pegadaia Rully Yusuf menjelaskan program itu.\n"
    assert not any("Rully" in n for n in names(extractor, text))


def test_a_group_named_by_a_word_that_also_follows_company_names(extractor):
    text = "Babinsa menyambangi Kelompok Tani Rinjani dan Kelompok Tani Lestari di Timika.\n"
    assert {"Kelompok Tani Rinjani", "Kelompok Tani Lestari"} <= set(names(extractor, text))


# --- well-known national bodies and parties ----------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("Sebelumnya, KPAI meminta sekolah itu menghentikan hukuman fisik.\n", "KPAI"),
    ("Kejaksaan Agung menggelar pelatihan literasi hukum bagi guru di Sukamaju.\n", "Kejaksaan Agung"),
    ("Rekor itu dicatat Museum Rekor Indonesia pada akhir acara.\n", "Museum Rekor Indonesia"),
])
def test_a_national_body_by_its_usual_name(extractor, text, name):
    found = all_forms(extractor, text)
    assert name in found


def test_a_party_fraction_after_the_house_is_a_body_of_its_own(extractor):
    text = "Anggota Komisi IV DPR Fraksi Partai Golkar, Budi Santoso, membagikan bibit kepada petani.\n"
    found = all_forms(extractor, text)
    assert not any("Fraksi" in n and "Komisi" in n for n in found)


@pytest.mark.parametrize("definition, acr", [
    ("Rencana Pembangunan Jangka Menengah Daerah (RPJMD) Sukamaju", "RPJMD"),
    ("Rancangan Peraturan Daerah (Raperda) Sukamaju", "Raperda"),
])
def test_a_plan_or_draft_spelled_out_is_no_organisation(extractor, definition, acr):
    text = (f"Program ini masuk dalam {definition} yang disusun bersama Dinas Sosial. "
            f"Target {acr} dibahas pekan lalu.\n")
    found = all_forms(extractor, text)
    assert not [n for n in found if acr in n or n.startswith(("Rencana", "Rancangan"))]


@pytest.mark.parametrize("text, want", [
    ("Bantuan dibagikan oleh mahasiswa dari HMI, PMII, IMM dan GMNI kepada tukang ojek.\n",
     {"HMI", "PMII", "IMM", "GMNI"}),
    ("Restoran McDonald’s Indonesia bekerja sama dengan PMKRI membagikan daging kurban.\n",
     {"McDonald’s Indonesia", "PMKRI"}),
])
def test_national_student_bodies_and_a_food_chain_by_their_short_names(extractor, text, want):
    assert want <= all_forms(extractor, text)


def test_the_international_service_club_network_by_its_short_name(extractor):
    text = "Dana lari amal disalurkan bersama Lions International kepada rumah singgah di Sukamaju.\n"
    assert "Lions International" in all_forms(extractor, text)
