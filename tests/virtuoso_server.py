"""A throwaway OpenLink Virtuoso for the tests: installed from Debian's packages when
missing, started on loopback with a database in a temporary folder, stopped afterwards."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = "virtuoso-opensource-7-bin"
BINARIES = ("/usr/bin/virtuoso-t", "/usr/lib/virtuoso-opensource-7/bin/virtuoso-t")
USER, PASSWORD = "dba", "dba"  # the fresh database's administrator; it listens on loopback only

INI = """\
[Database]
DatabaseFile = {folder}/kg.db
ErrorLogFile = {folder}/kg.log
LockFile = {folder}/kg.lck
TransactionFile = {folder}/kg.trx
xa_persistent_file = {folder}/kg.pxa

[TempDatabase]
DatabaseFile = {folder}/kg-temp.db
TransactionFile = {folder}/kg-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DirsAllowed = {folder}

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}

[SPARQL]
ResultSetMaxRows = 1000000
"""


@dataclass(frozen=True)
class Virtuoso:
    """A running server's addresses."""

    base: str

    @property
    def sparql(self) -> str:
        return f"{self.base}/sparql"

    @property
    def sparql_auth(self) -> str:
        """The SPARQL endpoint that takes updates (digest authentication)."""
        return f"{self.base}/sparql-auth"

    @property
    def graph_store(self) -> str:
        """The Graph Store Protocol endpoint (digest authentication)."""
        return f"{self.base}/sparql-graph-crud-auth"


def find_or_install() -> str:
    """The ``virtuoso-t`` binary, installed with apt-get when missing (skip without apt)."""
    found = shutil.which("virtuoso-t") or next((b for b in BINARIES if Path(b).exists()), None)
    if found:
        return found
    if shutil.which("apt-get") is None:
        pytest.skip(f"Virtuoso is not installed and there is no apt-get to install {PACKAGE}")
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update"], ["apt-get", "install", "-y", PACKAGE]):
        done = subprocess.run(command, capture_output=True, text=True, env=environment)
        if done.returncode != 0:
            pytest.fail(f"{' '.join(command)} failed: {(done.stderr or done.stdout).strip()}")
    found = next((b for b in BINARIES if Path(b).exists()), None)
    if found is None:
        pytest.fail(f"{PACKAGE} is installed but virtuoso-t is not in {BINARIES}")
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _answers(url: str) -> bool:
    query = urllib.parse.urlencode({"query": "ASK {}"})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(f"{url}?{query}", timeout=5) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


@contextmanager
def running_virtuoso(folder: Path) -> Iterator[Virtuoso]:
    """Start Virtuoso in the foreground with its database in ``folder``; stop it after."""
    binary = find_or_install()
    http_port = _free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(INI.format(folder=folder, sql_port=_free_port(), http_port=http_port))
    log = (folder / "stdout.log").open("wb")
    process = subprocess.Popen(
        [binary, "+foreground", "+configfile", str(ini)],
        cwd=folder,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    server = Virtuoso(f"http://127.0.0.1:{http_port}")
    try:
        deadline = time.monotonic() + 60
        while not _answers(server.sparql):
            if process.poll() is not None or time.monotonic() > deadline:
                log.flush()
                output = (folder / "stdout.log").read_text(errors="replace")[-2000:]
                pytest.fail(f"Virtuoso did not start: {output}")
            time.sleep(0.2)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
        shutil.rmtree(folder, ignore_errors=True)
