"""Issue 11: a German note written formally ("Sehr geehrte Frau Vogel", "Mit freundlichen Grüßen")
is answered formally: "Guten Tag" and the full name with its academic title, never "Hallo Thomas".
Without a gender the name gives plainly, no "Herr" or "Frau" is guessed; a sender who writes
"Herr" or "Frau" in their own name is addressed so. An informal note keeps "Hallo" and the given
name. When no full name can be told safely, "Guten Tag," alone."""

from __future__ import annotations

import pytest

from assist.draft import draft_reply
from assist.names import formal_name
from helpers import request, user

FORMAL = "Sehr geehrte Frau Vogel, Ihr Vortrag auf der it-sa hat mich sehr beeindruckt. Mit freundlichen Grüßen"


@pytest.mark.parametrize(("written", "greeting"), [
    ("Dr. Thomas Brandt", "Guten Tag Dr. Thomas Brandt,"),
    ("Prof. Dr. Hans Müller", "Guten Tag Prof. Dr. Hans Müller,"),
    ("Dr. rer. nat. Anna Weber", "Guten Tag Dr. Anna Weber,"),
    ("Thomas Brandt, MBA", "Guten Tag Thomas Brandt,"),
    ("THOMAS BRANDT", "Guten Tag Thomas Brandt,"),
    ("Herr Thomas Brandt", "Guten Tag Herr Brandt,"),
    ("Frau Dr. Anna Weber", "Guten Tag Frau Dr. Weber,"),
    ("Brandt, Thomas", "Guten Tag Thomas Brandt,"),
    ("Thomas", "Guten Tag,"),
    ("Thomas Brandt | Steuerberater", "Guten Tag Thomas Brandt,"),
])
def test_a_formal_german_note_is_answered_formally(written, greeting):
    reply = draft_reply(request(FORMAL, name=written), user("balanced", language="de", reply_language="de"), "acknowledge")
    assert reply.text.splitlines()[0] == greeting, reply.text


def test_an_informal_german_note_keeps_hallo_and_the_given_name():
    reply = draft_reply(request("Hallo Sarah, dein Vortrag war super!", name="Dr. Thomas Brandt"),
                        user("balanced", language="de", reply_language="de"), "acknowledge")
    assert reply.text.splitlines()[0] == "Hallo Thomas,", reply.text


def test_no_formal_name_from_a_single_word_or_another_script():
    assert formal_name("Thomas") is None and formal_name("田中 太郎") is None and formal_name("") is None


def test_the_llm_is_told_the_formal_register_too():
    from assist.context import RunContext
    from assist.render import render_reply_messages
    from assist.guidance import load_guidance
    from assist.signals import extract_signals
    from assist.situation import situation_for_kind

    config = user("balanced", language="de", reply_language="de")
    req = request(FORMAL, name="Dr. Thomas Brandt")
    ctx = RunContext(config, load_guidance())
    messages = render_reply_messages(req, extract_signals(req, config, ctx.guidance), situation_for_kind("acknowledge", None), ctx)
    assert 'start with "Guten Tag Dr. Thomas Brandt,"' in messages[-1]["content"]
