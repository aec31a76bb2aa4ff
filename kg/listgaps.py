"""Lists of names in running text: where they run (:func:`list_runs`, whose items say
something of each other's type) and the items the recogniser skipped.

Items of a list of names the recogniser skipped ("in Masalo, Torani, Kambelo, Kilomba
and Kabora" with no span on "Kambelo"): the list's own shape says the gap is a name of
the same kind as its neighbours, and a missing item also breaks the list, so its other
items lose what they say of each other's type (kg/nametype.py, kg/namepool.py). The two
ends of "between A and B" are such a pair too, when one is a place or the phrase follows
a place ("in X between A and B", "the road between A and B"): :func:`between_names`."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from kg.names import CALENDAR_WORDS, GENERIC_WORDS, TITLES, is_group_word, written_in_lower_case
from kg.types import Mention

LIST_SEPARATOR = re.compile(r",\s*|\s+and\s+|,\s+and\s+|\s+or\s+|,\s+or\s+")
# The gap between two items: ", X, " or ", X and " (X one to three capitalised words).
_GAP = re.compile(r",[ \t]+((?:[A-Z][a-zà-ÿ'’-]+)(?:[ \t]+[A-Z][a-zà-ÿ'’-]+){0,2})(?:,[ \t]+(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+)")
_SEPARATOR = re.compile(r",[ \t]*|[ \t]+(?:and|or)[ \t]+|,[ \t]+(?:and|or)[ \t]+")


def _name_word(word: str, text: str) -> bool:
    """A word that may be a list item's name: no common, calendar or people's word, and
    never written in lower case in the article ("Police, Army and Navy units")."""
    low = word.lower()
    return low not in GENERIC_WORDS and low not in CALENDAR_WORDS and not is_group_word(word) and not written_in_lower_case(word, text)


def list_gap_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """New mentions for the capitalised words standing as an item between two items of a
    list that holds three names or more, labelled as most of the list's items are."""
    ms = sorted(mentions, key=lambda m: (m.start, -m.end))
    out: list[Mention] = []
    for i, (a, b) in enumerate(zip(ms, ms[1:])):
        gap = _GAP.fullmatch(text, a.end, b.start)
        if gap is None or not all(_name_word(w, text) for w in gap.group(1).split()):
            continue
        run = [a, b]  # the list around the gap: on over the items the separators join
        for m in reversed(ms[:i]):
            if not _SEPARATOR.fullmatch(text, m.end, run[0].start):
                break
            run.insert(0, m)
        for m in ms[i + 2 :]:
            if not _SEPARATOR.fullmatch(text, run[-1].end, m.start):
                break
            run.append(m)
        tail = text[run[-2].end : run[-1].start] if len(run) > 1 else ""
        if len(run) < 2 or not (re.search(r"\b(?:and|or)\b", tail) or re.search(r"\b(?:and|or)\b", gap.group(0))):
            continue  # commas alone make no list
        labels = Counter(m.label.removeprefix("KB|") for m in run if m.label != "KB")
        label = labels.most_common(1)[0][0] if labels else a.label
        out.append(Mention(gap.start(1), gap.end(1), gap.group(1), label, "ner", None, a.sentence))
    return out


_AND_OR = re.compile(r"\b(?:and|or)\b")


def list_runs(mentions: list[Mention], text: str) -> Iterable[list[Mention]]:
    """Lists of mentions: runs joined by commas, "and" or "or" up to the item after the
    last "and"/"or" ("Al Faragil, Al Mandal and Salara"), over an item the recogniser missed
    between its commas. Commas alone make no list
    ("the Krasnoborsk depot, Ivan Sokolov, the governor, said")."""
    run: list[Mention] = []
    last_and = 0  # how many items the run has up to its last "and"/"or"

    def flush() -> Iterable[list[Mention]]:
        if last_and > 1:
            yield run[:last_and]

    for m in mentions:
        gap = text[run[-1].end : m.start] if run else ""
        if run and (LIST_SEPARATOR.fullmatch(gap) or _GAP.fullmatch(gap)):
            run.append(m)
            if _AND_OR.search(gap):
                last_and = len(run)
            continue
        yield from flush()
        run, last_and = ([] if _complement(m, text) else [m]), 0
    yield from flush()


# "King Abdullah of Jordan and Peter Obi": a place after a name's "of" is part of that name's
# phrase, not the first item of a list with what follows ("the Governor of X and Y" is a list).
_NAME_OF_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]+)[ \t]+of[ \t]+(?:the[ \t]+)?$")


def _complement(m: Mention, text: str) -> bool:
    hit = _NAME_OF_BEFORE.search(text, max(0, m.start - 40), m.start)
    return hit is not None and hit.group(1).lower().rstrip(".") not in TITLES


_NAME = r"[A-Z][a-zà-ÿ'’-]+(?:[ \t]+[A-Z][a-zà-ÿ'’-]+){0,2}"
_BETWEEN = re.compile(rf"\bbetween[ \t]+({_NAME})[ \t]+and[ \t]+({_NAME})\b")
_PLACE_LABELS = {"GPE", "LOC", "FAC", "KB|GPE", "KB|LOC", "KB|FAC"}
# What may stand before "between": a preposition of place and the name it governs, or a road's or an area's word.
_LEAD_PLACE = re.compile(rf"\b(?:in|at|near)[ \t]+({_NAME})[ \t]+$|\b(?:road|highway|stretch|area|border|route)[ \t]+()$")


def between_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """"between Kolmo Awe and Dimbir", "between Harvaro and X": the two ends of a stretch
    of road or of a front are places of one kind; where the recogniser found one end as a
    place and missed the other, or missed both after a place ("in Tarbaj Dera between
    ... and ..."), the missing ends are place mentions (words that may be names only)."""
    if "between" not in text:
        return []
    out: list[Mention] = []
    for hit in _BETWEEN.finditer(text):
        spans = [hit.span(1), hit.span(2)]
        found = [next((m for m in mentions if m.start < e and s < m.end), None) for s, e in spans]
        placed = any(m is not None and m.label in _PLACE_LABELS for m in found)
        lead = _LEAD_PLACE.search(text, max(0, hit.start() - 40), hit.start())
        if lead is not None and lead.group(1) and all(_name_word(w, text) for w in lead.group(1).split()):
            s, e = lead.span(1)
            if not any(m.start < e and s < m.end for m in mentions):
                spans.insert(0, (s, e))  # "in Tarbaj Dera between ...": the place the stretch is in
                found.insert(0, None)
        if not placed and not (all(f is None for f in found) and lead is not None):
            continue
        for (s, e), f in zip(spans, found):
            if f is None and all(_name_word(w, text) for w in text[s:e].split()):
                out.append(Mention(s, e, text[s:e], "GPE", "ner"))
    return out
