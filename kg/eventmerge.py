"""Merging an article's attack accounts: when two accounts (events or sentence frames) may
be of one attack, how one adds to another, and how an attack reported at a district,
region or country that holds the place of another attack of the article is that attack
summarised ("airstrikes in Myinthar Township", then "in Kyauk Taw village").

A part of the event extractor (kg/events.py), kept apart so that events.py reads the
sentences and this module weighs the events they give against each other.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.eventactors import ActorSense
from kg.eventwords import GENERIC_PLURAL_TRIGGER, NIL_PLACE_RANK
from kg.identity import entity_of
from kg.types import AttackEvent, Entity

if TYPE_CHECKING:
    from kg.eventframe import Frame as _Frame


# "raided a village", "attacked an army post": the attack word's object, not one told before.
INDEFINITE_TARGET = re.compile(r"\s+(?:on\s+|against\s+)?(?:an?|another)\s+(?:[\w-]+\s+){0,2}?(?:village|hamlet|town|camp|post|base|checkpoint|convoy|market|mosque|church|school|bus|vehicle|settlement|community|patrol|position)s?\b", re.I)


class MergeSense(ActorSense):
    """The merging reasoning of the event extractor, over the article state it sets."""

    _levels: dict[str, int]
    _sole_levelled: str | None
    _sole_town: str | None
    _text: str

    def _compatible(self, a: AttackEvent | _Frame, b: AttackEvent | _Frame) -> bool:
        """Two accounts (events or frames) that may be of one attack: dates within a day and
        the same attacker, where both state them (a country and its armed forces are one)."""
        if a.date is not None and b.date is not None and abs((a.date - b.date).days) > 1:
            return False
        for x, y in ((a, b), (b, a)):
            # ("Seventeen soldiers were killed in an ambush near X in August", after Monday's attack on X in May)
            month = getattr(y, "month", None)
            if month is not None and x.date is not None and x.date.month != month:
                return False
        if a.actor is None or b.actor is None:
            return True
        return self._side.get(a.actor.iri, a.actor.iri) == self._side.get(b.actor.iri, b.actor.iri)

    def _unknown_in_main_country(self, place: Entity, country: Entity, lead: bool = False) -> bool:
        """Whether a place the knowledge base does not know lies in ``country``, the one the
        article names most: "an attack in northern Burkina Faso", then "a post between
        Dakiri and Tondia, close to the border with Niger" -- the land the report is of.
        With ``lead``, ``country`` is where the article's first attack was, and the land the
        report is of even when a neighbour is named more ("in western Niger, a few miles from
        the Benin frontier", then "the Kolmane department")."""
        entry = self._entry(country)
        return (
            "Country" in country.classes and entry is not None and (lead or entry.country == self._main_country)
            and self._entry(place) is None and "Country" not in place.classes
        )

    def _same_time(self, inner: AttackEvent, outer: AttackEvent, elsewhen: set[int]) -> bool:
        """Whether ``outer`` may hold ``inner`` as told at one time: both told at the article's
        time or both at another, or ``outer`` attacks told at another time with no toll of
        their own ("El Fasher has endured RSF attacks since March": a campaign)."""
        if (id(inner) in elsewhen) == (id(outer) in elsewhen):
            return True
        campaign = GENERIC_PLURAL_TRIGGER.search(self._text, outer.trigger[0], outer.trigger[1]) is not None
        return id(outer) in elsewhen and campaign and outer.killed is None and outer.injured is None

    def _collapse_containers(self, events: list[tuple[AttackEvent, _Frame]], direct: set[int], fresh: set[int], elsewhen: set[int]) -> None:
        """An attack reported at a district, region or country that holds the place of
        another attack of the article ("airstrikes in Myinthar Township", then "in Kyauk
        Taw village") is that attack, summarised: it joins the one attack inside it,
        or, when several lie inside, is their summary and is dropped. An attack told at
        another time ("last week, gunmen looted a clinic in the Maradi region", "In May, a
        blast in the Kanker district") neither lies inside the attack at hand nor holds it
        -- unless it is attacks with no toll of their own ("X has endured attacks since March")."""
        levelled = {ev.location.iri for ev, _ in events if ev.location is not None and self._levels.get(ev.location.iri, NIL_PLACE_RANK) < NIL_PLACE_RANK}
        self._sole_levelled = next(iter(levelled)) if len(levelled) == 1 else None
        towns = {ev.location.iri for ev, _ in events if ev.location is not None and self._entry(ev.location) is not None and self._rank(ev.location) == NIL_PLACE_RANK}
        self._sole_town = next(iter(towns)) if len(towns) == 1 else None
        k = 0
        while k < len(events):
            ev = events[k][0]
            loc = ev.location
            if loc is None or self._rank(loc) > NIL_PLACE_RANK or ("Country" in loc.classes and id(ev) in direct):
                k += 1
                continue
            # A town holds a site or quarter of it only where the text or the knowledge base
            # says so ("Quetta's Zarghoon Road", "a shelter in el-Fasher"), not by presumption.
            known = "Country" in loc.classes or self._rank(loc) >= NIL_PLACE_RANK
            inside = [
                o for o, _ in events
                if o is not ev and o.location is not None and id(o) not in fresh and self._same_time(o, ev, elsewhen) and self._within(o.location, loc, known=known) and self._compatible(o, ev)
                and not (self._rank(loc) >= NIL_PLACE_RANK and other_toll(o, ev))  # "an attack on the city killed two" after seven at its airport
            ]
            if not inside:
                # The one unknown place of the report's country told with no toll of its own: where
                # the country's attack was ("... killed in northern Burkina Faso", then "targeted a
                # detachment between Markoye and Tokabangou").
                unknown = [o for o, _ in events if o is not ev and o.location is not None and id(o) not in fresh and id(o) not in elsewhen and self._compatible(o, ev) and self._unknown_in_main_country(o.location, loc, lead=ev is events[0][0])]
                if len(unknown) > 1:
                    # (several: the one with the country's toll -- "57 dead in X", then 57 in Uror and 22 in Akobo)
                    unknown = [o for o in unknown if same_toll(o, ev)]
                # (... or with the country's own toll: "a rocket attack in Iraq" killed one and hurt
                # six, and the caption's "airport of Erbil, Iraq" one -- one attack)
                if len(unknown) == 1 and ((unknown[0].killed is None and unknown[0].injured is None) or same_toll(unknown[0], ev)) and (ev.actor is None or unknown[0].actor is None or self._compatible(unknown[0], ev)):
                    inside = unknown
            if not inside:
                k += 1
                continue
            tolled = [o for o in inside if ev.killed is not None and o.killed == ev.killed]
            if len(inside) > 1 and len(tolled) == 1:
                # "Four troopers were killed and seven hurt in an ambush in the Poonch region", then
                # "a militant attack in Kalsar" that killed four, and the Tarnoh area: the
                # summary's toll names which attack inside it it tells.
                inside = tolled
            if len(inside) == 1:
                absorb(inside[0], ev, higher_figures=False)
                inside[0].sentences.sort()
            else:
                # The summary dropped still says when the attacks inside it were ("At least 18
                # died on Christmas Day in Mutanda territory", then two of its places).
                for o in inside:
                    o.date = o.date or ev.date
            del events[k]

    def _unplaced(self, f: _Frame) -> Entity | None:
        """The country an attack a sentence tells at no place it names lies in, when it is an
        attack of its own: told with its own toll by an attack verb on something indefinite ("armed
        men raided a village in the north, killing 15"), in an article of one country (the one
        it names most) -- that country, as specific as the article gives."""
        if self._main_country is None or self._main_country not in self._countries or (f.killed is None and f.injured is None) or f.anaphoric:
            return None
        if not INDEFINITE_TARGET.match(self._text, f.trigger[1], f.sentence[1]) or self._text[f.trigger[0] : f.trigger[1]].lower().startswith(("kill", "die", "dead", "wound", "injur")):
            return None
        return entity_of(self._countries[self._main_country])

    def _headline_places(self, events: list[tuple[AttackEvent, _Frame]], frames: list[_Frame], elsewhen: set[int]) -> None:
        """The headline's frames (each with a place), read after the body's: each joins the
        body's attack at the place it names, contains or lies in, or the one with its toll --
        or, when it names the land of several, is their summary ("Israeli strikes kill 7 in
        south Lebanon"); a headline attack the body does not tell is one of its own."""
        for f in frames:
            loc = f.location.entity
            # (a headline tells the article's news, not an attack told at another time)
            related = [ev for ev, _ in events if ev.location is not None and id(ev) not in elsewhen and self._compatible(ev, f) and self._related(loc, ev.location)]
            same = [ev for ev in related if ev.location is not None and ev.location.iri == loc.iri]
            # ("strikes kill 18 in Idlib" over the city's 7 and two towns' 11: the sum, not the city's)
            summed = sum(1 for ev in related if ev.killed is not None or ev.injured is not None) > 1
            toll = [ev for ev in related if f.killed is not None and ev.killed == f.killed]
            tolled = [ev for ev, _ in events if id(ev) not in elsewhen and same_figures(ev, f) and self._compatible(ev, f)]
            if same and all(other_figures(ev, f) for ev in same) and len(tolled) == 1:
                # "Five police officers injured in attack in Mandera" over the body's attack with
                # those five at a place in it and a later one at Mandera with three: the headline
                # tells the attack of its figure.
                related = tolled
            elif same:
                related = same  # the body's attack at that place
            elif "Country" in loc.classes and f.direct and len(related) > 1:
                related = []  # "attacks on Ukraine" over several cities: the attack as a whole
            elif toll:
                related = toll  # "... kills 32 in Sudan's El Fasher": the attack with that toll
            elif len(related) > 1 and all(self._rank(loc) < self._rank(ev.location) for ev in related if ev.location is not None):
                # "Israeli strikes kill 7 in south Lebanon" over two towns' attacks: their
                # summary, no attack of its own; it still says who struck and when.
                for ev in related:
                    ev.actor, ev.date = ev.actor or f.actor, ev.date or f.date
                continue
            if not related and "Country" not in loc.classes:
                # "24 dead in attack in Lake Chad" over the attack on an island the body names:
                # the body's one attack with that toll, wherever the headline puts it.
                related = [ev for ev, _ in events if id(ev) not in elsewhen and f.killed is not None and ev.killed == f.killed and self._compatible(ev, f)][:2]
                related = related if len(related) == 1 else []
            if related:
                absorb(related[0], f, higher_figures=not summed)
            else:
                ev = AttackEvent(trigger=f.trigger, sentences=[], location=loc)
                absorb(ev, f)
                events.insert(0, (ev, f))


def same_figures(ev: AttackEvent, f: _Frame) -> bool:
    """Whether an event states the figure a frame does: its dead, or (with none) its wounded."""
    return (f.killed is not None and ev.killed == f.killed) or (f.killed is None and f.injured is not None and ev.injured == f.injured)


def other_figures(ev: AttackEvent, f: _Frame) -> bool:
    """Whether an event states other figures than a frame: other dead, or other wounded."""
    return (f.killed is not None and ev.killed is not None and ev.killed != f.killed) or (f.injured is not None and ev.injured is not None and ev.injured != f.injured)


def same_toll(a: AttackEvent | _Frame, b: AttackEvent | _Frame) -> bool:
    """Whether two accounts state the same toll: the same dead, and no other wounded."""
    return a.killed is not None and a.killed == b.killed and (a.injured is None or b.injured is None or a.injured == b.injured)


def other_toll(a: AttackEvent | _Frame, b: AttackEvent | _Frame) -> bool:
    """Whether two accounts count other dead: both state a toll, and not the same."""
    return a.killed is not None and b.killed is not None and a.killed != b.killed


def absorb(ev: AttackEvent, other: AttackEvent | _Frame, higher_figures: bool = True, figures: bool = True) -> None:
    """Add what ``other`` says of the same attack to ``ev``: its sentences, attacker, date
    and weapons, and (unless not ``figures``) its figures -- the higher ones (a sentence of
    the article updating a toll), or only where ``ev`` states none (an event merged into another)."""
    sentences = other.sentences if isinstance(other, AttackEvent) else [other.sentence]
    for sentence in sentences:
        if sentence not in ev.sentences:
            ev.sentences.append(sentence)
    ev.actor = ev.actor or other.actor
    ev.date = ev.date or other.date
    for w in other.weapons:
        if all(w.iri != x.iri for x in ev.weapons):
            ev.weapons.append(w)
    for slot in ("killed", "injured") if figures else ():
        mine, theirs = getattr(ev, slot), getattr(other, slot)
        if theirs is not None and (mine is None or (higher_figures and theirs > mine)):
            setattr(ev, slot, theirs)
