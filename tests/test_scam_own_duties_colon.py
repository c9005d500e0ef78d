"""A sender who lists their own duties after a colon ("saya memimpin tim di Kredivo: verifikasi KTP,
analisis mutasi rekening", "I lead onboarding at Kredivo: verifying IDs, checking statements")
describes their work: the list goes on from their subject, as it does after commas (issue 10).
An order in the list (a "you", a "please") still asks the reader. My own sentences; the asking ones
are controls."""

from __future__ import annotations

import pytest

from helpers import scam_judgement

PROFILE = dict(headline="Head of Onboarding Risk", company="Kredivo", industry="Financial Services", has_photo=True,
               connections=800, mutual_connections=5, experience=[])


def read(note: str):
    judgement, signs = scam_judgement(note, **PROFILE)
    return signs, judgement


OWN = [
    "Halo Priya, saya memimpin tim onboarding di Kredivo: verifikasi KTP, analisis mutasi rekening, deteksi identitas palsu.",
    "Chào anh, em phụ trách đội rủi ro ở MoMo: xác minh CCCD, đối soát sao kê ngân hàng, chặn tài khoản ảo.",
    "Hola Priya, dirijo el equipo KYC en Ualá: verificar documentos de identidad, revisar extractos bancarios.",
]


@pytest.mark.parametrize("note", OWN)
def test_duties_listed_after_a_colon_are_the_sender_s_own(note):
    signs, judgement = read(note)
    assert judgement is None or judgement.criterion != "scam_or_phishing", (note, signs)


ASKED = [
    "Halo Priya, saya memimpin tim di Kredivo: kirim KTP Anda dan mutasi rekening hari ini.",
    "Hi Priya, I lead onboarding at Kredivo: send me your ID card and a bank statement.",
    "Saya memimpin tim di Kredivo: mohon kirim KTP dan kode OTP.",
]


@pytest.mark.parametrize("note", ASKED)
def test_an_order_in_the_list_still_asks_the_reader(note):
    signs, judgement = read(note)
    assert judgement is not None and judgement.criterion == "scam_or_phishing", (note, signs)


def test_a_list_after_a_colon_that_speaks_to_the_reader_is_no_description():
    note = ("Hi Sarah, I built a ledger demo: clone bitbucket.org/dev-ax/ledger and run `sudo npm start`, "
            "it sets everything up for you.")
    signs, _ = read(note)
    assert "software" in signs, signs
