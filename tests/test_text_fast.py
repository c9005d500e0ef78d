"""The engine's shortcuts give what the plain computation gives, character for character."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from assist.text import FOLD, INVISIBLE, LOOKALIKES, fold, has_diacritics, has_invisible, normalize

# Characters the tables act on, and a few others the normalizing treats specially.
SPECIAL = sorted({*map(chr, INVISIBLE), *map(chr, LOOKALIKES), *map(chr, FOLD), *"aZ 09'\u2019-İſ\u212a"})
TEXT = st.text(st.one_of(st.sampled_from(SPECIAL), st.characters(blacklist_categories=("Cs",))), max_size=40)


def reference_normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(INVISIBLE).replace("\u2019", "'")
    return text.lower().translate(LOOKALIKES)


@settings(max_examples=3000)
@given(TEXT)
def test_the_tables_run_only_where_they_change_something(text):
    assert normalize(text) == reference_normalize(text)
    assert fold(text) == text.translate(FOLD)
    assert has_diacritics(text) == (text.translate(FOLD) != text)
    assert has_invisible(text) == any(ord(ch) in INVISIBLE for ch in text)
