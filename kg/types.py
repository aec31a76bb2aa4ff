"""Plain records passed between the pipeline's stages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# The four top classes of the RDF contract, by their short names.
TOP_TYPES = ("Person", "Place", "Organization", "Weapon")


@dataclass
class Article:
    """One article as read from its source, before any NLP.

    ``text`` is the exact string that mention offsets index into (it becomes
    ``nif:isString``); title and byline are part of it when the source has them.
    """

    text: str
    source: str  # file path, "<stdin>", or "path:line" for JSON Lines
    title: str | None = None
    url: str | None = None
    date: dt.date | None = None
    outlet: str | None = None
    author: str | None = None
    # Character offsets into ``text`` where the outlet's name stands (the byline), if it does.
    outlet_span: tuple[int, int] | None = None


@dataclass
class ReadProblem:
    """An input that could not be read; the run skips it and goes on."""

    source: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message}"


@dataclass
class Mention:
    """A recognised span of an article's text."""

    start: int  # character offsets into Article.text
    end: int
    text: str
    label: str  # the recogniser's label: a top type or a spaCy label (PERSON, GPE, ...)
    source: str = "ner"  # "ner" (statistical model) or "kb" (knowledge-base rules)
    kb_id: str | None = None  # set by the rule-based recogniser when the rule names an entry
    sentence: tuple[int, int] | None = None  # offsets of the sentence it stands in


@dataclass
class Entity:
    """A resolved entity: a knowledge-base entry or an unknown (NIL) one."""

    iri: str
    type: str  # one of TOP_TYPES
    label: str
    classes: list[str] = field(default_factory=list)  # finer ontology classes (local names)
    same_as: list[str] = field(default_factory=list)  # GeoNames / Wikidata IRIs
    kb_id: str | None = None  # None for NIL entities
    surfaces: list[str] = field(default_factory=list)  # every surface form seen, in order


@dataclass
class LinkedMention:
    """A mention resolved to an entity, with the confidence of that link."""

    mention: Mention
    entity: Entity
    confidence: float


@dataclass
class AttackEvent:
    """One attack an article reports, read from one or more of its sentences.

    Offsets index into ``Article.text``. Entity-valued slots are the linked
    entities of the article; numbers and the date only as the text states them.
    """

    trigger: tuple[int, int]  # the word that reports the attack ("strike", "shelled")
    sentences: list[tuple[int, int]]  # every sentence the event was read from, in order
    location: Entity | None = None
    actor: Entity | None = None
    weapons: list[Entity] = field(default_factory=list)
    killed: int | None = None
    injured: int | None = None
    date: dt.date | None = None
    confidence: float = 0.5


# An attack record's slots as written (predicate IRI -> values: IRIs for the entity-valued
# slots, lexical forms for the others) and its article's schema:datePublished values.
RecordSlots = tuple[dict[str, list[str]], list[str]]


@dataclass
class ArticleNotes:
    """What the emitter knows of an article graph it emitted and the watchers of a write
    need (kg/store.py's ``Watcher``), so that they need not scan the graph's quads again:
    the keys of its name readings (kg/corpus_names.py) and its attack records, by IRI,
    as kg/incident_upkeep.py reads them. Plain strings, cheap to hand between processes."""

    name_keys: list[str] = field(default_factory=list)
    attacks: dict[str, RecordSlots] = field(default_factory=dict)
