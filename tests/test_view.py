"""``kg view`` and ``kg timeline`` without a browser: what is drawn, what is left out, and
that document text can neither load nor run anything."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.timeline import render_timeline
from kg.view import ViewOptions, json_for_html, render_view, select_view
from kg.view_data import (
    DateWindow,
    ViewError,
    date_window,
    load_view_data,
    parse_date_bound,
    view_graph,
)
from tests.view_fixtures import (
    ARREST_SENTENCE,
    CHARGE_SENTENCE,
    CLOSING_PAYLOAD,
    IMG_PAYLOAD,
    MEMBER_SENTENCE,
    SCRIPT_PAYLOAD,
    fictional_store,
)

RES = "https://w3id.org/legal-events-kg/id/"


def _graph(*, hostile: bool = False, crowd: int = 0) -> nx.MultiDiGraph:
    return view_graph(load_view_data(fictional_store(hostile=hostile, crowd=crowd)))


def page_data(html: str) -> dict[str, Any]:
    """The JSON block a view page draws from."""
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert match, "no data block"
    data: dict[str, Any] = json.loads(match[1])
    return data


def drawn_labels(html: str) -> set[str]:
    return {info["label"] for info in page_data(html)["info"]["nodes"].values()}


@dataclass
class Page(HTMLParser):
    """The elements of a page, as a browser's parser sees them, and its visible text."""

    tags: list[tuple[str, list[tuple[str, str | None]]]] = field(default_factory=list)
    text: str = ""

    def __post_init__(self) -> None:
        super().__init__()

    @classmethod
    def parse(cls, html: str) -> Page:
        page = cls()
        page.feed(html)
        page.close()
        return page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        if self.lasttag not in ("script", "style"):
            self.text += data

    def elements(self) -> Counter[str]:
        """How many elements of each kind the page has."""
        return Counter(tag for tag, _attrs in self.tags)

    def policy(self) -> dict[str, str]:
        """The Content-Security-Policy of the page's meta tag, directive by directive."""
        content = next(
            dict(attrs).get("content") or ""
            for tag, attrs in self.tags
            if tag == "meta" and dict(attrs).get("http-equiv") == "Content-Security-Policy"
        )
        return dict(part.strip().split(" ", 1) for part in content.split(";"))


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return _graph()


@pytest.fixture(scope="module")
def hostile_html() -> str:
    return render_view(_graph(hostile=True), ViewOptions())


def test_view_draws_actors_offences_and_evidenced_edges(graph: nx.MultiDiGraph) -> None:
    html = render_view(graph, ViewOptions())
    data = page_data(html)
    assert drawn_labels(html) == {
        "Chan Dara",
        "Lim Sovann",
        "Imaginaria police",
        "Party of Imaginary Progress",
        "Imaginaria",
        "treason",
    }
    edges = {edge["id"]: edge for edge in data["edges"]}
    arrest = next(e for e in data["info"]["edges"].values() if "Arrest" in e["type"])
    assert arrest["evidence"][0][0] == ARREST_SENTENCE
    assert any(edge["label"] == "Arrest 2019-03-02" for edge in edges.values())
    source = data["sources"][arrest["evidence"][0][1]]
    assert source["file"] == "001_fiction.txt" and source["title"] == "Crackdown in Imaginaria"


def test_view_caps_at_top_and_says_what_it_left_out() -> None:
    html = render_view(_graph(crowd=12), ViewOptions(top=4))
    labels = drawn_labels(html)
    assert len(labels) == 4
    assert {"Imaginaria police", "Chan Dara"} <= labels
    assert "14 nodes over the cap" in html
    omitted = re.search(r'<details id="kg-omitted">(.*?)</details>', html, re.S)
    assert omitted and "Fictional Detainee 12" in omitted[1]


def test_a_view_caps_itself_at_500_nodes_by_default() -> None:
    html = render_view(_graph(crowd=520), ViewOptions())
    assert len(page_data(html)["nodes"]) == 500
    assert "Showing 500 of 526 nodes" in html and "26 nodes over the cap" in html


def test_focus_keeps_what_is_near_and_counts_the_rest(graph: nx.MultiDiGraph) -> None:
    html = render_view(graph, ViewOptions(focus="Imaginaria police", depth=1))
    assert drawn_labels(html) == {"Imaginaria police", "Chan Dara"}
    assert "more than 1 steps from the focus" in html


@pytest.mark.parametrize("name", ["nobody at all", "Chan"])
def test_unknown_or_partial_focus_is_refused(graph: nx.MultiDiGraph, name: str) -> None:
    with pytest.raises(ViewError, match="no node named"):
        select_view(graph, ViewOptions(focus=name))


def test_an_alias_or_iri_finds_the_focus(graph: nx.MultiDiGraph) -> None:
    for name in ("dara", f"{RES}person/chan-dara", "res:person/chan-dara"):
        assert select_view(graph, ViewOptions(focus=name)).focus == f"{RES}person/chan-dara"


def test_date_window_keeps_events_that_overlap_it(graph: nx.MultiDiGraph) -> None:
    selection = select_view(graph, ViewOptions(window=date_window("2019-04-15", "2019-12")))
    kinds = {attrs["type"] for _h, _t, attrs in selection.graph.edges(data=True)}
    assert kinds == {"Charge", "Membership"}
    assert "Lim Sovann" not in {a["label"] for _n, a in selection.graph.nodes(data=True)}


def test_types_keep_only_those_classes_and_events(graph: nx.MultiDiGraph) -> None:
    selection = select_view(graph, ViewOptions(types=frozenset({"Arrest", "Person"})))
    assert {a["type"] for _n, a in selection.graph.nodes(data=True)} == {"Person"}
    selection = select_view(graph, ViewOptions(types=frozenset({"Arrest"})))
    assert {a["type"] for _h, _t, a in selection.graph.edges(data=True)} == {"Arrest"}
    with pytest.raises(ViewError, match="unknown type Arest"):
        select_view(graph, ViewOptions(types=frozenset({"Arest"})))


@pytest.mark.parametrize(
    ("text", "last", "expected"),
    [("2017", False, "2017-01-01"), ("2017", True, "2017-12-31"), ("2016-02", True, "2016-02-29")],
)
def test_date_bounds(text: str, last: bool, expected: str) -> None:
    assert parse_date_bound(text, last=last).isoformat() == expected


@pytest.mark.parametrize("text", ["2017-13", "17 May 2017", "2017-02-30"])
def test_unreadable_dates_are_refused(text: str) -> None:
    with pytest.raises(ViewError, match="cannot read the date"):
        parse_date_bound(text, last=False)


def test_a_window_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ViewError, match="after it ends"):
        date_window("2018", "2017")
    assert DateWindow().contains("2017-05") and not DateWindow().contains(None)


def test_json_for_html_cannot_close_its_script() -> None:
    text = str(json_for_html({"a": CLOSING_PAYLOAD, "b": "&<>"}))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": CLOSING_PAYLOAD, "b": "&<>"}


def test_hostile_text_reaches_the_page_only_as_escaped_data(hostile_html: str) -> None:
    page = Page.parse(hostile_html)
    assert page.elements() == Page.parse(render_view(_graph(), ViewOptions())).elements()
    assert page.elements()["script"] == 3
    assert not [name for _tag, attrs in page.tags for name, _v in attrs if name.startswith("on")]
    data = page_data(hostile_html)
    labels = {info["label"] for info in data["info"]["nodes"].values()}
    assert f"Chan {IMG_PAYLOAD} Dara" in labels
    assert any(CLOSING_PAYLOAD in s.get("publisher", "") for s in data["sources"].values())


def test_names_left_out_are_listed_as_text() -> None:
    page = Page.parse(render_view(_graph(hostile=True), ViewOptions(top=2)))
    assert page.elements() == Page.parse(render_view(_graph(), ViewOptions(top=2))).elements()
    assert f"treason {IMG_PAYLOAD} {SCRIPT_PAYLOAD}" in page.text


def test_view_has_a_strict_content_security_policy(hostile_html: str) -> None:
    policy = Page.parse(hostile_html).policy()
    assert policy["default-src"] == "'none'"
    assert "unsafe-inline" not in policy["script-src"]
    assert "http" not in " ".join(policy.values())
    scripts = re.findall(r"<script>(.*?)</script>", hostile_html, re.S)
    assert len(scripts) == 2
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy["script-src"]


@pytest.mark.parametrize("which", ["view", "timeline"])
def test_pages_link_to_nothing_outside(which: str) -> None:
    store = fictional_store(hostile=True)
    html = (
        render_view(view_graph(load_view_data(store)), ViewOptions())
        if which == "view"
        else render_timeline(load_view_data(store), "Lim Sovann")
    )
    assert not re.search(r"""\b(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert not re.search(r"<(?:link|iframe|img|object|embed)\b", html, re.I)
    assert "@import" not in html


def test_timeline_lists_events_in_date_order_with_evidence() -> None:
    html = render_timeline(load_view_data(fictional_store()), "Chan Dara")
    assert html.index(ARREST_SENTENCE) < html.index(CHARGE_SENTENCE)
    assert "2019-03-02" in html and "2019-04" in html
    assert "001_fiction.txt" in html and "Crackdown in Imaginaria" in html
    assert MEMBER_SENTENCE in html and "Memberships (1)" in html
    assert "<script" not in html


def test_timeline_puts_undated_events_last() -> None:
    html = render_timeline(load_view_data(fictional_store()), "Lim Sovann")
    assert "undated" in html and "Release" in html


def test_timeline_escapes_hostile_text() -> None:
    html = render_timeline(load_view_data(fictional_store(hostile=True)), "res:person/chan-dara")
    page = Page.parse(html)
    plain = render_timeline(load_view_data(fictional_store()), "res:person/chan-dara")
    assert page.elements() == Page.parse(plain).elements() and "script" not in page.elements()
    assert f"Chan {IMG_PAYLOAD} Dara" in page.text and SCRIPT_PAYLOAD in page.text
    assert page.policy()["default-src"] == "'none'" and "script-src" not in page.policy()


def test_timeline_refuses_an_unknown_name() -> None:
    with pytest.raises(ViewError, match="no node named 'Nobody'"):
        render_timeline(load_view_data(fictional_store()), "Nobody")


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    fictional_store(path, crowd=3)
    return path


def test_cli_writes_a_view_and_a_timeline(store_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    view = tmp_path / "view.html"
    result = runner.invoke(
        main,
        [
            "view",
            "--store",
            str(store_dir),
            "--types",
            "Arrest,Person",
            "--top",
            "3",
            "-o",
            str(view),
        ],
    )
    assert result.exit_code == 0, result.output
    assert len(drawn_labels(view.read_text())) == 3
    timeline = tmp_path / "timeline.html"
    result = runner.invoke(
        main, ["timeline", "Dara", "--store", str(store_dir), "-o", str(timeline)]
    )
    assert result.exit_code == 0, result.output
    assert ARREST_SENTENCE in timeline.read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["view", "--focus", "Nobody"], "no node named 'Nobody'"),
        (["view", "--from", "May 2017"], "cannot read the date"),
        (["view", "--types", "Arest"], "unknown type Arest"),
        (["timeline", "Nobody"], "no node named 'Nobody'"),
    ],
)
def test_cli_errors_are_one_line(
    store_dir: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    result = CliRunner().invoke(
        main, [*args, "--store", str(store_dir), "-o", str(tmp_path / "out.html")]
    )
    assert result.exit_code != 0
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "out.html").exists()
