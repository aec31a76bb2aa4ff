"""Address chains: "in Barangay Tuayan 1, Datu Hoffer Ampatuan, Maguindanao del Sur."

News writes where a thing happened as a chain of places from the smallest to the largest,
joined by bare commas, after a preposition of place: "at Camp Siongco in Datu Odin Sinsuat,
Maguindanao del Norte on March 18". Each link of the chain is a place, whatever the model
calls it (it often calls the unknown ones organisations or people). The chain must close
as an address does -- at the sentence's end, a bracket or a word that opens the next phrase
("on", "last", "when") -- so that "in Kyiv, Zelensky said" (a place, then the speaker) and
"in Gaza, Hamas and ..." are no chains.
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
