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
