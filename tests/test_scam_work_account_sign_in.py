"""A stranger who tells the reader to sign in with their WORK account (the company login, SSO,
Microsoft 365, Google Workspace) to open a link, an attachment or a shared document is asking for
the credentials of the reader's employer: the sign-in sign is unambiguous then, and reported
alone, in the thirteen languages. A plain sign-in with a link stays doubt; a sender who speaks of
their own SSO work, or of a work account without telling the reader to use it, raises nothing.
My own sentences, by concept (issue 10: "one unambiguous sign (a credential ... request)")."""

from __future__ import annotations

import pytest

from helpers import scam_signs


def signs(note: str):
    return scam_signs(note, connections=400, mutual_connections=3)


WORK_ACCOUNT = [
    "Our memo is in the data room at harbour-rooms.com; just sign in with your Google Workspace account.",
    "Could you confirm the reference at refcheck-eu.com? Please log in with your company SSO first.",
    "Vui lòng đăng nhập bằng tài khoản công ty của anh tại hoso-doitac.com để xem tài liệu.",
    "Por favor, inicia sesión con tu cuenta corporativa en portal-referencias.com para ver el documento.",
    "Merci de relire vos citations dans le document partagé : il suffit de vous connecter avec votre compte Microsoft professionnel.",
    "Bitte bestätigen Sie kurz über talentcheck-eu.com/ref mit Ihrem Firmen-Login (SSO).",
    "Por favor, faça login com a sua conta corporativa em revisao-docs.com para abrir o contrato.",
    "Per favore accedi con il tuo account aziendale su verifica-referenze.com per leggere il documento.",
    "Пожалуйста, войдите через корпоративную учётную запись на docs-review.ru, чтобы открыть документ.",
    "Silakan login dengan akun kantor Anda di cek-referensi.com untuk membuka dokumennya.",
    "请用您的企业邮箱账号登录 docs-share.cn 查看附件。",
    "添付資料をダウンロードし、Microsoft 365でログインしてご確認ください。",
    "첨부 문서를 보시려면 회사 계정으로 docs-view.kr 에 로그인해 주세요.",
    "กรุณาเข้าสู่ระบบด้วยบัญชีบริษัทของคุณที่ docs-th.com เพื่อเปิดเอกสาร",
]


@pytest.mark.parametrize("note", WORK_ACCOUNT)
def test_a_sign_in_with_the_readers_work_account_is_reported_alone(note):
    found = signs(note)
    strong = [sign for sign in found.values() if sign.strong and sign.kind in {"sign_in", "credentials"}]
    assert strong, (note, found)


PLAIN = [
    "Sign in at meetup.com/hcmc-data to RSVP for Thursday's talk.",
    "Please log in with your Google account at events-hcmc.com to save a seat.",
]


@pytest.mark.parametrize("note", PLAIN)
def test_a_plain_sign_in_with_a_link_stays_doubt(note):
    found = signs(note)
    assert "sign_in" in found and not found["sign_in"].strong, (note, found)


HONEST = [
    "I led our move to SSO with Microsoft 365 and Okta last year; would love to compare notes on it.",
    "Our product lets your team sign in with Google Workspace, so there are no new passwords to manage.",
    "I work on the Google Workspace admin console at Google; saw your talk on account lifecycle.",
    "Mình làm mảng đăng nhập một lần (SSO) cho tài khoản công ty ở VNG, rất muốn trao đổi thêm.",
    "Je travaille sur la connexion avec un compte professionnel Microsoft chez Thales, ravi d'échanger.",
]


@pytest.mark.parametrize("note", HONEST)
def test_a_work_account_spoken_of_is_no_strong_sign(note):
    found = signs(note)
    assert not any(sign.strong for sign in found.values()), (note, found)
