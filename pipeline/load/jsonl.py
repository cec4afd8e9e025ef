"""JSON Lines and JSON inputs: objects with at least a text field.

``id``, ``title``, ``url`` and ``published`` are used when present. A
malformed line becomes a failure naming its line, column and the whole reason
(``errors.json_error_reason``); the good lines are still processed. JSON Lines
files are streamed, one line at a time, so that a file of any size is read in
bounded memory; a single line longer than the limit is skipped unread
(reported as a failure), never held whole.
"""
from __future__ import annotations

import codecs
import io
import json
from pathlib import Path
from typing import IO, Any, Iterator

from ..errors import json_error_reason
from ..types import Article
from .decode import DecodeError, _looks_binary, decode_bytes

TEXT_KEYS = ("text", "content", "body", "article")
META_KEYS = {"title": ("title", "judul"), "url": ("url", "link"), "published": ("published", "date", "tanggal")}


def format_size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n:,} bytes"


def _article(obj: Any, file_id: str, where: str, default_id: str, path: str):
    from . import LoadFailure  # local import: avoids a cycle at package import

    if not isinstance(obj, dict):
        return LoadFailure(f"{file_id}#{default_id}", path, f"{where}: expected a JSON object, got {type(obj).__name__}")
    given = obj.get("id")
    line_id = str(given).strip() if given is not None and str(given).strip() else default_id
    aid = f"{file_id}#{line_id}"
    text = next((obj[k] for k in TEXT_KEYS if isinstance(obj.get(k), str)), None)
    if text is None or not text.strip():
        return LoadFailure(aid, path, f"{where}: no text field (one of {', '.join(TEXT_KEYS)}) or it is empty")
    meta: dict[str, Any] = {"format": "jsonl"}
    for key, names in META_KEYS.items():
        for n in names:
            if isinstance(obj.get(n), str) and obj[n].strip():
                meta[key] = obj[n].strip()
                break
    return Article(aid, path, text, meta)


def _lines(f: IO, limit: int) -> Iterator[tuple[int, bytes | str | None]]:
    """(line number, line) for every line of ``f``; None for a line over ``limit``, which is skipped
    in chunks rather than read whole. Lines end at "\\n" only: U+2028 or U+0085 may sit inside a JSON string."""
    n = 0
    while True:
        line = f.readline(limit + 1)
        if not line:
            return
        n += 1
        if len(line) > limit and line[-1:] not in ("\n", b"\n"):
            while line and line[-1:] not in ("\n", b"\n"):
                line = f.readline(1 << 20)
            yield n, None
            continue
        yield n, line


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return decode_bytes(line)[0]  # a cp1252 file, or broken bytes (DecodeError for binary)


def iter_jsonl(f: IO[bytes], file_id: str, path: str, limit: int) -> Iterator:
    """Articles and failures from a binary stream of JSON Lines; one failure for an empty or binary file."""
    from . import LoadFailure

    head = f.read(8192)
    f.seek(0)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # rare: read as text, still line by line
        stream: IO = io.TextIOWrapper(f, encoding="utf-16", newline="\n")
    else:
        if _looks_binary(head):
            raise DecodeError("binary file, not text")
        if head.startswith(codecs.BOM_UTF8):
            f.seek(len(codecs.BOM_UTF8))
        stream = f
    produced = False
    for n, line in _lines(stream, limit):
        if line is None:
            produced = True
            yield LoadFailure(f"{file_id}#{n}", path, f"line {n}: longer than the {format_size(limit)} limit; "
                                                      "not read")
            continue
        try:
            text = line if isinstance(line, str) else _decode_line(line)
        except DecodeError as e:
            produced = True
            yield LoadFailure(f"{file_id}#{n}", path, f"line {n}: {e}")
            continue
        if not text.strip():
            continue
        produced = True
        try:
            obj = json.loads(text.rstrip("\r\n"))  # an unclosed string ends at the line's end, not at a line break
        except json.JSONDecodeError as e:
            yield LoadFailure(f"{file_id}#{n}", path, f"line {n}: invalid JSON at column {e.colno}: "
                                                      f"{json_error_reason(e)}")
            continue
        except RecursionError:  # [[[[...]]]] nested deeper than Python's stack
            yield LoadFailure(f"{file_id}#{n}", path, f"line {n}: invalid JSON: nested too deeply")
            continue
        yield _article(obj, file_id, f"line {n}", str(n), path)
    if not produced:
        yield LoadFailure(file_id, path, "empty file")


def stream_jsonl(path: Path, file_id: str, limit: int) -> Iterator:
    """Every line of the JSON Lines file at ``path``, read as it is consumed (the file stays open meanwhile)."""
    with open(path, "rb") as f:
        yield from iter_jsonl(f, file_id, str(path), limit)


def load_jsonl(raw: bytes, file_id: str, path: str, limit: int | None = None) -> Iterator:
    """The same, from bytes already in memory."""
    yield from iter_jsonl(io.BytesIO(raw), file_id, path, limit or max(len(raw), 1))


def load_json(raw: bytes, file_id: str, path: str) -> Iterator:
    from . import LoadFailure

    text, _ = decode_bytes(raw)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        yield LoadFailure(file_id, path, f"invalid JSON at line {e.lineno}, column {e.colno}: "
                                               f"{json_error_reason(e)}")
        return
    except RecursionError:
        yield LoadFailure(file_id, path, "invalid JSON: nested too deeply")
        return
    items = data if isinstance(data, list) else [data]
    for n, obj in enumerate(items, 1):
        yield _article(obj, file_id, f"item {n}", str(n), path)
