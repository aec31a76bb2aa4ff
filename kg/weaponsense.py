"""A generic weapon word that refers back to the one specific weapon of its kind the article names.

"An improvised explosive device (IED) ... the bomb detonated as the vehicle passed";
"an anti-ship ballistic missile struck the ship ... the missile hit its bridge": the
generic word ("bomb", "missile", "drone") is the article's way of naming again the weapon
it has already named precisely, not a second weapon. Linked on its own it becomes a
second Weapon node (and a second weapon of the attack). So when an article names exactly
one specific weapon type of a family (the knowledge base's class beside ``WeaponType``:
``Bomb``, ``Missile``, ``Drone``), the family's one-word generic type takes that entry.
Two specific types of the family ("cruise and ballistic missiles") leave the generic
word alone: it may mean either, or both. Named systems ("Shahed-136") are not taken as
the specific weapon: "Shahed drones and other drones" are often told apart.
"""

from __future__ import annotations

from collections.abc import Sequence

# The class every weapon type carries: no family of its own. Small arms are a class of
# weapons of different kinds (rifles, grenades, machine guns), not kinds of one weapon.
_NO_FAMILY = {"WeaponType", "SmallArms"}
_TYPE_CLASS = "WeaponType"


def _families(classes: Sequence[str]) -> set[str]:
    return {c for c in classes if c not in _NO_FAMILY}


def _headed_by(word: str, names: Sequence[str]) -> bool:
    """Whether one of the names ends in the generic word ("roadside bomb" of an IED)."""
    return any(n.lower().split()[-1].rstrip("s") == word.rstrip("s") for n in names if n.strip())


def weapon_senses(names: Sequence[tuple[str, str | None, Sequence[str], Sequence[str]]]) -> dict[int, int]:
    """Of an article's resolved names (entry label, entry id or None, the entry's classes
    and aliases):
    which generic weapon type takes the entry of which specific one (index -> index).

    A generic type is a ``WeaponType`` entry whose label is one word ("bomb"); a specific
    one is a ``WeaponType`` entry of several words ("improvised explosive device", "car
    bomb") that shares a family with it and whose label or an alias ends in the generic
    word ("roadside bomb", "ballistic missile"). The generic one is re-pointed only when the
    article's specific types of that family are exactly one."""
    specific: dict[str, dict[str, tuple[int, list[str]]]] = {}  # family -> entry id -> (first index, its names)
    for j, (label, kb_id, classes, aliases) in enumerate(names):
        if kb_id is not None and _TYPE_CLASS in classes and len(label.split()) > 1:
            for fam in _families(classes):
                specific.setdefault(fam, {}).setdefault(kb_id, (j, [label, *aliases]))
    out: dict[int, int] = {}
    for i, (label, kb_id, classes, _) in enumerate(names):
        if kb_id is None or _TYPE_CLASS not in classes or len(label.split()) != 1:
            continue
        fams = _families(classes)
        if len(fams) != 1:
            continue
        found = specific.get(next(iter(fams)), {})
        if len(found) == 1 and kb_id not in found:
            j, spelled = next(iter(found.values()))
            if _headed_by(label, spelled):
                out[i] = j
    return out
