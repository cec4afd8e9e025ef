"""Errors that stop a whole command (as opposed to one article's failure), and JSON syntax errors in words."""
import re


class RunError(Exception):
    """The command cannot proceed (no input, unwritable output, unreadable run folder)."""


_CONTROL_NAMES = {"\t": ("a tab", "\\t"), "\n": ("a line break", "\\n"), "\r": ("a carriage return", "\\r")}


def json_error_reason(e: ValueError) -> str:
    """The whole reason for a ``json.JSONDecodeError``, in words, without its position.

    Its ``msg`` alone is cut where the position used to follow ("Invalid control character at");
    this says what was found there instead, and how to fix the usual cases.
    """
    msg, doc, pos = e.msg, e.doc or "", e.pos  # type: ignore[attr-defined]
    found = doc[pos] if 0 <= pos < len(doc) else ""
    if msg.startswith("Invalid control character"):
        name, escape = _CONTROL_NAMES.get(found) or (f"U+{ord(found or chr(0)):04X}", f"\\u{ord(found or chr(0)):04x}")
        return f"invalid control character ({name}) inside a string; write it as {escape}"
    if msg.startswith("Unterminated string"):
        return "unterminated string: no closing double quote after the one at this position"
    if msg.startswith("Invalid \\"):
        start = doc.rfind("\\", 0, pos + 1)
        bad = re.match(r"\\(u[0-9A-Fa-f]{0,4}|.?)", doc[start:], re.S).group()
        return (f"invalid escape {bad} inside a string; write a backslash as \\\\ "
                "(valid escapes: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")
    if msg == "Extra data":
        return f"more text after the end of the JSON value: {doc[pos:pos + 30].rstrip()!r}"
    reason = msg[:1].lower() + msg[1:]
    if reason.endswith(" at"):  # any other message cut before its position
        reason = reason[:-3]
    what = "the end of the text" if not doc[pos:].strip() else repr(found)
    return f"{reason}, found {what}"
