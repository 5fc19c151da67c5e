"""Membership patterns on fictional sentences, with hand-made mentions and a blank pipeline."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from kg.extract.memberships import find_memberships
from kg.model import Document, Item, Mention, stable_id


@pytest.fixture(scope="module")
def blank() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _memberships(
    nlp: Language, text: str, spans: list[tuple[str, str]]
) -> set[tuple[str, str, str | None]]:
    doc_id = stable_id("m.txt")
    document = Document(doc_id, "m.txt", "m.txt", "0", text)
    item = Item(stable_id(doc_id, 0), doc_id, 0, 0, len(text), text)
    mentions = []
    position = 0
    for surface, kind in spans:
        start = text.index(surface, position)
        position = start + len(surface)
        mentions.append(
            Mention(stable_id(doc_id, start), item.item_id, surface, kind, start, position)
        )
    names = {m.mention_id: m.text for m in mentions}
    found = find_memberships(document, item, nlp(text), mentions)
    for membership in found:
        assert document.text[membership.start : membership.end] == membership.evidence
    return {(names[m.person], names[m.organization], m.role) for m in found}


PARTY = ("Party of Imaginary Progress", "PoliticalParty")
LEAGUE = ("Ruritanian League for Fictional Rights", "CivilSocietyOrganization")


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        (
            "Chan Dara, president of the Party of Imaginary Progress, was arrested.",
            [("Chan Dara", "Person"), PARTY],
            ("Chan Dara", PARTY[0], "president"),
        ),
        (
            "The current leader of the Party of Imaginary Progress, Chan Dara, was arrested.",
            [PARTY, ("Chan Dara", "Person")],
            ("Chan Dara", PARTY[0], "leader"),
        ),
        (
            "Later PIP Vice-President Chan Dara was summoned.",
            [("PIP", "PoliticalParty"), ("Chan Dara", "Person")],
            ("Chan Dara", "PIP", "vice-president"),
        ),
        (
            "“We object,” said Lim Sovann, Fictional Watch’s Director for Asia and the Pacific.",
            [("Lim Sovann", "Person"), ("Fictional Watch", "CivilSocietyOrganization")],
            ("Lim Sovann", "Fictional Watch", "director for asia and the pacific"),
        ),
        (
            "The PIP is led by Pich Nary, who lives abroad.",
            [("PIP", "PoliticalParty"), ("Pich Nary", "Person")],
            ("Pich Nary", "PIP", "leader"),
        ),
        (
            "Investigating Judge Lim Sovann of the Vel Mora Municipal Court refused bail.",
            [("Lim Sovann", "Person"), ("Vel Mora Municipal Court", "Court")],
            ("Lim Sovann", "Vel Mora Municipal Court", "investigating judge"),
        ),
    ],
)
def test_role_patterns(
    blank: Language, text: str, spans: list[tuple[str, str]], expected: tuple[str, str, str]
) -> None:
    assert expected in _memberships(blank, text, spans)


def test_every_listed_person_takes_the_role(blank: Language) -> None:
    text = (
        "Four staff members from the Ruritanian League for Fictional Rights (RLFR), Chan Dara, "
        "Lim Sovann, Pich Nary, and Ivan Fictivov, were arrested."
    )
    people = ["Chan Dara", "Lim Sovann", "Pich Nary", "Ivan Fictivov"]
    spans = [LEAGUE, ("RLFR", "CivilSocietyOrganization"), *((p, "Person") for p in people)]
    found = _memberships(blank, text, spans)
    assert {(p, "RLFR", "staff member") for p in people} <= found


def test_no_membership_without_a_role(blank: Language) -> None:
    text = "Chan Dara met the Party of Imaginary Progress in Vel Mora."
    assert _memberships(blank, text, [("Chan Dara", "Person"), PARTY]) == set()


def test_a_person_named_after_an_organisation_in_another_sentence_is_no_member(
    blank: Language,
) -> None:
    text = "The Party of Imaginary Progress was dissolved. Chan Dara, a farmer, protested."
    assert _memberships(blank, text, [PARTY, ("Chan Dara", "Person")]) == set()
