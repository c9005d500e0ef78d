"""Every rule an LLM-written reply is held to (reply_checks.py), each shown kept and broken."""

from __future__ import annotations

import pytest

from assist.address import Address
from assist.reply_checks import ReplyRules, only_length, reply_problems

EN = ReplyRules(max_chars=300, language="en", kind="clarify",
                sender_texts=("I loved your talk on zero-downtime Postgres migrations at PyCon and would like to compare notes",),
                topic="zero-downtime Postgres migrations", signature="Sarah")
GOOD = "Hi Alex,\n\nThanks for reaching out! Could you remind me how we know each other?\n\nSarah"


def test_a_good_reply_keeps_every_rule():
    assert reply_problems(GOOD, EN) == []


def test_length():
    problems = reply_problems(GOOD, ReplyRules(max_chars=40, language="en"))
    assert problems and "at most 40" in problems[0] and only_length(problems)


def test_claiming_to_know_them():
    assert any("claims to know" in p for p in reply_problems("Great to reconnect, Alex! How have you been?", EN))


@pytest.mark.parametrize("text, what", [
    ("Hi Alex, thanks! Book a slot at https://cal.example.com/alex?", "a link"),
    ("Hi Alex, thanks! Write to me at alex.tan@example.org, what prompted this?", "an email address"),
    ("Hi Alex, thanks! Call +84 912 345 678 - how do we know each other?", "a phone number"),
    ("Hi Alex, thanks! Ping @alex_growth on Telegram, how do we know each other?", "a handle"),
])
def test_contact_details_are_never_passed_on(text, what):
    assert any(what in p for p in reply_problems(text, EN))


def test_years_and_figures_are_no_phone_number():
    text = "Hi Alex, thanks for the note about 2019-2023 and the 30% rise! Could you remind me how we met?"
    assert not any("phone" in p for p in reply_problems(text, EN))


def test_the_users_own_signature_may_hold_contact_details():
    rules = ReplyRules(max_chars=300, language="en", kind="clarify", signature="Sarah Chen | sarah@northwind.dev")
    assert reply_problems("Hi Alex,\n\nThanks! How do we know each other?\n\nSarah Chen | sarah@northwind.dev", rules) == []


def test_a_quotation_is_not_a_topic():
    copied = "Hi Alex, you loved my talk on zero-downtime Postgres migrations at PyCon! How do we know each other?"
    assert any("repeats the sender's own words" in p for p in reply_problems(copied, EN))
    topic_only = "Hi Alex, thanks for mentioning zero-downtime Postgres migrations! How do we know each other?"
    assert reply_problems(topic_only, EN) == []


def test_a_reply_that_asks_must_keep_its_question():
    text = "Hi Alex,\n\nThanks for reaching out, it is good to hear from people in the field.\n\nSarah"
    assert any("must ask its question" in p for p in reply_problems(text, EN))
    decline = ReplyRules(max_chars=300, language="en", kind="decline")
    assert reply_problems(text, decline) == []


def test_placeholders():
    assert any("placeholder" in p for p in reply_problems("Hi [Name], how do we know each other?", EN))
    assert any("placeholder" in p for p in reply_problems("Hi Alex, how do we know each other?\n\nYour Name", EN))


def test_the_wrong_language():
    text = "Hola Alex,\n\n¡Gracias por escribirme! ¿Podrías recordarme de qué nos conocemos o qué te llevó a escribirme?"
    assert any("must be written in English, not Spanish" in p for p in reply_problems(text, EN))
    assert reply_problems(text, ReplyRules(max_chars=300, language="es", kind="clarify")) == []


VI = ReplyRules(max_chars=300, language="vi", kind="clarify", address=Address(you="chị", me="em", greet="chị Hương", particle=" ạ"))


def test_vietnamese_address_pair():
    right = "Chào chị Hương,\n\nEm cảm ơn chị đã liên hệ ạ! Chị có thể nhắc em chúng ta quen nhau thế nào không ạ?"
    assert reply_problems(right, VI) == []
    cold = "Chào bạn Hương,\n\nCảm ơn bạn đã liên hệ! Bạn có thể nhắc tôi chúng ta quen nhau thế nào không?"
    assert any('calls them "bạn"' in p for p in reply_problems(cold, VI))
    peer = ReplyRules(max_chars=300, language="vi", kind="clarify", address=Address(you="bạn", me="mình", greet="bạn Hương", particle=""))
    assert reply_problems(cold.replace("tôi", "mình"), peer) == []
