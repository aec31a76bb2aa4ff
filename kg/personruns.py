"""Person-name runs: a person's name the recogniser cut at a word it took for a place, or
whose given name it left out ("Jhon" + "Philip" + "Pamplona", "Abdulkadir" + "Mohamed
Abdulle"), made whole again from the capitalised words around the model's span."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from kg.mentions import _NOT_NAME_START, _PRONOUNS, is_title_word
from kg.names import CALENDAR_WORDS, GENERIC_WORDS, PERSON_DESCRIPTORS, TITLES, is_group_word, written_in_lower_case
from kg.types import Mention

_NAME_TOKEN = re.compile(r"[A-Z][a-zà-ÿ'’-]+")
# Words that open a sentence without being a name ("Later Ivo Dansk said"), beside English stop words.
_SENTENCE_ADVERBS = {"later", "earlier", "yesterday", "today", "tonight", "overnight", "elsewhere", "afterwards", "now", "still", "instead"}
_NOT_RUN_WORDS = frozenset(GENERIC_WORDS | _PRONOUNS | CALENDAR_WORDS | PERSON_DESCRIPTORS | _SENTENCE_ADVERBS | STOP_WORDS)


def _run_word(word: str, text: str) -> bool:
    """A word that may be part of a person's name run: capitalised, no title, calendar or
    generic word, and never written in lower case in the article."""
    low = word.lower()
    return (
        bool(_NAME_TOKEN.fullmatch(word))
        and word not in _NOT_NAME_START
        and low not in _NOT_RUN_WORDS
        and not low.endswith("ly")
        and not is_title_word(word)
        and not is_group_word(word)
        and not written_in_lower_case(word, text)
    )


def _title_case_line(text: str, at: int) -> bool:
    """Whether the line around ``at`` is written in title case (a headline: "Putin Ally
    Kadyrov Says ..."), where capitalised words make no name run."""
    line = text[text.rfind("\n", 0, at) + 1 : (text.find("\n", at) + 1 or len(text) + 1) - 1]
    words = [w for w in line.split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) > 0.8


def person_runs(mentions: list[Mention], text: str) -> list[Mention]:
    """A person's name the recogniser cut at a word it took for a place or left out
    ("Jhon" + "Philip" + "Pamplona" GPE, "Destin" + "Jamaica" + "Kela", "Abdulkadir" +
    "Mohamed Abdulle"): a run of three or four capitalised words, one space apart, that
    holds a model's person span at one end, the rest words of no mention or one-word
    names; none a title, a calendar or generic word, or a word the article writes in
    lower case. The run is one person. ``mentions`` sorted."""
    by_start = {m.start: m for m in mentions}
    claimed = {i for m in mentions for i in range(m.start, m.end)}
    out_drop: set[int] = set()
    grown: list[Mention] = []
    for m in mentions:
        if m.label != "PERSON" or m.source != "ner" or id(m) in out_drop or not 1 <= len(m.text.split()) <= 2 or "." in m.text:
            continue
        parts: list[tuple[int, int, Mention | None]] = [(m.start, m.end, m)]

        def step(start: int, end: int, m: Mention = m) -> tuple[int, int, Mention | None] | None:
            word = text[start:end]
            o = by_start.get(start)
            if o is not None and o.end == end and " " not in o.text and o is not m and (o.label in ("GPE", "PERSON") or o.label.startswith("KB")):
                return (start, end, o) if _NAME_TOKEN.fullmatch(word) and word.lower() not in CALENDAR_WORDS else None
            if any(i in claimed for i in range(start, end)) or not _run_word(word, text):
                return None
            return (start, end, None)

        while len(" ".join(text[a:b] for a, b, _ in parts).split()) < 4:  # back over the words before
            hit = re.search(r"(?:^|(?<=\s))(\S+) $", text[max(0, parts[0][0] - 30) : parts[0][0]])
            got = step(parts[0][0] - len(hit.group(1)) - 1, parts[0][0] - 1) if hit else None
            if got is None:
                break
            parts.insert(0, got)
        if parts[0][2] is m:  # the person span opens the run: on over the words after it
            while len(" ".join(text[a:b] for a, b, _ in parts).split()) < 4:
                hit = re.match(r" (\S+)", text[parts[-1][1] : parts[-1][1] + 30])
                word_end = parts[-1][1] + 1 + len(hit.group(1)) if hit else 0
                got = step(parts[-1][1] + 1, word_end) if hit and text[word_end : word_end + 1] in ("", " ", ",", ".", "\n") else None
                if got is None:
                    break
                parts.append(got)
        start, end = parts[0][0], parts[-1][1]
        n = len(text[start:end].split())
        if not 3 <= n <= 4 or (parts[0][2] is not m and parts[-1][2] is not m) or text[end : end + 2].strip()[:1].isupper() or _title_case_line(text, start):
            continue
        out_drop |= {id(o) for _, _, o in parts if o is not None}
        grown.append(Mention(start, end, text[start:end], "PERSON", "ner", None, m.sentence))
    if not grown:
        return mentions
    return sorted([m for m in mentions if id(m) not in out_drop] + grown, key=lambda m: (m.start, -m.end))


def _one_letter_off(a: str, b: str) -> bool:
    """Whether two words of five letters or more differ by one letter put for another
    ("Hryhotov" for "Hryhorov")."""
    return len(a) == len(b) >= 5 and sum(x != y for x, y in zip(a, b)) == 1


def misspelt_person(name: str, people: list[list[str]]) -> int | None:
    """The index of the person among ``people`` (each a list of the names one person of
    the article goes by) whose name ``name`` misspells: the same given name and a surname
    one letter off ("Ivan Fedotov" for "Ivan Fedorov"); None if no one's, or more than one's."""
    words = name.lower().split()
    if len(words) < 2:
        return None
    found = {
        i
        for i, names in enumerate(people)
        for other in names
        if len(o := other.lower().split()) == len(words) and o[:-1] == words[:-1] and _one_letter_off(o[-1], words[-1])
    }
    return found.pop() if len(found) == 1 else None


def given_name_owner(name: str, people: list[str]) -> int | None:
    """Which of the article's people (their names as written) a one-word ``name`` is the
    first name of, when it is exactly one person's of two words or more: where names have
    no fixed surname (much of Africa, Myanmar, the Arab world) a report names a speaker in
    full once and then by the first of them ("Oumarou Tenkela Bassa, mayor of ..." ...
    "Oumarou said"). A title is no one's first name ("General")."""
    key = name.lower()
    if key in TITLES or " " in name:
        return None
    owners: dict[str, int] = {}
    for i, full in enumerate(people):
        words = full.split()
        if len(words) >= 2 and words[0].lower() == key:
            owners.setdefault(full.lower(), i)
    return next(iter(owners.values())) if len(owners) == 1 else None
