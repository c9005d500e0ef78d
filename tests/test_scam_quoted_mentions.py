"""Issue 10: a scam's words quoted as an example are mentioned, not said. A collections lead whose
reminder scripts say 'pay now', an AML head who studies phrases like «you have won» and «pay the
fee to receive your prize»: the quote is named as a phrase, a script, an example, and asks nothing
of the reader. An ask written in quotes with no such word before it ("HR says: 'send your passport
today'") is still an ask. My own sentences."""

from __future__ import annotations

import pytest

from helpers import scam_judgement

PROFILE = dict(headline="Head of Fraud Analytics at Maybank", company="Maybank", has_photo=True, connections=600,
               mutual_connections=4)

MENTIONS = [
    "I design collection journeys: reminder scripts like 'pay now to avoid late fees' are my daily work, and I'd love to compare notes on early-warning models.",
    "Em xây kịch bản nhắc nợ kiểu 'thanh toán ngay hôm nay', muốn trao đổi với anh về mô hình dự báo nợ xấu.",
    "Мы ежедневно разбираем фразы «вы выиграли приз» и «оплатите комиссию за получение» как схемы мошенников; хотел бы обменяться опытом.",
    "Nuestro equipo estudia frases como «envíe su código de verificación» en campañas de phishing; me encantaría conversar.",
    "On forme les clients à repérer des phrases comme « payez les frais de déblocage » ; ravi d'échanger sur la prévention.",
]


@pytest.mark.parametrize("note", MENTIONS)
def test_a_scam_s_words_quoted_as_an_example_are_no_sign(note):
    verdict, signs = scam_judgement(note, **PROFILE)
    assert verdict is None or verdict.criterion != "scam_or_phishing", signs


ASKS_IN_QUOTES = [
    "Our HR team says: 'send your passport scan and bank details today to start onboarding'.",
    "Сообщение от службы безопасности: «оплатите комиссию 50 USD, чтобы разблокировать выплату».",
    "As our recruiter wrote: \"pay the 120 USD equipment deposit now, it is refunded with your first salary\".",
]


@pytest.mark.parametrize("note", ASKS_IN_QUOTES)
def test_an_ask_in_quotes_without_a_word_that_names_it_as_an_example_is_still_an_ask(note):
    verdict, signs = scam_judgement(note, headline="Recruiter", has_photo=False, connections=15, mutual_connections=0)
    assert verdict is not None and verdict.criterion == "scam_or_phishing", signs


# A fee stated as owed ("is payable", "must be paid", "к оплате", "da versare") asks for it as an
# imperative does, without one; a fee someone else pays ("paid by the employer") asks nothing.
OWED = [
    "The publication fee of 520 USD is payable by card at grfrc-pay.org by the end of the week.",
    "Взнос 520 USD подлежит оплате картой на grfrc-pay.org до конца недели.",
    "La quota di 300 EUR è da versare entro venerdì sul conto indicato.",
    "Les frais de 250 EUR sont à régler avant lundi par virement.",
]


@pytest.mark.parametrize("note", OWED)
def test_a_fee_stated_as_owed_is_asked_for(note):
    verdict, signs = scam_judgement(note, headline="Chief Editor", has_photo=False, connections=40, mutual_connections=0)
    assert verdict is not None, signs


NOT_OWED = [
    "Our placement fee is paid by the hiring company, never by candidates; happy to talk about PCI roles.",
    "The conference is free for speakers; travel is covered by us. Would you consider a talk on fraud models?",
]


@pytest.mark.parametrize("note", NOT_OWED)
def test_a_fee_someone_else_pays_is_not_asked_for(note):
    verdict, signs = scam_judgement(note, headline="Talent Partner at Hays", company="Hays", has_photo=True,
                                    connections=500, mutual_connections=3)
    assert verdict is None, signs
