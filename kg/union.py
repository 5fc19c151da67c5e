"""The store's default graph, kept equal to the set union of its named graphs.

Part of the store (with :mod:`kg.store` and :mod:`kg.snapshots`, the only modules that
write).  A query's default graph is the union of all named graphs (the contract), but
pyoxigraph 0.5's ``use_default_graph_as_union`` returns a triple once per graph holding it
(oxigraph issue #1919), so a happening told by three documents would count three times in a
``COUNT(*)``.  The store therefore keeps a real default graph holding each triple of the
named graphs once, and queries it as the plain default graph.  Each write adds a graph's new
triples to it and drops a removed triple unless another named graph still holds it: work in
proportion to the change.  A store written before (named graphs, an empty default graph) is
read in union mode and filled once by the next build.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox

__all__ = [
    "DEFAULT_GRAPH",
    "default_copies",
    "fill_default_graph",
    "holds_union",
    "named_quad_count",
    "named_quads",
    "orphans",
    "query_union",
    "union_source",
]

DEFAULT_GRAPH = ox.DefaultGraph()
_FILL = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def holds_union(store: ox.Store) -> bool:
    """Whether the default graph holds the union (is not empty): false for an empty store
    and for one written before the union was kept, which are read in union mode."""
    return next(store.quads_for_pattern(None, None, None, DEFAULT_GRAPH), None) is not None


def query_union(
    store: ox.Store, sparql: str, prefixes: dict[str, str] | None = None
) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Run ``sparql`` with the union of the named graphs as its default graph, each triple
    once: the kept default graph, or Oxigraph's union mode for an older store."""
    return store.query(sparql, prefixes=prefixes, use_default_graph_as_union=not holds_union(store))


def fill_default_graph(store: ox.Store) -> None:
    """Fill the default graph of a store written before it was kept (once, in one update)."""
    if not holds_union(store) and next(iter(store), None) is not None:
        store.update(_FILL)


def default_copies(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """The quads' triples as quads of the default graph."""
    return [ox.Quad(q.subject, q.predicate, q.object, DEFAULT_GRAPH) for q in quads]


def _held_elsewhere(store: ox.Store, quad: ox.Quad) -> bool:
    return any(
        isinstance(held.graph_name, ox.NamedNode | ox.BlankNode)
        and held.graph_name != quad.graph_name
        for held in store.quads_for_pattern(quad.subject, quad.predicate, quad.object, None)
    )


def orphans(store: ox.Store, removed: Iterable[ox.Quad]) -> list[ox.Quad]:
    """The default graph's copies of the ``removed`` quads' triples that no other named graph
    holds: what leaves the default graph when they leave their graph (one look-up each)."""
    return default_copies(quad for quad in removed if not _held_elsewhere(store, quad))


def named_quads(store: ox.Store) -> Iterator[ox.Quad]:
    """Every quad of the named graphs, graph by graph (the default graph's copies left out)."""
    for graph in store.named_graphs():
        yield from store.quads_for_pattern(None, None, None, graph)


def named_quad_count(store: ox.Store) -> int:
    """The number of quads in the named graphs (what "the store holds N quads" counts)."""
    rows = store.query(_COUNT)
    assert isinstance(rows, ox.QuerySolutions)
    count = next(rows)["n"]
    return int(count.value) if count is not None else 0


def union_source(store: ox.Store) -> ox.Store:
    """A store whose default graph is the union: ``store`` itself, or for an older store a
    copy made in memory."""
    if holds_union(store):
        return store
    copy = ox.Store()
    copy.extend(default_copies(store))
    return copy
