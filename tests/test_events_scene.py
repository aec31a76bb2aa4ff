"""Events whose scene a later sentence gives (kg/eventscene.py), where the wounded are
treated, a landmark a unit lies near, "the incident which occurred in X", and the
attackers an article names with a hedge. Every name of a place here is invented."""

from __future__ import annotations

from conftest import event_places

from kg.eventcues import casualties


def _labels(events):
    return [ev.location.label if ev.location else None for ev in events]


def _actors(events):
    return [ev.actor.label if ev.actor else None for ev in events]


def test_men_who_entered_a_village_place_the_attack_told_at_its_region(extract):
    _, events = extract(
        "Unidentified gunmen attacked villagers in the Marovesh region on Sunday, killing two people and wounding five, residents said.\n\n"
        "The residents said a group of armed men entered the village of Ketrasso at about 1 am."
    )
    assert event_places(events) == [("Ketrasso", 2)]
    # Two villages entered: which was the scene is not said, the attack stays at its region.
    _, events = extract(
        "Gunmen killed seven civilians in the Marovesh region on Saturday, officials said.\n\n"
        "The gunmen entered the village of Ketrasso and then stormed the village of Dulbano before dawn."
    )
    assert _labels(events) == ["Marovesh region"]


def test_killings_that_took_place_in_a_small_town_place_the_attack_told_at_a_country(extract):
    _, events = extract(
        "At least nine people were killed and dozens of homes burned in Zambia, a local official said on Thursday.\n\n"
        "The killings took place in the small town of Pelvanne late on Tuesday, the official added."
    )
    assert event_places(events) == [("Pelvanne", 9)]


def test_the_farm_that_lies_near_a_village_places_the_shelling_told_at_its_township(extract):
    _, events = extract(
        "An artillery shell landed on a rice farm in Dorvik Township on Friday, killing one woman and wounding two others.\n\n"
        "The farm is near Salmeno village, a member of the local council said."
    )
    assert _labels(events) == ["Salmeno"]


def test_a_name_the_text_calls_a_land_is_no_scene(extract):
    _, events = extract(
        "Eleven soldiers were killed in an ambush while on patrol in the Varenko province on Friday, the army said.\n\n"
        "The incident occurred in Kastrel, a vast territory in the north that borders two other countries."
    )
    assert _labels(events) == ["Varenko province"]


def test_where_the_wounded_receive_treatment_is_not_the_place_hit(extract):
    _, events = extract(
        "A bomb exploded in a crowded market in Veltrana on Monday, killing one trader, police said.\n\n"
        "Four wounded traders are receiving treatment at Korsel General Hospital, a doctor said."
    )
    assert _labels(events) == ["Veltrana"]


def test_a_landmark_a_parish_lies_near_is_not_the_place_hit(extract):
    _, events = extract(
        "Armed attackers killed six people at Obrenta trading centre in Selvik parish on Monday night, police said.\n\n"
        "The assailants attacked and killed the six in Obrenta trading centre, Selvik parish, located near Travenor Forest Reserve, a police spokesman said."
    )
    assert "Travenor Forest Reserve" not in _labels(events)


def test_the_incident_which_occurred_at_a_place_is_the_attack_told_before_placed_there(extract):
    _, events = extract(
        "At least five people were killed in an attack on a police camp in Dornavo on Sunday, police said.\n\n"
        "Three others were injured during the incident which occurred at dawn in Kelvaro area, according to police."
    )
    assert [(ev.location.label if ev.location else None, ev.killed, ev.injured) for ev in events] == [("Kelvaro", 5, 3)]


def test_assailants_suspected_to_be_a_group_are_the_attacker(extract):
    _, events = extract(
        "Eight farmers were hacked to death in Vorlen village on Monday night, police said.\n\n"
        "The farmers were attacked by assailants suspected to be Oromo Liberation Army militants, a local official said."
    )
    assert _actors(events) == ["Oromo Liberation Army"]


def test_suspected_rebels_of_a_group_are_the_attacker(extract):
    _, events = extract(
        "Four people were killed in Vorlen village on Tuesday by suspected fighters from the Oromo Liberation Army, officials said.\n\n"
        "The victims were farmers returning from the market, residents said."
    )
    assert _actors(events) == ["Oromo Liberation Army"]


def test_fighters_belonging_to_a_group_are_the_attacker(extract):
    _, events = extract(
        "At least twelve people were killed in a rebel attack in the Marovesh region on Wednesday.\n\n"
        "The attack took place after fighters belonging to the Oromo Liberation Army went into a village near Pelvanne."
    )
    assert _actors(events) == ["Oromo Liberation Army"]


def test_where_a_group_is_based_is_not_the_attacker(extract):
    _, events = extract(
        "Gunmen killed five villagers in Kelvaro on Sunday, the army said.\n\n"
        "Nine soldiers were killed in April in an assault claimed by a Chad-based alliance of jihadists."
    )
    assert "Chad" not in _actors(events)


def test_a_family_of_a_number_shot_to_death_is_the_toll():
    assert casualties("A family of five, among them two infants, was shot to death on Sunday in a hamlet.") == (5, None)
    assert casualties("Seven herders were shot to death near the river.") == (7, None)
    assert casualties("The farmer, who leaves a family of five, was killed.") == (None, None)


def test_people_shot_to_death_at_a_place_are_an_attack(extract):
    _, events = extract("Seven herders were shot to death on Sunday in Kelvaro, officials said.")
    assert event_places(events) == [("Kelvaro", 7)]


def test_troops_who_torch_a_village_attack_it(extract):
    _, events = extract("About 80 government troops torched Kelvaro village on Friday morning, residents said.")
    assert _labels(events) == ["Kelvaro"]
    _, events = extract("Since the army took power, the country has faced sanctions over the torched villages of the north.")
    assert events == []



def test_the_day_of_a_date_is_no_toll():
    assert casualties("A second attack happened there on July 25, leaving three officers with injuries.") == (None, 3)
    assert casualties("On 14 March two guards died in the raid.") == (2, None)
    assert casualties("In May 40 people were killed in the region's attacks.")[0] == 40



def test_a_year_or_an_hour_is_no_toll():
    assert casualties("The 2019 ambush killed five rangers.") == (5, None)
    assert casualties("In 2020 12 herders were killed in a similar raid.") == (12, None)
    assert casualties("The blast at 3 pm killed two traders.") == (2, None)
    assert casualties("Around 2 a.m. three guards were wounded.") == (None, 3)


def test_the_attack_that_occurred_at_a_place_sentences_on_is_the_attack_told(extract):
    _, events = extract(
        "Four police officers were injured on Monday in an attack by gunmen in Dorvik.\n\n"
        "Police said the officers were on patrol when they came under fire.\n\n"
        "They were later joined by soldiers from a nearby base.\n\n"
        "Police said the attack occurred at Salmeno stretch between two farms."
    )
    assert [(ev.location.label if ev.location else None, ev.injured) for ev in events] == [("Salmeno", 4)]


def test_a_headline_tells_the_attack_of_its_figure(extract):
    _, events = extract(
        "Four police officers were injured on Monday in an attack by gunmen at Salmeno, a village near Kelvaro.\n\n"
        "Police said the attack occurred at dawn.\n\n"
        "On March 3, two officers were injured in a bomb attack on their camp in Kelvaro.",
        title="Four police officers injured in attack in Kelvaro",
    )
    assert sorted((ev.location.label if ev.location else None, ev.injured) for ev in events) == [("Kelvaro", 2), ("Salmeno", 4)]


def test_who_the_attackers_were_is_the_attacker(extract):
    _, events = extract("Six civilians were killed in Kelvaro on Tuesday.\n\nOfficials said the attackers were Oromo Liberation Army rebels.")
    assert _actors(events) == ["Oromo Liberation Army"]
    _, events = extract("Six civilians were killed in Kelvaro on Tuesday.\n\nThe attackers were not from the Oromo Liberation Army, officials said.")
    assert _actors(events) == [None]


def test_a_list_of_villages_is_no_one_scene(extract):
    _, events = extract(
        "At least 14 villagers were killed in an attack by gunmen in the Marovesh region on Friday.\n\n"
        "The attack took place in Ketrasso, Dulbano and Salmeno, a local official said."
    )
    assert _labels(events) == ["Marovesh region"]
