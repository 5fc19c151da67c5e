"""The query library (queries/*.rq) run on the demo corpus built with the real model."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib.plugins.sparql.parser import parseQuery

from kg.cli import main
from kg.params import bind_params, declared_params
from kg.query import run_query
from kg.store import KgStore

QUERIES = Path(__file__).resolve().parent.parent / "queries"
LIBRARY = sorted(QUERIES.glob("*.rq"))
COLUMN = re.compile(r"#\s*@column\s+(\w+)\s+—\s+\S")

#: A value for each parameter name used in the library, taken from the demo corpus.
SAMPLE = {
    "person": "Kem Sokha",
    "article": "443",
    "offence": "bribing a witness",
    "year": "2016",
    "court": "Supreme Court",
    "facility": "Prey Sar Prison",
    "name": "sokha",
    "organization": "CNRP",
    "start": "2017-09-01",
    "end": "2017-09-30",
    "proceeding": "res:proceeding/0000000000000000",
}

Rows = list[dict[str, str]]

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def store(demo_store: Path) -> KgStore:
    return KgStore(demo_store, read_only=True)


def run(store: KgStore, query: str, **params: str) -> tuple[list[str], Rows]:
    """Run a library query; return its column names and its rows as plain strings."""
    result = run_query(store, bind_params((QUERIES / query).read_text("utf-8"), params))
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    rows = [{n: row[n].value for n in names if row[n] is not None} for row in result]
    return names, rows


def test_the_library_answers_the_researchers_questions() -> None:
    names = {path.name for path in LIBRARY}
    assert len(names) >= 12
    for needed in (
        "timeline.rq",
        "charged_under_article.rq",
        "codefendants.rq",
        "org_members_arrested.rq",
        "court_actions.rq",
        "held_at_facility.rq",
        "memberships.rq",
        "proceeding_people.rq",
        "multi_source_events.rq",
    ):
        assert needed in names
    readme = (QUERIES / "README.md").read_text("utf-8")
    assert [name for name in sorted(names) if f"[`{name}`]({name})" not in readme] == []


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: p.name)
def test_every_query_is_documented_parses_runs_and_returns_its_columns(
    path: Path, store: KgStore
) -> None:
    text = path.read_text("utf-8")
    assert text.startswith("# Question: "), "each query opens with the question it answers"
    columns = COLUMN.findall(text)
    assert columns, "each query documents its columns (# @column NAME — meaning)"
    params = {name: SAMPLE[name] for name in declared_params(text)}
    bound = bind_params(text, params)
    parseQuery(bound)  # standard SPARQL 1.1, not only what Oxigraph accepts
    names, _ = run(store, path.name, **params)
    assert names == columns


def _dated_first_and_in_order(rows: Rows) -> bool:
    dates = [row.get("date") for row in rows]
    dated = [d for d in dates if d]
    return dates[: len(dated)] == dated and dated == sorted(dated)


def test_timeline_lists_the_arrest_with_its_evidence_and_source(store: KgStore) -> None:
    _, rows = run(store, "timeline.rq", person="Kem Sokha")
    arrests = [r for r in rows if r["type"] == "Arrest" and r.get("date") == "2017-09-03"]
    assert arrests
    assert all(r["evidence"] and r["sources"].endswith(".txt") for r in arrests)
    assert "001_3e0596b61597a4bc.txt" in {s for r in arrests for s in r["sources"].split()}
    assert _dated_first_and_in_order(rows)


def test_timeline_finds_a_person_by_alias_in_any_case(store: KgStore) -> None:
    _, by_label = run(store, "timeline.rq", person="Kem Sokha")
    _, by_alias = run(store, "timeline.rq", person="KEN SOKHA")
    assert by_alias == by_label
    assert {r["name"] for r in by_alias} == {"Kem Sokha"}


def test_charged_under_article_never_upgrades_a_charge(store: KgStore) -> None:
    _, rows = run(store, "charged_under_article.rq", article="Article 443")
    assert ("Kem Sokha", "charged") in {(r["name"], r["status"]) for r in rows}
    assert all(r["status"] == "charged" for r in rows)
    assert all("443" in r["provision"] for r in rows)


def test_charged_with_offence_and_codefendants(store: KgStore) -> None:
    accused = {"Ny Sokha", "Yi Soksan", "Nay Vanda", "Lem Mony"}
    _, charged = run(store, "charged_with_offence.rq", offence="Bribing a witness")
    assert accused <= {r["name"] for r in charged if r["status"] == "charged"}
    _, codefendants = run(store, "codefendants.rq", person="Ny Sokha")
    assert accused - {"Ny Sokha"} <= {r["codefendant"] for r in codefendants}
    assert "Ny Sokha" not in {r["codefendant"] for r in codefendants}


def test_organisations_whose_members_were_arrested_in_a_year(store: KgStore) -> None:
    _, rows = run(store, "org_members_arrested.rq", year="2016")
    adhoc = [r for r in rows if "Human Rights and Development" in r["organization"]]
    assert adhoc and int(adhoc[0]["members"]) >= 4
    _, none = run(store, "org_members_arrested.rq", year="1999")
    assert none == []


def test_what_a_court_did_and_who_was_held_where(store: KgStore) -> None:
    _, court = run(store, "court_actions.rq", court="supreme court")
    assert any(
        r["type"] == "Dissolution" and "Cambodia National Rescue Party" in r.get("subjects", "")
        for r in court
    )
    _, held = run(store, "held_at_facility.rq", facility="Prey Sar Prison")
    assert held and {r["type"] for r in held} <= {"Detention", "Release"}
    assert "Meach Sovannara" in {r["name"] for r in held}


def test_memberships_come_with_their_sources(store: KgStore) -> None:
    _, rows = run(store, "memberships.rq", person="Kem Sokha")
    cnrp = [r for r in rows if r["organization"] == "Cambodia National Rescue Party"]
    assert "president" in {r.get("role") for r in cnrp}
    assert all(r["sources"].endswith(".txt") and r["evidence"] for r in cnrp)
    _, members = run(store, "organisation_members.rq", organization="cnrp")
    assert "Kem Sokha" in {r["name"] for r in members}


def test_people_within_two_hops_of_a_proceeding(store: KgStore) -> None:
    _, cases = run(store, "person_proceedings.rq", person="Born Samnang")
    murder = [r for r in cases if "murder" in r["case"]]
    assert murder
    _, people = run(store, "proceeding_people.rq", proceeding=murder[0]["proceeding"])
    hops = {r["name"]: (r["hops"], r["how"]) for r in people}
    assert hops["Born Samnang"] == ("1", "defendant")
    assert hops["Sok Sam Oeun"][0] == "2"


def test_events_reported_by_more_than_one_source(store: KgStore) -> None:
    _, rows = run(store, "multi_source_events.rq")
    assert rows and all(int(r["documents"]) >= int(r["sources"]) >= 2 for r in rows)
    arrest = [
        r
        for r in rows
        if (r["type"], r["subjects"], r["date"]) == ("Arrest", "Kem Sokha", "2017-09-03")
    ]
    assert len(arrest) == 1
    assert set(arrest[0]["files"].split()) == {
        "001_3e0596b61597a4bc.txt",
        "002_8769f3845ee12cc6.txt",
    }
    assert arrest[0]["sources"] == "2"


def test_events_between_two_dates_overlap_the_period(store: KgStore) -> None:
    _, rows = run(store, "events_between.rq", start="2017-09-01", end="2017-09-30")
    assert any(r["type"] == "Arrest" and "Kem Sokha" in r.get("subjects", "") for r in rows)
    assert all("2017-09-01"[: len(r["date"])] <= r["date"] <= "2017-09-30" for r in rows)


def test_the_other_library_queries_find_what_the_texts_state(store: KgStore) -> None:
    _, actors = run(store, "find_actor.rq", name="SOKHA")
    assert {"Kem Sokha", "Ny Sokha"} <= {r["label"] for r in actors}
    _, dissolved = run(store, "dissolutions.rq")
    assert ("Cambodia National Rescue Party", "Dissolution") in {
        (r["organization"], r["type"]) for r in dissolved
    }
    _, provisions = run(store, "provisions_cited.rq")
    assert "Criminal Code Article 443" in {r["provision"] for r in provisions}


def test_kg_query_runs_a_library_file_with_a_param(demo_store: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "query",
            str(QUERIES / "find_actor.rq"),
            "--param",
            "name=zzz no such name",
            "--format",
            "json",
            "--store",
            str(demo_store),
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["head"]["vars"] == COLUMN.findall((QUERIES / "find_actor.rq").read_text("utf-8"))
    assert data["results"]["bindings"] == []
