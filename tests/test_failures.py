"""Nothing lost, nothing crashes: bad input, output folder safety and hostile rules, through the real CLI.

One run (``mixed``) reads a folder mixing good articles, articles without a programme and every kind
of bad input; the tests then read its output folder. Every input article must end in exactly one of:
a record, "no programme", or a line of errors.jsonl, and run.json's counts must add up.
"""
from __future__ import annotations

import codecs
import json
import os
import shutil
from pathlib import Path

import pytest

from pipeline.__main__ import main

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "rules"

pytestmark = pytest.mark.slow  # each CLI run loads the rules and the gazetteer (seconds)

# A programme article and a non-programme one, written for these tests. Straight quotes and only
# letters that latin-1 has, so that one text serves every encoding.
PROGRAMME = ("SLEMAN - Dinas Koperasi dan UKM Kabupaten Sleman menggelar pelatihan pengemasan produk bagi 30 "
             "pelaku UMKM di Balai Desa Sukoharjo, Kecamatan Ngaglik, pada Selasa (14/3/2023).\n\n"
             "\"Kemasan yang menarik membuat produk naik kelas,\" kata Kepala Dinas Koperasi dan UKM Sleman, "
             "André Séptiawan, kepada wartawan.\n")
PERSON = "André Séptiawan"
FOOTBALL = ("Tim tuan rumah menang 2-1 atas tamunya dalam laga lanjutan liga di stadion kota, Minggu malam. "
            "Gol kemenangan dicetak pada menit ke-88 lewat sundulan.\n")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 8
BIG = 20_000_000  # bytes: "a 20 MB file"

# Every input article of the mixed run and where it must end: "record", "no_programme" or "error"
# (with a piece of its errors.jsonl message). Keys are (article id, path relative to the tmp folder).
EXPECTED: dict[tuple[str, str], tuple[str, str]] = {
    ("program", "in1/program.txt"): ("record", ""),
    ("sepakbola", "in1/sepakbola.txt"): ("no_programme", ""),
    ("enc/cp1252", "in1/enc/cp1252.txt"): ("record", ""),
    ("enc/latin1", "in1/enc/latin1.txt"): ("record", ""),
    ("enc/utf16", "in1/enc/utf16.txt"): ("record", ""),
    ("enc/utf16be", "in1/enc/utf16be.txt"): ("record", ""),
    ("enc/utf16le_tanpa_bom", "in1/enc/utf16le_tanpa_bom.txt"): ("record", ""),
    ("enc/utf8_rusak", "in1/enc/utf8_rusak.txt"): ("record", ""),  # broken bytes: decoded, marked U+FFFD
    ("kosong", "in1/kosong.txt"): ("error", "empty file"),
    ("spasi", "in1/spasi.txt"): ("error", "empty file"),
    ("gambar", "in1/gambar.txt"): ("error", "binary file, not text"),
    ("besar", "in1/besar.txt"): ("error", "file is 20.0 MB, over the 10.0 MB limit for a txt file; not read"),
    ("halaman", "in1/halaman.html"): ("error", "HTML page has no extractable article body"),
    ("terkunci", "in1/terkunci.txt"): ("error", "cannot read file: Permission denied"),
    ("umpan#p1", "in1/umpan.jsonl"): ("record", ""),
    ("umpan#2", "in1/umpan.jsonl"): ("error", "line 2: invalid JSON"),
    ("umpan#s1", "in1/umpan.jsonl"): ("no_programme", ""),
    ("umpan#5", "in1/umpan.jsonl"): ("error", "line 5: expected a JSON object, got list"),
    ("umpan#tanpa-isi", "in1/umpan.jsonl"): ("error", "line 6: no text field"),
    ("besar_umpan#1", "in1/besar_umpan.jsonl"): ("error", "line 1: longer than the 10.0 MB limit; not read"),
    ("besar_umpan#2", "in1/besar_umpan.jsonl"): ("no_programme", ""),
    ("sub/dalam", "in1/sub/dalam.txt"): ("no_programme", ""),
    ("dup", "in1/dup.txt"): ("no_programme", ""),
    ("dup", "in2/dup.txt"): ("error", "duplicate article id (first read from"),
    ("hilang", "in1/hilang.txt"): ("error", "file not found (dangling link?)"),
}
if hasattr(os, "mkfifo"):
    EXPECTED[("pipa", "in1/pipa.txt")] = ("error", "not a regular file")


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def jsonl_line(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)


def build_inputs(tmp: Path) -> list[Path]:
    in1, in2 = tmp / "in1", tmp / "in2"
    write(in1 / "program.txt", PROGRAMME)
    write(in1 / "sepakbola.txt", FOOTBALL)
    write(in1 / "enc" / "cp1252.txt", PROGRAMME.replace('"', "\u201c", 1).encode("cp1252"))  # a curly quote too
    write(in1 / "enc" / "latin1.txt", PROGRAMME.encode("latin-1"))
    write(in1 / "enc" / "utf16.txt", PROGRAMME.encode("utf-16"))  # with its BOM
    write(in1 / "enc" / "utf16be.txt", codecs.BOM_UTF16_BE + PROGRAMME.encode("utf-16-be"))
    write(in1 / "enc" / "utf16le_tanpa_bom.txt", PROGRAMME.encode("utf-16-le"))
    write(in1 / "enc" / "utf8_rusak.txt", PROGRAMME.replace("- ", "– ").encode("utf-8").replace(b"30", b"\xff30"))
    write(in1 / "kosong.txt", b"")
    write(in1 / "spasi.txt", b"  \r\n\t\n")
    write(in1 / "gambar.txt", PNG)
    with open(write(in1 / "besar.txt", PROGRAMME), "ab") as f:  # real text, 20 MB of it
        f.write(FOOTBALL.encode() * (BIG // len(FOOTBALL.encode()) + 1))
        f.truncate(BIG)
    write(in1 / "halaman.html", "<html><head><title>Pelatihan UMKM</title></head></html>")
    write(in1 / "terkunci.txt", PROGRAMME)  # made unreadable by the fixture
    write(in1 / "umpan.jsonl", "\n".join([
        jsonl_line({"id": "p1", "text": PROGRAMME}),
        '{"id": "rusak", "text": "baris tanpa penutup"',
        jsonl_line({"id": "s1", "text": FOOTBALL}),
        "",  # a blank line is no article
        '["bukan", "objek"]',
        jsonl_line({"id": "tanpa-isi", "judul": "Hanya judul"}),
    ]) + "\n")
    with open(in1 / "besar_umpan.jsonl", "wb") as f:  # one 20 MB line, then a good one: streamed
        f.write(b'{"id": "1", "text": "' + b"a" * BIG + b'"}\n')
        f.write((jsonl_line({"id": "2", "text": FOOTBALL}) + "\n").encode())
    write(in1 / "sub" / "dalam.txt", FOOTBALL.replace("Minggu", "Sabtu"))
    os.symlink("..", in1 / "sub" / "putaran")  # a loop: sub/putaran -> in1
    os.symlink("../program.txt", in1 / "sub" / "tautan.txt")  # the same file again: read once
    os.symlink("tidak_ada.txt", in1 / "hilang.txt")
    if hasattr(os, "mkfifo"):
        os.mkfifo(in1 / "pipa.txt")  # reading it would block forever
    write(in1 / "dup.txt", FOOTBALL.replace("Minggu", "Jumat"))
    write(in2 / "dup.txt", PROGRAMME)
    return [in1, in2]


def run_cli(inputs: list[Path], out: Path, *extra: str) -> int:
    return main(["run", *map(str, inputs), "--out", str(out), "--rules", str(RULES), "--workers", "1",
                 "--ner-model", "none", "--no-cache", *extra])


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("mixed")
    inputs = build_inputs(tmp)
    real_read_bytes = Path.read_bytes
    read_whole: list[str] = []

    def read_bytes(self: Path) -> bytes:
        read_whole.append(self.name)
        if self.name == "terkunci.txt":  # we run as root: chmod 000 would not stop the read
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Path, "read_bytes", read_bytes)
        rc = run_cli(inputs, tmp / "out")
    out = tmp / "out"
    return {"rc": rc, "tmp": tmp, "out": out, "read_whole": read_whole,
            "run": json.loads((out / "run.json").read_text(encoding="utf-8")),
            "records": read_jsonl(out / "records.jsonl"), "errors": read_jsonl(out / "errors.jsonl")}


def rel(mixed, path: str) -> str:
    return Path(path).relative_to(mixed["tmp"]).as_posix()


# -- bad input: one clear errors.jsonl entry each, and the run goes on ------------------------------------
def test_the_run_finishes_with_exit_status_0(mixed):
    assert mixed["rc"] == 0


@pytest.mark.parametrize("key", [k for k, (outcome, _) in EXPECTED.items() if outcome == "error"],
                         ids=lambda k: f"{k[0]}@{k[1]}")
def test_bad_input_has_one_clear_error_entry(mixed, key):
    aid, path = key
    entries = [e for e in mixed["errors"] if e["article_id"] == aid and rel(mixed, e["path"]) == path]
    assert len(entries) == 1, mixed["errors"]
    [entry] = entries
    assert set(entry) == {"article_id", "path", "stage", "error"}
    assert entry["stage"] == "load"
    assert EXPECTED[key][1] in entry["error"]


@pytest.mark.parametrize("aid", ["enc/cp1252", "enc/latin1", "enc/utf16", "enc/utf16be", "enc/utf16le_tanpa_bom",
                                 "enc/utf8_rusak"])
def test_other_encodings_are_decoded_not_errors(mixed, aid):
    assert aid not in {e["article_id"] for e in mixed["errors"]}
    [rec] = [r for r in mixed["records"] if r["article_id"] == aid]
    assert PERSON in {p["name"] for p in rec["people"]}  # é decoded as é, not mojibake
    assert any(o["name"] == "Dinas Koperasi dan UKM Kabupaten Sleman" for o in rec["organizations"])


def test_20mb_files_are_refused_without_being_read_whole(mixed):
    assert "besar.txt" not in mixed["read_whole"]  # the reason says "not read": the size was checked first
    assert "besar_umpan.jsonl" not in mixed["read_whole"]  # JSON Lines are streamed line by line


def test_malformed_jsonl_lines_leave_the_good_lines_processed(mixed):
    assert "umpan#p1" in {r["article_id"] for r in mixed["records"]}
    assert not {"umpan#p1", "umpan#s1", "besar_umpan#2"} & {e["article_id"] for e in mixed["errors"]}


def test_symlink_loop_terminates_and_no_file_is_read_twice(mixed):
    ids = [r["article_id"] for r in mixed["records"]] + [e["article_id"] for e in mixed["errors"]]
    assert not any("putaran" in i or "tautan" in i for i in ids)
    assert [r["article_id"] for r in mixed["records"]].count("program") == 1


def test_duplicate_id_keeps_the_first_and_reports_the_second(mixed):
    [entry] = [e for e in mixed["errors"] if e["article_id"] == "dup"]
    assert rel(mixed, entry["path"]) == "in2/dup.txt"
    assert str(mixed["tmp"] / "in1" / "dup.txt") in entry["error"]
    assert "dup" not in {r["article_id"] for r in mixed["records"]}  # in1/dup.txt has no programme


# -- accounting -----------------------------------------------------------------------------------------
def test_every_input_article_ends_in_exactly_one_place(mixed):
    counts = mixed["run"]["counts"]
    want = {o: [k for k, (outcome, _) in EXPECTED.items() if outcome == o] for o in ("record", "no_programme", "error")}
    record_ids = [r["article_id"] for r in mixed["records"]]  # one record per programme article here
    error_keys = [(e["article_id"], rel(mixed, e["path"])) for e in mixed["errors"]]
    assert sorted(record_ids) == sorted(aid for aid, _ in want["record"])
    assert sorted(error_keys) == sorted(want["error"])  # each failing article once, no other
    assert counts["inputs"] == len(EXPECTED)
    assert counts["articles_with_record"] == len(want["record"])
    assert counts["articles_no_programme"] == len(want["no_programme"])
    assert counts["articles_failed"] == len(want["error"]) == len(mixed["errors"])
    assert counts["articles_with_record"] + counts["articles_no_programme"] + counts["articles_failed"] \
        == counts["inputs"]


def test_real_unreadable_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("running as root: file permissions do not stop reads (the monkeypatched case covers it)")
    write(tmp_path / "in" / "baik.txt", FOOTBALL)
    locked = write(tmp_path / "in" / "terkunci.txt", PROGRAMME)
    locked.chmod(0)
    try:
        assert run_cli([tmp_path / "in"], tmp_path / "out") == 0
    finally:
        locked.chmod(0o644)
    [entry] = read_jsonl(tmp_path / "out" / "errors.jsonl")
    assert entry["article_id"] == "terkunci" and "Permission denied" in entry["error"]


# -- output folder safety -------------------------------------------------------------------------------
def listing(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("where, reason", [
    ("in", "output folder is inside the input folder"),
    ("in/hasil", "output folder is inside the input folder"),
    ("dokumen", "folder holds files this tool did not write (catatan.docx)"),
    ("berkas.txt", "exists and is not a folder"),
], ids=["input-itself", "inside-input", "foreign-files", "a-file"])
def test_output_folder_is_refused_with_exit_2_and_one_line(tmp_path, capsys, where, reason):
    write(tmp_path / "in" / "berita.txt", PROGRAMME)
    write(tmp_path / "dokumen" / "catatan.docx", b"PK\x03\x04 skripsi saya")
    write(tmp_path / "berkas.txt", "bukan folder")
    before = listing(tmp_path)
    assert run_cli([tmp_path / "in"], tmp_path / where) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert err.startswith(f"error: {(tmp_path / where).resolve()}: ") and reason in err
    assert listing(tmp_path) == before  # nothing written, nothing deleted
    assert not (tmp_path / "in" / "hasil").exists()


def test_rerun_into_a_previous_output_folder_keeps_files_the_tool_did_not_write(mixed, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(mixed["out"], out)
    write(out / ".catatan-saya.txt", "jangan dihapus")  # a hidden file: allowed, and must survive
    write(tmp_path / "in" / "berita.txt", PROGRAMME)
    assert run_cli([tmp_path / "in"], out) == 0
    assert (out / ".catatan-saya.txt").read_text(encoding="utf-8") == "jangan dihapus"
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["counts"]["inputs"] == 1 and run["inputs"] == [str(tmp_path / "in")]
    assert [r["article_id"] for r in read_jsonl(out / "records.jsonl")] == ["berita"]
    assert read_jsonl(out / "errors.jsonl") == []  # the previous run's errors are replaced, not appended
    assert not [p.name for p in out.iterdir() if p.name.endswith((".tmp", ".part"))]


# -- rules are data: nothing in a rule file runs ------------------------------------------------------------
CODE = "__import__('os').system('touch {marker}')"


def hostile_rules(folder: Path, marker: Path, *, bad: bool) -> Path:
    code = CODE.format(marker=marker)
    lines = [jsonl_line({"id": "kode", "pattern": code, "kind": "footer", "scope": "line"})]  # a valid regex
    if bad:
        lines += [code,  # not JSON at all
                  "!!python/object/apply:os.system [\"touch %s\"]" % marker,  # a YAML tag
                  jsonl_line({"id": "kurung", "pattern": "(" + code, "kind": "footer"})]  # unbalanced
    write(folder / "noise.jsonl", "\n".join(lines) + "\n")
    write(folder / "noise.yaml", "- !!python/object/apply:os.system [\"touch %s\"]\n" % marker)  # never read
    return folder


def test_a_rule_file_cannot_run_code_and_bad_lines_are_reported(tmp_path, capsys):
    marker = tmp_path / "DIJALANKAN"
    extra = hostile_rules(tmp_path / "aturan", marker, bad=True)
    write(tmp_path / "in" / "berita.txt", PROGRAMME)
    rc = main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--rules", str(RULES),
               "--extra-rules", str(extra), "--workers", "1", "--ner-model", "none", "--no-cache"])
    assert rc == 2
    err = capsys.readouterr().err
    where = extra / "noise.jsonl"
    assert f"{where}:2: invalid JSON" in err
    assert f"{where}:3: invalid JSON" in err
    assert f"{where}:4: bad regex in 'pattern'" in err
    assert f"{where}:1:" not in err  # code-looking text that is a valid regex is just a pattern
    assert not marker.exists()


def test_code_in_a_valid_rule_is_only_a_pattern(tmp_path, capsys):
    marker = tmp_path / "DIJALANKAN"
    extra = hostile_rules(tmp_path / "aturan", marker, bad=False)
    assert main(["rules", "check", str(RULES), "--extra-rules", str(extra)]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1].startswith("ok:")
    assert not marker.exists()
