"""What the run reads back from disk, stored as data: JSON with a closed set of tagged types.

The article cache and the ``--resume`` journal used to hold pickles, and unpickling a file someone
else wrote can run any code. Here a value is written as JSON; tuples, sets, dicts with non-string
keys and the package's own value types (``Mention``, ``Region``, ``Segmentation``...) are tagged,
and reading rebuilds only the types named in ``_TYPES``: an unknown tag is an error, never an import.
"""
from __future__ import annotations

import dataclasses
import json
import zlib
from typing import Any

_TAG = "\u0001t"  # a key no JSON written by the pipeline otherwise uses
_TYPES: dict[str, type] = {}


class CodecError(ValueError):
    """A value that cannot be written, or stored data that is not what this module writes."""


def register(*classes: type) -> None:
    """Allow these dataclasses to be stored (and rebuilt) by name."""
    for cls in classes:
        if not dataclasses.is_dataclass(cls):
            raise TypeError(f"{cls.__name__} is not a dataclass")
        _TYPES[cls.__name__] = cls


def _registered() -> dict[str, type]:
    if not _TYPES:  # the package's own value types, imported late (they import this package's modules)
        from .extract.dates import DateResult
        from .extract.programme import ProgrammeFacts
        from .process import Annotation, ArticleResult
        from .segment import Segmentation
        from .types import Article, Mention, Region

        register(Article, Region, Mention, Segmentation, DateResult, ProgrammeFacts, ArticleResult, Annotation)
    return _TYPES


def _enc(v: Any) -> Any:
    if v is None or isinstance(v, (str, bool, int, float)):
        return v
    if isinstance(v, list):
        return [_enc(x) for x in v]
    if isinstance(v, tuple):
        return {_TAG: "tuple", "v": [_enc(x) for x in v]}
    if isinstance(v, (set, frozenset)):
        return {_TAG: "set" if isinstance(v, set) else "frozenset", "v": sorted((_enc(x) for x in v), key=repr)}
    if isinstance(v, dict):
        if all(isinstance(k, str) for k in v) and _TAG not in v:
            return {k: _enc(x) for k, x in v.items()}
        return {_TAG: "dict", "v": [[_enc(k), _enc(x)] for k, x in v.items()]}
    cls = type(v)
    if dataclasses.is_dataclass(v) and _registered().get(cls.__name__) is cls:
        return {_TAG: cls.__name__, "v": {f.name: _enc(getattr(v, f.name)) for f in dataclasses.fields(v)}}
    raise CodecError(f"cannot store a {cls.__name__}")


def _dec(v: Any) -> Any:
    if isinstance(v, list):
        return [_dec(x) for x in v]
    if not isinstance(v, dict):
        return v
    tag = v.get(_TAG)
    if tag is None:
        return {k: _dec(x) for k, x in v.items()}
    body = v.get("v")
    if tag == "tuple":
        return tuple(_dec(x) for x in body)
    if tag == "set":
        return {_dec(x) for x in body}
    if tag == "frozenset":
        return frozenset(_dec(x) for x in body)
    if tag == "dict":
        return {_dec(k): _dec(x) for k, x in body}
    cls = _registered().get(tag)
    if cls is None or not isinstance(body, dict):
        raise CodecError(f"unknown stored type {tag!r}")
    names = {f.name for f in dataclasses.fields(cls)}
    if set(body) - names:
        raise CodecError(f"stored {tag} has unknown fields {sorted(set(body) - names)}")
    obj = cls.__new__(cls)  # fields set directly: no __init__, __post_init__ or __setstate__ runs
    for k, x in body.items():
        object.__setattr__(obj, k, _dec(x))
    for f in dataclasses.fields(cls):  # a field added since the value was stored gets its default
        if f.name not in body:
            if f.default is not dataclasses.MISSING:
                object.__setattr__(obj, f.name, f.default)
            elif f.default_factory is not dataclasses.MISSING:
                object.__setattr__(obj, f.name, f.default_factory())
            else:
                raise CodecError(f"stored {tag} lacks field {f.name!r}")
    return obj


def to_data(value: Any) -> Any:
    """``value`` as plain JSON-ready data (tagged where JSON has no type of its own)."""
    return _enc(value)


def from_data(data: Any) -> Any:
    return _dec(data)


def dumps(value: Any) -> bytes:
    """Compressed JSON bytes for the cache."""
    return zlib.compress(json.dumps(_enc(value), ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)


def loads(blob: bytes) -> Any:
    try:
        data = json.loads(zlib.decompress(blob).decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, ValueError) as e:
        raise CodecError(f"not stored data: {e}") from None
    return _dec(data)
