"""Events being assembled, and what is done with all the events of an item at once: naming
the offence of an accomplice, sharing a date between two tellings of one happening, and
merging the triggers of one sentence that state the same happening, and merging the
tellings of one happening across the item's sentences.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.model import Mention, Provision

from .claim_lexicon import ASSERTED, STATUSES
from .event_law import SAME_OFFENCES
from .event_syntax import Trigger

__all__ = ["Draft", "merge_drafts", "merge_tellings", "name_offence_references", "share_dates"]


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
    status: str = ASSERTED  # or ALLEGED, DISPUTED (kg.extract.claim_status)
    asserted_by: tuple[Mention, ...] = ()  # whom the source quotes for it


def _join_claims(first: Draft, second: Draft) -> None:
    """Two tellings of one happening: contested if either is, a fact if either states it as
    one.  Its speakers stay those of the sentence kept as its evidence: a person quoted in
    the other sentence is not to be shown as the one who said this one."""
    first.status = max(first.status, second.status, key=STATUSES.index)


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
        _join_claims(first, draft)
    return list(kept.values())


def _same_person(one: Mention, other: Mention) -> bool:
    """Whether two mentions name one person (a bare surname counts as its full name)."""
    a, b = set(one.text.split()), set(other.text.split())
    return a <= b or b <= a


def _covers(larger: Draft, smaller: Draft) -> bool:
    """Whether every subject of ``smaller`` is named in ``larger``."""
    return all(any(_same_person(s, t) for t in larger.subjects) for s in smaller.subjects)


def _dates_agree(one: str | None, other: str | None) -> bool:
    """Equal dates, one a more precise form of the other, or one of them undated."""
    if one is None or other is None:
        return True
    return one.startswith(other) or other.startswith(one)


def _retells(kept: Draft, draft: Draft, text: str) -> bool:
    """Whether ``draft`` states the happening ``kept`` states: same type, compatible dates and
    penalties, and either the same words (a paragraph the page repeats) or the same people,
    where the fewer people's offences and articles are all among the others' (so merging
    gives nobody an offence they were not said to face)."""
    if kept.trigger.type != draft.trigger.type or not _dates_agree(kept.date, draft.date):
        return False
    if kept.sentence and draft.sentence and kept.sentence != draft.sentence:
        return False
    if text[kept.unit[0] : kept.unit[1]] == text[draft.unit[0] : draft.unit[1]]:
        return kept.group == draft.group and (_covers(kept, draft) or _covers(draft, kept))
    if not kept.subjects or not draft.subjects:
        return False
    for larger, smaller in ((kept, draft), (draft, kept)):
        if _covers(larger, smaller) and (
            _covers(smaller, larger)
            or (
                set(smaller.charges) <= set(larger.charges)
                and set(smaller.provisions) <= set(larger.provisions)
            )
        ):
            return True
    return False


def merge_tellings(drafts: list[Draft], text: str) -> list[Draft]:
    """One event per happening an item tells more than once (``text`` is the item's text):
    the telling with the most precise date, else the earliest, keeps its sentence as the
    evidence and takes the others' people, agents, offences and articles."""
    kept: list[Draft] = []
    for draft in drafts:
        same = next((k for k in kept if _retells(k, draft, text)), None)
        if same is None:
            kept.append(draft)
            continue
        first, second = same, draft
        if len(draft.date or "") > len(same.date or ""):
            first, second = draft, same
            kept[kept.index(same)] = draft
        first.subjects = first.subjects + tuple(
            s for s in second.subjects if not any(_same_person(s, t) for t in first.subjects)
        )
        first.agents = first.agents + tuple(a for a in second.agents if a not in first.agents)
        first.charges += [c for c in second.charges if c not in first.charges]
        first.provisions += [p for p in second.provisions if p not in first.provisions]
        first.place = first.place or second.place
        first.sentence = first.sentence or second.sentence
        first.group = first.group or second.group
        _join_claims(first, second)
    return kept
