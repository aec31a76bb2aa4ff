"""kg evaluate on small gold files the tests write."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import InputError
from kg.evaluate import prf, read_gold, score_article, score_store

ARTICLE = """Drones hit Odesa

By Reuters

Russian drones struck Odesa overnight, governor Mykola Danchenko said. Danchenko said the port was hit.

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
        {"name": "Mykola Danchenko", "type": "Person", "surface": ["Mykola Danchenko"]},
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
                {"name": "Mykola Danchenko", "type": "Person", "surface": ["Mykola Danchenko", "Danchenko"]},
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


# Events: the synthetic store of tests/data/events.trig against gold written here. The
# expected figures are worked out by hand below, pair by pair, following the pairing and
# items of shared/eval/score.py.
ENTITIES = [
    {"name": "Kharkiv", "type": "Place", "surface": ["Kharkiv"], "ids": ["geonames:706483"]},
    {"name": "Russia", "type": "Place", "surface": ["Russia", "Russian"]},
    {"name": "HESA Shahed 136", "type": "Weapon", "surface": ["Shahed"]},
]
GOLD_EVENTS = [
    {"file": "afp-kharkiv-belgorod.txt", "url": "https://example.org/afp/kharkiv-belgorod", "entities": ENTITIES,
     "events": [
         # the system's Kharkiv report agrees on all 5 items (location, actor, weapon, killed, date)
         {"location": "Kharkiv", "actor": "Russia", "weapons": ["HESA Shahed 136"], "killed": 2, "injured": None,
          "date": "2023-12-31"},
         # Belgorod: location, actor, weapon and killed agree; injured (100 vs 111) and date do not: 4 of 6
         {"location": "Belgorod", "actor": "Ukraine", "weapons": ["cluster munition"], "killed": 22, "injured": 111,
          "date": "2023-12-29"},
     ]},
    {"file": "reuters-kharkiv-drones.txt", "url": "https://example.org/reuters/kharkiv-drones", "entities": ENTITIES,
     "events": [
         {"location": "Kharkiv", "actor": "Russia", "weapons": ["Shahed"], "killed": 3, "injured": 5,
          "date": "2023-12-31"},  # 6 of 6
         {"location": "Kupiansk", "actor": "Russia", "weapons": [], "killed": 1},  # missed: 3 gold items
     ]},
    {"file": "reuters-kyiv-odesa.txt", "url": "https://example.org/reuters/kyiv-odesa", "entities": ENTITIES,
     "events": [
         # Kyiv: location, actor, Shahed and date agree, Kalibr is not the Iskander: 4 of 5 (system: 5 items)
         {"location": "Kyiv", "actor": "Russia", "weapons": ["HESA Shahed 136", "Kalibr"], "date": "2024-03-03"},
         # no location: paired by actor, with the placeless report (Kyiv's report is taken): 1 of 1
         {"location": None, "actor": "Russia"},
     ]},  # the Odesa report (4 items) pairs with nothing: spurious
]
# paired 2 + 1 + 2 = 5 of 6 found and 6 gold; items agree 9 + 6 + 5 = 20,
# system items 11 + 6 + 10 = 27, gold items 11 + 9 + 6 = 26.
EXPECTED_EVENTS = {"paired": 5, "system": 6, "gold": 6, "p": 0.833, "r": 0.833, "f1": 0.833}
EXPECTED_SLOTS = {"agree": 20, "system": 27, "gold": 26, "p": 0.741, "r": 0.769, "f1": 0.755}


def test_event_and_slot_scores_worked_out_by_hand(events_store):
    report = score_store(ox.Store.read_only(str(events_store)), GOLD_EVENTS)
    assert report["events"] == EXPECTED_EVENTS
    assert report["slots"] == EXPECTED_SLOTS
    errors = report["errors"]
    assert errors["reuters-kharkiv-drones.txt"]["events"] == ["missed event at Kupiansk by Russia"]
    assert errors["reuters-kyiv-odesa.txt"]["events"] == ["spurious event at Odesa"]


def test_events_of_an_article_without_url_are_found_by_file(events_store):
    gold = GOLD_EVENTS + [{"file": "chuhuiv.txt", "entities": [], "events": [
        # every item agrees: "Chuhuiv district" is an alias, "Iskander-M" one of the missile's names
        {"location": "Chuhuiv district", "actor": "Russia", "weapons": ["Iskander-M"], "killed": 3, "date": "2024-03-09"},
    ]}]  # the Belgorod depot report of that article is spurious (3 items)
    report = score_store(ox.Store.read_only(str(events_store)), gold)
    assert report["events"] == {"paired": 6, "system": 8, "gold": 7, "p": 0.75, "r": 0.857, "f1": 0.8}
    assert report["slots"] == {"agree": 25, "system": 35, "gold": 31, "p": 0.714, "r": 0.806, "f1": 0.758}


def test_no_event_figures_without_gold_events(events_store):
    gold = [{k: v for k, v in doc.items() if k != "events"} for doc in GOLD_EVENTS]
    assert "events" not in score_store(ox.Store.read_only(str(events_store)), gold)


SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"


@pytest.mark.skipif(not SCORER.is_file(), reason="shared/eval/score.py is not beside the project")
def test_the_same_figures_as_the_project_scorer(events_store, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(d) + "\n" for d in GOLD_EVENTS), encoding="utf-8")
    out = subprocess.run([sys.executable, str(SCORER), "--store", str(events_store), "--gold", str(gold), "--json"],
                         capture_output=True, text=True, check=True).stdout
    theirs = json.loads(out)
    ours = score_store(ox.Store.read_only(str(events_store)), read_gold(gold))
    assert theirs["events"] == ours["events"] == EXPECTED_EVENTS
    assert theirs["slots"] == ours["slots"] == EXPECTED_SLOTS
    assert theirs["micro"] == ours["micro"]


@pytest.mark.parametrize("event,message", [
    ({"location": 3}, "'location' must be a name"),
    ({"weapons": "Shahed"}, "'weapons' must be a list"),
    ({"killed": "two"}, "'killed' must be a whole number"),
    ({"date": "31 December"}, "'date' must be YYYY-MM-DD"),
])
def test_bad_gold_events_are_clear_errors(tmp_path, event, message):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"file": "a.txt", "entities": [], "events": [event]}) + "\n")
    with pytest.raises(InputError, match=f"gold.jsonl:1: event 1: {message}"):
        read_gold(gold)


def test_evaluate_command_reports_events_when_the_gold_has_them(tmp_path):
    (tmp_path / "odesa.txt").write_text(ARTICLE, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    doc = {"file": "odesa.txt", "url": "https://example.org/odesa-drones",
           "entities": [{"name": "Odesa", "type": "Place", "surface": ["Odesa"]}],
           "events": [{"location": "Odesa", "actor": "Russia", "weapons": ["drone"]}]}
    gold.write_text(json.dumps(doc) + "\n")
    args = ["evaluate", "--gold", str(gold), str(tmp_path / "odesa.txt")]
    report = json.loads(CliRunner().invoke(cli, [*args, "--json"], catch_exceptions=False).output)
    assert report["events"]["gold"] == 1 and report["slots"]["gold"] == 3
    assert 0 <= report["events"]["p"] <= 1 and report["events"]["paired"] <= report["events"]["system"]
    table = CliRunner().invoke(cli, args, catch_exceptions=False).output
    assert "events: " in table and "event slots: " in table and " gold: P " in table


def test_evaluate_fails_when_no_gold_article_matched(tmp_path):
    (tmp_path / "odesa.txt").write_text(ARTICLE, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(gold_line([{"name": "Odesa", "type": "Place", "surface": ["Odesa"]}],
                              url="https://example.org/another", file="another.txt"))
    r = CliRunner().invoke(cli, ["evaluate", "--gold", str(gold), str(tmp_path / "odesa.txt")])
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert f"{gold}: no gold article matched any of the 1 article read (gold names another.txt;" in r.stderr
