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
        "A Russian missile hit a shop in Sumy on Friday, killing three people.\n\n"
        "Russian troops launched some 45 strikes across the Zaporizhzhia region between the evening of June 9 and the evening of June 10, leaving five people hurt."
    )
    assert event_places(events) == [("Sumy", 3)]


def test_a_dateline_of_several_bureaus_is_not_the_place_hit(extract):
    assert DATELINE_RE.match("CAIRO/ SANA\u2019A/ RIYADH: A Houthi drone hit a tanker.") is not None
    _, events = extract("LONDON/ PARIS/ DOHA: A drone strike on an oil tanker in the Red Sea killed two sailors, officials said.")
    assert "London" not in _labels(events) and "Paris" not in _labels(events)


def test_a_dateline_with_a_space_before_its_colon_is_not_the_place_hit(extract):
    _, events = extract("Quito : At least seven soldiers were killed when gunmen attacked an army post in Esmeraldas province, authorities said Tuesday.")
    assert "Quito" not in _labels(events)


def test_a_nationwide_strike_is_no_attack(extract):
    _, events = extract("Shops stayed shut in Lima on Thursday as unions held a nationwide strike over fuel prices.")
    assert events == []


def test_how_far_from_a_town_the_attack_told_was_is_not_the_place_hit(extract):
    _, events = extract(
        "A Houthi drone boat rammed a tanker in the Red Sea on Monday, killing two sailors.\n\n"
        "The attack took place some 70 nautical miles (130km) west of the Yemeni port of Hodeidah, the vessel's operator said."
    )
    assert _labels(events) == ["Red Sea"]


def test_a_bodys_remit_is_not_the_place_hit(extract):
    _, events = extract(
        "A Houthi drone hit a bulk carrier in the Red Sea on Monday.\n\n"
        "The US Central Command, which is responsible for American forces across the Middle East, said two sailors had died."
    )
    assert "Middle East" not in _labels(events)


def test_where_a_war_is_fought_is_not_the_place_hit(extract):
    _, events = extract(
        "A Houthi missile hit a tanker in the Red Sea on Monday, killing two sailors.\n\n"
        "The deaths were the first in months of raids by the group over Israel's war against Hamas in the Gaza Strip."
    )
    assert _labels(events) == ["Red Sea"]


def test_the_town_of_a_mayor_who_tells_of_the_attack_is_not_the_place_hit(extract):
    _, events = extract(
        "Jihadists killed about 25 people in a raid on a village in northern Burkina Faso on Saturday.\n\n"
        "\u201cThe gunmen encircled the village and opened fire on everyone,\u201d Issa Sawadogo, the mayor of Titao town, told Reuters."
    )
    assert "Titao" not in _labels(events)


def test_the_chiefdom_of_a_chief_named_after_it_is_not_the_place_hit(extract):
    _, events = extract(
        "Militiamen killed 11 civilians in a raid on villages in Djugu territory on Friday.\n\n"
        "The head of the chiefdom of Bamukana, Pierre Lokana, said the militiamen attacked the villages before dawn."
    )
    assert "Bamukana" not in _labels(events)


def test_where_the_wounded_were_shifted_is_not_the_place_hit(extract):
    _, events = extract(
        "Militants stormed a checkpost in Bannu on Sunday, killing two policemen.\n\n"
        "Four wounded policemen were shifted to a hospital in Dera Ismail Khan, officials said."
    )
    assert "Dera Ismail Khan" not in _labels(events)


def test_the_strikes_told_as_a_sentences_subject_are_the_attack_at_their_place(extract):
    _, events = extract(
        "Airstrikes by Myanmar's military in the northern Sagaing region killed more than 15 people, a local militia said Tuesday.\n\n"
        "The strikes near Monywa town, east of the Chindwin, came three times on Tuesday afternoon."
    )
    assert _labels(events) == ["Monywa"]


def test_the_night_of_a_day_named_is_that_day():
    assert [d for _, d in dates_in("The raid overnight Monday happened in two hamlets.", dt.date(2022, 3, 17))] == [dt.date(2022, 3, 14)]
    assert [d for _, d in dates_in("Rebels attacked overnight, police said on Tuesday.", dt.date(2022, 3, 17))] == [dt.date(2022, 3, 17)]


def test_one_attack_told_at_several_villages_of_its_territory_stays_at_the_territory(extract):
    _, events = extract(
        "At least 12 civilians died in a raid by the Allied Democratic Forces on villages in Lubero territory, officials said Monday.\n\n"
        "The attack took place in Mabuku, Lusenda and Kitsombiro, according to the territory's administrator."
    )
    assert event_places(events) == [("Lubero territory", 12)]


def test_the_incident_took_place_places_the_attack_told_before(extract):
    _, events = extract(
        "A CRPF constable died in a landmine blast triggered by Maoists in the Kanker district on Tuesday.\n\n"
        "The incident took place near Kodeli village as a road-opening party was on patrol, an officer said."
    )
    assert _labels(events) == ["Kodeli"]


def test_an_incident_at_a_time_names_no_place():
    from kg.eventwords import INCIDENT_RE

    assert INCIDENT_RE.search("The incident occurred at a time when ministers and the guerrillas were meeting.") is None
    assert INCIDENT_RE.search("The incident took place in Manoharpur area.") is not None


def test_meanwhile_at_another_place_is_another_attack(extract):
    _, events = extract(
        "A BSF jawan died in a landmine blast in a jungle in Latehar district on Monday, officials said.\n\n"
        "Meanwhile, a CoBRA commando was killed in an IED blast set off by Maoists in Sukma on Monday."
    )
    assert len(events) == 2


def test_an_aside_in_dashes_does_not_hide_the_toll():
    assert casualties("At least six people \u2014 among them three soldiers \u2014 were killed and 11 others suffered injuries in an explosion.") == (6, 11)


def test_a_district_a_city_possesses_is_a_quarter_of_it(extract):
    _, events = extract("Gunmen shot dead a tax collector in Mogadishu's Shabeelow district on Friday.")
    assert _labels(events) == ["Shabeelow district"]


def test_an_explosive_device_that_damaged_a_vehicle_is_an_attack(extract):
    _, events = extract("Also on Friday, an al Shabaab improvised explosive device wrecked a military truck near Balcad.")
    assert len(events) == 1


def test_also_on_a_day_is_another_attack_placed_in_the_next_sentence(extract):
    _, events = extract(
        "Al Shabaab fighters shot dead a district commissioner in Mogadishu on Friday.\n\n"
        "Also on Friday, an improvised explosive device planted by al Shabaab hit a truck in a convoy of soldiers, officials said.\n\n"
        "The convoy was driving through Mareerey town when the bomb went off.\n\n"
        "Officials and witnesses said troops had sealed off the area.\n\n"
        "Late on Wednesday, gunmen from the group attacked a police post in the semi-autonomous Jubaland state and killed four policemen."
    )
    assert [(p, k, d) for (p, k), d in zip(event_places(events), [ev.date for ev in events])] == [
        ("Mogadishu", None, dt.date(2023, 12, 29)),
        ("Mareerey", None, dt.date(2023, 12, 29)),
        ("Jubaland", 4, dt.date(2023, 12, 27)),
    ]


def test_also_on_a_day_confirming_the_attack_told_is_no_other_attack():
    from kg.eventwords import ALSO_OPEN

    assert ALSO_OPEN.match("Also on Friday, officials confirmed the drone attack on the airport.") is not None
    assert ALSO_OPEN.match("The raid also on Friday hit the airport.") is None


def test_a_place_named_after_another_region_of_the_article_does_not_lie_in_the_first(extract):
    _, events = extract(
        "At least six farmers died in an attack by IS on a village in Salahuddin province on Thursday.\n\n"
        "The gunmen raided Albu Hamdan village at around 9:15 pm, a local official said.\n\n"
        "Officials said 7 soldiers died on December 24 due to a bombing in Southern Kirkuk.\n\n"
        "IS said it was behind a separate bombing in Kirkuk province in which a roadside bomb killed seven soldiers."
    )
    assert ("Albu Hamdan", 6) in event_places(events)


def test_the_toll_of_soldiers_of_a_numbered_unit_who_got_killed():
    assert casualties("Three members of the 11th Infantry Division (11ID) got killed in the clash.") == (3, None)


def test_the_incident_at_a_place_the_knowledge_base_knows_does_not_move_the_attack(extract):
    _, events = extract(
        "The army said on Sunday that at least nine soldiers died in an ambush by jihadists in eastern Burkina Faso, close to the Niger border.\n\n"
        "In a statement, the army said 14 soldiers were wounded in the attack on Saturday.\n\n"
        "The unit was escorting a convoy through the east of the Koulpelga province when the jihadists opened fire.\n\n"
        "The incident occurred in Centre-Est, a vast region in eastern Burkina Faso that borders Togo and Ghana."
    )
    assert _labels(events) == ["Koulpelga province"]


def test_a_prison_riot_is_no_attack(extract):
    _, events = extract("On Sunday, a riot in a Quito jail left five prisoners dead and seven hurt.")
    assert events == []


def test_a_site_told_with_an_aside_in_dashes_lies_in_the_quarter_after_it(extract):
    _, events = extract(
        "At least seven civilians were killed and 19 wounded when three missiles struck a clinic in the central province of Al Bayda, officials said Friday.\n\n"
        "The missiles hit Dar al-Shifa - a clinic and a pharmacy - in the crowded neighborhood of al-Sawma late Thursday."
    )
    assert event_places(events) == [("Dar al-Shifa", 7)]


def test_the_group_the_attackers_belonged_to_is_the_attacker(extract):
    _, events = extract(
        "Three troopers were killed and one other hurt on Friday when rebels ambushed a patrol near Changlang, officials said.\n\n"
        "The attackers belonged to a hardline wing of the United Liberation Front of Asom."
    )
    assert [ev.actor.label if ev.actor else None for ev in events] == ["United Liberation Front of Asom"]


def test_the_place_of_a_superintendent_of_police_who_tells_is_not_the_place_hit(extract):
    _, events = extract(
        "Three troopers were killed on Friday when rebels ambushed a patrol near Changlang, officials said.\n\n"
        "Dibrugarh Superintendent of Police Anil Borah said about 30 rebels took part in the ambush."
    )
    assert len(events) == 1 and "Dibrugarh" not in _labels(events)


def test_strikes_told_at_a_list_of_places_are_one_attack_at_each(extract):
    _, events = extract(
        "The US military said it conducted three fresh strikes against al-Shabab in Middle Juba region on Thursday.\n\n"
        "AFRICOM said the strikes hit al-Shabab camps and checkpoints in Bu'aale, Sakow and Jilib, killing five fighters."
    )
    assert {"Bu\u2019aale", "Sakow", "Jilib"} <= set(_labels(events))


def test_meanwhile_at_the_place_told_is_the_same_attack(extract):
    _, events = extract(
        "Jihadists killed seven people in a raid on a bus station in Mopti on Thursday.\n\n"
        "Meanwhile, the raid in Mopti was condemned by the United Nations."
    )
    assert _labels(events) == ["Mopti"]


def test_two_towns_an_attack_lay_between_do_not_move_it_from_its_department(extract):
    _, events = extract(
        "Three police officers were killed in the Huila department in an attack carried out by FARC dissidents, police sources said.\n\n"
        "The police said that the attack occurred on a road between Neiva and Pitalito."
    )
    assert event_places(events) == [("Huila", 3)]


def test_what_a_group_did_for_decades_is_no_attack(extract):
    _, events = extract(
        "ELN guerrillas attacked an army base in northeastern Colombia on Tuesday, killing two soldiers, officials said.\n\n"
        "The ELN for decades has fought the state, staging kidnappings, pipeline bombings and ambushes to weaken the government in Bogota."
    )
    assert "Bogotá" not in _labels(events)


def test_a_toll_restated_sentences_later_adds_its_wounded(extract):
    _, events = extract(
        "A drone attack by Houthi rebels on an oil tanker in the Red Sea on Monday killed two sailors, the British navy said.\n\n"
        "The tanker was left adrift.\n\n"
        "Many carriers now sail around the Cape of Good Hope.\n\n"
        "Freight rates have climbed since.\n\n"
        "In addition to the two deaths, at least five sailors were injured, two of them seriously."
    )
    assert [(ev.location.label, ev.killed, ev.injured) for ev in events] == [("Red Sea", 2, 5)]


def test_the_killing_or_murder_of_a_number_is_the_toll():
    assert casualties("The outfit was involved in the killing of 12 paramilitary troopers in an ambush in Nagaland on March 9, 2017.") == (12, None)
    assert casualties("The FARC faction was also blamed for the murder of three other police officers.") == (3, None)


def test_a_murder_told_at_a_place_is_an_attack(extract):
    _, events = extract("ELN rebels were also blamed for the murder of three police officers last Tuesday in the department of Huila.")
    assert event_places(events) == [("Huila", 3)]


def test_the_ambush_named_by_its_place_again_is_that_ambush(extract):
    _, events = extract(
        "Rebels killed three troopers in an ambush near Lungwa in Tuensang district on Friday.\n\n"
        "The outfit was involved in the killing of 12 paramilitary troopers in an ambush in Tripura on March 9, 2017.\n\n"
        "After the Tripura ambush in 2017, the army launched strikes on rebel camps across the border."
    )
    tripura = [ev for ev in events if ev.location is not None and ev.location.label == "Tripura"]
    assert [(ev.killed, ev.date) for ev in tripura] == [(12, dt.date(2017, 3, 9))]


def test_a_group_involved_in_the_killing_is_held_responsible():
    from kg.eventwords import RESPONSIBLE_AFTER

    assert RESPONSIBLE_AFTER.match(" was involved in the killing of 12 paramilitary troopers") is not None
