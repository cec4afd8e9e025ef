"""Decode bytes of unknown encoding into text, refusing binary data.

UTF-8 (with or without BOM) and UTF-16 with a BOM are taken as they are;
anything else is detected with charset-normalizer, so cp1252/latin-1 files
are decoded rather than rejected.
"""
from __future__ import annotations

import codecs

from charset_normalizer import from_bytes


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can recognise."""


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control > len(sample) * 0.05


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """(text, encoding name). Raises ``DecodeError`` for binary data."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as e:
            raise DecodeError(f"invalid UTF-16: {e}") from None
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _looks_binary(raw):
        raise DecodeError("binary file, not text")
    best = from_bytes(raw).best()
    if best is None or best.encoding is None:
        # Mostly UTF-8 with a few broken bytes: keep the text, mark the damage.
        return raw.decode("utf-8", errors="replace"), "utf-8 (with replacement characters)"
    return str(best), best.encoding
