"""Where names of unknown bodies and areas start and end, when the model cuts them wrong.

- Izafat and Arabic article compounds ("Tehreek-e-Naveed", "Sipah-e-Rahim", "Ahl
  al-Karam wal-Noor"): the tokenizer splits every hyphen, so the model sees a run of
  small words and keeps a piece ("Rahim" as a place); the compound is one name, an
  organisation's when one of its words is a movement's, a party's or a group's word
  (:func:`compound_names`).
- A formal body's name cut at "and" ("Ministry for Relief" + "Disaster Response"): one
  name (:func:`join_body_and`).
- "Dovani Local Government Area of Keffa State": an area and the state it lies in, two
  places (:func:`split_area_of`).
- Capitalised words for administrative areas ("Dovani LGA", "Tessit Commune", "Koro
  Cercle", "Mabra Tehsil"): a place's head word (:data:`AREA_HEADS`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.areacuts import (
    area_headed_names,
    area_pairs,
    country_republics,
    cut_plural_area_head,
    known_place_runs,
    plural_area_items,
    road_end_names,
    road_end_pieces,
    split_area_of,
    split_road_ends,
    weapon_words_as_places,
)
from kg.mentions import ORG_HEADS, PLACE_HEADS
from kg.namejunk import title_seats
from kg.names import GENERIC_WORDS
from kg.placecues import department_area
from kg.types import Mention

# Words that make an izafat or Arabic compound a body's: a movement, a party, an army, a
# front, a group, a council, a congregation, and the words such names are made of.
COMPOUND_ORG_WORDS = {
    "tehreek", "tehrik", "tahreek", "tahrik", "tahrir", "jamaat", "jamat", "jamiat", "jamiyat", "jamia", "sipah", "sipahe",
    "lashkar", "jaish", "jaysh", "harkat", "harakat", "harkatul", "hizb", "hezb", "hizbul", "tanzeem", "tanzim", "majlis",
    "ittehad", "ittihad", "muttahida", "mutahida", "anjuman", "idara", "markaz", "ansar", "ansaru", "ansarul", "jund",
    "jabhat", "liwa", "kataib", "saraya", "asaib", "ahl", "ahlu", "ahle", "ulema", "ulama", "mujahideen", "mujahidin",
    "insaf", "labbaik", "dawa", "dawat", "khuddam", "fidayeen", "jihad", "sunnat", "tableeghi", "tablighi", "falah",
    "muslimeen", "muslimin", "islami", "inqilab", "awami", "mohajir", "muhajir", "quami", "qaumi", "lashkare", "fauj",
}
# Words that make such a compound a place's ("Mazar-e-Rahim", "Bagh-e-Noor", "Shahr-e-Kohna").
COMPOUND_PLACE_WORDS = {"mazar", "bagh", "shahr", "shar", "dasht", "koh", "kohe", "darra", "dara", "qila", "qala", "pul", "chah", "deh", "sar", "bala", "chashma", "takht", "bandar", "bazar", "bazaar"}

_W = r"[A-Z][\w'’]*"
# "Tehreek-e-Naveed", "Hizb-ut-Karam", "Ulema-e-Islam": capitalised words joined by a
# hyphenated Persian or Arabic particle.
_IZAFAT = re.compile(rf"(?<![\w'’-]){_W}(?:-(?:e|i|ul|ud|ut|us|ur|un|ush|ul|wal|al|el|o|a|ba|bil)-{_W})+(?![\w'’-])")
# "Ahl al-Karam wal-Noor", "Jund al-Faris": a capitalised word and particles "al-X" after it.
_AL_RUN = re.compile(rf"(?<![\w'’-]){_W}(?:[ \t]+(?:al|el|ul|ud|wal|ad|an|ar|as|ash|at|az)-{_W})+(?![\w'’-])")
_BODY_NOUN_AFTER = re.compile(r"[ \t]+(?:channel|television|TV|radio|newspaper|daily|agency|party|movement|militia|brigade|group|news)\b")
_NEXT_CAPITAL = re.compile(rf"[ \t]+({_W})(?![\w'’-])")
_PREV_CAPITAL = re.compile(rf"(?<![\w'’-])({_W})[ \t]+$")


def _compound_kind(words: list[str]) -> str | None:
    parts = {p.lower() for w in words for p in w.split("-")}
    if parts & COMPOUND_ORG_WORDS:
        return "ORG"
    if parts & COMPOUND_PLACE_WORDS:
        return "GPE"
    return None


def compound_names(mentions: list[Mention], text: str, is_country: Callable[[str], bool]) -> list[Mention]:
    """The model's pieces of an izafat or Arabic compound ("Sipah" ... "Rahim" of
    "Sipah-e-Rahim", "Jamiat Ulema" of "Jamiat Ulema-e-Islam") give way to the whole
    compound, one mention, typed by its words (a body's, a place's, else the piece's
    label); an unclaimed compound of a body's words is a new mention. The compound takes
    a body's word or a country's name on either side ("Tehreek-e-Naveed Pakistan",
    "Pakistan Tehreek-e-Naveed"), and the model's span when that runs past it."""
    if "-" not in text:
        return mentions
    found = [(h.start(), h.end(), True) for h in _IZAFAT.finditer(text)]
    found += [(h.start(), h.end(), False) for h in _AL_RUN.finditer(text)]
    if not found:
        return mentions
    out = list(mentions)
    for start, end, izafat in sorted(found):
        words = text[start:end].split()
        kind = _compound_kind(words)
        if not izafat and is_country(words[0]) and _BODY_NOUN_AFTER.match(text, end):
            kind, izafat = "ORG", True  # "the Varania al-Nour channel": a country's outlet or party, the country's name its first word
        elif any(m.source != "ner" for m in out if m.start < end and start < m.end):
            continue  # a knowledge-base name inside ("Taliban" of "Tehrik-e-Taliban"): the rules' matching reads it
        if kind == "ORG":
            nxt = _NEXT_CAPITAL.match(text, end)
            if nxt is not None and (nxt.group(1) in ORG_HEADS or nxt.group(1).lower() in COMPOUND_ORG_WORDS or is_country(nxt.group(1))):
                end = nxt.end(1)
            prev = _PREV_CAPITAL.search(text, max(0, start - 30), start)
            if prev is not None and (prev.group(1).lower() in COMPOUND_ORG_WORDS or is_country(prev.group(1))) and not text[:prev.start(1)].endswith(("\n", ". ")):
                start = prev.start(1)
        over = [m for m in out if m.start < end and start < m.end]
        if not over and not (izafat and kind == "ORG"):
            continue  # an unclaimed "Abu Karim al-Zein" is the model's to find
        if len(over) == 1 and over[0].start <= start and end <= over[0].end and (kind is None or over[0].label == kind):
            continue  # the model's span holds it already
        if not izafat and any(m.source != "ner" for m in over):
            continue  # (an izafat's country taken on, "Pakistan", gives way to it)
        s = min([start] + [m.start for m in over if m.source == "ner"])
        e = max([end] + [m.end for m in over if m.source == "ner"])
        label = kind or next((m.label for m in over if m.source == "ner"), "ORG")
        out = [m for m in out if m not in over]
        out.append(Mention(s, e, text[s:e], label, "ner", None, over[0].sentence if over else None))
    return sorted(out, key=lambda m: (m.start, -m.end))


# Heads of formal bodies whose names run on over "and" ("Ministry of Relief and Disaster Response").
_BODY_FIRST = {"Ministry", "Office", "Agency", "Directorate", "Department", "Commission", "Committee", "Council", "Institute", "Bureau", "Authority", "Secretariat", "Centre", "Center"}
_AND_GAP = re.compile(r"[ \t]+and[ \t]+")


def join_body_and(mentions: list[Mention], text: str, known: Callable[[str], bool]) -> list[Mention]:
    """"the Ministry for Relief" + " and " + "Disaster Response": a formal body's name
    ("<Ministry> of/for ...") and, after "and", a capitalised run with no head word of its
    own that neither the knowledge base knows is one name, the body's."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and _joins(prev, m, text, known):
            out[-1] = Mention(prev.start, m.end, text[prev.start : m.end], "ORG", "ner", None, prev.sentence)
            continue
        out.append(m)
    return out


def _joins(left: Mention, right: Mention, text: str, known: Callable[[str], bool]) -> bool:
    words = left.text.split()
    if words and words[0] == "The":
        words = words[1:]
    if len(words) < 3 or words[0] not in _BODY_FIRST or words[1] not in ("of", "for") or " and " in left.text:
        return False
    if not _AND_GAP.fullmatch(text, left.end, right.start):
        return False
    rwords = right.text.split()
    if right.source != "ner" or len(rwords) > 4 or not all(w[:1].isupper() or w in ("of", "the") for w in rwords):
        return False
    if any(w in ORG_HEADS or w in _BODY_FIRST for w in rwords) or known(right.text):
        return False  # "the Ministry of Defence and the Foreign Ministry": two bodies
    return "ORG" in right.label or right.label in ("PERSON", "GPE", "NORP")


_SLASH_PART = re.compile(r"[^/]+")


def split_slashed(mentions: list[Mention], known: Callable[[str], bool]) -> list[Mention]:
    """"Lopa/Drodro", "Tessit / Intahaka": a model's span of capitalised names joined by
    slashes, which the knowledge base does not know whole, is each of them, with the span's
    label (a slash lists names: two outlets, two villages, a group and its wing). Not a
    part that is a body's head word ("Front/Army", read as one name elsewhere) or a short
    code ("M/V")."""
    out: list[Mention] = []
    for m in mentions:
        if m.source != "ner" or "/" not in m.text or known(m.text):
            out.append(m)
            continue
        parts = [(m.start + h.start() + len(h.group()) - len(h.group().lstrip()), m.start + h.start() + len(h.group().rstrip())) for h in _SLASH_PART.finditer(m.text)]
        texts = [m.text[s - m.start : e - m.start] for s, e in parts]
        if len(parts) < 2 or not all(t[:1].isupper() and len(t) > 2 and t not in ORG_HEADS for t in texts):
            out.append(m)
            continue
        out += [Mention(s, e, t, m.label, "ner", None, m.sentence) for (s, e), t in zip(parts, texts)]
    return out


_IN_THE_RUN = re.compile(r"[ \t]+in[ \t]+the[ \t]+((?:[A-Z][\w'’-]*)(?:[ \t]+[A-Z][\w'’-]*){1,2})(?![ \t]+[A-Z])(?![\w'’-])")
_COMPASS_WORDS = {"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Far", "Upper", "Lower", "Middle"}


def branch_names(mentions: list[Mention], text: str, armed_group: Callable[[Mention], bool], known_place: Callable[[str], bool], place_heads: set[str]) -> list[Mention]:
    """"Al-Nasr in the Islamic Sahel": an armed group's name, "in the" and two or three
    capitalised words that are no place the knowledge base or the gazetteer knows, nor an
    area's name (no quarter opens it, no area's head word ends it), are one name -- the
    group's branch -- in place of the group and the words' own mentions ("Sahel" as a place).
    "Hamas in the Gaza Strip" names a known place: two names."""
    out = list(mentions)
    for m in mentions:
        hit = _IN_THE_RUN.match(text, m.end) if armed_group(m) else None
        if hit is None:
            continue
        run = hit.group(1).split()
        if run[0] in _COMPASS_WORDS or run[-1] in place_heads or known_place(hit.group(1)):
            continue
        inner = [o for o in out if m.end <= o.start < hit.end()]
        if any(o.end > hit.end() for o in inner):
            continue
        out = [o for o in out if o is not m and o not in inner]
        out.append(Mention(m.start, hit.end(), text[m.start : hit.end()], "ORG", "ner", None, m.sentence))
    return sorted(out, key=lambda o: (o.start, -o.end))


_GENERIC_SOURCE_WORDS = {"news", "agencies", "agency", "wires", "wire", "staff", "reporters", "correspondents", "media", "reports", "and", "other", "various", "online", "desk"}
_SOURCE_LINE = re.compile(r"^[ \t]*(?:Source|SOURCE|Sources)[ \t]*:[ \t]*([A-Z][\w'’.&-]*(?:[ \t]+[\w'’.&-]+){0,5}?)[ \t.]*$", re.M)


def source_line_outlets(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Source: Kovri Info.Net" on a line of its own: the outlet the story comes from, an
    organisation's mention over the whole name, in place of the model's pieces of it."""
    out = list(mentions)
    for h in _SOURCE_LINE.finditer(text):
        s, e = h.span(1)
        words = h.group(1).split()
        if any(w.islower() and w not in ("of", "the", "and", "de", "du", "la") for w in words) or all(w.lower() in _GENERIC_SOURCE_WORDS for w in words):
            continue  # "Source: News Agencies", "Source: Agencies": no outlet's name
        out = [o for o in out if not (o.start < e and s < o.end)] + [Mention(s, e, h.group(1), "ORG", "ner")]
    return sorted(out, key=lambda o: (o.start, -o.end))


# -- the linker's entry points ---------------------------------------------------------

Candidates = Callable[[str], list]


def _is_country(candidates: Candidates) -> Callable[[str], bool]:
    return lambda name: any("Country" in c.entry.classes and c.exact_label for c in candidates(name))


def _known_place_named(candidates: Candidates) -> Callable[[str], bool]:
    """Whether the knowledge base has a place by exactly this name (a country aside), and nothing else by it."""

    def known(name: str) -> bool:
        cands = candidates(name)
        return bool(cands) and all(c.entry.type == "Place" for c in cands) and any(c.exact_label and not c.via_skeleton and "Country" not in c.entry.classes for c in cands)

    return known


def cut_names(mentions: list[Mention], text: str, candidates: Candidates, known_place: Callable[[str], bool]) -> list[Mention]:
    """This module's boundary fixes on the linker's cleaned mentions (sorted): izafat
    compounds whole, a body's name over "and", "X LGA of Y State", "X/Y" and "the X-Y road"
    two names, an armed group's branch whole, "the Varania Republic" the country, a "Source:"
    line's outlet, a plural area noun the list's, "X and Y division" one area."""
    known = lambda name: bool(candidates(name))  # noqa: E731
    country = _is_country(candidates)
    armed = lambda m: any("ArmedGroup" in c.entry.classes for c in candidates(m.kb_id or m.text))  # noqa: E731
    ms = numbered_units(dissident_groups(cut_glued_words(compound_names(weapon_words_as_places(mentions, text, candidates), text, country)), text, armed), text)
    ms = split_slashed(split_area_of(join_body_and(ms, text, known)), known)
    ms = road_end_pieces(split_road_ends(branch_names(ms, text, armed, known_place, PLACE_HEADS), text, known), text, known)
    ms = in_names(source_line_outlets(text, country_republics(ms, country, known)), text, known, country)
    ms = acronym_defined_names(ms, text)
    return area_pairs(cut_plural_area_head(ms, text), text, known)


def found_names(text: str, mentions: list[Mention], candidates: Candidates) -> list[Mention]:
    """The names this module finds where the model drew no span: "Tera Department", the
    ends of "the X-Y road", known towns of several words, the last person of a list of people,
    the items before a plural area noun."""
    known = lambda name: bool(candidates(name))  # noqa: E731
    out = area_headed_names(text, mentions, department_area)
    out += road_end_names(text, mentions + out, known)
    out += known_place_runs(text, mentions + out, _known_place_named(candidates))
    out += list_tail_people(text, mentions + out)
    return out + plural_area_items(text, mentions + out)


_WEEKDAY_NAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
_LIST_BEFORE = re.compile(r"(?:,|\band|\bas|:)[ \t]+$")


def weekday_given_names(mentions: list[Mention], text: str) -> list[Mention]:
    """"..., Zainab Musa, Sunday Tanko, and ...": a weekday the model took for a date, right
    before a person's name and itself after a list's comma or "and", is the person's given
    name (Nigeria, Ghana and Uganda name children for the day); "on Sunday Tanko said" is a date."""
    out: list[Mention] = []
    skip: set[int] = set()
    for i, m in enumerate(mentions):
        if i in skip:
            continue
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            nxt is not None
            and m.label == "DATE"
            and m.text in _WEEKDAY_NAMES
            and nxt.label in ("PERSON", "PER")
            and text[m.end : nxt.start] == " "
            and len(nxt.text.split()) <= 2
            and _LIST_BEFORE.search(text, max(0, m.start - 6), m.start)
        ):
            out.append(Mention(m.start, nxt.end, text[m.start : nxt.end], "PERSON", "ner", None, m.sentence))
            skip.add(i + 1)
            continue
        out.append(m)
    return out


def raw_cuts(mentions: list[Mention], text: str) -> list[Mention]:
    """The fixes on the recogniser's own spans, before the linker cleans them: a ruler's
    title and its seat (kg/namejunk.py), a weekday that is a given name."""
    return weekday_given_names(title_seats(mentions, text), text)


# "the Autonomous Region in Kovri Tesh", "the UN Mission in Varania": an area's or a
# mission's formal name that runs on over "in" and the place it serves (not "Command in X",
# "Office in X": a body and its seat).
_IN_NAME = re.compile(
    r"(?<![\w'’-])((?:[A-Z][\w'’-]+[ \t]+){1,3}(?:Region|Mission|Zone))[ \t]+in[ \t]+((?:the[ \t]+)?[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})(?![ \t]+[A-Z]|[\w'’-])"
)


def in_names(mentions: list[Mention], text: str, known: Callable[[str], bool], is_country: Callable[[str], bool]) -> list[Mention]:
    """:data:`_IN_NAME`'s names, one mention each in place of the pieces inside them, when
    the run before "in" is no name known on its own ("the Tigray Region in Ethiopia" is a
    region and its country) and, for an area, the place after it is no country or known
    place either ("Autonomous Region in Kovri Tesh" holds the known "Tesh" only)."""
    if " in " not in text:
        return mentions
    out = list(mentions)
    for h in _IN_NAME.finditer(text):
        left, right = h.group(1), h.group(2)
        words = left.split()
        while words and words[0] in ("The", "A", "In", "Of"):
            words = words[1:]
        owner = [k for k, w in enumerate(words) if w.endswith(("'", "’", "'s", "’s"))]
        words = words[owner[-1] + 1 :] if owner else words  # "the Varania's Autonomous Region in ...": the owner is no word of it
        if len(words) < 2 or known(" ".join(words)):
            continue
        area = words[-1] in ("Region", "Zone")
        if area and (is_country(right) or known(right)):
            continue
        if not area and not is_country(right.removeprefix("the ")):
            continue  # a mission serves a country ("the UN Verification Mission in Varania"); "the Eastern Command in X" is a body and its seat
        s = h.start(1) + h.group(1).index(words[0])
        e = h.end(2)
        if any(o.start < s < o.end or o.start < e < o.end for o in out):
            continue  # a span across the edges: the model's or the rules' reading wins
        out = [o for o in out if not (s <= o.start and o.end <= e)] + [Mention(s, e, text[s:e], "GPE" if area else "ORG", "ner")]
    return sorted(out, key=lambda o: (o.start, -o.end))


# "the Special Mining and Road Battalion No. 7": a unit's name and its number after "No.".
_NUMBERED_UNIT = re.compile(
    r"(?<![\w'’-])((?:[A-Z][\w'’-]+[ \t]+(?:(?:and|&|of)[ \t]+)?){0,5}(?:Battalion|Brigade|Regiment|Division|Company|Squadron|Front|Unit|Group|Force|Detachment|Column))"
    r"[ \t]+No\.?[ \t]*\d{1,3}\b"
)
# "the Kovri Front dissidences", "KF dissidents": the splinter groups of a known armed group, a body of its own.
_DISSIDENTS_AFTER = re.compile(r"[ \t]+(?:dissidents|dissidences|dissident[ \t]+factions?)\b")
_GLUED_WORD = re.compile(r"^(.*[A-Za-z])\.([a-z]{4,})$")
_WEB_WORDS = {"info", "news", "online", "asia", "africa", "media", "today", "live", "world", "site", "blog"}  # "X.news": a domain's ending


def numbered_units(mentions: list[Mention], text: str) -> list[Mention]:
    """:data:`_NUMBERED_UNIT`'s names, whole, in place of the pieces inside them (the rules'
    "No. 10" is no prime minister's office there)."""
    if "No" not in text:
        return mentions
    out = list(mentions)
    for h in _NUMBERED_UNIT.finditer(text):
        words = h.group(1).split()
        while words and words[0] in ("The", "A", "In", "Of", "And"):
            words = words[1:]
        if len(words) < 2:
            continue
        s = h.start(1) + h.group(1).index(words[0])
        e = h.end()
        if any(o.start < s < o.end or o.start < e < o.end for o in out):
            continue
        out = [o for o in out if not (s <= o.start and o.end <= e)] + [Mention(s, e, text[s:e], "ORG", "ner")]
    return sorted(out, key=lambda o: (o.start, -o.end))


def dissident_groups(mentions: list[Mention], text: str, armed: Callable[[Mention], bool]) -> list[Mention]:
    """"the Kovri Front dissidences": an armed group's name and "dissidents" after it name the
    splinter groups, one body of their own (news names them so); the mention runs on over it."""
    out = []
    for m in mentions:
        hit = _DISSIDENTS_AFTER.match(text, m.end)
        if hit is not None and armed(m):
            m = Mention(m.start, hit.end(), text[m.start : hit.end()], "ORG", "ner", None, m.sentence)
        out.append(m)
    return out


def cut_glued_words(mentions: list[Mention]) -> list[Mention]:
    """"Vila de Kovri.against": a scraped text that lost the space after a full stop runs
    a name into the next sentence's lower-case word: the name ends at the stop."""
    out = []
    for m in mentions:
        hit = _GLUED_WORD.match(m.text) if m.source == "ner" else None
        if hit is not None and hit.group(2) not in _WEB_WORDS:
            m = Mention(m.start, m.start + len(hit.group(1)), hit.group(1), m.label, m.source, None, m.sentence)
        out.append(m)
    return out


# "the Group to Defend Kovri and Valmi (GDKV)", "Volunteers for the Defence of the Tesso (VDT)":
# a title-case phrase the article defines an acronym for is one name, however the model cut it.
_DEFINED = re.compile(
    r"(?<![\w'’-])([A-Z][\w'’-]*(?:[ \t]+(?:(?:of|the|for|to|and|de|la|du|des|in|on|against)[ \t]+)*[A-Z][\w'’-]*){2,9})[ \t]*\([ \t]*([A-Z][A-Za-z-]{1,9})[ \t]*\)"
)
_LINKED_WORD = re.compile(r"-(?:linked|backed|led|affiliated|allied|aligned|based|born|run)$")
_CONNECTORS = {"of", "for", "to", "and", "against", "de", "la", "du", "des"}
# Words that open bodies' names beside the head words ("Volunteers for the ...", "Coordination of ...").
_BODY_OPENERS = {"Volunteers", "Coordination", "Rally", "Platform", "Convention", "Friends", "Defenders", "Reporters", "Doctors", "Mothers", "Collective", "Congress", "Mission", "Operation", "Patriotic", "Popular", "National", "Islamic", "United", "Joint"}


def acronym_defined_names(mentions: list[Mention], text: str) -> list[Mention]:
    """:data:`_DEFINED`'s phrases: one organisation mention each in place of the pieces the
    model drew inside, when the phrase holds a connector ("of", "for", "to", "and") or ends in
    a body's head word (so "President Ada Kovri (AFP)" is no body), the words that open it and
    are no part of it left out ("The", "Al-Nasr-linked")."""
    if "(" not in text:
        return mentions
    out = list(mentions)
    for h in _DEFINED.finditer(text):
        words = h.group(1).split()
        linked = [k for k, w in enumerate(words) if _LINKED_WORD.search(w)]
        words = words[linked[-1] + 1 :] if linked else words  # "the Al-Nasr-linked Group ..."
        # "Fighters of the Group ...", "The ...": people's nouns, articles and connectors open no name.
        while words and (
            words[0] in ("The", "A", "An", "In", "On", "By", "From")
            or words[0] in _CONNECTORS | {"the"}
            or (words[0].lower() in GENERIC_WORDS | {"members", "leaders", "commanders"} and words[1:2] == ["of"])
        ):
            words = words[1:]
        if len([w for w in words if w[:1].isupper()]) < 3:
            continue
        head_first = words[0] in ORG_HEADS or words[0].rstrip("s") in ORG_HEADS or words[0] in _BODY_OPENERS
        head_last = words[-1] in ORG_HEADS or words[-1].rstrip("s") in ORG_HEADS
        if not ((head_first and _CONNECTORS & set(words[1:-1])) or head_last):
            continue  # "Ada Roe of the Red Cross (ICRC)": a person and the body she is of
        s = h.start(1) + h.group(1).index(words[0])
        e = h.end(1)
        name = text[s:e]
        if any(o.start < s < o.end or o.start < e < o.end for o in out):
            continue  # a span across its edges: the model's or the rules' reading wins
        inside = [o for o in out if s <= o.start and o.end <= e]
        if any(o.source != "ner" and o.start == s and o.end == e for o in inside):
            continue
        out = [o for o in out if o not in inside] + [Mention(s, e, name, "ORG", "ner")]
    return sorted(out, key=lambda o: (o.start, -o.end))


_TAIL_AFTER_AND = re.compile(r",?[ \t]+and[ \t]+([A-Z][a-zà-ÿ'’-]+(?:[ \t]+[A-Z][a-zà-ÿ'’-]+){1,2})(?=[ \t]*[.,;)]|[ \t]*$)")


def list_tail_people(text: str, mentions: list[Mention]) -> list[Mention]:
    """"He named the dead as Ada Roe, Musa Kalli, Tolu Ade and Grace Bako.": the last item
    of a list of three people or more, after "and", which the model left out, is a person (two
    or three capitalised words, then the list's end)."""
    ms = sorted(mentions, key=lambda m: m.start)
    out: list[Mention] = []
    for i in range(2, len(ms)):
        run = ms[i - 2 : i + 1]
        if not all(m.label in ("PERSON", "PER") and " " in m.text for m in run):
            continue
        if not all(re.fullmatch(r",[ \t]+", text[a.end : b.start]) for a, b in zip(run, run[1:])):
            continue
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        hit = _TAIL_AFTER_AND.match(text, run[-1].end)
        if hit is None or (nxt is not None and nxt.start < hit.end(1)):
            continue
        out.append(Mention(hit.start(1), hit.end(1), hit.group(1), "PERSON", "ner", None, run[-1].sentence))
    return out
