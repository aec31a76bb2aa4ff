"""Areas, branches and lists of conflicts the knowledge base does not know (kg/spancuts.py,
kg/listplaces.py, kg/namejunk.py), on texts written here."""

from __future__ import annotations

from conftest import mention

from kg.mentions import given_names_back
from kg.namejunk import namejunk_reason, seat_cue, title_seats
from kg.nametype import local_decisions
from kg.spancuts import admin_division, area_pairs, branch_names, country_republics, cut_plural_area_head, road_end_names, split_road_ends


def _types(text, spec):
    ms = [mention(text, s, label) for s, label in spec]
    ds = local_decisions(ms, text)
    return [ds[id(m)].type for m in ms]


def test_a_list_of_one_word_names_the_model_types_apart_is_of_places():
    text = "They burned Kovri, then moved on to Tesso, Valmi, and Dunra, where they stayed."
    assert _types(text, [("Tesso", "PERSON"), ("Valmi", "PERSON"), ("Dunra", "ORG")]) == ["Place", "Place", "Place"]
    same = "Police named Tesso, Valmi and Dunra as suspects."
    assert _types(same, [("Tesso", "PERSON"), ("Valmi", "PERSON"), ("Dunra", "PERSON")]) == ["Person", "Person", "Person"]


def test_words_around_a_name_that_make_it_a_place():
    text = "The raiders tried to invade Kovri at dawn. Aid reached Tesso, a neighbouring town close to Valmi. The head of the Dunra area said rebels want a state they call Ferania."
    got = _types(text, [("Kovri", "PERSON"), ("Tesso", "ORG"), ("Dunra", "ORG"), ("Ferania", "PERSON")])
    assert got == ["Place", "Place", "Place", "Place"]


def test_an_areas_post_names_its_seat_but_not_a_field_or_a_body():
    text = "Jean Kolo, Prefect of Varembe, spoke; the Governor of the Central Bank did not."
    assert seat_cue(text, text.index("Varembe"), text.index("Varembe") + 7)
    bank = text.index("Central Bank")
    assert not seat_cue(text, bank, bank + len("Central Bank"))
    got = [(m.text, m.label) for m in title_seats([mention(text, "Prefect of Varembe", "ORG"), mention(text, "Governor of the Central Bank", "ORG")], text)]
    assert got == [("Varembe", "GPE"), ("Governor of the Central Bank", "ORG")]


def test_a_things_name_after_a_is_no_person_and_a_count_opens_no_name():
    text = "Gunmen attacked a Land Cruiser, and Sergeant Tolu Ade fled."
    assert namejunk_reason(mention(text, "Land Cruiser", "PERSON"), text) is not None
    assert namejunk_reason(mention(text, "Tolu Ade", "PERSON"), text) is None
    count = "The toll rose. Seventeen Varanian soldiers died."
    grown = given_names_back([mention(count, "Varanian", "PERSON")], count)
    assert [m.text for m in grown] == ["Varanian"]


def test_an_armed_groups_branch_in_a_region_is_one_name():
    text = "Al-Nasr in the Islamic Sahel claimed it; Al-Nasr in the Gaza Strip denied it."
    ms = [mention(text, "Al-Nasr", "KB|ORG", source="kb"), mention(text, "Sahel", "KB", source="kb"), mention(text, "Al-Nasr", "KB|ORG", 1, "kb"), mention(text, "Gaza Strip", "KB", source="kb")]
    got = [m.text for m in branch_names(ms, text, lambda m: m.text == "Al-Nasr", lambda n: n in ("Gaza Strip", "Sahel"), {"Region"})]
    assert got == ["Al-Nasr in the Islamic Sahel", "Al-Nasr", "Gaza Strip"]


def test_the_two_ends_of_a_road_are_places():
    text = "The ambush on the Kovri-Tesso road killed nine; the Dunra-Valmi road was shut."
    got = split_road_ends([mention(text, "Kovri-Tesso road", "FAC")], text, lambda n: False)
    assert [(m.text, m.label) for m in got] == [("Kovri", "GPE"), ("Tesso", "GPE")]
    assert [m.text for m in road_end_names(text, got, lambda n: False)] == ["Dunra", "Valmi"]


def test_a_countrys_republic_is_the_country():
    text = "The Varania Republic said so; the Central African Republic agreed."
    ms = [mention(text, "Varania Republic", "ORG"), mention(text, "Central African Republic", "GPE")]
    got = country_republics(ms, lambda n: n == "Varania", lambda n: n == "Central African Republic")
    assert [m.text for m in got] == ["Varania", "Central African Republic"]


def test_divisions_and_departments_that_are_areas():
    assert admin_division("Mayo Kani Division") and admin_division("Tera Department")
    for unit in ("Imam Karim Division", "7th Division", "Infantry Division", "Criminal Investigation Division", "Fire Department", "The Division"):
        assert not admin_division(unit), unit
    text = "Fighting hit the Kovri, Mayo Kani and Mayo Rey Divisions."
    ms = [mention(text, "Kovri", "PERSON"), mention(text, "Mayo Kani", "PERSON"), mention(text, "Mayo Rey Divisions", "ORG")]
    assert [(m.text, m.label) for m in cut_plural_area_head(ms, text)] == [("Kovri", "GPE"), ("Mayo Kani", "GPE"), ("Mayo Rey", "GPE")]


def test_two_names_before_one_areas_noun_are_one_area():
    text = "Waza lies in the Kovri and Tesso division. Troops patrol Kovri and Tesso daily, and the Dunra and Valmi districts."
    ms = [mention(text, "Kovri", "ORG"), mention(text, "Tesso division", "GPE"), mention(text, "Kovri", "ORG", 1), mention(text, "Tesso", "PERSON", 1)]
    got = [m.text for m in area_pairs(ms, text, lambda n: False)]
    assert got == ["Kovri and Tesso", "Kovri and Tesso"]
    assert area_pairs(ms, text, lambda n: n == "Kovri") == ms
