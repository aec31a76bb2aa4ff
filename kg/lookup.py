"""Find entities by name, tolerant of case, accents, transliteration and typos.

All the store's names (labels and aliases) are fetched in one query and matched in
memory with rapidfuzz; details are fetched only for the matches shown. Text from the
user never enters SPARQL: the chosen entity is bound as an IRI term.

For places, attackers and weapons, lookup also shows the attacks (incidents, each
counted once however many articles report it) on the place and every place within it,
by the attacker, or with the weapon, read with the shipped ``attacks`` query.
"""

from __future__ import annotations

import os
import pickle
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rapidfuzz import fuzz, process

from kg import query as kq
from kg.about import __version__
from kg.errors import QueryError
from kg.resources import SPARQL_DIR
from kg.vocab import GEO, GEONAMES, KG, OWL, RDF, RDFS, SCHEMA, SKOS, TOP_CLASS, WIKIDATA

MATCH = 80.0  # a name scoring this much (0-100) is a match
SUGGEST = 55.0  # below a match, this much makes a "did you mean" suggestion
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
PART_PENALTY = 0.92  # a match on one word of a name ("Terekhov") counts a little less

_TYPE_OF = {iri: short for short, iri in TOP_CLASS.items()}

# Ukrainian and Russian Cyrillic to Latin, so "Харків" meets "Kharkiv".
_CYRILLIC = dict(
    zip(
        "абвгґдеєжзиіїйклмнопрстуфхцчшщъыьэюяё",
        "a b v h g d e ye zh z y i yi y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya e".split(),
    )
)
_CYRILLIC["г"] = "g"  # Russian; Ukrainian г also reads as "h", the skeleton joins both
_CYRILLIC["ъ"] = _CYRILLIC["ь"] = ""

# Spelling variants that transliterations and typists disagree on, folded to one form.
_SKELETON = [
    (r"shch|sch", "sc"),
    (r"kh|ch|h", "h"),
    (r"(?<=[^aeiou ])(iy|yy|ij|ii|y)(?=\b)", "i"),  # -skiy / -skyy / -skij / -ski
    (r"zh|j", "z"),
    (r"ts|tz|cz", "c"),
    (r"ph", "f"),
    (r"w", "v"),
    (r"ck|q|k", "c"),
    (r"iy|yi|ye|ie|ya|ia|yu|iu|y", "i"),
    (r"ou", "u"),
    (r"(\w)\1+", r"\1"),  # doubled letters
]


def normalise(text: str) -> str:
    """Lower case, accents removed, Cyrillic transliterated, punctuation to spaces."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(_CYRILLIC.get(c, c) for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^\w]+|_", " ", text)
    return " ".join(text.split())


def skeleton(text: str) -> str:
    """A coarse key where common transliteration variants coincide (Kharkov ~ Charkow).

    Looser on purpose than kg.kb.base.skeleton, which the linker uses: a person typing
    a lookup wants recall and sees the candidates; the linker must not guess."""
    s = normalise(text)
    for pattern, repl in _SKELETON:
        s = re.sub(pattern, repl, s)
    return s


@dataclass
class Candidate:
    entity: str
    type: str
    name: str  # the label or alias that matched best
    label: str
    score: float


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


class NameIndex:
    """The store's names, ready for fuzzy matching."""

    def __init__(self, rows: list[tuple[str, str, str, bool]]):
        # rows: (entity IRI, top type, name, is preferred label)
        self.label: dict[str, str] = {}
        self.type: dict[str, str] = {}
        keys: list[str] = []
        skels: list[str] = []
        owners: list[tuple[str, str, float]] = []  # (entity, name, weight) per key
        seen: set[tuple[str, str, str]] = set()
        for entity, typ, name, preferred in rows:
            self.type.setdefault(entity, typ)
            if preferred:
                self.label.setdefault(entity, name)
            norm = normalise(name)
            if not norm:
                continue
            variants = [(norm, 1.0)]
            words = norm.split()
            if len(words) > 1:
                variants += [(w, PART_PENALTY) for w in words if len(w) >= 4]
            for key, weight in variants:
                if (entity, key, name) in seen:
                    continue
                seen.add((entity, key, name))
                keys.append(key)
                skels.append(skeleton(key))
                owners.append((entity, name, weight))
        for entity, _, name, _ in rows:
            self.label.setdefault(entity, name)
        self.keys, self.skels, self.owners = keys, skels, owners

    @classmethod
    def from_store(cls, store: ox.Store) -> NameIndex:
        q = kq.load_file(SPARQL_DIR / "lookup-names.rq")
        result = kq.run(store, q)
        rows = []
        for entity, top, name, preferred in result.rows:
            rows.append((entity.value, _TYPE_OF.get(top.value, ""), name.value, preferred.value == "true"))
        return cls(rows)

    def search(self, text: str, types: set[str] | None = None, cutoff: float = SUGGEST) -> list[Candidate]:
        """Entities whose names come near ``text``, best first (one per entity)."""
        q = normalise(text)
        if not q:
            return []
        qs = skeleton(q)
        best: dict[str, tuple[float, str]] = {}

        def consider(hits: list[tuple[str, float, int]], bonus: float) -> None:
            for _, score, i in hits:
                entity, name, weight = self.owners[i]
                if types and self.type.get(entity) not in types:
                    continue
                s = score * weight * bonus
                old, old_name = best.get(entity, (-1.0, ""))
                # On a tie, the preferred label is the better name to show as matched.
                if s > old or (s == old and name == self.label.get(entity) != old_name):
                    best[entity] = (s, name)

        limit = 200
        consider(process.extract(q, self.keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit), 1.0)
        # Skeleton matches tell transliteration variants apart from typos: a little below exact.
        consider(process.extract(qs, self.skels, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit), 0.97)
        # Words in another order ("Nebenzya Vasily"), a little below a match as written.
        if " " in q:
            consider(process.extract(q, self.keys, scorer=fuzz.token_sort_ratio, score_cutoff=cutoff, limit=limit), 0.95)
        found = [
            Candidate(e, self.type.get(e, ""), name, self.label.get(e, name), round(s, 1)) for e, (s, name) in best.items()
        ]
        # Prefer the higher score, then a match on the preferred label, then the shorter label.
        found.sort(key=lambda c: (-c.score, c.name != c.label, len(c.label), c.label))
        return found


def _one(store: ox.Store, file: str, entity: str) -> kq.Result:
    q = kq.load_file(SPARQL_DIR / file)
    q.params.append(kq.Param("entity", "iri"))
    return kq.run(store, q, {"entity": entity})


def _shipped(store: ox.Store, name: str, entity: str, limit: int) -> list[dict[str, Any]]:
    return list(kq.records(kq.run(store, kq.shipped()[name], {"entity": entity}, limit=limit)))


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
    e.aliases = sorted({a for a in e.aliases if a not in labels and a != e.label}, key=str.casefold)
    counts = list(kq.records(_one(store, "entity-counts.rq", e.iri)))
    if counts:
        c = counts[0]
        e.mentions, e.articles = c.get("mentions") or 0, c.get("articles") or 0
        e.first_seen, e.last_seen = c.get("first"), c.get("last")
    e.top_articles = [
        {k: r.get(k) for k in ("date", "outlet", "headline", "url", "mentions")}
        for r in _shipped(store, "articles-mentioning", e.iri, top)
    ]
    e.co_mentioned = [
        {k: r.get(k) for k in ("label", "type", "sentences", "articles", "other")}
        for r in _shipped(store, "co-mentioned", e.iri, top)
    ]
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
    q = kq.load_file(SPARQL_DIR / f"lookup-attacks-{role}.rq")
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


INDEX_CACHE = "kg-lookup-names.pickle"
GENERATION = "kg-generation"


def name_index(store: ox.Store, folder: str | Path | None = None) -> NameIndex:
    """The store's name index, kept in the store's folder and reused until the store
    changes (a new ingest, or a different number of article graphs)."""
    if folder is None:
        return NameIndex.from_store(store)
    folder = Path(folder)
    generation = (folder / GENERATION).read_text() if (folder / GENERATION).exists() else ""
    key = (__version__, generation, sum(1 for _ in store.named_graphs()))
    cache = folder / INDEX_CACHE
    try:
        with open(cache, "rb") as f:
            cached_key, index = pickle.load(f)
        if cached_key == key:
            return index
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, AttributeError):
        pass
    index = NameIndex.from_store(store)
    try:
        tmp = cache.with_suffix(f".tmp{os.getpid()}")
        with open(tmp, "wb") as f:
            pickle.dump((key, index), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
    except OSError:
        pass  # a store we may not write to: no cache, same answers
    return index


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


def resolve(store: ox.Store, text: str, folder: str | Path | None = None, types: set[str] | None = None) -> str:
    """The IRI of the entity ``text`` names best (among ``types`` when given); QueryError when none does."""
    found = name_index(store, folder).search(text, types)
    if found and found[0].score >= MATCH:
        return found[0].entity
    hint = ", ".join(f"{c.label!r}" for c in found[:5])
    what = "entity" if not types else " or ".join(sorted(t.lower() for t in types))
    raise QueryError(f"no {what} named {text!r} in the store" + (f"; did you mean {hint}?" if hint else ""))


def kb_place(text: str, folder: str | Path | None = None) -> str | None:
    """The IRI of the knowledge-base place ``text`` names, or None.

    For a place parameter the store does not know by name: articles may name Kharkiv and
    Kyiv but never Ukraine, and the store still ties both to Ukraine's IRI (kg:partOf,
    kg:countryCode), so ``place=Ukraine`` must find them."""
    from kg.kb import load_kb  # the knowledge base loads in about a second: only when needed
    from kg.link import entity_iri

    kb = load_kb(folder)
    places = [c.entry for c in kb.candidates(text) if c.entry.type == "Place"]
    if not places and kb.gazetteer is not None:  # an administrative area ("Kayes region")
        places = [h.entry for h in kb.gazetteer.lookup(text) if h.entry.classes[0] in ("Region", "District")]
    best = max(places, key=lambda e: (e.prior, e.id), default=None)
    return entity_iri(best.id, best.type, best.label) if best else None


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
    seen = f"{e.mentions} mention{'s' * (e.mentions != 1)} in {e.articles} article{'s' * (e.articles != 1)}"
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
    head = f"{n} attack{'s' * (n != 1)}"
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
