"""The pipeline end to end: the seed article, re-ingest, whole-article writes, bad input."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from conftest import SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.cli import EXIT_SKIPPED, cli
from kg.validate import store_graph, validate_graph, validate_store

PREFIXES = """
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX kg: <https://w3id.org/newskg/ontology#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
"""
SEED_URL = "https://www.themoscowtimes.com/2023/12/31/russia-strikes-ukraine-in-retaliation-for-attack-on-belgorod-a83618"


def select(store, q, **bind):
    subs = {ox.Variable(k): v for k, v in bind.items()}
    return list(store.query(PREFIXES + q, use_default_graph_as_union=True, substitutions=subs))


@pytest.fixture(scope="module")
def seed(seed_store):
    return ox.Store.read_only(str(seed_store))


def seed_entities(seed):
    """label -> (top type, set of sameAs, set of altLabels) for the seed article's entities."""
    rows = select(
        seed,
        """SELECT ?url ?e ?type ?label ?same ?alt WHERE {
             ?a schema:url ?url ; schema:mentions ?e .
             ?e a ?type ; rdfs:label ?label .
             VALUES ?type { schema:Person schema:Place schema:Organization kg:Weapon }
             OPTIONAL { ?e owl:sameAs ?same } OPTIONAL { ?e skos:altLabel ?alt } }""",
        url=ox.NamedNode(SEED_URL),
    )
    out: dict[str, tuple] = {}
    for r in rows:
        label = r["label"].value
        t, same, alt = out.get(label, (r["type"].value.rsplit("/", 1)[-1].rsplit("#", 1)[-1], set(), set()))
        if r["same"] is not None:
            same.add(r["same"].value)
        if r["alt"] is not None:
            alt.add(r["alt"].value)
        out[label] = (t, same, alt)
    return out


def test_seed_article_metadata(seed):
    (row,) = select(seed, "SELECT DISTINCT ?url ?h ?d ?p WHERE { ?a schema:url ?url ; schema:headline ?h ; schema:datePublished ?d ; schema:publisher ?o . ?o rdfs:label ?p }", url=ox.NamedNode(SEED_URL))
    assert row["h"].value == "Russia Strikes Ukraine in Retaliation for Attack on Belgorod"
    assert row["d"] == ox.Literal("2023-12-31", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
    assert row["p"].value in ("AFP", "Agence France-Presse")


def test_seed_people_places_organisations_weapons(seed):
    ents = seed_entities(seed)
    for person in ("Ihor Terekhov", "Vladimir Putin", "Vasily Nebenzya", "Thomas Phipps"):
        assert ents[person][0] == "Person", person
    putins = [label for label, (t, _, alt) in ents.items() if "Putin" in label or any("Putin" in a for a in alt)]
    assert putins == ["Vladimir Putin"]  # one node for every form of the name
    assert "Putin" in ents["Vladimir Putin"][2]
    assert "https://sws.geonames.org/706483/" in ents["Kharkiv"][1]
    assert "https://sws.geonames.org/578072/" in ents["Belgorod"][1]
    for place in ("Kharkiv", "Belgorod", "Kyiv", "Moscow", "Russia", "Ukraine"):
        assert ents[place][0] == "Place", place
    council = [label for label, (t, _, alt) in ents.items() if "Security Council" in label or "UN Security Council" in alt]
    assert council and ents[council[0]][0] == "Organization"
    weapons = {label: alt for label, (t, _, alt) in ents.items() if t == "Weapon"}
    assert any("Shahed" in label or any("Shahed" in a for a in alt) for label, alt in weapons.items())
    assert any("cluster munition" in label for label in weapons)


def test_nif_offsets_cut_exactly_the_anchored_text(seed):
    rows = select(seed, "SELECT ?b ?e ?anchor ?text WHERE { ?m a nif:Phrase ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?anchor ; nif:referenceContext ?c . ?c nif:isString ?text }")
    assert len(rows) > 30
    for r in rows:
        assert r["text"].value[int(r["b"].value) : int(r["e"].value)] == r["anchor"].value


def test_every_mention_sits_in_its_sentence(seed):
    rows = select(seed, "SELECT ?b ?e ?sb ?se WHERE { ?m a nif:Phrase ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:sentence ?s . ?s nif:beginIndex ?sb ; nif:endIndex ?se }")
    assert rows
    assert all(int(r["sb"].value) <= int(r["b"].value) < int(r["e"].value) <= int(r["se"].value) for r in rows)


def test_entity_iris_are_shared_across_articles(seed):
    rows = select(seed, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a schema:mentions <https://w3id.org/newskg/entity/gn/706483> }")
    assert int(rows[0]["n"].value) >= 2  # Kharkiv: the seed and the Kyiv drones article


def test_seed_store_validates(seed):
    assert validate_store(seed) == []


def test_validation_catches_a_broken_mention(seed):
    g = store_graph(seed)
    nif = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
    import rdflib

    m = next(g.subjects(rdflib.RDF.type, rdflib.URIRef(nif + "Phrase")))
    g.set((m, rdflib.URIRef(nif + "anchorOf"), rdflib.Literal("not the text")))
    g.add((m, rdflib.URIRef("https://w3id.org/newskg/ontology#confidence"), rdflib.Literal(3.0)))
    messages = [v.message for v in validate_graph(g)]
    assert any("anchorOf" in msg for msg in messages)
    assert len(messages) >= 2


def dump(path):
    store = ox.Store.read_only(str(path))
    return sorted(str(q) for q in store)


def test_reingest_leaves_the_store_identical(tmp_store, ingest_into):
    ingest_into(tmp_store, [SEEDS])
    first = dump(tmp_store)
    ingest_into(tmp_store, [SEEDS])
    assert dump(tmp_store) == first


def test_a_crash_mid_run_leaves_whole_articles_only(tmp_path, kb, nlp, extra_articles, monkeypatch):
    import kg.pipeline as ingest_module  # the per-article work every engine shares
    from kg.ingest import Ingester

    real = ingest_module.article_quads
    calls = []

    def failing(article, linked, publisher, events=()):
        calls.append(article.source)
        if len(calls) == 2:
            raise RuntimeError("simulated crash")
        return real(article, linked, publisher, events)

    monkeypatch.setattr(ingest_module, "article_quads", failing)
    crashed = Ingester(tmp_path / "crashed", kb=kb, nlp=nlp)
    with pytest.raises(RuntimeError):
        crashed.run([str(extra_articles)])
    monkeypatch.setattr(ingest_module, "article_quads", real)
    only_first = Ingester(tmp_path / "clean", kb=kb, nlp=nlp)
    only_first.run([calls[0]])
    graphs = lambda st: {g.value for g in st.named_graphs() if "/article/" in g.value}  # noqa: E731
    assert graphs(crashed.store) == graphs(only_first.store) and len(graphs(crashed.store)) == 1
    (g,) = graphs(crashed.store)
    quads = lambda st: sorted(str(q) for q in st.quads_for_pattern(None, None, None, ox.NamedNode(g)))  # noqa: E731
    assert quads(crashed.store) == quads(only_first.store)


def test_cli_ingest_stats_and_validate(tmp_path, extra_articles):
    runner = CliRunner()
    store = str(tmp_path / "store")
    result = runner.invoke(cli, ["--store", store, "ingest", str(SEEDS), str(extra_articles)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "3 articles" in result.output and "articles/s" in result.output
    stats = runner.invoke(cli, ["--store", store, "stats", "--json"], catch_exceptions=False)
    s = json.loads(stats.output)
    assert s["articles"] == 3 and s["outlets"] == 2
    assert s["entities"]["Person"] >= 5 and s["entities"]["Weapon"] >= 2
    assert s["attack_reports"] >= s["incidents"] > 0
    valid = runner.invoke(cli, ["--store", store, "validate"], catch_exceptions=False)
    assert valid.exit_code == 0 and "conforms" in valid.output


BAD_INPUTS = {
    "empty.txt": (b"", "empty file"),
    "binary.txt": (b"\x00\x01\x02PNG", "binary file"),
    "latin1.txt": ("Kharkiv caf\xe9 hit".encode("latin-1"), "not UTF-8"),
    "page.html": (b"<html><body><nav>Menu</nav></body></html>", "no article text"),
    "lines.jsonl": (b'{"text": "Kyiv was hit by drones.", "url": "https://example.org/ok"}\nnot json\n{"title": "no text"}\n', None),
}


def test_bad_input_is_named_skipped_and_the_rest_goes_on(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for name, (data, _) in BAD_INPUTS.items():
        (inputs / name).write_bytes(data)
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "store"), "ingest", str(inputs)], catch_exceptions=False)
    assert result.exit_code == EXIT_SKIPPED
    out = result.output
    assert "Traceback" not in out
    for name, (_, message) in BAD_INPUTS.items():
        if message:
            assert any(name in line and message in line for line in out.splitlines()), (name, out)
    assert "lines.jsonl:2" in out and "lines.jsonl:3" in out
    assert "1 article," in out  # the good JSON line was stored
    store = ox.Store.read_only(str(tmp_path / "store"))
    assert bool(store.query("ASK { ?a <https://schema.org/url> <https://example.org/ok> }", use_default_graph_as_union=True))


def test_stdin_is_read(tmp_path):
    text = "Strike on Odesa\n\nBy AFP\n\nRussian drones struck Odesa on Monday, the governor said.\n"
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "s"), "ingest", "-"], input=text, catch_exceptions=False)
    assert result.exit_code == 0 and result.output.startswith("1 article, "), result.output


def test_unknown_model_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "s"), "ingest", "--model", "no_such_pipeline_xx", str(SEEDS)])
    assert result.exit_code == 1
    assert "no_such_pipeline_xx" in result.output and "Traceback" not in result.output


def test_read_only_commands_on_a_missing_store(tmp_path):
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "none"), "stats"])
    assert result.exit_code == 1 and "no kg store here" in result.output


def test_progress_line_counts_up_on_a_terminal(capsys):
    from kg.cli import Progress

    p = Progress(enabled=True, total=3)
    p.note("loading the pipeline (en_core_web_sm and the knowledge base)...")
    p.begin()
    p.drawn -= 1  # as if the last redraw were a second ago
    p.tick()
    p.tick(skipped=True)
    p.drawn -= 1
    p.tick()
    err = capsys.readouterr().err
    assert "loading the pipeline (en_core_web_sm" in err
    assert "ingesting: 0/3 articles" in err and "ingesting: 1/3 articles" in err and "ingesting: 2/3 articles" in err
    assert "1 skipped" in err
    unknown = Progress(enabled=True)  # standard input: no total
    unknown.drawn -= 1
    unknown.tick()
    assert "ingesting: 1 article (" in capsys.readouterr().err
    quiet = Progress(enabled=False, total=3)
    quiet.note("loading the pipeline...")
    quiet.begin()
    quiet.tick()
    assert capsys.readouterr().err == ""


def test_the_total_is_counted_ahead(tmp_path):
    from kg.read import ReadOptions, count_items

    (tmp_path / "a.txt").write_text("One\n\nText about Kyiv.\n")
    (tmp_path / "script.py").write_text("print(1)\n")  # not an article: not counted
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("# Two\n\nText.\n")
    (tmp_path / "sub" / "c.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n{"text": "z"}\n')
    assert count_items([tmp_path]) == 5
    assert count_items([tmp_path], ReadOptions(all_files=True)) == 6
    assert count_items([tmp_path / "a.txt", tmp_path / "missing.txt"]) == 2  # the missing one is a skip
    assert count_items([tmp_path, "-"]) is None  # standard input cannot be counted ahead
    assert count_items([SEEDS]) == 1


def test_quiet_or_not_on_a_terminal_no_progress_or_loading_line(tmp_path, seed_store):
    # CliRunner's stderr is no terminal: the summary alone, no progress line, no loading note.
    text = "Strike on Odesa\n\nBy AFP\n\nRussian drones struck Odesa on Monday, the governor said.\n"
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "s"), "ingest", "-"], input=text, catch_exceptions=False)
    assert result.exit_code == 0 and "loading the pipeline" not in result.output and "ingesting:" not in result.output


@pytest.mark.slow
def test_two_processes_write_the_same_store(tmp_path, kb, nlp, extra_articles):
    from kg.ingest import Ingester

    one = Ingester(tmp_path / "one", kb=kb, nlp=nlp)
    one.run([str(SEEDS), str(extra_articles)])
    two = Ingester(tmp_path / "two", kb=kb, nlp=nlp, processes=2)
    two.run([str(SEEDS), str(extra_articles)])
    assert sorted(map(str, one.store)) == sorted(map(str, two.store))


def test_validate_a_sample_of_articles(seed_store):
    result = CliRunner().invoke(cli, ["--store", str(seed_store), "validate", "--sample", "1"], catch_exceptions=False)
    assert result.exit_code == 0 and "conforms" in result.output
    from kg.validate import store_graph

    store = ox.Store.read_only(str(seed_store))
    one, every = store_graph(store, sample=1), store_graph(store)
    assert 0 < len(one) < len(every)


HTML_PAGE = """<!doctype html><html><head>
<title>Drone strike on Odesa | Example News</title>
<meta property="og:site_name" content="Example News">
<link rel="canonical" href="https://example.org/world/odesa-drone-strike">
<meta name="author" content="Jane Roe">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Drone strike on Odesa kills two",
 "datePublished": "2024-05-06T07:00:00Z"}</script>
</head><body><nav>Home | World</nav><article><h1>Drone strike on Odesa kills two</h1>
<p>Russian drones struck the port city of Odesa overnight, governor Mykola Danchenko said on Telegram.</p>
<p>Ukraine's air force said it shot down most of the Shahed drones.</p></article>
<footer>Copyright</footer></body></html>"""


def test_an_html_page_end_to_end(tmp_path):
    page = tmp_path / "odesa.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "s"), "ingest", str(page)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    store = ox.Store.read_only(str(tmp_path / "s"))
    (row,) = select(
        store,
        "SELECT DISTINCT ?url ?h ?d ?au ?pub WHERE { ?a schema:url ?url ; schema:headline ?h ; schema:datePublished ?d ; schema:author ?au ; schema:publisher ?o . ?o rdfs:label ?pub }",
        url=ox.NamedNode("https://example.org/world/odesa-drone-strike"),
    )
    assert row["h"].value == "Drone strike on Odesa kills two"
    assert row["d"].value == "2024-05-06" and row["au"].value == "Jane Roe" and row["pub"].value == "Example News"
    labels = {r["l"].value for r in select(store, "SELECT DISTINCT ?l WHERE { ?a schema:mentions ?e . ?e rdfs:label ?l }")}
    assert {"Odesa", "Mykola Danchenko", "HESA Shahed 136", "Example News"} <= labels
    text = select(store, "SELECT ?t WHERE { ?c a nif:Context ; nif:isString ?t }")[0]["t"].value
    assert "Home | World" not in text and "Copyright" not in text


def test_an_overlong_text_is_skipped_not_fatal(tmp_path, kb, nlp):
    from kg.ingest import Ingester
    from kg.types import Article

    ingester = Ingester(tmp_path / "s", kb=kb, nlp=nlp)
    big = Article(text="Kyiv. " * (nlp.max_length // 6 + 10), source="huge.txt")
    small = Article(text="Drones hit Kharkiv overnight.", source="small.txt")
    report = ingester.run_articles([big, small])
    assert report.articles == 1
    (problem,) = report.skipped
    assert problem.source == "huge.txt" and "longer than the pipeline takes" in problem.message


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300), st.lists(st.tuples(st.integers(0, 300), st.integers(1, 40), st.sampled_from(["PERSON", "ORG", "GPE", "KB", "NORP", "DATE"])), max_size=8))
def test_linker_never_fails_and_offsets_stay_exact(kb, text, spans):
    from kg.link import Linker
    from kg.types import Article, Mention

    mentions = [Mention(s, min(len(text), s + n), text[s : s + n], label, "kb" if label == "KB" else "ner") for s, n, label in spans if s < len(text)]
    for lm in Linker(kb).link(Article(text=text, source="h.txt"), mentions):
        assert text[lm.mention.start : lm.mention.end] == lm.mention.text
        assert 0 <= lm.confidence <= 1
