"""What the detection and name models read beyond the cue words: genre words (rules/programme_genres.jsonl),
a concrete activity with its participants, the setting (villages, days, roles), the kind of activity a proposed
name starts with, and the description phrases the name model chooses among. Every text is invented."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.decide import features
from pipeline.decide.features import Evidence
from pipeline.extract.programme import ProgrammeExtractor
from pipeline.rules import RuleError, load_rules
from pipeline.types import Article, Mention


@pytest.fixture(scope="module")
def px(rules) -> ProgrammeExtractor:
    return ProgrammeExtractor(rules)


def evidence(px, text: str, title_end: int | None = None, counts=(), places=(), dates=(), orgs=()) -> Evidence:
    title = (0, title_end) if title_end is not None else None
    facts = px(text, [], (), title)
    return Evidence(Article("t", "t.txt", text, {}), title, None, facts, list(orgs), [], list(places), list(dates),
                    list(counts))


def count(text: str, phrase: str, n: int, cls: str = "person") -> Mention:
    s = text.index(phrase)
    return Mention("count", phrase, s, s + len(phrase), "rule:test", {"count": n, "cls": cls})


# -- genre words --------------------------------------------------------------------------------------------------

FACT_CHECK = ("Cek Fakta: Pesan Berantai soal Bantuan Modal Rp 10 Juta\n\n"
              "Sebuah pesan berantai menyebut warga bisa mendaftar bantuan modal usaha lewat sebuah tautan. "
              "Hasil penelusuran menunjukkan informasi itu hoaks dan tidak benar.")
TRAINING = ("Dinas Koperasi Gelar Pelatihan Menjahit di Desa Sukarame\n\n"
            "Dinas Koperasi menggelar pelatihan menjahit bagi 30 ibu rumah tangga di Desa Sukarame, Kecamatan "
            "Cibeber, Senin (3/2/2025). Pelatihan itu diikuti 30 peserta dari tiga dusun.")


def test_genre_words_are_found_with_every_start(px):
    f = px(FACT_CHECK, [], (), (0, FACT_CHECK.index("\n")))
    found = {(m.value["genre"], m.text.casefold()): m.value["starts"] for m in f.genres}
    assert found[("factcheck", "cek fakta")] == [0]
    assert found[("factcheck", "hoaks")] == [FACT_CHECK.index("hoaks")]
    assert ("factcheck", "tidak benar") in found
    assert all(m.label == "genre" and m.source.startswith("rule:programme_genres.jsonl:") for m in f.genres)


def test_a_title_only_genre_word_counts_only_in_the_headline(px):
    text = "Begini Cara Daftar Bantuan Modal\n\nWarga diminta menyimak cara daftar di kantor desa, begini kata lurah."
    f = px(text, [], (), (0, text.index("\n")))
    starts = [s for m in f.genres if m.value["genre"] == "explainer" for s in m.value["starts"]]
    assert starts and all(s < text.index("\n") for s in starts)
    # no headline found: the first characters stand in for it
    body = "Kata lurah, warga bisa datang ke kantor desa. " * 5 + "Begini caranya."
    assert not [m for m in px(body, [], (), None).genres if m.value["genre"] == "explainer"]


def test_genres_do_not_move_the_rules_own_score(tmp_path):
    shipped = Path(__file__).resolve().parents[1] / "rules"
    (tmp_path / "cues").mkdir()
    (tmp_path / "cues" / "programme_cues.jsonl").write_bytes((shipped / "programme_cues.jsonl").read_bytes())
    plain = ProgrammeExtractor(load_rules([tmp_path / "cues"]))
    (tmp_path / "both").mkdir()
    for name in ("programme_cues.jsonl", "programme_genres.jsonl"):
        (tmp_path / "both" / name).write_bytes((shipped / name).read_bytes())
    with_genres = ProgrammeExtractor(load_rules([tmp_path / "both"]))
    assert with_genres(FACT_CHECK, []).genres and not plain(FACT_CHECK, []).genres
    assert with_genres(FACT_CHECK, []).score == plain(FACT_CHECK, []).score


def test_an_unknown_genre_is_refused(tmp_path):
    (tmp_path / "programme_genres.jsonl").write_text(
        json.dumps({"id": "x", "text": "gosip", "genre": "hiburan"}) + "\n", encoding="utf-8")
    with pytest.raises(RuleError, match="hiburan"):
        load_rules([tmp_path])


def test_cue_hits_hold_every_occurrence(px):
    text = "Pelatihan hari pertama selesai. Pelatihan hari kedua dimulai. Ada pula pendampingan."
    f = px(text, [])
    assert [s for s, _ in f.cue_hits if text[s:].casefold().startswith("pelatihan")] == [0, text.index("Pelatihan h", 5)]
    assert f.cue_hits == sorted(f.cue_hits)


# -- detection features -------------------------------------------------------------------------------------------

def test_genre_features_say_where_a_genre_occurs(px):
    feats = features.detection(evidence(px, FACT_CHECK, FACT_CHECK.index("\n")))
    assert feats["genre_title:factcheck"] == 1.0
    assert feats["genre_lead:factcheck"] > 0 and feats["genre:factcheck"] >= feats["genre_lead:factcheck"]
    assert "genre_title:activity" not in feats


def test_a_concrete_activity_with_participants_near_the_top(px):
    counts = [count(TRAINING, "30 peserta", 30)]
    feats = features.detection(evidence(px, TRAINING, TRAINING.index("\n"), counts=counts))
    assert feats["activity_sentences"] > 0 and feats["activity_sentences_counted"] > 0
    assert feats["activity_in_lead"] == 1.0 and feats["cue_on_top"] == 1.0
    assert feats["first_cue_depth"] < 0.2


def test_a_cue_only_deep_in_a_policy_story_is_no_activity(px):
    text = ("Menteri Sebut Anggaran Bansos Naik 10 Persen\n\n"
            + "Menteri menyampaikan kebijakan anggaran nasional di depan DPR dan menilai angka itu wajar. " * 8
            + "Sebagian dana juga dipakai untuk pelatihan.")
    feats = features.detection(evidence(px, text, text.index("\n")))
    assert feats["activity_sentences"] == 0 and feats["activity_in_lead"] == 0.0
    assert feats["cue_on_top"] == 0.0 and feats["first_cue_depth"] > 0.9
    assert feats["genre:policy"] > 0 and feats["genre:statistics"] > 0 and feats["genre:opinion"] > 0


def test_setting_features_count_villages_days_and_roles(px):
    s = TRAINING.index("Desa Sukarame")
    places = [Mention("place", "Desa Sukarame", s, s + 13, "rule:test", {"level": "desa"}, label="desa")]
    d = TRAINING.index("Senin")
    dates = [Mention("date", "Senin (3/2/2025)", d, d + 16, "rule:test", {"start": "2025-02-03", "granularity": "day"})]
    orgs = [Mention("org", "Dinas Koperasi", 0, 14, "rule:test", {"role": "organizer", "kind": "government"})]
    feats = features.detection(evidence(px, TRAINING, TRAINING.index("\n"), places=places, dates=dates, orgs=orgs))
    assert feats["n_local_places"] > 0 and feats["n_regency_places"] == 0
    assert feats["n_day_dates"] > 0 and feats["day_date_in_lead"] == 1.0
    assert feats["org_role:organizer"] == 1.0


# -- the names proposed, and what the name model reads -----------------------------------------------------------

@pytest.mark.parametrize("text, phrase", [
    # a head word added for what annotators call programmes: forming groups, repairs, launches...
    ("Dinas Pariwisata mendorong pembentukan kelompok sadar wisata di tiap desa.", "pembentukan kelompok sadar wisata"),
    ("Pemkab menganggarkan perbaikan rumah tidak layak huni tahun ini.", "perbaikan rumah tidak layak huni"),
    # lower-case 'program X' is a description when X says something
    ("Warga menyambut program bedah rumah warga miskin dengan gembira.", "program bedah rumah warga miskin"),
    # a passive verb or 'yaitu' ends the phrase
    ("Pelatihan menjahit busana dimulai pukul delapan pagi.", "Pelatihan menjahit busana"),
    ("Mereka menerima bantuan sosial yaitu beras sepuluh kilogram.", "bantuan sosial"),
    # cut by the length limit on a connector: the connector goes
    ("Ibu-ibu ikut pelatihan membuat kue kering bolu pandan dan keju.", "pelatihan membuat kue kering bolu pandan"),
])
def test_description_phrases(px, text, phrase):
    names = [m.value["name"] for m in px(text, []).name_candidates if m.value["pattern"] == "description"]
    assert names[0] == phrase


@pytest.mark.parametrize("text", [
    "Perusahaan menjalankan program CSR di desa itu.",
    "Pemerintah memperluas program pemberdayaan UMKM.",
])
def test_program_followed_only_by_cue_words_is_no_description(px, text):
    assert not [m for m in px(text, []).name_candidates if m.value["name"].casefold().startswith("program")]


def test_program_name_after_a_lower_case_modifier(px):
    f = px("Desa itu ikut program nasional Koperasi Desa Maju sejak Maret.", [])
    assert f.name == "Koperasi Desa Maju"


def test_each_proposed_name_carries_the_kind_of_activity_it_starts_with(px):
    text = "Bimbingan Teknis Budidaya Lele digelar di balai desa. Peserta juga ikut pelatihan pemasaran daring."
    heads = {m.value["name"]: m.value["head"] for m in px(text, []).name_candidates}
    assert heads["Bimbingan Teknis Budidaya Lele"] == "bimbingan teknis"
    assert heads["pelatihan pemasaran daring"] == "pelatihan"
    text = "Perusahaan itu meluncurkan Sahabat Nelayan Nusantara bagi warga pesisir."
    assert {m.value["head"] for m in px(text, []).name_candidates} == {""}


def test_the_name_model_reads_the_kind_of_activity_not_the_first_word(px):
    text = "Kelompok tani ikut Sekolah Lapang Kakao. Bank Sentosa lalu memberi pelatihan pembukuan sederhana."
    ev = evidence(px, text)
    heads = {m.value["name"]: {k for k in f if k.startswith("head:")} for m, f in features.name_candidates(ev)}
    assert heads["pelatihan pembukuan sederhana"] == {"head:pelatihan"}
    assert all(h <= {"head:pelatihan", "head:other"} for h in heads.values())


def test_only_a_short_headline_is_proposed_whole(px):
    short = "Warga Sukarame Belajar Membatik\n\nWarga belajar membatik di balai desa."
    assert "Warga Sukarame Belajar Membatik" in [m.value["name"] for m in px(short, [], (), (0, 31)).name_candidates]
    long = ("Ratusan Warga Tiga Kecamatan di Pesisir Selatan Antusias Ikut Belajar Membatik Bersama\n\n"
            "Warga belajar membatik.")
    end = long.index("\n")
    assert not [m for m in px(long, [], (), (0, end)).name_candidates if m.value["pattern"] == "title"]
