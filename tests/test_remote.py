"""kg with a SPARQL server as the store: OpenLink Virtuoso from Debian's packages (installed
when missing, started on loopback for the session), and a tiny fake server for the SPARQL
Update fallback and the error paths."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

import kg.remote
from kg.cli import main
from kg.errors import QueryError, StoreError
from kg.namespaces import LEK, RDFS, SKOS
from kg.params import bind_params, declared_params
from kg.query import run_query
from kg.remote import Endpoint, RemoteStore
from kg.store import ENTITY_GRAPH, KgStore
from tests.conftest import CORPUS
from tests.fake_sparql import FakeServer, fake_sparql_server
from tests.test_queries import LIBRARY, QUERIES, SAMPLE
from tests.virtuoso_server import PASSWORD, USER, Virtuoso, running_virtuoso

RES = "https://w3id.org/legal-events-kg/id/"
#: Parameters that find something on the demo corpus where test_queries' SAMPLE does not.
SAMPLE_FOR = {"codefendants.rq": {"person": "Ny Sokha"}}
Row = tuple[str, ...]


def quad(subject: str, predicate: str, obj: str, graph: str) -> ox.Quad:
    return ox.Quad(
        ox.NamedNode(RES + subject), ox.NamedNode(predicate), ox.Literal(obj), ox.NamedNode(graph)
    )


def document(doc: str, names: list[str], content_hash: str = "h1") -> list[ox.Quad]:
    """A document graph as the pipeline writes it: the file's path and hashes, and names."""
    graph = RES + f"graph/{doc}"
    return [
        quad(f"doc/{doc}", str(LEK.contentHash), content_hash, graph),
        quad(f"doc/{doc}", str(LEK.sourcePath), f"{doc}.txt", graph),
        quad(f"doc/{doc}", str(LEK.builtWith), "test", graph),
        *(quad("person/chan-dara", str(LEK.name), name, graph) for name in names),
    ]


# -- a server with no Graph Store Protocol -----------------------------------------------


@pytest.fixture
def fake() -> Iterator[FakeServer]:
    with fake_sparql_server() as server:
        yield server


def fake_store(server: FakeServer) -> RemoteStore:
    return RemoteStore(
        Endpoint(f"{server.base}/sparql", f"{server.base}/update", f"{server.base}/data")
    )


def test_without_a_graph_store_a_graph_is_replaced_with_sparql_update(
    fake: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kg.remote, "UPDATE_CHUNK", 2)
    store = fake_store(fake)
    graph = RES + "graph/a"
    store.replace_graph(graph, document("a", ["Chan Dara", "Dara", "Mr. Dara"]))
    store.replace_graph(graph, document("a", ["Chan Dara"], content_hash="h2"))
    assert set(fake.store.quads_for_pattern(None, None, None, ox.NamedNode(graph))) == set(
        document("a", ["Chan Dara"], content_hash="h2")
    )
    assert [method for method, _, _ in fake.requests].count("PUT") == 1  # then remembered
    first, *rest = fake.updates[-2:]
    assert first.startswith(f"DROP SILENT GRAPH <{graph}>")
    assert not any("DROP" in update for update in rest)
    assert str(LEK.contentHash) in fake.updates[-1]  # a graph cut short has no hash
    assert store.document_states()["a.txt"].content_hash == "h2"


def test_entity_labels_on_a_server_are_chosen_as_in_the_embedded_store(fake: FakeServer) -> None:
    store = fake_store(fake)
    store.replace_graph(RES + "graph/a", document("a", ["Chan Dara", "Dara"]))
    store.replace_graph(RES + "graph/b", document("b", ["Chan Dara"]))
    store.refresh_entity_labels()
    assert set(fake.store.quads_for_pattern(None, None, None, ox.NamedNode(ENTITY_GRAPH))) == {
        quad("person/chan-dara", str(RDFS.label), "Chan Dara", ENTITY_GRAPH),
        quad("person/chan-dara", str(SKOS.altLabel), "Dara", ENTITY_GRAPH),
    }
    assert len(store) == 5 + 4 + 2  # the two documents and the entity graph


def test_basic_authentication_is_answered_with_the_user_and_password(fake: FakeServer) -> None:
    fake.basic_auth = ("reader", "s3cret")
    url = f"{fake.base}/sparql"
    with pytest.raises(StoreError, match="401: the user and password are missing or wrong"):
        RemoteStore(Endpoint(url, user="reader", password="wrong")).query("ASK {}")
    answer = RemoteStore(Endpoint(url, user="reader", password="s3cret")).query("ASK {}")
    assert isinstance(answer, ox.QueryBoolean) and bool(answer)


def test_an_answer_the_server_cut_short_is_an_error(fake: FakeServer) -> None:
    fake.extra_headers["X-SPARQL-MaxRows"] = "10000"
    with pytest.raises(StoreError, match="cut its answer at 10000 rows"):
        fake_store(fake).query("SELECT * WHERE { ?s ?p ?o }")


def test_a_redirect_is_not_followed(fake: FakeServer) -> None:
    fake.redirect_to = "http://192.0.2.1/sparql"
    with pytest.raises(StoreError, match="a redirect to http://192.0.2.1/sparql"):
        fake_store(fake).query("SELECT * WHERE { ?s ?p ?o }")
    assert len(fake.requests) == 1


def test_kg_query_sends_no_update(fake: FakeServer) -> None:
    with pytest.raises(QueryError, match="starts with SELECT, ASK, CONSTRUCT or DESCRIBE"):
        run_query(fake_store(fake), "DROP GRAPH <https://w3id.org/legal-events-kg/id/graph/a>")
    assert fake.requests == []


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (["query", "--endpoint", "file:///etc/passwd"], "not an http(s) address"),
        (["query", "--endpoint", "http://127.0.0.1:9/sparql"], "cannot reach the SPARQL server"),
        (["build", ".", "--endpoint", "http://[::1"], "not an http(s) address"),
        (["build", ".", "--endpoint", "http://localhost:port/"], "not an http(s) address"),
    ],
)
def test_a_bad_endpoint_is_a_one_line_error(command: list[str], message: str) -> None:
    result = CliRunner().invoke(main, [*command, "SELECT * WHERE { ?s ?p ?o }"])
    assert result.exit_code == 1
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "options",
    [["--gsp-endpoint", "http://127.0.0.1:9/data"], ["--endpoint", "http://a/", "--store", "s"]],
)
def test_endpoint_options_that_do_not_fit_are_a_usage_error(options: list[str]) -> None:
    result = CliRunner().invoke(main, ["build", "corpus", *options])
    assert result.exit_code == 2
    assert "--endpoint" in result.output


# -- Virtuoso ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    with running_virtuoso(tmp_path_factory.mktemp("virtuoso")) as server:
        yield server


def endpoint_options(server: Virtuoso) -> list[str]:
    return ["--endpoint", server.sparql, "--gsp-endpoint", server.graph_store]


def kg_build(server: Virtuoso, corpus: Path) -> str:
    """Run ``kg build`` into Virtuoso; return its output."""
    command = ["build", str(corpus), *endpoint_options(server), "--user", USER]
    result = CliRunner().invoke(main, command, env={"KG_ENDPOINT_PASSWORD": PASSWORD})
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def remote(virtuoso: Virtuoso) -> RemoteStore:
    """The demo corpus built into Virtuoso through the command line."""
    assert "5 changed, 0 unchanged, 0 failed" in kg_build(virtuoso, CORPUS)
    return RemoteStore(Endpoint(virtuoso.sparql))  # reading needs no password


@pytest.fixture(scope="module")
def embedded(demo_store: Path) -> KgStore:
    return KgStore(demo_store, read_only=True)


def _concatenated(query: str) -> dict[str, str]:
    """Each GROUP_CONCAT column's separator: the order of its parts is up to the engine."""
    found = re.findall(r'GROUP_CONCAT\(DISTINCT \?\w+; separator="([^"]*)"\) AS \?(\w+)', query)
    return {column: separator for separator, column in found}


def answers(store: KgStore | RemoteStore, query: str) -> tuple[list[str], list[Row]]:
    """The columns and rows of a query, as lexical values, comparable across engines.

    Two normalisations, both where SPARQL leaves the engine free: the parts of a
    GROUP_CONCAT are sorted, and rows are sorted (ORDER BY ties may come in any order).
    A cell is the term's lexical value; an unbound cell is "".
    """
    result = run_query(store, query)
    assert isinstance(result, ox.QuerySolutions)
    columns = [variable.value for variable in result.variables]
    lists = _concatenated(query)
    rows = []
    for solution in result:
        cells = ["" if solution[c] is None else solution[c].value for c in columns]
        for index, column in enumerate(columns):
            if column in lists:
                cells[index] = lists[column].join(sorted(cells[index].split(lists[column])))
        rows.append(tuple(cells))
    return columns, sorted(rows)


@pytest.mark.model
@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: p.name)
def test_the_query_library_gives_the_same_answers_on_virtuoso(
    path: Path, remote: RemoteStore, embedded: KgStore
) -> None:
    text = path.read_text("utf-8")
    values = {**SAMPLE, **SAMPLE_FOR.get(path.name, {})}
    query = bind_params(text, {name: values[name] for name in declared_params(text)})
    expected = answers(embedded, query)
    if path.name != "proceeding_people.rq":  # its sample IRI names no proceeding
        assert expected[1], "a query that finds nothing on the demo corpus proves nothing"
    assert answers(remote, query) == expected


@pytest.mark.model
def test_every_proceeding_has_the_same_people_on_virtuoso(
    remote: RemoteStore, embedded: KgStore
) -> None:
    text = (QUERIES / "proceeding_people.rq").read_text("utf-8")
    _, proceedings = answers(embedded, "SELECT ?p WHERE { ?p a lek:Proceeding }")
    assert len(proceedings) > 5
    for (proceeding,) in proceedings:
        query = bind_params(text, {"proceeding": proceeding})
        assert answers(remote, query) == answers(embedded, query), proceeding


@pytest.mark.model
def test_kg_query_reads_from_the_endpoint(
    virtuoso: Virtuoso, remote: RemoteStore, demo_store: Path
) -> None:
    # DISTINCT: Virtuoso's union repeats a triple once per graph holding it
    people = "SELECT DISTINCT ?name WHERE { ?who a lek:Person ; rdfs:label ?name } ORDER BY ?name"
    query = ["query", people, "--format", "csv"]
    from_server = CliRunner().invoke(main, [*query, "--endpoint", virtuoso.sparql])
    from_store = CliRunner().invoke(main, [*query, "--store", str(demo_store)])
    assert from_server.exit_code == 0, from_server.output
    assert "Kem Sokha" in from_server.output.splitlines()
    assert from_server.output == from_store.output


@pytest.mark.model
def test_the_server_holds_what_the_embedded_store_holds(
    remote: RemoteStore, embedded: KgStore
) -> None:
    assert len(remote) == len(embedded)
    assert remote.document_states() == embedded.document_states()


@pytest.mark.model
def test_a_second_build_changes_nothing(virtuoso: Virtuoso, remote: RemoteStore) -> None:
    before = len(remote)
    output = kg_build(virtuoso, CORPUS)
    assert "0 changed, 5 unchanged" in output
    assert f"holds {before} quads" in output
    assert len(remote) == before


@pytest.mark.model
def test_a_wrong_password_is_a_one_line_error(virtuoso: Virtuoso, remote: RemoteStore) -> None:
    credentials = ["--user", USER, "--password", "not-the-password"]
    command = ["build", str(CORPUS), *endpoint_options(virtuoso), *credentials]
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 1
    assert "the user and password are missing or wrong" in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.model
def test_a_changed_document_replaces_only_its_graph(
    virtuoso: Virtuoso, remote: RemoteStore, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    changed = sorted(corpus.glob("*.txt"))[0]
    states = remote.document_states()
    others = {
        s.graph: set(remote.graph_quads(s.graph)) for p, s in states.items() if p != changed.name
    }
    changed.write_text(changed.read_text("utf-8") + "\nThis page was last updated.\n", "utf-8")
    try:
        assert "1 changed, 4 unchanged" in kg_build(virtuoso, corpus)
        after = remote.document_states()
        assert after[changed.name].content_hash != states[changed.name].content_hash
        assert {graph: set(remote.graph_quads(graph)) for graph in others} == others
    finally:
        assert "1 changed, 4 unchanged" in kg_build(virtuoso, CORPUS)
    assert remote.document_states() == states
