"""kg installs like any Python package: the ontology and the query library travel
inside the built package, and ``python -m kg`` is the command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kg import resources

ROOT = Path(__file__).resolve().parent.parent


def test_python_m_kg_runs_from_any_folder(tmp_path):
    done = subprocess.run([sys.executable, "-m", "kg", "--version"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("kg, version ")


def test_build_copies_ontology_and_queries_into_the_package(tmp_path):
    """What setup.py's build step puts in build/lib is what a wheel ships."""
    build = tmp_path / "lib"
    done = subprocess.run(
        [sys.executable, "setup.py", "-q", "build_py", "--build-lib", str(build)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    package = build / "kg"
    for name in ("kg.ttl", "shapes.ttl"):
        assert (package / "ontology" / name).read_bytes() == (ROOT / "ontology" / name).read_bytes()
    shipped = sorted(p.name for p in (package / "queries").glob("*.rq"))
    assert shipped == sorted(p.name for p in (ROOT / "queries").glob("*.rq")) and shipped
    assert sorted(p.name for p in (package / "sparql").glob("*.rq")) == sorted(p.name for p in resources.SPARQL_DIR.glob("*.rq"))
    # The installed package's copy is the one kg reads, whatever sits beside it.
    assert resources.shipped_folder("ontology", package=package, root=tmp_path) == package / "ontology"


def test_source_tree_folders_are_read_without_a_build(tmp_path):
    assert resources.shipped_folder("queries", package=tmp_path / "kg", root=ROOT) == ROOT / "queries"
    assert (resources.ONTOLOGY_DIR / "kg.ttl").is_file()
    assert any(resources.QUERIES_DIR.glob("*.rq"))
