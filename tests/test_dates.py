"""Date parsing and relative date resolution (kg.dates)."""

from __future__ import annotations

import doctest
from types import ModuleType

import pytest

import kg.dates
from kg.dates import find_dates, parse_date, parse_date_line, precision, refine_anchor


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 September 2017", "2017-09-03"),
        ("September 3rd, 2017", "2017-09-03"),
        ("Sept. 3, 2017", "2017-09-03"),
        ("the 3rd of September 2017", "2017-09-03"),
        ("2 September, 2017", "2017-09-02"),
        ("2017-09-03", "2017-09-03"),
        ("Sunday, September 3, 2017", "2017-09-03"),
        ("MAY 30, 2017", "2017-05-30"),
        ("September 2017", "2017-09"),
        ("November of 2017", "2017-11"),
        ("2017-09", "2017-09"),
        ("2017", "2017"),
        ("late 2017", "2017"),
        ("mid-2017", "2017"),
        ("early October", None),
        ("Sunday, September 3rd", None),
        ("today", None),
        ("the 1960s", None),
        ("17", None),
        ("30 February 2017", None),
        ("Article 443", None),
        ("not a date at all", None),
    ],
)
def test_parse_date(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("May 30, 2017", "2017-05-30"),
        ("21 June 2022", "2022-06-21"),
        ("Published: 21 June 2022 10:32 AM", "2022-06-21"),
        ("Posted on September 09, 2016", "2016-09-09"),
        ("Monday, January 30, 2023", "2023-01-30"),
        ("Posted at 0001hrs GMT 4 June 2015", None),
        ("2017", None),
        ("Reuters – Chan Dara freed – 8 April 2018", None),
    ],
)
def test_parse_date_line_accepts_only_lines_that_are_a_date(
    line: str, expected: str | None
) -> None:
    assert parse_date_line(line) == expected


def _isos(sentence: str, anchor: str | None) -> list[str]:
    return [iso for _, _, iso in find_dates(sentence, anchor)]


@pytest.mark.parametrize(
    ("sentence", "anchor", "expected"),
    [
        ("Chan Dara was arrested this afternoon.", "2022-06-21", ["2022-06-21"]),
        ("Lim Sovann was released today.", "2014-07-22", ["2014-07-22"]),
        ("Police detained him this morning.", "2014-08-02", ["2014-08-02"]),
        ("The hearing is tonight.", "2014-08-02", ["2014-08-02"]),
        ("Clashes erupted yesterday evening.", "2013-09-16", ["2013-09-15"]),
        ("The trial was held yesterday.", "2015-02-24", ["2015-02-23"]),
        ("Lawyers were told last Thursday.", "2015-02-24", ["2015-02-19"]),
        ("Lawyers were told last Tuesday.", "2015-02-24", ["2015-02-17"]),
        ("The deal will be signed tomorrow.", "2014-09-25", ["2014-09-26"]),
        ("The court ruled on 10 November.", "2019-11-12", ["2019-11-10"]),
        ("The court ruled on 10 November.", "2020-03-01", ["2019-11-10"]),
        ("The court ruled on July 16.", "2014-08-22", ["2014-07-16"]),
        ("The result is due on 26 June.", "2022-06-21", ["2022-06-26"]),
        ("He was convicted in December last year.", "2013-11-26", ["2012-12"]),
        ("He was convicted last year.", "2013-11-26", ["2012"]),
        ("He was elected earlier this month.", "2022-06-21", ["2022-06"]),
        ("Since August, 57 members were jailed.", "2019-11-09", ["2019-08"]),
        ("In September he was arrested.", "2017-11-20", ["2017-09"]),
        ("In September he was arrested.", "2017-03-01", ["2016-09"]),
        ("The robbery happened twenty years ago.", "2022-06-21", ["2002"]),
        ("On Saturday August 2, 2014 they were arrested.", None, ["2014-08-02"]),
        ("He was arrested in late 2017 for treason.", None, ["2017"]),
        ("In November of 2017, the court dissolved the party.", None, ["2017-11"]),
        ("a month before the July 2013 National Election", None, ["2013-06"]),
        ("sentenced in 2005 for a killing the year before", None, ["2005", "2004"]),
        ("It happened on 2017-09-03 and in 2017-09.", None, ["2017-09-03", "2017-09"]),
    ],
)
def test_find_dates_resolves_against_the_anchor(
    sentence: str, anchor: str | None, expected: list[str]
) -> None:
    assert _isos(sentence, anchor) == expected


def test_relative_dates_without_anchor_are_left_out_not_guessed() -> None:
    sentence = "Yesterday, on Sunday, September 3rd, and in early October, he was arrested."
    assert find_dates(sentence, None) == []


def test_weekday_picks_the_year_it_agrees_with() -> None:
    # 9 November fell on a Saturday in 2019, not in 2020.
    assert _isos("On Saturday 9 November he arrived.", "2021-06-03") == ["2019-11-09"]
    assert _isos("On Sunday, September 3rd, he was arrested.", "2017-09-05") == ["2017-09-03"]


def test_offsets_delimit_the_expression() -> None:
    sentence = "Chan Dara was arrested on 3 September 2017 and released yesterday."
    found = find_dates(sentence, "2018-01-05")
    assert [sentence[start:end] for start, end, _ in found] == ["3 September 2017", "yesterday"]


@pytest.mark.parametrize(
    "sentence",
    [
        "They may meet in the capital.",
        "Protesters march to the court.",
        "More than 1,652 communes and $2000 were counted under Article 443.",
        "Correctional Center 3 holds 30 prisoners.",
    ],
)
def test_words_and_numbers_that_are_not_dates(sentence: str) -> None:
    assert find_dates(sentence, "2017-06-01") == []


def test_precision_follows_the_text() -> None:
    assert [precision(iso) for iso in ("2017-09-03", "2017-09", "2017")] == ["day", "month", "year"]


def test_refine_anchor_moves_a_republished_page_back_to_its_writing_date() -> None:
    text = "On Saturday 9 November he arrived. The court ruled on 10 November."
    anchor = refine_anchor(text, "2021-06-03")
    assert anchor == "2019-11-09"
    assert _isos("The court ruled on 10 November.", anchor) == ["2019-11-10"]


def test_refine_anchor_keeps_a_consistent_anchor() -> None:
    assert refine_anchor("He spoke on Tuesday, 17 February.", "2015-02-24") == "2015-02-24"
    assert refine_anchor("No weekdays here.", None) is None


@pytest.mark.parametrize("module", [kg.dates])
def test_docstring_examples_hold(module: ModuleType) -> None:
    results = doctest.testmod(module)
    assert results.attempted > 0
    assert results.failed == 0
