"""The curated knowledge base as a whole: every row valid, no name that two rows of
one type share (a name two entities answer to links neither reliably), no alias that
is a plain word, and for every country in conflict the bodies news names it by."""

from __future__ import annotations

from collections import defaultdict

import pytest

from kg.bodies import ROLE_FORMS
from kg.kb.base import fold
from kg.kb.build import CURATED_FILES, DATA, entry_from_record, read_records
from kg.link import Linker
from kg.names import GENERIC_WORDS, is_group_word
from kg.recognise import recognise
from kg.types import Article, Mention

# Names two curated rows share on purpose: the Sahel as a whole and Burkina Faso's
# Sahel Region (the linker's country context and place cues choose between them).
SHARED_ON_PURPOSE = {("Place", "sahel region")}

# Countries in active or recent armed conflict, or party to one (ISO code, name in text).
CONFLICT_COUNTRIES = [
    ("UA", "Ukraine"), ("RU", "Russia"), ("IL", "Israel"), ("LB", "Lebanon"), ("SY", "Syria"), ("IR", "Iran"),
    ("IQ", "Iraq"), ("YE", "Yemen"), ("SA", "Saudi Arabia"), ("SD", "Sudan"), ("SS", "South Sudan"), ("ET", "Ethiopia"),
    ("SO", "Somalia"), ("KE", "Kenya"), ("CD", "Democratic Republic of the Congo"), ("RW", "Rwanda"), ("UG", "Uganda"),
    ("NG", "Nigeria"), ("NE", "Niger"), ("ML", "Mali"), ("BF", "Burkina Faso"), ("TD", "Chad"), ("CM", "Cameroon"),
    ("MZ", "Mozambique"), ("LY", "Libya"), ("EG", "Egypt"), ("AF", "Afghanistan"), ("PK", "Pakistan"), ("IN", "India"),
    ("MM", "Myanmar"), ("PH", "Philippines"), ("CO", "Colombia"), ("MX", "Mexico"), ("HT", "Haiti"), ("VE", "Venezuela"),
    ("AM", "Armenia"), ("AZ", "Azerbaijan"), ("TR", "Turkey"), ("FR", "France"), ("DE", "Germany"), ("CN", "China"),
    ("KP", "North Korea"), ("KR", "South Korea"), ("TW", "Taiwan"),
]  # fmt: skip


def curated():
    for name in CURATED_FILES:
        for rec, source in read_records(DATA / name):
            yield entry_from_record(rec, source), source


def test_every_curated_row_passes_field_validation():
    # entry_from_record raises KnowledgeBaseError on any bad field; ids are unique.
    ids = [e.id for e, _ in curated()]
    assert len(ids) == len(set(ids)) > 2500


def test_no_two_rows_of_one_type_answer_to_the_same_name():
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for e, _ in curated():
        for name in (e.label, *e.aliases):
            owners[(e.type, fold(name))].add(e.id)
    shared = {k: sorted(v) for k, v in owners.items() if len(v) > 1 and k not in SHARED_ON_PURPOSE}
    assert not shared


def test_each_web_domain_names_one_outlet():
    owner: dict[str, str] = {}
    for e, source in curated():
        for d in e.domains:
            assert d not in owner, f"{source}: {d} already belongs to {owner[d]}"
            owner[d] = e.id


def test_no_alias_is_a_plain_word_or_a_peoples_name():
    for e, source in curated():
        if e.type not in ("Person", "Organization"):
            continue
        for name in (e.label, *e.aliases):
            words = name.split()
            assert not (len(words) == 1 and (name.lower() in GENERIC_WORDS or is_group_word(name))), f"{source}: {name!r}"


def _bare_ministry_link(kb, country: str, form: str) -> str | None:
    """The country the linker places a ministry named by role alone in, for an
    article about ``country``."""
    text = f"Fighting in {country} went on. Officials in {country} spoke. The {form} said on Monday that 12 people died."
    ms = [Mention(text.index(country), text.index(country) + len(country), country, "GPE", "ner")]
    second = text.index(country, ms[0].end)
    ms.append(Mention(second, second + len(country), country, "GPE", "ner"))
    out = Linker(kb).link(Article(text=text, source="t.txt"), ms)
    hits = [lm.entity for lm in out if lm.mention.text.lower() == form.lower()]
    if not hits or hits[0].kb_id is None:
        return None
    return kb.get(hits[0].kb_id).country


@pytest.mark.parametrize(("iso", "country"), CONFLICT_COUNTRIES)
def test_each_conflict_countrys_ministries_are_found_from_the_article_country(kb, iso, country):
    missing = [role for role in ROLE_FORMS if _bare_ministry_link(kb, country, ROLE_FORMS[role][0].lower()) != iso]
    assert not missing, f"{country}: no {', '.join(missing)} ministry found for 'the ... ministry'"


@pytest.mark.parametrize(("iso", "country"), CONFLICT_COUNTRIES)
def test_each_conflict_country_has_its_leaders_and_forces(iso, country):
    people = [e for e, _ in curated() if e.type == "Person" and e.country == iso]
    forces = [e for e, _ in curated() if e.type == "Organization" and e.country == iso and "MilitaryUnit" in e.classes]
    assert people and forces, country


def test_a_worn_explosive_is_the_explosive_belt_weapon_type(kb, nlp):
    text = "The attacker detonated a suicide vest at the checkpoint. Another wore an explosive vest; police found two explosive belts."
    [(art, mentions, _)] = list(recognise(nlp, [Article(text=text, source="t.txt")]))
    linked = Linker(kb).link(art, mentions)
    got = [(lm.mention.text, lm.entity.kb_id) for lm in linked if lm.entity.type == "Weapon"]
    assert got == [("suicide vest", "weapon-type-explosive-belt"), ("explosive vest", "weapon-type-explosive-belt"), ("explosive belts", "weapon-type-explosive-belt")]
