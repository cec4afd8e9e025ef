"""The organisation extractor as a package: the names importers use, and the cache's code digest covering
every module of it (a change to any of them recomputes the cached extraction layers)."""
from __future__ import annotations

import shutil

from pipeline import cache


def test_the_package_keeps_the_names_importers_use():
    from pipeline.extract import orgs

    assert {"OrgExtractor", "KINDS", "GENERATED_ALIASES", "tokenize"} <= set(dir(orgs))
    assert "media" in orgs.KINDS and orgs.GENERATED_ALIASES == "org_aliases.jsonl"


def test_an_edit_to_any_module_of_the_package_changes_the_code_digest(tmp_path, monkeypatch):
    copy = tmp_path / "pipeline"
    shutil.copytree(cache.PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__", "assets"))
    monkeypatch.setattr(cache, "PACKAGE_DIR", copy)
    digest = cache.source_digest.__wrapped__  # not the per-process memo
    before = digest(*cache.CODE_PARTS)
    modules = sorted((copy / "extract" / "orgs").glob("*.py"))
    assert len(modules) > 5
    for f in modules:
        text = f.read_text(encoding="utf-8")
        f.write_text(text + "\n# edited\n", encoding="utf-8")
        assert digest(*cache.CODE_PARTS) != before, f.name
        f.write_text(text, encoding="utf-8")
    assert digest(*cache.CODE_PARTS) == before
