"""The Stanza NER backend (pipeline/extract/ner_stanza.py): tag decoding, the mapping to character spans,
model folders, the CLI's --ner-backend wiring and the cache keys. All but the last test run without stanza
(a fake tagger stands in for the model); the last trains a tiny Stanza model on invented sentences, or
loads the one named by $IDNEWS_STANZA_MODEL, and is skipped where the stanza extra is not installed."""
from __future__ import annotations

import contextlib
import io
import json
import os
from pathlib import Path

import pytest

from pipeline.__main__ import main
from pipeline.extract import ner as ner_mod
from pipeline.extract import ner_stanza
from pipeline.extract.ner_stanza import (StanzaNer, char_spans, check_model_dir, model_version, sentences_of,
                                         tags_to_spans)

RULES = Path(__file__).resolve().parents[1] / "rules"

# invented sentences (not from any corpus)
TEXT = ("Kepala Dinas Sosial Kota Mataram, Rina Kartikasari, membuka pelatihan menjahit bagi 25 warga.\n\n"
        "Kegiatan di Balai Desa Sukamekar itu didukung Yayasan Tunas Harapan.")
NAMES = {"Rina": "PER", "Kartikasari": "PER", "Mataram": "LOC", "Yayasan": "ORG", "Tunas": "ORG", "Harapan": "ORG"}


class FakeTagger:
    """Stands in for ``StanzaTagger``: BIOES tags from a word list, as the real tagger would return them."""

    def __init__(self, names: dict[str, str] = NAMES):
        self.names = names
        self.calls: list[list[list[str]]] = []

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        self.calls.append(sentences)
        out = []
        for words in sentences:
            labels = [self.names.get(w) for w in words]
            tags = []
            for i, label in enumerate(labels):
                if label is None:
                    tags.append("O")
                    continue
                first = i == 0 or labels[i - 1] != label
                last = i == len(labels) - 1 or labels[i + 1] != label
                tags.append(("S-" if last else "B-") if first else ("E-" if last else "I-"))
                tags[-1] += label
            out.append(tags)
        return out


def model_dir(tmp_path: Path, payload: bytes = b"weights") -> Path:
    folder = tmp_path / "stanza_model"
    folder.mkdir(exist_ok=True)
    (folder / "ner.pt").write_bytes(payload)
    (folder / "pretrain.pt").write_bytes(b"vectors")
    (folder / "meta.json").write_text(json.dumps({"backend": "stanza", "name": "uji"}), encoding="utf-8")
    return folder


# -- tags and spans ------------------------------------------------------------------------------------

@pytest.mark.parametrize("tags, expected", [
    (["B-PER", "E-PER", "O", "S-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),
    (["B-ORG", "I-ORG", "I-ORG", "E-ORG"], [(0, 4, "ORG")]),
    (["B-PER", "I-PER", "O", "B-LOC", "I-LOC"], [(0, 2, "PER"), (3, 5, "LOC")]),  # IOB2
    (["S-PER", "S-PER"], [(0, 1, "PER"), (1, 2, "PER")]),
    (["B-PER", "B-PER", "E-PER"], [(0, 1, "PER"), (1, 3, "PER")]),
    (["I-ORG", "E-ORG", "O"], [(0, 2, "ORG")]),  # no B-: still one entity
    (["E-LOC", "O"], [(0, 1, "LOC")]),
    (["B-PER", "E-ORG"], [(0, 1, "PER"), (1, 2, "ORG")]),  # a label change ends the entity
    (["B-ORG", "I-ORG"], [(0, 2, "ORG")]),  # runs to the end
    (["O", "O"], []),
    ([], []),
])
def test_tags_to_spans(tags, expected):
    assert tags_to_spans(tags) == expected


def test_char_spans_use_the_token_offsets_and_drop_other_labels():
    offsets = [(0, 6), (7, 12), (13, 20), (21, 24)]
    assert char_spans(offsets, ["B-PER", "E-PER", "O", "S-MISC"]) == [(0, 12, "PER")]
    with pytest.raises(ValueError):
        char_spans(offsets, ["O"])


def test_sentences_leave_out_spaces_split_at_line_breaks_and_cut_long_runs(monkeypatch):
    from pipeline import tokenizer

    nlp = tokenizer.blank()
    nlp.add_pipe("sentencizer")
    sents = sentences_of(nlp(TEXT))
    words = [[w for _, _, w in s] for s in sents]
    assert words[0][:3] == ["Kepala", "Dinas", "Sosial"] and words[0][-1] == "."
    assert words[1][0] == "Kegiatan"
    assert all(TEXT[a:b] == w for s in sents for a, b, w in s)
    assert not any(w.isspace() for s in words for w in s)
    monkeypatch.setattr(ner_stanza, "MAX_SENTENCE_TOKENS", 5)
    assert max(len(s) for s in sentences_of(nlp(TEXT))) == 5


def test_backend_maps_tags_to_character_spans_of_the_text(tmp_path):
    tagger = FakeTagger()
    backend = StanzaNer(model_dir(tmp_path), tagger=tagger)
    [found] = list(backend.annotate([TEXT]))
    assert [(TEXT[a:b], label) for a, b, label in found] == [
        ("Mataram", "LOC"), ("Rina Kartikasari", "PER"), ("Yayasan Tunas Harapan", "ORG")]
    assert len(tagger.calls[0]) == 2  # one call per text, its two sentences
    assert backend.annotate_tokens([["Rina", "Kartikasari", "datang"]]) == [[(0, 2, "PER")]]
    assert list(backend.annotate([""])) == [[]]


def test_sentences_of_many_texts_are_tagged_together_and_come_back_to_their_text(tmp_path, monkeypatch):
    monkeypatch.setattr(ner_stanza, "TEXTS_BATCH_SENTENCES", 3)
    tagger = FakeTagger()
    backend = StanzaNer(model_dir(tmp_path), tagger=tagger)
    texts = ["Rina datang.", "", TEXT, "Tidak ada nama di sini.", "Yayasan Tunas Harapan"] * 2
    found = list(backend.annotate(texts))
    assert len(found) == len(texts)
    assert [[t[a:b] for a, b, _ in f] for t, f in zip(texts, found)][:5] == [
        ["Rina"], [], ["Mataram", "Rina Kartikasari", "Yayasan Tunas Harapan"], [], ["Yayasan Tunas Harapan"]]
    assert found[:5] == found[5:]
    assert max(len(c) for c in tagger.calls) > 1 and len(tagger.calls) < len(texts)


# -- model folders and versions -------------------------------------------------------------------------

def test_a_folder_that_is_not_a_stanza_model_is_refused_clearly(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such Stanza model folder"):
        check_model_dir(tmp_path / "missing")
    spacy_like = tmp_path / "spacy_model"
    spacy_like.mkdir()
    (spacy_like / "config.cfg").write_text("[nlp]\n", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="not a Stanza NER model folder.*spaCy model folder"):
        check_model_dir(spacy_like)


def test_the_version_names_the_backend_and_changes_with_the_weights(tmp_path):
    folder = model_dir(tmp_path)
    v1 = model_version(folder)
    assert v1.startswith("stanza-uji-") and model_version(folder) == v1
    (folder / "ner.pt").write_bytes(b"other weights")
    assert model_version(folder) != v1


def test_load_ner_needs_a_model_and_knows_its_backends(tmp_path):
    with pytest.raises(ValueError, match="needs a model folder"):
        ner_mod.load_ner(None, "stanza")
    with pytest.raises(ValueError, match="unknown NER backend"):
        ner_mod.load_ner(tmp_path, "flair")


# -- the command line ---------------------------------------------------------------------------------------

def run_cli(tmp_path: Path, *extra: str, cache: Path | None = None) -> tuple[int, str, Path]:
    inp = tmp_path / "in"
    inp.mkdir(exist_ok=True)
    (inp / "satu.txt").write_text(TEXT + "\n", encoding="utf-8")
    out = tmp_path / f"out{len(list(tmp_path.glob('out*')))}"
    cache_args = ["--cache", str(cache)] if cache else ["--no-cache"]
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        rc = main(["run", str(inp), "--out", str(out), "--rules", str(RULES), "--workers", "1", *cache_args, *extra])
    return rc, err.getvalue(), out


@pytest.fixture
def fake_stanza(monkeypatch):
    """stanza 'installed' and the backend built with the fake tagger."""
    made: list[StanzaNer] = []

    def factory(path):
        made.append(StanzaNer(path, tagger=FakeTagger()))
        return made[-1]

    monkeypatch.setattr(ner_stanza, "require_stanza", lambda: None)
    monkeypatch.setitem(ner_mod.BACKENDS, "stanza", factory)
    return made


def test_cli_runs_the_stanza_backend_and_records_it(tmp_path, fake_stanza):
    folder = model_dir(tmp_path)
    rc, err, out = run_cli(tmp_path, "--ner-backend", "stanza", "--ner-model", str(folder))
    assert rc == 0, err
    info = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert info["versions"]["ner_backend"] == "stanza"
    assert info["versions"]["ner_model"] == model_version(folder)
    assert len(fake_stanza) == 1 and fake_stanza[0].tagger.calls  # the model ran on the article


def test_cli_cache_keys_hold_the_backend_and_the_model_digest(tmp_path, fake_stanza):
    folder = model_dir(tmp_path)
    cache = tmp_path / "cache"
    assert run_cli(tmp_path, "--ner-backend", "stanza", "--ner-model", str(folder), cache=cache)[0] == 0
    assert run_cli(tmp_path, "--ner-backend", "stanza", "--ner-model", str(folder), cache=cache)[0] == 0
    assert len(fake_stanza) == 1  # the second run was all cache hits: the model was never loaded
    (folder / "ner.pt").write_bytes(b"retrained weights")
    assert run_cli(tmp_path, "--ner-backend", "stanza", "--ner-model", str(folder), cache=cache)[0] == 0
    assert len(fake_stanza) == 2  # new weights, new keys: the model ran again


@pytest.mark.parametrize("extra, message", [
    (["--ner-backend", "stanza"], "needs --ner-model PATH"),
    (["--ner-backend", "stanza", "--ner-model", "none"], "needs --ner-model PATH"),
    (["--ner-backend", "stanza", "--ner-model", "{tmp}/nowhere"], "no such Stanza model folder"),
    (["--ner-backend", "stanza", "--ner-model", "{spacy}"], "not a Stanza NER model folder"),
])
def test_cli_refuses_a_missing_or_wrong_model_before_the_run(tmp_path, extra, message):
    spacy_model = Path(ner_mod.DEFAULT_MODEL)
    if "{spacy}" in extra and not spacy_model.is_dir():
        pytest.skip("no shipped spaCy model")
    extra = [e.format(tmp=tmp_path, spacy=spacy_model) for e in extra]
    rc, err, out = run_cli(tmp_path, *extra)
    assert rc == 2 and message in err and not out.exists()


def test_cli_says_how_to_install_stanza_when_it_is_missing(tmp_path, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "stanza" else real(name, *a))
    rc, err, _ = run_cli(tmp_path, "--ner-backend", "stanza", "--ner-model", str(model_dir(tmp_path)))
    assert rc == 2 and "pip install -e '.[stanza]'" in err


def test_eval_takes_the_backend_option_too():
    from pipeline.__main__ import build_parser

    args = build_parser().parse_args(["eval", "--gold", "g", "--ner-backend", "stanza", "--ner-model", "m", "a"])
    assert args.ner_backend == "stanza" and args.ner_model == "m"


# -- a real Stanza model (skipped without the stanza extra) ----------------------------------------------------

TRAIN = [  # invented sentences, BIO tags
    ("Bupati Sleman menemui Andi Saputra di Yogyakarta .", "O B-LOC O B-PER I-PER O B-LOC O"),
    ("Yayasan Cahaya Bangsa melatih warga Bantul .", "B-ORG I-ORG I-ORG O O B-LOC O"),
    ("Siti Rahmawati memimpin Koperasi Maju Bersama di Klaten .", "B-PER I-PER O B-ORG I-ORG I-ORG O B-LOC O"),
    ("Warga Magelang belajar membatik bersama Dewi Lestari .", "O B-LOC O O O B-PER I-PER O"),
]


def tiny_model(folder: Path) -> Path:
    """Train a Stanza NER model for a few steps on the sentences above, with random 8-dim word vectors."""
    import random

    from stanza.models import ner_tagger
    from stanza.models.common.pretrain import Pretrain

    folder.mkdir(parents=True, exist_ok=True)
    data = [[{"text": w, "ner": t} for w, t in zip(s.split(), tags.split())] for s, tags in TRAIN]
    (folder / "train.json").write_text(json.dumps(data), encoding="utf-8")
    rng = random.Random(0)
    words = sorted({w.lower() for s, _ in TRAIN for w in s.split()})
    (folder / "vec.txt").write_text(f"{len(words)} 8\n" + "".join(
        w + " " + " ".join(f"{rng.uniform(-1, 1):.3f}" for _ in range(8)) + "\n" for w in words), encoding="utf-8")
    Pretrain(str(folder / "pretrain.pt"), str(folder / "vec.txt"), -1, save_to_file=True).load()
    ner_tagger.main(["--mode", "train", "--cpu", "--shorthand", "id_test", "--train_file", str(folder / "train.json"),
                     "--eval_file", str(folder / "train.json"), "--wordvec_pretrain_file", str(folder / "pretrain.pt"),
                     "--save_dir", str(folder), "--save_name", "ner.pt", "--max_steps", "6", "--eval_interval", "3",
                     "--batch_size", "2", "--hidden_dim", "16", "--char_hidden_dim", "8", "--char_emb_dim", "8",
                     "--seed", "0"])
    (folder / "meta.json").write_text(json.dumps({"backend": "stanza", "name": "tiny"}), encoding="utf-8")
    return folder


@pytest.mark.slow
def test_a_real_stanza_model_tags_text_end_to_end(tmp_path):
    pytest.importorskip("stanza")
    import torch

    torch.set_num_threads(1)
    given = os.environ.get("IDNEWS_STANZA_MODEL")
    folder = Path(given) if given else tiny_model(tmp_path / "tiny")
    backend = ner_mod.load_ner(folder, "stanza")
    assert backend.name == "stanza" and backend.version == model_version(folder)
    texts = [TEXT, "", "Andi Saputra datang ke Klaten .\nIa bertemu Siti Rahmawati."]
    results = list(backend.annotate(texts))
    assert len(results) == 3 and results[1] == []
    for text, found in zip(texts, results):
        for a, b, label in found:
            assert 0 <= a < b <= len(text) and label in {"PER", "ORG", "LOC"}
            assert text[a:b] == text[a:b].strip()
    by_tokens = backend.annotate_tokens([s.split() for s, _ in TRAIN])
    assert len(by_tokens) == len(TRAIN)
    if given:  # the real model finds the obvious person
        assert any(TEXT[a:b] == "Rina Kartikasari" and label == "PER" for a, b, label in results[0])
