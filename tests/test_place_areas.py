"""Areas, admin units and places within places (kg/placeareas.py), on texts and towns
written here: no test depends on which villages GeoNames happens to list."""

from __future__ import annotations

import pytest
from conftest import mention

from kg.kb.base import KBEntry, KnowledgeBase
from kg.kb.gazetteer import Gazetteer, build_gazetteer
from kg.kbspans import regions_of_lists
from kg.link import Linker
from kg.nametype import local_decisions
from kg.placeareas import admin_unit_cues, area_phrase_cues, place_shaped_person, unit_name
from kg.placespans import split_unit_of_country
from kg.types import Article


def cue_types(text: str, surface: str, label: str = "ORG") -> list[str]:
    return [c[0] for c in area_phrase_cues(mention(text, surface, label), text, {"ORG": "Organization", "PERSON": "Person"}.get(label))]


def test_the_ground_named_after_a_name_makes_it_a_place():
    assert cue_types("Troops held the Zanka corridor on Monday.", "Zanka") == ["Place"]
    assert cue_types("Fighting spread along the Molu axis.", "Molu") == ["Place"]
    assert cue_types("Herders left the Tessa belt for the south.", "Tessa", "PERSON") == ["Place"]
    assert cue_types("Gunmen torched homes on the outskirts of Birao.", "Birao") == ["Place"]
    assert cue_types("Mortars fell in the vicinity of the town of Kessi.", "Kessi") == ["Place"]
    assert cue_types("Birao's outskirts were quiet, and Garo's mayor fled.", "Birao") == ["Place"]
    assert cue_types("Birao's outskirts were quiet, and Garo's mayor fled.", "Garo") == ["Place"]
    assert cue_types("They shelled Garo's Wuro Bali district.", "Garo") == ["Place"]
    # A body's noun, a person's belongings: no place.
    assert cue_types("The Zanka company said so.", "Zanka") == []
    assert cue_types("Tessa's brother was arrested.", "Tessa", "PERSON") == []


def test_an_area_cue_outweighs_the_models_label_and_spreads_over_a_list():
    text = "Clashes hit the Zanka corridor. Soldiers patrolled the Molu and Bessa axes."
    ms = [mention(text, "Zanka", "ORG"), mention(text, "Molu", "PERSON"), mention(text, "Bessa", "PERSON")]
    ds = local_decisions(ms, text)
    assert [ds[id(m)].type for m in ms] == ["Place", "Place", "Place"]


def test_an_administrative_units_name_and_the_place_it_is_named_after():
    assert unit_name("Tanou Commune") == "Tanou"
    assert unit_name("the Wessa Circle") == "Wessa"
    assert unit_name("Justice Commune") is None
    assert unit_name("Inner Circle") is None
    assert unit_name("Department") is None
    places = {"Tanou"}.__contains__
    assert [c[0] for c in admin_unit_cues("Tanou Commune", places)] == ["Place"]
    assert admin_unit_cues("Bokaro Commune", places) == []  # a commune of no known place may be a body's
    assert [c[0] for c in admin_unit_cues("Wessa Circle", places)] == ["Place"]  # a circle is a unit's name alone
    assert [c[0] for c in admin_unit_cues("Tanou State", places)] == ["Place"]
    assert admin_unit_cues("Islamic State", places) == admin_unit_cues("Bokaro State", places) == []


def test_a_units_name_run_on_over_its_country_is_the_unit_and_the_country():
    text = "Attacks hit the Tanou Department of Niger and the Department of State of Ruritania."
    ms = [mention(text, "Tanou Department of Niger", "ORG"), mention(text, "Department of State of Ruritania", "ORG")]
    got = [(m.text, text[m.start : m.end]) for m in split_unit_of_country(ms, {"Niger", "Ruritania"}.__contains__)]
    assert got == [("Tanou Department", "Tanou Department"), ("Niger", "Niger"), ("Department of State of Ruritania", "Department of State of Ruritania")]


def test_a_countrys_name_after_a_named_region_is_no_region():
    text = "The attack happened in the Kessa Region of Mali. In the region of Tanou, schools closed."
    ms = [mention(text, "Kessa Region", "LOC"), mention(text, "Mali", "GPE"), mention(text, "Tanou", "GPE")]
    out = regions_of_lists(ms, text, lambda name: True)
    assert [m.kb_id for m in out] == [None, None, "tanou region"]


def test_a_weak_persons_label_and_the_spelling_of_a_place():
    text = "Rebels reached Daboura, officials said. Tanou Sidibe said so."
    assert place_shaped_person(mention(text, "Daboura", "PERSON"), "PERSON", None)
    assert not place_shaped_person(mention(text, "Daboura", "PERSON"), "PERSON", "Person")  # a person's cue
    assert not place_shaped_person(mention(text, "Tanou Sidibe", "PERSON"), "PERSON", None)  # a full name
    assert not place_shaped_person(mention(text, "Daboura", "GPE"), "GPE", None)


# -- through the linker, on a knowledge base and gazetteer written here ------------------------


def town(gid: int, name: str, cc: str, pop: int) -> dict:
    return {"geonameid": gid, "name": name, "countrycode": cc, "admin1code": "01", "population": pop,
            "latitude": 14.0, "longitude": 2.0, "alternatenames": []}


@pytest.fixture(scope="module")
def akb(tmp_path_factory) -> KnowledgeBase:
    kb = KnowledgeBase(
        [
            KBEntry("gn/2440476", "Place", "Niger", [], ["Country"], country="NE", origin="geonames", population=20_000_000),
            KBEntry("gn/192950", "Place", "Kenya", [], ["Country"], country="KE", origin="geonames", population=50_000_000),
            KBEntry("gn/910001", "Place", "Garo", [], ["City"], country="NE", origin="geonames", population=90_000),
            KBEntry("gn/910002", "Place", "Moka", [], ["City"], country="KE", origin="geonames", population=40_000),
        ]
    )
    path = tmp_path_factory.mktemp("areas") / "gazetteer.sqlite"
    build_gazetteer(kb, path, towns=[town(910101, "Dhabura", "NE", 20_000), town(910102, "Qessawa", "NE", 1_500)], subdivisions=False)
    kb.gazetteer = Gazetteer(path)
    return kb


def linked(kb: KnowledgeBase, text: str, spans: list[tuple[str, str]]) -> dict[str, tuple[str, str | None]]:
    ms = [mention(text, s, label) for s, label in spans]
    return {lm.mention.text: (lm.entity.type, lm.entity.kb_id) for lm in Linker(kb).link(Article(text=text, source="t.txt"), ms)}


def test_a_two_word_name_after_a_towns_possessive_is_a_place_within_it(akb):
    text = "Gunmen attacked Garo's Wuro Bali on Monday, officials in Niger said."
    assert linked(akb, text, [("Garo", "GPE"), ("Wuro Bali", "PERSON"), ("Niger", "GPE")])["Wuro Bali"] == ("Place", None)
    # After a country's "'s", or when it speaks, a person's name stays one.
    text = "Niger's Ali Sani met Garo's Musa Kanta, who said the road was open."
    got = linked(akb, text, [("Niger", "GPE"), ("Ali Sani", "PERSON"), ("Garo", "GPE"), ("Musa Kanta", "PERSON")])
    assert got["Ali Sani"][0] == got["Musa Kanta"][0] == "Person"


def test_a_unit_named_after_a_known_town_is_a_place_of_its_own(akb):
    text = "Jihadists attacked the Garo Department, then Garo itself, in Niger."
    ms = [mention(text, "Garo Department", "ORG"), mention(text, "Garo", "GPE", nth=1), mention(text, "Niger", "GPE")]
    got = {lm.mention.text: (lm.entity.type, lm.entity.kb_id) for lm in Linker(akb).link(Article(text=text, source="t.txt"), ms)}
    assert got["Garo Department"] == ("Place", None)  # its own node: not the town
    assert got["Garo"] == ("Place", "gn/910001")


def test_a_small_town_of_a_country_the_article_does_not_name_is_not_linked(akb):
    text = "Soldiers were sent to Moka after an attack, officials in Niger said."
    assert linked(akb, text, [("Moka", "GPE"), ("Niger", "GPE")])["Moka"] == ("Place", None)
    text = "Soldiers were sent to Moka after an attack, officials in Kenya said."
    assert linked(akb, text, [("Moka", "GPE"), ("Kenya", "GPE")])["Moka"] == ("Place", "gn/910002")


def test_a_one_word_person_spelt_like_a_town_of_the_articles_country_is_the_town(akb):
    text = "Dabura was calm on Sunday, officials in Niger said."
    assert linked(akb, text, [("Dabura", "PERSON"), ("Niger", "GPE")])["Dabura"] == ("Place", "gn/910101")
    # A village (too small to outweigh a person's label), or a town of another country: no link.
    text = "Kessawa was calm on Sunday, officials in Niger said."
    assert linked(akb, text, [("Kessawa", "PERSON"), ("Niger", "GPE")])["Kessawa"][1] is None
    text = "Dabura was calm on Sunday, officials in Kenya said."
    assert linked(akb, text, [("Dabura", "PERSON"), ("Kenya", "GPE")])["Dabura"][1] is None


def test_a_countrys_demonym_ranks_its_towns_above_a_foreign_namesake(tmp_path):
    kb = KnowledgeBase(
        [
            KBEntry("gn/2453866", "Place", "Mali", [], ["Country"], country="ML", origin="geonames", population=20_000_000),
            KBEntry("gn/920001", "Place", "Tessalit", ["Tesalit"], ["City"], country="ML", origin="geonames", population=20_000),
            KBEntry("gn/920002", "Place", "Beaumont", ["Tesalit"], ["City"], country="FR", origin="geonames", population=25_000),
        ]
    )
    text = "Jihadists attacked Tesalit on Sunday, Malian officials said."
    got = linked(kb, text, [("Tesalit", "GPE"), ("Malian", "NORP")])
    assert got["Tesalit"] == ("Place", "gn/920001")


def test_a_peoples_word_ranks_its_countrys_towns_but_drops_no_other_countrys():
    kb = KnowledgeBase(
        [
            KBEntry("gn/930001", "Place", "Voresk", ["Vorsk"], ["City"], country="UA", origin="geonames", population=45_000),
            KBEntry("gn/930002", "Place", "Ukraine", [], ["Country"], country="UA", origin="geonames", population=40_000_000),
        ]
    )
    # The attacker's people is no country of the place attacked.
    text = "A Russian strike on Vorsk killed three people on Friday."
    assert linked(kb, text, [("Russian", "NORP"), ("Vorsk", "GPE")])["Vorsk"] == ("Place", "gn/930001")


def test_a_name_the_recogniser_left_out_after_a_towns_possessive_is_found(akb):
    from kg.placespans import unclaimed_possessed_names

    text = "Shells hit Garo's Tanou Wesse and Garo's Governor fled; Niger's Sidi Kone spoke. The governor of Garo's Mbelle quarter left."
    ms = [mention(text, "Garo", "GPE"), mention(text, "Garo", "GPE", nth=1), mention(text, "Niger", "GPE"), mention(text, "Garo", "GPE", nth=2)]
    towns = {"Garo"}.__contains__
    assert [m.text for m in unclaimed_possessed_names(text, ms, towns)] == ["Tanou Wesse", "Mbelle"]
    text = "Fighting reached Garo's Tanou Wesse overnight, officials in Niger said."
    got = linked(akb, text, [("Garo", "GPE"), ("Niger", "GPE")])
    assert got["Tanou Wesse"] == ("Place", None)


def test_what_is_stormed_or_hit_is_a_place_and_so_is_the_rest_of_its_list():
    text = "The strike hit Wuro Bali and Tanou overnight. Rebels stormed Kessa Dene. Police arrested Musa Kanta."
    ms = [mention(text, "Wuro Bali", "PERSON"), mention(text, "Tanou", "ORG"), mention(text, "Kessa Dene", "PERSON"), mention(text, "Musa Kanta", "PERSON")]
    ds = local_decisions(ms, text)
    assert [ds[id(m)].type for m in ms] == ["Place", "Place", "Place", "Person"]


def test_a_list_right_after_in_is_a_list_of_places():
    text = "Strikes hit camps in Wuro, Tanou and Kessa, killing five. Talks in Geneva, officials said, failed."
    ms = [mention(text, "Wuro", "GPE"), mention(text, "Tanou", "ORG"), mention(text, "Kessa", "ORG")]
    ds = local_decisions(ms, text)
    assert [ds[id(m)].type for m in ms] == ["Place", "Place", "Place"]
    assert any("opens a list" in e.reason for e in ds[id(ms[0])].evidence)
    geneva = mention(text, "Geneva", "GPE")
    assert not any("opens a list" in c[3] for c in area_phrase_cues(geneva, text))  # a comma before a clause is no list


def test_a_unit_the_recogniser_left_out_is_found_whole():
    from kg.placespans import unclaimed_units

    text = "The Wessa Circle prefect said the Koro Circle, the Inner Circle and the Tanou Commune were hit; the Justice Commune spoke."
    ms = [mention(text, "Wessa Circle", "ORG")]
    got = [m.text for m in unclaimed_units(text, ms, {"Tanou"}.__contains__)]
    assert got == ["Koro Circle", "Tanou Commune"]
    assert all(text[m.start : m.end] == m.text for m in unclaimed_units(text, ms, {"Tanou"}.__contains__))


def test_a_name_left_out_before_what_only_a_place_has_is_a_place():
    from kg.placespans import unclaimed_possessed_names, unclaimed_possessors

    text = "Shells hit Ta’essa’s al-Wadi district and Wurobe's outskirts. Sidi Kone's brother and Governor's aides fled."
    got = [(m.text, text[m.start : m.end]) for m in unclaimed_possessors(text, [])]
    assert got == [("Ta’essa", "Ta’essa"), ("Wurobe", "Wurobe")]
    # "Garo's Sector 9": a numbered part of a town is no name the recogniser missed.
    text = "Gunmen from Garo's Sector 9 fled."
    assert unclaimed_possessed_names(text, [mention(text, "Garo", "GPE")], {"Garo"}.__contains__) == []


def test_the_halves_of_a_line_no_mention_holds_are_places():
    from kg.placespans import unclaimed_line_halves

    text = "Troops patrolled the Kolda-Vemba road and the Wuro–Tanou axis; the Franco-Malian border was shut."
    ms = [mention(text, "Kolda", "KB", source="kb")]
    assert [m.text for m in unclaimed_line_halves(text, ms)] == ["Vemba", "Wuro", "Tanou"]
    whole = [mention(text, "Kolda-Vemba", "ORG")]
    assert "Vemba" not in [m.text for m in unclaimed_line_halves(text, whole)]  # linear_pairs splits a whole


def test_where_an_apposed_town_and_what_a_state_is_called_make_places():
    text = "They tried to invade Wuro, then Tanou, where they burned houses. Garo, a neighbouring town close to the border, fled. Rebels want a state they call Wessaland."
    assert "Place" in cue_types(text, "Wuro", "PERSON")  # invaded
    assert "Place" in cue_types(text, "Tanou", "PERSON")  # ", where"
    assert "Place" in cue_types(text, "Garo", "ORG")  # ", a neighbouring town"
    assert "Place" in cue_types(text, "Wessaland", "PERSON")  # "a state they call"
    text = "The head of the Bokala area said so; the head of the Bokala Trust did too. Where is Sidi Kone, who fled?"
    assert cue_types(text, "Bokala", "ORG") == ["Place"]
    assert cue_types(text, "Sidi Kone", "PERSON") == []


def test_the_last_item_a_plural_place_noun_closes_is_a_place():
    from kg.placespans import list_tail_names

    text = "Fighting spread in the North-Wessa and South-Wessa regions, and in Garo, Tanou and Bali villages. Musa and Ali Sani ran."
    ms = [mention(text, "North-Wessa", "GPE"), mention(text, "Garo", "GPE"), mention(text, "Tanou", "GPE"), mention(text, "Musa", "PERSON")]
    assert [m.text for m in list_tail_names(text, ms)] == ["South-Wessa", "Bali"]


def test_a_places_name_written_again_where_no_mention_is_is_a_mention():
    from kg.placespans import repeated_place_names

    text = "Gunmen struck in Tanou da Wessa district. Later, in Tanou da Wessa, and near Tanou da Wessa town, and on Tanou da Wessa Road, more died."
    ms = [mention(text, "Tanou da Wessa district", "GPE")]
    got = repeated_place_names(text, ms, lambda m: True)
    assert [(m.text, text[m.start : m.end]) for m in got] == [("Tanou da Wessa", "Tanou da Wessa")] * 2
    assert repeated_place_names(text, ms, lambda m: False) == []


def test_a_name_the_article_calls_a_town_keeps_the_towns_sense_beside_its_district():
    from kg.kbspans import named_towns

    assert "tanou da wessa" in named_towns("Troops left Tanou da Wessa town, in Tanou da Wessa district.")


def test_a_bare_republic_after_a_countrys_name_is_no_place():
    from kg.placespans import bare_republics

    text = "Men came from Ruritania Republic. The Republic of Tanou fell."
    ms = [mention(text, "Ruritania", "GPE"), mention(text, "Republic", "GPE"), mention(text, "Republic", "GPE", nth=1)]
    got = [(m.text, m.start) for m in bare_republics(ms, text, {"Ruritania"}.__contains__)]
    assert got == [("Ruritania", text.index("Ruritania")), ("Republic", text.index("Republic", text.index("Republic") + 1))]


def test_a_towns_name_and_a_quarter_after_it_are_an_area_of_their_own():
    from kg.placespans import compass_areas

    text = "Gunmen attacked villages in Garo South and Tanou North on Monday; John North said Ruritania West was calm."
    ms = [mention(text, "Garo", "KB", source="kb"), mention(text, "South", "LOC"), mention(text, "Tanou", "GPE"), mention(text, "John", "PERSON"), mention(text, "Ruritania", "GPE")]
    got = [(m.text, m.kb_id) for m in compass_areas(ms, text, {"Ruritania"}.__contains__)]
    assert got == [("Garo South", None), ("Tanou North", None), ("John", None), ("Ruritania", None)]


def test_a_short_name_the_town_has_in_another_language_is_no_link_without_a_country():
    from kg.kb.base import Candidate
    from kg.placeareas import unbacked_small_place

    town = KBEntry("gn/930001", "Place", "Wessburg", ["Bassa"], ["City"], country="DE", origin="geonames", population=50_000)
    assert unbacked_small_place(Candidate(town, False, False), "Bassa", {})
    assert not unbacked_small_place(Candidate(town, True, False), "Wessburg", {})


def test_where_a_visit_goes_and_the_communities_one_is_in_are_places():
    from kg.nametype import junk_reason

    text = "The minister's visit a week ago to Wuro Bali rallied the troops."
    assert "Place" in cue_types(text, "Wuro Bali", "PERSON")
    text = "Gunmen burned homes, especially those in the Vigo and Bessa communities. The Tolbe and Karandi communities clashed."
    vigo, bessa, tolbe = mention(text, "Vigo", "PERSON"), mention(text, "Bessa", "GPE"), mention(text, "Tolbe", "GPE")
    assert junk_reason(vigo, text) is None and junk_reason(bessa, text) is None
    assert junk_reason(tolbe, text) is not None  # a pair before "communities", not placed: peoples


def test_names_after_the_ground_of_and_before_a_plural_place_noun_are_found():
    from kg.placespans import area_of_names, plural_noun_lists

    text = "The gang operates in the area of Tanou and on the outskirts of Wessa Bali; homes burned in the Vigo and Bessa communities."
    assert [m.text for m in area_of_names(text, [])] == ["Tanou", "Wessa Bali"]
    assert [m.text for m in plural_noun_lists(text, [])] == ["Vigo", "Bessa"]
    assert area_of_names("the area of Monday", []) == []


def test_a_list_of_districts_such_as_and_its_nameless_items_are_places():
    from kg.placespans import nameless_list_items, river_names

    text = "Attacks hit districts such as Wuro, Tanou and Bali, and the forest along the Wessa river. Films like Garo and Kessa won."
    ms = [mention(text, "Wuro", "PERSON"), mention(text, "Tanou", "WORK_OF_ART"), mention(text, "Bali", "WORK_OF_ART"),
          mention(text, "Wessa", "PERSON"), mention(text, "Garo", "WORK_OF_ART"), mention(text, "Kessa", "WORK_OF_ART")]
    got = nameless_list_items(river_names(ms, text), text)
    assert [(m.text, m.label) for m in got] == [("Wuro", "PERSON"), ("Tanou", "GPE"), ("Bali", "GPE"), ("Wessa river", "LOC"), ("Garo", "WORK_OF_ART"), ("Kessa", "WORK_OF_ART")]
    ds = local_decisions(got[:3], text)
    assert [ds[id(m)].type for m in got[:3]] == ["Place", "Place", "Place"]


def test_a_unit_named_with_another_kinds_noun_is_the_known_region():
    from kg.placespans import region_by_other_kind

    regions = {"Kessa Region"}.__contains__
    text = "Fighting spread in the Kessa Division and the Tanou Division."
    ms = [mention(text, "Kessa Division", "ORG"), mention(text, "Tanou Division", "ORG")]
    assert [m.kb_id for m in region_by_other_kind(ms, regions)] == ["kessa region", None]


def test_the_ends_of_a_route_and_a_quoted_camps_name_are_places():
    from kg.placespans import quoted_place_names

    text = "Troops guarded the Wuro-Tanou route. Gunmen hit the “BESSA” camp and the “Hope” song played."
    assert "Place" in cue_types(text, "Wuro", "ORG") and "Place" in cue_types(text, "Tanou", "PERSON")
    assert [m.text for m in quoted_place_names(text, [])] == ["BESSA"]


def test_the_name_left_out_after_a_place_and_and_is_a_place():
    from kg.placespans import and_tail_names

    text = "Gunmen attacked Wuro and Tanou in the west, and Kessa and Governor Bali Sidi; Musa and Ali fled; Garo and Wessa for Bali."
    ms = [mention(text, "Wuro", "GPE"), mention(text, "Kessa", "GPE"), mention(text, "Musa", "PERSON"), mention(text, "Garo", "GPE")]
    assert [m.text for m in and_tail_names(text, ms)] == ["Tanou", "Wessa"]
    text = "Troops repelled assaults near Wuro, Tanou Bali and Kessa, the staff said."
    assert [m.text for m in and_tail_names(text, [mention(text, "Wuro", "GPE")])] == ["Tanou Bali", "Kessa"]


def test_a_place_prefix_before_and_a_name_before_an_area_join_the_name():
    from kg.placespans import joined_neighbours, prefixed_back

    text = "Clashes hit Debre Wessa, then Gida Tanou woreda and the Koro circle; Musa Bali woreda officials fled."
    ms = [mention(text, "Wessa", "PERSON"), mention(text, "Gida", "GPE"), mention(text, "Tanou woreda", "GPE"), mention(text, "Koro", "KB", source="kb")]
    got = [m.text for m in joined_neighbours(prefixed_back(ms, text), text)]
    assert got == ["Debre Wessa", "Gida Tanou woreda", "Koro circle"]


def test_an_owner_after_a_place_verb_is_no_place():
    text = "The gunmen stormed Musa Kanta's house, then fled to Ali Sani's farm. Reporters reached Sidi Kone by phone."
    assert "Place" not in cue_types(text, "Musa Kanta", "PERSON")
    assert "Place" not in cue_types(text, "Ali Sani", "PERSON")
    assert "Place" not in cue_types(text, "Sidi Kone", "PERSON")


def test_an_attackers_people_outweighs_no_big_citys_own_name():
    kb = KnowledgeBase(
        [
            KBEntry("gn/940001", "Place", "Voresk", [], ["City"], country="UA", origin="geonames", population=900_000),
            KBEntry("gn/940002", "Place", "Voresk", [], ["City"], country="RU", origin="geonames", population=50_000),
        ]
    )
    text = "Russian troops shelled Voresk on Monday."
    assert linked(kb, text, [("Russian", "NORP"), ("Voresk", "GPE")])["Voresk"] == ("Place", "gn/940001")


def test_a_known_town_the_model_missed_after_towards_is_found():
    from kg.kbspans import gazetteer_names

    text = "Insurgents moved toward Tanou and into Wessa, then towards Garo."
    got = [m.text for m in gazetteer_names(text, [], {"Tanou", "Wessa", "Garo"}.__contains__)]
    assert got == ["Tanou", "Wessa", "Garo"]


def test_a_quartered_name_the_gazetteer_knows_whole_is_not_cut_to_its_town():
    from kg.spanedges import cut_to_known_core

    kb = KnowledgeBase([KBEntry("gn/950001", "Place", "Wessa", [], ["City"], country="PH", origin="geonames", population=40_000)])
    text = "Troops landed in Northern Wessa and in Eastern Wessa."
    ms = [mention(text, "Northern Wessa", "LOC"), mention(text, "Eastern Wessa", "LOC")]
    got = [m.text for m in cut_to_known_core(ms, kb.candidates, {"Northern Wessa"}.__contains__)]
    assert got == ["Northern Wessa", "Wessa"]
