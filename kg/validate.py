"""Check a graph against the SHACL shapes of ``ontology/shapes.ttl``.

The shapes describe the whole graph (the per-document graphs, the entity label graph and the
ontology), so validation runs on the union of all named graphs.  ``ontology/lek.ttl`` is
passed to pySHACL as the ontology graph: its ``rdfs:subClassOf`` axioms let
``sh:class lek:Organization`` accept a ``lek:Court``.  No RDFS inference is run: inferring
types from ``rdfs:range`` would make every ``sh:class`` check on a property's value pass
vacuously, and the graph must state its types itself.  Only local files and the given data
are parsed; nothing is fetched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox
import pyshacl
from rdflib import Graph
from rdflib.exceptions import Error as RdflibError
from rdflib.graph import ConjunctiveGraph
from rdflib.namespace import SH

from kg.errors import KgError, StoreError
from kg.store import KgStore
from kg.to_rdf import ONTOLOGY_DIR

__all__ = ["ValidationReport", "validate", "validate_store"]


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of :func:`validate`: whether the graph conforms, and pySHACL's report."""

    conforms: bool
    result_count: int  # the number of top-level sh:result in the report
    text: str  # pySHACL's human-readable report


def validate(data: Graph | str | Iterable[ox.Quad]) -> ValidationReport:
    """Validate a graph against the shapes, on the union of all its named graphs.

    ``data`` is an rdflib ``Graph`` (a ``Dataset`` is flattened to the union of its graphs),
    N-Quads text (as ``kg export --format nq`` writes it), or pyoxigraph quads (as
    :func:`kg.to_rdf.document_quads` returns them).  Raises :class:`StoreError` when the
    N-Quads text cannot be parsed.
    """
    conforms, results, text = pyshacl.validate(
        _union(data),
        shacl_graph=_read_turtle("shapes.ttl"),
        ont_graph=_read_turtle("lek.ttl"),
        inference="none",
        abort_on_first=False,
        allow_warnings=False,
        meta_shacl=False,
        advanced=False,
        do_owl_imports=False,
    )
    count = len(set(results.objects(None, SH.result)))
    return ValidationReport(conforms=bool(conforms), result_count=count, text=str(text))


def validate_store(store: KgStore) -> ValidationReport:
    """Validate everything in a store: the union of its named graphs, ontology included."""
    return validate(store.named_quads())


def _union(data: Graph | str | Iterable[ox.Quad]) -> Graph:
    """Return one graph holding every triple of every named graph of ``data``."""
    if isinstance(data, ConjunctiveGraph):
        union = Graph()
        for subject, predicate, obj, _graph in data.quads((None, None, None, None)):
            union.add((subject, predicate, obj))
        return union
    if isinstance(data, Graph):
        return data
    try:
        quads = list(ox.parse(data, format=ox.RdfFormat.N_QUADS)) if isinstance(data, str) else data
    except SyntaxError as error:
        raise StoreError(f"cannot read the graph to validate: {error}") from error
    triples = ox.serialize([quad.triple for quad in quads], format=ox.RdfFormat.N_TRIPLES)
    return Graph().parse(data=triples, format="nt")


def _read_turtle(name: str) -> Graph:
    path = ONTOLOGY_DIR / name
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except (OSError, RdflibError, SyntaxError) as error:
        raise KgError(f"cannot read the ontology file {path}: {error}") from error
    return graph
