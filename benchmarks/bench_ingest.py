"""Ingest speed: what kg's rules and linker add to the spaCy pipeline alone.

    python benchmarks/bench_ingest.py [ARTICLES_DIR] [--repeat N]

Reads the articles (default: ../shared/dev/articles beside the repository), repeats
them to get a measurable volume, and times, in one run and on the same texts:

  1. spaCy alone: the same components kg runs (paragraph rule, sentencizer, NER);
  2. spaCy + the knowledge-base ruler (kg_entity_ruler);
  3. spaCy + ruler + linker (everything up to RDF);
  3b. the same plus attack-event extraction (kg/events.py);
  4. the whole ingest, RDF emission and store writes included, into a temporary store;
  5. the same with the spaCy pipeline in two processes (kg ingest -j 2).

It prints CPU seconds (wall seconds for the two-process run, and its CPU seconds in all,
workers included, against one process's), articles/s, and the ratios, plus peak memory.
The stages take turns for ``--rounds`` rounds (default 2), each keeping its fastest, to
soften the noise of a shared machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus import add_articles_argument, read_articles  # noqa: E402

from kg.cache import freeze_lasting_loads, lasting_loads  # noqa: E402

# Loaded as the `kg` program loads them (kg.cli.main, kg ingest): the imports, the
# knowledge base and the pipelines inside lasting_loads(), then kept out of the cycle
# collector's walks, so that the stages cost what they cost in `kg ingest`.
freeze_lasting_loads()
with lasting_loads():
    from kg.events import EventExtractor
    from kg.ingest import Ingester
    from kg.kb import load_kb
    from kg.link import Linker
    from kg.recognise import DEFAULT_MODEL, add_kb_ruler, load_pipeline, mentions_from_doc, sentence_spans


def all_cpu() -> float:
    """CPU seconds of this process and of its finished children (the -j workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def measure(f) -> tuple[float, float, float]:
    """(CPU seconds of this process, wall seconds, CPU seconds with the workers') of one
    call: CPU is steadier than wall time on a busy machine; the two-process stage is
    reported in wall seconds, and in CPU seconds in all."""
    c, w, a = time.process_time(), time.perf_counter(), all_cpu()
    f()
    return time.process_time() - c, time.perf_counter() - w, all_cpu() - a


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_articles_argument(ap)
    ap.add_argument("--repeat", type=int, default=10, help="how many times to repeat the articles")
    ap.add_argument("--rounds", type=int, default=2, help="rounds of all the stages in turn; each stage keeps its fastest")
    ap.add_argument("--model", default=DEFAULT_MODEL)
    args = ap.parse_args()

    base = read_articles(args.articles)
    articles = base * args.repeat
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(articles)} articles ({len(base)} distinct x {args.repeat}), {words} words, model {args.model}")

    with lasting_loads():
        t = time.perf_counter()
        kb = load_kb()
        kb_load = time.perf_counter() - t
        bare = load_pipeline(args.model)
        ruled = load_pipeline(args.model)
        t = time.perf_counter()
        add_kb_ruler(ruled, kb)
        ruler_build = time.perf_counter() - t
        linker = Linker(kb)
    list(bare.pipe(texts[:20]))
    list(ruled.pipe(texts[:20]))

    def bare_pipe():
        list(bare.pipe(texts, batch_size=32))

    def ruled_pipe():
        list(ruled.pipe(texts, batch_size=32))

    def with_linker():
        for doc, art in zip(ruled.pipe(texts, batch_size=32), articles):
            linker.link(art, mentions_from_doc(doc))

    extractor = EventExtractor(kb)

    def with_events():
        for doc, art in zip(ruled.pipe(texts, batch_size=32), articles):
            sents = sentence_spans(doc)
            extractor.extract(art, linker.link(art, mentions_from_doc(doc, sents=sents)), sents)

    # Each copy gets its own URL, so the store sees distinct articles as in a real corpus.
    distinct = [replace(a, url=f"{a.url or 'https://example.org/a'}#copy-{i}") for i, a in enumerate(articles)]

    def full_ingest(processes: int = 1):
        with tempfile.TemporaryDirectory() as tmp:
            ingester = Ingester(Path(tmp) / "store", kb=kb, nlp=ruled, processes=processes)
            ingester.run_articles(distinct)
            del ingester

    # The stages take turns, round after round, and each keeps its fastest round: a
    # neighbour's load that comes and goes then weighs on every stage alike, not on the
    # one that happened to run while it lasted.
    stages = [bare_pipe, ruled_pipe, with_linker, with_events, full_ingest, lambda: full_ingest(2)]
    best = [(float("inf"),) * 3 for _ in stages]
    for _ in range(args.rounds):
        for i, f in enumerate(stages):
            best[i] = tuple(map(min, best[i], measure(f)))  # type: ignore[assignment]
    (spacy_s, _, _), (ruler_s, _, _), (linked_s, _, _), (events_s, _, _), (ingest_s, ingest_wall, _), (_, ingest2_s, ingest2_cpu) = best
    n = len(articles)
    print(f"start-up: knowledge base {kb_load:.2f} s, ruler patterns {ruler_build:.2f} s")
    print(f"{'stage (CPU seconds; -j 2 in wall seconds)':38} {'seconds':>8} {'articles/s':>11} {'vs spaCy':>9}")
    for name, s in [
        ("spaCy alone (NER + sentences)", spacy_s),
        ("spaCy + knowledge-base ruler", ruler_s),
        ("spaCy + ruler + linker", linked_s),
        ("spaCy + ruler + linker + events", events_s),
        ("whole ingest (+ RDF + store writes)", ingest_s),
        ("whole ingest, 2 processes (-j 2)", ingest2_s),
    ]:
        print(f"{name:38} {s:8.2f} {n / s:11.1f} {s / spacy_s:9.3f}")
    print(f"rules + linking add {100 * (linked_s - spacy_s) / spacy_s:.1f}% to the spaCy pipeline alone")
    print(f"event extraction adds {100 * (events_s - linked_s) / linked_s:.1f}% to recognition and linking")
    print(f"-j 2 vs one process, wall time: {ingest_wall / ingest2_s:.2f}x ({ingest_wall:.2f} s vs {ingest2_s:.2f} s); "
          f"-j 2 spends {ingest2_cpu:.2f} CPU s in all, {ingest2_cpu / ingest_s:.3f}x one process's "
          f"(load average {os.getloadavg()[0]:.1f})")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
