"""Issue 10: a sender whose title reads as a seller's ("Fractional VP Engineering", "Interim CTO")
writing about the user's own opening ("I saw Tidewater is hiring a VP of Engineering") is a
candidate, not a pitch, to a user whose goals include that hire. The same title offering its
services for a fee stays a seller. My own sentences, in the shape of `redteam5/dev` 045."""

from __future__ import annotations

from pathlib import Path

import pytest

from assist.config import parse_config
from helpers import request, screen

CEO = parse_config(Path(__file__).parent.parent / "fixtures" / "eval" / "personas" / "ceo-founder-en.toml")
FRACTIONAL = dict(headline="Fractional CTO | ex-Stripe", company="Independent", industry="Software", has_photo=True,
                  connections=600, mutual_connections=1,
                  experience=[dict(title="Fractional CTO", company="Independent", years=3),
                              dict(title="Director of Platform Engineering", company="Stripe", years=6)])


def _flags(result):
    return [(flag.id, flag.evidence) for flag in result.flags]


@pytest.mark.parametrize("note", [
    "Hi Marta, I saw Tidewater is hiring a VP of Engineering. I ran platform teams at Stripe for six years and would love to be considered.",
    "Marta, noticed you're looking for a VP Engineering at Tidewater. Six years leading platform at Stripe; happy to talk whenever suits.",
    "Hola Marta, vi que Tidewater está buscando un VP de Ingeniería. Dirigí equipos de plataforma en Stripe seis años y me encantaría hablar.",
    "Olá Marta, vi que a Tidewater está contratando um VP de Engenharia. Liderei equipas de plataforma na Stripe durante seis anos.",
])
def test_a_candidate_for_the_user_s_opening_is_no_seller(note):
    result = screen(request(note, **FRACTIONAL), CEO)
    assert "sales_pitch" not in {flag.id for flag in result.flags}, _flags(result)
    assert result.verdict != "ignore", _flags(result)


@pytest.mark.parametrize("note", [
    "Hi Marta, I help logistics startups scale their engineering as a fractional CTO, from 4,000 EUR a month. Happy to share case studies.",
    "Hi Marta, I'm a fractional CTO; my clients are usually looking for a faster way to ship. Can I send you my packages?",
])
def test_the_same_title_offering_its_services_is_still_a_seller(note):
    result = screen(request(note, **FRACTIONAL), CEO)
    assert "sales_pitch" in {flag.id for flag in result.flags}, _flags(result)
