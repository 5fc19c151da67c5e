"""The ``kg`` command line: thin commands over library calls.

Library code raises :class:`~kg.errors.KgError`; here each becomes a one-line message and a
non-zero exit status.  ``--debug`` shows the full traceback instead.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from kg.errors import KgError
from kg.settings import DEFAULT_STORE, Settings

__all__ = ["main"]

F = TypeVar("F", bound=Callable[..., Any])

store_option = click.option(
    "--store",
    "store_path",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_STORE,
    show_default=True,
    help="The store's folder.",
)


def one_line_errors(func: F) -> F:
    """Turn library errors into one-line messages (unless --debug)."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KgError as exc:
            if click.get_current_context().find_root().params.get("debug"):
                raise
            raise click.ClickException(str(exc)) from exc

    return wrapper  # type: ignore[return-value]


def _open_read_only(store_path: Path) -> Any:
    from kg.store import KgStore

    return KgStore(store_path, read_only=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show full tracebacks.")
@click.version_option(package_name="legal-events-kg")
def main(debug: bool) -> None:
    """Build and query a knowledge graph of legal events from documents."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@store_option
@click.option(
    "--processes",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="spaCy worker processes.",
)
@one_line_errors
def build(paths: tuple[Path, ...], store_path: Path, processes: int) -> None:
    """Read documents (files or folders: .txt, .html, .md) into the store.

    Run again, it takes in what changed and leaves the rest.  Exits 1 when any document
    could not be read; the others are still built.
    """
    from kg.pipeline import build as run_build

    if not paths:
        raise click.UsageError("name at least one file or folder to read")
    debug = bool(click.get_current_context().find_root().params.get("debug"))
    report = run_build(list(paths), store_path, Settings(n_process=processes), debug=debug)
    for error in report.failed:
        click.echo(f"failed: {error}", err=True)
    click.echo(report.summary())
    if not report.ok:
        sys.exit(1)


@main.command()
@click.argument("sparql", required=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json", "tsv"]),
    default="table",
    show_default=True,
)
@store_option
@one_line_errors
def query(sparql: str | None, fmt: str, store_path: Path) -> None:
    """Run a SPARQL 1.1 query (text, a .rq file, or standard input).

    The default graph is the union of all named graphs, so no GRAPH clause is needed; the
    prefixes lek:, res:, rdfs:, skos:, prov:, dcterms: and xsd: are predeclared.
    """
    from kg.query import format_results, read_query_text, run_query

    text = read_query_text(sparql) if sparql else sys.stdin.read()
    if not text.strip():
        raise click.UsageError("give a SPARQL query, a .rq file, or a query on standard input")
    result = run_query(_open_read_only(store_path), text)
    sys.stdout.buffer.write(format_results(result, fmt))


@main.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["trig", "nq", "ttl", "jsonld"]),
    default="trig",
    show_default=True,
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (default: standard output).",
)
@store_option
@one_line_errors
def export(fmt: str, output: Path | None, store_path: Path) -> None:
    """Write the whole graph as TriG, N-Quads, Turtle (union of graphs) or JSON-LD."""
    import pyoxigraph as ox

    store = _open_read_only(store_path)
    formats = {
        "trig": ox.RdfFormat.TRIG,
        "ttl": ox.RdfFormat.TURTLE,
        "jsonld": ox.RdfFormat.JSON_LD,
    }
    target = output.open("wb") if output else sys.stdout.buffer
    try:
        if fmt == "nq":
            store.dump_sorted_nquads(target)
        else:
            store.dump(target, formats[fmt])
    finally:
        if output:
            target.close()


@main.command(name="eval")
@click.option(
    "--gold",
    "gold_dir",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of gold annotation files.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--quiet", is_flag=True, help="Only the summary table, not the per-document lists.")
@store_option
@one_line_errors
def evaluate(gold_dir: Path, as_json: bool, quiet: bool, store_path: Path) -> None:
    """Score the store against gold annotations: precision, recall and F1."""
    from kg.eval import evaluate as run_eval
    from kg.eval import format_report

    report = run_eval(_open_read_only(store_path).oxigraph, gold_dir)
    click.echo(report.to_json() if as_json else format_report(report, verbose=not quiet))


@main.command()
@store_option
@one_line_errors
def validate(store_path: Path) -> None:
    """Check the graph against the SHACL shapes; exits 1 when it does not conform."""
    from kg.validate import validate_store

    result = validate_store(_open_read_only(store_path))
    click.echo(result.text)
    if not result.conforms:
        sys.exit(1)


@main.command()
@store_option
@one_line_errors
def stats(store_path: Path) -> None:
    """Count the graph's nodes by class."""
    from kg.query import format_results, run_query

    result = run_query(
        _open_read_only(store_path),
        """SELECT ?class (COUNT(DISTINCT ?node) AS ?count) WHERE {
             ?node a ?class . FILTER(STRSTARTS(STR(?class), STR(lek:)))
             FILTER(STRSTARTS(STR(?node), STR(res:)))
           } GROUP BY ?class ORDER BY DESC(?count) ?class""",
    )
    sys.stdout.buffer.write(format_results(result, "table"))
