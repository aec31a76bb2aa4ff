"""Edges of names that the model draws one piece short or one phrase long, on names no
one curated (kg/spans.py applies them in :func:`kg.spans.fix_boundaries`).

- "along the Gulf of Guinea": the model (or the knowledge base's "Guinea") takes the
  country, and the water body, a different place, is lost: a place span right after a
  capitalised "Gulf of", "Bay of", "Sea of", "Strait of" is the water body's name, whole.
- "head of the Bakonde-Nord chiefdom", "Mitwaba-Sud", "Kasai-Central": a name with a
  hyphenated compass word (French or English) is one area's name; the model stops at the
  hyphen and types the stump a person or an organisation.
- "the Command of the Ninth Airborne Division of the Nigerian Army": a military
  unit's name opened by the word for its headquarters ("Command of the", "Headquarters of
  the") names the unit; the headquarters is no entity of its own.
- "Sierra Leone's National Guard Corps (SLNGC)": the acronym after a body's name spells
  capitalised words before the span too (a country's possessive the model took apart):
  the name runs back over them, as kg/spans.py's :func:`~kg.spans.extend_by_acronym` runs
  a name cut at "for" on to its acronym.
- "the Upper Nile People's Movement/Army", "Women's League": the "'s" of a collective
  noun ("People's", "Workers'") belongs to the name, which is not the collective's
  possession to split in two (:func:`collective_possessive`); and its "/Army" (a
  movement and its armed wing named as one) runs on with it.
- "They told Shafaq News Agency", "Kurdistan 24 TV": an outlet the article names as the
  knowledge base does ("By Shafaq News"), with a word for its kind after it, is that
  outlet (:func:`known_with_kind_word`), not a second organisation.
- 'commander Basir "Tigre" Amilhamja': the model takes the given name alone, and the
  quoted alias and the surname are lost; the name with its alias (kg/nicknames.py's
  shape) replaces the person's fragments inside it.
- "in Monte da Serra district": a place's name with a lower-case Portuguese, Spanish,
  French or Italian particle inside ("da", "de", "del") runs back over it to the
  capitalised word before.
- "Photo by Omar Sallam EPA-EFE": a person's span that ends in a photo agency's
  capitals joined by a hyphen (or capitals the knowledge base knows as an organisation)
  is the photographer and the agency, two names.
- "minister, Paul Christian Ouedraogo, was dismissed": a person's span the model
  stopped at a word it read as a religion or a people ("Christian") runs on over the
  capitalised words that end the name before a comma or a clause's verb.
- "Operation Desert Guard Spokesman Col. Mark Devlin": a body's span that ran on
  over the capitalised post and rank of the person named next ends before them.
- "all Kurdistanis", "Kashmiris", "Punjabis": a plural made of a known region's or
  country's name is its people, no entity's name (:func:`drop_place_plurals`).
- "Wau [South Sudan], April 9 (ANI/Xinhua):": the words that open a line of the article's
  first characters, before a bracketed country and a comma, or before ", <Month> <day>",
  are a wire dateline's place, which the model, thrown by the brackets, often leaves out.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.datelines import COLON_DATELINE_PLACE, DATELINE_PLACE, SIGN_OFF_PLACE
from kg.kb.base import Candidate, fold
from kg.mentions import model_label, unclaimed
from kg.names import CALENDAR_WORDS, CAPITALISED_FUNCTION_WORDS, CREDIT_WORDS, GENERIC_WORDS, TITLES, initials, is_group_word
from kg.nicknames import nicknamed_names
from kg.types import Mention

_WATER_BEFORE = re.compile(r"(?<![\w'’-])(?:Gulf|Bay|Sea|Strait|Straits|Bight)[ \t]+of[ \t]+(?:the[ \t]+)?$")
_COMPASS_SUFFIX = re.compile(r"-(?:Nord|Sud|Est|Ouest|Centre|Central|North|South|East|West|Nord-Est|Nord-Ouest|Sud-Est|Sud-Ouest)(?![\w'’-])")
_UNIT_HEADS = {"Division", "Brigade", "Battalion", "Regiment", "Corps", "Squadron", "Fleet", "Army", "Zone"}
_SEAT_OF = re.compile(r"^(?:the[ \t]+)?(?:Command|Headquarters|HQ|Leadership)[ \t]+of[ \t]+(?:the[ \t]+)?", re.I)


def extend_to_water_body(mentions: list[Mention], text: str) -> list[Mention]:
    """"Guinea" of "the Gulf of Guinea": the water body, an unknown place for the linker
    to look up whole, rather than the country its name ends with."""
    out: list[Mention] = []
    drop: set[int] = set()
    for m in mentions:
        hit = _WATER_BEFORE.search(text, max(0, m.start - 20), m.start)
        if hit is not None and m.text[:1].isupper():
            # The knowledge base's "Gulf" (the Persian Gulf's short name) may hold the first word.
            inside = [o for o in mentions if o is not m and o.start < m.start and hit.start() < o.end]
            if all(o.start >= hit.start() and o.end <= m.start and " " not in o.text for o in inside):
                drop.update(id(o) for o in inside)
                m = Mention(hit.start(), m.end, text[hit.start() : m.end], "LOC", "ner", None, m.sentence)
        out.append(m)
    return [m for m in out if id(m) not in drop]


def extend_by_compass_suffix(mentions: list[Mention], text: str) -> list[Mention]:
    """"Bahema" of "Bahema-Nord": the span runs on over a hyphenated compass word, and the
    whole is an area (label GPE), unless the knowledge base knew the stump as something."""
    out = []
    for m in mentions:
        hit = _COMPASS_SUFFIX.match(text, m.end)
        if hit is not None and unclaimed(m.end, hit.end(), [o for o in mentions if o is not m]):
            label = m.label if m.kb_id is not None and m.label in ("GPE", "LOC", "KB|GPE", "KB|LOC") else "GPE"
            m = Mention(m.start, hit.end(), text[m.start : hit.end()], label, "ner", None, m.sentence)
        out.append(m)
    return out


def cut_unit_seat(mentions: list[Mention], text: str) -> list[Mention]:
    """"Command of the Ninth Airborne Division" -> "Ninth Airborne Division": a unit's name
    (its last word a unit's noun) after the word for its seat of command."""
    out = []
    for m in mentions:
        hit = _SEAT_OF.match(m.text)
        rest = m.text[hit.end() :] if hit is not None else ""
        words = rest.split()
        if hit is not None and m.kb_id is None and len(words) >= 2 and words[-1] in _UNIT_HEADS and rest[:1].isupper():
            start = m.start + hit.end()
            m = Mention(start, m.end, text[start : m.end], m.label, m.source, None, m.sentence)
        out.append(m)
    return out


_DATELINE_WINDOW = 1500  # a dateline opens the article's body
_NOT_DATELINE = {"by", "the", "on", "in", "at", "published", "updated", "posted", "photo", "source", "from", "and", "last"}


def dateline_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """The place of a dateline the model left out (label GPE), where no mention is."""
    out = []
    for hit in DATELINE_PLACE.finditer(text[:_DATELINE_WINDOW]):
        first = hit.group(1).split()[0].lower()
        if first in _NOT_DATELINE or first in CALENDAR_WORDS or not unclaimed(hit.start(1), hit.end(1), mentions):
            continue
        out.append(Mention(hit.start(1), hit.end(1), hit.group(1), "GPE", "ner"))
    # "Imphal: Three Assam Rifles jawans were injured ...": the Indian and Pakistani papers'
    # dateline, a place and a colon opening the body; the first such line only.
    colon = COLON_DATELINE_PLACE.search(text[:_DATELINE_WINDOW])
    if colon is not None and not ({w.lower() for w in colon.group(1).split()} & (_NOT_DATELINE | _NOT_COLON_DATELINE | GENERIC_WORDS | CALENDAR_WORDS)):
        if unclaimed(colon.start(1), colon.end(1), mentions + out):
            out.append(Mention(colon.start(1), colon.end(1), colon.group(1), "GPE", "ner"))
    # "Bogota / EFE": the Spanish-language wires' sign-off line, a city and the agency (one
    # word: "Juan Pérez / AFP" is a photographer's credit).
    for hit in SIGN_OFF_PLACE.finditer(text):
        if hit.group(1).lower() not in _NOT_DATELINE | _NOT_COLON_DATELINE | GENERIC_WORDS | CALENDAR_WORDS and unclaimed(hit.start(1), hit.end(1), mentions + out):
            out.append(Mention(hit.start(1), hit.end(1), hit.group(1), "GPE", "ner"))
    return out


# Labels that open a line with a colon and are no place: credits, notes, links.
_NOT_COLON_DATELINE = CREDIT_WORDS | {"note", "update", "updated", "editor", "read", "watch", "also", "related", "warning", "file", "disclaimer", "summary", "highlights", "tags", "topics", "share", "listen", "advertisement", "comments", "correction", "reporting", "writing", "editing", "translation", "translated"}


_ACRONYM_AFTER = re.compile(r"[ \t]*\(([A-Z][A-Za-z]{2,9})\)")
_CAPITALISED_BEFORE = re.compile(r"(?:[A-Z][\w'’-]*[ \t]+){1,4}$")


def extend_back_by_acronym(mentions: list[Mention], text: str) -> list[Mention]:
    """An organisation's span whose bracketed acronym spells the capitalised words before
    it as well: the whole, with the mentions it now covers gone. A "person" so spelled
    ("Sadhin" + "Pahari Jana Mukti Samiti (SPJMS)") is an organisation's cut name:
    people are not given acronyms of four words."""
    out = list(mentions)
    for m in mentions:
        hit = _ACRONYM_AFTER.match(text, m.end) if "ORG" in m.label or (m.label == "PERSON" and len(m.text.split()) >= 2) else None
        if hit is None:
            continue
        acronym = "".join(c for c in hit.group(1) if c.isupper())
        if len(acronym) < 3 or initials(m.text.split()) == acronym:
            continue
        back = _CAPITALISED_BEFORE.search(text, max(0, m.start - 60), m.start)
        words = back.group(0).split() if back is not None else []
        k = next((k for k in range(1, len(words) + 1) if initials(words[-k:] + m.text.split()) == acronym), None)
        if k is None:
            continue
        start = m.start - len(back.group(0)) + back.group(0).index(words[-k]) if k == len(words) else m.start - len(" ".join(words[-k:])) - 1
        # The knowledge base's acronym names the whole too ("SSPDF"): looked up by it.
        known = next((o for o in mentions if o.start == m.end + hit.start(1) - hit.start() and o.kb_id is not None), None)
        whole = Mention(start, m.end, text[start : m.end], "KB|ORG" if known else "ORG", "kb" if known else "ner", known.kb_id if known else None, m.sentence)
        out = [o for o in out if not (start <= o.start and o.end <= m.end)] + [whole]
    return sorted(out, key=lambda o: (o.start, -o.end))


_COLLECTIVES = {"People", "Peoples", "Women", "Workers", "Children", "Men", "Youth", "Farmers", "Patriots", "Martyrs", "Mujahideen"}


def collective_possessive(head: str) -> bool:
    """Whether the words before an inner "'s" end in a collective noun ("South Sudan
    People"): then the "'s" is part of an organisation's name, not a possessor's."""
    words = head.split()
    return bool(words) and words[-1] in _COLLECTIVES


_SLASHED_HEAD = re.compile(r"/(?:Army|Front|Movement|Party|Forces|Force|Council|Alliance|Brigades|Militia)(?![\w'’-])")


def extend_over_slashed_head(mentions: list[Mention], text: str) -> list[Mention]:
    """"South Sudan People's Movement" of "... Movement/Army": the organisation's span
    runs on over a slash and a second organisation's head word."""
    out = []
    for m in mentions:
        hit = _SLASHED_HEAD.match(text, m.end) if "ORG" in m.label or m.label in ("LOC", "GPE", "NORP") else None
        if hit is not None and unclaimed(m.end, hit.end(), [o for o in mentions if o is not m]):
            m = Mention(m.start, hit.end(), text[m.start : hit.end()], "ORG", "ner", None, m.sentence)
        out.append(m)
    return out


_KIND_WORDS = {"Agency", "Network", "Channel", "TV", "Television", "Radio", "Newspaper", "Daily", "Online"}


def known_with_kind_word(mentions: list[Mention], lookup: Callable[[str], list[Candidate]]) -> list[Mention]:
    """An unknown name that is a known organisation's name the article also writes alone,
    then a word for the organisation's kind ("Shafaq News" + "Agency"): looked up by the
    known name (the knowledge base's entry), label KB|ORG."""
    alone = {o.text for o in mentions if o.kb_id is not None or o.label in ("OUTLET", "KB", "KB|ORG")}
    out = []
    for m in mentions:
        words = m.text.split()
        short = " ".join(words[:-1])
        if len(words) >= 3 and words[-1] in _KIND_WORDS and m.kb_id is None and short in alone and not lookup(m.text):
            if any(c.entry.type == "Organization" for c in lookup(short)):
                m = Mention(m.start, m.end, m.text, "KB|ORG", "kb", fold(short), m.sentence)
        out.append(m)
    return out


_PERSONISH = {"PERSON", "PER", "NORP", "ORG", "GPE"}


def nicknamed_wholes(mentions: list[Mention], text: str) -> list[Mention]:
    """A name with a quoted alias inside, where the mentions it overlaps are model
    fragments inside it (no knowledge-base name): the whole, as a person."""
    if "“" not in text and '"' not in text:
        return mentions
    out = list(mentions)
    for a, b, name in nicknamed_names(text):
        inside = [o for o in out if o.start < b and a < o.end]
        if not inside or any(o.start < a or o.end > b or o.kb_id is not None or o.label not in _PERSONISH for o in inside):
            continue
        if not any(o.label in ("PERSON", "PER") for o in inside):
            continue
        out = [o for o in out if o not in inside] + [Mention(a, b, name, "PERSON", "ner", None, inside[0].sentence)]
    return sorted(out, key=lambda o: (o.start, -o.end))


_PARTICLE_BEFORE = re.compile(r"(?<![\w'’-])([A-ZÀ-Þ][\w'’-]+)[ \t]+(?:da|de|do|dos|das|del|di|du)[ \t]+$")


def extend_over_particle(mentions: list[Mention], text: str) -> list[Mention]:
    """"Serra district" of "Monte da Serra district": an unknown place's span runs
    back over a particle and the capitalised word before it."""
    out = []
    for m in mentions:
        hit = _PARTICLE_BEFORE.search(text, max(0, m.start - 40), m.start) if model_label(m) in ("GPE", "LOC", "FAC") else None
        if hit is not None and unclaimed(hit.start(1), m.start, [o for o in mentions if o is not m]) and hit.group(1) not in CAPITALISED_FUNCTION_WORDS:
            m = Mention(hit.start(1), m.end, text[hit.start(1) : m.end], m.label, "ner", None, m.sentence)
        out.append(m)
    return out


_AGENCY_TAIL = re.compile(r"[ \t]+([A-Z]{2,}(?:-[A-Z]{2,})+|[A-Z]{2,})$")


def split_agency_tail(mentions: list[Mention], lookup: Callable[[str], list[Candidate]]) -> list[Mention]:
    """"Omar Sallam EPA-EFE" -> "Omar Sallam" (Person) and "EPA-EFE" (Organization)."""
    out = []
    for m in mentions:
        hit = _AGENCY_TAIL.search(m.text) if m.label in ("PERSON", "PER") and m.kb_id is None else None
        if hit is not None and len(m.text[: hit.start()].split()) >= 2:
            caps = hit.group(1)
            if "-" in caps or any(c.entry.type == "Organization" for c in lookup(caps)):
                cut = m.start + hit.start()
                out.append(Mention(m.start, cut, m.text[: hit.start()], m.label, "ner", None, m.sentence))
                out.append(Mention(m.start + hit.start(1), m.end, caps, "ORG", "ner", None, m.sentence))
                continue
        out.append(m)
    return out


_NAME_TAIL = re.compile(r"[ \t]+([A-ZÀ-Þ][a-zà-ÿ'’-]+(?:[ \t]+[A-ZÀ-Þ][a-zà-ÿ'’-]+)?)(?=[ \t]*[,;)]|[ \t]+(?:was|is|has|had|said|says|who|told)\b)")


def extend_person_tail(mentions: list[Mention], text: str, lookup: Callable[[str], list[Candidate]]) -> list[Mention]:
    """A person's span of two or more words that the name's last capitalised words,
    unknown to the knowledge base and no mention but a people's word, continue."""
    out = []
    for m in mentions:
        hit = _NAME_TAIL.match(text, m.end) if m.label in ("PERSON", "PER") and m.kb_id is None and " " in m.text else None
        if hit is not None:
            words = hit.group(1).split()
            inside = [o for o in mentions if o is not m and o.start < hit.end() and m.end < o.end]
            fine = all(o.label == "NORP" and o.start >= hit.start(1) and o.end <= hit.end() for o in inside)
            if fine and not is_group_word(words[-1]) and not any(w.lower() in CALENDAR_WORDS for w in words) and not lookup(words[-1]):
                m = Mention(m.start, hit.end(), text[m.start : hit.end()], m.label, "ner", None, m.sentence)
        out.append(m)
    # (a people's word inside a person's name is dropped: only NORP spans need the look)
    return [o for o in out if o.label != "NORP" or not any(p is not o and p.start <= o.start and o.end <= p.end and p.label in ("PERSON", "PER") for p in out)]


def _is_title(w: str) -> bool:
    return w[:1].isupper() and w.lower().rstrip(".") in TITLES


def cut_title_tail(mentions: list[Mention], text: str) -> list[Mention]:
    """A span of two or more name words and then only capitalised titles ("Spokesman
    Col"): the name words (the titles belong to the person after them)."""
    out = []
    for m in mentions:
        words = m.text.split()
        # (the cheap tests first: every tail tried ends in the last word, which must be a title)
        if len(words) < 3 or m.kb_id is not None or model_label(m) in ("PERSON", "PER") or not _is_title(words[-1]):
            out.append(m)
            continue
        at = next((i for i in range(2, len(words)) if all(_is_title(w) for w in words[i:])), None)
        # "Department of Defence", "Ministry of Interior": a title word after "of" is the body's field.
        if at is not None and words[at - 1] not in ("of", "for", "and"):
            head = " ".join(words[:at])
            m = Mention(m.start, m.start + len(head), head, m.label, m.source, None, m.sentence)
        out.append(m)
    return out


_PEOPLE_PLURAL = re.compile(r"^([A-Z][a-z]{3,}?)(?:is|ans|ians|ites)$")


def drop_place_plurals(mentions: list[Mention], lookup: Callable[[str], list[Candidate]]) -> list[Mention]:
    """One-word unknown names that are a known country's or area's name with a plural
    people's ending ("Kurdistan" + "is"): dropped."""
    out = []
    for m in mentions:
        hit = _PEOPLE_PLURAL.match(m.text) if m.kb_id is None and not m.label.startswith("KB") else None
        if hit is not None and not lookup(m.text):
            if any(c.entry.type == "Place" and {"Country", "AdministrativeArea", "GeographicArea", "Region", "District"} & set(c.entry.classes) for c in lookup(hit.group(1))):
                continue
        out.append(m)
    return out


_COMPASS_ADJECTIVE = re.compile(r"^(?:Northern|Southern|Eastern|Western|Central|North-?[Ee]astern|North-?[Ww]estern|South-?[Ee]astern|South-?[Ww]estern)[ \t]+")
_FIGHTERS = {"Militants", "Fighters", "Rebels", "Insurgents", "Jihadists", "Gunmen", "Extremists", "Terrorists"}


def cut_to_known_core(mentions: list[Mention], lookup: Callable[[str], list[Candidate]], is_place: Callable[[str], bool] | None = None) -> list[Mention]:
    """A name the knowledge base lacks around one it knows, where the extra word only
    describes it: a compass adjective before a town ("Eastern Aleppo" is a part of
    Aleppo, no place of its own name; regions and countries named so, "Southern
    Cameroons", "South Sudan", are left alone) or a capitalised word for fighters after a
    body ("Boko Haram Fighters", as a headline or a title-cased sentence writes "Boko
    Haram fighters"): the known name alone. A whole the gazetteer knows (``is_place``:
    "Northern Samar", a province beside the town of Samar) stays whole."""
    out = []
    for m in mentions:
        compass = _COMPASS_ADJECTIVE.match(m.text)
        last = m.text.rsplit(None, 1)
        if (compass is not None or last[-1] in _FIGHTERS) and m.kb_id is None and not m.label.startswith("KB") and len(last) == 2 and not lookup(m.text):
            if compass is not None and not (is_place is not None and is_place(m.text)):
                towns = lookup(m.text[compass.end() :])
                if towns and all(c.entry.type == "Place" and {"City", "Settlement"} >= set(c.entry.classes) for c in towns):
                    m = Mention(m.start + compass.end(), m.end, m.text[compass.end() :], m.label, m.source, None, m.sentence)
            elif last[-1] in _FIGHTERS and any(c.entry.type == "Organization" for c in lookup(last[0])):
                m = Mention(m.start, m.start + len(last[0]), last[0], "ORG", m.source, None, m.sentence)
        out.append(m)
    return out


# "the Patikul-based Abu Sayyaf", "a Goma-based rights group": the place a body is based in.
_BASED = re.compile(r"(?<![\w'’-])([A-Z][a-zà-ÿ'’]{2,}(?:[ \t]+[A-Z][a-zà-ÿ'’]{2,})?)-based\b")


def based_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """The place before "-based" that the model left out (label GPE), where no mention
    is; no people's or common word ("Ukrainian-based", "Army-based")."""
    out = []
    for hit in _BASED.finditer(text):
        name = hit.group(1)
        if is_group_word(name) or any(w.lower() in GENERIC_WORDS or w.lower() in CALENDAR_WORDS for w in name.split()):
            continue
        if unclaimed(hit.start(1), hit.end(1), mentions):
            out.append(Mention(hit.start(1), hit.end(1), name, "GPE", "ner"))
    return out
