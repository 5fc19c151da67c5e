"""Word lists of institution KINDS, titles and roles used to find and type actors.

These are general vocabularies (what a court, a ministry or a prison is called), never names of
particular people or organisations.  The words of people's titles and roles are in
:mod:`kg.extract.titles`.
"""

from __future__ import annotations

__all__ = [
    "DETENTION_QUALIFIERS",
    "FACILITY_HEADS",
    "FUNCTION_WORDS",
    "GENERIC_ALONE",
    "GOVERNMENT_WORDS",
    "HEAD_TYPES",
    "MEDIA_WORDS",
    "MONTHS",
    "NON_ACTOR_HEADS",
    "PLACE_HEADS",
    "PLACE_SUFFIXES",
    "POSSESSIVE_COMMON",
]

#: Lower-case function words allowed inside a multi-word name ("Ministry of Interior").
FUNCTION_WORDS: frozenset[str] = frozenset(
    {"of", "the", "for", "and", "in", "on", "de", "du", "des", "la", "le", "et", "&"}
)

#: Head words naming a kind of organisation, mapped to the actor type they imply.
HEAD_TYPES: dict[str, str] = {
    **dict.fromkeys(["court", "courts", "tribunal", "chambers", "chamber"], "Court"),
    **dict.fromkeys(
        [
            "ministry",
            "police",
            "unit",
            "committee",
            "commission",
            "assembly",
            "senate",
            "parliament",
            "government",
            "authorities",
            "embassy",
            "department",
            "army",
            "military",
            "gendarmerie",
            "council",
            "cabinet",
            "agency",
            "bureau",
            "office",
            "administration",
            "directorate",
            "congress",
            "duma",
            "legislature",
            "secretariat",
            "forces",
            "guard",
            "inspectorate",
            "municipality",
        ],
        "GovernmentBody",
    ),
    **dict.fromkeys(["party", "movement", "front", "alliance"], "PoliticalParty"),
    **dict.fromkeys(
        [
            "association",
            "league",
            "watch",
            "union",
            "federation",
            "foundation",
            "network",
            "institute",
            "society",
            "coalition",
            "centre",
            "center",
            "ngo",
            "group",
            "international",
            "initiative",
            "project",
            "collective",
            "trust",
            "confederation",
            "fund",
        ],
        "CivilSocietyOrganization",
    ),
}

#: Words that make a name a media organisation wherever they stand in it.
MEDIA_WORDS: frozenset[str] = frozenset(
    {
        "news",
        "times",
        "post",
        "press",
        "radio",
        "tv",
        "television",
        "broadcasting",
        "herald",
        "tribune",
        "gazette",
        "journal",
        "daily",
        "newspaper",
        "reporter",
        "media",
        "broadcaster",
        "telegraph",
        "guardian",
        "chronicle",
        "magazine",
        "weekly",
        "wire",
    }
)

#: Multi-word heads of detention facilities ("Correctional Center 1", "Prey Sar Prison").
FACILITY_HEADS: frozenset[str] = frozenset(
    {
        "prison",
        "jail",
        "gaol",
        "penitentiary",
        "correctional",
        "detention",
        "station",
        "colony",
        "camp",
        "cc",
    }
)

#: Words that make a "centre" or "camp" a place of detention ("Juvenile Observation Centre").
DETENTION_QUALIFIERS: frozenset[str] = frozenset(
    {"detention", "remand", "reception", "correctional", "rehabilitation", "observation",
     "holding", "juvenile", "re-education", "reeducation", "penal", "interrogation", "labour",
     "labor", "internment", "custody", "pre-trial", "pretrial", "prison"}
)  # fmt: skip

#: Heads (or leading words) of named places that the model often tags as organisations.
PLACE_HEADS: frozenset[str] = frozenset(
    {"park", "lake", "wat", "square", "temple", "pagoda", "river", "island", "bridge", "market"}
)

#: Generic suffixes of administrative places, dropped from a place's key.
PLACE_SUFFIXES: frozenset[str] = frozenset(
    {
        "province",
        "district",
        "commune",
        "town",
        "city",
        "village",
        "municipality",
        "region",
        "county",
        "oblast",
        "airport",
        "township",
        "prefecture",
    }
)

#: Heads that name laws, documents or events rather than actors.
NON_ACTOR_HEADS: frozenset[str] = frozenset(
    {
        "law",
        "code",
        "act",
        "convention",
        "covenant",
        "declaration",
        "agreement",
        "constitution",
        "treaty",
        "protocol",
        "article",
        "resolution",
        "photo",
        "decree",
        "elections",
        "election",
        "festival",
        "day",
        "report",
        "charter",
        "principles",
        "rights",
        "review",
        "upr",
        "statement",
        "livestream",
        "briefing",
    }
)

#: Organisation names that are only a generic head: a reference, not a name.
GENERIC_ALONE: frozenset[str] = frozenset(
    {
        "ngo",
        "council",
        "court",
        "committee",
        "ministry",
        "party",
        "government",
        "police",
        "unit",
        "commission",
        "office",
        "department",
        "group",
        "union",
        "movement",
        "center",
        "centre",
        "authorities",
        "agency",
        "embassy",
        "league",
        "association",
        "tribunal",
        "chambers",
        "front",
        "network",
        "forces",
        "army",
        "military",
        "international",
        "prison",
        "jail",
        "colony",
        "camp",
        "the",
    }
)

#: Words that, as the possessor in "X's Y", belong inside a name ("People's Party").
POSSESSIVE_COMMON: frozenset[str] = frozenset(
    {"people", "peoples", "workers", "women", "citizens", "nation", "farmers", "youth", "children"}
)

#: Words that form the collective noun of a government as an actor.
GOVERNMENT_WORDS: frozenset[str] = frozenset({"government", "authorities", "regime"})

#: Month and weekday names, which end a capitalised name.
MONTHS: frozenset[str] = frozenset(
    {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    }
)
