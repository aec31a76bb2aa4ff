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

from kg.mentions import unclaimed
from kg.types import Mention

_WORD = r"[A-ZÀ-Þ][a-zà-ÿ'’-]+"
# One or two given names, the alias in curly or straight double quotes (one to three
# capitalised words, "El Chapo"), then one or two surnames, and no further capitalised word.
NICKNAMED_NAME = re.compile(
    rf"(?<![\w'’-])({_WORD}(?:[ \t]+{_WORD})?[ \t]+(?:“|\")(?:[A-Z][\w'’.-]*)(?:[ \t]+[A-Z][\w'’.-]*){{0,2}}(?:”|\")[ \t]+{_WORD}(?:[ \t]+{_WORD})?)(?![ \t]+[A-Z]|[\w'’-])"
)
# Words that open a sentence or a title, not a given name ("The “Butcher” Squad").
_NOT_GIVEN = {"The", "A", "An", "By", "In", "On", "At", "Of", "For", "From", "With", "And", "But", "This", "That", "Its", "Their", "His", "Her"}


def nicknamed_people(text: str, mentions: list[Mention]) -> list[Mention]:
    """Person mentions for names with a quoted alias inside, where no mention overlaps them."""
    out = []
    if "“" not in text and '"' not in text:
        return out
    for hit in NICKNAMED_NAME.finditer(text):
        if hit.group(1).split()[0] in _NOT_GIVEN:
            continue
        if unclaimed(hit.start(1), hit.end(1), mentions):
            out.append(Mention(hit.start(1), hit.end(1), hit.group(1), "PERSON", "ner"))
    return out
