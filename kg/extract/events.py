"""Legal and political events that an item asserts: who was arrested, charged, convicted,
released or dissolved, by whom, when, where, for what offence, under which article.

Rules over the dependency parse (:mod:`.event_triggers`) find trigger words and their
participants; :mod:`.event_modality` drops what is only called for, feared, predicted,
conditional or denied; :mod:`.event_args` turns participants into the item's actor mentions
(following name lists, pronouns and "the three"); :mod:`.event_law` reads offences,
provisions and penalties; :mod:`.event_dates` dates each event; :mod:`.claim_status` says
whether the source asserts, alleges or disputes it, and whom it quotes.  One event is made
per trigger; triggers of one sentence that state the same happening are merged, and so are
an item's several tellings of one happening (same type and people, compatible dates).
:func:`link_numbered_groups` then names, across a document's items, the people of a group
such as "All eight" that its own item leaves unnamed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from spacy.tokens import Doc, Token

from kg.dates import find_dates, refine_anchor
from kg.model import ORGANIZATION_TYPES, Document, Event, Item, Mention, stable_id

from .claim_status import settle_claims
from .event_args import ItemContext, Participants, definite_number
from .event_charges import trigger_offences
from .event_dates import attach_dates
from .event_drafts import (
    Draft,
    merge_drafts,
    merge_tellings,
    name_offence_references,
    share_dates,
)
from .event_modality import is_asserted
from .event_penalties import penalty_of
from .event_provisions import find_provisions
from .event_triggers import Trigger, find_trigger, is_passive
from .layout import headline_lines, in_ranges

__all__ = ["find_events", "link_numbered_groups"]

_PERSON_EVENTS_EXCLUDE = frozenset({"Place", "Facility"})
_LEGAL_TYPES = (
    "Charge", "Conviction", "Sentencing", "Acquittal", "Trial", "ArrestWarrant", "Summons",
    "Complaint", "Appeal",
)  # fmt: skip
_CARRY_TYPES = frozenset({"ArrestWarrant", "Trial", "Appeal"})
_MIN_LINKED = 3
_AMENDED = re.compile(
    r"\b(?:amend|amending|amendment to|amendments to|repeal|repealing|abolish|abolishing"
    r"|reform|reforming|scrap|scrapping)\s+(?:the\s+)?$"
)


def _units(item: Item, sdoc: Doc) -> list[tuple[int, int]]:
    """Sentences split at line breaks, headline lines left out: (start, end) in the item."""
    headlines = headline_lines(item.text)
    units = []
    for sent in sdoc.sents:
        position = sent.start_char
        for piece in sent.text.split("\n"):
            start = position + len(piece) - len(piece.lstrip())
            end = position + len(piece.rstrip())
            position += len(piece) + 1
            finished = item.text[start:end].endswith((".", "!", "?", "”", '"', ".)"))
            if end > start and (finished or not in_ranges(headlines, start, end)):
                units.append((start, end))
    return units


def _capitalised_inside(token: Token, first: Token) -> bool:
    """A Title Case word inside a sentence is part of a name or title ("the ‘Free the 19’
    campaign"), not a trigger."""
    return token.i > first.i and token.text[:1].isupper() and not token.text.isupper()


def _anchor(document: Document, item: Item) -> str | None:
    """The date relative expressions resolve against: the item's, else the document's, else
    the latest full date the item cites (an undated article citing its own sources)."""
    anchor = item.date or document.date
    if anchor is None:
        cited = [iso for _, _, iso in find_dates(item.text, None) if len(iso) == 10]
        anchor = max(cited) if cited else None
    return refine_anchor(item.text, anchor)


def _fits(ctx: ItemContext, mention: Mention, event_type: str) -> bool:
    """Whether a mention can be the subject of an event of this type."""
    if event_type == "Dissolution":
        return mention.type in ORGANIZATION_TYPES and mention.type not in (
            "Court",
            "GovernmentBody",
        )
    if mention.type in _PERSON_EVENTS_EXCLUDE:
        return event_type != "Complaint" and all(
            w in ctx.person_words for w in mention.text.split()
        )
    return True


def _within(token: Token, unit: tuple[int, int]) -> bool:
    """Whether a token stands in a sentence (character range of the item)."""
    return unit[0] <= token.idx < unit[1]


def _resolve(
    ctx: ItemContext, trigger: Trigger, unit: tuple[int, int]
) -> tuple[tuple[Mention, ...], str | None, bool]:
    """Subjects and group of an event from its patient heads; the flag says coreference
    (a pronoun, "the three") supplied them."""
    mentions: list[Mention] = []
    groups: list[str] = []
    referred = False
    for head in trigger.patients:
        if not _within(head, unit):
            continue
        found: Participants = ctx.participants(head, trigger.alone)
        kept = [m for m in found.mentions if _fits(ctx, m, trigger.type)]
        mentions.extend(m for m in kept if m not in mentions)
        named_here = any(unit[0] <= m.start - ctx.item.start < unit[1] for m in kept)
        referred = referred or (bool(kept) and not named_here) or head.pos_ == "PRON"
        if found.group and (not kept or found.number is not None):
            groups.append(found.group)
    group = "; ".join(groups) if groups else None
    return tuple(sorted(mentions, key=lambda m: m.start)), group, referred


def _agents(ctx: ItemContext, heads: Sequence[Token], unit: tuple[int, int]) -> tuple[Mention, ...]:
    """The actor mentions who carried an event out."""
    found: list[Mention] = []
    for head in heads:
        if _within(head, unit):
            found.extend(
                m
                for m in ctx.participants(head).mentions
                if m.type not in _PERSON_EVENTS_EXCLUDE and m not in found
            )
    return tuple(found)


def _carried(
    ctx: ItemContext, trigger: Trigger, units: list[tuple[int, int]], index: int
) -> tuple[Mention, ...]:
    """The subjects of the previous event, for an agentless "An arrest warrant was issued"."""
    if trigger.type not in _CARRY_TYPES or not trigger.noun or trigger.agents or index == 0:
        return ()
    verb = trigger.token.head
    if trigger.token.dep_ != "nsubjpass" or not is_passive(verb) or not ctx.history:
        return ()
    position, subjects = ctx.history[-1]
    previous = units[index - 1]
    if previous[0] <= ctx.sdoc[position].idx < previous[1]:
        return subjects
    return ()


def _assemble(ctx: ItemContext, units: list[tuple[int, int]], anchor: str | None) -> list[Draft]:
    """One draft per asserted trigger of each sentence, in text order."""
    sdoc = ctx.sdoc
    mention_types = {i: m.type for i, m in ctx.by_token.items()}
    drafts: list[Draft] = []
    for index, unit in enumerate(units):
        tokens = [t for t in sdoc if unit[0] <= t.idx < unit[1]]
        if not tokens:
            continue
        triggers = []
        for token in tokens:
            if token.i in ctx.by_token or _capitalised_inside(token, tokens[0]):
                continue
            trigger = find_trigger(token, mention_types)
            if trigger is None:
                continue
            asserted = is_asserted(trigger.token, noun=trigger.noun, decision=trigger.decision)
            if trigger.governor is not None:
                asserted = asserted and is_asserted(trigger.governor, noun=False)
            if asserted:
                triggers.append(trigger)
        if not triggers:
            continue
        told = [d.date for d in drafts if d.date]
        reference = told[-1] if told else None
        dates = attach_dates(sdoc, unit[0], unit[1], [t.token for t in triggers], anchor, reference)
        frame = _Frame(tokens[-1].i + 1, frozenset(t.token.i for t in triggers), dates)
        unit_drafts: list[Draft] = []
        unaimed: list[Trigger] = []
        for trigger in triggers:
            subjects, group, referred = _resolve(ctx, trigger, unit)
            extractor = f"rules:{trigger.rule}"
            if not subjects and not group:
                subjects = _carried(ctx, trigger, units, index)
                extractor += "+carried"
            elif referred:
                extractor += "+coref"
            if not subjects and trigger.type == "Complaint":
                unaimed.append(trigger)
            if not subjects and (not group or trigger.type == "Dissolution"):
                continue
            unit_drafts.append(_draft(ctx, trigger, unit, (subjects, group), extractor, frame))
            ctx.remember(trigger.token.i, subjects)
        for trigger in unaimed:
            # "dissolved the union, ruling on a lawsuit filed by the ministry": that union
            ended = [d.subjects for d in unit_drafts if d.trigger.type == "Dissolution"]
            if ended:
                extractor = f"rules:{trigger.rule}+carried"
                unit_drafts.append(_draft(ctx, trigger, unit, (ended[0], None), extractor, frame))
        unit_drafts.sort(key=lambda d: d.trigger.token.i)
        _cite(sdoc, unit, unit_drafts)
        drafts.extend(unit_drafts)
    return drafts


class _Frame(NamedTuple):
    """What the triggers of one sentence share: where the sentence ends (a token index), the
    positions of its triggers, and the dates attached to them."""

    limit: int
    positions: frozenset[int]
    dates: dict[int, str]


def _draft(
    ctx: ItemContext,
    trigger: Trigger,
    unit: tuple[int, int],
    who: tuple[tuple[Mention, ...], str | None],
    extractor: str,
    frame: _Frame,
) -> Draft:
    """The draft event of a trigger whose subjects (or group) are known."""
    limit = frame.limit
    inferred = extractor.endswith(("+carried", "+coref"))
    confidence = (0.7 if trigger.noun else 0.8) - (0.15 if inferred else 0.0)
    places = ctx.places(trigger.token, frozenset({"Place", "Facility"}))
    places = [p for p in places if unit[0] <= p.start - ctx.item.start < unit[1]]
    facility = [p for p in places if p.type == "Facility"]
    place = (facility or places)[0] if places else None
    return Draft(
        trigger=trigger,
        unit=unit,
        subjects=who[0],
        group=who[1],
        agents=_agents(ctx, trigger.agents, unit),
        charges=trigger_offences(ctx, trigger, limit, frame.positions),
        provisions=[],
        date=frame.dates.get(trigger.token.i),
        place=place.mention_id if place is not None else None,
        sentence=penalty_of(trigger.token, limit) if trigger.type == "Sentencing" else None,
        confidence=round(confidence, 2),
        extractor=extractor,
    )


def _cite(sdoc: Doc, unit: tuple[int, int], drafts: list[Draft]) -> None:
    """Give each provision cited in a sentence to the legal event nearest before it."""
    if not drafts:
        return
    text = sdoc.text[unit[0] : unit[1]]
    for cited in find_provisions(text):
        if _AMENDED.search(text[max(0, cited.start - 30) : cited.start]):
            continue  # "a pledge to amend Section 112": the law changed, not one applied
        position = unit[0] + cited.start
        before = [d for d in drafts if d.trigger.token.idx < position]
        legal = [d for d in before if d.trigger.type in _LEGAL_TYPES]
        target = max(legal or before, key=lambda d: d.trigger.token.idx) if before else drafts[0]
        if cited.provision not in target.provisions:
            target.provisions.append(cited.provision)
        target.charges.extend(o for o in cited.offences if o not in target.charges)


def _event(document: Document, item: Item, sdoc: Doc, draft: Draft) -> Event:
    """The finished event of a draft, its evidence the draft's sentence."""
    text = sdoc.text[draft.unit[0] : draft.unit[1]]
    start = item.start + draft.unit[0]
    end = item.start + draft.unit[1]
    subjects = tuple(m.mention_id for m in draft.subjects)
    return Event(
        event_id=stable_id(document.doc_id, draft.trigger.type, start, end, subjects),
        type=draft.trigger.type,
        item_id=item.item_id,
        evidence=text,
        start=start,
        end=end,
        subjects=subjects,
        agents=tuple(m.mention_id for m in draft.agents if m not in draft.subjects),
        charges=tuple(dict.fromkeys(draft.charges)),
        provisions=tuple(draft.provisions),
        date=draft.date,
        place=draft.place,
        sentence=draft.sentence,
        group=draft.group,
        confidence=draft.confidence,
        extractor=draft.extractor,
        status=draft.status,
        asserted_by=tuple(m.mention_id for m in draft.asserted_by),
    )


def find_events(document: Document, item: Item, sdoc: Doc, mentions: list[Mention]) -> list[Event]:
    """Return the events one parsed item asserts, in text order.

    ``sdoc`` is ``nlp(item.text)``; ``mentions`` are the item's actor mentions (offsets into
    ``document.text``).  Subjects, agents and place are mention ids.
    """
    ctx = ItemContext(item, sdoc, list(mentions))
    anchor = _anchor(document, item)
    units = _units(item, sdoc)
    drafts = _assemble(ctx, units, anchor)
    settle_claims(ctx, drafts, units)
    name_offence_references(drafts)
    share_dates(drafts)
    merged = merge_tellings(merge_drafts(drafts), sdoc.text)
    events = [_event(document, item, sdoc, d) for d in merged]
    return sorted(events, key=lambda e: (e.start, e.type))


def link_numbered_groups(document: Document, events: Sequence[Event]) -> list[Event]:
    """Name the people of "All eight" or "the eight officials" from another item of the
    same document that lists exactly that many, the nearest such event.

    Only groups of three or more are linked: smaller counts match too easily by chance.
    """
    named = [e for e in events if e.subjects and "+linked" not in e.extractor]
    result = []
    for event in events:
        count = definite_number(event.group) if event.group else None
        if count is None or count < _MIN_LINKED:
            result.append(event)
            continue
        own = set(event.subjects)
        candidates = [
            e for e in named if len(set(e.subjects) - own) == count and e.item_id != event.item_id
        ]
        if not candidates:
            result.append(event)
            continue
        source = min(candidates, key=lambda e: (abs(e.start - event.start), e.start))
        subjects = tuple(
            dict.fromkeys(event.subjects + tuple(s for s in source.subjects if s not in own))
        )
        result.append(
            replace(
                event,
                subjects=subjects,
                event_id=stable_id(document.doc_id, event.type, event.start, event.end, subjects),
                confidence=round(min(event.confidence, 0.5), 2),
                extractor=f"{event.extractor}+linked",
            )
        )
    return result
