"""A ministry named by its role alone ("the interior ministry") is placed in its
country: by the words before it, by a ministry the article names in full, or by the
country the article is about. Hand-made mentions and a small knowledge base."""

from __future__ import annotations

from kg.bodies import bare_ministries, qualifier_before, role_of
from kg.kb.base import KBEntry, KnowledgeBase
from kg.link import Linker
from kg.types import Article, Mention


def kb() -> KnowledgeBase:
    def ministry(kb_id: str, label: str, aliases: list[str], country: str) -> KBEntry:
        return KBEntry(kb_id, "Organization", label, aliases, ["GovernmentBody"], country=country)

    return KnowledgeBase(
        [
            KBEntry("gn/2328926", "Place", "Nigeria", [], ["Country"], country="NG", origin="geonames", population=190_000_000),
            KBEntry("gn/2453866", "Place", "Mali", [], ["Country"], country="ML", origin="geonames", population=17_000_000),
            KBEntry("gn/2017370", "Place", "Russia", [], ["Country"], country="RU", origin="geonames", population=140_000_000),
            KBEntry("gn/2332459", "Place", "Lagos", [], ["City"], country="NG", origin="geonames", population=9_000_000),
            ministry("ministry-of-interior-nigeria", "Ministry of Interior (Nigeria)", ["Nigerian Interior Ministry"], "NG"),
            ministry("ministry-of-defence-nigeria", "Ministry of Defence (Nigeria)", ["Nigerian Defence Ministry"], "NG"),
            ministry("ministry-of-health-nigeria", "Ministry of Health (Nigeria)", ["Nigerian Health Ministry"], "NG"),
            ministry("ministry-of-defence-mali", "Ministry of Defence and Veterans Affairs (Mali)", ["Malian Defence Ministry"], "ML"),
            KBEntry("gn/294640", "Place", "Israel", [], ["Country"], country="IL", origin="geonames", population=9_000_000),
            ministry("ministry-of-health-israel", "Ministry of Health (Israel)", ["Israeli Health Ministry"], "IL"),
            ministry("gaza-health-ministry", "Gaza Health Ministry", ["Gaza's Health Ministry"], "PS"),
            ministry("ministry-of-defence-russia", "Ministry of Defence (Russia)", ["Russian Defence Ministry"], "RU"),
        ]
    )


def at(text: str, surface: str, label: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(start, start + len(surface), surface, label, "ner")


def linked_ids(text: str, mentions: list[Mention]) -> dict[str, str | None]:
    out = Linker(kb()).link(Article(text=text, source="t.txt"), mentions)
    return {text[lm.mention.start : lm.mention.end]: lm.entity.kb_id for lm in out}


def test_role_of_knows_the_role_words_and_nothing_more():
    assert role_of("the Defense Ministry") == role_of("Ministry of Defence") == "defence"
    assert role_of("interior ministry") == role_of("Ministry of Home Affairs") == "interior"
    assert role_of("Nigerian Interior Ministry") is None
    assert role_of("Ministry") is None


def test_interior_ministry_in_an_article_about_nigeria_is_nigerias():
    text = "Gunmen attacked a prison in Nigeria on Sunday. Lagos residents fled. The interior ministry said 40 inmates escaped."
    ms = [at(text, "Nigeria", "GPE"), at(text, "Lagos", "GPE")]
    ids = linked_ids(text, ms)
    assert ids["interior ministry"] == "ministry-of-interior-nigeria"


def test_the_words_before_a_ministry_name_its_country():
    text = "In Nigeria, troops pushed north from Lagos. Mali's defence ministry said its army repelled an attack."
    ids = linked_ids(text, [at(text, "Nigeria", "GPE"), at(text, "Lagos", "GPE"), at(text, "Mali", "GPE")])
    # Nigeria leads the article, but "Mali's" names the country of this ministry.
    assert ids["defence ministry"] == "ministry-of-defence-mali"


def test_a_ministry_named_in_full_earlier_places_the_bare_one():
    text = "Nigeria and Russia signed a deal. The Russian Defence Ministry said drones were shot down. Later the Defence Ministry said 12 more fell. Nigeria denied it."
    ms = [at(text, "Nigeria", "GPE"), at(text, "Russia", "GPE"), at(text, "Russian Defence Ministry", "ORG"), at(text, "Defence Ministry", "ORG", 1), at(text, "Nigeria", "GPE", 1)]
    ids = linked_ids(text, ms)
    assert ids["Defence Ministry"] == "ministry-of-defence-russia"


def test_a_ministry_named_in_full_wins_over_the_leading_country():
    text = "Israel struck Gaza overnight. Gaza's Health Ministry said 20 people died. Israel said it hit militants. The Health Ministry said more bodies were found."
    ms = [at(text, "Israel", "GPE"), at(text, "Gaza's Health Ministry", "ORG"), at(text, "Israel", "GPE", 1), at(text, "Health Ministry", "ORG", 1)]
    ids = linked_ids(text, ms)
    # Israel leads the article, but its ministry is not the one the article quotes.
    assert ids["Health Ministry"] == "gaza-health-ministry"


def test_no_country_ministry_known_leaves_a_lower_case_ministry_out():
    text = "Officials in Mali said the health ministry sent doctors."
    ids = linked_ids(text, [at(text, "Mali", "GPE")])
    assert "health ministry" not in ids  # Mali has no health ministry in this knowledge base


def test_a_sub_national_qualifier_is_not_the_country():
    text = "Fighting in Nigeria continued. Borno State's health ministry said 12 people died in Nigeria."
    ids = linked_ids(text, [at(text, "Nigeria", "GPE"), at(text, "Nigeria", "GPE", 1)])
    assert "health ministry" not in ids


def test_bare_ministries_skip_spans_already_found():
    text = "The Russian Defence Ministry and the foreign ministry spoke."
    found = bare_ministries(text, [at(text, "Russian Defence Ministry", "ORG")])
    assert [m.text for m in found] == ["foreign ministry"]
    assert qualifier_before("The health ministry", 4) is None
    assert qualifier_before("Nigeria's health ministry", 10) == "Nigeria"
