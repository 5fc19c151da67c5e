"""Random and mutated documents through the whole build: it never crashes, and whatever it
writes conforms to the SHACL shapes.

Each example is one file built into a fresh store with ``debug=True``, so an unexpected
exception anywhere in the pipeline fails the test instead of becoming a failure line; a
refused document (:class:`~kg.errors.DocumentError`) is a correct outcome.  The examples
are derandomised so that CI runs the same ones every time; set ``KG_FUZZ_EXAMPLES`` to run
more, with fresh randomness, when hunting for bugs.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.pipeline import build
from kg.settings import Settings
from kg.store import KgStore
from kg.validate import validate_store

from .fictional import corpus

EXAMPLES = int(os.environ.get("KG_FUZZ_EXAMPLES", "40"))

HTML_PAGE = """<!doctype html><html><head><title>Court jails Chan Dara | Fictional Times</title>
<meta property="article:published_time" content="2021-06-03T10:00:00Z">
<script>var tracker = "SCRIPT";</script></head><body><nav><a href="/">Home</a></nav>
<iframe src="http://127.0.0.1:9/frame">frame</iframe>
<article><h1>Court jails Chan Dara</h1>
<p>The Provincial Court of Nowhere sentenced Chan Dara, a member of the Party of Imaginary
Progress, to five years in prison on Tuesday for incitement, his lawyer Lim Sovann said.</p>
<p>Pich Nary, president of the League of Invented Democrats, was arrested in Fictograd.</p>
</article><footer>© 2021 Fictional Times</footer></body></html>"""

MARKDOWN_PAGE = """---
title: Ivan Fictivov freed
date: 2021-06-03
---
# Ivan Fictivov *freed* on bail

**Fictograd** – [Ivan Fictivov](http://127.0.0.1:9/a), a member of the Party of Imaginary
Progress, was released on bail on 2 June 2021 after the Exampleville Municipal Court
dropped charges of treason, said `Olga Inventova`.
"""

BASES = [*list(corpus(2).values())[:4], HTML_PAGE, MARKDOWN_PAGE]
SUFFIXES = [".txt", ".md", ".html"]
FRAGMENTS = [
    "<script>alert(1)</script>", "<iframe src='http://127.0.0.1:9/'>", "\x00", "\r\n\r\n",
    "\u202e", "\u200b", "\ufeff", "**", "# ", "> ", "```", "[x](http://127.0.0.1:9/)",
    "March 3, 2021\n", "By: Chan Dara\n", "\n\n", "ចាន់ ដារ៉ា", "Иван Фиктивов", "&amp;",
    "<!--", "]]>", "\\", '"', "'", "<", ">", "Article 443 of the Criminal Code", "arrested",
    "was sentenced to 3 years", " Mr. ", "President", "🙂", "e\u0301", "\t", "    ",
]  # fmt: skip


@st.composite
def mutated_documents(draw: st.DrawFn) -> tuple[bytes, str]:
    """A fictional article or page with insertions, deletions and repeats, in any encoding."""
    text = draw(st.sampled_from(BASES))
    for _ in range(draw(st.integers(1, 8))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 300)))
        operation = draw(st.sampled_from(["insert", "delete", "repeat"]))
        if operation == "insert":
            piece = draw(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)))
            text = text[:start] + piece + text[start:]
        elif operation == "delete":
            text = text[:start] + text[end:]
        else:
            text = text[:end] + text[start:end] * draw(st.integers(1, 5)) + text[end:]
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]))
    return text.encode(encoding, errors="replace"), draw(st.sampled_from(SUFFIXES))


DOCUMENTS = st.one_of(
    st.tuples(st.binary(max_size=3000), st.sampled_from(SUFFIXES)),
    st.tuples(st.text(max_size=3000).map(str.encode), st.sampled_from(SUFFIXES)),
    mutated_documents(),
    mutated_documents(),
)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize="KG_FUZZ_EXAMPLES" not in os.environ,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(document=DOCUMENTS)
def test_any_document_is_built_or_refused_and_what_is_built_conforms(
    document: tuple[bytes, str],
) -> None:
    raw, suffix = document
    with tempfile.TemporaryDirectory() as temporary:
        folder, store = Path(temporary) / "docs", Path(temporary) / "store"
        folder.mkdir()
        (folder / f"fuzzed{suffix}").write_bytes(raw)
        report = build([folder], store, Settings(), debug=True)
        assert len(report.changed) + len(report.failed) == 1
        assert all("\n" not in str(error) for error in report.failed)
        built = KgStore(store, read_only=True)
        result = validate_store(built)
        built.close()
        assert result.conforms, result.text
