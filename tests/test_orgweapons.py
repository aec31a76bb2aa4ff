"""Organisations and weapons on texts written here: units named after a weapon
(kg/regiments.py), a generic weapon word naming again the article's one specific weapon
(kg/weaponsense.py), spans that are no organisation's name and acronyms in brackets
(kg/orgjunk.py)."""

from __future__ import annotations

import spacy

from kg.identity import entity_iri
from kg.kb.base import KBEntry, KnowledgeBase
from kg.link import Linker
from kg.nametype import junk_reason
from kg.orgjunk import cut_at_acronym, org_junk_reason
from kg.recognise import add_kb_ruler
from kg.types import Article, Mention
from kg.weaponsense import mention_use, weapon_name_senses

IED = KBEntry("weapon-type-ied", "Weapon", "improvised explosive device", ["IED", "roadside bomb", "roadside bombs"], ["WeaponType", "Bomb"])
TARN_ARMY = KBEntry("tarn-army", "Organization", "Tarn Army", ["Tarnese Army"], ["MilitaryBranch"])
CAR_BOMB = KBEntry("weapon-type-car-bomb", "Weapon", "car bomb", ["car bombs"], ["WeaponType", "Bomb"])
BOMB = KBEntry("weapon-type-bomb", "Weapon", "bomb", ["bombs"], ["WeaponType", "Bomb"])
RIFLE = KBEntry("weapon-type-rifle", "Weapon", "rifle", ["rifles"], ["WeaponType", "SmallArms"])
RPG = KBEntry("weapon-type-rpg", "Weapon", "rocket-propelled grenade", ["RPG"], ["WeaponType", "SmallArms"])
GRENADE = KBEntry("weapon-type-grenade", "Weapon", "grenade", ["grenades"], ["WeaponType", "SmallArms"])


def small_kb() -> KnowledgeBase:
    return KnowledgeBase([TARN_ARMY, IED, CAR_BOMB, BOMB, RIFLE, RPG, GRENADE, KBEntry("kalatown", "Place", "Kalatown", [], ["City"], country="PK")])


def at(text: str, surface: str, label: str, nth: int = 0, kb_id: str | None = None) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(start, start + len(surface), surface, label, "kb" if kb_id else "ner", kb_id)


# -- units named after a weapon ---------------------------------------------------------


def ruler_ents(text: str) -> list[tuple[str, str]]:
    nlp = spacy.blank("en")
    add_kb_ruler(nlp, small_kb())
    return [(e.text, e.label_) for e in nlp(text).ents]


def test_a_capitalised_weapon_word_heading_a_name_is_a_unit():
    assert ruler_ents("Four Oru Rifles personnel were killed, an Oru Rifles official said.") == [("Oru Rifles", "ORG"), ("Oru Rifles", "ORG")]
    assert ruler_ents("The Royal Tarn Rifles fired.") == [("Royal Tarn Rifles", "ORG")]
    # a headline in title case: a unit only where the article names it so in a sentence
    assert ruler_ents("Militants Ambush Oru Rifles Vehicle\nTwo Oru Rifles soldiers died.") == [("Oru Rifles", "ORG"), ("Oru Rifles", "ORG")]


def test_a_weapon_word_stays_a_weapon_in_lower_case_in_title_case_and_first_in_a_sentence():
    assert ruler_ents("Gunmen carried rifles and grenades.") == [("rifles", "KB"), ("grenades", "KB")]
    assert ruler_ents("Rebels Seize Rifles at Depot\nThey fled.") == [("Rifles", "KB")]
    assert ruler_ents("Rifles were seized.") == [("Rifles", "KB")]


# -- a generic weapon word and the article's specific weapon ------------------------------


def names(*entries: KBEntry, use: str = "definite") -> list[tuple[str, str, list[str], list[str], str]]:
    return [(e.label, e.id, e.classes, e.aliases, use) for e in entries]


def test_a_generic_weapon_told_again_takes_the_one_specific_type_of_its_family():
    assert weapon_name_senses(names(IED, BOMB)) == {1: 0}
    assert weapon_name_senses(names(IED, CAR_BOMB, BOMB)) == {}  # two specific bombs: either
    assert weapon_name_senses(names(BOMB)) == {}
    # small arms are kinds of weapon, not kinds of one weapon: grenades beside an RPG stay grenades
    assert weapon_name_senses(names(RPG, GRENADE, RIFLE)) == {}
    # "a bomb exploded" brings in a bomb of its own; "a missile strike" says nothing
    assert weapon_name_senses(names(IED, BOMB) + names(BOMB, use="introducing")) == {}
    assert weapon_name_senses(names(IED, BOMB, use="other")) == {}


def test_how_an_article_uses_a_generic_weapon_word():
    text = "The bomb exploded. A bomb went off. Hundreds of bombs fell. A bomb attack followed. They fired 40 bombs"
    assert mention_use(text, 4, 8) == "definite"
    assert mention_use(text, text.index("bomb went"), text.index(" went")) == "introducing"
    assert mention_use(text, text.index("bombs fell"), text.index(" fell")) == "introducing"
    assert mention_use(text, text.index("bomb attack"), text.index(" attack")) == "other"
    assert mention_use(text, text.rindex("bombs"), len(text)) == "introducing"


def test_the_bomb_after_an_ied_is_the_ied_in_the_linker():
    text = "An improvised explosive device exploded near Kalatown. The bomb killed two."
    ms = [at(text, "improvised explosive device", "KB", kb_id="improvised explosive device"), at(text, "bomb", "KB", kb_id="bomb")]
    linked = Linker(small_kb()).link(Article(text=text, source="t.txt"), ms)
    iris = {lm.mention.text: lm.entity.iri for lm in linked}
    assert iris["bomb"] == iris["improvised explosive device"] == entity_iri(IED.id, "Weapon", IED.label)


# -- no organisation's name -----------------------------------------------------------------


def test_documents_vessels_and_acronyms_of_common_words_are_no_names():
    text = "The Kestrel Hills Peace Accord is unfinished, under the Land Commission Act."
    assert org_junk_reason("Kestrel Hills Peace Accord", text, text.index(" is"), "ORG").startswith("a document's")
    assert org_junk_reason("Land Commission", text, text.index(" Act"), "ORG").startswith("a document's")
    text = "Missiles struck the Panama-flagged Blue Heron. The Blue Heron's crew fled the bulk carrier Sea Lark."
    assert org_junk_reason("Blue Heron", text, text.index("'s"), "ORG").startswith("a vessel's")
    assert org_junk_reason("Sea Lark", text, len(text) - 1, "ORG").startswith("a vessel's")
    text = "It was struck off the list of organised armed groups (GAO). The GAO list is long. The Tarn Valley Front (TVF) fought."
    assert org_junk_reason("GAO", text, text.index("). The"), "ORG").startswith("an acronym of common words")
    assert org_junk_reason("TVF", text, len(text) - 8, "ORG") is None  # a name's acronym stays
    text = "Area Police Officer (APO) Ali Khan said; SSP Operations Omar Baig added."
    assert org_junk_reason("APO", text, text.index(") Ali"), "ORG").startswith("a post's acronym")
    assert org_junk_reason("SSP Operations", text, text.index(" Omar"), "ORG").startswith("a post opened")
    assert org_junk_reason("Daily Accord", "By Daily Accord", 15, "OUTLET") is None  # an outlet is its name


def test_the_first_words_of_a_polices_post_are_no_name():
    text = "Meanwhile, Regional Police Officer Sajid Ahmad said two died."
    m = at(text, "Regional Police", "ORG")
    assert junk_reason(m, text) is not None
    text = "Meanwhile, the Regional Police said two died."
    assert junk_reason(at(text, "Regional Police", "ORG"), text) is None


def test_a_span_run_into_its_acronyms_bracket_is_cut_and_the_acronym_joins_it():
    text = "Fighters of the United Front of Tarnland (Uft) attacked. The Uft denied it."
    m = Mention(text.index("United"), text.index(") attacked"), text[text.index("United") : text.index(") attacked")], "ORG")
    cut = cut_at_acronym([m], text)
    assert [c.text for c in cut] == ["United Front of Tarnland", "Uft"]
    assert all(text[c.start : c.end] == c.text for c in cut)
    # a bracket that does not spell the initials is part of the name
    text2 = "Fighters of the Socialist Council (Khaplang) attacked."
    m2 = Mention(text2.index("Socialist"), text2.index(") attacked"), text2[text2.index("Socialist") : text2.index(") attacked")], "ORG")
    assert cut_at_acronym([m2], text2) == [m2]
    second = at(text, "Uft", "GPE", nth=1)
    linked = Linker(small_kb()).link(Article(text=text, source="t.txt"), [m, second])
    iris = {lm.entity.iri for lm in linked}
    assert len(iris) == 1 and next(iter(iris)).endswith("united-front-of-tarnland")


# -- longer organisation names, their acronyms, their lists ---------------------------------


def test_a_model_span_opening_with_the_still_holds_a_longer_name_around_the_rule():
    from spacy.tokens import Span

    nlp = spacy.blank("en")
    ruler = add_kb_ruler(nlp, small_kb())
    doc = nlp.make_doc("a study by the Kalatown Center for Strategic Studies said")
    doc.ents = [Span(doc, 3, 9, label="ORG")]
    assert [(e.text, e.label_) for e in ruler(doc).ents] == [("the Kalatown Center for Strategic Studies", "ORG")]
    doc = nlp.make_doc("fighting in the Kalatown area")
    doc.ents = [Span(doc, 2, 4, label="GPE")]  # "the Kalatown": the rule's name alone
    assert [(e.text, e.label_) for e in ruler(doc).ents] == [("Kalatown", "KB|GPE")]


def test_a_title_word_after_of_is_the_bodys_field_not_a_title_tail():
    from kg.spanedges import cut_title_tail

    text = "the Tarn Government Department of Defence said; Area Office Spokesman Col said"
    m = at(text, "Tarn Government Department of Defence", "ORG")
    assert [o.text for o in cut_title_tail([m], text)] == ["Tarn Government Department of Defence"]
    m = at(text, "Area Office Spokesman Col", "ORG")
    assert [o.text for o in cut_title_tail([m], text)] == ["Area Office"]


def test_a_gang_and_a_name_spelled_by_its_acronym_are_bodies():
    from kg.nametype import local_decisions
    from kg.spanedges import extend_back_by_acronym

    text = "Police blamed the Los Perales gang for it."
    m = at(text, "Los Perales", "GPE")
    assert local_decisions([m], text)[id(m)].type == "Organization"
    text = "It was signed with leaders of Oru Tarn Jana Vedi Samiti (OTJVS) in 1997."
    m = at(text, "Tarn Jana Vedi Samiti", "PERSON")
    whole = extend_back_by_acronym([m], text)
    assert [(w.text, w.label) for w in whole] == [("Oru Tarn Jana Vedi Samiti", "ORG")]
    assert local_decisions(whole, text)[id(whole[0])].type == "Organization"


def test_a_list_runs_over_a_missed_item_and_counts_its_neighbours_article_type():
    from kg.listgaps import list_runs
    from kg.namepool import Resolved, pooled_types
    from kg.nametype import local_decisions

    text = "The attack took place in Mayolo, Tova, Kambalo, Kilembi and Kabrika, he said."
    ms = [at(text, "Mayolo", "GPE"), at(text, "Tova", "GPE"), at(text, "Kilembi", "PERSON"), at(text, "Kabrika", "ORG")]
    assert [[m.text for m in run] for run in list_runs(ms, text)] == [["Mayolo", "Tova", "Kilembi", "Kabrika"]]
    text = "Troops camped near Abori. They were attacked between Abori and Mohing at dawn."
    ms = [at(text, "Abori", "GPE"), at(text, "Abori", "ORG", nth=1), at(text, "Mohing", "ORG")]
    ds = local_decisions(ms, text)
    rs = [Resolved(m, m.text.lower(), ds[id(m)].type, False) for m in ms]
    assert ds[id(ms[1])].type == "Organization"  # where it stands in the list, a weak "organisation"
    assert pooled_types(rs, ds, text)["mohing"].type == "Place"


def test_a_unit_of_a_known_body_is_two_names():
    from spacy.tokens import Span

    nlp = spacy.blank("en")
    ruler = add_kb_ruler(nlp, small_kb())
    doc = nlp.make_doc("The Ninth Division of the Tarnese Army said")
    doc.ents = [Span(doc, 0, 7, label="ORG")]
    assert [(e.text, e.label_) for e in ruler(doc).ents] == [("Ninth Division", "ORG"), ("Tarnese Army", "KB|ORG")]
    doc = nlp.make_doc("Students of the Tarn University of Kalatown fled")  # a place after "of" is a word of the name
    doc.ents = [Span(doc, 2, 7, label="ORG")]
    assert [(e.text, e.label_) for e in ruler(doc).ents] == [("the Tarn University of Kalatown", "ORG")]


def test_a_spelled_ordinal_in_lower_case_opens_a_units_name():
    from kg.mentions import clean_mention

    text = "An officer of the ninth Infantry Division said; the attack on the second Tarn school."
    m = clean_mention(Mention(text.index("the ninth"), text.index(" said"), "the ninth Infantry Division", "ORG"), text)
    assert m is not None and m.text == "ninth Infantry Division"
    m = clean_mention(Mention(text.index("the second"), len(text) - 1, "the second Tarn school", "ORG"), text)
    assert m is None or not m.text.startswith("second")  # no unit: the ordinal is no word of a name


def test_the_links_of_an_address_chain_are_places():
    from kg.addresses import address_chains
    from kg.nametype import local_decisions

    text = "Troops bought food in Barangay Tuyo 1, Datu Hofer Ampat, Maguindo del Sur. They rested."
    ms = [at(text, "Barangay Tuyo 1", "ORG"), at(text, "Datu Hofer Ampat", "PERSON"), at(text, "Maguindo del Sur", "ORG")]
    assert [[m.text for m in c] for c in address_chains(ms, text)] == [[m.text for m in ms]]
    ds = local_decisions(ms, text)
    assert [ds[id(m)].type for m in ms] == ["Place"] * 3
    # a place, then the speaker, is no address; nor a place and a list of people
    for text, second in (("Speaking in Kalatown, Amir Tarnov said it.", "Amir Tarnov"), ("They met in Kalatown, Amir Tarnov and Ola Ben.", "Amir Tarnov")):
        ms = [at(text, "Kalatown", "GPE"), at(text, second, "PERSON")]
        assert address_chains(ms, text) == []


def test_a_post_of_a_field_then_a_name_is_the_person_holding_it():
    from kg.orgjunk import titled_person

    text = "Superintendent of Police Ashok Varma told reporters; Oru Inspector General of Police Zafar Hamid came."
    m = at(text, "Superintendent of Police Ashok Varma", "ORG")
    assert [(p.text, p.label) for p in titled_person(m)] == [("Ashok Varma", "PERSON")]
    m = at(text, "Oru Inspector General of Police Zafar Hamid", "ORG")
    assert [(p.text, p.label) for p in titled_person(m)] == [("Zafar Hamid", "PERSON")]
    for name in ("Director of Public Prosecutions Office", "Bank of Tarn Holdings Group", "Friends of Tarn Valley"):
        m = Mention(0, len(name), name, "ORG")
        assert titled_person(m) == [m]  # a body's name, or no post at all


def test_a_name_after_an_age_is_a_persons():
    from kg.nametype import local_decisions

    text = "Among the dead was 52-year-old Nang Kham Oo and a girl."
    m = at(text, "Nang Kham Oo", "ORG")
    assert local_decisions([m], text)[id(m)].type == "Person"


def test_an_acronym_with_a_factions_letter_joins_its_name():
    from kg.orgjunk import acronym_letters

    assert [acronym_letters(a) for a in ("KIAs", "Ulfa", "NSCN-K", "ACSS")] == ["KIA", "ULFA", "NSCNK", "ACSS"]
    text = "Troops of the Tarn Socialist Council of Oru-Kalat (TSCO-K) fought. The TSCO(K) denied it."
    full = at(text, "Tarn Socialist Council of Oru-Kalat", "ORG")
    later = Mention(text.index("TSCO(K"), text.index("TSCO(K") + 6, "TSCO(K", "ORG")
    linked = Linker(small_kb()).link(Article(text=text, source="t.txt"), [full, at(text, "TSCO-K", "ORG"), later])
    assert len({lm.entity.iri for lm in linked}) == 1


def test_a_bracket_glued_to_a_word_is_a_token_of_its_own():
    from kg.recognise import split_slashes

    nlp = spacy.blank("en")
    split_slashes(nlp)
    assert [t.text for t in nlp("a Remote Controlled Bomb(RCB) was")] == ["a", "Remote", "Controlled", "Bomb", "(", "RCB", ")", "was"]
    assert "NSCN(K" in [t.text for t in nlp("The NSCN(K) said")]  # an acronym's faction letter stays with it


def test_the_place_a_body_is_of_is_no_word_of_its_head():
    from kg.nametype import local_decisions

    text = "Four killed in Tarnland ambush. The Socialist Council of Tarnland denied it."
    ms = [at(text, "Tarnland", "GPE"), at(text, "Socialist Council of Tarnland", "ORG")]
    assert local_decisions(ms, text)[id(ms[0])].type == "Place"
    text = "The Observatory said. The Tarn Observatory for Human Rights said."
    ms = [at(text, "Observatory", "ORG"), at(text, "Tarn Observatory for Human Rights", "ORG")]
    assert any("a word of" in e.reason for e in local_decisions(ms, text)[id(ms[0])].evidence)


def test_a_span_run_into_a_post_keeps_the_place_the_post_serves():
    from kg.orgjunk import post_parts
    from kg.typecues import name_cues

    text = "Oru Regional Police Officer Abbas Majid and Regional Police Officer Ali came; the Oru Regional Police said."
    m = at(text, "Oru Regional Police", "ORG")
    assert [(p.text, p.label) for p in post_parts(m, text)] == [("Oru", "GPE")]
    m = at(text, "Oru Regional Police", "ORG", nth=1)  # the force itself, no post after it
    assert post_parts(m, text) == [m]
    assert name_cues("Oru Police Lines")[0][0] == "Place"
