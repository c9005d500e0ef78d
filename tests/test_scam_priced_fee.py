"""A fee named with its price and asked for ("to proceed we need a compliance fee of USD 4,500"):
the advance-fee trick in words no list of fee names holds. It is a plain sign (doubt alone, a
scam beside another sign such as moving the talk off LinkedIn); a fee the sender only describes
("we cut the transfer fee from $25 to $4"), or an event's own price told without asking, is none.
My own sentences, by concept, in several languages (issue 10)."""

from __future__ import annotations

import pytest

from assist.guidance import load_guidance
from assist.scams import judge, read_signs
from helpers import request, user

PROFILE = dict(headline="Private investor", company=None, industry=None, has_photo=False, connections=12,
               mutual_connections=0, experience=[])


def read(note: str):
    guidance = load_guidance()
    signs = read_signs(request(note, **PROFILE), user(), guidance)
    return signs, judge(signs, guidance)


ASKED = [
    "Before we can release the grant we need a compliance fee of USD 2,800 from you.",
    "To move forward a certification fee of $450 is required.",
    "Para continuar necesitamos una tarifa de gestión de 300 USD.",
    "Để hoàn tất hồ sơ, anh cần nộp khoản phí bảo lãnh 2.000.000đ.",
    "Pour finaliser, merci de régler des frais de conformité de 150 €.",
    "Bitte überweisen Sie vorab die Prüfgebühr von 250 €.",
    "Untuk melanjutkan, Anda perlu membayar biaya jaminan Rp 1.500.000.",
]


@pytest.mark.parametrize("note", ASKED)
def test_a_fee_with_its_price_asked_for_is_a_sign(note):
    signs, judgement = read(note)
    assert signs, note
    assert judgement is not None and judgement.criterion in {"unclear_intent", "scam_or_phishing"}, (note, signs)


def test_with_the_talk_moved_off_linkedin_it_is_a_scam():
    note = ("I represent a family fund ready to back your seed round. To proceed we need an escrow fee of USD 3,900. "
            "Kindly reply with your WhatsApp number.")
    signs, judgement = read(note)
    assert judgement is not None and judgement.criterion == "scam_or_phishing", signs


HONEST = [
    "I lead payments at Wise, where we cut the international transfer fee from $25 to $4 last year.",
    "Our fintech meetup in Hanoi is free; the workshop fee is $150 for those who want the hands-on day.",
    "Bên em vừa giảm phí chuyển khoản quốc tế từ 300.000đ xuống 50.000đ, rất muốn trao đổi với anh về chủ đề này.",
    "Trabajo en pagos transfronterizos; bajamos la comisión de 20 USD a 3 USD por transferencia.",
]


@pytest.mark.parametrize("note", HONEST)
def test_a_fee_only_described_is_not_a_scam(note):
    signs, judgement = read(note)
    assert judgement is None or judgement.criterion != "scam_or_phishing", (note, signs)
    assert "fee" not in signs, (note, signs)
