"""The legal-form words organisation names are compared without are a value of each extractor (its rules'
``legal`` forms on top of the scorer's defaults), handed to record assembly: two pipelines with different rules
in one process never change each other's keys or merging, and nothing module-global changes."""
from __future__ import annotations

import json

from org_helpers import ROOT, items
from pipeline.extract.orgs import OrgExtractor
from pipeline.names import LEGAL_WORDS, LegalWords, legal_words, org_key
from pipeline.normalize.orgs import merge_orgs
from pipeline.rules import load_rules
from pipeline.types import Mention

# a legal form the shipped rules lack (an invented regional company form for the test)
EXTRA_FORM = {"id": "legal-prefix-pd-test", "text": "PD", "position": "prefix", "kind": "company", "legal": True,
              "breaks": True}


def _with_extra_form(tmp_path) -> OrgExtractor:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "org_forms.jsonl").write_text(json.dumps(EXTRA_FORM) + "\n", encoding="utf-8")
    return OrgExtractor(load_rules([ROOT / "rules", folder]))


def _mention(name: str, start: int) -> Mention:
    return Mention("org", name, start, start + len(name), "test", {"name": name})


def test_each_extractor_keeps_its_own_legal_words(tmp_path):
    defaults = set(LEGAL_WORDS)
    plain = OrgExtractor(load_rules([ROOT / "rules"]))
    extra = _with_extra_form(tmp_path)
    assert "pd" in extra.legal_key_words and "pd" not in plain.legal_key_words
    assert plain.legal_key_words >= LEGAL_WORDS and "p" in plain.legal_key_words  # "P.T." in the shipped rules
    # building the second extractor changed neither the first nor the module's defaults
    assert plain.lex.key("PD Tirta Abadi") == "pd tirta abadi"
    assert extra.lex.key("PD Tirta Abadi") == "tirta abadi"
    assert set(LEGAL_WORDS) == defaults and org_key("PD Tirta Abadi") == "pd tirta abadi"
    assert org_key("P.T. Tirta Abadi") == "p t tirta abadi"  # the defaults alone: no extractor leaks in


def test_merging_follows_the_words_it_is_given(tmp_path):
    plain = OrgExtractor(load_rules([ROOT / "rules"]))
    extra = _with_extra_form(tmp_path)
    # a one-word name: a longer bare name joins the one body that writes it after a leading word whatever the
    # legal words (normalize.orgs._attach_formless), so only the legal words decide here
    mentions = [_mention("PD Tirtamulya", 0), _mention("Tirtamulya", 40)]
    assert len(merge_orgs(mentions, extra.legal_key_words)) == 1
    assert len(merge_orgs(mentions, plain.legal_key_words)) == 2
    assert len(merge_orgs(mentions)) == 2  # the defaults, whatever extractors were built before


TEXT = ("Pelatihan membatik digelar PD Tirta Abadi bagi 30 warga Desa Sukamaju.\n"
        "Menurut Direktur Tirta Abadi, Budi Santoso, pelatihan berlangsung tiga hari.\n"
        "Kain hasil pelatihan dijual melalui Koperasi Tirta Abadi milik warga.\n")


def _span(label: str, name: str, after: int = 0) -> tuple[int, int, str]:
    i = TEXT.index(name, after)
    return i, i + len(name), label


# the model reads the company with and without its form word
NER = [_span("ORG", "PD Tirta Abadi"), _span("ORG", "Tirta Abadi", TEXT.index("Direktur")),
       _span("PER", "Budi Santoso")]


def test_an_extractor_built_later_does_not_change_an_earlier_ones_records(tmp_path):
    plain = OrgExtractor(load_rules([ROOT / "rules"]))
    before = [(it["name"], it["aliases"]) for it in items(plain, TEXT, NER)]
    # no legal form "PD" in the shipped rules
    assert before == [("PD Tirta Abadi", []), ("Tirta Abadi", []), ("Koperasi Tirta Abadi", [])]
    extra = _with_extra_form(tmp_path)
    assert [(it["name"], it["aliases"]) for it in items(extra, TEXT, NER)] == [("PD Tirta Abadi", ["Tirta Abadi"]),
                                                                              ("Koperasi Tirta Abadi", [])]
    assert [(it["name"], it["aliases"]) for it in items(plain, TEXT, NER)] == before


def test_legal_words_are_a_value_with_a_stable_repr():
    words = legal_words(["P.T.", "CV"], base=LEGAL_WORDS)
    assert isinstance(words, LegalWords) and {"p", "t", "cv", "pt", "tbk"} <= words
    # the "assemble" stage's cache key holds its arguments' repr: it must not depend on the hash seed
    assert repr(words) == f"LegalWords({sorted(words)!r})"
    assert legal_words([]) == LEGAL_WORDS
