"""Rules propose, learned models decide: the JSON models, the choices they make, and an analyst's rule still
steering each choice through the features it feeds."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from pipeline.decide import DECISIONS, MODEL_DIR, Decider, LinearModel, choose_date, choose_totals
from pipeline.process import Resources, process_batch
from pipeline.types import Article

RULES = Path(__file__).resolve().parents[1] / "rules"

# my own article: a village training with a count, a named programme and a press-release date
ARTICLE = """Koperasi Tani Subur Gelar Pelatihan Pupuk Organik bagi Petani Sukamaju

Koperasi Tani Subur di Desa Sukamaju, Kabupaten Magelang, menggelar pelatihan pembuatan pupuk organik
melalui program Petani Mandiri Berdaulat. Sebanyak 35 petani mengikuti pelatihan tersebut.

"Kami ingin petani tidak bergantung pada pupuk kimia," kata Ketua Koperasi Tani Subur, Darmaji, dalam
keterangan tertulis, Rabu (12/6/2024).
"""


def _write(folder: Path, name: str, *rows: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def _run(rules: list[Path], decisions: str | Path | None = None, text: str = ARTICLE) -> dict | None:
    res = Resources.load(rules, "none", None, use_cache=False, decisions=decisions)
    [r] = process_batch([Article("a", "a.txt", text, {})], res)
    res.close()
    assert r.error is None, r.error
    return r.records[0] if r.records else None


# --- the model files ------------------------------------------------------------------------------------------

def test_a_linear_model_round_trips_as_json_and_scores_like_a_logistic(tmp_path):
    m = LinearModel("x", {"a": 2.0, "b": -1.0}, -0.5, 0.3, {"note": "kartu"})
    path = tmp_path / "x.json"
    path.write_text(m.to_json(), encoding="utf-8")
    back = LinearModel.load(path)
    assert back == m
    assert back.score({"a": 1.0}) == pytest.approx(1 / (1 + 2.718281828 ** -1.5), rel=1e-6)
    assert back.score({"unknown": 5.0}) == pytest.approx(1 / (1 + 2.718281828 ** 0.5), rel=1e-6)


def test_a_file_that_is_not_a_model_is_refused(tmp_path):
    (tmp_path / "name.json").write_text('["not", "a", "model"]', encoding="utf-8")
    with pytest.raises(ValueError, match="not a decision model"):
        Decider.load(tmp_path)


def test_shipped_models_are_plain_json_with_a_card():
    d = Decider.load()
    assert set(d.models) <= set(DECISIONS) and d.models, "make learn ships at least one decision"
    for name in d.models:
        data = json.loads((MODEL_DIR / f"{name}.json").read_text(encoding="utf-8"))
        cv = data["card"]["cross_validation"]
        assert data["card"]["shipped"] and cv["cv_accuracy"] > cv["rules_accuracy"]
    assert (MODEL_DIR / "CARD.md").exists()
    assert Decider.load("none").models == {} and Decider.load("none").version == "rules-only"


# --- the choices ----------------------------------------------------------------------------------------------

def test_totals_follow_the_rules_marks_when_the_model_agrees():
    # the likeliest count is one the rules marked: every count the rules marked comes along ("A dan B")
    assert choose_totals([(0.8, 75, True), (0.3, 6, True), (0.5, 20, False)], 0.4) == {75, 6}
    # the model prefers a count the rules did not mark: that count alone
    assert choose_totals([(0.2, 75, True), (0.7, 20, False)], 0.4) == {20}
    assert choose_totals([(0.2, 75, True)], 0.4) == set()


def test_a_dateline_the_rules_recognised_always_wins():
    scored = [(0.9, {"report_cue": 1.0}), (0.1, {"how:dateline": 1.0})]
    assert choose_date(scored, 0.5) == 1
    assert choose_date([(0.3, {}), (0.45, {})], 0.5) is None
    assert choose_date([(0.3, {}), (0.6, {})], 0.5) == 1


# --- an analyst's rule still steers every learned choice -----------------------------------------------------

def test_detection_follows_a_cue_rule_an_analyst_adds(tmp_path):
    assert _run([RULES]) is not None
    mine = _write(tmp_path / "mine", "programme_cues.jsonl",
                  {"id": "bukan-program", "text": "pupuk organik", "weight": -10.0}).parent
    assert _run([RULES, mine]) is None  # a deciding cue: the same article is no programme once the analyst says so
    news = "Harga cabai di pasar tradisional Magelang naik tajam pekan ini, kata seorang pedagang, Rabu (12/6/2024)."
    assert _run([RULES], text=news) is None
    mine = _write(tmp_path / "yes", "programme_cues.jsonl", {"id": "pasar-murah", "text": "cabai", "weight": 10.0}).parent
    assert _run([RULES, mine], text=news) is not None


def test_the_name_follows_a_pattern_rule_an_analyst_adds(tmp_path):
    before = _run([RULES])["program"]
    mine = _write(tmp_path / "mine", "programme_name_patterns.jsonl",
                  {"id": "gelar-name", "pattern": r"menggelar (?P<name>pelatihan pembuatan pupuk organik)",
                   "priority": 10}).parent
    assert before != "pelatihan pembuatan pupuk organik"
    assert _run([RULES, mine])["program"] == "pelatihan pembuatan pupuk organik"


def test_the_publication_date_follows_a_cue_rule(tmp_path):
    rec = _run([RULES])
    assert rec["published"] == "2024-06-12"  # a written statement's date
    text = ARTICLE.replace("dalam\nketerangan tertulis, Rabu (12/6/2024)", "saat ditemui, Rabu (12/6/2024)")
    assert _run([RULES], text=text)["published"] is None  # plain speech dates no article


def test_totals_stay_with_the_rules_and_follow_a_counted_noun_rule(tmp_path):
    assert [p["count"] for p in _run([RULES])["participants"] if p["total"]] == [35]
    mine = _write(tmp_path / "mine", "counted_nouns.jsonl", {"id": "person_petani", "enabled": False}).parent
    assert [p["count"] for p in _run([RULES, mine])["participants"]] != [35]


def _org_model(folder: Path, bias: float) -> Path:
    """A decisions folder holding only an org model that keeps everything (bias > 0) or nothing (bias < 0)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "org.json").write_text(LinearModel("org", {}, bias, 0.5).to_json(), encoding="utf-8")
    return folder


def test_the_org_decision_follows_alias_and_stopword_rules(tmp_path):
    org_names = lambda rec: [o["name"] for o in rec["organizations"]]  # noqa: E731
    assert org_names(_run([RULES])) == ["Koperasi Tani Subur"]
    reject = _org_model(tmp_path / "reject", -10.0)
    assert org_names(_run([RULES], decisions=reject)) == []  # the model turns the rules' organisation down
    # an analyst's alias rule names it: it stays whatever the model says
    mine = _write(tmp_path / "alias", "org_aliases.jsonl",
                  {"id": "koperasi-tani-subur", "name": "Koperasi Tani Subur", "kind": "cooperative"}).parent
    assert org_names(_run([RULES, mine], decisions=reject)) == ["Koperasi Tani Subur"]
    # a model that keeps everything still never sees what a stopword rule removed
    keep = _org_model(tmp_path / "keep", 10.0)
    assert org_names(_run([RULES], decisions=keep)) == ["Koperasi Tani Subur"]
    stop = _write(tmp_path / "stop", "org_stopwords.jsonl",
                  {"id": "bukan-organisasi", "text": "Koperasi Tani Subur", "scope": "name"}).parent
    assert org_names(_run([RULES, stop], decisions=keep)) == []


def test_the_org_decision_may_take_a_name_the_model_found_and_the_rules_left_out(tmp_path):
    text = ARTICLE + "\nBibit tanaman itu berasal dari Lentera Hijau Nusantara pekan lalu.\n"
    spans = _write(tmp_path / "ner", "entities.jsonl",
                   {"id": "lentera", "label": "ORG", "kind": "ngo", "pattern": "Lentera Hijau Nusantara"}).parent
    org_names = lambda rec: [o["name"] for o in rec["organizations"]]  # noqa: E731
    assert "Lentera Hijau Nusantara" not in org_names(_run([RULES, spans], text=text))  # once, no cue: rules say no
    keep = _org_model(tmp_path / "keep", 10.0)
    assert "Lentera Hijau Nusantara" in org_names(_run([RULES, spans], decisions=keep, text=text))


def test_without_models_the_rules_decide_as_before(tmp_path):
    rules_only = _run([RULES], decisions="none")
    assert rules_only is not None and rules_only["published"] == "2024-06-12"


# --- make learn -----------------------------------------------------------------------------------------------

def _samples(n: int = 60):
    from pipeline.decide.learn import Sample

    out = []
    for i in range(n):
        programme = i % 2 == 0
        # the word 'pelatihan' tells programmes apart; the rules' own call is right only half the time
        feats = {"rule_score": 0.5, "title:pelatihan": float(programme), "title:harga": float(not programme)}
        out.append(Sample(f"a{i:03d}", programme, feats, rule_programme=(i % 4 < 2)))
    return out


def test_learning_is_deterministic_and_ships_only_what_beats_the_rules(tmp_path):
    pytest.importorskip("sklearn")
    from pipeline.decide.learn import train

    cards = train(_samples(), tmp_path / "one", only=["detection", "total"])
    again = train(_samples(), tmp_path / "two", only=["detection", "total"])
    assert (tmp_path / "one" / "detection.json").read_bytes() == (tmp_path / "two" / "detection.json").read_bytes()
    assert cards["detection"]["shipped"] and cards["detection"]["cross_validation"]["cv_accuracy"] > 0.9
    assert cards == again
    # no article has a gold total: nothing to learn from, nothing beats the rules, no file
    assert not cards["total"]["shipped"] and not (tmp_path / "one" / "total.json").exists()
    model = LinearModel.load(tmp_path / "one" / "detection.json")
    assert model.score({"title:pelatihan": 1.0}) > model.threshold > model.score({"title:harga": 1.0})


def test_retraining_one_decision_keeps_the_other_rows_of_the_card(tmp_path):
    pytest.importorskip("sklearn")
    from pipeline.decide.learn import train, write_card

    write_card(train(_samples(), tmp_path, only=["detection", "total"]), tmp_path, Counter(corpus=30, news=10))
    write_card(train(_samples(), tmp_path, only=["total"]), tmp_path, Counter(corpus=30, news=10))
    card = (tmp_path / "CARD.md").read_text(encoding="utf-8")
    assert "| detection |" in card and "| total |" in card
    assert "30 articles" in card and "10 articles" in card
    assert list(json.loads((tmp_path / "cards.json").read_text(encoding="utf-8"))) == ["detection", "total"]


# --- the person decision ----------------------------------------------------------------------------------------

def _person_model(folder: Path, weights: dict[str, float], bias: float) -> Path:
    """A decisions folder holding only a person model."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "person.json").write_text(LinearModel("person", weights, bias, 0.5).to_json(), encoding="utf-8")
    return folder


PERSON_TEXT = ARTICLE + '\n"Hasil panen kami naik," kata Wak Sarimin di sawahnya.\n'


def test_the_person_decision_follows_honorific_and_stopword_rules(tmp_path):
    people = lambda rec: sorted(p["name"] for p in rec["people"])  # noqa: E731
    assert people(_run([RULES], text=PERSON_TEXT)) == ["Darmaji", "Wak Sarimin"]
    assert people(_run([RULES], decisions=_person_model(tmp_path / "none", {}, -10.0), text=PERSON_TEXT)) == []
    # a model that keeps only people the article gives an honorific: an analyst's honorific rule brings one in
    honorific = _person_model(tmp_path / "hon", {"sign:honorific": 20.0}, -10.0)
    assert people(_run([RULES], decisions=honorific, text=PERSON_TEXT)) == []
    mine = _write(tmp_path / "wak", "honorifics.jsonl", {"id": "wak", "text": "Wak", "type": "honorific"}).parent
    assert people(_run([RULES, mine], decisions=honorific, text=PERSON_TEXT)) == ["Sarimin"]
    # a model that keeps everything never sees what a stop word rule removed
    keep = _person_model(tmp_path / "keep", {}, 10.0)
    assert people(_run([RULES], decisions=keep, text=PERSON_TEXT)) == ["Darmaji", "Wak Sarimin"]
    stop = _write(tmp_path / "stop", "person_stopwords.jsonl", {"id": "sarimin", "text": "Sarimin"}).parent
    assert people(_run([RULES, stop], decisions=keep, text=PERSON_TEXT)) == ["Darmaji"]


def test_the_person_decision_may_take_a_name_the_model_found_and_the_rules_turned_down(tmp_path):
    from pipeline.decide import features
    from pipeline.decide.features import Evidence
    from pipeline.extract.people import PeopleExtractor
    from pipeline.rules import load_rules

    text = "Warga menyambut kedatangan Anita Kusumawati dengan tarian adat. Bantuan itu dipakai untuk modal."
    ner = [(text.index("Anita"), text.index("Anita") + len("Anita Kusumawati"), "PER")]
    mentions = PeopleExtractor(load_rules([RULES])).extract(text, [], ner)
    [m] = mentions
    assert m.excluded and m.value["candidate"] and "model_per" in m.value["signs"]  # the rules turned it down
    ev = Evidence(Article("a", "a.txt", text, {}), None, None, None, [], mentions, [], [], [])
    [(ms, feats, rule, names)] = features.person_candidates(ev)
    assert not rule and names == ["Anita Kusumawati"] and feats["candidate"] == 1.0
    Decider._people(ev, LinearModel("person", {"candidate": 12.0}, -6.0, 0.5))
    assert not m.excluded and m.value["person_score"] > 0.5


@pytest.mark.parametrize("text,phrase,initial,capitalised", [
    ("Pengembangan kebun kopi rakyat dimulai tahun lalu.", "Pengembangan kebun kopi rakyat", True, 0.0),
    ("Warga senang. Pelatihan Tata Boga itu ramai.", "Pelatihan Tata Boga", True, 2 / 3),
    ("Kata dia: “Bantuan bibit lele datang pekan lalu.”", "Bantuan bibit lele", True, 0.0),
    ("Menurut dia, Bantuan bibit lele datang.", "Bantuan bibit lele", False, 1 / 3),
    ("Dinas menggelar Pelatihan Tata Boga di aula.", "Pelatihan Tata Boga", False, 1.0),
])
def test_a_description_owes_its_first_capital_to_the_sentence_not_to_a_name(text, phrase, initial, capitalised):
    from pipeline.decide.features import _capitalised, _sentence_start

    start = text.index(phrase)
    assert _sentence_start(text, start) is initial
    assert _capitalised(phrase, initial) == pytest.approx(capitalised)


def test_a_generic_phrase_is_told_from_a_name_by_its_cue_words_and_its_own_words():
    """A phrase of programme cue words only ("pemberdayaan masyarakat") describes any programme; a name has words
    of its own, and those are what it shares with the headline; a headline fragment that is a person's name or
    a sum of money is said so."""
    from types import SimpleNamespace

    from pipeline.decide.features import Evidence, name_candidates
    from pipeline.types import Mention

    text = ("Warga Sukamekar Ikuti Pelatihan Kopi Lestari\n\nPemerintah desa menggelar pemberdayaan masyarakat "
            "lewat program Kopi Lestari bersama Budi Santoso dengan dana di bawah Rp5 juta.")

    def at(phrase: str, pattern: str) -> Mention:
        s = text.index(phrase, 40)
        return Mention("programme", phrase, s, s + len(phrase), "x", {"name": phrase, "pattern": pattern})

    generic, name = at("pemberdayaan masyarakat", "description"), at("Kopi Lestari", "program-name")
    person, money = at("Budi Santoso", "title_run"), at("di bawah Rp5 juta", "title_run")
    hits = [(text.index(w, 40), 1.0) for w in ("pemberdayaan", "masyarakat", "program")]
    facts = SimpleNamespace(name_candidates=[generic, name, person, money], name_mention=name, cue_hits=hits)
    people = [Mention("person", "Budi Santoso", person.start, person.end, "x", {"name": "Budi Santoso"})]
    ev = Evidence(Article("a", "a.txt", text, {"title": text.split("\n")[0]}), (0, 45), None, facts, [], people,
                  [], [], [])
    f = {m.value["name"]: feats for m, feats in name_candidates(ev)}
    assert f["pemberdayaan masyarakat"]["only_cue_words"] == 1.0 and f["pemberdayaan masyarakat"]["own_words"] == 0
    assert f["Kopi Lestari"]["cue_share"] == 0.0 and f["Kopi Lestari"]["own_title_overlap"] == 1.0
    assert f["Budi Santoso"]["person_words"] == 1.0 and f["Kopi Lestari"]["person_words"] == 0.0
    assert f["di bawah Rp5 juta"]["money"] == 1.0 and f["Kopi Lestari"]["money"] == 0.0


def test_recorded_samples_are_reused_only_while_code_rules_and_gold_are_unchanged(tmp_path):
    """The features are computed while recording: a reused recording from before a change to features.py, a rule
    file or the gold would train on stale features without a word, so it is recorded again."""
    from dataclasses import asdict

    from pipeline.decide.learn import Sample, load_samples, recording_key

    rules = tmp_path / "rules"
    _write(rules, "programme_cues.jsonl", {"id": "c", "text": "pelatihan", "weight": 1})
    gold = tmp_path / "gold"
    gold.mkdir()
    key = recording_key([str(rules)], None, gold)
    path = tmp_path / "samples.json"
    path.write_text(json.dumps({"key": key, "samples": [asdict(Sample("a1", True, {"x": 1.0}, True))]}),
                    encoding="utf-8")
    assert [s.article_id for s in load_samples(path, key)] == ["a1"]
    _write(rules, "programme_cues.jsonl", {"id": "c", "text": "pelatihan", "weight": 2})
    assert recording_key([str(rules)], None, gold) != key
    assert load_samples(path, recording_key([str(rules)], None, gold)) is None
    path.write_text(json.dumps([asdict(Sample("a1", True, {}, True))]), encoding="utf-8")  # the format without a key
    assert load_samples(path, key) is None
    assert load_samples(tmp_path / "none.json", key) is None
