"""Mentions: where a name starts and ends, and what its words and neighbours say it is.

The recogniser's spans are cleaned here (titles, possessives, stray lower-case words
cut off; fragments that are not names dropped), and the words of a name and around
it give a type when the model's label is doubtful ("Kyauk Taw village" is a place).
"""

from __future__ import annotations

import re

from kg.listgaps import between_names, list_gap_names
from kg.names import (
    ACRONYM_RE,
    ADMIN_UNIT_WORDS,
    CALENDAR_WORDS,
    COMPOUND_GIVEN_FIRST,
    GENERIC_WORDS,
    MONTH_PATTERN,
    NAME_FUNCTION_WORDS,
    PARTICLE_RE,
    PERSON_DESCRIPTORS,
    RANK_ACRONYMS,
    SHIP_PREFIXES,
    TITLES,
    is_group_word,
)
from kg.placecues import SHELTER_HEADS, SHELTER_SITE, department_area
from kg.posts import apposed_people, post_holder
from kg.types import Mention

# What each spaCy label may denote. Labels missing here are dropped unless the
# knowledge base knows the name.
LABEL_TYPES = {
    "PERSON": "Person",
    "PER": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "OUTLET": "Organization",
}
# Labels whose spans are kept only when the knowledge base links them.
KB_ONLY_LABELS = {"NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "MISC"}
# Labels that are never names, even when a knowledge-base name matches ("March").
# "the seventh Infantry Division": a spelled ordinal in lower case opens a unit's name (one with a body's head word).
ORDINAL_WORDS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"}
NOT_NAMES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LANGUAGE"}

# Words that open a span without being part of the name: "the", and the quantifiers a
# headline capitalises ("Multiple Ukrainian drone attacks", "Several Russian regions").
LEADING_WORDS = {"the", "multiple", "several", "many", "some", "other", "numerous", "dozens", "hundreds", "thousands", "both", "all", "most"}
# A count spelled out opens a headline's or a sentence's noun phrase, never a name ("Seventeen Nigerien soldiers").
LEADING_WORDS |= {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "hundred"}
POSSESSIVE_RE = re.compile(r"(?:['’]s|['’])$")
INNER_POSSESSIVE_RE = re.compile(r"['’]s ")
BAD_CHARS = set('"“”«»\n\t|<>{}[]=@#')

def _describes_person(word: str) -> bool:
    """A title, descriptor or people's word before a name: "President", "Lt-Col", "Villager", "Gazan"."""
    parts = [p for p in word.lower().replace("-", " ").replace(".", " ").split() if p]
    return bool(parts) and (all(p in TITLES or p in PERSON_DESCRIPTORS for p in parts) or is_group_word(word))


def is_title_word(word: str) -> bool:
    """A capitalised title word, singular or plural ("Constable", "Constables")."""
    w = word.lower().rstrip(".")
    return word[:1].isupper() and (w in TITLES or (w.endswith("s") and w[:-1] in TITLES)) and w not in ("ex", "former", "acting", "vice", "saint")


def model_label(m: Mention) -> str | None:
    """The statistical model's label for a mention (None for a rule-only match)."""
    if m.label.startswith("KB"):
        return m.label[3:] or None
    return m.label


_DATE_TAIL = re.compile(r"[ \t]+(?:on|in|since|until|by)[ \t]+" + MONTH_PATTERN + r"\.?")


def clean_mention(m: Mention, text: str) -> Mention | None:
    """Strip a leading "the", titles, trailing lower-case words and a trailing
    possessive; drop spans that are not names (quote fragments, dates, lower-case
    phrases). Offsets follow the cut."""
    start, end = m.start, m.end
    # Leading and trailing punctuation and space.
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".)"):
        end -= 1
    # A comma ends a name ("Belgorod, Vows Revenge" -> "Belgorod").
    comma = text.find(",", start, end)
    if comma != -1:
        end = comma
    dated = _DATE_TAIL.search(text, start, end)
    if dated is not None and m.source == "ner" and dated.end() == end:
        end = dated.start()  # "Tarmude on Aug. 14": the date is no part of the town's name
    words = text[start:end].split(" ")
    if m.source == "ner":
        # A name neither starts nor ends with a lower-case word ("villager Shwe Mi",
        # "Chernihiv kills"), particles of names aside ("Wissam al-Tawil").
        while len(words) > 1 and words[0][:1].islower() and words[0] != "the" and not PARTICLE_RE.match(words[0]):
            start += len(words[0]) + 1
            words = words[1:]
        while len(words) > 1 and words[-1][:1].islower() and not PARTICLE_RE.match(words[-1]):
            end -= len(words[-1]) + 1
            words = words[:-1]
    lead = 1 if len(words) > 1 and words[0].lower() == "the" else 0
    if words[lead].rstrip(".") in SHIP_PREFIXES and (len(words) > lead + 1 or words[lead] != "MSC"):
        return None  # a ship ("USS Laboon", "the MV Rubymar") is none of the four types
    before = text[max(0, start - 20) : start].split()
    after = text[end : end + 20].split()
    if m.source == "ner" and before and (before[-1].lower() in SHIP_NOUNS or (before[-1] in SHIP_PREFIXES and before[-1] != "MSC")):
        return None  # "the tanker Marlin Luanda", "the MV" + "Rubymar"
    if model_label(m) in ("PERSON", "PER") and after and after[0].lower().strip(".,;") in SHIP_NOUNS | {"patrol"}:
        return None  # "the Sergey Kotov patrol ship"
    # A trailing possessive.
    poss = POSSESSIVE_RE.search(text[start:end])
    if poss:
        end -= len(poss.group(0))
        words = text[start:end].split(" ")
    # Leading "the" and (for people and rule-less spans) titles -- but not the title that
    # opens a place's name ("the Sheikh Hamad neighbourhood").
    place_follows = bool(after) and after[0].lower().strip(".,;") in PLACE_NOUNS
    is_person = model_label(m) in ("PERSON", "PER") and not place_follows
    if place_follows and m.source == "ner" and before and before[-1][:1].isupper() and before[-1].lower().rstrip(".") in TITLES:
        # The recogniser left the title out of a place's name ("Sheikh" of "Sheikh Hamad neighbourhood").
        if text[start - len(before[-1]) - 1 : start] == before[-1] + " ":
            start -= len(before[-1]) + 1
            words = text[start:end].split(" ")
    while len(words) > 1 and (words[0].lower() in LEADING_WORDS or (is_person and _describes_person(words[0])) or (m.source == "ner" and words[0].lower() in ADMIN_UNIT_WORDS)):
        start += len(words[0]) + 1
        words = words[1:]
    if is_person and m.source == "ner":
        # "Duty Foot Constable Nasrullah": a rank's words before the title word go with it.
        # Not a title that a given name's "Abd"/"Abu" opens: "Abdel Karim Hashem", "Abdul Malik".
        inner = [k for k, w in enumerate(words[:-1]) if k > 0 and is_title_word(w) and words[k - 1].lower() not in COMPOUND_GIVEN_FIRST]
        if inner:
            start += sum(len(w) + 1 for w in words[: inner[-1] + 1])
            words = words[inner[-1] + 1 :]
    span = text[start:end]
    if not span or len(span) > 80 or not BAD_CHARS.isdisjoint(span):
        return None
    if not any(c.isalpha() for c in span) or (span[0].isdigit() and m.source != "kb"):  # a known "4K" is a militia's name
        return None
    if m.source == "ner" and not any(c.isupper() for c in span):
        return None
    if m.source == "ner" and span.lower() in CALENDAR_WORDS and span.lower() not in ("may", "june", "august"):
        return None  # "attacked on Wednesday": a day or a month is no name (May, June, August may be people's)
    if m.source == "ner" and (len(words) > 8 or any(w.islower() and w not in NAME_FUNCTION_WORDS and not PARTICLE_RE.match(w) and not (k == 0 and w in ORDINAL_WORDS and words[-1] in ORG_HEADS) for k, w in enumerate(words))):
        return None  # a sentence fragment ("National that the Army General Command")
    return Mention(start, end, span, m.label, m.source, m.kb_id, m.sentence)


PLACE_NOUNS = (
    "village", "town", "city", "settlement", "kibbutz", "district", "region", "province", "oblast", "camp",
    "neighbourhood", "neighborhood", "suburb", "area", "hamlet", "township", "county", "governorate",
    "territory", "refinery", "base", "airbase", "airport", "port", "plant", "hospital", "crossing", "border",
    "villager", "villagers", "residents", "locality", "sector", "chiefdom", "commune", "tehsil", "woreda", "barangay", "upazila",
)
ORG_NOUNS = (
    "radio", "agency", "newspaper", "channel", "television", "militia", "movement", "party", "ministry", "council",
    "company", "force", "forces", "brigade", "battalion", "unit", "group",
    "gang", "cartel", "faction", "outfit", "syndicate",  # "the Los Halcones gang": criminal and armed groups
)
PLACE_HEADS = {
    "Base", "Airbase", "Airport", "Port", "Refinery", "Plant", "Station", "Bridge", "Dam", "Hospital", "Camp", "Prison",
    "Square", "Street", "Avenue", "Road", "Highway", "Mosque", "Church", "Market", "Crossing", "Corridor", "Strait",
    "Sea", "River", "Lake", "Island", "Islands", "Valley", "Mountains", "Hills", "Heights", "District", "Region",
    "Province", "Oblast", "Governorate", "Territory", "County", "Village", "Town", "City", "Raion", "Peninsula",
    "School", "Schools", "Facility", "Complex", "Stadium", "Hotel", "Compound", "Tower", "Building", "Palace",
    "Bazaar", "Mall", "Neighbourhood", "Neighborhood", "Quarter",
}
# A name right after one of these is a ship's ("the patrol ship Sergey Kotov"): none of the four types.
SHIP_NOUNS = {
    "ship", "vessel", "tanker", "frigate", "destroyer", "corvette", "cruiser", "submarine", "boat", "freighter",
    "carrier", "warship", "ferry", "trawler", "yacht", "barge", "dhow",
}
ORG_HEADS = {
    "Agency", "Ministry", "Council", "Committee", "Commission", "Company", "Corporation", "Corp", "Inc", "Ltd", "LLC",
    "Group", "Shipping", "Airlines", "Bank", "Radio", "TV", "Television", "News", "Network", "Times", "Post", "Journal",
    "Party", "Movement", "Front", "Brigade", "Battalion", "Regiment", "Division", "Army", "Forces", "Force", "Guard",
    "Service", "Authority", "Office", "Institute", "University", "Foundation", "Organization", "Organisation",
    "Association", "Union", "Federation", "Alliance", "Coalition", "Tribunal", "Court", "Parliament", "Assembly",
    "Government", "Administration", "Directorate", "Command", "Fleet", "Corps", "Police", "Media", "Academy",
    "Unit",  # "the Anti-Robbery Unit", "a Rapid Response Unit": a force's or a service's unit
}
ACRONYM_AFTER = re.compile(r"\s*(?:\(|,?\s+or\s+|\s+[–—]\s+)(" + ACRONYM_RE.pattern + r")\b\)?")
NEXT_WORD = re.compile(r"[ \t]+([a-z]+)")
PLACE_BEFORE = re.compile(
    r"\b(?:(?:village|town|city|settlement|region|province|district|territory|area|locality|neighbou?rhood)s? of|residents? of|outskirts of"
    r"|(?:centre|center|heart|north|south|east|west|northeast|northwest|southeast|southwest) of|near|outside)"
    r"\s+(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?\s+)?$",
    re.I,
)
# Verbs whose object is a place when the model is unsure ("shelled Kostyantynivka").
PLACE_AFTER_VERB = re.compile(r"\b(?:shelled|bombed|captured|recaptured|liberated|seized|besieged|occupied|encircled|evacuated)\s+$")
REGION_OF_BEFORE = re.compile(r"\b(regions?|oblasts?|provinces?|governorates?)\s+of\s+(?:the\s+)?$", re.I)
REGIONS_AFTER = re.compile(r",?\s+(?:and\s+)?(?:other\s+)?(regions?|oblasts?|provinces?|governorates?)\b", re.I)
IN_PROVINCE_AFTER = re.compile(
    r",\s+in\s+(?:the\s+)?(?:[A-Z][\w'’-]+\s+){1,3}(?:province|region|district|state|county|governorate|oblast|department|prefecture|territory)\b"
)
DATELINE_AFTER = re.compile(r",\s+(?:[A-Z][\w'’-]+\s?){1,3}\s*(?::|\(|[—–]\s)")
ORG_NOT_AFTER = re.compile(r"\b(?:in|near|outside|into)\s+$")
PERSON_NOT_AFTER = re.compile(r"\b(?:in|near|outside|into|towards?|around|across)\s+$")


_CAPITALISED_RUN = re.compile(r"(?: [A-Z][A-Za-z'’-]*){1,3}")


# "the Jalisco New Generation cartel", "the Sinaloa cartel": a lower-case "cartel" ends the name.
_CARTEL_AFTER = re.compile(r"[ \t]+cartel\b")
_COMPASS_BEFORE = re.compile(r"(?<![\w'’-])(?:Western|Eastern|Northern|Southern|Central|North|South|East|West)[ \t]+$")


_RADIO_BEFORE = re.compile(r"(?<![\w'’-])(?:Radio|Radyo|Rádio)[ \t]$")


def extend_to_head(m: Mention, text: str) -> Mention:
    """Run a name on over the capitalised words that end it when the recogniser stopped
    short: "Khalil Suleiman" + " Hospital", "Ramree" + " Island", "Pakistan" + " Point News",
    and over a lower-case "cartel"; a body's name back over its quarter ("Western" + "Mindanao
    Command"), a station's back over "Radio"."""
    radio = _RADIO_BEFORE.search(text, max(0, m.start - 8), m.start)
    if radio is not None and m.source == "ner" and m.kb_id is None and m.text[:1].isupper():
        # "Radio" + "Télé Monopole", "Radio" + "Ndeke Luka": the model left the station's first word out.
        m = Mention(radio.start(), m.end, text[radio.start() : m.end], "ORG", "ner", None, m.sentence)
    cartel = _CARTEL_AFTER.match(text, m.end)
    if cartel is not None and m.kb_id is None and m.text[:1].isupper():
        return Mention(m.start, cartel.end(), text[m.start : cartel.end()], "ORG", "ner", None, m.sentence)
    run = _CAPITALISED_RUN.match(text, m.end)
    words = run.group(0).split() if run is not None else []
    for k in range(len(words), 0, -1):
        if words[k - 1] in PLACE_HEADS or words[k - 1] in ORG_HEADS:
            end = m.end + len(" ".join(words[:k])) + 1
            label = m.label if m.source == "ner" else "ORG" if words[k - 1] in ORG_HEADS else "LOC"
            m = Mention(m.start, end, text[m.start : end], label, "ner", None, m.sentence)
            break
    compass = _COMPASS_BEFORE.search(text, max(0, m.start - 10), m.start)
    if compass is not None and m.source == "ner" and m.text.split()[-1] in ORG_HEADS and len(m.text.split()) > 1:
        # "Western" + "Mindanao Command" (also when "Mindanao" was the knowledge base's
        # place, grown over "Command" above): a command's or a front's name opens with its quarter.
        m = Mention(compass.start(), m.end, text[compass.start() : m.end], m.label, "ner", None, m.sentence)
    return m


# A lower-case title between two names: "Wagner head Yevgeny Prigozhin", "Hamas chief Ismail Haniyeh".
_INNER_TITLE = re.compile(r" (head|chief|leader|boss|commander|spokesman|spokeswoman|founder|envoy|minister|president|Governor|Mayor) (?=[A-Z][a-z])")


def split_at_inner_title(m: Mention) -> list[Mention]:
    """A model span that swallowed its neighbour across a lower-case title ("Wagner head
    Yevgeny Prigozhin"): the organisation before the title and the person after it."""
    held = post_holder(m)  # kg/posts.py: "Superintendent of Police Vikram Joshi"
    if held is not None:
        return [held]
    hit = _INNER_TITLE.search(m.text)
    if hit is None or not m.text[:1].isupper():
        return [m]
    head_end, tail_start = m.start + hit.start(), m.start + hit.end()
    # "Guerrero Governor Ana Robledo": a governor's or mayor's head is a place.
    head_label = ("GPE" if hit.group(1)[0].isupper() else "ORG") if m.source == "ner" else m.label
    head = Mention(m.start, head_end, m.text[: hit.start()], head_label, m.source, None, m.sentence)
    tail = Mention(tail_start, m.end, m.text[hit.end() :], "PERSON" if m.source == "ner" else m.label, m.source, None, m.sentence)
    return [head, tail]


def split_at_and(m: Mention) -> list[Mention]:
    """"Burie and Debre Birhan": a span of two capitalised names joined by "and" is two
    names, and "La Joya in Apatzingán" a name and the place it lies in (the caller keeps
    a span whole when the knowledge base knows it, "Jammu and Kashmir"; so is one that
    reads as an organisation's name, "Ministry of Foreign Affairs and Trade")."""
    if m.source != "ner":
        return [m]
    for joiner, right_label in ((" and ", m.label), (" in ", "GPE")):
        if m.text.count(joiner) != 1:
            continue
        left, right = m.text.split(joiner)
        words = m.text.split()
        if not (left[:1].isupper() and right[:1].isupper()) or any(w in ORG_HEADS or w in ("of", "for") for w in words):
            return [m]
        r_start = m.start + len(left) + len(joiner)
        return [Mention(m.start, m.start + len(left), left, m.label, m.source, None, m.sentence), Mention(r_start, m.end, right, right_label, m.source, None, m.sentence)]
    return [m]


# Words that join an organisation's head to the rest of its name ("Office" for the "Coordination of ...").
# Bodies named by where they sit ("Mission in Somalia", "Embassy in Kyiv", "Committees in El Fasher").
IN_PLACE_HEADS = {"Mission", "Missions", "Embassy", "Consulate", "Delegation", "Committee", "Committees", "Office"}
_JOIN_ORG = re.compile(r"(?: for the | for | of the | of )")


def join_cut_names(mentions: list[Mention], text: str) -> list[Mention]:
    """Join an organisation's name the recogniser cut in two at "for the" or "of"
    ("Office" + "for the" + "Coordination of Humanitarian Affairs"): when the first part
    ends in an organisation's head word and the second is capitalised; and a person's
    name cut in two with only a space between ("Abd-Rabbu" + "Mansour Hadi"). ``mentions`` sorted."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label == m.label == "PERSON"
            and text[prev.end : m.start] == " "
            and len(prev.text.split()) + len(m.text.split()) <= 4
        ):
            # "Sulu Governor" + "Omar Jalani" are a place and a person, not one name.
            out[-1:] = split_at_inner_title(Mention(prev.start, m.end, text[prev.start : m.end], "PERSON", "ner", None, prev.sentence))
            continue
        if prev is not None and prev.text.split()[-1] in IN_PLACE_HEADS and text[prev.end : m.start] == " in " and m.text[:1].isupper():
            # "the African Union Mission in Sudan", "the French Embassy in Bamako": a body named by its seat.
            out[-1] = Mention(prev.start, m.end, text[prev.start : m.end], "ORG", "ner", None, prev.sentence)
            continue
        if (
            prev is not None
            and prev.source == "ner"
            and m.source == "ner"
            and prev.text.split()[-1] in ORG_HEADS | {"Staff"}
            and _JOIN_ORG.fullmatch(text[prev.end : m.start])
            and m.text[:1].isupper()
        ):
            out[-1] = Mention(prev.start, m.end, text[prev.start : m.end], "ORG", "ner", None, prev.sentence)
            continue
        out.append(m)
    return out


# Lower-case nouns of administrative areas that complete an unknown place's name ("Oudalan
# province", "Khyber district", "Timbuktu region"): news names a district or region so, and
# the bare name stays one of the entity's labels.
ADMIN_NOUNS = (
    "township|province|governorate|territory|department|division|county|prefecture|municipality|oblast|raion|island|district|region"
    "|sector|chiefdom|commune|cercle|tehsil|woreda|kebele|barangay|upazila|subcounty|sub-county"  # the units of Congo, the Sahel, South Asia, Ethiopia, the Philippines, Uganda
    "|zone|local[ \t]+government[ \t]+area|LGA|emirate"  # Ethiopia's and Nigeria's
    "|parish|subdivision|sub-division|sub-district|subdistrict|sub-prefecture|subprefecture|arrondissement|canton"  # the units below a district
)
ADMIN_NOUN_AFTER = re.compile(rf"[ \t]+({ADMIN_NOUNS})\b")
# The units below a district, named after a town or a district they lie in ("Kamlo
# sub-county" of Kamlo district): the bare name means the town or the district, not them.
SUBUNIT_END = re.compile(r"[ \t]+(?:parish|sub-?county|sub-?division|sub-?district|sub-?prefecture)$", re.I)
_ADMIN_NOUN_END = re.compile(rf"[ \t]+(?:{ADMIN_NOUNS})$")


# Areas named after their main town ("Dera Kalan district", "Myinthar township", "Mutanda territory"):
# a town's name before one of these nouns is the area's.
TOWN_AREA_NOUNS = (
    " district", " township", " territory", " county", " prefecture", " municipality", " department",
    " sub-county", " subcounty", " parish", " subdivision", " sub-division", " sub-district", " subdistrict", " sub-prefecture", " subprefecture",
)
_SETTLEMENT_AFTER = re.compile(r"[ \t]+(?:town|village|city|hamlet)\b")


def settlement_beside_area(m: Mention, text: str, longer: str) -> bool:
    """Whether ``m`` is a town the words after it call one ("Nacuale town") and ``longer``
    the area named after it ("Nacuale district"): two places, not one name and its part."""
    return _SETTLEMENT_AFTER.match(text, m.end) is not None and _ADMIN_NOUN_END.search(longer.lower()) is not None


def without_admin_noun(name: str) -> str | None:
    """"Yakla district" -> "Yakla": the area's name as news also writes it alone (None when
    the name ends in no lower-case area noun)."""
    bare = _ADMIN_NOUN_END.sub("", name)
    return bare if bare != name and bare else None


def extend_to_admin_noun(m: Mention, text: str) -> Mention:
    """"Oudalan" + " province": the area an unknown name and a lower-case area noun name
    together (the caller keeps known places as they are, for the knowledge base's regions)."""
    hit = ADMIN_NOUN_AFTER.match(text, m.end)
    if hit is None or m.source != "ner" or m.kb_id is not None or not m.text[:1].isupper() or is_group_word(m.text.split()[-1]):
        return m  # "the Ukrainian territory" is no area's name
    if hit.group(1) == "department" and not department_area(m.text):
        return m  # "the Health department" is a body's
    end = hit.end(1)
    return Mention(m.start, end, text[m.start : end], "GPE", "ner", None, m.sentence)


def initials_form(name: str) -> bool:
    """"V. Putin", "J.R. Smith": initials and a surname."""
    words = name.split()
    return len(words) > 1 and all(len(w.replace(".", "")) <= 2 and w[:1].isupper() and w.endswith(".") for w in words[:-1])


# "the town of Ramia", "the village of Dorgumi": a capitalised name after a place noun and "of".
PLACE_OF_NAME = re.compile(
    r"\b(?:town|village|hamlet|settlement|city|neighbou?rhood|district|camp|locality|township|community|area)\s+of\s+"
    r"((?:[A-Z][\w'’]*(?:-[\w'’]+)*)(?:[ \t]+(?:al|el|ad|as|ash|an|ar|az|de|del)?-?[A-Z][\w'’]*(?:-[\w'’]+)*){0,2})"
)  # the name's words on one line: "the town of Kovri\n\nOn Monday" is Kovri


# "Semum village", "the Egbekaw village": a capitalised name before a lower-case place noun.
NAME_VILLAGE = re.compile(
    r"(?<![\w'’-])((?:[A-Z][\w'’]*(?:-[\w'’]+)*)(?:[ \t]+(?:al|el|ad|as|an|ar|az|de|del)?-?[A-Z][\w'’]*(?:-[\w'’]+)*){0,2})[ \t]+(?:village|hamlet|settlement|township|locality|community|area|neighbou?rhood)\b"
)


# "in Macomia district": an area's name and its lower-case noun, one name together.
# "Mocimboa da Praia district": a Portuguese, Spanish or French particle may join the name's words.
NAME_AREA = re.compile(r"(?<![\w'’-])((?:[A-Z][\w'’]*(?:-[\w'’]+)*)(?:[ \t]+(?:(?:da|de|do|dos|das|del|du)[ \t]+)?[A-Z][\w'’]*(?:-[\w'’]+)*){0,2}[ \t]+(?:district|township|territory|county|governorate|parish|subdivision|sub-division|sub-county|subcounty|department))\b")
# "the West region", "the Far North region": regions named by their quarter (Cameroon's, Burkina Faso's).
QUARTER_AREA = re.compile(
    r"(?<![\w'’])((?:Far[ \t]+)?(?:North|South|East|West|Centre|Center|Central)(?:-?(?:[Ee]ast|[Ww]est|North|South|Nord|Sud|Est|Ouest))?[ \t]+(?:region|province))\b"
)


def cued_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """Names the recogniser missed where the words around them say they are places
    ("the town of Ramia", "Semum village", "Nacuale district"): new place mentions, where
    no mention overlaps them."""
    out = []
    for m in [*PLACE_OF_NAME.finditer(text), *NAME_VILLAGE.finditer(text), *NAME_AREA.finditer(text), *QUARTER_AREA.finditer(text)]:
        start, end = m.span(1)
        start = max([start] + [i + 3 for i in (text.rfind("'s ", start, end), text.rfind("’s ", start, end)) if i >= 0])  # "Marpal's Kotri village": the village
        if m.re is NAME_AREA and (is_group_word(m.group(1).split()[0]) or m.group(1).split()[0].lower() in GENERIC_WORDS):
            continue  # "the Ukrainian territory", "the Northern district"
        if m.re is NAME_AREA and m.group(1).endswith(" department") and not department_area(m.group(1)[: -len(" department")]):
            continue  # "the State department", "the Fire department": a body's
        # A model's span inside the cued name ("Lac" of "the Lac Bleu neighbourhood") gives way to it.
        if any(o.start < end and start < o.end and not (o.source == "ner" and start <= o.start and o.end <= end and o.end - o.start < end - start) for o in mentions):
            continue
        if text[start:end].lower() in GENERIC_WORDS or not unclaimed(start, end, out):
            continue
        if start == 0 or text[start - 1] == "\n" or text[max(0, start - 2) : start] in (". ", "? ", "! "):
            if text[start:end].split()[0].lower() in {"the", "a", "an", "in", "one", "another", "every", "each", "this", "that"}:
                continue  # a sentence's first word
        out.append(Mention(start, end, text[start:end], "GPE", "ner"))
    if any(h in text for h in SHELTER_HEADS):  # the pattern's cheap gate: a facility's head word in the text
        out += [Mention(start, end, text[start:end], "FAC", "ner") for start, end in (h.span(1) for h in SHELTER_SITE.finditer(text)) if unclaimed(start, end, mentions + out)]
    out += list_gap_names(text, mentions + out)  # kg/listgaps.py
    return out + between_names(text, mentions + out)


def unclaimed(start: int, end: int, mentions) -> bool:
    """Whether no mention overlaps the span [start, end): a name found by a rule is added
    only where the recogniser found nothing."""
    return not any(o.start < end and start < o.end for o in mentions)


def unclaimed_group(pattern: re.Pattern, text: str, mentions, label: str) -> list[Mention]:
    """A mention of ``label`` for each match's first group that no mention overlaps."""
    return [Mention(h.start(1), h.end(1), h.group(1), label, "ner") for h in pattern.finditer(text) if unclaimed(h.start(1), h.end(1), mentions)]


# "Governor Meera Tandon", "Lieutenant-Colonel Paul Ekane Mbida": a capitalised title
# and two or three capitalised words after it, no more, are a person's name.
TITLED_NAME = re.compile(
    r"\b(?:(?:Governor|Mayor|President|Minister|Senator|General|Colonel|Lieutenant|Major|Captain|Commander|Brigadier|Admiral|Spokesman|Spokeswoman|Sheikh|Inspector|Superintendent|Constable|Corporal|Sergeant|Commissioner"
    r"|Havildar|Sepoy|Naik|Subedar|Rifleman)s?"
    r"|(?:Col|Gen|Lt|Maj|Capt|Sgt|Brig|Cmdr|Cdr|Adm|Cpl|Gov|Sen|Insp|Supt)\."  # the wire style's abbreviated ranks ("said Col. Tar Phone Kyaw")
    r"|(?:" + "|".join(sorted(RANK_ACRONYMS)) + r"))"  # "Constables Kamal Ahmad and ...", "ASP Yazid Abdulahi"
    r"((?:\s+[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?){2,4})(?!\s+[A-Z]|[\w'’-])"
)


def titled_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """Names after a capitalised title that the recogniser missed: person mentions,
    where no mention overlaps them (titles that follow the first are no part of the name:
    "Major General Ihor Tantsyura")."""
    out = []
    for hit in TITLED_NAME.finditer(text):
        start, end = hit.span(1)
        words = hit.group(1).split()
        while words and words[0].lower() in TITLES:
            words.pop(0)
        if len(words) < 2 or words[0].lower() in GENERIC_WORDS:
            continue
        start = text.index(words[0], start)
        if words[-1] in PLACE_HEADS or words[-1] in ORG_HEADS:
            continue  # "General Gaddafi Stadium"
        # A rule's one word inside gives way ("Havildar Kundan Singh Rawat": no "Kundan" party).
        if unclaimed(start, end, [o for o in mentions if not (o.source == "kb" and " " not in o.text and start <= o.start and o.end <= end)]):
            out.append(Mention(start, end, text[start:end], "PERSON", "ner"))
    return out + apposed_people(text, lambda s, e: unclaimed(s, e, mentions + out))  # kg/posts.py: "Lway, an official"


# ',” Fedorov wrote.': the speaker a quotation is given to, a name before a verb of saying.
QUOTED_SPEAKER = re.compile(
    r"[,.!?][”\"][ \t]+((?:[A-Z][a-zà-ÿ'’-]+[ \t]+){0,2}[A-Z][a-zà-ÿ'’-]+)[ \t]+(?:said|says|wrote|writes|added|told|stated|posted|noted|explained|stressed|warned)\b"
)
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "this", "that", "these", "those", "one", "another", "officials", "police"}


def quoted_speakers(text: str, mentions: list[Mention]) -> list[Mention]:
    """The names quotations are given to (',” Fedorov wrote.') that the recogniser
    missed: person mentions, titles before the name left out, where no mention overlaps."""
    out = []
    for hit in QUOTED_SPEAKER.finditer(text):
        words = hit.group(1).split()
        while words and words[0].lower() in TITLES:
            words.pop(0)
        if not words or words[0].lower() in _PRONOUNS or any(w.lower() in GENERIC_WORDS for w in words):
            continue
        start = text.index(words[0], hit.start(1))
        end = hit.end(1)
        if unclaimed(start, end, mentions):
            out.append(Mention(start, end, text[start:end], "PERSON", "ner"))
    return out


# "Amal Organisation, a rights group, ...": capitalised words ending in a body's head word.
HEADED_NAME = re.compile(
    r"(?<![\w'’-])((?:[A-Z][\w'’]+(?:-[A-Z][\w'’]+)?[ \t]+){1,4}(?:Organisation|Organization|Foundation|Association|Network|Movement|Front|Brigades?"
    r"|Battalion|Council|Committees?|Union|Party|Coalition|Alliance|Agency|Institute|Observatory|Commission|Corps|Group))\b"
)
_NOT_NAME_START = {"The", "A", "An", "By", "In", "On", "At", "Of", "For", "From", "With", "And", "But", "This", "That", "Its", "Their", "His", "Her"}


def headed_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """Names of bodies the recogniser missed, told by their head word: organisation
    mentions, a leading "The" left out, where no mention overlaps them."""
    out = []
    for hit in HEADED_NAME.finditer(text):
        words = hit.group(1).split()
        while words and words[0] in _NOT_NAME_START:
            words.pop(0)
        if len(words) < 2 or words[0].lower() in GENERIC_WORDS:
            continue
        start, end = text.index(words[0], hit.start(1)), hit.end(1)
        if unclaimed(start, end, mentions):
            out.append(Mention(start, end, text[start:end], "ORG", "ner"))
    return out


# "..., PRNigeria reported.": a name written in mixed capitals that reports is an outlet.
REPORTING_NAME = re.compile(r"(?<![\w'’-])([A-Z][a-z0-9]*[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)[ \t]+(?:reported|reports|quoted)\b")


def reporting_outlets(text: str, mentions: list[Mention]) -> list[Mention]:
    """Outlets the recogniser missed, named in mixed capitals before "reported" ("PRNigeria",
    "TheCable"): organisation mentions, where no mention overlaps them."""
    return unclaimed_group(REPORTING_NAME, text, mentions, "ORG")


_FIRST_NAME_BEFORE = re.compile(r"(?:^|(?<=[.!?][ \t])|(?<=\n))([A-Z][a-zà-ÿ]{2,})[ \t]$")


def given_names_back(mentions: list[Mention], text: str) -> list[Mention]:
    """"... the attack. Ivan Sokolov, the governor, said": a one-word person span after a
    capitalised word that opens the sentence, which the article never writes in lower case
    and no mention holds, runs back over it (the given name the model left out)."""
    out = []
    for m in mentions:
        hit = _FIRST_NAME_BEFORE.search(text, max(0, m.start - 30), m.start) if m.label == "PERSON" and " " not in m.text else None
        if hit is not None:
            word = hit.group(1)
            common = word.lower() in GENERIC_WORDS | _PRONOUNS | LEADING_WORDS or is_group_word(m.text) or word in _NOT_NAME_START or is_title_word(word) or re.search(rf"\b{word.lower()}\b", text)
            if not common and not any(o.start < m.start and hit.start(1) < o.end for o in mentions if o is not m):
                m = Mention(hit.start(1), m.end, text[hit.start(1) : m.end], "PERSON", m.source, None, m.sentence)
        out.append(m)
    return out


# "the 29th Brigade", "the 47th Separate Mechanized Brigade", "the 2nd Division": a numbered unit.
UNIT_NAME = re.compile(
    r"\b\d{1,3}(?:st|nd|rd|th)(?:[ \t]+[A-Z][a-z]+){0,3}?[ \t]+(?:Brigade|Division|Battalion|Regiment|Corps|Army|Fleet|Squadron|Flotilla|Detachment|Unit)s?\b"
)


def unit_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """Numbered military units, which the recogniser misses or cuts after the number
    ("29th" + "Brigade of the Army"): an organisation mention each, in place of the
    model's spans it overlaps (a knowledge-base match of the same words stays)."""
    found = [(h.start(), h.end()) for h in UNIT_NAME.finditer(text)]
    if not found:
        return mentions
    kept = [m for m in mentions if m.source != "ner" or not any(m.start < e and s < m.end for s, e in found)]
    for s, e in found:
        if not any(o.start <= s and e <= o.end for o in kept):
            kept = [o for o in kept if not (o.start < e and s < o.end)]
            kept.append(Mention(s, e, text[s:e], "ORG", "ner"))
    return sorted(kept, key=lambda m: m.start)


# "Damascus airport", "the Kuibyshev refinery", "Koniko gas field": a place's name and a
# facility noun in lower case are the facility.
FACILITY_AFTER = re.compile(
    r"[ \t]+(airport|airbase|air\s+base|refinery|oil\s+refinery|gas\s+field|oil\s+field|oilfield|power\s+plant|power\s+station|nuclear\s+plant|nuclear\s+power\s+plant|thermal\s+power\s+plant|dam|military\s+base"
    r"|road|street|highway|river|market|bazaar|shopping\s+(?:center|centre|mall)|mall|mosque|hospital|port(?!\s+(?:of|city|town)\b)|factory|plant|displacement\s+camp|refugee\s+camp"
    r"|warehouse|depot|junction|roundabout|checkpoint|(?:railway|railroad|train|bus|metro)\s+station|bus\s+(?:stand|terminal)|crossing"
    r"|bridge|national\s+park|natur(?:e|al)\s+reserve|game\s+reserve|forest\s+reserve|forest"
    r"|school|clinic|health\s+cent(?:re|er)|prison"  # "Nyaboro school", "the Kovra health centre"
    r"|mountains|hills|mountain\s+range|valley"  # "the Kavira mountains", "the Tolo valley": ranges and valleys named after a peak or a people
    r"|shopping\s+(?:cent(?:re|er)|mall)|mall|hotel|stadium|church|cathedral|university"  # "the Westlo shopping centre"
    # "Toklo police station", "the Asghar fuel station" (not "the Kutru police station area": the area)
    r"|(?:police|army|security)\s+(?:station|post|checkpoint|outpost)(?![ \t]+(?:area|limits|jurisdiction))|(?:fuel|petrol|filling|gas)\s+(?:station|pump))\b"
)
_PLACE_LABELS = {"GPE", "LOC", "FAC", "KB", "KB|GPE", "KB|LOC", "KB|FAC", "KB|ORG", "KB|PERSON", "ORG", "PERSON"}


_BODY_RUN_NOUNS = {"school", "clinic", "prison"}
_INDEFINITE_BEFORE = re.compile(r"(?<![\w'’-])(?:a|an)[ \t]+$")
_BUILDING_END = re.compile(r"[ \t](?:hospital|clinic|health[ \t]+cent(?:re|er)|school|college|university|prison|jail|mosque|church|airport|airbase|market|bazaar|factory|refinery|station)$")


def facility_named_after(name: str, longer: str) -> bool:
    """Whether ``longer`` is a building named after the place ``name`` ("Tolmo hospital",
    "Tolmo Hospital", "Dolvak Subcounty Referral Hospital"): the town an institution is
    named for is another place, so its bare name is no short form of the building's (as
    "Yakla" is of "Yakla district"). A spot on the map named so ("Zobe junction", "the
    Kuru bridge") is what its bare name means, and is left to join."""
    return longer.startswith(name + " ") and _BUILDING_END.search(longer[len(name) :].lower()) is not None


def extend_to_facility(m: Mention, text: str) -> Mention:
    """Run a place's name on over the lower-case facility noun after it: the facility
    ("Erbil airport"), a place of its own, looked up by its whole name."""
    if m.label not in _PLACE_LABELS and not (m.label == "NORP" and not is_group_word(m.text)):
        return m  # a people's word ("the Shia mosque") names no facility; "the Noor mosque" does
    hit = FACILITY_AFTER.match(text, m.end)
    if hit is None or (m.text.isupper() and hit.group(1) in _BODY_RUN_NOUNS):
        return m  # "the UNRWA school": a body's school, the body named
    if m.label.startswith("KB") and _INDEFINITE_BEFORE.search(text, max(0, m.start - 4), m.start):
        return m  # "a Kisumu prison": one of a known town's, no name ("a Kovra factory" is the factory's)
    end = hit.end(1)
    return Mention(m.start, end, text[m.start : end], "FAC", "ner", None, m.sentence)
