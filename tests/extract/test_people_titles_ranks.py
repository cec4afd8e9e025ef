"""People and their positions on unseen news (second round): a rank's service between the rank and the name, the
clause's own words after a nickname in brackets, a position filling its brackets, a theology degree before
"selaku". Invented sentences."""
from people_helpers import body_by_name, ner_first, people_of, shared_extractor


def _people(text, **kw):
    return body_by_name(people_of(shared_extractor(), text, **kw))


def test_rank_with_its_service_before_the_name():
    got = _people("Panglima Satgas Merapi, Mayor Jenderal TNI Bambang Sutrisno, menyampaikan duka cita.")
    assert got["Bambang Sutrisno"]["title"] == "Panglima Satgas Merapi"
    got = _people("Dandim Sukamaju Kolonel Inf Rudi Hartono meninjau lokasi banjir.")
    assert got["Rudi Hartono"]["title"] == "Dandim Sukamaju"
    got = _people("Kapolda Sukamaju Irjen Pol. Andi Wijaya mengatakan kegiatan berjalan lancar.")
    assert got["Andi Wijaya"]["title"] == "Kapolda Sukamaju"


def test_service_word_alone_is_no_name():
    assert _people("Ribuan anggota TNI Angkatan Darat hadir di lapangan.") == {}


def test_lowercase_words_after_nickname_in_brackets():
    got = _people("Sebelumnya Menteri Koordinator Bidang Pangan Budi Santosa (Busan) optimistis koperasi akan maju.")
    assert got["Budi Santosa"]["title"] == "Menteri Koordinator Bidang Pangan"
    assert "Busan" not in got


def test_position_fills_its_brackets():
    text = ("Kegiatan itu dibuka oleh Rudi Hartono (Ketua Panitia) dan Andi Wijaya (pelatih tari tradisional "
            "asal Bali yang ramah).")
    got = _people(text, ner_spans=ner_first(text, "Rudi Hartono", "Andi Wijaya"))
    assert got["Rudi Hartono"]["title"] == "Ketua Panitia"
    assert got["Andi Wijaya"]["title"] == "pelatih tari tradisional asal Bali yang ramah"


def test_theology_degree_before_selaku():
    got = _people("Pdt. Yosua Manopo, S.Si.Teol, selaku gembala jemaat GPIB Sukamaju, menyampaikan terima kasih.")
    assert got["Yosua Manopo"]["title"] == "gembala jemaat GPIB Sukamaju"


def test_position_ends_with_the_name_and_its_other_name_in_brackets():
    got = _people("Sebelumnya Menteri Koordinator (Menko) Bidang Pangan Budi Santosa (Busan) optimistis Kopdes "
                  "Sukamaju akan menjadi penggerak. Busan mengatakan koperasi penting.")
    assert got["Budi Santosa"]["title"] == "Menteri Koordinator (Menko) Bidang Pangan"
    assert "Kopdes Sukamaju" not in got


def test_ranked_name_ends_the_run_before_a_list_of_guests():
    text = ("Kegiatan itu dihadiri sejumlah pejabat utama Polda Sukamaju, Kapolres Sukaraja AKBP Andi Wijaya, "
            "Budi Santosa, Ustaz Rudi Hartono, para bupati, dan unsur TNI.")
    got = _people(text, ner_spans=ner_first(text, "Andi Wijaya", "Budi Santosa", "Rudi Hartono"))
    assert got["Andi Wijaya"]["title"] == "Kapolres Sukaraja"
    assert not got.get("Budi Santosa", {}).get("title")  # one guest more, with no position of his own



def test_counted_people_named_after_an_introducing_word_hold_the_position():
    text = ("Acara itu dihadiri 3 penari Sanggar Sukamaju, yakni Andi Wijaya, Budi Santosa, dan Joko Susilo, "
            "di GOR Sukaraja.")
    got = _people(text, ner_spans=ner_first(text, "Andi Wijaya", "Budi Santosa", "Joko Susilo"))
    assert {p["title"] for p in got.values()} == {"penari Sanggar Sukamaju"}
    assert _people("Acara itu dihadiri 35 pelaku usaha kopi Sukamaju di balai desa.") == {}


def test_players_and_a_co_founder_written_apart():
    text = ("Hadir pula lima pemain Liga Bola Basket (LBB) dari tim Garuda Muda, yakni Andi Wijaya, Budi Santosa, "
            "dan Joko Susilo, di GOR Sukaraja.")
    got = _people(text, ner_spans=ner_first(text, "Andi Wijaya", "Budi Santosa", "Joko Susilo"))
    assert got["Joko Susilo"]["title"] == "pemain Liga Bola Basket (LBB) dari tim Garuda Muda"
    text = "Klub itu didirikan oleh Andi Wijaya selaku Founder dan juga Budi Santosa (Co Founder)."
    got = _people(text, ner_spans=ner_first(text, "Andi Wijaya", "Budi Santosa"))
    assert got["Budi Santosa"]["title"] == "Co Founder"


def test_position_after_a_name_stops_before_the_next_persons_position():
    text = ("Peserta antara lain perwakilan guru SDN 3 Sukamaju, Wahyudi, sebagai pemain angklung, perwakilan guru "
            "SMKN 1 Sukaraja Andi Wijaya sebagai pemain kecapi.")
    got = _people(text, ner_spans=ner_first(text, "Andi Wijaya"))
    assert "Andi Wijaya" not in got["Wahyudi"]["title"]


def test_retired_mark_after_a_rank_is_no_part_of_the_name():
    from pipeline.extract.people import evidence
    from pipeline.extract.people.tokens import Doc

    for text, first in (("Di antaranya adalah Iptu (Purn) Budi Santoso yang sedang sakit.", 3),
                        ("Hadir pula Jenderal TNI (Purn.) Andi Wijaya dalam acara itu.", 2)):
        doc = Doc(text, shared_extractor().lex, [], [])
        evidence.collect(doc)
        nm = doc.parse_name(first)
        assert nm.honorific and doc.span_text(nm.a, nm.b) in {"Budi Santoso", "Andi Wijaya"}
