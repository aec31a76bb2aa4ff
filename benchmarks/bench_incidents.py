"""How long does rebuilding the incident graph take on a store of 20,000 attack records?

Every ingest ends with kg.incidents.rebuild_incidents(store), so its cost is paid once
per `kg ingest` run. This writes a synthetic store shaped as ontology/README.md says --
attack records in article graphs (location, actor, weapons, figures, date, confidence,
prov:wasDerivedFrom), each article with its datePublished, weapon and place entities
typed in the KB graph -- where each attack is reported by 1 to 4 articles with
differing figures and dates, then times:

  1. the first rebuild (the incident graph written from nothing);
  2. a rebuild with nothing changed (nothing written);
  3. a rebuild after ten more articles (a few incidents change);
  4. the incremental update (kg/incident_upkeep.py, what ingest runs) after ten more
     articles, and after those ten are removed again, checked against the full rebuild.

    .venv/bin/python benchmarks/bench_incidents.py [--events 20000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.incident_upkeep import IncidentChanges  # noqa: E402
from kg.incidents import cluster, incidents_of, read_events, rebuild_incidents  # noqa: E402
from kg.store import entity_graph, incidents_graph, open_store  # noqa: E402
from kg.vocab import KG, PROV, RDF, SCHEMA, XSD, base_iri  # noqa: E402

N = ox.NamedNode
B = base_iri()
A = N(RDF + "type")
START = dt.date(2024, 1, 1)
WEAPON_CLASSES = ["Drone", "Missile", "Artillery", "GlideBomb", "Rocket"]


def _int(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=N(XSD + "integer"))


def _date(d: dt.date) -> ox.Literal:
    return ox.Literal(d.isoformat(), datatype=N(XSD + "date"))


def synthetic_quads(events: int, seed: int = 0, first_article: int = 0) -> list[ox.Quad]:
    rng = random.Random(seed)
    places = [N(f"{B}entity/gn/{100000 + i}") for i in range(600)]
    actors = [N(f"{B}entity/actor-{i}") for i in range(12)]
    weapons = [(N(f"{B}entity/weapon-{i}"), WEAPON_CLASSES[i % len(WEAPON_CLASSES)]) for i in range(40)]
    kb = entity_graph()
    quads = [ox.Quad(p, A, N(SCHEMA + "Place"), kb) for p in places]
    quads += [ox.Quad(w, A, N(KG + "Weapon"), kb) for w, _ in weapons] + [ox.Quad(w, A, N(KG + c), kb) for w, c in weapons]
    written, article_no = 0, first_article
    while written < events:
        # One attack, reported by 1-4 articles, each with its own record.
        place, day = rng.choice(places), START + dt.timedelta(days=rng.randrange(365))
        actor, used = rng.choice(actors + [None]), rng.sample(weapons, rng.choice([0, 1, 1, 2]))
        killed = rng.choice([None, 0, 1, 2, 5, 12, 30])
        for _ in range(rng.choice([1, 1, 2, 3, 4])):
            art = N(f"{B}article/{hashlib.sha1(str(article_no).encode()).hexdigest()[:20]}")
            article_no += 1
            ev = N(f"{B}event/{hashlib.sha1((art.value + '#10,17').encode()).hexdigest()[:20]}")
            quads += [
                ox.Quad(art, A, N(SCHEMA + "NewsArticle"), art),
                ox.Quad(art, N(SCHEMA + "datePublished"), _date(day + dt.timedelta(days=rng.choice([0, 1]))), art),
                ox.Quad(ev, A, N(KG + "Attack"), art),
                ox.Quad(ev, N(PROV + "wasDerivedFrom"), art, art),
                ox.Quad(ev, N(KG + "location"), place, art),
                ox.Quad(ev, N(KG + "confidence"), ox.Literal(str(rng.choice([0.5, 0.7, 0.9])), datatype=N(XSD + "double")), art),
            ]
            if rng.random() < 0.8:
                quads.append(ox.Quad(ev, N(SCHEMA + "startDate"), _date(day), art))
            if actor is not None and rng.random() < 0.8:
                quads.append(ox.Quad(ev, N(KG + "actor"), actor, art))
            quads += [ox.Quad(ev, N(KG + "weapon"), w, art) for w, _ in used if rng.random() < 0.8]
            if killed is not None and rng.random() < 0.8:
                quads.append(ox.Quad(ev, N(KG + "killed"), _int(killed + rng.choice([0, 0, 1])), art))
            written += 1
            if written == events:
                break
    return quads


def timed(label: str, f):
    t = time.perf_counter()
    out = f()
    s = time.perf_counter() - t
    print(f"{label:<48} {s:7.2f} s")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=20000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "store")
        quads = synthetic_quads(args.events)
        timed(f"write {len(quads):,} quads ({args.events:,} records)", lambda: store.bulk_extend(quads))
        events = timed("  of which: read the records (one query)", lambda: read_events(store))
        groups = timed("  of which: cluster them", lambda: cluster(events))
        timed("  of which: the incidents' slots", lambda: incidents_of(events))
        n = timed("rebuild from nothing", lambda: rebuild_incidents(store))
        print(
            f"  {len(events):,} records -> {n:,} incidents ({len(groups):,} groups); {len(list(store.quads_for_pattern(None, None, None, incidents_graph()))):,} quads"
        )
        timed("rebuild, nothing changed", lambda: rebuild_incidents(store))
        more = synthetic_quads(20, seed=1, first_article=10**7)
        store.extend(more)
        timed("rebuild after ten more articles", lambda: rebuild_incidents(store))
        expected = set(store.quads_for_pattern(None, None, None, incidents_graph()))
        graphs = {q.graph_name for q in more if q.graph_name != entity_graph()}
        store.remove_graph(incidents_graph())
        rebuild_incidents(store)  # as before the ten articles came
        for g in graphs:
            store.remove_graph(g)
        rebuild_incidents(store)
        changes = IncidentChanges()
        store.extend(more)
        changes.after(store, graphs, [])
        timed(f"incremental update after those {len(graphs)} articles", lambda: changes.apply(store))
        assert set(store.quads_for_pattern(None, None, None, incidents_graph())) == expected
        changes.before(store, graphs, [])
        for g in graphs:
            store.remove_graph(g)
        timed("incremental update after removing them", lambda: changes.apply(store))
        after_removal = set(store.quads_for_pattern(None, None, None, incidents_graph()))
        rebuild_incidents(store)
        assert set(store.quads_for_pattern(None, None, None, incidents_graph())) == after_removal
        print("  (both equal to the full rebuild)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
