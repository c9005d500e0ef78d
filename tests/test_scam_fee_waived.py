"""A fee that the note itself says is waived, free or covered is no fee asked of the reader: an
organiser who invites a speaker and waives the participation fee is honest. A fee asked of the
reader stays a sign. Sentences are my own, in several languages."""

from __future__ import annotations

import pytest

from helpers import request, screen, user


def red(note: str) -> set[str]:
    result = screen(request(note, name="Anna Lee", headline="Program chair, PyData Singapore"), user())
    return {flag.id for flag in result.flags if flag.polarity == "red"} | ({"report"} if result.report else set())


@pytest.mark.parametrize("note", [
    "Hi Sarah, we would love you as a keynote speaker in March. The participation fee is waived for speakers, and we cover travel.",
    "Hi Sarah, you are invited to speak at our summit; the registration fee is covered by us for all speakers.",
    "Chào chị, BTC mời chị làm diễn giả; phí tham gia được miễn cho diễn giả ạ.",
    "Hola Sarah, te invitamos como ponente; la cuota de participación es gratuita para los ponentes.",
    "Bonjour Sarah, vous êtes invitée comme intervenante ; les frais de participation sont offerts aux intervenants.",
])
def test_a_fee_the_note_waives_is_no_sign(note):
    assert not red(note) & {"scam_or_phishing", "unclear_intent", "report"}, note


@pytest.mark.parametrize("note", [
    "Hi Sarah, you were selected as a keynote speaker. A participation fee of 1,450 EUR secures the slot.",
    "Chào chị, chị được đề cử giải thưởng; vui lòng đóng phí tham gia 5 triệu để giữ suất.",
])
def test_a_fee_asked_of_the_reader_is_still_a_sign(note):
    assert red(note) & {"scam_or_phishing", "unclear_intent"}, note


# -- a windfall is one offered to the reader, not a word for one ---------------------------------------

@pytest.mark.parametrize("note", [
    "Hi Sarah, I study phishing at a wallet company; lately lots of fake airdrop sites trick people into signing approvals.",
    "您好，我在做链上安全研究，最近很多假空投网站诱导用户签名，想和你交流。",
    "はじめまして。偽のエアドロップサイトによる詐欺を研究しています。",
])
def test_speaking_of_airdrops_is_no_windfall_offered(note):
    assert not red(note) & {"scam_or_phishing", "unclear_intent", "report"}, note


@pytest.mark.parametrize("note", [
    "Hi Sarah, you are eligible: claim your airdrop of 2,000 tokens before Friday.",
    "您好，恭喜！请尽快领取空投，名额有限。",
])
def test_an_airdrop_offered_to_the_reader_is_a_sign(note):
    assert red(note) & {"scam_or_phishing", "unclear_intent"}, note
