"""A generic weapon word that refers back to the one specific weapon of its kind the article names.

"An improvised explosive device (IED) ... the bomb detonated as the vehicle passed";
"two ballistic missiles struck a school ... The missiles hit its roof": the generic word
("bomb", "missile"), written with the definite article, names again the weapon the
article has already named precisely, not a second weapon. Linked on its own it becomes a
second Weapon node (and a second weapon of the attack). So when an article names exactly
one specific weapon of a family (the knowledge base's class beside ``WeaponType``:
``Bomb``, ``Missile``, ``Drone``), and that one is a weapon type whose name (or an alias)
ends in the generic word ("roadside bomb", "ballistic missile"), the family's generic type
takes that entry -- if the article refers back to it ("the bomb") and never brings in one
of its own ("a bomb blew up beside a depot", "320 missiles"). A generic word that only
modifies a noun ("a missile strike") says neither. Two specific weapons of the family
("cruise and ballistic missiles", "Kh-22 cruise missiles") leave the generic word alone:
it may mean either, or both.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.kb.base import KBEntry
from kg.types import Mention

# Classes that make no family: every type has the first, and small arms are weapons of
# different kinds (rifles, grenades, machine guns), not kinds of one weapon.
_NO_FAMILY = {"WeaponType", "WeaponSystem", "SmallArms"}
_TYPE_CLASS = "WeaponType"

_DEFINITE_BEFORE = re.compile(r"(?:^|[^\w])(?:[Tt]he|[Tt]hose|[Tt]hat|[Tt]hese|[Bb]oth)[ \t]+$")
_INTRODUCING_BEFORE = re.compile(
    r"(?:^|[^\w])(?:[Aa]n?|[Aa]nother|[Oo]ne|\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|several|many|more"
    r"|(?:[Dd]ozens|[Hh]undreds|[Tt]housands|[Ss]cores)(?:[ \t]+of)?)[ \t]+(?:[a-z-]+[ \t]+)?$"
)
# A word after the generic one that makes it a modifier ("missile strike", "bomb attack").
_MODIFIED_AFTER = re.compile(
    r"[ \t]+(?:strikes?|attacks?|blasts?|explosions?|launchers?|alerts?|sirens?|fragments?|debris|threat|barrage|squad|disposal|shelters?|defen[cs]es?|systems?|sites?|factory|program(?:me)?)\b"
)


def mention_use(text: str, start: int, end: int) -> str:
    """How the article uses a generic weapon word: ``"definite"`` ("the bomb exploded"),
    ``"introducing"`` ("a bomb", "450 missiles") or ``"other"`` (a modifier, a headline)."""
    if _MODIFIED_AFTER.match(text, end):
        return "other"
    before = text[max(0, start - 24) : start]
    if _DEFINITE_BEFORE.search(before):
        return "definite"
    if _INTRODUCING_BEFORE.search(before):
        return "introducing"
    return "other"


def _families(classes: Sequence[str]) -> set[str]:
    return {c for c in classes if c not in _NO_FAMILY}


def _headed_by(word: str, names: Sequence[str]) -> bool:
    """Whether one of the names ends in the generic word ("roadside bomb" of an IED)."""
    return any(n.lower().split()[-1].rstrip("s") == word.lower().rstrip("s") for n in names if n.strip())


def weapon_senses(resolved: Sequence[tuple[KBEntry | None, str, Mention]], text: str) -> dict[int, int]:
    """Of an article's resolved mentions (entry or None, type, mention): which mention of a
    generic weapon type takes the entry of which specific one's (index -> index)."""
    return weapon_name_senses(
        [
            (e.label, e.id, e.classes, e.aliases, mention_use(text, m.start, m.end)) if e is not None and type_ == "Weapon" else ("", None, (), (), "")
            for e, type_, m in resolved
        ]
    )


def weapon_name_senses(names: Sequence[tuple[str, str | None, Sequence[str], Sequence[str], str]]) -> dict[int, int]:
    """Of an article's resolved weapon mentions (entry label, entry id or None, the entry's
    classes and aliases, the mention's :func:`mention_use`): which mention of a generic
    weapon type takes the entry of which specific one's (index -> index).

    A generic type is a ``WeaponType`` entry whose label is one word ("bomb"); a specific
    weapon is any other weapon entry of its family (types and named systems)."""
    specific: dict[str, dict[str, tuple[int, list[str], bool]]] = {}  # family -> entry id -> (first index, names, a type?)
    uses: dict[str, set[str]] = {}  # generic entry id -> how the article uses it
    for j, (label, kb_id, classes, aliases, use) in enumerate(names):
        if kb_id is None:
            continue
        if _TYPE_CLASS in classes and len(label.split()) == 1:
            uses.setdefault(kb_id, set()).add(use)
            continue
        for fam in _families(classes):
            specific.setdefault(fam, {}).setdefault(kb_id, (j, [label, *aliases], _TYPE_CLASS in classes))
    out: dict[int, int] = {}
    for i, (label, kb_id, classes, _, _) in enumerate(names):
        if kb_id not in uses or "definite" not in uses[kb_id] or "introducing" in uses[kb_id]:
            continue
        fams = _families(classes)
        found = specific.get(next(iter(fams)), {}) if len(fams) == 1 else {}
        if len(found) == 1:
            j, spelled, is_type = next(iter(found.values()))
            if is_type and _headed_by(label, spelled):
                out[i] = j
    return out
