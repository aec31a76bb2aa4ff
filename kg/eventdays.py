"""Days counted from another: "two days ago", "three days later", "the next day", "a day
after a missile hit X" -- dates an attack report gives relative to the article's date or to
the day of an attack it has told.

A part of the event extractor (kg/events.py): kg/eventcues.dates_in reads the days a
sentence names outright ("on Sunday", "March 3"); this module adds the days it counts from
them, each at its offset in the sentence, so that an attack told as "the day before" is
dated by the day it is counted from, not given that day itself.
"""

from __future__ import annotations

import datetime as dt
import re

_COUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_RELATIVE = re.compile(
    r"\b(?P<n>an?|one|two|three|four|five|six|seven|[1-7])\s+days?\s+(?P<dir>ago|later|earlier|after|since|before(?=\s*[,.;]))"
    r"|\b(?:the\s+)?(?P<next>next|following)\s+day\b"
    r"|\bthe\s+(?P<prev>day\s+before|previous\s+day|preceding\s+day)\b",
    re.I,
)
# "two days after Sunday's attack": the day counted from is named, it is not the one counted.
_NAMED_AFTER = re.compile(r"\s+(?:the\s+)?(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)", re.I)


def relative_dates(sentence: str, published: dt.date | None, anchor: dt.date | None, named: list[tuple[int, dt.date]]) -> list[tuple[int, dt.date]]:
    """The days the sentence counts, each with its offset: "N days ago" from the article's
    date; "N days later", "the next day" after, and "N days earlier", "the day before", "came a
    day after <an attack>" before, the day counted from -- the last day the sentence names
    before the phrase (``named``, as kg/eventcues.dates_in gives them), else ``anchor``, the day
    of the attack the article told last."""
    out: list[tuple[int, dt.date]] = []
    if "day" not in sentence.lower():
        return out
    for m in _RELATIVE.finditer(sentence):
        before = [d for off, d in named if off < m.start()]
        base = before[-1] if before else anchor
        if m.group("n"):
            word = m.group("n").lower()
            n = int(word) if word.isdigit() else _COUNT[word]
            way = m.group("dir").lower()
            if way == "ago":
                base, n = published, -n  # (the article's date, whatever the sentence names)
            elif way in ("after", "since"):
                if _NAMED_AFTER.match(sentence, m.end()):
                    continue
                n = -n  # "The raid came two days after a strike on X": X's attack two days before
            elif way in ("earlier", "before"):
                n = -n
        else:
            n = 1 if m.group("next") else -1
        if base is not None:
            out.append((m.start(), base + dt.timedelta(days=n)))
    return out


_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december")
_IN_MONTH = re.compile(r"\b(?:in|during)\s+(?:early\s+|late\s+|mid-?)?(" + "|".join(_MONTH_NAMES) + r")\b", re.I)


def named_month(phrase: str) -> int | None:
    """The month a time phrase names ("in August", "in early March 2023"), or None ("since
    March" is a campaign's start, "last week" names none)."""
    m = _IN_MONTH.search(phrase)
    return _MONTH_NAMES.index(m.group(1).lower()) + 1 if m else None


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS_RE = "|".join(_MONTH_NAMES)
_PINNED_DAY = re.compile(
    r"\b(?P<wd>" + "|".join(_WEEKDAY_NAMES) + r"),?\s+(?:(?P<m1>" + _MONTHS_RE + r")\s+(?P<d1>\d{1,2})|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>" + _MONTHS_RE + r"))\b(?!(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d)",
    re.I,
)


def pinned_day(text: str, today: dt.date | None = None, span: int = 12) -> dt.date | None:
    """The day an article with no date of its own pins by a weekday and a date without a year
    ("on Tuesday November 21"): that date in the latest year, not after ``today`` and at most
    ``span`` years back, in which it falls on that weekday -- near enough a publication date
    to resolve the article's other days by."""
    today = today or dt.date.today()
    for m in _PINNED_DAY.finditer(text):
        month = _MONTH_NAMES.index((m.group("m1") or m.group("m2")).lower()) + 1
        day = int(m.group("d1") or m.group("d2"))
        weekday = _WEEKDAY_NAMES.index(m.group("wd").lower())
        for year in range(today.year, today.year - span - 1, -1):
            try:
                candidate = dt.date(year, month, day)
            except ValueError:
                break
            if candidate <= today and candidate.weekday() == weekday:
                return candidate
    return None
