"""Text helpers shared by the signals and the drafts: normalising, folding, language, phrases, and
the readings of a text every detector scans (`Text.readings`)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable
from typing import NamedTuple
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import filterfalse

from . import disguises, lookalikes, words
from .alternatives import Alternatives

# Characters that show nothing and hide words from a matcher. Every format character (Unicode
# category Cf: zero-width spaces and joiners, bidi controls, the soft hyphen, invisible operators,
# the byte-order mark, ...), variation selectors, the combining grapheme joiner, and the Hangul and
# Khmer fillers that render as blanks: removed. Unicode tag characters spell ASCII out of sight
# ("ASCII smuggling"): they are read as the letters they stand for, so a hidden sentence is read.
FORMAT_CHARACTERS = (
    (0x00AD, 0x00AD), (0x0600, 0x0605), (0x061C, 0x061C), (0x06DD, 0x06DD), (0x070F, 0x070F),
    (0x0890, 0x0891), (0x08E2, 0x08E2), (0x180E, 0x180E), (0x200B, 0x200F), (0x202A, 0x202E),
    (0x2060, 0x2064), (0x2066, 0x206F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD),
    (0x110CD, 0x110CD), (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0001, 0xE0001),
)
BLANK_MARKS = (
    (0x034F, 0x034F), (0x115F, 0x1160), (0x17B4, 0x17B5), (0x180B, 0x180D), (0x180F, 0x180F),
    (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFFA0, 0xFFA0), (0xE0100, 0xE01EF),
)
TAGS = range(0xE0020, 0xE007F)  # tag space .. tag tilde: ASCII 0x20 .. 0x7E
INVISIBLE: dict[int, str | None] = {
    **{code: None for first, last in (*FORMAT_CHARACTERS, *BLANK_MARKS) for code in range(first, last + 1)},
    0xE007F: None,  # cancel tag
    **{code: chr(code - 0xE0000) for code in TAGS},
}
VIETNAMESE_MARKS = set(
    "ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
)
# Frequent Vietnamese words that survive being typed without diacritics.
VIETNAMESE_PLAIN_WORDS = frozenset(
    "anh chi em minh toi ban cua cho voi duoc khong rat cam on xin chao ket noi cong ty viec lam "
    "nguoi nhung va la co the mong muon hoc hoi gap nhau tai nam nay".split()
)
ENGLISH_WORDS = frozenset(
    "the and you your to of for with in on at is are i i'm we would like connect hi hello thanks "
    "thank my our this that be have love about work working".split()
)
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")

# Links and phone numbers, defined once here for their two readers, which ask different questions:
# - the signals (and the drafts) ask whether a text holds a link or a number to call at all: `URL`
#   and `PHONE`. Loose: a year range ("2019-2021") counts as a number, and with a couple of weak
#   words that is enough for scam_or_phishing; tightening it would change which requests are flagged.
# - redaction (redact.py) replaces each one and must leave the text around it intact: `SCHEME_URL`
#   and `BARE_URL` stop at quotes and angle brackets and also know ftp://; a bare domain with no
#   path is redacted only for a known top-level domain; `PHONE_RUN` is a candidate whose digits
#   redact.py then counts, so amounts and year ranges are left alone.
# Made one pattern, either reader would change behaviour; they share the start of a link and the
# characters a phone number is written with.
_LINK_START = r"https?://|www\."
_PHONE_CHARS = r"\d().\-"  # digits and the separators; whitespace differs (below)
# Domain labels are bounded (DNS allows 63 characters, a name a handful of labels): unbounded, a
# 100,000-character note like "a-a-a-..." or "a.a.a..." took the regex minutes (quadratic backtracking).
URL = re.compile(rf"\b(?:{_LINK_START})\S+|\b[\w-]{{1,63}}(?:\.[\w-]{{1,63}}){{1,8}}/\S*", re.IGNORECASE)
# Spaces only between the digits, and at least 9 characters in all.
PHONE = re.compile(rf"(?<![\w.])\+?\d[ {_PHONE_CHARS}]{{7,}}\d")
SCHEME_URL = re.compile(rf"\b(?:{_LINK_START}|ftp://)[^\s<>\"']+", re.IGNORECASE)
BARE_URL = re.compile(
    r"\b(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+(?P<tld>[A-Za-z]{2,24})\b(?P<path>/[^\s<>\"']*)?"
)
# Any whitespace between the digits; how many digits it takes is redact.py's to judge.
PHONE_RUN = re.compile(rf"(?<![\w+])(?P<plus>\+)?[(\d][\s{_PHONE_CHARS}]{{5,}}\d(?!\w)")
# What every PHONE match holds; found far faster (no look-behind at every character).
_PHONE_CORE = re.compile(rf"\d[ {_PHONE_CHARS}]{{7,}}\d")


def has_link_or_phone(text: str) -> bool:
    """Whether URL or PHONE finds anything in the text. Each regex runs only on text holding what
    every match of it holds: a link a "/" or a "www." (in any case), a number PHONE's core."""
    if ("/" in text or "www." in text.lower()) and URL.search(text):
        return True
    return _PHONE_CORE.search(text) is not None and PHONE.search(text) is not None


class once:
    """A property computed the first time it is read and kept in the instance (as
    functools.cached_property, without the lock Python 3.11's takes on every first read: a
    request's texts and readers read a few each, and a value computed twice is the same value)."""

    def __init__(self, func) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


def _any_of(codes) -> re.Pattern[str]:
    """A character class of these code points: finds whether a text holds any of them, in C."""
    runs: list[list[int]] = []
    for code in sorted(codes):
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return re.compile("[" + "".join(f"\\U{a:08x}" + (f"-\\U{b:08x}" if b > a else "") for a, b in runs) + "]")


# A table's translate() costs about as much as the rest of normalizing together, and most texts
# hold nothing it would change: it runs only on text that holds one of its characters. Looked for
# in two parts: a class of characters of the Basic Multilingual Plane is a bitmap to the regex
# engine, while one with characters beyond it is a list of ranges tried at every character (twice
# the time); those beyond it are looked for only in a text that has any.
HAS_INVISIBLE = _any_of(INVISIBLE)
_INVISIBLE_BMP = _any_of(code for code in INVISIBLE if code <= 0xFFFF)
_INVISIBLE_ASTRAL = _any_of(code for code in INVISIBLE if code > 0xFFFF)
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


# Parenthesized small letters ("⒜⒞⒞⒠⒫⒯"): NFKC writes each as three characters, "(a)", which split
# the word; a person reads the letters. (Circled letters, "ⓐ", NFKC reads as letters already.)
PARENTHESIZED = re.compile("[\u249c-\u24b5]")
PARENTHESIZED_LETTERS = {code: chr(ord("a") + code - 0x249C) for code in range(0x249C, 0x24B6)}


def visible(text: str) -> str:
    """The text as a person sees it: NFKC, invisible characters removed (tags read as ASCII)."""
    if text.isascii():  # NFKC leaves ASCII alone, and no invisible character is ASCII
        return text
    if PARENTHESIZED.search(text):
        text = text.translate(PARENTHESIZED_LETTERS)
    text = unicodedata.normalize("NFKC", text)
    if has_invisible(text):  # a letter and its mark may meet once what hid between them is gone
        text = unicodedata.normalize("NFKC", text.translate(INVISIBLE))
    return text


def normalize(text: str) -> str:
    """What the matchers read: the visible text in lower case, with words disguised in look-alike
    letters (mixed scripts, small capitals) read as the words they imitate (lookalikes.py)."""
    if text.isascii():
        return text.lower()
    return lookalikes.unmix(visible(text).replace("\u2019", "'").lower())


def as_read(pattern: str) -> str:
    """A pattern's letters as the matchers read text (normalize: lower case, look-alike letters
    mapped, NFKC): a Cyrillic "е" in a pattern would never match text, where it reads as a Latin
    "e", nor a Thai "ำ", which text reads as "ํา". Only characters outside ASCII change, so the
    regex syntax stays as written."""
    if pattern.isascii():
        return pattern
    return "".join(character if character.isascii() else normalize(character) for character in pattern)


def _fold_table() -> dict[int, str]:
    table = {ord("đ"): "d", ord("Đ"): "D"}
    for code in range(0x00C0, 0x2000):
        char = chr(code)
        decomposition = unicodedata.decomposition(char)
        if not decomposition or decomposition.startswith("<"):  # no canonical decomposition: nothing to strip
            continue
        base = "".join(ch for ch in unicodedata.normalize("NFD", char) if not unicodedata.combining(ch))
        if base != char and base:
            table[code] = base
    return table


FOLD = _fold_table()
# Every character FOLD changes. Each becomes one or more others, never itself and never nothing,
# so a text changes under fold() exactly when it holds one of them.
FOLDABLE = _any_of(FOLD)


def fold(text: str) -> str:
    """Strip diacritics ("kết nối" -> "ket noi"); đ becomes d. Expects NFC text (normalize gives it)."""
    return text.translate(FOLD) if FOLDABLE.search(text) else text


VIETNAMESE_MARK = _any_of(map(ord, VIETNAMESE_MARKS))
# The marks Portuguese, Spanish, French, Italian and others write too ("Olá", "distribuídos", "café"):
# alone they say nothing of Vietnamese; the others (ă đ ơ ư ạ ế ộ...) are Vietnamese's own.
SHARED_MARKS = set("àáâãèéêìíòóôõùúý")
VIETNAMESE_OWN_MARK = _any_of(map(ord, VIETNAMESE_MARKS - SHARED_MARKS))


def has_diacritics(text: str) -> bool:
    return FOLDABLE.search(text) is not None


def has_invisible(text: str) -> bool:
    """Whether the text holds a character of INVISIBLE (HAS_INVISIBLE finds one), found sooner."""
    return _INVISIBLE_BMP.search(text) is not None or (
        _ASTRAL.search(text) is not None and _INVISIBLE_ASTRAL.search(text) is not None)


@lru_cache(maxsize=16)  # the readers of one request ask it of the same note, one after another
def detect_language(text: str | None) -> str | None:
    """"vi", "en", "other", or None for no text. Cheap, and enough to choose a reply language."""
    if not text or not text.strip():
        return None
    lowered = text.lower()
    mark = VIETNAMESE_MARK.search(lowered)
    two_marks = mark is not None and VIETNAMESE_MARK.search(lowered, mark.end()) is not None
    if two_marks and VIETNAMESE_OWN_MARK.search(lowered):  # two of them, one Vietnamese's own
        return "vi"
    words = WORD.findall(lowered)
    if not words:
        return "other"
    # Marks other languages share ("Chào anh, em là…" has only à): Vietnamese by its words, read
    # without their marks.
    vietnamese = sum(map(VIETNAMESE_PLAIN_WORDS.__contains__, map(fold, words) if two_marks else words))
    english = sum(map(ENGLISH_WORDS.__contains__, words))
    if vietnamese >= 2 and vietnamese > english:
        return "vi"
    if english >= 1 and english >= vietnamese:
        return "en"
    if lowered.isascii() and len(words) <= 3:
        return "en"  # "Hi Minh!" and the like
    return "other"


# Characters that each carry about a word's worth of meaning (Chinese and Japanese ideographs and
# kana, Korean syllables): a note in them says as much as one twice its length in Latin letters.
WIDE = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def note_length(text: str) -> int:
    """How long a note reads, in Latin characters: each of the characters above counts twice."""
    return len(text) if text.isascii() else len(text) + len(WIDE.findall(text))


TOKEN = re.compile(r"\w+(?:['-]\w+)*")
WORD_RUN = re.compile(r"\w+")


def tokens(text: str) -> tuple[str, ...]:
    # Without ' or - a token is a run of word characters, which a simpler regex finds sooner.
    return tuple((TOKEN if "'" in text or "-" in text else WORD_RUN).findall(text))


@dataclass(frozen=True)
class PhraseSet:
    """Phrases indexed by their first word, plus a few regexes: one pass over a text's words.

    `marked` holds the phrases as written; `plain` the folded form of those with diacritics, to
    be used only on text typed without any (so "bán" never matches "bạn").
    """

    marked: dict[str, tuple[tuple[str, ...], ...]]
    plain: dict[str, tuple[tuple[str, ...], ...]]
    regex: re.Pattern[str] | None
    trigger: re.Pattern[str] | None = None  # the regex runs only on text holding one of these substrings
    alternatives: Alternatives | None = None  # the regex's patterns, run one by one where they could match
    index: "PhraseIndex | None" = None  # shared with other sets: a text is looked up once for all
    slot: int = -1  # this set's place in `index`
    key: object = field(default_factory=object, compare=False, repr=False)  # what a text keeps its hits by

    def find_all(self, text: "Text") -> list[str]:
        """The phrases and pattern matches in the text, in text order (looked for once a text)."""
        known = text.found.get(self.key)
        if known is None:
            known = text.found[self.key] = tuple(self._find_all(text))
        return list(known)

    def _find_all(self, text: "Text") -> list[str]:
        found: list[str] = []
        if self.index is not None:
            marked, plain = text.hits(self.index)
            _add(marked.get(self.slot, ()), found, text.original)
            if text.plain_words and self.plain:
                _add(plain.get(self.slot, ()), found, text.original)
        else:
            if self.marked:
                _scan(self.marked, text.words, text.positions, found, text.original)
            if text.plain_words and self.plain:
                _scan(self.plain, text.plain_words, text.plain_positions, found, text.original)
        if self.regex is not None:
            self._find_patterns(text, found)
        return found

    def _find_patterns(self, text: "Text", found: list[str]) -> None:
        if self.alternatives is None:
            matches = self.regex.finditer(text.normalized) if self._triggered(text) else ()  # type: ignore[union-attr]
        else:
            live = self.alternatives.live(text)
            if live is not None and not live:
                return  # no pattern could match: the trigger need not be looked for
            matches = self.alternatives.finditer(text.normalized, live) if self._triggered(text) else iter(())
        for match in matches:
            value = match.group(0).strip()
            if value and value not in found:
                found.append(value)

    def _triggered(self, text: "Text") -> bool:
        return self.trigger is None or self.trigger.search(text.normalized) is not None

    def __bool__(self) -> bool:
        return bool(self.marked or self.regex)


def _scan(index: dict[str, tuple[tuple[str, ...], ...]], words: tuple[str, ...],
          positions: dict[str, tuple[int, ...]], found: list[str], original: str) -> None:
    # Only the words the text and the phrases share are looked at: a set intersection, not a scan.
    # In text order, so evidence (and a prompt built from it) is the same from run to run.
    shared = index.keys() & positions.keys()
    if not shared:
        return
    for first in sorted(shared, key=positions.__getitem__) if len(shared) > 1 else shared:
        for position in positions[first]:
            for phrase in index[first]:
                if words[position : position + len(phrase)] == phrase:
                    value = _as_written(phrase, original)
                    if value not in found:
                        found.append(value)


class PhraseIndex:
    """The phrases of several sets (a guidance's lexicons) by first word. A text is looked up
    once for all of them (`Text.hits`, kept with the text), and each set reads its own hits."""

    def __init__(self) -> None:
        # first word -> [(length, phrase -> the slots of the sets holding it)], longest first
        self.marked: dict[str, list[tuple[int, dict[tuple[str, ...], list[int]]]]] = {}
        self.plain: dict[str, list[tuple[int, dict[tuple[str, ...], list[int]]]]] = {}
        self.size = 0

    def add(self, marked: dict[str, tuple[tuple[str, ...], ...]], plain: dict[str, tuple[tuple[str, ...], ...]]) -> int:
        """A set's phrases; its slot, where `hits` files what it finds of them."""
        slot = self.size
        self.size += 1
        for index, phrases in ((self.marked, marked), (self.plain, plain)):
            for first, group in phrases.items():
                by_length = dict(index.get(first, []))
                for phrase in group:
                    by_length.setdefault(len(phrase), {}).setdefault(phrase, []).append(slot)
                index[first] = sorted(by_length.items(), reverse=True)
        return slot


def _hits(index: dict[str, list[tuple[int, dict[tuple[str, ...], list[int]]]]], words: tuple[str, ...],
          positions: dict[str, tuple[int, ...]]) -> dict[int, tuple[tuple[str, ...], ...]]:
    """Slot -> the phrases found: each set's in the order _scan finds them (by the first
    occurrence of their first word, then position, then the longest first)."""
    found: dict[int, list[tuple[str, ...]]] = {}
    shared = index.keys() & positions.keys()
    for first in sorted(shared, key=positions.__getitem__):  # by where each is first: two never share that
        by_length = index[first]
        for position in positions[first]:
            for length, phrases in by_length:
                phrase = words[position : position + length]
                slots = phrases.get(phrase)
                if slots is not None:
                    for slot in slots:
                        if slot in found:
                            found[slot].append(phrase)
                        else:
                            found[slot] = [phrase]
    return {slot: tuple(phrases) for slot, phrases in found.items()}


def _add(phrases: Iterable[tuple[str, ...]], found: list[str], original: str) -> None:
    for phrase in phrases:
        value = _as_written(phrase, original)
        if value not in found:
            found.append(value)


def _as_written(phrase: tuple[str, ...], original: str) -> str:
    """The phrase as the sender wrote it ("MoMo", not "momo"), for evidence a person reads."""
    match = _written_pattern(phrase).search(original)
    return match.group(0) if match else " ".join(phrase)


@lru_cache(maxsize=8192)
def _written_pattern(phrase: tuple[str, ...]) -> re.Pattern[str]:
    # The phrase between word boundaries. No word character before its first word is checked just
    # after that word (a look-behind of fixed width): the regex starts with the word, which lets
    # the search skip to where it could start.
    first, *rest = phrase
    return re.compile(re.escape(first) + rf"(?<!\w.{{{len(first)}}})" + "".join(r"\W+" + re.escape(word) for word in rest)
                      + r"(?!\w)", re.IGNORECASE)


def _index(phrases: set[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        if phrase:
            grouped.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(sorted(group, key=len, reverse=True)) for first, group in grouped.items()}


def compile_phrases(phrases: list[str], patterns: list[str] | None = None, triggers: list[str] | None = None,
                    index: PhraseIndex | None = None) -> PhraseSet:
    """`index`: an index shared with other sets, which each text is then looked up in once."""
    normalized = [normalize(p) for p in phrases]
    marked = _index({tokens(p) for p in normalized})
    plain = _index({tokens(fold(p)) for p in normalized if has_diacritics(p)})
    alternatives = Alternatives([as_read(pattern) for pattern in patterns], re.DOTALL) if patterns else None
    return PhraseSet(
        marked=marked,
        plain=plain,
        regex=alternatives.regex if alternatives else None,
        trigger=re.compile("|".join(re.escape(normalize(t)) for t in triggers)) if triggers else None,
        alternatives=alternatives,
        index=index,
        slot=index.add(marked, plain) if index is not None else -1,
    )


@dataclass(frozen=True)
class Text:
    """A piece of the sender's text, prepared once for every matcher."""

    original: str
    normalized: str
    words: tuple[str, ...]
    plain_words: tuple[str, ...]  # folded words, only when the text has no diacritics at all
    positions: dict[str, tuple[int, ...]]
    plain_positions: dict[str, tuple[int, ...]]
    # What a matcher (a PhraseIndex, the Industries) found in this text, kept by it: it looks once.
    found: dict = field(default_factory=dict, compare=False, repr=False)

    def hits(self, index: PhraseIndex) -> tuple[dict[int, tuple[tuple[str, ...], ...]], dict[int, tuple[tuple[str, ...], ...]]]:
        """What the sets of `index` find in this text, by slot: looked up once."""
        known = self.found.get(index)
        if known is None or known[0] != index.size:  # a set was added since
            plain = _hits(index.plain, self.plain_words, self.plain_positions) if self.plain_words else {}
            known = (index.size, _hits(index.marked, self.words, self.positions), plain)
            self.found[index] = known
        return known[1], known[2]

    @once
    def word_runs(self) -> Collection[str]:
        """Every longest run of word characters (`\\w+`) in the normalized text: a set, or a dict
        by them (the positions), which reads as the set of its keys."""
        if "'" in self.normalized or "-" in self.normalized:
            return frozenset(WORD_RUN.findall(self.normalized))
        return self.positions  # no token joins two runs with ' or -: the tokens are the runs

    @property
    def readings(self) -> tuple["Reading", ...]:
        """What a detector reads: this text, then each distinct other reading of it (letters
        rejoined and leetspeak undone, encoded fragments decoded, words spelt in another script's
        look-alikes read as Latin), each with how it was hidden and the fragments as written.
        Plain text has no other reading, and finds that out in a few cheap looks."""
        # The other readings are kept with the text; the first is made anew each time, so that a
        # text never refers to itself (a cycle would outlive Text.of's cache until the next full
        # garbage collection, and make every collection slower).
        return (Reading(self, None, ""), *self.other_readings)

    @property
    def other_readings(self) -> tuple["Reading", ...]:
        """`readings` after the first (the text itself): what a disguise hid, if anything."""
        others = self.__dict__.get("_other_readings")
        if others is None:
            others = self.__dict__["_other_readings"] = self._other_readings()
        return others

    def _other_readings(self) -> tuple["Reading", ...]:
        found: list[tuple[Text, str, list[str]]] = self._undone()
        decoded = self._decoded()
        if len(words.reversed_words().intersection(self.positions)) >= disguises.ROT13_MIN_WORDS:
            turned = disguises.backwards(self.normalized)
            if turned is not None:
                found.append((Text.of(turned[0]), "written backwards", turned[1]))
        if len(words.atbash_words().intersection(self.positions)) >= disguises.ROT13_MIN_WORDS:
            mirrored = disguises.atbash(self.normalized)
            if mirrored is not None:
                found.append((Text.of(mirrored[0]), "written in Atbash", mirrored[1]))
        if decoded is not None:
            text, how, shown = decoded
            found.append(decoded)
            found += [(inner, f"{how}, then {inner_how}", shown) for inner, inner_how, _ in text._undone()]
        if not found:
            return ()
        seen = {self.normalized}
        kept = []
        for text, how, shown in found:
            if text.normalized not in seen:
                seen.add(text.normalized)
                kept.append(Reading(text, how, " … ".join(dict.fromkeys(shown))))
        return tuple(kept)

    @once
    def hidden(self) -> str:
        """How the text as written hides what `normalized` reads: "hidden characters", "look-alike
        letters", both, or ""."""
        original = self.original
        if original.isascii():
            return ""
        notes = []
        if has_invisible(original):
            notes.append("hidden characters")
        if lookalikes.maybe(original) and \
                visible(original).replace("\u2019", "'").lower().translate(lookalikes.OWN_LETTERS) != self.normalized:
            notes.append("look-alike letters")
        return " and ".join(notes)

    @once
    def deobfuscated(self) -> "Text | None":
        """The text with letters split apart rejoined and leetspeak undone, where that spells
        words; None when nothing is undone."""
        for text, how, _ in self._undone():
            if how != LOOKALIKE_WORDS:
                return text
        return None

    def _undone(self) -> list[tuple["Text", str, list[str]]]:
        """The readings that undo tricks on the letters themselves: split letters and leetspeak,
        then words spelt in look-alikes (of the text, and of the text once rejoined)."""
        string = self.normalized
        keys = self.positions  # the text's tokens: looked at as a set, in C, where possible
        found: list[tuple[Text, str, list[str]]] = []
        # Each trick needs something that shows it. Split letters: a letter standing alone that is
        # not the word "a" or "i" (a contraction is one token), a "_", or a token joined by "-"
        # from single letters. Leetspeak: "@" or "$", or a token of letters and digits that spells
        # a word once read as leet.
        shape = string.encode().translate(LETTERS_AND_DIGITS)
        # A letter next to a digit (leet), or a letter alone between "-" (split): else no token needs
        # a closer look.
        # (A letter of another script is two or three bytes here: "д-о-б-а-в" shows as "-aa-".)
        if b"a1" in shape or b"1a" in shape or b"-a-" in shape or b"-aa-" in shape or b"-aaa-" in shape:
            split, leet = _split_or_leet(keys)
        else:
            split = leet = False
        split = (split or "_" in string or not SPLIT_LETTERS.isdisjoint(keys)
                 or sum(len(keys[key]) for key in VOWELS.intersection(keys)) >= 3
                 or (not string.isascii() and any(len(key) == 1 and not key.isascii() for key in keys)))
        emoji = disguises.emoji_inside(string)
        leet = leet or (("@" in string or "$" in string) and LEET_SIGN.search(string) is not None)
        if split or leet or emoji:
            shown: list[str] = []
            hows: list[str] = []
            for trick, how, undo in ((emoji, EMOJI_HOW, disguises.emoji_out), (split, "letters split apart", disguises.unsplit),
                                     (leet, "leetspeak", disguises.unleet)):
                undone = undo(string) if trick else None
                if undone is not None:
                    string, fragments = undone
                    shown += fragments
                    hows.append(how)
            if hows:
                found.append((Text.of(string), " and ".join(hows), shown))
        if not self.normalized.isascii():
            for base in dict.fromkeys((self.normalized, string)):
                spelt = lookalikes.skeleton(base)
                if spelt is not None:
                    found.append((Text.of(spelt[0]), LOOKALIKE_WORDS, spelt[1]))
        return found

    def _decoded(self) -> tuple["Text", str, list[str]] | None:
        """The text with its encoded fragments decoded, when one reads as text. The first look:
        words that rot13 turns into common words, a "%", "\\" or "&#", or a run of base64 or hex
        characters long enough for a sentence (a token that long, or one broken by "+", "/", "=")."""
        string = self.normalized
        keys = self.positions
        rot13_likely = len(words.rot13_words().intersection(keys)) >= disguises.ROT13_MIN_WORDS
        if not (rot13_likely or "%" in string or "\\" in string or "&#" in string
                or ENCODED_RUN in string.encode().translate(ENCODED_CHARACTERS)
                or disguises.other_encodings_likely(self.original)):
            return None
        decoded = disguises.decode(visible(self.original), rot13_likely)
        if decoded is None:
            return None
        text, kinds, shown = decoded
        return Text.of(text), " and ".join(kinds), shown

    @staticmethod
    @lru_cache(maxsize=4096)
    def of(text: str | None) -> "Text":
        original = text or ""
        normalized = normalize(original)
        words = tokens(normalized)
        positions = _positions(words)
        if not has_diacritics(normalized):  # the folded words are the words
            return Text(original, normalized, words, words, positions, positions)
        return Text(original, normalized, words, (), positions, {})


# A quoted phrase: the quote opens after a space (not the apostrophe of "I'm") and closes before one.
QUOTED = re.compile(r"(?<!\w)['\"“‘«「]([^'\"”’»」\n]{2,200})['\"”’»」](?!\w)")
LOOKALIKE_WORDS = "look-alike letters"
EMOJI_HOW = "emoji inside words"  # how a reading was made; no disguise alone (signals.DISGUISES leaves it out)
# Characters that stand alone in a text mostly where a word was split apart: consonants. Vowels
# and digits stand alone as words ("a", "I", "3", Vietnamese typed without diacritics: "o", "e"):
# it takes three of them, counted where they stand ("i|0|0|0" is four). A letter outside ASCII
# standing alone ("À", "ẞ") is looked at too. Split letters are rejoined only where they spell a
# word in Latin letters (look-alikes are mapped before), so these are all the first look needs.
SPLIT_LETTERS = frozenset("bcdfghjklmnpqrstvwxz")
VOWELS = frozenset("aeiouy0123456789")
# "@" or "$" next to a letter: "@ccept", "$ell" (not "$500", nor "@" between digits).
LEET_SIGN = re.compile(r"[@$][^\W\d_]|[^\W\d_][@$]")


def _shape_table(classes: dict[str, str]) -> bytes:
    """A table for bytes.translate: each byte as the first class (a string of characters, "\x80"
    for every non-ASCII byte) that holds it, else a space."""
    table = bytearray(b" " * 256)
    for mark, members in reversed(classes.items()):
        for code in range(256):
            if chr(code) in members or (code >= 128 and "\x80" in members):
                table[code] = ord(mark)
    return bytes(table)


# The shape of a text in one byte a character, made in C (bytes.translate): the first looks below
# read it with substring searches, far cheaper than a regex over the text. Letters (and every byte
# of a non-ASCII character) are "a", digits "1", "-" stays "-".
LETTERS_AND_DIGITS = _shape_table({"a": "abcdefghijklmnopqrstuvwxyz\x80", "1": "0123456789", "-": "-"})
# Characters of base64 and hex as "a": a run of ENCODED_MIN of them could be an encoded sentence.
ENCODED_CHARACTERS = _shape_table({"a": "abcdefghijklmnopqrstuvwxyz0123456789+/=_\x80"})
ENCODED_RUN = b"a" * disguises.ENCODED_MIN


def _split_or_leet(keys: Collection[str]) -> tuple[bool, bool]:
    """Whether a token joins single characters with "-" ("a-c-c-e-p-t" is one token), and whether
    a token mixing letters and digits spells a common word once read as leet ("1gn0r3"). Each token
    answers for itself (`_token_split_or_leet`, kept by token: a date, a profile address or an id's
    word comes back from request to request); the text holds either if one of its tokens does."""
    split = leet = False
    for key in filterfalse(str.isalpha, keys):  # most tokens are words: passed over in C
        if key.isdecimal():
            continue
        key_split, key_leet = _token_split_or_leet(key)
        split = split or key_split
        leet = leet or key_leet
        if split and leet:
            break
    return split, leet


@lru_cache(maxsize=8192)
def _token_split_or_leet(key: str) -> tuple[bool, bool]:
    if "-" in key:
        parts = key.split("-")
        split = sum(len(part) == 1 and part.isalpha() for part in parts) >= 2
    else:
        parts = key.split("'") if "'" in key else (key,)
        split = False
    leet = any(part.isalnum() and not part.isalpha() and not part.isdecimal() and disguises.leet_word(part)
               for part in parts)
    return split, leet


class Reading(NamedTuple):
    """One way to read a text: the text as prepared for the matchers, how it was hidden ("written
    in base64", "look-alike letters"; for the text itself, what normalizing undid, if anything) and
    the fragments as the sender wrote them, for evidence a person can check. (A named tuple: one
    is made for every text read, and a tuple is the cheapest object Python makes.)"""

    text: Text
    disguise: str | None  # None for the text itself: `how` then asks the text what normalizing undid
    shown: str

    @property
    def how(self) -> str:
        return self.text.hidden if self.disguise is None else self.disguise

    @property
    def as_written(self) -> bool:
        """Whether this is the text itself (read as written, invisible characters aside)."""
        return self.disguise is None


def _positions(words: tuple[str, ...]) -> dict[str, tuple[int, ...]]:
    # Tuples, not lists: a text stays in Text.of's cache a while, and the garbage collector stops
    # looking into a tuple of numbers (it always looks into a list).
    positions: dict[str, tuple[int, ...]] = {}
    repeated: dict[str, list[int]] = {}
    for index, word in enumerate(words):
        if word not in positions:
            positions[word] = (index,)
        elif word in repeated:
            repeated[word].append(index)
        else:
            repeated[word] = [*positions[word], index]
    for word, found in repeated.items():
        positions[word] = tuple(found)
    return positions


@lru_cache(maxsize=4096)
def user_phrases(items: tuple[str, ...]) -> PhraseSet:
    """The user's own words (companies, interests), compiled once per config."""
    return compile_phrases([item for item in items if item.strip()])


# Every character str.splitlines() breaks on: an error message quoting the sender (or a config key)
# must stay one line.
LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def one_line(text: str) -> str:
    """The text with its line breaks written as escapes ("\\n"), so a message stays one line."""
    return LINE_BREAKS.sub(lambda match: repr(match.group(0))[1:-1], text)


def clip(text: str, limit: int, ellipsis: str = "…") -> str:
    """The text cut to at most `limit` characters, the cut marked."""
    return text if len(text) <= limit else text[: limit - len(ellipsis)] + ellipsis


def flat(text: str) -> str:
    """Every run of whitespace, line breaks included, as one space."""
    return " ".join(text.split())


def quote(text: str, limit: int = 80) -> str:
    return f"\"{clip(flat(text), limit)}\""


def deobfuscate(text: str) -> str:
    """Letters split apart rejoined and leetspeak undone where they spell words: "1gn0re" ->
    "ignore", "a.c.c.e.p.t" -> "accept", "ac🍀cept" -> "accept"."""
    undone = disguises.emoji_out(text) if disguises.emoji_inside(text) else None
    text = undone[0] if undone else text
    undone = disguises.unsplit(text)
    text = undone[0] if undone else text
    undone = disguises.unleet(text)
    return undone[0] if undone else text
