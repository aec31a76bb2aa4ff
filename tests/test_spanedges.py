"""Name edges of kg/spanedges.py (water bodies, compass suffixes, a unit's seat), on texts written here."""

from __future__ import annotations

from kg.mentions import cued_names
from kg.spanedges import (
    collective_possessive,
    cut_title_tail,
    cut_unit_seat,
    dateline_places,
    drop_place_plurals,
    extend_back_by_acronym,
    extend_by_compass_suffix,
    extend_over_slashed_head,
    extend_person_tail,
    extend_to_water_body,
    known_with_kind_word,
    nicknamed_wholes,
    split_agency_tail,
)
from kg.types import Mention


def at(text: str, surface: str, label: str, kb_id: str | None = None) -> Mention:
    start = text.index(surface)
    return Mention(start, start + len(surface), surface, label, "kb" if kb_id else "ner", kb_id)


def test_a_country_after_gulf_of_is_the_water_body_and_the_kbs_gulf_goes():
    text = "Piracy has grown in the waters of the Gulf of Guinea, officials said."
    gulf = at(text, "Gulf", "KB|LOC", "persian-gulf")
    guinea = at(text, "Guinea", "KB|LOC", "gn/1")
    out = extend_to_water_body([gulf, guinea], text)
    assert [(m.text, m.kb_id) for m in out] == [("Gulf of Guinea", None)]
    # no water word before it: the country stays
    text = "Troops from Guinea arrived."
    assert [m.text for m in extend_to_water_body([at(text, "Guinea", "KB|LOC", "gn/1")], text)] == ["Guinea"]


def test_a_hyphenated_compass_word_is_part_of_an_areas_name():
    text = "the head of the Walendu-Nord chiefdom said"
    out = extend_by_compass_suffix([at(text, "Walendu", "PERSON")], text)
    assert [(m.text, m.label) for m in out] == [("Walendu-Nord", "GPE")]
    text = "the Walendu-Nordic group"
    assert [m.text for m in extend_by_compass_suffix([at(text, "Walendu", "PERSON")], text)] == ["Walendu"]


def test_a_units_seat_of_command_names_the_unit():
    text = "the Command of the Ninth Infantry Division of the army said"
    out = cut_unit_seat([at(text, "Command of the Ninth Infantry Division", "ORG")], text)
    assert [m.text for m in out] == ["Ninth Infantry Division"]
    text = "the Command of the Faithful said"
    assert [m.text for m in cut_unit_seat([at(text, "Command of the Faithful", "ORG")], text)] == ["Command of the Faithful"]


def test_a_dateline_with_a_bracketed_country_or_a_date_names_a_place():
    text = "Title\n\nKoboro [Sudan], July 22 (ANI/Xinhua): Twelve soldiers were killed."
    assert [(m.text, m.label) for m in dateline_places(text, [])] == [("Koboro", "GPE")]
    text = "Title\n\nKoboro, July 22 (Reuters) - Twelve soldiers were killed."
    assert [m.text for m in dateline_places(text, [])] == ["Koboro"]
    # a weekday or a byline's word opens no dateline, and a mention already there stays alone
    assert dateline_places("Title\n\nMonday, July 22 was calm.", []) == []
    assert dateline_places("Title\n\nBy Kofi Mensah, July 22 2024", []) == []
    text = "Title\n\nKoboro, July 22 (Reuters) - calm."
    assert dateline_places(text, [at(text, "Koboro", "GPE")]) == []


def test_an_acronym_that_spells_the_words_before_the_span_too():
    text = "the spokesman of Kanda's National Defense Force (KNDF), said"
    country = at(text, "Kanda", "KB|GPE", "kanda")
    force = at(text, "National Defense Force", "ORG")
    acronym = at(text, "KNDF", "KB|ORG", "kanda-national-defense-force")
    out = extend_back_by_acronym([country, force, acronym], text)
    assert [(m.text, m.kb_id) for m in out] == [("Kanda's National Defense Force", "kanda-national-defense-force"), ("KNDF", "kanda-national-defense-force")]
    # an acronym that spells the span alone leaves it as it is
    text = "the Kanda National Defense Force (NDF) said"
    force = at(text, "National Defense Force", "ORG")
    assert [m.text for m in extend_back_by_acronym([force], text)] == ["National Defense Force"]


def test_a_collectives_possessive_and_a_slashed_head_belong_to_the_name():
    assert collective_possessive("South Kanda People") and not collective_possessive("Kanda")
    text = "the head of the Kanda People's Movement/Army attacked"
    out = extend_over_slashed_head([at(text, "Kanda People's Movement", "ORG")], text)
    assert [(m.text, m.label) for m in out] == [("Kanda People's Movement/Army", "ORG")]
    text = "the Kanda Movement/and others"
    assert [m.text for m in extend_over_slashed_head([at(text, "Kanda Movement", "ORG")], text)] == ["Kanda Movement"]


def test_a_known_outlet_and_a_word_for_its_kind_is_the_outlet():
    from kg.kb.base import Candidate, KBEntry

    entry = KBEntry(id="kanda-news", type="Organization", label="Kanda News")
    lookup = lambda name: [Candidate(entry, True, False)] if name == "Kanda News" else []  # noqa: E731
    text = "By Kanda News\n\nWitnesses told Kanda News Agency that two died."
    ms = [at(text, "Kanda News", "OUTLET"), at(text, "Kanda News Agency", "ORG")]
    out = known_with_kind_word(ms, lookup)
    assert [(m.label, m.kb_id) for m in out] == [("OUTLET", None), ("KB|ORG", "kanda news")]
    # not written alone in the article: left to the linker
    assert known_with_kind_word(ms[1:], lookup)[0].kb_id is None


def test_a_given_name_before_a_quoted_alias_and_a_surname_gives_way_to_the_whole():
    text = 'The group, whose leader Tamran "Bogo" Sulikan was arrested, struck.'
    out = nicknamed_wholes([at(text, "Tamran", "PERSON")], text)
    assert [(m.text, m.label) for m in out] == [('Tamran "Bogo" Sulikan', "PERSON")]
    # a knowledge-base name inside stays as it is
    kept = nicknamed_wholes([at(text, "Tamran", "KB|PERSON", "tamran")], text)
    assert [m.text for m in kept] == ["Tamran"]


def test_an_area_with_a_particle_inside_its_name():
    text = "near Nkonga village, in Ancuabe da Serra district. They fled."
    assert "Ancuabe da Serra district" in [m.text for m in cued_names(text, [])]


def test_a_photo_agencys_capitals_after_a_persons_name_are_the_agency():
    text = "Photo by Kamal Husi EPA-EFE"
    out = split_agency_tail([at(text, "Kamal Husi EPA-EFE", "PERSON")], lambda name: [])
    assert [(m.text, m.label) for m in out] == [("Kamal Husi", "PERSON"), ("EPA-EFE", "ORG")]
    # capitals the knowledge base does not know as an organisation, without a hyphen, stay the name's
    text = "said Jean-Paul Okoro MBA"
    assert [m.text for m in split_agency_tail([at(text, "Jean-Paul Okoro MBA", "PERSON")], lambda name: [])] == ["Jean-Paul Okoro MBA"]


def test_a_persons_span_runs_on_over_the_names_last_words():
    text = "the elected president, Tamo Rene Christian Kabako, was overthrown"
    ms = [at(text, "Tamo Rene", "PERSON"), at(text, "Christian", "NORP")]
    out = extend_person_tail(ms, text, lambda name: [])
    assert [m.text for m in out] == ["Tamo Rene Christian Kabako"]
    # a weekday or a people's word ends no name
    text = "said Tamo Rene Monday, and Tamo Rene Christian, a priest"
    assert [m.text for m in extend_person_tail([at(text, "Tamo Rene", "PERSON")], text, lambda name: [])] == ["Tamo Rene"]


def test_a_bodys_span_ends_before_the_post_and_rank_of_the_person_after_it():
    text = "said Operation Kanda Shield Spokesman Col. Tamo Rene on Monday"
    out = cut_title_tail([at(text, "Operation Kanda Shield Spokesman Col", "WORK_OF_ART")], text)
    assert [m.text for m in out] == ["Operation Kanda Shield"]
    text = "the Kanda Defence Council said"
    assert [m.text for m in cut_title_tail([at(text, "Kanda Defence Council", "ORG")], text)] == ["Kanda Defence Council"]


def test_a_plural_of_a_known_regions_name_is_its_people():
    from kg.kb.base import Candidate, KBEntry

    region = KBEntry(id="kandaland", type="Place", label="Kandaland", classes=["Region"])
    lookup = lambda name: [Candidate(region, True, False)] if name == "Kandaland" else []  # noqa: E731
    text = "He called on all Kandalandis to remain calm, and Dennis agreed."
    out = drop_place_plurals([at(text, "Kandalandis", "ORG"), at(text, "Dennis", "PERSON")], lookup)
    assert [m.text for m in out] == ["Dennis"]
