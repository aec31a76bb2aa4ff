"""Events, sixth round: ranges of figures, tolls of none, "last week", suspects named in
the passive, follow-up sentences that update or add to a toll, and the figures of two
places in one sentence kept to each place's clause. (Invented sentences.)"""

from __future__ import annotations

import datetime as dt

from kg.eventcues import casualties, elided_figure
from kg.eventfollow import follow_up


def _by_place(events):
    return {ev.location.label if ev.location else None: ev for ev in events}


def test_a_range_of_figures_states_its_lower_bound():
    assert casualties("Between 10 and 15 people were killed when gunmen stormed the village.") == (10, None)
    assert casualties("The raid killed between 10 and 15 farmers.") == (10, None)
    assert casualties("Gunmen killed 6 to 9 herders near the well.") == (6, None)
    assert casualties("The blast left 20-25 people dead.") == (20, None)
    # Days of a month are no range: "between March 3 and 5" keeps the toll after it.
    assert casualties("Between March 3 and 5, 12 people were killed in the raids.")[0] != 3
    # Two figures joined by "and" without "between" are two figures, not a range.
    assert casualties("The attack killed 4 and injured 12.") == (4, 12)


def test_a_toll_of_none_states_no_figure(extract):
    _, events = extract("A drone hit a warehouse in Odesa on Tuesday. No one was hurt and nobody was killed.")
    (ev,) = events
    assert ev.injured is None and ev.killed is None


def test_last_week_names_no_day_but_the_attack_stands(extract):
    _, events = extract("A roadside bomb killed two soldiers near Ghazni last week, officials said.")
    (ev,) = events
    assert (ev.location.label, ev.killed, ev.date) == ("Ghazni", 2, None)


def test_a_group_suspected_in_the_passive_is_the_attacker(extract):
    _, events = extract("A blast at a mosque in Peshawar killed 20 worshippers on Friday. The Islamic State was suspected of carrying out the attack.")
    (ev,) = events
    assert ev.actor is not None and ev.actor.label == "Islamic State"


def test_a_group_the_police_suspect_is_the_attacker(extract):
    _, events = extract("A bomb hidden in a cart killed six traders in a market in Peshawar. Police suspected the Islamic State.")
    (ev,) = events
    assert ev.actor is not None and ev.actor.label == "Islamic State"


def test_a_group_suspected_as_victim_is_not_named_the_attacker(extract):
    # ("suspected of being ..." or a group merely named is no suspicion of the attack)
    _, events = extract("A drone strike hit a car in Kidal on Monday, killing three people who were members of the Islamic State.")
    (ev,) = events
    assert ev.actor is None or ev.actor.label != "Islamic State"


def test_follow_up_words():
    assert follow_up("The death toll rose to 12 on Sunday, the governor said.") == "toll"
    assert follow_up("The number of dead has since climbed to 40.") == "toll"
    assert follow_up("Another three died in hospital.") == "more"
    assert follow_up("Two of the wounded later succumbed to their injuries.") == "more"
    assert follow_up("Three people were killed in the attack.") is None


def test_a_toll_that_rose_updates_the_attack_told_before(extract):
    _, events = extract("A missile struck an apartment block in Dnipro on Saturday, killing 9 people. The death toll rose to 12 on Sunday, rescuers said.")
    (ev,) = events
    # The new toll, and the attack's own day, not the day the toll rose.
    assert (ev.killed, ev.date) == (12, dt.date(2023, 12, 30))


def test_more_dead_add_to_the_toll_of_the_attack_told_before(extract):
    _, events = extract("A bomb exploded in a crowded market in Maiduguri, killing five people. Another three died in hospital.")
    (ev,) = events
    assert ev.killed == 8


def test_more_dead_of_their_wounds_add_up_once(extract):
    _, events = extract(
        "A bomb exploded in a crowded market in Maiduguri, killing five people and wounding 14.\n\n"
        "Three more people later died of their wounds, a hospital official said."
    )
    (ev,) = events
    assert ev.killed == 8


def test_each_place_keeps_the_figures_of_its_own_clause(extract):
    _, events = extract("A bomb killed four people in Mogadishu on Monday, and a second bomb wounded nine in Baidoa.")
    places = _by_place(events)
    assert (places["Mogadishu"].killed, places["Mogadishu"].injured) == (4, None)
    assert (places["Baidoa"].killed, places["Baidoa"].injured) == (None, 9)


def test_a_bare_figure_before_a_listed_place_is_that_places_toll(extract):
    assert elided_figure(", three in Sumy and ") == 3
    assert elided_figure(" and one in Odesa.") == 1
    _, events = extract("Russian strikes killed two people in Kharkiv, three in Sumy and one in Odesa.")
    places = _by_place(events)
    assert (places["Kharkiv"].killed, places["Sumy"].killed, places["Odesa"].killed) == (2, 3, 1)


def test_a_claim_of_both_attacks_names_the_attacker_of_each(extract):
    _, events = extract(
        "A bomb killed four soldiers in Mogadishu on Monday.\n\n"
        "On Tuesday, gunmen stormed a hotel in Kismayo, killing nine guests.\n\n"
        "Al-Shabaab claimed responsibility for both attacks."
    )
    places = _by_place(events)
    assert places["Mogadishu"].actor is not None and places["Mogadishu"].actor.label == "Al-Shabaab"
    assert places["Kismayo"].actor is not None and places["Kismayo"].actor.label == "Al-Shabaab"


def test_a_claim_covers_only_the_attacks_told_before_it(extract):
    _, events = extract(
        "A bomb killed four soldiers in Mogadishu on Monday, and a second bomb wounded nine in Baidoa.\n\n"
        "Al-Shabaab claimed both blasts.\n\n"
        "On Tuesday, Boko Haram fighters raided the town of Gwoza, killing 11 people."
    )
    places = _by_place(events)
    assert {places["Mogadishu"].actor.label, places["Baidoa"].actor.label} == {"Al-Shabaab"}
    assert places["Gwoza"].actor.label == "Boko Haram"


def test_where_unnamed_attackers_came_from_is_no_attacker(extract):
    for body in (
        "Gunmen from Mali attacked a village in the Tillaberi region on Monday, killing 12 civilians.",
        "Militants who crossed from Mali attacked a checkpoint in the Tillaberi region, killing four soldiers.",
    ):
        _, events = extract(body)
        (ev,) = events
        assert ev.location.label.startswith("Tillab") and ev.actor is None


def test_where_missiles_were_fired_from_does_not_hide_the_place_they_hit(extract):
    _, events = extract("Missiles fired from Crimea hit Kherson on Monday, killing three people.")
    assert [(ev.location.label, ev.killed) for ev in events] == [("Kherson", 3)]


def test_days_counted_from_another():
    from kg.eventdays import relative_dates

    wednesday, monday = dt.date(2024, 3, 6), dt.date(2024, 3, 4)
    assert relative_dates("An airstrike killed nine people in the hamlet two days ago.", wednesday, None, []) == [(46, monday)]
    # "later" and "the next day" count on from the attack told last (or a day the sentence names before)
    assert relative_dates("Two days later, bandits raided a farm.", wednesday, monday, [])[0][1] == dt.date(2024, 3, 6)
    assert relative_dates("On Monday a shell hit the mill; the next day a drone hit the dam.", wednesday, None, [(0, monday)])[0][1] == dt.date(2024, 3, 5)
    # "came a day after <an attack>": that attack the day before
    assert relative_dates("The raid came three days after a strike on the depot.", wednesday, monday, [])[0][1] == dt.date(2024, 3, 1)
    # ... unless the day counted from is named after it ("two days after Sunday's attack")
    assert relative_dates("The raid came two days after Sunday's attack.", wednesday, monday, []) == []


def test_an_attack_told_as_a_day_after_another_is_dated_each_its_own_day(extract):
    _, events = extract("A drone struck a fuel depot in Kursk on Tuesday, a day after a missile hit Belgorod, killing two.", date=dt.date(2024, 3, 6))
    places = _by_place(events)
    assert (places["Kursk"].date, places["Belgorod"].date) == (dt.date(2024, 3, 5), dt.date(2024, 3, 4))
    # "a day after" is no daily rate: the toll stands, and is Belgorod's
    assert (places["Kursk"].killed, places["Belgorod"].killed) == (None, 2)
    # each clause's weapon is its own place's
    assert [w.label for w in places["Kursk"].weapons] == ["drone"] and [w.label for w in places["Belgorod"].weapons] == ["missile"]


def test_an_attack_two_days_later_is_not_dated_as_the_first(extract):
    _, events = extract(
        "Gunmen killed 12 villagers in Zamfara state on Sunday.\n\nTwo days later, bandits killed four farmers in Katsina state.",
        date=dt.date(2024, 3, 6),
    )
    assert sorted(ev.date for ev in events) == [dt.date(2024, 3, 3), dt.date(2024, 3, 5)]


def test_the_weapon_before_a_list_of_places_is_each_places(extract):
    _, events = extract("Drones hit Kharkiv, Sumy and Odesa overnight, killing five people.")
    assert len(events) == 3 and all([w.label for w in ev.weapons] == ["drone"] for ev in events)


def test_a_tally_of_attacks_on_a_place_is_no_attack(extract):
    _, events = extract(
        "Gunmen killed nine villagers in Tanko on Monday.\n\n"
        "The regional capital Maiduguri has been attacked three times, and bandits have continually attacked farms in Zamfara."
    )
    assert [ev.location.label for ev in events] == ["Tanko"]


def test_most_attacks_attributed_to_a_group_tell_no_attack(extract):
    _, events = extract("Gunmen killed nine villagers in Tanko on Monday.\n\nMost attacks in the region are attributed to Boko Haram, which is active in Borno.")
    assert [ev.location.label for ev in events] == ["Tanko"]


def test_an_attack_told_in_another_month_is_not_the_attack_at_the_same_place(extract):
    _, events = extract(
        "Suspected jihadists attacked a military position in Boni on Monday, the ministry said.\n\n"
        "Seventeen soldiers were killed in an ambush in the area between Boni and Torodi in August.",
        date=dt.date(2024, 5, 21),
    )
    assert sorted((ev.killed or 0, ev.date or dt.date.min) for ev in events) == [(0, dt.date(2024, 5, 20)), (17, dt.date.min)]


def test_a_camp_in_a_states_area_lies_in_that_area(extract):
    _, events = extract("Gunmen launched a pre-dawn attack on Sunday at the Malam Fatori camp in Borno State's Damboa area, killing six soldiers.")
    assert len(events) == 1 and events[0].killed == 6


def test_a_groups_branch_and_the_group_are_one_side(kb):
    from kg.eventactors import branch_sides
    from kg.identity import entity_of

    sides = branch_sides(kb)
    branch = next(e for e in kb.entries.values() if e.label == "Islamic State West Africa Province")
    parent = next(e for e in kb.entries.values() if e.label == "Islamic State")
    assert sides[entity_of(branch).iri] == entity_of(parent).iri
    assert entity_of(parent).iri not in sides


def test_a_weekday_that_opens_a_full_date_is_that_date():
    from kg.eventcues import dates_in

    assert dates_in("a bomb went off on Saturday, August 5, 2017 at the market", None)[0] == (19, dt.date(2017, 8, 5))


def test_an_article_with_no_date_line_is_dated_by_its_address(kb, nlp):
    from kg.events import EventExtractor
    from kg.link import Linker
    from kg.read import read_text
    from kg.read.dates import date_in_url
    from kg.recognise import recognise

    assert date_in_url("https://example.org/news/2019/08/20/raid-on-post/") == dt.date(2019, 8, 20)
    assert date_in_url("https://example.org/stories/201911040719.html") == dt.date(2019, 11, 4)
    assert date_in_url("https://example.org/news/raid-on-post-219221") is None
    text = "Raid on a post\n\nGunmen attacked a police post in Tanko on Monday, killing four officers.\n\nOriginal url:\n\n<https://example.org/news/2019/08/20/raid-on-post/>\n"
    (article,) = list(read_text(text, "t.txt"))
    ((art, mentions, sentences),) = list(recognise(nlp, [article]))
    events = EventExtractor(kb).extract(art, Linker(kb).link(art, mentions), sentences)
    assert [ev.date for ev in events] == [dt.date(2019, 8, 19)]


def test_a_place_in_a_land_of_two_names_lies_in_it():
    from kg.eventwords import IN_GAP

    # "at Kodogo in the Mayo and Tsamba division": the words between the village and the land
    assert IN_GAP.fullmatch(" in the Mayo and ") is not None
    assert IN_GAP.fullmatch(" and the ") is None


def test_a_group_that_increased_its_attacks_tells_a_campaign(extract):
    _, events = extract("Gunmen killed nine villagers in Tanko on Monday.\n\nThe group has increased its attacks along the border with Chad.")
    assert [ev.location.label for ev in events] == ["Tanko"]


def test_people_butchered_are_killed():
    assert casualties("Insurgents stopped a truck on the road and butchered the six people inside it.") == (6, None)
    assert casualties("Raiders butchered 12 herders near the well.") == (12, None)
