"""A small learned reader of hostile text: a linear model over the words, word pairs and letter
n-grams of each sentence a sender wrote, and over what the sentence does in the concepts of
prompts/injection.toml (a reader named, a decision, an order, a second person: each kind of word
and each two kinds together, whatever the language) (issue 10, "learn where rules cannot reach").

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
from itertools import repeat
from importlib import resources
from typing import TYPE_CHECKING, Iterator

from .models import Request

if TYPE_CHECKING:
    from .guidance import Guidance
from .disguises import THAI_MARKS
from .text import Text, fold, normalize

MODEL_FILE = "doubt_model.json"
FORMAT = 1
# Where a sentence ends: after . ! ? (and their CJK forms), or at a line break.
# A CJK sentence is followed by the next without a space (and NFKC makes "？" a "?").
SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+|\n+|(?<=[!?。！？])(?=[^\x00-\x7f\s])")
# A word: word characters and the marks written on them (Python's \w leaves out Thai's and
# Devanagari's vowel signs and tone marks, which would cut "สวัสดี" into pieces).
WORD = re.compile(rf"[\w\u0300-\u036f{THAI_MARKS}\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecd"
                  r"\u0900-\u0903\u093a-\u094f\u0962\u0963\u3099\u309a]+")
NGRAMS = (3, 4, 5)  # letter n-grams inside a word padded with a space on each side
SHOWN_WORDS = 3
LONGEST_WORD = 20


def read_fields(request: Request) -> Iterator[str]:
    """The free text the sender wrote: the note and the about, the fields written in sentences. (A
    headline is a label, a role and a company, as are a name, a company, a URL, a date: the injection
    reader's own rules read those for a sentence they never hold.)"""
    sender = request.sender
    for text in (sender.about, request.note):
        if text:
            yield text


def units(request: Request) -> list[tuple[str, str]]:
    """Each sentence as written, beside how it is read (look-alike letters mapped, diacritics
    folded), then each sentence of the field's other readings (undone or decoded, where it was
    disguised). A field is read once, as every reader reads it (Text.of keeps it), then cut into
    sentences. (as written, as read), no read sentence twice."""
    found: dict[str, str] = {}
    for field in read_fields(request):
        text = Text.of(field)
        read = _sentences(fold(text.normalized))
        written = _sentences(field)
        for piece, shown in zip(read, written if len(written) == len(read) else read):
            found.setdefault(piece, shown)
        for reading in text.other_readings:
            for piece in _sentences(fold(reading.text.normalized)):
                found.setdefault(piece, reading.shown or piece)
    return [(written, read) for read, written in found.items()]


def _sentences(text: str) -> list[str]:
    return [piece for piece in map(str.strip, SENTENCE_END.split(text)) if len(piece) >= 2]


def features(read: str) -> list[tuple[str, str]]:
    """The features of one sentence as read, each once, beside the word that first brings it (for
    the explanation): `w:` a word, `b:` two words in a row, `c:` letters inside a padded word."""
    words = WORD.findall(read)
    found: dict[str, str] = {}
    for word in words:
        for feature in word_features(word):
            found.setdefault(feature, word)
    for first, second in _pairs(words):
        found.setdefault(f"b:{first} {second}", second)
    return list(found.items())


def feature_set(read: str) -> set[str]:
    """The features of `features`, as a set (what a score needs, made faster)."""
    words = WORD.findall(read)
    found: set[str] = set()
    for word in words:
        found.update(word_features(word))
    if words and max(map(len, words)) <= LONGEST_WORD:  # the usual case: every pair is one
        found.update(map("b:{} {}".format, words, words[1:]))
    else:
        found.update(f"b:{first} {second}" for first, second in _pairs(words))
    return found


def _pairs(words: list[str]) -> list[tuple[str, str]]:
    # Pairs of words, where both are words (longer, a run of a script written without spaces).
    return [(first, second) for first, second in zip(words, words[1:])
            if len(first) <= LONGEST_WORD and len(second) <= LONGEST_WORD]


@lru_cache(maxsize=16384)
def word_features(word: str) -> tuple[str, ...]:
    """A word's own features: `w:` the word (unless it is a run of a script written without
    spaces: Thai, Chinese), `c:` its letter n-grams, padded with a space on each side (kept:
    words come back)."""
    padded = f" {word} "
    grams = dict.fromkeys("c:" + padded[start:start + size] for size in NGRAMS
                          for start in range(len(padded) - size + 1))
    return (("w:" + word,) if len(word) <= LONGEST_WORD else ()) + tuple(grams)


def concept_features(read: str, guidance: "Guidance") -> set[str]:
    """What the sentence does, in the concepts of prompts/injection.toml, whatever its language:
    `k:` each kind of word it holds (a reader named, a decision, a second person, an order), `kk:`
    each two kinds together. The words are the lexicon's; which combinations mark an attempt is
    learned, so an attempt worded in a language the dev parts barely hold is read as its concepts."""
    _, hits = _hits(read, guidance)
    kinds = sorted({cat for hit in hits for cat in hit.cats} - NOT_CONCEPTS)
    found = {f"k:{kind}" for kind in kinds}
    found.update(f"kk:{first}+{second}" for index, first in enumerate(kinds) for second in kinds[index + 1:])
    return found


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    bias: float
    threshold: float

    def score(self, read: str, concepts: set[str] | frozenset[str] = frozenset()) -> float:
        weights = self.weights
        return self.bias + sum(map(weights.get, feature_set(read) | concepts, repeat(0.0)))

    def weighed_most(self, read: str, skip: frozenset[str] = frozenset()) -> list[str]:
        """The words whose features pushed the score up most, in the order of their weight; not
        the words in `skip` (a sentence's function words: "para", "this" explain nothing)."""
        by_word: dict[str, float] = {}
        for feature, word in features(read):
            by_word[word] = by_word.get(word, 0.0) + self.weights.get(feature, 0.0)
        ranked = sorted((weight, word) for word, weight in by_word.items() if weight > 0 and word not in skip)
        return [word for _, word in reversed(ranked[-SHOWN_WORDS:])]


# Who a sentence speaks to, and of whom (prompts/injection.toml): a sentence that speaks of the
# sender's own things ("my paper was accepted", "our payouts are verified by the system") and to
# nobody, neither the reader ("you", "bạn", "Sie") nor a reader of the screening's kind, is a
# description, never an order or a claim made to the screening: the model does not doubt it.
SPEAKS_TO = frozenset({"second_person", "self_identification", "whoever", "user_refs", "relay"})
OF_THE_SENDER = frozenset({"sender"})
OBJECTS = frozenset({"me", "us"})


def only_of_the_sender(read: str, guidance: "Guidance") -> bool:
    """Whether a sentence speaks of the sender's own and to no one (above)."""
    cats: set[str] = set()
    tokens, hits = _hits(read, guidance)
    for hit in hits:
        if "sender" in hit.cats and hit.last - hit.first == 1 and tokens[hit.first].group(0) in OBJECTS:
            continue  # "accept me": the sender as the object of someone else's act
        cats |= hit.cats
    return not cats.isdisjoint(OF_THE_SENDER) and cats.isdisjoint(SPEAKS_TO)


# A plea to the reader to accept the sender's own invitation ("I hope you will accept this
# invitation", "por favor acepta mi solicitud si te parece bien", "mong anh chấp nhận lời mời của em")
# is what a connection note is for: a sentence whose words are only of these kinds, that names the
# request and the reader or the sender ("nehmen Sie meine Anfrage an"), names no reader of the screening's kind, no outcome, no authority, no consent given
# ("accepted", "approved" said as done): the model does not doubt it. "Accept" read as consent too
# ("acepta", "chấp nhận") counts once, as the decision it is here.
PLEA = frozenset({"decisions", "directive_verbs", "second_person", "sender", "targets", "request_nouns", "modals",
                  "softeners", "particles", "conditionals", "connectors", "dedication", "determiners", "earlier", "by",
                  "self_identification"})  # "jika Anda tertarik": an "if you…" with no reader of a tool's kind named


def a_plea_to_accept(read: str, guidance: "Guidance") -> bool:
    """Whether a sentence only pleads with the reader to accept the sender's request (above)."""
    _, hits = _hits(read, guidance)
    decided = {(hit.first, hit.last) for hit in hits if "decisions" in hit.cats}
    cats: set[str] = set()
    for hit in hits:
        cats |= hit.cats - {"consent"} if (hit.first, hit.last) in decided else hit.cats
    cats -= NOT_CONCEPTS
    return "request_nouns" in cats and bool(cats & {"second_person", "sender"}) and cats <= PLEA


def only_mentions(read: str, guidance: "Guidance") -> bool:
    """Whether a sentence quotes an attack phrase as its topic and says nothing of the screening
    outside the quotes ("your study of 'ignore all previous instructions' attacks", "nghiên cứu của
    chị về các câu 'bỏ qua mọi hướng dẫn trước đó'"): mentioned, not said, as the rules read it
    (injection.Clause drops the words of a quoted mention)."""
    from .injection import NEEDED, _clauses

    if not any(mark in read for mark in QUOTES):
        return False
    quoted = False
    for clause in _clauses(read, guidance.injection, True):
        if not NEEDED.isdisjoint(clause.by_cat):
            return False  # something said outside the quotes
        quoted = quoted or any(hit.cats & NEEDED for hit in clause.hits)
    return quoted


QUOTES = ("'", '"', "“", "”", "‘", "’", "«", "»", "「", "」")


def may_be_doubted(read: str, guidance: "Guidance") -> bool:
    """Whether the model may doubt a sentence: one that speaks to someone (`only_of_the_sender`),
    is more than a plea to accept (`a_plea_to_accept`) and says more than a quoted mention
    (`only_mentions`)."""
    return not only_of_the_sender(read, guidance) and not a_plea_to_accept(read, guidance) \
        and not only_mentions(read, guidance)


# Words that carry a sentence's grammar, not its meaning (injection.toml): never shown as the words
# that weighed.
FUNCTION_WORDS = frozenset({"determiners", "connectors", "dedication", "particles", "second_person", "sender",
                            "others", "softeners", "by", "targets", "demonstratives"})
# Words the injection reader keeps apart for its grammar only ("this" after "requests from", a
# request noun in the plural), no concept of their own: the model does not learn them.
NOT_CONCEPTS = frozenset({"demonstratives", "request_plurals", "filing_keys", "filing_values"})


def _hits(read: str, guidance: "Guidance"):
    from .injection import _tokens

    tokens = list(_tokens(read).finditer(read))
    return tokens, guidance.injection.hits(read, tokens)


def function_words(read: str, guidance: "Guidance") -> frozenset[str]:
    """The sentence's words that are function words, or shorter than three letters."""
    tokens, hits = _hits(read, guidance)
    found = {token.group(0) for token in tokens if len(token.group(0)) < 3}
    found |= {tokens[hit.first].group(0) for hit in hits if hit.last - hit.first == 1 and hit.cats <= FUNCTION_WORDS}
    return frozenset(found)


@dataclass(frozen=True)
class Doubt:
    sentence: str  # as the sender wrote it
    words: list[str]  # the words that weighed most, as the sentence writes them
    score: float


@lru_cache(maxsize=1)
def load_model() -> Model:
    raw = json.loads(resources.files("assist.prompts").joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    if raw.get("format") != FORMAT:
        raise ValueError(f"{MODEL_FILE}: format {raw.get('format')!r}, expected {FORMAT}")
    return Model(dict(raw["weights"]), float(raw["bias"]), float(raw["threshold"]))


def doubt(request: Request, guidance: "Guidance", model: Model | None = None) -> Doubt | None:
    """The request's most suspicious sentence, when it scores above the model's threshold and may
    be doubted (`may_be_doubted`)."""
    model = model or load_model()
    best: tuple[float, str, str] | None = None
    for written, read in units(request):
        score = model.score(read, concept_features(read, guidance))
        if (best is None or score > best[0]) and score > model.threshold and may_be_doubted(read, guidance):
            best = (score, written, read)
    if best is None:
        return None
    score, written, read = best
    return Doubt(written, as_written(model.weighed_most(read, function_words(read, guidance)), written), score)


def as_written(words: list[str], written: str) -> list[str]:
    """Each word as the sentence writes it ("trước", not the folded "truoc"), where it is there."""
    spelt = {fold(normalize(token)): token for token in reversed(WORD.findall(written))}
    return [spelt.get(word, word) for word in words]
