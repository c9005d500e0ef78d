"""Scam signs the reader used to miss or misread, in my own words (issue 10 categories): a unit named
after what it checks is no request, an access token asked for in other languages, a payment asked
in Russian or Japanese, a messaging app named in its own script, secrecy asked in Korean or Japanese."""

from __future__ import annotations

import pytest

from assist.guidance import load_guidance
from assist.scams import judge, read_signs
from helpers import request, user

PROFILE = dict(
    headline="Head of Partnerships", company="Northwind Logistics", industry="Logistics", location="Jakarta",
    has_photo=True, connections=300, mutual_connections=2,
    experience=[{"title": "Head of Partnerships", "company": "Northwind Logistics", "years": 2}],
)


def verdict(note: str) -> str | None:
    guidance = load_guidance()
    found = judge(read_signs(request(note, **PROFILE), user(), guidance), guidance)
    return found.criterion if found else None


def kinds(note: str) -> set[str]:
    return set(read_signs(request(note, **PROFILE), user(), load_guidance()))


@pytest.mark.parametrize("note", [
    "Halo Kak, tim verifikasi identitas kami di Bukalapak sedang mencari analis fraud senior, boleh bantu carikan?",
    "Chào chị, đội xác minh danh tính bên em đang tuyển chuyên viên phân tích, chị có biết ai phù hợp không ạ?",
])
def test_a_team_named_after_what_it_checks_asks_for_nothing(note):
    assert "credentials" not in kinds(note)


def test_the_same_words_as_an_order_are_still_a_request():
    assert verdict("Silakan verifikasi akun Anda lewat tautan ini hari ini.") == "scam_or_phishing"


@pytest.mark.parametrize("note", [
    "Para cerrar la integración hoy, envíame por aquí el token de API de producción.",
    "Pode me enviar o token de acesso da sua conta de produção? Assim fechamos a integração.",
    "Envoyez-moi le jeton d'accès de votre compte admin, je termine la configuration ce soir.",
])
def test_an_access_token_asked_for_in_other_languages_is_a_scam(note):
    assert verdict(note) == "scam_or_phishing"


@pytest.mark.parametrize("note", [
    "Оплатите, пожалуйста, счёт за поставку сегодня на наш новый расчётный счёт.",
    "本日中に300万円を指定の口座へ送金してください。",
])
def test_a_payment_asked_in_other_languages_is_a_scam(note):
    assert verdict(note) == "scam_or_phishing"


@pytest.mark.parametrize("note", [
    "Я руковожу отделом расчётов: мы выставляем счета клиентам в трёх странах. Буду рад обменяться опытом.",
    "I rotate API tokens for a living and would love to compare notes on your secrets-management talk.",
    "送金システムの不正検知を担当しています。ぜひつながりましょう。",
])
def test_people_describing_payments_or_tokens_show_no_sign(note):
    assert verdict(note) is None


@pytest.mark.parametrize("note", [
    "좋은 투자 기회가 있습니다. 지금 바로 텔레그램으로 연락 주세요. 이 건은 팀원들에게도 비밀로 해 주세요.",
    "いい案件があります。今すぐテレグラムで連絡してください。この件は同僚にも内密にお願いします。",
])
def test_a_messaging_app_in_its_own_script_with_secrecy_is_a_scam(note):
    assert verdict(note) == "scam_or_phishing"
