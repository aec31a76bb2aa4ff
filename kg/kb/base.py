"""Knowledge-base entries, name folding, and candidate look-up by alias."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from kg.names import GENERIC_WORDS, is_group_word
from kg.vocab import GEONAMES, WIKIDATA

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_NON_WORD = re.compile(r"[^a-z0-9]+")


# GeoNames alternate names not worth matching in English news: airport/IATA-style codes.
_CODE_RE = re.compile(r"^[A-Z0-9]{2,4}$")


def latin(name: str) -> bool:
    """Whether a name is in Latin script (the articles kg reads are English)."""
    return all(ord(c) < 0x250 or c in "’‘ʼ" for c in name)


def geonames_alternates(place: dict) -> list[str]:
    """A GeoNames place's other names worth matching, in their order: Latin script, no
    codes ("KBP"), no numbers, no all-lower-case forms, and no word for a people.

    All-lower-case alternates are machine romanisations of the name in other scripts
    ("alloleuseutaleu" is Alor Setar's Korean name, "alnbtyt walthta" Nabatieh's Arabic
    one, "kp" Kep's key): no English text writes them, short ones take acronyms ("KP"),
    and as labels they are junk in the store. A demonym among the alternates ("Thai" for
    Alor Setar, once a Thai town) would make every "Thai" of an article that town, and a
    common word ("Central" for Radford, "Union" for Arcata) every such word."""
    seen = {place["name"]}
    out = []
    for a in place.get("alternatenames", []):
        if a and a not in seen and latin(a) and not _CODE_RE.match(a) and not any(ch.isdigit() for ch in a) and not a.islower() and not is_group_word(a) and a.lower() not in GENERIC_WORDS:
            seen.add(a)
            out.append(a)
    return out


@lru_cache(maxsize=1 << 18)
def fold(s: str) -> str:
    """Case-, accent- and punctuation-folded form of a name, for exact look-up.

    >>> fold("  the Zaporizhzhia  Nuclear-Power Plant’s ")
    'zaporizhzhia nuclear power plant'
    """
    s = unicodedata.normalize("NFKD", s.translate(_QUOTES))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"'s\b", "", s)
    s = s.replace("'", "")
    s = _NON_WORD.sub(" ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return _SPELLING.sub(lambda m: _UK_US[m.group(0)], s)


@lru_cache(maxsize=1 << 16)
def fold_words(name: str) -> tuple[str, ...]:
    """A name's words, each folded; a hyphenated compound stays one word ("North-West"
    holds no "West"). Memoised: the linker compares each unknown name of an article with
    every form of every known one, again and again."""
    return tuple(fold(w) for w in name.split())


_REGNAL = re.compile(r"^(?:[ivx]+|[0-9]+(?:st|nd|rd|th)?|jr|sr)$")
ROYAL_TITLES = {"king", "queen", "emir", "sultan", "prince", "princess", "sheikh", "shaikh", "pope", "tsar", "crown"}


def _unstyled(words: list[str] | tuple[str, ...]) -> tuple[list[str], bool]:
    """A folded person's name without a ruler's style (a title before, a numeral or "of
    <country>" after), and whether it had one."""
    parts = list(words)
    styled = False
    if "of" in parts[1:]:
        parts, styled = parts[: parts.index("of", 1)], True
    while len(parts) > 1 and _REGNAL.match(parts[-1]):
        parts.pop()
        styled = True
    if len(parts) > 1 and parts[0] in ROYAL_TITLES:
        parts, styled = parts[1:], True
    return parts, styled


def last_name(words: list[str] | tuple[str, ...]) -> str | None:
    """The word a person's folded name is cut down to in news: its last word, but the
    given name of a ruler's style ("abdullah" of "abdullah ii of jordan", of "king
    abdullah ii"), never the country of "of Jordan" or a numeral. None for a name of
    one word that is no ruler's style.

    >>> last_name(["abdullah", "ii", "of", "jordan"]), last_name(["jana", "roe"]), last_name(["roe"])
    ('abdullah', 'roe', None)
    """
    parts, styled = _unstyled(words)
    if len(parts) >= 2 or (styled and parts):
        return parts[-1]
    return None


_REIGNING = {"king", "queen", "emir", "sultan", "tsar", "pope"}


def ruler_styled(entry: KBEntry, title: str) -> bool:
    """Whether a person is one that ``title`` (folded: "king", "prince") names: one of
    their names has that title, or is a reign's style ("Abdullah II of Jordan") and the
    title is a reigning one."""
    for name in (entry.label, *entry.aliases):
        words = fold(name).split()
        if words[:1] == [title] or (title in _REIGNING and words[:1] != ["crown"] and _unstyled(words)[1] and words[0] not in ROYAL_TITLES - _REIGNING):
            return True
    return False


# British and American spellings fold together ("Defence Ministry", "Defense Ministry").
_UK_US = {"defence": "defense", "armour": "armor", "armoured": "armored", "centre": "center", "organisation": "organization",
          "programme": "program", "offence": "offense", "offensive": "offensive", "labour": "labor", "neighbourhood": "neighborhood"}
_SPELLING = re.compile(r"\b(?:" + "|".join(_UK_US) + r")\b")


_SKELETON_RULES = [
    (re.compile(r"kh"), "h"),
    (re.compile(r"zh"), "z"),
    (re.compile(r"[yj]"), "i"),
    (re.compile(r"w"), "v"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"([a-z])\1+"), r"\1"),
]


@lru_cache(maxsize=1 << 16)
def skeleton(s: str) -> str:
    """A coarser key that transliteration variants share.

    Zelenskyy, Zelensky and Zelenskiy meet; so do Nebenzya and Nebenzia,
    Kyslytsya and Kyslytsia.
    """
    s = fold(s)
    for pattern, repl in _SKELETON_RULES:
        s = pattern.sub(repl, s)
    return s


@dataclass
class KBEntry:
    """One entity the knowledge base knows."""

    id: str
    type: str
    label: str
    aliases: list[str] = field(default_factory=list)
    classes: list[str] = field(default_factory=list)
    description: str | None = None
    country: str | None = None
    wikidata: str | None = None
    geonames: int | None = None
    lat: float | None = None
    lon: float | None = None
    population: int | None = None
    part_of: str | None = None
    origin: str = "curated"  # "geonames", "curated" or "user"
    # Web domains of an outlet ("reuters.com"): an article's URL on one of them names it.
    # A tuple, so the many entries without one share the empty tuple in the cached index.
    domains: tuple[str, ...] = ()

    def __getstate__(self) -> dict:
        """The fields to pickle: an empty ``domains`` is left out (the class default
        stands in), so the tens of thousands of places cost nothing in the index."""
        if self.domains:
            return self.__dict__
        return {k: v for k, v in self.__dict__.items() if k != "domains"}

    @property
    def same_as(self) -> list[str]:
        out = []
        if self.geonames:
            out.append(f"{GEONAMES}{self.geonames}/")
        if self.wikidata:
            out.append(f"{WIKIDATA}{self.wikidata}")
        return out

    @property
    def prior(self) -> float:
        """How likely this entry is, before context: 0 (obscure) to 1 (very prominent)."""
        if "Country" in self.classes:
            return 1.0
        if self.origin == "user":
            return 0.95
        if self.origin == "curated":
            return 0.85
        pop = self.population or 0
        # 15,000 people -> ~0.2, 1 million -> ~0.6, 10 million -> ~0.8
        return max(0.05, min(0.9, (math.log10(pop + 1) - 3.3) / 4.3))


@dataclass
class Candidate:
    entry: KBEntry
    exact_label: bool  # the name matched the entry's label, not an alias
    via_skeleton: bool  # matched only after transliteration folding


class KnowledgeBase:
    """Entries with look-up indexes: folded alias, transliteration skeleton, surname.

    ``gazetteer`` (a :class:`kg.kb.gazetteer.Gazetteer`, attached by ``load_kb``) holds
    the small places and administrative areas that are no ordinary candidates; ``get``
    and ``in`` reach its entries too, so that a place linked through it has its facts.
    """

    gazetteer = None
    # What the entries are, as a cache key (set by kg.kb.build.load_kb: the sources'
    # digest, and the user's file); None once an entry is added by any other way, so
    # that what is cached of these entries (the ruler's patterns) is never taken stale.
    content_key: str | None = None

    def __init__(self, entries: list[KBEntry]):
        self.entries: dict[str, KBEntry] = {}
        self._alias: dict[str, list[str]] = {}
        self._skeleton: dict[str, list[str]] = {}
        self._surname: dict[str, list[str]] = {}
        self._domain: dict[str, str] = {}  # web domain -> the entry it names (one each)
        for entry in entries:
            self.add(entry)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, kb_id: str) -> bool:
        return kb_id in self.entries or (self.gazetteer is not None and kb_id in self.gazetteer)

    def get(self, kb_id: str) -> KBEntry | None:
        entry = self.entries.get(kb_id)
        if entry is None and self.gazetteer is not None:
            return self.gazetteer.get(kb_id)
        return entry

    def add(self, entry: KBEntry) -> None:
        """Add an entry; a user entry shadows built-in entries on the names it claims."""
        self.content_key = None
        old = self.entries.get(entry.id)
        if old is not None:
            self._unindex(old)
        self.entries[entry.id] = entry
        names = [entry.label, *entry.aliases]
        for name in names:
            key = fold(name)
            if not key:
                continue
            self._push(self._alias, key, entry)
            self._push(self._skeleton, skeleton(name), entry)
        if entry.type == "Person" and entry.origin != "geonames":
            for name in names:
                parts = fold(name).split()
                last = last_name(parts) if len(parts) >= 2 else None
                if last is not None:
                    self._push(self._surname, last, entry)
        for domain in entry.domains:
            # A user's entry takes a domain over; among built-in entries the first keeps it.
            if entry.origin == "user" or domain not in self._domain:
                self._domain[domain] = entry.id

    @staticmethod
    def _push(index: dict[str, list[str]], key: str, entry: KBEntry) -> None:
        ids = index.setdefault(key, [])
        if entry.id in ids:
            return
        if entry.origin == "user":
            ids.insert(0, entry.id)
        else:
            ids.append(entry.id)

    def _unindex(self, entry: KBEntry) -> None:
        for index in (self._alias, self._skeleton, self._surname):
            for key in [k for k, ids in index.items() if entry.id in ids]:
                index[key].remove(entry.id)
                if not index[key]:
                    del index[key]
        lost = [d for d, i in self._domain.items() if i == entry.id]
        for domain in lost:
            del self._domain[domain]
        if lost:  # another entry claiming a freed domain gets it back (a user's first)
            others = sorted((e for e in self.entries.values() if e.domains and e.id != entry.id), key=lambda e: e.origin != "user")
            for domain in lost:
                owner = next((e for e in others if domain in e.domains), None)
                if owner is not None:
                    self._domain[domain] = owner.id

    def _entries(self, ids: list[str]) -> list[KBEntry]:
        found = [self.entries[i] for i in ids]
        users = [e for e in found if e.origin == "user"]
        return users or found

    def candidates(self, name: str) -> list[Candidate]:
        """Entries a name may denote: exact folded matches, else transliteration matches --
        never for a people's word, which a spelling of a town only resembles ("Syrian" is
        no "Sirjan")."""
        key = fold(name)
        ids = self._alias.get(key)
        via_skeleton = False
        if not ids and not is_group_word(name):
            ids = self._skeleton.get(skeleton(name))
            via_skeleton = True
        if not ids:
            return []
        return [Candidate(e, fold(e.label) == key, via_skeleton) for e in self._entries(ids)]

    def by_surname(self, surname: str) -> list[KBEntry]:
        """Curated people whose last name is ``surname`` (folded)."""
        return self._entries(self._surname.get(fold(surname), []))

    def by_domain(self, host: str) -> KBEntry | None:
        """The entry whose web domain ``host`` is or lies under ("edition.cnn.com" ->
        "cnn.com"), walking up one label at a time; None when no domain of it is known.
        ``host`` is a bare host name (see :func:`url_host`)."""
        labels = host.lower().rstrip(".").split(".")
        for i in range(len(labels) - 1):  # never a bare top-level domain ("com")
            kb_id = self._domain.get(".".join(labels[i:]))
            if kb_id is not None:
                return self.entries.get(kb_id)
        return None

    def outlet_of_url(self, url: str) -> KBEntry | None:
        """The outlet an article's URL names by its host, when its domain is known."""
        host = url_host(url)
        return self.by_domain(host) if host else None

    def names(self):
        """(name, entry) pairs for every label and alias, for building text matchers."""
        for entry in self.entries.values():
            for name in (entry.label, *entry.aliases):
                yield name, entry


_HOST_PREFIX = re.compile(r"^(?:www\d*|m)\.")


def url_host(url: str) -> str | None:
    """The host name of a URL, lower-cased, without "www." or "m." in front and without
    a port or credentials; None when the text has no host (a path, a "mailto:").

    >>> url_host("https://WWW.Reuters.com:443/world/")
    'reuters.com'
    """
    m = re.match(r"^[a-z][a-z0-9+.-]*://([^/?#]*)", url.strip(), re.IGNORECASE)
    if m is None:
        m = re.match(r"^([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?:[/?#]|$)", url.strip(), re.IGNORECASE)
    if m is None:
        return None
    host = m.group(1).rsplit("@", 1)[-1]
    host = host.split(":", 1)[0].lower().rstrip(".") if not host.startswith("[") else ""
    while (stripped := _HOST_PREFIX.sub("", host)) != host and "." in stripped:
        host = stripped
    return host if "." in host else None


_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "news"}
# Country codes a site's name ends with ("...ng", "...ngr", "...pk").
_COUNTRY_END = re.compile(r"(?:ng|ngr|pk|uk|gh|za|ug|tz|lk|bd|np)$")


def squashed(name: str) -> str:
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
    keys = {squashed(site), squashed(site + host.rsplit(".", 1)[-1])}
    country = _COUNTRY_END.search(squashed(site))  # "harbourtimesng": the Harbour Times of a country
    if country is not None:
        keys.add(squashed(site)[: country.start()])
    return {k for k in keys if len(k) >= 5}

