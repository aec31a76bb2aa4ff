"""Name boundaries the recogniser gets wrong on names no one curated, and spans that are no names.

en_core_web_sm was trained on news of a few countries; on a district of Chhattisgarh, a
tambon of Yala or a Reuters credit line it draws spans that the knowledge base cannot
rescue, because the name it would look up is not a name: "Kadapa (Andhra Pradesh" (a town
and its state in brackets, the convention of Indian and Pakistani papers), "Idlib Syria"
(a headline made from a URL slug runs place names together), "Indian Army Soldiers" (a
known body and the plural noun for its members), "Ahmed" + "Ali Abdullah Saleh" (a given
name cut off the person's name), "Special Battalion" + "for Jungle Warfare (SBJW)" (a
long name cut at "for", which the acronym after it proves whole). Other spans are no
names at all: a hashtag or handle ("#FGJESonora") and the capitalised words of a
paragraph quoted in another language (an embedded tweet in Spanish: "Agresión", "Se").

The same holds for names the model leaves out where the words say what they are: the
place after a local unit's word ("tambon Chuap"), after a place's possessive ("Kashmir's
Kulgam") or in apposition to a settlement's noun ("Bokolo, the village ..."), the
outlet that reports ("according to The Star"), the person after a post the model took
with its jurisdiction ("Sarguja Inspector General for Police Ankit Rao").

:func:`fix_boundaries` applies these to the cleaned mentions of one article (the linker
calls :func:`extend_by_acronym`, :func:`split_possessive` and :func:`possessor_countries`
where the spans they need are drawn); each step asks the knowledge base only about the
few spans it concerns (cached look-ups) or runs one regular expression over the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from kg.kb.base import Candidate, fold
from kg.mentions import ADMIN_NOUNS, INNER_POSSESSIVE_RE, unclaimed
from kg.names import ACRONYM_RE, ADMIN_UNIT_WORDS, CALENDAR_WORDS, CAPITALISED_FUNCTION_WORDS, GENERIC_WORDS, TITLES, demonyms, initials, is_group_word
from kg.nametype import PLACE_PREFIXES
from kg.spanedges import (
    based_places,
    collective_possessive,
    cut_title_tail,
    cut_to_known_core,
    cut_unit_seat,
    dateline_places,
    drop_place_plurals,
    extend_back_by_acronym,
    extend_by_compass_suffix,
    extend_over_particle,
    extend_over_slashed_head,
    extend_person_tail,
    extend_to_water_body,
    known_with_kind_word,
    nicknamed_wholes,
    split_agency_tail,
)
from kg.types import Mention

Lookup = Callable[[str], list[Candidate]]

# -- places in brackets ---------------------------------------------------------------

_BRACKETED = re.compile(r"^(.+?)\s*\(\s*([^()]+?)\s*\)?$")
_BRACKET_AFTER = re.compile(r"[ \t]*\(([A-Z][\w'’&.-]*(?:[ \t]+[A-Z][\w'’&.-]*){0,3})\)")


def _kb_place(name: str, lookup: Lookup, areas_only: bool = False) -> bool:
    """Whether the knowledge base knows ``name`` as a place and as nothing else (with
    ``areas_only``: as a country or a region)."""
    found = lookup(name)
    return bool(found) and all(c.entry.type == "Place" and not c.via_skeleton for c in found) and (
        not areas_only or any({"Country", "Region"} & set(c.entry.classes) for c in found)
    )


def _two_places(m: Mention, hit: re.Match) -> list[Mention]:
    """The place mentions of groups 1 and 2 of ``hit``, a match against ``m``'s text."""
    return [Mention(m.start + hit.start(k), m.start + hit.end(k), hit.group(k), "GPE", m.source, None, m.sentence) for k in (1, 2)]


def split_bracketed_places(mentions: list[Mention], text: str, is_place: Callable[[str], bool]) -> list[Mention]:
    """"Kadapa (Andhra Pradesh", "Kathua (J&K)": a span holding a name and a place in
    brackets is two places, the town and the state or district it lies in. A span whose
    bracket holds no place stays whole ("CPI (Maoist)")."""
    out = []
    for m in mentions:
        hit = _BRACKETED.match(m.text) if "(" in m.text and m.kb_id is None else None
        if hit is None or not is_place(hit.group(2)) or is_place(m.text):
            out.append(m)
            continue
        out += _two_places(m, hit)
    return out


def bracketed_places(mentions: list[Mention], text: str, is_place: Callable[[str], bool]) -> list[Mention]:
    """"from Satara (Maharashtra)": the known place in brackets right after a place's
    name, which the recogniser leaves out; new place mentions where no mention is."""
    out = []
    for m in mentions:
        hit = _BRACKET_AFTER.match(text, m.end)
        if hit is None:
            continue
        start, end = hit.span(1)
        if unclaimed(start, end, mentions) and is_place(hit.group(1)):
            out.append(Mention(start, end, hit.group(1), "GPE", "ner", None, m.sentence))
    return out


# -- two known places run together ----------------------------------------------------


def split_place_runs(mentions: list[Mention], lookup: Lookup, headline_end: int = 0) -> list[Mention]:
    """"Idlib Syria", "Kathua Jammu": a headline built from a URL slug runs a town and its
    country or region together, and the model takes the run for one name. A span of two
    to four words that the knowledge base does not know, cut where both halves are places
    it knows and nothing else, is those two places, when the second is a country or a
    region, or when the span stands in the headline (before ``headline_end``). In a body,
    two town names together are as often a person's ("Hassan Ali")."""
    out = []
    for m in mentions:
        words = m.text.split()
        parts = None
        if m.kb_id is None and 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not lookup(m.text) and words[0] not in PLACE_PREFIXES:  # "Puerto Jordan" is one town
            for i in range(1, len(words)):
                a, b = " ".join(words[:i]), " ".join(words[i:])
                if _kb_place(a, lookup) and _kb_place(b, lookup, areas_only=m.end > headline_end):
                    parts = (a, b)
                    break
        if parts is None:
            out.append(m)
            continue
        a, b = parts
        b_start = m.start + m.text.index(b, len(a))
        out.append(Mention(m.start, m.start + len(a), a, "GPE", m.source, None, m.sentence))
        out.append(Mention(b_start, b_start + len(b), b, "GPE", m.source, None, m.sentence))
    return out


# -- a body and its members -----------------------------------------------------------

# The head words of a body whose members the plurals name ("Congolese Army Soldiers").
_BODY_HEADS = {"Army", "Police", "Forces", "Force", "Guard", "Navy", "Corps", "Brigade", "Battalion", "Regiment", "Service"}
MEMBER_PLURALS = {"Soldiers", "Troops", "Personnel", "Jawans", "Officers", "Commandos", "Members", "Servicemen", "Policemen"}


def cut_member_plurals(mentions: list[Mention], lookup: Lookup) -> list[Mention]:
    """"our brave Indian Army Soldiers": a known organisation's name, or a name ending in a
    body's head word ("Congolese Army"), and the capitalised plural noun for its members is
    the organisation (the members are no entity)."""
    out = []
    for m in mentions:
        words = m.text.split()
        if len(words) > 1 and words[-1] in MEMBER_PLURALS and m.kb_id is None and not lookup(m.text):
            rest = m.text[: m.text.rindex(words[-1])].rstrip()
            if rest.split()[-1] in _BODY_HEADS or any(c.entry.type == "Organization" and not c.via_skeleton for c in lookup(rest)):
                m = Mention(m.start, m.start + len(rest), rest, "ORG", m.source, None, m.sentence)
        out.append(m)
    return out


# -- a given name cut off -------------------------------------------------------------

_PERSON_LABELS = {"PERSON", "PER", "KB|PERSON"}
_GIVEN_LABELS = {"ORG", "GPE", "NORP", "FAC", "LOC", "PERSON", "PER"}


_TITLE_AND_GIVEN_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w'’.-]*)[ \t]+([A-Z][a-zà-ÿ'’-]+)[ \t]$")


def given_after_title(m: Mention, text: str) -> Mention:
    """"County Commissioner Joseph Kiprono": the model's person is the surname alone;
    a capitalised word between a title and it is the given name."""
    if m.label not in _PERSON_LABELS or " " in m.text:
        return m
    hit = _TITLE_AND_GIVEN_BEFORE.search(text, max(0, m.start - 60), m.start)
    if hit is None or hit.group(1).lower().rstrip(".") not in TITLES or hit.group(2).lower() in TITLES | GENERIC_WORDS:
        return m
    start = hit.start(2)
    return Mention(start, m.end, text[start : m.end], m.label, m.source, None, m.sentence)


def join_given_names(mentions: list[Mention], text: str, lookup: Lookup) -> list[Mention]:
    """"his son, Ahmed Ali Abdullah Saleh": the model labels the first word ORG and the
    rest PERSON. A one-word name the knowledge base does not know, a space, then a
    person's name is that person's full name (not the known person the rest names), and
    so is any one-word name before a person's when the knowledge base knows the two as one."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        n = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            n is not None
            and " " not in m.text
            and m.label in _GIVEN_LABELS
            and n.label in _PERSON_LABELS
            and text[m.end : n.start] == " "
            and m.text[:1].isupper()
            and m.text[1:].islower()
            and m.text.lower() not in TITLES
            and m.text.lower() not in GENERIC_WORDS | CALENDAR_WORDS
            and not is_group_word(m.text)
            and (not lookup(m.text) or any(c.entry.type == "Person" for c in lookup(f"{m.text} {n.text}")))
        ):
            out.append(Mention(m.start, n.end, text[m.start : n.end], "PERSON", "ner", None, m.sentence))
            i += 2
            continue
        out.append(given_after_title(m, text))
        i += 1
    return out


# -- a long name cut at "for" or "of", proved whole by its acronym ------------------------

_CUT_TAIL = re.compile(r"[ \t]+((?:for|of)(?:[ \t]+the)?(?:[ \t]+(?:[A-Z][\w'’-]*|and|of|the|for))+?)[ \t]*\((" + ACRONYM_RE.pattern + r"|[A-Z][A-Za-z]{1,7})\)")


def extend_by_acronym(mentions: list[Mention], text: str) -> list[Mention]:
    """"Special Battalion for Jungle Warfare (SBJW)": an organisation's name that the
    model cut at "for" or "of" runs on to the acronym in brackets, when the acronym's
    capitals are the initials of the whole name's capitalised words."""
    out: list[Mention] = []
    skip_until = -1
    for m in mentions:
        if m.start < skip_until:
            continue
        hit = _CUT_TAIL.match(text, m.end) if m.label in ("ORG", "KB|ORG") or m.label.startswith("ORG") else None
        if hit is not None:
            whole = f"{m.text} {hit.group(1)}"
            acronym = "".join(c for c in hit.group(2) if c.isupper())
            if len(acronym) >= 3 and initials(whole.split()) == acronym:
                end = hit.end(1)
                m = Mention(m.start, end, text[m.start : end], "ORG", "ner", None, m.sentence)
                skip_until = end
        out.append(m)
    if skip_until < 0:
        return out  # nothing extended: most articles
    return [o for o in out if not any(p is not o and p.start <= o.start and o.end <= p.end and (p.end - p.start) > (o.end - o.start) for p in out)]


# -- no names: hashtags, handles, another language -------------------------------------

# Function words of the languages news quotes untranslated (Spanish, French, Portuguese, Italian).
_FOREIGN_WORDS = {
    "de", "la", "el", "los", "las", "del", "y", "se", "por", "para", "con", "una", "que", "es", "su", "sus", "al",
    "les", "des", "le", "et", "du", "est", "dans", "pour", "sur", "au", "aux", "nous", "não", "em", "os", "um", "uma",
    "dos", "das", "il", "di", "che", "sono", "fue", "han", "sin", "muy", "pero", "como", "más", "très",
    # Filipino, quoted untranslated in Philippine news ("Wala naman akong information na ...")
    "ang", "ng", "mga", "na", "sa", "naman", "akong", "ako", "hindi", "wala", "ito", "itong", "doon", "ating", "siya", "kami",
    "nang", "yung", "kung", "lang",
}


def trie_pattern(words: Iterable[str]) -> str:
    """An alternation of ``words`` as a regex trie ("d(?:e(?:l|s)?|u)" for de, del, des,
    du): the regex engine tries a few branches at each position instead of every word,
    and, between letter bounds as below, matches exactly what the flat alternation does."""
    firsts: dict[str, list[str]] = {}
    ends = False
    for w in words:
        if w:
            firsts.setdefault(w[0], []).append(w[1:])
        else:
            ends = True
    alts = [re.escape(c) + trie_pattern(rest) for c, rest in sorted(firsts.items())]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 and not ends else "(?:" + "|".join(alts) + ")"
    return body + "?" if ends else body


# A function word as a whole word (letters on neither side); a trie, 2.5x as fast over a
# text as the flat alternation of the words, which every article's first pass ran.
_FOREIGN_RE = re.compile(r"(?<![^\W\d_])" + trie_pattern(_FOREIGN_WORDS) + r"(?![^\W\d_])", re.I)
_ENGLISH_WORDS = {
    "the", "of", "and", "to", "in", "is", "was", "for", "on", "that", "with", "by", "as", "at", "from", "has", "have",
    "were", "are", "said", "it", "its", "he", "she", "they", "this", "an", "be", "who", "had", "not", "but", "their",
}
_WORD = re.compile(r"[^\W\d_]+")


def foreign_paragraphs(text: str) -> list[tuple[int, int]]:
    """The spans of the paragraphs (lines) written in another language than English: eight
    words or more, of which at least four are another language's function words and
    at least twice as many as English ones."""
    out: list[tuple[int, int]] = []
    if len(_FOREIGN_RE.findall(text)) < 4:
        return out  # an English article: one pass over the text, no line read word by word
    pos = 0
    for line in text.split("\n"):
        words = [w.lower() for w in _WORD.findall(line)]
        if len(words) >= 8:
            foreign = sum(w in _FOREIGN_WORDS for w in words)
            english = sum(w in _ENGLISH_WORDS for w in words)
            if foreign >= 4 and foreign >= 2 * english:
                out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def drop_non_names(mentions: list[Mention], text: str, lookup: Lookup) -> list[Mention]:
    """Spans that name nothing the knowledge base knows and stand in a hashtag or handle
    ("#FGJESonora", "@fgjesonora") or in a paragraph of another language ("Se reportan
    tres personas sin vida"). The knowledge base's names there stay ("#Guaymas")."""
    foreign = foreign_paragraphs(text)
    out = []
    for m in mentions:
        tagged = m.start > 0 and text[m.start - 1] in "#@"
        inside = any(a <= m.start and m.end <= b for a, b in foreign)
        if inside and m.kb_id is None and m.text.lower() in _FOREIGN_WORDS:
            continue  # "Wala" ("none") opening a Filipino quote: the language's own word, whatever place shares it
        if (tagged or inside) and m.kb_id is None and (len(m.text) < 4 or not lookup(m.text)):
            continue  # "Se" is some hamlet's name too: a short word there is no name
        out.append(m)
    return out


# The capitalised words for an area that end its name ("Lalo Dera Woreda", "the Bindagi
# Local Government Area").
CAPITALISED_AREA_KINDS = r"Local[ \t]+Government[ \t]+Area|LGA|Woreda|Kebele|Tehsil|Taluka|Upazila|Zone|District|Province|Governorate|Prefecture|County|Territory|Municipality"
_CAPITALISED_AREA_AFTER = re.compile(
    r"((?:[ \t]+[A-Z][\w'’-]*){0,2}?)[ \t]+(?:" + CAPITALISED_AREA_KINDS + r")\b"
)


def extend_to_capitalised_area(mentions: list[Mention], text: str, lookup: Lookup) -> list[Mention]:
    """"Lalo" of "Lalo Dera Woreda": an unknown name that the capitalised word for an
    area ends a few words later is that area's name, whole (the model cut it short)."""
    out = []
    for m in mentions:
        hit = _CAPITALISED_AREA_AFTER.match(text, m.end) if m.kb_id is None and m.label in ("ORG", "GPE", "PERSON", "LOC") else None
        if hit is not None and not lookup(m.text) and unclaimed(m.end, hit.end(), [o for o in mentions if o is not m]):
            m = Mention(m.start, hit.end(), text[m.start : hit.end()], "GPE", m.source, None, m.sentence)
        out.append(m)
    return out


_TITLE_PHRASE_WORDS = {"of", "for", "the", "police", "general"}
_NAME_AFTER = re.compile(r"[ \t]+([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’.-]*){0,2})")


_HEAD_END_WORDS = {"of", "for", "the", "and", "on", "in"}


def split_at_capitalised_title(mentions: list[Mention], text: str, lookup: Lookup) -> list[Mention]:
    """"According to the Sarguja Inspector General for Police Ankit Rao": the model's span
    is a jurisdiction and a post ("Sarguja" + "Inspector General for Police"), and the
    person holding the post comes after it. The jurisdiction is kept (a place, unless the
    knowledge base knows it as something else), the post dropped, and the capitalised
    words after it are the person, where no mention is."""
    out: list[Mention] = []
    for m in mentions:
        words = m.text.split()
        at = next((i for i, w in enumerate(words) if i > 0 and w[:1].isupper() and w.lower() in TITLES and w.lower() not in _TITLE_PHRASE_WORDS), None)
        # A name ends in no function word: in "Ministry of Defense" the title word after "of" is the body's field, no post.
        if at is None or at > 2 or m.kb_id is not None or lookup(m.text) or words[at - 1].lower() in _HEAD_END_WORDS or not all(w.lower() in TITLES | _TITLE_PHRASE_WORDS for w in words[at:]):
            out.append(m)
            continue
        head = " ".join(words[:at])
        label = m.label if lookup(head) or head.isupper() else "GPE"
        out.append(Mention(m.start, m.start + len(head), head, label, m.source, None, m.sentence))
        hit = _NAME_AFTER.match(text, m.end)
        if hit is not None and unclaimed(hit.start(1), hit.end(1), mentions):
            out.append(Mention(hit.start(1), hit.end(1), hit.group(1), "PERSON", "ner", None, m.sentence))
    return out


# "Inspector General of Police (Sarguja Range) Ankit Rao", "Superintendent of Police
# Jammu, Rakesh Verma": the police posts of South Asian news, a jurisdiction in brackets
# or before a comma, then the holder's name, which the model, lost in the post, misses.
_POLICE_POST_HOLDER = re.compile(
    r"\b(?:(?:Deputy|Additional|Assistant|Senior)[ \t]+)?(?:Inspector|Director|Superintendent|Commissioner)(?:[ \t]+General)?[ \t]+of[ \t]+Police"
    r"(?:[ \t]*\([^()\n]{1,40}\))?(?:[ \t]+[A-Z][a-z]+,)?[ \t]+([A-Z][a-z]{2,}(?:[ \t]+[A-Z][a-z]+|[ \t]+[A-Z](?![\w'’-]))?)"
)


def police_post_holders(text: str, mentions: list[Mention]) -> list[Mention]:
    """The holders of :data:`_POLICE_POST_HOLDER`'s posts: person mentions where no mention is."""
    if "Police" not in text:
        return []  # every post the pattern reads ends in the word (a substring test, not a scan of the pattern)
    return [Mention(h.start(1), h.end(1), h.group(1), "PERSON", "ner") for h in _POLICE_POST_HOLDER.finditer(text) if unclaimed(h.start(1), h.end(1), mentions)]


def fix_boundaries(mentions: list[Mention], text: str, lookup: Lookup, is_place: Callable[[str], bool]) -> list[Mention]:
    """All of the above, in order, on an article's cleaned mentions (sorted by start)."""
    ms = sorted(mentions, key=lambda m: (m.start, -m.end))
    ms = drop_non_names(ms, text, lookup)
    ms = cut_unit_seat(extend_by_compass_suffix(extend_to_water_body(ms, text), text), text)  # kg/spanedges.py
    ms = known_with_kind_word(extend_over_slashed_head(extend_back_by_acronym(ms, text), text), lookup)
    ms = split_agency_tail(extend_over_particle(nicknamed_wholes(ms, text), text), lookup)
    ms = cut_to_known_core(drop_place_plurals(cut_title_tail(extend_person_tail(ms, text, lookup), text), lookup), lookup, is_place)
    ms = split_bracketed_places(ms, text, is_place)
    ms = split_place_runs(split_place_of_area(ms, lookup), lookup, text.find("\n") if "\n" in text else len(text))
    ms = extend_to_capitalised_area(cut_member_plurals(ms, lookup), text, lookup)
    ms = split_at_capitalised_title(ms, text, lookup)
    ms = join_given_names(ms, text, lookup)
    ms += bracketed_places(ms, text, is_place) + unit_places(text, ms) + possessed_places(text, ms, lookup)
    ms += kinded_areas(text, ms)
    ms += apposed_places(text, ms) + police_post_holders(text, ms)
    ms += dateline_places(text, ms) + based_places(text, ms)
    outlets = reported_outlets(text, ms)
    ms = [m for m in ms if not any(o.start <= m.start and m.end <= o.end for o in outlets)] + outlets
    return sorted(ms, key=lambda m: (m.start, -m.end))


def names_area(name: str, text: str) -> bool:
    """Whether the article names ``name`` as an area ("Marpal district", "the Sukma
    region"): then "Marpal's Kotri village" is a village of that area, two places."""
    return re.search(rf"(?<![\w'’-]){re.escape(name)}[ \t]+(?:{ADMIN_NOUNS})\b", text) is not None


def first_level_area(name: str, gazetteer) -> bool:
    """Whether the gazetteer has ``name`` as a first-level area (a state, a province):
    "Chhattisgarh's Marpal district" is the district of that state."""
    return gazetteer is not None and any(h.entry.classes[0] == "Region" for h in gazetteer.lookup(name))


# -- places and outlets the recogniser misses ---------------------------------------------

_UNIT_NAME = re.compile(r"\b(?:" + "|".join(sorted(ADMIN_UNIT_WORDS)) + r")[ \t]+([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})")  # "tambon X", "barangay X"
_PLACE_OF_AREA = re.compile(rf"^([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?) of ([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)? (?:{ADMIN_NOUNS}))$")
_THE_OUTLET = re.compile(
    r"(?:\b(?:according[ \t]+to|reported[ \t]+by|quoted[ \t]+by|cited[ \t]+by|told)[ \t]+(The[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2}))"
    r"|(?:(?<![\w'’-])(The[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})[ \t]+(?:reported|newspaper|daily|quoted))"
)


_APPOSED_PLACE = re.compile(
    r"(?<![\w'’-])([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2}),[ \t]+(?:a|an|the)[ \t]+(?:(?:small|remote|nearby|neighbouring|neighboring|rural|border|mining|farming|fishing)[ \t]+)?"
    r"(?:village|town|hamlet|settlement|locality|commune|township|district)\b"
)


def apposed_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """"who speaks for Bokolo, the village attacked": a name the model missed, in
    apposition to a settlement's noun; a place, where no mention is and the name does not
    open its sentence ("Meanwhile, the town ...")."""
    out = []
    for h in _APPOSED_PLACE.finditer(text):
        start, end = h.span(1)
        if start == 0 or text[start - 1] in "\n“\"" or text[max(0, start - 2) : start] in (". ", "? ", "! "):
            continue
        if unclaimed(start, end, mentions) and h.group(1).lower() not in GENERIC_WORDS | CALENDAR_WORDS:
            out.append(Mention(start, end, h.group(1), "GPE", "ner"))
    return out


# "in the Bindagi Local Government Area", "Katoro District": a capitalised name and the
# capitalised word for its kind of area, which the model often draws no span around.
_KINDED_AREA = re.compile(
    r"(?<![\w'’-])([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})[ \t]+"
    r"(?:" + CAPITALISED_AREA_KINDS + r")(?![\w'’-])"
)
_AREA_KIND = re.compile(CAPITALISED_AREA_KINDS)  # what every match of _KINDED_AREA holds


def kinded_areas(text: str, mentions: list[Mention]) -> list[Mention]:
    """Place mentions for :data:`_KINDED_AREA`'s areas, whole, where no mention is."""
    out: list[Mention] = []
    if _AREA_KIND.search(text) is None:
        return out  # no kind word at all (most articles): a scan for the words alone costs an eighth
    for h in _KINDED_AREA.finditer(text):
        words = h.group(1).split()
        if any(w in CAPITALISED_FUNCTION_WORDS for w in words):
            continue
        if unclaimed(h.start(), h.end(), mentions):
            out.append(Mention(h.start(), h.end(), h.group(0), "GPE", "ner"))
    return out


def unit_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """"in tambon Chuap", "barangay San Roque": the capitalised name after a local
    administrative unit's lower-case word is that unit's, a place; new mentions where no
    mention is."""
    return [Mention(h.start(1), h.end(1), h.group(1), "GPE", "ner") for h in _UNIT_NAME.finditer(text) if unclaimed(h.start(1), h.end(1), mentions)]


def split_place_of_area(mentions: list[Mention], lookup: Lookup) -> list[Mention]:
    """"tambon Ban Rai of Thung Sai district": a place "of" the district it lies in, which the
    model reads as one name; the two places, when the knowledge base does not know the whole."""
    out = []
    for m in mentions:
        hit = _PLACE_OF_AREA.match(m.text) if m.kb_id is None and " of " in m.text else None
        if hit is None or lookup(m.text) or hit.group(1).split()[-1] in _NOT_PLACE_HEADS:
            out.append(m)
            continue
        out += _two_places(m, hit)
    return out


# Words before "of" that make "X of Y district" one name ("Bank of Yala district" is no place in a place).
_NOT_PLACE_HEADS = {"Bank", "University", "Governor", "Government", "Council", "Department", "Office", "Ministry", "Province", "Region", "District", "People", "Republic"}


def reported_outlets(text: str, mentions: list[Mention]) -> list[Mention]:
    """"according to The Star", "The Star reported": a name of "The" and capitalised words
    that reports is an outlet's; organisation mentions, in place of a shorter span the
    model drew inside it ("Star")."""
    out = []
    for h in _THE_OUTLET.finditer(text):
        g = 1 if h.group(1) else 2
        start, end = h.span(g)
        inside = [o for o in mentions if o.start < end and start < o.end]
        words = h.group(g).split()[1:]
        if all(w.lower() in GENERIC_WORDS for w in words):
            continue  # "The Army reported", "The Ministry quoted": a body's generic noun, no outlet
        if not any(is_group_word(w) for w in words) and all(start <= o.start and o.end <= end for o in inside):
            out.append(Mention(start, end, h.group(g), "ORG", "ner"))
    return out


_POSSESSED = re.compile(r"['’]s[ \t]+([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?)(?![\w'’-])")


def possessed_places(text: str, mentions: list[Mention], lookup: Lookup) -> list[Mention]:
    """"south Kashmir's Kulgam", "Chhattisgarh's Narayanpur": after a place's possessive,
    a name that the knowledge base knows only as a place is a place of it (the model,
    reading the possessive as one token, often draws no span there)."""
    out = []
    for m in mentions:
        if not (m.label.endswith(("GPE", "LOC")) or m.label == "KB"):
            continue
        hit = _POSSESSED.match(text, m.end)
        if hit is None:
            continue
        start, end = hit.span(1)
        found = lookup(hit.group(1))
        if found and unclaimed(start, end, mentions) and all(c.entry.type == "Place" and not c.via_skeleton for c in found):
            out.append(Mention(start, end, hit.group(1), "GPE", "ner", None, m.sentence))
    return out


def split_possessive(m: Mention, text: str, lookup: Lookup, gazetteer) -> list[Mention]:
    """"Ukraine's Emergency Service" names two things when the knowledge base does not
    know it whole: the place before "'s" and the name after it. The place may be one the
    knowledge base lacks, when the gazetteer has it as a state or province or the article
    names it as an area ("Chhattisgarh's Marpal district", "Marpal's Kotri")."""
    hit = INNER_POSSESSIVE_RE.search(m.text)
    if hit is None or lookup(m.text) or collective_possessive(m.text[: hit.start()]):
        return [m]  # "Upper Nile People's Movement": a collective's "'s" is the name's own
    head = m.text[: hit.start()]
    tail_start = m.start + hit.end()
    tail = text[tail_start : m.end]
    countries = [c.entry.country for c in lookup(head) if "Country" in c.entry.classes]
    # "Russia's Defense Ministry" is the "Russian Defense Ministry" the knowledge base knows.
    for country in countries:
        for adjective in demonyms(country):
            if lookup(f"{adjective} {tail}"):
                return [Mention(m.start, m.end, m.text, m.label, m.source, fold(f"{adjective} {tail}"), m.sentence)]
    out = []
    owner = lookup(head)
    if any(c.entry.type == "Place" for c in owner) or names_area(head, text) or first_level_area(head, gazetteer):
        out.append(Mention(m.start, m.start + len(head), head, "KB|GPE", m.source, None, m.sentence))
    elif len(head.split()) > 1 and owner and all(c.entry.type == "Person" for c in owner):
        # "President Salva Kiir's SPLM": a known person's party, office or force is not
        # the person; the model's label for the whole span says nothing of the tail.
        out.append(Mention(m.start, m.start + len(head), head, "KB|PERSON", m.source, None, m.sentence))
        if tail[:1].isupper():
            out.append(Mention(tail_start, m.end, tail, "ORG", m.source, None, m.sentence))
        return out
    if tail[:1].isupper():
        out.append(Mention(tail_start, m.end, tail, m.label, m.source, None, m.sentence))
    return out


def possessor_countries(mentions: list[Mention], text: str, lookup: Lookup) -> list[Mention]:
    """"according to information released by Mexico's Navy": the knowledge base knows the
    body by that form, and the country that owns it is named too; place mentions for the
    country before the possessive of a known body's name, where no mention is."""
    out = []
    for m in mentions:
        hit = INNER_POSSESSIVE_RE.search(m.text) if m.label.startswith("KB") else None
        if hit is None:
            continue
        head = m.text[: hit.start()]
        if any("Country" in c.entry.classes for c in lookup(head)) and not any(o.start == m.start and o.end == m.start + len(head) for o in mentions):
            out.append(Mention(m.start, m.start + len(head), head, "KB|GPE", "ner", None, m.sentence))
    return out
