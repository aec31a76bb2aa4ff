"""Place evidence from the ground news names around a place (kg/nametype.py and
kg/link.py weigh it with the rest; kg/placespans.py bounds and finds the names):

- "the Zanka corridor", "the Molu axis", "the Tessa belt", "the outskirts of Birao",
  "Birao's outskirts", "Tanou, where ...", "the strike hit Wuro Bali": the name is a place
  (:func:`area_phrase_cues`);
- "the Wessa Circle", "Tanou State", "Ouham Prefecture": an administrative unit named
  after a place is a place of its own, whatever the model calls it (:func:`admin_unit_cues`;
  "X Department" and "X Division": kg/spancuts.py);
- "Garo's Wuro Bali": an unknown name of two words right after a town and its "'s" is a
  place within the town (:func:`possessed_places`; one word: kg/placecues.py);
- a small place of a country the article does not name, found by a short name alone, is
  no link (:func:`unbacked_small_place`): "Moka" in a story from Mali is no town of Kenya;
- a one-word "person" whose spelling is a transliteration of a known town of the
  article's country is that town (:func:`place_shaped_person`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from kg.cueweights import CUE, HEAD_WORD, Cue
from kg.kb.base import Candidate, fold
from kg.names import ACRONYM_RE, DEPARTMENT_FIELDS, GENERIC_WORDS, TITLES, is_group_word
from kg.types import Mention

# Lower-case nouns after a name that make the name a place's: the ground around it, a road
# or a front through it ("area" and the admin nouns are kg/nametype.py's own).
AREA_NOUNS_AFTER = {
    "axis", "axes", "corridor", "corridors", "belt", "belts", "environs", "outskirts", "countryside", "hinterland",
    "vicinity", "periphery", "surroundings", "localities", "frontline", "front-line", "salient", "pocket", "bulge",
}
NEXT_LOWER_WORD = re.compile(r"[ \t]+([a-z][a-z-]*)\b")
# "on the outskirts of Birao", "in the vicinity of Kessi", "the countryside around Garo".
AREA_OF_BEFORE = re.compile(
    r"\b(?:outskirts|environs|vicinity|periphery|surroundings|countryside|hinterland|suburbs|edge|edges|approaches|entrance)"
    r"\s+(?:of|around)\s+(?:the\s+)?(?:(?:town|village|city|settlement)\s+of\s+)?$",
    re.I,
)
# "Birao's outskirts", "Garo's mayor": what only a place has, after the name's "'s".
PLACE_POSSESSIONS = {
    "outskirts", "suburbs", "suburb", "environs", "countryside", "hinterland", "mayor", "residents", "inhabitants",
    "streets", "neighbourhoods", "neighborhoods", "neighbourhood", "neighborhood", "districts", "villages", "outlying",
    "townspeople", "market", "airport", "old", "city", "town", "main", "central", "downtown", "municipality", "council",
}
POSSESSION_AFTER = re.compile(r"['’]s[ \t]+([a-z]+)\b")
# "Garo's Wuro Bali district", "Kessa's Tanou area": a place's name and its noun after the "'s".
OWNED_PLACE_AFTER = re.compile(
    r"['’]s[ \t]+(?:(?:al|el|ad|as|ash|ar|an|at|az)-)?(?:[A-ZÀ-Þ][\w'’-]+[ \t]+){1,3}(district|area|region|province|village|town|neighbou?rhood|quarter|ward|camp|market|suburb|state|county|municipality|commune|prefecture)s?\b"
)


# Verbs whose object is a place, not a person ("the strike hit Wuro Bali", "rebels stormed
# Tanou"): a person is attacked, killed or captured, not stormed or overrun.
PLACE_VERB_BEFORE = re.compile(
    r"\b(?:hit|struck|stormed|raided|overran|overrun|ransacked|torched|razed|pounded|retook|retaken|entered|shelling|bombarded|bombarding"
    r"|invade|invaded|invading|besiege|sacked)[ \t]+$"
)
# "..., and Tanou, where they burned houses": what "where" takes up is a place.
WHERE_AFTER = re.compile(r",?[ \t]+where[ \t]+(?!(?:is|was|are|were)\b)")


# "checkpoints in Wuro, Tanou and Kessa": a list right after "in" is of places.
_IN_BEFORE = re.compile(r"(?<![\w'’-])(?:in|near|outside|around)[ \t]+$")
_LIST_AFTER = re.compile(r"(?:,[ \t]+|[ \t]+and[ \t]+)[A-ZÀ-Þ][\w'’-]+(?:[ \t]+[A-ZÀ-Þ][\w'’-]+)?(?:,|[ \t]+and\b|[ \t]+or\b|[.;:]|[ \t]+(?:[a-z]|\d))")


# "the head of the Tanou area": the "of the" a body's head would take is the area's.
AREA_HEADS = {"area", "district", "region", "province", "territory", "county", "zone", "sector", "division", "department", "chiefdom", "commune", "municipality", "locality"}
_HEAD_OF_THE_BEFORE = re.compile(r"\b(?:head|heads|chief|leader|leaders|administrator|officials?|authorities|residents?|people)\s+of\s+the\s+$", re.I)
# "a state they call Wessaland", "the region known as Tanou": a place's name.
_CALLED_PLACE_BEFORE = re.compile(
    r"\b(?:state|homeland|country|nation|republic|region|territory|enclave|province|area|town|village|city|emirate|caliphate)"
    r"(?:[ \t]+(?:they|it|he|she|we|locals|residents|rebels|militants)[ \t]+(?:call|calls|called|named|dubbed|proclaimed)|[ \t]+(?:called|named|known[ \t]+as|dubbed))[ \t]+$"
)


# ", a neighbouring town close to ...", ", the nearby village": a settlement's noun among the
# first words of an apposition (kg/nametype.py reads its last word before a preposition).
_PLACE_APPOSED_AFTER = re.compile(
    r",[ \t]+(?:a|an|the|its|another)[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}?(town|village|city|hamlet|locality|settlement|community|commune|district|suburb|neighbou?rhood)\b(?![ \t]+(?:of|council|chief|head|leader)\b)"
)


# "his visit last week to Tanou", "troops were redeployed to Wessa": where one goes.
_TRAVEL_TO_BEFORE = re.compile(
    r"\b(?:visit|visits|visited|trip|journey|travel(?:l?ed)?|flew|fled|returned|retreated|withdrew|redeployed|deployed|relocated|evacuated|headed|marched|advanced|drove)"
    r"(?:[ \t]+[a-z][\w'’-]*){0,4}?[ \t]+(?:to|into|towards?)[ \t]+$"
)


# "the Wuro-Tanou route": the two ends of a road or an axis are places.
_LINE_NOUN = r"(?:road|route|highway|axis|corridor|stretch|track|railway|border)"
_LINE_HALF_AFTER = re.compile(rf"[-–][A-ZÀ-Þ][\w'’]+[ \t]+{_LINE_NOUN}\b")
_LINE_HALF_BEFORE = re.compile(r"(?<![\w'’-])[A-ZÀ-Þ][\w'’]+[-–]$")
_LINE_NOUN_AFTER = re.compile(rf"[ \t]+{_LINE_NOUN}\b")
# "in districts such as Wuro, Tanou and Bali": a plural place noun opens the list.
PLACES_SUCH_AS_BEFORE = re.compile(
    r"\b(?:districts|villages|towns|cities|provinces|regions|areas|communities|localities|municipalities|counties|states|settlements|camps)"
    r"[ \t]+(?:such[ \t]+as|including|like|namely|of)[ \t]+$"
)


def area_phrase_cues(m: Mention, text: str, label_type: str | None = None) -> list[Cue]:
    """The cues that a name is a place from the area phrase it stands in: "the Zanka
    corridor", "the outskirts of Birao", "Birao's outskirts"; and, for a name the model
    calls a person or a body, the verb it is the object of ("the strike hit Wuro Bali"),
    which governs a list ("hit Wuro Bali and Tanou")."""
    out: list[Cue] = []
    if label_type in ("Person", "Organization") and m.kb_id is None and not m.label.startswith("KB") and len(m.text.split()) <= 3:
        verb = PLACE_VERB_BEFORE.search(text, max(0, m.start - 20), m.start)
        if verb is not None and not ACRONYM_RE.fullmatch(m.text) and text[m.end : m.end + 2] not in ("'s", "’s"):
            out.append(("Place", CUE, "context", f"object of {verb.group(0).strip()!r} (what is stormed or hit is a place)", True))
    nxt0 = NEXT_LOWER_WORD.match(text, m.end)
    if nxt0 is not None and nxt0.group(1) in AREA_HEADS and _HEAD_OF_THE_BEFORE.search(text, max(0, m.start - 40), m.start):
        out.append(("Place", CUE, "context", f"'the head of the X {nxt0.group(1)}' (an area's head, not a body's)", True))
    if _CALLED_PLACE_BEFORE.search(text, max(0, m.start - 60), m.start):
        out.append(("Place", CUE, "context", "what a state or a region is called", False))
    if _PLACE_APPOSED_AFTER.match(text, m.end):
        out.append(("Place", CUE, "context", f"apposition ', a ... {_PLACE_APPOSED_AFTER.match(text, m.end).group(1)}'", False))
    owner = text[m.end : m.end + 2] in ("'s", "’s")  # "fled to Musa's house": the owner, not the place
    if label_type in ("Person", "Organization") and m.kb_id is None and len(m.text.split()) <= 3 and not owner and _TRAVEL_TO_BEFORE.search(text, max(0, m.start - 50), m.start):
        out.append(("Place", CUE, "context", "where a visit or a journey goes ('a visit to X')", False))
    if _LINE_HALF_AFTER.match(text, m.end) or (_LINE_HALF_BEFORE.search(text, max(0, m.start - 30), m.start) and _LINE_NOUN_AFTER.match(text, m.end)):
        out.append(("Place", CUE, "context", "one end of 'the X-Y road' (a place it joins)", False))
    if PLACES_SUCH_AS_BEFORE.search(text, max(0, m.start - 40), m.start):
        out.append(("Place", CUE, "context", "after 'districts such as' (a list of places)", True))
    if WHERE_AFTER.match(text, m.end) and not ACRONYM_RE.fullmatch(m.text):
        out.append(("Place", CUE, "context", "followed by ', where' (a place the clause takes up)", True))
    if m.kb_id is None and not m.label.startswith("KB") and _IN_BEFORE.search(text, max(0, m.start - 12), m.start) and _LIST_AFTER.match(text, m.end):
        out.append(("Place", CUE, "context", "opens a list after 'in' (a list of places)", True))
    nxt = NEXT_LOWER_WORD.match(text, m.end)
    if nxt is not None and nxt.group(1) in AREA_NOUNS_AFTER:
        out.append(("Place", CUE, "context", f"followed by {nxt.group(1)!r} (the ground named after a place)", True))
    if AREA_OF_BEFORE.search(text, max(0, m.start - 50), m.start):
        out.append(("Place", CUE, "context", "after 'the outskirts of' (the ground around a place)", True))
    owned = POSSESSION_AFTER.match(text, m.end)
    if owned is not None and owned.group(1) in PLACE_POSSESSIONS and not ACRONYM_RE.fullmatch(m.text):
        out.append(("Place", CUE, "context", f"its {owned.group(1)!r} (what a place has)", False))
    elif (inner := OWNED_PLACE_AFTER.match(text, m.end)) is not None and not ACRONYM_RE.fullmatch(m.text):
        out.append(("Place", CUE, "context", f"a {inner.group(1)!r} of its own (a place that holds a place)", False))
    return out


# -- administrative units --------------------------------------------------------------


# Capitalised head words of an administrative unit beside kg/mentions.py's PLACE_HEADS
# (District, Region, Province...): a French or Lusophone unit's ("Circle" for a Malian
# cercle), or "Department" and "State", which also head a body's name ("Justice
# Department", "Islamic State").
UNIT_HEADS = {"State", "Circle", "Cercle", "Prefecture", "Sub-Prefecture", "Subprefecture", "Sub-prefecture", "Arrondissement", "Canton", "Commune", "Municipality", "Woreda", "Kebele", "Upazila", "Tehsil", "Taluka"}
# Words before "Circle" that make the whole no unit ("the Inner Circle", "the Arctic Circle").
_CIRCLE_WORDS = {"inner", "outer", "arctic", "antarctic", "polar", "magic", "family", "close", "vicious", "traffic", "military", "royal", "social", "golden", "great", "small", "big", "wide"}


def unit_name(name: str) -> str | None:
    """The place an administrative unit's name is named after ("Tanou" of "Tanou
    Department"), or None when ``name`` is no such unit's: its head is none of
    :data:`UNIT_HEADS`, or the words before it are a field a body serves ("Justice
    Department"), a circle's common words ("Inner Circle"), a title or generic words."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) < 2 or len(words) > 4 or words[-1] not in UNIT_HEADS:
        return None
    before = words[:-1]
    low = [w.lower().strip("'’") for w in before]
    if any(w in DEPARTMENT_FIELDS or w in GENERIC_WORDS or w in TITLES or w in _CIRCLE_WORDS for w in low):
        return None
    if not all(w[:1].isupper() for w in before) or any(ACRONYM_RE.fullmatch(w) for w in before) or is_group_word(before[0]):
        return None
    return " ".join(before)


def admin_unit_cues(name: str, is_place: Callable[[str], bool]) -> list[Cue]:
    """"the Tanou Department", "the Wessa Circle": a unit named after a place. A head that
    also heads bodies' names ("Department", "Commune", "Municipality") counts when the
    place it is named after is one the knowledge base or the gazetteer knows."""
    base = unit_name(name)
    if base is None:
        return []
    head = name.split()[-1]
    if head in ("State", "Commune", "Municipality", "Canton") and not is_place(base):
        return []
    return [("Place", HEAD_WORD, "name", f"an administrative unit named after {base!r} ({head})", True)]


# -- places within places ---------------------------------------------------------------


_SPEAKS_AFTER = re.compile(r"^,?[ \t]+(?:who|said|says|told|added|stated|wrote|\(?\d{1,3}\)?)\b")


def possessed_places(mentions: list[Mention], text: str, is_town: Callable[[str], bool], named: Collection[int]) -> list[tuple[Mention, Cue]]:
    """"Garo's Wuro Bali", "in Kessa's Tudun Sabo": an unknown name of two capitalised
    words right after a town's or a region's "'s" (``is_town``: a known place that is no
    country -- "Niger's Ali Sani" is a person as often as not) is a place within it; a
    name with evidence of its own words (``named``, by ``id``) or that speaks ("..., who
    said") is left alone."""
    ends = {o.end: o for o in mentions}
    out = []
    for m in mentions:
        words = m.text.split()
        if len(words) != 2 or m.kb_id is not None or m.label.startswith("KB") or id(m) in named or m.label == "OUTLET":
            continue
        if not all(w[:1].isupper() and not ACRONYM_RE.fullmatch(w) for w in words) or any(w.lower().rstrip(".") in TITLES for w in words):
            continue
        o = ends.get(m.start - 3) if m.start >= 3 and text[m.start - 3 : m.start] in ("'s ", "’s ") else None
        if o is None or _SPEAKS_AFTER.match(text[m.end : m.end + 20]) or not is_town(o.kb_id or o.text):
            continue
        out.append((m, ("Place", CUE, "context", f"after the town {o.text!r} and its 's (a place within it)", False)))
    return out


def town_test(candidates: Callable[[str], list[Candidate]]) -> Callable[[str], bool]:
    """Whether the knowledge base (``candidates``) knows a name as a place, and none of
    its senses (near spellings aside) as a country or anything but a place."""

    def is_town(name: str) -> bool:
        found = [c for c in candidates(name) if not c.via_skeleton]
        return bool(found) and all(c.entry.type == "Place" and "Country" not in c.entry.classes for c in found)

    return is_town


def knowledge_place_cues(mentions: list[Mention], text: str, typing: dict, known_place: Callable[[str], bool], is_town: Callable[[str], bool]) -> list[tuple[Mention, Cue]]:
    """The place cues that need the knowledge base, for kg/link.py to add to each
    mention's evidence (``typing``: kg.nametype's decisions by ``id``): a unit named after
    a known place ("the Tanou Department"), a two-word place after a town's "'s"."""
    out = [(m, c) for m in mentions if m.kb_id is None and not m.label.startswith("KB") for c in admin_unit_cues(m.text, known_place)]
    named = {id(m) for m in mentions if any(e.kind == "name" for e in typing[id(m)].evidence)} | {id(m) for m, _ in out}
    return out + possessed_places(mentions, text, is_town, named)


# -- linking -----------------------------------------------------------------------------


# A place smaller than this, of a country the article does not name, is not linked by its
# name alone: "Moka" in a Malian story is not the Kenyan town of that name.
SMALL_PLACE = 100_000
_SHORT_NAME = 5  # letters: a near spelling of a name this short is no evidence


def unbacked_small_place(c: Candidate, name: str, countries: Collection[str], any_country: bool = False) -> bool:
    """Whether candidate ``c`` for a short ``name`` (five letters or fewer: as often a
    word or a village's name elsewhere as the town's) is a small place the article does
    not back: a town (no country, no region) of under :data:`SMALL_PLACE` people of a
    country the article's context (``countries``) does not hold, while it holds some; or,
    with no country at all, a near spelling ("Kaia" for "Kaya"). A longer name is rarer:
    the article may leave its country unnamed ("al-Shabab" fighters in a Somali town)."""
    e = c.entry
    if e.type != "Place" or "Country" in e.classes or not e.country or e.origin not in ("geonames",):
        return False
    if not {"City", "Settlement"} >= set(e.classes):
        return False
    short = len(fold(name).replace(" ", "")) <= _SHORT_NAME
    if countries:
        return short and e.country not in countries and (e.population or 0) < SMALL_PLACE
    # With no country at all: a near spelling, or a name the town has in another language
    # ("Bassa", an Italian name of a German town, for a Nigerian district).
    # ``any_country``: the article names a country's people only ("a Ruritanian strike on X"),
    # which ranks that country's places first but drops no other's.
    return short and (c.via_skeleton or (not any_country and not c.exact_label and (e.population or 0) < SMALL_PLACE))


# A "person" becomes a place of the article's country by its spelling only when the place is
# a town of this size (or an area): a village may be named like anyone.
PERSON_PLACE_POPULATION = 10_000


def place_shaped_person(m: Mention, label: str | None, cue_type: str | None) -> bool:
    """Whether a mention the model calls a person is weak enough a person for a place's
    transliteration to win: one word (hyphens and an "al-" or "el-" included), the model's
    label alone (no cue of the words around it says a person), no title or honorific."""
    words = m.text.split()
    if label != "PERSON" or cue_type == "Person" or m.kb_id is not None:
        return False
    if len(words) == 2 and words[0].lower() in ("al", "el", "ad", "ar", "as", "ash", "an", "at", "az", "ed", "er", "es", "en"):
        words = words[1:]
    return len(words) == 1 and words[0][:1].isupper() and not ACRONYM_RE.fullmatch(words[0]) and words[0].lower() not in TITLES
