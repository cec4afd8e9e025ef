"""HTML pages: the article body is extracted with trafilatura.

Offsets of mentions point into the extracted body text (the article's ``text``),
which is what the pipeline treats as the article's original.
"""
from __future__ import annotations

import trafilatura

from ..types import Article
from .decode import DecodeError, decode_bytes

MIN_BODY_WORDS = 5  # less is page chrome (a lone menu item), not an article


def load_html(raw: bytes, aid: str, path: str) -> Article:
    html, encoding = decode_bytes(raw)
    # extensive_search off: a date is taken from the page's metadata only, never guessed from the body
    # (an event date in the text is not the publication date)
    doc = trafilatura.bare_extraction(html, include_comments=False, include_tables=False,
                                      favor_precision=True, with_metadata=True,
                                      date_extraction_params={"extensive_search": False, "original_date": True})
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or len(body.split()) < MIN_BODY_WORDS:
        raise DecodeError("HTML page has no extractable article body")
    meta = {"format": "html", "encoding": encoding}
    for key in ("title", "url", "date"):
        value = getattr(doc, key, None)
        if value:
            meta["published" if key == "date" else key] = value
    return Article(aid, path, body, meta)
