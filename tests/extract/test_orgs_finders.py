"""Where organisation names start: a form word, a head word, a position that names its body (Kadis), an unknown
acronym in a list or after a position.

All sentences are made up for these tests (fictional companies and groups, real region names)."""
from __future__ import annotations

import pytest

from org_helpers import all_forms, entity, items, names, shared_extractor
from pipeline.extract.orgs import OrgExtractor


@pytest.fixture(scope="module")
def extractor() -> OrgExtractor:
    return shared_extractor()


@pytest.mark.parametrize("text, name", [
    ("Pelatihan digelar PT Sinar Bahari Energi di Cilacap.", "PT Sinar Bahari Energi"),
    ("Bantuan disalurkan PT. Mitra Karya Lestari kepada nelayan.", "PT. Mitra Karya Lestari"),
    ("Produk dipasarkan CV Anugerah Rasa ke luar kota.", "CV Anugerah Rasa"),
    ("Anggota Koperasi Wanita Melati Sejahtera ikut pameran.", "Koperasi Wanita Melati Sejahtera"),
    ("Bibit dibagikan kepada Kelompok Tani Sumber Makmur di desa itu.", "Kelompok Tani Sumber Makmur"),
    ("Gapoktan Harapan Baru menerima traktor.", "Gapoktan Harapan Baru"),
    ("Mahasiswa Universitas Nusa Bangsa mengajar di sana.", "Universitas Nusa Bangsa"),
    ("Relawan Yayasan Cahaya Pesisir membagikan buku.", "Yayasan Cahaya Pesisir"),
    ("Warga mendatangi pondok pesantren Darul Ilmi di desa itu.", "pondok pesantren Darul Ilmi"),
    ("Guru Madrasah Aliyah Negeri 3 Sukamaju ikut pelatihan.", "Madrasah Aliyah Negeri 3 Sukamaju"),
    ("Siswa MTsN 1 Bukit Indah dan MAN 2 Bukit Indah menanam pohon.", "MAN 2 Bukit Indah"),
    ("Orang tua murid TK Pertiwi Sukamaju membuat kebun gizi.", "TK Pertiwi Sukamaju"),
])
def test_form_word_starts_a_name(extractor, text, name):
    assert name in names(extractor, text)


def test_pemerintah_before_a_region_is_that_government(extractor):
    assert names(extractor, "Program itu sejalan dengan upaya Pemerintah Aceh memperluas ekspor kopi.") == \
        ["Pemerintah Aceh"]
    assert names(extractor, "Dana berasal dari Pemerintah Pusat melalui dana desa.") == []


def test_head_word_makes_a_capitalised_run_an_organisation(extractor):
    assert "Samudra Peduli Foundation" in names(extractor, "Dana itu berasal dari Samudra Peduli Foundation tahun lalu.")


def test_kadis_names_the_dinas(extractor):
    it = entity(extractor, "Plt. Kadis Koperasi UMKM Banyumas, Rina, hadir. Dinas Koperasi UMKM Banyumas "
                           "memberi izin.", "Dinas Koperasi UMKM Banyumas")
    assert it["kind"] == "government" and len(it["mentions"]) == 2


def test_unknown_acronym_in_a_list_of_organisations(extractor):
    found = names(extractor, "Pelatihan didukung USAID, LPMKS, dan TNI di desa itu.")
    assert "LPMKS" in found


def test_unknown_acronym_after_a_position(extractor):
    assert "PIKWI" in names(extractor, "Direktur PIKWI, Laura Santika, membuka acara.")


def _per(text: str, *people: str) -> list[tuple[int, int, str]]:
    return [(text.index(p), text.index(p) + len(p), "PER") for p in people]


def test_the_body_a_person_speaks_for_in_brackets_after_the_name(extractor):
    text = ("Acara itu dihadiri Rudi Hartawan (Sinar Kopi Nusantara), Dewi Lestari (Kabupaten Sleman), "
            "Andi Pratama (45), Bagus Wiratama Putra (BWP) dan Wulan Sari (KopiKita).")
    found = [it["name"] for it in items(extractor, text,
                                        _per(text, "Rudi Hartawan", "Dewi Lestari", "Andi Pratama",
                                             "Bagus Wiratama Putra", "Wulan Sari"))]
    # a region, an age and the person's own initials are no body
    assert found == ["Sinar Kopi Nusantara", "KopiKita"]
    # without the model's person the bracket says nothing
    assert "KopiKita" not in names(extractor, text)


def test_a_nickname_with_an_honorific_in_brackets_is_the_person_not_a_body(extractor):
    text = ("\"Kami siap,\" ujar Menteri Pertanian Ahmad Fauzan Yusuf (Gus Ojan) kemarin. Sementara itu "
            "Rudi Hartawan (Kang Rudi) dan Wulan Sari (Sinar Kopi Nusantara) ikut hadir.")
    found = [it["name"] for it in items(extractor, text, _per(text, "Ahmad Fauzan Yusuf", "Rudi Hartawan",
                                                              "Wulan Sari"))]
    assert "Gus Ojan" not in found and "Kang Rudi" not in found
    assert "Sinar Kopi Nusantara" in found


def test_a_regional_office_word_before_a_body_and_its_seat(extractor):
    assert names(extractor, "Menurut Kepala Seksi Layanan, Kanwil Ditjen Pajak Sumbar, Budi Santoso, "
                            "pendataan sudah selesai.") == ["Kanwil Ditjen Pajak Sumbar"]
    assert names(extractor, "Klaster itu dibina Kantor Perwakilan Bank Indonesia Wanareja di "
                            "Kabupaten Cilacap.") == ["Kantor Perwakilan Bank Indonesia Wanareja"]


@pytest.mark.parametrize("text, name", [
    ("Bazar itu digelar Pengurus Cabang Nahdlatul Ulama Kota Ambon bersama warga.",
     "Pengurus Cabang Nahdlatul Ulama Kota Ambon"),
    ("Bazar itu digelar Pengurus Wilayah Muhammadiyah Jawa Timur bersama warga.",
     "Pengurus Wilayah Muhammadiyah Jawa Timur"),
    ("Bazar itu digelar DPC PKB Kabupaten Sleman bersama warga.", "DPC PKB Kabupaten Sleman"),
    # the bracket between the branch words and the body abbreviates the branch words
    ("Bazar itu digelar Pengurus Cabang (PC) PMII Kota Ambon bersama warga.", "Pengurus Cabang (PC) PMII Kota Ambon"),
])
def test_a_branch_of_an_association_before_its_body_and_region(extractor, text, name):
    assert names(extractor, text) == [name]


@pytest.mark.parametrize("text, name", [
    ("Penyuluhan digelar Kantor Kemenag Kabupaten Sleman bersama warga.", "Kantor Kemenag Kabupaten Sleman"),
    ("Penyuluhan digelar Kantor Kementerian Agama Kota Ambon bersama warga.", "Kantor Kementerian Agama Kota Ambon"),
    # after di/ke/dari the office word is the building: the body is named without it
    ("Penyuluhan digelar di Kantor BPS Kota Ambon bersama warga.", "BPS Kota Ambon"),
    # a unit word that is no building keeps its place there
    ("Penyuluhan digelar di Kanwil BRI Bali bersama warga.", "Kanwil BRI Bali"),
])
def test_an_office_word_before_a_known_body_and_its_region(extractor, text, name):
    assert names(extractor, text) == [name]


def test_an_office_word_before_a_venue_or_a_group_stays_out(extractor):
    assert "Pusat Kementerian Sosial" not in names(extractor, "Rapat digelar di Kantor Pusat Kementerian Sosial.")
    assert not any(n.startswith("Kantor") for n in names(
        extractor, "Peluncuran dari Kantor Koperasi Sinar Pagi Desa Sukamaju disiarkan."))


def test_a_bracket_after_a_branch_word_that_spells_something_else_is_not_taken(extractor):
    # "Dewan Pimpinan" starts no name (a stop prefix); the party's branch is then read from the body on
    assert names(extractor, "Bazar itu digelar Dewan Pimpinan Cabang (DPC) PKB Kabupaten Sleman.") \
        == ["PKB Kabupaten Sleman"]
    assert names(extractor, "Bazar itu digelar Pengurus Cabang (KWT) PMII Kota Ambon.") == ["PMII Kota Ambon"]


def test_a_lone_name_and_its_region_before_a_person_the_model_found(extractor):
    text = "Hadir Kepala Dinkomdigi Sleman Budi Santoso dan warga desa."
    assert [it["name"] for it in items(extractor, text, _per(text, "Budi Santoso"))] == ["Dinkomdigi Sleman"]


@pytest.mark.parametrize("text, name", [
    ("Warga lansia diperiksa kader Posbindu PTM Kelurahan Sukamaju setiap bulan.", "Posbindu PTM Kelurahan Sukamaju"),
    ("Gerai sembako dibuka oleh KDKMP Sukamaju, Kota Bogor, pekan lalu.", "KDKMP Sukamaju"),
    ("Perajin batik dibina Rumah Kreatif Nusantara Jaya di kota itu.", "Rumah Kreatif Nusantara Jaya"),
])
def test_village_health_posts_cooperatives_and_creative_hubs_have_form_words(extractor, text, name):
    assert name in names(extractor, text)


def test_creative_hubs_by_acronym_and_region_are_their_own_bodies(extractor):
    text = ("Tenun itu dikembangkan Rumah Kreatif Mitra (RKM) di Ternate, sedangkan batik dari RKM Padang "
            "dan RKM Wonogiri.")
    found = names(extractor, text)
    assert {"Rumah Kreatif Mitra (RKM)", "RKM Padang", "RKM Wonogiri"} <= set(found)
    assert "rumah kreatif" not in [n.casefold() for n in names(extractor, "Ia bekerja di rumah kreatif itu.")]


@pytest.mark.parametrize("text, name", [
    ("Acara dihadiri Wakil Bupati, Kepala Disperindagkop Budi Santoso, dan camat.", "Disperindagkop"),
    ("Hadir pula Kepala Dinkominfo Blora Budi Santoso bersama warga.", "Dinkominfo Blora"),
])
def test_an_offices_contraction_after_a_position_is_its_name(extractor, text, name):
    assert name in names(extractor, text)


@pytest.mark.parametrize("text", [
    "Acara dihadiri Kepala Distrik Wamena dan tokoh adat.",
    "Sambutan disampaikan Ketua Dinata Putri di balai desa.",
])
def test_a_place_word_or_a_persons_name_after_a_position_is_no_office(extractor, text):
    assert not [n for n in names(extractor, text) if n.startswith("Di")]


@pytest.mark.parametrize("text, name, wrong", [
    ("Hadir Mr. Wang Li: Chief Representative of Sinar Harbour Engineering Company, dan Mr. Chen Bo.",
     "Sinar Harbour Engineering Company", "Chief Representative of Sinar Harbour Engineering Company"),
    ("Beasiswa senilai Rp 1 Miliar kepada Nusa Bangsa University diserahkan kemarin.",
     "Nusa Bangsa University", "Rp 1 Miliar kepada Nusa Bangsa University"),
])
def test_a_head_word_run_stops_at_a_position_and_at_a_gift(extractor, text, name, wrong):
    found = names(extractor, text)
    assert name in found and wrong not in found


def test_kepada_after_a_nominal_stays_inside_a_head_word_run(extractor):
    text = "Ia mendapat penghargaan dari Lembaga Pengabdian kepada Masyarakat Foundation."
    assert "Lembaga Pengabdian kepada Masyarakat Foundation" in names(extractor, text)


@pytest.mark.parametrize("text, name", [
    ("Relawan Masyarakat Sadar Wisata (Masata) Lombok Tengah ikut membantu.",
     "Masyarakat Sadar Wisata (Masata) Lombok Tengah"),
    ("Ketua Masyarakat Sadar Wisata (Masata) Lombok Tengah Lalu Budi Santoso mengatakan hal itu.",
     "Masyarakat Sadar Wisata (Masata) Lombok Tengah"),
    ("Layanan jemaah dijalankan Petugas Layanan Ibadah Umrah (PLIU) Arab Saudi sejak pekan lalu.",
     "Petugas Layanan Ibadah Umrah (PLIU) Arab Saudi"),
])
def test_a_name_its_acronym_spells_set_in_a_region_is_a_body(extractor, text, name):
    assert name in names(extractor, text)


@pytest.mark.parametrize("text", [
    "Bantuan Sosial Tunai (BST) Kabupaten Bone sudah cair bulan ini.",
    "Program Keluarga Harapan (PKH) Kota Bandung berjalan lancar.",
    "Warga Masyarakat Sadar Wisata (Masata) Lombok Tengah Budi Santoso ikut membantu.",
])
def test_a_programme_or_a_person_after_the_region_is_no_defined_body(extractor, text):
    assert not [n for n in names(extractor, text) if "(" in n]


@pytest.mark.parametrize("text, name", [
    ("Program ini berjalan lewat sinergi dengan BPPSDMKP, BPPP Ambon, dan PT Sinar Laut Terminal.", "BPPP Ambon"),
    ("Kegiatan didukung BRI, LPPM Bandung, dan Dinas Sosial Kota Bandung.", "LPPM Bandung"),
])
def test_a_listed_acronym_keeps_its_region(extractor, text, name):
    assert name in names(extractor, text)


# --- brand names listed after a noun for bodies ("startup ... adalah A, B, dan C") ---------------------------------

def test_startups_listed_by_brand_name_are_organisations(extractor):
    text = ("Lima startup yang lolos ke babak final program inkubasi itu adalah KopiNusa, BerkahLogistik, "
            "Sapa Desa, Ruang.AI, dan Juragan Ikan.\n")
    found = all_forms(extractor, text)
    assert {"KopiNusa", "BerkahLogistik", "Sapa Desa", "Ruang.AI", "Juragan Ikan"} <= found


def test_a_startup_list_ends_at_the_first_item_that_is_no_name(extractor):
    text = ("Deretan startup yang tampil mencakup TaniPintar, 5G Mitra Tech Inc., Kedai Kode, serta tiga "
            "alumni inkubator yang mendapat tiket emas.\n")
    found = all_forms(extractor, text)
    assert {"TaniPintar", "Kedai Kode"} <= found
    assert not any("alumni" in n for n in found)


def test_two_names_after_a_startup_noun_are_no_list(extractor):
    text = "Startup binaan desa yakni Kawan Tani dan Pasar Pagi ikut pameran.\n"
    assert not {"Kawan Tani", "Pasar Pagi"} & all_forms(extractor, text)


def test_the_founders_of_a_startup_are_no_organisations(extractor):
    text = "Para pendiri startup itu adalah Budi Santoso, Rina Wati, dan Yoga Pratama.\n"
    ner = [(text.index(n), text.index(n) + len(n), "PER") for n in ["Budi Santoso", "Rina Wati", "Yoga Pratama"]]
    assert not {"Budi Santoso", "Rina Wati", "Yoga Pratama"} & all_forms(extractor, text, ner)


# --- two bodies joined by "dan", kinds of bodies, a head word inside a position -------------------------------------

@pytest.mark.parametrize("text, first, second", [
    ("Program ini didukung mulai dari UNDP hingga Kementerian Keuangan dan XYZ Group.\n",
     "Kementerian Keuangan", "XYZ Group"),
    ("Program ini didukung Kementerian Pertanian dan Sinar Group.\n", "Kementerian Pertanian", "Sinar Group"),
    ("Bantuan dari Sinar Mas Group dan Djarum Foundation tiba kemarin.\n", "Sinar Mas Group", "Djarum Foundation"),
    ("Bantuan dari Yayasan Sinar dan Djarum Foundation tiba kemarin.\n", "Yayasan Sinar", "Djarum Foundation"),
])
def test_a_body_and_a_company_joined_by_dan_are_two(extractor, text, first, second):
    found = all_forms(extractor, text)
    assert {first, second} <= found


def test_a_ministry_named_with_dan_stays_one(extractor):
    assert "Kementerian Kelautan dan Perikanan" in all_forms(extractor, "Kementerian Kelautan dan Perikanan membuka pelatihan.\n")


def test_kinds_of_bodies_joined_by_dan_are_no_name(extractor):
    text = ("Relawan menyalurkan sembako di Panti Asuhan dan Pondok Pesantren di Kota Sukamaju. Warga Panti Asuhan "
            "dan Pondok Pesantren Darul Ilmi senang.\n")
    span = "Panti Asuhan dan Pondok Pesantren"
    found = all_forms(extractor, text, [(text.index(span), text.index(span) + len(span), "ORG")])
    assert span not in found


def test_a_head_word_inside_a_position_is_no_body(extractor):
    text = "Acara dihadiri President & Group CEO Sinar Energi, Budi Santoso, di Jakarta.\n"
    assert not any("Group" in n for n in all_forms(extractor, text))


@pytest.mark.parametrize("text, name", [
    ("Pendanaan awal diberikan oleh Sinar Ventures kepada tiga koperasi.\n", "Sinar Ventures"),
    ("Kebun plasma itu dikelola Sawit Tropis Holdings di Riau.\n", "Sawit Tropis Holdings"),
])
def test_a_company_named_by_ventures_or_holdings(extractor, text, name):
    assert name in all_forms(extractor, text)


# --- a platform by its web name ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("Donasi disalurkan melalui platform Sukabantu.id kepada warga. Tim sukabantu.id memantau penyalurannya.\n",
     "Sukabantu.id"),
    ("Petani belajar memakai aplikasi Tanamaju.com untuk mencatat panen.\n", "Tanamaju.com"),
    ("Kebunpintar.co.id menjadi startup pendamping kelompok tani itu.\n", "Kebunpintar.co.id"),
])
def test_a_web_name_the_article_calls_a_platform_is_an_organisation(extractor, text, name):
    assert name in all_forms(extractor, text)


@pytest.mark.parametrize("text", [
    # a news site quoted or credited stays an outlet
    "Hal itu disampaikan Ketua Koperasi Sumber Rejeki kepada Kabarsukamaju.com, Senin.\n",
    # an address with a path, a government site, an e-mail
    "Pendaftaran dibuka di laman www.tanamaju.com/daftar, bsu.kemnaker.go.id dan info@tanamaju.com.\n",
])
def test_an_outlet_or_an_address_is_no_platform(extractor, text):
    assert not [n for n in all_forms(extractor, text) if "." in n]


def test_a_preposition_run_into_a_platform_name_is_no_second_body(extractor):
    text = ("Tim Sukabantu.id mengumpulkan dana. Donasi disukabantu.id akan disalurkan pekan depan.\n")
    forms = all_forms(extractor, text)
    assert "Sukabantu.id" in forms and "disukabantu.id" not in forms


def test_a_nickname_from_the_end_of_a_name_or_initials_behind_an_honorific_are_the_person(extractor):
    text = ("Pendiri komunitas itu, Bagus Wahyudi (Yudi), menilai sampah masih menumpuk. Ceramah diisi oleh "
            "Ustaz Rahmat Hidayat (URH) dan Wulan Sari (Sinar Kopi Nusantara) ikut hadir.")
    found = [it["name"] for it in items(extractor, text, _per(text, "Bagus Wahyudi", "Rahmat Hidayat",
                                                              "Wulan Sari"))]
    assert found == ["Sinar Kopi Nusantara"]


def test_a_regional_government_written_with_a_lower_case_pemerintah(extractor):
    assert names(extractor, "Acara dihadiri jajaran pemerintah Kabupaten Sleman dan warga.") \
        == ["pemerintah Kabupaten Sleman"]
    assert names(extractor, "Program pemerintah kabupaten setempat berjalan baik.") == []
