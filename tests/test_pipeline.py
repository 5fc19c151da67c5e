"""Incremental builds: unchanged documents are left alone, a bad one does not stop the rest."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.store import KgStore

FICTIONAL = {
    "a.txt": (
        "Opposition Activist Arrested\n\nMarch 3, 2021\n\n"
        "Police arrested Chan Dara, a member of the Party of Imaginary Progress, "
        "in the town of Exampleville on 2 March 2021.\n"
    ),
    "b.txt": (
        "Court Hearing Postponed\n\nApril 9, 2021\n\n"
        "The Provincial Court of Nowhere postponed the trial of Lim Sovann today.\n"
    ),
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in FICTIONAL.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def build(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", *args])
    return result.exit_code, result.output


def test_rebuild_takes_in_only_what_changed(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    code, out = build(str(corpus), "--store", str(store))
    assert code == 0, out
    assert "2 changed, 0 unchanged, 0 failed" in out
    code, out = build(str(corpus), "--store", str(store))
    assert "0 changed, 2 unchanged" in out
    (corpus / "b.txt").write_text(FICTIONAL["b.txt"] + "\nLim Sovann was released.\n", "utf-8")
    code, out = build(str(corpus), "--store", str(store))
    assert code == 0 and "1 changed, 1 unchanged" in out
    assert set(KgStore(store, read_only=True).document_states()) == {"a.txt", "b.txt"}


def test_a_bad_document_is_reported_and_the_others_are_built(corpus: Path, tmp_path: Path) -> None:
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00junk" * 50)
    store = tmp_path / "store"
    code, out = build(str(corpus), str(tmp_path / "missing-folder"), "--store", str(store))
    assert code == 1
    failures = [line for line in out.splitlines() if line.startswith("failed:")]
    assert len(failures) == 2
    assert any("broken.txt" in line for line in failures)
    assert any("missing-folder" in line for line in failures)
    assert "Traceback" not in out
    assert set(KgStore(store, read_only=True).document_states()) == {"a.txt", "b.txt"}


def test_build_without_paths_is_a_usage_error(tmp_path: Path) -> None:
    code, out = build("--store", str(tmp_path / "s"))
    assert code == 2 and "name at least one file or folder" in out
