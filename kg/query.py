"""Running SPARQL queries and writing their results as a table, CSV, TSV or JSON."""

from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox

from kg.errors import QueryError
from kg.store import PREFIXES, QueryResult, SparqlStore

__all__ = ["FORMATS", "format_results", "read_query_text", "run_query"]

FORMATS = ("table", "csv", "tsv", "json")

_RESULT_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
}


def read_query_text(query_or_file: str) -> str:
    """Return the query itself, reading it from a file when given the path of one."""
    candidate = Path(query_or_file)
    if query_or_file.endswith((".rq", ".sparql")) or _is_file(candidate):
        try:
            return candidate.read_text(encoding="utf-8")
        except OSError as exc:
            raise QueryError(f"cannot read query file {query_or_file}: {exc.strerror}") from exc
    return query_or_file


def _is_file(candidate: Path) -> bool:
    """Whether a command-line argument names an existing file (a long query cannot)."""
    try:
        return "\n" not in str(candidate) and candidate.is_file()
    except OSError:  # e.g. a query longer than the system's file-name limit
        return False


def _with_prefixes(sparql: str) -> str:
    """Declare the contract's prefixes unless the query declares them itself."""
    lowered = sparql.lower()
    missing = [
        f"PREFIX {name}: <{iri}>"
        for name, iri in PREFIXES.items()
        if f"prefix {name}:" not in lowered
    ]
    return "\n".join([*missing, sparql])


def run_query(store: SparqlStore, sparql: str) -> QueryResult:
    """Run ``sparql`` over the union of all graphs; the contract's prefixes are predeclared."""
    try:
        return store.query(_with_prefixes(sparql))
    except SyntaxError as exc:
        message = str(exc).splitlines()[0] if str(exc) else "syntax error"
        raise QueryError(f"invalid SPARQL: {message}") from exc
    except OSError as exc:
        raise QueryError(f"query failed: {exc}") from exc


def _cell(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for name, iri in PREFIXES.items():
            if term.value.startswith(iri):
                return f"{name}:{term.value[len(iri) :]}"
        return term.value
    if isinstance(term, ox.Literal | ox.BlankNode):
        return term.value
    return str(term)


def _table(result: ox.QuerySolutions) -> str:
    names = [v.value for v in result.variables]
    rows = [[_cell(row[name]) for name in names] for row in result]
    widths = [max([len(n), *(min(len(r[i]), 80) for r in rows)]) for i, n in enumerate(names)]
    lines = [" | ".join(n.ljust(w) for n, w in zip(names, widths, strict=True))]
    lines.append("-+-".join("-" * w for w in widths))
    for row in rows:
        cells = [c if len(c) <= 80 else c[:77] + "..." for c in row]
        lines.append(" | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def format_results(result: QueryResult, fmt: str) -> bytes:
    """Serialise a query result: SELECT/ASK in ``fmt``; CONSTRUCT/DESCRIBE as Turtle."""
    if isinstance(result, ox.QueryTriples):
        return result.serialize(format=ox.RdfFormat.TURTLE) or b""
    if fmt == "table":
        if isinstance(result, ox.QueryBoolean):
            return (("true" if bool(result) else "false") + "\n").encode()
        return _table(result).encode("utf-8")
    if fmt not in _RESULT_FORMATS:
        raise QueryError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    buffer = io.BytesIO()
    result.serialize(buffer, format=_RESULT_FORMATS[fmt])
    data = buffer.getvalue()
    return data if data.endswith(b"\n") else data + b"\n"
