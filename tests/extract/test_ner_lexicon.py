"""The lexicon-feature component: the classes it writes, and that a saved model keeps its lists."""
from __future__ import annotations

from pathlib import Path

import spacy

from pipeline import tokenizer
from pipeline.extract.gazetteer import Gazetteer
from pipeline.extract.ner_lexicon import FACTORY, build_lexicon, phrase_key

RULES = Path(__file__).resolve().parents[2] / "rules"


def _nlp(phrases: dict[tuple[str, ...], str]):
    nlp = tokenizer.blank()
    comp = nlp.add_pipe(FACTORY, name="lexicon")
    comp.set_phrases(phrases)
    return nlp


def test_longest_phrase_wins_and_later_words_of_a_region_are_marked():
    nlp = _nlp({("kabupaten",): "REG_HEAD", ("kabupaten", "lombok", "timur"): "REG", ("lombok",): "REG",
                ("bupati",): "TITLE", ("pt",): "ORG_PRE"})
    doc = nlp("Bupati Kabupaten Lombok Timur menyerahkan bantuan dari PT Sinar Tirta ke Lombok.")
    tags = {t.text: t.tag_ for t in doc}
    assert [t.tag_ for t in doc[:4]] == ["TITLE", "REG", "REG_I", "REG_I"]
    assert tags["PT"] == "ORG_PRE" and tags["Sinar"] == "" and tags["menyerahkan"] == ""
    assert doc[-2].tag_ == "REG"  # "Lombok" alone


def test_lists_survive_to_disk_and_back(tmp_path):
    nlp = _nlp({("kecamatan",): "REG_HEAD", ("sokaraja",): "REG"})
    nlp.to_disk(tmp_path / "m")
    loaded = spacy.load(tmp_path / "m")  # the factory is registered by importing the module
    assert [t.tag_ for t in loaded("di Kecamatan Sokaraja")] == ["", "REG_HEAD", "REG"]


def test_built_lexicon_has_every_class_and_leaves_common_words_out():
    lexicon = build_lexicon(RULES, Gazetteer.load(), common_words={"baru", "jaya"})
    classes = set(lexicon.values())
    assert {"REG", "REG_HEAD", "TITLE", "ORG_PRE", "HON"} <= classes
    assert lexicon.get("banyumas") == "REG" and lexicon.get("jawa tengah") == "REG"
    assert lexicon.get("bupati") == "TITLE" and lexicon.get("pt") == "ORG_PRE"
    assert "baru" not in lexicon and "jaya" not in lexicon  # one-word regions that are common words
    assert phrase_key("Kab. Lombok Timur") == ("kab.", "lombok", "timur")


def test_common_words_count_each_sentence_once(tmp_path):
    from spacy.tokens import DocBin

    from training.lexicon import common_words

    nlp = tokenizer.blank()
    docbin = DocBin()
    for text in ["Warga baru menanam padi.", "Warga baru menanam padi.", "Bibit jagung dibagikan ke warga baru."]:
        docbin.add(nlp.make_doc(text))
    docbin.to_disk(tmp_path / "train.spacy")
    # "menanam" stands twice in the file but in one sentence; "baru" is in two sentences
    assert common_words(tmp_path / "train.spacy") == {"baru"}


def test_common_class_marks_common_words_without_overriding_other_classes():
    lexicon = build_lexicon(RULES, Gazetteer.load(), common_words={"silakan", "bupati", "kecamatan"},
                            common_class=True)
    assert lexicon["silakan"] == "COMMON"
    assert lexicon["bupati"] == "TITLE" and lexicon["kecamatan"] == "REG_HEAD"
    assert "silakan" not in build_lexicon(RULES, Gazetteer.load(), common_words={"silakan"})
