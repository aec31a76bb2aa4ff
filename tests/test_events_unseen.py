"""Events on articles of conflicts kg had not seen: a dateline that carries the day, where
those who tell of an attack spoke, and ... (the classes of error met on unseen articles)."""

from __future__ import annotations

import datetime as dt

from conftest import event_places


def test_a_dateline_with_its_day_is_not_the_place_hit(extract):
    _, events = extract("MOGADISHU, March 6 - Gunmen killed 15 soldiers at a military camp in Kismayo, an army spokesman said on Friday.")
    assert event_places(events) == [("Kismayo", 15)]


def test_a_dateline_with_its_day_and_a_dash_is_not_the_place_hit(extract):
    _, events = extract("NAIROBI, April 1 — An armed attack in Mandera has left at least 28 civilians dead, an official said Wednesday.")
    assert "Nairobi" not in [p for p, _ in event_places(events)]


def test_a_dateline_may_bracket_its_country(extract):
    from kg.datelines import DATELINE_RE

    hit = DATELINE_RE.match("Nairobi [Kenya], July 22 (ANI/Xinhua): At least 12 people were killed when gunmen attacked Mayom County headquarters.")
    assert hit is not None and hit.group(0).endswith(": ")
    _, events = extract("Nairobi [Kenya], July 22 (ANI/Xinhua): At least 12 people were killed when gunmen attacked Mayom County headquarters on Sunday.")
    assert event_places(events) == [("Mayom County", 12)]


def test_where_a_witness_spoke_is_not_the_place_hit(extract):
    _, events = extract(
        "Gunmen killed 17 civilians in an attack on the village of Djugu on Friday.\n\n"
        "\u201cThey opened fire and set houses ablaze,\u201d a resident said in the provincial capital Bunia."
    )
    assert "Bunia" not in [p for p, _ in event_places(events)]


def test_a_datelines_day_is_the_tellings_when_the_sentence_says_so(extract):
    _, events = extract(
        "NAIROBI, March 6 - Gunmen killed 15 soldiers and wounded five more at a camp in northern Kenya, an army spokesman said on Friday.\n\n"
        "The attack took place on Wednesday in Mandera, he said.",
        date=dt.date(2026, 3, 6),
    )
    assert events and all(ev.date != dt.date(2026, 3, 6) for ev in events)


def test_the_articles_one_group_named_as_attacker_is_who_attacked(extract):
    _, events = extract(
        "The Islamic State West Africa Province (ISWAP) terrorist group has reportedly attacked villages in Borno State.\n\n"
        "The terrorists launched their assault on Burum, a village near Damboa, killing two persons."
    )
    assert [(ev.location.label, ev.actor.label if ev.actor else None) for ev in events] == [("Burum", "Islamic State West Africa Province")]


def test_a_group_named_only_as_the_one_attacked_is_not_the_attacker(extract):
    _, events = extract(
        "Troops killed ten ISWAP fighters near Damboa on Monday, the army said.\n\n"
        "Gunmen later attacked Burum, killing two persons."
    )
    assert [ev.actor for ev in events if ev.location and ev.location.label == "Burum"] == [None]


def test_a_datelines_day_stands_when_the_sentence_tells_no_other(extract):
    _, events = extract(
        "Raipur, Jan 6 (PTI) Naxals blew up a vehicle, killing eight security personnel in Bijapur district, police said.",
        date=dt.date(2025, 1, 6),
    )
    assert [(ev.location.label, ev.date) for ev in events] == [("Bijapur district", dt.date(2025, 1, 6))]


def test_an_attack_told_before_a_reaction_keeps_its_place(extract):
    _, events = extract(
        "\u201cOn Saturday, the RSF militia committed a massacre in Jebel Hilla village in North Darfur,\u201d the health director told Xinhua,"
        " denouncing the targeting of civilians by the RSF."
    )
    assert [ev.location.label for ev in events] == ["Jebel Hilla"]


def test_a_reactor_named_before_the_reaction_is_still_no_place_hit(extract):
    _, events = extract("Qatar condemned the attacks in Mogadishu that killed five people on Sunday.")
    assert [ev.location.label for ev in events] == ["Mogadishu"]


def test_a_group_noun_between_the_name_and_the_claim(extract):
    _, events = extract(
        "The so-called Islamic State group has claimed responsibility for a suicide bombing at a mosque in Kunduz that killed at least 46 people.\n\n"
        "The Taliban condemned the attack."
    )
    assert [(ev.location.label, ev.actor.label if ev.actor else None, ev.killed) for ev in events] == [("Kunduz", "Islamic State", 46)]


def test_the_country_attack_with_the_toll_of_the_unknown_site_is_that_attack(extract):
    _, events = extract(
        "A rocket attack on the town of Qaraj, Iraq left one contractor dead on Monday.\n\n"
        "One civilian contractor was killed and six other people were injured in a rocket attack in Iraq on Monday."
    )
    assert [(ev.location.label, ev.killed, ev.injured) for ev in events] == [("Qaraj", 1, 6)]


def test_a_village_in_a_provinces_territory_lies_in_that_territory(extract):
    _, events = extract("Gunmen from the CODECO militia stormed Ndrele in Ituri province\u2019s Mahagi territory on Friday, killing nine civilians.")
    assert [(ev.location.label, ev.killed) for ev in events] == [("Ndrele", 9)]


def test_a_states_government_that_carried_out_strikes_is_the_state(extract):
    _, events = extract(
        "Libya\u2019s Tripoli-based government on Saturday carried out a fresh round of drone strikes in Zawiya, local media reported.\n\n"
        "The eastern-based parliament on Thursday accused the Tripoli-based government of hitting the home of a legislator."
    )
    assert [(ev.location.label, ev.actor.label if ev.actor else None) for ev in events] == [("Zawiya", "Libya")]


def test_a_town_a_distance_in_brackets_away_is_no_place_hit(extract):
    _, events = extract("Another site was hit near the Bir al-Ghanam bridge in Zawiya, 45 kilometres (28 miles) west of Tripoli on the Mediterranean coast, the broadcaster added.")
    assert "Tripoli" not in [ev.location.label for ev in events]


def test_what_a_campaign_involves_is_no_attack_of_its_own(extract):
    _, events = extract(
        "A Turkish airstrike killed one civilian in the village of Kafiya in Duhok governorate on Tuesday.\n\n"
        "Turkey has launched several military operations against the PKK in northern Iraq, involving airstrikes and ground incursions."
    )
    assert [ev.location.label for ev in events] == ["Kafiya"]


def test_a_quoted_toll_is_the_toll(extract):
    _, events = extract('An attack on the village of Wad Rawah in Gezira state has killed "up to 100" people, an activist group said.')
    assert [ev.killed for ev in events] == [100]
