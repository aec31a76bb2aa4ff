"""Datelines: the place (and often the day and the wire) a report was filed from.

"KYIV, Ukraine (CNN) —", "KANO:", "Sidon (Lebanon):", "Karachi, Jan 9 (PTI)",
"Wau [South Sudan], April 9 (ANI/Xinhua):". One definition of their parts, used twice:

- :data:`DATELINE_RE` strips a dateline off the sentence it opens, so that the events
  stage does not take the filing place for the place hit, nor the filing day for a toll;
- :data:`DATELINE_PLACE` finds, at the start of a line, the place of a dateline the model
  drew no span over, so that the entity stage can add it (``spanedges.dateline_places``).

The second is narrower on purpose: it adds a name, so it wants the firmer forms only (a
bracketed country, or a month and a day after the comma).
"""

from __future__ import annotations

import re

from kg.names import MONTH_PATTERN

# A capitalised word of a place's name ("Juba", "Dera", "Ismail-Khan", "N'Djamena").
NAME_WORD = r"[A-Z][\w'’-]+"
# The same, as a wire writes it in capitals with its dots ("U.S.", "ST. LOUIS").
_DOTTED_WORD = r"[A-Z][\w.'’-]*"
_DOTTED_RUN = _DOTTED_WORD + r"(?:\s+" + _DOTTED_WORD + r")*"
_NAME_RUN = NAME_WORD + r"(?:\s+" + NAME_WORD + r")*"
# The country in square brackets after the town ("Juba [Sudan]").
BRACKETED_COUNTRY = r"\[[A-Z][^\]\n]{1,30}\]"
# The filing day after the comma ("July 22", "Jan. 9").
MONTH_DAY = MONTH_PATTERN + r"\.?\s+\d{1,2}"

DATELINE_RE = re.compile(
    r"^(?:"
    # "KYIV, Ukraine (CNN) —", "Gao/Mopti, March 3 —"
    + _DOTTED_RUN + r"(?:/" + _DOTTED_RUN + r")*(?:,\s+" + _DOTTED_RUN + r")?(?:,\s+" + MONTH_DAY + r")?"
    r"\s*(?:\([^)]{1,40}\))?\s*(?:[—–]|--?(?=\s))\s"
    # "KANO: "
    r"|[A-Z]{3,}(?:\s+[A-Z]{3,})*\s*:\s"
    # "Sidon (Lebanon): "
    r"|" + _NAME_RUN + r"\s*\([^)]{1,30}\)\s*:\s"
    # "Wau [South Sudan], April 9 (ANI/Xinhua):", "Karachi, Jan 9 (PTI)"
    r"|" + _NAME_RUN + r"(?:\s*" + BRACKETED_COUNTRY + r")?,\s+" + MONTH_DAY + r"\s*\([^)]{1,30}\)\s*(?:[.:—–-]+\s*)?"
    # "WASHINGTON/ SANA’A/ DUBAI: ": the bureaus that filed it
    r"|" + _DOTTED_RUN + r"(?:\s*/\s*" + _DOTTED_RUN + r")+\s*:\s"
    # "Lima : At least 19 ...": a name and its colon apart
    r"|" + _NAME_RUN + r"\s+:\s"
    r")"
)

DATELINE_PLACE = re.compile(
    r"(?:^|\n)(" + NAME_WORD + r"(?:[ \t]+" + NAME_WORD + r"){0,2})[ \t]*"
    r"(?:" + BRACKETED_COUNTRY + r"[ \t]*(?:,|[—–-][ \t])|,[ \t]+" + MONTH_PATTERN + r"\.?[ \t]+\d{1,2}\b)"
)

# "Kohima: Two soldiers were killed ...": the Indian and Pakistani papers' dateline, a place
# in title case and a colon opening a sentence of six words or more (spanedges.dateline_places
# takes the first only, and no credit's or note's label: "Photo:", "Note:").
COLON_DATELINE_PLACE = re.compile(r"(?:^|\n)([A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){0,2}):[ \t]+(?=(?:[A-Z][a-z]+|\d+|[A-Z]{2,})[ \t]+(?:[\w'’-]+[ \t]+){5})")
# "Bogota / EFE": the Spanish-language wires' sign-off line, a one-word city and the agency.
SIGN_OFF_PLACE = re.compile(r"(?:^|\n)([A-Z][a-zà-ÿ'’-]{2,})[ \t]+/[ \t]+[A-Z][A-Za-z.]+(?:[ \t]+[A-Z][A-Za-z.]+)?[ \t]*(?=\n|$)")
