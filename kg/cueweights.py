"""The weights name typing gives each kind of evidence, in one place.

kg/nametype.py weighs the evidence; kg/typecues.py and kg/placecues.py find some of it
and cannot import nametype (it imports them), so the weights they attach live here.
A name's head word settles it; a cue beside it outweighs the model's label; a list
neighbour's cue or a preposition outweighs a weak label.
"""

from __future__ import annotations

# (type, weight, kind, reason, spreads): built into kg.nametype.Evidence by the caller.
Cue = tuple[str, float, str, str, bool]

HEAD_WORD = 3.0
NAME_PREFIX = 2.0
NAME_SUFFIX = 1.2
CUE = 2.0
STRONG_CUE = 2.5
WEAK_CUE = 1.5
SAYS = 0.5
LIST_CUE = 1.5
LIST_KNOWN = 1.0
LIST_UNKNOWN = 0.6  # an unknown neighbour of a list, typed by its own evidence: weaker
PART_OF = 1.5
