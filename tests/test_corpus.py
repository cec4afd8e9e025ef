"""The corpus helpers: the split is stable, and news gold texts come from the shared news file by id."""
from __future__ import annotations

import gzip
import json

import pytest

from pipeline import corpus


def _news_file(path, rows):
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row) + "\n")
    return path


def test_split_is_a_stable_hash_of_the_id():
    ids = [f"n{i:012x}" for i in range(500)]
    share = sum(corpus.split_of(i) == "test" for i in ids) / len(ids)
    assert 0.14 < share < 0.26
    assert [corpus.split_of(i) for i in ids] == [corpus.split_of(i) for i in ids]


def test_news_texts_are_written_for_gold_ids_only(tmp_path):
    news = _news_file(tmp_path / "news.jsonl.gz", [
        {"id": "aa01", "text": "Dinas Koperasi melatih 40 pelaku UMKM di Desa Sukamaju."},
        {"id": "bb02", "text": "Harga cabai naik di pasar induk."},
    ])
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "naa01.json").write_text(json.dumps({"id": "naa01", "programme": True}), encoding="utf-8")
    out = tmp_path / "texts"
    assert corpus.write_news_texts(out, gold, news) == 1
    assert [p.name for p in out.iterdir()] == ["naa01.txt"]
    assert "40 pelaku UMKM" in (out / "naa01.txt").read_text(encoding="utf-8")


def test_a_gold_id_without_text_is_an_error_naming_it(tmp_path):
    news = _news_file(tmp_path / "news.jsonl.gz", [{"id": "aa01", "text": "Pelatihan menjahit bagi ibu rumah tangga."}])
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "nzz99.json").write_text(json.dumps({"id": "nzz99", "programme": False}), encoding="utf-8")
    with pytest.raises(SystemExit, match="nzz99"):
        corpus.write_news_texts(tmp_path / "texts", gold, news)


def test_cli_refuses_a_missing_news_file(tmp_path, capsys):
    assert corpus.main(["news-texts", str(tmp_path / "out"), "--news", str(tmp_path / "none.jsonl.gz")]) == 1
    assert "none.jsonl.gz" in capsys.readouterr().err


STORY = ("Dinas Koperasi dan UKM Kabupaten Sukamaju menggelar pelatihan pengemasan produk bagi 45 pelaku usaha mikro "
         "di aula kantor kecamatan selama tiga hari. Kepala dinas berharap para peserta mampu memasarkan produk "
         "mereka secara daring dan menembus pasar luar daerah setelah pelatihan ini selesai.")


def test_a_second_scrape_of_a_corpus_story_is_a_copy(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "c0001.txt").write_text("Judul Berita Pelatihan\n\n" + STORY, encoding="utf-8")
    (articles / "c0002.txt").write_text("Harga beras di pasar tradisional naik dua ribu rupiah sepekan terakhir "
                                        "menurut pedagang setempat.", encoding="utf-8")
    found = corpus.corpus_copies({
        "n1": "SUKAMAJU - " + STORY.replace(". ", ".\n\n"),       # same story, other furniture and line breaks
        "n2": "Warga desa bergotong royong membersihkan saluran irigasi menjelang musim tanam padi tahun ini.",
    }, articles)
    assert found == {"n1": "c0001"}
