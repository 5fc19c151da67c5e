"""Word lists of people's titles, occupations and roles, used to find persons and memberships.

General English vocabularies (what a judge, a deputy or a blogger is called), never names of
particular people.  A title or occupation just before a capitalised name marks it as a person
("Investigating Judge X", "rapper X"); a role word between a person and an organisation makes
a membership ("X, deputy chairperson of Y").
"""

from __future__ import annotations

__all__ = ["HONORIFICS", "NOBLE_TITLES", "OCCUPATIONS", "PERSON_TITLES", "ROLE_WORDS"]

#: Titles that may precede a person's name and are dropped from it.
HONORIFICS: frozenset[str] = frozenset(
    {"mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "miss", "madam", "sir", "lok", "oknha"}
)

#: Royal and noble titles kept as part of a person's name ("Prince ...").
NOBLE_TITLES: frozenset[str] = frozenset(
    {"prince", "princess", "king", "queen", "sultan", "sheikh", "samdech", "emir"}
)

#: Occupations that mark a following name as a person ("rapper X", "historian X") but name
#: no role in an organisation.
OCCUPATIONS: frozenset[str] = frozenset(
    {"blogger", "student", "historian", "academic", "rapper", "singer", "artist", "poet",
     "writer", "teacher", "professor", "scholar", "farmer", "villager", "unionist",
     "protester", "protestor", "musician", "filmmaker", "cartoonist", "comedian", "novelist",
     "economist", "analyst", "commentator", "priest", "pastor", "imam", "nun", "politician",
     "campaigner", "doctor", "nurse", "engineer", "businessman", "businesswoman",
     "entrepreneur", "tycoon", "environmentalist", "influencer", "youtuber", "podcaster"}
)  # fmt: skip

#: Capitalised titles that mark the following name as a person ("Investigating Judge").
PERSON_TITLES: frozenset[str] = OCCUPATIONS | frozenset(
    {"judge", "minister", "president", "vice-president", "prime", "premier", "governor",
     "prosecutor", "general", "colonel", "captain", "senator", "deputy", "chairman",
     "chairwoman", "chairperson", "leader", "spokesman", "spokeswoman", "spokesperson",
     "secretary", "ambassador", "director", "chief", "commissioner", "mayor", "lawyer",
     "activist", "journalist", "monk", "venerable", "father", "reverend", "rapporteur",
     "officer", "lieutenant", "major", "sergeant", "commander", "justice", "opposition",
     "councillor", "councilor", "founder", "member", "members", "owner", "defender",
     "reporter", "photographer", "daughter", "son", "wife", "husband", "mother", "brother",
     "sister", "mp", "mps", "lawmaker", "official", "researcher", "head", "representative",
     "investigator", "attorney", "detainee", "prisoner", "candidate", "editor", "dissident",
     "magistrate", "correspondent", "columnist", "legislator", "parliamentarian", "convenor",
     "convener"}
)  # fmt: skip

#: Lower-case role nouns of memberships ("president of", "staff member from").
ROLE_WORDS: frozenset[str] = (
    PERSON_TITLES
    - OCCUPATIONS
    - {"prime", "opposition", "monk", "venerable", "father", "reverend", "daughter", "son",
       "wife", "husband", "mother", "brother", "sister", "detainee", "prisoner", "defender",
       "dissident", "lawyer", "journalist", "photographer"}
    | {"staff", "employee", "chair", "vice-chair", "treasurer", "coordinator", "manager",
       "organiser", "organizer", "supporter", "lawmakers", "executive"}
)  # fmt: skip
