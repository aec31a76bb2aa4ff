"""A country's ministry named without its country: "the defence ministry", "the
Interior Ministry", "the Ministry of Health".

News names a ministry by its role alone once the country is clear: from the words
just before it ("Nigeria's defence ministry", "the Malian health ministry"), from a
ministry of the same role the article names in full ("Russia's Defence Ministry ...
the Defence Ministry said"), or from the country the article is about. The knowledge
base names each country's ministries by demonym and by country ("Malian Defence
Ministry", "Ministry of Defence (Mali)"), so the role and the country give the names
to look up; the look-up itself stays in the linker. So with a country's other bodies
named without it ("the National Army", "the Air Force"): the leading country's.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.casefold import fold_case
from kg.kb.base import Candidate, KBEntry, fold
from kg.mentions import ORG_HEADS, unclaimed
from kg.names import demonyms
from kg.types import Mention

# The forms each role takes in a name; the first is the one the knowledge base's
# "<Demonym> <form>" aliases use.
ROLE_FORMS: dict[str, tuple[str, ...]] = {
    "defence": ("Defence Ministry", "Ministry of Defence", "Ministry of National Defence", "Defence Department", "Department of National Defense"),
    "interior": ("Interior Ministry", "Ministry of Interior", "Ministry of the Interior", "Ministry of Internal Affairs", "Home Ministry", "Ministry of Home Affairs", "Ministry of Interior Affairs"),
    "foreign": ("Foreign Ministry", "Ministry of Foreign Affairs", "Ministry of External Affairs", "External Affairs Ministry"),
    "health": ("Health Ministry", "Ministry of Health", "Ministry of Public Health"),
}
_ROLE_OF = {fold(form): role for role, forms in ROLE_FORMS.items() for form in forms}

# A ministry named by its role alone, in any case ("health ministry", "Ministry of the
# Interior"); "defence"/"defense" and the other spellings fold together later.
BARE_MINISTRY = re.compile(
    r"(?i:\b(?:defen[cs]e|interior|home|health|foreign|external\s+affairs)\s+ministry\b"
    r"|\bministry\s+of\s+(?:the\s+)?(?:national\s+)?(?:defen[cs]e|interior(?:\s+affairs)?|internal\s+affairs|home\s+affairs|foreign\s+affairs|external\s+affairs|(?:public\s+)?health)\b)"
)
# The capitalised words right before a ministry, with an optional possessive:
# "Nigeria's", "the Malian", "South Sudan's".
_WORD = r"[A-Z][\w-]*(?:\.[A-Za-z]+)*"  # "Nigeria", "South", "U.S" (a full stop ends a sentence, not a name)
_BEFORE = re.compile(rf"((?:{_WORD}\s+){{0,3}}{_WORD}\.?)(?:['’]s?)?\s+$")
_ARTICLE = re.compile(r"^(?:The|A|An)\b\s*")


def role_of(name: str) -> str | None:
    """The role ("defence", "interior", "foreign", "health") of a ministry named by its
    role alone, or None for any other name ("Nigerian Defence Ministry" is None)."""
    return _ROLE_OF.get(fold(name))


def qualifier_before(text: str, start: int) -> str | None:
    """The capitalised words just before ``start`` that may name a ministry's country
    ("Nigeria's defence ministry" -> "Nigeria"), or None."""
    hit = _BEFORE.search(text, max(0, start - 60), start)
    if hit is None:
        return None
    words = _ARTICLE.sub("", hit.group(1)).strip()  # "The health ministry", "The Malian ..."
    return words or None


def bare_ministries(text: str, mentions: list[Mention]) -> list[Mention]:
    """Ministries named by role alone that no mention covers, lower case included
    ("the health ministry said"): new organisation mentions, for the linker to place."""
    out: list[Mention] = []
    if "ministry" not in fold_case(text):
        return out  # both of the pattern's forms hold the word, in any case re.I matches (kg/casefold.py)
    for hit in BARE_MINISTRY.finditer(text):
        start, end = hit.span()
        if not unclaimed(start, end, mentions):
            continue
        out.append(Mention(start, end, text[start:end], "ORG", "ner"))
    return out


def names_for(role: str, demonyms: list[str], country_names: list[str]) -> list[str]:
    """The names a country's ministry of ``role`` may go by in the knowledge base:
    "Malian Defence Ministry", "Mali Defence Ministry" (as "Mali's ..." folds),
    "Ministry of Defence Mali" (as "Ministry of Defence (Mali)" folds), "... of Mali"."""
    out = []
    for form in ROLE_FORMS[role]:
        out += [f"{d} {form}" for d in demonyms]
        for c in country_names:
            out += [f"{c} {form}", f"{form} {c}", f"{form} of {c}"]
    return out


# Head words of the bodies a country names without saying whose ("the National Army",
# "the Air Force", "the National Police"): news about one country means that country's.
NATIONAL_BODY_HEADS = {"Army", "Police", "Guard", "Navy", "Force", "Forces", "Gendarmerie"}


def national_forms(name: str, demonyms: list[str], country_names: list[str]) -> list[str]:
    """The names the knowledge base may give a country's body named ``name`` without its
    country: "Colombian National Police", "National Army of Colombia", "National Army
    (Colombia)" (folded as "National Army Colombia"), "Colombia's National Army". Empty
    when the name is no national body's (its head word is none of :data:`NATIONAL_BODY_HEADS`)."""
    words = name.split()
    if not 1 < len(words) <= 3 or words[-1] not in NATIONAL_BODY_HEADS:
        return []
    out = [f"{d} {name}" for d in demonyms]
    for c in country_names:
        out += [f"{c} {name}", f"{name} {c}", f"{name} of {c}"]
    return out


def national_body(name: str, countries: dict[str, float], candidates: Callable[[str], list[Candidate]], country_names: Callable[[str], list[str]]) -> KBEntry | None:
    """"the National Army" of an article about Colombia: that country's body of the name,
    when the knowledge base knows it and one country leads the article's ``countries``
    (ISO code -> weight); ``country_names`` gives a country's names by its code."""
    top = max(countries.values(), default=0.0)
    leaders = [iso for iso, w in countries.items() if w == top]
    if len(leaders) != 1:
        return None
    iso = leaders[0]
    found = (c.entry for form in national_forms(name, demonyms(iso), country_names(iso)) for c in candidates(form) if not c.via_skeleton)
    return next((e for e in found if e.type == "Organization" and e.country == iso), None)



# The quarters a command or a force is named for when its name ends in one ("Defense
# Forces South", "Operational Command North", "Joint Forces East").
QUARTERS = {"North", "South", "East", "West", "Centre", "Center", "Northeast", "Northwest", "Southeast", "Southwest"}


def quartered_body(name: str) -> bool:
    """Whether a name is a body's head word followed by the quarter it serves: a unit's
    proper name even when each word alone is generic ("Defense Forces South" is one of
    Ukraine's commands; "the defense forces in the south" is a description)."""
    words = name.split()
    return len(words) > 2 and words[-1] in QUARTERS and words[-2] in ORG_HEADS
