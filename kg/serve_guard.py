"""What ``kg serve`` refuses, decided by parsing a request's SPARQL before anything runs.

The endpoint is read-only and never contacts another server, so a request is parsed with
rdflib's SPARQL 1.1 grammar (a real parser: keywords inside strings, IRIs or comments are
not keywords) and refused when it is

- an update (``INSERT``, ``DELETE``, ``DROP``...): 403;
- or uses ``SERVICE``, ``LOAD``, ``FROM`` or ``FROM NAMED``: 400, since each names a URL the
  engine would fetch (Oxigraph's ``SERVICE`` and ``LOAD`` make real HTTP requests);
- or does not parse: 400.

A query this grammar cannot read is refused rather than run, so a construct the parser
misses can never reach the engine.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NoReturn

from pyparsing import ParseException, ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from kg.errors import QueryError

__all__ = ["QUERY_FORMS", "Refusal", "check_query", "check_update"]

#: The query forms, by the name of rdflib's parse node.
QUERY_FORMS = {
    "SelectQuery": "SELECT",
    "AskQuery": "ASK",
    "ConstructQuery": "CONSTRUCT",
    "DescribeQuery": "DESCRIBE",
}

_REFUSED_IN_QUERIES = {
    "ServiceGraphPattern": "SERVICE is refused: this endpoint never contacts another server",
    "DatasetClause": (
        "FROM and FROM NAMED are refused: the default graph is already the union of all "
        "graphs; use GRAPH <iri> { ... } to read one graph"
    ),
}
_LOAD_REFUSED = "LOAD is refused: this endpoint never fetches a URL"
_UPDATE_REFUSED = "this endpoint is read-only: SPARQL Update is refused"


class Refusal(QueryError):
    """A request refused before it runs, with the HTTP status to answer."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _nodes(tree: object) -> Iterator[CompValue]:
    """Every parse node in ``tree``, depth first."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            yield node
            stack.extend(node.values())
        elif isinstance(node, ParseResults | list | tuple):
            stack.extend(node)


def _syntax_message(exc: Exception) -> str:
    if isinstance(exc, ParseException):
        return f"invalid SPARQL: {exc.msg} at line {exc.lineno}, column {exc.col}"
    return f"invalid SPARQL: {exc}"


def check_update(text: str) -> NoReturn:
    """Refuse an update: 400 when it would fetch a URL (``LOAD``), else 403."""
    try:
        parsed = parseUpdate(text)
    except (ParseException, ValueError) as exc:
        raise Refusal(400, _syntax_message(exc)) from exc
    if any(node.name == "Load" for node in _nodes(parsed)):
        raise Refusal(400, _LOAD_REFUSED)
    raise Refusal(403, _UPDATE_REFUSED)


def check_query(text: str) -> str:
    """Return the query's form (``SELECT``, ``ASK``, ``CONSTRUCT``, ``DESCRIBE``) or refuse it.

    >>> check_query("SELECT * WHERE { ?s ?p 'SERVICE <http://example.org/>' }")
    'SELECT'
    >>> try:
    ...     check_query("SELECT * WHERE { SERVICE <http://example.org/> { ?s ?p ?o } }")
    ... except Refusal as refusal:
    ...     print(refusal.status, refusal)
    400 SERVICE is refused: this endpoint never contacts another server
    """
    try:
        parsed = parseQuery(text)
    except (ParseException, ValueError) as exc:
        try:
            parseUpdate(text)
        except (ParseException, ValueError):
            raise Refusal(400, _syntax_message(exc)) from exc
        check_update(text)
    for node in _nodes(parsed):
        if node.name in _REFUSED_IN_QUERIES:
            raise Refusal(400, _REFUSED_IN_QUERIES[node.name])
    form = parsed[1].name
    if form not in QUERY_FORMS:
        raise Refusal(400, f"unsupported query form {form}")
    return QUERY_FORMS[form]
