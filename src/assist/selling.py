"""Selling, read by role and offer: who the sender is, what the note offers and to whom, what it
asks of the user, and whether the user's own goals ask for it.

The vocabulary is prompts/selling.toml (loaded by guidance.py); the weight of each sign and how
many it takes, rules.toml [parameters.sales_pitch]. This is the structure that combines them:

- a role: the sender's headline, company or current title says they sell (a sales
  development representative, an outsourcing vendor, an agency, a coach...);
- an offer: in one sentence, the sender in the first person, an offer verb, and what is offered
  or to whom ("we provide dedicated developers", "ayudamos a empresas como la tuya"); or a verb of
  work and a customer ("we build backlinks for SaaS brands", not "I'm building our ledger");
- a supply: something of a kind a vendor sells (developers, backlinks, a listing, a demo) next to
  an offer, a price, an offer to send it, or the user as a customer ("teams like yours");
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

from . import evidence as wording
from .cues import Cue, CueBook, written
from .text import PhraseSet, Text, once, quote, user_phrases

# Where a sentence ends: the marks of Latin and other scripts (those of Chinese and Japanese need no
# space after them), a line break, a semicolon.
SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)|[。！？!?\n;；]+")
# Portuguese "eu" (I) as written: lower case, or capitalised at a sentence's start; "EU" alone is the Union.
EU_WORD = re.compile(r"\b[Ee]u\b")


@dataclass(frozen=True)
class Role:
    kind: str | None  # what such a sender sells; None: anything (a salesperson)
    label: str
    cues: Cue


@dataclass(frozen=True)
class Purpose:
    name: str
    label: str
    note: Cue
    profile: Cue
    needs_goal: bool
    # Who the sender is (an investor, a journalist, a student), which a seller's profile says they
    # are not: from a sender whose profile sells, only the profile's word for it counts.
    identity: bool = False


@dataclass(frozen=True)
class Goal:
    cues: Cue
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
    # What was found: "offer" (the note sells), "role" (a seller's profile, and a note that says
    # nothing of its own, or none), "favour" (a favour asked of a stranger: a referral, an introduction)
    kind: str = "offer"


class Vocabulary:
    """prompts/selling.toml, compiled: every set in one book of cues, so a text is looked up once
    for all of them (cues.py)."""

    def __init__(self, data: dict[str, Any], lexicons: dict[str, dict[str, Any]]):
        self.book = CueBook(frozenset(data.get("not_folded", ())))

        def compiled(entry: dict[str, Any], phrases: str = "phrases", patterns: str = "patterns",
                     extends: str = "extends") -> Cue:
            words = list(entry.get(phrases, []))
            if extends in entry:
                words += lexicons[entry[extends]].get("phrases", [])
            return self.book.cue(words, entry.get(patterns, []))

        self.roles = tuple(Role(entry.get("kind"), entry["label"], compiled(entry)) for entry in data["roles"].values())
        self.offers = {kind: compiled(entry) for kind, entry in data["offers"].items()}
        self.cues = {name: compiled(entry) for name, entry in data["cues"].items()}
        self.purposes = tuple(
            Purpose(name, entry["label"], compiled(entry, "note", "note_patterns", "note_extends"),
                    compiled(entry, "profile", "profile_patterns", "profile_extends"), entry.get("needs_goal", False),
                    entry.get("identity", False))
            for name, entry in data["purposes"].items())
        self.goals = {name: Goal(compiled(entry), frozenset(entry["welcomes"]), entry["waives_price"])
                      for name, entry in data["goals"].items()}
        self.favour = compiled(data["favour"])
        # A request put to the reader, what only a favour asks for, thanks for one already done.
        # Candidates asked for: a hiring need, not a favour for the sender.
        self.favour_ask, self.favour_object, self.favour_thanks, self.favour_hiring = (
            compiled(data["favour"][part]) for part in ("ask", "object", "thanks", "hiring"))
        self.favour_parts = frozenset(cue.number for cue in (self.favour, self.favour_ask, self.favour_object,
                                                             self.favour_thanks, self.favour_hiring))
        self.purpose_lexicons: tuple[str, ...] = tuple(data["purpose_lexicons"])
        self.sought = frozenset(data["sought"])
        self.offered_alone = frozenset(data.get("offered_alone", ()))
        self.numbers = {name: cue.number for name, cue in self.cues.items()}  # what a reading asks for
        self.kind_of = {cue.number: kind for kind, cue in self.offers.items()}
        # What is read sentence by sentence: an offer's parts, a supply's, a price and pay.
        self.in_sentences = frozenset([*self.numbers.values(), *self.kind_of])
        # A note with none of these and a sender with no seller's role sells nothing: no more to read.
        self.gate = frozenset([*(self.numbers[name] for name in ("price", "time", "send", "claims", "proof", "audience",
                                                                 "urgency", "reassurance")),
                               *self.kind_of, self.favour.number, self.favour_object.number])

    @lru_cache(maxsize=64)  # the config's goals: read once
    def welcome(self, goals: tuple[str, ...]) -> Welcome:
        text = Text.of(" \n ".join(goals))
        kinds: set[str] = set()
        priced: set[str] = set()
        for goal in self.goals.values():
            if goal.cues.present(text):
                kinds |= goal.welcomes
                if goal.waives_price:
                    priced |= goal.welcomes
        return Welcome(frozenset(kinds), frozenset(priced))

    @lru_cache(maxsize=64)  # the user's own headline: a seller among sellers is a peer
    def own_roles(self, profile: str) -> frozenset[str]:
        text = Text.of(profile)
        return frozenset(role.label for role in self.roles if role.cues.find_all(text))

    def roles_in(self, found: frozenset[int], text: Text) -> list[tuple[Role, str]]:
        """The roles a text shows (`found`: the cues it holds)."""
        return [(role, written(role.cues.find_all(text)[0], text.original)) for role in self.roles
                if role.cues.number in found]


def read(vocabulary: Vocabulary, parameters: dict[str, Any], note: Text, profile: Text, company: str | None,
         company_names: tuple[str, ...], goals: tuple[str, ...], own_profile: str, known: Callable[[], bool],
         purposeful: Callable[[], bool]) -> Finding | None:
    """Selling in a request, or None. `profile`: who the sender is now (headline, company, current
    title: not a past job); `company_names`: their company as it may be written in the note;
    `own_profile`: the user's headline and industry; `known`: whether the user knows the sender;
    `purposeful`: whether the note has a purpose of its own (both looked at only when needed)."""
    peers = vocabulary.own_roles(own_profile)
    now = vocabulary.book.present(profile)
    roles = [(role, hit) for role, hit in vocabulary.roles_in(now, profile) if role.label not in peers]
    if not roles and (not note.original or vocabulary.book.present(note).isdisjoint(vocabulary.gate)):
        return None
    weights = parameters["signs"]
    welcome = vocabulary.welcome(goals)
    kinds = {role.kind for role in (role for role, _ in roles) if role.kind}
    signs: set[str] = set()
    purpose = None
    reading = None
    if note.original:
        reading = _Reading(vocabulary, note, company_names, seller=bool(roles))
        signs = reading.signs()
        may_offer, may_supply, offered = reading.may_offer()

        def most(counted) -> float:  # what the signs could weigh at most, the sentences' included
            return (sum(weights[sign] for sign in signs if sign in counted) + (weights["role"] if roles else 0.0)
                    + (weights["offer"] if may_offer and "offer" in counted else 0.0)
                    + (weights["supply"] if may_supply and "supply" in counted else 0.0))

        if not roles and most(weights) < parameters["flag_at"]:
            return _favour(vocabulary, parameters, note, known)  # nothing else could be selling
        purpose = _purpose(vocabulary, reading.found, now, welcome, seller=bool(roles))
        # The sentences are read one by one only where they could matter.
        if most(parameters["hard_signs"] if purpose is not None else weights) >= parameters["flag_at"]:
            signs |= reading.offers()
            kinds |= reading.kinds
        else:
            kinds |= offered
    welcomed = bool(kinds) and kinds <= welcome.kinds
    if welcomed:
        # What the user's goals ask for. From a vendor the goals look for, all of it; otherwise
        # (candidates to a user who hires) the offer itself, but not a salesperson's price or pitch.
        roles = [(role, hit) for role, hit in roles if role.kind is None]
        kept = set(() if kinds <= welcome.priced else parameters["kept_when_welcome"])
        signs &= kept
        if "price" in signs:
            signs.add("supply")  # what the goals welcome, sold at a price they do not: a sale
    elif purpose is not None:
        signs &= set(parameters["hard_signs"])
    if roles and not (welcomed and kinds <= welcome.priced):
        signs.add("role")

    total = sum(weights[sign] for sign in signs)
    from_note = total - (weights["role"] if "role" in signs else 0.0)
    if reading is not None and from_note > 0 and total >= parameters["flag_at"]:
        strength = min(parameters["max_strength"], 1.0 + parameters["strength_per_sign"] * (total - parameters["flag_at"]))
        # No seller by role, and the note asks a favour for the sender: what reads as an offer is
        # what the favour is for ("raising funds for my bootcamp fees" sells no bootcamp).
        favour = None if roles else _favour(vocabulary, parameters, note, known)
        if favour is not None:
            return Finding(max(strength, favour.strength), favour.evidence, kind=favour.kind)
        return Finding(strength, _evidence(reading, signs, roles, company))
    if "role" in signs and purpose is None and not welcomed and not known():
        role, hit = roles[0]
        who = _who(role, hit, company)
        if not note.original:
            return Finding(parameters["role_only_strength"], wording.NO_NOTE_SELLER.format(seller=who), kind="role")
        if purposeful():
            return Finding(parameters["profile_only_strength"], wording.SELLING_PROFILE.format(seller=who), kind="role")
        return Finding(parameters["role_only_strength"], wording.NO_REASON.format(seller=who, said=quote(note.original, 60)),
                       kind="role")
    return _favour(vocabulary, parameters, note, known) if note.original else None


def _favour(vocabulary: Vocabulary, parameters: dict[str, Any], note: Text, known: Callable[[], bool]) -> Finding | None:
    """A favour asked right away (a referral, a job at the reader's company, money), of a stranger:
    in one sentence, a favour that says it is for the sender, or a request put to the reader beside
    what only a favour asks for; not in a sentence that thanks for one already done, nor in one that
    asks for candidates to hire (a hiring need)."""
    found = vocabulary.book.present(note)
    favour, ask, wanted, thanks, hiring = (vocabulary.favour.number, vocabulary.favour_ask.number,
                                           vocabulary.favour_object.number, vocabulary.favour_thanks.number,
                                           vocabulary.favour_hiring.number)
    if not (favour in found or (ask in found and wanted in found)):
        return None  # nothing in the note could be one: no sentence is read
    asked = [sentence for sentence in vocabulary.book.by_sentence(note, SENTENCE_END, vocabulary.favour_parts)
             if (favour in sentence or (ask in sentence and wanted in sentence))
             and thanks not in sentence and hiring not in sentence]
    if not asked or known():
        return None
    hits = vocabulary.favour.find_all(note) if any(favour in sentence for sentence in asked) else []
    hits = hits or vocabulary.favour_object.find_all(note)
    return Finding(parameters["favour_strength"],
                   wording.FAVOUR.format(said=_listed(hits, note.original)), kind="favour")


def _purpose(vocabulary: Vocabulary, note: frozenset[int], profile: frozenset[int], welcome: Welcome,
             seller: bool = False) -> str | None:
    """An honest reason to write, in the note or the profile (the cues each holds). `seller`: the
    profile names a seller's role; then an identity the note claims ("j'écris pour des CEO" from
    a ghostwriter) is not taken from the note."""
    for purpose in vocabulary.purposes:
        if purpose.needs_goal and purpose.name not in welcome.kinds:
            continue
        if (purpose.note.number in note and not (seller and purpose.identity)) or purpose.profile.number in profile:
            return purpose.label
    return None


class _Reading:
    """One note: which cues it holds (one look, cues.py), and sentence by sentence, what it offers."""

    def __init__(self, vocabulary: Vocabulary, note: Text, company_names: tuple[str, ...], seller: bool):
        self.vocabulary = vocabulary
        self.note = note
        self.found = vocabulary.book.present(note)
        self.cue = vocabulary.numbers
        # The sender's company, named in the note: the sender speaking ("StaffNest supplies..."),
        # and, from a seller, what they sell ("how Pipewave fits"). Counted after the book's sets.
        self.company_names = company_names
        self.seller = seller
        self.eu_is_union = "EU" in note.original and EU_WORD.search(note.original) is None
        self.company_number = vocabulary.book.size
        self.objects = vocabulary.kind_of
        self.kinds: set[str] = set()
        self.offered_in: list[str] = []  # the sentences that offer, as read
        self.supplied: set[str] = set()
        self._sentences: list[set[int]] | None = None

    @once
    def company(self) -> PhraseSet | None:
        return user_phrases(self.company_names) if self.company_names else None

    def has(self, name: str) -> bool:
        return self.cue[name] in self.found

    def first_person(self, found: set[int] | frozenset[int]) -> bool:
        """A first person among `found`; Portuguese "eu" only where the note writes it as a word,
        not only as "EU", the European Union."""
        return self.cue["first_person"] in found or (self.cue["first_person_eu"] in found and not self.eu_is_union)

    def signs(self) -> set[str]:
        """The signs the note shows as a whole."""
        signs = {name for name in ("claims", "proof", "audience", "urgency", "reassurance") if self.has(name)}
        if self.has("time") or self.has("send"):
            signs.add("time")
        if self.has("price") and (not (self.has("salary") or self.has("no_price")) or any(
                self.cue["price"] in sentence and self.cue["salary"] not in sentence and self.cue["no_price"] not in sentence
                for sentence in self.sentences())):
            signs.add("price")  # a price, not pay for a job ("salary up to $5k") nor a fee denied ("no fees")
        if self.has("salary_fee"):
            signs.add("price")  # an agency's fee as a share of the hire's salary
        return signs

    def may_offer(self) -> tuple[bool, bool, set[str]]:
        """Whether the note as a whole holds what an offer and a supply need, and what it could offer."""
        offered = {kind for number, kind in self.objects.items() if number in self.found}
        # The company's name, looked for only where it could change something: a seller's, or a
        # note with no first person of its own.
        names = (self.company.find_all(self.note) if self.company_names and (self.seller or not self.first_person(self.found))
                 else [])
        if names and self.seller:
            offered.add("product")
        first = self.first_person(self.found) or bool(names)
        core = (first and self.has("offer_verbs")) or self.has("first_person_offers")
        customer = self.has("audience") or self.has("segments")
        may_offer = (core and bool(offered or customer or self.has("claims"))) or (
            first and self.has("work_verbs") and (customer or self.has("claims")))
        may_supply = bool(offered) and (may_offer or self.has("audience") or self.has("price") or self.has("send")
                                        or bool(offered & self.vocabulary.offered_alone))
        return may_offer, may_supply, offered if may_offer or may_supply else set()

    def sentences(self) -> list[set[int]]:
        if self._sentences is None:
            extra = (self.company,) if self.company is not None else ()
            self._sentences = self.vocabulary.book.by_sentence(self.note, SENTENCE_END, self.vocabulary.in_sentences, *extra)
        return self._sentences

    def offers(self) -> set[str]:
        """Sentence by sentence: an offer is the first person, an offer verb and what or to whom;
        a supply, something of a kind a vendor sells next to an offer, a price or a request."""
        cue = self.cue
        signs: set[str] = set()
        for index, sentence in enumerate(self.sentences()):
            objects = {kind for number, kind in self.objects.items() if number in sentence}
            speaking = self.company_number in sentence
            if speaking and self.seller:
                objects.add("product")
            if cue["seeking"] in sentence:  # hiring: the people named are sought, not offered
                objects -= self.vocabulary.sought
            first = self.first_person(sentence) or speaking
            core = (first and cue["offer_verbs"] in sentence) or cue["first_person_offers"] in sentence
            audience = cue["audience"] in sentence
            customer = audience or cue["segments"] in sentence
            claims = cue["claims"] in sentence
            offer = (core and bool(objects or customer or claims)) or (
                first and cue["work_verbs"] in sentence and (customer or claims))
            if offer:
                signs.add("offer")
                self.offered_in.append(self._sentence(index))
                self.kinds |= objects
            priced = cue["price"] in sentence and cue["no_price"] not in sentence
            if objects and (offer or audience or priced or cue["send"] in sentence
                            or objects & self.vocabulary.offered_alone):
                signs.add("supply")
                self.supplied |= objects
                self.kinds |= objects
        return signs

    def _sentence(self, index: int) -> str:
        normalized = self.note.normalized
        cuts = [0, *(match.end() for match in SENTENCE_END.finditer(normalized)), len(normalized)]
        return normalized[cuts[index]:cuts[index + 1]].strip()

    def hits(self, name: str) -> list[str]:
        return self.vocabulary.cues[name].find_all(self.note)

    def supplied_as_written(self) -> list[str]:
        found = [hit for kind, cue in self.vocabulary.offers.items() if kind in self.supplied for hit in cue.find_all(self.note)]
        if "product" in self.supplied and self.company is not None:
            found += self.company.find_all(self.note)
        return found


def _who(role: Role, hit: str, company: str | None) -> str:
    if company and company.casefold() not in hit.casefold():
        return wording.SELLER_AT.format(role=role.label, company=company, said=quote(hit, 50))
    return wording.SELLER.format(role=role.label, said=quote(hit, 50))


def _evidence(reading: _Reading, signs: set[str], roles: list[tuple[Role, str]], company: str | None) -> str:
    """What the sender sells and to whom: "a salesperson at Nordlane ("Business Development
    Manager") offers "developers", at "$22/hour", and asks for your time: "Can I send you"."""
    original = reading.note.original
    who = _who(*roles[0], company) if "role" in signs and roles else wording.THE_SENDER.format()
    parts: list[tuple[str, str]] = []  # (what the sender does: evidence.FIRST's key, the words)
    if "supply" in signs:
        parts.append(("supply", _listed(reading.supplied_as_written(), original)))
    elif "offer" in signs and reading.offered_in:
        parts.append(("offer", quote(reading.offered_in[0], 70)))
    for name in ("audience", "price", "claims", "proof", "urgency", "reassurance"):
        if name in signs:
            parts.append((name, _listed(reading.hits(name), original, 1)))
    if "time" in signs:
        parts.append(("time", _listed(reading.hits('time') + reading.hits('send'), original, 2)))
    parts = [(name, words) for name, words in parts if words]  # a sign whose words were not found says nothing
    if not parts:
        return who
    (first, words), *rest = parts
    return ", ".join([wording.FIRST[first].format(seller=who, said=words),
                      *(wording.THEN[name].format(said=words) for name, words in rest)])


def _listed(hits: Iterable[str], original: str, most: int = 2) -> str:
    return ", ".join(quote(written(hit, original), 50) for hit in list(dict.fromkeys(hits))[:most])
