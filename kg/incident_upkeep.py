"""The incident graph kept in step with the articles by redoing only the part that changed.

kg/incidents.py clusters every attack record of the store; doing that after every
ingest costs seconds on a large store, most of it spent on records nothing touched.
This module recomputes only the records a change can reach, with the same result as
the full rebuild, quad for quad, whatever order articles come and go in.

Why a part can be redone alone. Call two records *neighbours* when they share a place
key (their location, or a non-country place it lies in: the keys ``cluster`` indexes
groups by), are both dated or both undated, and when dated are at most ``MAX_DAYS``
apart. A record only ever joins a group all of whose records it is compatible with,
and compatible records are neighbours; so every group lies within one connected part
of the neighbour relation (a *component*), and since a record takes the *first*
compatible group in the fixed order, which groups a component's records form does not
depend on records outside it. Clustering the records of a union of components alone
gives exactly the groups the full clustering gives them.

So after a change only the components that hold a record that changed (added,
removed, or read differently) need clustering again: those of the records now in the
store reachable through neighbours from (a) the places and days of every record as it
was before it changed or went, and (b) every record as it is now. Their old incidents
go, their new ones are written, in one write; everything else stays as it is.

What a record is read as depends on its article graph (its slots, its article's date)
and on the entity graph (the places its location lies in, its weapons' classes), so
:class:`IncidentChanges` watches both: :func:`kg.store.write_articles` tells it, before
and after each write, the article graphs it replaces and the entities whose types or
``kg:partOf`` change. A store changed any other way (a bulk load of shards, a
migration) needs :func:`kg.incidents.rebuild_incidents`, the full rebuild, once; so
does a run killed between its writes and the incident update, which the ``marker``
file beside the store records.

Finding the components needs each record's place keys and day only, found by look-ups
outward from the places and days changed (the records located at a key and at the
places within it), so a change costs what its components hold, not what the store
holds; whole records are then read for the components' records alone.

Memory. RocksDB keeps the blocks it read (a cache per index) until the store is closed;
after a first ingest of many articles the update reads every record of the store, which
on a 10,000-article store held some 120 MiB more than on a 1,000-article one. Given the
store's folder (:meth:`IncidentChanges.apply_at`), the update opens the store itself
and opens it again every ``READS_PER_OPEN`` records it reads, so what it holds does not
grow with the store.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.errors import StoreError
from kg.incidents import MAX_DAYS, EventRecord, incident_quads, incidents_of, read_events, record_day
from kg.passes import READS_PER_OPEN, OwedPass, StoreHandle
from kg.record_slots import WRITTEN_MAX, plain_slots, records_written
from kg.resources import sparql
from kg.store import apply_changes, canonical, incidents_graph, sync_graph
from kg.types import RecordSlots
from kg.vocab import KG, PROV, RDF, SCHEMA, XSD

if TYPE_CHECKING:
    from kg.store import WrittenGraphs

A = ox.NamedNode(RDF + "type")
ATTACK = ox.NamedNode(KG + "Attack")
COUNTRY = ox.NamedNode(KG + "Country")
DERIVED = ox.NamedNode(PROV + "wasDerivedFrom")
START = ox.NamedNode(SCHEMA + "startDate")
PUBLISHED = ox.NamedNode(SCHEMA + "datePublished")
LOCATION = ox.NamedNode(KG + "location")
PART_OF = ox.NamedNode(KG + "partOf")
WEAPON = ox.NamedNode(KG + "weapon")
REPORTED_BY = ox.NamedNode(KG + "reportedBy")
# The classes every weapon of its kind carries: no evidence that two weapons meet.
_WEAPON_TOPS = {KG + "Weapon", KG + "WeaponSystem", KG + "WeaponType"}

_CHUNK = 5_000  # incident quads per transaction in a large first build (see _write_new)
PENDING = "kg-incidents-pending"  # the marker's name in the store's folder (see IncidentChanges)

Cell = tuple[bool, str, "dt.date | None"]  # (undated, place key, day)


def _date(term: ox.Term | str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(term if isinstance(term, str) else term.value) if term is not None else None
    except (ValueError, AttributeError):
        return None


def _earliest(terms: Iterable[ox.Term | str]) -> dt.date | None:
    days = [d for d in map(_date, terms) if d is not None]
    return min(days) if days else None


@dataclass(frozen=True)
class Skeleton:
    """What finding components needs of one record: its day and its place keys."""

    iri: str
    day: dt.date | None
    keys: frozenset[str]

    def cells(self) -> list[Cell]:
        return [(self.day is None, k, self.day) for k in self.keys]


def _handle(source: ox.Store | StoreHandle) -> StoreHandle:
    return source if isinstance(source, StoreHandle) else StoreHandle(source)


class Places:
    """The non-country places a place lies in (``kg:partOf+``, any graph), memoised for one
    use: the store does not change while it is alive."""

    def __init__(self, source: ox.Store | StoreHandle):
        self.handle = _handle(source)
        self._within: dict[str, frozenset[str]] = {}
        self._country: dict[str, bool] = {}
        self._classes: dict[str, frozenset[str]] = {}

    @property
    def store(self) -> ox.Store:
        return self.handle.store

    def is_country(self, node: ox.Term) -> bool:
        v = node.value
        if v not in self._country:
            self._country[v] = any(True for _ in self.store.quads_for_pattern(node, A, COUNTRY, None))  # type: ignore[arg-type]
        return self._country[v]

    def classes(self, weapon: str) -> frozenset[str]:
        """A weapon's classes (any graph), but those every weapon of its kind carries."""
        found = self._classes.get(weapon)
        if found is None:
            found = self._classes[weapon] = frozenset(
                q.object.value for q in self.store.quads_for_pattern(ox.NamedNode(weapon), A, None, None) if q.object.value not in _WEAPON_TOPS
            )
        return found

    def within(self, place: ox.NamedNode | str) -> frozenset[str]:
        iri = place if isinstance(place, str) else place.value
        found = self._within.get(iri)
        if found is None:
            out: set[str] = set()
            seen = {iri}
            todo: list[ox.Term] = [ox.NamedNode(iri) if isinstance(place, str) else place]
            while todo:
                node = todo.pop()
                if not isinstance(node, (ox.NamedNode, ox.BlankNode)):
                    continue
                for q in self.store.quads_for_pattern(node, PART_OF, None, None):
                    parent = q.object
                    if parent.value in seen:
                        continue
                    seen.add(parent.value)
                    todo.append(parent)
                    if not self.is_country(parent):
                        out.add(parent.value)
            found = self._within[iri] = frozenset(out)
        return found


def _place(locations: list[str], places: Places) -> tuple[str | None, frozenset[str]]:
    """A record's location and the places it lies in, as kg/incidents.py reads them: the
    smallest IRI among the locations it names (IRIs only, as
    :func:`kg.record_slots.plain_slots` keeps them), and the places any of them lies in."""
    if not locations:
        return None, frozenset()
    within: set[str] = set()
    for iri in locations:
        within |= places.within(iri)
    return min(locations), frozenset(within)


def _keys(locations: list[str], places: Places) -> frozenset[str]:
    """A record's place keys: its location and the places it lies in."""
    location, within = _place(locations, places)
    return within | {location} if location else frozenset()


def skeleton_of(store: ox.Store, event: ox.NamedNode, places: Places, written: RecordSlots | None = None) -> Skeleton | None:
    """One record's skeleton by look-ups (None when ``event`` is no attack record); from
    ``written``, its slots as the run wrote them, when given."""
    if written is not None:
        slots, published = written
        day = record_day(_earliest(slots.get(START.value, ())), _earliest(published))
        return Skeleton(event.value, day, _keys(slots.get(LOCATION.value, []), places))
    if not any(True for _ in store.quads_for_pattern(event, A, ATTACK, None)):
        return None
    articles = [q.object for q in store.quads_for_pattern(event, DERIVED, None, None) if isinstance(q.object, ox.NamedNode)]
    if not articles:
        return None
    day = _earliest(q.object for q in store.quads_for_pattern(event, START, None, None))
    if day is None:
        day = record_day(None, _earliest(q.object for a in articles for q in store.quads_for_pattern(a, PUBLISHED, None, None)))
    locations = [q.object.value for q in store.quads_for_pattern(event, LOCATION, None, None) if isinstance(q.object, ox.NamedNode)]
    return Skeleton(event.value, day, _keys(locations, places))


class Neighbourhood:
    """The records at each place key, found by look-ups from the key (the places at or
    within it, the records located there), memoised: the store does not change while
    this is alive, and a component's records are each read once however many keys
    lead to them."""

    def __init__(self, source: ox.Store | StoreHandle, written: dict[str, RecordSlots] | None = None):
        self.handle = _handle(source)
        self.places = Places(self.handle)
        self.written = written or {}  # records as the run wrote them: not read again
        self._skeletons: dict[str, Skeleton | None] = {}
        self._at: dict[tuple[bool, str], list[tuple[int, str]]] = {}

    @property
    def store(self) -> ox.Store:
        return self.handle.store

    def skeleton(self, iri: str) -> Skeleton | None:
        if iri not in self._skeletons:
            written = self.written.get(iri)
            if written is None:
                self.handle.tick()
            self._skeletons[iri] = skeleton_of(self.store, ox.NamedNode(iri), self.places, written)
        return self._skeletons[iri]

    def record(self, iri: str) -> EventRecord | None:
        """One whole record (not memoised: a component's records are read once)."""
        written = self.written.get(iri)
        if written is None:
            self.handle.tick()
        return read_record(self.store, ox.NamedNode(iri), self.places, written)

    def at(self, undated: bool, key: str) -> list[tuple[int, str]]:
        """(day ordinal, IRI) of the records, dated or not, whose keys hold ``key``: those
        located at it, and (unless it is a country, which no record lies *within*) at the
        places within it. Sorted."""
        found = self._at.get((undated, key))
        if found is None:
            node = ox.NamedNode(key)
            places = {node} if self.places.is_country(node) else _places_below(self.store, node)
            dated: list[tuple[int, str]] = []
            undated_: list[tuple[int, str]] = []
            # The subjects first: reading a skeleton may open the store again (StoreHandle).
            located = [q.subject.value for place in places for q in self.store.quads_for_pattern(None, LOCATION, place, None)
                       if isinstance(q.subject, ox.NamedNode)]
            self.handle.tick(len(located))
            for iri in located:
                sk = self.skeleton(iri)
                if sk is not None and key in sk.keys:
                    (undated_ if sk.day is None else dated).append((sk.day.toordinal() if sk.day else 0, sk.iri))
            self._at[(False, key)], self._at[(True, key)] = sorted(set(dated)), sorted(set(undated_))
            found = self._at[(undated, key)]
        return found

    def neighbours(self, cell: Cell) -> Iterator[str]:
        """The records that share the cell's key and are at most ``MAX_DAYS`` from its day
        (dated), or share its key (undated)."""
        undated, key, day = cell
        entries = self.at(undated, key)
        if undated or day is None:
            yield from (iri for _, iri in entries)
            return
        d = day.toordinal()
        lo = bisect.bisect_left(entries, (d - MAX_DAYS, ""))
        for ordinal, iri in entries[lo:]:
            if ordinal > d + MAX_DAYS:
                break
            yield iri


def read_record(store: ox.Store, event: ox.NamedNode, places: Places, written: RecordSlots | None = None) -> EventRecord | None:
    """One record as :func:`kg.incidents.read_events` reads it, by look-ups (no SPARQL);
    from ``written``, its slots as the run wrote them, when given."""
    if written is None:
        if not any(True for _ in store.quads_for_pattern(event, A, ATTACK, None)):
            return None
        terms: dict[str, list[ox.Term]] = {}
        for q in store.quads_for_pattern(event, None, None, None):
            terms.setdefault(q.predicate.value, []).append(q.object)
        slots = plain_slots(terms)
        articles = sorted(set(slots.get(PROV + "wasDerivedFrom", [])))
        published = [q.object.value for a in articles for q in store.quads_for_pattern(ox.NamedNode(a), PUBLISHED, None, None)]
    else:
        slots, published = written
        articles = sorted(set(slots.get(PROV + "wasDerivedFrom", [])))
    if not articles:
        return None

    def iris(name: str) -> list[str]:
        return sorted(set(slots.get(KG + name, [])))

    def highest(name: str, kind=int):
        values = []
        for v in slots.get(KG + name, []):
            try:
                values.append(kind(v))
            except ValueError:
                pass
        return max(values) if values else None

    location, within = _place(slots.get(KG + "location", []), places)
    weapons = iris("weapon")
    classes = frozenset().union(*(places.classes(w) for w in weapons))
    actors = iris("actor")
    return EventRecord(
        iri=event.value,
        article=articles[0],
        date=_earliest(slots.get(SCHEMA + "startDate", [])),
        published=_earliest(published),
        location=location,
        within=within,
        actor=actors[0] if actors else None,
        weapons=frozenset(weapons),
        weapon_classes=classes,
        killed=highest("killed"),
        injured=highest("injured"),
        confidence=highest("confidence", float),
    )


def _places_below(store: ox.Store, entity: ox.NamedNode) -> set[ox.NamedNode]:
    """``entity`` and every place that lies in it, at any depth."""
    out = {entity}
    todo = [entity]
    while todo:
        node = todo.pop()
        for q in store.quads_for_pattern(None, PART_OF, node, None):
            if isinstance(q.subject, ox.NamedNode) and q.subject not in out:
                out.add(q.subject)
                todo.append(q.subject)
    return out


def events_naming(store: ox.Store, entities: Iterable[ox.NamedNode]) -> set[ox.NamedNode]:
    """The records whose reading an entity's types or ``kg:partOf`` feed: those located
    in it or in a place within it, and those naming it as a weapon."""
    out: set[ox.NamedNode] = set()
    for e in entities:
        for place in _places_below(store, e):
            out |= {q.subject for q in store.quads_for_pattern(None, LOCATION, place, None) if isinstance(q.subject, ox.NamedNode)}
        out |= {q.subject for q in store.quads_for_pattern(None, WEAPON, e, None) if isinstance(q.subject, ox.NamedNode)}
    return out


def _count(store: ox.Store, query: str, bind: dict) -> int:
    """The ``?n`` of one of kg's counting queries, counted by the store (no row: 0)."""
    row = next(iter(store.query(sparql(query), substitutions=bind)), None)  # type: ignore[call-overload]
    return int(row["n"].value) if row is not None else 0


def events_in(store: ox.Store, graphs: Iterable[ox.NamedNode | None]) -> set[ox.NamedNode]:
    """The attack records in ``graphs`` (None: in any graph)."""
    return {q.subject for g in graphs for q in store.quads_for_pattern(None, A, ATTACK, g) if isinstance(q.subject, ox.NamedNode)}


@dataclass
class IncidentChanges(OwedPass):
    """What writes since the incident graph was last brought up to date changed that it
    depends on; :meth:`apply` then redoes only the components it reaches.

    Holds strings and small tuples only (the places and days of the records as they
    were, and the IRIs of the records touched), so it stays small over a long run."""

    before_cells: set[Cell] = field(default_factory=set)
    before_events: set[str] = field(default_factory=set)
    touched: set[str] = field(default_factory=set)
    # The records written since, as written (at most WRITTEN_MAX): the update reads them
    # from here, not from the store. Per article graph, the records it holds here.
    written: dict[str, RecordSlots] = field(default_factory=dict)
    written_in: dict[str, list[str]] = field(default_factory=dict)
    # The marker (OwedPass) says the incident graph lags behind the articles; ``everything``:
    # the store changed in a way not watched, so the next update rebuilds all.
    note = "the incident graph lags behind the articles; the next kg ingest or remove rebuilds it\n"

    def before(self, store: ox.Store, graphs: Iterable[ox.NamedNode], entities: Iterable[ox.NamedNode]) -> None:
        """Called before a write replaces or removes ``graphs`` and changes the facts of
        ``entities``: note where the records it may change stand now."""
        self._mark()
        graphs = list(graphs)
        for g in graphs:
            self._forget(g)
        places = Places(store)
        for event in events_in(store, graphs) | events_naming(store, entities):
            sk = skeleton_of(store, event, places)
            if sk is not None:
                self.before_events.add(sk.iri)
                self.before_cells.update(sk.cells())

    def after(
        self,
        store: ox.Store,
        graphs: Iterable[ox.NamedNode],
        entities: Iterable[ox.NamedNode],
        written: WrittenGraphs = (),
    ) -> None:
        """Called after the write: note the records it wrote or may have changed.
        ``written``: the article graphs written, with all their quads and what the emitter
        noted of them, whose records are then taken from those rather than read from the
        store."""
        unread = {g.value: g for g in graphs}
        for g, quads, notes in written:
            self._forget(g)
            records = notes.attacks if notes is not None else records_written(g, quads)
            if records is None:
                continue
            unread.pop(g.value, None)
            self.touched.update(records)
            if len(self.written) + len(records) <= WRITTEN_MAX:
                self.written.update(records)
                self.written_in[g.value] = list(records)
        self.touched |= {e.value for e in events_in(store, unread.values()) | events_naming(store, entities)}

    def _forget(self, g: ox.NamedNode) -> None:
        for iri in self.written_in.pop(g.value, ()):
            self.written.pop(iri, None)

    def __bool__(self) -> bool:
        return bool(self.before_events or self.touched or self.everything)

    def apply(self, store: ox.Store) -> int:
        """Bring the incident graph up to date in one write; returns the number of
        incidents in the store. Forgets what it noted, so it can watch the next writes.

        What is redone builds on the incident graph being the clustering of the store as
        it was before the writes watched; when the graph is empty though the store holds
        records the change did not reach (it was never built), or a run was killed
        before its update (the ``marker``), the whole graph is rebuilt instead."""
        return self._apply(StoreHandle(store))

    def apply_at(self, path: Path | StoreHandle, every: int = READS_PER_OPEN) -> int:
        """:meth:`apply` on the store in the folder ``path``, which nothing else may hold
        open: opened here, and opened again every ``every`` records read, so that the
        memory the update needs does not grow with the store (see the module's docstring).
        A handle that opens from a folder may be given instead."""
        return self.run_at(path, every, self._apply)

    def rebuild_at(self, path: Path, every: int = READS_PER_OPEN) -> int:
        """The full rebuild (what :func:`kg.incidents.rebuild_incidents` gives) in the
        memory of :meth:`apply_at`, for a store changed in ways nothing watched (a bulk
        load of shards): the old incident graph is emptied in chunks, then every record
        is clustered a component at a time, as after a first ingest. The marker stays
        until it is done, so a run killed in between is finished by the next."""
        self._mark()
        graph = incidents_graph()
        handle = StoreHandle(path=path, every=every)
        try:
            while chunk := list(itertools.islice(handle.store.quads_for_pattern(None, None, None, graph), _CHUNK)):
                apply_changes(handle.store, delete=chunk, add=[])
            self.before_cells, self.before_events, self.written, self.written_in = set(), set(), {}, {}
            self.touched = {e.value for e in events_in(handle.store, [None])}  # type: ignore[list-item]
            self.everything = False
            return self._apply(handle)
        finally:
            handle.store.flush()
            self.last_openings = handle.openings

    def _apply(self, h: StoreHandle) -> int:
        # The store is always taken from ``h`` afresh (h.store), never kept in a local:
        # a handle that opened it may open it again between two records (StoreHandle).
        graph = incidents_graph()
        if self and not self.everything:
            near = Neighbourhood(h, self.written)
            parts = component_parts(near, self.before_cells, self.touched)
            region = set().union(*parts)
            if self._unbuilt(h.store, graph, region):
                self.everything = True
            else:
                old = self._old_incident_quads(h.store, region | self.before_events, graph)
                # One component at a time, so that only one component's records are held:
                # a first ingest of many articles reaches every record of the store.
                new = (q for part in parts for q in _canonical(incident_quads(incidents_of(self._records(near, part)), graph)))
                if old:
                    have, wanted = set(old), list(new)
                    kept = set(wanted)
                    apply_changes(h.store, delete=[q for q in old if q not in kept], add=[q for q in wanted if q not in have])
                else:
                    self._write_new(h, new, graph)
        if self.everything:
            sync_graph(h.store, graph, incident_quads(incidents_of(read_events(h.store)), graph))
        self.before_cells, self.before_events, self.touched, self.everything = set(), set(), set(), False
        self.written, self.written_in = {}, {}
        if self.marker is not None:
            self.marker.unlink(missing_ok=True)
        return _count(h.store, "incident-count", {ox.Variable("g"): graph})

    def _write_new(self, h: StoreHandle, quads: Iterable[ox.Quad], graph: ox.NamedNode) -> None:
        """Write incidents where none of the components' stood before: one transaction
        when small; a large first build (every record of a first ingest of many articles)
        in transactions of ``_CHUNK`` quads, as RocksDB holds a whole transaction in
        memory (200,000 incident quads: some 250 MiB). A run killed in between leaves the
        marker, and the next one rebuilds the graph whole."""
        chunk: list[ox.Quad] = []
        try:
            for q in quads:
                chunk.append(q)
                if len(chunk) >= _CHUNK and self.marker is not None:
                    h.store.extend(chunk)
                    h.store.flush()  # the write buffers too: they would hold all of it until the end
                    chunk = []
            h.store.extend(chunk)
        except OSError as e:
            raise StoreError(f"cannot write graph {graph.value}: {e}") from e

    @staticmethod
    def _old_incident_quads(store: ox.Store, events: Iterable[str], graph: ox.NamedNode) -> list[ox.Quad]:
        incidents = {q.subject for e in events for q in store.quads_for_pattern(None, REPORTED_BY, ox.NamedNode(e), graph)}
        return [q for inc in sorted(incidents, key=lambda n: n.value) for q in store.quads_for_pattern(inc, None, None, graph)]

    @staticmethod
    def _unbuilt(store: ox.Store, graph: ox.NamedNode, region: set[str]) -> bool:
        """True when the incident graph is empty though the store holds records the change
        did not reach: it was never built (a store loaded from shards, or of an older kg)."""
        if any(True for _ in store.quads_for_pattern(None, None, None, graph)):
            return False
        # Every record of the region is an attack of the store: some attack lies outside
        # it exactly when the store has more. Counted, not read (reading every attack of
        # a large store fills RocksDB's caches; see the module's docstring).
        return _count(store, "attack-count", {}) > len(region)

    @staticmethod
    def _records(near: Neighbourhood, region: set[str]) -> list[EventRecord]:
        records = (near.record(iri) for iri in sorted(region))
        return [r for r in records if r is not None]


_DOUBLE = XSD + "double"
_canonical_doubles: dict[str, ox.Literal] = {}


def _canonical(quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
    """The quads with their xsd:double literals as the store keeps them ("1.0" is "1"),
    so that quads built here compare equal to those read back; the other literals kg
    writes for incidents (integers, dates) are canonical already."""
    for q in quads:
        o = q.object
        if isinstance(o, ox.Literal) and o.datatype.value == _DOUBLE:
            c = _canonical_doubles.get(o.value)
            if c is None:
                c = _canonical_doubles[o.value] = canonical([ox.Quad(q.subject, q.predicate, o, q.graph_name)])[0].object  # type: ignore[assignment]
            q = ox.Quad(q.subject, q.predicate, c, q.graph_name)
        yield q


def components(near: Neighbourhood, cells: Iterable[Cell], touched: Iterable[str]) -> set[str]:
    """The IRIs of the records in every component reached from ``cells`` (places and days
    records stood at) and from the records ``touched`` (those of them still here)."""
    return set().union(*component_parts(near, cells, touched))


def component_parts(near: Neighbourhood, cells: Iterable[Cell], touched: Iterable[str]) -> list[set[str]]:
    """The records :func:`components` finds, in parts that no neighbour relation joins:
    each part can be clustered alone."""
    parts: list[set[str]] = []
    part_of: dict[str, int] = {}
    done: set[Cell] = set()
    seeds: list[list[Cell]] = [sk.cells() or [(False, "", None)] for iri in touched if (sk := near.skeleton(iri)) is not None]
    starts = [[c] for c in cells] + seeds
    lone = [iri for iri in touched if (sk := near.skeleton(iri)) is not None and not sk.keys]  # no place: alone
    for start in starts:
        found: set[str] = set()
        joined: set[int] = set()
        todo = [c for c in start if c not in done]
        while todo:
            cell = todo.pop()
            if cell in done or not cell[1]:
                continue
            done.add(cell)
            for iri in near.neighbours(cell):
                if iri in part_of:
                    joined.add(part_of[iri])
                elif iri not in found:
                    found.add(iri)
                    todo += near.skeleton(iri).cells()  # type: ignore[union-attr]
        if not found and not joined:
            continue
        for k in sorted(joined):
            found |= parts[k]
            parts[k] = set()
        for iri in found:
            part_of[iri] = len(parts)
        parts.append(found)
    parts += [{iri} for iri in lone]
    return [p for p in parts if p]
