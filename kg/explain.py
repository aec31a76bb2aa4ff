"""Explain: why each name of an article got its type and its link.

Runs the recogniser and the linker on articles without writing a store, and returns,
for each mention the linker considered, the evidence for each type (kg/nametype.py),
the type chosen, and the link decision (knowledge-base entry and confidence, an unknown
NIL node, or not an entity at all). `kg explain` prints these records.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from kg.identity import entity_iri
from kg.kb.base import fold
from kg.link import Linker
from kg.nametype import Evidence, TypeDecision
from kg.read import ReadOptions, read_paths, read_text
from kg.recognise import recognise
from kg.types import Article, LinkedMention, ReadProblem


@dataclass
class MentionExplanation:
    """One mention: where it stands, what the evidence says, what the linker made of it."""

    surface: str
    start: int
    end: int
    label: str  # the recogniser's label (PERSON, GPE, KB|ORG, OUTLET...)
    type: str | None  # the entity's type, or the expected type of a mention that became none
    scores: dict[str, float]
    margin: float
    evidence: list[Evidence]
    pooled: TypeDecision | None = None  # an unknown name's decision over all its mentions
    kb_id: str | None = None
    kb_label: str | None = None
    entity: str | None = None  # the entity's IRI; None: not an entity
    confidence: float | None = None


@dataclass
class ArticleExplanation:
    source: str
    title: str | None
    mentions: list[MentionExplanation] = field(default_factory=list)


def articles_of(text_or_file: str, options: ReadOptions | None = None) -> Iterator[Article | ReadProblem]:
    """The articles a command-line argument names: a file or folder when one of that
    name exists, "-" for standard input, and otherwise the argument itself as text."""
    path = Path(text_or_file)
    try:
        is_path = text_or_file == "-" or path.exists()
    except (OSError, ValueError):
        is_path = False
    if is_path:
        yield from read_paths([text_or_file], options=options)
    else:
        yield from read_text(text_or_file, "<argument>", "text")


def explain(articles: Iterable[Article], linker: Linker, nlp: Language, name: str | None = None) -> Iterator[ArticleExplanation]:
    """For each article, the explanation of every mention (of those whose surface or
    entity label holds ``name``, when given, compared after folding)."""
    wanted = fold(name) if name else None
    for article, mentions, _ in recognise(nlp, articles):
        linked = linker.link(article, mentions)
        by_span = {(lm.mention.start, lm.mention.end): lm for lm in linked}
        out = ArticleExplanation(article.source, article.title)
        seen: set[tuple[int, int]] = set()
        for m in linker.mentions:
            d = linker.typing.get(id(m))
            lm = by_span.get((m.start, m.end)) or next((x for x in linked if x.mention.start == m.start), None)
            if lm is not None:
                seen.add((lm.mention.start, lm.mention.end))
            out.mentions.append(_record(m.text, m.start, m.end, m.label, d, lm, linker))
        for lm in linked:  # mentions the linker made on its way (a name grown over its head noun)
            if (lm.mention.start, lm.mention.end) not in seen:
                out.mentions.append(_record(lm.mention.text, lm.mention.start, lm.mention.end, lm.mention.label, None, lm, linker))
        out.mentions.sort(key=lambda r: r.start)
        if wanted is not None:
            out.mentions = [r for r in out.mentions if wanted in fold(r.surface) or wanted in fold(r.kb_label or "")]
        yield out


def _record(surface: str, start: int, end: int, label: str, d: TypeDecision | None, lm: LinkedMention | None, linker: Linker) -> MentionExplanation:
    rec = MentionExplanation(
        surface, start, end, label, d.type if d else None, d.scores if d else {}, d.margin if d else 0.0, list(d.evidence) if d else []
    )
    if lm is None:
        return rec
    ent = lm.entity
    rec.type, rec.entity, rec.confidence = ent.type, ent.iri, lm.confidence
    if ent.kb_id is not None:
        rec.kb_id, rec.kb_label = ent.kb_id, ent.label
    else:
        rec.pooled = next((p for key, p in linker.nil_typing.items() if entity_iri(None, ent.type, key) == ent.iri), None)
    return rec
