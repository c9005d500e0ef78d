"""The user's own words (interests, target and past companies, their company, the always_accept and
never_accept lists), found where a text means them.

- A term of one word that has three letters or fewer, or is an everyday word (prompts/
  everyday_words.toml: "Go", "Grab", "Swift"), counts only in a context that makes it the term:
  written with a capital in the middle of a sentence (or in capitals, as the user wrote it: "MLM"),
  in a profile field that names a company, or next to a technical or company word ("Go developer",
  "at Grab", "Grab's"). "let's go" and "grab a coffee" are not the term.
- Every other term matches as a phrase, the way the lexicons match (text.py `user_phrases`).
- never_accept entries also find their word forms, look-alike letters and common spellings
  (`word_forms`): "crypto" finds "cryptocurrency", "kripto", "ϲrypto", not "cryptography".

Everything a list needs is compiled once per config; a text is looked at only where a cheap first
look (a word it holds, a regex in C) says a term could be there.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .guidance import Guidance
from .text import WORD_RUN, Text, fold, normalize, tokens, user_phrases

# An English possessive after a name: "Corvid's", "Stripe’s" name Corvid and Stripe.
POSSESSIVE_END = re.compile(r"(?<=\w)['’]s(?!\w)")

SENTENCE_END = ".!?…:;\n|•·"
OPENERS = " \t\"'“‘«([{*-–—"
NEIGHBOUR_REACH = 40  # characters looked at on either side of a term for the words beside it
MAX_WORD = 64  # no word of a natural language is longer: a longer run is not read as one
MAX_OCCURRENCES = 20  # an everyday term's first occurrences looked at for a context that makes it the term
POSSESSIVE = ("'s", "’s")
MAX_JOINED = 3  # a term of up to this many words is also found written with hyphens


def _small_capitals() -> dict[int, str]:
    """ᴀ ʙ ᴄ ... read as a b c: NFKC leaves small capitals alone, and a word can be spelled with them."""
    table = {}
    for letter in "abcdefghijklmnopqrstuvwxyz":
        try:
            table[ord(unicodedata.lookup(f"LATIN LETTER SMALL CAPITAL {letter.upper()}"))] = letter
        except KeyError:
            continue
    return table


# Letters that look like Latin ones and that normalize() leaves alone: small capitals, and the Greek
# lunate and final sigma ("ϲrypto" becomes "ςrypto" under NFKC).
EXTRA_LOOKALIKES = {**_small_capitals(), ord("ς"): "c", ord("ϲ"): "c", ord("Ϲ"): "c"}
HAS_EXTRA = re.compile("[" + "".join(map(chr, EXTRA_LOOKALIKES)) + "]")


def is_everyday(term: str, guidance: Guidance) -> bool:
    """One word of three letters or fewer, or an everyday word: it needs a context to count."""
    words = tokens(normalize(term))
    if len(words) != 1:
        return False
    word = words[0]
    letters = sum(char.isalpha() for char in word)
    return letters <= 3 or word in guidance.everyday_words or fold(word) in guidance.everyday_words


def _sentence_start(original: str, start: int) -> bool:
    index = start
    while index > 0 and start - index < NEIGHBOUR_REACH and original[index - 1] in OPENERS:
        index -= 1
    return index == 0 or original[index - 1] in SENTENCE_END


def _glued(original: str, start: int, end: int) -> bool:
    """Part of a longer token joined by "&" or ".": "R&D", "U.S." are not the term "R" or "U"."""
    after = original[end:end + 2]
    before = original[max(0, start - 2):start]
    return (len(after) == 2 and after[0] in "&." and after[1].isalnum()) or \
        (len(before) == 2 and before[1] in "&." and before[0].isalnum())


def _neighbours(original: str, start: int, end: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    before = normalize(original[max(0, start - NEIGHBOUR_REACH):start])
    after = normalize(original[end:end + NEIGHBOUR_REACH])
    words_before = tokens(before)[-2:]
    if before.rstrip().endswith("@"):
        words_before = (*words_before, "@")
    return words_before, tokens(after.lstrip(" -–—"))[:2]


def _beside(words_before: tuple[str, ...], words_after: tuple[str, ...], guidance: Guidance) -> bool:
    before, after = guidance.term_context
    return any(words_before[len(words_before) - n:] in before for n in (1, 2) if len(words_before) >= n) or \
        any(words_after[:n] in after for n in (1, 2) if len(words_after) >= n)


def means_term(original: str, start: int, end: int, written: str, guidance: Guidance) -> bool:
    """Whether the everyday term `written` (as the user wrote it), found at original[start:end],
    is the term there and not the everyday word."""
    word = original[start:end]
    if _glued(original, start, end):
        return False
    if original[end:end + 2] in POSSESSIVE:
        return True
    if any(char.isupper() for char in written[1:]):  # "MLM", "iOS", "AI": as the user wrote it
        if word.startswith(written):  # "MLMs" too
            return True
    elif word[:1].isupper() and not (len(word) > 1 and word.isupper()) and not _sentence_start(original, start):
        return True  # "in Go", not "LET'S GO"
    return _beside(*_neighbours(original, start, end), guidance)


def as_companies(hits: list[str], original: str) -> list[str]:
    """The company names among `hits` that the text uses as a company at least once, not only as
    the first half of a compound that names its product or a kind of work: "SAP-FI consultants",
    "Oracle-DBA", "Salesforce-certified" say nothing of where anyone worked."""
    kept = []
    for hit in hits:
        for match in _occurrences(hit).finditer(original):
            after = original[match.end():match.end() + 2]
            if not (len(after) == 2 and after[0] in "-‐" and after[1].isalnum()):
                kept.append(hit)
                break
    return kept


@lru_cache(maxsize=4096)
def _occurrences(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Terms:
    """One list of the user's terms, compiled once (`terms()`)."""

    phrases: object  # PhraseSet of the terms that match as phrases
    everyday: tuple[tuple[str, str, str], ...]  # (as written, normalized word, folded word)
    guidance: Guidance
    first_words: frozenset[str] = frozenset()  # the first word of each phrase, as written and folded

    def could_be_in(self, text: Text) -> bool:
        """A first look: the text holds the first word of a phrase, or an everyday term's word."""
        if not text.original:
            return False
        if self.phrases and not (self.first_words.isdisjoint(text.positions)
                                 and self.first_words.isdisjoint(text.plain_positions)):
            return True
        if not self.everyday:
            return False
        runs = text.word_runs
        return any(word in runs or (text.plain_words and plain in runs) for _, word, plain in self.everyday)

    def find(self, text: Text, *, names_company: bool = False) -> list[str]:
        """The terms in the text, as the text writes them. `names_company`: the text is a field
        that names a company (company, an experience's company), where a name is a name."""
        phrased = _without_possessives(text)
        if not self.could_be_in(phrased):
            return []
        found = self.phrases.find_all(phrased) if self.phrases else []  # type: ignore[attr-defined]
        if not self.everyday:
            return found
        runs = text.word_runs
        for written, word, plain in self.everyday:
            if word not in runs and not (text.plain_words and plain in runs):
                continue
            hit = self._find_everyday(text, written, word if word in runs else plain, names_company)
            if hit is not None and hit not in found:
                found.append(hit)
        return found

    def _find_everyday(self, text: Text, written: str, word: str, names_company: bool) -> str | None:
        original = text.original
        for count, match in enumerate(_occurrences(word).finditer(original)):
            if names_company or means_term(original, match.start(), match.end(), written, self.guidance):
                return match.group(0)
            if count >= MAX_OCCURRENCES:
                break
        return written if names_company else None


_WITHOUT_POSSESSIVES = object()  # what a Text keeps its possessive-free reading by


def _without_possessives(text: Text) -> Text:
    """The text with English possessives taken off ("Corvid's red team" names Corvid), made once a
    text: every list of the user's terms reads the same note. The everyday terms read the
    possessive themselves (means_term)."""
    known = text.found.get(_WITHOUT_POSSESSIVES)
    if known is None:
        known = text.found[_WITHOUT_POSSESSIVES] = (
            Text.of(POSSESSIVE_END.sub("", text.original)) if POSSESSIVE_END.search(text.original) else text)
    return known


@lru_cache(maxsize=256)
def terms(items: tuple[str, ...], guidance: Guidance) -> Terms:
    """The user's terms, split into those that match as phrases and the everyday ones."""
    plain: list[str] = []
    everyday: list[tuple[str, str, str]] = []
    for item in items:
        if not item.strip():
            continue
        if is_everyday(item, guidance):
            word = tokens(normalize(item))[0]
            everyday.append((item.strip(), word, fold(word)))
        else:
            plain.append(item)
            words = tokens(normalize(item))
            # "red teaming" is also written "red-teaming", one word to the matchers.
            if 1 < len(words) <= MAX_JOINED and all(word.isalpha() for word in words):
                plain.append("-".join(words))
    phrases = user_phrases(tuple(plain)) if plain else None
    first_words = frozenset((*phrases.marked, *phrases.plain)) if phrases else frozenset()
    return Terms(phrases, tuple(everyday), guidance, first_words)


def company_names(guidance: Guidance, companies: list[str]) -> tuple[str, ...]:
    """Each company as written and by its core name: "SSI Securities" also matches "SSI"."""
    return _company_names(guidance, tuple(companies))


@lru_cache(maxsize=256)
def _company_names(guidance: Guidance, companies: tuple[str, ...]) -> tuple[str, ...]:  # the config's: once
    names: list[str] = []
    for company in companies:
        names.append(company)
        core = company.strip()
        while (shorter := guidance.company_suffix.sub("", core).strip(" ,.-")) != core and shorter:
            core = shorter
        # What is left must be a name: two letters at least, not the "Your" of "Your Company", and
        # not a field ("Data" of "Data Analytics").
        if core != company.strip() and len(core) >= 2 and core.lower() not in guidance.not_company_names \
                and not _only_field_words(core, guidance):
            names.append(core)
    return tuple(names)


def _only_field_words(name: str, guidance: Guidance) -> bool:
    """"Payments", "Data & Analytics": every word of it names a field, none a company."""
    text = Text.of(name)
    found = {word for hits in guidance.industries.hits(text).values() for hit in hits for word in hit.split()}
    return bool(text.words) and all(word in found for word in text.words)


# --- never_accept: word forms, look-alikes, spellings -----------------------------------------------


@dataclass(frozen=True)
class _Entry:
    written: str
    skeletons: tuple[str, ...]  # each word's skeleton
    prefix: bool  # the last word also finds longer words that start with it
    plural: bool  # the last word also finds its plural
    everyday: bool
    needle: str  # what a normalized text holds wherever the entry is in it (a first look, in C)
    candidates: re.Pattern[str]  # where in a normalized text it could be


# A never_accept word denied: a negation at most this many words before it, in its clause.
DENIAL_REACH = 2
CLAUSE_END = re.compile(r"[.,;:!?()\n]")


class WordForms:
    """A never_accept list: each entry with its word forms (signals.toml [word_forms])."""

    def __init__(self, items: tuple[str, ...], guidance: Guidance):
        self.guidance = guidance
        spec = guidance.word_forms
        self.spellings: tuple[tuple[str, str], ...] = tuple((a, b) for a, b in spec["spellings"])
        self.not_forms = tuple(self.skeleton(normalize(word)) for word in spec["not_forms"])
        least = guidance.parameters["never_accept"]["prefix_min_letters"]
        entries = []
        for item in items:
            quoted = len(item) >= 2 and item[0] == item[-1] == '"'
            text = item[1:-1] if quoted else item
            words = WORD_RUN.findall(normalize(text))
            if not words:
                continue
            skeletons = tuple(self.skeleton(word) for word in words)
            prefix = not quoted and len(words) == 1 and sum(c.isalpha() for c in words[0]) >= least
            entries.append(_Entry(text.strip(), skeletons, prefix, not quoted,
                                  is_everyday(text, guidance), *self._candidates(words)))
        self.entries = tuple(entries)
        self.phrases = any(len(entry.skeletons) > 1 for entry in self.entries)
        self.everyday = any(entry.everyday for entry in self.entries)  # then a company field is read apart

    def skeleton(self, word: str) -> str:
        """The word as the rules read it: look-alikes as Latin, marks gone, doubled letters as one,
        then each spelling pair as one letter ("cryptocurrency" -> "kriptokurenki")."""
        word = fold(word.translate(EXTRA_LOOKALIKES))
        word = re.sub(r"(\w)\1+", r"\1", word)
        for spelled, read in self.spellings:
            word = word.replace(spelled, read)
        return re.sub(r"(\w)\1+", r"\1", word)

    def _candidates(self, words: list[str]) -> tuple[str, re.Pattern[str]]:
        """Where an entry could be in a normalized text: a letter pair every spelling of it holds
        (a look in C), then the words that start with its first letters, each in any spelling the
        rules read as it ("k" as c, k or q)."""
        spelled: dict[str, set[str]] = {}
        for source, read in self.spellings:
            spelled.setdefault(read, set()).update(source)
        start = self.skeleton(words[0])
        # A letter no spelling becomes is written as it is: two of them side by side are in the text.
        fixed = [a + b for a, b in zip(start, start[1:]) if a != b and a not in spelled and b not in spelled]
        needle = fixed[0] if fixed else next((letter for letter in start if letter not in spelled), "")
        parts = [f"[{''.join(sorted(spelled.get(letter, set()) | {letter}))}]+" for letter in start[:4]]
        return needle, re.compile(rf"{''.join(parts)}\w*")

    def find(self, text: Text, *, names_company: bool = False) -> list[str]:
        if not self.entries or not text.original:
            return []
        words = self._words(text)
        found: list[str] = []
        for entry in self.entries:
            hit = self._find(entry, words, text, names_company)
            if hit is not None and hit not in found:
                found.append(hit)
        return found

    def _words(self, text: Text) -> list[tuple[str, str]]:
        """The text's words that could be a form of an entry, each with its skeleton: words that
        start like an entry, and words written with look-alike letters normalize() leaves alone."""
        key = (WordForms, self)
        known = text.found.get(key)
        if known is None:
            normalized = text.normalized
            runs = set()
            for entry in self.entries:
                runs.update(_starting(entry, normalized))
            if not normalized.isascii() and HAS_EXTRA.search(normalized):
                runs.update(word for word in WORD_RUN.findall(normalized) if HAS_EXTRA.search(word))
            sequence = WORD_RUN.findall(normalized) if self.phrases else None
            known = text.found[key] = ([(word, self.skeleton(word)) for word in runs], sequence)
        return known  # type: ignore[return-value]

    def _matches_last(self, entry: _Entry, skeleton: str) -> bool:
        wanted = entry.skeletons[-1]
        if skeleton == wanted:
            return True
        if entry.plural and skeleton in (wanted + "s", wanted + "es"):
            return True
        if not entry.prefix or not skeleton.startswith(wanted):
            return False
        return not any(skeleton.startswith(other) and not wanted.startswith(other) for other in self.not_forms)

    def _find(self, entry: _Entry, words, text: Text, names_company: bool) -> str | None:
        candidates, sequence = words
        if len(entry.skeletons) > 1:
            return self._find_phrase(entry, sequence or [], text)
        for word, skeleton in candidates:
            if not self._matches_last(entry, skeleton):
                continue
            if self._denied_everywhere(word, text):
                continue  # "bukan urusan kripto", "not crypto": what the sender says they are not
            if not entry.everyday or names_company:
                return self._as_written(word, text)
            for count, match in enumerate(_occurrences(word).finditer(text.original)):
                if means_term(text.original, match.start(), match.end(), entry.written, self.guidance):
                    return match.group(0)
                if count >= MAX_OCCURRENCES:
                    break
            if not _occurrences(word).search(text.original):
                return self._as_written(word, text)  # written in disguise (look-alike letters): it counts
        return None

    def _denied_everywhere(self, word: str, text: Text) -> bool:
        """Every time the word is written, a negation stands right before it in its clause, or one
        word before ("not crypto", "không phải crypto", "bukan urusan kripto"); not a compound
        ("no-risk crypto")."""
        negations = self.guidance.negations
        seen = False
        for match in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text.normalized):
            seen = True
            before = CLAUSE_END.split(text.normalized[max(0, match.start() - 60):match.start()])[-1]
            words = [w for w in WORD_RUN.findall(before) if w[:4] != word[:4]][-DENIAL_REACH:]  # "kripto-kriptoan": one word
            hyphened = re.search(r"\w-\w+\s*$", before) is not None
            if hyphened or not negations.intersection(words):
                return False
        return seen

    def _find_phrase(self, entry: _Entry, sequence: list[str], text: Text) -> str | None:
        size = len(entry.skeletons)
        firsts = {i for i, word in enumerate(sequence) if self.skeleton(word) == entry.skeletons[0]}
        for start in sorted(firsts):
            window = sequence[start:start + size]
            if len(window) == size and all(self.skeleton(w) == s for w, s in zip(window[1:-1], entry.skeletons[1:-1])) \
                    and self._matches_last(entry, self.skeleton(window[-1])):
                return " ".join(window)
        return None

    @staticmethod
    def _as_written(word: str, text: Text) -> str:
        match = _occurrences(word).search(text.original)
        if match:
            return match.group(0)
        # Written with letters normalize() changes (look-alikes, invisible ones): the sender's word.
        return next((run for run in WORD_RUN.findall(text.original) if normalize(run) == word), word)


def _starting(entry: _Entry, normalized: str) -> list[str]:
    """The words of the text that start like the entry: found from where its needle is (str.find,
    in C), each word read once from its start. Linear: after a word, the search goes on past it,
    and a word's start is looked for at most MAX_WORD characters back."""
    found = []
    position = normalized.find(entry.needle)
    while position != -1:
        start = position
        while start > 0 and position - start < MAX_WORD and normalized[start - 1].isalnum():
            start -= 1
        if start == 0 or not normalized[start - 1].isalnum():  # no word is this long
            match = entry.candidates.match(normalized, start)
            if match:
                found.append(match.group(0))
        position = normalized.find(entry.needle, WORD_RUN.match(normalized, position).end()
                                   if WORD_RUN.match(normalized, position) else position + 1)
    return found


@lru_cache(maxsize=64)
def word_forms(items: tuple[str, ...], guidance: Guidance) -> WordForms:
    return WordForms(items, guidance)


__all__ = ["Terms", "WordForms", "is_everyday", "means_term", "terms", "word_forms"]
