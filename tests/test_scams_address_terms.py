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
