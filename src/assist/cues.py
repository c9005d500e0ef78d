"""Many small sets of cues (words, phrases, patterns), and which of them a text holds, found in one
look: what selling.py reads a note by.

A structure that asks of every sentence whether it holds a first person, an offer verb, a price
or a request for time must not pay for each question. So every set of a `CueBook` is looked up
together, once a text, in one pass over the text's words: a single word is looked up as it is; a
phrase of several words by its least common word (its anchor: "article" in "for an article"),
then checked around it, so the many "a", "for" and "we" of a text cost nothing; a pattern by the
words or characters it needs (alternatives.py), then run. `Cue.present` then costs a set
membership; `Cue.find_all`, which writes the hits out (`written`: as the sender wrote them), is
for evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from .alternatives import Alternatives
from .text import PhraseSet, Text, as_read, compile_phrases, fold, has_diacritics, normalize, tokens

# Thai, Chinese, Japanese, Korean and full-width forms: scripts whose cues are characters.
SCRIPTS = re.compile("[\u0e00-\u0e7f\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
# Words too common to anchor a phrase: the function words of the languages the vocabulary is
# written in. Any other word of a phrase anchors it, the longest first.
COMMON = frozenset("""
a an the for to of in on at with and or is are be been can could would will shall may do does this that it
i i'm we we're you your yours our us me my he she they them their his her its not no so if as by from up out
em anh chị bạn tôi mình của và là có cho với được không này đó
de del la las el los le les des du un una uno unos une y o et ou que en por para con mi tu su se lo
der die das den dem des ein eine und ich wir sie ihr ihnen mit für von zu im am ist sind
o os as um uma e do da dos das no na nos nas em com para por meu minha seu sua
di il lo gli per con che mio mia tuo tua
yang dan di ke dari untuk dengan ini itu saya kami anda
и в на с к по я мы вы вам ваш ваша что это
""".split())
COMMON = frozenset(normalize(word) for word in COMMON)  # as the matchers read them (look-alike letters mapped)


def _anchor(words: tuple[str, ...]) -> int:
    """Where a phrase is looked up from: its longest word that is not a common one."""
    return max(range(len(words)), key=lambda index: (words[index] not in COMMON, len(words[index]), index))


class CueBook:
    """The sets of cues of one vocabulary."""

    def __init__(self, not_folded: frozenset[str] = frozenset()) -> None:
        # Entries read only as written, never in text typed without diacritics: folded, they are
        # other everyday words ("chuyên", to specialise, is then "chuyển", to move on).
        self.not_folded = frozenset(normalize(entry) for entry in not_folded)
        # A single word -> its sets; a phrase's anchor -> [(where the anchor stands in the phrase,
        # the phrase, its set)]. Folded forms ("ket noi" for "kết nối") apart: they are looked up
        # only in text typed without diacritics.
        self.singles: dict[str, set[int]] = {}
        self.anchors: dict[str, list[tuple[int, tuple[str, ...], int]]] = {}
        self.plain_singles: dict[str, set[int]] = {}
        self.plain_anchors: dict[str, list[tuple[int, tuple[str, ...], int]]] = {}
        self.sources: list[str] = []  # every pattern...
        self.of_source: list[int] = []  # ...and its set
        self.size = 0
        self.key = object()  # what a text keeps its answer under...
        self.live_key = object()  # ...and the patterns that could match it
        self.regexes: list[re.Pattern[str]] = []
        self._alternatives: Alternatives | None = None

    def cue(self, phrases: list[str], patterns: list[str] | None = None) -> "Cue":
        number = self.size
        self.size += 1
        for phrase in phrases:
            normalized = normalize(phrase)
            for singles, anchors, words in (
                    (self.singles, self.anchors, tokens(normalized)),
                    (self.plain_singles, self.plain_anchors,
                     tokens(fold(normalized)) if has_diacritics(normalized) and normalized not in self.not_folded else ())):
                if len(words) == 1:
                    singles.setdefault(words[0], set()).add(number)
                elif words:
                    at = _anchor(words)
                    if (at, words, number) not in anchors.setdefault(words[at], []):
                        anchors[words[at]].append((at, words, number))
        patterns = [as_read(pattern) for pattern in patterns or ()]  # as text is read: "ำ" is "ํา"
        places = tuple(range(len(self.sources), len(self.sources) + len(patterns)))
        self.sources += patterns
        self.of_source += [number] * len(patterns)
        self._alternatives = None  # the first look is made again with the new patterns
        compiled = compile_phrases(phrases)
        if self.not_folded:  # what it finds for the evidence, as the book finds it
            unread = {tokens(fold(entry)) for entry in self.not_folded}
            plain = {first: kept for first, group in compiled.plain.items()
                     if (kept := tuple(phrase for phrase in group if phrase not in unread))}
            compiled = replace(compiled, plain=plain)
        return Cue(self, number, compiled, places)

    @property
    def alternatives(self) -> Alternatives:
        """The patterns as alternatives.py reads them: what each needs (a whole word of the text,
        or an uncommon character), so a text is given one first look for all of them."""
        if self._alternatives is None:
            alternatives = Alternatives(self.sources, re.DOTALL)
            self.regexes = [re.compile(source, re.DOTALL) for source in self.sources]
            by_word: dict[str, list[int]] = {}
            by_char: dict[str, list[int]] = {}
            self._always: list[int] = []
            for place, part in enumerate(alternatives.parts or ()):
                if part.words:
                    for word in part.words[0]:
                        by_word.setdefault(word, []).append(place)
                elif part.chars:
                    for char in part.chars:
                        by_char.setdefault(char, []).append(place)
                else:
                    self._always.append(place)
            if alternatives.parts is None:  # some pattern cannot be read alone: all are looked for
                self._always = list(range(len(self.sources)))
            self._by_word, self._by_char = by_word, by_char
            # Characters of scripts written without spaces are looked for only in text that has
            # any (one search for the scripts); the few others one by one.
            script = sorted(char for char in by_char if SCRIPTS.match(char))
            self._chars = re.compile("[" + "".join(map(re.escape, script)) + "]") if script else None
            self._other_chars = tuple(char for char in by_char if not SCRIPTS.match(char))
            self._alternatives = alternatives
        return self._alternatives

    def present(self, text: Text) -> frozenset[int]:
        """The sets the text holds something of, in one pass over its words (looked at once a text)."""
        known = text.found.get(self.key)
        if known is not None:
            return known
        self.alternatives  # noqa: B018 (what each pattern needs, read once)
        found: set[int] = set()
        passes = [(self.singles, self.anchors, text.words, text.positions)]
        if text.plain_words and (self.plain_singles or self.plain_anchors):  # typed without diacritics
            passes.append((self.plain_singles, self.plain_anchors, text.plain_words, text.plain_positions))
        for singles, anchors, words, positions in passes:
            keys = positions.keys()
            for word in singles.keys() & keys:  # a set operation: the few words both hold
                found |= singles[word]
            for word in anchors.keys() & keys:
                at = positions[word]
                for offset, phrase, number in anchors[word]:
                    if number not in found:
                        for position in at:
                            if position >= offset and words[position - offset:position - offset + len(phrase)] == phrase:
                                found.add(number)
                                break
        parts = self._alternatives.parts  # type: ignore[union-attr]
        places = set(self._always)
        by_word = self._by_word
        for word in by_word.keys() & text.word_runs:
            places.update(by_word[word])
        normalized = text.normalized
        for char in self._other_chars:
            if char in normalized:
                places.update(self._by_char[char])
        if self._chars is not None and not normalized.isascii() and SCRIPTS.search(normalized):
            for char in set(self._chars.findall(normalized)):
                places.update(self._by_char[char])
        # Each pattern's other needs (more words, literals) checked before it is run: most fail them.
        live = text.found[self.live_key] = tuple(sorted(
            place for place in places if parts is None or parts[place].may_match(text)))
        normalized = text.normalized
        for place in live:
            number = self.of_source[place]
            if number not in found and self.regexes[place].search(normalized):
                found.add(number)
        known = text.found[self.key] = frozenset(found)
        return known

    def live(self, text: Text) -> tuple[int, ...]:
        """The places of the patterns that could match the text (found with what it holds)."""
        known = text.found.get(self.live_key)
        if known is None:
            self.present(text)
            known = text.found[self.live_key]
        return known

    def by_sentence(self, text: Text, ends: re.Pattern[str], wanted: frozenset[int], *extra: PhraseSet) -> list[set[int]]:
        """Which of the `wanted` sets each sentence of the text holds something of (sentences end
        where `ends` matches the normalized text); `extra` sets, not in the book, count as the
        numbers after its own. Read from where in the whole text each was found: no sentence is
        looked up on its own."""
        normalized = text.normalized
        cuts = [match.end() for match in ends.finditer(normalized)]
        if not cuts or cuts == [len(normalized)]:  # one sentence: what the text holds
            return [(set(self.present(text)) & wanted) | {number for number, phrases in enumerate(extra, start=self.size)
                                                          if phrases.find_all(text)}]
        found: list[set[int]] = [set() for _ in range(len(cuts) + 1)]
        # The sentence of each word: the sentences end after so many of the text's words.
        sentence: list[int] = []
        for index, (start, end) in enumerate(zip([0, *cuts], [*cuts, len(normalized)])):
            sentence += [index] * len(tokens(normalized[start:end]))
        passes = [(self.singles, self.anchors, text.words, text.positions)]
        if text.plain_words and (self.plain_singles or self.plain_anchors):
            passes.append((self.plain_singles, self.plain_anchors, text.plain_words, text.plain_positions))
        for singles, anchors, words, positions in passes:
            keys = positions.keys()
            for word in singles.keys() & keys:
                numbers = singles[word] & wanted
                if numbers:
                    for position in positions[word]:
                        found[sentence[position]] |= numbers
            for word in anchors.keys() & keys:
                for offset, phrase, number in anchors[word]:
                    if number in wanted:
                        for position in positions[word]:
                            start = position - offset
                            if start >= 0 and words[start:start + len(phrase)] == phrase:
                                found[sentence[start]].add(number)
        for number, phrases in enumerate(extra, start=self.size):
            for index, words, positions in ((phrases.marked, text.words, text.positions),
                                            (phrases.plain, text.plain_words, text.plain_positions)):
                if not words:
                    continue
                for first in index.keys() & positions.keys():
                    for phrase in index[first]:
                        for position in positions[first]:
                            if words[position:position + len(phrase)] == phrase:
                                found[sentence[position]].add(number)
        for place in self.live(text):
            number = self.of_source[place]
            if number in wanted:
                for match in self.regexes[place].finditer(normalized):
                    found[bisect_right(cuts, match.start())].add(number)
        return found


class Cue:
    """One set: which texts hold it (through its book), and what they hold of it."""

    def __init__(self, book: CueBook, number: int, phrases: PhraseSet, places: tuple[int, ...]):
        self.book = book
        self.number = number
        self.phrases = phrases
        self.places = places

    def present(self, text: Text) -> bool:
        return self.number in self.book.present(text)

    def find_all(self, text: Text) -> list[str]:
        """What the text holds of it, as the matchers read it (lower case), the longer first:
        "campagne pubblicitarie", not "campagne". `written` gives a hit as the sender wrote it."""
        if not self.present(text):
            return []
        found: list[str] = []
        for index, words, positions in ((self.phrases.marked, text.words, text.positions),
                                        (self.phrases.plain, text.plain_words, text.plain_positions)):
            if not words:
                continue
            # In text order (a set's order changes with the hash seed): the sort below is stable,
            # so hits of one length stay as the text has them, and the evidence is the same every run.
            for first in sorted(index.keys() & positions.keys(), key=positions.__getitem__):
                for phrase in index[first]:
                    if any(words[position:position + len(phrase)] == phrase for position in positions[first]):
                        found.append(" ".join(phrase))
        found.sort(key=len, reverse=True)
        found = [hit for index, hit in enumerate(found) if not any(hit in longer for longer in found[:index])]
        if self.places:
            live = set(self.book.live(text))
            normalized = text.normalized
            for place in self.places:
                if place in live:
                    for match in self.book.regexes[place].finditer(normalized):
                        value = match.group(0).strip()
                        if value and value not in found:
                            found.append(value)
        return found


def written(hit: str, original: str) -> str:
    """A hit (as the matchers read it) as the sender wrote it, where it can be found so."""
    lowered = original.lower()
    at = lowered.find(hit)
    if at < 0 or len(lowered) != len(original):
        return hit
    return original[at:at + len(hit)]
