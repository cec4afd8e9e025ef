"""Rules analysts edit: checked all at once (``rules check`` and ``run`` alike), layered with --rules and
--extra-rules, named in the evidence they produce, and unable to hang a run with a slow regex."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.__main__ import _rules_dirs, build_parser, main
from pipeline.process import ArticleResult, Resources, process_batch, rule_coverage
from pipeline.rules import RuleError, load_rules
from pipeline.types import Article, Mention

RULES_DIR = Path(__file__).resolve().parents[1] / "rules"


def write(folder: Path, name: str, *rules: dict | str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rules) + "\n",
                    encoding="utf-8")
    return path


def problems_of(*dirs: Path) -> list[str]:
    with pytest.raises(RuleError) as e:
        load_rules(list(dirs))
    return e.value.problems


def check(capsys, *argv: str) -> tuple[int, list[str]]:
    rc = main(["rules", "check", *argv])
    out = capsys.readouterr().out
    return rc, out.splitlines()


# -- values outside what the extractors understand are errors, not silently ignored -----------------------
@pytest.mark.parametrize("name, rule, message", [
    ("noise.jsonl", {"id": "x", "pattern": "iklan", "kind": "footer", "scope": "paragraf"},
     "unknown scope 'paragraf' (known: line, next_line, block, match, rest, headline)"),
    ("noise.jsonl", {"id": "x", "pattern": "iklan", "kind": "footer", "flags": "ig"},
     "'flags' may only hold the letters 'i'"),
    ("entities.jsonl", {"id": "x", "label": "ORGANISASI", "pattern": "Karang Taruna"}, "unknown label 'ORGANISASI'"),
    ("org_forms.jsonl", {"id": "x", "text": "PT", "position": "depan", "kind": "company"}, "unknown position 'depan'"),
    ("org_aliases.jsonl", {"id": "x", "name": "Bank Rakyat", "kind": "bnak"}, "unknown kind 'bnak'"),
    ("counted_nouns.jsonl", {"id": "x", "text": "petani", "cls": "orang"}, "unknown cls 'orang'"),
    ("months.jsonl", {"id": "x", "text": "Mei", "month": 13}, "'month' must be 1..12, got 13"),
    ("weekdays.jsonl", {"id": "x", "text": "Senin", "weekday": 7}, "'weekday' must be 0..6, got 7"),
    ("programme_name_patterns.jsonl", {"id": "x", "pattern": "program (?P<name>{NAMA})"},
     "unknown placeholder '{NAMA}' in 'pattern' (known: {NAME})"),
    ("relative_dates.jsonl", {"id": "x", "pattern": "{angka} hari lalu", "unit": "day"},
     "unknown placeholder '{angka}'"),
    ("noise.jsonl", {"id": "x", "pattern": "iklan", "kind": "footer", "enabled": "tidak"},
     "'enabled' must be bool, got str"),
])
def test_values_outside_the_vocabulary(tmp_path, name, rule, message):
    path = write(tmp_path, name, rule)
    [problem] = problems_of(tmp_path)
    assert problem.startswith(f"{path}:1: ") and message in problem


def test_quantifier_braces_are_no_placeholders(tmp_path):
    write(tmp_path, "relative_dates.jsonl", {"id": "x", "pattern": r"\d{1,2} hari lalu", "unit": "day", "offset": -1})
    assert load_rules([tmp_path]).get("relative_dates")[0].id == "x"


# -- rules check: every problem of every kind, in one pass, file:line: message -----------------------------
def test_rules_check_reports_every_problem_once_in_file_order(tmp_path, capsys):
    ent = write(tmp_path, "entities.local.jsonl",
                {"id": "ok", "label": "ORG", "pattern": "Kelompok Tani Subur"},
                {"id": "bad-attr", "label": "ORG", "pattern": [{"LOWERR": "koperasi"}]},
                {"id": "bad-op", "label": "PER", "pattern": [{"LOWER": "pak", "OP": "!!"}]},
                {"id": "bad-label", "label": "ORGANISASI", "pattern": "Karang Taruna"},
                {"id": "ok", "label": "ORG", "pattern": "Kelompok Tani Subur Jaya"})
    noise = write(tmp_path, "noise.local.jsonl",
                  {"id": "slow", "pattern": r"(\w+\s?)+$", "kind": "footer", "scope": "rest"},
                  {"id": "bad-regex", "pattern": "(iklan", "kind": "footer"},
                  {"id": "typo", "pattern": "iklan", "kind": "footer", "scop": "line"})
    rc, lines = check(capsys, "--extra-rules", str(tmp_path))
    assert rc == 1
    assert [l.split(": ", 1)[0] for l in lines] == [f"{ent}:2", f"{ent}:3", f"{ent}:4", f"{ent}:5",
                                                     f"{noise}:1", f"{noise}:2", f"{noise}:3"]
    assert "bad pattern for 'bad-attr'" in lines[0] and "LOWERR" in lines[0]
    assert "bad pattern for 'bad-op'" in lines[1]
    assert f"duplicate id 'ok' (first at {ent}:1)" in lines[3]
    assert "backtracks catastrophically" in lines[4]
    assert "bad regex in 'pattern'" in lines[5]
    assert "unknown key 'scop'" in lines[6]


def test_run_refuses_with_the_same_messages(tmp_path, capsys):
    ent = write(tmp_path / "mine", "entities.local.jsonl",
                {"id": "bad-attr", "label": "ORG", "pattern": [{"LOWERR": "koperasi"}]})
    noise = write(tmp_path / "mine", "noise.local.jsonl",
                  {"id": "x", "pattern": "iklan", "kind": "footer", "scope": "paragraf"})
    rc, checked = check(capsys, "--extra-rules", str(tmp_path / "mine"))
    article = write(tmp_path / "in", "a.txt", "Pelatihan menjahit bagi 20 ibu rumah tangga di Desa Sukamaju.")
    rc_run = main(["run", str(article), "--out", str(tmp_path / "out"), "--extra-rules", str(tmp_path / "mine"),
                   "--ner-model", "none", "--workers", "1", "--no-cache"])
    err = capsys.readouterr().err.splitlines()
    assert (rc, rc_run) == (1, 2)
    assert err[:-1] == checked
    assert [l.split(": ", 1)[0] for l in checked] == [f"{ent}:1", f"{noise}:1"]
    assert not (tmp_path / "out" / "records.jsonl").exists()


def test_shipped_rules_pass_the_check(capsys):
    rc, lines = check(capsys, str(RULES_DIR))
    assert rc == 0 and lines[-1].startswith("ok: ")


# -- --rules replaces the defaults, --extra-rules layers on top --------------------------------------------
@pytest.mark.parametrize("argv, dirs", [
    ([], ["rules"]),
    (["--rules", "mine"], ["mine"]),
    (["--rules", "rules", "--rules", "mine"], ["rules", "mine"]),
    (["--extra-rules", "mine"], ["rules", "mine"]),
    (["--rules", "base", "--extra-rules", "a", "--extra-rules", "b"], ["base", "a", "b"]),
])
def test_rules_folders_from_the_command_line(argv, dirs):
    args = build_parser().parse_args(["run", *argv])
    assert [str(d) for d in _rules_dirs(args)] == dirs


def test_rules_alone_means_instead_of_the_defaults(tmp_path, capsys):
    write(tmp_path, "noise.jsonl", {"id": "iklan", "pattern": "iklan", "kind": "footer"})
    rc, lines = check(capsys, str(tmp_path))
    assert rc == 1 and any("no months.jsonl rules" in l for l in lines)


def test_a_later_folder_replaces_or_switches_off_a_rule_by_id(tmp_path):
    base = write(tmp_path / "base", "counted_nouns.jsonl",
                 {"id": "petani", "text": "petani"}, {"id": "nelayan", "text": "nelayan"}, {"id": "warga", "text": "warga"})
    mine = write(tmp_path / "mine", "counted_nouns.jsonl",
                 {"id": "nelayan", "text": "nelayan tangkap"}, {"id": "warga", "enabled": False},
                 {"id": "peternak", "text": "peternak"})
    rs = load_rules([tmp_path / "base", tmp_path / "mine"])
    assert [(r.id, r["text"], r.file) for r in rs.get("counted_nouns")] == [
        ("petani", "petani", "counted_nouns.jsonl"), ("nelayan", "nelayan tangkap", "mine/counted_nouns.jsonl"),
        ("peternak", "peternak", "mine/counted_nouns.jsonl")]
    assert rs.get("counted_nouns")[1].source == "rule:mine/counted_nouns.jsonl:nelayan"
    assert rs.overrides == [f"{mine}:1: replaces {base}:2", f"{mine}:2: switches off {base}:3"]


@pytest.mark.parametrize("lines, message", [
    ([{"id": "ternak", "enabled": False}], "switches off id 'ternak', but no earlier folder has a counted_nouns rule"),
    ([{"id": "a", "text": "peternak"}, {"id": "a", "text": "pekebun"}], "duplicate id 'a'"),
])
def test_layering_mistakes(tmp_path, lines, message):
    write(tmp_path / "base", "counted_nouns.jsonl", {"id": "petani", "text": "petani"})
    path = write(tmp_path / "mine", "counted_nouns.jsonl", *lines)
    [problem] = problems_of(tmp_path / "base", tmp_path / "mine")
    assert problem.startswith(f"{path}:") and message in problem


def test_a_switched_off_rule_in_the_first_folder_is_left_out(tmp_path):
    write(tmp_path, "counted_nouns.jsonl", {"id": "petani", "text": "petani"}, {"id": "warga", "enabled": False})
    assert [r.id for r in load_rules([tmp_path]).get("counted_nouns")] == ["petani"]


# -- the rule is named in the evidence; coverage counts it ----------------------------------------------------
SLOW_RULE = {"id": "foto-lambat", "pattern": r"Foto:\s*(\w+\s*)+\)", "kind": "photo_credit", "scope": "line"}
ARTICLE = """Banyumas - Sebanyak 30 anggota Kelompok Wanita Tani Mawar Merah mengikuti pelatihan pengolahan singkong
di Desa Kemutug Lor, Kecamatan Baturraden, Kabupaten Banyumas, Rabu (6/3/2024).
Jumlah peserta pelatihan mencapai 30. Ketua Kelompok Wanita Tani Mawar Merah, Siti Aminah, berterima kasih.
Pelatihan ini didampingi Sekar Arum Lestari. Menurut Siti, Sekar Arum Lestari sudah lama membina warga.
Baca juga: Harga singkong naik menjelang musim hujan
"""


@pytest.fixture(scope="module")
def res(tmp_path_factory):
    mine = tmp_path_factory.mktemp("mine")
    write(mine, "entities.local.jsonl", {"id": "sekar-arum", "label": "ORG", "pattern": "Sekar Arum Lestari",
                                         "kind": "community"})
    write(mine, "noise.local.jsonl", SLOW_RULE)
    res = Resources.load([RULES_DIR, mine], "none", use_cache=False)
    return res


def test_mentions_name_the_rule_that_made_them(res):
    [r] = process_batch([Article("a", "a.txt", ARTICLE, {})], res)
    assert r.error is None
    by_text = {(m.kind, m.text): m.source for m in r.mentions}
    # the entities rule, and the organisation the extractor took from its span
    assert by_text[("rule", "Sekar Arum Lestari")] == "rule:entities.local.jsonl:sekar-arum"
    assert by_text[("org", "Sekar Arum Lestari")] == "rule:entities.local.jsonl:sekar-arum"
    # a count decided by the counted noun before the number names that noun's rule
    count = next(m for m in r.mentions if m.kind == "count" and m.value.get("pattern") == "noun_before")
    assert count.source == "rule:counted_nouns.jsonl:person_peserta"
    assert by_text[("place", "Desa Kemutug Lor")] == "rule:place_cues.jsonl:desa"
    sources = {m.source for m in r.mentions}
    known = {rule.source for stem in res.rules.by_stem for rule in res.rules.get(stem)}
    assert {s for s in sources if s.startswith("rule:")} <= known
    assert r.rule_hits == {"rule:noise.jsonl:baca-juga": 1}  # a region, not a mention: counted apart
    for rec in r.records:
        for item in rec["organizations"]:
            for ev in item["evidence"]:
                assert ev["source"] != "ner"  # no model here: every organisation came from a rule


def test_rule_coverage_counts_regions_and_finds_disagreements(res):
    [r] = process_batch([Article("a", "a.txt", ARTICLE, {})], res)
    s = ARTICLE.index("Sekar Arum Lestari")
    model_says = Mention("ner", "Sekar Arum Lestari", s, s + 18, "ner", label="LOC")
    r.mentions.append(model_says)
    agreeing = ArticleResult("b", "b.txt", "no_programme", mentions=[
        Mention("rule", "Sekar Arum", 0, 10, "rule:entities.local.jsonl:sekar-arum", label="ORG"),
        Mention("ner", "Sekar Arum", 0, 10, "ner", label="ORG")])
    cov = rule_coverage(res.rules, [r, agreeing])
    assert cov["hits"]["rule:noise.jsonl:baca-juga"] == 1
    assert cov["hits"]["rule:entities.local.jsonl:sekar-arum"] == 5  # 2 spans, 2 org mentions, 1 in b
    assert "rule:noise.jsonl:baca-juga" not in cov["never_fired"]
    assert "rule:noise.local.jsonl:foto-lambat" in cov["never_fired"]
    assert "months" in cov["not_tracked"]
    assert {(d["article_id"], d["text"], d["rule_label"], tuple(d["ner_labels"])) for d in cov["disagreements"]} \
        == {("a", "Sekar Arum Lestari", "ORG", ("LOC",))}


# -- a slow regex fails one article, names its rule, and the run goes on -----------------------------------
def test_slow_user_regex_fails_only_its_article_and_names_the_rule(res):
    res.time_limit = 1.0
    slow_text = "Foto: " + "abcd " * 12 + "!\n" + ARTICLE
    results = process_batch([Article("slow", "slow.txt", slow_text, {}), Article("ok", "ok.txt", ARTICLE, {})], res)
    slow, ok = results
    assert slow.status == "error" and ok.status == "record"
    assert slow.error["stage"] == "segment"
    assert "noise.local.jsonl:1 (id 'foto-lambat'" in slow.error["error"]
    assert slow.error["error"].startswith("RuleTimeout: rule ")


# -- no user regex runs outside the time limit, wherever it runs ------------------------------------------
SNEAKY = {"id": "garis-lambat", "pattern": r"^QZQZ:(=+\s?)+$", "kind": "footer", "scope": "line"}


@pytest.mark.parametrize("pattern", [r"(=+\s?)+$", r"^(?:\*+ ?)+$", r"(~+)+\n"])
def test_probes_cover_runs_of_punctuation(tmp_path, capsys, pattern):
    """A nested repeat over '=' blows up only on a long run of '=': the load-time probes include one."""
    write(tmp_path, "noise.local.jsonl", {"id": "garis", "pattern": pattern, "kind": "footer"})
    rc, [problem] = check(capsys, "--extra-rules", str(tmp_path))
    assert rc == 1 and "'garis'" in problem and "backtracks catastrophically" in problem


@pytest.mark.slow
def test_a_rule_that_passes_every_check_cannot_hang_the_run(tmp_path, capsys):
    """The rule needs 'QZQZ:' right before the run of '=', which no probe text has: it passes every check,
    then backtracks without end on an article with such a separator line. The article fails, names the
    rule, and every output is written (report.html included: it reads the regions the worker found)."""
    import os
    import subprocess
    import sys

    mine = tmp_path / "mine"
    write(mine, "noise.local.jsonl", SNEAKY)
    rc, lines = check(capsys, "--extra-rules", str(mine))
    assert rc == 0, lines
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "pemisah.txt").write_text("Pelatihan menjahit bagi 20 ibu rumah tangga di Desa Sukamaju.\n"
                                     "QZQZ:" + "=" * 48 + "x\nPenutup berita.\n", encoding="utf-8")
    (inp / "biasa.txt").write_text("Koperasi Tani Makmur di Desa Sukamaju menggelar pelatihan pupuk organik "
                                   "yang diikuti 25 petani.\n", encoding="utf-8")
    out = tmp_path / "out"
    env = {**os.environ, "IDNEWS_RULE_TIMEOUT": "4"}  # generous for the clean article on a busy machine
    done = subprocess.run([sys.executable, "-m", "pipeline", "run", str(inp), "--out", str(out), "--workers", "1",
                           "--extra-rules", str(mine), "--no-cache", "--ner-model", "none"],
                          cwd=RULES_DIR.parent, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    [error] = [json.loads(l) for l in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert error["article_id"] == "pemisah" and "garis-lambat" in error["error"]
    assert (out / "report.html").exists() and (out / "records.jsonl").exists()


def test_the_load_time_probe_limit_counts_cpu_time_not_a_busy_machines_wall_clock():
    import time

    from pipeline.safe_regex import Timeout, can_interrupt, time_limit

    if not can_interrupt():
        pytest.skip("no interval timers here")
    with time_limit(0.2, cpu=True):
        time.sleep(0.4)  # waiting (as when other processes hold the cores) uses no CPU: no timeout
    with pytest.raises(Timeout):
        with time_limit(0.2, cpu=True):
            while True:  # work does
                pass
    with pytest.raises(Timeout):
        with time_limit(0.2):
            time.sleep(0.4)  # the run-time limit is the wall clock: a hang is a hang
