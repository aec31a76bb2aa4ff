"""Aliases the article gives (kg/aliases.py): "X, also known as Y", "X (Y)", "Y, as X is
known" are one entity with both names, on texts written here."""

from __future__ import annotations

from conftest import mention

from kg.aliases import alias_pairs
from kg.kb.base import KBEntry, KnowledgeBase
from kg.link import Linker
from kg.types import Article


def _items(text: str, spec: list[tuple[str, str, str | None]]):
    out, at = [], 0
    for surface, type_, kb in spec:
        start = text.index(surface, at)
        at = start + len(surface)
        out.append((start, at, type_, kb))
    return out


def test_the_ways_news_says_two_names_are_one():
    text = "Musa Kalli, also known as Abu Dawud, fled. The Kerbalo Front, known locally as Jund al-Sahil, struck. Ahmed Barre (Abu Talha) hid."
    spec = [("Musa Kalli", "Person", None), ("Abu Dawud", "Person", None), ("Kerbalo Front", "Organization", None), ("Jund al-Sahil", "Organization", None), ("Ahmed Barre", "Person", None), ("Abu Talha", "Person", None)]
    assert alias_pairs(_items(text, spec), text) == {1: 0, 3: 2, 5: 4}
    later = "Fighters of the Sahel Brigade, as Jund al-Sahil is known, fled."
    assert alias_pairs(_items(later, [("Sahel Brigade", "Organization", None), ("Jund al-Sahil", "Organization", None)]), later) == {1: 0}


def test_brackets_that_hold_a_place_or_a_body_are_no_alias():
    text = "Jane Roe (Reuters) reported from Kerbalo (Dovani district); the Kerbalo Front (KF) denied it. Musa Kalli (Abu Dawud) said."
    spec = [("Jane Roe", "Person", None), ("Reuters", "Organization", "reuters"), ("Kerbalo", "Place", None), ("Dovani district", "Place", None), ("Kerbalo Front", "Organization", None), ("KF", "Organization", None), ("Musa Kalli", "Person", None), ("Abu Dawud", "Person", None)]
    # An unknown acronym after an unknown body's name is its (an acronym the knowledge base knows is read in kg/link.py).
    assert alias_pairs(_items(text, spec), text) == {5: 4, 7: 6}


def test_a_place_and_a_body_are_no_aliases():
    text = "a gang from the Kovri quarter known as the Night Wolves attacked."
    spec = [("Kovri", "Place", None), ("Night Wolves", "Organization", None)]
    assert alias_pairs(_items(text, spec), text) == {}


def test_two_known_entities_are_never_merged_and_an_unknown_name_takes_the_known_one():
    text = "Front A, also known as Front B, and the Kerbalo Front, also called Front C, met."
    spec = [("Front A", "Organization", "a"), ("Front B", "Organization", "b"), ("Kerbalo Front", "Organization", None), ("Front C", "Organization", "c")]
    assert alias_pairs(_items(text, spec), text) == {2: 3}


def test_the_linker_gives_one_entity_both_names_at_every_mention():
    kb = KnowledgeBase([KBEntry("dovani", "Place", "Dovani", [], ["City"], country="ML")])
    text = "Musa Kalli, also known as Abu Dawud, was killed near Dovani. Abu Dawud had led the Kerbalo Front since 2019."
    ms = [mention(text, "Musa Kalli", "PERSON"), mention(text, "Abu Dawud", "PERSON"), mention(text, "Dovani", "GPE"), mention(text, "Abu Dawud", "PERSON", 1), mention(text, "Kerbalo Front", "ORG")]
    linked = Linker(kb).link(Article(text=text, source="t.txt"), ms)
    people = {lm.entity.iri for lm in linked if lm.entity.type == "Person"}
    assert len(people) == 1
    person = next(lm.entity for lm in linked if lm.entity.type == "Person")
    assert {"Musa Kalli", "Abu Dawud"} <= set(person.surfaces)
    assert len({lm.entity.iri for lm in linked}) == 3


def test_an_unknown_acronym_after_an_unknown_bodys_name_is_its_own_in_any_language():
    text = "the Popular Liberation Front (FPL) and Jane Roe (AP) spoke."
    spec = [("Popular Liberation Front", "Organization", None), ("FPL", "Organization", None), ("Jane Roe", "Person", None), ("AP", "Organization", "ap")]
    assert alias_pairs(_items(text, spec), text) == {1: 0}


def test_the_bare_name_of_a_group_whose_dissidents_the_article_is_about_is_them():
    from kg.aliases import join_aliases
    from kg.kb.base import KBEntry
    from kg.resolution import Resolution

    text = "The Kovri Front dissidents attacked. Later the Kovri Front said so."
    kf = KBEntry("kf", "Organization", "Kovri Front", [], ["ArmedGroup"])
    d, b = mention(text, "Kovri Front dissidents", "ORG"), mention(text, "Kovri Front", "ORG", 1)
    resolved = {id(d): Resolution(d, "Organization", None, "kovri front dissidents", d.text, 0.5), id(b): Resolution(b, "Organization", kf, "kovri front", b.text, 0.9)}
    join_aliases(list(resolved.values()), resolved, text)
    assert resolved[id(b)].entry is None and resolved[id(b)].key == "kovri front dissidents"


def test_an_unknown_bodys_name_before_a_known_acronym_takes_it():
    text = "the Group to Defend Kovri (GDK) attacked."
    spec = [("Group to Defend Kovri", "Organization", None), ("GDK", "Organization", "gdk")]
    assert alias_pairs(_items(text, spec), text) == {0: 1}
