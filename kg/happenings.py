"""Count the sources behind every event, computed from the store: the events graph.

An event told by several documents is one node (:mod:`kg.happening_ids`) derived from
each of them.  How well it is sourced is the number of distinct publishers telling it: the
``dcterms:publisher`` of the files it was read from, compared without regard to letter case
and spacing, a file with no known publisher counting as a source of its own.  The counts
live in their own named graph, brought up to date at the end of every build like the
proceedings (whole, or for the events the changed documents' graphs named), because a
document added or removed changes the counts of events other documents wrote.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

import pyoxigraph as ox

from kg.model import EVENT_TYPES
from kg.namespaces import DCTERMS, LEK, PROV, RES, XSD
from kg.store import GraphStore, SparqlStore, patch_graph

__all__ = ["EVENTS_GRAPH", "happening_quads", "refresh_happenings", "source_key"]

#: The graph holding ``lek:sourceCount`` and ``lek:documentCount`` of every event.
EVENTS_GRAPH = str(RES["graph/events"])

# The source is a file or one of its items; the file is the one with a file name.  Classes
# are tested with FILTER, not VALUES (see kg.eval: Oxigraph plans VALUES over classes badly).
_SOURCES_QUERY = """
SELECT DISTINCT ?event ?source ?file ?publisher WHERE {{ {values}
  ?event <{derived}> ?source ; a ?class .
  FILTER(?class IN ({classes}))
  ?source <{part}>? ?file .
  ?file <{identifier}> ?name .
  OPTIONAL {{ ?file <{publisher}> ?publisher }}
}}"""


def source_key(file: str, publisher: str | None) -> str:
    """Return what tells one source from another: the publisher's name, else the file.

    >>> source_key("res:doc/a", "Imaginary  Watch") == source_key("res:doc/b", "imaginary watch")
    True
    >>> source_key("res:doc/a", None) == source_key("res:doc/b", None)
    False
    """
    name = " ".join((publisher or "").casefold().split())
    return f"publisher {name}" if name else f"file {file}"


def happening_quads(store: SparqlStore, events: Collection[str] | None = None) -> list[ox.Quad]:
    """Count the publishers and the documents behind every event (or only ``events``);
    return the events graph's quads.

    Each event read from at least one file gets ``lek:sourceCount`` (distinct publishers,
    see :func:`source_key`) and ``lek:documentCount`` (distinct ``lek:Document`` nodes it
    was derived from: the items, so two articles of one listing file count twice), as
    ``xsd:integer``.
    """
    only = "" if events is None else " ".join(f"<{event}>" for event in sorted(events))
    rows = store.query(
        _SOURCES_QUERY.format(
            values="" if events is None else f"VALUES ?event {{ {only} }}",
            derived=PROV.wasDerivedFrom,
            classes=", ".join(f"<{LEK[name]}>" for name in EVENT_TYPES),
            part=DCTERMS.isPartOf,
            identifier=DCTERMS.identifier,
            publisher=DCTERMS.publisher,
        )
    )
    assert isinstance(rows, ox.QuerySolutions)
    documents: dict[str, set[str]] = defaultdict(set)
    sources: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        event, file = row["event"].value, row["file"].value
        documents[event].add(row["source"].value)
        publisher = row["publisher"]
        sources[event].add(source_key(file, None if publisher is None else publisher.value))
    graph = ox.NamedNode(EVENTS_GRAPH)
    integer = ox.NamedNode(XSD.integer)
    quads = []
    for event in sorted(documents):
        node = ox.NamedNode(event)
        for predicate, count in (
            (LEK.sourceCount, len(sources[event])),
            (LEK.documentCount, len(documents[event])),
        ):
            literal = ox.Literal(str(count), datatype=integer)
            quads.append(ox.Quad(node, ox.NamedNode(predicate), literal, graph))
    return quads


def refresh_happenings(store: GraphStore, events: Collection[str] | None) -> None:
    """Bring the events graph up to date: whole (``events`` None), or for the given nodes
    only (those the changed documents' graphs named, old and new; nodes that are not events
    are ignored), the counts of every other event kept as they are."""
    if events is None:
        store.replace_graph(EVENTS_GRAPH, happening_quads(store))
        return
    stale = {ox.NamedNode(event) for event in events}
    patch_graph(store, EVENTS_GRAPH, stale, happening_quads(store, events))
