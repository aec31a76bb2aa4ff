"""Pieces every `kg` command shares: error handling at the edge and the store option's value."""

from __future__ import annotations

import functools
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
    """The --store folder given to the `kg` group (or KG_STORE, or ./kg-store)."""
    ctx = ctx or click.get_current_context()
    return ctx.find_root().obj["store"]
