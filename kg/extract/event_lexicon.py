"""Word lists for event extraction: trigger words by event type, and the words that turn a
statement into something other than an assertion (calls, fears, plans, conditions).

They are general English vocabularies of criminal procedure and of modality, never the wording
of one source: the rules in :mod:`kg.extract.event_triggers` and
:mod:`kg.extract.event_modality` combine them with the dependency parse.
"""

from __future__ import annotations

__all__ = [
    "ALLOWING_NOUNS",
    "APPEALED_DECISIONS",
    "APPEAL_DECISION_VERBS",
    "APPEAL_GOVERNORS",
    "BAIL_VERBS",
    "BLOCKING_LEMMAS",
    "BLOCKING_NOUNS",
    "CASE_NOUNS",
    "CHARGE_CUES",
    "CONFINING_VERBS",
    "DISSOLVE_VERBS",
    "DURATION_WORDS",
    "FACILITY_WORDS",
    "FILING_VERBS",
    "GENERIC_OFFENCES",
    "HEDGES",
    "HUMAN_NOUNS",
    "IMPLICATIVE_VERBS",
    "LEGAL_AGENT_WORDS",
    "LIGHT_NOUN_GOVERNORS",
    "MODALS",
    "NOUN_TRIGGERS",
    "NUMBER_WORDS",
    "ORGANISATION_NOUNS",
    "PARTICIPLE_ADJECTIVES",
    "PENALTY_VERBS",
    "PETITION_VERBS",
    "POLITICS_WORDS",
    "RIGHT_REMOVAL_VERBS",
    "SPEECH_VERBS",
    "STATE_VERBS",
    "TIME_SHIFT_ADVERBS",
    "UNREAL_MODIFIERS",
    "VERB_TRIGGERS",
    "WARRANT_VERBS",
]

#: Verb lemmas and the event type they denote.  "ban" is typed by its object (a party is
#: dissolved, a person banned from politics); "detain" may be an arrest or a detention.
VERB_TRIGGERS: dict[str, str] = {
    **dict.fromkeys(["arrest", "rearrest", "re-arrest", "apprehend", "detain"], "Arrest"),
    **dict.fromkeys(["imprison", "jail", "incarcerate", "hold", "remand"], "Detention"),
    **dict.fromkeys(["charge", "indict", "prosecute", "accuse"], "Charge"),
    **dict.fromkeys(["summon", "summons", "summonse"], "Summons"),
    "try": "Trial",
    "convict": "Conviction",
    **dict.fromkeys(["sentence", "fine"], "Sentencing"),
    "acquit": "Acquittal",
    **dict.fromkeys(["release", "free"], "Release"),
    "appeal": "Appeal",
    **dict.fromkeys(
        ["dissolve", "disband", "outlaw", "deregister", "ban", "bar", "liquidate"], "Dissolution"
    ),
    "sue": "Complaint",
}

#: Participles the tagger gives as adjectives ("the banned party") or lemmatises wrongly
#: ("fined" -> "fin"), with their verb lemma.
PARTICIPLE_ADJECTIVES: dict[str, str] = {
    "fined": "fine",
    "summonsed": "summons",
    "banned": "ban",
    "dissolved": "dissolve",
    "jailed": "jail",
    "imprisoned": "imprison",
    "detained": "detain",
    "arrested": "arrest",
    "convicted": "convict",
    "released": "release",
    "charged": "charge",
    "sentenced": "sentence",
    "acquitted": "acquit",
    "freed": "free",
}

#: Noun lemmas and the event type they denote (some need a pattern to count, see triggers).
NOUN_TRIGGERS: dict[str, str] = {
    "arrest": "Arrest",
    **dict.fromkeys(
        ["detention", "detainment", "imprisonment", "incarceration", "custody"], "Detention"
    ),
    **dict.fromkeys(["jail", "prison", "bar"], "Detention"),
    **dict.fromkeys(["charge", "indictment"], "Charge"),
    "summons": "Summons",
    "warrant": "ArrestWarrant",
    **dict.fromkeys(["trial", "retrial", "hearing"], "Trial"),
    "conviction": "Conviction",
    **dict.fromkeys(["sentencing", "sentence"], "Sentencing"),
    "acquittal": "Acquittal",
    "release": "Release",
    "appeal": "Appeal",
    **dict.fromkeys(["dissolution", "ban"], "Dissolution"),
    **dict.fromkeys(["complaint", "lawsuit", "case", "petition", "suit"], "Complaint"),
}

#: Verbs that make a bail decision when their object is bail (or a bail request).
BAIL_VERBS: frozenset[str] = frozenset(
    {"refuse", "deny", "reject", "grant", "revoke", "alter", "revise", "change", "modify",
     "vary", "relax", "tighten", "approve", "extend", "lift"}
)  # fmt: skip

#: Verbs that dissolve an organisation besides the ones in VERB_TRIGGERS ("shut down").
DISSOLVE_VERBS: frozenset[str] = frozenset({"shut", "close"})

#: Verbs by which a complaint or case is lodged.
FILING_VERBS: frozenset[str] = frozenset({"file", "lodge", "submit", "bring", "launch", "initiate"})

#: Nouns that are a complaint only when filed against someone ("a case to dissolve X").
CASE_NOUNS: frozenset[str] = frozenset({"case", "petition", "suit"})

#: Verbs that issue a warrant.
WARRANT_VERBS: frozenset[str] = frozenset({"issue", "sign", "obtain", "execute", "grant"})

#: Verbs that govern a legal appeal noun ("filed an appeal", "the appeal was rejected").
APPEAL_GOVERNORS: frozenset[str] = frozenset(
    {"file", "lodge", "submit", "launch", "hear", "reject", "dismiss", "uphold", "grant",
     "win", "lose", "consider", "examine", "begin", "open"}
)  # fmt: skip

#: Verbs that remove a political right ("had their right to vote rescinded", "lose the right
#: to vote").
RIGHT_REMOVAL_VERBS: frozenset[str] = frozenset(
    {"rescind", "revoke", "strip", "remove", "suspend", "withdraw", "deprive", "cancel", "lose",
     "forfeit"}
)  # fmt: skip

#: Verbs by which a higher court decides an appeal against a decision ("upheld her
#: conviction"), and the decisions they act on.
APPEAL_DECISION_VERBS: frozenset[str] = frozenset(
    {"uphold", "overturn", "quash", "reverse", "annul", "overrule", "commute", "reduce"}
)
APPEALED_DECISIONS: frozenset[str] = frozenset(
    {"sentence", "conviction", "verdict", "ruling", "decision", "judgment", "judgement",
     "acquittal", "ban", "penalty", "term"}
)  # fmt: skip

#: Verbs that move a person somewhere: into a prison, they are detention ("taken to X Prison").
CONFINING_VERBS: frozenset[str] = frozenset(
    {"take", "send", "transfer", "move", "return", "bring", "remand", "escort", "deliver"}
)

#: Verbs that hand down a penalty named as a duration ("handing him ten years in prison").
PENALTY_VERBS: frozenset[str] = frozenset({"hand", "give", "mete", "impose"})

#: Verbs by which a party asks a court for a decision ("asked the court to dissolve X").
PETITION_VERBS: frozenset[str] = frozenset({"ask", "petition", "request", "apply", "seek"})

#: What a person can be banned from for the ban to be political.
POLITICS_WORDS: frozenset[str] = frozenset(
    {"politics", "political", "activity", "activities", "office", "election", "elections",
     "vote", "voting", "run", "running", "contest", "contesting", "stand", "standing",
     "candidacy", "party", "parliament", "campaign", "campaigning", "engage", "engaging",
     "hold", "holding"}
)  # fmt: skip

#: Modal auxiliaries: an event under one is called for, feared or predicted, not asserted.
MODALS: frozenset[str] = frozenset(
    {"must", "should", "could", "would", "may", "might", "can", "shall", "will", "ought",
     "wo", "ca", "'ll", "need"}
)  # fmt: skip

#: Governing words that make what they govern unreal: calls, demands, fears, plans, threats.
BLOCKING_LEMMAS: frozenset[str] = frozenset(
    {"call", "urge", "demand", "ask", "request", "appeal", "push", "press", "pressure",
     "lobby", "want", "wish", "hope", "expect", "predict", "forecast", "fear", "worry",
     "threaten", "warn", "plan", "intend", "aim", "seek", "try", "attempt", "propose",
     "recommend", "suggest", "advocate", "insist", "target", "risk", "allow", "permit",
     "prevent", "avoid", "escape", "evade", "refuse", "deny", "reject", "oppose", "resist",
     "need", "require", "encourage", "invite", "consider", "prepare", "vow", "promise",
     "pledge", "threat", "immunity", "absence", "prospect", "possibility", "danger",
     "carry", "imagine", "petition", "schedule", "slate", "offer"}
)  # fmt: skip

#: Nouns on the way up from a trigger noun that make it unreal ("threat of arrests").
BLOCKING_NOUNS: frozenset[str] = frozenset(
    {"threat", "risk", "fear", "call", "demand", "immunity", "absence", "possibility",
     "prospect", "danger", "warning", "plan", "attempt", "bid", "request", "appeal",
     "campaign", "petition", "freedom", "right", "lack", "reward", "bounty"}
)  # fmt: skip

#: Governors of an infinitive that still assert it ("decided to refuse bail",
#: "continues to detain").
IMPLICATIVE_VERBS: frozenset[str] = frozenset(
    {"decide", "vote", "rule", "order", "continue", "remain", "begin", "start", "proceed",
     "manage", "keep", "resume", "go", "opt", "choose", "move", "use"}
)  # fmt: skip

#: Nouns that assert the infinitive they govern ("a court decision to acquit them").
ALLOWING_NOUNS: frozenset[str] = frozenset(
    {"decision", "ruling", "verdict", "order", "judgment", "judgement", "vote", "move"}
)

#: Modifiers that make an event noun unreal ("the imminent release").
UNREAL_MODIFIERS: frozenset[str] = frozenset(
    {"imminent", "possible", "potential", "planned", "proposed", "future", "expected",
     "threatened", "further", "likely", "upcoming", "prospective", "immediate",
     "unconditional", "no"}
)  # fmt: skip

#: Verbs of saying: their subjects are speakers, not participants.
SPEECH_VERBS: frozenset[str] = frozenset(
    {"say", "tell", "add", "state", "comment", "note", "explain", "write", "tweet", "declare",
     "announce", "believe", "feel", "argue", "insist", "claim", "stress", "warn", "urge",
     "call", "describe", "designate"}
)  # fmt: skip

#: Verbs whose subject is in the state a prepositional trigger names ("remains in jail").
STATE_VERBS: frozenset[str] = frozenset(
    {"be", "remain", "stay", "spend", "languish", "sit", "die", "live", "continue", "serve",
     "face", "stand", "answer", "undergo", "receive", "await", "go"}
)  # fmt: skip

#: Nouns that govern an event noun lightly: the event's participants are the governor's.
LIGHT_NOUN_GOVERNORS: frozenset[str] = frozenset(
    {"face", "stand", "answer", "undergo", "receive", "await", "serve", "be", "remain"}
)

#: Adverbs that mark a later happening in a coordination ("and subsequently charged").
TIME_SHIFT_ADVERBS: frozenset[str] = frozenset(
    {"subsequently", "later", "then", "afterwards", "afterward", "eventually", "finally",
     "since", "previously", "earlier", "initially", "originally"}
)  # fmt: skip

#: Words of a place of detention (the actors module types named ones as Facility).
FACILITY_WORDS: frozenset[str] = frozenset(
    {"prison", "prisons", "jail", "jails", "gaol", "penitentiary", "detention", "custody",
     "centre", "center", "camp", "cell", "cells", "station", "facility", "compound",
     "incommunicado", "isolation", "colony"}
)  # fmt: skip

#: Words that make a "for ..." phrase a duration or a purpose rather than an offence.
DURATION_WORDS: frozenset[str] = frozenset(
    {"hour", "day", "week", "month", "year", "night", "time", "while", "period", "decade",
     "questioning", "trial", "interrogation", "investigation", "deposit", "amount",
     "bail", "life", "minute", "lack", "want", "absence"}
)  # fmt: skip

#: Offence words too vague to be an offence on their own ("charged with offences").
GENERIC_OFFENCES: frozenset[str] = frozenset(
    {"offence", "offences", "offense", "offenses", "crime", "crimes", "charge", "charges",
     "count", "counts", "a number of offences", "a number of offenses", "various offences",
     "several offences", "criminal offences", "criminal charges", "accusation",
     "accusations", "allegation", "allegations"}
)  # fmt: skip

#: Hedges and quantifiers stripped from an offence's words ("an alleged robbery" -> "robbery").
HEDGES: frozenset[str] = frozenset(
    {"alleged", "allegedly", "purported", "purportedly", "so-called", "suspected",
     "supposed", "supposedly", "reportedly", "apparently", "all", "any", "several", "various",
     "multiple", "numerous", "some", "other", "further", "additional", "new"}
)  # fmt: skip

#: The words after a trigger that introduce its offence, by the trigger's lemma.
CHARGE_CUES: dict[str, frozenset[str]] = {
    "charge": frozenset({"with", "for", "as", "over"}),
    "indict": frozenset({"for", "on", "with"}),
    "prosecute": frozenset({"for", "over"}),
    "accuse": frozenset({"of"}),
    "convict": frozenset({"of", "for", "on"}),
    "acquit": frozenset({"of", "on"}),
    "arrest": frozenset({"for", "on"}),
    "detain": frozenset({"for", "on"}),
    "jail": frozenset({"for", "on"}),
    "imprison": frozenset({"for", "on"}),
    "sentence": frozenset({"for", "on"}),
    "try": frozenset({"for", "on"}),
    "summon": frozenset({"on", "over"}),
    "conviction": frozenset({"for", "on"}),
    "arrest_noun": frozenset({"for", "on"}),
    "trial": frozenset({"for", "on"}),
}

#: Words that make a subject of "accuse" a legal actor (a prosecutor's accusation is a charge).
LEGAL_AGENT_WORDS: frozenset[str] = frozenset(
    {"prosecutor", "prosecutors", "prosecution", "court", "judge", "tribunal",
     "investigator", "investigators", "procurator", "procuracy", "indictment", "chamber"}
)  # fmt: skip

#: Nouns for people: an unnamed subject ("11 activists") has one of these as its head.
HUMAN_NOUNS: frozenset[str] = frozenset(
    {"activist", "member", "leader", "official", "supporter", "defender", "journalist",
     "prisoner", "detainee", "protester", "protestor", "demonstrator", "people", "person",
     "man", "woman", "student", "monk", "nun", "worker", "farmer", "villager", "lawyer",
     "politician", "critic", "opponent", "dissident", "candidate", "councillor", "councilor",
     "mp", "lawmaker", "legislator", "employee", "staff", "volunteer", "youth", "blogger",
     "reporter", "editor", "officer", "soldier", "individual", "resident", "citizen",
     "teenager", "child", "minor", "unionist", "organiser", "organizer", "representative",
     "chief", "head", "president", "director", "defendant", "accused", "suspect", "refugee",
     "relative", "son", "daughter", "father", "mother", "brother", "sister", "wife",
     "husband", "commentator", "researcher", "professor", "teacher", "priest", "pastor",
     "artist", "musician", "rapper", "writer", "poet", "executive", "owner", "founder",
     "chairman", "chairwoman", "chairperson", "secretary", "spokesperson", "spokesman",
     "spokeswoman", "deputy", "minister", "governor", "mayor", "opposition",
     "colleague", "friend", "other", "dozen", "score", "hundred", "thousand", "dozens",
     "scores", "hundreds", "thousands", "all", "both", "several", "many", "some", "most",
     "adherent", "follower", "associate", "administrator", "admin", "moderator",
     "trader", "businessman", "businesswoman", "activists", "parliamentarian", "senator",
     "guard", "delegate", "campaigner", "advocate", "community", "family",
     "men", "women", "youths", "children", "group", "crew", "team", "union"}
)  # fmt: skip

#: Nouns that refer back to an organisation mention ("the party was dissolved").
ORGANISATION_NOUNS: dict[str, tuple[str, ...]] = {
    "party": ("PoliticalParty",),
    "movement": ("PoliticalParty", "CivilSocietyOrganization"),
    "organisation": ("CivilSocietyOrganization", "MediaOrganization"),
    "organization": ("CivilSocietyOrganization", "MediaOrganization"),
    "group": ("CivilSocietyOrganization",),
    "ngo": ("CivilSocietyOrganization",),
    "association": ("CivilSocietyOrganization",),
    "union": ("CivilSocietyOrganization",),
    "newspaper": ("MediaOrganization",),
    "outlet": ("MediaOrganization",),
    "station": ("MediaOrganization",),
}

#: Number words, for unnamed groups ("the three", "All eight").
NUMBER_WORDS: dict[str, int] = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "both": 2,
}  # fmt: skip
