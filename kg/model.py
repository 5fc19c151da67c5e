"""The boundary types passed between pipeline stages.

Every stage takes and returns these frozen dataclasses, so a stage can be tested alone
and a rebuild is deterministic.  Offsets (``start``/``end``) are always character offsets
into :attr:`Document.text`, the cleaned text of the whole source file, so a researcher can
find every piece of evidence again by re-running ``clean`` on the file.

Identifiers are hashes of stable raw fields (see :func:`stable_id`), never counters.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

__all__ = [
    "ACTOR_TYPES",
    "EVENT_TYPES",
    "ORGANIZATION_TYPES",
    "Document",
    "Entity",
    "Event",
    "Extraction",
    "Item",
    "Membership",
    "Mention",
    "Provision",
    "Resolved",
    "Source",
    "entity_id_for",
    "slugify",
    "stable_id",
]

#: The nine actor classes of the contract (local names in the ``lek:`` namespace).
ACTOR_TYPES: tuple[str, ...] = (
    "Person",
    "PoliticalParty",
    "Court",
    "GovernmentBody",
    "CivilSocietyOrganization",
    "InternationalOrganization",
    "MediaOrganization",
    "Facility",
    "Place",
)

#: The actor classes that are ``rdfs:subClassOf lek:Organization``.
ORGANIZATION_TYPES: frozenset[str] = frozenset(
    {
        "PoliticalParty",
        "Court",
        "GovernmentBody",
        "CivilSocietyOrganization",
        "InternationalOrganization",
        "MediaOrganization",
    }
)

#: The fifteen event classes of the contract, all ``rdfs:subClassOf lek:Event``.
EVENT_TYPES: tuple[str, ...] = (
    "Arrest",
    "Detention",
    "Charge",
    "Summons",
    "ArrestWarrant",
    "Trial",
    "Conviction",
    "Sentencing",
    "Acquittal",
    "Release",
    "BailDecision",
    "Appeal",
    "Dissolution",
    "PoliticalBan",
    "Complaint",
)


def stable_id(*parts: object, length: int = 16) -> str:
    """Return a short deterministic hex id from the given raw fields.

    >>> stable_id("a", 1) == stable_id("a", 1)
    True
    >>> len(stable_id("x"))
    16
    """
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:length]


def slugify(text: str) -> str:
    """Return a lower-case ASCII slug: letters and digits joined by hyphens.

    >>> slugify("Cambodian People’s Party")
    'cambodian-peoples-party'
    >>> slugify("Correctional Center 3")
    'correctional-center-3'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_text = re.sub(r"['’`]", "", ascii_text.lower())
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "x"


def entity_id_for(actor_type: str, key: str) -> str:
    """Return the entity id (the IRI path under ``res:``) for an actor type and its key.

    >>> entity_id_for("Person", "kem sokha")
    'person/kem-sokha'
    >>> entity_id_for("PoliticalParty", "CNRP")
    'politicalparty/cnrp'
    """
    return f"{actor_type.lower()}/{slugify(key)}"


@dataclass(frozen=True)
class Source:
    """A file as read from disk, before decoding.

    ``path`` is the document's stable key: the path relative to the folder the user named
    (or the bare file name when a file was named), in POSIX form.  It never depends on the
    absolute location of the corpus, so two checkouts build the same IRIs.
    ``title``, ``date`` and ``publisher`` are what a ``MANIFEST.csv`` beside the file states
    about it (:func:`kg.load.read_source`), None where it states nothing.
    """

    path: str
    file_name: str
    raw: bytes
    sha256: str
    media_type: str  # "text/plain", "text/html" or "text/markdown"
    title: str | None = None
    date: str | None = None  # ISO 8601, as precise as the manifest gives
    publisher: str | None = None


@dataclass(frozen=True)
class Document:
    """A source file as clean text, with what its text says about itself."""

    doc_id: str  # stable_id(path)
    path: str
    file_name: str
    sha256: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO 8601, as precise as the text gives
    publisher: str | None = None


@dataclass(frozen=True)
class Item:
    """One dated unit of a document: an article, or one entry of a listing page.

    A plain article is a single item covering the whole text.  ``start``/``end`` delimit
    the item within :attr:`Document.text`; ``text`` is ``Document.text[start:end]``.
    """

    item_id: str  # stable_id(doc_id, index)
    doc_id: str
    index: int  # 0-based position in the document
    start: int
    end: int
    text: str
    title: str | None = None
    date: str | None = None  # ISO 8601 ("2017-09-03", "2017-09", "2017") or None


@dataclass(frozen=True)
class Mention:
    """A surface form of an actor or place in one item.

    ``canonical_id`` is empty until :mod:`kg.resolve` sets it; resolution never changes
    anything else (the statement model: ``mention_id`` and ``canonical_id`` kept apart).
    """

    mention_id: str  # stable_id(doc_id, start, end)
    item_id: str
    text: str  # the verbatim surface form
    type: str  # one of ACTOR_TYPES
    start: int
    end: int
    extractor: str = "model"
    confidence: float = 1.0
    canonical_id: str = ""


@dataclass(frozen=True)
class Provision:
    """One article of one law, e.g. ``Provision("Criminal Code", "443")``.

    ``law`` is empty when the text cites only "Article 443".
    """

    law: str
    article: str

    @property
    def label(self) -> str:
        """The provision's label, as written in the gold annotations.

        >>> Provision("Criminal Code", "443").label
        'Criminal Code Article 443'
        >>> Provision("", "443").label
        'Article 443'
        """
        return f"{self.law} Article {self.article}".strip()


@dataclass(frozen=True)
class Event:
    """One legal or political event the text asserts happened.

    Actor references (``subjects``, ``agents``, ``place``) are mention ids before
    resolution; :func:`kg.resolve.resolve` keeps them as mention ids and provides the
    mention→entity mapping.  ``start``/``end`` locate ``evidence`` (the verbatim sentence)
    in :attr:`Document.text`.
    """

    event_id: str  # stable_id(doc_id, type, start, end, subjects)
    type: str  # one of EVENT_TYPES
    item_id: str
    evidence: str
    start: int
    end: int
    subjects: tuple[str, ...] = ()
    agents: tuple[str, ...] = ()
    charges: tuple[str, ...] = ()  # the offences in the text's words, lower case
    provisions: tuple[Provision, ...] = ()
    date: str | None = None
    place: str | None = None
    sentence: str | None = None  # the penalty's words
    group: str | None = None  # unnamed subjects in the text's words
    confidence: float = 1.0
    extractor: str = "rules"
    status: str = "asserted"  # how the source presents it: "asserted", "alleged", "disputed"
    asserted_by: tuple[str, ...] = ()  # mention ids of whom the source quotes for it


@dataclass(frozen=True)
class Membership:
    """A person's stated role in an organisation, with its evidence."""

    membership_id: str  # stable_id(doc_id, person, organization, role, start)
    item_id: str
    person: str  # mention id
    organization: str  # mention id
    role: str | None  # the role's words, lower case
    evidence: str
    start: int
    end: int
    confidence: float = 1.0
    extractor: str = "rules"


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document."""

    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    memberships: tuple[Membership, ...] = ()


@dataclass(frozen=True)
class Entity:
    """One real-world actor or place, as resolved within a document.

    ``entity_id`` is ``entity_id_for(type, key)`` where ``key`` is a normalised form that is
    the same in every document that names the entity (so the same IRI comes out everywhere);
    the entity's IRI is ``res:`` + ``entity_id``.
    ``label`` is the fullest correct form seen in this document; ``aliases`` every other
    surface form seen in it.
    """

    entity_id: str  # entity_id_for(type, key), e.g. "person/kem-sokha"
    type: str
    key: str
    label: str
    aliases: tuple[str, ...] = ()
    mention_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Resolved:
    """A document's extraction after resolution: entities plus mention→entity mapping."""

    extraction: Extraction
    entities: tuple[Entity, ...] = ()
    canonical: dict[str, str] = field(default_factory=dict)  # mention_id -> entity_id
