"""CountExtractor and assemble_participants: which numbers are participant counts,
what they count, which is the programme's total, and whether parts add up."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract.counts import CountExtractor
from pipeline.normalize.participants import assemble_participants
from pipeline.rules import load_rules
from pipeline.types import Region

from count_helpers import RULE_FILES, shared_extractor


@pytest.fixture(scope="module")
def extractor() -> CountExtractor:
    return shared_extractor()


def participants(extractor, text, regions=()):
    mentions = extractor.extract(text, list(regions))
    for m in mentions:
        assert text[m.start:m.end] == m.text
        assert m.kind == "count"
    return assemble_participants(mentions)


def counts(extractor, text):
    return sorted(p["count"] for p in participants(extractor, text)[0])


def units(extractor, text):
    return [(p["count"], p["unit"]) for p in participants(extractor, text)[0]]


# -- a number followed by a counted noun ------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Pelatihan menjahit ini diikuti 35 peserta dari Kecamatan Sukajadi.", [(35, "peserta")]),
    ("Sebanyak 1.250 pelaku UMKM mendapat pendampingan pemasaran digital.", [(1250, "pelaku UMKM")]),
    ("Bantuan bibit diserahkan kepada dua puluh lima petani di lereng gunung.", [(25, "petani")]),
    ("Sebanyak 24 orang nelayan mengikuti pelatihan navigasi perahu.", [(24, "nelayan")]),
    ("Kegiatan ini diikuti 40 orang peserta dari kelompok PKK.", [(40, "peserta")]),
    ("Sebanyak 18 orang hadir dalam sosialisasi tersebut.", [(18, "orang")]),
    ("Program ini menyasar 1.500 penerima manfaat di wilayah pesisir.", [(1500, "penerima manfaat")]),
    ("Perusahaan membina enam puluh desa binaan di kabupaten itu.", [(60, "desa binaan")]),
    ("Bantuan sembako dibagikan kepada 150 kepala keluarga.", [(150, "KK")]),
    ("Pelatihan diikuti 12 kelompok wanita tani (KWT) dari tiga desa.", [(12, "kelompok wanita tani"), (3, "desa")]),
    ("Bimtek ini diikuti oleh 25 calon wirausaha baru.", [(25, "calon wirausaha")]),
    ("Pelatihan diikuti 25 calon peserta magang.", [(25, "peserta")]),
    ("Beasiswa diberikan kepada seratus siswa berprestasi.", [(100, "siswa")]),
    ("Sekitar 350 santri mengikuti pelatihan budidaya ikan di pondok itu.", [(350, "santri")]),
    ("Pelatihan ini diikuti oleh lebih dari 200 pelaku usaha.", [(200, "pelaku usaha")]),
    ("Kedua kelompok tani itu menerima bantuan pupuk organik.", [(2, "kelompok tani")]),
    ("Program digital ini menjangkau 8,2 juta nasabah ultra mikro.", [(8_200_000, "nasabah")]),
    ("Sebanyak 10 unit usaha milik warga mendapat pendampingan.", [(10, "unit usaha")]),
    # job seekers, zakat recipients, bare recipients
    ("Balai latihan itu membuka kelas las untuk 48 pencari kerja muda.", [(48, "pencari kerja")]),
    ("Dinas mendata 75 pencaker yang ikut bursa kerja.", [(75, "pencaker")]),
    ("Lembaga zakat menyalurkan modal kepada 35 mustahik di pinggiran kota.", [(35, "mustahik")]),
    ("Bantuan gerobak diserahkan kepada 12 penerima di balai desa.", [(12, "penerima")]),
    # a counted noun with the possessive -nya
    ("Koperasi itu melatih 42 anggotanya membuat sabun.", [(42, "anggota")]),
    ("Sanggar tari itu membina 60 siswanya setiap sore.", [(60, "siswa")]),
])
def test_number_then_counted_noun(extractor, text, expected):
    assert units(extractor, text) == expected


def test_approximate_words_are_mentions_without_a_count(extractor):
    text = "Ratusan warga memadati lapangan untuk mengikuti pelatihan."
    mentions = extractor.extract(text, [])
    assert [(m.text, m.value["count"], m.value["low"], m.value["high"]) for m in mentions] == [
        ("Ratusan warga", None, 100, 999)]
    assert participants(extractor, text)[0] == []


def test_evidence_names_the_counted_noun_rule(extractor):
    (m,) = extractor.extract("Pelatihan ini diikuti 45 peserta.", [])
    assert m.source == "rule:counted_nouns.jsonl:person_peserta"
    assert m.value["pattern"] == "num_noun"
    assert (m.text, m.start, m.end) == ("45 peserta", 22, 32)


# -- the counted noun before the number -------------------------------------------------
@pytest.mark.parametrize("text, count, what", [
    ("Jumlah peserta pelatihan mencapai 120 hingga akhir pekan.", 120, "peserta pelatihan"),
    ("Peserta kegiatan sebanyak 64 dan semuanya perempuan.", 64, "Peserta kegiatan"),
    ("Koperasi itu kini memiliki total anggota 350.", 350, "anggota"),
    ("Total peserta kursus 48 orang, sebagian besar ibu rumah tangga.", 48, "peserta kursus"),
    ("Hingga pekan ini peserta yang mendaftar baru 33 orang.", 33, "peserta"),
])
def test_noun_before_number(extractor, text, count, what):
    (p,) = participants(extractor, text)[0]
    assert (p["count"], p["what"]) == (count, what)


def test_noun_before_pattern_is_named_in_the_source(extractor):
    (m,) = extractor.extract("Jumlah nasabah di kota ini mencapai 2.400.", [])
    # the counted noun's rule decided the match, so the evidence names it; the pattern stays in the value
    assert m.source == "rule:counted_nouns.jsonl:person_nasabah"
    assert (m.text, m.value["unit"], m.value["pattern"]) == ("2.400", "nasabah", "noun_before")


# -- breakdowns: later bare numbers inherit the unit -----------------------------------
def test_breakdown_parts_inherit_the_unit_and_add_up(extractor):
    text = ("Pelatihan regional ini diikuti 90 UMK. Peserta terdiri dari 38 UMK dari Kota Jambi, "
            "31 dari Kota Bengkulu dan 21 dari Kota Palembang.")
    parts, consistency = participants(extractor, text)
    assert [(p["count"], p["unit"], p["total"]) for p in parts] == [
        (90, "UMK", True), (38, "UMK", False), (31, "UMK", False), (21, "UMK", False)]
    assert consistency == {"parts_sum": 90, "total": 90, "consistent": True}


def test_breakdown_sources(extractor):
    mentions = extractor.extract("Peserta terdiri dari 20 petani dari Desa A dan 15 dari Desa B.", [])
    assert [(m.text, m.source) for m in mentions] == [
        ("20 petani", "rule:counted_nouns.jsonl:person_petani"), ("15", "regex:counts:breakdown")]


def test_breakdown_by_gender_adds_up_to_the_total(extractor):
    text = "Pelatihan diikuti oleh 60 peserta yang terdiri dari 35 perempuan dan 25 laki-laki."
    _, consistency = participants(extractor, text)
    assert consistency == {"parts_sum": 60, "total": 60, "consistent": True}


def test_the_first_number_of_a_breakdown_is_a_part_too(extractor):
    text = "Dalam pelatihan ini, 20 pelaku UMKM dari Kecamatan A, 15 dari Kecamatan B, serta 10 dari Kecamatan C."
    parts, consistency = participants(extractor, text)
    assert [(p["count"], p["total"]) for p in parts] == [(20, False), (15, False), (10, False)]
    assert consistency == {"parts_sum": 45, "total": None, "consistent": None}


def test_a_subset_is_a_part_but_not_added_up(extractor):
    parts, consistency = participants(extractor, "Sebanyak 60 peserta, 35 di antaranya perempuan, ikut pelatihan.")
    assert [(p["count"], p["total"]) for p in parts] == [(60, True), (35, False)]
    assert consistency == {"parts_sum": None, "total": 60, "consistent": None}


def test_parts_that_do_not_add_up_are_reported(extractor):
    text = "Total peserta 50 orang. Peserta dibagi menjadi 20 orang kelas pagi dan 20 orang kelas sore."
    _, consistency = participants(extractor, text)
    assert consistency == {"parts_sum": 40, "total": 50, "consistent": False}


# -- masing-masing: one item per thing in the list --------------------------------------
def test_each_after_a_list_of_three_activities(extractor):
    text = ("Peserta dibagi ke beberapa kelas: kelas sablon diisi enam orang, pelatihan membatik, "
            "pelatihan anyaman, serta pelatihan kuliner masing-masing diisi 10 orang, sedangkan kelas "
            "fotografi diikuti 8 orang. Jumlah seluruh peserta 44 orang.")
    parts, consistency = participants(extractor, text)
    assert sorted(p["count"] for p in parts) == [6, 8, 10, 10, 10, 44]
    tens = [p for p in parts if p["count"] == 10]
    assert [p["what"] for p in tens] == ["orang pelatihan membatik", "orang pelatihan anyaman",
                                         "orang pelatihan kuliner"]
    assert consistency == {"parts_sum": 44, "total": 44, "consistent": True}
    assert [p["count"] for p in parts if p["total"]] == [44]


def test_each_after_a_counted_number_of_classes(extractor):
    text = "Dinas membuka tiga kelas keterampilan, masing-masing dengan 20 peserta."
    parts, _ = participants(extractor, text)
    assert [p["count"] for p in parts] == [20, 20, 20]
    mentions = extractor.extract(text, [])
    assert {m.source for m in mentions} == {"regex:counts:each"}


def test_each_refers_to_the_list_in_the_previous_sentence(extractor):
    text = ("Pelatihan digelar di dua lokasi, yaitu Desa Sukamaju dan Desa Sukasari. "
            "Masing-masing lokasi diikuti 15 orang.")
    assert counts(extractor, text) == [15, 15]


def test_each_without_a_list_is_one_count(extractor):
    assert counts(extractor, "Pelatihan itu masing-masing diikuti 15 orang.") == [15]


# -- never counted ---------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Bantuan senilai Rp 50 juta diberikan untuk modal usaha.",  # money
    "Setiap peserta menerima uang saku Rp150.000 per orang.",
    "Dana bantuan mencapai 2 miliar rupiah.",
    "Omzet kelompok naik hingga 5 juta rupiah per bulan.",
    "Sebanyak 25 persen peserta berasal dari luar kota.",  # percentages
    "Sekitar 40% warga sudah mengikuti pelatihan.",
    "Lahan seluas 35 hektare dikelola oleh petani.",  # areas
    "Kebun percontohan seluas 2 ha dan gudang 300 m2 dibangun.",
    "Rumah produksi seluas 120 meter persegi itu milik warga.",
    "Pelatihan berlangsung selama tiga hari di balai desa.",  # durations
    "Pendampingan dilakukan selama 6 bulan dan 2 minggu.",
    "Program ini sudah berjalan lima tahun dengan sesi 4 jam per pekan.",
    "Pendampingan dilanjutkan dua pekan kemudian.",
    "Ketua kelompok yang berusia 47 tahun itu mengaku senang.",  # ages
    "Pada tahun 2020 program ini mulai dijalankan.",  # years
    "Mereka memanen 420 kg gabah dan 3 ton jagung.",  # product quantities
    "Perusahaan membagikan 500 paket sembako dan 200 liter minyak goreng.",
    "Bantuan berupa 20 unit mesin jahit dan 15 buah etalase.",
    "Kelompok menjual 300 pcs masker dan 120 botol hand sanitizer.",
    "Acara digelar pada 12 Maret 2024 di aula kecamatan.",  # dates
    "Kegiatan berlangsung Senin (4/9/2023) di gedung serbaguna.",
    "Informasi pendaftaran: hubungi 081234567890 atau 0215551234.",  # phone numbers
    "Peserta berasal dari 8 kecamatan dan 3 kabupaten.",  # coverage, not beneficiaries
    "Acara dihadiri 300 orang undangan dan 40 orang panitia.",  # not participants
    "Polisi menangkap 12 orang tersangka dalam operasi itu.",
    "Jumlah tersangka yang ditahan polisi mencapai 9 orang.",
    "Salah satu desa penerima bantuan adalah Desa Sukamaju.",  # one alone
    "Seorang warga, Budi, mengaku senang dengan pelatihan ini.",
    "Setiap kelompok arisan harus beranggotakan minimal 8 orang.",  # requirements
    "Dari total 8.120 desa di provinsi itu, baru sebagian yang mandiri.",  # statistics
    "Desa itu berpenduduk 2.716 jiwa.",
    "Secara nasional terdapat 74 ribu desa.",
    "Pelatihan angkatan ke-3 dibuka untuk kelompok 15.",  # ordinals
    "Pasal 5 ayat 3 mengatur kewajiban itu.",
    "Kegiatan dimulai pukul 14.00 WIB dan selesai 17:30.",
])
def test_not_counts(extractor, text):
    assert counts(extractor, text) == []


def test_counts_inside_excluded_regions_are_marked_and_dropped(extractor):
    text = "Pelatihan diikuti 30 peserta.\nBaca juga: 500 warga terima bantuan beras\n"
    start = text.index("Baca juga")
    region = Region(start, text.index("\n", start), "baca_juga")
    mentions = extractor.extract(text, [region])
    assert [(m.text, m.excluded) for m in mentions] == [("30 peserta", False), ("500 warga", True)]
    assert counts(extractor, text) == [30, 500]  # without the region both count
    parts, _ = assemble_participants(mentions)
    assert [p["count"] for p in parts] == [30]


def test_one_counts_when_listed_with_others(extractor):
    assert counts(extractor, "Kegiatan ini melibatkan empat kelompok ternak dan satu koperasi.") == [1, 4]


# -- totals ----------------------------------------------------------------------------
def totals(extractor, text):
    return sorted(p["count"] for p in participants(extractor, text)[0] if p["total"])


@pytest.mark.parametrize("text, expected", [
    # an explicit total/jumlah beats the first count
    ("Setidaknya ada 9 kelompok usaha di kampung itu. Total peserta pelatihan 40 orang.", [40]),
    # sebanyak/diikuti beats a bare mention
    ("Awalnya hanya ada 4 UMKM. Kini sebanyak 27 UMKM tumbuh di kampung wisata itu.", [27]),
    # two counts joined by 'dan' are both totals
    ("Program literasi keuangan digelar di 75 sekolah dan 6 perguruan tinggi.", [6, 75]),
    # targets are never the total
    ("Dinas menargetkan 500 peserta tahun depan. Pelatihan kali ini diikuti 120 peserta.", [120]),
    # cumulative figures since a year are not this programme's total
    ("Sejak 2014 tercatat 1.800 guru dilatih. Tahun ini pelatihan diikuti 80 guru.", [80]),
    # ... also when the year comes after the number
    ("Program ini menjangkau 2 juta penerima manfaat sejak 2015. Tahun ini pelatihan diikuti 300 pemuda.", [300]),
    # a comparison with last year is not a breakdown
    ("Pada 2023 sebanyak 40 UMKM dilatih, naik dari 25 UMKM pada tahun sebelumnya.", [40]),
    # people outrank groups among equally cued counts
    ("Jumlah kelompok mencapai 1.200 kelompok. Jumlah nasabah mencapai 18.450 orang.", [18450]),
    # a restated total stays one item
    ("Pelatihan diikuti 100 peserta. Sebanyak 100 peserta itu berasal dari lima desa.", [100]),
    # the count that its parts add up to is the total
    ("Sebanyak 12 petani dari Desa A dan 18 petani dari Desa B ikut. Seluruhnya 30 petani.", [30]),
])
def test_totals(extractor, text, expected):
    assert totals(extractor, text) == expected


def test_total_is_never_also_a_part(extractor):
    text = "Total peserta 30 orang. Peserta terdiri dari 12 orang dari Desa A dan 18 dari Desa B."
    parts, consistency = participants(extractor, text)
    assert [(p["count"], p["total"]) for p in parts] == [(30, True), (12, False), (18, False)]
    assert consistency["consistent"] is True


def test_restatements_merge_their_evidence(extractor):
    text = "Pelatihan ini diikuti 100 orang peserta. Sebanyak 100 peserta tersebut adalah perempuan."
    (p,), _ = participants(extractor, text)
    assert p["count"] == 100 and p["total"] is True
    assert [e["text"] for e in p["evidence"]] == ["100 orang peserta", "100 peserta"]


def test_record_items_have_the_documented_fields(extractor):
    (p,), consistency = participants(extractor, "Sekitar 45 peserta mengikuti pelatihan.")
    assert set(p) == {"count", "unit", "what", "total", "approx", "evidence"}
    assert p["approx"] is True and p["count"] == 45
    assert set(p["evidence"][0]) == {"text", "start", "end", "source"}
    assert set(consistency) == {"parts_sum", "total", "consistent"}


def test_no_counts_no_totals(extractor):
    assert participants(extractor, "Perusahaan menyalurkan bantuan untuk warga.") == (
        [], {"parts_sum": None, "total": None, "consistent": None})


def test_counted_nouns_come_from_the_rule_files(tmp_path):
    local = tmp_path / "counted_nouns.local.jsonl"
    local.write_text('{"id": "penggiat", "text": "penggiat literasi", "cls": "person"}\n', encoding="utf-8")
    text = "Pelatihan diikuti 45 penggiat literasi."
    assert CountExtractor(load_rules(RULE_FILES)).extract(text, []) == []
    (m,) = CountExtractor(load_rules(RULE_FILES + [local])).extract(text, [])
    assert (m.value["count"], m.source) == (45, "rule:counted_nouns.local.jsonl:penggiat")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["Sebanyak", "30", "orang", "peserta", ",", "dan", "masing-masing", "12", "dari",
                                 "desa", "Rp", "5", "juta", "total", "jumlah", "mencapai", ".", "\n", "dua puluh",
                                 "terdiri dari", "ratusan", "kedua", "kelompok", "yaitu", "A", "satu"]), max_size=25))
def test_extract_never_breaks_offsets(extractor, words):
    text = " ".join(words)
    mentions = extractor.extract(text, [])
    for m in mentions:
        assert text[m.start:m.end] == m.text
    assemble_participants(mentions)


def test_count_that_is_the_sum_of_the_batches_is_the_total(extractor):
    text = ("Pelatihan dibagi dua gelombang. Gelombang pertama sebanyak 40 orang belajar menjahit, sedangkan "
            "gelombang kedua sebanyak 35 orang belajar membatik. Sebanyak 75 ibu rumah tangga dari tiga desa "
            "mengikuti kegiatan itu.")
    ps, _ = participants(extractor, text)
    assert [p["count"] for p in ps if p["total"]] == [75]


def test_total_in_the_sentence_that_names_the_batches_is_the_total(extractor):
    text = ("Pelatihan menjahit digelar tiga angkatan: angkatan pertama 30 peserta, angkatan kedua 25 peserta dan "
            "angkatan ketiga 20 peserta, sehingga totalnya 75 ibu rumah tangga di Kecamatan Kalasan.")
    ps, _ = participants(extractor, text)
    assert [p["count"] for p in ps if p["total"]] == [75]
    assert {p["count"] for p in ps if not p["total"]} == {30, 25, 20}


def test_total_cue_before_a_comma_still_marks_the_total(extractor):
    text = ("Sebanyak 20 pemuda ikut kelas barista, dan 15 pemuda kelas servis motor. Secara keseluruhan, "
            "60 pemuda dari Kecamatan Mlati terlibat sejak awal tahun.")
    ps, _ = participants(extractor, text)
    assert [p["count"] for p in ps if p["total"]] == [60]


def test_breakdown_of_the_people_counted_before_takes_nouns_the_list_lacks(extractor):
    text = ("Sebanyak 30 perangkat desa mengikuti bimtek itu. Mereka terdiri atas 18 operator siskeudes dan "
            "12 sekdes dari Kecamatan Kalasan.")
    ps, info = participants(extractor, text)
    assert {p["count"] for p in ps} >= {30, 18, 12}
    assert info == {"parts_sum": 30, "total": 30, "consistent": True}


def test_breakdown_of_something_else_is_no_participant(extractor):
    text = "Sebanyak 30 peserta hadir. Materi terdiri atas 5 modul dan 3 sesi praktik selama 6 bulan."
    ps, _ = participants(extractor, text)
    assert [p["count"] for p in ps] == [30]


def test_the_three_bodies_named_before_are_no_participants(extractor):
    text = ("Bank Indonesia, OJK dan Baznas menggelar edukasi keuangan. Kolaborasi ketiga lembaga itu diikuti "
            "80 mustahik.")
    assert counts(extractor, text) == [80]


def test_both_villages_named_before_are_no_new_count(extractor):
    text = ("Pelatihan anyaman bambu diikuti 40 perajin, 25 orang dari Desa Sukamaju dan 15 orang dari Desa Mekarsari. "
            "Hasil anyaman dari kedua desa itu akan dipasarkan bersama.")
    assert sorted(counts(extractor, text)) == [15, 25, 40]
    # villages counted as such are still counted ("bantuan untuk 12 desa")
    assert counts(extractor, "Pemerintah kabupaten menyalurkan bantuan bibit untuk 12 desa di pesisir.") == [12]


# -- a breakdown never adds up to more than its total -----------------------------------------------------
def test_each_count_distributes_over_the_list_after_it(extractor):
    text = ("Pelatihan itu diikuti empat puluh anggota kelompok, masing-masing 20 orang dari Desa Sidomulyo "
            "dan Desa Karangrejo.")
    parts, check = participants(extractor, text)
    assert sorted((p["count"], p["total"]) for p in parts) == [(20, False), (20, False), (40, True)]
    assert check["consistent"] is True


def test_groups_counted_before_each_still_give_one_part_per_group(extractor):
    parts, _ = participants(extractor, "Pelatihan diikuti tiga kelompok wanita tani, masing-masing 15 orang.")
    assert sorted(p["count"] for p in parts if not p["total"]) == [15, 15, 15]


def test_each_after_people_never_invents_parts(extractor):
    """'25 warga, masing-masing 2 ekor kambing' gives no part per warga."""
    parts, _ = participants(extractor, "Bantuan diberikan kepada 25 warga, masing-masing 2 orang pendamping.")
    assert len([p for p in parts if not p["total"]]) <= 1


def test_subsets_and_restatements_leave_the_breakdown(extractor):
    text = ("Sebanyak 50 petani mengikuti sekolah lapang, terdiri atas 30 orang dari Desa Wonosari dan 20 orang "
            "dari Desa Sukorejo. Dari 30 petani Wonosari, sudah ada 8 orang yang menerapkan pupuk organik.")
    parts, _ = participants(extractor, text)
    total = [p["count"] for p in parts if p["total"]]
    rest = [p["count"] for p in parts if not p["total"]]
    assert total == [50] and sum(rest) <= 50 and sorted(rest) == [20, 30]


@pytest.mark.parametrize("text, what", [
    ("Sebanyak 40 peserta dibagi menjadi dua kelompok.", "peserta"),
    ("Pelatihan diikuti 12 orang pelatihan membuat hand sanitizer.", "orang pelatihan"),
    ("Sebanyak 30 peserta didik mengikuti pelatihan.", "peserta didik"),
    ("Bantuan untuk 25 penyandang disabilitas netra.", "penyandang disabilitas netra"),
    ("Kini 25 petani dapat menjual gabah sendiri.", "petani"),  # a modal verb ends it too
    ("Sebanyak 18 kelompok belum menerima bibit.", "kelompok"),
])
def test_what_is_counted_stops_at_a_verb(extractor, text, what):
    assert extractor.extract(text, [])[0].value["what"] == what
