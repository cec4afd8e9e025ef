"""Fixtures shared by the test modules: keep this file small."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.rules import RuleSet, load_rules

REPO = Path(__file__).resolve().parent.parent
RULES_DIR = REPO / "rules"


@pytest.fixture(scope="session")
def rules() -> RuleSet:
    """The shipped rule files, loaded and validated once per test session."""
    return load_rules([RULES_DIR])
