"""Replacing and removing articles (kg/store.py, apply_changes): the result equals a
fresh ingest of the new texts, and a writer killed at any moment leaves every article
whole, in one of its versions, and the entity graph exact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import ROOT

import kg.store
from kg.entities import rebuild
from kg.store import entity_graph, open_store, write_articles

sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_reingest import article_graphs, edited  # noqa: E402 -- the edit the benchmark times: every offset moves


@pytest.fixture(scope="module")
def articles(seed_store):
    out = article_graphs(seed_store, 1000)
    assert len(out) >= 3
    return out


def dump(store: ox.Store) -> list[str]:
    return sorted(str(q) for q in store)


def fresh(path: Path, kb, articles) -> list[str]:
    store = ox.Store(str(path))
    write_articles(store, kb, articles)
    return dump(store)


def test_edited_reingest_equals_a_fresh_ingest_of_the_edited_texts(tmp_path, kb, articles):
    store = ox.Store(str(tmp_path / "s"))
    write_articles(store, kb, articles)
    new = edited(articles)
    write_articles(store, kb, new[:2])  # two batches, as ingest writes them
    write_articles(store, kb, new[2:])
    assert dump(store) == fresh(tmp_path / "fresh", kb, new)
    assert set(store.quads_for_pattern(None, None, None, entity_graph())) == set(rebuild(store, kb, entity_graph()))
    # and removal: as if the article had never been written; its graph is gone from the list too
    write_articles(store, kb, [], remove=[new[0][0]])
    assert not store.contains_named_graph(new[0][0])
    assert dump(store) == fresh(tmp_path / "fresh-without", kb, new[1:])


KILLED_WRITER = """
import sys
import pyoxigraph as ox
from kg.kb import load_kb
from kg.store import open_store, write_articles

kb = load_kb()
versions = []
for name in sys.argv[2:]:
    scratch = ox.Store()
    scratch.load(path=name, format=ox.RdfFormat.N_QUADS)
    graphs = sorted({q.graph_name for q in scratch}, key=lambda g: g.value)
    versions.append([(g, list(scratch.quads_for_pattern(None, None, None, g))) for g in graphs])
store = open_store(sys.argv[1])
i = 0
while True:
    write_articles(store, kb, versions[i % 2])
    if i % 3 == 2:
        write_articles(store, kb, [], remove=[versions[0][0][0]])
    print(i, flush=True)
    i += 1
"""


def test_a_process_killed_while_replacing_leaves_one_version_of_each_article(tmp_path, kb, articles):
    """kill -9 a process that keeps replacing articles by their other version (and
    removing one now and then), at whatever moment: each article graph is then exactly one
    of its versions (or absent, for the one removed), and the entity graph is exact."""
    new = edited(articles)
    files = []
    for name, version in (("a.nq", articles), ("b.nq", new)):
        files.append(tmp_path / name)
        files[-1].write_text("".join(f"{q} .\n" for _, quads in version for q in quads), encoding="utf-8")
    store_dir = tmp_path / "store"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(store_dir), *map(str, files)], env=env, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    for _ in range(4):  # let a few writes land, then kill it in the middle of the next ones
        assert proc.stdout.readline()
    time.sleep(0.07)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    proc.stdout.close()
    store = open_store(store_dir)
    one = {g: set(map(str, kg.store.canonical(q))) for g, q in articles}
    other = {g: set(map(str, kg.store.canonical(q))) for g, q in new}
    for g in one:
        have = {str(q) for q in store.quads_for_pattern(None, None, None, g)}
        assert have in (one[g], other[g]) or (g == articles[0][0] and not have)
    assert set(store.quads_for_pattern(None, None, None, entity_graph())) == set(rebuild(store, kb, entity_graph()))
