"""Check a store against the SHACL shapes in ontology/shapes.ttl (pyshacl over rdflib)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import chain

import pyoxigraph as ox
import rdflib

from kg.resources import ONTOLOGY_DIR
from kg.store import entity_graph, incidents_graph
from kg.vocab import ITSRDF, KG, PROV, RDF, SCHEMA

# The properties by which an article graph names an entity whose facts the shapes check.
_NAMING = {SCHEMA + "mentions", SCHEMA + "publisher", ITSRDF + "taIdentRef", KG + "actor", KG + "location", KG + "weapon"}


@dataclass
class Violation:
    focus: str
    path: str | None
    message: str
    severity: str

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        return f"{self.severity}: <{self.focus}>{where}: {self.message}"


def _sampled_graphs(store: ox.Store, graphs: list[ox.NamedNode], sample: int, seed: int) -> tuple[list[ox.NamedNode], list[ox.Quad]]:
    """``sample`` article graphs chosen at random (reproducibly), the shared graphs
    except the incidents', and the quads of the incidents that report an event of a
    chosen article -- with the graphs of their other reports, and the incidents of those
    graphs' events in turn, so that every incident and every event checked is whole."""
    incidents = incidents_graph()
    articles = sorted((g for g in graphs if "/article/" in g.value), key=lambda g: g.value)
    shared = [g for g in graphs if "/article/" not in g.value and g != incidents]
    chosen = random.Random(seed).sample(articles, min(sample, len(articles)))
    a, attack = ox.NamedNode(RDF + "type"), ox.NamedNode(KG + "Attack")
    reported_by, derived = ox.NamedNode(KG + "reportedBy"), ox.NamedNode(PROV + "wasDerivedFrom")
    # Until nothing more comes in: an article brought in for one incident's other report
    # has events of its own, whose incidents must come too (else their events look
    # reported by none), and so on.
    found: set[ox.NamedNode] = set()
    included, todo = set(chosen), list(chosen)
    while todo:
        new = {q.subject for g in todo for e in store.quads_for_pattern(None, a, attack, g) for q in store.quads_for_pattern(None, reported_by, e.subject, incidents)} - found
        found |= new
        todo = []
        for inc in new:
            for q in store.quads_for_pattern(inc, reported_by, None, incidents):
                for d in store.quads_for_pattern(q.object, derived, None, None):
                    g = d.object
                    if isinstance(g, ox.NamedNode) and g not in included and store.contains_named_graph(g):
                        included.add(g)
                        todo.append(g)
    more = sorted(included - set(chosen), key=lambda g: g.value)
    quads = [q for inc in sorted(found, key=lambda n: n.value) for q in store.quads_for_pattern(inc, None, None, incidents)]
    return shared + chosen + more, quads


def store_graph(store: ox.Store, sample: int | None = None, seed: int = 0) -> rdflib.Graph:
    """The union of the store's graphs as one rdflib graph; with ``sample``, only that
    many article graphs (chosen at random, reproducibly) beside the shared graphs, the
    facts of the entities they name (so that shapes on entities see them), and the
    incidents their events belong to (with those incidents' other reports)."""
    graphs = list(store.named_graphs())
    extra: list[ox.Quad] = []
    if sample is not None:
        graphs, extra = _sampled_graphs(store, graphs, sample, seed)
        ent = entity_graph()
        picked = [q for g in graphs for q in store.quads_for_pattern(None, None, None, g)]
        named = {q.object for q in picked if q.predicate.value in _NAMING and isinstance(q.object, ox.NamedNode)}
        extra += [q for e in sorted(named, key=lambda n: n.value) for q in store.quads_for_pattern(e, None, None, ent)]
        graphs = [g for g in graphs if g != ent]
    quads = chain((q for g in graphs for q in store.quads_for_pattern(None, None, None, g)), extra)
    triples = (ox.Triple(q.subject, q.predicate, q.object) for q in quads)
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    g = rdflib.Graph()
    g.parse(data=data.decode("utf-8"), format="nt")
    return g


def validate_graph(data: rdflib.Graph) -> list[Violation]:
    """SHACL violations of ``data`` against kg's shapes (empty when it conforms)."""
    from pyshacl import validate

    shapes = rdflib.Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")
    ont = rdflib.Graph().parse(ONTOLOGY_DIR / "kg.ttl", format="turtle")
    conforms, report, _ = validate(data, shacl_graph=shapes, ont_graph=ont, inference="none", advanced=True, allow_warnings=True)
    if conforms:
        return []
    SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    out = []
    for r in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        path = report.value(r, SH.resultPath)
        out.append(
            Violation(
                focus=str(report.value(r, SH.focusNode)),
                path=str(path) if isinstance(path, rdflib.URIRef) else None,
                message=str(report.value(r, SH.resultMessage) or "violates a shape"),
                severity=str(report.value(r, SH.resultSeverity)).rsplit("#", 1)[-1],
            )
        )
    return sorted(out, key=lambda v: (v.focus, v.path or "", v.message))


def validate_store(store: ox.Store, sample: int | None = None) -> list[Violation]:
    """Violations in the store (or in ``sample`` of its articles, for large stores)."""
    return validate_graph(store_graph(store, sample))
