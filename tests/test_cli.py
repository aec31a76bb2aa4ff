"""What a new user trips on at the command line: where --store goes, the case of a
choice, messages about query parameters, counts in words."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from kg.cli import cli

# Commands that never open the user's store (kg evaluate ingests into a temporary one).
STORELESS = {("evaluate",)}


def commands(group: click.Group, prefix=()):
    for name, cmd in sorted(group.commands.items()):
        if isinstance(cmd, click.Group):
            yield from commands(cmd, (*prefix, name))
        else:
            yield (*prefix, name), cmd


STORE_COMMANDS = [(path, cmd) for path, cmd in commands(cli) if path not in STORELESS]


@pytest.mark.parametrize("path,cmd", STORE_COMMANDS, ids=[" ".join(p) for p, _ in STORE_COMMANDS])
def test_every_command_that_uses_a_store_takes_store_after_it_too(path, cmd):
    assert "--store" in {o for p in cmd.params for o in p.opts}


def test_store_after_the_command_is_the_store_used(seed_store, tmp_path):
    runner = CliRunner()
    before = runner.invoke(cli, ["--store", str(seed_store), "stats", "--json"], catch_exceptions=False)
    after = runner.invoke(cli, ["stats", "--json", "--store", str(seed_store)], catch_exceptions=False)
    assert before.exit_code == after.exit_code == 0
    assert json.loads(after.output)["articles"] == json.loads(before.output)["articles"] == 3
    # Given in both places, the command's --store wins: here it names no store.
    both = runner.invoke(cli, ["--store", str(seed_store), "stats", "--store", str(tmp_path / "none")])
    assert both.exit_code != 0 and "none" in both.output
    rows = runner.invoke(cli, ["query", "entities-by-type", "--limit", "2", "--format", "csv", "--store", str(seed_store)])
    assert rows.exit_code == 0 and len(rows.output.splitlines()) == 3


def choices(group: click.Group):
    for path, cmd in commands(group):
        for p in cmd.params:
            if isinstance(p.type, click.Choice):
                yield path, p


CHOICES = list(choices(cli))


@pytest.mark.parametrize("path,param", CHOICES, ids=[f"{' '.join(p)} {q.name}" for p, q in CHOICES])
def test_every_choice_ignores_case(path, param):
    assert param.type.case_sensitive is False


def test_a_choice_in_another_case_is_taken(seed_store):
    runner = CliRunner()
    result = runner.invoke(cli, ["--store", str(seed_store), "query", "entities-by-type", "--limit", "1", "-f", "CSV"])
    assert result.exit_code == 0 and result.output.startswith("type,label,classes,")
    found = runner.invoke(cli, ["--store", str(seed_store), "lookup", "Kharkiv", "--type", "PLACE", "--json"])
    assert found.exit_code == 0 and json.loads(found.output)["matches"][0]["type"] == "Place"
