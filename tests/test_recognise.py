"""The knowledge-base ruler as a spaCy component, on spacy.blank("en")."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from kg.kb.base import KBEntry, KnowledgeBase
from kg.recognise import EntityRuler, add_kb_ruler, kb_patterns, mentions_from_doc, weapon_patterns


def small_kb() -> KnowledgeBase:
    return KnowledgeBase(
        [
            KBEntry("gn/706483", "Place", "Kharkiv", ["Kharkov"], ["City"], population=1_421_125, country="UA", origin="geonames"),
            KBEntry("gn/1", "Place", "Smallville", [], ["City"], population=20_000, country="US", origin="geonames"),
            KBEntry("hesa-shahed-136", "Weapon", "HESA Shahed 136", ["Shahed", "Shahed-136"], ["WeaponSystem", "Drone"]),
            KBEntry("weapon-type-cluster-munition", "Weapon", "cluster munition", ["cluster munitions"], ["WeaponType", "ClusterMunition"]),
            KBEntry("un-security-council", "Organization", "United Nations Security Council", ["UN Security Council"], ["InternationalOrganization"]),
            KBEntry("kharkiv-guard", "Organization", "Kharkiv's City Guard", [], ["MilitaryUnit"]),
        ]
    )


def blank_with_ruler():
    nlp = spacy.blank("en")
    add_kb_ruler(nlp, small_kb())
    return nlp


def ents(doc):
    return [(e.text, e.label_, e.kb_id_) for e in doc.ents]


def test_patterns_leave_out_small_cities_and_mark_weapons():
    kb = small_kb()
    pats = weapon_patterns(kb, kb_patterns(kb))
    names = {p["pattern"] for p in pats}
    assert "Kharkiv" in names and "Kharkov" not in names  # big city: own name only
    assert "Smallville" not in names
    assert {p["pattern"] for p in pats if p.get("weapon")} == {"HESA Shahed 136", "Shahed", "Shahed-136"}
    assert next(p for p in pats if p["pattern"] == "cluster munitions")["case"] is False


def test_ruler_finds_and_extends_weapon_systems():
    doc = blank_with_ruler()("Several Shahed drones hit Kharkiv; cluster munitions were used.")
    assert ents(doc) == [
        ("Shahed drones", "KB", "shahed"),
        ("Kharkiv", "KB", "kharkiv"),
        ("cluster munitions", "KB", "cluster munitions"),
    ]


def test_case_rules():
    nlp = blank_with_ruler()
    assert ents(nlp("KHARKIV UNDER FIRE"))[0][:2] == ("KHARKIV", "KB")  # all-capitals headline form
    assert ents(nlp("kharkiv")) == []  # capitalised names match as written
    assert ents(nlp("Cluster Munitions banned"))[0][0] == "Cluster Munitions"  # lower-case names in any case


def test_a_curly_apostrophe_matches_a_names_straight_one():
    nlp = blank_with_ruler()
    assert ents(nlp("Kharkiv’s City Guard said.")) == [("Kharkiv’s City Guard", "KB", "kharkiv city guard")]
    assert ents(nlp("Kharkiv's City Guard said.")) == [("Kharkiv's City Guard", "KB", "kharkiv city guard")]


def test_rule_wins_over_a_mislabelled_model_span_and_keeps_its_label():
    nlp = spacy.blank("en")
    ruler = add_kb_ruler(nlp, small_kb())
    doc = nlp.make_doc("Drones struck Kharkiv overnight.")
    doc.ents = [Span(doc, 2, 3, label="ORG")]
    doc = ruler(doc)
    assert ents(doc) == [("Kharkiv", "KB|ORG", "kharkiv")]


def test_a_model_span_holding_a_list_is_its_items_beside_the_rule():
    nlp = spacy.blank("en")
    ruler = add_kb_ruler(nlp, small_kb())
    doc = nlp.make_doc("Missiles struck the Sumy, Kherson, Mykolaiv and Kharkiv regions.")
    doc.ents = [Span(doc, 5, 10, label="ORG")]  # "Kherson, Mykolaiv and Kharkiv"
    assert ents(ruler(doc)) == [("Kherson", "ORG", ""), ("Mykolaiv", "ORG", ""), ("Kharkiv", "KB|ORG", "kharkiv")]
    # A name with a comma and a lower-case word is no list.
    doc = nlp.make_doc("the Ministry of Labour, Social Affairs and Family said")
    doc.ents = [Span(doc, 1, 9, label="ORG")]
    assert ents(ruler(doc)) == [("Ministry of Labour, Social Affairs and Family", "ORG", "")]


def test_a_longer_model_name_wins_over_the_rule():
    nlp = spacy.blank("en")
    ruler = add_kb_ruler(nlp, small_kb())
    doc = nlp.make_doc("the Kharkiv Regional Military Administration said")
    doc.ents = [Span(doc, 1, 5, label="ORG")]
    assert ents(ruler(doc)) == [("Kharkiv Regional Military Administration", "ORG", "")]


def test_model_span_with_punctuation_loses_to_the_rule():
    nlp = spacy.blank("en")
    ruler = add_kb_ruler(nlp, small_kb())
    doc = nlp.make_doc("Attack on Kharkiv, Vows Revenge")
    doc.ents = [Span(doc, 2, 6, label="ORG")]
    assert ents(ruler(doc)) == [("Kharkiv", "KB|ORG", "kharkiv")]


def test_to_disk_from_disk_round_trip(tmp_path):
    nlp = blank_with_ruler()
    ruler = nlp.get_pipe("kg_entity_ruler")
    ruler.to_disk(tmp_path / "ruler")
    nlp2 = spacy.blank("en")
    ruler2 = nlp2.add_pipe("kg_entity_ruler")
    ruler2.from_disk(tmp_path / "ruler")
    assert ruler2.patterns == ruler.patterns
    text = "Shahed drones over Kharkiv"
    assert ents(nlp2(text)) == ents(nlp(text))
    # The whole pipeline round-trips too, through spaCy's own serialisation.
    nlp.to_disk(tmp_path / "pipeline")
    nlp3 = spacy.load(tmp_path / "pipeline")
    assert ents(nlp3(text)) == ents(nlp(text))


def test_mentions_carry_offsets_and_sentences():
    nlp = blank_with_ruler()
    nlp.add_pipe("sentencizer", first=True)
    text = "Calm in Smallville. Then Kharkiv was hit."
    (m,) = mentions_from_doc(nlp(text))
    assert text[m.start : m.end] == "Kharkiv" and m.source == "kb"
    assert text[m.sentence[0] : m.sentence[1]] == "Then Kharkiv was hit."


def test_factory_is_registered():
    nlp = spacy.blank("en")
    assert isinstance(nlp.add_pipe("kg_entity_ruler"), EntityRuler)


def test_common_phrases_are_not_weapons():
    nlp = spacy.blank("en")
    kb = KnowledgeBase([KBEntry("weapon-type-tank", "Weapon", "tank", ["tanks"], ["WeaponType", "Tank"])])
    add_kb_ruler(nlp, kb)
    assert ents(nlp("A think tank said Russian tanks advanced.")) == [("tanks", "KB", "tanks")]
    assert ents(nlp("Oxygen tanks ran short while tanks shelled the town.")) == [("tanks", "KB", "tanks")]


def test_a_peoples_body_is_found_with_its_noun_in_lower_case():
    nlp = spacy.blank("en")
    kb = KnowledgeBase(
        [
            KBEntry("ukrainian-air-force", "Organization", "Ukrainian Air Force", [], ["MilitaryUnit"], country="UA"),
            KBEntry("iraqi-army", "Organization", "Iraqi Army", [], ["MilitaryUnit"], country="IQ"),
        ]
    )
    add_kb_ruler(nlp, kb)
    assert ents(nlp("The Ukrainian air force said it downed drones.")) == [("Ukrainian air force", "KB", "ukrainian air force")]
    # A people's generic body ("the Iraqi army") is a description, not the name.
    assert ents(nlp("The Iraqi army said. The Iraqi Army said.")) == [("Iraqi Army", "KB", "iraqi army")]
    # Other case changes of a capitalised name still miss.
    assert ents(nlp("The ukrainian air force said.")) == []


def test_a_slash_after_a_name_or_between_names_is_a_token_and_names_around_it_are_found():
    from kg.recognise import split_slashes

    nlp = spacy.blank("en")
    split_slashes(nlp)
    add_kb_ruler(nlp, small_kb())
    doc = nlp("Talks between Kharkiv/ the UN Security Council resumed on 24/7 terms, and/or later. The UN Security Council/Shahed-136 row.")
    assert [e[0] for e in ents(doc)] == ["Kharkiv", "UN Security Council", "UN Security Council", "Shahed-136"]
    assert {"24/7", "and/or"} <= {t.text for t in doc}
def test_a_weapon_systems_span_runs_on_over_its_role_and_noun():
    # "Kh-31 anti-radar missile": the role between the system and its noun belongs to the
    # system's mention, so that no second weapon ("anti-radar missile") comes of it.
    doc = blank_with_ruler()("A Shahed anti-radar drone and a Shahed-136 anti-ship missile hit Kharkiv.")
    assert ents(doc)[:2] == [("Shahed anti-radar drone", "KB", "shahed"), ("Shahed-136 anti-ship missile", "KB", "shahed 136")]
    # The role alone, without a noun after it, is left out ("Shahed anti-").
    assert ents(blank_with_ruler()("Shahed anti-radar units"))[0][0] == "Shahed anti-radar units"
    assert ents(blank_with_ruler()("Shahed - the drone"))[0][0] == "Shahed"


def test_a_name_of_small_words_only_keeps_its_capital():
    kb = KnowledgeBase(
        [
            KBEntry("gn/9", "Place", "Van", [], ["City"], population=600_000, country="TR", origin="geonames"),
            KBEntry("voa", "Organization", "Voice of America", ["Voice Of America"], ["NewsOrganization"]),
        ]
    )
    nlp = spacy.blank("en")
    add_kb_ruler(nlp, kb)
    assert ents(nlp("A roadside bomb struck a police van near the market.")) == []
    assert [e[0] for e in ents(nlp("Shelling hit Van on Monday."))] == ["Van"]
    # Small words inside a longer name may still differ in case.
    assert [e[0] for e in ents(nlp("Voice Of America reported it."))] == ["Voice Of America"]
