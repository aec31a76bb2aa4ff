"""Event words: what in a sentence says that an attack happened, and what each name
around it plays in the attack.

Regular expressions over plain text, used by the event extractor (kg/events.py):
trigger words and the senses that are not attacks; cues that an attack did not happen
(threats, denials, campaigns); cues of the attacker (subject of an attack verb, "by X",
"X claimed responsibility"); cues of the place hit ("in", "on", "the town of") and of
places that are not (launch origins, datelines, bodies named after a place, reactors).
"""

from __future__ import annotations

import re

from kg.mentions import PLACE_HEADS

# Words that report an attack. Nouns and verbs; the exclusions below take out the
# senses that are not attacks ("hunger strike", "attack helicopter", "hit back").
TRIGGER_RE = re.compile(
    r"\b(?:air[\s-]?strikes?|air[\s-]?raids?|(?:drone|missile|rocket|artillery|mortar|suicide|kamikaze)[\s-](?:strikes?|attacks?)"
    r"|strikes?|struck|striking|attacks?|attacked|attacking|shelling|shelled|bombardments?|bombarded|bombarding"
    r"|bombings?|bombed|barrages?|blasts?|explosions?|exploded|detonated|blew\s+(?:themselves|himself|herself)\s+up|blew\s+up|blown\s+up"
    r"|suicide\s+bomb(?:ings?|ers?)?|car\s+bomb(?:ings?|s)?|ambush(?:ed|es)?|raids?|raided|assaults?|assaulted"
    r"|targeted|targeting|hit|hits|hitting|pounded|pounding|fired\s+(?:on|at|upon|into)|opened\s+fire|massacred?|stormed|invaded|overran"
    # ("A further shooting was reported in X", "A grenade was hurled at a checkpoint")
    r"|shootings?|(?:bombs?|grenades?|explosives?|IEDs?|devices?)\s+(?:was|were)\s+(?:thrown|hurled|lobbed|planted|detonated)"
    # ("a roadside device destroyed a patrol truck": the device that did it; "a mine laid by the
    # rebels under the road tore through a bus": and who put it there, inside the attack words)
    r"|(?:bombs?|devices?|IEDs?|explosives?|(?:land)?mines?|charges?)(?:\s+(?:planted|laid|placed|hidden|buried|left|rigged)(?:\s+[\w'’-]+){0,8}?)?\s+(?:damaged|destroyed|wrecked|ripped\s+through|tore\s+through)"
    r"|(?:bombs?|devices?|IEDs?|explosives?|mines?|grenades?|charges?)\s+went\s+off|behead(?:ed|ing|ings)?|shot\s+dead|gunned\s+down|hacked\s+to\s+death"
    # ("set fire to the mayor's office", "torched homes": arson, when assailants do it -- ENTRY_TRIGGER)
    r"|set\s+(?:fire\s+to|ablaze)|torched|burn[et]d?\s+down"
    r"|(?:launched|launching|fired|firing|dropped|dropping|set\s+off)(?=(?:\s+[\w-]+){0,4}?\s+(?:missiles?|rockets?|drones?|bombs?|shells?|munitions|projectiles|mortars?)\b))\b",
    re.I,
)
# "stormed", "invaded", "overran" report an attack only with assailants as their subject
# ("gunmen stormed the village"; not "since Russia invaded Ukraine", "fans stormed the pitch").
ENTRY_TRIGGER = re.compile(r"(?:stormed|invaded|overran|set\s+fire\s+to|set\s+ablaze|torched|burn[et]d?\s+down)$", re.I)
ASSAILANT_BEFORE = re.compile(
    # ("The raiders, thought to be from the X, invaded ...": a hedge in commas between them and the verb)
    r"\b(?:attackers|assailants|gunmen|militants|insurgents|terrorists|bandits|jihadists|rebels|fighters|militiamen|raiders)\b(?:\s*,[^,;.]{1,70},)?(?:\s+(?!and\b|or\b)[\w'’()-]+){0,8}?\s+(?:\w+ly\s+|also\s+|then\s+|had\s+|have\s+|and\s+)?$",
    re.I,
)
NOT_ATTACK_BEFORE = re.compile(
    r"(?:hunger|general|\bnation(?:al|wide)|labou?r|workers['’]?|teachers['’]?|heart|cyber|panic|asthma|verbal|personal|price|police|lucky|pre-emptive\s+|film|photo|movie|video|trouble|sharp)\s*$",
    re.I,
)
NOT_ATTACK_AFTER = re.compile(
    # ("strike a deal"; "attack helicopters", but not "targeted a vehicle")
    r"^(?:\s+(?:a\s+)?(?:deal|balance|agreement|chord|pose)\b|\s+(?:back|out|list|helicopters?|drones?|aircraft|submarines?|jets?|boats?|dogs?|vehicles?|capabilit(?:y|ies)|force\b|song|single|record|sanctions|range|ranges|star|stars)\b|-(?:class|type))",
    re.I,
)
# Words before a trigger (in its clause) that make it no report of an attack that happened.
IRREALIS_RE = re.compile(
    r"\b(?:would|could|might|may|will|shall|threat(?:en|ens|ened|ening)?|vow(?:s|ed|ing)?|warn(?:s|ed|ing)?|plan(?:s|ned|ning)?|plot(?:s|ted|ting)?"
    r"|attempt(?:s|ed|ing)?|tr(?:y|ies|ied)\s+to|prepar(?:e|es|ed|ing)\s+(?:for|to)|intend(?:s|ed)?|ready\s+to|if|unless|in\s+the\s+event\s+of|den(?:y|ies|ied|ying)|rejected|no\s+evidence|fears?\s+of"
    r"|possible|potential|future|consider(?:s|ed|ing)?|weigh(?:s|ed|ing)?|mull(?:s|ed|ing)?|prevent(?:ed|ing)?|avoid|deter|foil(?:ed|s)?|thwart(?:ed|s)?|against\s+any|retaliat(?:e|ion)\s+for|calls?\s+for|ceasefire|halt|stop"
    r"|brac(?:e|es|ed|ing)\s+for|expect(?:s|ed|ing)?|anticipat\w+|regular(?:ly)?|repeated(?:ly)?|routine(?:ly)?|frequent(?:ly)?|often|usually|typically|generally|daily|nightly|constant(?:ly)?|almost\s+every|legitimate|capabilit(?:y|ies)|ability)\b|\bto\s+(?:\w+ly\s+)?$",
    re.I,
)
# "the attacks have had on shipping", "its strikes", "a slew of attacks": attacks in general,
# unless their clause gives a figure, a day, damage (GENERIC_PLURAL_SPECIFIC) or a casualty word.
# ("no commander orders this kind of suicide attacks alone": attacks of a kind)
# ("a months-long push against the rebels in the hills, involving airstrikes and artillery fire": what a campaign involves)
GENERIC_PLURAL_BEFORE = re.compile(r"(?:\b(?:the|its|their|our|his|her|such|involving|most|many|numerous|frequent|repeated|previous|past|recent|similar)|\b(?:slew|spate|string|series|campaign|wave|level|kind|sort|type)\s+of|\b(?:post|base|point|ground|pad|platform|springboard|hub|haven|sanctuary)\s+for)\s+(?:\w+\s+)?$", re.I)
# "has endured intensified RSF attacks", "has come under mounting bombardment": a campaign,
# unless the clause gives a figure, a day or damage (GENERIC_PLURAL_SPECIFIC) or a casualty word.
CAMPAIGN_WORDS = frozenset(
    "intensified intensifying mounting escalating escalated increasing increased increase increases growing continued continuing persistent relentless sporadic recurring incessant ceaseless near-daily".split()
)


def campaign_before(before: str) -> bool:
    """Whether one of the three words before an attack word says a campaign ("intensified
    RSF attacks"): a set look-up on the last words, not a pattern run at every offset."""
    return any(w in CAMPAIGN_WORDS for w in before[-60:].lower().split()[-3:])

GENERIC_PLURAL_TRIGGER = re.compile(r"(?:attacks|strikes|airstrikes|raids|bombings)$", re.I)
GENERIC_PLURAL_SPECIFIC = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds|scores|yesterday|today|tonight|overnight|last\s+night|morning|evening"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|destroy|damag)",
    re.I,
)
# "which the Russians are attacking", "has been shelling for weeks": a campaign, not one attack.
ONGOING_RE = re.compile(r"\b(?:are|is|were|was|have\s+been|has\s+been|had\s+been|keep|kept|continue[sd]?\s+to)\s+(?:\w+ly\s+)?(?:attacking|shelling|bombing|targeting|striking|pounding|hitting|raiding)$", re.I)
CLAUSE_BREAK = re.compile(r"[,;:—–()\"“”]|\b(?:but|while|whereas|although|after|before|as)\b", re.I)
# Verbs whose subject is the attacker ("the RSF launched", "Russia fired").
ACTOR_VERB = re.compile(
    # ("the Lashkar-e-Taiba outfit has carried out the ambush")
    r"^\s*(?:\([^()]{1,20}\)\s*|\)\s*)?(?:(?:dissidents?|militants?|fighters|rebels|insurgents|jihadists|guerrillas|gunmen|members|outfit|cadres?|operatives)\s+)?"
    # ("Sudan's army-led government on Monday carried out air raids": a state's own body)
    r"(?:['’]s\s+(?:[\w-]+\s+)?(?:government|authorities|army|military|armed\s+forces|forces|troops)\s+)?"
    r"(?:on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+)?"
    r"(?:also\s+|again\s+|reportedly\s+|allegedly\s+|had\s+|has\s+|have\s+)?(?:launched|launches|launch|carried\s+out|blew\s+up|detonated|set\s+off|carries\s+out|conducted|fired|fires|struck|strikes|attacked|attacks|shelled|bombed|bombarded|targeted|targets|hit|hits|pounded|unleashed|used|sent|deployed|claimed|claims|stormed|raided|ambushed|killed|kills|opened\s+fire"
    r"|assaulted|assaults|overran|invaded|massacred|beheaded|torched|set\s+fire\s+to)\b",
    re.I,
)
BY_ACTOR = re.compile(r"(?<!\bset\sup\s)(?<!\bstationed\s)(?<!\bestablished\s)(?<!\bbuilt\s)(?<!\bmanned\s)(?<!\bguarded\s)(?<!\bcontrolled\s)(?<!\boperated\s)(?<!\brun\s)(?<!\bheld\s)(?<!\bbacked\s)(?<!\bowned\s)(?<!\bled\s)(?<!\bused\s)\b(?:by|blamed\s+on|blames?\s+on|attributed\s+to|from)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$", re.I)
# "The raid on the market was led by the Black Ridge gang": the attack word the subject, its doer after "by".
DONE_BY = re.compile(r"\b(?:was|were|been)\s+(?:reportedly\s+|allegedly\s+|apparently\s+)?(?:led|carried\s+out|conducted|launched|perpetrated|staged|committed|mounted)\s+by\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}"
    # ("mounted by the crew from the X quarter called the Vipers": the name it goes by)
    r"(?:[^,.;]{0,40}?\s+(?:known|called)\s+as\s+(?:the\s+)?)?$", re.I)
# "X claimed both attacks", "X claimed responsibility for the bombings", "the two attacks were
# claimed by X": a claim of several attacks told before -- each of them X's.
_SEVERAL = r"(?:attacks|strikes|airstrikes|bombings|blasts|assaults|raids|explosions|killings|ambushes)"
_CLAIM_SCOPE = r"(?P<scope>both(?:\s+(?:\w+\s+)?" + _SEVERAL + r")?|(?:all\s+(?:of\s+)?)?(?:the|these|those)\s+(?:(?P<count>two|twin|three|four|five)\s+)?(?:\w+\s+)?" + _SEVERAL + r")\b"
CLAIMED_SEVERAL = re.compile(
    r"^\s*(?:\([^()]{1,20}\)\s*|\)\s*)?(?:(?:terrorist|militant|jihadist|armed|extremist|rebel|insurgent)\s+)?(?:(?:group|militia|movement|organi[sz]ation)\s+)?(?:,[^,;]{1,60},\s*)?"
    r"(?:(?:later|has|have|had|quickly|swiftly|also)\s+)*(?:claimed|claims|claiming)\s+(?:(?:responsibility|credit)\s+(?:for\s+)?)?" + _CLAIM_SCOPE,
    re.I,
)
CLAIMED_SEVERAL_BY = re.compile(r"\b" + _CLAIM_SCOPE + r"\s+(?:were|have\s+been|had\s+been)\s+(?:later\s+)?claimed\s+by\s+(?:the\s+)?$", re.I)
# "X claimed responsibility", "X (XG) on Sunday claimed the attack".
_WHEN = r"(?:(?:on|late|early|late\s+on|early\s+on)\s+[A-Z]\w+\s+|yesterday\s+|today\s+|overnight\s+|later\s+|quickly\s+|swiftly\s+)?"
# ("The Islamic State group later claimed the bombing": the group noun after the name.)
CLAIMED = re.compile(
    r"^\s*(?:\([^()]{1,20}\)\s*|\)\s*)?(?:(?:(?:terrorist|militant|jihadist|armed|extremist|rebel|insurgent)\s+)?(?:group|militia|movement|organi[sz]ation)\s+)?(?:,[^,;]{1,60},\s*)?" + _WHEN + r"(?:has\s+|had\s+|have\s+)?(?:claimed|claims|claiming)\s+" + _WHEN + r"(?:responsibility|the\s+attack|the\s+strike|the\s+bombing|an?\s+attack)",
    re.I,
)
# "The Kibuye group, a militia active in the hills, was responsible for the ambush",
# "militants believed to be behind the attack": who a later sentence says did it.
RESPONSIBLE_AFTER = re.compile(
    r"^\s*(?:\([^()]{1,20}\)\s*|\)\s*)?(?:(?:group|militia|movement|rebels|fighters|militants)\b\s*)?(?:,[^,;]{1,80},\s*)?"
    r"(?:(?:was|were|is|are|has\s+been|have\s+been)\s+)?(?:(?:likely|probably|widely|also)\s+)?(?:(?:believed|thought|said|suspected|accused|blamed)\s+(?:to\s+(?:be|have\s+been)\s+)?)?"
    r"(?:responsible\s+for|behind|involved\s+in)\s+(?:the|this|that|these|those|Saturday's|Sunday's|Monday's|Tuesday's|Wednesday's|Thursday's|Friday's)\b",
    re.I,
)
# "Al-Shabaab ... when it attacked the mall": a pronoun subject of the attack verb.
PRONOUN_SUBJECT = re.compile(r"\b(?:it|they)\s+(?:also\s+|then\s+|had\s+|has\s+|have\s+)?$", re.I)
# "They shot dead four guards ...": a sentence whose subject is the group named just before.
THEY_OPEN = re.compile(r"^\W*They\s+(?:also\s+|then\s+|later\s+|had\s+|have\s+)?\w+(?:ed)?\b")
# "The group said its fighters fired rockets": the armed group named before.
GROUP_ANAPHOR = re.compile(r"\b(?:the\s+(?:group|militia|militants|rebels|insurgents|jihadists|jihadist\s+group|armed\s+group|militant\s+group|rebel\s+group)|its\s+(?:fighters|militants|members))\b", re.I)
# The nouns an article calls a group of attackers by, before it says who they were.
_ATTACKERS = r"(?:attackers|assailants|gunmen|militants|perpetrators|raiders|bombers?|fighters|rebels|insurgents|killers)"
# "The raiders belonged to a breakaway wing of the Northern Hills Front", "fighters
# belonging to the X rebel group came into a hamlet": who they were.
BELONGED_BEFORE = re.compile(
    r"\b" + _ATTACKERS + r"\s+(?:\w+\s+)?(?:belonged|belong|belonging|were\s+members)\s+(?:to|of)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?(?:(?:faction|wing|cell|unit|branch)\s+of\s+)?(?:the\s+)?$",
    re.I,
)
# "cut down by gunmen suspected to be X militants", "slain by suspected rebels from
# the X", "killed by suspected X insurgents": who the article, hedging, says the attackers were --
# a hedge is still the article's word on who attacked (as "blamed on X" is).
SUSPECTED_BEFORE = re.compile(
    # (", believed to be from X,": the hedge as an apposition)
    r"\b(?:" + _ATTACKERS + r"|men),?\s+(?:\w+\s+)?(?:suspected|believed|thought|alleged)\s+to\s+(?:be|have\s+been)\s+"
    r"(?:(?:members|fighters|militants)\s+of\s+|from\s+)?(?:the\s+|an?\s+)?$"
    # "Officials said the attackers were X rebels", "the gunmen were believed to be from X"
    r"|\b(?:attackers|assailants|gunmen|perpetrators|raiders|killers)\s+(?:were|are)\s+(?:(?:believed|thought|said|suspected)\s+to\s+(?:be|have\s+been)\s+)?(?:(?:members|fighters|militants)\s+of\s+|from\s+)?(?:the\s+|an?\s+)?$"
    r"|\b(?:by|of)\s+(?:the\s+)?(?:suspected|alleged|presumed)\s+(?:rebels|militants|fighters|insurgents|members|jihadists|gunmen)\s+(?:from|of|belonging\s+to)\s+(?:the\s+)?$",
    re.I,
)
# "by suspected X rebels": the same hedge, the group's name before its noun.
# "The Islamic State is suspected", "X is widely blamed for the bombing", "X was suspected of
# staging the raid": who the article says is suspected, the name the sentence's subject.
SUSPECTED_AFTER = re.compile(
    r"^\s*(?:\([^()]{1,20}\)\s*)?(?:(?:group|militia|movement|rebels|fighters|militants)\b\s*)?(?:,[^,;]{1,60},\s*|,\s*)?(?:was|were|is|are|has\s+been|have\s+been)\s+(?:(?:widely|also|strongly|initially)\s+)?(?:suspected|blamed|accused)"
    r"(?=\s*[.;]|\s*$|\s+(?:of\s+(?:carrying|staging|launching|mounting|conducting|being\s+behind|the|an?|this|that|these|involvement|killing|attacking|massacring)|for\s+(?:the|this|that|these|those)|by)\b)",
    re.I,
)
# "Police suspected the Pakistani Taliban", "officials suspect X of the bombing": whom the tellers suspect.
SUSPECT_VERB_BEFORE = re.compile(
    r"\b(?:police|officials|authorities|investigators|officers|sources|army|military|government|ministry|they)\s+(?:\w+\s+)?(?:suspect|suspects|suspected)\s+(?:that\s+)?(?:the\s+)?$",
    re.I,
)
SUSPECTED_NAME = re.compile(r"\b(?:suspected|alleged|presumed)\s+$", re.I)
SUSPECTED_NOUN_AFTER = re.compile(r"\s*(?:\([^()]{1,15}\)\s*)?(?:rebels|militants|fighters|insurgents|jihadists|gunmen|terrorists|militiamen|militias?)\b", re.I)
RESPONSIBLE_BEFORE = re.compile(
    r"\b(?:blamed|blames|blaming)\s+(?:the\s+)?(?:attack|attacks|killings|massacre|bombing|strike|strikes)?\s*(?:on\s+)?(?:the\s+)?$"
    # "Officials attributed the attack to X", "Suspicion fell on X"
    r"|\b(?:attributed|attributes|attributing)\s+(?:the\s+|this\s+|that\s+)?(?:\w+\s+)?(?:attacks?|killings|massacre|bombings?|blasts?|strikes?|raids?|ambush)\s+to\s+(?:the\s+)?$"
    r"|\bsuspicion\s+(?:\w+\s+)?(?:fell|falls|has\s+fallen|rests|rested)\s+on\s+(?:the\s+)?$",
    re.I,
)
# Words that may stand between an attacker's name or adjective and the attack word.
_FUNCTION = r"(?:by|in|on|at|of|to|from|with|and|or|but|the|a|an|was|were|is|are|has|have|had|said|says|that|which|who|as|for|after|before|since|than|its|their|his|her)"
MODIFIER_GAP = re.compile(r"^(?:['’]s)?(?:\s+(?!" + _FUNCTION + r"\b)[\w-]+){0,3}\s*$", re.I)
# Words before a place that say it was hit ("struck the city of", "in the Sumy region's").
_PLACE_NOUN = r"(?:city|town|village|villages|region|province|district|camp|area|port|capital|settlement|neighbou?rhood|suburb|outskirts)"
TARGET_BEFORE = re.compile(
    r"(?:\b(?:in|on|at|near|against|targeting|targeted|hit|hitting|struck|striking|into|onto|toward|towards|outside|across|over|shelled|bombed|attacked|pounded)"
    r"(?:\s+the)?(?:\s+(?:[a-z-]+)){0,2}?(?:\s+" + _PLACE_NOUN + r"(?:\s+of)?)?,?\s*"
    r"|\b" + _PLACE_NOUN + r"\s+of\s+)$",
    re.I,
)
# A place named as where a launch came from, or a body named after it, is not what was hit.
# ("... terrorists who escaped back into Mali": where the attackers went after)
NOT_TARGET_BEFORE = re.compile(r"\b(?:(?:from|by|to|with|towards?|bound\s+for)\s+(?:the\s+)?|(?:escaped|fled|retreated|withdrew|returned|crossed)\s+(?:back\s+)?(?:in)?to\s+(?:the\s+)?|(?:reported|according\s+to)\s+|(?:based|stationed|posted|headquartered)\s+(?:at|in)\s+(?:the\s+)?|call(?:ed|s|ing)?\s+on\s+|urg(?:ed|es|ing)\s+|told\s+|asked\s+|accus(?:ed|es|ing)\s+|blam(?:ed|es|ing)\s+)$", re.I)
# "one died at the Garrison General Hospital", "were flown to a hospital in Peshawar": where the
# wounded were cared for, not where the attack was; nor where those who tell of it are.
CARE_BEFORE = re.compile(
    r"\b(?:treated|taken|rushed|admitted|evacuated|airlifted|transferred|shifted|moved|referred|hospitali[sz]ed)\s+(?:\w+\s+){0,3}?(?:at|in|to)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}$"
    r"|\b(?:died|succumbed(?:\s+to\s+\w+)?)\s+(?:\w+\s+){0,2}?at\s+(?:the\s+|a\s+)?$"
    # "are undergoing treatment at Kelem hospital", "was receiving medical care in": the care, not the attack
    r"|\b(?:undergoing|receiving|received|getting|under|given)\s+(?:\w+\s+)?(?:treatment|care)\s+(?:at|in)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}$"
    # "Doctors at the Al-Salam Hospital in Beit Nour said": where those who tell it are.
    r"|\b(?:sources|doctors|medics|staff|officials|workers|spokes(?:man|woman|person))\s+(?:at|in)\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,4}?(?:(?:hospital|clinic|centre|center)\s+in\s+)?$"
    # "a witness said in the provincial capital Kindu", "told Reuters from Bamako": where the teller spoke.
    r"|\b(?:said|says|told\s+[\w-]+|speaking)\s+(?:on\s+\w+\s+)?(?:in|from)\s+(?:the\s+)?(?:(?:provincial|regional|state|district|national)\s+)?(?:(?:capital|city|town)\s+(?:of\s+)?)?$"
    # "Dr. Karim Haddad, director of Selwa Hospital, said ...": the teller's institution.
    r"|\b(?:director|directors|head|chief|dean|manager|administrator|staff|doctors?|nurses?|medics?|workers?)\s+(?:of|at)\s+(?:the\s+|a\s+)?$",
    re.I,
)
# "24 drones were shot down over the Chernihiv, Sumy and Kharkiv oblasts": where weapons were
# shot down is no place hit.
DOWNED_BEFORE = re.compile(
    r"\b(?:downed|shot\s+down|intercepted|destroyed|neutrali[sz]ed|repelled)\s+(?:[\w-]+\s+){0,3}?(?:over|above)\s+(?:the\s+)?(?:[\w'’-]+(?:,\s+|\s+and\s+|\s+))*$",
    re.I,
)
# "Kharkiv-made", "Iran-backed", "a Moscow-based group": a place that qualifies a name.
QUALIFIED_AFTER = re.compile(r"^\s*[-–]?\s*(?:made|based|backed|linked|born|controlled|flagged|owned|operated|brokered|led|run|allied|aligned)\b", re.I)
REACTION_RE = re.compile(
    r"\b(?:condemn(?:ed|s|ing)?|decri(?:ed|es)|denounc(?:ed|es|ing)|deplor(?:ed|es)|mourn(?:ed|s)|saddened|shocked|rejection\s+of|reiterated|expressed|offered\s+condolences|sympath\w+)\b",
    re.I,
)
# A place after "from" in its clause, with no word of hitting between, is where a launch came from.
# ("fighters from the ADF stormed Kalemba village": a verb of attack after "from" says the place is hit)
# ("inmates fled from a prison in X after gunmen stormed it": where they fled from was attacked)
ORIGIN_BEFORE = re.compile(r"(?<!escaped\s)(?<!fled\s)(?<!freed\s)(?<!released\s)(?<!evacuated\s)(?<!rescued\s)(?<!out\s)\bfrom\b(?![^,;]*\b(?:on|at|against|targeting|into|toward|towards|hitting|hit|hits|struck|stormed|invaded|overran|attacked|raided|ambushed|shelled|pounded|slammed|bombed|landed|killed|killing|damaged|destroyed)\b)[^,;]*$", re.I)
TERRITORY_RE = re.compile(r"\b([A-Z][a-z]+)\s+(?:territory|soil|cities|towns|villages|regions|positions|infrastructure)\b")
# A place that does something ("Moscow launched", "Russia hit port infrastructure") is not what was hit.
SUBJECT_AFTER = re.compile(
    r"^\s+(?:has\s+|have\s+|had\s+|also\s+|again\s+|then\s+|later\s+)?(?:launch(?:ed|es)|continu(?:ed|es)|said|says|accus(?:ed|es)|claim(?:ed|s)|fir(?:ed|es)|sent|sends|deni(?:ed|es)|warn(?:ed|s)"
    r"|carri(?:ed|es)|retaliat(?:ed|es)|masterminded|orchestrated|ordered|organi[sz]ed|planned|vow(?:ed|s)|respond(?:ed|s)|blam(?:ed|es)|struck|strikes|attack(?:ed|s)|shell(?:ed|s)|bomb(?:ed|s)|target(?:ed|s)|hit|hits|pound(?:ed|s)|unleash(?:ed|es)|stepped|intensifi(?:ed|es))\b",
    re.I,
)
BODY_AFTER = re.compile(
    r"^(?:['’]s?)?\s+(?:[a-z]+\s+)?(?:armed\s+forces|(?:army|military)(?!\s+(?:camp|base|post|outpost|barracks|positions?|airport|airfield|hospital|academy|checkpoint)s?\b)|air\s+force|air\s+defen[cs]es?|navy|forces|troops|soldiers|government|ministry|defen[cs]e|president|leader|officials?|authorities|governor|mayor|police|emergency|general\s+staff"
    # ("..., Marol County Commissioner Peter Gatluak said": the teller's office)
    r"|commissioner|administrator|prefect|sub-prefect|chairman|lawmaker|legislator|senator|council|councillor|spokes(?:man|woman|person)"
    # ("Dhalpur Superintendent of Police Ravi Bhandari said": the teller's office)
    r"|superintendent|inspector[\s-]general|director[\s-]general|chief\s+minister|deputy\s+commissioner|police\s+chief"
    r"|(?:air|drone|missile|rocket)?[\s-]?(?:strikes?|attacks?|raids?)|shelling|bombing|bombardment|drones?|missiles?|rockets?|bases?|embassy|embassies|consulate|compound|personnel|citizens|nationals|ships?|vessels?|warships?|aircraft|jets|warplanes|offensive|invasion|war)\b",
    re.I,
)
# "The incident occurred some 70 nautical miles (130km) east of the Yemeni port of Mukalla": told
# of an attack already told, a distance from a place only says how far from it the attack was.
DISTANCE_BEFORE = re.compile(
    r"\d[\d.,]*\s*(?:nautical\s+)?(?:km|kilometres|kilometers|miles)\s+(?:\([^()]{1,25}\)\s+)?(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of\s+(?:the\s+)?"
    r"(?:[\w-]+\s+)?(?:(?:city|town|port|village|capital)\s+of\s+)?$",
    re.I,
)
# "Africom, which oversees US forces in Africa, said two sailors had been hurt":
# a body's remit, told in a clause of its own, is no place hit.
REMIT_BEFORE = re.compile(r",\s*(?:which|who|that)\s+(?:oversees|covers|runs|leads|commands|monitors|operates|patrols|is\s+responsible\s+for)\s+[^,;]{0,50}$", re.I)
# Words before or after a place that say it was not what the attack hit.
NEAR_BEFORE = re.compile(r"\b(?:near|close\s+to|bordering|(?:on|along|across)\s+the\s+border\s+with|next\s+to)\s+(?:the\s+)?$", re.I)
# "The ambush comes amid a sharp rise in rebel raids in Sindh": the setting.
SETTING_BEFORE = re.compile(
    r"\bamid\s+(?:a|an|the)?\s*(?:\w+\s+)?(?:surge|rise|wave|spate|increase|uptick|escalation|resurgence|upsurge)\s+(?:of|in)\s+[^,;.]*$"
    # "a string of raids tied to the war against the Houthis in Yemen": where a war is fought
    r"|\b(?:war|conflict|insurgency|offensive)\s+(?:(?:on|against|with)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?\s+)?in\s+(?:the\s+)?$",
    re.I,
)
# "the prefect of Sanbori town, told AFP", "A spokesman for the army in the Malian capital,
# Bamako, told RFI": a place in who tells of the attack (with TELLS_AFTER) is where the teller is.
TELLER_BEFORE = re.compile(
    r"\b(?:spokes(?:man|woman|person)|officials?|mayor|governor|commissioner|administrator|representative|lawmaker|chairman|head|chief|government|administration|authorities|ministry)\b(?:\s+(?:of|for|in|at)\b)[^.;:“”\"]{0,80}$", re.I
)
# (the teller's name may stand between: "Head of the chiefdom of Bakanza, Jean-Pierre Lusamba, said")
TELLS_AFTER = re.compile(
    r"^(?:\s+(?:town|city|village|district|province|region|state|county|area|chiefdom|territory))?\s*,?\s*(?:(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*\s*,\s*)?(?:told|said|says|confirmed|declared|announced|stated)\b"
)
# "a drone strike wounded two people in a village east of Zaporizhzhia": the place only says
# where the unnamed village hit lies; the attack was not on it.
# (But "killed in a village near X": the unnamed village lies at X, the most specific place the
# article names for the attack -- only a village named by apposition, "Kasesa, a village near X",
# or one placed by a bearing, "west of X", is not at X.)
UNNAMED_NEAR_BEFORE = re.compile(
    r",\s+(?:a|an|one|two|three|several|some)\s+(?:[\w-]+\s+)?(?:village|villages|settlement|hamlet|neighbou?rhood|community)\s+(?:(?:just|some|about)\s+)?(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+)?"
    r"(?:near|outside|close\s+to)\s+(?:the\s+)?$"
    r"|\b(?:a|an|one|two|three|several|some)\s+(?:[\w-]+\s+)?(?:village|villages|settlement|hamlet|neighbou?rhood|community)\s+(?:(?:just|some|about)\s+)?(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+)?"
    r"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of)\s+(?:the\s+)?$",
    re.I,
)
# "the raid was mounted by the gang from the Ostrik quarter": where the attackers are based.
BASE_BEFORE = re.compile(r"\bby\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:gang|group|militia|faction)\s+(?:(?:based|operating|active)\s+in|from|in\s+the\s+(?:area|region|district|neighbou?rhood|zone)\s+of)\s+(?:the\s+)?$", re.I)
NOT_HIT_BEFORE = (
    NOT_TARGET_BEFORE,
    UNNAMED_NEAR_BEFORE,
    SETTING_BEFORE,
    CARE_BEFORE,
    DOWNED_BEFORE,
    REMIT_BEFORE,
    ORIGIN_BEFORE,  # "rockets from launchers stationed in ... Belgorod region"
    BASE_BEFORE,
    re.compile(r"[A-Za-z]-$"),  # "the Srinagar-Jammu highway": a name within a road's or a front's name
)
# ("a few miles from the Benin frontier": the border names where the attack was not)
# ("the Tripoli-based government": where a body sits, not a place hit)
NOT_HIT_AFTER = (BODY_AFTER, SUBJECT_AFTER, QUALIFIED_AFTER, re.compile(r"^-[A-Z]"), re.compile(r"^[-\s]based\b", re.I), re.compile(r"^\s+(?:border|frontier)\b", re.I))
# What stands between a place and the larger place it lies in: "Izium, Kharkiv region",
# "Ukraine's northern Chernihiv region", "Hlybne, a village in the Kharkiv oblast".
CONTAINED_GAP = re.compile(
    r"(?:\s+(?:village|town|hamlet|settlement|camp|area|neighbou?rhood|community))?(?:['’]s|,)?\s*(?:(?:also|both|which\s+is|located|situated)\s+)?(?:(?:a|an|the)\s+(?:[a-z-]+\s+)?(?:town|village|settlement|city|district|suburb|neighbou?rhood|area|region|province|capital)\s+)?(?:(?:in|of|on|between)\s+)?(?:the\s+)?"
    r"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|centre|center|heart|outskirts|edge)\s+of\s+(?:the\s+)?)?"
    r"(?:[A-Z][\w-]+['’]s\s+)?(?:[a-z-]+\s+)?"
    r"(?:(?:city|town|village|region|province|district|oblast|state|port)\s+(?:of\s+)?)?",
    re.I,
)
# "Al-Rimal near the Old Mosque", "Al-Nour area east of Kafr Tal", "Dabira, 30 kilometres (19 miles) west of
# Sirte", "Kalo sub-county, located near Mount Ebo": the second place says where the first is.
LANDMARK_GAP = re.compile(
    r"(?:\s+(?:neighbou?rhood|district|area|village|town|market|street|road|camp|parish|township|(?:sub-?)?county|trading\s+cent(?:er|re)))?,?\s+(?:(?:situated|located|lying)\s+)?(?:near|next\s+to|close\s+to|beside|opposite|between"
    r"|(?:(?:just|some|about)\s+)?(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+(?:\([^()]{1,25}\)\s+)?)?(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of)\s+(?:the\s+)?",
    re.I,
)
# "La Joya in Apatzingán", "Dar al-Salam Home, a shelter for the displaced in el-Obeid",
# "Al-Salam near the Old Mosque in Marib": the first place lies in the last.
IN_GAP = re.compile(r"(?:\s+(?:neighbou?rhood|district|area|quarter|community|village|town|camp|province|region|county|governorate))?(?:,?\s+(?:near|next\s+to|close\s+to)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?"
    # ("Dar al-Nour - a clinic and a pharmacy - in the eastern quarter of al-Safa": an aside in dashes)
    # ("Tarsa village of Merv area": the village's noun, then "of" the land it lies in)
    # ("Tarsa province, part of the country's Northern Hill Region": what it is part of)
    r"(?:,\s+(?:a\s+)?part\s+of(?:\s+the)?(?:\s+[\w’'-]+){0,5}?|,\s+(?:a|an|the)\s+(?:[a-z-]+\s+){1,5}?(?:in|on|at|near|outside)|\s+[-–—]\s+[^-–—,;.]{1,60}?\s+[-–—]\s+in|,?\s+(?:located|situated|lying)\s+in|\s+in|(?<=village)\s+of|(?<=hamlet)\s+of|(?<=region)\s+of|(?<=district)\s+of|(?<=area)\s+of)\s+(?:the\s+)?"
    r"(?:(?:[a-z-]+\s+)?(?:city|town|village|region|province|district|state|area|chiefdom|commune|subdivision|tehsil|neighbou?rhood|quarter)\s+of\s+)?"
    # ("at Waza in the Logone and Chari division": a land named by two names)
    r"(?:[A-Z][\w'’-]*\s+(?:and|&)\s+)?")
# "a post between Dakiri and Tondia": one attack, placed by the first name.
# "the Maradi region, where gunmen looted a clinic": the place the clause after it tells of.
WHERE_AFTER = re.compile(r"^\s*,?\s+where\b", re.I)
BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?(?:[a-z]+\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+and\s+(?:the\s+)?$")
ANAPHOR_RE = re.compile(r"\b(?:the|that|this|saturday['’]s|sunday['’]s|monday['’]s|tuesday['’]s|wednesday['’]s|thursday['’]s|friday['’]s|the\s+latest)\s+(?:\w+\s+)?(?:attacks?|strikes?|shelling|bombing|blast|explosion|raid|assault|ambush|barrage|city|town|village|camp|area)\b", re.I)
# A casualty figure with no attack word is no attack when it is an accident's, or a fight's
# ("killed in separate gunfights", "an encounter with security forces").
FIGHT_RE = re.compile(r"\b(?:gunfights?|gun\s*battles?|encounters?|firefights?|shoot-?outs?|clashes|exchanges?\s+of\s+(?:fire|gunfire))\b", re.I)
ACCIDENT_RE = re.compile(
    r"\b(?:riots?|mutiny|brawl|crash(?:ed|es)?|accident|collaps(?:ed|e)|earthquake|flood(?:s|ing)?|landslide|stampede|capsiz(?:ed|e)|derail(?:ed)?|heatwave|storm|disease|outbreak|cholera|overdose)\b",
    re.I,
)
# "A separate missile attack", "another strike": an attack other than the one told before.
FRESH_BEFORE = re.compile(r"\b(?:separate|another|second|third|new|earlier|later|fresh|further)\s+(?:[\w-]+\s+){0,2}$|^\W*(?:separately|elsewhere|in\s+a\s+separate\s+\w+)\b", re.I)
# "Also on Wednesday, an IED damaged an armoured vehicle": another attack of that day (unless
# the sentence speaks of "the attack" told before: "Also on Wednesday, monitors confirmed the rocket attack").
ALSO_OPEN = re.compile(r"\W*also\s+(?:on\s+|late\s+|early\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)\b", re.I)
# "an attack on Ukraine", "strikes across Ukraine": the place is what was attacked as a whole.
DIRECT_BEFORE = re.compile(r"\b(?:on|against|at|across|into|targeting|targeted|struck|hit|hits|attacked|attacks)\s+(?:the\s+)?$", re.I)
# "strikes ... have been suspended": the attacks stopped, none is reported.
CALLED_OFF_AFTER = re.compile(r"^[^,;.]{0,60}?\b(?:have|has|had|were|was)\s+been\s+(?:suspended|halted|stopped|paused|called\s+off|cancell?ed|postponed)\b", re.I)
# Words after a people's adjective that make it a group of that people, not its state.
NON_STATE_AFTER = re.compile(
    r"(?:\s+[\w-]+)?\s+(?:militia|militias|militants?|rebels?|insurgents?|group|groups|gunmen|jihadists?|separatists?|extremists?|dissidents?|fighters|gangs?|tribesmen|protesters|islamists?|paramilitar(?:y|ies))\b",
    re.I,
)
# "in two separate attacks", "a series of strikes": a sentence about several attacks at once.
SEVERAL_ATTACKS = re.compile(
    r"\b(?:two|three|four|five|six|several|multiple|a\s+series\s+of|a\s+wave\s+of|\d+)\s+(?:separate|different|simultaneous|coordinated|distinct)\s+(?:[\w-]+\s+)?(?:attacks|strikes|raids|assaults|bombings|ambushes)\b",
    re.I,
)
# "Bokolo, the village attacked on Tuesday": an apposition that says the place was attacked.
APPOSED_ATTACK = re.compile(r",?\s+(?:the|a)\s+(?:[a-z-]+\s+)?(?:village|town|city|camp|area|place|site|district|market)\s+(?:that\s+was\s+|which\s+was\s+)?", re.I)
# "another attack damaged a car in the same area": the place of the attack told before.
SAME_PLACE_RE = re.compile(r"\b(?:in|at|on|near)\s+the\s+same\s+(?:area|place|village|town|city|district|spot|location|neighbou?rhood|region|road|street)\b", re.I)
# "staged the bombings at four separate sites in Songkhla, Satun and Trang": the
# lands several attacks were in, told before or after their sites, not an attack's place.
SEVERAL_SITES = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|\d+)\s+(?:different|separate|various|distinct)\s+(?:locations|places|sites|spots|targets)\b", re.I
)
# "The assaults, which occurred near Konduga and Maiduguri": the attacks told before, retold together.
RETOLD_RE = re.compile(r"\W*(?:the|these|those|both)\s+(?:[\w-]+\s+)?(?:attacks|strikes|assaults|raids|bombings|explosions|blasts|ambushes)\b", re.I)
# "In February, a strike ...", "last year", "in 2013": a time before the article's own attack, no day.
ELSEWHEN_RE = re.compile(
    r"\b(?:(?i:in|since|during)\s+(?:early\s+|late\s+|mid-?)?(?:January|February|March|April|May|June|July|August|September|October|November|December)(?!\s+\d{1,2}\b)(?:\s+\d{4})?"
    r"|(?i:in\s+(?:19|20)\d\d|last\s+(?:week|month|year)|(?:a|one|two|three)\s+weeks?\s+(?:ago|earlier)|(?:a|one|two|three|several)\s+(?:months|years)\s+ago|earlier\s+this\s+(?:month|year)))\b"
)
# "The raid on Mirebalais was led by ...": the attack just told, named by its place.
PLACED_BEFORE = re.compile(r"\b(?:[Tt]he|[Tt]hat|[Tt]his)\s+(?:[\w-]+\s+)?(?:attack|strike|raid|assault|bombing|shelling|ambush)\s+(?:on|in|at|against)\s+(?:the\s+)?$")
# "two were hurt in the incident which occurred at around 4am in Kalo area": the attack
# told before ("the incident", "the attack"), and where it happened -- placed, as above.
OCCURRED_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Tt]hat|[Tt]his)\s+(?:[\w-]+\s+)?(?:incident|attack|strike|raid|assault|bombing|shelling|ambush|blast|explosion)\s+(?:which\s+|that\s+)?(?:had\s+)?"
    r"(?:occurred|took\s+place|happened)\s+(?:[^,.;:]{0,40}?\s)?(?:in|at|near)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$"
)
# "One of the drones set off a large blaze at the depot": what an attack told before did, and where.
# "The incident took place near Ramu Tola village": the attack told before, and where it was
# (a sentence with no attack word of its own, which adds to the attack told before or to none).
INCIDENT_RE = re.compile(r"\b(?:incident|ambush|attack|blast|explosion)\s+(?:had\s+)?(?:took\s+place|occurred|happened)\b(?!\s+(?:at|during)\s+a\s+time)", re.I)
# "Meanwhile, a CRPF constable was wounded in a landmine blast in Kanker": told of at a place, another attack.
MEANWHILE_OPEN = re.compile(r"\W*(?:meanwhile|in\s+another\s+incident|in\s+a\s+separate\s+incident)\b", re.I)
AFTERMATH_RE = re.compile(r"\b(?:caused|sparked|started|triggered|set\s+off)\s+(?:a\s+)?(?:[\w-]+\s+){0,2}?(?:fires?|blazes?|explosions?)\b", re.I)
# "an attack on a cargo ship off X", after the attack word of the place's frame: another attack.
OTHER_ATTACK = re.compile(r"\b(?:an?|another)\s+(?:[\w-]+\s+)?(?:attack|strike|raid|assault|bombing|ambush)\b", re.I)
# A junta: the armed forces in power.
JUNTA_RE = re.compile(r"\bjunta\b", re.I)
# "regime air strikes", "the Syrian regime's warplanes bombed": the state whose regime it is.
REGIME_RE = re.compile(r"\b(?:(?P<adj>[A-Z][a-z]+)\s+)?[Rr]egime(?:['’]s)?\b(?!\s+change)")

# How specific a place is, by its finer classes: a facility beats a town beats a region beats a country.
PLACE_RANK = {"Facility": 5, "Settlement": 4, "City": 4, "District": 3, "Region": 2, "BodyOfWater": 1, "GeographicArea": 1, "Country": 0, "Continent": 0}
NIL_PLACE_RANK = 4
HEAD_RANK = {
    "township": 3, "district": 3, "county": 3, "department": 2, "raion": 3, "rayon": 3, "municipality": 3, "territory": 3,
    # (the administrative levels of other lands: "the chiefdom of Bamate", "Kolda commune", "Sarwar subdivision")
    "chiefdom": 4, "commune": 3, "subdivision": 3, "tehsil": 3,
    "village": 5, "hamlet": 5, "neighbourhood": 5, "neighborhood": 5, "quarter": 5, "suburb": 5, "region": 2, "province": 2, "state": 2, "governorate": 2, "oblast": 2, "prefecture": 2, "zone": 3,
}
LEVEL_AFTER = re.compile(r"\s+(" + "|".join(HEAD_RANK) + r")\b", re.I)
# "the district of Kupwara" -- lower case: in "Lower Gebre Zone of Ethiopia" the head ends a name.
LEVEL_BEFORE = re.compile(r"\b(" + "|".join(HEAD_RANK) + r")\s+of\s+(?:the\s+)?$")

FACILITY_HEADS = PLACE_HEADS - {
    "District", "Region", "Province", "Oblast", "Governorate", "Territory", "County", "Village", "Town", "City", "Raion",
    "Peninsula", "Sea", "River", "Lake", "Island", "Islands", "Valley", "Mountains", "Hills", "Heights", "Strait", "Corridor",
    "Neighbourhood", "Neighborhood", "Quarter",
} | {
    # Heads of named sites that name no level of government: "Dar al-Amal Home", "Tembo gas field".
    "Home", "Shelter", "Centre", "Center", "Field", "Junction", "Factory", "Depot", "Warehouse", "Clinic", "Hall",
    "Office", "Headquarters", "Checkpoint", "Barracks", "Terminal", "Mine", "University", "College",
}
GENERIC_PLACE_WORDS = {"oblast", "region", "province", "district", "raion", "city", "state", "governorate", "county", "prefecture", "township", "of", "the"}

# "the toll may reach 30": a guess, no toll.
MAY_REACH = re.compile(r"\b(?:could|may|might|would|is\s+(?:expected|likely|feared)\s+to)\s+(?:\w+\s+)?(?:hit|rise|reach|climb|exceed|top|surpass)\s+(?:to\s+)?(?:at\s+least\s+|about\s+|more\s+than\s+)?\d", re.I)
WEEK_AFTER = re.compile(r"\b(?:(?:just|only|barely|less\s+than)\s+)?(?:a|one|two|three|four|\d+|several|a\s+few)\s+(?:days?|weeks?|months?)\s+after\b", re.I)
TOWN_OF = re.compile(r"\bthe\s+(?:[a-z-]+\s+)?(?:town|village|city|hamlet|locality|community)\s+of\s+(?=[A-Z])")
# ("hurt by the rebels, who have fought the state since March": the group's time, not the attack's)
WHICH_CLAUSE = re.compile(r",\s*(?:which|who)\b[^,;()]*$", re.I)
NAMED_NEXT = re.compile(r"\s+(?:of\b|[A-Z])")  # ("the city of Kharkiv", "the town Bakhmut": named, no anaphor)
NO_CLAIM = re.compile(r"\b[Nn]o\s+(?:group|one|organi[sz]ation|faction)\s+(?:has\s+|had\s+)?(?:yet\s+|immediately\s+)?(?:claimed|taken\s+responsibility)\b")
# The nouns of "the city", "the town" that name a place told before.
ANAPHOR_PLACES = {"city", "town", "village", "camp", "area"}
