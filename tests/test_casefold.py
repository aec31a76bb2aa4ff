"""kg/casefold.py: a folded pattern over folded text finds what the re.I pattern finds."""

from __future__ import annotations

import re

import pytest

from kg.casefold import fold_case, folded
from kg.eventcues import CASUALTY_WORDS, TOTAL_CUES
from kg.eventwords import CLAUSE_BREAK, NOT_ATTACK_BEFORE, TRIGGER_RE

TEXTS = [
    "Russian forces SHELLED the city; an AIRSTRIKE hit Kharkiv, killing 3 and wounding 12.",
    "Two IEDs went off near the Camp — since the outbreak of fighting, 25 people have died.",
    # The letters re.IGNORECASE matches with ASCII ones that lower() alone does not fold.
    "The STRİKE, the strıke and the ſtrike; a drone Kelvin-attacK on 5 March, 1,200 injured.",
    "Ünïcödé ß ẞ ǅ Σ ς words: Attacks were launched at dawn, teachers’ strike notwithstanding.",
]


def spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("pattern", [TRIGGER_RE, CASUALTY_WORDS, TOTAL_CUES, CLAUSE_BREAK, NOT_ATTACK_BEFORE])
@pytest.mark.parametrize("text", TEXTS)
def test_folded_pattern_finds_the_same_spans(pattern, text):
    assert spans(folded(pattern), fold_case(text)) == spans(pattern, text)


def test_fold_case_keeps_every_offset():
    for text in TEXTS:
        low = fold_case(text)
        assert len(low) == len(text)
    assert fold_case("İı ſ K") == "ii s k"


def test_the_special_letters_are_found_as_re_ignorecase_finds_them():
    text = "an ATTACK on a vıllage, a ſtrike, a strİke"
    assert spans(folded(TRIGGER_RE), fold_case(text)) == spans(TRIGGER_RE, text) != []
    assert len(spans(TRIGGER_RE, text)) == 3


def test_patterns_it_cannot_fold_are_refused():
    with pytest.raises(ValueError, match="ignores case"):
        folded(re.compile(r"[Tt]he attack"))  # case-sensitive on purpose
    with pytest.raises(ValueError, match="ignores case"):
        folded(re.compile(r"the (?-i:Attack)", re.I))
    with pytest.raises(ValueError, match="outside ASCII"):
        folded(re.compile(r"frappé", re.I))


def test_group_names_and_escapes_are_kept():
    p = folded(re.compile(r"(?P<Num>\d+)\s+(?P=Num)\W(?:Killed|DEAD)\b", re.I))
    m = p.search(fold_case("12 12 KILLED"))
    assert m is not None and m.group("Num") == "12"


def test_a_lazy_pattern_compiles_on_first_use_and_matches_as_the_compiled_one():
    from kg.casefold import LazyPattern

    source = r"\b(?:at\s+least\s+)?(?P<num>\d+)\s+(?:herders|villagers)\s+(?:were\s+)?killed\b"
    lazy, eager = LazyPattern(source, re.I), re.compile(source, re.I)
    assert lazy._compiled is None  # nothing compiled by building it
    sentence = "In Varnoth, AT LEAST 12 Villagers were KILLED and 3 herders killed."
    assert lazy.search(sentence).group("num") == eager.search(sentence).group("num") == "12"
    assert [m.span() for m in lazy.finditer(sentence, 20)] == [m.span() for m in eager.finditer(sentence, 20)]
    assert lazy.match(sentence, 12).span() == eager.match(sentence, 12).span()
    assert folded(lazy).pattern == folded(eager).pattern
    assert lazy._compiled is not None
