"""Issue 10: whom a note speaks to. A note that greets someone other than the user by name
("Hi Katrin," to Marta; "Chào anh Minh," to Sarah) was written for someone else: a copy sent
around, or sent to the wrong person. What it says of "your talk" is not about the user: no
personalized note, and a question rather than an accept. A greeting with the user's own name, a
surname with a title, a nickname the config gives, or no name at all is the user's. My own
sentences."""

from __future__ import annotations

import pytest

from helpers import request, screen, user


def _relevant() -> dict:
    return dict(headline="Senior Backend Engineer at Shopee", company="Shopee", industry="Software", has_photo=True,
                connections=500, mutual_connections=2,
                experience=[{"title": "Senior Backend Engineer", "company": "Shopee", "years": 4}])


def _me(name: str = "Sarah Chen"):
    return user(name=name, headline="Engineering Lead at Northwind", industry="Software",
                goals=["Hire backend engineers"], interests=["distributed systems"], target_companies=["Shopee"])


ELSEWHERE = {
    "en": "Hi Katrin, your talk on queue back-pressure at GopherCon was the clearest I've seen. Would love to compare notes on retries.",
    "de": "Hallo Katrin, Ihr Vortrag über Backpressure auf der GopherCon war sehr klar. Ich würde mich über einen Austausch freuen.",
    "vi": "Chào anh Minh, em đọc bài anh viết về back-pressure trong hàng đợi, rất hay ạ. Em muốn trao đổi thêm về retry.",
    "es": "Hola Lucía, tu charla sobre colas en la GopherCon fue muy clara. Me encantaría comparar notas sobre reintentos.",
    "fr": "Bonjour Amélie, votre présentation sur les files d'attente à la GopherCon était très claire. Au plaisir d'échanger.",
    "dear_title": "Dear Mr. Okafor, your article on distributed queues was excellent and I would value your view on retries.",
}


@pytest.mark.parametrize("note", list(ELSEWHERE.values()), ids=list(ELSEWHERE))
def test_a_note_greeting_someone_else_is_not_personal_to_the_user(note):
    result = screen(request(note, **_relevant()), _me())
    flags = {flag.id: flag.evidence for flag in result.flags}
    assert result.verdict != "accept", flags
    assert "personalized_note" not in flags, flags
    assert not result.report, flags


MINE = {
    "given": ("Sarah Chen", "Hi Sarah, your talk on queue back-pressure at GopherCon was the clearest I've seen. Would love to compare notes."),
    "surname": ("Sarah Chen", "Dear Ms. Chen, your talk on queue back-pressure at GopherCon was the clearest I've seen."),
    "nickname": ("Nguyễn Thị Hương (Rose)", "Hi Rose, your talk on queue back-pressure at GopherCon was the clearest I've seen. Would love to compare notes."),
    "vi_given": ("Nguyễn Văn Minh", "Chào anh Minh, em đọc bài anh viết về back-pressure trong hàng đợi, rất hay ạ. Em muốn trao đổi thêm về retry."),
    "no_accent": ("Tomás Ruiz", "Hi Tomas, your talk on queue back-pressure at GopherCon was the clearest I've seen. Would love to compare notes."),
    "short_form": ("Katherine Lee", "Hi Kate, your talk on queue back-pressure at GopherCon was the clearest I've seen. Would love to compare notes."),
    "there": ("Sarah Chen", "Hi there, your talk on queue back-pressure at GopherCon was the clearest I've seen. Would love to compare notes."),
    "team": ("Sarah Chen", "Hello Team, your talk on queue back-pressure at GopherCon was the clearest I've seen. Would love to compare notes."),
}


@pytest.mark.parametrize("case", list(MINE.values()), ids=list(MINE))
def test_a_note_greeting_the_user_or_no_one_is_read_as_before(case):
    name, note = case
    result = screen(request(note, **_relevant()), _me(name))
    flags = {flag.id: flag.evidence for flag in result.flags}
    assert "personalized_note" in flags and "unclear_intent" not in flags, flags
