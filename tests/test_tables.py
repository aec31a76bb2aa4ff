"""Tables that fit the terminal (kg.tables), in kg query and kg kb list."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.tables import cut, fit_widths, text_table

HEADLINE = "Russian drones and missiles strike Kharkiv overnight as the governor reports damage to a school"


def test_cut_marks_the_cut():
    assert cut("Kharkiv", 10) == "Kharkiv" and cut("Kharkiv", 5) == "Khar…" and len(cut(HEADLINE, 20)) == 20


def test_widest_columns_give_way_first_and_none_below_its_floor():
    assert fit_widths([10, 50, 3], [4, 8, 1], 40) == [10, 23, 3]
    assert fit_widths([10, 50, 3], [10, 8, 3], 10) == [10, 8, 3]  # too narrow: the floors hold
    assert fit_widths([5, 5], [5, 5], 80) == [5, 5]


@pytest.mark.parametrize("columns", [40, 60, 80])
def test_a_table_fits_the_terminal(columns):
    lines = text_table(["date", "headline", "mentions"], [["2024-03-03", HEADLINE, "12"], ["2023-12-31", "Short", "3"]],
                       [False, False, True], columns)
    assert all(len(line) <= columns for line in lines)
    assert lines[2].startswith("2024-03-03  Russian drones") and "…" in lines[2]
    assert lines[3].rstrip().endswith("       3")  # numbers aligned right, under "mentions"


def test_no_terminal_no_cut_beyond_the_cell_width():
    lines = text_table(["headline"], [[HEADLINE]], cell_width=200)
    assert lines[2] == HEADLINE


def test_kg_query_table_fits_the_terminal(seed_store, monkeypatch):
    monkeypatch.setattr("kg.cli_research.terminal_columns", lambda: 70)
    result = CliRunner().invoke(cli, ["--store", str(seed_store), "query", "articles-mentioning", "-p", "entity=Kharkiv"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 5 and all(len(line) <= 70 for line in lines) and "…" in result.stdout
    monkeypatch.setattr("kg.cli_research.terminal_columns", lambda: None)  # a file or a pipe: not cut to a screen
    wide = CliRunner().invoke(cli, ["--store", str(seed_store), "query", "articles-mentioning", "-p", "entity=Kharkiv"])
    assert max(map(len, wide.stdout.splitlines())) > 70
