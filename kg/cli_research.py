"""The researcher's commands: `kg query`, `kg lookup`, `kg export` (`kg serve` is in
kg/cli_serve.py: the server's modules cost every lookup 0.02 CPU s to import).

Thin: each parses its options, calls kg.query / kg.lookup / kg.export, and prints.
Registered on the `kg` group in kg/cli.py.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kg import export as kx
from kg import lookup as kl
from kg import query as kq
from kg.cli_common import fail_cleanly, store_option, store_path, terminal_columns
from kg.cli_dump import closed_pipe_is_quiet
from kg.errors import QueryError
from kg.store import open_store
from kg.types import TOP_TYPES
from kg.wording import plural


def _params(values: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param wants NAME=VALUE, not {item!r}")
        out[name.strip()] = value
    return out


@click.command("query")
@click.argument("query", required=False, metavar="NAME|FILE|-")
@click.option("--list", "list_", is_flag=True, help="List the shipped queries with their descriptions.")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a query parameter (repeatable); the value is bound as an RDF term, never pasted into SPARQL.")
@click.option("--format", "-f", "fmt", type=click.Choice(kq.FORMATS, case_sensitive=False), default=None,
              help="table (the default) for a terminal; json and xml are the SPARQL 1.1 results formats. "
                   "CONSTRUCT and DESCRIBE give RDF: turtle (the default), ntriples or xml (RDF/XML).")
@click.option("--limit", type=click.IntRange(min=0), default=None, help="Print at most this many rows.")
@click.option("--allow-federation", is_flag=True, help="Let the query use SERVICE, which fetches remote URLs.")
@store_option
@fail_cleanly
def query_command(query: str | None, list_: bool, params: tuple[str, ...], fmt: str, limit: int | None,
                  allow_federation: bool) -> None:
    """Run a SPARQL query: a shipped one by NAME (see --list), a FILE, or - for standard input.

    \b
      kg query entities-by-type --limit 15
      kg query articles-mentioning --param entity=Kharkiv --format csv
      kg query my.rq --format json
    """
    if list_:
        for q in kq.shipped().values():
            click.echo(click.style(q.name, bold=True) + f"  {q.title}")
            click.echo(f"    {q.description}")
            for p in q.params:
                default = " (required)" if p.required else (f" (default {p.default})" if p.default else "")
                click.echo(f"    --param {p.name}=<{p.shown_kind}>{default}  {p.help}")
        return
    if not query:
        raise click.UsageError("give a query NAME, FILE or -, or --list")
    q = kq.load(query, stdin=click.get_text_stream("stdin"))
    store = open_store(store_path(), read_only=True)
    result = kq.run(store, q, _params(params), limit=limit, folder=store_path(), allow_federation=allow_federation,
                    notes=lambda message: click.echo(f"kg query: {message}", err=True))
    click.echo(kq.render(result, fmt or kq.default_format(result), terminal_columns()), nl=False)


@click.command("lookup")
@click.argument("text")
@click.option("--type", "types", multiple=True, type=click.Choice(TOP_TYPES, case_sensitive=False),
              help="Only entities of this type (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print a machine-readable JSON record.")
@click.option("--limit", type=click.IntRange(min=1), default=3, show_default=True,
              help="At most this many matches (those scoring close to the best).")
@store_option
@fail_cleanly
def lookup_command(text: str, types: tuple[str, ...], as_json: bool, limit: int) -> None:
    """Find entities by name or alias, forgiving case, accents, transliteration and typos.

    \b
      kg lookup kharkov
      kg lookup Zelenskiy --json
    Exits with code 1 and suggestions when nothing matches.
    """
    wanted = {t for t in TOP_TYPES for given in types if given.lower() == t.lower()} or None
    store = open_store(store_path(), read_only=True)
    found = kl.lookup(store, text, wanted, limit=limit, index=kl.name_index(store, store_path()))
    if as_json:
        record = {
            "query": text,
            "matches": [m.to_dict() for m in found.matches],
            "suggestions": [{"label": c.label, "type": c.type, "iri": c.entity, "score": c.score}
                            for c in found.suggestions],
        }
        click.echo(json.dumps(record, ensure_ascii=False, indent=1))
    else:
        for i, entry in enumerate(found.matches):
            if i:
                click.echo()
            click.echo(kl.render(entry))
    if not found.matches:
        if not as_json:
            hint = "; ".join(f"{c.label} ({c.type})" for c in found.suggestions)
            click.echo(f"No entity matches {text!r}." + (f" Did you mean: {hint}?" if hint else ""), err=True)
        sys.exit(1)


@click.command("export")
@click.argument("out", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--format", "-f", "fmt", type=click.Choice(kx.FORMATS + ("acled", "nif"), case_sensitive=False), default=None,
              help="gexf (Gephi, with colours and sizes), graphml, json (node-link), csv (OUT-nodes.csv + OUT-edges.csv), "
                   "png (a picture; needs the draw extra), acled (one row per attack in ACLED's columns), or nif "
                   "(the articles' texts and mentions as NIF Turtle, for GERBIL). Default: from OUT's extension "
                   "(.gexf .graphml .json .csv .png .nif .ttl), else gexf.")
@click.option("--events", is_flag=True,
              help="Export the attackers -> places graph (edges weighted by attacks, with fatalities) instead of co-mentions.")
@click.option("--cooccurrence", type=click.Choice(kx.COOCCURRENCE, case_sensitive=False), default="sentence", show_default=True,
              help="Join two entities when mentioned in the same sentence, or in the same article.")
@click.option("--min-weight", type=click.IntRange(min=1), default=1, show_default=True,
              help="Drop edges seen fewer times than this (with --events: fewer attacks).")
@click.option("--types", "types", multiple=True, type=click.Choice(TOP_TYPES, case_sensitive=False),
              help="Only entities of these types (repeatable; default all four).")
@click.option("--since", metavar="YYYY-MM-DD", help="Only articles published (with --events or acled: attacks) on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", help="Only articles published (with --events or acled: attacks) on or before this day.")
@store_option
@click.pass_context
@closed_pipe_is_quiet
@fail_cleanly
def export_command(ctx: click.Context, out: Path, fmt: str, events: bool, cooccurrence: str, min_weight: int,
                   types: tuple[str, ...], since: str | None, until: str | None) -> None:
    """Write the entity co-mention graph to OUT for Gephi, Cytoscape or NetworkX; with
    --events the attackers -> places graph; with --format acled the attacks as a CSV in
    ACLED's layout (one row per incident, however many articles report it); with
    --format nif the articles' texts and linked mentions as NIF, for GERBIL. OUT may be
    - for standard output (not with csv, which writes two files).

    \b
      kg export graph.gexf
      kg export --format csv --cooccurrence article --min-weight 2 graph.csv
      kg export --format acled attacks.csv
      kg export --format gexf --events attacks.gexf
      kg export --format nif mentions.ttl
      kg export --format graphml - | gzip > graph.graphml.gz
    """
    from kg import dump as kd
    from kg import export_events as ke

    fmt = fmt or kd.format_from_name(str(out), kx.EXTENSIONS, "gexf")
    target = click.get_binary_stream("stdout") if str(out) == "-" else out
    if fmt == "nif":
        given = [f"--{name.replace('_', '-')}" for name in ("events", "cooccurrence", "min_weight", "types", "since", "until")
                 if ctx.get_parameter_source(name) == click.core.ParameterSource.COMMANDLINE]
        if given:
            raise click.UsageError(f"{', '.join(given)} does not apply to --format nif")
        with kx.binary_output(target) as stream:
            contexts, phrases = kd.write_nif(open_store(store_path(), read_only=True), stream)
        click.echo(f"{contexts} articles (nif:Context), {phrases} mentions (nif:Phrase) -> {kx.display(target)}", err=True)
        return
    if fmt == "acled" or events:
        given = [f"--{name.replace('_', '-')}" for name in ("cooccurrence", "types", "min_weight")
                 if ctx.get_parameter_source(name) == click.core.ParameterSource.COMMANDLINE
                 and not (name == "min_weight" and fmt != "acled")]
        if given:
            what = "--format acled" if fmt == "acled" else "--events"
            raise click.UsageError(f"{', '.join(given)} does not apply to {what}")
    store = open_store(store_path(), read_only=True)
    if fmt == "acled":
        n = ke.write_acled(store, target, since, until)
        click.echo(f"{plural(n, 'attack')} (incidents) -> {kx.display(target)}", err=True)
        return
    if events:
        g = ke.build_event_graph(store, min_weight, since, until)
        written = kx.write(g, target, fmt)
        click.echo(f"{plural(g.number_of_nodes(), 'attacker or place', 'attackers and places')}, "
                   f"{plural(g.number_of_edges(), 'edge')} -> "
                   + ", ".join(kx.display(p) for p in written), err=True)
        return
    g = kx.build_graph(store, cooccurrence, min_weight, list(types) or None, since, until)
    written = kx.write(g, target, fmt)
    click.echo(f"{plural(g.number_of_nodes(), 'entity')}, {plural(g.number_of_edges(), 'edge')} -> "
               + ", ".join(kx.display(p) for p in written), err=True)


COMMANDS = [query_command, lookup_command, export_command]
