"""Parsing long items in pieces (kg.chunks): nothing is lost and no offset moves."""

from __future__ import annotations

import doctest
import io
from pathlib import Path

import pytest

import kg.chunks
from kg.chunks import split_long_items
from kg.model import Item
from kg.pipeline import build
from kg.settings import Settings
from kg.store import KgStore

from .fictional import corpus


def item(text: str, start: int = 7) -> Item:
    return Item("item", "doc", 2, start, start + len(text), text, "A title", "2021-03-03")


@pytest.mark.parametrize(
    "text",
    [
        "Chan Dara was held.\n\nLim Sovann was freed.\n\n" * 40,
        "Chan Dara was held. Lim Sovann was freed.\n" * 40,
        "Chan Dara was held and Lim Sovann was freed " * 40,
        "x" * 1000,
    ],
    ids=["paragraphs", "lines", "one line", "no spaces"],
)
def test_pieces_cover_the_item_exactly_and_keep_its_identity(text: str) -> None:
    pieces = split_long_items([item(text)], 100)
    assert "".join(piece.text for piece in pieces) == text
    assert all(len(piece.text) <= 100 for piece in pieces)
    assert [p.start for p in pieces[1:]] == [p.end for p in pieces[:-1]]
    assert (pieces[0].start, pieces[-1].end) == (7, 7 + len(text))
    assert {(p.item_id, p.index, p.date, p.title) for p in pieces} == {
        ("item", 2, "2021-03-03", "A title")
    }
    if "\n\n" in text:
        assert all(piece.text.endswith("\n\n") for piece in pieces[:-1])


def test_a_short_item_is_left_whole() -> None:
    short = item("Chan Dara was held.")
    assert split_long_items([short], 100) == (short,)


def test_docstring_examples_hold() -> None:
    results = doctest.testmod(kg.chunks)
    assert results.attempted > 0 and results.failed == 0


LEFT_OUT = {
    "<https://w3id.org/legal-events-kg/ontology#date>",  # may differ: see below
    "<https://w3id.org/legal-events-kg/ontology#builtWith>",  # the settings differ
}


def _statements(folder: Path, store: Path, settings: Settings) -> set[str]:
    """The store's N-Quads lines, event dates and build settings aside."""
    report = build([folder], store, settings)
    assert report.ok and report.changed
    buffer = io.BytesIO()
    KgStore(store, read_only=True).dump_sorted_nquads(buffer)
    lines = buffer.getvalue().decode().splitlines()
    return {line for line in lines if line.split(" ")[1] not in LEFT_OUT}


def _events(lines: set[str]) -> set[tuple[str, str]]:
    """(event class, evidence) of every event, read from N-Quads lines."""
    types: dict[str, str] = {}
    evidence: dict[str, str] = {}
    for line in lines:
        subject, predicate, rest = line.split(" ", 2)
        if "/id/event/" not in subject:
            continue
        if predicate.endswith("rdf-syntax-ns#type>"):
            types[subject] = rest.split(" ")[0]
        elif predicate.endswith("ontology#evidence>"):
            evidence[subject] = rest.rsplit(" ", 2)[0]
    return {(types[e], evidence[e]) for e in types if e in evidence}


def _not_about_events(lines: set[str]) -> set[str]:
    """Lines about actors, memberships and documents: not events, their reports nor the
    proceedings."""
    about_events = ("/id/event/", "/id/report/", "/id/proceeding/")
    return {line for line in lines if not any(part in line for part in about_events)}


def test_a_document_parsed_in_pieces_gives_the_same_actors_and_events(tmp_path: Path) -> None:
    """Everything but events is the same, at the same offsets.  Every event of the whole
    parse is found in the pieces too; only two tellings of one happening that fall on both
    sides of a cut are not merged into one, and a relative date ("on Friday") may resolve
    differently, as a piece is its own context for the item's dates."""
    folder = tmp_path / "docs"
    folder.mkdir()
    paragraphs = [text.split("\n\n", 2)[2] for text in corpus(2).values()]
    (folder / "long.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    whole = _statements(folder, tmp_path / "whole", Settings())
    pieces = _statements(folder, tmp_path / "pieces", Settings(parse_chunk_chars=600))
    assert _not_about_events(whole) == _not_about_events(pieces)
    assert _events(whole) <= _events(pieces)
    assert sum("ontology#Arrest>" in line for line in whole) >= 6
