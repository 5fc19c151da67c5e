"""Build throughput against its limit, spaCy's own ``nlp.pipe``, and the build's peak memory.

    .venv/bin/python benchmarks/bench_build.py build/synth/10k --processes 1 2

For each process count, in this one run: spaCy alone (the same model, the same texts in the
same pieces and batch size as ``kg build``, timed around ``nlp.pipe`` only, in a fresh
process), then the whole ``kg build`` command into an empty store (timed from start to exit:
start-up, reading, cleaning, parsing, extraction, the store, publishing), its peak memory
sampled meanwhile (PSS summed over the process and its workers).  Progress goes to standard
error; the Markdown section for BENCHMARKS.md to standard output.  ``--keep-store DIR``
keeps the last build's store, with its figures in ``DIR.json`` (for the other benchmarks).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Row, kg_command, parsed_texts, run_measured, section, verdict  # noqa: E402

from kg.settings import Settings  # noqa: E402

#: The whole build's throughput, as a share of spaCy's over the same texts.
SHARE_TARGET = 0.75
#: Peak memory of the 10,000-document build, MiB.
MEMORY_TARGET = 2048


def spacy_alone(folder: Path, n_process: int) -> None:
    """Time ``nlp.pipe`` of the plain model over the folder's texts; print JSON."""
    import spacy

    settings = Settings()
    texts = parsed_texts([folder], settings)
    started = time.perf_counter()
    nlp = spacy.load(settings.spacy_model)
    loaded = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=settings.batch_size, n_process=n_process):
        pass
    piped = time.perf_counter()
    print(json.dumps({"load": loaded - started, "pipe": piped - loaded}))


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def measure(folder: Path, processes: list[str], keep: Path | None) -> list[Row]:
    """Run spaCy alone and ``kg build`` for each process count; return the table's rows."""
    texts = parsed_texts([folder], Settings())
    words = sum(len(text.split()) for text in texts)
    documents = sum(1 for path in folder.iterdir() if path.is_file())
    _say(f"{folder}: {documents} documents, {words} words in {len(texts)} parsed pieces")
    rows = [Row("corpus", f"{documents:,} documents, {words:,} words")]
    for count in processes:
        run = run_measured([sys.executable, __file__, str(folder), "--spacy-alone", count])
        if run.returncode:
            raise SystemExit(run.output)
        limit = words / json.loads(run.output.strip().splitlines()[-1])["pipe"]
        _say(f"spaCy nlp.pipe n_process={count}: {limit:,.0f} words/s")
        rows.append(Row(f"spaCy `nlp.pipe`, n_process={count}", f"{limit:,.0f} words/s"))
        store = Path(tempfile.mkdtemp(prefix="kg-bench-store-"))
        try:
            run = run_measured(
                kg_command("build", str(folder), "--store", str(store), "--processes", count)
            )
            if run.returncode:
                raise SystemExit(run.output)
            rate = words / run.seconds
            summary = run.output.strip().splitlines()[-1]
            _say(f"kg build --processes {count}: {run.seconds:.1f} s, {rate:,.0f} words/s")
            _say(f"  {summary}; peak {run.peak_tree_mib:.0f} MiB")
            rows += [
                Row(
                    f"`kg build --processes {count}`: wall time, throughput",
                    f"{run.seconds:,.1f} s, {rate:,.0f} words/s",
                ),
                Row(
                    f"`kg build --processes {count}` / spaCy n_process={count}",
                    f"{rate / limit:.2f}",
                    f"≥ {SHARE_TARGET}",
                    verdict(rate / limit >= SHARE_TARGET),
                ),
                Row(
                    f"`kg build --processes {count}`: peak memory (PSS, all processes)",
                    f"{run.peak_tree_mib:,.0f} MiB (largest process {run.peak_process_mib:,.0f})",
                    f"≤ {MEMORY_TARGET:,} MiB",
                    verdict(run.peak_tree_mib <= MEMORY_TARGET),
                ),
            ]
            if keep is not None and count == processes[-1]:
                shutil.rmtree(keep, ignore_errors=True)
                shutil.move(store, keep)
                figures = {"seconds": run.seconds, "words": words, "summary": summary}
                keep.with_name(keep.name + ".json").write_text(json.dumps(figures) + "\n")
        finally:
            shutil.rmtree(store, ignore_errors=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--processes", nargs="+", default=["1", "2"], choices=["1", "2"])
    parser.add_argument("--keep-store", type=Path, help="keep the last build's store here")
    parser.add_argument("--spacy-alone", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.spacy_alone:
        spacy_alone(options.folder, options.spacy_alone)
        return
    rows = measure(options.folder, options.processes, options.keep_store)
    command = (
        f".venv/bin/python benchmarks/bench_build.py {options.folder} "
        f"--processes {' '.join(options.processes)}"
    )
    notes = (
        "spaCy is timed around `nlp.pipe` alone (model loaded, texts in memory); `kg build` "
        "from start to exit, into an empty store."
    )
    print(section("build", "Build throughput and memory", command, rows, notes))


if __name__ == "__main__":
    main()
