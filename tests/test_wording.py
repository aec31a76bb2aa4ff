"""Counts in words (kg.wording): "1 article", never "1 articles" or "article(s)"."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kg.wording import plural

KG = Path(__file__).resolve().parent.parent / "kg"


@pytest.mark.parametrize(
    "n,noun,expected",
    [
        (1, "article", "1 article"),
        (0, "article", "0 articles"),
        (2, "article", "2 articles"),
        (1, "entity", "1 entity"),
        (3, "entity", "3 entities"),
        (2, "day", "2 days"),
        (2, "match", "2 matches"),
        (2, "attack report", "2 attack reports"),
        (1, "attacker or place", "1 attacker or place"),
        (4, "attacker or place", "4 attackers and places"),
    ],
)
def test_plural(n, noun, expected):
    many = "attackers and places" if noun == "attacker or place" else None
    assert plural(n, noun, many) == expected


def test_no_message_makes_its_own_plural():
    """Every count in words goes through kg.wording.plural: no "article(s)" in a string,
    no hand-made ``'s' if n != 1``."""
    offenders = []
    for path in sorted(KG.rglob("*.py")):
        if path.name == "wording.py":
            continue
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and re.search(r"[a-z]\(s\)", node.value):
                offenders.append(f"{path.relative_to(KG)}:{node.lineno}: {node.value!r}")
        for i, line in enumerate(source.splitlines(), 1):
            if re.search(r"""['"]s['"] (if|\*)""", line):
                offenders.append(f"{path.relative_to(KG)}:{i}: {line.strip()}")
    assert offenders == []
