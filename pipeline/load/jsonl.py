"""JSON Lines and JSON inputs: objects with at least a text field.

``id``, ``title``, ``url`` and ``published`` are used when present. A
malformed line becomes a failure naming its line number; the good lines are
still processed.
"""
from __future__ import annotations

import json
from typing import Any, Iterator

from ..types import Article
from .decode import decode_bytes

TEXT_KEYS = ("text", "content", "body", "article")
META_KEYS = {"title": ("title", "judul"), "url": ("url", "link"), "published": ("published", "date", "tanggal")}


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


def load_jsonl(raw: bytes, file_id: str, path: str) -> Iterator:
    from . import LoadFailure

    text, _ = decode_bytes(raw)
    # split on newlines only: str.splitlines() would also cut at U+2028 or U+0085 inside a JSON string
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield LoadFailure(f"{file_id}#{n}", path, f"line {n}: invalid JSON: {e.msg}")
            continue
        yield _article(obj, file_id, f"line {n}", str(n), path)


def load_json(raw: bytes, file_id: str, path: str) -> Iterator:
    from . import LoadFailure

    text, _ = decode_bytes(raw)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        yield LoadFailure(file_id, path, f"invalid JSON at line {e.lineno}: {e.msg}")
        return
    items = data if isinstance(data, list) else [data]
    for n, obj in enumerate(items, 1):
        yield _article(obj, file_id, f"item {n}", str(n), path)
