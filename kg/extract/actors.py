"""Actor and place mentions of one item, from the ``kg_actor_spans`` component's spans.

Spans that stand in a headline-like line (a Title Case headline, an item's title) need
confirmation from the body text of the document: a headline's capitalised words are poor
evidence for a name.  An unconfirmed span is cut to its longest confirmed part ("Chan Dara
Wins" -> "Chan Dara") or dropped ("Flash Info").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from kg.model import Document, Item, Mention, stable_id

from .candidates import ActorSpan
from .kinds import kind_of_name
from .layout import body_occurrences, headline_lines, in_ranges
from .spans import stored_spans

__all__ = ["find_mentions"]

_SELF_EVIDENT = {"byline", "reporter-line", "source-line", "credit"}


def _confirmed_part(document: Document, text: str, span: ActorSpan) -> ActorSpan | None:
    """The longest run of the span's words that the body text also uses, retyped."""
    words = text.split(" ")
    offsets = []
    position = 0
    for word in words:
        offsets.append(position)
        position += len(word) + 1
    for size in range(len(words), 0, -1):
        for first in range(0, len(words) - size + 1):
            part = " ".join(words[first : first + size])
            if len(part) < 2 or not part[0].isupper() or body_occurrences(document.text, part) == 0:
                continue
            kind = kind_of_name(part)
            if kind == "":
                continue
            if span.type == "Person" and kind is None and size < 2:
                continue
            new_type = kind or span.type
            if (
                new_type != "Person"
                and kind is None
                and size < len(words)
                and span.type != "Person"
            ):
                continue
            start = span.start + offsets[first]
            return ActorSpan(start, start + len(part), new_type, span.rule + "-confirmed", 0.6)
    return None


def _weak_single_word(document: Document, text: str, span: ActorSpan) -> bool:
    """A lone capitalised word the model guessed as an organisation, used in no longer name."""
    if span.confidence > 0.4 or " " in text or text.isupper():
        return False
    longer = re.compile(
        r"[A-Z][\w’'-]+ " + re.escape(text) + r"\b|\b" + re.escape(text) + r" [A-Z]"
    )
    return not longer.search(document.text)


def _headline_ranges(item: Item) -> tuple[tuple[int, int], ...]:
    """Headline-like lines of the item, its own title line included."""
    ranges = headline_lines(item.text)
    if item.title and item.text.lstrip().startswith(item.title.strip()):
        offset = len(item.text) - len(item.text.lstrip())
        ranges = ((offset, offset + len(item.title.strip())), *ranges)
    return ranges


def find_mentions(document: Document, item: Item, sdoc: Doc) -> list[Mention]:
    """Return the actor and place mentions of one parsed item, in text order."""
    headlines = _headline_ranges(item)
    mentions = []
    for span in stored_spans(sdoc):
        text = item.text[span.start : span.end]
        if _weak_single_word(document, text, span):
            continue
        headline = in_ranges(headlines, span.start, span.end) and span.rule not in _SELF_EVIDENT
        if headline and body_occurrences(document.text, text) == 0:
            confirmed = _confirmed_part(document, text, span)
            if confirmed is None:
                continue
            span = confirmed
            text = item.text[span.start : span.end]
        start = item.start + span.start
        end = item.start + span.end
        mentions.append(
            Mention(
                mention_id=stable_id(document.doc_id, start, end),
                item_id=item.item_id,
                text=text,
                type=span.type,
                start=start,
                end=end,
                extractor=span.rule,
                confidence=span.confidence,
            )
        )
    return mentions
