"""Issue 10: a note that only says it is glad to connect is generic in every language the replies
are written in, not only English and Vietnamese ("senang bisa terhubung dengan Ibu", "encantada de
conectar contigo"). A note that says why is not. My own sentences."""

from __future__ import annotations

import pytest

from helpers import request, screen, user

SENDER = dict(headline="Risk Analyst at Bank Nusantara", company="Bank Nusantara", has_photo=True, connections=300,
              mutual_connections=2)


@pytest.mark.parametrize("note", [
    "Halo Bu Priya, senang bisa terhubung dengan Ibu.",
    "Hola Priya, encantada de conectar contigo.",
    "Bonjour Priya, ravie de me connecter avec vous.",
    "Hallo Priya, ich freue mich, mich mit Ihnen zu vernetzen.",
    "Olá Priya, é um prazer conectar com você.",
    "Ciao Priya, felice di collegarmi con te.",
])
def test_glad_to_connect_and_nothing_else_is_generic(note):
    result = screen(request(note, **SENDER), user(name="Priya Raman"))  # the notes greet her
    assert "generic_note" in {flag.id for flag in result.flags}, [(flag.id, flag.evidence) for flag in result.flags]


@pytest.mark.parametrize("note", [
    "Halo Bu Priya, senang bisa terhubung. Saya membaca tulisan Ibu tentang akun mule di Money20/20 dan ingin bertukar pikiran soal model graf.",
    "Hola Priya, encantada de conectar: leí tu artículo sobre cuentas mula y me gustaría comparar cómo modelamos el fraude en transferencias.",
])
def test_glad_to_connect_with_a_reason_is_not_generic(note):
    result = screen(request(note, **SENDER), user(name="Priya Raman"))  # the notes greet her
    assert "generic_note" not in {flag.id for flag in result.flags}, [(flag.id, flag.evidence) for flag in result.flags]
