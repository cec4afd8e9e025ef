"""HTML pages: the article body is extracted with trafilatura.

Offsets of mentions point into the extracted body text (the article's ``text``),
which is what the pipeline treats as the article's original.
"""
from __future__ import annotations

import trafilatura

from ..types import Article
from .decode import DecodeError, decode_bytes


def load_html(raw: bytes, aid: str, path: str) -> Article:
    html, encoding = decode_bytes(raw)
    doc = trafilatura.bare_extraction(html, include_comments=False, include_tables=False,
                                      favor_precision=True, with_metadata=True)
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        raise DecodeError("HTML page has no extractable article body")
    meta = {"format": "html", "encoding": encoding}
    for key in ("title", "url", "date"):
        value = getattr(doc, key, None)
        if value:
            meta["published" if key == "date" else key] = value
    return Article(aid, path, body, meta)
