"""The cache and the --resume journal store data, not pickles: what is read back rebuilds the package's
own value types only, so a cache or output folder written by someone else cannot run code."""
from __future__ import annotations

import json
import pickle

import pytest

from pipeline import codec
from pipeline.cache import MISSING, ArticleCache
from pipeline.process import ArticleResult
from pipeline.run import Journal
from pipeline.segment import Segmentation
from pipeline.types import Mention, Region


def _result() -> ArticleResult:
    m = Mention("org", "Koperasi Tani Makmur", 10, 30, "rule:org_forms.jsonl:koperasi",
                {"name": "Koperasi Tani Makmur", "spans": [(10, 18)], "forms": {"koperasi"}}, label="cooperative")
    rec = {"article_id": "a", "program": "pelatihan pupuk organik", "participants": [{"count": 25, "total": True}]}
    return ArticleResult("a", "a.txt", "record", [rec], [m], None, {"orgs": 0.01}, {"result": "miss"},
                         {"rule:noise.jsonl:x": 1}, [[0, 9, "byline", "rule:byline_patterns.jsonl:oleh"]])


def test_values_round_trip_with_their_types():
    r = _result()
    back = codec.loads(codec.dumps(r))
    assert back == r
    assert isinstance(back.mentions[0], Mention) and back.mentions[0].value["spans"] == [(10, 18)]
    assert back.mentions[0].value["forms"] == {"koperasi"}
    seg = Segmentation([Region(0, 5, "title", "x")], title=(0, 5), dateline=None)
    assert codec.loads(codec.dumps(seg)) == seg
    odd = {1: "satu", (2, 3): frozenset({"a"}), "\u0001t": "not a tag"}
    assert codec.loads(codec.dumps(odd)) == odd


def test_unknown_types_are_refused_both_ways():
    class Foreign:
        pass

    with pytest.raises(codec.CodecError):
        codec.dumps(Foreign())
    crafted = json.dumps({"\u0001t": "Popen", "v": {"args": ["touch", "/tmp/pwned"]}}).encode()
    import zlib

    with pytest.raises(codec.CodecError, match="unknown stored type 'Popen'"):
        codec.loads(zlib.compress(crafted))


def test_a_pickle_planted_in_the_cache_is_a_miss_and_never_runs(tmp_path):
    class Boom:
        def __reduce__(self):
            return (exec, ("import pathlib; pathlib.Path(%r).write_text('ran')" % str(tmp_path / "ran"),))

    c = ArticleCache(tmp_path)
    c.put("result", "k", "placeholder")
    c.flush()
    c._db().execute("UPDATE entries SET value = ? WHERE key = ?", (pickle.dumps(Boom()), "k"))
    c._db().commit()
    assert c.get("result", "k") is MISSING
    assert not (tmp_path / "ran").exists()


def test_the_journal_holds_json_and_reads_back_results(tmp_path):
    path = tmp_path / ".journal.partial.jsonl"
    j = Journal(path)
    j.add([_result()])
    j.close()
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert rows[1]["result"]["\u0001t"] == "ArticleResult"  # readable data, no base64 blob
    [(is_load, back)] = list(Journal(path, resume=True))
    assert not is_load and back == _result()
