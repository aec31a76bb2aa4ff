"""Publication dates as news pages write them, read into :class:`datetime.date`."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY_RE = (
    r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\.?,?\s+)?"
)
_TIME_RE = (
    r"(?:[T ](?P<hour>[0-9]{2}):(?P<minute>[0-9]{2})"
    r"(?::(?P<second>[0-9]{2})(?:[.,][0-9]+)?)?"
    r"(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)?)?"
)
_DATE_FORMS = [
    re.compile(rf"(?P<year>[0-9]{{4}})-(?P<month>[0-9]{{1,2}})-(?P<day>[0-9]{{1,2}}){_TIME_RE}", re.A | re.I),
    re.compile(r"(?P<year>[0-9]{4})/(?P<month>[0-9]{1,2})/(?P<day>[0-9]{1,2})", re.A),
    re.compile(
        rf"{_WEEKDAY_RE}(?P<mname>{_MONTH_RE})\.?\s+(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>[0-9]{{4}})",
        re.A | re.I,
    ),
    re.compile(
        rf"{_WEEKDAY_RE}(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mname>{_MONTH_RE})\.?,?\s+(?P<year>[0-9]{{4}})",
        re.A | re.I,
    ),
]


def parse_date(s: str) -> dt.date | None:
    """Read a publication date written in one of the usual news forms.

    Accepts "December 31, 2023", "Dec. 31, 2023", "31 December 2023",
    "Sunday, December 31, 2023", "2023-12-31", "2023/12/31" and ISO 8601
    timestamps ("2023-12-31T08:15:00+02:00", whose date is taken as written).
    The whole string must be the date; anything else gives None.
    """
    if not isinstance(s, str):
        return None
    s = s.strip()
    for form in _DATE_FORMS:
        m = form.fullmatch(s)
        if m is not None:
            return _date_from_match(m)
    return None


def _date_from_match(m: re.Match[str]) -> dt.date | None:
    """The date a matched form names, or None when it names no real day or time."""
    groups = m.groupdict()
    month = _MONTHS.get(groups["mname"].lower()) if groups.get("mname") else int(groups["month"])
    if month is None:
        return None
    if groups.get("hour") is not None:
        second = int(groups["second"] or 0)
        if int(groups["hour"]) > 23 or int(groups["minute"]) > 59 or second > 60:
            return None
    try:
        return dt.date(int(groups["year"]), month, int(groups["day"]))
    except ValueError:
        return None


# "/2019/08/20/", "/2024-05-21-", "/stories/201911040719.html": the day a news address files its page under.
_URL_DAY = re.compile(
    r"/(?P<year>(?:19|20)[0-9]{2})[/-](?P<month>0?[1-9]|1[0-2])[/-](?P<day>0?[1-9]|[12][0-9]|3[01])(?=[/_.-]|$)"
    r"|/(?:[a-z]+-)?(?P<cyear>(?:19|20)[0-9]{2})(?P<cmonth>0[1-9]|1[0-2])(?P<cday>0[1-9]|[12][0-9]|3[01])(?=[0-9]{0,6}(?:[/_.-]|$))",
    re.A | re.I,
)


def date_in_url(url: str | None) -> dt.date | None:
    """The day an article's address files it under ("…/2019/08/20/…", "…/201911040719.html"),
    or None: what an article with no date line was published on, near enough to resolve
    "on Monday" by."""
    if not url:
        return None
    m = _URL_DAY.search(url.split("?")[0])
    if m is None:
        return None
    year, month, day = (m.group("year"), m.group("month"), m.group("day")) if m.group("year") else (m.group("cyear"), m.group("cmonth"), m.group("cday"))
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
