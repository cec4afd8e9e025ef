"""Which count is the programme's total: figures from before, since a founding, quotas, batches, per-unit
counts, parallel totals and restatements in another unit."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.normalize.participants import assemble_participants
from pipeline.rules import load_rules

from count_helpers import RULE_FILES, participants, shared_extractor


@pytest.fixture(scope="module")
def extractor():
    return shared_extractor()


def totals(extractor, text):
    return sorted({p["count"] for p in participants(extractor, text) if p["total"]})


def counts(extractor, text):
    return sorted(p["count"] for p in participants(extractor, text))


@pytest.mark.parametrize("text, expected", [
    # the figure before ('awalnya', 'semula') is not the total; the clause after the comma is
    ("Kelompok itu dibentuk pada 2015 dengan jumlah anggota awal sebanyak 12 orang. "
     "Dari yang awalnya 12 orang, kini tercatat 31 anggota aktif.", [31]),
    ("Peserta yang semula 40 orang bertambah. Pelatihan akhirnya diikuti 55 peserta.", [55]),
    # a quota is what was offered, not who took part
    ("Dinas membuka total kuota 900 siswa baru. Hingga kemarin baru 410 siswa mendaftar ulang.", [410]),
    # since a launch or founding: the whole history, not this programme
    ("Sejak diluncurkan pada 2019, program itu telah menjangkau lebih dari 8.000 pelaku UMKM. "
     "Tahun ini bantuan diberikan kepada 15 pemenang lomba.", [15]),
    ("Sejak didirikan, yayasan itu telah melatih 12.000 guru. Pelatihan kali ini diikuti 60 guru.", [60]),
    ("Sejak program dimulai, 2.500 petani telah dilatih. Tahun ini 60 petani ikut sekolah lapang.", [60]),
    # a running tally up to a date
    ("Hingga akhir Maret 2024, bank itu membina 12.000 nasabah. Menteri mengunjungi 800 nasabah di Bogor.", [800]),
    ("Sampai 2023 sebanyak 900 warga sudah menerima bantuan. Tahun ini 150 warga dilatih menjahit.", [150]),
    # ... but an event running until a date is this programme
    ("Pelatihan yang berlangsung dari Mei hingga Juni 2024 itu diikuti 30 peserta.", [30]),
])
def test_totals_skip_other_figures(extractor, text, expected):
    assert totals(extractor, text) == expected


def test_a_figure_since_founding_still_adds_up_to_the_whole(extractor):
    text = ("Melalui program warung, perusahaan telah memberdayakan lebih dari 40.000 toko kelontong. "
            "Sejak didirikan, pusat pelatihannya telah melatih 9.000 peserta. "
            "Penghargaan ini dipersembahkan kepada 49.000 UMKM binaan perusahaan.")
    assert totals(extractor, text) == [49000]


@pytest.mark.parametrize("text, expected", [
    # a count per unit ('dari masing-masing', 'di setiap', 'per') is not the whole
    ("Pelatihan itu dihadiri 9 desa dengan perwakilan 4 peserta dari masing-masing desa.", [9]),
    ("Dinas akan melatih 30 pelaku UKM di setiap kecamatan, sehingga total 90 pelaku UKM.", [90]),
    # ... nor is a count in a clause about each unit ('Setiap posyandu ...')
    ("Kami telah melatih hampir 600 kader dari 240 posyandu. Setiap posyandu mengirim dua kader tahun ini.", [600]),
    # one batch of several is a part; the count over all batches is the total
    ("Sebanyak 210 perangkat desa dikirim dalam dua tahap. Kloter pertama ada 95 orang. "
     "Angkatan kedua berangkat pekan depan dengan jumlah peserta 115 orang.", [210]),
    ("Tahap satu ada 800 siswa dan di tahap dua ada 150. Kini 950 siswa itu sudah belajar.", [950]),
    # ... but the only batch an article counts is the programme
    ("Pelatihan angkatan kedua ini diikuti 45 peserta dari 9 kabupaten.", [45]),
])
def test_per_unit_and_batch_counts(extractor, text, expected):
    assert totals(extractor, text) == expected


@pytest.mark.parametrize("text", [
    "Jumlah penduduk miskin tercatat 75,2 ribu orang, turun sekitar 3,1 ribu orang dari tahun lalu.",
    "Sebanyak 150 juta jiwa dari 270 juta penduduk Indonesia adalah pengguna internet.",
])
def test_population_statistics_are_no_counts(extractor, text):
    assert counts(extractor, text) == []


@pytest.mark.parametrize("text, expected", [
    # a parenthesis between the total cue and the number does not hide the cue
    ("Sebanyak 40 siswa lain menunggu. Jumlah penerima angkatan 3 (tahap 1 dan 2) adalah 88 siswa.", [88]),
    # a restatement in another unit joined by 'atau' is a total too
    ("Banjir itu berdampak pada 41 kepala keluarga (KK) atau 150 jiwa di dua dusun.", [41, 150]),
    # ... but 'atau' between counts of one unit is an alternative, not a second total
    ("Peserta yang hadir sebanyak 30 orang atau 32 orang menurut catatan panitia.", [30]),
    # two programmes' totals set side by side with 'sedangkan' / 'Sementara'
    ("Peserta kelas koperasi berjumlah 45 orang, sedangkan peserta kelas UMKM berjumlah 52 orang.", [45, 52]),
    ("Bantuan tunai telah disalurkan kepada 2.100 KPM. Sementara itu, bantuan pangan disalurkan kepada 3.400 KPM.",
     [2100, 3400]),
    # ... but not a count of something else that merely follows 'Sementara itu'
    ("Pelatihan membatik itu diikuti 30 peserta. Sementara itu, 200 warga menonton pawai di alun-alun.", [30]),
    ("Tahun ini ada 900 jemaah lansia. Sementara jemaah penyandang disabilitas sebanyak 45 orang.", [45, 900]),
    # a breakdown led by 'Dari N X,' adds up to the whole; its parts are no totals
    ("Dari 24 peserta, 9 peserta dari kelompok tunarungu dan 15 peserta dari kelompok tunadaksa.", [24]),
])
def test_totals_and_their_companions(extractor, text, expected):
    assert totals(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # 'menyentuh' and 'melatih' name who the programme reached, like 'menjangkau'
    ("Program tanggung jawab sosial itu mampu menyentuh 12.400 masyarakat. Sebanyak 300 usaha warga tumbuh.",
     [12400]),
    ("Dinas telah melatih 480 kader posyandu. Sebanyak 120 posyandu kini aktif kembali.", [480]),
])
def test_reach_verbs_cue_the_total(extractor, text, expected):
    assert totals(extractor, text) == expected


def test_a_count_out_of_the_count_before_is_a_subset(extractor):
    text = ("Sebanyak 900 KK mengungsi akibat erupsi. Dari jumlah tersebut, 310 jiwa berada di pos utama.")
    ps = participants(extractor, text)
    assert [(p["count"], p["total"]) for p in ps] == [(900, True), (310, False)]


def test_parts_led_by_dari_add_up(extractor):
    text = "Dari 24 peserta, 9 peserta dari kelompok tunarungu dan 15 peserta dari kelompok tunadaksa."
    _, check = assemble_participants(extractor.extract(text, []))
    assert check == {"parts_sum": 24, "total": 24, "consistent": True}


def test_a_list_of_counts_per_village_has_no_total_among_its_items(extractor):
    text = ("Bantuan bibit diterima warga tiga desa. Di Desa Sukarame 25 petani, Desa Cibodas 18 petani, "
            "dan Desa Mekarsari 12 petani.")
    ps = participants(extractor, text)
    assert sorted(p["count"] for p in ps if not p["total"]) == [12, 18, 25]
    assert [p["count"] for p in ps if p["total"]] == [3]


def test_a_list_of_counts_adds_up_to_the_total_stated_elsewhere(extractor):
    text = ("Sebanyak 55 petani menerima bibit. Di Desa Sukarame 25 petani, Desa Cibodas 18 petani, "
            "dan Desa Mekarsari 12 petani.")
    ps, check = assemble_participants(extractor.extract(text, []))
    assert [p["count"] for p in ps if p["total"]] == [55]
    assert check == {"parts_sum": 55, "total": 55, "consistent": True}


def test_a_yearly_series_is_no_total(extractor):
    text = ("Penerima layanan turun dari 216 orang pada 2019, menjadi 209 orang di 2021, lalu 176 orang pada 2022. "
            "Pelatihan tahun ini diikuti 40 kader.")
    assert totals(extractor, text) == [40]


def test_a_bare_number_before_di_antaranya_is_a_subset_of_the_count_before(extractor):
    text = ("Perusahaan memberikan modal usaha kepada 12 pemenang lomba kuliner. Adapun lima di antaranya "
            "merupakan UMKM binaan perusahaan.")
    ps = participants(extractor, text)
    assert [(p["count"], p["unit"], p["total"]) for p in ps] == [(12, "pemenang", True), (5, "pemenang", False)]


def test_a_subset_in_the_same_sentence_keeps_the_unit(extractor):
    ps = participants(extractor, "Usaha katering itu mempekerjakan 40 orang, dengan 35 di antaranya perempuan.")
    assert [(p["count"], p["unit"], p["total"]) for p in ps] == [(40, "orang", True), (35, "orang", False)]


def test_damage_counts_are_not_the_aid_total(extractor):
    text = ("Banjir menyebabkan sebanyak 64 rumah mengalami kerusakan. Bencana itu berdampak pada 48 kepala "
            "keluarga (KK) atau 170 jiwa yang kini menerima bantuan.")
    assert totals(extractor, text) == [48, 170]


def test_a_breakdown_after_a_dash(extractor):
    text = "Webinar itu dihadiri oleh 900 guru—150 secara langsung dan 750 secara daring."
    ps, check = assemble_participants(extractor.extract(text, []))
    assert sorted(p["count"] for p in ps) == [150, 750, 900]
    assert check == {"parts_sum": 900, "total": 900, "consistent": True}


def test_the_rest_is_a_part(extractor):
    text = ("Program itu menjangkau 12 juta KPM. Sebanyak 7,5 juta di antaranya penerima lama, sementara 4,5 juta "
            "sisanya penerima baru.")
    ps = participants(extractor, text)
    assert [(p["count"], p["total"]) for p in ps] == [(12_000_000, True), (7_500_000, False), (4_500_000, False)]


# -- the parts of a record never add up to more than its total ----------------------------------------------
_FAMILY = {"person": "actors", "business": "actors"}


@pytest.fixture(scope="module")
def unit_family():
    rules = load_rules(RULE_FILES).get("counted_nouns")
    return {(r.get("unit") or r["text"]).lower(): _FAMILY.get(r.get("cls", "person"), r.get("cls", "person"))
            for r in rules}


def assert_parts_fit(ps, unit_family):
    totals = [p for p in ps if p["total"]]
    if len({p["count"] for p in totals}) != 1:
        return
    t = totals[0]
    fam = unit_family.get(t["unit"].lower(), "actors")
    same = [p["count"] for p in ps if not p["total"] and p["count"] < t["count"]
            and unit_family.get(p["unit"].lower(), "actors") == fam]
    assert sum(same) <= t["count"], (t["count"], same)


def test_the_counts_that_add_up_to_the_total_stay(extractor, unit_family):
    text = ("Program warung itu telah memberdayakan 5.000 toko kelontong. Pusat pelatihannya telah melatih "
            "3.000 peserta. Penghargaan ini untuk 8.000 UMKM binaan kami. Tahun ini 600 UMKM ikut pameran.")
    ps = participants(extractor, text)
    assert sorted(p["count"] for p in ps) == [3000, 5000, 8000]
    assert_parts_fit(ps, unit_family)


def test_when_nothing_adds_up_the_likeliest_parts_stay(extractor, unit_family):
    text = ("Sebanyak 70 UKM menerima pinjaman, terdiri dari 20 UKM baru dan 45 UKM lama. Ring I sebanyak 30 UKM, "
            "ring II sebanyak 35 UKM.")
    ps = participants(extractor, text)
    assert [p["count"] for p in ps if p["total"]] == [70]
    assert {20, 45} <= {p["count"] for p in ps}
    assert_parts_fit(ps, unit_family)


def test_batches_that_do_not_add_up_keep_the_first(extractor, unit_family):
    text = ("Sebanyak 1.500 siswa mendaftar saat tahap 1 dan 400 di tahap 2. Total sementara 1.800 siswa sudah "
            "daftar ulang. Hanya 2.\n\n300 siswa yang belum.")
    ps = participants(extractor, text)
    assert [p["count"] for p in ps if p["total"]] == [1800]
    assert_parts_fit(ps, unit_family)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Sebanyak", "30", "orang", "peserta", ",", "dan", "12", "18", "45", "dari", "desa",
                                 "total", "jumlah", ".", "terdiri dari", "di antaranya", "UMKM", "petani", "sisanya",
                                 "angkatan", "kedua", "pertama", "setiap", "50", "20", "Dari"]), max_size=30))
def test_parts_never_add_up_to_more_than_the_total(extractor, unit_family, words):
    assert_parts_fit(participants(extractor, " ".join(words)), unit_family)


@pytest.mark.parametrize("text, expected", [
    # a bare number before 'dari' and a count is taken out of that count: a part in its unit
    ("Sampai pekan ini baru 18 dari 52 koperasi yang mengajukan izin dinyatakan lengkap.", [(18, False), (52, True)]),
    ("Empat dari dua belas pemenang lomba itu merupakan mitra binaan bank.", [(4, False), (12, True)]),
    # ... but a number cued as who took part is the total, the count after 'dari' who signed up
    ("Pelatihan menjahit itu diikuti 35 dari 50 ibu rumah tangga yang mendaftar.", [(35, True), (50, False)]),
    # 'salah satu dari' and percentages are no subsets
    ("Desa itu menjadi salah satu dari 7 desa finalis lomba.", [(7, True)]),
    ("Sebanyak 40 persen dari 250 peserta adalah perempuan.", [(250, True)]),
])
def test_a_number_out_of_a_count_is_its_subset(extractor, text, expected):
    assert sorted((p["count"], p["total"]) for p in participants(extractor, text)) == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    # 'masing-masing' closing a noun ("their own village") before a relative clause distributes nothing, and
    # a number of animals before it is no list of groups
    ("Sebanyak 180 ekor kambing disembelih di dusun masing-masing yang kemudian dibagikan kepada 6.500 warga.",
     [(6500, True)]),
    # ... while a distributive 'masing-masing' after counted groups still gives one part per group
    ("Pelatihan diikuti empat kelompok tani, masing-masing 12 orang.", [(4, True), (12, False), (12, False),
                                                                       (12, False), (12, False)]),
])
def test_masing_masing_that_distributes_nothing(extractor, text, expected):
    assert sorted((p["count"], p["total"]) for p in participants(extractor, text)) == sorted(expected)


def test_each_after_a_number_of_animals_invents_no_groups(extractor):
    assert counts(extractor, "Daging dari 75 ekor sapi, masing-masing dibagikan kepada 400 warga.") == [400]


def headline_totals(extractor, text):
    title = (0, text.index("\n"))
    return sorted({p["count"] for p in assemble_participants(extractor.extract(text, [], title))[0] if p["total"]})


@pytest.mark.parametrize("text, expected", [
    # the headline's figure is what the article reports, even against a later count cued by 'jumlah'
    ("35 Koperasi Siap Disahkan, Berkas Lainnya Dikembalikan\nDi kabupaten itu jumlah desa sebanyak 90. "
     "Baru 35 koperasi yang berkasnya lengkap.", [35]),
    ("640 Rumah Warga Miskin Akan Diperbaiki Tahun Ini\nBupati juga berjanji setidaknya 50 orang akan dibantu "
     "beasiswa.", [640]),
    # ... unless the body says it is something else (a quota)
    ("Kuota 900 Siswa Dibuka\nDinas membuka total kuota 900 siswa baru. Sebanyak 410 siswa mendaftar ulang.", [410]),
])
def test_a_count_in_the_headline_is_the_total(extractor, text, expected):
    assert headline_totals(extractor, text) == expected


def test_without_a_headline_the_cues_decide(extractor):
    text = "35 koperasi siap disahkan.\nDi kabupaten itu jumlah desa sebanyak 90."
    assert totals(extractor, text) == [90]


@pytest.mark.parametrize("text, expected", [
    # the lede's count is as good as one cued by 'sebanyak' (and comes first) ...
    ("Sekitar 120 nelayan dari tiga desa pesisir mengikuti pelatihan pengolahan ikan di balai desa. "
     "Dalam acara itu, dinas juga menyerahkan alat tangkap bagi 40 nelayan.", [120]),
    # ... but not as good as 'jumlah'/'total'
    ("Sekitar 120 nelayan dari tiga desa pesisir mengikuti pelatihan pengolahan ikan di balai desa. "
     "Jumlah peserta seluruhnya tercatat 150 orang.", [150]),
    # a short first line is no lede
    ("Pelatihan 120 nelayan.\nDinas menyerahkan alat tangkap bagi 40 nelayan di balai desa kemarin siang.", [40]),
])
def test_the_lede_count(extractor, text, expected):
    assert totals(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # those the programme failed to reach are counted, never the total
    ("Bantuan tahap ini sudah cair, kecuali bagi beberapa KPM yang gagal salur, yaitu sebanyak 1.250 KPM. "
     "Sementara itu, bantuan pangan disalurkan kepada 9.400 KPM.", [9400]),
    ("Sebanyak 30 pendaftar tidak lolos seleksi, sedangkan 70 peserta lolos dan mengikuti pelatihan.", [70]),
    ("Ada 1.300 keluarga penerima manfaat (KPM) mengalami gagal salur. Tahun ini 5.000 KPM menerima bantuan.", [5000]),
    # ... and are no fallback when nothing else is counted
    ("Ada 1.300 keluarga penerima manfaat (KPM) yang gagal salur.", []),
])
def test_failed_counts_are_no_totals(extractor, text, expected):
    assert totals(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # 'satu dari N' is a proportion ...
    ("Menurut laporan itu, satu dari lima orang dewasa di kota belum memiliki rekening bank.", []),
    ("Kini 1 dari setiap 8 warga desa sudah terlatih.", []),
    # ... but 'salah satu dari N' still counts the N
    ("Kampung itu terpilih sebagai salah satu dari 6 kampung binaan tahun ini.", [6]),
])
def test_one_out_of_n_is_a_proportion(extractor, text, expected):
    assert counts(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # 'yang lainnya': the rest beside the count before, never a second total
    ("Hingga pekan ini baru 15 dari 40 koperasi yang mendaftar lolos verifikasi. "
     "Sementara 25 koperasi lainnya masih menunggu pemeriksaan.", [40]),
    ("Seperti 14 penerima hibah lainnya, kelompok itu mendapat pendampingan. "
     "Pelatihan lanjutan diikuti 35 anggota kelompok.", [35]),
    # ... but the only count of the article stays its total
    ("Ketua kelompok lalu mengajak 7 anggota lainnya untuk bergabung dalam usaha itu.", [7]),
])
def test_the_others_are_no_total(extractor, text, expected):
    assert totals(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a recorded figure ('menurut data', 'berdasarkan data') is a tally, not the activity's count
    ("Menurut data terbaru, sebanyak 300 ribu orang telah menerima manfaat program itu. "
     "Pelatihan hari ini diikuti 2.000 peserta dari seluruh kecamatan.", [2000]),
    ("Berdasarkan data per Juni, terdapat 70 sekolah di kabupaten itu. Program pelatihan guru tahun ini "
     "menjangkau 25 sekolah.", [25]),
])
def test_a_recorded_figure_is_no_total(extractor, text, expected):
    assert totals(extractor, text) == expected


def test_a_breakdown_cue_ends_where_a_new_clause_takes_its_own_count(extractor):
    # 'terdiri dari' lists the vehicles; the clause after the comma has its own verb and count
    text = ("Terdiri dari 8 truk dan 40 sepeda motor, rombongan relawan yang diikuti lebih dari 500 peserta "
            "berangkat pagi ini.")
    assert totals(extractor, text) == [500]
    # with no new clause, the counts after the cue stay its parts
    text = ("Kegiatan itu meliputi pelatihan menjahit yang diikuti 30 peserta dan pelatihan memasak yang diikuti "
            "25 peserta.")
    assert totals(extractor, text) == []
    assert counts(extractor, text) == [25, 30]


@pytest.mark.parametrize("text, expected", [
    # the helpers who hand the aid out ('yang turut membagikan') are not who the programme reached
    ("Sebanyak 300 pedagang kecil menerima paket sembako dari Polres. Total ada 12 siswa yang turut membagikan "
     "bantuan kepada warga.", [300]),
    ("Bantuan diberikan kepada 80 lansia. Sebanyak 15 anggota karang taruna ikut menyalurkan paket itu.", [80]),
    # ... still the total when the article counts nothing else
    ("Kelompok itu beranggotakan 25 petani yang ikut membantu panen raya.", [25]),
])
def test_the_helpers_who_give_are_no_total(extractor, text, expected):
    assert totals(extractor, text) == expected


@pytest.mark.parametrize("text, expected_totals, expected_counts", [
    # only the batches are counted: the programme's total is their sum (the batches stay as parts)
    ("Pelatihan gelombang pertama diikuti 50 peserta. Gelombang kedua diikuti 30 peserta.", [80], [30, 50, 80]),
    ("Sebanyak 40 peserta mengikuti pelatihan tahap pertama, dan 35 peserta mengikuti tahap kedua.",
     [75], [35, 40, 75]),
    # an overall figure the article gives is the total, never a second sum beside it
    ("Tahap pertama diikuti 50 peserta. Tahap kedua diikuti 30 peserta. Dengan demikian, total peserta "
     "mencapai 80 orang.", [80], [30, 50, 80]),
    ("Angkatan I diikuti 22 peserta dan angkatan II diikuti 18 peserta. Acara penutupan dihadiri 150 warga.",
     [150], [18, 22, 150]),
    # two equal figures may be one batch said twice: no sum
    ("Angkatan pertama diikuti 25 peserta dan angkatan kedua 25 peserta.", [], [25]),
    # a list over named villages with no overall figure: its sum
    ("Bantuan diterima warga Desa Sukamaju sebanyak 20 KK, Desa Mekarsari sebanyak 15 KK, dan Desa Cibodas "
     "sebanyak 10 KK.", [45], [10, 15, 20, 45]),
    ("Peserta berasal dari Desa Sukamaju (12 orang), Desa Mekarsari (9 orang), dan Desa Cibodas (7 orang).",
     [28], [7, 9, 12, 28]),
    # a yearly series is no list of parts of one whole
    ("Pada 2021 sebanyak 20 orang, 2022 sebanyak 15 orang, dan 2023 sebanyak 10 orang.", [], [10, 15, 20]),
])
def test_batches_and_village_lists_without_an_overall_figure_add_up(extractor, text, expected_totals,
                                                                     expected_counts):
    assert totals(extractor, text) == expected_totals
    assert counts(extractor, text) == expected_counts


@pytest.mark.parametrize("text, expected", [
    # a place counted by its own number is not what the link word's number counts
    ("Pelatihan menjahit itu diikuti ibu rumah tangga dari lima dusun yang jumlahnya mencapai 75 orang.", [75]),
    # 'berjumlah' after the participants cues their number like 'sebanyak'
    ("Sebanyak 12 desa menjadi lokasi program. Peserta pelatihan yang berasal dari tiga kecamatan itu "
     "berjumlah 45 orang.", [45]),
])
def test_the_participants_counted_away_from_their_noun(extractor, text, expected):
    assert totals(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # two totals joined by 'dan' after the words that say what the first counts
    ("Program ini menjangkau 75 sekolah dasar negeri dan 6 perguruan tinggi.", [6, 75]),
    ("Bantuan diberikan kepada 120 petani padi sawah dan 45 nelayan tradisional di pesisir.", [45, 120]),
    # a place after the count ends what it counts: the next count is no second total
    ("Pelatihan diikuti 40 peserta dari Desa Sukamaju dan 30 peserta dari Desa Mekarsari.", [40]),
    # a verb between: the second count is another thing the programme did
    ("Program itu melatih 50 guru honorer dan menjangkau 1.200 siswa.", [50]),
])
def test_totals_coordinated_after_what_they_count(extractor, text, expected):
    assert totals(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # batches counted a little apart from the total (1.510 against 1.500) are still its breakdown
    ("Tahap pertama diikuti 1.210 peserta dan tahap kedua 300 peserta. Total sementara 1.500 peserta.",
     [300, 1210, 1500]),
    # far over the total, the smaller count is no part of it
    ("Tahap pertama diikuti 1.210 peserta dan tahap kedua 400 peserta. Total sementara 1.500 peserta.",
     [1210, 1500]),
])
def test_a_breakdown_a_little_over_its_total_stays(extractor, text, expected):
    assert counts(extractor, text) == expected
