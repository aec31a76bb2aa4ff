"""Units named after a weapon: "Assam Rifles", "the Royal Gurkha Rifles", "Royal Artillery".

The ruler matches weapon types in any case ("rifles", "Artillery" in a headline), so the
last word of a regiment's name becomes a weapon and the regiment is lost -- the model
seldom finds such names itself. A weapon word written with a capital, right after a
capitalised word inside a sentence and not followed by another capitalised word (which
would make it a headline in title case, "Houthi Missiles Hit Ship") in a sentence not
written in title case ("Russia Launches Missiles at Kyiv"), is the head of a
proper name: the unit's, an organisation. The name runs back over the capitalised words
before it, but not over a sentence's first word unless that is the only one, a number,
an article, a title or a people's word ("Four Assam Rifles personnel", "Indian Rifles").
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Span

from kg.names import TITLES, is_group_word

_SENTENCE_END = {".", "!", "?", ":", ";", '"', "“", "”", "(", "|"}
_NOT_IN_NAME = {"the", "a", "an", "and", "or", "but", "in", "on", "at", "by", "with", "from", "to", "of"}


def _name_word(t) -> bool:
    """A capitalised word that may be part of a unit's name."""
    return (
        t.is_alpha
        and t.text[:1].isupper()
        and not t.like_num
        and t.lower_ not in _NOT_IN_NAME
        and t.lower_.rstrip(".") not in TITLES
        and not is_group_word(t.text)
    )


def _opens_sentence(doc: Doc, i: int) -> bool:
    return i == 0 or doc[i - 1].text in _SENTENCE_END or doc[i - 1].is_space or "\n" in doc[i - 1].whitespace_


def _title_cased(doc: Doc, s: int) -> bool:
    """Whether the sentence around token ``s`` writes every word of four letters or more
    with a capital: a headline in title case ("Russia Launches Missiles at Kyiv"), where
    a capital says nothing."""
    i = s
    while i > 0 and not _opens_sentence(doc, i):
        i -= 1
    j = s
    while j < len(doc) - 1 and not _opens_sentence(doc, j + 1):
        j += 1
    return not any(t.is_alpha and len(t) > 3 and t.is_lower for t in doc[i : j + 1])


def regiment_spans(doc: Doc, rules: list[Span], any_case: Collection[str]) -> tuple[list[Span], list[Span]]:
    """Split the ruler's spans into those kept and the unit names (label ORG) that replace
    a weapon type's match written as a name's capitalised head."""
    kept, units, headlined = [], [], []
    for r in rules:
        s, e = r.start, r.end
        word = doc[e - 1]
        if (
            r.kb_id_ not in any_case
            or not r.text[:1].isupper()
            or r.text.isupper()
            or s == 0
            or not _name_word(doc[s - 1])
            or _opens_sentence(doc, s)
            or not word.is_alpha
        ):
            kept.append(r)
            continue
        if _title_cased(doc, s):
            headlined.append(r)  # a unit only if the article names it so elsewhere
            continue
        if e < len(doc) and doc[e].is_alpha and doc[e].text[:1].isupper():
            kept.append(r)
            continue
        i = s - 1
        while i > 0 and s - i < 3 and _name_word(doc[i - 1]) and not _opens_sentence(doc, i - 1) and not _opens_sentence(doc, i):
            i -= 1
        units.append(Span(doc, i, e, label="ORG"))
    # "Militants Ambush Assam Rifles Vehicle": in a headline in title case, the words a
    # unit's name found elsewhere in the article ends in are that unit's.
    for r in headlined:
        unit = next((u for u in units if u.end - u.start == 2 and doc[u.start].text == doc[r.start - 1].text and u[-1].text == r.text), None)
        if unit is None:
            kept.append(r)
        else:
            units.append(Span(doc, r.start - 1, r.end, label="ORG"))
    return sorted(kept, key=lambda x: x.start), sorted(units, key=lambda x: x.start)
