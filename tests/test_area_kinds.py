"""Areas and sites named with their kind ("Kesso zone", "Varno natural reserve"), armed
groups named in Arabic, Urdu or Pashto, generic nouns alone, and a known person's
possessive -- on texts written here and a small knowledge base (no spaCy model)."""

from __future__ import annotations

from kg.kb.base import KBEntry, KnowledgeBase
from kg.link import Linker
from kg.mentions import extend_to_admin_noun, extend_to_facility, without_admin_noun
from kg.nametype import name_evidence
from kg.types import Article, Mention


def kb() -> KnowledgeBase:
    return KnowledgeBase(
        [
            KBEntry("gn/1", "Place", "Arvenia", [], ["Country"], country="AV", origin="geonames", population=9_000_000),
            KBEntry("oren-dask", "Person", "Oren Dask", [], ["Politician"], country="AV"),
        ]
    )


def at(text: str, surface: str, label: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(start, start + len(surface), surface, label, "ner", None)


def test_an_unknown_name_before_zone_or_local_government_area_is_that_area():
    text = "Gunmen struck Boli locality, Western Kesso zone of the region, and Tamba local government area."
    zone = extend_to_admin_noun(at(text, "Western Kesso", "GPE"), text)
    lga = extend_to_admin_noun(at(text, "Tamba", "GPE"), text)
    assert (zone.text, lga.text) == ("Western Kesso zone", "Tamba local government area")
    assert without_admin_noun("Western Kesso zone") == "Western Kesso"
    # a name with no kind noun after it is left as it is
    assert extend_to_admin_noun(at(text, "Boli", "GPE"), text).text == "Boli"


def test_a_name_before_a_bridge_park_reserve_or_forest_is_the_site():
    text = "They hid in the Varno natural reserve, crossed the Kel bridge and fled into Dura forest."
    got = [extend_to_facility(at(text, name, "GPE"), text).text for name in ("Varno", "Kel", "Dura")]
    assert got == ["Varno natural reserve", "Kel bridge", "Dura forest"]
    assert extend_to_facility(at(text, "Varno", "GPE"), text).label == "FAC"


def test_an_armed_groups_opening_word_makes_it_an_organisation():
    for name in ("Jaish al-Taqwa", "Harakat Hezam", "Lashkar-e-Noor", "Kataib Sayyid Fulan"):
        assert [e.type for e in name_evidence(name) if "opening word" in e.reason] == ["Organization"], name
    # a person named like one of those words' cousins, or a single word, gets no such evidence
    assert not [e for e in name_evidence("Ansar Abbasi") if "opening word" in e.reason]
    assert not [e for e in name_evidence("Jaish") if "opening word" in e.reason]


def test_a_generic_noun_alone_is_no_name_but_inside_a_name_it_is():
    text = "The officials filled in for Village Head and Ward Head. The Movement said it."
    ms = [at(text, "Ward", "GPE"), at(text, "Village", "GPE"), at(text, "Movement", "ORG")]
    assert Linker(kb()).link(Article(text=text, source="t.txt"), ms) == []
    text2 = "The Kesso Liberation Movement said it."
    (lm,) = Linker(kb()).link(Article(text=text2, source="t.txt"), [at(text2, "Kesso Liberation Movement", "ORG")])
    assert lm.entity.type == "Organization"


def test_a_known_persons_possessive_names_the_person_and_what_they_lead():
    text = "Talks between President Oren Dask’s KLM and the rebels resumed in Arvenia."
    ms = [at(text, "Oren Dask’s KLM", "PERSON"), at(text, "Arvenia", "GPE")]
    linked = Linker(kb()).link(Article(text=text, source="t.txt"), ms)
    by_text = {lm.mention.text: lm.entity for lm in linked}
    assert by_text["Oren Dask"].type == "Person" and by_text["Oren Dask"].kb_id == "oren-dask"
    assert by_text["KLM"].type == "Organization"
    assert "Oren Dask’s KLM" not in by_text


def test_a_capitalised_area_and_its_kind_are_one_place_where_the_model_drew_none():
    from kg.spans import kinded_areas

    text = "The attack occurred in the Kesso Local Government Area and in Matongo District. The Zone was calm."
    got = [m.text for m in kinded_areas(text, [])]
    assert got == ["Kesso Local Government Area", "Matongo District"]
    # where a mention already stands, nothing is added
    assert kinded_areas(text, [at(text, "Matongo District", "GPE")])[-1].text == "Kesso Local Government Area"
