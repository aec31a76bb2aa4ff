"""What replacing articles costs against writing them the first time.

    .venv/bin/python benchmarks/bench_reingest.py STORE [--articles 200] [--against REV]

Takes the article graphs of ``STORE`` (a store `kg ingest` wrote, e.g. one of
bench_scale.py's), and writes them with ``kg.store.write_articles`` into a fresh store,
20 articles per call as ingest does, then times, in CPU seconds of this process (the
store's threads included):

  1. first ingest: the articles into the empty store;
  2. re-ingest, unchanged: the same articles again (nothing to write);
  3. re-ingest, edited: every article with its text edited near the start, so that the
     offsets in its mention, sentence and trigger IRIs all move (the costliest re-ingest:
     nearly every quad of the article differs);
  4. re-ingest, rescored: every confidence changed (a model update: a few quads differ);
  5. removal of every article.

With ``--against REV`` the same is timed with ``write_articles`` as kg/store.py was at
the git revision REV, for a before/after in one run.
"""

from __future__ import annotations

import argparse
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
from kg.vocab import KG  # noqa: E402

_CHAR = re.compile(r"#(char|trigger)=(\d+),(\d+)$")
CONFIDENCE = ox.NamedNode(KG + "confidence")


def article_graphs(path: Path, n: int) -> list[tuple[ox.NamedNode, list[ox.Quad]]]:
    store = ox.Store.read_only(str(path))
    graphs = sorted((g for g in store.named_graphs() if is_article_graph(g)), key=lambda g: g.value)[:n]
    return [(g, list(store.quads_for_pattern(None, None, None, g))) for g in graphs]


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


def load_write_articles(rev: str | None):
    if rev is None:
        from kg.store import write_articles

        return write_articles
    source = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:kg/store.py"], capture_output=True, text=True, check=True).stdout
    path = Path(tempfile.mkdtemp()) / "store_then.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("store_then", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["store_then"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.write_articles


def run(write_articles, articles, kb) -> dict[str, float]:
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = ox.Store(str(Path(tmp) / "store"))

        def timed(name, batches, remove=False):
            t = time.process_time()
            for i in range(0, len(batches), 20):
                chunk = batches[i : i + 20]
                if remove:
                    write_articles(store, kb, [], remove=[g for g, _ in chunk])
                else:
                    write_articles(store, kb, chunk)
            out[name] = time.process_time() - t

        timed("first ingest", articles)
        timed("re-ingest, unchanged", articles)
        timed("re-ingest, edited (offsets moved)", edited(articles))
        timed("re-ingest, rescored (confidences)", rescored(edited(articles)))
        timed("removal", articles, remove=True)
        assert len(store) == 0 or all(not is_article_graph(g) for g in store.named_graphs())
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--against", metavar="REV", help="also time write_articles as it was at this git revision")
    args = ap.parse_args()
    kb = load_kb()
    articles = article_graphs(args.store, args.articles)
    quads = sum(len(q) for _, q in articles)
    print(f"{len(articles)} articles, {quads:,} quads")
    now = run(load_write_articles(None), articles, kb)
    then = run(load_write_articles(args.against), articles, kb) if args.against else None
    header = f"{'CPU s':<38}{'now':>8}{'x first':>9}"
    if then:
        header += f"{args.against:>12}{'x first':>9}"
    print(header)
    for name, s in now.items():
        line = f"{name:<38}{s:8.2f}{s / now['first ingest']:9.2f}"
        if then:
            line += f"{then[name]:12.2f}{then[name] / then['first ingest']:9.2f}"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
