"""Issue 10: `never_accept` entries find word forms and spellings ("kripto"), but a sender who DENIES
the word right before it ("bukan urusan kripto", "not crypto", "không phải crypto") is saying what
they are not: no never_accept flag. "No-risk crypto" is no denial (a compound adjective), and
"cryptography" is not crypto. My own sentences, by concept."""

from __future__ import annotations

import pytest

from helpers import request, screen, user

PROFILE = dict(headline="Staff Engineer, Payments Security", company="Xendit", has_photo=True, connections=600,
               mutual_connections=4, experience=[{"title": "Staff Engineer", "company": "Xendit", "years": 4}])


def flags(note: str) -> set[str]:
    config = user(openness="balanced")
    config.policy.never_accept = ["crypto"]
    return {flag.id for flag in screen(request(note, **PROFILE), config).flags}


DENIED = [
    "Bukan urusan kripto-kriptoan ya, murni keamanan pembayaran.",
    "Not crypto, just card tokenization and key management.",
    "Mình làm bảo mật thanh toán, không phải crypto đâu nhé.",
    "Nichts mit Krypto, nur Zahlungssicherheit.",
    "Nada de cripto: solo seguridad de pagos.",
]


@pytest.mark.parametrize("note", DENIED)
def test_a_word_the_sender_denies_is_no_never_accept_match(note):
    assert "never_accept" not in flags(note), note


MEANT = [
    "No-risk crypto fund, 20% monthly, ask me how.",
    "We build crypto custody for exchanges in Southeast Asia.",
    "Đầu tư kripto an toàn, lãi đều mỗi tháng.",
]


@pytest.mark.parametrize("note", MEANT)
def test_a_word_meant_still_matches(note):
    assert "never_accept" in flags(note), note


def test_cryptography_is_not_crypto():
    assert "never_accept" not in flags("I design cryptography for card tokenization (HSMs, key rotation).")
