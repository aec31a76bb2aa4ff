"""People named with a quoted nickname inside the name: 'Nemesio “Mencho” Oseguera',
'Joaquín "El Chapo" Guzmán'.

News about cartels, gangs and armed groups writes a leader's alias between the given
name and the surname. The recogniser, which never saw quotes inside a name, drops the
whole name (the quote marks split it into fragments it does not take for a person), so
the leader the article is about goes missing. The shape is specific enough to read by
rule: capitalised given names, a short quoted capitalised alias, capitalised surnames.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.mentions import unclaimed
from kg.types import Mention

_WORD = r"[A-ZÀ-Þ][a-zà-ÿ'’-]+"
# One or two given names, the alias in curly or straight double quotes (one to three
# capitalised words, "El Chapo"), then one or two surnames, and no further capitalised word.
NICKNAMED_NAME = re.compile(
    rf"(?<![\w'’-])({_WORD}(?:[ \t]+{_WORD})?[ \t]+(?:“|\")(?:[A-Z][\w'’.-]*)(?:[ \t]+[A-Z][\w'’.-]*){{0,2}}(?:”|\")[ \t]+{_WORD}(?:[ \t]+{_WORD})?)(?![ \t]+[A-Z]|[\w'’-])"
)


@lru_cache(maxsize=4)
def nicknamed_names(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, name) of each :data:`NICKNAMED_NAME` match's name in ``text``.
    Memoised for the article at hand: the linker asks twice per article (here, and for the
    wholes of kg/spanedges.py), and the scan is one of the dearer ones of the text."""
    if "“" not in text and '"' not in text:
        return ()
    return tuple((h.start(1), h.end(1), h.group(1)) for h in NICKNAMED_NAME.finditer(text))


# Words that open a sentence or a title, not a given name ("The “Butcher” Squad").
_NOT_GIVEN = {"The", "A", "An", "By", "In", "On", "At", "Of", "For", "From", "With", "And", "But", "This", "That", "Its", "Their", "His", "Her"}


def nicknamed_people(text: str, mentions: list[Mention]) -> list[Mention]:
    """Person mentions for names with a quoted alias inside, where no mention overlaps them."""
    out = []
    for start, end, name in nicknamed_names(text):
        if name.split()[0] in _NOT_GIVEN:
            continue
        if unclaimed(start, end, mentions):
            out.append(Mention(start, end, name, "PERSON", "ner"))
    return out
