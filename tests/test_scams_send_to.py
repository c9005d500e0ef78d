"""Credentials asked to be sent TO a place, in Chinese ("把身份证照片发到WhatsApp", "传到这个邮箱"):
asked as "发给我" is. Sentences my own."""

from __future__ import annotations

import pytest

from helpers import scam_signs


@pytest.mark.parametrize("note", [
    "请今天把身份证正反面照片和银行卡号发到WhatsApp。",
    "麻烦把护照首页照片传到这个邮箱，我们马上办入职。",
    "请将银行卡号和验证码发至客服微信。",
])
def test_credentials_sent_to_a_place_are_asked_for(note):
    signs = scam_signs(note)
    assert "credentials" in signs and signs["credentials"].strong, signs


def test_a_sender_s_own_upload_is_no_sign():
    assert "credentials" not in scam_signs("我们的系统会把身份证照片加密后传到安全服务器，这是我做的合规项目。")
