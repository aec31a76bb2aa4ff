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
    _, events = extract("Gunmen launched a new assault on the capital late Thursday, targeting a wealthy suburb in Tabarre.")
    assert [(ev.location.label, ev.date) for ev in events] == [("Tabarre", dt.date(2023, 12, 28))]


def test_a_toll_between_two_days_is_a_periods():
    assert casualties("At least 27 villagers died in the district alone between March 11–14, the monitors said.") == (None, None)
    assert casualties("At least 27 villagers died in the district on March 11, the monitors said.") == (27, None)


@pytest.mark.parametrize(
    "sentence, killed",
    [
        ("The fierce clash resulted in the loss of six policemen.", 6),
        ("The strike caused the deaths of 5 people.", 5),
        ("The same fate befell 8 herders who were rounded up and shot dead by militants.", 8),
        ("The loss of power hit 3 cities.", None),
    ],
)
def test_more_forms_of_a_death_toll(sentence, killed):
    assert casualties(sentence)[0] == killed


def test_an_attack_told_at_another_time_does_not_take_the_leads_date(extract):
    _, events = extract(
        "A drone strike hit a market in Beni on Wednesday, killing six people.\n\n"
        "In March, a shell struck a school in Rutshuru."
    )
    assert [(ev.location.label, ev.date) for ev in events] == [("Beni", dt.date(2023, 12, 27)), ("Rutshuru", None)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # The day that opens the sentence is the telling's: its subject then tells.
        ("On Thursday morning, the ministry announced that seven gendarmes were killed in a raid.", []),
        ("On Friday, the Pakistani army confirmed the clash late on Thursday.", [dt.date(2025, 2, 6)]),
        # ... but a day that opens the attack itself, or a telling that only closes it, is the attack's.
        ("On Wednesday, gunmen attacked the village of Tera.", [dt.date(2025, 2, 5)]),
        ("On Monday, police said.", [dt.date(2025, 2, 3)]),
    ],
)
def test_a_day_that_opens_a_telling_is_not_the_attacks(sentence, expected):
    assert [d for _, d in dates_in(sentence, dt.date(2025, 2, 7))] == expected


def test_the_attack_takes_the_day_told_after_the_day_of_the_telling(extract):
    _, events = extract(
        "On Thursday morning, the ministry announced that 7 gendarmes were killed in a raid in Tera.\n\n"
        "The raid targeted a gendarmerie post in Tera on Tuesday night.",
        date=dt.date(2025, 2, 7),
    )
    assert [(ev.killed, ev.date) for ev in events] == [(7, dt.date(2025, 2, 4))]


@pytest.mark.parametrize(
    "sentence, killed",
    [
        ("Last Sunday, militants shot dead four traders in Macomia district.", 4),
        ("Insurgents murdered and beheaded three men on Monday in the Quiterajo administrative post.", 3),
        ("Gunmen gunned down three farmers near the market.", 3),
        ("At least four Village Defence Force (VDF) volunteers were gunned down in Leimaram Khunou village.", 4),
        # A body's acronym lets no other figure pass for the dead.
        ("The Village Defence Force (VDF) said 150 volunteers patrol the area.", None),
    ],
)
def test_active_killing_verbs_and_a_bodys_acronym_state_the_toll(sentence, killed):
    assert casualties(sentence)[0] == killed


def test_the_day_of_the_attack_a_sentence_retells_is_its_ambushs(extract):
    _, events = extract(
        "Seven gendarmes were killed in a raid in northern Burkina Faso, the ministry said.\n\n"
        "The raid targeted a convoy on Tuesday night, when it drove into an ambush in the area of Djibo.",
        date=dt.date(2025, 2, 7),
    )
    assert [ev.date for ev in events] == [dt.date(2025, 2, 4)]


@pytest.mark.parametrize(
    "sentence, killed",
    [
        ("Two soldiers, one customs officer, and four civilians were killed.", 7),
        ("Seven soldiers and four vigilantes were killed in the ambush.", 11),
    ],
)
def test_a_list_of_victims_of_other_callings_is_summed(sentence, killed):
    assert casualties(sentence)[0] == killed


def test_victims_including_some_told_without_commas_are_counted():
    assert casualties("At least 9 villagers including three guards working for the militia were killed in the east.")[0] == 9


def test_a_summary_dropped_still_dates_the_attacks_inside_it(extract):
    _, events = extract(
        "Airstrikes on Wednesday in Magway Region killed 9 people, locals said.\n\n"
        "A strike hit Kan Thar Yar village, killing four.\n\n"
        "Bombs also hit Ywar Thit village, killing five."
    )
    assert sorted((ev.location.label, ev.date) for ev in events) == [("Kan Thar Yar", dt.date(2023, 12, 27)), ("Ywar Thit", dt.date(2023, 12, 27))]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The rebels have killed four police officers and injured another 7 in a landmine attack.", (4, 7)),
        ("The blast killed two and wounded another.", (2, 1)),
        ("The strike killed another 5 people.", (5, None)),
    ],
)
def test_another_and_a_figure_states_the_figure(sentence, expected):
    assert casualties(sentence) == expected
