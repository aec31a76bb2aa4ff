"""What the write path takes from memory instead of reading the store back: the
emitter's notes (kg.types.ArticleNotes) and the records scanned from the quads written
must say what the store says once the quads are in it; quads a worker hands over as
N-Quads (kg.store.Serialized) are loaded unparsed and store what the quads do."""

from __future__ import annotations

import pickle

import pytest
from conftest import SEEDS
from pyoxigraph import NamedNode, Quad, RdfFormat, serialize

from kg.corpus_names import NAME_KEY, keys_in
from kg.incident_upkeep import ATTACK, A, Places, read_record, skeleton_of
from kg.pipeline import ArticleProcessor
from kg.read import read_paths
from kg.record_slots import records_written
from kg.store import Serialized, open_store, write_articles
from kg.types import Article
from kg.vocab import PROV


def _records(kb, nlp, folder):
    articles = [a for a in read_paths([folder]) if isinstance(a, Article)]
    return list(ArticleProcessor(kb, nlp=nlp).process(articles))


def test_the_emitters_notes_are_what_a_scan_of_its_quads_finds(kb, nlp, extra_articles):
    records = _records(kb, nlp, SEEDS) + _records(kb, nlp, extra_articles)
    attacks = 0
    for rec in records:
        scanned = records_written(rec.graph, rec.quads)
        assert scanned is not None
        assert {k: ({p: sorted(v) for p, v in s.items()}, sorted(pub)) for k, (s, pub) in scanned.items()} == {
            k: ({p: sorted(v) for p, v in s.items()}, sorted(pub)) for k, (s, pub) in rec.notes.attacks.items()
        }
        assert sorted(set(rec.notes.name_keys)) == sorted({q.object.value for q in rec.quads if q.predicate == NAME_KEY})
        attacks += len(scanned)
    assert attacks >= 3  # the seed alone reports three attacks


def test_records_from_memory_are_the_records_the_store_gives_back(kb, nlp, extra_articles, tmp_store):
    records = _records(kb, nlp, SEEDS) + _records(kb, nlp, extra_articles)
    store = open_store(tmp_store)
    write_articles(store, kb, [(r.graph, r.quads) for r in records])
    places = Places(store)
    compared = 0
    for rec in records:
        assert sorted(set(rec.notes.name_keys)) == sorted(keys_in(store, rec.graph))
        for iri, written in rec.notes.attacks.items():
            event = NamedNode(iri)
            assert read_record(store, event, places, written) == read_record(store, event, places)
            assert skeleton_of(store, event, places, written) == skeleton_of(store, event, places)
            compared += 1
    assert compared >= 3


def test_a_record_derived_from_another_article_is_left_to_the_store(attack_graph):
    g, quads = attack_graph(Article(text="A strike hit Kyiv.\n", source="t", url="https://example.org/a"), [])
    event = NamedNode("https://w3id.org/newskg/event/x")
    other = NamedNode("https://w3id.org/newskg/article/other")
    quads = [*quads, Quad(event, A, ATTACK, g), Quad(event, NamedNode(PROV + "wasDerivedFrom"), other, g)]
    assert records_written(g, quads) is None
    assert records_written(g, quads[:-1]) == {}  # no article: no record, as the store reads it


def test_quads_handed_over_as_n_quads_are_loaded_unparsed_and_store_the_same(kb, nlp, extra_articles, tmp_path):
    records = _records(kb, nlp, SEEDS) + _records(kb, nlp, extra_articles)
    plain, handed = open_store(tmp_path / "plain"), open_store(tmp_path / "handed")
    wrote = write_articles(plain, kb, [(r.graph, r.quads) for r in records])
    over = [pickle.loads(pickle.dumps(r)) for r in records]  # as a worker process hands them back
    assert all(isinstance(r.quads, Serialized) and len(r.quads) == len(orig.quads) for r, orig in zip(over, records))
    wrote_over = write_articles(handed, kb, [(r.graph, r.quads) for r in over], seen=[r.seen for r in over], notes=[r.notes for r in over])
    assert not any(r.quads.parsed for r in over)  # new graphs: loaded as the bytes came
    assert wrote_over.added == wrote.added
    assert set(handed) == set(plain)
    # A re-ingest reads what it replaces: the quads are parsed then, and nothing changes.
    again = [pickle.loads(pickle.dumps(r)) for r in records]
    write_articles(handed, kb, [(r.graph, r.quads) for r in again], seen=[r.seen for r in again], notes=[r.notes for r in again])
    assert all(r.quads.parsed for r in again)
    assert set(handed) == set(plain)


def test_a_write_of_n_quads_handed_over_is_all_or_nothing(kb, tmp_store):
    g = NamedNode("https://w3id.org/newskg/article/0000000000000000aaaa")
    quads = [Quad(NamedNode(f"{g.value}#n{i}"), A, ATTACK, g) for i in range(3000)]
    good = Serialized(serialize(quads, format=RdfFormat.N_QUADS), len(quads))
    broken = Serialized(serialize(quads[:10], format=RdfFormat.N_QUADS) + b'<https://example.org/x> <https://example.org/p> "unterminated .\n', 11)
    other = NamedNode("https://w3id.org/newskg/article/0000000000000000bbbb")
    store = open_store(tmp_store)
    with pytest.raises(SyntaxError):
        write_articles(store, kb, [(g, good), (other, broken)])
    assert len(store) == 0  # neither article, nor a part of one
