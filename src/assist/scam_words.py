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
from typing import Any, NamedTuple

from .alternatives import Alternatives
from .text import ENGLISH_WORDS, VIETNAMESE_PLAIN_WORDS, as_read, detect_language, fold, has_diacritics, normalize

# Scripts written without spaces between words (Han, kana, Thai), and Hangul, whose words carry
# their particles ("카카오톡으로"): their entries are matched as substrings.
UNSPACED = re.compile("[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
WORD_RUN = re.compile(r"\w+")
DIGIT = re.compile(r"\d")
PERCENT_SIGN = re.compile("%")
# A list of words may end or begin entries with "*" (any word that starts or ends so) only when
# it is a helper list: verbs, markers, qualifiers. The lists that can raise a sign on their own
# are looked for in a text first, by its words: exact words only.
AFFIX_MIN = 3


class VocabularyError(ValueError):
    """prompts/scams.toml holds something the reader cannot use (raised as a GuidanceError)."""


class Hit(NamedTuple):
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
        self.affix_memo: dict[str, tuple[int, ...]] = {}
        # Each list's entries as words (also typed without diacritics), affixes and substrings:
        # what the first look (FirstLook) is built from.
        self.words_of: dict[int, list[tuple[str, ...]]] = {}
        self.folded: set[tuple[str, ...]] = set()  # entries typed without diacritics: Vietnamese only
        self.affixes_of: dict[int, list[tuple[str, bool]]] = {}  # (affix, whether it begins words)
        self.substrings_of: dict[int, list[str]] = {}
        # Words of a script without spaces that hold an entry's letters but are another word
        # ("온라인", online, holds "라인", LINE): an entry found inside one, or overlapping one
        # ("加微信" in "参加微信…"), is not there.
        self.shadows: tuple[str, ...] = ()
        # Syllables that, typed without diacritics, stand for too many words to be read as one.
        self.ambiguous_plain: frozenset[str] = frozenset()

    def add(self, name: str, entries: Iterable[str], *, affixes: bool) -> int:
        list_id = len(self.names)
        self.names.append(name)
        self.words_of[list_id], self.affixes_of[list_id], self.substrings_of[list_id] = [], [], []
        for entry in entries:
            self._add(name, entry, list_id, affixes)
        for index in (self.exact, self.plain_exact):
            for group in index.values():
                group.sort(key=lambda item: -len(item[0]))
        return list_id

    def _add(self, name: str, entry: str, list_id: int, affixes: bool) -> None:
        text = normalize(entry).strip()
        if not text:
            return
        if UNSPACED.search(text):
            self.substrings.append((text, list_id))
            self.substrings_of[list_id].append(text)
            return
        if text.startswith("*") or text.endswith("*"):
            affix = text.strip("*")
            if not affixes:
                raise VocabularyError(f"scams.toml: {name}: {entry!r}: this list takes whole words only")
            if len(affix) < AFFIX_MIN or not WORD_RUN.fullmatch(affix):
                raise VocabularyError(f"scams.toml: {name}: {entry!r}: an affix is one word of {AFFIX_MIN} letters or more")
            forms = {affix, fold(affix)}
            self.affixes_of[list_id] += [(form, text.endswith("*")) for form in forms]
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
        self.words_of[list_id].append(words)
        # Also typed without diacritics, read in text that has none; but not as a lone syllable of
        # too many readings without its marks ("khoa": a faculty, "khóa luận", or "khóa", a lock).
        plain = tuple(WORD_RUN.findall(fold(text))) if has_diacritics(text) else ()
        if plain and not (len(plain) == 1 and plain[0] in self.ambiguous_plain):
            self.plain_exact.setdefault(plain[0], []).append((plain, list_id))
            if plain != words:
                self.words_of[list_id].append(plain)
                self.folded.add(plain)

    def seal(self) -> None:
        """Every list added: the indexes by first word, then by length (one slice of the text for
        each length, looked up among the entries of that length), and their first words as sets."""
        self.by_length = [_by_length(self.exact), _by_length(self.plain_exact)]
        self.exact_keys = frozenset(self.exact)
        self.plain_keys = frozenset(self.plain_exact)
        self.by_first_char: dict[str, list[tuple[str, int]]] = {}
        for substring, list_id in self.substrings:
            self.by_first_char.setdefault(substring[0], []).append((substring, list_id))
        self.first_chars = frozenset(self.by_first_char)

    def _affixed_lists(self, word: str) -> tuple[int, ...]:
        """The lists with an affix this word begins or ends with."""
        if len(word) < AFFIX_MIN:
            return ()
        found = [list_id for affix, list_id in self.prefix.get(word[:AFFIX_MIN], ()) if word.startswith(affix)]
        found += [list_id for affix, list_id in self.suffix.get(word[-AFFIX_MIN:], ())
                  if word.endswith(affix) and word != affix]
        return tuple(dict.fromkeys(found))

    def scan(self, tokens: list[str], starts: list[int], ends: list[int], normalized: str, plain: bool,
             positions: dict | None = None) -> dict[int, list[Hit]]:
        """Every entry of every list in the text, by list, in text order. Only the words the text
        and the lists share are looked at. `positions`: word -> where it stands, when known."""
        if positions is None:
            positions = {}
            for index, token in enumerate(tokens):
                positions.setdefault(token, []).append(index)
        found: dict[int, list[Hit]] = {}
        indexes = [(self.by_length[0], self.exact_keys)] + ([(self.by_length[1], self.plain_keys)] if plain else [])
        for index_, keys in indexes:
            for word in keys.intersection(positions):
                groups = index_[word]
                for index in positions[word]:
                    for size, entries in groups:
                        list_ids = entries.get(tuple(tokens[index:index + size]) if size > 1 else word)
                        if list_ids is not None:
                            end = index + size
                            for list_id in list_ids:
                                found.setdefault(list_id, []).append(Hit(list_id, index, end, starts[index], ends[end - 1]))
        memo = self.affix_memo
        if len(memo) > AFFIX_MEMO:
            memo.clear()
        for word, where in positions.items():
            list_ids = memo.get(word)
            if list_ids is None:
                list_ids = memo[word] = self._affixed_lists(word)
            for list_id in list_ids:
                found.setdefault(list_id, []).extend(Hit(list_id, i, i + 1, starts[i], ends[i]) for i in where)
        if not normalized.isascii() and UNSPACED.search(normalized):
            shadowed = _shadowed(normalized, self.shadows)
            for char in self.first_chars.intersection(normalized):
                for substring, list_id in self.by_first_char[char]:
                    position = normalized.find(substring)
                    while position >= 0:
                        end = position + len(substring)
                        if not shadowed or not any(low < end and position < high and not (position <= low and high <= end)
                                                   for low, high in shadowed):
                            token = max(0, bisect_right(starts, position) - 1)
                            found.setdefault(list_id, []).append(Hit(list_id, token, token + 1, position, end, True))
                        position = normalized.find(substring, end)
        for hits in found.values():
            hits.sort(key=_order)
        return found


def _shadowed(normalized: str, shadows: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where the text holds one of the words that shadow entries, as character spans."""
    spans = []
    for word in shadows:
        position = normalized.find(word)
        while position >= 0:
            spans.append((position, position + len(word)))
            position = normalized.find(word, position + 1)
    return spans


def _by_length(index: dict[str, list[tuple[tuple[str, ...], int]]]) -> dict[str, list[tuple[int, dict]]]:
    """first word -> [(length, {words (a one-word entry: the word): [list ids]})], longest first."""
    grouped: dict[str, dict[int, dict]] = {}
    for first, entries in index.items():
        for words, list_id in entries:
            key = words if len(words) > 1 else words[0]
            grouped.setdefault(first, {}).setdefault(len(words), {}).setdefault(key, []).append(list_id)
    return {first: sorted(sizes.items(), reverse=True) for first, sizes in grouped.items()}


AFFIX_MEMO = 100_000  # words remembered with the lists whose affixes they match (then forgotten at once)


def _order(hit: Hit) -> tuple[int, int]:
    return hit.cstart, -hit.cend


class FirstLook:
    """Whether a text could hold a sign worth reading it for, from the set of its words
    (`Text.word_runs`): a few set operations, so that nearly every text is not read further.

    A text is read closely when it holds every word of an entry of a list that raises a sign
    alone (looked up by the entry's least common word); or, for two lists that raise one together
    (an ask verb and what it asks for), an entry of the first and a word of the second; or what
    a pattern needs; or one of the entries' substrings where the text is in a script without
    spaces. Kinds that raise nothing alone ("none") are not looked for here: they count only in
    a text read for another sign."""

    def __init__(self, lexicon: Lexicon, common: frozenset[str], window: int, english: frozenset[str] = frozenset()) -> None:
        self.lexicon = lexicon
        self.common = common
        self.english = english  # everyday English words: an entry typed without diacritics made of them reads as English
        self.negations: frozenset[str] = frozenset()  # one-word negations, as the text's words
        self.window = window  # words around an entry where its pair's other word may stand
        self.by_key: dict[str, list[tuple[str, ...]]] = {}
        self.alone_entries = _Entries({})
        self.pairs: list[tuple[_Entries, _Entries, tuple[dict, dict], re.Pattern[str] | None]] = []
        self.substrings: list[str] = []
        self.patterns: Alternatives | None = None
        # Cheapest of all: a text with none of these words, characters or substrings holds nothing.
        self.gate_words: frozenset[str] = frozenset()
        self.gate_chars: tuple[str, ...] = ()
        self.gate_literals: tuple[str, ...] = ()
        self.gate_marks: re.Pattern[str] | None = None

    def key(self, words: tuple[str, ...]) -> str:
        telling = [word for word in words if word not in self.common and fold(word) not in self.common] or list(words)
        return max(telling, key=len)

    def _entries(self, list_ids: list[int]) -> "_Entries":
        entries: dict[str, list[tuple[str, ...]]] = {}
        for list_id in list_ids:
            for words in self.lexicon.words_of[list_id]:
                if words in self.lexicon.folded and all(word in self.english for word in words):
                    continue  # "so the" ("số thẻ") reads as English: the marked form and other words tell
                entries.setdefault(self.key(words), []).append(words)
        return _Entries(entries)

    def alone(self, list_id: int) -> None:
        for key, entries in self._entries([list_id]).by_key.items():
            self.by_key.setdefault(key, []).extend(entries)
        self.alone_entries = _Entries(self.by_key)
        self.substrings += self.lexicon.substrings_of[list_id]

    def pair(self, first: Iterable[int], second: Iterable[int], needs: re.Pattern[str] | None = None) -> None:
        """Lists whose words raise a sign only together; `needs`: what in the text will do for the
        second (a number, for an amount of money)."""
        first, second = list(first), list(second)
        others = self._entries(second)
        # Affixes by their first (or last) letters, apart for those in ASCII: a text in ASCII needs
        # only those looked for.
        affixes: tuple[dict[str, list[tuple[str, bool]]], dict[str, list[tuple[str, bool]]]] = ({}, {})
        for list_id in second:
            for affix, begins in self.lexicon.affixes_of[list_id]:
                group = affixes[0] if affix.isascii() else affixes[1]
                group.setdefault(affix[:AFFIX_MIN] if begins else affix[-AFFIX_MIN:], []).append((affix, begins))
        self.pairs.append((self._entries(first), others, affixes, needs))
        self.substrings += [text for list_id in first for text in self.lexicon.substrings_of[list_id]]

    def finish(self, patterns: list[str]) -> None:
        """The patterns that may raise a sign, and the gate: every word, character or substring
        without which nothing above can be found, each word with what it may start."""
        gate: dict[str, list[tuple[int, object]]] = {}
        for key, entries in self.alone_entries.by_key.items():
            gate.setdefault(key, []).append((ALONE_CHECK, entries))
        for index, (entries, _, _, _) in enumerate(self.pairs):
            for key, words in entries.by_key.items():
                gate.setdefault(key, []).append((index, words))
        chars: set[str] = set()
        literals: list[str] = []
        if patterns:
            self.patterns = Alternatives([as_read(pattern) for pattern in patterns])
            for part in self.patterns.parts or ():
                if part.words:
                    for word in part.words[0]:
                        gate.setdefault(word, []).append((PATTERN_CHECK, None))
                elif part.chars:
                    chars |= part.chars
                else:
                    literals += [literal for group in part.literals[:1] for literal in group]
            if self.patterns.parts is None:
                literals.append("")  # a pattern that cannot be looked for apart: every text passes
        self.gate = gate
        self.gate_words = frozenset(gate)
        # Characters in ASCII only: a script without spaces is looked at as a whole (`unspaced`).
        self.gate_chars = tuple(sorted(char for char in chars if char.isascii()))
        self.gate_literals = tuple(literals)
        # The two, found in one search (in C).
        marks = [re.escape(mark) for mark in (*self.gate_chars, *self.gate_literals)]
        self.gate_marks = re.compile("|".join(marks)) if marks else None

    def __call__(self, text) -> bool:
        runs, normalized = text.word_runs, text.normalized
        hits = self.gate_words.intersection(runs)  # iterates over the text's few words
        ascii = normalized.isascii()
        unspaced = not ascii and UNSPACED.search(normalized) is not None
        patterns = unspaced or (self.gate_marks is not None and self.gate_marks.search(normalized) is not None)
        if hits and self._words(text, hits, ascii):
            return True
        if patterns and self.patterns is not None:
            live = self.patterns.live(text)
            if live is None or any(part.regex.search(normalized) for part in live):
                return True
        return unspaced and any(substring in normalized for substring in self.substrings)

    def _words(self, text, hits: Iterable[str], ascii: bool) -> bool:
        """The gate's words found: does an entry stand in the text, or a pair within the window?"""
        runs, normalized = text.word_runs, text.normalized
        # An entry must stand word for word, and a pair within the window; but where "-" or "'"
        # joins words into one ("one-time"), an entry whose words stand only inside such joins is
        # taken in any order.
        words, positions = text.words, text.positions
        joined = "-" in normalized or "'" in normalized
        vietnamese: list[bool] = []  # whether the text reads as Vietnamese, known once asked
        pairs_held: dict[int, list[tuple[int, int]]] = {}
        for word in hits:
            for check, entries in self.gate[word]:
                if check == PATTERN_CHECK:
                    continue
                spans, folded_only = _spans(entries, runs, words, positions, joined, self.lexicon.folded)
                if not spans:
                    continue
                if folded_only:  # only an entry typed without diacritics: in Vietnamese alone
                    if not vietnamese:
                        vietnamese.append(detect_language(text.original) == "vi")
                    if not vietnamese[0]:
                        continue
                if check == ALONE_CHECK:
                    return True
                # What a negation stands right before is no request ("miễn phí": free of charge).
                spans = [span for span in spans if span is None or span[0] == 0 or words[span[0] - 1] not in self.negations]
                if spans:
                    pairs_held.setdefault(check, []).extend(spans)
        window = self.window
        heads: set[str] | None = None  # the first and last letters of the text's words, once needed
        for index, spans in pairs_held.items():
            _, others, (ascii_affixes, other_affixes), needs = self.pairs[index]
            if needs is not None and needs.search(normalized):
                return True
            affixes = [group for group in ((ascii_affixes,) if ascii else (ascii_affixes, other_affixes)) if group]
            if affixes:
                if heads is None:
                    heads = {run[:AFFIX_MIN] for run in runs} | {run[-AFFIX_MIN:] for run in runs}
                affixes = [group for group in affixes if not heads.isdisjoint(group)]
            near: list = []
            for key in others.keys.intersection(runs):
                found, _ = _spans(others.by_key[key], runs, words, positions, joined, ())
                near += found
            if None in spans or None in near:  # any order
                if near or any(_affixed(run, group) for group in affixes for run in runs):
                    return True
                continue
            for start, end in spans:
                low, high = start - window, end + window
                if any(low <= other[0] <= high for other in near):
                    return True
                if any(_affixed(run, group) for group in affixes for run in words[max(0, low):high]):
                    return True
        return False


def _spans(entries: list[tuple[str, ...]], runs, words, positions, joined: bool, folded) -> tuple[list, bool]:
    """Where the entries stand in the text, as spans of its words, or None for an entry whose
    words the text holds only inside words joined by "-" or "'"; and whether every one found is
    typed without diacritics (its words may be another language's: "so the" for "số thẻ")."""
    spans: list = []
    folded_only = True
    for entry in entries:
        size = len(entry)
        found = [(at, at + size) for at in positions.get(entry[0], ()) if size == 1 or words[at:at + size] == entry]
        if not found and joined and all(word in runs for word in entry) \
                and not all(word in positions for word in entry):
            found = [None]
        if found:
            spans += found
            folded_only = folded_only and entry in folded
    return spans, folded_only


ALONE_CHECK, PATTERN_CHECK = -1, -2


class _Entries:
    """Entries by their key word, and the key words as a set."""

    def __init__(self, by_key: dict[str, list[tuple[str, ...]]]) -> None:
        self.by_key = by_key
        self.keys = frozenset(by_key)


def _affixed(run: str, affixes: dict[str, list[tuple[str, bool]]]) -> bool:
    for head in (run[:AFFIX_MIN], run[-AFFIX_MIN:]):
        for affix, begins in affixes.get(head, ()):
            if run.startswith(affix) if begins else run.endswith(affix):
                return True
    return False


# What each list of a kind is for, read by scams.py. A list not named here is a typo.
KIND_LISTS = {
    "objects": "asked for: an ask verb near it, aimed at the reader",
    "requests": "a request in itself",
    "verbs": "this kind's verbs, besides [ask] verbs",
    "offers": "promised: with the reader, or a `strong` qualifier, close by",
    "standalone": "a sign alone",
    "strong": "a qualifier that makes a sign of this kind unambiguous",
    "when_aimed": "a sign in a clause aimed at the reader",
    "when_asked": "a sign wherever it stands, when some clause of the text asks the reader to act",
    "accounts": "the reader's account, in a notice",
    "threats": "what a notice threatens the account with",
    "brand": "a name a sender may speak for",
    "teams": "the staff who would speak for it",
    "favours": "a favour asked by message",
    "easy": "easy work",
    "tasks": "paid micro-tasks",
    "pay": "pay for tasks",
    "references": "what stands for an object named in the sentence before",
    "replies": "a bare reply asked of the reader, after an object named in its sentence: the object asked back",
    "earn": "verbs of earning, beside a large percentage or said to the reader",
    "tell": "verbs of telling, in a request for secrecy",
    "audience": "whom not to tell",
    "nobody": "no one to tell",
    "sign_in": "a sign-in asked of the reader: a credential request where a link or a click goes with it",
    "clicks": "a click or a link the reader is sent through",
    "files": "a file to download or an attachment to open, told to the reader: a link for a sign-in",
    "priced": "a fee named with its price beside it, in a sentence that asks for it",
    "paid": "a verb of paying in a form that tells no one (\"paid via Wise\"): an amount beside it, in a text that "
            "says the money comes back later, is a fee paid first",
}
KIND_PATTERNS = ("patterns", "strong_patterns", "aimed_patterns", "rates", "magnitudes")
SIGN_PATTERNS = ("patterns", "strong_patterns", "aimed_patterns")  # the others only qualify a sign found
LINK_LISTS = ("brands", "real", "shorteners", "lures", "hosts", "employer_lures")
# The lists that raise a sign without another list's word beside them, and the pairs that raise
# one together: a text with none of them (nor a pattern that could match, nor a link) is not
# read further.
# Pressure aimed at the reader ("reply today") counts only beside another sign: it is found when
# the text is read for that one, and not looked for first.
# A kind that raises a sign alone looks first for what it finds in a clause aimed at the reader too
# ("firma la transacción": the aim is checked when the text is read).
ALONE_LISTS = ("requests", "standalone", "easy", "when_aimed", "when_asked")
HELPERS = frozenset({"verbs", "strong", "paid", "threats", "teams", "pay", "references", "replies", "earn", "tell", "audience", "nobody", "clicks", "files"})
TRIGGERS = ("objects", "requests", "offers", "standalone", "when_aimed", "when_asked", "accounts", "brand", "easy", "tasks", "earn", "tell",
            "sign_in", "priced", "paid")
# What a link in a text needs to look like, for the first look at a sign-in asked with one.
LINK_LIKE = re.compile(r"[a-z0-9]\.[a-z]{2}")
ALONE = ("report", "unclear", "none")


@dataclass(frozen=True)
class Kind:
    name: str
    says: str
    alone: str  # what one sign of this kind does alone, when not strong: report, unclear, none
    criteria: tuple[str, ...]
    lists: dict[str, int]  # KIND_LISTS key -> list id in the lexicon
    patterns: dict[str, Alternatives]  # KIND_PATTERNS key -> its regexes
    triggers: frozenset[int] = frozenset()  # the lists without which no sign of this kind is found
    sign_patterns: tuple[str, ...] = ()  # the keys of the patterns that find signs (not those that only qualify one)
    amounts: bool = False  # an amount of money counts as what is asked for
    negated_objects: bool = True  # a negation before what is asked for denies it ("pay no fee")
    strong_in_text: bool = False  # a qualifier anywhere in the text makes a sign strong, not only close by
    notice_strong: bool = True  # a notice about the reader's account (accounts and threats) is unambiguous
    beside: str = ""  # a kind whose signs count only where this other kind was found ("I'll show you how" beside returns)
    waivable: bool = False  # a waiver after the sign in its clause denies it ("the fee is waived")
    link: dict[str, tuple[str, ...]] = field(default_factory=dict)  # LINK_LISTS, for the kind that reads links


class SignVocabulary:
    """scams.toml: the reader's lists, the ask verbs, amounts, and each kind of sign."""

    def __init__(self, data: dict[str, Any], window: int = 12) -> None:
        """`window`: how many words apart two words that make a sign together may stand, at most
        (the widest reach of rules.toml, for the first look)."""
        self.lexicon = lex = Lexicon()
        reader = data["reader"]
        lex.ambiguous_plain = frozenset(normalize(word) for word in reader.get("ambiguous_plain", []))
        self.tables = {"reader": reader, "ask": data["ask"], "amounts": data["amounts"], "first_look": data.get("first_look", {}),
                       **{f"kinds.{name}": kind for name, kind in data["kinds"].items()}}
        self.you = lex.add("reader.you", reader["you"], affixes=False)
        self.please = lex.add("reader.please", reader["please"], affixes=False)
        self.particles = lex.add("reader.particles", reader["particles"], affixes=False)
        self.pronouns = frozenset(normalize(word) for word in reader["pronouns"])
        self.pronoun_endings = tuple(normalize(word) for word in reader["pronoun_endings"])
        self.fillers = frozenset(normalize(word) for word in reader["fillers"])
        self.units = frozenset(normalize(word) for word in reader.get("units", []))
        self.relatives = frozenset(normalize(word) for word in reader.get("relatives", []))
        self.negations = lex.add("reader.negations", reader["negations"], affixes=False)
        self.waivers = lex.add("reader.waivers", reader.get("waivers", []), affixes=False)
        self.mentions = lex.add("reader.mentions", reader.get("mentions", []), affixes=False)
        self.message_nouns = frozenset(normalize(word) for word in reader.get("message_nouns", []))
        greetings = "|".join(sorted((re.escape(normalize(word)) for word in reader.get("address_greetings", [])), key=len, reverse=True))
        terms = "|".join(sorted((re.escape(normalize(word)) for word in reader.get("address_terms", [])), key=len, reverse=True))
        # "chào cháu,": the greeting at the start of the note or of a sentence, and the word after it
        self.greeted_as = re.compile(rf"(?:^|[\n.!?]\s*)\W{{0,3}}(?:{greetings})\s+({terms})(?!\w)") if greetings and terms else None
        self.self_subjects = lex.add("reader.self_subjects", reader["self_subjects"], affixes=False)
        self.self_verbs = lex.add("reader.self_verbs", reader["self_verbs"], affixes=True)
        self.self_phrases = lex.add("reader.self_phrases", reader["self_phrases"], affixes=False)
        self.receives = frozenset(normalize(word) for word in reader["receives"])
        self.owned_by = frozenset(normalize(word) for word in reader.get("owned_by", []))
        # What a question is about ("tell me about your OTP design"): between an ask verb and its
        # object, it asks for knowledge, not for the object.
        self.topics = lex.add("reader.topics", reader.get("topics", []), affixes=False)
        lex.shadows = tuple(dict.fromkeys(normalize(word) for word in reader.get("shadows", [])))
        self.ask = lex.add("ask.verbs", data["ask"]["verbs"], affixes=True)
        self.amounts = Alternatives([as_read(pattern) for pattern in data["amounts"]["patterns"]])
        self.kinds: dict[str, Kind] = {}
        for name, table in data["kinds"].items():
            self.kinds[name] = self._kind(name, table)
        for kind in self.kinds.values():  # read in order: the kind it goes beside is read before it
            if kind.beside and kind.beside not in list(self.kinds)[:list(self.kinds).index(kind.name)]:
                raise VocabularyError(f"scams.toml: [kinds.{kind.name}] beside = {kind.beside!r}: a kind listed before it")
        lex.seal()
        # Every pattern that finds a sign, joined: one look at a text tells which kinds' patterns
        # could match there (each kind's own are then run only where they could).
        sources = [(name, key, as_read(pattern)) for name, table in data["kinds"].items()
                   for key in SIGN_PATTERNS for pattern in table.get(key, [])]
        self.sign_patterns = Alternatives([pattern for _, _, pattern in sources])
        self.sign_pattern_owner = {id(part): (name, key) for part, (name, key, _) in
                                   zip(self.sign_patterns.parts or (), sources)}
        self.verb_lists = frozenset([self.ask, *(kind.lists["verbs"] for kind in self.kinds.values() if "verbs" in kind.lists)])
        self.real_hosts = tuple(host for kind in self.kinds.values() for host in kind.link.get("real", ()))
        # A real host as a whole host name (not "linkedin.com.konto-pruefung.info"), its subdomains too.
        hosts = "|".join(re.escape(host) for host in self.real_hosts) or "(?!)"
        self.real_host = re.compile(rf"(?<![\w-])(?:[a-z0-9-]{{1,63}}\.){{0,3}}(?:{hosts})(?![\w.-])")
        # What the first look at a link needs: a piece of a brand a host may imitate (any four
        # letters in a row of it), or a messaging app's host.
        hints = {brand[i:i + 4] for kind in self.kinds.values()
                 for brand in kind.link.get("brands", ()) for i in range(len(brand) - 3)}
        self.link_hints = tuple(sorted(hints | {host for kind in self.kinds.values() for host in kind.link.get("hosts", ())}))
        # The reader's lists, the ask verbs, the brands a link may imitate and everyday English and
        # Vietnamese are the common words: no entry is looked up by them where it has another.
        common = {word for list_id in (self.you, self.please, self.particles, self.negations, self.waivers, self.self_subjects, self.ask)
                  for words in lex.words_of[list_id] for word in words}
        common |= ENGLISH_WORDS | VIETNAMESE_PLAIN_WORDS
        frequent = {word for entry in data.get("first_look", {}).get("frequent", []) for word in WORD_RUN.findall(normalize(entry))}
        common |= frequent
        common |= {brand for kind in self.kinds.values() for brand in kind.link.get("brands", ())}
        english = ENGLISH_WORDS | {word for word in frequent if word.isascii()}
        self.first_look = look = FirstLook(lex, frozenset(common), window, frozenset(english))
        look.negations = frozenset(words[0] for words in lex.words_of[self.negations] if len(words) == 1)
        patterns: list[str] = []
        for name, kind in self.kinds.items():
            lists = kind.lists
            if "accounts" in lists and "threats" in lists:  # a notice about the account
                look.pair([lists["accounts"]], [lists["threats"]])
            if "sign_in" in lists:  # a sign-in asked, with a click or a link
                look.pair([lists["sign_in"]], [lists[key] for key in ("clicks", "files") if key in lists], needs=LINK_LIKE)
            if "earn" in lists:  # a large percentage earned
                look.pair([lists["earn"]], [], needs=PERCENT_SIGN)
            # A kind that raises nothing alone is found where the text is read for another sign
            # (a messaging app, the usual partner of such signs, is looked for first).
            if kind.alone == "none" and "hosts" not in kind.link:
                continue
            for key in ALONE_LISTS:
                if key in lists:
                    look.alone(lists[key])
            if "tasks" in lists and "pay" in lists:
                look.pair([lists["tasks"]], [lists["pay"]])
            for key in ("priced", "paid"):  # a fee and its price; an amount paid
                if key in lists:
                    look.pair([lists[key]], [], needs=self.amounts.regex)
            verbs = [self.ask, *([lists["verbs"]] if "verbs" in lists else [])]
            amounts = self.amounts.regex if kind.amounts else None
            if "objects" in lists:  # asked for: with a verb, or an amount
                look.pair([lists["objects"]], verbs, needs=amounts)
            if kind.amounts and "verbs" in lists:  # an amount asked for
                look.pair([lists["verbs"]], [], needs=amounts)
            if "offers" in lists:  # promised: with the reader, or a qualifier, close by
                look.pair([lists["offers"]], [self.you, *([lists["strong"]] if "strong" in lists else [])])
            patterns += [pattern for key in SIGN_PATTERNS for pattern in data["kinds"][name].get(key, [])]
        look.finish(patterns)

    def _kind(self, name: str, table: dict[str, Any]) -> Kind:
        known = {"criteria", "criterion", "says", "alone", "amounts", "negated_objects", "strong_in_text", "notice_strong", "beside", "waivable", *KIND_LISTS, *KIND_PATTERNS,
                 *LINK_LISTS}
        unknown = sorted(set(table) - known)
        if unknown:
            raise VocabularyError(f"scams.toml: [kinds.{name}] has lists the reader does not know: {', '.join(unknown)}")
        if table.get("alone") not in ALONE:
            raise VocabularyError(f"scams.toml: [kinds.{name}] alone = {table.get('alone')!r}: one of {', '.join(ALONE)}")
        lists = {key: self.lexicon.add(f"kinds.{name}.{key}", table[key], affixes=key in HELPERS)
                 for key in KIND_LISTS if key in table}
        patterns = {key: Alternatives([as_read(pattern) for pattern in table[key]]) for key in KIND_PATTERNS if key in table}
        link = {key: tuple(normalize(entry) for entry in table[key]) for key in LINK_LISTS if key in table}
        criteria = tuple(table.get("criteria", [])) + ((table["criterion"],) if "criterion" in table else ())
        triggers = frozenset(lists[key] for key in TRIGGERS if key in lists)
        sign_patterns = tuple(key for key in SIGN_PATTERNS if key in patterns)
        return Kind(name=name, says=table["says"], alone=table["alone"], criteria=criteria, lists=lists,
                    patterns=patterns, triggers=triggers, sign_patterns=sign_patterns,
                    amounts=bool(table.get("amounts")), link=link,
                    negated_objects=bool(table.get("negated_objects", True)),
                    strong_in_text=bool(table.get("strong_in_text", False)),
                    notice_strong=bool(table.get("notice_strong", True)),
                    beside=str(table.get("beside", "")), waivable=bool(table.get("waivable", False)))
