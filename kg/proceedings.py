"""Group each defendant's events into proceedings (legal cases), computed from the store.

A proceeding is one subject (a person or an organisation) and one offence family: the
subject's Charge, Trial, Conviction, Sentencing, Appeal, Acquittal and Release events that
share an offence (the same ``lek:charge``) or a cited article (the same ``lek:provision``),
directly or through a chain of such events.  An arrest, detention, summons, warrant or bail
decision joins a proceeding too, but only through a charge or article it cites itself.  An
event of the first seven kinds that cites neither joins its subject's proceeding when the
subject has exactly one, and otherwise stays out: the software never guesses which case an
event belongs to.  The proceedings live in their own named graph, recomputed at the end of
every build like the entity labels.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.model import stable_id
from kg.namespaces import LEK, RDF, RDFS, RES
from kg.store import SparqlStore

__all__ = [
    "CHARGED_STEPS",
    "PROCEEDING_STEPS",
    "PROCEEDINGS_GRAPH",
    "node_labels",
    "proceeding_iri",
    "proceeding_quads",
]

#: The graph holding every proceeding and the ``lek:partOf`` links of its events.
PROCEEDINGS_GRAPH = str(RES["graph/proceedings"])
#: Event kinds that are steps of a case: they join one by offence, by article, or alone.
PROCEEDING_STEPS: tuple[str, ...] = (
    "Charge",
    "Trial",
    "Conviction",
    "Sentencing",
    "Appeal",
    "Acquittal",
    "Release",
)
#: Event kinds that join a case only through an offence or article they cite themselves.
CHARGED_STEPS: tuple[str, ...] = ("Arrest", "Detention", "Summons", "ArrestWarrant", "BailDecision")

# Every subject's case events, or (with VALUES ?subject first) a few subjects' only.
_EVENTS_QUERY = """
SELECT ?event ?type ?subject ?offence ?provision WHERE {{
  {events}
  OPTIONAL {{ ?event <{charge}> ?offence }}
  OPTIONAL {{ ?event <{provision}> ?provision }}
}}"""

# The nodes are made distinct before their labels are joined: an offence's label is repeated
# in every document graph citing it, and the union of graphs keeps every copy.
_LABELS_QUERY = """
SELECT ?node (MIN(STR(?label)) AS ?name) WHERE {{
  {{ SELECT DISTINCT ?node WHERE {{
       VALUES ?p {{ <{subject}> <{charge}> <{provision}> }} ?event ?p ?node }} }}
  ?node <{label}> ?label .
}} GROUP BY ?node"""
_NODE_LABELS_QUERY = """
SELECT ?node (MIN(STR(?label)) AS ?name) WHERE {{
  VALUES ?node {{ {nodes} }} ?node <{label}> ?label .
}} GROUP BY ?node"""


@dataclass
class _Step:
    """One event as seen from one of its subjects: its kind and what it cites."""

    kind: str
    offences: set[str] = field(default_factory=set)
    provisions: set[str] = field(default_factory=set)

    @property
    def keys(self) -> list[str]:
        return sorted(self.offences) + sorted(self.provisions)


def proceeding_iri(subject: str, offence: str) -> str:
    """Return a proceeding's IRI: a stable hash of its defendant's IRI and its offence's.

    >>> proceeding_iri("res:person/chan-dara", "res:offence/treason").startswith(str(RES))
    True
    """
    return str(RES[f"proceeding/{stable_id(subject, offence)}"])


def _cases(steps: dict[str, _Step]) -> list[list[str]]:
    """Group the events that share an offence or an article, transitively (union-find)."""
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for step in steps.values():
        for other in step.keys[1:]:
            parent[find(other)] = find(step.keys[0])
    groups: dict[str, list[str]] = defaultdict(list)
    for event, step in sorted(steps.items()):
        groups[find(step.keys[0])].append(event)
    return sorted(groups.values())


def _iris(nodes: Iterable[str]) -> str:
    return " ".join(f"<{node}>" for node in sorted(nodes))


def _fetch_steps(
    store: SparqlStore, subjects: Collection[str] | None
) -> dict[str, dict[str, _Step]]:
    """Map each subject (of all, or of ``subjects``) to its case events (event IRI → step),
    read in one query."""
    types = [f"<{LEK[name]}>" for name in (*PROCEEDING_STEPS, *CHARGED_STEPS)]
    if subjects is None:
        events = f"VALUES ?type {{ {' '.join(types)} }} ?event a ?type ; <{LEK.subject}> ?subject ."
    else:
        events = (
            f"VALUES ?subject {{ {_iris(subjects)} }} ?event <{LEK.subject}> ?subject ; a ?type ."
            f" FILTER(?type IN ({', '.join(types)}))"
        )
    rows = store.query(
        _EVENTS_QUERY.format(events=events, charge=LEK.charge, provision=LEK.provision)
    )
    assert isinstance(rows, ox.QuerySolutions)
    by_subject: dict[str, dict[str, _Step]] = defaultdict(dict)
    for row in rows:
        kind = row["type"].value.rsplit("#", 1)[-1]
        step = by_subject[row["subject"].value].setdefault(row["event"].value, _Step(kind))
        if row["offence"] is not None:
            step.offences.add(row["offence"].value)
        if row["provision"] is not None:
            step.provisions.add(row["provision"].value)
    return by_subject


def node_labels(store: SparqlStore, nodes: Collection[str] | None = None) -> dict[str, str]:
    """The name a proceeding's label uses for each node (the first of its ``rdfs:label``
    values in every graph): of every defendant, offence and article, or of ``nodes``."""
    if nodes is None:
        query = _LABELS_QUERY.format(
            subject=LEK.subject, charge=LEK.charge, provision=LEK.provision, label=RDFS.label
        )
    else:
        query = _NODE_LABELS_QUERY.format(nodes=_iris(nodes), label=RDFS.label)
    rows = store.query(query)
    assert isinstance(rows, ox.QuerySolutions)
    return {row["node"].value: row["name"].value for row in rows}


def proceeding_quads(store: SparqlStore, subjects: Collection[str] | None = None) -> list[ox.Quad]:
    """Compute every proceeding from the store's events; return the proceedings graph's quads.

    Each proceeding gets ``a lek:Proceeding``, an ``rdfs:label`` such as "Chan Dara —
    treason", its ``lek:defendant``, a ``lek:charge`` for every offence its events cite, and
    each of its events ``lek:partOf`` it.  Its IRI hashes the defendant and the first
    offence (or, with none, the first article) in IRI order, so a rebuild gives the same IRI.
    With ``subjects``, only those defendants' proceedings: a subject's proceedings depend on
    nothing but its own events and the labels of what they name.
    """
    by_subject = _fetch_steps(store, subjects)
    named = None
    if subjects is not None:
        named = {*by_subject}.union(
            *(s.keys for steps in by_subject.values() for s in steps.values())
        )
    labels = node_labels(store, named)
    graph = ox.NamedNode(PROCEEDINGS_GRAPH)
    quads: set[ox.Quad] = set()

    def add(subject: str, predicate: str, obj: ox.NamedNode | ox.Literal) -> None:
        quads.add(ox.Quad(ox.NamedNode(subject), ox.NamedNode(predicate), obj, graph))

    def name(iri: str) -> str:
        return labels.get(iri, iri.rsplit("/", 1)[-1])

    for subject, steps in sorted(by_subject.items()):
        cited = {event: step for event, step in steps.items() if step.keys}
        cases = _cases(cited)
        uncited = [e for e, s in sorted(steps.items()) if not s.keys and s.kind in PROCEEDING_STEPS]
        for events in cases:
            offences = sorted({offence for e in events for offence in cited[e].offences})
            provisions = sorted({provision for e in events for provision in cited[e].provisions})
            iri = proceeding_iri(subject, (offences or provisions)[0])
            about = ", ".join(sorted(name(key) for key in offences or provisions))
            add(iri, str(RDF.type), ox.NamedNode(str(LEK.Proceeding)))
            add(iri, str(RDFS.label), ox.Literal(f"{name(subject)} — {about}"))
            add(iri, str(LEK.defendant), ox.NamedNode(subject))
            for offence in offences:
                add(iri, str(LEK.charge), ox.NamedNode(offence))
            for event in events + (uncited if len(cases) == 1 else []):
                add(event, str(LEK.partOf), ox.NamedNode(iri))
    return sorted(quads, key=str)
