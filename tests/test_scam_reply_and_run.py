"""Issue 10: gaps of parity in the scam reader, by what a text asks of its reader. A code asked
back as a reply in Japanese ("コードを返信して"), Indonesian, French, German, Italian and Russian, as it
is in Chinese ("回复") and Korean ("회신"); and
software to run asked in Russian's polite imperative ("запустите npm install", "установите
приложение"), as it is in English ("run npm install"). My own sentences."""

from __future__ import annotations

import pytest

from helpers import request, screen, user

PROFILE = dict(headline="Technical Recruiter at Stripe", company="Stripe", industry="Software",
               location="Singapore", has_photo=True, connections=400, mutual_connections=3,
               experience=[{"title": "Technical Recruiter", "company": "Stripe", "years": 2}])

ASKS = [
    "田中様、SMSで届いた6桁の確認コードをこちらに返信してください。",
    "本人確認のため、届いた認証コードをこのメッセージに返信いただけますか。",
    "Первый этап: склонируйте наш репозиторий и запустите npm install && npm start на рабочем ноутбуке.",
    "Для собеседования установите приложение по ссылке и запустите его от имени администратора.",
    "Mohon balas pesan ini dengan kode 6 digit yang baru masuk ke HP Anda.",
    "Répondez-moi simplement avec le code de vérification reçu par SMS.",
    "Antworten Sie mir bitte hier mit dem Bestätigungscode aus der SMS.",
    "Rispondimi qui con il codice di verifica che ti è arrivato via SMS.",
    "Ответьте мне, пожалуйста, кодом подтверждения из смс.",
    # The code named in one clause, asked back in the next with no pronoun the reader knows: the
    # reader links a verb to the clause before only through "it", "lo", "его"...
    "Saya sudah kirim kode 6 digit ke HP Anda, mohon dibalas di sini ya.",  # a bare reply after the code
    "Sie erhalten gleich einen Bestätigungscode per SMS, antworten Sie mir bitte damit.",
]
HONEST = [
    "田中様、ワークショップの件でご連絡しました。ご返信をお待ちしております。",
    "返信が遅くなってすみません、来週お話しできれば嬉しいです。",
    "Я запустил npm-пакет для валидации платежей, буду рад обменяться опытом.",
    "Мы установили новую систему антифрода и хотели бы сравнить подходы.",
    "Terima kasih sudah membalas pesan saya minggu lalu, senang bisa berdiskusi soal 6 digit PIN di aplikasi kami.",
    "N'hésitez pas à me répondre quand vous aurez un moment, j'aimerais parler de vérification d'identité.",
]


@pytest.mark.parametrize("note", ASKS)
def test_a_code_asked_back_or_software_to_run_is_never_accepted(note):
    result = screen(request(note, **PROFILE), user(openness="open"))
    assert result.verdict != "accept", result.flags
    assert {flag.id for flag in result.flags} & {"scam_or_phishing", "unclear_intent"}


@pytest.mark.parametrize("note", HONEST)
def test_a_reply_awaited_or_software_of_their_own_is_no_sign(note):
    result = screen(request(note, **PROFILE), user(openness="open"))
    assert not {flag.id for flag in result.flags} & {"scam_or_phishing"}, result.flags
    assert not result.report
