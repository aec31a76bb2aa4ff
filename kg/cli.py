"""The `kg` command line: a thin layer over the pipeline's modules.

Parses options, calls the core, and turns kg's errors into clear messages and
exit codes. The core never imports click and never prints.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.about import __version__
from kg.cli_common import fail_cleanly, store_path

DEFAULT_STORE = "kg-store"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
@click.option(
    "--store",
    "store",
    envvar="KG_STORE",
    default=DEFAULT_STORE,
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of the Oxigraph store (also KG_STORE).",
)
@click.pass_context
def cli(ctx: click.Context, store: Path) -> None:
    """Build a linked knowledge graph from news about armed conflict, and query it."""
    ctx.ensure_object(dict)
    ctx.obj["store"] = store


# -- ingest ------------------------------------------------------------------

EXIT_SKIPPED = 3


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--model", default=None, help="Installed spaCy pipeline to use (default: en_core_web_sm).")
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(1, 10_000), help="Articles per nlp.pipe batch.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@click.pass_context
@fail_cleanly
def ingest(ctx: click.Context, paths: tuple[str, ...], model: str | None, batch_size: int, quiet: bool) -> None:
    """Read articles, find and link their entities, and write them to the store.

    PATHS are files, folders (read recursively) or - for standard input. Formats:
    the seed layout (title, "By OUTLET", date, text, "Original url:"), plain text,
    Markdown, HTML and JSON Lines (one {"text": ..., "url": ...} object a line).
    Re-ingesting an article replaces it. Inputs that cannot be read are named and
    skipped; the exit code is then 3.
    """
    from kg.ingest import Ingester
    from kg.recognise import DEFAULT_MODEL

    ingester = Ingester(store_path(ctx), model or DEFAULT_MODEL, batch_size=batch_size)
    show_bar = not quiet and sys.stderr.isatty()
    bar_ctx = click.progressbar(length=0, label="ingesting", file=sys.stderr, show_pos=True) if show_bar else None

    def on_article(item) -> None:
        from kg.types import ReadProblem

        if isinstance(item, ReadProblem):
            click.echo(f"skipped {item}", err=True)
        elif bar_ctx is not None:
            bar_ctx.update(1)

    if bar_ctx is not None:
        with bar_ctx:
            report = ingester.run(paths, stdin=sys.stdin, on_article=on_article)
    else:
        report = ingester.run(paths, stdin=sys.stdin, on_article=on_article)
    if not quiet:
        by_type = ", ".join(f"{n} {t}" for t, n in sorted(report.entities.items()))
        click.echo(
            f"{report.articles} articles, {report.mentions} mentions of {sum(report.entities.values())} entities"
            f" ({by_type or 'none'}), {report.quads} triples written in {report.seconds:.1f} s"
            f" ({report.rate:.1f} articles/s)"
        )
        if report.skipped:
            click.echo(f"{len(report.skipped)} input(s) skipped", err=True)
    if report.skipped:
        ctx.exit(EXIT_SKIPPED)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@click.pass_context
@fail_cleanly
def stats(ctx: click.Context, as_json: bool) -> None:
    """Counts in the store: articles, outlets, entities by type, mentions, triples."""
    import json

    from kg.stats import store_stats
    from kg.store import open_store

    s = store_stats(open_store(store_path(ctx), read_only=True))
    if as_json:
        click.echo(json.dumps(s, indent=2))
        return
    click.echo(f"articles   {s['articles']:>8}")
    click.echo(f"outlets    {s['outlets']:>8}")
    for t, n in s["entities"].items():
        click.echo(f"{t:<13}{n:>6}")
    click.echo(f"mentions   {s['mentions']:>8}")
    click.echo(f"triples    {s['quads']:>8}")
    if s["top_outlets"]:
        click.echo("top outlets: " + ", ".join(f"{label} ({n})" for label, n in s["top_outlets"]))


@cli.command()
@click.pass_context
@fail_cleanly
def validate(ctx: click.Context) -> None:
    """Check the store against the SHACL shapes (ontology/shapes.ttl); exit 1 on violations."""
    from kg.store import open_store
    from kg.validate import validate_store

    violations = validate_store(open_store(store_path(ctx), read_only=True))
    for v in violations:
        click.echo(str(v))
    if violations:
        raise click.ClickException(f"{len(violations)} SHACL violation(s)")
    click.echo("the store conforms to ontology/shapes.ttl")
