"""Write a NetworkX projection as GraphML or GEXF, for Gephi, Cytoscape or networkx itself.

Every node and edge attribute of :mod:`kg.graph` is a string or a number, so both formats
keep all of them: ``nx.read_graphml`` gives back the same graph with the same attributes.
"""

from __future__ import annotations

from typing import IO

import networkx as nx

from kg.graph import GraphError, load_projection
from kg.store import KgStore

__all__ = ["GRAPH_FORMATS", "export_projection", "write_graph"]

GRAPH_FORMATS: tuple[str, ...] = ("graphml", "gexf")


def write_graph(graph: nx.Graph, output: IO[bytes], fmt: str) -> None:
    """Write ``graph`` to a binary stream as GraphML or GEXF (1.2)."""
    if fmt == "graphml":
        nx.write_graphml(graph, output, named_key_ids=True)
    elif fmt == "gexf":
        nx.write_gexf(graph, output)
    else:
        raise GraphError(f"unknown graph format {fmt!r}; choose one of {', '.join(GRAPH_FORMATS)}")


def export_projection(
    store: KgStore,
    output: IO[bytes],
    fmt: str,
    projection: str = "full",
    start: str | None = None,
    end: str | None = None,
) -> None:
    """Write one projection of the store (cut to ``start``–``end`` when given) to ``output``."""
    write_graph(load_projection(store, projection, start, end), output, fmt)
