"""`kg explain`: the evidence, the type and the link of each name, printed and as JSON."""

from __future__ import annotations

import json

from click.testing import CliRunner

from kg.cli import cli
from kg.explain import explain
from kg.link import Linker
from kg.types import Article

TEXT = "Gunmen attacked the village of Wulari, a resident said. Vladimir Putin said nothing."


def test_explain_records_evidence_type_and_link(kb, nlp):
    (art,) = explain([Article(text=TEXT, source="t.txt")], Linker(kb), nlp)
    by_name = {r.surface: r for r in art.mentions}
    wulari = by_name["Wulari"]
    assert wulari.type == "Place" and wulari.kb_id is None and wulari.entity.endswith("/place/wulari")
    assert wulari.scores["Place"] > wulari.scores.get("Organization", 0) and wulari.margin > 0
    assert any(e.kind == "context" and "village of" in e.reason for e in wulari.evidence)
    assert wulari.pooled is not None and wulari.pooled.type == "Place"
    putin = by_name["Vladimir Putin"]
    assert putin.kb_id == "vladimir-putin" and 0 < putin.confidence <= 1


def test_explain_keeps_only_the_named_mentions(kb, nlp):
    (art,) = explain([Article(text=TEXT, source="t.txt")], Linker(kb), nlp, name="putin")
    assert [r.surface for r in art.mentions] == ["Vladimir Putin"]


def test_kg_explain_prints_and_writes_json(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(cli, ["--store", str(tmp_path / "store"), "explain", str(f), "Wulari"], catch_exceptions=False)
    assert out.exit_code == 0, out.output
    assert "Wulari" in out.output and "-> Place: NIL" in out.output and "after 'village of'" in out.output
    assert "Putin" not in out.output
    js = runner.invoke(cli, ["--store", str(tmp_path / "store"), "explain", "--json", TEXT], catch_exceptions=False)
    (record,) = [json.loads(line) for line in js.output.splitlines()]
    assert {m["surface"] for m in record["mentions"]} >= {"Wulari", "Vladimir Putin"}
    assert not (tmp_path / "store").exists()  # nothing written


def test_kg_explain_of_nothing_is_a_clear_error(tmp_path):
    out = CliRunner().invoke(cli, ["--store", str(tmp_path / "store"), "explain", "   "])
    assert out.exit_code == 1 and "no article to explain" in out.output and "Traceback" not in out.output
