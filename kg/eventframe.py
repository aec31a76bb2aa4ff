"""The frame: what one sentence of an article says of one attack -- its place, attacker,
weapons, figures and date, and the cues that tell whether it is the attack told before.

The event extractor (kg/events.py) reads each sentence into frames and merges them into
events (kg/eventmerge.py weighs them against each other).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

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
    named: bool = False  # "Residents in the coastal town of X ...": no attack word, the place of an unplaced attack just told
    more: bool = False  # "Two more civilians were killed in the attack in X": dead on top of a toll told just before
    update: str | None = None  # "toll": "The death toll rose to 12"; "more": "Another three died" (kg/eventfollow.py)
