"""Word sets that moved from the code into rules/ (issue #18): a rank's service (person_cues rank_service), the
addresses whose name alone is evidence of a person (honorifics speaker), the legal forms (org_forms legal alone), the
endings of a web name and the words that open a list of names (org_stopwords web_end, list_intro), the words that
start a line like a dateline without naming a place (place_stopwords dateline). An analyst's edit of each still
steers the output, and the cache recomputes the stage that reads it. Invented sentences."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.extract.orgs import OrgExtractor
from pipeline.extract.people import PeopleExtractor
from pipeline.normalize.people import merge_people
from pipeline.process import Resources, process_batch
from pipeline.rules import load_rules
from pipeline.segment import Segmenter
from pipeline.types import Article

RULES_DIR = Path(__file__).resolve().parents[1] / "rules"


@pytest.fixture(scope="module")
def shipped():
    return load_rules([RULES_DIR])


def _with(tmp_path: Path, file: str, *lines: dict):
    """The shipped rules with an analyst's folder on top holding ``lines`` in ``file``."""
    mine = tmp_path / "mine"
    mine.mkdir(exist_ok=True)
    with open(mine / file, "a", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line) + "\n")
    return load_rules([RULES_DIR, mine])


def _people(rules, text):
    return {p["name"]: p.get("title") for p in merge_people(PeopleExtractor(rules).extract(text, []))}


def _org_names(rules, text):
    return {m.value.get("name") or m.text for m in OrgExtractor(rules).extract(text, [], []) if not m.excluded}


def test_a_rank_service_added_by_an_analyst_is_part_of_the_rank(shipped, tmp_path):
    text = "Dandim Sukamaju Kolonel Cba Rudi Hartono meninjau lokasi banjir."
    assert "Rudi Hartono" not in _people(shipped, text)  # "Cba" (perbekalan dan angkutan) is not listed
    mine = _with(tmp_path, "person_cues.mine.jsonl", {"id": "rank-service-cba", "text": "Cba", "kind": "rank_service"})
    assert _people(mine, text)["Rudi Hartono"] == "Dandim Sukamaju"


def test_an_address_an_analyst_marks_no_speaker_gives_no_evidence_of_the_name_alone(shipped, tmp_path):
    text = "Kebun itu milik Pak Rudi. Rudi membuka lahan baru tahun lalu."

    def mentions(rules):
        return [m.text for m in PeopleExtractor(rules).extract(text, []) if not m.excluded]
    assert mentions(shipped) == ["Rudi", "Rudi"]  # "Pak Rudi" makes the later "Rudi" a person
    mine = _with(tmp_path, "honorifics.mine.jsonl", {"id": "pak", "text": "Pak", "type": "honorific", "addresses": True})
    assert mentions(mine) == ["Rudi"]


def test_the_legal_forms_dropped_from_names_are_the_org_forms_rules_alone(shipped, tmp_path):
    assert {"pt", "tbk", "persero", "perseroda", "cv", "ud"} <= OrgExtractor(shipped).lex.legal_key_words
    mine = _with(tmp_path, "org_forms.mine.jsonl", {"id": "legal-suffix-perseroda", "enabled": False},
                 {"id": "legal-suffix-perseroda-2", "enabled": False})
    assert "perseroda" not in OrgExtractor(mine).lex.legal_key_words


def test_a_web_ending_added_by_an_analyst_makes_a_platform_name(shipped, tmp_path):
    text = "Petani belajar memakai aplikasi Tanamaju.app untuk mencatat panen.\n"
    assert "Tanamaju.app" not in _org_names(shipped, text)
    mine = _with(tmp_path, "org_stopwords.mine.jsonl", {"id": "web-end-app", "text": "app", "scope": "web_end"})
    assert "Tanamaju.app" in _org_names(mine, text)


def test_a_list_intro_added_by_an_analyst_opens_a_list_of_bodies(shipped, tmp_path):
    text = "Startup binaan itu terdiri dari KopiNusa, BerkahLogistik, Sapa Desa, dan Juragan Ikan.\n"
    listed = {"KopiNusa", "BerkahLogistik", "Sapa Desa", "Juragan Ikan"}
    assert not listed & _org_names(shipped, text)
    mine = _with(tmp_path, "org_stopwords.mine.jsonl",
                 {"id": "list-intro-terdiri-dari", "text": "terdiri dari", "scope": "list_intro"})
    assert listed <= _org_names(mine, text)


def test_a_shipped_list_intro_switched_off_opens_no_list(shipped, tmp_path):
    text = "Lima startup yang lolos adalah KopiNusa, BerkahLogistik, Sapa Desa, dan Juragan Ikan.\n"
    assert "BerkahLogistik" in _org_names(shipped, text)
    mine = _with(tmp_path, "org_stopwords.mine.jsonl", {"id": "list-intro-adalah", "enabled": False})
    assert "BerkahLogistik" not in _org_names(mine, text)


DATELINE_TEXT = ("REDAKSI - Sebanyak 25 petani mengikuti pelatihan di Balai Desa Srigading, Senin (4/3/2024).\n"
                 "Ketua kelompok mengatakan pelatihan itu berguna.\n")


def test_a_dateline_word_added_by_an_analyst_names_no_place(shipped, tmp_path):
    assert Segmenter(shipped)(DATELINE_TEXT).dateline_place is not None
    mine = _with(tmp_path, "place_stopwords.mine.jsonl",
                 {"id": "dateline-redaksi", "text": "Redaksi", "position": "dateline"})
    seg = Segmenter(mine)(DATELINE_TEXT)
    assert seg.dateline is None and seg.dateline_place is None


def test_dateline_words_are_the_segmenters_alone(shipped):
    """A dateline word is no place stop word of the place, organisation or NER lexicons ("Sumber" is both)."""
    from pipeline.extract.places import PlaceExtractor
    dateline = {r["text"] for r in shipped.get("place_stopwords") if r.get("position") == "dateline"}
    assert {"Foto", "Editor", "Baca"} <= dateline
    places = PlaceExtractor(shipped)
    assert "foto" not in places.stop_alone and "foto" not in places.stop_bare
    assert "foto" not in OrgExtractor(shipped).lex.place_stop


class _FakeNer:
    """No model: the NER layer finds nothing (what the cache keys need of ``LazyNer``)."""
    path, name, version = None, "fake", "m1"

    class backend:  # noqa: N801
        name, version = "fake", "m1"

        @staticmethod
        def annotate(texts):
            for _ in texts:
                yield []

    def tokenizer_id(self) -> str:
        return "blank-id"


def _load(rules_dir: Path, cache_dir: Path | None) -> Resources:
    res = Resources.load([rules_dir], "none", cache_dir=cache_dir, use_cache=cache_dir is not None)
    res.ner = _FakeNer()
    res.time_limit = 0
    return res


def _plain(results) -> list:
    return [(r.article_id, r.status, json.dumps(r.records, sort_keys=True, default=str),
             [(m.kind, m.start, m.end, m.source, m.excluded) for m in r.mentions]) for r in results]


def test_a_dateline_word_edit_recomputes_the_segmentation_of_the_articles_holding_it(tmp_path):
    rules_dir, cache_dir = tmp_path / "rules", tmp_path / "cache"
    shutil.copytree(RULES_DIR, rules_dir)
    other = ("Sleman - Dinas Koperasi Kabupaten Sleman menggelar pelatihan pengemasan produk bagi 40 pelaku UMKM "
             "pada 12 Maret 2024.\n")
    arts = [Article("a", "a.txt", DATELINE_TEXT, {}), Article("b", "b.txt", other, {})]
    res = _load(rules_dir, cache_dir)
    first = process_batch(arts, res)
    res.close()
    assert all(r.error is None for r in first), [r.error for r in first]
    with open(rules_dir / "place_stopwords.jsonl", "a", encoding="utf-8") as f:
        f.write(json.dumps({"id": "dateline-redaksi", "text": "Redaksi", "position": "dateline"}) + "\n")
    res = _load(rules_dir, cache_dir)
    a, b = process_batch(arts, res)
    res.close()
    assert (a.cache["segment"], b.cache["segment"]) == ("miss", "reused")  # the word is in article a only
    assert _plain([a, b]) == _plain(process_batch(arts, _load(rules_dir, None)))
