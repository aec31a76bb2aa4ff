"""`kg dump`: the store's RDF itself, for other triple stores and RDF tools.
Registered on the `kg` group in kg/cli.py; the work is kg.dump's."""

from __future__ import annotations

import functools
import os
import sys

import click

from kg.cli_common import fail_cleanly, store_option, store_path


def closed_pipe_is_quiet(f):
    """End quietly when the reader of standard output goes away (``kg dump | head``),
    as command-line tools do, rather than with an error about a broken pipe."""

    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except BrokenPipeError:
            # Python would report the pipe again when it flushes stdout at exit.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)

    return wrapper


@click.command("dump")
@click.argument("out", required=False, default="-", metavar="[OUT|-]")
@click.option("--format", "-f", "fmt", type=click.Choice(["nquads", "trig", "turtle", "ntriples"], case_sensitive=False), default=None,
              help="nquads and trig keep the named graphs; turtle and ntriples write their union. "
                   "Default: from OUT's extension (.nq .trig .ttl .nt), else nquads.")
@click.option("--graph", "graphs", multiple=True, metavar="IRI",
              help="Only this named graph (repeatable): an article's IRI, or entities, incidents or ontology.")
@store_option
@closed_pipe_is_quiet
@fail_cleanly
def dump_command(out: str, fmt: str | None, graphs: tuple[str, ...]) -> None:
    """Write the store's RDF to OUT (standard output when OUT is - or not given).

    \b
      kg dump store.nq
      kg dump --format turtle --graph entities entities.ttl
      kg dump --format trig - | gzip > store.trig.gz
    """
    from kg import dump as kd
    from kg.export import binary_output, display
    from kg.store import open_store

    fmt = fmt or kd.format_from_name(out, kd.DUMP_EXTENSIONS, "nquads")
    store = open_store(store_path(), read_only=True)
    kd.graph_nodes(store, graphs)  # a graph that is not there is named before OUT is created
    target = click.get_binary_stream("stdout") if out == "-" else out
    with binary_output(target) as stream:
        n = kd.dump(store, stream, fmt, graphs)
    click.echo(f"{n} quads ({fmt}) -> {display(target)}", err=True)
