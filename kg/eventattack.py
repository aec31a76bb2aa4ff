"""Whether an attack word reports an attack that happened: not another sense of the word
("hunger strike", "attack helicopter"), not negated, hypothetical, ongoing or called off, not
a campaign or a total ("the attacks have hurt shipping", "Over the past week, 40 were killed
in strikes").

A part of the event extractor (kg/events.py), kept apart so that each module reads as one
question: this one answers "whether", for one attack word of a sentence.
"""

from __future__ import annotations

import re

from kg.casefold import folded
from kg.eventcues import CASUALTY_WORDS, CLAUSE_END, TOTAL_CUES
from kg.eventwords import (
    ASSAILANT_BEFORE,
    CALLED_OFF_AFTER,
    CLAUSE_BREAK,
    ENTRY_TRIGGER,
    GENERIC_PLURAL_BEFORE,
    GENERIC_PLURAL_SPECIFIC,
    GENERIC_PLURAL_TRIGGER,
    IRREALIS_RE,
    NOT_ATTACK_AFTER,
    NOT_ATTACK_BEFORE,
    ONGOING_RE,
    campaign_before,
)

# The word patterns as kg/casefold.py runs them: over the folded sentence, without re.I.
_NOT_ATTACK_BEFORE_LOW, _CLAUSE_BREAK_LOW, _ENTRY_LOW, _ASSAILANT_LOW = map(folded, (NOT_ATTACK_BEFORE, CLAUSE_BREAK, ENTRY_TRIGGER, ASSAILANT_BEFORE))
_IRREALIS_LOW, _ONGOING_LOW, _GENERIC_PLURAL_BEFORE_LOW, _GENERIC_PLURAL_SPECIFIC_LOW, _CASUALTY_LOW, _TOTAL_LOW = map(
    folded, (IRREALIS_RE, ONGOING_RE, GENERIC_PLURAL_BEFORE, GENERIC_PLURAL_SPECIFIC, CASUALTY_WORDS, TOTAL_CUES)
)
_ARSON_LOW = re.compile(r"set\s+fire|ablaze|torched|burn[et]d?\s+down")
_TROOPS_LOW = folded(re.compile(r"\b(?:troops|soldiers|forces|militias?|army)\b(?:\s+(?!and\b|or\b)[\w'’()-]+){0,6}?\s+(?:\w+ly\s+|also\s+|then\s+|had\s+|have\s+|and\s+)?$", re.I))
# "We are not attacking Moscow", "the city was never hit"
_NEGATED_LOW = folded(re.compile(r"\b(?:not|never|n['’]t)\s+(?:been\s+|be\s+|yet\s+|ever\s+)?$", re.I))
# "has been attacked three times", "was repeatedly targeted": a tally of attacks, no one attack.
_TIMES_AFTER = re.compile(r"\s+(?:(?:at\s+least|more\s+than|over|nearly|some|about)\s+)?(?:(?:three|four|five|six|seven|eight|nine|ten|several|many|multiple|numerous|countless|[3-9]|\d\d+)\s+times|dozens\s+of\s+times)\b")
_OFTEN_BEFORE = re.compile(r"\b(?:repeatedly|frequently|regularly|routinely|often|constantly|persistently|continually|continuously|incessantly)\s+(?:been\s+)?$")
# "helicopters chased the raiders as they withdrew", "strikes on the retreating militants": a
# pursuit of the attackers of the attack told, not an attack of its own report.
_PURSUIT_AFTER = re.compile(
    r"\s+(?:(?:against|on|at)\s+)?the\s+(?:(?:fleeing|retreating|withdrawing)\s+(?:\w+\s+)?(?:attackers|assailants|raiders|militants|terrorists|insurgents|jihadists|gunmen|bandits|fighters)"
    r"|(?:attackers|assailants|raiders)\b|(?:militants|terrorists|insurgents|jihadists|gunmen|bandits|fighters)\s+as\s+they\s+(?:fled|retreated|withdrew))"
)
# "The militia keeps carrying out ambushes on rural roads": what it keeps doing, a campaign.
_CARRYING_ON = re.compile(r"\b(?:is|are|has\s+been|have\s+been|keeps?|kept|continues?\s+to|continued\s+to)\s+(?:\w+ly\s+)?(?:carrying\s+out|carry\s+out|conducting|conduct|launching|launch|staging|stage|mounting|mount)\s+(?:[\w-]+\s+){0,12}$")
# The opening of a sentence whose subject is the attack word: "The strikes ...", "These attacks ...".
_SUBJECT_OPEN = re.compile(r"\W*(?:the|these|those)\s+(?:[a-z-]+\s+)?")


def is_attack(sentence: str, m: re.Match) -> bool:
    """Whether trigger ``m`` reports an attack. ``sentence`` is folded (kg/casefold.py)
    and ``m`` found in it: every test here is a word pattern, run folded."""
    before, after = sentence[: m.start()], sentence[m.end() :]
    launch = re.match(r"(?:launch|fir|dropp)", m.group(0), re.I) is not None  # "launched drones" names its weapon
    if _NOT_ATTACK_BEFORE_LOW.search(before) or (not launch and NOT_ATTACK_AFTER.match(after)):
        return False
    if _NEGATED_LOW.search(before):
        return False  # "We are not attacking Moscow", "the city was never hit"
    if _TIMES_AFTER.match(after) or _OFTEN_BEFORE.search(before[-40:]) or _PURSUIT_AFTER.match(after) or _CARRYING_ON.search(before[-80:]):
        return False  # "The capital has been attacked three times": a tally, no one attack
    if _ENTRY_LOW.search(m.group(0)) and _ASSAILANT_LOW.search(before[-120:]) is None and not (_ARSON_LOW.search(m.group(0)) and _TROOPS_LOW.search(before[-120:])):
        # "since Russia invaded Ukraine": no assailants storm a place. (Troops who torch a
        # village attack it: "junta troops torched the village", "soldiers set fire to homes".)
        return False
    # The trigger's own clause: from the last clause break before it.
    clause = before[-80:]
    cut = [x.end() for x in _CLAUSE_BREAK_LOW.finditer(clause)]
    if cut:
        # "... were considering a response, including a strike on Yemen": an "including"
        # clause is still the clause before it.
        listed = re.match(r"\s*(?:including|such\s+as|notably)\b", clause[cut[-1] :], re.I) is not None
        k = len(cut) - (2 if listed else 1)
        clause = clause[cut[k] :] if k >= 0 else before[-200:] if listed else clause
    if _IRREALIS_LOW.search(clause) or _ONGOING_LOW.search(before[-40:] + m.group(0)) or CALLED_OFF_AFTER.match(after):
        return False
    rest = CLAUSE_END.search(after)
    own = clause + sentence[m.start() : m.end() + (rest.start() if rest else len(after))]
    generic = (GENERIC_PLURAL_TRIGGER.search(m.group(0)) and _GENERIC_PLURAL_BEFORE_LOW.search(before)) or campaign_before(before)
    if generic and _SUBJECT_OPEN.fullmatch(before):
        # "The raids near Thitpin village, east of Kanma, happened twice on Friday": the
        # sentence's subject is told of to its end, past the commas of its place.
        own = sentence
    if generic and not (_GENERIC_PLURAL_SPECIFIC_LOW.search(own) or _CASUALTY_LOW.search(own)):
        return False  # "the toll the attacks have taken on trade", "has faced heavy bombardment"
    first = CLAUSE_END.search(sentence)
    if first is not None and first.start() < m.start() and _TOTAL_LOW.search(sentence[: first.start()]):
        return False  # "Over the past week, 40 people were killed in strikes"
    return _TOTAL_LOW.search(own) is None
