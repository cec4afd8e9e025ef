"""Rule files: every validation problem is reported, all at once, as ``file:line: message``."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.rules import SCHEMAS, RuleError, RuleSet, load_rules, stem_of


def write_rules(folder: Path, name: str, *lines: str | dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("\n".join(l if isinstance(l, str) else json.dumps(l, ensure_ascii=False) for l in lines) + "\n",
                    encoding="utf-8")
    return path


def problems(folder: Path) -> list[str]:
    with pytest.raises(RuleError) as e:
        load_rules([folder])
    assert str(e.value) == "\n".join(e.value.problems)
    return e.value.problems


def test_shipped_rules_are_valid(rules):
    assert isinstance(rules, RuleSet)
    assert set(rules.by_stem) <= set(SCHEMAS)
    for stem, items in rules.by_stem.items():
        for r in items:
            assert r.stem == stem and r.source == f"rule:{r.file}:{r.id}"


def test_valid_file_with_comments_and_blank_lines(tmp_path):
    write_rules(tmp_path, "months.jsonl",
                "// bulan", "# juga komentar", "",
                {"id": "mei", "text": "Mei", "month": 5},
                "   ",
                {"id": "juni", "text": "Juni", "month": 6, "comment": "boleh"})
    rs = load_rules([tmp_path])
    assert [(r.id, r.line, r["month"]) for r in rs.get("months")] == [("mei", 4, 5), ("juni", 6, 6)]
    assert rs.texts("months") == ["Mei", "Juni"]
    assert rs.get("weekdays") == []


# -- one problem of each kind ----------------------------------------------------------------
@pytest.mark.parametrize("line, message", [
    ('{"id": "mei", "text": "Mei", "month": 5', "invalid JSON"),
    ("{'id': 'mei'}", "invalid JSON"),
    ('["mei", 5]', "a rule must be a JSON object, got list"),
    ({"id": "mei", "text": "Mei", "month": 5, "bulan": 5}, "unknown key 'bulan' (allowed: comment, id, month, text)"),
    ({"id": "mei", "month": 5}, "missing required key 'text'"),
    ({"text": "Mei", "month": 5}, "missing required key 'id'"),
    ({"id": "mei", "text": "Mei", "month": "5"}, "'month' must be int, got str"),
    ({"id": "mei", "text": "Mei", "month": 5.0}, "'month' must be int, got float"),
    ({"id": "mei", "text": "Mei", "month": True}, "'month' must be int, got bool"),
    ({"id": "mei", "text": ["Mei"], "month": 5}, "'text' must be str, got list"),
    ({"id": "  ", "text": "Mei", "month": 5}, "'id' must not be empty"),
    ('{"id": "mei", "text": "Mei", "month": 5, "month": 6}', "key 'month' given twice"),
])
def test_each_problem_names_file_line_and_cause(tmp_path, line, message):
    path = write_rules(tmp_path, "months.jsonl", "// komentar", line)
    [problem] = problems(tmp_path)
    assert problem.startswith(f"{path}:2: ")
    assert message in problem


def test_a_broken_rule_line_names_file_line_column_and_whole_reason(tmp_path):
    line = '   {"id": "mei", "text": "Mei\t", "month": 5}'  # indented, with a raw tab in a string
    path = write_rules(tmp_path, "months.jsonl", "// komentar", line)
    [problem] = problems(tmp_path)
    assert problem == (f"{path}:2: invalid JSON at column {line.index(chr(9)) + 1}: invalid control character "
                       "(a tab) inside a string; write it as \\t")


def test_a_line_separator_inside_a_rule_string_does_not_split_the_line(tmp_path):
    write_rules(tmp_path, "months.jsonl", {"id": "mei", "text": "Mei", "month": 5, "comment": "a\u2028b"},
                {"id": "juni", "text": "Juni", "month": 6})
    assert [(r.id, r.line) for r in load_rules([tmp_path]).get("months")] == [("mei", 1), ("juni", 2)]


@pytest.mark.parametrize("stem, rule, message", [
    ("noise", {"id": "x", "pattern": "(baca juga", "kind": "related"}, "bad regex in 'pattern'"),
    ("noise", {"id": "x", "pattern": 5, "kind": "related"}, "'pattern' must be string, got int"),
    ("programme_cues", {"id": "x", "text": "pelatihan", "weight": "2"}, "'weight' must be int/float, got str"),
    ("programme_cues", {"id": "x", "text": "pelatihan", "weight": False}, "'weight' must be int/float, got bool"),
    ("programme_name_patterns", {"id": "x", "pattern": "program (\\w+)"}, "needs a named group (?P<name>...)"),
    ("org_forms", {"id": "x", "text": "PT", "position": "prefix", "kind": "company", "legal": "ya"},
     "'legal' must be bool, got str"),
])
def test_type_and_regex_problems(tmp_path, stem, rule, message):
    path = write_rules(tmp_path, f"{stem}.jsonl", rule)
    [problem] = problems(tmp_path)
    assert problem.startswith(f"{path}:1: ") and message in problem


def test_numbers_may_be_int_or_float_where_allowed(tmp_path):
    write_rules(tmp_path, "programme_cues.jsonl",
                {"id": "a", "text": "pelatihan", "weight": 2}, {"id": "b", "text": "bimtek", "weight": 1.5})
    assert [r["weight"] for r in load_rules([tmp_path]).get("programme_cues")] == [2, 1.5]


def test_duplicate_id_names_the_first_place(tmp_path):
    path = write_rules(tmp_path, "months.jsonl",
                       {"id": "mei", "text": "Mei", "month": 5}, {"id": "mei", "text": "May", "month": 5})
    [problem] = problems(tmp_path)
    assert problem == f"{path}:2: duplicate id 'mei' (first at {path}:1)"


def test_duplicate_id_across_files_of_one_stem_but_not_across_stems(tmp_path):
    base = write_rules(tmp_path, "months.jsonl", {"id": "mei", "text": "Mei", "month": 5})
    local = write_rules(tmp_path, "months.local.jsonl", {"id": "mei", "text": "Mey", "month": 5})
    write_rules(tmp_path, "weekdays.jsonl", {"id": "mei", "text": "Senin", "weekday": 0})
    [problem] = problems(tmp_path)
    assert problem == f"{local}:1: duplicate id 'mei' (first at {base}:1)"


def test_local_file_adds_to_its_stem(tmp_path):
    write_rules(tmp_path, "months.jsonl", {"id": "mei", "text": "Mei", "month": 5})
    write_rules(tmp_path, "months.local.jsonl", {"id": "mey", "text": "Mey", "month": 5})
    rs = load_rules([tmp_path])
    assert [(r.id, r.file) for r in rs.get("months")] == [("mei", "months.jsonl"), ("mey", "months.local.jsonl")]
    assert stem_of(Path("counted_nouns.local.jsonl")) == "counted_nouns"


def test_unknown_file_stem(tmp_path):
    path = write_rules(tmp_path, "bulan.jsonl", {"id": "mei", "text": "Mei"})
    [problem] = problems(tmp_path)
    assert problem.startswith(f"{path}:1: unknown rule file kind 'bulan' (known: ")
    assert "months" in problem


def test_missing_folder(tmp_path):
    [problem] = problems(tmp_path / "tidak-ada")
    assert problem == f"{tmp_path / 'tidak-ada'}: rules folder does not exist"


def test_undecodable_rule_file(tmp_path):
    path = tmp_path / "months.jsonl"
    path.write_bytes('{"id": "mei", "text": "Méi", "month": 5}\n'.encode("cp1252"))
    [problem] = problems(tmp_path)
    assert problem.startswith(f"{path}:1: cannot read rule file")


def test_utf8_bom_is_accepted(tmp_path):
    (tmp_path / "months.jsonl").write_bytes(b"\xef\xbb\xbf" + b'{"id": "mei", "text": "Mei", "month": 5}\n')
    assert load_rules([tmp_path]).get("months")[0].id == "mei"


def test_all_problems_are_reported_at_once_in_file_order(tmp_path):
    months = write_rules(tmp_path, "months.jsonl",
                         {"id": "mei", "text": "Mei", "month": 5},
                         "{rusak",
                         {"id": "juni", "text": "Juni", "month": 6, "tahun": 2024},
                         {"id": "mei", "text": "May", "month": 5},
                         {"id": "juli", "month": "7"})
    noise = write_rules(tmp_path, "noise.jsonl", {"id": "baca", "pattern": "[baca", "kind": "related"})
    odd = write_rules(tmp_path, "tidak_dikenal.jsonl", {"id": "x"})
    found = problems(tmp_path)
    assert [p.split(": ", 1)[0] for p in found] == [
        f"{months}:2", f"{months}:3", f"{months}:4", f"{months}:5", f"{months}:5", f"{noise}:1", f"{odd}:1"]
    assert "missing required key 'text'" in found[3] and "'month' must be int, got str" in found[4]


def test_several_folders_are_read_in_order_and_checked_together(tmp_path):
    write_rules(tmp_path / "a", "months.jsonl", {"id": "mei", "text": "Mei", "month": 5})
    write_rules(tmp_path / "b", "months.jsonl", {"id": "juni", "text": "Juni", "month": 6})
    rs = load_rules([tmp_path / "a", tmp_path / "b"])
    assert [r.id for r in rs.get("months")] == ["mei", "juni"]
    bad = write_rules(tmp_path / "b", "weekdays.jsonl", {"id": "senin", "text": "Senin"})
    with pytest.raises(RuleError) as e:
        load_rules([tmp_path / "a", tmp_path / "b", tmp_path / "c"])
    assert e.value.problems == [f"{tmp_path / 'c'}: rules folder does not exist",
                                f"{bad}:1: missing required key 'weekday'"]


def test_digest_changes_when_a_rule_changes(tmp_path):
    write_rules(tmp_path, "months.jsonl", {"id": "mei", "text": "Mei", "month": 5})
    before = load_rules([tmp_path]).digest
    assert load_rules([tmp_path]).digest == before
    write_rules(tmp_path, "months.jsonl", {"id": "mei", "text": "Mei.", "month": 5})
    assert load_rules([tmp_path]).digest != before


def test_extra_checks_run_only_on_valid_rules(tmp_path):
    write_rules(tmp_path, "months.jsonl", {"id": "mei", "text": "Mei", "month": 5})
    with pytest.raises(RuleError, match="months.jsonl:1: custom"):
        load_rules([tmp_path], extra_checks=lambda rs: [f"{tmp_path}/months.jsonl:1: custom"])
    write_rules(tmp_path, "months.jsonl", {"id": "mei", "text": "Mei"})
    calls = []
    with pytest.raises(RuleError):
        load_rules([tmp_path], extra_checks=lambda rs: calls.append(rs) or [])
    assert calls == []
