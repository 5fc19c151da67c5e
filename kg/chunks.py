"""Cutting over-long items into pieces the parser can take, without moving any offset.

spaCy refuses a text over ``nlp.max_length`` characters and its memory grows with the
text, so an item longer than the chunk size is parsed piece by piece.  Each piece is an
:class:`~kg.model.Item` with the item's id, index, date and title and its own ``start``,
``end`` and ``text``, so everything extracted from it still points at the right item and
the right characters of the document.  Pieces end at a paragraph break where there is one,
else at a line break, else at a space: sentences rarely cross them.  Pure functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kg.model import Item

__all__ = ["split_long_items"]


def _cut(text: str, start: int, size: int) -> int:
    """Where the piece of ``text`` from ``start`` ends: the last break in its second half."""
    end = start + size
    if end >= len(text):
        return len(text)
    for separator in ("\n\n", "\n", " "):
        found = text.rfind(separator, start + size // 2, end)
        if found != -1:
            return found + len(separator)
    return end


def split_long_items(items: Sequence[Item], size: int) -> tuple[Item, ...]:
    """Return the items, each one longer than ``size`` characters cut into pieces.

    >>> from kg.model import Item
    >>> item = Item("i", "d", 0, 10, 44, "Chan Dara was held.\\n\\nHe was freed.")
    >>> [(p.start, p.end, p.text) for p in split_long_items([item], 25)]
    [(10, 31, 'Chan Dara was held.\\n\\n'), (31, 44, 'He was freed.')]
    """
    pieces: list[Item] = []
    for item in items:
        if len(item.text) <= size:
            pieces.append(item)
            continue
        position = 0
        while position < len(item.text):
            end = _cut(item.text, position, size)
            pieces.append(
                replace(
                    item,
                    start=item.start + position,
                    end=item.start + end,
                    text=item.text[position:end],
                )
            )
            position = end
    return tuple(pieces)
