"""Incidents: the attack records of all articles, deduplicated across articles.

Each article's graph holds its own ``kg:Attack`` records (kg/events.py). Five outlets
reporting one strike give five records; counting attacks should count it once. This
module groups the records that report the same attack into one ``kg:Incident`` and
writes all incidents into the graph ``<base>graph/incidents``. After every ingest
kg/incident_upkeep.py redoes the part of it a change reaches, with the result of
:func:`rebuild_incidents` (the full rebuild from the whole store), so it is right
whatever was added, re-ingested or removed.

When two records report the same attack (``compatible``):

- they come from different articles (an article's own records were already merged by
  the extractor, so two records of one article are two attacks);
- they have a location, and it is the same place, or one lies in the other
  (``kg:partOf``, countries left out: "a strike on Ukraine" says too little to be
  matched with a strike on Kharkiv);
- their days are at most ``MAX_DAYS`` apart. A record's day is its ``schema:startDate``,
  else the day before its article was published (a report dated by its article alone
  is about the day before or the day itself, never a later one: so an attack dated
  Wednesday matches the undated reports of articles published Wednesday to Friday). A record with neither is matched
  only with records that have neither: it cannot be placed in time, so it is kept away
  from all dated ones rather than joined to an arbitrary day;
- their actors are the same, or one does not name any;
- their weapons meet: one names none, or they share a weapon, or they share a finer
  weapon class (Drone, Missile, GlideBomb ...: "Shahed drones" and "drones" are the
  same weapons told at two levels of detail);
- their figures meet, killed and injured each: one states none, or the higher is at
  most ``FIGURE_FACTOR`` times the lower plus ``FIGURE_SLACK`` (tolls rise as bodies are
  found -- 7 then 18 is one attack; 2 and 22 are two).

Records are taken in a fixed order -- day, location IRI, record IRI -- and each joins
the first incident (in the order incidents were opened) all of whose records it is
compatible with, else opens a new one. Requiring compatibility with *every* record,
not just one, keeps chains from forming (Monday's, Tuesday's and Wednesday's strikes do
not become one incident through Tuesday's). As the order depends on nothing but the
records, the same articles ingested in any order give the same incidents, with the
same IRIs (``<base>incident/`` + sha1 of its first record's IRI).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.resources import sparql
from kg.store import incidents_graph, sync_graph
from kg.vocab import KG, RDF, SCHEMA, XSD, base_iri

MAX_DAYS = 1
FIGURE_FACTOR = 3
FIGURE_SLACK = 2


@dataclass(frozen=True)
class EventRecord:
    """One ``kg:Attack`` as the store holds it, with what clustering needs (IRIs as strings)."""

    iri: str
    article: str
    date: dt.date | None = None  # the attack's own date (schema:startDate)
    published: dt.date | None = None  # its article's schema:datePublished
    location: str | None = None
    within: frozenset[str] = frozenset()  # places (not countries) the location lies in
    actor: str | None = None
    weapons: frozenset[str] = frozenset()
    weapon_classes: frozenset[str] = frozenset()  # finer classes of the weapons
    killed: int | None = None
    injured: int | None = None
    confidence: float | None = None

    @property
    def day(self) -> dt.date | None:
        """The day the record is placed on (:func:`record_day`)."""
        return record_day(self.date, self.published)


def record_day(date: dt.date | None, published: dt.date | None) -> dt.date | None:
    """A record's day: its own date, else the day before its article's (the middle of
    the two days an undated report is about, so that ``MAX_DAYS`` reaches both)."""
    if date is not None:
        return date
    return published - dt.timedelta(days=1) if published is not None else None


@dataclass
class Incident:
    """One attack and the records that report it, with the slots they agree on."""

    iri: str
    events: list[str]  # record IRIs, in clustering order
    location: str | None = None
    actor: str | None = None
    weapons: list[str] = field(default_factory=list)
    start_date: dt.date | None = None
    killed: tuple[int, int] | None = None  # (lowest, highest) stated
    injured: tuple[int, int] | None = None
    confidence: float | None = None


# --- when two records report the same attack ----------------------------------------


def order_key(e: EventRecord) -> tuple:
    """The fixed order records are clustered in: day (undated last), location, IRI."""
    return (e.day is None, e.day or dt.date.min, e.location or "", e.iri)


def places_meet(a: EventRecord, b: EventRecord) -> bool:
    if a.location is None or b.location is None:
        return False
    return a.location == b.location or a.location in b.within or b.location in a.within


def days_meet(a: EventRecord, b: EventRecord) -> bool:
    if a.day is None or b.day is None:
        return a.day is None and b.day is None
    return abs((a.day - b.day).days) <= MAX_DAYS


def figures_meet(x: int | None, y: int | None) -> bool:
    if x is None or y is None:
        return True
    low, high = sorted((x, y))
    return high <= FIGURE_FACTOR * low + FIGURE_SLACK


def weapons_meet(a: EventRecord, b: EventRecord) -> bool:
    if not a.weapons or not b.weapons:
        return True
    return bool(a.weapons & b.weapons or a.weapon_classes & b.weapon_classes)


def compatible(a: EventRecord, b: EventRecord) -> bool:
    """Whether ``a`` and ``b`` may report the same attack (see the module's docstring)."""
    return (
        a.article != b.article
        and places_meet(a, b)
        and days_meet(a, b)
        and (a.actor is None or b.actor is None or a.actor == b.actor)
        and weapons_meet(a, b)
        and figures_meet(a.killed, b.killed)
        and figures_meet(a.injured, b.injured)
    )


def cluster(events: Iterable[EventRecord]) -> list[list[EventRecord]]:
    """Group the records that report the same attack; groups and their records in the
    fixed order, whatever order ``events`` come in.

    Open groups are indexed by the places their records name (and the places those lie
    in), so a record is compared only with groups that could take it; a dated group
    whose first record is more than ``MAX_DAYS`` before the record at hand can take no
    later record and leaves the index.
    """
    groups: list[list[EventRecord]] = []
    index: dict[tuple[bool, str], set[int]] = {}
    for e in sorted(events, key=order_key):
        if e.location is None:
            groups.append([e])
            continue
        keys = [(e.day is None, k) for k in sorted({e.location, *e.within})]
        candidates: set[int] = set()
        for key in keys:
            open_groups = index.get(key)
            if open_groups and e.day is not None:
                day = e.day
                open_groups = index[key] = {gi for gi in open_groups if (day - groups[gi][0].day).days <= MAX_DAYS}  # type: ignore[operator]
            candidates |= open_groups or set()
        chosen = next((gi for gi in sorted(candidates) if all(compatible(e, m) for m in groups[gi])), None)
        if chosen is None:
            chosen = len(groups)
            groups.append([e])
        else:
            groups[chosen].append(e)
        for key in keys:
            index.setdefault(key, set()).add(chosen)
    return groups


# --- an incident's slots ---------------------------------------------------------------


def incident_iri(first_event: str) -> str:
    return f"{base_iri()}incident/{hashlib.sha1(first_event.encode('utf-8')).hexdigest()[:20]}"


def _most_common(values: Iterable[str]) -> str | None:
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def _range(values: Iterable[int | None]) -> tuple[int, int] | None:
    stated = [v for v in values if v is not None]
    return (min(stated), max(stated)) if stated else None


def incident_of(members: Sequence[EventRecord]) -> Incident:
    """The incident of one group: location the most specific the reports give (the most
    common of those, ties by IRI), actor the most common named (ties by IRI), every
    weapon named, the earliest date stated, the range of figures, the highest confidence."""
    # A location another report refines (the city of a facility) gives way to the finer one.
    finest = [m.location for m in members if m.location and not any(m.location in o.within for o in members)]
    dates = [m.date for m in members if m.date is not None]
    confidences = [m.confidence for m in members if m.confidence is not None]
    return Incident(
        iri=incident_iri(members[0].iri),
        events=[m.iri for m in members],
        location=_most_common(finest),
        actor=_most_common(m.actor for m in members if m.actor),
        weapons=sorted({w for m in members for w in m.weapons}),
        start_date=min(dates) if dates else None,
        killed=_range(m.killed for m in members),
        injured=_range(m.injured for m in members),
        confidence=max(confidences) if confidences else None,
    )


def incidents_of(events: Iterable[EventRecord]) -> list[Incident]:
    return [incident_of(group) for group in cluster(events)]


# --- RDF -------------------------------------------------------------------------------------


def _int(v: int) -> ox.Literal:
    return ox.Literal(str(int(v)), datatype=ox.NamedNode(XSD + "integer"))


def incident_quads(incidents: Iterable[Incident], graph: ox.NamedNode) -> list[ox.Quad]:
    """The incidents as ontology/README.md lays them out, in ``graph``."""
    kg = {
        name: ox.NamedNode(KG + name)
        for name in (
            "reportedBy",
            "reports",
            "location",
            "actor",
            "weapon",
            "killed",
            "killedMin",
            "killedMax",
            "injured",
            "injuredMin",
            "injuredMax",
            "confidence",
        )
    }
    out: list[ox.Quad] = []
    for inc in incidents:
        s = ox.NamedNode(inc.iri)
        q = [ox.Quad(s, ox.NamedNode(RDF + "type"), ox.NamedNode(KG + "Incident"), graph)]
        q += [ox.Quad(s, kg["reportedBy"], ox.NamedNode(e), graph) for e in inc.events]
        q.append(ox.Quad(s, kg["reports"], _int(len(inc.events)), graph))
        if inc.location:
            q.append(ox.Quad(s, kg["location"], ox.NamedNode(inc.location), graph))
        if inc.actor:
            q.append(ox.Quad(s, kg["actor"], ox.NamedNode(inc.actor), graph))
        q += [ox.Quad(s, kg["weapon"], ox.NamedNode(w), graph) for w in inc.weapons]
        if inc.start_date:
            q.append(ox.Quad(s, ox.NamedNode(SCHEMA + "startDate"), ox.Literal(inc.start_date.isoformat(), datatype=ox.NamedNode(XSD + "date")), graph))
        for name, figures in (("killed", inc.killed), ("injured", inc.injured)):
            if figures is not None:
                low, high = figures
                q += [ox.Quad(s, kg[name], _int(high), graph), ox.Quad(s, kg[name + "Min"], _int(low), graph), ox.Quad(s, kg[name + "Max"], _int(high), graph)]
        if inc.confidence is not None:
            q.append(ox.Quad(s, kg["confidence"], ox.Literal(repr(float(inc.confidence)), datatype=ox.NamedNode(XSD + "double")), graph))
        out += q
    return out


# --- the store ---------------------------------------------------------------------------------


def _date(term: ox.Literal | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(term.value) if term is not None else None
    except ValueError:
        return None


def _number(term: ox.Literal | None, kind=int):
    try:
        return kind(term.value) if term is not None else None
    except ValueError:
        return None


def read_events(store: ox.Store) -> list[EventRecord]:
    """Every ``kg:Attack`` in the store, its many-valued slots folded per record."""
    rows: dict[str, dict] = {}
    for row in store.query(sparql("incident-events"), use_default_graph_as_union=True):
        iri = row["event"].value
        r = rows.get(iri)
        if r is None:
            r = rows[iri] = {
                "article": row["article"].value,
                "date": None,
                "published": None,
                "location": None,
                "actor": None,
                "within": set(),
                "weapons": set(),
                "classes": set(),
                "killed": None,
                "injured": None,
                "confidence": None,
            }
        # A record with two values of a one-valued slot breaks the shapes; `kg validate`
        # says so. Here the smallest IRI, earliest date and highest figure are kept, so
        # the result does not depend on the order rows come in.
        for name in ("location", "actor"):
            if row[name] is not None and (r[name] is None or row[name].value < r[name]):
                r[name] = row[name].value
        for name in ("date", "published"):
            d = _date(row[name])
            if d is not None and (r[name] is None or d < r[name]):
                r[name] = d
        for name, kind in (("killed", int), ("injured", int), ("confidence", float)):
            v = _number(row[name], kind)
            if v is not None and (r[name] is None or v > r[name]):
                r[name] = v
        if row["parent"] is not None:
            r["within"].add(row["parent"].value)
        if row["weapon"] is not None:
            r["weapons"].add(row["weapon"].value)
        if row["wclass"] is not None:
            r["classes"].add(row["wclass"].value)
    return [
        EventRecord(
            iri=iri,
            article=r["article"],
            date=r["date"],
            published=r["published"],
            location=r["location"],
            within=frozenset(r["within"]) if r["location"] else frozenset(),
            actor=r["actor"],
            weapons=frozenset(r["weapons"]),
            weapon_classes=frozenset(r["classes"]),
            killed=r["killed"],
            injured=r["injured"],
            confidence=r["confidence"],
        )
        for iri, r in rows.items()
    ]


def rebuild_incidents(store: ox.Store) -> int:
    """Rebuild the incident graph from every attack in the store, in one write
    (only what changed is written); returns the number of incidents."""
    incidents = incidents_of(read_events(store))
    graph = incidents_graph()
    sync_graph(store, graph, incident_quads(incidents, graph))
    return len(incidents)
