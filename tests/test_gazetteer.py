"""The gazetteer: small places and ISO 3166-2 areas, linked only when the article backs them.

Every town here is written by the tests (a small gazetteer built in a temporary folder),
so no test depends on which villages GeoNames happens to list.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from kg.emit import kb_entry_quads
from kg.kb.base import KBEntry, KnowledgeBase
from kg.kb.gazetteer import Gazetteer, build_gazetteer, in_comma, place_key
from kg.link import Linker
from kg.types import Article, Mention
from kg.vocab import KG


def town(gid: int, name: str, cc: str, pop: int = 2_000, admin1: str = "01", alt: list[str] | None = None) -> dict:
    return {"geonameid": gid, "name": name, "countrycode": cc, "admin1code": admin1, "population": pop,
            "latitude": 14.0, "longitude": -4.0, "alternatenames": alt or []}


TOWNS = [
    town(900001, "Wulundi", "ML", 3_000),
    town(900002, "Wulundi", "FR", 900),
    town(900003, "Tessaram", "FR", 700),
    # A seat of Mali's Kayes region (ISO ML-1), and a village of the same admin1 area.
    town(900004, "Kayes", "ML", 120_000, admin1="03"),
    town(900005, "Sadiola", "ML", 5_000, admin1="03"),
    town(900006, "Bandiagara", "ML", 10_000, admin1="07"),
    # Two villages of one name in one country, and a town far bigger than its namesake.
    town(900007, "Dounde", "ML", 1_200, admin1="07"),
    town(900008, "Dounde", "ML", 900, admin1="05"),
    town(900009, "Koro", "ML", 60_000, admin1="07"),
    town(900010, "Koro", "ML", 600, admin1="05"),
]


def base_kb() -> KnowledgeBase:
    return KnowledgeBase(
        [
            KBEntry("gn/2453866", "Place", "Mali", [], ["Country"], country="ML", origin="geonames", population=12_000_000),
            KBEntry("gn/3017382", "Place", "France", [], ["Country"], country="FR", origin="geonames", population=64_000_000),
            KBEntry("gn/163843", "Place", "Syria", [], ["Country"], country="SY", origin="geonames", population=22_000_000),
            KBEntry("qasr-al-dhahab", "Place", "Qasr al-Dhahab", [], ["Settlement"], country="SY", part_of="gn/163843"),
        ]
    )


@pytest.fixture(scope="module")
def gkb(tmp_path_factory) -> KnowledgeBase:
    kb = base_kb()
    path = tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite"
    build_gazetteer(kb, path, towns=TOWNS)
    kb.gazetteer = Gazetteer(path)
    return kb


def linked(kb: KnowledgeBase, text: str, spans: list[tuple[str, str]]):
    ms = []
    for surface, label in spans:
        start = text.index(surface)
        ms.append(Mention(start, start + len(surface), surface, label, "ner"))
    return {lm.mention.text: lm.entity for lm in Linker(kb).link(Article(text=text, source="t.txt"), ms)}


@pytest.mark.parametrize(
    "a, b",
    [
        ("al-Mansura", "Mansoura"),  # al- prefix, ou/u
        ("Deir el-Balah", "Dayr al Balah"),  # el-/al-, ei/ay
        ("Dhamar", "Damar"),  # dh/d
        ("Qalat", "Kalat"),  # q/k
        ("Ramadiyah", "Ramadiya"),  # -iy-
        ("Djenne", "Jenne"),  # dj/j, double letters
        ("Zhytomyr", "Jytomyr"),  # zh/j
        ("ash-Shaddadi", "Shadadi"),  # ash- prefix, double letters
    ],
)
def test_transliterations_share_a_place_key(a, b):
    assert place_key(a) == place_key(b)


def test_different_places_keep_different_keys():
    assert place_key("Kidal") != place_key("Kayes")
    assert place_key("Gao") != place_key("Gaza")


def test_a_small_town_resolves_by_the_countries_the_article_names(gkb):
    text = "Gunmen attacked Wulundi on Sunday, officials in Mali said."
    ents = linked(gkb, text, [("Wulundi", "GPE"), ("Mali", "GPE")])
    assert ents["Wulundi"].kb_id == "gn/900001"
    text = "Storms hit Wulundi on Sunday, officials in France said."
    ents = linked(gkb, text, [("Wulundi", "GPE"), ("France", "GPE")])
    assert ents["Wulundi"].kb_id == "gn/900002"


def test_a_small_town_without_country_or_cue_is_not_linked(gkb):
    ents = linked(gkb, "Rain fell on Tessaram all day.", [("Tessaram", "GPE")])
    assert ents["Tessaram"].kb_id is None and ents["Tessaram"].type == "Place"


def test_a_name_the_model_calls_a_person_does_not_become_a_village(gkb):
    ents = linked(gkb, "Tessaram told reporters in France that talks failed.", [("Tessaram", "PERSON"), ("France", "GPE")])
    assert ents["Tessaram"].kb_id is None and ents["Tessaram"].type == "Person"


def test_an_organisation_by_a_towns_name_in_the_articles_main_country_is_the_town(gkb):
    text = "Tessaram gunmen attacked troops, officials in France said."
    assert linked(gkb, text, [("Tessaram", "ORG"), ("France", "GPE")])["Tessaram"].kb_id == "gn/900003"
    # Not when the article is about another country, nor when the name says "organisation".
    text = "Troops clashed with gunmen of Tessaram, officials in Mali said."
    ents = linked(gkb, text, [("Tessaram", "ORG"), ("Mali", "GPE")])
    assert ents["Tessaram"].kb_id is None and ents["Tessaram"].type == "Organization"
    text = "The Tessaram Brigade fought on, officials in France said."
    ents = linked(gkb, text, [("Tessaram Brigade", "ORG"), ("France", "GPE")])
    assert ents["Tessaram Brigade"].kb_id is None and ents["Tessaram Brigade"].type == "Organization"


def test_a_place_cue_links_a_town_of_a_single_country(gkb):
    ents = linked(gkb, "Shells fell on the village of Tessaram overnight.", [("Tessaram", "GPE")])
    assert ents["Tessaram"].kb_id == "gn/900003"


def test_a_cue_does_not_link_a_town_of_another_country_than_the_articles(gkb):
    ents = linked(gkb, "Shells fell on the village of Tessaram in Mali.", [("Tessaram", "GPE"), ("Mali", "GPE")])
    assert ents["Tessaram"].kb_id is None


def test_an_ambiguous_name_with_a_cue_but_no_country_stays_unlinked(gkb):
    ents = linked(gkb, "Shells fell on the village of Wulundi overnight.", [("Wulundi", "GPE")])
    assert ents["Wulundi"].kb_id is None


def test_two_villages_of_one_name_in_the_articles_country_stay_unlinked(gkb):
    ents = linked(gkb, "Gunmen attacked the village of Dounde in Mali.", [("Dounde", "GPE"), ("Mali", "GPE")])
    assert ents["Dounde"].kb_id is None and ents["Dounde"].type == "Place"
    ents = linked(gkb, "Gunmen attacked Koro in Mali.", [("Koro", "GPE"), ("Mali", "GPE")])
    assert ents["Koro"].kb_id == "gn/900009"


def test_the_region_the_article_names_tells_two_villages_apart(gkb):
    text = "Gunmen attacked Dounde, a village in the Kayes region of Mali."
    s = text.index("Kayes region")
    ms = [Mention(text.index("Dounde"), text.index("Dounde") + 6, "Dounde", "GPE", "ner"),
          Mention(s, s + 5, "Kayes", "GPE", "ner", "kayes region"), Mention(text.index("Mali"), text.index("Mali") + 4, "Mali", "GPE", "ner")]
    out = {lm.mention.text: lm.entity.kb_id for lm in Linker(gkb).link(Article(text=text, source="t.txt"), ms)}
    assert out["Kayes"] == "iso/ml-1"
    # gn/900008 has admin1 05, which no subdivision claims here; gn/900007 (07) neither:
    # both in Mali only, so still unlinked -- the region must hold exactly one of them.
    assert out["Dounde"] is None


def test_curated_regions_take_their_towns_too(tmp_path):
    kb = base_kb()
    kb.add(KBEntry("bandiagara-cercle", "Place", "Bandiagara Region", [], ["Region"], country="ML", part_of="gn/2453866"))
    path = tmp_path / "g.sqlite"
    build_gazetteer(kb, path, towns=TOWNS, subdivisions=False)
    gaz = Gazetteer(path)
    assert gaz.get("gn/900007").part_of == "bandiagara-cercle"  # admin1 07, the seat Bandiagara's
    assert gaz.get("gn/900008").part_of == "gn/2453866"
    kb.gazetteer = gaz
    text = "Gunmen attacked Dounde in the Bandiagara Region, Mali."
    ents = linked(kb, text, [("Dounde", "GPE"), ("Bandiagara Region", "GPE"), ("Mali", "GPE")])
    assert ents["Bandiagara Region"].kb_id == "bandiagara-cercle"
    assert ents["Dounde"].kb_id == "gn/900007"


def test_one_sense_per_article_for_gazetteer_places(gkb):
    text = "Shells fell on the village of Tessaram. Later Tessaram was calm."
    s1 = text.index("Tessaram")
    s2 = text.index("Tessaram", s1 + 1)
    ms = [Mention(s1, s1 + 8, "Tessaram", "GPE", "ner"), Mention(s2, s2 + 8, "Tessaram", "ORG", "ner")]
    out = Linker(gkb).link(Article(text=text, source="t.txt"), ms)
    assert [lm.entity.kb_id for lm in out] == ["gn/900003", "gn/900003"]


def test_towns_lie_in_their_region_and_the_region_in_its_country(gkb):
    village = gkb.get("gn/900005")
    assert village is not None and village.classes == ["Settlement"]
    assert village.part_of == "iso/ml-1"
    region = gkb.get("iso/ml-1")
    assert region is not None and region.country == "ML" and "Region" in region.classes
    assert region.part_of == "gn/2453866"
    # An admin1 area no subdivision is named after stays in its country only.
    assert gkb.get("gn/900006").part_of in ("gn/2453866", "iso/ml-5")
    quads = list(kb_entry_quads(village, gkb, None))
    assert any(q.predicate.value == KG + "partOf" and q.object.value.endswith("/entity/iso/ml-1") for q in quads)


def test_an_area_named_with_its_kind_links_to_the_iso_subdivision(gkb):
    text = "Jihadists attacked a convoy in the Kayes region on Monday."
    ents = linked(gkb, text, [("Kayes", "GPE")])
    assert ents["Kayes"].kb_id == "iso/ml-1"
    ents = linked(gkb, "Clashes erupted in Kayes Region.", [("Kayes Region", "GPE")])
    assert ents["Kayes Region"].kb_id == "iso/ml-1"


def test_a_transliteration_of_a_known_place_links_with_country_context(gkb):
    text = "Jets struck Kasr el-Dahab, a monitor in Syria said."
    ents = linked(gkb, text, [("Kasr el-Dahab", "GPE"), ("Syria", "GPE")])
    assert ents["Kasr el-Dahab"].kb_id == "qasr-al-dhahab"
    ents = linked(gkb, "Jets struck Kasr el-Dahab today.", [("Kasr el-Dahab", "GPE")])
    assert ents["Kasr el-Dahab"].kb_id is None


def test_in_x_comma_is_a_place_cue():
    text = "Fighting in Sadiola, the army said."
    s = text.index("Sadiola")
    assert in_comma(text, s, s + 7)
    assert not in_comma(text, 0, 8)


def test_a_missing_gazetteer_file_in_a_read_only_place_links_nothing(tmp_path):
    gaz = Gazetteer(tmp_path / "absent" / "g.sqlite")
    assert gaz.lookup("Wulundi") == [] and gaz.get("gn/900001") is None


def test_ingest_and_the_cli_do_not_import_networkx_rdflib_or_pyshacl():
    code = "import sys, kg.cli, kg.ingest; print(sorted(m for m in ('networkx', 'rdflib', 'pyshacl') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


def test_attacks_in_a_region_take_in_its_gazetteer_towns(tmp_path, ingest_into):
    """End to end, on the real gazetteer: a village of Mali's Kayes region (GeoNames'
    cities500, admin1 code of Kayes) is linked, lies in the ISO region, and the shipped
    ``attacks`` query for the region or the country finds the attack there."""
    from kg import query as kq
    from kg.store import open_store

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "Gunmen kill five in Mali village\n\nBAMAKO, May 3, 2024 -- Gunmen attacked the village of Kokofata in western Mali "
        "on Friday, killing five civilians, local officials said.\n",
        encoding="utf-8",
    )
    ingest_into(tmp_path / "store", [tmp_path / "in"])
    store = open_store(tmp_path / "store")
    village = store.query(
        "SELECT ?e ?r WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> 'Kokofata'@en ; <https://w3id.org/newskg/ontology#partOf> ?r }",
        use_default_graph_as_union=True,
    )
    rows = [(s["e"].value, s["r"].value) for s in village]
    assert rows and rows[0][0].endswith("/entity/gn/2455055") and rows[0][1].endswith("/entity/iso/ml-1")
    for place in ("entity/iso/ml-1", "Kayes region", "Mali"):
        result = kq.run(store, kq.load("attacks"), {"place": place}, folder=tmp_path / "store")
        locations = {str(r[result.variables.index("location")]) for r in result.rows}
        assert any("Kokofata" in loc for loc in locations), (place, locations)


def test_the_gazetteer_is_built_on_first_look_up_and_replaces_a_stale_one(tmp_path, monkeypatch):
    from kg.kb import build as kb_build
    from kg.kb import gazetteer as gazmod

    monkeypatch.setenv("KG_CACHE", str(tmp_path))
    stale = tmp_path / "gazetteer-0000000000000000.sqlite"
    stale.write_bytes(b"old sources")
    real = gazmod.build_gazetteer
    monkeypatch.setattr(gazmod, "build_gazetteer", lambda kb, path: real(kb, path, towns=TOWNS, subdivisions=False))
    kb = kb_build.attach_gazetteer(base_kb())
    assert not kb.gazetteer.path.exists()  # attaching costs nothing
    assert [h.entry.id for h in kb.gazetteer.lookup("Tessaram")] == ["gn/900003"]
    assert kb.gazetteer.path.exists() and not stale.exists()
    assert "gn/900003" in kb and kb.get("gn/900003").label == "Tessaram"


def test_the_places_own_name_elsewhere_in_the_article_is_that_place(tmp_path):
    # "Norte de Santander province" links to the subdivision; "Norte de Santander" alone,
    # which the model took for an organisation, is that place too, not a body of that name.
    colombia = KBEntry("gn/3686110", "Place", "Colombia", [], ["Country"], country="CO", origin="geonames", population=47_000_000)
    kb = KnowledgeBase([*base_kb().entries.values(), colombia])
    build_gazetteer(kb, tmp_path / "gazetteer.sqlite", towns=[])
    kb.gazetteer = Gazetteer(tmp_path / "gazetteer.sqlite")
    text = "A bomb exploded in Colombia's Norte de Santander province. It was a cowardly strike on our soldiers in Norte de Santander."
    last = text.rindex("Norte de Santander")
    ms = [Mention(19, 27, "Colombia", "GPE"), Mention(30, 57, "Norte de Santander province", "GPE"), Mention(last, last + 18, "Norte de Santander", "ORG")]
    ents = {lm.mention.start: lm.entity for lm in Linker(kb).link(Article(text=text, source="t.txt"), ms)}
    assert ents[30].kb_id == "iso/co-nsa"
    assert ents[last].kb_id == "iso/co-nsa" and ents[last].type == "Place"


def test_a_long_name_only_one_region_has_needs_no_country_context():
    from kg.kb.gazetteer import Hit, choose

    region = KBEntry("iso/xx-9", "Place", "Varnagarh", [], ["Region"], country="XX")
    town = KBEntry("gn/1", "Place", "Varnagarh", [], ["City"], country="XX")
    short = KBEntry("iso/xx-8", "Place", "Vorn", [], ["Region"], country="XX")
    assert choose([Hit(region, False, False)], {}, False)[0] is region
    assert choose([Hit(region, False, False), Hit(town, False, False)], {}, False) is None  # which one?
    assert choose([Hit(short, False, False)], {}, False) is None  # a short name may be a word
