"""The Oxigraph store: open it, replace one article's graph atomically, read counts."""

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
