"""Places named together: a list of sites an attack sentence reports hit ("bombs went
off at Hat Yai railway station, Sungai Kolok and Betong"), and two places named only to
say where the place hit lies ("between the villages of Ain Jouza and Tell Haroun in
the Qasr Nabi district").

A part of the event extractor's "where" (kg/eventplaces.py), kept apart because it
reads places against each other rather than one by one. Pure functions over the
sentence's place mentions (in text order): no knowledge-base look-ups, so they cost
what a few regular expressions over the sentence's gaps cost.
"""

from __future__ import annotations

import re

from kg.types import LinkedMention

# What joins two items of a list of places: "X, Y and Z", "X and Y", "at X, in Y and in Z".
# (a site's head may stand after its town's name: "Hat Yai railway station, Sungai Kolok and Betong")
_SITE_TAIL = r"(?:\s+(?:[a-z]+\s+)?(?:station|market|mosque|temple|church|school|camp|checkpoint|post|outpost|base|bridge|junction|crossing|airport|port|hospital))?"
_LIST_GAP = re.compile(_SITE_TAIL + r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*)(?:(?:in|at|on|near)\s+)?(?:the\s+)?", re.I)
# ... and the same with names between, that the recogniser took for no place ("Kivalu, Tembe
# Group and Batsirwa": a village's unknown name typed an organisation is still an item of the list).
_NAME_ITEM = r"(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,3}"
_ITEMS_GAP = re.compile(r"(?:" + _LIST_GAP.pattern + _NAME_ITEM + r")*" + _LIST_GAP.pattern, re.I)
_AND_GAP = re.compile(r".*\b(?:and|or)\b|.*&", re.I | re.S)
# "on the borders of Kanker, Kondagaon and Marpal districts": an area several lands
# share, told by their names, is no list of sites hit.
_AREA_BEFORE = re.compile(r"\b(?:borders?|border\s+areas?|junction|tri-?junction)\s+of\s+(?:the\s+)?$", re.I)
# "between the villages of Ain Jouza and ", "between Dakiri and ": the words before the first reference.
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?(?:(?:[a-z-]+\s+){1,2}of\s+|[a-z-]+\s+)?$", re.I)
_BETWEEN_AND = re.compile(r"\s+and\s+(?:the\s+)?(?:(?:village|town|city|camp|hamlet)\s+of\s+)?", re.I)
# "... in the Qasr Nabi district", "..., in Qasr Nabi": the place both references lie in.
_BETWEEN_IN = re.compile(r",?\s+(?:in|of|within)\s+(?:the\s+)?(?:(?:district|region|province|area|county|governorate|state)\s+of\s+(?:the\s+)?)?", re.I)


def between_references(places: list[LinkedMention], sentence: str, offset: int) -> set[int]:
    """The ids of the two places of "between A and B" when the sentence then names the
    place they lie in ("between the villages of A and B in the C district"): the attack
    was in C, and A and B only say where in it. (Without C, kg/eventplaces.py keeps A.)"""
    out: set[int] = set()
    for k in range(len(places) - 2):
        a, b, c = places[k : k + 3]
        sa, ea = a.mention.start - offset, a.mention.end - offset
        sb, eb = b.mention.start - offset, b.mention.end - offset
        sc = c.mention.start - offset
        if (
            _BETWEEN_BEFORE.search(sentence, max(0, sa - 40), sa)
            and _BETWEEN_AND.fullmatch(sentence, ea, sb)
            and _BETWEEN_IN.fullmatch(sentence, eb, sc)
            and c.entity.iri not in (a.entity.iri, b.entity.iri)
        ):
            out |= {id(a), id(b)}
    return out


def joined(text: str, end: int, start: int, last: bool = False) -> bool:
    """Whether text[end:start], between two place mentions, joins them as items of one list
    ("X, Y and Z", "X, Tembe Group and Z"); with ``last``, whether it ends in "and" or "or",
    so that the second place is the list's last item."""
    if not _ITEMS_GAP.fullmatch(text, end, start):
        return False
    return not last or _AND_GAP.match(text[end:start]) is not None


def one_list(places: list[LinkedMention], sentence: str, offset: int) -> bool:
    """Whether the places (in text order, two or more) are the items of one list ("the
    Kharkiv, Sumy and Odesa regions"), so that what the sentence says of one it says of all --
    items between them that are no place mention being names of the same list."""
    return len(places) > 1 and all(
        _ITEMS_GAP.fullmatch(sentence, a.mention.end - offset, b.mention.start - offset) for a, b in zip(places, places[1:])
    )


def listed_cues(found: list[tuple[LinkedMention, bool]], sentence: str, offset: int) -> list[tuple[LinkedMention, bool]]:
    """The places of the sentence (in text order, each with whether a word before it says
    it was hit), where each item of a list of places ("at X, Y and Z") takes the cue of
    the list's first: a list is a run of places joined by commas that ends in "and" or
    "or". (Without it, "Y" and "Z" would count as places merely named.) A list that
    names an area several lands share ("on the borders of X, Y and Z districts") is no
    place hit, and is left out."""
    out = list(found)
    drop: set[int] = set()
    k = 0
    while k < len(out):
        run = [k]
        while run[-1] + 1 < len(out):
            left, right = out[run[-1]][0], out[run[-1] + 1][0]
            if not _ITEMS_GAP.fullmatch(sentence, left.mention.end - offset, right.mention.start - offset):
                break
            run.append(run[-1] + 1)
        first = out[run[0]][0]
        area = _AREA_BEFORE.search(sentence, max(0, first.mention.start - offset - 40), first.mention.start - offset)
        if len(run) > 1 and area:
            drop.update(run)
        elif len(run) > 1 and out[run[0]][1]:
            last_gap = sentence[out[run[-2]][0].mention.end - offset : out[run[-1]][0].mention.start - offset]
            if _AND_GAP.match(last_gap):
                for j in run:
                    out[j] = (out[j][0], True)
        k = run[-1] + 1
    return [x for j, x in enumerate(out) if j not in drop]


def place_clauses(sentence: str, places: list[tuple[int, int]], breaks: re.Pattern) -> list[tuple[int, int]]:
    """The stretch of the sentence each of several places (their offsets, in text order) owns:
    from the last clause break (``breaks``) after the place before to the last one before the
    place after, or from and to the places themselves where no break lies between ("a bomb
    killed four in X on Monday, | and a second wounded nine in Y")."""
    def last_break(lo: int, hi: int) -> int:
        return max((m.end() for m in breaks.finditer(sentence, lo, hi)), default=-1)

    out = []
    for k, (start, end) in enumerate(places):
        lo = 0
        if k:
            cut = last_break(places[k - 1][1], start)
            lo = cut if cut >= 0 else places[k - 1][1]
        hi = len(sentence)
        if k + 1 < len(places):
            cut = last_break(end, places[k + 1][0])
            hi = cut if cut >= 0 else places[k + 1][0]
        out.append((lo, hi))
    return out


def clause_weapons(regions: list[tuple[int, int]], weapons: list[tuple[int, list]], allowed: list) -> list[list] | None:
    """Each place's weapons, when the clauses of two places or more name weapons of their own
    ("a drone struck X, a day after a missile hit Y": X the drone's, Y the missile's): the
    weapons (offset, entities) inside each place's stretch, those in ``allowed`` only. None when
    fewer than two stretches name one -- then every place has the sentence's weapons ("Drones
    hit X, Y and Z")."""
    keep = {ent.iri for ent in allowed}
    out = []
    for lo, hi in regions:
        own: list = []
        for off, ents in weapons:
            for ent in ents:
                if lo <= off < hi and ent.iri in keep and all(ent.iri != o.iri for o in own):
                    own.append(ent)
        out.append(own)
    return out if sum(1 for own in out if own) >= 2 else None
