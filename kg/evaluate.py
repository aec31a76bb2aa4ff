"""Evaluate: ingest articles into a temporary store and score the entities found
against gold annotations (the format of shared/eval/GUIDELINES.md).

Matching follows that guide: per article, a found entity matches a gold entity of
the same type when they share an identifier (GeoNames id, Wikidata QID) or a name
(the gold name or a surface form equals one of the entity's labels, after
normalisation). A gold entity is matched at most once, so an unmerged duplicate
counts as a false positive; entities matching an optional gold entity count for
nothing either way.

Events (gold records with an ``events`` list) are scored as shared/eval/score.py
scores them: within an article, the store's attack reports (``kg:Attack``) and the
gold events are paired one to one, best first, by how many slot items agree (ties:
store order, then gold order); a pair needs its locations to agree, or, where the
gold location is null, its actors. Items are the location, the actor, each weapon,
killed, injured and the date, where stated; entity-valued items agree as entities
match above. Event P/R/F1 count paired events, slot P/R/F1 agreeing items.
"""

from __future__ import annotations

import json
import re
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import InputError
from kg.ingest import Ingester
from kg.recognise import DEFAULT_MODEL
from kg.resources import sparql
from kg.types import TOP_TYPES
from kg.vocab import KG, SCHEMA
from kg.wording import plural

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
        for problem in _event_problems(doc):
            raise InputError(str(path), problem, n)
        out.append(doc)
    return out


def _event_problems(doc: dict) -> Iterable[str]:
    """What is wrong with a gold record's ``events`` (nothing when it has none)."""
    if "events" not in doc:
        return
    if not isinstance(doc["events"], list):
        yield "'events' must be a list of events"
        return
    for k, ev in enumerate(doc["events"], start=1):
        if not isinstance(ev, dict):
            yield f"event {k} is not an object"
            continue
        for key in ("location", "actor", "date"):
            if ev.get(key) is not None and not isinstance(ev[key], str):
                yield f"event {k}: {key!r} must be a name (or null)"
        if not isinstance(ev.get("weapons") or [], list) or not all(isinstance(w, str) for w in ev.get("weapons") or []):
            yield f"event {k}: 'weapons' must be a list of names"
        for key in ("killed", "injured"):
            if ev.get(key) is not None and (not isinstance(ev[key], int) or isinstance(ev[key], bool)):
                yield f"event {k}: {key!r} must be a whole number (or null)"
        if isinstance(ev.get("date"), str) and not re.match(r"^\d{4}-\d{2}-\d{2}$", ev["date"]):
            yield f"event {k}: 'date' must be YYYY-MM-DD"


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


# --- events ------------------------------------------------------------------------------

SystemEntity = dict  # {"labels": set of normalised names, "ids": set, "label": str}


def _entity_names(store: ox.Store) -> dict[str, SystemEntity]:
    names: dict[str, SystemEntity] = defaultdict(lambda: {"labels": set(), "ids": set(), "label": ""})
    for row in store.query(sparql("evaluate-event-names"), use_default_graph_as_union=True):
        e = names[row["entity"].value]
        e["labels"].add(norm(row["label"].value))
        if row["preferred"] is not None:
            e["label"] = row["label"].value
        if row["same"] is not None and ident(row["same"].value):
            e["ids"].add(ident(row["same"].value))
    return names


def _events_from(rows: Iterable[Any], key_var: str, key: Any, names: dict[str, SystemEntity]) -> dict[str, list[dict]]:
    """Events per article key, in the order the rows first name them; an entity without
    labels in the store is still a slot value (it agrees with nothing)."""
    raw: dict[str, dict[str, dict[str, set[str]]]] = defaultdict(dict)
    for row in rows:
        slots = raw[key(row[key_var].value)].setdefault(str(row["event"]), defaultdict(set))
        if row["slot"].value != "none" and row["value"] is not None:
            slots[row["slot"].value].add(row["value"].value)

    def entity(iri: str) -> SystemEntity:
        return names[iri] if iri in names else {"labels": set(), "ids": set(), "label": ""}

    def number(values: set[str]) -> int | None:
        for v in values:
            try:
                return int(float(v))
            except ValueError:
                pass
        return None

    out: dict[str, list[dict]] = {}
    for k, events in raw.items():
        out[k] = [
            {"location": entity(min(e["location"])) if e["location"] else None,
             "actor": entity(min(e["actor"])) if e["actor"] else None,
             "weapons": [entity(w) for w in sorted(e["weapon"])],
             "killed": number(e["killed"]), "injured": number(e["injured"]),
             "date": min(e["date"])[:10] if e["date"] else None}
            for e in events.values()
        ]
    return out


def store_events(store: ox.Store) -> tuple[dict[str, list[dict]], dict[str, list[dict]]]:
    """The store's attack reports per article, keyed by URL and by source file name."""
    names = _entity_names(store)
    by_url = _events_from(store.query(sparql("evaluate-events"), use_default_graph_as_union=True), "url", url_key, names)
    by_file = _events_from(store.query(sparql("evaluate-events-by-file"), use_default_graph_as_union=True), "file",
                           lambda f: Path(f).name, names)
    return by_url, by_file


def _gold_entity(name: str | None, gold_entities: list[dict]) -> dict | None:
    """A gold event's slot name as the gold entity of that name (its surface forms and
    ids), or the bare name when the article's entities have none so called."""
    if name is None:
        return None
    for g in gold_entities:
        if g["name"] == name:
            return {"names": {norm(g["name"])} | {norm(x) for x in g.get("surface", [])}, "ids": gold_ids(g)}
    return {"names": {norm(name)}, "ids": set()}


def _agree(system: SystemEntity | None, gold: dict | None) -> bool:
    if system is None or gold is None:
        return False
    return bool(system["ids"] & gold["ids"]) or bool(system["labels"] & gold["names"])


def _count_items(event: dict) -> int:
    """Stated slot items: location, actor, each weapon, killed, injured, date."""
    return sum(event.get(k) is not None for k in ("location", "actor", "killed", "injured", "date")) + len(
        event.get("weapons") or [])


def _agreeing(system: dict, gold: dict, gold_entities: list[dict]) -> int:
    """Items of a system and a gold event that agree; each system weapon meets one gold weapon."""
    ok = _agree(system["location"], _gold_entity(gold.get("location"), gold_entities))
    ok += _agree(system["actor"], _gold_entity(gold.get("actor"), gold_entities))
    free = list(system["weapons"])
    for w in gold.get("weapons") or []:
        g = _gold_entity(w, gold_entities)
        hit = next((i for i, s in enumerate(free) if _agree(s, g)), None)
        if hit is not None:
            ok += 1
            free.pop(hit)
    for k in ("killed", "injured", "date"):
        ok += gold.get(k) is not None and system[k] == gold.get(k)
    return int(ok)


def score_events(system: list[dict], gold: list[dict], gold_entities: list[dict]) -> tuple[list[int], list[int], list[str]]:
    """([paired, system events, gold events], [agreeing items, system items, gold items], errors)
    for one article, pairing best first as shared/eval/score.py does."""
    pairs = []
    for i, s in enumerate(system):
        for j, g in enumerate(gold):
            located = _agree(s["location"], _gold_entity(g.get("location"), gold_entities))
            if located or (g.get("location") is None and _agree(s["actor"], _gold_entity(g.get("actor"), gold_entities))):
                pairs.append((_agreeing(s, g, gold_entities), i, j))
    used_s: set[int] = set()
    used_g: set[int] = set()
    agree = 0
    for score, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if i not in used_s and j not in used_g:
            used_s.add(i)
            used_g.add(j)
            agree += score
    errors = [f"missed event at {g.get('location')} by {g.get('actor')}" for j, g in enumerate(gold) if j not in used_g]
    errors += [f"spurious event at {s['location']['label'] if s['location'] else None}"
               for i, s in enumerate(system) if i not in used_s]
    items = [agree, sum(_count_items(s) for s in system), sum(_count_items(g) for g in gold)]
    return [len(used_s), len(system), len(gold)], items, errors


def score_store(store: ox.Store, gold: list[dict]) -> dict:
    """Precision, recall and F1 per type and micro-averaged, linking accuracy, errors;
    and event and slot P/R/F1 when the gold has events."""
    by_url, by_file = store_entities(store)
    events_by_url, events_by_file = store_events(store) if any("events" in d for d in gold) else ({}, {})
    total: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    link = [0, 0]
    ev_total, slot_total, has_events = [0, 0, 0], [0, 0, 0], False
    missing, errors = [], {}
    for doc in gold:
        name = doc.get("file") or doc["url"]
        found, system_events = None, []
        if doc.get("url"):
            found = by_url.get(url_key(doc["url"]))
            system_events = events_by_url.get(url_key(doc["url"]), [])
        if found is None and doc.get("file"):
            found = by_file.get(Path(doc["file"]).name)
            system_events = events_by_file.get(Path(doc["file"]).name, [])
        if found is None:
            missing.append(name)
            found = {}
        counts, lk, errs = score_article(found, doc["entities"])
        for t, c in counts.items():
            for i in range(3):
                total[t][i] += c[i]
        link[0] += lk[0]
        link[1] += lk[1]
        if "events" in doc:
            has_events = True
            ev, sl, errs["events"] = score_events(system_events, doc["events"], doc["entities"])
            for i in range(3):
                ev_total[i] += ev[i]
                slot_total[i] += sl[i]
        errors[name] = errs
    report = {"types": {t: prf(*total[t]) for t in TOP_TYPES}}
    report["micro"] = prf(*(sum(c[i] for c in total.values()) for i in range(3)))
    report["linking"] = {"correct": link[0], "total": link[1], "accuracy": round(link[0] / link[1], 3) if link[1] else None}
    if has_events:
        e = prf(ev_total[0], ev_total[1] - ev_total[0], ev_total[2] - ev_total[0])
        s = prf(slot_total[0], slot_total[1] - slot_total[0], slot_total[2] - slot_total[0])
        report["events"] = {"paired": ev_total[0], "system": ev_total[1], "gold": ev_total[2],
                            **{k: e[k] for k in ("p", "r", "f1")}}
        report["slots"] = {"agree": slot_total[0], "system": slot_total[1], "gold": slot_total[2],
                           **{k: s[k] for k in ("p", "r", "f1")}}
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
    if gold and len(report["articles_missing"]) == len(gold):
        # Every score would be zero for a reason that is no fault of kg's: say so instead.
        names = ", ".join(report["articles_missing"][:3]) + (", …" if len(gold) > 3 else "")
        n = run.articles
        raise InputError(str(gold_path), f"no gold article matched any of the {plural(n, 'article')} read "
                         f"(gold names {names}; an article is matched by its URL, else by its file name)")
    return report
