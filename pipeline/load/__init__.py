"""Turn input files into ``Article`` objects, one loader per format.

``iter_articles(inputs)`` walks folders recursively and yields either an
``Article`` or a ``LoadFailure`` (which goes to ``errors.jsonl``): one bad file
never stops the run, and no file is ever read into memory whole when it is
larger than ``MAX_BYTES`` (JSON Lines files are streamed line by line instead).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..types import Article
from .decode import DecodeError, decode_bytes
from .html import load_html
from .jsonl import format_size, load_json, stream_jsonl

SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "txt", ".markdown": "txt", ".html": "html", ".htm": "html",
            ".jsonl": "jsonl", ".json": "json"}
INPUT_TYPES = ".txt, .md, .html/.htm, .jsonl/.json"  # for messages and --help
MAX_BYTES = 10_000_000  # files read whole (txt, html, json) and JSONL lines: larger ones are refused unread
MAX_TEXT_CHARS = 1_000_000  # spaCy's own limit (nlp.max_length): a longer article could never be annotated


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
    if not rel.name:  # the input folder itself (reported when it cannot be listed)
        return path.name or path.as_posix()
    return rel.with_suffix("").as_posix()


@dataclass(frozen=True)
class SkippedInput:
    """A file in an input folder that is not read (its extension is not an input type); reported in run.json."""

    path: str
    reason: str

    @property
    def extension(self) -> str:
        return Path(self.path).suffix.lower() or "(none)"


def iter_input_files(inputs: list[Path], skipped: list[SkippedInput] | None = None) -> Iterator[tuple[Path, Path]]:
    """(base folder, file) for every supported file under ``inputs``, in a stable order.

    A file named in ``inputs`` is always read (as text when its extension is not a known type); in a
    folder, only files with a known extension are, and the others are appended to ``skipped`` (when
    given) so that the run can say so. Hidden files and folders (a name starting with '.') are ignored.
    Symlinked folders are followed, but a folder already walked (a link to a parent: a loop; or
    the same folder given twice) is not walked again, and a file reached under two paths (a link,
    overlapping inputs) is yielded once, under the first path found.
    """
    seen_dirs: set[str] = set()
    seen_files: set[str] = set()

    def first_time(path: Path | str, seen: set[str]) -> bool:
        real = os.path.realpath(path)
        if real in seen:
            return False
        seen.add(real)
        return True

    for inp in inputs:
        inp = Path(inp)
        if inp.is_file():
            if first_time(inp, seen_files):
                yield inp.parent, inp
            continue
        if not first_time(inp, seen_dirs):
            continue
        unreadable: list[OSError] = []
        for root, dirs, files in os.walk(inp, followlinks=True, onerror=unreadable.append):
            dirs[:] = [d for d in sorted(dirs) if not d.startswith(".") and first_time(Path(root) / d, seen_dirs)]
            for name in sorted(files):
                p = Path(root) / name
                if name.startswith("."):
                    continue
                if p.suffix.lower() not in SUFFIXES:
                    if skipped is not None and first_time(p, seen_files):
                        why = f"unsupported extension {p.suffix.lower()}" if p.suffix else "no file extension"
                        skipped.append(SkippedInput(str(p), f"{why} (input types: {INPUT_TYPES})"))
                    continue
                if first_time(p, seen_files):
                    yield inp, p
            yield from ((inp, Path(e.filename)) for e in _drain(unreadable))
        yield from ((inp, Path(e.filename)) for e in _drain(unreadable))


def _drain(items: list) -> Iterator:
    """A folder os.walk could not list: load_file reports it, rather than it being skipped silently."""
    while items:
        yield items.pop(0)


def _too_long(item: Article | LoadFailure) -> Article | LoadFailure:
    if isinstance(item, Article) and len(item.text) > MAX_TEXT_CHARS:
        return LoadFailure(item.id, item.path, f"article text is {len(item.text):,} characters, over the "
                                               f"{MAX_TEXT_CHARS:,} limit; split it into articles")
    return item


def load_file(path: Path, base: Path) -> Iterator[Article | LoadFailure]:
    """Every article in one file (several for JSONL), or failures saying why not."""
    aid = article_id_for(path, base)
    kind = SUFFIXES.get(path.suffix.lower(), "txt")
    try:
        if path.is_dir():  # only a folder the walk could not list comes here
            os.scandir(path).close()  # raises the reason (PermissionError)
            yield LoadFailure(aid, str(path), "cannot read folder")
            return
        if not path.is_file():  # a FIFO or device would block or never end; a dangling link has nothing to read
            why = "not a regular file" if path.exists() else "file not found (dangling link?)"
            yield LoadFailure(aid, str(path), why)
            return
        if kind != "jsonl":  # JSON Lines are streamed instead
            size = path.stat().st_size
            if size > MAX_BYTES:
                hint = " (write large collections as JSON Lines, which are streamed)" if kind == "json" else ""
                yield LoadFailure(aid, str(path), f"file is {format_size(size)}, over the {format_size(MAX_BYTES)} "
                                                  f"limit for a {kind} file; not read{hint}")
                return
            raw = path.read_bytes()
    except OSError as e:
        what = "folder" if path.is_dir() else "file"
        yield LoadFailure(aid, str(path), f"cannot read {what}: {e.strerror or e}")
        return
    if kind == "jsonl":
        yield from _guarded(map(_too_long, stream_jsonl(path, aid, MAX_BYTES)), aid, path)
        return
    if not raw.strip():
        yield LoadFailure(aid, str(path), "empty file")
        return
    yield from _guarded(map(_too_long, _parse_whole(raw, kind, aid, str(path))), aid, path)


def _parse_whole(raw: bytes, kind: str, aid: str, path: str) -> Iterator[Article | LoadFailure]:
    if kind == "txt":
        text, encoding = decode_bytes(raw)
        if not text.strip():
            yield LoadFailure(aid, path, "no text after decoding")
            return
        yield Article(aid, path, text, {"encoding": encoding, "format": "txt"})
    elif kind == "html":
        yield load_html(raw, aid, path)
    else:
        yield from load_json(raw, aid, path)


def _guarded(items: Iterator[Article | LoadFailure], aid: str, path: Path) -> Iterator[Article | LoadFailure]:
    """``items``, with an exception while producing them turned into a failure for the file."""
    try:
        yield from items
    except DecodeError as e:
        yield LoadFailure(aid, str(path), str(e))
    except OSError as e:
        yield LoadFailure(aid, str(path), f"cannot read file: {e.strerror or e}")
    except Exception as e:  # noqa: BLE001 - a parser crash on one file must not stop the run
        yield LoadFailure(aid, str(path), f"cannot parse file: {type(e).__name__}: {e}")


def iter_articles(inputs: list[Path]) -> Iterator[Article | LoadFailure]:
    """Lazily load every article under ``inputs``.

    Ids must be unique: a second article with an id already read (``a.txt`` in two input folders,
    ``a.txt`` and ``a.html``, a repeated JSONL id) becomes a failure naming the first, rather than
    being renamed, so that an article's id stays its path as the contract says.
    """
    seen: dict[str, str] = {}
    for base, path in iter_input_files(inputs):
        for item in load_file(path, base):
            if isinstance(item, Article):
                if item.id in seen:
                    yield LoadFailure(item.id, item.path, f"duplicate article id (first read from {seen[item.id]}); "
                                                          "rename one of the two so that ids are unique")
                    continue
                seen[item.id] = item.path
            yield item
