"""Two builds from scratch of the same corpus export the same bytes, whatever the order the
files are named in and however many worker processes parse them."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

from .fictional import write_corpus


def run(*args: str) -> None:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output


def export(corpus_args: list[str], store: Path, *options: str) -> bytes:
    run("build", *corpus_args, "--store", str(store), *options)
    target = store.with_suffix(".nq")
    run("export", "--format", "nq", "-o", str(target), "--store", str(store))
    return target.read_bytes()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "docs", 2)[0].parent


@pytest.fixture(scope="module")
def first_export(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return export([str(folder)], tmp_path_factory.mktemp("first") / "store")


@pytest.mark.parametrize(
    ("seed", "options"),
    [(1, ()), (2, ()), (3, ("--processes", "2"))],
    ids=["shuffled", "shuffled again", "shuffled, two processes"],
)
def test_file_order_and_processes_do_not_change_the_bytes(
    folder: Path, first_export: bytes, tmp_path: Path, seed: int, options: tuple[str, ...]
) -> None:
    files = sorted(str(path) for path in folder.iterdir())
    random.Random(seed).shuffle(files)
    assert files != sorted(files)
    assert export(files, tmp_path / "store", *options) == first_export
    assert first_export.count(b"\n") > 1000
