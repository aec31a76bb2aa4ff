"""kg lookup: forgiving name matching, the record it shows, and hostile input."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg import lookup as kl
from kg.cli import cli
from kg.store import open_store


@pytest.fixture(scope="module")
def store(seed_store):
    return open_store(seed_store, read_only=True)


@pytest.fixture(scope="module")
def index(store):
    return kl.NameIndex.from_store(store)


def lookup_json(seed_store, *args):
    result = CliRunner().invoke(cli, ["--store", str(seed_store), "lookup", "--json", *args], catch_exceptions=False)
    return result.exit_code, json.loads(result.output)


@pytest.mark.parametrize(
    "text,label,type_",
    [
        ("kharkov", "Kharkiv", "Place"),
        ("KHARKIV", "Kharkiv", "Place"),
        ("Харків", "Kharkiv", "Place"),
        ("Charkow", "Kharkiv", "Place"),
        ("terekhov", "Ihor Terekhov", "Person"),
        ("Zelenskiy", "Volodymyr Zelenskyy", "Person"),
        ("Nebenzia", "Vasily Nebenzya", "Person"),
        ("Stoltenberg", "Jens Stoltenberg", "Person"),
        ("Belgorood", "Belgorod", "Place"),  # a typo
        ("shaheds", "HESA Shahed 136", "Weapon"),
    ],
)
def test_best_match(index, text, label, type_):
    best = index.search(text)[0]
    assert (best.label, best.type) == (label, type_) and best.score >= kl.MATCH


def test_kharkov_finds_kharkiv_with_its_record(seed_store):
    code, record = lookup_json(seed_store, "kharkov")
    assert code == 0
    e = record["matches"][0]
    assert (e["label"], e["type"]) == ("Kharkiv", "Place") and "City" in e["classes"]
    assert e["identifiers"]["geonames"] == "https://sws.geonames.org/706483/"
    assert e["lat"] == pytest.approx(49.98, abs=0.05) and e["lon"] == pytest.approx(36.25, abs=0.05)
    assert "Kharkov" in e["aliases"]
    assert e["mentions"] >= 2 and e["articles"] == 2
    assert (e["first_seen"], e["last_seen"]) == ("2023-12-31", "2024-03-03")
    assert {a["outlet"] for a in e["top_articles"]} == {"Agence France-Presse", "Reuters"}
    assert all(a["date"] and a["headline"] for a in e["top_articles"])
    assert "Ihor Terekhov" in {c["label"] for c in e["co_mentioned"]}
    assert "Kharkiv" in e["example"]["sentence"] or "Kharkov" in e["example"]["sentence"]


def test_terekhov_text_output(seed_store):
    result = CliRunner().invoke(cli, ["--store", str(seed_store), "lookup", "terekhov"], catch_exceptions=False)
    assert result.exit_code == 0
    first = result.output.splitlines()[0]
    assert first.startswith("Ihor Terekhov  (Person")
    for heading in ("IRI", "seen", "articles", "mentioned with", "example"):
        assert f"  {heading}" in result.output


def test_type_filter(seed_store):
    code, record = lookup_json(seed_store, "Kharkiv", "--type", "Person")
    assert all(m["type"] == "Person" for m in record["matches"])
    code, record = lookup_json(seed_store, "Kharkiv", "--type", "place", "--limit", "1")
    assert [m["label"] for m in record["matches"]] == ["Kharkiv"]


def test_no_match_exits_1_with_suggestions(seed_store):
    result = CliRunner().invoke(cli, ["--store", str(seed_store), "lookup", "Peskovsky"])
    assert result.exit_code == 1
    assert "Did you mean" in result.output and "Dmitry Peskov" in result.output
    result = CliRunner().invoke(cli, ["--store", str(seed_store), "lookup", "qqqqqqqq"])
    assert result.exit_code == 1 and "No entity matches" in result.output


@pytest.mark.parametrize(
    "a,b",
    [("Kharkiv", "kharkiv"), ("Харків", "kharkiv"), ("Zelenskyy", "zelenskyy"), ("Île-de-France", "ile de france")],
)
def test_normalise(a, b):
    assert kl.normalise(a) == b


@pytest.mark.parametrize("a,b", [("Kharkov", "Charkow"), ("Zelenskiy", "Zelensky"), ("Nebenzia", "Nebenzya")])
def test_skeleton_joins_transliterations(a, b):
    assert kl.skeleton(a) == kl.skeleton(b)


HOSTILE = ['"', "'", "{", "}", '"} DROP ALL {', "} DROP ALL {", "'; DROP ALL; '", "<>", "\\", "\x00", "?entity", "#"]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_on_the_command_line(seed_store, text):
    before = len(open_store(seed_store, read_only=True))
    result = CliRunner().invoke(cli, ["--store", str(seed_store), "lookup", text], catch_exceptions=False)
    assert result.exit_code in (0, 1)
    assert len(open_store(seed_store, read_only=True)) == before


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
       | st.sampled_from(HOSTILE).map(lambda h: h + " Kharkiv"))
def test_any_text_neither_crashes_nor_changes_the_store(store, index, text):
    before = len(store)
    found = kl.lookup(store, text, index=index, limit=2)
    assert all(m.score >= kl.MATCH for m in found.matches)
    assert len(store) == before


def test_name_index_is_cached_until_the_store_changes(tmp_path, ingest_into, extra_articles, monkeypatch):
    from kg.lookup import NameIndex, name_index
    from kg.store import open_store

    folder = tmp_path / "store"
    ingest_into(folder, [extra_articles])
    store = open_store(folder, read_only=True)
    first = name_index(store, folder)
    assert (folder / "kg-lookup-names.pickle").exists()
    built = []
    real = NameIndex.from_store.__func__

    def counting(cls, st):
        built.append(1)
        return real(cls, st)

    monkeypatch.setattr(NameIndex, "from_store", classmethod(counting))
    again = name_index(store, folder)
    assert built == [] and again.keys == first.keys
    del store
    ingest_into(folder, [extra_articles])  # a new ingest: the cached index is stale
    store = open_store(folder, read_only=True)
    name_index(store, folder)
    assert built == [1]
    # A write by another tool, within a graph the store had (no graph more, no new
    # generation): the store's files change, and so does the index.
    import gc

    import pyoxigraph as ox

    from kg.store import entity_graph
    from kg.vocab import RDFS

    del store
    gc.collect()
    writer = ox.Store(str(folder))
    [entity] = {q.subject for q in writer.quads_for_pattern(None, ox.NamedNode(RDFS + "label"), ox.Literal("Kharkiv", language="en"), entity_graph())}
    writer.add(ox.Quad(entity, ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel"), ox.Literal("Zzyzx Town", language="en"), entity_graph()))
    writer.flush()
    del writer
    gc.collect()
    store = open_store(folder, read_only=True)
    assert name_index(store, folder).search("Zzyzx Town")[0].entity == entity.value
    assert built == [1, 1]


# Attacks, on the synthetic events store (tests/data/events.trig).


def test_lookup_a_city_shows_the_attacks_on_it(events_store):
    result = CliRunner().invoke(cli, ["--store", str(events_store), "lookup", "Kharkiv", "--limit", "1"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("  attacks on it"))
    assert "1 attack (3 killed, 5 injured), 2023-12-31" in lines[head]
    assert "2023-12-31  Kharkiv  by Russia  with HESA Shahed 136  3 killed, 5 injured  (2 reports)" in lines[head + 1]
    assert "attacks by it" not in result.output  # Kharkiv attacked no one


def test_lookup_a_country_counts_attacks_in_all_its_places_and_by_it(events_store):
    code, record = lookup_json(events_store, "Ukraine", "--type", "Place", "--limit", "1")
    assert code == 0
    on, by = record["matches"][0]["attacks"]["on"], record["matches"][0]["attacks"]["by"]
    assert (on["attacks"], on["killed"], on["injured"]) == (4, 7, 8)
    assert (on["first"], on["last"]) == ("2023-12-31", "2024-03-09")
    assert [a["location"] for a in on["latest"]] == ["Chuhuiv Raion", "Kyiv", "Kharkiv", "Odesa"]
    assert by["attacks"] == 1 and by["latest"][0]["location"] == "Belgorod" and by["latest"][0]["killed"] == 22


def test_lookup_an_actor_and_a_weapon(events_store):
    code, record = lookup_json(events_store, "Ukrainian Armed Forces")
    e = record["matches"][0]
    assert e["type"] == "Organization" and set(e["attacks"]) == {"by"}
    assert e["attacks"]["by"]["latest"][0]["date"] == "2024-03-08"
    code, record = lookup_json(events_store, "Shahed")
    with_ = record["matches"][0]["attacks"]["with"]
    assert with_["attacks"] == 2 and {a["location"] for a in with_["latest"]} == {"Kyiv", "Kharkiv"}
    result = CliRunner().invoke(cli, ["--store", str(events_store), "lookup", "Russia", "--limit", "1"],
                                catch_exceptions=False)
    assert "attacks by it   4 attacks (6 killed, 5 injured), 2023-12-31 … 2024-03-09" in result.output
    assert "(no date)  (no place)  by Russia" in result.output  # the report that names no place


def test_lookup_without_attacks_shows_no_attack_lines(seed_store):
    code, record = lookup_json(seed_store, "Terekhov")
    assert record["matches"][0]["attacks"] == {}  # a person has no attack roles
    result = CliRunner().invoke(cli, ["--store", str(seed_store), "lookup", "Kyiv", "--limit", "1"],
                                catch_exceptions=False)
    code, record = lookup_json(seed_store, "Kyiv", "--limit", "1")
    attacks = record["matches"][0]["attacks"]
    assert set(attacks) == {"on", "by"}  # --json has both roles of a place, even when empty
    for role, title in (("on", "attacks on it"), ("by", "attacks by it")):
        assert (title in result.output) == (attacks[role]["attacks"] > 0)


UNDATED = """A plain note with no date.

Shelling was reported again in Kharkiv overnight, officials said.
"""


def test_an_undated_article_does_not_blank_first_and_last_seen(tmp_path, ingest_into, extra_articles):
    from conftest import SEEDS

    from kg import export as kx

    (tmp_path / "undated.txt").write_text(UNDATED, encoding="utf-8")
    folder = tmp_path / "store"
    report = ingest_into(folder, [SEEDS, extra_articles, tmp_path / "undated.txt"])
    assert report.articles == 4
    store = open_store(folder, read_only=True)
    e = kl.lookup(store, "Kharkiv", {"Place"}).matches[0]
    assert e.articles == 3  # the undated article counts
    assert (e.first_seen, e.last_seen) == ("2023-12-31", "2024-03-03")  # and leaves the dates alone
    assert "3 articles, 2023-12-31 … 2024-03-03" in kl.render(e)
    node = kx.build_graph(store, "sentence", 1, None, None, None).nodes[e.iri]
    assert (node["first_seen"], node["last_seen"]) == ("2023-12-31", "2024-03-03")


def _rows(store, file: str, param: str, iri: str) -> list[dict]:
    from kg import query as kq
    from kg.resources import SPARQL_DIR

    q = kq.load_file(SPARQL_DIR / file)
    q.params.append(kq.Param(param, "iri"))
    return list(kq.records(kq.run(store, q, {param: iri})))


def test_the_quick_readings_lookup_makes_give_what_the_full_queries_give(events_store, seed_store):
    # Attacks on a place that is no country: read by look-ups from the place down; the
    # country's query (which also takes every place with its code) gives the same rows.
    from kg import query as kq

    ev = open_store(events_store, read_only=True)
    index = kl.NameIndex.from_store(ev)
    checked = 0
    for name in ("Kharkiv", "Kharkiv Oblast", "Kyiv", "Odesa", "Belgorod"):
        found = index.search(name, {"Place"})
        if not found:
            continue
        iri = found[0].entity
        fast = _rows(ev, "lookup-attacks-on.rq", "place", iri)
        assert fast == _rows(ev, "lookup-attacks-on-country.rq", "place", iri), name
        checked += len(fast)
    assert checked >= 3
    # The newest articles: the shipped articles-mentioning query's first rows, read for
    # those articles only.
    st = open_store(seed_store, read_only=True)
    for name in ("Kharkiv", "Ihor Terekhov", "Kyiv"):
        iri = kl.NameIndex.from_store(st).search(name)[0].entity
        shipped = list(kq.records(kq.run(st, kq.shipped()["articles-mentioning"], {"entity": iri}, limit=3)))
        assert shipped and kl.newest_articles(st, iri, 3) == shipped, name


def test_lookup_co_mentions_are_the_shipped_querys_first_rows(tmp_path, seed_store):
    """kg.lookup.co_mentioned reads the counts another way and labels for the rows shown
    only: its rows must be the first rows of queries/co-mentioned.rq, for every entity,
    with ties, an entity with no label nor type, and one with two labels, one of them
    twice (the query makes one row per label quad of the union of the graphs)."""
    import gc
    import shutil

    import pyoxigraph as ox

    from kg import query as kq
    from kg.store import entity_graph
    from kg.vocab import RDFS, SCHEMA

    folder = tmp_path / "store"
    shutil.copytree(seed_store, folder)
    writer = ox.Store(str(folder))
    mentions = ox.NamedNode(SCHEMA + "mentions")
    label = ox.NamedNode(RDFS + "label")
    article = next(q for q in writer.quads_for_pattern(None, mentions, None, None) if q.graph_name != entity_graph())
    [kharkiv] = {q.subject for q in writer.quads_for_pattern(None, label, ox.Literal("Kharkiv", language="en"), entity_graph())}
    other_graph = ox.NamedNode("urn:kg-test:more")
    writer.extend([
        ox.Quad(article.subject, mentions, ox.NamedNode("https://kg-test.example/unnamed"), article.graph_name),
        ox.Quad(kharkiv, label, ox.Literal("Charkiw", language="de"), other_graph),
        ox.Quad(kharkiv, label, ox.Literal("Kharkiv", language="en"), other_graph),
    ])
    writer.flush()
    del writer
    gc.collect()
    store = open_store(folder, read_only=True)
    shipped = kq.shipped()["co-mentioned"]
    entities = sorted({q.object.value for q in store.quads_for_pattern(None, mentions, None, None)})
    assert len(entities) > 20

    def order(r):  # what the query orders by, and then what it leaves in any order
        return (-r["sentences"], -r["articles"], r["label"] is not None, r["label"] or "", r["other"], r["type"])

    seen = {"rows": 0, "unnamed": 0, "two labels": 0, "ties past the first": 0}
    for iri in entities:
        every = list(kq.records(kq.run(store, shipped, {"entity": iri})))
        counts = [(r["sentences"], r["articles"]) for r in every]
        for top in (1, 3, 5, 40):
            got = kl.co_mentioned(store, iri, top)
            first = list(kq.records(kq.run(store, shipped, {"entity": iri}, limit=top)))
            assert [order(r)[:4] for r in got] == [order(r)[:4] for r in first], (iri, top)
            assert got == sorted(every, key=order)[:top], (iri, top)
            seen["rows"] += len(got)
        seen["unnamed"] += any(r["label"] is None and r["type"] == "" for r in every)
        seen["two labels"] += sum(r["other"] == kharkiv.value for r in every) == 3
        seen["ties past the first"] += len(counts) > 5 and counts[4] == counts[0]
    assert seen["rows"] > 200 and all(seen.values()), seen
