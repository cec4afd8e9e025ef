"""The command line as a user meets it: what a run reads and skips, how a broken input line is reported,
help texts, default folders and usage errors (issue 19)."""
from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from pipeline.__main__ import main

RULES = Path(__file__).resolve().parents[1] / "rules"

PROGRAMME = ("SLEMAN - Dinas Koperasi dan UKM Kabupaten Sleman menggelar pelatihan pengemasan produk bagi "
             "30 pelaku UMKM di Kecamatan Depok, Kabupaten Sleman, Daerah Istimewa Yogyakarta, Selasa (5/3/2024).\n")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run_cli(inputs: list[Path], out: Path, *extra: str) -> int:
    return main(["run", *map(str, inputs), "--out", str(out), "--rules", str(RULES), "--workers", "1",
                 "--ner-model", "none", "--no-cache", *extra])


# -- what a run reads, skips and reports -------------------------------------------------------------
BROKEN_LINE = '{"id": "rusak", "text": "Pelatihan\tmembatik bagi warga"}'  # a raw tab inside a string


@pytest.fixture(scope="module")
def folder_run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("folder")
    inp = tmp / "berita"
    write(inp / "satu.txt", PROGRAMME)
    write(inp / "dua.md", "# Pelatihan UMKM\n\n" + PROGRAMME.replace("30", "25"))
    write(inp / "kanal" / "tiga.markdown", PROGRAMME.replace("30", "40"))
    write(inp / "umpan.jsonl", json.dumps({"id": "baik", "text": PROGRAMME}) + "\n" + BROKEN_LINE + "\n")
    write(inp / "foto.jpg", "bukan teks")
    write(inp / "kanal" / "surat.docx", "bukan teks")
    write(inp / "kanal" / "lampiran.docx", "bukan teks")
    write(inp / ".draf.docx", "tersembunyi")
    write(inp / ".git" / "config", "tersembunyi")
    out = tmp / "out"
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        rc = run_cli([inp], out)
    return {"rc": rc, "in": inp, "out": out, "stderr": err.getvalue(),
            "run": json.loads((out / "run.json").read_text(encoding="utf-8")),
            "errors": [json.loads(l) for l in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]}


def test_markdown_files_in_a_folder_are_read_and_counted(folder_run):
    assert folder_run["rc"] == 0
    counts = folder_run["run"]["counts"]
    assert counts["inputs"] == 5  # satu.txt, dua.md, kanal/tiga.markdown and the two lines of umpan.jsonl
    ids = {r["article_id"] for r in map(json.loads, (folder_run["out"] / "records.jsonl").read_text().splitlines())}
    assert {"dua", "kanal/tiga"} <= ids


def test_unknown_files_in_a_folder_are_listed_in_run_json_and_noted_on_stderr(folder_run):
    skipped = folder_run["run"]["skipped_inputs"]
    assert [(Path(s["path"]).relative_to(folder_run["in"]).as_posix(), s["reason"].split(" (")[0]) for s in skipped] \
        == [("foto.jpg", "unsupported extension .jpg"), ("kanal/lampiran.docx", "unsupported extension .docx"),
            ("kanal/surat.docx", "unsupported extension .docx")]  # hidden files and folders are not listed
    assert folder_run["run"]["counts"]["skipped_inputs"] == 3
    notes = [l for l in folder_run["stderr"].splitlines() if "skipped" in l]
    assert notes == ["note: skipped 3 files in the input folders with other extensions (.docx: 2, .jpg: 1); "
                     "listed in run.json under skipped_inputs"]


def test_a_folder_of_only_unknown_files_says_what_was_skipped(tmp_path, capsys):
    write(tmp_path / "in" / "laporan.docx", "bukan teks")
    assert run_cli([tmp_path / "in"], tmp_path / "out") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "no input files (.txt, .md, .html/.htm, .jsonl/.json)" in err and "(.docx: 1)" in err


def test_a_broken_jsonl_line_in_errors_jsonl_names_file_line_column_and_whole_reason(folder_run):
    [err] = [e for e in folder_run["errors"] if e["article_id"] == "umpan#2"]
    assert Path(err["path"]) == folder_run["in"] / "umpan.jsonl"
    column = BROKEN_LINE.index("\t") + 1
    assert err["error"] == (f"line 2: invalid JSON at column {column}: invalid control character (a tab) inside a "
                            "string; write it as \\t")


def test_a_broken_rule_line_is_refused_naming_file_line_column_and_whole_reason(tmp_path, capsys):
    write(tmp_path / "in" / "satu.txt", PROGRAMME)
    extra = tmp_path / "aturan"
    line = '{"id": "kursus", "text": "kursus\tsingkat"}'
    write(extra / "counted_nouns.jsonl", line + "\n")
    assert run_cli([tmp_path / "in"], tmp_path / "out", "--extra-rules", str(extra)) == 2
    err = capsys.readouterr().err
    assert (f"{extra / 'counted_nouns.jsonl'}:1: invalid JSON at column {line.index(chr(9)) + 1}: invalid control "
            "character (a tab) inside a string; write it as \\t") in err.splitlines()
