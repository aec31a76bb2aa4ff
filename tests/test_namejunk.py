"""Rulers' titles, posts and peoples that read as names (kg/namejunk.py), and where names
of unknown bodies and areas start and end (kg/spancuts.py), on texts written here."""

from __future__ import annotations

from conftest import mention

from kg.areacuts import split_area_of
from kg.namejunk import court_title, people_before_members, post_field, post_name, seat_cue, title_seats
from kg.nametype import junk_reason, local_decisions
from kg.spancuts import compound_names, join_body_and
from kg.types import Mention


def test_the_place_after_a_rulers_title_is_a_place():
    text = "The Sultan of Warimbe and the Emir of Zangoro met the Sarkin Yamma of Bakalori."
    for name in ("Warimbe", "Zangoro", "Bakalori"):
        assert seat_cue(text, text.index(name))
    ms = [mention(text, "Warimbe", "ORG"), mention(text, "Zangoro", "PERSON")]
    ds = local_decisions(ms, text)
    assert [ds[id(m)].type for m in ms] == ["Place", "Place"]
    assert not seat_cue("The Minister of Defence spoke.", len("The Minister of "))
    assert not seat_cue("said Dan Kolo of Varania Radio.", len("said Dan Kolo of "))
    assert seat_cue("the Paramount Chief of Kovri said", len("the Paramount Chief of "))


def test_a_span_of_title_and_seat_is_the_seat_and_a_court_title_is_no_name():
    text = "The Emir of Zangoro spoke, and the Sarkin Kudu wept beside King Abdulla of Verania."
    ms = [mention(text, "The Emir of Zangoro", "PERSON"), mention(text, "the Sarkin Kudu", "PERSON"), mention(text, "King Abdulla of Verania", "PERSON")]
    got = [(m.text, m.label) for m in title_seats(ms, text)]
    assert got == [("Zangoro", "GPE"), ("King Abdulla of Verania", "PERSON")]
    held = "The President of Verania Ada Roe and the Governor of Keffa State spoke."
    ms = [mention(held, "President of Verania Ada Roe", "PERSON"), mention(held, "Governor of Keffa State", "ORG")]
    assert [m.text for m in title_seats(ms, held)] == ["President of Verania Ada Roe", "Keffa State"]
    assert court_title("Sarkin Fulani") and not court_title("Waziri") and not court_title("Dan Kalu") and not court_title("Sarkin")


def test_posts_are_no_names_but_bodies_are():
    for post in ("Chief of Army Staff", "Inspector General of Police", "Police Commissioner", "Deputy Governor", "Director General"):
        assert post_name(post), post
    for body in ("Joint Chiefs of Staff", "General Staff", "Office of the Inspector General", "Major General", "Governor of Keffa State", "National Security Council"):
        assert not post_name(body), body
    text = "The Chief of Army Staff visited Dorvani."
    assert junk_reason(mention(text, "Chief of Army Staff", "ORG"), text) is not None


def test_a_people_before_its_members_noun_is_no_entity():
    text = "Tolbe herders and Karandi nomads clashed with ethnic Vesu youths near Kerbalo villagers, and the Yusufle clan fled."
    for name in ("Tolbe", "Karandi", "Vesu", "Yusufle"):
        assert people_before_members(mention(text, name, "ORG"), text), name
    assert not people_before_members(mention(text, "Kerbalo", "GPE"), text)
    pair = "The Gurvi and Tolbe families fled, and Kerbalo elders met the Kalli family."
    assert people_before_members(mention(pair, "Gurvi", "ORG"), pair) and people_before_members(mention(pair, "Tolbe", "ORG"), pair)
    assert not people_before_members(mention(pair, "Kerbalo", "GPE"), pair) and not people_before_members(mention(pair, "Kalli", "PERSON"), pair)
    known = Mention(0, 5, "Tolbe", "KB|ORG", "kb")
    assert not people_before_members(known, text)
    indigenous = "The Vesu indigenous people and the Tolbe ethnic community asked for help."
    assert people_before_members(mention(indigenous, "Vesu", "ORG"), indigenous) and people_before_members(mention(indigenous, "Tolbe", "ORG"), indigenous)
    confed = "The Hashim and Valmi tribal confederations backed them."
    assert people_before_members(mention(confed, "Hashim", "PERSON"), confed) and people_before_members(mention(confed, "Valmi", "ORG"), confed)
    tribal = "in the tribal Kurvi district"
    assert not people_before_members(mention(tribal, "Kurvi district", "GPE"), tribal)


def test_an_izafat_compound_is_one_name_typed_by_its_words():
    text = "Sipah-e-Rahim and Tehreek-e-Naveed Pakistan marched to Bagh-e-Noor, where Ahl al-Karam wal-Noor spoke."
    ms = [mention(text, "Rahim", "GPE"), mention(text, "Pakistan", "KB|GPE", source="kb"), mention(text, "Bagh", "ORG"), mention(text, "Ahl al-Karam", "PERSON"), mention(text, "Noor", "ORG", nth=1)]
    got = [(m.text, m.label) for m in compound_names(ms, text, lambda n: n == "Pakistan")]
    assert got == [("Sipah-e-Rahim", "ORG"), ("Tehreek-e-Naveed Pakistan", "ORG"), ("Bagh-e-Noor", "GPE"), ("Ahl al-Karam wal-Noor", "ORG")]
    person = "Police held Abu Karim al-Zein on Monday."
    m = mention(person, "Abu Karim al-Zein", "PERSON")
    assert compound_names([m], person, lambda n: False) == [m]


def test_a_formal_bodys_name_runs_on_over_and():
    text = "The Ministry for Relief and Disaster Response said the Ministry of Defence and the Navy Command agreed."
    ms = [mention(text, "Ministry for Relief", "ORG"), mention(text, "Disaster Response", "ORG"), mention(text, "Ministry of Defence", "ORG"), mention(text, "Navy Command", "ORG")]
    got = [m.text for m in join_body_and(ms, text, lambda n: False)]
    assert got == ["Ministry for Relief and Disaster Response", "Ministry of Defence", "Navy Command"]
    assert [m.text for m in join_body_and(ms[:2], text, lambda n: n == "Disaster Response")] == ["Ministry for Relief", "Disaster Response"]


def test_an_area_of_a_state_is_two_places():
    text = "Gunmen struck Dovani Local Government Area of Keffa State at dawn."
    parts = split_area_of([mention(text, "Dovani Local Government Area of Keffa State", "ORG")])
    assert [(m.text, m.label) for m in parts] == [("Dovani Local Government Area", "GPE"), ("Keffa State", "GPE")]
    assert all(text[m.start : m.end] == m.text for m in parts)


def test_capitalised_area_words_make_a_place():
    text = "Bandits left Tofa LGA for Tessit Commune and Tera Department; the Fire Department came."
    ms = [mention(text, "Tofa LGA", "PERSON"), mention(text, "Tessit Commune", "ORG"), mention(text, "Tera Department", "ORG"), mention(text, "Fire Department", "ORG")]
    ds = local_decisions(ms, text)
    assert [ds[id(m)].type for m in ms] == ["Place", "Place", "Place", "Organization"]


def test_names_joined_by_a_slash_are_each_a_name():
    from kg.spancuts import split_slashed

    text = "Gunmen attacked Lopa/Drodro village and the Tessit / Intahaka road, M/V Kora said."
    ms = [mention(text, "Lopa/Drodro", "ORG"), mention(text, "Tessit / Intahaka", "GPE")]
    got = split_slashed(ms, lambda n: False)
    assert [(m.text, m.label) for m in got] == [("Lopa", "ORG"), ("Drodro", "ORG"), ("Tessit", "GPE"), ("Intahaka", "GPE")]
    assert all(text[m.start : m.end] == m.text for m in got)
    assert split_slashed(ms[:1], lambda n: n == "Lopa/Drodro") == ms[:1]


def test_an_unlabelled_name_before_an_areas_capitalised_word_is_a_place():
    from kg.areacuts import area_headed_names
    from kg.placecues import department_area

    text = "Troops left Tera Department for Tessit Commune; the Fire Department and the Urban Commune said."
    got = [m.text for m in area_headed_names(text, [], department_area)]
    assert got == ["Tera Department", "Tessit Commune"]
    assert area_headed_names(text, [mention(text, "Tessit", "GPE")], department_area)[1:] == []


def test_the_fields_of_a_post_named_before_them_are_no_bodies():
    text = "Kovri's Commissioner for Rural Security and Local Affairs, Tanko Bello, gave the toll, as did the Minister of Information."
    assert post_field(mention(text, "Rural Security", "ORG"), text)
    assert post_field(mention(text, "Local Affairs", "ORG"), text)
    assert post_field(mention(text, "Information", "ORG"), text)
    assert not post_field(mention(text, "Tanko Bello", "PERSON"), text)  # the holder is a person
    # A field's words without the post before them may be a body's name.
    text = "Home Affairs said the border would open."
    assert not post_field(mention(text, "Home Affairs", "ORG"), text)
