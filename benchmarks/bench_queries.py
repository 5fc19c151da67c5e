"""The query library (queries/*.rq) on a built store, against rdflib's in-memory store.

    .venv/bin/python benchmarks/bench_queries.py --store build/bench/store-10k

Each query's ``@param`` declarations are bound with :func:`kg.params.bind_params` to values
read from the store (the person, court, article... with the most events, so the answers are
not empty; a parameter of another name takes the example its declaration gives).  Every
``queries/*.rq`` file there at the time of the run is run ``--runs`` times on the embedded
store (as ``kg query`` runs it, rows read to the end) after one warm-up run.  The same
bound queries then run on an rdflib ``Dataset`` (the union of the named graphs as its
default graph) loaded from the store's N-Quads export in the same process; a run that
passes ``--rdflib-limit`` seconds is stopped and reported as over it.  Progress goes to
standard error; the Markdown section for BENCHMARKS.md (medians, rdflib's time over kg's,
the rows each engine gave) to standard output.
"""

from __future__ import annotations

import argparse
import io
import multiprocessing
import re
import signal
import statistics
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from types import FrameType

import pyoxigraph as ox
from rdflib import Dataset

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Row, section, verdict  # noqa: E402

from kg.params import bind_params, declared_params  # noqa: E402
from kg.query import run_query  # noqa: E402
from kg.store import KgStore  # noqa: E402

QUERIES = Path(__file__).resolve().parent.parent / "queries"
TARGET_MS = 50.0

_PICK = """
PREFIX lek: <https://w3id.org/legal-events-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?value (COUNT(*) AS ?n) WHERE {{ {pattern} }} GROUP BY ?value ORDER BY DESC(?n) ?value
LIMIT 1"""
#: For each parameter name: the graph pattern whose most frequent ?value is bound.
PATTERNS = {
    "person": "?e lek:subject ?value FILTER EXISTS { ?value a lek:Person }",
    "court": "?e lek:agent ?value FILTER EXISTS { ?value a lek:Court }",
    "facility": "?e lek:place ?value FILTER EXISTS { ?value a lek:Facility }",
    "organization": "?m lek:organization ?value",
    "article": "?e lek:provision ?value",
    "offence": "?e lek:charge ?value",
    "proceeding": "?e lek:partOf ?value",
    "year": "?e lek:date ?d BIND(SUBSTR(STR(?d), 1, 4) AS ?value)",
}
#: How a picked node is written as the parameter: its label, its article number.
WORDING = {"article": "lek:article", "offence": "rdfs:label", "proceeding": None, "year": None}


def pick_values(store: KgStore) -> dict[str, str]:
    """A value for every parameter name of the library, from what the store holds most."""
    values = {}
    for name, pattern in PATTERNS.items():
        rows = list(run_query(store, _PICK.format(pattern=pattern)))  # type: ignore[arg-type]
        if not rows:
            continue
        node, wording = rows[0]["value"], WORDING.get(name, "rdfs:label")
        if wording is None:
            values[name] = node.value
            continue
        words = f"SELECT ?w WHERE {{ <{node.value}> {wording} ?w }} LIMIT 1"
        values[name] = next(iter(run_query(store, words)))["w"].value  # type: ignore[call-overload]
    values["name"] = values.get("person", "x").split()[-1].lower()
    values["start"], values["end"] = f"{values.get('year', '2017')}-01-01", ""
    values["end"] = f"{values.get('year', '2017')}-06-30"
    return values


def example(doc: str) -> str | None:
    """The example value a parameter's declaration gives (``e.g. "Chan Dara"``, ``e.g. 2017``)."""
    found = re.search(r'e\.g\. (?:"([^"]*)"|(\S+))', doc)
    return None if found is None else found[1] if found[1] is not None else found[2]


class Overtime(Exception):
    """A run passed its time limit."""


def _alarm(_signal: int, _frame: FrameType | None) -> None:
    raise Overtime


def timed_runs(
    run: Callable[[], int], runs: int, limit: float | None = None
) -> tuple[list[float], int]:
    """Milliseconds of each run and the row count; stops at the first run over ``limit`` s."""
    times, rows = [], 0
    for _ in range(runs):
        if limit:
            signal.setitimer(signal.ITIMER_REAL, limit)
        started = time.perf_counter()
        try:
            rows = run()
        except Exception as exc:  # kg.query wraps the interruption in a QueryError
            if isinstance(exc, Overtime) or isinstance(exc.__cause__, Overtime):
                return [float("inf")], -1
            raise
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        times.append((time.perf_counter() - started) * 1000)
    return times, rows


def _kg_child(path: Path, query: str, runs: int, answer: Connection) -> None:
    store = KgStore(path, read_only=True)

    def run() -> int:
        return len(list(run_query(store, query)))  # type: ignore[arg-type]

    answer.send(timed_runs(run, 1))
    answer.send(timed_runs(run, runs))


def kg_timed(path: Path, query: str, runs: int, limit: float) -> tuple[list[float], int]:
    """Time ``query`` on the store at ``path`` in a child process, as :func:`timed_runs`
    does; the child is stopped when the warm-up takes over ``limit`` s, or the runs over
    ``limit`` s each (Oxigraph does not stop a query for a signal)."""
    receive, send = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(
        target=_kg_child, args=(path, query, runs, send)
    )
    child.start()
    try:
        if receive.poll(limit) and (receive.recv() and receive.poll(limit * runs)):
            return receive.recv()  # type: ignore[no-any-return]
        return [float("inf")], -1
    finally:
        child.kill()
        child.join()


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def bind_all(values: dict[str, str]) -> tuple[dict[str, tuple[str, str]], list[str]]:
    """Each query of the library bound to values (name → query, parameters shown); and the
    queries left out, with why."""
    bound, left_out = {}, []
    for path in sorted(QUERIES.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        wanted = {}
        for name, param in declared_params(text).items():
            value = values.get(name) or example(param.doc)
            if value is None:
                left_out.append(f"{path.stem} (no value for its parameter {name})")
                break
            wanted[name] = value
        else:
            shown = ", ".join(f"{k}={v}" for k, v in wanted.items())
            bound[path.stem] = (bind_params(text, wanted), shown)
    return bound, left_out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--rdflib-runs", type=int, default=3)
    parser.add_argument("--limit", type=float, default=10.0, help="seconds per kg run")
    parser.add_argument("--rdflib-limit", type=float, default=30.0, help="seconds per run")
    parser.add_argument("--skip-rdflib", action="store_true")
    options = parser.parse_args()
    signal.signal(signal.SIGALRM, _alarm)
    store = KgStore(options.store, read_only=True)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    triples = int(next(iter(run_query(store, count)))["n"].value)  # type: ignore[call-overload]
    _say(f"{options.store}: {len(store)} quads, {triples} triples in the union")
    bound, left_out = bind_all(pick_values(store))
    kg_results = {}
    for name, (query, _) in bound.items():
        kg_results[name] = kg_timed(options.store, query, options.runs, options.limit)
        _say(f"{name}: {statistics.median(kg_results[name][0]):.1f} ms")
    rdflib_results: dict[str, tuple[list[float], int]] = {}
    rdflib_failed: dict[str, str] = {}
    loaded = ""
    if not options.skip_rdflib:
        data = io.BytesIO()
        store.dump(data, ox.RdfFormat.N_QUADS)
        started = time.perf_counter()
        dataset = Dataset(default_union=True)
        dataset.parse(data=data.getvalue(), format="nquads")
        seconds = time.perf_counter() - started
        loaded = f"rdflib read the store's N-Quads in {seconds:.0f} s"
        _say(loaded)
        for name, (query, _) in bound.items():
            try:
                rdflib_results[name] = timed_runs(
                    lambda q=query: len(list(dataset.query(q))),
                    options.rdflib_runs,
                    options.rdflib_limit,
                )
            except Exception as exc:  # rdflib cannot run every SPARQL 1.1 query
                rdflib_failed[name] = f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
                _say(f"{name} on rdflib: failed, {rdflib_failed[name]}")
                continue
            _say(f"{name} on rdflib: {statistics.median(rdflib_results[name][0]):.0f} ms")
    size = f"{len(store):,} quads, {triples:,} triples in the union"
    rows = [Row("store", size, "≥ 1M triples", verdict(triples >= 1_000_000))]
    medians = []
    for name, (_, shown) in bound.items():
        times, found = kg_results[name]
        median = statistics.median(times)
        medians.append(median)
        answer = f"{found} row{'' if found == 1 else 's'}" if found >= 0 else "stopped"
        figure = f"`{name}` ({shown}): {answer}" if shown else f"`{name}`: {answer}"
        value = f"{median:.1f} ms" if found >= 0 else f"> {options.limit:.0f} s"
        if name in rdflib_failed:
            value += f"; rdflib failed ({rdflib_failed[name]})"
        if name in rdflib_results:
            r_times, r_rows = rdflib_results[name]
            r_median = statistics.median(r_times)
            if r_median == float("inf"):
                value += f"; rdflib > {options.rdflib_limit:.0f} s"
            else:
                factor = r_median / median
                ratio = f" = {factor:,.{0 if factor >= 10 else 2}f}×" if found >= 0 else ""
                value += f"; rdflib {r_median:,.0f} ms{ratio}"
                if r_rows != found:
                    value += f" ({r_rows} rows)"
        rows.append(Row(figure, value, "≤ 50 ms", verdict(median <= TARGET_MS)))
    rows.append(
        Row(
            "median of the medians; slowest",
            f"{statistics.median(medians):.1f} ms; "
            + (f"{max(medians):.1f} ms" if max(medians) < float("inf") else "stopped"),
            "≤ 50 ms",
            verdict(max(medians) <= TARGET_MS),
        )
    )
    notes = (
        f"Each query's median over {options.runs} runs after one warm-up, rows read to the end; "
        f"rdflib: the same bound query on an in-memory `Dataset` (union default graph), median "
        f"of {options.rdflib_runs} runs, a run over {options.rdflib_limit:.0f} s stopped. "
        + (f"{loaded}. " if loaded else "")
        + (f"Not run: {'; '.join(left_out)}." if left_out else "")
    )
    command = f".venv/bin/python benchmarks/bench_queries.py --store {options.store}"
    print(section("queries", "The query library on the store", command, rows, notes.strip()))


if __name__ == "__main__":
    main()
