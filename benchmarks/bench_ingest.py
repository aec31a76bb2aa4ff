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

It prints CPU seconds (wall seconds for the two-process run), articles/s, and the
ratios, plus peak memory. Each stage is run twice and the faster run kept, to soften
noise on a shared machine.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus import add_articles_argument, read_articles  # noqa: E402

from kg.events import EventExtractor  # noqa: E402
from kg.ingest import Ingester  # noqa: E402
from kg.kb import load_kb  # noqa: E402
from kg.link import Linker  # noqa: E402
from kg.recognise import DEFAULT_MODEL, add_kb_ruler, load_pipeline, mentions_from_doc, sentence_spans  # noqa: E402


def best_of(n, f, clock=time.process_time):
    """The fastest of n runs, in CPU seconds of this process by default (steadier than
    wall time on a busy machine); the two-process stage passes wall time."""
    times = []
    for _ in range(n):
        t = clock()
        f()
        times.append(clock() - t)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_articles_argument(ap)
    ap.add_argument("--repeat", type=int, default=10, help="how many times to repeat the articles")
    ap.add_argument("--model", default=DEFAULT_MODEL)
    args = ap.parse_args()

    base = read_articles(args.articles)
    articles = base * args.repeat
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(articles)} articles ({len(base)} distinct x {args.repeat}), {words} words, model {args.model}")

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

    spacy_s = best_of(2, lambda: list(bare.pipe(texts, batch_size=32)))
    ruler_s = best_of(2, lambda: list(ruled.pipe(texts, batch_size=32)))

    def with_linker():
        for doc, art in zip(ruled.pipe(texts, batch_size=32), articles):
            linker.link(art, mentions_from_doc(doc))

    linked_s = best_of(2, with_linker)
    extractor = EventExtractor(kb)

    def with_events():
        for doc, art in zip(ruled.pipe(texts, batch_size=32), articles):
            sents = sentence_spans(doc)
            extractor.extract(art, linker.link(art, mentions_from_doc(doc, sents=sents)), sents)

    events_s = best_of(2, with_events)

    # Each copy gets its own URL, so the store sees distinct articles as in a real corpus.
    distinct = [replace(a, url=f"{a.url or 'https://example.org/a'}#copy-{i}") for i, a in enumerate(articles)]

    def full_ingest():
        with tempfile.TemporaryDirectory() as tmp:
            ingester = Ingester(Path(tmp) / "store", kb=kb, nlp=ruled)
            ingester.run_articles(distinct)
            del ingester

    ingest_s = best_of(2, full_ingest)

    def full_ingest_2():
        with tempfile.TemporaryDirectory() as tmp:
            ingester = Ingester(Path(tmp) / "store", kb=kb, nlp=ruled, processes=2)
            ingester.run_articles(distinct)
            del ingester

    ingest2_s = best_of(2, full_ingest_2, clock=time.perf_counter)
    ingest_wall = best_of(2, full_ingest, clock=time.perf_counter)
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
    print(f"-j 2 vs one process, wall time: {ingest_wall / ingest2_s:.2f}x ({ingest_wall:.2f} s vs {ingest2_s:.2f} s)")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
