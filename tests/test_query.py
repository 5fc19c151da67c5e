"""SPARQL queries from the command line: union default graph, prefixes, output formats."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import QueryError
from kg.query import format_results, read_query_text, run_query
from kg.store import KgStore

RES = "https://w3id.org/legal-events-kg/id/"
LEK = "https://w3id.org/legal-events-kg/ontology#"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


@pytest.fixture
def store() -> KgStore:
    kg = KgStore(None)
    for doc, name in (("a", "Chan Dara"), ("b", "Lim Sovann")):
        node = ox.NamedNode(RES + f"person/{doc}")
        graph = RES + f"graph/{doc}"
        kg.replace_graph(
            graph,
            [
                ox.Quad(node, ox.NamedNode(RDFS_LABEL), ox.Literal(name), ox.NamedNode(graph)),
                ox.Quad(
                    node,
                    ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                    ox.NamedNode(LEK + "Person"),
                    ox.NamedNode(graph),
                ),
            ],
        )
    return kg


QUERY = "SELECT ?name WHERE { ?p a lek:Person ; rdfs:label ?name } ORDER BY ?name"


def test_default_graph_is_the_union_and_prefixes_are_declared(store: KgStore) -> None:
    out = format_results(run_query(store, QUERY), "json")
    data = json.loads(out)
    assert data["head"]["vars"] == ["name"]
    names = [b["name"]["value"] for b in data["results"]["bindings"]]
    assert names == ["Chan Dara", "Lim Sovann"]
    assert data["results"]["bindings"][0]["name"]["type"] == "literal"


def test_csv_and_tsv_and_table(store: KgStore) -> None:
    rows = list(csv.reader(io.StringIO(format_results(run_query(store, QUERY), "csv").decode())))
    assert rows == [["name"], ["Chan Dara"], ["Lim Sovann"]]
    tsv = format_results(run_query(store, QUERY), "tsv").decode().splitlines()
    assert tsv[0] == "?name" and tsv[1] == '"Chan Dara"'
    table = format_results(run_query(store, QUERY), "table").decode()
    assert "Chan Dara" in table and "(2 rows)" in table


def test_ask_and_construct(store: KgStore) -> None:
    assert format_results(run_query(store, "ASK { ?p a lek:Person }"), "table") == b"true\n"
    turtle = format_results(
        run_query(store, "CONSTRUCT { ?p rdfs:label ?n } WHERE { ?p rdfs:label ?n }"), "table"
    ).decode()
    assert "Chan Dara" in turtle


def test_a_malformed_query_is_one_clear_error(store: KgStore) -> None:
    with pytest.raises(QueryError, match="invalid SPARQL"):
        run_query(store, "SELECT WHERE {")


def test_query_text_is_read_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "q.rq"
    path.write_text(QUERY, encoding="utf-8")
    assert read_query_text(str(path)) == QUERY
    assert read_query_text(QUERY) == QUERY
    with pytest.raises(QueryError, match="cannot read query file"):
        read_query_text(str(tmp_path / "missing.rq"))


def test_a_long_inline_query_is_not_taken_for_a_file_name() -> None:
    long_query = "SELECT ?s WHERE { ?s ?p ?o } # " + "x" * 400
    assert read_query_text(long_query) == long_query
