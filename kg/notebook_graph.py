"""Notebook conveniences for the network: proceedings, centrality tables, ego drawings.

Thin layers over :mod:`kg.graph` and :mod:`kg.analyze` that return pandas DataFrames or draw
with matplotlib (through :func:`networkx.draw_networkx`), so the notebooks hold no logic of
their own.  The store, SPARQL and event tables are in :mod:`kg.notebook`.
"""

from __future__ import annotations

import datetime
import textwrap
from typing import Any

import networkx as nx
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from kg.analyze import Analysis, centrality, ego, find_node
from kg.graph import bipartite_graph, fetch_rows, load_projection, parse_period, typed_graph
from kg.notebook import NotebookError, rows_df
from kg.store import KgStore
from kg.view import NODE_STYLES

__all__ = [
    "KIND_COLOURS",
    "analysis_df",
    "centrality_before_after",
    "centrality_table",
    "draw_ego",
    "proceedings_of",
    "proceedings_per_actor",
]

#: Colours of the nodes that are not actors (actors take the colours of ``kg view``).
KIND_COLOURS = {"proceeding": "#af7aa1", "event": "#d4a6c8", "offence": "#edc948"}
_OTHER_COLOUR = "#cccccc"


def analysis_df(analysis: Analysis) -> pd.DataFrame:
    """An :class:`kg.analyze.Analysis` as a DataFrame; its notes go to ``attrs["notes"]``."""
    rows = analysis.rows
    frame = pd.DataFrame(
        [[row.get(c) for c in analysis.columns] for row in rows], columns=list(analysis.columns)
    ).convert_dtypes()
    frame.attrs["notes"] = list(analysis.notes)
    return frame


def _bipartite(store: KgStore) -> tuple[nx.DiGraph, nx.Graph]:
    typed = typed_graph(fetch_rows(store))
    return typed, bipartite_graph(typed)


def proceedings_of(store: KgStore, name: str) -> pd.DataFrame:
    """The proceedings (legal cases) an actor takes part in: as defendant, or as subject or
    agent of one of their events; how many of the case's events name the actor, and the
    case's first and last dates.  Read from the actor–proceeding projection."""
    typed, graph = _bipartite(store)
    node = find_node(typed, name)
    if typed.nodes[node]["kind"] != "actor":
        raise NotebookError(f"{name!r} names a {typed.nodes[node]['type']}, not an actor")
    columns = ("proceeding", "roles", "events", "first", "last", "iri")
    rows = [
        {
            "proceeding": graph.nodes[case]["label"],
            "roles": edge.get("roles", ""),
            "events": edge.get("weight", 1),
            "first": graph.nodes[case].get("date"),
            "last": graph.nodes[case].get("last_date"),
            "iri": case,
        }
        for case, edge in (graph.adj[node].items() if node in graph else ())
    ]
    rows.sort(key=lambda row: (row["first"] is None, row["first"] or "", row["proceeding"]))
    return rows_df(rows, columns, events="Int64")


def proceedings_per_actor(store: KgStore, node_type: str | None = "Person") -> pd.DataFrame:
    """How many proceedings each actor (of ``node_type``, or all when None) takes part in,
    how many as defendant, and how many of those cases' events name them; most first."""
    _, graph = _bipartite(store)
    wanted = (node_type or "").casefold()
    rows = []
    for node, data in graph.nodes(data=True):
        if data.get("bipartite") != 0 or (wanted and data.get("type", "").casefold() != wanted):
            continue
        edges = graph.adj[node].values()
        rows.append(
            {
                "label": data.get("label", node),
                "type": data.get("type", ""),
                "proceedings": len(edges),
                "as_defendant": sum("defendant" in e.get("roles", "") for e in edges),
                "events": sum(int(e.get("weight", 1)) for e in edges),
                "node": node,
            }
        )
    rows.sort(key=lambda row: (-row["proceedings"], -row["events"], row["label"]))
    columns = ("label", "type", "proceedings", "as_defendant", "events", "node")
    return rows_df(rows, columns, proceedings="Int64", as_defendant="Int64", events="Int64")


def centrality_table(
    store: KgStore,
    projection: str = "coinvolvement",
    *,
    by: str = "pagerank",
    top: int = 20,
    node_type: str | None = None,
    start: str | None = None,
    end: str | None = None,
) -> pd.DataFrame:
    """:func:`kg.analyze.centrality` of a projection, cut to ``start``–``end`` when given,
    as a DataFrame; ``attrs["notes"]`` says how the figures were computed."""
    graph = load_projection(store, projection, start, end)
    return analysis_df(centrality(graph, top=top, node_type=node_type, by=by))


def _ranked(graph: Any, node_type: str | None, by: str) -> dict[str, dict[str, Any]]:
    found = centrality(graph, top=max(len(graph), 1), node_type=node_type, by=by)
    return {str(row["node"]): row | {"rank": rank} for rank, row in enumerate(found.rows, 1)}


def centrality_before_after(
    store: KgStore,
    date: str,
    projection: str = "coinvolvement",
    *,
    by: str = "pagerank",
    top: int = 20,
    node_type: str | None = None,
) -> pd.DataFrame:
    """Centrality (``by``) in the graph of the events before ``date`` and in that of the
    events from ``date`` on, side by side with each node's rank in both.

    ``date`` is a year, month or day (``2017``, ``2017-09``, ``2017-09-03``); "before" ends
    the day before it starts.  An event dated less precisely than the split (``2017`` split
    at ``2017-09``) falls in both periods, as in :func:`kg.graph.time_slice`.  A node absent
    from a period has no value there.  The ``top`` nodes by their higher value are kept.
    """
    first = parse_period(date)[0]
    periods = {
        "before": (None, (first - datetime.timedelta(days=1)).isoformat()),
        "after": (first.isoformat(), None),
    }
    ranked = {
        period: _ranked(load_projection(store, projection, start, end), node_type, by)
        for period, (start, end) in periods.items()
    }
    rows = []
    for node in set(ranked["before"]) | set(ranked["after"]):
        before, after = ranked["before"].get(node), ranked["after"].get(node)
        known = before or after or {}
        rows.append(
            {
                "label": known.get("label", node),
                "type": known.get("type", ""),
                "before": before[by] if before else None,
                "after": after[by] if after else None,
                "rank_before": before["rank"] if before else None,
                "rank_after": after["rank"] if after else None,
                "node": node,
            }
        )
    rows.sort(key=lambda r: (-max(r["before"] or 0.0, r["after"] or 0.0), r["label"], r["node"]))
    columns = ("label", "type", "before", "after", "rank_before", "rank_after", "node")
    frame = rows_df(
        rows[:top],
        columns,
        before="Float64",
        after="Float64",
        rank_before="Int64",
        rank_after="Int64",
    )
    frame.attrs["periods"] = {name: [s or "", e or ""] for name, (s, e) in periods.items()}
    return frame


def _colour(data: dict[str, Any]) -> str:
    style = NODE_STYLES.get(str(data.get("type", "")))
    return style[0] if style else KIND_COLOURS.get(str(data.get("kind", "")), _OTHER_COLOUR)


def draw_ego(
    store: KgStore,
    name: str,
    depth: int = 1,
    *,
    projection: str = "coinvolvement",
    start: str | None = None,
    end: str | None = None,
    ax: Axes | None = None,
    label_width: int = 30,
) -> Axes:
    """Draw everything within ``depth`` steps of the node called ``name`` in a projection.

    Nodes are coloured by type as in ``kg view`` (proceedings and events apart), labelled
    (cut to ``label_width`` characters), the centre drawn larger; returns the Axes drawn on
    (a new figure's when ``ax`` is None).
    """
    graph = nx.Graph(load_projection(store, projection, start, end))
    found = ego(graph, name, depth=depth)
    center = str(found.rows[0]["node"])
    nearby = graph.subgraph(str(row["node"]) for row in found.rows)
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(10, 7))
    nodes = sorted(nearby)
    colours = [_colour(nearby.nodes[node]) for node in nodes]
    nx.draw_networkx(
        nearby,
        pos=nx.spring_layout(nearby, seed=7),
        ax=ax,
        nodelist=nodes,
        node_color=colours,
        node_size=[900 if node == center else 300 for node in nodes],
        labels={
            node: textwrap.shorten(str(nearby.nodes[node].get("label", node)), label_width)
            for node in nodes
        },
        font_size=8,
        edge_color="#9a9a9a",
    )
    kinds = sorted(
        {(str(nearby.nodes[n].get("type", "")), c) for n, c in zip(nodes, colours, strict=True)}
    )
    handles = [
        Line2D([], [], marker="o", linestyle="", color=colour, label=kind or "other")
        for kind, colour in kinds
    ]
    ax.legend(handles=handles, loc="best", fontsize=8)
    label = nearby.nodes[center].get("label", center)
    ax.set_title(f"{label}: {len(nodes)} nodes within {depth} step(s), {projection} projection")
    ax.margins(0.15)
    ax.set_axis_off()
    return ax
