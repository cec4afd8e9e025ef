"""Counted nouns that name beneficiary units beyond people: households of social aid (KPM), houses of a
housing programme, kitchens, clusters, tenants, Papua's kampung; and the classifier jiwa."""
import pytest

from count_helpers import shared_extractor, units


@pytest.fixture(scope="module")
def extractor():
    return shared_extractor()


@pytest.mark.parametrize("text, expected", [
    ("Bantuan pangan tahap ini disalurkan kepada 2,4 juta KPM di seluruh provinsi.", [(2_400_000, "KPM")]),
    ("Dinas sosial telah menyalurkan bantuan kepada 1.250 KPM di Kabupaten Gowa.", [(1250, "KPM")]),
    ("Pelatihan kewirausahaan diikuti 150 pekerja yang terkena PHK.", [(150, "pekerja")]),
    ("Pelayanan khusus disiapkan bagi 2.300 jemaah lansia asal Jawa Timur.", [(2300, "jemaah")]),
    ("Hadiah modal usaha diserahkan kepada 12 pemenang lomba inovasi desa.", [(12, "pemenang")]),
    ("Pelatihan membuat abon diberikan kepada 25 istri petani tambak.", [(25, "istri")]),
    ("Bank itu kini membina 14 klaster usaha tenun di NTT.", [(14, "klaster usaha")]),
    ("Promo akhir tahun berlaku di 45 tenant binaan dinas koperasi.", [(45, "tenant")]),
    ("Sebanyak 60 SPPG di kabupaten itu sudah mendapat sertifikat higienis.", [(60, "SPPG")]),
    ("Tahun ini pemerintah kota membedah 240 rumah warga miskin.", [(240, "rumah")]),
    ("Program bedah rumah menyasar 85 rumah tidak layak huni.", [(85, "rumah tidak layak huni")]),
    ("Dana desa dikawal di 210 kampung yang tersebar di pegunungan.", [(210, "kampung")]),
    # 'unit' between the number and a counted noun; 'unit' alone stays a product
    ("Ring I sebanyak 12 unit UKM menerima pinjaman modal.", [(12, "UKM")]),
    ("Bantuan berupa 12 unit mesin jahit diserahkan ke kelompok.", []),
])
def test_beneficiary_units(extractor, text, expected):
    assert units(extractor, text) == expected


@pytest.mark.parametrize("text", [
    "Berdasarkan data terbaru, jumlah penduduk provinsi itu mencapai 5,6 juta jiwa.",
    "Jumlah penduduk kecamatan tersebut sebanyak 42.000 orang.",
])
def test_a_classifier_after_a_population_counts_no_participants(extractor, text):
    assert units(extractor, text) == []


def test_jiwa_of_affected_people_still_counts(extractor):
    assert units(extractor, "Banjir itu berdampak pada 320 jiwa di dua dusun.") == [(320, "jiwa")]


@pytest.mark.parametrize("text, expected", [
    ("Para peserta dibagi menjadi 4 (empat) kelompok kerja.", [(4, "kelompok")]),
    ("Total sementara 1.320 (siswa jalur kemitraan) sudah mendaftar ulang.", [(1320, "siswa")]),
    # a number with thousands after 'ke' is no ordinal
    ("Menteri berkunjung ke 2.500 nasabah binaan di gedung olahraga.", [(2500, "nasabah")]),
    ("Bantuan bibit disalurkan ke 12 kelompok tani di lereng gunung.", [(12, "kelompok tani")]),
    ("Ini adalah pelatihan ke 3 bagi kelompok itu.", []),
    ("Pelatihan ke-5 ini digelar di balai desa.", []),
    # list markers are no counts
    ("Bank itu membina 3 klaster, yaitu: 1) Klaster Cabai di Sigi; 2) Klaster Sapi di Donggala; "
     "3) Klaster Bawang di Palu.", [(3, "klaster")]),
    # a limit is not who took part
    ("Kegiatan tatap muka dibatasi tidak lebih dari 10 orang.", []),
])
def test_number_forms(extractor, text, expected):
    assert units(extractor, text) == expected


@pytest.mark.parametrize("text", [
    "Dari 64,2 juta UMKM yang ada, baru sebagian yang masuk ekosistem digital.",
    "Saat ini baru sekitar 9 juta pelaku UMKM yang terhubung dengan platform daring.",
])
def test_millions_of_umkm_are_a_national_statistic(extractor, text):
    assert units(extractor, text) == []


def test_a_programme_may_still_reach_many_umkm(extractor):
    assert units(extractor, "Program ini telah membina 347.000 UMKM di seluruh Indonesia.") == [(347000, "UMKM")]


@pytest.mark.parametrize("text, expected", [
    # money written without Rp is no count, whether it follows a count or a noun
    ("Sebanyak 100 petani menerima bibit, dan 2 miliar untuk pembangunan irigasi.", [(100, "petani")]),
    ("Sebanyak 40 UMKM mendapat pelatihan, dan 25 juta untuk modal usaha.", [(40, "UMKM")]),
    ("Total bantuan untuk petani mencapai 2,5 miliar.", []),
    ("Dana yang diterima kelompok tani sebanyak 150 juta.", []),
    ("Omzet para pengrajin kini mencapai 40 juta.", []),
    # ... while a breakdown in thousands and a count after jumlah stay
    ("Sebanyak 5 ribu petani di Jawa dan 3 ribu di Sumatra menerima bantuan.", [(5000, "petani"), (3000, "petani")]),
    ("Jumlah peserta untuk pelatihan ini mencapai 50 orang.", [(50, "orang")]),
])
def test_money_is_no_count(extractor, text, expected):
    assert units(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # tourism and business-matching participants, workers trained, school levels, prayer houses
    ("Temu bisnis itu diikuti 48 pelaku wisata dan mempertemukan mereka dengan 30 buyer dari luar negeri.",
     [(48, "pelaku wisata"), (30, "buyer")]),
    ("Perusahaan tambang itu melatih 36 tenaga kerja lokal mengoperasikan alat berat.", [(36, "tenaga kerja")]),
    ("Layar pintar dibagikan ke 84 PAUD, 57 SD dan 12 SMP di kota itu.", [(84, "PAUD"), (57, "SD"), (12, "SMP")]),
    ("Bantuan karpet diserahkan kepada 14 musala dan 3 gereja.", [(14, "musala"), (3, "gereja")]),
    # informal workers who receive aid
    ("Polsek membagikan paket sembako kepada 120 tukang becak dan 45 juru parkir di pasar kota.",
     [(120, "tukang becak"), (45, "juru parkir")]),
    ("Sebanyak 60 pengemudi ojol dan 25 sopir angkot menerima bantuan tunai.",
     [(60, "pengemudi ojol"), (25, "sopir angkot")]),
    # with -nya, someone's own children or a company's own workers are no beneficiaries ...
    ("Ia berangkat ke lokasi bencana diantar istri dan dua anaknya.", []),
    ("Pabrik itu tumbuh berkat 5.000 pekerjanya di tiga kabupaten.", []),
    # ... unless the workers are the ones trained; members (anggotanya) and plain 'anak' still count
    ("Perusahaan melatih 40 pekerjanya mengoperasikan mesin baru.", [(40, "pekerja")]),
    ("Beasiswa diberikan kepada 300 anak nelayan dan 28 anggotanya.", [(300, "anak"), (28, "anggota")]),
    # ... but a grade is no school
    ("Adiknya masih duduk di kelas 2 SMA.", []),
])
def test_more_beneficiary_nouns(extractor, text, expected):
    assert sorted(units(extractor, text)) == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    # staff who are themselves trained or take part are participants ...
    ("Tidak kurang dari 45 jurnalis mengikuti pelatihan cek fakta itu.", [(45, "jurnalis")]),
    ("Aksi sosial di panti itu melibatkan 70 karyawan dari berbagai divisi.", [(70, "karyawan")]),
    ("Bimbingan teknis diikuti sekitar 38 pegawai kelurahan.", [(38, "pegawai")]),
    # ... organisers and audiences never are, and staff merely present are not counted
    ("Kegiatan ini melibatkan 6 narasumber dan 90 peserta.", [(90, "peserta")]),
    ("Sebanyak 15 panitia ikut membantu 200 peserta lomba.", [(200, "peserta")]),
    ("Acara itu dihadiri 25 wartawan.", []),
])
def test_staff_who_take_part(extractor, text, expected):
    assert sorted(units(extractor, text)) == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    # one is a count when a list goes on with another count of the same noun ...
    ("Yayasan itu membiayai operasi satu orang anak penderita jantung dan empat orang anak penderita katarak.",
     [(1, "anak"), (4, "anak")]),
    ("Pelatihan diikuti satu peserta dari Aceh dan dua peserta dari Riau.", [(1, "peserta"), (2, "peserta")]),
    # ... never alone, after 'salah', or before a count of something else
    ("Bantuan diterima satu desa di pesisir.", []),
    ("Salah satu desa dan tiga desa lainnya menerima bantuan.", [(3, "desa")]),
    ("Rapat dihadiri satu kepala desa dan dua camat.", []),
])
def test_one_listed_with_a_count_of_the_same_noun(extractor, text, expected):
    assert units(extractor, text) == expected
