"""Where the user works, and the ties a sender's profile shows to it and to the user's past
employers: "works at Freightly, where you work", "worked at Zalando, where you worked".

The user's company is `[me] company` in the config; without it, the one their headline names where
that is unambiguous ("Engineering Lead at Northwind Labs"; the words it reads: signals.toml
[workplace]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .config import Me
from .guidance import Guidance
from .models import Sender
from .terms import Terms, company_names, terms
from .text import Text, compile_phrases


def own_company(me: Me | None, guidance: Guidance) -> str | None:
    if me is None:
        return None
    return me.company or company_from_headline(me.headline, guidance)


@lru_cache(maxsize=64)
def company_from_headline(headline: str | None, guidance: Guidance) -> str | None:
    if not headline or not headline.strip():
        return None
    reader = _reader(guidance)
    segments = [part.strip() for part in reader.segments.split(headline) if part and part.strip()]
    for segment in segments:
        for match in reader.at.finditer(segment):
            name = reader.cut.split(segment[match.end():], 1)[0].strip(" .")
            if _is_name(name, reader):
                return name
    if len(segments) == 2 and not reader.at.search(headline):
        role, name = segments
        if reader.roles.find_all(Text.of(role)) and _is_name(name, reader) and not reader.roles.find_all(Text.of(name)) \
                and not _only_field_words(name, guidance):
            return name
    return None


@dataclass(frozen=True)
class _HeadlineReader:
    at: re.Pattern[str]
    segments: re.Pattern[str]  # what splits a headline into parts ("|", " - ")
    cut: re.Pattern[str]  # what ends a name after "at" (the same, and a comma)
    roles: object  # PhraseSet
    max_words: int
    not_names: frozenset[str]


@lru_cache(maxsize=4)
def _reader(guidance: Guidance) -> _HeadlineReader:
    spec = guidance.workplace
    words = [re.escape(word) for word in spec["at"] if word != "@"]
    at = re.compile(rf"(?:(?<!\S)(?:{'|'.join(words)})\s+|@\s*)(?=\S)", re.IGNORECASE)
    separators = [s for s in spec["separators"] if s != ","]
    pattern = "|".join(re.escape(s) if s.strip() == s else r"\s+" + re.escape(s.strip()) + r"\s+" for s in separators)
    return _HeadlineReader(
        at=at,
        segments=re.compile(pattern),
        cut=re.compile(pattern + r"|,"),
        roles=compile_phrases(spec["roles"]),
        max_words=spec["max_words"],
        not_names=guidance.not_company_names,
    )


def _is_name(name: str, reader: _HeadlineReader) -> bool:
    words = name.split()
    if not words or len(words) > reader.max_words or len(name) < 2:
        return False
    first = name[0]
    # A capital or a digit, or a script without case (Chinese, Thai, ...).
    starts_like_a_name = first.isupper() or first.isdigit() or (first.isalpha() and first.lower() == first.upper())
    return starts_like_a_name and name.lower() not in reader.not_names


def _only_field_words(name: str, guidance: Guidance) -> bool:
    """"Payments", "Data & Analytics": a field, not a company."""
    text = Text.of(name)
    found = {word for hits in guidance.industries.hits(text).values() for hit in hits for word in hit.split()}
    return bool(text.words) and all(word in found for word in text.words)


@dataclass(frozen=True)
class Tie:
    """A tie between the sender and the user that the sender's profile shows."""

    evidence: str  # "works at Northwind Labs, where you work"
    strength: float  # of known_relationship (rules.toml [parameters.known_relationship])


def profile_ties(me: Me | None, sender: Sender, companies: Text, profile: Text, guidance: Guidance) -> list[Tie]:
    """The sender at the user's company (now or once), or at one of the user's past employers.
    `companies`: the sender's company fields (their company, each experience's company);
    `profile`: every field of the profile, the headline among them (a first look)."""
    if me is None:
        return []
    groups = _groups(own_company(me, guidance), tuple(me.past_companies), guidance)
    if not groups or not (companies.original or sender.headline):
        return []
    ties: list[Tie] = []
    for names, where, now_strength, then_strength in groups:
        if not names.could_be_in(profile):
            continue
        now = names.find(Text.of(sender.company), names_company=True) or _in_headline(names, sender.headline, guidance)
        if now:
            ties.append(Tie(f"works at {now[0]}, {where}", now_strength))
            continue
        then = names.find(companies, names_company=True)  # the experience, since not now
        if then:
            ties.append(Tie(f"worked at {then[0]}, {where}", then_strength))
    return ties


def _in_headline(names: Terms, headline: str | None, guidance: Guidance) -> list[str]:
    """The names a headline gives as the sender's employer: the one after "at" where it says so
    ("Consultant for SAP Finance at Brückner GmbH" works at Brückner, and sells SAP), else any."""
    if not headline:
        return []
    employer = company_from_headline(headline, guidance)
    return names.find(Text.of(employer or headline), names_company=bool(employer))


@lru_cache(maxsize=64)
def _groups(own: str | None, past: tuple[str, ...], guidance: Guidance) -> tuple[tuple[Terms, str, float, float], ...]:
    """The user's company and past employers, each compiled once: the names, how evidence says
    where the user was, and the strength of a tie now and once (rules.toml)."""
    p = guidance.parameters["known_relationship"]
    groups = []
    if own:
        groups.append((terms(company_names(guidance, [own]), guidance), "where you work",
                       p["own_company_strength"], p["own_company_history_strength"]))
    if past:
        groups.append((terms(company_names(guidance, list(past)), guidance), "where you worked",
                       p["shared_employer_strength"], p["shared_employer_strength"]))
    return tuple(groups)
