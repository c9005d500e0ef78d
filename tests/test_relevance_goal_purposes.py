"""Issue 10: "an investor who wants to learn is ignored as selling" and its kin. A sender whose stated
purpose the user's goals seek (an investor to a founder raising a round, a possible partner or
customer to one who seeks them) is relevant for that reason, whatever their industry: never
"unrelated to your field and your goals". The same sender to a user whose goals do not seek them
gets no such reason. My own sentences, by concept."""

from __future__ import annotations

import pytest

from helpers import eval_persona as persona, request, screen



ASSISTANT = dict(headline="Assistante de direction des associés, Blue Harbour Capital", company="Blue Harbour Capital",
                 industry="Private Equity", location="Paris, France", has_photo=True, connections=600,
                 mutual_connections=2, experience=[{"title": "Assistante de direction", "company": "Blue Harbour Capital",
                                                    "years": 4}])
INVESTOR = dict(headline="Principal at Harbour Growth", company="Harbour Growth", industry="Financial Services",
                location="London, UK", has_photo=True, connections=1800, mutual_connections=4,
                experience=[{"title": "Principal", "company": "Harbour Growth", "years": 3}])

SOUGHT = [
    (ASSISTANT, "Bonjour Marta, j'écris au nom d'Antoine Roux, associé chez Blue Harbour, qui a rencontré votre CTO à "
                "VivaTech. Il aimerait vous présenter le fonds avant votre série A."),
    (INVESTOR, "Hi Marta, we lead seed and Series A rounds in industrial software and would love to meet before your Series A."),
]


@pytest.mark.parametrize("sender, note", SOUGHT)
def test_an_investor_to_a_founder_raising_is_relevant(sender, note):
    result = screen(request(note, **sender), persona("ceo-founder-en"))
    ids = {flag.id for flag in result.flags}
    assert "professional_relevance" in ids and "irrelevant" not in ids, (note, result.flags)
    assert result.verdict != "ignore"


def test_the_same_investor_is_no_goal_of_an_engineering_lead():
    result = screen(request(SOUGHT[1][1].replace("Marta", "Sarah"), **INVESTOR), persona("eng-lead-en"))
    assert not any("goals seek" in flag.evidence for flag in result.flags), result.flags


RAISE_FEES = [
    "Marta, Tidewater passed our first screen for a €6M Series A. Next step is the standard diligence escrow of €4,800, refundable at close.",
    "Marta, para avanzar con la ronda necesitamos un depósito en garantía de 5.000 €, reembolsable al cierre.",
]


@pytest.mark.parametrize("note", RAISE_FEES)
def test_an_investor_who_asks_the_founder_for_an_escrow_is_a_scam(note):
    result = screen(request(note, **INVESTOR), persona("ceo-founder-en"))
    assert "scam_or_phishing" in {flag.id for flag in result.flags}, (note, result.flags)
    assert result.verdict == "ignore"


def test_an_investor_with_nothing_else_to_check_is_asked_not_accepted():
    bare = dict(INVESTOR, experience=[], connections=40, mutual_connections=0, has_photo=False)
    result = screen(request("Hi Marta, we invest in logistics software and would love to meet before your Series A.", **bare),
                    persona("ceo-founder-en"))
    assert result.verdict == "ask", result.flags
