"""Assembling a record: where the publication date came from, and a warning when it is far from the events."""
from __future__ import annotations

import pytest

from pipeline.normalize.records import date_warnings
from pipeline.process import Resources, process_batch
from pipeline.types import Article

STAMPED_OLD_EVENT = """Koperasi Nelayan Terima Bantuan Perahu

Senin, 4 Maret 2024 | 10:15 WIB

CILACAP - Koperasi Nelayan Mina Sejahtera di Kecamatan Kesugihan menerima bantuan lima perahu dari
Dinas Kelautan dan Perikanan Kabupaten Cilacap pada 12 Juli 2018. Sebanyak 40 nelayan anggota koperasi
mengikuti pelatihan perawatan mesin perahu sebelum bantuan diserahkan.
"""

PRESS_RELEASE = """Bank Daerah Latih 50 Pelaku UMKM Batik

Sebanyak 50 pelaku UMKM batik di Kabupaten Pekalongan mengikuti pelatihan pemasaran digital yang digelar
Bank Sejahtera Daerah. "Kami ingin batik Pekalongan dikenal lebih luas," kata Direktur Utama Bank Sejahtera
Daerah, Agus Santoso, dalam keterangan tertulis, Rabu (12/6/2024).
"""


@pytest.fixture(scope="module")
def res():
    r = Resources.load(["rules"], "none", None, use_cache=False)
    yield r
    r.close()


def _record(res, text, meta=None):
    [r] = process_batch([Article("a", "a.txt", text, meta or {})], res)
    assert r.error is None and r.records, r.error
    return r.records[0]


def test_a_stamp_years_after_the_event_is_flagged(res):
    rec = _record(res, STAMPED_OLD_EVENT)
    assert rec["published"] == "2024-03-04" and rec["published_source"] == "stamp"
    [warning] = rec["warnings"]
    assert "5 year(s) after the latest event date 2018-07-12" in warning


def test_each_publication_date_says_where_it_came_from(res):
    rec = _record(res, PRESS_RELEASE)
    assert rec["published"] == "2024-06-12" and rec["published_source"] in ("cue", "learned")
    assert rec["warnings"] == []
    meta = _record(res, PRESS_RELEASE, {"published": "2024-06-13"})
    assert (meta["published"], meta["published_source"]) == ("2024-06-13", "metadata")


@pytest.mark.parametrize("published, dates, n", [
    ("2024-03-04", [{"start": "2023-12-01", "end": None, "kind": "event"}], 0),
    ("2024-03-04", [{"start": "2021-01-01", "end": "2021-01-05", "kind": "event"}], 1),
    ("2019-03-04", [{"start": "2021-01-01", "end": None, "kind": "event"}], 1),
    ("2024-03-04", [{"start": "2024-03-04", "end": None, "kind": "publication"}], 0),
    (None, [{"start": "2010-01-01", "end": None, "kind": "event"}], 0),
])
def test_date_warnings(published, dates, n):
    assert len(date_warnings(published, dates)) == n
