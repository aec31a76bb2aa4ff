"""Namespaces and the IRIs the store uses (see shared/rdf-contract.md)."""

from __future__ import annotations

import os

KG = "https://w3id.org/newskg/ontology#"
SCHEMA = "https://schema.org/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
ITSRDF = "http://www.w3.org/2005/11/its/rdf#"
GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"

GEONAMES = "https://sws.geonames.org/"
WIKIDATA = "http://www.wikidata.org/entity/"

PREFIXES = {
    "kg": KG,
    "schema": SCHEMA,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "skos": SKOS,
    "xsd": XSD,
    "prov": PROV,
    "dct": DCT,
    "nif": NIF,
    "itsrdf": ITSRDF,
    "geo": GEO,
}

# Instance IRIs live under this base; KG_BASE overrides it for a whole installation.
DEFAULT_BASE = "https://w3id.org/newskg/"

TOP_CLASS = {
    "Person": SCHEMA + "Person",
    "Place": SCHEMA + "Place",
    "Organization": SCHEMA + "Organization",
    "Weapon": KG + "Weapon",
}


def base_iri() -> str:
    base = os.environ.get("KG_BASE", DEFAULT_BASE)
    return base if base.endswith(("/", "#")) else base + "/"
