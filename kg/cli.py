"""The `kg` command line: a thin layer over the pipeline's modules.

Parses options, calls the core, and turns kg's errors into clear messages and
exit codes. The core never imports click and never prints.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from kg.about import __version__
from kg.cli_common import EXIT_INTERRUPTED, EXIT_SKIPPED, fail_cleanly, reading_options, store_option, store_path
from kg.wording import plural

DEFAULT_STORE = "kg-store"

# Commands defined in modules of their own, imported only when that command runs (or
# `kg --help` lists them): `kg ingest` then never imports the query, export and server
# modules, nor they the pipeline's. Name -> "module:attribute".
LAZY_COMMANDS = {
    "query": "kg.cli_research:query_command",
    "lookup": "kg.cli_research:lookup_command",
    "export": "kg.cli_research:export_command",
    "serve": "kg.cli_serve:serve_command",
    "dump": "kg.cli_dump:dump_command",
    "shard": "kg.cli_shard:shard_command",
    "load": "kg.cli_shard:load_command",
    "explain": "kg.cli_explain:explain_command",
}


class LazyGroup(click.Group):
    """A click group whose commands in LAZY_COMMANDS are imported on first use (the
    pattern of click's documentation, "Lazily Loading Subcommands")."""

    def __init__(self, *args, lazy_commands: dict[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.lazy_commands = dict(lazy_commands or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy_commands and cmd_name not in self.commands:
            import importlib

            module, _, attribute = self.lazy_commands[cmd_name].partition(":")
            command = getattr(importlib.import_module(module), attribute)
            if not isinstance(command, click.Command) or command.name != cmd_name:
                raise RuntimeError(f"{self.lazy_commands[cmd_name]} is not the click command {cmd_name!r}")
            self.add_command(command)
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, lazy_commands=LAZY_COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
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


class Progress:
    """A one-line progress display on a terminal: articles so far of the total, rate, skipped.

    The total is counted ahead (kg.read.count_items: files listed, JSON Lines lines
    counted) and left out when it cannot be (standard input) or turns out short. The
    line redraws at most four times a second; it is drawn only on a terminal, so a log
    or a pipe gets the summary alone.
    """

    def __init__(self, enabled: bool, total: int | None = None, every: float = 0.25):
        self.enabled, self.total, self.every = enabled, total, every
        self.done = self.skipped = 0
        self.started = self.drawn = time.monotonic()

    def note(self, message: str) -> None:
        """Say on the progress line what is happening before the first article."""
        if self.enabled:
            click.echo(f"\r\033[K{message}", err=True, nl=False)

    def begin(self) -> None:
        """The pipeline is loaded: the rate counts from now, and the line shows 0 of the total."""
        self.started = self.drawn = time.monotonic()
        if self.enabled:
            self.draw()

    def tick(self, skipped: bool = False) -> None:
        self.skipped += skipped
        self.done += not skipped
        now = time.monotonic()
        if self.enabled and now - self.drawn >= self.every:
            self.drawn = now
            self.draw(now)

    def draw(self, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        seen = self.done + self.skipped
        count = f"{self.done}/{plural(self.total, 'article')}" if self.total and seen <= self.total else plural(self.done, "article")
        rate = self.done / max(now - self.started, 1e-9)
        click.echo(f"\r\033[Kingesting: {count} ({rate:.1f}/s), {self.skipped} skipped", err=True, nl=False)

    def clear(self) -> None:
        if self.enabled:
            click.echo("\r\033[K", err=True, nl=False)

@cli.command()
@click.argument("paths", nargs=-1, required=True)
@reading_options
@click.option("-j", "--processes", default=1, show_default=True, type=click.IntRange(1, 64), help="Worker processes for recognise, link and emit; this process writes.")
@click.option("-q", "--quiet", is_flag=True, help="No progress line and no summary.")
@store_option
@click.pass_context
@fail_cleanly
def ingest(
    ctx: click.Context, paths: tuple[str, ...], model: str | None, batch_size: int, processes: int,
    max_size: int, all_files: bool, quiet: bool,
) -> None:
    """Read articles, find and link their entities, and write them to the store.

    PATHS are files, folders (read recursively) or - for standard input. Formats:
    the seed layout (title, "By OUTLET", date, text, "Original url:"), plain text,
    Markdown, HTML and JSON Lines (one {"text": ..., "url": ...} object a line).
    Re-ingesting an article replaces it. Inputs that cannot be read are named and
    skipped; the exit code is then 3. In folders, hidden files, README-style files,
    files of other types and kg stores are passed over.
    """
    from kg.cache import lasting_loads

    with lasting_loads():  # the imports below are most of kg and spaCy: loaded for good
        from kg.errors import Interrupted
        from kg.ingest import Ingester
        from kg.read import ReadOptions, count_items
        from kg.recognise import DEFAULT_MODEL

    options = ReadOptions(max_bytes=max_size, all_files=all_files)
    shown = not quiet and sys.stderr.isatty()
    progress = Progress(enabled=shown, total=count_items(paths, options) if shown else None)
    progress.note(f"loading the pipeline ({model or DEFAULT_MODEL} and the knowledge base)...")

    def on_article(item) -> None:
        from kg.types import ReadProblem

        if isinstance(item, ReadProblem):
            progress.clear()
            click.echo(f"skipped {item}", err=True)
        progress.tick(skipped=isinstance(item, ReadProblem))

    try:
        with lasting_loads():  # the knowledge base, the pipeline and the ruler's patterns, kept to the end
            ingester = Ingester(store_path(ctx), model or DEFAULT_MODEL, batch_size=batch_size, processes=processes)
            ingester.nlp  # noqa: B018 -- built now, under the note, rather than during the first article
        progress.begin()
        report = ingester.run(paths, stdin=sys.stdin, on_article=on_article, read_options=options)
    except Interrupted as e:
        progress.clear()
        click.echo(str(e), err=True)
        ctx.exit(EXIT_INTERRUPTED)
    finally:
        progress.clear()
    if not quiet:
        by_type = ", ".join(f"{n} {t}" for t, n in sorted(report.entities.items()))
        click.echo(
            f"{plural(report.articles, 'article')}, {plural(report.mentions, 'mention')} of"
            f" {plural(sum(report.entities.values()), 'entity')} ({by_type or 'none'}),"
            f" {plural(report.events, 'attack report')} ({plural(report.incidents, 'incident')} in the store),"
            f" {plural(report.quads, 'triple')} written in {report.seconds:.1f} s"
            f" ({report.rate:.1f} articles/s)"
        )
        if report.retyped:
            click.echo(f"unknown names retyped over the corpus in {plural(report.retyped, 'article')} (kg explain --corpus NAME says why)")
        if report.skipped:
            click.echo(f"{plural(len(report.skipped), 'input')} skipped", err=True)
    if report.skipped:
        ctx.exit(EXIT_SKIPPED)


@cli.command()
@click.argument("articles", nargs=-1, required=True)
@store_option
@click.pass_context
@fail_cleanly
def remove(ctx: click.Context, articles: tuple[str, ...]) -> None:
    """Remove articles from the store, with the entity facts only they supported.

    ARTICLES are article URLs, article IRIs, or the files (or folders) they were
    ingested from. All are removed as one write, all or nothing; when one names no article in
    the store, nothing is removed.
    """
    from kg.ingest import Ingester
    from kg.store import require_store

    require_store(store_path(ctx))
    n = Ingester(store_path(ctx)).remove(articles)
    click.echo(f"removed {plural(n, 'article')}")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@store_option
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
    click.echo(f"attacks    {s['incidents']:>8}  ({s['attack_reports']} reports)")
    click.echo(f"triples    {s['quads']:>8}")
    if s["top_outlets"]:
        click.echo("top outlets: " + ", ".join(f"{label} ({n})" for label, n in s["top_outlets"]))


@cli.command()
@click.option("--sample", type=click.IntRange(min=1), default=None, help="Check only this many articles, chosen at random (for large stores).")
@store_option
@click.pass_context
@fail_cleanly
def validate(ctx: click.Context, sample: int | None) -> None:
    """Check the store against the SHACL shapes (ontology/shapes.ttl); exit 1 on violations."""
    from kg.store import open_store
    from kg.validate import validate_store

    violations = validate_store(open_store(store_path(ctx), read_only=True), sample)
    for v in violations:
        click.echo(str(v))
    if violations:
        raise click.ClickException(f"{plural(len(violations), 'SHACL violation')}")
    click.echo("the store conforms to ontology/shapes.ttl")


# -- evaluate ------------------------------------------------------------------


@cli.command()
@click.option("--gold", "gold", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Gold annotations, JSON Lines (see docs/evaluation.md).")
@click.argument("articles", nargs=-1, required=True)
@click.option("--model", default=None, help="Installed spaCy pipeline to use.")
@click.option("--errors", "show_errors", is_flag=True, help="List false positives, false negatives and wrong links per article.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@fail_cleanly
def evaluate(gold: Path, articles: tuple[str, ...], model: str | None, show_errors: bool, as_json: bool) -> None:
    """Measure kg on your own annotated articles: precision, recall, F1, linking accuracy,
    and for gold with events, event and slot precision, recall and F1.

    Ingests ARTICLES into a temporary store (yours is not touched) and compares the
    entities and attacks found in each article with the gold entities and events of
    the same article (matched by URL, else by file name).
    """
    import json

    from kg.evaluate import evaluate as run_evaluation
    from kg.recognise import DEFAULT_MODEL

    report = run_evaluation(gold, articles, model or DEFAULT_MODEL)
    if not show_errors:
        report.pop("errors")
    if as_json:
        click.echo(json.dumps(report, indent=2))
        return
    if show_errors:
        for name, errs in report["errors"].items():
            lines = [f"  {kind:4} {item}" for kind in ("fp", "fn", "link", "events") for item in errs.get(kind, [])]
            if lines:
                click.echo(f"== {name}")
                click.echo("\n".join(lines))
    click.echo(f"{'type':13} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for t, v in [*report["types"].items(), ("micro", report["micro"])]:
        click.echo(f"{t:13} {v['tp']:4} {v['fp']:4} {v['fn']:4} {v['p']:6.3f} {v['r']:6.3f} {v['f1']:6.3f}")
    lk = report["linking"]
    click.echo(f"linking accuracy: {lk['accuracy']} ({lk['correct']}/{lk['total']})")
    if "events" in report:
        e, sl = report["events"], report["slots"]
        click.echo(f"events: {e['paired']} paired of {e['system']} found, {e['gold']} gold: "
                   f"P {e['p']:.3f} R {e['r']:.3f} F1 {e['f1']:.3f}")
        click.echo(f"event slots: {sl['agree']} agree of {sl['system']} stated, {sl['gold']} gold: "
                   f"P {sl['p']:.3f} R {sl['r']:.3f} F1 {sl['f1']:.3f}")
    if report["articles_missing"]:
        click.echo(f"gold articles not found among the inputs: {', '.join(report['articles_missing'])}", err=True)


# -- knowledge base ------------------------------------------------------------


@cli.group()
def kb() -> None:
    """The knowledge base: add your own entities, import a file, list or remove yours, look at an entry."""


@kb.command("add")
@click.argument("label")
@click.option("--type", "type_", required=True, type=click.Choice(["Person", "Place", "Organization", "Weapon"], case_sensitive=False), help="Top class.")
@click.option("--id", "kb_id", default=None, help="Stable id (default: from the label).")
@click.option("--alias", "aliases", multiple=True, help="Another name (repeatable).")
@click.option("--class", "classes", multiple=True, help="A finer ontology class, e.g. MilitaryUnit (repeatable).")
@click.option("--description", default=None, help="One line saying what it is.")
@click.option("--country", default=None, help="ISO 3166-1 alpha-2 code.")
@click.option("--wikidata", default=None, help="Wikidata QID, e.g. Q7747 (only when certain).")
@click.option("--lat", type=float, default=None, help="Latitude (places).")
@click.option("--lon", type=float, default=None, help="Longitude (places).")
@click.option("--domain", "domains", multiple=True, help="An outlet's web domain, e.g. reuters.com (repeatable).")
@store_option
@click.pass_context
@fail_cleanly
def kb_add(ctx: click.Context, label: str, type_: str, kb_id: str | None, aliases, classes, description, country, wikidata, lat, lon, domains) -> None:
    """Add one entity of your own; it wins over built-in entries with the same names."""
    from kg.identity import slug
    from kg.kb.build import append_user_entries, user_kb_path

    rec = {
        "id": kb_id or f"user-{slug(label)}", "type": type_, "label": label, "aliases": list(aliases),
        "classes": list(classes), "description": description, "country": country, "wikidata": wikidata,
        "lat": lat, "lon": lon, "domains": list(domains),
    }
    append_user_entries(store_path(ctx), [(rec, "kb add")])
    click.echo(f"added {rec['id']} to {user_kb_path(store_path(ctx))}; re-ingest articles to apply it")


@kb.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@store_option
@click.pass_context
@fail_cleanly
def kb_import(ctx: click.Context, file: Path) -> None:
    """Add entities from a CSV file (columns id,type,label,aliases,classes,...; lists
    separated by |) or a JSON Lines file (one entry a line). Every row is checked
    before any is added."""
    from kg.kb.build import append_user_entries, read_records

    n = append_user_entries(store_path(ctx), read_records(file))
    click.echo(f"imported {plural(n, 'entity')} from {file}")


@kb.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the entries as JSON Lines, as the file holds them.")
@store_option
@click.pass_context
@fail_cleanly
def kb_list(ctx: click.Context, as_json: bool) -> None:
    """List your own entries (those kg kb add and kg kb import wrote for this store)."""
    import json

    from kg.cli_common import terminal_columns
    from kg.kb.build import user_entries, user_kb_path
    from kg.tables import text_table

    path = user_kb_path(store_path(ctx))
    entries = user_entries(path)
    if as_json:
        for e in entries:
            click.echo(json.dumps({k: v for k, v in e.__dict__.items() if v not in (None, [], (), "") and k != "origin"},
                                  ensure_ascii=False))
        return
    if not entries:
        click.echo(f"no entries of your own for this store (kg kb add or kg kb import writes them to {path})", err=True)
        return
    rows = [[e.id, "/".join([e.type, *e.classes]), e.label, ", ".join(e.aliases), e.country or ""] for e in entries]
    for line in text_table(["id", "type", "label", "aliases", "country"], rows, columns=terminal_columns()):
        click.echo(line)
    click.echo(f"({plural(len(entries), 'entry')} in {path})")


@kb.command("remove")
@click.argument("ids", nargs=-1, required=True, metavar="ID...")
@store_option
@click.pass_context
@fail_cleanly
def kb_remove(ctx: click.Context, ids: tuple[str, ...]) -> None:
    """Remove your own entries by id (see kg kb list); when one id is not there, none
    is removed. Articles already ingested keep their links until ingested again."""
    from kg.kb.build import remove_user_entries, user_kb_path

    n = remove_user_entries(store_path(ctx), ids)
    click.echo(f"removed {plural(n, 'entry')} from {user_kb_path(store_path(ctx))}; re-ingest articles to apply it")


@kb.command("show")
@click.argument("name")
@store_option
@click.pass_context
@fail_cleanly
def kb_show(ctx: click.Context, name: str) -> None:
    """Show the knowledge-base entries a name can denote (before any article context)."""
    from kg.kb import load_kb

    knowledge = load_kb(store_path(ctx))
    cands = knowledge.candidates(name)
    if not cands:
        raise click.ClickException(f"no knowledge-base entry is called {name!r}")
    for c in sorted(cands, key=lambda c: -c.entry.prior):
        e = c.entry
        ids = " ".join(e.same_as)
        click.echo(f"{e.id}\t{e.type}/{','.join(e.classes)}\t{e.label}\t{e.description or ''}\t{ids}")


def main() -> None:
    """The `kg` program (its console script, and ``python -m kg``): a process that runs
    one command and ends, so the knowledge base's index, once loaded, is kept out of
    the cycle collector's walks (kg.cache.freeze_lasting_loads); then the command."""
    from kg.cache import freeze_lasting_loads

    freeze_lasting_loads()
    cli(prog_name="kg")
