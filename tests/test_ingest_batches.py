"""Several whole articles per transaction, periodic flushes, a compacted store after the
run: the store must come out the same as when every article is written on its own, and
a crash in the middle of a batch must still leave whole articles only."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import ROOT, variant_corpus

from kg.ingest import Ingester
from kg.store import entity_graph


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Nine article files read in name order; the fifth re-ingests the first one's URL
    with another text, so a batch meets an article it must replace."""
    return variant_corpus(tmp_path_factory.mktemp("batch-corpus"), 9)


def quads(store: ox.Store, graphs=None) -> list[str]:
    return sorted(str(q) for q in store if graphs is None or q.graph_name.value in graphs)


def article_graphs(store: ox.Store) -> set[str]:
    return {g.value for g in store.named_graphs() if "/article/" in g.value}


def test_batches_and_flushes_leave_the_same_quads_as_one_article_at_a_time(tmp_path, kb, nlp, corpus):
    one = Ingester(tmp_path / "one", kb=kb, nlp=nlp, articles_per_commit=1, flush_every=0, compact=False)
    report_one = one.run([str(corpus)])
    # Batches of five: the first holds both texts of one URL.
    batched = Ingester(tmp_path / "batched", kb=kb, nlp=nlp, articles_per_commit=5, flush_every=2, compact=True)
    report_batched = batched.run([str(corpus)])
    assert report_one.articles == report_batched.articles == 9
    assert report_one.mentions == report_batched.mentions and report_one.events == report_batched.events
    assert len(article_graphs(one.store)) == 8  # the fifth replaced the first
    assert quads(batched.store) == quads(one.store)
    # The entity graph holds the made-up reporters (new entities), kept exact across batches.
    labels = {q.object.value for q in batched.store.quads_for_pattern(None, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), None, entity_graph())}
    assert {"Oksana Melnyk", "Mykola Savchuk"} <= labels


def test_reopening_the_store_during_the_run_changes_nothing_in_it(tmp_path, kb, nlp, corpus, monkeypatch):
    # The store is reopened every REOPEN_EVERY articles (RocksDB's read caches grow with
    # the store until it is closed); here every two, across the batch that replaces an article.
    import kg.ingest

    plain = Ingester(tmp_path / "plain", kb=kb, nlp=nlp, articles_per_commit=2, compact=False)
    plain.run([str(corpus)])
    monkeypatch.setattr(kg.ingest, "REOPEN_EVERY", 2)
    opened = []
    open_store = kg.ingest.open_store
    monkeypatch.setattr(kg.ingest, "open_store", lambda path: opened.append(path) or open_store(path))
    reopened = Ingester(tmp_path / "reopened", kb=kb, nlp=nlp, articles_per_commit=2)
    report = reopened.run([str(corpus)])
    assert report.articles == 9 and len(opened) >= 5  # opened, reopened during the run and after it
    assert quads(reopened.store) == quads(plain.store)


def test_the_run_leaves_no_preallocated_write_ahead_log(tmp_path, kb, nlp, corpus):
    store_dir = tmp_path / "store"
    ingester = Ingester(store_dir, kb=kb, nlp=nlp)
    ingester.run([str(corpus)])
    logs = {p.name: p.stat().st_size for p in store_dir.glob("*.log")}
    assert logs and max(logs.values()) < 1_000_000, logs  # RocksDB preallocates ~25 MB otherwise
    assert len(article_graphs(ingester.store)) == 8  # and the reopened store is the one in use


def test_the_store_is_not_reopened_while_someone_else_holds_it(tmp_path, kb, nlp, corpus):
    ingester = Ingester(tmp_path / "store", kb=kb, nlp=nlp)
    held = ingester.store
    ingester.run([str(corpus)])
    assert ingester.store is held and len(article_graphs(held)) == 8


CRASHING_RUN = """
import os, sys
import kg.pipeline as ingest_module  # the per-article work every engine shares
from kg.ingest import Ingester

real = ingest_module.article_quads
calls = []

def crashing(article, linked, publisher, events=()):
    calls.append(article.source)
    if len(calls) == 5:
        os._exit(17)  # the process dies in the middle of the second batch
    return real(article, linked, publisher, events)

ingest_module.article_quads = crashing
Ingester(sys.argv[1], articles_per_commit=3, flush_every=0).run([sys.argv[2]])
"""


def test_a_crash_mid_batch_leaves_whole_articles_only(tmp_path, kb, nlp, corpus):
    crashed_dir = tmp_path / "crashed"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(CRASHING_RUN), str(crashed_dir), str(corpus)], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 17, done.stderr[-2000:]
    crashed = ox.Store(str(crashed_dir))
    # The first batch (files 00-02) was committed; the fourth article, waiting in the
    # second batch, died with the process.
    clean = Ingester(tmp_path / "clean", kb=kb, nlp=nlp, articles_per_commit=1)
    clean.run([str(corpus / f"{i:02d}.txt") for i in range(3)])
    assert len(article_graphs(crashed)) == 3
    assert article_graphs(crashed) == article_graphs(clean.store)
    kept = article_graphs(crashed) | {entity_graph().value}
    assert quads(crashed, kept) == quads(clean.store, kept)
    # Running again over the crashed store finishes the job: the same store as a clean run.
    del crashed
    gc.collect()
    again = Ingester(crashed_dir, kb=kb, nlp=nlp)
    again.run([str(corpus)])
    whole = Ingester(tmp_path / "whole", kb=kb, nlp=nlp)
    whole.run([str(corpus)])
    assert quads(again.store) == quads(whole.store)


def test_writes_are_cut_by_articles_quads_and_time_and_the_store_is_the_same(tmp_path, kb, nlp, corpus, monkeypatch):
    import kg.ingest

    sizes: list[int] = []
    real = kg.ingest.write_articles
    monkeypatch.setattr(kg.ingest, "write_articles", lambda store, kb, articles, **kw: sizes.append(len(articles)) or real(store, kb, articles, **kw))
    reference = Ingester(tmp_path / "reference", kb=kb, nlp=nlp, articles_per_commit=1)
    reference.run([str(corpus)])
    sizes.clear()
    # By default the nine articles (one replacing another) take two writes: the repeat cuts the batch.
    plain = Ingester(tmp_path / "plain", kb=kb, nlp=nlp, commit_seconds=3600)
    plain.run([str(corpus)])
    assert sizes == [4, 5]
    sizes.clear()
    # An article that has waited commit_seconds is written with those before it ...
    timed = Ingester(tmp_path / "timed", kb=kb, nlp=nlp, commit_seconds=0)
    timed.run([str(corpus)])
    assert sizes == [1] * 9
    sizes.clear()
    # ... and so are as many quads as make one write.
    monkeypatch.setattr(kg.ingest, "QUADS_PER_COMMIT", 1)
    bounded = Ingester(tmp_path / "bounded", kb=kb, nlp=nlp, commit_seconds=3600)
    bounded.run([str(corpus)])
    assert sizes == [1] * 9
    for ingester in (plain, timed, bounded):
        assert quads(ingester.store) == quads(reference.store)


def test_bulk_and_transactional_insertion_store_the_same_quads(tmp_path, kb, nlp, corpus, monkeypatch):
    """Below kg.store.BULK_ATOMIC_MAX quads a write goes through the bulk loader, above it
    through a transaction: the two must leave the same store (typed literals included)."""
    import kg.store

    bulk = Ingester(tmp_path / "bulk", kb=kb, nlp=nlp)
    bulk.run([str(corpus)])
    calls = []
    real_extend = ox.Store.extend
    monkeypatch.setattr(kg.store, "BULK_ATOMIC_MAX", 0)
    store = ox.Store(str(tmp_path / "plain"))
    quads_in = [q for q in bulk.store if "/article/" in q.graph_name.value]

    class Counting:
        def __init__(self, inner):
            self.inner = inner

        def extend(self, quads):
            calls.append(len(quads))
            return real_extend(self.inner, quads)

        def bulk_extend(self, quads):
            raise AssertionError("the bulk loader was used above BULK_ATOMIC_MAX")

    kg.store.insert_quads(Counting(store), quads_in)
    assert calls == [len(quads_in)]
    assert sorted(map(str, store)) == sorted(map(str, quads_in))


BULK_WRITER = """
import sys
import pyoxigraph as ox
from kg.store import insert_quads, open_store

store = open_store(sys.argv[1])
i = 0
while True:
    i += 1
    g = ox.NamedNode(f"https://example.org/batch/{i}")
    quads = [ox.Quad(ox.NamedNode(f"https://example.org/s/{i}/{k}"), ox.NamedNode("https://example.org/p"), ox.Literal(f"value {k}"), g) for k in range(20_000)]
    quads.append(ox.Quad(g, ox.NamedNode("https://example.org/size"), ox.Literal(str(len(quads) + 1)), g))  # the batch with this quad
    if sys.argv[2] == "serialized":  # half as N-Quads a worker handed over (kg.store.Serialized), loaded with the rest
        insert_quads(store, quads[::2], [ox.serialize(quads[1::2], format=ox.RdfFormat.N_QUADS)])
    else:
        insert_quads(store, quads)
    print(i, flush=True)
"""


@pytest.mark.parametrize("handed_over", ["quads", "serialized"])
def test_a_process_killed_during_bulk_writes_leaves_whole_writes_only(tmp_path, handed_over):
    """The bulk loader's write is all or nothing (kg/store.py, insert_quads): kill -9 a
    process writing 20,000-quad batches in a loop, at whatever moment, and every batch
    the store holds is whole; files the killed loader left are cleared at the next open.
    So it is when part of each batch comes as N-Quads (what -j N workers hand over)."""
    import signal
    import time

    from kg.store import open_store

    store_dir = tmp_path / "store"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", BULK_WRITER, str(store_dir), handed_over], env=env, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    for _ in range(3):  # let a few batches land, then kill it in the middle of the next ones
        proc.stdout.readline()
    time.sleep(0.15)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    proc.stdout.close()
    (store_dir / "bulk-12345.sst").write_bytes(b"what a killed loader leaves")
    store = open_store(store_dir)
    assert not list(store_dir.glob("bulk-*.sst"))
    sizes = {q.graph_name.value: int(q.object.value) for q in store.quads_for_pattern(None, ox.NamedNode("https://example.org/size"), None, None)}
    counts: dict[str, int] = {}
    for q in store:
        counts[q.graph_name.value] = counts.get(q.graph_name.value, 0) + 1
    assert len(sizes) >= 3 and counts == sizes
