"""Whether a note says why it came, as the reply reads it (situation.py): the user's work seen or
read, news congratulated, what the user writes about, or a line of work the sender shares. Such a
note is thanked for it and asked only what is still missing (`acknowledge`); a note that says none
of these is asked why (`clarify`). The words are data in prompts/reasons.toml, in every reply
language."""

from __future__ import annotations

import tomllib
from functools import cache, lru_cache
from importlib import resources

from .text import PhraseSet, Text, compile_phrases


@cache
def _reasons() -> PhraseSet:
    data = tomllib.loads(resources.files("assist.prompts").joinpath("reasons.toml").read_text(encoding="utf-8"))
    return compile_phrases(data["reasons"]["phrases"], data["reasons"]["patterns"])


@lru_cache(maxsize=4096)
def gives_reason(note: str | None) -> bool:
    """True when the note says why it came (one of the reasons of prompts/reasons.toml)."""
    return bool(note and note.strip() and _reasons().find_all(Text.of(note)))
