"""Entity resolution on hand-made mentions of fictional people and bodies (no model needed)."""

from __future__ import annotations

import pytest

from kg.model import Document, Entity, Extraction, Item, Mention, stable_id
from kg.resolve import resolve


def _resolve(text: str, spans: list[tuple[str, str]], items: int = 1) -> tuple[Entity, ...]:
    """Resolve one document whose mentions are the given (surface, type) pairs, in order.

    Each surface is found after the previous one; with ``items=2`` the text is split in two
    items at its middle line break.
    """
    doc_id = stable_id("test.txt")
    document = Document(doc_id, "test.txt", "test.txt", "0", text)
    cut = text.find("\n", len(text) // 2) if items == 2 else len(text)
    bounds = [(0, cut), (cut, len(text))] if items == 2 else [(0, len(text))]
    parts = [
        Item(stable_id(doc_id, i), doc_id, i, a, b, text[a:b]) for i, (a, b) in enumerate(bounds)
    ]
    mentions = []
    position = 0
    for surface, kind in spans:
        start = text.index(surface, position)
        end = start + len(surface)
        position = end
        item = next(i for i in parts if i.start <= start < i.end)
        mentions.append(
            Mention(
                stable_id(doc_id, start, end), item.item_id, surface, kind, start, end, "test", 0.9
            )
        )
    resolved = resolve(document, parts, Extraction(tuple(mentions)))
    assert set(resolved.canonical) == {m.mention_id for m in mentions}
    return resolved.entities


def _persons(entities: tuple[Entity, ...]) -> dict[str, tuple[str, ...]]:
    return {e.label: e.aliases for e in entities if e.type == "Person"}


def test_bare_given_name_joins_the_full_name_before_it() -> None:
    text = "Police arrested Chan Dara on Monday. Dara denied the charges."
    entities = _resolve(text, [("Chan Dara", "Person"), ("Dara", "Person")])
    assert _persons(entities) == {"Chan Dara": ("Dara",)}
    assert entities[0].entity_id == "person/chan-dara"


def test_western_bare_surname_joins_the_full_name() -> None:
    text = "Ivan Fictivov spoke. Later Fictivov left the country."
    entities = _resolve(text, [("Ivan Fictivov", "Person"), ("Fictivov", "Person")])
    assert _persons(entities) == {"Ivan Fictivov": ("Fictivov",)}


def test_people_sharing_a_name_part_stay_apart_and_bare_part_goes_to_the_latest() -> None:
    text = "Chan Dara was charged.\nLater Lim Dara was summoned, and Dara refused to go."
    spans = [("Chan Dara", "Person"), ("Lim Dara", "Person"), ("Dara", "Person")]
    entities = _resolve(text, spans, items=2)
    assert _persons(entities) == {"Chan Dara": (), "Lim Dara": ("Dara",)}


def test_one_letter_misspelling_joins_the_usual_spelling() -> None:
    text = "Chan Dara spoke. Chan Dara left. Chen Dara was seen. Dora waved."
    spans = [("Chan Dara", "Person"), ("Chan Dara", "Person"), ("Chen Dara", "Person")]
    entities = _resolve(text, [*spans, ("Dora", "Person")])
    assert _persons(entities) == {"Chan Dara": ("Chen Dara", "Dora")}


def test_two_full_names_are_never_merged_through_a_shared_part() -> None:
    text = "Pich Nary and Pich Sovann were released."
    entities = _resolve(text, [("Pich Nary", "Person"), ("Pich Sovann", "Person")])
    assert set(_persons(entities)) == {"Pich Nary", "Pich Sovann"}


def test_acronym_defined_in_parentheses_gives_the_key_and_joins_later_uses() -> None:
    text = "the Party of Imaginary Progress (PIP) was dissolved; PIP appealed."
    spans = [
        ("Party of Imaginary Progress", "PoliticalParty"),
        ("PIP", "PoliticalParty"),
        ("PIP", "CivilSocietyOrganization"),
    ]
    (party,) = _resolve(text, spans)
    assert party.entity_id == "politicalparty/pip"
    assert party.label == "Party of Imaginary Progress"
    assert party.aliases == ("PIP",)


def test_name_variant_spelling_the_same_acronym_joins_it() -> None:
    text = "Imaginary Progress Party (IPP) and the Imaginery Progress Party met."
    spans = [
        ("Imaginary Progress Party", "PoliticalParty"),
        ("IPP", "PoliticalParty"),
        ("Imaginery Progress Party", "PoliticalParty"),
    ]
    (party,) = _resolve(text, spans)
    assert party.key == "ipp"


@pytest.mark.parametrize(
    ("first", "second"),
    [("Thai government", "Thailand’s government"), ("Thai government", "Thai authorities")],
)
def test_a_countrys_government_is_one_body(first: str, second: str) -> None:
    text = f"The {first} spoke; later the {second} agreed."
    spans = [(first, "GovernmentBody"), (second, "GovernmentBody")]
    (government,) = _resolve(text, spans)
    assert government.entity_id == "governmentbody/thailand-government"


def test_two_governments_stay_apart() -> None:
    text = "The Thai government and the Japanese government met."
    spans = [("Thai government", "GovernmentBody"), ("Japanese government", "GovernmentBody")]
    assert len(_resolve(text, spans)) == 2


def test_place_with_generic_suffix_joins_its_bare_name() -> None:
    text = "He was held in Vel Mora province. Vel Mora is far away."
    spans = [("Vel Mora province", "Place"), ("Vel Mora", "Place")]
    (place,) = _resolve(text, spans)
    assert place.key == "vel mora"
    assert {place.label, *place.aliases} == {"Vel Mora province", "Vel Mora"}


def test_shorter_form_of_an_organisation_joins_the_full_name() -> None:
    text = "The Ruritanian Anti-Fraud Unit acted. The Anti-Fraud Unit said so."
    spans = [
        ("Ruritanian Anti-Fraud Unit", "GovernmentBody"),
        ("Anti-Fraud Unit", "GovernmentBody"),
    ]
    (unit,) = _resolve(text, spans)
    assert unit.label == "Ruritanian Anti-Fraud Unit"


def test_a_capitalised_dateline_joins_the_place() -> None:
    text = "BANGKOK, March 14 - Police detained two students in Bangkok."
    entities = _resolve(text, [("BANGKOK", "Place"), ("Bangkok", "Place")])
    places = [e for e in entities if e.type == "Place"]
    assert [(e.entity_id, e.label, e.aliases) for e in places] == [
        ("place/bangkok", "Bangkok", ("BANGKOK",))
    ]


def test_burmese_name_without_its_honorific_is_the_same_person() -> None:
    text = "U Kyaw Imaginary was jailed. Kyaw Imaginary, 58, is a former lawmaker."
    entities = _resolve(text, [("U Kyaw Imaginary", "Person"), ("Kyaw Imaginary", "Person")])
    assert _persons(entities) == {"U Kyaw Imaginary": ("Kyaw Imaginary",)}


def test_a_possessive_misspelling_and_a_given_name_join_their_people() -> None:
    text = (
        "The court sentenced Sok Fictara and Yim Fictsophea. Fictara lives abroad. "
        "Yim Fictsopheap's daughter spoke. Sok Vannfict was acquitted."
    )
    spans = [
        ("Sok Fictara", "Person"),
        ("Yim Fictsophea", "Person"),
        ("Fictara", "Person"),
        ("Yim Fictsopheap", "Person"),
        ("Sok Vannfict", "Person"),
    ]
    assert _persons(_resolve(text, spans)) == {
        "Sok Fictara": ("Fictara",),
        "Yim Fictsophea": ("Yim Fictsopheap",),
        "Sok Vannfict": (),
    }
