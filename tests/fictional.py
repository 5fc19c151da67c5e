"""A small corpus of obviously fictional articles, in two versions, for robustness tests.

Every name is invented (people, parties, courts, towns).  Version 2 of each article changes
its facts (a date, a sentence, a penalty), so a build of version 2 over version 1 replaces
every document's graph.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["PEOPLE", "corpus", "write_corpus"]

PEOPLE = (
    "Chan Dara",
    "Lim Sovann",
    "Pich Nary",
    "Ivan Fictivov",
    "Olga Inventova",
    "Mara Fabula",
    "Tomas Fictus",
    "Nora Placeholder",
)
PARTIES = ("Party of Imaginary Progress", "League of Invented Democrats")
COURTS = ("Provincial Court of Nowhere", "Exampleville Municipal Court")
TOWNS = ("Exampleville", "Fictograd", "Nowhere City")
MONTHS = ("March", "April", "May", "June")


def _article(index: int, version: int) -> str:
    person = PEOPLE[index % len(PEOPLE)]
    colleague = PEOPLE[(index + 3) % len(PEOPLE)]
    party = PARTIES[index % len(PARTIES)]
    court = COURTS[index % len(COURTS)]
    town = TOWNS[index % len(TOWNS)]
    month = MONTHS[(index + version) % len(MONTHS)]
    day = 3 + index + version
    years = 2 + index % 5 + version
    lines = [
        f"{person} Detained in {town}",
        "",
        f"{month} {day}, 2021",
        "",
        f"Police arrested {person}, a member of the {party}, in {town} on {day} {month} 2021.",
        "",
        f"The {court} charged {person} with incitement and plotting against the state.",
        "",
        f"{colleague}, a spokesperson for the {party}, said the charges were political.",
    ]
    if version == 2:
        lines += [
            "",
            f"On Friday the {court} sentenced {person} to {years} years in prison.",
            "",
            f"{colleague} was released on bail the same day, his lawyer said.",
        ]
    return "\n".join(lines) + "\n"


def corpus(version: int, size: int = 12) -> dict[str, str]:
    """File name → text of each article of the given version (1 or 2)."""
    return {f"article-{index:02d}.txt": _article(index, version) for index in range(size)}


def write_corpus(folder: Path, version: int, size: int = 12) -> list[Path]:
    """Write (or overwrite) the articles of ``version`` into ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in corpus(version, size).items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
