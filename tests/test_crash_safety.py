"""`kg build` killed with SIGKILL at random moments: the store always opens and holds, for
every document, its old graph or its new one (in fact the whole old store or the whole new
one), and the next build finishes the job and clears what the killed one left."""

from __future__ import annotations

import contextlib
import io
import os
import random
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
from click.testing import CliRunner

from kg.cli import main
from kg.store import KgStore

from .fictional import write_corpus

SEED = 1789
KILLS = 8
SOURCE_PATH = "> <https://w3id.org/legal-events-kg/ontology#sourcePath> "  # as a predicate
KG = [sys.executable, "-c", "from kg.cli import main; main()"]


def snapshot(store: Path) -> bytes:
    """The store's N-Quads, sorted: equal stores give equal bytes."""
    kg_store = KgStore(store, read_only=True)
    buffer = io.BytesIO()
    kg_store.dump_sorted_nquads(buffer)
    kg_store.close()
    return buffer.getvalue()


def graphs(nquads: bytes) -> dict[str, set[str]]:
    """Each named graph's quads, as text."""
    by_graph: dict[str, set[str]] = defaultdict(set)
    for quad in ox.parse(nquads, format=ox.RdfFormat.N_QUADS):
        by_graph[str(quad.graph_name)].add(str(quad))
    return by_graph


def differences(found: bytes, reference: dict[int, bytes]) -> dict[int, list[str]]:
    """A few of the lines by which a store differs from each reference, for the message."""
    lines = set(found.decode().splitlines())
    return {
        version: sorted(lines.symmetric_difference(expected.decode().splitlines()))[:6]
        for version, expected in reference.items()
    }


def timed_build(corpus: Path, store: Path) -> tuple[float, float]:
    """Run a whole build in a subprocess; return when it began writing and when it ended."""
    started = time.monotonic()
    process = subprocess.Popen([*KG, "build", str(corpus), "--store", str(store)])
    writing = None
    while process.poll() is None:
        if writing is None and (store / "work").exists():
            writing = time.monotonic() - started
        time.sleep(0.005)
    assert process.returncode == 0
    ended = time.monotonic() - started
    return writing or ended, ended


def kill_build(corpus: Path, store: Path, delay: float, after_writing_starts: bool) -> None:
    """Start a build and SIGKILL it ``delay`` seconds after it starts (or starts writing)."""
    process = subprocess.Popen(
        [*KG, "build", str(corpus), "--store", str(store)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    while after_writing_starts and process.poll() is None and not (store / "work").exists():
        time.sleep(0.002)
    time.sleep(delay)
    with contextlib.suppress(ProcessLookupError):  # the build may have finished first
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def count_documents(store: Path) -> int:
    result = CliRunner().invoke(
        main,
        ["query", "--format", "csv", "--store", str(store),
         "SELECT (COUNT(?d) AS ?n) WHERE { ?d dcterms:identifier ?id }"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return int(result.output.split()[1])


def test_a_killed_build_leaves_the_old_store_or_the_new_one(tmp_path: Path) -> None:
    folders = {1: tmp_path / "v1", 2: tmp_path / "v2"}
    for version, folder in folders.items():
        write_corpus(folder, version)
    reference: dict[int, bytes] = {}
    windows = []
    for version, folder in folders.items():
        windows.append(timed_build(folder, tmp_path / f"reference-{version}"))
        reference[version] = snapshot(tmp_path / f"reference-{version}")
    old_graphs, new_graphs = graphs(reference[1]), graphs(reference[2])
    documents = [g for g, quads in old_graphs.items() if any(SOURCE_PATH in q for q in quads)]
    assert len(documents) == 12
    assert all(old_graphs[g] != new_graphs[g] for g in documents)

    store = tmp_path / "store"
    first = CliRunner().invoke(main, ["build", str(folders[1]), "--store", str(store)])
    assert first.exit_code == 0, first.output
    state = 1
    rng = random.Random(SEED)
    longest = max(ended for _, ended in windows)
    writing = max(ended - began for began, ended in windows)
    for kill in range(KILLS):
        target = 3 - state
        after_writing_starts = kill % 2 == 1
        delay = rng.uniform(0, writing if after_writing_starts else longest)
        kill_build(folders[target], store, delay, after_writing_starts)

        now = snapshot(store)
        assert now in (reference[state], reference[target]), (
            kill,
            delay,
            differences(now, reference),
        )
        now_graphs = graphs(now)
        for graph in documents:
            assert now_graphs[graph] in (old_graphs[graph], new_graphs[graph])
        assert count_documents(store) == 12
        state = target if now == reference[target] else state

    finish = CliRunner().invoke(main, ["build", str(folders[3 - state]), "--store", str(store)])
    assert finish.exit_code == 0, finish.output
    assert snapshot(store) == reference[3 - state]
    assert not (store / "work").exists()
    assert [p.name for p in (store / "versions").iterdir() if p.is_dir()] == [
        os.readlink(store / "current").rsplit("/", 1)[-1]
    ]
