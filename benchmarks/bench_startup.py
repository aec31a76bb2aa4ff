"""Start-up: what a `kg` command costs beyond loading spaCy's model.

    python benchmarks/bench_startup.py [ARTICLE] [--repeat N]

Runs, each as a process of its own (as a user does), and reports the CPU seconds
(user + system, of the child processes) of the fastest of N runs:

  * spaCy alone: ``spacy.load`` of the pipeline kg uses, with the components kg leaves
    out excluded (kg.recognise.load_pipeline's list), and nothing else;
  * ``kg ingest`` of ONE article (default: the first file of seeds/) into a store
    of its own, re-ingested, so that the figure is start-up plus one article;
  * ``kg lookup NAME``, ``kg query entities-by-type`` and ``kg --help`` on that store.

For ingest it prints the CPU beyond spaCy's load; the other commands load no spaCy
model and are printed whole. A first, untimed ingest warms the cache folder
($KG_CACHE: the knowledge base's index, the ruler's patterns and tokens), whose
building is a first run's cost, not start-up.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.recognise import _UNNEEDED, DEFAULT_MODEL  # noqa: E402


def child_cpu(args: list[str], repeat: int) -> float:
    """The fastest of ``repeat`` runs of ``args``, in CPU seconds of the child process."""
    best = float("inf")
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode not in (0, 1):  # lookup exits 1 when nothing matches: still a start-up
            raise SystemExit(f"{' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
        best = min(best, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("article", nargs="?", type=Path, default=None, help="one article file (default: the first of seeds/)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each command; the fastest is kept")
    ap.add_argument("--model", default=DEFAULT_MODEL)
    args = ap.parse_args()
    article = args.article or sorted(p for p in (ROOT / "seeds").iterdir() if p.suffix == ".txt")[0]
    py = sys.executable
    with tempfile.TemporaryDirectory(prefix="kg-bench-startup-") as tmp:
        store = str(Path(tmp) / "store")
        kg = [py, "-m", "kg", "--store", store]
        ingest = [*kg, "ingest", "-q", "--model", args.model, str(article)]
        subprocess.run(ingest, cwd=ROOT, check=True)  # warms the cache folder; builds the store
        spacy_only = [py, "-c", f"import spacy; spacy.load({args.model!r}, exclude={list(_UNNEEDED)!r})"]
        figures = {
            "spaCy model load alone": child_cpu(spacy_only, args.repeat),
            "kg ingest, one article": child_cpu(ingest, args.repeat),
            "kg lookup Kyiv": child_cpu([*kg, "lookup", "Kyiv"], args.repeat),
            "kg query entities-by-type": child_cpu([*kg, "query", "entities-by-type"], args.repeat),
            "kg --help": child_cpu([py, "-m", "kg", "--help"], args.repeat),
        }
    spacy_cpu = figures["spaCy model load alone"]
    print(f"CPU seconds, fastest of {args.repeat} runs each (KG_CACHE={os.environ.get('KG_CACHE', 'default')}):")
    for name, cpu in figures.items():
        extra = f"  ({cpu - spacy_cpu:+.2f} s beyond spaCy's load)" if name.startswith("kg ingest") else ""
        print(f"  {name:28} {cpu:6.2f}{extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
