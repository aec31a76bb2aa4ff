"""More evidence for typing unknown names (kg/nametype.py weighs it with the rest).

Each cue is a class of text that news from conflicts the knowledge base barely covers
is full of, where the model's label is a poor witness:

- a wire story's credit line, "(Reporting by A; Writing by B; Editing by C and D)": people;
- "at a place known as Kolomba", "an area called X": a place, as "a man named X" is a person;
- "Inspector General of Police Jammu, Rakesh Verma said": a capitalised title phrase,
  a comma and the name, as "the governor of the region, X" is already read;
- "one of the victims, Thangboi, was": a plural noun for people, then the name between commas;
- "in tambon Khok Sai", "barangay X", "kebele X": the lower-case word for a local
  administrative unit before the name (Thai, Philippine, Ethiopian, South Asian news);
- "CNNNews18", "WION24": one word of capitals, lower case and digits is a brand, an
  outlet or a unit, never a place or a person.
- "according to Jean Kambale, head of the chiefdom": a post's noun without an article
  right after the name's comma, then "of", is the post its holder holds: a person.
- "52-year-old Saw Ler Htoo": a name right after an age is a person's; so is one an age
  follows (", 60 and", ", 25.", " (45)", ", a 31-year-old"), which news gives of people only.
- "Joint Patrol Agencies": a body's head noun in the plural heads a body's name
  (:func:`plural_head`), which "led by" before it does not make a person's.
- "GMT", "Eid al-Adha": time zones and holidays (:data:`TIME_ZONES`, :data:`HOLIDAYS`), junk.
- "on Thurdsay", "Wednsday": a weekday's name with two letters swapped or one letter
  missing or doubled is the weekday misspelt, no name (:func:`misspelt_weekday`).
- "a parade for Independence Day", "Islam's Sharia law": a day's name and the word a
  law is called by are no entity's names (:func:`day_or_law`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.cueweights import CUE, HEAD_WORD, Cue
from kg.kb.base import fold
from kg.mentions import ORG_HEADS
from kg.names import ADMIN_UNIT_WORDS, PERSON_DESCRIPTORS, TITLES, WEEKDAYS, initials

# Last words of newspapers' names, beside the bodies' heads (ORG_HEADS has "News", "Times", "Post").
OUTLET_HEADS = {"Tribune", "Herald", "Gazette", "Chronicle", "Observer", "Telegraph", "Courier", "Dispatch", "Reporters", "Bulletin", "Newspaper", "Newspapers"}
# Junk: words the model takes for names that are no entity's.
TIME_ZONES = {"GMT", "UTC", "EST", "EDT", "CST", "CDT", "PST", "PDT", "MST", "MDT", "BST", "CET", "CEST", "EET", "EEST", "MSK", "IST", "PKT", "WAT", "EAT", "CAT", "SAST", "AEST", "JST", "KST", "AST", "IRST", "ICT"}
HOLIDAYS = {
    "christmas", "christmas eve", "christmas day", "easter", "orthodox easter", "orthodox christmas", "ramadan", "eid",
    "eid al-fitr", "eid al-adha", "eid ul-fitr", "eid ul-adha", "hanukkah", "passover", "yom kippur", "rosh hashanah",
    "diwali", "holi", "nowruz", "thanksgiving", "new year", "new year's eve", "new year's day", "lunar new year",
    "independence day", "victory day", "lent", "ashura", "mawlid", "sukkot", "purim", "shavuot", "good friday",
    "halloween", "valentine's day", "labor day", "labour day", "memorial day", "armistice day", "remembrance day",
    # transliterations of the months and feasts (Urdu, Persian, Turkish, Malay spellings)
    "ramazan", "ramzan", "ramadhan", "ramzaan", "muharram", "eid ul fitr", "eid-ul-fitr", "eid-ul-adha", "eid ul azha", "eid-ul-azha", "bakrid", "navroz", "nauroz",
}

_CREDIT_BEFORE = re.compile(
    r"(?:^|\n|\(|;|\|)\s*(?:[Aa]dditional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Ee]dited|[Cc]ompiled|[Tt]ranslated|[Pp]roduced|[Tt]ranslation|[Ff]act-?checking)\s+by\s+$"
)
_KNOWN_AS_BEFORE = re.compile(
    r"\b(place|area|village|town|locality|spot|site|hamlet|settlement|neighbou?rhood|location|state|homeland|country|territory|region|republic|enclave)"
    r"\s+(?:(?:they|it|locals|residents|rebels|separatists|the\s+rebels|the\s+separatists)\s+(?:call|calls|called|named|dub|dubbed)|known\s+as|called|named|dubbed)\s+$"
)  # "an independent state they call X"
_BRAND_TOKEN = re.compile(r"(?=\w*\d)(?=\w*[a-z])[A-Z][A-Za-z]*[A-Z][A-Za-z]*\d+[A-Za-z\d]*|[A-Z]{2,}\d+")
# A person's age after the name: ", 45," and also ", 45." or ", 60 and" closing a clause or a
# list ("Jane Roe, 60 and Ama, 25"), "(45)", ", aged 45", ", a 45-year-old ...". News gives
# ages of people only; a figure after a place is a count and runs on into its noun ("Town, 25
# people"), which the lookahead refuses.
AGE_AFTER = re.compile(r"^(?:,\s+(?:aged\s+)?\d{1,3}(?=\s*(?:[,.;:)]|\s+(?:and|or|who)\b|$))|\s+\(\d{1,3}\)|,\s+(?:a|an)\s+\d{1,3}-year-old\b)")
# "52-year-old Saw Ler Htoo", "the 17-year-old Yusuf": an age right before a name is a person's.
_AGE_BEFORE = re.compile(r"\b\d{1,3}[- ]years?[- ]old[ \t]+$")
# A clause ending right before ", <name>": from the last sentence or clause boundary.
_CLAUSE_CUT = re.compile(r"[.;:!?\n\"“”(]")
_PEOPLE_PLURALS = {
    "victims", "dead", "deceased", "injured", "wounded", "killed", "hostages", "suspects", "soldiers", "men", "women",
    "residents", "villagers", "officers", "fighters", "leaders", "survivors", "children", "sons", "daughters", "brothers",
}


# Posts whose noun, bare after the comma ("X, head of the ..."), names the one who holds them.
_BARE_POSTS = {
    "head", "chief", "leader", "spokesman", "spokeswoman", "spokesperson", "governor", "mayor", "commander", "chairman",
    "chairperson", "chairwoman", "director", "secretary", "minister", "administrator", "coordinator", "commissioner", "president",
}
_BAREPOST_AFTER = re.compile(r",[ \t]+(?:(?:former|deputy|acting|local|regional|provincial|district)[ \t]+)?([a-z]+)[ \t]+(?:of|for)\b")


def _one_slip(word: str, target: str) -> bool:
    """Whether ``word`` is ``target`` with two neighbouring letters swapped, or one letter
    left out or added (a substituted letter is not counted: "Sundar" is a name)."""
    if word == target or abs(len(word) - len(target)) > 1:
        return False
    if len(word) == len(target):
        diff = [i for i, (a, b) in enumerate(zip(word, target)) if a != b]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == target[diff[1]] and word[diff[1]] == target[diff[0]]
    short, long_ = (word, target) if len(word) < len(target) else (target, word)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


@lru_cache(maxsize=1 << 14)  # a pure function of the name, asked for every one-word name
def misspelt_weekday(name: str) -> bool:
    """"Thurdsay", "Wednsday", "Fridday": a one-word name that is a weekday with one slip."""
    word = name.lower()
    return " " not in word and len(word) >= 6 and word.isalpha() and any(_one_slip(word, d) for d in WEEKDAYS)


def _title_clause(clause: str) -> bool:
    """"Inspector General of Police Kashmir", "Deputy Governor of Kano": a capitalised
    title word opens the clause and no verb-like lower-case word runs in it."""
    words = clause.split()
    if words and words[0] in ("The", "the"):
        words = words[1:]  # "The Deputy Governor of Keffa State, X"
    if not 2 <= len(words) <= 8 or not words[0][:1].isupper():
        return False
    if words[0].lower().rstrip(".") not in TITLES or words[0].lower() in ("former", "ex", "acting", "foreign", "vice"):
        return False
    return all(w[:1].isupper() or w in ("of", "for", "the", "and", "in") for w in words)


def context_cues(text: str, start: int, end: int, n_words: int) -> list[Cue]:
    """The cues of this module for the name at [start, end) of ``text``."""
    out: list[Cue] = acronym_cue(text[start:end], text, end)
    before = text[max(0, start - 60) : start]
    if _AGE_BEFORE.search(before):
        out.append(("Person", CUE, "context", "after an age ('46-year-old')", False))
    tail = before.rstrip()  # (both patterns below end in a word and white space: most mentions skip them)
    if tail.endswith("by") and _CREDIT_BEFORE.search(before):
        out.append(("Person", CUE, "context", "a credit line's name ('Editing by')", True))
    known = _KNOWN_AS_BEFORE.search(before) if tail.endswith(("as", "called", "named", "call", "calls", "dubbed", "dub")) else None
    if known is not None:
        out.append(("Place", CUE, "context", f"after {known.group(0).strip()!r}", False))
    words = before.split()
    if before.endswith(" ") and words and words[-1].lower() in ADMIN_UNIT_WORDS:  # "barangay", "Barangay"
        out.append(("Place", CUE, "context", f"after the unit {words[-1]!r}", True))
    post = _BAREPOST_AFTER.match(text, end)
    if post is not None and post.group(1) in _BARE_POSTS and n_words > 1:
        out.append(("Person", CUE, "context", f"followed by ', {post.group(1)} of' (the post's holder)", True))
    if text[max(0, start - 2) : start] == ", ":
        clause = _CLAUSE_CUT.split(text[max(0, start - 90) : start - 2])[-1].strip()
        clause = clause.split(", ")[-1] if ", " in clause else clause
        if n_words > 1 and _title_clause(clause):  # "General Staff of the Armed Forces, Ukraine ...": no one's title
            out.append(("Person", CUE, "context", f"after the title {clause!r} and a comma", False))
        last = clause.split()[-1].lower() if clause.split() else ""
        if last in _PEOPLE_PLURALS or last in {w + "s" for w in PERSON_DESCRIPTORS}:
            if text[end : end + 1] == ",":
                out.append(("Person", CUE, "context", f"between commas after {last!r}", False))
    return out


_OWN_ACRONYM_AFTER = re.compile(r"[ \t]*\(([A-Z][A-Za-z]{2,9})\)")


def acronym_cue(name: str, text: str, end: int) -> list[Cue]:
    """"Jana Sanghati Samiti (JSS)": a name of three words or more followed by the acronym
    its initials spell is a body's (people are not given acronyms; places that are, are
    known or have a place's head word, which outweighs this)."""
    words = name.split()
    hit = _OWN_ACRONYM_AFTER.match(text, end) if len(words) >= 3 else None
    if hit is not None and initials(words).upper() == hit.group(1).upper():
        return [("Organization", CUE, "context", f"spelled by the acronym after it ({hit.group(1)})", False)]
    return []


def name_cues(name: str) -> list[Cue]:
    """What the name's own shape says, beside kg/nametype.py's head words and endings."""
    if name.endswith((" dissidents", " dissidences", " Dissidents")):  # "the Farc dissidences" (kg/spancuts.py): the splinter groups, a body
        return [("Organization", HEAD_WORD, "name", "head word 'dissidents' (an armed group's splinters)", False)]
    if name.endswith(" Police Lines"):  # "Banwar Police Lines": a police compound (South Asia)
        return [("Place", HEAD_WORD, "name", "head words 'Police Lines' (a police compound)", False)]
    if " " in name and name.rsplit(" ", 1)[1] in OUTLET_HEADS:  # "Harbour Tribune": a newspaper's name
        return [("Organization", HEAD_WORD, "name", f"an outlet's head word {name.rsplit(' ', 1)[1]!r}", False)]
    if " " not in name and _BRAND_TOKEN.fullmatch(name):
        return [("Organization", 2.0, "name", "one word of capitals and digits (a brand or outlet)", False)]
    quarter = _QUARTER_END.search(name)
    # Not a body's word before it: "Guerreros del Sur", "Bloque del Norte" are the South's fighters;
    # "Misamis del Sur", "Bukidnon del Norte" are areas whatever letter their name ends in.
    if quarter is not None and name[:1].isupper() and not any(_body_word(w) for w in name[: quarter.start()].split()):
        return [("Place", 2.0, "name", f"ends with its quarter {quarter.group(0).strip()!r}", False)]
    return []


# "Agusan del Sur", "Rio Grande do Sul", "Kivu du Nord": an area named by its quarter,
# in Spanish, Portuguese or French (an area's name: a province, a state, a department).
# The Spanish, Portuguese and French words armed and public bodies are named with, singular and
# plural: a quarter after one of them is the region the body serves, no area's name.
_ROMANCE_BODY_WORDS = {
    w + s
    for w in (
        "guerrero", "autodefensa", "bloque", "frente", "comando", "fuerza", "ejercito", "exercito", "milicia", "brigada",
        "batallon", "batalhao", "movimiento", "movimento", "partido", "union", "alianza", "coordinadora", "cartel", "grupo",
        "guardia", "policia", "armee", "force", "mouvement", "front", "commando", "brigade", "bataillon", "comite", "consejo",
        "conselho", "defensor", "combatiente", "rebelde", "soldado", "patriota", "liberacion", "resistencia",
    )
    for s in ("", "s", "es")
}
# Endings of Spanish and Portuguese plural agent nouns, the people a body is named for
# ("Comuneros", "Campesinos", "Combatientes", "Socialistas"); a place's name seldom ends so.
_AGENT_PLURAL_END = ("eros", "eras", "istas", "entes", "antes", "inos", "inas")


def _body_word(word: str) -> bool:
    """"Bloque", "Guerreros", "Comuneros": a word a body's name is made of, not an area's."""
    low = fold(word)
    return low in _ROMANCE_BODY_WORDS or (len(low) > 6 and low.endswith(_AGENT_PLURAL_END))


_QUARTER_END = re.compile(r" (?:del|de|do|da|du) (?:Sur|Norte|Este|Oeste|Sul|Leste|Nord|Sud|Est|Ouest|Centro)$")


# "the Union Defence Minister Arvind Mehra", "Chief Minister": words of a post's name;
# "Regional Police Officer", "District Police Officer": the police's posts by the level of the force.
POST_WORDS = {"Union", "Home", "Foreign", "Defence", "Defense", "Interior", "Finance", "External", "Affairs", "Chief", "Deputy", "State", "Cabinet", "Junior", "Health"}
POST_WORDS |= {"Regional", "District", "Divisional", "Provincial", "Police"}
POST_AFTER = re.compile(r"[ \t]+(?:Minister|Ministers|Secretary|Secretaries|Commissioner|Officer|Officers)\b")


def post_place(name: str, text: str, end: int) -> str | None:
    """"Mardan Regional Police" + " Officer Tariq Mehmood": a span whose last words are a
    post's and that a post's head word follows opens with the place the post serves; that
    place's name, if so."""
    words = name.split()
    k = len(words)
    while k > 0 and words[k - 1] in POST_WORDS:
        k -= 1
    if 0 < k < len(words) and POST_AFTER.match(text, end) is not None:
        return " ".join(words[:k])
    return None


def post_words(name: str, text: str, end: int) -> bool:
    """Whether the span is the first words of a post's name ("Union Home" of "Union Home
    Minister"): every word a post's word, and "Minister"/"Secretary" right after it."""
    return all(w in POST_WORDS for w in name.split()) and POST_AFTER.match(text, end) is not None


_INDEFINITE_BEFORE = re.compile(r"(?:^|[ \t(])(?:a|an|A|An)[ \t]+$")
_CLAUSE_AFTER = re.compile(r"(?:[ \t]*[.,;:!?)]|[ \t]+(?:when|where|which|that|and|or|in|on|at|of|with|by|to|for|from|near|as|while|after|before)\b)")


def common_noun_capitalised(name: str, text: str, start: int, end: int) -> bool:
    """"gunned down inside a Mosque while he was praying": one capitalised word after "a" or
    "an" that ends its noun phrase is a common noun written with a capital, not a name
    ("a Hamas commander" goes on to its noun, and stays a name)."""
    return " " not in name and _INDEFINITE_BEFORE.search(text, max(0, start - 4), start) is not None and _CLAUSE_AFTER.match(text, end) is not None


_LAW_AFTER = re.compile(r"[ \t]+law(?![ \t]+enforcement)\b")


def day_or_law(name: str, text: str, end: int) -> str | None:
    """Why the name is a day's ("Armed Forces Day") or a law's word ("Sharia" law), if it is."""
    words = name.split()
    if len(words) >= 2 and words[-1] == "Day":
        return "a day's name ('Armed Forces Day')"
    if len(words) == 1 and _LAW_AFTER.match(text, end):
        return "the word a law is called by ('Sharia law')"
    return None


def plural_head(word: str) -> bool:
    """"Joint Patrol Agencies", "Special Police Units": a body's head noun in the plural
    heads a body's name as its singular does (a name of people is no plural noun), so
    every head of :data:`ORG_HEADS` counts in either number without listing both."""
    if len(word) < 5 or not word.endswith("s") or not word[:1].isupper():
        return False
    return (word.endswith("ies") and word[:-3] + "y" in ORG_HEADS) or word[:-1] in ORG_HEADS


_NUMBER_WORD_AFTER = re.compile(r"[ \t]+No\.?[ \t]+[A-Z0-9]")
_NUMBER_WORD_BEFORE = re.compile(r"\bNo\.?[ \t]+$")


def numbered_label(name: str, text: str, start: int, end: int) -> str | None:
    """Why a span is the label or the code of a number, when it is: an abbreviation before
    "No." ("Reg No. UBX 421T", "Plot No. 12") and the code after it, with its digits, name
    a registration or a case, no entity."""
    if " " not in name and _NUMBER_WORD_AFTER.match(text, end):
        return "an abbreviation before a number ('Reg No.')"
    if any(c.isdigit() for c in name) and _NUMBER_WORD_BEFORE.search(text, max(0, start - 5), start):
        return "a number's code ('No. UBX 421T')"
    return None
