"""Progress bars (kg.progress): drawn on a terminal, silent when the output is captured."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import kg.progress
from kg.cli import main

from .fictional import write_corpus

pytestmark = pytest.mark.model

#: What a drawn bar leaves in the output: its fill, its percentage, a carriage return.
BAR_MARKS = ("#", "%", "\r", "[")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Three fictional articles and the store built from them."""
    folder = tmp_path_factory.mktemp("progress")
    write_corpus(folder / "corpus", 1, size=3)
    store = folder / "store"
    result = CliRunner().invoke(main, ["build", str(folder / "corpus"), "--store", str(store)])
    assert result.exit_code == 0, result.output
    return folder / "corpus", store


def _run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result


def _commands(corpus: Path, store: Path, tmp_path: Path) -> list[list[str]]:
    return [
        ["build", str(corpus), "--store", str(tmp_path / "fresh")],
        ["analyze", "centrality", "--store", str(store)],
        ["export", "--format", "graphml", "--store", str(store), "-o", str(tmp_path / "g.xml")],
        ["export", "--format", "nq", "--store", str(store), "-o", str(tmp_path / "all.nq")],
    ]


def test_no_bar_is_drawn_when_the_output_is_not_a_terminal(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    corpus, store = built
    for command in _commands(corpus, store, tmp_path):
        result = _run(*command)
        assert "building" not in result.stderr and "analyze" not in result.stderr
        assert not any(mark in result.stderr for mark in BAR_MARKS), command
    summary = _run("build", str(corpus), "--store", str(tmp_path / "fresh")).output
    assert summary.strip() == summary.strip().splitlines()[-1]  # one line: the summary


def test_a_terminal_gets_a_bar_labelled_with_the_command(
    built: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kg.progress, "is_terminal", lambda: True)
    corpus, store = built
    labels = ("building", "analyze", "export", "export")
    for command, label in zip(_commands(corpus, store, tmp_path), labels, strict=True):
        assert label in _run(*command).stderr, command


def test_a_build_reports_each_document_to_the_progress_callback(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    from kg.pipeline import build
    from kg.settings import Settings

    corpus, _ = built
    seen: list[tuple[str, int, int]] = []
    build([corpus], tmp_path / "store", Settings(), progress=lambda *a: seen.append(a))
    assert [(done, total) for _, done, total in seen] == [(1, 3), (2, 3), (3, 3)]
    assert sorted(path for path, _, _ in seen) == [p.name for p in sorted(corpus.iterdir())]
