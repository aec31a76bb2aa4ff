"""kg serve: the Oxigraph server answers SPARQL over HTTP on the loopback address."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from kg import serve as ks
from kg.errors import StoreError


def test_command_is_read_only_on_loopback_by_default(tmp_path):
    args = ks.command(tmp_path, 7999)
    assert args[1] == "serve-read-only" and "127.0.0.1:7999" in args and "--union-default-graph" in args
    assert ks.command(tmp_path, 7999, read_write=True)[1] == "serve"


def test_no_store_no_server(tmp_path):
    with pytest.raises(StoreError, match="no kg store"):
        ks.start(tmp_path / "missing", ks.free_port())


@pytest.mark.slow
def test_serve_answers_a_query_over_http_and_refuses_updates(seed_store):
    port = ks.free_port()
    proc = ks.start(seed_store, port)
    try:
        answer = ks.ask(port, "PREFIX schema: <https://schema.org/> "
                              "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle }")
        assert answer["results"]["bindings"][0]["n"]["value"] == "3"  # the union of the article graphs
        labels = ks.ask(port, 'SELECT ?e WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> "Kharkiv"@en }')
        assert {b["e"]["value"] for b in labels["results"]["bindings"]} == {"https://w3id.org/newskg/entity/gn/706483"}
        update = urllib.request.Request(
            f"http://{ks.HOST}:{port}/update", data=b"DROP ALL",
            headers={"Content-Type": "application/sparql-update"}, method="POST")
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(update, timeout=10)
        assert ks.ask(port, "ASK { ?s ?p ?o }")["boolean"] is True
    finally:
        ks.stop(proc)
    assert proc.poll() is not None
