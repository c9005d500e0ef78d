"""The name a reply greets someone by: the given name, from a name as real profiles write it.

    "Prof. Dr. Hans Müller"      -> "Hans"      titles before the name go
    "Sarah Klein, PhD | Hiring"  -> "Sarah"     degrees after it, and any tail after a separator
    "Klein, Sarah"               -> "Sarah"     "Last, First"
    "nguyễn thị hương (Rose)"    -> "Hương"     Vietnamese: the given name is the last word
    "J. Smith", "Dr. Klein"      -> None        no given name can be told: greet without one

The words (titles, degrees, placeholders, Vietnamese family names) are data in prompts/names.toml.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from .text import fold

PROMPTS_PACKAGE = "assist.prompts"
# What ends the name and starts something else: "Sarah Klein | Hiring", "Sarah Klein - Recruiter".
TAIL = re.compile(r"\s*(?:[|•·/]|\s[-–—]\s|\s[-–—]$|:)\s*")
# Asides: "(Rose)", "(she/her)", "“Kate”", '"Bob"'.
ASIDE = re.compile(r"\([^)]*\)|\[[^\]]*\]|\"[^\"]*\"|“[^”]*”|«[^»]*»|'[^']*'(?=\s)")
HASHTAG = re.compile(r"#\w+")
# Scripts whose names are greeted as written, whole: Chinese, Japanese, Korean.
WHOLE_NAME_SCRIPTS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


@dataclass(frozen=True)
class _Words:
    titles: frozenset[str]
    post_nominals: frozenset[str]
    placeholders: frozenset[str]
    organisations: frozenset[str]
    family_names: dict[str, int]  # each by its rank: the most common first
    syllables: frozenset[str]


@cache
def _words() -> _Words:
    raw = resources.files(PROMPTS_PACKAGE).joinpath("names.toml").read_text(encoding="utf-8")
    data = tomllib.loads(raw)

    def listed(table: str) -> frozenset[str]:
        return frozenset(_key(word) for words in data[table].values() for word in words)

    vietnamese = data["vietnamese"]
    return _Words(listed("titles"), listed("post_nominals"), listed("placeholders"), listed("organisations"),
                  {name: rank for rank, name in enumerate(vietnamese["family_names"])},
                  frozenset(vietnamese["syllables"]))


def _key(word: str) -> str:
    """A word as the lists hold it: lower case, without diacritics, without a trailing dot."""
    return fold(unicodedata.normalize("NFC", word).lower()).rstrip(".")


@lru_cache(maxsize=4096)
def greeting_name(full_name: str | None) -> str | None:
    """The given name to greet by, in the case a person writes it, or None when none is safe."""
    words = _words()
    text = unicodedata.normalize("NFKC", full_name or "")
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] in "LMNPZ" or ch in "'’-.,")
    text = HASHTAG.sub(" ", ASIDE.sub(" ", text))
    text = TAIL.split(text.strip(), maxsplit=1)[0]
    if not text.strip() or _key(" ".join(text.split())) in words.placeholders:
        return None
    if WHOLE_NAME_SCRIPTS.search(text):
        return "".join(text.split()) or None
    parts = [part.strip() for part in text.split(",")]
    tokens = parts[0].split()
    head = _without_titles(tokens, words)
    if len(head) == 1 and len(tokens) > 1 and len(parts) == 1:
        return None  # "Dr. Klein": a title before a family name
    rest = [part for part in parts[1:] if part and not all(_key(word) in words.post_nominals for word in part.split())]
    if rest and len(head) <= 2:  # "Klein, Sarah": the given name comes after the comma
        head = _without_titles(rest[0].split(), words)
    while head and _key(head[-1]) in words.post_nominals:
        head.pop()
    if not head or _key(head[-1]) in words.organisations or any(ch.isdigit() for word in head for ch in word):
        return None
    given = _given(head, words)
    if given is None or _initial(given, head):
        return None
    return _cased(given)


def _without_titles(tokens: list[str], words: _Words) -> list[str]:
    """The tokens after the leading titles ("Prof. Dr.-Ing.", "PGS.TS.")."""
    start = 0
    while start < len(tokens) and (_key(tokens[start]) in words.titles
                                   or all(_key(piece) in words.titles for piece in tokens[start].rstrip(".").split(".") if piece)):
        start += 1
    return tokens[start:]


def _given(head: list[str], words: _Words) -> str | None:
    """The given name among a name's words: Vietnamese names put it last, other names first."""
    if len(head) == 1:
        return head[0]
    keys = [_key(word) for word in head]
    families = words.family_names
    western = keys[-1] in families and all(key in words.syllables for key in keys[:-1]) and (
        keys[0] not in families or families[keys[-1]] < families[keys[0]])  # "Mai" is a family name too, "Nguyen" more so
    if western:
        return head[-2]  # "Mai Anh Nguyen": the given name before the family name
    if keys[0] in families:
        return head[-1]  # "Nguyễn Thị Thanh Linh"
    if all(key in words.syllables or key in words.family_names for key in keys):
        return head[-1]  # "Thanh Linh"
    return head[0]


def _initial(given: str, head: list[str]) -> bool:
    """An initial, not a name: "J.", "J.R.", or a lone "JS" of capitals."""
    letters = [ch for ch in given if ch.isalpha()]
    if len(letters) <= 1 or "." in given.rstrip(".") or given.endswith("."):
        return True
    return len(head) == 1 and len(letters) <= 2 and given.isupper()


def _cased(word: str) -> str:
    """All capitals or all lower case read as a person writes a name ("SARAH" -> "Sarah"); a name
    written with its own capitals ("McKenzie", "Jean-Luc") stays as it is."""
    if word.isupper() or word.islower():
        return "-".join(piece[:1].upper() + piece[1:].lower() for piece in word.split("-"))
    return word
