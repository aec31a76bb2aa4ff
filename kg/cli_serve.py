"""`kg serve`: the store over the SPARQL 1.1 Protocol (kg/serve.py does the work).

A module of its own so that the other research commands (kg/cli_research.py) never
import the server's modules. Thin: parses its options, calls kg.serve, and prints.
"""

from __future__ import annotations

import signal

import click

from kg import serve as ks
from kg.cli_common import fail_cleanly, store_option, store_path


@click.command("serve")
@click.option("--port", type=click.IntRange(1, 65535), default=ks.DEFAULT_PORT, show_default=True,
              help="Port to listen on (always on 127.0.0.1).")
@click.option("--read-write", is_flag=True,
              help="Accept SPARQL Update too (no other process may have the store open meanwhile).")
@click.option("--cors", is_flag=True, help="Allow cross-origin requests (for a YASGUI page served elsewhere).")
@click.option("--timeout", "timeout_s", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Stop a query after this many seconds (the client gets 503).")
@click.option("--allow-federation", is_flag=True,
              help="Let queries use SERVICE (and updates LOAD), which make the server fetch remote URLs.")
@store_option
@fail_cleanly
def serve_command(port: int, read_write: bool, cors: bool, timeout_s: float | None, allow_federation: bool) -> None:
    """Serve the store over the SPARQL 1.1 Protocol (Oxigraph server) on 127.0.0.1.

    Read-only unless --read-write. The default graph is the union of all graphs.
    Open http://127.0.0.1:PORT/ for a query editor; point YASGUI or any SPARQL
    client at http://127.0.0.1:PORT/query. Every query is checked first (size,
    nesting, no SERVICE unless --allow-federation). Read-only, it picks up a new
    ingest by itself. Stop with Ctrl-C.
    """
    store = store_path()
    server = ks.Server(store, port, read_write, cors, timeout_s, allow_federation,
                       notes=lambda message: click.echo(f"kg serve: {message}", err=True))
    server.start()
    mode = "read-write" if read_write else "read-only; a new ingest is picked up by itself"
    click.echo(f"Serving {store} ({mode}) at {ks.endpoint(port)}", err=True)
    if read_write:
        click.echo(f"SPARQL Update at http://{ks.HOST}:{port}/update", err=True)
    if timeout_s:
        click.echo(f"Queries stop after {timeout_s:g} s", err=True)
    click.echo(f"Query editor: http://{ks.HOST}:{port}/   (Ctrl-C stops)", err=True)

    # Stop the server with us on Ctrl-C, a plain kill (SIGTERM) or a closed terminal
    # (SIGHUP); on SIGKILL the kernel stops the Oxigraph child (kg.serve).
    def interrupt(*_):
        raise KeyboardInterrupt

    previous = {s: signal.signal(s, interrupt) for s in (signal.SIGTERM, getattr(signal, "SIGHUP", signal.SIGTERM))}
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        for s, handler in previous.items():
            signal.signal(s, handler)
