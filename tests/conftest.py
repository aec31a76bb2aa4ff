"""Shared fixtures: the knowledge base, the full recogniser, and a store built from seeds/."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from kg.ingest import Ingester
from kg.kb import load_kb
from kg.recognise import build_recogniser

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# Small articles the tests add to the seed store, written here rather than copied from
# any corpus. Each exercises something the seed does not: another outlet and date,
# a weapon system, a region, co-mentions across articles.
EXTRA_ARTICLES = {
    "kyiv-drones.txt": """Drones hit Kyiv as Zelensky meets NATO chief

By Reuters

March 3, 2024

Russia launched Shahed drones and Iskander-M missiles at Kyiv overnight, Ukrainian President Volodymyr Zelensky said. Zelensky later met NATO Secretary General Jens Stoltenberg in Kyiv.

Air defences shot down most of the drones over the Kharkiv region, the governor Oleh Syniehubov said. Kharkiv mayor Ihor Terekhov said a school was damaged in Kharkiv.

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
