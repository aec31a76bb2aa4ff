"""The whole pipeline for a run: read -> recognise -> link -> emit -> store."""

from __future__ import annotations

import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

import pyoxigraph as ox
from spacy.language import Language

from kg.emit import article_quads, kb_quads
from kg.kb import KnowledgeBase, load_kb
from kg.link import Linker, entity_iri, entity_of
from kg.read import ReadOptions, read_paths
from kg.recognise import DEFAULT_MODEL, build_recogniser, recognise
from kg.resources import ONTOLOGY_DIR
from kg.store import kb_graph, ontology_graph, open_store, replace_graph
from kg.types import Article, Entity, LinkedMention, ReadProblem


@dataclass
class IngestReport:
    articles: int = 0
    skipped: list[ReadProblem] = field(default_factory=list)
    entities: Counter = field(default_factory=Counter)  # distinct entities per type, this run
    mentions: int = 0
    quads: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def publisher_entity(article: Article, linked: list[LinkedMention], linker: Linker) -> Entity | None:
    """The outlet as an Organization: the byline's entity when the text names it,
    else the knowledge base's news organisation of that name, else a NIL node."""
    if not article.outlet:
        return None
    for lm in linked:
        if lm.mention.label == "OUTLET":
            return lm.entity
    entry, conf = linker.choose(article.outlet, "Organization", {})
    if entry is not None and entry.type == "Organization":
        return entity_of(entry)
    return Entity(entity_iri(None, "Organization", article.outlet), "Organization", article.outlet, ["NewsOrganization"])


def mark_changed(store_path: Path) -> None:
    """Tell readers that cache what they derive from the store (kg lookup) that it changed."""
    (store_path / "kg-generation").write_text(uuid.uuid4().hex)


def load_ontology(store: ox.Store) -> None:
    """Put the ontology into its own graph, replacing what an older version put there."""
    g = ontology_graph()
    store.remove_graph(g) if store.contains_named_graph(g) else None
    store.load(path=str(ONTOLOGY_DIR / "kg.ttl"), format=ox.RdfFormat.TURTLE, to_graph=g)


class Ingester:
    """Holds what a run loads once: the knowledge base, the spaCy pipeline, the store."""

    def __init__(
        self,
        store_path: str | Path,
        model: str = DEFAULT_MODEL,
        kb: KnowledgeBase | None = None,
        batch_size: int = 32,
        nlp: Language | None = None,
        processes: int = 1,
    ):
        """``kb`` and ``nlp`` may be passed in to share them between runs; ``nlp``
        must then have been built from the same ``kb``."""
        self.store_path = Path(store_path)
        self.kb = kb if kb is not None else load_kb(self.store_path)
        self.nlp = nlp if nlp is not None else build_recogniser(self.kb, model)
        self.linker = Linker(self.kb)
        self.batch_size = batch_size
        self.processes = processes
        self.store = open_store(self.store_path)
        self._kb_written: set[str] = set()

    def run(
        self,
        paths: Iterable[str | Path],
        stdin: TextIO | None = None,
        on_article: Callable[[Article | ReadProblem], None] | None = None,
        read_options: ReadOptions | None = None,
    ) -> IngestReport:
        """Ingest every article under ``paths``; each is written whole, in one transaction.
        ``read_options`` bound each input's size and say which files of a folder are read;
        the store itself is never read as input, even when a folder given holds it."""
        options = read_options or ReadOptions()
        options = replace(options, own_stores=options.own_stores | {self.store_path.resolve()})
        return self.run_articles(read_paths(paths, stdin=stdin, options=options), on_article)

    def run_articles(
        self,
        items: Iterable[Article | ReadProblem],
        on_article: Callable[[Article | ReadProblem], None] | None = None,
    ) -> IngestReport:
        """Ingest articles already read (problems among them are reported and skipped)."""
        report = IngestReport()
        started = time.perf_counter()
        load_ontology(self.store)
        seen: dict[str, str] = {}

        limit = self.nlp.max_length

        def articles():
            for item in items:
                if isinstance(item, Article) and len(item.text) > limit:
                    item = ReadProblem(item.source, f"text of {len(item.text):,} characters is longer than the pipeline takes ({limit:,}); split it")
                if isinstance(item, ReadProblem):
                    report.skipped.append(item)
                    if on_article:
                        on_article(item)
                else:
                    yield item

        for article, mentions in recognise(self.nlp, articles(), batch_size=self.batch_size, n_process=self.processes):
            linked = self.linker.link(article, mentions)
            publisher = publisher_entity(article, linked, self.linker)
            graph, quads = article_quads(article, linked, publisher)
            new_entries = []
            for ent in [lm.entity for lm in linked] + ([publisher] if publisher else []):
                seen[ent.iri] = ent.type
                entry = self.kb.get(ent.kb_id) if ent.kb_id and ent.kb_id not in self._kb_written else None
                if entry is not None:
                    self._kb_written.add(entry.id)
                    new_entries.append(entry)
            extra = kb_quads(new_entries, self.kb, kb_graph())
            replace_graph(self.store, graph, quads, extra)
            report.articles += 1
            report.mentions += len(linked)
            report.quads += len(quads) + len(extra)
            if on_article:
                on_article(article)
        report.entities = Counter(seen.values())
        self.store.flush()
        mark_changed(self.store_path)
        report.seconds = time.perf_counter() - started
        return report


def ingest(
    store_path: str | Path,
    paths: Iterable[str | Path],
    model: str = DEFAULT_MODEL,
    stdin: TextIO | None = None,
    on_article: Callable[[Article | ReadProblem], None] | None = None,
) -> IngestReport:
    """Read, recognise, link and store every article under ``paths``."""
    return Ingester(store_path, model).run(paths, stdin=stdin, on_article=on_article)
