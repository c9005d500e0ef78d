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


# A quoted phrase that names a kind of message ("'verify your account' emails", "SMS 'kirim kode
# OTP Anda'") is an example the sender's work deals with, not a request to the reader.
@pytest.mark.parametrize("note", [
    "I run phishing drills for 5,000 staff: 'reset your password' emails, fake courier texts and calls from 'the bank'.",
    "Kami melatih nasabah mengenali SMS 'kirim kode OTP Anda' dan telepon palsu dari 'bank'.",
    "Mi equipo analiza correos «confirma tu contraseña» y llamadas falsas del «banco».",
    "Saya merancang simulasi phishing untuk karyawan: SMS palsu yang meminta kode OTP, email 'verifikasi rekening Anda'.",
])
def test_a_quoted_phrase_that_names_a_kind_of_message_asks_nothing(note):
    judgement, signs = scam_judgement(note, headline="Security Awareness Lead", company="Bank", has_photo=True,
                                      connections=500, mutual_connections=3)
    assert judgement is None and "credentials" not in signs, signs


@pytest.mark.parametrize("note", [
    "Please 'verify your account' now or it will be suspended: send your OTP code here.",
    "Open our email 'account check' and send your password there today.",
])
def test_a_quoted_phrase_beside_a_real_request_is_still_one(note):
    judgement, signs = scam_judgement(note, headline="Support", company=None, has_photo=True,
                                      connections=30, mutual_connections=0)
    assert judgement is not None and judgement.criterion == "scam_or_phishing", signs


# An ask verb right after a relative pronoun has the noun before it as its subject ("fake texts
# that ask for the OTP code", "SMS palsu yang meminta kode OTP"): it describes what such messages
# do, even where a list around it opens with a word that could be an order ("SMS", "email").
@pytest.mark.parametrize("note", [
    "My drills: SMS that ask for the OTP code, emails which request the card number, calls from 'IT'.",
    "Simulasi kami: SMS palsu yang meminta kode OTP, email yang meminta nomor kartu, telepon palsu.",
])
def test_an_ask_verb_after_a_relative_pronoun_describes_a_message(note):
    judgement, signs = scam_judgement(note, headline="Security Awareness Lead", company="Bank", has_photo=True,
                                      connections=500, mutual_connections=3)
    assert judgement is None and "credentials" not in signs, signs


def test_an_order_after_a_relative_clause_is_still_an_order():
    judgement, _ = scam_judgement("The agent who called you needs it: send the OTP code you just received here now.",
                                  headline="Support", company=None, has_photo=True, connections=30, mutual_connections=0)
    assert judgement is not None and judgement.criterion == "scam_or_phishing"


# A team's own work, said with the team as subject ("my team takes down fake ads that ask for a
# registration fee"): the fee is what the ads ask, not the sender.
@pytest.mark.parametrize("note", [
    "My team takes down fake job ads that ask for a registration fee or ID photos.",
    "Tim kami memblokir iklan kerja palsu yang meminta biaya pendaftaran dan foto KTP.",
    "Nhóm tôi gỡ các tin tuyển dụng giả đòi phí đăng ký và ảnh CCCD.",
])
def test_a_team_describing_the_fakes_it_removes_asks_nothing(note):
    judgement, signs = scam_judgement(note, headline="Trust & Safety Lead", company="JobStreet", has_photo=True,
                                      connections=500, mutual_connections=3)
    assert judgement is None, signs


def test_a_fee_asked_in_the_next_sentence_is_still_asked():
    judgement, _ = scam_judgement("Tim kami memblokir akun Anda. Kirim biaya pendaftaran Rp 500.000 hari ini untuk membukanya.",
                                  headline="Support", company=None, has_photo=True, connections=30, mutual_connections=0)
    assert judgement is not None


# A threat in the first person, then the reader made the subject of what is asked ("we will remove
# your account unless you send your ID"): the sender's verb does not make the demand theirs.
@pytest.mark.parametrize("note", [
    "We will remove your account unless you send your ID and the OTP code today.",
    "We will block your account unless you send your ID and the OTP code today.",
])
def test_a_demand_after_a_first_person_threat_is_still_a_demand(note):
    judgement, signs = scam_judgement(note, headline="Support", company=None, has_photo=True,
                                      connections=30, mutual_connections=0)
    assert judgement is not None and judgement.criterion == "scam_or_phishing", signs
