"""Actor mentions from the real spaCy model plus this package's component, on fictional text."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.actors import find_mentions
from kg.extract.kinds import kind_of_name
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
