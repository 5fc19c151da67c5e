"""kg.analyze and `kg analyze`: centrality, communities, paths and ego networks.

Fictional cases first; the last tests run on the demo corpus built with the real model.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.analyze import (
    Analysis,
    centrality,
    communities,
    ego,
    find_node,
    format_analysis,
    shortest_paths,
)
from kg.cli import main
from kg.graph import GraphError, load_projection
from kg.store import KgStore
from tests.fictional_cases import build_store, event_iri, iri


@pytest.fixture(scope="module")
def store() -> KgStore:
    return build_store()


@pytest.fixture(scope="module")
def full(store: KgStore) -> nx.Graph:
    return load_projection(store)


@pytest.fixture(scope="module")
def disk_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fictional") / "store"
    build_store(path)
    return path


def labels(analysis: Analysis) -> list[str]:
    return [str(row["label"]) for row in analysis.rows]


def paths(analysis: Analysis) -> list[list[object]]:
    found: dict[object, list[object]] = {}
    for row in analysis.rows:
        found.setdefault(row["path"], []).append(row["node"])
    return list(found.values())


def test_co_defendants_path_runs_through_their_joint_charge(full: nx.Graph) -> None:
    analysis = shortest_paths(full, "Chan Dara", "Lim Sovann")
    assert paths(analysis) == [
        [iri("Chan Dara"), event_iri("joint-charge"), iri("Lim Sovann")],
        [iri("Chan Dara"), iri("Party of Imaginary Progress"), iri("Lim Sovann")],
    ]
    middle = analysis.rows[1]
    assert (middle["type"], middle["date"], middle["link"]) == ("Charge", "2016-03-01", "subject")
    assert str(middle["evidence"]).startswith("Chan Dara and Lim Sovann were charged with treason")
    assert analysis.rows[4]["link"] == "memberOf"
    assert analysis.notes == ("2 shortest path(s) of 2 step(s)",)


def test_a_coinvolvement_path_names_the_shared_events(store: KgStore) -> None:
    graph = load_projection(store, "coinvolvement")
    step = shortest_paths(graph, "Chan Dara", "Lim Sovann").rows[1]
    assert step["link"] == "Charge of Chan Dara, Lim Sovann (2016-03-01)"
    assert "charged with treason" in str(step["evidence"])


def test_no_path_is_a_clear_error(full: nx.Graph) -> None:
    apart = full.copy()
    apart.add_node("res:person/sok-alone", kind="actor", type="Person", label="Sok Alone")
    with pytest.raises(GraphError, match="no path between"):
        shortest_paths(apart, "Chan Dara", "Sok Alone")


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("chan dara", iri("Chan Dara")),
        ("res:person/pich-nary", iri("Pich Nary")),
        ("Fictivov", iri("Ivan Fictivov")),
        (iri("Lim Sovann"), iri("Lim Sovann")),
    ],
)
def test_nodes_are_found_by_label_name_part_or_iri(full: nx.Graph, name: str, found: str) -> None:
    assert find_node(full, name) == found


@pytest.mark.parametrize(("name", "message"), [("Nobody", "no node named"), ("Ch", "matches")])
def test_unknown_or_ambiguous_names_are_clear_errors(
    full: nx.Graph, name: str, message: str
) -> None:
    with pytest.raises(GraphError, match=message):
        find_node(full, name)


def test_centrality_ranks_people_and_says_how_betweenness_was_computed(full: nx.Graph) -> None:
    analysis = centrality(full, node_type="Person", by="degree", backend="networkx")
    assert labels(analysis)[0] == "Chan Dara"
    assert {row["type"] for row in analysis.rows} == {"Person"}
    assert analysis.notes == ("backend: networkx", f"betweenness: exact over {len(full)} nodes")


def test_time_slices_before_and_after_2017_rank_people_differently(store: KgStore) -> None:
    before = centrality(load_projection(store, end="2016"), node_type="Person", by="degree")
    after = centrality(load_projection(store, start="2017"), node_type="Person", by="degree")
    assert labels(before)[0] == "Chan Dara"
    assert labels(after)[0] == "Pich Nary"
    assert "Pich Nary" not in labels(before)


def test_betweenness_is_sampled_above_the_limit_and_says_so(full: nx.Graph) -> None:
    exact = centrality(full, by="betweenness", top=5, backend="networkx")
    sampled = centrality(full, by="betweenness", top=5, backend="networkx", exact_limit=10)
    assert "SAMPLED" in sampled.notes[1] and "SAMPLED" not in exact.notes[1]
    every = centrality(
        full, by="betweenness", top=5, backend="networkx", exact_limit=10, sample=len(full)
    )
    assert [r["betweenness"] for r in every.rows] == [r["betweenness"] for r in exact.rows]


def test_igraph_and_networkx_agree(full: nx.Graph) -> None:
    pytest.importorskip("igraph")
    fast = centrality(full, top=100, backend="igraph")
    slow = centrality(full, top=100, backend="networkx")
    assert fast.notes[0] == "backend: igraph"
    by_node = {row["node"]: row for row in slow.rows}
    for row in fast.rows:
        for measure in ("degree", "betweenness", "eigenvector", "pagerank"):
            assert row[measure] == pytest.approx(by_node[row["node"]][measure], abs=1e-3)
    sampled = centrality(full, top=100, backend="igraph", exact_limit=10, sample=len(full))
    assert [r["betweenness"] for r in sampled.rows] == pytest.approx(
        [r["betweenness"] for r in fast.rows]
    )


def test_communities_are_seeded_and_keep_co_defendants_together(store: KgStore) -> None:
    graph = load_projection(store, "coinvolvement")
    first = communities(graph, seed=7)
    assert first == communities(graph, seed=7)
    community = {row["node"]: row["community"] for row in first.rows}
    assert community[iri("Chan Dara")] == community[iri("Lim Sovann")]
    assert community[iri("Chan Dara")] != community[iri("Ministry of Imaginary Affairs")]
    assert "modularity" in first.notes[0]


def test_leiden_needs_igraph_or_runs_with_it(store: KgStore) -> None:
    graph = load_projection(store, "coinvolvement")
    try:
        import igraph  # noqa: F401
    except ImportError:
        with pytest.raises(GraphError, match="igraph"):
            communities(graph, method="leiden")
        return
    assert communities(graph, method="leiden", seed=1) == communities(
        graph, method="leiden", seed=1
    )


def test_ego_grows_with_depth(full: nx.Graph) -> None:
    near = ego(full, "Lim Sovann", depth=1)
    far = ego(full, "Lim Sovann", depth=2)
    assert near.rows[0]["label"] == "Lim Sovann" and near.rows[0]["distance"] == 0
    assert {row["node"] for row in near.rows} < {row["node"] for row in far.rows}
    assert iri("Chan Dara") in {row["node"] for row in far.rows}
    people = ego(full, "Lim Sovann", depth=2, node_type="Person")
    assert {row["type"] for row in people.rows} == {"Person"}


def test_formats_are_table_csv_and_json(full: nx.Graph) -> None:
    analysis = centrality(full, top=3, node_type="Person")
    table = format_analysis(analysis, "table")
    assert table.splitlines()[0].split(" | ")[0].strip() == "label"
    assert table.splitlines()[-1].startswith("# betweenness")
    rows = list(csv.DictReader(io.StringIO(format_analysis(analysis, "csv"))))
    assert [row["label"] for row in rows] == labels(analysis)
    data = json.loads(format_analysis(analysis, "json"))
    assert data["rows"][0]["pagerank"] == analysis.rows[0]["pagerank"]
    assert data["notes"] == list(analysis.notes)


def test_kg_analyze_commands(disk_store: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        main,
        ["analyze", "path", "Chan Dara", "Lim Sovann", "--format", "json"]
        + ["--store", str(disk_store)],
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["rows"][1]["node"] == event_iri("joint-charge")
    result = runner.invoke(
        main,
        ["analyze", "centrality", "--type", "Person", "--from", "2017", "--top", "1"]
        + ["--by", "degree", "--store", str(disk_store)],
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[2].startswith("Pich Nary")
    result = runner.invoke(
        main, ["analyze", "ego", "Nobody", "--store", str(disk_store)], catch_exceptions=False
    )
    assert result.exit_code == 1
    assert result.output.strip() == "Error: no node named 'Nobody' in this graph"


@pytest.mark.model
def test_demo_co_defendants_path_runs_through_their_joint_charge(demo_store: Path) -> None:
    """The corpus: four ADHOC staff "were arrested and charged with bribing a witness"."""
    graph = load_projection(KgStore(demo_store, read_only=True))
    analysis = shortest_paths(graph, "Ny Sokha", "Lem Mony", limit=10)
    middles = [row for row in analysis.rows if row["step"] == 1]
    assert len(analysis.rows) == 3 * len(middles)  # every shortest path has two steps
    assert any(row["type"] == "Charge" and row["date"] == "2016-05-02" for row in middles)


@pytest.mark.model
def test_demo_time_slices_before_and_after_2017_differ(demo_store: Path) -> None:
    """The corpus dates Kem Sokha's arrest 3 September 2017, and his bail decisions later."""
    store = KgStore(demo_store, read_only=True)
    before = centrality(load_projection(store, end="2016"), node_type="Person", top=10)
    after = centrality(load_projection(store, start="2017"), node_type="Person", top=10)
    assert labels(before) != labels(after)
    assert labels(after)[0] == "Kem Sokha"
