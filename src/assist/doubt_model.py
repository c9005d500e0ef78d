"""A small learned reader of hostile text: a linear model over the words, word pairs and letter
n-grams of each sentence a sender wrote (issue 10, "learn where rules cannot reach").

The rules (injection.py, scams.py) read what a text does in words someone wrote down; other people
word the same attempt in ways no list holds. This model was trained by `tools/train_doubt_model.py`
on the labelled dev parts of `fixtures/eval/` only (never a test part), and is shipped as data
(`prompts/doubt_model.json`, so the screening key changes with it). A request scores as its most suspicious sentence (the note, the headline
and the about, each split into sentences and read as the other readers read them: look-alike
letters mapped, diacritics folded, a disguise undone). Above the model's threshold, chosen on dev
parts held out from the model that scored them, the sentence raises doubt (`unclear_intent`, an
`ask`), never a report nor an `ignore`: a model that cannot say why in the guidance's words may
ask, not accuse. The evidence quotes the sentence and the words that weighed most.

Pure Python at run time: a dict lookup per feature, a few thousand per request.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterator

from .models import Request
from .text import Text, fold, normalize

MODEL_FILE = "doubt_model.json"
FORMAT = 1
# Where a sentence ends: after . ! ? (and their CJK forms), or at a line break.
SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+|\n+|(?<=[。！？])(?=\S)")
# A word: word characters and the marks written on them (Python's \w leaves out Thai's and
# Devanagari's vowel signs and tone marks, which would cut "สวัสดี" into pieces).
WORD = re.compile(r"[\w\u0300-\u036f\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecd"
                  r"\u0900-\u0903\u093a-\u094f\u0962\u0963\u3099\u309a]+")
NGRAMS = (3, 4, 5)  # letter n-grams inside a word padded with a space on each side
SHOWN_WORDS = 3
LONGEST_WORD = 20


def read_fields(request: Request) -> Iterator[str]:
    """The free text the sender wrote: the fields that hold sentences. (The fields that never hold
    one, a name, a company, a URL, a date, are read by the injection reader's own rules.)"""
    sender = request.sender
    for text in (sender.headline, sender.about, request.note):
        if text:
            yield text


def units(request: Request) -> list[tuple[str, str]]:
    """Each sentence as written, beside how it is read (look-alike letters mapped, diacritics
    folded), then each sentence of the field's other readings (undone or decoded, where it was
    disguised: Text.of keeps them, read once for every reader). (as written, as read), no read
    sentence twice."""
    found: dict[str, str] = {}
    for field in read_fields(request):
        for piece in SENTENCE_END.split(field):
            piece = piece.strip()
            if len(piece) >= 2:
                found.setdefault(fold(normalize(piece)), piece)
        for reading in Text.of(field).other_readings:
            for piece in SENTENCE_END.split(fold(reading.text.normalized)):
                piece = piece.strip()
                if len(piece) >= 2:
                    found.setdefault(piece, reading.shown or piece)
    return [(written, read) for read, written in found.items()]


def features(read: str) -> list[tuple[str, str]]:
    """The features of one sentence as read, each beside the word it belongs to (for the
    explanation): `w:` a word, `b:` two words in a row, `c:` letters inside a padded word."""
    words = WORD.findall(read)
    found: dict[str, str] = {}
    for index, word in enumerate(words):
        if len(word) <= LONGEST_WORD:  # longer, a run of a script written without spaces (Thai, Chinese)
            found.setdefault("w:" + word, word)
            if index:
                found.setdefault(f"b:{words[index - 1]} {word}", word)
        for gram in _letters(word):
            found.setdefault(gram, word)
    return list(found.items())


@lru_cache(maxsize=16384)
def _letters(word: str) -> tuple[str, ...]:
    """A word's letter n-grams, padded with a space on each side (kept: words come back)."""
    padded = f" {word} "
    return tuple(dict.fromkeys("c:" + padded[start:start + size] for size in NGRAMS
                               for start in range(len(padded) - size + 1)))


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    bias: float
    threshold: float

    def score(self, read: str) -> float:
        weights = self.weights
        return self.bias + sum(weights.get(feature, 0.0) for feature, _ in features(read))

    def weighed_most(self, read: str) -> list[str]:
        """The words whose features pushed the score up most, in the order of their weight."""
        by_word: dict[str, float] = {}
        for feature, word in features(read):
            by_word[word] = by_word.get(word, 0.0) + self.weights.get(feature, 0.0)
        ranked = sorted((weight, word) for word, weight in by_word.items() if weight > 0)
        return [word for _, word in reversed(ranked[-SHOWN_WORDS:])]


@dataclass(frozen=True)
class Doubt:
    sentence: str  # as the sender wrote it
    words: list[str]  # as read (folded): the words that weighed most
    score: float


@lru_cache(maxsize=1)
def load_model() -> Model:
    raw = json.loads(resources.files("assist.prompts").joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    if raw.get("format") != FORMAT:
        raise ValueError(f"{MODEL_FILE}: format {raw.get('format')!r}, expected {FORMAT}")
    return Model(dict(raw["weights"]), float(raw["bias"]), float(raw["threshold"]))


def doubt(request: Request, model: Model | None = None) -> Doubt | None:
    """The request's most suspicious sentence, when it scores above the model's threshold."""
    model = model or load_model()
    best: tuple[float, str, str] | None = None
    for written, read in units(request):
        score = model.score(read)
        if best is None or score > best[0]:
            best = (score, written, read)
    if best is None or best[0] <= model.threshold:
        return None
    score, written, read = best
    return Doubt(written, model.weighed_most(read), score)
