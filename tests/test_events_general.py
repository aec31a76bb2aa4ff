"""Event rules read by their construction, not by one article's words: a hedge on who the
attackers were set off in commas, a toll stated as lives cost, one person killed named by
a singular noun, counts of one verb summed, a device with who planted it as the subject of
a damage verb, and a site of a town the knowledge base does not place. Every text here is
invented, each rule tried in several wordings."""

from __future__ import annotations

import pytest
from conftest import event_places

from kg.eventcues import casualties


def _slots(events):
    return [(ev.location.label if ev.location else None, ev.actor.label if ev.actor else None) for ev in events]


# -- 1. hedged attackers in an apposition; "invaded/stormed/overran X village" -----------------


@pytest.mark.parametrize(
    "body, place, actor",
    [
        ("The assailants, believed to be from the ADF, invaded Kabasha village in Beni territory on Tuesday night.", "Kabasha", "ADF"),
        ("The raiders, alleged to be from Boko Haram, overran Gajiram village on Sunday morning.", "Gajiram", "Boko Haram"),
        ("The gunmen, suspected to be members of al Shabaab, stormed Garbaharey town on Monday.", "Garbahaarrey", "Al-Shabaab"),
    ],
)
def test_hedged_attackers_in_commas_storm_a_village(extract, body, place, actor):
    _, events = extract(body)
    assert _slots(events) == [(place, actor)]


def test_a_country_invading_a_country_is_still_no_attack(extract):
    _, events = extract("Russia invaded Ukraine in 2022, officials said on Tuesday.")
    assert events == []


# -- 2. tolls --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, killed",
    [
        ("The clash cost the lives of four soldiers in Gao on Monday.", 4),
        ("The ambush took the lives of 12 rangers near the park.", 12),
        ("A roadside blast on Friday costing the lives of seven pilgrims shocked the town.", 7),
    ],
)
def test_lives_cost_or_taken_are_the_dead(sentence, killed):
    assert casualties(sentence)[0] == killed


@pytest.mark.parametrize(
    "sentence, toll",
    [
        ("Gunmen killed a night watchman in Bunia on Friday.", (1, None)),
        ("Bandits shot dead a village elder and wounded two others.", (1, 2)),
        ("The attackers murdered an elderly woman outside her home.", (1, None)),
        ("Militants gunned down a local trader at the market.", (1, None)),
        ("A militiaman was killed when the convoy was ambushed.", (1, None)),
    ],
)
def test_a_singular_person_killed_is_one_dead(sentence, toll):
    assert casualties(sentence) == toll


@pytest.mark.parametrize(
    "sentence, killed",
    [
        ("Eight villagers and three VDP auxiliaries died when jihadists attacked the town.", 11),
        ("Two fishermen, a militiaman and six children were killed in the blast.", 9),
        ("The raiders killed five herdsmen, two pupils and a pastor.", 8),
    ],
)
def test_coordinated_counts_of_one_verb_are_summed(sentence, killed):
    assert casualties(sentence)[0] == killed


def test_a_time_after_a_count_is_no_victim():
    assert casualties("Gunmen attacked the post, killing two soldiers, three days after the truce.")[0] == 2
    assert casualties("He was killed a day later in hospital.")[0] is None


# -- 3. a device with who planted it, subject of a damage verb -------------------------------


@pytest.mark.parametrize(
    "body, place, actor",
    [
        ("An improvised explosive device planted by al Shabaab wrecked a truck near Mogadishu on Sunday.", "Mogadishu", "Al-Shabaab"),
        ("A landmine laid by Boko Haram destroyed a pickup near Maiduguri on Friday.", "Maiduguri", "Boko Haram"),
        ("Explosives hidden by the ADF in a market stall destroyed three shops in Beni on Saturday.", "Beni", "ADF"),
    ],
)
def test_a_planted_device_that_wrecks_is_an_attack_by_who_planted_it(extract, body, place, actor):
    _, events = extract(body)
    assert _slots(events) == [(place, actor)]


# -- 4. an unknown site of a town the sentence names -----------------------------------------


@pytest.mark.parametrize(
    "body, place, toll",
    [
        (
            "Israel struck Mezzeh airport on the western edge of Damascus on Sunday. Two soldiers were killed in the attack on Damascus, state media said.",
            "Mezzeh airport",
            (2, None),
        ),
        ("Russia launched drones at Kharkiv overnight, hitting Kraviak air base and injuring three people.", "Kraviak air base", (None, 3)),
        ("Drones hit the Tarvesk air base in Kharkiv on Friday. Officials said the attack on Kharkiv killed one guard.", "Tarvesk air base", (1, None)),
    ],
)
def test_an_unknown_site_in_a_named_town_is_the_towns_attack(extract, body, place, toll):
    _, events = extract(body)
    assert [(ev.location.label if ev.location else None, (ev.killed, ev.injured)) for ev in events] == [(place, toll)]


def test_a_site_in_a_sentence_naming_no_town_stays_apart(extract):
    _, events = extract("Israel struck Mezzeh airport on Sunday, state media said. A separate strike on Homs killed two soldiers.")
    assert sorted(label for label, _ in event_places(events)) == ["Homs", "Mezzeh airport"]


# -- 5. the items of a list of the attack's places, whatever their names were typed ----------


@pytest.mark.parametrize(
    "body, place",
    [
        (
            "At least 17 civilians were killed on Friday in Beni territory, local officials said. The attack took place in Kivalu, Ngerengere Group and Batsirwa.",
            "Beni territory",
        ),
        ("At least 17 civilians were killed on Friday in Beni territory, local officials said. The attack took place in Kivalu and Batsirwa.", "Beni territory"),
        (
            "Eleven farmers were killed in Lubero territory on Sunday night when rebels raided their fields. The raid occurred in Vuhika, Mbingi Group, Kasiki and Lusando, residents said.",
            "Lubero territory",
        ),
    ],
)
def test_a_list_of_villages_after_the_territory_keeps_the_attack_there(extract, body, place):
    _, events = extract(body)
    assert [ev.location.label if ev.location else None for ev in events] == [place]


def test_one_village_named_after_the_territory_is_the_scene(extract):
    _, events = extract("At least 17 civilians were killed on Friday in Beni territory, local officials said. The attack took place in Batsirwa village.")
    assert [ev.location.label if ev.location else None for ev in events] == ["Batsirwa"]


def test_names_between_places_are_items_of_their_list():
    from kg.eventlists import joined

    text = "in Kivalu, Ngerengere Group and Batsirwa"
    a, b = text.index("Kivalu") + len("Kivalu"), text.index("Batsirwa")
    assert joined(text, a, b, last=True)
    assert not joined("in Kivalu, where officials said Batsirwa", a, len("in Kivalu, where officials said "))


def test_the_figure_look_aheads_admit_every_first_letter_a_figure_can_have():
    # _NUM, _ITEM and _APPROX open with a one-character look-ahead (speed): it must let
    # through every number word, every hedge before a number, and digits.
    import re

    from kg import eventcues

    words = [w for w in [*eventcues._UNITS, *eventcues._TENS]]
    hedges = re.findall(r"\|?([a-z]+)(?:\\s\+[a-z]+)*", eventcues._APPROX.split("(?:(?:", 1)[1])
    assert "roughly" in hedges and "another" in hedges
    first_num = re.compile(r"[\dzotfsena]")
    first_any = re.compile(r"[\dzotfsenamur]")
    assert all(first_num.match(w) for w in [*words, "7"])
    assert all(first_any.match(w) for w in [*words, *hedges, "7"])


@pytest.mark.parametrize("sentence, toll", [
    ("Twenty-One villagers were killed in the raid on Morvale.", (21, None)),
    ("Roughly 40 herders died and Another three were wounded.", (40, 3)),
    ("Up To ELEVEN fishermen were killed near Ostrava Bay.", (11, None)),
])
def test_capitalised_figures_and_hedges_still_count(sentence, toll):
    assert casualties(sentence) == toll
