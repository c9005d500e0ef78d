"""Issue 10: goals name whom they seek in the plural ("Meet researchers working on...", "Hire
nurses"); a researcher or a nurse is that field. The sender's own plural nouns are other people
("we catch fake recruiters"): not their field. My own profiles."""

from __future__ import annotations

from helpers import request, screen, user


def _flags(result):
    return {flag.id: flag.evidence for flag in result.flags}


def _researcher(headline: str) -> dict:
    return dict(headline=headline, company="Kestrel Institute", industry="Research", has_photo=True, connections=400,
                mutual_connections=1, experience=[{"title": headline.split(" at ")[0], "company": "Kestrel Institute", "years": 6}])


def _head_of_data():
    return user(headline="Head of Platform at Pellucid", industry="Software", interests=["observability"],
                goals=["Meet researchers working on machine learning for data provenance"])


def test_a_researcher_in_the_goals_field_is_whom_the_goal_seeks():
    # The goal's field ("machine learning") is a small part of the profile: a research scientist's
    # headline names it once; that is enough for the people the goal names.
    flags = _flags(screen(request(None, **_researcher("Research Scientist at Kestrel Research Institute | Machine Learning")), _head_of_data()))
    assert "irrelevant" not in flags and "professional_relevance" in flags, flags


def test_a_researcher_in_another_field_is_not_whom_the_goal_seeks():
    flags = _flags(screen(request(None, **_researcher("UX Researcher at Kestrel Institute | Game Design")), _head_of_data()))
    assert "professional_relevance" not in flags, flags


def test_a_goal_of_hiring_nurses_finds_a_nurse():
    me = user(headline="Director of Nursing at Harbourside Clinic", industry="Hospital & Health Care",
              goals=["Hire nurses for the night ward"])
    sender = dict(headline="Registered Nurse", company="St. Elmo Hospital", industry="Hospital & Health Care",
                  has_photo=True, connections=150, mutual_connections=0,
                  experience=[{"title": "Registered Nurse", "company": "St. Elmo Hospital", "years": 4}])
    assert "professional_relevance" in _flags(screen(request(None, **sender), me))


def test_the_senders_plural_nouns_are_not_their_field():
    # "fake recruiters" is whom she catches, not her trade: her field stays unread, not "recruiting".
    me = user(headline="Head of Applied AI at Sorabase", industry="Software",
              goals=["Meet researchers working on model evaluation"], interests=["text classification"])
    sender = dict(headline="Trust Lead at Wavelet", company="Wavelet", industry="Internet", has_photo=True,
                  connections=300, mutual_connections=0, experience=[{"title": "Trust Lead", "company": "Wavelet", "years": 3}])
    note = "Hi, we build detectors that flag fake recruiters and scam investors on our platform; your talk on evaluation was useful."
    flags = _flags(screen(request(note, **sender), me))
    assert "recruit" not in flags.get("irrelevant", "").casefold(), flags


def test_a_plural_is_not_made_of_a_short_or_non_english_word():
    from assist.guidance import _with_plurals

    assert _with_plurals(["researcher", "policy", "analysis", "ml", "tài chính", "sales"]) == [
        "researcher", "policy", "analysis", "ml", "tài chính", "sales", "researchers", "policies", "analyses"]
