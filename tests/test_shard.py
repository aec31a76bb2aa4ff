"""kg shard + kg load must build the store kg ingest builds, quad for quad; a re-run
resumes; temporary files are never shards; shards of another run are refused."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from conftest import SEEDS, variant_corpus

from kg.cli import cli
from kg.ingest import Ingester
from kg.recognise import DEFAULT_MODEL


def dump(store_dir: Path) -> list[str]:
    return sorted(str(q) for q in ox.Store.read_only(str(store_dir)))


def incident_quads(store_dir: Path) -> list[str]:
    from kg.store import incidents_graph

    return sorted(str(q) for q in ox.Store.read_only(str(store_dir)).quads_for_pattern(None, None, None, incidents_graph()))


def kg(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture(autouse=True)
def one_pipeline(monkeypatch, kb, nlp):
    """Each `kg shard` builds its processor; with the built-in knowledge base, give it the
    session's pipeline rather than load spaCy again (a user knowledge base still gets a
    pipeline of its own, its ruler knowing the user's names)."""
    import kg.pipeline

    real = kg.pipeline.build_recogniser
    monkeypatch.setattr(kg.pipeline, "build_recogniser", lambda k, *model: nlp if len(k) == len(kb) else real(k, *model))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return variant_corpus(tmp_path_factory.mktemp("shard-corpus"), 9)  # one URL twice


@pytest.fixture(scope="module")
def ingested(tmp_path_factory, kb, nlp, corpus) -> Path:
    """The reference: kg ingest of the seeds and the corpus."""
    store = tmp_path_factory.mktemp("ingested") / "store"
    ingester = Ingester(store, kb=kb, nlp=nlp)
    ingester.run([str(SEEDS), str(corpus)])
    del ingester
    return store


def test_shard_then_load_equals_ingest(tmp_path, corpus, ingested):
    out = tmp_path / "shards"
    said = kg("--store", str(tmp_path / "s"), "shard", str(SEEDS), str(corpus), "--out", str(out), "--shards", "3", "-j", "2")
    assert "3 shards" in said and "3 written" in said
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["run"]["kg_version"] and manifest["run"]["kb_digest"] and manifest["run"]["model"] == DEFAULT_MODEL and manifest["run"]["model_version"]
    assert sum(len(s["graphs"]) for s in manifest["shards"]) == 9  # ten articles, one replacing another
    # Standard N-Quads, readable by any RDF tool.
    for s in manifest["shards"]:
        quads = list(ox.parse(path=str(out / s["file"]), format=ox.RdfFormat.N_QUADS))
        assert {q.graph_name.value for q in quads if "/article/" in q.graph_name.value} == set(s["graphs"])
    loaded = tmp_path / "loaded"
    said = kg("--store", str(loaded), "load", str(out))
    assert "loaded 9 articles from 3 shards" in said
    assert dump(loaded) == dump(ingested)
    # The incidents too: the shards hold none (they are derived from every article), the
    # load rebuilds them as the ingest's closing update built them.
    incidents = incident_quads(ingested)
    assert incidents and incident_quads(loaded) == incidents
    assert not any("/graph/incidents" in q for s in manifest["shards"] for q in (out / s["file"]).read_text().splitlines())
    assert f"{len({q.split()[0] for q in incidents if 'Incident>' in q})} incidents" in said


def test_one_process_and_another_partition_count_give_the_same_store(tmp_path, corpus, ingested):
    out = tmp_path / "shards"
    kg("--store", str(tmp_path / "s"), "shard", str(SEEDS), str(corpus), "--out", str(out), "--shards", "5")
    kg("--store", str(tmp_path / "loaded"), "load", str(out))
    assert dump(tmp_path / "loaded") == dump(ingested)


def test_a_rerun_resumes_and_temporary_files_are_not_shards(tmp_path, corpus, ingested):
    out = tmp_path / "shards"
    args = ("--store", str(tmp_path / "s"), "shard", str(SEEDS), str(corpus), "--out", str(out), "--shards", "3")
    kg(*args)
    assert "0 written, 3 already complete" in kg(*args)
    # A worker killed while writing leaves a temporary file; a shard without its record is
    # not complete. The next run writes that shard again and leaves the others.
    (out / ".shard-00001-of-00003.nq.dead1234.tmp").write_text("<a> <b> broken")
    (out / "shard-00001-of-00003.json").unlink()
    assert "1 written, 2 already complete" in kg(*args)
    kg("--store", str(tmp_path / "loaded"), "load", str(out))
    assert dump(tmp_path / "loaded") == dump(ingested)
    assert not any(p.name.endswith(".tmp") for p in out.iterdir())  # the next run cleared it


def test_ctrl_c_of_kg_shard_with_workers(tmp_path):
    import os
    import signal
    import subprocess
    import time

    from conftest import EXTRA_ARTICLES, ROOT

    base = list(EXTRA_ARTICLES.values())
    lines = [json.dumps({"text": base[i % 2].split("\n\n", 3)[-1], "url": f"https://example.org/n/{i}"}) for i in range(3000)]
    (tmp_path / "many.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "shards"
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "--store", str(tmp_path / "s"), "shard", "-j", "2", "--shards", "6", "--out", str(out), str(tmp_path / "many.jsonl")],
        env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while not list(out.glob(".shard-*.tmp")) and not list(out.glob("shard-*.json")) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    assert proc.poll() is None, proc.stderr.read()[-2000:]
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "Traceback" not in err, err[-3000:]
    (line,) = [ln for ln in err.splitlines() if ln.strip()]
    assert line.startswith("interrupted — ") and line.endswith("written; run again to finish"), line
    complete = [json.loads(p.read_text())["articles"] for p in out.glob("shard-*.json")]
    assert int(line.split()[2]) == sum(complete) and len(complete) < 6
    assert not (out / "manifest.json").exists()  # an unfinished run is not loadable
    assert "did not finish" in kg("--store", str(tmp_path / "t"), "load", str(out), code=1)


def test_load_replaces_articles_already_in_the_store(tmp_path, kb, nlp, corpus, ingested):
    store = tmp_path / "store"
    first = Ingester(store, kb=kb, nlp=nlp)
    first.run([str(SEEDS), str(corpus / "00.txt"), str(corpus / "01.txt")])
    del first
    out = tmp_path / "shards"
    kg("--store", str(store), "shard", str(SEEDS), str(corpus), "--out", str(out), "--shards", "2")
    said = kg("--store", str(store), "load", str(out))
    assert "(3 replaced)" in said  # the seed and two of the corpus files were there
    assert dump(store) == dump(ingested)
    # --replace empties the store first: articles no shard holds go.
    extra = tmp_path / "one"
    kg("--store", str(extra), "shard", str(corpus / "02.txt"), "--out", str(tmp_path / "one-shard"))
    kg("--store", str(store), "load", "--replace", str(tmp_path / "one-shard"))
    st = ox.Store.read_only(str(store))
    assert sum(1 for g in st.named_graphs() if "/article/" in g.value) == 1


def test_shards_of_another_kg_or_knowledge_base_are_refused(tmp_path, corpus):
    out = tmp_path / "shards"
    kg("--store", str(tmp_path / "s"), "shard", str(corpus / "00.txt"), "--out", str(out))
    manifest = json.loads((out / "manifest.json").read_text())
    manifest["run"]["kg_version"] = "0.0.1"
    manifest["run"]["builtin_kb"] = "0123456789abcdef"
    (out / "manifest.json").write_text(json.dumps(manifest))
    said = kg("--store", str(tmp_path / "t"), "load", str(out), code=1)
    assert "kg 0.0.1" in said and "built-in knowledge base 0123456789abcdef" in said and "Traceback" not in said
    assert "no manifest.json" in kg("--store", str(tmp_path / "t"), "load", str(tmp_path), code=1)


def test_the_user_knowledge_base_travels_with_the_shards(tmp_path, corpus):
    store = tmp_path / "s"
    kg("--store", str(store), "kb", "add", "Oksana Melnyk", "--type", "Person", "--alias", "Melnyk")
    out = tmp_path / "shards"
    kg("--store", str(store), "shard", str(corpus / "00.txt"), "--out", str(out))
    run = json.loads((out / "manifest.json").read_text())["run"]
    assert run["user_entries"] == 1 and run["user_kb"]
    # A new store takes the shards' user knowledge base; one with another is refused.
    kg("--store", str(tmp_path / "fresh"), "load", str(out))
    assert (tmp_path / "fresh" / "kg-user-kb.jsonl").read_bytes() == (store / "kg-user-kb.jsonl").read_bytes()
    other = tmp_path / "other"
    kg("--store", str(other), "kb", "add", "Taras Bondar", "--type", "Person")
    assert "user knowledge base" in kg("--store", str(other), "load", str(out), code=1)


def test_dask_engine_without_dask_is_one_line(tmp_path, corpus, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    said = kg("--store", str(tmp_path / "s"), "shard", str(corpus), "--out", str(tmp_path / "o"), "--engine", "dask", code=1)
    assert said.strip() == "Error: --engine dask needs Dask: pip install 'kg[dask]' (or use --engine local)"


# -- the Dask engine, on a LocalCluster of two worker processes ------------------------


@pytest.fixture(scope="module")
def dask_cluster():
    pytest.importorskip("distributed")
    from distributed import LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50)
    yield cluster
    cluster.close()


def test_dask_with_a_worker_killed_mid_run_completes_and_a_rerun_resumes(tmp_path, corpus, ingested, dask_cluster):
    import os
    import signal

    from distributed import Client

    from kg.read import read_paths
    from kg.recognise import DEFAULT_MODEL
    from kg.shard import make_shards

    out = tmp_path / "shards"
    killed = []

    def kill_one_worker(record: dict) -> None:
        if killed:
            return
        with Client(dask_cluster.scheduler_address) as client:
            pids = client.run(os.getpid)
        pid = sorted(pids.values())[0]
        os.kill(pid, signal.SIGKILL)  # its tasks go to the other worker; the nanny restarts it
        killed.append(pid)

    def run(on_shard=None):
        items = read_paths([str(SEEDS), str(corpus)])
        return make_shards(tmp_path / "s", items, out, DEFAULT_MODEL, engine="dask", scheduler=dask_cluster.scheduler_address,
                           shards=6, on_shard=on_shard)

    try:
        report = run(kill_one_worker)
        assert report.written == 6
    except Exception as e:  # the cluster may give up on a task; then a re-run must finish the job
        assert "run again" in str(e)
    assert killed
    again = run()
    assert again.written + again.reused == 6 and again.reused >= 1
    kg("--store", str(tmp_path / "loaded"), "load", str(out))
    assert dump(tmp_path / "loaded") == dump(ingested)
    assert not any(p.name.endswith(".tmp") and p.stat().st_size for p in out.iterdir() if p.name.startswith("shard"))


def test_dask_engine_through_the_command_line(tmp_path, corpus, ingested, dask_cluster):
    out = tmp_path / "shards"
    said = kg("--store", str(tmp_path / "s"), "shard", str(SEEDS), str(corpus), "--out", str(out),
              "--engine", "dask", "--scheduler", dask_cluster.scheduler_address, "--shards", "2")
    assert "2 written" in said
    kg("--store", str(tmp_path / "loaded"), "load", str(out))
    assert dump(tmp_path / "loaded") == dump(ingested)


# -- the parent streams its inputs into per-partition spools ----------------------------


def _article(i: int):
    """Article ``i`` of a made-up corpus: every field set or not, text that JSON must escape."""
    import datetime as dt

    from kg.types import Article

    texts = ["Plain text.", "Line one\nline two\r\nand a tab\t, a quote \" and a backslash \\",
             "Unicode: Харків, ‘quotes’, an emoji 🚀, and a line separator \u2028."]
    return Article(texts[i % 3] + f" #{i}", f"src/{i}.txt", f"Title {i}" if i % 2 else None, f"https://example.org/{i}" if i % 4 else None,
                   dt.date(2024, 1, 1 + i % 28) if i % 3 else None, "Reuters" if i % 5 == 0 else None, None, (0, 4) if i % 5 == 0 else None)


def _articles(n: int) -> list:
    return [_article(i) for i in range(n)]


def test_spooled_articles_come_back_exactly_and_digest_as_before(tmp_path, monkeypatch):
    import hashlib

    import kg.shard
    from kg.shard import partition_of, plan, run_record

    monkeypatch.setattr(kg.shard, "SPOOL_BUFFER", 200)  # many appends to each spool
    articles = _articles(40)
    run = run_record(tmp_path / "store", DEFAULT_MODEL)
    for shards in (3, None):  # a count given, and one worked out from the number of articles
        out = tmp_path / f"out-{shards}"
        out.mkdir()
        specs, problems = plan(iter(articles), out, run, shards)
        assert not problems and len(specs) == (shards or 1)
        for spec in specs:
            mine = [a for a in articles if partition_of(a, spec.count) == spec.index]
            assert list(spec.articles) == mine and spec.size == len(mine)  # every field, in reading order
            # The digest is the one kg shard gave the same articles before spooling, so a
            # re-run over shards it wrote still finds them complete.
            h = hashlib.sha1(run.key().encode())
            for a in mine:
                key = [a.text, a.source, a.title, a.url, a.date.isoformat() if a.date else None, a.outlet, a.author, a.outlet_span]
                h.update(json.dumps(key, ensure_ascii=False).encode("utf-8", "surrogatepass"))
            assert spec.digest == h.hexdigest()
        assert sorted(p.name for p in out.iterdir()) == sorted(Path(s.spool).name for s in specs)  # only the spools, hidden


def test_the_parent_holds_one_article_at_a_time(tmp_path):
    """Reading and dealing keep no article alive once it is spooled: the inputs stream."""
    import gc
    import weakref

    from kg.shard import plan, run_record

    refs: list = []
    alive_while_reading: list[int] = []

    def read():
        for i in range(30):
            a = _article(i)
            gc.collect()
            alive_while_reading.append(sum(r() is not None for r in refs))
            refs.append(weakref.ref(a))
            yield a

    for shards in (4, None):
        refs.clear()
        alive_while_reading.clear()
        specs, _ = plan(read(), tmp_path, run_record(tmp_path / "store", DEFAULT_MODEL), shards)
        assert max(alive_while_reading) <= 1, alive_while_reading
        assert sum(s.size for s in specs) == 30


def test_a_spool_gone_is_a_clear_error(tmp_path):
    from kg.shard import ShardError, plan, run_record

    (spec,) = plan(iter(_articles(3)), tmp_path, run_record(tmp_path / "store", DEFAULT_MODEL), 1)[0]
    Path(spec.spool).unlink()
    with pytest.raises(ShardError, match="are gone"):
        list(spec.articles)
