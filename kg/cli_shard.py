"""`kg shard` and `kg load`: the per-article work as N-Quads shards, then one bulk load.

Thin: options parsed here, the work in kg/shard.py, kg/engine_dask.py and kg/load.py.
Registered on the `kg` group in kg/cli.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli_common import EXIT_INTERRUPTED, EXIT_SKIPPED, fail_cleanly, reading_options, store_option, store_path
from kg.errors import Interrupted
from kg.wording import plural


@click.command("shard")
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder the shards and their manifest go to.")
@click.option("--engine", type=click.Choice(["local", "dask"], case_sensitive=False), default="local", show_default=True,
              help="local: this machine's processes; dask: a Dask cluster (pip install 'kg[dask]').")
@click.option("--scheduler", default=None, metavar="ADDRESS", help="Dask scheduler to send the work to (tcp://host:8786); without it, a local Dask cluster.")
@click.option("-j", "--processes", default=1, show_default=True, type=click.IntRange(1, 256), help="Worker processes (local engine, or the local Dask cluster).")
@click.option("--shards", type=click.IntRange(1, 1_000_000), default=None, help="Number of partitions (default: one per 500 articles). Keep it to resume a run.")
@reading_options
@click.option("-q", "--quiet", is_flag=True, help="No summary.")
@store_option
@click.pass_context
@fail_cleanly
def shard_command(
    ctx: click.Context, paths: tuple[str, ...], out: Path, engine: str, scheduler: str | None, processes: int,
    shards: int | None, model: str | None, batch_size: int, max_size: int, all_files: bool, quiet: bool,
) -> None:
    """Read articles and write them, recognised, linked and emitted, as N-Quads shards.

    The articles are dealt into partitions by a hash of their IRI; each partition
    becomes one standard N-Quads file in --out, listed with its graphs in
    manifest.json beside a run record (kg version, model, knowledge-base digest).
    Running again resumes: complete shards are skipped. Load them with `kg load`.
    The knowledge base is the --store's (its user entries are sent to the workers).
    """
    from kg.cache import lasting_loads

    with lasting_loads():  # most of kg and spaCy: loaded for good
        from kg.read import ReadOptions, read_paths
        from kg.recognise import DEFAULT_MODEL
        from kg.shard import make_shards
        from kg.types import ReadProblem

    store = store_path(ctx)
    if "-" in paths:
        raise click.UsageError("kg shard reads files and folders, not standard input")
    options = ReadOptions(max_bytes=max_size, all_files=all_files, own_stores=frozenset({store.resolve(), out.resolve()}))

    def items():
        for item in read_paths(paths, options=options):
            if isinstance(item, ReadProblem):
                click.echo(f"skipped {item}", err=True)
            yield item

    try:
        report = make_shards(store, items(), out, model or DEFAULT_MODEL, engine.lower(), scheduler, processes, shards, batch_size)
    except Interrupted as e:
        click.echo(str(e), err=True)
        ctx.exit(EXIT_INTERRUPTED)
    if not quiet:
        click.echo(f"{plural(report.articles, 'article')} in {plural(report.shards, 'shard')} in {report.out} ({report.written} written,"
                   f" {report.reused} already complete), {plural(report.quads, 'quad')}")
    if report.skipped:
        click.echo(f"{plural(len(report.skipped), 'input')} skipped", err=True)
        ctx.exit(EXIT_SKIPPED)


@click.command("load")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--replace", is_flag=True, help="Empty the store first: it then holds exactly the shards' articles.")
@store_option
@click.pass_context
@fail_cleanly
def load_command(ctx: click.Context, folder: Path, replace: bool) -> None:
    """Bulk-load the shards `kg shard` wrote into the store.

    The article graphs the shards list replace the store's versions of them; the
    entity graph and the incidents are then rebuilt, so the store is the one
    `kg ingest` would have built. Shards made by another kg version or with another
    knowledge base are refused.
    """
    from kg.cache import lasting_loads

    with lasting_loads():
        from kg.load import load_shards

    report = load_shards(store_path(ctx), folder, replace=replace)
    click.echo(f"loaded {plural(report.articles, 'article')} from {plural(report.shards, 'shard')} ({report.replaced} replaced);"
               f" {report.incidents} incidents, {report.quads} quads in the store", file=sys.stdout)
