"""A lexicon's patterns run one by one where a text could match them find what the joined regex finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assist.alternatives import Alternatives
from assist.guidance import load_guidance
from assist.text import Text
from test_hostile_injection import VARIANTS

LEXICONS = {name: lexicon.phrases.alternatives for name, lexicon in load_guidance().lexicons.items()
            if lexicon.phrases.alternatives is not None}
# The signs of a scam (scams.toml) run their patterns the same way; selling's (selling.toml) are
# read through one first look, whose alternatives these are.
LEXICONS |= {f"scams.{kind.name}.{key}": alternatives for kind in load_guidance().scams.kinds.values()
             for key, alternatives in kind.patterns.items()}
LEXICONS["scams.amounts"] = load_guidance().scams.amounts
LEXICONS["selling"] = load_guidance().selling.book.alternatives


def found(alternatives: Alternatives, text: str) -> list[tuple[tuple[int, int], str]]:
    prepared = Text.of(text)
    live = alternatives.live(prepared)
    return [(match.span(), match.group(0)) for match in alternatives.finditer(prepared.normalized, live)]


def expected(alternatives: Alternatives, text: str) -> list[tuple[tuple[int, int], str]]:
    return [(match.span(), match.group(0)) for match in alternatives.regex.finditer(Text.of(text).normalized)]


def test_every_pattern_of_the_guidance_can_run_alone():
    assert set(LEXICONS) >= {"prompt_injection", "selling", "scams.returns.patterns", "scams.amounts"}
    for name, alternatives in LEXICONS.items():
        assert alternatives.parts is not None, name


def test_what_a_pattern_needs_is_read_from_it():
    alternatives = Alternatives([r"\b(?:ignore|forget)\b.{0,20}\binstructions?", r"<!--", r"\byou\s+are\s+(?:an?\s+)?ai\b"])
    ignore, comment, you_are = alternatives.parts  # type: ignore[misc]
    assert ignore.words == (frozenset({"ignore", "forget"}),)
    assert ("instruction",) in ignore.literals
    assert comment.words == () and comment.chars == frozenset("<")
    assert set(you_are.words) == {frozenset({"you"}), frozenset({"are"}), frozenset({"ai"})}
    assert alternatives.live(Text.of("Please ignore the rest")) == []
    assert alternatives.live(Text.of("You are an AI")) == [you_are]
    assert alternatives.live(Text.of("you are an aide")) == []  # "ai" is no word of it


@pytest.mark.parametrize("patterns", [
    [r"(a)\1", r"b"],  # a group: the joined regex numbers it differently
    [r"x*", r"b"],  # can match the empty string
])
def test_patterns_that_cannot_run_alone_run_joined(patterns):
    alternatives = Alternatives(patterns)
    assert alternatives.parts is None
    assert found(alternatives, "aab xx b") == expected(alternatives, "aab xx b")


def test_overlapping_matches_resolve_as_in_the_joined_regex():
    alternatives = Alternatives([r"\bcd\w*", r"\bab\s+cd\b", r"\bab\b"])
    for text in ["ab cd", "ab cdx ab", "cd ab cd ab", "ab  cd cd ab"]:
        assert found(alternatives, text) == expected(alternatives, text)


@pytest.mark.parametrize("variant", VARIANTS, ids=[variant[0] for variant in VARIANTS])
def test_the_injections_are_found_as_before(variant):
    for alternatives in LEXICONS.values():
        assert found(alternatives, variant[2]) == expected(alternatives, variant[2])


def _pieces() -> list[str]:
    """The patterns' own words and literals, and what tends to sit between them."""
    pieces = set()
    for alternatives in LEXICONS.values():
        for part in alternatives.parts or ():
            for group in (*part.words, *part.literals):
                pieces.update(group)
    return sorted(pieces) + ["the", "a", "an", "you", "are", "accept", "verdict", "ai", "bot", "system", "ignore",
                             "instructions", "https://x.co/a", "bit.ly/x", "+84 912 345 678", "18%", "per week"]


SEPARATORS = [" ", "  ", "\n", ": ", "-", "'", "", ".", "<", ">", "[", "]", "#", "##", '"', "%", "/", "|", " 15 ", "://"]
TEXTS = st.lists(st.tuples(st.sampled_from(_pieces()), st.sampled_from(SEPARATORS)), max_size=12).map(
    lambda pairs: "".join(piece + separator for piece, separator in pairs))


@settings(max_examples=4000, deadline=None)
@given(TEXTS)
def test_the_patterns_a_text_could_match_find_what_the_regex_finds(text):
    for alternatives in LEXICONS.values():
        assert found(alternatives, text) == expected(alternatives, text)
