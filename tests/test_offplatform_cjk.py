"""Issue 10: a messaging handle joined to the app's name by a particle of Japanese, Chinese or
Korean ("Telegramの@…", "Telegram上的@…", "텔레그램 @…"), where Latin letters run straight into
the script with no word boundary between them. Beside secrecy asked of the reader it is a scam, as
the same pair is in English; alone it is an everyday channel (a recruiter's contact, a newsletter).
My own sentences, in the shape of `redteam10/dev` 021."""

from __future__ import annotations

import pytest

from helpers import scam_judgement

STRANGER = dict(headline="Talent Acquisition", company=None, industry=None, has_photo=True, connections=150,
                mutual_connections=0, experience=[])


def _judged(note: str):
    return scam_judgement(note, **STRANGER)


@pytest.mark.parametrize("note", [
    "未公開のポジションです。同僚の方には内緒で、Telegramの@hr_tokyo_desk までご連絡ください。",
    "这个职位还没公开，请先保密，直接加Telegram上的@talent_sg_2026联系我。",
    "아직 공개되지 않은 자리라 비밀로 해 주시고, 텔레그램 @kr_talent_01 로 연락 주세요.",
    "Vị trí này chưa công bố, anh giữ bí mật giúp em và nhắn Telegram của em @vn_talent_hn nhé.",
])
def test_a_handle_after_a_particle_beside_secrecy_is_a_scam(note):
    judgement, signs = _judged(note)
    assert judgement is not None and judgement.criterion == "scam_or_phishing", (note, signs)


@pytest.mark.parametrize("note", [
    "論文の要約はTelegramの@ml_papers_jp でも配信しています。よろしくお願いします。",
    "我们的技术周报也在Telegram上的@fintech_weekly_cn 发布，欢迎关注。",
])
def test_a_handle_with_nothing_else_asked_is_no_scam(note):
    judgement, signs = _judged(note)
    assert judgement is None or judgement.criterion != "scam_or_phishing", (note, signs)
