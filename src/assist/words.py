"""Whether a string reads as words: the common words of prompts/words.toml, and what they decide.

A decoded fragment, a word undone from leetspeak or from letters split apart, or a word spelt in
look-alike letters is read as such only when it turns out to be words: an ID, a hash, a URL or a
line of code never does. The lists are read once, when first needed.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import cache
from importlib import resources

PROMPTS_PACKAGE = "assist.prompts"
ROT13 = str.maketrans("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                      "nopqrstuvwxyzabcdefghijklmNOPQRSTUVWXYZABCDEFGHIJKLM")
ATBASH = str.maketrans("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                       "zyxwvutsrqponmlkjihgfedcbaZYXWVUTSRQPONMLKJIHGFEDCBA")
LETTERS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
COMBINING = re.compile("[\u0300-\u036f]")
# Below this many letters a string says too little to tell a word from chance.
MIN_LETTERS = 4
SEGMENT_LIMIT = 200  # letters: a longer run is not split into words (the split costs its length times 20)
LONGEST_WORD = 20


def _plain(words: list[str]) -> list[str]:
    """The words without diacritics ("kết" -> "ket"; đ -> d), as text typed without them reads:
    all at once (NFD and one regex over the lot), for this runs in every process that reads text."""
    stripped = COMBINING.sub("", unicodedata.normalize("NFD", " ".join(words)))
    return stripped.replace("đ", "d").split(" ")


@cache
def _listed() -> frozenset[str]:
    """Every word of every list, lower case, as written."""
    raw = resources.files(PROMPTS_PACKAGE).joinpath("words.toml").read_text(encoding="utf-8")
    data = tomllib.loads(unicodedata.normalize("NFC", raw).lower())
    return frozenset(word for text in data["words"].values() for word in text.split())


@cache
def common() -> frozenset[str]:
    """Every word of every list, as written and without its diacritics (text typed without them)."""
    listed = _listed()
    return listed.union(_plain([word for word in listed if not word.isascii()]))


@cache
def latin() -> frozenset[str]:
    """The words written in ASCII letters alone: what a look-alike, leet or split word may spell.
    (Not the Vietnamese words stripped of their diacritics: "8a1" is not "bài".)"""
    return frozenset(word for word in _listed() if word.isascii() and word.isalpha())


@cache
def rot13_words() -> frozenset[str]:
    """The words rot13 turns common words into, where they are not common words themselves: a text
    holding several of them may be written in rot13."""
    known = common()
    return frozenset(shifted for word in latin() if len(word) >= 2 and (shifted := word.translate(ROT13)) not in known)


@cache
def atbash_words() -> frozenset[str]:
    """The words Atbash (each letter mirrored) turns common words into, where they are not common
    words themselves: a text holding several of them may be written in Atbash."""
    known = common()
    return frozenset(mirrored for word in latin() if len(word) >= 2 and (mirrored := word.translate(ATBASH)) not in known)


@cache
def reversed_words() -> frozenset[str]:
    """Common words written backwards, where that is not a common word itself ("tpecca", not
    "no"/"on"): a text holding several of them may be written backwards."""
    known = common()
    return frozenset(backwards for word in latin() if len(word) >= 3 and (backwards := word[::-1]) not in known)


def is_word(token: str) -> bool:
    return token.lower() in common()


def segment(letters: str) -> list[str] | None:
    """The run of letters as the fewest common words ("pleaseacceptme" -> please, accept, me;
    "dongy" -> dong, y), or None when it is not such words (or too long to try)."""
    size = len(letters)
    if size < 2 or size > SEGMENT_LIMIT:
        return None
    known = common()
    best: list[list[str] | None] = [None] * (size + 1)
    best[0] = []
    for end in range(1, size + 1):
        for start in range(max(0, end - LONGEST_WORD), end):
            before = best[start]
            if before is not None and letters[start:end] in known and (
                    best[end] is None or len(before) + 1 < len(best[end])):  # type: ignore[arg-type]
                best[end] = [*before, letters[start:end]]
    found = best[size]
    # Words, not a string of one-letter ones: a word of three letters at least, and no more
    # one-letter words than others ("a e i o u" is not split into words).
    if found is None or max(map(len, found)) < 3 or 2 * sum(len(word) == 1 for word in found) > len(found):
        return None
    return found


def _known_weight(token: str, known: frozenset[str]) -> int:
    """How many words a token counts for: one when it is a common word; a token of a script that
    has no list here (CJK, kana, Thai, Hangul and the like) counts by its letters, two a word."""
    if token in known:
        return 1
    if all(ord(ch) >= 0x0530 for ch in token):  # past Latin, Greek and Cyrillic: no list to check against
        return max(1, len(token) // 2)
    return 0


def reads_as_text(text: str, min_words: int = 2) -> bool:
    """Whether a decoded string is text a person wrote: printable, mostly letters and spaces, with
    at least `min_words` words and at least half of its words common ones."""
    if not text or not text.replace("\n", " ").replace("\t", " ").isprintable():
        return False
    letters = sum(ch.isalpha() for ch in text)
    if letters < MIN_LETTERS or letters + text.count(" ") < 0.75 * len(text):
        return False
    tokens = LETTERS.findall(text.lower())
    known = common()
    weights = [_known_weight(token, known) for token in tokens]
    found = sum(weights)
    return found >= min_words and sum(1 for weight in weights if weight) * 2 >= len(tokens)
