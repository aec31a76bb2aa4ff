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
    assert k["label"] == "Kharkiv" and k["type"] == "Place" and "City" in k["classes"]
    assert isinstance(k["mentions"], int) and k["mentions"] >= 2 and k["articles"] == 2
    assert isinstance(k["lat"], float) and k["lat"] == pytest.approx(49.98, abs=0.05)
    assert k["geonames"] == "https://sws.geonames.org/706483/"
    assert k["first_seen"] == "2023-12-31" and k["last_seen"] == "2024-03-03"
    assert set(k["viz"]["color"]) >= {"r", "g", "b"} and k["viz"]["size"] > 0
    assert g.has_edge(KHARKIV, TEREKHOV)
    e = g.edges[KHARKIV, TEREKHOV]
    assert e["weight"] >= 1 and isinstance(e["articles"], int)
    assert all(d["weight"] >= 1 for _, _, d in g.edges(data=True))
    types = {d["type"] for _, d in g.nodes(data=True)}
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
        assert g.nodes[KHARKIV]["label"] == "Kharkiv" and g.nodes[KHARKIV]["color"].startswith("#")
    elif fmt == "json":
        g = nx.node_link_graph(json.loads(out.read_text()), edges="edges")
        assert g.nodes[KHARKIV]["type"] == "Place" and g.number_of_edges() > 0
    else:
        with (tmp_path / "seeds-nodes.csv").open() as f:
            nodes = list(csv.DictReader(f))
        with (tmp_path / "seeds-edges.csv").open() as f:
            edges = list(csv.DictReader(f))
        assert {"Id", "Label", "type", "mentions"} <= set(nodes[0])
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
