"""What the article says before any name is read: nothing in an excluded region (a "Baca juga" line) is a
name or defines an acronym.

All sentences are made up for these tests (fictional companies and groups, real region names)."""
from __future__ import annotations

import pytest

from org_helpers import shared_extractor
from pipeline.extract.orgs import OrgExtractor
from pipeline.types import Region


@pytest.fixture(scope="module")
def extractor() -> OrgExtractor:
    return shared_extractor()


def test_mentions_in_excluded_regions_are_skipped(extractor):
    text = "Koperasi Tani Subur membuka gerai.\nBaca juga: PT Sinar Bahari Energi Raih Penghargaan\nSelesai."
    start = text.index("Baca")
    end = text.index("\nSelesai")
    found = extractor.extract(text, [Region(start, end, "baca_juga")])
    assert [m.text for m in found] == ["Koperasi Tani Subur"]


def test_acronym_defined_only_in_an_excluded_region_is_not_used(extractor):
    text = "Baca juga: Koperasi Wanita Melati Sejahtera (KWMS) Juara\nKWMS membuka toko."
    end = text.index("\n")
    found = extractor.extract(text, [Region(0, end, "baca_juga")])
    assert all(not m.text.startswith("Koperasi") for m in found)
