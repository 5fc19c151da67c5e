"""Events being assembled, and what is done with all the events of an item at once: naming
the offence of an accomplice, sharing a date between two tellings of one happening, and
merging the triggers of one sentence that state the same happening.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.model import Mention, Provision

from .event_law import SAME_OFFENCES
from .event_syntax import Trigger

__all__ = ["Draft", "merge_drafts", "name_offence_references", "share_dates"]


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


def _own_offences(draft: Draft) -> list[str]:
    return [c for c in draft.charges if c not in ("accomplice", SAME_OFFENCES)]


def name_offence_references(drafts: list[Draft]) -> None:
    """Name the offences an event refers to: "charged as an accomplice" is an accomplice to
    the offence charged just before in its sentence, else to the item's main offence; "on
    the same charges" takes the offences of the latest event before it that names some."""
    main = next(
        (c for d in drafts for c in _own_offences(d) if d.trigger.type == "Charge"),
        next((c for d in drafts for c in _own_offences(d)), None),
    )
    for index, draft in enumerate(drafts):
        earlier = [d for d in drafts[:index] if _own_offences(d) and d.subjects]
        same_unit = [d for d in earlier if d.unit == draft.unit]
        nearest = _own_offences(same_unit[-1])[0] if same_unit else main
        charges: list[str] = []
        for charge in draft.charges:
            if charge == "accomplice":
                charges.append(f"accomplice to {nearest}" if nearest else charge)
            elif charge == SAME_OFFENCES:
                charges += _own_offences(earlier[-1]) if earlier else []
            else:
                charges.append(charge)
        draft.charges = list(dict.fromkeys(charges))


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
