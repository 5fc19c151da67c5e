"""Conveniences for notebooks: the store, SPARQL results and events as pandas tables.

Each function is a thin layer over the library (:mod:`kg.pipeline`, :mod:`kg.query`,
:mod:`kg.params`, :mod:`kg.timeline`) that returns a :class:`pandas.DataFrame` or draws with
matplotlib, so a notebook holds no logic of its own.  Proceedings, centrality and ego
networks are in :mod:`kg.notebook_graph`.  The notebooks read the store named by the
environment variable ``KG_NOTEBOOK_STORE`` (CI builds it once), or the demo corpus built
into a folder of the system's temporary directory.
"""

from __future__ import annotations

import datetime
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pyoxigraph as ox
from matplotlib.axes import Axes
from matplotlib.dates import date2num

from kg import snapshots
from kg.errors import KgError
from kg.graph import parse_period
from kg.model import ACTOR_TYPES, EVENT_TYPES
from kg.params import bind_params
from kg.pipeline import BuildReport, build
from kg.query import read_query_text, run_query
from kg.settings import Settings
from kg.store import KgStore
from kg.timeline import timeline_entries
from kg.view_data import find_node as find_actor
from kg.view_data import load_view_data, view_graph

__all__ = [
    "STORE_ENV",
    "NotebookError",
    "build_demo",
    "counts_by_class",
    "draw_timeline",
    "events_of",
    "events_per_year",
    "library_query",
    "notebook_store",
    "notebook_store_path",
    "open_store",
    "query_df",
    "repository_root",
    "rows_df",
]

#: The environment variable naming the store the notebooks read.
STORE_ENV = "KG_NOTEBOOK_STORE"
_ROOT = Path(__file__).resolve().parent.parent
_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = frozenset(_XSD + n for n in ("integer", "int", "long", "short", "nonNegativeInteger"))
_FLOATS = frozenset(_XSD + n for n in ("decimal", "double", "float"))
_COUNTS_QUERY = """SELECT ?class (COUNT(DISTINCT ?node) AS ?count) WHERE {
  ?node a ?classIri . FILTER(STRSTARTS(STR(?classIri), STR(lek:)))
  FILTER(STRSTARTS(STR(?node), STR(res:)))
  BIND(STRAFTER(STR(?classIri), STR(lek:)) AS ?class)
} GROUP BY ?class ORDER BY DESC(?count) ?class"""
_YEARS_QUERY = f"""SELECT ?type ?year (COUNT(DISTINCT ?event) AS ?events) WHERE {{
  VALUES ?type {{ {" ".join(f'"{name}"' for name in EVENT_TYPES)} }}
  BIND(IRI(CONCAT(STR(lek:), ?type)) AS ?class)
  ?event a ?class .
  OPTIONAL {{ ?event lek:date ?date }}
  BIND(SUBSTR(STR(?date), 1, 4) AS ?year)
}} GROUP BY ?type ?year"""


class NotebookError(KgError):
    """A notebook convenience cannot do what was asked: no checkout, no such query, a
    failed build or a query that is not a SELECT."""


def repository_root() -> Path:
    """The checkout this package runs from (the folder holding ``data/`` and ``queries/``)."""
    if not (_ROOT / "data" / "corpus").is_dir():
        raise NotebookError(
            f"kg is not running from a checkout ({_ROOT} has no data/corpus): "
            "give the corpus folder explicitly"
        )
    return _ROOT


def notebook_store_path() -> Path:
    """The store folder the notebooks use: ``$KG_NOTEBOOK_STORE``, else a folder of the
    system's temporary directory that is kept between runs (builds into it are incremental)."""
    named = os.environ.get(STORE_ENV, "").strip()
    if named:
        return Path(named)
    return Path(tempfile.gettempdir()) / f"kg-notebook-demo-{os.getuid()}"


def build_demo(
    store_path: str | Path | None = None,
    corpus: str | Path | None = None,
    settings: Settings | None = None,
) -> BuildReport:
    """Build ``corpus`` (default: the checkout's ``data/corpus``) into ``store_path`` (default:
    :func:`notebook_store_path`); unchanged documents are left alone, as with ``kg build``.

    Raises :class:`NotebookError` when a document could not be read, so a notebook stops there.
    """
    folder = Path(corpus) if corpus is not None else repository_root() / "data" / "corpus"
    target = Path(store_path) if store_path is not None else notebook_store_path()
    report = build([folder], target, settings or Settings())
    if not report.ok:
        raise NotebookError(f"{len(report.failed)} document(s) failed: {report.failed[0]}")
    return report


def open_store(path: str | Path) -> KgStore:
    """Open a built store read-only, as the ``kg`` commands do."""
    return KgStore(Path(path), read_only=True)


def notebook_store() -> KgStore:
    """The store a notebook reads: the one ``$KG_NOTEBOOK_STORE`` names when it is built,
    else the demo corpus built (or brought up to date) at :func:`notebook_store_path`."""
    path = notebook_store_path()
    reuse = bool(os.environ.get(STORE_ENV, "").strip()) and path.is_dir()
    if not (reuse and snapshots.current_version(path) is not None):
        build_demo(path)
    return open_store(path)


def library_query(name: str) -> str:
    """The text of a query of the checkout's library, ``queries/NAME.rq``."""
    folder = repository_root() / "queries"
    path = folder / f"{name.removesuffix('.rq')}.rq"
    if path.parent != folder or not path.is_file():
        known = ", ".join(sorted(p.stem for p in folder.glob("*.rq")))
        raise NotebookError(f"no library query named {name!r}; choose one of {known}")
    return path.read_text(encoding="utf-8")


def _typed(term: object) -> tuple[str | None, object]:
    """A result term's text and its Python value (int, float or bool for those datatypes)."""
    if term is None:
        return None, None
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}", f"_:{term.value}"
    if not isinstance(term, ox.Literal):
        text = term.value if isinstance(term, ox.NamedNode) else str(term)
        return text, text
    datatype = term.datatype.value
    try:
        if datatype in _INTEGERS:
            return term.value, int(term.value)
        if datatype in _FLOATS:
            return term.value, float(term.value)
    except ValueError:
        return term.value, term.value
    if datatype == _XSD + "boolean":
        return term.value, term.value in ("true", "1")
    return term.value, term.value


def _column(cells: Sequence[tuple[str | None, object]]) -> Any:
    """A typed pandas array: nullable booleans, integers or floats when every value is one,
    text (dates as the text gives them) otherwise."""
    values = [value for _, value in cells if value is not None]
    if values and all(isinstance(v, bool) for v in values):
        dtype = "boolean"
    elif values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        dtype = "Int64"
    elif values and all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        dtype = "Float64"
    else:
        return pd.array([text for text, _ in cells], dtype="string")
    return pd.array([value for _, value in cells], dtype=dtype)


def _param_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value.isoformat() if isinstance(value, datetime.date) else str(value)


def query_df(store: KgStore, sparql: str | Path, **params: object) -> pd.DataFrame:
    """Run a SELECT query (its text, or a ``.rq`` file) and return its rows as a DataFrame.

    Keyword arguments bind the parameters the query declares (``# @param``), as
    ``kg query --param`` does; dates and numbers may be given as Python values.  Numbers
    come back as numbers, dates as the text gives them (``2017``, ``2017-09``, ``2017-09-03``),
    IRIs in full, unbound cells as missing values.
    """
    text = read_query_text(str(sparql))
    values = {name: _param_text(value) for name, value in params.items()}
    result = run_query(store, bind_params(text, values))
    if not isinstance(result, ox.QuerySolutions):
        raise NotebookError("query_df takes a SELECT query; use kg.query.run_query for others")
    names = [variable.value for variable in result.variables]
    rows = [[_typed(row[name]) for name in names] for row in result]
    return pd.DataFrame({name: _column([row[i] for row in rows]) for i, name in enumerate(names)})


def rows_df(rows: Iterable[dict[str, Any]], columns: Sequence[str], **dtypes: str) -> pd.DataFrame:
    """Rows as a DataFrame of ``columns``, each of its dtype in ``dtypes`` or text."""
    listed = list(rows)
    return pd.DataFrame(
        {
            column: pd.array(
                [row.get(column) for row in listed], dtype=dtypes.get(column, "string")
            )
            for column in columns
        }
    )


def counts_by_class(store: KgStore) -> pd.DataFrame:
    """How many nodes of each ``lek:`` class the graph holds, with each class's kind
    (actor, event or other), most numerous first: what ``kg stats`` prints."""
    counts = query_df(store, _COUNTS_QUERY)
    kinds = [
        "actor" if name in ACTOR_TYPES else "event" if name in EVENT_TYPES else "other"
        for name in counts["class"]
    ]
    counts.insert(1, "kind", pd.array(kinds, dtype="string"))
    return counts


def events_of(store: KgStore, name: str) -> pd.DataFrame:
    """The events that happened to an actor or that it carried out, by date (undated last).

    ``name`` is a label, an alias or an IRI.  Each row has the event's date (as precise as
    the text), type, the actor's role, the other actors with theirs, the charges and
    provisions cited, the penalty, the verbatim evidence and the source file it was read
    from.  ``attrs["name"]`` holds the actor's label.
    """
    data = load_view_data(store)
    graph = view_graph(data)
    node = find_actor(graph, name, ACTOR_TYPES)
    columns = ("date", "type", "role", "others", "charges", "penalty", "group", "evidence")
    rows = [
        {
            "date": entry.date,
            "type": entry.type,
            "role": entry.role,
            "others": "; ".join(f"{label} ({role})" for label, role in entry.others),
            "charges": "; ".join(entry.charges),
            "penalty": entry.penalty,
            "group": entry.group,
            "evidence": entry.evidence,
            "file": data.sources.get(entry.source, {}).get("file", entry.source),
        }
        for entry in timeline_entries(data, node)
        if entry.type != "Membership"
    ]
    frame = rows_df(rows, (*columns, "file"))
    frame.attrs["name"] = graph.nodes[node]["label"]
    return frame


def events_per_year(store: KgStore) -> pd.DataFrame:
    """Dated events per year (rows, every year from the first to the last) and type (columns).

    An event counts in the year its date falls in, whatever the date's precision;
    ``attrs["undated"]`` says how many events have no date and are not counted.
    """
    counts = query_df(store, _YEARS_QUERY).astype({"events": "Int64"})
    dated = counts[counts["year"].notna()]
    types = [name for name in EVENT_TYPES if name in set(dated["type"])]
    table = dated.astype({"year": int}).pivot_table(
        index="year", columns="type", values="events", aggfunc="sum", fill_value=0
    )
    years = range(int(table.index.min()), int(table.index.max()) + 1) if len(table) else []
    table = table.reindex(index=years, columns=types, fill_value=0).astype(int)
    table.index.name, table.columns.name = "year", "type"
    table.attrs["undated"] = int(counts.loc[counts["year"].isna(), "events"].sum())
    return table


#: How each precision of a date is marked on a timeline.
_PRECISION_MARKERS = {10: ("o", "day"), 7: ("s", "month"), 4: ("^", "year")}


def draw_timeline(store: KgStore, name: str, *, ax: Axes | None = None) -> Axes:
    """Plot an actor's dated events: time across, event type down, one mark per event.

    A date is placed at the first day of its period and its mark says how precise the text
    is (a day, a month or only a year); undated events are counted in the title, not drawn.
    Returns the Axes drawn on (a new figure's when ``ax`` is None).
    """
    events = events_of(store, name)
    dated = events[events["date"].notna()]
    types = [kind for kind in EVENT_TYPES if kind in set(dated["type"])]
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(10, 1.5 + 0.4 * max(len(types), 1)))
    for length, (marker, precision) in _PRECISION_MARKERS.items():
        chosen = dated[dated["date"].str.len() == length]
        if len(chosen):
            ax.scatter(
                date2num([parse_period(str(day))[0] for day in chosen["date"]]),
                [types.index(str(kind)) for kind in chosen["type"]],
                marker=marker,
                label=f"dated to the {precision}",
                alpha=0.7,
            )
    ax.xaxis_date()
    ax.set_yticks(range(len(types)), types)
    ax.set_ylim(-0.5, len(types) - 0.5)
    if len(dated):
        ax.legend(loc="best", fontsize=8)
    undated = len(events) - len(dated)
    ax.set_title(f"Events of {events.attrs['name']} ({len(dated)} dated, {undated} undated)")
    return ax
