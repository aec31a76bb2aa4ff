"""The store's names, matched fuzzily: what `kg lookup` and query parameters that name
an entity (``--param entity=Kharkiv``) both resolve a name with.

Below kg.query and kg.lookup (it imports neither), so that the query library can turn
a name into an entity and lookup can run queries without the two importing each other.
All the store's names (labels and aliases) come in one query and are matched in memory
with rapidfuzz, tolerant of case, accents, transliteration and typos.
"""

from __future__ import annotations

import os
import pickle
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rapidfuzz import fuzz, process

from kg.about import __version__
from kg.cache import save_pickle
from kg.errors import QueryError
from kg.resources import sparql
from kg.vocab import TOP_CLASS

MATCH = 80.0  # a name scoring this much (0-100) is a match
SUGGEST = 55.0  # below a match, this much makes a "did you mean" suggestion
PART_PENALTY = 0.92  # a match on one word of a name ("Terekhov") counts a little less

_TYPE_OF = {iri: short for short, iri in TOP_CLASS.items()}

# Ukrainian and Russian Cyrillic to Latin, so "Харків" meets "Kharkiv".
_CYRILLIC = dict(
    zip(
        "абвгґдеєжзиіїйклмнопрстуфхцчшщъыьэюяё",
        "a b v h g d e ye zh z y i yi y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya e".split(),
    )
)
_CYRILLIC["г"] = "g"  # Russian; Ukrainian г also reads as "h", the skeleton joins both
_CYRILLIC["ъ"] = _CYRILLIC["ь"] = ""

# Spelling variants that transliterations and typists disagree on, folded to one form.
_SKELETON = [
    (r"shch|sch", "sc"),
    (r"kh|ch|h", "h"),
    (r"(?<=[^aeiou ])(iy|yy|ij|ii|y)(?=\b)", "i"),  # -skiy / -skyy / -skij / -ski
    (r"zh|j", "z"),
    (r"ts|tz|cz", "c"),
    (r"ph", "f"),
    (r"w", "v"),
    (r"ck|q|k", "c"),
    (r"iy|yi|ye|ie|ya|ia|yu|iu|y", "i"),
    (r"ou", "u"),
    (r"(\w)\1+", r"\1"),  # doubled letters
]


def normalise(text: str) -> str:
    """Lower case, accents removed, Cyrillic transliterated, punctuation to spaces."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(_CYRILLIC.get(c, c) for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^\w]+|_", " ", text)
    return " ".join(text.split())


def skeleton(text: str) -> str:
    """A coarse key where common transliteration variants coincide (Kharkov ~ Charkow).

    Looser on purpose than kg.kb.base.skeleton, which the linker uses: a person typing
    a lookup wants recall and sees the candidates; the linker must not guess."""
    s = normalise(text)
    for pattern, repl in _SKELETON:
        s = re.sub(pattern, repl, s)
    return s


@dataclass
class Candidate:
    entity: str
    type: str
    name: str  # the label or alias that matched best
    label: str
    score: float


class NameIndex:
    """The store's names, ready for fuzzy matching."""

    def __init__(self, rows: list[tuple[str, str, str, bool]]):
        # rows: (entity IRI, top type, name, is preferred label)
        self.label: dict[str, str] = {}
        self.type: dict[str, str] = {}
        keys: list[str] = []
        skels: list[str] = []
        owners: list[tuple[str, str, float]] = []  # (entity, name, weight) per key
        seen: set[tuple[str, str, str]] = set()
        for entity, typ, name, preferred in rows:
            self.type.setdefault(entity, typ)
            if preferred:
                self.label.setdefault(entity, name)
            norm = normalise(name)
            if not norm:
                continue
            variants = [(norm, 1.0)]
            words = norm.split()
            if len(words) > 1:
                variants += [(w, PART_PENALTY) for w in words if len(w) >= 4]
            for key, weight in variants:
                if (entity, key, name) in seen:
                    continue
                seen.add((entity, key, name))
                keys.append(key)
                skels.append(skeleton(key))
                owners.append((entity, name, weight))
        for entity, _, name, _ in rows:
            self.label.setdefault(entity, name)
        self.keys, self.skels, self.owners = keys, skels, owners

    @classmethod
    def from_store(cls, store: ox.Store) -> NameIndex:
        rows = []
        for s in store.query(sparql("lookup-names"), use_default_graph_as_union=True):
            rows.append((s["entity"].value, _TYPE_OF.get(s["top"].value, ""), s["name"].value, s["preferred"].value == "true"))
        return cls(rows)

    def search(self, text: str, types: set[str] | None = None, cutoff: float = SUGGEST) -> list[Candidate]:
        """Entities whose names come near ``text``, best first (one per entity)."""
        q = normalise(text)
        if not q:
            return []
        qs = skeleton(q)
        best: dict[str, tuple[float, str]] = {}

        def consider(hits: list[tuple[str, float, int]], bonus: float) -> None:
            for _, score, i in hits:
                entity, name, weight = self.owners[i]
                if types and self.type.get(entity) not in types:
                    continue
                s = score * weight * bonus
                old, old_name = best.get(entity, (-1.0, ""))
                # On a tie, the preferred label is the better name to show as matched.
                if s > old or (s == old and name == self.label.get(entity) != old_name):
                    best[entity] = (s, name)

        limit = 200
        consider(process.extract(q, self.keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit), 1.0)
        # Skeleton matches tell transliteration variants apart from typos: a little below exact.
        consider(process.extract(qs, self.skels, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit), 0.97)
        # Words in another order ("Nebenzya Vasily"), a little below a match as written.
        if " " in q:
            consider(process.extract(q, self.keys, scorer=fuzz.token_sort_ratio, score_cutoff=cutoff, limit=limit), 0.95)
        found = [
            Candidate(e, self.type.get(e, ""), name, self.label.get(e, name), round(s, 1)) for e, (s, name) in best.items()
        ]
        # Prefer the higher score, then a match on the preferred label, then the shorter label.
        found.sort(key=lambda c: (-c.score, c.name != c.label, len(c.label), c.label))
        return found


INDEX_CACHE = "kg-lookup-names.pickle"
GENERATION = "kg-generation"


# RocksDB's files that any write to the store changes: its table files, write-ahead logs
# and the manifest that lists them (not its LOG, LOCK or OPTIONS, nor kg's own files).
_STORE_FILES = re.compile(r"CURRENT|MANIFEST-\d+|\d+\.(?:sst|log|blob)")


def store_fingerprint(folder: Path) -> tuple[tuple[str, int], ...]:
    """The store's files by name and size: changes whenever anything is written to the
    store, by kg or any other tool (a write still in the write-ahead log grows the log).
    A listing of some tens of files, where counting the graphs took 0.07 s at 10,000
    articles -- on every lookup -- and missed writes within a graph."""
    try:
        return tuple(sorted((e.name, e.stat().st_size) for e in os.scandir(folder) if _STORE_FILES.fullmatch(e.name)))
    except OSError:
        return ()


def name_index(store: ox.Store, folder: str | Path | None = None) -> NameIndex:
    """The store's name index, kept in the store's folder and reused until the store
    changes (a new ingest, or any write: :func:`store_fingerprint`)."""
    if folder is None:
        return NameIndex.from_store(store)
    folder = Path(folder)
    generation = (folder / GENERATION).read_text() if (folder / GENERATION).exists() else ""
    key = (__version__, generation, store_fingerprint(folder))
    cache = folder / INDEX_CACHE
    try:
        with open(cache, "rb") as f:
            cached_key, index = pickle.load(f)
        if cached_key == key:
            return index
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, AttributeError):
        pass
    index = NameIndex.from_store(store)
    save_pickle(cache, (key, index))  # a store we may not write to: no cache, same answers
    return index


def resolve(store: ox.Store, text: str, folder: str | Path | None = None, types: set[str] | None = None) -> str:
    """The IRI of the entity ``text`` names best (among ``types`` when given); QueryError when none does."""
    return best_match(store, text, folder, types).entity


def best_match(store: ox.Store, text: str, folder: str | Path | None = None, types: set[str] | None = None) -> Candidate:
    """The entity ``text`` names best, with its label (so a caller can say which one a
    fuzzy name landed on); QueryError, with the nearest names, when none does."""
    found = name_index(store, folder).search(text, types)
    if found and found[0].score >= MATCH:
        return found[0]
    hint = ", ".join(f"{c.label!r}" for c in found[:5])
    what = "entity" if not types else " or ".join(sorted(t.lower() for t in types))
    raise QueryError(f"no {what} named {text!r} in the store" + (f"; did you mean {hint}?" if hint else ""))


def kb_place(text: str, folder: str | Path | None = None) -> str | None:
    """The IRI of the knowledge-base place ``text`` names, or None (see kb_place_match)."""
    found = kb_place_match(text, folder)
    return found.entity if found else None


def kb_place_match(text: str, folder: str | Path | None = None) -> Candidate | None:
    """The knowledge-base place ``text`` names, with its label, or None.

    For a place parameter the store does not know by name: articles may name Kharkiv and
    Kyiv but never Ukraine, and the store still ties both to Ukraine's IRI (kg:partOf,
    kg:countryCode), so ``place=Ukraine`` must find them."""
    from kg.identity import entity_iri
    from kg.kb import load_kb  # the knowledge base loads in about a second: only when needed

    kb = load_kb(folder)
    places = [c.entry for c in kb.candidates(text) if c.entry.type == "Place"]
    if not places and kb.gazetteer is not None:  # an administrative area ("Kayes region")
        places = [h.entry for h in kb.gazetteer.lookup(text) if h.entry.classes[0] in ("Region", "District")]
    best = max(places, key=lambda e: (e.prior, e.id), default=None)
    if best is None:
        return None
    return Candidate(entity_iri(best.id, best.type, best.label), best.type, text, best.label, 100.0)
