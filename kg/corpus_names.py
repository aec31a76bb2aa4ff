"""Corpus-level name typing: an unknown name's type weighed over every article that names it.

kg/nametype.py decides an unknown (NIL) name's type once per article, from that article's
evidence. A village that twenty articles call "the village of Zubaydiya" and one names
bare (where the model says PERSON) would then be a Place and a Person. This module
weighs the articles' decisions together, so that an article whose own evidence is weak
takes the type the corpus gives the name -- and an article whose own evidence is strong
(a title, "the village of X", an apposition) keeps its type whatever the corpus says.

What is stored. Each article graph holds, for each unknown name it types, a *reading*
(``kg:NameReading``, ontology/README.md): the name's key (the tail of its NIL entity IRI,
the same in every article), the entity its own evidence gives (``kg:localEntity``,
``kg:localType``), the weight of that evidence (``kg:typeWeight``: the decision's margin
over the runner-up), ``kg:keepsType true`` when the article's reading must stand (a strong
cue, or its attacks or its publisher rest on it), and ``kg:corpusEntity`` when the corpus
retyped it. The pass needs no NLP: readings are all it reads, and shards carry them.

The verdict on a key is a pure function of its readings: per type, the articles and the
sum of their weights; the corpus type is the heaviest; an article that does not keep its
type is retyped to it when the corpus type outweighs the article's own type by
:data:`CORPUS_MARGIN` and twice over. A retyped article's mentions of the name point to
the entity of the corpus type (``itsrdf:taIdentRef``, ``itsrdf:taClassRef``,
``schema:mentions``); the entity graph follows through :func:`kg.store.write_articles`,
one write (all or nothing) per batch of articles, so each article stays whole and consistent with
the entity graph. Since every verdict depends on the set of readings only, the store is
the same whatever order articles arrive in, with ``-j N``, or through ``kg shard`` and
``kg load``. :class:`NameChanges` (a :class:`kg.store.Watcher`) collects the keys a write
touches (those of the articles written, replaced or removed), so only those are decided
again; a marker file beside the store says a pass is owed, so that a run killed between
its writes and the pass is finished by the next.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.emit import _double
from kg.entities import CLASS_REF, IDENT, MENTIONS, is_article_graph
from kg.identity import entity_iri, slug
from kg.kb.base import KnowledgeBase
from kg.nametype import NAME_TYPES, TypeDecision
from kg.passes import OwedPass, StoreHandle
from kg.store import Watcher, write_articles
from kg.types import Entity, LinkedMention
from kg.vocab import KG, RDF, TOP_CLASS, XSD, base_iri
from kg.wording import plural

if TYPE_CHECKING:
    from kg.store import WrittenGraphs

A = ox.NamedNode(RDF + "type")
NAME_READING = ox.NamedNode(KG + "NameReading")
NAME_KEY = ox.NamedNode(KG + "nameKey")
LOCAL_ENTITY = ox.NamedNode(KG + "localEntity")
LOCAL_TYPE = ox.NamedNode(KG + "localType")
TYPE_WEIGHT = ox.NamedNode(KG + "typeWeight")
KEEPS_TYPE = ox.NamedNode(KG + "keepsType")
CORPUS_ENTITY = ox.NamedNode(KG + "corpusEntity")
_TRUE = ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean"))
_TYPE_OF_CLASS = {TOP_CLASS[t]: t for t in NAME_TYPES}
_CLASS_NODE = {t: ox.NamedNode(TOP_CLASS[t]) for t in NAME_TYPES}

# How much more the corpus type must weigh than an article's own type to retype it (and
# it must weigh twice as much): one article's model label alone (0.5 to 0.9) is not enough
# against another article's single weak cue, a cued article or two are.
CORPUS_MARGIN = 1.0
PENDING = "kg-names-pending"  # the marker's name in the store's folder (see NameChanges)
KEYS_PER_ROUND = 200  # keys decided, and their articles rewritten, per round of the pass
GRAPHS_PER_WRITE = 50  # article graphs rewritten per write
# Readings read between two openings of the store when the pass opens it (apply_at): RocksDB
# keeps the blocks it read until the store is closed (see kg/incident_upkeep.py).
READINGS_PER_OPEN = 5_000


def reading_iri(article: str, key: str) -> str:
    return f"{article}#name={key}"


def _nil_key(iri: str) -> tuple[str, str] | None:
    """(type, key) of a NIL entity IRI of a name type (``…/entity/place/zubaydiya``)."""
    prefix = base_iri() + "entity/"
    if not iri.startswith(prefix):
        return None
    kind, _, key = iri[len(prefix) :].partition("/")
    for t in NAME_TYPES:
        if kind == t.lower() and key and "/" not in key:
            return t, key
    return None


def reading_quads(g: ox.NamedNode, linked: Sequence[LinkedMention], typing: dict[str, TypeDecision], held: Iterable[Entity | None] = ()) -> list[ox.Quad]:
    """The readings of an article's unknown names, for its graph ``g``: ``typing`` is the
    linker's decision per name (``Linker.nil_typing``, by folded name), ``held`` the
    entities something else of the article rests on (its publisher, its attacks' slots),
    whose type the corpus must not change there."""
    by_key: dict[str, list[TypeDecision]] = defaultdict(list)
    for name, d in typing.items():
        by_key[slug(name)].append(d)
    # Keys, not IRIs: the corpus must not move a name onto an entity the article's attacks
    # or publisher point to either ("Le Faso" the outlet, "Le Faso" a person elsewhere).
    kept = {parsed[1] for parsed in (_nil_key(e.iri) for e in held if e is not None) if parsed is not None}
    nil: dict[str, Entity] = {}
    for lm in linked:
        if lm.entity.kb_id is None:
            nil.setdefault(lm.entity.iri, lm.entity)
    keys_seen: dict[str, int] = defaultdict(int)
    for iri in nil:
        parsed = _nil_key(iri)
        if parsed is not None:
            keys_seen[parsed[1]] += 1
    out: list[ox.Quad] = []
    for iri in sorted(nil):
        parsed = _nil_key(iri)
        if parsed is None:
            continue
        type_, key = parsed
        decisions = by_key.get(key, [])
        d = decisions[0] if len(decisions) == 1 else None
        weight = d.margin if d is not None and d.type == type_ else 0.0
        # Two names of the article share the key (or are two types of it), a cue settles it,
        # or an attack or the byline rests on it: the article's reading stands.
        keeps = key in kept or keys_seen[key] > 1 or len(decisions) > 1 or (d is not None and d.type == type_ and d.cued_strongly)
        node = ox.NamedNode(reading_iri(g.value, key))
        out += [
            ox.Quad(node, A, NAME_READING, g),
            ox.Quad(node, NAME_KEY, ox.Literal(key), g),
            ox.Quad(node, LOCAL_ENTITY, ox.NamedNode(iri), g),
            ox.Quad(node, LOCAL_TYPE, _CLASS_NODE[type_], g),
            ox.Quad(node, TYPE_WEIGHT, _double(round(max(weight, 0.0), 3)), g),
        ]
        if keeps:
            out.append(ox.Quad(node, KEEPS_TYPE, _TRUE, g))
    return out


@dataclass(frozen=True)
class Reading:
    """One article's reading of a name, as stored."""

    graph: ox.NamedNode
    node: ox.NamedNode
    key: str
    local: str  # the entity IRI the article's own evidence gives
    type: str
    weight: float
    keeps: bool
    corpus: str | None  # the entity IRI the corpus retyped it to, if it did


def _reading(store: ox.Store, node: ox.NamedNode, g: ox.NamedNode, key: str) -> Reading | None:
    local = type_ = corpus = None
    weight, keeps = 0.0, False
    for q in store.quads_for_pattern(node, None, None, g):
        p = q.predicate
        if p == LOCAL_ENTITY:
            local = q.object.value
        elif p == LOCAL_TYPE:
            type_ = _TYPE_OF_CLASS.get(q.object.value)
        elif p == TYPE_WEIGHT:
            try:
                weight = float(q.object.value)
            except ValueError:
                weight = 0.0
        elif p == KEEPS_TYPE:
            keeps = q.object.value == "true"
        elif p == CORPUS_ENTITY:
            corpus = q.object.value
    if local is None or type_ is None:
        return None
    return Reading(g, node, key, local, type_, weight, keeps, corpus)


def readings_of(store: ox.Store, key: str) -> list[Reading]:
    """Every article's reading of ``key``, in the order of their graphs' IRIs."""
    out = []
    for q in store.quads_for_pattern(None, NAME_KEY, ox.Literal(key), None):
        g = q.graph_name
        if is_article_graph(g) and isinstance(q.subject, ox.NamedNode):
            r = _reading(store, q.subject, g, key)  # type: ignore[arg-type]
            if r is not None:
                out.append(r)
    return sorted(out, key=lambda r: r.graph.value)


@dataclass
class Verdict:
    """What the corpus says of one key: per type, how many articles and their total weight."""

    key: str
    articles: dict[str, int] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)

    @property
    def type(self) -> str | None:
        """The heaviest type; None when two tie or nothing weighs."""
        ranked = sorted(self.weights.items(), key=lambda x: (-x[1], x[0]))
        if not ranked or ranked[0][1] <= 0 or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]

    def target(self, r: Reading) -> str | None:
        """The entity IRI reading ``r`` is retyped to, or None when it keeps its own."""
        c = self.type
        if c is None or c == r.type or r.keeps:
            return None
        mine, theirs = self.weights.get(r.type, 0.0), self.weights[c]
        if theirs - mine < CORPUS_MARGIN or theirs < 2 * mine:
            return None
        return entity_iri(None, c, r.key)

    def summary(self) -> str:
        """The verdict in words: "Place in 12 articles, weight 8.4; Person in 1 article, weight 0.6 -> Place"."""
        parts = [
            f"{t} in {plural(self.articles[t], 'article')}, weight {self.weights[t]:g}"
            for t in sorted(self.articles, key=lambda t: (-self.weights.get(t, 0.0), t))
        ]
        return "; ".join(parts) + f" -> {self.type or 'no corpus type (each article keeps its own)'}"


def verdict(key: str, readings: Iterable[Reading]) -> Verdict:
    v = Verdict(key)
    weights: dict[str, float] = defaultdict(float)
    for r in sorted(readings, key=lambda r: r.graph.value):
        v.articles[r.type] = v.articles.get(r.type, 0) + 1
        weights[r.type] += r.weight
    v.weights = {t: round(w, 3) for t, w in weights.items()}
    return v


def retarget(quads: Iterable[ox.Quad], moves: dict[str, tuple[str, str, str | None]]) -> list[ox.Quad]:
    """An article graph's quads with its readings moved: ``moves`` maps a reading node's IRI
    to (its local entity, the entity its mentions point to now, the entity they must point
    to: None for the local one). Mentions, ``schema:mentions`` and ``kg:corpusEntity``
    follow."""
    swap: dict[str, str] = {}
    for local, now, want in moves.values():
        swap[now] = want or local
    quads = list(quads)
    moved = {q.subject for q in quads if q.predicate == IDENT and q.object.value in swap}
    out = []
    for q in quads:
        p, o = q.predicate, q.object
        if p in (IDENT, MENTIONS) and o.value in swap:
            q = ox.Quad(q.subject, p, ox.NamedNode(swap[o.value]), q.graph_name)
        elif p == CLASS_REF and q.subject in moved:
            continue  # written again below, from the entity it now points to
        elif p == CORPUS_ENTITY and q.subject.value in moves:
            continue
        out.append(q)
    for q in quads:
        if q.predicate == IDENT and q.subject in moved:
            parsed = _nil_key(swap[q.object.value])
            if parsed is not None:
                out.append(ox.Quad(q.subject, CLASS_REF, _CLASS_NODE[parsed[0]], q.graph_name))
    for node, (_local, _now, want) in moves.items():
        if want is not None:
            g = next(q.graph_name for q in quads if q.subject.value == node)
            out.append(ox.Quad(ox.NamedNode(node), CORPUS_ENTITY, ox.NamedNode(want), g))
    return out


def keys_in(store: ox.Store, g: ox.NamedNode) -> set[str]:
    """The keys article graph ``g`` holds readings of."""
    return {q.object.value for q in store.quads_for_pattern(None, NAME_KEY, None, g)}


def all_keys(store: ox.Store) -> set[str]:
    return {q.object.value for q in store.quads_for_pattern(None, NAME_KEY, None, None) if is_article_graph(q.graph_name)}


def moves_for(store: ox.Store, keys: Iterable[str]) -> tuple[dict[ox.NamedNode, dict[str, tuple[str, str, str | None]]], int]:
    """Per article graph, the readings of ``keys`` whose mentions point elsewhere than the
    corpus wants (see :func:`retarget`); and how many readings were read."""
    out: dict[ox.NamedNode, dict[str, tuple[str, str, str | None]]] = defaultdict(dict)
    read = 0
    for key in sorted(keys):
        rs = readings_of(store, key)
        read += len(rs)
        v = verdict(key, rs)
        for r in rs:
            want = v.target(r)
            if want != r.corpus:
                out[r.graph][r.node.value] = (r.local, r.corpus or r.local, want)
    return out, read


def apply_corpus(source: ox.Store | StoreHandle, kb: KnowledgeBase, keys: Iterable[str], watch: Watcher | None = None) -> int:
    """Decide ``keys`` again over the whole store and rewrite the articles whose readings
    change, :data:`GRAPHS_PER_WRITE` to a write; returns how many were rewritten.
    ``keys`` are taken :data:`KEYS_PER_ROUND` at a time, so that memory holds one round's
    readings and articles, whatever the store holds; a :class:`StoreHandle` that opened
    the store is told what each round read, and opens it again as it counts."""
    h = source if isinstance(source, StoreHandle) else StoreHandle(source)
    todo = sorted(set(keys))
    rewritten = 0
    for i in range(0, len(todo), KEYS_PER_ROUND):
        store = h.store
        moves, read = moves_for(store, todo[i : i + KEYS_PER_ROUND])
        graphs = sorted(moves, key=lambda g: g.value)
        for j in range(0, len(graphs), GRAPHS_PER_WRITE):
            batch = [(g, retarget(store.quads_for_pattern(None, None, None, g), moves[g])) for g in graphs[j : j + GRAPHS_PER_WRITE]]
            write_articles(store, kb, batch, watch=watch)
        rewritten += len(graphs)
        del store  # no reference outlives the round: the handle may close it now
        h.tick(read + len(graphs))
    return rewritten


def as_stored(store: ox.Store, g: ox.NamedNode, quads: list[ox.Quad]) -> list[ox.Quad]:
    """An article's new quads with the retypings its stored version carries, where its new
    reading of the name is the same: re-ingesting an unchanged article then finds nothing
    to write (the pass that follows corrects whatever the article's change calls for)."""
    stored: dict[str, tuple[str, str]] = {}
    for q in store.quads_for_pattern(None, CORPUS_ENTITY, None, g):
        for lq in store.quads_for_pattern(q.subject, LOCAL_ENTITY, None, g):
            stored[q.subject.value] = (lq.object.value, q.object.value)
    if not stored:
        return quads
    keeps = {q.subject.value for q in quads if q.predicate == KEEPS_TYPE}
    moves = {
        q.subject.value: (q.object.value, q.object.value, stored[q.subject.value][1])
        for q in quads
        if q.predicate == LOCAL_ENTITY and q.subject.value in stored and q.subject.value not in keeps and stored[q.subject.value][0] == q.object.value
    }
    return retarget(quads, moves) if moves else quads


@dataclass
class NameChanges(OwedPass):
    """The keys the writes since the last pass touched (a :class:`kg.store.Watcher`): the
    readings of every article graph written, replaced or removed. ``marker``, a file
    beside the store, exists from the first such write until a pass has decided them, so
    that a run killed in between leaves word that the next one must decide every key."""

    keys: set[str] = field(default_factory=set)
    note = "a corpus pass over unknown names is owed: the next ingest or load does it\n"

    def before(self, store: ox.Store, graphs: Iterable[ox.NamedNode], entities: Iterable[ox.NamedNode]) -> None:
        self._mark()
        for g in graphs:
            self.keys |= keys_in(store, g)

    def after(
        self,
        store: ox.Store,
        graphs: Iterable[ox.NamedNode],
        entities: Iterable[ox.NamedNode],
        written: WrittenGraphs = (),
    ) -> None:
        self._mark()
        known = set()
        for g, quads, notes in written:  # the graphs as written: their keys need no look-up
            known.add(g.value)
            self.keys.update(notes.name_keys if notes is not None else (q.object.value for q in quads if q.predicate == NAME_KEY))
        for g in graphs:
            if g.value not in known:
                self.keys |= keys_in(store, g)

    def __bool__(self) -> bool:
        return self.everything or bool(self.keys)

    def apply(self, store: ox.Store, kb: KnowledgeBase, watch: Watcher | None = None) -> int:
        """Decide the keys touched (every key, after a run that did not finish), rewrite
        the articles that change; returns how many were rewritten. ``watch`` is told of
        those writes (the incidents follow the entities' types)."""
        return self._apply(StoreHandle(store), kb, watch)

    def apply_at(self, path: Path | StoreHandle, kb: KnowledgeBase, watch: Watcher | None = None, every: int = READINGS_PER_OPEN) -> int:
        """:meth:`apply` on the store in the folder ``path``, which nothing else may hold
        open: opened here, and opened again every ``every`` readings read, so that what
        the pass holds does not grow with the store. A handle that opens from a folder
        may be given instead."""
        return self.run_at(path, every, lambda h: self._apply(h, kb, watch))

    def _apply(self, h: StoreHandle, kb: KnowledgeBase, watch: Watcher | None) -> int:
        n = 0
        if self:
            keys = all_keys(h.store) if self.everything else self.keys
            n = apply_corpus(h, kb, keys, watch=watch)
        self.keys, self.everything = set(), False
        if self.marker is not None:
            self.marker.unlink(missing_ok=True)
        return n


class Watchers:
    """Several watchers told of the same writes, in order."""

    def __init__(self, *watchers: Watcher | None):
        self.watchers = [w for w in watchers if w is not None]

    def before(self, store: ox.Store, graphs: Iterable[ox.NamedNode], entities: Iterable[ox.NamedNode]) -> None:
        graphs, entities = list(graphs), list(entities)
        for w in self.watchers:
            w.before(store, graphs, entities)

    def after(
        self,
        store: ox.Store,
        graphs: Iterable[ox.NamedNode],
        entities: Iterable[ox.NamedNode],
        written: WrittenGraphs = (),
    ) -> None:
        graphs, entities, written = list(graphs), list(entities), list(written)
        for w in self.watchers:
            w.after(store, graphs, entities, written=written)


def corpus_evidence(store: ox.Store, name: str) -> tuple[Verdict, list[tuple[Reading, str | None]]]:
    """What the store's articles say of the unknown name ``name``: the verdict and each
    article's reading with the entity the corpus gives it (None: its own)."""
    key = slug(name)
    rs = readings_of(store, key)
    v = verdict(key, rs)
    return v, [(r, v.target(r)) for r in rs]
