"""Ingest memory and disk: peak RSS, store size on disk against its N-Quads dump, CPU.

    python benchmarks/bench_memory.py [ARTICLES_DIR] [--sizes 300 3000] [--configs before after]

Builds a synthetic corpus from real article texts (default: ../shared/dev/articles
beside the repository): copy k of an article gets its own URL and one more paragraph
naming a reporter and a town made up from k, so the entity vocabulary grows with the
corpus as it would with real news. Each (size, configuration) is ingested into a fresh
store by a child process of its own, so that the child's ``resource.getrusage`` is the
peak RSS and CPU time of that one run alone; the parent then measures the folder the
run left behind and dumps the store as N-Quads (opened read-only, so the measurement
does not change what it measures).

Configurations (the knobs of :class:`kg.ingest.Ingester`):

  before  one transaction per article, no flush until the end, no reopen
          (how kg ingested before the store was made flat in memory);
  after   the defaults of ``Ingester`` (several whole articles per transaction,
          periodic flushes, the store reopened at the end of the run so RocksDB
          truncates its write-ahead log).

Printed per run: articles, peak RSS (MiB), CPU s, store on disk (MB), N-Quads dump
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
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

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


def synthetic_corpus(folder: str, n: int) -> list:
    """``n`` articles: copies of the real ones under ``folder``, each with its own URL
    and a closing paragraph naming a made-up reporter and town (so entities vary)."""
    from kg.read import read_paths
    from kg.types import Article

    base = [a for a in read_paths([folder]) if isinstance(a, Article)]
    if not base:
        raise SystemExit(f"no articles under {folder}")
    out = []
    for i in range(n):
        a = base[i % len(base)]
        k = i // len(base)
        first, last, town = made_up_name(k, 2), made_up_name(k * 7 + 3, 3), made_up_name(k * 5 + 1, 3)
        extra = f"\n\nReporting by {first} {last} in the town of {town}; additional reporting by staff."
        url = f"{a.url or 'https://bench.example.org/' + Path(a.source).stem}?copy={k}"
        # Appending keeps every offset into the text (the byline's span) valid.
        out.append(replace(a, text=a.text + extra, url=url, source=f"{a.source}#copy{k}"))
    return out


def child(folder: str, n: int, store: str, knobs: dict) -> None:
    """Ingest the corpus of size ``n`` into ``store``; print one JSON line of figures."""
    from kg.ingest import Ingester

    corpus = synthetic_corpus(folder, n)
    started = time.perf_counter()
    ingester = Ingester(store, **knobs)
    report = ingester.run_articles(corpus)
    wall = time.perf_counter() - started
    ru = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"articles": report.articles, "quads_written": report.quads, "rss_mib": ru.ru_maxrss / 1024, "cpu_s": ru.ru_utime + ru.ru_stime, "wall_s": wall}))


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
    dump.unlink()
    shutil.rmtree(store, ignore_errors=True)
    return figures


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        folder, n, store, knobs = sys.argv[2:6]
        child(folder, int(n), store, json.loads(knobs))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles", nargs="?", default=str(ROOT.parent / "shared" / "dev" / "articles"))
    ap.add_argument("--sizes", type=int, nargs="+", default=[300, 3000], help="corpus sizes (articles)")
    ap.add_argument("--configs", nargs="+", choices=sorted(CONFIGS), default=["before", "after"])
    ap.add_argument("--workdir", help="where the stores go (default: a temporary folder)")
    args = ap.parse_args()
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="kg-bench-memory-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"{'config':<8}{'articles':>9}{'quads':>10}{'peak RSS MiB':>14}{'CPU s':>9}{'disk MB':>9}{'N-Quads MB':>12}{'disk/dump':>11}")
    rows: dict[str, list[dict]] = {}
    for n in sorted(args.sizes):
        for config in args.configs:
            f = measure(args.articles, n, config, workdir)
            rows.setdefault(config, []).append(f)
            print(
                f"{config:<8}{f['articles']:>9}{f['quads']:>10}{f['rss_mib']:>14.0f}{f['cpu_s']:>9.1f}"
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
