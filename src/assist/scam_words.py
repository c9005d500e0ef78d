"""prompts/scams.toml compiled: every word list of the signs of a scam, matched in one pass.

The lists are data (what a sender might write, in many languages); scams.py is the structure that
combines them (an ask verb near what it asks for, aimed at the reader, not denied). This module
only turns the lists into one index a text is looked up in once, and knows which list each hit
belongs to.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .alternatives import Alternatives
from .text import fold, has_diacritics, normalize

# Scripts written without spaces between words (Han, kana, Thai), and Hangul, whose words carry
# their particles ("카카오톡으로"): their entries are matched as substrings.
UNSPACED = re.compile("[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
WORD_RUN = re.compile(r"\w+")
# A list of words may end or begin entries with "*" (any word that starts or ends so) only when
# it is a helper list: verbs, markers, qualifiers. The lists that can raise a sign on their own
# are looked for in a text first, by its words: exact words only.
AFFIX_MIN = 3


class VocabularyError(ValueError):
    """prompts/scams.toml holds something the reader cannot use (raised as a GuidanceError)."""


@dataclass(frozen=True)
class Hit:
    """Where a list's entry stands in a text: tokens [start, end) and characters [cstart, cend)."""

    list_id: int
    start: int
    end: int
    cstart: int
    cend: int
    unspaced: bool = False  # a substring of a script without spaces: measured in characters


class Lexicon:
    """Every list, indexed by first word (and by the first or last three letters of an affix)."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.exact: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        self.plain_exact: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        self.prefix: dict[str, list[tuple[str, int]]] = {}
        self.suffix: dict[str, list[tuple[str, int]]] = {}
        self.substrings: list[tuple[str, int]] = []
        self.longest = 1  # words in the longest entry
        # What makes a text worth reading closely: a word (or substring) of a list that can
        # raise a sign on its own.
        self.first_words: set[str] = set()
        self.first_substrings: list[str] = []

    def add(self, name: str, entries: Iterable[str], *, affixes: bool, first_look: bool) -> int:
        list_id = len(self.names)
        self.names.append(name)
        for entry in entries:
            self._add(name, entry, list_id, affixes, first_look)
        for index in (self.exact, self.plain_exact):
            for group in index.values():
                group.sort(key=lambda item: -len(item[0]))
        return list_id

    def _add(self, name: str, entry: str, list_id: int, affixes: bool, first_look: bool) -> None:
        text = normalize(entry).strip()
        if not text:
            return
        if UNSPACED.search(text):
            self.substrings.append((text, list_id))
            if first_look:
                self.first_substrings.append(text)
            return
        if text.startswith("*") or text.endswith("*"):
            affix = text.strip("*")
            if not affixes:
                raise VocabularyError(f"scams.toml: {name}: {entry!r}: this list takes whole words only")
            if len(affix) < AFFIX_MIN or not WORD_RUN.fullmatch(affix):
                raise VocabularyError(f"scams.toml: {name}: {entry!r}: an affix is one word of {AFFIX_MIN} letters or more")
            forms = {affix, fold(affix)}
            for form in forms:
                if text.endswith("*"):
                    self.prefix.setdefault(form[:AFFIX_MIN], []).append((form, list_id))
                else:
                    self.suffix.setdefault(form[-AFFIX_MIN:], []).append((form, list_id))
            return
        words = tuple(WORD_RUN.findall(text))
        if not words:
            return
        self.exact.setdefault(words[0], []).append((words, list_id))
        self.longest = max(self.longest, len(words))
        if first_look:
            self.first_words.add(words[0])
        if has_diacritics(text):  # also typed without diacritics, read in text that has none
            plain = tuple(WORD_RUN.findall(fold(text)))
            self.plain_exact.setdefault(plain[0], []).append((plain, list_id))
            if first_look:
                self.first_words.add(plain[0])

    def scan(self, tokens: list[str], starts: list[int], ends: list[int], normalized: str, plain: bool) -> dict[int, list[Hit]]:
        """Every entry of every list in the text, by list."""
        found: dict[int, list[Hit]] = {}
        exact, plain_exact, prefix, suffix = self.exact, self.plain_exact, self.prefix, self.suffix
        count = len(tokens)
        for index, token in enumerate(tokens):
            for index_ in ((exact, plain_exact) if plain else (exact,)):
                group = index_.get(token)
                if group is None:
                    continue
                for words, list_id in group:
                    end = index + len(words)
                    if end <= count and (len(words) == 1 or tuple(tokens[index:end]) == words):
                        found.setdefault(list_id, []).append(Hit(list_id, index, end, starts[index], ends[end - 1]))
            if len(token) >= AFFIX_MIN:
                for affix, list_id in prefix.get(token[:AFFIX_MIN], ()):
                    if token.startswith(affix):
                        found.setdefault(list_id, []).append(Hit(list_id, index, index + 1, starts[index], ends[index]))
                for affix, list_id in suffix.get(token[-AFFIX_MIN:], ()):
                    if token.endswith(affix) and token != affix:
                        found.setdefault(list_id, []).append(Hit(list_id, index, index + 1, starts[index], ends[index]))
        if self.substrings and UNSPACED.search(normalized):
            for substring, list_id in self.substrings:
                position = normalized.find(substring)
                while position >= 0:
                    token = max(0, bisect_right(starts, position) - 1)
                    found.setdefault(list_id, []).append(Hit(list_id, token, token + 1, position, position + len(substring), True))
                    position = normalized.find(substring, position + len(substring))
        return found


# What each list of a kind is for, read by scams.py. A list not named here is a typo.
KIND_LISTS = {
    "objects": "asked for: an ask verb near it, aimed at the reader",
    "requests": "a request in itself",
    "verbs": "this kind's verbs, besides [ask] verbs",
    "offers": "promised: with the reader, or a `strong` qualifier, close by",
    "standalone": "a sign alone",
    "strong": "a qualifier that makes a sign of this kind unambiguous",
    "when_aimed": "a sign in a clause aimed at the reader",
    "accounts": "the reader's account, in a notice",
    "threats": "what a notice threatens the account with",
    "brand": "a name a sender may speak for",
    "teams": "the staff who would speak for it",
    "favours": "a favour asked by message",
    "easy": "easy work",
    "tasks": "paid micro-tasks",
    "pay": "pay for tasks",
}
KIND_PATTERNS = ("patterns", "aimed_patterns", "rates")
LINK_LISTS = ("brands", "real", "shorteners", "lures", "hosts")
# The lists that raise a sign without another list's word beside them: a text with none of their
# words (nor a pattern that could match) is not read further.
FIRST_LOOK = frozenset({"objects", "requests", "offers", "standalone", "when_aimed", "accounts", "brand", "favours",
                        "easy", "tasks"})
HELPERS = frozenset({"verbs", "strong", "threats", "teams", "pay"})
ALONE = ("report", "unclear", "none")


@dataclass(frozen=True)
class Kind:
    name: str
    says: str
    alone: str  # what one sign of this kind does alone, when not strong: report, unclear, none
    criteria: tuple[str, ...]
    lists: dict[str, int]  # KIND_LISTS key -> list id in the lexicon
    patterns: dict[str, Alternatives]  # KIND_PATTERNS key -> its regexes
    amounts: bool = False  # an amount of money counts as what is asked for
    link: dict[str, tuple[str, ...]] = field(default_factory=dict)  # LINK_LISTS, for the kind that reads links


class SignVocabulary:
    """scams.toml: the reader's lists, the ask verbs, amounts, and each kind of sign."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.lexicon = Lexicon()
        reader = data["reader"]
        self.tables = {"reader": reader, "ask": data["ask"], "amounts": data["amounts"],
                       **{f"kinds.{name}": kind for name, kind in data["kinds"].items()}}
        lex = self.lexicon
        self.you = lex.add("reader.you", reader["you"], affixes=False, first_look=False)
        self.please = lex.add("reader.please", reader["please"], affixes=False, first_look=False)
        self.particles = lex.add("reader.particles", reader["particles"], affixes=False, first_look=False)
        self.pronouns = frozenset(normalize(word) for word in reader["pronouns"])
        self.pronoun_endings = tuple(normalize(word) for word in reader["pronoun_endings"])
        self.fillers = frozenset(normalize(word) for word in reader["fillers"])
        self.negations = lex.add("reader.negations", reader["negations"], affixes=False, first_look=False)
        self.self_subjects = lex.add("reader.self_subjects", reader["self_subjects"], affixes=False, first_look=False)
        self.self_verbs = lex.add("reader.self_verbs", reader["self_verbs"], affixes=True, first_look=False)
        self.self_phrases = lex.add("reader.self_phrases", reader["self_phrases"], affixes=False, first_look=False)
        self.receives = frozenset(normalize(word) for word in reader["receives"])
        self.ask = lex.add("ask.verbs", data["ask"]["verbs"], affixes=True, first_look=False)
        self.amounts = Alternatives(data["amounts"]["patterns"])
        self.kinds: dict[str, Kind] = {}
        for name, table in data["kinds"].items():
            self.kinds[name] = self._kind(name, table)
        self.verb_lists = frozenset([self.ask, *(kind.lists["verbs"] for kind in self.kinds.values() if "verbs" in kind.lists)])

    def _kind(self, name: str, table: dict[str, Any]) -> Kind:
        known = {"criteria", "criterion", "says", "alone", "amounts", *KIND_LISTS, *KIND_PATTERNS, *LINK_LISTS}
        unknown = sorted(set(table) - known)
        if unknown:
            raise VocabularyError(f"scams.toml: [kinds.{name}] has lists the reader does not know: {', '.join(unknown)}")
        if table.get("alone") not in ALONE:
            raise VocabularyError(f"scams.toml: [kinds.{name}] alone = {table.get('alone')!r}: one of {', '.join(ALONE)}")
        lists = {key: self.lexicon.add(f"kinds.{name}.{key}", table[key], affixes=key in HELPERS,
                                       first_look=key in FIRST_LOOK)
                 for key in KIND_LISTS if key in table}
        patterns = {key: Alternatives(table[key]) for key in KIND_PATTERNS if key in table}
        link = {key: tuple(normalize(entry) for entry in table[key]) for key in LINK_LISTS if key in table}
        criteria = tuple(table.get("criteria", [])) + ((table["criterion"],) if "criterion" in table else ())
        return Kind(name=name, says=table["says"], alone=table["alone"], criteria=criteria, lists=lists,
                    patterns=patterns, amounts=bool(table.get("amounts")), link=link)
