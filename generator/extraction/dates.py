"""Dates in the text: explicit ones, and relative ones resolved against the article's date.

A date is only ever produced when the text pins it down: "February 5, 2026",
or "February 5" / "on Tuesday" / "the next day" when the article has a date
to anchor them. An undated article's "on Tuesday" gives no date at all.
"""
from __future__ import annotations

import datetime as dt
import re

from .. import lexicon

MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1)
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = r"(?P<month>" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\.?"
_MONTH_DAY = re.compile(rf"\b{_MONTH} (?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,? (?P<year>(?:19|20)\d\d)\b)?")
_DAY_MONTH = re.compile(rf"\b(?P<day>\d{{1,2}}) {_MONTH}(?: (?P<year>(?:19|20)\d\d)\b)?")
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
_WEEKDAY = re.compile(r"\b(?:on |last |this |next )?(?P<weekday>" + "|".join(w.capitalize() for w in WEEKDAYS) + r")\b")
_RELATIVE = re.compile(r"\b(?P<word>yesterday|today|tomorrow)\b", re.I)
_DIGIT = re.compile(r"\d")
# How every month name in _MONTH starts: a search for these only stops at their capital
# letters, where _MONTH_DAY and _DAY_MONTH, starting with a word boundary, stop everywhere.
_MONTH_START = re.compile("|".join(sorted({m[:3].capitalize() for m in MONTHS})))


def _has_digit(text: str) -> bool:
    """_DIGIT.search(text) is not None, quicker: ASCII text has no digits but 0-9, and a
    one-character `in` test runs through the text in C, where the regex engine steps
    through it a character at a time."""
    if not text.isascii():
        return _DIGIT.search(text) is not None
    for digit in "0123456789":
        if digit in text:
            return True
    return False


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _shifted(anchor: dt.date, days: int) -> dt.date | None:
    """anchor + days, or None past the calendar's ends ("tomorrow" in an article dated 9999-12-31)."""
    try:
        return anchor + dt.timedelta(days=days)
    except OverflowError:
        return None


def _year_for(month: int, day: int, anchor: dt.date) -> int:
    """The year that puts month/day nearest the anchor (news rarely looks > 6 months ahead)."""
    best = anchor.year
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        candidate = _safe_date(year, month, day)
        if candidate and abs((candidate - anchor).days) < 183:
            best = year
    return best


def dates_in(text: str, anchor: dt.date | None) -> list[dt.date]:
    """Dates stated in a sentence, in order, resolving relative ones against the anchor."""
    # Explicit dates need a digit (and a month name, or an ISO date's '-'), and the others a
    # weekday, 'yesterday', 'today' or 'tomorrow': most sentences have neither, and are not searched.
    numbered = _has_digit(text)
    named = anchor is not None and lexicon.may_contain(text, ("day", "tomorrow"))
    if not numbered and not named:
        return []
    found: list[tuple[int, dt.date]] = []
    with_month = numbered and _MONTH_START.search(text) is not None
    for pattern in (_MONTH_DAY, _DAY_MONTH) if with_month else ():
        for match in pattern.finditer(text):
            month = MONTHS[match.group("month").lower()]
            day = int(match.group("day"))
            if match.group("year"):
                date = _safe_date(int(match.group("year")), month, day)
            elif anchor is not None:
                date = _safe_date(_year_for(month, day, anchor), month, day)
            else:
                date = None
            if date:
                found.append((match.start(), date))
    for match in _ISO.finditer(text) if numbered and "-" in text else ():
        date = _safe_date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
        if date:
            found.append((match.start(), date))
    if named:
        for match in _WEEKDAY.finditer(text):
            weekday = WEEKDAYS.index(match.group("weekday").lower())
            prefix = match.group(0).split()[0].lower()
            delta = (anchor.weekday() - weekday) % 7
            if prefix == "next":
                date = _shifted(anchor, (weekday - anchor.weekday()) % 7 or 7)
            else:  # news reports "on Tuesday" about the past week unless it says "next"
                date = _shifted(anchor, -delta)
            if date:
                found.append((match.start(), date))
        for match in _RELATIVE.finditer(text):
            word = match.group("word").lower()
            offset = {"yesterday": -1, "today": 0, "tomorrow": 1}.get(word)
            date = _shifted(anchor, offset) if offset is not None else None
            if date:
                found.append((match.start(), date))
    found.sort(key=lambda f: f[0])
    return [d for _, d in found]


def parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
