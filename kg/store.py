"""The Oxigraph store: open it, replace one graph atomically (an article's, the incidents')."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError
from kg.vocab import base_iri


def kb_graph() -> ox.NamedNode:
    return ox.NamedNode(base_iri() + "graph/kb")


def ontology_graph() -> ox.NamedNode:
    return ox.NamedNode(base_iri() + "graph/ontology")


def incidents_graph() -> ox.NamedNode:
    """The graph of incidents, rebuilt from every article's events (kg/incidents.py)."""
    return ox.NamedNode(base_iri() + "graph/incidents")


def open_store(path: str | Path, read_only: bool = False) -> ox.Store:
    """Open (or create) the store at ``path``.

    A read-only store fails when the folder holds no store yet, with a message that
    says so, instead of creating an empty one.
    """
    path = Path(path)
    try:
        if read_only:
            if not path.is_dir() or not any(path.iterdir()):
                raise StoreError(f"{path}: no kg store here (run `kg ingest` first, or pass --store)")
            return ox.Store.read_only(str(path))
        path.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except OSError as e:
        raise StoreError(f"{path}: cannot open the store: {e}") from e


def _ntriples(quads: Iterable[ox.Quad]) -> str:
    # str() of pyoxigraph terms is their N-Triples form, escaped by the library.
    return "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)


def replace_graph(store: ox.Store, graph: ox.NamedNode, quads: list[ox.Quad], also: Sequence[ox.Quad] = ()) -> None:
    """Replace the named graph ``graph`` by ``quads``, and add ``also`` (quads of
    other graphs), in one transaction.

    Either the old graph stays whole or the new one is there whole: a crash in
    between leaves no half-written article.
    """
    if not store.contains_named_graph(graph):
        # A new article: one transactional insert, without a round trip through SPARQL.
        try:
            store.extend([*quads, *also])
        except OSError as e:
            raise StoreError(f"cannot write graph {graph.value}: {e}") from e
        return
    by_graph: dict[ox.NamedNode, list[ox.Quad]] = {graph: list(quads)}
    for q in also:
        by_graph.setdefault(q.graph_name, []).append(q)
    blocks = "\n".join(f"GRAPH {g} {{\n{_ntriples(qs)}\n}}" for g, qs in by_graph.items())
    update = f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{\n{blocks}\n}}"
    try:
        store.update(update)
    except OSError as e:
        raise StoreError(f"cannot write graph {graph.value}: {e}") from e


def sync_graph(store: ox.Store, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> tuple[int, int]:
    """Make the named graph ``graph`` hold exactly ``quads`` (their own graph names are
    ignored), in one transaction; returns (quads removed, quads added).

    Only the difference is written -- one SPARQL update, ``DELETE DATA`` then ``INSERT
    DATA``, which pyoxigraph applies as one transaction -- so rebuilding a large graph
    that barely changed (the incidents after one more article) writes a few quads, and
    a graph that did not change is not written at all.
    """
    # The store keeps literals in canonical form ("1.0"^^xsd:double comes back as "1"):
    # pass the new quads through an in-memory store so both sides compare alike.
    scratch = ox.Store()
    scratch.extend(ox.Quad(q.subject, q.predicate, q.object, graph) for q in quads)
    want = set(scratch)
    have = set(store.quads_for_pattern(None, None, None, graph))
    gone, new = have - want, want - have
    if not gone and not new:
        return 0, 0
    if not have:
        # Nothing to delete: one transactional insert, without a round trip through SPARQL.
        try:
            store.extend(new)
        except OSError as e:
            raise StoreError(f"cannot write graph {graph.value}: {e}") from e
        return 0, len(new)
    parts = []
    if gone:
        parts.append(f"DELETE DATA {{ GRAPH {graph} {{\n{_ntriples(gone)}\n}} }}")
    if new:
        parts.append(f"INSERT DATA {{ GRAPH {graph} {{\n{_ntriples(new)}\n}} }}")
    try:
        store.update(" ;\n".join(parts))
    except OSError as e:
        raise StoreError(f"cannot write graph {graph.value}: {e}") from e
    return len(gone), len(new)
