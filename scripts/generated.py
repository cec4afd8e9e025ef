"""Writing a generated rule file, or checking that the committed one is up to date (``--check``)."""
from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(out: Path, content: str, script: str, what: str, check: bool) -> int:
    """Exit status: with ``check``, 1 when ``out`` differs from ``content``; else write it."""
    if check:
        current = out.read_text(encoding="utf-8") if out.exists() else ""
        if current != content:
            print(f"{out} is out of date: run scripts/{script}", file=sys.stderr)
            return 1
        return 0
    out.write_text(content, encoding="utf-8")
    print(f"wrote {out} ({content.count(chr(10)) - 2} {what})")
    return 0
