"""Entity IRIs: pure functions of what an entity denotes (its knowledge-base id, or its
type and name), so that every article, worker and shard names an entity alike."""

from __future__ import annotations

from kg.kb.base import KBEntry, fold
from kg.types import Entity
from kg.vocab import base_iri


def slug(name: str) -> str:
    return fold(name).replace(" ", "-") or "unnamed"


def entity_of(entry: KBEntry) -> Entity:
    """The graph node of a knowledge-base entry."""
    return Entity(entity_iri(entry.id, entry.type, entry.label), entry.type, entry.label, list(entry.classes), entry.same_as, entry.id)


def entity_iri(kb_id: str | None, type_: str, name: str) -> str:
    """A pure function of what the entity denotes: its KB id, or its type and name."""
    if kb_id is not None:
        return f"{base_iri()}entity/{kb_id}"
    return f"{base_iri()}entity/{type_.lower()}/{slug(name)}"
