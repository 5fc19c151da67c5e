"""Reading RDF that users give (ontology extensions, curation files, imports) safely.

RDF parsers can be made to reach outside the file they are given: RDF/XML through DOCTYPE
entities (an external entity reads a file or a URL; nested internal ones expand
exponentially), JSON-LD through contexts named by reference (``"@context": "http://…"``,
``"@import"``), and rdflib itself fetches any source given as a URL.  Here the file's bytes
are read once, by this module, and handed to rdflib as data; RDF/XML with a DOCTYPE and
JSON-LD naming a context by reference are refused before parsing; ``owl:imports`` stays a
statement and is never followed; and while rdflib parses, an audit hook refuses every
network connection and every file opening outside Python's own modules, as a second line
of defence.  (Audit hooks see only Python code: that is why this module uses rdflib and not
pyoxigraph, whose Rust code they cannot watch.)
"""

from __future__ import annotations

import json
import os
import sys
import threading
import xml.parsers.expat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import rdflib

from kg.errors import RdfInputError

__all__ = ["FORMATS", "parse_user_rdf", "sealed"]

#: The formats read, by the names accepted for ``format`` and by file suffix.
FORMATS: dict[str, str] = {
    "turtle": "turtle", "ttl": "turtle", "nt": "nt", "ntriples": "nt", "n-triples": "nt",
    "nquads": "nquads", "nq": "nquads", "n-quads": "nquads", "trig": "trig",
    "xml": "xml", "rdf": "xml", "rdfxml": "xml", "rdf/xml": "xml", "owl": "xml",
    "json-ld": "json-ld", "jsonld": "json-ld", "json": "json-ld",
}  # fmt: skip
_DATASET_FORMATS = frozenset({"nquads", "trig"})
_NETWORK_EVENTS = frozenset(
    {
        "socket.connect",
        "socket.getaddrinfo",
        "socket.gethostbyname",
        "socket.gethostbyaddr",
        "urllib.Request",
        "http.client.connect",
        "ftplib.connect",
        "subprocess.Popen",
        "os.system",
    }
)
_MODULE_SUFFIXES = (".py", ".pyc", ".so")
_GUARD = threading.local()
_HOOK_LOCK = threading.Lock()
_hook_installed = False


def _module_roots() -> tuple[str, ...]:
    roots = {sys.prefix, sys.base_prefix, sys.exec_prefix, *sys.path}
    return tuple(os.path.join(os.path.realpath(root), "") for root in roots if root)


def _audit(event: str, args: tuple[object, ...]) -> None:
    """Refuse network access and file opening in a thread that parses user RDF."""
    refused: list[str] | None = getattr(_GUARD, "refused", None)
    if refused is None:
        return
    if event in _NETWORK_EVENTS:
        refused.append(f"{event} {args[1] if event == 'socket.connect' else args[0]!r}")
        raise PermissionError(f"kg refuses network access while reading RDF ({event})")
    if event == "open" and not isinstance(args[0], int):
        target = os.path.realpath(os.fsdecode(args[0]))  # type: ignore[arg-type]
        module = target.endswith(_MODULE_SUFFIXES) or ".pyc." in os.path.basename(target)
        if module and target.startswith(_GUARD.roots):
            return  # a lazy import reads (and caches) Python's own modules
        refused.append(f"open {target}")
        raise PermissionError(f"kg refuses to open {target} while reading RDF")


@contextmanager
def sealed() -> Iterator[list[str]]:
    """Within the block, this thread can reach no host and open no file (but Python modules).

    Yields the list of refused attempts (empty when nothing was tried); a refused attempt
    raises :class:`PermissionError` where it happens.
    """
    global _hook_installed
    with _HOOK_LOCK:
        if not _hook_installed:
            sys.addaudithook(_audit)
            _hook_installed = True
    refused: list[str] = []
    _GUARD.roots = _module_roots()
    _GUARD.refused = refused
    try:
        yield refused
    finally:
        _GUARD.refused = None


def _format(path: Path, given: str | None) -> str:
    name = (given or path.suffix.lstrip(".")).lower()
    if name not in FORMATS:
        known = ", ".join(sorted(set(FORMATS.values())))
        raise RdfInputError(f"{path}: unknown RDF format {name or '(none)'!r} (use one of {known})")
    return FORMATS[name]


def _refuse_doctype(raw: bytes, path: Path) -> None:
    """Refuse XML that declares a DOCTYPE (where entities are declared) or an entity."""

    def refuse(*_: object) -> NoReturn:
        raise RdfInputError(
            f"{path}: RDF/XML with a DOCTYPE or entity declarations is refused "
            "(entities can read files, fetch URLs or expand without end)"
        )

    parser = xml.parsers.expat.ParserCreate()
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    try:
        parser.Parse(raw, True)
    except xml.parsers.expat.ExpatError as exc:
        raise RdfInputError(f"{path}: not well-formed XML: {exc}") from exc


def _refuse_context_references(raw: bytes, path: Path) -> None:
    """Refuse JSON-LD whose contexts (anywhere, scoped ones included) name a document."""
    try:
        pending = [json.loads(raw)]
    except (ValueError, RecursionError) as exc:
        raise RdfInputError(f"{path}: not valid JSON: {exc}") from exc
    while pending:
        node = pending.pop()
        if isinstance(node, list):
            pending.extend(node)
        elif isinstance(node, dict):
            if "@import" in node:
                raise RdfInputError(f"{path}: JSON-LD @import is refused (it fetches a context)")
            context = node.get("@context")
            contexts = context if isinstance(context, list) else [context]
            if any(isinstance(entry, str) for entry in contexts):
                raise RdfInputError(
                    f"{path}: a JSON-LD @context given by reference is refused "
                    "(it would be fetched); write the context into the file"
                )
            pending.extend(node.values())


def parse_user_rdf(
    path: Path, format: str | None = None, *, max_bytes: int = 50 * 1024 * 1024
) -> rdflib.Graph:
    """Parse one RDF file a user gave, touching nothing but that file.

    ``format`` is a name from :data:`FORMATS`, or None to go by the file's suffix.  N-Quads
    and TriG give an :class:`rdflib.Dataset`, the others an :class:`rdflib.Graph`.  Raises
    :class:`RdfInputError` (one line) for a file that cannot be read or parsed, or that asks
    to reach outside itself.
    """
    rdf_format = _format(path, format)
    try:
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        raise RdfInputError(f"{path}: cannot read the file ({exc.strerror or exc})") from exc
    if len(raw) > max_bytes:
        raise RdfInputError(f"{path}: file is larger than the limit of {max_bytes} bytes")
    if rdf_format == "xml":
        _refuse_doctype(raw, path)
    elif rdf_format == "json-ld":
        _refuse_context_references(raw, path)
    graph = rdflib.Dataset() if rdf_format in _DATASET_FORMATS else rdflib.Graph()
    rdflib.plugin.get(rdf_format, rdflib.parser.Parser)  # import the parser before sealing
    with sealed() as refused:
        try:
            graph.parse(data=raw, format=rdf_format, publicID=path.resolve().as_uri())
        except Exception as exc:  # rdflib's parsers raise many kinds: one line for each
            if not refused:
                reason = " ".join(str(exc).split())[:300] or type(exc).__name__
                raise RdfInputError(f"{path}: cannot parse as {rdf_format}: {reason}") from exc
    if refused:
        raise RdfInputError(f"{path}: reading it tried to reach outside it ({refused[0]})")
    return graph
