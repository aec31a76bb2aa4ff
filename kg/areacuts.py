"""Where names of unknown areas start and end, and areas the model did not find.

- Capitalised words for administrative areas ("Dovani LGA", "Tessit Commune", "Koro Cercle",
  "Mabra Tehsil"; "X Division"/"X Department" unless a unit's or a field's) end a place's name
  (:data:`AREA_HEADS`, :func:`admin_division`), and an unlabelled one is found
  (:func:`area_headed_names`).
- "Dovani Local Government Area of Keffa State": an area and the state it lies in, two places
  (:func:`split_area_of`); "the Kovri-Tesso road": its two ends (:func:`split_road_ends`,
  :func:`road_end_pieces`, :func:`road_end_names`).
- A plural area noun after a list is the list's ("the A, B and C Divisions",
  :func:`cut_plural_area_head`, :func:`plural_area_items`); "the X and Y division" one area
  (:func:`area_pairs`).
- "the Varania Republic" is the country (:func:`country_republics`); a known town of several words
  after a preposition of place is found (:func:`known_place_runs`); "in Tank district" is a
  place, not the weapon (:func:`weapon_words_as_places`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.names import PERSON_DESCRIPTORS, TITLES
from kg.placecues import department_area
from kg.types import Mention

Candidates = Callable[[str], list]


# Capitalised words for administrative areas that end a place's name ("Tofa LGA").
AREA_HEADS = {
    "LGA", "LGAs", "Commune", "Cercle", "Tehsil", "Taluka", "Taluk", "Woreda", "Kebele", "Upazila", "Mandal", "Prefecture",
    "Sub-Prefecture", "Subprefecture", "Sub-prefecture", "Municipality", "Chiefdom", "Emirate", "Arrondissement", "Canton",
    "Subcounty", "Sub-County", "Sub-county", "Parish", "Subdivision", "Sub-Division", "Zone",
}


_AREA_OF = re.compile(r"^(.+?[ \t](?:Local[ \t]+Government[ \t]+Area|LGA|" + "|".join(sorted(AREA_HEADS - {"LGA", "LGAs"})) + r"|District|Province|County))[ \t]+of[ \t]+(?:the[ \t]+)?([A-Z].+)$")


def split_area_of(mentions: list[Mention]) -> list[Mention]:
    """"Dovani Local Government Area of Keffa State": an area's name, "of", and the larger
    area it lies in are two places."""
    out = []
    for m in mentions:
        hit = _AREA_OF.match(m.text) if m.source == "ner" and m.kb_id is None else None
        if hit is None:
            out.append(m)
            continue
        a, b = hit.span(1), hit.span(2)
        out.append(Mention(m.start + a[0], m.start + a[1], hit.group(1), "GPE", "ner", None, m.sentence))
        out.append(Mention(m.start + b[0], m.start + b[1], hit.group(2), "GPE", "ner", None, m.sentence))
    return out


# "in Tera Department", "Tessit Commune", "Koro Cercle": a capitalised name and the
# capitalised word for its kind of area (one kg/spans.py does not read), where the model drew no span.
_AREA_HEADED = re.compile(
    r"(?<![\w'’-])([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)[ \t]+(Commune|Cercle|Department|Chiefdom|Arrondissement|Sub-Prefecture|Subprefecture|Emirate|Canton|Mandal|Kebele)(?![\w'’-])"
)


_NOT_AREA_NAME = {"The", "A", "An", "In", "Of", "And", "For", "From", "By", "To", "This", "That", "Urban", "Rural", "Each", "Every", "Its", "Their"}


def area_headed_names(text: str, mentions: list[Mention], is_area_name: Callable[[str], bool]) -> list[Mention]:
    """Place mentions for :data:`_AREA_HEADED`'s areas where no mention overlaps them;
    ``is_area_name`` says whether the words before "Department" are an area's, not a field's."""
    out: list[Mention] = []
    if not any(k in text for k in ("Commune", "Cercle", "Department", "Chiefdom", "Arrondissement", "refecture", "Emirate", "Canton", "Mandal", "Kebele")):
        return out
    for h in _AREA_HEADED.finditer(text):
        words = h.group(1).split()
        if words[0] in _NOT_AREA_NAME or (h.group(2) == "Department" and not is_area_name(h.group(1))):
            continue
        if not any(o.start < h.end() and h.start() < o.end for o in mentions + out):
            out.append(Mention(h.start(), h.end(), h.group(0), "GPE", "ner"))
    return out


_HYPHEN_ROAD = re.compile(r"[ \t]+(?:road|highway|axis|route|corridor|stretch|track)\b")


_HYPHEN_PAIR = re.compile(r"^([A-Z][\w'’]+(?:[ \t]+[A-Z][\w'’]+)?)[ \t]*[-–][ \t]*([A-Z][\w'’]+(?:[ \t]+[A-Z][\w'’]+)?)$")


def split_road_ends(mentions: list[Mention], text: str, known: Callable[[str], bool]) -> list[Mention]:
    """"the Kovri-Tesso road", "on the Tessit–Gao axis": the two places a road joins, each
    a place, where the hyphenated name before the road's noun is no name known whole."""
    out = []
    for m in mentions:
        words = m.text.split()
        core = m.text
        if words and words[-1].lower() in ("road", "highway", "axis", "route", "corridor"):
            core = " ".join(words[:-1])
            tail_ok = True
        else:
            tail_ok = _HYPHEN_ROAD.match(text, m.end) is not None
        hit = _HYPHEN_PAIR.match(core) if tail_ok and m.source == "ner" else None
        if hit is None or known(core):
            out.append(m)
            continue
        for g in (1, 2):
            s = m.start + hit.start(g)
            out.append(Mention(s, s + len(hit.group(g)), hit.group(g), "GPE", "ner", None, m.sentence))
    return out


# Words of a force's or a service's unit: "Division" after one of them is the unit's ("the
# 3rd Infantry Division", "the Criminal Investigation Division"), not an area's.
_UNIT_WORDS = {
    "infantry", "armoured", "armored", "mechanised", "mechanized", "motorised", "motorized", "airborne", "marine", "marines",
    "rifle", "tank", "guards", "guard", "mountain", "cavalry", "artillery", "air", "assault", "special", "light", "commando",
    "army", "naval", "police", "security", "intelligence", "investigation", "investigations", "criminal", "crimes", "anti",
    "homicide", "narcotics", "drugs", "kidnapping", "robbery", "counter", "terrorism", "cyber", "fraud", "legal", "rapid",
    "response", "reserve", "training", "support", "logistics", "engineering", "medical", "signals", "parachute", "strike",
}


def admin_division(name: str) -> bool:
    """Whether ``name`` is an administrative area named "<X> Department" or "<X> Division" or "<X> Divisions"
    ("Tera Department", "Tolo Kani Division": Cameroon's, Pakistan's and Bangladesh's
    divisions): its words are no field a department serves, no unit's words, no title (a
    unit named for a person) and no number ("the 7th Division")."""
    words = name.split()
    if len(words) < 2 or words[-1] not in ("Department", "Departments", "Division", "Divisions") or words[0] in ("The", "the"):
        return False
    rest = words[:-1]
    if any(any(c.isdigit() for c in w) or w.lower().strip("-") in _UNIT_WORDS | ORDINALS | TITLES | PERSON_DESCRIPTORS for w in rest):
        return False  # a unit named for its arm, its number or a person ("the Imam Karim Division")
    return department_area(" ".join(rest)) and all(w[:1].isupper() for w in rest)


ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"}


_ROAD_ENDS = re.compile(r"(?<![\w'’-])([A-Z][a-z][\w'’]*)[ \t]*[-–][ \t]*([A-Z][a-z][\w'’]*)[ \t]+(?:road|highway|axis|route|corridor)\b")


def road_end_names(text: str, mentions: list[Mention], known: Callable[[str], bool]) -> list[Mention]:
    """The places of "the Kovri-Tesso road" that the model left out: place mentions for
    each end, where no mention overlaps the pair and the pair is no name known whole."""
    out = []
    for h in _ROAD_ENDS.finditer(text):
        if known(text[h.start(1) : h.end(2)]) or any(o.start < h.end(2) and h.start(1) < o.end for o in mentions):
            continue
        out += [Mention(h.start(g), h.end(g), h.group(g), "GPE", "ner") for g in (1, 2)]
    return out


_COUNTRY_REPUBLIC = re.compile(r"^(?:the[ \t]+)?([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)[ \t]+Republic$")


def country_republics(mentions: list[Mention], is_country: Callable[[str], bool], known: Callable[[str], bool]) -> list[Mention]:
    """"the Varania Republic", "Tarvia Republic": a country's name and "Republic", when no
    name is known whole, is the country (a mention of its name alone)."""
    out = []
    for m in mentions:
        hit = _COUNTRY_REPUBLIC.match(m.text) if m.kb_id is None else None
        if hit is not None and is_country(hit.group(1)) and not known(m.text):
            s = m.start + hit.start(1)
            m = Mention(s, s + len(hit.group(1)), hit.group(1), "GPE", "ner", None, m.sentence)
        out.append(m)
    return out


_PLURAL_AREA_HEADS = {"Divisions", "Districts", "Provinces", "Regions", "Departments", "LGAs", "States", "Counties", "Prefectures", "Governorates", "Communes", "Territories"}


def cut_plural_area_head(mentions: list[Mention], text: str) -> list[Mention]:
    """"... Tolo Kani and Tolo Rey Divisions": a plural area noun is the list's, not the
    last item's name: the item is the words before it, and the list's unknown items before
    it are areas too (the model's label for them becomes a place's). ``mentions`` sorted."""
    out: list[Mention] = []
    for m in mentions:
        words = m.text.split()
        if m.source == "ner" and m.kb_id is None and len(words) > 1 and words[-1] in _PLURAL_AREA_HEADS:
            name = " ".join(words[:-1])
            m = Mention(m.start, m.start + len(name), name, "GPE", "ner", None, m.sentence)
            k = len(out) - 1
            while k >= 0 and _LIST_GAP.fullmatch(text, out[k].end, (out[k + 1] if k + 1 < len(out) else m).start):
                if out[k].source == "ner" and out[k].kb_id is None:
                    o = out[k]
                    out[k] = Mention(o.start, o.end, o.text, "GPE", "ner", None, o.sentence)
                k -= 1
        out.append(m)
    return out


_LIST_GAP = re.compile(r",[ \t]*|,?[ \t]+and[ \t]+")


_AREA_PAIR = re.compile(
    r"(?<![\w'’-])((?:[A-Z][\w'’-]+[ \t]+){0,1}[A-Z][\w'’-]+[ \t]+and[ \t]+(?:[A-Z][\w'’-]+[ \t]+){0,1}[A-Z][\w'’-]+)[ \t]+"
    r"(?:division|department|district|province|region|county|prefecture|governorate|territory|Division|Department|District|Province|Region|County)(?![\w'’-])"
)


def area_pairs(mentions: list[Mention], text: str, known: Callable[[str], bool]) -> list[Mention]:
    """"the Tolbe and Kari division": two names joined by "and" before an area's noun in the
    singular are one area's name ("Kharkiv and Donetsk regions" are two); the name is one
    mention there and wherever else the article writes it, in place of the model's pieces.
    A pair the knowledge base knows as two names stays two."""
    names = []
    for h in _AREA_PAIR.finditer(text):
        left, right = (p.strip() for p in h.group(1).split(" and ", 1))
        if known(left) or known(right) or left.split()[0] in ("The", "In", "Of", "And", "From", "At", "On", "By"):
            continue
        # One area only after "the" ("the Tolbe and Kari division"); "between Kovra and Tarmi
        # West district" and "in Kovra and Tarmi district" are two, the noun's number a slip.
        before = text[max(0, h.start() - 12) : h.start()]
        if not re.search(r"(?<![\w'’-])the[ \t]+$", before, re.I) or re.search(r"\bbetween[ \t]+the[ \t]+$", before, re.I):
            continue
        names.append(h.group(1))
    if not names:
        return mentions
    out = list(mentions)
    for name in dict.fromkeys(names):
        for h in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])", text):
            over = [o for o in out if o.start < h.end() and h.start() < o.end]
            if any(o.source != "ner" or o.start < h.start() for o in over):
                continue
            out = [o for o in out if o not in over] + [Mention(h.start(), h.end(), name, "GPE", "ner")]
    return sorted(out, key=lambda o: (o.start, -o.end))


_PLACE_RUN_AFTER = re.compile(
    r"\b(?:[Ii]n|[Aa]t|[Nn]ear|[Oo]utside|[Ff]rom|[Oo]f|[Tt]o|[Tt]owards?)[ \t]+"
    r"([A-Z][\w'’-]+(?:[ \t]+(?:(?:da|de|do|dos|das|del|di|du|la|le|al|el|ad|as|ar|an|en|sur|sous|of)[ \t]+)?[A-Z][\w'’-]+){1,3})"
)


def known_place_runs(text: str, mentions: list[Mention], known_place: Callable[[str], bool]) -> list[Mention]:
    """"in Mocimba do Norte", "from Vila de Kovri town": a place name of two words or more
    the knowledge base knows (a town too small for the rules' matching, which the model
    missed) after a preposition of place: the longest such start of the capitalised run, a
    place mention, where no mention overlaps it."""
    out: list[Mention] = []
    for h in _PLACE_RUN_AFTER.finditer(text):
        words = h.group(1).split()
        for k in range(len(words), 1, -1):
            name = " ".join(words[:k])
            if name.split()[-1][:1].isupper() and known_place(name):
                s = h.start(1)
                e = text.index(words[k - 1], s + len(" ".join(words[: k - 1]))) + len(words[k - 1])
                if text[s:e] == " ".join(text[s:e].split()) and not any(o.start < e and s < o.end for o in mentions + out):
                    out.append(Mention(s, e, text[s:e], "GPE", "ner"))
                break
    return out


_PLURAL_AREA_NOUN = re.compile(r"(?<=[\w'’])[ \t]+(?:regions|provinces|districts|states|divisions|departments|governorates|oblasts|counties|communes|prefectures|territories|LGAs)\b")


_ITEM_BEFORE = re.compile(r"(?:^|(?<=[ \t(]))((?:[A-Z][\w'’-]*[ \t]+){0,2}[A-Z][\w'’-]*)$")


_ITEM_GAP = re.compile(r"(?:,[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+|[ \t]+or[ \t]+)$")


def plural_area_items(text: str, mentions: list[Mention]) -> list[Mention]:
    """"across the Upper-West and Lower-East regions", "Kovri, Tesso and Valmi districts": the
    names before a plural area noun, back over the list's commas and "and", are areas:
    place mentions for those no mention overlaps (the model often finds one of them)."""
    out: list[Mention] = []
    for h in _PLURAL_AREA_NOUN.finditer(text):
        end = h.start()
        items: list[tuple[int, int]] = []
        while len(items) < 6:
            hit = _ITEM_BEFORE.search(text, max(0, end - 60), end)
            if hit is None:
                break
            s, e = hit.span(1)
            words = text[s:e].split()
            while words and words[0] in ("The", "In", "And", "Of", "At", "From"):
                s = text.index(words[1], s) if len(words) > 1 else e
                words = words[1:]
            if not words:
                break
            items.append((s, e))
            gap = _ITEM_GAP.search(text, max(0, s - 8), s)
            if gap is None:
                break
            end = gap.start()
        if len(items) < 2:
            continue  # one name before the noun is the model's and kg/mentions.py's to read
        for s, e in items:
            if not any(o.start < e and s < o.end for o in mentions + out):
                out.append(Mention(s, e, text[s:e], "GPE", "ner"))
    return out


def road_end_pieces(mentions: list[Mention], text: str, known: Callable[[str], bool]) -> list[Mention]:
    """"along the Kovri-Tesso route" where the model took one end ("Kovri" as an
    organisation) and left the other: both ends, places, in place of its pieces."""
    if "-" not in text and "–" not in text:
        return mentions
    out = list(mentions)
    for h in _ROAD_ENDS.finditer(text):
        s, e = h.start(1), h.end(2)
        inside = [o for o in out if o.start < e and s < o.end]
        if not inside or known(text[s:e]) or any(o.source != "ner" or o.start < s or o.end > e for o in inside):
            continue
        out = [o for o in out if o not in inside] + [Mention(h.start(g), h.end(g), h.group(g), "GPE", "ner") for g in (1, 2)]
    return sorted(out, key=lambda o: (o.start, -o.end))


_AREA_NOUN_AFTER = re.compile(r"[ \t]+(?:district|province|region|county|town|city|village|tehsil|division|state|governorate)\b")


def weapon_words_as_places(mentions: list[Mention], text: str, candidates: Candidates) -> list[Mention]:
    """"in Tank district", "attacked Tank": a weapon type's word the rules match in any case,
    written with a capital inside a sentence, that is also a place the knowledge base knows, is
    the place when an area's lower-case noun follows or the model calls it one (a model's place
    span, for the linker to read as such, in place of the rules' weapon)."""
    out = []
    for m in mentions:
        if m.source == "kb" and m.text[:1].isupper() and m.text[1:].islower() and (_AREA_NOUN_AFTER.match(text, m.end) or m.label in ("KB|GPE", "KB|LOC")):
            before = text[max(0, m.start - 2) : m.start]
            types = {c.entry.type for c in candidates(m.kb_id or m.text)}
            if {"Weapon", "Place"} <= types and before not in (". ", "") and not before.endswith("\n"):
                m = Mention(m.start, m.end, m.text, "GPE", "ner", None, m.sentence)
        out.append(m)
    return out
