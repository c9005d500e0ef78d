"""A money mule recruited by message: the reader's account asked for to receive other people's
money, for a cut of each transfer ("I need someone with an account here to receive my clients'
payments; you keep 10% of every transfer"). The cut offered to the reader is doubt alone; beside
an account asked for to receive payments, a scam. Payments professionals who describe accounts,
fees and transfers in their own work are not read so. My own sentences, by concept (issue 10)."""

from __future__ import annotations

import pytest

from assist.guidance import load_guidance
from assist.scams import judge, read_signs
from helpers import request, user

PROFILE = dict(headline="International trade", company=None, industry=None, has_photo=False, connections=40,
               mutual_connections=0, experience=[])


def read(note: str):
    guidance = load_guidance()
    signs = read_signs(request(note, **PROFILE), user(), guidance)
    return signs, judge(signs, guidance)


MULES = [
    "I need someone with a UK bank account to receive payments from my clients; you keep 10% of every transfer.",
    "Em cần người có tài khoản ngân hàng để nhận tiền thanh toán của khách, mỗi giao dịch anh chị được hưởng 5%.",
    "Busco a alguien con cuenta en España para recibir pagos de mis clientes; te quedas con el 8% de cada transferencia.",
    "Je cherche quelqu'un avec un compte bancaire en France pour recevoir des paiements, vous gardez 10 % de chaque virement.",
    "Ich suche jemanden mit einem deutschen Konto, um Zahlungen meiner Kunden zu empfangen. Sie behalten 10 % jeder Überweisung.",
    "Preciso de alguém com conta no Brasil para receber pagamentos dos meus clientes, você fica com 10% de cada transferência.",
    "Saya butuh rekening di Indonesia untuk menerima pembayaran dari klien, Anda dapat 10% dari setiap transfer.",
]


@pytest.mark.parametrize("note", MULES)
def test_an_account_to_receive_payments_for_a_cut_is_a_scam(note):
    signs, judgement = read(note)
    assert judgement is not None and judgement.criterion == "scam_or_phishing", (note, signs)


CUT_ONLY = [
    "Work with me from home: you earn 7% of each payment that passes through.",
    "Te pago el 10% de cada transferencia que recibas.",
]


@pytest.mark.parametrize("note", CUT_ONLY)
def test_a_cut_of_each_transfer_offered_is_doubt_at_least(note):
    signs, judgement = read(note)
    assert judgement is not None, (note, signs)


HONEST = [
    "I build payout rails at Stripe: merchants receive payments into their account within a day. Keen to connect.",
    "Our bank helps small exporters open an account to receive payments from abroad; I'd love to swap notes on FX.",
    "We charge merchants 2% of each transaction, and I'd like to compare notes on pricing with you.",
    "Bên em giúp doanh nghiệp mở tài khoản để nhận thanh toán quốc tế, phí 0,5% mỗi giao dịch. Rất mong được kết nối.",
    "With our app you pay only 0.5% of each transfer abroad, and I'd love your feedback as a fintech analyst.",
]


@pytest.mark.parametrize("note", HONEST)
def test_payments_work_described_is_not_a_scam(note):
    signs, judgement = read(note)
    assert judgement is None or judgement.criterion != "scam_or_phishing", (note, signs)
