"""Find entities by name, tolerant of case, accents, transliteration and typos.

The names are matched by kg.nameindex (all the store's labels and aliases, fetched in
one query and matched in memory with rapidfuzz); details are fetched only for the matches shown. Text from the
user never enters SPARQL: the chosen entity is bound as an IRI term.

For places, attackers and weapons, lookup also shows the attacks (incidents, each
counted once however many articles report it) on the place and every place within it,
by the attacker, or with the weapon, read with the shipped ``attacks`` query.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

import pyoxigraph as ox

from kg import query as kq
from kg.nameindex import (  # noqa: F401 -- the name matching lookup is built on, re-exported
    GENERATION,
    INDEX_CACHE,
    MATCH,
    SUGGEST,
    Candidate,
    NameIndex,
    kb_place,
    name_index,
    normalise,
    resolve,
    skeleton,
)
from kg.resources import SPARQL_DIR
from kg.vocab import GEO, GEONAMES, KG, OWL, RDF, RDFS, SCHEMA, SKOS, TOP_CLASS, WIKIDATA
from kg.wording import plural

NEAR_BEST = 5.0  # matches shown besides the best must score within this of it
SHOWN_ALIASES = 12  # render() lists this many aliases; the JSON record has them all
SHOWN_ATTACKS = 5  # attacks listed per role, newest first; the totals count them all

# The attacks lookup shows per type: (key in Entry.attacks, the attacks query's parameter).
ATTACK_ROLES = {
    "Place": [("on", "place"), ("by", "actor")],
    "Organization": [("by", "actor")],
    "Weapon": [("with", "weapon")],
}
_ROLE_TITLE = {"on": "attacks on it", "by": "attacks by it", "with": "attacks with it"}


@dataclass
class Entry:
    """Everything lookup shows about one entity."""

    iri: str
    label: str
    type: str
    classes: list[str] = field(default_factory=list)
    matched: str = ""
    score: float = 0.0
    aliases: list[str] = field(default_factory=list)
    identifiers: dict[str, str] = field(default_factory=dict)  # {"geonames": url, "wikidata": url}
    same_as: list[str] = field(default_factory=list)
    description: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    mentions: int = 0
    articles: int = 0
    first_seen: str | None = None
    last_seen: str | None = None
    top_articles: list[dict[str, Any]] = field(default_factory=list)
    co_mentioned: list[dict[str, Any]] = field(default_factory=list)
    example: dict[str, Any] | None = None
    # per role ("on" a place, "by" an attacker, "with" a weapon): totals and the latest attacks
    attacks: dict[str, dict[str, Any]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Lookup:
    text: str
    matches: list[Entry]
    suggestions: list[Candidate]


def _one(store: ox.Store, file: str, entity: str) -> kq.Result:
    q = kq.load_file(SPARQL_DIR / file)
    q.params.append(kq.Param("entity", "iri"))
    return kq.run(store, q, {"entity": entity})


def newest_articles(store: ox.Store, entity: str, top: int) -> list[dict[str, Any]]:
    """The first ``top`` rows of the shipped articles-mentioning query for ``entity``, read
    for the ``top`` newest articles only: lookup-articles.rq orders the articles as that
    query orders its rows, lookup-article.rq reads one article's row."""
    q = kq.load_file(SPARQL_DIR / "lookup-articles.rq")
    q.params.append(kq.Param("entity", "iri"))
    newest = [r["article"] for r in kq.records(kq.run(store, q, {"entity": entity}, limit=top))]
    one = kq.load_file(SPARQL_DIR / "lookup-article.rq")
    one.params += [kq.Param("entity", "iri"), kq.Param("article", "iri")]
    rows = [r for a in newest for r in kq.records(kq.run(store, one, {"entity": entity, "article": a}))]
    return rows[:top]


_RDF_TYPE = ox.NamedNode(RDF + "type")
_RDFS_LABEL = ox.NamedNode(RDFS + "label")
_TOP_TYPES = {ox.NamedNode(iri) for iri in TOP_CLASS.values()}


def co_mentioned(store: ox.Store, entity: str, top: int) -> list[dict[str, Any]]:
    """The first ``top`` rows of the shipped co-mentioned query for ``entity`` (no class
    given), worked out for the rows shown only: on a 10k-article store the query takes
    0.29 CPU s for Kyiv, this 0.17 (tests/test_lookup.py checks that the rows are the
    query's).

    lookup-co-mentioned.rq gives the counts, ranked as the query ranks its rows; the
    label and type, which only break ties and are shown, are read for the entities that
    can be among the first ``top`` rows: the first ``top`` and every one tied with the
    last of them. Each makes as many rows as the query's OPTIONALs make over the union
    of the graphs: one per top-type quad and label quad (two labels, two rows)."""
    if top <= 0:
        return []
    q = kq.load_file(SPARQL_DIR / "lookup-co-mentioned.rq")
    q.params.append(kq.Param("entity", "iri"))
    limit = 4 * top
    while True:  # the rows tied with the last one shown, however many
        counts = [(other, int(n.value), int(a.value)) for other, n, a in kq.run(store, q, {"entity": entity}, limit=limit).rows]
        if len(counts) <= top or len(counts) < limit or counts[-1][1:] != counts[top - 1][1:]:
            break
        limit *= 4
    candidates = [c for c in counts if c[1:] >= counts[top - 1][1:]] if len(counts) > top else counts
    rows = []
    for other, sentences, articles in candidates:
        types: list[ox.NamedNode] = []
        labels: list[str] = []
        if not isinstance(other, ox.Literal):  # a literal mentioned (not kg's doing) is no subject
            types = [t.object for t in store.quads_for_pattern(other, _RDF_TYPE, None, None) if t.object in _TOP_TYPES]
            labels = [t.object.value for t in store.quads_for_pattern(other, _RDFS_LABEL, None, None)]
        for t in types or [None]:
            for label in labels or [None]:
                rows.append({"label": label, "type": re.sub(r"^.*[/#]", "", t.value) if t else "",
                             "sentences": sentences, "articles": articles, "other": other.value})
    # ORDER BY DESC(?sentences) DESC(?articles) ?label: an unbound label first (the IRI,
    # then the type, only fix the order of the rows the query leaves unordered).
    rows.sort(key=lambda r: (-r["sentences"], -r["articles"], r["label"] is not None, r["label"] or "", r["other"], r["type"]))
    return rows[:top]


def details(store: ox.Store, candidate: Candidate, top: int = 5) -> Entry:
    """Gather what lookup shows about one matched entity."""
    e = Entry(candidate.entity, candidate.label, candidate.type, matched=candidate.name, score=candidate.score)
    labels: list[str] = []
    for p, o in _one(store, "entity-facts.rq", e.iri).rows:
        pv = p.value
        if pv == RDF + "type" and o.value.startswith(KG) and o.value != TOP_CLASS["Weapon"]:
            e.classes.append(o.value[len(KG):])
        elif pv == RDFS + "label":
            labels.append(o.value)
        elif pv == SKOS + "altLabel":
            e.aliases.append(o.value)
        elif pv == OWL + "sameAs":
            e.same_as.append(o.value)
            if o.value.startswith(GEONAMES):
                e.identifiers["geonames"] = o.value
            elif o.value.startswith(WIKIDATA):
                e.identifiers["wikidata"] = o.value
        elif pv == SCHEMA + "description":
            e.description = o.value
        elif pv == KG + "countryCode":
            e.country = o.value
        elif pv == GEO + "lat":
            e.lat = float(o.value)
        elif pv == GEO + "long":
            e.lon = float(o.value)
    e.classes = sorted(set(e.classes))
    e.same_as = sorted(set(e.same_as))
    # Case apart, the same letters: the order of the store's answer would decide ("Kiev" / "KIEV").
    e.aliases = sorted({a for a in e.aliases if a not in labels and a != e.label}, key=lambda a: (a.casefold(), a))
    counts = list(kq.records(_one(store, "entity-counts.rq", e.iri)))
    if counts:
        c = counts[0]
        e.mentions, e.articles = c.get("mentions") or 0, c.get("articles") or 0
        e.first_seen, e.last_seen = c.get("first"), c.get("last")
    e.top_articles = [
        {k: r.get(k) for k in ("date", "outlet", "headline", "url", "mentions")}
        for r in newest_articles(store, e.iri, top)
    ]
    e.co_mentioned = co_mentioned(store, e.iri, top)
    example = list(kq.records(_one(store, "entity-example.rq", e.iri)))
    if example:
        e.example = {k: example[0].get(k) for k in ("sentence", "form", "article")}
    for role, param in ATTACK_ROLES.get(e.type, []):
        e.attacks[role] = attack_summary(store, param, e.iri, top)
    return e


def attack_summary(store: ox.Store, param: str, iri: str, top: int = SHOWN_ATTACKS) -> dict[str, Any]:
    """How many attacks (incidents) there are with ``param`` ("place", "actor" or
    "weapon") bound to ``iri``, killed and injured in them, the first and last day, and
    the ``top`` latest with their labels (read for those only: a country may have
    thousands)."""
    role = {"place": "on", "actor": "by", "weapon": "with"}[param]
    # A country's places are also those with its code: a costlier query, for countries only.
    country = param == "place" and any(True for _ in store.quads_for_pattern(ox.NamedNode(iri), ox.NamedNode(RDF + "type"), ox.NamedNode(KG + "Country"), None))
    q = kq.load_file(SPARQL_DIR / f"lookup-attacks-{role}{'-country' if country else ''}.rq")
    q.params.append(kq.Param(param, "iri"))
    rows = list(kq.records(kq.run(store, q, {param: iri})))
    dates = sorted(r["date"] for r in rows if r.get("date"))
    labels: dict[str, str] = {}

    def label(entity: str | None) -> str | None:
        if entity is None:
            return None
        if entity not in labels:
            found = list(kq.records(_one(store, "entity-label.rq", entity)))
            labels[entity] = (found[0].get("label") if found else None) or entity.rsplit("/", 1)[-1]
        return labels[entity]

    latest = []
    for r in rows[:top]:
        weapons = [str(label(w["weapon"])) for w in kq.records(_incident(store, r["incident"]))]
        latest.append({
            "date": r.get("date"), "location": label(r.get("locationEntity")), "attacker": label(r.get("attackerEntity")),
            "weapons": ", ".join(sorted(weapons, key=str.casefold)) or None, "killed": r.get("killed"),
            "injured": r.get("injured"), "reports": r.get("reports"), "incident": r["incident"],
        })
    return {
        "attacks": len(rows),
        "killed": sum(r.get("killed") or 0 for r in rows),
        "injured": sum(r.get("injured") or 0 for r in rows),
        "first": dates[0] if dates else None,
        "last": dates[-1] if dates else None,
        "latest": latest,
    }


def _incident(store: ox.Store, incident: str) -> kq.Result:
    q = kq.load_file(SPARQL_DIR / "incident-weapons.rq")
    q.params.append(kq.Param("incident", "iri"))
    return kq.run(store, q, {"incident": incident})


def lookup(
    store: ox.Store,
    text: str,
    types: set[str] | None = None,
    limit: int = 3,
    index: NameIndex | None = None,
) -> Lookup:
    """The best matches for ``text`` (at most ``limit``), with details, or suggestions when none."""
    index = index or NameIndex.from_store(store)
    found = index.search(text, types)
    matches = [c for c in found if c.score >= MATCH]
    if matches:
        best = matches[0].score
        chosen = [c for c in matches if c.score >= best - NEAR_BEST][: max(limit, 1)]
        return Lookup(text, [details(store, c) for c in chosen], [])
    return Lookup(text, [], found[:5])


def render(e: Entry) -> str:
    """A few lines about one entity, for a terminal."""
    kind = e.type + (f" · {', '.join(e.classes)}" if e.classes else "")
    head = f"{e.label}  ({kind})"
    if e.matched and e.matched != e.label:
        head += f'  matched "{e.matched}"'
    lines = [head, f"  {'IRI':<15} {e.iri}"]
    names = {"geonames": "GeoNames", "wikidata": "Wikidata"}
    for key, url in sorted(e.identifiers.items()):
        lines.append(f"  {names.get(key, key):<15} {url}")
    if e.description:
        lines.append(f"  {'description':<15} {e.description}")
    if e.aliases:
        shown = ", ".join(e.aliases[:SHOWN_ALIASES])
        more = len(e.aliases) - SHOWN_ALIASES
        lines.append(f"  {'aliases':<15} {shown}" + (f" (+{more} more; --json lists all)" if more > 0 else ""))
    if e.lat is not None and e.lon is not None:
        lines.append(f"  {'coordinates':<15} {e.lat:.5f}, {e.lon:.5f}")
    seen = f"{plural(e.mentions, 'mention')} in {plural(e.articles, 'article')}"
    if e.first_seen:
        seen += f", {e.first_seen} … {e.last_seen}" if e.last_seen != e.first_seen else f", {e.first_seen}"
    lines.append(f"  {'seen':<15} {seen}")
    for i, a in enumerate(e.top_articles):
        label = "articles" if i == 0 else ""
        lines.append(f"  {label:<15} {a.get('date') or '----------'}  {a.get('outlet') or '?'}  {a.get('headline') or a.get('url') or ''}")
    if e.co_mentioned:
        with_ = "; ".join(f"{c['label']} ({c['type']}, {c['sentences']} sent., {c['articles']} art.)" for c in e.co_mentioned)
        lines.append(f"  {'mentioned with':<15} {with_}")
    if e.example:
        x = e.example
        lines.append(f"  {'example':<15} “{' '.join(str(x['sentence']).split())}”")
    for role, summary in e.attacks.items():
        if summary["attacks"]:  # --json has the empty ones too
            lines += _render_attacks(_ROLE_TITLE[role], summary)
    return "\n".join(lines)


def _render_attacks(title: str, s: dict[str, Any]) -> list[str]:
    """A total line, then one line per attack: date, place, attacker, weapons, figures."""
    n = s["attacks"]
    head = plural(n, "attack")
    if n:
        head += f" ({s['killed']} killed, {s['injured']} injured)"
        if s["first"]:
            head += f", {s['first']} … {s['last']}" if s["last"] != s["first"] else f", {s['first']}"
    lines = [f"  {title:<15} {head}"]
    for a in s["latest"]:
        parts = [a.get("date") or "(no date)", a.get("location") or "(no place)"]
        if a.get("attacker"):
            parts.append(f"by {a['attacker']}")
        if a.get("weapons"):
            parts.append(f"with {a['weapons']}")
        figures = [f"{a[k]} {k}" for k in ("killed", "injured") if a.get(k) is not None]
        if figures:
            parts.append(", ".join(figures))
        if (a.get("reports") or 1) > 1:
            parts.append(f"({a['reports']} reports)")
        lines.append(f"  {'':<15} " + "  ".join(parts))
    if n > len(s["latest"]):
        lines.append(f"  {'':<15} … {n - len(s['latest'])} more (kg query attacks lists them all)")
    return lines
