"""Splitting a document into dated items: the entries of a listing page, or one article.

A listing page repeats an item header: a date line ("May 30, 2017"), a headline over a
date line ("Flash Info | ..." then "21 June 2022"), or a headline over a byline
("By: Chan Dara").  Each header starts an item that runs to the next header.  An item's
text begins at its headline, or, when it has none, at its first body line (its date line
then belongs to the header, as a dateline does).  A document with at most one header is a
single item covering the whole text.  Relative dates in an item resolve against its date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.chrome import is_byline, is_headline, is_prose
from kg.dates import parse_date_line
from kg.model import Document, Item, stable_id

__all__ = ["segment"]

_BYLINE_START = re.compile(r"(?:by|written by|posted by|reported by|words by)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Header:
    first: int  # index of the header's first line (headline, date or byline)
    body: int  # index of the first line after the header
    title: str | None
    date: str | None


def _lines(text: str) -> list[_Line]:
    lines = []
    position = 0
    for part in text.split("\n"):
        lines.append(_Line(position, position + len(part), part.strip()))
        position += len(part) + 1
    return lines


def _is_header_line(line: str) -> bool:
    return bool(parse_date_line(line)) or is_byline(line)


def _header_at(lines: list[_Line], anchor: int) -> _Header:
    """The header around a date or byline line: the headline above it, if any, and the
    date and byline lines next to it."""
    first = anchor
    above = anchor - 1
    while above >= 0 and (not lines[above].text or _is_header_line(lines[above].text)):
        if lines[above].text:
            first = above
        above -= 1
    title = None
    if above >= 0 and is_headline(lines[above].text):
        first, title = above, lines[above].text
    body = anchor + 1
    while body < len(lines) and (not lines[body].text or _is_header_line(lines[body].text)):
        body += 1
    dates = (parse_date_line(lines[i].text) for i in range(first, body))
    return _Header(first, body, title, next((d for d in dates if d), None))


def _headers(lines: list[_Line]) -> list[_Header]:
    headers: dict[int, _Header] = {}
    for index, line in enumerate(lines):
        is_date = bool(parse_date_line(line.text))
        if not (is_date or (is_byline(line.text) and _BYLINE_START.match(line.text))):
            continue
        header = _header_at(lines, index)
        if header.first not in headers:
            headers[header.first] = header
    ordered = sorted(headers.values(), key=lambda h: h.first)
    kept: list[_Header] = []
    for position, header in enumerate(ordered):
        stop = ordered[position + 1].first if position + 1 < len(ordered) else len(lines)
        has_body = any(lines[i].text for i in range(header.body, stop))
        if header.title is not None or has_body:
            kept.append(header)
    return kept


def _item(
    document: Document, index: int, start: int, end: int, title: str | None, date: str | None
) -> Item:
    text = document.text
    while end > start and text[end - 1].isspace():
        end -= 1
    return Item(
        item_id=stable_id(document.doc_id, index),
        doc_id=document.doc_id,
        index=index,
        start=start,
        end=end,
        text=text[start:end],
        title=title,
        date=date,
    )


def segment(document: Document) -> tuple[Item, ...]:
    """Split a document into its items (at least one).

    >>> from kg.model import Document
    >>> text = "May 30, 2017\\n\\nChan Dara was freed.\\n\\nMay 2, 2017\\n\\nLim Sovann was held."
    >>> [(i.date, i.text) for i in segment(Document("d", "p", "p", "h", text))]
    [('2017-05-30', 'Chan Dara was freed.'), ('2017-05-02', 'Lim Sovann was held.')]
    """
    lines = _lines(document.text)
    headers = _headers(lines)
    if len(headers) <= 1:
        header = headers[0] if headers else None
        title = header.title if header and header.title else document.title
        date = header.date if header and header.date else document.date
        return (_item(document, 0, 0, len(document.text), title, date),)
    spans: list[tuple[int, int, str | None, str | None]] = []
    preamble = range(0, headers[0].first)
    if any(is_prose(lines[i].text) for i in preamble):
        spans.append((0, lines[headers[0].first].start, None, None))
    for position, header in enumerate(headers):
        following = headers[position + 1].first if position + 1 < len(headers) else None
        end = lines[following].start if following is not None else len(document.text)
        first_line = header.first if header.title is not None else min(header.body, len(lines) - 1)
        start = min(lines[first_line].start, end)
        spans.append((start, end, header.title, header.date))
    return tuple(_item(document, i, *span) for i, span in enumerate(spans))
