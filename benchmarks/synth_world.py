"""The fictional world of the synthetic corpus: countries, people, parties, courts, prisons.

Every name here is invented and marked as such ("Fict-", "Imagin-", "Myth-", "Fabul-",
"Pretend-"...), in three naming styles (Khmer-like, Thai-like, Russian-like) so that the
model meets the kinds of names the real corpora hold.  The world depends on the seed only,
never on the corpus size, so document ``i`` is the same in a 1,000- and a 10,000-document
corpus.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

__all__ = [
    "COUNTRIES",
    "Country",
    "Offence",
    "Org",
    "Person",
    "World",
    "make_world",
]

PEOPLE_PER_COUNTRY = 500


@dataclass(frozen=True)
class Org:
    """A named organisation or place: its full name, its short form, its gold type."""

    name: str
    type: str
    short: str | None = None  # an acronym the text may use after the first mention


@dataclass(frozen=True)
class Person:
    """A fictional person: the full name, the form used after the first mention, gender."""

    name: str
    short: str
    female: bool

    @property
    def pronoun(self) -> tuple[str, str]:
        """Subject and possessive pronouns."""
        return ("she", "her") if self.female else ("he", "his")


@dataclass(frozen=True)
class Offence:
    """An offence as the text words it, and the article of the criminal code for it."""

    words: str
    article: str


@dataclass(frozen=True)
class Country:
    """A fictional country in one naming style, with its towns, institutions and laws."""

    name: str
    adjective: str
    style: str
    towns: tuple[str, ...]
    parties: tuple[Org, ...]
    ngos: tuple[Org, ...]
    ministry: Org
    media: Org
    offences: tuple[Offence, ...]
    court_kinds: tuple[str, ...]  # "{town} Municipal Court"
    prison_kinds: tuple[str, ...]  # "{town} Correctional Centre"
    sentence_kind: str  # "in prison", "in a penal colony"

    def court(self, town: str, rng: random.Random) -> Org:
        return Org(rng.choice(self.court_kinds).format(town=town), "Court")

    def high_court(self, rng: random.Random) -> Org:
        kind = rng.choice(("Supreme Court of {c}", "Appeal Court of {c}"))
        return Org(kind.format(c=self.name), "Court")

    def prison(self, town: str, rng: random.Random) -> Org:
        kind = rng.choice(self.prison_kinds)
        return Org(kind.format(town=town, n=rng.randint(1, 9)), "Facility")


def _orgs(kind: str, *names: str) -> tuple[Org, ...]:
    """Organisations from "Full Name (ACR)" strings."""
    result = []
    for text in names:
        name, _, short = text.partition(" (")
        result.append(Org(name, kind, short.rstrip(")") or None))
    return tuple(result)


COUNTRIES: tuple[Country, ...] = (
    Country(
        name="Ruritania",
        adjective="Ruritanian",
        style="khmer",
        towns=(
            "Fictown",
            "Kampong Fict",
            "Prey Fabul",
            "Svay Imagin",
            "Phnom Pretend",
            "Takeo Myth",
            "Kandal Fict",
            "Siem Fabul",
        ),
        parties=_orgs(
            "PoliticalParty",
            "Party of Imaginary Progress (PIP)",
            "Ruritanian Invented Rescue Party (RIRP)",
            "League of Invented Democrats (LID)",
            "Mythical People's Party (MPP)",
        ),
        ngos=_orgs(
            "CivilSocietyOrganization",
            "Centre for Invented Justice (CIJ)",
            "Ruritanian League for Fictional Rights (RLFR)",
            "Imaginary Rights Watch",
        ),
        ministry=Org("Ministry of Imaginary Affairs", "GovernmentBody"),
        media=Org("Fictown Daily Post", "MediaOrganization"),
        offences=(
            Offence("treason", "443"),
            Offence("incitement to commit a felony", "495"),
            Offence("plotting against the state", "453"),
            Offence("conspiring with a foreign power", "439"),
            Offence("insulting a public official", "502"),
        ),
        court_kinds=("{town} Municipal Court", "{town} Provincial Court"),
        prison_kinds=("{town} Correctional Centre", "{town} Provincial Prison"),
        sentence_kind="in prison",
    ),
    Country(
        name="Imaginaria",
        adjective="Imaginarian",
        style="thai",
        towns=(
            "Southport",
            "Ban Fictai",
            "Nakhon Fabula",
            "Chiang Myth",
            "Khon Pretend",
            "Udon Fict",
            "Lampang Imagin",
        ),
        parties=_orgs(
            "PoliticalParty",
            "Forward Fiction Party (FFP)",
            "Imaginarian Pretend Reform Party (IPRP)",
            "New Myth Party (NMP)",
        ),
        ngos=_orgs(
            "CivilSocietyOrganization",
            "Lawyers for Fictional Freedom (LFF)",
            "Free Imaginary Youth",
            "Imaginarian Centre for Made-Up Rights (ICMR)",
        ),
        ministry=Org("Ministry of Invented Justice", "GovernmentBody"),
        media=Org("Southport Fiction Times", "MediaOrganization"),
        offences=(
            Offence("insulting the monarchy", "112"),
            Offence("sedition", "116"),
            Offence("importing false information into a computer system", "14"),
            Offence("defamation", "326"),
        ),
        court_kinds=("{town} Criminal Court", "{town} Provincial Court"),
        prison_kinds=("{town} Remand Prison", "{town} Central Prison"),
        sentence_kind="in prison",
    ),
    Country(
        name="Fictovia",
        adjective="Fictovian",
        style="russian",
        towns=(
            "Fictograd",
            "Pretendsk",
            "Imaginburg",
            "Nebylitsk",
            "Skazkovo",
            "Mythinsk",
            "Fabulovo",
            "Vydumsk",
        ),
        parties=_orgs(
            "PoliticalParty",
            "Party of Invented Freedom (PIF)",
            "Fictovian Union of Pretend Democrats (FUPD)",
            "Movement for Imaginary Reform (MIR)",
        ),
        ngos=_orgs(
            "CivilSocietyOrganization",
            "Fictovian Memorial of Invented History (FMIH)",
            "Committee Against Made-Up Torture (CAMT)",
            "Pretendsk Rights Watch",
        ),
        ministry=Org("Ministry of Fictional Interior", "GovernmentBody"),
        media=Org("Fictograd Courier", "MediaOrganization"),
        offences=(
            Offence("spreading false information about the armed forces", "207.3"),
            Offence("participating in an undesirable organisation", "284.1"),
            Offence("extremism", "282.2"),
            Offence("hooliganism", "213"),
            Offence("treason", "275"),
        ),
        court_kinds=("{town} District Court", "{town} City Court"),
        prison_kinds=(
            "Pre-trial Detention Centre No. {n} in {town}",
            "Penal Colony No. {n} in {town}",
        ),
        sentence_kind="in a penal colony",
    ),
)

_KHMER_FAMILY = (
    "Chanfict Limvent Pichfab Sokmyth Kimfake Vongfict Sarimag Touchfab Heangmyth "
    "Ouchfict Mamvent Yimfab Seangmyth Rosfict Nhemvent Tepfab Khimmyth Sumfict "
    "Chhunvent Measfab"
).split()
_KHMER_GIVEN = (
    "Dara Sovann Sophal Vibol Kosal Piseth Veasna Vuthy Sopheak Rotha Samnang Rithy "
    "Bunthoeun Sokhom Virak"
).split()
_KHMER_GIVEN_F = (
    "Nary Vanna Bopha Chenda Sothea Sreymom Mony Ratana Sokunthea Channary Kanha "
    "Pheap Sreyleak Malis Thida"
).split()
_THAI_FAMILY = (
    "Fictaporn Fakesuk Imaginaporn Notrealwong Pretendsiri Mythanon Fabulchai "
    "Inventakul Dreamsawat Fictasiri Phantomrat Storyphan Fablekul Mythiwat Fictisak "
    "Imaginawong Pretendchai Fablesiri Storykul Dreamaporn Fictanon Mythasuk"
).split()
_THAI_GIVEN = (
    "Somchai Kittipong Supachai Thanawat Anucha Prasit Wichai Teerapat Nattapong "
    "Chaiwat Pongsak Surachai Worawit Apichart Sombat"
).split()
_THAI_GIVEN_F = (
    "Arunee Nattaya Ploy Wannapa Pimchanok Jiraporn Siriporn Kanya Rattana "
    "Kanokwan Sasithorn Duangjai Orapin Waraporn Malai"
).split()
_RUSSIAN_FAMILY = (
    "Fictivov Inventov Notrealov Pretendin Fakeyev Imaginov Fabulin Mythov "
    "Vydumkin Nebylitsyn Skazkin Fantomov Pridumov Sochinov Vymyslov Basnin "
    "Mifov Lozhkin Fiktivin Mnimov"
).split()
_RUSSIAN_GIVEN = (
    "Ivan Alexei Dmitri Kirill Boris Pavel Sergei Mikhail Yuri Oleg Andrei Nikolai "
    "Viktor Roman Gleb"
).split()
_RUSSIAN_GIVEN_F = (
    "Olga Anna Maria Svetlana Natalia Elena Irina Tatiana Yulia Daria Ksenia "
    "Vera Lyudmila Galina Polina"
).split()


def _people(style: str, rng: random.Random, count: int) -> list[Person]:
    """``count`` distinct people of one naming style, in a seeded order."""
    found: dict[str, Person] = {}
    for _ in range(count * 50):
        if len(found) == count:
            return list(found.values())
        female = rng.random() < 0.4
        if style == "khmer":
            family = rng.choice(_KHMER_FAMILY)
            given = rng.choice(_KHMER_GIVEN_F if female else _KHMER_GIVEN)
            person = Person(f"{family} {given}", given, female)
        elif style == "thai":
            given = rng.choice(_THAI_GIVEN_F if female else _THAI_GIVEN)
            person = Person(f"{given} {rng.choice(_THAI_FAMILY)}", given, female)
        else:
            family = rng.choice(_RUSSIAN_FAMILY) + ("a" if female else "")
            given = rng.choice(_RUSSIAN_GIVEN_F if female else _RUSSIAN_GIVEN)
            person = Person(f"{given} {family}", family, female)
        found.setdefault(person.name, person)
    raise ValueError(f"too few {style}-style name parts for {count} people")


@dataclass(frozen=True)
class World:
    """Everything the documents are written about: per country, a pool of people."""

    people: dict[str, tuple[Person, ...]]  # country name -> people, most newsworthy first


def make_world(seed: int) -> World:
    """The world of one seed (independent of the corpus size)."""
    rng = random.Random(f"{seed}/world")
    return World(
        {
            country.name: tuple(_people(country.style, rng, PEOPLE_PER_COUNTRY))
            for country in COUNTRIES
        }
    )
