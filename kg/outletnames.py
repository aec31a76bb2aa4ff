"""Outlets a story names outside its byline, read by the shapes they come in: the
"| Outlet" a scraped title ends with, "via <outlet>", "<Name> News gathered that", "the
<Name> newspaper", "the daily <Name>", the name that spells the article's own site, and
a page's section line ("Storyline: National News"), which names none.
"""

from __future__ import annotations

import re

from kg.bylines import caps_person, person_shaped
from kg.creditnames import Candidates, credit_mention, credited_name, knows, knows_news, staff_words
from kg.kb.base import site_keys, squashed
from kg.names import CALENDAR_WORDS, CAPITALISED_FUNCTION_WORDS, GENERIC_WORDS, is_group_word
from kg.types import Mention

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
        if credited_name(name, candidates, "ORG") == "ORG" and not knows(candidates, name, "Place"):
            out.append((start, start + len(name), [credit_mention(start, name, "ORG", candidates)]))
    return out


# "... the army said. (via Lantern News)", "— via AFP": an outlet a story came through.
VIA_OUTLET = re.compile(r"(?<![\w-])(?:via|VIA)[ \t]+([A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,3})(?=[ \t]*(?:[).\]]|\n|$))")


def via_outlets(text: str, candidates: Candidates) -> list[tuple[int, int, list[Mention]]]:
    """Each "via <outlet>" that ends a line or a bracket, where the name is an outlet's
    (a known organisation or an outlet's shape), not a route's place ("via Lanterna")."""
    out = []
    for hit in VIA_OUTLET.finditer(text):
        name = hit.group(1).rstrip(".")
        if knows(candidates, name, "Place") and not knows(candidates, name, "Organization"):
            continue
        if credited_name(name, candidates, None) == "ORG":
            out.append((hit.start(1), hit.start(1) + len(name), [credit_mention(hit.start(1), name, "ORG", candidates)]))
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
    known = knows(candidates, name, "Organization")
    shaped = credited_name(name, candidates, None) == "ORG" and not (person_shaped(name) or caps_person(name))
    return [(start, start + len(name), [credit_mention(start, name, "ORG", candidates)])] if known or shaped else []


# A line of the head that is a name alone: "Lantern News Service", "Lantern Wire".
_NAME_LINE = re.compile(r"[A-Z][\w'’.&-]*(?:[ \t]+(?:[A-Z][\w'’.&-]*|of|the|de))*")
_HEAD_WINDOW = 600


def head_outlets(text: str, candidates: Candidates) -> list[tuple[int, int, list[Mention]]]:
    """An outlet's name alone on a line of the head, between the title and the body: a
    known news organisation, or a name with an outlet's word ("Harbour News Service");
    never a section's label ("World News", "Coastland News") or a person's name."""
    out = []
    pos = text.find("\n") + 1
    while 0 < pos < min(len(text), _HEAD_WINDOW):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        line = text[pos:end].strip()
        if len(line) > 100:
            break  # the body has begun
        at = pos + text[pos:end].find(line) if line else pos
        words = line.split()
        if line and _NAME_LINE.fullmatch(line) and len(words) <= 6 and words[0] not in ("By", "BY"):  # a byline is kg/bylines.py's
            known = knows_news(candidates, line)
            shaped = credited_name(line, candidates, None) == "ORG" and not (person_shaped(line) or caps_person(line))
            section = all(w.lower() in _NOT_OUTLET_WORDS or knows(candidates, w, "Place") for w in words)
            if known or (shaped and not section):
                out.append((at, at + len(line), [credit_mention(at, line, "ORG", candidates)]))
        pos = end + 1
    return out


# -- a page's section line ----------------------------------------------------------------

# "Storyline: National News, Security", "Tags: ...": a page's section and tag line.
TAG_LINE = re.compile(r"(?m)^(?:Storyline|Categor(?:y|ies)|Tags?|Topics?|Sections?|Filed[ \t]+under|Posted[ \t]+in|Labels?|Keywords?)[ \t]*:[ \t]*")
SECTION_WORDS = {
    "news", "national", "international", "world", "local", "security", "politics", "opinion", "sport", "sports", "business",
    "latest", "top", "stories", "story", "headlines", "breaking", "featured", "general", "editorial", "analysis", "video",
    "videos", "photos", "health", "economy", "regional", "metro", "uncategorized", "uncategorised", "home", "main", "and", "&",
}  # fmt: skip


def without_tag_labels(mentions: list[Mention], text: str) -> list[Mention]:
    """A page's section or tag line names topics: its label ("Storyline") is no part of a
    name, and an item made of section words ("National News") is none."""
    labels = [(h.start(), h.end(), text.find("\n", h.end()) % (len(text) + 1)) for h in TAG_LINE.finditer(text)]
    if not labels:
        return mentions
    out = []
    for m in mentions:
        line = next(((s, e, end) for s, e, end in labels if s <= m.start < end), None)
        if line is not None:
            if m.start < line[1]:  # the label fused into the name
                if m.end <= line[1]:
                    continue
                m = Mention(line[1], m.end, text[line[1] : m.end], m.label, m.source, None, m.sentence)
            if all(w.lower().strip(",") in SECTION_WORDS for w in m.text.split()):
                continue
        out.append(m)
    return out


# Capitalised words of a sentence's start or a description, no outlet's name.
_NOT_OUTLET_WORDS = GENERIC_WORDS | SECTION_WORDS | CALENDAR_WORDS | {w.lower() for w in CAPITALISED_FUNCTION_WORDS} | {
    "several", "many", "some", "other", "another", "one", "two", "both", "all", "each", "every", "these", "those", "state",
    "official", "private", "independent", "online", "pro-government", "opposition", "leading", "popular",
}  # fmt: skip


# -- outlets named by their kind ---------------------------------------------------------

# "the Harbour al-Ahrar channel said", "Turkey's Anadolu news agency", "the pro-government
# Sabah newspaper": capitalised words (with Arabic particles) before a lower-case outlet noun.
_PARTICLE = r"(?:al|el|ad|ad-|as|an|ar|at|az|ash)-[\w'’-]+"
OUTLET_NOUN = re.compile(
    r"(?<![\w'’-])((?:[A-Z][\w'’.&-]*|" + _PARTICLE + r")(?:[ \t]+(?:(?:of|for|the|and|de|du|la)[ \t]+)*(?:[A-Z][\w'’.&-]*|" + _PARTICLE + r"))*)"
    r"[ \t]+(?:channel|newspaper|daily|broadcaster|television|news[ \t]+agency|agency|news[ \t]+website|website|news[ \t]+site|"
    r"news[ \t]+portal|outlet|news[ \t]+outlet|radio(?:[ \t]+station)?|weekly|magazine|tabloid)\b"
)


# "the daily Le Courrier", "news agency Lantern Wire", "the broadcaster Harbour TV": the noun first.
NOUN_OUTLET = re.compile(
    r"(?<!\ba )(?<!\ban )(?<!\bA )\b(?:newspaper|daily|[Nn]ews[ \t]+agency|broadcaster|[Nn]ews[ \t]+website|[Nn]ews[ \t]+outlet|[Nn]ews[ \t]+site|weekly|magazine|tabloid|TV[ \t]+channel)[ \t]+"
    r"((?:[A-Z][\w'’.&-]*|" + _PARTICLE + r")(?:[ \t]+(?:[A-Z][\w'’.&-]*|" + _PARTICLE + r"|de|du|la|le|el|del))*(?<![ \t]))"
)


# Platforms a channel is on: "the Velmora Telegram channel" is Velmora's, on Telegram.
PLATFORMS = {"Telegram", "YouTube", "WhatsApp", "Facebook", "TikTok", "Instagram", "Twitter", "X", "VKontakte", "Rumble"}


def outlet_nouns(text: str, candidates: Candidates) -> list[tuple[int, int, list[Mention]]]:
    """Outlets named with the noun of their kind after them, as organisations: the words
    after a possessive ("Coastland's Lantern news agency") and after a people's word
    ("the Coastlandish Lantern daily"); a known organisation among the last words wins."""
    out = []
    for hit in OUTLET_NOUN.finditer(text):
        name, start = hit.group(1), hit.start(1)
        poss = max(name.rfind("'s "), name.rfind("’s "))
        if poss != -1:
            start, name = start + poss + 3, name[poss + 3 :]
        words = name.split()
        while len(words) > 1 and (is_group_word(words[0]) or words[0] in ("The", "A", "An")):
            start += len(words[0]) + 1
            words = words[1:]
        name = " ".join(words)
        if name.endswith(("'s", "’s")) or all(w.lower() in _NOT_OUTLET_WORDS for w in words) or re.match(r"s\b|[ \t]+stations\b", text[hit.end() :]):
            continue  # "The newspaper", "Several radio stations", "News website", "the army's website": no outlet's name
        known = next((" ".join(words[k:]) for k in range(len(words)) if knows(candidates, " ".join(words[k:]), "Organization")), None)
        if known is not None and known.split()[0] in PLATFORMS and known != name:  # "the Velmora Telegram channel"
            channel = name[: len(name) - len(known)].rstrip()
            at = start + len(name) - len(known)
            out.append((start, at + len(known), [credit_mention(start, channel, "ORG", candidates), credit_mention(at, known, "ORG", candidates)]))
            continue
        if known is not None:
            start, name = start + len(name) - len(known), known
        elif not name[:1].isupper() or (knows(candidates, name, "Place") and not knows(candidates, name, "Organization")) or is_group_word(name) or staff_words(name):
            continue  # "Coastland television" is a country's, "Coastlandish radio" a people's
        out.append((start, start + len(name), [credit_mention(start, name, "ORG", candidates)]))
    for hit in NOUN_OUTLET.finditer(text):
        name = hit.group(1)[:-1] if hit.group(1).endswith(".") and hit.group(1).count(".") == 1 else hit.group(1)  # "... the broadcaster BBC."
        if all(w.lower() in _NOT_OUTLET_WORDS for w in name.split()):
            continue  # "told the newspaper Monday", "the daily The"
        if knows(candidates, name, "Organization") or not (knows(candidates, name, "Place") or knows(candidates, name, "Person") or is_group_word(name)):
            out.append((hit.start(1), hit.start(1) + len(name), [credit_mention(hit.start(1), name, "ORG", candidates)]))
    return out


# -- the site's own name -----------------------------------------------------------------

_NAME_RUN = re.compile(r"(?:[A-Z][\w'’.&-]*)(?:[ \t]+(?:[A-Z][\w'’.&-]*|of|the|de|du|la|al))*")


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
            if squashed(cand) in keys and not (knows(candidates, cand, "Place") and not knows(candidates, cand, "Organization")):
                out.append((at, at + len(cand), [credit_mention(at, cand, "ORG", candidates)]))
                break
    return out
