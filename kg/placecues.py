"""Place evidence that holds whatever the wording (kg/nametype.py weighs it with the rest).

Each cue reads a construction, not a word list of places, so that a name nobody curated
is typed as a village or an area from how the sentence treats it:

- "the Zorrillo department": a name before a lower-case "department" is an area's unless
  it is the field a body serves ("the State department", :func:`department_area`);
- "gunmen attacked Kasembe", "an attack on Olobo": an unknown one-word name that is attacked
  is most often a village -- weighed, since people are attacked too;
- "armed men from Gressac": where people come from is a place;
- "families sheltered in the Dar Salam Centre", "a shell hit the Unity Hall": a building
  whose head word may also head a body's name is a site when people shelter in it or it is hit;
- "Kitale's Mbota": an unknown one-word name after a place and its "'s" lies in that place.
"""

from __future__ import annotations

import re

from kg.cueweights import CUE, HEAD_WORD, WEAK_CUE, Cue
from kg.names import ACRONYM_RE, DEPARTMENT_FIELDS, is_group_word
from kg.types import Mention

ATTACK_ON_BEFORE = re.compile(
    r"\b(?:(?:attacks?|strikes?|raids?|assaults?|offensive|shelling|bombing|bombardment)\s+(?:on|of|against)"
    r"|hit|struck|targeted|raided|stormed|attacked|overran|invaded|ransacked|torched"
    r"|to\s+(?:invade|storm|raid|overrun|ransack|torch|attack))\s+(?:nearby\s+)?$",  # "tried to invade X"
    re.I,
)
# Where people are or were: an institution's site ("located at the X College") or a shelter.
LOCATED_BEFORE = re.compile(
    r"\b(?:located|situated|shelter(?:ing|ed)|housed|hid(?:ing)?|hidden|stay(?:ed|ing)|(?:took|taking|sought|seeking|found|finding)\s+(?:refuge|shelter)|camped|gathered)"
    r"\s+(?:at|in|inside|within)\s+(?:the\s+)?$"
)
PEOPLE_FROM_BEFORE = re.compile(
    r"\b(?:men|gunmen|gangs|gang\s+members|residents|people|villagers|families|refugees|displaced|survivors|pupils|students|farmers|herders)\s+from\s+$", re.I
)
# Head words of a building that may also head a body's name ("the Carter Center" that
# monitors elections): read as a site only where it is hit.
_SITE_OR_BODY_HEADS = {"Centre", "Center", "Hall", "Home", "Shelter", "Hostel", "House", "Institute", "College"}
_NAMELESS_LABELS = {"PRODUCT", "EVENT", "WORK_OF_ART"}  # the model's labels for no place, person or body
_THE_END = re.compile(r"(?<=\s)the\s+$")
_DAMAGED_BEFORE = re.compile(r"\b(?:shelled|bombed|damaged|destroyed|burned|burnt|looted|set\s+fire\s+to|ruins\s+of|outside|inside)\s+(?:the\s+)?$")


def department_area(name: str) -> bool:
    """Whether ``name`` before a lower-case "department" is an area's ("Pastaza", "Alto
    Paraná"), not the field a body serves ("State", "Homeland Security", "Fire").

    >>> department_area("Alto Pindo"), department_area("Homeland Security")
    (True, False)
    """
    words = name.split()
    return bool(words) and words[-1].lower() not in DEPARTMENT_FIELDS and words[0].lower() not in DEPARTMENT_FIELDS


MOVED_TO_BEFORE = re.compile(
    r"\b(?:visit|visits|visited|trip|journey|travel(?:l?ed|s)?|flew|fled|returned|relocated|evacuated|headed|moved)(?:[ \t]+[\w'’-]+){0,3}?[ \t]+to[ \t]+$"
)


def before_place_cues(m: Mention, before: str, label_type: str | None, label_key: str | None) -> list[Cue]:
    """The cues of the words before ``m`` (``before``: up to 40 characters) that make it a place."""
    out: list[Cue] = []
    words = m.text.split()
    tail = " ".join(before.split()[-2:])
    unknown = not m.label.startswith("KB") and m.kb_id is None
    # An unknown one-word "organisation" attacked is most often a village; only a "person" or
    # such a one: "an attack on Hamas" names a body the knowledge base knows.
    if (label_type == "Person" or (label_type == "Organization" and label_key == "ORG/1" and unknown)) and ATTACK_ON_BEFORE.search(before):
        out.append(("Place", 0.8, "context", f"target of {tail!r}", False))
    # "the offensive on Mirebo began", which the model calls a product: a one-word name attacked
    # that the model gave no name's label is a place when nothing else speaks (a cue's weight,
    # so that kg/link.py keeps it; a people's or a faith's word is none).
    if label_type is None and m.label in _NAMELESS_LABELS and len(words) == 1 and unknown and not is_group_word(m.text) and ATTACK_ON_BEFORE.search(before):
        out.append(("Place", CUE, "context", f"target of {tail!r} (labelled {m.label})", False))
    if label_type in ("Person", "Organization") and len(words) <= 2 and unknown and not ACRONYM_RE.fullmatch(m.text) and PEOPLE_FROM_BEFORE.search(before):
        out.append(("Place", WEAK_CUE, "context", f"after {tail!r} (where people come from)", False))
    if len(words) > 1 and words[-1] in _SITE_OR_BODY_HEADS and (ATTACK_ON_BEFORE.search(_THE_END.sub("", before)) or _DAMAGED_BEFORE.search(before)):
        out.append(("Place", HEAD_WORD, "context", f"a building after {tail!r}", False))
    # "her trip two days ago to Baga Kora", "fled to Kovri Alto": where one travels to is a place.
    if (label_type == "Person" or (label_type == "Organization" and unknown and len(words) <= 2)) and unknown and MOVED_TO_BEFORE.search(before):
        out.append(("Place", CUE, "context", f"where one goes ({tail!r})", False))
    return out


def possessor_place_cues(mentions: list[Mention], text: str, types: dict[int, str | None], named: set[int]) -> list[tuple[Mention, Cue]]:
    """"Kitale's Mbota", "in Rusizi's Gatare": an unknown one-word name right after a place
    (``types``: each mention's type by ``id``) and its "'s" is most often a place that lies
    in it; people are named so too ("Haiti's Moise"), so the cue is weighed, and a name with
    evidence of its own words (``named``) is left alone."""
    ends = {o.end: o for o in mentions}
    out = []
    for m in mentions:
        if " " in m.text or m.kb_id is not None or m.label.startswith("KB") or id(m) in named or ACRONYM_RE.fullmatch(m.text):
            continue
        o = ends.get(m.start - 3) if m.start >= 3 and text[m.start - 3 : m.start] in ("'s ", "’s ") else None
        if o is not None and types.get(id(o)) == "Place":
            out.append((m, ("Place", WEAK_CUE, "context", f"after the place {text[o.start : m.start - 1]!r} (a place within it)", False)))
    return out


_IN_THE_BEFORE = re.compile(r"\b(?:in|at|near|from|across|throughout)[ \t]+the[ \t]+$", re.I)
_COMMUNITY_AFTER = re.compile(r"[ \t]+community\b")


def placed_community(name: str, text: str, start: int, end: int) -> bool:
    """"in the Bilopillia community" (a Ukrainian hromada, a Nigerian village): one
    community one is *in*, named by a word that is no people's, is a place; "the Kuki
    communities", "in the Yazidi community" stay a people."""
    if is_group_word(name):
        return False
    if _COMMUNITY_AFTER.match(text, end) and _IN_THE_BEFORE.search(text, max(0, start - 20), start):
        return True
    # "in the Vigo and Bessa communities": each of a list of communities one is in, too.
    return any(h.start(1) <= start and end <= h.end(1) for h in _IN_COMMUNITIES.finditer(text, max(0, start - 80), min(len(text), end + 80)))


_LISTED = r"[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?"
_IN_COMMUNITIES = re.compile(rf"\b(?:in|at|near|from|across|throughout)[ \t]+the[ \t]+((?:{_LISTED}(?:,[ \t]+|,?[ \t]+and[ \t]+))+{_LISTED})[ \t]+communities\b")


# "families sheltered in the Dar Salam Centre", "a shell hit the Hope Shelter": a building's
# name the model missed, where the words before it say people sheltered there or it was hit.
SHELTER_HEADS = ("Centre", "Center", "Hall", "Home", "Shelter", "Hostel", "School", "Hospital", "Clinic", "Mosque", "Church")
SHELTER_SITE = re.compile(
    r"\b(?:shelter(?:ed|ing)|hid(?:ing)?|hidden|stay(?:ed|ing)|refuge|housed|camped|hit|struck|shelled|bombed|targeted|attacked|stormed|raided)"
    r"(?:[ \t]+(?:at|in|inside|on))?[ \t]+the[ \t]+((?:[A-Z][\w'’]*(?:-[\w'’]+)*[ \t]+){1,3}(?:" + "|".join(SHELTER_HEADS) + r"))\b"
)
