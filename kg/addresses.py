"""Addresses: "in Barangay Lumbac 3, Datu Kalim, Sultan Kudarat."

News writes where a thing happened as a chain of places from the smallest to the largest,
joined by bare commas, after a preposition of place: "at Camp Ranao in Datu Kalim,
Sultan Kudarat on April 7". Each link of the chain is a place, whatever the model
calls it (it often calls the unknown ones organisations or people). The chain must close
as an address does -- at the sentence's end, a bracket or a word that opens the next phrase
("on", "last", "when") -- so that "in Kyiv, Zelensky said" (a place, then the speaker) and
"in Gaza, Hamas and ..." are no chains.

The second form is pooled over the article (kg/namepool.py): an unknown name written as
the first part of "<town>, <area>", where the area is a place, is a place whatever the
preposition before it -- the chains above need one, this needs the area typed Place.
Both add Place evidence; they meet on "in X, <Province>", where both count.
"""

from __future__ import annotations

import re

from kg.types import Mention

_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|near|from|outside|of)[ \t]+(?:the[ \t]+)?$")
_LINK = re.compile(r",[ \t]+")
_CLOSES = re.compile(
    r"[ \t]*(?:[.;:)\n]|$|,[ \t]+(?:on|in|at|last|this|early|late|during|when|where|while|after|before|around|about|some)\b"
    r"|[ \t]+(?:on|last|this|early|late|during|when|where|while|after|before|around|since|over|overnight|at[ \t]+(?:about|around|\d))\b)"
)


def address_chains(mentions: list[Mention], text: str) -> list[list[Mention]]:
    """The chains of two or more mentions, in text order, that make an address."""
    ordered = sorted(mentions, key=lambda m: m.start)
    out: list[list[Mention]] = []
    i = 0
    while i < len(ordered):
        m = ordered[i]
        if not _PREPOSITION_BEFORE.search(text, max(0, m.start - 12), m.start):
            i += 1
            continue
        chain = [m]
        j = i + 1
        while j < len(ordered) and _LINK.fullmatch(text, chain[-1].end, ordered[j].start):
            chain.append(ordered[j])
            j += 1
        if len(chain) > 1 and _CLOSES.match(text, chain[-1].end):
            out.append(chain)
        i = j
    return out


ADDRESS_KNOWN = 2.0  # "in Datu Kalim, Sultan Kudarat": the area is the knowledge base's
ADDRESS_UNKNOWN = 1.0  # "Barangay Lumbac 3, Datu Kalim, ...": the area an unknown place
# After the area's name: the address ends (punctuation, a clause's word), no possessive.
_ADDRESS_END = re.compile(r"(?:[.,;:)\n]|$|[ \t]+(?:on|in|at|and|or|when|where|while|after|before|last|this|early|late|province|region|state|district)\b)")


def address_areas(resolved: list[tuple[Mention, str, bool]], text: str) -> dict[int, tuple[str, bool]]:
    """Unknown names written as the first part of an address ("<town>, <province>"): the
    next name, after a comma alone, is a place (the knowledge base's, or an unknown one
    typed Place) and ends the address. ``resolved`` holds each mention with the type the
    linker gave it and whether it is known; by mention ``id``: the area's name, whether known."""
    by_start = {m.start: (m, t, known) for m, t, known in resolved}
    out: dict[int, tuple[str, bool]] = {}
    for m, _, known in resolved:
        nxt = by_start.get(m.end + 2)
        if known or nxt is None or nxt[1] != "Place" or text[m.end : nxt[0].start] != ", ":
            continue
        if _ADDRESS_END.match(text, nxt[0].end):
            out[id(m)] = (nxt[0].text, nxt[2])
    return out
