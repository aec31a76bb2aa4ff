"""Replacing and removing articles (kg/store.py, apply_changes; kg/journal.py): no SPARQL
update is sent; the result equals a fresh ingest of the new texts; removal keeps the
entity facts exact; a failure at any step of a write, or a writer killed at any moment,
leaves every article whole, in one of its versions, and the entity graph exact."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import ROOT

import kg.journal
import kg.store
from kg.entities import MENTIONS, rebuild
from kg.errors import StoreError
from kg.journal import JOURNAL
from kg.store import FolderStore, entity_graph, open_store, write_articles

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


def versions(articles) -> dict[ox.NamedNode, set[str]]:
    """Each article graph's quads as the store keeps them."""
    return {g: set(map(str, kg.store.canonical(q))) for g, q in articles}


def graph(store, g) -> set[str]:
    return {str(q) for q in store.quads_for_pattern(None, None, None, g)}


def entity_graph_exact(store, kb) -> bool:
    return set(store.quads_for_pattern(None, None, None, entity_graph())) == set(rebuild(store, kb, entity_graph()))


class Recording:
    """A pyoxigraph store that passes everything on, keeps the SPARQL updates it is sent,
    and fails (as a crash at that step would stop the write) in the method ``fail_on``."""

    def __init__(self, inner: ox.Store, fail_on: str | None = None):
        self.inner, self.fail_on, self.updates = inner, fail_on, []

    def __getattr__(self, name):
        if name == self.fail_on:

            def fail(*args, **kwargs):
                raise OSError(f"simulated crash in {name}")

            return fail
        if name == "update":
            return lambda text, **kw: (self.updates.append(text), self.inner.update(text, **kw))[1]
        return getattr(self.inner, name)

    def __contains__(self, quad):
        return quad in self.inner

    def __iter__(self):
        return iter(self.inner)


def reopened(path: Path) -> ox.Store:
    gc.collect()  # the failed writer's store is closed: its lock is free
    return open_store(path)


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


def test_replace_and_removal_send_no_sparql_update(tmp_path, kb, articles):
    path = tmp_path / "s"
    write_articles(open_store(path), kb, articles)
    gc.collect()
    rec = Recording(ox.Store(str(path)))
    store = FolderStore(rec, path)  # what open_store gives, around the recording store
    write_articles(store, kb, edited(articles))  # texts changed: graphs dropped and written whole
    write_articles(store, kb, articles[:1])  # and back
    write_articles(store, kb, [], remove=[articles[1][0]])
    kg.store.rebuild_entity_graph(store, kb)
    assert rec.updates == []  # no text of the data ever went into SPARQL
    assert not (path / JOURNAL).exists()
    assert entity_graph_exact(store, kb)


def _entities_by_articles(articles) -> dict[ox.NamedNode, set[ox.NamedNode]]:
    named: dict[ox.NamedNode, set[ox.NamedNode]] = {}
    for g, quads in articles:
        for q in quads:
            if q.predicate == MENTIONS:
                named.setdefault(q.object, set()).add(g)
    return named


def test_removal_keeps_entity_facts_exact(tmp_path, kb, articles):
    """An entity only the removed article named leaves the entity graph with all its
    facts; one another article names too keeps its facts."""
    named = _entities_by_articles(articles)
    gone = max(articles, key=lambda a: sum(1 for gs in named.values() if gs == {a[0]}))[0]
    only = sorted((e for e, gs in named.items() if gs == {gone}), key=lambda e: e.value)
    shared = sorted((e for e, gs in named.items() if gone in gs and len(gs) > 1), key=lambda e: e.value)
    assert only and shared
    store = open_store(tmp_path / "s")
    write_articles(store, kb, articles)
    g_ent = entity_graph()
    facts = {e: set(store.quads_for_pattern(e, None, None, g_ent)) for e in only + shared}
    assert all(facts[e] for e in only + shared)
    written = write_articles(store, kb, [], remove=[gone])
    assert (written.removed, written.dropped) == (1, 1)
    assert not store.contains_named_graph(gone)
    for e in only:
        assert not list(store.quads_for_pattern(e, None, None, None)), e  # no fact left, in any graph
    for e in shared:
        kept = set(store.quads_for_pattern(e, None, None, g_ent))
        assert kept and {q.predicate for q in kept} >= {q.predicate for q in facts[e] if q.predicate.value.endswith("#type")}
    assert entity_graph_exact(store, kb)
    assert dump(store) == fresh(tmp_path / "fresh", kb, [a for a in articles if a[0] != gone])


@pytest.mark.parametrize("step", ["journal", "remove_graph", "load", "bulk_load", "unlink"])
def test_a_failure_mid_replace_leaves_one_whole_version(tmp_path, kb, articles, monkeypatch, step):
    """A write that fails before its journal is whole leaves the old articles; one that
    fails after leaves a journal, and whoever opens the store next (a reader included),
    or the next write of the same process, finishes it: the new articles, whole."""
    path = tmp_path / "s"
    write_articles(open_store(path), kb, articles)
    gc.collect()
    new = edited(articles)
    if step == "journal":
        monkeypatch.setattr(kg.journal.os, "replace", lambda *a: (_ for _ in ()).throw(OSError("simulated crash in rename")))
        store = FolderStore(ox.Store(str(path)), path)
    elif step == "unlink":
        monkeypatch.setattr(kg.journal, "end", lambda folder: (_ for _ in ()).throw(OSError("simulated crash in unlink")))
        store = FolderStore(ox.Store(str(path)), path)
    else:
        store = FolderStore(Recording(ox.Store(str(path)), fail_on=step), path)
        # the seed articles are a small write, added in one transaction: a large one is bulk loaded
        monkeypatch.setattr(kg.journal, "BULK_FROM", 1 if step == "bulk_load" else kg.journal.BULK_FROM)
    with pytest.raises(StoreError, match="simulated crash"):
        write_articles(store, kb, new)
    monkeypatch.undo()
    expected = versions(articles if step == "journal" else new)
    assert (path / JOURNAL).exists() == (step != "journal")
    del store
    gc.collect()
    reader = open_store(path, read_only=True)  # a reader after the crash sees whole articles
    assert {g: graph(reader, g) for g in expected} == expected
    assert entity_graph_exact(reader, kb)
    assert not (path / JOURNAL).exists() and not (path / (JOURNAL + ".partial")).exists()
    del reader
    store = reopened(path)
    write_articles(store, kb, new)  # and the store takes the next write
    assert dump(store) == fresh(tmp_path / "fresh", kb, new)


def test_the_next_write_of_the_process_finishes_a_failed_one_first(tmp_path, kb, articles):
    path = tmp_path / "s"
    write_articles(open_store(path), kb, articles)
    gc.collect()
    raw = ox.Store(str(path))
    failing = FolderStore(Recording(raw, fail_on="load"), path)
    new = edited(articles)
    with pytest.raises(StoreError, match="finishes the write"):
        write_articles(failing, kb, new)
    store = FolderStore(raw, path)
    write_articles(store, kb, [], remove=[new[0][0]])
    assert not (path / JOURNAL).exists()
    assert dump(store) == fresh(tmp_path / "fresh", kb, new[1:])


def test_a_damaged_journal_is_named_not_applied(tmp_path, kb, articles):
    path = tmp_path / "s"
    write_articles(open_store(path), kb, articles)
    gc.collect()
    (path / JOURNAL).write_bytes(b"# not a journal\n<a> <b> <c> <d> .\n")
    with pytest.raises(StoreError, match=f"{JOURNAL}: not a whole kg write journal"):
        open_store(path)
    gc.collect()
    assert {g: graph(ox.Store.read_only(str(path)), g) for g, _ in articles} == versions(articles)


def test_serve_finishes_a_killed_write_before_the_server_opens_the_store(tmp_path, kb, articles):
    from kg.serve import check_store

    path = tmp_path / "s"
    write_articles(open_store(path), kb, articles)
    gc.collect()
    gone = articles[0][0]
    kg.journal.begin(path, [gone], [], b"")  # what a removal killed before its first call leaves
    check_store(path, read_write=False)
    assert not (path / JOURNAL).exists()
    assert not ox.Store.read_only(str(path)).contains_named_graph(gone)


def test_a_reader_leaves_the_journal_of_a_writer_at_work(tmp_path, kb, articles):
    """While a writer holds the store, its journal is its own to finish: a reader opening
    the store then neither applies it nor fails."""
    path = tmp_path / "s"
    writer = open_store(path)
    write_articles(writer, kb, articles)
    writer.flush()
    kg.journal.begin(path, [articles[0][0]], [], b"")  # as if the writer were between two calls (a bare journal: no entity upkeep)
    reader = open_store(path, read_only=True)
    assert (path / JOURNAL).exists()
    assert reader.contains_named_graph(articles[0][0])
    del reader
    write_articles(writer, kb, [], remove=[articles[1][0]])  # the writer's next write finishes it first
    assert not (path / JOURNAL).exists()
    assert not writer.contains_named_graph(articles[0][0]) and not writer.contains_named_graph(articles[1][0])


def test_a_journal_reads_back_what_it_was_given(tmp_path):
    g, h = ox.NamedNode("https://example.org/g"), ox.NamedNode("https://example.org/h")
    p = ox.NamedNode("https://example.org/p")
    tricky = ox.Literal("a line\n#add\n#end\nand more")  # the section lines, inside a literal
    delete = [ox.Quad(g, p, tricky, h)]
    add = kg.journal.nquads([ox.Quad(h, p, tricky, g), ox.Quad(h, p, ox.Literal("x", language="en"), g)])
    for drop, dele, data in (([g, h], delete, add), ([], [], b""), ([g], [], add), ([], delete, b"")):
        kg.journal.begin(tmp_path, drop, dele, data)
        assert kg.journal.read(tmp_path / JOURNAL) == (drop, dele, data)
    store = ox.Store()
    store.extend([ox.Quad(g, p, ox.Literal("old"), g), *delete])
    kg.journal.begin(tmp_path, [g], delete, add)
    assert kg.journal.recover(store, tmp_path) and not (tmp_path / JOURNAL).exists()
    assert set(store) == set(ox.parse(add, format=ox.RdfFormat.N_QUADS))
    assert not kg.journal.recover(store, tmp_path)  # nothing left to finish


# A child process that reads the article versions (N-Quads files) and opens the store.
LOAD_VERSIONS = """
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
"""

KILLED_MID_REPLACE = LOAD_VERSIONS + """
import os, signal
import kg.journal
write_articles(store, kb, versions[0])
store.flush()
# killed after the old graphs are gone and before the new ones are in
kg.journal.add_nquads = lambda store, data: os.kill(os.getpid(), signal.SIGKILL)
write_articles(store, kb, versions[1])
"""


def _nquads_files(tmp_path: Path, *versions) -> list[Path]:
    files = []
    for i, version in enumerate(versions):
        files.append(tmp_path / f"v{i}.nq")
        files[-1].write_text("".join(f"{q} .\n" for _, quads in version for q in quads), encoding="utf-8")
    return files


def test_a_writer_killed_between_removing_and_adding_leaves_the_new_articles(tmp_path, kb, articles):
    new = edited(articles)
    store_dir = tmp_path / "store"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", KILLED_MID_REPLACE, str(store_dir), *map(str, _nquads_files(tmp_path, articles, new))],
                          env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert (store_dir / JOURNAL).exists()
    raw = ox.Store.read_only(str(store_dir))
    assert not any(graph(raw, g) for g, _ in articles)  # what the kill left: the old graphs gone, the new not in
    del raw
    gc.collect()
    store = open_store(store_dir, read_only=True)
    assert {g: graph(store, g) for g, _ in new} == versions(new)
    assert entity_graph_exact(store, kb)
    assert not (store_dir / JOURNAL).exists()


KILLED_WRITER = LOAD_VERSIONS + """
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
    assert not (store_dir / JOURNAL).exists()  # finished by the open, if the kill left one
    one, other = versions(articles), versions(new)
    for g in one:
        have = graph(store, g)
        assert have in (one[g], other[g]) or (g == articles[0][0] and not have)
    assert entity_graph_exact(store, kb)
