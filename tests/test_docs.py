"""Every command has help text and is documented in the README."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kg.cli import cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def commands(group: click.Group, prefix=()):
    # list_commands / get_command, not group.commands: kg's commands load lazily (LazyGroup).
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        yield (*prefix, name), cmd
        if isinstance(cmd, click.Group):
            yield from commands(cmd, (*prefix, name))


ALL = list(commands(cli))


def test_the_fixed_command_names_are_there():
    names = {" ".join(path) for path, _ in ALL}
    assert {"ingest", "stats", "validate", "query", "lookup", "export", "serve", "evaluate", "kb add", "kb import"} <= names


@pytest.mark.parametrize("path,cmd", ALL, ids=[" ".join(p) for p, _ in ALL])
def test_command_has_help_and_is_in_the_readme(path, cmd):
    assert cmd.help and len(cmd.help.strip()) > 20
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output
    assert f"kg {' '.join(path)}" in README or "kg --store" in README and f" {' '.join(path)} " in README


# --- every example in the README and docs/ runs as written on the demo store ----------

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

# Examples not run here, each with the reason. Keep it short: an example that could run
# should, and one listed here that no document shows any more fails the test below.
NOT_RUN = {
    "kg serve": "starts a server that runs until stopped (tests/test_serve.py runs it)",
    "kg query my-question.rq": "names the reader's own query file, which does not exist here",
    "kg shard /data/articles": "sends the work to a Dask cluster's scheduler that exists only on the reader's cluster",
    "kg load /shared/shards": "loads the shards of that cluster run",
    "kg load shards/": "loads the shards of the kg shard example, run apart (tests/test_shard.py runs shard and load)",
    "kg remove https://example.org/news/2024/03/03/kyiv-drones articles/belgorod.txt":
        "names articles and a file of the reader's that the demo store does not hold",
}


def examples() -> list[tuple[str, str]]:
    """(document, command line) of every ``$ kg ...`` line in a fenced code block."""
    found = []
    for doc in DOCS:
        for block in re.finditer(r"^```[^\n]*\n(.*?)^```", doc.read_text(encoding="utf-8"), re.S | re.M):
            for line in block.group(1).splitlines():
                if line.startswith("$ ") and re.search(r"(^|\|\s*)kg\s", line[2:]):
                    found.append((doc.name, line[2:].strip()))
    return found


EXAMPLES = examples()


def not_run(command: str) -> str | None:
    return next((why for prefix, why in NOT_RUN.items() if command == prefix or command.startswith(prefix + " ")), None)


def pipeline(command: str) -> list[list[str]]:
    """The command's parts between | and >, as a shell splits them (comments dropped)."""
    lexer = shlex.shlex(command, posix=True, punctuation_chars="|>")
    lexer.whitespace_split = True
    parts: list[list[str]] = [[]]
    for token in lexer:
        if token in ("|", ">"):
            parts.append([token])
        else:
            parts[-1].append(token)
    return parts


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory, ingest_into) -> Path:
    """What `make demo` builds: seeds/ ingested into a store of its own (the examples
    may write to it, so it is not the shared seed store)."""
    store = tmp_path_factory.mktemp("demo") / "kg-store"
    assert ingest_into(store, [ROOT / "seeds"]).articles == 1
    return store


def test_the_examples_are_found():
    commands = [c for _, c in EXAMPLES]
    assert "kg stats" in commands and any(c.startswith("kg export") for c in commands)
    assert {doc for doc, _ in EXAMPLES} >= {"README.md", "researchers.md"}
    assert pipeline("echo 'a | b' | kg query -  # note") == [["echo", "a | b"], ["|", "kg", "query", "-"]]
    assert pipeline('kg q -p place="Kharkiv Oblast" > out.csv') == [["kg", "q", "-p", "place=Kharkiv Oblast"], [">", "out.csv"]]


def test_every_example_not_run_is_still_in_the_docs():
    commands = [c for _, c in EXAMPLES]
    for prefix in NOT_RUN:
        assert any(c == prefix or c.startswith(prefix + " ") for c in commands), prefix


@pytest.mark.parametrize("doc,command", EXAMPLES, ids=[f"{d}: {c}" for d, c in EXAMPLES])
def test_example_runs_as_written(doc, command, demo_store, tmp_path, monkeypatch):
    why = not_run(command)
    if why:
        pytest.skip(why)
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")
    monkeypatch.chdir(tmp_path)
    stdin, out = None, None
    args: list[str] = []
    for part in pipeline(command):
        if part[0] == "echo":
            stdin = " ".join(part[1:]) + "\n"
        elif part[0] == ">":
            out = tmp_path / part[1]
        else:
            args = part[1:] if part[0] == "kg" else part[2:]  # after "| kg"
    result = CliRunner().invoke(cli, args, input=stdin, env={"KG_STORE": str(demo_store)})
    assert result.exit_code == 0, f"{doc}: {command}\n{result.output}"
    assert "Traceback" not in result.output
    if out is not None:
        out.write_text(result.stdout, encoding="utf-8")
        assert result.stdout.strip(), f"{doc}: {command} wrote nothing to {out.name}"
