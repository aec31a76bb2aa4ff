"""Where the project's data files are: the ontology, the query library, internal SPARQL.

``ontology/`` and ``queries/`` live at the top of the repository. A built package
(a wheel, ``pip install .``) carries copies of them inside ``kg/`` (setup.py puts
them there); an editable install or a source checkout reads the top-level folders.
The copy inside the package wins, so an installed kg never reads whatever folder
happens to sit beside site-packages.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent


def shipped_folder(name: str, package: Path = PACKAGE, root: Path = ROOT) -> Path:
    """The folder ``name`` inside the installed package, else in the source tree."""
    inside = package / name
    return inside if inside.is_dir() else root / name


ONTOLOGY_DIR = shipped_folder("ontology")
QUERIES_DIR = shipped_folder("queries")
SPARQL_DIR = PACKAGE / "sparql"


def sparql(name: str) -> str:
    """An internal query of kg's own (kg/sparql/NAME.rq)."""
    return (SPARQL_DIR / f"{name}.rq").read_text(encoding="utf-8")
