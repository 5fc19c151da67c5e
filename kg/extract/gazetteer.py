"""Gazetteers: country names and demonyms, and a short list of famous international bodies.

Kept apart from the lists of institution kinds in :mod:`kg.extract.lexicon`; these name
places and bodies that every corpus of the field shares, never the seeds' own actors.
"""

from __future__ import annotations

__all__ = ["COUNTRY_ALIASES", "DEMONYMS", "FAMOUS_ORGS"]

#: Country names and their demonyms, to name a national government the same in every text.
DEMONYMS: dict[str, str] = {
    "afghan": "afghanistan",
    "american": "united states",
    "australian": "australia",
    "bangladeshi": "bangladesh",
    "belarusian": "belarus",
    "belarussian": "belarus",
    "british": "united kingdom",
    "burmese": "myanmar",
    "cambodian": "cambodia",
    "canadian": "canada",
    "chinese": "china",
    "egyptian": "egypt",
    "french": "france",
    "german": "germany",
    "indian": "india",
    "indonesian": "indonesia",
    "iranian": "iran",
    "japanese": "japan",
    "kazakh": "kazakhstan",
    "korean": "korea",
    "lao": "laos",
    "laotian": "laos",
    "malaysian": "malaysia",
    "myanmar": "myanmar",
    "pakistani": "pakistan",
    "philippine": "philippines",
    "filipino": "philippines",
    "russian": "russia",
    "singaporean": "singapore",
    "thai": "thailand",
    "turkish": "turkey",
    "ukrainian": "ukraine",
    "vietnamese": "vietnam",
    "hong kong": "hong kong",
    "european": "european union",
    "swiss": "switzerland",
    "swedish": "sweden",
    "chilean": "chile",
    "mexican": "mexico",
    "brazilian": "brazil",
    "nigerian": "nigeria",
    "uzbek": "uzbekistan",
    "georgian": "georgia",
    "azerbaijani": "azerbaijan",
    "sri lankan": "sri lanka",
    "nepali": "nepal",
    "nepalese": "nepal",
}


#: Other spellings of country names, mapped to one key.
COUNTRY_ALIASES: dict[str, str] = {
    "us": "united states",
    "u.s.": "united states",
    "usa": "united states",
    "u.s.a.": "united states",
    "america": "united states",
    "uk": "united kingdom",
    "u.k.": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "viet nam": "vietnam",
    "burma": "myanmar",
    "kingdom of cambodia": "cambodia",
    "kingdom of thailand": "thailand",
    "russian federation": "russia",
    "republic of belarus": "belarus",
    "prc": "china",
}


#: Famous bodies whose names carry no kind word, mapped to their type (a short general list).
FAMOUS_ORGS: dict[str, str] = {
    "un": "InternationalOrganization",
    "united nations": "InternationalOrganization",
    "eu": "InternationalOrganization",
    "european union": "InternationalOrganization",
    "asean": "InternationalOrganization",
    "nato": "InternationalOrganization",
    "osce": "InternationalOrganization",
    "interpol": "InternationalOrganization",
    "unesco": "InternationalOrganization",
    "unicef": "InternationalOrganization",
    "unhcr": "InternationalOrganization",
    "ohchr": "InternationalOrganization",
    "amnesty international": "CivilSocietyOrganization",
    "amnesty": "CivilSocietyOrganization",
    "human rights watch": "CivilSocietyOrganization",
    "reporters without borders": "CivilSocietyOrganization",
    "front line defenders": "CivilSocietyOrganization",
    "reuters": "MediaOrganization",
    "afp": "MediaOrganization",
    "ap": "MediaOrganization",
    "bbc": "MediaOrganization",
    "cnn": "MediaOrganization",
    "al jazeera": "MediaOrganization",
    "aljazeera": "MediaOrganization",
    "voice of america": "MediaOrganization",
    "radio free asia": "MediaOrganization",
    "xinhua": "MediaOrganization",
}
