"""kg evaluate on small gold files the tests write."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import InputError
from kg.evaluate import prf, read_gold, score_article, score_store

ARTICLE = """Drones hit Odesa

By Reuters

Russian drones struck Odesa overnight, governor Oleh Kiper said. Kiper said the port was hit.

Original url:

<https://example.org/odesa-drones>
"""


def gold_line(entities, url="https://example.org/odesa-drones", file="odesa.txt"):
    return json.dumps({"file": file, "url": url, "entities": entities}) + "\n"


def test_prf():
    assert prf(8, 2, 2) == {"tp": 8, "fp": 2, "fn": 2, "p": 0.8, "r": 0.8, "f1": 0.8}
    assert prf(0, 0, 0)["f1"] == 0.0


def test_score_article_counts_duplicates_optionals_and_links():
    found = {
        "e1": {"types": {"Place"}, "labels": {"odesa"}, "ids": {"gn:698740"}},
        "e2": {"types": {"Place"}, "labels": {"odessa"}, "ids": set()},  # unmerged duplicate of Odesa
        "e3": {"types": {"Organization"}, "labels": {"telegram"}, "ids": set()},  # optional in gold
        "e4": {"types": {"Person"}, "labels": {"nobody"}, "ids": set()},
    }
    gold = [
        {"name": "Odesa", "type": "Place", "surface": ["Odesa", "Odessa"], "ids": ["geonames:698740"]},
        {"name": "Telegram", "type": "Organization", "optional": True},
        {"name": "Oleh Kiper", "type": "Person", "surface": ["Oleh Kiper"]},
    ]
    counts, link, errors = score_article(found, gold)
    assert counts["Place"] == [1, 1, 0]
    assert counts["Person"] == [0, 1, 1]
    assert "Organization" not in counts or counts["Organization"] == [0, 0, 0]
    assert link == [1, 1]
    assert any("duplicate of Odesa" in e for e in errors["fp"])


def test_evaluate_command_end_to_end(tmp_path):
    (tmp_path / "odesa.txt").write_text(ARTICLE, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        gold_line(
            [
                {"name": "Odesa", "type": "Place", "surface": ["Odesa"], "ids": ["geonames:698740"]},
                {"name": "Oleh Kiper", "type": "Person", "surface": ["Oleh Kiper", "Kiper"]},
                {"name": "Reuters", "type": "Organization", "surface": ["Reuters"]},
                {"name": "drone", "type": "Weapon", "surface": ["drones"]},
                {"name": "Lviv", "type": "Place", "surface": ["Lviv"]},  # not in the text: a false negative
            ]
        )
    )
    r = CliRunner().invoke(cli, ["evaluate", "--gold", str(gold), str(tmp_path / "odesa.txt"), "--json", "--errors"], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    report = json.loads(r.output)
    assert report["types"]["Place"]["tp"] == 1 and report["types"]["Place"]["fn"] == 1
    assert report["types"]["Person"]["tp"] == 1
    assert report["types"]["Weapon"]["tp"] == 1
    assert report["linking"] == {"correct": 1, "total": 1, "accuracy": 1.0}
    assert "Place:Lviv" in report["errors"]["odesa.txt"]["fn"]
    table = CliRunner().invoke(cli, ["evaluate", "--gold", str(gold), str(tmp_path / "odesa.txt")], catch_exceptions=False)
    assert "micro" in table.output and "linking accuracy: 1.0" in table.output


def test_gold_matched_by_file_name_when_there_is_no_url(tmp_path, seed_store):
    store = ox.Store.read_only(str(seed_store))
    gold = [{"file": "kyiv-drones.txt", "entities": [{"name": "Jens Stoltenberg", "type": "Person", "surface": ["Jens Stoltenberg"]}]}]
    report = score_store(store, gold)
    assert report["articles_missing"] == [] and report["types"]["Person"]["tp"] == 1


def test_bad_gold_is_a_clear_error(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(gold_line([{"name": "X", "type": "Place"}]) + "{oops\n")
    with pytest.raises(InputError, match="gold.jsonl:2"):
        read_gold(gold)
    gold.write_text(gold_line([{"name": "X", "type": "Thing"}]))
    with pytest.raises(InputError, match="a gold entity needs"):
        read_gold(gold)
