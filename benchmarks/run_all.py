"""Every benchmark of issue 9 in one command, its figures written into BENCHMARKS.md.

    .venv/bin/python benchmarks/run_all.py

Generates the 10,000-document synthetic corpus when it is missing (``benchmarks/synth.py``,
seed 0, into ``build/synth/10k``), then runs, each in its own process: the build
throughput and memory (``bench_build.py``, whose last build, with ``--processes 2``, is the
full measured build and is kept as the store of the others), the incremental builds
(``bench_incremental.py``), the query library (``bench_queries.py``) and the graph analysis
(``bench_graph.py --store``).  After each, its section of BENCHMARKS.md (between
``<!-- bench:NAME -->`` markers) is replaced; the rest of the file is kept.  Run it on a
quiet machine and without changing kg's code meanwhile: the store is only valid for the
code that built it.  ``--documents 300 --markdown /tmp/b.md`` tries it out in minutes.
"""

from __future__ import annotations

import argparse
import datetime
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, update_section  # noqa: E402
from synth import write_corpus  # noqa: E402

HERE = Path(__file__).resolve().parent


def _corpus(folder: Path, documents: int) -> None:
    """Write the synthetic corpus unless ``folder`` already holds its ``documents`` files."""
    present = sum(1 for _ in folder.glob("synth_*")) if folder.is_dir() else 0
    if present == documents:
        return
    if present:
        raise SystemExit(f"{folder} holds {present} documents, not {documents}: remove it first")
    print(f"writing {documents} synthetic documents into {folder}", file=sys.stderr, flush=True)
    write_corpus(documents, folder, folder.with_name(folder.name + "-gold"))


def _shown(path: Path) -> str:
    """The path as the sections show it: relative to the project when inside it."""
    path = path.resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _run(script: str, *args: str) -> str:
    """Run one benchmark script; return the Markdown section it printed."""
    command = [sys.executable, str(HERE / script), *args]
    print(f"\n$ {' '.join(command)}", file=sys.stderr, flush=True)
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False, cwd=ROOT)
    if done.returncode:
        raise SystemExit(f"{script} failed (exit {done.returncode})")
    return done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--corpus", type=Path, help="default: build/synth/10k (for 10,000)")
    parser.add_argument("--store", type=Path, help="default: build/bench/store-CORPUS")
    parser.add_argument("--processes", nargs="+", default=["1", "2"], choices=["1", "2"])
    parser.add_argument("--markdown", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--rdflib-limit", default="30", help="seconds per rdflib run")
    options = parser.parse_args()
    documents = options.documents
    name = f"{documents // 1000}k" if documents % 1000 == 0 else str(documents)
    corpus = options.corpus or ROOT / "build" / "synth" / name
    store = options.store or ROOT / "build" / "bench" / f"store-{corpus.name}"
    store.parent.mkdir(parents=True, exist_ok=True)
    _corpus(corpus, documents)
    folder, kept = _shown(corpus), _shown(store)
    steps = [
        ("bench_build.py", folder, "--processes", *options.processes, "--keep-store", kept),
        ("bench_incremental.py", folder, "--store", kept),
        ("bench_queries.py", "--store", kept, "--rdflib-limit", options.rdflib_limit),
        ("bench_graph.py", "--store", kept),
    ]
    update_section(options.markdown, _status(f"being measured by a run on {folder} (started"))
    for script, *args in steps:
        update_section(options.markdown, _run(script, *args))
        print(f"updated {options.markdown}", file=sys.stderr, flush=True)
    update_section(options.markdown, _status(f"measured by one run on {folder} (finished"))


def _status(what: str) -> str:
    """The line above the sections saying which run wrote them."""
    today = datetime.date.today().isoformat()
    line = f"The sections below were {what} {today}) of `benchmarks/run_all.py`."
    return f"<!-- bench:status -->\n{line}\n<!-- /bench:status -->\n"


if __name__ == "__main__":
    main()
