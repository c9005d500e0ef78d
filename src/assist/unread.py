"""Sentences in a language the offline engine does not read (issue 10).

The readers of injections and scams hold words in the languages of signals.toml [unread] read. An
order to the screening written in Dutch, Polish, Hindi or Arabic passes them unseen; what such a
sentence asks cannot be vouched for, so it is doubt (signals.py raises unclear_intent: `ask`, the
language named, the sentence quoted; never a report).

A sentence counts when it says something (`min_words` words that do not start with a capital: a
sign-off, a name or a place is no sentence) and py3langid, restricted to the read languages and the
others, gives the read ones together less than `max_read_probability`. Cheap first: a sentence
plainly English or Vietnamese is not given to the model.
"""

from __future__ import annotations

import re
from functools import cache

from .text import ENGLISH_WORDS, WORD, detect_language

# Where a sentence ends: the marks of the Latin, Chinese, Devanagari (danda) and Arabic scripts,
# and a line break.
# Letters Vietnamese writes and no other language of the lists does.
VIETNAMESE_OWN = frozenset("ơưđạảẹẻẽịỉọỏụủỳỷỵỹắằẳẵặấầẩẫậếềểễệốồổỗộớờởỡợứừửữựĩũ")
SENTENCE = re.compile(r"[^.!?;\n。！？；।॥؟۔]+[.!?;。！？；।॥؟۔]*")


@cache
def _identifier(languages: tuple[str, ...]):
    from .language_model import load

    return load(languages)


def sentences(text: str | None) -> list[str]:
    return [match.group().strip() for match in SENTENCE.finditer(text or "") if match.group().strip()]


def says_something(sentence: str, min_words: int) -> bool:
    """At least `min_words` words that do not start with a capital letter (a script without
    capitals counts every word)."""
    return sum(not word[0].isupper() for word in WORD.findall(sentence)) >= min_words


def language_of(sentence: str, settings: dict) -> tuple[str, bool]:
    """The sentence's language, and whether the offline engine reads it."""
    read = tuple(settings["read"])
    quick = detect_language(sentence)
    if quick == "vi" and (sentence.isascii() or sum(char in VIETNAMESE_OWN for char in sentence.lower()) >= 2):
        return "vi", True  # typed without marks, or with letters only Vietnamese writes (not Romanian's ă, â)
    words = WORD.findall(sentence.lower())
    if quick == "en" and sentence.isascii() and sum(word in ENGLISH_WORDS for word in words) * 2 >= len(words):
        return "en", True  # plain English: most of its words are common English words
    ranked = _identifier(read + tuple(settings["other"])).rank(sentence)
    language = ranked[0][0]
    read_probability = sum(probability for code, probability in ranked if code in read)
    return language, language in read or read_probability >= settings["max_read_probability"]


def unread_in_note(note: str | None, settings: dict) -> tuple[str, str] | None:
    """The first sentence of the note the engine does not read, with its language."""
    for sentence in sentences(note):
        if says_something(sentence, settings["min_words"]):
            language, read = language_of(sentence, settings)
            if not read:
                return language, sentence
    return None


def unread_in_about(about: str | None, settings: dict) -> tuple[str, str] | None:
    """A sentence of the About the engine does not read, where another of its sentences is in a
    language it reads: the About leaves its own language for it."""
    found, reads = None, False
    for sentence in sentences(about):
        if not says_something(sentence, settings["min_words"]):
            continue
        language, read = language_of(sentence, settings)
        if read:
            reads = True
        elif found is None:
            found = (language, sentence)
        if found is not None and reads:
            return found
    return None
