"""Membership patterns on fictional sentences, with hand-made mentions and a blank pipeline."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from kg.extract.memberships import find_memberships
from kg.extract.nlp import load_nlp
from kg.model import Document, Item, Mention, stable_id
from kg.settings import Settings


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


ALLIANCE = ("Fictional Democratic Alliance", "PoliticalParty")
UNION = ("Union of Imaginary Miners", "CivilSocietyOrganization")


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        (
            "The Union of Imaginary Miners was closed. The union's chairman, Stepan Pretendenko, "
            "left the country.",
            [UNION, ("Stepan Pretendenko", "Person")],
            ("Stepan Pretendenko", UNION[0], "chairman"),
        ),
        (
            "The Union of Imaginary Miners called the trial a farce. Its director, "
            "Ny Fictchanthou, asked for an inquiry.",
            [UNION, ("Ny Fictchanthou", "Person")],
            ("Ny Fictchanthou", UNION[0], "director"),
        ),
        (
            "Members of the Fictional Democratic Alliance were charged. Wong Fictional-man, the "
            "alliance's convenor, pleaded not guilty.",
            [ALLIANCE, ("Wong Fictional-man", "Person")],
            ("Wong Fictional-man", ALLIANCE[0], "convenor"),
        ),
        (
            "The Fictional Democratic Alliance held a vote. Chan is the party's vice-chairwoman.",
            [ALLIANCE, ("Chan", "Person")],
            ("Chan", ALLIANCE[0], "vice-chairwoman"),
        ),
        (
            "The Union of Imaginary Miners was dissolved. Her deputy at the union, Mikhail "
            "Pretendovich, was jailed.",
            [UNION, ("Mikhail Pretendovich", "Person")],
            ("Mikhail Pretendovich", UNION[0], "deputy"),
        ),
        (
            "Chief Magistrate Ho Invented-chun of the West Harbour Magistrates' Court said no.",
            [("Ho Invented-chun", "Person"), ("West Harbour Magistrates' Court", "Court")],
            ("Ho Invented-chun", "West Harbour Magistrates' Court", "chief magistrate"),
        ),
        (
            "His lawyer, Kittipong Notreal of Lawyers for Fictional Freedom, said so.",
            [
                ("Kittipong Notreal", "Person"),
                ("Lawyers for Fictional Freedom", "CivilSocietyOrganization"),
            ],
            ("Kittipong Notreal", "Lawyers for Fictional Freedom", None),
        ),
        (
            "Lau studied law. Lau joined the Fictional Democratic Alliance last year.",
            [("Lau", "Person"), ("Lau", "Person"), ALLIANCE],
            ("Lau", ALLIANCE[0], "member"),
        ),
        (
            "Chan Dara spoke to reporters. He is a former member of the Party of Imaginary "
            "Progress.",
            [("Chan Dara", "Person"), PARTY],
            ("Chan Dara", PARTY[0], "former member"),
        ),
        (
            "The Vel Mora Municipal Court convicted 21 activists. Presiding judge Im Fictsokhom "
            "read out the verdict.",
            [("Vel Mora Municipal Court", "Court"), ("Im Fictsokhom", "Person")],
            ("Im Fictsokhom", "Vel Mora Municipal Court", "presiding judge"),
        ),
        (
            "Police detained Olga Imaginova, a correspondent for the outlet Eastbrook Fictional "
            "News, on Friday.",
            [("Olga Imaginova", "Person"), ("Eastbrook Fictional News", "MediaOrganization")],
            ("Olga Imaginova", "Eastbrook Fictional News", "correspondent"),
        ),
        (
            "Fictionava, chairperson of the Union of Imaginary Miners, was jailed.",
            [("Fictionava", "Person"), UNION],
            ("Fictionava", UNION[0], "chairperson"),
        ),
    ],
)
def test_organisations_named_by_reference_or_after_a_title(
    blank: Language, text: str, spans: list[tuple[str, str]], expected: tuple[str, str, str]
) -> None:
    assert expected in _memberships(blank, text, spans)


def test_its_reaches_only_an_organisation_named_shortly_before(blank: Language) -> None:
    filler = "The weather was mild and the streets were quiet that week. " * 8
    text = f"The Union of Imaginary Miners met. {filler}Its director, Ny Fictchanthou, spoke."
    assert _memberships(blank, text, [UNION, ("Ny Fictchanthou", "Person")]) == set()


@pytest.fixture(scope="module")
def parsed() -> Language:
    """The real model, for patterns that need the parts of speech."""
    return load_nlp(Settings().spacy_model)


def test_a_role_phrase_holds_no_verb(parsed: Language) -> None:
    text = (
        "The Vel Mora Court on Tuesday sentenced three members of the Union of Imaginary Miners, "
        "Chan Dara, Lim Sovann and Pich Nary, to five years."
    )
    spans = [("Vel Mora Court", "Court"), UNION] + [
        (p, "Person") for p in ("Chan Dara", "Lim Sovann", "Pich Nary")
    ]
    found = _memberships(parsed, text, spans)
    assert ("Chan Dara", UNION[0], "member") in found
    assert all(role == "member" for _, org, role in found if org == UNION[0])


def test_a_convicted_person_is_no_member_of_the_court(parsed: Language) -> None:
    text = (
        "Eastbay District Court convicted a 67-year-old activist, Cheung Pretend-wai, of sedition."
    )
    spans = [("Eastbay District Court", "Court"), ("Cheung Pretend-wai", "Person")]
    assert _memberships(parsed, text, spans) == set()
