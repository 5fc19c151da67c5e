"""The rules behind :mod:`kg.dates`: English date vocabulary, patterns and resolvers.

Each pattern recognises one kind of date expression ("3 September 2017", "last Thursday",
"in December last year"); its resolver turns a match into an ISO 8601 string as precise as
the expression, using the anchor (the item's date) for relative ones, or ``None`` when the
expression cannot be resolved without guessing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = [
    "DAY",
    "FUTURE_WINDOW",
    "MONTH",
    "PATTERNS",
    "SHIFT",
    "WEEKDAY",
    "Anchor",
    "Context",
    "day_month_year",
    "day_of",
    "month_of",
    "number",
    "parse_anchor",
    "shift_date",
    "weekday_of",
]

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
_MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
_WEEKDAY_ABBREVIATIONS = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
    "sat": 5, "sun": 6,
}  # fmt: skip
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip

#: A day-and-month without a year may lie this far after the anchor (an announced hearing,
#: "tomorrow, 26 September"); otherwise it is the most recent such day on or before it.
FUTURE_WINDOW = timedelta(days=31)


def _names(words: list[str], abbreviated: bool) -> str:
    """Alternation of Title Case and UPPER CASE forms, longest first (never lower case,
    so the verb "may" and "march" are not months)."""
    forms = sorted({f(w) for w in words for f in (str.title, str.upper)}, key=len, reverse=True)
    tail = r"\b\.?" if abbreviated else r"\b"
    return "(?:" + "|".join(forms) + ")" + tail


_MONTH_FULL = _names(list(_MONTHS), False)
MONTH = "(?:" + _MONTH_FULL + "|" + _names(list(_MONTH_ABBREVIATIONS), True) + ")"
_WEEKDAY_FULL = _names(list(_WEEKDAYS), False)
WEEKDAY = "(?:" + _WEEKDAY_FULL + "|" + _names(list(_WEEKDAY_ABBREVIATIONS), True) + ")"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?<![\d,.$£€#])(?:1[5-9]\d\d|20\d\d)(?![\d%]|s\b|['’]s\b)"
_BARE_YEAR = r"(?<![\d,.$£€#])(?:1[89]\d\d|20\d\d)(?![\d%]|s\b|['’]s\b)"
_WD_PREFIX = rf"(?:(?P<wd>{WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?,?\s+)?"
_SEASON = (
    r"(?:early|mid|late|the\s+(?:end|beginning|start|middle|first\s+half|second\s+half)\s+of"
    r"|spring|summer|autumn|fall|winter)"
)
_NUMBER = r"(?:\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"

_F = re.IGNORECASE


@dataclass(frozen=True)
class Anchor:
    """An ISO date of any precision, split into its parts."""

    year: int
    month: int | None
    day: int | None

    @property
    def exact(self) -> date | None:
        if self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)

    @property
    def latest(self) -> date:
        """The last day the anchor could stand for ("2017-09" -> 30 September 2017)."""
        if self.month is None:
            return date(self.year, 12, 31)
        if self.day is None:
            return _month_end(self.year, self.month)
        return date(self.year, self.month, self.day)


def _month_end(year: int, month: int) -> date:
    first_next = date(year + month // 12, month % 12 + 1, 1)
    return first_next - timedelta(days=1)


def parse_anchor(anchor: str | None) -> Anchor | None:
    if not anchor:
        return None
    found = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", anchor.strip())
    if not found:
        return None
    year, month, day = (int(g) if g else None for g in found.groups())
    assert year is not None
    try:
        if month is not None:
            date(year, month, day or 1)
    except ValueError:
        return None
    return Anchor(year, month, day)


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    try:
        if month is None:
            return f"{date(year, 1, 1).year:04d}"
        if day is None:
            return f"{year:04d}-{date(year, month, 1).month:02d}"
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def month_of(word: str) -> int:
    key = word.lower().rstrip(".")
    return _MONTHS.get(key) or _MONTH_ABBREVIATIONS[key]


def weekday_of(word: str | None) -> int | None:
    if not word:
        return None
    key = word.lower().rstrip(".")
    return _WEEKDAYS.get(key, _WEEKDAY_ABBREVIATIONS.get(key))


def day_of(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def _shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def day_month_year(month: int, day: int, weekday: int | None, anchor: Anchor | None) -> str | None:
    """The year of a day-and-month given without one: the latest such date on or before the
    anchor (or within :data:`FUTURE_WINDOW` after it) whose weekday agrees with ``weekday``."""
    if anchor is None:
        return None
    limit = anchor.latest + FUTURE_WINDOW
    for year in range(limit.year, limit.year - 8, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate > limit:
            continue
        if weekday is None or candidate.weekday() == weekday:
            return candidate.isoformat()
        if year < anchor.year - 6:
            break
    return None


@dataclass(frozen=True)
class Context:
    """What a resolver may use: the anchor and the last explicit year seen in the sentence."""

    anchor: Anchor | None
    last_year: int | None


_Resolver = Callable[[re.Match[str], Context], str | None]


def _full_date(m: re.Match[str], _: Context) -> str | None:
    return _iso(int(m["y"]), month_of(m["m"]), day_of(m["d"]))


def _iso_date(m: re.Match[str], _: Context) -> str | None:
    return _iso(int(m["y"]), int(m["m"]), int(m["d"]) if m["d"] else None)


def _month_year(m: re.Match[str], _: Context) -> str | None:
    return _iso(int(m["y"]), month_of(m["m"]))


def _day_month(m: re.Match[str], ctx: Context) -> str | None:
    return day_month_year(month_of(m["m"]), day_of(m["d"]), weekday_of(m["wd"]), ctx.anchor)


def _month_alone(m: re.Match[str], ctx: Context) -> str | None:
    anchor = ctx.anchor
    if anchor is None or not (m["p"] or m["q"] or m["s"] or m["ry"]):
        return None
    month = month_of(m["m"])
    relative_year = (m["ry"] or "").lower()
    qualifier = (m["q"] or "").lower().split()
    if relative_year:
        offset = {"last": -1, "previous": -1, "this": 0, "next": 1, "following": 1}
        return _iso(anchor.year + offset[relative_year.split()[-2]], month)
    if anchor.month is None:
        return _iso(anchor.year, month) if not qualifier else None
    if qualifier and qualifier[-1] == "next":
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif qualifier and qualifier[-1] in ("last", "past"):
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif qualifier and qualifier[-1] == "this":
        year = anchor.year
    else:
        year = anchor.year if month <= anchor.month + 1 else anchor.year - 1
    return _iso(year, month)


def _year(m: re.Match[str], _: Context) -> str | None:
    return _iso(int(m["y"]))


def _day_word(m: re.Match[str], ctx: Context) -> str | None:
    word = m["w"].lower()
    anchor = ctx.anchor
    if anchor is None:
        return None
    if word.startswith(("today", "tonight", "this", "earlier today", "later today")):
        exact = anchor.exact
        return exact.isoformat() if exact else _iso(anchor.year, anchor.month)
    exact = anchor.exact
    if exact is None:
        return None
    if word.startswith("the day before yesterday"):
        return (exact - timedelta(days=2)).isoformat()
    if word.startswith(("yesterday", "last night")):
        return (exact - timedelta(days=1)).isoformat()
    return (exact + timedelta(days=1)).isoformat()


def _weekday_alone(m: re.Match[str], ctx: Context) -> str | None:
    exact = ctx.anchor.exact if ctx.anchor else None
    weekday = weekday_of(m["wd"])
    if exact is None or weekday is None:
        return None
    back = (exact.weekday() - weekday) % 7
    ahead = (weekday - exact.weekday()) % 7
    qualifier = (m["q"] or "").lower()
    if qualifier == "last":
        return (exact - timedelta(days=back or 7)).isoformat()
    if qualifier == "next":
        return (exact + timedelta(days=ahead or 7)).isoformat()
    if qualifier in ("this", "coming", "this coming"):
        return (exact + timedelta(days=ahead)).isoformat()
    return (exact - timedelta(days=back)).isoformat()


def _relative_period(m: re.Match[str], ctx: Context) -> str | None:
    words = " ".join(m.group().lower().split())
    anchor = ctx.anchor
    if words.endswith("month"):
        if anchor is None or anchor.month is None:
            return None
        delta = -1 if ("last" in words or "previous" in words) else 1 if "next" in words else 0
        return _iso(*_shift_months(anchor.year, anchor.month, delta))
    if words.startswith(("the ", "a year")):
        backward = any(w in words for w in ("before", "previous", "preceding", "earlier"))
        base = ctx.last_year if ctx.last_year is not None else anchor.year if anchor else None
        return None if base is None else _iso(base + (-1 if backward else 1))
    if anchor is None:
        return None
    delta = -1 if "last" in words else 1 if "next" in words else 0
    return _iso(anchor.year + delta)


def _ago(m: re.Match[str], ctx: Context) -> str | None:
    anchor = ctx.anchor
    if anchor is None:
        return None
    count = number(m["n"])
    unit = m["u"].lower()
    if unit.startswith("year"):
        return _iso(anchor.year - count)
    if unit.startswith("month"):
        return (
            None
            if anchor.month is None
            else _iso(*_shift_months(anchor.year, anchor.month, -count))
        )
    exact = anchor.exact
    return None if exact is None else (exact - timedelta(days=count)).isoformat()


_DMY = rf"{_WD_PREFIX}(?:the\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MONTH}),?\s+(?P<y>{_YEAR})"
_MDY = rf"{_WD_PREFIX}(?P<m>{MONTH})\s+(?:the\s+)?(?P<d>{DAY}),?\s+(?:of\s+)?(?P<y>{_YEAR})"
_ISO = r"(?<![\d-])(?P<y>1[5-9]\d\d|20\d\d)-(?P<m>0[1-9]|1[0-2])(?:-(?P<d>[0-3]\d))?(?![\d-])"
_YMD_NUMERIC = (
    r"(?<![\d.])(?P<y>1[5-9]\d\d|20\d\d)([/.])(?P<m>0?[1-9]|1[0-2])\2(?P<d>[0-3]?\d)(?![\d])"
)
_DMY_DOTTED = r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>0?[1-9]|1[0-2])\.(?P<y>1[5-9]\d\d|20\d\d)(?!\d)"
_MY = rf"(?:(?:{_SEASON})[\s-]+)?(?P<m>{MONTH}),?\s+(?:of\s+)?(?P<y>{_YEAR})"
_DM = rf"{_WD_PREFIX}(?:the\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MONTH})(?!,?\s+\d)"
_MD = rf"{_WD_PREFIX}(?P<m>{MONTH})\s+(?:the\s+)?(?P<d>{DAY})(?![,.]?\d|\s+\d)"
_M = (
    r"(?:\b(?P<p>(?i:in|on|since|until|till|by|during|from|to|before|after|of|and|or|through))"
    r"\s+)?"
    rf"(?P<x>(?:(?P<q>(?i:this\s+past|last|past|next|this))\s+|(?P<s>(?i:{_SEASON}))[\s-]+)?"
    rf"(?P<m>{_MONTH_FULL})(?!\s+\d)"
    r"(?:,?\s+(?P<ry>(?i:of\s+)?(?i:last|this|next|previous|following)\s+(?i:year)))?)"
)
_Y = rf"(?:(?:(?i:{_SEASON}))(?:\s+of)?[\s-]+)?(?P<y>{_BARE_YEAR})(?!-(?:0[1-9]|1[0-2])(?!\d))"
_DAY_WORD = (
    r"\b(?P<w>the day before yesterday|(?:earlier |later )?today|tonight"
    r"|this (?:morning|afternoon|evening)|yesterday(?: (?:morning|afternoon|evening|night))?"
    r"|last night|tomorrow(?: (?:morning|afternoon|evening|night))?)\b"
)
_WD_ALONE = (
    r"(?:(?P<q>(?i:last|next|this coming|this|coming))\s+)?"
    rf"(?P<wd>{_WEEKDAY_FULL})(?!\s*,?\s*(?:the\s+)?\d)"
)
_PERIOD = (
    r"\b(?:(?:earlier|later)\s+)?(?:last|this|next)\s+(?:year|month)\b"
    r"|\bthe\s+(?:previous|preceding|following|next)\s+(?:year|month)\b"
    r"|\bthe\s+year\s+(?:before|after)\b|\ba\s+year\s+(?:earlier|later|before|after)\b"
)
_AGO = rf"\b(?P<n>{_NUMBER})\s+(?P<u>years?|months?|days?)\s+ago\b"

#: Every kind of date expression with its resolver; at one position the longest match wins.
PATTERNS: tuple[tuple[re.Pattern[str], _Resolver], ...] = (
    (re.compile(_DMY), _full_date),
    (re.compile(_MDY), _full_date),
    (re.compile(_ISO), _iso_date),
    (re.compile(_YMD_NUMERIC), _iso_date),
    (re.compile(_DMY_DOTTED), _iso_date),
    (re.compile(_MY), _month_year),
    (re.compile(_DM), _day_month),
    (re.compile(_MD), _day_month),
    (re.compile(_M), _month_alone),
    (re.compile(_Y), _year),
    (re.compile(_DAY_WORD, re.IGNORECASE), _day_word),
    (re.compile(_WD_ALONE), _weekday_alone),
    (re.compile(_PERIOD, re.IGNORECASE), _relative_period),
    (re.compile(_AGO, re.IGNORECASE), _ago),
)

SHIFT = re.compile(
    rf"\b(?P<n>{_NUMBER})\s+(?P<u>years?|months?|weeks?|days?)\s+"
    r"(?P<dir>before|after|prior\s+to|earlier\s+than|later\s+than)\s+(?:the\s+)?$",
    _F,
)


def shift_date(iso: str, count: int, unit: str, backward: bool) -> str | None:
    """Move an ISO date by a count of units; refuse a unit finer than the date's precision."""
    sign = -1 if backward else 1
    parts = [int(p) for p in iso.split("-")]
    if unit.startswith("year"):
        parts[0] += sign * count
        return _iso(*parts) if len(parts) < 3 else _clamped(parts[0], parts[1], parts[2])
    if len(parts) == 1:
        return None
    if unit.startswith("month"):
        year, month = _shift_months(parts[0], parts[1], sign * count)
        return _iso(year, month) if len(parts) == 2 else _clamped(year, month, parts[2])
    if len(parts) == 2:
        return None
    days = count * (7 if unit.startswith("week") else 1)
    return (date(parts[0], parts[1], parts[2]) + timedelta(days=sign * days)).isoformat()


def _clamped(year: int, month: int, day: int) -> str:
    return date(year, month, min(day, _month_end(year, month).day)).isoformat()
