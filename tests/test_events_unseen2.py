"""Events on articles of conflicts kg had not seen, fifth round: tallies of attacks,
datelines of several bureaus, where tellers hold office, distances from a place, the
night of a day, one attack on a list of villages, "the incident took place", and the
casualty figure with an aside in dashes."""

from __future__ import annotations

import datetime as dt

from conftest import event_places

from kg.datelines import DATELINE_RE
from kg.eventcues import casualties, dates_in


def _labels(events):
    return [ev.location.label if ev.location else None for ev in events]


def test_a_tally_of_strikes_across_a_region_is_no_attack(extract):
    _, events = extract(
        "Russian drones hit a house in Kharkiv on Sunday, killing two people.\n\n"
        "Russian forces carried out nearly 60 strikes across the Kherson region between the morning of May 2 and the morning of May 3, leaving seven people wounded."
    )
    assert event_places(events) == [("Kharkiv", 2)]


def test_a_dateline_of_several_bureaus_is_not_the_place_hit(extract):
    assert DATELINE_RE.match("WASHINGTON/ SANA’A/ DUBAI: A Houthi missile hit a ship.") is not None
    _, events = extract("WASHINGTON/ LONDON/ DUBAI: A missile strike on a cargo ship in the Gulf of Aden killed three crew members, officials said.")
    assert "Washington" not in _labels(events) and "Dubai" not in _labels(events)


def test_a_dateline_with_a_space_before_its_colon_is_not_the_place_hit(extract):
    _, events = extract("Lima : At least 19 people, including 12 soldiers, were killed when suspected rebels ambushed a military convoy in a remote region of southeastern Peru, authorities said Friday.")
    assert "Lima" not in _labels(events)


def test_a_nationwide_strike_is_no_attack(extract):
    _, events = extract("Riot police stood guard during a nationwide strike against the government's labour policies in Bogota on Monday.")
    assert events == []


def test_how_far_from_a_town_the_attack_told_was_is_not_the_place_hit(extract):
    _, events = extract(
        "A Houthi missile struck a cargo ship in the Gulf of Aden on Wednesday, killing three crew members.\n\n"
        "The attack happened about 50 nautical miles (93km) south-west of the Yemeni city of Aden, the ship's managers said."
    )
    assert _labels(events) == ["Gulf of Aden"]


def test_a_bodys_remit_is_not_the_place_hit(extract):
    _, events = extract(
        "A Houthi missile struck a cargo ship in the Gulf of Aden on Wednesday.\n\n"
        "The US Central Command, which oversees operations in the Middle East, said three crew members had been killed."
    )
    assert "Middle East" not in _labels(events)


def test_where_a_war_is_fought_is_not_the_place_hit(extract):
    _, events = extract(
        "A Houthi missile struck a cargo ship in the Gulf of Aden on Wednesday, killing three crew members.\n\n"
        "It was the first fatal strike in a campaign of assaults by the group over Israel's war on Hamas in the Gaza Strip."
    )
    assert _labels(events) == ["Gulf of Aden"]


def test_the_town_of_a_mayor_who_tells_of_the_attack_is_not_the_place_hit(extract):
    _, events = extract(
        "Gunmen killed about 40 people in an attack on a village in central Mali on Monday.\n\n"
        "\u201cIt was a very serious attack, armed men surrounded the village and shot at people,\u201d Moussa Traore, the mayor of Bankass town, told Reuters."
    )
    assert "Bankass" not in _labels(events)


def test_the_chiefdom_of_a_chief_named_after_it_is_not_the_place_hit(extract):
    _, events = extract(
        "Rebels killed 18 civilians in an attack on villages in Beni territory on Wednesday.\n\n"
        "The chairman of the chiefdom of Bashu, Jean Kambale, said rebels raided the villages at night."
    )
    assert "Bashu" not in _labels(events)


def test_where_the_wounded_were_shifted_is_not_the_place_hit(extract):
    _, events = extract(
        "Gunmen attacked a police post in Karak on Wednesday, killing three policemen.\n\n"
        "Three injured policemen were shifted to a hospital in Peshawar, the police said."
    )
    assert "Peshawar" not in _labels(events)


def test_the_strikes_told_as_a_sentences_subject_are_the_attack_at_their_place(extract):
    _, events = extract(
        "Airstrikes by Myanmar's military in the central Magway region killed more than 20 people, a resistance group said Sunday.\n\n"
        "The strikes near Pakokku town, west of the Irrawaddy, occurred twice on Sunday morning."
    )
    assert _labels(events) == ["Pakokku"]


def test_the_night_of_a_day_named_is_that_day():
    assert [d for _, d in dates_in("The attack overnight Wednesday took place in the villages.", dt.date(2021, 10, 22))] == [dt.date(2021, 10, 20)]
    assert [d for _, d in dates_in("Gunmen struck overnight, the army said on Wednesday.", dt.date(2021, 10, 22))] == [dt.date(2021, 10, 22)]


def test_one_attack_told_at_several_villages_of_its_territory_stays_at_the_territory(extract):
    _, events = extract(
        "At least 18 civilians were killed in an attack by the Allied Democratic Forces on villages in Beni territory, authorities said Thursday.\n\n"
        "The attack took place in Masalo, Torani and Kabora, according to the deputy administrator of the territory."
    )
    assert event_places(events) == [("Beni territory", 18)]


def test_the_incident_took_place_places_the_attack_told_before(extract):
    _, events = extract(
        "An ITBP jawan was killed in an IED blast carried out by Naxalites in the Gariaband district on Friday.\n\n"
        "The incident took place near Pandripani village when a polling team was returning, a police official said."
    )
    assert _labels(events) == ["Pandripani"]


def test_an_incident_at_a_time_names_no_place():
    from kg.eventwords import INCIDENT_RE

    assert INCIDENT_RE.search("The incident occurred at a time when the Centre and the rebels are holding talks.") is None
    assert INCIDENT_RE.search("The incident took place in Goilkera area.") is not None


def test_meanwhile_at_another_place_is_another_attack(extract):
    _, events = extract(
        "A CRPF jawan was killed in an IED blast in a forest in West Singhbhum district on Friday, police said.\n\n"
        "Meanwhile, an ITBP jawan was killed in an IED blast carried out by Naxalites in Gariaband on Friday."
    )
    assert len(events) == 2


def test_an_aside_in_dashes_does_not_hide_the_toll():
    assert casualties("At least four people \u2014 including two police personnel \u2014 were killed and 18 others sustained injuries in a blast.") == (4, 18)


def test_a_district_a_city_possesses_is_a_quarter_of_it(extract):
    _, events = extract("Gunmen shot dead a police officer in Mogadishu's Wadajir district on Wednesday.")
    assert _labels(events) == ["Wadajir district"]


def test_an_explosive_device_that_damaged_a_vehicle_is_an_attack(extract):
    _, events = extract("Also on Wednesday, an al Shabaab improvised explosive device damaged an armoured vehicle near Afgoye.")
    assert len(events) == 1


def test_also_on_a_day_is_another_attack_placed_in_the_next_sentence(extract):
    _, events = extract(
        "Al Shabaab militants shot dead a government official in Mogadishu on Wednesday.\n\n"
        "Also on Wednesday, an al Shabaab improvised explosive device damaged an armoured vehicle in a convoy of peacekeepers, police said.\n\n"
        "The convoy was passing through Buulo Kaxda town when the bomb exploded.\n\n"
        "Police and residents said troops had surrounded the area.\n\n"
        "Late on Monday, gunmen from the group stormed a police station in the country's semi-autonomous region of Puntland and killed three policemen."
    )
    assert [(p, k, d) for (p, k), d in zip(event_places(events), [ev.date for ev in events])] == [
        ("Mogadishu", None, dt.date(2023, 12, 27)),
        ("Buulo Kaxda", None, dt.date(2023, 12, 27)),
        ("Puntland", 3, dt.date(2023, 12, 25)),
    ]


def test_also_on_a_day_confirming_the_attack_told_is_no_other_attack():
    from kg.eventwords import ALSO_OPEN

    assert ALSO_OPEN.match("Also on Wednesday, monitors confirmed the rocket attack on the base.") is not None
    assert ALSO_OPEN.match("The attack also on Wednesday hit the base.") is None


def test_a_place_named_after_another_region_of_the_article_does_not_lie_in_the_first(extract):
    _, events = extract(
        "At least eight civilians were killed in an IS attack on a village in Diyala province on Wednesday.\n\n"
        "The attackers stormed Al-Bubali village at around 8:30 pm, the mayor said.\n\n"
        "Officials said 9 police officers died on December 26 due to a bombing in Southern Kirkuk.\n\n"
        "IS claimed responsibility for another attack in Kirkuk province when a roadside bomb killed nine police officers."
    )
    assert ("Al-Bubali", 8) in event_places(events)


def test_the_toll_of_soldiers_of_a_numbered_unit_who_got_killed():
    assert casualties("Four members of the 6th Infantry Division (6ID) got killed in the incident.") == (4, None)


def test_the_incident_at_a_place_the_knowledge_base_knows_does_not_move_the_attack(extract):
    _, events = extract(
        "The defense ministry reported on Saturday that at least ten soldiers were killed in an ambush by armed terrorists in southwest Niger, not far from the Mali border.\n\n"
        "According to a ministry statement, 13 soldiers were hurt in the attack on Friday.\n\n"
        "When the troops came under a complicated ambush by a number of armed terrorists, they were on patrol in the north of the Banibangou province.\n\n"
        "The incident occurred in Tillaberi, a huge territory in western Niger that is bordered by Burkina Faso and Mali."
    )
    assert _labels(events) == ["Banibangou province"]


def test_a_prison_riot_is_no_attack(extract):
    _, events = extract("On Thursday, a riot in a Guayaquil prison left three inmates dead and four injured.")
    assert events == []


def test_a_site_told_with_an_aside_in_dashes_lies_in_the_quarter_after_it(extract):
    _, events = extract(
        "At least 10 civilians were killed and 25 wounded when two missiles struck a school in the central province of Marib, officials said Monday.\n\n"
        "The missiles hit Dar al-Zahra - a religious school and a mosque - in the residential neighborhood of al-Qadisiya late Sunday."
    )
    assert event_places(events) == [("Dar al-Zahra", 10)]


def test_the_group_the_attackers_belonged_to_is_the_attacker(extract):
    _, events = extract(
        "Two soldiers were killed and two others injured on Sunday when militants ambushed a convoy near Jairampur, police said.\n\n"
        "The attackers belonged to the anti-talk faction of the United Liberation Front of Asom."
    )
    assert [ev.actor.label if ev.actor else None for ev in events] == ["United Liberation Front of Asom"]


def test_the_place_of_a_superintendent_of_police_who_tells_is_not_the_place_hit(extract):
    _, events = extract(
        "Two soldiers were killed on Sunday when militants ambushed a convoy near Jairampur, police said.\n\n"
        "Tinsukia Superintendent of Police Ramesh Kumar said 15 or 20 militants laid the ambush."
    )
    assert len(events) == 1 and "Tinsukia" not in _labels(events)


def test_strikes_told_at_a_list_of_places_are_one_attack_at_each(extract):
    _, events = extract(
        "The United States military said it carried out four new strikes against al-Shabab in Lower Shabelle region on Monday.\n\n"
        "The U.S. Africa command said the strikes targeted al-Shabab facilities and checkpoints in Kunyo Barrow, Jannaale and Awdhegle, killing two militants."
    )
    assert {"Kunyo Barrow", "Jannaale", "Awdhegle"} <= set(_labels(events))


def test_meanwhile_at_the_place_told_is_the_same_attack(extract):
    _, events = extract(
        "Gunmen killed five people in an attack on a market in Gao on Monday.\n\n"
        "Meanwhile, the attack in Gao drew condemnation from the government."
    )
    assert _labels(events) == ["Gao"]


def test_two_towns_an_attack_lay_between_do_not_move_it_from_its_department(extract):
    _, events = extract(
        "Two soldiers were killed in the Cauca department in an attack carried out by ELN guerrillas, military sources said.\n\n"
        "The army said that the attack occurred on a highway between Popayán and Piendamó."
    )
    assert event_places(events) == [("Cauca", 2)]


def test_what_a_group_did_for_decades_is_no_attack(extract):
    _, events = extract(
        "Dissidents of the FARC attacked a police station in southwestern Colombia on Sunday, killing a police officer, authorities said.\n\n"
        "The FARC for decades fought the government, carrying out assassinations, hijackings and bombings to undermine authorities in Bogota."
    )
    assert "Bogotá" not in _labels(events)


def test_a_toll_restated_sentences_later_adds_its_wounded(extract):
    _, events = extract(
        "A missile attack by Houthi rebels on a commercial ship in the Gulf of Aden on Wednesday killed three crew members, the US military said.\n\n"
        "The ship was abandoned by its crew.\n\n"
        "Shipping companies have rerouted vessels around Africa.\n\n"
        "Insurers have raised their premiums for the route.\n\n"
        "In addition to the three deaths, at least four crew members were wounded, with three in critical condition."
    )
    assert [(ev.location.label, ev.killed, ev.injured) for ev in events] == [("Gulf of Aden", 3, 4)]


def test_the_killing_or_murder_of_a_number_is_the_toll():
    assert casualties("The group was involved in the killing of 18 Army soldiers in an ambush in Manipur on June 4, 2015.") == (18, None)
    assert casualties("The ELN was also accused of the murder of two other soldiers.") == (2, None)


def test_a_murder_told_at_a_place_is_an_attack(extract):
    _, events = extract("The ELN was also accused of the murder of two soldiers last Friday in the department of Cauca.")
    assert event_places(events) == [("Cauca", 2)]


def test_the_ambush_named_by_its_place_again_is_that_ambush(extract):
    _, events = extract(
        "Gunmen killed two soldiers in an ambush near Aboi in Mon district on Sunday.\n\n"
        "The NSCN(K) was involved in the killing of 18 Army soldiers in an ambush in Manipur on June 4, 2015.\n\n"
        "Following the Manipur ambush in 2015, the Indian Army carried out raids on camps inside Myanmar."
    )
    manipur = [ev for ev in events if ev.location is not None and ev.location.label == "Manipur"]
    assert [(ev.killed, ev.date) for ev in manipur] == [(18, dt.date(2015, 6, 4))]


def test_a_group_involved_in_the_killing_is_held_responsible():
    from kg.eventwords import RESPONSIBLE_AFTER

    assert RESPONSIBLE_AFTER.match(" was involved in the killing of 18 Army soldiers") is not None
