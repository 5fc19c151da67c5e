"""``kg curate``: write researchers' corrections into the curation file, and list them.

Each command appends one ``[[entry]]`` to the file (``--file``, else ``./curation.toml`` or
``./data/curation.toml`` when present, else a new ``./curation.toml``), with who, when and
why, leaving the rest of the file (and its comments) as it was; the next ``kg build``
applies it.  A node is named by IRI (``res:person/chan-dara``) or by a label the store
knows for exactly one node, and the IRI is what is written.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from kg.settings import DEFAULT_STORE

__all__ = ["curate", "curation_file_option", "default_curation_file"]

F = TypeVar("F", bound=Callable[..., Any])

curation_file_option = click.option(
    "--file",
    "curation_file",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="KG_CURATION",
    show_envvar=True,
    help="The curation file (default: ./curation.toml or ./data/curation.toml if present).",
)
_store_option = click.option(
    "--store",
    "store_path",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_STORE,
    show_default=True,
    help="The store whose labels name nodes (and whose build says what is stale).",
)
_why_option = click.option("--why", required=True, help="Why: kept in the graph with the entry.")
_who_option = click.option(
    "--who", help="Who makes it (default: KG_CURATOR, the git user's name, or the login name)."
)


def _one_line(func: F) -> F:
    """Library errors become one-line messages (full tracebacks with ``kg --debug``)."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from kg.errors import KgError

        try:
            return func(*args, **kwargs)
        except KgError as exc:
            if click.get_current_context().find_root().params.get("debug"):
                raise
            raise click.ClickException(str(exc)) from exc

    return wrapper  # type: ignore[return-value]


def default_curation_file() -> Path | None:
    """The curation file ``kg build`` and ``kg curate`` use when none is named."""
    from kg.curation import find_curation_file

    return find_curation_file(Path("."))


def _writing(func: F) -> F:
    """The options every writing command takes: --file, --store, --why and --who."""
    for option in (_who_option, _why_option, _store_option, curation_file_option):
        func = option(func)
    return _one_line(func)


@click.group()
def curate() -> None:
    """Researchers' corrections, applied at every build (docs/curation.md).

    Each command appends an entry to the curation file; run kg build to apply it.
    """


def _node(text: str, store_path: Path) -> str:
    from kg.curation_edit import resolve_node

    return resolve_node(text, store_path)


def _append(fields: dict[str, Any], curation_file: Path | None, who: str | None) -> None:
    from kg.curation_edit import append_entry

    path = curation_file or default_curation_file() or Path("curation.toml")
    entry = append_entry(path, fields, who)
    click.echo(f"added {entry.summary} to {path}; kg build applies it")


@curate.command()
@click.argument("keep")
@click.argument("absorb")
@_writing
def merge(
    keep: str, absorb: str, curation_file: Path | None, store_path: Path, why: str, who: str | None
) -> None:
    """KEEP absorbs ABSORB: everything said of ABSORB is said of KEEP, whose alternative
    labels ABSORB's names become."""
    fields = {
        "action": "merge",
        "keep": _node(keep, store_path),
        "absorb": _node(absorb, store_path),
    }
    _append({**fields, "why": why}, curation_file, who)


@curate.command()
@click.argument("node")
@click.option("--label", required=True, help="The new node's label.")
@click.option("--type", "node_type", help="The new node's class (default: NODE's).")
@click.option("--document", "documents", multiple=True, help="A document (file name, path or IRI).")
@click.option("--name", "names", multiple=True, help="A surface name whose occurrences move.")
@click.option("--new", "new_iri", help="The new node's IRI (default: from its class and label).")
@_writing
def split(
    node: str,
    label: str,
    node_type: str | None,
    documents: tuple[str, ...],
    names: tuple[str, ...],
    new_iri: str | None,
    curation_file: Path | None,
    store_path: Path,
    why: str,
    who: str | None,
) -> None:
    """Undo a wrong merge: NODE's occurrences in the --document(s), or under the --name(s),
    become a new node with --label."""
    if not documents and not names:
        raise click.UsageError("give --document or --name: which occurrences become the new node")
    fields: dict[str, Any] = {"action": "split", "node": _node(node, store_path), "label": label}
    fields.update({"type": node_type, "new": new_iri, "documents": list(documents)})
    fields["names"] = list(names)
    _append({**fields, "why": why}, curation_file, who)


@curate.command()
@click.argument("node")
@click.argument("label")
@_writing
def rename(
    node: str, label: str, curation_file: Path | None, store_path: Path, why: str, who: str | None
) -> None:
    """Give NODE the label LABEL (its old label stays an alternative label)."""
    fields = {"action": "rename", "node": _node(node, store_path), "label": label, "why": why}
    _append(fields, curation_file, who)


@curate.command()
@click.argument("node")
@click.argument("new_type", metavar="TYPE")
@click.option("--from", "from_type", help="The class NODE has now (default: read from the store).")
@_writing
def retype(
    node: str,
    new_type: str,
    from_type: str | None,
    curation_file: Path | None,
    store_path: Path,
    why: str,
    who: str | None,
) -> None:
    """Give NODE the class TYPE (Court, Conviction...) in place of the one it has.

    An event's new class is recorded as a researcher's correction of its old one: it
    applies only while the event still has that class.
    """
    from kg.curation_edit import current_type

    iri = _node(node, store_path)
    old = from_type or current_type(iri, store_path)
    fields = {"action": "retype", "node": iri, "type": new_type, "from": old, "why": why}
    _append(fields, curation_file, who)
    if old and old != new_type:
        click.echo(f"recorded as a researcher's correction: {old} → {new_type}, because: {why}")


def _object(text: str, value: bool, store_path: Path) -> dict[str, str]:
    return {"value": text} if value else {"object": _node(text, store_path)}


@curate.command()
@click.argument("target")
@click.argument("rest", nargs=-1, metavar="[PREDICATE OBJECT]")
@click.option("--value", is_flag=True, help="OBJECT is a string, not a node.")
@_writing
def reject(
    target: str,
    rest: tuple[str, ...],
    value: bool,
    curation_file: Path | None,
    store_path: Path,
    why: str,
    who: str | None,
) -> None:
    """Reject an event or membership (TARGET, its IRI), or one triple (TARGET PREDICATE
    OBJECT)."""
    from kg.curation import expand_iri

    if len(rest) not in (0, 2):
        raise click.UsageError("give an event's or membership's IRI, or SUBJECT PREDICATE OBJECT")
    fields: dict[str, Any] = {"action": "reject"}
    if not rest:
        fields["node"] = _node(target, store_path)
    else:
        predicate = expand_iri(rest[0]) or rest[0]
        fields.update({"subject": _node(target, store_path), "predicate": predicate})
        fields.update(_object(rest[1], value, store_path))
    _append({**fields, "why": why}, curation_file, who)


def _citation(func: F) -> F:
    """--source and --quote: an added assertion is refused without both."""
    source = click.option(
        "--source", required=True, help="Where it is stated: a URL, or a document of the corpus."
    )
    quote = click.option("--quote", required=True, help="The sentence that states it, verbatim.")
    return source(quote(func))


@curate.group()
def add() -> None:
    """Add an assertion the documents miss, with its source and the sentence stating it."""


@add.command(name="event")
@click.argument("event_type", metavar="TYPE")
@click.option("--subject", "subjects", multiple=True, required=True, help="Whom it happened to.")
@click.option("--agent", "agents", multiple=True, help="Who carried it out.")
@click.option("--place", help="Where (a place or facility).")
@click.option("--date", help="When: 2021, 2021-03 or 2021-03-05.")
@click.option("--charge", "charges", multiple=True, help="An offence's words.")
@click.option("--sentence", help="The penalty's words.")
@click.option(
    "--status",
    type=click.Choice(["asserted", "alleged", "disputed"]),
    default="asserted",
    show_default=True,
    help="How the source presents it.",
)
@_citation
@_writing
def add_event(
    event_type: str,
    subjects: tuple[str, ...],
    agents: tuple[str, ...],
    place: str | None,
    date: str | None,
    charges: tuple[str, ...],
    sentence: str | None,
    status: str,
    source: str,
    quote: str,
    curation_file: Path | None,
    store_path: Path,
    why: str,
    who: str | None,
) -> None:
    """Add an event of class TYPE (Arrest, Charge...)."""
    fields: dict[str, Any] = {"action": "add", "event": event_type}
    fields["subject"] = [_node(text, store_path) for text in subjects]
    fields["agent"] = [_node(text, store_path) for text in agents]
    fields["place"] = _node(place, store_path) if place else None
    fields.update({"date": date, "charge": list(charges), "sentence": sentence, "status": status})
    fields.update({"source": source, "quote": quote, "why": why})
    _append(fields, curation_file, who)


@add.command(name="triple")
@click.argument("subject")
@click.argument("predicate")
@click.argument("obj", metavar="OBJECT")
@click.option("--value", is_flag=True, help="OBJECT is a string, not a node.")
@_citation
@_writing
def add_triple(
    subject: str,
    predicate: str,
    obj: str,
    value: bool,
    source: str,
    quote: str,
    curation_file: Path | None,
    store_path: Path,
    why: str,
    who: str | None,
) -> None:
    """Add one triple (PREDICATE as res:/lek: or a full IRI)."""
    from kg.curation import expand_iri

    fields: dict[str, Any] = {"action": "add", "subject": _node(subject, store_path)}
    fields.update({"predicate": expand_iri(predicate) or predicate})
    fields.update(_object(obj, value, store_path))
    fields.update({"source": source, "quote": quote, "why": why})
    _append(fields, curation_file, who)


@curate.command(name="list")
@curation_file_option
@_store_option
@_one_line
def list_entries(curation_file: Path | None, store_path: Path) -> None:
    """Each entry with who, when and why, and its status in the store's last build:
    applied, stale (and why), or not built yet."""
    from kg.curation_edit import entry_lines

    path = curation_file or default_curation_file()
    if path is None:
        click.echo("no curation file (./curation.toml or ./data/curation.toml)")
        return
    sys.stdout.write("".join(line + "\n" for line in entry_lines(path, store_path)))
