"""kg.graph: the typed graph, its projections and time slices, on fictional cases."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.graph import (
    PROJECTIONS,
    EdgeRow,
    GraphError,
    GraphRows,
    NodeRow,
    fetch_rows,
    load_projection,
    parse_period,
    project,
    time_slice,
    typed_graph,
)
from kg.proceedings import proceeding_iri
from kg.store import KgStore
from kg.to_rdf import offence_iri
from tests.fictional_cases import build_store, event_iri, iri


@pytest.fixture(scope="module")
def store() -> KgStore:
    return build_store()


@pytest.fixture(scope="module")
def typed(store: KgStore) -> nx.DiGraph:
    return typed_graph(fetch_rows(store))


def test_the_typed_graph_holds_actors_events_proceedings_offences_and_provisions(
    typed: nx.DiGraph,
) -> None:
    kinds = {data["kind"] for _, data in typed.nodes(data=True)}
    assert kinds == {"actor", "event", "proceeding", "offence", "provision"}
    event = typed.nodes[event_iri("joint-charge")]
    assert event["type"] == "Charge"
    assert event["label"] == "Charge of Chan Dara, Lim Sovann (2016-03-01)"
    assert event["date"] == "2016-03-01"
    assert event["evidence"].startswith("Chan Dara and Lim Sovann were charged")
    assert event["source"].endswith("/item/0")
    treason_case = typed.nodes[proceeding_iri(iri("Chan Dara"), offence_iri("treason"))]
    assert treason_case["label"] == "Chan Dara — treason"
    assert (treason_case["date"], treason_case["last_date"]) == ("2016-02-28", "2017-02-10")


def test_attributes_are_strings_or_numbers_never_missing_values(typed: nx.DiGraph) -> None:
    values = [v for _, data in typed.nodes(data=True) for v in data.values()]
    values += [v for _, _, data in typed.edges(data=True) for v in data.values()]
    assert values and all(isinstance(v, str | int | float) and v != "" for v in values)


@pytest.mark.parametrize(
    ("source", "target", "relation"),
    [
        (event_iri("joint-charge"), iri("Lim Sovann"), "subject"),
        (event_iri("joint-charge"), iri("Municipal Court of Nowhere"), "agent"),
        (event_iri("joint-charge"), offence_iri("treason"), "charge"),
        (
            event_iri("joint-charge"),
            proceeding_iri(iri("Lim Sovann"), offence_iri("treason")),
            "partOf",
        ),
        (proceeding_iri(iri("Lim Sovann"), offence_iri("treason")), iri("Lim Sovann"), "defendant"),
        (iri("Chan Dara"), iri("Party of Imaginary Progress"), "memberOf"),
    ],
)
def test_relations_are_typed_edges(
    typed: nx.DiGraph, source: str, target: str, relation: str
) -> None:
    assert typed.edges[source, target]["relation"] == relation


def test_a_membership_edge_keeps_its_role_and_evidence(typed: nx.DiGraph) -> None:
    edge = typed.edges[iri("Chan Dara"), iri("Party of Imaginary Progress")]
    assert (edge["role"], edge["evidence"]) == ("president", "Chan Dara, the party's president.")


def test_the_bipartite_projection_links_actors_to_their_proceedings(typed: nx.DiGraph) -> None:
    graph = project(typed, "bipartite")
    case = proceeding_iri(iri("Chan Dara"), offence_iri("treason"))
    assert graph.nodes[case]["bipartite"] == 1
    assert graph.nodes[iri("Chan Dara")]["bipartite"] == 0
    assert graph.edges[iri("Chan Dara"), case]["weight"] == 5
    assert graph.edges[iri("Chan Dara"), case]["roles"] == "defendant | subject"
    assert graph.edges[iri("Ivan Fictivov"), case]["roles"] == "agent"
    assert graph.edges[iri("Ivan Fictivov"), case]["events"] == event_iri("dara-conviction")
    assert not graph.has_edge(iri("Pich Nary"), case)


def test_the_coinvolvement_projection_weighs_shared_events_and_proceedings(
    typed: nx.DiGraph,
) -> None:
    graph = project(typed, "coinvolvement")
    assert {data["kind"] for _, data in graph.nodes(data=True)} == {"actor"}
    edge = graph.edges[iri("Chan Dara"), iri("Lim Sovann")]
    assert edge["events"] == event_iri("joint-charge")
    assert edge["event_labels"] == "Charge of Chan Dara, Lim Sovann (2016-03-01)"
    assert edge["evidence"].startswith("Chan Dara and Lim Sovann were charged")
    assert edge["weight"] == 3  # the joint charge, and both treason cases it belongs to
    assert graph.edges[iri("Pich Nary"), iri("Municipal Court of Nowhere")]["weight"] == 2
    assert not graph.has_edge(iri("Pich Nary"), iri("Chan Dara"))


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [("2016", "2016-01-01", "2016-12-31"), ("2016-02", "2016-02-01", "2016-02-29")],
)
def test_periods_cover_their_whole_year_or_month(text: str, first: str, last: str) -> None:
    assert tuple(day.isoformat() for day in parse_period(text)) == (first, last)


@pytest.mark.parametrize("text", ["2017-13", "last year", "17", "2017-02-30"])
def test_a_bad_period_is_a_clear_error(text: str) -> None:
    with pytest.raises(GraphError, match="not a date"):
        parse_period(text)


def test_a_time_slice_keeps_the_events_of_the_period_and_what_they_touch(
    typed: nx.DiGraph,
) -> None:
    before = time_slice(typed, None, "2016")
    after = time_slice(typed, "2017", None)
    assert event_iri("joint-charge") in before and event_iri("joint-charge") not in after
    assert event_iri("dara-conviction") in after and event_iri("dara-conviction") not in before
    assert iri("Pich Nary") in after and iri("Pich Nary") not in before
    assert event_iri("undated-trial") not in before | after.nodes
    treason_case = proceeding_iri(iri("Chan Dara"), offence_iri("treason"))
    assert treason_case in before and treason_case in after


def test_a_time_slice_matches_a_month_against_a_day(typed: nx.DiGraph) -> None:
    sliced = time_slice(typed, "2016-09-15", "2016-09-15")
    assert [n for n, d in sliced.nodes(data=True) if d["kind"] == "event"] == [
        event_iri("dara-trial")
    ]


def test_a_period_that_ends_before_it_starts_is_refused(typed: nx.DiGraph) -> None:
    with pytest.raises(GraphError, match="after it ends"):
        time_slice(typed, "2018", "2017")


@pytest.mark.parametrize("projection", PROJECTIONS)
def test_every_projection_can_be_cut_to_a_period(store: KgStore, projection: str) -> None:
    whole = load_projection(store, projection)
    later = load_projection(store, projection, start="2018")
    assert 0 < later.number_of_nodes() < whole.number_of_nodes()


def test_an_unknown_projection_is_a_clear_error(store: KgStore) -> None:
    with pytest.raises(GraphError, match="unknown projection"):
        load_projection(store, "circular")


def test_rows_from_elsewhere_build_the_same_kind_of_graph() -> None:
    """The benchmark feeds synthetic rows to the same builder the store's rows go through."""
    rows = GraphRows(
        [NodeRow("e1", "Trial", date="2020"), NodeRow("a1", "Person", label="Pich Nary")],
        [EdgeRow("e1", "subject", "a1"), EdgeRow("e1", "subject", "missing")],
    )
    graph = typed_graph(rows)
    assert graph.nodes["e1"]["label"] == "Trial of Pich Nary (2020)"
    assert list(graph.edges) == [("e1", "a1")]
