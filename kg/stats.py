"""Counts that describe a store: articles, outlets, entities by type, mentions, attacks, quads."""

from __future__ import annotations

import pyoxigraph as ox

from kg.resources import sparql
from kg.vocab import KG, SCHEMA

_SHORT = {SCHEMA + "Person": "Person", SCHEMA + "Place": "Place", SCHEMA + "Organization": "Organization", KG + "Weapon": "Weapon"}


def _int(term) -> int:
    return int(term.value) if term is not None else 0


def store_stats(store: ox.Store) -> dict:
    """A plain dict: articles, outlets, mentions, attack reports, incidents, quads,
    entities {type: n}, top outlets."""
    totals = next(iter(store.query(sparql("stats-totals"), use_default_graph_as_union=True)))
    types = {t: 0 for t in _SHORT.values()}
    for row in store.query(sparql("stats-types"), use_default_graph_as_union=True):
        types[_SHORT[row["type"].value]] = _int(row["n"])
    outlets = [(row["label"].value, _int(row["n"])) for row in store.query(sparql("stats-outlets"), use_default_graph_as_union=True)]
    return {
        "articles": _int(totals["articles"]),
        "outlets": _int(totals["outlets"]),
        "mentions": _int(totals["mentions"]),
        "attack_reports": _int(totals["attacks"]),
        "incidents": _int(totals["incidents"]),
        "quads": len(store),
        "entities": types,
        "top_outlets": outlets[:10],
    }
