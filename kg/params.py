"""Typed parameters for library queries, bound safely with a ``VALUES`` clause.

A query file declares its parameters in its opening comment, one a line::

    # @param person: string — the person's name (label or alias)
    # @param year: gYear — the year, e.g. 2017

and ``kg query FILE.rq --param person="Chan Dara"`` binds each one by adding
``VALUES ?person { "Chan Dara" }`` at the start of the query's outermost ``WHERE`` group.
A value is never pasted into the query's text: it is checked against its declared type and
written as one SPARQL term (an escaped string literal, a typed literal or a validated IRI),
so no value can change what the query does.  The result is plain SPARQL 1.1 that any
endpoint runs.

>>> bound = bind_params('''# @param person: string
... SELECT ?e WHERE { ?e ?p ?person }''', {"person": 'say "hi"'})
>>> 'VALUES ?person { "say \\\\"hi\\\\"" }' in bound
True
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from pyparsing import ParseException
from rdflib.plugins.sparql.parser import parseQuery

from kg.errors import QueryError
from kg.store import PREFIXES

__all__ = [
    "PARAM_TYPES",
    "Param",
    "bind_params",
    "declared_params",
    "parse_param_options",
    "sparql_string",
    "sparql_term",
]

XSD = "http://www.w3.org/2001/XMLSchema#"

#: The declarable types: the datatype each is written with (None: a plain string or an IRI)
#: and what a value must look like.
PARAM_TYPES: dict[str, tuple[str | None, re.Pattern[str]]] = {
    "string": (None, re.compile(r".*", re.S)),
    "integer": (XSD + "integer", re.compile(r"[+-]?[0-9]+")),
    "decimal": (XSD + "decimal", re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")),
    "boolean": (XSD + "boolean", re.compile(r"true|false")),
    "date": (XSD + "date", re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")),
    "gYearMonth": (XSD + "gYearMonth", re.compile(r"[0-9]{4}-(?:0[1-9]|1[0-2])")),
    "gYear": (XSD + "gYear", re.compile(r"[0-9]{4}")),
    "iri": (None, re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|^`\\]*")),
}

_DECLARATION = re.compile(
    r"#\s*@param\s+(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*:\s*(?P<type>\S+)"
    r"\s*(?:[—–-]+\s*(?P<doc>.*))?$"
)

# Comments, strings and IRIs are skipped whole, so a brace, a keyword or a variable inside
# them is never mistaken for query structure.
_TOKEN = re.compile(
    r"""(?P<comment>\#[^\n\r]*)
      | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                  |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
      | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
      | (?P<var>[?$][A-Za-z0-9_\u00b7\u00c0-\uffff]+)
      | (?P<pname>[A-Za-z0-9_.\-\u00c0-\uffff]*:[^\s{}()<>,;"']*)
      | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
      | (?P<open>\{)
      | (?P<close>\})
      | (?P<other>.)""",
    re.X | re.S,
)

_STRING_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


@dataclass(frozen=True)
class Param:
    """One declared parameter: its name (the query's variable), type and description."""

    name: str
    type: str
    doc: str = ""

    def describe(self) -> str:
        """A short description for messages, e.g. ``person (string: the person's name)``."""
        return f"{self.name} ({self.type}{': ' + self.doc if self.doc else ''})"


def declared_params(sparql: str) -> dict[str, Param]:
    """Read the ``# @param`` lines of the query's opening comment.

    >>> declared_params("# @param year: gYear — the year\\nSELECT * {}")["year"]
    Param(name='year', type='gYear', doc='the year')
    """
    params: dict[str, Param] = {}
    for raw in sparql.splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            break
        match = _DECLARATION.match(line)
        if match is None:
            continue
        name, kind = match["name"], match["type"]
        if kind not in PARAM_TYPES:
            raise QueryError(
                f"parameter {name} has unknown type {kind!r}; use one of {', '.join(PARAM_TYPES)}"
            )
        if name in params:
            raise QueryError(f"parameter {name} is declared twice")
        params[name] = Param(name, kind, (match["doc"] or "").strip())
    return params


def parse_param_options(options: Sequence[str]) -> dict[str, str]:
    """Turn repeated ``NAME=VALUE`` options into a mapping.

    >>> parse_param_options(["person=Chan Dara", "year=2017"])
    {'person': 'Chan Dara', 'year': '2017'}
    """
    values: dict[str, str] = {}
    for option in options:
        name, sep, value = option.partition("=")
        name = name.strip()
        if not sep or not name:
            raise QueryError(f"--param takes NAME=VALUE, not {option!r}")
        if name in values:
            raise QueryError(f"parameter {name} is given twice")
        values[name] = value
    return values


def sparql_string(value: str) -> str:
    """Write ``value`` as a SPARQL string literal that every parser reads back unchanged.

    Besides the usual escapes, a ``u``/``U`` right after a backslash is written as an
    eight-digit codepoint escape: SPARQL processes codepoint escapes before parsing, so
    ``\\\\u0022`` could otherwise be read as a backslash and a quote by a parser that does.

    >>> print(sparql_string('a "b"'))
    "a \\"b\\""
    >>> print(sparql_string("C:\\\\users"))
    "C:\\\\\\U00000075sers"
    """
    out: list[str] = []
    for index, char in enumerate(value):
        if char in "uU" and index and value[index - 1] == "\\":
            out.append(f"\\U{ord(char):08X}")
        else:
            out.append(_STRING_ESCAPES.get(char, char))
    return '"' + "".join(out) + '"'


def _expand_iri(value: str) -> str:
    """Expand a contract prefix (``res:person/chan-dara``) to the full IRI."""
    prefix, sep, rest = value.partition(":")
    if sep and prefix in PREFIXES and not rest.startswith("//"):
        return PREFIXES[prefix] + rest
    return value


def sparql_term(value: str, kind: str, name: str = "value") -> str:
    """Write ``value`` as one SPARQL term of the declared ``kind``, or raise QueryError.

    >>> sparql_term("2017", "gYear")
    '"2017"^^<http://www.w3.org/2001/XMLSchema#gYear>'
    >>> sparql_term("res:person/chan-dara", "iri")
    '<https://w3id.org/legal-events-kg/id/person/chan-dara>'
    """
    datatype, pattern = PARAM_TYPES[kind]
    if kind == "iri":
        value = _expand_iri(value.strip())
    elif kind != "string":
        value = value.strip()
    if pattern.fullmatch(value) is None:
        raise QueryError(f"parameter {name}: {value!r} is not a valid {kind}")
    if kind == "date":
        try:
            datetime.date.fromisoformat(value)
        except ValueError as exc:
            raise QueryError(f"parameter {name}: {value!r} is not a valid date") from exc
    if kind == "iri":
        return f"<{value}>"
    literal = sparql_string(value)
    return f"{literal}^^<{datatype}>" if datatype else literal


def _tokens(sparql: str) -> Iterator[re.Match[str]]:
    return _TOKEN.finditer(sparql)


def _pattern_start(sparql: str) -> int:
    """Return the offset just after the ``{`` that opens the outermost WHERE group."""
    depth, form, where = 0, "", False
    for token in _tokens(sparql):
        kind = token.lastgroup
        if kind == "word" and depth == 0:
            word = token.group().upper()
            if not form and word in ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK"):
                form = word
            elif word == "WHERE":
                where = True
        elif kind == "open":
            if depth == 0 and form and (where or form != "CONSTRUCT"):
                return token.end()
            depth += 1
        elif kind == "close":
            depth -= 1
    raise QueryError("the query has no WHERE group to bind its parameters in")


def _variables(sparql: str) -> set[str]:
    return {t.group()[1:] for t in _tokens(sparql) if t.lastgroup == "var"}


def bind_params(sparql: str, values: Mapping[str, str]) -> str:
    """Bind the query's declared parameters to ``values``; return the query to run.

    Every declared parameter must be given and nothing else; a query that declares none
    is returned unchanged when none is given.
    """
    declared = declared_params(sparql)
    unknown = sorted(set(values) - set(declared))
    if unknown:
        takes = ", ".join(p.describe() for p in declared.values()) or "no parameters"
        raise QueryError(f"unknown parameter {unknown[0]}; this query takes {takes}")
    missing = [param for name, param in declared.items() if name not in values]
    if missing:
        raise QueryError(
            f"missing parameter {missing[0].describe()}; give --param {missing[0].name}=VALUE"
        )
    if not declared:
        return sparql
    used = _variables(sparql)
    clauses = []
    for name, param in declared.items():
        if name not in used:
            raise QueryError(f"parameter {name} is declared but the query never uses ?{name}")
        clauses.append(f"  VALUES ?{name} {{ {sparql_term(values[name], param.type, name)} }}\n")
    start = _pattern_start(sparql)
    bound = sparql[:start] + "\n" + "".join(clauses) + sparql[start:]
    try:
        parseQuery(bound)
    except ParseException as exc:
        raise QueryError(f"invalid SPARQL: {exc.msg} (line {exc.lineno})") from exc
    except ValueError as exc:
        raise QueryError(f"invalid SPARQL: {exc}") from exc
    return bound
