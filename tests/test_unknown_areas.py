"""Areas, branches and lists of conflicts the knowledge base does not know (kg/spancuts.py,
kg/areacuts.py, kg/namejunk.py), on texts written here."""

from __future__ import annotations

from conftest import mention

from kg.areacuts import admin_division, area_pairs, country_republics, cut_plural_area_head, road_end_names, split_road_ends
from kg.mentions import given_names_back
from kg.namejunk import namejunk_reason, seat_cue, title_seats
from kg.nametype import local_decisions
from kg.spancuts import branch_names


def _types(text, spec):
    ms = [mention(text, s, label) for s, label in spec]
    ds = local_decisions(ms, text)
    return [ds[id(m)].type for m in ms]


def test_a_list_of_one_word_names_the_model_types_apart_is_of_places():
    text = "They burned Kovri, then moved on to Tesso, Valmi, and Dunra, where they stayed."
    assert _types(text, [("Tesso", "PERSON"), ("Valmi", "PERSON"), ("Dunra", "ORG")]) == ["Place", "Place", "Place"]
    leaders = "Kovra, Tesh and Dunmo did not attend the summit."
    assert _types(leaders, [("Kovra", "PERSON"), ("Tesh", "PERSON"), ("Dunmo", "GPE")])[:2] == ["Person", "Person"]
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
    text = "Gunmen burned a Kovri Hauler, and Sergeant Tolu Ade fled."
    assert namejunk_reason(mention(text, "Kovri Hauler", "PERSON"), text) is not None
    assert namejunk_reason(mention(text, "Tolu Ade", "PERSON"), text) is None
    count = "The toll rose. Twelve Varanian soldiers died."
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
    assert admin_division("Tolo Kani Division") and admin_division("Tera Department")
    for unit in ("Imam Karim Division", "7th Division", "Infantry Division", "Criminal Investigation Division", "Fire Department", "The Division"):
        assert not admin_division(unit), unit
    text = "Fighting hit the Kovri, Tolo Kani and Tolo Rey Divisions."
    ms = [mention(text, "Kovri", "PERSON"), mention(text, "Tolo Kani", "PERSON"), mention(text, "Tolo Rey Divisions", "ORG")]
    assert [(m.text, m.label) for m in cut_plural_area_head(ms, text)] == [("Kovri", "GPE"), ("Tolo Kani", "GPE"), ("Tolo Rey", "GPE")]


def test_two_names_before_one_areas_noun_are_one_area():
    text = "Dunra lies in the Kovri and Tesso division. Troops patrol Kovri and Tesso daily, and the Dunra and Valmi districts."
    ms = [mention(text, "Kovri", "ORG"), mention(text, "Tesso division", "GPE"), mention(text, "Kovri", "ORG", 1), mention(text, "Tesso", "PERSON", 1)]
    got = [m.text for m in area_pairs(ms, text, lambda n: False)]
    assert got == ["Kovri and Tesso", "Kovri and Tesso"]
    assert area_pairs(ms, text, lambda n: n == "Kovri") == ms
    # Without "the" (or after "between the") the singular noun is a slip: two districts.
    text = "Raiders crossed from the hills between Kovri and Tesso West district at night."
    ms = [mention(text, "Kovri", "GPE"), mention(text, "Tesso West district", "GPE")]
    assert area_pairs(ms, text, lambda n: False) == ms


def test_a_known_towns_name_of_several_words_after_a_preposition_is_found():
    from kg.areacuts import known_place_runs

    text = "Nine died in Vila do Kovri on Sunday, and more near Vila do Kovri Beach. Rebels came from Tesso Alto."
    got = known_place_runs(text, [], lambda n: n in ("Vila do Kovri", "Tesso Alto"))
    assert [m.text for m in got] == ["Vila do Kovri", "Vila do Kovri", "Tesso Alto"]
    assert known_place_runs(text, got[:1], lambda n: n == "Vila do Kovri")[0].start == got[1].start


def test_the_names_before_a_plural_area_noun_are_areas():
    from kg.areacuts import plural_area_items

    text = "Fighting spread across the Upper-West and Lower-East regions, and through the Kovri, Tesso and Valmi districts. The Dunra districts voted."
    have = [mention(text, "Upper-West", "LOC"), mention(text, "Tesso", "GPE")]
    assert [m.text for m in plural_area_items(text, have)] == ["Lower-East", "Valmi", "Kovri"]


def test_a_source_line_names_an_outlet_whole():
    from kg.spancuts import source_line_outlets

    text = "Troops were deployed.\n\nSource: Kovri Info.Net\n\nSource: Jane Roe on Twitter, as reported by radio"
    got = source_line_outlets(text, [mention(text, "Kovri Info", "PERSON")])
    assert [(m.text, m.label) for m in got] == [("Kovri Info.Net", "ORG")]


def test_a_name_the_article_calls_a_town_keeps_the_towns_sense():
    from kg.kbspans import named_towns, region_senses

    text = "Fighting in Vila do Kovri district. A bus left Vila do Kovri town; Tesso district was calm, as was Tesso."
    towns = named_towns(text)
    names = [("Vila do Kovri district", frozenset(), 0), ("Vila do Kovri", frozenset({"City"}), 40_000), ("Tesso district", frozenset(), 0), ("Tesso", frozenset({"City"}), 30_000)]
    assert region_senses(names, towns) == {3: 2}


def test_a_place_opener_and_a_countrys_name_are_one_town():
    from kg.spans import split_place_runs

    known = {"Jordan": "Country", "Idlib": "City", "Syria": "Country", "Puerto": "City"}

    class C:
        def __init__(self, cls):
            from kg.kb.base import KBEntry

            self.entry = KBEntry("x", "Place", "x", [], [cls])
            self.via_skeleton = False
            self.exact_label = True

    def lookup(name):
        return [C(known[name])] if name in known else []

    text = "Rebels hit Puerto Jordan.\nIdlib Syria"
    got = split_place_runs([mention(text, "Puerto Jordan", "GPE"), mention(text, "Idlib Syria", "GPE")], lookup)
    assert [m.text for m in got] == ["Puerto Jordan", "Idlib", "Syria"]


def test_a_count_before_a_name_counts_a_peoples_members():
    from kg.namejunk import counted_people

    text = "Raiders killed 600 Kovri Tolbe. Later 3,000 Tolbe died, in 2013 Dunra was hit, and 12 Valmi residents fled."
    assert counted_people(mention(text, "Kovri Tolbe", "ORG"), text) and counted_people(mention(text, "Tolbe", "PERSON", 1), text)
    assert not counted_people(mention(text, "Dunra", "GPE"), text)  # "in 2013 Dunra was hit": a year, no count
    assert not counted_people(mention(text, "Valmi", "GPE"), text)


def test_where_one_travels_to_is_a_place():
    text = "The president made a visit a week ago to Tolo Kora, and residents fled to Kovri Alto."
    assert _types(text, [("Tolo Kora", "PERSON"), ("Kovri Alto", "PERSON")]) == ["Place", "Place"]


def test_a_countrys_name_and_an_al_compound_before_channel_is_an_outlet():
    from kg.spancuts import compound_names

    text = "the Varania al-Nour channel reported on Sunday."
    ms = [mention(text, "Varania", "KB|GPE", source="kb"), mention(text, "al-Nour", "ORG")]
    got = compound_names(ms, text, lambda n: n == "Varania")
    assert [(m.text, m.label) for m in got] == [("Varania al-Nour", "ORG")]


def test_a_known_name_opening_with_a_digit_is_kept_and_a_shopping_centre_is_a_site():
    from kg.mentions import clean_mention, cued_names, extend_to_facility
    from kg.types import Mention

    text = "Fighters of the 4K group attacked the Kovri shopping center near the area of Dunra."
    at = text.index("4K")
    assert clean_mention(Mention(at, at + 2, "4K", "KB|ORG", "kb"), text) is not None
    assert clean_mention(Mention(at, at + 2, "4K", "ORG", "ner"), text) is None
    kovri = extend_to_facility(mention(text, "Kovri", "GPE"), text)
    assert kovri.text == "Kovri shopping center"
    assert [m.text for m in cued_names(text, [kovri])] == ["Dunra"]


def test_a_place_cue_reads_the_name_on_its_own_line_only():
    from kg.mentions import cued_names

    text = "A drone struck a farm close to the frontier town of Kovri\n\nOn Monday, two more died."
    assert [m.text for m in cued_names(text, [])] == ["Kovri"]


def test_the_fields_of_a_post_are_no_bodies():
    from kg.namejunk import post_field

    text = "Tesso's Commissioner for Rural Security and Local Affairs, Musa Kalli, spoke. The Rural Security Trust Fund paid."
    assert post_field(mention(text, "Rural Security", "ORG"), text) and post_field(mention(text, "Local Affairs", "ORG"), text)
    assert not post_field(mention(text, "Rural Security", "ORG", 1), text)


def test_a_weekday_in_a_list_of_names_is_a_given_name():
    from kg.spancuts import weekday_given_names

    text = "The dead were Zainab Musa, Sunday Tanko and Zara Ali. On Sunday Tanko's brother spoke."
    ms = [mention(text, "Zainab Musa", "PERSON"), mention(text, "Sunday", "DATE"), mention(text, "Tanko", "PERSON"), mention(text, "Zara Ali", "PERSON"), mention(text, "Sunday", "DATE", 1), mention(text, "Tanko", "PERSON", 1)]
    got = [(m.text, m.label) for m in weekday_given_names(ms, text)]
    assert got == [("Zainab Musa", "PERSON"), ("Sunday Tanko", "PERSON"), ("Zara Ali", "PERSON"), ("Sunday", "DATE"), ("Tanko", "PERSON")]


def test_the_model_piece_of_a_routes_ends_gives_way_to_both_ends():
    from kg.areacuts import road_end_pieces

    text = "Troops guarded the Kovri-Tesso route and the Dunra-Valmi road."
    got = road_end_pieces([mention(text, "Kovri", "ORG")], text, lambda n: False)
    assert [(m.text, m.label) for m in got] == [("Kovri", "GPE"), ("Tesso", "GPE")]


def test_a_name_before_a_lower_case_river_is_the_river():
    from kg.mentions import extend_to_facility

    text = "The forests along the Kovri river shelter fighters."
    assert extend_to_facility(mention(text, "Kovri", "LOC"), text).text == "Kovri river"


def test_a_formal_name_runs_on_over_in_and_the_place_it_serves():
    from kg.spancuts import in_names

    text = "It lies in Varania’s Autonomous Region in Islamic Kovri, near the Tigray Region in Ethiopia; the UN Verification Mission in Varania said."
    ms = [mention(text, "Varania", "KB", source="kb"), mention(text, "Kovri", "KB", source="kb"), mention(text, "Ethiopia", "KB", source="kb"), mention(text, "Varania", "KB", 1, "kb")]
    known = {"Kovri", "Ethiopia", "Varania", "Tigray Region"}
    got = [(m.text, m.label) for m in in_names(ms, text, lambda n: n in known, lambda n: n in ("Ethiopia", "Varania"))]
    assert got == [("Varania", "KB"), ("Autonomous Region in Islamic Kovri", "GPE"), ("Ethiopia", "KB"), ("UN Verification Mission in Varania", "ORG")]


def test_a_unit_of_measure_after_a_figure_is_no_name():
    text = "Raiders hit Kovri, 30 KM south of the capital."
    assert namejunk_reason(mention(text, "KM", "ORG"), text) is not None


def test_a_numbered_unit_a_groups_dissidents_and_a_glued_stop():
    from kg.spancuts import cut_glued_words, dissident_groups, numbered_units

    text = "Rebels attacked soldiers of the Special Mining and Road Battalion No. 7 near Kovri. The Kovri Front dissidents and the Valmi.against rest."
    ms = [mention(text, "Road Battalion", "ORG"), mention(text, "No. 7", "KB", source="kb")]
    assert [m.text for m in numbered_units(ms, text)] == ["Special Mining and Road Battalion No. 7"]
    front = mention(text, "Kovri Front", "ORG")
    assert [m.text for m in dissident_groups([front], text, lambda m: True)] == ["Kovri Front dissidents"]
    assert [m.text for m in dissident_groups([front], text, lambda m: False)] == ["Kovri Front"]
    assert [m.text for m in cut_glued_words([mention(text, "Valmi.against", "ORG")])] == ["Valmi"]


def test_the_army_reporting_is_no_outlet():
    from kg.spans import reported_outlets

    text = "The Army reported two dead. The Kovri Star reported more."
    assert [m.text for m in reported_outlets(text, [])] == ["The Kovri Star"]


def test_a_day_before_an_apposed_official_is_no_person():
    from kg.posts import apposed_people

    text = "Raiders struck on Wednesday, an official in the state said, and Musa Kalli, an official of the county, agreed."
    assert [m.text for m in apposed_people(text, lambda s, e: True)] == ["Musa Kalli"]


def test_an_index_is_no_body():
    from kg.nametype import junk_reason

    text = "By the Kovri Development Index (KDI), the country is the poorest."
    assert junk_reason(mention(text, "Kovri Development Index", "ORG"), text) is not None


def test_a_body_and_its_seat_after_in_stay_two_names():
    from kg.spancuts import in_names

    text = "Officers of the Eastern Valmi Command in Kovri and the Kovri Peace Mission in Dunra town met."
    ms = [mention(text, "Eastern Valmi Command", "ORG"), mention(text, "Kovri", "GPE", 1)]
    assert in_names(ms, text, lambda n: False, lambda n: False) == ms


def test_a_weapons_word_that_is_also_a_known_place_before_district_is_the_place():
    from kg.areacuts import weapon_words_as_places
    from kg.kb.base import KBEntry, KnowledgeBase
    from kg.types import Mention

    kb = KnowledgeBase([KBEntry("gn/1", "Place", "Tank", [], ["City"], country="PK"), KBEntry("w", "Weapon", "tank", [], ["WeaponType"])])
    text = "Militants attacked a post in Tank district. Tank units moved."
    a, b = text.index("Tank"), text.index("Tank units")
    ms = [Mention(a, a + 4, "Tank", "KB", "kb", "tank"), Mention(b, b + 4, "Tank", "KB", "kb", "tank")]
    got = weapon_words_as_places(ms, text, kb.candidates)
    assert [(m.label, m.source) for m in got] == [("GPE", "ner"), ("KB", "kb")]


def test_a_phrase_the_article_defines_an_acronym_for_is_one_name():
    from kg.spancuts import acronym_defined_names

    text = "Fighters of the Al-Nasr-linked Group to Defend Kovri and Valmi (GDKV) and Volunteers for the Defence of the Tesso (VDT) fled; President Ada Kovri Tolu (AFP) and Ali Bello of the Red Cross (ICRC) spoke."
    ms = [mention(text, "Group", "ORG"), mention(text, "Tesso", "LOC"), mention(text, "AFP", "KB|ORG", source="kb")]
    got = [(m.text, m.label) for m in acronym_defined_names(ms, text)]
    assert got == [("Group to Defend Kovri and Valmi", "ORG"), ("Volunteers for the Defence of the Tesso", "ORG"), ("AFP", "KB|ORG")]


def test_a_capitalised_participle_written_in_lower_case_elsewhere_is_no_name():
    text = "KOVRI, Varania,  Suspected raiders fled at dawn. Police suspected rivals. Ahmed Tolu and Mohammed spoke."
    assert namejunk_reason(mention(text, "Suspected", "ORG"), text) is not None
    assert namejunk_reason(mention(text, "Mohammed", "PERSON"), text) is None


def test_the_last_person_of_a_list_of_people_after_and_is_found():
    from kg.spancuts import list_tail_people

    text = "He named the dead as Ada Roe, Musa Kalli, Tolu Ade and Grace Bako. Kovri, Tesso and Valmi Town were hit."
    ms = [mention(text, "Ada Roe", "PERSON"), mention(text, "Musa Kalli", "PERSON"), mention(text, "Tolu Ade", "PERSON"), mention(text, "Kovri", "GPE"), mention(text, "Tesso", "GPE")]
    assert [m.text for m in list_tail_people(text, ms)] == ["Grace Bako"]
