"""Where an attack was: the site the text places within a town, a landmark named only to
say where the place hit is, a headline that sums up the body's attacks, and another
attack near the first that stays apart."""

from __future__ import annotations

from conftest import event_places


def test_a_road_of_the_town_is_where_the_blast_was(extract):
    _, events = extract(
        "A bomb blast in Quetta killed six people on Monday.\n\n"
        "The explosion rocked Quetta's Jinnah Road near the provincial assembly."
    )
    assert event_places(events) == [("Jinnah Road", 6)]


def test_a_place_the_text_puts_in_another_is_the_one_hit(extract):
    _, events = extract("Gunmen ambushed a police convoy in El Aguaje in Aguililla on Monday, killing 14 officers.")
    (ev,) = events
    assert ev.location.label != "Aguililla" and ev.killed == 14


def test_a_landmark_near_the_place_is_not_hit(extract):
    _, events = extract("Rockets hit the Al Nasr neighbourhood near the Grand Mosque in Marib on Sunday, killing four people.")
    assert event_places(events) == [("Al Nasr", 4)]


def test_a_headline_over_two_attacks_is_their_summary(extract):
    _, events = extract(
        "A drone strike hit a car in Naqoura on Saturday, killing three people.\n\n"
        "Another four were killed in a strike on a house in the town of Ramia.\n\n"
        "Israel said it had targeted militants.",
        title="Israeli strikes kill 7 in south Lebanon",
    )
    assert sorted(event_places(events), key=lambda p: p[1]) == [("En Nâqoûra", 3), ("Ramia", 4)]
    # ... but it still says who struck.
    assert {ev.actor.label for ev in events if ev.actor} == {"Israel"} and all(ev.actor for ev in events)


def test_a_second_strike_near_the_city_is_another_attack(extract):
    _, events = extract(
        "Drones struck El Fasher on Friday, killing 32 people.\n\n"
        "A second strike hit the Zamzam camp near El Fasher, the network said."
    )
    assert event_places(events) == [("El Fasher", 32), ("Zamzam camp", None)]


def test_a_shelter_the_text_places_in_the_city_gets_the_citys_toll(extract):
    _, events = extract(
        "A drone attack on the city of El Fasher killed 53 people late on Friday.\n\n"
        "The attack targeted the Al-Arqam Home, a shelter for displaced families in El Fasher, the group said."
    )
    assert event_places(events) == [("Al-Arqam Home", 53)]


def test_a_toll_told_before_the_place_is_the_places_attack(extract):
    _, events = extract(
        "At least a dozen soldiers have been killed and seven others injured in an attack by Islamic extremists in the west, officials said.\n\n"
        "The soldiers were on patrol near the town of Kandadji when jihadists attacked them on Thursday."
    )
    assert [(ev.location.label, ev.killed, ev.injured) for ev in events] == [("Kandadji", 12, 7)]


def test_a_toll_told_long_before_a_place_is_not_its_attack(extract):
    _, events = extract(
        "At least a dozen soldiers have been killed in an attack by extremists in the west, officials said.\n\n"
        "The army has sent reinforcements.\n\nThe region has seen many raids.\n\nThe president spoke on Friday.\n\n"
        "Separately, jihadists attacked the town of Kandadji on Thursday."
    )
    assert [(ev.location.label, ev.killed) for ev in events] == [("Kandadji", None)]


def test_an_attack_between_two_places_is_one_attack(extract):
    _, events = extract("Gunmen attacked a military post between Markoye and Tokabangou on Tuesday, killing four soldiers.")
    assert event_places(events) == [("Markoye", 4)]


def test_the_attack_told_at_the_town_of_its_site_is_one_event(extract):
    _, events = extract(
        "Israeli strikes on Damascus airport killed seven fighters on Thursday, a war monitor said.\n\n"
        "Syrian state media said air defences had intercepted missiles.\n\n"
        "The monitor said the strikes hit an arms depot.\n\n"
        "Officials gave no other details.\n\n"
        "The attack took place at midnight, when residents of Damascus heard loud blasts."
    )
    assert event_places(events) == [("Damascus airport", 7)]


def test_another_toll_in_the_town_is_another_attack(extract):
    _, events = extract(
        "Israeli strikes on Damascus airport killed seven fighters on Thursday, a war monitor said.\n\n"
        "Hours later, an attack on the city of Damascus killed two people."
    )
    assert event_places(events) == [("Damascus airport", 7), ("Damascus", 2)]


def test_a_launch_site_told_at_length_is_not_hit_and_the_weapons_join_the_attack(extract):
    _, (ev,) = extract(
        "Russian troops launched drone strikes on Ukrainian territory early on Sunday.\n\n"
        "The air force said 23 of the drones were shot down.\n\n"
        "It said Russia also fired three missiles from S-300 systems located in occupied territory in Ukraine's Donetsk region and two Kh-22 cruise missiles."
    )
    assert ev.location.label == "Ukraine"
    assert {"S-300 missile system", "Kh-22"} <= {w.label for w in ev.weapons}


def test_a_toll_of_several_attacks_and_their_retelling_give_no_attack_of_their_own(extract):
    _, events = extract(
        "At least 13 people were killed in two separate attacks by Boko Haram militants in northeast Nigeria.\n\n"
        "The assaults, which occurred near the town of Konduga and the outskirts of Maiduguri, alarmed residents.\n\n"
        "On Saturday, gunmen mounted an assault on a base in the village of Wulari.\n\n"
        "The battle resulted in the loss of three soldiers.\n\n"
        "Later, 10 farmers who were rounded up and shot dead by the militants were found in Maiwa."
    )
    assert event_places(events) == [("Wulari", 3), ("Maiwa", 10)]


def test_a_separate_attack_told_twice_is_one_and_a_sea_named_for_its_port_is_not_hit(extract):
    _, events = extract(
        "Russian missiles hit the city of Sumy overnight, killing 11 people, Russia's foes said.\n\n"
        "The ministry said at least three were killed and 7 injured in a separate drone attack on Kharkiv region overnight.\n\n"
        "Russia also targeted a ship in the Black Sea port of Chornomorsk.\n\n"
        "The ministry repeated that at least three were killed and 7 injured in a separate drone attack on Kharkiv region overnight."
    )
    assert [(ev.location.label, ev.killed, ev.injured) for ev in events] == [("Sumy", 11, None), ("Kharkiv Oblast", 3, 7), ("Chornomors’k", None, None)]


def test_where_the_sources_are_and_a_town_a_place_lies_east_of_are_not_hit(extract):
    _, events = extract(
        "Medical sources at the Al-Aqsa Martyrs Hospital in Deir al-Balah said they received 15 bodies from an Israeli bombardment "
        "targeting the Al-Zawaida area on Saturday, Israel said.\n\n"
        "Separately, two Palestinians were killed in an Israeli shelling targeting Al-Zana area east of Khan Younis.\n\n"
        "They added that a child was killed when he was shot by an Israeli drone at a tent west of Khan Younis."
    )
    assert event_places(events) == [("Al-Zawaida", None), ("Al-Zana", 2), ("Khān Yūnis", 1)]


def test_the_attack_on_a_suburb_named_next_is_the_attack_told(extract):
    _, events = extract(
        "Gangs attacked a community in Port-au-Prince early Tuesday.\n\nThe attack on Pétionville was led by the Viv Ansanm group, police said.",
        title="Gangs attacked a community in Port-au-Prince early Tuesday",
    )
    assert [(ev.location.label, ev.actor.label if ev.actor else None) for ev in events] == [("Pétionville", "Viv Ansanm")]


def test_the_attack_on_another_town_named_next_is_another_attack(extract):
    _, events = extract("Drones struck the city of Sumy on Tuesday.\n\nThe attack on Kharkiv the next day killed two people.")
    assert event_places(events) == [("Sumy", None), ("Kharkiv", 2)]


def test_a_village_situated_between_a_town_and_a_community_in_a_state(extract):
    _, events = extract(
        "The troops were ambushed around Kukawa village situated between Monguno town on Sunday, killing four soldiers.\n\n"
        "The attack came as troops repelled militants at Babangida community in Yobe."
    )
    places = event_places(events)
    assert places[0] == ("Kukawa", 4) and len(places) == 2 and "Yobe" not in places[1][0] and "Monguno" not in {p for p, _ in places}


def test_what_an_attack_told_before_did_places_it_but_is_no_attack_of_its_own(extract):
    _, events = extract(
        "In the Samara region, the governor reported several drone attacks on oil refineries on Sunday.\n\n"
        "One of them caused a major fire at the Kuibyshev refinery, the governor said."
    )
    assert event_places(events) == [("Kuibyshev refinery", None)]
    _, events = extract("A faulty cable caused a major fire at the Kuibyshev refinery on Sunday.")
    assert events == []


def test_the_place_of_another_attack_named_in_a_later_sentence_does_not_move_the_first(extract):
    _, events = extract(
        "A Houthi missile hit a market in Marib on Tuesday, killing five people.\n\n"
        "The attack comes days after the Houthis were accused of an attack on a cargo ship off the port of Hodeidah."
    )
    assert event_places(events) == [("Ma'rib", 5), ("Port of Hodeidah", None)]


def test_a_neighbourhood_lies_in_the_one_town_reported_hit(extract):
    _, events = extract(
        "An Israeli airstrike hit a house in the city of Rafah on Saturday, Israel said.\n\n"
        "Israeli aircraft targeted a house in the Nasr neighborhood, witnesses said."
    )
    assert event_places(events) == [("Nasr", None)]
    # ... not when two towns were hit: which one holds it, the text does not say.
    _, events = extract(
        "An Israeli airstrike hit a house in the city of Rafah on Saturday, Israel said.\n\n"
        "Another strike hit Gaza City.\n\n"
        "Israeli aircraft targeted a house in the Nasr neighborhood, witnesses said."
    )
    assert len(events) == 3


def test_a_country_wide_attack_over_its_towns_attacks_keeps_no_toll_of_its_own(extract):
    _, events = extract(
        "Russia launched strikes across Ukraine overnight, killing five people.\n\n"
        "Three people were killed in a missile strike on Kharkiv, the governor said.\n\n"
        "Two more died in a drone attack on Odesa."
    )
    assert event_places(events) == [("Ukraine", None), ("Kharkiv", 3), ("Odesa", 2)]
    _, events = extract("Russia launched strikes across Ukraine overnight, killing five people, officials said.")
    assert event_places(events) == [("Ukraine", 5)]


def test_a_country_the_attack_was_near_is_not_hit(extract):
    _, events = extract("Ten soldiers were killed on Monday in an ambush near Burkina Faso, the army said.")
    assert "Burkina Faso" not in [label for label, _ in event_places(events)]


def test_the_setting_of_an_attack_is_not_hit(extract):
    _, events = extract(
        "A suicide bomber killed a policeman in Bannu on Monday.\n\n"
        "The attack comes amid a surge in terrorist activity in KP and Balochistan after the TTP ended its ceasefire in 2022 and vowed to target security forces."
    )
    assert [label for label, _ in event_places(events)] == ["Bannu"]


def test_the_institution_of_one_who_tells_is_not_hit(extract):
    _, events = extract(
        "A drone strike hit a school in Shukeiri village on Wednesday, killing at least 17 people.\n\n"
        "Dr. Musa al-Majeri, director of Douiem Hospital, said at least 10 others were wounded in the attack."
    )
    assert [(ev.location.label, ev.killed, ev.injured) for ev in events] == [("Ash Shuqayrī", 17, 10)]


def test_assailants_who_storm_a_village_attack_it_and_the_village_in_its_chiefdom_is_the_place(extract):
    _, events = extract(
        "At least 19 people were killed in an attack in Lubero territory on Monday.\n\n"
        "The attackers suspected to be from the ADF invaded Mukondo village in the chiefdom of Baswagha at dawn."
    )
    assert [(ev.location.label, ev.killed) for ev in events] == [("Mukondo", 19)]


def test_a_country_that_invaded_another_is_no_attack_told(extract):
    _, events = extract("The economy has shrunk since Russia invaded Ukraine in 2022, the ministry said.")
    assert events == []


def test_an_unknown_place_of_the_reports_country_is_where_its_attack_was(extract):
    _, events = extract(
        "At least four soldiers were killed Tuesday in an attack in northern Burkina Faso, security sources said.\n\n"
        "The terrorists targeted a military detachment between Markoyeville and Tokabangou, near the border with Niger."
    )
    assert [(ev.location.label, ev.killed) for ev in events] == [("Markoyeville", 4)]


def test_a_countrys_attack_with_its_own_toll_stays_beside_the_unknown_places(extract):
    _, events = extract(
        "A US airstrike killed one militant in Somalia on Monday.\n\n"
        "A car bomb exploded in Elashabiyaha, killing two people."
    )
    assert sorted((ev.location.label, ev.killed) for ev in events) == [("Elashabiyaha", 2), ("Somalia", 1)]


def test_a_town_an_unnamed_village_lies_near_is_not_hit(extract):
    _, events = extract(
        "Russian shelling killed three civilians on Saturday in Ukraine's southern Kherson region, officials said.\n\n"
        "The governor said an artillery strike in the evening killed one person in a village south of Kherson."
    )
    assert [ev.location.label for ev in events] == ["Kherson Oblast"]


def test_a_region_named_of_a_state_lies_in_it(extract):
    _, events = extract("Cartel gangsters ambushed and killed 14 state police on Monday in the Tierra Caliente region of Michoacán.")
    assert [(ev.location.label, ev.killed) for ev in events] == [("Tierra Caliente region", 14)]
