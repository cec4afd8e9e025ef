"""Turn input files into ``Article`` objects, one loader per format.

``iter_articles(inputs)`` walks folders recursively and yields either an
``Article`` or a ``LoadFailure`` (which goes to ``errors.jsonl``): one bad file
never stops the run.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..types import Article
from .decode import DecodeError, decode_bytes
from .html import load_html
from .jsonl import load_json, load_jsonl

SUFFIXES = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".json": "json"}
MAX_BYTES = 20 * 1024 * 1024  # larger files are refused with a reason, never read whole


@dataclass(frozen=True)
class LoadFailure:
    """An input that produced no article: it is reported, and the run goes on."""

    article_id: str
    path: str
    error: str
    stage: str = "load"


def article_id_for(path: Path, base: Path) -> str:
    """The input file's path relative to its input folder, without extension, '/'-separated."""
    try:
        rel = path.relative_to(base)
    except ValueError:
        rel = Path(path.name)
    return rel.with_suffix("").as_posix()


def iter_input_files(inputs: list[Path]) -> Iterator[tuple[Path, Path]]:
    """(base folder, file) for every supported file under ``inputs``, in a stable order.

    Symlinked folders are not followed (no loops); symlinked files are read once.
    """
    for inp in inputs:
        inp = Path(inp)
        if inp.is_file():
            yield inp.parent, inp
            continue
        for root, dirs, files in os.walk(inp, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                p = Path(root) / name
                if not name.startswith(".") and p.suffix.lower() in SUFFIXES:
                    yield inp, p


def load_file(path: Path, base: Path) -> Iterator[Article | LoadFailure]:
    """Every article in one file (several for JSONL), or failures saying why not."""
    aid = article_id_for(path, base)
    kind = SUFFIXES.get(path.suffix.lower(), "txt")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            yield LoadFailure(aid, str(path), f"file is {size / 1e6:.1f} MB, over the {MAX_BYTES // 2**20} MiB limit; split it")
            return
        raw = path.read_bytes()
    except OSError as e:
        yield LoadFailure(aid, str(path), f"cannot read file: {e.strerror or e}")
        return
    if not raw.strip():
        yield LoadFailure(aid, str(path), "empty file")
        return
    try:
        if kind == "txt":
            text, encoding = decode_bytes(raw)
            if not text.strip():
                yield LoadFailure(aid, str(path), "no text after decoding")
                return
            yield Article(aid, str(path), text, {"encoding": encoding, "format": "txt"})
        elif kind == "html":
            yield load_html(raw, aid, str(path))
        elif kind == "jsonl":
            yield from load_jsonl(raw, aid, str(path))
        else:
            yield from load_json(raw, aid, str(path))
    except DecodeError as e:
        yield LoadFailure(aid, str(path), str(e))
    except Exception as e:  # noqa: BLE001 - a parser crash on one file must not stop the run
        yield LoadFailure(aid, str(path), f"cannot parse file: {type(e).__name__}: {e}")


def iter_articles(inputs: list[Path]) -> Iterator[Article | LoadFailure]:
    """Lazily load every article under ``inputs``; duplicate ids get a failure entry."""
    seen: dict[str, str] = {}
    for base, path in iter_input_files(inputs):
        for item in load_file(path, base):
            if isinstance(item, Article):
                if item.id in seen:
                    yield LoadFailure(item.id, item.path, f"duplicate article id (first read from {seen[item.id]})")
                    continue
                seen[item.id] = item.path
            yield item
