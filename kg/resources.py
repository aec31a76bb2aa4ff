"""Where the project's data files are: the ontology, the query library, internal SPARQL."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = ROOT / "ontology"
QUERIES_DIR = ROOT / "queries"
SPARQL_DIR = Path(__file__).resolve().parent / "sparql"


def sparql(name: str) -> str:
    """An internal query of kg's own (kg/sparql/NAME.rq)."""
    return (SPARQL_DIR / f"{name}.rq").read_text(encoding="utf-8")
