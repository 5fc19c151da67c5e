"""Word lists for a claim's status: the words by which a source contests a charge or a
verdict, presents an event as someone's claim, or names whom it quotes.

General English vocabularies of reporting and of dispute, never the wording of one source:
:mod:`kg.extract.claim_status` and :mod:`kg.extract.attribution` combine them with the
dependency parse, so a cue counts only where it bears on the event.
"""

from __future__ import annotations

#: How a source presents an event (lek:status), from the weakest claim to the contested one.
ALLEGED = "alleged"
ASSERTED = "asserted"
DISPUTED = "disputed"
STATUSES: tuple[str, ...] = (ALLEGED, ASSERTED, DISPUTED)

__all__ = [
    "ACCUSATION_TYPES",
    "ALLEGED",
    "ASSERTED",
    "CHARGE_NOUNS",
    "CHARGE_PREPOSITIONS",
    "CLAIM_VERBS",
    "COPULAS",
    "DENIAL_VERBS",
    "DENIED_NOUNS",
    "DISPUTE_ADJECTIVES",
    "DISPUTED",
    "DISPUTE_ADVERBS",
    "EVIDENTIAL_VERBS",
    "FORMAL_ADVERBS",
    "GROUND_NOUNS",
    "GROUND_PREPOSITIONS",
    "GUILT_NOUNS",
    "HEARSAY_NOUNS",
    "HEDGE_ADJECTIVES",
    "HEDGE_ADVERBS",
    "INNOCENCE_VERBS",
    "PARTY_WORDS",
    "REPORTING_VERBS",
    "RULING_WORDS",
    "SHAM_TRIAL_WORDS",
    "STATUSES",
]

#: Adjectives by which a source contests a charge, a case or a verdict ("trumped-up charges",
#: "a baseless case", "fabricated evidence").  "politically motivated" is matched as a pair.
DISPUTE_ADJECTIVES: frozenset[str] = frozenset(
    {"trumped", "trumped-up", "bogus", "baseless", "fabricated", "spurious", "groundless",
     "unfounded", "false", "fake", "sham", "concocted", "made-up", "trumpedup", "specious",
     "fictitious", "absurd", "ludicrous", "preposterous", "politically-motivated"}
)  # fmt: skip

#: Adverbs on an event's own verb by which a source contests it ("wrongly convicted").
DISPUTE_ADVERBS: frozenset[str] = frozenset(
    {"wrongly", "wrongfully", "falsely", "unjustly", "groundlessly", "baselessly"}
)

#: Modifiers of a trial that make it a sham ("a show trial", "a kangaroo court").
SHAM_TRIAL_WORDS: frozenset[str] = frozenset({"sham", "show", "kangaroo", "mock", "farcical"})

#: Nouns naming what an event stands on, which a dispute adjective can contest ("arrested on
#: trumped-up charges", "jailed on spurious grounds", "convicted on fabricated evidence").
#: Accusations and allegations are left out: "a false accusation" is also an offence's name.
GROUND_NOUNS: frozenset[str] = frozenset(
    {"charge", "indictment", "count", "case", "ground", "grounds", "evidence", "basis"}
)

#: Nouns that are the charges themselves ("convicted of trumped-up charges"), where the
#: other grounds would be the offence's own words ("convicted of false evidence").
CHARGE_NOUNS: frozenset[str] = frozenset({"charge", "indictment", "count"})

#: Prepositions that attach grounds to an event ("on charges", "under an indictment"), and
#: the ones that attach only charges ("convicted of bogus charges").
GROUND_PREPOSITIONS: frozenset[str] = frozenset({"on", "upon", "under", "over", "amid"})
CHARGE_PREPOSITIONS: frozenset[str] = frozenset({"of", "for", "with"})

#: Verbs by which someone contests an accusation ("denied the charges").
DENIAL_VERBS: frozenset[str] = frozenset(
    {"deny", "reject", "dispute", "contest", "refute", "rebut", "repudiate", "challenge"}
)

#: What a denial must be about to contest an accusation.
DENIED_NOUNS: frozenset[str] = frozenset(
    {"charge", "accusation", "allegation", "indictment", "case"}
)

#: What someone denies about themselves ("denied any wrongdoing"): the denial bears on the
#: accusations against the one who denies.
GUILT_NOUNS: frozenset[str] = frozenset(
    {"wrongdoing", "guilt", "involvement", "responsibility", "culpability", "crime",
     "crimes", "offence", "offense", "offences", "offenses"}
)  # fmt: skip

#: Verbs of professing innocence ("maintains his innocence").
INNOCENCE_VERBS: frozenset[str] = frozenset(
    {"maintain", "protest", "assert", "proclaim", "insist", "declare", "profess"}
)

#: Who contests nothing by rejecting a charge: a court or prosecutor that rejects or
#: disputes charges rules on them (an acquittal or a dismissal is an event of its own).
RULING_WORDS: frozenset[str] = frozenset(
    {"court", "courts", "judge", "judges", "tribunal", "prosecutor", "prosecutors",
     "prosecution", "procurator", "procuracy", "jury", "chamber", "bench", "magistrate"}
)  # fmt: skip

#: Verbs that present what their clause says as someone's statement.
REPORTING_VERBS: frozenset[str] = frozenset(
    {"say", "tell", "state", "report", "announce", "claim", "allege", "add", "note",
     "confirm", "write", "tweet", "post", "explain", "argue", "contend", "maintain",
     "assert", "stress", "declare", "comment", "reveal", "testify", "acknowledge", "admit",
     "disclose", "inform", "recount", "recall", "describe", "suggest"}
)  # fmt: skip

#: Reporting verbs that present their clause as a claim, not as a fact.
CLAIM_VERBS: frozenset[str] = frozenset({"claim", "allege", "contend", "purport"})

#: Verbs that present an infinitive as hearsay when passive or raising ("is said to have
#: been arrested", "is believed to be held", "appears to have been detained").
EVIDENTIAL_VERBS: frozenset[str] = frozenset(
    {"say", "report", "allege", "believe", "think", "understand", "rumour", "rumor",
     "claim", "suspect", "reckon", "appear", "seem"}
)  # fmt: skip

#: Adverbs and adjectives that hedge an event ("reportedly arrested", "his alleged arrest").
HEDGE_ADVERBS: frozenset[str] = frozenset(
    {"allegedly", "reportedly", "purportedly", "supposedly", "reputedly", "apparently",
     "ostensibly"}
)  # fmt: skip
HEDGE_ADJECTIVES: frozenset[str] = frozenset(
    {"alleged", "reported", "purported", "supposed", "rumoured", "rumored", "apparent"}
)

#: Nouns of hearsay: "according to reports" presents a claim, naming no one.
HEARSAY_NOUNS: frozenset[str] = frozenset(
    {"report", "reports", "source", "sources", "rumour", "rumours", "rumor", "rumors",
     "media", "account", "accounts", "witness", "witnesses"}
)  # fmt: skip

#: Words of a party to a case: "according to" one presents a claim of that party's side.
PARTY_WORDS: frozenset[str] = frozenset(
    {"lawyer", "lawyers", "attorney", "attorneys", "counsel", "defence", "defense",
     "prosecutor", "prosecutors", "prosecution", "police", "plaintiff", "complainant",
     "accuser", "defendant", "accused", "family", "wife", "husband", "son", "daughter",
     "father", "mother", "brother", "sister", "relative", "relatives", "investigator",
     "investigators"}
)  # fmt: skip

#: Adverbs that make an accusation a formal one, i.e. a charge laid ("formally accused").
FORMAL_ADVERBS: frozenset[str] = frozenset({"formally", "officially", "legally"})

#: Verbs that link a subject to a predicate ("the charges are baseless").
COPULAS: frozenset[str] = frozenset({"be", "appear", "seem", "remain", "look", "sound", "prove"})

#: Event types that carry an accusation: a denial of "the charges" bears on them.
ACCUSATION_TYPES: frozenset[str] = frozenset(
    {"Charge", "Complaint", "ArrestWarrant", "Summons", "Trial", "Conviction", "Sentencing"}
)
