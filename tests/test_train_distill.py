"""Silver NER labels from a vote of models (training/distill.py) and their way into the training set."""
from __future__ import annotations

import json

import pytest
from spacy.tokens import DocBin
from spacy.vocab import Vocab

from pipeline import corpus
from training import distill
from training.prepare import DEV_FILES, TEST_FILES, TRAIN_FILES, Sentence, prepare


def test_a_span_two_models_agree_on_is_an_entity():
    # "Bupati Sleman Kustini Sri Purnomo meninjau Desa Wisata Pentingsari"
    tags = distill.vote_tags(9, [[(1, 2, "LOC"), (2, 5, "PER"), (6, 9, "LOC")],
                                 [(2, 5, "PER"), (6, 9, "LOC")],
                                 [(2, 4, "PER"), (7, 9, "LOC")]])
    assert tags == ["O", "O", "B-PER", "I-PER", "I-PER", "O", "B-LOC", "I-LOC", "I-LOC"]


def test_where_models_see_an_entity_but_disagree_the_tag_is_unknown():
    # two models tag "Kelompok Tani Maju" differently (ORG vs LOC over other edges); the third sees nothing
    tags = distill.vote_tags(5, [[(1, 4, "ORG")], [(2, 4, "LOC")], []])
    assert tags == ["O", "O", "", "", "O"]  # token 1 is inside one model's span only: O by the majority


def test_one_model_alone_is_outvoted():
    assert distill.vote_tags(3, [[(0, 2, "PER")], [], []]) == ["O", "O", "O"]
    assert distill.vote_tags(3, [[(0, 2, "PER")], [], []], min_votes=1) == ["B-PER", "I-PER", "O"]


def test_silver_lines_round_trip_and_bad_lines_name_the_file(tmp_path):
    lines = [Sentence(("Warga", "Desa", "Sukamaju", "dilatih"), ("O", "B-LOC", "I-LOC", "")),
             Sentence(("Pak", "Darto", "hadir"), ("O", "B-PER", "O"))]
    path = tmp_path / "silver.jsonl"
    distill.write(lines, path)
    assert distill.read(path) == lines
    path.write_text(json.dumps({"words": ["a", "b"], "tags": ["O"]}) + "\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="silver.jsonl:1"):
        distill.read(path)


def test_prepare_adds_silver_lines_to_train_only_with_unknown_tags_missing(tmp_path):
    data, out = tmp_path / "ner", tmp_path / "corpus"
    for rel in (*TRAIN_FILES, *DEV_FILES, *TEST_FILES.values()):
        sep = "\t" if "nerui" in rel else " X "
        (data / rel).parent.mkdir(parents=True, exist_ok=True)
        (data / rel).write_text(f"Budi{sep}B-PER\nke{sep}O\nBogor{sep}B-LOC\n", encoding="utf-8")
    silver = tmp_path / "silver.jsonl"
    distill.write([Sentence(("Koperasi", "Maju", "Jaya", "di", "Garut"), ("", "", "", "O", "B-LOC"))], silver)

    stats = prepare(data, out, silver=silver)

    train = list(DocBin().from_disk(out / "train.spacy").get_docs(Vocab()))
    doc = next(d for d in train if d.text.startswith("Koperasi"))
    assert [t.ent_iob_ for t in doc] == ["", "", "", "O", "B"]  # unknown stays unknown, not O
    assert stats["silver"]["sentences"] == 1 and stats["silver"]["entities"]["LOC"] == 1
    dev = list(DocBin().from_disk(out / "dev.spacy").get_docs(Vocab()))
    assert not any(d.text.startswith("Koperasi") for d in dev)


def test_url_key_normalises_scheme_host_prefix_and_amp():
    a = corpus.url_key("https://www.contoh-berita.id/daerah/2024/pelatihan-umkm/amp/")
    assert a == corpus.url_key("http://m.contoh-berita.id/daerah/2024/pelatihan-umkm")
    assert a != corpus.url_key("https://contoh-berita.id/daerah/2024/pelatihan-umkm-lain")


def test_barred_urls_hold_the_reserved_and_the_corpus_own(tmp_path):
    reserved = tmp_path / "reserved.txt"
    reserved.write_text(corpus.url_key("https://contoh.id/a") + "\n", encoding="utf-8")
    index = tmp_path / "index.tsv"
    index.write_text("id\tsource\turl\nc0001\tx\thttps://contoh.id/b\n", encoding="utf-8")
    barred = corpus.barred_urls(reserved, index)
    assert barred == {corpus.url_key("https://contoh.id/a"), corpus.url_key("https://www.contoh.id/b/")}
