"""Shared fixtures: paths to the project's own demo corpus and gold, and a built store."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
GOLD = ROOT / "data" / "gold"


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus built once, with the real spaCy model, for the whole session."""
    store = tmp_path_factory.mktemp("demo") / "store"
    result = CliRunner().invoke(main, ["build", str(CORPUS), "--store", str(store)])
    assert result.exit_code == 0, result.output
    return store
