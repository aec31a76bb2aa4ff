"""Pieces every `kg` command shares: error handling at the edge and the store option's value."""

from __future__ import annotations

import functools
import shutil
import sys
from pathlib import Path

import click

from kg.errors import KGError

EXIT_SKIPPED = 3
EXIT_INTERRUPTED = 130  # as a shell reports a command stopped by SIGINT


class SizeParam(click.ParamType):
    """A size in bytes written as 20MB, 500KB, 1GB or a plain number."""

    name = "size"

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        from kg.read import parse_size

        try:
            return parse_size(value)
        except ValueError as e:
            self.fail(str(e), param, ctx)


def fail_cleanly(f):
    """Turn kg's own errors into a one-line message and exit code 1 (no traceback)."""

    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except KGError as e:
            raise click.ClickException(str(e)) from e
        except RuntimeError as e:
            # RocksDB reports a store damaged after it was opened (a broken table file
            # met while reading) as a bare RuntimeError from pyoxigraph.
            if not str(e).startswith("Corruption"):
                raise
            raise click.ClickException(f"the store is damaged ({str(e).split('  ')[0]}); restore it from a "
                                       "copy, or ingest the articles again into a new store") from e

    return wrapper


def store_path(ctx: click.Context | None = None) -> Path:
    """The --store folder given to the `kg` group or to the command (or KG_STORE, or ./kg-store)."""
    ctx = ctx or click.get_current_context()
    return ctx.find_root().obj["store"]


def _set_store(ctx: click.Context, param: click.Parameter, value: Path | None) -> None:
    if value is not None:
        ctx.find_root().ensure_object(dict)["store"] = value


def store_option(f):
    """``--store`` on a command, so that ``kg ingest seeds --store S`` works as well as
    ``kg --store S ingest seeds``: a new user puts options after the command. Given in
    both places, the command's wins."""
    return click.option(
        "--store",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        expose_value=False,
        callback=_set_store,
        help="Folder of the Oxigraph store (as kg --store; also KG_STORE).",
    )(f)


def reading_options(f):
    """The options of how articles are read and recognised, the same on `kg ingest` and
    `kg shard`: --model, --batch-size, --max-size, --all-files."""
    for option in reversed([
        click.option("--model", default=None, help="Installed spaCy pipeline to use (default: en_core_web_sm)."),
        click.option("--batch-size", default=32, show_default=True, type=click.IntRange(1, 10_000), help="Articles per nlp.pipe batch."),
        click.option("--max-size", default="20MB", show_default=True, type=SizeParam(), help="Skip (and name) any input larger than this."),
        click.option("--all-files", is_flag=True, help="In folders, read every file (format sniffed), not only .txt .md .html .htm .jsonl .json."),
    ]):
        f = option(f)
    return f


def terminal_columns() -> int | None:
    """The width of the terminal standard output goes to, or None when it goes to a file
    or a pipe (a table written there is not cut to any screen)."""
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None
