"""kg.graph_export and `kg export --format graphml|gexf`: projections that tools read back."""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.graph import PROJECTIONS, GraphError, load_projection
from kg.graph_export import write_graph
from tests.fictional_cases import build_store, iri


def edges_of(graph: nx.Graph) -> dict[tuple[str, ...], dict[str, object]]:
    return {
        (u, v) if graph.is_directed() else tuple(sorted((u, v))): data
        for u, v, data in graph.edges(data=True)
    }


@pytest.mark.parametrize("projection", PROJECTIONS)
def test_graphml_round_trip_keeps_every_attribute(projection: str) -> None:
    graph = load_projection(build_store(), projection)
    buffer = io.BytesIO()
    write_graph(graph, buffer, "graphml")
    buffer.seek(0)
    back = nx.read_graphml(buffer)
    assert back.is_directed() == graph.is_directed()
    assert dict(back.nodes(data=True)) == dict(graph.nodes(data=True))
    assert edges_of(back) == edges_of(graph)


def test_gexf_keeps_node_attributes() -> None:
    graph = load_projection(build_store(), "coinvolvement")
    buffer = io.BytesIO()
    write_graph(graph, buffer, "gexf")
    buffer.seek(0)
    back = nx.read_gexf(buffer)
    assert dict(back.nodes(data=True)) == dict(graph.nodes(data=True))
    edge = back.edges[iri("Chan Dara"), iri("Lim Sovann")]
    assert edge["weight"] == 3 and "treason" in edge["evidence"]


def test_an_unknown_graph_format_is_refused() -> None:
    with pytest.raises(GraphError, match="unknown graph format"):
        write_graph(nx.Graph(), io.BytesIO(), "dot")


def test_kg_export_writes_a_time_sliced_projection(tmp_path: Path) -> None:
    store = tmp_path / "store"
    build_store(store)  # the store closes when the returned object is dropped
    output = tmp_path / "later.graphml"
    result = CliRunner().invoke(
        main,
        [
            "export",
            "--format",
            "graphml",
            "--projection",
            "bipartite",
            "--from",
            "2018",
            "-o",
            str(output),
            "--store",
            str(store),
        ],
    )
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(output)
    assert iri("Pich Nary") in graph and iri("Lim Sovann") not in graph


def test_kg_export_refuses_a_period_for_rdf_formats(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["export", "--format", "ttl", "--from", "2018", "--store", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "apply to graphml and gexf only" in result.output
