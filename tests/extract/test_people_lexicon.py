"""People, the rule files the extractor reads (extract/people/lexicon.py).

Every sentence here is made up for the test.
"""
from __future__ import annotations

from pipeline.rules import load_rules

from people_helpers import RULES_DIR


def test_rule_files_validate():
    rs = load_rules([RULES_DIR])
    for stem in ("honorifics", "titles", "speech_verbs", "person_cues", "person_stopwords", "byline_patterns"):
        assert rs.get(stem), stem
