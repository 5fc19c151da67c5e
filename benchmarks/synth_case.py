"""A fictional criminal case and the sentences that report its steps, with their gold events.

A case belongs to its first defendant and is drawn from a seed of its own, so every document
that reports on the same person tells the same story: the same arrest date, court, charge
and outcome.  Each step is written in one of several wordings of the kinds the extractor is
meant to read (and a few it may not), and recorded in the gold exactly as the text states it.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from synth_text import Writer, day_phrase, month_phrase
from synth_world import COUNTRIES, Country, Offence, Org, Person, World

__all__ = ["STEPS", "Case", "make_case", "write_step"]

STEPS = ("arrest", "charge", "detention", "bail", "trial", "verdict", "appeal")
PARTY_ROLES = (
    "president",
    "vice president",
    "secretary general",
    "deputy leader",
    "provincial chief",
    None,
)
NUMBERS = "two three four five six seven eight nine ten eleven twelve".split()


@dataclass(frozen=True)
class Case:
    """One prosecution: who, where, under which article, and the dates of its steps."""

    country: Country
    defendants: tuple[Person, ...]
    party: Org
    role: str | None
    offence: Offence
    town: str
    court: Org
    high_court: Org
    prison: Org
    dates: dict[str, datetime.date]
    bail_granted: bool
    convicted: bool
    years: int


def make_case(world: World, seed: int, country_index: int, person_index: int) -> Case:
    """The case of the ``person_index``-th person of a country (deterministic)."""
    country = COUNTRIES[country_index]
    rng = random.Random(f"{seed}/case/{country.name}/{person_index}")
    people = world.people[country.name]
    defendants = [people[person_index]]
    for person in rng.sample(people, rng.choice((0, 0, 0, 1, 2))):
        if person.short not in {d.short for d in defendants}:
            defendants.append(person)
    town = rng.choice(country.towns)
    arrest = datetime.date(2014, 1, 1) + datetime.timedelta(days=rng.randint(0, 3300))
    dates = {"arrest": arrest}
    for step, low, high in (
        ("charge", 1, 4),
        ("detention", 0, 0),
        ("bail", 10, 90),
        ("trial", 60, 300),
        ("verdict", 0, 60),
        ("appeal", 20, 120),
    ):
        dates[step] = dates[STEPS[STEPS.index(step) - 1]] + datetime.timedelta(
            days=rng.randint(low, high)
        )
    return Case(
        country=country,
        defendants=tuple(defendants),
        party=rng.choice(country.parties),
        role=rng.choice(PARTY_ROLES),
        offence=rng.choice(country.offences),
        town=town,
        court=country.court(town, rng),
        high_court=country.high_court(rng),
        prison=country.prison(town, rng),
        dates=dates,
        bail_granted=rng.random() < 0.4,
        convicted=rng.random() < 0.8,
        years=rng.randint(2, 12),
    )


def _names(w: Writer, people: tuple[Person, ...]) -> str:
    names = [w.person(p) for p in people]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _provision(case: Case) -> str:
    return f"Criminal Code Article {case.offence.article}"


def write_step(w: Writer, case: Case, step: str, anchor: datetime.date, lead: bool) -> str:
    """One sentence reporting ``step`` of ``case``; its events go into the writer's gold.

    ``lead`` marks the newest step of the document: it is dated to the day, older steps
    often to the month.
    """
    rng = w.rng
    when = case.dates[step]
    day = rng.random() < (0.9 if lead else 0.4)
    phrase = day_phrase(when, rng, anchor) if day else month_phrase(when)
    iso = when.isoformat() if day else when.isoformat()[:7]
    people = case.defendants
    one = people[:1]
    verb_plural = len(people) > 1
    was = "were" if verb_plural else "was"
    offence, kind = case.offence.words, case.country.sentence_kind
    if step == "arrest":
        who = w.person(one[0])
        appos = ""
        if rng.random() < 0.6:
            role = case.role
            words = f"{role} of" if role else "a member of"
            appos = f", {words} {w.org(case.party)},"
            w.member(one[0], case.party, role or "member")
        town = w.place(case.town)
        text = rng.choice(
            (
                f"Police arrested {who}{appos} in {town} {phrase}.",
                f"{who}{appos} was arrested at {one[0].pronoun[1]} home in {town} {phrase}.",
                f"{who}{appos} was detained by police in {town} {phrase}.",
            )
        )
        w.event("Arrest", text, list(one), date=iso, place=case.town)
        return text
    if step == "charge":
        court = w.org(case.court)
        subjects = _names(w, people)
        text = rng.choice(
            (
                f"{court[0].upper() + court[1:]} charged {subjects} with {offence} under "
                f"Article {case.offence.article} of the Criminal Code {phrase}.",
                f"{subjects} {was} charged with {offence} under Article {case.offence.article} of "
                f"the Criminal Code {phrase}, according to {court}.",
            )
        )
        w.event(
            "Charge",
            text,
            list(people),
            date=iso,
            agents=[case.court],
            charges=[offence],
            provisions=[_provision(case)],
        )
        return text
    if step == "detention":
        who = w.person(one[0])
        prison = w.org(case.prison, article=False)
        text = rng.choice(
            (
                f"{who} has been held at {prison} since then.",
                f"{who} remains in pre-trial detention at {prison}.",
            )
            if lead
            else (f"{who} was held in pre-trial detention at {prison}.",)
        )
        w.event("Detention", text, list(one), place=case.prison)
        return text
    if step == "bail":
        court = w.org(case.court)
        who = w.person(one[0])
        if case.bail_granted:
            text = rng.choice(
                (
                    f"{who} was released on bail {phrase}, {one[0].pronoun[1]} lawyer said.",
                    f"{court[0].upper() + court[1:]} released {who} on bail {phrase}.",
                )
            )
            w.event(
                "Release",
                text,
                list(one),
                date=iso,
                agents=[] if text.startswith(who) else [case.court],
            )
            return text
        text = rng.choice(
            (
                f"{court[0].upper() + court[1:]} refused bail to {who} {phrase}.",
                f"{who} was denied bail by {court} {phrase}.",
            )
        )
        w.event("BailDecision", text, list(one), date=iso, agents=[case.court])
        return text
    if step == "trial":
        court = w.org(case.court)
        subjects = _names(w, people)
        text = f"The trial of {subjects} opened at {court} {phrase}."
        w.event("Trial", text, list(people), date=iso, agents=[case.court])
        return text
    if step == "verdict":
        court = w.org(case.court)
        subjects = _names(w, people)
        years = f"{NUMBERS[case.years - 2]} years {kind}"
        if not case.convicted:
            text = f"{court[0].upper() + court[1:]} acquitted {subjects} of {offence} {phrase}."
            w.event(
                "Acquittal", text, list(people), date=iso, agents=[case.court], charges=[offence]
            )
            return text
        if rng.random() < 0.5:
            them = "them" if verb_plural else ("her" if one[0].female else "him")
            text = (
                f"{phrase[0].upper() + phrase[1:]}, {court} found {subjects} guilty of "
                f"{offence} and sentenced {them} to {years}."
            )
        else:
            text = f"{subjects} {was} convicted of {offence} {phrase} and sentenced to {years}."
        facts = {"date": iso, "agents": [case.court] if court in text else []}
        w.event("Conviction", text, list(people), charges=[offence], **facts)
        w.event("Sentencing", text, list(people), sentence=years, **facts)
        return text
    court = w.org(case.high_court)
    who = w.person(one[0])
    month = month_phrase(case.dates["appeal"])
    if case.convicted:
        text = f"{who} appealed against {one[0].pronoun[1]} conviction to {court} {month}."
    else:
        text = f"Prosecutors appealed against the acquittal of {who} to {court} {month}."
    w.event("Appeal", text, list(one), date=case.dates["appeal"].isoformat()[:7])
    return text
