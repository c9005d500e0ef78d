"""Issue 10, scams: a Japanese polite conditional request ("…を返信いただければ", "if you could reply
with the code shown") asks as "返信してください" does; an installer to run ("添付のインストーラを実行し")
is software to install; a fee in a stablecoin ("a 1,500 USDT coordination fee") is an amount.
A sender's own installer, or a thank-you for a reply, is not. My own sentences, by concept."""

from __future__ import annotations

import pytest

from helpers import scam_signs


def signs(note: str):
    return scam_signs(note, headline="Project Manager")


def test_a_polite_conditional_reply_with_the_code_asks_for_it():
    found = signs("表示される認証コードを返信いただければ、結果を共有します。")
    assert "credentials" in found, found


def test_an_installer_to_run_is_software_to_install():
    assert "software" in signs("まず添付のインストーラを実行して、評価ツールをお試しください。")


@pytest.mark.parametrize("note", [
    "I release the details after a 1,500 USDT coordination fee.",
    "Please pay the 300 USDC review fee before Friday.",
])
def test_a_fee_in_a_stablecoin_is_named(note):
    found = signs(note)
    assert found.keys() & {"fee", "money"}, (note, found)


@pytest.mark.parametrize("note", [
    "ご返信いただければ嬉しいです。来週お話しできればと思います。",
    "弊社のインストーラを改善した話をぜひ共有したいです。",
])
def test_a_thank_you_for_a_reply_or_a_senders_own_installer_is_no_sign(note):
    assert not signs(note), note
