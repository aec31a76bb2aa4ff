"""tests/data/events.trig, the store the event queries, lookup, exports and scores are
tested on, holds exactly the shapes ontology/README.md fixes for events and incidents."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyoxigraph as ox
import pytest

EVENTS_TRIG = Path(__file__).resolve().parent / "data" / "events.trig"
B = "https://w3id.org/newskg/"
KG = "https://w3id.org/newskg/ontology#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"


@pytest.fixture(scope="module")
def store():
    s = ox.Store()
    s.load(path=str(EVENTS_TRIG), format=ox.RdfFormat.TRIG)
    return s


def rows(store, text):
    prefixes = f"PREFIX kg: <{KG}> PREFIX nif: <{NIF}> PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX schema: <https://schema.org/> "
    return list(store.query(prefixes + text, use_default_graph_as_union=True))


def test_every_span_is_its_text(store):
    spans = rows(store, "SELECT ?text ?b ?e ?anchor WHERE { GRAPH ?g { ?n nif:referenceContext ?c ; nif:beginIndex ?b ; "
                        "nif:endIndex ?e ; nif:anchorOf ?anchor . ?c nif:isString ?text } }")
    assert len(spans) == 8 + 21 + 8  # sentences, mentions, triggers
    for s in spans:
        assert s["text"].value[int(s["b"].value):int(s["e"].value)] == s["anchor"].value


def test_events_sit_in_their_article_graph_with_minted_iris(store):
    events = rows(store, "SELECT ?g ?event ?b ?e WHERE { GRAPH ?g { ?event a kg:Attack ; prov:wasDerivedFrom ?g ; "
                         "kg:trigger ?t . ?t a kg:Trigger ; nif:beginIndex ?b ; nif:endIndex ?e } }")
    assert len(events) == 8
    for r in events:
        basis = f"{r['g'].value}#{r['b'].value},{r['e'].value}"
        assert r["event"].value == B + "event/" + hashlib.sha1(basis.encode()).hexdigest()[:20]
    sentences = rows(store, "SELECT ?s WHERE { ?event a kg:Attack ; kg:sentence ?s . FILTER NOT EXISTS { ?s a nif:Sentence } }")
    assert sentences == []


def test_incidents_summarise_their_reports(store):
    incidents = rows(store, f"SELECT ?i ?n WHERE {{ GRAPH <{B}graph/incidents> {{ ?i a kg:Incident ; kg:reports ?n }} }}")
    assert len(incidents) == 7
    for inc in incidents:
        reports = rows(store, f"SELECT ?r ?date ?loc ?killed WHERE {{ {inc['i']} kg:reportedBy ?r . "
                              "OPTIONAL { ?r schema:startDate ?date } OPTIONAL { ?r kg:location ?loc } "
                              "OPTIONAL { ?r kg:killed ?killed } }")
        assert len(reports) == int(inc["n"].value)
        first = min(reports, key=lambda r: (r["date"].value if r["date"] else "9999",
                                            r["loc"].value if r["loc"] else "", r["r"].value))
        assert inc["i"].value == B + "incident/" + hashlib.sha1(first["r"].value.encode()).hexdigest()[:20]
        killed = [int(r["killed"].value) for r in reports if r["killed"]]
        stated = rows(store, f"SELECT ?k ?lo ?hi WHERE {{ {inc['i']} kg:killed ?k ; kg:killedMin ?lo ; kg:killedMax ?hi }}")
        if killed:
            assert [(int(s["k"].value), int(s["lo"].value), int(s["hi"].value)) for s in stated] == \
                [(max(killed), min(killed), max(killed))]
        else:
            assert stated == []
