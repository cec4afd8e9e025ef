"""Data preparation for the NER model: CoNLL dialects, label mapping, overlap refusal."""
from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import DocBin
from spacy.vocab import Vocab

from training.prepare import (
    DEV_FILES,
    TEST_FILES,
    TRAIN_FILES,
    Sentence,
    filter_training,
    map_tag,
    prepare,
    read_conll,
    repair_iob,
    sentence_key,
    to_doc,
)


def write(path: Path, text: str, newline: str = "\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


IDNER_STYLE = """Bupati NOUN O
Sleman PROPN B-LOC
membuka VERB O
pelatihan NOUN O
UMKM PROPN B-ORG
. PUNCT O

Warga NOUN O
Desa PROPN B-LOC
Sukamaju PROPN I-LOC
"""

TSV_STYLE = """Siti\tB-PERSON
Aminah\tI-PERSON
dari\tO
Bank\tB-ORGANIZATION
Rakyat\tI-ORGANIZATION
di\tO
Bandung\tB-LOCATION

Minggu\tB-TIME
lalu\tI-TIME
"""


# --- reading both CoNLL dialects -------------------------------------------

def test_reads_space_separated_crlf_file(tmp_path):
    path = write(tmp_path / "train.txt", IDNER_STYLE, newline="\r\n")
    sentences = read_conll(path)
    assert [s.words for s in sentences] == [
        ("Bupati", "Sleman", "membuka", "pelatihan", "UMKM", "."),
        ("Warga", "Desa", "Sukamaju"),  # last sentence without a trailing blank line
    ]
    assert sentences[0].tags == ("O", "B-LOC", "O", "O", "B-ORG", "O")
    assert not any("\r" in w or "\r" in t for s in sentences for w, t in zip(s.words, s.tags))


def test_reads_tab_separated_file_and_maps_labels(tmp_path):
    sentences = read_conll(write(tmp_path / "x.tsv", TSV_STYLE))
    assert sentences[0].words == ("Siti", "Aminah", "dari", "Bank", "Rakyat", "di", "Bandung")
    assert sentences[0].tags == ("B-PER", "I-PER", "O", "B-ORG", "I-ORG", "O", "B-LOC")
    assert sentences[1].tags == ("O", "O")  # TIME is not one of our labels


def test_tab_file_keeps_a_token_with_an_inner_space(tmp_path):
    sentences = read_conll(write(tmp_path / "x.tsv", "Rp 5\tO\njuta\tO\n"))
    assert sentences[0].words == ("Rp 5", "juta")


def test_line_without_tag_is_an_error(tmp_path):
    with pytest.raises(ValueError):
        read_conll(write(tmp_path / "bad.tsv", "Jakarta\n"))


# --- label mapping -----------------------------------------------------------

@pytest.mark.parametrize("source, expected", [
    ("B-PER", "B-PER"), ("I-PERSON", "I-PER"),
    ("B-ORG", "B-ORG"), ("B-ORGANIZATION", "B-ORG"), ("I-ORGANISATION", "I-ORG"),
    ("B-LOC", "B-LOC"), ("B-LOCATION", "B-LOC"), ("I-PLACE", "I-LOC"),
    ("B-TIME", "O"), ("I-QUANTITY", "O"), ("O", "O"),
])
def test_map_tag(source, expected):
    assert map_tag(source) == expected


@pytest.mark.parametrize("tags, expected", [
    (["O", "I-ORG", "I-ORG"], ["O", "B-ORG", "I-ORG"]),
    (["B-PER", "I-LOC"], ["B-PER", "B-LOC"]),
    (["B-LOC", "I-LOC", "O"], ["B-LOC", "I-LOC", "O"]),
])
def test_repair_iob_starts_orphan_inside_tags(tags, expected):
    assert repair_iob(tags) == expected


# --- overlap with the reported test sets -------------------------------------

@pytest.mark.parametrize("a, b", [
    (["Pemkot", "Surabaya", "menggelar", "pelatihan", "."], ["pemkot", "surabaya", "menggelar", "pelatihan"]),
    (["Dinas", "Koperasi", "(", "Diskop", ")"], ["Dinas", "Koperasi", "Diskop"]),
])
def test_sentence_key_ignores_case_spacing_and_punctuation(a, b):
    assert sentence_key(a) == sentence_key(b)


def test_sentence_key_keeps_digits():
    assert sentence_key(["50", "peserta"]) != sentence_key(["60", "peserta"])


def test_filter_training_refuses_test_sentences_and_repeats():
    in_test = Sentence(("Gubernur", "hadir", "."), ("O", "O", "O"))
    kept_one = Sentence(("Warga", "antusias"), ("O", "O"))
    kept, counts = filter_training([in_test, kept_one, kept_one], {sentence_key(["gubernur", "hadir"])})
    assert kept == [kept_one]
    assert counts == {"in_test": 1, "duplicate": 1}


# --- Docs --------------------------------------------------------------------

def test_to_doc_builds_entities_and_readable_text():
    sentence = Sentence(("Bandung", ",", "(", "ANTARA", ")", "-", "Siti", "Aminah", "hadir", "."),
                        ("B-LOC", "O", "O", "B-ORG", "O", "O", "B-PER", "I-PER", "O", "O"))
    doc = to_doc(Vocab(), sentence)
    assert doc.text == "Bandung, (ANTARA) - Siti Aminah hadir."
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Bandung", "LOC"), ("ANTARA", "ORG"), ("Siti Aminah", "PER")]


def test_to_doc_attaches_quotes():
    doc = to_doc(Vocab(), Sentence(("program", '"', "Kampung", "Tangguh", '"', "."), ("O",) * 6))
    assert doc.text == 'program "Kampung Tangguh".'


# --- end to end on a tiny fake data directory --------------------------------

def conll(rows: list[tuple[str, str]], rel: str) -> str:
    """Rows as the dialect of ``rel`` writes them (idner: space + UPOS column, others: tab)."""
    if rel.startswith("idner"):
        return "".join(f"{word} X {tag}\n" for word, tag in rows)
    return "".join(f"{word}\t{tag}\n" for word, tag in rows)


def test_prepare_refuses_test_sentences_and_writes_docbins(tmp_path):
    data, out = tmp_path / "ner", tmp_path / "corpus"
    reported = [("Kepala", "O"), ("Dinas", "B-ORGANIZATION"), ("UMKM", "I-ORGANIZATION"), ("hadir", "O")]
    leaked = [("kepala", "O"), ("Dinas", "O"), ("UMKM", "O"), ("hadir", "O"), (".", "O")]
    repeated = [("Andi", "B-PERSON"), ("ke", "O"), ("Medan", "B-LOCATION")]
    for rel in TRAIN_FILES:
        if rel.startswith("idner"):
            text = conll([("Budi", "B-PER"), ("ke", "O"), ("Bogor", "B-LOC")], rel)
        else:
            text = conll(repeated, rel) + "\n" + conll(leaked, rel)
        write(data / rel, text, newline="\r\n" if rel.startswith("idner") else "\n")
    for rel in DEV_FILES:
        write(data / rel, conll([("Dewi", "B-PERSON")], rel))
    for rel in TEST_FILES.values():
        write(data / rel, conll(reported, rel))

    stats = prepare(data, out)

    assert stats["refused"]["indolem-nerui/train.01.tsv"]["in_test"] == 1
    assert stats["refused"]["across_files"]["duplicate"] == 2  # "Andi ke Medan" in three files
    train_docs = list(DocBin().from_disk(out / "train.spacy").get_docs(Vocab()))
    assert {doc.text for doc in train_docs} == {"Budi ke Bogor", "Andi ke Medan"}
    assert {e.label_ for doc in train_docs for e in doc.ents} == {"PER", "LOC"}
    test_docs = list(DocBin().from_disk(out / "idner_test.spacy").get_docs(Vocab()))
    assert [(e.text, e.label_) for e in test_docs[0].ents] == [("Dinas UMKM", "ORG")]
    assert (out / "dev.spacy").is_file()


def test_prepare_repeats_only_the_news_corpora(tmp_path):
    data, out = tmp_path / "ner", tmp_path / "corpus"
    for rel in TRAIN_FILES:
        name = rel.split("/")[0]
        words = {"idner-news-2k": [("Budi", "B-PER"), ("ke", "O"), ("Bogor", "B-LOC")],
                 "indolem-nerui": [("Sari", "B-PERSON"), ("di", "O"), ("Medan", "B-LOCATION")]}.get(
                     name, [(rel.split("/")[-1], "O"), ("Candi", "B-PLACE"), ("Prambanan", "I-PLACE")])
        write(data / rel, conll(words, rel), newline="\r\n" if rel.startswith("idner") else "\n")
    for rel in (*DEV_FILES, *TEST_FILES.values()):
        write(data / rel, conll([("Dewi", "B-PERSON")], rel))

    stats = prepare(data, out, news_times=3)

    texts = [doc.text for doc in DocBin().from_disk(out / "train.spacy").get_docs(Vocab())]
    assert texts.count("Budi ke Bogor") == 3 and texts.count("Sari di Medan") == 3
    assert sum("Candi Prambanan" in t for t in texts) == 2  # NERGrit train and valid, once each
    assert stats["splits"]["train"]["sentences"] == 4  # statistics count each sentence once
    assert stats["news_times"] == 3
    with pytest.raises(SystemExit):
        prepare(data, out, news_times=0)


# --- in-domain article lines (training/in_domain.py) ---

def test_article_lines_become_tagged_sentences():
    import spacy

    from training.in_domain import article_sentences

    text = ("Bupati Sleman Kustini membuka pelatihan.\n\n"
            "Dinas Koperasi Kabupaten Sleman mengundang 40 perajin dari Desa Sukamaju.\n")
    spans = []
    for mention, label in (("Sleman", "LOC"), ("Kustini", "PER"),
                           ("Dinas Koperasi Kabupaten Sleman", "ORG"), ("Desa Sukamaju", "LOC")):
        start = text.index(mention, spans[-1][1] if spans else 0)
        spans.append((start, start + len(mention), label))
    sentences, widened = article_sentences(text, spans, spacy.blank("id").tokenizer)
    assert widened == 0
    assert len(sentences) == 2  # one per non-blank line
    tagged = [[(w, t) for w, t in zip(s.words, s.tags) if t != "O"] for s in sentences]
    assert tagged[0] == [("Sleman", "B-LOC"), ("Kustini", "B-PER")]
    assert tagged[1] == [("Dinas", "B-ORG"), ("Koperasi", "I-ORG"), ("Kabupaten", "I-ORG"), ("Sleman", "I-ORG"),
                         ("Desa", "B-LOC"), ("Sukamaju", "I-LOC")]


def test_a_mention_inside_a_glued_token_leaves_its_tag_missing():
    import spacy

    from training.in_domain import article_sentences

    text = "Warga dariJakarta pindah."  # words glued in the source page
    start = text.index("Jakarta")
    sentences, widened = article_sentences(text, [(start, start + 7, "LOC")], spacy.blank("id").tokenizer)
    assert widened == 1
    assert sentences[0].tags == ("O", "", "O", "O")


def test_only_the_train_split_is_read(tmp_path):
    from pipeline import corpus
    from training.in_domain import annotated_ids

    for aid in ("c9001", "c9002", "c9003", "c9004", "c9005", "c9006", "c9007", "c9008"):
        (tmp_path / f"{aid}.json").write_text('{"id": "%s", "entities": []}' % aid, encoding="utf-8")
    train, test = annotated_ids("train", tmp_path), annotated_ids("test", tmp_path)
    assert set(train) | set(test) == {p.stem for p in tmp_path.glob("*.json")}
    assert not set(train) & set(test)
    assert all(corpus.split_of(i) == "train" for i in train)


def test_dev_part_is_a_stable_tenth():
    from training.in_domain import dev_part

    ids = [f"c{n:04d}" for n in range(2000)]
    share = sum(dev_part(i) for i in ids) / len(ids)
    assert 0.07 < share < 0.13


def test_the_checker_warns_of_a_mention_inside_a_longer_word():
    import sys

    sys.path.insert(0, "scripts")
    try:
        from ner_spans import inside_words, spans
    finally:
        sys.path.pop(0)
    text = "Pesawat Airbus A400M dibeli dari Airbus. Warga dariJakarta datang."
    found, problems = spans(text, [{"text": "Airbus", "label": "ORG"}, {"text": "Jakarta", "label": "LOC"}])
    assert problems == []
    assert inside_words(text, found[:1]) == []          # "Airbus" alone is a whole word
    assert len(inside_words(text, found[1:])) == 1      # "Jakarta" inside "dariJakarta"


def test_agreement_of_two_annotations_counts_exact_spans(tmp_path, monkeypatch):
    import json
    import sys

    sys.path.insert(0, "scripts")
    try:
        import ner_spans
    finally:
        sys.path.pop(0)
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "x1.txt").write_text("Bupati Sleman Kustini membuka Koperasi Maju Jaya di Desa Sukamaju.", encoding="utf-8")
    monkeypatch.setattr(ner_spans, "ARTICLES", articles)
    first, second = tmp_path / "a", tmp_path / "b"
    for folder, ents in ((first, [("Sleman", "LOC"), ("Kustini", "PER"), ("Koperasi Maju Jaya", "ORG"),
                                  ("Desa Sukamaju", "LOC")]),
                         (second, [("Sleman", "LOC"), ("Kustini", "PER"), ("Maju Jaya", "ORG"),
                                   ("Sukamaju", "LOC")])):
        folder.mkdir()
        (folder / "x1.json").write_text(json.dumps({"id": "x1", "entities": [{"text": t, "label": lab}
                                                                             for t, lab in ents]}), encoding="utf-8")
    agree = ner_spans.agreement(["x1"], first, second)
    assert agree["PER"][:3] == (1.0, 1.0, 1.0)
    assert agree["ORG"][2] == 0.0          # the boundary differs: no credit
    assert agree["ALL"][:3] == (0.5, 0.5, 0.5)


def test_annotated_news_articles_are_read_from_the_news_file(tmp_path):
    import gzip
    import json

    from training.in_domain import load_news

    news = tmp_path / "news.jsonl.gz"
    with gzip.open(news, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "abc123", "text": "Warga Desa Sukamaju dilatih Dinas Koperasi Sleman."}) + "\n")
        f.write(json.dumps({"id": "zzz999", "text": "Berita lain tanpa anotasi."}) + "\n")
    folder = tmp_path / "ner_news"
    folder.mkdir()
    (folder / "nabc123.json").write_text(json.dumps({"id": "nabc123", "entities": [
        {"text": "Desa Sukamaju", "label": "LOC"}, {"text": "Dinas Koperasi Sleman", "label": "ORG"}]}), encoding="utf-8")
    sentences, stats = load_news(folder, news=news)
    assert stats["articles"] == 1 and stats["missing_text"] == 0
    assert stats["entities"] == {"PER": 0, "ORG": 1, "LOC": 1}
    assert [t for t in sentences[0].tags if t != "O"] == ["B-LOC", "I-LOC", "B-ORG", "I-ORG", "I-ORG"]


def test_model_card_tables_show_the_in_domain_set():
    from pipeline.train import data_table, scores_table

    s = {"p": 80.0, "r": 70.0, "f": 74.7, "gold": 100}
    bench = {"scores": {"idner_test": {"text": {"ALL": s}, "gold_tokens": {"ALL": dict(s, f=75.0)}},
                        "in_domain": {"text": {"ALL": s}}}}
    table = scores_table(bench)
    assert "| idner-news-2k test | **all** | 80.0 | 70.0 | 74.7 | 75.0 | 100 |" in table
    assert "| in-domain (corpus test split, whole pages) | **all** | 80.0 | 70.0 | 74.7 | - | 100 |" in table
    ents = {"PER": 1, "ORG": 2, "LOC": 3}
    stats = {"splits": {"train": {"sentences": 10, "tokens": 100, "entities": ents}}, "refused": {},
             "in_domain_times": 1,
             "in_domain": {"articles": 5, "sentences": 40, "entities": ents}}
    assert "| in-domain train (corpus train split) (x1): 5 articles | 40 lines | - | 1 | 2 | 3 |" in data_table(stats)
