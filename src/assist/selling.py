"""Selling, read by role and offer: who the sender is, what the note offers and to whom, what it
asks of the user, and whether the user's own goals ask for it.

The vocabulary is prompts/selling.toml (loaded by guidance.py); the weight of each sign and how
many it takes, rules.toml [parameters.sales_pitch]. This is the structure that combines them:

- a role: the sender's headline, company, about or current title says they sell (a sales
  development representative, an outsourcing vendor, an agency, a coach...);
- an offer: in one sentence, the sender in the first person, an offer verb, and what is offered
  or to whom ("we provide dedicated developers", "ayudamos a empresas como la tuya");
- a supply: something of a kind a vendor sells (developers, backlinks, a listing, a demo) next to
  an offer, a price, a request for the user's time or an offer to send it;
- a price, a request for the user's time, a promised result, other customers as proof, urgency,
  reassurance.

An honest purpose (an investor, a journalist, a student, an acquirer, a buyer, a candidate; a
partner, when the user's goals ask for partners) leaves only what cannot be innocent: a price or
something supplied. An offer of a kind the user's goals welcome is not selling. A favour asked of
a stranger (a referral, an introduction) counts as selling at reduced strength; from someone the
user knows it does not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .text import PhraseIndex, PhraseSet, Text, compile_phrases, quote, user_phrases

# Where a sentence ends: the marks of Latin and other scripts (those of Chinese and Japanese need no
# space after them), a line break, a semicolon.
SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)|[。！？!?\n;；]+")


@dataclass(frozen=True)
class Role:
    kind: str | None  # what such a sender sells; None: anything (a salesperson)
    label: str
    cues: PhraseSet


@dataclass(frozen=True)
class Purpose:
    name: str
    label: str
    note: PhraseSet
    profile: PhraseSet
    needs_goal: bool


@dataclass(frozen=True)
class Goal:
    cues: PhraseSet
    welcomes: frozenset[str]
    waives_price: bool


@dataclass(frozen=True)
class Welcome:
    """What the user's goals welcome: kinds of offer and role, purposes, and the kinds whose price
    is welcome too."""

    kinds: frozenset[str]
    priced: frozenset[str]


@dataclass(frozen=True)
class Finding:
    """Selling found: the strength of the flag and what it says."""

    strength: float
    evidence: str


class Vocabulary:
    """prompts/selling.toml, compiled: every set shares one index, so a text is looked up once."""

    def __init__(self, data: dict[str, Any], lexicons: dict[str, dict[str, Any]]):
        index = PhraseIndex()

        def compiled(entry: dict[str, Any], phrases: str = "phrases", patterns: str = "patterns",
                     extends: str = "extends") -> PhraseSet:
            words = list(entry.get(phrases, []))
            if extends in entry:
                words += lexicons[entry[extends]].get("phrases", [])
            return compile_phrases(words, entry.get(patterns), index=index)

        self.roles = tuple(Role(entry.get("kind"), entry["label"], compiled(entry)) for entry in data["roles"].values())
        self.offers = {kind: compiled(entry) for kind, entry in data["offers"].items()}
        self.cues = {name: compiled(entry) for name, entry in data["cues"].items()}
        self.purposes = tuple(
            Purpose(name, entry["label"], compiled(entry, "note", "note_patterns", "note_extends"),
                    compiled(entry, "profile", "profile_patterns", "profile_extends"), entry.get("needs_goal", False))
            for name, entry in data["purposes"].items())
        self.goals = {name: Goal(compiled(entry), frozenset(entry["welcomes"]), entry["waives_price"])
                      for name, entry in data["goals"].items()}
        self.favour = compiled(data["favour"])
        self.purpose_lexicons: tuple[str, ...] = tuple(data["purpose_lexicons"])

    def sets(self) -> dict[str, PhraseSet]:
        """Every compiled set by a name that says where it is in selling.toml."""
        named = {f"roles.{role.label}": role.cues for role in self.roles}
        named |= {f"offers.{kind}": cues for kind, cues in self.offers.items()}
        named |= {f"cues.{name}": cues for name, cues in self.cues.items()}
        for purpose in self.purposes:
            named |= {f"purposes.{purpose.name}.note": purpose.note, f"purposes.{purpose.name}.profile": purpose.profile}
        named |= {f"goals.{name}": goal.cues for name, goal in self.goals.items()}
        return named | {"favour": self.favour}

    @lru_cache(maxsize=64)  # the config's goals: read once
    def welcome(self, goals: tuple[str, ...]) -> Welcome:
        text = Text.of(" \n ".join(goals))
        kinds: set[str] = set()
        priced: set[str] = set()
        for goal in self.goals.values():
            if goal.cues.find_all(text):
                kinds |= goal.welcomes
                if goal.waives_price:
                    priced |= goal.welcomes
        return Welcome(frozenset(kinds), frozenset(priced))

    @lru_cache(maxsize=64)  # the user's own headline: a seller among sellers is a peer
    def own_roles(self, profile: str) -> frozenset[str]:
        text = Text.of(profile)
        return frozenset(role.label for role in self.roles if role.cues.find_all(text))

    def roles_in(self, text: Text) -> list[tuple[Role, str]]:
        return [(role, hits[0]) for role in self.roles if (hits := role.cues.find_all(text))]


@dataclass
class _Sentence:
    """What one sentence of the note does."""

    offer: bool
    supplied: list[tuple[str, str]]  # (kind, as written)
    objects: list[tuple[str, str]]
    text: str


def read(vocabulary: Vocabulary, parameters: dict[str, Any], note: Text, profile: Text, company: str | None,
         company_names: tuple[str, ...], goals: tuple[str, ...], own_profile: str, known: bool,
         purposeful: Callable[[], bool]) -> Finding | None:
    """Selling in a request, or None. `profile`: the sender's headline, company, about and current
    title; `company_names`: their company as it may be written in the note; `own_profile`: the
    user's headline and industry; `known`: the user knows the sender; `purposeful`: whether the
    note has a purpose of its own (looked at only when needed)."""
    weights = parameters["signs"]
    welcome = vocabulary.welcome(goals)
    peers = vocabulary.own_roles(own_profile)
    roles = [(role, hit) for role, hit in vocabulary.roles_in(profile) if role.label not in peers]

    signs: dict[str, list[str]] = {}
    sentences: list[_Sentence] = []
    purpose = None
    if note.original:
        cues = {name: cue.find_all(note) for name, cue in vocabulary.cues.items()}
        # A seller naming their own company in a pitch names what they sell ("how Pipewave fits").
        product = user_phrases(company_names) if roles and company_names else None
        sentences = _sentences(vocabulary, note, cues, product)
        purpose = _purpose(vocabulary, note, profile, welcome)
        signs = _signs(vocabulary, note, cues, sentences)
    kinds = {role.kind for role, _ in roles if role.kind} | {kind for s in sentences for kind, _ in s.supplied}
    kinds |= {kind for s in sentences if s.offer for kind, _ in s.objects}
    welcomed = bool(kinds) and kinds <= welcome.kinds
    if welcomed:
        # What the user's goals ask for. From a vendor the goals look for, all of it; otherwise
        # (candidates to a user who hires) the offer itself, but not a salesperson's price or pitch.
        roles = [(role, hit) for role, hit in roles if role.kind is None]
        kept = () if kinds <= welcome.priced else parameters["kept_when_welcome"]
        signs = {sign: hits for sign, hits in signs.items() if sign in kept}
    elif purpose is not None:
        signs = {sign: hits for sign, hits in signs.items() if sign in parameters["hard_signs"]}
    if roles and not (welcomed and kinds <= welcome.priced):
        signs["role"] = [hit for _, hit in roles]

    total = sum(weights[sign] for sign in signs)
    from_note = total - (weights["role"] if "role" in signs else 0.0)
    if from_note > 0 and total >= parameters["flag_at"]:
        strength = min(parameters["max_strength"], 1.0 + parameters["strength_per_sign"] * (total - parameters["flag_at"]))
        return Finding(strength, _evidence(signs, roles, company, sentences))
    if "role" in signs and purpose is None and not welcomed and not known:
        role, hit = roles[0]
        who = _who(role, hit, company)
        if not note.original:
            return Finding(parameters["role_only_strength"], f"{who}, with no note")
        if purposeful():
            return Finding(parameters["profile_only_strength"], f"profile built around selling: {who}")
        return Finding(parameters["role_only_strength"], f"{who}, with a note that gives no reason of its own: "
                                                           f"{quote(note.original, 60)}")
    if note.original and not known:
        favour = vocabulary.favour.find_all(note)
        if favour:
            return Finding(parameters["favour_strength"],
                           f"asks a stranger for a favour right away: {', '.join(map(quote, favour[:2]))}")
    return None


def _purpose(vocabulary: Vocabulary, note: Text, profile: Text, welcome: Welcome) -> str | None:
    for purpose in vocabulary.purposes:
        if purpose.needs_goal and purpose.name not in welcome.kinds:
            continue
        if purpose.note.find_all(note) or purpose.profile.find_all(profile):
            return purpose.label
    return None


def _objects(vocabulary: Vocabulary, text: Text, product: PhraseSet | None) -> list[tuple[str, str]]:
    found = [(kind, hit) for kind, cues in vocabulary.offers.items() for hit in cues.find_all(text)]
    return found + [("product", hit) for hit in product.find_all(text)] if product is not None else found


def _sentences(vocabulary: Vocabulary, note: Text, cues: dict[str, list[str]], product: PhraseSet | None) -> list[_Sentence]:
    """The sentences that offer or supply something. Looked at one by one only where the note as a
    whole holds what an offer or a supply needs."""
    objects = _objects(vocabulary, note, product)
    core = bool((cues["first_person"] and cues["offer_verbs"]) or cues["first_person_offers"])
    what = bool(objects or cues["segments"] or cues["audience"] or cues["claims"])
    enables = bool(core or cues["price"] or cues["send"] or cues["time"] or cues["audience"])
    if not ((core and what) or (objects and enables)):
        return []
    parts = [part for part in SENTENCE_END.split(note.original) if part.strip()]
    if len(parts) <= 1:
        return [_sentence(vocabulary, note, objects)]
    found = []
    for part in parts:
        text = Text.of(part)
        sentence = _sentence(vocabulary, text, _objects(vocabulary, text, product))
        if sentence.offer or sentence.supplied:
            found.append(sentence)
    return found


def _sentence(vocabulary: Vocabulary, text: Text, objects: list[tuple[str, str]]) -> _Sentence:
    cue = vocabulary.cues
    if objects and cue["seeking"].find_all(text):  # hiring: the people named are sought, not offered
        objects = [(kind, hit) for kind, hit in objects if kind != "talent"]
    core = bool((cue["first_person"].find_all(text) and cue["offer_verbs"].find_all(text))
                or cue["first_person_offers"].find_all(text))
    audience = bool(cue["audience"].find_all(text))
    offer = core and bool(objects or audience or cue["segments"].find_all(text) or cue["claims"].find_all(text))
    enabled = core or audience or bool(cue["price"].find_all(text) or cue["send"].find_all(text)
                                       or cue["time"].find_all(text))
    return _Sentence(offer, objects if enabled else [], objects, text.original)


def _signs(vocabulary: Vocabulary, note: Text, cues: dict[str, list[str]], sentences: list[_Sentence]) -> dict[str, list[str]]:
    signs: dict[str, list[str]] = {}
    offers = [s for s in sentences if s.offer]
    if offers:
        signs["offer"] = [s.text for s in offers]
    supplied = [hit for s in sentences for _, hit in s.supplied]
    if supplied:
        signs["supply"] = list(dict.fromkeys(supplied))
    price = _prices(vocabulary, note, cues)
    if price:
        signs["price"] = price
    asks = cues["time"] + cues["send"]
    if asks:
        signs["time"] = asks
    for name in ("claims", "proof", "audience", "urgency", "reassurance"):
        if cues[name]:
            signs[name] = cues[name]
    return signs


def _prices(vocabulary: Vocabulary, note: Text, cues: dict[str, list[str]]) -> list[str]:
    """The prices in the note, but not a salary: "up to $5k a month" for a job is pay, not a price."""
    if not cues["price"] or not cues["salary"]:
        return cues["price"]
    salary, price = vocabulary.cues["salary"], vocabulary.cues["price"]
    found: list[str] = []
    for part in SENTENCE_END.split(note.original):
        text = Text.of(part)
        if part.strip() and not salary.find_all(text):
            found += price.find_all(text)
    return found


def _who(role: Role, hit: str, company: str | None) -> str:
    at = f" at {company}" if company and company.casefold() not in hit.casefold() else ""
    return f"{role.label}{at} ({quote(hit, 50)})"


def _evidence(signs: dict[str, list[str]], roles: list[tuple[Role, str]], company: str | None,
              sentences: list[_Sentence]) -> str:
    """What the sender sells and to whom: "a salesperson at Nordlane ("Business Development
    Manager") offers "developers" at "$22/hour", and asks for your time: "Can I send you"."""
    who = _who(*roles[0], company) if "role" in signs and roles else "the sender"
    parts: list[str] = []
    if "supply" in signs:
        parts.append(f"offers {_listed(signs['supply'])}")
    elif "offer" in signs:
        parts.append(f"offers their services: {quote(signs['offer'][0], 70)}")
    if "audience" in signs:
        parts.append(f"to {_listed(signs['audience'], 1)}")
    if "price" in signs:
        parts.append(f"at {_listed(signs['price'], 1)}")
    if "claims" in signs:
        parts.append(f"promising {_listed(signs['claims'], 1)}")
    for name, said in (("proof", "citing"), ("urgency", "pressing"), ("reassurance", "reassuring")):
        if name in signs:
            parts.append(f"{said} {_listed(signs[name], 1)}")
    if "time" in signs:
        parts.append(f"and asks for your time: {_listed(signs['time'], 2)}")
    return f"{who} {', '.join(parts)}" if parts else who


def _listed(hits: Iterable[str], most: int = 2) -> str:
    return ", ".join(quote(hit, 50) for hit in list(dict.fromkeys(hits))[:most])
