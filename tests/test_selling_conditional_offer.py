"""Issue 10: selling recognised by what the note does: a service offered on a condition of the
reader's need ("if your team ever needs X, I can send my rates") and an offer to send or show in
the first person with a modal ("em có thể gửi bảng giá", "je vous montre des exemples"), in several
languages. A peer's offer of help with no price or pitch beside it is no sale. My own sentences."""

from __future__ import annotations

import pytest

from helpers import request, screen
from test_selling import founder


def _freelancer(headline: str) -> dict:
    return dict(headline=headline, company="Independent", industry="Translation and Localization", has_photo=True,
                connections=300, mutual_connections=0, experience=[{"title": headline, "company": "Independent", "years": 4}])


OFFERS = {
    "en": "Hi Mai, I translate finance documents. If your team ever needs annual reports in Vietnamese, I can send my rates and a sample.",
    "vi": "Chào chị Mai, em dịch tài liệu tài chính. Nếu Ledgerline cần dịch hợp đồng sang tiếng Anh, em có thể gửi bảng giá và bản mẫu ạ.",
    "es": "Hola Mai, traduzco informes financieros. Si alguna vez necesitan traducir contratos, puedo enviarte mis tarifas.",
    "fr": "Bonjour Mai, je traduis des rapports financiers. Si vous avez besoin de traductions, je peux vous envoyer mes tarifs.",
    "de": "Hallo Mai, ich übersetze Finanzberichte. Wenn Sie Übersetzungen brauchen, kann ich Ihnen meine Preisliste schicken.",
    "pt": "Olá Mai, traduzo relatórios financeiros. Se precisar de traduções, posso enviar a minha tabela de preços.",
    "id": "Halo Kak Mai, saya menerjemahkan laporan keuangan. Jika tim Kakak butuh terjemahan, saya bisa kirim daftar harga.",
}


@pytest.mark.parametrize("note", list(OFFERS.values()), ids=list(OFFERS))
def test_a_service_offered_on_the_readers_need_with_a_price_is_selling(note):
    result = screen(request(note, **_freelancer("Freelance Financial Translator")), founder())
    flags = {flag.id: flag.evidence for flag in result.flags}
    assert "sales_pitch" in flags, flags
    assert result.verdict != "accept"
    assert not result.report


HELP = {
    "en": "Hi Mai, I run finance ops at a logistics startup in Da Nang. If you ever need a second pair of eyes on reconciliation, I can share what worked for us.",
    "vi": "Chào chị Mai, em làm kế toán ở một startup logistics. Nếu chị cần ví dụ về đối soát, em có thể chia sẻ cách bên em làm ạ.",
}


@pytest.mark.parametrize("note", list(HELP.values()), ids=list(HELP))
def test_a_peers_offer_of_help_is_no_sale(note):
    sender = dict(headline="Finance Operations Lead at Cargoline", company="Cargoline", industry="Logistics",
                  has_photo=True, connections=400, mutual_connections=2,
                  experience=[{"title": "Finance Operations Lead", "company": "Cargoline", "years": 3}])
    flags = {flag.id: flag.evidence for flag in screen(request(note, **sender), founder()).flags}
    assert "sales_pitch" not in flags, flags
