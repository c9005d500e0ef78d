"""A referral asked by its bare name (issue 10): "referral" is said as a loanword in Indonesian,
Vietnamese, Spanish and more ("boleh minta referral?", "xin chị referral"), without the article the
English phrases carry. Beside a request put to the reader in one sentence, it is a favour asked of
a stranger; a referral programme or a referral already thanked for is none.

Every sentence was written for this file."""

from __future__ import annotations

import pytest

from test_favours_breadth import assert_not_read_as_a_favour, assert_read_as_a_favour, sender

ASKS = {
    "id": "Halo Kak Sarah, saya sedang melamar backend engineer di Grab. Kalau ada kenalan di sana, bolehkah saya minta referral?",
    "vi": "Chào chị Sarah, em đang ứng tuyển vị trí backend ở Grab, chị có thể cho em xin referral được không ạ?",
    "es": "Hola Sarah, estoy aplicando a Grab; ¿podrías darme un referral para el puesto de backend?",
    "en": "Hi Sarah, I'm applying to Grab's backend team; could you give me referral?",
}


@pytest.mark.parametrize("note", list(ASKS.values()), ids=list(ASKS))
def test_a_referral_asked_by_its_bare_name_is_a_favour(note):
    assert_read_as_a_favour(note)


HONEST = {
    "programme": (sender("Partnerships Manager at Deel", "Deel"),
                  "Hi Sarah, could you tell me what you think of referral bonuses for engineers? I'm writing about hiring incentives."),
    "thanks": (sender("Senior Backend Engineer at Grab", "Grab"),
               "Hi Sarah, thank you for the referral last year, I joined Grab in March and love the team."),
}


@pytest.mark.parametrize("case", list(HONEST.values()), ids=list(HONEST))
def test_a_referral_talked_about_or_thanked_for_is_no_favour(case):
    profile, note = case
    assert_not_read_as_a_favour(profile, note)
