"""Issue 10: a recruiter with a real role who reassures that the candidate pays nothing ("Phí dịch
vụ do công ty khách hàng trả, ứng viên không mất chi phí gì", "the client pays our fee") names a
fee denied to the reader, not one asked: no sales pitch, for a user who is looking for roles.
An agency that quotes its fee to a hiring manager still sells. My own sentences, by concept."""

from __future__ import annotations

import pytest

from helpers import persona, request, screen

RECRUITER = dict(headline="Principal Consultant, Banking & Fintech at Navigos Search", company="Navigos Search",
                 industry="Staffing and Recruiting", has_photo=True, connections=2400, mutual_connections=9,
                 experience=[{"title": "Principal Consultant", "company": "Navigos Search", "years": 6}])

REASSURED = [
    "Chào anh Minh, em đang tuyển Senior Analyst mảng thanh toán cho một ví điện tử. Phí dịch vụ do công ty khách hàng trả, ứng viên không mất chi phí gì ạ.",
    "Hi Minh, I'm hiring a Senior Payments Analyst for a top e-wallet. Our fee is paid by the client, so there is no cost to you as a candidate.",
    "Hola Minh, busco un Analista Senior de pagos para una billetera digital. Nuestros honorarios los paga la empresa cliente; para el candidato no tiene ningún costo.",
    "Bonjour Minh, je recrute un analyste paiements senior pour un portefeuille mobile. Nos honoraires sont payés par l'entreprise cliente, c'est gratuit pour les candidats.",
    "Hallo Minh, ich suche einen Senior Payments Analyst für eine E-Wallet. Unser Honorar zahlt der Kunde, für Kandidaten ist es kostenlos.",
    "Halo Minh, saya sedang merekrut Senior Payments Analyst untuk e-wallet. Biaya kami dibayar oleh perusahaan klien, tanpa biaya untuk kandidat.",
]


@pytest.mark.parametrize("note", REASSURED)
def test_a_fee_the_candidate_does_not_pay_is_no_pitch(note):
    result = screen(request(note, **RECRUITER), persona("analyst-vi"))
    assert "sales_pitch" not in {flag.id for flag in result.flags}, (note, result.flags)
    assert result.verdict != "ignore"


def test_an_agency_quoting_its_fee_to_a_hiring_manager_still_sells():
    note = ("Hi Sarah, we place senior backend engineers in 10 days. Our placement fee is 18% of first-year salary; "
            "can I send you three profiles this week?")
    result = screen(request(note, **RECRUITER), persona("eng-lead-en"))
    assert "sales_pitch" in {flag.id for flag in result.flags}, result.flags
