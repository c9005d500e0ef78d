"""Undoing the tricks that hide words from a matcher: letters split apart, leetspeak, and fragments
encoded in base64, hex, percent-encoding, escapes or rot13.

Each function takes a string and returns what it reads as once undone, with the fragments as
written, or None when there was nothing to undo. Something is undone only where the result reads as
words (`words.py`): "1gn0r3" becomes "ignore", "k8s", "A1B2C3" and a hash stay as they are, and a
decoded fragment is kept only when it reads as text. `text.Text.readings` calls them behind cheap
first looks; every regex here is linear (no nested quantifier over the same characters, every
repeat bounded or anchored on a character that cannot repeat).
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable
from functools import cache
from urllib.parse import unquote

from . import words


@cache
def _regex(pattern: str) -> re.Pattern[str]:
    """The pattern compiled when first needed: most runs never undo a disguise, and compiling these
    at import would cost every start-up."""
    return re.compile(pattern)


# -- letters split apart and leetspeak ------------------------------------------------------------

LEET_AS_I = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "6": "g", "7": "t", "8": "b", "9": "g",
                           "@": "a", "$": "s"})
LEET_AS_L = str.maketrans({"0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "6": "g", "7": "t", "8": "b", "9": "g",
                           "@": "a", "$": "s"})
# A single letter (or leet character) standing alone, then more of them, each after one to three
# separators: "i.g.n.o.r.e", "a c c e p t", "i / g - n", "1 g n 0 r 3". Each repeat checks that its
# character stands alone, so a run ends where a word starts and the regex never backtracks far.
# A Thai letter carries its vowel and tone marks, which are no word characters: "คั" is one letter.
THAI_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"  # a character class's body: Thai's vowel and tone marks
_THAI_MARKS = f"[{THAI_MARKS}]*"
_ALONE = rf"(?:[^\W_]{_THAI_MARKS}|[@$])(?![^\W_])"
# Emoji and pictographs between letters are separators too: "A✅C✅C✅E✅P✅T".
_SEPARATORS = r"[ .\-_/\\|*+~·•\u2600-\u27bf\u2b00-\u2bff\U0001f300-\U0001faff]{1,3}"
SPLIT_RUN = rf"(?<![^\W_@$]){_ALONE}(?:{_SEPARATORS}{_ALONE})+"
_SPLIT_CHARACTER = rf"[^\W_]{_THAI_MARKS}|[@$]"
# A token with a letter and a digit, "@" or "$" in it: "1gn0r3", "@ccept", "k8s".
LEET_TOKEN = r"(?<![\w@$])(?=[\w@$]*?[^\W\d_])(?=[\w@$]*?[\d@$])[\w@$]+"
MIN_JOINED = 3  # letters: "e.g." and "a.m." stay as written
# Letters of the scripts written without spaces (Thai, kana, CJK ideographs): four or more spaced
# apart one by one are a disguise ("给 筛 选 工 具"); a name of three ("王 小 明") is written so.
UNSPACED_LETTERS = r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+"  # Thai marks included
UNSPACED_MIN = 4
DELIBERATE_RUNS = 2  # runs rejoined: then the text is split on purpose, and "a.s", "n.o" are "as", "no"
# Two letters split by one mark that is not a space: "a.s", "n🚫o".
SHORT_SPLIT = r"(?<![^\W_])([^\W\d_])[.\-·•*/\u2600-\u27bf\u2b00-\u2bff\U0001f300-\U0001faff]([^\W\d_])(?![^\W_])"
DELIBERATE = 5  # letters split by one and the same punctuation mark: no abbreviation is that long
LEET_CONTEXT = 2  # words found in leet: the text is written in it
# Any token with a digit, "@" or "$" in it (read as leet only in a text written in it).
LEET_ANY = r"(?<![\w@$])(?=[\w@$]*?[\d@$])[\w@$]+"
ORDINAL = r"\d+(?:st|nd|rd|th)"  # "1st" is not leet for the German "ist"


def leet_word(token: str) -> str | None:
    """The common word a leet token spells ("1gn0r3" -> "ignore", "a11" -> "all"), or None."""
    if len(token) < MIN_JOINED:
        return None
    latin = words.latin()
    for table in (LEET_AS_I, LEET_AS_L):
        plain = token.translate(table)
        if plain in latin:
            return None if _regex(ORDINAL).fullmatch(token) else plain
    return None


# An emoji or pictograph inside a word, letters on both sides ("при😊нять"): nobody writes one
# there but to split the word.
EMOJI_INSIDE = r"(?<=[^\W\d_])[\u2600-\u27bf\u2b00-\u2bff\U0001f300-\U0001faff\ufe0f\u200d]{1,4}(?=[^\W\d_])"


def emoji_inside(text: str) -> bool:
    return not text.isascii() and _regex(EMOJI_INSIDE).search(text) is not None


def emoji_out(text: str) -> tuple[str, list[str]] | None:
    """The text with every emoji inside a word taken out ("при😊нять" -> "принять"), and the
    places it was taken from. A reading, not a disguise on its own: "it🚀then" is a slip of the
    thumb, and only what the words then say counts."""
    changed: list[str] = []

    def take_out(match: re.Match[str]) -> str:
        start, end = match.span()
        changed.append(text[max(0, start - 6):end + 6])
        return ""

    result = _regex(EMOJI_INSIDE).sub(take_out, text)
    return (result, changed) if changed else None


def unsplit(text: str) -> tuple[str, list[str]] | None:
    """Letters split by spaces or punctuation, rejoined where they spell words: "i.g.n.o.r.e" ->
    "ignore", "p l e a s e a c c e p t" -> "please accept", "d o n g y" -> "dong y"; or where one
    punctuation mark between five letters or more shows it was meant ("v.a.l.i.d.é.e")."""
    changed: list[str] = []

    def join(match: re.Match[str]) -> str:
        run = match.group(0)
        word = _joined(run, segment=False)
        if word is None and " " in run:  # words split apart one by one: "d.é.j.à v.a.l.i.d.é.e"
            pieces = run.split()
            joined = [_joined(piece) for piece in pieces]
            if sum(map(bool, joined)) >= DELIBERATE_RUNS:  # "m.a.r.k t.h.i.s a.s": "a.s" is "as" here
                joined = [found or _short(piece) or _alike(piece) for found, piece in zip(joined, pieces)]
            word = " ".join(j or p for j, p in zip(joined, pieces)) if any(joined) else None
        if word is None:
            word = _joined(run)
        if word is None and " " not in run:
            word = _words_apart(run)
        if word is None:
            return run
        changed.append(run)
        return word

    result = _regex(SPLIT_RUN).sub(join, text)
    if len(changed) >= DELIBERATE_RUNS:  # split on purpose: two-letter words split alike are words too
        def join_short(match: re.Match[str]) -> str:
            letters = match.group(1) + match.group(2)
            if not words.is_word(letters):
                return match.group(0)
            changed.append(match.group(0))
            return letters

        result = _regex(SHORT_SPLIT).sub(join_short, result)

        def join_alike(match: re.Match[str]) -> str:  # "s😀t😀e😀p" beside "r😀e😀v😀i😀e😀w": split alike
            run = match.group(0)
            letters = _alike(run)
            if letters is None:
                return run
            changed.append(run)
            return letters

        result = _regex(SPLIT_RUN).sub(join_alike, result)
    return (result, changed) if changed else None


def _words_apart(run: str) -> str | None:
    """Words apart by one mark, their letters by another ("s.o.r.t.e.r-m.u.s.t-f.i.l.e",
    "p.l.e.a.s.e_a.c.c.e.p.t"): the words, when at least two are split alike. Read on the mark that
    leaves the most such words."""
    best: list[str] | None = None
    for mark in set(run) - set(_regex(_SPLIT_CHARACTER).findall(run)) - {" "}:
        pieces = run.split(mark)
        if len(pieces) < DELIBERATE_RUNS:
            continue
        spelled = [_alike(piece) or _short(piece) or (piece if len(piece) == 1 and piece.isalpha() else None) for piece in pieces]
        if all(spelled) and sum(len(word) >= MIN_JOINED for word in spelled) >= DELIBERATE_RUNS \
                and (best is None or len(spelled) > len(best)):
            best = spelled  # type: ignore[assignment]
    return " ".join(best) if best else None


def _alike(piece: str) -> str | None:
    """Three letters or more split by one and the same mark that is not a space ("s😀t😀e😀p"), as
    the letters, in a text split on purpose."""
    letters = "".join(_regex(_SPLIT_CHARACTER).findall(piece))
    separators = set(_regex(_SPLIT_CHARACTER).split(piece)) - {""}
    if len(letters) < MIN_JOINED or not letters.isalpha() or len(separators) != 1 or separators.pop().isspace():
        return None
    return letters


def _short(piece: str) -> str | None:
    """Two letters split apart, as the word they spell ("a.s" -> "as"), in a text split on purpose."""
    letters = "".join(_regex(_SPLIT_CHARACTER).findall(piece))
    return letters if len(letters) == 2 and letters.isalpha() and words.is_word(letters) else None


def _joined(run: str, segment: bool = True) -> str | None:
    """What a run of split letters spells, or None. `segment`: try it as several words too."""
    letters = "".join(_regex(_SPLIT_CHARACTER).findall(run))
    if len(letters) < MIN_JOINED:
        return None
    if len(letters) >= UNSPACED_MIN and _regex(UNSPACED_LETTERS).fullmatch(letters):
        return letters  # a script written without spaces, spaced apart letter by letter: never how it is written
    plain = letters.translate(LEET_AS_I)
    word = leet_word(letters) or (letters if words.is_word(letters) else None)
    if word is None and len(letters) >= DELIBERATE and plain.isalpha():
        separators = set(_regex(_SPLIT_CHARACTER).split(run)) - {""}
        if len(separators) == 1 and not separators.pop().isspace():
            word = plain
    if word is None and segment and len(letters) > MIN_JOINED:
        found = words.segment(plain)
        word = " ".join(found) if found else None
    return word


def unleet(text: str) -> tuple[str, list[str]] | None:
    """Leetspeak undone where it spells a common word: "1gn0r3" -> "ignore", "@ccept" -> "accept".
    Once two words are found in leet, short ones and numbers are read as leet too ("0f" -> "of",
    "7357" -> "test"): the text is written that way."""
    changed: list[str] = []

    def undo(match: re.Match[str]) -> str:
        word = leet_word(match.group(0))
        if word is None:
            return match.group(0)
        changed.append(match.group(0))
        return word

    result = _regex(LEET_TOKEN).sub(undo, text)
    if len(changed) >= LEET_CONTEXT:
        latin = words.latin()

        def undo_short(match: re.Match[str]) -> str:
            token = match.group(0)
            for table in (LEET_AS_I, LEET_AS_L):
                plain = token.translate(table)
                if plain != token and plain.isalpha() and plain in latin:
                    changed.append(token)
                    return plain
            # A word of a language the lists hold few words of ("tr14g3m", "c0nf14v3l"): in a text
            # written in leet, letters and digits mixed are letters.
            plain = token.translate(LEET_AS_I)
            if plain.isalpha() and sum(map(str.isalpha, token)) >= 2 and len(token) >= MIN_JOINED \
                    and not _regex(ORDINAL).fullmatch(token):
                changed.append(token)
                return plain
            return token

        result = _regex(LEET_ANY).sub(undo_short, result)
    return (result, changed) if changed else None


# -- encoded fragments ------------------------------------------------------------------------------

# Cheap first looks, on the lower-cased text: a run long enough to be base64 or hex of a sentence.
ENCODED_MIN = 16  # characters: base64 of 12 bytes, hex of 8
# Starting only where a run starts, so each run is read once (not once for each of its characters).
ENCODED_RUN = re.compile(rf"(?<![a-z0-9+/=_])[a-z0-9+/=_]{{{ENCODED_MIN}}}")
# A run that starts after another base64 character is part of it; one that starts after "key=" is
# the value of a query or a config entry ("?ctx=…", "#cfg=…"), read as well.
BASE64 = r"(?:(?<=[A-Za-z0-9]=)|(?<![A-Za-z0-9+/=_\-]))[A-Za-z0-9+/_\-]{16,}={0,2}(?![A-Za-z0-9+/=_\-])"
HEX = r"(?<![0-9A-Za-z])(?:[0-9a-fA-F]{2}){8,}(?![0-9A-Za-z])"
_PERCENT_ESCAPE = r"%[0-9a-fA-F]{2}"
# The letters just before the first escape belong to the word ("ign%6Fre"): at most 64 of them.
PERCENT = rf"[A-Za-z0-9]{{0,64}}{_PERCENT_ESCAPE}(?:{_PERCENT_ESCAPE}|[A-Za-z0-9._~-])*"
_ESCAPE = r"\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8}|&#[0-9]{1,7};|&#[xX][0-9a-fA-F]{1,6};"
# A run of escapes goes on across the letters, spaces and punctuation between them: a sentence
# escaped one letter a word ("G\\u1eedi b\\u1ed9 l\\u1ecdc") is one fragment.
ESCAPES = rf"[A-Za-z]{{0,64}}(?:{_ESCAPE})(?:{_ESCAPE}|[A-Za-z]|[ ,.:;!?'-](?=[A-Za-z ]{{0,64}}(?:{_ESCAPE})))*"
_ONE_ESCAPE = rf"({_ESCAPE})"
# Words as text.tokens() finds them, so the caller's first look (its tokens) and this agree.
JOINED_WORDS = r"\w+(?:['-]\w+)*"
WORD_CHARACTERS = r"\w+"
ROT13_MIN_WORDS = 3  # different words that rot13 turns into common words: fewer happen by chance
MIN_ENCODED_LETTERS = 3  # escapes of plain letters: a URL or JSON escapes other characters, never these
URL_MIN_WORDS = 3  # a link's encoded path or query is decoded only when it reads as a sentence
URL_REACH = 2048  # characters looked back for the start of a link
STANDARD = str.maketrans("-_", "+/")


def _base64(fragment: str, in_url: bool = False) -> str | None:
    body = fragment.rstrip("=")
    if body == body.lower() or body == body.upper():
        return None  # base64 of text mixes cases; a word, a hex hash or a constant does not
    if "-" in body or "_" in body:
        if "+" in body or "/" in body:
            return None  # both alphabets at once: not base64
        body = body.translate(STANDARD)
    if len(body) % 4 == 1:
        body = body[:-1]
    try:
        decoded = base64.b64decode(body + "=" * (-len(body) % 4), validate=True).decode("utf-8")
    except (binascii.Error, ValueError):
        return None
    return decoded if _readable(decoded) else None


def _readable(decoded: str, min_words: int = 2) -> bool:
    """Whether a decoded fragment reads as text, as it is or through rot13 (read back next round)."""
    return words.reads_as_text(decoded, min_words) or words.reads_as_text(decoded.translate(words.ROT13), min_words)


def _hex(fragment: str, in_url: bool = False) -> str | None:
    try:
        decoded = bytes.fromhex(fragment).decode("utf-8")
    except ValueError:
        return None
    return decoded if _readable(decoded) else None


def _percent(fragment: str, in_url: bool) -> str | None:
    """Percent-encoding decoded where it hides text. Escapes of plain letters never occur in a
    URL, nor anywhere but in a disguise; escapes of spaces and punctuation do, in a URL's path and
    query: there the decoded fragment must read as a sentence (three common words at least)."""
    escapes = re.findall(_PERCENT_ESCAPE, fragment)
    letters = sum(int(escape[1:], 16) < 128 and chr(int(escape[1:], 16)).isalnum() for escape in escapes)
    try:
        decoded = unquote(fragment, errors="strict")
    except UnicodeDecodeError:
        return None
    min_words = 1 if letters >= MIN_ENCODED_LETTERS or not in_url else URL_MIN_WORDS
    return decoded if _readable(decoded, min_words) else None


def _in_url(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is part of a link (the run of non-blank characters around it)."""
    before = "" if not start or text[start - 1].isspace() else text[max(0, start - URL_REACH):start].rsplit(None, 1)[-1]
    token = before + text[start:end]
    return "://" in token or token.lower().startswith("www.") or "/" in token or "?" in token


def _escapes(fragment: str, in_url: bool = False) -> str | None:
    parts = _regex(_ONE_ESCAPE).split(fragment)
    pieces: list[str] = []
    pending = bytearray()  # \x escapes are bytes: several make one UTF-8 letter
    plain_letters = 0
    for index, part in enumerate(parts):
        if index % 2 == 0:  # the text between escapes
            if part:
                pieces.append(_flush(pending))
                pieces.append(part)
            continue
        if part.startswith("\\x"):
            value = int(part[2:], 16)
            pending.append(value)
        else:
            pieces.append(_flush(pending))
            value = int(part[3:-1], 16) if part.startswith("&#x") or part.startswith("&#X") else (
                int(part[2:-1]) if part.startswith("&#") else int(part[2:], 16))
            if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
                return None
            pieces.append(chr(value))
        # the letters escaped, of any script: a URL or JSON escapes spaces, punctuation or a letter
        # here and there ("Nguy\\u1ec5n"), never a word's letters one after another
        plain_letters += chr(value).isalpha() or (value < 128 and chr(value).isalnum())
    pieces.append(_flush(pending))
    if plain_letters < MIN_ENCODED_LETTERS:
        return None
    decoded = "".join(pieces)
    return decoded if _readable(decoded, min_words=1) else None


# Bytes written as eight binary digits each, four or more in a row ("01100001 01100011 …").
BINARY = r"(?<![01])[01]{8}(?:[ ]?[01]{8}){3,}(?![01])"


def _binary(fragment: str, in_url: bool = False) -> str | None:
    digits = fragment.replace(" ", "")
    try:
        decoded = bytes(int(digits[at:at + 8], 2) for at in range(0, len(digits), 8)).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return None
    return decoded if _readable(decoded, min_words=1) else None


# Quoted-printable, as mail writes bytes: "=" and two capital hex digits ("ch=E1=BA=A5p"), across
# the words and spaces between them.
QUOTED = r"[A-Za-z]{0,64}=[0-9A-F]{2}(?:=[0-9A-F]{2}|[A-Za-z]|[ ,.:;!?'-](?=[A-Za-z ]{0,64}=[0-9A-F]{2}))*[A-Za-z]{0,64}"
_QUOTED_BYTE = r"=([0-9A-F]{2})"


def _quoted(fragment: str, in_url: bool = False) -> str | None:
    escapes = re.findall(_QUOTED_BYTE, fragment)
    if sum(int(byte, 16) >= 0x80 for byte in escapes) < MIN_ENCODED_LETTERS:
        return None  # a letter outside ASCII is two or three bytes: "=3D" alone is a config line
    data = re.sub(_QUOTED_BYTE, lambda match: chr(int(match.group(1), 16)), fragment).encode("latin-1", "replace")
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return decoded if _readable(decoded, min_words=1) else None


# Braille: the 26 letters of its first grade, one cell each.
BRAILLE_LETTERS = dict(zip("⠁⠃⠉⠙⠑⠋⠛⠓⠊⠚⠅⠇⠍⠝⠕⠏⠟⠗⠎⠞⠥⠧⠺⠭⠽⠵", "abcdefghijklmnopqrstuvwxyz"))
BRAILLE = r"[\u2801-\u28ff]{2,}(?:[ ,.:;!?'-]{1,3}[\u2801-\u28ff]{1,})*"


def _braille(fragment: str, in_url: bool = False) -> str | None:
    decoded = "".join(BRAILLE_LETTERS.get(character, character) for character in fragment)
    if any("\u2800" <= character <= "\u28ff" for character in decoded):
        return None  # a cell that is no letter: a pattern drawn, not words
    return decoded if _readable(decoded, min_words=1) else None


# Letters written as their place in the alphabet, joined by hyphens, a word to a run ("1-3-3-5-16-20").
_LETTER_NUMBER = r"(?:2[0-6]|1[0-9]|[1-9])"
NUMBERED = rf"(?<![\d-]){_LETTER_NUMBER}(?:-{_LETTER_NUMBER}){{2,}}(?![\d-])(?:[ /]{{1,3}}{_LETTER_NUMBER}(?:-{_LETTER_NUMBER}){{1,}}(?![\d-]))*"
NUMBERED_MIN_LETTERS = 4  # "3-1", "12-05-24": scores and dates spell nothing that long


def _numbered(fragment: str, in_url: bool = False) -> str | None:
    pieces = re.split(r"([ /]+)", fragment)
    letters = ["".join(chr(96 + int(number)) for number in piece.split("-")) if index % 2 == 0 else piece
               for index, piece in enumerate(pieces)]
    decoded = "".join(letters)
    longest = max((len(word) for word in letters[::2]), default=0)
    if longest < NUMBERED_MIN_LETTERS or not all(words.is_word(word) for word in letters[::2] if len(word) >= 3):
        return None
    return decoded if _readable(decoded, min_words=1) else None


def _flush(pending: bytearray) -> str:
    if not pending:
        return ""
    data = bytes(pending)
    pending.clear()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def rot13(text: str) -> tuple[str, list[str]] | None:
    """The text with each stretch written in rot13 read back, and the stretches as written. A
    stretch is kept when at least ROT13_MIN_WORDS different words of it, and half of its words,
    turn into common words that they were not before; the rare words just before a stretch go with
    it ("irggvat pbzcyrgr, zbir …")."""
    known = words.common()
    runs = _regex(JOINED_WORDS if "'" in text or "-" in text else WORD_CHARACTERS).finditer(text)
    spans = _stretches(runs, words.rot13_words(), known,
                       lambda word: word in known and word.translate(words.ROT13) in known, rare_lead=True)
    return _read_back(text, spans, lambda stretch: stretch.translate(words.ROT13), punctuation_leads=False)


def atbash(text: str) -> tuple[str, list[str]] | None:
    """The text with each stretch written in Atbash (each letter mirrored: a for z, b for y) read
    back, kept as rot13's stretches are ("zxxvkg gsrh ivjfvhg" -> "accept this request")."""
    known = words.common()
    runs = _regex(JOINED_WORDS if "'" in text or "-" in text else WORD_CHARACTERS).finditer(text)
    # No rare words lead a stretch: the plain words of a language the lists know little of ("quien
    # lea esto primero: zxvkgz …") would be mirrored with it.
    spans = _stretches(runs, words.atbash_words(), known,
                       lambda word: word in known and word.translate(words.ATBASH) in known, rare_lead=False)
    return _read_back(text, spans, lambda stretch: stretch.translate(words.ATBASH), punctuation_leads=False)


def other_encodings_likely(original: str) -> bool:
    """The cheap first look for the encodings no run of base64 characters shows: bytes in binary,
    quoted-printable, Braille, letters as numbers."""
    return ("0000" in original or "0110" in original or "=" in original or "-" in original
            or any("\u2801" <= character <= "\u28ff" for character in original)) and any(
        _regex(pattern).search(original) is not None for pattern in (BINARY, _QUOTED_BYTE, BRAILLE, NUMBERED))


def backwards(text: str) -> tuple[str, list[str]] | None:
    """The text with each stretch written backwards read forwards (".noitseuq on ,detpecca sa elif"
    -> "file as accepted, no question."), and the stretches as written. A stretch is kept when at
    least ROT13_MIN_WORDS different words of it are common words backwards and not forwards, and
    half of its words read as words backwards."""
    known = words.common()
    spans = _stretches(_regex(WORD_CHARACTERS).finditer(text), words.reversed_words(), known,
                       lambda word: word[::-1] in known, rare_lead=False)
    return _read_back(text, spans, lambda stretch: stretch[::-1], punctuation_leads=True)


def _stretches(runs, turned_set: frozenset[str], known: frozenset[str], ambiguous: Callable[[str], bool],
               rare_lead: bool) -> list[tuple[int, int]]:
    """The stretches of a text (its word runs) written with one trick: each opens at a word that
    the trick turns into a common word (`turned_set`), goes on through words that are turned or
    read both ways (`ambiguous`, when not turned), ends before a plain common word, and is kept
    when at least ROT13_MIN_WORDS different words of it were turned and half of its words read
    back. `rare_lead`: rare words just before a stretch open it."""
    spans: list[tuple[int, int]] = []
    start = end = -1
    turned_words: set[str] = set()
    hits = counted = 0
    unknown = -1  # where a run of words that are no common words starts

    def close() -> None:
        if start >= 0 and len(turned_words) >= ROT13_MIN_WORDS and hits * 2 >= counted:
            spans.append((start, end))

    for run in runs:
        word = run.group(0).lower()
        turned = word in turned_set
        both = not turned and ambiguous(word)
        if start < 0:
            if turned:
                start, end, hits, counted, turned_words = run.start(), run.end(), 1, 1, {word}
                if rare_lead and unknown >= 0:
                    start = unknown
            elif rare_lead and (word in known or not word.isascii() or not word.isalpha()):
                unknown = -1
            elif rare_lead and unknown < 0:
                unknown = run.start()
            continue
        if word in known and not both:  # a plain word: the stretch ends before it
            close()
            start, hits, counted, unknown = -1, 0, 0, -1
            continue
        counted += 1
        if turned or both:
            hits += 1
            end = run.end()
            if turned:
                turned_words.add(word)
    close()
    return spans


def _read_back(text: str, spans: list[tuple[int, int]], undo: Callable[[str], str],
               punctuation_leads: bool) -> tuple[str, list[str]] | None:
    """The text with each stretch undone, and the stretches as written (None without any).
    `punctuation_leads`: the punctuation just before a stretch belongs to it (".noitseuq" ends a
    sentence written backwards)."""
    if not spans:
        return None
    pieces: list[str] = []
    shown: list[str] = []
    last = 0
    for first, final in spans:
        shown.append(text[first:final])
        while punctuation_leads and first > last and text[first - 1] in ".!?,;:":
            first -= 1
        pieces += [text[last:first], undo(text[first:final])]
        last = final
    pieces.append(text[last:])
    return "".join(pieces), shown


_DECODERS: list[tuple[str, str, Callable[[str, bool], str | None], Callable[[str], bool]]] = [
    ("written in base64", BASE64, _base64, lambda text: ENCODED_RUN.search(text.lower()) is not None),
    ("written in hex", HEX, _hex, lambda text: ENCODED_RUN.search(text.lower()) is not None),
    ("percent-encoded", PERCENT, _percent, lambda text: "%" in text),
    ("written as escapes", ESCAPES, _escapes, lambda text: "\\" in text or "&#" in text),
    ("written in binary", BINARY, _binary, lambda text: "0000" in text or "0110" in text),
    ("quoted-printable", QUOTED, _quoted, lambda text: "=" in text and _regex(_QUOTED_BYTE).search(text) is not None),
    ("written in Braille", BRAILLE, _braille, lambda text: any("\u2801" <= character <= "\u28ff" for character in text)),
    ("letters written as numbers", NUMBERED, _numbered, lambda text: "-" in text and _regex(NUMBERED).search(text) is not None),
]
MAX_DEPTH = 3  # base64 of hex of percent-encoding: deeper is not worth the time


def decode(text: str, rot13_likely: bool) -> tuple[str, list[str], list[str]] | None:
    """The text with every encoded fragment that reads as text decoded, again inside what was
    decoded (up to MAX_DEPTH times); how it was encoded; and the fragments as written. None when
    nothing decoded. `rot13_likely`: the caller's cheap look found words rot13 turns into words."""
    kinds: list[str] = []
    shown: list[str] = []
    current = text
    for depth in range(MAX_DEPTH):
        changed = False
        for kind, pattern, decoder, worth in _DECODERS:
            if not worth(current):
                continue

            def swap(match: re.Match[str]) -> str:
                nonlocal changed
                in_url = decoder is _percent and _in_url(match.string, match.start(), match.end())
                decoded = decoder(match.group(0), in_url)
                if decoded is None:
                    return match.group(0)
                changed = True
                if kind not in kinds:
                    kinds.append(kind)
                if depth == 0:
                    shown.append(match.group(0))
                return decoded

            current = _regex(pattern).sub(swap, current)
        if rot13_likely or depth > 0:
            turned = rot13(current)
            if turned is not None:
                changed = True
                if "written in rot13" not in kinds:
                    kinds.append("written in rot13")
                if depth == 0:
                    shown += turned[1]
                current = turned[0]
        rot13_likely = False
        if not changed:
            break
    return (current, kinds, shown) if kinds else None
