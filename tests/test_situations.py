"""Replies chosen by situation (issue 11): clarify, acknowledge, decline (a favour, a sale, a
stranger), welcome, or nothing at all; every template in every language and under every limit."""

from __future__ import annotations

import json

import pytest

from assist.draft import draft_reply
from assist.guidance import load_guidance
from assist.models import Flag
from assist.signals import Signal, Signals, extract_signals
from assist.situation import Situation, choose_situation
from assist.vocabulary import LANGUAGES
from helpers import FIXTURES, analyst, request, run, screen, user

GUIDANCE = load_guidance()


def signals_with(*flag_ids: str, pitch: str | None = None, claim_only: bool = False) -> Signals:
    signals = Signals(pitch=pitch, claim_only=claim_only)
    for flag_id in flag_ids:
        criterion = GUIDANCE.criterion(flag_id)
        signals.signals.append(Signal(Flag(id=flag_id, polarity=criterion.polarity, evidence="e"), 1.0))
    return signals


@pytest.mark.parametrize("verdict, flags, pitch, claim_only, expected", [
    ("ignore", ["scam_or_phishing"], None, False, None),
    ("ignore", ["prompt_injection"], None, False, None),
    ("ask", ["sales_pitch"], "favour", False, Situation("decline", reason="favour")),
    ("ignore", ["sales_pitch"], "offer", False, Situation("decline", reason="selling")),
    ("ask", ["sales_pitch"], "offer", False, Situation("decline", reason="selling")),
    # A seller's profile with a note that says nothing: the question may show it is no sale.
    ("ask", ["sales_pitch", "no_note"], "role", False, Situation("clarify")),
    ("ignore", ["sales_pitch", "generic_note"], "role", False, Situation("clarify")),
    ("accept", ["known_relationship", "personalized_note"], None, False, Situation("welcome")),
    # An honest stranger from another field: should the user answer at all, a question, not a no.
    ("ignore", ["irrelevant", "generic_note"], None, False, Situation("clarify")),
    ("ignore", ["irrelevant", "personalized_note"], None, False, Situation("acknowledge", missing="purpose")),
    ("ask", ["personalized_note"], None, False, Situation("acknowledge", missing="purpose")),
    ("ask", ["personalized_note", "known_relationship"], None, True, Situation("acknowledge", missing="relationship")),
    ("ask", ["personalized_note", "unclear_intent"], None, False, Situation("clarify")),
    ("ask", ["generic_note"], None, False, Situation("clarify")),
    ("ask", ["no_note"], None, False, Situation("clarify")),
])
def test_the_situation_is_read_from_the_verdict_and_the_signals(verdict, flags, pitch, claim_only, expected):
    assert choose_situation(verdict, signals_with(*flags, pitch=pitch, claim_only=claim_only), GUIDANCE) == expected


def test_a_report_gets_no_reply_whatever_the_flags():
    assert choose_situation("ignore", signals_with("generic_note"), GUIDANCE, report=True) is None


ENG_LEAD = str(FIXTURES / "configs" / "eng-lead-en.toml")


def test_a_note_that_says_why_is_thanked_for_it_not_asked_why():
    config = user(signature="Sarah", interests=["Kubernetes networking", "Cilium"], goals=["Meet platform engineers"])
    req = request("Hi Sarah, I enjoyed your post on migrating to Cilium and would love to compare notes on eBPF "
                  "observability sometime.", name="Tomás Ruiz", headline="Platform engineer at Mercado Pago")
    result = screen(req, config)
    if result.verdict == "ask":
        assert result.reply.kind == "acknowledge"
        assert "what prompted" not in result.reply.text and "how we know each other" not in result.reply.text
    signals = extract_signals(req, config)
    text = draft_reply(req, config, "acknowledge", signals).text
    assert "Cilium" in text and "?" in text and "how we know each other" not in text


def test_a_referral_and_visa_request_gets_a_gentle_decline_not_how_do_we_know_each_other():
    config = user(signature="Sarah")
    req = request("Hi, I'm applying to a backend role at your company. Could you refer me and would your team sponsor "
                  "my visa? I'd be grateful.", name="Arjun Mehta", headline="Backend engineer")
    signals = extract_signals(req, config)
    assert signals.pitch == "favour"
    situation = choose_situation("ask", signals, GUIDANCE)
    assert situation == Situation("decline", reason="favour")
    text = draft_reply(req, config, situation, signals).text
    assert "people I have worked with" in text and "how we know" not in text and "?" not in text


def test_a_sale_gets_a_decline_that_says_not_now():
    config = user(signature="Sarah")
    req = request("Hi Sarah, we place senior Python developers from Vietnam at USD 25/hour. Can I send you a few "
                  "profiles this week?", name="Kevin Tran", headline="Business Development Manager at DevStaff Asia")
    signals = extract_signals(req, config)
    situation = choose_situation("ignore", signals, GUIDANCE)
    assert situation == Situation("decline", reason="selling")
    assert "not looking" in draft_reply(req, config, situation, signals).text


def test_the_vietnamese_decline_of_a_favour_keeps_the_pair():
    config = analyst()
    req = request("Chào anh, em đang ứng tuyển vị trí Data Analyst ở VNPay, anh giới thiệu giúp em được không ạ?",
                  name="Lê Minh Huy")
    signals = extract_signals(req, config)
    text = draft_reply(req, config, choose_situation("ask", signals, GUIDANCE), signals).text
    assert text.startswith("Chào em Huy") and "Anh chỉ" in text and "bạn" not in text


SITUATIONS = [Situation("clarify"), Situation("acknowledge", missing="purpose"),
              Situation("acknowledge", missing="relationship"), Situation("decline"),
              Situation("decline", reason="favour"), Situation("decline", reason="selling"), Situation("welcome")]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("situation", SITUATIONS, ids=lambda s: f"{s.kind}-{s.reason or s.missing or ''}")
def test_every_situation_in_every_language_fits_every_limit_whole(language, situation):
    config = user(reply_language=language, signature="Sarah Chen, Engineering Lead")
    req = request("Hello", name="Ana García")
    texts = set()
    for limit in (60, 80, 120, 200, 300):
        text = draft_reply(req, config, situation, max_chars=limit).text
        texts.add(text)
        assert 0 < len(text) <= limit and "…" not in text, (limit, text)
        if situation.kind in ("clarify", "acknowledge"):
            assert "?" in text or "？" in text, (limit, text)  # the question always survives
        assert "{" not in text and "None" not in text, text
    assert len(texts) >= 2 or max(map(len, texts)) <= 60  # shorter forms exist, chosen whole


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_situations_say_different_things(language):
    config = user(reply_language=language)
    req = request("Hello", name="Ana García")
    texts = [draft_reply(req, config, situation).text for situation in SITUATIONS]
    assert len(set(texts)) == len(texts)


def test_draft_reply_without_kind_declines_a_favour_and_by_id_lands_in_the_review_queue(capsys, tmp_path):
    config = tmp_path / "me.toml"
    config.write_text((FIXTURES / "configs" / "analyst-vi.toml").read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "assist.db"
    favour = FIXTURES / "requests" / "36-referral-favour-vi.json"
    code, out, err = run(capsys, "screen", "--json", "-c", str(config), "--db", str(db), str(favour))
    assert code == 0, err
    code, out, err = run(capsys, "draft-reply", "--json", "-c", str(config), "--db", str(db), "req-36")
    assert code == 0, err
    reply = json.loads(out)
    assert reply["kind"] == "decline" and reply["stored"] is True
    code, out, err = run(capsys, "review", "list", "--json", "--db", str(db))
    assert code == 0, err
    [listed] = [json.loads(line) for line in out.splitlines() if json.loads(line)["id"] == "req-36"]
    assert listed["kind"] == "decline" and listed["text"] == reply["text"] and listed["status"] == "pending"


@pytest.mark.parametrize("note", [
    "Hi Sarah, we met at the Kubernetes meetup - ping me at @sam_k8s on Telegram!",
    "Hi Sarah, we met at the Data Summit, my number is +65 9123 4567, would love to connect.",
    "Hi Sarah, loved your post on Postgres tuning, write to sam.lee@example.com anytime.",
])
def test_a_template_reply_never_passes_on_the_senders_contact_details(note):
    config = user(signature="Sarah", interests=["Postgres", "Kubernetes"])
    req = request(note, name="Sam Lee")
    signals = extract_signals(req, config)
    for situation in SITUATIONS:
        text = draft_reply(req, config, situation, signals).text
        assert "@" not in text and "9123" not in text and "telegram" not in text.lower(), text


def test_deciding_to_accept_a_scam_offers_no_welcome(capsys, tmp_path):
    db = tmp_path / "assist.db"
    config = str(FIXTURES / "configs" / "analyst-vi.toml")
    scam = FIXTURES / "requests" / "16-crypto-guaranteed-returns.json"
    assert run(capsys, "screen", "--json", "-c", config, "--db", str(db), str(scam))[0] == 0
    code, out, err = run(capsys, "decide", "req-16", "accept", "-c", config, "--lang", "en", "--db", str(db))
    assert code == 0, err
    assert "no draft is offered" in err
    code, out, err = run(capsys, "review", "list", "--json", "--db", str(db))
    assert all(json.loads(line)["id"] != "req-16" for line in out.splitlines() if line.strip())


def test_deciding_to_ask_offers_the_question_the_situation_calls_for(capsys, tmp_path):
    db = tmp_path / "assist.db"
    config = str(FIXTURES / "configs" / "eng-lead-en.toml")
    seeker = FIXTURES / "requests" / "10-backend-job-seeker.json"  # accepted: no draft on screening
    assert run(capsys, "screen", "--json", "-c", config, "--db", str(db), str(seeker))[0] == 0
    code, out, err = run(capsys, "decide", "req-10", "ask", "-c", config, "--lang", "en", "--db", str(db))
    assert code == 0, err
    code, out, err = run(capsys, "review", "list", "--json", "--db", str(db))
    [listed] = [json.loads(line) for line in out.splitlines() if json.loads(line)["id"] == "req-10"]
    assert listed["kind"] in ("clarify", "acknowledge") and "?" in listed["text"]
