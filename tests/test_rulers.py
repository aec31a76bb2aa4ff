"""A ruler's style: "King X" and "X II of Country" are not surnames of a country."""

from __future__ import annotations

from conftest import mention

from kg.kb.base import KBEntry, KnowledgeBase, last_name, ruler_styled
from kg.link import Linker
from kg.types import Article


def kb() -> KnowledgeBase:
    # Invented people and countries.
    return KnowledgeBase(
        [
            KBEntry("gn/1", "Place", "Velmora", [], ["Country"], country="VM", origin="geonames", population=5_000_000),
            KBEntry("tarik-ii-of-velmora", "Person", "Tarik II of Velmora", ["King Tarik II"], ["Politician"], country="VM"),
            KBEntry("hamid-tarik", "Person", "Hamid Tarik", [], ["Politician"], country="QQ"),
            KBEntry("prince-osman-tarik", "Person", "Osman bin Tarik", ["Prince Osman bin Tarik"], ["Politician"], country="VM"),
        ]
    )


def link(text: str, spans):
    return Linker(kb()).link(Article(text=text, source="t.txt"), [mention(text, s, label, nth) for s, label, nth in spans])


def test_last_name_of_a_reign_is_the_given_name_never_the_country():
    assert last_name(["tarik", "ii", "of", "velmora"]) == "tarik"
    assert last_name(["king", "tarik", "ii"]) == "tarik"
    assert last_name(["hamid", "tarik"]) == "tarik"
    assert last_name(["tarik"]) is None
    assert last_name(["john", "smith", "jr"]) == "smith"


def test_the_country_of_a_style_is_no_surname():
    k = kb()
    assert [e.id for e in k.by_surname("Velmora")] == []
    assert {e.id for e in k.by_surname("Tarik")} == {"tarik-ii-of-velmora", "hamid-tarik", "prince-osman-tarik"}


def test_ruler_style_is_read_from_the_names():
    k = kb()
    king, minister, prince = (k.entries[i] for i in ("tarik-ii-of-velmora", "hamid-tarik", "prince-osman-tarik"))
    assert ruler_styled(king, "king") and not ruler_styled(minister, "king") and not ruler_styled(prince, "king")
    assert ruler_styled(prince, "prince") and not ruler_styled(king, "prince")


def test_a_title_picks_the_ruler_among_people_of_the_name():
    text = "King Tarik met Hamid Tarik in the capital. Tarik said nothing."
    linked = link(text, [("Tarik", "PERSON", 0), ("Hamid Tarik", "PERSON", 0)])
    by_start = {lm.mention.start: lm.entity.kb_id for lm in linked}
    assert by_start[text.index("Tarik")] == "tarik-ii-of-velmora"
    assert by_start[text.index("Hamid")] == "hamid-tarik"


def test_without_a_title_the_bare_name_is_not_the_king():
    text = "Officials met Tarik in the capital."
    linked = link(text, [("Tarik", "PERSON", 0)])
    assert all(lm.entity.kb_id != "tarik-ii-of-velmora" for lm in linked)


def test_a_country_named_alone_is_not_its_king():
    text = "Velmora says it will respond."
    linked = link(text, [("Velmora", "PERSON", 0)])
    assert all(lm.entity.kb_id != "tarik-ii-of-velmora" for lm in linked)
