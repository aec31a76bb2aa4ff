"""The one definition of a dateline, and its two uses: stripping one off a sentence and
finding the place of one the model missed."""

import pytest

from kg.datelines import DATELINE_PLACE, DATELINE_RE


@pytest.mark.parametrize(
    "sentence, stripped",
    [
        ("KYIV, Ukraine (CNN) — Russian drones struck a depot.", "KYIV, Ukraine (CNN) — "),
        ("KANO: Gunmen killed four traders.", "KANO: "),
        ("Sidon (Lebanon): A strike hit a car.", "Sidon (Lebanon): "),
        ("Karachi, Jan 9 (PTI) Two policemen were shot.", "Karachi, Jan 9 (PTI) "),
        ("Kampala [Uganda], May 14 (ANI/Xinhua): Nine people died.", "Kampala [Uganda], May 14 (ANI/Xinhua): "),
    ],
)
def test_a_dateline_is_stripped_off_the_sentence_it_opens(sentence, stripped):
    hit = DATELINE_RE.match(sentence)
    assert hit is not None and hit.group(0) == stripped


def test_a_sentence_that_opens_with_a_name_is_no_dateline():
    assert DATELINE_RE.match("Boko Haram fighters attacked Gwoza on Monday.") is None


def test_the_place_finder_wants_a_bracketed_country_or_a_day():
    text = "Headline\n\nMayom [South Sudan], March 3 - Gunmen attacked.\nKANO (AFP) — Later.\nDoro, May 4 (AFP) Also."
    assert [hit.group(1) for hit in DATELINE_PLACE.finditer(text)] == ["Mayom", "Doro"]
