"""Segmentation: excluded regions (related links, credits, bylines, footers, repeats), title and dateline.

Every region and span is checked through ``text[start:end]``: offsets point into the original text.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.rules import RuleError, load_rules
from pipeline.segment import Segmenter, Segmentation, _merge
from pipeline.types import Region

B1 = "Sebanyak 40 perajin rotan di Desa Sumberejo mengikuti pelatihan desain produk dari Dinas Perindustrian."
B2 = "Kepala Dinas Perindustrian, Rahmat Hidayat, mengatakan pelatihan itu berlangsung selama tiga hari."
B3 = "Para peserta juga mendapat bantuan alat potong dan pendampingan pemasaran secara daring."


@pytest.fixture(scope="module")
def seg(rules) -> Segmenter:
    return Segmenter(rules)


def region_texts(text: str, s: Segmentation) -> list[str]:
    for r in s.regions:
        assert 0 <= r.start < r.end <= len(text)
        assert text[r.start:r.end] == text[r.start:r.end].strip(), "regions do not start or end with blanks"
    return [text[r.start:r.end] for r in s.regions]


def assert_body_kept(text: str, s: Segmentation, *sentences: str) -> None:
    for sentence in sentences:
        i = text.index(sentence)
        assert not s.is_excluded(i, i + len(sentence)), sentence


# -- what is excluded -----------------------------------------------------------------------------
@pytest.mark.parametrize("text, excluded, kind", [
    # related links: a "Baca juga" line, with or without space after the colon, any case
    (f"{B1}\n\nBaca juga: Harga Cabai Naik Jelang Lebaran di Pasar Induk\n\n{B2}",
     ["Baca juga: Harga Cabai Naik Jelang Lebaran di Pasar Induk"], "related"),
    (f"{B1}\nBACA JUGA:Bupati Resmikan Pasar Baru di Kecamatan Utara\n{B2}",
     ["BACA JUGA:Bupati Resmikan Pasar Baru di Kecamatan Utara"], "related"),
    (f"{B1}\n\nSimak juga: Warga Gotong Royong Bersihkan Sungai\n\n{B2}",
     ["Simak juga: Warga Gotong Royong Bersihkan Sungai"], "related"),
    # a bare "Baca Juga:" header: the headline on the next non-empty line goes with it
    (f"{B1}\n\nBaca Juga:\n\nBupati Resmikan Pasar Baru di Kecamatan Utara\n\n{B2}",
     ["Baca Juga:\n\nBupati Resmikan Pasar Baru di Kecamatan Utara"], "related"),
    (f"{B1}\n\nBerita Terkait\nHarga Cabai Naik Jelang Lebaran\nBupati Resmikan Pasar Baru\n\n{B2}",
     ["Berita Terkait\nHarga Cabai Naik Jelang Lebaran\nBupati Resmikan Pasar Baru"], "related"),
    # photo credits
    (f"Foto: Peserta menunjukkan hasil anyaman rotan di balai desa\n{B1}",
     ["Foto: Peserta menunjukkan hasil anyaman rotan di balai desa"], "photo_credit"),
    (f"Foto istimewa\n{B1}", ["Foto istimewa"], "photo_credit"),
    (f"Dok. Humas Pemkab\n{B1}", ["Dok. Humas Pemkab"], "photo_credit"),
    (f"Peserta pelatihan menunjukkan hasil anyaman di balai desa. Foto: Humas Pemkab Sleman\n\n{B1}",
     ["Foto: Humas Pemkab Sleman"], "photo_credit"),
    (f"Peserta pelatihan menunjukkan hasil anyaman (Foto: Antara/Budi Prasetyo)\n\n{B1}",
     ["(Foto: Antara/Budi Prasetyo)"], "photo_credit"),
    (f"Peserta pelatihan menunjukkan hasil anyaman (Dok. pribadi)\n\n{B1}", ["(Dok. pribadi)"], "photo_credit"),
    (f"Peserta pelatihan menunjukkan hasil anyaman di balai desa (Yoga/kabardesa)\n\n{B1}",
     ["(Yoga/kabardesa)"], "photo_credit"),
    (f"{B1}\nANTARA/Rudi Santoso\n{B2}", ["ANTARA/Rudi Santoso"], "photo_credit"),
    (f"{B1}\nWARTA DESA/SITI AMINAH\n{B2}", ["WARTA DESA/SITI AMINAH"], "photo_credit"),
    # bylines
    (f"Penulis: Dewi Lestari | Editor: Agus Salim\n\n{B1}", ["Penulis: Dewi Lestari | Editor: Agus Salim"], "byline"),
    (f"{B1}\n\nReporter: Andi Wijaya\nEditor : Rina\n", ["Reporter: Andi Wijaya", "Editor : Rina"], "byline"),
    (f"{B1}\n\nPewarta: Yusuf Maulana\nEditor :\n", ["Pewarta: Yusuf Maulana", "Editor :"], "byline"),
    (f"{B1}\n\nReportase : Babay\n", ["Reportase : Babay"], "byline"),
    (f"{B1}\nReporter\nSenin, 12 Juni 2023 08:00 WIB\n{B2}", ["Reporter"], "byline"),
    (f"Lani Purnama - detikNews\n{B1}", ["Lani Purnama - detikNews"], "byline"),
    (f"Laporan Wartawan Kabar Desa, Siti Aminah\n{B1}", ["Laporan Wartawan Kabar Desa, Siti Aminah"], "byline"),
    (f"{B1}\n(E021)\n", ["(E021)"], "byline"),
    (f"{B1}\n{B2} (gin)\n", ["(gin)"], "byline"),
    (f"{B1}\n{B2} (ant/gin)\n\n", ["(ant/gin)"], "byline"),
    (f"{B1}\n{B2}\n(wsw/ddn)\n", ["(wsw/ddn)"], "byline"),
    # footers: share, comments and copyright run to the end
    (f"{B1}\n\nShare Yuk !\n", ["Share Yuk !"], "footer"),
    (f"{B1}\n\nBagikan:\n", ["Bagikan:"], "footer"),
    (f"{B1}\n\nKomentar\n\nTulis komentar Anda di sini. Alamat email tidak dipublikasikan.\n",
     ["Komentar\n\nTulis komentar Anda di sini. Alamat email tidak dipublikasikan."], "footer"),
    (f"{B1}\nCopyright © 2024 Kabar Desa. All rights reserved.\n{B2}",
     [f"Copyright © 2024 Kabar Desa. All rights reserved.\n{B2}"], "footer"),
    (f"{B1}\nHak Cipta Dilindungi Undang-Undang\n", ["Hak Cipta Dilindungi Undang-Undang"], "footer"),
    (f"{B1}\nTags: UMKM, pelatihan, rotan\n", ["Tags: UMKM, pelatihan, rotan"], "footer"),
    (f"{B1}\nIkuti berita terkini dari Kabar Desa di Google News\n",
     ["Ikuti berita terkini dari Kabar Desa di Google News"], "footer"),
    # page chrome
    (f"{B1}\nSCROLL TO CONTINUE WITH CONTENT\n{B2}\nADVERTISEMENT\n{B3}",
     ["SCROLL TO CONTINUE WITH CONTENT", "ADVERTISEMENT"], "boilerplate"),
    (f"Mohon tunggu...\n{B1}", ["Mohon tunggu..."], "boilerplate"),
    (f"Laporkan Konten\nLaporkan Akun\n{B1}", ["Laporkan Konten", "Laporkan Akun"], "boilerplate"),
    # a paragraph repeated word for word (the title, a duplicated lead)
    (f"{B1}\n\n{B2}\n\n{B1}\n", [B1], "repeated"),
])
def test_noise_is_excluded_and_body_is_kept(seg, text, excluded, kind):
    s = seg(text)
    assert region_texts(text, s) == excluded
    assert s.regions[0].kind == kind
    assert s.regions[0].source.startswith(("rule:noise.jsonl:", "segment:"))
    assert_body_kept(text, s, *[b for b in (B1, B2, B3) if b in text and not any(b in e for e in excluded)])


@pytest.mark.parametrize("line", [
    "Foto bersama dilakukan seusai pembukaan pelatihan di aula kantor desa pada Senin pagi kemarin.",
    "Dokumentasi kegiatan disusun para peserta sebagai bahan laporan kepada dinas terkait setiap bulan.",
    "Hak cipta atas motif batik khas desa itu kini telah didaftarkan ke Kementerian Hukum.",
    "Sumber dana kegiatan berasal dari anggaran desa dan bantuan tanggung jawab sosial perusahaan.",
    "Iklan produk peserta kini tampil di media sosial desa setiap pekan, kata Kepala Desa.",
    "Komentar warga tentang pelatihan itu umumnya positif, kata Kepala Desa.",
    "Kegiatan ini diikuti ibu-ibu Pemberdayaan Kesejahteraan Keluarga (PKK)",
    "Laporan keuangan kelompok disusun setiap bulan oleh bendahara koperasi.",
    "Editor video dari komunitas kreatif turut melatih peserta membuat konten promosi.",
    "Selanjutnya, peserta diajak praktik langsung membuat pola di atas kain.",
])
def test_body_sentences_that_look_like_noise_are_kept(seg, line):
    text = f"{B1}\n\n{line}\n\n{B2}"
    assert seg(text).regions == []


def test_regions_never_swallow_the_body_after_a_short_noise_line(seg):
    text = f"Baca juga: Harga Cabai Naik\n{B1}\n{B2}"
    s = seg(text)
    assert region_texts(text, s) == ["Baca juga: Harga Cabai Naik"]
    assert_body_kept(text, s, B1, B2)


B3 = "Ketua kelompok, Sri Wahyuni, berharap pelatihan serupa digelar lagi tahun depan untuk anggota baru."


@pytest.mark.parametrize("furniture", ["Komentar", "Copyright © 2024 Warta Desa\nAll rights reserved"])
def test_a_page_footer_printed_above_the_article_takes_only_its_own_line(seg, furniture):
    text = f"{furniture}\n\nPerajin Rotan Dilatih\n\n{B1}\n\n{B2}\n\n{B3}"
    s = seg(text)
    assert_body_kept(text, s, B1, B2, B3)
    assert any(r.kind == "footer" and r.start == 0 for r in s.regions)


def test_a_page_footer_after_the_article_still_ends_it(seg):
    text = f"{B1}\n\n{B2}\n\n{B3}\n\nKomentar\n\nTulisan pembaca yang panjang tentang hal lain sama sekali.\n"
    s = seg(text)
    assert region_texts(text, s)[-1].startswith("Komentar\n\nTulisan pembaca")


def test_a_bulleted_list_of_links_after_baca_juga_is_excluded_whole(seg):
    text = f"{B1}\n\nBaca juga:\n- Harga Cabai Naik di Pasar Induk\n- 300 Warga Ikut Vaksinasi Massal\n{B2}"
    s = seg(text)
    assert region_texts(text, s) == ["Baca juga:\n- Harga Cabai Naik di Pasar Induk\n- 300 Warga Ikut Vaksinasi Massal"]
    assert_body_kept(text, s, B1, B2)


def test_baca_juga_that_lost_its_link_keeps_the_paragraph_after_it(seg):
    text = f"{B1}\n\nBaca Juga\n\n{B2}\n\n{B3}"
    s = seg(text)
    assert region_texts(text, s) == ["Baca Juga"]
    assert_body_kept(text, s, B1, B2, B3)


@pytest.mark.parametrize("link, body", [
    # the body's first sentence starts with a capital and goes on in lower case
    ("Baca juga: Koperasi Sumber Rejeki Gelar Pasar Murah di Desa Tegalsari", "Adapun paket yang dibagikan berisi beras."),
    # the headline keeps its small words; a capital after them still belongs to it
    ("Baca Juga: Harga Cabai di Pasar yang Naik Tajam per Minggu", "Salah satu pedagang mengeluh sepi."),
    # the body's first word glued to the headline's last
    ("Baca juga:Warga Sukamaju Bersiap untuk Panen Raya pada 5 Juni", "Bambang juga menjadi ketua panitia."),
    # a question closes the headline
    ("BACA JUGA: Bantuan Datang, Siapa yang Dapat?", "“Kami belum menerima apa pun,” katanya."),
])
def test_a_link_run_into_the_text_is_excluded_up_to_the_body(seg, link, body):
    glue = "" if link.endswith("Juni") else " "
    text = f"{B1}{link}{glue}{body}\n\n{B2}"
    s = seg(text)
    assert region_texts(text, s) == [link]
    assert_body_kept(text, s, B1, body, B2)


def test_a_bracketed_link_line_is_excluded_to_its_bracket(seg):
    text = f"{B1}\n\n[Baca juga: Dinas Sosial: Penyaluran Bantuan “ Tahap Dua ” Mulai Berjalan]\n\n{B2}"
    s = seg(text)
    assert region_texts(text, s) == ["[Baca juga: Dinas Sosial: Penyaluran Bantuan “ Tahap Dua ” Mulai Berjalan]"]
    assert_body_kept(text, s, B1, B2)


def test_baca_juga_inside_a_sentence_is_body(seg):
    text = f"{B1} Warga diminta baca juga: petunjuk pada kemasan.\n\n{B2}"
    assert region_texts(text, seg(text)) == []


def test_a_pojok_sidebar_of_other_stories_is_excluded(seg):
    text = f"{B1}\n\nPOJOK\nHarga beras turun jelang panen raya\nPetani berharap harga stabil?\n\n{B2}"
    s = seg(text)
    assert region_texts(text, s)[0].startswith("POJOK\nHarga beras turun")
    assert_body_kept(text, s, B1, B2)


# -- dateline ---------------------------------------------------------------------------------
BODY = "Warga Desa Sukamaju mengikuti pelatihan membatik yang digelar Dinas Koperasi pada pekan lalu."


@pytest.mark.parametrize("lead, dateline, place", [
    ("CILACAP – ", "CILACAP – ", "CILACAP"),
    ("Jakarta, 12 Oktober 2020 – ", "Jakarta, 12 Oktober 2020 – ", "Jakarta"),
    ("Kendari (ANTARA) - ", "Kendari (ANTARA) - ", "Kendari"),
    ("REPUBLIKA.CO.ID, JAKARTA -- ", "REPUBLIKA.CO.ID, JAKARTA -- ", "JAKARTA"),
    ("TANGERANG, BANPOS – ", "TANGERANG, BANPOS – ", "TANGERANG"),
    ("Medan, 21/12 (Antara) - ", "Medan, 21/12 (Antara) - ", "Medan"),
    ("kabardesa.com, SLEMAN – ", "kabardesa.com, SLEMAN – ", "SLEMAN"),
    ("kabardesa.com Sleman – ", "kabardesa.com Sleman – ", "Sleman"),
    ("WARTADESA.CO.ID,BLORA--", "WARTADESA.CO.ID,BLORA--", "BLORA"),
    ("Brebes, Wartanusa.com – ", "Brebes, Wartanusa.com – ", "Brebes"),
    ("Brebes (Jateng), Wartanusa.com,- ", "Brebes (Jateng), Wartanusa.com,- ", "Brebes"),
    ("PURWOREJO(kabardesa.com)– ", "PURWOREJO(kabardesa.com)– ", "PURWOREJO"),
    ("SOLO, JAWA TENGAH — ", "SOLO, JAWA TENGAH — ", "SOLO"),
    ("Bandar Lampung - ", "Bandar Lampung - ", "Bandar Lampung"),
    ("kabardesa.id, PATI: ", "kabardesa.id, PATI: ", "PATI"),
    ("kabardesa.id.BLORA – ", "kabardesa.id.BLORA – ", "BLORA"),
    ("MAGELANG-", "MAGELANG-", "MAGELANG"),
    ("Kudus (18/03/2021) ", "Kudus (18/03/2021) ", "Kudus"),
    ("kabardesa.com, Semarang ", "kabardesa.com, Semarang", "Semarang"),  # the dash lost in scraping
    ("SLEMAN, KABARDESA.COM\n- ", "SLEMAN, KABARDESA.COM\n-", "SLEMAN"),  # the dash on the next line
    ("kabardesa.com, Magelang", "kabardesa.com, Magelang", "Magelang"),  # glued to the body's first word
    # an outlet, then the place
    ("Beritakita.co.id - BANYUMAS – ", "Beritakita.co.id - BANYUMAS – ", "BANYUMAS"),
    ("Wartanusa – Sukoharjo : ", "Wartanusa – Sukoharjo : ", "Sukoharjo"),
    # an outlet alone: a dateline without a place
    ("kabardesa.id – ", "kabardesa.id – ", None),
    ("Kabardesa.id-", "Kabardesa.id-", None),
    ("WARTADESA.COM - ", "WARTADESA.COM - ", None),
    ("Kabarku21 - ", "Kabarku21 - ", None),
    ("WartaNusa- ", "WartaNusa- ", None),
])
def test_dateline_and_its_place(seg, lead, dateline, place):
    text = f"Warga Sukamaju Ikuti Pelatihan Membatik\n\n{lead}{BODY}\n\n{B2}"
    s = seg(text)
    assert s.dateline is not None
    assert text[s.dateline[0]:s.dateline[1]] == dateline
    assert (text[s.dateline_place[0]:s.dateline_place[1]] if s.dateline_place else None) == place
    assert text[s.title[0]:s.title[1]] == "Warga Sukamaju Ikuti Pelatihan Membatik"


@pytest.mark.parametrize("text", [
    f"{BODY}\n\n{B2}",
    f"Kamis, 31 Maret 2022 – 09:54 WIB\n\n{BODY}",
    f"Senin, 18 Juli 2016 08:01 WIB\n{BODY}",
    f"ANTUSIAS: Peserta mengikuti pelatihan membatik di balai desa.\n\n{BODY}",
    f"Diperbarui: 22 Agustus 2023 13:18\n\n{BODY}",
    f"Breaking News:\n\n{BODY}",
    "PKK-Dasawisma Melati menggelar pelatihan membuat kue bagi warga.",
    "UMKM-UMKM di desa itu mendapat pelatihan pemasaran daring dari dinas.",
    "Pelatihan ini - kata panitia - diikuti 40 orang dari tiga desa.",
    "Bupati Sleman - didampingi Kepala Dinas Koperasi - membuka pelatihan itu.",
    f"Baca juga: JAKARTA – Harga Cabai Naik Lagi\n\n{BODY}",
    f"{B1}\n\n{B2}\n\n{B3}\n\n{B1[:-1]} lagi.\n\nSOLO – {BODY}",  # too deep to be a dateline
], ids=["none", "stamp-dash", "stamp-time", "caption-label", "updated", "breaking", "caps-abbrev", "caps-plural",
        "aside", "title-word", "in-region", "too-deep"])
def test_no_dateline(seg, text):
    s = seg(text)
    assert s.dateline is None and s.dateline_place is None


def test_strong_dateline_may_follow_a_teaser_but_a_weak_one_may_not(seg):
    teaser = "Ratusan perajin di Sleman kini bisa memasarkan batik secara daring berkat pelatihan dinas."
    strong = f"{teaser}\n\nSLEMAN, kabardesa.com – {BODY}"
    s = seg(strong)
    assert strong[s.dateline[0]:s.dateline[1]] == "SLEMAN, kabardesa.com – "
    standalone = f"{teaser}\n\nSleman -\n\n{BODY}"
    s = seg(standalone)
    assert standalone[s.dateline_place[0]:s.dateline_place[1]] == "Sleman"
    assert seg(f"{teaser}\n\nSleman - {BODY}").dateline is None


def test_dateline_skips_title_byline_stamp_and_credit_lines(seg):
    text = ("Warga Sukamaju Ikuti Pelatihan Membatik\n"
            "Warga Sukamaju Ikuti Pelatihan Membatik\n"
            "Lani Purnama - detikNews\n"
            "Senin, 12 Jun 2023 10:15 WIB\n"
            "Peserta pelatihan membatik di balai desa (Lani/detikcom)\n"
            "Sleman -\n"
            f"{BODY}")
    s = seg(text)
    assert text[s.dateline_place[0]:s.dateline_place[1]] == "Sleman"
    assert text[s.title[0]:s.title[1]] == "Warga Sukamaju Ikuti Pelatihan Membatik"


def test_weekday_and_month_come_from_the_rules(rules, tmp_path):
    noise_only = tmp_path / "noise.jsonl"
    noise_only.write_text('{"id": "x", "pattern": "^IKLAN$", "kind": "boilerplate"}\n', encoding="utf-8")
    text = f"Senin, 12 Juni 2023 – {BODY}"
    assert Segmenter(load_rules([noise_only]))(text).dateline_place is not None  # no calendar rules: looks like one
    assert Segmenter(rules)(text).dateline is None


def test_known_outlets_from_the_media_rules_are_not_places(tmp_path):
    (tmp_path / "media.jsonl").write_text('{"id": "kt", "name": "Kabar Times", "aliases": ["KABARTIMES", "Kabartimes"]}\n',
                                          encoding="utf-8")
    seg = Segmenter(load_rules([tmp_path]))
    for lead, place in [("KABARTIMES, MALANG – ", "MALANG"), ("Kabartimes – ", None), ("MALANG, KABARTIMES – ", "MALANG"),
                        ("kabartimes.com, KABARTIMES – ", None)]:
        text = lead + BODY
        s = seg(text)
        assert text[s.dateline[0]:s.dateline[1]] == lead
        assert (text[s.dateline_place[0]:s.dateline_place[1]] if s.dateline_place else None) == place


# -- title -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, title", [
    (f"Warga Sukamaju Ikuti Pelatihan Membatik\n\nSLEMAN – {BODY}", "Warga Sukamaju Ikuti Pelatihan Membatik"),
    (f"Sabtu, 27 April 2024\n\nWarga Sukamaju Ikuti Pelatihan Membatik\n\n{BODY}",
     "Warga Sukamaju Ikuti Pelatihan Membatik"),
    (f"Monday, August 15, 2016\nWarga Sukamaju Ikuti Pelatihan Membatik\n{BODY}",
     "Warga Sukamaju Ikuti Pelatihan Membatik"),
    (f"pelatihan-batik-sukamaju-120623\nWarga Sukamaju Ikuti Pelatihan Membatik\n{BODY}",
     "Warga Sukamaju Ikuti Pelatihan Membatik"),
    (f"Mohon tunggu...\n  Warga Sukamaju Ikuti Pelatihan Membatik  \n{BODY}", "Warga Sukamaju Ikuti Pelatihan Membatik"),
    (f"30 Perajin Ikuti Pelatihan Membatik\n{BODY}", "30 Perajin Ikuti Pelatihan Membatik"),
    (f"SLEMAN – {BODY}", None),
    (f"{BODY}\nWarga Sukamaju Ikuti Pelatihan Membatik", None),
])
def test_title(seg, text, title):
    s = seg(text)
    assert (text[s.title[0]:s.title[1]] if s.title else None) == title


def test_title_from_metadata_is_located_in_the_text(seg):
    text = f"Kabar Desa\nWarga Sukamaju Ikuti Pelatihan Membatik\n{BODY}"
    s = seg(text, title=" Warga Sukamaju Ikuti Pelatihan Membatik ")
    assert text[s.title[0]:s.title[1]] == "Warga Sukamaju Ikuti Pelatihan Membatik"
    assert seg(text, title="Judul yang tidak ada di teks").title is None


# -- the scopes of noise rules, with rules of our own --------------------------------------------------
def segmenter_with(tmp_path: Path, *rules: dict) -> Segmenter:
    (tmp_path / "noise.jsonl").write_text("\n".join(json.dumps(r) for r in rules) + "\n", encoding="utf-8")
    return Segmenter(load_rules([tmp_path]))


@pytest.mark.parametrize("rule, text, excluded", [
    ({"scope": "line", "pattern": "PROMO"}, "Satu.\nAda PROMO hari ini\nDua.", ["Ada PROMO hari ini"]),
    ({"scope": "line", "pattern": "^\\s*PROMO"}, "Satu.\n\n\n   PROMO hari ini\nDua.", ["PROMO hari ini"]),
    ({"scope": "next_line", "pattern": "^LIHAT:"}, "Satu.\nLIHAT:\n\nJudul Lain\nDua.", ["LIHAT:\n\nJudul Lain"]),
    ({"scope": "next_line", "pattern": "^LIHAT:"}, "Satu.\nLIHAT: Judul Lain\nDua.", ["LIHAT: Judul Lain"]),
    ({"scope": "block", "pattern": "^TERKAIT$"}, "Satu.\nTERKAIT\nJudul A\nJudul B\n\nDua.",
     ["TERKAIT\nJudul A\nJudul B"]),
    ({"scope": "block", "pattern": "^TERKAIT$"}, "Satu.\nTERKAIT\nJudul A\nKalimat yang berakhir titik.",
     ["TERKAIT\nJudul A"]),
    ({"scope": "match", "pattern": "\\[iklan\\]"}, "Satu [iklan] dua.", ["[iklan]"]),
    ({"scope": "rest", "pattern": "^FOOTER"}, "Satu.\nFOOTER\nDua.\nTiga.", ["FOOTER\nDua.\nTiga."]),
    ({"scope": "match", "pattern": "x*"}, "Satu dua.", []),  # empty matches mark nothing
])
def test_rule_scopes(tmp_path, rule, text, excluded):
    s = segmenter_with(tmp_path, {"id": "r", "kind": "test", **rule})(text)
    assert region_texts(text, s) == excluded
    assert all(r.source == "rule:noise.jsonl:r" for r in s.regions)


def test_flags_i_ignores_case(tmp_path):
    text = "Satu.\nPromo hari ini\nDua."
    assert segmenter_with(tmp_path, {"id": "r", "kind": "t", "pattern": "^PROMO"})(text).regions == []
    s = segmenter_with(tmp_path, {"id": "r", "kind": "t", "pattern": "^PROMO", "flags": "i"})(text)
    assert region_texts(text, s) == ["Promo hari ini"]


def test_unknown_scope_is_a_rule_error(tmp_path):
    with pytest.raises(RuleError, match=r"noise.jsonl:1: unknown scope 'paragraf'"):
        segmenter_with(tmp_path, {"id": "r", "kind": "t", "pattern": "x", "scope": "paragraf"})


def test_overlapping_regions_are_merged_in_order():
    merged = _merge([Region(10, 20, "b"), Region(0, 5, "a"), Region(15, 30, "c"), Region(30, 35, "d"),
                     Region(40, 45, "e")])
    assert [(r.start, r.end, r.kind) for r in merged] == [(0, 5, "a"), (10, 35, "b"), (40, 45, "e")]


def test_is_excluded_means_overlap():
    s = Segmentation(regions=[Region(10, 20, "byline")])
    assert s.is_excluded(15, 25) and s.is_excluded(5, 11)
    assert not s.is_excluded(0, 10) and not s.is_excluded(20, 30)


def test_windows_line_endings(seg):
    lines = [B1, "ANTARA/Rudi Santoso", "Lani Purnama - detikNews", "(E021)",
             "Peserta menunjukkan hasil anyaman (Yoga/kabardesa)", "Baca juga: Harga Cabai Naik", f"{B2} (gin)",
             "Reporter"]
    text = "\r\n".join(lines) + "\r\n"
    s = seg(text)
    assert region_texts(text, s) == ["ANTARA/Rudi Santoso", "Lani Purnama - detikNews", "(E021)", "(Yoga/kabardesa)",
                                     "Baca juga: Harga Cabai Naik", "(gin)", "Reporter"]
    assert_body_kept(text, s, B1, B2)
    text = "SLEMAN – " + BODY + "\r\n" + B2
    s = seg(text)
    assert text[s.dateline_place[0]:s.dateline_place[1]] == "SLEMAN"
