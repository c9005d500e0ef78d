"""How a fee is written when it is asked for, beyond "we need a fee of USD 180" (issue 10):
- its price after a colon ("the verification fee: USD 180");
- owed in a passive present that says how it is paid ("Взнос 520 USD оплачивается картой", "se paga
  con tarjeta", "dibayarkan lewat transfer"), as "payable" is;
- no fee word at all, but an amount the reader pays now and gets back later ("USD 180, paid via Wise.
  Refunded on your first payslip"): the advance-fee trick.
A fee the sender only describes, paid by someone else, or money the reader receives, is none.
My own sentences, by concept, in several languages; the honest ones are controls."""

from __future__ import annotations

import pytest

from helpers import scam_judgement

PROFILE = dict(headline="Talent partner", company=None, industry=None, has_photo=True, connections=300,
               mutual_connections=0, experience=[])


def read(note: str):
    judgement, signs = scam_judgement(note, **PROFILE)
    return signs, judgement


ASKED = [
    # the price after a colon
    "Before the panel we need the background check fee: USD 180, today if possible.",
    "Please note the processing charge for your file: EUR 95.",
    "Für die Aufnahme in die Datenbank fällt eine Gebühr an: 250 €, bitte vorab.",
    "Khoản phí hồ sơ của anh: 1.500.000đ, chuyển trước thứ Sáu giúp em.",
    # owed, in a passive present with the way to pay
    "Взнос 520 USD оплачивается картой до конца недели.",
    "La cuota de 300 USD se paga por adelantado con tarjeta.",
    "Biaya Rp 750.000 dibayarkan lewat transfer sebelum pelatihan dimulai.",
    "Les frais de 150 € se règlent par carte avant l'entretien.",
    # no fee word: an amount paid first, given back later
    "Before the interview we need a background screening: USD 180, paid via Wise. Refunded on your first payslip.",
    "Il faut un contrôle préalable à 150 €, payé par virement et remboursé dès votre premier salaire.",
]


@pytest.mark.parametrize("note", ASKED)
def test_a_fee_asked_for_is_a_sign(note):
    signs, judgement = read(note)
    assert "fee" in signs or "money" in signs, (note, signs)
    assert judgement is not None, (note, signs)


def test_a_refunded_amount_beside_moving_the_talk_off_linkedin_is_reported():
    note = ("Hi Sarah, Stripe has shortlisted you for a director role. Before the panel we need a background "
            "screening by our vetting partner: USD 180, paid via Wise to the account I'll send. Refunded on your "
            "first payslip. Add me on WhatsApp today.")
    signs, judgement = read(note)
    assert judgement is not None and judgement.criterion == "scam_or_phishing", signs


HONEST = [
    "Our placement fee: USD 20,000, paid by the hiring company, never by candidates.",
    "Salary USD 6,000 a month, paid via Deel on the first of each month.",
    "We cover travel up to EUR 400, reimbursed after the event.",
    "Публикация бесплатна: все расходы оплачиваются редакцией.",
    "I run refunds at Adyen: amounts up to USD 500 are refunded to cardholders within five days.",
    "Bên em vừa giảm phí chuyển khoản: 50.000đ thay vì 300.000đ như trước, rất muốn trao đổi với anh.",
    "La conferencia es gratuita para ponentes; cubrimos el hotel (hasta 200 USD) y se reembolsa el tren.",
]


@pytest.mark.parametrize("note", HONEST)
def test_a_fee_described_or_paid_by_someone_else_is_none(note):
    signs, judgement = read(note)
    assert "fee" not in signs and "money" not in signs, (note, signs)
    assert judgement is None or judgement.criterion != "scam_or_phishing", (note, signs)


# A deposit by any name, with its price, asked before something the reader was promised and given
# back after it (the advance-fee trick dressed as a venue or booking deposit).
DEPOSITS = [
    "To lock in your keynote slot we need a venue deposit of USD 900, returned after the event.",
    "연사 일정은 대관 예약금 180만 원이 선입금되어야 확정되며, 행사 종료 후 환급됩니다.",
    "Để giữ suất diễn giả chính, anh cần đặt cọc 5 triệu đồng tiền thuê hội trường, sẽ hoàn lại sau sự kiện.",
]


@pytest.mark.parametrize("note", DEPOSITS)
def test_a_deposit_asked_first_and_returned_later_is_reported(note):
    signs, judgement = read(note)
    assert judgement is not None and judgement.criterion == "scam_or_phishing", (note, signs)


DEPOSITS_HONEST = [
    "We cover the venue deposit ourselves; speakers pay nothing and their travel is reimbursed.",
    "Our relocation team advances the rental deposit of up to SGD 6,000 for new hires; the landlord returns it at move-out.",
    "Bên mình ứng trước tiền đặt cọc nhà cho nhân viên mới, người lao động không phải trả gì.",
    "우리 회사는 신입 직원의 주택 보증금을 대신 내 드리고, 퇴거 때 집주인에게서 환급받습니다.",
]


@pytest.mark.parametrize("note", DEPOSITS_HONEST)
def test_a_deposit_paid_by_the_sender_or_their_company_is_none(note):
    signs, judgement = read(note)
    assert judgement is None or judgement.criterion != "scam_or_phishing", (note, signs)
