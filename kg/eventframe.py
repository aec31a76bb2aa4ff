"""The frame: what one sentence of an article says of one attack -- its place, attacker,
weapons, figures and date, and the cues that tell whether it is the attack told before.

The event extractor (kg/events.py) reads each sentence into frames and merges them into
events (kg/eventmerge.py weighs them against each other).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from kg.datelines import DATELINE_RE
from kg.eventcues import clause_around
from kg.eventwords import ANAPHOR_PLACES
from kg.types import Entity, LinkedMention


@dataclass
class Frame:
    """What one sentence says of one attack."""

    trigger: tuple[int, int]
    sentence: tuple[int, int]
    index: int  # the sentence's position in the article
    location: LinkedMention | None = None
    actor: Entity | None = None
    weapons: list[Entity] = field(default_factory=list)
    killed: int | None = None
    injured: int | None = None
    date: dt.date | None = None
    anaphoric: bool = False  # speaks of "the attack", "the city": an attack named before
    fresh: bool = False  # "a separate attack", "another strike": not the attack named before
    direct: bool = False  # the place is what the attack was on ("attack on Ukraine"), not where ("in Iraq")
    retold: bool = False  # "The assaults, which occurred near X and Y, ...": attacks told before, no new one
    placed: bool = False  # "The attack on X ...": the attack told before, its place named
    aftermath: bool = False  # "One of them caused a fire at X": only what an attack told before did
    elsewhen: bool = False  # told at a time no day names ("In February, a strike ..."): not the lead's day
    summary: bool = False  # "the bombings at four separate sites in X, Y and Z": the lands of several attacks
    same_place: bool = False  # "another attack ... in the same area": another attack, at the place of the one told before
    listed: bool = False  # one of the places of a list the sentence names ("in Masalo, Torani and Kabora")
    between: bool = False  # "on a road between Yopalito and Las Brisas": the first of two places the attack lay between
    meanwhile: bool = False  # "Meanwhile, ... in Kanker": another attack, if at a place not told before
    incident: bool = False  # "The incident took place near X": no attack word, only where the attack told before was
    occurred: bool = False  # "the attack occurred at X": the attack told before, and where it was
    month: int | None = None  # the month "In August, an ambush ..." names: no attack of another month
    named: bool = False  # "People in the river town of X begged for help": no attack word, the place of an unplaced attack just told
    more: bool = False  # "Three more herders were killed in the raid near X": dead on top of a toll told just before
    update: str | None = None  # "toll": "The death toll rose to 12"; "more": "Another three died" (kg/eventfollow.py)


def lead_end(sentence: str) -> int:
    """Where a sentence's dateline ("KABUL, June 3 -") ends, or 0."""
    lead = DATELINE_RE.match(sentence)
    return lead.end() if lead else 0


def speaks_of_told(anaphors: list[re.Match], trig: re.Match, triggers: int) -> bool:
    """Whether the sentence speaks of an attack told before for this attack word: "the
    attack" is this word, or "the city" names a place told before, or the sentence has no
    other attack word. ("The attack comes after an attack on X": not the second.)"""
    for m in anaphors:
        if m.end() == trig.end() or triggers == 1 or m.group().split()[-1].lower() in ANAPHOR_PLACES:
            return True
    return False


def clause_actor(sentence: str, trig: re.Match, triggers: list[re.Match], actors: dict[int, tuple[Entity | None, LinkedMention | None]]) -> Entity | None:
    """The attacker another attack word of the same clause names, when one does: "the
    hospital was struck in another Iranian attack" -- "struck" by whom "attack" says."""
    lo, hi = clause_around(sentence, trig.start(), trig.end())
    named = {a.iri: a for t in triggers if t is not trig and lo <= t.start() < hi for a in [actors[id(t)][0]] if a is not None}
    return next(iter(named.values())) if len(named) == 1 else None
