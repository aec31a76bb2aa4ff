"""The Oxigraph store: open it; write, replace and remove article graphs, each change
as one write with the entity graph it implies (all or nothing, through the journal of
kg/journal.py when it removes anything); keep a derived graph (the incidents) in step."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

import pyoxigraph as ox

from kg import journal
from kg.errors import StoreError
from kg.resources import sparql
from kg.vocab import KG, NIF, RDF, base_iri

if TYPE_CHECKING:
    from kg.entities import Seen
    from kg.kb.base import KnowledgeBase
    from kg.types import ArticleNotes

    # What a write hands its watchers afterwards: each graph written, its quads, and the
    # emitter's notes on it (None for graphs that came as N-Quads, without notes).
    WrittenGraphs = Iterable[tuple[ox.NamedNode, Sequence[ox.Quad], ArticleNotes | None]]


def entity_graph() -> ox.NamedNode:
    """The graph that holds every entity's facts once (kg/entities.py keeps it exact)."""
    return ox.NamedNode(base_iri() + "graph/entities")


def legacy_kb_graph() -> ox.NamedNode:
    """Where kg before the entity graph put knowledge-base facts (stores of that layout
    also repeat entity facts in every article graph)."""
    return ox.NamedNode(base_iri() + "graph/kb")


def ontology_graph() -> ox.NamedNode:
    return ox.NamedNode(base_iri() + "graph/ontology")


def require_store(path: Path) -> None:
    """Fail with a message that says so when ``path`` holds no store."""
    if not path.is_dir() or not any(path.iterdir()):
        raise StoreError(f"{path}: no kg store here (run `kg ingest` first, or pass --store)")


def incidents_graph() -> ox.NamedNode:
    """The graph of incidents, rebuilt from every article's events (kg/incidents.py)."""
    return ox.NamedNode(base_iri() + "graph/incidents")


class FolderStore:
    """A store opened for writing from its folder (:func:`open_store`), which keeps the
    folder: a write that removes quads journals itself there (kg/journal.py), so that a
    crash at any point of it leaves whole articles. pyoxigraph's ``Store`` can be neither
    subclassed nor given attributes, so this stands in for it and passes everything on;
    each of its methods is bound on first use, since look-ups call them in tight loops."""

    def __init__(self, store: ox.Store, folder: Path):
        self.raw, self.folder = store, folder

    def __getattr__(self, name: str) -> Any:
        if name in ("raw", "folder"):  # not set yet (copy, pickle): never look in the store
            raise AttributeError(name)
        value = getattr(self.raw, name)
        setattr(self, name, value)
        return value

    def __contains__(self, quad: object) -> bool:
        return quad in self.raw

    def __iter__(self) -> Iterator[ox.Quad]:
        return iter(self.raw)

    def __len__(self) -> int:
        return len(self.raw)


def open_store(path: str | Path, read_only: bool = False) -> ox.Store:
    """Open (or create) the store at ``path``.

    A read-only store fails when the folder holds no store yet, with a message that
    says so, instead of creating an empty one. A write a killed process left unfinished
    (its journal: kg/journal.py) is finished first, by any open that can take the
    store's lock, a read-only one included, so that whoever reads after a crash sees
    whole articles. A store opened for writing comes as a :class:`FolderStore`.
    """
    path = Path(path)
    try:
        if read_only:
            require_store(path)
            if journal.pending(path):
                finish_killed_write(path)
            return ox.Store.read_only(str(path))
        path.mkdir(parents=True, exist_ok=True)
        store = ox.Store(str(path))
    except (OSError, RuntimeError) as e:
        raise store_error(path, e) from e
    # A process killed while the bulk loader built a write's files (see insert_quads) leaves
    # them beside the store: never part of it (RocksDB only knows files by number), they
    # are removed once this process holds the store's lock, so no loader can be at work.
    for stray in path.glob("bulk-*.sst"):
        stray.unlink(missing_ok=True)
    _recover(store, path)
    return cast(ox.Store, FolderStore(store, path))  # it passes on every call a Store takes


def _recover(store: ox.Store, path: Path) -> None:
    """Finish the write the journal in ``path`` stands for, if any."""
    try:
        journal.recover(store, path)
    except journal.JournalError as e:
        raise StoreError(f"{e}: a write was cut off in a way kg never leaves (the file was damaged?); "
                         "restore the store from a copy, or ingest the articles again into a new store (--store NEW)") from e
    except (OSError, SyntaxError) as e:
        raise StoreError(f"{path / journal.JOURNAL}: cannot finish the write a killed run left: {e}") from e


def finish_killed_write(path: Path) -> None:
    """Finish a killed write's journal at ``path`` for a reader (a read-only open, the
    Oxigraph server), when no other process holds the store (one that does is the
    writer the journal belongs to, at work)."""
    try:
        writable = ox.Store(str(path))
    except (OSError, RuntimeError):
        return  # locked by that writer, or a folder this user cannot write to
    try:
        _recover(writable, path)
        writable.flush()
    finally:
        del writable


def store_error(path: Path, error: Exception) -> StoreError:
    """What RocksDB's message about ``path`` means, in words a researcher can act on."""
    message = str(error)
    if "lock" in message.lower() and ("LOCK" in message or "lock hold" in message):
        return StoreError(f"{path}: the store is locked by another kg process (an ingest, or `kg serve "
                          "--read-write`); wait for it to finish or stop it, then run this again")
    if message.startswith("Corruption") or "corrupt" in message.lower():
        first = message.split("  ")[0].strip()
        return StoreError(f"{path}: the store is damaged ({first}); restore it from a copy, or ingest the "
                          "articles again into a new store (--store NEW)")
    if isinstance(error, FileNotFoundError) and (path / "CURRENT").name in message and not (path / "CURRENT").exists():
        return StoreError(f"{path}: not a kg store (the folder holds other files); pass --store with the "
                          "folder `kg ingest` wrote")
    return StoreError(f"{path}: cannot open the store: {message}")


@dataclass
class Written:
    """What one call of :func:`write_articles` changed."""

    articles: int = 0  # article graphs written (new or replaced)
    removed: int = 0  # article graphs removed
    added: int = 0  # quads added (article and entity graphs)
    deleted: int = 0  # quads deleted one by one (the diff of a graph whose text stayed, entity facts)
    dropped: int = 0  # graphs emptied whole (replaced with their text changed, or removed): their size is not read


class Watcher(Protocol):
    """Something derived from the article and entity graphs that wants to know what a
    write changes (kg/incident_upkeep.py's ``IncidentChanges``). ``written`` holds the
    article graphs written with all their quads (the graphs as they now stand) and what
    the emitter noted of them (or None), so that what a watcher needs of them is taken
    from memory rather than read back from the store."""

    def before(self, store: ox.Store, graphs: Iterable[ox.NamedNode], entities: Iterable[ox.NamedNode]) -> None: ...

    def after(
        self,
        store: ox.Store,
        graphs: Iterable[ox.NamedNode],
        entities: Iterable[ox.NamedNode],
        written: WrittenGraphs = (),
    ) -> None: ...


_A = ox.NamedNode(RDF + "type")
_PART_OF = ox.NamedNode(KG + "partOf")


def write_articles(
    store: ox.Store,
    kb: KnowledgeBase,
    articles: Sequence[tuple[ox.NamedNode, list[ox.Quad]]],
    remove: Iterable[ox.NamedNode] = (),
    watch: Watcher | None = None,
    seen: Sequence[dict[str, Seen]] | None = None,
    notes: Sequence[ArticleNotes | None] | None = None,
) -> Written:
    """Write article graphs (replacing those already there), remove others, and bring the
    entity graph up to date, all as ONE write (:func:`apply_changes`): a crash leaves the
    store as it was before the call or as it is after it, never in between.

    Cheap on every path: new articles whose entities lose nothing are one bulk load;
    an article re-ingested unchanged writes nothing. A replaced
    article whose text is the same (a new model, new rules) writes only the quads that
    differ; one whose text changed (so nearly every mention IRI, which holds offsets,
    moved) is dropped and written whole, without reading its old graph beyond what the
    entity upkeep needs (Oxigraph deletes a quad at about 1.6 times the cost of bulk
    loading one: the floor of such a replacement is some 2.5 times a first write). ``watch`` is told which graphs and
    entities the write changes, before and after it. ``seen``, when given, is
    :func:`kg.entities.seen_in` of each article's quads, worked out beforehand (by the
    worker that emitted them); ``notes``, what the emitter noted of each for the watchers.
    """
    # Imported here: the entity upkeep brings the linker and the emitter, which the read
    # commands (lookup, query, stats) that open the store never need (0.05 CPU s each).
    from kg.entities import Upkeep, entity_references, merged, seen_in

    finish_pending(store)
    g_ent = entity_graph()
    new_graphs = {g for g, _ in articles}
    gone = {g for g in remove if g not in new_graphs and store.contains_named_graph(g)}
    replaced = {g for g in new_graphs if store.contains_named_graph(g)} | gone
    add: list[ox.Quad] = []
    delete: list[ox.Quad] = []
    drop: list[ox.NamedNode] = sorted(gone, key=lambda n: n.value)
    old_refs: list[list[ox.Quad]] = [entity_references(store, g) for g in drop]
    serialized: list[bytes] = []  # new graphs handed over as N-Quads, loaded as they are
    serialized_count = 0
    for g, quads in articles:
        if g not in replaced:
            if isinstance(quads, Serialized) and not quads.parsed:
                serialized.append(quads.data)
                serialized_count += len(quads)
            else:
                add += quads
            continue
        if _text_changed(store, g, quads):
            drop.append(g)
            old_refs.append(entity_references(store, g))
            add += quads
            continue
        old = list(store.quads_for_pattern(None, None, None, g))
        old_refs.append(old)
        before = set(old)
        # Compared as the store keeps them ("1.0"^^xsd:double comes back as "1"): the few
        # quads not found as they are are put in canonical form and looked for again.
        new = canonical(q for q in quads if q not in before)
        kept = set(quads) | set(new)
        delete += [q for q in old if q not in kept]
        add += [q for q in new if q not in before]
    upkeep = Upkeep(store, kb, g_ent, replaced)
    new_seen = seen if seen is not None else [seen_in(q) for _, q in articles]
    ent_add, ent_delete = upkeep.changes(merged(seen_in(q) for q in old_refs), merged(new_seen))
    add += ent_add
    delete += ent_delete
    written = Written(articles=len(articles), removed=len(gone), added=len(add) + serialized_count, deleted=len(delete), dropped=len(drop))
    entities = {q.subject for q in ent_add + ent_delete if q.predicate in (_A, _PART_OF) and isinstance(q.subject, ox.NamedNode)}
    if watch is not None:
        watch.before(store, replaced, entities)
    apply_changes(store, delete, add, drop, serialized)
    if watch is not None:
        notes = notes if notes is not None else [None] * len(articles)
        watch.after(store, new_graphs, entities, written=[(g, q, n) for (g, q), n in zip(articles, notes)])
    return written


_IS_STRING = ox.NamedNode(NIF + "isString")


def _text_changed(store: ox.Store, g: ox.NamedNode, quads: list[ox.Quad]) -> bool:
    """Whether the article text (its context's ``nif:isString``) differs from the stored one."""
    new = {q.object.value for q in quads if q.predicate == _IS_STRING}
    return new != {q.object.value for q in store.quads_for_pattern(None, _IS_STRING, None, g)}


def canonical(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """The quads as the store gives them back: it keeps literals in canonical form
    ("1.0"^^xsd:double comes back as "1"), so quads built in Python and quads read from
    the store are compared after passing the former through an in-memory store."""
    scratch = ox.Store()
    scratch.extend(quads)
    return list(scratch)


# Oxigraph's bulk loader (pyoxigraph 0.5, pinned in setup.cfg) writes fewer than 1,000,000
# quads as ONE batch: sorted files for every index, handed to RocksDB in one
# IngestExternalFiles call, which RocksDB records in its MANIFEST all or nothing -- after a
# crash, every index has the batch or none has (killing a process that loads batches of
# 8,000 quads in a loop, 40 times, left only whole batches). Below this size a bulk load is
# therefore as atomic as a transaction, and it skips what makes the transaction slow: a read
# of every quad and string before it is written, and the write-ahead log. Measured on 1,000
# articles written 20 at a time: 2.3 CPU-s against 4.9 s, the gap growing with the store.
BULK_ATOMIC_MAX = 500_000


class Serialized(Sequence[ox.Quad]):
    """An article graph's quads as N-Quads bytes, as a worker process hands them over
    (kg/pipeline.py), parsed only when something reads them: a first write of the graph
    loads the bytes as they are (:func:`write_articles`), so the process that writes,
    the bottleneck of ``kg ingest -j N``, builds no Python object for them."""

    def __init__(self, data: bytes, count: int):
        self.data, self.count = data, count
        self._quads: list[ox.Quad] | None = None

    @property
    def parsed(self) -> bool:
        return self._quads is not None

    @property
    def quads(self) -> list[ox.Quad]:
        if self._quads is None:
            self._quads = list(ox.parse(self.data, format=ox.RdfFormat.N_QUADS))
        return self._quads

    def __len__(self) -> int:
        return self.count

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.quads)

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        return self.quads[i]


def insert_quads(store: ox.Store, quads: Sequence[ox.Quad], serialized: Sequence[bytes] = ()) -> None:
    """Add ``quads`` and the N-Quads documents ``serialized`` (of :class:`Serialized`
    quads, not parsed) in one all-or-nothing write, by the bulk loader when that is
    atomic (see BULK_ATOMIC_MAX), else in a transaction. Quads already in the store stay
    as they are either way (both paths store the same encoded terms). The bulk loader
    reads N-Quads and Python quads into the same batches, so both kinds go in one load:
    the quads serialized after the documents (kg wrote and checked every term of them,
    so they are read without checking IRIs again)."""
    count = len(quads) + sum(d.count(b"\n") for d in serialized)  # one quad a line (ox.serialize)
    if count < BULK_ATOMIC_MAX:
        if serialized:
            store.bulk_load(b"".join([*serialized, ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""]), format=ox.RdfFormat.N_QUADS, lenient=True)
        else:
            store.bulk_extend(quads)
    else:
        parsed = [q for d in serialized for q in ox.parse(d, format=ox.RdfFormat.N_QUADS)]
        store.extend([*parsed, *quads])



def finish_pending(store: ox.Store) -> None:
    """Finish a write of this process that failed half-way (its journal is still in the
    store's folder), before anything reads the store to plan the next one."""
    folder: Path | None = getattr(store, "folder", None)
    if folder is not None and journal.pending(folder):
        try:
            journal.recover(getattr(store, "raw", store), folder)
        except OSError as e:
            raise StoreError(f"cannot finish the write that failed before: {e} (the next kg command on this store tries again)") from e
        except journal.JournalError as e:
            raise StoreError(str(e)) from e


def apply_changes(
    store: ox.Store, delete: Sequence[ox.Quad], add: Sequence[ox.Quad], drop: Sequence[ox.NamedNode] = (), serialized: Sequence[bytes] = ()
) -> None:
    """Drop the graphs ``drop``, delete ``delete`` and add ``add`` (and the N-Quads
    documents ``serialized``: see :func:`insert_quads`) as ONE write: a crash at any
    moment leaves the store as it was before the call or as it is after it (nothing else
    would leave each article whole), with no term of the data in SPARQL text.

    Additions alone are one all-or-nothing call (:func:`insert_quads`). A write that
    removes is pyoxigraph's removing and adding calls one after the other, made whole by
    a redo journal in the store's folder (kg/journal.py) that the next open, or the next
    write of this process, finishes if the write stops half-way. A store that was not
    opened from a folder (an in-memory one, or one opened without :func:`open_store`)
    has nowhere to keep a journal: its write is made by the same calls, unjournalled.

    The price, against a first write of the same quads (benchmarks/bench_reingest.py):
    removing a quad costs Oxigraph about 1.6 times what the bulk loader takes to add one
    (a read of its key and six deletions, in a transaction), so replacing an article
    whose text changed costs its removal plus a first write; the journal adds about 3 %.
    A SPARQL update carrying the data as text cost twice as much again.
    """
    folder: Path | None = getattr(store, "folder", None)
    try:
        if not delete and not drop:
            if add or serialized:
                insert_quads(store, add, serialized)
            return
        for q in (*add, *delete):
            if not isinstance(q.graph_name, ox.NamedNode):
                raise StoreError(f"cannot write {q}: kg writes named graphs only")
        raw: ox.Store = getattr(store, "raw", store)
        finish_pending(store)
        data = b"".join([*serialized, journal.nquads(add)])
        if folder is not None:
            journal.begin(folder, drop, delete, data)
        journal.apply(raw, drop, delete, data)
        if folder is not None:
            journal.end(folder)
    except OSError as e:
        after = " (the next kg command on this store finishes the write)" if folder is not None and journal.pending(folder) else ""
        raise StoreError(f"cannot write to the store: {e}{after}") from e
    except journal.JournalError as e:
        raise StoreError(str(e)) from e


def rebuild_entity_graph(store: ox.Store, kb: KnowledgeBase) -> int:
    """Recompute the entity graph from every article graph, as one write; returns
    its size. For stores whose article graphs were loaded in bulk (N-Quads shards), and
    for stores of the older layout (see :func:`migrate`)."""
    from kg.entities import rebuild  # the upkeep's modules, only when writing (see write_articles)

    g = entity_graph()
    quads = rebuild(store, kb, g)
    apply_changes(store, [], quads, drop=[g])
    return len(quads)


def needs_migration(store: ox.Store) -> bool:
    """True for a store of the layout before the entity graph (it has the old KB graph)."""
    return store.contains_named_graph(legacy_kb_graph())


def migrate(store: ox.Store, kb: KnowledgeBase) -> None:
    """Bring a store of the older layout to this one: the entity facts repeated in its
    article graphs and its KB graph go, the entity graph is built from the mentions.
    Two transactions; run again after a crash in between, it finishes the job."""
    try:
        store.update(sparql("migrate-entity-facts"))
    except OSError as e:
        raise StoreError(f"cannot write to the store: {e}") from e
    rebuild_entity_graph(store, kb)
    store.remove_graph(legacy_kb_graph())


def sync_graph(store: ox.Store, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> tuple[int, int]:
    """Make the named graph ``graph`` hold exactly ``quads`` (their own graph names are
    ignored), as one write (:func:`apply_changes`); returns (quads removed, quads added).

    Only the difference is written, so rebuilding a large graph that barely changed (the
    incidents after one more article) writes a few quads, and a graph that did not
    change is not written at all.
    """
    want = set(canonical(ox.Quad(q.subject, q.predicate, q.object, graph) for q in quads))
    have = set(store.quads_for_pattern(None, None, None, graph))
    gone, new = have - want, want - have
    try:
        apply_changes(store, sorted(gone, key=str), sorted(new, key=str))
    except StoreError as e:
        raise StoreError(f"cannot write graph {graph.value}: {e}") from e
    return len(gone), len(new)
