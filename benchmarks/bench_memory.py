"""Ingest memory and disk: peak RSS, store size on disk against its N-Quads dump, CPU.

    python benchmarks/bench_memory.py [ARTICLES_DIR] [--sizes 300 3000] [--configs before after]

Builds a synthetic corpus from real article texts (default: ../shared/dev/articles
beside the repository): copy k of an article gets its own URL and one more paragraph
naming a reporter, a town and an aid group made up from its number, so the entity
vocabulary grows with the corpus as it would with real news (see
:func:`synthetic_corpus`). Each (size, configuration) is ingested into a fresh store by a child process of its own, so that the child's ``resource.getrusage`` is the
peak RSS and CPU time of that one run alone; the parent then measures the folder the
run left behind and dumps the store as N-Quads (opened read-only, so the measurement
does not change what it measures).

Configurations (the knobs of :class:`kg.ingest.Ingester`):

  before  one transaction per article, no flush until the end, no reopen
          (how kg ingested before the store was made flat in memory);
  after   the defaults of ``Ingester`` (several whole articles per transaction,
          periodic flushes, the store reopened at the end of the run so RocksDB
          truncates its write-ahead log).

Printed per run: articles, peak RSS (MiB; and before the run's closing work, the
incident graph's rebuild over the whole store), CPU s (and of it, the CPU of
the store writes, against what ``Store.bulk_load`` of the dump takes), store on disk (MB), N-Quads dump
(MB), their ratio, and at the end the peak-RSS ratio between the largest and smallest
size of each configuration (the target: within 10 %).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus import add_articles_argument, read_articles  # noqa: E402

CONFIGS: dict[str, dict] = {
    "before": {"articles_per_commit": 1, "flush_every": 0, "compact": False},
    "after": {},
}

_SYLLABLES = ["ka", "lo", "mi", "ren", "sa", "tor", "vel", "du", "ni", "bar", "ost", "ya"]


def made_up_name(k: int, parts: int) -> str:
    """A capitalised word from the digits of ``k`` in base 12: distinct for each k."""
    out = []
    for _ in range(parts):
        out.append(_SYLLABLES[k % len(_SYLLABLES)])
        k //= len(_SYLLABLES)
    return "".join(out).capitalize()


def synthetic_corpus(folder: str, n: int) -> Iterator:
    """``n`` articles: copies of the real ones under ``folder``, each with its own URL, a
    publication date moved on by a week per round of copies (so that copies of one
    report are not all one incident), and a closing paragraph naming a made-up reporter
    (one per article), town (one per two articles) and aid group (one per four): the
    entity vocabulary grows with the corpus, as it does with real news.
    Made one at a time, so the corpus itself takes no memory that grows with ``n``."""
    import datetime as dt


    base = read_articles(folder)
    for i in range(n):
        a = base[i % len(base)]
        k = i // len(base)
        first, last = made_up_name(i, 2), made_up_name(i * 7 + 3, 3)
        town, group = made_up_name(i // 2 * 5 + 1, 3), made_up_name(i // 4 * 11 + 2, 2)
        extra = (f"\n\nReporting by {first} {last} in the town of {town}; "
                 f"aid workers of the {group} Foundation said they were sending help.")
        url = f"{a.url or 'https://bench.example.org/' + Path(a.source).stem}?copy={k}"
        date = (a.date or dt.date(2023, 1, 2) + dt.timedelta(days=i % len(base))) + dt.timedelta(days=7 * k)
        # Appending keeps every offset into the text (the byline's span) valid.
        yield replace(a, text=a.text + extra, url=url, source=f"{a.source}#copy{k}", date=date)


def child(folder: str, n: int, store: str, knobs: dict) -> None:
    """Ingest the corpus of size ``n`` into ``store``; print one JSON line of figures."""
    from kg.ingest import Ingester

    corpus = synthetic_corpus(folder, n)
    started = time.perf_counter()
    ingester = Ingester(store, **knobs)
    # The peak before what runs once after the articles (the incident graph's rebuild
    # reads the whole store, so it may grow with the store, not with the run).
    loop_peak = []
    after_change = ingester._after_change

    def measured_after_change() -> None:
        loop_peak.append(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        after_change()

    ingester._after_change = measured_after_change
    # CPU spent writing (the process's, RocksDB's threads included), to set against
    # what Store.bulk_load takes for the same quads.
    import kg.ingest

    write_cpu = [0.0]
    write_articles = kg.ingest.write_articles

    def timed_write(*args, **kwargs):
        t = time.process_time()
        try:
            return write_articles(*args, **kwargs)
        finally:
            write_cpu[0] += time.process_time() - t

    kg.ingest.write_articles = timed_write
    # Resident memory now (not the peak) every few hundred articles: what grows, and when.
    trace: list[tuple[int, float]] = []
    page_mib = os.sysconf("SC_PAGE_SIZE") / 2**20

    def on_article(_item) -> None:
        done = len(trace) and trace[-1][0]
        count = on_article.count = getattr(on_article, "count", 0) + 1  # type: ignore[attr-defined]
        if count - done >= max(100, n // 20):
            with open("/proc/self/statm") as f:
                trace.append((count, int(f.read().split()[1]) * page_mib))

    report = ingester.run_articles(corpus, on_article=on_article)
    wall = time.perf_counter() - started
    ru = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"articles": report.articles, "quads_written": report.quads, "rss_mib": ru.ru_maxrss / 1024, "loop_rss_mib": loop_peak[0], "write_cpu_s": write_cpu[0], "cpu_s": ru.ru_utime + ru.ru_stime, "wall_s": wall, "rss_trace": trace}))


def folder_bytes(path: Path) -> int:
    return sum((Path(d) / f).stat().st_size for d, _, files in os.walk(path) for f in files)


def measure(folder: str, n: int, config: str, workdir: Path) -> dict:
    store = workdir / f"store-{config}-{n}"
    shutil.rmtree(store, ignore_errors=True)
    cmd = [sys.executable, __file__, "--child", folder, str(n), str(store), json.dumps(CONFIGS[config])]
    done = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    if done.returncode != 0:
        raise SystemExit(f"child for {config} at {n} articles failed:\n{done.stderr[-3000:]}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["disk_bytes"] = folder_bytes(store)
    import pyoxigraph as ox

    dump = workdir / f"dump-{config}-{n}.nq"
    ro = ox.Store.read_only(str(store))
    figures["quads"] = len(ro)
    ro.dump(str(dump), format=ox.RdfFormat.N_QUADS)
    del ro
    figures["dump_bytes"] = dump.stat().st_size
    loaded = workdir / f"bulk-{config}-{n}"
    t = time.process_time()
    ox.Store(str(loaded)).bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
    figures["bulk_cpu_s"] = time.process_time() - t
    shutil.rmtree(loaded, ignore_errors=True)
    dump.unlink()
    shutil.rmtree(store, ignore_errors=True)
    return figures


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        folder, n, store, knobs = sys.argv[2:6]
        child(folder, int(n), store, json.loads(knobs))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_articles_argument(ap)
    ap.add_argument("--sizes", type=int, nargs="+", default=[300, 3000], help="corpus sizes (articles)")
    ap.add_argument("--configs", nargs="+", choices=sorted(CONFIGS), default=["before", "after"])
    ap.add_argument("--workdir", help="where the stores go (default: a temporary folder)")
    args = ap.parse_args()
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="kg-bench-memory-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"{'config':<8}{'articles':>9}{'quads':>10}{'peak RSS MiB':>14}{'(in loop)':>10}{'CPU s':>9}{'writes s':>10}{'bulk_load s':>13}{'disk MB':>9}{'N-Quads MB':>12}{'disk/dump':>11}")
    rows: dict[str, list[dict]] = {}
    for n in sorted(args.sizes):
        for config in args.configs:
            f = measure(args.articles, n, config, workdir)
            rows.setdefault(config, []).append(f)
            print(
                f"{config:<8}{f['articles']:>9}{f['quads']:>10}{f['rss_mib']:>14.0f}{f['loop_rss_mib']:>10.0f}{f['cpu_s']:>9.1f}{f['write_cpu_s']:>10.1f}{f['bulk_cpu_s']:>13.1f}"
                f"{f['disk_bytes'] / 1e6:>9.1f}{f['dump_bytes'] / 1e6:>12.1f}{f['disk_bytes'] / f['dump_bytes']:>11.2f}",
                flush=True,
            )
    if len(args.sizes) > 1:
        for config, fs in rows.items():
            print(f"{config}: peak RSS at {fs[-1]['articles']} / at {fs[0]['articles']} articles = {fs[-1]['rss_mib'] / fs[0]['rss_mib']:.2f}")
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
