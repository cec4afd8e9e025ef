"""Cross-article entity resolution: which items become one entity, with which id, and why."""
from __future__ import annotations

import copy

import pytest

from pipeline.normalize.resolve import Resolver, name_key, resolve_records


def groups(res: Resolver) -> list[set[str]]:
    """The items' names, grouped by entity, in order of first appearance."""
    roots = res.resolve()
    out: dict[int, set[str]] = {}
    for i, r in enumerate(roots):
        out.setdefault(r, set()).add(f"{res.names[i]}@{res.article[i]}")
    return list(out.values())


@pytest.mark.parametrize("name, kind, key", [
    ("PT Pertamina (Persero) Tbk", "org", "pertamina"),
    ("PT. Semen Nusantara", "org", "semen nusantara"),
    ("Koperasi Tani & Ternak", "org", "koperasi tani dan ternak"),
    ("CV Maju Jaya", "org", "maju jaya"),
    ("PT Maju Jaya", "per", "pt maju jaya"),  # legal forms are dropped for organisations only
    ("  Siti   AMINAH ", "per", "siti aminah"),
    ("Ｋｏｐｅｒａｓｉ", "org", "koperasi"),  # NFKC
])
def test_name_key(name, kind, key):
    assert name_key(name, kind) == key


# -- which items join -----------------------------------------------------------------------------
def test_exact_names_join_across_articles():
    res = Resolver()
    res.add("org", "Koperasi Sumber Makmur", [], "a1")
    res.add("org", "KOPERASI SUMBER MAKMUR", [], "a2")
    res.add("org", "PT Sumber Makmur", [], "a3")  # another name key: "sumber makmur"
    assert groups(res) == [{"Koperasi Sumber Makmur@a1", "KOPERASI SUMBER MAKMUR@a2"}, {"PT Sumber Makmur@a3"}]


def test_legal_forms_do_not_keep_a_company_apart():
    res = Resolver()
    res.add("org", "PT Semen Nusantara (Persero) Tbk", [], "a1")
    res.add("org", "Semen Nusantara", [], "a2")
    [group] = groups(res)
    assert len(group) == 2
    _, ents = res.entities()
    [ent] = ents.values()
    assert ent.merge_reasons == ["same normalised name: 'Semen Nusantara' = 'PT Semen Nusantara (Persero) Tbk'"]


def test_a_multi_word_alias_joins_the_entity_of_that_name():
    res = Resolver()
    res.add("org", "PT Bank Rakyat Nusantara", ["Bank Rakyat Nusantara", "BRN"], "a1")
    res.add("org", "Bank Rakyat Nusantara Cabang Sleman", [], "a2")
    res.add("org", "BRN Cabang Sleman", ["Bank Rakyat Nusantara Cabang Sleman"], "a3")
    assert groups(res) == [{"PT Bank Rakyat Nusantara@a1"},
                           {"Bank Rakyat Nusantara Cabang Sleman@a2", "BRN Cabang Sleman@a3"}]
    _, ents = res.entities()
    reasons = [r for e in ents.values() for r in e.merge_reasons]
    assert reasons == ["alias 'Bank Rakyat Nusantara Cabang Sleman' = name 'Bank Rakyat Nusantara Cabang Sleman'"]


@pytest.mark.parametrize("kind, first, alias, other", [
    ("org", "PT Pertamina Hulu Energi", "Pertamina", "Pertamina"),
    ("org", "PT Pertamina Hulu Energi", "PT Pertamina", "Pertamina"),  # one word once "PT" is dropped
    ("per", "Hatim Ilwan", "Hatim", "Hatim"),
])
def test_single_word_aliases_never_join(kind, first, alias, other):
    res = Resolver()
    res.add(kind, first, [alias], "a1")
    res.add(kind, other, [], "a2")
    assert len(groups(res)) == 2


@pytest.mark.parametrize("a, b, joined", [
    ("Koperasi Sumber Rejeki Abadi", "Koperasi Sumber Rezeki Abadi", True),  # one letter: a spelling variant
    ("Kelompok Wanita Tani Melati", "Kelompok Wanita Tani Melati.", True),  # punctuation only: the same key
    ("Kelompok Wanita Tani Melati", "Kelompok Wanita Tani Mawar", False),
    ("Dinas Koperasi Sleman", "Dinas Koperasi Kulon Progo", False),
    ("Koperasi Sumber Rejeki", "Usaha Sumber Rejeki", False),  # another first word: another block
])
def test_fuzzy_join_within_a_block(a, b, joined):
    res = Resolver()
    res.add("org", a, [], "a1")
    res.add("org", b, [], "a2")
    assert (len(groups(res)) == 1) is joined


def test_fuzzy_join_records_its_score():
    res = Resolver()
    res.add("org", "Koperasi Sumber Rejeki Abadi", [], "a1")
    res.add("org", "Koperasi Sumber Rezeki Abadi", [], "a2")
    _, ents = res.entities()
    [ent] = ents.values()
    [reason] = ent.merge_reasons
    assert reason.startswith("fuzzy ") and "'Koperasi Sumber Rezeki Abadi' ~ 'Koperasi Sumber Rejeki Abadi'" in reason
    assert int(reason.split()[1].rstrip(":")) >= 92


def test_kinds_never_join():
    res = Resolver()
    res.add("org", "Sleman", [], "a1")
    res.add("loc", "Sleman", [], "a2")
    res.add("per", "Sleman", [], "a3")
    assert len(groups(res)) == 3


def test_places_join_by_code_not_by_name():
    res = Resolver()
    res.add("loc", "Sukamaju", [], "a1", code="32.04.01.2001")
    res.add("loc", "Desa Sukamaju", [], "a2", code="32.04.01.2001")
    res.add("loc", "Sukamaju", [], "a3", code="33.02.05.2004")  # the same name elsewhere
    res.add("loc", "Sukamaju", [], "a4")  # unresolved: never guessed into either
    assert groups(res) == [{"Sukamaju@a1", "Desa Sukamaju@a2"}, {"Sukamaju@a3"}, {"Sukamaju@a4"}]
    roots, ents = res.entities()
    ids = [ents[roots[i]].entity_id for i in range(4)]
    assert ids[0] == ids[1] and len(set(ids)) == 3  # same display name, still three ids
    assert ents[roots[0]].merge_reasons == ["same code 32.04.01.2001: 'Desa Sukamaju' = 'Sukamaju'"]


@pytest.mark.parametrize("name", ["", "  ", "—", "..."])
def test_names_without_letters_join_nothing(name):
    res = Resolver()
    res.add("org", name, [], "a1")
    res.add("org", name, [], "a2")
    assert len(groups(res)) == 2


def test_places_and_numbers_are_not_fuzzy_matched():
    res = Resolver()
    res.add("loc", "Kecamatan Sukamaju Barat", [], "a1")
    res.add("loc", "Kecamatan Sukamaju Barar", [], "a2")
    res.add("org", "2024", [], "a3")
    res.add("org", "2025", [], "a4")
    assert len(groups(res)) == 4


# -- entities and records --------------------------------------------------------------------------
RECORDS = [
    {"article_id": "kabar/a1",
     "organizations": [{"name": "PT Bank Rakyat Nusantara", "aliases": ["Bank Rakyat Nusantara", "BRN"]}],
     "people": [{"name": "Siti Aminah", "aliases": ["Siti"]}],
     "places": [{"name": "Sleman", "code": "34.04"}]},
    {"article_id": "kabar/a2",
     "organizations": [{"name": "Bank Rakyat Nusantara", "aliases": []},
                       {"name": "Kelompok Tani Subur", "aliases": []}],
     "people": [{"name": "Siti Aminah", "aliases": []}, {"name": "Siti Rahayu", "aliases": ["Siti"]}],
     "places": [{"name": "Kabupaten Sleman", "code": "34.04"}]},
    {"article_id": "kabar/a3",
     "organizations": [{"name": "Bank Rakyat Nusantara", "aliases": ["BRN"]}],
     "people": [], "places": []},
]


def test_resolve_records_fills_entity_ids_and_lists_entities():
    records = copy.deepcopy(RECORDS)
    rows = resolve_records(records)
    org_a1, org_a2, org_a3 = (records[0]["organizations"][0], records[1]["organizations"][0],
                              records[2]["organizations"][0])
    assert org_a1["entity_id"] == org_a2["entity_id"] == org_a3["entity_id"]
    assert org_a1["entity_id"].startswith("org:")
    assert records[0]["people"][0]["entity_id"] == records[1]["people"][0]["entity_id"]
    assert records[1]["people"][1]["entity_id"] != records[1]["people"][0]["entity_id"]  # "Siti" joins nobody
    assert records[0]["places"][0]["entity_id"] == records[1]["places"][0]["entity_id"]

    by_id = {r["entity_id"]: r for r in rows}
    assert len(by_id) == len(rows) == 5
    bank = by_id[org_a1["entity_id"]]
    assert bank["name"] == "Bank Rakyat Nusantara"  # the most frequent name
    assert bank["aliases"] == ["BRN", "PT Bank Rakyat Nusantara"]
    assert (bank["article_count"], bank["articles"]) == (3, ["kabar/a1", "kabar/a2", "kabar/a3"])
    assert bank["merge_reasons"]
    assert [(r["kind"], r["name"]) for r in rows] == [  # sorted by kind, then name
        ("loc", "Kabupaten Sleman"), ("org", "Bank Rakyat Nusantara"), ("org", "Kelompok Tani Subur"),
        ("per", "Siti Aminah"), ("per", "Siti Rahayu")]


def test_entity_ids_are_stable_and_do_not_depend_on_order():
    first = copy.deepcopy(RECORDS)
    second = copy.deepcopy(RECORDS[::-1])
    resolve_records(first)
    resolve_records(second)
    ids = lambda recs: {(r["article_id"], o["name"]): o["entity_id"] for r in recs for o in r["organizations"]}
    assert ids(first) == ids(second)


def test_display_name_ties_go_to_the_longer_name():
    res = Resolver()
    res.add("org", "Bank Rakyat Nusantara", [], "a1")
    res.add("org", "PT Bank Rakyat Nusantara", [], "a2")
    _, ents = res.entities()
    assert [e.name for e in ents.values()] == ["PT Bank Rakyat Nusantara"]
