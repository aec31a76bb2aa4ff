"""Check a store against the SHACL shapes in ontology/shapes.ttl (pyshacl over rdflib)."""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox
import rdflib

from kg.resources import ONTOLOGY_DIR
from kg.store import entity_graph
from kg.vocab import ITSRDF, SCHEMA

# The properties by which an article graph names an entity whose facts the shapes check.
_NAMING = {SCHEMA + "mentions", SCHEMA + "publisher", ITSRDF + "taIdentRef"}


@dataclass
class Violation:
    focus: str
    path: str | None
    message: str
    severity: str

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        return f"{self.severity}: <{self.focus}>{where}: {self.message}"


def store_graph(store: ox.Store, sample: int | None = None, seed: int = 0) -> rdflib.Graph:
    """The union of the store's graphs as one rdflib graph; with ``sample``, only that
    many article graphs (chosen at random, reproducibly), the facts of the entities they
    name (so that shapes on entities see them), and the ontology."""
    graphs = list(store.named_graphs())
    quads: Iterable[ox.Quad]
    if sample is None:
        quads = (q for g in graphs for q in store.quads_for_pattern(None, None, None, g))
    else:
        articles = sorted((g for g in graphs if "/article/" in g.value), key=lambda g: g.value)
        chosen = random.Random(seed).sample(articles, min(sample, len(articles)))
        picked = [q for g in chosen for q in store.quads_for_pattern(None, None, None, g)]
        named = {q.object for q in picked if q.predicate.value in _NAMING and isinstance(q.object, ox.NamedNode)}
        ent = entity_graph()
        facts = [q for e in sorted(named, key=lambda n: n.value) for q in store.quads_for_pattern(e, None, None, ent)]
        other = [g for g in graphs if "/article/" not in g.value and g != ent]
        quads = [*picked, *facts, *(q for g in other for q in store.quads_for_pattern(None, None, None, g))]
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
