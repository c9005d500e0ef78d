"""What makes a note checkable: the event it names.

A claim of having met ("we met at the fintech summit") cannot be checked; "the Vietnam Fintech
Summit", "the Python SG meetup", "the networking evening of CFA Society Vietnam" can: the event has
a name. A name is written with capitals: one or more capitalised words (or numbers) right before an
event noun (signals.toml [event_names], in any case), not only the first word of a sentence; or
capitalised words right after the noun, joined by one of `joiners` ("of", "của", "at").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .guidance import Guidance

NAME_WORD = re.compile(r"[\w&'’.+-]+")
SENTENCE_END = ".!?…:;\n"
MAX_NAME_WORDS = 5
MAX_NOUNS = 10  # the first event nouns of a note looked at for a name (a long note is not read whole)
REACH = 120  # characters before a noun looked at for its name


@lru_cache(maxsize=4)
def _nouns(guidance: Guidance) -> re.Pattern[str]:
    nouns = sorted({noun.lower() for noun in guidance.event_nouns}, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, nouns))})(?!\w)", re.IGNORECASE)


def _named(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def named_event(note: str, guidance: Guidance) -> str | None:
    """The named event the note mentions, as written, or None."""
    joiners = guidance.event_joiners
    for count, match in enumerate(_nouns(guidance).finditer(note)):
        if count >= MAX_NOUNS:
            break
        before = _words_before(note, match.start())
        name = []
        for word, starts_sentence in reversed(before):
            if not _named(word):
                break
            name.insert(0, (word, starts_sentence))
        # A capital that only starts the sentence names nothing ("Great summit yesterday").
        if name and name[0][1]:
            name = name[1:]
        if name:
            return " ".join(word for word, _ in name) + " " + match.group(0)
        after = NAME_WORD.findall(note[match.end():match.end() + 80])
        if after and after[0].lower() in joiners:
            named = []
            for word in after[1:MAX_NAME_WORDS + 1]:
                if not _named(word):
                    break
                named.append(word)
            if named:
                return f"{match.group(0)} {after[0]} {' '.join(named)}"
        elif after and _named(after[0]) and match.group(0)[:1].isupper():
            return f"{match.group(0)} {after[0]}"  # "Summit 2026", "Meetup Hanoi"
    return None


def _words_before(note: str, end: int) -> list[tuple[str, bool]]:
    """The last few words before `end`, each with whether it starts a sentence (or the note)."""
    start = max(0, end - REACH)
    words = []
    for match in NAME_WORD.finditer(note, start, end):
        head = note[start:match.start()].rstrip(" \t\"'“‘«([")
        # At the window's edge, what came before is unknown: not the start of a sentence.
        words.append((match.group(0), head[-1] in SENTENCE_END if head else start == 0))
    return words[-MAX_NAME_WORDS:]
