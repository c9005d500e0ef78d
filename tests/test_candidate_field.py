"""Issue 10: a job seeker is a possible candidate for the user's hiring when their field is the
user's, or when their profile names no field at all; a seeker from an unrelated field (a hotel
front-desk graduate, to a recruiter of engineers and data people) is not. My own profiles."""

from __future__ import annotations

from pathlib import Path

from assist.config import parse_config
from helpers import request, screen

RECRUITER = parse_config(Path(__file__).parent.parent / "fixtures" / "eval" / "personas" / "recruiter-open-en.toml")


def _seeker(headline: str, industry: str | None, title: str | None) -> dict:
    return dict(headline=headline, company=None, industry=industry, has_photo=True, connections=120, mutual_connections=0,
                experience=[{"title": title, "company": "Somewhere", "years": 1}] if title else [])


def _relevance(sender: dict) -> str:
    result = screen(request(None, **sender), RECRUITER)
    return {flag.id: flag.evidence for flag in result.flags}.get("professional_relevance", "")


def test_a_seeker_from_an_unrelated_field_is_no_candidate():
    assert "candidate" not in _relevance(_seeker("Recent graduate | Open to work", "Veterinary", "Veterinary Nurse Intern"))


def test_a_seeker_in_the_users_field_is_a_candidate():
    assert "candidate" in _relevance(_seeker("Recent graduate | Open to work", "Software Development", "Data Engineering Intern"))


def test_a_seeker_whose_profile_names_no_field_may_be_one():
    assert "candidate" in _relevance(_seeker("Recent graduate | Open to work", None, None))
