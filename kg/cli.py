"""The `kg` command line: a thin layer over the pipeline's modules.

Parses options, calls the core, and turns kg's errors into clear messages and
exit codes. The core never imports click and never prints.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from kg.about import __version__
from kg.errors import KGError

DEFAULT_STORE = "kg-store"


def fail_cleanly(f):
    """Turn kg's own errors into a one-line message and exit code 2 (no traceback)."""

    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except KGError as e:
            raise click.ClickException(str(e)) from e

    return wrapper


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


def store_path(ctx: click.Context) -> Path:
    return ctx.find_root().obj["store"]
