"""The language a note is written in, to answer in it (issue 11).

py3langid (langid.py's model: small, deterministic, accurate on short texts once restricted to the
languages a LinkedIn note is likely to be in) tells the language; where it is unsure, the cheap
reading of text.detect_language (Vietnamese marks and common words, English words) decides, or
nothing does. The model is loaded the first time a note needs it (language_model.py: from the
user cache directory once it has been made there).
"""

from __future__ import annotations

from functools import cache, lru_cache

from .language_model import CANDIDATES  # noqa: F401 (the languages the model chooses among)
from .text import ENGLISH_WORDS, WORD, detect_language
from .vocabulary import LANGUAGES

# Below this probability the model is guessing ("Hi", "Thanks!").
MIN_PROBABILITY = 0.6
# A short note with no English word in it ("Salam kenal, Bu Lina."): the model's leaning is taken
# from this probability, for a language replies are written in.
LEANING_PROBABILITY = 0.45
# Letters only Vietnamese writes (ă, ơ, ư, đ, and vowels with a dot below or a hook above): a note
# with two of them is Vietnamese without asking the model.
VIETNAMESE_ONLY = frozenset("ăơưđạảẹẻẽịỉọỏụủỳỷỵỹắằẳẵặấầẩẫậếềểễệốồổỗộớờởỡợứừửữựĩũ")


@cache
def _identifier():
    from .language_model import load

    return load()


@lru_cache(maxsize=4096)
def note_language(text: str | None) -> str | None:
    """The ISO 639-1 code of the text's language, or None when there is no text or it is too short
    to tell (a greeting of one or two words reads as English when it is English)."""
    quick = detect_language(text)
    if quick is None:
        return None
    if quick == "vi" and sum(ch in VIETNAMESE_ONLY for ch in text.lower()) >= 2:
        return "vi"
    if quick == "en" and text.isascii():
        words = WORD.findall(text.lower())
        if sum(word in ENGLISH_WORDS for word in words) >= max(3, len(words) / 2):
            return "en"  # plain English: most of its words are common English words
    language, probability = _identifier().classify(text)
    if probability >= MIN_PROBABILITY:
        return language
    english = any(word in ENGLISH_WORDS for word in WORD.findall(text.lower()))
    if not english and language in LANGUAGES and probability >= LEANING_PROBABILITY:
        return language
    if quick == "vi" or (quick == "en" and english):
        return quick
    return None
