"""The demo corpus end to end with the real model: build, query, validate, export, eval."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.eval import evaluate
from kg.store import KgStore

from .conftest import CORPUS, GOLD

# Floors at what the extractor reaches today on the demo corpus: raise them as it
# improves, never lower them. Each is at or above the extraction issue's target
# (persons 0.95, organisations 0.90, memberships 0.85, events 0.85, charges 0.80,
# provisions 0.95, event dates 0.90).
FLOORS = {
    "persons": 1.0,
    "organisations": 0.96,
    "memberships": 0.95,
    "events": 0.95,
    "charges": 1.0,
    "provisions": 1.0,
}
DATE_ACCURACY_FLOOR = 0.98
NODES_PER_ENTITY_CEILING = 1.0


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_build_reads_every_demo_document(demo_store: Path) -> None:
    code, out = run(
        "query",
        "--format",
        "csv",
        "--store",
        str(demo_store),
        "SELECT ?id WHERE { ?d dcterms:identifier ?id } ORDER BY ?id",
    )
    assert code == 0, out
    assert out.split()[1:] == sorted(p.name for p in CORPUS.glob("*.txt"))


def test_query_json_is_w3c_sparql_results(demo_store: Path) -> None:
    code, out = run(
        "query",
        "--format",
        "json",
        "--store",
        str(demo_store),
        "SELECT ?e ?type WHERE { ?e a ?type . ?type rdfs:subClassOf lek:Event }",
    )
    assert code == 0, out
    data = json.loads(out)
    assert data["head"]["vars"] == ["e", "type"]
    assert data["results"]["bindings"], "the demo corpus yields events"
    assert {b["e"]["type"] for b in data["results"]["bindings"]} == {"uri"}


def test_every_event_has_evidence_and_a_source(demo_store: Path) -> None:
    code, out = run(
        "query",
        "--format",
        "json",
        "--store",
        str(demo_store),
        """
        SELECT ?e WHERE {
          ?e a ?type . ?type rdfs:subClassOf lek:Event .
          FILTER NOT EXISTS { ?e lek:evidence ?ev ; prov:wasDerivedFrom ?doc . ?doc a lek:Document }
        }""",
    )
    assert code == 0, out
    assert json.loads(out)["results"]["bindings"] == []


def test_the_demo_graph_conforms_to_the_shapes(demo_store: Path) -> None:
    code, out = run("validate", "--store", str(demo_store))
    assert code == 0, out


def test_a_second_build_changes_nothing(demo_store: Path) -> None:
    code, out = run("build", str(CORPUS), "--store", str(demo_store))
    assert code == 0, out
    assert "0 changed, 5 unchanged, 0 failed" in out


def test_two_builds_from_scratch_export_identical_nquads(demo_store: Path, tmp_path: Path) -> None:
    other = tmp_path / "again"
    files = sorted(CORPUS.glob("*.txt"), reverse=True)
    code, out = run("build", *map(str, files), "--store", str(other))
    assert code == 0, out
    first, second = tmp_path / "1.nq", tmp_path / "2.nq"
    assert run("export", "--format", "nq", "-o", str(first), "--store", str(demo_store))[0] == 0
    assert run("export", "--format", "nq", "-o", str(second), "--store", str(other))[0] == 0
    assert first.read_bytes() == second.read_bytes()
    assert first.stat().st_size > 10_000


@pytest.mark.parametrize("fmt", ["trig", "ttl", "jsonld"])
def test_export_formats_parse_back(demo_store: Path, tmp_path: Path, fmt: str) -> None:
    import rdflib

    out = tmp_path / f"graph.{fmt}"
    code, text = run("export", "--format", fmt, "-o", str(out), "--store", str(demo_store))
    assert code == 0, text
    if fmt == "ttl":
        graph = rdflib.Graph().parse(out, format="turtle")
        assert len(graph) > 100
        return
    dataset = rdflib.Dataset().parse(out, format={"trig": "trig", "jsonld": "json-ld"}[fmt])
    quads = list(dataset.quads())
    assert len(quads) > 100
    assert len({graph for *_, graph in quads}) > 5, "one named graph per document"


def test_eval_scores_the_demo_corpus_at_or_above_the_floors(demo_store: Path) -> None:
    report = evaluate(KgStore(demo_store, read_only=True).oxigraph, GOLD)
    for name, floor in FLOORS.items():
        assert report.scores[name].f1 >= floor, (name, report.scores[name])
    assert report.dates.value >= DATE_ACCURACY_FLOOR
    assert report.nodes["all"].merges == 0, "no two real entities merged"
    assert report.nodes["all"].per_entity <= NODES_PER_ENTITY_CEILING


def test_eval_command_prints_every_figure(demo_store: Path) -> None:
    code, out = run("eval", "--gold", str(GOLD), "--store", str(demo_store))
    assert code == 0, out
    for word in ("persons", "organisations", "memberships", "events", "charges", "provisions"):
        assert word in out
