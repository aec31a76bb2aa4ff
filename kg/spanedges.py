"""Edges of names that the model draws one piece short or one phrase long, on names no
one curated (kg/spans.py applies them in :func:`kg.spans.fix_boundaries`).

- "along the Gulf of Guinea": the model (or the knowledge base's "Guinea") takes the
  country, and the water body, a different place, is lost: a place span right after a
  capitalised "Gulf of", "Bay of", "Sea of", "Strait of" is the water body's name, whole.
- "head of the Bahema-Nord chiefdom", "Bwito-Sud", "Kasai-Central": a name with a
  hyphenated compass word (French or English) is one area's name; the model stops at the
  hyphen and types the stump a person or an organisation.
- "the Command of the Sixth Infantry Division of the Sudanese Armed Forces": a military
  unit's name opened by the word for its headquarters ("Command of the", "Headquarters of
  the") names the unit; the headquarters is no entity of its own.
"""

from __future__ import annotations

import re

from kg.mentions import unclaimed
from kg.types import Mention

_WATER_BEFORE = re.compile(r"(?<![\w'’-])(?:Gulf|Bay|Sea|Strait|Straits|Bight)[ \t]+of[ \t]+(?:the[ \t]+)?$")
_COMPASS_SUFFIX = re.compile(r"-(?:Nord|Sud|Est|Ouest|Centre|Central|North|South|East|West|Nord-Est|Nord-Ouest|Sud-Est|Sud-Ouest)(?![\w'’-])")
_UNIT_HEADS = {"Division", "Brigade", "Battalion", "Regiment", "Corps", "Squadron", "Fleet", "Army", "Zone"}
_SEAT_OF = re.compile(r"^(?:the[ \t]+)?(?:Command|Headquarters|HQ|Leadership)[ \t]+of[ \t]+(?:the[ \t]+)?", re.I)


def extend_to_water_body(mentions: list[Mention], text: str) -> list[Mention]:
    """"Guinea" of "the Gulf of Guinea": the water body, an unknown place for the linker
    to look up whole, rather than the country its name ends with."""
    out: list[Mention] = []
    drop: set[int] = set()
    for m in mentions:
        hit = _WATER_BEFORE.search(text, max(0, m.start - 20), m.start)
        if hit is not None and m.text[:1].isupper():
            # The knowledge base's "Gulf" (the Persian Gulf's short name) may hold the first word.
            inside = [o for o in mentions if o is not m and o.start < m.start and hit.start() < o.end]
            if all(o.start >= hit.start() and o.end <= m.start and " " not in o.text for o in inside):
                drop.update(id(o) for o in inside)
                m = Mention(hit.start(), m.end, text[hit.start() : m.end], "LOC", "ner", None, m.sentence)
        out.append(m)
    return [m for m in out if id(m) not in drop]


def extend_by_compass_suffix(mentions: list[Mention], text: str) -> list[Mention]:
    """"Bahema" of "Bahema-Nord": the span runs on over a hyphenated compass word, and the
    whole is an area (label GPE), unless the knowledge base knew the stump as something."""
    out = []
    for m in mentions:
        hit = _COMPASS_SUFFIX.match(text, m.end)
        if hit is not None and unclaimed(m.end, hit.end(), [o for o in mentions if o is not m]):
            label = m.label if m.kb_id is not None and m.label in ("GPE", "LOC", "KB|GPE", "KB|LOC") else "GPE"
            m = Mention(m.start, hit.end(), text[m.start : hit.end()], label, "ner", None, m.sentence)
        out.append(m)
    return out


def cut_unit_seat(mentions: list[Mention], text: str) -> list[Mention]:
    """"Command of the Sixth Infantry Division" -> "Sixth Infantry Division": a unit's name
    (its last word a unit's noun) after the word for its seat of command."""
    out = []
    for m in mentions:
        hit = _SEAT_OF.match(m.text)
        rest = m.text[hit.end() :] if hit is not None else ""
        words = rest.split()
        if hit is not None and m.kb_id is None and len(words) >= 2 and words[-1] in _UNIT_HEADS and rest[:1].isupper():
            start = m.start + hit.end()
            m = Mention(start, m.end, text[start : m.end], m.label, m.source, None, m.sentence)
        out.append(m)
    return out
