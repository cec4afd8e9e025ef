"""Programme detection (weighted cue words) and the programme's name (patterns, then a description)."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from pipeline.extract.programme import ProgrammeExtractor
from pipeline.rules import load_rules
from pipeline.segment import Segmenter
from pipeline.types import Region


@pytest.fixture(scope="module")
def px(rules) -> ProgrammeExtractor:
    return ProgrammeExtractor(rules)


def facts(px, text, regions=()):
    f = px(text, list(regions))
    for m in f.cues + ([f.name_mention] if f.name_mention else []):
        assert text[m.start:m.end] == m.text
    return f


# -- detection --------------------------------------------------------------------------------
PROGRAMMES = {
    "umkm-training": (
        "Dinas Koperasi dan UKM Kabupaten Sleman menggelar pelatihan pemasaran digital bagi 40 pelaku UMKM di "
        "balai desa. Pelatihan ini merupakan bagian dari program pemberdayaan masyarakat. Para peserta juga "
        "mendapat pendampingan selama tiga bulan."),
    "csr-aid": (
        "PT Semen Nusantara menyalurkan bantuan modal usaha kepada kelompok perempuan perajin anyaman melalui "
        "program tanggung jawab sosial dan lingkungan. Sebanyak 25 mitra binaan juga mendapat pembinaan "
        "pengemasan produk."),
    "farmers": (
        "Kelompok tani di Desa Mekarsari mengikuti penyuluhan budidaya padi organik. Para petani juga menerima "
        "bantuan benih dan pupuk dari pemerintah kabupaten."),
    "charity": (
        "Menyambut Ramadan, perusahaan menggelar kegiatan sosial berupa pembagian sembako dan santunan bagi "
        "anak yatim di sekitar pabrik. Kegiatan berbagi ini menyasar 300 keluarga."),
    "fishers-protection": (
        "BPJS Ketenagakerjaan memperluas perlindungan bagi nelayan dan petani di pesisir utara. Ribuan nelayan "
        "kini terdaftar dalam program jaminan sosial, sementara petani yang terdaftar terus bertambah."),
}
OTHER_NEWS = {
    "crime": (
        "Polisi menangkap dua tersangka pencurian sepeda motor di Kecamatan Cibeber. Kedua tersangka ditangkap "
        "saat hendak menjual motor curian. Korban melapor ke polisi setelah motornya hilang di parkiran pasar."),
    "sport": (
        "Persikota menang 2-1 atas tim tamu dalam laga lanjutan liga. Gol kemenangan dicetak pada babak kedua. "
        "Dengan hasil ini, skor agregat menjadi 3-2 dan tim naik ke puncak klasemen."),
    "market": (
        "Nilai tukar rupiah melemah terhadap dolar AS pada perdagangan Selasa. IHSG ditutup turun 0,5 persen, "
        "sementara inflasi bulan lalu tercatat 2,1 persen. Pengamat menilai kurs masih tertekan."),
    "accident": (
        "Seorang pengendara tewas dalam kecelakaan di jalan lingkar selatan. Korban mengalami luka parah setelah "
        "motornya menabrak truk yang berhenti. Polisi masih menyelidiki penyebab kecelakaan."),
    "politics": (
        "Menjelang pemilu, partai-partai mulai menyusun daftar caleg. Komisi pemilihan meminta semua pihak "
        "menjaga ketertiban selama masa kampanye."),
}


@pytest.mark.parametrize("name", PROGRAMMES)
def test_programme_texts_score_at_least_half(px, name):
    f = facts(px, PROGRAMMES[name])
    assert f.score >= 0.5 and f.is_programme


@pytest.mark.parametrize("name", OTHER_NEWS)
def test_other_news_scores_below_half(px, name):
    f = facts(px, OTHER_NEWS[name])
    assert f.score < 0.5 and not f.is_programme


def test_cue_mentions_carry_weight_hits_and_rule(px):
    text = PROGRAMMES["umkm-training"]
    f = facts(px, text)
    cues = {m.source: m for m in f.cues}
    pel = cues["rule:programme_cues.jsonl:pelatihan"]
    assert (pel.text, pel.start, pel.value["hits"]) == ("pelatihan", text.index("pelatihan"), 2)
    assert pel.value["weight"] > 0 and pel.kind == "cue"


def test_cues_inside_excluded_regions_do_not_count(px, rules):
    related = "Baca juga: Pelatihan dan pendampingan UMKM binaan, program pemberdayaan berlanjut"
    text = f"{OTHER_NEWS['crime']}\n\n{related}\n"
    with_noise = facts(px, text).score
    regions = Segmenter(rules)(text).regions
    assert [text[r.start:r.end] for r in regions] == [related]
    assert facts(px, text, regions).score < with_noise
    assert not facts(px, text, regions).is_programme


def cue_extractor(tmp_path: Path, *cues: dict) -> ProgrammeExtractor:
    (tmp_path / "programme_cues.jsonl").write_text("\n".join(json.dumps(c) for c in cues) + "\n", encoding="utf-8")
    return ProgrammeExtractor(load_rules([tmp_path]))


def test_score_formula(tmp_path):
    px = cue_extractor(tmp_path, {"id": "latih", "text": "pelatihan", "weight": 4})
    assert px.detect("Tidak ada apa-apa.", [])[0] == pytest.approx(1 / (1 + math.exp(2)), abs=1e-3)
    assert px.detect("Ada pelatihan.", [])[0] == 0.5  # weight 4, one hit
    three = px.detect("Pelatihan, pelatihan, PELATIHAN.", [])[0]  # 4 x log2(1 + 3) = 8
    assert three == pytest.approx(1 / (1 + math.exp(-2)), abs=1e-3)


@pytest.mark.parametrize("cue, text, hits", [
    ("UMK", "Pelaku UMK dan UMKM hadir; umk lain menyusul.", 2),  # whole words, any case
    ("latih*", "Mereka dilatih, lalu latihan, lalu latihannya dinilai.", 2),  # * = any ending, not any start
    ("desa wisata", "Desa Wisata Sukamaju dan desa  wisata lain.", 1),
])
def test_cue_matching(tmp_path, cue, text, hits):
    px = cue_extractor(tmp_path, {"id": "c", "text": cue, "weight": 1})
    _, cues = px.detect(text, [])
    assert (cues[0].value["hits"] if cues else 0) == hits


# -- the programme's name -------------------------------------------------------------------------
@pytest.mark.parametrize("text, name, pattern", [
    # a quoted title after bertajuk / bertema (and the common misspelling berthema)
    ("Pelatihan bertajuk 'Ibu Tangguh Berdaya' digelar di balai desa bagi 30 ibu rumah tangga.",
     "Ibu Tangguh Berdaya", "quoted-title"),
    ("Dinas menggelar seminar bertema “Koperasi Perempuan di Era Digital” pada Sabtu.",
     "Koperasi Perempuan di Era Digital", "quoted-title"),
    ("Kegiatan itu berthema “Dapur Sehat Keluarga Desa” dan diikuti kader PKK.", "Dapur Sehat Keluarga Desa",
     "quoted-title"),
    ("Perusahaan menggelar pelatihan “Kelola Keuangan Warung” bagi pedagang kecil.", "Kelola Keuangan Warung",
     "quoted-any"),
    # program X
    ("Warga dilatih membuat pupuk melalui program Desa Berdaya Mandiri yang dimulai tahun lalu.",
     "Desa Berdaya Mandiri", "program-name"),
    ("Bank itu kembali membuka program Wirausaha Muda Nusantara (WMN). Pendaftaran dibuka hingga akhir bulan.",
     "Wirausaha Muda Nusantara (WMN)", "program-name"),
    ("Kegiatan ini bagian dari program Kampung Sehat\nSebanyak 30 kader ikut serta.", "Kampung Sehat",
     "program-name"),
    # melalui X, but not "melalui Dinas ..."
    ("Bank Daerah membina pedagang pasar melalui Sekolah Pasar Rakyat yang dimulai sejak Maret.",
     "Sekolah Pasar Rakyat", "melalui-name"),
    ("Pemerintah mendorong perajin melalui Dinas Perindustrian. Pelatihan Anyaman Pandan digelar dua hari.",
     "Pelatihan Anyaman Pandan", "activity-name"),
    # an activity title
    ("Pelatihan Tata Boga Dasar diikuti 30 ibu rumah tangga dari tiga dusun.", "Pelatihan Tata Boga Dasar",
     "activity-name"),
    # no proper name: a description phrase from the text
    ("Puluhan ibu rumah tangga mengikuti pelatihan membuat kerajinan anyaman bambu di balai desa.",
     "pelatihan membuat kerajinan anyaman bambu", "description"),
    ("Warga menerima bantuan bibit ikan lele untuk kolam kelompok, kata kepala desa.",
     "bantuan bibit ikan lele untuk kolam kelompok", "description"),
    # events and hand-outs name what was done too: a festival, a contest, a slaughter, a distribution
    ("Festival Jajanan Kampung Lestari akan digelar di alun-alun pada akhir pekan.",
     "Festival Jajanan Kampung Lestari", "description"),
    ("Karang taruna mengadakan lomba egrang dan bakiak antarwarga di lapangan desa.",
     "lomba egrang dan bakiak antarwarga", "description"),
    ("Penyembelihan hewan kurban itu dilakukan di halaman masjid kantor cabang.",
     "Penyembelihan hewan kurban", "description"),
    ("Relawan melanjutkan distribusi bantuan pangan di pengungsian sejak Senin.",
     "distribusi bantuan pangan", "description"),
    ("Panitia menggelar kegiatan donor darah bersama di gedung serbaguna.",
     "kegiatan donor darah bersama", "description"),
    # relief work named by what is handled, set up or raised
    ("Relawan melanjutkan penanganan korban banjir bandang di posko.", "penanganan korban banjir bandang",
     "description"),
    ("Warga memulai penggalangan dana untuk korban kebakaran pasar.", "penggalangan dana untuk korban kebakaran pasar",
     "description"),
    # a passive verb ends the phrase: what follows is said of it
    ("Penyaluran kredit mikro desa ditugaskan kepada bank daerah.", "Penyaluran kredit mikro desa", "description"),
])
def test_programme_name(px, text, name, pattern):
    f = facts(px, text)
    assert f.name == name
    assert {k: f.name_mention.value[k] for k in ("name", "pattern")} == {"name": name, "pattern": pattern}
    assert f.name_mention.label == "programme_name"


def test_higher_priority_wins_then_earliest(px):
    text = ("Melalui Gerakan Tani Muda, dinas melatih pemuda. Kegiatan ini bertajuk 'Petani Milenial Berdaya' "
            "dan merupakan bagian dari program Desa Tangguh Pangan.")
    assert facts(px, text).name == "Petani Milenial Berdaya"
    text = "Ada program Kampung Kreatif Warga dan juga program Lumbung Pangan Desa."
    assert facts(px, text).name == "Kampung Kreatif Warga"


@pytest.mark.parametrize("text", [
    "Perusahaan menjalankan program CSR di desa itu.",  # a cue word is not a name
    "Pemerintah memperluas program UMKM tahun ini.",
    "Rapat itu membahas anggaran tahun depan.",  # nothing at all
    "Kegiatan ini berlangsung meriah, kata panitia.",  # "kegiatan ini" is no description
    "Perusahaan rutin menggelar kegiatan CSR.",  # "kegiatan" is weak: only a cue word after it says nothing
])
def test_no_name(px, text):
    assert facts(px, text).name is None


@pytest.mark.parametrize("text, name, pattern", [
    ("Ribuan warga memadati Pesisir Raya Festival (PRF) 2026 di pantai kota.", "Pesisir Raya Festival (PRF) 2026",
     "event-name"),
    ("Panitia membuka acara Pasar Malam Tepi Sungai pada Sabtu malam.", "Pasar Malam Tepi Sungai", "event-intro"),
    ("Penutupan jalan dilakukan selama acara “Senja Kuliner Kota” berlangsung.", "Senja Kuliner Kota", "event-intro"),
])
def test_an_event_name_is_proposed_for_the_learned_choice_only(px, text, name, pattern):
    """An event named by its last word, or after acara / event / ajang: priority 0, so the rules' own choice never
    takes it (the event is often only the setting), but the learned choice sees it."""
    f = facts(px, text)
    assert (name, pattern) in [(m.value["name"], m.value["pattern"]) for m in f.name_candidates]
    assert f.name != name


def test_an_award_is_no_event_name(px):
    """'ajang X Awards': the story is a company receiving an award, not what it runs."""
    names = [m.value["name"] for m in facts(px, "Perusahaan itu meraih penghargaan di ajang Bumi Hijau Awards "
                                                 "2026 di Jakarta.").name_candidates]
    assert not any("Awards" in n for n in names)


@pytest.mark.parametrize("text", [
    "Pengesahan Rancangan Kitab Undang-Undang Hukum Acara Pidana dibahas di parlemen.",  # the law of procedure
    "Pemerintah kota menggelar pelatihan pemandu wisata di ajang UNESCO tahun ini.",  # one word: a body's acronym
])
def test_what_is_no_event_name(px, text):
    assert not any(m.value["pattern"] == "event-intro" for m in facts(px, text).name_candidates)


def test_gerakan_inside_a_word_is_no_programme(px):
    """'Pergerakan Pemuda X' is an organisation, no 'gerakan X'; a capital glued to the word before (a dateline run
    on) still starts 'Program X'."""
    f = facts(px, "Ketua Pergerakan Pemuda Tani Nusantara hadir dalam rapat tahunan.")
    assert not any(m.value["pattern"] == "program-name" for m in f.name_candidates)
    assert facts(px, "KotaraProgram Desa Mandiri Pangan digelar sejak Maret.").name == "Desa Mandiri Pangan"


def test_a_regulations_title_ends_a_name_and_is_none_itself(px):
    text = ("Kegiatan ini bagian dari program Kampung Tangguh Pangan dan Peraturan Bupati Nomor 12 Tahun 2024 "
            "tentang ketahanan pangan.")
    assert facts(px, text).name == "Kampung Tangguh Pangan"
    names = [m.value["name"] for m in facts(px, "Pelaksanaan program Peraturan Desa Nomor 3 dibahas.").name_candidates]
    assert not any(n.startswith("Peraturan") for n in names)


@pytest.mark.parametrize("text, bad", [
    # an office whose name holds an activity word: the activity is no programme's name nor its description
    ("Para pemuda belajar mengelas di Balai Besar Pelatihan Vokasi dan Produktivitas (BBPVK) Kota Lama selama "
     "sebulan.", "Pelatihan Vokasi"),
    ("Kegiatan itu digerakkan oleh Tim Penggerak Pemberdayaan Kesejahteraan Keluarga kecamatan.",
     "Pemberdayaan Kesejahteraan Keluarga"),
    ("Acara dihadiri Menteri Koordinator Bidang Pemberdayaan Masyarakat dan bupati.", "Pemberdayaan Masyarakat"),
    ("Petani berlatih di Pusat Pendidikan dan Pelatihan Pertanian Swadaya milik kelompok.", "Pelatihan Pertanian"),
    # a guideline's title
    ("Aturan itu tertuang dalam peraturan menteri tentang Pedoman Pemberian Bantuan Pemerintah untuk sekolah.",
     "Bantuan Pemerintah"),
    # an award's name
    ("Perusahaan kembali menerima Anugerah Program Penilaian Kinerja Hijau tahun ini.", "Penilaian Kinerja Hijau"),
])
def test_an_activity_word_inside_an_offices_or_guidelines_name_is_no_programme(px, text, bad):
    names = [m.value["name"] for m in facts(px, text).name_candidates]
    assert not any(bad.casefold() in n.casefold() for n in names), names


def test_an_activity_word_after_other_capitals_still_names_it(px):
    """Only an ``encloses`` word opens an enclosing name: a sentence start, a lower-case verb or another capital
    before the activity leave it alone, and so does the headline (every word capitalised there)."""
    f = facts(px, "Kelompok tani di Desa Suka Maju. Pelatihan Budidaya Jamur Tiram digelar dua hari.")
    assert f.name == "Pelatihan Budidaya Jamur Tiram"
    f = facts(px, "Warga Kampung Hijau mengikuti Pelatihan Budidaya Jamur Tiram di balai desa.")
    assert f.name == "Pelatihan Budidaya Jamur Tiram"
    # a line that starts with the office's name is a heading about it: the office may be what the story reports
    f = facts(px, "Para pemuda kampung kini punya tempat belajar.\nBalai Pelatihan Kerja Pemuda Pesisir\nGedung itu "
                  "dibangun tahun lalu.")
    assert any("Pelatihan Kerja Pemuda Pesisir" in m.value["name"] for m in f.name_candidates)
    text = "Balai Desa Gelar Pelatihan Menjahit\nWarga berlatih menjahit selama tiga hari."
    f = px(text, [], title=(0, text.index("\n")))
    assert "Pelatihan Menjahit" in [m.value["name"] for m in f.name_candidates]


@pytest.mark.parametrize("text", [
    "Jalan desa itu dibangun lewat program Pemkot Sukamaju tahun lalu.",  # whose programme, not its name
    "Pembangunan sekolah itu merupakan program Presiden Joko Santoso.",
    "Bantuan itu bagian dari program Kementerian Sosial.",
    "Bantuan disalurkan melalui Kepala Dinas Sosial kepada warga.",  # a person by position
    "Warga mendaftar melalui Aplikasi Warga Sehat di ponsel.",  # an app
    "Bantuan diantar melalui Jalan Raya Utama ke desa.",  # a street
    "Usulan itu disampaikan melalui Biro Perekonomian Provinsi.",  # an office
    "Perusahaan membangun sumur warga melalui Corporate Social Responsibility (CSR) miliknya.",  # a channel
    "Aplikasinya dapat diunduh melalui Google Play Store.",
    "Jembatan itu dibangun melalui APBN tahun ini.",
])
def test_an_owner_or_an_office_after_program_or_melalui_is_no_name(px, text):
    assert not any(m.value["pattern"] in ("program-name", "melalui-name") for m in facts(px, text).name_candidates)


def test_a_count_after_a_connector_is_no_part_of_a_name(px):
    """'acara Hari Pamer untuk 12 [usaha rintisan]': the number is whom the event is for."""
    names = [m.value["name"] for m in facts(px, "Inkubator itu menggelar acara Hari Pamer untuk 12 usaha rintisan "
                                                 "binaannya.").name_candidates]
    assert "Hari Pamer" in names and not any("12" in n for n in names)


def test_a_stop_word_glued_to_a_name_ends_a_description(px):
    """A blank lost in the page's markup ('diKota'): the description ends there as before a free 'di'."""
    f = facts(px, "Relawan melanjutkan penyaluran bantuan pangan diKota Lama pada Selasa.")
    assert f.name == "penyaluran bantuan pangan"


@pytest.mark.parametrize("text, umbrella", [
    ("Pelatihan menjahit itu digelar untuk mendukung program Kampung Mandiri Sandang di kabupaten.",
     "Kampung Mandiri Sandang"),
    ("Langkah ini sejalan dengan program prioritas Desa Digital Nusantara.", "Desa Digital Nusantara"),
    ("Bantuan upah diberikan kepada pekerja yang belum menerima Program Sembako Keluarga.", "Sembako Keluarga"),
])
def test_a_programme_the_activity_supports_is_proposed_for_the_learned_choice_only(px, text, umbrella):
    """'mendukung program X', 'sejalan dengan program X', 'belum menerima Program X': an umbrella programme the
    reported activity serves, or one somebody has not had; priority 0, so the rules' own choice never takes it."""
    f = facts(px, text)
    found = {m.value["name"]: m.value["pattern"] for m in f.name_candidates}
    assert found.get(umbrella) == "supported-program"
    assert f.name_mention is None or f.name_mention.value["pattern"] != "program-name"


def test_names_in_excluded_regions_are_skipped(px):
    text = "Baca juga: Bupati resmikan program Kota Hijau Lestari\nWarga mengikuti program Bank Sampah Mandiri."
    regions = [Region(0, text.index("\n"), "related")]
    assert facts(px, text, regions).name == "Bank Sampah Mandiri"


def test_name_offsets_survive_blanks_inside_quotes_and_phrases(px):
    text = "Acara bertajuk ' Ibu Tangguh Berdaya' digelar."
    f = facts(px, text)
    assert f.name == "Ibu Tangguh Berdaya" and text[f.name_mention.start:f.name_mention.end] == "Ibu Tangguh Berdaya"
    text = "Mereka mengikuti pelatihan  membuat   kerajinan bambu di balai desa."
    f = facts(px, text)
    assert f.name == "pelatihan membuat kerajinan bambu"
    assert f.name_mention.text == "pelatihan  membuat   kerajinan bambu"


def test_activities_are_distinct_description_phrases(px):
    text = ("Warga mengikuti pelatihan membuat kue kering di aula. Pelatihan membuat kue kering itu lalu disusul "
            "pendampingan pemasaran produk secara daring. Ada pula sosialisasi.")
    assert facts(px, text).activities == ["pelatihan membuat kue kering", "pendampingan pemasaran produk secara daring"]


def test_what_is_launched_is_the_programme(px):
    text = ("Dinas Pertanian Kabupaten Poso meluncurkan Sekolah Lapang Padi Organik di Desa Tambarana. Program "
            "itu melatih 60 petani selama empat bulan.")
    assert facts(px, text).name == "Sekolah Lapang Padi Organik"


def test_a_description_inside_an_organisation_name_is_not_the_programme(px):
    text = ("Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Poso melatih 30 kader desa tentang pengelolaan "
            "keuangan desa.")
    org = text.index("Dinas"), text.index(" melatih")
    assert px(text, [], [org]).name != "Pemberdayaan Masyarakat dan Desa"


def test_an_organisation_after_the_activity_ends_or_joins_the_description(px):
    """An organisation in the words after a head no longer drops the description: after the phrase's end (a stop
    word between) it changes nothing, inside the phrase it belongs to it, and when its name runs on past the phrase's
    end the phrase ends before it."""
    text = "Relawan membuka pelatihan merangkai bunga di Yayasan Kasih Bunda pada Sabtu."
    org = text.index("Yayasan"), text.index(" pada")
    assert px(text, [], [org]).name == "pelatihan merangkai bunga"
    text = "Warga mengikuti sosialisasi tabungan emas Koperasi Sinar Pagi kemarin."
    org = text.index("Koperasi"), text.index(" kemarin")
    assert px(text, [], [org]).name == "sosialisasi tabungan emas Koperasi Sinar Pagi"
    text = "Panitia membagikan bantuan beras bagi nelayan Koperasi Nelayan Samudra Raya Kabupaten Tegal."
    org = text.index("Koperasi"), len(text) - 1
    assert px(text, [], [org]).name == "bantuan beras bagi nelayan"


def test_an_activity_cut_by_the_length_limit_says_so(rules):
    ex = ProgrammeExtractor(rules)
    long = ex.activities("Warga mengikuti pelatihan membuat makanan ringan berbahan dasar lidah buaya segar.", [])
    assert long == ["pelatihan membuat makanan ringan berbahan dasar lidah …"]
    assert ex.activities("Warga mengikuti pelatihan membuat tas anyaman di balai desa.", []) == \
        ["pelatihan membuat tas anyaman"]
