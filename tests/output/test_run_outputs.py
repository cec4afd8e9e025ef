"""mentions.csv written as results arrive (MentionStream) and the second pass over records only
(Journal.outputs) give the same files as writing everything from whole results at the end."""
from __future__ import annotations

import pickle

import pytest

from pipeline.output.run_outputs import MentionStream, OutputFiles, journal_out_text, prepared_mentions
from pipeline.process import ArticleResult
from pipeline.run import JOURNAL, MENTIONS_PARTIAL, Journal
from pipeline.types import Mention


def _result(i: int) -> ArticleResult:
    text = f"Pelatihan menjahit bagi 2{i} warga Desa Sukamaju, kata Budi Santoso.\n=awal baris"
    mentions = [Mention("count", f"2{i} warga", 24, 32, "regex:count", {"n": 20 + i}),
                Mention("person", "Budi Santoso", 53, 65, "ner", {}, label="PER"),
                Mention("note", "=awal\nbaris", 66, 77, "rule:noise.jsonl:x", {}, excluded=True, note="a\r\nb")]
    records = [{"article_id": f"a{i}", "program": "Pelatihan menjahit", "organizations": [],
                "people": [{"name": "Budi Santoso", "aliases": [], "evidence": [{"text": "Budi Santoso",
                                                                                  "start": 53, "end": 65}]}],
                "places": [], "participants": [{"n": 20 + i, "evidence": [{"start": 24, "end": 32}]}]}]
    assert text  # (the offsets above are what a text like this one would give)
    return ArticleResult(f"a{i}", f"in/a{i}.txt", "record", records, mentions, None, {}, {},
                         {}, [[66, 77, "noise", "rule:noise.jsonl:x"]])


def _write(out, results, streamed: bool):
    out.mkdir()
    stream = MentionStream(out / MENTIONS_PARTIAL) if streamed else None
    journal = Journal(out / JOURNAL, mentions=stream)
    journal.add(results)
    journal.close()
    with OutputFiles(out, mentions=stream) as files:
        for _, r in (journal.outputs() if streamed else journal):
            files.add(r, [f"E{k}" for k in range(1)])
    return files


def test_streamed_mentions_and_records_only_pass_write_the_same_files(tmp_path):
    old = _write(tmp_path / "old", [_result(1), _result(2)], streamed=False)
    new = _write(tmp_path / "new", [_result(1), _result(2)], streamed=True)
    for name in ("mentions.csv", "records.jsonl", "records.csv", "errors.jsonl"):
        assert (tmp_path / "old" / name).read_bytes() == (tmp_path / "new" / name).read_bytes(), name
    assert new.report_mentions == old.report_mentions and new.report_records == old.report_records
    assert not (tmp_path / "new" / MENTIONS_PARTIAL).exists()


def test_what_a_worker_prepares_travels_with_the_result_and_is_not_remade(tmp_path):
    r = _result(3)
    rows, text = prepared_mentions(r)
    line = journal_out_text(r)
    back = pickle.loads(pickle.dumps(r))
    back.mentions = []  # were the parent to make them again, they would come out empty
    assert prepared_mentions(back) == (rows, text) and journal_out_text(back) == line
    assert "=awal" in text and "'=awal baris" in text  # a formula-like cell is made safe, on one line


def test_a_failed_close_leaves_no_mentions_file(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    stream = MentionStream(out / MENTIONS_PARTIAL)
    stream.add(_result(1))
    with pytest.raises(RuntimeError):
        with OutputFiles(out, mentions=stream):
            raise RuntimeError("boom")
    assert not (out / "mentions.csv").exists() and not (out / MENTIONS_PARTIAL).exists()


def test_resume_rewrites_the_side_files_from_the_journal(tmp_path):
    path = tmp_path / JOURNAL
    j = Journal(path, mentions=MentionStream(tmp_path / MENTIONS_PARTIAL))
    j.add([_result(1)])
    j.close()
    j = Journal(path, resume=True, mentions=MentionStream(tmp_path / MENTIONS_PARTIAL))
    j.add([_result(2)])
    j.close()
    assert [r.article_id for _, r in j.outputs()] == ["a1", "a2"]
    assert j.mentions.articles == 2 and len(j.mentions.report_rows) == 6
    j.remove()
    assert not path.exists() and not j.out_path.exists()


def test_a_result_sent_by_a_worker_without_its_mentions_counts_and_writes_the_same(tmp_path):
    from pipeline.parallel import _with_outputs

    full, lean = _result(4), pickle.loads(pickle.dumps(_with_outputs([_result(4)])[0]))
    assert lean.mentions == [] and full.mentions
    journals = []
    for name, r in (("full", full), ("lean", lean)):
        (tmp_path / name).mkdir()
        j = Journal(tmp_path / name / JOURNAL, mentions=MentionStream(tmp_path / name / MENTIONS_PARTIAL))
        j.add([r])
        j.close()
        journals.append(j)
    a, b = journals
    assert (a.tally.n_mentions, a.tally.hits, a.tally.disagreements) == (b.tally.n_mentions, b.tally.hits,
                                                                         b.tally.disagreements)
    assert a.path.read_bytes() == b.path.read_bytes() and a.out_path.read_bytes() == b.out_path.read_bytes()
    assert a.mentions.path.read_bytes() == b.mentions.path.read_bytes()
    assert [x.mentions for _, x in b] == [full.mentions]  # the journal keeps them for --resume
