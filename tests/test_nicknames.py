"""People named with a quoted alias inside the name (kg/nicknames.py), on sentences written here."""

from __future__ import annotations

from kg.nicknames import nicknamed_people
from kg.types import Mention


def found(text: str, mentions: list[Mention] | None = None) -> list[str]:
    return [m.text for m in nicknamed_people(text, mentions or [])]


def test_a_quoted_alias_between_given_name_and_surname_is_one_persons_name():
    assert found("It is the home town of Ramiro “Flaco” Quintana, leader of the gang.") == ["Ramiro “Flaco” Quintana"]
    assert found('Joaquín "El Chapo" Guzmán was extradited.') == ['Joaquín "El Chapo" Guzmán']
    m = nicknamed_people("Ramiro “Flaco” Quintana fled.", [])[0]
    assert (m.start, m.end, m.label) == (0, 23, "PERSON")


def test_quotes_that_are_no_alias_give_no_name():
    assert found("The “Butcher” Squad struck again.") == []  # "The" opens no name
    assert found("He said “Never” again.") == []  # no capitalised surname after the quote
    assert found("Officials called it a “massacre” in Tillaberi.") == []
    assert found("Ramiro “Flaco” Quintana Cervantes Ruiz Lopez fled.") == []  # runs on: not this shape


def test_a_name_the_recogniser_found_is_left_alone():
    text = "Ramiro “Flaco” Quintana fled."
    assert found(text, [Mention(0, 6, "Ramiro", "PERSON", "ner")]) == []


def test_nicknamed_names_memo_answers_per_text():
    """The memoised scan gives each text its own matches, as the pattern finds them, asked
    once or again, and nothing for a text without double quotes."""
    from kg.nicknames import NICKNAMED_NAME, nicknamed_names

    a = 'Police sought Joaquín "El Chapo" Guzmán and Ramiro “Flaco” Quintana on Monday.'
    b = 'Troops caught Ovidio "El Raton" Guzman.'
    want_a = [(h.start(1), h.end(1), h.group(1)) for h in NICKNAMED_NAME.finditer(a)]
    assert len(want_a) == 2
    assert list(nicknamed_names(a)) == want_a
    assert list(nicknamed_names(b)) == [(h.start(1), h.end(1), h.group(1)) for h in NICKNAMED_NAME.finditer(b)] != want_a
    assert list(nicknamed_names(a)) == want_a  # asked again after another text
    assert nicknamed_names("No quotes here, Joaquín Guzmán said.") == ()
