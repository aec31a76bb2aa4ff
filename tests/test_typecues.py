"""Cues for typing unknown names (kg/typecues.py), weighed by kg/nametype.py, on texts written here."""

from __future__ import annotations

from kg.kb.base import geonames_alternates
from kg.nametype import junk_reason, local_decisions
from kg.types import Mention


def at(text: str, surface: str, label: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(start, start + len(surface), surface, label, "ner")


def types(text: str, spans: list[tuple[str, str]]) -> list[str | None]:
    ms = [at(text, s, label) for s, label in spans]
    ds = local_decisions(ms, text)
    return [ds[id(m)].type for m in ms]


def test_a_wire_storys_credit_line_names_people():
    text = "Five were killed.\n(Reporting by Tamsin Oduya; Writing by Pell Varga; Editing by Rahul Nadkarni and Joan Ellery)"
    spans = [("Tamsin Oduya", "ORG"), ("Pell Varga", "ORG"), ("Rahul Nadkarni", "ORG"), ("Joan Ellery", "ORG")]
    assert types(text, spans) == ["Person"] * 4


def test_a_place_known_as_is_a_place():
    assert types("We had an attack at a place known as Kotubi, and six died.", [("Kotubi", "PERSON")]) == ["Place"]
    assert types("We had an attack by a man known as Kotubi.", [("Kotubi", "PERSON")]) == ["Person"]


def test_a_capitalised_title_clause_and_a_comma_before_a_name():
    text = "Inspector General of Police Northern Range, Ravi Mehrotra said three gunmen fired."
    assert types(text, [("Ravi Mehrotra", "ORG")]) == ["Person"]
    # a clause that is no title's leaves the model's label alone
    text = "Armed Forces of the North, Ravi Mehrotra Group said"
    assert types(text, [("Ravi Mehrotra Group", "ORG")]) == ["Organization"]


def test_a_name_between_commas_after_a_plural_noun_for_people():
    text = "The group said one of the victims, Lalneih, was shot inside a church."
    assert types(text, [("Lalneih", "ORG")]) == ["Person"]


def test_a_local_units_word_before_a_name():
    text = "A bomb exploded in tambon Sai Thong in the district, and in barangay Pulo."
    assert types(text, [("Sai Thong", "PERSON"), ("Pulo", "PERSON")]) == ["Place", "Place"]


def test_a_word_of_capitals_and_digits_is_a_brand():
    text = "the others were taken to hospital, reported NewsNet24."
    assert types(text, [("NewsNet24", "GPE")]) == ["Organization"]


def test_a_title_prefect_before_a_name():
    text = "the region's deputy prefect Ahmat Souleyman told reporters."
    assert types(text, [("Ahmat Souleyman", "ORG")]) == ["Person"]


def test_the_first_words_of_a_posts_name_and_a_compound_person_are_junk():
    text = "ignored the talks convened by the Union Home Minister Rajiv Menon."
    assert junk_reason(at(text, "Union Home", "GPE"), text) is not None
    text = "Sunil Rao, DIG Anti-Naxal Operation told reporters."
    assert junk_reason(at(text, "Anti-Naxal Operation", "PERSON"), text) is not None
    assert junk_reason(at("The Union Home was shelled.", "Union Home", "GPE"), "The Union Home was shelled.") is None


def test_geonames_romanisations_are_no_aliases():
    place = {"name": "Nabatiye", "alternatenames": ["Nabatieh", "alnbtyt", "Lebanese"]}
    assert geonames_alternates(place) == ["Nabatieh"]


def test_a_title_clause_gives_no_one_word_place_a_persons_type():
    text = "General Staff of the Armed Forces, Tolmar said it repelled the attack."
    assert types(text, [("Tolmar", "GPE")]) == ["Place"]


def test_a_bare_posts_noun_after_the_comma_makes_the_name_its_holder():
    text = "Six died, according to Tamo Gelindu, head of the Walendu chiefdom, on Monday."
    assert types(text, [("Tamo Gelindu", "ORG")]) == ["Person"]
    # a place's comma and a noun that is no post's leave the label alone
    text = "Fighting reached Kaluba Hills, capital of the province."
    assert types(text, [("Kaluba Hills", "GPE")]) == ["Place"]


def test_a_misspelt_weekday_is_no_name():
    from kg.typecues import misspelt_weekday

    assert misspelt_weekday("Thurdsay") and misspelt_weekday("Wednsday") and misspelt_weekday("Fridday")
    assert not misspelt_weekday("Thursday") and not misspelt_weekday("Sundar") and not misspelt_weekday("Frida")
    text = "The parliament on Thurdsay accused the government."
    assert junk_reason(at(text, "Thurdsay", "ORG"), text) is not None


def test_a_days_name_and_a_laws_word_are_no_names():
    text = "She told a rally on Armed Forces Day that the rule of Sharia law was over."
    assert junk_reason(at(text, "Armed Forces Day", "ORG"), text) is not None
    assert junk_reason(at(text, "Sharia", "ORG"), text) is not None
    text = "The Kanda law enforcement agencies said."
    assert junk_reason(at(text, "Kanda", "GPE"), text) is None


def test_a_military_operations_name_is_an_organisations():
    text = "troops of Operation Kanda Daji repelled the attack"
    assert types(text, [("Operation Kanda Daji", "FAC")]) == ["Organization"]


def test_memoised_name_cues_give_the_same_answers_and_fresh_lists():
    """name_evidence and misspelt_weekday are memoised per name: asked again they answer as
    the first time, and a caller that changes the list it got changes nothing for the next."""
    from kg.nametype import _name_evidence, name_evidence
    from kg.typecues import misspelt_weekday

    _name_evidence.cache_clear()
    misspelt_weekday.cache_clear()
    first = name_evidence("Kharkiv Regional Military Administration")
    assert first and name_evidence("Kharkiv Regional Military Administration") == first
    first.clear()
    assert name_evidence("Kharkiv Regional Military Administration") != []
    assert [misspelt_weekday(w) for w in ("Thurdsay", "Thurdsay", "Thursday", "Ahmadi")] == [True, True, False, False]
    assert misspelt_weekday.cache_info().hits >= 1 and _name_evidence.cache_info().hits >= 2


def test_a_newspapers_head_word_makes_an_outlet():
    text = "The Harbour Tribune and the Valley Courier said Marta Quell was hurt."
    spans = [("Harbour Tribune", "PERSON"), ("Valley Courier", "PERSON"), ("Marta Quell", "PERSON")]
    assert types(text, spans) == ["Organization", "Organization", "Person"]
