"""Bylines: the people and outlets of a "By ..." line, each with its role."""

from __future__ import annotations

import pytest

from kg.bylines import byline_mentions, person_shaped, read_byline, with_byline_outlet
from kg.kb import KBEntry, KnowledgeBase
from kg.kb.base import fold
from kg.pipeline import ArticleProcessor
from kg.read import read_text as read_items
from kg.recognise import recognise
from kg.types import Article

KNOWN = {"lantern news", "river wire", "tele river"}


def known_org(name: str) -> bool:
    return fold(name) in KNOWN


def nobody(name: str) -> bool:
    return False


def roles(text: str) -> list[tuple[str, str, str | None]]:
    parts = read_byline(text, text.split("\n")[0], known_org, nobody)
    for p in parts:
        assert text[p.start : p.end] == p.text  # offsets index the article's text
    return [(p.text, p.role, p.lookup) for p in parts]


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Lantern News", [("Lantern News", "outlet", None)]),
        # One part: the shape alone cannot tell an outlet from a person; it stays the outlet.
        ("By Harbour Signal", [("Harbour Signal", "outlet", None)]),
        ("By Marta Quell, via Harbour Signal", [("Marta Quell", "person", None), ("Harbour Signal", "outlet", None)]),
        ("By Lantern News (Ivo Brandt), via pressfeed", [("Lantern News", "outlet", None), ("Ivo Brandt", "person", None), ("pressfeed", "outlet", None)]),
        (
            "By Ana Lisková, Petr Vondra and Jana de la Cruz, LNT",
            [("Ana Lisková", "person", None), ("Petr Vondra", "person", None), ("Jana de la Cruz", "person", None), ("LNT", "outlet", None)],
        ),
        # A known outlet of person shape is an outlet; a via part is one whatever its shape.
        ("By River Wire, via Ola Brandt", [("River Wire", "outlet", None), ("Ola Brandt", "outlet", None)]),
        ("By Harbour Signal English Desk", [("Harbour Signal", "outlet", None)]),
        ("By Tele River English", [("Tele River English", "outlet", "Tele River")]),
        ("By Harbour Daily, via am9.news", [("Harbour Daily", "outlet", None), ("am9.news", "outlet", None)]),
        # In capitals, people: two of them, or one alone ("By REUTERS" is one word, an outlet).
        ("By AMINA BELLORA and JOHN OKAFORO", [("AMINA BELLORA", "person", None), ("JOHN OKAFORO", "person", None)]),
        ("BY AMINA BELLORA", [("AMINA BELLORA", "person", None)]),
        ("BY AMINA BELLORA AND JOHN OKAFORO", [("AMINA BELLORA", "person", None), ("JOHN OKAFORO", "person", None)]),
        ("BY HARBOUR DAILY", [("HARBOUR DAILY", "outlet", None)]),
        # Staff words name nobody; a team's and a desk's outlet is the outlet.
        ("BY STAFF REPORTER", [("STAFF REPORTER", "none", None)]),
        ("By Our Correspondent", [("Our Correspondent", "none", None)]),
        ("By Team Harbour Signal", [("Harbour Signal", "outlet", None)]),
        ("By Harbour Signal Staff", [("Harbour Signal", "outlet", None)]),
        ("By Marta Quell, Lantern News", [("Marta Quell", "person", None), ("Lantern News", "outlet", None)]),
        # No "By": a person's name and an outlet's, a bar or a dash between them.
        ("Marta Quell | River Wire", [("Marta Quell", "person", None), ("River Wire", "outlet", None)]),
        ("Marta Quell — LNT", [("Marta Quell", "person", None), ("LNT", "outlet", None)]),
        ("River Wire - Marta Quell", [("River Wire", "outlet", None), ("Marta Quell", "person", None)]),
        ("Harbour war — the latest", []),
        ("Marta Quell — Ivo Brandt", []),  # two people, no outlet: no byline of this shape
        # A part that holds two names: a person and her town, a person and an outlet; a time is none.
        ("By Marta Quell in Harbourton", [("Marta Quell", "person", None), ("Harbourton", "place", None)]),
        ("By MARTA QUELL Harbour News", [("MARTA QUELL", "person", None), ("Harbour News", "outlet", None)]),
        ("By Marta Quell River Wire", [("Marta Quell", "person", None), ("River Wire", "outlet", None)]),
        ("By Marta Quell, Senior Correspondent", [("Marta Quell", "person", None), ("Senior Correspondent", "none", None)]),
        ("By Marta Quell | Updated 3 hours ago", [("Marta Quell", "person", None), ("Updated 3 hours ago", "none", None)]),
    ],
)
def test_each_part_of_a_byline_gets_its_role(byline, expected):
    assert roles(f"Shelling hits the port\n\n{byline}\n\nMay 2, 2024\n\nShelling hit the port.") == expected


def test_a_bureau_of_a_known_town_names_the_town_not_an_outlet():
    text = "Shelling hits the port\n\nBy Harbourton Bureau\n\nShelling hit the port."
    parts = read_byline(text, text.split("\n")[0], known_org, nobody, lambda name: name == "Harbourton")
    assert [(p.text, p.role) for p in parts] == [("Harbourton", "place")]
    assert [(p.text, p.role) for p in read_byline(text, text.split("\n")[0], known_org, nobody)] == [("Harbourton", "outlet")]


def test_a_staff_byline_leaves_no_outlet_and_no_name():
    art = read_text("Shelling hits the port\n\nBY STAFF REPORTER\n\nMay 2, 2024\n\nShelling hit the port.", "a.txt")
    assert isinstance(art, Article) and art.outlet == "STAFF REPORTER"  # the reader's
    fixed = with_byline_outlet(art, small_kb().candidates)
    assert fixed.outlet is None
    mentions, (start, end) = byline_mentions(fixed, small_kb().candidates)
    assert mentions == [] and fixed.text[start:end] == "STAFF REPORTER"


def test_a_bare_byline_after_the_title_gives_the_outlet():
    art = read_text("Shelling hits the port\n\nMarta Quell | River Wire\n\nShelling hit the port.", "a.txt")
    fixed = with_byline_outlet(art, small_kb().candidates)
    assert fixed.outlet == "River Wire"
    mentions, _ = byline_mentions(fixed, small_kb().candidates)
    assert [(m.text, m.label) for m in mentions] == [("Marta Quell", "PERSON"), ("River Wire", "OUTLET")]


@pytest.mark.parametrize(
    "line",
    ["By the time rescuers came, the fire was out.", "by noon the shelling had stopped", "Shelling hit the port."],
)
def test_a_sentence_is_no_byline(line):
    assert roles(f"Shelling hits the port\n\n{line}\n\nMore text.") == []


@pytest.mark.parametrize(
    ("name", "shaped"),
    [
        ("Marta Quell", True),
        ("Jana de la Cruz", True),
        ("J. R. Tolkan", True),
        ("Harbour News", False),
        ("The Signal", False),
        ("Quell", False),
        ("LNT Daily", False),
        ("Al Varno English", False),
    ],
)
def test_person_shape(name, shaped):
    assert person_shaped(name) is shaped


def small_kb() -> KnowledgeBase:
    return KnowledgeBase([KBEntry("river-wire", "Organization", "River Wire", classes=["NewsOrganization"])])


def test_the_publisher_is_the_bylines_first_outlet_not_its_author():
    text = "Shelling hits the port\n\nBy Marta Quell, via Harbour Signal\n\nMay 2, 2024\n\nShelling hit the port."
    art = read_text(text, "a.txt")
    assert isinstance(art, Article) and art.outlet == "Marta Quell"  # the reader takes the first name
    fixed = with_byline_outlet(art, small_kb().candidates)
    assert fixed.outlet == "Harbour Signal" and fixed.text[fixed.outlet_span[0] : fixed.outlet_span[1]] == "Harbour Signal"
    mentions, (start, end) = byline_mentions(fixed, small_kb().candidates)
    assert [(m.text, m.label) for m in mentions] == [("Marta Quell", "PERSON"), ("Harbour Signal", "OUTLET")]
    assert text[start:end] == "Marta Quell, via Harbour Signal"


def test_a_byline_of_people_only_names_no_outlet():
    art = read_text("Shelling hits the port\n\nBy Marta Quell and Ivo Brandt\n\nShelling hit the port.", "a.txt")
    assert isinstance(art, Article)
    assert with_byline_outlet(art, small_kb().candidates).outlet is None


def test_a_lower_case_outlet_with_an_inner_capital_is_a_byline():
    art = read_text("Shelling hits the port\n\nBy tvRiver English\n\nMay 2, 2024\n\nShelling hit the port.", "a.txt")
    assert isinstance(art, Article) and art.outlet == "tvRiver English" and art.date is not None


def test_ingest_types_the_bylines_people_and_outlets(kb, nlp):
    text = (
        "Drones hit a depot near Kharkiv\n\nBy Marta Quellova and Ivo Brandtner, via Harbour Signal\n\nMay 2, 2024\n\n"
        "Russian drones hit a fuel depot near Kharkiv overnight, officials said.\n"
    )
    art = read_text(text, "a.txt")
    record = ArticleProcessor(kb, nlp=nlp).record(art, *next_mentions(nlp, art))
    assert record.article.outlet == "Harbour Signal"
    types = {iri.rsplit("/", 1)[-1]: t for iri, t in record.entities.items()}
    assert types.get("marta-quellova") == "Person" and types.get("ivo-brandtner") == "Person"
    assert types.get("harbour-signal") == "Organization"


def next_mentions(nlp, art):
    _, mentions, sentences = next(iter(recognise(nlp, [art])))
    return mentions, sentences


def read_text(text: str, source: str):
    return next(iter(read_items(text, source, "text")))


@pytest.mark.parametrize(
    ("byline", "host", "role"),
    [
        ("By Sara Jones", "www.dailyledger.example", "person"),  # the host does not spell her
        ("By Sahel Courier", "sahelcourier.example", "outlet"),  # the host spells the outlet
        ("By Sahel Courier", "sc.example", "outlet"),  # or its initials
        ("By Harbour Signal", None, "outlet"),  # no address: nothing speaks against the reader
        ("By Nepal Ledger", "news.example", "outlet"),  # a country's name is no person's
        ("By Malian Voice", "news.example", "outlet"),  # nor a people's (and "Voice" an outlet's word)
        ("By Lantern News", "news.example", "outlet"),  # known as an organisation
    ],
)
def test_a_lone_byline_name_is_the_author_where_the_address_says_so(byline, host, role):
    text = f"Title\n\n{byline}\n\nBody text.\n"
    country = lambda word: word == "Nepal"  # noqa: E731
    parts = read_byline(text, "Title", known_org, nobody, url=f"https://{host}/news/1" if host else None, known_country=country)
    assert [(p.text, p.role) for p in parts] == [(byline[3:], role)]
