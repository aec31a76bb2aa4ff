"""Evaluate: ingest articles into a temporary store and score the entities found
against gold annotations (the format of shared/eval/GUIDELINES.md).

Matching follows that guide: per article, a found entity matches a gold entity of
the same type when they share an identifier (GeoNames id, Wikidata QID) or a name
(the gold name or a surface form equals one of the entity's labels, after
normalisation). A gold entity is matched at most once, so an unmerged duplicate
counts as a false positive; entities matching an optional gold entity count for
nothing either way.
"""

from __future__ import annotations

import json
import re
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError
from kg.ingest import Ingester
from kg.recognise import DEFAULT_MODEL
from kg.resources import sparql
from kg.types import TOP_TYPES
from kg.vocab import KG, SCHEMA

_TYPES = {SCHEMA + "Person": "Person", SCHEMA + "Place": "Place", SCHEMA + "Organization": "Organization", KG + "Weapon": "Weapon"}


def norm(s: str) -> str:
    """Lower-case, without accents, punctuation, a possessive, a leading 'the'."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"['’]s\b", "", s)
    s = re.sub(r"[^a-z0-9]+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def ident(iri: str) -> str | None:
    m = re.search(r"wikidata\.org/(?:entity|wiki)/(Q\d+)", iri)
    if m:
        return "wd:" + m.group(1)
    m = re.search(r"geonames\.org/(\d+)", iri)
    return "gn:" + m.group(1) if m else None


def gold_ids(g: dict) -> set[str]:
    out = set()
    for i in g.get("ids", []):
        kind, _, val = str(i).partition(":")
        if kind in ("wikidata", "wd"):
            out.add("wd:" + val)
        elif kind in ("geonames", "gn"):
            out.add("gn:" + val)
    return out


def url_key(u: str) -> str:
    u = u.strip().strip("<>").lower()
    return re.sub(r"^https?://(www\.)?", "", u).rstrip("/")


def read_gold(path: Path) -> list[dict]:
    """Gold records, checked: each needs 'file' or 'url', and a list of entities."""
    out = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(str(path), f"cannot read the gold file: {e}") from e
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(str(path), f"not valid JSON: {e.msg}", n) from None
        if not isinstance(doc, dict) or not isinstance(doc.get("entities"), list) or not (doc.get("file") or doc.get("url")):
            raise InputError(str(path), "a gold record needs 'file' or 'url' and a list 'entities'", n)
        for entity in doc["entities"]:
            if not isinstance(entity, dict) or entity.get("type") not in TOP_TYPES or not entity.get("name"):
                raise InputError(str(path), f"a gold entity needs a 'name' and a 'type' in {TOP_TYPES}", n)
        out.append(doc)
    return out


def store_entities(store: ox.Store) -> tuple[dict[str, dict], dict[str, dict]]:
    """Entities per article, keyed by the article's URL and by its source file name."""
    by_url: dict[str, dict] = defaultdict(dict)
    by_file: dict[str, dict] = defaultdict(dict)
    for row in store.query(sparql("evaluate-entities"), use_default_graph_as_union=True):
        keys = []
        if row["url"] is not None:
            keys.append(by_url[url_key(row["url"].value)])
        keys.append(by_file[Path(row["file"].value).name])
        for table in keys:
            e = table.setdefault(row["entity"].value, {"types": set(), "labels": set(), "ids": set()})
            e["types"].add(_TYPES[row["type"].value])
            e["labels"].add(norm(row["label"].value))
            if row["same"] is not None and ident(row["same"].value):
                e["ids"].add(ident(row["same"].value))
    return by_url, by_file


def score_article(found: dict[str, dict], gold: list[dict]) -> tuple[dict, list[int], dict]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    link = [0, 0]
    errors: dict[str, list[str]] = {"fp": [], "fn": [], "link": []}
    matched: set[int] = set()
    for _, s in sorted(found.items()):
        for t in sorted(s["types"]):
            hit = None
            for k, g in enumerate(gold):
                if g["type"] != t:
                    continue
                names = {norm(g["name"])} | {norm(x) for x in g.get("surface", [])}
                if (s["ids"] & gold_ids(g)) or (s["labels"] & names):
                    hit = k
                    if k not in matched:
                        break
            label = min(s["labels"]) if s["labels"] else "?"
            if hit is None:
                counts[t][1] += 1
                errors["fp"].append(f"{t}:{label}")
            elif gold[hit].get("optional"):
                matched.add(hit)
            elif hit in matched:
                counts[t][1] += 1
                errors["fp"].append(f"{t}:{label} (duplicate of {gold[hit]['name']})")
            else:
                matched.add(hit)
                counts[t][0] += 1
                gi = gold_ids(gold[hit])
                if gi:
                    link[1] += 1
                    if s["ids"] & gi:
                        link[0] += 1
                    else:
                        errors["link"].append(f"{gold[hit]['name']}: {sorted(gi)} vs {sorted(s['ids'])}")
    for k, g in enumerate(gold):
        if k not in matched and not g.get("optional"):
            counts[g["type"]][2] += 1
            errors["fn"].append(f"{g['type']}:{g['name']}")
    return counts, link, errors


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "p": round(p, 3), "r": round(r, 3), "f1": round(f, 3)}


def score_store(store: ox.Store, gold: list[dict]) -> dict:
    """Precision, recall and F1 per type and micro-averaged, linking accuracy, errors."""
    by_url, by_file = store_entities(store)
    total: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    link = [0, 0]
    missing, errors = [], {}
    for doc in gold:
        name = doc.get("file") or doc["url"]
        found = None
        if doc.get("url"):
            found = by_url.get(url_key(doc["url"]))
        if found is None and doc.get("file"):
            found = by_file.get(Path(doc["file"]).name)
        if found is None:
            missing.append(name)
            found = {}
        counts, lk, errs = score_article(found, doc["entities"])
        for t, c in counts.items():
            for i in range(3):
                total[t][i] += c[i]
        link[0] += lk[0]
        link[1] += lk[1]
        errors[name] = errs
    report = {"types": {t: prf(*total[t]) for t in TOP_TYPES}}
    report["micro"] = prf(*(sum(c[i] for c in total.values()) for i in range(3)))
    report["linking"] = {"correct": link[0], "total": link[1], "accuracy": round(link[0] / link[1], 3) if link[1] else None}
    report["articles_missing"] = missing
    report["errors"] = errors
    return report


def evaluate(gold_path: Path, articles: Iterable[str | Path], model: str = DEFAULT_MODEL) -> dict:
    """Ingest ``articles`` into a temporary store and score it against ``gold_path``."""
    gold = read_gold(Path(gold_path))
    with tempfile.TemporaryDirectory(prefix="kg-evaluate-") as tmp:
        ingester = Ingester(Path(tmp) / "store", model)
        run = ingester.run(articles)
        report = score_store(ingester.store, gold)
        report["skipped"] = [str(p) for p in run.skipped]
        del ingester
    return report
