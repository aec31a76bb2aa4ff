"""A post's name and its holder in one recogniser span ("Superintendent of Police Vikram
Joshi", "KP Inspector General of Police Naveed Akhtar", "Chief of General Staff Abdel
Karim Hashem"): the model calls the whole an organisation; the person is the run of name
words that ends it, after the post's title, its "of" and the body's generic words."""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.names import CALENDAR_WORDS, COMPOUND_GIVEN_FIRST, GENERIC_WORDS, PERSON_DESCRIPTORS, TITLES
from kg.types import Mention

_NAME_WORD = re.compile(r"[A-Z][a-zà-ÿ'’-]+")


def _post_word(word: str) -> bool:
    """A word of a post's or a body's name: a title or a generic word ("Police", "Staff")."""
    w = word.lower().rstrip(".")
    return w in TITLES or w in GENERIC_WORDS or w == "of"


# Nouns of bodies a "General" may follow in their name ("Directorate General", "Secretariat General").
_BODY_NOUNS = {"Directorate", "Secretariat", "Inspectorate", "Office", "Ministry", "Department", "Commission", "Agency", "Bureau", "Command", "Headquarters"}


def post_holder(m: Mention) -> Mention | None:
    """The holder of the post a span opens with, when the span is "<title> of <body>
    <two to four name words>"; None when it is not."""
    if m.source != "ner":
        return None
    words = m.text.split(" ")
    if "of" not in words[1:4]:
        return None
    k = len(words)
    while k > 0 and _NAME_WORD.fullmatch(words[k - 1]) and (not _post_word(words[k - 1]) or (k > 1 and words[k - 2].lower() in COMPOUND_GIVEN_FIRST)):
        k -= 1
    name, post = words[k:], words[:k]
    if not 2 <= len(name) <= 4 or len(post) < 3 or not all(_post_word(w) for w in post[post.index("of") :]):
        return None
    if not any(w[:1].isupper() and w.lower().rstrip(".") in TITLES for w in post[: post.index("of")]):
        return None
    if any(w in _BODY_NOUNS for w in post[: post.index("of")]):
        return None  # "the Directorate General of Civil Protection": a body's name, no post and holder
    start = m.end - len(" ".join(name))
    return Mention(start, m.end, m.text[start - m.start :], "PERSON", "ner", None, m.sentence)


# "according to Naing, an official from the ...", "Musa Bello, a 35-year-old trader, said":
# a name in apposition with a person's noun (a post, a trade, a kinship word).
_APPOSED = re.compile(
    r"(?<![\w'’.-])((?:[A-Z][a-zà-ÿ'’-]+)(?:[ \t]+[A-Z][a-zà-ÿ'’-]+){0,3}),[ \t]+(?:a|an|the)[ \t]+(?:[\w-]+[ \t]+){0,2}?([a-z]+)(?=[ \t]*[,.]|[ \t]+(?:of|from|with|at|in|for|who)\b)"
)
_NOT_PERSON_NOUN = {"foreign", "defence", "defense", "interior", "vice", "former", "ex", "acting", "supreme", "field", "prime", "justice", "saint", "head", "chief", "state", "general"}
_SENTENCE_OPENERS = {"the", "a", "an", "in", "on", "at", "but", "and", "meanwhile", "however", "later", "earlier", "then", "yesterday", "today", "according"}


def apposed_people(text: str, unclaimed_at: Callable[[int, int], bool]) -> list[Mention]:
    """Person mentions for names the recogniser missed that stand in apposition with a
    person's noun ("Lway, an official from ..."), where ``unclaimed_at(start, end)``."""
    nouns = (TITLES | PERSON_DESCRIPTORS) - _NOT_PERSON_NOUN
    out = []
    for hit in _APPOSED.finditer(text):
        if hit.group(2) not in nouns:
            continue
        words = hit.group(1).split()
        while words and words[0].lower() in _SENTENCE_OPENERS | TITLES:
            words.pop(0)
        if not words or any(w.lower() in GENERIC_WORDS or w.lower() in _SENTENCE_OPENERS or w.lower() in CALENDAR_WORDS for w in words):
            continue  # "... on Wednesday, an official said": a day is nobody
        start = hit.end(1) - len(" ".join(words))
        if text[start : hit.end(1)] == " ".join(words) and unclaimed_at(start, hit.end(1)):
            out.append(Mention(start, hit.end(1), text[start : hit.end(1)], "PERSON", "ner"))
    return out
