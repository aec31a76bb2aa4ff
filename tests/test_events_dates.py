"""Dates and tolls of attacks: holidays named for a day, a participle clause that goes on
telling the attack before it, period tolls, and more ways of telling a death toll."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.eventcues import casualties, dates_in


@pytest.mark.parametrize(
    "published, phrase, expected",
    [
        (dt.date(2021, 1, 1), "on New Year's Eve", dt.date(2020, 12, 31)),
        (dt.date(2021, 1, 1), "on New Year’s Day", dt.date(2021, 1, 1)),
        (dt.date(2023, 12, 27), "on Christmas Day", dt.date(2023, 12, 25)),
        (dt.date(2023, 1, 3), "on Christmas Eve", dt.date(2022, 12, 24)),
    ],
)
def test_holidays(published, phrase, expected):
    assert [d for _, d in dates_in(f"Rebels attacked the village {phrase}.", published)] == [expected]


def test_a_participle_clause_keeps_the_date_of_the_attack_it_goes_on_telling(extract):
    _, events = extract("Gangs launched a fresh attack on the capital early Tuesday, targeting an upscale community in Pétionville.")
    assert [(ev.location.label, ev.date) for ev in events] == [("Pétionville", dt.date(2023, 12, 26))]


def test_a_toll_between_two_days_is_a_periods():
    assert casualties("At least 53 civilians were killed in the city alone between October 5–8, the UN said.") == (None, None)
    assert casualties("At least 53 civilians were killed in the city on October 5, the UN said.") == (53, None)


@pytest.mark.parametrize(
    "sentence, killed",
    [
        ("The intense battle resulted in the loss of three soldiers.", 3),
        ("The strike caused the deaths of 5 people.", 5),
        ("A similar fate befell 10 farmers who were rounded up and shot dead by extremists.", 10),
        ("The loss of power hit 3 cities.", None),
    ],
)
def test_more_forms_of_a_death_toll(sentence, killed):
    assert casualties(sentence)[0] == killed


def test_an_attack_told_at_another_time_does_not_take_the_leads_date(extract):
    _, events = extract(
        "A drone strike hit a camp in Goma on Friday, killing nine people.\n\n"
        "In February, a strike blasted a crater into the ground in Kiwanja."
    )
    assert [(ev.location.label, ev.date) for ev in events] == [("Goma", dt.date(2023, 12, 29)), ("Kiwanja", None)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # The day that opens the sentence is the telling's: its subject then tells.
        ("On Wednesday evening, the army revealed that ten soldiers were killed in an ambush.", []),
        ("On Friday, the Indian Army confirmed the exchange of fire late on Thursday.", [dt.date(2025, 2, 6)]),
        # ... but a day that opens the attack itself, or a telling that only closes it, is the attack's.
        ("On Wednesday, gunmen attacked the village of Tera.", [dt.date(2025, 2, 5)]),
        ("On Monday, police said.", [dt.date(2025, 2, 3)]),
    ],
)
def test_a_day_that_opens_a_telling_is_not_the_attacks(sentence, expected):
    assert [d for _, d in dates_in(sentence, dt.date(2025, 2, 7))] == expected


def test_the_attack_takes_the_day_told_after_the_day_of_the_telling(extract):
    _, events = extract(
        "On Wednesday evening, the army revealed that 10 soldiers were killed in an ambush in Bankilare.\n\n"
        "The attack targeted a military unit in Bankilare on Monday afternoon.",
        date=dt.date(2025, 2, 7),
    )
    assert [(ev.killed, ev.date) for ev in events] == [(10, dt.date(2025, 2, 3))]


@pytest.mark.parametrize(
    "sentence, killed",
    [
        ("Last Friday, insurgents shot dead two villagers in Nangade district.", 2),
        ("Terrorists murdered and beheaded five people on Tuesday in the Mucojo administrative post.", 5),
        ("Gunmen gunned down three farmers near the market.", 3),
        ("At least three Village Defence Force (VDF) volunteers were gunned down in Khujuma Tabi village.", 3),
        # A body's acronym lets no other figure pass for the dead.
        ("The Village Defence Force (VDF) said 200 volunteers guard the village.", None),
    ],
)
def test_active_killing_verbs_and_a_bodys_acronym_state_the_toll(sentence, killed):
    assert casualties(sentence)[0] == killed


def test_the_day_of_the_attack_a_sentence_retells_is_its_ambushs(extract):
    _, events = extract(
        "Ten soldiers were killed in an ambush in western Niger, the army said.\n\n"
        "The attack targeted a patrol on Monday afternoon, when it fell into an ambush in the area of Bankilare.",
        date=dt.date(2025, 2, 7),
    )
    assert [ev.date for ev in events] == [dt.date(2025, 2, 3)]


@pytest.mark.parametrize(
    "sentence, killed",
    [
        ("Three gendarmes, one police officer, and two civilians were killed.", 6),
        ("Seven soldiers and four vigilantes were killed in the ambush.", 11),
    ],
)
def test_a_list_of_victims_of_other_callings_is_summed(sentence, killed):
    assert casualties(sentence)[0] == killed


def test_victims_including_some_told_without_commas_are_counted():
    assert casualties("At least 13 civilians including two volunteers working for the army were killed in the north.")[0] == 13


def test_a_summary_dropped_still_dates_the_attacks_inside_it(extract):
    _, events = extract(
        "Airstrikes on Friday in Sagaing Region killed 12 people, residents said.\n\n"
        "A strike hit Zabyuwa village, killing seven.\n\n"
        "Bombs also hit Tomkarra village, killing five."
    )
    assert sorted((ev.location.label, ev.date) for ev in events) == [("Tomkarra", dt.date(2023, 12, 29)), ("Zabyuwa", dt.date(2023, 12, 29))]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The ELN has killed five soldiers and injured another 10 in a roadside bomb attack.", (5, 10)),
        ("The blast killed two and wounded another.", (2, 1)),
        ("The strike killed another 5 people.", (5, None)),
    ],
)
def test_another_and_a_figure_states_the_figure(sentence, expected):
    assert casualties(sentence) == expected
