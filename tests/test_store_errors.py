"""A store that cannot be opened says why in plain words (no RuntimeError traceback)."""

from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import StoreError
from kg.store import open_store


@pytest.fixture
def store_copy(seed_store, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(seed_store, copy)
    return copy


@pytest.mark.parametrize("command", [["stats"], ["query", "entities-by-type"]])
def test_a_damaged_store_is_named_not_a_traceback(store_copy, command):
    (store_copy / "CURRENT").write_text("garbage\n")
    result = CliRunner().invoke(cli, ["--store", str(store_copy), *command])
    assert result.exit_code == 1
    assert f"{store_copy}: the store is damaged (Corruption: CURRENT file corrupted)" in result.output
    assert "restore it from a copy" in result.output and not isinstance(result.exception, RuntimeError)


def test_a_damaged_manifest_is_named(store_copy):
    for manifest in store_copy.glob("MANIFEST-*"):
        manifest.write_bytes(b"\x00\xff" * 50)
    with pytest.raises(StoreError, match="the store is damaged"):
        open_store(store_copy, read_only=True)


def test_a_folder_of_other_files_is_not_a_kg_store(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(StoreError, match="not a kg store"):
        open_store(tmp_path, read_only=True)


def test_a_store_another_process_holds_is_locked(store_copy):
    holder = ox.Store(str(store_copy))
    try:
        with pytest.raises(StoreError, match="locked by another kg process"):
            open_store(store_copy)
    finally:
        del holder
