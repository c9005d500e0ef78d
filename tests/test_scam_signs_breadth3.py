"""Scam signs in shapes the readers missed (issue 10), each a concept in several languages, in my
own sentences:

- a code asked back in the sentence after the one that names it, or by a pronoun or a clitic
  ("…texted a code to your phone. Could you reply with it here?", "Podes mandar-me por aqui?");
- a rate of return for a day or a week written as a range, before its period, or with the period
  as an adjective ("mỗi tuần lãi 6-8%", "rinde un 6% semanal", "untung 3% sehari");
- a fee whose text says what it buys the reader (a speaking slot, a keynote) is unambiguous, and a
  sponsorship package with its price is a fee;
- an invoice paid into an account that "moved to a new bank" (payment redirection).

Honest controls: the same words where nothing is asked of the reader."""

from __future__ import annotations

import pytest

from assist.guidance import load_guidance
from assist.scams import judge, read_signs
from helpers import request, user

STRANGER = dict(headline="Consultant", company=None, industry=None, has_photo=False, connections=40,
                mutual_connections=0, experience=[])


def judged(note: str):
    guidance = load_guidance()
    signs = read_signs(request(note, **STRANGER), user(), guidance)
    return judge(signs, guidance), signs


def assert_scam(note: str) -> None:
    judgement, signs = judged(note)
    assert judgement is not None and judgement.criterion == "scam_or_phishing", (note, signs)


def assert_no_scam(note: str) -> None:
    judgement, signs = judged(note)
    assert judgement is None or judgement.criterion != "scam_or_phishing", (note, signs)


CODE_ASKED_BACK = [
    "Our booking system just sent a 4-digit code to your mobile. Can you reply with it so I can hold your seat?",
    "Sorry to bother you, I typed your number by mistake and a verification code went to you. Could you send it back?",
    "Disculpa, puse tu número por error y te llegó un código de 6 dígitos. ¿Me lo puedes pasar? Envíamelo aquí.",
    "Désolée, j'ai mis votre numéro par erreur : vous avez dû recevoir un code à 6 chiffres. Envoyez-le-moi ici svp.",
    "Entschuldigung, ich habe mich bei der Nummer vertippt und Sie haben einen 6-stelligen Code bekommen. Schicken Sie ihn mir bitte?",
    "Desculpe, enganei-me no número e recebeu um código de 6 dígitos. Pode mandar-me aqui?",
    "Em lỡ nhập nhầm số của anh nên anh sẽ nhận được mã 6 số. Anh gửi lại cho em giúp nhé.",
    "Maaf, saya salah ketik nomor, jadi Anda menerima kode 6 angka. Tolong kirim ke saya ya.",
    # the clitic pair "-mo" (me + it), as written in Portugal
    "Para confirmar a chamada, vai chegar-lhe um código por SMS; pode enviar-mo por aqui quando o receber?",
    "Vou marcar a reunião e vai receber um código de 6 dígitos; mande-mo aqui, por favor.",
]


@pytest.mark.parametrize("note", CODE_ASKED_BACK)
def test_a_code_asked_back_across_two_sentences_is_a_scam(note):
    assert_scam(note)


WEEKLY_RATES = [
    "Chị đang theo một quỹ vàng, mỗi tuần lãi 5-7%, em chỉ anh cách tham gia nhé.",
    "chi dang theo mot quy vang, moi tuan lai 5-7%, em chi anh cach tham gia nhe",
    "Mi grupo de trading rinde un 4% semanal, te explico cómo entrar.",
    "Notre pool de liquidité rapporte 2 % quotidien, je vous montre comment entrer.",
    "Mein Trading-Club bringt 3 % wöchentlich, ich zeige Ihnen gern den Einstieg.",
    "Kumpulan saya dapat untung 2% sehari, jom sertai.",
    "Our desk pays weekly returns of 4-6% to every member; I can show you how to join.",
]


@pytest.mark.parametrize("note", WEEKLY_RATES)
def test_a_daily_or_weekly_rate_is_a_scam(note):
    assert_scam(note)


SPEAKING_FEES = [
    "Our committee proposed you for a keynote in May. The speaker fee of USD 900 is due within 3 days.",
    "Ban tổ chức mời anh làm diễn giả; để giữ suất, diễn giả đóng gói tài trợ 9.000.000đ trước thứ Sáu.",
    "Le comité vous a retenu pour une keynote ; des frais d'intervenant de 700 € sont à régler cette semaine.",
]


@pytest.mark.parametrize("note", SPEAKING_FEES)
def test_a_fee_for_a_speaking_slot_is_a_scam(note):
    assert_scam(note)


REDIRECTED = [
    "Your licence invoice (EUR 12,400) is still open. Our collections account moved to a new bank this month; please settle by Friday.",
    "Hóa đơn 45.000.000đ của quý công ty chưa thanh toán; công ty đã đổi số tài khoản, nhờ chị chuyển trước thứ Sáu.",
]


@pytest.mark.parametrize("note", REDIRECTED)
def test_an_invoice_paid_into_a_moved_account_is_a_scam(note):
    assert_scam(note)


HONEST = [
    "I just moved to a new bank, Techcombank, as head of risk, and your post on card fraud helped me settle in.",
    "We build OTP delivery at Twilio: a 6-digit code reaches the user's phone in under two seconds. Would love to compare notes.",
    "Our growth team saw weekly active users rise 5% after your onboarding talk; thanks for it!",
    "I organise PyData Hanoi; speakers never pay a fee, and we would love you as a speaker in March.",
    "Em làm mảng thanh toán ở MoMo, phí giao dịch bên em vừa giảm 0,5%, muốn trao đổi với anh thêm.",
]


@pytest.mark.parametrize("note", HONEST)
def test_the_same_words_with_nothing_asked_are_no_scam(note):
    assert_no_scam(note)


@pytest.mark.parametrize("note", [
    "Our churn fell 2% per month after we adopted your onboarding checklist.",
    "Tỷ lệ rời bỏ của bên em giảm 2%/tháng sau khi áp dụng checklist của anh.",
    "Nuestra tasa de abandono bajó un 2% al mes gracias a tu guía de onboarding.",
])
def test_a_monthly_metric_is_no_promise_of_returns(note):
    judgement, signs = judged(note)
    assert judgement is None, (note, signs)


@pytest.mark.parametrize("note", ["Join my group: members earn 15% a month.", "Lãi 3%/tháng, anh tham gia không?"])
def test_a_monthly_rate_earned_is_still_a_sign(note):
    judgement, signs = judged(note)
    assert judgement is not None, (note, signs)


@pytest.mark.parametrize("note", [
    "We would like to lead your seed round. To send the term sheet we need a refundable due-diligence deposit of $3,500 today.",
    "We move money for your customers across SG and MY with no KYC questions, 1% fee. Telegram @swiftmove_asia",
    "Bên mình nhận và chuyển tiền cho khách của chị, không cần KYC, phí 1%. Zalo 0912 345 678 nhé.",
])
def test_an_advance_deposit_or_money_moved_past_the_checks_is_a_scam(note):
    assert_scam(note)


@pytest.mark.parametrize("note", [
    "Exchanges with no KYC are our biggest risk; message me on Telegram @aml_notes if you want the report.",
    "Our neobank requires a minimum deposit of $100 to open an account; your post on onboarding was great.",
    "Mình nghiên cứu các sàn không cần KYC ở Chainalysis, nhắn Zalo trao đổi thêm nhé.",
])
def test_naming_such_services_or_a_product_s_own_deposit_is_no_scam(note):
    assert_no_scam(note)
