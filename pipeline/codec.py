"""What the run reads back from disk, stored as data: JSON with a closed set of tagged types.

The article cache and the ``--resume`` journal used to hold pickles, and unpickling a file someone
else wrote can run any code. Here a value is written as JSON; tuples, sets, dicts with non-string
keys and the package's own value types (``Mention``, ``Region``, ``Segmentation``...) are tagged,
and reading rebuilds only the types named in ``_TYPES``: an unknown tag is an error, never an import.
"""
from __future__ import annotations

import dataclasses
import functools
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


_PLAIN = frozenset({str, int, float, bool, type(None)})


@functools.cache
def _fields(cls: type) -> tuple[str, ...]:
    """A registered class's field names (``dataclasses.fields`` is slow to call per object)."""
    return tuple(f.name for f in dataclasses.fields(cls))


@functools.cache
def _field_set(cls: type) -> frozenset[str]:
    return frozenset(_fields(cls))


@functools.cache
def _defaults(cls: type) -> tuple[tuple[str, Any, Any], ...]:
    """(name, default, default factory) of each field."""
    return tuple((f.name, f.default, f.default_factory) for f in dataclasses.fields(cls))


def _enc(v: Any) -> Any:
    t = type(v)
    if t in _PLAIN:  # the common cases first, by exact type (isinstance below for subclasses)
        return v
    if t is list:
        return [x if type(x) in _PLAIN else _enc(x) for x in v]
    if t is dict:
        if _TAG not in v and all(type(k) is str for k in v):
            return {k: x if type(x) in _PLAIN else _enc(x) for k, x in v.items()}
        return {_TAG: "dict", "v": [[_enc(k), _enc(x)] for k, x in v.items()]}
    if t is tuple:
        return {_TAG: "tuple", "v": [x if type(x) in _PLAIN else _enc(x) for x in v]}
    if _registered().get(t.__name__) is t:
        return {_TAG: t.__name__, "v": {f: _enc(getattr(v, f)) for f in _fields(t)}}
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
    raise CodecError(f"cannot store a {t.__name__}")


def _build(tag: str, body: Any) -> Any:
    """The value a tagged object stands for, its parts already decoded."""
    if tag == "tuple":
        return tuple(body)
    if tag == "set":
        return set(body)
    if tag == "frozenset":
        return frozenset(body)
    if tag == "dict":
        return {k: x for k, x in body}
    cls = _registered().get(tag)
    if cls is None or not isinstance(body, dict):
        raise CodecError(f"unknown stored type {tag!r}")
    names = _field_set(cls)
    if not body.keys() <= names:
        raise CodecError(f"stored {tag} has unknown fields {sorted(set(body) - names)}")
    obj = cls.__new__(cls)  # fields set directly: no __init__, __post_init__ or __setstate__ runs
    for k, x in body.items():
        object.__setattr__(obj, k, x)
    if len(body) != len(names):
        for name, default, factory in _defaults(cls):  # a field added since the value was stored: its default
            if name not in body:
                if default is not dataclasses.MISSING:
                    object.__setattr__(obj, name, default)
                elif factory is not dataclasses.MISSING:
                    object.__setattr__(obj, name, factory())
                else:
                    raise CodecError(f"stored {tag} lacks field {name!r}")
    return obj


def _hook(obj: dict) -> Any:
    """``json.loads``'s object_hook: JSON objects arrive innermost first, so a tagged one's parts are
    already decoded; an untagged one is a plain dict."""
    tag = obj.get(_TAG)
    if tag is None:
        return obj
    return _build(tag, obj.get("v"))


def dumps(value: Any) -> bytes:
    """Compressed JSON bytes for the cache."""
    return compress_text(dumps_text(value))


def compress_text(text: str) -> bytes:
    """What ``dumps`` makes of the text ``dumps_text`` gives."""
    return zlib.compress(text.encode("utf-8"), 1)


def loads(blob: bytes) -> Any:
    try:
        text = zlib.decompress(blob).decode("utf-8")
    except (zlib.error, UnicodeDecodeError) as e:
        raise CodecError(f"not stored data: {e}") from None
    return loads_text(text)


def dumps_text(value: Any) -> str:
    """``value`` as one line of tagged JSON (the journal's form)."""
    return json.dumps(_enc(value), ensure_ascii=False, separators=(",", ":"))


def loads_text(text: str | bytes) -> Any:
    """What ``dumps_text`` wrote (or any JSON text), its tagged objects rebuilt as the JSON is parsed."""
    try:
        return json.loads(text, object_hook=_hook)
    except CodecError:
        raise
    except (ValueError, TypeError, RecursionError) as e:
        raise CodecError(f"not stored data: {e}") from None
