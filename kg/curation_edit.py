"""What ``kg curate`` does with the curation file and the store, below its options.

:func:`append_entry` adds one ``[[entry]]`` (written with tomlkit) after the file's own
text, which is kept byte for byte, comments included, and checks the whole file before
replacing it; :func:`resolve_node` finds the IRI of a node named by its label;
:func:`entry_lines` lists the entries with their status in the store's last build.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.curation import (
    CurationError,
    Entry,
    default_curator,
    expand_iri,
    load_curation,
    parse_curation,
    shorten,
)
from kg.curation_apply import curation_iri
from kg.errors import StoreError
from kg.model import ACTOR_TYPES, EVENT_TYPES
from kg.namespaces import LEK, RDFS, SKOS
from kg.store import CURATION_GRAPH, KgStore

__all__ = ["HEADER", "append_entry", "current_type", "entry_lines", "resolve_node"]

#: The first lines of a curation file ``kg curate`` creates.
HEADER = """\
# Curation: researchers' corrections to the graph, applied at every `kg build`.
# Each [[entry]] is one correction, applied in file order; `kg curate ...` appends them and
# `kg curate list` shows whether each still applies.  See docs/curation.md.
"""


def _open(store_path: Path, purpose: str) -> KgStore:
    try:
        return KgStore(store_path, read_only=True)
    except StoreError as exc:
        raise CurationError(f"{purpose}, and {exc}") from exc


def _rows(store: KgStore, sparql: str) -> ox.QuerySolutions:
    rows = store.query(sparql)
    assert isinstance(rows, ox.QuerySolutions)
    return rows


def resolve_node(text: str, store_path: Path) -> str:
    """The IRI ``text`` names: itself when it is one (``res:…`` or full), else the one actor
    whose name or label it is in the store (ignoring case).

    Raises :class:`CurationError` when no node, or more than one, has that name.
    """
    iri = expand_iri(text)
    if iri is not None:
        return iri
    store = _open(store_path, f"{text!r} is not an IRI (res:…) to look up by label")
    name = str(ox.Literal(text.strip().lower()))
    rows = _rows(
        store,
        f"""SELECT DISTINCT ?node WHERE {{
              ?node <{LEK.name}>|<{RDFS.label}>|<{SKOS.altLabel}> ?name ; <{LEK.name}> ?any .
              FILTER(LCASE(STR(?name)) = {name}) }} ORDER BY ?node""",
    )
    nodes = [row["node"].value for row in rows]
    if not nodes:
        raise CurationError(f"no node is named {text!r} in the store at {store_path}")
    if len(nodes) > 1:
        listed = ", ".join(nodes[:5])
        raise CurationError(f"{text!r} names {len(nodes)} nodes ({listed}); give an IRI")
    return nodes[0]


def current_type(iri: str, store_path: Path) -> str:
    """The contract class ``iri`` has in the store (``Charge``), or ``""`` when the store
    does not say (the entry then needs it written)."""
    try:
        store = KgStore(store_path, read_only=True)
    except StoreError:
        return ""
    rows = _rows(store, f"SELECT DISTINCT ?class WHERE {{ <{iri}> a ?class }}")
    names = {row["class"].value.removeprefix(str(LEK)) for row in rows}
    known = sorted(names & set(ACTOR_TYPES + EVENT_TYPES))
    return known[0] if len(known) == 1 else ""


#: The keys whose values are IRIs, written with the ``res:`` or ``lek:`` prefix.
_NODE_KEYS = frozenset({"keep", "absorb", "node", "new", "subject", "agent", "place"})
_NODE_KEYS |= {"predicate", "object"}


def _compact(value: str | list[str]) -> str | list[str]:
    return [shorten(v) for v in value] if isinstance(value, list) else shorten(value)


def append_entry(path: Path, fields: dict[str, Any], who: str | None) -> Entry:
    """Append one entry (its empty fields left out, ``who`` and the present time added) to
    the curation file at ``path`` (created when missing); return it as read back.

    Raises :class:`CurationError` when the entry or the file is malformed, or when the file
    already holds the same correction; the file is then left as it was.
    """
    import tomlkit

    table = tomlkit.table()
    for key, value in fields.items():
        if value not in (None, "", []):
            table[key] = _compact(value) if key in _NODE_KEYS else value
    table["who"] = who or default_curator()
    table["when"] = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    document = tomlkit.document()
    entries = tomlkit.aot()
    entries.append(table)
    document.append("entry", entries)
    if path.exists() and not path.is_file():
        raise CurationError(f"{path} is not a regular file; name a .toml file")
    try:
        old = path.read_text(encoding="utf-8") if path.exists() else HEADER
    except (OSError, UnicodeDecodeError) as exc:
        raise CurationError(f"cannot read the curation file {path}: {exc}") from exc
    new = old.rstrip("\n") + "\n\n" + tomlkit.dumps(document)
    curation = parse_curation(new, path)
    added = curation.entries[-1]
    for earlier in curation.entries[:-1]:
        if earlier.key == added.key:
            raise CurationError(f"{path} already holds this correction as #{earlier.number}")
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(new, encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise CurationError(f"cannot write the curation file {path}: {exc}") from exc
    return added


def _statuses(store_path: Path) -> dict[str, str] | None:
    """Each recorded entry's status in the store's last build, or None without a store."""
    try:
        store = KgStore(store_path, read_only=True)
    except StoreError:
        return None
    rows = _rows(
        store,
        f"""SELECT ?c ?status ?reason WHERE {{ GRAPH <{CURATION_GRAPH}> {{
              ?c <{LEK.curationStatus}> ?status
              OPTIONAL {{ ?c <{LEK.staleReason}> ?reason }} }} }}""",
    )
    return {
        row["c"].value: row["status"].value
        + (f" ({row['reason'].value})" if row["reason"] is not None else "")
        for row in rows
    }


def entry_lines(path: Path, store_path: Path) -> list[str]:
    """Two lines per entry of the curation file: what it does and its status in the store
    (applied, stale and why, or not built yet), then who, when and why."""
    curation = load_curation(path)
    if not curation.entries:
        return [f"no entries in {path}"]
    statuses = _statuses(store_path)
    lines = []
    for entry in curation.entries:
        if statuses is None:
            status = f"not built yet (no store at {store_path})"
        else:
            status = statuses.get(curation_iri(entry), "not built yet")
        lines.append(f"{entry.summary}: {status}")
        when = f" on {entry.when}" if entry.when else ""
        lines.append(f"    by {entry.who}{when}: {entry.why}")
    return lines
