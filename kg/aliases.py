"""Aliases the article gives: two names of one entity, said to be one.

"Musa Kalli, also known as Abu Dawud", "the Kerbalo Front, known locally as Jund
al-Sahil", "Ahmed Barre (Abu Talha)", "the Sahel Brigade, as Jund al-Sahil is known":
the text says the two names are one entity's, so both are its surfaces and it is counted
once. Read after linking: :func:`alias_pairs` says, of the article's resolved names in
text order, which one takes which one's identity -- an unknown name a known one's, a
later unknown name the first one's; two different known entities are never merged.
"""

from __future__ import annotations

import re

from kg.resolution import Resolution

# Between the name and its alias: ", also known as", " aka ", ", better known as",
# ", whose real name is", ", also called", ", nicknamed".
_BETWEEN = re.compile(
    r"[ \t]*\)?,?[ \t]+(?:(?:also|better|popularly|locally|commonly|widely|otherwise)[ \t]+)?(?:known(?:[ \t]+(?:locally|widely|popularly|commonly))?[ \t]+as|called|referred[ \t]+to[ \t]+as|nicknamed|alias)[ \t]+(?:the[ \t]+)?"
    r"|[ \t]*,?[ \t]+(?:a\.k\.a\.?|aka)[ \t]+(?:the[ \t]+)?"
    r"|[ \t]*,[ \t]+whose[ \t]+real[ \t]+name[ \t]+(?:is|was)[ \t]+"
    r"|[ \t]*\((?:(?:also|better)[ \t]+)?(?:known[ \t]+as|called|aka|a\.k\.a\.?)[ \t]+(?:the[ \t]+)?"
)
# "X (Y)": a bracket holding another name of the same type.
_BRACKET = re.compile(r"[ \t]*\([ \t]*(?:the[ \t]+)?")
_BRACKET_CLOSE = re.compile(r"[ \t]*\)")
# "Y, as X is known": the alias first, the name the article uses after "as".
_AS_BEFORE = re.compile(r",[ \t]+as[ \t]+(?:the[ \t]+)?")
_AS_AFTER = re.compile(r"[ \t]+(?:is|are|was|were)[ \t]+(?:(?:also|commonly|locally|popularly|widely|better)[ \t]+)?(?:known|called)\b")

Item = tuple[int, int, str, str | None]  # a resolved name: start, end, type, knowledge-base id (None: unknown)


def _pair_said(a: Item, b: Item, text: str) -> str | None:
    """How the text says ``b`` (right after ``a``) is another name of it, if it does."""
    gap = text[a[1] : b[0]]
    if len(gap) > 40:
        return None
    if _BETWEEN.fullmatch(gap):
        return "alias"
    if _AS_BEFORE.fullmatch(gap) and _AS_AFTER.match(text, b[1]):
        return "alias"
    if _BRACKET.fullmatch(gap) and _BRACKET_CLOSE.match(text, b[1]):
        return "bracket"
    return None


def _acronym(name: str) -> bool:
    return name.replace("-", "").isupper() and " " not in name


def alias_pairs(items: list[Item], text: str) -> dict[int, int]:
    """For the article's resolved names (``items``, in text order), the index of each
    name that is another's alias -> the index of the name whose identity it takes."""
    out: dict[int, int] = {}
    for i in range(len(items) - 1):
        a, b = items[i], items[i + 1]
        how = _pair_said(a, b, text)
        if how is None:
            continue
        if a[2] != b[2] and "Place" in (a[2], b[2]):
            continue  # "a gang from the Kovri quarter known as the Night Wolves": the alias is the gang's, not the place's
        if how == "bracket":
            # "Ahmed Barre (Abu Talha)": a bracket holds a place ("Kerbalo (Dovani district)"),
            # a body ("Jane Roe (Reuters)") or an acronym (read elsewhere) as often as an alias.
            if a[2] != b[2] or a[2] == "Place" or _acronym(text[a[0] : a[1]]):
                continue
            if _acronym(text[b[0] : b[1]]) and not (a[2] == "Organization" and (a[3] is None or b[3] is None) and " " in text[a[0] : a[1]]):
                continue  # an acronym after an unknown body's name is its own, whatever language it spells ("Popular Front (FPL)")
        if a[3] is not None and b[3] is not None:
            continue  # two known entities, the same (nothing to do) or not (never merged)
        if b[3] is None:
            out[i + 1] = i  # the alias, unknown, takes the name's identity (known or the first unknown)
        else:
            out[i] = i + 1  # an unknown name, known by its alias
    return out


def join_aliases(rs: list[Resolution], resolved: dict[int, Resolution], text: str) -> None:
    """Give each group of names :func:`alias_pairs` says are one entity's one identity, at
    every mention of any of them (``rs``: the article's resolutions; ``resolved``: by mention
    id, updated): the known entity's when the group has one, else its first name's."""
    rs = sorted(rs, key=lambda r: r.mention.start)
    _dissidents_sense(rs, resolved)
    pairs = alias_pairs([(r.mention.start, r.mention.end, r.type, r.entry.id if r.entry else None) for r in rs], text)
    if not pairs:
        return

    def node(r: Resolution) -> tuple:
        return ("kb", r.entry.id) if r.entry is not None else ("nil", r.key)

    head: dict[tuple, Resolution] = {}  # each name's group -> the resolution the group takes
    for i, j in sorted(pairs.items(), key=lambda p: min(p)):
        old, new = head.get(node(rs[i]), rs[i]), head.get(node(rs[j]), rs[j])
        if old.entry is not None and new.entry is not None:
            continue  # two known entities are never merged
        if old.entry is not None or (new.entry is None and old.mention.start < new.mention.start):
            old, new = new, old
        for n, h in list(head.items()):
            if h is old:
                head[n] = new
        head[node(rs[i])] = head[node(rs[j])] = head[node(old)] = new
    for k, r in list(resolved.items()):
        h = head.get(node(r))
        if h is not None and h is not r:
            resolved[k] = Resolution(r.mention, h.type, h.entry, h.key, r.surface, r.confidence)


_DISSIDENTS = re.compile(r"^(.+?)[ \t]+(?:dissidents|dissidences|dissident[ \t]+factions?)$", re.I)


def _dissidents_sense(rs: list[Resolution], resolved: dict[int, Resolution]) -> None:
    """An article on "the Kovri Front dissidents" means them by the bare group's name too
    ("... the Kovri Front attacked"): one sense per article, the splinter group's."""
    for d in rs:
        hit = _DISSIDENTS.match(d.surface) if d.type == "Organization" and d.entry is None else None
        if hit is None:
            continue
        base = hit.group(1).lower()
        for k, r in list(resolved.items()):
            if r.surface.lower() == base and r.type == "Organization":
                resolved[k] = Resolution(r.mention, d.type, d.entry, d.key, r.surface, r.confidence)
