"""Name typing from weighed evidence (kg/nametype.py), on texts written here."""

from __future__ import annotations

import pytest
from conftest import mention

from kg.listgaps import list_runs
from kg.namepool import Resolved, pooled_types
from kg.nametype import Evidence, TypeDecision, junk_reason, local_decisions, name_evidence


def decide(text: str, spans: list[tuple[str, str]]) -> list[TypeDecision]:
    ms = [mention(text, s, label) for s, label in spans]
    ds = local_decisions(ms, text)
    return [ds[id(m)] for m in ms]


def test_the_decision_is_the_argmax_and_keeps_its_evidence():
    (d,) = decide("Gunmen attacked the village of Dorgumi at dawn.", [("Dorgumi", "ORG")])
    assert d.type == "Place"
    assert d.scores == {"Place": 2.4, "Organization": 0.6}
    assert d.margin == pytest.approx(1.8)
    kinds = {(e.kind, e.type) for e in d.evidence}
    assert ("label", "Organization") in kinds and ("context", "Place") in kinds
    assert any("village of" in e.reason for e in d.evidence)


def test_a_tie_falls_back_on_the_models_label():
    d = TypeDecision([Evidence("Place", 1.0, "context", "x"), Evidence("Person", 1.0, "label", "y")], fallback="Person")
    assert d.type == "Person" and d.margin == 0.0
    assert TypeDecision([], fallback="Organization").type == "Organization"


@pytest.mark.parametrize(
    "name, type_",
    [
        ("Kfar Aza", "Place"),
        ("Jalalabad", "Place"),
        ("Brazzaville", "Place"),
        ("Office for the Coordination of Humanitarian Affairs", "Organization"),
        ("Defense Forces of the South of Ukraine", "Organization"),
        ("al-Salam Home", "Place"),
        ("Acme Liberation Front", "Organization"),
        ("Port of Pivdennyi", "Place"),
        ("Joint Task Force Zamboanga", "Organization"),
    ],
)
def test_the_names_own_words(name, type_):
    ev = name_evidence(name)
    assert ev and {e.type for e in ev} == {type_} and all(e.kind == "name" for e in ev)


def test_plain_names_say_nothing_by_their_words():
    assert name_evidence("Petro Hnatiuk") == [] and name_evidence("Kutru") == []
    assert all("designation" not in e.reason for e in name_evidence("Joint Task Force"))  # the head alone is no unit name


@pytest.mark.parametrize(
    "text, surface, label, type_",
    [
        ("Officials said Gen. Mbala Tshiwe ordered it.", "Mbala Tshiwe", "ORG", "Person"),
        ("Troops entered Markoye, a town in the north, on Friday.", "Markoye", "PERSON", "Place"),
        ("Awad Drissa, the group's leader, denied it.", "Awad Drissa", "ORG", "Person"),
        ("Fighters of Ansar Kadu, an armed group, fled.", "Ansar Kadu", "PERSON", "Organization"),
        ("Hamid Suleiman, 45, was wounded.", "Hamid Suleiman", "ORG", "Person"),
        ("A spokesman for Jund Tawil said so.", "Jund Tawil", "PERSON", "Organization"),
        ("The blast hit Kutru police station on Monday.", "Kutru", "ORG", "Place"),
        ("Soldiers died in south Abujhmaad on Monday.", "Abujhmaad", "PERSON", "Place"),
        ("Hostages were taken from kibbutz Be’eri at dawn.", "Be’eri", "ORG", "Place"),
        ("Three were hurt in air strikes on nearby Kafr Sajna on Friday.", "Kafr Sajna", "ORG", "Place"),
    ],
)
def test_the_words_around_a_name(text, surface, label, type_):
    (d,) = decide(text, [(surface, label)])
    assert d.type == type_, d.evidence
    assert any(e.kind == "context" and e.type == type_ for e in d.evidence)


def test_a_byline_names_people():
    text = "By Oksana Hryn and Taras Vovk\n\nShelling hit the town."
    d1, d2 = decide(text, [("Oksana Hryn", "ORG"), ("Taras Vovk", "ORG")])
    assert d1.type == d2.type == "Person"
    assert any(e.kind == "list" for e in d2.evidence)  # the byline governs the whole list


def test_a_lists_governing_cue_is_shared_but_a_comma_alone_makes_no_list():
    text = "Jets bombed the villages of Nyaung Pin, Thit Seint and Kan Oo. A fire broke out at the Samsa refinery, Ivan Petrov, the governor, said."
    spans = [("Nyaung Pin", "PERSON"), ("Thit Seint", "PERSON"), ("Kan Oo", "ORG"), ("Samsa refinery", "FAC"), ("Ivan Petrov", "PERSON")]
    ds = decide(text, spans)
    assert [d.type for d in ds] == ["Place", "Place", "Place", "Place", "Person"]
    assert not any(e.kind == "list" for e in ds[3].evidence)
    ms = [mention(text, s, label) for s, label in spans]
    assert [[m.text for m in run] for run in list_runs(ms, text)] == [["Nyaung Pin", "Thit Seint", "Kan Oo"]]
    # A place after a name's "of" is that name's ("King Sani of Verania and Jana Roe met"); after a post's it is a list.
    text = "King Sani of Verania and Jana Roe met. The Governor of Kovri and Tesso spoke."
    ms = [mention(text, s, label) for s, label in [("King Sani", "PERSON"), ("Verania", "GPE"), ("Jana Roe", "PERSON"), ("Kovri", "GPE"), ("Tesso", "GPE")]]
    assert [[m.text for m in run] for run in list_runs(ms, text)] == [["Kovri", "Tesso"]]


def test_a_plural_place_noun_after_a_list_types_every_item():
    text = "Shells fell on Nyaung Pin and Thit Seint villages."
    assert [d.type for d in decide(text, [("Nyaung Pin", "PERSON"), ("Thit Seint", "ORG")])] == ["Place", "Place"]


def test_the_head_of_a_longer_name_is_that_names_type_but_a_modifier_is_not():
    text = "The Libyan Observatory for Civil Rights said so. The Observatory added more. FARC Forces Attack Station. FARC denied it."
    ds = decide(text, [("Libyan Observatory for Civil Rights", "ORG"), ("Observatory", "PERSON"), ("FARC Forces Attack Station", "ORG"), ("FARC", "ORG")])
    assert ds[1].type == "Organization" and any(e.kind == "article" for e in ds[1].evidence)
    assert ds[3].type == "Organization" and not any(e.kind == "article" for e in ds[3].evidence)


def test_pooling_averages_the_labels_and_adds_the_cues():
    # The model calls the town a person three times; one mention says "the town of".
    text = "Maaret Nabo was hit. Maaret Nabo burned. People fled the town of Maaret Nabo."
    ms = [mention(text, "Maaret Nabo", "PERSON", k) for k in range(3)]
    ds = local_decisions(ms, text)
    assert [ds[id(m)].type for m in ms] == ["Person", "Person", "Place"]
    pooled = pooled_types([Resolved(m, "maaret nabo", ds[id(m)].type, False) for m in ms], ds, text)
    assert pooled["maaret nabo"].type == "Place"
    assert pooled["maaret nabo"].scores["Person"] == pytest.approx(1.0)  # three labels count as one


def test_a_known_entity_in_the_same_list_counts_for_its_type():
    text = "It split into Jammu and Kashmir and Ladakh."
    k, la = mention(text, "Jammu and Kashmir", "GPE"), mention(text, "Ladakh", "PERSON")
    ds = local_decisions([k, la], text)
    rs = [Resolved(k, "jammu and kashmir", "Place", True), Resolved(la, "ladakh", ds[id(la)].type, False)]
    assert ds[id(la)].type == "Person" and pooled_types(rs, ds, text)["ladakh"].type == "Place"


def test_the_unknown_names_of_a_list_count_for_each_others_type_more_weakly():
    text = "Residents named the dead as Beko Tanga, Ilo Marande and Sani Wuro."
    a, b, c = (mention(text, s, lab) for s, lab in (("Beko Tanga", "ORG"), ("Ilo Marande", "PERSON"), ("Sani Wuro", "PERSON")))
    ds = local_decisions([a, b, c], text)
    rs = [Resolved(m, k, ds[id(m)].type, False) for m, k in ((a, "beko tanga"), (b, "ilo marande"), (c, "sani wuro"))]
    assert ds[id(a)].type == "Organization"
    pooled = pooled_types(rs, ds, text)
    assert pooled["beko tanga"].type == "Person" and pooled["ilo marande"].type == "Person"
    # One unknown neighbour alone does not outweigh the model's own label.
    ds2 = local_decisions([a, b], text)
    two = pooled_types([Resolved(a, "beko tanga", "Organization", False), Resolved(b, "ilo marande", "Person", False)], ds2, text)
    assert two["beko tanga"].type == "Organization"


@pytest.mark.parametrize(
    "text, surface, why",
    [
        ("The shelling began at 9:10 pm (1810 GMT) on Friday.", "GMT", "time zone"),
        ("Shelling went on through Christmas in the east.", "Christmas", "holiday"),
        ("Leaders of the Amhara people met.", "Amhara", "people"),
        ("A strike hit a house of the Varno family in the camp.", "Varno", "people"),
        ("Narco-banners were left at the scene.", "Narco", "compound"),
        ("Gunmen came at night. Farmers fled. Many farmers died.", "Farmers", "first word"),
        ("The port was hit. Photo: EPA-EFE/STR", "STR", "abbreviation"),
        ("The convoy ambushed by Left-Wing extremists was hit.", "Left-Wing", "compound of common words"),
    ],
)
def test_junk_is_no_entity(text, surface, why):
    reason = junk_reason(mention(text, surface, "ORG"), text)
    assert reason is not None and why in reason


def test_names_are_not_junk():
    text = "Gunmen came at night. Marte fell. Ramadan Shallah spoke at the Amhara Region office with Abd-Rabbu and Al-Shabaab."
    assert all(junk_reason(mention(text, s, "ORG"), text) is None for s in ("Marte", "Ramadan Shallah", "Amhara Region", "Abd-Rabbu", "Al-Shabaab"))


def test_a_title_clause_before_a_comma_and_between_x_and_y():
    text = "It was confirmed by the governor of the province, Bahati Mwangaza. Troops moved between Tamboli and Koubel."
    d1, d2 = decide(text, [("Bahati Mwangaza", "ORG"), ("Koubel", "PERSON")])
    assert d1.type == "Person" and d2.type == "Place"


def test_a_bodys_noun_before_a_name():
    (d,) = decide("Police fought the residual armed group Jaime Tobar in rural Cauca.", [("Jaime Tobar", "PERSON")])
    assert d.type == "Organization"


def test_the_title_may_stand_anywhere_in_the_clause_before_the_comma():
    text = "Many fled, said the spokesman of the mayor in the district, Furaha Baseme."
    (d,) = decide(text, [("Furaha Baseme", "ORG")])
    assert d.type == "Person"


def test_an_organisation_after_between_from_or_attack_on_stays_one_and_a_speaker_is_no_apposition():
    text = "Talks between Israel and Hamas stalled after a statement from Hamas. Jets struck Kasr Tamar, a monitor in Syria said."
    d1, d2, d3 = decide(text, [("Hamas", "ORG"), ("Hamas", "ORG"), ("Kasr Tamar", "GPE")])
    assert d1.type == d2.type == "Organization"
    assert d3.type == "Place" and not any("apposition" in e.reason for e in d3.evidence)


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The clinic is located inside the Varna Islamic University.", "Place"),
        ("Families were sheltering in the Varna Technical College.", "Place"),
        ("The Varna Islamic University said classes would resume.", "Organization"),
    ],
)
def test_an_institution_where_something_is_located_is_a_place(text, type_):
    name = "Varna Islamic University" if "Islamic" in text else "Varna Technical College"
    assert decide(text, [(name, "ORG")])[0].type == type_


def test_a_local_government_area_and_an_honorific_say_the_type():
    assert [e.type for e in name_evidence("Tarvo Local Government Area")] == ["Place"]
    assert "Person" in [e.type for e in name_evidence("Alhaji Tarvo Lendu")]
    assert "Person" not in [e.type for e in name_evidence("Malam Tarvo")]  # "Malam" opens the names of towns too


@pytest.mark.parametrize("before", ["an elderly man known as", "a police officer named", "a villager identified as"])
def test_a_persons_noun_and_known_as_or_named_make_a_person(before):
    text = f"Gunmen killed {before} Tarvo Lendu on Friday."
    (d,) = decide(text, [("Tarvo Lendu", "ORG")])
    assert d.type == "Person"
    # Not after a thing's noun: "a village called ..." is no person's cue.
    (d,) = decide("Gunmen raided a village called Tarvo Lendu.", [("Tarvo Lendu", "ORG")])
    assert d.type != "Person"


def test_a_regions_adjective_is_no_name():
    text = "The attack was near the West African border, in the East African nation."
    for surface in ("West African", "East African"):
        assert junk_reason(mention(text, surface, "NORP"), text) is not None
    assert junk_reason(mention(text, "West African", "GPE"), text) is None  # only the model's adjective label says so
def test_the_state_of_a_name_makes_it_a_place():
    # "officials in the southern state of Guerrero said": the model calls it a people.
    text = "The attackers escaped, officials in the southern state of Guerrero said. The states of Borno and Yobe were calm."
    michoacan, borno = decide(text, [("Guerrero", "NORP"), ("Borno", "PERSON")])
    assert michoacan.type == "Place" and any("state of" in e.reason for e in michoacan.evidence)
    assert borno.type == "Place"
    # A lower-case "state" elsewhere is no cue: "a state of emergency in Kano" is the preposition's.
    (kano,) = decide("Officials imposed a state of emergency in Kaduna.", [("Kaduna", "PERSON")])
    assert not any("state of" in e.reason for e in kano.evidence)


def test_an_observatory_for_something_is_a_body_and_so_is_its_short_form():
    # "Syrian Observatory for Human Rights" cut to "Observatory for Human Rights" and then
    # "the Britain-based Observatory": both the body's, though the model calls the first a person.
    text = "The monitor Syrian Observatory for Human Rights said five were killed. The Britain-based Observatory gave more."
    whole, short = decide(text, [("Observatory for Human Rights", "PERSON"), ("Observatory", "ORG")])
    assert whole.type == "Organization" and short.type == "Organization"
    assert ("Organization", 3.0) in {(e.type, e.weight) for e in name_evidence("Observatory for Human Rights")}


def test_a_people_named_in_a_list_before_communities_is_junk():
    text = "Clashes between the Naga and Kuki communities continued. The Zomi tribe met. A Kuki official spoke."
    ms = [mention(text, "Kuki", "PERSON"), mention(text, "Zomi", "PERSON"), mention(text, "Kuki", "PERSON", 1)]
    assert [junk_reason(m, text) for m in ms][:2] == ["a people ('the X people')"] * 2
    assert junk_reason(ms[2], text) is None  # no "the ... communities" around it
    assert junk_reason(mention("Floods hit Kuki communities.", "Kuki", "PERSON"), "Floods hit Kuki communities.") is None


def test_a_name_before_a_companys_noun_phrase_is_a_body():
    text = "Blackouts hit Odesa, said the head of the Varta energy company. The Kyiv power company was silent."
    yasno, kyiv = decide(text, [("Varta", "NORP"), ("Kyiv", "GPE")])
    assert yasno.type == "Organization" and yasno.cued_strongly
    assert kyiv.type == "Place"  # a place's name before a company's noun is the company's seat
    (plain,) = decide("The Varta energy was cheap.", [("Varta", "NORP")])
    assert plain.type is None
