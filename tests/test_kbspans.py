"""Span repairs the knowledge base decides: names cut at "of", outlets' language services."""

from __future__ import annotations

from kg.bylines import person_shaped
from kg.kb.base import KBEntry, KnowledgeBase
from kg.kbspans import (
    acronym_wholes,
    agency_credits,
    gazetteer_names,
    join_known_parts,
    language_services,
    qualified_senses,
    regions_of_lists,
    split_place_and_person,
    split_place_pairs,
    without_quarter,
)
from kg.link import Linker
from kg.types import Article, Mention


def kb() -> KnowledgeBase:
    return KnowledgeBase(
        [
            KBEntry("lantern-state", "Organization", "Lantern State", [], ["ArmedGroup"]),
            KBEntry("lantern-state-west-coast", "Organization", "Lantern State West Coast Province", [], ["ArmedGroup"]),
            KBEntry("river-wire", "Organization", "River Wire", ["RW"], ["NewsOrganization"]),
            KBEntry("river-wire-urdu", "Organization", "RW Urdu", [], ["NewsOrganization"]),
            KBEntry("harbour-party", "Organization", "Harbour Party", [], ["PoliticalParty"]),
        ]
    )


def at(text: str, surface: str, label: str, source: str = "ner") -> Mention:
    start = text.index(surface)
    return Mention(start, start + len(surface), surface, label, source)


def test_a_known_name_cut_at_of_is_joined():
    text = "Fighters of the Lantern State of West Coast Province attacked a camp."
    parts = [at(text, "Lantern State", "KB", "kb"), at(text, "West Coast Province", "GPE")]
    joined = join_known_parts(parts, text, kb().candidates)
    assert [(m.text, m.kb_id) for m in joined] == [("Lantern State of West Coast Province", "lantern state west coast province")]


def test_names_either_side_of_of_stay_apart_when_the_whole_is_unknown():
    text = "The Harbour Party of Varna Province met."
    parts = [at(text, "Harbour Party", "ORG"), at(text, "Varna Province", "GPE")]
    assert join_known_parts(parts, text, kb().candidates) == parts


def test_an_outlet_and_a_language_are_its_language_service():
    text = "River Wire Burmese and RW Urdu reported the strikes; a River Wire Russian correspondent saw them."
    mentions = [at(text, "River Wire", "KB", "kb"), at(text, "Burmese", "NORP"), at(text, "RW", "KB", "kb")]
    mentions.append(Mention(text.index("River Wire Russian"), text.index("River Wire Russian") + 10, "River Wire", "KB", "kb"))
    got = language_services(sorted(mentions, key=lambda m: m.start), text, kb().candidates)
    # The unknown service is an organisation of its own; the known one is linked; a correspondent is no service.
    assert [(m.text, m.label) for m in got] == [("River Wire Burmese", "ORG"), ("RW Urdu", "KB"), ("River Wire", "KB")]


def test_the_linker_types_a_language_service_an_organisation():
    text = "River Wire Burmese and other local media reported the strikes."
    linked = Linker(kb()).link(Article(text=text, source="t.txt"), [at(text, "River Wire", "KB", "kb"), at(text, "Burmese", "NORP")])
    assert [(lm.mention.text, lm.entity.type, lm.entity.kb_id) for lm in linked] == [("River Wire Burmese", "Organization", None)]


def credit_kb() -> KnowledgeBase:
    return KnowledgeBase(
        [
            KBEntry("lantern-press", "Organization", "Lantern Press", ["LP"], ["NewsOrganization"]),
            KBEntry("harbour-party", "Organization", "Harbour Party", ["HP"], ["PoliticalParty"]),
        ]
    )


def test_an_agency_credited_at_a_paragraphs_end_is_named():
    text = "Gunmen killed 53 people in the city. -LP\n\nOfficials blamed the HP. -HP\n\nA vehicle in Varna, May 9, 2021. LP - JANA VORSK"
    got = agency_credits(text, [], credit_kb().candidates)
    # Only a news organisation is credited so; the photographer after it is a person.
    assert sorted((m.text, m.label) for m in got) == [("JANA VORSK", "PERSON"), ("LP", "KB"), ("LP", "KB")]


def test_a_caption_credit_with_no_known_agency_or_a_stringer_names_nobody():
    text = "A vehicle in Varna. ZZ - JANA VORSK\n\nA house in Varna. LP - STR HANDOUT"
    assert agency_credits(text, [], credit_kb().candidates) == []


def test_a_lower_case_outlet_word_completes_a_known_outlet():
    outlets = KnowledgeBase([KBEntry("geo-wire", "Organization", "Gelo News", [], ["NewsOrganization"])])
    text = "The blast was near the Assembly, Gelo news reported. Gelo times said nothing."
    got = language_services([at(text, "Gelo", "PRODUCT"), Mention(text.rindex("Gelo"), text.rindex("Gelo") + 4, "Gelo", "PRODUCT")], text, outlets.candidates)
    assert [(m.text, m.kb_id) for m in got] == [("Gelo news", "gelo news"), ("Gelo", None)]


def test_a_list_before_regions_is_a_list_of_regions():
    text = "Drones hit the Varna and Ruse regions."
    mentions = [at(text, "Varna", "GPE"), at(text, "Ruse", "GPE")]
    got = regions_of_lists(mentions, text, lambda name: name in ("Varna region", "Ruse region"))
    assert [m.kb_id for m in got] == ["varna region", "ruse region"]


def test_a_list_before_provinces_is_looked_up_with_the_noun_it_uses():
    text = "The group holds slivers of the Varna and Ruse provinces."
    mentions = [at(text, "Varna", "GPE"), at(text, "Ruse", "GPE")]
    # Only "<name> province" is known for Varna; Ruse falls back on "<name> region".
    got = regions_of_lists(mentions, text, lambda name: name in ("Varna province", "Ruse region"))
    assert [m.kb_id for m in got] == ["varna province", "ruse region"]


def test_a_list_after_regions_of_is_a_list_of_regions_and_a_singular_names_one():
    def regions(text: str) -> list[str | None]:
        mentions = [at(text, "Varna", "GPE"), at(text, "Ruse", "GPE")]
        return [m.kb_id for m in regions_of_lists(mentions, text, lambda name: name in ("Varna region", "Ruse region"))]

    assert regions("Missiles hit the regions of Varna and Ruse.") == ["varna region", "ruse region"]
    # "the region of" before a list says nothing of its items ("the region of Varna and Ruse city").
    assert regions("Missiles hit the region of Varna and Ruse city.") == [None, None]
    assert regions("Missiles hit the region of Varna. Ruse was calm.") == ["varna region", None]


def test_a_known_place_run_into_a_persons_name_is_both():
    places = KnowledgeBase([KBEntry("gn/1", "Place", "Varna", [], ["City"], country="BG", origin="geonames", population=330_000)])
    text = "Senior police officer at Varna Ivo Dansko confirmed the blast. The Varna Harbour Lights festival opened."
    ms = [at(text, "Varna Ivo Dansko", "ORG"), at(text, "Varna Harbour Lights", "ORG")]
    got = split_place_and_person(ms, text, places.candidates, person_shaped)
    # Without a person's cue around it, a place's name and two more words stay one name.
    assert [(m.text, m.label) for m in got] == [("Varna", "GPE"), ("Ivo Dansko", "PERSON"), ("Varna Harbour Lights", "ORG")]
    # A title right before the span is the person's, whose given name the place's name is.
    text = "The deal was signed by Governor Varna Ivo Dansko on Monday."
    assert [m.text for m in split_place_and_person([at(text, "Varna Ivo Dansko", "PERSON")], text, places.candidates, person_shaped)] == ["Varna Ivo Dansko"]


def test_a_quarter_word_before_a_known_country_or_region_is_no_part_of_its_name():
    places = KnowledgeBase([
        KBEntry("gn/1", "Place", "Tarvia", [], ["Country"], country="TV", origin="geonames"),
        KBEntry("gn/2", "Place", "South Tarvia", [], ["Country"], country="ST", origin="geonames"),
        KBEntry("gn/3", "Place", "Osk", [], ["City"], country="TV", origin="geonames", population=90_000),
    ])
    text = "Central Tarvia has been riven by violence. South Tarvia and North Kessa were calm, as was Eastern Osk."
    ms = [at(text, "Central Tarvia", "PERSON"), at(text, "South Tarvia", "GPE"), at(text, "North Kessa", "GPE"), at(text, "Eastern Osk", "LOC")]
    got = without_quarter(ms, places.candidates, lambda name: name == "North Kessa")
    # The known whole stays, a whole the gazetteer knows stays, a city keeps its quarter (no country or region after it).
    assert [(m.text, m.label, text[m.start : m.end]) for m in got] == [
        ("Tarvia", "GPE", "Tarvia"), ("South Tarvia", "GPE", "South Tarvia"), ("North Kessa", "GPE", "North Kessa"), ("Eastern Osk", "LOC", "Eastern Osk"),
    ]


def test_a_known_name_takes_the_entry_the_article_gives_it_after_a_peoples_word():
    names = [
        ("Taliban", "Organization", "taliban"),
        ("Pakistani Taliban", "Organization", "ttp"),
        ("Taliban", "Organization", "taliban"),
        ("Ukraine", "Place", "gn/690791"),
    ]
    assert qualified_senses(names) == {0: 1, 2: 1}
    # Two such entries ("Afghan Taliban", "Pakistani Taliban") leave the bare name as it is.
    assert qualified_senses([*names, ("Afghan Taliban", "Organization", "iea")]) == {}
    # An unknown name, or one of another type, takes nothing.
    assert qualified_senses([("Taliban", "Organization", None), ("Pakistani Taliban", "Organization", "ttp")]) == {}
    assert qualified_senses([("Taliban", "Place", "x"), ("Pakistani Taliban", "Organization", "ttp")]) == {}


def test_two_known_places_joined_by_a_hyphen_are_both():
    places = {"Varna", "Ruse", "Sofia-Grad"}
    text = "Gunmen hit the Varna-Ruse area; the Sofia-Grad office; the Varna-Lantern route."
    ms = [at(text, "Varna-Ruse", "GPE"), at(text, "Sofia-Grad", "GPE"), at(text, "Varna-Lantern", "GPE")]
    got = split_place_pairs(ms, lambda name: name in places)
    # A name known whole stays whole; so does a pair with an unknown half.
    assert [(m.text, m.label) for m in got] == [("Varna", "GPE"), ("Ruse", "GPE"), ("Sofia-Grad", "GPE"), ("Varna-Lantern", "GPE")]
    assert all(text[m.start : m.end] == m.text for m in got)


def test_a_web_domain_names_the_outlet_it_belongs_to():
    outlets = KnowledgeBase([KBEntry("river-wire", "Organization", "River Wire", [], ["NewsOrganization"], domains=("riverwire.ph", "riverwire.com"))])
    text = "Three soldiers died, the chief said. – RiverWire.ph. See also Example.com."
    linked = Linker(outlets).link(Article(text=text, source="t.txt"), [at(text, "RiverWire.ph", "ORG"), at(text, "Example.com", "ORG")])
    assert [(lm.mention.text, lm.entity.kb_id) for lm in linked][0] == ("RiverWire.ph", "river-wire")
    # A domain no outlet of the knowledge base has stays an unknown name.
    assert all(lm.entity.kb_id is None for lm in linked[1:])
    # The domain's name without its ending, after a verb of reporting, in any case.
    text = "A strike hit the village, reported riverwire. Police said nothing, reported sunday."
    linked = Linker(outlets).link(Article(text=text, source="t.txt"), [])
    assert [(lm.mention.text, lm.entity.kb_id) for lm in linked] == [("riverwire", "river-wire")]


def test_a_road_named_by_two_places_is_both_places_known_or_not():
    text = "They were attacked along the Tarvo-Dansk road on Tuesday."
    got = split_place_pairs([at(text, "Tarvo-Dansk road", "FAC")], lambda name: False)
    assert [(m.text, m.label) for m in got] == [("Tarvo", "GPE"), ("Dansk", "GPE")]
    # Not a hyphenated pair of unknown names without a road.
    assert [m.text for m in split_place_pairs([at(text, "Tarvo-Dansk", "ORG")], lambda name: False)] == ["Tarvo-Dansk"]


def test_parts_of_a_name_the_acronym_after_them_spells_are_that_organisation():
    known = KnowledgeBase(
        [
            KBEntry("tehrik-lantern", "Organization", "Tehrik-i-Lantern Varna", ["TLV"], ["ArmedGroup"]),
            KBEntry("lantern", "Organization", "Lantern", [], ["ArmedGroup"]),
            KBEntry("gn/1", "Place", "Varna", [], ["Country"], country="VA", origin="geonames"),
        ]
    )
    text = "Since the Tehreek-i-Lantern Varna (TLV) ended its truce, Lantern Varna (XYZ) spoke."
    ms = [at(text, "Tehreek", "ORG"), at(text, "Lantern", "KB", "kb"), at(text, "Varna", "KB|GPE", "kb"), at(text, "TLV", "KB|ORG", "kb")]
    got = acronym_wholes(ms, text, known.candidates)
    assert [(m.text, m.kb_id) for m in got] == [("Tehreek-i-Lantern Varna", "tlv"), ("TLV", None)]
    # Initials the acronym does not spell leave the parts as they are.
    text2 = "Fighters of Lantern Varna (TLV) spoke."
    ms2 = [at(text2, "Lantern", "KB", "kb"), at(text2, "Varna", "KB|GPE", "kb"), at(text2, "TLV", "KB|ORG", "kb")]
    assert [m.text for m in acronym_wholes(ms2, text2, known.candidates)] == ["Lantern", "Varna", "TLV"]


def test_a_gazetteer_town_after_a_preposition_of_place_is_found_where_the_recogniser_missed_it():
    text = "Gunmen struck at Sebbo in the north on Friday. From Kessa, residents fled; at Dawn prayers near Ouro the dawn was quiet."
    ms = [at(text, "Ouro", "GPE")]
    towns = {"Sebbo", "Kessa", "Dawn", "Friday"}
    got = gazetteer_names(text, ms, towns.__contains__)
    # Friday is a day, "dawn" is written in lower case elsewhere, Ouro is already a mention.
    assert [(m.text, m.label, text[m.start : m.end]) for m in got] == [("Sebbo", "GPE", "Sebbo"), ("Kessa", "GPE", "Kessa")]
