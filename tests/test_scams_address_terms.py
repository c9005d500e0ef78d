"""Issue 10: a Vietnamese note calls its reader by the word it greets them with ("Chào cháu, ...
Cháu cần chuyển số dư ..."): that word is "you" there, as "bạn" is, so what it asks of "cháu" is
asked of the reader. And a scam asks for "the balance" or "the card's details" in any language, as
"your card details" is asked in English. My own sentences; honest controls use the same words."""

from __future__ import annotations

import pytest

from helpers import scam_judgement

STRANGER = dict(headline="Cán bộ", has_photo=False, connections=9, mutual_connections=0)

ASKS = [
    "Chào cháu, chú làm ở cơ quan điều tra. Cháu cần chuyển toàn bộ số dư sang tài khoản tạm giữ trong hôm nay.",
    "Chào em, anh bên ngân hàng. Em cần chuyển số dư vào tài khoản an toàn này để xác minh, đừng nói với ai nhé.",
    "Olá Marta, a sua assinatura será suspensa. Confirme os dados do seu cartão no link abaixo em até 24 horas.",
    "Hola Marta, tu cuenta será bloqueada. Confirma los datos de tu tarjeta en el enlace antes de mañana.",
    "Bonjour, votre abonnement sera suspendu : confirmez les données de votre carte via le lien sous 24 heures.",
    "Ciao, il tuo account verrà sospeso: conferma i dati della tua carta al link entro 24 ore.",
]


@pytest.mark.parametrize("note", ASKS)
def test_what_is_asked_of_the_greeted_reader_is_asked(note):
    verdict, signs = scam_judgement(note, **STRANGER)
    assert verdict is not None and verdict.criterion == "scam_or_phishing", signs


HONEST = [
    "Chào chị, em là sinh viên năm cuối ngành tài chính. Em muốn học hỏi thêm về cách chị phân tích số dư nợ tín dụng.",
    "Chào anh, em làm đối soát ở ví điện tử; bên em kiểm tra số dư cuối ngày cho từng merchant, muốn trao đổi với anh.",
    "Olá Marta, trabalho com prevenção de fraude e nossa equipe protege os dados do cartão dos clientes; adoraria conversar.",
]


@pytest.mark.parametrize("note", HONEST)
def test_the_same_words_in_an_honest_note_ask_nothing(note):
    verdict, signs = scam_judgement(note, headline="Analyst at MoMo", company="MoMo", has_photo=True, connections=400,
                                    mutual_connections=3)
    assert verdict is None or verdict.criterion != "scam_or_phishing", signs


# Chinese and Japanese: a verb of asking and what it asks for stand in one clause, or after a
# colon that opens the list it asks for ("请发给我：护照、身份证"); across a comma, "if candidates
# need a work pass, passports … slow onboarding" asks nothing of anyone.
def test_a_need_and_a_document_across_a_comma_ask_nothing():
    verdict, signs = scam_judgement("若候选人需要工作签证，IELTS 成绩、护照和学位公证常常拖慢入职；我整理了一份流程表，可以分享给您的团队。",
                                    headline="Immigration Lawyer", company="Tan & Partners", has_photo=True,
                                    connections=600, mutual_connections=3)
    assert verdict is None or verdict.criterion != "scam_or_phishing", signs


@pytest.mark.parametrize("note", [
    "入职前请发给我：护照、身份证和银行卡号，今天之内。",
    "候选人需要提供护照和银行卡号，请今天发给我。",
])
def test_a_list_asked_for_after_a_colon_or_in_one_clause_is_asked(note):
    verdict, signs = scam_judgement(note, headline="HR", has_photo=False, connections=10, mutual_connections=0)
    assert verdict is not None and verdict.criterion == "scam_or_phishing", signs
