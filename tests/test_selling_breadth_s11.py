"""Issue 10: a pitch recognised by what it offers and asks, in words the readers missed: a
subscription priced by the month ("Paket langganan mulai Rp2 juta per bulan", "abonnements dès 90 €
par mois") with an offer to send a sample. My own sentences; an honest note about a monthly figure
of the sender's own work raises nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from assist.config import parse_config
from helpers import request, screen

RECRUITER = Path(__file__).parent.parent / "fixtures" / "eval" / "personas" / "recruiter-open-en.toml"
VENDOR = dict(headline="Founder at TalentBase", company="TalentBase", has_photo=True, connections=300, mutual_connections=2)


@pytest.mark.parametrize("note", [
    "Halo Kak Lina, kami punya database 40.000 CV engineer se-Asia Tenggara. Paket langganan mulai Rp3 juta per bulan. Mau saya kirimkan contohnya?",
    "Hi Lina, our CV database covers 40k engineers in the region; subscriptions from 120 USD per month. Shall I send a sample?",
    "Bonjour Lina, notre base de 40 000 CV d'ingénieurs est disponible en abonnement dès 90 € par mois. Je vous envoie un extrait ?",
])
def test_a_subscription_priced_by_the_month_with_a_sample_offered_is_selling(note):
    result = screen(request(note, **VENDOR), parse_config(RECRUITER))
    assert "sales_pitch" in {flag.id for flag in result.flags}, [(flag.id, flag.evidence) for flag in result.flags]


def test_a_monthly_figure_of_one_s_own_work_is_no_pitch():
    note = "Hi Lina, I lead data engineering at Tokopedia; we process 3 million orders per month. Would love to connect."
    result = screen(request(note, **dict(VENDOR, headline="Data Engineering Lead at Tokopedia", company="Tokopedia")),
                    parse_config(RECRUITER))
    assert "sales_pitch" not in {flag.id for flag in result.flags}, [(flag.id, flag.evidence) for flag in result.flags]


SECURITY_LEAD = dict(headline="Head of Security at Corvid", industry="Computer & Network Security")


@pytest.mark.parametrize("note", [
    "Hi Katrin, we're a four-person fintech and can't afford a pentest yet. Could you take an hour to review our cloud architecture diagram and tell us where we're exposed?",
    "Hola Katrin, somos una startup pequeña; ¿podrías revisar nuestra arquitectura en la nube y decirnos dónde estamos expuestos?",
    "Hallo Katrin, könnten Sie sich unsere Cloud-Architektur ansehen und uns sagen, wo wir angreifbar sind?",
])
def test_free_expert_work_asked_of_a_stranger_is_a_favour(note):
    from helpers import user

    sender = dict(headline="Co-founder & CTO at Petalpay", company="Petalpay", has_photo=True, connections=200, mutual_connections=0)
    result = screen(request(note, **sender), user(**SECURITY_LEAD))
    assert any(flag.id == "sales_pitch" and "favour" in flag.evidence for flag in result.flags), \
        [(flag.id, flag.evidence) for flag in result.flags]


def test_offering_to_review_the_user_s_work_is_no_favour_asked():
    from helpers import user

    note = "Hi Katrin, happy to review your team's threat model template if that's ever useful; I run red teams at Mandiant."
    sender = dict(headline="Red Team Lead at Mandiant", company="Mandiant", has_photo=True, connections=900, mutual_connections=3)
    result = screen(request(note, **sender), user(**SECURITY_LEAD))
    assert not any(flag.id == "sales_pitch" and "favour" in flag.evidence for flag in result.flags), \
        [(flag.id, flag.evidence) for flag in result.flags]


@pytest.mark.parametrize("note", [
    "Hi Katrin, I audit bridges at Trail of Bits. Saw Corvid's phishing posts; happy to share the list and meet EU security teams.",
    "Hi Katrin, I lead payments fraud at Adyen. Your talk was great; keen to compare notes and meet more EU fintechs.",
])
def test_eu_written_as_the_union_is_no_portuguese_first_person(note):
    """'EU' (the European Union) folded is Portuguese 'eu' (I): read so, 'share … EU security teams'
    was an offer of services to a segment (redteam6/dev 046)."""
    from helpers import user

    sender = dict(headline="Security Engineer at Trail of Bits", company="Trail of Bits", has_photo=True,
                  connections=800, mutual_connections=2)
    result = screen(request(note, **sender), user(**SECURITY_LEAD))
    assert "sales_pitch" not in {flag.id for flag in result.flags}, [(flag.id, flag.evidence) for flag in result.flags]


def test_portuguese_eu_is_still_a_first_person():
    from helpers import user

    note = "Olá Katrin, eu ajudo equipes de segurança a reduzir custos com pentests. Posso te enviar a nossa tabela de preços?"
    sender = dict(headline="Consultor de vendas", company="SegurPro", has_photo=True, connections=300, mutual_connections=0)
    result = screen(request(note, **sender), user(**SECURITY_LEAD))
    assert "sales_pitch" in {flag.id for flag in result.flags}, [(flag.id, flag.evidence) for flag in result.flags]
