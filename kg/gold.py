"""Gold annotations (``../shared/gold/SCHEMA.md``): load, validate, and normalise for matching.

A gold file is written by hand, so it is checked field by field: a malformed file is an
:class:`~kg.errors.EvalError` naming the file and the place, never a traceback later on.
Fields beyond the schema are ignored, so the schema can grow without breaking old scorers.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from kg.errors import EvalError
from kg.model import ACTOR_TYPES, EVENT_TYPES, ORGANIZATION_TYPES

__all__ = [
    "GoldDocument",
    "GoldEntity",
    "GoldEvent",
    "GoldItem",
    "GoldMembership",
    "article_number",
    "load_gold",
    "normalise_name",
    "offence_words",
]

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"'})
_ISO_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")
_ARTICLE = re.compile(r"\barticles?\s+(\w+(?:[.-]\w+)*)")


@dataclass(frozen=True)
class GoldItem:
    """One dated item of a source file (a plain article is one item)."""

    id: str
    date: str | None
    first_words: str


@dataclass(frozen=True)
class GoldEntity:
    """A named actor or place, with every surface form the text uses for it."""

    key: str
    type: str
    label: str
    aliases: tuple[str, ...]

    @property
    def forms(self) -> frozenset[str]:
        """The normalised label and aliases, against which store names are matched."""
        return frozenset(normalise_name(n) for n in (self.label, *self.aliases)) - {""}


@dataclass(frozen=True)
class GoldMembership:
    """A person's stated role in an organisation (keys of gold entities)."""

    person: str
    organization: str
    role: str | None


@dataclass(frozen=True)
class GoldEvent:
    """A legal or political event the text asserts happened."""

    type: str
    item: str
    date: str | None
    subjects: tuple[str, ...]
    agents: tuple[str, ...]
    place: str | None
    charges: tuple[str, ...]
    provisions: tuple[str, ...]
    sentence: str | None
    group: str | None
    evidence: str


@dataclass(frozen=True)
class GoldDocument:
    """The gold annotations of one source file, read from ``path``."""

    path: Path
    document: str
    items: tuple[GoldItem, ...]
    entities: tuple[GoldEntity, ...]
    memberships: tuple[GoldMembership, ...]
    events: tuple[GoldEvent, ...]


def normalise_name(text: str) -> str:
    """Normalise a name for matching: NFKC, case-folded, possessive and leading "the" dropped.

    >>> normalise_name("  The Party of  Imaginary Progress’s ")
    'party of imaginary progress'
    >>> normalise_name("Mr. Dara,")
    'mr. dara'
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    text = re.sub(r"(?<=\w)'s\b", "", text)
    text = _strip_punctuation(" ".join(text.split()))
    return _strip_punctuation(text.removeprefix("the "))


def _strip_punctuation(text: str) -> str:
    start, end = 0, len(text)
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return text[start:end]


def offence_words(text: str) -> tuple[str, ...]:
    """An offence's words, normalised, for whole-word comparison.

    >>> offence_words("Coup d’État")
    ('coup', 'd', 'état')
    """
    return tuple(re.findall(r"\w+", normalise_name(text)))


def article_number(text: str) -> str:
    """The article number of a cited provision, or the normalised text when none is named.

    >>> article_number("Criminal Code Article 443")
    '443'
    >>> article_number("443")
    '443'
    """
    found = _ARTICLE.search(normalise_name(text))
    return found.group(1) if found else normalise_name(text)


def load_gold(gold_dir: Path) -> list[GoldDocument]:
    """Read and validate every ``*.json`` gold file in ``gold_dir``, in file-name order.

    Other files (``SCHEMA.md``) are skipped; an empty folder, a malformed file or two files
    for the same document raise :class:`~kg.errors.EvalError`.
    """
    if not gold_dir.is_dir():
        raise EvalError(f"{gold_dir}: not a folder of gold files")
    paths = sorted(p for p in gold_dir.iterdir() if p.suffix.lower() == ".json" and p.is_file())
    if not paths:
        raise EvalError(f"{gold_dir}: no gold .json files")
    documents: list[GoldDocument] = []
    seen: dict[str, Path] = {}
    for path in paths:
        document = _Reader(path).document()
        if document.document in seen:
            raise EvalError(
                f"{path}: document {document.document!r} is also in {seen[document.document]}"
            )
        seen[document.document] = path
        documents.append(document)
    return documents


class _Reader:
    """Validates one gold file; every failure names the file and the field."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, problem: str) -> NoReturn:
        raise EvalError(f"{self.path}: {where}: {problem}")

    def document(self) -> GoldDocument:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as err:
            raise EvalError(f"{self.path}: cannot read: {err}") from err
        except json.JSONDecodeError as err:
            raise EvalError(f"{self.path}: not valid JSON: {err}") from err
        top = self.object(data, "top level")
        name = self.text(top, "document", "")
        if not name:
            self.fail("document", "empty file name")
        items = tuple(
            self.item(v, f"items[{i}]") for i, v in enumerate(self.array(top, "items", ""))
        )
        entities = tuple(
            self.entity(v, f"entities[{i}]") for i, v in enumerate(self.array(top, "entities", ""))
        )
        types = {entity.key: entity.type for entity in entities}
        if len(types) < len(entities):
            self.fail("entities", "duplicate key")
        memberships = tuple(
            self.membership(v, f"memberships[{i}]", types)
            for i, v in enumerate(self.array(top, "memberships", ""))
        )
        item_ids = {item.id for item in items}
        events = tuple(
            self.event(v, f"events[{i}]", types, item_ids)
            for i, v in enumerate(self.array(top, "events", ""))
        )
        return GoldDocument(self.path, name, items, entities, memberships, events)

    def item(self, value: Any, where: str) -> GoldItem:
        obj = self.object(value, where)
        return GoldItem(
            self.text(obj, "id", where), self.date(obj, where), self.text(obj, "first_words", where)
        )

    def entity(self, value: Any, where: str) -> GoldEntity:
        obj = self.object(value, where)
        entity = GoldEntity(
            self.text(obj, "key", where),
            self.choice(obj, "type", where, ACTOR_TYPES),
            self.text(obj, "label", where),
            self.texts(obj, "aliases", where),
        )
        if not entity.key or not entity.forms:
            self.fail(where, "empty key or label")
        return entity

    def membership(self, value: Any, where: str, types: dict[str, str]) -> GoldMembership:
        obj = self.object(value, where)
        person = self.key(obj, "person", where, types)
        organization = self.key(obj, "organization", where, types)
        if types[person] != "Person" or types[organization] not in ORGANIZATION_TYPES:
            self.fail(where, f"{person!r} must be a Person and {organization!r} an organisation")
        return GoldMembership(person, organization, self.optional_text(obj, "role", where))

    def event(self, value: Any, where: str, types: dict[str, str], items: set[str]) -> GoldEvent:
        obj = self.object(value, where)
        item = self.text(obj, "item", where)
        if item not in items:
            self.fail(f"{where}.item", f"unknown item {item!r}")
        place = self.optional_text(obj, "place", where)
        if place is not None and place not in types:
            self.fail(f"{where}.place", f"unknown entity key {place!r}")
        return GoldEvent(
            type=self.choice(obj, "type", where, EVENT_TYPES),
            item=item,
            date=self.date(obj, where),
            subjects=self.keys(obj, "subjects", where, types),
            agents=self.keys(obj, "agents", where, types),
            place=place,
            charges=self.texts(obj, "charges", where),
            provisions=self.texts(obj, "provisions", where),
            sentence=self.optional_text(obj, "sentence", where),
            group=self.optional_text(obj, "group", where),
            evidence=self.text(obj, "evidence", where),
        )

    def object(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(where, "expected a JSON object")
        return value

    def field(self, obj: dict[str, Any], name: str, where: str) -> Any:
        if name not in obj:
            self.fail(where or "top level", f"missing field {name!r}")
        return obj[name]

    def array(self, obj: dict[str, Any], name: str, where: str) -> list[Any]:
        value = self.field(obj, name, where)
        if not isinstance(value, list):
            self.fail(f"{where}.{name}".lstrip("."), "expected a list")
        return value

    def optional_text(self, obj: dict[str, Any], name: str, where: str) -> str | None:
        value = self.field(obj, name, where)
        if value is not None and not isinstance(value, str):
            self.fail(f"{where}.{name}".lstrip("."), "expected a string or null")
        return value

    def text(self, obj: dict[str, Any], name: str, where: str) -> str:
        value = self.optional_text(obj, name, where)
        if value is None:
            self.fail(f"{where}.{name}".lstrip("."), "expected a string, got null")
        return value

    def texts(self, obj: dict[str, Any], name: str, where: str) -> tuple[str, ...]:
        values = self.array(obj, name, where)
        if not all(isinstance(v, str) for v in values):
            self.fail(f"{where}.{name}", "expected a list of strings")
        return tuple(values)

    def choice(self, obj: dict[str, Any], name: str, where: str, allowed: tuple[str, ...]) -> str:
        value = self.text(obj, name, where)
        if value not in allowed:
            self.fail(f"{where}.{name}", f"unknown type {value!r}")
        return value

    def date(self, obj: dict[str, Any], where: str) -> str | None:
        value = self.optional_text(obj, "date", where)
        if value is not None and not _ISO_DATE.fullmatch(value):
            self.fail(f"{where}.date", f"not an ISO 8601 date: {value!r}")
        return value

    def key(self, obj: dict[str, Any], name: str, where: str, types: dict[str, str]) -> str:
        value = self.text(obj, name, where)
        if value not in types:
            self.fail(f"{where}.{name}", f"unknown entity key {value!r}")
        return value

    def keys(
        self, obj: dict[str, Any], name: str, where: str, types: dict[str, str]
    ) -> tuple[str, ...]:
        values = self.texts(obj, name, where)
        unknown = [v for v in values if v not in types]
        if unknown:
            self.fail(f"{where}.{name}", f"unknown entity key {unknown[0]!r}")
        return values
