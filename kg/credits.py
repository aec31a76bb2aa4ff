"""Credits: the agencies, photographers and reporters a news text credits, and the
place of a wire's dateline, read from the few shapes they come in.

The model reads a credit as prose and gets it wrong in set ways: "(Photo by Jana
Roe/Getty Images)" one organisation, "Image: Lantern/Ivo Brandt" the agency alone,
"Editing by Ola Brandt" an organisation, "File" of "File photo: AP" a name, "BRASILIA,
Brazil (AP) —" the city left out or fused with the agency. Each shape is read here by
its own pattern; its parts get their type from what they are:

- a name the knowledge base knows as an organisation is that organisation (an agency);
- an acronym ("AFP", "EPA-EFE"), a name with an outlet's or a body's word ("Getty
  Images", "Harbour News") or a web name ("Lantern.Net") is an organisation;
- two to four capitalised words, in title case or in capitals ("JANA ROE"), are a person;
- a credit's own words ("File", "Handout", "Pool", "Staff") are nothing.

:func:`with_credits` puts these names in place of whatever the recogniser drew over the
credit's stretch of text: the stretch holds the credit's names and nothing else.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from kg.bylines import OUTLET_WORDS, STAFF_WORDS, caps_person, person_shaped
from kg.kb.base import Candidate, fold, url_host
from kg.mentions import ORG_HEADS, model_label
from kg.names import MONTH_PATTERN
from kg.types import Mention

Candidates = Callable[[str], list[Candidate]]

# Words of credits that name nobody: "File photo", "HANDOUT/AFP", "Pool via Reuters".
JUNK_WORDS = {
    "file", "files", "handout", "pool", "stringer", "str", "staff", "supplied", "screenshot", "screengrab", "screen", "grab",
    "archive", "archives", "courtesy", "photo", "photos", "image", "images", "picture", "pictures", "pic", "video", "credit",
    "source", "sources", "social", "media", "reporter", "reporters", "correspondent", "correspondents", "writer", "writers",
    "our", "own", "special", "senior", "a", "an", "the", "agencies", "agency", "wires", "wire", "x", "internet", "website",
}  # fmt: skip
# Heads that make a credited name an organisation's, beside the outlets' and bodies' words.
_CREDIT_ORG_WORDS = OUTLET_WORDS | ORG_HEADS | {"Images", "Photos", "Pictures", "Picture", "Collection", "Photo", "Pix", "Stock", "Archive", "Archives", "Studio", "Studios", "Foundation"}
_ACRONYM = re.compile(r"[A-Z]{2,6}(?:-[A-Z]{2,6})?")
_WEB_NAME = re.compile(r"\S+\.(?:com|net|org|info|news|ng|co\.\w+|tv)$", re.I)
# An agency acronym after a photographer's name, with no slash: "Jana Roe EPA-EFE".
_TRAILING_ACRONYM = re.compile(r"^(.*[a-z].*?)[ \t]+([A-Z]{2,6}(?:-[A-Z]{2,6})?)$")
# "AP Photo", "Reuters TV Pictures": a credit's word after the agency's name.
_LABEL_AFTER = re.compile(r"[ \t]+(?:Photo|PHOTO|Photos|Pictures|Picture|Images|Video|Handout|HANDOUT|File|FILE)$")
# What separates a credit's names: a slash, "via", a comma or semicolon, "and", a bar, a spaced dash.
_PIECES = re.compile(r"[ \t]*/[ \t]*|[ \t]+via[ \t]+|[ \t]*[,;|&][ \t]*|[ \t]+and[ \t]+|[ \t]+(?:for|from)[ \t]+|[ \t]+[-–—][ \t]+")


def _knows(candidates: Candidates, name: str, type_: str) -> bool:
    return any(c.entry.type == type_ and not c.via_skeleton for c in candidates(name))


def credited_name(name: str, candidates: Candidates, lone_word: str | None = "ORG") -> str | None:
    """What a credit's name is: "ORG", "PERSON", or None (no name, or a credit's words).
    ``lone_word``: what an unknown one-word capitalised name is ("Photo: Lantern" an
    agency; "Editing by Brandt" nobody, when None)."""
    words = name.split()
    if not words or len(words) > 6 or all(fold(w) in JUNK_WORDS for w in words):
        return None
    if _knows(candidates, name, "Organization"):
        return "ORG"  # "dpa" too
    if not name[:1].isupper():
        return None
    if _knows(candidates, name, "Person"):
        return "PERSON"
    if _ACRONYM.fullmatch(name):
        return "ORG"  # a credit's acronym is an agency's, whatever town it spells
    if _knows(candidates, name, "Place"):
        return None  # "(Harbourton/Dunmere)": places, no credit's names
    if _WEB_NAME.search(name):
        return "ORG"
    if len(words) > 1 and any(w in _CREDIT_ORG_WORDS or w.capitalize() in _CREDIT_ORG_WORDS for w in words[1:]):
        return "ORG"
    if person_shaped(name) or caps_person(name):
        return "PERSON"
    if len(words) == 1 and re.fullmatch(r"[A-Z][\w'’-]+", name):
        return lone_word
    return None


def _mention(start: int, name: str, kind: str, candidates: Candidates) -> Mention:
    if kind == "ORG" and _knows(candidates, name, "Organization"):
        return Mention(start, start + len(name), name, "KB", "kb", fold(name))
    return Mention(start, start + len(name), name, kind, "ner")


def _split(body: str, at: int, separators: re.Pattern = _PIECES) -> list[tuple[str, int]]:
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


def credit_pieces(body: str, at: int, candidates: Candidates, lone_word: str | None = "ORG") -> list[Mention]:
    """The names of a credit's body (at offset ``at`` of the text): split at slashes,
    "via", commas and "and"; each piece typed by :func:`credited_name`."""
    out: list[Mention] = []
    for piece, start in _split(body, at):
        if piece.startswith("The ") and len(piece.split()) > 2:  # "The Associated Press": the name after "The"
            piece, start = piece[4:], start + 4
        label = _LABEL_AFTER.search(piece)
        if label is not None and _knows(candidates, piece[: label.start()], "Organization"):
            piece = piece[: label.start()]  # "AP Photo", "Reuters Pictures": the agency's credit
        trailing = _TRAILING_ACRONYM.match(piece)
        parts = [(piece, start)]
        if trailing is not None and credited_name(trailing.group(1), candidates, None) == "PERSON":
            parts = [(trailing.group(1), start), (trailing.group(2), start + trailing.start(2))]  # "Jana Roe EPA-EFE"
        for name, s in parts:
            kind = credited_name(name, candidates, lone_word)
            if kind is not None:
                out.append(_mention(s, name, kind, candidates))
    return out


# -- photo credits -----------------------------------------------------------------

_LABEL = r"(?:(?:[Ff]ile|FILE|[Cc]over|[Mm]ain|[Ff]eature[d]?|[Ll]ead)[ \t]+)?(?:[Pp]hoto(?:graph)?|PHOTO(?:GRAPH)?|[Pp]icture|PICTURE|[Ii]mage|IMAGE|[Pp]ic|[Vv]ideo|[Ff]ootage|[Ii]llustration)s?"
_CREDIT_LABEL = r"(?:[Cc]redit|CREDIT|[Ss]ource|SOURCE|[Cc]ourtesy|COURTESY)s?"
# Where a credit's label may stand: a line's or a bracket's start, after a sentence, or
# glued to a caption's last word ("in the stateImage: Jana Roe/AFP").
_CREDIT_AT = r"(?:(?:^|(?<=[(\[|]))[ \t]*|(?<=[.!?”\"][ \t])|(?<=[a-z])(?=[A-Z]))"
# "Photo: AFP", "File photo: AP", "Image | Jana Roe", "Credit: Getty Images", "Source: Lantern.Net",
# "Photo by Jana Roe/Getty Images", "Picture courtesy of Lantern News".
_SECOND = r"[ \t]+(?:[Cc]redit|CREDIT|[Cc]ourtesy|COURTESY|[Ss]ource|SOURCE)s?"  # "Photo credit", "Image source"
PHOTO_CREDIT = re.compile(
    _CREDIT_AT + r"(?:(?:" + _LABEL + r"(?:" + _SECOND + r")?|" + _CREDIT_LABEL + r")[ \t]*[:|/][ \t]*(?=\S)"
    r"|" + _LABEL + _SECOND + r"[ \t]*,[ \t]*(?=[A-Z])"
    r"|(?:©|\([Cc]\)|[Cc]opyright|COPYRIGHT)[ \t]*(?:\d{4}(?:[-–]\d{2,4})?[ \t]*)?(?=[A-Z])"
    r"|" + _LABEL + r"[ \t]+(?:by|BY|courtesy(?:[ \t]+of)?|COURTESY(?:[ \t]+OF)?)[ \t]+(?=[A-Z]))",
    re.M,
)
# "(Jana Roe/AFP)", "(AFP via Getty Images)": a bracketed credit with a slash or "via".
BRACKET_CREDIT = re.compile(r"\(([A-Z][^()\n]{1,80}?(?:/|[ \t]via[ \t])[^()\n]{1,80}?)\)")
_BODY_END = re.compile(r"[)\]\n]|(?<![A-Z])(?<!\b[A-Z][a-z])\.(?=\s|$)|$")


def photo_credits(text: str, candidates: Candidates) -> list[tuple[int, int, list[Mention]]]:
    """Each photo credit's stretch of text (start, end) and its names."""
    out: list[tuple[int, int, list[Mention]]] = []
    for hit in PHOTO_CREDIT.finditer(text):
        body_at = hit.end()
        stop = _BODY_END.search(text, body_at)
        body_end = stop.start() if stop is not None else len(text)
        body = text[body_at:body_end]
        if not body.strip() or len(body) > 120:
            continue
        names = credit_pieces(body, body_at, candidates)
        # A credit's body is names: a sentence after "Photo:" ("Photo: Soldiers patrol the town") is a caption.
        if names and _only_names(body, names, body_at):
            out.append((hit.start(), body_end, names))
    taken = [(s, e) for s, e, _ in out]
    for hit in BRACKET_CREDIT.finditer(text):
        if any(s < hit.end() and hit.start() < e for s, e in taken):
            continue
        names = credit_pieces(hit.group(1), hit.start(1), candidates, None)
        # One of them an agency: "(Kyiv/Lviv)" is no credit.
        agency = any(m.label in ("KB", "ORG") for m in names) if len(names) >= 2 else all(m.label == "KB" and _knows_news(candidates, m.text) for m in names)
        if names and agency and _only_names(hit.group(1), names, hit.start(1)):  # "(Jana Roe/AFP)", "(AFP/File)"
            out.append((hit.start(1), hit.end(1), names))
    return out


# "... in Harbourton on Sunday. LANTERN/Jana Roe": an agency and a photographer (either
# order) after the caption's last sentence, at the end of its line.
CAPTION_END = re.compile(r"(?<=[.!?”\"])[ \t]+([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}[ \t]*/[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Za-z][\w.'’-]*){0,4})[ \t]*$", re.M)


def caption_ends(text: str, candidates: Candidates) -> list[tuple[int, int, list[Mention]]]:
    """Each credit that ends a caption's line without a label, where one of its names is
    a news organisation the knowledge base knows (a slash alone makes no credit)."""
    out = []
    for hit in CAPTION_END.finditer(text):
        names = credit_pieces(hit.group(1), hit.start(1), candidates)
        news = any(m.label == "KB" and _knows_news(candidates, m.text) for m in names)
        if len(names) >= 2 and news and _only_names(hit.group(1), names, hit.start(1)):
            out.append((hit.start(1), hit.end(1), names))
    return out


def _knows_news(candidates: Candidates, name: str) -> bool:
    return any(c.entry.type == "Organization" and "NewsOrganization" in c.entry.classes and not c.via_skeleton for c in candidates(name))


# "Harbour Tribune gathered that ...", "... , Valley Post learnt.": a name with an outlet's
# head word that reports is an outlet.
_WORD = r"[A-Z][\w'’-]*(?:\.[A-Za-z]+)*"  # "Info.Net", not a sentence's last word and its stop
_OUTLET_HEADS = r"(?:News|Times|Post|Tribune|Herald|Gazette|Journal|Express|Chronicle|Observer|Telegraph|Guardian|Mail|Reporters|Daily|Online|Media|Radio|TV)"
REPORTING_OUTLET = re.compile(
    r"(?<![\w'’-])((?:" + _WORD + r"[ \t]+){1,3}" + _OUTLET_HEADS + r")(?=[ \t]+(?:gathered|learnt|learned|reported|reports|understands|observed|gathers|learns|obtained|confirmed|can[ \t]+report|has[ \t]+learnt|has[ \t]+learned)\b)"
)


def reporting_outlets(text: str, candidates: Candidates) -> list[tuple[int, int, list[Mention]]]:
    """Outlets a story names as its reporter, as organisations."""
    out = []
    for hit in REPORTING_OUTLET.finditer(text):
        name = hit.group(1)
        if name.split()[0] in ("The", "A", "An") and len(name.split()) > 2:
            name = name.split(" ", 1)[1]
        start = hit.start(1) + hit.group(1).index(name)
        if credited_name(name, candidates, "ORG") == "ORG" and not _knows(candidates, name, "Place"):
            out.append((start, start + len(name), [_mention(start, name, "ORG", candidates)]))
    return out


def _only_names(body: str, names: list[Mention], at: int) -> bool:
    """Whether the credit's body is its names and separators or credit words only."""
    rest = list(body)
    for m in names:
        rest[m.start - at : m.end - at] = " " * (m.end - m.start)
    words = re.findall(r"[^\s/,;|&()\-–—]+", "".join(rest))
    return all(w.lower() in JUNK_WORDS | {"via", "and", "by", "for", "from", "of", "the"} for w in words)


# "Jana Roe/LANTERN", "LANTERN/Jana Roe" inside a caption's text, with no label or bracket.
_CAP = r"[A-ZÀ-Þ][\w'’-]+"
SLASH_CREDIT = re.compile(r"(?<![\w/])(" + _CAP + r"(?:[ \t]+" + _CAP + r"){0,3})[ \t]?/[ \t]?(" + _CAP + r"(?:[ \t]+" + _CAP + r"){0,3})(?![\w/])")


def _person_words(words: list[str], from_end: bool, candidates: Candidates) -> int:
    """How many of the words next to the slash (the last ones, or the first) are a
    person's name: three when those are one and the first of them is no known word's, else two."""
    for n in (3, 2):
        part = words[-n:] if from_end else words[:n]
        if len(part) == n and (person_shaped(" ".join(part)) or caps_person(" ".join(part))) and (n == 2 or not candidates(part[0])):
            return n
    return 0


def slash_credits(text: str, candidates: Candidates) -> list[tuple[int, int, list[Mention]]]:
    """A photographer and a news agency the knowledge base knows, a slash between them
    (either order; the agency's name is the words next to the slash that it knows)."""
    out = []
    for hit in SLASH_CREDIT.finditer(text):
        left, right = hit.group(1).split(), hit.group(2).split()
        agency = next((" ".join(right[:k]) for k in range(min(3, len(right)), 0, -1) if _knows_news(candidates, " ".join(right[:k]))), None)
        n = _person_words(left, True, candidates) if agency else 0
        if n:  # "Gao Jana Roe/AFP": the town is no part of her name
            who = " ".join(left[-n:])
            s0, at = hit.end(1) - len(who), hit.start(2)
            out.append((s0, at + len(agency), [Mention(s0, hit.end(1), who, "PERSON", "ner"), _mention(at, agency, "ORG", candidates)]))
            continue
        agency = next((" ".join(left[-k:]) for k in range(min(3, len(left)), 0, -1) if _knows_news(candidates, " ".join(left[-k:]))), None)
        n = _person_words(right, False, candidates) if agency else 0
        if n:
            who = " ".join(right[:n])
            at = hit.end(1) - len(agency)
            out.append((at, hit.start(2) + len(who), [_mention(at, agency, "ORG", candidates), Mention(hit.start(2), hit.start(2) + len(who), who, "PERSON", "ner")]))
    return out


# -- sign-off lines ------------------------------------------------------------------

# "(Reporting by Jana Roe in Harbourton; Editing by Ivo Brandt)", "Additional reporting by ...".
SIGN_OFF = re.compile(
    r"(?:(?<=[\n(;|])|^|(?<=[.!?”\"] ))[ \t]*(?:(?:[Aa]dditional|ADDITIONAL|[Ww]ith|WITH|[Ff]urther)[ \t]+)?"
    r"(?:[Rr]eporting|REPORTING|[Ww]riting|WRITING|[Ee]diting|EDITING|[Ee]dited|[Cc]ompiled|[Tt]ranslated|[Pp]roduced|[Ff]act-?checking|[Ww]ritten|[Rr]eported|[Cc]ontributions?)"
    r"[ \t]+(?:by|BY)[ \t]+(?=[A-Z])",
    re.M,
)
_SIGN_OFF_END = re.compile(r"[;)\n]|(?<![A-Z])\.(?=\s|$)|$")


_LIST_SEPARATOR = re.compile(r"[ \t]*[,&][ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+")
_IN_PLACE = re.compile(r"[ \t]+in[ \t]+(?=[A-Z])")
_PLACE_WORDS = re.compile(r"[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2}")


def _listed(body: str, at0: int, candidates: Candidates) -> list[Mention]:
    """The names of a credit's list ("Jana Roe in Harbourton and Dunmere, Ivo Brandt"):
    people or an agency, and the towns after "in"; up to the first piece that is none."""
    names: list[Mention] = []
    in_places = False
    for segment, at in _split(body, at0, _LIST_SEPARATOR):
        place = _IN_PLACE.search(segment)
        who = segment[: place.start()] if place is not None else segment
        # After "in Harbourton and", the next name is another place when it is one.
        if in_places and place is None and _knows(candidates, who, "Place") and not _knows(candidates, who, "Person"):
            names.append(Mention(at, at + len(who), who, "GPE", "ner"))
            continue
        kind = credited_name(who, candidates, None)
        if kind is None:
            break  # "Reporting by Lantern Wire, the attack killed ...": the list has ended
        names.append(_mention(at, who, kind, candidates))
        in_places = place is not None
        where = segment[place.end() :] if place is not None else ""
        if _PLACE_WORDS.fullmatch(where):
            names.append(Mention(at + place.end(), at + len(segment), where, "GPE", "ner"))
    return names


def sign_offs(text: str, candidates: Candidates) -> list[tuple[int, int, list[Mention]]]:
    """Each wire sign-off's stretch and its names: reporters (people, or an agency that
    reported), and the places they filed from ("Jana Roe in Harbourton")."""
    out = []
    for hit in SIGN_OFF.finditer(text):
        stop = _SIGN_OFF_END.search(text, hit.end())
        end = stop.start() if stop is not None else len(text)
        if end - hit.end() > 200:
            continue
        names = _listed(text[hit.end() : end], hit.end(), candidates)
        if names:
            out.append((hit.start(), max(m.end for m in names), names))
    return out


# "Lantern Wire writers Jana Roe in Harbourton and Ivo Brandt contributed to this report."
CONTRIBUTED = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?”\"] ))((?:[A-Z][\w'’-]*[ \t]+){0,3}(?:writers?|reporters?|correspondents?|journalists?|photographers?)[ \t]+)?"
    r"([A-Z][^.!?\n]{2,200}?)[ \t]+contributed(?=[ \t]+(?:to[ \t]+(?:this|the)[ \t]+(?:report|story|article)|reporting)\b|[ \t]*\.)"
)
_ROLE_NOUN = re.compile(r"[ \t]+(?:writers?|reporters?|correspondents?|journalists?|photographers?)[ \t]+$")


def contributors(text: str, candidates: Candidates) -> list[tuple[int, int, list[Mention]]]:
    """The closing "X and Y contributed to this report": people (and the outlet they
    write for, and the towns they filed from)."""
    out = []
    for hit in CONTRIBUTED.finditer(text):
        names: list[Mention] = []
        if hit.group(1):
            outlet = text[hit.start(1) : hit.start(1) + _ROLE_NOUN.search(hit.group(1)).start()]
            if outlet and credited_name(outlet, candidates, "ORG") == "ORG":
                names.append(_mention(hit.start(1), outlet, "ORG", candidates))
        people = _listed(hit.group(2), hit.start(2), candidates)
        if people and all(m.label in ("PERSON", "GPE") for m in people):
            out.append((hit.start(), hit.end(2), names + people))
    return out


# "... the army said. (via Lantern News)", "— via AFP": an outlet a story came through.
VIA_OUTLET = re.compile(r"(?<![\w-])(?:via|VIA)[ \t]+([A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,3})(?=[ \t]*(?:[).\]]|\n|$))")


def via_outlets(text: str, candidates: Candidates) -> list[tuple[int, int, list[Mention]]]:
    """Each "via <outlet>" that ends a line or a bracket, where the name is an outlet's
    (a known organisation or an outlet's shape), not a route's place ("via Lanterna")."""
    out = []
    for hit in VIA_OUTLET.finditer(text):
        name = hit.group(1).rstrip(".")
        if _knows(candidates, name, "Place") and not _knows(candidates, name, "Organization"):
            continue
        if credited_name(name, candidates, None) == "ORG":
            out.append((hit.start(1), hit.start(1) + len(name), [_mention(hit.start(1), name, "ORG", candidates)]))
    return out


# "Gunmen kill ten in a raid | Harbour Tribune", "... - Lantern Wire": the site's name after the title.
TITLE_OUTLET = re.compile(r"[ \t](?:\||-|–|—)[ \t]+([A-Za-z][^|\n–—]{1,60}?)[ \t]*(?=\n|$)")


def title_outlet(text: str, candidates: Candidates) -> list[tuple[int, int, list[Mention]]]:
    """The outlet a scraped title ends with, after a bar or a dash: a known organisation,
    or a name with an outlet's word, an acronym or a web name (never a person's or a
    place's: "Talks stall - Harbourton" is a title's own words)."""
    line_end = text.find("\n")
    hit = TITLE_OUTLET.search(text, 0, line_end if line_end != -1 else len(text))
    if hit is None:
        return []
    name = hit.group(1)
    if name.startswith("The ") and len(name.split()) > 2:
        name = name[4:]
    start = hit.end(1) - len(name)
    known = _knows(candidates, name, "Organization")
    shaped = credited_name(name, candidates, None) == "ORG" and not (person_shaped(name) or caps_person(name))
    return [(start, start + len(name), [_mention(start, name, "ORG", candidates)])] if known or shaped else []


# -- wire datelines --------------------------------------------------------------------

_CAPS_PLACE = r"[A-ZÀ-Þ][A-ZÀ-Þ'’-]+\.?(?:[ \t]+[A-ZÀ-Þ][A-ZÀ-Þ'’-]+\.?){0,3}"
_TITLE_PLACE = r"[A-Z][a-zà-ÿ'’-]+(?:[ \t]+[A-Z][a-zà-ÿ'’-]+){0,2}"
# "BRASILIA, Brazil (AP) —", "KADUNA, Nigeria (Reuters) -", "ISLAMABAD — ", "Harbourton, May 6 (Lantern) –",
# "HARBOURTON: ", "Harbourton, May 6 (Lantern) Gunmen ...".
WIRE_DATELINE = re.compile(
    r"(?:^|(?<=\n))(?P<place>" + _CAPS_PLACE + r"|" + _TITLE_PLACE + r")"
    r"(?:,[ \t]+(?P<country>[A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){0,3}))??"
    r"(?:,?[ \t]+" + MONTH_PATTERN + r"\.?[ \t]+\d{1,2})?"
    r"[ \t]*(?:\((?P<agency>[A-Za-z][^()\n]{0,40})\))?"
    r"[ \t]*(?:(?P<dash>—|–)[ \t]*|(?:--|-)[ \t]+|(?P<colon>:)[ \t]+|(?<=\))[ \t]+(?=[A-Z]))(?=\S)"
)
_DATELINE_WINDOW = 1500
# What the name after the dateline's comma is: a country, or a state or province ("PORTLAND, Ore.").
_COUNTRY_CLASSES = {"Country", "Region", "State", "Province"}
_NOT_PLACE = {"by", "update", "updated", "breaking", "live", "watch", "read", "photo", "editor", "note", "opinion", "analysis", "exclusive", "video"}


def wire_dateline(text: str, candidates: Candidates) -> list[tuple[int, int, list[Mention]]]:
    """The dateline that opens a wire story: its place (a place mention), the country
    after it when known, and the agencies in its brackets (organisations). The place
    wants the brackets' agency or a known country after it, or to be a known place (in
    capitals, or before a colon or a long dash)."""
    for hit in WIRE_DATELINE.finditer(text, 0, min(len(text), _DATELINE_WINDOW)):
        place, country, agency = hit.group("place"), hit.group("country"), hit.group("agency")
        if fold(place.split()[0]) in _NOT_PLACE or _knows(candidates, place, "Person"):
            continue
        country_known = country is not None and any(c.entry.type == "Place" and _COUNTRY_CLASSES & set(c.entry.classes) and not c.via_skeleton for c in candidates(country))
        agencies = credit_pieces(agency, hit.start("agency"), candidates) if agency else []
        if country is not None and not country_known:
            if credited_name(country, candidates, None) != "ORG" or agencies:
                continue  # "Harbourton, Velmora —": an unknown name after the comma, no dateline of ours
            agencies = [_mention(hit.start("country"), country, "ORG", candidates)]  # "Harbourton, LW –": the agency
        if agency and not any(m.label in ("KB", "ORG") for m in agencies):
            continue  # "(pictured)": no agency in the brackets, no wire's dateline
        caps = place.isupper()
        # A known place alone, in capitals, or in title case before a colon or a long dash ("Harbourton: ").
        alone = (caps or hit.group("colon") or hit.group("dash")) and _knows(candidates, place.rstrip("."), "Place")
        if not (country_known or agencies or alone):
            continue
        if _knows(candidates, place, "Organization") and not _knows(candidates, place, "Place"):
            continue
        name = place.rstrip(".")
        names = [Mention(hit.start("place"), hit.start("place") + len(name), name, "GPE", "ner")]
        if country_known:
            names.append(Mention(hit.start("country"), hit.end("country"), country, "GPE", "ner"))
        return [(hit.start(), hit.end(), names + [m for m in agencies if m.label in ("KB", "ORG")])]
    return []


# -- the site's own name -----------------------------------------------------------------

_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "news"}
_NAME_RUN = re.compile(r"(?:[A-Z][\w'’.&-]*)(?:[ \t]+(?:[A-Z][\w'’.&-]*|of|the|de|du|la|al))*")


def _squash(name: str) -> str:
    """A name's letters and digits, lower-cased, accents off ("The Hill" -> "thehill")."""
    return re.sub(r"[^a-z0-9]", "", unicodedata.normalize("NFKD", name.lower()).encode("ascii", "ignore").decode())


def site_keys(url: str | None) -> set[str]:
    """What the site's name is when its words are run together: the URL's domain without
    its ending ("harbourtribune" of news.harbourtribune.co.xa), and with it ("camerooninfonet")."""
    host = url_host(url) if url else None
    if host is None:
        return set()
    parts = host.split(".")
    while len(parts) > 2 and parts[-2] in _SECOND_LEVEL and len(parts[-1]) == 2:
        parts = parts[:-1]  # "co.xa": the country's second level
    site = parts[-2] if len(parts) >= 2 else parts[0]
    return {k for k in (_squash(site), _squash(site + host.rsplit(".", 1)[-1])) if len(k) >= 5}


def site_names(text: str, candidates: Candidates, url: str | None) -> list[tuple[int, int, list[Mention]]]:
    """The names in the text that spell the URL's site ("Harbour Tribune" on
    harbourtribune.example, "The Hill" on thehill.example): the outlet itself, an
    organisation, whatever the model called it."""
    keys = site_keys(url)
    if not keys:
        return []
    out = []
    for run in _NAME_RUN.finditer(text):
        name, start = run.group(0).rstrip(".,"), run.start()
        # The run whole ("Valley Post"), or after "The" or a sentence's first word ("Yesterday Valley Post"):
        # never a piece of a longer name ("Valley" of "Valley Post").
        first = re.match(r"\S+[ \t]+", name)
        opens = start == 0 or text[start - 1] == "\n" or text[max(0, start - 2) : start] in (". ", "! ", "? ") or name.startswith("The ")
        forms = [(name, start), *([(name[first.end() :], start + first.end())] if first and opens else [])]
        for cand, at in forms[::-1] if name.startswith("The ") else forms:  # "Harbour Tribune" of "The Harbour Tribune"
            if _squash(cand) in keys and not (_knows(candidates, cand, "Place") and not _knows(candidates, cand, "Organization")):
                out.append((at, at + len(cand), [_mention(at, cand, "ORG", candidates)]))
                break
    return out


# -- all together ------------------------------------------------------------------------


def credits(text: str, candidates: Candidates, url: str | None = None) -> list[tuple[int, int, list[Mention]]]:
    """Every credit of the text: stretches that do not overlap, first found first kept;
    with the article's URL, the names that spell its site too."""
    out: list[tuple[int, int, list[Mention]]] = []
    finders = (title_outlet, wire_dateline, photo_credits, caption_ends, slash_credits, sign_offs, contributors, via_outlets, reporting_outlets)
    for found in [*(find(text, candidates) for find in finders), site_names(text, candidates, url)]:
        for s, e, names in found:
            if not any(s < e2 and s2 < e for s2, e2, _ in out):
                out.append((s, e, names))
    return out


_TYPE_OF = {"GPE": "Place", "PERSON": "Person", "ORG": "Organization", "KB": "Organization"}


def with_credits(mentions: list[Mention], text: str, candidates: Candidates, url: str | None = None) -> list[Mention]:
    """``mentions`` with each credit's names in place of what the recogniser drew over
    its stretch, and without a writer's post taken for a name ("Staff Reporter"). A mention that is already one of the names, span and type, stays (it
    may carry its link)."""
    mentions = [m for m in mentions if not staff_words(m.text)]
    found = credits(text, candidates, url)
    if not found:
        return mentions
    names = [n for _, _, credited in found for n in credited]
    names = [next((m for m in mentions if (m.start, m.end) == (n.start, n.end) and _same_type(m, n)), n) for n in names]
    outside = [m for m in mentions if not any(m.start < e and s < m.end for s, e, _ in found)]
    return sorted(outside + names, key=lambda m: (m.start, -m.end))


_STAFF_HEADS = {"staff", "reporter", "reporters", "correspondent", "correspondents", "writer", "writers", "editor", "editors", "contributor", "contributors"}


def staff_words(name: str) -> bool:
    """"Staff Reporter", "Our Correspondent", "Special Correspondent": a writer's post, no name."""
    words = [w.lower() for w in name.split()]
    return bool(words) and all(w in STAFF_WORDS for w in words) and any(w in _STAFF_HEADS for w in words)


def _same_type(m: Mention, n: Mention) -> bool:
    label = model_label(m) or ""
    if m.label.startswith("KB"):
        return _TYPE_OF.get(n.label) == "Organization" and label in ("", "ORG")
    return {"PER": "Person", "PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place"}.get(label) == _TYPE_OF.get(n.label)
