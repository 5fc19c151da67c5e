"""A small store of FICTIONAL legal cases, laid out by the real kg.to_rdf, kg.proceedings and
kg.happenings.

Used by the proceedings, graph and analysis tests.  Every person, party, court and ministry
here is invented.

- Chan Dara and Lim Sovann are charged together with treason (one Charge event, both
  subjects, Criminal Code Article 443) by the Municipal Court of Nowhere.  Chan Dara was
  arrested on that charge, tried, convicted (by judge Ivan Fictivov) and sentenced; Lim
  Sovann was acquitted.
- Pich Nary faces two cases from 2018: incitement (Article 495, to which a later conviction
  citing only the article belongs) and defamation; a release and a detention that cite
  nothing belong to neither.
- The Party of Imaginary Progress is dissolved in 2019 on a complaint by the Ministry of
  Imaginary Affairs (no proceeding: neither is a step of a criminal case).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.happenings import EVENTS_GRAPH, happening_quads
from kg.model import (
    Document,
    Entity,
    Event,
    Extraction,
    Item,
    Membership,
    Mention,
    Provision,
    Resolved,
    entity_id_for,
    stable_id,
)
from kg.proceedings import PROCEEDINGS_GRAPH, proceeding_quads
from kg.store import KgStore, open_for_writing
from kg.to_rdf import document_quads, entity_iri, graph_iri
from kg.to_rdf import event_iri as named_event_iri

__all__ = ["ACTORS", "CASES", "FictionalEvent", "build_store", "event_iri", "iri"]

ACTORS = {
    "Chan Dara": "Person",
    "Lim Sovann": "Person",
    "Pich Nary": "Person",
    "Ivan Fictivov": "Person",
    "Party of Imaginary Progress": "PoliticalParty",
    "Municipal Court of Nowhere": "Court",
    "Ministry of Imaginary Affairs": "GovernmentBody",
}
ARTICLE_443 = Provision("Criminal Code", "443")
ARTICLE_495 = Provision("Criminal Code", "495")


@dataclass(frozen=True)
class FictionalEvent:
    """An event in a compact form: its kind, subjects, sentence and what it cites."""

    name: str
    type: str
    subjects: tuple[str, ...]
    evidence: str
    date: str | None = None
    charges: tuple[str, ...] = ()
    provisions: tuple[Provision, ...] = ()
    agents: tuple[str, ...] = ()


CASES = (
    FictionalEvent(
        "joint-charge",
        "Charge",
        ("Chan Dara", "Lim Sovann"),
        "Chan Dara and Lim Sovann were charged with treason under Article 443.",
        "2016-03-01",
        ("treason",),
        (ARTICLE_443,),
        ("Municipal Court of Nowhere",),
    ),
    FictionalEvent(
        "dara-arrest",
        "Arrest",
        ("Chan Dara",),
        "Chan Dara was arrested on charges of treason.",
        "2016-02-28",
        ("treason",),
    ),
    FictionalEvent("dara-trial", "Trial", ("Chan Dara",), "Chan Dara was tried.", "2016-09"),
    FictionalEvent(
        "dara-conviction",
        "Conviction",
        ("Chan Dara",),
        "Judge Ivan Fictivov convicted Chan Dara of treason.",
        "2017-02-10",
        ("treason",),
        agents=("Ivan Fictivov",),
    ),
    FictionalEvent(
        "dara-sentencing",
        "Sentencing",
        ("Chan Dara",),
        "Chan Dara was sentenced to ten years.",
        "2017-02-10",
    ),
    FictionalEvent(
        "sovann-acquittal", "Acquittal", ("Lim Sovann",), "Lim Sovann was acquitted.", "2017-05"
    ),
    FictionalEvent(
        "nary-incitement",
        "Charge",
        ("Pich Nary",),
        "Pich Nary was charged with incitement under Article 495.",
        "2018-01-15",
        ("incitement",),
        (ARTICLE_495,),
    ),
    FictionalEvent(
        "nary-defamation",
        "Charge",
        ("Pich Nary",),
        "Pich Nary was also charged with defamation.",
        "2018-02",
        ("defamation",),
    ),
    FictionalEvent(
        "nary-conviction",
        "Conviction",
        ("Pich Nary",),
        "Pich Nary was convicted under Article 495.",
        "2018-03-20",
        provisions=(ARTICLE_495,),
        agents=("Municipal Court of Nowhere",),
    ),
    FictionalEvent("nary-detention", "Detention", ("Pich Nary",), "Pich Nary was held.", "2018-01"),
    FictionalEvent("nary-release", "Release", ("Pich Nary",), "Pich Nary was freed.", "2018-06"),
    FictionalEvent(
        "party-complaint",
        "Complaint",
        ("Party of Imaginary Progress",),
        "The Ministry of Imaginary Affairs filed a complaint against the party.",
        "2018-10",
        agents=("Ministry of Imaginary Affairs",),
    ),
    FictionalEvent(
        "party-dissolution",
        "Dissolution",
        ("Party of Imaginary Progress",),
        "The Party of Imaginary Progress was dissolved.",
        "2019",
    ),
    FictionalEvent(
        "undated-trial", "Trial", ("Lim Sovann",), "Lim Sovann's hearing was postponed."
    ),
)
#: (person, organisation, role, sentence) of the stated memberships.
MEMBERSHIPS = (
    ("Chan Dara", "Party of Imaginary Progress", "president", "Chan Dara, the party's president."),
    ("Lim Sovann", "Party of Imaginary Progress", None, "Lim Sovann, a party member."),
)
DOC_ID = stable_id("fictional.txt")


def iri(name: str) -> str:
    """The IRI of a fictional actor."""
    return entity_iri(entity_id_for(ACTORS[name], name))


def event_iri(name: str) -> str:
    """The IRI of a fictional event, by its short name in :data:`CASES`, as kg.to_rdf names
    it (after its happening when it has a subject and a day)."""
    case = next(case for case in CASES if case.name == name)
    event = Event(stable_id(DOC_ID, name), case.type, "", case.evidence, 0, 1, date=case.date)
    return named_event_iri(event, [iri(subject) for subject in case.subjects])


def _resolved(text: str, item: Item, events: tuple[FictionalEvent, ...]) -> Resolved:
    mentions = tuple(
        Mention(stable_id(name), item.item_id, name, kind, 0, len(name))
        for name, kind in ACTORS.items()
    )
    entities = tuple(
        Entity(entity_id_for(kind, name), kind, name, name, (), (stable_id(name),))
        for name, kind in ACTORS.items()
    )
    extracted = []
    for event in events:
        start = text.index(event.evidence)
        extracted.append(
            Event(
                event_id=stable_id(DOC_ID, event.name),
                type=event.type,
                item_id=item.item_id,
                evidence=event.evidence,
                start=start,
                end=start + len(event.evidence),
                subjects=tuple(stable_id(name) for name in event.subjects),
                agents=tuple(stable_id(name) for name in event.agents),
                charges=event.charges,
                provisions=event.provisions,
                date=event.date,
            )
        )
    memberships = []
    for person, organisation, role, sentence in MEMBERSHIPS:
        start = text.index(sentence)
        memberships.append(
            Membership(
                stable_id(DOC_ID, person, organisation),
                item.item_id,
                stable_id(person),
                stable_id(organisation),
                role,
                sentence,
                start,
                start + len(sentence),
            )
        )
    extraction = Extraction(mentions, tuple(extracted), tuple(memberships))
    canonical = {
        mention.mention_id: entity_id_for(mention.type, mention.text) for mention in mentions
    }
    return Resolved(extraction, entities, canonical)


def _fill(store: KgStore, events: tuple[FictionalEvent, ...]) -> None:
    sentences = [event.evidence for event in events] + [m[3] for m in MEMBERSHIPS]
    text = " ".join(dict.fromkeys(sentences))
    document = Document(DOC_ID, "fictional.txt", "fictional.txt", "0" * 64, text)
    item = Item(stable_id(DOC_ID, 0), DOC_ID, 0, 0, len(text), text)
    quads = document_quads(document, [item], _resolved(text, item, events))
    store.replace_graph(graph_iri(document), quads)
    store.refresh_entity_labels()
    store.replace_graph(PROCEEDINGS_GRAPH, proceeding_quads(store))
    store.replace_graph(EVENTS_GRAPH, happening_quads(store))


def build_store(path: Path | None = None, events: tuple[FictionalEvent, ...] = CASES) -> KgStore:
    """Lay the fictional cases out as a build does: in memory, or published as the store
    folder ``path`` (then returned opened read-only, as the commands open it)."""
    if path is None:
        store = KgStore(None)
        _fill(store, events)
        return store
    with open_for_writing(path) as working_copy:
        _fill(working_copy, events)
    return KgStore(path, read_only=True)
