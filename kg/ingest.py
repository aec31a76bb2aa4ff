"""The whole pipeline for a run: read -> recognise -> link -> emit -> store."""

from __future__ import annotations

import sys
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

import pyoxigraph as ox
from spacy.language import Language

from kg.corpus_names import PENDING as NAMES_PENDING
from kg.corpus_names import NameChanges, Watchers, as_stored
from kg.emit import article_iri, url_node
from kg.errors import Interrupted, KGError
from kg.incident_upkeep import PENDING, IncidentChanges
from kg.kb import KnowledgeBase, load_kb
from kg.parallel import article_records, sigint_deferred
from kg.passes import StoreHandle
from kg.pipeline import ArticleProcessor, ArticleRecord, credited_outlet, publisher_entity, too_long  # noqa: F401 (the last two re-exported)
from kg.read import ReadOptions, read_paths
from kg.recognise import DEFAULT_MODEL
from kg.resources import ONTOLOGY_DIR
from kg.store import Watcher, migrate, needs_migration, ontology_graph, open_store, write_articles
from kg.types import Article, ReadProblem
from kg.vocab import KG, SCHEMA, base_iri


@dataclass
class IngestReport:
    articles: int = 0
    skipped: list[ReadProblem] = field(default_factory=list)
    entities: Counter = field(default_factory=Counter)  # distinct entities per type, this run
    mentions: int = 0
    events: int = 0
    quads: int = 0
    incidents: int = 0  # in the whole store after the run
    retyped: int = 0  # articles whose unknown names the corpus pass retyped (kg/corpus_names.py)
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def mark_changed(store_path: Path) -> None:
    """Tell readers that cache what they derive from the store (kg lookup) that it changed."""
    (store_path / "kg-generation").write_text(uuid.uuid4().hex)


def load_ontology(store: ox.Store) -> None:
    """Put the ontology into its own graph, replacing what an older version put there."""
    g = ontology_graph()
    store.remove_graph(g) if store.contains_named_graph(g) else None
    store.load(path=str(ONTOLOGY_DIR / "kg.ttl"), format=ox.RdfFormat.TURTLE, to_graph=g)


class Ingester:
    """Holds what a run loads once: the knowledge base, the spaCy pipeline, the store.

    The spaCy pipeline is built on first use, so removing articles does not load it.
    """

    def __init__(
        self,
        store_path: str | Path,
        model: str = DEFAULT_MODEL,
        kb: KnowledgeBase | None = None,
        batch_size: int = 32,
        nlp: Language | None = None,
        processes: int = 1,
        articles_per_commit: int = 100,
        flush_every: int = 100,
        compact: bool = True,
        commit_seconds: float = 5.0,
    ):
        """``kb`` and ``nlp`` may be passed in to share them between runs; ``nlp``
        must then have been built from the same ``kb``.

        Memory and disk: ``articles_per_commit`` whole articles go into one write
        (fewer, larger writes; a crash still leaves whole articles only: see
        :func:`kg.store.insert_quads`), or fewer when the oldest has waited
        ``commit_seconds`` (so that progress is reported as it goes), the store's
        write buffers are flushed to disk every ``flush_every`` articles (0: only at the
        end) so that a run's memory does not grow with its length, and ``compact``
        reopens the store after a run so that little beyond its data is left on disk
        (``Store.optimize()`` was measured to shrink nothing here)."""
        self.store_path = Path(store_path)
        self.kb = kb if kb is not None else load_kb(self.store_path)
        self.model = model
        # The per-article work (kg/pipeline.py), shared with `kg shard` and the -j workers.
        self.processor = ArticleProcessor(self.kb, model, nlp=nlp, batch_size=batch_size)
        self.linker = self.processor.linker
        self.events = self.processor.events
        self.incidents = 0  # incidents in the store after the last change
        self.incident_changes = IncidentChanges(marker=self.store_path / PENDING)  # what the writes since then changed
        # The unknown names the writes since the last corpus pass touched (kg/corpus_names.py).
        self.name_changes = NameChanges(marker=self.store_path / NAMES_PENDING)
        self.watch = Watchers(self.name_changes, self.incident_changes)
        self.retyped = 0  # articles the last corpus pass rewrote
        self.batch_size = batch_size
        self.processes = processes
        self.articles_per_commit = max(1, articles_per_commit)
        self.commit_seconds = commit_seconds
        self.flush_every = flush_every
        self.compact = compact
        self.store = open_store(self.store_path)
        if needs_migration(self.store):
            migrate(self.store, self.kb)
            self.incident_changes.everything = True

    @property
    def nlp(self) -> Language:
        return self.processor.nlp

    def run(
        self,
        paths: Iterable[str | Path],
        stdin: TextIO | None = None,
        on_article: Callable[[Article | ReadProblem], None] | None = None,
        read_options: ReadOptions | None = None,
    ) -> IngestReport:
        """Ingest every article under ``paths``; each is written whole, in one write.
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

        nlp = self.nlp
        limit = nlp.max_length

        def articles():
            for item in items:
                if isinstance(item, Article):
                    item = too_long(item, limit) or item
                if isinstance(item, ReadProblem):
                    report.skipped.append(item)
                    if on_article:
                        on_article(item)
                else:
                    yield item

        batch = _Batch(self, report, on_article)
        try:
            # While workers finish the last chunks, what came back is written (see article_records).
            for rec in article_records(self.processor, articles(), self.processes, on_idle=batch.commit_while_idle):
                seen.update(rec.entities)
                batch.add(rec)
            batch.commit()
        except KeyboardInterrupt:
            # Ctrl-C: the articles already emitted are whole; keep them, stop, and say how
            # many are in the store (workers were stopped by article_records).
            batch.commit(after_error=True)
            raise Interrupted(report.articles) from None
        except BaseException:
            # The articles already emitted are whole: keep them, as a run that wrote
            # each article on its own would have, then let the error go on.
            batch.commit(after_error=True)
            raise
        finally:
            if report.articles:
                self._after_change()
        report.entities = Counter(seen.values())
        report.incidents = self.incidents
        report.retyped = self.retyped if report.articles else 0
        report.seconds = time.perf_counter() - started
        return report

    def remove(self, keys: Iterable[str]) -> int:
        """Remove the articles ``keys`` name (see :func:`remove_articles`); returns how many."""
        n = remove_articles(self.store, self.kb, keys, watch=self.watch)
        if n:
            self._after_change()
        return n

    def _after_change(self) -> None:
        """Runs once after a run that wrote articles, and after a removal: what is derived
        from all the articles together is brought up to date here (and readers that
        cache are told the store changed)."""
        # Unknown names the writes touched are typed again over the whole corpus (a few
        # look-ups per name; only articles whose reading changes are rewritten), before
        # the incidents, which follow the entities' types.
        # The incident graph follows the events now in the store: only the part the
        # writes since the last change reached is redone (kg/incident_upkeep.py). With
        # the store to itself, the two passes share one handle, which starts from the
        # store the run wrote with and opens it again as they read, so a first ingest of
        # many articles, whose update reads every record, stays in the memory the run
        # needed (RocksDB keeps what it read until the store is closed).
        if self._sole_holder():
            self.store.flush()
            handle = StoreHandle(self.store, path=self.store_path)
            del self.store
            try:
                self.retyped = self.name_changes.apply_at(handle, self.kb, watch=self.incident_changes)
                self.incidents = self.incident_changes.apply_at(handle)
            finally:
                del handle  # the only reference to the store it holds: closed here, then opened again
                self.store = open_store(self.store_path)
        else:
            self.retyped = self.name_changes.apply(self.store, self.kb, watch=self.incident_changes)
            self.incidents = self.incident_changes.apply(self.store)
            self.store.flush()
            if self.compact:
                self._reopen()
        mark_changed(self.store_path)

    def _sole_holder(self) -> bool:
        """Whether this object holds the only reference to its store, so that letting it
        go closes it (a second writer cannot open a store while the first is alive)."""
        return sys.getrefcount(self.store) <= 2  # this attribute and getrefcount's argument

    def _reopen(self) -> None:
        """Close the store and open it again: RocksDB keeps its write-ahead log files
        (25 MB and more, preallocated) even after a flush, and only truncates them when
        it opens the store (a store of 300 articles: 130 MB left on disk, 41 MB after).
        Done only when nothing else holds the store (a second writer cannot open it
        while the first is alive)."""
        if not self._sole_holder():
            return
        del self.store
        self.store = open_store(self.store_path)


# Articles written between two reopenings of the store in a run (see _Batch.commit).
REOPEN_EVERY = 500
# Articles waiting that make a write of their own while the workers finish the last chunks.
IDLE_COMMIT_MIN = 24
# Quads waiting that make a write of their own whatever the article count: keeps each
# write well under the size at which the bulk loader stops being atomic (kg/store.py).
QUADS_PER_COMMIT = 200_000


class _Batch:
    """The articles emitted but not yet written: written together, in one all-or-nothing
    write (see :func:`write_articles`), when there are ``articles_per_commit`` of them or
    QUADS_PER_COMMIT quads, when the oldest has waited ``commit_seconds``, when an
    article would replace one already waiting, and at the end of the run; the store is
    flushed every ``flush_every`` articles written. Each write costs a fixed part
    (the bulk loader's files, fsyncs) beside its quads, so fewer, larger writes are cheaper."""

    def __init__(self, ingester: Ingester, report: IngestReport, on_article: Callable[[Article | ReadProblem], None] | None):
        self.ingester, self.report, self.on_article = ingester, report, on_article
        self.waiting: list[ArticleRecord] = []
        self.graphs: set[str] = set()  # the IRIs of the waiting articles' graphs
        self.quads = 0  # quads of the waiting articles
        self.since = 0.0  # when the oldest waiting article came
        self.since_flush = 0
        self.since_reopen = 0
        self.failed = False

    def add(self, rec: ArticleRecord) -> None:
        if rec.graph.value in self.graphs:
            self.commit()  # the same article twice in a run: the later one replaces the earlier
        if not self.waiting:
            self.since = time.monotonic()
        self.waiting.append(rec)
        self.graphs.add(rec.graph.value)
        self.quads += len(rec.quads)
        ing = self.ingester
        if len(self.waiting) >= ing.articles_per_commit or self.quads >= QUADS_PER_COMMIT or time.monotonic() - self.since >= ing.commit_seconds:
            self.commit()

    def commit_while_idle(self) -> None:
        """Write what waits while the workers finish the last chunks (kg/parallel.py), when
        that is enough to be worth a write of its own: each write costs a fixed part (the
        bulk loader's files, the entity upkeep's look-ups of every entity the batch names),
        and on a machine with as many cores as workers this process's CPU is taken from theirs."""
        if len(self.waiting) >= IDLE_COMMIT_MIN:
            self.commit()

    def commit(self, after_error: bool = False) -> None:
        """Write the waiting articles. After an error, only if writing was not what failed."""
        if not self.waiting or (after_error and self.failed):
            return
        ing = self.ingester
        with sigint_deferred():  # Ctrl-C waits until the articles written are counted
            self.failed = True
            for e in self.waiting:
                if ing.store.contains_named_graph(e.graph):
                    # A re-ingest keeps what the corpus made of its names (kg/corpus_names.py).
                    quads = as_stored(ing.store, e.graph, e.quads)
                    if quads is not e.quads:
                        e.quads, e.seen, e.notes = quads, None, None
            seen = [e.seen for e in self.waiting] if all(e.seen is not None for e in self.waiting) else None
            written = write_articles(ing.store, ing.kb, [(e.graph, e.quads) for e in self.waiting], watch=ing.watch, seen=seen,
                                     notes=[e.notes for e in self.waiting])
            self.failed = False
            self.report.articles += len(self.waiting)
            self.report.quads += written.added
            self.report.mentions += sum(e.mentions for e in self.waiting)
            self.report.events += sum(e.events for e in self.waiting)
            self.since_flush += len(self.waiting)
            if ing.flush_every and self.since_flush >= ing.flush_every:
                ing.store.flush()  # bounds the write buffers: memory stays flat however long the run
                self.since_flush = 0
            self.since_reopen += len(self.waiting)
            if ing.compact and self.since_reopen >= REOPEN_EVERY:
                # RocksDB keeps what it read of the growing store (blocks, table readers) until
                # it is closed: about 18 MiB more per 1,000 articles, released by a reopen.
                ing.store.flush()
                ing._reopen()
                self.since_reopen = 0
            done, self.waiting, self.graphs, self.quads = self.waiting, [], set(), 0
        if self.on_article:
            for e in done:
                self.on_article(e.article)


def article_graphs(store: ox.Store, key: str) -> set[ox.NamedNode]:
    """The article graphs ``key`` names: an article IRI, an article's URL, or the source
    file (or folder) it was read from. A file or folder that still exists is read again,
    so its articles are found by the IRIs ingest gives them; the source recorded in the
    store (``kg:sourceFile``, "path" or "path:line") is matched too."""
    found: set[ox.NamedNode] = set()
    article_prefix = base_iri() + "article/"
    if key.startswith(article_prefix):
        try:
            found.add(ox.NamedNode(key))
        except ValueError:
            pass
    url = url_node(key)
    if url is not None:
        found |= {q.graph_name for q in store.quads_for_pattern(None, ox.NamedNode(SCHEMA + "url"), url, None)}
        found.add(ox.NamedNode(article_iri(Article(text="", source="", url=key))))
    path = Path(key)
    if path.exists():
        for item in read_paths([path]):
            if isinstance(item, Article):
                found.add(ox.NamedNode(article_iri(item)))
    source = ox.NamedNode(KG + "sourceFile")
    for q in store.quads_for_pattern(None, source, None, None):
        value = q.object.value
        if value == key or (value.startswith(key + ":") and value[len(key) + 1 :].isdigit()):
            found.add(q.graph_name)
    return {g for g in found if store.contains_named_graph(g)}


def remove_articles(store: ox.Store, kb: KnowledgeBase, keys: Iterable[str], watch: Watcher | None = None) -> int:
    """Remove the articles ``keys`` name (URLs, IRIs, source files or folders), with the
    entity facts only they supported, in one write; returns how many were removed.
    A key that names no article in the store is an error, and then nothing is removed."""
    graphs: set[ox.NamedNode] = set()
    unknown = []
    for key in keys:
        found = article_graphs(store, key)
        if not found:
            unknown.append(key)
        graphs |= found
    if unknown:
        raise KGError(f"no article in the store is named by {', '.join(repr(k) for k in unknown)} (give its URL, IRI or source file)")
    return write_articles(store, kb, [], remove=sorted(graphs, key=lambda g: g.value), watch=watch).removed


def ingest(
    store_path: str | Path,
    paths: Iterable[str | Path],
    model: str = DEFAULT_MODEL,
    stdin: TextIO | None = None,
    on_article: Callable[[Article | ReadProblem], None] | None = None,
) -> IngestReport:
    """Read, recognise, link and store every article under ``paths``."""
    return Ingester(store_path, model).run(paths, stdin=stdin, on_article=on_article)
