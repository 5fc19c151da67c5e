"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over the store, at ``/sparql``.

``GET /sparql?query=…``, ``POST`` with a form (``query=…``) or with the query itself
(``application/sparql-query``).  Results are negotiated by ``Accept``: SPARQL JSON, XML, CSV
and TSV for ``SELECT``/``ASK``; Turtle, N-Triples, JSON-LD and RDF/XML for ``CONSTRUCT``/
``DESCRIBE``.  ``/`` is a small query page and ``/ontology/`` the vocabulary's documentation.

What keeps it safe: updates are refused (403) and ``SERVICE``, ``LOAD``, ``FROM`` are refused
(400) before anything runs (:mod:`kg.serve_guard`); every query runs in a worker process that
is killed at the time limit (:mod:`kg.serve_worker`); results stop at a row cap
(``X-KG-Truncated: true`` says so).  It listens on 127.0.0.1 unless told otherwise, and on
any other address only with a bearer token.  The server itself opens no connection.
"""

from __future__ import annotations

import hmac
import ipaddress
import re
import signal
import socket
import socketserver
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from kg.errors import KgError
from kg.serve_page import DOCS_CSP, PAGE_CSP, page
from kg.serve_worker import Job, Reply, WorkerPool, text_reply
from kg.snapshots import current_version

__all__ = ["DOCS_DIR", "ServeConfig", "ServeError", "SparqlServer", "run_server"]

#: Where ``make docs`` writes the ontology's HTML documentation.
DOCS_DIR = Path(__file__).resolve().parent.parent / "docs" / "ontology"

MAX_BODY = 1024 * 1024
_TOKEN = re.compile(r"[A-Za-z0-9._~+/-]{16,}=*")
_LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1", "[::1]"}
_STATIC_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_STATIC_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".ttl": "text/turtle; charset=utf-8",
}


class ServeError(KgError):
    """The server cannot start as asked."""


@dataclass(frozen=True)
class ServeConfig:
    """How to serve: which store, where to listen, and the limits."""

    store_path: Path
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    time_limit: float = 30.0
    row_cap: int = 10_000
    workers: int = 2
    docs_dir: Path = DOCS_DIR


def _bind_address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """The address to listen on; a name other than localhost is refused (no DNS lookup)."""
    if host == "localhost":
        return ipaddress.IPv4Address("127.0.0.1")
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError as exc:
        raise ServeError(
            f"--host takes an IP address (127.0.0.1, ::1, 0.0.0.0), not {host!r}"
        ) from exc


def _check(config: ServeConfig) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    address = _bind_address(config.host)
    if config.token is not None and not _TOKEN.fullmatch(config.token):
        raise ServeError(
            "the token must be at least 16 characters of A-Z a-z 0-9 . _ ~ + / - "
            "(e.g. from: python -c 'import secrets; print(secrets.token_urlsafe())')"
        )
    if not address.is_loopback and config.token is None:
        raise ServeError(
            f"refusing to listen on {config.host} without a bearer token: "
            "set KG_SERVE_TOKEN or pass --token"
        )
    if current_version(config.store_path) is None:
        raise ServeError(f"no store at {config.store_path} (run 'kg build' first)")
    if config.time_limit <= 0 or config.row_cap < 1 or config.workers < 1:
        raise ServeError("the time limit, row cap and number of workers must be positive")
    return address


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server: one thread per request, the queries in the worker pool.

    Creating it checks the configuration, listens, and starts the workers; it raises
    ServeError when it cannot.
    """

    daemon_threads = True

    def __init__(self, config: ServeConfig) -> None:
        address = _check(config)
        self.config = config
        self.loopback_only = address.is_loopback
        self.page = page(config.time_limit, config.row_cap)
        if address.version == 6:
            self.address_family = socket.AF_INET6
        try:
            super().__init__((str(address), config.port), _Handler)
        except OSError as exc:
            raise ServeError(
                f"cannot listen on {config.host}:{config.port}: {exc.strerror}"
            ) from exc
        try:
            self.pool = WorkerPool(
                config.store_path,
                size=config.workers,
                time_limit=config.time_limit,
                row_cap=config.row_cap,
            )
        except KgError:
            super().server_close()
            raise

    def server_bind(self) -> None:
        """Bind without the reverse DNS lookup that HTTPServer.server_bind makes."""
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)

    @property
    def url(self) -> str:
        """The server's base URL, e.g. ``http://127.0.0.1:8000``."""
        host = self.server_name
        return (
            f"http://[{host}]:{self.server_port}"
            if ":" in host
            else f"http://{host}:{self.server_port}"
        )

    def server_close(self) -> None:
        """Stop listening and stop the workers."""
        super().server_close()
        if hasattr(self, "pool"):
            self.pool.close()


class _Handler(BaseHTTPRequestHandler):
    """Routes: ``/`` the page, ``/sparql`` the endpoint, ``/ontology/`` the documentation."""

    server: SparqlServer
    server_version = "kg-serve"
    timeout = 60

    def version_string(self) -> str:
        """The Server header: the name only, no Python version."""
        return self.server_version

    # -- answering -------------------------------------------------------------------------

    def _send(self, reply: Reply, *, head_only: bool = False) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.media_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Referrer-Policy", "no-referrer")
        for name, value in reply.headers:
            self.send_header(name, value)
        self.end_headers()
        if not head_only:
            try:
                self.wfile.write(reply.body)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

    def _refuse(self, status: int, message: str, *headers: tuple[str, str]) -> None:
        plain = text_reply(status, message)
        self._send(Reply(plain.status, plain.media_type, plain.body, headers))

    def _allowed(self, *, needs_token: bool) -> bool:
        """Check the Host header (against DNS rebinding) and the bearer token."""
        if self.server.loopback_only:
            host = (self.headers.get("Host") or "").strip().lower()
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name not in _LOOPBACK_NAMES:
                self._refuse(403, "this server answers requests to 127.0.0.1 or localhost only")
                return False
        token = self.server.config.token
        if needs_token and token is not None:
            given = self.headers.get("Authorization") or ""
            if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
                challenge = ("WWW-Authenticate", 'Bearer realm="kg"')
                self._refuse(401, "a bearer token is required", challenge)
                return False
        return True

    # -- routes ----------------------------------------------------------------------------

    def do_GET(self) -> None:  # noqa: N802 (the name http.server dispatches to)
        """The page, the documentation, or a query in the URL."""
        url = urllib.parse.urlsplit(self.path)
        if url.path == "/sparql":
            if self._allowed(needs_token=True):
                self._protocol(url.query)
        elif url.path in ("/", "/index.html"):
            if self._allowed(needs_token=False):
                self._send(
                    Reply(200, "text/html; charset=utf-8", self.server.page, (_csp(PAGE_CSP),))
                )
        elif url.path == "/ontology":
            if self._allowed(needs_token=False):
                self._refuse(301, "see /ontology/", ("Location", "/ontology/"))
        elif url.path.startswith("/ontology/"):
            if self._allowed(needs_token=False):
                self._static(url.path[len("/ontology/") :] or "index.html")
        else:
            self._refuse(404, "not found: try / or /sparql")

    def do_POST(self) -> None:  # noqa: N802
        """A query (or a refused update) as a form or as the request body."""
        if urllib.parse.urlsplit(self.path).path != "/sparql":
            self._refuse(404, "not found: POST queries to /sparql")
            return
        if not self._allowed(needs_token=True):
            return
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            self._refuse(411, "a Content-Length is required")
            return
        if int(length) > MAX_BODY:
            self._refuse(413, f"the request is larger than {MAX_BODY} bytes")
            return
        body = self.rfile.read(int(length))
        media_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            self._refuse(400, "the request body is not UTF-8")
            return
        if media_type == "application/x-www-form-urlencoded":
            self._protocol(text)
        elif media_type == "application/sparql-query":
            self._run(Job(text, self.headers.get("Accept")))
        elif media_type == "application/sparql-update":
            self._run(Job(text, update=True))
        else:
            self._refuse(415, "send application/sparql-query or a form (query=...)")

    def _protocol(self, encoded: str) -> None:
        """Answer the SPARQL protocol's parameters (from the URL or a form)."""
        try:
            fields = urllib.parse.parse_qs(encoded, keep_blank_values=True, max_num_fields=50)
        except ValueError:
            self._refuse(400, "too many parameters")
            return
        if "default-graph-uri" in fields or "named-graph-uri" in fields:
            self._refuse(
                400,
                "default-graph-uri and named-graph-uri are refused: the default "
                "graph is already the union of all graphs",
            )
        elif "update" in fields:
            self._run(Job(fields["update"][0], update=True))
        elif len(fields.get("query", [])) != 1:
            self._refuse(400, "give exactly one query parameter (see / for a query page)")
        else:
            self._run(Job(fields["query"][0], self.headers.get("Accept")))

    def _run(self, job: Job) -> None:
        if len(job.sparql.encode("utf-8")) > MAX_BODY:
            self._refuse(413, f"the query is larger than {MAX_BODY} bytes")
            return
        self._send(self.server.pool.run(job))

    def _static(self, name: str) -> None:
        """A file of the generated ontology documentation (no sub-folders, no dot files)."""
        folder = self.server.config.docs_dir
        path = folder / name
        if not _STATIC_NAME.fullmatch(name) or path.suffix not in _STATIC_TYPES:
            self._refuse(404, "not found")
        elif not path.is_file():
            hint = " (run 'make docs')" if name == "index.html" else ""
            self._refuse(404, f"no ontology documentation here{hint}")
        else:
            body = path.read_bytes()
            self._send(Reply(200, _STATIC_TYPES[path.suffix], body, (_csp(DOCS_CSP),)))


def _csp(policy: str) -> tuple[str, str]:
    return ("Content-Security-Policy", policy)


def run_server(config: ServeConfig, announce: Callable[[str], None]) -> None:
    """Serve until interrupted (Ctrl-C), then stop the workers."""
    server = SparqlServer(config)
    network = "no network" if server.pool.isolated() else "network not isolated"
    announce(
        f"SPARQL endpoint at {server.url}/sparql, query page at {server.url}/ "
        f"({config.workers} workers, {network}; {config.time_limit:g} s and "
        f"{config.row_cap:,} rows per query; Ctrl-C stops)"
    )
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def _interrupt(signum: int, frame: object) -> None:
    """Treat SIGTERM like Ctrl-C, so the workers are stopped too."""
    raise KeyboardInterrupt
