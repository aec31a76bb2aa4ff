"""kg ingest -j N: workers recognise, link and emit, the parent writes; the store must be
the one a single process writes, and Ctrl-C must stop the run promptly and say so."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
from conftest import EXTRA_ARTICLES, ROOT, variant_corpus

from kg.ingest import Ingester


def mkdir(path: Path) -> Path:
    path.mkdir()
    return path


def dump(store: ox.Store) -> list[str]:
    return sorted(str(q) for q in store)


def test_workers_write_the_store_one_process_writes(tmp_path, kb, nlp):
    corpus = variant_corpus(mkdir(tmp_path / "corpus"), 9)  # nine files, one URL twice
    one = Ingester(tmp_path / "one", kb=kb, nlp=nlp)
    r1 = one.run([str(corpus)])
    two = Ingester(tmp_path / "two", kb=kb, nlp=nlp, processes=2)
    r2 = two.run([str(corpus)])
    assert r1.articles == r2.articles == 9 and r1.mentions == r2.mentions and r1.events == r2.events
    assert r1.entities == r2.entities
    # The triples written may differ by a replaced version: which batch each copy of the
    # repeated URL lands in depends on when the workers hand their articles back.
    assert r2.quads >= r1.quads > 0
    assert dump(one.store) == dump(two.store)
    assert sum(1 for g in two.store.named_graphs() if "/article/" in g.value) == 8


def test_while_the_last_chunks_are_worked_on_the_parent_is_told(tmp_path, kb, nlp):
    import kg.parallel as parallel
    from kg.pipeline import ArticleProcessor
    from kg.read import read_paths

    corpus = variant_corpus(mkdir(tmp_path / "corpus"), 6)
    articles = list(read_paths([str(corpus)]))
    processor = ArticleProcessor(kb, nlp=nlp)
    idle: list[int] = []
    records = list(parallel.article_records(processor, articles, processes=2, chunk_size=1, on_idle=lambda: idle.append(1)))
    assert [r.graph for r in records] == [r.graph for r in processor.process(articles)]
    assert idle  # the parent waited on the last chunks at least once, and was told


def test_a_worker_error_stops_the_run_with_whole_articles_kept(tmp_path, kb, nlp, monkeypatch):
    import kg.pipeline as pipeline

    corpus = variant_corpus(mkdir(tmp_path / "corpus"), 3)
    real = pipeline.article_quads

    def failing(article, *args):
        if article.source.endswith("02.txt"):
            raise ValueError("simulated failure in a worker")
        return real(article, *args)

    monkeypatch.setattr(pipeline, "article_quads", failing)
    ingester = Ingester(tmp_path / "s", kb=kb, nlp=nlp, processes=2)
    try:
        ingester.run([str(corpus)])
    except ValueError as e:
        assert "simulated failure" in str(e)
    else:
        raise AssertionError("the worker's error did not reach the parent")


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def test_ctrl_c_with_workers_is_prompt_and_says_what_was_written(tmp_path):
    # Many short articles in one JSON Lines file, so the run is still going when Ctrl-C comes.
    base = list(EXTRA_ARTICLES.values())
    lines = [json.dumps({"text": base[i % 2].split("\n\n", 3)[-1], "url": f"https://example.org/n/{i}"}) for i in range(3000)]
    (tmp_path / "many.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = tmp_path / "store"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "--store", str(store), "ingest", "-q", "-j", "2", str(tmp_path / "many.jsonl")],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while len(_children(proc.pid)) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)
    time.sleep(1.5)  # let the workers hand back some articles
    assert proc.poll() is None, "the run ended before Ctrl-C: " + proc.stderr.read()[-2000:]
    os.killpg(proc.pid, signal.SIGINT)  # a terminal sends it to the whole process group
    sent = time.monotonic()
    out, err = proc.communicate(timeout=60)
    took = time.monotonic() - sent
    assert proc.returncode == 130, err[-3000:]
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err[-3000:]
    assert took < 20, f"{took:.1f} s to stop"
    (line,) = [ln for ln in err.splitlines() if ln.strip()]
    assert line.startswith("interrupted — ") and line.endswith("articles written; run again to finish"), line
    written = int(line.split()[2])
    st = ox.Store.read_only(str(store))
    assert sum(1 for g in st.named_graphs() if "/article/" in g.value) == written < 3000, err[-2000:]


def test_the_last_articles_go_out_in_smaller_chunks_in_order():
    # Workers finish together: the articles of the last chunks (one per worker) are split
    # into twice as many chunks; every article is handed out once, in order.
    from kg.parallel import _chunks

    for n in (0, 1, 7, 16, 17, 76):
        chunks = list(_chunks(iter(range(n)), 8, ahead=2))
        assert [a for c in chunks for a in c] == list(range(n))
        assert all(c for c in chunks)
    assert [len(c) for c in _chunks(range(76), 8, ahead=2)] == [8] * 8 + [3] * 4
    assert [len(c) for c in _chunks(range(20), 8)] == [8, 8, 4]  # one process: as they come
