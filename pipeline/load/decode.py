"""Decode bytes of unknown encoding into text, refusing binary data.

UTF-8 (with or without BOM) and UTF-16 with a BOM are taken as they are (UTF-16
without one is recognised by its NUL bytes, which otherwise mark binary data); a
file that is mostly UTF-8 with a few broken bytes keeps its text, with
replacement characters for the damage. Text that is mostly ASCII (Indonesian
news always is) is read as cp1252 (Windows Western, a superset of latin-1's
letters), which is what such files almost always are: on a few accented
letters charset-normalizer guesses cp1250, mac_roman or even Shift-JIS. Other
bytes are detected with charset-normalizer, and there too a guess of some
single-byte Latin code page gives way to cp1252.
"""
from __future__ import annotations

import codecs

from charset_normalizer import from_bytes


# Above this share of bytes >= 0x80 a text is not mostly ASCII (Cyrillic, Greek, CJK...): ask the detector.
LATIN_MAX_HIGH = 0.3
_ASCII = bytes(range(128))


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can recognise."""


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control > len(sample) * 0.05


def _bomless_utf16(raw: bytes) -> tuple[str, str] | None:
    """UTF-16 written without a BOM: mostly-ASCII text has a NUL in every other byte."""
    sample = raw[:8192]
    if len(sample) < 4 or len(raw) % 2:
        return None
    for encoding, high_bytes in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if high_bytes.count(0) >= 0.9 * len(high_bytes):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                return None
            return (text, encoding) if not _looks_binary(text.encode("utf-8")) else None
    return None


_LATIN = {"latin_1", "iso8859_1", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_9", "iso8859_10", "iso8859_13",
          "iso8859_14", "iso8859_15", "iso8859_16", "cp1250", "cp1252", "cp1254", "cp1257", "cp850", "cp437",
          "mac_roman", "mac_latin2", "mac_iceland", "mac_turkish"}


def _latin_single_byte(encoding: str) -> bool:
    return encoding.lower().replace("-", "_") in _LATIN


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """(text, encoding name). Raises ``DecodeError`` for binary data."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as e:
            raise DecodeError(f"invalid UTF-16: {e}") from None
    # before UTF-8: NUL bytes are valid UTF-8 but never in a text file
    if _looks_binary(raw):
        text = _bomless_utf16(raw)
        if text is None:
            raise DecodeError("binary file, not text")
        return text
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    damaged = raw.decode("utf-8", errors="replace")
    broken = damaged.count("\ufffd")
    if sum(1 for c in damaged if ord(c) > 127) - broken > broken:
        # mostly UTF-8 (more good multi-byte characters than broken bytes): keep it, mark the damage
        return damaged, "utf-8 (with replacement characters)"
    high = len(raw.translate(None, _ASCII))  # bytes >= 0x80
    if high <= len(raw) * LATIN_MAX_HIGH:
        # Latin-script text with a few accented letters or curly quotes: on so few telling bytes the
        # detector's guesses (Shift-JIS for one "À", cp1250 for "é") are noise
        try:
            return raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:  # one of the five bytes cp1252 leaves undefined
            pass
    best = from_bytes(raw).best()
    if best is None or best.encoding is None or _latin_single_byte(best.encoding):
        try:
            return raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:  # one of the five bytes cp1252 leaves undefined
            pass
    if best is None or best.encoding is None:
        return damaged, "utf-8 (with replacement characters)"
    return str(best), best.encoding
