"""Incremental builds on a big store: nothing changed, and one document added.

    .venv/bin/python benchmarks/bench_incremental.py build/synth/10k --store build/bench/store-10k

Three ``kg build`` runs, each timed from start to exit: the whole corpus again, unchanged,
against the full build's time (``--full-seconds``, else the ``STORE.json`` that
``bench_build.py --keep-store`` wrote, else measured here first when the store does not
exist); one new synthetic document named alone (``kg build new.md``) into a copy of the
store; and the corpus folder with that one new document in it, into another copy.  The
store itself is left as it was.  Prints the Markdown section for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Row, Run, kg_command, run_measured, section, verdict  # noqa: E402
from synth import generate  # noqa: E402
from synth_world import make_world  # noqa: E402

UNCHANGED_TARGET = 0.02
ADD_ONE_TARGET = 2.0


def _build(*args: str) -> Run:
    run = run_measured(kg_command("build", *args))
    if run.returncode:
        raise SystemExit(run.output)
    print(f"{run.seconds:.2f} s: {run.output.strip().splitlines()[-1]}", file=sys.stderr)
    return run


def _full_seconds(store: Path, given: float | None) -> float | None:
    if given is not None:
        return given
    figures = store.with_name(store.name + ".json")
    if figures.exists():
        return float(json.loads(figures.read_text())["seconds"])
    return None


def measure(folder: Path, store: Path, full: float | None, seed: int) -> list[Row]:
    """Time the three incremental builds; return the table's rows."""
    full = _full_seconds(store, full)
    if not (store / "current").exists():
        full = _build(str(folder), "--store", str(store)).seconds
    if full is None:
        raise SystemExit(f"give --full-seconds: no {store.name}.json beside the store")
    count = sum(1 for path in folder.iterdir() if path.is_file())
    unchanged = _build(str(folder), "--store", str(store))
    if " 0 changed," not in unchanged.output:
        raise SystemExit(f"{store} was built by another version of kg: build it again")
    rows = [
        Row("full build (the store's)", f"{full:,.0f} s"),
        Row(
            f"unchanged rebuild of the {count:,} documents",
            f"{unchanged.seconds:.2f} s = {unchanged.seconds / full:.2%} of the full build",
            f"≤ {UNCHANGED_TARGET:.0%}",
            verdict(unchanged.seconds / full <= UNCHANGED_TARGET),
        ),
    ]
    document = generate(count, make_world(seed), seed)
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as scratch:
        work = Path(scratch)
        new = work / "new" / document.file_name
        new.parent.mkdir()
        new.write_text(document.content, encoding="utf-8")
        alone = work / "store-alone"
        shutil.copytree(store, alone, symlinks=True)
        run = _build(str(new), "--store", str(alone))
        rows.append(_added_row(f"one document added: `kg build {new.name}`", run))
        shutil.rmtree(alone)
        corpus = work / "corpus"
        corpus.mkdir()
        for path in folder.iterdir():
            os.link(path, corpus / path.name)
        os.link(new, corpus / new.name)
        whole = work / "store-whole"
        shutil.copytree(store, whole, symlinks=True)
        run = _build(str(corpus), "--store", str(whole))
        label = f"one document added to the folder: `kg build` of all {count + 1:,}"
        rows.append(_added_row(label, run))
    return rows


def _added_row(figure: str, run: Run) -> Row:
    """The row of a build that added one document, against the ≤ 2 s target."""
    seconds = f"{run.seconds:.2f} s"
    return Row(figure, seconds, f"≤ {ADD_ONE_TARGET:.0f} s", verdict(run.seconds <= ADD_ONE_TARGET))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a corpus written by benchmarks/synth.py")
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--full-seconds", type=float, help="the full build's time, if known")
    parser.add_argument("--seed", type=int, default=0, help="the corpus's seed")
    options = parser.parse_args()
    rows = measure(options.folder, options.store, options.full_seconds, options.seed)
    command = (
        f".venv/bin/python benchmarks/bench_incremental.py {options.folder} --store {options.store}"
    )
    notes = (
        "Each time is the whole `kg build` command, from start to exit: start-up, reading "
        "and hashing every named file, the store's working copy, publishing."
    )
    print(section("incremental", "Incremental builds", command, rows, notes))


if __name__ == "__main__":
    main()
