"""Organisation tokens: initials and hyphenated words stay whole, and every mention's offsets point into the
original text.

All sentences are made up for these tests (fictional companies and groups, real region names)."""
from __future__ import annotations

import pytest

from org_helpers import shared_extractor
from pipeline.extract.orgs import OrgExtractor, tokenize


@pytest.fixture(scope="module")
def extractor() -> OrgExtractor:
    return shared_extractor()


def test_tokenize_keeps_initials_and_hyphenated_words():
    assert [t.text for t in tokenize("Poktan P.P. Hidayah dan UPT-PPT")] == ["Poktan", "P.P.", "Hidayah", "dan",
                                                                            "UPT-PPT"]


def test_offsets_point_into_the_original_text(extractor):
    text = "  PT. Sinar Bahari (Persero) Tbk\r\nbekerja sama dengan Koperasi “Tani Subur” dan KSP Maju."
    for m in extractor.extract(text, []):
        assert text[m.start:m.end] == m.text
