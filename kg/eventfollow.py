"""Follow-ups: a sentence that adds to the toll of an attack told before rather than
telling an attack of its own -- "The death toll rose to 12", "Another three died in
hospital", "Two more of the wounded later succumbed".

A part of the event extractor (kg/events.py): it reads a sentence that names no place and
no attack word, and says whether its figures update the attack told just before (the new
toll replaces the old one) or add to it (more dead, counted on top).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.eventcues import NUMBER

if TYPE_CHECKING:
    from kg.eventframe import Frame
    from kg.types import AttackEvent

# "The death toll rose to 12", "the number of dead has climbed to 40", "the toll now stands at 9".
_TOLL_UPDATE = re.compile(
    r"\b(?:death\s+toll|toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|fatalities|people\s+killed|victims))\b[^.;]{0,60}?"
    r"\b(?:rose|risen|rises|rising|climbed|climbs|increased|jumped|reached|now\s+stands|has\s+reached|went\s+up|was\s+revised\s+up)\b"
    # "the mayor put the provisional toll at 31"
    r"|\b(?:put|puts|putting|placed|places|gave|gives|set)\s+the\s+(?:[\w“\"-]+\s+){0,3}?(?:death\s+)?toll[”\"]?\s+at\b",
    re.I,
)
# "Another three died in hospital", "Three more people later died of their wounds", "two others
# succumbed to their injuries": more dead than the toll told, counted on top of it.
_MORE_DEAD = re.compile(
    r"\b(?:another\s+(?:" + NUMBER + r")|(?:" + NUMBER + r")\s+(?:more|others?|further)|(?:" + NUMBER + r")\s+of\s+the\s+(?:injured|wounded))\b"
    r"[^.;]{0,60}?\b(?:died|succumbed|passed\s+away|later\s+died)\b",
    re.I,
)


# "Three more herders were killed in the raid near X": dead on top of the toll told just before.
MORE_KILLED = re.compile(r"\b(?:" + NUMBER + r")\s+(?:more|other)\s+(?:[\w-]+\s+){0,2}?(?:were|was|have\s+been|had\s+been)\s+(?:also\s+)?killed\s+in\s+the\s+(?:same\s+)?(?:attack|raid|assault|ambush)\b", re.I)


def follow_up(sentence: str) -> str | None:
    """"toll" when the sentence restates an attack's toll as it now stands ("The death toll
    rose to 12"), "more" when it adds dead to it ("Another three died in hospital"), else None."""
    if _TOLL_UPDATE.search(sentence):
        return "toll"
    if _MORE_DEAD.search(sentence):
        return "more"
    return None


def added(ev: AttackEvent, frame: Frame) -> None:
    """Count a frame's "more" dead and wounded on top of the attack's own, so that merging
    it (which keeps the higher figure) leaves the sum: five killed, then "another three died"."""
    for slot in ("killed", "injured"):
        mine, theirs = getattr(ev, slot), getattr(frame, slot)
        if mine is not None and theirs is not None:
            setattr(frame, slot, mine + theirs)
