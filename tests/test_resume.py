"""--resume after a SIGKILL continues from the journal and gives the output of an uninterrupted run."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from bench_pipeline import generate_corpus  # noqa: E402

from pipeline.run import JOURNAL, Journal  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
N = 60


def _cmd(corpus: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--workers", "1",
            "--no-cache", *extra]


def _lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


@pytest.mark.slow
def test_resume_after_sigkill_matches_uninterrupted_run(tmp_path):
    corpus = generate_corpus(N, tmp_path / "corpus", seed=3)
    killed, full = tmp_path / "killed", tmp_path / "full"
    proc = subprocess.Popen(_cmd(corpus, killed), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    journal = killed / JOURNAL
    deadline = time.monotonic() + 120
    while _lines(journal) < 16 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done_at_kill = _lines(journal)
    assert 16 <= done_at_kill < N, f"the run was not stopped mid-way ({done_at_kill} journal lines)"
    assert not (killed / "records.jsonl").exists(), "no output file before the run finished"

    subprocess.run(_cmd(corpus, killed, "--resume"), cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(_cmd(corpus, full), cwd=ROOT, check=True, stdout=subprocess.DEVNULL)

    info = json.loads((killed / "run.json").read_text(encoding="utf-8"))
    assert info["resumed_articles"] >= done_at_kill - 1  # a line cut short by the kill is redone
    assert info["counts"]["inputs"] == N
    for name in ("records.jsonl", "entities.csv", "mentions.csv", "records.csv"):
        assert (killed / name).read_bytes() == (full / name).read_bytes(), name
    assert not journal.exists()


def test_journal_drops_a_line_cut_short_and_keeps_the_rest(tmp_path):
    from pipeline.process import ArticleResult

    path = tmp_path / JOURNAL
    j = Journal(path)
    j.add([ArticleResult("a1", "x/a1.txt", "no_programme"), ArticleResult("a2", "x/a2.txt", "no_programme")])
    j.close()
    with open(path, "a", encoding="utf-8") as f:
        f.write('{"id": "a3", "path": "x/a3.txt", "load": false, "resu')  # killed mid-write
    j = Journal(path, resume=True)
    assert j.done("a1", "x/a1.txt") and j.done("a2", "x/a2.txt") and not j.done("a3", "x/a3.txt")
    j.add([ArticleResult("a3", "x/a3.txt", "record")])
    j.close()
    assert [r.article_id for _, r in j] == ["a1", "a2", "a3"]


def test_without_resume_an_old_journal_is_started_afresh(tmp_path):
    from pipeline.process import ArticleResult

    path = tmp_path / JOURNAL
    j = Journal(path)
    j.add([ArticleResult("a1", "x/a1.txt", "no_programme")])
    j.close()
    j = Journal(path, resume=False)
    j.close()
    assert not j.done("a1", "x/a1.txt") and list(j) == []


def test_resume_refuses_a_journal_from_other_rules(tmp_path):
    from pipeline.errors import RunError
    from pipeline.process import ArticleResult

    path = tmp_path / JOURNAL
    j = Journal(path, signature={"rules": "aaa"})
    j.add([ArticleResult("a1", "x/a1.txt", "no_programme")])
    j.close()
    with pytest.raises(RunError, match="other rules"):
        Journal(path, resume=True, signature={"rules": "bbb"})
    j = Journal(path, resume=True, signature={"rules": "aaa"})
    j.close()
    assert j.done("a1", "x/a1.txt")
