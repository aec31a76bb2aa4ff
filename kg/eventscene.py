"""The scene of an attack told at a land: the town or village a later sentence puts it in.

Reports of small attacks open at the level a wire desk knows -- a country, a state, a
district or township -- and give the place itself a sentence or two on, in words that
are no attack word: "armed men then entered the village of X", "the incident occurred in
the small town of Y", "the farm is near Z village". Those sentences give no frame of their
own (kg/events.py reads only sentences that tell an attack or a toll), so the attack kept
the land as its place. This pass reads the few sentences after each such attack for a
place named as the scene -- after a verb of entering, after "occurred in", or as where
"the farm", "the house" lies -- lower than the attack's place and within it, and moves the
attack there when exactly one place is so named -- not a list of places ("took place in X,
Y and Z": the villages of one attack at its land), nor a name the text calls a land ("X, a
huge territory"). The sentence that names the scene may also give the attack its day.

A part of the event extractor (kg/events.py); runs after the frames are merged, only for
events placed at a land, over only the sentences that follow them: it costs next to nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right

from kg.eventcues import dates_in
from kg.eventlists import joined
from kg.eventmerge import MergeSense
from kg.eventwords import PLACE_RANK
from kg.types import AttackEvent, LinkedMention

# How many sentences after the attack's last one the scene may be named in.
SCENE_REACH = 2
_SETTLEMENT = r"(?:village|town|city|hamlet|settlement|community|locality)"
# The words before a place that make it the scene: "entered the Arakanese village of",
# "broke into a shop in the town of", "descended upon"; "occurred at around 2am in the
# small town of", "took place in"; "The farm is near", "The house was located in".
SCENE_BEFORE = re.compile(
    r"\b(?:entered|went\s+into|stormed|raided|broke\s+into|descended\s+(?:up)?on|invaded|overran|swooped\s+on)\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,4}?(?:" + _SETTLEMENT + r"\s+of\s+)?$"
    r"|\b(?:occurred|took\s+place|happened)\s+(?:[^,.;:]{0,40}?\s)?(?:in|at|near)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:" + _SETTLEMENT + r"\s+of\s+)?$",
    re.I,
)
# "The farm is near", "The house was located in": where the site the attack hit lies
# (matched from the sentence's start to the place).
SITE_LIES = re.compile(
    r"\W*[Tt]he\s+(?:farm|house|home|site|scene|field|market|shop|store|building|compound)\s+(?:is|was|lies)\s+(?:located\s+|situated\s+)?(?:near|in|at|outside)\s+(?:the\s+)?$"
)
# "Moranda, a vast territory in the north": a name the text calls a land is no scene,
# whatever the knowledge base knows of a town of that name.
LAND_APPOSED = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:territory|region|province|district|state|county|department|prefecture|zone|area)\b", re.I)
# What stands between two places of a list ("in X, Y and Z").
_LISTED_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+or|\s*&)\s*")
# A sentence with none of these words names no scene: the cheap check before the pattern.
_SCENE_WORDS = ("enter", "went into", "storm", "raided", "broke into", "descended", "invaded", "overran", "swooped", "occurred", "took place", "happened", "the farm", "the house", "the home", "the site", "the scene", "the field", "the market", "the shop", "the store", "the building", "the compound")
_WINDOW = 80  # characters before a place the scene words are looked for in
_STORY_WORDS = 6  # a sentence of fewer words is a byline or a dateline, no sentence of the story


class SceneSense(MergeSense):
    """Moving an attack told at a land to the scene a following sentence names."""

    def _broad(self, ev: AttackEvent) -> bool:
        """Whether the attack is placed at a land (a country, region, district or township),
        the level a report opens at before it names the town."""
        loc = ev.location
        return loc is not None and ("Country" in loc.classes or self._rank(loc) <= PLACE_RANK["District"])

    def _scene_places(self, events: list[AttackEvent], sentences: list[tuple[int, int]], by_sentence: dict[int, list[LinkedMention]], published: dt.date | None) -> None:
        """Move each attack placed at a land to the one place the next sentences name as its
        scene, lower than the land and within it, where no other attack of the article is
        and in a sentence no other attack was read from. (Not for a land that several attacks
        share: with two attacks told at one land, which scene is whose is not said.)"""
        broad = [ev for ev in events if self._broad(ev) and ev.sentences]
        if not broad:
            return
        starts = [b for b, _ in sentences]
        taken = {ev.location.iri for ev in events if ev.location is not None}
        for ev in broad:
            assert ev.location is not None
            if sum(1 for o in events if o.location is not None and o.location.iri == ev.location.iri) > 1:
                continue
            told = {bisect_right(starts, b) - 1 for b, _ in ev.sentences}
            others = {bisect_right(starts, b) - 1 for o in events if o is not ev for b, _ in o.sentences}
            found: dict[str, tuple[LinkedMention, int]] = {}
            for i in self._story_after(sentences, min(told), max(told)):
                if i not in others:
                    for lm in self._scenes(ev, sentences[i], by_sentence.get(i, []), taken):
                        found.setdefault(lm.entity.iri, (lm, i))
            if len(found) == 1:
                ((lm, i),) = found.values()
                ev.location = lm.entity
                taken.add(lm.entity.iri)
                if ev.date is None:
                    # ("The incident occurred in the town of X at midnight on Tuesday": the
                    # sentence that places the attack may be the one that dates it)
                    days = {d for _, d in dates_in(self._text[sentences[i][0] : sentences[i][1]], published)}
                    ev.date = days.pop() if len(days) == 1 else None

    def _story_after(self, sentences: list[tuple[int, int]], first: int, last: int) -> range:
        """The sentences from ``first`` to SCENE_REACH sentences of the story after ``last``:
        a byline or a dateline between a headline and the lead is no sentence of the story."""
        end, counted = last, 0
        while counted < SCENE_REACH and end + 1 < len(sentences):
            end += 1
            b, e = sentences[end]
            counted += len(self._text[b:e].split()) >= _STORY_WORDS
        return range(first, end + 1)

    def _scenes(self, ev: AttackEvent, span: tuple[int, int], mentions: list[LinkedMention], taken: set[str]) -> list[LinkedMention]:
        """The places a sentence names as the scene of ``ev``: after a scene word, lower than
        its place and within it. Of two the same scene words lead to ("entered the Arakanese
        village of X"), the last: the first only qualifies it."""
        b, e = span
        assert ev.location is not None
        low = self._text[b:e].lower()
        if not any(w in low for w in _SCENE_WORDS):
            return []
        out: list[tuple[int, LinkedMention]] = []
        for lm in mentions:
            place = lm.entity
            if place.type != "Place" or place.iri in taken or "Country" in place.classes:
                continue
            if self._rank(place) <= self._rank(ev.location) or self._rank(place) < PLACE_RANK["Settlement"]:
                continue
            if LAND_APPOSED.match(self._text, lm.mention.end, e):
                continue
            if any(
                o is not lm and o.entity.type == "Place"
                and (_LISTED_GAP.fullmatch(self._text, lm.mention.end, o.mention.start) or (lm.mention.end <= o.mention.start and joined(self._text, lm.mention.end, o.mention.start)) or (o.mention.end <= lm.mention.start and joined(self._text, o.mention.end, lm.mention.start, last=True)))
                for o in mentions
            ):
                # "The attack took place in Masalo, Torani and Kabora": the villages of one attack,
                # no one scene -- its last item too, and with names between that are no place mention.
                continue
            lo = max(b, lm.mention.start - _WINDOW)
            cue = SCENE_BEFORE.search(self._text[lo : lm.mention.start])
            if cue is not None:
                at = lo + cue.start()
            elif SITE_LIES.match(self._text, b, lm.mention.start):
                at = b
            else:
                continue
            # ("a shop in the city of Villaroja in Tamar state": the text says which holds which)
            said = any(o.entity.iri == ev.location.iri and self._inside(lm, o, self._text[b:e], b) for o in mentions if o is not lm)
            if said or self._within(place, ev.location) or self._related(place, ev.location):
                out = [(a, m) for a, m in out if not at <= m.mention.start]
                out.append((at, lm))
        return [m for _, m in out]
