"""What the views draw, read from the store: actors, offences and provisions as nodes, events
and memberships as evidenced edges between them.

The views take a :class:`networkx.MultiDiGraph` whose nodes carry ``label``, ``type``,
``aliases`` and ``evidence``, and whose edges carry ``type``, ``date``, ``label``, ``evidence``
and ``statement``; ``graph.graph["sources"]`` maps each source IRI to its file name, title,
publisher, date and path.  :func:`view_graph` builds one with SPARQL; any graph with the same
attributes renders the same way.
"""

from __future__ import annotations

import calendar
import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import networkx as nx
import pyoxigraph as ox

from kg.errors import KgError
from kg.model import ACTOR_TYPES, EVENT_TYPES
from kg.store import PREFIXES, KgStore

__all__ = [
    "NODE_TYPES",
    "DateWindow",
    "Statement",
    "ViewData",
    "ViewError",
    "date_window",
    "edge_label",
    "find_node",
    "load_view_data",
    "parse_date_bound",
    "view_graph",
]

LEK = PREFIXES["lek"]

#: The classes drawn as nodes: the nine actor classes, then offences and legal provisions.
NODE_TYPES: tuple[str, ...] = (*ACTOR_TYPES, "Offence", "LegalProvision")

_ROLES = {
    f"{LEK}subject": "subjects",
    f"{LEK}agent": "agents",
    f"{LEK}charge": "charges",
    f"{LEK}provision": "provisions",
    f"{LEK}place": "places",
    f"{LEK}member": "subjects",
    f"{LEK}organization": "organizations",
}
_VALUES = {
    f"{LEK}date": "date",
    f"{LEK}sentence": "penalty",
    f"{LEK}group": "group",
    f"{LEK}evidence": "evidence",
    f"{LEK}role": "role",
    "http://www.w3.org/ns/prov#wasDerivedFrom": "source",
    f"{LEK}startOffset": "start",
}


class ViewError(KgError):
    """A view cannot be drawn as asked: an unknown name, type or date."""


@dataclass(frozen=True)
class Statement:
    """One event or membership, with every node it involves and its evidence.

    ``reports`` holds each source's statement of an event told by several (``lek:report``):
    ``(source, start, evidence)``, in that order; ``evidence``, ``source`` and ``start`` are
    those of the first, so the sentence shown always comes with its own source.
    """

    iri: str
    type: str
    date: str | None = None
    subjects: tuple[str, ...] = ()
    agents: tuple[str, ...] = ()
    charges: tuple[str, ...] = ()
    provisions: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    role: str | None = None
    penalty: str | None = None
    group: str | None = None
    evidence: str = ""
    source: str = ""
    start: int = 0
    reports: tuple[tuple[str, int, str], ...] = ()

    @property
    def involved(self) -> tuple[str, ...]:
        """Every node the statement names, in role order, without repeats."""
        nodes = (
            *self.subjects,
            *self.agents,
            *self.organizations,
            *self.charges,
            *self.provisions,
            *self.places,
        )
        return tuple(dict.fromkeys(nodes))


@dataclass(frozen=True)
class ViewData:
    """Nodes (IRI → label, type, aliases, documents), statements and sources from a store."""

    nodes: dict[str, dict[str, Any]]
    statements: list[Statement]
    sources: dict[str, dict[str, str]]


@dataclass(frozen=True)
class DateWindow:
    """An inclusive range of days; a date of lower precision matches when its span overlaps."""

    start: date = date.min
    end: date = date.max
    text: str = field(default="", compare=False)

    def contains(self, value: str | None) -> bool:
        """Whether an ISO date, year-month or year falls (at least partly) in the window.

        >>> DateWindow(date(2017, 9, 1), date(2017, 12, 31)).contains("2017")
        True
        >>> DateWindow(date(2017, 9, 1), date(2017, 12, 31)).contains("2016-05-02")
        False
        """
        if value is None:
            return False
        try:
            first, last = parse_date_bound(value, last=False), parse_date_bound(value, last=True)
        except ViewError:
            return False
        return first <= self.end and last >= self.start


def date_window(start: str | None, end: str | None) -> DateWindow | None:
    """The window between two optional bounds (YYYY, YYYY-MM or YYYY-MM-DD), or None.

    >>> date_window("2017", None).text
    'from 2017'
    """
    if not start and not end:
        return None
    first = parse_date_bound(start, last=False) if start else date.min
    last = parse_date_bound(end, last=True) if end else date.max
    if first > last:
        raise ViewError(f"the window starts ({start}) after it ends ({end})")
    text = " ".join(part for part in (start and f"from {start}", end and f"to {end}") if part)
    return DateWindow(first, last, text)


_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_date_bound(text: str, *, last: bool) -> date:
    """Read YYYY, YYYY-MM or YYYY-MM-DD as its first day (or its last day when ``last``).

    >>> parse_date_bound("2017-02", last=True)
    datetime.date(2017, 2, 28)
    """
    match = _DATE.fullmatch(text.strip())
    if not match:
        raise ViewError(f"cannot read the date {text!r}: write YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(match[1])
    month = int(match[2]) if match[2] else (12 if last else 1)
    try:
        if match[3]:
            return date(year, month, int(match[3]))
        return date(year, month, calendar.monthrange(year, month)[1] if last else 1)
    except (ValueError, calendar.IllegalMonthError) as exc:
        raise ViewError(f"cannot read the date {text!r}: {exc}") from exc


def _rows(store: KgStore, sparql: str) -> ox.QuerySolutions:
    prefixes = "\n".join(f"PREFIX {name}: <{iri}>" for name, iri in PREFIXES.items())
    result = store.query(f"{prefixes}\n{sparql}")
    assert isinstance(result, ox.QuerySolutions)
    return result


def _value(term: object) -> str | None:
    return term.value if isinstance(term, ox.NamedNode | ox.Literal) else None


def _load_nodes(store: KgStore) -> dict[str, dict[str, Any]]:
    classes = " ".join(f"lek:{name}" for name in NODE_TYPES)
    nodes: dict[str, dict[str, Any]] = {}
    for row in _rows(
        store,
        f"""SELECT ?node ?cls ?label WHERE {{ VALUES ?cls {{ {classes} }}
              ?node a ?cls . OPTIONAL {{ ?node rdfs:label ?label }} }}""",
    ):
        iri, label = row["node"].value, _value(row["label"])
        entry = nodes.setdefault(
            iri, {"type": row["cls"].value[len(LEK) :], "labels": set(), "aliases": set()}
        )
        if label:
            entry["labels"].add(label)
    for row in _rows(store, "SELECT ?node ?name WHERE { ?node skos:altLabel|lek:name ?name }"):
        if row["node"].value in nodes:
            nodes[row["node"].value]["aliases"].add(row["name"].value)
    for iri, entry in nodes.items():
        labels = sorted(entry.pop("labels"))
        entry["label"] = labels[0] if labels else iri.rsplit("/", 1)[-1]
        entry["aliases"] = sorted((entry["aliases"] | set(labels[1:])) - {entry["label"]})
    return nodes


def _load_statements(store: KgStore) -> list[Statement]:
    classes = " ".join(f"lek:{name}" for name in (*EVENT_TYPES, "Membership"))
    predicates = " ".join(f"<{p}>" for p in (*_ROLES, *_VALUES))
    fields: dict[str, dict[str, Any]] = defaultdict(lambda: defaultdict(list))
    for row in _rows(
        store,
        f"""SELECT ?s ?cls ?p ?o WHERE {{ VALUES ?cls {{ {classes} }} VALUES ?p {{ {predicates} }}
              ?s a ?cls ; ?p ?o }}""",
    ):
        entry = fields[row["s"].value]
        entry["type"] = row["cls"].value[len(LEK) :]
        predicate, value = row["p"].value, row["o"].value
        entry[_ROLES.get(predicate) or _VALUES[predicate]].append(value)
    reports: dict[str, set[tuple[str, int, str]]] = defaultdict(set)
    for row in _rows(
        store,
        """SELECT ?s ?source ?start ?evidence WHERE { ?s lek:report ?report .
             ?report prov:wasDerivedFrom ?source ; lek:startOffset ?start ;
               lek:evidence ?evidence }""",
    ):
        report = (row["source"].value, int(row["start"].value), row["evidence"].value)
        reports[row["s"].value].add(report)
    statements = []
    for iri, entry in fields.items():
        single = {name: min(entry[name]) for name in _VALUES.values() if entry.get(name)}
        told = tuple(sorted(reports.get(iri, ())))
        own = (single.get("source", ""), int(single.get("start", 0)), single.get("evidence", ""))
        source, start, evidence = told[0] if told else own
        statements.append(
            Statement(
                iri=iri,
                type=entry["type"],
                date=single.get("date"),
                role=single.get("role"),
                penalty=single.get("penalty"),
                group=single.get("group"),
                evidence=evidence,
                source=source,
                start=start,
                reports=told,
                **{role: tuple(sorted(set(entry[role]))) for role in set(_ROLES.values())},
            )
        )
    return sorted(statements, key=lambda s: (s.source, s.start, s.type, s.iri))


def _load_sources(store: KgStore) -> dict[str, dict[str, str]]:
    own: dict[str, dict[str, str]] = defaultdict(dict)
    parent: dict[str, str] = {}
    for row in _rows(
        store,
        """SELECT ?doc ?part ?key ?value WHERE { ?doc a lek:Document .
             OPTIONAL { ?doc dcterms:isPartOf ?part }
             VALUES (?p ?key) { (dcterms:identifier "file") (dcterms:title "title")
               (dcterms:publisher "publisher") (dcterms:date "date") (lek:sourcePath "path") }
             OPTIONAL { ?doc ?p ?value } }""",
    ):
        doc = row["doc"].value
        own.setdefault(doc, {})
        if (part := _value(row["part"])) is not None:
            parent[doc] = part
        if (value := _value(row["value"])) is not None:
            own[doc].setdefault(row["key"].value, value)
    return {doc: {**own.get(parent.get(doc, ""), {}), **fields} for doc, fields in own.items()}


def load_view_data(store: KgStore) -> ViewData:
    """Read the nodes, the statements and the sources the views need from ``store``."""
    nodes = _load_nodes(store)
    mentions: dict[str, set[str]] = defaultdict(set)
    for row in _rows(store, "SELECT ?node ?doc WHERE { ?node lek:mentionedIn ?doc }"):
        mentions[row["node"].value].add(row["doc"].value)
    for iri, entry in nodes.items():
        entry["documents"] = sorted(mentions.get(iri, ()))
    return ViewData(nodes, _load_statements(store), _load_sources(store))


def _edge_ends(statement: Statement) -> list[tuple[str, str]]:
    """The node pairs a statement links: agent → subject, member → organisation, subject →
    offence, provision or place."""
    if statement.type == "Membership":
        return [(s, o) for s in statement.subjects for o in statement.organizations]
    ends = [(a, s) for a in statement.agents for s in statement.subjects]
    targets = (*statement.charges, *statement.provisions, *statement.places)
    ends.extend((s, t) for s in statement.subjects for t in targets)
    return [(a, b) for a, b in ends if a != b]


def edge_label(statement: Statement) -> str:
    """An edge's label: the event type and its date, or a membership's role."""
    if statement.type == "Membership":
        return statement.role or "member"
    return f"{statement.type} {statement.date}" if statement.date else statement.type


def view_graph(data: ViewData) -> nx.MultiDiGraph:
    """Project the view data on a multigraph; every edge is one statement, with its evidence."""
    graph = nx.MultiDiGraph(sources=data.sources)
    evidence: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for statement in data.statements:
        if not all(node in data.nodes for node in statement.involved):
            continue
        told = statement.reports or ((statement.source, statement.start, statement.evidence),)
        entries = [
            {"sentence": sentence, "source": source, "date": statement.date, "type": statement.type}
            for source, _, sentence in told
        ]
        for node in statement.involved:
            evidence[node].extend(entries)
        for head, tail in _edge_ends(statement):
            graph.add_edge(
                head,
                tail,
                key=f"{statement.iri} {head} {tail}",
                type=statement.type,
                date=statement.date,
                label=edge_label(statement),
                evidence=entries,
                statement=statement.iri,
            )
    for iri, entry in data.nodes.items():
        graph.add_node(
            iri,
            label=entry["label"],
            type=entry["type"],
            aliases=entry["aliases"],
            documents=entry["documents"],
            evidence=evidence.get(iri, []),
        )
    return graph


def find_node(graph: nx.MultiDiGraph, name: str, types: tuple[str, ...] = NODE_TYPES) -> str:
    """Return the node called ``name`` (its label, an alias, or its IRI), ignoring case."""
    wanted = name.strip().casefold()
    if wanted.startswith("res:"):
        wanted = PREFIXES["res"].casefold() + wanted[4:]
    candidates = [n for n, attrs in graph.nodes(data=True) if attrs.get("type") in types]
    for exact in (True, False):
        found = [
            node
            for node in candidates
            if node.casefold() == wanted
            or graph.nodes[node]["label"].casefold() == wanted
            or (not exact and wanted in map(str.casefold, graph.nodes[node].get("aliases", ())))
        ]
        if len(found) == 1:
            return found[0]
        if found:
            listed = "; ".join(
                f"{graph.nodes[n]['label']} ({graph.nodes[n]['type']}, {n})" for n in sorted(found)
            )
            raise ViewError(f"{name!r} names {len(found)} nodes: {listed}; give the IRI")
    labels = [graph.nodes[n]["label"] for n in candidates]
    close = difflib.get_close_matches(name, labels, n=3, cutoff=0.6)
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    raise ViewError(f"no node named {name!r} in the store{hint}")
