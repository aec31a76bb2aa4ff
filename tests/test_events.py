"""Attack events: number words, casualty figures, relative dates, actors, non-events,
merging within an article, and the RDF each event becomes."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pyoxigraph as ox
import pytest

from kg.eventcues import casualties, dates_in, parse_number

SUNDAY = dt.date(2023, 12, 31)


@pytest.mark.parametrize(
    "text, value",
    [
        ("22", 22),
        ("1,200", 1200),
        ("two", 2),
        ("twenty-one", 21),
        ("a dozen", 12),
        ("two dozen", 24),
        ("two hundred", 200),
        ("3 hundred", 300),
        ("dozens", None),
        ("scores", None),
    ],
)
def test_number_words(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "sentence, killed, injured",
    [
        ("At least 22 people were killed and dozens more were injured on Saturday in Belgorod.", 22, None),
        ("A helicopter fired rockets at the hamlet, killing 7 farmers and injuring four.", 7, 4),
        ("The blast killed at least 14 people and injured 52 others, including 6 children.", 14, 52),
        ("Two people were killed and a dozen were wounded.", 2, 12),
        ("Dozens of people were killed in the shelling.", None, None),
        ("The missile hit a school; no one was hurt.", 0, 0),
        ("Officials said 14 people died and 30 were wounded.", 14, 30),
        ("The death toll has risen to 29, officials said.", 29, None),
        ("Residents say around 40 Nigerien soldiers were killed in Ayorou.", 40, None),
        ("At least eleven people, among them five children, were killed on Tuesday.", 11, None),
        ("A drone attack on a farm killed a 57-year-old woman and wounded another.", 1, 1),
        ("The death toll from the rocket attack on a shopping centre in the town has risen to 17.", 17, None),
        ("A shell on a school killed two more children, five women and a man.", 8, None),
        ("Two women and six men, including a priest, were killed by the airstrike.", 8, None),
        ("A suicide bomber killed 41 people and wounded 96 at a funeral.", 41, 96),
        ("Russia struck the depot, killing a security guard and wrecking a warehouse.", 1, None),
        # A war's toll is no one attack's.
        ("More than 8,000 civilians have been killed since the outbreak of the conflict.", None, None),
        ("Some 6,500 villagers have died since the war began, the governor said.", None, None),
        ("The clashes have killed more than 300 militants in Syria.", None, None),
    ],
)
def test_casualties(sentence, killed, injured):
    assert casualties(sentence) == (killed, injured)


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("on Sunday", SUNDAY),  # the article's own day
        ("on Saturday", dt.date(2023, 12, 30)),
        ("late on Friday", dt.date(2023, 12, 29)),
        ("last Sunday", dt.date(2023, 12, 24)),
        ("yesterday", dt.date(2023, 12, 30)),
        ("overnight", SUNDAY),
        ("on December 28", dt.date(2023, 12, 28)),
        ("on 6 March", dt.date(2023, 3, 6)),
        ("on March 6, 2022", dt.date(2022, 3, 6)),
    ],
)
def test_relative_dates(phrase, expected):
    ((_, date),) = dates_in(f"Drones struck the city {phrase}.", SUNDAY)
    assert date == expected


def test_dates_need_the_article_date_unless_they_carry_a_year():
    assert dates_in("Drones struck the city on Sunday.", None) == []
    assert [d for _, d in dates_in("It happened on March 6, 2022.", None)] == [dt.date(2022, 3, 6)]


def test_a_january_date_in_a_december_article_is_not_next_year():
    ((_, date),) = dates_in("The strike on January 3 killed two.", dt.date(2024, 1, 5))
    assert date == dt.date(2024, 1, 3)
    ((_, date),) = dates_in("The strike on December 30 killed two.", dt.date(2024, 1, 2))
    assert date == dt.date(2023, 12, 30)


# -- the extractor over real pipeline output ---------------------------------------------


def _label(ent):
    return ent.label if ent is not None else None


def test_an_attack_with_every_slot(extract):
    art, (ev,) = extract("Russian drones struck the city of Kharkiv on Saturday, killing three people and injuring 12, the governor said, accusing Russia of terror.")
    assert _label(ev.location) == "Kharkiv"
    assert _label(ev.actor) == "Russia"
    assert [w.label for w in ev.weapons] == ["drone"]
    assert (ev.killed, ev.injured, ev.date) == (3, 12, dt.date(2023, 12, 30))
    b, e = ev.trigger
    assert art.text[b:e] == "struck"
    (sentence,) = ev.sentences
    assert art.text[sentence[0] : sentence[1]].startswith("Russian drones struck")
    assert 0 < ev.confidence <= 1


@pytest.mark.parametrize(
    "body, actor",
    [
        ("Russia launched missiles at Odesa on Sunday, officials said.", "Russia"),
        ("Odesa was shelled by Russian troops on Sunday, officials said, blaming Russia.", "Russia"),
        ("An Israeli airstrike hit a house in Rafah on Sunday, medics said. Israel made no comment.", "Israel"),
        ("Boko Haram claimed responsibility for the attack on Maiduguri on Sunday.", "Boko Haram"),
        ("The bombing in Mogadishu on Sunday was blamed on al-Shabaab.", "Al-Shabaab"),
        ("Moscow launched a barrage of drones at Kharkiv on Sunday.", "Russia"),
        # Words of time between the group and its claim.
        ("YOLA - Boko Haram on Friday claimed responsibility for a bomb attack in Konduga.", "Boko Haram"),
        # The acronym in brackets before the verb.
        ("Militants of the Islamic State West Africa Province (ISWAP) have killed six soldiers in a raid on Damboa.", "Islamic State West Africa Province"),
        # The sentence's subject, its verb first and the attack word after a list.
        ("Boko Haram kills 12 soldiers, vigilantes in Maiduguri ambush.", "Boko Haram"),
        # An apposition, and words of time after the verb.
        ("Boko Haram, a jihadist group, claimed on Wednesday responsibility for rockets fired at Maiduguri.", "Boko Haram"),
    ],
)
def test_actor_forms(extract, body, actor):
    _, events = extract(body)
    assert [_label(ev.actor) for ev in events] == [actor]


def test_a_junta_is_its_countrys_armed_forces(extract):
    _, (ev,) = extract("The Myanmar junta bombed the village of Kyar Si on Tuesday, killing one woman.")
    assert (_label(ev.location), _label(ev.actor)) == ("Kyar Si", "Tatmadaw")


def test_the_subject_of_one_attack_is_not_the_attacker_of_another(extract):
    # "Russia launched" is the subject of the strikes, not of the attack on Belgorod after them.
    _, events = extract("Russia launched fresh strikes against Kharkiv on Sunday, a day after what it called a terrorist attack on the city of Belgorod.")
    actors = {_label(ev.location): _label(ev.actor) for ev in events}
    assert actors["Kharkiv"] == "Russia"
    assert actors["Belgorod"] != "Russia"


def test_the_group_named_before_is_who_its_fighters_are(extract):
    _, events = extract(
        "Al-Shabaab said on Sunday it had carried out operations against the army.\n\n"
        "The group said its fighters fired mortars at a base near Baidoa, killing four soldiers."
    )
    assert [(_label(ev.location), _label(ev.actor)) for ev in events] == [("Baidoa", "Al-Shabaab")]


def test_the_militants_are_not_the_army_named_before(extract):
    _, events = extract(
        "The Indian Army said on Sunday it was searching the area.\n\n"
        "The militants fired at a bus near Srinagar, killing four pilgrims."
    )
    assert [(_label(ev.location), _label(ev.actor)) for ev in events] == [("Srinagar", None)]


def test_a_pronoun_subject_is_the_group_named_before_it(extract):
    _, events = extract("Al-Shabaab gained notoriety on Sunday when it attacked a hotel in Mogadishu, killing 12 people.")
    assert [(_label(ev.location), _label(ev.actor)) for ev in events] == [("Mogadishu", "Al-Shabaab")]


def test_an_attacker_named_late_is_not_given_to_the_attacks_told_before(extract):
    _, events = extract(
        "A suicide bomber killed 9 soldiers in Beledweyne on Thursday.\n\n"
        "Separately, the U.S. has conducted two airstrikes near Jilib, killing three militants."
    )
    actors = {_label(ev.location): _label(ev.actor) for ev in events}
    assert actors == {"Beledweyne": None, "Jilib": "United States"}


def test_a_later_sentence_that_names_who_was_responsible(extract):
    _, (ev,) = extract(
        "At least 20 villagers were killed in an attack on the village of Kyar Si on Sunday.\n\n"
        "The Kachin Independence Army, one of many armed groups in the north, was responsible for the killings, the United Nations said."
    )
    assert (_label(ev.location), _label(ev.actor)) == ("Kyar Si", "Kachin Independence Army")


def test_the_day_of_a_statement_is_not_the_day_of_the_attack():
    monday = dt.date(2023, 8, 14)
    assert dates_in("The agency, in a report issued Monday, said it had accounts of shelling in the district.", monday) == []
    assert dates_in("Officials said Sunday's attack killed 12.", monday) == [(15, dt.date(2023, 8, 13))]
    assert dates_in("A strike on Sunday killed 12, officials said on Monday.", monday) == [(12, dt.date(2023, 8, 13))]


def test_the_attack_placed_more_precisely_later_is_one_event(extract):
    _, events = extract(
        "At least 19 civilians were killed in an air strike in Nigeria's Yobe State on Friday.\n\n"
        "The attack took place in the small town of Geidam, in the north of Yobe State, near the border with Niger."
    )
    assert [(_label(ev.location), ev.killed) for ev in events] == [("Geidam", 19)]


def test_a_peoples_militia_is_not_its_state(extract):
    _, events = extract("Iraqi Shiite militias launched drones at a base near Erbil on Sunday.")
    assert [(_label(ev.location), ev.actor) for ev in events] == [("Erbil", None)]


def test_no_actor_when_the_text_names_none(extract):
    _, (ev,) = extract("A car bomb exploded in a market in Mogadishu on Sunday, killing 12 people.")
    assert _label(ev.location) == "Mogadishu" and ev.actor is None and ev.killed == 12


@pytest.mark.parametrize(
    "body",
    [
        "Russia threatened to strike Kyiv if the talks failed.",
        "Israel denied carrying out the airstrike on Tyre.",
        "Hezbollah warned it would attack Haifa in any new war.",
        "Over the past week, 40 people were killed in strikes across Gaza.",
        "Over 6,000 people have been killed in Sudan since the fighting began.",
        "Mykolaiv's docks have been frequent targets of Russian attacks.",
        "The ministers discussed air defence for Kyiv and the price of grain.",
        "Pokrovsk, which Russian forces are attacking, lies in the Donetsk region.",
        "Israeli strikes on militant targets in Gaza have been suspended since Monday.",
        "The Houthis made attempted strikes on the Saudi capital Riyadh.",
        "The United States has carried out dozens of air strikes in Yemen in recent years.",
        "Three people were killed when a military jet crashed into a building in Kyiv on Sunday.",
        "Hamas has listed 120 fighters killed by Israel during the recent clashes, mostly in Gaza.",
    ],
)
def test_non_events(extract, body):
    _, events = extract(body)
    assert events == []


def test_sentences_about_one_attack_are_one_event(extract):
    _, events = extract(
        "A Russian missile hit an apartment block in Dnipro on Saturday, officials said.\n\n"
        "The strike killed at least 29 people and injured 73 others.\n\n"
        "Rescuers worked through the night in Dnipro to reach survivors of the attack."
    )
    (ev,) = events
    assert _label(ev.location) == "Dnipro"
    assert (ev.killed, ev.injured) == (29, 73)
    assert len(ev.sentences) == 3 and ev.sentences == sorted(ev.sentences)


def test_two_places_hit_are_two_events(extract):
    _, events = extract(
        "Russian drones hit Odesa on Sunday, killing two people.\n\n"
        "Separately, a missile strike on Dnipro injured eight people, the governor said."
    )
    by_place = {_label(ev.location): ev for ev in events}
    assert set(by_place) == {"Odesa", "Dnipro"}
    assert (by_place["Odesa"].killed, by_place["Odesa"].injured) == (2, None)
    assert (by_place["Dnipro"].killed, by_place["Dnipro"].injured) == (None, 8)


def test_another_toll_in_the_next_sentence_is_another_attack(extract):
    _, events = extract(
        "An Israeli drone struck a motorbike in Bint Jbeil on Saturday, killing two people.\n\n"
        "Another five people were killed in a strike overnight, a medic said."
    )
    assert [(_label(ev.location), ev.killed) for ev in events] == [("Bint Jbeil", 2)]


def test_a_separate_attack_is_not_the_one_before(extract):
    _, events = extract(
        "A Russian strike on Izium killed three people on Friday.\n\n"
        "A separate rocket attack on a residential district injured five, the mayor added."
    )
    assert [(_label(ev.location), ev.killed, ev.injured) for ev in events] == [("Izyum", 3, None)]  # GeoNames spells it so


def test_a_system_named_with_its_type_gives_both(extract):
    _, (ev,) = extract("Russia struck Dnipro on Friday with three Iskander-M ballistic missiles, the air force said.")
    assert {w.label for w in ev.weapons} == {"9K720 Iskander", "ballistic missile"}


def test_a_named_facility_is_the_place_not_its_city(extract):
    _, events = extract("Gunmen stormed the Sahafi Hotel in Mogadishu, Somalia, on Sunday, killing at least 14 people.")
    assert [(_label(ev.location), ev.killed) for ev in events] == [("Sahafi Hotel", 14)]


def test_a_headline_region_joins_the_town_attacked_in_it(extract):
    _, events = extract(
        "At least 31 civilians died in an air strike on the town of Nekemte on Tuesday, doctors said.",
        title="Air strike kills at least 31 in Oromia region",
    )
    assert [(_label(ev.location), ev.killed, len(ev.sentences)) for ev in events] == [("Nek’emtē", 31, 2)]


def test_a_district_named_as_such_holds_the_village_hit(extract):
    _, events = extract("Gunmen attacked Leimaram Khunou village in Manipur's Kakching district on Friday, killing two volunteers.")
    assert [_label(ev.location) for ev in events] == ["Leimaram Khunou"]


def test_an_agency_dateline_is_not_the_place_hit(extract):
    _, events = extract("Lahore, Mar 4 (PTI) A bomb blast in Peshawar today killed nine people.")
    assert [(_label(ev.location), ev.killed) for ev in events] == [("Peshawar", 9)]


def test_a_dateline_with_a_hyphen_is_not_the_place_hit(extract):
    _, events = extract("BAMAKO, Mali - At least 9 civilians were killed on Thursday in a suicide bombing that targeted soldiers.")
    assert "Bamako" not in [_label(ev.location) for ev in events]


def test_a_dateline_is_not_the_place_hit(extract):
    _, events = extract("Tyre (Lebanon): An Israeli drone struck a motorbike in Bint Jbeil on Saturday, killing two people.")
    assert [_label(ev.location) for ev in events] == ["Bent Jbaïl"]  # GeoNames spells it so


def test_the_country_around_a_city_is_no_second_target(extract):
    _, events = extract("Russian missiles struck Ukraine's northeastern city of Kharkiv overnight.")
    assert [_label(ev.location) for ev in events] == ["Kharkiv"]


def test_a_headline_joins_the_attack_of_the_body(extract):
    _, events = extract(
        "Russian strikes on the Odesa region killed one person on Sunday, the governor said.",
        title="Russian attack hits Odesa, one dead",
    )
    (ev,) = events
    assert _label(ev.location) == "Odesa Oblast" and ev.killed == 1 and len(ev.sentences) == 2


def test_a_military_camp_is_the_place_hit_and_a_suicide_vehicle_a_car_bomb(extract):
    _, events = extract(
        "The military camp of Tessalit in northern Mali was first struck by a suicide vehicle on Tuesday.\n\n"
        "Later on Tuesday the jihadists fired 80 mortar shells at the Gao military camp."
    )
    assert [(_label(ev.location), [w.label for w in ev.weapons]) for ev in events] == [("Tessalit", ["car bomb"]), ("Gao", ["mortar"])]


def test_an_attack_in_a_country_placed_later_is_one_event(extract):
    _, events = extract(
        "An Israeli drone struck a motorbike in south Lebanon on Friday, killing two people.\n\n"
        "The drone hit the motorbike in the Bint Jbeil area, the state news agency said."
    )
    assert [(_label(ev.location), ev.killed) for ev in events] == [("Bent Jbaïl", 2)]


def test_an_attack_on_a_country_as_a_whole_keeps_its_place(extract):
    _, events = extract(
        "Russia launched a massive missile attack on Ukraine overnight, officials said.\n\n"
        "The attack on Kyiv killed three people."
    )
    assert sorted(_label(ev.location) for ev in events) == ["Kyiv", "Ukraine"]


def test_a_list_item_with_its_verb_elided_keeps_its_figure(extract):
    _, events = extract("Four people were killed in Ukraine's Zaporizhzhia region and three others in Donetsk province on Friday, officials said.")
    assert sorted((_label(ev.location), ev.killed) for ev in events) == [("Donetsk Oblast", 3), ("Zaporizhzhia Oblast", 4)]


def test_a_village_the_text_places_in_one_region_is_not_in_another(extract):
    _, events = extract(
        "Russian shelling killed three people in the Donetsk region on Friday.\n\n"
        "A drone attack also hit Verkhnia Sadova, a settlement in the Kharkiv oblast, on Friday."
    )
    assert sorted(_label(ev.location) for ev in events) == ["Donetsk Oblast", "Verkhnia Sadova"]


def test_where_the_wounded_were_taken_and_where_a_convoy_was_heading_are_not_hit(extract):
    _, events = extract(
        "Militants ambushed a police truck in Pulwama on Thursday, killing three constables.\n\n"
        "The truck was heading towards Shopian when it was attacked. Two of the wounded died at the district hospital, "
        "and five were taken to a hospital in Srinagar."
    )
    assert [_label(ev.location) for ev in events] == ["Pulwama"]


def test_a_name_inside_a_hyphenated_road_name_is_not_hit(extract):
    _, events = extract("Militants ambushed a convoy in Qazigund on the Srinagar-Jammu highway on Saturday, killing two soldiers.")
    assert [_label(ev.location) for ev in events] == ["Qazigund"]


def test_a_known_place_after_a_comma_holds_the_unknown_one_before_it(extract):
    _, events = extract("Two marines were killed in an ambush by Abu Sayyaf in Bud Taran, Sulu, on Monday.")
    assert [(_label(ev.location), ev.killed) for ev in events] == [("Bud Taran", 2)]


def test_places_in_a_list_are_not_held_by_one_another(extract):
    _, events = extract("Russian missiles struck Kharkiv, Kyiv and Odesa on Sunday.")
    assert {"Kharkiv", "Kyiv"} <= {_label(ev.location) for ev in events}


def test_the_village_the_attack_took_place_in_places_the_towns_attack(extract):
    _, events = extract(
        "Two marines were killed in an ambush in Jolo on Monday.\n\n"
        "The ambush was carried out by eight gunmen in the village of Bud Taran near the market."
    )
    assert [(_label(ev.location), ev.killed) for ev in events] == [("Bud Taran", 2)]


def test_a_months_attacks_in_several_provinces_are_no_attack(extract):
    _, events = extract("Aid groups in March alone recorded deadly raids by militias in Ituri, Tanganyika and North Kivu provinces.")
    assert events == []


def test_beheadings_and_shootings_by_militants_are_attacks(extract):
    _, events = extract("Five fishermen were beheaded by suspected militants in Macomia on Tuesday.")
    assert [(_label(ev.location), ev.killed) for ev in events] == [("Macomia", 5)]


def test_a_two_city_dateline_and_who_manned_a_checkpoint(extract):
    _, events = extract(
        "Washington/Mogadishu — A suicide bombing killed 11 people on Tuesday near a checkpoint manned by "
        "Somali government forces in Baidoa."
    )
    assert [(_label(ev.location), _label(ev.actor), ev.killed) for ev in events] == [("Baidoa", None, 11)]


@pytest.mark.parametrize(
    "body",
    [
        "\u201cWe are not attacking Moscow,\u201d he said on Wednesday.",
        "The allies were considering a response to the Houthis, including a strike on the city of Sanaa.",
        "Peskov said Washington masterminded the drone attack on Sunday.",
        # the considering clause far before the listed strike
        "Western diplomats had earlier told reporters that the allies were weighing their answer to the Houthis' many actions against ships, including a strike on Sanaa.",
        # attacks in general: no figure, day or casualty in the clause
        "The minister played down the effect the raids have had on trade near Sanaa.",
        "It comes after a string of attacks on tankers near Sanaa.",
    ],
)
def test_denied_considered_and_blamed_attacks_are_not_attacks_on_those_places(extract, body):
    _, events = extract(body)
    assert [_label(ev.location) for ev in events if ev.location is not None and _label(ev.location) in ("Moscow", "Sanaa", "Washington")] == []


@pytest.mark.parametrize(
    "body",
    ["The attacks on Sanaa killed four people on Monday.", "Its strikes hit Sanaa overnight, damaging a port."],
)
def test_plural_attacks_with_a_figure_or_a_day_are_attacks(extract, body):
    _, events = extract(body)
    assert "Sanaa" in [_label(ev.location) for ev in events if ev.location is not None]


def test_where_drones_were_shot_down_is_no_place_hit(extract):
    _, events = extract("Russia sent 64 drones overnight; 41 of them were shot down over the Vinnytsia and Cherkasy regions.")
    assert [_label(ev.location) for ev in events] == []


def test_an_undated_article_gives_undated_events(extract):
    _, (ev,) = extract("Russian drones struck Kharkiv on Saturday, killing three people.", date=None)
    assert ev.date is None and ev.killed == 3


# -- the seed article and the RDF -----------------------------------------------------------

PREFIXES = """
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX kg: <https://w3id.org/newskg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
"""


@pytest.fixture(scope="module")
def seed(seed_store):
    return ox.Store.read_only(str(seed_store))


def _events(store) -> dict[str, dict]:
    rows = store.query(
        PREFIXES
        + """SELECT ?e ?place ?actor ?weapon ?killed ?injured ?date WHERE {
            ?e a kg:Attack ; prov:wasDerivedFrom ?a ; kg:location/rdfs:label ?place .
            ?a schema:headline ?headline .
            FILTER(CONTAINS(?headline, "Retaliation"))
            OPTIONAL { ?e kg:actor/rdfs:label ?actor }
            OPTIONAL { ?e kg:weapon/rdfs:label ?weapon }
            OPTIONAL { ?e kg:killed ?killed } OPTIONAL { ?e kg:injured ?injured }
            OPTIONAL { ?e schema:startDate ?date } }""",
        use_default_graph_as_union=True,
    )
    out: dict[str, dict] = {}
    for r in rows:
        ev = out.setdefault(r["place"].value, {"weapons": set()})
        for k in ("actor", "killed", "injured", "date"):
            if r[k] is not None:
                ev[k] = r[k].value
        if r["weapon"] is not None:
            ev["weapons"].add(r["weapon"].value)
    return out


def test_seed_article_attacks(seed):
    events = _events(seed)
    kharkiv = events.get("Kharkiv") or events["Kharkiv Oblast"]
    assert kharkiv["actor"] == "Russia"
    assert "HESA Shahed 136" in kharkiv["weapons"]
    assert (kharkiv["killed"], kharkiv["date"]) == ("2", "2023-12-31")
    belgorod = events["Belgorod"]
    assert (belgorod["killed"], belgorod["date"]) == ("22", "2023-12-30")
    assert "cluster munition" in belgorod["weapons"]


def test_event_rdf_shape(seed):
    rows = list(
        seed.query(
            PREFIXES
            + """SELECT ?e ?g ?a ?text ?b ?end ?anchor ?sb ?se ?killed ?date WHERE {
                GRAPH ?g { ?e a kg:Attack ; prov:wasDerivedFrom ?a ; kg:trigger ?t ; kg:sentence ?s .
                  ?t a kg:Trigger ; nif:beginIndex ?b ; nif:endIndex ?end ; nif:anchorOf ?anchor ; nif:referenceContext ?ctx .
                  ?s a nif:Sentence ; nif:beginIndex ?sb ; nif:endIndex ?se .
                  ?ctx nif:isString ?text .
                  OPTIONAL { ?e kg:killed ?killed } OPTIONAL { ?e schema:startDate ?date } } }"""
        )
    )
    assert rows
    for r in rows:
        assert r["g"] == r["a"]  # each event in its article's graph
        text, b, e = r["text"].value, int(r["b"].value), int(r["end"].value)
        assert text[b:e] == r["anchor"].value
        assert text[int(r["sb"].value) : int(r["se"].value)].strip()
        if r["killed"] is not None:
            assert r["killed"].datatype == ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
        if r["date"] is not None:
            assert r["date"].datatype == ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")


def test_reingest_replaces_events(tmp_store, ingest_into):
    from conftest import SEEDS

    ingest_into(tmp_store, [SEEDS])
    store = ox.Store.read_only(str(tmp_store))
    q = PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { ?e a kg:Attack }"
    first = int(next(iter(store.query(q, use_default_graph_as_union=True)))["n"].value)
    del store
    ingest_into(tmp_store, [SEEDS])
    store = ox.Store.read_only(str(tmp_store))
    assert int(next(iter(store.query(q, use_default_graph_as_union=True)))["n"].value) == first > 0


def test_an_attacker_named_by_its_adjective_has_its_facts_and_leaves_with_the_article(tmp_path, kb, nlp):
    from kg.ingest import Ingester

    article = tmp_path / "rafah.txt"
    article.write_text(
        "Strikes on Rafah\n\nBy Reuters\n\nMay 5, 2024\n\nIsraeli airstrikes hit a house in Rafah on Sunday, killing five people.\n\n"
        "Residents said the Israelis had given no warning.\n",
        encoding="utf-8",
    )
    ingester = Ingester(tmp_path / "store", kb=kb, nlp=nlp)
    ingester.run([str(article)])
    q = PREFIXES + """SELECT ?label ?mentioned WHERE { ?e a kg:Attack ; kg:actor ?x . ?x a schema:Place ; rdfs:label ?label .
        BIND(EXISTS { ?a schema:mentions ?x } AS ?mentioned) }"""
    (row,) = list(ingester.store.query(q, use_default_graph_as_union=True))
    assert row["label"].value == "Israel" and row["mentioned"].value == "false"
    assert ingester.remove([str(article)]) == 1
    israel = ox.NamedNode("https://w3id.org/newskg/entity/" + next(e.id for e in kb.entries.values() if e.label == "Israel" and "Country" in e.classes))
    assert not list(ingester.store.quads_for_pattern(israel, None, None, None))


SAME_ATTACK = {
    "a.txt": """Russian drones kill two in Kharkiv

By Reuters

March 9, 2024

Russian drones struck the city of Kharkiv on Saturday, killing two people and injuring 11, the governor said.

Original url:

<https://example.org/a/kharkiv-drones>
""",
    "b.txt": """Two dead as drones hit Kharkiv

By Agence France-Presse

March 10, 2024

Two people were killed and 12 were wounded when Russian Shahed drones hit Kharkiv on Saturday, officials said.

Original url:

<https://example.org/b/kharkiv-drones>
""",
}


def _quads(path) -> set:
    store = ox.Store.read_only(str(path))
    out = set(store)
    del store
    return out


def test_two_reports_of_one_attack_are_one_incident_in_any_order(tmp_path, ingest_into):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in SAME_ATTACK.items():
        (folder / name).write_text(text, encoding="utf-8")
    a, b = folder / "a.txt", folder / "b.txt"
    ingest_into(tmp_path / "ab", [a, b])
    ingest_into(tmp_path / "ba", [b])
    ingest_into(tmp_path / "ba", [a])
    store = ox.Store.read_only(str(tmp_path / "ab"))
    rows = list(
        store.query(
            PREFIXES
            + """SELECT ?i ?n ?place ?kmin ?kmax ?imin ?imax WHERE { ?i a kg:Incident ; kg:reports ?n ; kg:location/rdfs:label ?place ;
                 kg:killedMin ?kmin ; kg:killedMax ?kmax ; kg:injuredMin ?imin ; kg:injuredMax ?imax }""",
            use_default_graph_as_union=True,
        )
    )
    del store
    assert [(r["n"].value, r["place"].value) for r in rows] == [("2", "Kharkiv")]
    (r,) = rows
    assert (r["kmin"].value, r["kmax"].value, r["imin"].value, r["imax"].value) == ("2", "2", "11", "12")
    ab = _quads(tmp_path / "ab")
    assert ab == _quads(tmp_path / "ba")  # the same articles in the other order: the same store
    ingest_into(tmp_path / "ab", [b])  # re-ingesting either changes nothing
    assert _quads(tmp_path / "ab") == ab


def test_researchers_see_the_seed_attacks_through_query_export_and_lookup(seed_store, tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli

    runner = CliRunner()
    store = ["--store", str(seed_store)]
    attacks = runner.invoke(cli, [*store, "query", "attacks", "--param", "place=Ukraine", "--format", "jsonl"], catch_exceptions=False)
    assert attacks.exit_code == 0, attacks.output
    places = {json.loads(line)["location"] for line in attacks.stdout.splitlines() if line.strip()}
    assert "Kharkiv" in places and "Belgorod" not in places  # Belgorod is in Russia
    out = tmp_path / "attacks.csv"
    exported = runner.invoke(cli, [*store, "export", "--format", "acled", str(out)], catch_exceptions=False)
    assert exported.exit_code == 0, exported.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    kharkiv = [r for r in rows if r["location"] == "Kharkiv"]
    assert kharkiv and kharkiv[0]["actor1"] == "Russia" and kharkiv[0]["fatalities"] == "2"
    looked = runner.invoke(cli, [*store, "lookup", "Kharkiv", "--limit", "1", "--json"], catch_exceptions=False)
    (match,) = json.loads(looked.output)["matches"]
    assert any(a["location"] == "Kharkiv" and a["attacker"] == "Russia" for a in match["attacks"]["on"]["latest"])


def test_the_attack_a_strike_came_after_is_another(extract):
    _, events = extract(
        "Three fighters died in an Israeli strike on a motorbike in southern Lebanon on Tuesday.\n\n"
        "The strike came two days after an Israeli reservist was killed in a rocket attack on an army post in the area of Shtula."
    )
    assert sorted(ev.location.label for ev in events) == ["Lebanon", "Shtula"]


def test_attacks_of_a_kind_are_no_attack_told(extract):
    _, events = extract("Decisions about attacks on such a scale are taken not in Kyiv but in London, the envoy said.")
    assert events == []
