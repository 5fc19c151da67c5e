"""Extraction: actors, memberships and events from parsed items.

:func:`load_nlp` builds the spaCy pipeline (the model named in :class:`~kg.settings.Settings`
plus this package's registered components); :func:`extract_document` turns one document's
parsed items into an :class:`~kg.model.Extraction`.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from kg.model import Document, Event, Extraction, Item, Membership, Mention

from .actors import find_mentions
from .events import find_events, link_numbered_groups
from .memberships import find_memberships
from .nlp import load_nlp

__all__ = ["extract_document", "load_nlp"]


def extract_document(
    document: Document, items: Sequence[Item], parsed: Sequence[Doc]
) -> Extraction:
    """Extract mentions, memberships and events from a document's items.

    ``parsed[i]`` is ``nlp(items[i].text)``; offsets in the result are into ``document.text``.
    """
    mentions: list[Mention] = []
    events: list[Event] = []
    memberships: list[Membership] = []
    for item, sdoc in zip(items, parsed, strict=True):
        item_mentions = find_mentions(document, item, sdoc)
        mentions.extend(item_mentions)
        memberships.extend(find_memberships(document, item, sdoc, item_mentions))
        events.extend(find_events(document, item, sdoc, item_mentions))
    # "All eight were released": a group named by its size in one item and listed in another.
    events = link_numbered_groups(document, events)
    return Extraction(tuple(mentions), tuple(events), tuple(memberships))
