"""``kg view``: a self-contained interactive HTML graph, drawn with pyvis and vis-network.

The page loads nothing from anywhere: vis-network's script and style come inline from the
pyvis package, a Content-Security-Policy forbids every other source and only lets the
page's own scripts run (by their SHA-256), and document text reaches the page only as
JSON in a ``<script type="application/json">`` block, which the page's script turns into
tooltips with ``textContent``.  A view is capped (500 nodes by default), keeping the most
central nodes or those nearest the focus, and says on the page what it left out.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
from markupsafe import Markup
from pyvis.network import Network

from kg.model import EVENT_TYPES
from kg.view_data import NODE_TYPES, DateWindow, ViewError, find_node

__all__ = [
    "NODE_STYLES",
    "Selection",
    "ViewOptions",
    "build_network",
    "environment",
    "json_for_html",
    "render_view",
    "script_hash",
    "select_view",
    "write_page",
]

#: Colour and vis-network shape of each node class, shown in the legend.
NODE_STYLES: dict[str, tuple[str, str]] = {
    "Person": ("#4e79a7", "dot"),
    "PoliticalParty": ("#e15759", "square"),
    "Court": ("#9c755f", "diamond"),
    "GovernmentBody": ("#f28e2b", "triangle"),
    "CivilSocietyOrganization": ("#59a14f", "hexagon"),
    "InternationalOrganization": ("#76b7b2", "hexagon"),
    "MediaOrganization": ("#b07aa1", "hexagon"),
    "Facility": ("#79706e", "triangleDown"),
    "Place": ("#bab0ac", "triangleDown"),
    "Offence": ("#edc948", "star"),
    "LegalProvision": ("#ff9da7", "star"),
}

_VIS = "templates/lib/vis-9.1.2/vis-network"


@dataclass(frozen=True)
class ViewOptions:
    """What to draw: around a focus or everything, in a date window, of some types, capped."""

    focus: str | None = None
    depth: int = 2
    window: DateWindow | None = None
    types: frozenset[str] = frozenset()
    top: int = 500


@dataclass(frozen=True)
class Selection:
    """The subgraph to draw, each node's centrality, and what was left out and why."""

    graph: nx.MultiDiGraph
    centrality: dict[str, float]
    focus: str | None
    omitted: list[str] = field(default_factory=list)
    omitted_edges: int = 0
    beyond_depth: int = 0
    unlinked: int = 0


def environment() -> jinja2.Environment:
    """The Jinja environment of the package's templates, escaping everything by default."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("kg", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def json_for_html(value: object) -> Markup:
    """JSON that is safe inside a ``<script>`` block: ``<``, ``>`` and ``&`` are escaped.

    >>> str(json_for_html({"a": "</script>"}))
    '{"a": "\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for char, escape in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, escape)
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def script_hash(script: str) -> str:
    """The CSP source that lets exactly this inline script run."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _check_types(types: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    edge_types = frozenset((*EVENT_TYPES, "Membership"))
    unknown = sorted(types - edge_types - set(NODE_TYPES))
    if unknown:
        known = ", ".join((*NODE_TYPES, *EVENT_TYPES, "Membership"))
        raise ViewError(f"unknown type {', '.join(unknown)}; choose from {known}")
    return types & set(NODE_TYPES), types & edge_types


def _keeps(entry: dict[str, Any], window: DateWindow | None, edge_types: frozenset[str]) -> bool:
    if edge_types and entry["type"] not in edge_types:
        return False
    return window is None or entry["type"] == "Membership" or window.contains(entry["date"])


def select_view(graph: nx.MultiDiGraph, options: ViewOptions) -> Selection:
    """Filter ``graph`` by date and type, keep what is near the focus, and cap it."""
    node_types, edge_types = _check_types(options.types)
    focus = find_node(graph, options.focus) if options.focus else None

    def keeps(entry: dict[str, Any]) -> bool:
        return _keeps(entry, options.window, edge_types)

    kept = nx.MultiDiGraph(**graph.graph)
    kept.add_nodes_from(
        (node, {**attrs, "evidence": [e for e in attrs.get("evidence", []) if keeps(e)]})
        for node, attrs in graph.nodes(data=True)
        if not node_types or attrs.get("type") in node_types or node == focus
    )
    kept.add_edges_from(
        (head, tail, key, attrs)
        for head, tail, key, attrs in graph.edges(keys=True, data=True)
        if head in kept
        and tail in kept
        and keeps({"type": attrs["type"], "date": attrs.get("date")})
    )
    unlinked = [
        n for n in kept if n != focus and kept.degree(n) == 0 and not kept.nodes[n]["evidence"]
    ]
    kept.remove_nodes_from(unlinked)
    undirected = nx.Graph(kept)
    centrality = (
        nx.degree_centrality(undirected) if len(undirected) > 1 else dict.fromkeys(kept, 0.0)
    )

    def label(node: str) -> str:
        return str(kept.nodes[node].get("label", node))

    beyond = 0
    if focus is not None:
        distance = nx.single_source_shortest_path_length(undirected, focus, cutoff=options.depth)
        beyond = len(kept) - len(distance)
        ranked = sorted(distance, key=lambda n: (distance[n], -centrality[n], label(n), n))
    else:
        ranked = sorted(kept, key=lambda n: (-centrality[n], label(n), n))
    chosen = ranked[: options.top]
    drawn = kept.subgraph(chosen).copy()
    return Selection(
        graph=drawn,
        centrality=centrality,
        focus=focus,
        omitted=ranked[options.top :],
        omitted_edges=kept.number_of_edges() - drawn.number_of_edges(),
        beyond_depth=beyond,
        unlinked=len(unlinked),
    )


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _evidence(entries: list[dict[str, Any]]) -> list[list[str | None]]:
    unique = {(e["sentence"], e["source"], e.get("date"), e["type"]): None for e in entries}
    return [list(key) for key in unique]


def build_network(selection: Selection) -> tuple[Network, dict[str, Any]]:
    """Lay the selection out as a pyvis network; the evidence of each node and edge apart."""
    graph, centrality = selection.graph, selection.centrality
    net = Network(directed=True, cdn_resources="in_line")
    top = max((centrality.get(n, 0.0) for n in graph), default=0.0) or 1.0
    info: dict[str, Any] = {"nodes": {}, "edges": {}}
    for node, attrs in sorted(graph.nodes(data=True)):
        kind = str(attrs.get("type", "Other"))
        colour, shape = NODE_STYLES.get(kind, ("#cccccc", "dot"))
        net.add_node(
            node,
            label=_short(str(attrs.get("label", node))),
            shape=shape,
            color=colour,
            size=round(10 + 30 * centrality.get(node, 0.0) / top, 1),
            borderWidth=3 if node == selection.focus else 1,
        )
        info["nodes"][node] = {
            "label": attrs.get("label", node),
            "type": kind,
            "aliases": list(attrs.get("aliases", [])),
            "evidence": _evidence(attrs.get("evidence", [])),
            "documents": list(attrs.get("documents", [])),
        }
    pairs: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for head, tail, attrs in graph.edges(data=True):
        pairs.setdefault((head, tail), []).append(attrs)
    for index, ((head, tail), group) in enumerate(sorted(pairs.items())):
        group.sort(key=lambda a: (a.get("date") or "9999", a["label"]))
        labels = list(dict.fromkeys(a["label"] for a in group))
        text = "\n".join(labels[:2]) + (f"\n+{len(labels) - 2} more" if len(labels) > 2 else "")
        edge_id = f"e{index}"
        membership = all(a["type"] == "Membership" for a in group)
        net.add_edge(head, tail, id=edge_id, label=text, dashes=membership)
        ends = [str(graph.nodes[node].get("label", node)) for node in (head, tail)]
        info["edges"][edge_id] = {
            "label": " → ".join(ends),
            "type": ", ".join(labels),
            "evidence": _evidence([e for a in group for e in a.get("evidence", [])]),
        }
    layout = {"randomSeed": 7, "improvedLayout": len(graph) <= 150}
    net.set_options(json.dumps({**_VIS_OPTIONS, "layout": layout}))
    return net, info


_VIS_OPTIONS: dict[str, Any] = {
    "nodes": {"font": {"size": 18, "strokeWidth": 4, "strokeColor": "#ffffff"}},
    "edges": {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "color": {"color": "#9a9a9a", "highlight": "#333333"},
        "font": {"size": 10, "align": "middle", "color": "#555555"},
        "smooth": {"type": "continuous"},
    },
    "interaction": {"hover": True, "tooltipDelay": 50, "navigationButtons": False},
    "physics": {
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
        "stabilization": {"enabled": True, "iterations": 400, "fit": True},
    },
}


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _summary(selection: Selection, options: ViewOptions, total: int) -> list[str]:
    rule = "distance from the focus, then centrality" if selection.focus else "degree centrality"
    lines = [
        f"Showing {len(selection.graph)} of {_count(total, 'node')} and "
        f"{_count(selection.graph.number_of_edges(), 'edge')} "
        f"(at most {options.top} nodes, kept by {rule})."
    ]
    if options.window is not None:
        lines.append(
            f"Events dated {options.window.text} only: undated events are left out; "
            "memberships, which carry no date, are kept."
        )
    if options.types:
        lines.append(f"Types: {', '.join(sorted(options.types))}.")
    left = []
    if selection.omitted:
        left.append(f"{_count(len(selection.omitted), 'node')} over the cap (listed below)")
    if selection.beyond_depth:
        left.append(
            f"{_count(selection.beyond_depth, 'node')} more than {options.depth} steps "
            "from the focus"
        )
    if selection.omitted_edges:
        left.append(f"{_count(selection.omitted_edges, 'edge')} to nodes left out")
    if selection.unlinked:
        left.append(
            f"{_count(selection.unlinked, 'node')} with no event or membership in this selection"
        )
    lines.append(f"Left out: {'; '.join(left)}." if left else "Nothing is left out.")
    return lines


def render_view(graph: nx.MultiDiGraph, options: ViewOptions, title: str = "Legal events") -> str:
    """Render the whole page of a view of ``graph`` (see :mod:`kg.view_data`) as HTML."""
    selection = select_view(graph, options)
    net, info = build_network(selection)
    nodes, edges, _heading, _height, _width, vis_options = net.get_network_data()
    sources = graph.graph.get("sources", {})
    used = {
        e[1]
        for part in ("nodes", "edges")
        for item in info[part].values()
        for e in item["evidence"]
    }
    used.update(d for item in info["nodes"].values() for d in item["documents"])
    payload = {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(vis_options),
        "info": info,
        "sources": {key: sources[key] for key in sorted(used) if key in sources},
    }
    package = resources.files("pyvis")
    vis_js = (package / f"{_VIS}.min.js").read_text(encoding="utf-8")
    app_js = (resources.files("kg") / "templates" / "view.js").read_text(encoding="utf-8")
    if "</script" in vis_js.lower() or "<!--" in vis_js:
        raise ViewError("the vis-network script cannot be inlined safely")
    counts = {t: 0 for t in NODE_STYLES}
    for _node, kind in selection.graph.nodes(data="type"):
        counts[kind] = counts.get(kind, 0) + 1
    omitted = [str(graph.nodes[n].get("label", n)) for n in selection.omitted]
    return (
        environment()
        .get_template("view.html")
        .render(
            title=title,
            csp=_csp(vis_js, app_js),
            vis_css=Markup((package / f"{_VIS}.css").read_text(encoding="utf-8")),
            vis_js=Markup(vis_js),
            app_js=Markup(app_js),
            data=json_for_html(payload),
            summary=_summary(selection, options, len(graph)),
            omitted=omitted,
            legend=[
                (t, *NODE_STYLES.get(t, ("#cccccc", "dot")), n) for t, n in counts.items() if n
            ],
        )
    )


def _csp(*scripts: str) -> str:
    allowed = " ".join(script_hash(s) for s in scripts)
    return (
        f"default-src 'none'; script-src {allowed}; style-src 'unsafe-inline'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


def write_page(path: Path, html: str) -> None:
    """Write a page, or fail with a one-line error."""
    try:
        path.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise ViewError(f"cannot write {path}: {exc.strerror or exc}") from exc
