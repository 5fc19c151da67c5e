"""NetworkX projections of the store: who is connected to which events and proceedings.

Three projections, all built from one typed graph read with a few SPARQL queries:

- ``full``: actors, events, proceedings, offences and provisions as a ``DiGraph`` (event →
  subject, agent, place, charge, provision, proceeding; proceeding → defendant, charge;
  person → organisation for a stated membership);
- ``bipartite``: actors and the proceedings they take part in (as defendant, or as subject
  or agent of one of its events), weighted by the number of its events they are in;
- ``coinvolvement``: actors linked when they share an event or a proceeding, weighted by
  how many, with those events, their evidence and the proceedings on the edge.

Every node carries ``kind``, ``type``, ``label`` and, where known, ``date``, ``evidence``,
``source`` and ``aliases``, all strings (lists joined with `` | ``, missing values left
out) so that GraphML and GEXF keep them.  :func:`time_slice` cuts the typed graph to a
period before a projection is taken.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

import networkx as nx
import pyoxigraph as ox

from kg.errors import KgError
from kg.model import ACTOR_TYPES, EVENT_TYPES
from kg.namespaces import LEK, PROV, RDFS, SKOS
from kg.store import KgStore

__all__ = [
    "PARTICIPATION",
    "PROJECTIONS",
    "SEPARATOR",
    "EdgeRow",
    "GraphError",
    "GraphRows",
    "NodeRow",
    "bipartite_graph",
    "coinvolvement_graph",
    "fetch_rows",
    "load_projection",
    "parse_period",
    "project",
    "relations",
    "time_slice",
    "typed_graph",
]

PROJECTIONS: tuple[str, ...] = ("full", "bipartite", "coinvolvement")
#: Joins the values of a list-valued attribute (GraphML and GEXF cannot store lists).
SEPARATOR = " | "
#: Relations that make an actor a participant of an event or proceeding (a place is not).
PARTICIPATION = frozenset({"subject", "agent", "defendant"})
#: Relations read from the store: (property, relation name).
_RELATIONS = ("subject", "agent", "place", "charge", "provision", "partOf", "defendant")
_KINDS = {
    **{name: "actor" for name in ACTOR_TYPES},
    **{name: "event" for name in EVENT_TYPES},
    "Proceeding": "proceeding",
    "Offence": "offence",
    "LegalProvision": "provision",
}
_UNIT = "\u001f"
_PERIOD = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class GraphError(KgError):
    """A projection or analysis cannot be made: unknown node, bad period or option."""


@dataclass(frozen=True)
class NodeRow:
    """One node as read from the store: its IRI, class name and attributes."""

    iri: str
    type: str
    label: str = ""
    date: str = ""
    evidence: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class EdgeRow:
    """One relation between two nodes, with a membership's role and evidence if any."""

    source: str
    relation: str
    target: str
    role: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class GraphRows:
    """What the projections are built from: the rows of a few SPARQL queries."""

    nodes: list[NodeRow]
    edges: list[EdgeRow]


def _values(names: tuple[str, ...]) -> str:
    return " ".join(f"<{LEK[name]}>" for name in names)


_EDGES_QUERY = f"""SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {_values(_RELATIONS)} }} ?s ?p ?o }}"""
_MEMBERSHIPS_QUERY = f"""
SELECT ?s ?o (GROUP_CONCAT(DISTINCT ?role; SEPARATOR="{_UNIT}") AS ?roles)
       (GROUP_CONCAT(DISTINCT ?evidence; SEPARATOR="{_UNIT}") AS ?evidences) WHERE {{
  ?m a <{LEK.Membership}> ; <{LEK.member}> ?s ; <{LEK.organization}> ?o .
  OPTIONAL {{ ?m <{LEK.role}> ?role }} OPTIONAL {{ ?m <{LEK.evidence}> ?evidence }}
}} GROUP BY ?s ?o"""
_NODES_QUERY = f"""
SELECT ?node (MIN(STR(?class)) AS ?type) (MIN(STR(?l)) AS ?label) (MIN(STR(?d)) AS ?date)
       (GROUP_CONCAT(DISTINCT STR(?e); SEPARATOR="{_UNIT}") AS ?evidence)
       (GROUP_CONCAT(DISTINCT STR(?src); SEPARATOR="{_UNIT}") AS ?sources)
       (GROUP_CONCAT(DISTINCT STR(?a); SEPARATOR="{_UNIT}") AS ?aliases) WHERE {{
  {{ SELECT DISTINCT ?node WHERE {{
       {{ VALUES ?p {{ {_values(_RELATIONS)} }} ?node ?p ?x }} UNION
       {{ VALUES ?p {{ {_values((*_RELATIONS, "member", "organization"))} }} ?x ?p ?node }} }} }}
  VALUES ?class {{ {_values(tuple(_KINDS))} }}
  ?node a ?class .
  OPTIONAL {{ ?node <{RDFS.label}> ?l }} OPTIONAL {{ ?node <{LEK.date}> ?d }}
  OPTIONAL {{ ?node <{LEK.evidence}> ?e }} OPTIONAL {{ ?node <{PROV.wasDerivedFrom}> ?src }}
  OPTIONAL {{ ?node <{SKOS.altLabel}> ?a }}
}} GROUP BY ?node"""


def _split(term: ox.NamedNode | ox.Literal | ox.BlankNode | None) -> tuple[str, ...]:
    return tuple(sorted(set(term.value.split(_UNIT)) - {""})) if term is not None else ()


def _select(store: KgStore, sparql: str) -> ox.QuerySolutions:
    rows = store.query(sparql)
    assert isinstance(rows, ox.QuerySolutions)
    return rows


def fetch_rows(store: KgStore) -> GraphRows:
    """Read every node and relation the projections need, in three queries."""
    edges = [
        EdgeRow(row["s"].value, row["p"].value.rsplit("#", 1)[-1], row["o"].value)
        for row in _select(store, _EDGES_QUERY)
    ]
    edges += [
        EdgeRow(
            row["s"].value,
            "memberOf",
            row["o"].value,
            _split(row["roles"]),
            _split(row["evidences"]),
        )
        for row in _select(store, _MEMBERSHIPS_QUERY)
    ]
    nodes = [
        NodeRow(
            iri=row["node"].value,
            type=row["type"].value.rsplit("#", 1)[-1],
            label=row["label"].value if row["label"] is not None else "",
            date=row["date"].value if row["date"] is not None else "",
            evidence=_split(row["evidence"]),
            sources=_split(row["sources"]),
            aliases=_split(row["aliases"]),
        )
        for row in _select(store, _NODES_QUERY)
    ]
    return GraphRows(nodes, edges)


def relations(data: dict[str, object]) -> set[str]:
    """Return the relation names of an edge of the typed graph."""
    return set(str(data.get("relation", "")).split(SEPARATOR))


def typed_graph(rows: GraphRows) -> nx.DiGraph:
    """Build the full typed graph from query rows (read from a store, or made by a test)."""
    graph = nx.DiGraph()
    for node in sorted(rows.nodes, key=lambda n: n.iri):
        attributes = {
            "kind": _KINDS.get(node.type, "other"),
            "type": node.type,
            "label": node.label or node.iri.rsplit("/", 1)[-1],
            "date": node.date,
            "evidence": SEPARATOR.join(node.evidence),
            "source": SEPARATOR.join(node.sources),
            "aliases": SEPARATOR.join(node.aliases),
        }
        graph.add_node(node.iri, **{key: value for key, value in attributes.items() if value})
    for edge in sorted(rows.edges, key=lambda e: (e.source, e.target, e.relation)):
        if edge.source not in graph or edge.target not in graph:
            continue
        if graph.has_edge(edge.source, edge.target):
            data = graph.edges[edge.source, edge.target]
            data["relation"] = SEPARATOR.join(sorted(relations(data) | {edge.relation}))
            continue
        extra = {"role": SEPARATOR.join(edge.role), "evidence": SEPARATOR.join(edge.evidence)}
        graph.add_edge(edge.source, edge.target, relation=edge.relation)
        graph.edges[edge.source, edge.target].update({k: v for k, v in extra.items() if v})
    _describe_events_and_proceedings(graph)
    return graph


def _describe_events_and_proceedings(graph: nx.DiGraph) -> None:
    """Label events by kind, subjects and date; date proceedings by their first and last event."""
    for node, data in graph.nodes(data=True):
        if data["kind"] == "event":
            subjects = sorted(
                graph.nodes[target]["label"]
                for target, edge in graph.adj[node].items()
                if "subject" in relations(edge)
            )
            label = data["type"] + (f" of {', '.join(subjects)}" if subjects else "")
            data["label"] = label + (f" ({data['date']})" if "date" in data else "")
        elif data["kind"] == "proceeding":
            dates = sorted(
                graph.nodes[event]["date"]
                for event in graph.predecessors(node)
                if "date" in graph.nodes[event]
            )
            if dates:
                data["date"], data["last_date"] = dates[0], dates[-1]


def parse_period(text: str) -> tuple[datetime.date, datetime.date]:
    """Return the first and last day of a year, month or day written in ISO 8601.

    >>> parse_period("2017-02")
    (datetime.date(2017, 2, 1), datetime.date(2017, 2, 28))
    """
    match = _PERIOD.fullmatch(text.strip())
    try:
        if match is None:
            raise ValueError
        year, month, day = (int(part) if part else None for part in match.groups())
        assert year is not None
        if day is not None and month is not None:
            single = datetime.date(year, month, day)
            return single, single
        if month is not None:
            last = calendar.monthrange(year, month)[1]
            return datetime.date(year, month, 1), datetime.date(year, month, last)
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    except ValueError:
        raise GraphError(f"not a date: {text!r} (write 2017, 2017-09 or 2017-09-03)") from None


def _in_period(data: dict[str, str], first: datetime.date, last: datetime.date) -> bool:
    if "date" not in data:
        return False
    try:
        begins, ends = parse_period(data["date"])
    except GraphError:
        return False
    return begins <= last and ends >= first


def time_slice(graph: nx.DiGraph, start: str | None, end: str | None) -> nx.DiGraph:
    """Cut the typed graph to the events whose date overlaps ``start``–``end`` (inclusive).

    Undated events are dropped; a proceeding stays while one of its events does, and an
    actor, offence or provision stays while it touches a remaining event or proceeding.
    """
    first = parse_period(start)[0] if start else datetime.date.min
    last = parse_period(end)[1] if end else datetime.date.max
    if first > last:
        raise GraphError(f"the period starts ({start}) after it ends ({end})")
    events = {
        node
        for node, data in graph.nodes(data=True)
        if data["kind"] == "event" and _in_period(data, first, last)
    }
    cores = events | {
        target
        for event in events
        for target, data in graph.adj[event].items()
        if "partOf" in relations(data)
    }
    around = {
        node
        for core in cores
        for node in nx.all_neighbors(graph, core)
        if graph.nodes[node]["kind"] not in ("event", "proceeding")
    }
    return nx.DiGraph(graph.subgraph(cores | around))


def _participants(graph: nx.DiGraph, node: str) -> set[str]:
    """The actors taking part in an event or proceeding (subject, agent or defendant)."""
    return {
        target
        for target, data in graph.adj[node].items()
        if relations(data) & PARTICIPATION and graph.nodes[target]["kind"] == "actor"
    }


def _events_of(graph: nx.DiGraph, proceeding: str) -> list[str]:
    return sorted(
        event
        for event in graph.predecessors(proceeding)
        if "partOf" in relations(graph.edges[event, proceeding])
    )


def _joined(graph: nx.DiGraph, nodes: list[str], key: str) -> str:
    values = {graph.nodes[node].get(key, "") for node in nodes}
    return SEPARATOR.join(sorted(values - {""}))


def bipartite_graph(typed: nx.DiGraph) -> nx.Graph:
    """Actors and proceedings, linked when the actor is the defendant or in one of its events.

    An edge carries ``weight`` (the number of the proceeding's events the actor is in, at
    least 1), ``roles``, ``events`` and their ``evidence``; nodes carry ``bipartite`` 0
    (actor) or 1 (proceeding).
    """
    graph = nx.Graph()
    for proceeding, data in typed.nodes(data=True):
        if data["kind"] != "proceeding":
            continue
        graph.add_node(proceeding, **data, bipartite=1)
        roles: dict[str, set[str]] = defaultdict(set)
        events: dict[str, list[str]] = defaultdict(list)
        for actor in _participants(typed, proceeding):
            roles[actor].add("defendant")
        for event in _events_of(typed, proceeding):
            for actor in _participants(typed, event):
                roles[actor] |= relations(typed.edges[event, actor]) & PARTICIPATION
                events[actor].append(event)
        for actor in sorted(roles):
            graph.add_node(actor, **typed.nodes[actor], bipartite=0)
            attributes = {
                "weight": max(1, len(events[actor])),
                "roles": SEPARATOR.join(sorted(roles[actor])),
                "events": SEPARATOR.join(events[actor]),
                "evidence": _joined(typed, events[actor], "evidence"),
            }
            graph.add_edge(actor, proceeding, **{k: v for k, v in attributes.items() if v})
    return graph


def coinvolvement_graph(typed: nx.DiGraph) -> nx.Graph:
    """Actors linked when they share an event or a proceeding, weighted by how many.

    An edge carries ``weight`` (shared events plus shared proceedings), ``events`` and
    ``event_labels`` (the shared events), their ``evidence``, and ``proceedings``.
    """
    shared_events: dict[tuple[str, str], list[str]] = defaultdict(list)
    shared_proceedings: dict[tuple[str, str], list[str]] = defaultdict(list)
    for node, data in typed.nodes(data=True):
        if data["kind"] == "event":
            shared = shared_events
        elif data["kind"] == "proceeding":
            shared = shared_proceedings
        else:
            continue
        participants = set(_participants(typed, node))
        if data["kind"] == "proceeding":
            for event in _events_of(typed, node):
                participants |= _participants(typed, event)
        for pair in combinations(sorted(participants), 2):
            shared[pair].append(node)
    graph = nx.Graph()
    graph.add_nodes_from(
        (node, data) for node, data in typed.nodes(data=True) if data["kind"] == "actor"
    )
    for pair in sorted(set(shared_events) | set(shared_proceedings)):
        events, proceedings = shared_events.get(pair, []), shared_proceedings.get(pair, [])
        attributes = {
            "weight": len(events) + len(proceedings),
            "events": SEPARATOR.join(events),
            "event_labels": _joined(typed, events, "label"),
            "evidence": _joined(typed, events, "evidence"),
            "proceedings": SEPARATOR.join(proceedings),
        }
        graph.add_edge(*pair, **{key: value for key, value in attributes.items() if value})
    return graph


def project(typed: nx.DiGraph, projection: str) -> nx.Graph:
    """Return the named projection (one of :data:`PROJECTIONS`) of the typed graph."""
    if projection == "full":
        return typed
    if projection == "bipartite":
        return bipartite_graph(typed)
    if projection == "coinvolvement":
        return coinvolvement_graph(typed)
    raise GraphError(f"unknown projection {projection!r}; choose one of {', '.join(PROJECTIONS)}")


def load_projection(
    store: KgStore, projection: str = "full", start: str | None = None, end: str | None = None
) -> nx.Graph:
    """Read the store and return one projection, cut to ``start``–``end`` when given."""
    typed = typed_graph(fetch_rows(store))
    if start or end:
        typed = time_slice(typed, start, end)
    return project(typed, projection)
