"""Issue 10: an honour sold for a fee, written the way a Japanese, Chinese or Korean note writes
it: a fee named by a compound ("編集協力費", "版面费"), its price in 万円 or 元, and "required"
(必要, 需要, 필요), after "you were selected" (選出, 入选, 선정). In English the price may be in
yen, won or rupees. My own sentences, in the shape of `redteam14/dev` 021; the honest controls name
a price with nothing asked of the reader."""

from __future__ import annotations

import pytest

from helpers import scam_judgement

STRANGER = dict(headline="Editor", company=None, industry=None, has_photo=True, connections=120,
                mutual_connections=0, experience=[])


def _judged(note: str):
    return scam_judgement(note, **STRANGER)


@pytest.mark.parametrize("note", [
    "佐藤様、弊誌の特集「注目のエンジニア50人」に選出されました。記事掲載には編集協力費18万円のお振込みが必要です。",
    "王女士您好，您已入选我们的《年度金融科技女性》专题。刊登前需要支付版面费8800元。",
    "김 대표님, 저희 매거진 '올해의 리더 30인'에 선정되셨습니다. 기사 게재를 위해 편집 협찬비 150만원 입금이 필요합니다.",
    "Dear Aiko, you have been selected for our feature on women in tech. Publication requires an editorial fee of 180,000 yen.",
    "Congratulations, you were shortlisted for our leaders list; the listing requires a fee of 1,500,000 won.",
])
def test_an_honour_with_its_price_required_is_a_scam(note):
    judgement, signs = _judged(note)
    assert judgement is not None and judgement.criterion == "scam_or_phishing", (note, signs)


@pytest.mark.parametrize("note", [
    "弊社の年間購読料は1万2千円です。ご興味があればサンプルをお送りします。",
    "我们上个月的会议门票是800元，今年的演讲资料已经公开了，欢迎阅读。",
    "Our conference tickets were 30,000 yen last year; the talks are all online now if you are curious.",
    # "needed" beside a salary or a budget: the sender's own need, nothing asked of the reader
    "您好，我们团队需要一位懂支付风控的工程师，年薪50万元起，想和您聊聊。",
    "안녕하세요, 저희 팀은 백엔드 개발자가 필요합니다. 연봉은 8000만원 수준입니다.",
    "こんにちは。弊社ではデータエンジニアが必要です。年収は900万円からです。",
    "我们的项目需要预算200万元，想请教您在风控上的经验。",
])
def test_a_price_with_no_honour_and_nothing_required_is_no_scam(note):
    judgement, signs = _judged(note)
    assert judgement is None or judgement.criterion != "scam_or_phishing", (note, signs)
