"""kg.guard: a query too deep, too long or naming a remote service never reaches Oxigraph.

Before the guard, 5,000 nested braces segfaulted `kg query` (Oxigraph's parser ran out
of stack) and a SERVICE made the engine fetch the URL it names.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from kg import guard
from kg import query as kq
from kg.errors import QueryError


def test_every_shipped_and_internal_query_passes():
    from kg.resources import QUERIES_DIR, SPARQL_DIR

    paths = sorted(QUERIES_DIR.glob("*.rq")) + sorted(SPARQL_DIR.glob("*.rq"))
    assert len(paths) > 20
    for path in paths:
        guard.check(path.read_text(encoding="utf-8"), path.name)


@pytest.mark.parametrize("text, message", [
    ("SELECT * WHERE " + "{" * 5000 + "}" * 5000, "nests 5,000 levels deep"),
    ("SELECT * WHERE { FILTER(" + "(" * 150 + "1" + ")" * 150 + ") }", "nests 15"),
    ("SELECT * WHERE { FILTER(" + "!" * 10000 + "true) }", "levels deep"),
    ("SELECT * WHERE { BIND(" + "-" * 500 + "1 AS ?x) }", "levels deep"),
    ("SELECT * WHERE { FILTER(" + " && ".join(["true"] * 6000) + ") }", "tokens; kg accepts at most 10,000"),
    ("SELECT * WHERE { " + " UNION ".join(["{?s ?p ?o}"] * 3000) + " }", "tokens"),
    ("SELECT * WHERE { ?s ?p ?o } #" + "x" * 1_000_001, "characters long"),
])
def test_too_deep_or_too_long_is_refused_with_the_reason(text, message):
    with pytest.raises(QueryError, match=message):
        guard.check(text)


def test_what_looks_like_nesting_inside_strings_iris_and_comments_does_not_count():
    deep = "{" * 500
    guard.check(f'SELECT * WHERE {{ ?s ?p "{deep}" . ?s ?p """{deep}""" }} # {deep}\n')
    guard.check("SELECT * WHERE { ?s <http://example.org/a-b-c-d-e-f> ?o FILTER(?o < 3 && ?o > -1) }")


@pytest.mark.parametrize("text", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9999/sparql> { ?s ?p ?o } }",
    "select * where { service silent <http://example.org/> { ?s ?p ?o } }",
    "INSERT { ?s ?p ?o } WHERE { SERVICE <http://x/> { ?s ?p ?o } }",
    "LOAD <http://example.org/data.ttl>",
])
def test_federation_is_refused_unless_allowed(text):
    with pytest.raises(QueryError, match="would fetch a remote URL"):
        guard.check(text)
    guard.check(text, allow_federation=True)


def test_the_word_service_as_data_is_no_federation():
    guard.check('SELECT ?service WHERE { ?service <http://schema.org/name> "SERVICE" . ?x ex:SERVICE ?y }')


def test_kg_query_refuses_deep_nesting_instead_of_crashing(seed_store, tmp_path):
    deep = tmp_path / "deep.rq"
    deep.write_text("SELECT * WHERE " + "{" * 5000 + "}" * 5000, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "kg", "--store", str(seed_store), "query", str(deep)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stderr
    assert "deep: the query nests 5,000 levels deep" in run.stderr and "Traceback" not in run.stderr


def test_kg_query_refuses_service(seed_store):
    q = kq.Query("remote", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    from kg.store import open_store

    with pytest.raises(QueryError, match="remote: the query uses SERVICE"):
        kq.run(open_store(seed_store, read_only=True), q)
