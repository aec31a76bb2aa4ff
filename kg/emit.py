"""Emit: turn a linked article into RDF quads, as shared/rdf-contract.md and
ontology/README.md lay them out. Pure functions; nothing here touches the store."""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import lru_cache
from urllib.parse import quote

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, RdfFormat
from pyoxigraph import parse as ox_parse

from kg.identity import entity_iri
from kg.kb.base import KBEntry, KnowledgeBase
from kg.types import Article, AttackEvent, Entity, LinkedMention, RecordSlots
from kg.vocab import GEO, ITSRDF, KG, NIF, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, TOP_CLASS, XSD, base_iri

A = NamedNode(RDF + "type")
LABEL = NamedNode(RDFS + "label")
ALT = NamedNode(SKOS + "altLabel")
SAME = NamedNode(OWL + "sameAs")
XSD_INT = NamedNode(XSD + "integer")
XSD_DOUBLE = NamedNode(XSD + "double")
XSD_DATE = NamedNode(XSD + "date")


def _n(iri: str) -> NamedNode:
    return NamedNode(iri)


# The terms every article graph repeats, built once: an article's quads are mostly these
# and offsets, and building a term from its IRI string costs about what the whole quad does.
_NEWS_ARTICLE = NamedNode(SCHEMA + "NewsArticle")
_URL = NamedNode(SCHEMA + "url")
_HEADLINE = NamedNode(SCHEMA + "headline")
_DATE_PUBLISHED = NamedNode(SCHEMA + "datePublished")
_AUTHOR = NamedNode(SCHEMA + "author")
_PUBLISHER = NamedNode(SCHEMA + "publisher")
_MENTIONS = NamedNode(SCHEMA + "mentions")
_START_DATE = NamedNode(SCHEMA + "startDate")
_SOURCE_FILE = NamedNode(KG + "sourceFile")
_ARTICLE = NamedNode(KG + "article")
_OUTLET_NAME = NamedNode(KG + "outletName")
_CONFIDENCE = NamedNode(KG + "confidence")
_ATTACK = NamedNode(KG + "Attack")
_TRIGGER_CLASS = NamedNode(KG + "Trigger")
_TRIGGER = NamedNode(KG + "trigger")
_LOCATION = NamedNode(KG + "location")
_ACTOR = NamedNode(KG + "actor")
_WEAPON = NamedNode(KG + "weapon")
_KILLED = NamedNode(KG + "killed")
_INJURED = NamedNode(KG + "injured")
_SENTENCE_OF_EVENT = NamedNode(KG + "sentence")
_DERIVED_FROM = NamedNode(PROV + "wasDerivedFrom")
_CONTEXT = NamedNode(NIF + "Context")
_PHRASE = NamedNode(NIF + "Phrase")
_SENTENCE_CLASS = NamedNode(NIF + "Sentence")
_IS_STRING = NamedNode(NIF + "isString")
_BEGIN = NamedNode(NIF + "beginIndex")
_END = NamedNode(NIF + "endIndex")
_SOURCE_URL = NamedNode(NIF + "sourceUrl")
_REFERENCE_CONTEXT = NamedNode(NIF + "referenceContext")
_ANCHOR_OF = NamedNode(NIF + "anchorOf")
_SENTENCE = NamedNode(NIF + "sentence")
_IDENT_REF = NamedNode(ITSRDF + "taIdentRef")
_CLASS_REF = NamedNode(ITSRDF + "taClassRef")
_TA_CONFIDENCE = NamedNode(ITSRDF + "taConfidence")
_TOP_CLASS_NODES = {t: NamedNode(iri) for t, iri in TOP_CLASS.items()}


@lru_cache(maxsize=1 << 16)
def _int(v: int) -> Literal:
    """Memoised (terms are immutable): every mention and sentence has two offsets."""
    return Literal(str(int(v)), datatype=XSD_INT)


@lru_cache(maxsize=4096)
def _double(v: float) -> Literal:
    """An xsd:double in the canonical form Oxigraph stores it in ("34", not "34.0";
    "0.0000001", not "1e-07"), so that quads emitted again compare equal to the stored
    ones and re-ingesting an unchanged article finds nothing to write."""
    f = float(v)
    if math.isnan(f) or math.isinf(f):
        text = "NaN" if math.isnan(f) else ("INF" if f > 0 else "-INF")
    else:
        shortest = Decimal(repr(f))
        # Where two shortest forms lie equally near the double (2**49 + 0.25 is "...312.2"
        # or "...312.3"), Python's repr takes the even digit and Oxigraph the one away
        # from zero: take Oxigraph's.
        step = Decimal(1).scaleb(shortest.as_tuple().exponent)
        away = shortest + step if f > 0 else shortest - step
        exact = Decimal(f)
        if float(away) == f and abs(away - exact) == abs(shortest - exact):
            shortest = away
        text = format(shortest, "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    return Literal(text, datatype=XSD_DOUBLE)


@lru_cache(maxsize=1 << 16)
def _int_nt(v: int) -> str:
    """:func:`_int` as N-Triples (for :class:`_LiteralQuads`)."""
    return f'"{int(v)}"^^<{XSD_INT.value}>'


@lru_cache(maxsize=4096)
def _double_nt(v: float) -> str:
    """:func:`_double` as N-Triples (for :class:`_LiteralQuads`)."""
    return f'"{_double(v).value}"^^<{XSD_DOUBLE.value}>'


def _string_nt(s: str) -> str:
    """A plain literal as N-Triples: the four characters a quoted string cannot hold escaped."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'


def _en_nt(s: str) -> str:
    """:func:`_en` as N-Triples."""
    return _string_nt(s) + "@en"


class _LiteralQuads:
    """An article graph's quads whose object is a literal, held as N-Quads lines and
    parsed together into their places in the graph's list (:meth:`fill`).

    pyoxigraph builds a Quad whose object is a Literal at about five times the cost of
    one whose object is an IRI (its argument is tried as each other kind of term first):
    2.2 against 0.44 us, and half an article's quads have a literal object (offsets,
    anchors, confidences). Parsed from N-Quads, the same quads cost 1.3 us, subject
    included. The subjects and the graph are IRIs already checked (built as NamedNode
    for the graph's other quads), so the lines are parsed without checking them again."""

    def __init__(self, graph: NamedNode | BlankNode | DefaultGraph | None):
        # (the graph as N-Quads writes it: nothing for the default graph)
        self.tail = " .\n" if graph is None or isinstance(graph, DefaultGraph) else f" {graph} .\n"
        self.lines: list[str] = []
        self.places: list[int] = []

    def add(self, q: list, subject: str, predicate: NamedNode, literal: str) -> None:
        """Keep a place in ``q`` for the quad (``literal`` in N-Triples form)."""
        self.places.append(len(q))
        q.append(None)
        self.lines.append(f"<{subject}> <{predicate.value}> {literal}{self.tail}")

    def fill(self, q: list) -> None:
        if not self.lines:
            return
        parsed = ox_parse("".join(self.lines).encode("utf-8"), format=RdfFormat.N_QUADS, lenient=True)
        for i, quad in zip(self.places, parsed, strict=True):
            q[i] = quad
        self.lines, self.places = [], []


def _en(s: str) -> Literal:
    return Literal(s, language="en")


def url_node(url: str | None) -> NamedNode | None:
    """The article's URL as an IRI: characters an IRI cannot hold are percent-encoded;
    a string that still is no IRI (no scheme, say) gives None."""
    if not url:
        return None
    for candidate in (url.strip(), quote(url.strip(), safe=":/?#[]@!$&'()*+,;=%~")):
        try:
            node = NamedNode(candidate)
        except ValueError:
            continue
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", node.value):
            return node
    return None


def article_iri(article: Article) -> str:
    """From the URL when there is one, else from the text: the same article read twice
    gets the same IRI."""
    basis = ("url:" + article.url) if article.url else ("text:" + article.text)
    return f"{base_iri()}article/{hashlib.sha1(basis.encode('utf-8')).hexdigest()[:20]}"


def class_iri(local: str) -> NamedNode:
    return _n(KG + local)


def article_quads(
    article: Article, linked: list[LinkedMention], publisher: Entity | None = None, events: Iterable[AttackEvent] = ()
) -> tuple[NamedNode, list[Quad]]:
    """The named graph of one article: the article, its text, sentences, mentions, which
    entities it names, and the attacks it reports. The entities' own facts (types,
    labels, identifiers) are not here but once in the entity graph (kg/entities.py
    derives them from these quads)."""
    iri = article_iri(article)
    g = _n(iri)
    art = g
    ctx = _n(iri + "#context")
    text = article.text
    q: list[Quad] = [Quad(art, A, _NEWS_ARTICLE, g)]
    url = url_node(article.url)
    if url is not None:
        q.append(Quad(art, _URL, url, g))
    if article.title:
        q.append(Quad(art, _HEADLINE, Literal(article.title), g))
    if article.date:
        q.append(Quad(art, _DATE_PUBLISHED, Literal(article.date.isoformat(), datatype=XSD_DATE), g))
    if article.author:
        q.append(Quad(art, _AUTHOR, Literal(article.author), g))
    q.append(Quad(art, _SOURCE_FILE, Literal(article.source), g))

    q += [
        Quad(ctx, A, _CONTEXT, g),
        Quad(ctx, _ARTICLE, art, g),
        Quad(ctx, _IS_STRING, Literal(text), g),
        Quad(ctx, _BEGIN, _int(0), g),
        Quad(ctx, _END, _int(len(text)), g),
    ]
    if url is not None:
        q.append(Quad(ctx, _SOURCE_URL, url, g))

    entities: dict[str, Entity] = {}
    nodes: dict[str, NamedNode] = {}  # entity IRI -> its term, built once per article
    sentences: set[tuple[int, int]] = set()
    literals = _LiteralQuads(g)  # the quads of a literal object, in their places (see the class)
    for lm in linked:
        m, ent = lm.mention, lm.entity
        entities[ent.iri] = ent
        target = nodes.get(ent.iri)
        if target is None:
            target = nodes[ent.iri] = _n(ent.iri)
        node_iri = f"{iri}#char={m.start},{m.end}"
        node = _n(node_iri)
        confidence = _double_nt(lm.confidence)
        q += [Quad(node, A, _PHRASE, g), Quad(node, _REFERENCE_CONTEXT, ctx, g)]
        literals.add(q, node_iri, _BEGIN, _int_nt(m.start))
        literals.add(q, node_iri, _END, _int_nt(m.end))
        literals.add(q, node_iri, _ANCHOR_OF, _string_nt(text[m.start : m.end]))
        q += [Quad(node, _IDENT_REF, target, g), Quad(node, _CLASS_REF, _TOP_CLASS_NODES[ent.type], g)]
        literals.add(q, node_iri, _CONFIDENCE, confidence)
        # the same confidence where NIF readers (GERBIL, Spotlight clients) look for it
        literals.add(q, node_iri, _TA_CONFIDENCE, confidence)
        if m.sentence:
            sentences.add(m.sentence)
            q.append(Quad(node, _SENTENCE, _n(f"{iri}#char={m.sentence[0]},{m.sentence[1]}"), g))
    events = list(events)
    for ev in events:
        q += event_quads(ev, iri, text, g)
        sentences.update(ev.sentences)
    for b, e in sorted(sentences):
        node_iri = f"{iri}#char={b},{e}"
        node = _n(node_iri)
        q += [Quad(node, A, _SENTENCE_CLASS, g), Quad(node, _REFERENCE_CONTEXT, ctx, g)]
        literals.add(q, node_iri, _BEGIN, _int_nt(b))
        literals.add(q, node_iri, _END, _int_nt(e))
        literals.add(q, node_iri, _ANCHOR_OF, _string_nt(text[b:e]))
    literals.fill(q)
    if publisher is not None:
        q.append(Quad(art, _PUBLISHER, _n(publisher.iri), g))
        if article.outlet:
            # The outlet as the source names it: the only name a publisher that the text
            # never mentions has, kept here so the entity graph can be rebuilt from articles.
            q.append(Quad(art, _OUTLET_NAME, Literal(article.outlet), g))
    for ent_iri in entities:
        q.append(Quad(art, _MENTIONS, nodes[ent_iri], g))
    return g, q


def event_iri(article_iri: str, ev: AttackEvent) -> str:
    """A pure function of the article, where the attack is reported in it and the place
    hit (one sentence may report attacks on two places)."""
    key = f"{article_iri}#{ev.trigger[0]},{ev.trigger[1]}#{ev.location.iri if ev.location else ''}"
    return f"{base_iri()}event/{hashlib.sha1(key.encode('utf-8')).hexdigest()[:20]}"


def event_quads(ev: AttackEvent, article_iri: str, text: str, g: NamedNode) -> list[Quad]:
    """One attack as ontology/README.md lays it out: its slots, its trigger span and
    the sentences it was read from (their nif:Sentence nodes are written with the rest)."""
    s = _n(event_iri(article_iri, ev))
    b, e = ev.trigger
    trigger = _n(f"{article_iri}#trigger={b},{e}")
    q = [
        Quad(s, A, _ATTACK, g),
        Quad(s, _DERIVED_FROM, _n(article_iri), g),
        Quad(s, _CONFIDENCE, _double(ev.confidence), g),
        Quad(s, _TRIGGER, trigger, g),
        Quad(trigger, A, _TRIGGER_CLASS, g),
        Quad(trigger, _REFERENCE_CONTEXT, _n(article_iri + "#context"), g),
        Quad(trigger, _BEGIN, _int(b), g),
        Quad(trigger, _END, _int(e), g),
        Quad(trigger, _ANCHOR_OF, Literal(text[b:e]), g),
    ]
    if ev.location is not None:
        q.append(Quad(s, _LOCATION, _n(ev.location.iri), g))
    if ev.actor is not None:
        q.append(Quad(s, _ACTOR, _n(ev.actor.iri), g))
    for w in ev.weapons:
        q.append(Quad(s, _WEAPON, _n(w.iri), g))
    if ev.killed is not None:
        q.append(Quad(s, _KILLED, _int(ev.killed), g))
    if ev.injured is not None:
        q.append(Quad(s, _INJURED, _int(ev.injured), g))
    if ev.date is not None:
        q.append(Quad(s, _START_DATE, Literal(ev.date.isoformat(), datatype=XSD_DATE), g))
    for sb, se in ev.sentences:
        q.append(Quad(s, _SENTENCE_OF_EVENT, _n(f"{article_iri}#char={sb},{se}"), g))
    return q


def attack_slots(article: Article, events: Iterable[AttackEvent]) -> dict[str, RecordSlots]:
    """The attack records :func:`event_quads` writes for an article, as slots (see
    kg.types.RecordSlots): what kg/incident_upkeep.py would read back of them."""
    iri = article_iri(article)
    published = [article.date.isoformat()] if article.date else []
    out: dict[str, RecordSlots] = {}
    for ev in events:
        slots: dict[str, list[str]] = {_DERIVED_FROM.value: [iri], _CONFIDENCE.value: [_double(ev.confidence).value]}
        if ev.location is not None:
            slots[_LOCATION.value] = [ev.location.iri]
        if ev.actor is not None:
            slots[_ACTOR.value] = [ev.actor.iri]
        if ev.weapons:
            slots[_WEAPON.value] = [w.iri for w in ev.weapons]
        if ev.killed is not None:
            slots[_KILLED.value] = [_int(ev.killed).value]
        if ev.injured is not None:
            slots[_INJURED.value] = [_int(ev.injured).value]
        if ev.date is not None:
            slots[_START_DATE.value] = [ev.date.isoformat()]
        key = event_iri(iri, ev)
        if key in out:  # two attacks told at one trigger and place: one record, as in the store
            for p, values in slots.items():
                out[key][0].setdefault(p, []).extend(values)
        else:
            out[key] = (slots, published)
    return out


_DESCRIPTION = NamedNode(SCHEMA + "description")
_COUNTRY_CODE = NamedNode(KG + "countryCode")
_LAT = NamedNode(GEO + "lat")
_LONG = NamedNode(GEO + "long")
_POPULATION = NamedNode(KG + "population")
_PART_OF = NamedNode(KG + "partOf")


def kb_entry_quads(entry: KBEntry, kb: KnowledgeBase, g: NamedNode) -> Iterator[Quad]:
    """What the knowledge base knows of an entry, for the entity graph (its labels and
    other literals parsed together, as an article's are: see :class:`_LiteralQuads`)."""
    iri = entity_iri(entry.id, entry.type, entry.label)
    s = _n(iri)
    q: list = [Quad(s, A, _n(TOP_CLASS[entry.type]), g)]
    for c in entry.classes:
        q.append(Quad(s, A, class_iri(c), g))
    literals = _LiteralQuads(g)
    literals.add(q, iri, LABEL, _en_nt(entry.label))
    for alias in entry.aliases[:50]:
        literals.add(q, iri, ALT, _en_nt(alias))
    for same in entry.same_as:
        q.append(Quad(s, SAME, _n(same), g))
    if entry.description:
        literals.add(q, iri, _DESCRIPTION, _en_nt(entry.description))
    if entry.country:
        literals.add(q, iri, _COUNTRY_CODE, _string_nt(entry.country))
    if entry.lat is not None and entry.lon is not None:
        literals.add(q, iri, _LAT, _double_nt(entry.lat))
        literals.add(q, iri, _LONG, _double_nt(entry.lon))
    if entry.population:
        literals.add(q, iri, _POPULATION, _int_nt(entry.population))
    if entry.part_of and entry.part_of in kb:
        parent = kb.get(entry.part_of)
        q.append(Quad(s, _PART_OF, _n(entity_iri(parent.id, parent.type, parent.label)), g))
    literals.fill(q)
    return iter(q)


