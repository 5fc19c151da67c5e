"""Actor mentions from the real spaCy model plus this package's component, on fictional text."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.actors import find_mentions
from kg.extract.kinds import kind_of_name
from kg.extract.layout import headline_lines
from kg.extract.nlp import load_nlp
from kg.model import Document, Item, Mention, stable_id
from kg.settings import Settings


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp(Settings().spacy_model)


def _mentions(nlp: Language, text: str, title: str | None = None) -> list[Mention]:
    doc_id = stable_id("a.txt")
    document = Document(doc_id, "a.txt", "a.txt", "0", text)
    item = Item(stable_id(doc_id, 0), doc_id, 0, 0, len(text), text, title=title)
    mentions = find_mentions(document, item, nlp(text))
    for mention in mentions:
        assert document.text[mention.start : mention.end] == mention.text
        assert mention.mention_id == stable_id(doc_id, mention.start, mention.end)
    return mentions


def _types(mentions: list[Mention]) -> dict[str, str]:
    return {m.text: m.type for m in mentions}


def test_pipeline_has_the_actor_component_after_ner(nlp: Language) -> None:
    assert nlp.pipe_names.index("kg_actor_spans") > nlp.pipe_names.index("ner")


def test_khmer_style_names_in_a_list_are_persons(nlp: Language) -> None:
    text = (
        "Police arrested three members of the Party of Imaginary Progress, Chan Dara, "
        "Lim Sovann and Pich Nary, in Vel Mora province on Monday."
    )
    types = _types(_mentions(nlp, text))
    assert {types.get(n) for n in ("Chan Dara", "Lim Sovann", "Pich Nary")} == {"Person"}
    assert types["Party of Imaginary Progress"] == "PoliticalParty"
    assert types["Vel Mora province"] == "Place"


@pytest.mark.parametrize(
    "sentence",
    [
        "On Monday, Investigating Judge Sok Vireak refused the request.",
        "Police detained youth leader Sok Vireak at his home.",
        "Sok Vireak, the chief of the local branch, was summoned.",
    ],
)
def test_titles_and_roles_make_a_person(nlp: Language, sentence: str) -> None:
    assert _types(_mentions(nlp, sentence)).get("Sok Vireak") == "Person"


def test_headline_fragments_are_not_persons(nlp: Language) -> None:
    title = "Flash Info | Protesters Gather as Tensions Rise"
    text = f"{title}\nPolice dispersed a crowd outside the Vel Mora Municipal Court today.\n"
    mentions = _mentions(nlp, text, title=title)
    assert not [m for m in mentions if m.type == "Person"]
    assert _types(mentions)["Vel Mora Municipal Court"] == "Court"


def test_possessive_before_a_prison_is_a_facility(nlp: Language) -> None:
    text = "He was later detained at Vel Mora's CC4 prison for three weeks.\n"
    types = _types(_mentions(nlp, text))
    assert types.get("Vel Mora") == "Facility"
    assert "Vel Mora's" not in types


def test_acronym_defined_in_parentheses_takes_the_long_form_type(nlp: Language) -> None:
    text = "Members of the Party of Imaginary Progress (PIP) protested, and PIP later appealed.\n"
    mentions = _mentions(nlp, text)
    assert [m.type for m in mentions if m.text == "PIP"] == ["PoliticalParty", "PoliticalParty"]


def test_a_countrys_government_is_a_government_body(nlp: Language) -> None:
    text = "The Thai government rejected the claims, and Thai authorities arrested two activists.\n"
    types = _types(_mentions(nlp, text))
    assert types["Thai government"] == "GovernmentBody"
    assert types["Thai authorities"] == "GovernmentBody"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Supreme Court of Ruritania", "Court"),
        ("Vel Mora Municipal Court", "Court"),
        ("Ministry of Imaginary Affairs", "GovernmentBody"),
        ("National Fictional Assembly", "GovernmentBody"),
        ("Vel Mora Prison", "Facility"),
        ("Correctional Center 4", "Facility"),
        ("Party of Imaginary Progress", "PoliticalParty"),
        ("Ruritanian League for Fictional Rights", "CivilSocietyOrganization"),
        ("Fictional Watch", "CivilSocietyOrganization"),
        ("Daily Fictional Times", "MediaOrganization"),
        ("UN Working Group on Fictional Detention", "InternationalOrganization"),
        ("Law on Fictional Associations", ""),
    ],
)
def test_institution_kinds_from_head_words(name: str, kind: str) -> None:
    assert kind_of_name(name) == kind


def test_acronyms_listed_with_organisations_are_organisations(nlp: Language) -> None:
    text = (
        "RLFR, FWO, KDCS and the Ruritanian League for Fictional Rights strongly condemn "
        "yesterday's violence.\n"
    )
    types = _types(_mentions(nlp, text))
    assert {types.get(a) for a in ("RLFR", "FWO", "KDCS")} == {"CivilSocietyOrganization"}


def test_a_finished_sentence_of_names_is_prose_not_a_headline(nlp: Language) -> None:
    text = "Chan Dara, Lim Sovann and Pich Nary were released on Friday.\n"
    assert headline_lines(text) == ()
    people = {m.text for m in _mentions(nlp, text) if m.type == "Person"}
    assert people == {"Chan Dara", "Lim Sovann", "Pich Nary"}


def test_title_case_headline_is_still_a_headline() -> None:
    assert headline_lines("Chan Dara Wins Seat In Vel Mora\nHe said so.\n") == ((0, 31),)


def test_wire_credit_names_people(nlp: Language) -> None:
    text = (
        "Police detained two students on Monday.\n"
        "(Reporting by Nattaya Fakesuk; Editing by Peter Imaginary-Holt)\n"
    )
    types = _types(_mentions(nlp, text))
    assert types.get("Nattaya Fakesuk") == "Person"
    assert types.get("Peter Imaginary-Holt") == "Person"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("NORTHPORT, March 14 (Meridian Wire) - Police detained two students.", "NORTHPORT"),
        ("SEVEROGRAD – A court jailed a former councillor on Thursday.", "SEVEROGRAD"),
        ("Fictown, 17 August 2023 – Police detained two students.", "Fictown"),
    ],
)
def test_dateline_place(nlp: Language, text: str, place: str) -> None:
    assert _types(_mentions(nlp, text)).get(place) == "Place"


def test_titled_person_of_a_court_is_a_person_and_a_court(nlp: Language) -> None:
    text = "Investigating Judge Keo Vannak of the Vel Mora Provincial Court charged all five."
    types = _types(_mentions(nlp, text))
    assert types.get("Keo Vannak") == "Person"
    assert types.get("Vel Mora Provincial Court") == "Court"


def test_acronym_spells_the_organisation_after_a_person(nlp: Language) -> None:
    text = "His lawyer, Kittipong Notreal of Lawyers for Fictional Freedom (LFF), said so."
    types = _types(_mentions(nlp, text))
    assert types.get("Kittipong Notreal") == "Person"
    assert types.get("Lawyers for Fictional Freedom") == "CivilSocietyOrganization"


def test_hyphenated_given_name_stays_in_the_name(nlp: Language) -> None:
    text = '"Holding a vote is not a crime," said its director, Mei Notreal-ling.'
    assert _types(_mentions(nlp, text)).get("Mei Notreal-ling") == "Person"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Chan Dara co-founded the student group Free Imaginary Youth.", "Free Imaginary Youth",
         "CivilSocietyOrganization"),
        ("She works for the independent outlet Vel Mora Inquirer.", "Vel Mora Inquirer",
         "MediaOrganization"),
        ("The court questioned rapper Tanawat Fictsiri about a song.", "Tanawat Fictsiri",
         "Person"),
        ("He was held in Pre-trial Detention Centre No. 2 for a year.",
         "Pre-trial Detention Centre No. 2", "Facility"),
        ("The three were taken to the Pik Fictional Reception Centre.",
         "Pik Fictional Reception Centre", "Facility"),
        ("The West Harbour Magistrates' Court refused bail.", "West Harbour Magistrates' Court",
         "Court"),
        ("Fictionov sat on the Severograd city council until 2022.", "Severograd city council",
         "GovernmentBody"),
        ("The Severograd regional prosecutor's office filed a lawsuit.",
         "Severograd regional prosecutor's office", "GovernmentBody"),
    ],
)  # fmt: skip
def test_names_typed_by_their_words_and_context(
    nlp: Language, text: str, name: str, kind: str
) -> None:
    assert _types(_mentions(nlp, text)).get(name) == kind


def test_a_prison_in_a_town_is_two_names(nlp: Language) -> None:
    text = "She was released from Penal Colony No. 4 in Westmark on Friday."
    types = _types(_mentions(nlp, text))
    assert types.get("Penal Colony No. 4") == "Facility"
    assert types.get("Westmark") == "Place"


def test_money_and_generic_police_are_no_actors(nlp: Language) -> None:
    text = (
        "Police in Eastbrook on Friday detained Olga Imaginova.\n"
        "She was granted bail on a HK$100,000 cash deposit.\n"
    )
    mentions = _mentions(nlp, text)
    assert not [m for m in mentions if "$" in m.text or m.text.startswith("Police")]


def test_a_classifier_before_a_relative_clause_names_nothing(nlp: Language) -> None:
    text = "The party Chan Dara founded was dissolved in 2020."
    assert _types(_mentions(nlp, text)).get("Chan Dara") != "PoliticalParty"


def test_name_parts_and_slips_of_a_named_person_are_persons(nlp: Language) -> None:
    text = (
        "The court sentenced Sok Fictara and Yim Fictsophea to ten years.\n"
        "Fictara, who lives abroad, dismissed the verdict.\n"
        "Yim Fictsopheap's daughter said he was punished for speaking.\n"
    )
    types = _types(_mentions(nlp, text))
    assert types.get("Fictara") == "Person"
    assert types.get("Yim Fictsopheap") == "Person"


def test_lines_after_a_headline_or_a_full_stop_are_sentences_of_their_own(
    nlp: Language,
) -> None:
    text = (
        "Journalist detained in Eastbrook after search of her flat\n"
        "8 September 2023\n"
        "Police in Eastbrook on Friday detained Olga Imaginova.\n"
        "Presiding judge Im Fictsokhom read out the verdict to a nearly empty courtroom.\n"
    )
    sentences = [s.text.strip() for s in nlp(text).sents]
    assert "Police in Eastbrook on Friday detained Olga Imaginova." in sentences
    assert (
        "Presiding judge Im Fictsokhom read out the verdict to a nearly empty courtroom."
        in sentences
    )
