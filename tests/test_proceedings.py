"""kg.proceedings groups each defendant's events into legal cases (fictional cases, then the
demo corpus built with the real model)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.namespaces import LEK, RES
from kg.proceedings import PROCEEDINGS_GRAPH, proceeding_iri, proceeding_quads
from kg.query import run_query
from kg.store import KgStore
from kg.to_rdf import offence_iri, provision_iri
from kg.validate import validate_store
from tests.fictional_cases import ARTICLE_495, CASES, build_store, event_iri, iri


@pytest.fixture(scope="module")
def store() -> KgStore:
    return build_store()


def proceedings_of(store: KgStore, person: str) -> dict[str, set[str]]:
    """Map each proceeding label of a defendant to the short names of its events."""
    result = run_query(
        store,
        f"""SELECT ?label ?event WHERE {{ ?p lek:defendant <{iri(person)}> ; rdfs:label ?label .
            OPTIONAL {{ ?event lek:partOf ?p }} }}""",
    )
    assert isinstance(result, ox.QuerySolutions)
    names = {event_iri(event.name): event.name for event in CASES}
    found: dict[str, set[str]] = {}
    for row in result:
        events = found.setdefault(row["label"].value, set())
        if row["event"] is not None:
            events.add(names[row["event"].value])
    return found


def test_a_case_gathers_its_steps_under_one_proceeding(store: KgStore) -> None:
    assert proceedings_of(store, "Chan Dara") == {
        "Chan Dara — treason": {
            "joint-charge",
            "dara-arrest",  # an arrest joins through the charge it cites
            "dara-conviction",
            "dara-trial",  # cites nothing, and Chan Dara has one case
            "dara-sentencing",
        }
    }


def test_co_defendants_each_have_a_proceeding_sharing_the_joint_charge(store: KgStore) -> None:
    assert proceedings_of(store, "Lim Sovann") == {
        "Lim Sovann — treason": {"joint-charge", "sovann-acquittal", "undated-trial"}
    }


def test_a_shared_article_joins_events_and_uncited_events_stay_out_of_two_cases(
    store: KgStore,
) -> None:
    assert proceedings_of(store, "Pich Nary") == {
        "Pich Nary — incitement": {"nary-incitement", "nary-conviction"},
        "Pich Nary — defamation": {"nary-defamation"},
    }


def test_events_that_are_no_step_of_a_criminal_case_make_no_proceeding(store: KgStore) -> None:
    assert proceedings_of(store, "Party of Imaginary Progress") == {}


def test_proceedings_carry_their_defendant_and_offences_under_stable_iris(store: KgStore) -> None:
    treason = offence_iri("treason")
    expected = proceeding_iri(iri("Chan Dara"), treason)
    assert expected.startswith(str(RES["proceeding/"]))
    result = run_query(store, f"SELECT ?p WHERE {{ ?p lek:charge <{treason}> ; a lek:Proceeding }}")
    assert isinstance(result, ox.QuerySolutions)
    assert {row["p"].value for row in result} == {
        expected,
        proceeding_iri(iri("Lim Sovann"), treason),
    }
    assert proceeding_quads(store) == proceeding_quads(store)
    incitement = proceeding_iri(iri("Pich Nary"), offence_iri("incitement"))
    assert ox.Quad(
        ox.NamedNode(incitement),
        ox.NamedNode(str(LEK.defendant)),
        ox.NamedNode(iri("Pich Nary")),
        ox.NamedNode(PROCEEDINGS_GRAPH),
    ) in set(proceeding_quads(store))


def test_a_case_citing_only_an_article_is_named_after_it() -> None:
    only_article = tuple(e for e in CASES if e.name == "nary-conviction")
    store = build_store(events=only_article)
    quads = proceeding_quads(store)
    labels = {q.object.value for q in quads if q.predicate.value.endswith("label")}
    assert labels == {"Pich Nary — Criminal Code Article 495"}
    assert {q.subject.value for q in quads} >= {
        proceeding_iri(iri("Pich Nary"), provision_iri(ARTICLE_495))
    }


def test_a_graph_with_proceedings_conforms_to_the_shapes(store: KgStore) -> None:
    report = validate_store(store)
    assert report.conforms, report.text


def test_a_proceeding_without_a_defendant_breaks_the_shapes() -> None:
    store = build_store()
    broken = [
        q for q in store.graph_quads(PROCEEDINGS_GRAPH) if q.predicate.value != str(LEK.defendant)
    ]
    store.replace_graph(PROCEEDINGS_GRAPH, broken)
    assert not validate_store(store).conforms


@pytest.mark.model
def test_kem_sokha_proceedings_include_the_treason_case(demo_store: Path) -> None:
    """The corpus says Kem Sokha was arrested in 2017 and jailed on treason charges."""
    result = run_query(
        KgStore(demo_store, read_only=True),
        f"""SELECT ?label WHERE {{ ?p lek:defendant <{RES["person/kem-sokha"]}> ;
             rdfs:label ?label ; lek:charge <{offence_iri("treason")}> }}""",
    )
    assert isinstance(result, ox.QuerySolutions)
    assert [row["label"].value for row in result] == ["Kem Sokha — treason"]
