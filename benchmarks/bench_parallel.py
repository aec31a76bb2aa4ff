"""Ingest with workers: `kg ingest -j N` and `kg shard -j N` + `kg load` against one process.

    python benchmarks/bench_parallel.py [ARTICLES_DIR] [--articles 100] [-j 1 2] [--repeat 2]

Reads the articles (default: ../shared/dev/articles beside the repository), repeats them
to ``--articles`` distinct articles (each copy its own URL), and times, in one run and
on the same texts, the whole ingest into a fresh store with each ``-j``, then the same
articles through ``kg shard -j`` and ``kg load``. The spaCy pipeline and the knowledge
base are loaded once before timing (as a long run amortises them). It prints wall
seconds, CPU seconds (this process, and its workers), articles/s, each run's wall-time
speed-up against ``-j 1``, and the speed-up its CPU seconds allow on idle cores; each run is repeated and the fastest kept, to soften the noise of a
shared machine. A control (a pure-Python loop in one process, then in ``j`` at once
doing ``j`` times the work) shows what speed-up the machine allows at that moment.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus import add_articles_argument, read_articles  # noqa: E402

from kg.ingest import Ingester  # noqa: E402
from kg.kb import load_kb  # noqa: E402
from kg.load import load_shards  # noqa: E402
from kg.pipeline import ArticleProcessor  # noqa: E402
from kg.recognise import DEFAULT_MODEL, build_recogniser  # noqa: E402
from kg.shard import make_shards  # noqa: E402


def cpu() -> tuple[float, float]:
    """CPU seconds of this process, and of its finished children (the workers)."""
    t = os.times()
    return t.user + t.system, t.children_user + t.children_system


def timed(f) -> tuple[float, float, float]:
    """(wall, this process's CPU, the workers' CPU) seconds of one call."""
    w, (p, c) = time.perf_counter(), cpu()
    f()
    p2, c2 = cpu()
    return time.perf_counter() - w, p2 - p, c2 - c


def _spin(n: int) -> int:
    x = 0
    for i in range(n):
        x += i * i
    return x


def control(j: int, n: int = 10_000_000) -> float:
    """Wall seconds for ``j`` processes each spinning ``n`` loops (one process: in this
    one): what the machine gives two processes right now, whatever kg does."""
    import multiprocessing

    w = time.perf_counter()
    if j == 1:
        _spin(n)
    else:
        with multiprocessing.get_context("fork").Pool(j) as pool:
            pool.map(_spin, [n] * j)
    return time.perf_counter() - w


def best(n: int, f) -> tuple[float, float, float]:
    runs = [timed(f) for _ in range(n)]
    return min(runs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_articles_argument(ap)
    ap.add_argument("--articles", dest="count", type=int, default=100, help="distinct articles to ingest")
    ap.add_argument("-j", "--processes", type=int, nargs="+", default=[1, 2], help="worker counts to time")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each, the fastest kept")
    ap.add_argument("--model", default=DEFAULT_MODEL)
    args = ap.parse_args()

    base = read_articles(args.articles)
    articles = [replace(base[i % len(base)], url=f"{base[i % len(base)].url or 'https://example.org/a'}#copy-{i}") for i in range(args.count)]
    kb = load_kb()
    nlp = build_recogniser(kb, args.model)
    list(nlp.pipe(a.text for a in base[:5]))
    print(f"{len(articles)} articles ({len(base)} distinct texts), model {args.model}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}")

    results: list[tuple[str, int, float, float, float]] = []
    for j in args.processes:
        def ingest(j=j):
            with tempfile.TemporaryDirectory() as tmp:
                ingester = Ingester(Path(tmp) / "store", kb=kb, nlp=nlp, processes=j)
                ingester.run_articles(articles)
                del ingester

        results.append(("kg ingest", j, *best(args.repeat, ingest)))
    for j in args.processes:
        def shard_and_load(j=j):
            with tempfile.TemporaryDirectory() as tmp:
                store = Path(tmp) / "store"
                make_shards(store, iter(articles), Path(tmp) / "shards", args.model, processes=j, shards=2 * j,
                            processor=ArticleProcessor(kb, args.model, nlp=nlp))
                load_shards(store, Path(tmp) / "shards")

        results.append(("kg shard + kg load", j, *best(args.repeat, shard_and_load)))

    # On a machine shared with other work, wall time says more about the neighbours than
    # about kg. So the CPU each process spent is printed too, and the wall time the run
    # would take on idle cores: no less than the busiest process's CPU, nor than all the
    # CPU spread over the cores.
    cores = os.cpu_count() or 1
    one = {name: (wall, parent + workers) for name, j, wall, parent, workers in results if j == 1}
    print(f"{'run':20} {'-j':>3} {'wall s':>7} {'parent CPU':>10} {'workers CPU':>11} {'articles/s':>10} "
          f"{'vs -j 1 wall':>12} {'idle-core bound':>15}")
    for name, j, wall, parent, workers in results:
        ideal = max((parent + workers) / min(cores, j + 1 if j > 1 else 1), parent, workers / j if j > 1 else 0)
        ratio = f"{one[name][0] / wall:.2f}x" if name in one else ""
        bound = f"{one[name][1] / ideal:.2f}x" if name in one else ""
        print(f"{name:20} {j:3d} {wall:7.2f} {parent:10.2f} {workers:11.2f} {len(articles) / wall:10.1f} {ratio:>12} {bound:>15}")
    # The control: the same work in j processes should take as long as in one on idle
    # cores; on a busy machine the others' processes take the difference.
    for j in args.processes:
        if j > 1:
            one_s, many_s = min(control(1) for _ in range(args.repeat)), min(control(j) for _ in range(args.repeat))
            print(f"control (pure-Python loop, {j} processes doing {j}x the work of one): {j * one_s / many_s:.2f}x "
                  f"({one_s:.2f} s for one, {many_s:.2f} s for {j}); the machine's load average is now {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
