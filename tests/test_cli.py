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
    # list_commands / get_command, not group.commands: kg's commands load lazily (LazyGroup).
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
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


@pytest.mark.parametrize(
    "query,param,message",
    [
        ("entities-by-type", "class=Persn", "no class 'Persn' in kg's ontology"),
        ("entities-by-type", "class=kg:Dron", "no class 'kg:Dron' in kg's ontology"),
        ("articles-mentioning", "since=2024-02-30", "'2024-02-30' is no day of the calendar"),
        ("articles-mentioning", "until=2024-13-01", "'2024-13-01' is no day of the calendar"),
        ("mentions-over-time", "period=week", "'week' is not one of month, day"),
        ("articles-mentioning", "entity=Qwxzv Plmkj Zzzq", "no entity named 'Qwxzv Plmkj Zzzq' in the store"),
    ],
)
def test_bad_query_parameters_are_refused_by_name(seed_store, query, param, message):
    needs_entity = query != "entities-by-type" and not param.startswith("entity=")
    extra = ["--param", "entity=Kharkiv"] if needs_entity else []
    result = CliRunner().invoke(cli, ["--store", str(seed_store), "query", query, "--param", param, *extra])
    assert result.exit_code == 1 and message in result.stderr, result.output
    assert "Traceback" not in result.output


def test_good_query_parameters_in_any_case_are_taken(seed_store):
    runner = CliRunner()
    for param in ("class=city", "class=PERSON", "class=kg:City"):
        result = runner.invoke(cli, ["--store", str(seed_store), "query", "entities-by-type", "-p", param, "-f", "csv"])
        assert result.exit_code == 0 and len(result.stdout.splitlines()) > 1, (param, result.output)
    result = runner.invoke(cli, ["--store", str(seed_store), "query", "mentions-over-time", "-p", "entity=Kharkiv",
                                 "-p", "period=DAY", "-f", "csv"])
    assert result.exit_code == 0 and "2024-03-03" in result.stdout, result.output
    listed = runner.invoke(cli, ["query", "--list"])
    assert "--param period=<month|day> (default month)" in listed.output


def test_an_entity_name_says_which_entity_it_resolved_to(seed_store):
    result = CliRunner().invoke(cli, ["--store", str(seed_store), "query", "articles-mentioning", "-p", "entity=zelenskiy",
                                      "-f", "csv"])
    assert result.exit_code == 0, result.output
    note = result.stderr.strip()
    assert note.startswith("kg query: entity=zelenskiy is Volodymyr Zelenskyy (Person) <http") and note.endswith(">")
    assert "zelenskiy" not in result.stdout  # the note is not part of the results
