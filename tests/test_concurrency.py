"""A build in progress: a second build is refused at once, queries keep answering."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

from .fictional import write_corpus

KG = [sys.executable, "-c", "from kg.cli import main; main()"]
SENTENCING_TYPE = (
    b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
    b"<https://w3id.org/legal-events-kg/ontology#Sentencing>"
)
SENTENCINGS = "SELECT (COUNT(?e) AS ?n) WHERE { ?e a lek:Sentencing }"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def sentencings(store: Path) -> int:
    code, out = run("query", "--format", "csv", "--store", str(store), SENTENCINGS)
    assert code == 0, out
    return int(out.split()[1])


def lock_is_held(store: Path) -> bool:
    with open(store / "kg-build.lock", "a+") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        return False


@pytest.fixture
def corpora(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A store built from version 1 of the fictional corpus, and the folders of both."""
    old, new, store = tmp_path / "v1", tmp_path / "v2", tmp_path / "store"
    write_corpus(old, 1)
    write_corpus(new, 2)
    code, out = run("build", str(old), "--store", str(store))
    assert code == 0, out
    return old, new, store


def start_build(corpus: Path, store: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [*KG, "build", str(corpus), "--store", str(store)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


@contextmanager
def paused_mid_build(corpus: Path, store: Path) -> Iterator[subprocess.Popen[bytes]]:
    """A build stopped (SIGSTOP) after it took the lock and before it published."""
    published = os.readlink(store / "current")
    for _ in range(5):
        process = start_build(corpus, store)
        while process.poll() is None and not (store / "work").exists():
            time.sleep(0.002)
        os.killpg(process.pid, signal.SIGSTOP)
        if process.poll() is None and os.readlink(store / "current") == published:
            break
        os.killpg(process.pid, signal.SIGKILL)  # caught it too late: try again
        process.wait()
    else:
        pytest.fail("could not catch a build before it published")
    try:
        yield process
    finally:
        os.killpg(process.pid, signal.SIGCONT)
        process.wait(timeout=300)


def test_a_second_build_is_refused_while_one_runs(corpora: tuple[Path, Path, Path]) -> None:
    _, new, store = corpora
    with paused_mid_build(new, store) as first:
        assert lock_is_held(store)
        code, out = run("build", str(new), "--store", str(store))
        assert code == 1
        assert out.strip() == (
            f"Error: another kg build is writing to {store}; wait for it to finish"
        )
    assert first.returncode == 0
    assert sentencings(store) == 12


def test_queries_answer_from_the_old_store_during_a_build(
    corpora: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    _, new, store = corpora
    with paused_mid_build(new, store):
        assert sentencings(store) == 0
        exported = tmp_path / "during.nq"
        code, out = run("export", "--format", "nq", "-o", str(exported), "--store", str(store))
        assert code == 0, out
        assert SENTENCING_TYPE not in exported.read_bytes()
        code, out = run("validate", "--store", str(store))
        assert code == 0, out
    assert sentencings(store) == 12


def test_queries_see_the_old_store_or_the_new_one_while_a_build_runs(
    corpora: tuple[Path, Path, Path],
) -> None:
    old, new, store = corpora
    seen = []
    for corpus in (new, old):
        process = start_build(corpus, store)
        while process.poll() is None:
            seen.append(sentencings(store))
        assert process.returncode == 0
        seen.append(sentencings(store))
    assert set(seen) == {0, 12}
    assert seen[-1] == 0
