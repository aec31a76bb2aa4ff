"""Words about names: titles, generic nouns, name particles, demonyms.

Shared by the recogniser (which decides where a name starts and ends) and the
linker (which decides whether a span is a name at all).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

TITLES = {
    "president", "prime", "minister", "pm", "mayor", "governor", "gov", "general", "gen", "lt", "col",
    "colonel", "major", "maj", "captain", "capt", "commander", "admiral", "adm", "sgt", "sergeant",
    "secretary", "chancellor", "king", "queen", "prince", "sheikh", "sheik", "emir", "ayatollah",
    "mr", "mrs", "ms", "dr", "prof", "professor", "sen", "senator", "rep", "ambassador", "envoy",
    "spokesman", "spokeswoman", "spokesperson", "chief", "head", "deputy", "foreign", "defence",
    "defense", "interior", "vice", "former", "ex", "acting", "supreme", "leader", "pope", "saint",
    "lieutenant", "marshal", "field", "brig", "brigadier", "judge", "justice", "director", "premier",
    # police and army ranks across Commonwealth, South Asian and African forces
    "constable", "corporal", "cpl", "inspector", "superintendent", "commissioner", "sepoy", "havildar",
    "naik", "subedar", "lance", "pvt", "private", "cmdr", "prefect", "sub-prefect", "subprefect",
}
# Abbreviated titles ("the IG said", "ASP Sani Danjuma": police ranks of South Asia and
# Nigeria), and a photo credit's "STR" (an unnamed stringer): no name of their own.
RANK_ACRONYMS = {"IG", "IGP", "AIG", "DIG", "CP", "ACP", "DCP", "SP", "SSP", "DSP", "ASP", "CSP", "SHO", "DPO", "SDPO", "DGP", "ADGP"}
TITLE_ACRONYMS = RANK_ACRONYMS | {"STR", "DG", "CEO", "COO", "CFO", "MLA", "MNA", "MPA", "PRO"}  # PRO: public relations officer
# Capitalised heads of a rank's or post's name ("Divisional Police Officer", "Head Constable").
TITLE_HEADS = {"Officer", "Officers", "Constable", "Constables", "Inspector", "Sub-Inspector", "Superintendent", "Sergeant", "Corporal"}
# Words that describe a person and so may open a person's span ("Villager Shwe Mi").
PERSON_DESCRIPTORS = {
    "villager", "resident", "witness", "farmer", "student", "doctor", "dr", "nurse", "teacher", "soldier",
    "journalist", "reporter", "correspondent", "analyst", "activist", "lawyer", "official", "officer", "medic",
    "paramedic", "rescuer", "volunteer", "survivor", "father", "mother", "grandmother", "grandfather", "son",
    "daughter", "brother", "sister", "uncle", "aunt", "widow", "pastor", "imam", "priest", "rabbi", "bishop",
    "mr", "mrs", "ms", "miss", "sir", "dame", "lord", "lady", "comrade", "citizen", "fighter", "commander",
    "alhaji", "hajiya",  # honorifics of the Sahel and Nigeria, part of how a person is named
}
# Capitalised common nouns the model sometimes takes for names; never a NIL entity alone.
GENERIC_WORDS = TITLES | {
    "army", "military", "police", "government", "ministry", "parliament", "council", "summit",
    "alliance", "allied", "allies", "rebel", "rebels", "forces", "force", "navy", "coalition",
    "cabinet", "court", "committee", "agency", "commission", "administration", "security",
    "authorities", "office", "state", "republic", "kingdom", "federation", "union", "group",
    "militants", "troops", "west", "western", "east", "eastern", "north", "northern", "south",
    "southern", "central", "regime", "junta", "opposition", "media", "news", "staff", "service",
    "services", "department", "embassy", "region", "city", "province", "district", "oblast",
    "international", "national", "federal", "community", "world", "war", "peace", "retaliation",
    "witnesses", "eyewitnesses", "residents", "officials", "sources", "medics", "rescuers", "survivors",
    # plural nouns for the people a report is about, capitalised when they open a sentence
    # ("Assailants fled", "Villagers said"): no name, whatever the article writes elsewhere
    "gunmen", "assailants", "attackers", "raiders", "bandits", "kidnappers", "abductors", "insurgents", "jihadists",
    "terrorists", "extremists", "separatists", "guerrillas", "fighters", "militiamen", "soldiers", "policemen", "villagers",
    "locals", "civilians", "protesters", "demonstrators", "refugees", "mourners", "relatives", "farmers", "herders",
    "worshippers", "passengers", "hostages", "captives", "gangs", "gangsters", "paramedics", "doctors", "journalists",
    "tribesmen", "herdsmen", "fishermen", "clansmen", "servicemen", "firemen", "lawmen", "displaced",
}
# Words that name nothing when they stand alone ("met the Ward Head and a Village Head",
# "the Movement said"), though they may head a name ("Coastal Defence Corps").
GENERIC_ALONE = GENERIC_WORDS | {
    "village", "ward", "town", "movement", "party", "division", "brigade", "battalion", "county", "zone", "hospital",
    "church", "mosque", "school", "assembly", "senate", "militia", "front", "bureau", "command", "headquarters", "camp",
    "base", "station", "market", "border", "capital", "authority", "presidency", "soldiers", "organisation", "organization",
}
# The words of a picture's credit line ("Photo Credit", "Image courtesy"): no name.
CREDIT_WORDS = {"photo", "photos", "image", "images", "pic", "pics", "picture", "pictures", "video", "caption", "credit", "credits", "courtesy", "file"}
# Lower-case nouns for a group's fighters, singular and plural ("Naga insurgents", "a Baloch
# militant"): a capitalised word right before one is an adjective, never a person's name.
FIGHTER_NOUNS = {
    f + s for f in ("insurgent", "militant", "rebel", "terrorist", "fighter", "cadre", "extremist", "separatist", "guerrilla", "jihadist", "militiaman")
    for s in ("", "s")
} | {"gunmen", "militiamen"}
# The fields a government's, a city's or a firm's department serves ("the State department",
# "the Fire department", "the Homeland Security department"): a capitalised word of these
# before "department" names the body; any other name before it names the area (Colombia's,
# Peru's, Paraguay's and France's departments: "the Zorrillo department").
DEPARTMENT_FIELDS = {
    "state", "justice", "defense", "defence", "treasury", "police", "fire", "health", "education", "energy", "commerce",
    "labor", "labour", "agriculture", "interior", "transportation", "transport", "homeland", "security", "sheriff", "sheriff's",
    "veterans", "housing", "parks", "sanitation", "water", "works", "immigration", "corrections", "revenue", "finance",
    "foreign", "war", "navy", "army", "information", "press", "media", "culture", "tourism", "planning", "safety", "emergency",
    "welfare", "affairs", "services", "relations", "operations", "intelligence", "investigation", "investigations", "public",
    "human", "resources", "legal", "marketing", "sales", "research", "science", "technology", "sports", "trade", "environment",
    # the departments of a South Asian state's or a district's administration
    "forest", "forests", "irrigation", "excise", "home", "customs", "wildlife", "fisheries", "electricity", "power", "railway",
    "railways", "highways", "roads", "forestry", "mines", "mining", "tax", "taxation", "accounts", "personnel", "prisons", "jail",
    "jails", "traffic", "aviation", "weather", "meteorological", "land", "lands", "rehabilitation", "relief", "disaster", "food",
    "supply", "supplies", "horticulture", "veterinary", "medical", "tribal", "minority", "social", "employment", "industries",
    "industry", "urban", "rural", "development", "civil", "archaeology", "archaeological", "statistics", "audit", "postal",
}


# Local administrative units whose word comes before the name ("tambon Ban Rai", "Barangay
# Lumbac 3", "woreda Gedeb"): a place's cue, no part of its name.
ADMIN_UNIT_WORDS = {"tambon", "amphoe", "mukim", "barangay", "kebele", "woreda", "tehsil", "taluka", "taluk", "mouza", "upazila", "mandal", "sitio", "purok"}
# Arabic given names of two words open with these ("Abdel Emir", "Abdul Malik", "Abu Bakr"):
# the second word may read as a title ("Emir", "Sheikh") but is the name's.
COMPOUND_GIVEN_FIRST = {"abd", "abdel", "abdul", "abdal", "abdol", "abdoul", "abdu", "abu"}
PARTICLE_RE = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|ul|bin|ibn|bint|abu|de|del|della|di|da|du|dos|das|la|le|van|von|der|den|ter)(?:[-'’]\w|$)")
# Words a name may hold in lower case ("Ministry of Defence", "Islamic State in the Greater Sahara").
NAME_FUNCTION_WORDS = {"of", "the", "and", "for", "in", "on", "de", "du", "des", "la", "le", "al", "el", "bin", "ibn", "van", "von", "der", "y", "da", "wal", "-"}
SHIP_PREFIXES = {"MSC", "USS", "HMS", "MV", "M/V", "RFS", "INS", "HMCS", "HMAS", "HNLMS", "FGS", "USNS", "SS", "MT", "M/T", "FS"}
ACRONYM_RE = re.compile(r"[A-Z][A-Za-z&]?[A-Z]{1,6}s?")
# "Russian army", "Sudan's military": a description of a body, not its name (when the head is a people or country).
GENERIC_BODY_RE = re.compile(
    r"^(?:the\s+)?(.+?)(?:['’]s)?\s+(?:army|military|troops|forces|armed forces|security forces|junta|government|authorities|regime|police|navy)$"
)


GROUP_WORDS_FILE = Path(__file__).parent / "kb" / "data" / "group_words.json"


@lru_cache(maxsize=1)
def _group_data() -> dict:
    """kb/data/group_words.json, read once."""
    if not GROUP_WORDS_FILE.exists():
        return {}
    return json.loads(GROUP_WORDS_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def group_words() -> frozenset[str]:
    """Lower-cased demonyms and names of peoples and faiths ("Ukrainian", "Druze"):
    words for groups of people, never an entity on their own."""
    data = _group_data()
    words = [w for forms in data.get("demonyms", {}).values() for w in forms] + list(data.get("groups", []))
    return frozenset(w.lower() for w in words)


def demonyms(country: str) -> list[str]:
    """The adjectives and demonyms of a country by ISO code ("RU" -> ["Russian", "Russians"])."""
    return _group_data().get("demonyms", {}).get(country, [])


@lru_cache(maxsize=1)
def _demonym_countries() -> dict[str, str]:
    """Lower-cased demonym -> ISO code, for demonyms that belong to one country only."""
    owners: dict[str, set[str]] = {}
    for iso, forms in _group_data().get("demonyms", {}).items():
        for w in forms:
            owners.setdefault(w.lower(), set()).add(iso)
    return {w: next(iter(isos)) for w, isos in owners.items() if len(isos) == 1}


def country_of_demonym(word: str) -> str | None:
    """The ISO code of the country a demonym names ("Malian" -> "ML"), or None."""
    return _demonym_countries().get(word.lower().strip())


# Days and months: capitalised, never a name of their own.
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")  # in weekday() order
CALENDAR_WORDS = set(WEEKDAYS) | {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
}
# A month as datelines write it ("July", "Jan", "Sept"), a regular-expression fragment.
MONTH_PATTERN = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}"
# Capitalised function words, which open no name ("The", "In", "His").
CAPITALISED_FUNCTION_WORDS = frozenset(
    {"The", "A", "An", "In", "On", "At", "Of", "And", "For", "From", "By", "To", "With", "This", "That", "His", "Her", "Their", "Its", "Our"}
)


def initials(words: list[str]) -> str:
    """The first letters of the capitalised words: what an acronym of them spells."""
    return "".join(w[0] for w in words if w[:1].isupper())


def written_in_lower_case(word: str, text: str) -> bool:
    """Whether ``text`` also writes ``word`` in lower case, as a word of its own: then the
    capitalised form is a sentence's first word or a headline's, not a name."""
    if word.lower() not in text:  # the usual answer, without building a pattern for the word
        return False
    return re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", text) is not None


# Languages the model sometimes labels as organisations or places.
LANGUAGES = {
    "arabic", "english", "french", "swahili", "amharic", "tigrinya", "hebrew", "farsi", "persian", "pashto",
    "dari", "urdu", "hindi", "russian", "ukrainian", "spanish", "portuguese", "german", "chinese", "mandarin",
    "burmese", "kurdish", "turkish", "somali", "hausa", "lingala", "kinyarwanda", "oromo", "bambara", "wolof",
}


# English makes the adjective and the noun of a people or a language with "-ese" after a
# place's name ("Togolese", "Sinhalese", "Faroese", an unlisted "Veloranese"): one
# word so ending, after the letters such adjectives end their stem in, is a people's word
# whether or not the lists hold it ("Therese", "Reese" are too short or end otherwise).
_ESE_PEOPLE = re.compile(r"[a-z]{3,}[lmnotu]ese")


def is_group_word(text: str) -> bool:
    """"Ukrainians", "Nigerien", "Bedouin", "Swahili": a word for a people or a language,
    not a name of one entity."""
    t = text.lower()
    return t in group_words() or t in LANGUAGES or (text[:1].isupper() and _ESE_PEOPLE.fullmatch(t) is not None)
