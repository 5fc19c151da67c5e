"""Where a text's lines are headlines, captions or citations rather than running prose.

A Title Case headline ("Flash Info | ...", "Hun Sen Seeks to ...") is poor evidence for a name:
the statistical model reads its capitalised words as names.  The span component and
:mod:`kg.extract.actors` use these line ranges to demand confirmation from body text.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["body_occurrences", "headline_lines", "in_ranges"]

_SMALL = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "for",
        "to",
        "in",
        "on",
        "and",
        "or",
        "at",
        "by",
        "with",
        "from",
        "as",
        "is",
        "are",
        "vs",
        "via",
        "over",
        "after",
        "amid",
        "into",
        "be",
        "de",
    }
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _is_headline(line: str) -> bool:
    """A line is a headline when it is Title Case, or short and not a finished sentence.

    A finished sentence with a lower-case content word ("Chan Dara, Lim Sovann and Pich
    Nary were released on Friday.") is prose however many names it holds: Title Case
    headlines capitalise every content word.
    """
    words = _WORD.findall(line)
    if not words:
        return False
    content = [w for w in words if w.lower() not in _SMALL]
    capitalised = sum(1 for w in content if w[0].isupper())
    finished = line.rstrip().endswith((".", "!", "?", "”", '"', ".)", ":", "’"))
    if len(content) >= 2 and capitalised >= 0.75 * len(content):
        return not finished or (len(words) < 12 and capitalised == len(content))
    return not finished and len(words) < 16


@lru_cache(maxsize=64)
def headline_lines(text: str) -> tuple[tuple[int, int], ...]:
    """Return the (start, end) character ranges of the headline-like lines of a text.

    >>> headline_lines("Chan Dara Seeks Office\\nChan Dara said he would stand again.\\n")
    ((0, 22),)
    """
    ranges = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip() and _is_headline(line):
            ranges.append((start, end))
        start = end + 1
    return tuple(ranges)


def in_ranges(ranges: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """Return whether [start, end) lies within one of the ranges."""
    return any(a <= start and end <= b for a, b in ranges)


@lru_cache(maxsize=4096)
def body_occurrences(text: str, surface: str) -> int:
    """Count whole-word occurrences of ``surface`` in the text's non-headline lines.

    >>> body_occurrences("Chan Dara Seeks Office\\nChan Dara said so.\\n", "Chan Dara")
    1
    """
    if not surface.strip():
        return 0
    ranges = headline_lines(text)
    pattern = re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)")
    return sum(1 for m in pattern.finditer(text) if not in_ranges(ranges, m.start(), m.end()))
