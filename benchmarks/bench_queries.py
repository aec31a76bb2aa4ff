"""How fast are the shipped queries on a store of 10,000 articles?

    .venv/bin/python benchmarks/bench_queries.py [--articles 10000] [--store DIR]

Builds the same synthetic store as bench_lookup.py (or reuses DIR), then runs every
query in queries/ the way `kg query NAME --limit 5` does, entity parameters given by
name, and prints the time of each (best of --repeat runs).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_lookup import opened_synthetic_store, store_arguments  # noqa: E402

from kg import query as kq  # noqa: E402

# Values for the parameters a query needs; names are resolved as `kg query` resolves them.
PARAMS = {"entity": "Kharkiv", "other": "Kyiv", "place": "Ukraine"}


def main() -> int:
    args = store_arguments(__doc__, repeat=2)
    with opened_synthetic_store(args) as (path, store):
        print(f"{'query':32} {'rows':>5} {'seconds':>8}")
        for name, query in kq.shipped().items():
            values = {p.name: PARAMS[p.name] for p in query.params if p.required and p.name in PARAMS}
            if name == "attacks":
                values["place"] = PARAMS["place"]  # its costliest filter: every place within a country
            best = float("inf")
            for _ in range(args.repeat):
                t = time.perf_counter()
                result = kq.run(store, query, values, limit=5, folder=path)
                best = min(best, time.perf_counter() - t)
            print(f"{name:32} {len(result.rows):5} {best:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
