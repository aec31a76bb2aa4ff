"""`kg explain`: the evidence, the type and the link of each name, printed and as JSON."""

from __future__ import annotations

import json

from click.testing import CliRunner

from kg.cli import cli
from kg.explain import explain
from kg.link import Linker
from kg.types import Article

TEXT = "Gunmen attacked the village of Dorgumi, a resident said. Vladimir Putin said nothing."


def test_explain_records_evidence_type_and_link(kb, nlp):
    (art,) = explain([Article(text=TEXT, source="t.txt")], Linker(kb), nlp)
    by_name = {r.surface: r for r in art.mentions}
    dorgumi = by_name["Dorgumi"]
    assert dorgumi.type == "Place" and dorgumi.kb_id is None and dorgumi.entity.endswith("/place/dorgumi")
    assert dorgumi.scores["Place"] > dorgumi.scores.get("Organization", 0) and dorgumi.margin > 0
    assert any(e.kind == "context" and "village of" in e.reason for e in dorgumi.evidence)
    assert dorgumi.pooled is not None and dorgumi.pooled.type == "Place"
    putin = by_name["Vladimir Putin"]
    assert putin.kb_id == "vladimir-putin" and 0 < putin.confidence <= 1


def test_explain_keeps_only_the_named_mentions(kb, nlp):
    (art,) = explain([Article(text=TEXT, source="t.txt")], Linker(kb), nlp, name="putin")
    assert [r.surface for r in art.mentions] == ["Vladimir Putin"]


def test_kg_explain_prints_and_writes_json(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(cli, ["--store", str(tmp_path / "store"), "explain", str(f), "Dorgumi"], catch_exceptions=False)
    assert out.exit_code == 0, out.output
    assert "Dorgumi" in out.output and "-> Place: NIL" in out.output and "after 'village of'" in out.output
    assert "Putin" not in out.output
    js = runner.invoke(cli, ["--store", str(tmp_path / "store"), "explain", "--json", TEXT], catch_exceptions=False)
    (record,) = [json.loads(line) for line in js.output.splitlines()]
    assert {m["surface"] for m in record["mentions"]} >= {"Dorgumi", "Vladimir Putin"}
    assert not (tmp_path / "store").exists()  # nothing written


def test_kg_explain_of_nothing_is_a_clear_error(tmp_path):
    out = CliRunner().invoke(cli, ["--store", str(tmp_path / "store"), "explain", "   "])
    assert out.exit_code == 1 and "no article to explain" in out.output and "Traceback" not in out.output
