"""Name typing that holds whatever wording a name was written in (issue 8): an area's
department, an attacked one-word name, plural people nouns opening a sentence, a quarter after
any name, a building people shelter in or that is hit, and a place within a possessor place --
each on several invented texts of the same construction."""

from __future__ import annotations

import pytest
from conftest import mention

from kg.mentions import cued_names
from kg.names import GENERIC_WORDS
from kg.nametype import local_decisions
from kg.placecues import department_area
from kg.typecues import name_cues


def typed(text: str, spans: list[tuple[str, str]]) -> list[str | None]:
    """The local type of each (surface, model label) of ``text``."""
    ms = [mention(text, s, label) for s, label in spans]
    ds = local_decisions(ms, text)
    return [ds[id(m)].type for m in ms]


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Rebels ambushed a patrol in the Zorrillo department on Tuesday.", "Zorrillo", "ORG"),
        ("Farmers fled the Alto Pindo department after the clashes.", "Alto Pindo", "ORG"),
        ("The army sent troops to the Quenari department, officials said.", "Quenari", "PERSON"),
        ("Two candidates were shot dead in Tamboril department.", "Tamboril", "PERSON"),
    ],
)
def test_a_name_before_a_lower_case_department_is_an_area(text, name, label):
    assert typed(text, [(name, label)]) == ["Place"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A spokesman for the State department declined to comment.", "State"),
        ("Officers of the Fire department put out the blaze.", "Fire"),
        ("The Homeland Security department issued a warning.", "Homeland Security"),
    ],
)
def test_a_field_before_department_names_a_body_not_an_area(text, name):
    assert not department_area(name)
    assert typed(text, [(name, "ORG")]) != ["Place"]


def test_an_areas_department_the_model_missed_is_found_and_a_fields_is_not():
    text = "Floods hit the Quebrada Honda department. The Justice department opened an inquiry. Troops left the Valle del Oro department."
    assert [m.text for m in cued_names(text, [])] == ["Quebrada Honda department", "Valle del Oro department"]
    assert department_area("Valle del Oro") and not department_area("Justice")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gunmen later attacked Mbeleko, burning homes.", "Mbeleko"),
        ("Militants stormed Kitalani before dawn.", "Kitalani"),
        ("Residents said the raid on Okpodu lasted hours.", "Okpodu"),
        ("On Friday bandits overran Zarami and two hamlets.", "Zarami"),
    ],
)
def test_an_unknown_one_word_name_that_is_attacked_is_most_likely_a_place(text, name):
    assert typed(text, [(name, "ORG")]) == ["Place"]


def test_an_attacked_name_with_a_bodys_evidence_or_a_full_name_stays_what_it_is():
    text = "Soldiers attacked Kelo Brigade positions. Gunmen attacked Amina Dauda Bello in her shop. The Dovan Group, attacked online, said nothing."
    assert typed(text, [("Kelo Brigade", "ORG"), ("Amina Dauda Bello", "PERSON"), ("Dovan Group", "ORG")]) == ["Organization", "Person", "Organization"]


@pytest.mark.parametrize("word", ["Gunmen", "Assailants", "Villagers", "Kidnappers", "Troops", "Militants"])
def test_a_plural_noun_for_people_is_a_generic_word_whatever_the_article_writes_elsewhere(word):
    assert word.lower() in GENERIC_WORDS


def test_plural_people_nouns_are_not_linked_as_entities():
    from kg.kb.base import KnowledgeBase
    from kg.link import Linker
    from kg.types import Article

    text = "Gunmen burned the market. Assailants fled. Villagers said Kembu was quiet."
    ms = [mention(text, "Gunmen", "GPE"), mention(text, "Assailants", "ORG"), mention(text, "Villagers", "NORP"), mention(text, "Kembu", "GPE")]
    got = [lm.mention.text for lm in Linker(KnowledgeBase([])).link(Article(text=text, source="t.txt"), ms)]
    assert got == ["Kembu"]


@pytest.mark.parametrize("name", ["Misamis del Sur", "Tandag del Norte", "Caldas del Norte", "Cruz do Sul", "Llanos del Este", "Lomé du Nord"])
def test_any_name_before_its_quarter_is_an_area(name):
    assert [c[0] for c in name_cues(name)] == ["Place"]


@pytest.mark.parametrize("name", ["Guerreros del Sur", "Autodefensas del Norte", "Bloque del Sur", "Frente Unido del Norte", "Comandos do Sul", "Campesinos del Norte", "Jornaleros del Sur"])
def test_a_bodys_word_before_a_quarter_makes_it_a_body_not_an_area(name):
    assert name_cues(name) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Families who fled sheltered in the Al-Rahma Centre overnight.", "Al-Rahma Centre"),
        ("A mortar round hit the Unity Hall, where the displaced slept.", "Unity Hall"),
        ("About 200 people took refuge in the Kisimu Community Center.", "Kisimu Community Center"),
        ("Drones struck the Bright Dawn Home on Sunday.", "Bright Dawn Home"),
    ],
)
def test_a_building_people_shelter_in_or_that_is_hit_is_a_place(text, name):
    assert typed(text, [(name, "ORG")]) == ["Place"]


def test_a_missed_building_that_sheltered_people_or_was_hit_is_found():
    text = "Children hid in the Nuru Ya Watoto Centre. A shell hit the Hope Shelter. Then the Carter Center published a report."
    assert [(m.text, m.label) for m in cued_names(text, [])] == [("Nuru Ya Watoto Centre", "FAC"), ("Hope Shelter", "FAC")]


def test_a_centre_that_speaks_stays_a_body():
    text = "The Kavala Research Centre said the figures were low."
    assert typed(text, [("Kavala Research Centre", "ORG")]) == ["Organization"]


@pytest.mark.parametrize(
    ("text", "place", "name", "label"),
    [
        ("Fighting spread to Korvani's Tembura after dawn.", "Korvani", "Tembura", "ORG"),
        ("Police moved into Bijora's Talmet on Sunday.", "Bijora", "Talmet", "PERSON"),
        ("Gunmen hit Lusaro's Mpindi, residents said.", "Lusaro", "Mpindi", "ORG"),
    ],
)
def test_an_unknown_one_word_name_after_a_places_possessive_is_a_place_within_it(text, place, name, label):
    assert typed(text, [(place, "GPE"), (name, label)]) == ["Place", "Place"]


def test_a_full_name_or_an_acronym_after_a_places_possessive_keeps_its_type():
    text = "Korvani's Amara Tesfaye Gebre spoke. Korvani's KPLF denied it."
    assert typed(text, [("Korvani", "GPE"), ("Amara Tesfaye Gebre", "PERSON"), ("KPLF", "ORG")])[1:] == ["Person", "Organization"]


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("The attack on Tamarre was led by a gang chief.", "Tamarre", "ORG"),
        ("Police said the assault on Gonavet killed four.", "Gonavet", "PERSON"),
        ("Armed men from Cité Lumière shot five people.", "Cité Lumière", "PERSON"),
        ("Gangs from Gressac joined the fighting on Monday.", "Gressac", "ORG"),
        ("Residents fled Morne Calvaire after the raid.", "Morne Calvaire", "PERSON"),
    ],
)
def test_french_place_names_attacked_or_opened_by_a_place_word_or_left_by_people_are_places(text, name, label):
    assert typed(text, [(name, label)]) == ["Place"]


def test_people_from_a_body_with_its_head_word_or_an_acronym_are_not_placed():
    text = "Gunmen from the Kelo Brigade and men from KPLF joined."
    assert typed(text, [("Kelo Brigade", "ORG"), ("KPLF", "ORG")]) == ["Organization", "Organization"]


def test_a_field_before_department_is_not_extended_into_an_area():
    from kg.mentions import extend_to_admin_noun

    text = "The Health department and the Zorrillo department signed it."
    health, zorrillo = (extend_to_admin_noun(mention(text, s, "ORG"), text) for s in ("Health", "Zorrillo"))
    assert (health.text, health.label) == ("Health", "ORG")
    assert (zorrillo.text, zorrillo.label) == ("Zorrillo department", "GPE")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Artillery shelled the Peace Hall where families slept.", "Peace Hall"),
        ("Rebels looted the Good Shepherd Home overnight.", "Good Shepherd Home"),
        ("Two bodies were found outside the Amani Centre.", "Amani Centre"),
    ],
)
def test_a_building_shelled_looted_or_found_outside_is_a_place(text, name):
    assert typed(text, [(name, "ORG")]) == ["Place"]


def test_a_one_word_product_that_is_attacked_is_a_place_and_a_peoples_word_is_not():
    text = "The offensive on Mirevo began at dawn. The attack on Christians shocked many."
    assert typed(text, [("Mirevo", "PRODUCT"), ("Christians", "NORP")]) == ["Place", None]


def test_an_attacked_product_is_linked_as_a_place():
    from kg.kb.base import KnowledgeBase
    from kg.link import Linker
    from kg.types import Article

    text = "Gangs began the assault on Tivoré on Monday, and the raid on Kabeni followed."
    ms = [mention(text, "Tivoré", "PRODUCT"), mention(text, "Kabeni", "WORK_OF_ART")]
    got = {(lm.mention.text, lm.entity.type) for lm in Linker(KnowledgeBase([])).link(Article(text=text, source="t.txt"), ms)}
    assert got == {("Tivoré", "Place"), ("Kabeni", "Place")}
