"""Look-alike letters (Unicode TR39 confusables), mapped only where they disguise a word.

"ignоre" with a Cyrillic о, "ассерт" spelt wholly in Cyrillic, "ᴀᴄᴄᴇᴘᴛ" in small capitals: each
hides a word from a matcher that reads letters. Mapping every Cyrillic or Greek letter to Latin
would destroy real Russian and Greek, so a letter is mapped only where the word shows a disguise:
- a word that mixes scripts (TR39's mixed-script test) is read in the script most of its letters
  are in: "ignоre" as Latin, "Игнopиpуй" (Latin o and p) as Russian;
- Latin-script look-alikes that no language writes words in (small capitals, IPA letters, the
  dotless ı and the like) are always read as the letter they imitate; NFKC leaves them alone;
- a word spelt wholly in another script's look-alikes is read as Latin only in a separate reading
  (`skeleton`), and only when that spells a common word and the word is not one in its own script.
Letters with diacritics are never mapped (Vietnamese is safe by construction).

Which character imitates which, and each character's script, come from the Unicode data that the
`confusable_homoglyphs` package ships (confusables.txt and Scripts.txt), loaded only when a text
holds a character outside the scripts that have no look-alikes (ASCII, Latin with diacritics,
punctuation, CJK): most texts never load it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache

from . import words

# The blocks of the Unicode Standard that hold look-alikes of Latin letters, per the library's
# confusables data (a test checks that every one it knows falls in them): extended Latin, IPA,
# Greek, Cyrillic, Armenian and Hebrew; Arabic and Indic digits; Thai digits, Lao, Myanmar, Georgian,
# Ethiopic, Cherokee, Canadian syllabics, runes; phonetic extensions (small capitals); Coptic and
# Tifinagh; the ideographic zero; Lisu, Vai, Cyrillic and Latin extensions; and every character
# past the Basic Multilingual Plane. A text with none of them needs no table (most text: one regex).
LOOKALIKE_BLOCKS = [(0x100, 0x5FF), (0x680, 0x6FF), (0x900, 0xDFF), (0xE50, 0xE59), (0xE80, 0xEFF), (0x1000, 0x10FF),
                    (0x1200, 0x12FF),
                    (0x1380, 0x16FF), (0x1D00, 0x1DFF), (0x1E80, 0x1EFF), (0x2C60, 0x2D7F), (0x3007, 0x3007),
                    (0xA480, 0xA4FF), (0xA600, 0xA7FF), (0xAB00, 0xABFF), (0x10000, 0x10FFFF)]
# Within them, the letters with a canonical decomposition (a base letter and its marks: Vietnamese
# among them) and đ are real letters of real languages, never look-alikes; emoji are symbols.
_EXTENDED_LATIN = (range(0x100, 0x250), range(0x1E80, 0x1F00))
_EMOJI = (0x1F000, 0x1FAFF)


def _merged(runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for first, last in sorted(runs):
        if merged and first <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([first, last])
    return [(a, b) for a, b in merged]


def _ranges(runs: list[tuple[int, int]]) -> str:
    """A character class's body for these runs of code points, merged."""
    return "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in _merged(runs))


def _composed(code: int) -> bool:
    """Whether the character is a letter with a canonical decomposition (a base and its marks)."""
    decomposition = unicodedata.decomposition(chr(code))
    return bool(decomposition) and not decomposition.startswith("<")


def _maybe_runs() -> list[tuple[int, int]]:
    latin = [code for block in _EXTENDED_LATIN for code in block]
    runs = [(code, code) for code in latin if not _composed(code) and code not in (0x110, 0x111)]
    for first, last in LOOKALIKE_BLOCKS:  # the blocks, less the extended Latin looked at above and emoji
        cuts = sorted([(block.start, block.stop - 1) for block in _EXTENDED_LATIN] + [_EMOJI])
        start = first
        for cut_first, cut_last in cuts:
            if cut_last < start or cut_first > last:
                continue
            if cut_first > start:
                runs.append((start, cut_first - 1))
            start = max(start, cut_last + 1)
        if start <= last:
            runs.append((start, last))
    return runs


@cache
def _maybe() -> re.Pattern[str]:
    return re.compile(f"[{_ranges(_maybe_runs())}]")


def maybe(text: str) -> bool:
    """Whether the text holds a character that may be a look-alike (one regex, no table loaded).
    Compiled when first needed: a process that reads only ASCII never pays for it."""
    return not text.isascii() and _maybe().search(text) is not None

# Look-alikes that living alphabets write words with: Turkish and Azerbaijani's dotless ı. Read as
# the letter they resemble, like any other, but no sign of a disguise (text.Text.hidden).
OWN_LETTERS = str.maketrans({"\u0131": "i"})

# Before any table is loaded: a disguise needs a word holding both a Latin letter and one of those
# characters (a word longer than WORD_REACH is not a disguise anyone reads), or a Latin letter
# among them (small capitals, IPA letters, the dotless ı and the like).
WORD_REACH = 64
_LATIN = "a-z\u00c0-\u024f\u1e00-\u1eff"
_LATIN_BLOCKS = [(0x100, 0x2AF), (0x1D00, 0x1DBF), (0x1E80, 0x1EFF), (0x2C60, 0x2C7F), (0xA720, 0xA7FF),
                 (0xAB30, 0xAB6F)]


def _latin_lookalike_runs() -> list[tuple[int, int]]:
    return [(max(a, c), min(b, d)) for a, b in _maybe_runs() for c, d in _LATIN_BLOCKS if max(a, c) <= min(b, d)]


@cache
def _has_latin() -> re.Pattern[str]:
    return re.compile(f"[{_LATIN}]")


@cache
def _toward_letter() -> re.Pattern[str]:
    return re.compile(f"[{_TOWARD_BLOCKS}]")


@cache
def _latin_lookalike() -> re.Pattern[str]:
    return re.compile(f"[{_ranges(_latin_lookalike_runs())}]")


@cache
def _could_disguise() -> re.Pattern[str]:
    # A word mixing Latin with a look-alike, or with any letter of a script a mixed word can be read
    # back into (Greek and Cyrillic, their extended blocks too: "oἀ" is read as Greek).
    maybe = _ranges(_maybe_runs()) + _TOWARD_BLOCKS
    own = _ranges(_latin_lookalike_runs())
    return re.compile(f"[{_LATIN}]\\w{{0,{WORD_REACH}}}?[{maybe}]|[{maybe}]\\w{{0,{WORD_REACH}}}?[{_LATIN}]|[{own}]")


_WORD = re.compile(r"\w+")
_TOWARD_BLOCKS = "\u0370-\u03ff\u1f00-\u1fff\u0400-\u052f"  # Greek, Greek Extended, Cyrillic and its supplement
_CJK = frozenset({"HAN", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO"})  # TR39 lets these mix in one word
_NEUTRAL = frozenset({"COMMON", "INHERITED", "Unknown"})
_SMALL_CAPITAL = re.compile(r"LATIN LETTER SMALL CAPITAL ([A-Z])$")
# Scripts a mixed word can be read back into, besides Latin: their alphabets' own letters.
TOWARD = {"CYRILLIC": range(0x0430, 0x0460), "GREEK": range(0x03AC, 0x03CF)}


@dataclass(frozen=True)
class Tables:
    to_latin: dict[str, str]  # a look-alike -> the lower-case ASCII letter it imitates
    latin_own: frozenset[str]  # the Latin-script ones: mapped in any word
    toward: dict[str, dict[str, str]]  # script -> ASCII letter -> that script's look-alike of it
    other: re.Pattern[str]  # any look-alike of another script than Latin
    script_of: dict[str, str]  # filled as characters are met


def _small_capital(char: str) -> str | None:
    match = _SMALL_CAPITAL.match(unicodedata.name(char, ""))
    return match.group(1).lower() if match else None


@cache
def tables() -> Tables:
    """The look-alike tables, derived once from the Unicode data the library ships."""
    from confusable_homoglyphs import categories, confusables

    script_of: dict[str, str] = {}

    def script(char: str) -> str:
        found = script_of.get(char)
        if found is None:
            found = script_of[char] = categories.alias(char)
        return found

    to_latin: dict[str, str] = {}
    for char, homoglyphs in confusables.confusables_data.items():
        if len(char) != 1 or char.isascii() or unicodedata.normalize("NFKC", char) != char:
            continue  # ASCII is read as written (digits are leetspeak's), NFKC maps compatibility forms
        if script(char) in _NEUTRAL or (unicodedata.decomposition(char) and not unicodedata.decomposition(char).startswith("<")):
            continue  # symbols stay symbols; a letter with diacritics is a real letter
        glyphs = [h["c"] for h in homoglyphs if len(h["c"]) == 1]
        latin = {g.lower() for g in glyphs if g.isascii() and g.isalpha()}
        if not latin:  # Cyrillic в looks like ʙ, a small capital B: one step further
            latin = {letter for g in glyphs if (letter := _small_capital(g))}
        if not latin and (letter := _small_capital(char)):
            latin = {letter}
        if len(latin) == 1:
            to_latin[char] = latin.pop()
    # Small capitals TR39 does not list as look-alikes of a Latin letter (ɴ, ꜱ): read by their name.
    for first, last in _LATIN_BLOCKS:
        for code in range(first, last + 1):
            if chr(code) not in to_latin and (letter := _small_capital(chr(code))):
                to_latin[chr(code)] = letter
    latin_own = frozenset(char for char in to_latin if script(char) == "LATIN")
    toward: dict[str, dict[str, str]] = {name: {} for name in TOWARD}
    for char in sorted(to_latin):  # the lowest code point first: the alphabet's own letter
        name = script(char)
        if name in toward and ord(char) in TOWARD[name]:
            toward[name].setdefault(to_latin[char], char)
    others = sorted(char for char in to_latin if char not in latin_own)
    other = re.compile("[" + "".join(re.escape(char) for char in others) + "]")
    return Tables(to_latin, latin_own, toward, other, script_of)


def _script(char: str, table: Tables) -> str:
    found = table.script_of.get(char)
    if found is None:
        from confusable_homoglyphs import categories

        found = table.script_of[char] = categories.alias(char)
    return found


def _read_word(word: str, table: Tables) -> str:
    """The word with its disguise undone. A word mixing scripts is read wholly in one of them:
    Latin when every letter has a Latin look-alike ("Ѕуѕtеm"), unless the other script's reading
    is a common word and the Latin one is not; else the script most of its letters are in, as far
    as it has look-alikes ("Игнopиpуй"). Latin look-alikes are read as the letters they imitate."""
    counts: Counter[str] = Counter()
    for char in word:
        if char.isalpha() or char in table.to_latin:
            name = _script(char, table)
            if name not in _NEUTRAL:
                counts["CJK" if name in _CJK else name] += 1
    if len(counts) <= 1:
        if "LATIN" in counts and any(char in table.latin_own for char in word):
            return "".join(table.to_latin.get(char, char) if char in table.latin_own else char for char in word)
        return word
    latin = "".join(table.to_latin.get(char, char) for char in word)
    majority = max((name for name in counts if name != "LATIN"), key=lambda name: counts[name])
    toward = table.toward.get(majority)
    own = "".join(toward.get(char, char) for char in word) if toward is not None else None
    if own is not None and not _whole(own, majority, table):
        own = None
    if _whole(latin, "LATIN", table) and (own is None or latin in words.latin() or own not in words.common()):
        return latin
    if own is not None:
        return own
    if counts[majority] > counts["LATIN"] and toward is not None:
        return "".join(toward.get(char, char) if char.isascii() else char for char in word)
    return latin if counts["LATIN"] >= counts[majority] else word


def _whole(word: str, script: str, table: Tables) -> bool:
    """Whether every letter of the word is of `script`."""
    return all(_script(char, table) in (script, *_NEUTRAL) for char in word if char.isalpha())


def unmix(text: str) -> str:
    """The text with every disguised word read as the word it imitates (see the module's doc).
    Expects lower-case NFKC text; changes nothing that is not a disguise."""
    if not maybe(text) and not (_toward_letter().search(text) and _has_latin().search(text)):
        return text
    if _has_latin().search(text) is None:  # Russian, Greek, Thai...: only Latin look-alikes of their own
        if _latin_lookalike().search(text) is None:
            return text
    elif _could_disguise().search(text) is None:
        return text
    table = tables()
    seen: dict[str, str] = {}

    def read(match: re.Match[str]) -> str:
        word = match.group(0)
        found = seen.get(word)
        if found is None:
            found = seen[word] = _read_word(word, table)
        return found

    return _WORD.sub(read, text)


def skeleton(text: str) -> tuple[str, list[str]] | None:
    """The text with each word spelt wholly in another script's look-alikes of Latin letters read
    as the Latin word it spells, and those words as written; None when there is none. Such a word
    is read as Latin when that spells a common word that is not one of its own script ("ассерт"
    -> "accept"), or when it stands among words in Latin letters ("xu ly ѕо nay"): never inside
    text of its own script, so Russian and Greek stay as written."""
    if not maybe(text):
        return None
    table = tables()
    if not table.other.search(text):
        return None
    latin, own = words.latin(), words.common()
    found = list(_WORD.finditer(text))
    pieces: list[str] = []
    changed: list[str] = []
    last = 0
    for index, match in enumerate(found):
        word = match.group(0)
        spelt = _spelt(word, table)
        if spelt is None or word in own:
            continue
        neighbours = [found[i].group(0) for i in (index - 1, index + 1) if 0 <= i < len(found)]
        among_latin = bool(neighbours) and all(_in_latin(neighbour) for neighbour in neighbours)
        if (len(word) >= words.MIN_LETTERS and spelt in latin) or among_latin:
            pieces += [text[last:match.start()], spelt]
            last = match.end()
            changed.append(word)
    if not changed:
        return None
    pieces.append(text[last:])
    return "".join(pieces), changed


def _spelt(word: str, table: Tables) -> str | None:
    """The Latin letters a word spells when every one of its letters is another script's
    look-alike of one (all of one script), else None."""
    if not all(char in table.to_latin for char in word):
        return None
    if len({_script(char, table) for char in word}) != 1 or _script(word[0], table) == "LATIN":
        return None
    return "".join(table.to_latin[char] for char in word)


def _in_latin(word: str) -> bool:
    """Whether a word is written in Latin letters (digits aside)."""
    return any("a" <= char <= "z" for char in word) and all(char.isascii() or "\u00c0" <= char <= "\u024f"
                                                             or "\u1e00" <= char <= "\u1eff" for char in word)
