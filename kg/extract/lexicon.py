"""Word lists of institution KINDS, titles and roles used to find and type actors.

These are general vocabularies (what a court, a ministry or a prison is called; what a role
or a title looks like), never names of particular people or organisations, except a short list
of famous international bodies and country names, which every corpus in the field shares.
"""

from __future__ import annotations

__all__ = [
    "FACILITY_HEADS",
    "FUNCTION_WORDS",
    "GENERIC_ALONE",
    "GOVERNMENT_WORDS",
    "HEAD_TYPES",
    "HONORIFICS",
    "MEDIA_WORDS",
    "MONTHS",
    "NOBLE_TITLES",
    "NON_ACTOR_HEADS",
    "PERSON_TITLES",
    "PLACE_HEADS",
    "PLACE_SUFFIXES",
    "POLITICAL_ROLES",
    "POSSESSIVE_COMMON",
    "ROLE_WORDS",
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
        "the",
    }
)

#: Words that, as the possessor in "X's Y", belong inside a name ("People's Party").
POSSESSIVE_COMMON: frozenset[str] = frozenset(
    {"people", "peoples", "workers", "women", "citizens", "nation", "farmers", "youth", "children"}
)

#: Words that form the collective noun of a government as an actor.
GOVERNMENT_WORDS: frozenset[str] = frozenset({"government", "authorities", "regime"})

#: Titles that may precede a person's name and are dropped from it.
HONORIFICS: frozenset[str] = frozenset(
    {"mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "miss", "madam", "sir", "lok", "oknha"}
)

#: Royal and noble titles kept as part of a person's name ("Prince ...").
NOBLE_TITLES: frozenset[str] = frozenset(
    {"prince", "princess", "king", "queen", "sultan", "sheikh", "samdech", "emir"}
)

#: Capitalised titles that mark the following name as a person ("Investigating Judge").
PERSON_TITLES: frozenset[str] = frozenset(
    {
        "judge",
        "minister",
        "president",
        "vice-president",
        "prime",
        "premier",
        "governor",
        "prosecutor",
        "general",
        "colonel",
        "captain",
        "senator",
        "deputy",
        "chairman",
        "chairwoman",
        "leader",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "secretary",
        "ambassador",
        "director",
        "chief",
        "commissioner",
        "mayor",
        "lawyer",
        "activist",
        "journalist",
        "monk",
        "venerable",
        "father",
        "reverend",
        "rapporteur",
        "officer",
        "lieutenant",
        "major",
        "sergeant",
        "commander",
        "justice",
        "opposition",
        "councillor",
        "councilor",
        "founder",
        "member",
        "members",
        "owner",
        "defender",
        "reporter",
        "photographer",
        "daughter",
        "son",
        "wife",
        "husband",
        "mother",
        "brother",
        "sister",
        "mp",
        "mps",
        "lawmaker",
        "official",
        "researcher",
        "head",
        "representative",
        "investigator",
        "attorney",
        "detainee",
        "prisoner",
        "candidate",
        "editor",
        "dissident",
    }
)

#: Lower-case role nouns of memberships ("president of", "staff member from").
ROLE_WORDS: frozenset[str] = frozenset(
    PERSON_TITLES
    - {
        "prime",
        "opposition",
        "monk",
        "venerable",
        "father",
        "reverend",
        "daughter",
        "son",
        "wife",
        "husband",
        "mother",
        "brother",
        "sister",
        "detainee",
        "prisoner",
        "defender",
        "dissident",
        "activist",
        "lawyer",
        "journalist",
        "photographer",
    }
    | {
        "staff",
        "employee",
        "chair",
        "vice-chair",
        "treasurer",
        "coordinator",
        "manager",
        "councilor",
        "commander",
        "chief",
        "activist",
        "researcher",
        "head",
        "organiser",
        "organizer",
        "supporter",
        "member",
        "members",
        "mps",
        "mp",
        "lawmakers",
    }
)

#: Role nouns of elected office: an organisation that qualifies them is a political party.
POLITICAL_ROLES: frozenset[str] = frozenset(
    {
        "councillor",
        "councilor",
        "councillors",
        "mp",
        "mps",
        "lawmaker",
        "lawmakers",
        "senator",
        "candidate",
        "candidates",
        "chief",
        "chiefs",
        "mp-elect",
        "parliamentarian",
    }
)

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
