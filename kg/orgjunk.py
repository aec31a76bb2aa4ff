"""Spans the model labels as organisations that are no organisation's (nor anyone's) name.

Three classes recur in conflict news from everywhere, and each is told by the words of
the article rather than by a list of names:

- a document's name: "the Lomé Peace Accord", "the Armed Forces Special
  Powers Act", "the Minsk Agreement" (the name's last word, or the capitalised word right
  after the span, is a document's head word);
- a vessel's name: "the bulk carrier Silver Heron", "the Barbados-flagged X", "the
  tanker X" -- wherever the article puts the name after a vessel's noun, every mention
  of it is the ship's;
- an acronym the article defines as the initials of common words or of a post:
  "organised armed groups (GAO)", "Regional Police Officer (RPO)"; and a post's name
  opened by a rank's abbreviation ("SSP Operations").

:func:`org_junk_reason` is one more witness of :func:`kg.nametype.junk_reason`; it speaks
only of names the knowledge base does not hold.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.mentions import ORG_HEADS, PLACE_HEADS
from kg.names import ACRONYM_RE, TITLE_ACRONYMS, TITLE_HEADS, TITLES, initials
from kg.typecues import post_place
from kg.types import Mention

# Head words of the names of documents: agreements, laws, declarations.
DOCUMENT_HEADS = {
    "Accord",
    "Accords",
    "Agreement",
    "Agreements",
    "Treaty",
    "Act",
    "Convention",
    "Protocol",
    "Declaration",
    "Charter",
    "Memorandum",
    "Ordinance",
    "Amendment",
    "Index",  # "the Kovri Development Index", "a Global Calm Index": a measure, no body
}
_DOCUMENT_AFTER = re.compile(r"[ \t]+(?:" + "|".join(sorted(DOCUMENT_HEADS)) + r")\b(?![ \t]+(?:of|for)\b[ \t]+[A-Z])")
# Nouns for a ship, and the adjectives of its flag or registry, right before its name.
_VESSEL_BEFORE = (
    r"(?:\b(?:vessel|ship|tanker|freighter|warship|destroyer|frigate|corvette|trawler|dhow|yacht|"
    r"(?:bulk|aircraft|car|vehicle|gas|LNG|LPG|cargo|crude|oil|ore|container|chemical|product)[ \t]+carrier)"
    r"|-flagged|-registered)[ \t]+(?:(?:named|called)[ \t]+)?"
)


def _document(name: str, text: str, end: int) -> bool:
    words = name.split()
    return (len(words) > 1 and words[-1] in DOCUMENT_HEADS) or (_DOCUMENT_AFTER.match(text, end) is not None and not ACRONYM_RE.fullmatch(name))


# A vessel's noun and the blanks after it; and the "named" that may follow them.
_VESSEL_NOUN = re.compile(_VESSEL_BEFORE.removesuffix(r"(?:(?:named|called)[ \t]+)?"))
_NAMED = re.compile(r"(?:named|called)[ \t]+")


@lru_cache(maxsize=4)
def _vessel_name_starts(text: str) -> frozenset[int]:
    """Where a name right after a vessel's noun (or its "named") would start in ``text``:
    one scan of the article for all the names :func:`_vessel` is asked about."""
    starts = set()
    for m in _VESSEL_NOUN.finditer(text):
        starts.add(m.end())
        named = _NAMED.match(text, m.end())
        if named is not None:
            starts.add(named.end())
    return frozenset(starts)


def _vessel(name: str, text: str) -> bool:
    """Whether the article writes ``name`` (capitalised) right after a vessel's noun. Most
    articles have no such noun, and most names stand after none: the positions of
    :func:`_vessel_name_starts` turn them away before the full pattern is built."""
    if not any(text.startswith(name, i) for i in _vessel_name_starts(text)):
        return False
    return re.search(_VESSEL_BEFORE + re.escape(name) + r"(?![\w-])", text) is not None


def _defined_as(acronym: str, text: str) -> str | None:
    """What the article spells the acronym out as, when it writes "<words> (ACRONYM)":
    the words before the bracket, as many as the acronym has letters (and two more)."""
    if f"({acronym})" not in text:  # no bracket of it at all: the pattern is not built
        return None
    hit = re.search(rf"((?:[\w’'-]+[ \t]+){{1,{len(acronym) + 2}}})\({re.escape(acronym)}\)", text)
    return hit.group(1) if hit else None


def _initials_spell(acronym: str, words: list[str]) -> bool:
    """Whether the last words' first letters are the acronym's letters, in any order (a
    Spanish acronym of English words: "organised armed groups (GAO)")."""
    tail = [w for w in words if w.lower() not in ("of", "and", "the", "for", "de", "del", "la")][-len(acronym) :]
    return len(tail) == len(acronym) and sorted(w[0].lower() for w in tail) == sorted(acronym.lower())


def _common_acronym(name: str, text: str) -> str | None:
    if not ACRONYM_RE.fullmatch(name) or not name.isalpha() or len(name) < 2:
        return None
    phrase = _defined_as(name, text)
    if phrase is None:
        return None
    words = phrase.split()
    if not _initials_spell(name, words):
        return None
    if all(w.islower() for w in words[-len(name) :]):
        return "an acronym of common words ('organised armed groups (GAO)')"
    if words[-1] in TITLE_HEADS or words[-1].lower() in TITLES:
        return "a post's acronym ('Regional Police Officer (RPO)')"
    return None


def org_junk_reason(name: str, text: str, end: int, label: str) -> str | None:
    """Why an unknown name the model took for an organisation's (or any name) is none."""
    if label == "OUTLET":
        return None
    if _document(name, text, end):
        return "a document's name ('Peace Accord', 'Special Powers Act')"
    if name[:1].isupper() and _vessel(name, text):
        return "a vessel's name ('the bulk carrier X')"
    if (why := _common_acronym(name, text)) is not None:
        return why
    words = name.split()
    if label == "ORG" and len(words) > 1 and words[0] in TITLE_ACRONYMS:
        return "a post opened by a rank's abbreviation ('SSP Operations')"
    return None


_OPEN_BRACKET = re.compile(r"^(.+?)[ \t]*\([ \t]*([A-Z][A-Za-z]{1,9})[ \t]*\)?$")


def cut_at_acronym(mentions: list[Mention], text: str) -> list[Mention]:
    """ "Moro National Liberation Front (Mnlf": a span the model ran on into the bracket
    that spells its name's initials is the name, and the bracket's acronym a mention of
    its own. A bracket that is not the initials ("CPI (Maoist)", "Council of Nagaland
    (Khaplang)") stays: it is part of the name."""
    out = []
    for m in mentions:
        hit = _OPEN_BRACKET.match(m.text) if "(" in m.text and m.kb_id is None else None
        if hit is None or initials(hit.group(1).split()).upper() != hit.group(2).upper():
            out.append(m)
            continue
        name, acronym = hit.group(1), hit.group(2)
        a_start = m.start + hit.start(2)
        out.append(Mention(m.start, m.start + len(name), name, m.label, m.source, None, m.sentence))
        out.append(Mention(a_start, a_start + len(acronym), acronym, m.label, m.source, None, m.sentence))
    return out


_TITLE_ACRONYM_AFTER = re.compile(r"[ \t]*\([ \t]*([A-Z][a-z]{2,9}|[A-Z]{2,8}[-–(][A-Z]{1,3}\)?)[ \t]*\)")


def spelled_acronym_after(name: str, text: str, end: int) -> re.Match | None:
    """ "Moro National Liberation Front (Mnlf)", "Naga People's Council-Reformist (NPC-R)":
    an acronym written as a word (a capital, then small letters) or with a faction's letter
    after a hyphen, in the bracket right after a name, that spells the name's initials.
    Only the initials count: a capitalised word in brackets is more often a faction's or a
    place's name ("Council of Nagaland (Khaplang)")."""
    hit = _TITLE_ACRONYM_AFTER.match(text, end)
    letters = "".join(c for c in hit.group(1) if c.isalpha()).upper() if hit is not None else ""
    return hit if hit is not None and initials(name.replace("-", " ").replace("–", " ").split()).upper() == letters else None


_NAME_WORD = r"[A-Z][\w'’.-]*"
_TITLED = re.compile(rf"((?:{_NAME_WORD}[ \t]+){{0,2}}{_NAME_WORD})[ \t]+of[ \t]+({_NAME_WORD})[ \t]+((?:{_NAME_WORD}[ \t]+){{1,3}}{_NAME_WORD})$")


def post_parts(m: Mention, text: str) -> list[Mention]:
    """The names in a span that runs into a post: the holder of "Superintendent of Police
    X" (:func:`titled_person`), and the place of "Mardan Regional Police" + " Officer X"
    (:func:`kg.typecues.post_place`)."""
    parts = titled_person(m)
    if parts != [m] or m.source != "ner" or m.kb_id is not None:
        return parts
    place = post_place(m.text, text, m.end)
    return [Mention(m.start, m.start + len(place), place, "GPE", m.source, None, m.sentence)] if place else [m]


def titled_person(m: Mention) -> list[Mention]:
    """ "Superintendent of Police Vikram Joshi", "KP Inspector General of Police Naveed
    Akhtar": a span of a post's title, "of" and the post's field or body, then a name of
    two words or more, is the person who holds the post -- not an organisation. The person
    is the mention; the post's words are none."""
    if m.source != "ner" or m.kb_id is not None or " of " not in m.text:
        return [m]
    words = m.text.split(" ")
    # The post may follow the place or body it serves ("KP Inspector General ..."): from the first title word.
    first = next((k for k, w in enumerate(words[:3]) if w.lower().rstrip(".") in TITLES), None)
    hit = _TITLED.match(m.text, len(" ".join(words[:first])) + (1 if first else 0)) if first is not None else None
    if hit is None or not all(w.lower().rstrip(".") in TITLES for w in hit.group(1).split()):
        return [m]
    if hit.group(3).split()[-1] in ORG_HEADS | PLACE_HEADS:
        return [m]  # "Director of Public Prosecutions Office": a body's name
    start = m.start + hit.start(3)
    return [Mention(start, m.end, hit.group(3), "PERSON", m.source, None, m.sentence)]


def acronym_letters(acronym: str) -> str:
    """The capitals an acronym spells: "KIAs" -> "KIA" (a plural's "s" dropped), "Ulfa" ->
    "ULFA" (written as a word), "NSCN-K" -> "NSCNK"."""
    letters = "".join(c for c in acronym if c.isalpha())
    if letters.endswith("s") and sum(c.isupper() for c in letters) >= 2:
        letters = letters[:-1]
    return letters.upper()


def initialism_owner(acronym: str, bodies: list[str]) -> str | None:
    """Which of the article's multi-word bodies' names ``acronym`` is the initialism of,
    when exactly one: news names a body in full once (often in a byline or a heading,
    without the bracketed acronym) and by its initials after that ("Kaleso Press Group"
    ... "told KPG"). Every capitalised word gives its initial ("Restoration Council of
    Shan State": RCSS); two or three letters are too common a coincidence to trust."""
    letters = acronym_letters(acronym)
    if len(letters) < 3 or not ACRONYM_RE.fullmatch(acronym):
        return None
    owners = {name for name in bodies if "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper()) == letters}
    return next(iter(owners)) if len(owners) == 1 else None


def org_boundaries(mentions: list[Mention], text: str) -> list[Mention]:
    """The cuts of this module on an article's cleaned mentions: posts' holders and places
    (:func:`post_parts`), then names run into their acronym's bracket (:func:`cut_at_acronym`)."""
    return cut_at_acronym([q for m in mentions for q in post_parts(m, text)], text)
