"""A SPARQL 1.1 server as the store, spoken to over HTTP with the standard library only.

:class:`RemoteStore` offers what the pipeline and the readers use of
:class:`~kg.store.KgStore`: queries, document states, and the replacement of one named
graph.  A graph is replaced with one Graph Store Protocol ``PUT`` when the user names a
graph store (``--gsp-endpoint``), and otherwise, or when the server answers that it has
none, with SPARQL Update (``DROP SILENT GRAPH`` then ``INSERT DATA``), so rebuilding stays
idempotent per document.  It only ever talks to the addresses the user gave: no proxy from
the environment, no redirect followed.
"""

from __future__ import annotations

import http.client
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.message import Message

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.namespaces import LEK, RES
from kg.store import (
    ENTITY_GRAPH,
    DocumentState,
    QueryResult,
    entity_label_quads,
    read_document_states,
)

__all__ = ["GRAPH_PREFIX", "UPDATE_CHUNK", "Endpoint", "RemoteStore", "query_form"]

#: Every graph kg writes has an IRI starting with this; the rest of the server is not kg's.
GRAPH_PREFIX = str(RES["graph/"])
WRITE_CHECK_GRAPH = str(RES["graph/write-check"])  # never holds anything
#: Triples per SPARQL Update request when a graph is written without the Graph Store Protocol.
UPDATE_CHUNK = 2000
#: The predicates written last, so a graph cut short by a failure is rebuilt next time.
_WRITTEN_LAST = frozenset({str(LEK.contentHash), str(LEK.builtWith)})
_RESULTS_MEDIA = "application/sparql-results+json, application/sparql-results+xml;q=0.9"
_GRAPH_MEDIA = "application/n-triples, text/turtle;q=0.9"
_PROLOGUE = re.compile(r"\s+|#[^\n]*|PREFIX\s*[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>", re.I)
_FORM = re.compile(r"(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)


def query_form(sparql: str) -> str:
    """The query's form (SELECT, ASK, CONSTRUCT or DESCRIBE), read after its prologue.

    Anything else (an update, a typo) is refused: ``kg query`` only reads.

    >>> query_form("PREFIX lek: <https://w3id.org/legal-events-kg/ontology#>\\n# hi\\nask {}")
    'ASK'
    """
    position = 0
    while (found := _PROLOGUE.match(sparql, position)) and found.end() > position:
        position = found.end()
    form = _FORM.match(sparql, position)
    if form is None:
        raise QueryError(
            "invalid SPARQL: a query starts with SELECT, ASK, CONSTRUCT or DESCRIBE "
            "(after its PREFIX lines)"
        )
    return form.group(1).upper()


@dataclass(frozen=True)
class Endpoint:
    """Where a SPARQL server answers queries (``query_url``), takes SPARQL Update
    (``update_url``, by default the query address) and, optionally, graph ``PUT`` s
    (``gsp_url``); with the user and password for basic or digest authentication."""

    query_url: str
    update_url: str | None = None
    gsp_url: str | None = None
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout: float = 300.0

    def __post_init__(self) -> None:
        for url in self.urls:
            try:
                parts = urllib.parse.urlsplit(url)
                usable = parts.scheme in ("http", "https") and bool(parts.hostname)
                usable = usable and (parts.port or 0) >= 0
            except ValueError:  # a malformed IPv6 address or port
                usable = False
            if not usable:
                raise StoreError(f"not an http(s) address of a SPARQL server: {url!r}")

    @property
    def urls(self) -> tuple[str, ...]:
        """Every address given, the ones kg may talk to."""
        return tuple(url for url in (self.query_url, self.update_url, self.gsp_url) if url)


@dataclass(frozen=True)
class _Answer:
    status: int
    headers: Message
    body: bytes

    @property
    def media_type(self) -> str:
        return self.headers.get_content_type()

    def reason(self) -> str:
        """The server's own words on a failure, in one line."""
        if 300 <= self.status < 400:
            return f"{self.status}, a redirect to {self.headers.get('Location')}; give that address"
        if self.status == 401:
            return "401: the user and password are missing or wrong"
        text = self.body.decode("utf-8", "replace")
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        words = lines[0] if lines and not lines[0].startswith("<") else ""
        return f"{self.status} {words[:200]}".rstrip()


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Refuse redirects: kg only talks to the addresses it was given."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def _opener(endpoint: Endpoint) -> urllib.request.OpenerDirector:
    """An opener with no proxy, no redirects and, when a user is given, basic and digest
    authentication for the servers named (and no others)."""
    handlers: list[urllib.request.BaseHandler] = [urllib.request.ProxyHandler({}), _NoRedirects()]
    if endpoint.user is not None:
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        for url in endpoint.urls:
            passwords.add_password(None, url, endpoint.user, endpoint.password or "")
        handlers.append(urllib.request.HTTPDigestAuthHandler(passwords))
        handlers.append(urllib.request.HTTPBasicAuthHandler(passwords))
    return urllib.request.build_opener(*handlers)


def _send(
    opener: urllib.request.OpenerDirector,
    url: str,
    method: str,
    body: bytes,
    headers: dict[str, str],
    timeout: float,
) -> _Answer:
    """Send one request; an HTTP error status is an answer, a network failure a StoreError."""
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with opener.open(request, timeout=timeout) as response:
            return _Answer(response.status, response.headers, response.read())
    except urllib.error.HTTPError as exc:
        with exc:
            return _Answer(exc.code, exc.headers, exc.read())
    except urllib.error.URLError as exc:
        raise StoreError(f"cannot reach the SPARQL server at {url}: {exc.reason}") from exc
    except (OSError, http.client.HTTPException) as exc:
        raise StoreError(f"cannot reach the SPARQL server at {url}: {exc}") from exc


def _check_complete(answer: _Answer) -> None:
    """Refuse an answer the server says it cut short (Virtuoso's row limit and time limit)."""
    if answer.headers.get("X-SPARQL-MaxRows"):
        raise StoreError(
            f"the SPARQL server cut its answer at {answer.headers['X-SPARQL-MaxRows']} rows; "
            "raise its row limit (Virtuoso: ResultSetMaxRows in [SPARQL])"
        )
    if answer.headers.get("X-SQL-State"):
        raise StoreError(
            f"the SPARQL server gave an incomplete answer: {answer.headers.get('X-SQL-Message')}"
        )


def _boolean(value: bool) -> ox.QueryBoolean:
    data = b'{"head": {}, "boolean": %s}' % (b"true" if value else b"false")
    result = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
    assert isinstance(result, ox.QueryBoolean)
    return result


def _parse_answer(answer: _Answer, form: str) -> QueryResult:
    """Turn the server's answer into the pyoxigraph result the embedded store would give."""
    results_format = ox.QueryResultsFormat.from_media_type(answer.media_type)
    rdf_format = ox.RdfFormat.from_media_type(answer.media_type)
    try:
        if results_format is not None:
            result = ox.parse_query_results(answer.body, format=results_format)
            if form == "ASK" and isinstance(result, ox.QuerySolutions):
                # Virtuoso 7 answers ASK with a table: one row holding 1, or no row.
                return _boolean(any(t is not None and t.value != "0" for r in result for t in r))
            return result
        if rdf_format is not None:
            graph = ox.Store()
            graph.load(answer.body, format=rdf_format)
            return graph.query("CONSTRUCT WHERE { ?s ?p ?o }")
    except (SyntaxError, ValueError) as exc:
        raise StoreError(f"the SPARQL server's answer is not valid {answer.media_type}") from exc
    raise StoreError(f"the SPARQL server answered in an unexpected format: {answer.media_type}")


def _ordered_lines(quads: Iterable[ox.Quad]) -> tuple[list[str], bool]:
    """The quads as N-Triples lines, a document's hash and fingerprint last, and whether
    any holds a blank node (those cannot be split across requests)."""
    lines: list[str] = []
    last: list[str] = []
    blank = False
    for quad in quads:
        blank = blank or isinstance(quad.subject, ox.BlankNode)
        blank = blank or isinstance(quad.object, ox.BlankNode)
        line = f"{quad.subject} {quad.predicate} {quad.object} ."
        (last if quad.predicate.value in _WRITTEN_LAST else lines).append(line)
    return lines + last, blank


class RemoteStore:
    """A SPARQL 1.1 server holding the graph, one named graph per document as in the
    embedded store.  Queries see the server's default graph, which must be the union of
    the named graphs (Virtuoso's and GraphDB's is; Fuseki needs ``unionDefaultGraph``)."""

    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint
        self._opener = _opener(endpoint)
        self._graph_store = endpoint.gsp_url is not None

    def __repr__(self) -> str:
        return f"RemoteStore({self.endpoint.query_url!r})"

    def _post(self, url: str, body: bytes, content_type: str, accept: str = "*/*") -> _Answer:
        headers = {"Content-Type": content_type, "Accept": accept}
        return _send(self._opener, url, "POST", body, headers, self.endpoint.timeout)

    # -- reading -----------------------------------------------------------------------

    def query(self, sparql: str) -> QueryResult:
        """Run a SPARQL query on the server (its default graph: the union of all graphs)."""
        form = query_form(sparql)
        accept = _GRAPH_MEDIA if form in ("CONSTRUCT", "DESCRIBE") else _RESULTS_MEDIA
        body = urllib.parse.urlencode({"query": sparql}).encode("ascii")
        answer = self._post(
            self.endpoint.query_url, body, "application/x-www-form-urlencoded", accept
        )
        if answer.status == 400:
            raise QueryError(f"the SPARQL server refused the query: {answer.reason()}")
        if not 200 <= answer.status < 300:
            raise StoreError(
                f"the SPARQL server at {self.endpoint.query_url} answered {answer.reason()}"
            )
        _check_complete(answer)
        return _parse_answer(answer, form)

    def _select(self, sparql: str) -> ox.QuerySolutions:
        result = self.query(sparql)
        assert isinstance(result, ox.QuerySolutions)
        return result

    def document_states(self) -> dict[str, DocumentState]:
        """Map each stored document's source path to its graph and hashes."""
        return read_document_states(self)

    def graph_quads(self, graph: str) -> list[ox.Quad]:
        """Return the quads of one named graph."""
        rows = self._select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
        node = ox.NamedNode(graph)
        return [ox.Quad(row["s"], row["p"], row["o"], node) for row in rows]

    def __len__(self) -> int:
        """How many quads kg's graphs hold (the server's other graphs are not counted)."""
        rows = self._select(
            "SELECT (COUNT(*) AS ?quads) WHERE { GRAPH ?g { ?s ?p ?o } "
            f'FILTER(STRSTARTS(STR(?g), "{GRAPH_PREFIX}")) }}'
        )
        return next(int(row["quads"].value) for row in rows)

    # -- writing -----------------------------------------------------------------------

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> None:
        """Replace the named graph ``graph`` with ``quads``: one ``PUT`` to the graph
        store, or SPARQL Update when there is none (the first request drops the graph)."""
        lines, blank = _ordered_lines(quads)
        if self._graph_store and self._put(graph, lines):
            return
        size = max(len(lines), 1) if blank else UPDATE_CHUNK
        chunks = [lines[start : start + size] for start in range(0, len(lines), size)]
        for index, chunk in enumerate(chunks or [[]]):
            steps = [f"DROP SILENT GRAPH <{graph}>"] if index == 0 else []
            if chunk:
                steps.append(f"INSERT DATA {{ GRAPH <{graph}> {{\n" + "\n".join(chunk) + "\n} }")
            self._update(graph, " ;\n".join(steps))

    def check_writable(self) -> None:
        """Check that the server takes our writes, the way the build writes: emptying a
        graph that never holds anything, so wrong credentials fail before any work."""
        self.replace_graph(WRITE_CHECK_GRAPH, [])

    def _put(self, graph: str, lines: list[str]) -> bool:
        """PUT the graph; False when the server has no graph store there (404, 405, 501)."""
        assert self.endpoint.gsp_url is not None
        url = self.endpoint.gsp_url
        url += ("&" if "?" in url else "?") + urllib.parse.urlencode({"graph": graph})
        body = "\n".join(lines).encode("utf-8")
        headers = {"Content-Type": "text/turtle; charset=utf-8"}
        answer = _send(self._opener, url, "PUT", body, headers, self.endpoint.timeout)
        if answer.status in (404, 405, 501):
            self._graph_store = False
            return False
        if not 200 <= answer.status < 300:
            raise StoreError(f"cannot write graph {graph}: the server answered {answer.reason()}")
        return True

    def _update(self, graph: str, update: str) -> None:
        url = self.endpoint.update_url or self.endpoint.query_url
        answer = self._post(url, update.encode("utf-8"), "application/sparql-update; charset=utf-8")
        if not 200 <= answer.status < 300:
            raise StoreError(f"cannot write graph {graph}: the server answered {answer.reason()}")

    def refresh_entity_labels(self) -> None:
        """Recompute the entity graph from every document's names, as the embedded store does."""
        self.replace_graph(ENTITY_GRAPH, entity_label_quads(self))
