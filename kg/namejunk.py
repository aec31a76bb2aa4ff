"""Spans that read as names and are none: rulers' titles, posts, peoples.

News from the Sahel, Nigeria, South Asia and the Horn names people by the seat they hold
and groups by the people they belong to; the guidelines annotate neither:

- a ruler's or a traditional title and its seat ("the Emir of Dorvani", "Sultan of
  Keffari", "Sarkin Yamma"): the title phrase is no person and no organisation; the
  place after "of" is a place (:func:`seat_cue`, :func:`title_seats`);
- a post, when it is not a body's name ("Chief of Army Staff", "Inspector General of
  Police", "Police Commissioner", "Deputy Governor"): no entity (:func:`post_name`);
- a people, clan or tribe before the noun for its members ("Tolbe herders", "the
  Karandi nomads"): no entity (:func:`people_before_members`).

Each is a witness of :func:`kg.nametype.junk_reason` or of the words around a name; a
rule-matched name the knowledge base knows ("Dan Na Ambassagou", a militia) is left alone.
"""

from __future__ import annotations

import re

from kg.mentions import ORG_HEADS
from kg.names import DEPARTMENT_FIELDS, GENERIC_WORDS, TITLES, written_in_lower_case
from kg.placecues import placed_community
from kg.typecues import _CLAUSE_AFTER as CLAUSE_AFTER
from kg.typecues import _INDEFINITE_BEFORE as INDEFINITE_BEFORE
from kg.types import Mention

# Rulers' and traditional titles that name a seat after "of" ("the Emir of X", "the Oba of
# X", "the Sultan of X") or after the title itself (Hausa "Sarkin X": the king of X).
RULER_TITLES = {
    "emir", "sultan", "king", "queen", "prince", "princess", "oba", "ooni", "obi", "etsu", "shehu", "lamido", "sarki",
    "sarkin", "alaafin", "igwe", "olu", "ovie", "attah", "emperor", "nawab", "maharaja", "raja", "wali",
    "mayor", "paramount", "traditional", "ruler", "monarch", "aku", "gbong", "gwom",
}
# Hausa "Sarkin"/"Sarki" and one word ("Sarkin Yamma", "Sarkin Fulani"): an office, whoever
# holds it. (Court offices' single words, "Waziri", "Madaki", are families' names as well.)
COURT_TITLES = {"sarkin", "sarki"}
# Words a ruler's title may take before "of" ("the Paramount Chief of X", "Traditional Ruler of X").
_SECOND_TITLE_WORDS = {"chief", "ruler", "general"}
# Posts whose holder is named by the area they run ("the Prefect of X", "Governor of X"): the
# words after "of" are the area, unless they are a field or a body ("Governor of the Central Bank").
SEAT_POSTS = {"prefect", "sub-prefect", "subprefect", "governor", "administrator", "mayor", "premier", "president"}
_SEAT_BEFORE = re.compile(
    r"(?<![\w'’-])(?:(?:" + "|".join(sorted(t.capitalize() for t in RULER_TITLES | SEAT_POSTS)) + r")(?:[ \t]+(?:Chief|Ruler|General))?"
    r"|Sarkin?[ \t]+[A-Z][a-z]+)[ \t]+of[ \t]+(?:the[ \t]+)?$"  # not "Dan Smith of" X: a given name before "of" is a person's
)


def seat_cue(text: str, start: int, end: int | None = None) -> bool:
    """Whether the name at ``start`` follows a ruler's title or an area's post and "of"
    ("the Emir of" X, "Sarkin Yamma of" X, "the Prefect of" X): the seat, a place --
    unless the name (to ``end``) is a field's or a body's ("Governor of the Central Bank")."""
    if end is not None and _field_or_body(text[start:end]):
        return False
    return _SEAT_BEFORE.search(text, max(0, start - 40), start) is not None


def _field_or_body(name: str) -> bool:
    words = name.split()
    return any(w in ORG_HEADS for w in words) or all(w.lower() in POST_BODY_WORDS | DEPARTMENT_FIELDS | GENERIC_WORDS for w in words)


_AREA_WORDS = {"State", "Province", "Region", "District", "County", "LGA", "Governorate", "Department", "Prefecture", "Territory", "Division"}
_RULER_OF = re.compile(r"^(?:The[ \t]+|the[ \t]+)?([A-Z][a-z]+)(?:[ \t]+([A-Z][a-z]+))?[ \t]+of[ \t]+(?:the[ \t]+)?(?=[A-Z])")


def title_seats(mentions: list[Mention], text: str) -> list[Mention]:
    """A model span that holds a ruler's title and its seat ("Emir of Dorvani", "Sarkin
    Yamma of Keffari") is the seat alone, a place: the title is nobody's name. A span
    that is a court title alone ("Sarkin Yamma") is dropped. Rule matches stay."""
    out = []
    for m in mentions:
        if m.source != "ner" or m.kb_id is not None:
            out.append(m)
            continue
        hit = _RULER_OF.match(m.text)
        first = hit.group(1).lower() if hit else ""
        seat = hit is not None and (
            first in COURT_TITLES or (first in RULER_TITLES | SEAT_POSTS and (hit.group(2) is None or hit.group(2).lower() in _SECOND_TITLE_WORDS))
        )
        rest = m.text[hit.end() :].split() if hit is not None else []
        # The seat is a place's name: one or two words, and after a post's title ("President of
        # X Y") one, or two that end in an area's word -- "President of Varania Ada Roe" is the
        # post's holder too (kg/posts.py reads it).
        short = len(rest) == 1 or (len(rest) == 2 and (first not in SEAT_POSTS or rest[-1] in _AREA_WORDS))
        if seat and short and not _field_or_body(m.text[hit.end() :]):
            start = m.start + hit.end()
            out.append(Mention(start, m.end, text[start : m.end], "GPE", "ner", None, m.sentence))
            continue
        if court_title(m.text):
            continue
        out.append(m)
    return out


def court_title(name: str) -> bool:
    """"Sarkin Yamma", "the Sarkin Fulani": "Sarkin" (the king of) and one word is a Hausa
    court office, no person's name. A court office's word alone ("Waziri", "Madaki") is also
    a family's name, and is left to the other evidence."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return len(words) == 2 and words[0].lower() in ("sarkin", "sarki")


# Words a post's name is made of beside the titles: the body or the field it serves.
POST_BODY_WORDS = {
    "army", "police", "naval", "navy", "air", "defence", "defense", "staff", "general", "state", "armed", "forces", "force",
    "security", "interior", "home", "foreign", "affairs", "finance", "justice", "information", "council", "national",
    "federal", "regional", "provincial", "district", "divisional", "zonal", "operations", "intelligence", "military",
    "public", "relations", "assistant", "additional", "senior", "joint", "principal", "special", "local", "government",
    "area", "sector", "theatre", "command", "inspector", "director", "attorney", "surgeon", "secretary", "deputy",
}
# The titles that head a post ("Chief" of "Chief of Army Staff", "Commissioner" of "Police Commissioner").
POST_HEADS = {
    "chief", "commissioner", "governor", "minister", "inspector", "director", "secretary", "commander", "superintendent",
    "deputy", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairperson", "administrator", "prefect", "mayor",
    "president", "premier", "coordinator", "adviser", "advisor", "officer", "general", "marshal", "head", "envoy",
}


def post_name(name: str) -> bool:
    """"Chief of Army Staff", "Inspector General of Police", "Police Commissioner", "Deputy
    Governor": the span is a post's name -- its head (the word before "of", else its last
    word) a singular title and every word a title, a word of the body it serves, or "of"
    and "the" -- not a body's ("Joint Chiefs of Staff" has a plural head; "General Staff"
    a body's noun; "Office of the Inspector General" an office's)."""
    words = name.split()
    if words and words[0] == "The":
        words = words[1:]
    if len(words) < 2 or not all(w[:1].isupper() or w in ("of", "the", "for") for w in words):
        return False
    low = [w.lower().rstrip(".") for w in words]
    head = low[low.index("of") - 1] if "of" in low[1:] else low[-1]
    if head not in POST_HEADS or (head == "general" and "of" not in low and len(low) < 2):
        return False
    if head == "general" and low[0] not in ("inspector", "director", "attorney", "surgeon", "secretary", "deputy", "adjutant", "solicitor", "auditor", "accountant", "registrar"):
        return False  # "Major General" is a rank before a name; "General Staff" no post
    return all(w in TITLES or w in POST_BODY_WORDS or w in POST_HEADS or w in ("of", "the", "for") for w in low)


# The nouns for a people's or a clan's members, after its name ("Tolbe herders", "Karandi
# nomads"): the name is the people's, an adjective. Not "villagers" or "residents", which
# follow a place's name ("Kerbalo villagers"), nor "fighters", which follow a group's.
MEMBER_NOUNS = {
    "herder", "herders", "herdsman", "herdsmen", "nomad", "nomads", "pastoralist", "pastoralists", "tribesman",
    "tribesmen", "clansman", "clansmen", "hunter", "hunters", "kinsmen", "tribe", "tribes",
    "clan", "clans", "sub-clan", "subclan", "ethnic",
}
_MEMBER_AFTER = re.compile(r"[ \t]+(and[ \t]+[A-Z][\w'’-]+[ \t]+)?([a-z][a-z-]+)\b")
# Nouns a pair of peoples goes before ("the Gujjar and Bakarwal families", "Tolbe and Karandi
# elders"), which after one name may be a place's or a family's ("Kerbalo elders", "the Kalli family").
PAIR_MEMBER_NOUNS = {"families", "communities", "youths", "elders", "people", "peoples", "groups", "leaders", "women", "men"}
# After "indigenous", "ethnic" or "nomadic" these are a people's members even after one name ("the Kovri indigenous people").
_AND_NAME = re.compile(r"[ \t]+and[ \t]+[A-Z][\w'’-]+")
_QUALIFIED_PEOPLE = re.compile(
    r"[ \t]+(?:indigenous|ethnic|nomadic|minority|tribal)[ \t]+(?:people|peoples|community|communities|group|groups|families|confederations?|federations?|clans?|tribes?)\b"
)
_PAIR_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]+[ \t]+and[ \t]+$")
_ETHNIC_BEFORE = re.compile(r"(?<![\w'’-])ethnic[ \t]+$")  # not "tribal": "the tribal X district" is an area


def people_before_members(m: Mention, text: str) -> bool:
    """Whether the unknown one- or two-word name is a people's, a clan's or a tribe's: the
    noun for its members follows ("Tolbe herders", "the Karandi and Tolbe nomads", "the
    Yusufle clan"; a pair of one-word names also before "families", "elders", "communities":
    "Tolbe and Karandi families"), or "ethnic" goes before it ("ethnic Tolbe")."""
    if m.kb_id is not None or m.label.startswith("KB") or len(m.text.split()) > 2 or not m.text.split()[-1][:1].isupper():
        return False
    if _ETHNIC_BEFORE.search(text, max(0, m.start - 10), m.start):
        return True
    pair = _AND_NAME.match(text, m.end)
    if _QUALIFIED_PEOPLE.match(text, m.end) or (pair is not None and _QUALIFIED_PEOPLE.match(text, pair.end())):
        return True  # "the Kovri indigenous people", "the Hashim and Valmi tribal confederations"
    hit = _MEMBER_AFTER.match(text, m.end)
    if hit is None or " " in m.text:
        return hit is not None and hit.group(2) in MEMBER_NOUNS
    paired = hit.group(1) is not None or _PAIR_BEFORE.search(text, max(0, m.start - 40), m.start) is not None
    return hit.group(2) in MEMBER_NOUNS or (paired and hit.group(2) in PAIR_MEMBER_NOUNS)


# Why a people's name is junk: one reason for every reading of it, so that kg/nametype.py
# spreads it to the name's other mentions (one sense per article).
PEOPLE_JUNK = "a people ('the X people')"


def model_label_person(m: Mention) -> bool:
    return m.label in ("PERSON", "PER")


# "600 Kovri Tolbe.", "3,000 Tolbe died": a count right before a name that no noun follows counts
# the people the name is the word for (a people, a clan), not one entity. Not a year ("in 2013 Kovri").
_COUNT_BEFORE = re.compile(r"(?<![\w.,:])(?:\d{1,3}(?:,\d{3})+|\d{1,3})[ \t]+$")
_COUNTED_AFTER = re.compile(r"(?:[ \t]*(?:[.,;:!?)]|$)|[ \t]+(?:were|was|are|died|had|have|and|or|in|who|fled|killed|live|lived|living|from|at|on|dead|remain|remained)\b)")


# Units of measure news writes in capitals after a figure ("30 KM south of", "20 KG of").
MEASURE_UNITS = {"km", "kms", "kg", "kgs", "mm", "cm", "ft", "hrs", "mph", "kph", "km/h", "sq"}


def counted_people(m: Mention, text: str) -> bool:
    """Whether a count goes right before the unknown name and no noun after it ("killed 600
    Kovri Tolbe.", "3,000 Tolbe died"): the name is a people's word."""
    if m.kb_id is not None or m.label.startswith("KB") or len(m.text.split()) > 2 or m.text.isupper():
        return False
    return _COUNT_BEFORE.search(text, max(0, m.start - 12), m.start) is not None and _COUNTED_AFTER.match(text, m.end) is not None


# "the Commissioner for Rural Security and Local Affairs": the fields a post serves, after the
# post's title and "for"/"of", which the model takes for bodies' names ("Internal Security").
_POST_FOR_BEFORE = re.compile(
    r"(?<![\w'’-])(?:" + "|".join(sorted(h.capitalize() for h in POST_HEADS)) + r")[ \t]+(?:for|of)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w'’-]*[ \t]+(?:and|&)?[ \t]*)*$"
)
_FIELD_WORDS = POST_BODY_WORDS | DEPARTMENT_FIELDS | {"internal", "external", "local", "chieftaincy", "religious", "women", "youth", "youths", "humanitarian", "cooperation", "integration"}


def post_field(m: Mention, text: str) -> bool:
    """Whether the span is a field of the post named before it ("Rural Security" and "Local
    Affairs" of "the Commissioner for Rural Security and Local Affairs"): every word a
    field's, after a post's title and "for" or "of" and other fields."""
    words = m.text.split()
    if not words or not all(w.lower() in _FIELD_WORDS or w in ("and", "&") for w in words):
        return False
    return _POST_FOR_BEFORE.search(text, max(0, m.start - 80), m.start) is not None


def namejunk_reason(m: Mention, text: str) -> str | None:
    """Why the span is no entity's name by this module's readings, if it is not."""
    if m.kb_id is not None or m.label.startswith("KB"):
        return None
    if court_title(m.text):
        return "a court title ('Sarkin Yamma')"
    if post_field(m, text):
        return "a post's field ('the Commissioner for Home Affairs')"
    if post_name(m.text) and m.text.lower() not in GENERIC_WORDS:
        return "a post's name ('Chief of Army Staff', 'Police Commissioner')"
    if (people_before_members(m, text) or counted_people(m, text)) and not placed_community(m.text, text, m.start, m.end):
        return PEOPLE_JUNK  # not "in the X and Y communities" (kg/placecues.py): places one is in
    if " " not in m.text and len(m.text) > 4 and m.text.endswith("ed") and m.text[1:].islower() and written_in_lower_case(m.text, text):
        return "a verb's participle capitalised ('Suspected raiders fled ...'), written in lower case elsewhere"
    if m.text.lower() in MEASURE_UNITS and _COUNT_BEFORE.search(text, max(0, m.start - 12), m.start):
        return "a unit of measure after a number ('30 KM')"
    if model_label_person(m) and " " in m.text and len(m.text.split()) <= 2 and INDEFINITE_BEFORE.search(text, max(0, m.start - 4), m.start) and CLAUSE_AFTER.match(text, m.end):
        return "a thing's capitalised name after 'a' ('burned a Kovri Hauler')"
    return None
