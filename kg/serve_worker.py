"""Query workers for ``kg serve``: child processes that can be stopped mid-query.

Oxigraph cannot cancel a running query, so each query runs in a worker process and the
server kills the worker (SIGKILL) when the wall-clock limit passes, then starts a fresh one.
A worker checks the request (:mod:`kg.serve_guard`), opens the store's published snapshot
read-only for that one query (so it always sees the latest build, and a build never waits
for it), runs it and serialises at most ``row_cap`` rows.

On Linux a worker first moves into a network namespace of its own, with no interface up:
even a query that got past the checks could not open a connection.  Where the kernel does
not allow that, the checks alone keep ``SERVICE`` and ``LOAD`` out.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.serve_guard import Refusal, check_query, check_update
from kg.serve_results import negotiate, offered_types, render
from kg.store import PREFIXES, KgStore
from kg.union import query_union

__all__ = ["Job", "Reply", "WorkerPool", "answer", "isolate_network", "text_reply"]

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000

#: How long a new worker may take to start (spawning Python, importing the SPARQL parser).
STARTUP_TIMEOUT = 60.0


@dataclass(frozen=True)
class Job:
    """One request for a worker: the SPARQL text, the Accept header, and query or update."""

    sparql: str
    accept: str | None = None
    update: bool = False


@dataclass(frozen=True)
class Reply:
    """What to answer: an HTTP status, a media type, the body and any extra headers."""

    status: int
    media_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


def text_reply(status: int, message: str) -> Reply:
    """A one-line plain-text answer (errors and refusals)."""
    return Reply(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))


def isolate_network() -> bool:
    """Move this process into a new network namespace with no interface; True if it worked.

    Tries a plain network namespace (needs CAP_SYS_ADMIN), then an unprivileged user
    namespace mapping the same user and group, so files stay readable as before.
    """
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(_CLONE_NEWNET) == 0:
        return True
    uid, gid = os.geteuid(), os.getegid()
    if libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET) != 0:
        return False
    for name, text in (
        ("setgroups", "deny"),
        ("uid_map", f"{uid} {uid} 1"),
        ("gid_map", f"{gid} {gid} 1"),
    ):
        with open(f"/proc/self/{name}", "w") as handle:
            handle.write(text)
    return True


@contextlib.contextmanager
def _open_store(path: Path) -> Iterator[ox.Store]:
    """Open the published store read-only for one query, pinned so no build deletes it."""
    store = KgStore(path, read_only=True)
    try:
        yield store.oxigraph
    finally:
        store.close()


def answer(job: Job, store_path: Path, row_cap: int) -> Reply:
    """Check, run and serialise one request; every failure becomes a one-line reply."""
    try:
        if job.update:
            check_update(job.sparql)
        form = check_query(job.sparql)
        media_type = negotiate(job.accept, offered_types(form))
        if media_type is None:
            offered = ", ".join(offered_types(form))
            return text_reply(406, f"a {form} result can be had as {offered}")
        with _open_store(store_path) as store:
            result = query_union(store, job.sparql, PREFIXES)
            rendered = render(result, media_type, row_cap)
    except Refusal as refusal:
        return text_reply(refusal.status, str(refusal))
    except StoreError as exc:
        return text_reply(503, str(exc))
    except SyntaxError as exc:
        return text_reply(400, "invalid SPARQL: " + (str(exc).splitlines() or ["syntax error"])[0])
    except OSError as exc:
        return text_reply(500, f"the query failed: {exc}")
    headers = [("X-KG-Row-Cap", str(row_cap))]
    if rendered.truncated:
        headers.append(("X-KG-Truncated", "true"))
    content_type = rendered.media_type
    if not content_type.endswith("+xml"):  # XML states its own encoding
        content_type += "; charset=utf-8"
    return Reply(200, content_type, rendered.body, tuple(headers))


def _exit_with_parent(parent: int) -> None:
    """End this worker as soon as the server is gone, even in the middle of a query."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _worker_main(conn: Connection, store_path: str, row_cap: int) -> None:
    """A worker's loop: say whether the network is cut off, then answer jobs until EOF."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()
    try:
        isolated = isolate_network()  # before any thread starts: unshare needs one thread
    except OSError:
        isolated = False
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    conn.send(isolated)
    path = Path(store_path)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(answer(job, path, row_cap))


class _Worker:
    """The server's side of one worker process."""

    def __init__(self, context: multiprocessing.context.SpawnContext, store: Path, cap: int):
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main, args=(child, str(store), cap), daemon=True, name="kg-query"
        )
        self.process.start()
        child.close()
        self.isolated: bool | None = None

    def ready(self) -> bool:
        """Wait for the worker to start (not counted in any query's time); True once it has."""
        if self.isolated is None and self.conn.poll(STARTUP_TIMEOUT):
            self.isolated = bool(self.conn.recv())
        return self.isolated is not None

    def ask(self, job: Job, time_limit: float) -> Reply | None:
        """Send ``job``; return the reply, or None when ``time_limit`` passes first."""
        self.conn.send(job)
        if not self.conn.poll(time_limit):
            return None
        reply = self.conn.recv()
        return reply if isinstance(reply, Reply) else None

    def kill(self) -> None:
        """Stop the process at once, whatever it is doing."""
        if self.process.pid is not None and self.process.is_alive():
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    """A few pre-started workers; a query gets one for at most ``time_limit`` seconds."""

    def __init__(self, store_path: Path, *, size: int, time_limit: float, row_cap: int) -> None:
        self.store_path = store_path
        self.time_limit = time_limit
        self.row_cap = row_cap
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self._workers: list[_Worker] = []
        self._closed = False
        for _ in range(size):
            self._idle.put(self._start())
        if not all(worker.ready() for worker in self._workers):
            self.close()
            raise QueryError("the query workers did not start")

    def _start(self) -> _Worker:
        worker = _Worker(self._context, self.store_path, self.row_cap)
        self._workers = [w for w in self._workers if w.process.is_alive()] + [worker]
        return worker

    def pids(self) -> list[int]:
        """The process ids of the live workers."""
        return [w.process.pid for w in self._workers if w.process.is_alive() and w.process.pid]

    def isolated(self) -> bool:
        """Whether every started worker runs without network."""
        return all(w.isolated for w in self._workers if w.isolated is not None)

    def run(self, job: Job) -> Reply:
        """Answer ``job`` within the time limit, killing the worker if it runs over."""
        try:
            worker = self._idle.get(timeout=self.time_limit)
        except queue.Empty:
            return text_reply(503, "every query worker is busy; try again shortly")
        reply: Reply | None = None
        status, message = 503, f"the query was stopped at the time limit ({self.time_limit:g} s)"
        try:
            if not worker.ready():
                status, message = 500, "a query worker did not start"
            else:
                reply = worker.ask(job, self.time_limit)
        except (EOFError, OSError):
            status, message = 500, "the query worker stopped unexpectedly"
        finally:
            if reply is None:
                worker.kill()
                if not self._closed:
                    worker = self._start()
            self._idle.put(worker)
        return reply if reply is not None else text_reply(status, message)

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        for worker in self._workers:
            worker.kill()
        self._workers = []
