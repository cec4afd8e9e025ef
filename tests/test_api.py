"""The notebook API: load once, process texts or files, read an output folder into pandas DataFrames."""
from __future__ import annotations

import json

import pytest

from pipeline.api import Pipeline, read_output
from pipeline.errors import RunError
from pipeline.rules import RuleError

TEXT = """Dinas Koperasi Latih 40 Pelaku UMKM Kemas Produk

SLEMAN - Dinas Koperasi dan UKM Kabupaten Sleman menggelar pelatihan desain kemasan bagi 40 pelaku UMKM
di Kecamatan Pakem, Rabu (5/6/2024). Kepala Dinas Koperasi dan UKM Kabupaten Sleman, Hendra Wibisono,
mengatakan kemasan yang menarik membuat produk lebih mudah dijual.
"""
NEWS = "Harga cabai rawit di pasar tradisional naik tajam pekan ini karena pasokan dari petani berkurang."


@pytest.fixture(scope="module")
def nlp():
    with Pipeline(ner_model="none") as p:
        yield p


def test_process_text_gives_the_records_of_one_article(nlp):
    [rec] = nlp.process_text(TEXT, article_id="sleman")
    assert rec["article_id"] == "sleman"
    assert [p["count"] for p in rec["participants"] if p["total"]] == [40]
    assert "Hendra Wibisono" in [p["name"] for p in rec["people"]]
    assert "Kabupaten Sleman" in [p["name"] for p in rec["places"]]
    assert nlp.process_text(NEWS) == []


def test_process_takes_strings_dicts_and_keeps_order(nlp):
    results = list(nlp.process([TEXT, {"id": "berita", "text": NEWS, "title": "Harga cabai"}]))
    assert [(r.article_id, r.status) for r in results] == [("text-0", "record"), ("berita", "no_programme")]
    with pytest.raises(TypeError, match="article 0"):
        list(nlp.process([42]))


def test_process_files_reads_folders_and_reports_bad_files(nlp, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "kosong.txt").write_text("   ", encoding="utf-8")
    results = {r.article_id: r for r in nlp.process_files([tmp_path])}
    assert results["a"].status == "record" and results["a"].records
    assert results["kosong"].status == "error" and "empty file" in results["kosong"].error["error"]


def test_bad_rules_raise_with_every_problem(tmp_path):
    (tmp_path / "noise.jsonl").write_text('{"id": "x", "pattern": "(iklan", "kind": "footer"}\n', encoding="utf-8")
    with pytest.raises(RuleError) as e:
        Pipeline(extra_rules=[tmp_path], ner_model="none")
    assert any("noise.jsonl:1" in p for p in e.value.problems)


def test_read_output_gives_one_table_per_list(nlp, tmp_path):
    from pipeline.run import RunConfig, run

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "sleman.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "in" / "cabai.txt").write_text(NEWS, encoding="utf-8")
    run(RunConfig(inputs=[tmp_path / "in"], out=tmp_path / "out", ner_model="none", use_cache=False))
    out = read_output(tmp_path / "out")
    assert list(out.records["article_id"]) == ["sleman"]
    assert set(out.people["name"]) >= {"Hendra Wibisono"} and set(out.people["article_id"]) == {"sleman"}
    assert list(out.participants.loc[out.participants["total"], "count"]) == [40]
    assert int(out.records.loc[0, "n_participants"]) == len(out.participants)
    assert {"kind", "source", "start", "end"} <= set(out.mentions.columns) and len(out.entities) > 0
    assert out.errors.empty


def test_read_output_names_a_broken_line(tmp_path):
    (tmp_path / "records.jsonl").write_text(json.dumps({"record_id": "r", "article_id": "a"}) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(RunError, match=r"records.jsonl:2: invalid JSON at column 2"):
        read_output(tmp_path)
    with pytest.raises(FileNotFoundError, match="no records.jsonl"):
        read_output(tmp_path / "nowhere")
