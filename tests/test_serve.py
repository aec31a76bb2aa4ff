"""kg serve: the Oxigraph server answers SPARQL over HTTP on the loopback address,
behind kg's guard (limits, no SERVICE, a real timeout), and never outlives kg."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import serve as ks
from kg.errors import KGError, StoreError

COUNT_ARTICLES = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://schema.org/NewsArticle> }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def test_command_is_read_only_on_loopback_by_default(tmp_path):
    args = ks.command(tmp_path, 7999)
    assert args[1] == "serve-read-only" and "127.0.0.1:7999" in args and "--union-default-graph" in args
    assert ks.command(tmp_path, 7999, read_write=True)[1] == "serve"


def test_no_store_no_server(tmp_path):
    with pytest.raises(StoreError, match="no kg store"):
        ks.start(tmp_path / "missing", ks.free_port())


def post(port: int, sparql: str, path: str = "/query", kind: str = "form", timeout: float = 30) -> tuple[int, str]:
    if kind == "form":
        data, ctype = urllib.parse.urlencode({path.strip("/"): sparql}).encode(), "application/x-www-form-urlencoded"
    else:
        data, ctype = sparql.encode(), f"application/sparql-{path.strip('/')}"
    request = urllib.request.Request(f"http://{ks.HOST}:{port}{path}", data=data, method="POST",
                                     headers={"Content-Type": ctype, "Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8")


def count(port: int) -> str:
    return ks.ask(port, COUNT_ARTICLES)["results"]["bindings"][0]["n"]["value"]


@pytest.mark.slow
def test_serve_answers_a_query_over_http_and_refuses_updates(seed_store):
    port = ks.free_port()
    server = ks.start(seed_store, port)
    try:
        assert count(port) == "3"  # the union of the article graphs
        labels = ks.ask(port, 'SELECT ?e WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> "Kharkiv"@en }')
        assert {b["e"]["value"] for b in labels["results"]["bindings"]} == {"https://w3id.org/newskg/entity/gn/706483"}
        assert post(port, "DROP ALL", "/update", kind="direct")[0] == 403
        assert post(port, "DROP ALL", "/update")[0] == 403
        assert ks.ask(port, "ASK { ?s ?p ?o }")["boolean"] is True
        assert post(port, "ASK { ?s ?p ?o }", kind="direct")[0] == 200
        with urllib.request.urlopen(f"http://{ks.HOST}:{port}/", timeout=10) as page:  # the query editor
            assert b"<html" in page.read().lower()
        proc = server.child.proc
    finally:
        server.stop()
    assert proc.poll() is not None


@pytest.mark.slow
def test_deep_nesting_is_refused_and_the_server_lives_on(seed_store):
    port = ks.free_port()
    server = ks.start(seed_store, port)
    try:
        deep = "SELECT * WHERE " + "{" * 5000 + "}" * 5000  # killed the Oxigraph server
        for kind in ("form", "direct"):
            status, text = post(port, deep, kind=kind)
            assert status == 400 and "nests 5,000 levels deep" in text
        status, text = post(port, "SELECT * WHERE { FILTER(" + "!" * 10000 + "true) }")
        assert status == 400
        assert server.child.alive() and count(port) == "3"
    finally:
        server.stop()


@pytest.mark.slow
def test_service_is_refused_and_nothing_is_fetched(seed_store):
    listener = socket.socket()
    listener.bind((ks.HOST, 0))
    listener.listen(1)
    listener.settimeout(1.5)
    target = f"http://{ks.HOST}:{listener.getsockname()[1]}/sparql"
    port = ks.free_port()
    server = ks.start(seed_store, port)
    try:
        status, text = post(port, f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}")
        assert status == 400 and "uses SERVICE" in text and "--allow-federation" in text
        url = ks.endpoint(port) + "?" + urllib.parse.urlencode({"query": f"ASK {{ SERVICE <{target}> {{ }} }}"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(url, timeout=10)
        assert refused.value.code == 400
        with pytest.raises(TimeoutError):
            listener.accept()  # no request reached the "internal" address
    finally:
        server.stop()
        listener.close()


def serve(store: Path, port: int, *options: str) -> subprocess.Popen:
    """`kg serve` in a process of its own, once it answers."""
    proc = subprocess.Popen([sys.executable, "-m", "kg", "--store", str(store), "serve", "--port", str(port), *options],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            ks.ask(port, "ASK { }", timeout=1)
            return proc
        except (OSError, urllib.error.URLError):
            time.sleep(0.1)
    proc.kill()
    raise AssertionError(f"kg serve did not answer: {proc.communicate()[1]}")


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def gone(pid: int, within: float = 10) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
            stat = Path(f"/proc/{pid}/stat").read_text()
            if stat.split(")")[1].split()[0] == "Z":
                return True
        except (ProcessLookupError, FileNotFoundError):
            return True
        time.sleep(0.1)
    return False


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_sigkill_of_kg_serve_takes_the_oxigraph_child_along(seed_store):
    proc = serve(seed_store, ks.free_port())
    kids = children(proc.pid)
    assert kids, "kg serve runs the Oxigraph server as its child"
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=10)
    assert all(gone(k) for k in kids)


@pytest.mark.slow
def test_a_busy_port_is_one_line_and_a_failure(seed_store):
    with socket.socket() as taken:
        taken.bind((ks.HOST, 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        run = subprocess.run([sys.executable, "-m", "kg", "--store", str(seed_store), "serve", "--port", str(port)],
                             capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert run.stderr.strip().splitlines() == [
        f"Error: cannot listen on 127.0.0.1:{port}: Address already in use "
        "(is another server running there? choose another port with --port)"]
    with pytest.raises(KGError, match="cannot listen"):
        _busy(seed_store)


def _busy(store: Path) -> None:
    with socket.socket() as taken:
        taken.bind((ks.HOST, 0))
        taken.listen(1)
        ks.start(store, taken.getsockname()[1])


@pytest.mark.slow
def test_timeout_stops_a_slow_query_and_the_server_goes_on(seed_store):
    port = ks.free_port()
    proc = serve(seed_store, port, "--timeout", "1")
    try:
        first = children(proc.pid)
        started = time.monotonic()
        status, text = post(port, SLOW)
        assert status == 503 and "longer than 1 s" in text
        assert time.monotonic() - started < 5
        assert all(gone(k) for k in first)  # the evaluation was stopped, not left running
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                assert count(port) == "3"
                break
            except (OSError, urllib.error.URLError):
                time.sleep(0.2)
        else:
            raise AssertionError("the server did not come back after the timeout")
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=20)
    assert "a query ran past 1 s and was stopped" in err
    assert proc.returncode == 0


@pytest.mark.slow
def test_a_new_ingest_is_served_without_a_restart(seed_store, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(seed_store, store)
    port = ks.free_port()
    proc = serve(store, port)
    try:
        assert count(port) == "3"
        writer = ox.Store(str(store))  # the read-only server holds no lock: as `kg ingest` would
        g = ox.NamedNode("https://w3id.org/newskg/article/test-new")
        writer.add(ox.Quad(g, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                           ox.NamedNode("https://schema.org/NewsArticle"), g))
        writer.flush()
        del writer
        from kg.ingest import mark_changed

        mark_changed(store)
        deadline = time.monotonic() + 20
        while count(port) != "4" and time.monotonic() < deadline:
            time.sleep(0.2)
        assert count(port) == "4"
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=20)
    assert "a new ingest is picked up by itself" in err and "the store changed (a new ingest): now serving it" in err


@pytest.mark.slow
def test_a_child_that_dies_is_replaced_and_said_so(seed_store):
    port = ks.free_port()
    proc = serve(seed_store, port)
    try:
        first = children(proc.pid)
        os.kill(first[0], signal.SIGKILL)  # as a crash would
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if count(port) == "3":
                    break
            except (OSError, urllib.error.URLError):
                time.sleep(0.2)
        assert count(port) == "3" and children(proc.pid) != first
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=20)
    assert "the Oxigraph server stopped unexpectedly (exit -9)" in err


@pytest.mark.slow
def test_read_write_updates_pass_the_same_checks(seed_store, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(seed_store, store)
    port = ks.free_port()
    server = ks.start(store, port, read_write=True)
    try:
        insert = ('INSERT DATA { GRAPH <https://w3id.org/newskg/article/x> { <https://w3id.org/newskg/article/x> '
                  'a <https://schema.org/NewsArticle> } }')
        before = ks.generation(store)
        assert post(port, insert, "/update", kind="direct")[0] in (200, 204)
        assert count(port) == "4"
        assert ks.generation(store) != before  # kg lookup's cached names are rebuilt next time
        status, text = post(port, "INSERT DATA " + "{" * 5000 + "}" * 5000, "/update")
        assert status == 400 and "the update nests 5,000 levels deep" in text
        status, text = post(port, "LOAD <http://127.0.0.1:9/data.ttl>", "/update")
        assert status == 400 and "uses LOAD" in text
        assert server.child.alive()
    finally:
        server.stop()
