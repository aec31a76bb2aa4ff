"""The corpus pass over unknown names (kg/corpus_names.py): a name cued in several articles
and bare in one is one node; an article's strong evidence is never overridden; the result
depends on the set of articles only (order, -j N, shard + load, removals)."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.corpus_names import CORPUS_MARGIN, PENDING, Reading, retarget, verdict
from kg.ingest import Ingester
from kg.vocab import ITSRDF, SCHEMA, base_iri

# Written here, for these tests: a village named with a cue in four articles, bare in one
# (where the model takes it for a person), and once after a title (a person there).
CUED = [
    "Gunmen attacked the village of Zubaydiya on Monday, killing four farmers, residents said.",
    "Aid workers reached the village of Zubaydiya after days of fighting near the river.",
    "Residents of Zubaydiya fled towards the city as the army shelled positions nearby.",
    "The village of Zubaydiya was without water for a week, a local official said.",
]
BARE = "Zubaydiya said the talks would resume next week in Geneva."
TITLED = "President Zubaydiya said the talks would resume next week in Geneva."


def write_article(folder: Path, name: str, body: str, k: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.txt"
    path.write_text(f"Report {name}\n\nBy Staff\n\nMay {k + 1}, 2024\n\n{body}\n\nOriginal url:\n\n<https://example.org/corpus/{name}>\n")
    return path


def cued_files(folder: Path) -> list[Path]:
    return [write_article(folder, f"cued{i}", body, i) for i, body in enumerate(CUED)]


def dump(store_dir: Path) -> list[str]:
    return sorted(str(q) for q in ox.Store.read_only(str(store_dir)))


def _store(where: Path | ox.Store) -> ox.Store:
    return ox.Store.read_only(str(where)) if isinstance(where, Path) else where  # a folder, or a store open_store gave


def targets(where: Path | ox.Store, anchor: str) -> dict[str, str]:
    """Article graph -> the entity its mention written ``anchor`` points to."""
    store = _store(where)
    ident = ox.NamedNode(ITSRDF + "taIdentRef")
    anchor_of = ox.NamedNode("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf")
    out = {}
    for q in store.quads_for_pattern(None, anchor_of, ox.Literal(anchor), None):
        for t in store.quads_for_pattern(q.subject, ident, None, q.graph_name):
            out[q.graph_name.value] = t.object.value
    return out


def entity_types(where: Path | ox.Store, tail: str) -> set[str]:
    """The top classes of the NIL entities named ``tail`` in the entity graph."""
    store = _store(where)
    g = ox.NamedNode(base_iri() + "graph/entities")
    a = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    return {q.object.value for q in store.quads_for_pattern(None, a, None, g) if q.subject.value.endswith("/" + tail)}


PLACE = f"{base_iri()}entity/place/zubaydiya"
PERSON = f"{base_iri()}entity/person/zubaydiya"


def _r(g: str, type_: str, weight: float, keeps: bool = False) -> Reading:
    node = ox.NamedNode(f"{base_iri()}article/{g}#name=x")
    return Reading(ox.NamedNode(f"{base_iri()}article/{g}"), node, "x", f"{base_iri()}entity/{type_.lower()}/x", type_, weight, keeps, None)


def test_the_verdict_weighs_articles_and_spares_strong_readings():
    weak = _r("d", "Person", 0.4)
    rs = [_r("a", "Place", 2.9, keeps=True), _r("b", "Place", 1.85), weak, _r("c", "Person", 2.5, keeps=True)]
    v = verdict("x", rs)
    assert v.articles == {"Place": 2, "Person": 2} and v.weights == {"Place": 4.75, "Person": 2.9}
    assert v.type == "Place"
    assert v.target(weak) is None  # 4.75 is not twice 2.9: the corpus is divided, the article keeps its type
    v = verdict("x", rs[:3])
    assert v.target(weak) == f"{base_iri()}entity/place/x"
    assert v.target(rs[0]) is None  # already a place
    assert verdict("x", [_r("a", "Place", 2.9, keeps=True), _r("c", "Person", 2.9, keeps=True)]).type is None  # a tie
    # One other article's model label alone does not retype a weak reading.
    assert verdict("x", [_r("a", "Place", CORPUS_MARGIN - 0.2), _r("b", "Person", 0.1)]).target(_r("b", "Person", 0.1)) is None
    assert "Place in 2 articles, weight 4.75; Person in 1 article, weight 0.4 -> Place" == verdict("x", rs[:3]).summary()
    # The verdict is a function of the set of readings, whatever their order.
    assert verdict("x", list(reversed(rs))).weights == verdict("x", rs).weights


def test_retargeting_moves_mentions_and_back():
    g = ox.NamedNode(f"{base_iri()}article/a")
    m = ox.NamedNode(g.value + "#char=0,9")
    node = ox.NamedNode(g.value + "#name=zubaydiya")
    ident, klass = ox.NamedNode(ITSRDF + "taIdentRef"), ox.NamedNode(ITSRDF + "taClassRef")
    local = [
        ox.Quad(m, ident, ox.NamedNode(PERSON), g),
        ox.Quad(m, klass, ox.NamedNode(SCHEMA + "Person"), g),
        ox.Quad(g, ox.NamedNode(SCHEMA + "mentions"), ox.NamedNode(PERSON), g),
        ox.Quad(node, ox.NamedNode("https://w3id.org/newskg/ontology#localEntity"), ox.NamedNode(PERSON), g),
    ]
    moved = retarget(local, {node.value: (PERSON, PERSON, PLACE)})
    assert ox.Quad(m, ident, ox.NamedNode(PLACE), g) in moved and ox.Quad(m, klass, ox.NamedNode(SCHEMA + "Place"), g) in moved
    assert not any(q.object.value == PERSON for q in moved if q.predicate != ox.NamedNode("https://w3id.org/newskg/ontology#localEntity"))
    assert set(retarget(moved, {node.value: (PERSON, PLACE, None)})) == set(local)


@pytest.fixture(scope="module")
def texts(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("corpus-names")
    cued = cued_files(root / "cued")
    return {
        "cued": root / "cued",
        "bare": write_article(root / "bare", "bare", BARE, 8),
        "titled": write_article(root / "titled", "titled", TITLED, 9),
        "files": cued,
    }


def test_a_bare_name_takes_the_type_the_corpus_gives_it(tmp_path, kb, nlp, texts):
    store = tmp_path / "store"
    alone = Ingester(tmp_path / "alone", kb=kb, nlp=nlp)
    alone.run([str(texts["bare"])])
    del alone
    assert set(targets(tmp_path / "alone", "Zubaydiya").values()) == {PERSON}  # its own reading: the model's person
    ing = Ingester(store, kb=kb, nlp=nlp)
    ing.run([str(texts["cued"]), str(texts["bare"]), str(texts["titled"])])
    assert ing.retyped == 1
    found = targets(ing.store, "Zubaydiya")
    assert len(found) == 6
    assert sorted(found.values()).count(PLACE) == 5  # the bare mention joined the village
    # "President Zubaydiya": the title is the article's own strong evidence; the corpus does not override it.
    assert list(found.values()).count(PERSON) == 1
    assert entity_types(ing.store, "zubaydiya") == {SCHEMA + "Place", SCHEMA + "Person"}
    assert not (store / PENDING).exists()
    # Removing the cued articles leaves the bare one to its own reading again.
    ing.remove([str(texts["cued"])])
    found = targets(ing.store, "Zubaydiya")
    assert len(found) == 2 and set(found.values()) == {PERSON}
    assert entity_types(ing.store, "zubaydiya") == {SCHEMA + "Person"}
    # Re-ingesting the bare article unchanged, alone, writes nothing.
    ing.run([str(texts["cued"])])
    before = sorted(map(str, ing.store))
    report = ing.run([str(texts["bare"])])
    assert report.quads == 0 and ing.retyped == 0 and sorted(map(str, ing.store)) == before
    assert sorted(targets(ing.store, "Zubaydiya").values()).count(PLACE) == 5


def test_the_store_depends_on_the_set_of_articles_only(tmp_path, kb, nlp, texts):
    folders = [str(texts["cued"]), str(texts["bare"]), str(texts["titled"])]
    one = tmp_path / "one"
    ing = Ingester(one, kb=kb, nlp=nlp)
    ing.run(folders)
    del ing
    reference = dump(one)
    assert any("corpusEntity" in q for q in reference)
    # Another order, one article per write, in three runs: the bare article first, alone.
    other = tmp_path / "other"
    ing = Ingester(other, kb=kb, nlp=nlp, articles_per_commit=1)
    for f in [folders[1], folders[2], *map(str, reversed(texts["files"]))]:
        ing.run([f])
    del ing
    assert dump(other) == reference
    # Two worker processes.
    two = tmp_path / "two"
    ing = Ingester(two, kb=kb, nlp=nlp, processes=2)
    ing.run(list(reversed(folders)))
    del ing
    assert dump(two) == reference
    # kg shard + kg load: the shards hold each article's own reading, the load decides.
    out = tmp_path / "shards"
    run = CliRunner().invoke(cli, ["--store", str(tmp_path / "s"), "shard", *folders, "--out", str(out), "--shards", "2"], catch_exceptions=False)
    assert run.exit_code == 0, run.output
    shards = json.loads((out / "manifest.json").read_text())["shards"]
    assert not any("corpusEntity" in line for s in shards for line in (out / s["file"]).read_text().splitlines())
    run = CliRunner().invoke(cli, ["--store", str(tmp_path / "loaded"), "load", str(out)], catch_exceptions=False)
    assert run.exit_code == 0, run.output
    assert dump(tmp_path / "loaded") == reference


def test_a_pass_owed_by_a_killed_run_is_done_by_the_next(tmp_path, kb, nlp, texts):
    store = tmp_path / "store"
    ing = Ingester(store, kb=kb, nlp=nlp)
    ing.name_changes._apply = lambda *a, **k: 0  # the run "dies" before its corpus pass
    ing.run([str(texts["cued"]), str(texts["bare"])])
    del ing
    assert (store / PENDING).exists() and set(targets(store, "Zubaydiya").values()) == {PLACE, PERSON}
    ing = Ingester(store, kb=kb, nlp=nlp)
    ing.run([str(texts["titled"])])
    del ing
    assert not (store / PENDING).exists()
    assert sorted(targets(store, "Zubaydiya").values()).count(PLACE) == 5


def test_explain_corpus_shows_the_evidence(tmp_path, kb, nlp, texts):
    store = tmp_path / "store"
    ing = Ingester(store, kb=kb, nlp=nlp)
    ing.run([str(texts["cued"]), str(texts["bare"])])
    del ing
    run = CliRunner().invoke(cli, ["--store", str(store), "explain", "--corpus", "Zubaydiya"], catch_exceptions=False)
    assert run.exit_code == 0, run.output
    first = run.output.splitlines()[0]
    assert "Place in 4 articles" in first and "Person in 1 article," in first and first.endswith("-> Place")
    assert "retyped by the corpus -> " + PLACE in run.output and "bare.txt" in run.output
    run = CliRunner().invoke(cli, ["--store", str(store), "explain", "--corpus", "Zubaydiya", "--json"], catch_exceptions=False)
    data = json.loads(run.output)
    assert data["type"] == "Place" and data["articles"] == {"Place": 4, "Person": 1}
    run = CliRunner().invoke(cli, ["--store", str(store), "explain", "--corpus", "Nowhere"])
    assert run.exit_code == 1 and "no article in the store names 'Nowhere'" in run.output


MILITIA = [
    "The militia Katiba Rahma claimed the ambush on the convoy, a spokesman said.",
    "Members of the militia Katiba Rahma were seen near the border last month.",
    "The militia Katiba Rahma has recruited hundreds of young men, analysts say.",
]
# (no attack: a list of places attacked would hold the name as a place, kg/corpus_names.reading_quads)
LISTED = "Gunmen were seen in Gao, Menaka and Katiba Rahma on Sunday, officials said."
ORGANIZATION = f"{base_iri()}entity/organization/katiba-rahma"


def test_a_militia_typed_place_by_one_list_is_the_corpus_s_organisation(tmp_path, kb, nlp):
    folder = tmp_path / "militia"
    for i, body in enumerate(MILITIA):
        write_article(folder, f"militia{i}", body, i)
    listed = write_article(tmp_path / "listed", "listed", LISTED, 5)
    alone = Ingester(tmp_path / "alone", kb=kb, nlp=nlp)
    alone.run([str(listed)])
    assert set(targets(alone.store, "Katiba Rahma").values()) == {f"{base_iri()}entity/place/katiba-rahma"}  # a list of places
    del alone
    ing = Ingester(tmp_path / "store", kb=kb, nlp=nlp)
    report = ing.run([str(folder), str(listed)])
    assert report.retyped == 1 and set(targets(ing.store, "Katiba Rahma").values()) == {ORGANIZATION}
    assert entity_types(ing.store, "katiba-rahma") == {SCHEMA + "Organization"}


def test_only_the_names_new_articles_touch_are_decided_again(tmp_path, kb, nlp, texts, monkeypatch):
    import kg.corpus_names as cn

    decided: list[set[str]] = []
    real = cn.apply_corpus
    monkeypatch.setattr(cn, "apply_corpus", lambda store, kb, keys, watch=None: decided.append(set(keys)) or real(store, kb, keys, watch))
    ing = Ingester(tmp_path / "store", kb=kb, nlp=nlp)
    ing.run([str(texts["cued"])])
    ing.run([str(texts["titled"])])
    titled = next(g for g in targets(ing.store, "Zubaydiya") if cn.keys_in(ing.store, ox.NamedNode(g)) and "titled" in dump_source(ing.store, g))
    assert decided[-1] == cn.keys_in(ing.store, ox.NamedNode(titled)) and "zubaydiya" in decided[-1]
    assert len(decided) == 2 and "zubaydiya" in decided[0]


def dump_source(store: ox.Store, g: str) -> str:
    source = ox.NamedNode("https://w3id.org/newskg/ontology#sourceFile")
    return next(q.object.value for q in store.quads_for_pattern(ox.NamedNode(g), source, None, ox.NamedNode(g)))


def test_the_pass_opened_on_a_folder_opens_it_again_as_it_reads(tmp_path, kb, nlp, texts):
    from kg.corpus_names import NameChanges

    store = tmp_path / "store"
    ing = Ingester(store, kb=kb, nlp=nlp)
    ing.name_changes._apply = lambda *a, **k: 0  # no pass at the end of the run
    ing.run([str(texts["cued"]), str(texts["bare"])])
    del ing
    names = NameChanges(marker=store / PENDING)
    assert names.everything  # the run left word that a pass is owed
    assert names.apply_at(store, kb, every=1) == 1 and names.last_openings > 1
    assert not (store / PENDING).exists()
    assert sorted(targets(store, "Zubaydiya").values()) == [PLACE] * 5


def test_kg_ingest_says_how_many_articles_the_corpus_retyped(tmp_path, texts):
    store = tmp_path / "store"
    runner = CliRunner()
    run = runner.invoke(cli, ["--store", str(store), "ingest", str(texts["cued"]), str(texts["bare"])], catch_exceptions=False)
    assert run.exit_code == 0, run.output
    assert "unknown names retyped over the corpus in 1 article" in run.output
    again = runner.invoke(cli, ["--store", str(store), "ingest", str(texts["bare"])], catch_exceptions=False)
    assert again.exit_code == 0 and "retyped" not in again.output
