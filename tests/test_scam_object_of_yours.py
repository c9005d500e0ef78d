"""A credential is the reader's where the reader is named right after it, through a word such as
"of" or "from" ("we need the password of your online banking", "le mot de passe de votre banque",
"пароль от вашего банка", "the one-time code from your phone"), as it is in "your password"
(issue 10). A credential of someone else's, or a word between the object and the reader that makes
the object something else ("the password policy of your bank"), is not asked of the reader.
My own sentences, by concept, in several languages; the honest ones are controls."""

from __future__ import annotations

import pytest

from helpers import scam_judgement

PROFILE = dict(headline="Partner", company="Fattorix Capital", industry=None, has_photo=True, connections=300,
               mutual_connections=0, experience=[])


def read(note: str):
    judgement, signs = scam_judgement(note, **PROFILE)
    return signs, judgement


ASKED = [
    "For the check we need the login and password of your company's online banking.",
    "We need the one-time code from your phone to finish the set-up.",
    "Nous avons besoin du mot de passe de votre banque en ligne pour l'audit.",
    "Нам нужен пароль от вашего онлайн-банка для проверки.",
    "Necesitamos el código de verificación de tu teléfono para terminar.",
    "Kami perlu kode OTP dari ponsel Anda untuk verifikasi.",
]


@pytest.mark.parametrize("note", ASKED)
def test_a_credential_named_as_the_reader_s_is_asked(note):
    signs, judgement = read(note)
    assert "credentials" in signs, (note, signs)
    assert judgement is not None and judgement.criterion == "scam_or_phishing", (note, signs)


HONEST = [
    "We need the password policy of your bank explained in plain words: loved your talk on it.",
    "Our users need the one-time code from our app to log in; your post on SMS fallbacks helped us.",
    "I audit how banks store the passwords of their customers and enjoyed your paper on it.",
    "Nous avons besoin de l'avis de votre équipe sur notre design OTP, votre article était excellent.",
]


@pytest.mark.parametrize("note", HONEST)
def test_a_credential_of_someone_else_or_another_thing_is_not_asked(note):
    signs, judgement = read(note)
    assert "credentials" not in signs, (note, signs)
    assert judgement is None or judgement.criterion != "scam_or_phishing", (note, signs)
