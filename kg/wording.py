"""Counts in words: "1 article", "2 articles", "1 entity", "0 entities".

One place for the rule, so that no message says "1 articles" or hedges with
"article(s)"; the core's messages and the CLI's both use it.
"""

from __future__ import annotations

import re


def plural_form(noun: str) -> str:
    """The English plural of a regular noun (entity -> entities, match -> matches)."""
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", noun):
        return noun + "es"
    return noun + "s"


def plural(n: int, noun: str, many: str | None = None) -> str:
    """``n`` and the noun in the number it calls for: ``plural(1, "article")`` is "1 article".

    ``noun`` may be several words ("attack report"): the last one takes the plural; give
    ``many`` for an irregular plural."""
    if n == 1:
        return f"{n} {noun}"
    if many is None:
        head, _, last = noun.rpartition(" ")
        many = (head + " " if head else "") + plural_form(last)
    return f"{n} {many}"
