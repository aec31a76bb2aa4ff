"""The emitted RDF of a small article, compared as a graph with a hand-written one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyoxigraph as ox
import rdflib
from hypothesis import example, given
from hypothesis import strategies as st
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.emit import article_iri, article_quads, kb_entry_quads
from kg.kb.base import KBEntry, KnowledgeBase
from kg.types import Article, Entity, LinkedMention, Mention

DATA = Path(__file__).parent / "data"
TEXT = "Kharkiv hit\n\nMayor Petro Hnatiuk said Kharkiv held."


def to_rdflib(quads) -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(data=ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads], format=ox.RdfFormat.N_TRIPLES).decode(), format="nt")
    return g


def small_article():
    art = Article(text=TEXT, source="a.txt", title="Kharkiv hit", url="https://example.org/a", date=dt.date(2024, 1, 2), outlet="AFP")
    kharkiv = Entity("https://w3id.org/newskg/entity/gn/706483", "Place", "Kharkiv", ["City"], ["https://sws.geonames.org/706483/"], "gn/706483", ["Kharkiv"])
    hnatiuk = Entity("https://w3id.org/newskg/entity/person/petro-hnatiuk", "Person", "Petro Hnatiuk", [], [], None, ["Petro Hnatiuk"])
    afp = Entity("https://w3id.org/newskg/entity/organization/afp", "Organization", "AFP", ["NewsOrganization"])
    s1, s2 = (0, 11), (13, 51)
    linked = [
        LinkedMention(Mention(0, 7, "Kharkiv", "KB", "kb", None, s1), kharkiv, 0.9),
        LinkedMention(Mention(19, 32, "Petro Hnatiuk", "PERSON", "ner", None, s2), hnatiuk, 0.5),
        LinkedMention(Mention(38, 45, "Kharkiv", "KB", "kb", None, s2), kharkiv, 0.9),
    ]
    return art, linked, afp


def test_small_article_graph_is_as_specified():
    art, linked, afp = small_article()
    graph, quads = article_quads(art, linked, afp)
    assert graph.value == article_iri(art)
    assert all(q.graph_name == graph for q in quads)
    expected = rdflib.Graph().parse(data=(DATA / "small-article.ttl").read_text().replace("ARTICLE", graph.value), format="turtle")
    got = to_rdflib(quads)
    if not isomorphic(got, expected):
        _, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
        raise AssertionError(f"only emitted:\n{only_got.serialize(format='nt')}\nonly expected:\n{only_expected.serialize(format='nt')}")


def test_article_iri_is_stable_and_falls_back_to_content():
    a = Article(text="x", source="a", url="https://example.org/a")
    assert article_iri(a) == article_iri(Article(text="other", source="b", url="https://example.org/a"))
    b = Article(text="same text", source="a")
    assert article_iri(b) == article_iri(Article(text="same text", source="elsewhere"))
    assert article_iri(b) != article_iri(Article(text="other text", source="a"))


def test_literals_with_quotes_and_newlines_survive():
    text = 'He said "no"\\n\n and left \\ ok'
    art = Article(text=text, source="q.txt", title='A "quoted" title')
    _, quads = article_quads(art, [], None)
    g = to_rdflib(quads)
    assert rdflib.Literal(text) in set(g.objects())
    assert rdflib.Literal('A "quoted" title') in set(g.objects())


def test_kb_entry_quads_carry_coordinates_and_parent():
    ua = KBEntry("gn/690791", "Place", "Ukraine", [], ["Country"], country="UA", geonames=690791, origin="geonames")
    kh = KBEntry("gn/706483", "Place", "Kharkiv", ["Kharkov"], ["City"], country="UA", geonames=706483, lat=49.98, lon=36.25, population=1421125, part_of="gn/690791", origin="geonames")
    kb = KnowledgeBase([ua, kh])
    g = to_rdflib(list(kb_entry_quads(kh, kb, ox.NamedNode("https://w3id.org/newskg/graph/kb"))))
    s = rdflib.URIRef("https://w3id.org/newskg/entity/gn/706483")
    geo = rdflib.Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
    assert g.value(s, geo.lat).toPython() == 49.98
    assert g.value(s, rdflib.URIRef("https://w3id.org/newskg/ontology#partOf")) == rdflib.URIRef("https://w3id.org/newskg/entity/gn/690791")
    assert (s, rdflib.OWL.sameAs, rdflib.URIRef("https://sws.geonames.org/706483/")) in g


@given(st.text(max_size=80))
def test_any_url_string_gives_a_valid_graph_or_no_url(url):
    _, quads = article_quads(Article(text="Kyiv was hit.", source="u.txt", url=url), [], None)
    urls = [q.object for q in quads if q.predicate.value == "https://schema.org/url"]
    assert len(urls) <= 1
    ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads], format=ox.RdfFormat.N_TRIPLES)


def test_urls_with_spaces_are_encoded():
    _, quads = article_quads(Article(text="x", source="u", url="https://example.org/a b"), [], None)
    assert [q.object.value for q in quads if q.predicate.value == "https://schema.org/url"] == ["https://example.org/a%20b"]


@given(st.floats(allow_nan=True, allow_infinity=True))
@example(562949953421312.2)  # two shortest forms equally near: Python's repr and Oxigraph differ
def test_doubles_are_written_as_the_store_keeps_them(v):
    from kg.emit import _double

    store = ox.Store()
    g = ox.NamedNode("https://example.org/g")
    lit = _double(v)
    store.add(ox.Quad(g, g, lit, g))
    (q,) = list(store)
    assert q.object == lit


def test_literal_quads_parsed_in_place_equal_quads_built_one_by_one():
    """The literal-object quads emit writes as N-Quads lines and parses together
    (kg.emit._LiteralQuads) are the very quads, in the very places, that building each
    Quad would give: anchors holding quotes, backslashes, line breaks and non-ASCII
    text included, and offsets and confidences as typed literals."""
    from kg.emit import _END, _double, _int

    text = 'He said "Ka\\rkiv" \u2014 \u00e9t\u00e9\r\nand\tZ\u00fcrich; "quoted \\" end"'
    art = Article(text=text, source="t.txt", url="https://example.org/t")
    place = Entity("https://w3id.org/newskg/entity/gn/1", "Place", "Z", ["City"])
    spans = [(8, 18), (19, 31), (31, 45), (46, len(text))]
    linked = [LinkedMention(Mention(b, e, text[b:e], "GPE", "ner", None, (0, len(text))), place, c) for (b, e), c in zip(spans, [0.9, 0.333, 1.0, 1e-07])]
    graph, quads = article_quads(art, linked)
    assert all(isinstance(q, ox.Quad) and q.graph_name == graph for q in quads)
    anchors = {q.subject.value: q.object for q in quads if q.predicate.value.endswith("#anchorOf")}
    for b, e in spans:
        assert anchors[f"{graph.value}#char={b},{e}"] == ox.Literal(text[b:e])
    assert anchors[f"{graph.value}#char=0,{len(text)}"] == ox.Literal(text)  # the sentence's
    ends = [q for q in quads if q.predicate == _END and q.subject.value.endswith(f"={spans[1][0]},{spans[1][1]}")]
    assert ends == [ox.Quad(ox.NamedNode(f"{graph.value}#char={spans[1][0]},{spans[1][1]}"), _END, _int(spans[1][1]), graph)]
    confidences = [q.object for q in quads if q.predicate.value.endswith("#confidence")]
    assert confidences == [_double(c) for c in [0.9, 0.333, 1.0, 1e-07]] and confidences[-1].value == "0.0000001"
    # Each mention's quads keep their order: type, context, begin, end, anchor, entity, class, confidences, sentence.
    first = [q.predicate.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1] for q in quads if q.subject.value.endswith(f"={spans[0][0]},{spans[0][1]}")]
    assert first == ["type", "referenceContext", "beginIndex", "endIndex", "anchorOf", "taIdentRef", "taClassRef", "confidence", "taConfidence", "sentence"]
    assert ox.serialize(quads, format=ox.RdfFormat.N_QUADS)  # every place filled: nothing left None


def test_kb_entry_quads_equal_quads_built_one_by_one():
    """The knowledge-base facts of an entry, literals parsed together in their places, are
    the quads, in the order, that building each Quad gives: escapes, a description, a
    country code, coordinates, a population and the parent included."""
    from kg.emit import ALT, LABEL, SAME, _double, _en, _int

    ua = KBEntry("gn/690791", "Place", "Ukraine", [], ["Country"], country="UA", geonames=690791, origin="geonames")
    kh = KBEntry("gn/706483", "Place", "Kharkiv", ['Khar"kov', "Khar\\kiv\nCity", "Харків"], ["City"], description="a city, 'the second'",
                 country="UA", geonames=706483, lat=49.98, lon=36.25, population=1421125, part_of="gn/690791", origin="geonames")
    kb = KnowledgeBase([ua, kh])
    g = ox.NamedNode("https://w3id.org/newskg/graph/entities")
    s = ox.NamedNode("https://w3id.org/newskg/entity/gn/706483")
    n = ox.NamedNode
    want = [
        ox.Quad(s, n("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), n("https://schema.org/Place"), g),
        ox.Quad(s, n("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), n("https://w3id.org/newskg/ontology#City"), g),
        ox.Quad(s, LABEL, _en("Kharkiv"), g),
        *[ox.Quad(s, ALT, _en(a), g) for a in kh.aliases],
        *[ox.Quad(s, SAME, n(x), g) for x in kh.same_as],  # the GeoNames IRI
        ox.Quad(s, n("https://schema.org/description"), _en("a city, 'the second'"), g),
        ox.Quad(s, n("https://w3id.org/newskg/ontology#countryCode"), ox.Literal("UA"), g),
        ox.Quad(s, n("http://www.w3.org/2003/01/geo/wgs84_pos#lat"), _double(49.98), g),
        ox.Quad(s, n("http://www.w3.org/2003/01/geo/wgs84_pos#long"), _double(36.25), g),
        ox.Quad(s, n("https://w3id.org/newskg/ontology#population"), _int(1421125), g),
        ox.Quad(s, n("https://w3id.org/newskg/ontology#partOf"), n("https://w3id.org/newskg/entity/gn/690791"), g),
    ]
    got = list(kb_entry_quads(kh, kb, g))
    assert kh.same_as and [str(q) for q in got] == [str(q) for q in want]
    assert got == want
    # In the default graph, or a blank node's, likewise.
    for graph in (None, ox.BlankNode("kbfacts")):
        assert list(kb_entry_quads(kh, kb, graph)) == [ox.Quad(q.subject, q.predicate, q.object, graph) for q in want]
