"""Splitting documents into dated items (kg.segment), checked against the gold items."""

from __future__ import annotations

import doctest
import hashlib
import json
from pathlib import Path
from types import ModuleType

import pytest

import kg.segment
from kg.clean import clean
from kg.model import Document, Item, Source, stable_id
from kg.segment import segment
from kg.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
GOLD = ROOT / "data" / "gold"
SEEDS = sorted(path.name for path in CORPUS.glob("*.txt"))


def _document(text: str, title: str | None = None, date: str | None = None) -> Document:
    return Document(stable_id("doc.txt"), "doc.txt", "doc.txt", "0" * 64, text, title, date)


@pytest.fixture(scope="module")
def segmented() -> dict[str, tuple[Document, tuple[Item, ...]]]:
    """Each demo file cleaned and segmented."""
    result = {}
    for name in SEEDS:
        raw = (CORPUS / name).read_bytes()
        source = Source(name, name, raw, hashlib.sha256(raw).hexdigest(), "text/plain")
        document = clean(source, Settings())
        result[name] = (document, segment(document))
    return result


def test_the_demo_corpus_has_five_seed_documents() -> None:
    assert len(SEEDS) == 5


@pytest.mark.parametrize("name", SEEDS)
def test_items_match_the_gold_items(
    name: str, segmented: dict[str, tuple[Document, tuple[Item, ...]]]
) -> None:
    gold = json.loads((GOLD / name.replace(".txt", ".json")).read_text())["items"]
    _, items = segmented[name]
    assert len(items) == len(gold)
    for item, expected in zip(items, gold, strict=True):
        assert item.date == expected["date"], item.text[:80]
        assert item.text.startswith(expected["first_words"]), item.text[:80]


@pytest.mark.parametrize("name", SEEDS)
def test_items_are_ordered_spans_of_the_document_text(
    name: str, segmented: dict[str, tuple[Document, tuple[Item, ...]]]
) -> None:
    document, items = segmented[name]
    previous_end = 0
    for index, item in enumerate(items):
        assert item.index == index
        assert item.item_id == stable_id(document.doc_id, index)
        assert item.doc_id == document.doc_id
        assert item.text == document.text[item.start : item.end]
        assert item.start >= previous_end
        assert item.text == item.text.strip()
        previous_end = item.end


def test_listing_entries_keep_their_headlines(
    segmented: dict[str, tuple[Document, tuple[Item, ...]]],
) -> None:
    _, items = segmented["003_ef41a4b840b9cc30.txt"]
    assert items[0].title == (
        "Flash Info | Elected Candlelight Commune Chief Arrested over Alleged Robbery from 2002"
    )
    assert items[0].text.endswith("ruling Cambodian People’s Party (CPP).")
    _, articles = segmented["002_8769f3845ee12cc6.txt"]
    assert articles[2].title == "U.S. Stops Funding for Demining in Cambodia"
    assert "By: Katherine Hewitt" in articles[2].text


def test_a_single_article_is_one_item_with_the_page_title_and_date(
    segmented: dict[str, tuple[Document, tuple[Item, ...]]],
) -> None:
    document, items = segmented["001_3e0596b61597a4bc.txt"]
    assert len(items) == 1
    assert (items[0].start, items[0].end) == (0, len(document.text))
    assert (items[0].title, items[0].date) == (document.title, document.date)


def test_undated_article_without_header_covers_the_whole_text() -> None:
    text = "Chan Dara was arrested on Monday.\n\nHis lawyer Lim Sovann said he would appeal."
    (item,) = segment(_document(text, title="Chan Dara arrested", date="2021-06-03"))
    assert item.text == text
    assert (item.title, item.date) == ("Chan Dara arrested", "2021-06-03")


def test_date_lines_split_a_listing() -> None:
    text = (
        "June 3, 2021\n\nChan Dara was released on bail today.\n\n"
        "Posted on 2 June 2021\n\nLim Sovann was arrested yesterday.\nHe denies the charge."
    )
    items = segment(_document(text))
    assert [(i.date, i.title) for i in items] == [("2021-06-03", None), ("2021-06-02", None)]
    assert items[1].text == "Lim Sovann was arrested yesterday.\nHe denies the charge."


def test_headlines_over_bylines_split_a_page_of_articles() -> None:
    text = (
        "Court Jails Chan Dara\n\nBy: Pich Nary\nFictional Times Reporter, Asia\n\n"
        "Chan Dara was jailed for two years, his lawyer said on the day of the ruling.\n\n"
        "Police Detain Lim Sovann\n\nBy Ivan Fictivov\n\n"
        "Lim Sovann was detained at his home, according to witnesses at the scene.\n"
    )
    items = segment(_document(text))
    assert [i.title for i in items] == ["Court Jails Chan Dara", "Police Detain Lim Sovann"]
    assert [i.date for i in items] == [None, None]
    assert items[1].text.startswith("Police Detain Lim Sovann\n\nBy Ivan Fictivov")


def test_a_date_inside_a_sentence_does_not_split() -> None:
    text = (
        "Chan Dara was arrested on June 3, 2021 in the capital.\n\n"
        "Reuters – Chan Dara arrested – 4 June 2021"
    )
    assert len(segment(_document(text))) == 1


def test_prose_before_the_first_header_is_its_own_item() -> None:
    text = (
        "This page lists statements about fictional cases in the capital region.\n\n"
        "May 2, 2017\n\nChan Dara was freed.\n\nMay 1, 2017\n\nLim Sovann was held."
    )
    items = segment(_document(text))
    assert [i.date for i in items] == [None, "2017-05-02", "2017-05-01"]
    assert items[0].text.startswith("This page lists")


def test_an_empty_text_still_has_one_item() -> None:
    (item,) = segment(_document(""))
    assert (item.start, item.end, item.text) == (0, 0, "")


@pytest.mark.parametrize("module", [kg.segment])
def test_docstring_examples_hold(module: ModuleType) -> None:
    results = doctest.testmod(module)
    assert results.attempted > 0
    assert results.failed == 0
