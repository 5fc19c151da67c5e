"""Reading the fields of one curation entry: IRIs, classes, dates, triples and citations.

:mod:`kg.curation` reads the file; this module checks one ``[[entry]]`` table's keys and
values for its action and returns the :class:`~kg.curation.Entry` fields, raising
``ValueError`` with the reason (the caller adds the file and the entry's number).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from typing import Any

import pyoxigraph as ox

from kg.model import ACTOR_TYPES, EVENT_TYPES, entity_id_for
from kg.namespaces import LEK, RDF, RES
from kg.store import PREFIXES

__all__ = [
    "CLAIM_PREDICATES",
    "STATUSES",
    "Term",
    "action_fields",
    "check_keys",
    "expand_iri",
    "shorten",
    "text_field",
    "type_in_iri",
    "when_field",
]

#: Predicates no triple entry may add or reject: a class changes only by ``retype`` (recorded
#: as a correction), and a claim's status is what its source says, never a curator's upgrade.
CLAIM_PREDICATES = frozenset({str(RDF.type), str(LEK.status)})
#: The statuses an added event may carry (how its cited source presents it).
STATUSES = ("asserted", "alleged", "disputed")

#: An object of a triple entry: a node (``object``) or a plain value (``value``).
Term = ox.NamedNode | ox.Literal

_KEYS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    # action: (required keys, optional keys), besides action, why, who and when
    "merge": (frozenset({"keep", "absorb"}), frozenset()),
    "split": (frozenset({"node", "label"}), frozenset({"type", "new", "documents", "names"})),
    "rename": (frozenset({"node", "label"}), frozenset()),
    "retype": (frozenset({"node", "type"}), frozenset({"from"})),
    "reject": (frozenset(), frozenset({"node", "subject", "predicate", "object", "value"})),
    "add": (
        frozenset({"source", "quote"}),
        frozenset(
            {"event", "subject", "agent", "place", "date", "charge", "sentence", "status"}
            | {"predicate", "object", "value"}
        ),
    ),
}
_COMMON = frozenset({"action", "why", "who", "when"})
_ABSOLUTE = re.compile(r"https?://\S+")
_PREFIXED = re.compile(r"([A-Za-z][\w-]*):(\S*)")
_ACTOR_SLUGS = {name.lower(): name for name in ACTOR_TYPES}
#: The prefixes an entry may use: those ``kg query`` declares, and ``rdf:``.
_PREFIXES = {**PREFIXES, "rdf": str(RDF)}


def shorten(iri: str) -> str:
    """Write an IRI with the ``res:`` or ``lek:`` prefix when it has one.

    >>> shorten("https://w3id.org/legal-events-kg/id/person/chan-dara")
    'res:person/chan-dara'
    """
    for prefix in ("res", "lek"):
        if iri.startswith(PREFIXES[prefix]):
            return f"{prefix}:{iri[len(PREFIXES[prefix]) :]}"
    return iri


def expand_iri(text: str) -> str | None:
    """The full IRI written as ``res:…`` (or another known prefix), ``<…>`` or ``http(s)://…``;
    None when ``text`` is none of these (a label, say).

    >>> expand_iri("res:person/chan-dara")
    'https://w3id.org/legal-events-kg/id/person/chan-dara'
    >>> expand_iri("Chan Dara") is None
    True
    """
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1].strip()
    if _ABSOLUTE.fullmatch(text):
        return text
    found = _PREFIXED.fullmatch(text)
    if found and found.group(1) in _PREFIXES and found.group(2):
        return _PREFIXES[found.group(1)] + found.group(2)
    return None


def text_field(table: Mapping[str, Any], key: str, *, required: bool = False) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        raise ValueError(f"{key!r} must be a string")
    if required and not value.strip():
        raise ValueError(f"{key!r} is required")
    return value.strip()


def _texts(table: Mapping[str, Any], key: str) -> tuple[str, ...]:
    """A string or a list of strings, as a tuple."""
    value = table.get(key, [])
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValueError(f"{key!r} must be a string or a list of strings")
    return tuple(v.strip() for v in values if v.strip())


def _iri(table: Mapping[str, Any], key: str, *, required: bool = True) -> str:
    text = text_field(table, key, required=required)
    if not text:
        return ""
    iri = expand_iri(text)
    if iri is None:
        raise ValueError(f"{key} = {text!r} is not an IRI (write res:… or a full IRI)")
    return iri


def _iris(table: Mapping[str, Any], key: str) -> tuple[str, ...]:
    iris = []
    for text in _texts(table, key):
        iri = expand_iri(text)
        if iri is None:
            raise ValueError(f"{key}: {text!r} is not an IRI (write res:… or a full IRI)")
        iris.append(iri)
    return tuple(iris)


def _class(table: Mapping[str, Any], key: str, allowed: tuple[str, ...]) -> str:
    name = text_field(table, key)
    name = name.removeprefix("lek:")
    if name and name not in allowed:
        raise ValueError(f"{key} = {name!r} is not one of {', '.join(allowed)}")
    return name


def when_field(value: object) -> str:
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return datetime.datetime.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    raise ValueError(f"'when' = {value!r} is not a date-time (write 2024-05-01T10:00:00Z)")


def _triple(table: Mapping[str, Any]) -> tuple[str, str, Term]:
    subject, predicate = _iri(table, "subject"), _iri(table, "predicate")
    if predicate in CLAIM_PREDICATES:
        raise ValueError(
            f"{shorten(predicate)} cannot be added or rejected: use retype for a class, and "
            "a claim's status is what its source says"
        )
    if ("object" in table) == ("value" in table):
        raise ValueError("a triple needs 'object' (a node) or 'value' (a string), not both")
    obj: Term
    if "object" in table:
        obj = ox.NamedNode(_iri(table, "object"))
    else:
        obj = ox.Literal(text_field(table, "value", required=True))
    return subject, predicate, obj


def check_keys(table: Mapping[str, Any], action: str) -> None:
    required, optional = _KEYS[action]
    missing = sorted(required - set(table))
    if missing:
        raise ValueError(f"{action} needs {missing[0]!r}")
    unknown = sorted(set(table) - required - optional - _COMMON)
    if unknown:
        raise ValueError(f"unknown key {unknown[0]!r} for {action}")


def _merge(table: Mapping[str, Any]) -> dict[str, Any]:
    keep, absorb = _iri(table, "keep"), _iri(table, "absorb")
    if keep == absorb:
        raise ValueError("a node cannot absorb itself")
    return {"nodes": (keep, absorb)}


def _split(table: Mapping[str, Any]) -> dict[str, Any]:
    node, label = _iri(table, "node"), text_field(table, "label", required=True)
    node_type = _class(table, "type", ACTOR_TYPES)
    documents, names = _texts(table, "documents"), _texts(table, "names")
    if not documents and not names:
        raise ValueError("split needs 'documents' or 'names' (which occurrences move)")
    new = _iri(table, "new", required=False)
    if not new:
        kind = node_type or type_in_iri(node)
        if not kind:
            raise ValueError("split needs 'type' (or 'new') when the node's IRI has no type")
        new = str(RES[entity_id_for(kind, label)])
    if new == node:
        raise ValueError("the new node's IRI is the node's own; give another label or 'new'")
    return {
        "nodes": (node, new),
        "label": label,
        "type": node_type,
        "documents": documents,
        "names": names,
    }


def _rename(table: Mapping[str, Any]) -> dict[str, Any]:
    return {"nodes": (_iri(table, "node"),), "label": text_field(table, "label", required=True)}


def _retype(table: Mapping[str, Any]) -> dict[str, Any]:
    classes = ACTOR_TYPES + EVENT_TYPES
    new, old = _class(table, "type", classes), _class(table, "from", classes)
    if not new:
        raise ValueError("'type' is required")
    if new in EVENT_TYPES and not old:
        raise ValueError("retyping an event needs 'from', the class it has now")
    if old and (old in EVENT_TYPES) != (new in EVENT_TYPES):
        raise ValueError(f"{old} cannot become {new}: events and actors stay apart")
    return {"nodes": (_iri(table, "node"),), "type": new, "from_type": old}


def _reject(table: Mapping[str, Any]) -> dict[str, Any]:
    if "node" in table:
        if {"subject", "predicate", "object", "value"} & set(table):
            raise ValueError("reject takes 'node' (an event or membership) or a triple, not both")
        return {"nodes": (_iri(table, "node"),)}
    if "subject" not in table or "predicate" not in table:
        raise ValueError("reject needs 'node', or 'subject', 'predicate' and 'object'/'value'")
    return {"triple": _triple(table)}


def _add(table: Mapping[str, Any]) -> dict[str, Any]:
    source = text_field(table, "source", required=True)
    quote = text_field(table, "quote", required=True)
    citation = {"source": expand_iri(source) or source, "quote": quote}
    if "predicate" in table:
        if "event" in table:
            raise ValueError("add takes 'event' or a triple ('predicate'), not both")
        return {**citation, "triple": _triple(table)}
    event_type = _class(table, "event", EVENT_TYPES)
    if not event_type:
        raise ValueError("add needs 'event' (its class) or a triple ('subject', 'predicate')")
    subjects = _iris(table, "subject")
    if not subjects:
        raise ValueError("an added event needs 'subject'")
    status = text_field(table, "status") or "asserted"
    if status not in STATUSES:
        raise ValueError(f"status = {status!r} is not one of {', '.join(STATUSES)}")
    date = text_field(table, "date")
    if date and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", date):
        raise ValueError(f"date = {date!r} is not 2021, 2021-03 or 2021-03-05")
    agents, place = _iris(table, "agent"), _iri(table, "place", required=False)
    return {
        **citation,
        "nodes": (*subjects, *agents, *([place] if place else [])),
        "type": event_type,
        "subjects": subjects,
        "agents": agents,
        "place": place,
        "date": date,
        "charges": _texts(table, "charge"),
        "sentence": text_field(table, "sentence"),
        "status": status,
    }


def action_fields(action: str, table: Mapping[str, Any]) -> dict[str, Any]:
    """The :class:`~kg.curation.Entry` fields of one entry of ``action`` (its keys checked)."""
    check_keys(table, action)
    return _ACTION_FIELDS[action](table)


_ACTION_FIELDS = {
    "merge": _merge,
    "split": _split,
    "rename": _rename,
    "retype": _retype,
    "reject": _reject,
    "add": _add,
}


def type_in_iri(iri: str) -> str:
    """The actor class an entity IRI names, or ``""`` for any other IRI.

    >>> type_in_iri("https://w3id.org/legal-events-kg/id/politicalparty/pip")
    'PoliticalParty'
    """
    if not iri.startswith(str(RES)):
        return ""
    return _ACTOR_SLUGS.get(iri[len(str(RES)) :].split("/", 1)[0], "")
