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
    _, events = extract("Gunmen ambushed an army patrol in El Zapote in Coalcoman on Thursday, killing nine soldiers.")
    (ev,) = events
    assert "Coalcom" not in ev.location.label and ev.killed == 9


def test_a_landmark_near_the_place_is_not_hit(extract):
    _, events = extract("Rockets hit the Al Nasr neighbourhood near the Grand Mosque in Marib on Sunday, killing four people.")
    assert event_places(events) == [("Al Nasr", 4)]


def test_a_headline_over_two_attacks_is_their_summary(extract):
    _, events = extract(
        "A drone struck a motorbike in Bint Jbeil on Friday, killing two people.\n\n"
        "Another five died in a strike on a shop in the town of Aitaroun.\n\n"
        "Israel said it had hit Hezbollah fighters.",
        title="Israeli strikes kill 7 in south Lebanon",
    )
    assert sorted(event_places(events), key=lambda p: p[1]) == [("Bent Jbaïl", 2), ("Aitaroun", 5)]
    # ... but it still says who struck.
    assert {ev.actor.label for ev in events if ev.actor} == {"Israel"} and all(ev.actor for ev in events)


def test_a_second_strike_near_the_city_is_another_attack(extract):
    _, events = extract(
        "Drones hit Nyala on Wednesday, killing 21 people.\n\n"
        "A second strike hit the Otash camp near Nyala, the monitors said."
    )
    assert event_places(events) == [("Nyala", 21), ("Otash", None)]


def test_a_shelter_the_text_places_in_the_city_gets_the_citys_toll(extract):
    _, events = extract(
        "A drone strike on the city of Kadugli killed 38 people late on Tuesday.\n\n"
        "The strike hit the Al-Salam Home, a shelter for orphans in Kadugli, the monitors said."
    )
    assert event_places(events) == [("Al-Salam Home", 38)]


def test_a_toll_told_before_the_place_is_the_places_attack(extract):
    _, events = extract(
        "At least nine gendarmes were killed and five others hurt in an attack by jihadists in the north, the army said.\n\n"
        "The gendarmes were escorting a convoy near the town of Tessit when gunmen attacked them on Monday."
    )
    assert [(ev.location.label, ev.killed, ev.injured) for ev in events] == [("Tessit", 9, 5)]


def test_a_toll_told_long_before_a_place_is_not_its_attack(extract):
    _, events = extract(
        "At least nine gendarmes were killed in an attack by jihadists in the north, the army said.\n\n"
        "The army has sent more troops.\n\nThe area has seen many ambushes.\n\nThe minister spoke on Tuesday.\n\n"
        "Separately, gunmen attacked the town of Tessit on Monday."
    )
    assert [(ev.location.label, ev.killed) for ev in events] == [("Tessit", None)]


def test_an_attack_between_two_places_is_one_attack(extract):
    _, events = extract("Jihadists raided an army camp between Djibo and Arbinda on Friday, killing six soldiers.")
    assert event_places(events) == [("Djibo", 6)]


def test_the_attack_told_at_the_town_of_its_site_is_one_event(extract):
    _, events = extract(
        "Israeli strikes on Aleppo International Airport killed five soldiers on Tuesday, a war monitor said.\n\n"
        "Syrian state media said air defences had downed some missiles.\n\n"
        "The monitor said the strikes hit a weapons store.\n\n"
        "Officials gave no further details.\n\n"
        "The attack took place before dawn, when residents of Aleppo heard loud explosions."
    )
    assert event_places(events) == [("Aleppo International Airport", 5)]


def test_another_toll_in_the_town_is_another_attack(extract):
    _, events = extract(
        "Israeli strikes on Aleppo International Airport killed five soldiers on Tuesday, a war monitor said.\n\n"
        "Hours later, an attack on the city of Aleppo killed three people."
    )
    assert event_places(events) == [("Aleppo International Airport", 5), ("Aleppo", 3)]


def test_a_launch_site_told_at_length_is_not_hit_and_the_weapons_join_the_attack(extract):
    _, (ev,) = extract(
        "Russian forces launched drone attacks on Ukrainian territory late on Thursday.\n\n"
        "The air force said 31 of the drones were destroyed.\n\n"
        "It said Russia also launched four missiles from S-300 systems stationed in occupied parts of Ukraine's Zaporizhzhia region and one Kh-22 cruise missile."
    )
    assert ev.location.label == "Ukraine"
    assert {"S-300 missile system", "Kh-22"} <= {w.label for w in ev.weapons}


def test_a_toll_of_several_attacks_and_their_retelling_give_no_attack_of_their_own(extract):
    _, events = extract(
        "At least 11 people were killed in two separate attacks by ISWAP fighters in northeast Nigeria.\n\n"
        "The attacks, which took place near the town of Damboa and the edge of Biu, frightened residents.\n\n"
        "On Thursday, the fighters mounted an assault on an army post in the village of Kwamjilari.\n\n"
        "The battle resulted in the loss of four soldiers.\n\n"
        "Later, 7 herders who were abducted and killed by the fighters were found in Mandaragirau."
    )
    assert event_places(events) == [("Kwamjilari", 4), ("Mandaragirau", 7)]


def test_a_separate_attack_told_twice_is_one_and_a_sea_named_for_its_port_is_not_hit(extract):
    _, events = extract(
        "Russian missiles struck the city of Poltava overnight, killing 9 people, Kyiv said.\n\n"
        "The ministry said at least two were killed and 5 hurt in a separate drone attack on Dnipropetrovsk region overnight.\n\n"
        "Russia also hit a vessel in the Black Sea port of Odesa.\n\n"
        "The ministry repeated that at least two were killed and 5 hurt in a separate drone attack on Dnipropetrovsk region overnight."
    )
    assert [(ev.location.label, ev.killed, ev.injured) for ev in events] == [("Poltava", 9, None), ("Dnipropetrovsk Oblast", 2, 5), ("Port of Odesa", None, None)]


def test_where_the_sources_are_and_a_town_a_place_lies_east_of_are_not_hit(extract):
    _, events = extract(
        "Doctors at the Nasser Hospital in Khan Younis said they received 11 bodies from an Israeli air raid "
        "targeting the Al-Mawasi area on Friday, Israel said.\n\n"
        "In a separate incident, three Palestinians died in Israeli shelling targeting Al-Shoka area east of Rafah.\n\n"
        "They added that a woman was killed when she was shot by an Israeli drone near a tent west of Rafah."
    )
    assert event_places(events) == [("Al-Mawasi", None), ("Shokat as-Sufi", 3), ("Rafaḩ", 1)]


def test_the_attack_on_a_suburb_named_next_is_the_attack_told(extract):
    _, events = extract(
        "Gunmen raided a neighbourhood in Port-au-Prince late Friday.\n\nThe attack on Tabarre was led by the Kraze Barye group, officials said.",
        title="Gunmen raided a neighbourhood in Port-au-Prince late Friday",
    )
    assert [(ev.location.label, ev.actor.label if ev.actor else None) for ev in events] == [("Tabarre", "Kraze Baryè")]


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
        "In the Volgograd region, the governor reported a number of drone attacks on oil refineries on Friday.\n\n"
        "One of them caused a big fire at the Volgograd refinery, the governor said."
    )
    assert event_places(events) == [("Volgograd refinery", None)]
    _, events = extract("A faulty cable caused a big fire at the Volgograd refinery on Friday.")
    assert events == []


def test_the_place_of_another_attack_named_in_a_later_sentence_does_not_move_the_first(extract):
    _, events = extract(
        "A Houthi missile hit a market in Marib on Tuesday, killing five people.\n\n"
        "The attack comes days after the Houthis were accused of an attack on a cargo ship off the port of Hodeidah."
    )
    assert event_places(events) == [("Ma'rib", 5), ("Port of Hodeidah", None)]


def test_a_neighbourhood_lies_in_the_one_town_reported_hit(extract):
    _, events = extract(
        "An Israeli air strike hit a flat in the city of Khan Younis on Thursday, Israel said.\n\n"
        "Israeli jets bombed a flat in the Amal neighborhood, residents said."
    )
    assert event_places(events) == [("Amal", None)]
    # ... not when two towns were hit: which one holds it, the text does not say.
    _, events = extract(
        "An Israeli air strike hit a flat in the city of Khan Younis on Thursday, Israel said.\n\n"
        "Another strike hit Deir al-Balah.\n\n"
        "Israeli jets bombed a flat in the Amal neighborhood, residents said."
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
        "A suicide bomber killed two soldiers in Dera Ismail Khan on Thursday.\n\n"
        "The bombing follows a rise in militant violence in KP and Balochistan since the TTP called off its truce in 2022 and threatened to hit police and troops."
    )
    assert [label for label, _ in event_places(events)] == ["Dera Ismail Khan"]


def test_the_institution_of_one_who_tells_is_not_hit(extract):
    _, events = extract(
        "A drone struck a market in Um Sumeima village on Monday, killing at least 13 people.\n\n"
        "Dr. Hamid Osman, director of Kosti Hospital, said at least 8 others were hurt in the attack."
    )
    assert [(ev.location.label, ev.killed, ev.injured) for ev in events] == [("Um Sumeima", 13, 8)]


def test_assailants_who_storm_a_village_attack_it_and_the_village_in_its_chiefdom_is_the_place(extract):
    _, events = extract(
        "At least 14 people died in a raid in Beni territory on Thursday.\n\n"
        "The attackers suspected to be from the ADF stormed Kisunga village in the chiefdom of Bambuba before dawn."
    )
    assert [(ev.location.label, ev.killed) for ev in events] == [("Kisunga", 14)]


def test_a_country_that_invaded_another_is_no_attack_told(extract):
    _, events = extract("The economy has shrunk since Russia invaded Ukraine in 2022, the ministry said.")
    assert events == []


def test_an_unknown_place_of_the_reports_country_is_where_its_attack_was(extract):
    _, events = extract(
        "At least six gendarmes died Friday in an attack in eastern Burkina Faso, security sources said.\n\n"
        "The gunmen targeted a gendarmerie post between Kantchariville and Tapoa-Djerma, near the border with Benin."
    )
    assert [(ev.location.label, ev.killed) for ev in events] == [("Kantchariville", 6)]


def test_a_countrys_attack_with_its_own_toll_stays_beside_the_unknown_places(extract):
    _, events = extract(
        "A US airstrike killed one militant in Somalia on Monday.\n\n"
        "A car bomb exploded in Elashabiyaha, killing two people."
    )
    assert sorted((ev.location.label, ev.killed) for ev in events) == [("Elashabiyaha", 2), ("Somalia", 1)]


def test_a_town_an_unnamed_village_lies_near_is_not_hit(extract):
    _, events = extract(
        "Russian artillery killed two civilians on Thursday in Ukraine's eastern Donetsk region, officials said.\n\n"
        "The governor said a shelling attack in the afternoon killed one man in a village west of Kramatorsk."
    )
    assert [ev.location.label for ev in events] == ["Donetsk Oblast"]


def test_a_region_named_of_a_state_lies_in_it(extract):
    _, events = extract("Cartel gunmen ambushed and killed 9 soldiers on Friday in the Sierra Baja region of Guerrero.")
    assert [(ev.location.label, ev.killed) for ev in events] == [("Sierra Baja region", 9)]
