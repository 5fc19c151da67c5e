"""The benchmark scripts (benchmarks/): they run on a tiny synthetic corpus and write their
sections into a BENCHMARKS.md, each figure beside its target, the rest of the file kept."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_queries import example  # noqa: E402
from common import Row, section, update_section  # noqa: E402

SECTIONS = ("build", "incremental", "queries", "graph-store")


def test_a_section_replaces_its_earlier_version_and_keeps_the_rest(tmp_path: Path) -> None:
    markdown = tmp_path / "BENCHMARKS.md"
    markdown.write_text("# Benchmarks\n\nWritten by hand.\n", encoding="utf-8")
    update_section(markdown, section("build", "Build", "cmd", [Row("speed", "1 words/s")]))
    update_section(markdown, section("queries", "Queries", "cmd", [Row("q", "3 ms")]))
    update_section(markdown, section("build", "Build", "cmd", [Row("speed", "2 words/s")]))
    text = markdown.read_text(encoding="utf-8")
    assert text.startswith("# Benchmarks\n\nWritten by hand.\n")
    assert "2 words/s" in text and "1 words/s" not in text and "3 ms" in text
    assert text.index("<!-- bench:build -->") < text.index("<!-- bench:queries -->")


@pytest.mark.parametrize(
    ("doc", "value"),
    [
        ('the person\'s name, e.g. "Chan Dara" (label or alias)', "Chan Dara"),
        ("the year, e.g. 2017", "2017"),
        ("a name", None),
    ],
)
def test_a_parameter_without_a_value_from_the_store_takes_its_example(
    doc: str, value: str | None
) -> None:
    assert example(doc) == value


@pytest.fixture(scope="module")
def benchmarks(tmp_path_factory: pytest.TempPathFactory) -> str:
    """BENCHMARKS.md as benchmarks/run_all.py writes it for four synthetic documents."""
    folder = tmp_path_factory.mktemp("bench")
    markdown = folder / "BENCHMARKS.md"
    command = [
        sys.executable,
        str(ROOT / "benchmarks" / "run_all.py"),
        "--documents=4",
        f"--corpus={folder / 'corpus'}",
        f"--store={folder / 'store'}",
        f"--markdown={markdown}",
        "--processes=1",
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return markdown.read_text(encoding="utf-8")


@pytest.mark.model
@pytest.mark.parametrize("key", SECTIONS)
def test_every_benchmark_writes_its_section_with_command_machine_and_date(
    benchmarks: str, key: str
) -> None:
    start, end = (
        benchmarks.index(f"<!-- bench:{key} -->"),
        benchmarks.index(f"<!-- /bench:{key} -->"),
    )
    text = benchmarks[start:end]
    assert "Command: `.venv/bin/python benchmarks/" in text and "Machine: " in text
    assert "| figure | value | target | verdict |" in text


@pytest.mark.model
def test_each_figure_with_a_target_gets_a_verdict(benchmarks: str) -> None:
    rows = [line.split(" | ") for line in benchmarks.splitlines() if line.startswith("| ")]
    with_target = [row for row in rows if row[2].strip() and row[0] not in ("| figure", "| ---")]
    assert any("≥ 0.75" in row[2] for row in with_target)
    assert any("≤ 50 ms" in row[2] for row in with_target)
    assert any("≤ 2 s" in row[2] for row in with_target)
    assert all("target" in row[3] for row in with_target)
