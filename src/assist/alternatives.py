"""A regex of many patterns joined by "|", run as only the patterns its text could match.

signals.toml gives prompt injection some forty patterns, scams and selling several more. Joined
into one regex, every pattern is tried at every character of every text: until this module, most
of the offline engine's time. Yet a pattern matches nowhere in a text that lacks its literal words
("ignore", "instruction"), and a text lacks those of nearly every pattern. `Alternatives` reads
what each pattern needs from the pattern itself (derived, never written by hand, so never out of
step with it), runs only the patterns a text could match, and merges their matches as the joined
regex finds them: the same matches, in the same order.

What a pattern needs, three ways, cheapest first:
- words: a whole word of the text (a longest run of `\\w` characters), where the pattern puts a
  word boundary on both sides of a literal ("\\bignore\\b", "you\\s+are");
- characters: one of a few uncommon characters ("<", "#", a Chinese character);
- literals: a substring ("instruction", "system prompt").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Sequence, Set
from re import _constants as sre  # reading a pattern's parse tree, as re.compile does (Python 3.11+)
from re import _parser
from typing import Any, Protocol


class Read(Protocol):
    """What this module reads of a text (text.Text): its normalized form and the words it holds."""

    normalized: str
    word_runs: Collection[str]

_WORD_CHAR = re.compile(r"\w")
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_NON_WORD_CATEGORIES = (sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD)
# What nearly every text holds: no use as a sign that a pattern could match.
_COMMON_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 \n.,'-")
_COMMON_WORDS = frozenset("a an and are as at be for hi i if in is it my of on or the this to we will with you your".split())


class Alternatives:
    """`regex` is the patterns joined; `live(text)` the patterns the text could match, and
    `finditer(string, live)` what `regex.finditer(string)` finds."""

    def __init__(self, patterns: Sequence[str], flags: int = re.DOTALL) -> None:
        self.regex = re.compile("|".join(f"(?:{pattern})" for pattern in patterns), flags)
        parts = [_Part(pattern, flags) for pattern in patterns]
        # Split only when every pattern matches alone as it does within the regex.
        self.parts: tuple[_Part, ...] | None = tuple(parts) if all(part.separable for part in parts) else None
        self._by_word: dict[str, list[int]] = {}
        self._by_char: dict[str, list[int]] = {}
        self._always: list[int] = []
        for index, part in enumerate(parts):
            if part.words:
                for word in part.words[0]:
                    self._by_word.setdefault(word, []).append(index)
            elif part.chars:
                for char in part.chars:
                    self._by_char.setdefault(char, []).append(index)
            else:
                self._always.append(index)
        # The uncommon characters a text holds, found in one pass (few: they are uncommon).
        self._chars = re.compile("[" + "".join(map(re.escape, sorted(self._by_char))) + "]") if self._by_char else None

    def live(self, text: "Read") -> Sequence["_Part"] | None:
        """The patterns `text` could match, in order (None: every one of them)."""
        if self.parts is None:
            return None
        words = self._by_word.keys() & text.word_runs
        chars = set(self._chars.findall(text.normalized)) if self._chars is not None else ()
        if words or chars:
            found = set(self._always)
            for word in words:
                found.update(self._by_word[word])
            for char in chars:
                found.update(self._by_char[char])
            indexes: Iterable[int] = sorted(found)
        else:
            indexes = self._always
        parts = self.parts
        live = [parts[index] for index in indexes if parts[index].may_match(text)]
        return None if len(live) == len(parts) else live

    def finditer(self, string: str, live: Sequence["_Part"] | None) -> Iterator[re.Match[str]]:
        """What `regex.finditer(string)` finds, from the `live` patterns alone.

        The regex tries its patterns in order at each place, from the left: the leftmost match
        wins, and at one place the earlier pattern; the search goes on from the match's end. The
        patterns left out match nowhere in the string, so leaving them out changes nothing.
        """
        if live is None:
            yield from self.regex.finditer(string)
            return
        if len(live) <= 1:
            if live:
                yield from live[0].regex.finditer(string)
            return
        upcoming = [part.regex.search(string) for part in live]
        while True:
            first = None
            for match in upcoming:
                if match is not None and (first is None or match.start() < first.start()):
                    first = match
            if first is None:
                return
            yield first
            end = first.end()  # a match is never empty (_Part.separable), so the search moves on
            for index, match in enumerate(upcoming):
                if match is not None and match.start() < end:
                    upcoming[index] = live[index].regex.search(string, end)


class _Part:
    """One pattern: what a text must hold for it to match, and the pattern compiled alone."""

    def __init__(self, source: str, flags: int) -> None:
        self.source = source
        self.flags = flags
        parsed = _parser.parse(source, flags)
        # Alone it matches as within (?:...)|(?:...): no flags of its own for the whole regex, no
        # groups (a back-reference would count them differently), and never the empty string.
        # And its literals are read as written: case matters, `\w` and `^` mean what they say here.
        self.separable = (parsed.getwidth()[0] > 0 and parsed.state.groups == 1
                          and not parsed.state.flags & ~(re.DOTALL | re.UNICODE | re.VERBOSE))
        literals = set(_literals(parsed)) if self.separable else set()
        words = set(_words(parsed, before=False, after=False)) if self.separable else set()
        # Checked in this order: the word group that indexes the pattern, then the others.
        self.words: tuple[frozenset[str], ...] = tuple(sorted(words, key=_word_rank, reverse=True))[:3]
        self.literals: tuple[tuple[str, ...], ...] = tuple(sorted(literals, key=_telling, reverse=True))[:3]
        self.chars = _rare_chars(literals)
        self._regex: re.Pattern[str] | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        if self._regex is None:  # compiled the first time a text could match it: many never are
            self._regex = re.compile(self.source, self.flags)
        return self._regex

    def may_match(self, text: "Read") -> bool:
        runs = text.word_runs
        for group in self.words[1:]:  # the first one found the pattern
            if group.isdisjoint(runs):
                return False
        string = text.normalized
        for choices in self.literals:
            for literal in choices:
                if literal in string:
                    break
            else:
                return False
        return True


def _telling(group: Set[str] | tuple[str, ...]) -> tuple[int, int]:
    """Longer strings are rarer, and fewer of them."""
    return min(map(len, group)), -len(group)


def _word_rank(group: frozenset[str]) -> tuple[bool, int, int]:
    return group.isdisjoint(_COMMON_WORDS), *_telling(group)


def _literals(items: Any) -> list[tuple[str, ...]]:
    """Groups of strings, every match of the parsed sequence holding one string of each group."""
    groups: list[tuple[str, ...]] = []
    run: list[str] = []  # consecutive literal characters: one string

    def close_run() -> None:
        if run:
            groups.append(("".join(run),))
            run.clear()

    for op, value in items:
        if op is sre.LITERAL:
            run.append(chr(value))
            continue
        close_run()
        if op is sre.SUBPATTERN:
            _group, add_flags, _del_flags, inner = value
            if not add_flags & re.IGNORECASE:
                groups += _literals(inner)
        elif op is sre.ATOMIC_GROUP:
            groups += _literals(value)
        elif op in _REPEATS:
            low, _high, inner = value
            if low >= 1:
                groups += _literals(inner)
        elif op is sre.BRANCH:
            # Each branch needs one of its groups, so the branch one of their union: the union of
            # the most telling groups, and of those with an uncommon character in every string.
            branches = [_literals(branch) for branch in value[1]]
            for pick in (lambda found: max(found, key=_telling, default=None),
                         lambda found: min((group for group in found if _rare(group)), key=len, default=None)):
                choices = [pick(found) for found in branches]
                if all(choices):
                    groups.append(tuple(sorted({literal for choice in choices for literal in choice})))  # type: ignore[union-attr]
        elif op is sre.IN and value and all(kind is sre.LITERAL for kind, _ in value):
            groups.append(tuple(sorted(chr(code) for _, code in value)))
    close_run()
    return groups


def _words(items: Any, before: bool, after: bool) -> list[frozenset[str]]:
    """Groups of words, every match of the parsed sequence holding one of each group as a whole
    word of the text: a literal of word characters with no word character on either side.
    `before` and `after`: whether the characters just outside the sequence are never word characters."""
    groups: list[frozenset[str]] = []
    index = 0
    while index < len(items):
        op, value = items[index]
        if op is sre.LITERAL and _is_word_char(value):
            last = index
            while last + 1 < len(items) and items[last + 1][0] is sre.LITERAL and _is_word_char(items[last + 1][1]):
                last += 1
            if _bounded_before(items, index, before) and _bounded_after(items, last, after):
                groups.append(frozenset(["".join(chr(code) for _, code in items[index : last + 1])]))
            index = last + 1
            continue
        if op is sre.IN and value and all(kind is sre.LITERAL and _is_word_char(code) for kind, code in value):
            if _bounded_before(items, index, before) and _bounded_after(items, index, after):
                groups.append(frozenset(chr(code) for _, code in value))
        elif op is sre.BRANCH:
            inner_before, inner_after = _bounded_before(items, index, before), _bounded_after(items, index, after)
            choices = [max(_words(branch, inner_before, inner_after), key=_word_rank, default=None) for branch in value[1]]
            if all(choices):
                groups.append(frozenset().union(*choices))  # type: ignore[arg-type]
        elif op in _REPEATS and value[0] >= 1:
            groups += _words(value[2], before=False, after=False)
        index += 1
    return groups


def _bounded_before(items: Any, index: int, before: bool) -> bool:
    """No word character ever comes just before items[index]."""
    while index > 0:
        previous = items[index - 1]
        if _ends_before(previous):
            return True
        op, value = previous
        if not (op in _REPEATS and value[0] == 0 and value[2] and _ends_before(value[2][-1])):
            return False
        index -= 1  # optional, and when there it ends with no word character: look further back
    return before


def _bounded_after(items: Any, index: int, after: bool) -> bool:
    """No word character ever comes just after items[index]."""
    while index + 1 < len(items):
        following = items[index + 1]
        if _ends_after(following):
            return True
        op, value = following
        if not (op in _REPEATS and value[0] == 0 and value[2] and _ends_after(value[2][0])):
            return False
        index += 1
    return after


def _ends_before(item: Any) -> bool:
    """What the item matches is, or ends with, no word character (or the start of the text)."""
    op, value = item
    if op is sre.AT:
        return value in (sre.AT_BOUNDARY, sre.AT_BEGINNING, sre.AT_BEGINNING_STRING)
    if op is sre.BRANCH:
        return all(branch and _ends_before(branch[-1]) for branch in value[1])
    if op in _REPEATS:
        low, _high, inner = value
        return low >= 1 and bool(inner) and _ends_before(inner[-1])
    return _non_word(item)


def _ends_after(item: Any) -> bool:
    """What the item matches is, or starts with, no word character (or the end of the text)."""
    op, value = item
    if op is sre.AT:
        return value in (sre.AT_BOUNDARY, sre.AT_END, sre.AT_END_STRING)
    if op is sre.BRANCH:
        return all(branch and _ends_after(branch[0]) for branch in value[1])
    if op in _REPEATS:
        low, _high, inner = value
        return low >= 1 and bool(inner) and _ends_after(inner[0])
    return _non_word(item)


def _non_word(item: Any) -> bool:
    """The item consumes one character, never a word character."""
    op, value = item
    if op is sre.LITERAL:
        return not _is_word_char(value)
    if op is sre.IN:
        return bool(value) and all((kind is sre.LITERAL and not _is_word_char(code))
                                   or (kind is sre.CATEGORY and code in _NON_WORD_CATEGORIES) for kind, code in value)
    return False


def _is_word_char(code: int) -> bool:
    return _WORD_CHAR.match(chr(code)) is not None


def _rare(group: tuple[str, ...]) -> bool:
    return all(set(literal) - _COMMON_CHARS for literal in group)


def _rare_chars(groups: Set[tuple[str, ...]]) -> frozenset[str]:
    """One uncommon character of each string of a group ("<", "#", a Chinese character), from
    the group with the fewest: the text must hold one of them. Empty when no group has one."""
    best: frozenset[str] = frozenset()
    for group in groups:
        if _rare(group):
            chars = frozenset(next(char for char in literal if char not in _COMMON_CHARS) for literal in group)
            if not best or len(chars) < len(best):
                best = chars
    return best
