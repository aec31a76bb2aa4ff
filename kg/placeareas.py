"""Areas, admin units and places within places: small places typed and bounded by how
news names the ground around them, not by a list of places.

- "the Zanka corridor", "the Molu axis", "the Tessa belt", "the outskirts of Birao",
  "Birao's outskirts": the name an area or a road is named after is a place
  (:func:`area_phrase_cues`, weighed with the rest by kg/nametype.py);
- "the Kolda-Vemba axis", "along the Kolda-Vemba road": a line named by the two places it
  joins is those two places, whether the knowledge base knows them or not (:func:`linear_pairs`);
- "the Tanou Department", "the Wessa Circle": an administrative unit named after a place is
  a place of its own, whatever the model calls it (:func:`admin_unit_cues`), and "the
  Tanou Department of Niger" is that unit and the country (:func:`split_unit_of_country`);
- "Garo's Wuro Bali": an unknown name of two words right after a town and its "'s" is a
  place within the town (:func:`possessed_places`; one word: kg/placecues.py);
- a small place of a country the article does not name, found by its name alone, is no
  link (:func:`unbacked_small_place`): "Moka" in a story from Mali is no town of Kenya;
- a one-word "person" whose spelling is a transliteration of a known place of the
  article's country is that place (:func:`place_shaped_person`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from kg.addresses import address_chains
from kg.cueweights import CUE, HEAD_WORD, WEAK_CUE, Cue
from kg.kb.base import Candidate, fold
from kg.listgaps import list_runs
from kg.names import ACRONYM_RE, CALENDAR_WORDS, DEPARTMENT_FIELDS, GENERIC_WORDS, TITLES, is_group_word, written_in_lower_case
from kg.types import Mention

# Lower-case nouns after a name that make the name a place's: the ground around it, a road
# or a front through it ("area" and the admin nouns are kg/nametype.py's own).
AREA_NOUNS_AFTER = {
    "axis", "axes", "corridor", "corridors", "belt", "belts", "environs", "outskirts", "countryside", "hinterland",
    "vicinity", "periphery", "surroundings", "localities", "frontline", "front-line", "salient", "pocket", "bulge",
}
_NEXT_WORD = re.compile(r"[ \t]+([a-z][a-z-]*)\b")
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
_POSSESSION_AFTER = re.compile(r"['’]s[ \t]+([a-z]+)\b")
# "Garo's Wuro Bali district", "Kessa's Tanou area": a place's name and its noun after the "'s".
_OWNED_PLACE_AFTER = re.compile(
    r"['’]s[ \t]+(?:(?:al|el|ad|as|ash|ar|an|at|az)-)?(?:[A-ZÀ-Þ][\w'’-]+[ \t]+){1,3}(district|area|region|province|village|town|neighbou?rhood|quarter|ward|camp|market|suburb|state|county|municipality|commune|prefecture)s?\b"
)


# Verbs whose object is a place, not a person ("the strike hit Wuro Bali", "rebels stormed
# Tanou"): a person is attacked, killed or captured, not stormed or overrun.
PLACE_VERB_BEFORE = re.compile(
    r"\b(?:hit|struck|stormed|raided|overran|overrun|ransacked|torched|razed|pounded|retook|retaken|entered|reached|shelling|bombarded|bombarding"
    r"|invade|invaded|invading|besiege|sacked)[ \t]+$"
)
# "..., and Tanou, where they burned houses": what "where" takes up is a place.
WHERE_AFTER = re.compile(r",?[ \t]+where[ \t]+(?!(?:is|was|are|were)\b)")


# "checkpoints in Wuro, Tanou and Kessa": a list right after "in" is of places.
_IN_BEFORE = re.compile(r"(?<![\w'’-])(?:in|near|outside|around)[ \t]+$")
_LIST_AFTER = re.compile(r"(?:,[ \t]+|[ \t]+and[ \t]+)[A-ZÀ-Þ][\w'’-]+(?:[ \t]+[A-ZÀ-Þ][\w'’-]+)?(?:,|[ \t]+and\b|[ \t]+or\b|[.;:]|[ \t]+(?:[a-z]|\d))")


# "the head of the Tanou area": the "of the" a body's head would take is the area's.
_AREA_HEADS = {"area", "district", "region", "province", "territory", "county", "zone", "sector", "division", "department", "chiefdom", "commune", "municipality", "locality"}
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


def area_phrase_cues(m: Mention, text: str, label_type: str | None = None) -> list[Cue]:
    """The cues that a name is a place from the area phrase it stands in: "the Zanka
    corridor", "the outskirts of Birao", "Birao's outskirts"; and, for a name the model
    calls a person or a body, the verb it is the object of ("the strike hit Wuro Bali"),
    which governs a list ("hit Wuro Bali and Tanou")."""
    out: list[Cue] = []
    if label_type in ("Person", "Organization") and m.kb_id is None and not m.label.startswith("KB") and len(m.text.split()) <= 3:
        verb = PLACE_VERB_BEFORE.search(text, max(0, m.start - 20), m.start)
        if verb is not None and not ACRONYM_RE.fullmatch(m.text):
            out.append(("Place", CUE, "context", f"object of {verb.group(0).strip()!r} (what is stormed or hit is a place)", True))
    plural = _PLURAL_UNIT_AFTER.match(text, m.end)
    if plural is not None:
        out.append(("Place", CUE, "context", f"followed by {plural.group(1)!r} (a list of units)", True))
    nxt0 = _NEXT_WORD.match(text, m.end)
    if nxt0 is not None and nxt0.group(1) in _AREA_HEADS and _HEAD_OF_THE_BEFORE.search(text, max(0, m.start - 40), m.start):
        out.append(("Place", CUE, "context", f"'the head of the X {nxt0.group(1)}' (an area's head, not a body's)", True))
    if _CALLED_PLACE_BEFORE.search(text, max(0, m.start - 60), m.start):
        out.append(("Place", CUE, "context", "what a state or a region is called", False))
    if _PLACE_APPOSED_AFTER.match(text, m.end):
        out.append(("Place", CUE, "context", f"apposition ', a ... {_PLACE_APPOSED_AFTER.match(text, m.end).group(1)}'", False))
    if WHERE_AFTER.match(text, m.end) and not ACRONYM_RE.fullmatch(m.text):
        out.append(("Place", CUE, "context", "followed by ', where' (a place the clause takes up)", True))
    if m.kb_id is None and not m.label.startswith("KB") and _IN_BEFORE.search(text, max(0, m.start - 12), m.start) and _LIST_AFTER.match(text, m.end):
        out.append(("Place", CUE, "context", "opens a list after 'in' (a list of places)", True))
    nxt = _NEXT_WORD.match(text, m.end)
    if nxt is not None and nxt.group(1) in AREA_NOUNS_AFTER:
        out.append(("Place", CUE, "context", f"followed by {nxt.group(1)!r} (the ground named after a place)", True))
    if AREA_OF_BEFORE.search(text, max(0, m.start - 50), m.start):
        out.append(("Place", CUE, "context", "after 'the outskirts of' (the ground around a place)", True))
    owned = _POSSESSION_AFTER.match(text, m.end)
    if owned is not None and owned.group(1) in PLACE_POSSESSIONS and not ACRONYM_RE.fullmatch(m.text):
        out.append(("Place", CUE, "context", f"its {owned.group(1)!r} (what a place has)", False))
    elif (inner := _OWNED_PLACE_AFTER.match(text, m.end)) is not None and not ACRONYM_RE.fullmatch(m.text):
        out.append(("Place", CUE, "context", f"a {inner.group(1)!r} of its own (a place that holds a place)", False))
    return out


# -- lines named by two places ---------------------------------------------------------

_HALF = r"[A-ZÀ-Þ][\w'’]{2,}"
_LINE_PAIR = re.compile(rf"({_HALF})[-–]({_HALF})")
# The nouns of a line between two places ("the Kolda-Vemba road").
LINE_NOUNS = {"axis", "road", "roads", "highway", "route", "corridor", "railway", "pipeline", "front", "frontline", "line", "border", "boundary", "motorway", "track", "supply"}


def linear_pairs(mentions: list[Mention], text: str, is_place: Callable[[str], bool]) -> list[Mention]:
    """"the Kolda-Vemba axis", "along the Kolda-Vemba road": a name of two capitalised halves
    joined by a hyphen, before a line's noun, is two places -- unless the whole is a place
    the knowledge base or the gazetteer knows ("Garoua-Boulai road"), or a half is a
    people's word ("the Franco-Malian border" is no two places)."""
    out: list[Mention] = []
    for m in mentions:
        pair = _LINE_PAIR.fullmatch(m.text)
        nxt = _NEXT_WORD.match(text, m.end)
        if (
            pair is None or nxt is None or nxt.group(1) not in LINE_NOUNS or m.kb_id is not None or m.label.startswith("KB")
            or is_place(m.text) or is_group_word(pair.group(1)) or is_group_word(pair.group(2))
        ):
            out.append(m)
            continue
        for k in (1, 2):
            a, b = pair.span(k)
            out.append(Mention(m.start + a, m.start + b, pair.group(k), "GPE", m.source, None, m.sentence))
    return out


_LINE_IN_TEXT = re.compile(rf"(?<![\w'’-])({_HALF})[-–]({_HALF})(?=[ \t]+(?:{'|'.join(sorted(LINE_NOUNS))})\b)")


def unclaimed_line_halves(text: str, mentions: list[Mention]) -> list[Mention]:
    """Place mentions for the halves of "the Kolda-Vemba road" that no mention holds (the
    knowledge base's rule found "Kolda" alone; the model drew nothing around "Vemba")."""
    out = []
    for h in _LINE_IN_TEXT.finditer(text):
        if any(m.start <= h.start() and h.end() <= m.end for m in mentions) or is_group_word(h.group(1)) or is_group_word(h.group(2)):
            continue  # one mention holds the whole (linear_pairs' to split), or a people's word ("the Franco-Malian border")
        for k in (1, 2):
            start, end = h.span(k)
            if not any(m.start < end and start < m.end for m in mentions) and h.group(k).lower() not in GENERIC_WORDS:
                out.append(Mention(start, end, h.group(k), "GPE", "ner"))
    return out


# The plurals of the capitalised kinds of unit ("the Garo and Kessa Divisions").
PLURAL_UNIT_HEADS = {"Divisions", "Regions", "Provinces", "Districts", "Departments", "Prefectures", "Circles", "States", "Governorates", "Counties", "Oblasts", "Territories", "Municipalities", "Communes"}
_PLURAL_UNIT_AFTER = re.compile(r"[ \t]+(" + "|".join(sorted(PLURAL_UNIT_HEADS)) + r")\b")


def without_plural_unit(mentions: list[Mention]) -> list[Mention]:
    """"the Garo and Kessa Bali Divisions": the plural kind closes a list of units and is no
    word of its last item's name ("Kessa Bali")."""
    out = []
    for m in mentions:
        words = m.text.split()
        if len(words) > 1 and words[-1] in PLURAL_UNIT_HEADS and m.kb_id is None and not m.label.startswith("KB") and words[-2][:1].isupper():
            end = m.end - len(words[-1]) - 1
            m = Mention(m.start, end, m.text[: end - m.start].rstrip(), "GPE", m.source, None, m.sentence)
        out.append(m)
    return out


_UNIT_NOUNS = r"(?:division|department|district|province|region|prefecture|county|municipality|commune|territory|governorate)"
_SINGULAR_UNIT = re.compile(rf"[ \t]+{_UNIT_NOUNS}\b(?!s)")
_THE_BEFORE = re.compile(r"(?<![\w'’-])the[ \t]+$", re.I)


def one_unit_of_two_names(mentions: list[Mention], text: str, known: Callable[[str], bool]) -> list[Mention]:
    """"in the Garo and Tanou division": two names joined by "and" before a singular unit's
    noun are one unit's name (two units would be "divisions"), and so is "Garo and Tanou"
    wherever else the article writes it -- when the knowledge base knows neither name
    (``known``). ``mentions`` sorted."""

    def second(b: Mention) -> str:  # "Tanou" of "Tanou division"
        words = b.text.split()
        return " ".join(words[:-1]) if len(words) > 1 and re.fullmatch(_UNIT_NOUNS, words[-1]) else b.text

    pairs = set()
    for a, b in zip(mentions, mentions[1:]):
        if text[a.end : b.start] != " and " or a.kb_id is not None or b.kb_id is not None or " " in a.text or not _THE_BEFORE.search(text, max(0, a.start - 6), a.start):
            continue
        if (second(b) != b.text or _SINGULAR_UNIT.match(text, b.end)) and not known(a.text) and not known(second(b)):
            pairs.add((a.text, second(b)))
    if not pairs:
        return mentions
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        b = mentions[i + 1] if i + 1 < len(mentions) else None
        if b is not None and text[a.end : b.start] == " and " and (a.text, second(b)) in pairs:
            out.append(Mention(a.start, b.end, text[a.start : b.end], "GPE", "ner", None, a.sentence))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


# -- administrative units --------------------------------------------------------------

# Capitalised head words of an administrative unit beside kg/mentions.py's PLACE_HEADS
# (District, Region, Province...): a French or Lusophone unit's ("Circle" for a Malian
# cercle), or "Department" and "State", which also head a body's name ("Justice
# Department", "Islamic State").
UNIT_HEADS = {"State", "Circle", "Cercle", "Prefecture", "Sub-Prefecture", "Subprefecture", "Sub-prefecture", "Arrondissement", "Canton", "Commune", "Municipality", "Department", "Woreda", "Kebele", "Upazila", "Tehsil", "Taluka"}
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
    if head in ("State", "Department", "Commune", "Municipality", "Canton") and not is_place(base):
        return []
    return [("Place", HEAD_WORD, "name", f"an administrative unit named after {base!r} ({head})", True)]


_UNIT_RUN = re.compile(r"(?<![\w'’-])((?:[A-ZÀ-Þ][\w'’-]+[ \t]+){1,3}(?:Circle|Cercle|Arrondissement|Sub-[Pp]refecture|Subprefecture|Department|Commune))(?![\w'’-])")


def unclaimed_units(text: str, mentions: list[Mention], is_place: Callable[[str], bool]) -> list[Mention]:
    """Place mentions for the units of :func:`admin_unit_cues` that the recogniser left out
    ("the Koro Circle and the Wessa Circle were hit"), where no mention is."""
    out = []
    for h in _UNIT_RUN.finditer(text):
        start, end = h.span(1)
        name = h.group(1)
        if name.split()[0] in ("The", "A", "An", "In", "On", "At", "Of", "And"):
            start += len(name.split()[0]) + 1
            name = text[start:end]
        if admin_unit_cues(name, is_place) and not any(m.start < end and start < m.end for m in mentions):
            out.append(Mention(start, end, name, "GPE", "ner"))
    return out


_UNIT_OF = re.compile(r"^(?P<unit>.+?\s(?:Department|Region|Province|Prefecture|Circle|Cercle|District|Governorate|State|Oblast|County))\s+of\s+(?:the\s+)?(?P<country>[A-Z][\w'’ -]+)$")


def split_unit_of_country(mentions: list[Mention], is_country: Callable[[str], bool]) -> list[Mention]:
    """"the Tanou Department of Niger", "the Kessa Region of Mali": a unit's name that runs
    on over "of" and a country is the unit and the country -- a unit is named after a
    place, not after its country ("Department of State" opens with its head: no unit)."""
    out: list[Mention] = []
    for m in mentions:
        hit = _UNIT_OF.match(m.text) if m.source == "ner" and m.kb_id is None else None
        unit = hit.group("unit") if hit else ""
        words = unit.split()[:-1]
        if hit is None or not is_country(hit.group("country")) or not words or not all(w[:1].isupper() for w in words) or any(w.lower() in DEPARTMENT_FIELDS | {"the", "department"} for w in words):
            out.append(m)
            continue
        a, b = hit.span("unit")
        c, d = hit.span("country")
        out.append(Mention(m.start + a, m.start + b, unit, "GPE", m.source, None, m.sentence))
        out.append(Mention(m.start + c, m.start + d, hit.group("country"), "GPE", m.source, None, m.sentence))
    return out


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


_POSSESSED_RUN = re.compile(r"['’]s[ \t]+([A-ZÀ-Þ][\w'’-]+(?:[ \t]+[A-ZÀ-Þ][\w'’-]+)?)")


def unclaimed_possessed_names(text: str, mentions: list[Mention], is_town: Callable[[str], bool]) -> list[Mention]:
    """Place mentions for the capitalised name (one or two words) right after a town's or
    a region's "'s" that the recogniser left out ("Garo's Wuro Bali", "in Kessa's Tanou
    belt"): the town (``is_town``: a known place, no country) is the name's place; words
    that are titles, common words (the article writes them in lower case), peoples' words,
    days or acronyms are no place's name ("Garo's Governor", "Garo's MNJ")."""
    out = []
    for o in mentions:
        hit = _POSSESSED_RUN.match(text, o.end)
        if hit is None or not is_town(o.kb_id or o.text):
            continue
        if re.match(r"[ \t]+\d", text[hit.end(1) : hit.end(1) + 3]):
            continue  # "Garo's Sector 9": a numbered part of the town, no name of its own
        words = [(w.group(0), hit.start(1) + w.end()) for w in re.finditer(r"\S+", hit.group(1))]
        while words and not _place_word(words[-1][0], text):
            words.pop()  # "Garo's Wuro Governor": the title is no word of the place
        if not words or not all(_place_word(w, text) for w, _ in words):
            continue
        start, end = hit.start(1), words[-1][1]
        if not any(m.start < end and start < m.end for m in mentions):
            out.append(Mention(start, end, text[start:end], "GPE", "ner", None, o.sentence))
    return out


_POSSESSOR = re.compile(r"(?<![\w'’-])([A-ZÀ-Þ][\w'’-]*[a-zà-ÿ])['’]s(?=[ \t])")


def unclaimed_possessors(text: str, mentions: list[Mention]) -> list[Mention]:
    """Place mentions for a capitalised name the recogniser left out before an "'s" whose
    possession only a place has: "Tessa's outskirts", "Tessa's mayor", "Tessa's Wuro
    Bali district", "Tessa's al-Wadi area" -- where no mention is, and the name is no title,
    common word (the article writes it in lower case), people's word or day."""
    out = []
    for h in _POSSESSOR.finditer(text):
        start, end = h.span(1)
        owned = _POSSESSION_AFTER.match(text, end)
        if not ((owned is not None and owned.group(1) in PLACE_POSSESSIONS - _PERSON_TOO) or _OWNED_PLACE_AFTER.match(text, end)):
            continue
        if _place_word(h.group(1), text) and not any(m.start < end and start < m.end for m in mentions):
            out.append(Mention(start, end, h.group(1), "GPE", "ner"))
    return out


# A place's possessions that a person's or a body's name may also have ("Tessa's council").
_PERSON_TOO = {"council", "market", "old", "main", "central", "city", "town"}


def _place_word(word: str, text: str) -> bool:
    low = word.lower().strip("'’")
    return not (
        low in TITLES or low in GENERIC_WORDS or low in CALENDAR_WORDS or low in ("the", "a", "an") or ACRONYM_RE.fullmatch(word)
        or is_group_word(word) or written_in_lower_case(word, text)
    )


def town_test(candidates: Callable[[str], list[Candidate]]) -> Callable[[str], bool]:
    """Whether the knowledge base (``candidates``) knows a name as a place, and none of
    its senses (near spellings aside) as a country or anything but a place."""

    def is_town(name: str) -> bool:
        found = [c for c in candidates(name) if not c.via_skeleton]
        return bool(found) and all(c.entry.type == "Place" and "Country" not in c.entry.classes for c in found)

    return is_town


# Words of a military or a police division's name ("the 3rd Infantry Division", "the
# Narcotics Division"), beside the fields of kg.names.DEPARTMENT_FIELDS.
_UNIT_KIND_WORDS = {
    "infantry", "armoured", "armored", "airborne", "mountain", "motorized", "motorised", "mechanized", "mechanised",
    "rifle", "rifles", "guards", "guard", "marine", "marines", "cavalry", "panzer", "tank", "artillery", "air", "naval",
    "special", "assault", "commando", "light", "heavy", "armour", "armor", "narcotics", "crime", "criminal", "cyber",
    "investigation", "counter", "anti", "terrorism", "traffic", "patrol", "support", "logistics", "training", "reserve",
}
_ORDINAL = re.compile(r"^(?:\d+(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$", re.I)


def division_cues(mentions: list[Mention], text: str, is_place: Callable[[str], bool]) -> list[tuple[Mention, Cue]]:
    """"Ouro Tanou, Mayo Wessa Division", "the Garo and Mayo Bali Divisions": a division named
    after a place is an administrative one (Cameroon's, Bangladesh's, Myanmar's), not a
    military or a police unit's -- when the place is known, the division stands in an
    address, or the plural closes a list; an ordinal or a unit's word ("Infantry",
    "Narcotics") makes it a unit's."""
    chained = {id(o) for chain in address_chains(mentions, text) for o in chain}
    out = []
    for m in mentions:
        words = m.text.split()
        if m.kb_id is not None or m.label.startswith("KB") or len(words) < 2 or words[-1] not in ("Division", "Divisions"):
            continue
        base = [w for w in words[:-1] if w.lower() != "the"]
        low = [w.lower().strip("'’") for w in base]
        if not base or any(_ORDINAL.match(w) or w in _UNIT_KIND_WORDS or w in DEPARTMENT_FIELDS or w in TITLES or w in GENERIC_WORDS for w in low):
            continue
        if not all(w[:1].isupper() for w in base) or any(ACRONYM_RE.fullmatch(w) for w in base) or is_group_word(base[0]):
            continue
        if id(m) in chained or words[-1] == "Divisions" or is_place(" ".join(base)):
            out.append((m, ("Place", HEAD_WORD + WEAK_CUE, "name", f"an administrative division named after {' '.join(base)!r}", True)))
    return out


_BARE_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}


def bare_name_lists(mentions: list[Mention], text: str) -> list[tuple[Mention, Cue]]:
    """"attacks on Wuro, Tanou, Kessa and Bali": a list of three or more unknown one-word
    names the model labels now a person, now a body (or a place) is a list of villages --
    people in a list are named in full, and the model's labels of unknown villages scatter."""
    out: list[tuple[Mention, Cue]] = []
    for run in list_runs(mentions, text):
        if len(run) < 3 or any(" " in m.text or m.kb_id is not None or m.label not in _BARE_LABELS or ACRONYM_RE.fullmatch(m.text) for m in run):
            continue
        labels = {m.label for m in run}
        if len(labels) > 1 and labels & {"PERSON"} and not any(is_group_word(m.text) for m in run):
            cue = ("Place", CUE, "list", f"a list of bare names the model labels {', '.join(sorted(labels))} (villages)", False)
            out += [(m, cue) for m in run]
    return out


def knowledge_place_cues(mentions: list[Mention], text: str, typing: dict, known_place: Callable[[str], bool], is_town: Callable[[str], bool]) -> list[tuple[Mention, Cue]]:
    """The place cues that need the knowledge base, for kg/link.py to add to each
    mention's evidence (``typing``: kg.nametype's decisions by ``id``): a unit named after
    a known place ("the Tanou Department"), a two-word place after a town's "'s"."""
    out = [(m, c) for m in mentions if m.kb_id is None and not m.label.startswith("KB") for c in admin_unit_cues(m.text, known_place)]
    named = {id(m) for m in mentions if any(e.kind == "name" for e in typing[id(m)].evidence)} | {id(m) for m, _ in out}
    return out + possessed_places(mentions, text, is_town, named) + bare_name_lists(mentions, text) + division_cues(mentions, text, known_place)


_PLURAL_PLACE_NOUNS = r"(?:regions|provinces|districts|states|divisions|departments|prefectures|counties|governorates|oblasts|territories|municipalities|villages|towns|communities|localities|areas|camps)"
_LIST_TAIL = re.compile(rf"(?:,|[ \t]+and|[ \t]+or)[ \t]+([A-ZÀ-Þ][\w'’-]+(?:[ \t]+[A-ZÀ-Þ][\w'’-]+){{0,2}})[ \t]+{_PLURAL_PLACE_NOUNS}\b")


def list_tail_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """"the Garo and Tanou regions", "Wuro, Bali and Kessa villages": the last item of a
    list a plural place noun closes, when the recogniser drew a span around an earlier
    item only; a place mention, where no mention is."""
    out = []
    for m in mentions:
        hit = _LIST_TAIL.match(text, m.end)
        if hit is None:
            continue
        start, end = hit.span(1)
        if all(_place_word(w, text) for w in hit.group(1).split()) and not any(o.start < end and start < o.end for o in mentions):
            out.append(Mention(start, end, hit.group(1), "GPE", "ner", None, m.sentence))
    return out


def repeated_place_names(text: str, mentions: list[Mention], place_like: Callable[[Mention], bool]) -> list[Mention]:
    """"in Tanou Wessa district ... also in Tanou Wessa, ... from Tanou Wessa town": a place's
    name of two words or more (``place_like``: a mention the model or the words around
    call a place), or an area's name without its noun, written again where the recogniser
    drew nothing, is a mention there too (one sense per article); not where a capitalised
    word runs on from it ("Tanou Wessa Road" is another name)."""
    names: set[str] = set()
    for m in mentions:
        if m.kb_id is not None or m.label.startswith("KB") or not place_like(m):
            continue
        words = m.text.split()
        if len(words) > 1 and words[-1].lower() in _AREA_HEADS:
            words = words[:-1]
        if len(words) > 1 and words[0][:1].isupper():
            names.add(" ".join(words))
    out: list[Mention] = []
    for name in sorted(names):
        for h in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-]|[ \t]+[A-ZÀ-Þ])", text):
            start, end = h.span()
            if not any(o.start < end and start < o.end for o in mentions + out):
                out.append(Mention(start, end, name, "GPE", "ner"))
    return out


# -- linking -----------------------------------------------------------------------------

# A place smaller than this, of a country the article does not name, is not linked by its
# name alone: "Moka" in a Malian story is not the Kenyan town of that name.
SMALL_PLACE = 100_000
_SHORT_NAME = 5  # letters: a near spelling of a name this short is no evidence


def unbacked_small_place(c: Candidate, name: str, countries: Collection[str]) -> bool:
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
    return short and c.via_skeleton


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
