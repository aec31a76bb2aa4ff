"""Bylines: who wrote an article and which outlets carry it, read from its "By ..." line.

A byline names people and outlets in a few set shapes: "By Reuters", "By Euronews (Clara
Moreau), via inkl", "By Henri Dufresne, via Teller Report", "By Jane Roe, John Doe and Ann
Poe, CNN", "By ETV Bharat English Desk". The reader takes the byline's first name for the
outlet, which is wrong when a person writes first ("Henri Dufresne" typed an organisation
and made the publisher). Here each part of the line gets its role from where it stands
and what it is: after "via" an outlet (the syndicating site); in brackets after an outlet
its author; a name the knowledge base knows as an organisation an outlet; a name shaped
like a person's (two to four capitalised words, no outlet word) an author, when the line
has more than one part; the rest outlets. A line of one part stays the reader's outlet
when nothing else speaks: the shape alone cannot tell "Sahel Courier" from "Sara Jones".
The article's web address can: a person-shaped name its host does not spell, with no
country or people's word in it, is the author ("By Sara Jones" on dailyledger.example),
while "By Sahel Courier" on sahelcourier.example stays the outlet.

A desk or edition word that ends an outlet's name is no part of it ("ETV Bharat English
Desk" is ETV Bharat); a language word is looked up without it ("teleSUR English").

Photo credits name people too, in their own shapes ("(Evgeniy Maloletka/AP)", "Photo by
X EPA-EFE", the capitals of "PHOTO/ TEMBO OKARI"): :func:`credit_names`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from kg.kb.base import Candidate, fold, site_keys, squashed, url_host
from kg.mentions import ORG_HEADS, unclaimed, unclaimed_group
from kg.names import CREDIT_WORDS, MONTH_PATTERN, country_of_demonym
from kg.types import Article, Mention

# The byline: a line of its own near the top, "By " and the names.
BYLINE_LINE = re.compile(r"(?m)^(?:By|BY|by)\s+(?=\S)(.{2,200})$")
_HEAD_WINDOW = 600  # the byline stands in the head, after the title
# What separates the parts: commas, "and", "&", a bar, a spaced dash, "via", brackets.
_SEPARATOR = re.compile(r"\s*(?:,\s*(?:(?:and|AND)\s+)?|\s+(?:and|AND)\s+|\s*&\s*|\s*\|\s*|\s+[-–—]\s+|\b(?:via|VIA)\b|\(|\))\s*")
_VIA = re.compile(r"\b(?:via|VIA)\s*$")
# Words of outlets' names, never of a person's.
OUTLET_WORDS = {
    "News", "Press", "Times", "Post", "Media", "Agency", "Association", "Report", "Reports", "Daily", "Journal",
    "Herald", "Tribune", "Gazette", "Network", "TV", "Television", "Radio", "Express", "Mail", "Guardian", "Telegraph",
    "Observer", "Monitor", "Review", "Weekly", "Online", "Desk", "Staff", "Service", "Bureau", "Channel",
    "Broadcasting", "Corporation", "Wire", "Standard", "Nation", "Star", "Sun", "Chronicle", "Independent", "Insider",
    "Magazine", "Today", "World", "International", "Line", "Point", "Digest", "Bulletin", "Voice", "Focus",
    "Pravda", "Gazeta", "Info", "Live", "Watch", "Group", "Institute", "Team", "Editors", "Editorial", "Correspondent",
    "Correspondents", "Reporter", "Reporters", "Writer", "Writers", "Board", "Council", "Office",
}  # fmt: skip
# A person's name: capitalised words (with particles: "de", "van", "al-"), no digits.
_NAME_WORD = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-Za-zÀ-ÿ'’]+)*\.?|[A-Z]\.")
_PARTICLES = {"de", "da", "do", "dos", "del", "della", "di", "du", "van", "von", "der", "den", "la", "le", "al", "el", "bin", "ibn", "ben"}
# "ETV Bharat English Desk", "Dawn Web Desk", "Reuters Staff": the desk is no part of the outlet.
DESK_SUFFIX = re.compile(r"(?:\s+(?:English|Web|Digital|Online|News|Foreign|World|International))?\s+(?:Desk|Staff|Bureau|Team|Editors|Newsroom)$")
# "By Team Harbour Signal": the team is the outlet's.
TEAM_PREFIX = re.compile(r"^(?:Team|TEAM)\s+(?=[A-Z])")
# "By Staff Reporter", "BY OUR CORRESPONDENT", "By Agencies": a byline's words that name nobody.
STAFF_WORDS = {
    "staff", "reporter", "reporters", "correspondent", "correspondents", "writer", "writers", "our", "a", "special", "senior",
    "own", "web", "desk", "news", "team", "bureau", "editor", "editors", "editorial", "online", "digital", "newsroom",
    "agencies", "agency", "wires", "and", "the", "report", "bureaus", "contributor", "contributors",
}  # fmt: skip
# A byline without "By" after the title: a name, a bar or a spaced dash, a name ("Jana Roe | River Wire").
BARE_LINE = re.compile(r"(?m)^([A-Z][^\n|—–]{1,60}?(?:[ \t]*\|[ \t]*|[ \t]+[—–-][ \t]+|[ \t]*[—–][ \t]*)[A-Za-z][^\n|—–]{0,60})$")
_OUTLET_SHAPE = re.compile(r"[A-Z]{2,6}(?:-[A-Z]{2,6})?|\S+\.(?:com|net|org|news|tv)")
# "teleSUR English", "BBC Burmese": an edition in a language.
EDITION_SUFFIX = re.compile(r"\s+(?:English|Arabic|French|Français|Spanish|Español|Urdu|Hindi|Persian|Russian|Turkish|Burmese|Swahili|Portuguese)$")


@dataclass
class BylinePart:
    """One name of a byline, with its offsets in the article's text and its role:
    "outlet" (the first one is the publisher), "person" (an author), "place" (a bureau's
    town: "Harbourton Bureau") or "none" (staff words: "Staff Reporter")."""

    start: int
    end: int
    text: str
    role: str
    lookup: str | None = None  # the name to look up, when not the text ("teleSUR" of "teleSUR English")


def byline_line(text: str, title: str | None = None) -> tuple[int, str] | None:
    """The byline's names (offset, string): a "By ..." line in the article's head, else a
    line of two names a bar or a dash parts (read further by :func:`read_byline`)."""
    title_end = len(title) if title and text.startswith(title) else 0
    head_end = min(len(text), _HEAD_WINDOW + title_end)
    hit = BYLINE_LINE.search(text, 0, head_end)
    if hit is None:
        hit = BARE_LINE.search(text, title_end + 1 if title_end else text.find("\n") + 1, head_end)
        if hit is None or not title_end and hit.start() == 0:
            return None
    return hit.start(1), hit.group(1).rstrip()


def caps_person(name: str) -> bool:
    """"JANA ROE", "IVO VAN BRANDT": a person's name written in capitals (two to four words)."""
    words = name.split()
    if not 2 <= len(words) <= 4 or not all(re.fullmatch(r"[A-ZÀ-Þ][A-ZÀ-Þ'’-]+|[A-Z]\.", w) for w in words):
        return False
    if any(w.lower() in STAFF_WORDS or w.capitalize() in OUTLET_WORDS or w.capitalize() in ORG_HEADS for w in words):
        return False
    return person_shaped(" ".join(w.capitalize() if len(w) > 2 else w.title() for w in words))


def person_shaped(name: str) -> bool:
    """Two to four capitalised words (particles allowed between them), none an outlet's word."""
    words = name.split()
    if not 2 <= len(words) <= 4 or words[0] == "The" or EDITION_SUFFIX.search(name):
        return False
    named = [w for w in words if w.lower() not in _PARTICLES]
    return len(named) >= 2 and all(_NAME_WORD.fullmatch(w) and w.rstrip(".") not in OUTLET_WORDS for w in named)


def _parts(start: int, names: str) -> list[tuple[int, int, str, str]]:
    """The line's names as (start, end, name, how): how is "via", "bracket" or ""."""
    out = []
    pos = 0
    bracket = False
    via = False
    for sep in [*_SEPARATOR.finditer(names), None]:
        end = sep.start() if sep is not None else len(names)
        name = names[pos:end].strip()
        if name:
            at = names.index(name, pos)
            out.append((start + at, start + at + len(name), name, "via" if via else "bracket" if bracket else ""))
        if sep is None:
            break
        token = sep.group(0)
        via = bool(_VIA.search(token.strip()) or token.strip() == "via")
        bracket = "(" in token or (bracket and ")" not in token)
        pos = sep.end()
    return out


def lone_author(name: str, url: str | None, known_org: Callable[[str], bool], known_person: Callable[[str], bool], known_country: Callable[[str], bool]) -> bool:
    """Whether a byline's only part is its author, not its outlet: a name the knowledge
    base knows as a person's, or one shaped like a person's that the article's site
    (:func:`kg.kb.base.site_keys`) does not spell, nor its initials, that the knowledge
    base does not know as an organisation, and with no word a country or a people's name
    ("Sahel Courier", "Nepal Digest" are outlets)."""
    if known_org(name) or not person_shaped(name):
        return False
    if known_person(name):
        return True
    host = url_host(url) if url else None
    if host is None:
        return False
    initials = "".join(w[0] for w in name.split() if w.lower() not in _PARTICLES).lower()
    if any(squashed(name) in key for key in site_keys(url)) or host.split(".")[0] == initials:
        return False  # "Sahel Courier" on sahelcourier.example or sc.example
    return not any(country_of_demonym(w) or known_country(w) for w in name.split())


def read_byline(
    text: str,
    title: str | None,
    known_org: Callable[[str], bool],
    known_person: Callable[[str], bool],
    known_place: Callable[[str], bool] = lambda name: False,
    url: str | None = None,
    known_country: Callable[[str], bool] = lambda name: False,
) -> list[BylinePart]:
    """The names of the article's byline with their roles, outlets first-come first.

    ``known_org(name)`` says whether the knowledge base knows the name as an
    organisation, ``known_person(name)`` as a person, ``known_place(name)`` as a place,
    ``known_country(word)`` as a country; they are asked of the parts only. ``url`` is
    the article's address, whose site tells a lone author from a lone outlet
    (:func:`lone_author`). A part of staff words ("Staff Reporter") has the role "none":
    no name, and no outlet."""
    found = byline_line(text, title)
    if found is None:
        return []
    parts = _parts(*found)
    # "By the time rescuers came, ..." is a sentence, no byline; after "via" any word is a name ("inkl").
    if not parts or any(not re.search(r"[A-Z]|\w\.\w", name) for _, _, name, how in parts if how != "via") or found[1][-1] in ".!?:;,":
        return []
    if found[0] == 0 or text[found[0] - 1] == "\n":  # no "By": two names, a person's and an outlet's
        if len(parts) != 2 or not _person_and_outlet([p[2] for p in parts], known_org, known_person):
            return []
    out = []
    alone = len(parts) == 1 and lone_author(parts[0][2], url, known_org, known_person, known_country)
    pieces = [piece for start, end, name, how in parts for piece in _split_part(start, name, how, known_org)]
    for start, end, name, how, role in pieces:
        if role is not None or all(w.lower() in STAFF_WORDS for w in name.split()):
            out.append(BylinePart(start, end, name, role or "none"))
            continue
        if (alone and len(pieces) == 1) or how == "bracket" or (how != "via" and not known_org(name) and _is_person(name, len(parts), known_person)):
            out.append(BylinePart(start, end, name, "person"))
            continue
        team = TEAM_PREFIX.match(name)
        if team is not None:
            start, name = start + team.end(), name[team.end() :]
        desk = DESK_SUFFIX.search(name)
        if desk is not None and desk.start() > 0:
            end -= len(name) - desk.start()
            name = name[: desk.start()]
            if known_place(name) and not known_org(name):  # "By Harbourton Bureau": the bureau's town, no outlet
                out.append(BylinePart(start, end, name, "place"))
                continue
        lookup = None
        edition = EDITION_SUFFIX.search(name)
        if edition is not None and not known_org(name) and known_org(name[: edition.start()]):
            lookup = name[: edition.start()]
        out.append(BylinePart(start, end, name, "outlet", lookup))
    return out


# "Published 3 hours ago", "Updated: May 2": a byline's time, no name.
_TIME_PART = re.compile(r"\b(?:ago|hours?|minutes?|[Uu]pdated|UPDATED|[Pp]ublished|PUBLISHED|[Pp]osted|GMT|UTC)\b|\d{1,2}:\d{2}|" + MONTH_PATTERN + r"\.?\s+\d")
_IN_TOWN = re.compile(r"\s+in\s+(?=[A-Z])")


def _split_part(start: int, name: str, how: str, known_org: Callable[[str], bool]) -> list[tuple[int, int, str, str, str | None]]:
    """A byline's part, as the names it holds (start, end, name, how, role or None):
    a time ("Updated 2 hours ago") none; "Jana Roe in Harbourton" a person and her town;
    "JANA ROE Associated Press", "Jana Roe River Wire" a person and an outlet (the person
    in capitals, or the outlet known)."""
    end = start + len(name)
    if _TIME_PART.search(name):
        return [(start, end, name, how, "none")]
    town = _IN_TOWN.search(name)
    if town is not None:
        who, where = name[: town.start()], name[town.end() :]
        if (person_shaped(who) or caps_person(who)) and re.fullmatch(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}", where):
            return [(start, start + len(who), who, how, "person"), (start + town.end(), end, where, how, "place")]
    words = name.split()
    for k in range(len(words) - 1, 1, -1):
        who, rest = " ".join(words[:k]), " ".join(words[k:])
        outlet = known_org(rest) or (not rest.isupper() and any(w in OUTLET_WORDS for w in words[k:]))
        if outlet and not known_org(name) and (caps_person(who) or (person_shaped(who) and known_org(rest))):
            at = start + name.index(rest, len(who))
            return [(start, start + len(who), who, how, "person"), (at, end, rest, how, None)]
    return [(start, end, name, how, None)]


def _is_person(name: str, n_parts: int, known_person: Callable[[str], bool]) -> bool:
    """A person's part: in capitals whatever the line ("By JANA ROE"); in title case when
    the line has other parts to tell it from an outlet, or the knowledge base knows it."""
    return caps_person(name) or (n_parts > 1 and (person_shaped(name) or known_person(name)))


def _person_and_outlet(names: list[str], known_org: Callable[[str], bool], known_person: Callable[[str], bool]) -> bool:
    """Whether one of two names is a person's and the other an outlet's (known, an
    acronym, a web name, or with an outlet's word): "Jana Roe | River Wire"."""

    def outlet(n: str) -> bool:
        return known_org(n) or bool(_OUTLET_SHAPE.fullmatch(n)) or any(w in OUTLET_WORDS for w in n.split()[1:])

    def person(n: str) -> bool:
        return not known_org(n) and (person_shaped(n) or caps_person(n) or known_person(n))

    a, b = names
    return (person(a) and outlet(b)) or (outlet(a) and person(b))


def _knows(candidates: Callable[[str], list[Candidate]], type_: str) -> Callable[[str], bool]:
    return lambda name: any(c.entry.type == type_ and not c.via_skeleton for c in candidates(name))


def byline_parts(article: Article, candidates: Callable[[str], list[Candidate]]) -> list[BylinePart]:
    """The byline's parts, when the line is the one the reader took the outlet from (or
    the reader took none: "By teleSUR English" is no byline to a reader that wants a
    capital); else none."""
    found = byline_line(article.text, article.title)
    if found is None:
        return []
    start, names = found
    span = article.outlet_span
    if span is not None and not start <= span[0] < start + len(names):
        return []
    if span is None and article.outlet:
        return []  # the outlet came from metadata; the line may be no byline of it
    country = lambda word: any(c.entry.type == "Place" and "Country" in c.entry.classes and not c.via_skeleton for c in candidates(word))  # noqa: E731
    return read_byline(article.text, article.title, _knows(candidates, "Organization"), _knows(candidates, "Person"), _knows(candidates, "Place"), article.url, country)


def byline_mentions(article: Article, candidates: Callable[[str], list[Candidate]]) -> tuple[list[Mention], tuple[int, int]]:
    """The byline's names as mentions: outlets labelled OUTLET (the first is the
    publisher), authors PERSON; without a byline line, the reader's outlet span. And
    the stretch of text they stand in, where no other mention belongs ("Desk")."""
    parts = byline_parts(article, candidates)
    if not parts:
        if not article.outlet or not article.outlet_span:
            return [], (0, 0)
        s, e = article.outlet_span
        return ([Mention(s, e, article.outlet, "OUTLET", "reader")] if article.text[s:e] == article.outlet else []), (s, e)
    start, names = byline_line(article.text, article.title) or (0, "")
    labels = {"person": "PERSON", "place": "GPE"}
    mentions = [
        Mention(p.start, p.end, p.text, "OUTLET", "reader", fold(p.lookup) if p.lookup else None)
        if p.role == "outlet"
        else Mention(p.start, p.end, p.text, labels[p.role], "byline")
        for p in parts
        if p.role != "none"
    ]
    return mentions, (start, start + len(names))


def with_byline_outlet(article: Article, candidates: Callable[[str], list[Candidate]]) -> Article:
    """The article with its outlet the byline's first outlet (its name without a desk
    word), and no outlet when the byline names only people."""
    parts = byline_parts(article, candidates)
    if not parts:
        return article
    outlets = [p for p in parts if p.role == "outlet"]
    if not outlets:
        return replace(article, outlet=None, outlet_span=None)
    first = outlets[0]
    if first.text == article.outlet and first.start == (article.outlet_span or (None,))[0]:
        return article
    return replace(article, outlet=first.text, outlet_span=(first.start, first.end))


# A photo credit: "(Evgeniy Maloletka/AP)", "Photo: Hussein Malla / The Associated Press".
# Scraped captions run into their credit ("in Gezira stateImage: Ebrahim Hamid/AFP"), and
# "Photo by Danel Okoro EPA-EFE" names the agency after a space.
CREDIT_NAME = re.compile(
    r"(?:\(|(?:\b|(?<=[a-z]))(?:Photo|Photograph|Picture|Image)s?:\s*|\b(?:Photo|Photograph|Picture|Image)s?\s+by\s+)"
    r"((?:[A-Z][a-zà-ÿ'’-]+\s){1,3}[A-Z][a-zà-ÿ'’-]+)(?:\s?/\s?[A-Z]|\s+[A-Z]{2,}(?:-[A-Z]{2,})?\b)"
)


# The capitals of East African captions' credits: "PHOTO/ TEMBO OKARI", "PHOTO | JANE ROE".
CREDIT_CAPS = re.compile(r"\b(?:PHOTO|PICTURE|IMAGE)S?[ \t]*[/|:][ \t]*([A-Z][A-Z'’-]+(?:[ \t]+[A-Z][A-Z'’-]+){1,3})\b(?![ \t]*[/|])")


def credit_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """The photographers photo credits name, which the recogniser misses before the
    slash: person mentions, where no mention overlaps them. A credit in capitals names the
    photographer whole, over the piece of it the model took (an "organisation" "OKARI"),
    unless it names a body ("PHOTO | NATION MEDIA GROUP") or is a credit's words ("FILE")."""
    out = unclaimed_group(CREDIT_NAME, text, mentions, "PERSON")
    if "PHOTO" in text or "PICTURE" in text or "IMAGE" in text:
        for h in CREDIT_CAPS.finditer(text):
            words = h.group(1).split()
            if any(w.capitalize() in ORG_HEADS or w.lower() in CREDIT_WORDS for w in words):
                continue
            if unclaimed(h.start(1), h.end(1), [o for o in mentions if not (h.start(1) <= o.start and o.end <= h.end(1))]):
                out.append(Mention(h.start(1), h.end(1), h.group(1), "PERSON", "ner"))
    return out
