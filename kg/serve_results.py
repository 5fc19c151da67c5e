"""Content negotiation and the result formats of ``kg serve``, with a row cap.

The endpoint stops reading a result after ``row_cap`` rows, so it writes the W3C result
formats itself from the rows it kept (JSON, XML, CSV and TSV for ``SELECT`` and ``ASK``);
``CONSTRUCT`` and ``DESCRIBE`` triples go through Oxigraph's own writers (Turtle,
N-Triples, JSON-LD, RDF/XML).  Terms are pyoxigraph terms, whichever store produced them.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import TypeVar

import pyoxigraph as ox

from kg.store import PREFIXES

__all__ = [
    "GRAPH_TYPES",
    "SOLUTION_TYPES",
    "Rendered",
    "negotiate",
    "offered_types",
    "render",
]

SPARQL_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

#: Media types for SELECT and ASK results, the default first.
SOLUTION_TYPES = (
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
)

#: Media types for CONSTRUCT and DESCRIBE results, the default first.
GRAPH_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}

_ALIASES = {
    "application/json": "application/sparql-results+json",
    "application/xml": "application/sparql-results+xml",
    "text/xml": "application/sparql-results+xml",
    "application/turtle": "text/turtle",
    "application/x-turtle": "text/turtle",
    "application/x-json+ld": "application/ld+json",
}

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
Row = Sequence[Term | None]
T = TypeVar("T")


@dataclass(frozen=True)
class Rendered:
    """A serialised result: its media type, bytes, and whether the row cap cut it."""

    media_type: str
    body: bytes
    truncated: bool


def offered_types(form: str) -> tuple[str, ...]:
    """The media types a query form can be answered in, the default first."""
    return tuple(GRAPH_TYPES) if form in ("CONSTRUCT", "DESCRIBE") else SOLUTION_TYPES


def negotiate(accept: str | None, offered: Sequence[str]) -> str | None:
    """Pick the offered media type the ``Accept`` header prefers, or None if none fits.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", SOLUTION_TYPES)
    'application/sparql-results+xml'
    >>> negotiate("text/html,*/*;q=0.8", SOLUTION_TYPES)
    'application/sparql-results+json'
    >>> negotiate("image/png", SOLUTION_TYPES) is None
    True
    """
    if accept is None or not accept.strip():
        return offered[0]
    ranges: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        media, *params = (field.strip() for field in part.split(";"))
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranges.append((-quality, position, media.lower()))
    for _, _, media in sorted(ranges):
        media = _ALIASES.get(media, media)
        if media in offered:
            return media
        if media == "*/*":
            return offered[0]
        if media.endswith("/*"):
            match = next((o for o in offered if o.startswith(media[:-1])), None)
            if match:
                return match
    return None


# -- SELECT and ASK ------------------------------------------------------------------------


def _json_term(term: Term) -> dict[str, object]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, object] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(term.subject),
            "predicate": _json_term(term.predicate),
            "object": _json_term(term.object),
        },
    }


def _xml_term(parent: ET.Element, term: Term) -> None:
    if isinstance(term, ox.NamedNode):
        ET.SubElement(parent, "uri").text = term.value
    elif isinstance(term, ox.BlankNode):
        ET.SubElement(parent, "bnode").text = term.value
    elif isinstance(term, ox.Literal):
        literal = ET.SubElement(parent, "literal")
        literal.text = term.value
        if term.language:
            literal.set("xml:lang", term.language)
        elif term.datatype.value != XSD_STRING:
            literal.set("datatype", term.datatype.value)
    else:
        triple = ET.SubElement(parent, "triple")
        for part in ("subject", "predicate", "object"):
            _xml_term(ET.SubElement(triple, part), getattr(term, part))


def _csv_value(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.NamedNode | ox.Literal):
        return term.value
    return str(term)


def _tsv_value(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        escaped = (
            term.value.replace("\\", "\\\\")
            .replace('"', '\\"')
            .replace("\n", "\\n")
            .replace("\r", "\\r")
            .replace("\t", "\\t")
        )
        if term.language:
            return f'"{escaped}"@{term.language}'
        if term.datatype.value != XSD_STRING:
            return f'"{escaped}"^^<{term.datatype.value}>'
        return f'"{escaped}"'
    return str(term)


def _write_solutions(names: Sequence[str], rows: Sequence[Row], media_type: str) -> bytes:
    if media_type == "application/sparql-results+json":
        bindings = [
            {
                name: _json_term(term)
                for name, term in zip(names, row, strict=True)
                if term is not None
            }
            for row in rows
        ]
        document = {"head": {"vars": list(names)}, "results": {"bindings": bindings}}
        return json.dumps(document, ensure_ascii=False).encode("utf-8")
    if media_type == "application/sparql-results+xml":
        root = ET.Element("sparql", xmlns=SPARQL_RESULTS_NS)
        head = ET.SubElement(root, "head")
        for name in names:
            ET.SubElement(head, "variable", name=name)
        results = ET.SubElement(root, "results")
        for row in rows:
            result = ET.SubElement(results, "result")
            for name, term in zip(names, row, strict=True):
                if term is not None:
                    _xml_term(ET.SubElement(result, "binding", name=name), term)
        return ET.tostring(root, encoding="utf-8", xml_declaration=True)
    buffer = io.StringIO()
    if media_type == "text/csv":
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(names)
        writer.writerows([_csv_value(term) for term in row] for row in rows)
    else:
        buffer.write("\t".join(f"?{name}" for name in names) + "\n")
        buffer.writelines("\t".join(_tsv_value(term) for term in row) + "\n" for row in rows)
    return buffer.getvalue().encode("utf-8")


def _write_boolean(value: bool, media_type: str) -> bytes:
    word = "true" if value else "false"
    if media_type == "application/sparql-results+json":
        return json.dumps({"head": {}, "boolean": value}).encode("utf-8")
    if media_type == "application/sparql-results+xml":
        root = ET.Element("sparql", xmlns=SPARQL_RESULTS_NS)
        ET.SubElement(root, "head")
        ET.SubElement(root, "boolean").text = word
        return ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return f"{word}\n".encode()


def _capped(items: Iterable[T], row_cap: int) -> tuple[list[T], bool]:
    kept = list(islice(items, row_cap + 1))
    return kept[:row_cap], len(kept) > row_cap


def render(
    result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, media_type: str, row_cap: int
) -> Rendered:
    """Serialise at most ``row_cap`` rows (or triples) of ``result`` as ``media_type``."""
    if isinstance(result, ox.QueryBoolean):
        return Rendered(media_type, _write_boolean(bool(result), media_type), False)
    if isinstance(result, ox.QueryTriples):
        triples, truncated = _capped(result, row_cap)
        body = ox.serialize(triples, format=GRAPH_TYPES[media_type], prefixes=PREFIXES)
        return Rendered(media_type, body or b"", truncated)
    names = [variable.value for variable in result.variables]
    solutions, truncated = _capped(result, row_cap)
    rows = [[solution[name] for name in names] for solution in solutions]
    return Rendered(media_type, _write_solutions(names, rows, media_type), truncated)
