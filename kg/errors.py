"""Exceptions raised by library code; the CLI turns each into a one-line message."""

from __future__ import annotations

__all__ = [
    "DocumentError",
    "EvalError",
    "KgError",
    "QueryError",
    "RdfInputError",
    "StoreError",
    "StoreLockedError",
]


class KgError(Exception):
    """Base class: a problem the user can act on, said in one line."""


class DocumentError(KgError):
    """A document could not be read or understood; the others are still processed."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class StoreError(KgError):
    """The store cannot be opened, read or written."""


class StoreLockedError(StoreError):
    """Another process is writing to the store."""


class QueryError(KgError):
    """A SPARQL query is malformed or refused."""


class RdfInputError(KgError):
    """An RDF file a user gave cannot be read, or asks to reach outside itself."""


class EvalError(KgError):
    """Gold annotations are missing or malformed."""
