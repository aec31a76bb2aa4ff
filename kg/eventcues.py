"""Event cues: the numbers, casualty phrases and time expressions an attack report uses.

Pure functions over text, shared by the event extractor (kg/events.py): number
words ("two", "a dozen", "1,200"), killed and injured figures as stated ("at least
22 people were killed" -> 22, "dozens" -> not stated, "no one was hurt" -> 0), and
dates resolved against the article's date ("on Sunday", "overnight", "last
Friday", "on March 6").
"""

from __future__ import annotations

import datetime as dt
import re

from kg.casefold import LazyPattern, fold_case, folded
from kg.datelines import DATELINE_RE
from kg.names import WEEKDAYS

_UNITS = {
    "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "dozen": 12}

# "a" and "an" count only before a scale ("a dozen"): "A suicide bomber killed 63" is no 1.
_WORD = "(?:an?(?=\\s+(?:dozen|hundred|thousand)\\b)|" + "|".join(sorted([w for w in [*_UNITS, *_TENS] if w not in ("a", "an")], key=len, reverse=True)) + ")"
# "22", "1,200", "two", "twenty-one", "a dozen", "two hundred", "1.5 thousand" (not "dozens"); it
# starts with a digit or with one of the letters [zotfsena] (see _NUM).
NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\s+(?:hundred|thousand))?(?![\d,]*\s*(?:%|percent|km|kilomet|mile|metre|meter|year|month|week|day|hour|minute))"
    r"|(?:" + _WORD + r")(?:[-\s](?:" + _WORD + r"))?(?:\s+(?:hundred|thousand|dozen)\b(?!s))?"
)


def parse_number(text: str) -> int | None:
    """The integer a number phrase states: "22", "1,200", "twenty-one", "a dozen",
    "two hundred". None for vague quantities ("dozens", "scores")."""
    t = text.lower().strip()
    if t == "another":
        return 1
    if re.fullmatch(r"[\d,]+", t):
        return int(t.replace(",", ""))
    m = re.fullmatch(r"([\d,]+)\s+(hundred|thousand)", t)
    if m:
        return int(m.group(1).replace(",", "")) * _SCALES[m.group(2)]
    total, current = 0, 0
    for word in re.split(r"[\s-]+", t):
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if word == "thousand":
                total, current = total + current, 0
        elif word == "and":
            continue
        else:
            return None
    value = total + current
    return value


# The nouns of a person a toll counts, singular: "killing a 33-year-old man", "a night
# watchman was killed", "a CoBRA jawan had sustained injuries".
_PERSON_NOUNS = (
    r"(?:boy|girl|baby|infant|teenager|youth|soldier|civilian|person|officer|resident|journalist|guard|sentry"
    r"|worker|driver|farmer|fighter|student|pupil|teacher|doctor|nurse|medic|commander|member|volunteer|villager|passenger|pilgrim|militant"
    r"|jawan|activist|photographer|bodyguard|trader|shopkeeper|vendor|herder|shepherd|hunter|miner|priest|pastor|imam|cleric|monk|nun|chief"
    r"|elder|leader|official|ranger|gendarme|constable|sergeant|corporal|lieutenant|captain|colonel|conscript|recruit|vigilante"
    r"|motorcyclist|cyclist|pedestrian|tourist|employee|engineer|contractor|lawyer|judge|mayor|councillor|pensioner|widow|mother|father"
    r"|son|daughter|wife|husband|brother|sister|relative|local|peacekeeper|labou?rer|mechanic|tailor|pharmacist|worshipper|herdsman|tribesman)"
)
# ("a night watchman", "a militiaman", "a fisherman", "a businesswoman": one person by the noun's end)
_ONE_VICTIM = r"(?:" + _PERSON_NOUNS + r"|auxiliary|child|adult|[a-z]*(?:wo)?man)"
# The same nouns plural, and the words for people that have no singular here: "Eight villagers
# and three militia auxiliaries", "two fishermen", "four children".
_MANY_VICTIMS = r"(?:" + _PERSON_NOUNS + r"s|auxiliaries|children|adults|people|police|personnel|troops|[a-z]*(?:wo)?men)"
# The victims a figure counts: "people", "Malian soldiers", "Hezbollah members", "of the victims",
# ", including seven children,": up to four words that are no verb or clause word.
_NOT_WHO = r"(?:were|was|are|is|have|has|had|been|and|or|but|in|on|at|by|from|to|when|after|as|while|who|that|which|killed|dead|died|injured|wounded|hurt|others?|no|not)"
_WHO = (
    r"(?:\s+(?:more|other|others))?(?:\s+(?!" + _NOT_WHO + r"\b)[\w'’-]+){0,4}"
    # "three constables of the reserve force", "five soldiers of the 118 Battalion": the unit they belong to
    r"(?:\s+of\s+the\s+(?!" + _NOT_WHO + r"\b)[\w'’-]+(?:\s+(?!" + _NOT_WHO + r"\b)[\w'’-]+){0,3})?"
    # ("seven soldiers and dozens of militants were killed": the counted side, the rest uncounted)
    r"(?:\s+and\s+(?:dozens|scores|hundreds|several|many|a\s+number)\s+(?:of\s+|more\s+)?(?!" + _NOT_WHO + r"\b)[\w'’-]+)?"
    # ("three herders from a nearby clan", "ten soldiers from the 5th brigade")
    r"(?:\s+from\s+(?:the\s+|a\s+|an\s+|another\s+)?(?!" + _NOT_WHO + r"\b)[\w'’-]+(?:\s+(?!" + _NOT_WHO + r"\b)[\w'’-]+){0,5})?"
    # "four Home Guard Unit (HGU) volunteers": a body's acronym and the word it qualifies
    r"(?:\s+\([A-Z0-9][A-Za-z0-9]{1,7}\)(?:\s+(?!" + _NOT_WHO + r"\b)[\w'’-]+)?)?(?:\s+of\s+the\s+(?:victims|dead|people|injured|wounded))?"
    r"(?:,\s+(?:including|among\s+them|most\s+of\s+them)\s+[^,.;]{1,50},|\s+including\s+[^,.;]{1,80}?(?=\s+(?:were|was|have\s+been|had\s+been)\s)"
    # ("At least six people — among them three border guards — were killed": the aside in dashes)
    r"|\s*[—–]\s*(?:including|among\s+them|most\s+of\s+them)\s+[^—–.;]{1,50}?\s*[—–])?"
)
# Each pattern tries its figure at every word of a sentence: a look-ahead for the first
# letter a figure (or the word before it) can have turns most words away at one character.
# ("at least", "more than", "over", "nearly", "some", "up to", "roughly", ... then a number)
_APPROX = r"(?=[\dzotfsenamur])(?:(?:at\s+least|more\s+than|over|nearly|almost|about|around|some|up\s+to|as\s+many\s+as|an\s+estimated|a\s+total\s+of|roughly|approximately|another|all)\s+)?"
_BE = r"(?:\s+(?:were|was|are|is|have|has|had|been|being|got|get|gets|reportedly|also|later|all|now|so\s+far|confirmed|reported|feared|believed|left|seriously|severely|grievously|gravely|critically|fatally|lightly|slightly|badly|killed\s+and))*"

_KILLED_WORDS = r"(?:killed|dead|died|slain|perished|lost\s+their\s+lives|deaths|fatalities|martyred|massacred|butchered|killing|dying|beheaded|decapitated|executed|shot\s+dead|gunned\s+down|hacked\s+to\s+death|burned\s+to\s+death|stabbed\s+to\s+death|shot\s+to\s+death|beaten\s+to\s+death)"
_INJURED_WORDS = r"(?:injured|wounded|hurt|injuries|injuring|wounding|hospitali[sz]ed)"

# ("the 212 Battalion were killed": a unit's number counts no one; "On July 25 three officers
# were injured", "on 25 July, two died": the day of a date counts no one either -- a number
# the size of a day after a month's name, or one before it; and so does a year, "The
# 2023 attack killed five", or an hour, "The blast at 3 pm killed two")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
_MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
_NOT_A_DAY = "".join(rf"(?<!{m}\s)" for m in _MONTHS) + "".join(rf"(?<!{m}\s)(?<!{m}\.\s)" for m in _MONTH_ABBREVIATIONS)
_NUM = (
    r"(?=[\dzotfsena])(?<![Nn]o\s)(?<![Nn]ot\s)(?:(?!(?:[1-9]|[12]\d|3[01])\b(?![.,]\d))|" + _NOT_A_DAY + r")(?!(?:19|20)\d\d\b)(?P<num>" + NUMBER + r")"
    r"(?!\s+(?:battalion|brigade|regiment|division|corps|squadron|infantry|company|wing|commando|" + "|".join(_MONTHS) + r")\b)"
    r"(?!\s*(?:[ap]\.m\.|[ap]m\b|o['’]clock\b|hrs\b|gmt\b|:\d))"
)  # "no one was hurt" states no figure
# "at least 22 people were killed", "22 dead", "killing at least 22", "the death toll rose to 22", "kills 32 civilians".
KILLED_RES = [
    LazyPattern(r"\b" + _APPROX + _NUM + _WHO + _BE + r"\s+" + _KILLED_WORDS + r"\b", re.I),
    # ("insurgents shot dead two villagers", "murdered and beheaded five people")
    LazyPattern(r"\b(?:killing|killed|kills|kill|leaving|left|shot\s+dead|gunned\s+down|(?:murdered|massacred|slaughtered|butchered)(?:\s+and\s+beheaded)?|beheaded)\s+(?:(?<=butchered\s)the\s+|(?<=slaughtered\s)the\s+|(?<=massacred\s)the\s+)?" + _APPROX + _NUM + r"(?!\s+(?:injured|wounded|hurt))" + _WHO + r"(?:\s+(?:dead|killed))?\b", re.I),
    # "A family of five, two of them children, was shot to death": the family's members.
    LazyPattern(r"\bfamily\s+of\s+" + _NUM + r"(?:\s*,[^,.;]{0,50},)?\s+(?:was|were|has\s+been|have\s+been)\s+(?:\w+\s+)?" + _KILLED_WORDS + r"\b", re.I),
    # ("took part in the killing of 23 border guards", "the murder of three more guards")
    LazyPattern(r"\b(?:killing|killings|murder|murders|massacre)\s+of\s+" + _APPROX + _NUM + _WHO + r"\b", re.I),
    LazyPattern(r"\b(?:death\s+toll|toll|number\s+of\s+(?:the\s+)?dead)[”\"]?\s+(?:[\w'’-]+\s+){0,20}?(?:rose|risen|climbed|reached|increased|stood|stands|is|was|of|to|at)\s+(?:to\s+|at\s+)?" + _APPROX + _NUM + r"\b", re.I),
    LazyPattern(r"\b" + _APPROX + _NUM + r"\s+(?:deaths|fatalities|dead)\b", re.I),
    # ("claimed the lives of nine", "cost the lives of four soldiers", "took the lives of six")
    LazyPattern(r"\b(?:claim(?:ed|s|ing)?|cost(?:s|ing)?|t(?:ook|akes?|aking))\s+(?:the\s+)?lives\s+of\s+" + _APPROX + _NUM + r"\b", re.I),
    # "That attack ... claimed nine lives"
    LazyPattern(r"\bclaim(?:ed|s|ing)?\s+" + _APPROX + _NUM + r"\s+(?:more\s+)?lives\b", re.I),
    # "led to the loss of four rangers", "the deaths of seven villagers"
    LazyPattern(r"\b(?:loss(?:\s+of\s+(?:the\s+)?lives)?|deaths)\s+of\s+" + _APPROX + _NUM + r"\b", re.I),
    # "10 farmers who were rounded up and shot dead"
    LazyPattern(r"\b" + _APPROX + _NUM + r"(?:\s+[\w'’-]+){0,3}\s+who\s+(?:were|was|had\s+been|have\s+been)\s+(?:[\w-]+\s+){0,5}?" + _KILLED_WORDS + r"\b", re.I),
    # "killing a 33-year-old man", "a soldier was killed"
    LazyPattern(r"\b(?:killing|killed|kills|shot\s+dead|gunned\s+down|murdered|murdering|beheaded|beheading|slew)\s+(?P<num>an?)\s+(?:[\w-]+\s+){0,2}?" + _ONE_VICTIM + r"\b", re.I),
    re.compile(r"(?:^|\b(?:when|after|as|that)\s+)(?P<num>[Aa]n?)\s+(?:[\w-]+\s+){0,2}?" + _ONE_VICTIM + r"\s+(?:was|has\s+been)\s+killed\b"),
]
INJURED_RES = [
    # ("a night guard was shot in the arm")
    LazyPattern(r"\b" + _APPROX + _NUM + _WHO + r"\s+(?:was|were|had\s+been|has\s+been)\s+shot\s+(?:in\s+the\s+(?:leg|legs|arm|arms|hand|foot|shoulder|back|chest|stomach|head)|and\s+(?:wounded|injured))\b", re.I),
    # ("Three guards who tried to close the gate were wounded")
    LazyPattern(r"\b" + _APPROX + _NUM + r"(?:\s+[\w'’-]+){0,3}(?:\s+of\s+the\s+[\w'’-]+(?:\s+[\w'’-]+){0,2})?\s+who\s+(?:[\w'’-]+\s+){1,6}?(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+)?(?:injured|wounded|hurt)\b", re.I),
    LazyPattern(r"\b" + _APPROX + _NUM + _WHO + _BE + r"\s+" + _INJURED_WORDS + r"\b", re.I),
    LazyPattern(r"\b(?:injuring|wounding|injured|wounded|injures|wounds|hurting)\s+" + _APPROX + _NUM + _WHO + r"\b", re.I),
    # ("Two other victims sustained gunshot injuries", not "... suffered no injuries")
    LazyPattern(r"\b" + _APPROX + _NUM + _WHO + r"\s+(?:others\s+)?(?:with\s+|(?:had\s+)?(?:suffered|sustained|received)\s+(?:(?!no\b)[\w-]+\s+)?)?(?:injuries|wounds)\b", re.I),
    # "wounding another", "a 52-year-old woman sustained leg wounds"
    # (but "injured another 28" states 28)
    LazyPattern(r"\b(?:injuring|wounding|injured|wounded)\s+(?P<num>another)\b(?!\s+(?:" + NUMBER + r")\b)", re.I),
    re.compile(r"\b(?P<num>[Aa]n?)\s+(?:[\w()-]+\s+){0,3}?" + _ONE_VICTIM + r"\s+(?:was\s+(?:injured|wounded|hurt)|(?:had\s+)?(?:suffered|sustained)\s+(?:\w+\s+)?(?:injuries|wounds))\b"),
]
# "No deaths were reported", "no one was killed": a toll of none, stated (0); "no deaths were
# immediately reported" is no word yet. (And "no one was hurt", "without anyone being hurt",
# "no casualties were reported": none killed and none hurt.)
NONE_KILLED_RE = re.compile(r"\b(?:no\s+(?:one|body)\s+(?:was|were|has\s+been)\s+(?:killed|dead)|no\s+(?:deaths|fatalities)\b(?!\s+(?:were\s+|have\s+been\s+)?immediately)|killing\s+no\s+one|nobody\s+(?:was\s+)?killed)", re.I)
NONE_HURT_RE = re.compile(
    r"\b(?:no\s+(?:one|body)\s+(?:was|were|has\s+been)\s+(?:injured|hurt|wounded|harmed)|nobody\s+(?:was\s+)?(?:hurt|injured|harmed)|without\s+(?:anyone|anybody)\s+(?:being\s+)?(?:hurt|injured|harmed)"
    r"|no\s+injuries\b(?!\s+(?:were\s+|have\s+been\s+)?immediately)|without\s+casualties|no\s+casualties\b(?!\s+(?:were\s+|have\s+been\s+)?immediately))",
    re.I,
)
_NONE_AT_ALL = re.compile(r"\b(?:no\s+casualties|without\s+casualties|no\s+(?:one|body)\s+(?:was|were|has\s+been)\s+(?:hurt|harmed)|nobody\s+(?:was\s+)?(?:hurt|harmed)|without\s+(?:anyone|anybody)\s+(?:being\s+)?(?:hurt|harmed))", re.I)
# Cheap tests that a sentence may state a figure at all, before the patterns run.
KILLED_WORDS = re.compile(r"kill|dead|died|death|toll|lives|loss\s+of|slain|perish|martyr|massacr|slaughter|butcher|murder|fatalit|dying|behead|decapitat|execut|gunned\s+down", re.I)
INJURED_WORDS = re.compile(r"injur|wound|hurt|hospitali|shot\s+(?:in|and)", re.I)
CASUALTY_WORDS = re.compile(KILLED_WORDS.pattern + "|" + INJURED_WORDS.pattern + r"|casualt", re.I)
# Figures that are totals over a war or a period, not of one attack.
TOTAL_CUES = re.compile(
    r"\b(?:since\s+(?:the\s+)?(?:start|beginning|outbreak)|since\s+the\s+(?:war|conflict|fighting|insurgency|invasion|uprising)\s+(?:began|started|broke\s+out|erupted)|since\s+(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|\d{4})\b|so\s+far\s+this|this\s+year|(?<!january\s)(?<!february\s)(?<!march\s)(?<!april\s)(?<!may\s)(?<!june\s)(?<!july\s)(?<!august\s)(?<!september\s)(?<!october\s)(?<!november\s)(?<!december\s)last\s+year|in\s+total|altogether|over\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:weeks?|months?|years?)|in\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:weeks?|months?|years?)|during\s+the\s+war|of\s+the\s+war|in\s+the\s+(?:war|conflict)|the\s+conflict|the\s+war\s+has|past\s+week|per\s+day|a\s+day(?!\s+(?:after|before|later|earlier|ago)\b)|every\s+day|each\s+day"
    r"|(?:in|over|within)\s+(?:the\s+(?:past|last)\s+)?(?:24|48|72|\d+)\s+hours|in\s+recent\s+(?:years|months|weeks)|throughout|so\s+far"
    # ("The rebels for years waged war on the state, staging kidnappings and ambushes")
    r"|for\s+(?:(?:several|many|two|three|four|five|six|nearly|almost|over)\s+)?(?:decades|years)"
    r"|in\s+(?:january|february|march|april|may|june|july|august|september|october|november|december|\d{4})\s+alone"
    r"|(?:between|from)\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2}\s*(?:[–-]|and|to|until)\s*(?:[a-z]+\s+)?\d{1,2}\b"
    r"|the\s+fighting|the\s+violence|the\s+clashes|the\s+skirmishes|ongoing\s+(?:\w+\s+)?(?:skirmishes|fighting|clashes|conflict|war|campaign)|hostilities|the\s+offensive|the\s+insurgency|the\s+uprising|death\s+toll\s+(?:in|of|from)\s+the\s+(?:war|conflict)"
    # "some 40 strikes across the Chernihiv region", "scores of raids between June 3 and 4": a tally of attacks, no one attack
    r"|(?<![\d/.,])(?:[1-9]\d{1,2}|dozens\s+of|scores\s+of|hundreds\s+of)\s+(?:[a-z-]+\s+)?(?:strikes|attacks|airstrikes|raids|bombings)\s+(?:[^,;.]{0,40}\s)?(?:across|throughout|between))\b",
    re.I,
)

_CASUALTY_LOW, _KILLED_LOW, _INJURED_LOW, _TOTAL_LOW = map(folded, (CASUALTY_WORDS, KILLED_WORDS, INJURED_WORDS, TOTAL_CUES))
# The figure patterns folded, to tell cheaply which match at all (None: one that minds case).
_KILLED_RES_LOW, _INJURED_RES_LOW = ([folded(p) if p.flags & re.I else None for p in ps] for ps in (KILLED_RES, INJURED_RES))

_VICTIM = (
    # ("Two gendarmes, a customs officer and four herders were killed")
    r"(?:" + _MANY_VICTIMS + "|" + _ONE_VICTIM + r")"
)
# ("six members of the local vigilante force")
_ITEM = r"(?=[\dzotfsena])(?:" + NUMBER + r"|\ban?)\s+(?:[\w-]+\s+){0,2}?" + _VICTIM + r"\b(?:\s+of\s+the\s+(?!" + _NOT_WHO + r"\b)[\w'’-]+(?:\s+(?!" + _NOT_WHO + r"\b)[\w'’-]+){0,3})?"
# "Two girls and five men ... were killed", "killing three boys, two women and an elderly man": a sum.
VICTIM_LIST = LazyPattern(r"(?P<list>" + _ITEM + r"(?:(?:,\s+|,?\s+and\s+)" + _ITEM + r")+)", re.I)
KILLED_LIST_RES = [
    # ("A teacher, a photographer and a prison guard died")
    LazyPattern(VICTIM_LIST.pattern + r"(?:,\s+including\s+[^,.;]{1,40},)?\s+(?:(?:were|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:killed|dead)|died)\b", re.I),
    LazyPattern(r"\b(?:killing|killed|kills)\s+(?:\w+\s+)?" + VICTIM_LIST.pattern, re.I),
]
_KILLED_LIST_LOW = [folded(p) for p in KILLED_LIST_RES]
# ("a 60-year-old farmer and his teenage son were injured")
INJURED_LIST_RES = [re.compile(VICTIM_LIST.pattern + r"\s+(?:(?:were|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:injured|wounded|hurt|hospitali[sz]ed))\b", re.I)]
_INJURED_LIST_LOW = [folded(p) for p in INJURED_LIST_RES]
_ITEM_RE = LazyPattern(r"(" + NUMBER + r"|\ban?)\s+(?:[\w-]+\s+){0,2}?" + _VICTIM + r"\b", re.I)


def _listed(sentence: str, start: int, end: int, low: str, injured: bool = False) -> tuple[int, int] | None:
    """A figure stated as a list of victims, summed: (value, offset) -- of the killed, or with
    ``injured`` of the injured."""
    for pattern, quick in zip(*((INJURED_LIST_RES, _INJURED_LIST_LOW) if injured else (KILLED_LIST_RES, _KILLED_LIST_LOW))):
        m = pattern.search(sentence, start, end) if quick.search(low, start, end) else None
        if m:
            values = [parse_number(x.group(1)) for x in _ITEM_RE.finditer(m.group("list"))]
            if values and all(v is not None for v in values):
                return sum(v for v in values if v is not None), m.start("list")
    return None


def _figure(
    sentence: str, low: str, patterns: list[re.Pattern | LazyPattern], quick: list[re.Pattern | None], start: int = 0, end: int | None = None, lists: bool = False
) -> tuple[int, int] | None:
    """The first figure the patterns find in sentence[start:end]: (value, offset); with
    ``lists``, a list of victims summed first. ``low`` is the sentence folded, over which
    ``quick`` (the patterns folded, kg/casefold.py) tell cheaply which of them match at all."""
    end = len(sentence) if end is None else end
    best: tuple[int, int] | None = _listed(sentence, start, end, low, injured=patterns is INJURED_RES) if lists else None
    if best is not None:
        return best
    for pattern, fast in zip(patterns, quick):
        if fast is not None and fast.search(low, start, end) is None:
            continue
        for m in pattern.finditer(sentence, start, end):
            value = parse_number(m.group("num"))
            if value is None or (m.group("num").lower().endswith("dozen") and _ROUGHLY.search(sentence, max(0, m.start("num") - 15), m.start("num"))):
                continue  # ("over a dozen guards died": a rough count, no figure)
            # "one of the 12 people killed": the larger figure after "of the" is the count.
            if best is None or m.start("num") < best[1]:
                best = (value, m.start("num"))
            break
    return best


# "between 10 and 15 people", "10 to 15 people", "10-15 dead": a range states its lower bound,
# as "at least 10" does (not "between March 3 and 5", days of a month).
_RANGE = re.compile(
    r"(?<![\w,.])(?:(?P<between>between|from)\s+)?(?P<low>" + NUMBER + r")(?P<rest>\s*(?:[-–]|(?<=\s)to|(?<=\s)and)\s*(?P<high>" + NUMBER + r"))(?=\s+[a-z])",
    re.I,
)
_MONTH_BEFORE = re.compile(r"\b(?:" + "|".join(_MONTHS + _MONTH_ABBREVIATIONS) + r")\.?\s*$", re.I)


def _lower_bounds(sentence: str) -> str:
    """The sentence with each range of figures cut to its lower bound, offsets kept: the
    upper bound and its "and"/"to" become spaces ("between 10 and 15 people were killed" ->
    "between 10        people were killed", which the figure patterns read as 10)."""
    def cut(m: re.Match) -> str:
        low, high = parse_number(m.group("low")), parse_number(m.group("high"))
        word = m.group("rest").strip()[:1].lower()
        if low is None or high is None or low >= high or (word == "a" and not m.group("between")) or _MONTH_BEFORE.search(sentence, max(0, m.start() - 12), m.start()):
            return m.group()
        head = m.group()[: m.start("rest") - m.start()]
        if m.group("between"):
            head = " " * len(m.group("between")) + head[len(m.group("between")) :]
        return head + " " * len(m.group("rest"))

    return _RANGE.sub(cut, sentence)


_ROUGHLY = re.compile(r"\b(?:more\s+than|over|nearly|almost|about|around|some|roughly|approximately|close\s+to)\s+$", re.I)
_WHICH_BEFORE = re.compile(r",\s*(?:which|who)\s+(?:has|have|had)\b[^,;()]*$")
_QUOTED_FIGURE = re.compile(r"[\"“]((?:(?:up\s+to|at\s+least|about|around|nearly|more\s+than|over)\s+)?\d[\d,]*)[\"”]", re.I)


def casualties(sentence: str, start: int = 0, end: int | None = None) -> tuple[int | None, int | None]:
    """(killed, injured) as the sentence (or its part start:end) states them; None where it
    states no number. Period totals ("since the outbreak of the fighting") are not one attack's."""
    if '"' in sentence or "“" in sentence:
        # 'has killed "up to 100" people': a figure quoted from a source is still the toll
        # (the quote marks become spaces, so that offsets keep).
        sentence = _QUOTED_FIGURE.sub(lambda m: " " + m.group(1) + " ", sentence)
    if " and " in sentence or " to " in sentence or "-" in sentence or "–" in sentence:
        sentence = _lower_bounds(sentence)
    part = sentence[start:end]
    folded_sentence = fold_case(sentence)  # the word patterns run folded (kg/casefold.py): most sentences stop here
    low = folded_sentence[start:end]
    if _TOTAL_LOW.search(low) and ", wh" in low:
        # (a total in a clause of the group's own, "which has fought the army since April", is the
        # group's: that clause, figures and all, counts for nothing, offsets kept)
        for m in list(_TOTAL_LOW.finditer(low)):
            which = _WHICH_BEFORE.search(low, max(0, m.start() - 80), m.start())
            if which is not None:
                stop = next((c.start() for c in CLAUSE_END.finditer(sentence, m.end())), len(sentence))
                sentence = sentence[: which.start()] + " " * (stop - which.start()) + sentence[stop:]
        part, folded_sentence = sentence[start:end], fold_case(sentence)
        low = folded_sentence[start:end]
    if not _CASUALTY_LOW.search(low) or _TOTAL_LOW.search(low):
        return None, None
    lead = DATELINE_RE.match(sentence)
    if lead is not None and start < lead.end():
        # "PARAKOU, June 14 - Gunmen killed 9 policemen": the dateline's day is no toll.
        start = lead.end()
        part, low = sentence[start:end], folded_sentence[start:end]
    killed = _figure(sentence, folded_sentence, KILLED_RES, _KILLED_RES_LOW, start, end, lists=True) if _KILLED_LOW.search(low) else None
    injured = _figure(sentence, folded_sentence, INJURED_RES, _INJURED_RES_LOW, start, end, lists=True) if _INJURED_LOW.search(low) else None
    k = killed[0] if killed else (0 if NONE_KILLED_RE.search(part) else None)
    i = injured[0] if injured else (0 if NONE_HURT_RE.search(part) else None)
    if killed is None and _NONE_AT_ALL.search(part) and not re.search(r"\bimmediately\b", part, re.I):
        k = 0  # ("no casualties", "no one was hurt": none killed either)
    # A figure found by both ("22 killed and wounded") counts as killed only.
    if killed and injured and killed[1] == injured[1]:
        i = None
    return k, i


_KILLING = re.compile(r"\bkilling\b", re.I)


def phase_tolls(sentence: str) -> bool:
    """Whether the sentence gives the dead of two phases of an attack, each with its own
    participle ("..., killing one person ..., before attacking the village, killing about 20
    people"): two "killing N" clauses with figures that differ."""
    if len(_KILLING.findall(sentence)) < 2:
        return False
    figures = set()
    for m in _KILLING.finditer(sentence):
        k, _ = casualties(sentence, m.start(), next((c.start() for c in CLAUSE_END.finditer(sentence, m.end())), len(sentence)))
        if k is not None:
            figures.add(k)
    return len(figures) > 1


_ELIDED = re.compile(r"\b([\w-]+(?:\s+[\w-]+)?)\s+(?:others|more|people|civilians|persons)\b", re.I)


# ("killed two in Kharkiv, three in Sumy and one in Odesa": a bare figure before the place)
_ELIDED_BARE = re.compile(r"^[\s,;]*(?:and\s+)?(" + NUMBER + r")\s+(?:in|at|near|on)\s", re.I)


def elided_figure(part: str) -> int | None:
    """The figure of a list item whose verb stands in an earlier item ("and three others in
    Zaporizhzhia province", "..., three in Sumy"), or None."""
    bare = _ELIDED_BARE.match(part)
    if bare is not None and parse_number(bare.group(1)) is not None:
        return parse_number(bare.group(1))
    for m in _ELIDED.finditer(part):
        for words in (m.group(1), m.group(1).split()[-1]):
            n = parse_number(words)
            if n is not None:
                return n
    return None


# -- dates -----------------------------------------------------------------------

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
_MONTH_RE = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"

DATE_RE = re.compile(
    r"\b(?P<last>last\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:['’]s)?\b"
    r"|\b(?P<md>" + _MONTH_RE + r")\s+(?P<mday>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<myear>\d{4}))?\b"
    r"|\b(?P<dm>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmon>" + _MONTH_RE + r")(?:,?\s+(?P<dyear>\d{4}))?\b"
    r"|\b(?P<yday>yesterday)\b|\b(?P<today>today|this\s+morning|this\s+evening|tonight|earlier\s+today)\b"
    r"|\b(?P<night>overnight|last\s+night|during\s+the\s+night|in\s+the\s+night)\b"
    r"|\b(?P<holiday>New\s+Year['’]s\s+(?:Eve|Day)|Christmas\s+(?:Eve|Day))\b",
    re.I,
)


_HOLIDAYS = {"new year's eve": (12, 31), "new year's day": (1, 1), "christmas eve": (12, 24), "christmas day": (12, 25)}


def _month(name: str) -> int:
    key = name.lower().rstrip(".")[:3]
    return [m[:3] for m in MONTHS].index(key) + 1


def resolve_date(m: re.Match, published: dt.date) -> dt.date | None:
    """The calendar date a time expression names, relative to the article's date.

    A weekday is the latest such day on or before publication ("Sunday" in a Sunday
    article is that day, "last Sunday" the one before); a month and day without a year is the latest such date not
    more than a week after publication; "overnight" and "last night" are the night
    that ends on the publication date.
    """
    g = m.groupdict()
    if g["wd"]:
        back = (published.weekday() - WEEKDAYS.index(g["wd"].lower())) % 7
        if g["last"] and back == 0:
            back = 7  # "last Friday" in a Friday article is a week before
        return published - dt.timedelta(days=back)
    if g["md"] or g["dmon"]:
        month = _month(g["md"] or g["dmon"])
        day = int(g["mday"] or g["dm"])
        year = g["myear"] or g["dyear"]
        try:
            if year:
                return dt.date(int(year), month, day)
            candidate = dt.date(published.year, month, day)
            if candidate > published + dt.timedelta(days=7):
                candidate = dt.date(published.year - 1, month, day)
            return candidate
        except ValueError:
            return None
    if g["holiday"]:
        month, day = _HOLIDAYS[re.sub(r"\s+", " ", g["holiday"].lower().replace("’", "'"))]
        candidate = dt.date(published.year, month, day)
        return candidate if candidate <= published + dt.timedelta(days=7) else dt.date(published.year - 1, month, day)
    if g["yday"]:
        return published - dt.timedelta(days=1)
    if g["today"] or g["night"]:
        return published
    return None


_DAY_BEFORE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:and|&)\s+$")
_DAY_AFTER = re.compile(r"\s+(?:and|&)\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:people|were|killed|others|of|[ap]\.?m))")
_DAY_OPENS = re.compile(r"[\s\"“‘'(]*(?:(?:also|late|early)\s+)?(?:on\s+)?", re.I)
_NIGHT_OF = re.compile(r"\s*(?:on|of|into|,)?\s*(?:the\s+)?", re.I)


def dates_in(sentence: str, published: dt.date | None) -> list[tuple[int, dt.date]]:
    """Every date the sentence names, with its offset; none without a publication date
    unless the expression carries its year."""
    out = []
    matches = list(DATE_RE.finditer(sentence))
    lead = DATELINE_RE.match(sentence)
    if lead is not None and any(m.start() >= lead.end() and _report_date(sentence, m) for m in matches):
        # "PARAKOU, June 14 - Gunmen killed 9 policemen ..., an army officer said on Tuesday": a
        # sentence that tells the day of its telling makes the dateline's day that day, not the
        # attack's ("Bijapur, Jan 6 (PTI) Naxals blew up a vehicle ..., police said" keeps it).
        matches = [m for m in matches if m.start() >= lead.end()]
    # "overnight Wednesday", "Wednesday night, overnight": the night of the day named, that day.
    days = [m for m in matches if m.group("wd") or m.group("md") or m.group("dmon")]
    matches = [m for m in matches if not (m.group("night") and any(_NIGHT_OF.fullmatch(sentence, min(m.end(), d.end()), max(m.start(), d.start())) for d in days))]
    # "Saturday, August 5, 2017": the weekday and the date it opens are one day, told where the weekday is.
    opens = {id(m): n for m, n in zip(matches, matches[1:]) if m.group("wd") and (n.group("md") or n.group("dmon")) and re.fullmatch(r",?\s*(?:the\s+)?", sentence[m.end() : n.start()])}
    for m in matches:
        at = m.start()
        if id(m) in opens:
            m = opens[id(m)]
        if published is None:
            if (m.group("myear") or m.group("dyear")) is None:
                continue
            published_for = dt.date(int(m.group("myear") or m.group("dyear")), 12, 31)
            d = resolve_date(m, published_for)
        else:
            d = resolve_date(m, published)
        if d is not None and not _report_date(sentence, m):
            out.append((at, d))
            # "on 9 and 10 August", "August 9 and 10": the other day of the pair, at its own offset
            other = _DAY_BEFORE.search(sentence, max(0, m.start() - 12), m.start()) if m.group("dm") else _DAY_AFTER.match(sentence, m.end()) if m.group("md") else None
            if other is not None:
                try:
                    out.append((other.start(1), d.replace(day=int(other.group(1)))))
                except ValueError:
                    pass
    return sorted(out)


# "a statement released Monday", "officials said on Sunday", "told reporters Friday", "told The
# Associated Press on Thursday": the day of the telling, not of the attack.
_TOLD_BEFORE = re.compile(
    r"\b(?:said|says|told(?:\s+\w+){0,3}?|statement|released|issued|published|announced|reported|posted|confirmed|added|stated|revealed|disclosed)\s+(?:late\s+|early\s+)?(?:on\s+)?$",
    re.I,
)
_TOLD_AFTER = re.compile(r"^\s*,?\s*(?:said|told|announced|confirmed|stated|revealed|disclosed)\b", re.I)
# "On Wednesday evening, the army revealed that ten soldiers were killed ...": a day that
# opens the sentence and whose subject then tells is the telling's day, the attack's is
# told inside ("... were killed earlier this week", "... late on Thursday").
_OPENS = re.compile(r"^\W*(?:(?:late|early)\s+)?(?:on\s+)?$", re.I)
_OPENS_TELLING = re.compile(
    r"(?:\s+(?:morning|afternoon|evening|night))?\s*,\s*(?:[\w'’.-]+\s+){1,5}?(?:said|says|revealed|disclosed|told|announced|confirmed|reported|stated)\b(?!\s*[.,;]|\s*$)",
    re.I,
)


def _report_date(sentence: str, m: re.Match) -> bool:
    if m.group().endswith(("'s", "’s")) or sentence.startswith(("'s", "’s"), m.end()):
        return False  # "officials said Saturday's attack ...": the attack's day
    if _TOLD_BEFORE.search(sentence, max(0, m.start() - 40), m.start()) or _TOLD_AFTER.match(sentence[m.end() : m.end() + 20]):
        return True
    return m.group("wd") is not None and _OPENS.match(sentence[: m.start()]) is not None and _OPENS_TELLING.match(sentence, m.end(), m.end() + 80) is not None


# Where a clause ends: what a date, an attacker or a total must stand within.
# (an acronym in brackets ends no clause: "a landmine (IED) laid by the CPI (Maoist)")
CLAUSE_END = re.compile(r"[,;:—–]|\((?![A-Z][A-Za-z&.-]{0,10}\))|\)")
_ACRONYM_END = re.compile(r"\([A-Z][A-Za-z&.-]{0,10}\)$")


def _closes_acronym(sentence: str, m: re.Match) -> bool:
    """Whether a clause break found is the bracket closing an acronym ("(IED)")."""
    return m.group() == ")" and _ACRONYM_END.search(sentence, max(0, m.start() - 12), m.end()) is not None


def clause_around(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The offsets of the clause that holds sentence[start:end]: from the last clause
    break before it to the first after it."""
    lo = max((m.end() for m in CLAUSE_END.finditer(sentence, 0, start) if not _closes_acronym(sentence, m)), default=0)
    hi = next((m.start() for m in CLAUSE_END.finditer(sentence, end) if not _closes_acronym(sentence, m)), len(sentence))
    return lo, hi


def date_near(sentence: str, trig: re.Match, dates: list[tuple[int, dt.date]], triggers: int) -> dt.date | None:
    """The date of the attack a trigger reports: one named in the trigger's clause, else
    the sentence's only date when the sentence reports one attack."""
    if not dates:
        return None
    lo, hi = clause_around(sentence, trig.start(), trig.end())
    near = [(abs(off - trig.start()), d) for off, d in dates if lo <= off < hi]
    if near:
        return min(near, key=lambda x: x[0])[1]
    if triggers == 1 and len({d for _, d in dates}) == 1:
        return dates[0][1]
    if len({d for _, d in dates}) == 1 and _DAY_OPENS.fullmatch(sentence, 0, dates[0][0]):
        return dates[0][1]  # ("Yesterday, the enemy attacked X twice and carried out a strike there": the day of them all)
    if trig.group(0).lower().endswith("ing") and not sentence[lo : trig.start()].strip(" ,;:—–"):
        # "... a fresh attack on the capital early Tuesday, targeting a community in X": a
        # participle that opens its clause goes on telling the attack before it, and its date.
        before = [(off, d) for off, d in dates if off < lo]
        if before:
            return before[-1][1]
    return None


# "The raid came two days after a police officer was killed in a rebel attack on X": the
# attack told after "came ... after" is an earlier one, not the sentence's subject.
CAME_AFTER = re.compile(r"\b(?:came|comes|coming|follow(?:ed|s|ing))\s+(?:(?:just|only|barely|shortly|a|an|one|two|three|four|five|few|several|\d+|days?|hours?|weeks?)\s+){0,4}?(?:after|since)\b", re.I)
_CAME_AFTER_LOW = folded(CAME_AFTER)


def came_after(low: str, trig: re.Match) -> bool:
    """Whether the attack word follows "came a day after": "The strike came a day after a
    soldier was killed in an attack on X" -- X's attack is an earlier, other one than the
    sentence's subject. ``low`` is the sentence folded."""
    hit = _CAME_AFTER_LOW.search(low, 0, trig.start())
    return hit is not None and hit.start() > 0


def retold_day(sentence: str, trig: re.Match, triggers: list[re.Match], anaphors: list[re.Match], dates: list[tuple[int, dt.date]], places: int) -> dt.date | None:
    """The day of the attack a trigger reports (kg/eventcues.date_near), or, in a sentence of
    one place, the day the clause of its "the attack" names: "the attack hit a convoy on
    Thursday morning, when it ran into an ambush in X" -- both words tell one attack."""
    day = date_near(sentence, trig, dates, len(triggers))
    if day is not None or places != 1:
        return day
    ends = {m.end() for m in anaphors}
    for other in triggers:
        if other is not trig and other.end() in ends:
            lo, hi = clause_around(sentence, other.start(), other.end())
            near = [d for off, d in dates if lo <= off < hi]
            if len(set(near)) == 1:
                return near[0]
    return None
