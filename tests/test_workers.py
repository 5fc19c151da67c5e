"""Worker processes for builds (kg.workers): results in order, errors surfaced, same graph."""

from __future__ import annotations

import doctest
import os
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg.workers
from kg.pipeline import build
from kg.settings import Settings
from kg.store import KgStore
from kg.workers import AUTO_PROCESS_THRESHOLD, choose_processes, ordered_map

from .fictional import write_corpus


def square(value: int) -> int:
    return value * value


def refuse_three(value: int) -> int:
    if value == 3:
        raise ValueError("three is refused")
    return value


@pytest.mark.parametrize("processes", [1, 2])
def test_results_come_back_in_the_order_the_tasks_were_given(processes: int) -> None:
    assert list(ordered_map(square, range(40), processes, window=2)) == [n * n for n in range(40)]


@pytest.mark.parametrize("processes", [1, 2])
def test_an_error_in_a_task_is_raised_to_the_caller(processes: int) -> None:
    results = ordered_map(refuse_three, range(6), processes)
    assert [next(results) for _ in range(3)] == [0, 1, 2]
    with pytest.raises(ValueError, match="three is refused"):
        next(results)


def test_auto_uses_one_process_for_a_few_documents_and_more_for_many() -> None:
    assert choose_processes(0, AUTO_PROCESS_THRESHOLD) == 1
    assert choose_processes(0, AUTO_PROCESS_THRESHOLD + 1) == min(2, os.cpu_count() or 1)
    assert choose_processes(2, 1) == 2


def test_docstring_examples_hold() -> None:
    results = doctest.testmod(kg.workers)
    assert results.attempted > 0 and results.failed == 0


def _nquads(store: Path) -> list[str]:
    data = KgStore(store, read_only=True).oxigraph.dump(format=ox.RdfFormat.N_QUADS)
    assert data is not None
    return sorted(data.decode().splitlines())


@pytest.mark.model
def test_two_processes_build_the_same_graph_as_one(tmp_path: Path) -> None:
    write_corpus(tmp_path / "corpus", 2, size=12)
    one = build([tmp_path / "corpus"], tmp_path / "one", Settings(n_process=1))
    two = build([tmp_path / "corpus"], tmp_path / "two", Settings(n_process=2))
    assert one.ok and two.ok and len(one.changed) == len(two.changed) == 12
    assert _nquads(tmp_path / "one") == _nquads(tmp_path / "two")
