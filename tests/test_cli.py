"""The command line as a user meets it: what a run reads and skips, how a broken input line is reported,
help texts, default folders and usage errors (issue 19)."""
from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
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


# -- eval's output folder ----------------------------------------------------------------------------
def test_eval_writes_to_data_eval_by_default_and_leaves_data_out_alone(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "artikel" / "satu.txt", PROGRAMME)
    gold = tmp_path / "gold"
    write(gold / "satu.json", json.dumps({"id": "satu", "programme": True, "published": ["2024-03-05"],
                                          "organizations": [{"names": ["Dinas Koperasi dan UKM Kabupaten Sleman"]}]}))
    previous = write(tmp_path / "data" / "out" / "records.jsonl", '{"article_id": "run-sebelumnya"}\n')
    assert main(["eval", "--gold", str(gold), "artikel", "--rules", str(RULES), "--workers", "1",
                 "--ner-model", "none", "--no-cache"]) == 0
    assert "organizations" in capsys.readouterr().out
    assert (tmp_path / "data" / "eval" / "records.jsonl").is_file()
    assert (tmp_path / "data" / "eval" / "eval.json").is_file()
    assert sorted(p.name for p in previous.parent.iterdir()) == ["records.jsonl"]  # the run's output untouched
    assert previous.read_text() == '{"article_id": "run-sebelumnya"}\n'


# -- help and usage ----------------------------------------------------------------------------------
def help_text(*argv: str, capsys) -> str:
    with pytest.raises(SystemExit) as e:
        main([*argv, "--help"])
    assert e.value.code == 0
    return capsys.readouterr().out


def test_top_level_help_says_what_the_tool_does_with_examples_and_no_markup(capsys):
    text = help_text(capsys=capsys)
    assert "``" not in text and "`" not in text
    assert "Indonesian news articles" in text and "programme" in text
    for command in ("run", "eval", "rules", "diff"):
        assert f"\n    {command} " in text
    examples = text[text.index("examples:"):]
    assert "python -m pipeline run ~/berita --out ~/hasil" in examples
    assert "python -m pipeline diff" in examples and "python -m pipeline eval --gold" in examples


def test_run_help_lists_the_input_types_and_the_output_files(capsys):
    text = help_text("run", capsys=capsys)
    for suffix in (".txt", ".md", ".html", ".htm", ".jsonl", ".json"):
        assert suffix in text
    for name in ("records.jsonl", "records.csv", "mentions.csv", "entities.csv", "errors.jsonl", "run.json",
                 "report.html"):
        assert f"\n  {name} " in text


def test_diff_arguments_have_help(capsys):
    text = help_text("diff", capsys=capsys)
    assert "OLD         output folder of the earlier run" in text
    assert "NEW         output folder of the later run" in text
    assert "changes by field" in text or "number of changes by field" in text


def test_eval_help_gives_data_eval_as_the_default_output(capsys):
    text = " ".join(help_text("eval", capsys=capsys).split())
    assert "--out DIR output folder (default data/eval)" in text
    assert "(default data/out)" not in text


@pytest.mark.parametrize("argv, valid", [([], "run, eval, rules, diff"), (["rules"], "check")])
def test_a_missing_command_prints_usage_naming_the_commands_and_exits_2(argv, valid, capsys):
    with pytest.raises(SystemExit) as e:
        main(argv)
    assert e.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("usage: python -m pipeline")
    assert f"error: missing command: choose one of {valid}" in captured.err
    assert "rules_command" not in captured.err and "required: command" not in captured.err


def test_a_missing_command_from_the_shell_exits_2():
    root = Path(__file__).resolve().parents[1]
    for argv in ([], ["rules"]):
        done = subprocess.run([sys.executable, "-m", "pipeline", *argv], cwd=root, capture_output=True, text=True,
                              timeout=60)
        assert done.returncode == 2
        assert "missing command: choose one of" in done.stderr and "rules_command" not in done.stderr


def test_eval_split_scores_one_split_and_prints_the_learned_cv(tmp_path, capsys):
    from pipeline.__main__ import main
    from pipeline.corpus import split_of

    ids = [f"x{i:03d}" for i in range(40)]
    train = [i for i in ids if split_of(i) == "train"][:3]
    test = [i for i in ids if split_of(i) == "test"][:2]
    gold = tmp_path / "gold"
    gold.mkdir()
    for i in train + test:
        (gold / f"{i}.json").write_text(json.dumps({"id": i, "programme": False, "notes": ""}), encoding="utf-8")
    run = tmp_path / "run"
    run.mkdir()
    # a false record for one test article only
    (run / "records.jsonl").write_text(json.dumps({"article_id": test[0], "people": []}) + "\n", encoding="utf-8")
    assert main(["eval", "--gold", str(gold), "--run", str(run), "--split", "train"]) == 0
    out = capsys.readouterr().out
    assert "0/3 negatives flagged" in out and "learned decisions" in out
    assert main(["eval", "--gold", str(gold), "--run", str(run), "--split", "test"]) == 0
    assert "1/2 negatives flagged" in capsys.readouterr().out
