"""The JSON Schema of one ``records.jsonl`` object, shipped as package data.

The schema file is the machine-readable form of the record section of
CONTRACT.md, so users can validate our output with any JSON Schema tool and the
tests can check that what we write keeps the promise.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator

SCHEMA_FILE = "record.schema.json"


@lru_cache(maxsize=1)
def _schema_text() -> str:
    return resources.files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


def load_record_schema() -> dict[str, Any]:
    """A fresh copy of the record schema (callers may modify it)."""
    return json.loads(_schema_text())


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    schema = load_record_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def validate_record(rec: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` (the most relevant one) if ``rec`` breaks the contract."""
    _validator().validate(rec)


def record_errors(rec: dict[str, Any]) -> list[str]:
    """Every contract violation in ``rec`` as ``path: message`` lines (empty when valid)."""
    out = []
    for err in sorted(_validator().iter_errors(rec), key=lambda e: list(map(str, e.absolute_path))):
        path = "/".join(str(p) for p in err.absolute_path) or "(record)"
        out.append(f"{path}: {err.message}")
    return out
