"""Name typing: what an unknown name is, decided from weighed evidence rather than a chain of rules.

The model's label is one witness among several, and a poor one for names it never saw
(a village it calls a person, a one-word town it calls an organisation). So each piece
of evidence -- the label (weighted by what the model is known to confuse), the name's own
words ("Kfar", "-abad", "Hospital", "Brigade"), the words around it ("the village of",
"Gen.", "spokesman for"), an apposition ("X, a town in"), the other items of a list it
stands in, and what the same name is elsewhere in the article -- adds a weight to a type.
The type is the argmax; the margin over the runner-up and every line of evidence are kept,
so that `kg explain` can show why a name got its type.

Two passes: :func:`local_decisions` reads each mention where it stands (before linking;
its type is what the linker expects of a knowledge-base candidate), and
:func:`kg.namepool.pooled_types` decides each unknown (NIL) name once per article from all its
mentions and from the entities the linker resolved around it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from kg.addresses import address_chains
from kg.areacuts import AREA_HEADS, admin_division
from kg.bodies import quartered_body
from kg.cueweights import CUE, HEAD_WORD, LIST_CUE, NAME_PREFIX, NAME_SUFFIX, PART_OF, SAYS, STRONG_CUE, WEAK_CUE
from kg.kb.base import fold
from kg.listgaps import list_runs
from kg.listplaces import mixed_name_lists
from kg.mentions import (
    DATELINE_AFTER,
    IN_PROVINCE_AFTER,
    LABEL_TYPES,
    NEXT_WORD,
    ORG_HEADS,
    ORG_NOT_AFTER,
    ORG_NOUNS,
    PERSON_NOT_AFTER,
    PLACE_AFTER_VERB,
    PLACE_BEFORE,
    PLACE_HEADS,
    PLACE_NOUNS,
    model_label,
)
from kg.namejunk import PEOPLE_JUNK, namejunk_reason, seat_cue
from kg.names import ACRONYM_RE, CREDIT_WORDS, FIGHTER_NOUNS, PERSON_DESCRIPTORS, TITLE_ACRONYMS, TITLE_HEADS, TITLES, is_group_word, written_in_lower_case
from kg.orgjunk import org_junk_reason
from kg.placeareas import area_phrase_cues
from kg.placecues import LOCATED_BEFORE, before_place_cues, department_area, placed_community, possessor_place_cues
from kg.typecues import (
    AGE_AFTER,
    HOLIDAYS,
    TIME_ZONES,
    common_noun_capitalised,
    context_cues,
    day_or_law,
    misspelt_weekday,
    name_cues,
    numbered_label,
    plural_head,
    post_words,
)
from kg.types import Mention

NAME_TYPES = ("Person", "Place", "Organization")
# A decision closer than this to the runner-up falls back on the model's label.
MARGIN = 0.05

# What the model's label says, by label and by the shape of the name. en_core_web_sm,
# on news from places it was not trained on, calls one-word villages and towns PERSON
# or ORG often; a GPE is seldom anything but a place; a multi-word PERSON is seldom
# wrong. The rows say how much each label is worth to each type.
LABEL_WEIGHTS: dict[str, dict[str, float]] = {
    "GPE": {"Place": 1.0, "Organization": 0.1},
    "LOC": {"Place": 1.0},
    "FAC": {"Place": 1.0, "Organization": 0.1},
    "PERSON": {"Person": 1.0, "Place": 0.15, "Organization": 0.1},
    "PERSON/1": {"Person": 0.5, "Place": 0.35, "Organization": 0.1},
    "ORG": {"Organization": 1.0, "Place": 0.2},
    "ORG/1": {"Organization": 0.6, "Place": 0.4},
    "ORG/acronym": {"Organization": 1.0},
    # A facility's name has a head noun ("... Bridge", "... Airport", "... Road"): a name the
    # model calls a facility without one is a guess, as often a village or a person as a site.
    "FAC/headless": {"Place": 0.6, "Person": 0.25, "Organization": 0.15},
    "OUTLET": {"Organization": 3.0},
}

# Words that open a place's name ("Kfar Aza", "Deir al-Balah", "Camp Lemonnier").
PLACE_PREFIXES = {
    "Kfar", "Kafr", "Tel", "Tell", "Tal", "Beit", "Bayt", "Deir", "Dayr", "Khirbet", "Kherbet", "Khirbat", "Ein", "Ain",
    "Ras", "Bir", "Wadi", "Jabal", "Jebel", "Camp", "Fort", "Port", "Mount", "Mt", "Lake", "Cape", "Gulf", "Nahr",
    "Qasr", "Kampong", "Kampung", "Puerto", "Ciudad", "Villa", "Nueva", "Nuevo", "Bandar", "Kibbutz", "Moshav",
    "Cité", "Morne", "Anse", "Bourg", "Quartier", "Pointe", "Vila", "São", "Debre",  # French (Haiti, West Africa) and Portuguese ("Cité Soleil", "Morne Cabrit")
}
# Words that open an armed group's or movement's name in Arabic, Urdu and Pashto
# ("Jaish al-Adl", "Harakat al-Nujaba", "Kataib Hezbollah", "Lashkar-e-Jhangvi").
ORG_PREFIXES = {
    "Jaish", "Jaysh", "Jabhat", "Harakat", "Harakah", "Hizb", "Hezb", "Liwa", "Kataib", "Kata'ib", "Kata’ib", "Saraya",
    "Jamaat", "Jama'at", "Jama’at", "Tehreek", "Tehrik", "Lashkar", "Jund", "Tanzim", "Majlis", "Asaib", "Asa'ib",
    "Operation",  # "Operation Desert Guard": a military operation, the force that conducts it, never a place
}
# Endings of one-word place names ("Jalalabad", "Kramatorsk", "Hyderabad", "Brazzaville").
PLACE_SUFFIX_RE = re.compile(
    r"(?:abad|ville|pur|pura|puram|nagar|grad|gorod|stan|burg|bourg|polis|ivka|ivske|yivka|ovka|evka|yevka|ovsk|ivsk"
    r"|opol|opil|shahr|kend|garh|dorf|hausen)$"
)
# Words that make a name an organisation's when "of" or "for" follows them inside it
# ("Office for the Coordination of ...", "Defense Forces of the South of Ukraine").
ORG_OF_HEADS = ORG_HEADS | {"Staff", "Committees", "Commissions", "Ministries", "Brigades", "Mission", "Department", "Bureau", "Observatory"}
PLACE_OF_HEADS = {"Port", "Province", "Region", "District", "Governorate", "Municipality", "Island", "Gulf", "Bay", "Strait", "City"}

# Lower-case nouns after a name that make it a place's, beside the shared PLACE_NOUNS (plurals as their singular: "Kyauk Taw villages").
PLACE_NOUNS_AFTER = set(PLACE_NOUNS) | {"community", "junction", "roundabout", "checkpoint", "ward", "zone", "commune", "quarter", "enclave", "estate", "colony"}
COMPANY_AFTER = re.compile(r"[ \t]+[a-z]+[ \t]+(?:[a-z]+[ \t]+)?(?:company|corporation|firm|operator)\b")  # "the Yasno energy company"
PLACE_PHRASE_AFTER = re.compile(r"[ \t]+(?:administrative\s+post|local\s+government(?:\s+area)?|police\s+station|refugee\s+camp|IDP\s+camp)\b")
# Capitalised head words of facilities and sites beside the shared PLACE_HEADS ("Dar al-Amal Home").
EXTRA_PLACE_HEADS = {"Home", "Shelter", "Junction", "Roundabout", "Checkpoint", "Factory", "Township", "Colony", "Plaza", "Zone", "Area"} | AREA_HEADS  # kg/spancuts.py: "Tofa LGA", "Koro Cercle"
# "in south Abujhmaad", "between Markoye and Tokabangou", "from Marte": where a one-word name is most likely a place's.
PLACE_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|near|nearby|outside|into|towards?|around|across|from|between)\s+(?:(?:north|south|east|west|central)(?:ern|east|west)?\s+)?$"
)
BETWEEN_AND_BEFORE = re.compile(r"\bbetween\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+and\s+$")
THE_PEOPLES_BEFORE = re.compile(r"\b[Tt]he\s+(?:[A-Z][\w'’-]+(?:,\s+|,?\s+and\s+))?$")  # "the Meitei and " Kuki communities
PEOPLE_AFTER = re.compile(r"\s+(?:people|peoples|community|communities|tribe|tribes|clan|clans|family|families|ethnic\s+group)\b")
_PEOPLE_JUNK = PEOPLE_JUNK  # kg/namejunk.py reads peoples too
COMPOUND_PREFIXES = {"left", "right", "far", "pro", "anti", "non", "ultra", "counter", "self", "cross", "post", "pre", "semi", "neo", "multi"}
COMPOUND_AFTER = re.compile(r"-[a-z]")

# Appositions: ", a town in ...", ", the group's leader", ", an armed group".
APPOSITION = re.compile(r"^,\s+(?:a|an|the|its|his|her|their)\s+((?:(?:[a-z]|\d{1,3}-year-old\b)[\w'’-]*\s+){0,3}[a-z][\w'’-]*)")  # ", a 54-year-old trader"
_APPOSITION_STOP = {"in", "of", "on", "at", "near", "that", "which", "who", "whose", "and", "with", "from", "for", "by", "to", "based"}
_APPOSITION_STOP |= {"close", "located", "situated", "lying", "just", "some", "about", "bordering", "not", "where"}  # ", a neighbouring town close to X"
# Title words that are adjectives before another title ("foreign minister"), not a person's noun.
_ADJECTIVE_TITLES = {"foreign", "defence", "defense", "interior", "vice", "former", "ex", "acting", "supreme", "field", "prime", "justice", "saint"}
# Words that open only a person's name ("Alhaji Musa Bello"; not "Malam": "Malam Dunari" is a town).
HONORIFICS = {"mr", "mrs", "ms", "alhaji", "hajiya"}
PERSON_NOUNS = (TITLES | PERSON_DESCRIPTORS | {"man", "woman", "boy", "girl", "member", "militant", "representative", "administrator", "coordinator"}) - _ADJECTIVE_TITLES
PLACE_APPOSITION = set(PLACE_NOUNS) | {
    "capital", "port", "enclave", "state", "country", "island", "stronghold", "municipality", "commune", "kibbutz",
    "shelter", "school", "facility", "site", "building", "compound", "mosque", "church", "market", "centre", "center",
}
ORG_APPOSITION = set(ORG_NOUNS) | {
    "organisation", "organization", "outlet", "broadcaster", "monitor", "faction", "coalition", "alliance", "network",
    "body", "wing", "affiliate", "offshoot", "organ", "firm", "charity", "ngo", "website", "daily", "publication",
}
_FACILITY_WORDS = {"hospital", "airport", "school", "road", "bridge", "market", "camp", "base", "station", "park", "forest", "mosque", "church", "prison", "dam", "port"}
# Words before a name that say whose it is.
BYLINE_BEFORE = re.compile(r"(?:^|\n)\s*(?:[Bb]y|BY|[Ww]ritten by|[Rr]eporting by)\s+$")
ORG_BEFORE = re.compile(
    r"\b(?:spokes(?:man|woman|person)|spokespeople|members?|fighters?|militants?|leader|leadership|chief|head|officials?|commanders?|founder)\s+(?:for|of)\s+(?:the\s+)?$"
    r"|\b(?:joined|according to the|told the)\s+$"
)
TOLD_BEFORE = re.compile(r"\btold\s+$")
# "an old farmer known as Mallam Garba", "a police constable named Sajid Mehsud": a person's noun, then the name.
NAMED_BEFORE = re.compile(r"\b([a-z]+)\s+(?:(?:known|identified)\s+as|named|called)\s+$")
PLACE_OF_PERSON_BEFORE = re.compile(r"\b(?:(?:mayor|governor|residents?|people|inhabitants|outskirts|suburbs?|streets?)\s+of|residents?\s+(?:at|in))\s+(?:the\s+)?$", re.I)
SAYS_AFTER = re.compile(r"^\s+(?:said|says|told|added|wrote|stated)\b")
LED_BY_BEFORE = re.compile(r"\b(?:led|headed|commanded|founded)[ \t]+by[ \t]+$")
WHO_AFTER = re.compile(r"^,?\s+who\b")
# "kibbutz Be’eri", "in village Dorgumi": a lower-case place noun right before the name.
_PLACE_NOUN_BEFORE = {"kibbutz", "moshav", "village", "town", "township", "hamlet", "camp", "city", "villages", "towns"}
# "the armed group Pedro Salcedo", "the newspaper Le Faso": a lower-case body's noun right before the name.
_ORG_NOUN_BEFORE = {"group", "militia", "movement", "faction", "gang", "cartel", "outlet", "newspaper", "broadcaster", "daily", "agency", "party", "organisation", "organization", "brigade", "battalion", "network"}
_PLACE_BEFORE_EXTRA = re.compile(r"\b(?:port|kibbutz|capital|suburb|commune|community|municipality|island|islands|camp|refugee camp|state)s?\s+of\s+(?:the\s+)?$", re.I)


@dataclass(frozen=True)
class Evidence:
    """One reason for a type, with its weight. ``kind``: label, name, context, list, article."""

    type: str
    weight: float
    kind: str
    reason: str
    spreads: bool = False  # a cue that governs a whole list ("the villages of A, B and C")


@dataclass
class TypeDecision:
    """The evidence for one mention (or, pooled, one name) and the type it gives."""

    evidence: list[Evidence] = field(default_factory=list)
    fallback: str | None = None  # the model label's type, which breaks ties
    junk: str | None = None  # why the name is no entity's at all ("a time zone"), if it is not

    @property
    def scores(self) -> dict[str, float]:
        out: dict[str, float] = defaultdict(float)
        for e in self.evidence:
            out[e.type] += e.weight
        return {t: round(out[t], 3) for t in NAME_TYPES if t in out}

    @property
    def ranked(self) -> list[tuple[str, float]]:
        return sorted(self.scores.items(), key=lambda x: (-x[1], x[0] != self.fallback))

    @property
    def margin(self) -> float:
        r = self.ranked
        if not r:
            return 0.0
        return round(r[0][1] - (r[1][1] if len(r) > 1 else 0.0), 3)

    @property
    def type(self) -> str | None:
        """The argmax; when the runner-up is within :data:`MARGIN`, the model's label."""
        r = self.ranked
        if not r or r[0][1] <= 0:
            return self.fallback
        if len(r) > 1 and r[0][1] - r[1][1] < MARGIN and self.fallback in (r[0][0], r[1][0]):
            return self.fallback
        return r[0][0]

    @property
    def cue_type(self) -> str | None:
        """The type the cues alone give (the name's words, the words around it, its list;
        not the model's label, not the article), when any cue of a weak cue's weight speaks."""
        scores: Counter = Counter()
        for e in self.evidence:
            if e.kind in ("name", "context", "list") and e.weight >= WEAK_CUE:
                scores[e.type] += e.weight
        return scores.most_common(1)[0][0] if scores else None

    @property
    def cued_strongly(self) -> bool:
        """Whether a cue of the name's own words or of the words around it (not the label,
        not a list, not the article) is a full cue's weight for the chosen type."""
        return any(e.kind in ("name", "context") and e.type == self.type and e.weight >= CUE for e in self.evidence)

    @property
    def cued(self) -> bool:
        """Whether anything beside the model's label spoke."""
        return any(e.kind != "label" for e in self.evidence)


def _label_key(m: Mention) -> str | None:
    label = model_label(m) if m.label != "OUTLET" else "OUTLET"
    if label == "PER":
        label = "PERSON"
    if label not in LABEL_WEIGHTS:
        return None
    words = m.text.split()
    if label == "ORG" and ACRONYM_RE.fullmatch(m.text):
        return "ORG/acronym"
    if label in ("PERSON", "ORG") and len(words) == 1:
        return f"{label}/1"
    if label == "FAC" and not any(w in PLACE_HEADS or w in EXTRA_PLACE_HEADS or w.lower() in _FACILITY_WORDS for w in words):
        return "FAC/headless"
    return label


def label_evidence(m: Mention) -> list[Evidence]:
    """The model's label, as weighed by :data:`LABEL_WEIGHTS`."""
    key = _label_key(m)
    if key is None:
        return []
    return [Evidence(t, w, "label", f"model label {m.label}" + (" (one word)" if key.endswith("/1") else "")) for t, w in LABEL_WEIGHTS[key].items()]


def name_evidence(name: str) -> list[Evidence]:
    """What the name's own words say: its head word, a place's prefix or ending, an
    organisation's head before "of"/"for" or before the quarter a unit serves."""
    return list(_name_evidence(name))


@lru_cache(maxsize=1 << 15)
def _name_evidence(name: str) -> tuple[Evidence, ...]:
    # Memoised: a pure function of the name and the word lists (Evidence is frozen), asked
    # for every mention, and names recur within an article and across articles.
    words, out = name.split(), []
    if len(words) > 1 and (words[-1] in PLACE_HEADS or words[-1] in EXTRA_PLACE_HEADS or (words[-1].islower() and words[-1].capitalize() in PLACE_HEADS)):
        out.append(Evidence("Place", HEAD_WORD, "name", f"head word {words[-1]!r}", spreads=True))  # "at X railway station, Y and Z": the list is of sites
    elif len(words) > 1 and admin_division(name):  # kg/spancuts.py: "Tera Department", "Mayo Kani Division", not "Fire Department"
        out.append(Evidence("Place", HEAD_WORD, "name", f"head word {words[-1]!r} after an area's name", spreads=True))
    elif len(words) > 1 and (words[-1] in ORG_HEADS or plural_head(words[-1]) or quartered_body(name)):  # "Defense Forces South"
        out.append(Evidence("Organization", HEAD_WORD, "name", f"head word {words[-1]!r}"))
    if " Task Force " in f" {name} " and not name.endswith("Task Force"):
        out.append(Evidence("Organization", HEAD_WORD, "name", "'Task Force' before its designation"))  # "Joint Task Force Delta"
    for i, w in enumerate(words[:-1]):
        if words[i + 1] in ("of", "for"):
            if w in ORG_OF_HEADS:
                out.append(Evidence("Organization", HEAD_WORD, "name", f"{w!r} {words[i + 1]!r} inside the name"))
                break
            if w in PLACE_OF_HEADS:
                out.append(Evidence("Place", HEAD_WORD, "name", f"{w!r} {words[i + 1]!r} inside the name"))
                break
    if len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
        out.append(Evidence("Person", CUE, "name", f"honorific {words[0]!r}"))
    opener = words[0].split("-")[0] if words else ""
    if (len(words) > 1 or opener != words[0]) and opener in ORG_PREFIXES:
        out.append(Evidence("Organization", HEAD_WORD, "name", f"armed group's opening word {opener!r}"))
    if len(words) > 1 and words[0] in PLACE_PREFIXES:
        out.append(Evidence("Place", NAME_PREFIX, "name", f"place prefix {words[0]!r}"))
    if len(words) == 1 and len(name) > 5 and name[:1].isupper() and PLACE_SUFFIX_RE.search(name.lower()):
        out.append(Evidence("Place", NAME_SUFFIX, "name", f"place ending -{PLACE_SUFFIX_RE.search(name.lower()).group(0)}"))
    return tuple(out + [Evidence(*c) for c in name_cues(name)])


_REPORTED = re.compile(r"(?:\s+[\w'’-]+){0,4}?\s+(?:said|says|reported|reports|told|added|claimed)\b")


def _apposition_head(after: str) -> str | None:
    hit = APPOSITION.match(after)
    if hit is None or _REPORTED.match(after, hit.end()):
        return None  # "Jets struck X, a monitor in Syria said": the speaker, not an apposition
    words = []
    for w in hit.group(1).split():
        if w in _APPOSITION_STOP:
            break
        words.append(w)
    return words[-1].strip("'’") if words else None


_COMPASS = {"north", "south", "east", "west", "central", "northeast", "northwest", "southeast", "southwest"}
# The last words the before-patterns of context_evidence can end in.
_BEFORE_GATE = (
    {"of", "near", "nearby", "outside", "the", "in", "into", "toward", "towards", "around", "across", "from", "between", "and", "on"}
    | {"against", "hit", "struck", "overran", "by", "for", "joined", "to", "told", "as", "at"}
    | {"invade", "storm", "raid", "overrun", "ransack", "torch", "attack"}  # "tried to invade X" (kg/placecues.py)
    | _COMPASS
    | {c + "ern" for c in _COMPASS}
)


def context_evidence(m: Mention, text: str, label_type: str | None) -> list[Evidence]:
    """What the words around the mention say: place cues, titles, bylines, appositions."""
    out: list[Evidence] = []
    words = m.text.split()
    after = text[m.end : m.end + 60]
    before = text[max(0, m.start - 40) : m.start]

    def add(type_: str, weight: float, reason: str, spreads: bool = False) -> None:
        out.append(Evidence(type_, weight, "context", reason, spreads))

    if IN_PROVINCE_AFTER.match(after):
        add("Place", STRONG_CUE, "followed by ', in <Name> province'")
    if DATELINE_AFTER.match(after) and (m.start == 0 or text[m.start - 1] == "\n"):
        add("Place", STRONG_CUE, "opens a dateline")
    head = _apposition_head(after)
    if head in PLACE_APPOSITION:
        add("Place", CUE, f"apposition ', ... {head}'")
    elif head in PERSON_NOUNS:
        add("Person", CUE, f"apposition ', ... {head}'")
    elif head in ORG_APPOSITION:
        add("Organization", CUE, f"apposition ', ... {head}'")
    if AGE_AFTER.match(after):
        add("Person", CUE, "followed by an age")
    nxt = NEXT_WORD.match(after)
    noun = nxt.group(1) if nxt else ""
    singular = noun[:-1] if len(noun) > 4 and noun.endswith("s") and noun[:-1] in PLACE_NOUNS_AFTER else noun
    if PLACE_PHRASE_AFTER.match(after):
        add("Place", CUE, f"followed by {PLACE_PHRASE_AFTER.match(after).group(0).strip()!r}", spreads=True)
    elif singular in PLACE_NOUNS_AFTER:
        add("Place", CUE, f"followed by {noun!r}", spreads=True)
    elif singular == "department" and department_area(m.text):  # kg/placecues.py
        add("Place", CUE, "followed by 'department' (an area's, not a field's)", spreads=True)
    elif noun in ORG_NOUNS or (label_type != "Place" and COMPANY_AFTER.match(after)):
        add("Organization", CUE, f"followed by {noun!r}", spreads=True)
    elif noun == "police":
        add("Place", WEAK_CUE, "followed by 'police' (a place's police)")
    bwords = before.split()
    last = bwords[-1].lower() if bwords else ""
    # The patterns below all end in one of a few words: most mentions skip them all.
    if last in _BEFORE_GATE or last.endswith("ed"):
        if PLACE_BEFORE.search(before) or _PLACE_BEFORE_EXTRA.search(before) or PLACE_OF_PERSON_BEFORE.search(before) or before.endswith(" nearby "):
            add("Place", CUE, f"after {' '.join(bwords[-2:])!r}", spreads=True)
        elif seat_cue(text, m.start, m.end):  # kg/namejunk.py: "the Emir of" X
            add("Place", STRONG_CUE, f"the seat after {' '.join(bwords[-2:])!r}")
        if label_type == "Person" and PERSON_NOT_AFTER.search(before):
            add("Place", WEAK_CUE, f"a 'person' after {bwords[-1]!r}")
        elif len(words) == 1 and label_type == "Person" and PLACE_PREPOSITION_BEFORE.search(before):
            add("Place", WEAK_CUE, f"a one-word name after {' '.join(bwords[-2:])!r}")
        if len(words) == 1 and label_type == "Person" and BETWEEN_AND_BEFORE.search(before):
            add("Place", WEAK_CUE, "the second of 'between X and Y'")
        # Only a "person": "an attack on Hamas", "talks between Israel and Hamas", "a statement
        # from Hamas" name an organisation the knowledge base knows, and a cue here would
        # make the linker expect a place ("Hamm").
        out += [Evidence(*c) for c in before_place_cues(m, before, label_type, _label_key(m))]  # kg/placecues.py
        # "a building in Nabatieh": a short unknown "organisation" after "in" is a place.
        if label_type == "Organization" and len(words) <= 2 and not any(w.isupper() for w in words) and ORG_NOT_AFTER.search(before):
            add("Place", WEAK_CUE, f"a short 'organisation' after {bwords[-1]!r}")
        if label_type in ("Person", "Organization") and PLACE_AFTER_VERB.search(before):
            add("Place", WEAK_CUE, f"object of {bwords[-1]!r}")
        if LOCATED_BEFORE.search(before):
            # "located at the Nile Valley Teachers College": the institution's site, a place.
            add("Place", HEAD_WORD + CUE, f"after {' '.join(bwords[-3:])!r}")
        if BYLINE_BEFORE.search(before):
            add("Person", CUE, "a byline's name", spreads=True)
        named = NAMED_BEFORE.search(before)
        if named is not None and named.group(1) in PERSON_NOUNS:
            add("Person", CUE, f"after {named.group(0).strip()!r}")
        elif named is not None and (named.group(1) in _ORG_NOUN_BEFORE or named.group(1).rstrip("s") in _ORG_NOUN_BEFORE | {"unit", "force"}):
            add("Organization", CUE, f"after {named.group(0).strip()!r}")  # "units called Vasaka", "a militia known as X": what the noun is
        if ORG_BEFORE.search(before) and singular not in PLACE_NOUNS_AFTER:  # "the head of the X area" heads a place
            add("Organization", CUE, f"after {' '.join(bwords[-2:])!r}", spreads=True)
        elif TOLD_BEFORE.search(before):
            add("Organization", SAYS * 2, "after 'told' (an outlet)")
    prev = bwords[-1].lower().rstrip(".") if bwords else ""
    if before.endswith(" ") and bwords and bwords[-1] in _PLACE_NOUN_BEFORE:
        add("Place", CUE, f"after {bwords[-1]!r}", spreads=True)
    if prev and prev in PERSON_NOUNS and not before.endswith("\n"):
        add("Person", CUE, f"after the title {bwords[-1]!r}")
    clause_type = _clause_type_before(text, m.start)
    if clause_type == "Person" and len(words) > 1:
        add("Person", WEAK_CUE, "after a title's clause and a comma ('the governor of the region, X')")
    elif clause_type == "Organization":
        add("Organization", CUE, "after a body's noun and a comma ('the ambulance agency, X')")
    if before.endswith(" ") and bwords and bwords[-1] in _ORG_NOUN_BEFORE:
        add("Organization", CUE, f"after {bwords[-1]!r}")
    if SAYS_AFTER.match(after):
        add("Person", SAYS, "speaks")
        add("Organization", SAYS, "speaks")
    if WHO_AFTER.match(after):
        add("Person", CUE / 2, "followed by 'who'")
    if not m.label.startswith("KB") and LED_BY_BEFORE.search(before):
        add("Person", WEAK_CUE, f"after {' '.join(bwords[-2:])!r} (a leader)")  # "the faction led by Khaplang"
    out += [Evidence(*c) for c in context_cues(text, m.start, m.end, len(words))]  # kg/typecues.py
    out += [Evidence(*c) for c in area_phrase_cues(m, text, label_type)]  # kg/placeareas.py: "the X corridor", "X's outskirts"
    return out


def _clause_type_before(text: str, start: int) -> str | None:
    """"the envoy of the governor in the province, X" (Person), "the country's
    emergency rescue agency, X" (Organization): the type of the noun phrase that the
    clause before a comma ending right before the name holds -- a person's noun anywhere
    in it, or a body's noun ending it."""
    if text[max(0, start - 2) : start] != ", ":
        return None
    clause = re.split(r"[.;:,\n!?]", text[max(0, start - 80) : start - 2])[-1]
    found = None
    for hit in _DETERMINED_PHRASE.finditer(clause):
        words = hit.group(1).split()
        if any(w in PERSON_NOUNS for w in words):
            return "Person"
        if hit.end() == len(clause.rstrip()) and words[-1] in ORG_APPOSITION:
            found = "Organization"
    return found


_DETERMINED_PHRASE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|\w+['’]s)\s+((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)(?=\s+(?:of|in|for|at|from|on)\b|\s*$)")


def junk_reason(m: Mention, text: str) -> str | None:
    """Why a span is no entity's name, when it is not: a time zone ("2145 GMT"), a
    holiday, a people ("the Druze people", "the Meitei and Kuki communities"), the first half of a lower-case compound
    ("Narco-banners"), or a capitalised common word opening a sentence that the article
    also writes in lower case ("Farmers had gone ...")."""
    name = m.text
    if name in TIME_ZONES:
        return "a time zone"
    if name.lower() in HOLIDAYS:
        return "a holiday"
    if m.kb_id is None and misspelt_weekday(name):
        return "a weekday's name misspelt ('Thurdsay')"
    if m.kb_id is None and not m.label.startswith("KB") and (why := day_or_law(name, text, m.end)):
        return why
    if m.kb_id is None and not m.label.startswith("KB") and (why := org_junk_reason(name, text, m.end, m.label)):
        return why  # kg/orgjunk.py: documents, vessels, acronyms of common words or posts
    if m.label == "NORP" and " " in name and is_group_word(name):
        return "a people's or a region's adjective ('West African')"
    if all(w.lower() in CREDIT_WORDS for w in name.split()):
        return "a credit line's words ('Photo Credit')"
    if name in TITLE_ACRONYMS:
        return "a title's (or a credit's) abbreviation"
    if m.kb_id is None and (why := numbered_label(name, text, m.start, m.end)):
        return why
    if post_words(name, text, m.end):
        return "the first words of a post's name ('Union Home Minister')"
    if common_noun_capitalised(name, text, m.start, m.end):
        return "a common noun after 'a' or 'an' ('inside a Church when')"
    if " " in name and name.split()[-1] in TITLE_HEADS and model_label(m) != "PERSON":
        return "a rank's or post's name ('Divisional Police Officer')"
    if model_label(m) == "PERSON" and m.kb_id is None and _FIGHTERS_AFTER.match(text, m.end) and _FIGHTERS_AFTER.match(text, m.end).group(1) in FIGHTER_NOUNS:
        return "a group's or a people's word before its fighters ('Naga insurgents')"
    if why := namejunk_reason(m, text):  # kg/namejunk.py: court titles, posts, peoples before their members' noun
        return why
    if PEOPLE_AFTER.match(text, m.end) and THE_PEOPLES_BEFORE.search(text, max(0, m.start - 50), m.start) and not placed_community(name, text, m.start, m.end):
        return _PEOPLE_JUNK
    if COMPOUND_AFTER.match(text, m.end):
        return "the first part of a lower-case compound"
    if " " not in name and name.split("-")[0].lower() in COMPOUND_PREFIXES and "-" in name:
        return "a compound of common words ('Left-Wing extremists')"
    if model_label(m) == "PERSON" and "-" in name.split()[0] and name.split("-")[0].lower() in COMPOUND_PREFIXES:
        return "a 'person' opening with a compound ('Anti-Naxal Operation')"
    if " " not in name and name[:1].isupper() and name[1:].islower() and (m.start == 0 or text[max(0, m.start - 2) : m.start] in (". ", "\n", "? ", "! ") or text[m.start - 1] == "\n"):
        if written_in_lower_case(name, text):
            return "a sentence's first word, written in lower case elsewhere in the article"
    return None


_FIGHTERS_AFTER = re.compile(r"[ \t]+([a-z]+)\b")
def local_decisions(mentions: list[Mention], text: str, extra: Callable | None = None) -> dict[int, TypeDecision]:
    """Each mention's evidence where it stands (label, own words, words around), then
    what its list's other items and the longer names containing it say; by ``id``.
    ``extra(mentions, text, decisions)``: more (mention, cue) pairs, from what the caller
    knows (kg/link.py's knowledge base), weighed before the lists share their cues."""
    out: dict[int, TypeDecision] = {}
    for m in mentions:
        label_type = LABEL_TYPES.get(model_label(m) or "")
        ev = label_evidence(m) + name_evidence(m.text) + context_evidence(m, text, label_type)
        out[id(m)] = TypeDecision(ev, label_type, junk_reason(m, text))
    for m, cue in extra(mentions, text, out) if extra is not None else ():
        out[id(m)].evidence.append(Evidence(*cue))
    _share_list_cues(mentions, text, out)
    for m, cue in mixed_name_lists(mentions, text):  # kg/listplaces.py: "Manguna, Hurti, and Tadai"
        out[id(m)].evidence.append(Evidence(*cue))
    for chain in address_chains(mentions, text):  # kg/addresses.py
        for m in (o for o in chain if o.kb_id is None and o.label != "OUTLET"):
            out[id(m)].evidence.append(Evidence("Place", WEAK_CUE, "context", f"a link of the address chain {', '.join(o.text for o in chain)!r}", True))
    _part_of_longer(mentions, out)
    for m, cue in possessor_place_cues(mentions, text, {id(o): out[id(o)].type for o in mentions}, {id(o) for o in mentions if any(e.kind == "name" for e in out[id(o)].evidence)}):
        out[id(m)].evidence.append(Evidence(*cue))  # kg/placecues.py
    _one_people_one_sense(mentions, out)
    return out


def _one_people_one_sense(mentions: list[Mention], out: dict[int, TypeDecision]) -> None:
    """A name the article calls a people once ("the Zorobo community") is that people at
    its other mentions too ("armed Zorobo herders"): an article does not use one word
    for a people and for a place or body (one sense per discourse). A mention the
    knowledge base's rules found, or whose own words make it a name ("Zorobo Council"),
    keeps its reading."""
    peoples = {m.text for m in mentions if out[id(m)].junk == _PEOPLE_JUNK}
    if not peoples:
        return
    for m in mentions:
        d = out[id(m)]
        if m.text in peoples and d.junk is None and not m.label.startswith("KB") and m.kb_id is None and not any(e.kind == "name" for e in d.evidence):
            d.junk = _PEOPLE_JUNK


def _cue_type(d: TypeDecision, spreading: bool = False) -> str | None:
    """The type a mention's own cues (not its label, not its list) give; ``spreading``:
    only the cues that govern a whole list."""
    scores: Counter = Counter()
    for e in d.evidence:
        if e.kind in ("name", "context") and e.weight >= CUE and (e.spreads or not spreading):
            scores[e.type] += e.weight
    return scores.most_common(1)[0][0] if scores else None


def _share_list_cues(mentions: list[Mention], text: str, out: dict[int, TypeDecision]) -> None:
    """Items of a list share a type: an item with no cue of its own takes the type of
    the cues that govern the list ("the villages of", "... regions", a byline)."""
    for run in list_runs(mentions, text):
        own = {id(m): _cue_type(out[id(m)]) for m in run}
        cues = {id(m): _cue_type(out[id(m)], spreading=True) for m in run}
        for m in run:
            if own[id(m)] is not None:
                continue
            others = Counter(c for k, c in cues.items() if k != id(m) and c is not None)
            if others:
                t, _ = others.most_common(1)[0]
                cued = next(o.text for o in run if cues[id(o)] == t)
                out[id(m)].evidence.append(Evidence(t, LIST_CUE, "list", f"in a list with {cued!r} ({t})"))


_NAMESAKE_NOUNS = PLACE_NOUNS_AFTER | {"airport", "market", "road", "bridge", "factory"}


def _part_of_longer(mentions: list[Mention], out: dict[int, TypeDecision]) -> None:
    """A one-word name that is the head of a longer name of the article ("Committee" of
    "International Committee of the Red Cross": the word before "of" or "for", or else its last
    word) is likely that entity, so of its type ("Nagaland" of "Council of Nagaland" is not). A modifier is not ("FARC" of "FARC
    Forces", "Bastar" of "Bastar district")."""
    heads: dict[str, list[tuple[Mention, str]]] = defaultdict(list)  # head word -> longer names, their types
    firsts: dict[str, list[tuple[Mention, str]]] = defaultdict(list)  # first word -> two-word place names
    for o in mentions:
        words = o.text.split()
        if len(words) < 2:
            continue
        t = out[id(o)].type
        if t is None:
            continue
        inner = {w for w, n in zip(words, words[1:]) if n in ("of", "for")}
        # "Council of Nagaland": the word before "of" is the head; the last is what the body is of (a place).
        for w in inner or {words[-1]}:
            heads[w].append((o, t))
        if t == "Place" and len(words) == 2 and words[1].lower() in _NAMESAKE_NOUNS:
            firsts[words[0]].append((o, t))
    for m in mentions:
        if " " in m.text or len(m.text) < 4:
            continue
        if heads.get(m.text):
            o, t = heads[m.text][0]
            out[id(m)].evidence.append(Evidence(t, PART_OF, "article", f"a word of {o.text!r} ({t})"))
        elif firsts.get(m.text):
            # "Karu" beside "Karu junction": the place a facility or area is named after.
            o, _ = firsts[m.text][0]
            out[id(m)].evidence.append(Evidence("Place", 1.0, "article", f"names {o.text!r} (Place)"))


def strong_cue(name: str, mentions: list[Mention], decisions: dict[int, TypeDecision]) -> str | None:
    """The type the words around ``name``, at any of its mentions in the article, give it
    with a full cue's weight, if any: a span the model gave no name's label (NORP, LAW)
    is then a name after all ("the ambulance agency, Rescue 1122")."""
    key = fold(name)
    for o in mentions:
        d = decisions.get(id(o))
        if d is not None and fold(o.text) == key and d.junk is None and d.cued_strongly:  # the name first: it is the cheaper test; junk ("the X community") cues nothing
            return d.type
    return None
