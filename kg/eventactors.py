"""Who attacked: the attacker a sentence names for an attack word (the subject of an
attack verb, "by X", "X's strikes", "X claimed responsibility", a people's adjective),
and the one attacker an article holds responsible in words of its own.

A part of the event extractor (kg/events.py), kept apart so that each module reads as
one question: this one answers "who", eventplaces.py "where".
"""

from __future__ import annotations

import re

from kg.casefold import fold_case, folded
from kg.datelines import DATELINE_RE
from kg.eventcues import clause_around
from kg.eventplaces import PlaceSense
from kg.eventwords import (
    ACTOR_VERB,
    BELONGED_BEFORE,
    BY_ACTOR,
    CLAIMED,
    CLAIMED_SEVERAL,
    CLAIMED_SEVERAL_BY,
    DONE_BY,
    JUNTA_RE,
    MODIFIER_GAP,
    NON_STATE_AFTER,
    PRONOUN_SUBJECT,
    REGIME_RE,
    RESPONSIBLE_AFTER,
    RESPONSIBLE_BEFORE,
    SUSPECT_VERB_BEFORE,
    SUSPECTED_AFTER,
    SUSPECTED_BEFORE,
    SUSPECTED_NAME,
    SUSPECTED_NOUN_AFTER,
    TRIGGER_RE,
)
from kg.identity import entity_of
from kg.kb.base import KBEntry, KnowledgeBase, fold
from kg.names import demonyms
from kg.types import Entity, LinkedMention

# The word patterns as kg/casefold.py runs them, over the folded sentence.
_CLAIMED_LOW, _ACTOR_VERB_LOW, _TRIGGER_LOW, _DONE_BY_LOW, _BY_ACTOR_LOW = map(folded, (CLAIMED, ACTOR_VERB, TRIGGER_RE, DONE_BY, BY_ACTOR))
# What a group named as a sentence's subject does ("has reportedly attacked", "have killed"),
# and what between the name and the deed, or before the name, makes it no subject.
_SUBJECT_DEED_LOW = folded(re.compile(TRIGGER_RE.pattern + r"|\b(?:killed|kill|kills|killing|abducted|abducts|kidnapped)\b", re.I))
_NOT_SUBJECT_GAP_LOW = folded(re.compile(r"[.;:]|\b(?:against|on|by|of|in|at|with|said|says|who|which|that|and)\b", re.I))
_VICTIM_BEFORE_LOW = folded(re.compile(r"\b(?:against|on|by|with|from|troops|army|soldiers|forces)\b", re.I))
# "blamed on a Chad-based coalition", "Syria-backed fighters": where a group sits or who backs
# it qualifies the group, which is the attacker; the place or state is not.
_QUALIFIES_AFTER = re.compile(r"\s*[-–]\s*(?:based|backed|linked|aligned|allied|affiliated|supported)\b", re.I)
# "Gunmen from Mali attacked", "militants who crossed from Afghanistan", "fighters based in Sudan":
# where unnamed attackers come from is no attacker (a group is named, "X fighters", not a land).
_ORIGIN_OF_LOW = folded(re.compile(
    r"\b(?:gunmen|militants|fighters|attackers|assailants|insurgents|rebels|jihadists|terrorists|bandits|raiders|men)\s+"
    r"(?:(?:who|that)\s+(?:had\s+)?(?:crossed|came|infiltrated|entered|sneaked)(?:\s+\w+)?\s+from|(?:based|operating|hiding|stationed)\s+in|from|coming\s+from)\s+(?:neighbou?ring\s+)?(?:the\s+)?$",
    re.I,
))
_BRANCH_AFTER = re.compile(r"(?:-affiliated|['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:branch|affiliate|faction|wing|offshoot)\b", re.I)
_FROM_BEFORE_LOW = folded(re.compile(r"\bfrom\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$", re.I))  # "fired by drones from ..."


def branch_sides(kb: KnowledgeBase) -> dict[str, str]:
    """Each armed group the knowledge base describes as a branch, affiliate or faction of
    another ("Islamic State branch in the Lake Chad basin") -> that group's IRI: one side, so
    that "the Islamic State group shot dead four guards" and "ISWAP fighters stormed the post"
    may tell one attack."""
    groups = {e.label: e for e in kb.entries.values() if e.type == "Organization" and "ArmedGroup" in e.classes}
    by_length = sorted(groups, key=len, reverse=True)
    out = {}
    for entry in groups.values():
        desc = entry.description or ""
        parent = next((label for label in by_length if label != entry.label and desc.startswith(label) and _BRANCH_AFTER.match(desc, len(label))), None)
        if parent is not None:
            out[entity_of(entry).iri] = entity_of(groups[parent]).iri
    return out


class ActorSense(PlaceSense):
    """The attacker reasoning of the event extractor, over the tables the extractor
    builds once from the knowledge base and the article state it sets (``_main_country``)."""

    _countries: dict[str, KBEntry]
    _capitals: dict[str, str]  # a capital's folded name -> its country's code
    _adjectives: dict[str, str]
    _armed: dict[str, KBEntry]  # country code -> its armed forces
    _side: dict[str, str]  # a country's armed forces' IRI -> the country's
    _main_country: str | None
    _named_countries: set[str]  # the codes of the countries the article names (not by adjective only)
    _unnamed_countries: set[str]  # ... and of those it does not
    _text: str  # the article's text

    def _attributed(self, text: str, sentences: list[tuple[int, int]], by_sentence: dict[int, list[LinkedMention]]) -> Entity | None:
        """The one attacker the article holds responsible in words of its own ("X was
        responsible for the killings", "blamed the attack on X", "assailants suspected to be
        X militants"), when it names one."""
        found: dict[str, Entity] = {}
        for i, mentions in by_sentence.items():
            b, e = sentences[i]
            for lm in mentions:
                if not self._can_act(lm.entity):
                    continue
                after = text[lm.mention.end : e]
                before = text[max(b, lm.mention.start - 40) : lm.mention.start]
                if CLAIMED.match(after) or RESPONSIBLE_AFTER.match(after) or RESPONSIBLE_BEFORE.search(before) or SUSPECTED_AFTER.match(after) or SUSPECT_VERB_BEFORE.search(before) \
                        or BELONGED_BEFORE.search(text, max(b, lm.mention.start - 100), lm.mention.start) \
                        or SUSPECTED_BEFORE.search(text, max(b, lm.mention.start - 100), lm.mention.start) \
                        or (SUSPECTED_NAME.search(text, max(b, lm.mention.start - 12), lm.mention.start) and SUSPECTED_NOUN_AFTER.match(after)):
                    found.setdefault(lm.entity.iri, lm.entity)
        groups = [ent for ent in found.values() if ent.type == "Organization"]
        named = groups or list(found.values())  # "the Cooperative for ... Congo (CODECO) was": the group
        return named[0] if len(named) == 1 else None

    def _claims(self, text: str, sentences: list[tuple[int, int]], by_sentence: dict[int, list[LinkedMention]]) -> list[tuple[int, Entity, int | None]]:
        """The claims of several attacks the article reports ("X claimed both attacks", "X
        claimed responsibility for the bombings", "the two attacks were claimed by X"): each as
        (where its sentence begins, the claimant, how many of the attacks told before it covers
        -- None for all)."""
        out = []
        for i, mentions in sorted(by_sentence.items()):
            b, e = sentences[i]
            if "claim" not in text[b:e].lower():
                continue
            for lm in mentions:
                if not self._can_act(lm.entity):
                    continue
                hit = CLAIMED_SEVERAL.match(text[lm.mention.end : e]) or CLAIMED_SEVERAL_BY.search(text, max(b, lm.mention.start - 80), lm.mention.start)
                if hit is not None:
                    both = hit.group("scope").lower().startswith("both") or (hit.group("count") or "").lower() in ("two", "twin")
                    count = 2 if both else {"three": 3, "four": 4, "five": 5}.get((hit.group("count") or "").lower())
                    out.append((b, lm.entity, count))
                    break
        return out

    def _sole_group_subject(self, text: str, sentences: list[tuple[int, int]], by_sentence: dict[int, list[LinkedMention]]) -> Entity | None:
        """The article's one armed group, where a sentence makes it the subject of an attack
        or a killing ("The Ansar al-Sahel Front (ASF) militant group has
        allegedly raided ...", "Suspected members of X (ASF), have shot dead the local
        chief"): who carried out the attacks the article tells with no attacker ("the
        rebels launched their raid on Gwanda"). A group named only after the attack
        word ("troops killed ten ISWAP fighters") is the one attacked, not the attacker."""
        groups = {lm.entity.iri: lm.entity for mentions in by_sentence.values() for lm in mentions if "ArmedGroup" in lm.entity.classes}
        if len(groups) != 1:
            return None
        for i, mentions in by_sentence.items():
            b, e = sentences[i]
            for lm in mentions:
                if "ArmedGroup" not in lm.entity.classes:
                    continue
                before, after = fold_case(text[b : lm.mention.start]), fold_case(text[lm.mention.end : min(e, lm.mention.end + 60)])
                if _SUBJECT_DEED_LOW.search(before) or _VICTIM_BEFORE_LOW.search(before):
                    continue
                deed = _SUBJECT_DEED_LOW.search(after)
                if deed is not None and not _NOT_SUBJECT_GAP_LOW.search(after, 0, deed.start()):
                    return lm.entity
        return None

    def _actor(self, sentence: str, offset: int, mentions: list[LinkedMention], trigger: re.Match) -> tuple[Entity | None, LinkedMention | None]:
        """The attacker the sentence names for one attack word, and the mention that names it:
        the subject of an attack verb, "by X", "X's strikes", "X claimed responsibility",
        or a people's adjective ("Russian drones") -- within the attack word's clause."""
        lo, hi = clause_around(sentence, trigger.start(), trigger.end())
        low = fold_case(sentence)  # the word patterns run folded (kg/casefold.py)
        candidates = [
            lm for lm in mentions
            if (self._can_act(lm.entity) or self._capital_of(lm.entity)) and not _QUALIFIES_AFTER.match(sentence, lm.mention.end - offset)
            and not (lm.entity.type == "Place" and _ORIGIN_OF_LOW.search(low, max(0, lm.mention.start - offset - 60), lm.mention.start - offset))
        ]
        trig_spans = [(trigger.start(), trigger.end())]
        weapon_spans = [(lm.mention.start - offset, lm.mention.end - offset) for lm in mentions if lm.entity.type == "Weapon" and lo <= lm.mention.start - offset < hi]
        heads = trig_spans + weapon_spans
        best: tuple[int, Entity, LinkedMention | None] | None = None

        def offer(score: int, ent: Entity, lm: LinkedMention | None) -> None:
            nonlocal best
            if best is None or score > best[0]:
                best = (score, ent, lm)

        dateline = DATELINE_RE.match(sentence)
        lead = dateline.end() if dateline else 0  # where the sentence's subject may stand
        junta = JUNTA_RE.search(sentence, lo, hi)
        if junta is not None:
            # "the Myanmar junta bombed", "the military junta": a junta is the armed forces in power.
            near = [lm for lm in mentions if "Country" in lm.entity.classes and 0 <= junta.start() - (lm.mention.end - offset) <= 20]
            code = self._entry(near[-1].entity).country if near and self._entry(near[-1].entity) else self._main_country
            armed = self._armed.get(code or "")
            if armed is not None:
                offer(4, entity_of(armed), near[-1] if near else None)
        for regime in REGIME_RE.finditer(sentence, lo, hi) if sentence.find("egime", lo, hi) >= 0 else ():
            # "regime air strikes", "Syrian regime forces shelled": the state, before the attack word.
            code = self._adjectives.get((regime.group("adj") or "").lower()) or self._main_country
            if code in self._countries and any(hs >= regime.end() and MODIFIER_GAP.match(sentence[regime.end() : hs]) for hs, _ in heads):
                offer(3, entity_of(self._countries[code]), None)
                self._regimes.add(entity_of(self._countries[code]).iri)
        for lm in candidates:
            s, e = lm.mention.start - offset, lm.mention.end - offset
            after = low[e:]
            if _CLAIMED_LOW.match(after) or SUSPECTED_AFTER.match(sentence[e:]):
                offer(5, lm.entity, lm)  # (and "where another gang, X, is accused of killing 115 people")
            if not lo <= s < hi and not (e <= lo <= e + 2 and sentence[e:lo].strip() in (")", "") and sentence[e - 1 : lo].strip().endswith(")")):
                # Outside the attack word's clause -- unless it is the acronym in brackets
                # just before it: "the Ansar al-Sahel Front (ASF) have again raided".
                verb = _ACTOR_VERB_LOW.match(after)
                if not sentence[lead:s].strip(" \"“") and verb and e < trigger.start() and not _TRIGGER_LOW.search(low, e + verb.end(), trigger.start()):
                    # The sentence's subject attacks, and this is the first attack word after its
                    # verb: "ISWAP kills 12 soldiers, vigilantes in ambush".
                    offer(1, lm.entity, lm)
                continue
            capital = self._capital_of(lm.entity)
            verb = _ACTOR_VERB_LOW.match(after)
            if capital is not None:
                if verb and any(h[0] >= e for h in heads):
                    offer(3, capital, lm)
                continue
            if verb and any(h[0] >= e for h in heads):
                offer(4, lm.entity, lm)
            if _DONE_BY_LOW.search(low[max(0, s - 60) : s]) and any(h[1] <= s for h in trig_spans):
                offer(4, lm.entity, lm)
            # (and "a bomb planted by X wrecked": by whom, inside the attack words)
            if _BY_ACTOR_LOW.search(low[max(0, s - 40) : s]) and any(h[1] <= s or h[0] < s < h[1] for h in trig_spans) and not _FROM_BEFORE_LOW.search(low[max(0, s - 40) : s]):
                offer(4, lm.entity, lm)
            for hs, _ in heads:
                if hs >= e and hs - e <= 30 and MODIFIER_GAP.match(sentence[e:hs]):
                    offer(3, lm.entity, lm)
        if best is None and PRONOUN_SUBJECT.search(sentence, lo, trigger.start()):
            # "Al-Shabaab gained notoriety when it attacked the mall": the one who acts named before.
            before = [lm for lm in candidates if lm.mention.end - offset <= trigger.start() and lm.entity.type == "Organization"]
            if before:
                offer(2, before[-1].entity, before[-1])
        # "Russian drones", "an Israeli airstrike": a people's adjective before the attack words.
        for m in re.finditer(r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b", sentence[:hi]):
            if m.start() < lo:
                continue
            code = self._adjectives.get(m.group(1).lower())
            if code is None or code not in self._countries or NON_STATE_AFTER.match(sentence, m.end()):
                continue  # "Iraqi Shiite militia", "Somali militants": a group of that people, not its state
            if not self._names_country(code):
                continue  # an attacker is a name the article gives: "Russian strikes" alone name no country
            for hs, _ in heads:
                if hs >= m.end() and hs - m.end() <= 30 and MODIFIER_GAP.match(sentence[m.end() : hs]):
                    offer(2, entity_of(self._countries[code]), None)
            # "shelled by Russian troops": the adjective after "by", an attack word before it.
            if BY_ACTOR.search(sentence[max(0, m.start() - 40) : m.start()]) and trigger.end() <= m.start():
                offer(2, entity_of(self._countries[code]), None)
        if best is None:
            return None, None
        return best[1], best[2]

    def _names_country(self, code: str) -> bool:
        """Whether the article names the country itself, not only its people's adjective:
        linked as a country, or its name or its people ("Russia's", "the Russians") in the
        text. Looked up once per country and article."""
        if code not in self._named_countries:
            if code in self._unnamed_countries:
                return False
            entry = self._countries[code]
            people = [w + "s" for w in demonyms(code) if not w.endswith("s")]
            words = "|".join(re.escape(w) for w in [entry.label, *people])
            if not re.search(r"\b(?:" + words + r")\b(?!-)", self._text):
                self._unnamed_countries.add(code)
                return False
            self._named_countries.add(code)
        return True

    def _capital_of(self, ent: Entity) -> Entity | None:
        """The country whose capital this place is, when it is one."""
        entry = self._entry(ent)
        if entry is None or "Country" in entry.classes:
            return None
        code = self._capitals.get(fold(entry.label))
        if code is None or code != entry.country:
            return None
        return entity_of(self._countries[code])

    def _can_act(self, ent: Entity) -> bool:
        if ent.type == "Organization":
            return not ({"NewsOrganization", "Company", "SocialMediaPlatform", "InternationalOrganization", "NonGovernmentalOrganization"} & set(ent.classes))
        return ent.type == "Place" and "Country" in ent.classes
