"""Events on articles of conflicts kg had not seen: a dateline that carries the day, where
those who tell of an attack spoke, and ... (the classes of error met on unseen articles)."""

from __future__ import annotations

import datetime as dt

from conftest import event_places


def test_a_dateline_with_its_day_is_not_the_place_hit(extract):
    _, events = extract("MOGADISHU, May 3 - Militants killed 11 soldiers at an army base in Baidoa, a military official said on Sunday.")
    assert event_places(events) == [("Baidoa", 11)]


def test_a_dateline_with_its_day_and_a_dash_is_not_the_place_hit(extract):
    _, events = extract("KAMPALA, June 9 — A gun attack in Kasese has left at least 11 villagers dead, a police official said Sunday.")
    assert "Kampala" not in [p for p, _ in event_places(events)]


def test_a_dateline_may_bracket_its_country(extract):
    from kg.datelines import DATELINE_RE

    hit = DATELINE_RE.match("Juba [South Sudan], May 14 (ANI/Xinhua): At least 9 people died when armed men raided Tonj County headquarters.")
    assert hit is not None and hit.group(0).endswith(": ")
    _, events = extract("Juba [South Sudan], May 14 (ANI/Xinhua): At least 9 people died when armed men raided Tonj County headquarters on Tuesday.")
    assert event_places(events) == [("Tonj County", 9)]


def test_where_a_witness_spoke_is_not_the_place_hit(extract):
    _, events = extract(
        "Militiamen killed 12 villagers in a raid on the village of Lopa on Tuesday.\n\n"
        "\u201cThey shot people and burned the huts,\u201d a survivor said in the provincial capital Goma."
    )
    assert "Goma" not in [p for p, _ in event_places(events)]


def test_a_datelines_day_is_the_tellings_when_the_sentence_says_so(extract):
    _, events = extract(
        "KAMPALA, June 9 - Rebels killed 8 soldiers and wounded three more at a base in western Uganda, an army spokesman said on Tuesday.\n\n"
        "The raid took place on Sunday in Kasese, he said.",
        date=dt.date(2026, 6, 9),
    )
    assert events and all(ev.date != dt.date(2026, 6, 9) for ev in events)


def test_the_articles_one_group_named_as_attacker_is_who_attacked(extract):
    _, events = extract(
        "The Islamic State West Africa Province (ISWAP) terrorist group has reportedly raided communities in Yobe State.\n\n"
        "The insurgents began their attack on Kasesa, a village near Geidam, killing three persons."
    )
    assert [(ev.location.label, ev.actor.label if ev.actor else None) for ev in events] == [("Kasesa", "Islamic State West Africa Province")]


def test_a_group_named_only_as_the_one_attacked_is_not_the_attacker(extract):
    _, events = extract(
        "Troops killed seven ISWAP fighters near Geidam on Friday, the army said.\n\n"
        "Gunmen later attacked the village of Kasesa, killing three persons."
    )
    assert [ev.actor for ev in events if ev.location and ev.location.label == "Kasesa"] == [None]


def test_a_datelines_day_stands_when_the_sentence_tells_no_other(extract):
    _, events = extract(
        "Raipur, Apr 11 (PTI) Maoists blew up a jeep, killing five policemen in Narayanpur district, officials said.",
        date=dt.date(2025, 4, 11),
    )
    assert [(ev.location.label, ev.date) for ev in events] == [("Narayanpur district", dt.date(2025, 4, 11))]


def test_an_attack_told_before_a_reaction_keeps_its_place(extract):
    _, events = extract(
        "\u201cOn Tuesday, the RSF militia carried out a massacre in Abu Gamra village in North Kordofan,\u201d a local doctor told Xinhua,"
        " condemning the killing of civilians by the RSF."
    )
    assert [ev.location.label for ev in events] == ["Abu Gamra"]


def test_a_reactor_named_before_the_reaction_is_still_no_place_hit(extract):
    _, events = extract("Qatar condemned the attacks in Mogadishu that killed five people on Sunday.")
    assert [ev.location.label for ev in events] == ["Mogadishu"]


def test_a_group_noun_between_the_name_and_the_claim(extract):
    _, events = extract(
        "The self-styled Islamic State group has claimed responsibility for a bomb attack on a market in Jalalabad that killed at least 19 people.\n\n"
        "The Taliban condemned the bombing."
    )
    assert [(ev.location.label, ev.actor.label if ev.actor else None, ev.killed) for ev in events] == [("Jalālābād", "Islamic State", 19)]


def test_the_country_attack_with_the_toll_of_the_unknown_site_is_that_attack(extract):
    _, events = extract(
        "A drone attack on the town of Tell Saraj, Iraq left one guard dead on Thursday.\n\n"
        "One security guard was killed and four other people were wounded in a drone attack in Iraq on Thursday."
    )
    assert [(ev.location.label, ev.killed, ev.injured) for ev in events] == [("Tell Saraj", 1, 4)]


def test_a_village_in_a_provinces_territory_lies_in_that_territory(extract):
    _, events = extract("Fighters from the CODECO militia raided Ngongo-Ya in Ituri province\u2019s Djugu territory on Monday, killing six civilians.")
    assert [(ev.location.label, ev.killed) for ev in events] == [("Ngongo-Ya", 6)]


def test_a_states_government_that_carried_out_strikes_is_the_state(extract):
    _, events = extract(
        "Libya\u2019s Tripoli-based government on Tuesday launched new drone strikes on Zuwara, local outlets said.\n\n"
        "The Benghazi-based parliament on Monday blamed the Tripoli-based government for striking a lawmaker's farm."
    )
    assert [(ev.location.label, ev.actor.label if ev.actor else None) for ev in events] == [("Zuwarah", "Libya")]


def test_a_town_a_distance_in_brackets_away_is_no_place_hit(extract):
    _, events = extract("A second target was struck near the Abu Kammash crossing in Zuwara, 100 kilometres (62 miles) west of Tripoli near the Tunisian border, the channel said.")
    assert "Tripoli" not in [ev.location.label for ev in events]


def test_what_a_campaign_involves_is_no_attack_of_its_own(extract):
    _, events = extract(
        "A Turkish drone strike killed two shepherds in the village of Bani Gerdaw in Erbil governorate on Friday.\n\n"
        "Turkey has conducted repeated military campaigns against PKK militants in northern Iraq, involving drone strikes and cross-border raids."
    )
    assert [ev.location.label for ev in events] == ["Bani Gerdaw"]


def test_a_quoted_toll_is_the_toll(extract):
    _, events = extract('A raid on the village of Um Shugeira in Sennar state has killed "up to 60" people, a local committee said.')
    assert [ev.killed for ev in events] == [60]
