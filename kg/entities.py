"""The entity graph: each entity's facts once in the store, kept exact as articles come and go.

An article graph says which entities the article names (``schema:mentions``,
``schema:publisher``, and its attacks' ``kg:actor``, ``kg:location``, ``kg:weapon``) and how (each mention's ``nif:anchorOf`` and
``itsrdf:taClassRef``; ``kg:outletName`` for the outlet). The facts of an entity
(its types, one ``rdfs:label``, ``skos:altLabel``, ``owl:sameAs``, and what the
knowledge base knows of it) are a pure function of the knowledge base and of what
all the article graphs say about it:

- an entity of the knowledge base: the entry's facts, plus every form the articles
  use as an alternative label;
- an entity outside it (NIL): the top class the articles give it, one label chosen
  from the forms they use by a fixed order (so the result does not depend on the
  order articles arrive in), the other forms as alternative labels, and
  ``kg:NewsOrganization`` when it is some article's publisher.

Because the facts depend on the articles only through these sets, they can be kept
exact cheaply: a new article only adds to the sets, and when an article is replaced
or removed only the entities it loses something on are recomputed, each lost form
looked up once elsewhere in the store (stopping at the first article that still
uses it) rather than re-reading every article that names the entity.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.emit import ALT, LABEL, _en, _en_nt, _LiteralQuads, class_iri, kb_entry_quads
from kg.identity import slug
from kg.kb.base import KBEntry, KnowledgeBase
from kg.mentions import without_admin_noun
from kg.vocab import ITSRDF, KG, NIF, RDF, SCHEMA, TOP_CLASS, base_iri

A = ox.NamedNode(RDF + "type")
MENTIONS = ox.NamedNode(SCHEMA + "mentions")
PUBLISHER = ox.NamedNode(SCHEMA + "publisher")
OUTLET_NAME = ox.NamedNode(KG + "outletName")
# An attack's actor, place and weapons name entities too ("Russian drones": Russia, though
# the text never writes its name).
EVENT_SLOTS = tuple(ox.NamedNode(KG + p) for p in ("actor", "location", "weapon"))
REFERENCES = (MENTIONS, PUBLISHER, *EVENT_SLOTS)
ANCHOR = ox.NamedNode(NIF + "anchorOf")
IDENT = ox.NamedNode(ITSRDF + "taIdentRef")
CLASS_REF = ox.NamedNode(ITSRDF + "taClassRef")
NEWS_ORGANIZATION = class_iri("NewsOrganization")
ORGANIZATION = TOP_CLASS["Organization"]
_TOPS = set(TOP_CLASS.values())


@dataclass
class Seen:
    """What some articles say of one entity: the top classes their mentions give it, the
    forms they write it in, and whether (and under which names) it is their outlet."""

    tops: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    outlets: set[str] = field(default_factory=set)
    publisher: bool = False

    def update(self, other: Seen) -> None:
        self.tops |= other.tops
        self.names |= other.names
        self.outlets |= other.outlets
        self.publisher |= other.publisher

    def covers(self, other: Seen) -> bool:
        """True when nothing ``other`` says is missing here."""
        return other.tops <= self.tops and other.names <= self.names and other.outlets <= self.outlets and (self.publisher or not other.publisher)


_IDENT_KIND, _ANCHOR_KIND, _CLASS_KIND, _NAMES_KIND, _PUBLISHER_KIND, _OUTLET_KIND = range(6)
_SEEN_KINDS = {IDENT.value: _IDENT_KIND, ANCHOR.value: _ANCHOR_KIND, CLASS_REF.value: _CLASS_KIND, MENTIONS.value: _NAMES_KIND,
               **{p.value: _NAMES_KIND for p in EVENT_SLOTS}, PUBLISHER.value: _PUBLISHER_KIND, OUTLET_NAME.value: _OUTLET_KIND}


def seen_in(quads: Iterable[ox.Quad]) -> dict[str, Seen]:
    """Entity IRI -> what these quads (one or more article graphs) say of it."""
    target: dict[tuple, str] = {}
    anchor: dict[tuple, str] = {}
    klass: dict[tuple, str] = {}
    outlet_name: dict[tuple, set[str]] = {}
    publishers: list[tuple[tuple, str]] = []
    out: dict[str, Seen] = {}
    for q in quads:
        # Dispatched on the predicate's IRI as a string: most quads are of no concern, and
        # comparing terms costs a call into pyoxigraph each.
        kind = _SEEN_KINDS.get(q.predicate.value)
        if kind is None:
            continue
        key = (q.subject, q.graph_name)
        if kind == _IDENT_KIND:
            target[key] = q.object.value
        elif kind == _ANCHOR_KIND:
            anchor[key] = q.object.value
        elif kind == _CLASS_KIND:
            klass[key] = q.object.value
        elif kind == _NAMES_KIND:
            out.setdefault(q.object.value, Seen())
        elif kind == _PUBLISHER_KIND:
            publishers.append((key, q.object.value))
        else:
            outlet_name.setdefault(key, set()).add(q.object.value)
    for key, entity in target.items():
        seen = out.setdefault(entity, Seen())
        if key in anchor:
            seen.names.add(anchor[key])
        if key in klass:
            seen.tops.add(klass[key])
    for key, entity in publishers:
        seen = out.setdefault(entity, Seen())
        seen.publisher = True
        seen.tops.add(ORGANIZATION)
        seen.outlets |= outlet_name.get(key, set())
    return out


def merged(parts: Iterable[dict[str, Seen]]) -> dict[str, Seen]:
    out: dict[str, Seen] = {}
    for part in parts:
        for entity, seen in part.items():
            out.setdefault(entity, Seen()).update(seen)
    return out


def kb_entry_of(iri: str, kb: KnowledgeBase) -> KBEntry | None:
    """The knowledge-base entry an entity IRI names (``…/entity/{kb id}``), if any."""
    prefix = base_iri() + "entity/"
    return kb.get(iri[len(prefix) :]) if iri.startswith(prefix) else None


def label_order(iri: str) -> Callable[[str], tuple]:
    """The order in which a NIL entity's forms compete for its label: the form its IRI
    was made from first, then mixed case before all capitals or all lower case, then
    the shorter ("Clara Moreau" before "Clara Moreau's"), then by code point."""
    tail = iri.rsplit("/", 1)[-1]

    def key(name: str) -> tuple:
        return (slug(name) != tail, name.isupper(), name.islower(), len(name), name)

    return key


def entity_facts(iri: str, seen: Seen, kb: KnowledgeBase, g: ox.NamedNode) -> list[ox.Quad]:
    """The facts of one entity, in graph ``g``, from what the articles say of it."""
    # (the labels are parsed together, as an article's literals are: see kg.emit._LiteralQuads)
    entry = kb_entry_of(iri, kb)
    s = ox.NamedNode(iri)
    literals = _LiteralQuads(g)
    if entry is not None:
        quads = list(kb_entry_quads(entry, kb, g))
        known = {entry.label, *entry.aliases[:50]}
        for n in sorted(seen.names - known):
            literals.add(quads, iri, ALT, _en_nt(n))
        literals.fill(quads)
        return quads
    names = seen.names | seen.outlets
    tops = seen.tops & _TOPS or seen.tops
    if SCHEMA + "Place" in tops:  # "Yakla district" is also "Yakla"
        names |= {b for b in map(without_admin_noun, seen.names) if b}
    quads = [ox.Quad(s, A, ox.NamedNode(t), g) for t in sorted(tops)]
    if seen.publisher:
        quads.append(ox.Quad(s, A, NEWS_ORGANIZATION, g))
    if names:
        label = min(names, key=label_order(iri))
        literals.add(quads, iri, LABEL, _en_nt(label))
        for n in sorted(names - {label}):
            literals.add(quads, iri, ALT, _en_nt(n))
    literals.fill(quads)
    return quads


def all_entity_facts(seen: dict[str, Seen], kb: KnowledgeBase, g: ox.NamedNode) -> Iterator[ox.Quad]:
    for iri in sorted(seen):
        yield from entity_facts(iri, seen[iri], kb, g)


def rebuild(store: ox.Store, kb: KnowledgeBase, g: ox.NamedNode) -> list[ox.Quad]:
    """The entity graph computed from scratch from every article graph in the store: the
    reference the incremental upkeep must equal, and what a bulk load of article graphs
    (shards) needs afterwards."""
    preds = (IDENT, ANCHOR, CLASS_REF, OUTLET_NAME, *REFERENCES)
    quads = (q for p in preds for q in store.quads_for_pattern(None, p, None, None) if is_article_graph(q.graph_name))
    return list(all_entity_facts(seen_in(quads), kb, g))


def entity_references(store: ox.Store, g: ox.NamedNode) -> list[ox.Quad]:
    """The quads of article graph ``g`` that :func:`seen_in` reads (which entities it
    names, and how), read by predicate: for an article about to be dropped whole, the
    rest of its graph need not be read."""
    return [q for p in (IDENT, ANCHOR, CLASS_REF, OUTLET_NAME, *REFERENCES) for q in store.quads_for_pattern(None, p, None, g)]


def is_article_graph(g: object) -> bool:
    """Article graphs are named by their article's IRI. Only they count as saying which
    entities exist: a derived graph (incidents) that still names an entity must not keep
    it alive after the last article naming it is gone."""
    return isinstance(g, ox.NamedNode) and g.value.startswith(base_iri() + "article/")


class Upkeep:
    """Works out what the entity graph ``g`` gains and loses when the article graphs in
    ``replaced`` (re-ingested or removed) give way to new article quads."""

    def __init__(self, store: ox.Store, kb: KnowledgeBase, g: ox.NamedNode, replaced: Collection[ox.NamedNode]):
        self.store, self.kb, self.g = store, kb, g
        self.replaced = set(replaced)

    def _elsewhere(self, pattern: tuple) -> Iterator[ox.Quad]:
        """Quads matching ``pattern`` in the article graphs not being replaced."""
        for q in self.store.quads_for_pattern(*pattern, None):
            if q.graph_name not in self.replaced and is_article_graph(q.graph_name):
                yield q

    def _referenced_elsewhere(self, e: ox.NamedNode) -> bool:
        return any(True for p in REFERENCES for _ in self._elsewhere((None, p, e)))

    def _name_elsewhere(self, e: ox.NamedNode, name: str, nil: bool) -> bool:
        lit = ox.Literal(name)
        for q in self._elsewhere((None, ANCHOR, lit)):
            if ox.Quad(q.subject, IDENT, e, q.graph_name) in self.store:
                return True
        if nil:
            for q in self._elsewhere((None, OUTLET_NAME, lit)):
                if ox.Quad(q.subject, PUBLISHER, e, q.graph_name) in self.store:
                    return True
        return False

    def _current(self, e: ox.NamedNode) -> list[ox.Quad]:
        return list(self.store.quads_for_pattern(e, None, None, self.g))

    def _adds_nothing(self, e: ox.NamedNode, seen: Seen, nil: bool) -> bool:
        """True when the entity graph already holds all that ``seen`` would add: a few
        exact look-ups, no read of the entity's facts."""
        names = seen.names | seen.outlets if nil else seen.names
        for n in names:
            lit = _en(n)
            if ox.Quad(e, ALT, lit, self.g) not in self.store and ox.Quad(e, LABEL, lit, self.g) not in self.store:
                return False
        if nil:
            if seen.publisher and ox.Quad(e, A, NEWS_ORGANIZATION, self.g) not in self.store:
                return False
            if any(ox.Quad(e, A, ox.NamedNode(t), self.g) not in self.store for t in seen.tops):
                return False
        return True

    def changes(self, old: dict[str, Seen], new: dict[str, Seen]) -> tuple[list[ox.Quad], list[ox.Quad]]:
        """(quads to add, quads to remove) in the entity graph."""
        add: list[ox.Quad] = []
        remove: list[ox.Quad] = []
        for iri in sorted(set(old) | set(new)):
            e = ox.NamedNode(iri)
            nil = kb_entry_of(iri, self.kb) is None
            now = new.get(iri, Seen())
            before = old.get(iri)
            lossy = before is not None and (iri not in new or not now.covers(before))
            if not lossy:
                if not any(True for _ in self.store.quads_for_pattern(e, A, None, self.g)):
                    add += entity_facts(iri, now, self.kb, self.g)
                    continue
                if self._adds_nothing(e, now, nil):
                    continue
            current = self._current(e)
            if lossy and iri not in new and not self._referenced_elsewhere(e):
                remove += current
                continue
            seen = Seen(tops=set(now.tops), names=set(now.names), outlets=set(now.outlets), publisher=now.publisher)
            for q in current:
                if q.predicate in (LABEL, ALT):
                    seen.names.add(q.object.value)
                elif q.predicate == A and q.object.value in _TOPS:
                    seen.tops.add(q.object.value)
                elif q.predicate == A and q.object == NEWS_ORGANIZATION and nil:
                    seen.publisher = True
            if lossy:
                assert before is not None
                lost = (before.names | (before.outlets if nil else set())) - now.names - (now.outlets if nil else set())
                seen.names -= {n for n in lost if not self._name_elsewhere(e, n, nil)}
                if nil and before.publisher and not now.publisher:
                    seen.publisher = any(True for _ in self._elsewhere((None, PUBLISHER, e)))
            wanted = set(entity_facts(iri, seen, self.kb, self.g))
            have = set(current)
            add += sorted(wanted - have, key=str)
            remove += sorted(have - wanted, key=str)
        return add, remove
