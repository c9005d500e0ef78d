"""A file to download or an attachment to open carries the reader to a sign-in as a link does
("download the attached report and sign in with Microsoft 365 to view it"): told to the reader,
it is the sign-in sign (doubt alone), in the thirteen languages. A sender who only mentions an
attachment, or signs in themselves, raises nothing. My own sentences, by concept (issue 10)."""

from __future__ import annotations

import pytest

from assist.guidance import load_guidance
from assist.scams import read_signs
from helpers import request, user

PROFILE = dict(headline="Security auditor", company=None, industry=None, has_photo=False, connections=30,
               mutual_connections=0, experience=[])


def signs(note: str) -> set[str]:
    return set(read_signs(request(note, **PROFILE), user(), load_guidance()))


TOLD = [
    "Please download the attached report and sign in with your Microsoft 365 account to view it.",
    "Vui lòng tải tệp đính kèm về và đăng nhập bằng tài khoản Microsoft 365 để xem.",
    "Por favor, descarga el archivo adjunto e inicia sesión con tu cuenta de Microsoft para verlo.",
    "Veuillez télécharger la pièce jointe et connectez-vous avec votre compte Microsoft pour la consulter.",
    "Bitte laden Sie den Anhang herunter und melden Sie sich mit Ihrem Microsoft-Konto an.",
    "Por favor, baixe o anexo e faça login com sua conta Microsoft para visualizar.",
    "Per favore scarica l'allegato e accedi con il tuo account Microsoft per vederlo.",
    "Пожалуйста, скачайте вложение и войдите в свою учётную запись Microsoft, чтобы открыть его.",
    "Silakan unduh lampiran dan login dengan akun Microsoft Anda untuk melihatnya.",
    "请下载附件，并用您的 Microsoft 账户登录查看。",
    "添付資料をダウンロードし、Microsoft 365でログインしてご確認ください。",
    "첨부 파일을 다운로드하고 Microsoft 계정으로 로그인해 주세요.",
    "กรุณาดาวน์โหลดไฟล์แนบและเข้าสู่ระบบด้วยบัญชี Microsoft ของคุณ",
]


@pytest.mark.parametrize("note", TOLD)
def test_an_attachment_to_open_behind_a_sign_in_is_the_sign_in_sign(note):
    found = signs(note)
    assert found & {"sign_in", "credentials"}, (note, found)


HONEST = [
    "I attached nothing, just wanted to say your talk on SSO migrations was great.",
    "Our team built the flow where users download their invoices after they sign in; happy to compare notes.",
    "I'll sign in to the webinar tomorrow and download the slides afterwards.",
]


@pytest.mark.parametrize("note", HONEST)
def test_an_attachment_mentioned_is_no_sign(note):
    assert not signs(note) & {"sign_in", "credentials"}, note
