"""Date expressions in English news text: absolute ones parsed, relative ones resolved.

Dates come out as ISO 8601 strings exactly as precise as the text: ``"2017-09-03"``,
``"2017-09"`` or ``"2017"``.  Relative expressions ("yesterday", "last Thursday",
"on 10 November", "in December last year") are resolved against an *anchor*, the date of
the item they appear in; without an anchor they stay unresolved rather than guessed.
Used by :mod:`kg.segment` (dated items) and by the event extractor (event dates); the
patterns and resolvers live in :mod:`kg.date_rules`.  Pure functions, no I/O.
"""

from __future__ import annotations

import re

from kg.date_rules import (
    DAY,
    MONTH,
    PATTERNS,
    SHIFT,
    WEEKDAY,
    Context,
    day_month_year,
    day_of,
    month_of,
    number,
    parse_anchor,
    shift_date,
    weekday_of,
)

__all__ = [
    "find_dates",
    "parse_date",
    "parse_date_line",
    "precision",
    "refine_anchor",
]


def precision(iso: str) -> str:
    """Return ``"day"``, ``"month"`` or ``"year"`` for an ISO date string.

    >>> precision("2017-09-03"), precision("2017-09"), precision("2017")
    ('day', 'month', 'year')
    """
    return {10: "day", 7: "month"}.get(len(iso), "year")


def _candidates(sentence: str) -> list[tuple[int, int, int, re.Match[str]]]:
    found = []
    for index, (pattern, _) in enumerate(PATTERNS):
        for m in pattern.finditer(sentence):
            group = "x" if "x" in pattern.groupindex else 0
            if m.end(group) > m.start(group):
                found.append((m.start(group), m.end(group), index, m))
    found.sort(key=lambda c: (c[0], -(c[1] - c[0]), c[2]))
    chosen: list[tuple[int, int, int, re.Match[str]]] = []
    for candidate in found:
        if not chosen or candidate[0] >= chosen[-1][1]:
            chosen.append(candidate)
    return chosen


def find_dates(sentence: str, anchor: str | None) -> list[tuple[int, int, str]]:
    """Return ``(start, end, iso)`` for every date expression in ``sentence`` that resolves.

    Relative expressions resolve against ``anchor`` (the item's ISO date, any precision);
    an expression that cannot be resolved (no anchor, a weekday that contradicts the
    day) is left out rather than guessed.

    >>> find_dates("He was arrested on 3 September 2017.", None)
    [(19, 35, '2017-09-03')]
    >>> sentence = "released this afternoon, yesterday and last Thursday"
    >>> [iso for _, _, iso in find_dates(sentence, "2015-02-24")]
    ['2015-02-24', '2015-02-23', '2015-02-19']
    >>> [iso for _, _, iso in find_dates("convicted in December last year", "2013-11-26")]
    ['2012-12']
    >>> [iso for _, _, iso in find_dates("On Saturday 9 November he arrived", "2021-06-03")]
    ['2019-11-09']
    >>> [iso for _, _, iso in find_dates("sentenced in 2005 for a murder the year before", None)]
    ['2005', '2004']
    >>> [iso for _, _, iso in find_dates("a month before the July 2013 National Election", None)]
    ['2013-06']
    >>> find_dates("On Sunday, September 3rd, he was arrested.", None)
    []
    >>> [iso for _, _, iso in find_dates("Posted 03.09.2017, updated 2017/09/04", None)]
    ['2017-09-03', '2017-09-04']
    """
    context = Context(parse_anchor(anchor), None)
    results: list[tuple[int, int, str]] = []
    for start, end, index, match in _candidates(sentence):
        iso = PATTERNS[index][1](match, context)
        if iso is None:
            continue
        shift = SHIFT.search(sentence, 0, start)
        if shift:
            moved = shift_date(
                iso,
                number(shift["n"]),
                shift["u"].lower(),
                not shift["dir"].lower().startswith(("after", "later")),
            )
            if moved is None:
                continue
            start, iso = shift.start(), moved
            results = [r for r in results if r[1] <= start]
        if not _RELATIVE_WORD.search(match.group()):
            context = Context(context.anchor, int(iso[:4]))
        results.append((start, end, iso))
    return results


_RELATIVE_WORD = re.compile(
    r"\b(?:ago|before|after|earlier|later|previous|preceding|following|last|next|this)\b",
    re.IGNORECASE,
)
_LEADING = re.compile(r"^[\s(\[]*(?:(?:on|dated|date)\b:?\s*)?", re.IGNORECASE)


def parse_date(text: str) -> str | None:
    """Parse a string that is one absolute date expression; return its ISO form or None.

    >>> [parse_date(s) for s in ("3 September 2017", "September 3rd, 2017", "Sept. 3, 2017")]
    ['2017-09-03', '2017-09-03', '2017-09-03']
    >>> [parse_date(s) for s in ("2017-09-03", "September 2017", "2017", "late 2017")]
    ['2017-09-03', '2017-09', '2017', '2017']
    >>> parse_date("Monday, January 30, 2023")
    '2023-01-30'
    >>> [parse_date(s) for s in ("early October", "the 1960s", "17", "today")]
    [None, None, None, None]
    """
    body = _LEADING.sub("", text).rstrip(" \t.,;)]")
    if not body:
        return None
    found = find_dates(body, None)
    if len(found) == 1 and found[0][0] == 0 and found[0][1] == len(body):
        return found[0][2]
    return None


_LINE_LABEL = re.compile(
    r"^(?:(?:posted|published|updated|last\s+updated|released|issued)(?:\s+on)?|date(?:d)?)\s*[:|\-–]?\s*",
    re.IGNORECASE,
)
_LINE_TIME = re.compile(
    r"(?:\s*(?:[|,·•–-]|at)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5}(?:[+-]\d{1,2})?)?)$",
    re.IGNORECASE,
)


#: Every line of every document is asked whether it is a date line, so a paragraph is turned
#: down before the patterns scan it: a date line has a digit (without an anchor, and a date
#: line has none, only expressions with a number resolve) and a few words (the longest
#: expression, with a label and a time of day, has fewer than 30).
_DIGIT = re.compile(r"\d")
_MAX_LINE_WORDS = 40


#: A date line is short; longer lines are not tried (the patterns are slow on huge lines).
_MAX_LINE_CHARS = 200


def parse_date_line(line: str) -> str | None:
    """Parse a line that states only a date (a dateline of a page or of a listing entry).

    A leading label ("Posted on", "Published:") and a trailing time of day are allowed;
    a bare year is not a date line (it is more often a heading or a counter).

    >>> parse_date_line("May 30, 2017"), parse_date_line("Published: 21 June 2022 10:32 AM")
    ('2017-05-30', '2022-06-21')
    >>> parse_date_line("Posted at 0001hrs GMT 4 June 2015"), parse_date_line("2017")
    (None, None)
    >>> parse_date_line("yesterday"), parse_date_line("He was arrested on 3 May 2017. " * 9)
    (None, None)
    """
    if len(line) > _MAX_LINE_CHARS or _DIGIT.search(line) is None:
        return None
    if len(line.split(None, _MAX_LINE_WORDS)) > _MAX_LINE_WORDS:
        return None
    stripped = _LINE_TIME.sub("", _LINE_LABEL.sub("", line.strip()))
    iso = parse_date(stripped)
    return iso if iso is not None and precision(iso) != "year" else None


_PINNED = re.compile(
    rf"(?P<wd>{WEEKDAY}),?\s+(?:(?:the\s+)?(?P<d1>{DAY})\s+(?:of\s+)?(?P<m1>{MONTH})"
    rf"|(?P<m2>{MONTH})\s+(?:the\s+)?(?P<d2>{DAY}))(?!,?\s+\d)"
)


def refine_anchor(text: str, anchor: str | None) -> str | None:
    """Return the date the text was written, where its weekdays show the anchor is later.

    A page re-published long after the article ("Saturday 9 November" on a page dated
    June 2021) gives dates without years the wrong year; a weekday pins the true one.  The
    latest weekday-pinned date becomes the anchor when it disagrees with the plain reading;
    otherwise the anchor is returned unchanged.

    >>> refine_anchor("On Saturday 9 November he arrived in the capital.", "2021-06-03")
    '2019-11-09'
    >>> refine_anchor("On Sunday, September 3rd, he was arrested.", "2017-09-05")
    '2017-09-05'
    """
    parsed = parse_anchor(anchor)
    if parsed is None:
        return anchor
    pinned = []
    for m in _PINNED.finditer(text):
        month = month_of(m["m1"] or m["m2"])
        day = day_of(m["d1"] or m["d2"])
        with_weekday = day_month_year(month, day, weekday_of(m["wd"]), parsed)
        without = day_month_year(month, day, None, parsed)
        if with_weekday is not None and with_weekday != without:
            pinned.append(with_weekday)
    return max(pinned) if pinned else anchor
