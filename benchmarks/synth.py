"""Generate a synthetic corpus of fictional news articles, with a gold file for each.

    .venv/bin/python benchmarks/synth.py 10000 --out build/synth/10k --gold build/synth/10k-gold

N documents of 200–600 words about invented people, parties, courts and prisons in three
invented countries (Khmer-, Thai- and Russian-style names), with the events of real reports
(arrests with dates, charges under articles of a criminal code, convictions with sentences,
bail, releases, trials, appeals, dissolutions, summonses) between paragraphs of commentary.
Mostly plain text, some Markdown and HTML pages, a few listing pages of several dated
items.  Seeded and deterministic: the same seed gives the same bytes, and document ``i`` is
the same whatever N is.  Each gold file (``data/gold/SCHEMA.md``) holds what its document
states, so ``kg eval --gold`` measures extraction quality on the synthetic corpus too.
"""

from __future__ import annotations

import argparse
import datetime
import html
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth_case import STEPS, Case, make_case, write_step  # noqa: E402
from synth_text import MONTHS, Writer, day_phrase, month_phrase  # noqa: E402
from synth_world import COUNTRIES, Org, World, make_world  # noqa: E402

__all__ = ["SynthDocument", "generate", "write_corpus"]

FILLER = (
    "The {adjective} government has rejected the criticism, saying the courts are independent "
    "and that nobody is above the law.",
    "Diplomats from several embassies attended the hearing as observers.",
    "The case has drawn attention to the shrinking space for dissent in {country} ahead of "
    "next year's elections.",
    "Opposition politicians say the courts have become a tool to silence critics, an "
    "accusation the authorities deny.",
    "Rights groups have documented a sharp rise in prosecutions of online critics over the "
    "past two years.",
    "The government says the laws are needed to protect national security and public order.",
    "Supporters gathered outside the courthouse in {town}, holding banners and singing songs, "
    "while officers watched from across the road.",
    "Several independent newspapers have closed or moved abroad, and a number of reporters "
    "have left the country.",
    "Local officials declined to comment when contacted by reporters.",
    "The economy has slowed in recent years, and rising prices have added to public "
    "frustration in the provinces.",
    "Analysts say the ruling party is determined to keep its grip on power at any cost.",
    "Elections are due next year, but few observers expect them to be free or fair.",
    "{party_cap} won nearly half of the vote in the last local elections.",
    "Lawyers say defendants in such cases are often denied access to their families and to "
    "the documents in their files.",
    "The hearing lasted less than two hours, and the defence was not allowed to call its "
    "witnesses.",
    "Donor countries have expressed concern, but have so far stopped short of sanctions.",
    "Messages posted on social media in support of the defendants were removed within hours.",
    "The prosecutor's office did not respond to a request for comment.",
    "Teachers, farmers and students have joined the protests in several provinces.",
    "A government spokesman said the authorities were simply enforcing the law.",
    "Observers note that acquittals in political cases are almost unheard of in {country}.",
    "The parliament passed amendments last year that broadened the definition of incitement.",
    "The verdict was read out in a packed courtroom, and relatives wept as it was announced.",
    "International observers described the proceedings as deeply flawed.",
    "Many of those targeted had criticised the government's handling of land disputes.",
    "Officials in {town} said the rally had been held without permission.",
    "The families of the accused say they have been followed and photographed by plainclothes "
    "officers.",
    "The {un} human rights office has repeatedly raised the case with the government.",
    "Public gatherings of more than five people now require a permit from the local authorities.",
    "The ruling party controls every seat in the national assembly.",
    "A new law on associations requires every group to report its funding to the state.",
    "Journalists covering the hearing were kept outside the building.",
    "Critics say the new cybersecurity rules allow officials to block any website without "
    "a court order.",
    "Business leaders have largely stayed silent, wary of losing government contracts.",
    "Turnout at the last national vote was the lowest in two decades.",
    "The defence team said it had received the case file only two days before the hearing.",
    "Many young people now follow the news through encrypted messaging groups.",
    "Foreign ministers raised the issue at a regional summit last month, without result.",
    "Some relatives of the accused have lost their jobs in the civil service.",
    "The authorities have not said how many people are being held on similar grounds.",
    "Prices for rice and fuel have risen sharply since the start of the year.",
    "Opposition offices in {town} have been closed since the spring.",
)
QUOTES = (
    "This case has nothing to do with the law and everything to do with silencing critics",
    "The charges are baseless and should be dropped immediately",
    "Every peaceful critic in this country now fears a knock on the door",
    "The courts are being used to settle political scores",
    "We will keep documenting every case until the last prisoner is free",
)
NGO_ROLES = ("spokesperson", "director", "executive director", "president")


@dataclass(frozen=True)
class SynthDocument:
    """One generated source file and its gold annotations."""

    file_name: str
    content: str
    gold: dict[str, Any]
    words: int


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def _the(org: Org) -> bool:
    return not org.name.endswith("Watch") and org.name.split()[0] not in ("Lawyers", "Free")


def _filler(w: Writer, case: Case, rng: random.Random) -> str:
    """A paragraph of three to five commentary sentences (actors in them enter the gold)."""
    sentences = []
    for _ in range(rng.randint(3, 5)):
        if not w.deck:
            w.deck = rng.sample(FILLER, len(FILLER))
        template = w.deck.pop()
        slots: dict[str, str] = {}
        if "{adjective}" in template:
            slots["adjective"] = case.country.adjective
            government = f"{case.country.adjective} government"
            w.register(government, "GovernmentBody", government)
        if "{country}" in template:
            slots["country"] = w.place(case.country.name)
        if "{town}" in template:
            slots["town"] = w.place(case.town)
        if "{un}" in template:
            slots["un"] = "United Nations"
            w.register("United Nations", "InternationalOrganization", "United Nations")
        if "{party_cap}" in template:
            slots["party_cap"] = _cap(w.org(case.party))
        sentences.append(template.format(**slots))
    return " ".join(sentences)


def _quote(w: Writer, case: Case, world: World, rng: random.Random) -> str:
    """A rights group's reaction, naming its speaker and her or his role."""
    speaker = world.people[case.country.name][rng.randint(300, 399)]
    ngo = rng.choice(case.country.ngos)
    role = rng.choice(NGO_ROLES)
    name = w.person(speaker, full=True)
    group = w.org(ngo, article=_the(ngo))
    if rng.random() < 0.5:
        w.member(speaker, ngo, role)
        return f"“{rng.choice(QUOTES)},” said {name}, {role} of {group}."
    w.member(speaker, ngo, "spokesperson")
    return f"{name}, a spokesperson for {group}, said the case was politically motivated."


def _side_event(w: Writer, case: Case, world: World, anchor: datetime.date) -> str:
    """Another happening in the same country: a party dissolved, a summons, a warrant..."""
    rng = w.rng
    when = anchor - datetime.timedelta(days=rng.randint(3, 400))
    iso_month, month = when.isoformat()[:7], month_phrase(when)
    other = world.people[case.country.name][rng.randint(100, 299)]
    kind = rng.choice(
        (
            "Dissolution",
            "Complaint",
            "Summons",
            "ArrestWarrant",
            "PoliticalBan",
            "group",
            "call",
            "could",
        )
    )
    if kind == "Dissolution":
        text = f"{_cap(w.org(case.high_court))} dissolved {w.org(case.party)} {month}."
        w.event(kind, text, [case.party], date=iso_month, agents=[case.high_court])
    elif kind == "Complaint":
        ministry = case.country.ministry
        phrase = day_phrase(when, rng, anchor)
        iso = when.isoformat() if phrase.startswith(("on ", "yesterday")) else None
        text = f"{_cap(w.org(ministry))} filed a complaint against {w.org(case.party)} {phrase}."
        w.event(kind, text, [case.party], date=iso, agents=[ministry])
    elif kind == "Summons":
        name, party = w.person(other), w.org(case.party)
        w.member(other, case.party, "member")
        text = (
            f"{name}, a member of {party}, has also been summoned to appear before "
            f"{w.org(case.court)}."
        )
        w.event(kind, text, [other], agents=[case.court])
    elif kind == "ArrestWarrant":
        text = f"{_cap(w.org(case.court))} issued an arrest warrant for {w.person(other)} {month}."
        w.event(kind, text, [other], date=iso_month, agents=[case.court])
    elif kind == "PoliticalBan":
        text = f"{w.person(other)} was banned from political activity for five years {month}."
        w.event(kind, text, [other], date=iso_month)
    elif kind == "group":
        count = rng.randint(5, 60)
        phrase = day_phrase(when, rng, anchor)
        group = f"{count} supporters of {w.org(case.party)}"
        text = f"Police detained {group} in {w.place(case.town)} {phrase}."
        w.event(
            "Arrest",
            text,
            [],
            date=when.isoformat(),
            group=group.removeprefix("the "),
            place=case.town,
        )
    elif kind == "call":
        ngo = rng.choice(case.country.ngos)
        return (
            f"{_cap(w.org(ngo, article=_the(ngo)))} called for {w.person(case.defendants[0])} "
            f"to be released immediately."
        )
    else:
        return (
            f"If convicted, {w.person(case.defendants[0])} could face up to "
            f"{rng.randint(5, 20)} years in prison."
        )
    return text


def _headline(case: Case, lead: str) -> str:
    town = case.town
    return {
        "arrest": f"Opposition Figure Arrested in {town}",
        "charge": "Prosecutors File Charges Against Government Critic",
        "detention": "Activist Held Without Trial",
        "bail": "Court Rules on Bail for Jailed Activist",
        "trial": f"Trial Opens in {town} Amid Tight Security",
        "verdict": f"{case.country.adjective} Court Delivers Verdict in Opposition Case",
        "appeal": "Appeal Lodged in Closely Watched Case",
    }[lead]


def _date_line(day: datetime.date, rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


Item = tuple[str, str, datetime.date, list[str]]  # gold id, headline, date, paragraphs


def _item(w: Writer, world: World, seed: int, rng: random.Random, words: int) -> Item:
    """One dated item: (headline, date, paragraphs), its facts recorded in ``w``."""
    case_country = rng.randrange(len(COUNTRIES))
    case = make_case(world, seed, case_country, min(int(rng.expovariate(1 / 60)), 99))
    lead = rng.randrange(len(STEPS))
    anchor = case.dates[STEPS[lead]] + datetime.timedelta(days=rng.randint(1, 5))
    older = [s for s in STEPS[:lead] if not (s == "detention" and case.bail_granted)]
    background = sorted(rng.sample(older, min(len(older), rng.randint(1, 3))), key=STEPS.index)
    headline = _headline(case, STEPS[lead])
    if case.town in headline:
        w.place(case.town)
    paragraphs = [write_step(w, case, STEPS[lead], anchor, True)]
    if background:
        paragraphs.append(" ".join(write_step(w, case, s, anchor, False) for s in background))
    paragraphs.append(_quote(w, case, world, rng))
    paragraphs += [_side_event(w, case, world, anchor) for _ in range(rng.randint(0, 2))]
    other = make_case(world, seed, case_country, min(int(rng.expovariate(1 / 60)), 99))
    done = [step for step in STEPS if other.dates[step] < anchor]
    if done and not set(other.defendants) & set(case.defendants) and rng.random() < 0.3:
        paragraphs.append(write_step(w, other, done[-1], anchor, False))
    while sum(len(p.split()) for p in paragraphs) < words:
        paragraphs.insert(rng.randint(2, len(paragraphs)), _filler(w, case, rng))
    return w.item, headline, anchor, paragraphs


def generate(index: int, world: World, seed: int) -> SynthDocument:
    """The ``index``-th document of the corpus of ``seed`` (independent of the corpus size)."""
    rng = random.Random(f"{seed}/doc/{index}")
    w = Writer(rng)
    words = rng.randint(200, 600)
    count = rng.choice((2, 3)) if rng.random() < 0.08 else 1
    items = []
    for number in range(count):
        w.item = f"i{number + 1}"
        items.append(_item(w, world, seed, rng, words // count))
    if count > 1:
        items.sort(key=lambda item: item[2], reverse=True)  # a listing: newest first
    form = "txt" if count > 1 else rng.choices(("txt", "md", "html"), (8, 1, 1))[0]
    reporter = world.people[COUNTRIES[index % 3].name][400 + index % 100]
    byline = [f"By {w.person(reporter, full=True)}"] if count == 1 else []
    blocks: list[str] = []
    gold_items = []
    renumber = {}
    for number, (made_as, headline, day, paragraphs) in enumerate(items):
        renumber[made_as] = f"i{number + 1}"
        gold_items.append(
            {
                "id": f"i{number + 1}",
                "date": day.isoformat(),
                "first_words": " ".join(headline.split()[:6]),
            }
        )
        blocks += [headline, _date_line(day, rng), *byline, *paragraphs]
    name = f"synth_{index:05d}.{form}"
    day = items[0][2]
    if form == "md":
        body = "\n\n".join([f"# {blocks[0]}", *blocks[2:]])
        content = f"---\ntitle: {blocks[0]}\ndate: {day.isoformat()}\n---\n\n{body}\n"
    elif form == "html":
        paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in blocks[2:])
        content = (
            f'<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
            f"<title>{html.escape(blocks[0])}</title>"
            f'<meta property="article:published_time" content="{day.isoformat()}"></head>\n'
            f'<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>\n'
            f"<article><h1>{html.escape(blocks[0])}</h1>\n<p>{blocks[1]}</p>\n{paragraphs}\n"
            f"</article><footer>Copyright Fictional Wire Service</footer></body></html>\n"
        )
    else:
        content = "\n\n".join(blocks) + "\n"
    for event in w.events:
        event.item = renumber[event.item]
    gold = {
        "document": name,
        "items": gold_items,
        "entities": sorted(w.entities.values(), key=lambda e: e["key"]),
        "memberships": [dict(m) for m in {json.dumps(m): m for m in w.memberships}.values()],
        "events": [event.as_json() for event in w.events],
    }
    return SynthDocument(name, content, gold, sum(len(b.split()) for b in blocks))


def write_corpus(count: int, out: Path, gold: Path | None, seed: int = 0) -> int:
    """Write ``count`` documents (and their gold files); return the number of words."""
    world = make_world(seed)
    out.mkdir(parents=True, exist_ok=True)
    if gold is not None:
        gold.mkdir(parents=True, exist_ok=True)
    total = 0
    for index in range(count):
        document = generate(index, world, seed)
        (out / document.file_name).write_text(document.content, encoding="utf-8")
        if gold is not None:
            stem = document.file_name.rsplit(".", 1)[0]
            text = json.dumps(document.gold, ensure_ascii=False, indent=1) + "\n"
            (gold / f"{stem}.json").write_text(text, encoding="utf-8")
        total += document.words
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many documents")
    parser.add_argument("--out", type=Path, required=True, help="folder for the documents")
    parser.add_argument("--gold", type=Path, help="folder for the gold files")
    parser.add_argument("--seed", type=int, default=0)
    options = parser.parse_args()
    words = write_corpus(options.count, options.out, options.gold, options.seed)
    print(f"wrote {options.count} documents, {words} words, to {options.out}")


if __name__ == "__main__":
    main()
