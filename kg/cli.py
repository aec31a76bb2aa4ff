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
