"""Reading users' RDF (kg.rdf_input): nothing outside the given file is ever touched.

A loopback listener stands for "the network": it must receive no connection.  A local
file stands for "other files": it must never be opened (an audit hook watches) and its
triples must never show up.
"""

from __future__ import annotations

import socket
import sys
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib

from kg.errors import RdfInputError
from kg.rdf_input import parse_user_rdf, sealed

OWL_IMPORTS = "http://www.w3.org/2002/07/owl#imports"
_WATCHED: set[str] = set()
_OPENED: list[str] = []


def _watch_opens(event: str, args: tuple[object, ...]) -> None:
    if event == "open" and isinstance(args[0], str | bytes) and str(args[0]) in _WATCHED:
        _OPENED.append(str(args[0]))


sys.addaudithook(_watch_opens)


class Listener:
    """A TCP listener on 127.0.0.1 that counts the connections it receives."""

    def __init__(self) -> None:
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen()
        self.server.settimeout(0.05)
        self.port = self.server.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while self.running:
            try:
                connection, _ = self.server.accept()
            except TimeoutError:
                continue
            self.connections += 1
            connection.close()

    def stop(self) -> None:
        self.running = False
        self.thread.join()
        self.server.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.stop()


@pytest.fixture
def secret(tmp_path: Path) -> Iterator[Path]:
    """A local file holding a marker triple; the test fails if anything opens it."""
    path = tmp_path / "secret.ttl"
    path.write_text('<http://example.org/secret> <http://example.org/p> "SECRET-MARKER" .\n')
    _WATCHED.add(str(path))
    _OPENED.clear()
    yield path
    _WATCHED.discard(str(path))


XML_HEAD = '<?xml version="1.0"?>\n'
RDF_OPEN = (
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    'xmlns:ex="http://example.org/" xmlns:owl="http://www.w3.org/2002/07/owl#">'
)
DESCRIPTION = '<rdf:Description rdf:about="http://example.org/a"><ex:b>{value}</ex:b>'
RDF_CLOSE = "</rdf:Description></rdf:RDF>"


def rdf_xml(doctype: str, value: str) -> str:
    return XML_HEAD + doctype + RDF_OPEN + DESCRIPTION.format(value=value) + RDF_CLOSE


LAUGHS = "".join(
    f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10 if i else "ha"}">' for i in range(10)
)

# name -> (file name, content with {port} and {secret}, the reason in the refusal)
REFUSED = {
    "XML external entity: a local file": (
        "file-entity.rdf",
        rdf_xml('<!DOCTYPE rdf:RDF [<!ENTITY x SYSTEM "file://{secret}">]>', "&x;"),
        "DOCTYPE",
    ),
    "XML external entity: a URL": (
        "url-entity.rdf",
        rdf_xml('<!DOCTYPE rdf:RDF [<!ENTITY x SYSTEM "http://127.0.0.1:{port}/x">]>', "&x;"),
        "DOCTYPE",
    ),
    "XML parameter entity": (
        "parameter-entity.rdf",
        rdf_xml('<!DOCTYPE rdf:RDF [<!ENTITY % p SYSTEM "http://127.0.0.1:{port}/p"> %p;]>', "x"),
        "DOCTYPE",
    ),
    "XML external DTD": (
        "external-dtd.rdf",
        rdf_xml('<!DOCTYPE rdf:RDF SYSTEM "http://127.0.0.1:{port}/rdf.dtd">', "x"),
        "DOCTYPE",
    ),
    "XML entity expansion (billion laughs)": (
        "laughs.rdf",
        rdf_xml(f"<!DOCTYPE rdf:RDF [{LAUGHS}]>", "&l9;"),
        "DOCTYPE",
    ),
    "JSON-LD remote context": (
        "remote.jsonld",
        '{{"@context": "http://127.0.0.1:{port}/context.jsonld", "@id": "http://example.org/a"}}',
        "@context given by reference",
    ),
    "JSON-LD context from a local file": (
        "local.jsonld",
        '{{"@context": "file://{secret}", "@id": "http://example.org/a"}}',
        "@context given by reference",
    ),
    "JSON-LD relative context reference": (
        "relative.jsonld",
        '{{"@context": ["secret.ttl", {{"ex": "http://example.org/"}}], "@id": "ex:a"}}',
        "@context given by reference",
    ),
    "JSON-LD scoped context by reference": (
        "scoped.jsonld",
        '{{"@context": {{"ex": "http://example.org/", "ex:knows": {{"@id": "ex:knows", '
        '"@context": "http://127.0.0.1:{port}/scoped"}}}}, "@id": "ex:a"}}',
        "@context given by reference",
    ),
    "JSON-LD @import": (
        "import.jsonld",
        '{{"@context": {{"@import": "http://127.0.0.1:{port}/c", "ex": "http://example.org/"}}, '
        '"@id": "ex:a"}}',
        "@import is refused",
    ),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_what_would_reach_outside_the_file_is_refused(
    case: str, tmp_path: Path, listener: Listener, secret: Path
) -> None:
    name, template, reason = REFUSED[case]
    path = tmp_path / name
    path.write_text(template.format(port=listener.port, secret=secret))
    with pytest.raises(RdfInputError, match=reason) as caught:
        parse_user_rdf(path)
    assert "\n" not in str(caught.value)
    assert listener.connections == 0
    assert _OPENED == []


# name -> (file name, content with {port} and {secret}, triples expected)
IMPORTS_KEPT = {
    "Turtle": (
        "extension.ttl",
        "@prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix ex: <http://example.org/> .\n"
        "<> owl:imports <http://127.0.0.1:{port}/onto.ttl>, <file://{secret}> .\n"
        'ex:a ex:b "c" .\n',
        3,
    ),
    "RDF/XML": (
        "extension.rdf",
        XML_HEAD
        + RDF_OPEN
        + '<owl:Ontology rdf:about=""><owl:imports rdf:resource="http://127.0.0.1:{port}/o"/>'
        + '<owl:imports rdf:resource="file://{secret}"/></owl:Ontology></rdf:RDF>',
        3,
    ),
    "JSON-LD": (
        "extension.jsonld",
        '{{"@context": {{"owl": "http://www.w3.org/2002/07/owl#"}}, "@id": "", '
        '"owl:imports": [{{"@id": "http://127.0.0.1:{port}/o"}}, {{"@id": "file://{secret}"}}]}}',
        2,
    ),
    "TriG": (
        "curation.trig",
        "<http://example.org/g> {{ <http://example.org/o> "
        "<http://www.w3.org/2002/07/owl#imports> <http://127.0.0.1:{port}/o> }}\n",
        1,
    ),
    "N-Quads": (
        "curation.nq",
        "<http://example.org/o> <http://www.w3.org/2002/07/owl#imports> <file://{secret}> "
        "<http://example.org/g> .\n",
        1,
    ),
}


def statements(graph: rdflib.Graph) -> list[tuple[object, object, object]]:
    """Every triple, from every named graph of a dataset."""
    if isinstance(graph, rdflib.Dataset):
        return [(s, p, o) for s, p, o, _ in graph.quads((None, None, None, None))]
    return list(graph.triples((None, None, None)))


@pytest.mark.parametrize("case", list(IMPORTS_KEPT))
def test_owl_imports_is_read_as_a_statement_and_never_followed(
    case: str, tmp_path: Path, listener: Listener, secret: Path
) -> None:
    name, template, expected = IMPORTS_KEPT[case]
    path = tmp_path / name
    path.write_text(template.format(port=listener.port, secret=secret))
    graph = parse_user_rdf(path)
    triples = statements(graph)
    assert len(triples) == expected
    assert any(str(p) == OWL_IMPORTS for _, p, _ in triples)
    assert "SECRET-MARKER" not in {str(o) for _, _, o in triples}
    assert listener.connections == 0
    assert _OPENED == []


def test_the_guard_refuses_network_and_files_while_sealed(listener: Listener, secret: Path) -> None:
    with sealed() as refused:
        with pytest.raises(PermissionError):
            urllib.request.urlopen(f"http://127.0.0.1:{listener.port}/", timeout=5)
        with pytest.raises(PermissionError):
            secret.read_text()
    assert len(refused) == 2
    assert listener.connections == 0
    assert secret.read_text().startswith("<http://example.org/secret>")  # unsealed again


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("notes.txt", None), ("onto.ttl", "yaml")],
)
def test_an_unknown_format_is_one_line(tmp_path: Path, name: str, fmt: str | None) -> None:
    path = tmp_path / name
    path.write_text("x")
    with pytest.raises(RdfInputError, match="unknown RDF format"):
        parse_user_rdf(path, fmt)


def test_a_missing_or_malformed_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(RdfInputError, match="cannot read the file"):
        parse_user_rdf(tmp_path / "absent.ttl")
    broken = tmp_path / "broken.ttl"
    broken.write_text("<http://example.org/a> <http://example.org/b> .\n")
    with pytest.raises(RdfInputError, match="cannot parse as turtle") as caught:
        parse_user_rdf(broken)
    assert "\n" not in str(caught.value)


def test_the_format_can_be_named_instead_of_guessed(tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_text('<http://example.org/a> <http://example.org/b> "Chan Dara" .\n')
    assert {str(o) for _, _, o in statements(parse_user_rdf(path, "nt"))} == {"Chan Dara"}
