"""RDF out of the store: the store itself (`kg dump`) and the NIF of its articles
(`kg export --format nif`), written to a binary stream.

``dump`` streams quads straight from the store, so a dump of any size takes little
memory. N-Quads and TriG keep the named graphs (an article's graph is named by its
IRI; ``graph/entities``, ``graph/incidents`` and ``graph/ontology`` hold the rest);
Turtle and N-Triples write the union of the graphs chosen.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import PurePath
from typing import BinaryIO

import pyoxigraph as ox

from kg.errors import KGError
from kg.resources import sparql
from kg.vocab import ITSRDF, NIF, PREFIXES, RDF, XSD, base_iri

RDF_FORMATS = {
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
}
DUMP_EXTENSIONS = {".nq": "nquads", ".trig": "trig", ".ttl": "turtle", ".nt": "ntriples"}
# The graphs kg writes besides the articles', by a short name for --graph.
GRAPH_NAMES = ("entities", "incidents", "ontology")
NIF_PREFIXES = {"nif": NIF, "itsrdf": ITSRDF, "xsd": XSD}
_TYPE = ox.NamedNode(RDF + "type")
_OFFSETS = {ox.NamedNode(NIF + "beginIndex"), ox.NamedNode(NIF + "endIndex")}
_NON_NEGATIVE = ox.NamedNode(XSD + "nonNegativeInteger")


def format_from_name(out: str | None, extensions: dict[str, str], default: str) -> str:
    """The format a file name's extension names (``extensions``), else ``default``;
    standard output ("-" or None) takes the default."""
    if not out or out == "-":
        return default
    return extensions.get(PurePath(out).suffix.lower(), default)


def graph_nodes(store: ox.Store, graphs: Iterable[str]) -> list[ox.NamedNode]:
    """The named graphs ``graphs`` names (IRIs, or entities / incidents / ontology);
    KGError naming the first that is no graph of the store."""
    nodes: list[ox.NamedNode] = []
    for name in graphs:
        iri = f"{base_iri()}graph/{name}" if name in GRAPH_NAMES else name
        try:
            node = ox.NamedNode(iri)
        except ValueError as e:
            raise KGError(f"--graph {name!r} is not an IRI (nor one of {', '.join(GRAPH_NAMES)})") from e
        if not store.contains_named_graph(node):
            raise KGError(f"--graph {name!r}: the store has no graph <{iri}>")
        nodes.append(node)
    return nodes


def dump(store: ox.Store, out: BinaryIO, fmt: str = "nquads", graphs: Iterable[str] = ()) -> int:
    """Write the store (or only ``graphs``) to ``out`` as ``fmt`` (one of RDF_FORMATS);
    returns the number of quads written."""
    if fmt not in RDF_FORMATS:
        raise KGError(f"unknown dump format {fmt!r} (one of {', '.join(RDF_FORMATS)})")
    chosen = graph_nodes(store, graphs)
    counted = _Counter(_quads(store, chosen))
    rdf_format = RDF_FORMATS[fmt]
    items: Iterator[ox.Quad] | Iterator[ox.Triple] = counted
    if not rdf_format.supports_datasets:
        items = (q.triple for q in counted)
    prefixes = PREFIXES if fmt in ("turtle", "trig") else None
    _write(items, out, rdf_format, prefixes)
    return counted.n


def write_nif(store: ox.Store, out: BinaryIO) -> tuple[int, int]:
    """Write the articles' NIF to ``out`` as Turtle: each nif:Context with its text and
    each mention (nif:Phrase) with offsets, anchor, itsrdf:taIdentRef and
    itsrdf:taConfidence -- what GERBIL-style tools read, and nothing else (no sentence
    nodes, which they would count as unlinked spans, no facts about the entities).
    Returns how many contexts and phrases were written."""
    found = store.query(sparql("export-nif"), use_default_graph_as_union=True)
    triples = sorted((_nif_offset(t) for t in found), key=_subject_order)
    contexts = sum(1 for t in triples if t.predicate == _TYPE and t.object == ox.NamedNode(NIF + "Context"))
    phrases = sum(1 for t in triples if t.predicate == _TYPE and t.object == ox.NamedNode(NIF + "Phrase"))
    _write(iter(triples), out, ox.RdfFormat.TURTLE, NIF_PREFIXES)
    return contexts, phrases


def _nif_offset(t: ox.Triple) -> ox.Triple:
    """An offset typed xsd:nonNegativeInteger, as NIF 2.0 types it; Oxigraph hands every
    integer-derived literal out as xsd:integer."""
    if t.predicate in _OFFSETS and isinstance(t.object, ox.Literal):
        return ox.Triple(t.subject, t.predicate, ox.Literal(t.object.value, datatype=_NON_NEGATIVE))
    return t


def _subject_order(t: ox.Triple) -> tuple[str, int, str, str]:
    """An article's context, then its phrases in text order, each node's triples together."""
    subject = t.subject.value
    article, _, fragment = subject.partition("#")
    begin = int(fragment.split("=", 1)[1].split(",", 1)[0]) if fragment.startswith("char=") else -1
    return article, begin, subject, t.predicate.value


def _quads(store: ox.Store, graphs: list[ox.NamedNode]) -> Iterator[ox.Quad]:
    if not graphs:
        yield from store.quads_for_pattern(None, None, None, None)
        return
    for g in graphs:
        yield from store.quads_for_pattern(None, None, None, g)


class _Counter:
    """Passes quads through and counts them."""

    def __init__(self, quads: Iterator[ox.Quad]):
        self._quads = quads
        self.n = 0

    def __iter__(self) -> Iterator[ox.Quad]:
        for q in self._quads:
            self.n += 1
            yield q


def _write(items: Iterator, out: BinaryIO, rdf_format: ox.RdfFormat, prefixes: dict[str, str] | None) -> None:
    try:
        ox.serialize(items, out, rdf_format, prefixes=prefixes)
    except BrokenPipeError:
        raise  # the reader went away (kg dump | head): the command ends quietly
    except OSError as e:
        raise KGError(f"cannot write: {e}") from e
