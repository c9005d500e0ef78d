"""An executive search firm offering its paid search to a founder who hires (issue 10: "agencies
offering candidates for a fee"), in the words such firms use for themselves. Candidates are what a
user who hires welcomes, so the offer alone is no sale; a fee the user's company would pay makes it
one. Never an accept without knowing more. Sentences and people are my own."""

from __future__ import annotations

import pytest

from helpers import request, screen, user


def founder():
    return user("balanced", headline="CEO at Kestrel Robotics", goals=["Hire a VP of Engineering", "Raise a Series A"],
                target_companies=["Bosch"], interests=["robotics"])


WITH_A_FEE = [
    ("Partner at Northbridge Executive Search",
     "Hi Sarah, I lead technology searches for scale-ups. Our fee is a third of the first-year salary, paid on placement; happy to walk you through how we would run your VP Engineering search."),
    ("Socia en Altura Búsqueda de Directivos",
     "Hola Sarah, somos una firma de búsqueda de directivos. Para ser transparente: nuestros honorarios los paga la empresa. Vi que buscáis VP of Engineering; ¿te cuento cómo lo haríamos?"),
]
WITHOUT = [
    ("Associée, cabinet de chasse de têtes",
     "Bonjour Sarah, nous accompagnons les start-up dans le recrutement de leurs dirigeants. Je peux vous présenter notre approche pour votre VP Engineering ?"),
]


@pytest.mark.parametrize(("headline", "note"), WITH_A_FEE)
def test_a_search_firm_that_names_its_fee_to_a_founder_who_hires_is_selling(headline, note):
    result = screen(request(note, name="Elena Ruiz", headline=headline), founder())
    assert "sales_pitch" in {flag.id for flag in result.flags}, [(flag.id, flag.evidence) for flag in result.flags]
    assert result.verdict != "accept"


@pytest.mark.parametrize(("headline", "note"), WITH_A_FEE + WITHOUT)
def test_a_search_firm_is_never_accepted_on_its_pitch_alone(headline, note):
    assert screen(request(note, name="Elena Ruiz", headline=headline), founder()).verdict != "accept"


def test_a_supply_whose_words_are_not_found_leaves_no_empty_quote():
    # dev-011's shape: an agency's supply sign without the supplied words as written; the evidence
    # goes on to the price, never "offers , at".
    from helpers import persona, request, screen

    req = request("Hi Sarah, we place senior engineers in 3 weeks, fees only on success, 12% of first-year salary; "
                  "we've helped 40 startups.", headline="Business Development Director", company="Apex Hire Partners",
                  industry="Staffing and Recruiting")
    result = screen(req, persona("eng-lead-en"))
    assert not any("offers ," in flag.evidence for flag in result.flags)
