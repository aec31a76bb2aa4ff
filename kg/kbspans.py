"""Span repairs the knowledge base decides: where a name the recogniser cut or stopped
short of is, by what the knowledge base knows.

- An organisation's name cut in two at "of" or "for the" ("Islamic State" + "of" +
  "West Africa Province"): joined when the knowledge base knows the whole name, written
  so or without the "of" ("Islamic State West Africa Province").
- An outlet's language service ("BBC" + "Burmese", "VOA Urdu", "Al Jazeera Arabic"): a
  news organisation the knowledge base knows, followed by the name of a language, is
  that service -- an organisation of its own, known or not.
- A list of names before "regions" ("the Kherson and Mykolaiv regions"): each a region.
- Two places joined by a hyphen ("the Marte-Dikwa area"): both.
- A known place run into a person's name ("officer at Quetta Shahid Raza confirmed"): both.
- A known name the article also writes after a people's word, as another entry ("the
  Taliban" in an article on the "Pakistani Taliban"), is that entry there.
- Agency credits at a paragraph's end: "... in a Darfur city. -AP" names the agency the
  knowledge base knows; a caption's "AFP - JANE ROE" its photographer too.
- Parts of a name the acronym in brackets after them spells ("Tehreek-i-Taliban Pakistan
  (TTP)"): that organisation. A web domain in the text ("Rappler.com"): its outlet.
- A small town's name where the article names the area of that name: the area.
- A road named by two places ("the Pangane-Macotuco road"): both places.
- An aircraft a sentence makes the attacker ("a jet dropped"): the warplane weapon type.
- A quarter word the recogniser took into a known place's name ("Central Mali has been
  riven", "Eastern Ukraine"): the place, unless the whole is a name the knowledge base
  knows ("South Sudan", "West Bank", "Central African Republic").
- A capitalised word after a preposition of place that the recogniser left out ("31 villagers
  were killed at Titao in the north"): a place when the gazetteer has a town of
  that name in a country the article is about.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.kb.base import Candidate, KBEntry, fold
from kg.listgaps import LIST_SEPARATOR
from kg.mentions import REGION_OF_BEFORE, REGIONS_AFTER, SUBUNIT_END, unclaimed, without_admin_noun
from kg.names import CALENDAR_WORDS, GENERIC_WORDS, country_of_demonym, initials, written_in_lower_case
from kg.types import Mention

Candidates = Callable[[str], list[Candidate]]

_JOIN = re.compile(r" (?:of|for|of the|for the) ")
LANGUAGE_AFTER = re.compile(
    r"[ \t]+(Burmese|Urdu|Hindi|Bangla|Bengali|Persian|Farsi|Pashto|Dari|Arabic|Russian|Ukrainian|Turkish|Somali|Swahili|Hausa|Amharic"
    r"|Tigrinya|Nepali|Tamil|Sinhala|Punjabi|Marathi|Telugu|Korean|Japanese|Chinese|Mandarin|Cantonese|Vietnamese|Thai|Indonesian"
    r"|Uzbek|Kyrgyz|Azeri|Georgian|Serbian|Spanish|Portuguese|French|Kurdish|Tajik|Kazakh|Mundo|Afrique|Brasil)(?![\w'’-])"
    r"(?![ \t]+(?:correspondents?|journalists?|reporters?|officials?|speakers?|speaking|language|translation|version)\b)"
)


def _org(candidates: Candidates, name: str, news: bool = False) -> bool:
    return any(c.entry.type == "Organization" and not c.via_skeleton and (not news or "NewsOrganization" in c.entry.classes) for c in candidates(name))


def join_known_parts(mentions: list[Mention], text: str, candidates: Candidates) -> list[Mention]:
    """Two mentions that stand either side of "of" / "for the" and that the knowledge
    base knows together as one organisation become that one mention. ``mentions`` sorted."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and _JOIN.fullmatch(text[prev.end : m.start]) and m.text[:1].isupper():
            whole = text[prev.start : m.end]
            for name in (whole, f"{prev.text} {m.text}"):
                if _org(candidates, name):
                    out[-1] = Mention(prev.start, m.end, whole, "KB", "kb", fold(name), prev.sentence)
                    break
            else:
                out.append(m)
            continue
        out.append(m)
    return out


# What may stand between the parts of a name the recogniser cut ("Tehreek" + "-i-" + "Taliban").
_NAME_GAP = re.compile(r" |-|-[ie]-| (?:in|of|for)(?: the)? ")


def acronym_wholes(mentions: list[Mention], text: str, candidates: Candidates) -> list[Mention]:
    """Parts of an organisation's name the recogniser cut at known names ("Tehreek" +
    "Taliban" + "Pakistan", "Islamic State" + "in" + "West Africa") that the acronym in
    brackets after them spells ("(TTP)", "(ISWAP)", the knowledge base's organisation):
    one mention of that organisation, however its name is spelt. ``mentions`` sorted."""
    out = list(mentions)
    i = 0
    while i < len(out):
        a = out[i]
        acronym = a.kb_id or a.text
        if i == 0 or out[i - 1].end != a.start - 2 or text[a.start - 2 : a.start] != " (" or not a.text.isupper() or not _org(candidates, acronym):
            i += 1
            continue
        best = None
        for j in range(i - 2, max(-1, i - 5), -1):  # two to four parts before the bracket
            if not _NAME_GAP.fullmatch(text[out[j].end : out[j + 1].start]):
                break
            spelt = initials(re.split(r"[ -]+", text[out[j].start : a.start - 2]))
            if len(spelt) >= 3 and a.text.startswith(spelt):
                best = j
        if best is None:
            i += 1
            continue
        whole = text[out[best].start : a.start - 2]
        merged = Mention(out[best].start, a.start - 2, whole, "KB|ORG", "kb", fold(acronym), out[best].sentence)
        out[best:i] = [merged]
        i = best + 2
    return out


# "Geo news reported": the outlet's own word in lower case, after a name the model cut short.
OUTLET_WORD_AFTER = re.compile(r"[ \t]+(news|times|post|tv|radio|daily|today)\b")


def language_services(mentions: list[Mention], text: str, candidates: Candidates) -> list[Mention]:
    """A known outlet's mention run on over the language after it ("BBC Burmese"),
    looked up whole; the mention of the language word alone goes. And a name run on over
    a lower-case outlet word when the knowledge base knows the two as an outlet ("Geo
    news" is Geo News). ``mentions`` sorted."""
    out: list[Mention] = []
    grown_to = -1
    for m in mentions:
        if m.start < grown_to:
            continue  # the language word of a service just grown
        word = OUTLET_WORD_AFTER.match(text, m.end)
        if word is not None and _org(candidates, f"{m.text} {word.group(1)}", news=True):
            name = text[m.start : word.end(1)]
            out.append(Mention(m.start, word.end(1), name, "KB", "kb", fold(name), m.sentence))
            continue
        hit = LANGUAGE_AFTER.match(text, m.end)
        if hit is not None and _org(candidates, m.kb_id or m.text, news=True):
            end = hit.end(1)
            name = text[m.start : end]
            known = _org(candidates, name)
            out.append(Mention(m.start, end, name, "KB" if known else "ORG", "kb" if known else "ner", fold(name) if known else None, m.sentence))
            grown_to = end
            continue
        out.append(m)
    return out


# "... in a Kordofan town. -AP": a dash and an agency's name end the paragraph.
_TRAILING_CREDIT = re.compile(r"(?:^|\s)[-–—]\s?([A-Z][A-Za-z&]{1,15})[ \t]*$", re.M)
# "Soldiers in Timbuktu, 2021. AFP - JANE ROE": an agency, a dash or slash, a name in capitals.
_CAPTION_CREDIT = re.compile(r"(?:^|[.!?][ \t]+)([A-Z][A-Za-z&]{1,15})[ \t]+[-–—/][ \t]+([A-ZÀ-Þ][A-ZÀ-Þ'’-]+(?:[ \t]+[A-ZÀ-Þ][A-ZÀ-Þ'’-]+){1,3})[ \t]*$", re.M)
_CREDIT_WORDS = {"HANDOUT", "FILE", "POOL", "STR", "STRINGER", "PHOTO", "PHOTOS", "IMAGES", "VIA", "AND", "STAFF"}


def agency_credits(text: str, mentions: list[Mention], candidates: Candidates) -> list[Mention]:
    """New mentions for the agencies (and photographers) credited at paragraphs' ends,
    where the agency is a news organisation the knowledge base knows and no mention
    overlaps the name."""
    out: list[Mention] = []

    def free(start: int, end: int) -> bool:
        return unclaimed(start, end, [*mentions, *out])

    for hit in _TRAILING_CREDIT.finditer(text):
        start, end = hit.span(1)
        if _org(candidates, hit.group(1), news=True) and free(start, end):
            out.append(Mention(start, end, hit.group(1), "KB", "kb", fold(hit.group(1))))
    for hit in _CAPTION_CREDIT.finditer(text):
        agency, name = hit.group(1), hit.group(2)
        if not _org(candidates, agency, news=True) or candidates(name) or _CREDIT_WORDS & set(name.split()):
            continue
        if free(*hit.span(1)):
            out.append(Mention(*hit.span(1), agency, "KB", "kb", fold(agency)))
        if free(*hit.span(2)):
            out.append(Mention(*hit.span(2), name, "PERSON", "ner"))
    return out


_NAMED_UNIT_BEFORE = re.compile(r"(?<![.!?]\s)\b(?!The\b)[A-Z][\w'’-]+\s+[A-Z]$")


def regions_of_lists(mentions: list[Mention], text: str, is_region: Callable[[str], bool]) -> list[Mention]:
    """"the Kherson, Mykolaiv and Kharkiv regions", "the region of Kharkiv", "the regions of
    Kharkiv and Dnipro": each name of the list is a region, looked up as "<name> <noun>"
    with the noun the text uses ("Aleppo, Hama and Latakia provinces": "Hama province") and
    else as "<name> region", when ``is_region`` says that is one."""
    out = list(mentions)
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and LIST_SEPARATOR.fullmatch(text[out[j].end : out[j + 1].start]):
            j += 1
        before = REGION_OF_BEFORE.search(text, max(0, out[i].start - 40), out[i].start)
        if before is not None and _NAMED_UNIT_BEFORE.search(text, max(0, before.start() - 30), before.start() + 1):
            before = None  # "the Kessa Region of Mali": a named region's country, not "the region of Mali"
        # "the region of Kharkiv" names one; "the regions of Kharkiv and Dnipro" each of a list.
        hit = REGIONS_AFTER.match(text, out[j].end) or (before if i == j or (before and before.group(1).lower().endswith("s")) else None)
        if hit:
            noun = hit.group(1).lower()
            noun = noun[:-1] if noun.endswith("s") else noun
            for k in range(i, j + 1):
                m = out[k]
                name = next((n for n in dict.fromkeys((f"{m.text} {noun}", f"{m.text} region")) if is_region(n)), None)
                if name is not None:
                    out[k] = Mention(m.start, m.end, m.text, m.label, m.source, fold(name), m.sentence)
        i = j + 1
    return out


# A person's words after the name, or a person's noun before it ("police officer at").
_SPEAKS_AFTER = re.compile(r"[ \t]+(?:said|says|confirmed|told|added|stated|wrote)\b")
_PERSON_BEFORE = re.compile(r"\b(?:officer|official|spokesman|spokeswoman|spokesperson|commander|chief|governor|mayor|minister|inspector|superintendent)\s+(?:at|in|of|for)\s+$", re.I)  # "Governor Bello Sani Kanta": a title right before the span is the person's


def split_place_and_person(mentions: list[Mention], text: str, candidates: Candidates, person_shaped: Callable[[str], bool]) -> list[Mention]:
    """A model span that runs a known place into a person's name ("police officer at Quetta
    Shahid Raza confirmed"): the place and the person, when the rest is shaped like a
    person's name, the whole is no name the knowledge base knows and the words around
    say a person (a verb of saying after it, or an officer's noun before it)."""
    out: list[Mention] = []
    for m in mentions:
        words = m.text.split()
        if m.source != "ner" or m.label not in ("ORG", "PERSON") or len(words) < 3 or candidates(m.text):
            out.append(m)
            continue
        head = words[0]
        rest = m.text[len(head) :].strip()
        place = any(c.entry.type == "Place" and ("Country" in c.entry.classes or (c.entry.population or 0) >= 100_000) for c in candidates(head))
        cued = _SPEAKS_AFTER.match(text, m.end) or _PERSON_BEFORE.search(text, max(0, m.start - 40), m.start)
        if place and cued and person_shaped(rest) and not candidates(rest):
            tail = m.start + m.text.index(rest, len(head))
            out += [Mention(m.start, m.start + len(head), head, "GPE", "ner", None, m.sentence), Mention(tail, m.end, rest, "PERSON", "ner", None, m.sentence)]
            continue
        out.append(m)
    return out


def qualified_senses(names: list[tuple[str, str, str | None]]) -> dict[int, int]:
    """Of an article's resolved names (surface, type, entry id or None): which known name
    takes the entry of which other (index -> index), where the other is the same name
    after a people's word ("Pakistani Taliban") and the only such entry of its type."""
    qualified: dict[tuple[str, str], dict[str, int]] = {}
    for j, (surface, type_, kb_id) in enumerate(names):
        words = surface.split()
        if kb_id is not None and len(words) > 1 and country_of_demonym(words[0]):
            qualified.setdefault((fold(" ".join(words[1:])), type_), {}).setdefault(kb_id, j)
    out = {}
    for i, (surface, type_, kb_id) in enumerate(names):
        found = qualified.get((fold(surface), type_), {})
        if kb_id is not None and len(found) == 1 and kb_id not in found:
            out[i] = next(iter(found.values()))
    return out


_DOMAIN = re.compile(r"(?:www\.)?[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?:com|net|org|info|news|tv|co|[a-z]{2})", re.I)


# "..., reported malaymail", "according to dawn", "malaymail reported": an outlet called by its web address's name.
_REPORTED_STEM = re.compile(r"\b(?:reported|according[ \t]+to|told)[ \t]+([A-Za-z][A-Za-z0-9]{3,})\b|\b([A-Za-z][A-Za-z0-9]{3,})[ \t]+reported\b")


def domain_names(mentions: list[Mention], text: str, outlet_of_url: Callable[[str], KBEntry | None]) -> list[Mention]:
    """A mention that is a web domain ("– Rappler.com", "Aljazeera.net") names the outlet
    the knowledge base lists that domain for: it is looked up by that outlet's name. So
    does a word a verb of reporting takes that is such a domain's name without its ending
    ("reported malaymail": malaymail.com), where no mention holds it."""
    out = []
    for m in mentions:
        entry = outlet_of_url(f"https://{m.text}/") if m.kb_id is None and "." in m.text and _DOMAIN.fullmatch(m.text) else None
        out.append(m if entry is None else Mention(m.start, m.end, m.text, "KB|ORG", "kb", fold(entry.label), m.sentence))
    for hit in _REPORTED_STEM.finditer(text):
        k = 1 if hit.group(1) else 2
        start, end = hit.span(k)
        if not unclaimed(start, end, out):
            continue
        found = (outlet_of_url(f"https://{hit.group(k).lower()}.{tld}/") for tld in ("com", "net", "org"))
        entry = next((e for e in found if e is not None and "NewsOrganization" in e.classes), None)
        if entry is not None:
            out.append(Mention(start, end, hit.group(k), "KB|ORG", "kb", fold(entry.label)))
    return sorted(out, key=lambda m: (m.start, -m.end))


# Below this population (a town, not a city) a place named like an area is the lesser sense of the name.
SMALL_TOWN = 50_000


_TOWN_OF = re.compile(r"\b(?:city|town)[ \t]+of[ \t]+([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})")
# "from Kamlo town", "Tanou da Praia town": a name the words after it call a town.
_NAME_TOWN = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]+(?:[ \t]+(?:[A-Z][\w'’-]+|da|de|do|del|la|el|al)){0,3})[ \t]+(?:town|city)\b")


# A dateline opening a line: "Kamlo, Uganda |", "Goma, Congo —": the town a report is
# filed from, named with its country and a separator.
_DATELINE_TOWN = re.compile(r"^([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2}),[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2}[ \t]*[|–—]", re.M)


def named_towns(text: str) -> frozenset[str]:
    """The names the article itself calls a city or a town ("the flash point city of
    Marib", "Marib city") or files its report from (a dateline), folded: their bare mentions keep the
    town's sense beside its province's."""
    found = {fold(h.group(1)) for h in _TOWN_OF.finditer(text)} | {fold(h.group(1)) for h in _NAME_TOWN.finditer(text)}
    if "|" in text or "—" in text or "–" in text:
        found |= {fold(h.group(1)) for h in _DATELINE_TOWN.finditer(text)}
    return frozenset(found)


def region_senses(names: list[tuple[str, frozenset[str], int]], towns: frozenset[str] = frozenset()) -> dict[int, int]:
    """Of an article's resolved names (surface, the entry's classes -- none for an unknown
    name -- and its population): which small town's mention takes the area of the same
    bare name the article links elsewhere ("the province of Marib" ... "a neighbourhood in
    Marib") or names with its noun ("Dera Kalan district" ... "in Dera Kalan"): news
    that names an area by its bare name means the area by it throughout (index -> index).
    A big city keeps its sense ("the region of Kharkiv" ... "in Kharkiv the mayor")."""
    areas = {fold(surface): j for j, (surface, classes, _) in enumerate(names) if classes & {"Region", "District"}}
    # ... and an unknown area named after its town ("Lakki Marwat district" ... "in Lakki Marwat").
    areas.update({fold(bare): j for j, (surface, classes, _) in enumerate(names) if not classes and not SUBUNIT_END.search(surface) and (bare := without_admin_noun(surface))})
    # ... and a known area the article names with its noun ("Kamlo district" ... "in Kamlo").
    for j, (surface, classes, _) in enumerate(names):
        if classes & {"Region", "District"} and (bare := without_admin_noun(surface)):
            areas.setdefault(fold(bare), j)
    out = {}
    for i, (surface, classes, population) in enumerate(names):
        j = areas.get(fold(surface))
        if j is not None and classes & {"City", "Settlement"} and population < SMALL_TOWN and fold(surface) not in towns:
            out[i] = j
    return out


# Each half a name of up to three words ("the Assam-Arunachal Pradesh border").
_PAIR = re.compile(r"([A-Z][\w'’]{2,}(?:[ \t]+[A-Z][\w'’]{2,}){0,2})-([A-Z][\w'’]{2,}(?:[ \t]+[A-Z][\w'’]{2,}){0,2})")
# "along the Pangane-Macotuco road": a road named by the two places it joins.
_ROAD_PAIR = re.compile(r"([A-Z][\w'’]{2,})-([A-Z][\w'’]{2,})[ \t]+(?:road|highway|axis|route)")


def split_place_pairs(mentions: list[Mention], is_place: Callable[[str], bool]) -> list[Mention]:
    """"the Marte-Dikwa area", "between Marte-Dikwa town": two places joined by a hyphen,
    when the whole is no place ``is_place`` knows and each half is one; the two places. A
    road named so ("the Pangane-Macotuco road") is its two places whether known or not."""
    out: list[Mention] = []
    for m in mentions:
        pair = _PAIR.fullmatch(m.text)
        road = _ROAD_PAIR.fullmatch(m.text)
        if road is not None and m.kb_id is None and not is_place(m.text):
            pair = road  # the road's two places, known or not
        elif pair is None or m.kb_id is not None or is_place(m.text) or not (is_place(pair.group(1)) and is_place(pair.group(2))):
            out.append(m)
            continue
        (a0, a1), (b0, b1) = pair.span(1), pair.span(2)
        out.append(Mention(m.start + a0, m.start + a1, pair.group(1), "GPE", m.source, None, m.sentence))
        out.append(Mention(m.start + b0, m.start + b1, pair.group(2), "GPE", m.source, None, m.sentence))
    return out


# "A jet dropped three bombs", "Israeli aircraft targeted a house": an aircraft the sentence
# makes the attacker is a weapon of the attack (a warplane), though no name is given.
ATTACKING_AIRCRAFT = re.compile(
    r"\b([Jj]ets?|[Pp]lanes?|[Aa]ircraft|[Hh]elicopters?)[ \t]+(?:(?:had|have|has|then|also|reportedly)[ \t]+)?"
    r"(?:dropped|bombed|targeted|attacked|struck|strafed|fired|shelled|hit|pounded|raided|opened[ \t]+fire)\b"
)


def attacking_aircraft(text: str, mentions: list[Mention]) -> list[Mention]:
    """Weapon mentions for the aircraft of :data:`ATTACKING_AIRCRAFT`, where no mention
    holds the word ("the pilotless plane targeted" is the knowledge base's drone)."""
    out = []
    for hit in ATTACKING_AIRCRAFT.finditer(text):
        start, end = hit.span(1)
        if unclaimed(start, end, mentions):
            kind = "military helicopter" if hit.group(1).lower().startswith("helicopter") else "military aircraft"
            out.append(Mention(start, end, hit.group(1), "KB", "kb", kind))
    return out


_QUARTERS = {
    "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western", "northeast", "northwest",
    "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern", "north-east", "north-west",
    "south-east", "south-west", "north-eastern", "north-western", "south-eastern", "south-western", "upper", "lower",
}


def without_quarter(mentions: list[Mention], candidates: Candidates, known_place: Callable[[str], bool]) -> list[Mention]:
    """"Central Mali", "Eastern Ukraine": the known country or region after a quarter word
    the span opens with, as a place mention; the whole kept when the knowledge base or the
    gazetteer knows it ("South Sudan", "Northern Ireland", "North Kivu")."""
    out: list[Mention] = []
    for m in mentions:
        first, _, rest = m.text.partition(" ")
        if rest and m.source == "ner" and first.lower() in _QUARTERS and rest[:1].isupper() and not candidates(m.text) and not known_place(m.text):
            if any(c.entry.type == "Place" and not c.via_skeleton and {"Country", "Region", "District"} & set(c.entry.classes) for c in candidates(rest)):
                start = m.end - len(rest)
                out.append(Mention(start, m.end, rest, "GPE", m.source, None, m.sentence))
                continue
        out.append(m)
    return out


_AFTER_PLACE_WORD = re.compile(r"\b(?:[Ii]n|[Aa]t|[Nn]ear|[Oo]utside|[Ff]rom|[Tt]owards?|[Ii]nto)[ \t]+([A-Z][a-zà-ÿ'’]{3,}(?:-[A-Z][a-zà-ÿ'’]+)?)(?![\w'’-]|[ \t]+[A-Z]|[ \t]+(?:da|de|do|dos|del|di|du|la|le|al|el|ad|as|ar)[ \t]+[A-Z])")


def gazetteer_names(text: str, mentions: list[Mention], small_place: Callable[[str], bool]) -> list[Mention]:
    """Place mentions for the capitalised words after "in", "at", "near", "outside",
    "from", "toward", "towards" or "into" that no mention holds, that the article never writes in lower case, and that
    ``small_place`` accepts (a gazetteer town of a country the article is about)."""
    out = []
    for hit in _AFTER_PLACE_WORD.finditer(text):
        start, end = hit.span(1)
        name = hit.group(1)
        low = name.lower()
        if low in GENERIC_WORDS or low in CALENDAR_WORDS or not unclaimed(start, end, mentions):
            continue
        if written_in_lower_case(name, text) or not small_place(name):
            continue
        out.append(Mention(start, end, name, "GPE", "ner"))
    return out
