"""Export the co-mention graph for Gephi and friends: GEXF, GraphML, JSON, CSV.

Nodes are entities (label, type, finer classes, identifiers, coordinates, mentions,
articles, first/last seen), coloured by type and sized by mentions. Edges join two
entities mentioned in the same sentence (or article), weighted by how often.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import pyoxigraph as ox

from kg import query as kq
from kg.errors import KGError, QueryError
from kg.resources import SPARQL_DIR, sparql
from kg.types import TOP_TYPES
from kg.vocab import GEO, GEONAMES, KG, OWL, RDF, RDFS, TOP_CLASS, WIKIDATA

if TYPE_CHECKING:  # networkx is imported where a graph is made: ingest and queries never load it
    import networkx as nx

FORMATS = ("gexf", "graphml", "json", "csv", "png")  # graph formats; kg export also writes "acled" (kg/export_events.py)
COOCCURRENCE = ("sentence", "article")
# The format a file name's extension names, when --format is not given (.csv is the
# co-mention graph's pair of files; the ACLED table needs --format acled).
EXTENSIONS = {".gexf": "gexf", ".graphml": "graphml", ".json": "json", ".csv": "csv", ".png": "png",
              ".nif": "nif", ".ttl": "nif"}  # fmt: skip

# Where an export goes: a file, or an open binary stream (standard output, for "kg export -").
Target = Path | BinaryIO

# Colour-blind-safe colours per type (Okabe-Ito), as Gephi's viz:color wants them.
COLOURS = {
    "Person": (213, 94, 0),
    "Place": (0, 114, 178),
    "Organization": (0, 158, 115),
    "Weapon": (204, 121, 167),
}
MIN_SIZE, MAX_SIZE = 4.0, 40.0

_TYPE_OF = {iri: short for short, iri in TOP_CLASS.items()}
# Characters XML 1.0 forbids, and other control characters Gephi chokes on.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def clean(text: str) -> str:
    """Text safe for an XML attribute: control characters dropped, whitespace collapsed."""
    return " ".join(_BAD_CHARS.sub("", text).split())


def check_date(value: str | None, name: str) -> str | None:
    """``value`` as YYYY-MM-DD (None stays None); QueryError naming the option otherwise."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as e:
        raise QueryError(f"--{name}: {value!r} is not a date (YYYY-MM-DD)") from e


def _run(store: ox.Store, file: str, since: str | None, until: str | None) -> kq.Result:
    q = kq.load_file(SPARQL_DIR / file)
    q.params += [kq.Param("since", "date"), kq.Param("until", "date")]
    values = {k: v for k, v in (("since", since), ("until", until)) if v}
    return kq.run(store, q, values)


def build_graph(
    store: ox.Store,
    cooccurrence: str = "sentence",
    min_weight: int = 1,
    types: list[str] | None = None,
    since: str | None = None,
    until: str | None = None,
) -> nx.Graph:
    """The co-mention graph of the store, restricted to ``types`` and the date window."""
    if cooccurrence not in COOCCURRENCE:
        raise KGError(f"--cooccurrence must be one of {', '.join(COOCCURRENCE)}, not {cooccurrence!r}")
    wanted = set(TOP_TYPES)
    if types:
        by_lower = {t.lower(): t for t in TOP_TYPES}
        unknown = [t for t in types if t.lower() not in by_lower]
        if unknown:
            raise KGError(f"unknown type {', '.join(unknown)} (one of {', '.join(TOP_TYPES)})")
        wanted = {by_lower[t.lower()] for t in types}
    since, until = check_date(since, "since"), check_date(until, "until")

    import networkx as nx

    g = nx.Graph(name="kg co-mention graph", cooccurrence=cooccurrence)
    nodes = "export-nodes.rq" if since or until else "export-nodes-all.rq"
    for row in kq.records(_run(store, nodes, since, until)):
        typ = _TYPE_OF.get(row["top"])
        if typ not in wanted or row["entity"] in g:
            continue
        attrs: dict[str, Any] = {
            "type": typ,
            "mentions": int(row.get("mentions") or 0),
            "articles": int(row.get("articles") or 0),
        }
        if row.get("first"):
            attrs["first_seen"] = row["first"]
            attrs["last_seen"] = row["last"]
        g.add_node(row["entity"], **attrs)

    facts: dict[str, dict[str, list[str]]] = {}
    for entity, p, o in kq.run(store, kq.load_file(SPARQL_DIR / "export-facts.rq")).rows:
        if entity.value in g:
            facts.setdefault(entity.value, {}).setdefault(p.value, []).append(o.value)
    for node, attrs in g.nodes(data=True):
        f = facts.get(node, {})
        labels = sorted(f.get(RDFS + "label", []))
        attrs["label"] = clean(labels[0]) if labels else node.rsplit("/", 1)[-1]
        classes = sorted({c[len(KG):] for c in f.get(RDF + "type", []) if c.startswith(KG) and c != TOP_CLASS["Weapon"]})
        if classes:
            attrs["classes"] = ", ".join(classes)
        attrs["iri"] = node
        for same in sorted(f.get(OWL + "sameAs", [])):
            if same.startswith(GEONAMES):
                attrs.setdefault("geonames", same)
            elif same.startswith(WIKIDATA):
                attrs.setdefault("wikidata", same)
        if f.get(KG + "countryCode"):
            attrs["country"] = clean(sorted(f[KG + "countryCode"])[0])
        try:
            if f.get(GEO + "lat") and f.get(GEO + "long"):
                attrs["lat"] = float(sorted(f[GEO + "lat"])[0])
                attrs["lon"] = float(sorted(f[GEO + "long"])[0])
        except ValueError:
            pass

    for a, b, w, articles in edges(store, cooccurrence, since, until):
        if a in g and b in g and w >= min_weight:
            g.add_edge(a, b, weight=w, articles=articles)

    _style(g)
    return g


def edges(store: ox.Store, cooccurrence: str, since: str | None, until: str | None) -> list[tuple[str, str, int, int]]:
    """(entity, entity, weight, articles) of every co-mentioned pair, the first entity's IRI
    the smaller. Sentence co-occurrence over the whole store (no date window, the common
    case) is paired here from who each sentence mentions: a SPARQL join of mentions with
    mentions costs three times as much on a large store (27 against 8 CPU s at 10,000
    articles). The windowed and article forms run their queries."""
    if cooccurrence != "sentence" or since or until:
        rows = kq.records(_run(store, f"export-edges-{cooccurrence}.rq", since, until))
        return sorted((r["a"], r["b"], int(r["weight"]), int(r["articles"])) for r in rows)
    named: dict[str, set[str]] = {}
    for row in store.query(sparql("export-sentence-entities"), use_default_graph_as_union=True):
        s, e = row[0], row[1]
        if not isinstance(e, ox.BlankNode):  # the query form's STR() takes IRIs and literals only
            named.setdefault(s.value, set()).add(e.value)  # type: ignore[union-attr]
    article_of: dict[str, set[str]] = {}
    for row in store.query(sparql("export-sentence-articles"), use_default_graph_as_union=True):
        article_of.setdefault(row[0].value, set()).add(row[1].value)  # type: ignore[union-attr]
    weight: dict[tuple[str, str], int] = {}
    articles: dict[tuple[str, str], set[str]] = {}
    for s, entities in named.items():
        if s not in article_of:
            continue  # a sentence of no article: the query form's join drops it too
        ordered = sorted(entities)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                weight[(a, b)] = weight.get((a, b), 0) + 1
                articles.setdefault((a, b), set()).update(article_of[s])
    return [(a, b, w, len(articles[(a, b)])) for (a, b), w in sorted(weight.items())]


def _style(g: nx.Graph) -> None:
    """Gephi's viz: colour by type, size by mentions (square-root scaled)."""
    top = max([a["mentions"] for _, a in g.nodes(data=True)] + [1])
    for _, a in g.nodes(data=True):
        r, gr, b = COLOURS[a["type"]]
        size = MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt(a["mentions"] / top)
        a["viz"] = {"color": {"r": r, "g": gr, "b": b, "a": 1.0}, "size": round(size, 2)}


def _plain(g: nx.Graph) -> nx.Graph:
    """A copy without the viz dict (for formats that hold only flat attributes)."""
    h = g.copy()
    for _, a in h.nodes(data=True):
        viz = a.pop("viz", None)
        if viz:
            c = viz["color"]
            a["color"] = "#{:02x}{:02x}{:02x}".format(c["r"], c["g"], c["b"])
            a["size"] = float(viz["size"])
    return h


def for_files(g: nx.Graph, fmt: str) -> nx.Graph:
    """The graph as files hold it: the node attribute ``type`` is ``entity_type`` (an
    attribute named "type" crashes Gephi Lite), and GraphML node ids are ``n0``, ``n1``...
    in IRI order (the GraphML schema takes no IRI as an id; the ``iri`` attribute keeps it)."""
    h = g.copy()
    for _, a in h.nodes(data=True):
        if "type" in a:
            a["entity_type"] = a.pop("type")
    if fmt == "graphml":
        import networkx as nx

        h = nx.relabel_nodes(h, {n: f"n{i}" for i, n in enumerate(sorted(h.nodes))})
    return h


def is_stream(target: Target) -> bool:
    return not isinstance(target, (str, Path))


def display(target: Target) -> str:
    """How messages name where an export went."""
    return "standard output" if is_stream(target) else str(target)


@contextmanager
def binary_output(target: Target) -> Iterator[BinaryIO]:
    """``target`` as a binary stream: a file opened for writing, or the stream itself."""
    if is_stream(target):
        yield target  # type: ignore[misc]
        target.flush()  # type: ignore[union-attr]
        return
    try:
        f = Path(target).open("wb")  # type: ignore[arg-type]
    except OSError as e:
        raise KGError(f"{target}: cannot write: {e}") from e
    with f:
        yield f


def write(g: nx.Graph, out: Target, fmt: str) -> list[Target]:
    """Write ``g`` to ``out`` (a file or a binary stream) as ``fmt``; returns what was
    written (csv writes two files, and so needs a file name)."""
    if fmt not in FORMATS:
        raise KGError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    import networkx as nx

    if fmt == "csv" and is_stream(out):
        raise KGError("csv writes two files (OUT-nodes.csv and OUT-edges.csv): give a file name, not -")
    if fmt != "png":
        g = for_files(g, fmt)
    if fmt == "csv":
        try:
            return list(_write_csv(_plain(g), Path(out)))  # type: ignore[arg-type]
        except OSError as e:
            raise KGError(f"{out}: cannot write: {e}") from e
    with binary_output(out) as f:
        try:
            if fmt == "gexf":
                nx.write_gexf(g, f, version="1.2draft")
            elif fmt == "graphml":
                nx.write_graphml(_plain(g), f)
            elif fmt == "json":
                data = nx.node_link_data(_plain(g), edges="edges")
                f.write((json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
            else:
                draw(g, f)
        except BrokenPipeError:
            raise  # the reader of standard output went away: the command ends quietly
        except OSError as e:
            raise KGError(f"{display(out)}: cannot write: {e}") from e
    return [out]


def _write_csv(g: nx.Graph, out: Path) -> list[Path]:
    """Gephi's spreadsheet import: OUT-nodes.csv (Id, Label, ...) and OUT-edges.csv (Source,
    Target, Type, Weight, then the edges' other attributes)."""
    stem = out.with_suffix("") if out.suffix == ".csv" else out
    nodes_path = stem.parent / f"{stem.name}-nodes.csv"
    edges_path = stem.parent / f"{stem.name}-edges.csv"
    keys = sorted({k for _, a in g.nodes(data=True) for k in a} - {"label"})
    with nodes_path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Id", "Label"] + keys)
        for n, a in sorted(g.nodes(data=True)):
            w.writerow([n, a.get("label", "")] + [a.get(k, "") for k in keys])
    extra = sorted({k for _, _, d in g.edges(data=True) for k in d} - {"weight"})
    kind = "Directed" if g.is_directed() else "Undirected"
    with edges_path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Source", "Target", "Type", "Weight"] + [k.capitalize() for k in extra])
        for a, b, d in sorted(g.edges(data=True)):
            w.writerow([a, b, kind, d["weight"]] + [d.get(k, "") for k in extra])
    return [nodes_path, edges_path]


def draw(g: nx.Graph, out: Path | BinaryIO, title: str = "") -> Path | BinaryIO:
    """A PNG picture of ``g``, coloured by type and sized by mentions (needs matplotlib:
    ``pip install 'kg[draw]'``)."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as e:
        raise KGError("drawing the graph needs matplotlib: pip install -e '.[draw]'") from e
    import networkx as nx

    pos = nx.spring_layout(g, seed=7, weight="weight")
    fig, ax = plt.subplots(figsize=(12, 9), dpi=110)
    colours = ["#{:02x}{:02x}{:02x}".format(*COLOURS[a["type"]]) for _, a in g.nodes(data=True)]
    sizes = [a.get("viz", {}).get("size", 8) * 18 for _, a in g.nodes(data=True)]
    widths = [0.6 + math.log1p(d["weight"]) for _, _, d in g.edges(data=True)]
    nx.draw_networkx_edges(g, pos, ax=ax, width=widths, alpha=0.35, edge_color="#555555")
    nx.draw_networkx_nodes(g, pos, ax=ax, node_color=colours, node_size=sizes, linewidths=0.5, edgecolors="white")
    nx.draw_networkx_labels(g, pos, ax=ax, labels={n: a["label"] for n, a in g.nodes(data=True)}, font_size=8)
    for typ, (r, gr, b) in COLOURS.items():
        ax.scatter([], [], color=(r / 255, gr / 255, b / 255), label=typ)
    ax.legend(loc="lower left", frameon=False)
    ax.set_title(title)
    ax.axis("off")
    fig.tight_layout()
    fig.savefig(out, format="png")
    plt.close(fig)
    return out
