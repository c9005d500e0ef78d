"""A sign-in told beside an address written out ("open partner-drive.net/brief and sign in with your
Google Workspace account") is told as one beside "the link" is: the address is the click. With the
reader's work account as the way in, a credential request on its own. Sentences my own."""

from __future__ import annotations

import pytest

from helpers import scam_signs

ASKED = [
    "Open grab-partnerhub.net/deck and sign in with your Google Workspace account to view it.",
    "The brief is at https://northwind-docs.co/brief, sign in with your company SSO to read it.",
    "Mở northwind-share.vn/tailieu rồi đăng nhập bằng tài khoản công ty của chị để xem nhé.",
    "Abre stripe-partners.io/informe e inicia sesión con tu cuenta corporativa para verlo.",
]


@pytest.mark.parametrize("note", ASKED)
def test_a_work_sign_in_beside_an_address_is_a_credential_request(note):
    signs = scam_signs(note)
    assert "sign_in" in signs and signs["sign_in"].strong, signs


@pytest.mark.parametrize("note", [
    "I built the SSO login for grab-partnerhub.net last year, happy to compare notes on Okta.",
    "Our docs at northwind-docs.co explain how customers sign in with SSO; feedback welcome.",
])
def test_a_sender_describing_their_own_sign_in_page_is_no_sign(note):
    assert "sign_in" not in scam_signs(note), scam_signs(note)
