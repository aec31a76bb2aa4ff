"""Place names bounded and found by how news writes them (kg/link.py calls
:func:`place_boundaries` on the cleaned mentions and :func:`found_place_names` once the
article's countries are known; kg/placeareas.py types them; kg/spancuts.py keeps the
road ends, "X Republic", plural area heads and "the A and B division"):

- bounds: "Garo South" (a town's quarter, an area of its own), "the Tanou Department of
  Niger" (a unit and its country), "the Kessa Division" (the known "Kessa Region"),
  "Debre" + "Wessa" (a place prefix), "Gida" + "Tanou woreda", "the Koro circle", "the
  Wessa river"; a list's item the model called a work of art in a list of places;
- names the recogniser left out: the half of "the Kolda-Vemba road" no mention holds, a
  unit ("the Koro Circle"), the place after a town's "'s" or before an "'s" only a place
  has, the items of "the A and B regions/communities", "the area of X", "the “X” camp",
  the rest of a list a place opens ("near X, Y and Z"), and a place's name written again.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.kb.base import fold
from kg.listgaps import list_runs
from kg.names import ACRONYM_RE, CALENDAR_WORDS, DEPARTMENT_FIELDS, GENERIC_WORDS, TITLES, is_group_word, written_in_lower_case
from kg.nametype import PLACE_PREFIXES
from kg.placeareas import AREA_HEADS, OWNED_PLACE_AFTER, PLACE_POSSESSIONS, PLACES_SUCH_AS_BEFORE, POSSESSION_AFTER, admin_unit_cues
from kg.types import Mention


def _start(m: Mention) -> int:
    return m.start


def place_boundaries(mentions: list[Mention], text: str, is_country: Callable[[str], bool], is_region: Callable[[str], bool] | None = None) -> list[Mention]:
    """The mentions with a town's quarter joined to it ("Garo South"), a bare "Republic"
    after a country dropped, units split from their country, a unit named with another
    kind's noun looked up as the known region (``is_region``), and a list's last item found."""
    out = split_unit_of_country(compass_areas(bare_republics(mentions, text, is_country), text, is_country), is_country)
    out = out if is_region is None else region_by_other_kind(out, is_region)
    out = nameless_list_items(river_names(joined_neighbours(prefixed_back(out, text), text), text), text)
    return sorted(out + list_tail_names(text, out), key=_start)


def found_place_names(text: str, mentions: list[Mention], is_town: Callable[[str], bool], known_place: Callable[[str], bool], place_like: Callable[[Mention], bool], as_area: Callable[[Mention], Mention]) -> list[Mention]:
    """New place mentions for the names the recogniser left out (``as_area`` runs a name on
    over its area noun: "Garo's Wuro district")."""
    found = [as_area(m) for m in unclaimed_possessed_names(text, mentions, is_town)]
    found += unclaimed_units(text, mentions + found, known_place)
    found += unclaimed_possessors(text, mentions + found) + unclaimed_line_halves(text, mentions + found)
    found += plural_noun_lists(text, mentions + found) + area_of_names(text, mentions + found) + quoted_place_names(text, mentions + found)
    found += and_tail_names(text, mentions + found)
    return found + repeated_place_names(text, mentions + found, place_like)


# -- lines named by two places ---------------------------------------------------------


_HALF = r"[A-ZÀ-Þ][\w'’]{2,}"
# The nouns of a line between two places ("the Kolda-Vemba road").
LINE_NOUNS = {"axis", "road", "roads", "highway", "route", "corridor", "railway", "pipeline", "front", "frontline", "line", "border", "boundary", "motorway", "track", "supply"}


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


_UNIT_RUN = re.compile(r"(?<![\w'’-])((?:[A-ZÀ-Þ][\w'’-]+[ \t]+){1,3}(?:Circle|Cercle|Arrondissement|Sub-[Pp]refecture|Subprefecture|Commune))(?![\w'’-])")


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
        owned = POSSESSION_AFTER.match(text, end)
        if not ((owned is not None and owned.group(1) in PLACE_POSSESSIONS - _PERSON_TOO) or OWNED_PLACE_AFTER.match(text, end)):
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
        if len(words) > 1 and words[-1].lower() in AREA_HEADS:
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








def bare_republics(mentions: list[Mention], text: str, is_country: Callable[[str], bool]) -> list[Mention]:
    """"from Ruritania Republic" split into the country and a bare "Republic" (kg/spancuts.py
    reads the whole as the country): the "Republic" right after a country's name is no place of
    its own (no town of that name elsewhere)."""
    out: list[Mention] = []
    for m in mentions:
        if m.text == "Republic" and out and text[out[-1].end : m.start] == " " and is_country(out[-1].text):
            continue
        out.append(m)
    return out


_COMPASS_AFTER = re.compile(r"[ \t]+(North|South|East|West|Central)(?![\w'’-]|[ \t]+[A-ZÀ-Þ])")


def compass_areas(mentions: list[Mention], text: str, is_country: Callable[[str], bool]) -> list[Mention]:
    """"in Tanou South", "Garo North": a town's name and a capitalised quarter after it name
    an area of its own (a Nigerian local government area), not the town -- one unknown
    mention, over the quarter's own span if the model drew one; a country's name is
    written with its quarter before it ("South Sudan"), so it is left alone."""
    out: list[Mention] = []
    skip_until = -1
    for m in mentions:
        if m.start < skip_until:
            continue
        hit = _COMPASS_AFTER.match(text, m.end)
        words = m.text.split()
        placed = m.label in ("GPE", "LOC", "FAC") or m.label.startswith("KB")  # "John North" is a person
        if hit is None or not placed or not (1 <= len(words) <= 2) or not all(w[:1].isupper() for w in words) or is_country(m.text) or is_group_word(m.text):
            out.append(m)
            continue
        end = hit.end(1)
        out.append(Mention(m.start, end, text[m.start : end], "GPE", "ner", None, m.sentence))
        skip_until = end
    return out


_NAME = r"[A-ZÀ-Þ][\w'’-]+(?:[ \t]+[A-ZÀ-Þ][\w'’-]+)?"
_PLURAL_NOUN_LIST = re.compile(rf"\bthe[ \t]+((?:{_NAME},[ \t]+)*{_NAME},?[ \t]+and[ \t]+{_NAME})[ \t]+{_PLURAL_PLACE_NOUNS}\b")


def plural_noun_lists(text: str, mentions: list[Mention]) -> list[Mention]:
    """"in the Tanou and Wessa communities", "the Garo, Bali and Kessa villages": each name
    of a list a plural place noun closes is a place, where the recogniser drew nothing."""
    out = []
    for h in _PLURAL_NOUN_LIST.finditer(text):
        for item in re.finditer(_NAME, h.group(1)):
            start, end = h.start(1) + item.start(), h.start(1) + item.end()
            if all(_place_word(w, text) for w in item.group(0).split()) and not any(o.start < end and start < o.end for o in mentions + out):
                out.append(Mention(start, end, item.group(0), "GPE", "ner"))
    return out


_AREA_OF_NAME = re.compile(rf"\b(?:area|areas|outskirts|vicinity|environs|suburbs|countryside|region|surroundings)[ \t]+of[ \t]+({_NAME})(?![\w'’-])")


def area_of_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """"in the area of Tanou", "on the outskirts of Wessa": the name after the ground's noun
    and "of" is a place, where the recogniser drew nothing (no title, common word or day)."""
    out = []
    for h in _AREA_OF_NAME.finditer(text):
        start, end = h.span(1)
        words = h.group(1).split()
        if all(_place_word(w, text) for w in words) and not any(o.start < end and start < o.end for o in mentions + out):
            out.append(Mention(start, end, h.group(1), "GPE", "ner"))
    return out


_NAMELESS = {"WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}
_PLACE_LABELS = {"GPE", "LOC", "FAC", "KB|GPE", "KB|LOC", "KB|FAC"}


def nameless_list_items(mentions: list[Mention], text: str) -> list[Mention]:
    """"districts such as Wuro, Tanou and Bali", with "Tanou and Bali" a work of art to the
    model: an item of a list that the model gave no name's label is a place where the list
    is of places -- a plural place noun opens it, or another item is the model's place."""
    relabel: set[int] = set()
    for run in list_runs(sorted(mentions, key=_start), text):
        if not any(m.label in _NAMELESS for m in run):
            continue
        placed = PLACES_SUCH_AS_BEFORE.search(text, max(0, run[0].start - 40), run[0].start) or any(m.label in _PLACE_LABELS for m in run)
        if placed:
            relabel |= {id(m) for m in run if m.label in _NAMELESS and m.kb_id is None and len(m.text.split()) <= 2 and not is_group_word(m.text)}
    return [Mention(m.start, m.end, m.text, "GPE", m.source, None, m.sentence) if id(m) in relabel else m for m in mentions]


_RIVER_AFTER = re.compile(r"[ \t]+(river|lake|mountains|hills|plateau|forest|valley|desert|swamp|marshes)\b")


def river_names(mentions: list[Mention], text: str) -> list[Mention]:
    """"along the Wessa river", "the Tanou hills": a name and a lower-case feature's noun are
    the feature's name, a place (the model stops before the noun)."""
    out = []
    for m in mentions:
        hit = _RIVER_AFTER.match(text, m.end)
        if hit is not None and m.source == "ner" and m.kb_id is None and m.text[:1].isupper() and not is_group_word(m.text):
            m = Mention(m.start, hit.end(1), text[m.start : hit.end(1)], "LOC", "ner", None, m.sentence)
        out.append(m)
    return out


_KIND_NOUNS = ("Division", "Province", "Region", "State", "District", "Governorate", "Department", "Oblast", "division", "province", "region", "state", "district", "governorate", "department", "oblast")


def region_by_other_kind(mentions: list[Mention], is_region: Callable[[str], bool]) -> list[Mention]:
    """"the Kessa Division" where the knowledge base knows "Kessa Region" (a unit renamed,
    or named by another kind's noun): the known region, looked up by that name (the
    mention's ``kb_id``), when the name as written is none the knowledge base knows.
    ``is_region("<X> region")``: whether that names a known region."""
    out = []
    for m in mentions:
        words = m.text.split()
        if m.kb_id is None and not m.label.startswith("KB") and len(words) >= 2 and words[-1] in _KIND_NOUNS and not is_region(m.text):
            base = " ".join(words[:-1])
            for kind in ("Region", "Province", "State", "Governorate", "Oblast"):
                if kind.lower() != words[-1].lower() and is_region(f"{base} {kind}"):
                    m = Mention(m.start, m.end, m.text, m.label, m.source, fold(f"{base} {kind}"), m.sentence)
                    break
        out.append(m)
    return out


_QUOTED_PLACE = re.compile(r"[“\"]([A-ZÀ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-Þ][\w'’-]*){0,2})[”\"][ \t]+(?:camp|village|town|district|neighbou?rhood|quarter|settlement|site|area)\b")


def quoted_place_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """"at the “WURO” camp": a name in quotation marks before a place's noun is the
    place's, where the recogniser drew nothing (it reads quoted capitals as no name)."""
    out = []
    for h in _QUOTED_PLACE.finditer(text):
        start, end = h.span(1)
        if h.group(1).lower() not in GENERIC_WORDS and not any(o.start < end and start < o.end for o in mentions + out):
            out.append(Mention(start, end, h.group(1), "GPE", "ner"))
    return out


_TAIL_NAME = r"[A-ZÀ-Þ][\w'’-]+(?:[ \t]+[A-ZÀ-Þ][\w'’-]+)?"
_CLAUSE_GOES_ON = r"(?=[ \t]+(?:in|near|on|at|of|for|to|from|into|towards?|after|before|over|during|until|since|while|when|where|last|this|were|was|have|had)\b|[,.;:)])"
_AND_TAIL = re.compile(rf"((?:,[ \t]+{_TAIL_NAME})*),?[ \t]+and[ \t]+({_TAIL_NAME}){_CLAUSE_GOES_ON}")


def and_tail_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """"attacked Wuro and Tanou in the X department", "near Wuro, Tanou and Bali, the army
    said": the names the recogniser left out of a list a place the model labelled one
    opens, up to the item after "and" before a preposition or the clause's end, are places
    too (not a title, a common word, a people's word or a day)."""
    out = []
    for m in mentions:
        if m.label not in _PLACE_LABELS:  # a rule's name alone may be a body's ("Hezbollah and X")
            continue
        hit = _AND_TAIL.match(text, m.end)
        if hit is None:
            continue
        # "near Wuro, Tanou and Bali,": every item after the place, to the one after "and".
        items = [(hit.start(1) + i.start(), hit.start(1) + i.end()) for i in re.finditer(_TAIL_NAME, hit.group(1))] + [hit.span(2)]
        for start, end in items:
            name = text[start:end]
            if all(_place_word(w, text) for w in name.split()) and not any(o.start < end and start < o.end for o in mentions + out):
                out.append(Mention(start, end, name, "GPE", "ner"))
    return out


def prefixed_back(mentions: list[Mention], text: str) -> list[Mention]:
    """"Debre Tanou" with the model's span on "Tanou": a word that opens places' names
    (kg/nametype.py's PLACE_PREFIXES: "Kfar", "Deir", "Debre"...) right before an unknown
    name is the name's first word."""
    out = []
    for m in mentions:
        hit = _WORD_BEFORE.search(text, max(0, m.start - 20), m.start)
        if hit is not None and hit.group(1) in PLACE_PREFIXES and m.kb_id is None and m.source == "ner" and not any(o.start < m.start and hit.start(1) < o.end for o in mentions):
            m = Mention(hit.start(1), m.end, text[hit.start(1) : m.end], "GPE", "ner", None, m.sentence)
        out.append(m)
    return out


_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-ZÀ-Þ][\w'’-]+)[ \t]$")
_UNIT_NOUN_END = re.compile(r"[ \t](?:district|woreda|zone|county|township|tehsil|division|department|prefecture|municipality|commune|sector|chiefdom|locality|kebele|upazila|circle|cercle)$")


def joined_neighbours(mentions: list[Mention], text: str) -> list[Mention]:
    """"Gida" + "Tanou woreda": an unknown one-word name right before (one space) an
    area's name with its lower-case noun is the area name's first word; and "the Koro
    circle" (a Malian cercle in English) is the unit's name. ``mentions`` in text order."""
    out: list[Mention] = []
    for m in sorted(mentions, key=_start):
        circle = re.match(r"[ \t]+circle\b", text[m.end : m.end + 8])
        if circle is not None and m.text[:1].isupper() and ((m.source == "ner" and m.kb_id is None) or (m.label.startswith("KB") and " " not in m.text)):
            m = Mention(m.start, m.end + circle.end(), text[m.start : m.end + circle.end()], "GPE", "ner", None, m.sentence)
        prev = out[-1] if out else None
        if (
            prev is not None and text[prev.end : m.start] == " " and _UNIT_NOUN_END.search(m.text) and " " not in prev.text
            and prev.kb_id is None and m.kb_id is None and prev.source == "ner" and prev.text[:1].isupper() and not is_group_word(prev.text)
        ):
            out[-1] = Mention(prev.start, m.end, text[prev.start : m.end], "GPE", "ner", None, prev.sentence)
            continue
        out.append(m)
    return out
