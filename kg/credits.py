"""Credits: the agencies, photographers and reporters a news text credits, and the
place of a wire's dateline, read from the few shapes they come in.

The model reads a credit as prose and gets it wrong in set ways: "(Photo by Jana
Roe/Getty Images)" one organisation, "Image: Lantern/Ivo Brandt" the agency alone,
"Editing by Ola Brandt" an organisation, "File" of "File photo: AP" a name, "BRASILIA,
Brazil (AP) —" the city left out or fused with the agency. Each shape is read here by
its own pattern; its parts get their type from what they are (kg/creditnames.py). The
outlets a story names elsewhere are read by kg/outletnames.py.

:func:`with_credits` puts these names in place of whatever the recogniser drew over the
credit's stretch of text: the stretch holds the credit's names and nothing else.
"""

from __future__ import annotations

import re

from kg.bylines import caps_person, person_shaped
from kg.creditnames import JUNK_WORDS, Candidates, credit_mention, credit_pieces, credited_name, knows, knows_news, only_names, split_pieces, staff_words
from kg.kb.base import fold
from kg.mentions import model_label
from kg.names import MONTH_PATTERN
from kg.outletnames import head_outlets, outlet_nouns, reporting_outlets, site_names, title_outlet, via_outlets, without_tag_labels
from kg.types import Mention

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
# "(LANTERN- River Press)": a syndicator and the outlet it copies, a dash between them.
BRACKET_SYNDICATION = re.compile(r"\(([A-Z][\w.&]*(?:[ \t][A-Z][\w.&]*){0,2})[ \t]*[-–—][ \t]*([A-Z][\w.&]*(?:[ \t][A-Z][\w.&]*){0,2})\)")
# "(LW)": a news agency alone in brackets.
LONE_AGENCY = re.compile(r"\(([A-Z][\w-]{1,14})\)")
# "(Jana Roe/AFP)", "(AFP via Getty Images)": a bracketed credit with a slash or "via".
BRACKET_CREDIT = re.compile(r"\(([A-Z][^()\n]{1,80}?(?:/|[ \t]via[ \t])[^()\n]{1,80}?)\)")
_BODY_END = re.compile(r"[ \t]*\(|[)\]\n]|(?<![A-Z])(?<!\b[A-Z][a-z])\.(?=\s|$)|$")


def _full_and_short(names: list[Mention], text: str) -> list[Mention]:
    """"Harbour News Agency – HNA": an unknown full name and the known acronym a dash
    sets after it are one outlet, the full name linked as the acronym is."""
    if len(names) != 2 or not re.fullmatch(r"[ \t]+[-–—][ \t]+", text[names[0].end : names[1].start]):
        return names
    full, short = names
    if short.label == "KB" and full.label == "ORG" and short.text.isupper() and len(full.text.split()) >= 2:
        return [Mention(full.start, full.end, full.text, "KB", "kb", short.kb_id), short]
    return names


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
        names = _full_and_short(credit_pieces(body, body_at, candidates), text)
        # A credit's body is names: a sentence after "Photo:" ("Photo: Soldiers patrol the town") is a caption.
        if names and only_names(body, names, body_at):
            out.append((hit.start(), body_end, names))
    taken = [(s, e) for s, e, _ in out]
    for hit in BRACKET_CREDIT.finditer(text):
        if any(s < hit.end() and hit.start() < e for s, e in taken):
            continue
        names = credit_pieces(hit.group(1), hit.start(1), candidates, None)
        # One of them an agency: "(Kyiv/Lviv)" is no credit.
        agency = any(m.label in ("KB", "ORG") for m in names) if len(names) >= 2 else all(m.label == "KB" and knows_news(candidates, m.text) for m in names)
        if names and agency and only_names(hit.group(1), names, hit.start(1)):  # "(Jana Roe/AFP)", "(AFP/File)"
            out.append((hit.start(1), hit.end(1), names))
    for hit in LONE_AGENCY.finditer(text):  # "... the army said. (LW)"
        if knows_news(candidates, hit.group(1)) and not any(s < hit.end() and hit.start() < e for s, e, _ in out):
            out.append((hit.start(1), hit.end(1), [credit_mention(hit.start(1), hit.group(1), "ORG", candidates)]))
    for hit in BRACKET_SYNDICATION.finditer(text):
        names = [credit_mention(hit.start(k), hit.group(k), "ORG", candidates) for k in (1, 2) if credited_name(hit.group(k), candidates, None) == "ORG"]
        if len(names) == 2 and any(m.label == "KB" for m in names) and not any(s < hit.end() and hit.start() < e for s, e, _ in out):
            out.append((hit.start(1), hit.end(2), names))
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
        news = any(m.label == "KB" and knows_news(candidates, m.text) for m in names)
        if len(names) >= 2 and news and only_names(hit.group(1), names, hit.start(1)):
            out.append((hit.start(1), hit.end(1), names))
    return out


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
        agency = next((" ".join(right[:k]) for k in range(min(3, len(right)), 0, -1) if knows_news(candidates, " ".join(right[:k]))), None)
        n = _person_words(left, True, candidates) if agency else 0
        if n:  # "Gao Jana Roe/AFP": the town is no part of her name
            who = " ".join(left[-n:])
            s0, at = hit.end(1) - len(who), hit.start(2)
            out.append((s0, at + len(agency), [Mention(s0, hit.end(1), who, "PERSON", "ner"), credit_mention(at, agency, "ORG", candidates)]))
            continue
        agency = next((" ".join(left[-k:]) for k in range(min(3, len(left)), 0, -1) if knows_news(candidates, " ".join(left[-k:]))), None)
        n = _person_words(right, False, candidates) if agency else 0
        if n:
            who = " ".join(right[:n])
            at = hit.end(1) - len(agency)
            out.append((at, hit.start(2) + len(who), [credit_mention(at, agency, "ORG", candidates), Mention(hit.start(2), hit.start(2) + len(who), who, "PERSON", "ner")]))
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
    for segment, at in split_pieces(body, at0, _LIST_SEPARATOR):
        place = _IN_PLACE.search(segment)
        who = segment[: place.start()] if place is not None else segment
        # After "in Harbourton and", the next name is another place when it is one.
        if in_places and place is None and knows(candidates, who, "Place") and not knows(candidates, who, "Person"):
            names.append(Mention(at, at + len(who), who, "GPE", "ner"))
            continue
        kind = credited_name(who, candidates, None)
        if kind is None:
            break  # "Reporting by Lantern Wire, the attack killed ...": the list has ended
        names.append(credit_mention(at, who, kind, candidates))
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
                names.append(credit_mention(hit.start(1), outlet, "ORG", candidates))
        people = _listed(hit.group(2), hit.start(2), candidates)
        if people and all(m.label in ("PERSON", "GPE") for m in people):
            out.append((hit.start(), hit.end(2), names + people))
    return out


# -- wire datelines --------------------------------------------------------------------

_CAPS_PLACE = r"[A-ZÀ-Þ][A-ZÀ-Þ'’-]+\.?(?:[ \t]+[A-ZÀ-Þ][A-ZÀ-Þ'’-]+\.?){0,3}"
_TITLE_PLACE = r"[A-Z][a-zà-ÿ'’-]+(?:[ \t]+[A-Z][a-zà-ÿ'’-]+){0,2}"
# "BRASILIA, Brazil (AP) —", "KADUNA, Nigeria (Reuters) -", "ISLAMABAD — ", "Harbourton, May 6 (Lantern) –",
# "HARBOURTON: ", "Harbourton, May 6 (Lantern) Gunmen ...", "HARBOURTON , Coastland, Gunmen ...",
# "Harbourton, May 6 (Lantern).- Gunmen ..." (the Spanish-language wires' stop and dash).
WIRE_DATELINE = re.compile(
    r"(?:^|(?<=\n))(?P<place>" + _CAPS_PLACE + r"|" + _TITLE_PLACE + r")"
    r"(?:[ \t]?,[ \t]+(?P<country>[A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){0,3}))??"
    r"(?:,?[ \t]+" + MONTH_PATTERN + r"\.?[ \t]+\d{1,2})?"
    r"[ \t]*(?:\((?P<agency>[A-Za-z][^()\n]{0,40})\))?"
    r"[ \t]*(?:(?P<dash>—|–)[ \t]*|(?:--|-)[ \t]+|\.[-–—][ \t]*|(?P<colon>:)[ \t]+|(?<=\))[ \t]+(?=[A-Z])|(?(country)(?P<comma>,)[ \t]+(?=[A-Z])|(?!)))(?=\S)"
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
    title_end = text.find("\n") + 1  # "Coastland: Gunmen kill ten" is a title, no dateline
    for hit in WIRE_DATELINE.finditer(text, title_end, min(len(text), _DATELINE_WINDOW)):  # one line: no title
        place, country, agency = hit.group("place"), hit.group("country"), hit.group("agency")
        if fold(place.split()[0]) in _NOT_PLACE or knows(candidates, place, "Person"):
            continue
        country_known = country is not None and any(c.entry.type == "Place" and _COUNTRY_CLASSES & set(c.entry.classes) and not c.via_skeleton for c in candidates(country))
        agencies = credit_pieces(agency, hit.start("agency"), candidates, None) if agency else []
        if country is not None and not country_known:
            if credited_name(country, candidates, None) != "ORG" or agencies:
                continue  # "Harbourton, Velmora —": an unknown name after the comma, no dateline of ours
            agencies = [credit_mention(hit.start("country"), country, "ORG", candidates)]  # "Harbourton, LW –": the agency
        if agency and not any(m.label in ("KB", "ORG") for m in agencies):
            continue  # "(pictured)": no agency in the brackets, no wire's dateline
        caps = place.isupper()
        if hit.group("comma") and not (caps and country_known):
            continue  # "HARBOURTON , Coastland, Gunmen ...": a comma ends only a country after a place in capitals
        # A known place alone, in capitals, or in title case before a colon or a long dash ("Harbourton: ").
        alone = (caps or hit.group("colon") or hit.group("dash")) and knows(candidates, place.rstrip("."), "Place")
        if not (country_known or agencies or alone):
            continue
        if knows(candidates, place, "Organization") and not knows(candidates, place, "Place"):
            continue
        name = place.rstrip(".")
        names = [Mention(hit.start("place"), hit.start("place") + len(name), name, "GPE", "ner")]
        if country_known:
            names.append(Mention(hit.start("country"), hit.end("country"), country, "GPE", "ner"))
        return [(hit.start(), hit.end(), names + [m for m in agencies if m.label in ("KB", "ORG")])]
    return []


# -- all together ------------------------------------------------------------------------

def credits(text: str, candidates: Candidates, url: str | None = None) -> list[tuple[int, int, list[Mention]]]:
    """Every credit of the text: stretches that do not overlap, first found first kept;
    with the article's URL, the names that spell its site too."""
    out: list[tuple[int, int, list[Mention]]] = []
    finders = (title_outlet, head_outlets, wire_dateline, photo_credits, caption_ends, slash_credits, sign_offs, contributors, via_outlets, reporting_outlets, outlet_nouns)
    for found in [*(find(text, candidates) for find in finders), site_names(text, candidates, url)]:
        for s, e, names in found:
            if not any(s < e2 and s2 < e for s2, e2, _ in out):
                out.append((s, e, names))
    return out


_TYPE_OF = {"GPE": "Place", "PERSON": "Person", "ORG": "Organization", "KB": "Organization"}


def with_credits(mentions: list[Mention], text: str, candidates: Candidates, url: str | None = None) -> list[Mention]:
    """``mentions`` with each credit's names in place of what the recogniser drew over
    its stretch, and without a writer's post taken for a name ("Staff Reporter"). A
    mention that is already one of the names, span and type, stays (it may carry its link)."""
    mentions = without_tag_labels([m for m in mentions if not staff_words(m.text)], text)
    found = credits(text, candidates, url)
    if not found:
        return mentions
    names = [n for _, _, credited in found for n in credited]
    names = [next((m for m in mentions if (m.start, m.end) == (n.start, n.end) and _same_type(m, n, candidates)), n) for n in names]
    outside = [m for m in mentions if not any(m.start < e and s < m.end for s, e, _ in found)]
    # The word after a dateline opens the sentence: "Suspected" of "HARBOURTON, Coastland, Suspected
    # gunmen ..." is no name when the article writes it in lower case too.
    # A credit's label the model took for a name: "INFO" of "INFO Harbour News", "FILE" of "FILE PHOTO: ...".
    starts = {s for s, _, _ in found}
    outside = [m for m in outside if not (all(fold(w) in JUNK_WORDS for w in m.text.split()) and any(m.end < s <= m.end + 2 and not text[m.end : s].strip() for s in starts))]
    opens = {e for s, e, credited in found if credited and credited[0].label == "GPE" and credited[0].start == s}
    outside = [m for m in outside if not (m.start in opens and " " not in m.text and not m.label.startswith("KB") and re.search(rf"\b{re.escape(m.text.lower())}\b", text))]
    return sorted(outside + names, key=lambda m: (m.start, -m.end))


def _same_type(m: Mention, n: Mention, candidates: Candidates) -> bool:
    label = model_label(m) or ""
    if m.label.startswith("KB"):  # a rule's match: its entry says what it is
        want = _TYPE_OF.get(n.label)
        return label in ("", {"Organization": "ORG", "Place": "GPE"}.get(want, "-")) and knows(candidates, m.kb_id or m.text, want or "-")
    return {"PER": "Person", "PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place"}.get(label) == _TYPE_OF.get(n.label)
