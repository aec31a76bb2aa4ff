"""Shared fixtures: the knowledge base, the full recogniser, and a store built from seeds/."""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from kg.emit import XSD_DATE, XSD_DOUBLE, XSD_INT, article_quads
from kg.events import EventExtractor
from kg.ingest import Ingester
from kg.kb import load_kb
from kg.link import Linker
from kg.read import read_text
from kg.recognise import build_recogniser, recognise
from kg.types import Article, AttackEvent, LinkedMention, Mention
from kg.vocab import KG, NIF, PROV, RDF, SCHEMA, base_iri

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def mention(text: str, surface: str, label: str, nth: int = 0, source: str = "ner") -> Mention:
    """The ``nth`` occurrence of ``surface`` in ``text`` as a mention the recogniser drew."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(start, start + len(surface), surface, label, source)


def event_places(events: list[AttackEvent]) -> list[tuple[str | None, int | None]]:
    """Each event's location label (None when it has none) and its toll of the killed."""
    return [(ev.location.label if ev.location else None, ev.killed) for ev in events]


# Small articles the tests add to the seed store, written here rather than copied from
# any corpus. Each exercises something the seed does not: another outlet and date,
# a weapon system, a region, co-mentions across articles.
EXTRA_ARTICLES = {
    "kyiv-drones.txt": """Drones hit Kyiv as Zelensky meets NATO chief

By Reuters

March 3, 2024

Russia launched Shahed drones and Iskander-M missiles at Kyiv overnight, Ukrainian President Volodymyr Zelensky said. Zelensky later met NATO Secretary General Jens Stoltenberg in Kyiv.

Air defences shot down most of the drones over the Kharkiv region, the governor Andriy Moroz said. Kharkiv mayor Ihor Terekhov said a school was damaged in Kharkiv.

Original url:

<https://example.org/news/2024/03/03/kyiv-drones>
""",
    "belgorod-shelling.txt": """Shelling kills two in Belgorod

By Reuters

April 2, 2024

Two people were killed in Belgorod when Ukrainian forces fired rockets at the city, the Russian Defence Ministry said. Vladimir Putin called the attack a crime, and Kremlin spokesman Dmitry Peskov said Moscow would respond.

Original url:

<https://example.org/news/2024/04/02/belgorod-shelling>
""",
}


REPORTERS = ["Oksana Melnyk", "Taras Bondar", "Halyna Kovalenko", "Mykola Savchuk", "Iryna Tkachenko", "Andriy Lysenko"]
TOWNS = ["Bilopillia", "Vovchansk", "Kupiansk", "Orikhiv", "Huliaipole", "Pokrovsk"]


def variant(name: str, k: int, reporter: int | None = None) -> str:
    """Copy ``k`` of an extra article: its own URL, and a reporter and a town of its own
    (new entities, some of them shared with other copies)."""
    text = EXTRA_ARTICLES[name]
    who = REPORTERS[(k if reporter is None else reporter) % len(REPORTERS)]
    para = f"Reporting by {who} in the town of {TOWNS[k % len(TOWNS)]}.\n\nOriginal url:"
    text = text.replace("Original url:", para, 1)
    url = text.rsplit("<", 1)[1].split(">", 1)[0]
    return text.replace(f"<{url}>", f"<{url}-copy-{k}>")


def variant_corpus(folder: Path, n: int) -> Path:
    """``n`` article files (00.txt, 01.txt ...) in ``folder``, copies of the extra
    articles with reporters and towns of their own; the fifth re-uses the first one's
    URL with another text, so a run meets an article it must replace."""
    names = sorted(EXTRA_ARTICLES)
    for i in range(n):
        text = variant(names[0], 0, reporter=3) if i == 4 else variant(names[i % 2], i)
        (folder / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def kb():
    return load_kb()


@pytest.fixture(scope="session")
def nlp(kb):
    """The default spaCy pipeline with the knowledge-base ruler, built once."""
    return build_recogniser(kb)


@pytest.fixture(scope="session")
def ingest_into(kb, nlp):
    """ingest_into(store_dir, paths) -> IngestReport, sharing the session's pipeline.
    The store is closed again when it returns, so tests may reopen it."""

    def run(store_dir: Path, paths, stdin=None):
        ingester = Ingester(store_dir, kb=kb, nlp=nlp)
        report = ingester.run([str(p) for p in paths], stdin=stdin)
        del ingester
        gc.collect()
        return report

    return run


@pytest.fixture(scope="session")
def extra_articles(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("extra-articles")
    for name, text in EXTRA_ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory, ingest_into, extra_articles) -> Path:
    """A store built from seeds/ plus EXTRA_ARTICLES; open it read-only in tests."""
    store = tmp_path_factory.mktemp("seed-store") / "store"
    report = ingest_into(store, [SEEDS, extra_articles])
    assert report.articles == 1 + len(EXTRA_ARTICLES) and not report.skipped
    return store


@pytest.fixture
def tmp_store(tmp_path) -> Path:
    """A path for a fresh, empty store."""
    return tmp_path / "store"


def attack_article_quads(article: Article, events: list[AttackEvent]) -> tuple[NamedNode, list[Quad]]:
    """The graph of an article that reports ``events``, written the way the "Attack
    events" section of ontology/README.md lays it out -- test data written straight into
    a store, independent of kg/events.py. Each entity an event names is mentioned where
    its label first stands in the text; every event sentence is a nif:Sentence."""
    linked, seen = [], set()
    for ev in events:
        for ent in [ev.location, ev.actor, *ev.weapons]:
            if ent is None or ent.iri in seen:
                continue
            seen.add(ent.iri)
            b = article.text.index(ent.label)
            sentence = next((s for s in ev.sentences if s[0] <= b < s[1]), None)
            linked.append(LinkedMention(Mention(b, b + len(ent.label), ent.label, ent.type, sentence=sentence), ent, 0.9))
    g, quads = article_quads(article, linked)
    iri, ctx = g.value, NamedNode(g.value + "#context")
    a = NamedNode(RDF + "type")
    written = {(q.subject.value) for q in quads if q.predicate == a and q.object == NamedNode(NIF + "Sentence")}

    def span(node: NamedNode, cls: str, b: int, e: int) -> list[Quad]:
        return [
            Quad(node, a, NamedNode(cls), g),
            Quad(node, NamedNode(NIF + "referenceContext"), ctx, g),
            Quad(node, NamedNode(NIF + "beginIndex"), Literal(str(b), datatype=XSD_INT), g),
            Quad(node, NamedNode(NIF + "endIndex"), Literal(str(e), datatype=XSD_INT), g),
            Quad(node, NamedNode(NIF + "anchorOf"), Literal(article.text[b:e]), g),
        ]

    for ev in events:
        b, e = ev.trigger
        node = NamedNode(f"{base_iri()}event/{hashlib.sha1(f'{iri}#{b},{e}'.encode()).hexdigest()[:20]}")
        trigger = NamedNode(f"{iri}#trigger={b},{e}")
        quads += [Quad(node, a, NamedNode(KG + "Attack"), g), Quad(node, NamedNode(PROV + "wasDerivedFrom"), g, g)]
        for prop, ent in (("location", ev.location), ("actor", ev.actor)):
            if ent is not None:
                quads.append(Quad(node, NamedNode(KG + prop), NamedNode(ent.iri), g))
        quads += [Quad(node, NamedNode(KG + "weapon"), NamedNode(w.iri), g) for w in ev.weapons]
        for prop, n in (("killed", ev.killed), ("injured", ev.injured)):
            if n is not None:
                quads.append(Quad(node, NamedNode(KG + prop), Literal(str(n), datatype=XSD_INT), g))
        if ev.date is not None:
            quads.append(Quad(node, NamedNode(SCHEMA + "startDate"), Literal(ev.date.isoformat(), datatype=XSD_DATE), g))
        quads.append(Quad(node, NamedNode(KG + "confidence"), Literal(repr(float(ev.confidence)), datatype=XSD_DOUBLE), g))
        quads.append(Quad(node, NamedNode(KG + "trigger"), trigger, g))
        quads += span(trigger, KG + "Trigger", b, e)
        for sb, se in ev.sentences:
            sentence = NamedNode(f"{iri}#char={sb},{se}")
            quads.append(Quad(node, NamedNode(KG + "sentence"), sentence, g))
            if sentence.value not in written:
                written.add(sentence.value)
                quads += span(sentence, NIF + "Sentence", sb, se)
    return g, quads


@pytest.fixture(scope="session")
def attack_graph():
    """attack_graph(article, events) -> (graph, quads): see attack_article_quads."""
    return attack_article_quads


EVENTS_TRIG = Path(__file__).resolve().parent / "data" / "events.trig"


@pytest.fixture(scope="session")
def events_store(tmp_path_factory) -> Path:
    """A store loaded from tests/data/events.trig: four articles, eight attack reports,
    seven incidents, and the knowledge-base facts (country codes, kg:partOf, coordinates)
    the event queries, lookup and exports read. Open it read-only in tests."""
    import pyoxigraph as ox

    path = tmp_path_factory.mktemp("events-store") / "store"
    store = ox.Store(str(path))
    store.load(path=str(EVENTS_TRIG), format=ox.RdfFormat.TRIG)
    store.flush()
    del store
    gc.collect()
    return path


@pytest.fixture(scope="session")
def extract(kb, nlp):
    """Run the event extractor over a body the test writes (an article of 31 December 2023
    by default): returns the article and its events."""
    linker, extractor = Linker(kb), EventExtractor(kb)

    def run(body: str, date: dt.date | None = dt.date(2023, 12, 31), title: str = "Report"):
        text = f"{title}\n\nBy Reuters\n\n{date:%B %d, %Y}\n\n{body}\n" if date else f"{title}\n\n{body}\n"
        (article,) = list(read_text(text, "test.txt"))
        ((art, mentions, sentences),) = list(recognise(nlp, [article]))
        return art, extractor.extract(art, linker.link(art, mentions), sentences)

    return run
