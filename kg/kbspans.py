"""Span repairs the knowledge base decides: where a name the recogniser cut or stopped
short of is, by what the knowledge base knows.

- An organisation's name cut in two at "of" or "for the" ("Islamic State" + "of" +
  "West Africa Province"): joined when the knowledge base knows the whole name, written
  so or without the "of" ("Islamic State West Africa Province").
- An outlet's language service ("BBC" + "Burmese", "VOA Urdu", "Al Jazeera Arabic"): a
  news organisation the knowledge base knows, followed by the name of a language, is
  that service -- an organisation of its own, known or not.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.kb.base import Candidate, fold
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


def language_services(mentions: list[Mention], text: str, candidates: Candidates) -> list[Mention]:
    """A known outlet's mention run on over the language after it ("BBC Burmese"),
    looked up whole; the mention of the language word alone goes. ``mentions`` sorted."""
    out: list[Mention] = []
    grown_to = -1
    for m in mentions:
        if m.start < grown_to:
            continue  # the language word of a service just grown
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
