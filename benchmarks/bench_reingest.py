"""What replacing and removing articles costs against writing them the first time.

    .venv/bin/python benchmarks/bench_reingest.py STORE [--articles 200] [--copies 1] [--against REV] [--repeat 3]

Takes the article graphs of ``STORE`` (a store `kg ingest` wrote: the 38 dev articles,
or one of bench_scale.py's), and writes them with ``kg.store.write_articles`` into a
fresh store opened by ``kg.store.open_store`` (so a write that removes keeps its
journal, kg/journal.py), 20 articles per call as ingest does, then times, in CPU
seconds of this process (the store's threads included, and the flush of RocksDB's
write buffers at the end of each phase, where what a write leaves in them is paid for):

  1. first ingest: the articles into the empty store;
  2. re-ingest, unchanged: the same articles again (nothing to write);
  3. re-ingest, edited: every article with its text edited near the start, so that the
     offsets in its mention, sentence and trigger IRIs all move (the costliest re-ingest:
     nearly every quad of the article differs);
  4. re-ingest, rescored: every confidence changed (a model update: a few quads differ);
  5. removal of half the articles, then of the rest.

For reference it also times the bulk loader alone adding the same article quads to an
empty store (``Store.bulk_extend``, 20 articles a call): the floor of a first write.

With ``--against REV`` the same is timed with ``write_articles`` as kg/store.py was at
the git revision REV, the two interleaved (now, then, now, then...) in one run; each
figure is the least of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.entities import is_article_graph  # noqa: E402
from kg.kb import load_kb  # noqa: E402
from kg.vocab import KG, base_iri  # noqa: E402

_CHAR = re.compile(r"#(char|trigger)=(\d+),(\d+)$")
CONFIDENCE = ox.NamedNode(KG + "confidence")


def article_graphs(path: Path, n: int) -> list[tuple[ox.NamedNode, list[ox.Quad]]]:
    store = ox.Store.read_only(str(path))
    graphs = sorted((g for g in store.named_graphs() if is_article_graph(g)), key=lambda g: g.value)[:n]
    return [(g, list(store.quads_for_pattern(None, None, None, g))) for g in graphs]


def copies(articles, k: int):
    """``k`` copies of every article, each under IRIs of its own (its graph, article,
    mention, sentence and event IRIs take a suffix; the entities stay shared, as they are
    between real articles): a larger store from the same texts."""
    if k <= 1:
        return articles
    event = base_iri() + "event/"

    def renamed(term, prefix, suffix):
        if isinstance(term, ox.NamedNode) and (term.value.startswith(prefix) or term.value.startswith(event)):
            v = term.value
            if v.startswith(prefix):
                return ox.NamedNode(prefix + suffix + v[len(prefix) :])
            return ox.NamedNode(v + suffix)
        return term

    out = []
    for i in range(k):
        suffix = f"-{i}"
        for g, quads in articles:
            g2 = renamed(g, g.value, suffix)
            out.append((g2, [ox.Quad(renamed(q.subject, g.value, suffix), q.predicate, renamed(q.object, g.value, suffix), g2) for q in quads]))
    return out


def _moved(term):
    if isinstance(term, ox.NamedNode):
        m = _CHAR.search(term.value)
        if m:
            return ox.NamedNode(f"{term.value[: m.start()]}#{m[1]}={int(m[2]) + 7},{int(m[3]) + 7}")
    return term


IS_STRING = ox.NamedNode("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString")


def edited(articles):
    """Seven characters more at the start of each text: every offset moves by seven."""

    def edit(q):
        if q.predicate == IS_STRING:
            return ox.Quad(q.subject, q.predicate, ox.Literal("Update " + q.object.value), q.graph_name)
        return ox.Quad(_moved(q.subject), q.predicate, _moved(q.object), q.graph_name)

    return [(g, [edit(q) for q in quads]) for g, quads in articles]


def rescored(articles):
    def score(q):
        if q.predicate == CONFIDENCE:
            return ox.Quad(q.subject, q.predicate, ox.Literal(str(round(float(q.object.value) * 0.9, 3)), datatype=q.object.datatype), q.graph_name)
        return q

    return [(g, [score(q) for q in quads]) for g, quads in articles]


def load_store_module(rev: str | None):
    """kg/store.py as it is, or as it was at the git revision ``rev`` (with its internal
    queries of then), as a module of its own."""
    if rev is None:
        import kg.store

        return kg.store
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:kg/store.py"], capture_output=True, text=True, check=True).stdout
    path = Path(tempfile.mkdtemp()) / "store_then.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("store_then", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["store_then"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)  # type: ignore[union-attr]

    def sparql_then(name: str) -> str:
        return subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:kg/sparql/{name}.rq"], capture_output=True, text=True, check=True).stdout

    module.sparql = functools.lru_cache(maxsize=None)(sparql_then)
    return module


PER_CALL = 20


class StoreWrites:
    """Times the store-write part of ``module.write_articles``: its calls of
    ``apply_changes`` (which makes every write), while installed."""

    def __init__(self, module):
        self.module, self.real, self.seconds = module, module.apply_changes, 0.0

    def __enter__(self):
        def timed(*args, **kwargs):
            t = time.process_time()
            try:
                return self.real(*args, **kwargs)
            finally:
                self.seconds += time.process_time() - t

        self.module.apply_changes = timed
        return self

    def __exit__(self, *exc):
        self.module.apply_changes = self.real


def run(module, articles, kb) -> dict[str, tuple[float, float]]:
    """Phase -> (CPU s of the whole write, CPU s of its store-write part)."""
    from kg.store import open_store

    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        floor = ox.Store(str(Path(tmp) / "floor"))
        t = time.process_time()
        for i in range(0, len(articles), PER_CALL):
            floor.bulk_extend([q for _, quads in articles[i : i + PER_CALL] for q in quads])
        floor.flush()
        out["bulk loader alone (reference)"] = (time.process_time() - t,) * 2
        del floor
        store = open_store(Path(tmp) / "store")

        def timed(store, name, batches, remove=False):
            with StoreWrites(module) as writes:
                t = time.process_time()
                for i in range(0, len(batches), PER_CALL):
                    chunk = batches[i : i + PER_CALL]
                    if remove:
                        module.write_articles(store, kb, [], remove=[g for g, _ in chunk])
                    else:
                        module.write_articles(store, kb, chunk)
                f = time.process_time()
                store.flush()  # what the writes left in RocksDB's buffers, written out within the phase (ingest flushes every 100 articles)
                flushed = time.process_time() - f
                out[name] = (time.process_time() - t, writes.seconds + flushed)

        half = len(articles) // 2
        timed(store, "first ingest", articles)
        timed(store, "re-ingest, unchanged", articles)
        timed(store, "re-ingest, edited (offsets moved)", edited(articles))
        timed(store, "re-ingest, rescored (confidences)", rescored(edited(articles)))
        timed(store, "removal of half", articles[:half], remove=True)
        timed(store, "removal of the rest", articles[half:], remove=True)
        assert not any(is_article_graph(g) for g in store.named_graphs())
        del store
    return out


def table(best: dict[str, dict[str, float]], title: str, against: str | None) -> None:
    names = list(best)
    print(f"{title:<38}" + "".join(f"{name:>12}{'x first':>9}" for name in names) + (f"{'now/then':>10}" if against else ""))
    for phase in best["now"]:
        line = f"{phase:<38}" + "".join(f"{best[n][phase]:12.2f}{best[n][phase] / best[n]['first ingest']:9.2f}" for n in names)
        if against:
            line += f"{best['now'][phase] / best[against][phase]:10.2f}"
        print(line)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--against", metavar="REV", help="also time write_articles as it was at this git revision")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each; the least is shown")
    ap.add_argument("--copies", type=int, default=1, help="write this many copies of each article, under IRIs of their own")
    args = ap.parse_args()
    kb = load_kb()
    articles = copies(article_graphs(args.store, args.articles), args.copies)
    quads = sum(len(q) for _, q in articles)
    print(f"{len(articles)} articles, {quads:,} quads, {PER_CALL} articles a write, least of {args.repeat} runs")
    modules = {"now": load_store_module(None)}
    if args.against:
        modules[args.against] = load_store_module(args.against)
    whole: dict[str, dict[str, float]] = {name: {} for name in modules}
    part: dict[str, dict[str, float]] = {name: {} for name in modules}
    for _ in range(args.repeat):
        for name, module in modules.items():  # interleaved: both see the same load on the machine
            for phase, (w, s) in run(module, articles, kb).items():
                whole[name][phase] = min(w, whole[name].get(phase, w))
                part[name][phase] = min(s, part[name].get(phase, s))
    table(whole, "whole write, CPU s", args.against)
    print()
    table(part, "store-write part (apply_changes, flush)", args.against)
    return 0


if __name__ == "__main__":
    sys.exit(main())
