"""``kg serve`` over loopback: SPARQL 1.1 Protocol, refusals, limits, the page and the docs.

Every request goes to 127.0.0.1; the only other socket is a loopback listener that must
never be reached.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import html
import io
import json
import os
import re
import select
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from email.message import Message
from pathlib import Path
from xml.dom.minidom import Document

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from kg.cli import main
from kg.serve import ServeConfig, ServeError, SparqlServer
from kg.store import KgStore

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parent.parent
PREFIXES = """PREFIX lek: <https://w3id.org/legal-events-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
SELECT_COURTS = PREFIXES + (
    "SELECT DISTINCT ?court ?label WHERE { ?court a lek:Court ; rdfs:label ?label } ORDER BY ?label"
)
CONSTRUCT_COURTS = PREFIXES + (
    "CONSTRUCT { ?court rdfs:label ?label } WHERE { ?court a lek:Court ; rdfs:label ?label }"
)
RUNAWAY = """SELECT (COUNT(*) AS ?n) WHERE {
  ?a ?b ?c . ?d ?e ?f . ?g ?h ?i .
  FILTER(REGEX(CONCAT(STR(?c), STR(?f), STR(?i)), "x{50}"))
}"""
TIME_LIMIT = 2.0
ROW_CAP = 50
TOKEN = "fictional-token-0123456789"
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@pytest.fixture(scope="module", autouse=True)
def no_proxies() -> Iterator[None]:
    """SPARQLWrapper uses urllib, which honours proxy variables: keep every request local."""
    with pytest.MonkeyPatch.context() as patch:
        for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
            patch.delenv(name, raising=False)
        patch.setenv("no_proxy", "*")
        yield


def _serve(config: ServeConfig) -> Iterator[SparqlServer]:
    server = SparqlServer(config)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="module")
def server(demo_store: Path) -> Iterator[SparqlServer]:
    config = ServeConfig(demo_store, port=0, time_limit=TIME_LIMIT, row_cap=ROW_CAP)
    yield from _serve(config)


@pytest.fixture(scope="module")
def endpoint(server: SparqlServer) -> str:
    return server.url + "/sparql"


@pytest.fixture(scope="module")
def courts(demo_store: Path) -> list[tuple[str, str]]:
    """The courts and their labels, read from the store directly."""
    result = KgStore(demo_store, read_only=True).query(SELECT_COURTS)
    pairs = [(row["court"].value, row["label"].value) for row in result]  # type: ignore[index,union-attr]
    assert pairs
    return pairs


def http(
    url: str, data: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, Message, bytes]:
    """One request, no proxy; returns the status, headers and body, errors included."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with DIRECT.open(request, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def post_query(endpoint: str, query: str, **headers: str) -> tuple[int, Message, bytes]:
    return http(endpoint, query.encode(), {"Content-Type": "application/sparql-query", **headers})


def post_form(endpoint: str, **fields: str) -> tuple[int, Message, bytes]:
    body = urllib.parse.urlencode(fields).encode()
    return http(endpoint, body, {"Content-Type": "application/x-www-form-urlencoded"})


def wrapper(endpoint: str, query: str, fmt: str) -> SPARQLWrapper:
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    return client


# -- SPARQLWrapper, a client nobody here wrote, in every result format ----------------------


def _labels_from_json(result: object) -> list[str]:
    assert isinstance(result, dict)
    return [b["label"]["value"] for b in result["results"]["bindings"]]


def _labels_from_xml(result: object) -> list[str]:
    assert isinstance(result, Document)
    return [
        binding.getElementsByTagName("literal")[0].firstChild.data  # type: ignore[union-attr]
        for binding in result.getElementsByTagName("binding")
        if binding.getAttribute("name") == "label"
    ]


def _labels_from_csv(result: object) -> list[str]:
    assert isinstance(result, bytes)
    return [row["label"] for row in csv.DictReader(io.StringIO(result.decode()))]


def _labels_from_tsv(result: object) -> list[str]:
    assert isinstance(result, bytes)
    header, *lines = result.decode().splitlines()
    assert header.split("\t") == ["?court", "?label"]
    return [json.loads(line.split("\t")[1]) for line in lines]


@pytest.mark.parametrize(
    ("fmt", "media_type", "labels"),
    [
        (JSON, "application/sparql-results+json", _labels_from_json),
        (XML, "application/sparql-results+xml", _labels_from_xml),
        (CSV, "text/csv", _labels_from_csv),
        (TSV, "text/tab-separated-values", _labels_from_tsv),
    ],
)
def test_select_in_each_result_format_through_sparqlwrapper(
    endpoint: str, courts: list[tuple[str, str]], fmt: str, media_type: str, labels: object
) -> None:
    response = wrapper(endpoint, SELECT_COURTS, fmt).query()
    assert response.info()["content-type"].startswith(media_type)
    assert labels(response.convert()) == [label for _, label in courts]  # type: ignore[operator]


def _graph(result: object, rdf_format: str) -> Graph:
    if isinstance(result, Graph):
        return result
    assert isinstance(result, bytes)
    return Graph().parse(data=result.decode(), format=rdf_format)


@pytest.mark.parametrize(
    ("fmt", "accept", "media_type", "rdf_format"),
    [
        (TURTLE, None, "text/turtle", "turtle"),
        (N3, "application/n-triples", "application/n-triples", "nt"),
        (JSONLD, None, "application/ld+json", "json-ld"),
        (RDFXML, None, "application/rdf+xml", "xml"),
    ],
)
def test_construct_in_each_rdf_format_through_sparqlwrapper(
    endpoint: str,
    courts: list[tuple[str, str]],
    fmt: str,
    accept: str | None,
    media_type: str,
    rdf_format: str,
) -> None:
    client = wrapper(endpoint, CONSTRUCT_COURTS, fmt)
    if accept:
        client.addCustomHttpHeader("Accept", accept)
    response = client.query()
    assert response.info()["content-type"].startswith(media_type)
    graph = _graph(response.convert(), rdf_format)
    expected = {(URIRef(court), RDFS.label, Literal(label)) for court, label in courts}
    assert set(graph) == expected


@pytest.mark.parametrize("fmt", [JSON, XML])
def test_ask_and_post_through_sparqlwrapper(endpoint: str, fmt: str) -> None:
    client = wrapper(endpoint, PREFIXES + "ASK { ?court a lek:Court }", fmt)
    client.setMethod(POST)
    result = client.query().convert()
    if isinstance(result, Document):
        assert result.getElementsByTagName("boolean")[0].firstChild.data == "true"  # type: ignore[union-attr]
    else:
        assert result == {"head": {}, "boolean": True}


def test_describe_answers_in_turtle(endpoint: str, courts: list[tuple[str, str]]) -> None:
    court, label = courts[0]
    result = wrapper(endpoint, f"DESCRIBE <{court}>", TURTLE).query().convert()
    assert (URIRef(court), RDFS.label, Literal(label)) in _graph(result, "turtle")


# -- the protocol's edges -----------------------------------------------------------------


def test_negotiation_malformed_queries_and_wrong_requests(endpoint: str) -> None:
    query = urllib.parse.quote(SELECT_COURTS)
    status, _, body = http(f"{endpoint}?query={query}", headers={"Accept": "image/png"})
    assert status == 406 and b"text/csv" in body
    status, _, body = post_query(endpoint, "SELECT ?x WHERE { ?x")
    assert status == 400 and body.startswith(b"invalid SPARQL")
    status, _, _ = http(endpoint, b"query=ASK{}", {"Content-Type": "text/plain"})
    assert status == 415
    status, _, _ = http(endpoint)
    assert status == 400


# -- refusals --------------------------------------------------------------------------------


def _count(endpoint: str, query: str) -> int:
    status, _, body = post_query(endpoint, query)
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def test_updates_are_refused_and_change_nothing(endpoint: str) -> None:
    before = _count(endpoint, COUNT_ALL)
    insert = "INSERT DATA { <urn:x:a> <urn:x:b> 'Chan Dara' }"
    for status, _, body in (
        post_form(endpoint, update=insert),
        post_form(endpoint, update="DROP ALL"),
        post_form(endpoint, query=insert),
        http(endpoint, b"CLEAR ALL", {"Content-Type": "application/sparql-update"}),
    ):
        assert status == 403 and b"read-only" in body
    client = SPARQLWrapper(endpoint)
    client.setQuery("DELETE WHERE { ?s ?p ?o }")
    client.setMethod(POST)
    with pytest.raises(urllib.error.HTTPError) as refused:
        client.query()
    assert refused.value.code == 403
    assert _count(endpoint, COUNT_ALL) == before


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A loopback socket that a fetch by the server would reach."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    sock.setblocking(False)
    yield sock
    sock.close()


def _connections_reached(sock: socket.socket) -> bool:
    readable, _, _ = select.select([sock], [], [], 0.5)
    return bool(readable)


def test_service_load_and_from_are_refused_and_no_connection_leaves(
    endpoint: str, listener: socket.socket
) -> None:
    url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    queries = [
        f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"select * {{ ?s ?p ?o FILTER EXISTS {{ service silent <{url}/> {{ ?s ?p ?o }} }} }}",
        f"SELECT * {{ {{ SELECT * {{ SERVICE <{url}/> {{ ?s ?p ?o }} }} }} }}",
        f"SELECT * {{ \\u0053ERVICE <{url}/> {{ ?s ?p ?o }} }}",
        f"SELECT * FROM <{url}/graph> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <{url}/graph> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        f"LOAD <{url}/data.ttl>",
    ]
    answers = [post_query(endpoint, query) for query in queries]
    answers.append(post_form(endpoint, update=f"LOAD <{url}/data.ttl> INTO GRAPH <urn:x:g>"))
    answers.append(post_form(endpoint, query="ASK {}", **{"default-graph-uri": url}))
    for status, _, body in answers:
        assert status == 400, body
        assert b"refused" in body
    assert not _connections_reached(listener)


def test_a_worker_cannot_connect_even_past_the_checks(
    demo_store: Path, listener: socket.socket
) -> None:
    port = listener.getsockname()[1]
    probe = f"""
import pyoxigraph as ox
from kg.serve_worker import isolate_network
if not isolate_network():
    print("unavailable")
    raise SystemExit
try:
    list(ox.Store().query("SELECT * {{ SERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}"))
except OSError as exc:
    print("refused", exc)
else:
    print("connected")
"""
    run = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    if run.stdout.startswith("unavailable"):
        pytest.skip("this kernel does not let a process leave the network namespace")
    assert run.stdout.startswith("refused"), run.stdout + run.stderr
    assert not _connections_reached(listener)


# -- limits ----------------------------------------------------------------------------------


def test_a_runaway_query_is_stopped_within_twice_the_limit(
    server: SparqlServer, endpoint: str
) -> None:
    before = set(server.pool.pids())
    started = time.monotonic()
    status, _, body = post_query(endpoint, RUNAWAY)
    elapsed = time.monotonic() - started
    assert status == 503 and b"time limit" in body
    assert elapsed < 2 * TIME_LIMIT
    stopped = before - set(server.pool.pids())
    assert len(stopped) == 1, "the worker running the query was replaced"
    with pytest.raises(ProcessLookupError):
        os.kill(stopped.pop(), 0)
    assert _count(endpoint, COUNT_ALL) > 0, "the server still answers"


def test_the_row_cap_holds_and_is_announced(endpoint: str) -> None:
    status, headers, body = post_query(endpoint, "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert status == 200
    assert len(json.loads(body)["results"]["bindings"]) == ROW_CAP
    assert headers["X-KG-Truncated"] == "true"
    status, headers, body = post_query(
        endpoint, "CONSTRUCT WHERE { ?s ?p ?o }", Accept="application/n-triples"
    )
    assert len(body.decode().splitlines()) == ROW_CAP and headers["X-KG-Truncated"] == "true"
    status, headers, body = post_query(
        endpoint, f"SELECT * WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} LIMIT {ROW_CAP}"
    )
    assert len(json.loads(body)["results"]["bindings"]) == ROW_CAP
    assert headers["X-KG-Truncated"] is None


# -- where it listens, and who may ask -----------------------------------------------------


@pytest.mark.parametrize("host", ["0.0.0.0", "::"])
def test_a_non_loopback_bind_without_a_token_refuses_to_start(
    demo_store: Path, host: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KG_SERVE_TOKEN", raising=False)
    with pytest.raises(ServeError, match="without a bearer token"):
        SparqlServer(ServeConfig(demo_store, host=host, port=0))
    result = CliRunner().invoke(
        main, ["serve", "--host", host, "--port", "0", "--store", str(demo_store)]
    )
    assert result.exit_code == 1
    assert result.output == (
        f"Error: refusing to listen on {host} without a bearer token: "
        "set KG_SERVE_TOKEN or pass --token\n"
    )


def test_a_host_name_or_a_weak_token_is_refused(demo_store: Path) -> None:
    with pytest.raises(ServeError, match="takes an IP address"):
        SparqlServer(ServeConfig(demo_store, host="example.org"))
    with pytest.raises(ServeError, match="at least 16 characters"):
        SparqlServer(ServeConfig(demo_store, token="short"))


@pytest.fixture(scope="module")
def guarded(demo_store: Path) -> Iterator[SparqlServer]:
    yield from _serve(ServeConfig(demo_store, port=0, token=TOKEN, workers=1))


def test_with_a_token_every_query_needs_it(guarded: SparqlServer) -> None:
    url = guarded.url + "/sparql?query=" + urllib.parse.quote("ASK {}")
    status, headers, _ = http(url)
    assert status == 401 and headers["WWW-Authenticate"].startswith("Bearer")
    assert http(url, headers={"Authorization": "Bearer wrong-token-0123456789"})[0] == 401
    assert http(url, headers={"Authorization": f"Bearer {TOKEN}"})[0] == 200
    client = wrapper(guarded.url + "/sparql", "ASK {}", JSON)
    client.addCustomHttpHeader("Authorization", f"Bearer {TOKEN}")
    assert client.query().convert() == {"head": {}, "boolean": True}


def test_a_request_for_another_host_name_is_refused(server: SparqlServer) -> None:
    status, _, _ = http(server.url + "/", headers={"Host": "rebound.example:80"})
    assert status == 403


# -- the page and the vocabulary's documentation -----------------------------------------


def test_the_query_page_is_self_contained(server: SparqlServer) -> None:
    status, headers, body = http(server.url + "/")
    page = body.decode()
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    policy = headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and f'content="{html.escape(policy)}"' in page
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?(?:[a-z]+:)?//""", page, re.I)
    script = re.search(r"<script>(.*?)</script>", page, re.S)
    assert script is not None
    digest = base64.b64encode(hashlib.sha256(script.group(1).encode()).digest()).decode()
    assert f"'sha256-{digest}'" in policy, "the inline script is the one the policy allows"


def test_the_ontology_documentation_is_served_and_up_to_date(server: SparqlServer) -> None:
    status, headers, body = http(server.url + "/ontology/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    text = html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body.decode())))
    ontology = Graph().parse(ROOT / "ontology" / "lek.ttl")
    stale = [
        str(term)
        for term, comment in ontology.subject_objects(RDFS.comment)
        if re.sub(r"\s+", " ", str(comment)) not in text
    ]
    assert not stale, f"run 'make docs': the documentation misses {stale}"
    for path in ("/ontology/../../pyproject.toml", "/ontology/%2e%2e/README.md", "/ontology/x"):
        assert http(server.url + path)[0] == 404
