"""`kg explain`: print why each name of an article got its type and its link.

Thin: reads the argument (a file, a folder, - or the text itself), calls
kg.explain.explain and prints its records. Registered on the `kg` group in kg/cli.py.
"""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING

import click

from kg.cli_common import fail_cleanly, store_option, store_path

if TYPE_CHECKING:  # kg.explain imports spaCy: every other command would pay for it at start-up
    from kg.explain import ArticleExplanation, MentionExplanation


@click.command("explain")
@click.argument("text_or_file", metavar="TEXT|FILE|-")
@click.argument("name", required=False)
@click.option("--model", default=None, help="Installed spaCy pipeline to use (default: en_core_web_sm).")
@click.option("--json", "as_json", is_flag=True, help="Print the records as JSON Lines, one article a line.")
@click.option("--corpus", is_flag=True, help="The argument is a name: show how the store's articles type it and what the corpus makes of it (read from the store, no text is read).")
@store_option
@click.pass_context
@fail_cleanly
def explain_command(ctx: click.Context, text_or_file: str, name: str | None, model: str | None, as_json: bool, corpus: bool) -> None:
    """Show, for each name found in an article, the evidence for each type, the type
    chosen and the link made (knowledge-base entry and confidence, or NIL). Nothing is
    written to the store; its own knowledge-base entries are used.

    \b
      kg explain article.txt
      kg explain article.txt "Kyauk Taw"
      kg explain "Gunmen attacked the village of Dorgumi, a resident said."
      kg explain --corpus "Dorgumi"
    """
    if corpus:
        _explain_corpus(text_or_file, as_json)
        return
    from kg.explain import articles_of, explain
    from kg.kb import load_kb
    from kg.link import Linker
    from kg.recognise import DEFAULT_MODEL, build_recogniser
    from kg.types import ReadProblem

    kb = load_kb(store_path(ctx))
    nlp = build_recogniser(kb, model or DEFAULT_MODEL)
    items = list(articles_of(text_or_file))
    for item in items:
        if isinstance(item, ReadProblem):
            click.echo(f"skipped {item}", err=True)
    articles = [a for a in items if not isinstance(a, ReadProblem)]
    if not articles:
        raise click.ClickException(f"no article to explain in {text_or_file!r}")
    for art in explain(articles, Linker(kb), nlp, name):
        if as_json:
            click.echo(json.dumps(dataclasses.asdict(art), ensure_ascii=False))
        else:
            _print_article(art)


def _print_article(art: ArticleExplanation) -> None:
    head = art.source + (f' -- "{art.title}"' if art.title else "")
    click.echo(click.style(head, bold=True))
    if not art.mentions:
        click.echo("  (no names)")
    for r in art.mentions:
        _print_mention(r)
    click.echo("")


def _print_mention(r: MentionExplanation) -> None:
    if r.entity is None:
        outcome = "not an entity"
    elif r.kb_id is not None:
        outcome = f"linked {r.kb_id} {r.kb_label!r} ({r.confidence:.2f})"
    else:
        outcome = f"NIL {r.entity}"
    click.echo(f"  {click.style(r.surface, bold=True)} [{r.start}:{r.end}] {r.label} -> {r.type or '-'}: {outcome}")
    if r.scores:
        scores = "  ".join(f"{t} {s:.2f}" for t, s in sorted(r.scores.items(), key=lambda x: -x[1]))
        click.echo(f"      scores here: {scores} (margin {r.margin:.2f})")
    for e in r.evidence:
        click.echo(f"      + {e.type:<12} {e.weight:>4.2f}  {e.kind}: {e.reason}")
    if r.pooled is not None and len(r.pooled.evidence) != len(r.evidence):
        scores = "  ".join(f"{t} {s:.2f}" for t, s in r.pooled.ranked)
        click.echo(f"      over the article's mentions of the name: {scores} -> {r.pooled.type}")


def _explain_corpus(name: str, as_json: bool) -> None:
    """Print what the store's articles say of an unknown name, and the corpus's verdict."""
    from kg.corpus_names import corpus_evidence
    from kg.store import open_store

    store = open_store(store_path(), read_only=True)
    verdict, readings = corpus_evidence(store, name)
    if not readings:
        raise click.ClickException(f"no article in the store names {name!r} as an unknown (NIL) name")
    rows = [
        {"article": r.graph.value, "source": source, "type": r.type, "weight": r.weight, "keeps": r.keeps, "local": r.local, "entity": target or r.local}
        for (r, target), source in zip(readings, _sources(store, [r.graph for r, _ in readings]))
    ]
    if as_json:
        summary = {"name": name, "key": verdict.key, "type": verdict.type, "articles": verdict.articles, "weights": verdict.weights}
        click.echo(json.dumps({**summary, "readings": rows}, ensure_ascii=False))
        return
    click.echo(f"{click.style(name, bold=True)} (key {verdict.key}): {verdict.summary()}")
    for row in rows:
        local = f"{row['type']} {row['weight']:.2f}"
        if row["keeps"]:
            outcome = "keeps its own type (strong evidence there, or its attacks or byline rest on it)"
        elif row["entity"] != row["local"]:
            outcome = f"retyped by the corpus -> {row['entity']}"
        else:
            outcome = "its own type"
        click.echo(f"  {row['source'] or row['article']}: {local}: {outcome}")


def _sources(store, graphs) -> list[str | None]:
    """The source file each article graph was read from (kg:sourceFile), if recorded."""
    import pyoxigraph as ox

    from kg.vocab import KG

    source = ox.NamedNode(KG + "sourceFile")
    return [next((q.object.value for q in store.quads_for_pattern(g, source, None, g)), None) for g in graphs]
