"""The views in a real browser: Debian's Chromium, headless, driven by Playwright.

The set-up installs Chromium with apt when it is missing (and skips only where there is no
apt); Playwright's own browser download is never used.  Every request the page makes is
recorded: a view may load itself and nothing else.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, Request, sync_playwright

from kg.cli import main
from kg.timeline import render_timeline
from kg.view import ViewOptions, render_view, write_page
from kg.view_data import load_view_data, view_graph
from tests.view_fixtures import (
    ARREST_SENTENCE,
    CHARGE_SENTENCE,
    IMG_PAYLOAD,
    MEMBER_SENTENCE,
    SCRIPT_PAYLOAD,
    fictional_store,
)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
RES = "https://w3id.org/legal-events-kg/id/"
#: Records what the page does that it must not: CSP violations and payloads that ran.
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def _install_chromium() -> None:
    if CHROMIUM.exists():
        return
    if shutil.which("apt-get") is None:
        pytest.skip("Chromium is missing and there is no apt-get to install it")
    for command in (["apt-get", "update"], ["apt-get", "install", "-y", "chromium"]):
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            pytest.fail(f"{' '.join(command)} failed: {done.stderr.strip()[-500:]}")
    if not CHROMIUM.exists():
        pytest.fail(f"apt-get installed chromium but {CHROMIUM} is missing")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    _install_chromium()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Visit:
    """An open page and everything it asked for, said or tried."""

    page: Page
    url: str
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def outside_requests(self) -> list[str]:
        return [url for url in self.requests if url != self.url and not url.startswith("data:")]

    def pwned(self) -> Any:
        return self.page.evaluate("window.__pwned")

    def violations(self) -> list[str]:
        found: list[str] = self.page.evaluate("window.__violations")
        return found

    def node_point(self, node: str) -> tuple[float, float]:
        """Where a node is drawn, in page coordinates."""
        point = self.page.evaluate(
            """(id) => { const net = window.kgView.network;
                return net.canvasToDOM(net.getPosition(id)); }""",
            node,
        )
        return self._on_page(point)

    def edge_point(self, edge: str) -> tuple[float, float]:
        """The middle of an edge's curve, in page coordinates."""
        point = self.page.evaluate(
            """(id) => { const net = window.kgView.network;
                return net.canvasToDOM(net.body.edges[id].edgeType.getPoint(0.5)); }""",
            edge,
        )
        return self._on_page(point)

    def _on_page(self, point: dict[str, float]) -> tuple[float, float]:
        box = self.page.locator("#kg-network").bounding_box()
        assert box is not None
        return box["x"] + point["x"], box["y"] + point["y"]

    def hover(self, point: tuple[float, float]) -> str:
        """Move the mouse there and return the tooltip's text (after vis-network's delay)."""
        self.page.mouse.move(0, 0)
        self.page.mouse.move(*point)
        tooltip = self.page.locator("div.vis-tooltip")
        tooltip.wait_for(state="visible", timeout=5000)
        return tooltip.inner_text()


@pytest.fixture
def visit(browser: Browser) -> Iterator[Any]:
    contexts = []

    def open_page(path: Path, *, view: bool = True) -> Visit:
        context = browser.new_context(viewport={"width": 1200, "height": 800})
        contexts.append(context)
        page = context.new_page()
        page.add_init_script(WATCH)
        seen = Visit(page, path.resolve().as_uri())

        def on_request(request: Request) -> None:
            seen.requests.append(request.url)

        def on_dialog(dialog: Dialog) -> None:
            seen.dialogs.append(dialog.message)
            dialog.dismiss()

        def on_console(message: ConsoleMessage) -> None:
            if message.type == "error":
                seen.errors.append(message.text)

        context.on("request", on_request)
        page.on("dialog", on_dialog)
        page.on("console", on_console)
        page.on("pageerror", lambda error: seen.errors.append(str(error)))
        page.goto(seen.url)
        if view:
            page.wait_for_selector("body[data-stable=true]", timeout=60_000)
        return seen

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def fiction_view(tmp_path: Path) -> Path:
    path = tmp_path / "view.html"
    write_page(path, render_view(view_graph(load_view_data(fictional_store())), ViewOptions()))
    return path


def _drawn(seen: Visit) -> dict[str, str]:
    nodes: list[dict[str, str]] = seen.page.evaluate("window.kgView.network.body.data.nodes.get()")
    return {node["id"]: node["label"] for node in nodes}


def _edge_id(seen: Visit, head: str, tail: str) -> str:
    edge: str = seen.page.evaluate(
        """([head, tail]) => window.kgView.network.body.data.edges
             .get({ filter: (e) => e.from === head && e.to === tail })[0].id""",
        [head, tail],
    )
    return edge


def test_view_draws_the_expected_nodes_and_loads_nothing(visit: Any, fiction_view: Path) -> None:
    seen = visit(fiction_view)
    assert set(_drawn(seen).values()) == {
        "Chan Dara",
        "Lim Sovann",
        "Imaginaria police",
        "Party of Imaginary Progress",
        "Imaginaria",
        "treason",
    }
    assert seen.page.locator("#kg-legend .kg-legend-item").count() == 5
    assert seen.outside_requests() == []
    assert seen.violations() == [] and seen.errors == []


def test_hovering_a_node_shows_its_evidence_and_source(visit: Any, fiction_view: Path) -> None:
    seen = visit(fiction_view)
    text = seen.hover(seen.node_point(f"{RES}governmentbody/police"))
    assert ARREST_SENTENCE in text
    assert "001_fiction.txt" in text and "Crackdown in Imaginaria" in text


def test_hovering_an_edge_shows_its_evidence(visit: Any, fiction_view: Path) -> None:
    seen = visit(fiction_view)
    edge = _edge_id(seen, f"{RES}person/chan-dara", f"{RES}offence/treason")
    text = seen.hover(seen.edge_point(edge))
    assert CHARGE_SENTENCE in text and "Charge 2019-04" in text


def test_clicking_a_node_lists_all_its_evidence(visit: Any, fiction_view: Path) -> None:
    seen = visit(fiction_view)
    seen.page.mouse.click(*seen.node_point(f"{RES}person/chan-dara"))
    details = seen.page.locator("#kg-details").inner_text()
    for sentence in (ARREST_SENTENCE, CHARGE_SENTENCE, MEMBER_SENTENCE):
        assert sentence in details


def test_the_search_box_finds_a_node_by_alias(visit: Any, fiction_view: Path) -> None:
    seen = visit(fiction_view)
    seen.page.fill("#kg-search-input", "dara")
    seen.page.press("#kg-search-input", "Enter")
    assert seen.page.evaluate("window.kgView.network.getSelectedNodes()") == [
        f"{RES}person/chan-dara"
    ]
    assert "Chan Dara" in seen.page.locator("#kg-details h3").inner_text()
    seen.page.fill("#kg-search-input", "Nobody")
    seen.page.press("#kg-search-input", "Enter")
    assert seen.page.locator("#kg-search-status").inner_text() == "Not in this view."


def test_the_layout_settles_and_stops(visit: Any, fiction_view: Path) -> None:
    seen = visit(fiction_view)
    positions = "JSON.stringify(window.kgView.network.getPositions())"
    before = seen.page.evaluate(positions)
    seen.page.wait_for_timeout(1000)
    assert seen.page.evaluate(positions) == before
    assert seen.page.evaluate("window.kgView.network.physics.physicsEnabled") is False


def _poke_everything(seen: Visit) -> None:
    """Hover and click every node and every edge of a view."""
    for node in _drawn(seen):
        point = seen.node_point(node)
        seen.page.mouse.move(*point)
        seen.page.wait_for_timeout(120)
        seen.page.mouse.click(*point)
    edges: list[str] = seen.page.evaluate("window.kgView.network.body.data.edges.getIds()")
    for edge in edges:
        seen.page.mouse.click(*seen.edge_point(edge))
    seen.page.fill("#kg-search-input", "Chan")
    seen.page.press("#kg-search-input", "Enter")


def _assert_nothing_ran(seen: Visit) -> None:
    assert seen.pwned() is None
    assert seen.dialogs == []
    assert seen.page.evaluate("document.querySelectorAll('img, iframe, object').length") == 0
    assert seen.outside_requests() == []
    assert seen.violations() == []


def test_hostile_names_and_sentences_run_nothing(visit: Any, tmp_path: Path) -> None:
    data = load_view_data(fictional_store(hostile=True))
    view, timeline = tmp_path / "view.html", tmp_path / "timeline.html"
    write_page(view, render_view(view_graph(data), ViewOptions(top=5)))
    write_page(timeline, render_timeline(data, "res:person/chan-dara"))
    seen = visit(view)
    assert any(label.startswith("Chan <img src=x") for label in _drawn(seen).values())
    text = seen.hover(seen.node_point(f"{RES}governmentbody/police"))
    _poke_everything(seen)
    _assert_nothing_ran(seen)
    assert SCRIPT_PAYLOAD in text
    seen = visit(timeline, view=False)
    assert f"Chan {IMG_PAYLOAD} Dara" in seen.page.locator("h1").inner_text()
    _assert_nothing_ran(seen)


HOSTILE_DOCUMENT = f"""Imaginaria: opposition leader arrested

March 4, 2019

Police in Imaginaria arrested opposition leader Chan {IMG_PAYLOAD} Dara on Saturday.
{SCRIPT_PAYLOAD}

Chan Dara, the president of the Party of Imaginary Progress, was charged with treason by the
Imaginaria Municipal Court on 3 March 2019. <img src=x onerror=alert(1)>

Lim Sovann {SCRIPT_PAYLOAD}, a member of the Party of Imaginary Progress, was released on bail
on 2 March 2019.
"""


@pytest.mark.model
def test_a_hostile_document_built_by_kg_runs_nothing(visit: Any, tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "fiction.txt").write_text(HOSTILE_DOCUMENT, encoding="utf-8")
    store, view, timeline = tmp_path / "store", tmp_path / "view.html", tmp_path / "tl.html"
    runner = CliRunner()
    for args in (
        ["build", str(tmp_path / "docs"), "--store", str(store)],
        ["view", "--store", str(store), "-o", str(view)],
        ["timeline", "Chan Dara", "--store", str(store), "-o", str(timeline)],
    ):
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
    seen = visit(view)
    shown = json.dumps(
        seen.page.evaluate("JSON.parse(document.getElementById('kg-data').textContent)"),
        ensure_ascii=False,
    )
    assert IMG_PAYLOAD in shown or SCRIPT_PAYLOAD in shown
    assert _drawn(seen)
    _poke_everything(seen)
    _assert_nothing_ran(seen)
    seen = visit(timeline, view=False)
    _assert_nothing_ran(seen)
