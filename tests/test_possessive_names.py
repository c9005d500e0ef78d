"""A company or an interest named with an English possessive ("Corvid's red team", "Stripe’s
API") is named: the note says something about the user's company. My own sentences."""

from __future__ import annotations

import pytest

from assist.guidance import load_guidance
from assist.terms import terms
from assist.text import Text


@pytest.mark.parametrize(("text", "term"), [
    ("We'd love a talk from Corvid's red team at BSides.", "Corvid"),
    ("I read Stripe’s post on idempotency keys.", "Stripe"),
    ("Northwind Labs's hiring page says you need a staff engineer.", "Northwind Labs"),
])
def test_a_name_with_a_possessive_is_found(text, term):
    assert term in terms((term,), load_guidance()).find(Text.of(text))


def test_a_possessive_alone_names_nothing():
    assert terms(("Corvid",), load_guidance()).find(Text.of("It's a great team; let's talk.")) == []
