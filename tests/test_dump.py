"""Files outside tools read: NIF for GERBIL-style tools (kg export --format nif), the
store's RDF (kg dump), CONSTRUCT / DESCRIBE results as RDF and SPARQL XML results
(kg query), and exports to standard output with the format from OUT's extension."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

from kg.cli import cli
from kg.vocab import ITSRDF, KG, NIF, RDF, XSD, base_iri

NIF_NS = rdflib.Namespace(NIF)
ITS = rdflib.Namespace(ITSRDF)
KHARKIV = "https://w3id.org/newskg/entity/gn/706483"
SPARQL_RESULTS = "{http://www.w3.org/2005/sparql-results#}"


def run(store, *args: str, input: str | None = None, ok: bool = True):
    result = CliRunner().invoke(cli, ["--store", str(store), *args], input=input, catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


def union_select(store_path, query: str) -> list:
    store = ox.Store.read_only(str(store_path))
    return list(store.query(query, use_default_graph_as_union=True))


# --------------------------------------------------------------------------- NIF


@pytest.fixture(scope="module")
def nif(seed_store, tmp_path_factory) -> rdflib.Graph:
    out = tmp_path_factory.mktemp("nif") / "mentions.nif"  # the format from the extension
    run(seed_store, "export", str(out))
    return rdflib.Graph().parse(out, format="turtle")


def test_nif_holds_contexts_and_phrases_only(nif: rdflib.Graph, seed_store) -> None:
    (articles,) = union_select(seed_store, "SELECT (COUNT(*) AS ?n) WHERE { ?a a <https://schema.org/NewsArticle> }")
    (mentions,) = union_select(seed_store, f"SELECT (COUNT(*) AS ?n) WHERE {{ ?m a <{NIF}Phrase> }}")
    assert len(set(nif.subjects(RDF_TYPE, NIF_NS.Context))) == int(articles["n"].value)
    assert len(set(nif.subjects(RDF_TYPE, NIF_NS.Phrase))) == int(mentions["n"].value) > 0
    assert not set(nif.subjects(RDF_TYPE, NIF_NS.Sentence))  # GERBIL would count them as unlinked spans
    types = {o for o in nif.objects(None, RDF_TYPE)}
    assert types == {NIF_NS.Context, NIF_NS.Phrase, NIF_NS.String, NIF_NS.RFC5147String}
    predicates = {p for p in nif.predicates()}
    assert predicates <= {RDF_TYPE, NIF_NS.isString, NIF_NS.beginIndex, NIF_NS.endIndex, NIF_NS.sourceUrl,
                          NIF_NS.referenceContext, NIF_NS.anchorOf, ITS.taIdentRef, ITS.taConfidence}  # fmt: skip
    # no facts about entities: nothing is said of the entities the phrases point at
    for entity in set(nif.objects(None, ITS.taIdentRef)):
        assert not list(nif.predicate_objects(entity))


def test_nif_phrases_as_gerbil_reads_them(nif: rdflib.Graph) -> None:
    for phrase in nif.subjects(RDF_TYPE, NIF_NS.Phrase):
        begin, end = nif.value(phrase, NIF_NS.beginIndex), nif.value(phrase, NIF_NS.endIndex)
        assert begin.datatype == end.datatype == rdflib.URIRef(XSD + "nonNegativeInteger")
        context = nif.value(phrase, NIF_NS.referenceContext)
        text = str(nif.value(context, NIF_NS.isString))
        assert text[int(begin) : int(end)] == str(nif.value(phrase, NIF_NS.anchorOf))
        confidence = nif.value(phrase, ITS.taConfidence)
        assert confidence.datatype == rdflib.URIRef(XSD + "double") and 0 <= float(confidence) <= 1
        assert isinstance(nif.value(phrase, ITS.taIdentRef), rdflib.URIRef)
    for context in nif.subjects(RDF_TYPE, NIF_NS.Context):
        assert int(nif.value(context, NIF_NS.beginIndex)) == 0
        assert int(nif.value(context, NIF_NS.endIndex)) == len(str(nif.value(context, NIF_NS.isString)))


def test_the_store_gives_each_mention_its_link_confidence_as_itsrdf_too(seed_store) -> None:
    rows = union_select(seed_store, f"""SELECT ?m ?own ?ta WHERE {{ ?m a <{NIF}Phrase> ; <{KG}confidence> ?own .
                                         OPTIONAL {{ ?m <{ITSRDF}taConfidence> ?ta }} }}""")
    assert rows and all(r["ta"] is not None and r["ta"] == r["own"] for r in rows)


def test_nif_to_standard_output_and_options_that_do_not_apply(seed_store) -> None:
    result = run(seed_store, "export", "--format", "nif", "-")
    graph = rdflib.Graph().parse(data=result.stdout, format="turtle")
    assert set(graph.subjects(RDF_TYPE, NIF_NS.Phrase))
    refused = run(seed_store, "export", "--format", "nif", "--events", "x.ttl", ok=False)
    assert refused.exit_code == 2 and "--events does not apply to --format nif" in refused.output


# --------------------------------------------------------------------------- kg export


def test_export_to_standard_output(seed_store) -> None:
    result = run(seed_store, "export", "--format", "graphml", "-")
    g = nx.read_graphml(io.BytesIO(result.stdout_bytes))
    assert g.number_of_nodes() > 0 and KHARKIV in {a["iri"] for _, a in g.nodes(data=True)}
    acled = run(seed_store, "export", "--format", "acled", "-").stdout
    assert acled.startswith("event_id_cnty,event_date,")


def test_export_format_from_the_extension_and_format_overrides_it(seed_store, tmp_path) -> None:
    run(seed_store, "export", str(tmp_path / "g.graphml"))
    assert nx.read_graphml(tmp_path / "g.graphml").number_of_nodes() > 0
    run(seed_store, "export", "--format", "json", str(tmp_path / "g.graphml.txt"))
    assert (tmp_path / "g.graphml.txt").read_text().lstrip().startswith("{")
    run(seed_store, "export", "--format", "gexf", str(tmp_path / "x.graphml"))
    assert "http://www.gexf.net/1.2draft" in (tmp_path / "x.graphml").read_text()
    run(seed_store, "export", str(tmp_path / "g.csv"))
    assert (tmp_path / "g-nodes.csv").exists() and (tmp_path / "g-edges.csv").exists()


def test_csv_cannot_go_to_standard_output(seed_store) -> None:
    result = run(seed_store, "export", "--format", "csv", "-", ok=False)
    assert result.exit_code == 1 and "csv writes two files" in result.output


# --------------------------------------------------------------------------- kg dump


def test_dump_nquads_holds_the_whole_store(seed_store, tmp_path) -> None:
    out = tmp_path / "store.nq"
    result = run(seed_store, "dump", str(out))
    copy = ox.Store()
    copy.load(path=str(out), format=ox.RdfFormat.N_QUADS)
    original = ox.Store.read_only(str(seed_store))
    assert len(copy) == len(original) > 0
    assert set(copy) == set(original)
    assert f"{len(original)} quads (nquads)" in result.output


def test_dump_one_graph_as_turtle(seed_store, tmp_path) -> None:
    out = tmp_path / "entities.ttl"  # turtle from the extension
    run(seed_store, "dump", "--graph", "entities", str(out))
    written = rdflib.Graph().parse(out, format="turtle")
    original = ox.Store.read_only(str(seed_store))
    expected = rdflib.Graph().parse(
        data=ox.serialize((q.triple for q in original.quads_for_pattern(None, None, None, ox.NamedNode(base_iri() + "graph/entities"))),
                          format=ox.RdfFormat.N_TRIPLES).decode(),
        format="nt",
    )  # fmt: skip
    assert len(written) > 0 and isomorphic(written, expected)
    assert (KHARKIV_REF, rdflib.RDFS.label, None) in written


def test_dump_trig_to_standard_output_keeps_the_graphs(seed_store) -> None:
    (article,) = union_select(seed_store, "SELECT ?a WHERE { ?a a <https://schema.org/NewsArticle> } ORDER BY ?a LIMIT 1")
    result = run(seed_store, "dump", "--format", "trig", "--graph", article["a"].value, "-")
    dataset = rdflib.Dataset()
    dataset.parse(data=result.stdout, format="trig")
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert names == {article["a"].value}


def test_dump_of_a_graph_the_store_does_not_have_is_an_error_and_writes_nothing(seed_store, tmp_path) -> None:
    out = tmp_path / "x.nq"
    result = run(seed_store, "dump", "--graph", "https://example.org/no-such-graph", str(out), ok=False)
    assert result.exit_code == 1 and "the store has no graph <https://example.org/no-such-graph>" in result.output
    assert not out.exists()


# --------------------------------------------------------------------------- kg query


def test_construct_gives_turtle_by_default(seed_store) -> None:
    query = f"CONSTRUCT {{ ?e <{RDFS_LABEL}> ?l }} WHERE {{ VALUES ?e {{ <{KHARKIV}> }} ?e <{RDFS_LABEL}> ?l }}"
    result = run(seed_store, "query", "-", input=query)
    graph = rdflib.Graph().parse(data=result.stdout, format="turtle")
    assert set(graph) == {(KHARKIV_REF, rdflib.RDFS.label, rdflib.Literal("Kharkiv", lang="en"))}


def test_describe_as_ntriples(seed_store) -> None:
    result = run(seed_store, "query", "--format", "ntriples", "-", input=f"DESCRIBE <{KHARKIV}>")
    graph = rdflib.Graph().parse(data=result.stdout, format="nt")
    assert (KHARKIV_REF, rdflib.RDF.type, rdflib.URIRef("https://schema.org/Place")) in graph


def test_select_and_ask_as_sparql_xml_results(seed_store) -> None:
    result = run(seed_store, "query", "entities-by-type", "--limit", "3", "--format", "xml")
    parsed = rdflib.query.Result.parse(io.BytesIO(result.stdout_bytes), format="xml")
    rows = list(parsed)
    assert len(rows) == 3 and "label" in [str(v) for v in parsed.vars]
    root = ET.fromstring(result.stdout_bytes)
    assert root.tag == SPARQL_RESULTS + "sparql"
    ask = run(seed_store, "query", "--format", "xml", "-", input="ASK { ?s ?p ?o }")
    assert rdflib.query.Result.parse(io.BytesIO(ask.stdout_bytes), format="xml").askAnswer is True


def test_rdf_formats_are_refused_for_rows(seed_store) -> None:
    result = run(seed_store, "query", "entities-by-type", "--format", "turtle", ok=False)
    assert result.exit_code == 1 and "--format turtle is for CONSTRUCT and DESCRIBE queries" in result.output


def test_xml_results_leave_out_what_xml_cannot_hold() -> None:
    from kg.query import Result, render

    result = Result(["x"], [[ox.Literal("bell\x07 and <tag> & more")]])
    root = ET.fromstring(render(result, "xml"))
    assert root.find(f".//{SPARQL_RESULTS}literal").text == "bell and <tag> & more"


RDF_TYPE = rdflib.URIRef(RDF + "type")
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
KHARKIV_REF = rdflib.URIRef(KHARKIV)
