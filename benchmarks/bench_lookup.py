"""How fast is `kg lookup` on a store of 10,000 articles?

Writes a synthetic store shaped as ontology/README.md says (one named graph per
article with its NIF context, sentences, mentions and one attack report; each
named entity's typing, labels, aliases, geo:lat/long, kg:countryCode and kg:partOf once,
in the entity graph; the incidents graph, two reports an incident), then times lookups
of a few names, typos and transliterations, end to end (name index, matching,
details) and by stage.

    .venv/bin/python benchmarks/bench_lookup.py [--articles 10000] [--store DIR]

The store is kept in DIR (default: a temporary folder, removed afterwards) and is
reused when DIR already holds one.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from kg.lookup import NameIndex, details, lookup, name_index
from kg.store import entity_graph, open_store
from kg.vocab import GEO, ITSRDF, KG, NIF, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, TOP_CLASS, XSD, base_iri

N = ox.NamedNode
B = base_iri()

REAL = [  # (kb id, type, class, label, aliases, lat, lon)
    ("gn/706483", "Place", "City", "Kharkiv", ["Kharkov", "Charkiw"], 49.98, 36.25),
    ("gn/703448", "Place", "City", "Kyiv", ["Kiev"], 50.45, 30.52),
    ("gn/578072", "Place", "City", "Belgorod", ["Bilhorod"], 50.61, 36.58),
    ("gn/690791", "Place", "Country", "Ukraine", [], 49.0, 32.0),
    ("gn/2017370", "Place", "Country", "Russia", ["Russian Federation"], 60.0, 100.0),
    ("volodymyr-zelensky", "Person", "Politician", "Volodymyr Zelensky", ["Zelenskiy", "Zelenskyy"], None, None),
    ("ihor-terekhov", "Person", "Politician", "Ihor Terekhov", ["Igor Terekhov"], None, None),
    ("vasily-nebenzya", "Person", "Diplomat", "Vasily Nebenzya", ["Vassily Nebenzia"], None, None),
    ("hesa-shahed-136", "Weapon", "Drone", "HESA Shahed 136", ["Shahed", "Shaheds"], None, None),
]
QUERIES = ["kharkov", "Zelenskiy", "Nebenzia", "terekhov", "Kyiv", "shaheds", "Belgorod", "Charkiw",
           "Nebenzya Vasily", "zzzz qqqq"]
SYLLABLES = "ka ri vo lo dy myr sa ne ben zia ter ek hov pol ta va ma ri up ol zap or izh ia che rn ih iv".split()


def _name(rng: random.Random, words: int) -> str:
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).title() for _ in range(words))


def entities(rng: random.Random, count: int) -> list[tuple]:
    out = list(REAL)
    types = ["Person", "Place", "Organization", "Weapon"]
    for i in range(count - len(out)):
        typ = types[i % 4]
        label = _name(rng, 2 if typ == "Person" else rng.randint(1, 3))
        kb = f"gn/{1000000 + i}" if typ == "Place" else f"synthetic-{i}"
        lat, lon = (rng.uniform(44, 52), rng.uniform(22, 40)) if typ == "Place" else (None, None)
        out.append((kb, typ, "City" if typ == "Place" else "Official", label, [label.split()[-1] + "a"], lat, lon))
    return out


def _int(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=N(XSD + "integer"))


def entity_quads(e: tuple, g) -> list[ox.Quad]:
    kb, typ, cls, label, aliases, lat, lon = e
    s = N(B + "entity/" + kb)
    q = [ox.Quad(s, N(RDF + "type"), N(TOP_CLASS[typ]), g), ox.Quad(s, N(RDF + "type"), N(KG + cls), g),
         ox.Quad(s, N(RDFS + "label"), ox.Literal(label, language="en"), g)]
    q += [ox.Quad(s, N(SKOS + "altLabel"), ox.Literal(a, language="en"), g) for a in aliases]
    if typ == "Place" and cls != "Country":
        # Every place in one of the two countries: by country code, and a third also by kg:partOf.
        n = int(hashlib.sha1(kb.encode()).hexdigest()[:8], 16)
        country = ("gn/690791", "UA") if n % 2 else ("gn/2017370", "RU")
        q.append(ox.Quad(s, N(KG + "countryCode"), ox.Literal(country[1]), g))
        if n % 3 == 0:
            q.append(ox.Quad(s, N(KG + "partOf"), N(B + "entity/" + country[0]), g))
    elif cls == "Country":
        q.append(ox.Quad(s, N(KG + "countryCode"), ox.Literal("UA" if label == "Ukraine" else "RU"), g))
    if kb.startswith("gn/"):
        q.append(ox.Quad(s, N(OWL + "sameAs"), N(f"https://sws.geonames.org/{kb[3:]}/"), g))
    if lat is not None:
        q.append(ox.Quad(s, N(GEO + "lat"), ox.Literal(f"{lat:.5f}", datatype=N(XSD + "double")), g))
        q.append(ox.Quad(s, N(GEO + "long"), ox.Literal(f"{lon:.5f}", datatype=N(XSD + "double")), g))
    return q


def article_quads(i: int, rng: random.Random, ents: list[tuple], outlets: list[tuple], named: dict[str, tuple]) -> list[ox.Quad]:
    """One article's graph; the entities it names are added to ``named``."""
    url = f"https://news.example.org/{i}"
    a = N(B + "article/" + hashlib.sha1(url.encode()).hexdigest())
    ctx = N(a.value + "#context")
    chosen = rng.sample(ents[:60], 3) + rng.sample(ents, 9)  # a few very frequent entities, many rare ones
    outlet = outlets[i % len(outlets)]
    sentences, text, pos = [], [], 0
    for k in range(0, len(chosen), 2):
        pair = chosen[k:k + 2]
        sentence = f"Officials in {pair[0][3]} said {pair[-1][3]} was involved on day {i}."
        sentences.append((pos, sentence, pair))
        text.append(sentence)
        pos += len(sentence) + 1
    full = " ".join(text)
    date = f"{2022 + i % 3}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    q = [
        ox.Quad(a, N(RDF + "type"), N(SCHEMA + "NewsArticle"), a),
        ox.Quad(a, N(SCHEMA + "url"), N(url), a),
        ox.Quad(a, N(SCHEMA + "headline"), ox.Literal(f"Report {i} on {chosen[0][3]}"), a),
        ox.Quad(a, N(SCHEMA + "datePublished"), ox.Literal(date, datatype=N(XSD + "date")), a),
        ox.Quad(a, N(SCHEMA + "publisher"), N(B + "entity/" + outlet[0]), a),
        ox.Quad(ctx, N(RDF + "type"), N(NIF + "Context"), a),
        ox.Quad(ctx, N(KG + "article"), a, a),
        ox.Quad(ctx, N(NIF + "isString"), ox.Literal(full), a),
        ox.Quad(ctx, N(NIF + "beginIndex"), _int(0), a),
        ox.Quad(ctx, N(NIF + "endIndex"), _int(len(full)), a),
    ]
    seen = {outlet[0]: outlet}
    for sb, sentence, pair in sentences:
        s = N(f"{a.value}#char={sb},{sb + len(sentence)}")
        q += [ox.Quad(s, N(RDF + "type"), N(NIF + "Sentence"), a), ox.Quad(s, N(NIF + "referenceContext"), ctx, a),
              ox.Quad(s, N(NIF + "beginIndex"), _int(sb), a), ox.Quad(s, N(NIF + "endIndex"), _int(sb + len(sentence)), a),
              ox.Quad(s, N(NIF + "anchorOf"), ox.Literal(sentence), a)]
        for e in pair:
            b = sb + sentence.index(e[3])
            m = N(f"{a.value}#char={b},{b + len(e[3])}")
            q += [ox.Quad(m, N(RDF + "type"), N(NIF + "Phrase"), a), ox.Quad(m, N(NIF + "referenceContext"), ctx, a),
                  ox.Quad(m, N(NIF + "beginIndex"), _int(b), a), ox.Quad(m, N(NIF + "endIndex"), _int(b + len(e[3])), a),
                  ox.Quad(m, N(NIF + "anchorOf"), ox.Literal(e[3]), a), ox.Quad(m, N(NIF + "sentence"), s, a),
                  ox.Quad(m, N(ITSRDF + "taIdentRef"), N(B + "entity/" + e[0]), a),
                  ox.Quad(m, N(KG + "confidence"), ox.Literal("0.9", datatype=N(XSD + "double")), a)]
            seen[e[0]] = e
    for e in seen.values():
        q.append(ox.Quad(a, N(SCHEMA + "mentions"), N(B + "entity/" + e[0]), a))
    named.update(seen)
    first, text0, _ = sentences[0]
    q += event_quads(i, a, date, N(f"{a.value}#char={first},{first + len(text0)}"), first, ents)
    return q


def _event_iri(i: int) -> ox.NamedNode:
    return N(B + "event/" + hashlib.sha1(f"event-{i}".encode()).hexdigest()[:20])


def _event_slots(i: int, ents: list[tuple]) -> tuple:
    """Location, actor, weapon and killed of article i's attack: articles 2k and 2k+1
    report the same attack (one incident), places and weapons drawn from the entities."""
    k = i // 2
    places = [e for e in ents if e[1] == "Place" and e[2] != "Country"]
    weapons = [e for e in ents if e[1] == "Weapon"]
    actor = "gn/2017370" if k % 3 else "gn/690791"
    return places[k % len(places)][0], actor, weapons[k % len(weapons)][0], k % 7 + i % 2


def event_quads(i: int, a: ox.NamedNode, date: str, sentence: ox.NamedNode, sentence_begin: int,
                ents: list[tuple]) -> list[ox.Quad]:
    """One kg:Attack in article i's graph, as ontology/README.md lays it out."""
    location, actor, weapon, killed = _event_slots(i, ents)
    ev = _event_iri(i)
    trigger = N(f"{a.value}#trigger={sentence_begin},{sentence_begin + 9}")  # "Officials": a stand-in
    q = [ox.Quad(ev, N(RDF + "type"), N(KG + "Attack"), a), ox.Quad(ev, N(PROV + "wasDerivedFrom"), a, a),
         ox.Quad(ev, N(KG + "location"), N(B + "entity/" + location), a),
         ox.Quad(ev, N(KG + "actor"), N(B + "entity/" + actor), a),
         ox.Quad(ev, N(KG + "weapon"), N(B + "entity/" + weapon), a),
         ox.Quad(ev, N(KG + "killed"), _int(killed), a),
         ox.Quad(ev, N(SCHEMA + "startDate"), ox.Literal(date, datatype=N(XSD + "date")), a),
         ox.Quad(ev, N(KG + "confidence"), ox.Literal("0.8", datatype=N(XSD + "double")), a),
         ox.Quad(ev, N(KG + "trigger"), trigger, a),
         ox.Quad(trigger, N(RDF + "type"), N(KG + "Trigger"), a),
         ox.Quad(trigger, N(NIF + "anchorOf"), ox.Literal("Officials"), a),
         ox.Quad(ev, N(KG + "sentence"), sentence, a)]
    return q


def incident_quads(articles: int, ents: list[tuple]) -> list[ox.Quad]:
    """The incidents graph: one kg:Incident for each pair of reports."""
    g = N(B + "graph/incidents")
    q: list[ox.Quad] = []
    for i in range(0, articles, 2):
        location, actor, weapon, killed = _event_slots(i, ents)
        reports = [i] + ([i + 1] if i + 1 < articles else [])
        inc = N(B + "incident/" + hashlib.sha1(_event_iri(i).value.encode()).hexdigest()[:20])
        date = f"{2022 + i % 3}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        figures = [_event_slots(r, ents)[3] for r in reports]
        q += [ox.Quad(inc, N(RDF + "type"), N(KG + "Incident"), g),
              ox.Quad(inc, N(KG + "reports"), _int(len(reports)), g),
              ox.Quad(inc, N(KG + "location"), N(B + "entity/" + location), g),
              ox.Quad(inc, N(KG + "actor"), N(B + "entity/" + actor), g),
              ox.Quad(inc, N(KG + "weapon"), N(B + "entity/" + weapon), g),
              ox.Quad(inc, N(SCHEMA + "startDate"), ox.Literal(date, datatype=N(XSD + "date")), g),
              ox.Quad(inc, N(KG + "killed"), _int(max(figures)), g),
              ox.Quad(inc, N(KG + "killedMin"), _int(min(figures)), g),
              ox.Quad(inc, N(KG + "killedMax"), _int(max(figures)), g),
              ox.Quad(inc, N(KG + "confidence"), ox.Literal("0.8", datatype=N(XSD + "double")), g)]
        q += [ox.Quad(inc, N(KG + "reportedBy"), _event_iri(r), g) for r in reports]
    return q


def build(path: Path, articles: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    ents = entities(rng, 4000)
    outlets = [(f"outlet-{k}", "Organization", "NewsOrganization", f"Outlet {k}", [], None, None) for k in range(25)]
    store = ox.Store(str(path))
    batch: list[ox.Quad] = []
    named: dict[str, tuple] = {}
    for i in range(articles):
        batch += article_quads(i, rng, ents, outlets, named)
        if len(batch) > 200_000:
            store.bulk_extend(batch)
            batch = []
    # The countries that attack and the places and weapons attacked are named entities too.
    by_id = {e[0]: e for e in ents}
    places = [e for e in ents if e[1] == "Place" and e[2] != "Country"]
    weapons = [e for e in ents if e[1] == "Weapon"]
    for k in range((articles + 1) // 2):
        for eid in (places[k % len(places)][0], "gn/2017370" if k % 3 else "gn/690791", weapons[k % len(weapons)][0]):
            named.setdefault(eid, by_id[eid])
    graph = entity_graph()
    for e in named.values():
        batch += entity_quads(e, graph)
    batch += incident_quads(articles, ents)
    store.bulk_extend(batch)
    store.flush()
    store.optimize()


@contextmanager
def synthetic_store(store: Path | None, articles: int) -> Iterator[Path]:
    """The store at ``store`` (built there when empty), or a temporary one removed afterwards."""
    tmp = Path(tempfile.mkdtemp()) if store is None else None
    path = store if store is not None else tmp / "store"
    try:
        if not (path.is_dir() and any(path.iterdir())):
            t = time.perf_counter()
            build(path, articles)
            print(f"built a store of {articles} articles in {time.perf_counter() - t:.1f} s at {path}")
        yield path
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def store_arguments(doc: str, repeat: int) -> argparse.Namespace:
    """--articles, --store and --repeat, as both store benchmarks take them."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--store", type=Path)
    ap.add_argument("--repeat", type=int, default=repeat)
    return ap.parse_args()


@contextmanager
def opened_synthetic_store(args: argparse.Namespace) -> Iterator[tuple[Path, ox.Store]]:
    """The benchmark's store, opened read-only, with its size printed."""
    with synthetic_store(args.store, args.articles) as path:
        store = open_store(path, read_only=True)
        print(f"{len(store)} quads")
        yield path, store


def main() -> None:
    args = store_arguments(__doc__, repeat=3)
    with opened_synthetic_store(args) as (path, store):

        t = time.perf_counter()
        index = NameIndex.from_store(store)
        print(f"name index: {len(index.keys)} keys for {len(index.type)} entities in {time.perf_counter() - t:.3f} s")
        name_index(store, path)  # the first `kg lookup` on a changed store builds and keeps the index
        print(f"{'query':<18} {'best match':<22} {'score':>5}  {'search':>7}  {'details':>7}  {'end to end (median)':>20}  {'cached':>8}")
        for text in QUERIES:
            t = time.perf_counter()
            found = index.search(text)
            t_search = time.perf_counter() - t
            best = found[0] if found else None
            t = time.perf_counter()
            if best:
                details(store, best)
            t_details = time.perf_counter() - t
            runs, cached = [], []
            for _ in range(args.repeat):
                t = time.perf_counter()
                lookup(store, text)  # no cache: build the index, match, details of the shown matches
                runs.append(time.perf_counter() - t)
                t = time.perf_counter()
                lookup(store, text, index=name_index(store, path))  # what `kg lookup` does: the cached index
                cached.append(time.perf_counter() - t)
            label = best.label if best else "-"
            score = f"{best.score:.0f}" if best else "-"
            print(
                f"{text:<18} {label:<22} {score:>5}  {t_search:7.3f}  {t_details:7.3f}"
                f"  {statistics.median(runs):17.3f} s  {statistics.median(cached):8.3f} s"
            )


if __name__ == "__main__":
    main()
