"""The notebooks in notebooks/: committed clean, and each runs from top to bottom.

Each notebook is executed with nbclient in a kernel of this interpreter (the ``python3``
kernel that ipykernel provides resolves to the running Python), reading the demo corpus
built once for the session; a cell that raises fails the test.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from kg.notebook import STORE_ENV
from tests.conftest import ROOT

NOTEBOOKS = ROOT / "notebooks"
NAMES = (
    "01-build-and-explore.ipynb",
    "02-who-is-connected-to-which-proceedings.ipynb",
    "03-timelines-and-time-slices.ipynb",
)
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"


@pytest.fixture
def kernel_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, demo_store: Path) -> Path:
    """Point the kernel at the session's demo store, draw figures inline, and keep the
    kernel's own files in a temporary folder."""
    monkeypatch.setenv(STORE_ENV, str(demo_store))
    monkeypatch.setenv("MPLBACKEND", INLINE_BACKEND)
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    return demo_store


def execute(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Run every cell in order in a fresh ``python3`` kernel; raise on the first failure."""
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=300,
        startup_timeout=120,
        allow_errors=False,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    return client.execute()


def read(name: str) -> nbformat.NotebookNode:
    return nbformat.read(NOTEBOOKS / name, as_version=4)


def test_the_three_notebooks_are_there() -> None:
    assert sorted(path.name for path in NOTEBOOKS.glob("*.ipynb")) == list(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_committed_clean_and_states_its_question(name: str) -> None:
    notebook = read(name)
    nbformat.validate(notebook)
    first = notebook.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    assert "**Question:" in first.source
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
            tree = ast.parse(cell.source)
            defined = [
                node
                for node in ast.walk(tree)
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
            ]
            assert not defined, f"{name}: a notebook defines no functions or classes"


@pytest.mark.model
@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs_from_top_to_bottom(name: str, kernel_env: Path) -> None:
    notebook = read(name)
    notebook.cells.append(nbformat.v4.new_code_cell("import sys\nprint(sys.prefix)"))
    done = execute(notebook)
    prefix = "".join(output.get("text", "") for output in done.cells[-1].outputs).strip()
    assert prefix == sys.prefix  # the kernel ran this environment's Python
    kinds = {
        key
        for cell in done.cells
        if cell.cell_type == "code"
        for o in cell.outputs
        for key in o.get("data", {})
    }
    assert "image/png" in kinds  # the figures are drawn inline
    assert "text/html" in kinds  # the tables are shown as DataFrames


def test_a_failing_cell_fails_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell("from kg.notebook import library_query"),
        nbformat.v4.new_code_cell("library_query('no-such-query')"),
        nbformat.v4.new_code_cell("print('not reached')"),
    ]
    with pytest.raises(CellExecutionError, match="NotebookError"):
        execute(notebook)
    assert notebook.cells[2].outputs == []
