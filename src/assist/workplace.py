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

from . import evidence as wording
from .config import Me
from .guidance import Guidance
from .models import Sender
from .terms import Terms, company_names, terms
from .text import Text, compile_phrases, normalize

WORDS = re.compile(r"\w+")
# Scripts written without spaces (Han, kana, Thai) and Hangul: a department's name is a part of a word there.
UNSPACED = re.compile("[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


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
class _Departments:
    entries: dict[str, tuple[tuple[str, ...], ...]]  # first word -> entries that start with it, longest first
    substrings: tuple[str, ...]  # entries in a script without spaces, longest first
    glue: frozenset[str]


@lru_cache(maxsize=4)
def _departments(guidance: Guidance) -> _Departments:
    spec = guidance.workplace
    entries: dict[str, list[tuple[str, ...]]] = {}
    substrings: list[str] = []
    for entry in spec.get("departments", []):
        text = normalize(entry)
        if UNSPACED.search(text) and " " not in text.strip():
            substrings.append(text.strip())
        words = tuple(WORDS.findall(text))
        if words:
            entries.setdefault(words[0], []).append(words)
    return _Departments({first: tuple(sorted(group, key=len, reverse=True)) for first, group in entries.items()},
                        tuple(sorted(substrings, key=len, reverse=True)),
                        frozenset(word for entry in spec.get("department_glue", []) for word in WORDS.findall(normalize(entry))))


@lru_cache(maxsize=4096)
def role_account(name: str | None, company: str | None, own: str | None, guidance: Guidance) -> bool:
    """The name is a department or a service, not a person: every word of it is a department's
    (signals.toml [workplace] departments), a company's (theirs, or the user's own), or a small
    word between, and at least one is a department's. A name that is only the user's company is a
    company page: no person either."""
    if not name or not name.strip():
        return False
    words = WORDS.findall(normalize(name))
    if not words:
        return False
    companies = {word for written in filter(None, (company, own)) for word in WORDS.findall(normalize(written))}
    own_words = set(WORDS.findall(normalize(own))) if own else set()
    departments = _departments(guidance)
    index, department = 0, False
    while index < len(words):
        word = words[index]
        entry = next((entry for entry in departments.entries.get(word, ())
                      if tuple(words[index:index + len(entry)]) == entry), None)
        if entry is not None:
            index, department = index + len(entry), True
            continue
        if word in departments.glue or word in companies:
            index += 1
            continue
        if UNSPACED.search(word):
            rest = word
            for part in departments.substrings:
                rest = rest.replace(part, "")
            if not rest:
                index, department = index + 1, True
                continue
        return False
    return department or bool(own_words) and set(words) <= own_words | departments.glue


def impersonated_employer(me: Me | None, sender: Sender, guidance: Guidance) -> str | None:
    """The user's company, where a sender whose name is a department or a service of it ("IT
    Helpdesk" of "Northwind Labs IT Service Desk") presents as part of it: the employer's voice
    borrowed, since a colleague is a person."""
    own = own_company(me, guidance)
    if not own or not role_account(sender.name, sender.company, own, guidance):
        return None
    names = terms(company_names(guidance, [own]), guidance)
    found = names.find(Text.of(sender.company), names_company=True) or _in_headline(names, sender.headline, guidance) \
        or names.find(Text.of(sender.name), names_company=True)
    return found[0] if found else None


@dataclass(frozen=True)
class Tie:
    """A tie between the sender and the user that the sender's profile shows."""

    evidence: str  # "works at Northwind Labs, where you work" (evidence.py)
    strength: float  # of known_relationship (rules.toml [parameters.known_relationship])
    colleague: bool = False  # works where the user works now


def profile_ties(me: Me | None, sender: Sender, companies: Text, profile: Text, guidance: Guidance) -> list[Tie]:
    """The sender at the user's company (now or once), or at one of the user's past employers.
    `companies`: the sender's company fields (their company, each experience's company);
    `profile`: every field of the profile, the headline among them (a first look)."""
    if me is None:
        return []
    own = own_company(me, guidance)
    groups = _groups(own, tuple(me.past_companies), guidance)
    if not groups or not (companies.original or sender.headline):
        return []
    if role_account(sender.name, sender.company, own, guidance):
        return []  # a department or a service, no colleague: a colleague is a person
    ties: list[Tie] = []
    for names, (now_said, then_said), now_strength, then_strength in groups:
        if not names.could_be_in(profile):
            continue
        now = names.find(Text.of(sender.company), names_company=True) or _in_headline(names, sender.headline, guidance, sender.company)
        if now:
            ties.append(Tie(now_said.format(company=now[0]), now_strength, colleague=now_said is wording.WORKS_WHERE_YOU_WORK))
            continue
        then = names.find(companies, names_company=True)  # the experience, since not now
        if then:
            ties.append(Tie(then_said.format(company=then[0]), then_strength))
    return ties


def _in_headline(names: Terms, headline: str | None, guidance: Guidance, company: str | None = None) -> list[str]:
    """The names a headline gives as the sender's employer: the one after "at" where it says so
    ("Consultant for SAP Finance at Brückner GmbH" works at Brückner, and sells SAP), else any, but
    where the profile names an employer of its own ("Tech hiring for Stripe, Grab" at Apex Talent:
    companies worked for, not at)."""
    if not headline:
        return []
    employer = company_from_headline(headline, guidance)
    if employer is None and company and company.strip():
        return []
    return names.find(Text.of(employer or headline), names_company=bool(employer))


@lru_cache(maxsize=64)
def _groups(own: str | None, past: tuple[str, ...], guidance: Guidance) -> tuple[tuple[Terms, tuple[wording.Template, wording.Template], float, float], ...]:
    """The user's company and past employers, each compiled once: the names, how evidence says
    where the user was, and the strength of a tie now and once (rules.toml)."""
    p = guidance.parameters["known_relationship"]
    groups = []
    if own:
        groups.append((terms(company_names(guidance, [own]), guidance), (wording.WORKS_WHERE_YOU_WORK, wording.WORKED_WHERE_YOU_WORK),
                       p["own_company_strength"], p["own_company_history_strength"]))
    if past:
        groups.append((terms(company_names(guidance, list(past)), guidance), (wording.WORKS_WHERE_YOU_WORKED, wording.WORKED_WHERE_YOU_WORKED),
                       p["shared_employer_strength"], p["shared_employer_strength"]))
    return tuple(groups)
