"""Issue 10: a journalist's field is what they cover ("Redakteurin IT-Sicherheit", "security
reporter"), as a recruiter's is whom they hire: to a security lead, a security journalist is not
"an unrelated field". A general-news editor is still media. My own profiles."""

from __future__ import annotations

from helpers import request, screen, user


def _security_lead():
    return user(headline="Head of Security at Corvid", industry="Computer & Network Security",
                interests=["phishing", "cloud security"], goals=["Meet security practitioners"])


def test_a_security_journalist_is_in_the_security_field():
    sender = dict(headline="Redakteur IT-Sicherheit bei Golem", company="Golem", industry="Online Media",
                  has_photo=True, connections=900, mutual_connections=2,
                  experience=[{"title": "Redakteur", "company": "Golem", "years": 5}])
    note = "Guten Tag, ich recherchiere zu Angriffen auf Cloud-Konsolen und würde mich über ein Hintergrundgespräch freuen."
    result = screen(request(note, **sender), _security_lead())
    assert "irrelevant" not in {flag.id for flag in result.flags}, [(flag.id, flag.evidence) for flag in result.flags]


def test_a_general_news_editor_is_still_media():
    sender = dict(headline="Redakteur Lokales bei der Rheinpost", company="Rheinpost", industry="Newspapers",
                  has_photo=True, connections=300, mutual_connections=0,
                  experience=[{"title": "Redakteur", "company": "Rheinpost", "years": 5}])
    result = screen(request(None, **sender), _security_lead())
    assert "professional_relevance" not in {flag.id for flag in result.flags}, [(flag.id, flag.evidence) for flag in result.flags]
