"""Name every event of one file: after its happening when that is safe, else its statement.

An event with a subject resolved to an entity and a full-day date is a *happening*: every
document and every item telling the same kind of event, to the same people, on the same day
writes one IRI.  Within one file, an event dated only to the month or the year joins such a
happening when exactly one of the file's happenings of its kind and subjects falls in that
month or year (a listing that says "arrested on 3 September" and later "arrested in
September").  Any other event keeps the IRI of its own statement.  Across files a coarse date
never joins: ``kg.to_rdf`` sees one file at a time, and the build must not depend on order.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from kg.model import Event, stable_id
from kg.namespaces import RES, XSD

__all__ = ["EventNode", "date_literal", "event_iri", "event_nodes"]

_DATE_FORMS = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), XSD.date),
    (re.compile(r"\d{4}-(0[1-9]|1[0-2])"), XSD.gYearMonth),
    (re.compile(r"\d{4}"), XSD.gYear),
)
_COARSE = frozenset({str(XSD.gYearMonth), str(XSD.gYear)})


@dataclass(frozen=True)
class EventNode:
    """Where one statement of an event is written: the node's IRI, and the ``lek:date`` the
    statement gives that node (None when a coarser date joined a day-dated happening, whose
    node keeps the precise day)."""

    iri: str
    date: str | None


def date_literal(iso: str | None) -> ox.Literal | None:
    """Return an ISO 8601 date typed by its precision, or None when it is not one.

    Only year, month and day precision exist in the layout; anything else (a time, a
    malformed or impossible date) is left out rather than stored untyped.

    >>> date_literal("2017-09").datatype.value
    'http://www.w3.org/2001/XMLSchema#gYearMonth'
    >>> date_literal("2017-02-30") is None
    True
    """
    if not iso:
        return None
    for pattern, datatype in _DATE_FORMS:
        if pattern.fullmatch(iso):
            if datatype == XSD.date and not _is_calendar_date(iso):
                return None
            return ox.Literal(iso, datatype=ox.NamedNode(datatype))
    return None


def _is_calendar_date(iso: str) -> bool:
    try:
        datetime.date.fromisoformat(iso)
    except ValueError:
        return False
    return True


def event_iri(event: Event, subjects: Sequence[str]) -> str:
    """Return an event's IRI: its happening's when it is safe to merge, else its statement's.

    An event with a subject resolved to an entity (``subjects``: their IRIs) and a full-day
    date is a happening: its IRI hashes its type, its subjects and its day, so every document
    and every item telling the same happening writes the same node.  Any other event keeps
    the IRI of its own statement, ``res:event/{event_id}``.

    >>> told = Event("a1", "Arrest", "i", "Chan Dara was arrested.", 0, 23, date="2021-03-04")
    >>> retold = Event("b2", "Arrest", "j", "Police held Chan Dara.", 9, 30, date="2021-03-04")
    >>> event_iri(told, ["res:person/chan-dara"]) == event_iri(retold, ["res:person/chan-dara"])
    True
    >>> event_iri(told, [])
    'https://w3id.org/legal-events-kg/id/event/a1'
    """
    day = date_literal(event.date)
    if subjects and day is not None and day.datatype.value == str(XSD.date):
        happening = stable_id("happening", event.type, " ".join(sorted(set(subjects))), day.value)
        return str(RES[f"event/{happening}"])
    return str(RES[f"event/{event.event_id}"])


def event_nodes(
    events: Sequence[Event], subjects: Mapping[str, Sequence[str]]
) -> dict[str, EventNode]:
    """Name the events of one file (``subjects``: each event id → its subjects' IRIs).

    A day-dated event with subjects is named after its happening (:func:`event_iri`).  An
    event with subjects and a month or a year joins the happening of the same type and the
    same subjects whose day falls in it, when the file holds exactly one such happening;
    with two candidate days, or none, it keeps its own IRI and its own date.  Subjects that
    stand for a group (``Event.group``: "the eight officials", linked to named people, or
    "Chan Dara and ten others") are inferred or incomplete, too weak a tie for a vague date:
    such a statement neither joins nor is joined (it still counts as a candidate day).

    >>> day = Event("a1", "Arrest", "i", "Chan Dara was arrested.", 0, 23, date="2021-03-04")
    >>> month = Event("a2", "Arrest", "i", "Chan Dara, held.", 24, 40, date="2021-03")
    >>> nodes = event_nodes([day, month], {"a1": ["res:x"], "a2": ["res:x"]})
    >>> nodes["a2"] == EventNode(nodes["a1"].iri, None)
    True
    """
    nodes: dict[str, EventNode] = {}
    days: dict[tuple[str, frozenset[str]], dict[str, str]] = defaultdict(dict)
    named: set[str] = set()
    for event in events:
        iri = event_iri(event, subjects[event.event_id])
        nodes[event.event_id] = EventNode(iri, event.date)
        if subjects[event.event_id] and _precision(event.date) == str(XSD.date):
            days[_kind(event, subjects)][str(event.date)] = iri
            if not event.group:
                named.add(iri)
    for event in events:
        if subjects[event.event_id] and not event.group and _precision(event.date) in _COARSE:
            within = {
                iri
                for day, iri in days.get(_kind(event, subjects), {}).items()
                if day.startswith(f"{event.date}-")
            }
            if len(within) == 1 and within <= named:
                nodes[event.event_id] = EventNode(within.pop(), None)
    return nodes


def _precision(iso: str | None) -> str | None:
    """The XSD datatype IRI of a date (day, month or year), or None when it is not one."""
    literal = date_literal(iso)
    return None if literal is None else literal.datatype.value


def _kind(event: Event, subjects: Mapping[str, Sequence[str]]) -> tuple[str, frozenset[str]]:
    """What two statements of one happening share besides the day: type and subjects."""
    return event.type, frozenset(subjects[event.event_id])
