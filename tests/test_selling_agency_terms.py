"""Issue 10, selling by role and offer: an executive search firm quoting its fee as a share of the
hire's salary ("our retained fee is 30% of first-year salary") names a price, not a salary; a French
agency that says "on génère 50 rendez-vous qualifiés … paiement au résultat" offers in the first
person ("on") and at a price. Both are pitches to a founder who hires. A recruiter naming the
salary of a role ("salary up to 30% above market") still names no price. My own sentences."""

from __future__ import annotations

import pytest

from helpers import eval_persona as persona, request, screen


SEARCH = dict(headline="Partner, Technology Practice | Northgate Search", company="Northgate Search",
              industry="Staffing & Recruiting", has_photo=True, connections=5000, mutual_connections=3,
              experience=[{"title": "Partner", "company": "Northgate Search", "years": 8}])
AGENCY = dict(headline="Fondateur @ PipeBoost", company="PipeBoost", industry="Marketing", has_photo=True,
              connections=900, mutual_connections=2, experience=[{"title": "Fondateur", "company": "PipeBoost", "years": 3}])

PITCHES = [
    (SEARCH, "Dear Marta, we've placed engineering leaders at three logistics SaaS firms this year. Happy to share a shortlist; our retained fee is 25% of first-year salary. May I send terms?"),
    (SEARCH, "Hola Marta, hemos cubierto puestos de VP en tres SaaS logísticas. Nuestros honorarios son el 25 % del salario anual; ¿te envío las condiciones?"),
    (AGENCY, "Bonjour Marta, on génère 40 rendez-vous qualifiés par mois pour les SaaS B2B, paiement au résultat. Je vous envoie une étude de cas ?"),
]


@pytest.mark.parametrize("sender, note", PITCHES)
def test_an_agency_naming_its_terms_is_selling(sender, note):
    result = screen(request(note, **sender), persona("ceo-founder-en"))
    assert "sales_pitch" in {flag.id for flag in result.flags}, (note, result.flags)
    assert result.verdict != "accept"


def test_a_salary_named_for_a_role_is_still_no_price():
    note = ("Hi Minh, I'm hiring a Senior Payments Analyst for a top e-wallet in HCMC; the salary is about 30% above "
            "the market. Would you be open to a chat?")
    result = screen(request(note, **SEARCH), persona("analyst-vi"))
    assert "sales_pitch" not in {flag.id for flag in result.flags}, result.flags
