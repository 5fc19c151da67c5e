"""A tiny SPARQL server on loopback for unit tests: an in-memory Oxigraph behind the SPARQL
1.1 Protocol, with no Graph Store Protocol (it answers 405 to every PUT)."""

from __future__ import annotations

import base64
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pyoxigraph as ox


@dataclass
class FakeServer:
    """What the fake holds and what it was sent; ``extra_headers`` go on every answer."""

    base: str = ""
    store: ox.Store = field(default_factory=ox.Store)
    requests: list[tuple[str, str, str]] = field(default_factory=list)  # method, path, body
    extra_headers: dict[str, str] = field(default_factory=dict)
    redirect_to: str | None = None
    basic_auth: tuple[str, str] | None = None  # the user and password every request needs

    @property
    def updates(self) -> list[str]:
        return [body for method, path, body in self.requests if path == "/update"]


def _handler(server: FakeServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            """Keep the test output quiet."""

        def _answer(self, status: int, body: bytes = b"", media: str = "text/plain") -> None:
            self.send_response(status)
            self.send_header("Content-Type", media)
            self.send_header("Content-Length", str(len(body)))
            for name, value in server.extra_headers.items():
                self.send_header(name, value)
            if server.redirect_to:
                self.send_header("Location", server.redirect_to)
            self.end_headers()
            self.wfile.write(body)

        def _body(self) -> str:
            return self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8")

        def _refused(self) -> bool:
            """Challenge a request without the right basic credentials."""
            if server.basic_auth is None:
                return False
            token = base64.b64encode(":".join(server.basic_auth).encode()).decode()
            if self.headers.get("Authorization") == f"Basic {token}":
                return False
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="kg"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return True

        def do_PUT(self) -> None:  # noqa: N802 (the name http.server calls)
            server.requests.append(("PUT", self.path, self._body()))
            self._answer(405, b"no graph store here")

        def do_POST(self) -> None:  # noqa: N802
            body = self._body()
            server.requests.append(("POST", self.path, body))
            if self._refused():
                return
            if server.redirect_to:
                self._answer(302)
            elif self.path == "/update":
                server.store.update(body)
                self._answer(204)
            else:
                query = urllib.parse.parse_qs(body)["query"][0]
                result = server.store.query(query, use_default_graph_as_union=True)
                assert isinstance(result, ox.QuerySolutions | ox.QueryBoolean)
                data = result.serialize(format=ox.QueryResultsFormat.JSON) or b""
                self._answer(200, data, "application/sparql-results+json")

    return Handler


@contextmanager
def fake_sparql_server() -> Iterator[FakeServer]:
    """Serve a :class:`FakeServer` on 127.0.0.1 (queries at /sparql, updates at /update)."""
    state = FakeServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()
