"""Numbers of people or things a disaster, an attack or a project harmed, displaced or needs are no participants;
nor is the room a hall or tent has. Teams, finalists and civil servants that take part are."""
import pytest

from count_helpers import participants, shared_extractor, units


@pytest.fixture(scope="module")
def extractor():
    return shared_extractor()


def totals(extractor, text):
    return [p["count"] for p in participants(extractor, text) if p["total"]]


@pytest.mark.parametrize("text", [
    "Gempa pekan lalu merusak 35 sekolah dan menghancurkan 12 sekolah lainnya di kabupaten itu.",
    "Si jago merah menghanguskan 80 rumah di permukiman padat tersebut.",
    "Longsor di lereng bukit itu menewaskan sedikitnya 14 warga.",
    "Banjir bandang menerjang 60 rumah di bantaran sungai.",
    "Bentrokan itu membuat 23 warga tewas dan puluhan lainnya terluka.",
    "Laporan itu menyebut 40 orang terbunuh dalam serangan tersebut.",
    "Menurut data posko, 410 jiwa menjadi korban dalam musibah itu.",
    "Proyek jalan tol itu memerlukan relokasi 150 rumah penduduk.",
])
def test_what_a_disaster_or_project_did_is_no_count(extractor, text):
    assert units(extractor, text) == []


@pytest.mark.parametrize("text", [
    "Menurut pengrajin, satu anyaman tikar membutuhkan tiga orang sekaligus.",
    "Untuk memanen satu petak sawah diperlukan enam orang.",
    "Setiap tenda darurat mampu menampung sekitar 60 orang.",
    "Aula desa berkapasitas 250 orang itu dipakai untuk rapat.",
    "Para pengungsi mengeluh karena harus berdesakan 70 orang per tenda.",
])
def test_what_a_task_needs_or_a_room_holds_is_no_count(extractor, text):
    assert units(extractor, text) == []


@pytest.mark.parametrize("text, expected", [
    # victims who receive the aid stay participants
    ("Dinsos menyalurkan paket sembako kepada 120 warga korban banjir di Desa Sukamaju.", [(120, "warga")]),
    ("Sebanyak 30 perempuan yang menjadi korban kekerasan mengikuti pelatihan menjahit.", [(30, "perempuan")]),
    # the residents a home shelters may be who a visit helps: counted (demoted, a total only when nothing better)
    ("Rombongan lalu mengunjungi panti asuhan yang menampung sekitar 45 anak yatim.", [(45, "anak yatim")]),
    # houses a housing programme builds still count
    ("Tahun ini pemerintah kota membedah 240 rumah warga miskin.", [(240, "rumah")]),
])
def test_victims_and_houses_a_programme_helps_still_count(extractor, text, expected):
    assert units(extractor, text) == expected


def test_burnt_houses_are_never_the_total(extractor):
    text = ("Sebanyak 90 rumah hangus dalam kebakaran itu. Pemkot lalu menyalurkan bantuan logistik kepada "
            "140 kepala keluarga terdampak.")
    assert totals(extractor, text) == [140]


@pytest.mark.parametrize("text, expected", [
    ("Lomba balap karung diikuti 14 tim dari sekolah dasar se-kecamatan.", [(14, "tim")]),
    ("Pelatihan pelayanan publik itu diikuti 45 ASN dari berbagai dinas.", [(45, "ASN")]),
    ("Kompetisi itu menyisakan delapan finalis yang akan tampil di panggung utama.", [(8, "finalis")]),
    # teams and civil servants who do not take part are no participants
    ("Dinas kesehatan menerjunkan lima tim medis ke lokasi bazar.", []),
    ("Kantor kecamatan itu hanya punya 12 PNS.", []),
])
def test_teams_finalists_and_civil_servants(extractor, text, expected):
    assert units(extractor, text) == expected


@pytest.mark.parametrize("text", [
    "Bantuan bibit diserahkan di Desa Sukamaju dan Desa Mekarsari. Dua desa tersebut merupakan desa binaan perusahaan.",
    "Tim meninjau pengelolaan BUMDes di Desa Cibodas dan Desa Cikole, lalu menilai dua desa itu layak dibina.",
])
def test_a_count_that_points_back_at_named_places_is_no_count(extractor, text):
    assert units(extractor, text) == []


def test_a_restated_count_that_points_back_stays(extractor):
    text = ("Pemkab mengirim 120 orang kepala desa untuk studi banding. 120 orang tersebut dibagi dalam dua "
            "rombongan.")
    assert totals(extractor, text) == [120]
