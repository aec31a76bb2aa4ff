"""Lists of one-word names the model cannot agree on are lists of places.

"... followed by Manguna, Hurti, and Tadai": news lists the villages an attack went
through by their bare names, and the model, which never saw them, calls one a person,
the next an organisation. People in a report are named in full (a surname alone is a
known person's, or one named in full before), so a list of three or more unknown
one-word names that the model labels with two or more types -- or that holds a name the
model or the rules call a place -- is a list of places: each item the model did not call
a place gets a list's weight for one (kg/nametype.py weighs it with its own cues, so an
item a title makes a person's stays one) -- when a preposition of place or a verb of attack
goes before the list: a list of people opens its clause ("Putin, Xi and Modi did not attend").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.cueweights import LIST_CUE, Cue
from kg.listgaps import list_runs
from kg.types import Mention

_TYPE_OF_LABEL = {"PERSON": "Person", "PER": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place"}
_PLACE_RULE_LABELS = {"KB|GPE", "KB|LOC", "KB|FAC"}
# What goes before a list of places: a preposition of place or of a route ("in", "to", "followed
# by"), or the nouns and verbs of places ("the villages of", "attacked", "including").
_PLACE_WORD_BEFORE = re.compile(
    r"(?<![\w'’-])(?:in|at|to|from|near|of|by|into|towards?|through|across|including|such[ \t]+as|attacked|raided|struck|hit|burned|burnt|torched|overran|stormed|reached)[ \t]+(?:the[ \t]+)?$",
    re.I,
)


def mixed_name_lists(mentions: list[Mention], text: str) -> Iterable[tuple[Mention, Cue]]:
    """(mention, cue) for each item of such a list that the model did not call a place."""
    for run in list_runs(mentions, text):
        if len(run) < 3 or any(" " in m.text for m in run):
            continue
        unknown = [m for m in run if m.source == "ner" and m.kb_id is None and m.label in _TYPE_OF_LABEL and not m.text.isupper()]
        if len(unknown) < 2 or len(unknown) + sum(m.label in _PLACE_RULE_LABELS for m in run) < len(run):
            continue  # a known person, body or acronym among them: a list of anything
        types = {_TYPE_OF_LABEL[m.label] for m in unknown}
        if len(types) < 2 and not (types != {"Place"} and any(m.label in _PLACE_RULE_LABELS for m in run)):
            continue
        if not _PLACE_WORD_BEFORE.search(text, max(0, run[0].start - 25), run[0].start):
            continue  # "Putin, Xi and Modi did not attend", "met Ruto, Abiy and Kiir": a list of people opens its clause or follows a verb
        names = ", ".join(m.text for m in run)
        for m in unknown:
            if _TYPE_OF_LABEL[m.label] != "Place":
                yield m, ("Place", LIST_CUE, "list", f"a list of one-word names the model types apart ({names})", False)
