"""Events: the attacks an article reports -- who struck where, with what, when, and
how many were killed or injured.

A stage after linking. It reads the article sentence by sentence: a sentence that
reports an attack (a trigger word such as "airstrike", "shelled", "drone attack",
"suicide bomber", or a casualty figure with a place) gives one *frame* per place it
says was hit, with the actor, weapons, figures and date the sentence states. Frames
are then merged into events: frames about the same place (and compatible date and
actor) are one attack, a sentence that names no place but speaks of "the attack"
adds to the attack before it, and two places hit are two events (kg/eventmerge.py weighs
the events against each other). A named attacker's attack told at another time at no place
the article names is an event without a location. Threats, denials, hypotheticals,
campaigns and war totals give no event.

Rules over the linker's entities and plain text: no parser runs, so the stage costs
little beside the spaCy pipeline.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from kg.casefold import fold_case, folded
from kg.eventactors import branch_sides
from kg.eventattack import is_attack
from kg.eventcues import CAME_AFTER, CLAUSE_END, came_after, casualties, dates_in, elided_figure, phase_tolls, retold_day
from kg.eventdays import named_month, pinned_day, relative_dates
from kg.eventfollow import MORE_KILLED, added, follow_up
from kg.eventframe import Frame as _Frame
from kg.eventframe import clause_actor, lead_end, speaks_of_told
from kg.eventlists import clause_weapons, one_list, place_clauses
from kg.eventmerge import INDEFINITE_TARGET, absorb, other_toll, same_toll
from kg.eventplaces import there_place
from kg.eventscene import LAND_APPOSED, SceneSense
from kg.eventwords import (
    ACCIDENT_RE,
    AFTERMATH_RE,
    ALSO_OPEN,
    ANAPHOR_PLACES,
    ANAPHOR_RE,
    APPOSED_ATTACK,
    DIRECT_BEFORE,
    ELSEWHEN_RE,
    FIGHT_RE,
    FRESH_BEFORE,
    GROUP_ANAPHOR,
    HEAD_RANK,
    INCIDENT_RE,
    LEVEL_AFTER,
    LEVEL_BEFORE,
    MAY_REACH,
    MEANWHILE_OPEN,
    NAMED_NEXT,
    NO_CLAIM,
    OCCURRED_BEFORE,
    OTHER_ATTACK,
    PLACED_BEFORE,
    RETOLD_RE,
    SAME_PLACE_RE,
    SEVERAL_ATTACKS,
    SEVERAL_SITES,
    THEY_OPEN,
    TOWN_OF,
    TRIGGER_RE,
    WEEK_AFTER,
    WHICH_CLAUSE,
)
from kg.identity import entity_of
from kg.kb.base import KBEntry, KnowledgeBase, fold
from kg.names import demonyms
from kg.read.dates import date_in_url
from kg.types import Article, AttackEvent, Entity, LinkedMention

# The word patterns as kg/casefold.py runs them: over the folded sentence, without re.I.
_TRIGGER_LOW, _SEVERAL_LOW, _AFTERMATH_LOW, _ACCIDENT_LOW, _ANAPHOR_LOW = map(folded, (TRIGGER_RE, SEVERAL_ATTACKS, AFTERMATH_RE, ACCIDENT_RE, ANAPHOR_RE))
_SITES_LOW, _FIGHT_LOW = folded(SEVERAL_SITES), folded(FIGHT_RE)

# "on a road between Yopalito and Las Brisas": the first of two places named around the attack.
_BETWEEN_FIRST = re.compile(r"\bbetween\s+(?:the\s+)?(?:(?:towns?|villages?|cities)\s+of\s+)?$")
# "In addition to the two fatalities", "Apart from the dead": a toll told before, restated.
_RESTATED = re.compile(r"\b(?:[Ii]n\s+addition\s+to|[Bb]esides|[Aa]part\s+from|[Aa]longside)\s+the\s+(?:[\w-]+\s+)?(?:deaths?|dead|fatalities|killed)\b")
# "the strikes", "these attacks": attacks told before, more than one.
_PLURAL_TOLD = re.compile(r"\b(?:[Tt]he|[Tt]hese|[Tt]hose)\s+(?:[\w-]+\s+)?(?:attacks|strikes|airstrikes|raids|bombings|assaults|ambushes)\b")
SENTENCE_REACH = 3


class EventExtractor(SceneSense):
    """Extract attack events from linked articles; holds what the knowledge base gives
    once (countries by code, the adjectives that name them)."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        # What the article at hand says of its places, set by extract() for each article.
        self._contained: set[tuple[str, str]] = set()  # (inner, outer) places, as the text says
        self._levels: dict[str, int] = {}  # place IRI -> the level the text gives it ("X district")
        self._article_places: dict[str, Entity] = {}  # the places the article names, by IRI
        # Set by _collapse_containers for the article's events: the one place attacked that the
        # text calls a district or region, and the one town the knowledge base knows.
        self._sole_levelled: str | None = None
        self._sole_town: str | None = None
        self._named_countries: set[str] = set()  # countries the article names (not by adjective only)
        self._unnamed_countries: set[str] = set()
        self._text = ""
        self._main_country: str | None = None  # the country the article names most
        self._last_group: Entity | None = None  # the armed group named last before the sentence at hand
        self._last_group_at = -1  # ... and the index of the sentence that named it
        self._regimes: set[str] = set()  # the states whose "regime" the article says attacked
        self._countries: dict[str, KBEntry] = {}
        for entry in kb.entries.values():
            if "Country" in entry.classes and entry.country and entry.country not in self._countries:
                self._countries[entry.country] = entry
        # "Moscow launched ...": a capital that attacks is its country.
        self._capitals: dict[str, str] = {}
        for code, entry in self._countries.items():
            hit = re.search(r"capital (.+)$", entry.description or "")
            if hit:
                self._capitals[fold(hit.group(1))] = code
        self._adjectives: dict[str, str] = {}
        for code in self._countries:
            for word in demonyms(code):
                self._adjectives.setdefault(word.lower(), code)
        # A country's armed forces (the unit the knowledge base calls its "Armed Forces"):
        # who "the junta" is when it attacks.
        self._armed: dict[str, KBEntry] = {}
        for entry in kb.entries.values():
            if entry.type == "Organization" and "MilitaryUnit" in entry.classes and entry.country:
                if any("armed forces" in n.lower() for n in (entry.label, *entry.aliases)):
                    self._armed.setdefault(entry.country, entry)
        # The side an attacker is on: its country, for a country's armed forces.
        self._side = {entity_of(armed).iri: entity_of(self._countries[code]).iri for code, armed in self._armed.items() if code in self._countries}
        self._side.update(branch_sides(kb))  # ... and a group's branch, the group

    # -- the article ---------------------------------------------------------------

    def extract(self, article: Article, linked: list[LinkedMention], sentences: list[tuple[int, int]]) -> list[AttackEvent]:
        if article.date is None and (date_in_url(article.url) or pinned_day(article.text)) is not None:
            # (an article with no date line is dated by the day its address files it under, or
            # the day a weekday and a date pin: "on Tuesday November 21")
            article = replace(article, date=date_in_url(article.url) or pinned_day(article.text))
        text = article.text
        if not sentences:
            sentences = [(0, len(text))]
        starts = [s for s, _ in sentences]
        self._contained = set()
        entries = [self._entry(lm.entity) for lm in linked if "Country" in lm.entity.classes]
        named = Counter(e.country for e in entries if e is not None)
        self._main_country = named.most_common(1)[0][0] if named else None
        self._named_countries = {code for code in named if code}
        self._unnamed_countries = set()
        self._text = text
        # "Dalgaon district", "Kherson region": the level the text gives a name.
        self._levels = {}
        self._article_places = {lm.entity.iri: lm.entity for lm in linked if lm.entity.type == "Place"}
        for lm in linked:
            if lm.entity.type != "Place" or "Country" in lm.entity.classes:
                continue
            hit = LEVEL_AFTER.match(text, lm.mention.end) or LEVEL_BEFORE.search(text, max(0, lm.mention.start - 30), lm.mention.start)
            if hit:
                self._levels[lm.entity.iri] = HEAD_RANK[hit.group(1).lower()]
        self._city_quarters(linked)
        self._facility_towns(linked, sentences)
        by_sentence: dict[int, list[LinkedMention]] = {}
        for lm in linked:
            i = bisect_right(starts, lm.mention.start) - 1
            if i >= 0:
                by_sentence.setdefault(i, []).append(lm)
        frames: list[_Frame] = []
        self._last_group, self._last_group_at = None, -1
        self._anchor: dt.date | None = None  # the day of the attack told last, that "two days later" counts from
        self._place_days: dict[str, dt.date] = {}  # the day first told for each place attacked
        self._regimes = set()
        for i, (b, e) in enumerate(sentences):
            mentions = sorted(by_sentence.get(i, []), key=lambda lm: lm.mention.start)
            places = [lm for lm in mentions if lm.entity.type == "Place"]
            there = None if places else there_place(text[b:e], b, [lm for lm in by_sentence.get(i - 1, []) if lm.entity.type == "Place" and "Country" not in lm.entity.classes])
            told = self._frames(article, i, (b, e), sorted([*mentions, there], key=lambda lm: lm.mention.start) if there else mentions)
            frames += told
            for f in told if i else ():
                # (the day "the next day" counts from: the last attack told, dated here or where its place was)
                day = f.date or (self._place_days.get(f.location.entity.iri) if f.location is not None else None)
                if f.date is not None and f.location is not None:
                    self._place_days.setdefault(f.location.entity.iri, f.date)
                self._anchor = day or self._anchor
            groups = [lm.entity for lm in mentions if "ArmedGroup" in lm.entity.classes]
            if groups:
                self._last_group, self._last_group_at = groups[-1], i
        headline = None
        if article.title and sentences and text[sentences[0][0] : sentences[0][1]].strip() == article.title.strip():
            headline = 0
            title = article.title.strip().rstrip(".")
            if any(text[b:e].strip().startswith(title) for b, e in sentences[1:]):
                # A headline that is the lead sentence again says nothing the lead does not.
                frames = [f for f in frames if f.index != 0]
        attributed = self._attributed(text, sentences, by_sentence) or self._sole_group_subject(text, sentences, by_sentence)
        events = self._merge(frames, headline, attributed, self._claims(text, sentences, by_sentence))
        self._scene_places(events, sentences, by_sentence, article.date)
        return events

    def _frames(self, article: Article, index: int, span: tuple[int, int], mentions: list[LinkedMention]) -> list[_Frame]:
        text = article.text
        b, e = span
        sentence = text[b:e]
        low = fold_case(sentence)  # the word patterns run folded (kg/casefold.py), matches are taken on the sentence
        triggers = [TRIGGER_RE.match(sentence, m.start()) for m in _TRIGGER_LOW.finditer(low) if is_attack(low, m)]
        killed, injured = casualties(sentence)
        if killed is not None or injured is not None:
            later = WEEK_AFTER.search(sentence)
            if later is not None and casualties(sentence, 0, later.start()) == (None, None) and not any(lm.entity.type == "Place" and "Country" not in lm.entity.classes for lm in mentions if lead_end(sentence) <= lm.mention.start - span[0] < later.start()):
                # "Gunmen invaded another town on Thursday, just a week after gangs killed 115 people":
                # the toll is of the attack told after "after", no place of this one named before it.
                killed = injured = None
        if (killed is not None or injured is not None) and _SEVERAL_LOW.search(low):
            # "nine people died in three separate raids": the toll of several, no one attack's.
            killed = injured = None
        if killed and phase_tolls(sentence):
            # "first attacked the checkpoints, killing one person, before attacking the village,
            # killing about 20": the tolls of an attack's phases, none of them the attack's.
            killed = None
        aftermath = None
        if not triggers and _AFTERMATH_LOW.search(low):
            # "One of them set off a large blaze at the Krasnoborsk depot": what an attack told
            # before did, where -- no attack of its own.
            aftermath = AFTERMATH_RE.search(sentence)
            if aftermath is not None:
                triggers = [aftermath]
        incident = named = None
        if not triggers and killed is None and injured is None:
            # "The incident occurred near Kharka village": where the attack told before was.
            incident = aftermath = INCIDENT_RE.search(sentence)
            if aftermath is not None:
                triggers = [aftermath]
            else:
                # ("People in the river town of X begged for help": where an unplaced attack was)
                named = TOWN_OF.search(sentence)
                triggers = [named] if named is not None else []
        update, mentioned = None, False
        if not triggers:
            hit = re.search(r"\b(?:killed|dead|died|injured|wounded|killing|wounding|loss\s+of|deaths\s+of|injuries|wounds|murder|murdered|to\s+death|toll|casualties|hurt|deaths)\b", sentence, re.I)
            if killed is None and injured is None:
                # ("A teacher was one of the dead in X on Friday": the attack at X told again, no
                # figure -- it adds nothing, but what follows it is of X's attack)
                mentioned = hit is not None and any(lm.entity.type == "Place" for lm in mentions)
                if not mentioned:
                    return []
            # "At least 22 people were killed on Saturday in Belgorod": a casualty report.
            if hit is None or _ACCIDENT_LOW.search(low) or _FIGHT_LOW.search(low) or MAY_REACH.search(sentence):
                return []
            triggers = [hit]
            # ("The death toll rose to 12", "Another three died in hospital": the attack told before)
            update = follow_up(sentence)
        # Air defences in general are what met the attack, not what made it.
        weapons = _unique([w for lm in mentions if lm.entity.type == "Weapon" for w in self._weapons_of(lm) if not {"WeaponType", "AirDefenceSystem"} <= set(w.classes)])
        if incident is not None:
            weapons = []  # ("... took place when a drone was overhead": the sentence places the attack, no more)
        actors = {id(t): self._actor(sentence, b, mentions, t) for t in triggers}
        for t in triggers:
            # "The group said its fighters fired rockets ...": the armed group named before.
            # ("The CPC usually attacks towns. They killed six soldiers ...": the group of the sentence before)
            they = self._last_group_at == index - 1 and THEY_OPEN.match(sentence) is not None
            if actors[id(t)][0] is None and self._last_group is not None and (they or GROUP_ANAPHOR.search(sentence, 0, t.start())):
                actors[id(t)] = (self._last_group, None)
        actor = next((a[0] for a in actors.values() if a[0] is not None), None)
        dates = dates_in(sentence, article.date)
        # ("Two days later, ...", "a day after a missile hit X": days counted from another)
        dates = sorted(dates + relative_dates(sentence, article.date, self._anchor, dates), key=lambda x: x[0])
        places = self._targets(sentence, b, mentions, [a[1] for a in actors.values() if a[1] is not None])
        anaphors = [ANAPHOR_RE.match(sentence, m.start()) for m in _ANAPHOR_LOW.finditer(low)]
        if places and any(
            a.group().split()[-1].lower() in ANAPHOR_PLACES and a.group().lower().startswith("the ") and a.group()[4:].islower() and not NAMED_NEXT.match(sentence, a.end())
            and any(0 <= a.start() - t.end() <= 1 for t in triggers) for a in anaphors
        ):
            # "raiders overran the village at night, ... mostly homes in the X and Y quarters":
            # the town told before was hit; the places named are parts of it, no attacks of their own.
            places = []
        retold = RETOLD_RE.match(sentence)
        sites = bool(places) and _SITES_LOW.search(low) is not None
        told_when = next((m for m in ELSEWHEN_RE.finditer(sentence) if not WHICH_CLAUSE.search(sentence, max(0, m.start() - 80), m.start())), None)
        elsewhen = told_when is not None
        out = []
        lists = len(places) > 1
        listed = lists and one_list([p for p, _ in places], sentence, b)
        # (each place's clause: "a bomb killed four in X on Monday, and a second wounded nine in Y")
        regions = place_clauses(sentence, [(p.mention.start - b, p.mention.end - b) for p, _ in places], CLAUSE_END) if lists else []
        days = [d for _, d in dates] if listed and len(places) == len({d for _, d in dates}) == len(dates) else []
        arms = clause_weapons(regions, [(lm.mention.start - b, self._weapons_of(lm)) for lm in mentions if lm.entity.type == "Weapon"], weapons) if lists else None
        for k, (lm, _) in enumerate(places or [(None, False)]):
            if lm is None:
                # No place named: the sentence may still add to the attack told before.
                trig, frame_actor, s_ = triggers[0], actor, 0
            else:
                # Each place with the attack word nearest before it ("strikes against Ukraine ...,
                # a day after ... an attack on Belgorod"), else the first one.
                s_ = lm.mention.start - b
                trig = max((t for t in triggers if t.end() <= s_), key=lambda t: t.end(), default=triggers[0])
                # ("who speaks for Bokolo, the village attacked on Tuesday": the word its apposition gives)
                e_ = lm.mention.end - b
                trig = next((t for t in triggers if APPOSED_ATTACK.fullmatch(sentence, e_, t.start())), trig)
                frame_actor = actors[id(trig)][0] or clause_actor(sentence, trig, triggers, actors)
            kk, ii = killed, injured
            # ("during the incident which occurred in X": the attack told before, at X)
            # (the words checked before the pattern is run: most sentences have none)
            occurred = lm is not None and ("occurred" in low or "took place" in low or "happened" in low) and OCCURRED_BEFORE.search(sentence, max(0, s_ - 100), s_) is not None
            if lists:
                lo, hi = regions[k]
                kk, ii = casualties(sentence, lo, hi)
                if kk is None and ii is None and (killed is None) != (injured is None):
                    # "Two died in the Kharkiv region and three others in Zaporizhzhia province".
                    n = elided_figure(sentence[lo:hi])
                    kk, ii = (n, None) if killed is not None else (None, n)
            out.append(
                _Frame(
                    (b + trig.start(), b + trig.end()), span, index, lm, frame_actor, arms[k] if arms else weapons, kk, ii,
                    # (a sentence that names no place tells of one attack: its only day is that attack's,
                    # "the rebels first attacked the checkpoints ... the village attacked on Tuesday")
                    # -- and so is that of the places of a list: "hit the Kharkiv, Sumy and Odesa regions on Sunday")
                    # (and "attacked X and Y on 9 and 10 August": each its day, in turn)
                    days[k] if days else retold_day(sentence, trig, triggers, anaphors, dates, len(places)) or (dates[0][1] if (lm is None or listed) and len({d for _, d in dates}) == 1 else None),
                    # ("The latest attack comes days after gunmen killed 19 in X": X's is the earlier attack)
                    anaphoric=(aftermath is not None or speaks_of_told(anaphors, trig, len(triggers)) or occurred) and not (lm is not None and CAME_AFTER.search(sentence, trig.end(), s_)),
                    # ("The attack came after an attack on X": X is another attack's)
                    fresh=bool(FRESH_BEFORE.search(sentence, 0, trig.start())) or (lm is not None and bool(OTHER_ATTACK.search(sentence, trig.end(), s_) or CAME_AFTER.search(sentence, trig.end(), s_)))
                    or came_after(low, trig) or (ALSO_OPEN.match(sentence) is not None and not anaphors),
                    meanwhile=lm is not None and MEANWHILE_OPEN.match(sentence) is not None,
                    between=lm is not None and _BETWEEN_FIRST.search(sentence, max(0, s_ - 40), s_) is not None,
                    direct=lm is not None and bool(DIRECT_BEFORE.search(sentence, 0, s_)),
                    retold=bool(retold) and retold.end() >= trig.end(),
                    aftermath=aftermath is not None or mentioned,
                    elsewhen=elsewhen,
                    month=named_month(told_when.group()) if told_when is not None else None,
                    summary=lm is not None and sites,
                    placed=lm is not None and (occurred or bool(PLACED_BEFORE.search(sentence, max(0, s_ - 50), s_))),
                    listed=lm is not None and listed,
                    incident=incident is not None,
                    occurred=occurred,
                    update=update if lm is None else None,
                    named=named is not None and lm is not None,
                    more=lm is not None and killed is not None and MORE_KILLED.search(sentence) is not None,
                )
            )
        same = SAME_PLACE_RE.search(sentence) if not places and "same" in low else None
        fresh_words = [t for t in triggers if same is not None and t.end() <= same.start() and (FRESH_BEFORE.search(sentence, 0, t.start()) or came_after(low, t))]
        if fresh_words:
            # "The raid followed soon after another drone attack hit a van in the same
            # area": another attack, at the place of the one told before.
            t = fresh_words[-1]
            out.append(_Frame((b + t.start(), b + t.end()), span, index, None, actors[id(t)][0], [], None, None, None, fresh=True, elsewhen=elsewhen, same_place=True))
        return out

    # -- slots -----------------------------------------------------------------------

    def _weapons_of(self, lm: LinkedMention) -> list[Entity]:
        """The weapon a mention names, and the type its last words name when the mention
        is a system run on over them ("Iskander-M ballistic missiles": the Iskander and
        a ballistic missile)."""
        out = [lm.entity]
        if "WeaponType" in lm.entity.classes:
            return out
        words = lm.mention.text.split()
        for k in range(min(3, len(words) - 1), 0, -1):
            tail = " ".join(words[-k:])
            types = [c.entry for c in self.kb.candidates(tail) if c.entry.type == "Weapon" and "WeaponType" in c.entry.classes]
            if types:
                out.append(entity_of(types[0]))
                break
        return out

    # -- merging -------------------------------------------------------------------

    def _merge(self, frames: list[_Frame], headline: int | None = None, attributed: Entity | None = None, claims: Iterable[tuple[int, Entity, int | None]] = ()) -> list[AttackEvent]:
        """Frames into events: same place and compatible, or a placeless frame that
        speaks of the attack just before. The headline's frames come last and join the
        body's event at a place they contain or lie in ("Odesa" in the headline, "the
        Odesa region" in the text)."""
        events: list[tuple[AttackEvent, _Frame]] = []  # each event with its latest frame
        direct: set[int] = set()  # events reported as an attack on their place ("strikes on Ukraine")
        fresh: set[int] = set()  # events first told as another attack ("a second strike on the camp")
        pending: list[_Frame] = []  # the figures of an attack told before any place of it
        latest: _Frame | None = None  # the frame read last
        # ("A series of raids took place on Tuesday evening", then each site: the day of them all)
        # (told before any attack's place is)
        placed = min((f.index for f in frames if f.location is not None and not f.summary and f.index != headline), default=None)
        told_day = next((f.date for f in frames if f.date is not None and f.index != headline and placed is not None and f.index < placed and not f.elsewhen), None)
        elsewhen: set[int] = set()  # events first told at a time no day names
        placeless: set[int] = set()  # events of a named attacker told at another time, at no place named
        unclaimed: dict[int, Entity | None] = {}  # events "no group claimed", with the attacker named before that
        for f in frames:
            if f.index == headline:
                continue
            if f.named and (not any(f.index - p.index <= 2 for p in pending) or any(ev.location is not None and ev.location.iri == f.location.entity.iri for ev, _ in events)):
                continue  # (a town named with no attack word is only where an unplaced attack just told was)
            previous, latest = latest, f
            if f.more and previous is not None and previous.location is None and previous.killed is not None and f.killed is not None and f.index - previous.index == 1:
                f.killed += previous.killed  # ("Eleven died on Monday in the hills." "Three more were killed in the raid near X")
                f.more = False
            target = None
            refined = False  # whether the frame placed the attack told before more precisely
            if f.meanwhile and f.location is not None and all(ev.location is None or ev.location.iri != f.location.entity.iri for ev, _ in events):
                f.fresh = True
            if f.location is not None:
                for k, (ev, _last) in enumerate(events):
                    # ("a separate attack" told again with its toll is the same separate attack)
                    # (an attack told at another time, "In April, a blast in X", is not the one at X told before)
                    if ev.location is not None and ev.location.iri == f.location.entity.iri and self._compatible(ev, f) and (not f.fresh or same_toll(ev, f)) \
                            and (not f.elsewhen or f.anaphoric or (id(ev) in elsewhen and not other_toll(ev, f))):
                        target = k
                        break
                k = self._told_before(events, f) if target is None and f.anaphoric else None
                if f.incident and (self._entry(f.location.entity) is not None or LAND_APPOSED.match(self._text, f.location.mention.end, f.sentence[1])):
                    # ("The incident occurred in Moranda, a vast territory": a name the knowledge
                    # base knows may be a town or its region; only a place it does not, and the
                    # text does not call a land, is precise)
                    k = None
                if k is not None and f.between and self._level(events[k][0].location):
                    # "The ambush happened on a road between Yopalito and Las Brisas", after the
                    # attack in the Casanare department: still there, between two towns of it.
                    target = k
                    refined = True
                elif k is not None and (
                    self._refines(f.location.entity, events[k][0].location, id(events[k][0]) in direct)
                    or (f.placed and (f.index - events[k][1].index <= 1 or f.occurred) and self._renames(f.location.entity, events[k][0].location))
                ):
                    # ("Officers say the raid occurred at X", sentences on: however far, within reach)
                    # "The raid took place in the town of X": the attack told just before
                    # at its region or district, now placed more precisely. (Not by a list:
                    # "The attack took place in Masalo, Torani and Kabora", after the attack "in
                    # villages in Mutanda territory", is the one attack on the villages of Mutanda.)
                    # ("the strikes targeted facilities in X, Y and Z": several attacks, one at each)
                    if not (f.listed and f.anaphoric and self._level(events[k][0].location) and not _PLURAL_TOLD.search(self._text, f.sentence[0], f.location.mention.start)):
                        events[k][0].location = f.location.entity
                    target = k
                    refined = True
                elif (
                    k is not None
                    and "Country" not in f.location.entity.classes
                    and self._rank(f.location.entity) < self._rank(events[k][0].location)
                    and self._related(f.location.entity, events[k][0].location)
                ):
                    # "The raid happened at 2:10 am, when ... in Aleppo heard explosions", after
                    # the strikes on Aleppo airport: the attack told before, at its town.
                    target = k
            else:
                # A sentence that names no place adds to the attack told just before: one that
                # speaks of "the attack", or follows it with nothing else told in between.
                if f.update is not None:
                    # ("The toll rose to 12 on Sunday": the day of the telling, not of the attack;
                    # "Another three died": more dead of the same attack, not another attack)
                    f.date, f.fresh = None, False
                k = self._told_before(events, f)
                if k is not None and id(events[k][0]) in elsewhen and f.date is not None and not f.elsewhen:
                    k = None  # ("Until Tuesday's attack, ..." after the attack of 2013: not that one)
                gap = f.index - events[k][1].index if k is not None else None
                if gap is not None and (f.anaphoric or f.update is not None or gap <= 1 or (gap <= 2 and previous is not None and previous.index == events[k][1].index)):
                    target = k
                    if f.update == "more":
                        added(events[k][0], f)
                elif f.killed is not None and not f.fresh and not f.elsewhen:
                    # "In addition to the two fatalities, at least five sailors were hurt",
                    # sentences after the strike that killed two: the toll of the one attack
                    # with those dead, told again with what it adds.
                    told = [i for i, (ev, _) in enumerate(events) if ev.killed == f.killed and self._compatible(ev, f) and id(ev) not in elsewhen]
                    if len(told) == 1 and _RESTATED.search(self._text, f.sentence[0], f.sentence[1]):
                        target = told[0]
            if f.incident and f.location is not None and not refined and (target is None or events[target][0].location is None or events[target][0].location.iri != f.location.entity.iri):
                continue  # "The incident happened in Maradi": only a more precise place counts
            if f.same_place:
                if events:
                    told = max(events, key=lambda x: x[1].index)[0]
                    events.append((AttackEvent(trigger=f.trigger, sentences=[], location=told.location), f))
                    fresh.add(id(events[-1][0]))
                    absorb(events[-1][0], f)
                continue
            if target is None and ((f.retold and events) or f.aftermath or f.summary):
                continue
            if target is None and f.location is None and f.actor is not None and (f.fresh or f.elsewhen) and not f.anaphoric and (f.killed or f.injured) and self._can_act(f.actor):
                # "They shot dead nine police officers in a raid on a border post in March last year":
                # an attack of the named attacker, with its own toll, told at another time, at no
                # place the article names -- an event without a location.
                events.append((AttackEvent(trigger=f.trigger, sentences=[], location=None), f))
                absorb(events[-1][0], f)
                elsewhen.add(id(events[-1][0]))
                placeless.add(id(events[-1][0]))
                continue
            if target is None:
                if f.location is None:
                    # (and "Also on Wednesday, an IED damaged a vehicle", before "The convoy was
                    # passing through X when the bomb exploded": another attack, placed next)
                    if (not events and (f.killed is not None or f.injured is not None)) or ((f.fresh or INDEFINITE_TARGET.match(self._text, f.trigger[1], f.sentence[1])) and f.killed is None and f.injured is None):
                        pending.append(f)  # ("Gunmen invaded another town on Thursday": placed next)
                    elif events and f.update is None and self._unplaced(f):
                        # "At dawn, gunmen stormed a hamlet in the hilly east, killing 11":
                        # another attack with its own toll, in the land the article reports of.
                        events.append((AttackEvent(trigger=f.trigger, sentences=[], location=self._unplaced(f)), f))
                        absorb(events[-1][0], f)
                        fresh.add(id(events[-1][0]))
                        direct.add(id(events[-1][0]))  # (no summary of the attacks inside the country)
                    continue
                events.append((AttackEvent(trigger=f.trigger, sentences=[], location=f.location.entity), f))
                target = len(events) - 1
                if f.fresh:
                    fresh.add(id(events[target][0]))
                # "Some 15 troops died in an ambush in the north. The troops were in
                # the village of X when ...": the toll told first, the place in the next sentences.
                for p in pending:
                    if f.index - p.index <= 2 and not f.fresh and self._compatible(events[target][0], p):
                        # ("18 were killed in strikes", then "Strikes on the city of X killed
                        # seven": the first toll is of more than X's attack -- but "Three more were
                        # slain in the raid near X" adds to it)
                        if f.more and p.killed is not None and f.killed is not None:
                            f.killed += p.killed
                        absorb(events[target][0], p, figures=not other_toll(p, f))
                pending = []
            if NO_CLAIM.search(self._text, f.sentence[0], f.sentence[1]):
                # ("No group claimed the attack, but X ..."): the attacks told so far keep the attacker they have
                for ev, _ in events:
                    if id(ev) not in elsewhen:
                        unclaimed.setdefault(id(ev), ev.actor)
            if f.elsewhen and not events[target][0].sentences:
                elsewhen.add(id(events[target][0]))
            absorb(events[target][0], f)
            events[target] = (events[target][0], f)
            if f.direct:
                direct.add(id(events[target][0]))
        self._collapse_containers(events, direct, fresh, elsewhen)
        self._headline_places(events, [f for f in frames if f.index == headline and f.location is not None], elsewhen)
        # "Strikes across Ukraine killed 14" over the attacks on its towns: the toll is theirs,
        # summed; the country's attack as a whole keeps no figures of its own.
        for ev, _ in events:
            if ev.location is not None and "Country" in ev.location.classes and id(ev) not in fresh:
                inside = [o for o, _ in events if o is not ev and o.location is not None and id(o) not in elsewhen and self._within(o.location, ev.location, known=True)]
                if any(o.killed is not None or o.injured is not None for o in inside):
                    ev.killed = ev.injured = None
        out = []
        # An attack the text gives no date is dated as the first dated attack of the article
        # (its lead), and one with no attacker gets the article's only attacker, if it has one.
        lead = next((ev.date for ev, _ in events if ev.date is not None), told_day)
        for at, claimant, count in claims:
            # "X claimed both attacks": each attack told before the claim (the last two) is X's.
            told = sorted((ev for ev, _ in events if ev.sentences and min(ev.sentences)[0] < at and id(ev) not in placeless | elsewhen), key=lambda ev: min(ev.sentences))
            for ev in told[-count:] if count else told:
                ev.actor = ev.actor or claimant
        actors = {ev.actor.iri: ev.actor for ev, _ in events if ev.actor is not None and id(ev) not in placeless}
        sole = next(iter(actors.values())) if len(actors) == 1 else attributed if not actors else None
        # ... from where the article first names it as attacker: not back onto the attacks
        # told before it ("the U.S. military has also launched strikes" at the end of a bombing report).
        since = min((min(ev.sentences) for ev, _ in events if ev.actor is not None and ev.sentences and id(ev) not in placeless), default=(0, 0))
        if sole is not None and attributed is not None and sole.iri == attributed.iri:
            since = (0, 0)  # (... unless the article holds it responsible in words of its own: "X were suspected")
        for ev, _ in events:
            if ev.date is None and lead is not None and id(ev) not in elsewhen:
                ev.date = lead
            if ev.actor is None and sole is not None and not self._home(ev.location, sole) and (not ev.sentences or min(ev.sentences) >= since):
                ev.actor = sole
            if id(ev) in unclaimed:
                ev.actor = unclaimed[id(ev)]  # (a claim or a suspect told after "no group claimed it" is of other attacks)
            ev.confidence = _confidence(ev)
            out.append(ev)
        return out

    def _told_before(self, events: list[tuple[AttackEvent, _Frame]], f: _Frame) -> int | None:
        """The attack spoken of last, when ``f`` may still be about it: a few sentences on,
        compatible, not "another" attack, and not counting other dead ("Another four were
        killed in a strike")."""
        if not events or f.fresh:
            return None
        dated = [i for i, (ev, _) in enumerate(events) if f.anaphoric and f.date is not None and ev.date == f.date]
        if len(dated) == 1 and self._compatible(events[dated[0]][0], f):
            return dated[0]  # ("Until Tuesday's attack, ...": the one attack of that day, however far back)
        k = max(range(len(events)), key=lambda i: events[i][1].index)
        ev, last = events[k]
        return k if f.index - last.index <= SENTENCE_REACH and self._compatible(ev, f) and (f.update is not None or not other_toll(ev, f)) else None


def _confidence(ev: AttackEvent) -> float:
    score = 0.45 + 0.15 * (ev.actor is not None) + 0.1 * bool(ev.weapons) + 0.1 * (ev.killed is not None or ev.injured is not None)
    score += 0.05 * (ev.date is not None) + 0.05 * min(len(ev.sentences) - 1, 2)
    return round(min(score, 0.95), 3)


def _unique(entities: list[Entity]) -> list[Entity]:
    out: list[Entity] = []
    for ent in entities:
        if all(ent.iri != o.iri for o in out):
            out.append(ent)
    return out


def event_entities(events: Iterable[AttackEvent]) -> list[Entity]:
    """The entities the events point to, each once."""
    out: dict[str, Entity] = {}
    for ev in events:
        for ent in [ev.location, ev.actor, *ev.weapons]:
            if ent is not None:
                out.setdefault(ent.iri, ent)
    return list(out.values())
