"""Site chrome removal for plain-text exports of web pages, and the line classes it uses.

A page saved as text keeps its menus, share buttons, counters, "Related Posts" teasers and
footers around the article.  These rules are general (phrases found on many sites, the
shape of navigation lines, the position of a block relative to the article's prose), not
tied to one site: the article is the span from its header (headline, date, byline) to its
last paragraph of prose, minus the boilerplate lines inside it.  The line classifiers are
shared with :mod:`kg.segment`, which finds item headers with them.
"""

from __future__ import annotations

import re

from kg.dates import parse_date_line

__all__ = [
    "find_publisher",
    "is_boilerplate",
    "is_byline",
    "is_headline",
    "is_prose",
    "is_tail_heading",
    "remove_chrome",
    "word_count",
]

_I = re.IGNORECASE

_SOCIAL = (
    r"(?:(?:share(?: this)?|post|send|follow us)(?: (?:on|via|to|with))? ?)?"
    r"(?:facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|tumblr|e-?mail"
    r"|print|messenger|viber|line|copy link|youtube|instagram)(?: ?share)?"
)
_BOILERPLATE = [
    re.compile(pattern, _I)
    for pattern in (
        # navigation, search and account widgets
        r"skip to (?:the )?(?:main )?(?:content|navigation|menu)|(?:main |open |close )?menu"
        r"|toggle navigation|navigation|search(?: for)?:?|search\.{3}|no results?(?: found)?"
        r"|view all results?|select this search icon\b.*|close|back to top|go to top|home"
        r"|sign in|log ?in|log ?out|sign up|register|my account",
        # sharing and counters
        rf"(?:{_SOCIAL}[\s|·•,/]*){{1,10}}|share|share this(?: article| story| page| post)?:?"
        r"|tweet|print this (?:page|article)|other ways to share|share (?:this )?(?:article|story)",
        r"(?:\d+(?:[.,]\d+)*\s*[km]?\s*)?(?:shares?|views?|comments?|likes?|reads?|reactions?)",
        r"\d+(?:[.,]\d+)*[km]?",
        r"-?\d{1,3}(?:[.,]\d)?\s*°\s*[cf]?",
        # advertising, cookies, appeals
        r"advertisement|sponsored(?: content)?|loading\.{0,3}|read more\.{0,3}"
        r"|continue reading\.{0,3}|load more|show more|see more|accept(?: all)?(?: cookies)?"
        r"|(?:we|this (?:site|website)) uses? cookies.*|cookie (?:policy|settings).*"
        r"|privacy policy|terms (?:of (?:use|service)|and conditions)|contact us|about us"
        r"|like us on facebook|donate(?: now| today)?|support (?:us|our work)"
        r"|sign up for (?:our|the) newsletter.*|subscribe(?: now)?|subscribe to .{1,80}"
        r"|newsletter|.*\btax[- ]deductible\b.*|.*\byour (?:gift|donation) (?:can|will)\b.*",
        # footers and syndication notes
        r"(?:©|\(c\)|copyright\b).{0,200}|.*\ball rights reserved\b.*"
        r"|.*\ball contents and images are copyright\b.*"
        r"|(?:this (?:article|story|post|report) (?:was )?)?(?:first|originally) "
        r"(?:published|appeared)\b.*|error: content is protected.*|tags?:.*|filed under:?.*"
        r"|categor(?:y|ies):.*|source:\s*\S.{0,80}",
    )
]
_BOILERPLATE_CASED = [
    re.compile(r"[•·▪►▸◦‣]\s*[^.!?:;,]{1,40}"),  # a menu entry: checked for length below
    re.compile(r"Home(?:\s+[A-Z][\w&'’-]*){1,5}|.{1,40}(?:\s*[›»]\s*[^›»]{1,40}){1,6}"),
    re.compile(r"[A-Z][a-z]+(?: / [A-Z][a-z]+){1,3}"),  # a filter facet: "Region / Country"
]
_MENU_SEPARATOR = re.compile(r"\s+[|·•]\s+")
_YEAR_LINE = re.compile(r"(?:1[89]|20)\d\d")
_TAIL_HEADING = re.compile(
    r"related(?: (?:posts?|articles?|stories|news|content|reading|topics|links|coverage))?"
    r"|you (?:may|might) also (?:like|be interested in)|more (?:stories|news|articles)"
    r"|most (?:popular|read|viewed|shared|commented)"
    r"|trending(?: now| stories)?|popular (?:posts|stories|articles)"
    r"|recommended(?: for you| stories| articles)?|read next|what to read next"
    r"|previous (?:post|article|story)|next (?:post|article|story)|post navigation"
    r"|leave a (?:reply|comment)|\d* ?comments?|join the conversation"
    r"|latest (?:news|posts|articles|stories)|(?:latest|more) (?:from|in|on) .{1,40}|see also",
    _I,
)
_CATEGORY = re.compile(
    r"(?:(?:posted|filed|published) )?in [A-Z][\w&'’ -]{0,30}(?:,\s*[A-Z][\w&'’ -]{0,30}){0,5}"
)
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}"
_BYLINE = re.compile(
    rf"(?i:by|written by|posted by|reported by|words by)\s*:?\s+{_NAME}"
    rf"(?:\s*(?:,|and|&)\s*{_NAME})*"
)
_ROLES = ("reporter", "correspondent", "staff writer", "contributing writer", "editor")
_BYLINE_ROLE = re.compile(
    r"[^.!?]{0,60}\b(?:"
    + "|".join(form for role in _ROLES for form in (role.title(), role.upper()))
    + r")\b[^.!?]{0,40}"
)
_PROSE_END = re.compile(r"[.!?:;…][\"”’'»)\]]*$")
_HEADLINE_BAD_END = re.compile(r"[.,;:…][\"”’'»)\]]*$")
_PUBLISHER = (
    re.compile(r"source:\s*(?P<p>[^|]{2,80}?)\.?", _I),
    re.compile(
        r".*?\b(?:first|originally) (?:published|appeared) (?:in|on|by|at) (?:the website of )?"
        r"(?P<p>[A-Z][^.,;]{1,60}?)(?:[.,;].*)?",
        _I,
    ),
    re.compile(
        r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?:by\s+)?"
        r"(?P<p>[A-Z][^.|]{1,60}?)\.?(?:\s+all rights reserved\.?)?",
        _I,
    ),
)


def word_count(line: str) -> int:
    """Number of whitespace-separated words.

    >>> word_count("  Main menu ")
    2
    """
    return len(line.split())


def is_prose(line: str) -> bool:
    """A line of running text: a sentence of some length, not a label or a heading.

    >>> is_prose("He was arrested at his home on Sunday and charged with treason.")
    True
    >>> is_prose("Cambodia to Shut Down Cambodian Center for Human Rights")
    False
    """
    words = word_count(line)
    return (words >= 8 and bool(_PROSE_END.search(line))) or words >= 20


def is_boilerplate(line: str) -> bool:
    """A line that belongs to the site, not the article: menus, share buttons, counters,
    appeals and footers.

    >>> [is_boilerplate(s) for s in ("• LATEST", "Share on FacebookShare on Twitter", "33")]
    [True, True, True]
    >>> [is_boilerplate(s) for s in ("2017", "Home ASIA Cambodia", "Kem Sokha was arrested.")]
    [False, True, False]
    """
    text = line.strip()
    if not text or _YEAR_LINE.fullmatch(text):
        return False
    if any(p.fullmatch(text) for p in _BOILERPLATE):
        return True
    entries = _MENU_SEPARATOR.split(text)
    if len(entries) >= 3 and all(word_count(entry) <= 4 for entry in entries):
        return True
    bullet, crumbs, facets = _BOILERPLATE_CASED
    if bullet.fullmatch(text) and word_count(text.lstrip("•·▪►▸◦‣")) <= 3:
        return True
    return word_count(text) <= 8 and bool(crumbs.fullmatch(text) or facets.fullmatch(text))


def is_tail_heading(line: str) -> bool:
    """A heading that starts the page's closing blocks ("Related Posts", "Next Post").

    >>> is_tail_heading("Related Posts"), is_tail_heading("Related rulings were appealed.")
    (True, False)
    """
    return bool(_TAIL_HEADING.fullmatch(line.strip()))


def is_byline(line: str) -> bool:
    """An author line ("By: Chan Dara") or a role line that goes with it ("Staff Reporter").

    >>> is_byline("By: Chan Dara"), is_byline("Fictional Times Reporter, Asia")
    (True, True)
    >>> is_byline("By 2018, the party had been dissolved.")
    False
    """
    text = line.strip()
    if word_count(text) > 10 or _PROSE_END.search(text):
        return False
    return bool(_BYLINE.fullmatch(text) or _BYLINE_ROLE.fullmatch(text))


def is_headline(line: str) -> bool:
    """A line that can be a headline: short, with letters, not ending like a sentence.

    >>> is_headline("Cambodia to Shut Down Cambodian Center for Human Rights")
    True
    >>> is_headline("He said the verdict would be appealed."), is_headline("21 June 2022")
    (False, False)
    """
    text = line.strip()
    words = word_count(text)
    if not 1 <= words <= 30 or len(text) > 250 or not re.search(r"[^\W\d_]", text):
        return False
    if _HEADLINE_BAD_END.search(text) or (text[-1] in "!?" and words > 12):
        return False
    return not (is_boilerplate(text) or is_byline(text) or parse_date_line(text))


def find_publisher(lines: list[str]) -> str | None:
    """The publisher a page names at its foot: "Source: X", "first published in X", "© X".

    >>> find_publisher(["Text.", "© 2021 Fictional Times. All rights reserved."])
    'Fictional Times'
    >>> find_publisher(["Source: Imaginary Watch", "© 2021 Fictional Times"])
    'Imaginary Watch'
    """
    for pattern in _PUBLISHER:
        for line in lines:
            found = pattern.fullmatch(line.strip())
            if found and word_count(found["p"]) <= 8:
                return found["p"].strip()
    return None


def _article_start(lines: list[str], first_prose: int) -> int:
    """Index of the article's first line: its headline (or date) above the first prose."""
    header = [i for i in range(first_prose) if lines[i] and not is_boilerplate(lines[i])]
    dates = [i for i in header if parse_date_line(lines[i])]
    if dates:
        date_at = dates[-1]
        above = [i for i in header if i < date_at and not is_byline(lines[i])]
        title = lines[above[-1]] if above and is_headline(lines[above[-1]]) else None
        between = [
            i
            for i in header
            if i > date_at
            and lines[i] != title
            and not (is_byline(lines[i]) or _CATEGORY.fullmatch(lines[i]))
        ]
        if not any(is_headline(lines[i]) for i in between):
            return above[-1] if title is not None else date_at
        if header[0] != date_at or len(between) < 2:
            return date_at
        header = between
    for i in header:
        if word_count(lines[i]) > 3 or _PROSE_END.search(lines[i]):
            return i
    return first_prose


def remove_chrome(lines: list[str]) -> list[str]:
    """Keep the article of a page's stripped lines and drop the site around it.

    The article runs from its header (see :func:`_article_start`) to its last prose line
    before the first closing block ("Related Posts") or trailing footer; inside it,
    boilerplate lines, a repeated headline and category labels of the header are dropped,
    as are lines that merely repeat the line before.
    """
    first_prose = next(
        (i for i, line in enumerate(lines) if is_prose(line) and not is_boilerplate(line)), None
    )
    start, end = 0, len(lines)
    if first_prose is not None:
        start = _article_start(lines, first_prose)
        end = next((i for i in range(first_prose + 1, end) if is_tail_heading(lines[i])), end)
        last_prose = max(
            i
            for i in range(first_prose, end)
            if is_prose(lines[i]) and not is_boilerplate(lines[i])
        )
        end = next((i for i in range(last_prose + 1, end) if is_boilerplate(lines[i])), end)
    kept: list[str] = []
    previous = None
    for i in range(start, end):
        line = lines[i]
        if is_boilerplate(line) or (line and line == previous):
            continue
        in_header = first_prose is not None and start < i < first_prose
        if in_header and (line == lines[start] or _CATEGORY.fullmatch(line)):
            continue
        kept.append(line)
        if line:
            previous = line
    return kept
