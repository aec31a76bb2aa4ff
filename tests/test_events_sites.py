"""Where attacks were, when places are named together or at several levels: a list of
sites hit, two villages that only say where in a district, a town "located in" a
district, a neighbour's border, the lead country's attack placed by the unknown place
named next, and attacks told at another time kept apart. Also the casualty phrases of
such reports ("three jawans of the district force", "claimed eleven lives")."""

from __future__ import annotations

import pytest

from kg.eventcues import casualties, phase_tolls


def _places(events):
    return sorted((ev.location.label if ev.location else "", ev.killed, ev.injured) for ev in events)


def test_each_site_of_a_list_is_an_attack(extract):
    _, events = extract("Bombs went off at Yala railway station, Tak Bai and Rueso late on Thursday.")
    # the site is the station, and the two towns after it are items of the list, not where it lies
    assert [p for p, _, _ in _places(events)] == ["Rueso", "Tak Bai", "Yala railway station"]


def test_districts_that_share_a_border_area_are_no_list_of_sites(extract):
    _, events = extract(
        "Naxals blew up a truck in Sukma district on Tuesday, killing five police personnel.\n\n"
        "The personnel were returning from a search operation on the borders of Kanker, Kondagaon and Sukma districts."
    )
    assert [(p, k) for p, k, _ in _places(events)] == [("Sukma district", 5)]


def test_two_villages_between_which_a_car_was_hit_say_where_in_the_district(extract):
    _, events = extract(
        "An Israeli drone struck a motorbike between the villages of Deir Sellam and Kfar Hamra in the Marjayoun district on Saturday, killing two people."
    )
    assert _places(events) == [("Marjayoun district", 2, None)]


def test_a_town_located_in_a_district_is_the_place_hit(extract):
    _, events = extract("A drone strike on the town of Gobeta, located in Dimma Woreda of the Oromia region, killed 37 civilians on Tuesday.")
    ((place, killed, _),) = _places(events)
    assert killed == 37 and "Woreda" not in place and "Oromia" not in place


def test_a_country_named_before_border_is_not_hit(extract):
    _, events = extract("At least seven gendarmes died in an ambush in northern Benin, not far from the Burkina Faso border, on Wednesday.")
    assert _places(events) == [("Benin", 7, None)]


def test_the_lead_countrys_attack_is_at_the_province_named_next_and_last_weeks_raid_is_its_own(extract):
    _, events = extract(
        "At least 12 soldiers were killed and nine were hurt in an ambush in eastern Burkina Faso on Thursday, not far from Niger and Niger's border town of Makalondi.\n\n"
        "The unit was on patrol in the east of the Koulpelga province when it came under a complex ambush.\n\n"
        "The zone borders the Centre-Est region, where last week, armed men raided a camp sheltering displaced people.\n\n"
        "That attack, carried out by fighters on motorbikes who fled back into Niger, claimed six lives."
    )
    by_place = {ev.location.label: ev for ev in events}
    assert set(by_place) == {"Koulpelga province", "Centre-Est"}
    lead, raid = by_place["Koulpelga province"], by_place["Centre-Est"]
    assert (lead.killed, lead.injured, str(lead.date)) == (12, 9, "2023-12-28")
    # "last week" names no day: the raid is not dated as the lead.
    assert (raid.killed, raid.date) == (6, None)


def test_a_blast_told_in_another_month_at_the_same_district_is_another_attack(extract):
    _, events = extract(
        "Four policemen died in a blast in Narayanpur district on Tuesday.\n\n"
        "In June, a jawan was hurt in another IED blast in Narayanpur district."
    )
    assert sorted((str(ev.killed), str(ev.date)) for ev in events) == [("4", "2023-12-26"), ("None", "None")]


def test_attacks_a_town_has_endured_are_a_campaign_not_an_attack(extract):
    _, events = extract(
        "At least 23 people were killed when the RSF fired a drone at a market in El Obeid on Tuesday.\n\n"
        "El Obeid, the largest city the army still holds in Kordofan, has endured repeated RSF attacks since the army retook Omdurman in May."
    )
    assert [(p, k) for p, k, _ in _places(events)] == [("El Obeid", 23)]


def test_a_county_named_for_its_commissioner_is_not_hit(extract):
    _, events = extract(
        "More than 40 people died after armed youths raided a cattle camp in South Sudan on Monday.\n\n"
        "The raiders belonged to a militia, Makuach County Commissioner Dak Riek Lual said."
    )
    assert all("Makuach" not in p for p, _, _ in _places(events))


def test_a_war_toll_since_an_abbreviated_month_is_no_attacks_toll(extract):
    _, events = extract(
        "A Russian drone strike on a bus in the Kherson region killed two people on Saturday.\n\n"
        "Talks stalled in March 2024, after two years of attacks between Russia and Ukraine since Feb. 24, 2022, "
        "killing more than 10,000 civilians and injuring around 20,000."
    )
    assert [(k, i) for _, k, i in _places(events)] == [(2, None)]


@pytest.mark.parametrize(
    "sentence, killed, injured",
    [
        ("In August, three jawans of the district force were killed in a landmine blast.", 3, None),
        ("Three jawans of the Special Task Force and five jawans of the State Police's District Force died while two were grievously injured.", 8, 2),
        # A unit's number counts no one.
        ("Seven CRPF jawans of the 168 Battalion were killed and three were severely injured in a landmine blast.", 7, 3),
        ("A similar ambush was carried out on 14 July when three district reserve guard jawans were injured.", None, 3),
        ("A teacher, a gunman, and a security officer died during an assault on a district office.", 3, None),
        ("Eight villagers and three members of the VDP militia died on Saturday in a raid.", 11, None),
        ("Three other passers-by sustained gunshot injuries.", None, 3),
        ("Three policemen suffered no injuries.", None, 0),
        ("The raid, carried out by gunmen on pickups, claimed eleven lives.", 11, None),
    ],
)
def test_casualty_phrases_of_unit_and_victim_lists(sentence, killed, injured):
    assert casualties(sentence) == (killed, injured)


def test_a_headlines_toll_joins_the_bodys_attack_with_that_toll(extract):
    _, events = extract(
        "Twelve soldiers were killed in an attack by insurgents on Kadabaram, an island of the lake, the army said.",
        title="A dozen dead in jihadist attack in Lake Chad",
    )
    # (the headline's "Lake Chad" is where the island is, not a second attack)
    assert [(ev.location.label, ev.killed) for ev in events] == [("Kadabaram", 12)]


def test_a_toll_told_before_places_with_their_own_tolls_is_theirs_summed(extract):
    _, events = extract(
        "At least 15 civilians died in regime air strikes on the rebel-held north-west of Syria on Tuesday.\n\n"
        "Air raids on the city of Jisr al-Shughur killed six civilians.\n\n"
        "Five people were killed in Saraqib and four in Sarmin."
    )
    by_place = {ev.location.label: ev for ev in events}
    assert by_place["Jisr ash Shughūr"].killed == 6
    # "regime air strikes": the state whose regime it is, also for the towns of its own land.
    assert {ev.actor.label if ev.actor else None for ev in events} == {"Syria"}


def test_another_attack_in_the_same_area_is_an_attack_at_that_place(extract):
    _, events = extract(
        "An Israeli drone struck a motorbike between the villages of Deir Sellam and Kfar Hamra in the Marjayoun district on Saturday, killing two people.\n\n"
        "Minutes before the drone struck, another Israeli attack hit a truck carrying several farmers in the same area."
    )
    assert [(ev.location.label, ev.killed, str(ev.date)) for ev in events] == [
        ("Marjayoun district", 2, "2023-12-30"),
        ("Marjayoun district", None, "2023-12-30"),
    ]


def test_the_one_day_of_a_sentence_naming_no_place_is_its_attacks(extract):
    _, events = extract(
        "At least 13 people were killed by militiamen during raids in western Cameroon.\n\n"
        "\"The militiamen first attacked the gendarmerie post before turning on the villagers,\" said a deputy who represents the village attacked Wednesday."
    )
    assert [(ev.killed, str(ev.date)) for ev in events] == [(13, "2023-12-27")]


@pytest.mark.parametrize(
    "body, attacked",
    [
        ("Suspected jihadists set fire to the prefect's office in the town of Dori on Tuesday night, witnesses said.", True),
        ("Rebels set off bombs in Narathiwat on Saturday.", True),
        # Arson is an attack only when assailants do it.
        ("Demonstrators set fire to tyres in Abidjan on Thursday.", False),
        ("The CPC usually operates by raiding villages and gendarmerie posts in Nana-Grebizi.", False),
    ],
)
def test_arson_and_bombs_set_off_by_assailants_are_attacks(extract, body, attacked):
    _, events = extract(body)
    assert bool(events) is attacked


def test_an_earlier_attack_of_the_group_at_no_place_named_is_an_event_without_a_location(extract):
    _, events = extract(
        "At least eight civilians were killed when rebels raided a town in the Central African Republic on Tuesday.\n\n"
        "Fighters of the Coalition of Patriots for Change (CPC) assaulted the town of Ngoumbele before dawn, the mayor said.\n\n"
        "The CPC usually operates by raiding towns, villages and army posts. "
        "Its fighters killed at least four soldiers during a raid on a gendarmerie post in June last year."
    )
    got = sorted((ev.location.label if ev.location else "", ev.actor.label if ev.actor else None, ev.killed, str(ev.date)) for ev in events)
    assert got == [("", "Coalition of Patriots for Change", 4, "None"), ("Ngoumbele", "Coalition of Patriots for Change", 8, "2023-12-26")]


def test_the_lands_of_attacks_at_several_locations_are_no_attacks_place(extract):
    _, events = extract(
        "Gunmen carried out attacks at four separate locations in Songkhla, Pattani and Yala on Sunday night.\n\n"
        "A bomb went off near a school in Rueso on Sunday night."
    )
    assert [ev.location.label for ev in events] == ["Rueso"]


def test_sites_listed_after_the_day_of_a_series_of_attacks(extract):
    _, events = extract(
        "A wave of bomb and arson attacks took place on Wednesday night in the deep south, police said.\n\n"
        "A bomb went off at a market in Rueso.\n\n"
        "A grenade was hurled into a police checkpoint in Tak Bai.\n\n"
        "Another shooting took place in Yala, which led to a gunfight with a ranger unit based at Pattani."
    )
    # (the unit's base is not hit; every site has the day told before them)
    assert sorted((ev.location.label, str(ev.date)) for ev in events) == [
        ("Rueso", "2023-12-27"), ("Tak Bai", "2023-12-27"), ("Yala", "2023-12-27")
    ]


def test_a_regions_toll_is_the_attack_inside_it_with_that_toll_and_gunfights_are_none(extract):
    _, events = extract(
        "At least four soldiers were killed and seven injured in an ambush by militants in the Jammu region on Tuesday.\n\n"
        "The militants hurled grenades and fired at an army truck in the hilly Kandi Top area of Rajouri district.\n\n"
        "One soldier and three militants were killed in separate encounters in Shopian at the weekend.\n\n"
        "\"I am saddened by the loss of four brave jawans in a terrorist attack in Dharal Khad,\" the minister said."
    )
    by_place = {ev.location.label: ev for ev in events}
    assert "Shopian" not in by_place
    assert (by_place["Dharal Khad"].killed, by_place["Dharal Khad"].injured) == (4, 7)


def test_an_outfit_said_to_have_done_the_attack_is_its_attacker(extract):
    _, events = extract(
        "Three policemen were killed when militants fired at a police vehicle in Baramulla on Saturday.\n\n"
        "Officials said it appears that Lashkar-e-Taiba outfit had carried out the attack."
    )
    assert [ev.actor.label if ev.actor else None for ev in events] == ["Lashkar-e-Taiba"]


def test_a_place_named_after_the_one_it_lies_in_and_s_is_the_place_hit(extract):
    _, events = extract("Similar raids were mounted by Naxals on Tuesday in Bijapur's Tekalgudem when three district reserve guard jawans were injured.")
    assert [(ev.location.label, ev.injured) for ev in events] == [("Tekalgudem", 3)]


def test_an_acronym_in_brackets_ends_no_clause_for_the_attacker(extract):
    _, events = extract(
        "Three policemen were killed in the blast of an improvised explosive device (IED) laid by the banned CPI (Maoist) near Tumrel village on Wednesday."
    )
    assert [(ev.location.label, ev.actor.label if ev.actor else None) for ev in events] == [("Tumrel", "Communist Party of India (Maoist)")]


def test_an_attack_told_separately_in_a_town_is_another_attack(extract):
    _, events = extract(
        "Nine gendarmes were killed in an attack on a supply convoy in eastern Burkina Faso on Tuesday.\n\n"
        "The ambush took place in Gnagna province.\n\n"
        "Separately, suspected jihadists set fire to the prefect's office in the town of Bogande on Tuesday night."
    )
    # (without "Separately", the town would place the convoy's attack)
    assert sorted((ev.location.label, ev.killed) for ev in events) == [("Bogandé", None), ("Gnagna", 9)]


def test_the_tolls_of_an_attacks_phases_are_not_its_toll_and_an_apposition_gives_its_day(extract):
    _, events = extract(
        "At least 16 people were killed by militiamen during raids in the east of the Central African Republic.\n\n"
        "\"The militiamen first attacked the gendarmerie post, killing two people, before attacking the market, killing about 14 people,\" "
        "said a deputy who represents Bria, the town attacked Wednesday."
    )
    assert [(ev.location.label, ev.killed, str(ev.date)) for ev in events] == [("Bria", 16, "2023-12-27")]


def test_phase_tolls():
    assert phase_tolls("The gunmen attacked the police post, killing three people, before attacking the market, killing about 12 people.")
    assert not phase_tolls("A missile hit the port, killing two people and injuring nine.")


def test_regions_listed_before_their_plural_head_are_each_hit_on_the_sentences_day(extract):
    _, events = extract("Russian drones hit the Dnipropetrovsk, Zaporizhzhia and Mykolaiv regions on Friday, killing three people.")
    assert sorted((ev.location.label, str(ev.date)) for ev in events) == [
        ("Dnipropetrovsk Oblast", "2023-12-29"), ("Mykolaiv Oblast", "2023-12-29"), ("Zaporizhzhia Oblast", "2023-12-29")
    ]
