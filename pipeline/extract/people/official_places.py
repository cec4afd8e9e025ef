"""Official place names from the region index (the places extractor's gazetteer) that tell places from people."""
from __future__ import annotations

import re
from functools import lru_cache

from .words import keys


def _region_names() -> dict[str, str] | None:
    """Region code -> official name, or None without the region list (then the evidence is only weaker)."""
    from ..gazetteer import Gazetteer  # the places extractor's cached index: one load per process

    try:
        gaz = Gazetteer.load()
    except Exception:  # noqa: BLE001 - without the region list, evidence is only weaker
        return None
    return gaz.names


@lru_cache(maxsize=1)
def place_phrases() -> dict[str, frozenset[tuple[str, ...]]]:
    """Official place names that are never people: provinces, kabupaten/kota (without the
    Kabupaten/Kota prefix) and kecamatan of two or more words, by first word.

    One-word kecamatan are left out: many are also given names (Bambang, Bintang).
    """
    regions = _region_names()
    if regions is None:
        return {}
    names: set[tuple[str, ...]] = set()
    by_depth: dict[int, list[str]] = {}
    for code, name in regions.items():
        by_depth.setdefault(code.count("."), []).append(name)
    provinces, regencies, districts = by_depth.get(0, []), by_depth.get(1, []), by_depth.get(2, [])
    for name in provinces + regencies:
        names.add(tuple(keys(re.sub(r"^(?:Kabupaten|Kota)(?: Administrasi)?\s+", "", name))))
    for name in provinces:  # "DKI Jakarta" -> "Jakarta", "Daerah Istimewa Yogyakarta" -> "Yogyakarta"
        names.add(tuple(keys(re.sub(r"^(?:DKI|Daerah Istimewa|Daerah Khusus Ibukota)\s+", "", name))))
    for name in districts:
        key = tuple(keys(name))
        if len(key) >= 2:
            names.add(key)
    by_first: dict[str, set[tuple[str, ...]]] = {}
    for key in names:
        if key:
            by_first.setdefault(key[0], set()).add(key)
    return {k: frozenset(v) for k, v in by_first.items()}


@lru_cache(maxsize=1)
def village_words() -> frozenset[str]:
    """One-word names of kecamatan, desa and kelurahan (case-folded). Many are also given names (Bambang, Sugeng),
    so they never rule a word out as a name; they only say where the place ends after a head that takes a place
    ("Camat Sukolilo Suparman")."""
    regions = _region_names()
    if regions is None:
        return frozenset()
    return frozenset(n.casefold() for code, n in regions.items() if code.count(".") >= 2 and " " not in n.strip())
