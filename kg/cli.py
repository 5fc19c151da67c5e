"""The ``kg`` command line: thin commands over library calls.

Library code raises :class:`~kg.errors.KgError`; here each becomes a one-line message and a
non-zero exit status.  ``--debug`` shows the full traceback instead.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial, wraps
from pathlib import Path
from typing import Any, TypeVar

import click
from click.core import ParameterSource

from kg.cli_curate import curate, default_curation_file
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
    """Turn library errors, and any unexpected one, into one-line messages (unless --debug)."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KgError as exc:
            if click.get_current_context().find_root().params.get("debug"):
                raise
            raise click.ClickException(str(exc)) from exc
        except Exception as exc:  # a bug or an OS failure: still one line, unless --debug
            if click.get_current_context().find_root().params.get("debug"):
                raise
            first_line = next(iter(str(exc).splitlines()), "")
            raise click.ClickException(
                f"unexpected error: {type(exc).__name__}: {first_line} "
                "(run 'kg --debug ...' to see the traceback)"
            ) from exc

    return wrapper  # type: ignore[return-value]


def endpoint_options(*, writes: bool) -> Callable[[F], F]:
    """--endpoint URL (a SPARQL 1.1 server instead of --store), --user and --password, and
    for a build where to write; the command receives them as one ``endpoint`` argument
    (a :class:`kg.remote.Endpoint`, or None without --endpoint)."""
    names = ("endpoint_url", "update_url", "gsp_url", "user", "password")
    options = [
        click.option(
            "--endpoint",
            "endpoint_url",
            metavar="URL",
            help="A SPARQL server's query address, used instead of --store.",
        ),
        click.option(
            "--user",
            envvar="KG_ENDPOINT_USER",
            show_envvar=True,
            help="User for the server's basic or digest authentication.",
        ),
        click.option(
            "--password",
            envvar="KG_ENDPOINT_PASSWORD",
            show_envvar=True,
            help="Its password (better in the environment than on the command line).",
        ),
    ]
    if writes:
        options[1:1] = [
            click.option(
                "--update-endpoint",
                "update_url",
                metavar="URL",
                help="Where the server takes SPARQL Update (default: --endpoint).",
            ),
            click.option(
                "--gsp-endpoint",
                "gsp_url",
                metavar="URL",
                help="Its Graph Store Protocol address: each graph is then replaced with one PUT.",
            ),
        ]

    def decorate(func: F) -> F:
        @wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            url, update_url, gsp_url, user, password = (kwargs.pop(n, None) for n in names)
            kwargs["endpoint"] = None
            context = click.get_current_context()
            if url is None and (update_url or gsp_url):
                raise click.UsageError("--update-endpoint and --gsp-endpoint need --endpoint")
            if url is not None:
                if context.get_parameter_source("store_path") == ParameterSource.COMMANDLINE:
                    raise click.UsageError("give --store or --endpoint, not both")
                from kg.remote import Endpoint

                kwargs["endpoint"] = Endpoint(url, update_url, gsp_url, user, password)
            return func(*args, **kwargs)

        for option in reversed(options):
            wrapper = option(wrapper)
        return wrapper  # type: ignore[return-value]

    return decorate


def _open_read_only(store_path: Path) -> Any:
    from kg.store import KgStore

    return KgStore(store_path, read_only=True)


def _remote(endpoint: Any) -> Any:
    from kg.remote import RemoteStore

    return RemoteStore(endpoint)


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
    type=click.Choice(["auto", *map(str, range(1, 17))]),
    default="auto",
    show_default=True,
    help="Processes that parse and extract; auto: 2 when over 50 documents changed, else 1.",
)
@click.option(
    "--curation",
    "curation_file",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="KG_CURATION",
    show_envvar=True,
    help="Researchers' corrections (default: ./curation.toml or ./data/curation.toml if present).",
)
@one_line_errors
@endpoint_options(writes=True)
def build(
    paths: tuple[Path, ...],
    store_path: Path,
    processes: str,
    curation_file: Path | None,
    endpoint: Any,
) -> None:
    """Read documents (files or folders: .txt, .html, .md) into the store.

    Run again, it takes in what changed and leaves the rest.  Exits 1 when any document
    could not be read; the others are still built.  A progress bar is drawn on standard
    error when it is a terminal.  With --endpoint the graph goes to a SPARQL 1.1 server,
    each document's named graph replaced on its own.
    """
    from kg.pipeline import build as run_build
    from kg.progress import build_progress

    if not paths:
        raise click.UsageError("name at least one file or folder to read")
    debug = bool(click.get_current_context().find_root().params.get("debug"))
    settings = Settings(
        n_process=0 if processes == "auto" else int(processes),
        curation_file=curation_file or default_curation_file(),
    )
    with build_progress() as progress:
        target = _remote(endpoint) if endpoint else store_path
        report = run_build(list(paths), target, settings, debug=debug, progress=progress)
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
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind a parameter the query declares (# @param lines); repeatable.",
)
@store_option
@one_line_errors
@endpoint_options(writes=False)
def query(
    sparql: str | None, fmt: str, params: tuple[str, ...], store_path: Path, endpoint: Any
) -> None:
    """Run a SPARQL 1.1 query (text, a .rq file, or standard input).

    The default graph is the union of all named graphs, so no GRAPH clause is needed; the
    prefixes lek:, res:, rdfs:, skos:, prov:, dcterms: and xsd: are predeclared.  A query
    from the library (queries/*.rq) takes its parameters as --param NAME=VALUE, bound as
    typed SPARQL terms, never pasted into the text.  With --endpoint the query runs on a
    SPARQL 1.1 server, whose default graph must be the union of its named graphs.
    """
    from kg.params import bind_params, parse_param_options
    from kg.query import format_results, read_query_text, run_query

    text = read_query_text(sparql) if sparql else sys.stdin.read()
    if not text.strip():
        raise click.UsageError("give a SPARQL query, a .rq file, or a query on standard input")
    text = bind_params(text, parse_param_options(params))
    store = _remote(endpoint) if endpoint else _open_read_only(store_path)
    result = run_query(store, text)
    sys.stdout.buffer.write(format_results(result, fmt))


def projection_options(func: F) -> F:
    """The options of the graph commands: which NetworkX projection, cut to which period."""
    options = (
        click.option(
            "--projection",
            type=click.Choice(["full", "bipartite", "coinvolvement"]),
            default="full",
            show_default=True,
            help="The typed graph, actors–proceedings, or actors linked by shared events.",
        ),
        click.option("--from", "start", metavar="DATE", help="Only events from DATE (2017-09)."),
        click.option("--to", "end", metavar="DATE", help="Only events up to DATE (2016)."),
    )
    for option in reversed(options):
        func = option(func)
    return func


@main.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["trig", "nq", "ttl", "jsonld", "graphml", "gexf"]),
    default="trig",
    show_default=True,
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (default: standard output).",
)
@projection_options
@store_option
@one_line_errors
def export(
    fmt: str,
    output: Path | None,
    projection: str,
    start: str | None,
    end: str | None,
    store_path: Path,
) -> None:
    """Write the whole graph as TriG, N-Quads, Turtle (union of graphs) or JSON-LD, or a
    NetworkX projection as GraphML or GEXF (--projection, --from and --to apply to these)."""
    import pyoxigraph as ox

    if fmt not in ("graphml", "gexf") and (start or end or projection != "full"):
        raise click.UsageError("--projection, --from and --to apply to graphml and gexf only")
    store = _open_read_only(store_path)
    formats = {
        "trig": ox.RdfFormat.TRIG,
        "ttl": ox.RdfFormat.TURTLE,
        "jsonld": ox.RdfFormat.JSON_LD,
    }
    from kg.progress import steps

    graphic = fmt in ("graphml", "gexf")
    target = output.open("wb") if output else sys.stdout.buffer
    names = ("reading the graph", f"writing {fmt}") if graphic else (f"writing {fmt}",)
    try:
        with steps("export", names) as advance:
            advance()
            if graphic:
                from kg.graph import load_projection
                from kg.graph_export import write_graph

                graph = load_projection(store, projection, start, end)
                advance()
                write_graph(graph, target, fmt)
            elif fmt == "nq":
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


@main.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="The IP address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--token",
    envvar="KG_SERVE_TOKEN",
    show_envvar=True,
    help="Bearer token every query must carry; required on any address but loopback.",
)
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0.1),
    default=30.0,
    show_default=True,
    help="Seconds a query may run before it is stopped.",
)
@click.option(
    "--row-cap",
    type=click.IntRange(1),
    default=10_000,
    show_default=True,
    help="Rows (or triples) a result may hold.",
)
@click.option("--workers", type=click.IntRange(1, 16), default=2, show_default=True)
@one_line_errors
def serve(
    store_path: Path,
    host: str,
    port: int,
    token: str | None,
    time_limit: float,
    row_cap: int,
    workers: int,
) -> None:
    """Serve the store read-only as a SPARQL 1.1 endpoint at /sparql, with a query page at /
    and the ontology's documentation at /ontology/."""
    from kg.serve import ServeConfig, run_server

    config = ServeConfig(store_path, host, port, token, time_limit, row_cap, workers)
    run_server(config, click.echo)


analysis_format = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
type_option = click.option(
    "--type", "node_type", help="Show only nodes of this type (Person, Trial) or kind (actor)."
)


def _analysis(
    store_path: Path,
    projection: str,
    start: str | None,
    end: str | None,
    work: tuple[str, Callable[[Any], Any]],
) -> Any:
    """Read a projection, then run ``work`` (its name and the analysis) on it.

    A progress bar on standard error shows which of the two is running, on a terminal.
    """
    from kg.graph import load_projection
    from kg.progress import steps

    name, analysis = work
    with steps("analyze", ("reading the graph", name)) as advance:
        advance()
        graph = load_projection(_open_read_only(store_path), projection, start, end)
        advance()
        return analysis(graph)


def _echo_analysis(analysis: Any, fmt: str) -> None:
    """Print an analysis; with CSV its notes go to standard error, keeping the CSV clean."""
    from kg.analyze import format_analysis

    click.echo(format_analysis(analysis, fmt))
    if fmt == "csv":
        for note in analysis.notes:
            click.echo(f"# {note}", err=True)


@main.group()
def analyze() -> None:
    """Network analysis of the graph's NetworkX projections."""


@analyze.command()
@projection_options
@analysis_format
@click.option("--top", type=click.IntRange(1), default=20, show_default=True)
@type_option
@click.option(
    "--by",
    type=click.Choice(["degree", "betweenness", "eigenvector", "pagerank"]),
    default="pagerank",
    show_default=True,
    help="The measure that ranks the rows.",
)
@click.option("--backend", type=click.Choice(["auto", "networkx", "igraph"]), default="auto")
@store_option
@one_line_errors
def centrality(
    projection: str,
    start: str | None,
    end: str | None,
    fmt: str,
    top: int,
    node_type: str | None,
    by: str,
    backend: str,
    store_path: Path,
) -> None:
    """Rank nodes by centrality.

    Degree, betweenness, eigenvector and PageRank; betweenness is exact up to 5,000 nodes
    and sampled above, and the output says which.
    """
    from kg.analyze import centrality as run

    work = (
        f"{by} and the other centralities",
        partial(run, top=top, node_type=node_type, by=by, backend=backend),
    )
    _echo_analysis(_analysis(store_path, projection, start, end, work), fmt)


@analyze.command()
@projection_options
@analysis_format
@click.option("--method", type=click.Choice(["louvain", "leiden"]), default="louvain")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--top", type=click.IntRange(1), help="Only the N largest communities.")
@type_option
@store_option
@one_line_errors
def communities(
    projection: str,
    start: str | None,
    end: str | None,
    fmt: str,
    method: str,
    seed: int,
    top: int | None,
    node_type: str | None,
    store_path: Path,
) -> None:
    """Find communities, seeded so that a run repeats.

    Louvain (networkx), or Leiden when igraph is installed.
    """
    from kg.analyze import communities as run

    work = (
        f"{method} communities",
        partial(run, method=method, seed=seed, top=top, node_type=node_type),
    )
    _echo_analysis(_analysis(store_path, projection, start, end, work), fmt)


@analyze.command()
@click.argument("source")
@click.argument("target")
@projection_options
@analysis_format
@click.option("--limit", type=click.IntRange(1), default=5, show_default=True)
@store_option
@one_line_errors
def path(
    source: str,
    target: str,
    projection: str,
    start: str | None,
    end: str | None,
    fmt: str,
    limit: int,
    store_path: Path,
) -> None:
    """Shortest connections between two nodes.

    SOURCE and TARGET are names, labels or IRIs; each step shows its date and evidence.
    """
    from kg.analyze import shortest_paths

    work = ("shortest paths", partial(shortest_paths, source=source, target=target, limit=limit))
    _echo_analysis(_analysis(store_path, projection, start, end, work), fmt)


@analyze.command()
@click.argument("name")
@projection_options
@analysis_format
@click.option("--depth", type=click.IntRange(0), default=1, show_default=True)
@type_option
@store_option
@one_line_errors
def ego(
    name: str,
    projection: str,
    start: str | None,
    end: str | None,
    fmt: str,
    depth: int,
    node_type: str | None,
    store_path: Path,
) -> None:
    """Everything within --depth steps of NAME."""
    from kg.analyze import ego as run

    work = ("neighbourhood", partial(run, name=name, depth=depth, node_type=node_type))
    _echo_analysis(_analysis(store_path, projection, start, end, work), fmt)


page_option = click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The HTML file to write.",
)


@main.command()
@click.option("--focus", metavar="NAME", help="Draw what is near this actor (name, alias, IRI).")
@click.option(
    "--depth", type=click.IntRange(0), default=2, show_default=True, help="Steps from --focus."
)
@click.option("--from", "start", metavar="DATE", help="Only events from DATE (2017, 2017-09).")
@click.option("--to", "end", metavar="DATE", help="Only events up to DATE (2018-06-30).")
@click.option(
    "--types",
    multiple=True,
    metavar="TYPES",
    help="Keep only these node classes (Person, Court…) and/or event types (Arrest…, Membership); "
    "comma-separated or repeated.",
)
@click.option("--top", type=click.IntRange(1), default=500, show_default=True, help="Node cap.")
@page_option
@store_option
@one_line_errors
def view(
    focus: str | None,
    depth: int,
    start: str | None,
    end: str | None,
    types: tuple[str, ...],
    top: int,
    output: Path,
    store_path: Path,
) -> None:
    """Write a self-contained interactive HTML view of the graph, evidence on every edge."""
    from kg.view import ViewOptions, render_view, write_page
    from kg.view_data import date_window, load_view_data, view_graph

    wanted = frozenset(t.strip() for text in types for t in text.split(",") if t.strip())
    options = ViewOptions(focus, depth, date_window(start, end), wanted, top)
    graph = view_graph(load_view_data(_open_read_only(store_path)))
    write_page(output, render_view(graph, options))
    click.echo(f"wrote {output}")


@main.command()
@click.argument("name")
@page_option
@store_option
@one_line_errors
def timeline(name: str, output: Path, store_path: Path) -> None:
    """Write NAME's events in date order, each with its evidence and source, as HTML."""
    from kg.timeline import render_timeline
    from kg.view import write_page
    from kg.view_data import load_view_data

    write_page(output, render_timeline(load_view_data(_open_read_only(store_path)), name))
    click.echo(f"wrote {output}")


main.add_command(curate)
