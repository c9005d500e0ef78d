"""Issue 10: a seller by profile who claims another identity in the note ("j'écris pour des CEO
de la tech" from a LinkedIn ghostwriter, "I'm a student" from a lead-generation agency) is still
who the profile says; a journalist, a student or an investor whose profile says so keeps their
honest purpose. A candidate answering the user's opening keeps theirs whatever their title (tests
in test_candidate_for_the_user_s_opening.py). My own sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from assist.config import parse_config
from helpers import request, screen

CEO = parse_config(Path(__file__).parent.parent / "fixtures" / "eval" / "personas" / "ceo-founder-en.toml")


def _sender(headline: str, company: str) -> dict:
    return dict(headline=headline, company=company, industry="Marketing Services", has_photo=True, connections=800,
                mutual_connections=2, experience=[{"title": headline.split(" | ")[0], "company": company, "years": 3}])


@pytest.mark.parametrize("headline, note", [
    ("Ghostwriter LinkedIn pour fondateurs | Encre Fine", "Bonjour Marta, j'écris pour des fondateurs de la logistique. Vos posts méritent bien plus de lecteurs, je vous montre deux exemples ?"),
    ("LinkedIn Ghostwriter for founders | Inkwell", "Hi Marta, I'm writing for three logistics founders right now; your posts deserve ten times the reach. Want to see samples?"),
    ("Lead Generation Agency Owner | Pipeflow", "Hi Marta, I'm a student of logistics at heart. We book 20 qualified meetings a month for SaaS founders. Open to a quick call?"),
])
def test_a_seller_claiming_another_identity_is_still_selling(headline, note):
    result = screen(request(note, **_sender(headline, headline.split(" | ")[1])), CEO)
    flags = {flag.id: flag.evidence for flag in result.flags}
    assert "sales_pitch" in flags, flags
    assert result.verdict != "accept"


def test_a_journalist_by_profile_keeps_the_purpose():
    sender = dict(headline="Reporter, supply chain desk | The Freight Ledger", company="The Freight Ledger",
                  industry="Newspapers", has_photo=True, connections=1200, mutual_connections=1,
                  experience=[{"title": "Reporter", "company": "The Freight Ledger", "years": 5}])
    note = "Hi Marta, I'm writing a piece on how logistics startups handle returns and would love a short quote from you."
    flags = {flag.id for flag in screen(request(note, **sender), CEO).flags}
    assert "sales_pitch" not in flags, flags
