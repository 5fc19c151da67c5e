"""``kg timeline``: one actor's events in date order, each with its evidence and source.

The page is static HTML: no script at all, a Content-Security-Policy that forbids loading
anything, and every piece of document text escaped by Jinja.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.model import ACTOR_TYPES
from kg.view import environment
from kg.view_data import Statement, ViewData, find_node, view_graph

__all__ = ["TimelineEntry", "render_timeline", "timeline_entries"]

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)

_ROLE_NAMES = (
    ("subjects", "subject"),
    ("agents", "agent"),
    ("organizations", "organisation"),
    ("places", "place"),
)


@dataclass(frozen=True)
class TimelineEntry:
    """One row of a timeline: a statement seen from the actor's side."""

    date: str | None
    type: str
    role: str
    others: tuple[tuple[str, str], ...]
    charges: tuple[str, ...]
    penalty: str | None
    group: str | None
    evidence: str
    source: str


def _role(statement: Statement, node: str) -> str:
    for attribute, name in _ROLE_NAMES:
        if node in getattr(statement, attribute):
            return "member" if name == "subject" and statement.type == "Membership" else name
    return ""


def timeline_entries(data: ViewData, node: str) -> list[TimelineEntry]:
    """The statements naming ``node``: dated ones by date, then undated ones in text order.

    An event told by several documents gives one entry per report, each sentence with its
    own source.
    """

    def label(iri: str) -> str:
        return str(data.nodes.get(iri, {}).get("label", iri))

    entries: list[TimelineEntry] = []
    for statement in data.statements:
        role = _role(statement, node)
        if not role:
            continue
        others = tuple(
            (label(other), _role(statement, other))
            for other in statement.involved
            if other != node and _role(statement, other)
        )
        told = statement.reports or ((statement.source, statement.start, statement.evidence),)
        entries.extend(
            TimelineEntry(
                date=statement.date,
                type=statement.type,
                role=role,
                others=others,
                charges=tuple(label(c) for c in (*statement.charges, *statement.provisions)),
                penalty=statement.penalty or statement.role,
                group=statement.group,
                evidence=evidence,
                source=source,
            )
            for source, _, evidence in told
        )
    return sorted(entries, key=lambda e: (e.date is None, e.date or ""))


def render_timeline(data: ViewData, name: str) -> str:
    """Render the timeline page of the actor called ``name`` (label, alias or IRI)."""
    graph = view_graph(data)
    node = find_node(graph, name, ACTOR_TYPES)
    entries = timeline_entries(data, node)
    attrs = graph.nodes[node]
    return (
        environment()
        .get_template("timeline.html")
        .render(
            csp=CSP,
            name=attrs["label"],
            kind=attrs["type"],
            iri=node,
            aliases=attrs.get("aliases", []),
            events=[e for e in entries if e.type != "Membership"],
            memberships=[e for e in entries if e.type == "Membership"],
            sources=data.sources,
        )
    )
