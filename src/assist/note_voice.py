"""Whom each part of a note is about: the sender, or the user it is written to.

"Your post on first-party fraud and BNPL chargebacks", "bài anh viết về ngân hàng", "your MoMo vs
ZaloPay breakdown": the note talks about the user's work, and its words say nothing of the sender's
field, company or interests (that the note is personal, `personalized_note` already counts). "I'm a
data analyst at MoMo", "em là chuyên viên ở VNPay": the sender says who they are. `of_sender`
keeps what a note says of its sender, for the cases where the profile does not tell (an export
row, an empty profile, a recruiter whose profile names no field).

Read clause by clause (a sentence cut at commas, colons and dashes): a clause that speaks to the
reader (a word for "you", or the user's work named) is about the user from its start, unless the
sender has already said who they are in it ("I'm a data analyst at MoMo and loved your post":
the first half is theirs); within a clause the sender saying who they are ("I'm", "em là") turns
the reading to the sender, a word for the reader back to the user. A clause that says nothing of
either reads as the one before it in the sentence ("your post on fraud, BNPL and chargebacks"). A
clause of the sender's that denies ("I'm not an engineer") tells nothing. The words are data
(signals.toml [note_voice]); this is the structure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from bisect import bisect_left

from .text import Text, detect_language, fold, has_diacritics, normalize, tokens

# Where a sentence ends (`end`), and where a clause does inside one.
BOUNDARY = re.compile(r"(?P<end>[.!?…]+(?=\s|$)|[。！？!?\n;；]+)|[,，、:：()（）]|\s[-–—]+\s|[–—]")
WORD = re.compile(r"\w+(?:['’-]\w+)*")  # as tokens() reads them: "card-not-present" is one word
# Letters Vietnamese writes and the other Latin-script languages read here do not.
VIETNAMESE_ONLY = re.compile("[ăắằẳẵặơớờởỡợưứừửữựđạảẹẻẽịỉọỏụủỳỷỹỵấầẩẫậếềểễệốồổỗộ]")
ENGLISH_YOU = ("you", "your", "yours")  # in a Vietnamese note, as it often borrows them


@dataclass(frozen=True)
class Voice:
    """signals.toml [note_voice], read as the matchers read words."""

    reader: frozenset[str]  # words for the reader in the languages other than Vietnamese
    addressed: frozenset[str]  # Vietnamese words a note calls its reader by, as written
    addressed_plain: frozenset[str]  # ...those read in a note typed without diacritics
    greetable: frozenset[str]  # ...and those, folded, that a greeting names ("chao chi Lan")
    greetings: tuple[tuple[str, ...], ...]
    speaker: dict[str, tuple[tuple[str, ...], ...]]  # first word -> phrases
    speaker_plain: dict[str, tuple[tuple[str, ...], ...]]
    reader_chars: tuple[str, ...]  # in scripts written without spaces
    speaker_chars: tuple[str, ...]
    negations: frozenset[str]

    @classmethod
    def of(cls, entry: dict, negations: frozenset[str]) -> "Voice":
        addressed = frozenset(normalize(word) for word in entry["addressed"])

        def index(phrases) -> dict[str, tuple[tuple[str, ...], ...]]:
            found: dict[str, list[tuple[str, ...]]] = {}
            for phrase in phrases:
                if phrase:
                    found.setdefault(phrase[0], []).append(phrase)
            return {first: tuple(sorted(set(group), key=len, reverse=True)) for first, group in found.items()}

        speaker = [tokens(normalize(phrase)) for phrase in entry["speaker"]]
        return cls(
            reader=frozenset(normalize(word) for word in entry["reader"]),
            addressed=addressed | set(ENGLISH_YOU),
            # Folded, most Vietnamese words for "you" are other words ("bạn" / "bán", "thầy" /
            # "thấy", "cô" / "có"): typed without diacritics, only the plain ones, and the one the
            # note greets its reader by ("Dear anh Minh", "chao chi").
            addressed_plain=frozenset(word for word in addressed if word.isascii()) | set(ENGLISH_YOU),
            greetable=frozenset(fold(word) for word in addressed),
            greetings=tuple({tuple(fold(w) for w in tokens(normalize(g))) for g in entry["greetings"]}),
            speaker=index(speaker),
            speaker_plain=index(tuple(fold(word) for word in phrase) for phrase in speaker),
            reader_chars=tuple(entry.get("reader_chars", ())),
            speaker_chars=tuple(entry.get("speaker_chars", ())),
            negations=negations,
        )


def _key(word: str, plain: bool) -> str:
    if word.isascii():
        return word.lower()
    word = normalize(word).replace("’", "'")
    return fold(word) if plain else word


def of_sender(note: Text, voice: Voice, refers: Callable[[str], bool]) -> Text:
    """What the note says of its sender: the note without its parts about the user. `refers(text)`:
    whether a clause names the user's work without a word for "you" ("đọc bài", "bài phân tích")."""
    original = note.original
    if not original:
        return note
    plain = not has_diacritics(original)
    speaker = voice.speaker_plain if plain else voice.speaker
    # The words as the matchers read them, found in one pass where the normalized text keeps every
    # position of the original (lower case, composed: nearly always); else word by word.
    normalized = original.lower() if original.isascii() else note.normalized
    if len(normalized) == len(original):
        found = list(WORD.finditer(normalized))
        words = [match.group(0) for match in found]
        if "’" in normalized:
            words = [word.replace("’", "'") for word in words]
    else:
        found = list(WORD.finditer(original))
        words = [_key(match.group(0), plain) for match in found]
    if _vietnamese(original, plain):  # "tu", "ta", "du" are Vietnamese words ("từ", "dự")
        reader = voice.addressed_plain | _greeted(words, voice) if plain else voice.addressed
    else:
        reader = voice.reader
    # Scripts written without spaces: a word for the reader or the writer is looked for in the
    # characters of a clause, only in a note that has any of them.
    chars = any(char in original for char in voice.reader_chars + voice.speaker_chars)
    named = refers(original)  # the user's work named somewhere: then looked for clause by clause
    kept: list[str] = []
    about_user = False  # how the clause before, in the same sentence, ended
    for start, end, opens in _clauses(original, [match.start() for match in found]):
        if opens:
            about_user = False
        clause = words[start:end]
        if not clause:
            continue
        text = original[found[start].start():found[end - 1].end()] if chars or named else ""
        starts = _speaker_starts(clause, speaker)
        first_speaker = min(starts, default=None)
        first_reader = None if reader.isdisjoint(clause) else next(i for i, key in enumerate(clause) if key in reader)
        chars_reader = chars and any(char in text for char in voice.reader_chars)
        chars_speaker = chars and any(char in text for char in voice.speaker_chars)
        if chars_reader or (first_reader is not None and (first_speaker is None or first_reader < first_speaker)):
            state = True  # it speaks to the user before the sender says who they are
        elif chars_speaker and first_reader is None:
            state = False
        elif named and first_reader is None and first_speaker is None and refers(text):
            state = True  # the user's work, named without a word for "you" ("đọc bài")
        else:
            state = about_user  # up to where the sender speaks, as the clause before
        if first_reader is None and not starts:  # one reading for the whole clause
            own = [] if state else [(0, len(clause))]
        else:  # the sender saying who they are turns it theirs, a word for the reader the user's
            span: int | None = None if state else 0
            own = []
            for index, key in enumerate(clause):
                if index in starts:
                    state = False
                elif key in reader:
                    state = True
                if not state and span is None:
                    span = index
                elif state and span is not None:
                    own.append((span, index))
                    span = None
            if span is not None:
                own.append((span, len(clause)))
        about_user = state
        for first, last in own:
            if last > first and not voice.negations.intersection(clause[first:last]):
                kept.append(original[found[start + first].start():found[start + last - 1].end()])
    return Text.of(" \n ".join(kept))


def _vietnamese(original: str, plain: bool) -> bool:
    """Whether the note is Vietnamese: a letter only Vietnamese writes, or typed without diacritics,
    its words ("em la Khoa, dang chuyen nganh")."""
    if plain:
        return detect_language(original) == "vi"
    return VIETNAMESE_ONLY.search(original.lower()) is not None


def _clauses(original: str, starts: list[int]) -> list[tuple[int, int, bool]]:
    """The clauses of the note as ranges of its words (`starts`: where each word starts), and
    whether each opens a sentence."""
    clauses: list[tuple[int, int, bool]] = []
    first, opens = 0, True
    for match in BOUNDARY.finditer(original):
        last = bisect_left(starts, match.end(), first)
        if last > first:
            clauses.append((first, last, opens))
            first, opens = last, match.lastgroup == "end"
        else:
            opens = opens or match.lastgroup == "end"
    if first < len(starts):
        clauses.append((first, len(starts), opens))
    return clauses


def _speaker_starts(words: list[str], speaker: dict[str, tuple[tuple[str, ...], ...]]) -> set[int]:
    starts: set[int] = set()
    for index, word in enumerate(words):
        for phrase in speaker.get(word, ()):
            if tuple(words[index:index + len(phrase)]) == phrase:
                starts.add(index)
                break
    return starts


def _greeted(words: list[str], voice: Voice) -> set[str]:
    """In a note typed without diacritics, the word it greets its reader by ("chao chi Lan")."""
    found: set[str] = set()
    for greeting in voice.greetings:
        size = len(greeting)
        for index in range(len(words) - size):
            if tuple(words[index:index + size]) == greeting and words[index + size] in voice.greetable:
                found.add(words[index + size])
    return found
