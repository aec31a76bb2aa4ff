"""Where attacks were, when places are named together or at several levels: a list of
sites hit, two villages that only say where in a district, a town "located in" a
district, a neighbour's border, the lead country's attack placed by the unknown place
named next, and attacks told at another time kept apart. Also the casualty phrases of
such reports ("two jawans of the district force", "claimed nine lives")."""

from __future__ import annotations

import pytest

from kg.eventcues import casualties, phase_tolls


def _places(events):
    return sorted((ev.location.label if ev.location else "", ev.killed, ev.injured) for ev in events)


def test_each_site_of_a_list_is_an_attack(extract):
    _, events = extract("Bombs exploded at Hat Yai railway station, Sungai Kolok and Betong on Friday night.")
    # the site is the station, and the two towns after it are items of the list, not where it lies
    assert [p for p, _, _ in _places(events)] == ["Betong", "Hat Yai railway station", "Su-ngai Kolok"]


def test_districts_that_share_a_border_area_are_no_list_of_sites(extract):
    _, events = extract(
        "Maoists blew up a vehicle in Bijapur district on Monday, killing eight security personnel.\n\n"
        "The personnel targeted were returning from an operation on the borders of Narayanpur, Dantewada and Bijapur districts."
    )
    assert [(p, k) for p, k, _ in _places(events)] == [("Bijapur district", 8)]


def test_two_villages_between_which_a_car_was_hit_say_where_in_the_district(extract):
    _, events = extract(
        "An Israeli drone strike hit a car between the villages of Toulin and Burj Qalaouiyeh in the Bint Jbeil district on Sunday, killing one person."
    )
    assert _places(events) == [("Bint Jbeil district", 1, None)]


def test_a_town_located_in_a_district_is_the_place_hit(extract):
    _, events = extract("Drone strikes in the town of Kheret, located in Enarj Woreda of the Amhara region, killed 100 civilians on Sunday.")
    ((place, killed, _),) = _places(events)
    assert killed == 100 and "Woreda" not in place and "Amhara" not in place


def test_a_country_named_before_border_is_not_hit(extract):
    _, events = extract("At least ten soldiers were killed in an ambush in southwest Niger, not far from the Mali border, on Friday.")
    assert _places(events) == [("Niger", 10, None)]


def test_the_lead_countrys_attack_is_at_the_province_named_next_and_last_weeks_raid_is_its_own(extract):
    _, events = extract(
        "At least ten soldiers were killed and 13 were hurt in an ambush in southwest Niger on Friday, not far from Mali and Mali's border town of Menaka.\n\n"
        "The troops were on patrol in the north of the Banibangou province when they came under a complicated ambush.\n\n"
        "The area is close to the Tahoua region, where last week, armed gunmen raided a camp sheltering migrants.\n\n"
        "That attack, carried out by terrorists on motorcycles who escaped back into Mali, claimed nine lives."
    )
    by_place = {ev.location.label: ev for ev in events}
    assert set(by_place) == {"Banibangou province", "Tahoua Region"}
    lead, raid = by_place["Banibangou province"], by_place["Tahoua Region"]
    assert (lead.killed, lead.injured, str(lead.date)) == (10, 13, "2023-12-29")
    # "last week" names no day: the raid is not dated as the lead.
    assert (raid.killed, raid.date) == (9, None)


def test_a_blast_told_in_another_month_at_the_same_district_is_another_attack(extract):
    _, events = extract(
        "Six policemen were killed in a blast in Dantewada district on Sunday.\n\n"
        "In April, a jawan was injured in another IED blast in Dantewada district."
    )
    assert sorted((str(ev.killed), str(ev.date)) for ev in events) == [("6", "2023-12-31"), ("None", "None")]


def test_attacks_a_town_has_endured_are_a_campaign_not_an_attack(extract):
    _, events = extract(
        "At least 57 people were killed when the RSF launched a drone strike on a shelter in El Fasher on Friday.\n\n"
        "El Fasher, the last major city the army holds in Darfur, has endured intensified RSF attacks since the army took Khartoum in March."
    )
    assert [(p, k) for p, k, _ in _places(events)] == [("El Fasher", 57)]


def test_a_county_named_for_its_commissioner_is_not_hit(extract):
    _, events = extract(
        "More than 100 people were killed after gunmen raided a village in South Sudan on Friday.\n\n"
        "They were reportedly attacked by a rebel group, Akobo County Commissioner Goi Joyul said."
    )
    assert all("Akobo" not in p for p, _, _ in _places(events))


def test_a_war_toll_since_an_abbreviated_month_is_no_attacks_toll(extract):
    _, events = extract(
        "An Israeli drone strike on a car in southern Lebanon killed one person on Sunday.\n\n"
        "A ceasefire was reached in November 2024, following an exchange of attacks between Hezbollah and Israel since Oct. 8, 2023, "
        "killing more than 4,000 people and injuring around 17,000."
    )
    assert [(k, i) for _, k, i in _places(events)] == [(1, None)]


@pytest.mark.parametrize(
    "sentence, killed, injured",
    [
        ("In May, two jawans of the district force were killed in another IED blast.", 2, None),
        ("Four jawans of the State Armed Force and two jawans of the State Police's District Force were killed while one was grievously injured.", 6, 1),
        # A unit's number counts no one.
        ("Nine CRPF jawans of the 212 Battalion were killed and two were severely injured in an IED blast.", 9, 2),
        ("Similar attacks were carried out on 25 March when four district reserve guard jawans were injured.", None, 4),
        ("An activist, a gunman, and a security guard died during an attack on a municipal building.", 3, None),
        ("Six civilians and four members of the VDP auxiliary force died on Monday in an attack.", 10, None),
        ("Two other innocent victims sustained gunshot injuries.", None, 2),
        ("Two soldiers suffered no injuries.", None, 0),
        ("That attack, carried out by terrorists on motorcycles, claimed nine lives.", 9, None),
    ],
)
def test_casualty_phrases_of_unit_and_victim_lists(sentence, killed, injured):
    assert casualties(sentence) == (killed, injured)


def test_a_headlines_toll_joins_the_bodys_attack_with_that_toll(extract):
    _, events = extract(
        "Twenty-four soldiers have been killed in an attack by jihadists on Tchoukou Telia, an island of the lake, officials said.",
        title="Two dozen dead in jihadist attack in Lake Chad",
    )
    # (the headline's "Lake Chad" is where the island is, not a second attack)
    assert [(ev.location.label, ev.killed) for ev in events] == [("Tchoukou Telia", 24)]


def test_a_toll_told_before_places_with_their_own_tolls_is_theirs_summed(extract):
    _, events = extract(
        "At least 18 civilians were killed in regime air strikes on the last opposition bastion of Syria on Saturday.\n\n"
        "Air strikes on the city of Idlib killed seven civilians.\n\n"
        "Seven people were killed in Binnish and four in Al-Nerab."
    )
    by_place = {ev.location.label: ev for ev in events}
    assert by_place["Idlib"].killed == 7
    # "regime air strikes": the state whose regime it is, also for the towns of its own land.
    assert {ev.actor.label if ev.actor else None for ev in events} == {"Syria"}


def test_another_attack_in_the_same_area_is_an_attack_at_that_place(extract):
    _, events = extract(
        "An Israeli drone strike hit a car between the villages of Toulin and Burj Qalaouiyeh in the Bint Jbeil district on Sunday, killing one person.\n\n"
        "The strike came shortly after another Israeli attack damaged a car carrying several children in the same area."
    )
    assert [(ev.location.label, ev.killed, str(ev.date)) for ev in events] == [
        ("Bint Jbeil district", 1, "2023-12-31"),
        ("Bint Jbeil district", None, "2023-12-31"),
    ]


def test_the_one_day_of_a_sentence_naming_no_place_is_its_attacks(extract):
    _, events = extract(
        "At least 21 people were killed by rebels during attacks in northern Central African Republic.\n\n"
        "\"The rebels first attacked the army checkpoints before attacking the civilian population,\" said a lawmaker who represents the village attacked Thursday."
    )
    assert [(ev.killed, str(ev.date)) for ev in events] == [(21, "2023-12-28")]


@pytest.mark.parametrize(
    "body, attacked",
    [
        ("Suspected militants set fire to the mayor's office in the town of Djibo on Monday night, residents said.", True),
        ("Insurgents set off bombs in Betong on Friday.", True),
        # Arson is an attack only when assailants do it.
        ("Protesters set fire to tyres in Dakar on Monday.", False),
        ("The CPC usually operates by attacking towns and army posts in Ouham.", False),
    ],
)
def test_arson_and_bombs_set_off_by_assailants_are_attacks(extract, body, attacked):
    _, events = extract(body)
    assert bool(events) is attacked


def test_an_earlier_attack_of_the_group_at_no_place_named_is_an_event_without_a_location(extract):
    _, events = extract(
        "At least five civilians were killed when rebels attacked a town in the Central African Republic on Thursday.\n\n"
        "Members of the Coalition of Patriots for Change (CPC) assaulted the town of Moyenne Sido before sunrise, the mayor said.\n\n"
        "The CPC usually operates by attacking towns, villages and army posts. "
        "They killed at least six soldiers in an attack on a military outpost in April last year."
    )
    got = sorted((ev.location.label if ev.location else "", ev.actor.label if ev.actor else None, ev.killed, str(ev.date)) for ev in events)
    assert got == [("", "Coalition of Patriots for Change", 6, "None"), ("Moyenne Sido", "Coalition of Patriots for Change", 5, "2023-12-28")]


def test_the_lands_of_attacks_at_several_locations_are_no_attacks_place(extract):
    _, events = extract(
        "Armed assailants carried out attacks at six different locations in Yala, Pattani and Narathiwat on Friday night.\n\n"
        "A bomb exploded on a bridge in Betong on Friday night."
    )
    assert [ev.location.label for ev in events] == ["Betong"]


def test_sites_listed_after_the_day_of_a_series_of_attacks(extract):
    _, events = extract(
        "A series of bomb and shooting attacks took place on Friday night in the south, officials said.\n\n"
        "A bomb exploded on a bridge in Betong.\n\n"
        "A pipe bomb was thrown into a ranger outpost in Sungai Kolok.\n\n"
        "Another shooting took place in Hat Yai, which resulted in an exchange of gunfire with a police unit based at Songkhla."
    )
    # (the unit's base is not hit; every site has the day told before them)
    assert sorted((ev.location.label, str(ev.date)) for ev in events) == [
        ("Betong", "2023-12-29"), ("Hat Yai", "2023-12-29"), ("Su-ngai Kolok", "2023-12-29")
    ]


def test_a_regions_toll_is_the_attack_inside_it_with_that_toll_and_gunfights_are_none(extract):
    _, events = extract(
        "At least five soldiers were killed and six injured in an ambush by militants in the Jammu region on Monday.\n\n"
        "The militants threw grenades and hit a convoy of army vehicles in the remote Machedi area of Kathua district.\n\n"
        "Two soldiers and six militants were killed in separate gunfights in Kulgam at the weekend.\n\n"
        "\"I am anguished at the loss of five soldiers in a terrorist attack in Badnota,\" the minister said."
    )
    by_place = {ev.location.label: ev for ev in events}
    assert "Kulgam" not in by_place
    assert (by_place["Badnota"].killed, by_place["Badnota"].injured) == (5, 6)


def test_an_outfit_that_carried_out_the_attack_is_its_attacker(extract):
    _, events = extract(
        "Two soldiers were killed when militants fired at an army vehicle in Srinagar on Thursday.\n\n"
        "Police said it seems that Jaish-e-Muhammad outfit has carried out the attack."
    )
    assert [ev.actor.label if ev.actor else None for ev in events] == ["Jaish-e-Mohammed"]


def test_a_place_named_after_the_one_it_lies_in_and_s_is_the_place_hit(extract):
    _, events = extract("Similar attacks were carried out by Naxals on Sunday in Sukma's Sirsatti when four district reserve guard jawans were injured.")
    assert [(ev.location.label, ev.injured) for ev in events] == [("Sirsatti", 4)]


def test_an_acronym_in_brackets_ends_no_clause_for_the_attacker(extract):
    _, events = extract(
        "Two jawans were killed in an explosion of an improvised explosive device (IED) planted by the outlawed CPI (Maoist) near Kodliyar village on Saturday."
    )
    assert [(ev.location.label, ev.actor.label if ev.actor else None) for ev in events] == [("Kodliyar", "Communist Party of India (Maoist)")]


def test_an_attack_told_separately_in_a_town_is_another_attack(extract):
    _, events = extract(
        "Eleven soldiers were killed in an attack on a convoy in northern Burkina Faso on Monday.\n\n"
        "The assault took place in Soum province.\n\n"
        "Separately, suspected militants set fire to the mayor's office in the town of Djibo on Monday night."
    )
    # (without "Separately", the town would place the convoy's attack)
    assert sorted((ev.location.label, ev.killed) for ev in events) == [("Djibo", None), ("Soum", 11)]


def test_the_tolls_of_an_attacks_phases_are_not_its_toll_and_an_apposition_gives_its_day(extract):
    _, events = extract(
        "At least 21 people were killed by rebels during attacks in the north of the Central African Republic.\n\n"
        "\"The rebels first attacked the army checkpoints, killing one person, before attacking the civilian population, killing about 20 people,\" "
        "said a lawmaker who represents Ndele, the town attacked Thursday."
    )
    assert [(ev.location.label, ev.killed, str(ev.date)) for ev in events] == [("Ndélé", 21, "2023-12-28")]


def test_phase_tolls():
    assert phase_tolls("The rebels attacked the checkpoints, killing one person, before attacking the village, killing about 20 people.")
    assert not phase_tolls("A strike hit the town, killing four people and injuring ten.")


def test_regions_listed_before_their_plural_head_are_each_hit_on_the_sentences_day(extract):
    _, events = extract("Russian strikes hit the Kharkiv, Sumy and Odesa regions on Sunday, killing five people.")
    assert sorted((ev.location.label, str(ev.date)) for ev in events) == [
        ("Kharkiv Oblast", "2023-12-31"), ("Odesa Oblast", "2023-12-31"), ("Sumy Oblast", "2023-12-31")
    ]
