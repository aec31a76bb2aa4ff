"""An attack record's slots as plain strings (kg.types.RecordSlots), from the quads a
write is given or from the terms the store gives back: what kg/incident_upkeep.py reads
of a record, so that the records a run wrote are read from memory, not from the store."""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from kg.types import RecordSlots
from kg.vocab import KG, PROV, RDF, SCHEMA

_A = RDF + "type"
_ATTACK = KG + "Attack"
_DERIVED = PROV + "wasDerivedFrom"
_PUBLISHED = SCHEMA + "datePublished"
_IRI_SLOTS = {_DERIVED, KG + "location", KG + "weapon", KG + "actor"}
_RECORD_SLOTS = _IRI_SLOTS | {SCHEMA + "startDate", KG + "killed", KG + "injured", KG + "confidence"}
# Records whose slots are kept between the writes and the incident update: beyond, the
# update reads them from the store, so that a long run's memory does not grow with it.
WRITTEN_MAX = 20_000


def plain_slots(slots: dict[str, list[ox.Term]]) -> dict[str, list[str]]:
    """Slots as terms (predicate IRI -> objects) as the plain strings of RecordSlots: IRIs
    alone for the entity-valued slots (a literal there names nothing), lexical forms for
    the others; the predicates a record is not read by left out."""
    return {
        p: [t.value for t in terms if isinstance(t, ox.NamedNode)] if p in _IRI_SLOTS else [t.value for t in terms]
        for p, terms in slots.items()
        if p in _RECORD_SLOTS
    }


def records_written(g: ox.NamedNode, quads: Iterable[ox.Quad]) -> dict[str, RecordSlots] | None:
    """The attack records in an article graph's quads (all of them: the graph as written),
    by IRI, with the slots kg/incident_upkeep.py's read_record reads; None when a record
    rests on another graph (derived from an article other than ``g``), which only the
    store can tell about. The emitter gives the same without a scan of the quads
    (kg.emit.attack_slots), which costs some 0.3 us a quad (pyoxigraph builds each term
    read)."""
    attacks: set[str] = set()
    slots: dict[str, dict[str, list[ox.Term]]] = {}
    published: list[str] = []
    article = g.value
    for q in quads:
        p = q.predicate.value
        if p in _RECORD_SLOTS:
            slots.setdefault(q.subject.value, {}).setdefault(p, []).append(q.object)
        elif p == _A:
            if q.object.value == _ATTACK:
                attacks.add(q.subject.value)
        elif p == _PUBLISHED and q.subject.value == article:
            published.append(q.object.value)
    out: dict[str, RecordSlots] = {}
    for iri in attacks:
        record = plain_slots(slots.get(iri, {}))
        derived = record.get(_DERIVED, [])
        if not derived:
            continue  # the store's reading sees no record here either
        if any(v != article for v in derived):
            return None
        out[iri] = (record, published)
    return out
