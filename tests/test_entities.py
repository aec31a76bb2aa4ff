"""The entity graph: each entity's facts once, kept exact by ingest, re-ingest and removal."""

from __future__ import annotations

import gc
import shutil

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from conftest import EXTRA_ARTICLES, SEEDS

from kg.cli import cli
from kg.entities import Seen, entity_facts, rebuild
from kg.errors import StoreError
from kg.ingest import Ingester
from kg.store import entity_graph, legacy_kb_graph, migrate, needs_migration, write_articles
from kg.vocab import KG, RDFS, SCHEMA, SKOS

KYIV_URL = "https://example.org/news/2024/03/03/kyiv-drones"
BELGOROD_URL = "https://example.org/news/2024/04/02/belgorod-shelling"
N = ox.NamedNode


def quads(store: ox.Store) -> set[str]:
    return {str(q) for q in store}


def entity_quads(store: ox.Store) -> set[ox.Quad]:
    return set(store.quads_for_pattern(None, None, None, entity_graph()))


def count(store: ox.Store, query: str) -> int:
    q = f"PREFIX schema: <https://schema.org/> PREFIX kg: <{KG}> " + query
    return int(next(iter(store.query(q, use_default_graph_as_union=True)))["n"].value)


@pytest.fixture
def ingester(tmp_path, kb, nlp):
    """An Ingester on a fresh store, sharing the session's pipeline."""
    made = []

    def make(name: str = "store") -> Ingester:
        made.append(Ingester(tmp_path / name, kb=kb, nlp=nlp))
        return made[-1]

    yield make
    made.clear()
    gc.collect()


@pytest.fixture
def articles(tmp_path, extra_articles):
    """The two extra articles as files of their own, and a changed version of the second."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in EXTRA_ARTICLES:
        shutil.copy(extra_articles / name, folder / name)
    changed = tmp_path / "changed" / "belgorod-shelling.txt"
    changed.parent.mkdir()
    text = EXTRA_ARTICLES["belgorod-shelling.txt"]
    changed.write_text(text.replace("Vladimir Putin called the attack a crime, and ", "").replace("Kremlin spokesman", "Kremlin aide"), encoding="utf-8")
    return folder / "kyiv-drones.txt", folder / "belgorod-shelling.txt", changed


def test_entity_facts_of_an_unknown_entity(kb):
    g = entity_graph()
    iri = "https://w3id.org/newskg/entity/person/mira-oskanova"
    seen = Seen(tops={SCHEMA + "Person"}, names={"MIRA OSKANOVA", "Oskanova", "Mira Oskanova's", "Mira Oskanova"})
    facts = {(q.predicate.value, q.object.value) for q in entity_facts(iri, seen, kb, g)}
    assert (RDFS + "label", "Mira Oskanova") in facts  # the form the IRI was made from, mixed case, shortest
    assert {o for p, o in facts if p == SKOS + "altLabel"} == {"MIRA OSKANOVA", "Oskanova", "Mira Oskanova's"}
    outlet = Seen(tops={SCHEMA + "Organization"}, outlets={"Example News"}, publisher=True)
    facts = {(q.predicate.value, q.object.value) for q in entity_facts("https://w3id.org/newskg/entity/organization/example-news", outlet, kb, g)}
    assert (RDFS + "label", "Example News") in facts and ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", KG + "NewsOrganization") in facts


def test_an_unknown_area_is_also_named_without_its_kind(kb):
    iri = "https://w3id.org/newskg/entity/place/yakla-district"
    seen = Seen(tops={SCHEMA + "Place"}, names={"Yakla district"})
    facts = {(q.predicate.value, q.object.value) for q in entity_facts(iri, seen, kb, entity_graph())}
    assert (RDFS + "label", "Yakla district") in facts and (SKOS + "altLabel", "Yakla") in facts
    person = Seen(tops={SCHEMA + "Person"}, names={"Ahmed region"})  # only places
    facts = {(q.predicate.value, q.object.value) for q in entity_facts("https://w3id.org/newskg/entity/person/x", person, kb, entity_graph())}
    assert not any(o == "Ahmed" for _, o in facts)


def test_entity_facts_of_a_kb_entity_add_only_the_forms_seen(kb):
    kharkiv = "https://w3id.org/newskg/entity/gn/706483"
    plain = set(entity_facts(kharkiv, Seen(names={"Kharkiv"}), kb, entity_graph()))
    more = set(entity_facts(kharkiv, Seen(names={"Kharkiv", "Kharkiv city"}), kb, entity_graph()))
    assert more - plain == {ox.Quad(N(kharkiv), N(SKOS + "altLabel"), ox.Literal("Kharkiv city", language="en"), entity_graph())}
    assert any(q.predicate.value.endswith("#lat") for q in plain)


def test_article_graphs_hold_no_entity_facts(seed_store):
    store = ox.Store.read_only(str(seed_store))
    g = entity_graph()
    for p in (RDFS + "label", SKOS + "altLabel", "http://www.w3.org/2002/07/owl#sameAs"):
        assert {q.graph_name for q in store.quads_for_pattern(None, N(p), None, None)} <= {g, N("https://w3id.org/newskg/graph/ontology")}
    assert not store.contains_named_graph(legacy_kb_graph())


def test_count_of_people_counts_people_not_mentions(seed_store):
    store = ox.Store.read_only(str(seed_store))
    people = count(store, "SELECT (COUNT(*) AS ?n) WHERE { ?p a schema:Person }")
    distinct = count(store, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a schema:Person }")
    assert people == distinct >= 5
    # Putin and Kharkiv are named by two articles each, and are still one row each.
    putin = "<https://w3id.org/newskg/entity/vladimir-putin>"
    assert count(store, f"SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ ?a schema:mentions {putin} }}") == 2
    assert count(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ {putin} a schema:Person }}") == 1
    assert count(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ {putin} <{RDFS}label> ?l }}") == 1


def test_the_entity_graph_equals_one_rebuilt_from_the_articles(seed_store, kb):
    store = ox.Store.read_only(str(seed_store))
    assert entity_quads(store) == set(rebuild(store, kb, entity_graph()))


def test_reingest_and_removal_keep_the_entity_graph_exact(ingester, articles):
    kyiv, belgorod, changed = articles
    both = ingester("both")
    both.run([str(SEEDS), str(kyiv), str(belgorod)])
    full = quads(both.store)

    assert both.run([str(belgorod)]).quads == 0  # unchanged: nothing is written
    assert quads(both.store) == full

    both.run([str(changed)])  # changed: as if it had been ingested so from the start
    reference = ingester("reference")
    reference.run([str(SEEDS), str(kyiv), str(changed)])
    assert quads(both.store) == quads(reference.store)
    assert entity_quads(both.store) == set(rebuild(both.store, both.kb, entity_graph()))

    assert both.remove([BELGOROD_URL]) == 1  # removed: as if never ingested
    without = ingester("without")
    without.run([str(SEEDS), str(kyiv)])
    assert quads(both.store) == quads(without.store)
    peskov = N("https://w3id.org/newskg/entity/dmitry-peskov")
    assert not list(both.store.quads_for_pattern(peskov, None, None, None))  # no article names him now

    both.run([str(belgorod)])  # and back again
    assert quads(both.store) == full


def test_a_form_only_a_removed_article_used_leaves_the_alt_labels(ingester, articles):
    kyiv, belgorod, _ = articles
    ing = ingester()
    ing.run([str(SEEDS), str(kyiv)])
    kyiv_node = N("https://w3id.org/newskg/entity/gn/703448")
    alt = N(SKOS + "altLabel")
    before = {q.object.value for q in ing.store.quads_for_pattern(kyiv_node, alt, None, entity_graph())}
    ing.run([str(belgorod)])
    ing.remove([str(kyiv)])
    after = {q.object.value for q in ing.store.quads_for_pattern(kyiv_node, alt, None, entity_graph())}
    assert after <= before
    terekhov = N("https://w3id.org/newskg/entity/ihor-terekhov")
    assert list(ing.store.quads_for_pattern(terekhov, None, None, entity_graph()))  # the seed still names him


def test_removal_of_a_publisher_only_article_takes_its_outlet(ingester, tmp_path):
    ing = ingester()
    a = tmp_path / "a.jsonl"
    a.write_text('{"text": "Drones struck Odesa overnight.", "url": "https://example.org/o", "outlet": "Odesa Daily Wire"}\n', encoding="utf-8")
    ing.run([str(a)])
    outlet = N("https://w3id.org/newskg/entity/organization/odesa-daily-wire")
    labels = [q.object.value for q in ing.store.quads_for_pattern(outlet, N(RDFS + "label"), None, None)]
    assert labels == ["Odesa Daily Wire"]
    assert ing.remove([str(a)]) == 1
    assert not list(ing.store.quads_for_pattern(outlet, None, None, None))
    assert entity_quads(ing.store) == set()


def test_a_failed_write_changes_nothing(tmp_store, kb):
    from kg.store import open_store

    store = open_store(tmp_store)
    g = N("https://w3id.org/newskg/article/x")
    ex = N("https://example.org/p")
    write_articles(store, kb, [(g, [ox.Quad(g, ex, ox.Literal("old"), g)])])
    unwritable = ox.Quad(g, ex, ox.Literal("new"), ox.BlankNode())  # no GRAPH block can name it
    with pytest.raises(StoreError):
        write_articles(store, kb, [(g, [ox.Quad(g, ex, ox.Literal("new"), g), unwritable])])
    assert [q.object.value for q in store.quads_for_pattern(None, None, None, g)] == ["old"]


def test_cli_remove_by_url_iri_and_file(tmp_path, articles):
    kyiv, belgorod, _ = articles
    store = str(tmp_path / "cli-store")
    runner = CliRunner()
    assert runner.invoke(cli, ["--store", store, "ingest", "-q", str(SEEDS), str(kyiv.parent)], catch_exceptions=False).exit_code == 0
    result = runner.invoke(cli, ["--store", store, "remove", KYIV_URL], catch_exceptions=False)
    assert result.exit_code == 0 and "removed 1 article" in result.output
    s = ox.Store.read_only(store)
    iri = next(q.subject.value for q in s.quads_for_pattern(None, N(SCHEMA + "url"), N(BELGOROD_URL), None))
    del s
    gc.collect()
    missing = runner.invoke(cli, ["--store", store, "remove", iri, "no-such-article.txt"])
    assert missing.exit_code == 1 and "no-such-article.txt" in missing.output and "Traceback" not in missing.output
    del missing  # its traceback holds the store open
    gc.collect()
    result = runner.invoke(cli, ["--store", store, "remove", str(belgorod)], catch_exceptions=False)
    assert result.exit_code == 0 and "removed 1 article" in result.output, result.output
    stats = runner.invoke(cli, ["--store", store, "stats", "--json"], catch_exceptions=False)
    assert '"articles": 1' in stats.output
    valid = runner.invoke(cli, ["--store", store, "validate"], catch_exceptions=False)
    assert valid.exit_code == 0, valid.output


def test_a_store_of_the_older_layout_is_migrated(tmp_path, seed_store, kb):
    path = tmp_path / "old"
    shutil.copytree(seed_store, path)
    store = ox.Store(str(path))
    current = quads(store)
    # Write it as kg did before: every article graph repeats its entities' facts; a KB graph.
    g = entity_graph()
    facts = list(store.quads_for_pattern(None, None, None, g))
    old = []
    for art in [n for n in store.named_graphs() if "/article/" in n.value]:
        named = {q.object for q in store.quads_for_pattern(art, None, None, art) if q.predicate.value in (SCHEMA + "mentions", SCHEMA + "publisher")}
        old += [ox.Quad(q.subject, q.predicate, q.object, art) for q in facts if q.subject in named]
        store.remove(ox.Quad(art, N(KG + "outletName"), next(store.quads_for_pattern(art, N(KG + "outletName"), None, art)).object, art))
    old.append(ox.Quad(N("https://w3id.org/newskg/entity/gn/706483"), N(RDFS + "label"), ox.Literal("Kharkiv", language="en"), legacy_kb_graph()))
    store.remove_graph(g)
    store.extend(old)
    assert needs_migration(store)
    migrate(store, kb)
    assert not needs_migration(store)
    assert entity_quads(store) == set(facts)
    # The outlet's name is now read from its old label (the knowledge base's, for AFP).
    outlet_name = f"<{KG}outletName>"
    assert {q for q in quads(store) if outlet_name not in q} == {q for q in current if outlet_name not in q}


def test_cli_remove_on_a_missing_store(tmp_path):
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "none"), "remove", "https://example.org/x"])
    assert result.exit_code == 1 and "no kg store here" in result.output
    assert not (tmp_path / "none").exists()


def test_the_order_of_ingest_does_not_matter(ingester, articles):
    kyiv, belgorod, _ = articles
    one, two = ingester("one"), ingester("two")
    one.run([str(SEEDS), str(kyiv), str(belgorod)])
    two.run([str(belgorod), str(kyiv)])
    two.run([str(SEEDS)])
    assert quads(one.store) == quads(two.store)
