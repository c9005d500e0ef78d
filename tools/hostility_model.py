"""The learned hostility model of issue 10 ("Learn where rules cannot reach"), NOT shipped: kept here,
beside its training script (tools/train_hostility.py), to measure it again. Why it is not in the
package: BENCHMARKS.md, "Learned hostility model (issue 10): not shipped".

A logistic regression over words and their character n-grams (3 to 5 letters, of the normalised
text), read in windows of a few consecutive words. Every field is read, in four texts: the note, the
profile (headline, company, industry, about, experience), the name, and the other identity fields
(location, profile URL, id, date), each as written and in each of its other readings (letters
rejoined, leetspeak undone, an encoded fragment decoded: `Text.readings`), as the signals read them.
A request scores as its most hostile window: an attack is a sentence or two added to an honest
request, and the honest words around it are no alibi. The features are the same in every text, so a
word learned in notes is known in a name (weights of their own per field group generalised worse on
dev, out of fold). A score is explained by the words of the best window that weighed most.

Fast, in pure Python (when it was wired into the signals it cost about 0.1 s of CPU per 10,000
requests): the words are the signals' own (`Text.words`), a word's weight (the sum of its
features') is computed once and kept, a text whose words cannot reach the threshold is not read a
window at a time, and the best window is found with running sums, in C.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, islice
from operator import sub

from pathlib import Path

from assist.models import Request
from assist.text import WORD_RUN, Text

NGRAMS = (3, 4, 5)
WINDOW = 16  # words read together: about a sentence (8, 12, 16 and 24 tried on dev, out of fold)
MAX_WORD = 32  # letters of a word read for n-grams: a longer one is an encoded blob or a URL's slug
EXPLAIN = 3  # words named in the evidence
CACHE_LIMIT = 20_000  # words kept before the cache starts afresh (a few MB: memory stays flat)


def texts_of(request: Request) -> dict[str, str]:
    """The request's strings in four texts, a field to a line, each joined as the signals join it
    (Text.of keeps what the signals found in them)."""
    sender = request.sender
    profile = [sender.headline, sender.company, sender.industry, sender.about]
    profile += [f"{job.title or ''} {job.company or ''}" for job in sender.experience or []]
    return {"note": request.note or "", "profile": " \n ".join(filter(None, profile)), **identity_texts(request)}


def identity_texts(request: Request) -> dict[str, str]:
    """The name, and the other identity fields (location, profile URL, id, date) a field to a line."""
    sender = request.sender
    return {"name": sender.name,
            "identity": " \n ".join(filter(None, [sender.location, sender.profile_url, request.id, request.received_at]))}


def words_of(text: str | None) -> tuple[str, ...]:
    """The words of a text, normalised (text.normalize), in order: the signals' tokens."""
    return Text.of(text).words


def readings(text: Text) -> list[tuple[str, ...]]:
    """The words of each reading of a text (Text.readings: the text, then what it reads as once
    letters are rejoined, leetspeak undone or an encoded fragment decoded), as the signals read it."""
    return [reading.text.words for reading in text.readings]


def usable(word: str) -> bool:
    """Letters only (numbers, dates and ids say nothing about intent), and more than one of them
    unless it is a character of a script written without spaces."""
    return word.isalpha() and (len(word) > 1 or not word.isascii())


def word_features(word: str) -> list[str]:
    """A word's features: the word itself ("=word") and its character n-grams, with "<" and ">"
    marking its ends; a token joined by ' or - ("driver-payments") is its runs of letters."""
    if not word.isalpha():
        return [feature for run in WORD_RUN.findall(word) if run != word for feature in word_features(run)]
    if not usable(word):
        return []
    word = word[:MAX_WORD]
    marked = f"<{word}>"
    found = ["=" + word]
    for n in NGRAMS:
        found.extend(marked[i : i + n] for i in range(len(marked) - n + 1))
    return found


def windows(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Every run of WINDOW consecutive words (the whole text when it is shorter)."""
    if len(words) <= WINDOW:
        return [words] if words else []
    return [words[i : i + WINDOW] for i in range(len(words) - WINDOW + 1)]


class WordWeights(dict):
    """Word -> what it adds to a window's score (the sum of its features' weights; 0 for a word the
    model does not read), computed the first time a word is looked up and then kept."""

    def __init__(self, weights: dict[str, float]):
        super().__init__()
        self.weights = weights

    def __missing__(self, word: str) -> float:
        if len(self) >= CACHE_LIMIT:
            self.clear()
        if word.isalpha():
            get = self.weights.get
            weight = sum(get(key, 0.0) for key in word_features(word))
        else:  # its runs of letters (word_features), each looked up here: an id or a date costs little
            weight = sum(self[run] for run in WORD_RUN.findall(word) if run != word and run.isalpha())
        self[word] = weight
        return weight


class Gains(dict):
    """Word -> the most it can add to a window's score: its weight when positive, else 0."""

    def __init__(self, words: WordWeights):
        super().__init__()
        self.words = words

    def __missing__(self, word: str) -> float:
        if len(self) >= CACHE_LIMIT:
            self.clear()
        gain = self[word] = max(0.0, self.words[word])
        return gain


@dataclass(frozen=True)
class Score:
    logit: float
    words: list[tuple[str, float]]  # the words that pushed the score up most, heaviest first

    @property
    def probability(self) -> float:
        return 1.0 / (1.0 + math.exp(-self.logit)) if self.logit > -700 else 0.0


@dataclass
class Model:
    bias: float
    weights: dict[str, float]
    threshold: float  # a probability: above it, the request reads like manipulation
    parts: tuple[str, ...] = ()  # what it was trained on
    _words: WordWeights = field(init=False, repr=False)
    _gains: Gains = field(init=False, repr=False)
    _limit: float = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._words = WordWeights(self.weights)
        self._gains = Gains(self._words)
        self._limit = self.threshold_logit - self.bias  # what a window's words must add up to, to flag

    @property
    def threshold_logit(self) -> float:
        return math.log(self.threshold / (1.0 - self.threshold))

    def word_weight(self, word: str) -> float:
        """What a word adds to a window's score (0 for one the model does not read)."""
        return self._words[word]

    def best_window(self, words: tuple[str, ...], skip: frozenset[str] = frozenset()) -> float:
        """The highest sum of WINDOW consecutive words' weights (of all of them in a shorter text;
        0 for no words). `skip`: words not read (the user's own name, `own_words`)."""
        weights = list(map(self._words.__getitem__, words))
        if skip and not skip.isdisjoint(words):
            weights = [0.0 if word in skip else weight for word, weight in zip(words, weights)]
        if len(weights) <= WINDOW:
            return sum(weights)
        running = list(accumulate(weights, initial=0.0))
        return max(map(sub, islice(running, WINDOW, None), running))

    def logit(self, request: Request, skip: frozenset[str] = frozenset(),
              prepared: Iterable[Text] | None = None) -> float:
        """The request's score: its most hostile window's. `prepared`: its texts as the signals
        hold them (Text.of of `texts_of`'s, when not given)."""
        texts = prepared if prepared is not None else map(Text.of, texts_of(request).values())
        return self.bias + max((self.best_window(words, skip) for text in texts for words in readings(text) if words),
                               default=0.0)

    def flags(self, request: Request, skip: frozenset[str] = frozenset(),
              prepared: Iterable[Text] | None = None) -> bool:
        """Whether the request scores above the threshold: `logit`, found sooner. No window of a
        text adds up to more than the gains of all its words: a text whose gains cannot reach the
        threshold (most texts) is not read a window at a time."""
        texts = prepared if prepared is not None else map(Text.of, texts_of(request).values())
        limit, gain = self._limit, self._gains.__getitem__
        for text in texts:
            for words in readings(text):
                if sum(map(gain, words)) > limit and self.best_window(words, skip) > limit:
                    return True
        return False

    def score(self, request: Request, skip: frozenset[str] = frozenset()) -> Score:
        """The score with its explanation: the words of the most hostile window that weigh most."""
        found = [(self.bias + self.best_window(window, skip), window)
                 for text in texts_of(request).values() for words in readings(Text.of(text)) for window in windows(words)]
        if not found:
            return Score(self.bias, [])
        logit, window = max(found, key=lambda item: item[0])
        by_word: dict[str, float] = {}
        for word in window:
            if word not in skip:
                by_word[word] = by_word.get(word, 0.0) + self.word_weight(word)
        heaviest = sorted(((w, v) for w, v in by_word.items() if v > 0), key=lambda item: (-item[1], item[0]))
        return Score(logit, heaviest[:EXPLAIN])

    @classmethod
    def from_json(cls, data: dict) -> "Model":
        return cls(bias=float(data["bias"]), weights={k: float(v) for k, v in data["weights"].items()},
                   threshold=float(data["threshold"]), parts=tuple(data["training"]["parts"]))


def load(path: str | Path) -> Model:
    return Model.from_json(json.loads(Path(path).read_text(encoding="utf-8")))


@lru_cache(maxsize=64)
def own_words(name: str | None) -> frozenset[str]:
    """The words of the user's own name: a greeting to them says nothing about the sender's intent."""
    return frozenset(words_of(name)) if name else frozenset()


def explain(words: Iterable[tuple[str, float]]) -> str:
    return "reads like known manipulation: " + ", ".join(f"'{word}'" for word, _ in words)


def doubt(model: Model, request: Request, user_name: str | None = None) -> str | None:
    """What the model would have said, as `unclear_intent`'s evidence, when it reads the request as
    manipulation; else None."""
    skip = own_words(user_name)
    if not model.flags(request, skip):
        return None
    words = model.score(request, skip).words
    return explain(words) if words else None  # nothing fired: the bias alone is no evidence
