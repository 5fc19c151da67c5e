"""The curation file: researchers' corrections, read and checked before a build writes anything.

A TOML file holds one ``[[entry]]`` table per correction, applied in file order at every
build: ``merge``, ``split``, ``rename``, ``retype``, ``reject`` and ``add`` (see
``docs/curation.md``).  :func:`load_curation` turns it into a :class:`Curation` or raises
:class:`CurationError` with one line naming the file and the entry, so a malformed file stops
the build before the store is touched.  Nodes are named by IRI, full or prefixed
(``res:person/chan-dara``); ``kg curate`` turns labels into IRIs when it writes an entry.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.curation_fields import (
    CLAIM_PREDICATES,
    Term,
    action_fields,
    expand_iri,
    shorten,
    text_field,
    type_in_iri,
    when_field,
)
from kg.errors import KgError
from kg.model import stable_id

__all__ = [
    "ACTIONS",
    "CLAIM_PREDICATES",
    "DEFAULT_FILES",
    "Curation",
    "CurationError",
    "Entry",
    "Term",
    "default_curator",
    "expand_iri",
    "find_curation_file",
    "load_curation",
    "parse_curation",
    "shorten",
    "type_in_iri",
]

#: What an entry may do, in the words of the file's ``action`` key.
ACTIONS = ("merge", "split", "rename", "retype", "reject", "add")
#: The files ``kg build`` and ``kg curate`` use when none is named, the first found.
DEFAULT_FILES = (Path("curation.toml"), Path("data") / "curation.toml")
_DOCUMENT_ACTIONS = frozenset({"merge", "split", "retype", "reject"})


class CurationError(KgError):
    """The curation file cannot be read or one of its entries is malformed."""


@dataclass(frozen=True)
class Entry:
    """One correction of the curation file, its IRIs expanded and its fields checked.

    ``nodes`` are the IRIs it is about, by action: merge (keep, absorb), split (node, new),
    rename, retype and reject (node), add (the event's subjects, agents and place).
    ``entry_id`` is a hash of its number and :attr:`key`: editing an entry's ``why``
    keeps its id, moving or changing it gives a new one.
    """

    number: int
    action: str
    why: str
    who: str
    when: str
    nodes: tuple[str, ...] = ()
    label: str = ""
    type: str = ""
    from_type: str = ""
    documents: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    triple: tuple[str, str, Term] | None = None
    subjects: tuple[str, ...] = ()
    agents: tuple[str, ...] = ()
    place: str = ""
    date: str = ""
    charges: tuple[str, ...] = ()
    sentence: str = ""
    status: str = ""
    source: str = ""
    quote: str = ""
    entry_id: str = field(default="", compare=False)

    @property
    def key(self) -> tuple[str, ...]:
        """What the entry does (not who, when, why nor where in the file), as strings."""
        triple = tuple(str(term) for term in self.triple or ())
        return (
            self.action,
            *self.nodes,
            self.label,
            self.type,
            self.from_type,
            repr(self.documents),
            repr(self.names),
            *triple,
            repr(self.subjects),
            repr(self.agents),
            self.place,
            self.date,
            repr(self.charges),
            self.sentence,
            self.status,
            self.source,
            self.quote,
        )

    @property
    def changes_documents(self) -> bool:
        """True for the actions applied to each document's graph (the others act after)."""
        return self.action in _DOCUMENT_ACTIONS

    @property
    def summary(self) -> str:
        """One line naming the entry, e.g. ``#3 merge res:person/a res:person/b``."""
        if self.triple is not None:
            subject, predicate, obj = self.triple
            what = [shorten(subject), shorten(predicate), _show(obj)]
        elif self.action == "add":
            what = [self.type, *map(shorten, self.subjects), self.date]
        else:
            what = list(map(shorten, self.nodes))
        if self.action in ("rename", "split"):
            what.append(f"“{self.label}”")
        elif self.action == "retype":
            what.append(f"{self.from_type} → {self.type}" if self.from_type else self.type)
        return " ".join([f"#{self.number}", self.action, *(w for w in what if w)])


@dataclass(frozen=True)
class Curation:
    """The entries of a curation file, in file order (none when there is no file)."""

    entries: tuple[Entry, ...] = ()
    path: Path | None = None

    @property
    def document_entries(self) -> tuple[Entry, ...]:
        """The entries applied to each document's graph (merge, split, retype, reject)."""
        return tuple(entry for entry in self.entries if entry.changes_documents)

    @property
    def document_hash(self) -> str:
        """Identify what the document entries do: a document's graph curated with another
        hash is curated again.  Empty when there are none, so an uncurated store keeps its
        graphs as they were."""
        ids = [entry.entry_id for entry in self.document_entries]
        return stable_id("curation", *ids, length=24) if ids else ""


def _show(term: Term) -> str:
    return shorten(term.value) if isinstance(term, ox.NamedNode) else f"“{term.value}”"


def default_curator() -> str:
    """Who a correction is by when its entry does not say: ``KG_CURATOR``, else the git
    user's name, else the login name."""
    if name := os.environ.get("KG_CURATOR", "").strip():
        return name
    try:
        git = subprocess.run(
            ["git", "config", "user.name"], capture_output=True, text=True, timeout=5, check=False
        )
        if name := git.stdout.strip():
            return name
    except (OSError, subprocess.SubprocessError):
        pass
    return os.environ.get("USER", "").strip() or "unknown"


def find_curation_file(folder: Path) -> Path | None:
    """The first of ``curation.toml`` and ``data/curation.toml`` under ``folder``, if any."""
    for name in DEFAULT_FILES:
        if (folder / name).is_file():
            return folder / name
    return None


def load_curation(path: Path | None) -> Curation:
    """Read and check the curation file at ``path`` (no curation when None).

    Raises :class:`CurationError` when it cannot be read or an entry is malformed.
    """
    if path is None:
        return Curation()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CurationError(f"cannot read the curation file {path}: {exc}") from exc
    return parse_curation(text, path)


def parse_curation(text: str, path: Path) -> Curation:
    """Check the TOML text of a curation file (``path`` names it in messages)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CurationError(f"{path}: invalid TOML: {exc}") from exc
    unknown = sorted(set(data) - {"entry"})
    if unknown:
        raise CurationError(f"{path}: unknown table {unknown[0]!r}; corrections are [[entry]]")
    raw = data.get("entry", [])
    if not isinstance(raw, list):
        raise CurationError(f"{path}: 'entry' must be an array of tables, written [[entry]]")
    curator: list[str] = []  # found once, only when an entry needs it

    def who_default() -> str:
        if not curator:
            curator.append(default_curator())
        return curator[0]

    entries = []
    for number, table in enumerate(raw, start=1):
        try:
            if not isinstance(table, dict):
                raise ValueError("is not a table")
            entries.append(_entry(number, table, who_default))
        except ValueError as exc:
            raise CurationError(f"{path}: entry #{number}: {exc}") from exc
    return Curation(tuple(entries), path)


def _entry(number: int, table: Mapping[str, Any], who_default: Callable[[], str]) -> Entry:
    action = text_field(table, "action", required=True)
    if action not in ACTIONS:
        raise ValueError(f"action = {action!r} is not one of {', '.join(ACTIONS)}")
    fields = action_fields(action, table)
    why = text_field(table, "why", required=True)
    who = text_field(table, "who") or who_default()
    when = when_field(table["when"]) if "when" in table else ""
    entry = Entry(number, action, why, who, when, **fields)
    return dataclasses.replace(entry, entry_id=stable_id(number, *entry.key))
