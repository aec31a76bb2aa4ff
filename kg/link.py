"""Link: resolve an article's mentions to knowledge-base entities or to NIL nodes.

For each mention: clean the surface (titles, possessives, "the"), gather
candidates by alias (exact, then transliteration-folded), and choose among them
by prior (population, prominence), agreement with the model's label, and the
article's context (the countries it names). Below ``threshold`` a mention is
left unlinked (NIL) rather than linked wrongly. Within an article a surname or a
titled form joins the full name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

from kg.aliases import join_aliases
from kg.bodies import bare_ministries, national_body, place_ministries, quartered_body
from kg.bylines import byline_mentions, credit_names, person_shaped
from kg.credits import with_credits
from kg.identity import entity_iri, entity_of
from kg.kb.base import ROYAL_TITLES, Candidate, KBEntry, KnowledgeBase, fold, ruler_styled
from kg.kb.base import fold_words as _words
from kg.kb.gazetteer import Hit, choose, in_comma
from kg.kbspans import (
    acronym_wholes,
    agency_credits,
    attacking_aircraft,
    domain_names,
    gazetteer_names,
    join_known_parts,
    language_services,
    named_towns,
    qualified_senses,
    region_senses,
    regions_of_lists,
    split_place_and_person,
    split_place_pairs,
    without_quarter,
)
from kg.mentions import (
    ACRONYM_AFTER,
    KB_ONLY_LABELS,
    LABEL_TYPES,
    NEXT_WORD,
    NOT_NAMES,
    ORG_HEADS,
    ORG_NOUNS,
    PLACE_NOUNS,
    TOWN_AREA_NOUNS,
    clean_mention,
    cued_names,
    extend_to_admin_noun,
    extend_to_facility,
    extend_to_head,
    facility_named_after,
    given_names_back,
    headed_names,
    initials_form,
    join_cut_names,
    model_label,
    quoted_speakers,
    reporting_outlets,
    settlement_beside_area,
    split_at_and,
    split_at_inner_title,
    titled_names,
    unit_names,
)
from kg.namepool import Resolved, pooled_types
from kg.names import GENERIC_ALONE, GENERIC_BODY_RE, GENERIC_WORDS, country_of_demonym, is_group_word
from kg.nametype import TypeDecision, local_decisions, strong_cue
from kg.nicknames import nicknamed_people
from kg.orgjunk import acronym_letters, initialism_owner, org_boundaries, spelled_acronym_after
from kg.personruns import given_name_owner, misspelt_person, person_runs
from kg.placeareas import PERSON_PLACE_POPULATION, knowledge_place_cues, place_shaped_person, town_test, unbacked_small_place
from kg.placespans import found_place_names, place_boundaries
from kg.resolution import Resolution, contains_words, drop_title_only_nil, join_spelt_known, last_names, name_tokens, variant_key
from kg.spancuts import cut_names, found_names, raw_cuts
from kg.spans import extend_by_acronym, fix_boundaries, possessor_countries, split_possessive
from kg.types import Article, Entity, LinkedMention, Mention
from kg.weaponsense import weapon_senses

NIL_THRESHOLD = 0.35
# A town's name before these is the area named after it ("Dera Kalan district"), and so before a
# region's noun when no region of the name is known ("Nabatieh province", "the Jammu region"),
# unless a city of a million: a region named after it is known, as a rule, or news means the city.
AREA_NOUNS = (*TOWN_AREA_NOUNS, " province", " region", " governorate", " division", " state")


def _foreign_by_another_name(c: Candidate, countries: dict[str, float], named: Collection[str]) -> bool:
    """A place of a country the article is not about, reached by a name that is not its own:
    a near spelling ("the district of Khar" in a Pakistani story is no German "Haar"), or
    one of the names GeoNames keeps for a city in other languages ("Boni locality" in an
    Ethiopian story is not Bonn, which Italian calls Boni) when no other name of the article
    places it in that country (``named``: the countries voted for by names that are
    their places' own). A place's own name, or a curated alias, links anywhere."""
    e = c.entry
    if e.type != "Place" or not e.country or "Country" in e.classes:
        return False
    if c.via_skeleton:
        return e.country not in countries
    return not c.exact_label and e.origin == "geonames" and e.country not in named


class Linker:
    """Resolve the mentions of one article at a time against a knowledge base."""

    def __init__(self, kb: KnowledgeBase, threshold: float = NIL_THRESHOLD):
        self.kb = kb
        self.threshold = threshold
        self._types: dict[int, str | None] = {}  # expected type per mention of the article at hand
        # The article at hand's typing, kept for `kg explain`: the mentions after cleaning,
        # each one's evidence where it stands (by id), and each unknown name's pooled decision.
        self.mentions: list[Mention] = []
        self.typing: dict[int, TypeDecision] = {}
        self.nil_typing: dict[str, TypeDecision] = {}
        self._text = ""  # the text of the article at hand
        self._cache: dict[str, list[Candidate]] = {}
        self._countries: dict[str, KBEntry] | None = None  # country entries by ISO code, built when first needed
        self._article_countries: dict[str, float] = {}  # the article at hand's countries (_context_countries)
        self._article_named: set[str] = set()  # those of them voted for by their places' own names
        self._demonym_only: set[str] = set()  # those voted for by a people's word alone ("Malian officials")

    def _candidates(self, name: str) -> list[Candidate]:
        """The knowledge base's candidates for a name, remembered across articles."""
        found = self._cache.get(name)
        if found is None:
            if len(self._cache) > 200_000:
                self._cache.clear()
            found = self._cache[name] = self.kb.candidates(name)
        return found

    # -- scoring ---------------------------------------------------------------

    def _score(self, c: Candidate, expected: str | None, countries: dict[str, float], one_word: bool = False) -> float:
        e = c.entry
        score = 0.5 * e.prior
        if expected is None:
            score += 0.2
        elif expected == e.type:
            score += 0.3
        elif e.origin != "geonames" or "Country" in e.classes or (one_word and expected == "Person"):
            # A one-word "person" that joined no full name of the article is weak evidence.
            score -= 0.1
        else:  # the model says it is not a place: trust it less for small places
            pop = e.population or 0
            score -= 0.1 if pop >= 1_000_000 else 0.15 if pop >= 200_000 else 0.3
        if e.country:
            score += 0.25 * countries.get(e.country, 0.0)
        if c.exact_label:
            score += 0.1
        if c.via_skeleton:
            score -= 0.15
        return score

    def choose(self, name: str, expected: str | None, countries: dict[str, float]) -> tuple[KBEntry | None, float]:
        """The best candidate for a name and the confidence of that choice."""
        cands = self._candidates(name)
        # A people's word ranks a country's places first but drops no other country's:
        # "a Russian strike on Izium" is no Russian town, and Ukraine may go unnamed.
        gate = countries
        if countries is self._article_countries and self._demonym_only:
            gate = {k: v for k, v in countries.items() if k not in self._demonym_only}
        if gate:
            named = self._article_named - self._demonym_only if countries is self._article_countries else countries
            cands = [c for c in cands if not _foreign_by_another_name(c, gate, named)]
        cands = [c for c in cands if not unbacked_small_place(c, name, gate, bool(countries))]  # kg/placeareas.py
        if not cands:
            return None, 0.0
        one_word = len(name.split()) == 1
        scored = sorted(((self._score(c, expected, countries, one_word), c.entry) for c in cands), key=lambda x: -x[0])
        best, entry = scored[0]
        confidence = min(0.99, max(0.0, best))
        if len(scored) > 1 and scored[1][1].type == entry.type and best - scored[1][0] < 0.1:
            confidence *= 0.8
        return entry, round(confidence, 3)

    def _context_countries(self, mentions: list[Mention]) -> dict[str, float]:
        """Countries the article is about, weighted 0..1 by how many of its place names
        belong to them (the country named, or its unambiguous big cities)."""
        counts: Counter = Counter()
        self._article_named = set()
        demonyms: set[str] = set()
        for m in mentions:
            if model_label(m) == "NORP" and (iso := country_of_demonym(m.text)):
                counts[iso] += 1  # "Malian officials said": the article's country, by its own word
                demonyms.add(iso)
                continue
            cands = self._candidates(m.text)
            for c in cands:
                if "Country" in c.entry.classes and c.entry.country:
                    counts[c.entry.country] += 1
                    self._article_named.add(c.entry.country)
            places = [c for c in cands if c.entry.type == "Place" and not c.via_skeleton]  # a near spelling is no vote
            # A big city, or a region the article names ("the Mopti region"), votes for its country.
            if len(places) == 1 and places[0].entry.country and ((places[0].entry.population or 0) >= 100_000 or {"Region", "District"} & set(places[0].entry.classes)):
                counts[places[0].entry.country] += 1
                if places[0].exact_label or places[0].entry.origin != "geonames":
                    self._article_named.add(places[0].entry.country)
        self._demonym_only = demonyms - self._article_named
        self._article_named |= demonyms
        top = max(counts.values(), default=0)
        return {country: 0.5 if country in self._demonym_only else 0.5 + 0.5 * n / top for country, n in counts.items()}  # a people's word is the attacker's as often

    # -- the article -------------------------------------------------------------

    def link(self, article: Article, mentions: list[Mention]) -> list[LinkedMention]:
        text = article.text
        cleaned: list[Mention] = []
        for m in raw_cuts(sorted(mentions, key=lambda m: m.start), text):  # kg/spancuts.py: "Emir of X" is X, "Sunday Tanko" a person
            if model_label(m) in NOT_NAMES:
                continue
            for part in split_at_inner_title(m):
                c = clean_mention(part, text)
                if c is not None:
                    parts = [c] if self._candidates(c.text) else split_at_and(c)
                    cleaned += [s for q in parts for p in split_possessive(q, text, self._candidates, self.kb.gazetteer) for s in split_possessive(extend_to_facility(extend_to_head(p, text), text), text, self._candidates, self.kb.gazetteer)]
        cleaned = cut_names(sorted(cleaned, key=lambda m: m.start), text, self._candidates, self._known_place)  # kg/spancuts.py
        cleaned = person_runs(given_names_back(join_cut_names(sorted(cleaned, key=lambda m: m.start), text), text), text)
        cleaned = acronym_wholes(join_known_parts(cleaned, text, self._candidates), text, self._candidates)  # kg/kbspans.py
        cleaned = language_services(cleaned, text, self._candidates)
        cleaned = domain_names(split_place_and_person(cleaned, text, self._candidates, person_shaped), text, self.kb.outlet_of_url)
        cleaned = [self._as_area(m, text) for m in without_quarter(cleaned, self._candidates, self._known_place)]
        cleaned = fix_boundaries(org_boundaries(cleaned, text), text, self._candidates, self._known_place)  # kg/spans.py, kg/orgjunk.py
        cleaned += cued_names(text, cleaned)
        cleaned += found_names(text, cleaned, self._candidates)  # kg/spancuts.py: "Tera Department", "the X-Y road", "in Vila do X"
        cleaned += credit_names(text, cleaned) + attacking_aircraft(text, cleaned) + nicknamed_people(text, cleaned)
        cleaned += titled_names(text, cleaned) + quoted_speakers(text, cleaned) + headed_names(text, cleaned) + reporting_outlets(text, cleaned)
        is_town, is_country = town_test(self._candidates), lambda n: any("Country" in c.entry.classes for c in self._candidates(n))
        units = place_boundaries(unit_names(text, cleaned), text, is_country, self._region_name)  # kg/placespans.py
        cleaned = extend_by_acronym(split_place_pairs(units + agency_credits(text, cleaned, self._candidates), self._known_place), text)
        bare = bare_ministries(text, cleaned)
        cleaned += bare
        cleaned = with_credits(cleaned, text, self._candidates, article.url)  # kg/credits.py: photo credits, sign-offs, the wire's dateline
        byline, (b_start, b_end) = byline_mentions(article, self._candidates)  # kg/bylines.py: its outlets and authors
        cleaned = [m for m in cleaned if m.end <= b_start or m.start >= b_end] + byline
        cleaned.sort(key=lambda m: (m.start, -m.end))
        # A name that ran on over the next one ("Pakistan Point News") takes its place.
        cleaned = [m for i, m in enumerate(cleaned) if not any(o.start <= m.start and m.end <= o.end and o is not m for o in cleaned[max(0, i - 3) : i])]
        cleaned = sorted(cleaned + possessor_countries(cleaned, text, self._candidates), key=lambda m: (m.start, -m.end))
        self._text = text
        self._types = {}
        cleaned = regions_of_lists(cleaned, text, self._region_name)
        countries = self._article_countries = self._context_countries(cleaned)
        cleaned = place_ministries(cleaned, text, countries, {id(m) for m in bare}, self._candidates, self._country_names)  # kg/bodies.py
        owned = found_place_names(text, cleaned, is_town, self._known_place, lambda m: LABEL_TYPES.get(model_label(m) or "") == "Place", lambda m: self._as_area(m, text))  # kg/placespans.py
        cleaned = sorted(cleaned + owned + gazetteer_names(text, cleaned + owned, lambda n: self._small_place_here(n, countries)), key=lambda m: (m.start, -m.end))
        # The type each mention is expected to have: weighed evidence (kg/nametype.py).
        place_cues = lambda ms, t, d: knowledge_place_cues(ms, t, d, self._known_place, is_town)  # noqa: E731 (kg/placeareas.py)
        self.mentions, self.typing = cleaned, local_decisions(cleaned, text, place_cues)
        for m in cleaned:
            self._types[id(m)] = self.typing[id(m)].type

        # 1. Names of two words or more, then one-word names (which may be surnames).
        resolved: dict[int, Resolution] = {}
        pending: list[Mention] = []
        # "Putin" and "V. Putin" wait until the full names of the article are known.
        single = [m for m in cleaned if len(m.text.split()) == 1 or initials_form(m.text)]
        single_ids = {id(m) for m in single}
        multi = [m for m in cleaned if id(m) not in single_ids]
        for m in multi:
            r = self._resolve_kb(m, countries)
            if r is not None:
                resolved[id(m)] = r
            else:
                pending.append(m)
        people = [r for r in resolved.values() if r.type == "Person"] + [
            Resolution(m, "Person", None, fold(m.text), m.text, 0.5) for m in pending if self._expected(m) == "Person"
        ]
        for m in single:
            r = self._join_surname(m, people) or self._resolve_kb(m, countries)
            if r is not None:
                resolved[id(m)] = r
            else:
                pending.append(m)

        # 2. One sense per article: a name linked once is linked everywhere in it.
        best: dict[str, Resolution] = {}
        for r in resolved.values():
            if r.entry is not None and (r.key not in best or r.confidence > best[r.key].confidence):
                best[r.key] = r
        still: list[Mention] = []
        for m in pending:
            b = best.get(fold(m.text))
            if b is not None and not (model_label(m) in KB_ONLY_LABELS and is_group_word(m.text)):  # "Hindu pilgrims" beside "The Hindu"
                resolved[id(m)] = Resolution(m, b.type, b.entry, b.key, m.text, b.confidence)
            else:
                still.append(m)

        # 3. Unknown names: a part of a longer name in the article joins it; a small place
        # the article backs is the gazetteer's; the rest are NIL.
        known = list(resolved.values())
        regions = frozenset(r.entry.id for r in known if r.entry is not None and {"Region", "District"} & set(r.entry.classes))
        small = self._gazetteer_links(still, countries, regions)
        # Longer names first, so that a short form told before its full name ("Gatwech Duol",
        # then "Peter Gatwech Duol") still joins it.
        for m in sorted(still, key=lambda m: -len(m.text.split())):
            r = self._join_partial(m, known) or small.get(id(m)) or self._misspelt(m, known) or self._nil(m, text)
            if r is not None:
                resolved[id(m)] = r
                known.append(r)
        self._join_acronyms(cleaned, resolved, text)
        items = list(resolved.items())  # "the Taliban" of an article on the "Pakistani Taliban" (kg/kbspans.py)
        senses = qualified_senses([(r.surface, r.type, r.entry.id if r.entry else None) for _, r in items])
        senses.update(weapon_senses([(r.entry, r.type, r.mention) for _, r in items], text))  # kg/weaponsense.py: "an IED ... the bomb"
        senses.update(region_senses([(r.surface, frozenset(r.entry.classes if r.entry else ()), getattr(r.entry, "population", 0) or 0) for _, r in items], named_towns(text)))
        for i, j in senses.items():
            (k, r), q = items[i], items[j][1]
            resolved[k] = Resolution(r.mention, q.type, q.entry, q.key, r.surface, r.confidence)
        join_aliases([resolved[id(m)] for m in cleaned if id(m) in resolved], resolved, text)  # kg/aliases.py
        ordered = [resolved[id(m)] for m in cleaned if id(m) in resolved]
        ordered = drop_title_only_nil(ordered, article)
        return self._entities(ordered)

    def _country_names(self, iso: str) -> list[str]:
        if self._countries is None:
            self._countries = {e.country: e for e in self.kb.entries.values() if "Country" in e.classes and e.country}
        country = self._countries.get(iso)
        return [country.label, *country.aliases] if country else []


    def _known_place(self, name: str) -> bool:
        gaz = self.kb.gazetteer
        return any(c.entry.type == "Place" and not c.via_skeleton for c in self._candidates(name)) or (gaz is not None and bool(gaz.lookup(name)))

    def _as_area(self, m: Mention, text: str) -> Mention:
        """An unknown name, or a town's, before a lower-case area noun is that area ("Hangu
        district"); a region known by the name stays it, to be linked ("the Kayes region")."""
        probe = m if m.source == "ner" and m.kb_id is None else Mention(m.start, m.end, m.text, m.label, "ner", None, m.sentence)
        wide = extend_to_admin_noun(probe, text)  # a rule's town too ("the Jammu region"): only towns become areas below
        if wide is probe or self._region_name(wide.text):
            return m
        found = self._candidates(m.kb_id or m.text)
        if m is not probe and not found:
            return m
        towns = all({"City", "Settlement"} >= set(c.entry.classes) for c in found) and (
            wide.text.endswith(TOWN_AREA_NOUNS) or (wide.text.endswith(AREA_NOUNS) and all((c.entry.population or 0) < 1_000_000 for c in found))
        )
        return wide if not found or towns else m

    def _region_name(self, name: str) -> bool:
        """Whether "<name> region" names a region the knowledge base or the gazetteer has."""
        if any("Region" in c.entry.classes for c in self._candidates(name)):
            return True
        gaz = self.kb.gazetteer
        return gaz is not None and any(h.cued and h.entry.classes[0] in ("Region", "District") for h in gaz.lookup(name))

    def _small_place_here(self, name: str, countries: dict[str, float]) -> bool:
        """Whether a name the recogniser left out is a town of one of the article's main
        countries: the knowledge base's (a place only), else the gazetteer's."""
        gaz, main, known = self.kb.gazetteer, {c: w for c, w in countries.items() if w >= 1.0}, self._candidates(name)
        if known and main:  # "from Hounde,": a town the knowledge base has, of the article's country, that the model missed
            return all(c.entry.type == "Place" and not c.via_skeleton and "Country" not in c.entry.classes for c in known) and any(c.entry.country in main for c in known)
        return gaz is not None and main != {} and not known and choose(gaz.lookup(name), main, False) is not None

    def _gazetteer_links(self, mentions: list[Mention], countries: dict[str, float], regions: frozenset[str] = frozenset()) -> dict[int, Resolution]:
        """Place names the knowledge base lacks that the gazetteer has, where the article
        backs the place (its country or region named, or a place cue: see ``gazetteer.choose``);
        one sense per article: every mention of a name so linked is linked."""
        gaz = self.kb.gazetteer
        if gaz is None:
            return {}
        chosen: dict[str, Resolution] = {}
        main = {c for c, w in countries.items() if w >= 1.0}
        for m in mentions:
            if is_group_word(m.text) or m.text.lower() in GENERIC_WORDS or getattr(self.typing.get(id(m)), "junk", None):
                continue  # a people's word, a common word, junk (kg/nametype.py): no small place's name
            org_place = self._expected(m) == "Organization" and self._org_may_be_place(m)
            d = self.typing.get(id(m))
            # "Zaporizhia" the model calls a person: a spelling of a place of the article's country (kg/placeareas.py).
            person_place = self._expected(m) == "Person" and place_shaped_person(m, model_label(m), getattr(d, "cue_type", None))
            if self._expected(m) != "Place" and not org_place and not person_place:
                continue
            name = m.kb_id or m.text
            hits = gaz.lookup(name)
            if not hits:  # a transliteration of a place, the gazetteer's or the knowledge base's
                found = (self.kb.get(i) for i in gaz.variant_ids(name))
                hits = [Hit(e, False, True) for e in found if e is not None and e.type == "Place" and "Country" not in e.classes]
            cued = getattr(self.typing.get(id(m)), "cue_type", None) == "Place" or in_comma(self._text, m.start, m.end)
            if person_place:
                hits = [h for h in hits if h.entry.country in main and ((h.entry.population or 0) >= PERSON_PLACE_POPULATION or h.entry.classes[0] in ("Region", "District"))]
            if org_place:
                # "Mucojo" or "Chornomorsk" taken for an organisation: a place of the
                # article's main country by that exact name (the knowledge base's, passed
                # over for the model's label, or the gazetteer's) is the better reading.
                known_places = [Hit(c.entry, False, False) for c in self._candidates(name) if c.entry.type == "Place" and not c.via_skeleton and "Country" not in c.entry.classes]
                hits = [h for h in known_places + hits if h.entry.country in main and not h.via_variant]
            picked = choose(hits, countries, cued, regions)
            if picked is None:
                continue
            # Keyed as unknown names are merged (_entities): "Kyuak Taw" is "Kyauk Taw".
            key = variant_key(fold(m.text))
            if key not in chosen or picked[1] > chosen[key].confidence:
                chosen[key] = Resolution(m, "Place", picked[0], fold(m.text), m.text, picked[1])
        # ... and so is a mention of the place's own name ("Norte de Santander" after "Norte de Santander province").
        labels = {variant_key(fold(r.entry.label)): r for r in chosen.values()}
        return {
            id(m): Resolution(m, "Place", r.entry, r.key, m.text, r.confidence)
            for m in mentions
            if (r := chosen.get(variant_key(fold(m.text))) or labels.get(variant_key(fold(m.text))))
        }

    def _org_may_be_place(self, m: Mention) -> bool:
        """An "organisation" of one or two plain words, that no word of the name or around
        it makes one (no "Brigade", "Party", "radio"...), no acronym: the model's ORG for an
        unknown place name ("Kotri", "Apatzingán") as often as not."""
        words = m.text.split()
        return (
            len(words) <= 2
            and getattr(self.typing.get(id(m)), "cue_type", None) is None
            and not any(w in ORG_HEADS or w.isupper() for w in words)
            and not any(self._candidates(m.text) and c.entry.type == "Organization" for c in self._candidates(m.text))
        )

    def _expected(self, m: Mention) -> str | None:
        """The type a mention should have: from the words around it, else the model's label."""
        if id(m) in self._types:
            return self._types[id(m)]
        return LABEL_TYPES.get(model_label(m) or "")

    def _resolve_kb(self, m: Mention, countries: dict[str, float]) -> Resolution | None:
        label = model_label(m)
        rule = m.label.startswith("KB") or m.label == "OUTLET"
        if not rule and label not in LABEL_TYPES and label not in KB_ONLY_LABELS:
            return None
        if not rule and label in KB_ONLY_LABELS and self.typing[id(m)].junk is not None:
            return None  # junk by its own words: "East African" is no outlet "The EastAfrican"
        # A rule match is looked up by the name it matched (a weapon's span may run on
        # into "missiles"); the model's label says nothing about weapons.
        name = m.kb_id or m.text
        expected = self._expected(m)
        if rule and any(c.entry.type == "Weapon" for c in self._candidates(name)):
            expected = None
        entry, conf = self.choose(name, expected, countries)
        if m.label == "OUTLET" and entry is not None and entry.type != "Organization":
            return None  # a byline names an outlet ("By MINA" is no city Minna)
        if entry is not None and not rule and is_group_word(m.text) and entry.type == "Organization" and self._text[max(0, m.start - 4) : m.start].lower() != "the " and m.text not in (entry.label, *entry.aliases):
            return None  # "Hindu pilgrims": a faith's word, not the outlet "The Hindu"
        if entry is not None and (conf >= self.threshold and getattr(self.typing.get(id(m)), "junk", None) is None or rule):  # junk: "the Kuki people"
            return Resolution(m, entry.type, entry, fold(m.text), m.text, conf)
        return self._resolve_with_next_word(m, countries)

    def _resolve_with_next_word(self, m: Mention, countries: dict[str, float]) -> Resolution | None:
        """"Hezbollah's elite Radwan force": the model stopped before a lower-cased head
        noun that belongs to the name the knowledge base knows ("Radwan Force")."""
        nxt = NEXT_WORD.match(self._text, m.end)
        if nxt is None or nxt.group(1) not in PLACE_NOUNS + ORG_NOUNS:
            return None
        longer = f"{m.text} {nxt.group(1)}"
        if not self._candidates(longer):
            return None
        entry, conf = self.choose(longer, None, countries)
        if entry is None or conf < self.threshold:
            return None
        grown = Mention(m.start, nxt.end(1), self._text[m.start : nxt.end(1)], m.label, m.source, None, m.sentence)
        return Resolution(grown, entry.type, entry, fold(grown.text), grown.text, conf)

    def _nil(self, m: Mention, text: str) -> Resolution | None:
        """A node for a name the knowledge base lacks, unless it does not look like a name."""
        expected = self._expected(m)
        if model_label(m) in KB_ONLY_LABELS:
            expected = strong_cue(m.text, self.mentions, self.typing)  # a NORP or LAW span is a name only when cued
        if expected is None:
            return None
        words = m.text.split()
        if len(words) == 1 and (m.text.lower() in GENERIC_ALONE or is_group_word(m.text)):
            return None
        body = national_body(m.text, self._article_countries, self._candidates, self._country_names) if expected == "Organization" else None
        if body is not None:
            return Resolution(m, "Organization", body, fold(m.text), m.text, 0.6)
        if (all(w.lower().strip(".") in GENERIC_WORDS for w in words) and not quartered_body(m.text)) or self._generic_body(m.text):
            return None
        if self.typing.get(id(m), TypeDecision()).junk is not None:
            return None  # a time zone, a holiday, a people (kg/nametype.py)
        return Resolution(m, expected, None, fold(m.text), m.text, 0.6 if m.label == "OUTLET" else 0.5)

    def _generic_body(self, name: str) -> bool:
        """"Burmese army", "Sudan's military": a people's or country's generic body, not a name."""
        hit = GENERIC_BODY_RE.match(name)
        if hit is None:
            return False
        head = hit.group(1)
        return is_group_word(head) or any("Country" in c.entry.classes for c in self._candidates(head))

    def _join_surname(self, m: Mention, people: list[Resolution]) -> Resolution | None:
        """A one-word name joins a person of this article whose last name it is,
        or else (when the model calls it a person) the only known person of that surname."""
        words = m.text.split()
        key = fold(words[-1])
        initial = words[0][0].lower() if len(words) > 1 else None
        if getattr(self.typing.get(id(m)), "cue_type", None) == "Place":
            return None  # "the Jammu region": the words around it say it is no one's surname
        ruler = self._ruler(m) if initial is None else None
        if ruler is not None:
            return ruler
        for r in people:
            if r.last_names is None:
                r.last_names = last_names(r)
            if key in r.last_names and (initial is None or name_tokens(r.surface)[0].startswith(initial)):
                return Resolution(m, "Person", r.entry, r.key, m.text, min(r.confidence, 0.9))
        if initial is not None:
            return None
        given = self._given_name_of(m, people)
        if given is not None:
            return given
        if self._expected(m) == "Person":
            found = self.kb.by_surname(m.text)
            if len(found) == 1:
                return Resolution(m, "Person", found[0], key, m.text, 0.6)
        return None

    def _ruler(self, m: Mention) -> Resolution | None:
        """"King Salman", "Emir Tamim": after a ruler's title, the one known person of
        that name whose style is a ruler's, over a prince or a minister who shares it."""
        title = self._text[max(0, m.start - 12) : m.start].split()[-1:]
        if not title or fold(title[0]) not in ROYAL_TITLES:
            return None
        found = [e for e in self.kb.by_surname(m.text) if ruler_styled(e, fold(title[0]))]
        return Resolution(m, "Person", found[0], fold(m.text), m.text, 0.8) if len(found) == 1 else None

    def _given_name_of(self, m: Mention, people: list[Resolution]) -> Resolution | None:
        """The one person named in full whose first name ``m`` is (kg/personruns.py says why), unless
        the model, the words around, the knowledge base or the gazetteer make it a place or a body."""
        i = given_name_owner(m.text, [r.surface for r in people])
        if i is None or LABEL_TYPES.get(model_label(m) or "") == "Place" or getattr(self.typing.get(id(m)), "cue_type", None) not in (None, "Person"):
            return None  # "Tolmari" beside a "person" "Tolmari Kesh"
        if self._candidates(m.text) or self._known_place(m.text):
            return None
        return Resolution(m, "Person", people[i].entry, people[i].key, m.text, min(people[i].confidence, 0.8))

    def _join_partial(self, m: Mention, known: list[Resolution]) -> Resolution | None:
        """An unknown name that is part of a longer name of this article ("Security
        Council" of "UN Security Council", "Congo" of "Democratic Republic of the
        Congo") denotes the same entity."""
        words = _words(m.text)
        expected = self._expected(m)
        if not words or expected is None or is_group_word(m.text):
            return None
        for r in sorted(known, key=lambda r: r.entry is None):
            if r.type != expected or settlement_beside_area(m, self._text, r.surface) or facility_named_after(m.text, r.surface):
                continue
            names = [r.surface] + (([r.entry.label] + r.entry.aliases[:20]) if r.entry else [])
            if any(contains_words(_words(n), words) for n in names):
                return Resolution(m, r.type, r.entry, r.key, m.text, round(r.confidence * 0.8, 3))
        return None

    def _misspelt(self, m: Mention, known: list[Resolution]) -> Resolution | None:
        """A person's name misspelt once in the article ("Ivan Fedotov" beside "Fedorov",
        the knowledge base's Ivan Fedorov) is that person (kg/personruns.py)."""
        people = [r for r in known if r.type == "Person" and r.entry is not None] if self._expected(m) == "Person" else []
        i = misspelt_person(m.text, [[r.entry.label, *r.entry.aliases[:10]] for r in people]) if people else None
        return None if i is None else Resolution(m, "Person", people[i].entry, people[i].key, m.text, round(people[i].confidence * 0.8, 3))

    def _join_acronyms(self, cleaned: list[Mention], resolved: dict[int, Resolution], text: str) -> None:
        """An acronym given right after a name ("Kachin Independence Army (KIA)",
        "... Army or KIA") is that name, there and everywhere else in the article; not an
        acronym the knowledge base knows as something else ("BANGUI, Central African
        Republic (AP) --" is a wire credit, not the republic's acronym)."""
        defined: dict[str, Resolution] = {}
        for m in cleaned:
            full = resolved.get(id(m))
            if full is None or len(m.text.split()) < 2:
                continue
            hit = spelled_acronym_after(m.text, text, m.end) or ACRONYM_AFTER.match(text, m.end)  # "(Ulfa)", "(NSCN-K)": kg/orgjunk.py
            if hit is None:
                continue
            acronym = hit.group(1)
            initials = {w[0].upper() for w in m.text.replace("-", " ").split() if w[:1].isalpha()}
            known = [c.entry for c in self._candidates(acronym)]
            spelled = "".join(w[0] for w in m.text.replace("-", " ").split() if w[:1].isupper()) == acronym_letters(acronym)
            if acronym[0] in initials and (spelled or not known or full.entry in known or (full.entry is None and all(e.type == full.type for e in known))):
                defined[fold(acronym)] = full
        # An unknown acronym with no bracket defining it: the one body of the article it spells (kg/orgjunk.py).
        bodies = {r.surface: r for r in resolved.values() if r.type == "Organization" and " " in r.surface}
        for m in cleaned:
            full = defined.get(fold(m.text))
            r = resolved.get(id(m))
            if full is None and r is not None and r.entry is None and (owner := initialism_owner(m.text, list(bodies))) and not self._candidates(m.text):
                full = bodies[owner]
            if full is not None:
                resolved[id(m)] = Resolution(m, full.type, full.entry, full.key, m.text, full.confidence)

    def _entities(self, resolved: list[Resolution]) -> list[LinkedMention]:
        """Group resolved mentions into entities; an unknown name's type is the one
        the article gives it most often, one-word "persons" counting less."""
        # Spellings of one unknown name in one article are one node: "Kherbet Selm" and
        # "Khirbet Selm", "Air Force" and "Air Forces" (the first spelling names it).
        first_key: dict[str, str] = {}
        joined: dict[int, str | None] = {}
        join_spelt_known(resolved)
        for r in resolved:
            if r.entry is None:
                # A mention grouped under another name's key joined that name ("Terekhov").
                joined[id(r)] = r.key if r.key != fold(r.mention.text) else None
                r.key = first_key.setdefault(variant_key(r.key), r.key)
        # An unknown name's type: the evidence of all its mentions, pooled (kg/nametype.py).
        pool = [Resolved(r.mention, r.key, r.type, r.entry is not None, joined.get(id(r))) for r in resolved]
        self.nil_typing = pooled_types(pool, self.typing, self._text)
        entities: dict[str, Entity] = {}
        out = []
        for r in resolved:
            if r.entry is not None:
                iri = entity_iri(r.entry.id, r.entry.type, r.entry.label)
                ent = entities.get(iri) or entity_of(r.entry)
            else:
                type_ = self.nil_typing[r.key].type or r.type
                iri = entity_iri(None, type_, r.key)
                classes = ["NewsOrganization"] if r.mention.label == "OUTLET" else []
                ent = entities.get(iri) or Entity(iri, type_, r.surface, classes)
                if ent.label != r.surface and fold(r.surface) == r.key != fold(ent.label):
                    ent.label = r.surface  # the full name, told after a short form that joined it
            entities[iri] = ent
            if r.surface not in ent.surfaces:
                ent.surfaces.append(r.surface)
            out.append(LinkedMention(r.mention, ent, r.confidence))
        return out
