"""One article's work, shared by every engine: recognise -> link -> events -> emit.

``kg ingest`` (in one process or with ``-j N``), ``kg shard`` (local processes or a Dask
cluster) all turn articles into :class:`ArticleRecord` values through
:meth:`ArticleProcessor.process`, so that every engine writes the same quads. The
processor keeps no state across articles that changes results (entity IRIs are pure
functions of the entity), which is what lets articles be split between processes and
machines and still give the store that one process would have written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox
from spacy.language import Language

from kg.bylines import with_byline_outlet
from kg.corpus_names import NAME_KEY, reading_quads
from kg.emit import article_quads, attack_slots
from kg.entities import Seen, seen_in
from kg.events import EventExtractor, event_entities
from kg.identity import entity_iri, entity_of
from kg.kb import KnowledgeBase
from kg.link import Linker
from kg.recognise import DEFAULT_MODEL, build_recogniser, recognise
from kg.store import Serialized
from kg.types import Article, ArticleNotes, Entity, LinkedMention, ReadProblem

# A wire dateline's credit: "KYIV, Ukraine (AP) — ", "BEIRUT, May 6 (Reuters) - ": at the
# start of a line, a place in capitals or a place and a comma, the outlet in brackets, a dash.
_DATELINE_CREDIT = re.compile(
    r"^(?P<place>[A-Z][A-Za-z0-9’'., -]{1,60}?)\s\((?P<outlet>[A-Z][A-Za-z0-9&’'. -]{0,38}[A-Za-z])\)\s*[-–—:]\s", re.M
)
_CAPITALS = re.compile(r"^[A-Z]{2,}\b")
_CREDIT_WINDOW = 1500  # a dateline opens the article: only its first characters are read


def credited_outlet(article: Article, linker: Linker) -> Entity | None:
    """The news organisation a dateline credits ("KYIV (AP) —"), when the knowledge base
    knows it as one; an unknown name in brackets is no evidence of an outlet."""
    for m in _DATELINE_CREDIT.finditer(article.text[:_CREDIT_WINDOW]):
        if "," not in m.group("place") and not _CAPITALS.match(m.group("place")):
            continue  # "Officials said (AP) - ..." is no dateline
        entry, _ = linker.choose(m.group("outlet"), "Organization", {})
        if entry is not None and "NewsOrganization" in entry.classes:
            return entity_of(entry)
    return None


def publisher_entity(article: Article, linked: list[LinkedMention], linker: Linker) -> Entity | None:
    """The outlet as an Organization: the byline's entity when the text names it,
    else the knowledge base's news organisation of that name, else a NIL node of the
    byline's name. Without a byline, the outlet whose web domain the article's URL is
    on (its host, or a domain the host lies under), when the knowledge base knows it --
    a byline is the outlet's own word, a URL may be a syndicating site's -- and without
    either, the news agency its dateline credits."""
    if not article.outlet:
        entry = linker.kb.outlet_of_url(article.url) if article.url else None
        return entity_of(entry) if entry is not None else credited_outlet(article, linker)
    for lm in linked:
        if lm.mention.label == "OUTLET":
            return lm.entity
    entry, conf = linker.choose(article.outlet, "Organization", {})
    if entry is not None and entry.type == "Organization":
        return entity_of(entry)
    return Entity(entity_iri(None, "Organization", article.outlet), "Organization", article.outlet, ["NewsOrganization"])


@dataclass
class ArticleRecord:
    """One article ready to write: its graph and quads, and what the run's summary counts.
    Plain data, so a worker process can hand it back."""

    article: Article
    graph: ox.NamedNode
    quads: list[ox.Quad]  # or, handed over by a worker, kg.store.Serialized
    mentions: int = 0
    events: int = 0
    entities: dict[str, str] = field(default_factory=dict)  # entity IRI -> top type
    # What the quads say of each entity (kg.entities.seen_in), worked out here rather than
    # by the process that writes: with -j N that one is the bottleneck.
    seen: dict[str, Seen] | None = None
    # What the write's watchers need of the quads (name keys, attack records), likewise.
    notes: ArticleNotes | None = None

    # Pickled with its quads as N-Quads bytes: pickling pyoxigraph terms one by one cost
    # half as much CPU as the article's whole NLP (1.2 s for 100 articles), N-Quads out
    # a fiftieth of that. They come back unparsed (kg.store.Serialized): the process that
    # writes loads a new article's bytes as they are, and parses only those it must read.
    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["graph"] = self.graph.value
        q = self.quads
        data = q.data if isinstance(q, Serialized) and not q.parsed else ox.serialize(q, format=ox.RdfFormat.N_QUADS)
        state["quads"] = (data, len(q))
        return state

    def __setstate__(self, state: dict) -> None:
        state["graph"] = ox.NamedNode(state["graph"])
        state["quads"] = Serialized(*state["quads"])
        self.__dict__.update(state)


def too_long(article: Article, limit: int) -> ReadProblem | None:
    """The problem an article longer than the pipeline takes is, or None."""
    if len(article.text) <= limit:
        return None
    return ReadProblem(article.source, f"text of {len(article.text):,} characters is longer than the pipeline takes ({limit:,}); split it")


class ArticleProcessor:
    """What the per-article work needs, loaded once per process: the knowledge base, the
    spaCy pipeline (built on first use), the linker and the event extractor."""

    def __init__(self, kb: KnowledgeBase, model: str = DEFAULT_MODEL, nlp: Language | None = None, batch_size: int = 32):
        self.kb = kb
        self.model = model
        self._nlp = nlp
        self.batch_size = batch_size
        self.linker = Linker(kb)
        self.events = EventExtractor(kb)

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = build_recogniser(self.kb, self.model)
        return self._nlp

    def record(self, article: Article, mentions, sentences) -> ArticleRecord:
        """The per-article function: link an article's mentions, read its attacks, emit its graph."""
        article = with_byline_outlet(article, self.kb.candidates)  # "By Jane Roe, via X": X is the outlet
        linked = self.linker.link(article, mentions)
        publisher = publisher_entity(article, linked, self.linker)
        events = self.events.extract(article, linked, sentences)
        graph, quads = article_quads(article, linked, publisher, events)
        held = [publisher, *event_entities(events)]
        # Each unknown name's reading, for the corpus pass after the write (kg/corpus_names.py).
        readings = reading_quads(graph, linked, self.linker.nil_typing, held)
        quads += readings
        named = [lm.entity for lm in linked] + [e for e in held if e is not None]
        notes = ArticleNotes([q.object.value for q in readings if q.predicate == NAME_KEY], attack_slots(article, events))
        return ArticleRecord(article, graph, quads, len(linked), len(events), {e.iri: e.type for e in named}, seen_in(quads), notes)

    def process(self, articles: Iterable[Article]) -> Iterator[ArticleRecord]:
        """Records for ``articles``, in order (the pipeline runs them in batches)."""
        for article, mentions, sentences in recognise(self.nlp, articles, batch_size=self.batch_size):
            yield self.record(article, mentions, sentences)

    def process_list(self, articles: list[Article]) -> list[ArticleRecord]:
        """:meth:`process` as a list: one chunk of work for a worker process."""
        return list(self.process(articles))
