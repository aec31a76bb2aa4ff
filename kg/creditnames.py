"""What a credited name is: the agencies, photographers and reporters of credits and
bylines, typed by what they are (kg/credits.py and kg/outletnames.py read the shapes).

- a name the knowledge base knows as an organisation is that organisation (an agency);
- an acronym ("AFP", "EPA-EFE"), a name with an outlet's or a body's word ("Getty
  Images", "Harbour News") or a web name ("Lantern.Net") is an organisation;
- two to four capitalised words, in title case or in capitals ("JANA ROE"), are a person;
- a credit's own words ("File", "Handout", "Pool", "Staff") are nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.bylines import OUTLET_WORDS, STAFF_WORDS, caps_person, person_shaped
from kg.kb.base import Candidate, fold
from kg.mentions import ORG_HEADS
from kg.types import Mention

Candidates = Callable[[str], list[Candidate]]


# Words of credits that name nobody: "File photo", "HANDOUT/AFP", "Pool via Reuters".
JUNK_WORDS = {
    "file", "files", "handout", "pool", "stringer", "str", "staff", "supplied", "screenshot", "screengrab", "screen", "grab",
    "archive", "archives", "courtesy", "photo", "photos", "image", "images", "picture", "pictures", "pic", "video", "credit",
    "source", "sources", "social", "media", "reporter", "reporters", "correspondent", "correspondents", "writer", "writers",
    "our", "own", "special", "senior", "a", "an", "the", "agencies", "agency", "wires", "wire", "x", "internet", "website", "info",
}  # fmt: skip
# Heads that make a credited name an organisation's, beside the outlets' and bodies' words.
_CREDIT_ORG_WORDS = OUTLET_WORDS | ORG_HEADS | {"Images", "Photos", "Pictures", "Picture", "Collection", "Photo", "Pix", "Stock", "Archive", "Archives", "Studio", "Studios", "Foundation"}
_ACRONYM = re.compile(r"[A-Z]{2,6}(?:-[A-Z]{2,6})?")
_WEB_NAME = re.compile(r"\S+\.(?:com|net|org|info|news|ng|co\.\w+|tv)$", re.I)
_NAME_PARTICLES = {"el", "al", "de", "del", "la", "le", "du", "of", "the", "and", "da", "do", "dos"}
# An agency acronym after a photographer's name, with no slash: "Jana Roe EPA-EFE".
_TRAILING_ACRONYM = re.compile(r"^(.*[a-z].*?)[ \t]+([A-Z]{2,6}(?:-[A-Z]{2,6})?)$")
# "AP Photo", "Reuters TV Pictures": a credit's word after the agency's name.
_LABEL_AFTER = re.compile(r"[ \t]+(?:Photo|PHOTO|Photos|Pictures|Picture|Images|Video|Handout|HANDOUT|File|FILE)$")
# What separates a credit's names: a slash, "via", a comma or semicolon, "and", a bar, a spaced dash.
_PIECES = re.compile(r"[ \t]*/[ \t]*|[ \t]+via[ \t]+|[ \t]*[,;|][ \t]*|[ \t]+(?:for|from)[ \t]+|[ \t]+[-–—][ \t]+")
# "and" and "&" part two names, unless they stand inside one ("News and Information Agency").
_AND = re.compile(r"[ \t]*&[ \t]*|[ \t]+and[ \t]+")


def knows(candidates: Candidates, name: str, type_: str) -> bool:
    return any(c.entry.type == type_ and not c.via_skeleton for c in candidates(name))


def credited_name(name: str, candidates: Candidates, lone_word: str | None = "ORG") -> str | None:
    """What a credit's name is: "ORG", "PERSON", or None (no name, or a credit's words).
    ``lone_word``: what an unknown one-word capitalised name is ("Photo: Lantern" an
    agency; "Editing by Brandt" nobody, when None)."""
    words = name.split()
    if not words or len(words) > 6 or all(fold(w) in JUNK_WORDS for w in words):
        return None
    if knows(candidates, name, "Organization"):
        return "ORG"  # "dpa" too
    if not name[:1].isupper():
        return None
    if knows(candidates, name, "Person"):
        return "PERSON"
    if _ACRONYM.fullmatch(name):
        return "ORG"  # a credit's acronym is an agency's, whatever town it spells
    if knows(candidates, name, "Place"):
        return None  # "(Harbourton/Dunmere)": places, no credit's names
    if _WEB_NAME.search(name):
        return "ORG"
    if len(words) > 1 and any(w in _CREDIT_ORG_WORDS or w.capitalize() in _CREDIT_ORG_WORDS for w in words[1:]):
        return "ORG"
    if person_shaped(name) or caps_person(name):
        return "PERSON"
    if len(words) == 1 and re.fullmatch(r"[A-Z][\w'’-]+", name):
        return lone_word
    if len(words) <= 4 and all(re.fullmatch(r"[A-Z][\w'’.-]*", w) or w.lower() in _NAME_PARTICLES for w in words) and words[-1][:1].isupper():
        return lone_word  # "El Lantern": a name of no person's shape, as a lone word is
    return None


def credit_mention(start: int, name: str, kind: str, candidates: Candidates) -> Mention:
    if kind == "ORG" and knows(candidates, name, "Organization"):
        return Mention(start, start + len(name), name, "KB", "kb", fold(name))
    return Mention(start, start + len(name), name, kind, "ner")


def split_pieces(body: str, at: int, separators: re.Pattern = _PIECES) -> list[tuple[str, int]]:
    """The pieces of a credit's body between its separators, each with its offset."""
    out, pos = [], 0
    for sep in [*separators.finditer(body), None]:
        end = sep.start() if sep is not None else len(body)
        piece = body[pos:end].strip()
        if piece:
            out.append((piece, at + body.index(piece, pos)))
        if sep is None:
            break
        pos = sep.end()
    return out


def _one_body(piece: str, candidates: Candidates) -> bool:
    """Whether "and" stands inside one body's name: the whole known, or a body's head word
    ending it after a first half that is no person's ("Harbour News and Information Agency")."""
    if not _AND.search(piece):
        return True
    if knows(candidates, piece, "Organization"):
        return True
    first = _AND.split(piece, maxsplit=1)[0]
    return piece.split()[-1] in ORG_HEADS and not (person_shaped(first) or caps_person(first) or knows(candidates, first, "Organization"))


def credit_pieces(body: str, at: int, candidates: Candidates, lone_word: str | None = "ORG") -> list[Mention]:
    """The names of a credit's body (at offset ``at`` of the text): split at slashes,
    "via", commas and "and"; each piece typed by :func:`credited_name`."""
    out: list[Mention] = []
    pieces = [q for p, a in split_pieces(body, at) for q in ([(p, a)] if _one_body(p, candidates) else split_pieces(p, a, _AND))]
    for piece, start in pieces:
        if piece.startswith("The ") and len(piece.split()) > 2:  # "The Associated Press": the name after "The"
            piece, start = piece[4:], start + 4
        label = _LABEL_AFTER.search(piece)
        if label is not None and knows(candidates, piece[: label.start()], "Organization"):
            piece = piece[: label.start()]  # "AP Photo", "Reuters Pictures": the agency's credit
        trailing = _TRAILING_ACRONYM.match(piece)
        parts = [(piece, start)]
        if trailing is not None and credited_name(trailing.group(1), candidates, None) == "PERSON":
            parts = [(trailing.group(1), start), (trailing.group(2), start + trailing.start(2))]  # "Jana Roe EPA-EFE"
        for name, s in parts:
            kind = credited_name(name, candidates, lone_word)
            if kind is not None:
                out.append(credit_mention(s, name, kind, candidates))
    return out


def knows_news(candidates: Candidates, name: str) -> bool:
    return any(c.entry.type == "Organization" and "NewsOrganization" in c.entry.classes and not c.via_skeleton for c in candidates(name))


def only_names(body: str, names: list[Mention], at: int) -> bool:
    """Whether the credit's body is its names and separators or credit words only."""
    rest = list(body)
    for m in names:
        rest[m.start - at : m.end - at] = " " * (m.end - m.start)
    words = re.findall(r"[^\s/,;|&()\-–—]+", "".join(rest))
    return all(w.lower() in JUNK_WORDS | {"via", "and", "by", "for", "from", "of", "the"} for w in words)


_STAFF_HEADS = {"staff", "reporter", "reporters", "correspondent", "correspondents", "writer", "writers", "editor", "editors", "contributor", "contributors", "desk", "newsroom"}


def staff_words(name: str) -> bool:
    """"Staff Reporter", "Our Correspondent", "News Desk": a writer's post or desk, no name."""
    words = [w.lower() for w in name.split()]
    return bool(words) and all(w in STAFF_WORDS for w in words) and any(w in _STAFF_HEADS for w in words)
