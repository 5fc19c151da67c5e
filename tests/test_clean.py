"""Bytes to clean text (kg.clean): encodings, HTML, Markdown and site chrome."""

from __future__ import annotations

import codecs
import doctest
import hashlib
from pathlib import Path
from types import ModuleType

import pytest

import kg.chrome
import kg.clean
from kg.clean import clean, decode
from kg.errors import DocumentError
from kg.model import Document, Source, stable_id
from kg.settings import Settings

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
KHMER_DAILY = "001_3e0596b61597a4bc.txt"


def _source(raw: bytes, name: str = "doc.txt", media_type: str = "text/plain") -> Source:
    return Source(name, name, raw, hashlib.sha256(raw).hexdigest(), media_type)


def _clean(raw: bytes, name: str = "doc.txt", media_type: str = "text/plain") -> Document:
    return clean(_source(raw, name, media_type), Settings())


@pytest.fixture(scope="module")
def corpus() -> dict[str, tuple[str, Document]]:
    """Each demo file's raw text and cleaned document."""
    documents = {}
    for path in sorted(CORPUS.glob("*.txt")):
        raw = path.read_bytes()
        documents[path.name] = (raw.decode("utf-8"), _clean(raw, path.name))
    return documents


# Decoding


@pytest.mark.parametrize(
    "encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be"]
)
def test_byte_order_marks_select_the_encoding(encoding: str) -> None:
    text = "Иван Фиктивов and ចាន់ ដារ៉ា were detained."
    raw = text.encode(encoding)
    bom = {
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-be": codecs.BOM_UTF32_BE,
    }
    raw = bom.get(encoding, b"") + raw
    assert decode(raw, "doc.txt") == text


def test_latin1_text_is_decoded_by_guessing() -> None:
    text = "Chan Dara est arrêté à Phnom Penh, selon l'agence. Le procès a été reporté."
    assert _clean(text.encode("latin-1")).text == text


def test_cyrillic_legacy_encoding_is_decoded_by_guessing() -> None:
    text = "Иван Фиктивов был арестован в столице. Суд отложил процесс на неделю."
    assert _clean(text.encode("cp1251")).text == text


def test_khmer_and_cyrillic_text_is_kept() -> None:
    text = "ចាន់ ដារ៉ា ត្រូវបានចាប់ខ្លួន។\n\nИван Фиктивов был задержан."
    assert _clean(text.encode()).text == text


@pytest.mark.parametrize(
    "raw",
    [b"\x00\x01\x02\x03binary\x00\xff", bytes(range(256)) * 8, b"PK\x03\x04\x14\x00\x00\x00"],
)
def test_binary_content_is_refused(raw: bytes) -> None:
    with pytest.raises(DocumentError, match="binary"):
        _clean(raw, "data.txt")


@pytest.mark.parametrize("raw", [b"", b"   \n\n\t \r\n", "\ufeff".encode()])
def test_empty_document_is_refused(raw: bytes) -> None:
    with pytest.raises(DocumentError, match="no text"):
        _clean(raw)


def test_utf16_without_bom_is_decoded() -> None:
    text = "Chan Dara was arrested in the capital."
    assert decode(text.encode("utf-16-le"), "doc.txt") == text


# Lines and paragraphs


def test_line_endings_indentation_and_blank_runs_are_normalised() -> None:
    raw = b"   First paragraph line.  \r\n\r\n\r\n\tSecond paragraph.\rThird line."
    assert _clean(raw).text == "First paragraph line.\n\nSecond paragraph.\nThird line."


def test_document_identity_comes_from_its_key() -> None:
    document = _clean(b"Chan Dara was arrested.", "folder/doc.txt")
    assert document.doc_id == stable_id("folder/doc.txt")
    assert document.path == "folder/doc.txt"


def test_plain_article_headline_and_date_become_title_and_date() -> None:
    raw = (
        b"Court Jails Chan Dara\n\nJune 3, 2021\n\nChan Dara was sentenced to two years in prison."
    )
    document = _clean(raw)
    assert (document.title, document.date) == ("Court Jails Chan Dara", "2021-06-03")


# HTML


HTML = """<!doctype html><html><head>
<title>Court jails Chan Dara | Fictional Times</title>
<meta property="article:published_time" content="2021-06-03T10:00:00Z">
<meta property="og:site_name" content="Fictional Times">
<script>var tracker = "SCRIPT-PAYLOAD";</script>
<style>body { color: red }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<iframe src="https://ads.example/frame">IFRAME-PAYLOAD</iframe>
<article><h1>Court jails Chan Dara</h1>
<p>Chan Dara, a member of the Party of Imaginary Progress, was sentenced to five years in
prison on Tuesday by a court in the capital, his lawyer said.</p>
<script>document.write("INLINE-PAYLOAD")</script>
<p>His lawyer Lim Sovann said the verdict would be appealed. Иван Фиктивов ចាន់ ដារ៉ា</p>
</article><footer>© 2021 Fictional Times</footer></body></html>"""


def test_html_main_text_is_kept_and_scripts_dropped() -> None:
    document = _clean(HTML.encode(), "page.html", "text/html")
    assert "was sentenced to five years" in document.text
    assert "Иван Фиктивов ចាន់ ដារ៉ា" in document.text
    for payload in ("SCRIPT-PAYLOAD", "INLINE-PAYLOAD", "IFRAME-PAYLOAD", "color: red"):
        assert payload not in document.text
    assert "\n\n" in document.text  # paragraphs stay apart


def test_html_title_date_and_site_come_from_metadata() -> None:
    document = _clean(HTML.encode(), "page.html", "text/html")
    assert document.title is not None and "Court jails Chan Dara" in document.title
    assert document.date == "2021-06-03"
    assert document.publisher == "Fictional Times"


def test_html_declared_charset_is_honoured() -> None:
    page = '<html><head><meta charset="windows-1251"></head><body><p>{}</p></body></html>'
    text = "Иван Фиктивов был арестован в столице, сообщил его адвокат Лим Сованн."
    document = _clean(page.format(text).encode("cp1251"), "page.html", "text/html")
    assert text in document.text


# Markdown


def test_markdown_markup_is_stripped_and_paragraphs_kept() -> None:
    markdown = (
        "---\ntitle: Chan Dara freed\ndate: 2021-06-03\n---\n"
        "# Chan Dara *freed* on bail\n\n"
        "**Phnom Penh** – [Chan Dara](https://example.org/a) was _released_ today, said "
        "`Lim Sovann`.\n\n![a photo](photo.png)\n\n```\nprint('x')\n```\n\n> A quoted line.\n"
    )
    document = _clean(markdown.encode(), "note.md", "text/markdown")
    assert document.text.startswith(
        "Chan Dara freed on bail\n\nPhnom Penh – Chan Dara was released"
    )
    for markup in ("#", "*", "](", "![", "```", "`", "> ", "---"):
        assert markup not in document.text
    assert (document.title, document.date) == ("Chan Dara freed", "2021-06-03")


# Site chrome


def test_khmer_daily_page_keeps_only_the_article(corpus: dict[str, tuple[str, Document]]) -> None:
    raw, document = corpus[KHMER_DAILY]
    text = document.text
    assert text.startswith("Amnesty: Reprieve for Kem Sokha should not distract")
    assert text.endswith("and in the absence of arrest warrants.")
    assert len(text) < len(raw) / 2 + 500
    assert len(text) < 0.6 * len(raw)
    for chrome in (
        "LATEST", "No Result", "View All Result", "SHARES", "VIEWS", "Share on Facebook",
        "Related Posts", "Most Popular", "Previous Post", "Tags:", "©", "Content is protected",
        "This article was first published", "Source:", "in Cambodia, Politics", "34 °c",
    ):  # fmt: skip
        assert chrome not in text, chrome
    assert text.count("Amnesty: Reprieve for Kem Sokha") == 1


def test_khmer_daily_page_states_title_date_and_source(
    corpus: dict[str, tuple[str, Document]],
) -> None:
    _, document = corpus[KHMER_DAILY]
    assert document.title == (
        "Amnesty: Reprieve for Kem Sokha should not distract from human rights crisis"
    )
    assert document.date == "2021-06-03"  # not the page's "Monday, January 30, 2023" widget
    assert document.publisher == "Amnesty International"


def test_menu_and_appeal_lines_are_dropped(corpus: dict[str, tuple[str, Document]]) -> None:
    listing = corpus["000_2b1308bc82c8c662.txt"][1].text
    assert listing.startswith("May 30, 2017\n\nCambodia’s government is using its courts")
    statement = corpus["004_cca068b90dbaf784.txt"][1].text
    assert statement.startswith("The Cambodian government accepted 173 UPR recommendations")
    assert statement.endswith("This Council should hold them to account if they fail to do so.")
    for chrome in ("Select this search icon", "Main menu", "Facebook Share", "Skip to main"):
        assert chrome not in listing + statement


def test_cleaning_keeps_article_lines_verbatim(corpus: dict[str, tuple[str, Document]]) -> None:
    for raw, document in corpus.values():
        source_lines = {line.strip() for line in raw.splitlines()}
        assert all(line in source_lines for line in document.text.splitlines())
        assert "\n\n\n" not in document.text


def test_listing_pages_are_not_given_one_page_date(
    corpus: dict[str, tuple[str, Document]],
) -> None:
    for name in ("000_2b1308bc82c8c662.txt", "003_ef41a4b840b9cc30.txt"):
        assert corpus[name][1].date is None


SENTENCED = (
    "A court in the capital on Monday sentenced Chan Dara, a member of the Party of "
    "Imaginary Progress, to three years in prison."
)
FICTIONAL_PAGE = "\n".join(
    [
        "Tuesday, March 4, 2025",
        "Fictional Herald",
        "21 °C",
        "• HOME",
        "• NEWS",
        "• SPORT",
        "Search",
        "Home News Asia",
        "",
        "Court Sentences Opposition Activist Chan Dara",
        "",
        "March 3, 2025",
        "in News, Asia",
        "Court Sentences Opposition Activist Chan Dara",
        "12",
        "SHARES",
        "140",
        "VIEWS",
        "Share on Facebook Share on Twitter",
        "",
        SENTENCED,
        "",
        "His lawyer, Lim Sovann, said the ruling would be appealed.",
        "",
        "Photo: Chan Dara outside the court.",
        "",
        "Tags: courts, opposition",
        "Previous Post",
        "Next Post",
        "",
        "Related Articles",
        "",
        "Pich Nary Released on Bail After Two Months in Detention, Lawyer Says in Statement Today.",
        "",
        "© 2025 Fictional Herald. All rights reserved.",
        "",
    ]
)


def test_chrome_rules_are_general_not_tied_to_one_site() -> None:
    document = _clean(FICTIONAL_PAGE.encode())
    assert document.text == (
        "Court Sentences Opposition Activist Chan Dara\n\nMarch 3, 2025\n\n"
        f"{SENTENCED}\n\n"
        "His lawyer, Lim Sovann, said the ruling would be appealed.\n\n"
        "Photo: Chan Dara outside the court."
    )
    assert (document.title, document.date) == (
        "Court Sentences Opposition Activist Chan Dara",
        "2025-03-03",
    )
    assert document.publisher == "Fictional Herald"


@pytest.mark.parametrize("module", [kg.clean, kg.chrome])
def test_docstring_examples_hold(module: ModuleType) -> None:
    results = doctest.testmod(module)
    assert results.attempted > 0
    assert results.failed == 0


def test_date_above_headline_and_pipe_menus_are_handled() -> None:
    page = "\n".join(
        [
            "Fictional Press",
            "Support Us",
            "Politics & Protest",
            "7 March 2025 09:15 HKT",
            "Ivan Fictivov jailed for 10 months over posts",
            "by Lim Sovann",
            "A court on Friday jailed Ivan Fictivov for 10 months over social media posts.",
            "The magistrate said the posts could incite hatred.",
            "Support Us  |  Ethics  |  Error/typo?  |  Contact Us  |  Newsletter",
            "Keep this site free for all readers by supporting our team",
            "LATEST FROM FICTIONAL PRESS",
            "Another story headline",
        ]
    )
    document = _clean(page.encode())
    assert document.text.startswith("7 March 2025 09:15 HKT\nIvan Fictivov jailed")
    assert document.text.endswith("could incite hatred.")
    assert (document.title, document.date) == (
        "Ivan Fictivov jailed for 10 months over posts",
        "2025-03-07",
    )
