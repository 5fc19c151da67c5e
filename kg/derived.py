"""The graphs derived from the documents' graphs (entity labels, proceedings), kept current.

A build that changed many documents recomputes them whole.  One that changed a few
(:data:`INCREMENTAL_LIMIT`) notes, as it replaces each document's graph, what the old and
the new graph name (:class:`Changes`), and then recomputes only the entities and defendants
those touch: adding one document to a store of ten thousand then costs milliseconds, not
seconds, and gives the same graphs as recomputing them whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.namespaces import LEK, RDF, RDFS
from kg.proceedings import PROCEEDINGS_GRAPH, node_labels, proceeding_quads
from kg.store import ENTITY_GRAPH, GraphStore, entity_label_quads, patch_graph

__all__ = ["INCREMENTAL_LIMIT", "Changes", "refresh_derived"]

#: Up to this many changed documents, the derived graphs are updated where they touch.
INCREMENTAL_LIMIT = 100

_NAME, _LABEL, _SUBJECT = str(LEK.name), str(RDFS.label), str(LEK.subject)
#: The predicates that make a node an event a proceeding may hold.
_EVENT_FACTS = frozenset({str(RDF.type), _SUBJECT, str(LEK.charge), str(LEK.provision)})


@dataclass
class Changes:
    """What the documents' graphs replaced so far named, old and new: the entities with a
    ``lek:name``, the subjects and events of proceedings, and the labels of labelled nodes
    as they were before the build."""

    named: set[str] = field(default_factory=set)
    subjects: set[str] = field(default_factory=set)
    events: set[str] = field(default_factory=set)
    labels_before: dict[str, str | None] = field(default_factory=dict)

    def note(self, store: GraphStore, graph: str, quads: Iterable[ox.Quad]) -> None:
        """Take note of the graph ``graph`` about to be replaced by ``quads``; call it
        before the replacement, since the old graph is read from ``store``."""
        labelled: set[str] = set()
        for quad in [*store.graph_quads(graph), *quads]:
            if not isinstance(quad.subject, ox.NamedNode):
                continue
            subject, predicate = quad.subject.value, quad.predicate.value
            if predicate == _NAME:
                self.named.add(subject)
            if predicate in (_NAME, _LABEL):
                labelled.add(subject)
            if predicate in _EVENT_FACTS:
                self.events.add(subject)
            if predicate == _SUBJECT and isinstance(quad.object, ox.NamedNode):
                self.subjects.add(quad.object.value)
        fresh = labelled - self.labels_before.keys()
        if fresh:
            labels = node_labels(store, fresh)
            self.labels_before.update((node, labels.get(node)) for node in fresh)


def _iris(nodes: Iterable[str]) -> str:
    return " ".join(f"<{node}>" for node in sorted(nodes))


def _affected_subjects(store: GraphStore, changes: Changes, relabelled: set[str]) -> set[str]:
    """The subjects whose proceedings may differ: those the old or new graphs gave an event,
    every subject of the events they named, and the subjects of events citing a node (or
    being a node) whose label changed."""
    rows = store.query(
        f"""SELECT DISTINCT ?s WHERE {{
              {{ VALUES ?e {{ {_iris(changes.events)} }} ?e <{LEK.subject}> ?s }} UNION
              {{ VALUES ?n {{ {_iris(relabelled)} }} ?e <{LEK.charge}>|<{LEK.provision}> ?n ;
                                         <{LEK.subject}> ?s }} }}"""
    )
    assert isinstance(rows, ox.QuerySolutions)
    return changes.subjects | relabelled | {row["s"].value for row in rows}


def refresh_derived(store: GraphStore, changes: Changes | None) -> None:
    """Bring the entity and proceedings graphs up to date after documents' graphs changed:
    whole (``changes`` None), or where the noted ``changes`` touch."""
    if changes is None:
        store.refresh_entity_labels()
        store.replace_graph(PROCEEDINGS_GRAPH, proceeding_quads(store))
        return
    named = {ox.NamedNode(node) for node in changes.named}
    patch_graph(store, ENTITY_GRAPH, named, entity_label_quads(store, changes.named))
    after = node_labels(store, changes.labels_before.keys())
    relabelled = {
        node for node, before in changes.labels_before.items() if after.get(node) != before
    }
    subjects = _affected_subjects(store, changes, relabelled)
    rows = store.query(
        f"""SELECT ?p WHERE {{ VALUES ?s {{ {_iris(subjects)} }}
              GRAPH <{PROCEEDINGS_GRAPH}> {{ ?p <{LEK.defendant}> ?s }} }}"""
    )
    assert isinstance(rows, ox.QuerySolutions)
    stale = {row["p"] for row in rows}
    patch_graph(store, PROCEEDINGS_GRAPH, stale, proceeding_quads(store, subjects))
