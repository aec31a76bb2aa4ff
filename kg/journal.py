"""The write journal: how a write that removes quads (a re-ingest, a removal, an entity
or incident fact that goes) stays whole without a SPARQL update.

pyoxigraph 0.5 has one transaction that both removes and adds quads -- a SPARQL update
-- and it is the slowest way to write (the data serialised into the request, parsed
again, every quad read before it is written); its other calls are each their own
transaction and either add (``load``, ``bulk_load``) or remove (``remove``,
``remove_graph``). A write that removes is therefore made of several such calls, and
made whole by a redo journal, a file in the store's folder written before the first
of them:

1. the journal (:data:`JOURNAL`): the graphs to empty, the quads to remove, the quads to
   add, as N-Quads, closed by an end line; written under a temporary name, synced, then
   renamed, so that it is either absent or whole;
2. the calls: every dropped graph removed (``remove_graph``), every quad to delete
   removed, the additions loaded;
3. the journal removed.

Every step of 2 can be made again with the same result (removing what is gone, adding
what is there, change nothing), so a process killed at any moment after 1 leaves a
journal that, applied again from its start, takes the store to where the write would
have: :func:`recover` does it whenever the store is opened (kg/store.py), and before the
next write of a process whose write failed half-way. Killed before 1, the write left
the store as it was. Either way each article is whole: its old version, or its new one.

A journal names no data in SPARQL text (there is none), and costs a serialisation
and a file written once (about 3 % of the write, benchmarks/bench_reingest.py).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox

JOURNAL = "kg-journal.nq"
_PARTIAL = JOURNAL + ".partial"
_HEADER = b"# kg write journal (kg/journal.py): an unfinished write, finished when the store is next opened\n"
_ADD = b"#add\n"
_END = b"#end\n"
# A dropped graph is written as one quad naming it, whose other terms are this IRI.
_ALL = ox.NamedNode("urn:x-kg-journal:all")

# Below this many quads an addition is one transaction (``Store.load``), above it the bulk
# loader: the loader's fixed cost (its files for every index, about 20 ms a call) is worth
# paying only for large writes (measured: 300 quads 5 ms against 26 ms, 2,000 quads 32
# against 52 ms, 8,000 quads 115 against 91 ms).
BULK_FROM = 5_000


class JournalError(Exception):
    """A journal the store's folder holds that cannot be read (never written by kg whole)."""


def nquads(quads: Sequence[ox.Quad]) -> bytes:
    return (ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"") if quads else b""


def add_nquads(store: ox.Store, data: bytes) -> None:
    """Add the N-Quads ``data`` (kg wrote and checked every term of it: read without
    checking IRIs again), in one call: a transaction for a small write, the bulk
    loader for a large one (see BULK_FROM). Quads already there stay as they are."""
    if not data:
        return
    if data.count(b"\n") < BULK_FROM:
        store.load(data, format=ox.RdfFormat.N_QUADS, lenient=True)
    else:
        store.bulk_load(data, format=ox.RdfFormat.N_QUADS, lenient=True)


def apply(store: ox.Store, drop: Sequence[ox.NamedNode], delete: Sequence[ox.Quad], add: bytes) -> None:
    """Empty the graphs ``drop`` (and take them off the store's list of graphs), remove
    ``delete``, then add the N-Quads ``add``: the calls a journal stands for, in the order
    that makes them repeatable (a graph both dropped and added to ends with what is added)."""
    for g in drop:
        store.remove_graph(g)
    for q in delete:
        store.remove(q)
    add_nquads(store, add)


def begin(folder: Path, drop: Sequence[ox.NamedNode], delete: Sequence[ox.Quad], add: bytes) -> None:
    """Write the journal of a write into the store's ``folder``: whole, or not at all."""
    partial = folder / _PARTIAL
    removals = [ox.Quad(_ALL, _ALL, _ALL, g) for g in drop] + list(delete)
    try:
        with open(partial, "wb") as f:
            f.write(_HEADER)
            f.write(nquads(removals))
            f.write(_ADD)
            f.write(add)
            if add and not add.endswith(b"\n"):
                f.write(b"\n")
            f.write(_END)
            f.flush()
            os.fsync(f.fileno())
        os.replace(partial, folder / JOURNAL)
    except BaseException:
        partial.unlink(missing_ok=True)  # the store was not touched: nothing is owed
        raise
    _sync_folder(folder)


def end(folder: Path) -> None:
    """The write is done: its journal goes."""
    (folder / JOURNAL).unlink(missing_ok=True)


def pending(folder: Path) -> bool:
    return (folder / JOURNAL).is_file()


def read(path: Path) -> tuple[list[ox.NamedNode], list[ox.Quad], bytes]:
    """(graphs to drop, quads to remove, N-Quads to add) of the journal at ``path``."""
    data = path.read_bytes()
    at = data.find(b"\n" + _ADD)
    if not data.startswith(_HEADER) or not data.endswith(_END) or at < 0:
        raise JournalError(f"{path}: not a whole kg write journal")
    try:
        removals = list(ox.parse(data[len(_HEADER) : at + 1], format=ox.RdfFormat.N_QUADS))
    except SyntaxError as e:
        raise JournalError(f"{path}: not a whole kg write journal ({e})") from e
    drop = [q.graph_name for q in removals if q.subject == _ALL and q.predicate == _ALL and q.object == _ALL]
    delete = [q for q in removals if q.subject != _ALL]
    return drop, delete, data[at + 1 + len(_ADD) : -len(_END)]  # type: ignore[return-value]


def recover(store: ox.Store, folder: Path) -> bool:
    """Finish the write a journal in ``folder`` stands for, if any (see the module's
    docstring); returns whether there was one. A journal only begun (its temporary file)
    never touched the store, and is removed."""
    (folder / _PARTIAL).unlink(missing_ok=True)
    path = folder / JOURNAL
    if not path.is_file():
        return False
    drop, delete, add = read(path)
    apply(store, drop, delete, add)
    end(folder)
    return True


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (a directory is synced through a descriptor of its own;
    platforms that cannot open one for reading skip it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
