"""Typed query parameters: declared in the header, bound as terms, never pasted as text."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import main
from kg.errors import QueryError
from kg.params import bind_params, declared_params, parse_param_options, sparql_term
from kg.store import KgStore

RES = "https://w3id.org/legal-events-kg/id/"
LEK = "https://w3id.org/legal-events-kg/ontology#"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"

ECHO = """# Question: what was I given?
# @param value: string — anything at all
SELECT ?value WHERE { }
"""

HOSTILE_VALUES = [
    "Chan Dara",
    'Lim "Sovann"',
    'x" } ?s ?p ?o . FILTER("1',
    "x' } INSERT DATA { <urn:a> <urn:b> <urn:c> } #",
    "back\\slash and a final backslash \\",
    "\\u0022 } SERVICE <http://127.0.0.1:1/> { ?s ?p ?o",
    "\\U00000022 and \\\\u0041",
    "line one\nline two\r\n\ttabbed",
    "Pich Nary ☃ naïve",
    '"""',
    "'''",
    "",
]


def _bound_value_in_oxigraph(query: str) -> list[str]:
    result = ox.Store().query(query)
    assert isinstance(result, ox.QuerySolutions)
    return [row["value"].value for row in result]


def _bound_value_in_rdflib(query: str) -> list[str]:
    return [str(row[0]) for row in Graph().query(query)]  # type: ignore[index]


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_a_string_comes_back_unchanged_from_two_engines(value: str) -> None:
    bound = bind_params(ECHO, {"value": value})
    assert _bound_value_in_oxigraph(bound) == [value]
    assert _bound_value_in_rdflib(bound) == [value]


def test_declarations_are_read_from_the_opening_comment() -> None:
    text = """# Question: when?
# @param person: string — the person's name (label or alias)
# @param year: gYear - the year
#@param page:integer
PREFIX lek: <https://w3id.org/legal-events-kg/ontology#>
# @param late: string — not in the opening comment, so not a parameter
SELECT * WHERE { }
"""
    params = declared_params(text)
    assert list(params) == ["person", "year", "page"]
    assert params["person"].type == "string"
    assert params["person"].doc == "the person's name (label or alias)"
    assert params["year"].type == "gYear" and params["page"].type == "integer"


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("# @param year: yearish", "unknown type 'yearish'"),
        ("# @param x: string\n# @param x: integer", "declared twice"),
    ],
)
def test_a_bad_declaration_is_one_clear_error(header: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        declared_params(header + "\nSELECT * WHERE { }")


@pytest.mark.parametrize(
    ("value", "kind", "term"),
    [
        ("42", "integer", '"42"^^<http://www.w3.org/2001/XMLSchema#integer>'),
        (" -7 ", "integer", '"-7"^^<http://www.w3.org/2001/XMLSchema#integer>'),
        ("2.5", "decimal", '"2.5"^^<http://www.w3.org/2001/XMLSchema#decimal>'),
        ("true", "boolean", '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>'),
        ("2017-09-03", "date", '"2017-09-03"^^<http://www.w3.org/2001/XMLSchema#date>'),
        ("2017-09", "gYearMonth", '"2017-09"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>'),
        ("2017", "gYear", '"2017"^^<http://www.w3.org/2001/XMLSchema#gYear>'),
        ("urn:example:x", "iri", "<urn:example:x>"),
        ("res:person/chan-dara", "iri", f"<{RES}person/chan-dara>"),
        ("lek:Arrest", "iri", f"<{LEK}Arrest>"),
    ],
)
def test_typed_values_become_typed_terms(value: str, kind: str, term: str) -> None:
    assert sparql_term(value, kind) == term


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("12a", "integer"),
        ("1 } ?s ?p ?o", "integer"),
        ("2017-02-30", "date"),
        ("03/09/2017", "date"),
        ("17", "gYear"),
        ("2017-13", "gYearMonth"),
        ("yes", "boolean"),
        ("not an iri", "iri"),
        ("http://example.org/a> } <urn:x", "iri"),
        ('http://example.org/"', "iri"),
        ("relative/path", "iri"),
    ],
)
def test_a_value_of_the_wrong_type_is_refused(value: str, kind: str) -> None:
    with pytest.raises(QueryError, match=f"not a valid {kind}"):
        sparql_term(value, kind, "p")


def test_missing_and_unknown_parameters_are_one_line_errors() -> None:
    with pytest.raises(QueryError, match=r"^missing parameter value \(string: anything at all\)"):
        bind_params(ECHO, {})
    with pytest.raises(QueryError, match="unknown parameter colour; this query takes value"):
        bind_params(ECHO, {"value": "a", "colour": "red"})
    with pytest.raises(QueryError, match="takes no parameters"):
        bind_params("SELECT * WHERE { }", {"value": "a"})


def test_a_query_without_parameters_is_left_alone() -> None:
    text = "SELECT * WHERE { ?s ?p ?o }"
    assert bind_params(text, {}) == text


def test_a_declared_parameter_the_query_never_uses_is_an_error() -> None:
    with pytest.raises(QueryError, match=r"never uses \?person"):
        bind_params("# @param person: string\nSELECT ?x WHERE { ?x ?p 'person' }", {"person": "a"})


@pytest.mark.parametrize(
    "query",
    [
        # no WHERE keyword
        "# @param value: string\nSELECT ?value { }",
        # the word WHERE as a prefix, and WHERE { ?value } in a comment and a string
        "# @param value: string\nPREFIX where: <http://example.org/where#>\n"
        "SELECT ?value ?other # WHERE { ?value }\n"
        'WHERE { BIND("WHERE { ?value }" AS ?other) }',
        # a sub-select's braces come after the outer group's
        "# @param value: string\nSELECT ?value WHERE { { SELECT ?x WHERE { } } }",
    ],
)
def test_the_values_clause_goes_into_the_outermost_group(query: str) -> None:
    assert _bound_value_in_oxigraph(bind_params(query, {"value": "Chan Dara"})) == ["Chan Dara"]


def test_a_construct_binds_in_its_where_group_not_its_template() -> None:
    query = """# @param name: string
CONSTRUCT { <urn:x> <urn:name> ?name } WHERE { }"""
    result = ox.Store().query(bind_params(query, {"name": "Lim Sovann"}))
    assert isinstance(result, ox.QueryTriples)
    assert [t.object.value for t in result] == ["Lim Sovann"]


def test_malformed_sparql_with_parameters_is_reported() -> None:
    with pytest.raises(QueryError, match="invalid SPARQL"):
        bind_params("# @param value: string\nSELECT ?value WHERE { ?value", {"value": "a"})


def test_options_are_split_at_the_first_equals_sign() -> None:
    assert parse_param_options(["q=a=b", "empty="]) == {"q": "a=b", "empty": ""}
    with pytest.raises(QueryError, match="NAME=VALUE"):
        parse_param_options(["novalue"])
    with pytest.raises(QueryError, match="given twice"):
        parse_param_options(["a=1", "a=2"])


@pytest.fixture
def tiny_store(tmp_path: Path) -> Path:
    """A store on disk holding two fictional people, written through the store's own API."""
    from kg.store import open_for_writing

    path = tmp_path / "store"
    with open_for_writing(path) as store:
        for key, name in (("chan-dara", "Chan Dara"), ("lim-sovann", "Lim Sovann")):
            node, graph = ox.NamedNode(RES + f"person/{key}"), ox.NamedNode(RES + f"graph/{key}")
            store.replace_graph(
                graph.value,
                [ox.Quad(node, ox.NamedNode(RDFS_LABEL), ox.Literal(name), graph)],
            )
    assert len(KgStore(path, read_only=True)) == 2
    return path


def test_kg_query_binds_params_from_the_command_line(tiny_store: Path, tmp_path: Path) -> None:
    query = tmp_path / "who.rq"
    query.write_text(
        "# @param name: string — a label\n"
        "SELECT ?person WHERE { ?person rdfs:label ?label FILTER(?label = ?name) }\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    args = ["query", str(query), "--store", str(tiny_store), "--format", "csv"]
    result = runner.invoke(main, [*args, "--param", "name=Lim Sovann"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["person", f"{RES}person/lim-sovann"]
    missing = runner.invoke(main, args)
    assert missing.exit_code == 1
    assert missing.output.strip() == (
        "Error: missing parameter name (string: a label); give --param name=VALUE"
    )
