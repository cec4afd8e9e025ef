"""Loaders: txt in any common encoding, HTML via trafilatura, JSON Lines / JSON; article ids; failures
that are reported instead of stopping the run."""
from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

import pipeline.load as load
from pipeline.load import LoadFailure, article_id_for, iter_articles, iter_input_files, load_file
from pipeline.load.decode import DecodeError, decode_bytes
from pipeline.types import Article

TEXT = ("Sebanyak 25 perajin di Desa Karangrejo mengikuti pelatihan “batik tulis” — kata Kepala Desa. "
        "Café milik kelompok itu kini ramai.\n")
TEXT_LATIN = "Peserta pelatihan membuat kue crème brûlée dan nastar di café desa, naïve tapi enak.\n"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def load_one(path: Path, base: Path | None = None) -> list[Article | LoadFailure]:
    return list(load_file(path, base or path.parent))


# -- encodings ------------------------------------------------------------------------------
@pytest.mark.parametrize("raw, text, encoding", [
    (TEXT.encode("utf-8"), TEXT, "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT, "utf-8-sig"),
    (TEXT.encode("utf-16"), TEXT, "utf-16"),  # Python writes the BOM
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), TEXT, "utf-16"),
    (TEXT.encode("cp1252"), TEXT, "cp1252"),  # curly quotes, em dash, é
    (TEXT_LATIN.encode("latin-1"), TEXT_LATIN, "cp1252"),  # latin-1 letters read the same in cp1252
], ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "cp1252", "latin1"])
def test_txt_is_decoded_whatever_its_encoding(tmp_path, raw, text, encoding):
    [art] = load_one(write(tmp_path / "berita.txt", raw))
    assert isinstance(art, Article)
    assert art.text == text
    assert art.meta["encoding"] == encoding
    assert art.meta["format"] == "txt"


def test_bom_is_not_part_of_the_text(tmp_path):
    [art] = load_one(write(tmp_path / "a.txt", codecs.BOM_UTF8 + b"Pelatihan UMKM"))
    assert art.text.startswith("Pelatihan")


def test_mostly_utf8_with_a_broken_byte_keeps_its_letters():
    raw = "Pelatihan “batik” untuk ibu-ibu — sukses.".encode("utf-8") + b" \xff akhir"
    text, encoding = decode_bytes(raw)
    assert "“batik”" in text and "\ufffd" in text
    assert encoding.startswith("utf-8")


@pytest.mark.parametrize("raw", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4,
    b"\x00\x00\x00\x00",
    bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 50,
], ids=["png", "nul-only", "control-bytes"])
def test_binary_data_is_refused(raw):
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(raw)


def test_binary_file_becomes_a_failure_not_an_article(tmp_path):
    path = write(tmp_path / "foto.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    [fail] = load_one(path)
    assert isinstance(fail, LoadFailure)
    assert fail.article_id == "foto" and fail.stage == "load" and "binary" in fail.error


@pytest.mark.parametrize("raw", [b"", b"   \n\n\t  \r\n"], ids=["empty", "blank"])
def test_empty_file_is_a_failure(tmp_path, raw):
    [fail] = load_one(write(tmp_path / "kosong.txt", raw))
    assert isinstance(fail, LoadFailure) and fail.error == "empty file"


def test_text_that_decodes_to_blanks_is_a_failure(tmp_path):
    [fail] = load_one(write(tmp_path / "spasi.txt", "\u00a0\u3000\n".encode("utf-8")))
    assert isinstance(fail, LoadFailure) and "no text" in fail.error


def test_oversized_file_is_refused_without_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(load, "MAX_BYTES", 10)
    [fail] = load_one(write(tmp_path / "besar.txt", "Pelatihan " * 5))
    assert isinstance(fail, LoadFailure) and "limit" in fail.error


# -- HTML ------------------------------------------------------------------------------------
PARAS = ("<p>SLEMAN – Sebanyak 30 ibu rumah tangga di Desa Sukamaju mengikuti pelatihan membatik yang digelar "
         "Dinas Koperasi dan UKM Kabupaten Sleman pada Senin (12/6/2023).</p>"
         "<p>Kepala Dinas Koperasi, Budi Santoso, mengatakan pelatihan ini diharapkan membuka peluang usaha baru "
         "bagi warga desa. Peserta belajar membuat pola, mencanting, dan mewarnai kain.</p>"
         "<p>Selain pelatihan, para peserta juga mendapat bantuan peralatan membatik dan pendampingan pemasaran "
         "secara daring selama tiga bulan.</p>")


def page(head: str = "", body: str = PARAS) -> str:
    return (f"<html><head><title>Pelatihan Batik di Desa Sukamaju</title>{head}</head><body>"
            f"<nav>Beranda | Berita | Daerah</nav><article><h1>Pelatihan Batik di Desa Sukamaju</h1>{body}"
            f"</article><footer>Hak cipta 2023 Kabar Desa</footer></body></html>")


def test_html_body_and_title_are_extracted(tmp_path):
    [art] = load_one(write(tmp_path / "kabar" / "batik.html", page()), tmp_path)
    assert isinstance(art, Article)
    assert art.id == "kabar/batik"
    assert "Sebanyak 30 ibu rumah tangga" in art.text
    assert "Beranda | Berita" not in art.text
    assert art.meta["title"] == "Pelatihan Batik di Desa Sukamaju"
    assert art.meta["format"] == "html"


def test_html_publication_date_comes_from_metadata_not_from_the_body(tmp_path):
    [plain] = load_one(write(tmp_path / "a.html", page()))
    assert "published" not in plain.meta  # (12/6/2023) in the text is the event's date
    meta = '<meta property="article:published_time" content="2023-06-14T08:00:00+07:00">'
    [tagged] = load_one(write(tmp_path / "b.htm", page(meta)))
    assert tagged.meta["published"] == "2023-06-14"


@pytest.mark.parametrize("html", [
    "<html><head><title>Kosong</title></head></html>",
    "<html><head><title>Kosong</title></head><body></body></html>",
    "<html><body><nav>Beranda</nav></body></html>",
], ids=["no-body", "empty-body", "menu-only"])
def test_html_without_article_body_is_a_failure(tmp_path, html):
    [fail] = load_one(write(tmp_path / "kosong.html", html))
    assert isinstance(fail, LoadFailure)
    assert "no extractable article body" in fail.error


# -- JSON Lines / JSON -------------------------------------------------------------------------
def jsonl(*rows) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n"


def test_malformed_jsonl_line_fails_alone_and_good_lines_still_load(tmp_path):
    path = write(tmp_path / "umpan.jsonl", jsonl(
        {"id": "satu", "text": "Pelatihan menjahit bagi 20 warga."},
        '{"id": "dua", "text": "tanpa penutup"',
        {"text": "Bantuan bibit untuk kelompok tani."},
    ))
    items = load_one(path)
    assert [type(i).__name__ for i in items] == ["Article", "LoadFailure", "Article"]
    assert items[0].id == "umpan#satu"
    assert items[1].article_id == "umpan#2" and items[1].error.startswith("line 2: invalid JSON")
    assert items[2].id == "umpan#3"  # no id: the line number
    assert items[2].text == "Bantuan bibit untuk kelompok tani."


@pytest.mark.parametrize("row, error", [
    ({"id": "x", "judul": "Tanpa isi"}, "no text field"),
    ({"id": "x", "text": "   "}, "no text field"),
    ({"id": "x", "text": 42}, "no text field"),
    ('["bukan", "objek"]', "expected a JSON object, got list"),
    ("17", "expected a JSON object, got int"),
], ids=["no-text", "blank-text", "text-not-string", "array", "number"])
def test_unusable_jsonl_rows_are_failures(tmp_path, row, error):
    [fail] = load_one(write(tmp_path / "f.jsonl", jsonl(row)))
    assert isinstance(fail, LoadFailure) and error in fail.error and fail.article_id.startswith("f#")


@pytest.mark.parametrize("key", ["text", "content", "body", "article"])
def test_jsonl_text_field_names(tmp_path, key):
    [art] = load_one(write(tmp_path / "f.jsonl", jsonl({key: "Pelatihan kewirausahaan pemuda."})))
    assert art.text == "Pelatihan kewirausahaan pemuda."


def test_jsonl_metadata_and_id_forms(tmp_path):
    path = write(tmp_path / "f.jsonl", jsonl(
        {"id": 0, "text": "Satu.", "judul": " Judul Berita ", "link": "https://contoh.id/a", "tanggal": "2024-05-02"},
        {"id": "", "text": "Dua."},
        "",
        {"id": " k-3 ", "text": "Tiga."},
    ))
    a, b, c = load_one(path)
    assert a.id == "f#0"  # an id of 0 is an id, not a missing one
    assert a.meta == {"format": "jsonl", "title": "Judul Berita", "url": "https://contoh.id/a",
                      "published": "2024-05-02"}
    assert b.id == "f#2"  # empty id: line number
    assert c.id == "f#k-3"  # blank lines count in line numbers, padding is dropped


def test_jsonl_line_separator_inside_a_string_does_not_split_the_line(tmp_path):
    text = "Paragraf satu.\u2028Paragraf dua.\u0085Paragraf tiga."
    [art] = load_one(write(tmp_path / "f.jsonl", jsonl({"id": "a", "text": text})))
    assert art.text == text


def test_json_file_with_a_list_and_with_one_object(tmp_path):
    many = write(tmp_path / "kumpulan.json", json.dumps([{"id": "a", "text": "Satu."}, {"text": "Dua."}]))
    assert [a.id for a in load_one(many)] == ["kumpulan#a", "kumpulan#2"]
    one = write(tmp_path / "tunggal.json", json.dumps({"text": "Hanya satu."}))
    [art] = load_one(one)
    assert art.text == "Hanya satu." and art.id.startswith("tunggal")


def test_invalid_json_file_is_one_failure(tmp_path):
    [fail] = load_one(write(tmp_path / "rusak.json", '[{"text": "a"},'))
    assert isinstance(fail, LoadFailure) and fail.article_id == "rusak" and "invalid JSON" in fail.error


# a broken line says where (line and column) and the whole reason, never a message cut at "... at"
@pytest.mark.parametrize("line, bad, reason", [
    ('{"id": "dua", "text": "Pelatihan\tmenjahit untuk warga"}', "\t",
     "invalid control character (a tab) inside a string; write it as \\t"),
    ('{"id": "dua", "text": "Bantuan \x07bibit"}', "\x07",
     "invalid control character (U+0007) inside a string; write it as \\u0007"),
    ('{"id": "dua", "text": "Berkas di C:\\data\\berita"}', "\\d",
     "invalid escape \\d inside a string; write a backslash as \\\\"),
    ('{"id": "dua", "text": "Pelatihan tanpa tanda kutip penutup}', '"Pel',
     "unterminated string: no closing double quote"),
    ('{"id": "dua", "text": "Pelatihan",}', "}", "expecting property name enclosed in double quotes, found '}'"),
    ('{"id": "dua" "text": "Pelatihan"}', '"text', "expecting ',' delimiter, found '\"'"),
    ('{"id": "dua", "text" "Pelatihan"}', '"Pel', "expecting ':' delimiter, found '\"'"),
    ('{"id": "dua", "text": "Pelatihan"} ekor', "ekor", "more text after the end of the JSON value: 'ekor'"),
])
def test_a_broken_jsonl_line_names_its_line_column_and_whole_reason(tmp_path, line, bad, reason):
    path = write(tmp_path / "umpan.jsonl", jsonl({"id": "satu", "text": "Pelatihan menjahit."}, line))
    ok, fail = load_one(path)
    assert isinstance(ok, Article) and isinstance(fail, LoadFailure)
    assert fail.article_id == "umpan#2" and fail.path == str(path)
    column = line.index(bad) + 1
    assert fail.error.startswith(f"line 2: invalid JSON at column {column}: ")
    assert reason in fail.error
    assert not fail.error.rstrip().endswith(" at")


def test_a_broken_json_file_names_its_line_column_and_whole_reason(tmp_path):
    path = write(tmp_path / "kumpulan.json", '[{"text": "Pelatihan menjahit."},\n {"text": "Bantuan\tbibit"}]')
    [fail] = load_one(path)
    assert fail.path == str(path)
    assert fail.error == ("invalid JSON at line 2, column 19: invalid control character (a tab) inside a string; "
                          "write it as \\t")


# -- ids, walking, duplicates ---------------------------------------------------------------------
@pytest.mark.parametrize("rel, expected", [
    ("berita.txt", "berita"),
    ("2024/06/berita.txt", "2024/06/berita"),
    ("kanal/berita.v2.html", "kanal/berita.v2"),
])
def test_article_id_is_the_relative_path_without_extension(tmp_path, rel, expected):
    assert article_id_for(tmp_path / rel, tmp_path) == expected


def test_jsonl_ids_in_subfolders(tmp_path):
    write(tmp_path / "sumber" / "mei" / "umpan.jsonl", jsonl({"id": "x7", "text": "Pelatihan."}, {"text": "Dua."}))
    ids = [a.id for a in iter_articles([tmp_path])]
    assert ids == ["sumber/mei/umpan#x7", "sumber/mei/umpan#2"]


def test_a_file_given_directly_gets_its_name_as_id(tmp_path):
    path = write(tmp_path / "dalam" / "berita.txt", "Pelatihan menjahit.")
    [art] = iter_articles([path])
    assert art.id == "berita"


def test_walk_is_sorted_recursive_and_skips_hidden_and_unknown_files(tmp_path):
    for rel in ["b.txt", "a/c.html", "a/b.jsonl", ".rahasia.txt", ".git/x.txt", "gambar.png", "d.JSON"]:
        write(tmp_path / rel, "x")
    found = [p.relative_to(tmp_path).as_posix() for _, p in iter_input_files([tmp_path])]
    assert found == ["b.txt", "d.JSON", "a/b.jsonl", "a/c.html"]


def test_markdown_files_in_a_folder_are_read_and_other_unknown_files_are_reported_as_skipped(tmp_path):
    for rel in ["a.txt", "b.md", "c.MARKDOWN", "sub/d.md", "foto.png", "sub/surat.docx", "CATATAN", ".tersembunyi.docx",
                ".cache/x.bin"]:
        write(tmp_path / rel, "Pelatihan menjahit.")
    skipped: list = []
    found = [p.relative_to(tmp_path).as_posix() for _, p in iter_input_files([tmp_path], skipped)]
    assert found == ["a.txt", "b.md", "c.MARKDOWN", "sub/d.md"]
    assert [(Path(s.path).relative_to(tmp_path).as_posix(), s.extension) for s in skipped] == [
        ("CATATAN", "(none)"), ("foto.png", ".png"), ("sub/surat.docx", ".docx")]  # hidden ones are not listed
    assert skipped[1].reason.startswith("unsupported extension .png (input types: .txt, .md,")
    assert skipped[0].reason.startswith("no file extension")


def test_a_markdown_article_is_read_as_text_whether_in_a_folder_or_named(tmp_path):
    text = "# Pelatihan Membatik\n\nSebanyak **15 ibu** di Desa Sidoarum mengikuti pelatihan membatik.\n"
    path = write(tmp_path / "kanal" / "batik.md", text)
    [in_folder] = iter_articles([tmp_path])
    [named] = iter_articles([path])
    assert (in_folder.id, named.id) == ("kanal/batik", "batik")
    assert in_folder.text == named.text == text  # offsets stay those of the file


def test_duplicate_article_ids_are_reported_once_each(tmp_path):
    write(tmp_path / "berita.txt", "Pelatihan menjahit untuk warga.")
    write(tmp_path / "berita.html", page())
    write(tmp_path / "umpan.jsonl", jsonl({"id": "a", "text": "Satu."}, {"id": "a", "text": "Dua."}))
    items = list(iter_articles([tmp_path]))
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, LoadFailure)]
    assert sorted(a.id for a in articles) == ["berita", "umpan#a"]
    assert sorted(f.article_id for f in failures) == ["berita", "umpan#a"]
    assert all("duplicate article id (first read from" in f.error for f in failures)
    assert next(a for a in articles if a.id == "umpan#a").text == "Satu."  # the first one wins


def test_a_crashing_parser_is_a_failure_and_the_walk_goes_on(tmp_path, monkeypatch):
    def boom(raw, aid, path):
        raise RecursionError("maximum recursion depth exceeded")
    monkeypatch.setattr(load, "load_html", boom)
    write(tmp_path / "a.html", page())
    write(tmp_path / "b.txt", "Pelatihan menjahit.")
    items = list(iter_articles([tmp_path]))
    assert isinstance(items[0], LoadFailure) and "RecursionError" in items[0].error
    assert isinstance(items[1], Article) and items[1].id == "b"
