"""Issue 10, fields: the user's field is what their headline and industry say, and also what their
goals and interests name (a recruiter of data people wants data people); AI and security are fields
of their own, in the words their people use."""

from __future__ import annotations

import pytest

from helpers import FIXTURES, request, screen
from assist.config import parse_config


def persona(name: str):
    return parse_config(FIXTURES / "eval" / "personas" / f"{name}.toml")


def ids(result) -> set[str]:
    return {flag.id for flag in result.flags}


def test_a_researcher_in_the_users_ai_field_is_relevant():
    researcher = dict(headline="Research Scientist, Machine Learning Robustness at KAIST", company="KAIST",
                      industry="Research", location="Daejeon, South Korea", has_photo=True, connections=420,
                      experience=[{"title": "Research Scientist", "company": "KAIST", "years": 3}])
    note = "Hi Aiko, I work on jailbreak benchmarks for LLMs and read your team's post on grader models. Keen to swap notes."
    result = screen(request(note, **researcher), persona("ml-lead-en"))
    assert "irrelevant" not in ids(result), [(f.id, f.evidence) for f in result.flags]
    assert "professional_relevance" in ids(result)


def test_a_field_the_users_goals_name_is_relevant_even_when_their_own_field_is_another():
    # a recruiter's own field is recruiting; the people she sources are in data and engineering
    analyst = dict(headline="Data Analyst at Bukalapak", company="Bukalapak", industry="Internet",
                   location="Bandung, Indonesia", has_photo=True, connections=310,
                   experience=[{"title": "Data Analyst", "company": "Bukalapak", "years": 3}])
    result = screen(request(None, **analyst), persona("recruiter-open-en"))
    assert "irrelevant" not in ids(result), [(f.id, f.evidence) for f in result.flags]


def test_a_security_note_from_an_export_is_in_the_security_leads_field():
    note = ("Hi Katrin, I run the appsec guild at Adyen and we're organising a small threat-modelling "
            "workshop in Amsterdam. I'd be glad to have you there, travel arranged by our office.")
    result = screen(request(note, profile_url="https://www.linkedin.com/in/someone-77"), persona("security-lead-en"))
    assert "irrelevant" not in ids(result), [(f.id, f.evidence) for f in result.flags]


@pytest.mark.parametrize(("who", "name"), [
    (dict(headline="Pastry Chef at Maison Lenôtre", company="Maison Lenôtre", industry="Hospitality",
          has_photo=True, connections=200, experience=[{"title": "Pastry Chef", "company": "Maison Lenôtre", "years": 4}]),
     "ml-lead-en"),
    (dict(headline="Real Estate Agent at Century 21", company="Century 21", industry="Real Estate",
          has_photo=True, connections=900, experience=[{"title": "Agent", "company": "Century 21", "years": 6}]),
     "security-lead-en"),
])
def test_an_unrelated_field_stays_unrelated(who, name):
    result = screen(request(None, **who), persona(name))
    assert "irrelevant" in ids(result), [(f.id, f.evidence) for f in result.flags]
