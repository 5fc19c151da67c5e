"""Writing one synthetic document: names on first and later mention, dates, and the gold.

A :class:`Writer` hands out the surface form of every actor it writes (the full name first,
then the short form or acronym) and records the entity, the forms used and every event and
membership it states, so the gold file says exactly what the text says.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from typing import Any

from synth_world import Org, Person

from kg.model import slugify

__all__ = ["GoldEvent", "Writer", "day_phrase", "month_phrase"]

Actor = Person | Org
MONTHS = (
    "January February March April May June July August September October November December"
).split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def day_phrase(day: datetime.date, rng: random.Random, anchor: datetime.date) -> str:
    """ "on 3 March 2021", "on March 3, 2021", "on Monday", "yesterday": how a text dates a day.

    Relative forms are used only where they resolve to ``day`` against the item's date
    ``anchor`` (a weekday within the six days before it; yesterday).
    """
    gap = (anchor - day).days
    roll = rng.random()
    if gap == 1 and roll < 0.3:
        return "yesterday"
    if 1 <= gap <= 6 and roll < 0.6:
        return f"on {WEEKDAYS[day.weekday()]}"
    if day.year == anchor.year and 0 <= gap < 200 and roll < 0.75:
        return f"on {day.day} {MONTHS[day.month - 1]}"
    if roll < 0.88:
        return f"on {day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"on {MONTHS[day.month - 1]} {day.day}, {day.year}"


def month_phrase(day: datetime.date) -> str:
    """ "in March 2021"."""
    return f"in {MONTHS[day.month - 1]} {day.year}"


@dataclass
class GoldEvent:
    """One event as the gold file writes it."""

    type: str
    item: str
    evidence: str
    subjects: list[str]
    date: str | None = None
    agents: list[str] = field(default_factory=list)
    place: str | None = None
    charges: list[str] = field(default_factory=list)
    provisions: list[str] = field(default_factory=list)
    sentence: str | None = None
    group: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "item": self.item,
            "date": self.date,
            "subjects": self.subjects,
            "agents": self.agents,
            "place": self.place,
            "charges": self.charges,
            "provisions": self.provisions,
            "sentence": self.sentence,
            "group": self.group,
            "evidence": self.evidence,
        }


class Writer:
    """Collects one document's text forms and gold facts."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.item = "i1"
        self.entities: dict[str, dict[str, Any]] = {}
        self.memberships: list[dict[str, Any]] = []
        self.events: list[GoldEvent] = []
        self._shorts: dict[str, set[str]] = {}  # short form -> keys of the people it fits
        self.deck: list[str] = []  # commentary sentences not used yet in this document

    @staticmethod
    def key(actor: Actor | str) -> str:
        return slugify(actor if isinstance(actor, str) else actor.name)

    def register(self, actor: Actor | str, kind: str, form: str) -> str:
        """Record that the text names ``actor`` (of gold type ``kind``) as ``form``."""
        name = actor if isinstance(actor, str) else actor.name
        key = self.key(actor)
        entity = self.entities.setdefault(
            key, {"key": key, "type": kind, "label": name, "aliases": []}
        )
        if form != name and form not in entity["aliases"]:
            entity["aliases"].append(form)
        return key

    def person(self, person: Person, *, full: bool = False) -> str:
        """The person's name: in full the first time (or when asked), else the short form
        unless another person of this document shares it."""
        key = self.key(person)
        owners = self._shorts.setdefault(person.short, set())
        owners.add(key)
        first = key not in self.entities
        form = person.name if first or full or len(owners) > 1 else person.short
        self.register(person, "Person", form)
        return form

    def org(self, org: Org, *, article: bool = True) -> str:
        """The organisation's name: "the Full Name (ACR)" first, then often "the ACR"."""
        first = self.key(org) not in self.entities
        the = "the " if article else ""
        if org.short and first:
            self.register(org, org.type, org.name)
            self.register(org, org.type, org.short)
            return f"{the}{org.name} ({org.short})"
        if org.short and self.rng.random() < 0.7:
            self.register(org, org.type, org.short)
            return f"{the}{org.short}"
        self.register(org, org.type, org.name)
        return f"{the}{org.name}"

    def place(self, name: str) -> str:
        self.register(name, "Place", name)
        return name

    def member(self, person: Person, org: Org, role: str | None) -> None:
        self.memberships.append(
            {"person": self.key(person), "organization": self.key(org), "role": role}
        )

    def event(self, kind: str, evidence: str, subjects: list[Actor], **facts: Any) -> None:
        agents = [self.key(a) for a in facts.pop("agents", [])]
        place = facts.pop("place", None)
        self.events.append(
            GoldEvent(
                kind,
                self.item,
                evidence,
                [self.key(s) for s in subjects],
                agents=agents,
                place=self.key(place) if place is not None else None,
                **facts,
            )
        )
