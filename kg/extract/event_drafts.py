"""Events being assembled, and what is done with all the events of an item at once: naming
the offence of an accomplice, sharing a date between two tellings of one happening, and
merging the triggers of one sentence that state the same happening.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.model import Mention, Provision

from .event_syntax import Trigger

__all__ = ["Draft", "merge_drafts", "name_accomplices", "share_dates"]


@dataclass
class Draft:
    """An event being assembled from one trigger."""

    trigger: Trigger
    unit: tuple[int, int]
    subjects: tuple[Mention, ...]
    group: str | None
    agents: tuple[Mention, ...]
    charges: list[str]
    provisions: list[Provision]
    date: str | None
    place: str | None
    sentence: str | None
    confidence: float
    extractor: str


def name_accomplices(drafts: list[Draft]) -> None:
    """ "Charged as an accomplice": an accomplice to the item's main offence."""
    main = next(
        (c for d in drafts for c in d.charges if c != "accomplice" and d.trigger.type == "Charge"),
        next((c for d in drafts for c in d.charges if c != "accomplice"), None),
    )
    for draft in drafts:
        draft.charges = [
            (f"accomplice to {main}" if main else c) if c == "accomplice" else c
            for c in draft.charges
        ]


def _same_people(one: Draft, other: Draft) -> bool:
    """Whether two events name a person in common (a bare surname counts as its full name)."""
    return any(
        set(a.text.split()) <= set(b.text.split()) or set(b.text.split()) <= set(a.text.split())
        for a in one.subjects
        for b in other.subjects
    )


def share_dates(drafts: list[Draft]) -> None:
    """An undated event takes the date of the same happening told elsewhere in the item (same
    type, same people), and a sentence the date of the conviction it was handed down with."""
    partners = {
        "Sentencing": ("Sentencing", "Conviction"),
        "Conviction": ("Conviction", "Sentencing"),
        "PoliticalBan": ("PoliticalBan", "Conviction", "Sentencing"),
    }
    for draft in drafts:
        if draft.date is not None or not draft.subjects:
            continue
        kinds = partners.get(draft.trigger.type, (draft.trigger.type,))
        for other in drafts:
            if other.date and other.trigger.type in kinds and _same_people(draft, other):
                draft.date = other.date
                break


def merge_drafts(drafts: list[Draft]) -> list[Draft]:
    """One event per happening: same type, sentence and participants."""
    kept: dict[tuple[object, ...], Draft] = {}
    for draft in drafts:
        key = (
            draft.trigger.type,
            draft.unit,
            tuple(m.mention_id for m in draft.subjects),
            draft.group,
        )
        first = kept.get(key)
        if first is None:
            kept[key] = draft
            continue
        first.agents = first.agents + tuple(a for a in draft.agents if a not in first.agents)
        first.charges += [c for c in draft.charges if c not in first.charges]
        first.provisions += [p for p in draft.provisions if p not in first.provisions]
        first.date = first.date or draft.date
        first.place = first.place or draft.place
        if draft.sentence and draft.sentence != first.sentence:
            first.sentence = (
                f"{first.sentence} and {draft.sentence}" if first.sentence else draft.sentence
            )
    return list(kept.values())
