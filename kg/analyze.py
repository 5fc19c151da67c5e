"""Network analysis of a projection: centrality, communities, shortest paths and ego networks.

Every function takes a projection from :mod:`kg.graph` (read as an undirected graph) and
returns an :class:`Analysis`: rows, their columns, and notes saying how the figures were
made (which backend; whether betweenness is exact or sampled).  igraph is used where it is
installed, networkx otherwise; results are seeded, so a run repeats.
"""

from __future__ import annotations

import csv
import importlib
import io
import json
import random
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from types import ModuleType
from typing import Any

import networkx as nx

from kg.graph import SEPARATOR, GraphError

__all__ = [
    "BACKENDS",
    "BETWEENNESS_SAMPLE",
    "EXACT_BETWEENNESS_LIMIT",
    "FORMATS",
    "MEASURES",
    "Analysis",
    "centrality",
    "communities",
    "ego",
    "find_node",
    "format_analysis",
    "shortest_paths",
]

#: Betweenness is exact up to this many nodes, and sampled above it.
EXACT_BETWEENNESS_LIMIT = 5_000
#: How many source nodes sampled betweenness starts from.
BETWEENNESS_SAMPLE = 500
MEASURES: tuple[str, ...] = ("degree", "betweenness", "eigenvector", "pagerank")
BACKENDS: tuple[str, ...] = ("auto", "networkx", "igraph")
FORMATS: tuple[str, ...] = ("table", "csv", "json")
_TABLE_CELL = 100

Cell = str | int | float


@dataclass(frozen=True)
class Analysis:
    """The result of an analysis: one dict per row, the column order, and how it was made."""

    columns: tuple[str, ...]
    rows: list[dict[str, Cell]]
    notes: tuple[str, ...] = ()


def _igraph(backend: str) -> ModuleType | None:
    """Return the igraph module when it should be used, None for networkx."""
    if backend not in BACKENDS:
        raise GraphError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    if backend == "networkx":
        return None
    try:
        return importlib.import_module("igraph")
    except ImportError:
        if backend == "igraph":
            raise GraphError("the igraph backend is not installed (pip install igraph)") from None
        return None


def _undirected(graph: nx.Graph) -> nx.Graph:
    return nx.Graph(graph) if graph.is_directed() else graph


def _to_igraph(module: ModuleType, graph: nx.Graph, nodes: list[str]) -> Any:
    index = {node: i for i, node in enumerate(nodes)}
    edges = list(graph.edges(data="weight", default=1))
    converted = module.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v, _ in edges])
    converted.es["weight"] = [float(weight) for _, _, weight in edges]
    return converted


def _matches(data: dict[str, Any], node_type: str | None) -> bool:
    wanted = (node_type or "").casefold()
    return not wanted or wanted in (str(data.get("type", "")).casefold(), data.get("kind"))


def _betweenness(
    graph: nx.Graph, nodes: list[str], ig: Any, exact_limit: int, sample: int, seed: int
) -> tuple[list[float], str]:
    n = len(nodes)
    k = None if n <= exact_limit else min(sample, n)
    how = (
        f"betweenness: exact over {n} nodes"
        if k is None
        else f"betweenness: SAMPLED from {k} of {n} source nodes (seed {seed}); "
        f"exact up to {exact_limit} nodes"
    )
    if ig is None:
        values = nx.betweenness_centrality(graph, k=k, seed=seed)
        return [values[node] for node in nodes], how
    sources = sorted(random.Random(seed).sample(range(n), k)) if k else None
    raw = ig.betweenness(directed=False, sources=sources)
    scale = (2 / ((n - 1) * (n - 2)) if n > 2 else 0.0) * (n / k if k else 1)
    return [value * scale for value in raw], how


def _eigenvector(graph: nx.Graph, nodes: list[str], ig: Any) -> list[float]:
    if graph.number_of_edges() == 0:
        return [0.0] * len(nodes)
    if ig is not None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            values = ig.eigenvector_centrality(scale=True, weights="weight")
        norm = sum(v * v for v in values) ** 0.5 or 1.0
        return [v / norm for v in values]
    try:
        result = nx.eigenvector_centrality_numpy(graph, weight="weight")
    except (ValueError, TypeError, nx.NetworkXException):
        result = nx.eigenvector_centrality(graph, max_iter=1000, weight="weight")
    return [float(result[node]) for node in nodes]


def centrality(
    graph: nx.Graph,
    *,
    top: int = 20,
    node_type: str | None = None,
    by: str = "pagerank",
    backend: str = "auto",
    exact_limit: int = EXACT_BETWEENNESS_LIMIT,
    sample: int = BETWEENNESS_SAMPLE,
    seed: int = 0,
) -> Analysis:
    """Degree, betweenness, eigenvector and PageRank centrality; the ``top`` nodes ``by`` one.

    Computed over the whole graph (``node_type`` only filters the rows shown: a type such
    as ``Person`` or a kind such as ``actor``).  Betweenness is exact up to ``exact_limit``
    nodes and estimated from ``sample`` seeded source nodes above it, and the notes say so.
    """
    if by not in MEASURES:
        raise GraphError(f"unknown measure {by!r}; choose one of {', '.join(MEASURES)}")
    undirected = _undirected(graph)
    nodes = sorted(undirected)
    module = _igraph(backend)
    ig = _to_igraph(module, undirected, nodes) if module is not None and nodes else None
    degree = nx.degree_centrality(undirected)
    betweenness, how = _betweenness(undirected, nodes, ig, exact_limit, sample, seed)
    eigenvector = _eigenvector(undirected, nodes, ig)
    if ig is not None:
        pagerank = ig.pagerank(weights="weight")
    else:
        ranks = nx.pagerank(undirected, weight="weight") if nodes else {}
        pagerank = [ranks[node] for node in nodes]
    rows: list[dict[str, Cell]] = []
    for i, node in enumerate(nodes):
        data = undirected.nodes[node]
        if _matches(data, node_type):
            figures = (degree[node], betweenness[i], eigenvector[i], pagerank[i])
            rows.append(
                {"label": data.get("label", node), "type": data.get("type", "")}
                | {name: round(float(v), 6) for name, v in zip(MEASURES, figures, strict=True)}
                | {"node": node}
            )
    rows.sort(key=lambda row: (-float(row[by]), str(row["label"])))
    notes = (f"backend: {'igraph' if ig is not None else 'networkx'}", how)
    return Analysis(("label", "type", *MEASURES, "node"), rows[:top], notes)


def communities(
    graph: nx.Graph,
    *,
    method: str = "louvain",
    seed: int = 0,
    top: int | None = None,
    node_type: str | None = None,
) -> Analysis:
    """Partition the graph into communities (Louvain with networkx, Leiden with igraph).

    One row per member, communities numbered from 1 by decreasing size; ``top`` keeps the
    largest communities, ``node_type`` filters the members shown.
    """
    undirected = _undirected(graph)
    nodes = sorted(undirected)
    if method == "louvain":
        parts = nx.community.louvain_communities(undirected, weight="weight", seed=seed)
    elif method == "leiden":
        module = _igraph("igraph")
        assert module is not None
        module.set_random_number_generator(random.Random(seed))
        try:
            found = _to_igraph(module, undirected, nodes).community_leiden(
                objective_function="modularity", weights="weight", n_iterations=-1
            )
        finally:
            module.set_random_number_generator(random)
        parts = [{nodes[i] for i in members} for members in found]
    else:
        raise GraphError(f"unknown method {method!r}; choose louvain or leiden")

    def label(node: str) -> str:
        return str(undirected.nodes[node].get("label", node))

    ordered = sorted(parts, key=lambda part: (-len(part), min(map(label, part))))[:top]
    rows: list[dict[str, Cell]] = [
        {
            "community": number,
            "size": len(part),
            "label": label(node),
            "type": undirected.nodes[node].get("type", ""),
            "node": node,
        }
        for number, part in enumerate(ordered, start=1)
        for node in sorted(part, key=label)
        if _matches(undirected.nodes[node], node_type)
    ]
    modularity = nx.community.modularity(undirected, parts, weight="weight") if nodes else 0.0
    notes = (f"{method}, seed {seed}: {len(parts)} communities, modularity {modularity:.3f}",)
    return Analysis(("community", "size", "label", "type", "node"), rows, notes)


def find_node(graph: nx.Graph, name: str) -> str:
    """Find a node by IRI, ``res:`` name, label or alias (case-insensitive), or a unique part.

    Raises :class:`GraphError` when nothing matches or several nodes do.
    """
    if name in graph:
        return name
    if name.startswith("res:") and "https://w3id.org/legal-events-kg/id/" + name[4:] in graph:
        return "https://w3id.org/legal-events-kg/id/" + name[4:]
    wanted = name.casefold().strip()

    def names(data: dict[str, Any]) -> list[str]:
        aliases = str(data.get("aliases", "")).split(SEPARATOR)
        return [str(data.get("label", "")).casefold(), *(a.casefold() for a in aliases if a)]

    for test in (
        lambda data: names(data)[0] == wanted,
        lambda data: wanted in names(data),
        lambda data: data.get("kind") == "actor" and wanted in names(data)[0],
        lambda data: wanted in names(data)[0],
    ):
        found = sorted(node for node, data in graph.nodes(data=True) if test(data))
        if len(found) == 1:
            return found[0]
        if found:
            shown = ", ".join(str(graph.nodes[n].get("label", n)) for n in found[:5])
            raise GraphError(f"{name!r} matches {len(found)} nodes ({shown}); be more precise")
    raise GraphError(f"no node named {name!r} in this graph")


def _step(graph: nx.Graph, previous: str | None, node: str) -> dict[str, Cell]:
    data = graph.nodes[node]
    edge = graph.edges[previous, node] if previous is not None else {}
    link = edge.get("relation") or edge.get("roles") or edge.get("event_labels") or ""
    return {
        "label": data.get("label", node),
        "type": data.get("type", ""),
        "date": data.get("date", ""),
        "link": link,
        "evidence": data.get("evidence") or edge.get("evidence", ""),
        "node": node,
    }


def shortest_paths(graph: nx.Graph, source: str, target: str, *, limit: int = 5) -> Analysis:
    """The shortest connections between two nodes, with each step's date and evidence.

    Up to ``limit`` paths of the shortest length, one row per step; ``link`` says how a
    step is tied to the one before (the relation, or the shared events).
    """
    undirected = _undirected(graph)
    start, end = find_node(undirected, source), find_node(undirected, target)
    paths: Iterator[list[str]] = nx.all_shortest_paths(undirected, start, end)
    try:
        found = sorted(islice(paths, 1000))[:limit]
    except nx.NetworkXNoPath:
        raise GraphError(f"no path between {source!r} and {target!r}") from None
    rows: list[dict[str, Cell]] = [
        {"path": number, "step": step} | _step(undirected, path[step - 1] if step else None, node)
        for number, path in enumerate(found, start=1)
        for step, node in enumerate(path)
    ]
    notes = (f"{len(found)} shortest path(s) of {len(found[0]) - 1} step(s)",)
    columns = ("path", "step", "label", "type", "date", "link", "evidence", "node")
    return Analysis(columns, rows, notes)


def ego(graph: nx.Graph, name: str, *, depth: int = 1, node_type: str | None = None) -> Analysis:
    """Everything within ``depth`` steps of a node, nearest first."""
    if depth < 0:
        raise GraphError("the depth must be 0 or more")
    undirected = _undirected(graph)
    center = find_node(undirected, name)
    distances = nx.single_source_shortest_path_length(undirected, center, cutoff=depth)
    rows: list[dict[str, Cell]] = [
        {
            "distance": distance,
            "label": undirected.nodes[node].get("label", node),
            "type": undirected.nodes[node].get("type", ""),
            "date": undirected.nodes[node].get("date", ""),
            "node": node,
        }
        for node, distance in distances.items()
        if distance == 0 or _matches(undirected.nodes[node], node_type)
    ]
    rows.sort(key=lambda row: (int(row["distance"]), str(row["label"]), str(row["node"])))
    note = f"{len(distances)} nodes within {depth} step(s) of {rows[0]['label']}"
    return Analysis(("distance", "label", "type", "date", "node"), rows, (note,))


def _text(value: Cell) -> str:
    return f"{value:.6f}" if isinstance(value, float) else str(value)


def format_analysis(analysis: Analysis, fmt: str) -> str:
    """Write an analysis as an aligned table, CSV, or JSON (``columns``, ``rows``, ``notes``).

    The table shortens cells past 100 characters; CSV and JSON keep them whole.
    """
    if fmt == "json":
        return json.dumps(
            {"columns": analysis.columns, "rows": analysis.rows, "notes": analysis.notes},
            ensure_ascii=False,
            indent=2,
        )
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=analysis.columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: _text(v) for k, v in row.items()} for row in analysis.rows)
        return buffer.getvalue().rstrip("\n")
    if fmt != "table":
        raise GraphError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    cells = [
        [
            text if len(text := _text(row.get(c, ""))) <= _TABLE_CELL else text[:97] + "..."
            for c in analysis.columns
        ]
        for row in analysis.rows
    ]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(analysis.columns)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(analysis.columns, widths, strict=True))]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [
        " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    return "\n".join([*lines, *(f"# {note}" for note in analysis.notes)])
