"""kg export: the co-mention graph reads back in NetworkX and is ready for Gephi.

No GEXF XML Schema can be had offline here (no validator package and no XSD in the
installed packages), so the GEXF is checked for well-formedness and structure instead:
namespace and version, declared and typed attributes, every value parsing as its type,
no empty values, no control characters, viz colour and size on every node.
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg import export as kx
from kg.cli import cli
from kg.store import open_store

GEXF = "{http://www.gexf.net/1.2draft}"
VIZ = "{http://www.gexf.net/1.2draft/viz}"
KHARKIV = "https://w3id.org/newskg/entity/gn/706483"
TEREKHOV = "https://w3id.org/newskg/entity/ihor-terekhov"


def export(seed_store, out, *args):
    result = CliRunner().invoke(cli, ["--store", str(seed_store), "export", *args, str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def gexf(seed_store, tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "seeds.gexf"
    export(seed_store, out, "--format", "gexf")
    return out


def test_gexf_reads_back_with_typed_attributes_and_weighted_edges(gexf):
    g = nx.read_gexf(gexf)
    k = g.nodes[KHARKIV]
    assert k["label"] == "Kharkiv" and k["entity_type"] == "Place" and "type" not in k and "City" in k["classes"]
    assert isinstance(k["mentions"], int) and k["mentions"] >= 2 and k["articles"] == 2
    assert isinstance(k["lat"], float) and k["lat"] == pytest.approx(49.98, abs=0.05)
    assert k["geonames"] == "https://sws.geonames.org/706483/"
    assert k["first_seen"] == "2023-12-31" and k["last_seen"] == "2024-03-03"
    assert set(k["viz"]["color"]) >= {"r", "g", "b"} and k["viz"]["size"] > 0
    assert g.has_edge(KHARKIV, TEREKHOV)
    e = g.edges[KHARKIV, TEREKHOV]
    assert e["weight"] >= 1 and isinstance(e["articles"], int)
    assert all(d["weight"] >= 1 for _, _, d in g.edges(data=True))
    types = {d["entity_type"] for _, d in g.nodes(data=True)}
    assert types == {"Person", "Place", "Organization", "Weapon"}


def test_gexf_structure_is_what_gephi_reads(gexf):
    text = gexf.read_text(encoding="utf-8")
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", text)
    root = ET.fromstring(text.encode("utf-8"))  # well-formed XML
    assert root.tag == f"{GEXF}gexf" and root.get("version") == "1.2"
    graph = root.find(f"{GEXF}graph")
    assert graph.get("defaultedgetype") == "undirected"
    declared = {}
    for attrs in graph.findall(f"{GEXF}attributes"):
        for a in attrs.findall(f"{GEXF}attribute"):
            assert a.get("type") in {"string", "long", "integer", "double", "float", "boolean"}
            declared[(attrs.get("class"), a.get("id"))] = a.get("type")
    parse = {"long": int, "integer": int, "double": float, "float": float, "string": str,
             "boolean": lambda v: {"true": True, "false": False}[v]}
    nodes = graph.find(f"{GEXF}nodes").findall(f"{GEXF}node")
    assert nodes
    for node in nodes:
        assert node.get("id") and node.get("label")
        colour = node.find(f"{VIZ}color")
        assert all(0 <= int(colour.get(c)) <= 255 for c in "rgb")
        assert float(node.find(f"{VIZ}size").get("value")) > 0
        for v in node.iter(f"{GEXF}attvalue"):
            kind = declared[("node", v.get("for"))]
            assert v.get("value") not in (None, "", "None", "nan")
            parse[kind](v.get("value"))
    ids = {n.get("id") for n in nodes}
    for edge in graph.find(f"{GEXF}edges").findall(f"{GEXF}edge"):
        assert edge.get("source") in ids and edge.get("target") in ids
        assert float(edge.get("weight")) >= 1
        for v in edge.iter(f"{GEXF}attvalue"):
            parse[declared[("edge", v.get("for"))]](v.get("value"))


@pytest.mark.parametrize("fmt", ["graphml", "json", "csv"])
def test_other_formats(seed_store, tmp_path, fmt):
    out = tmp_path / f"seeds.{fmt}"
    export(seed_store, out, "--format", fmt)
    if fmt == "graphml":
        g = nx.read_graphml(out)
        # Node ids the GraphML schema takes (NMTOKEN), the IRI kept as an attribute.
        assert all(re.fullmatch(r"n\d+", n) for n in g.nodes)
        (kharkiv,) = [d for _, d in g.nodes(data=True) if d["iri"] == KHARKIV]
        assert kharkiv["label"] == "Kharkiv" and kharkiv["color"].startswith("#") and kharkiv["entity_type"] == "Place"
        assert not any("type" in d for _, d in g.nodes(data=True))
    elif fmt == "json":
        g = nx.node_link_graph(json.loads(out.read_text()), edges="edges")
        assert g.nodes[KHARKIV]["entity_type"] == "Place" and g.number_of_edges() > 0
    else:
        with (tmp_path / "seeds-nodes.csv").open() as f:
            nodes = list(csv.DictReader(f))
        with (tmp_path / "seeds-edges.csv").open() as f:
            edges = list(csv.DictReader(f))
        assert {"Id", "Label", "entity_type", "mentions"} <= set(nodes[0]) and "type" not in nodes[0]
        assert any(n["Label"] == "Kharkiv" for n in nodes)
        assert edges and all(int(e["Weight"]) >= 1 and e["Type"] == "Undirected" for e in edges)


def test_filters(seed_store):
    store = open_store(seed_store, read_only=True)
    full = kx.build_graph(store)
    places = kx.build_graph(store, types=["place"])
    assert {d["type"] for _, d in places.nodes(data=True)} == {"Place"}
    heavy = kx.build_graph(store, min_weight=2)
    assert all(d["weight"] >= 2 for _, _, d in heavy.edges(data=True))
    assert heavy.number_of_edges() < full.number_of_edges()
    articles = kx.build_graph(store, cooccurrence="article")
    assert articles.number_of_edges() >= full.number_of_edges()
    late = kx.build_graph(store, since="2024-01-01", until="2024-12-31")
    assert "https://w3id.org/newskg/entity/vasily-nebenzya" not in late  # only in the 2023 article
    assert KHARKIV in late and late.nodes[KHARKIV]["articles"] == 1


def test_bad_options_fail_cleanly(seed_store, tmp_path):
    result = CliRunner().invoke(cli, ["--store", str(seed_store), "export", "--since", "last week", str(tmp_path / "g")])
    assert result.exit_code == 1 and "not a date" in result.output


def test_clean_drops_control_characters():
    assert kx.clean("Kyiv\x00\x0b\x1f  Oblast\n") == "Kyiv Oblast"


def test_draw_a_png_picture(seed_store, tmp_path):
    out = tmp_path / "g.png"
    result = CliRunner().invoke(cli, ["--store", str(seed_store), "export", "--format", "png", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000


# Attacks, on the synthetic events store (tests/data/events.trig): seven incidents.

UKRAINE, RUSSIA = "https://w3id.org/newskg/entity/gn/690791", "https://w3id.org/newskg/entity/gn/2017370"
BELGOROD = "https://w3id.org/newskg/entity/gn/578072"


@pytest.fixture(scope="module")
def acled(events_store, tmp_path_factory):
    out = tmp_path_factory.mktemp("acled") / "attacks.csv"
    result = export(events_store, out, "--format", "acled")
    assert "7 attacks (incidents)" in result.output
    with out.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f)), out.read_text(encoding="utf-8").splitlines()[0].split(",")


def test_acled_has_acled_columns_then_kg_extras(acled):
    rows, header = acled
    from kg.export_events import ACLED_COLUMNS

    assert header[:3] == ["event_id_cnty", "event_date", "year"] and header[len(ACLED_COLUMNS) - 1] == "timestamp"
    assert header[:len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert header[len(ACLED_COLUMNS):] == ["injured", "weapons", "reports", "fatalities_min", "fatalities_max",
                                           "confidence", "kg_incident"]
    assert len(rows) == 7 and len({r["event_id_cnty"] for r in rows}) == 7


def test_acled_row_of_an_attack_reported_twice(acled):
    rows, _ = acled
    (k,) = [r for r in rows if r["location"] == "Kharkiv"]
    assert (k["event_date"], k["year"], k["time_precision"]) == ("2023-12-31", "2023", "1")
    assert (k["event_type"], k["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert (k["actor1"], k["inter1"], k["country"], k["iso"]) == ("Russia", "1", "Ukraine", "804")
    assert (float(k["latitude"]), float(k["longitude"]), k["geo_precision"]) == (49.98081, 36.25272, "1")
    assert k["source"] == "Agence France-Presse; Reuters" and k["reports"] == "2"
    assert (k["fatalities"], k["fatalities_min"], k["fatalities_max"], k["injured"]) == ("3", "2", "3", "5")
    assert k["weapons"] == "HESA Shahed 136" and "Kharkiv" in k["notes"]
    assert k["event_id_cnty"] == "UKR1"  # Ukraine's first attack in date order


def test_acled_places_regions_and_types(acled):
    rows, _ = acled
    by_place = {r["location"]: r for r in rows}
    chuhuiv = by_place["Chuhuiv Raion"]  # a district: in Ukraine only through Kharkiv Oblast
    assert (chuhuiv["country"], chuhuiv["admin1"], chuhuiv["admin2"], chuhuiv["geo_precision"]) == \
        ("Ukraine", "Kharkiv Oblast", "Chuhuiv Raion", "2")
    assert chuhuiv["sub_event_type"] == "Shelling/artillery/missile attack"  # a ballistic missile
    assert by_place["Odesa"]["country"] == "Ukraine"  # by its country code alone
    assert by_place["Odesa"]["time_precision"] == "2" and by_place["Odesa"]["event_date"] == "2024-03-03"
    assert by_place["Odesa"]["actor1"] == "" and by_place["Odesa"]["inter1"] == ""
    belgorod = [r for r in rows if r["location"] == "Belgorod"]
    assert {r["country"] for r in belgorod} == {"Russia"} and {r["event_id_cnty"] for r in belgorod} == {"RUS1", "RUS2"}
    shelled = next(r for r in belgorod if r["fatalities"] == "22")
    assert shelled["sub_event_type"] == "Shelling/artillery/missile attack" and shelled["injured"] == "100"
    nowhere = by_place[""]  # a report that names no place keeps its row
    assert nowhere["fatalities"] == "0" and nowhere["fatalities_min"] == "" and nowhere["event_id_cnty"].startswith("XXX")


def test_acled_since_until(events_store, tmp_path):
    from kg.export_events import acled_rows

    rows = acled_rows(open_store(events_store, read_only=True), since="2024-01-01", until="2024-03-08")
    assert sorted(r["event_date"] for r in rows) == ["2024-03-03", "2024-03-08"]  # the undated ones are left out


@pytest.mark.parametrize(
    "subject,expected",
    [
        (({"Drone"}, ["HESA Shahed 136"], ["struck"]), "Air/drone strike"),
        ((set(), [], ["airstrike"]), "Air/drone strike"),
        (({"CruiseMissile"}, ["Kalibr"], ["hit"]), "Shelling/artillery/missile attack"),
        ((set(), [], ["shelling"]), "Shelling/artillery/missile attack"),
        (({"WeaponType"}, ["improvised explosive device"], ["blast"]), "Remote explosive/landmine/IED"),
        ((set(), [], ["suicide bombing"]), "Suicide bomb"),
        ((set(), [], ["ambush"]), "Armed clash"),
        ((set(), [], ["killed"]), ""),  # "ied" inside a word is no IED
    ],
)
def test_acled_sub_event_types(subject, expected):
    from kg.export_events import acled_types

    assert acled_types(*subject)[1] == expected


def test_events_gexf_is_a_weighted_actor_to_place_graph(events_store, tmp_path):
    out = tmp_path / "attacks.gexf"
    export(events_store, out, "--format", "gexf", "--events")
    root = ET.fromstring(out.read_bytes())
    assert root.find(f"{GEXF}graph").get("defaultedgetype") == "directed"
    g = nx.read_gexf(out)
    assert isinstance(g, nx.DiGraph)
    assert g.has_edge(RUSSIA, KHARKIV) and not g.has_edge(KHARKIV, RUSSIA)
    e = g.edges[RUSSIA, KHARKIV]
    assert (e["weight"], e["fatalities"], e["injured"]) == (1, 3, 5)  # one attack, though reported twice
    assert g.edges[UKRAINE, BELGOROD]["fatalities"] == 22
    assert g.nodes[RUSSIA]["attacks_made"] == 3 and g.nodes[RUSSIA]["label"] == "Russia"
    assert g.nodes[BELGOROD]["attacks_suffered"] == 2 and g.nodes[BELGOROD]["fatalities_suffered"] == 22
    assert all(d["viz"]["size"] > 0 for _, d in g.nodes(data=True))


def test_events_graph_csv_and_filters(events_store, tmp_path):
    export(events_store, tmp_path / "attacks.csv", "--format", "csv", "--events", "--since", "2024-01-01")
    with (tmp_path / "attacks-edges.csv").open() as f:
        edges = list(csv.DictReader(f))
    assert {"Source", "Target", "Type", "Weight", "Fatalities", "Injured", "First", "Last"} <= set(edges[0])
    assert all(e["Type"] == "Directed" and e["First"] >= "2024-01-01" for e in edges) and len(edges) == 3
    from kg.export_events import build_event_graph

    assert build_event_graph(open_store(events_store, read_only=True), min_weight=2).number_of_edges() == 0


@pytest.mark.parametrize("args,message", [
    (["--events", "--types", "Place"], "--types does not apply to --events"),
    (["--format", "acled", "--cooccurrence", "article"], "--cooccurrence does not apply to --format acled"),
    (["--format", "acled", "--since", "March"], "not a date"),
])
def test_event_exports_refuse_options_that_do_not_apply(events_store, tmp_path, args, message):
    result = CliRunner().invoke(cli, ["--store", str(events_store), "export", *args, str(tmp_path / "x")])
    assert result.exit_code != 0 and message in result.output, result.output


def test_sentence_edges_paired_in_python_equal_the_query(seed_store, events_store):
    # The whole-store sentence edges are paired in kg/export.py (cheaper on large stores);
    # the query they replace still runs for a date window: on the whole store both agree.
    from kg import export as kx
    from kg import query as kq
    from kg.store import open_store

    for path in (seed_store, events_store):
        store = open_store(path, read_only=True)
        rows = kq.records(kx._run(store, "export-edges-sentence.rq", None, None))
        expected = sorted((r["a"], r["b"], int(r["weight"]), int(r["articles"])) for r in rows)
        assert expected and kx.edges(store, "sentence", None, None) == expected
        del store


def test_nodes_without_a_window_equal_the_windowed_query_unbounded(seed_store, events_store):
    from kg import export as kx
    from kg import query as kq
    from kg.store import open_store

    for path in (seed_store, events_store):
        store = open_store(path, read_only=True)
        rows = [sorted(r.items()) for r in kq.records(kx._run(store, "export-nodes.rq", None, None))]
        fast = [sorted(r.items()) for r in kq.records(kx._run(store, "export-nodes-all.rq", None, None))]
        assert rows and sorted(rows) == sorted(fast)
        del store


@pytest.mark.parametrize("since,until", [(None, None), ("2024-01-01", None), (None, "2024-01-31"), ("2023-12-01", "2024-01-31")])
def test_nodes_read_by_hash_joins_equal_the_one_group_query(seed_store, since, until):
    # export-nodes.rq joins mentions, contexts, articles and dates as sub-selects (cheap
    # on large stores); written as one group (tests/data/earlier-forms/) the rows are the same.
    from kg import export as kx
    from kg import query as kq
    from kg.store import open_store

    store = open_store(seed_store, read_only=True)
    one_group = kq.load_file(Path(__file__).parent / "data" / "earlier-forms" / "export-nodes.rq")
    one_group.params += [kq.Param("since", "date"), kq.Param("until", "date")]
    values = {k: v for k, v in (("since", since), ("until", until)) if v}
    expected = sorted(sorted(r.items()) for r in kq.records(kq.run(store, one_group, values)))
    got = sorted(sorted(r.items()) for r in kq.records(kx._run(store, "export-nodes.rq", since, until)))
    every = list(kq.records(kx._run(store, "export-nodes.rq", None, None)))
    assert expected and got == expected
    assert (len(got) < len(every)) == bool(since or until)  # the window leaves entities out
    del store
