"""Issue 11, reply language: the note's language when a reply template exists for it, else the
user's own language; `[me] reply_language` and `--language` choose one outright."""

from __future__ import annotations

import pytest

from assist.config import Me, UserConfig
from assist.draft import draft_reply, reply_language
from assist.language import note_language
from helpers import request, run, json_lines, FIXTURES

NOTES = [
    ("Hi Sarah, loved your talk on Kafka at the meetup!", "en"),
    ("Chào anh, em là sinh viên năm cuối ngành tài chính", "vi"),
    ("Chao anh, em la sinh vien nam cuoi, mong duoc ket noi voi anh", "vi"),
    ("Hola, me encantaría conectar contigo y aprender de tu experiencia", "es"),
    ("Bonjour, ravi de vous avoir croisé au salon VivaTech la semaine dernière", "fr"),
    ("Hallo, ich würde mich gerne mit Ihnen vernetzen und austauschen", "de"),
    ("Olá, gostaria de me conectar com você para trocar ideias", "pt"),
    ("Halo kak, saya tertarik dengan posisi data engineer di tim Anda", "id"),
    ("你好，很高兴在大会上认识你，希望以后多交流", "zh"),
    ("はじめまして、先日のイベントでお話しした田中です", "ja"),
    ("Привет, давай обменяемся опытом по платёжным системам", "ru"),
]


@pytest.mark.parametrize(("note", "language"), NOTES)
def test_the_notes_language_is_told(note, language):
    assert note_language(note) == language


def test_a_greeting_too_short_to_tell_is_not_guessed():
    assert note_language("Hi") in ("en", None)
    assert note_language(None) is None
    # Short, and no English word in it: never called English for want of a better guess.
    assert note_language("Hallo Klaus") != "en"
    assert note_language("Ciao Marco") != "en"


@pytest.mark.parametrize(("note", "language"), [
    ("Salam kenal, Bu Lina.", "id"),
    ("Hola, encantada.", "es"),
    ("Olá, tudo bem?", "pt"),
])
def test_a_short_greeting_in_a_language_of_its_own_is_told_when_the_model_leans_to_it(note, language):
    assert note_language(note) == language


def me(**fields) -> UserConfig:
    return UserConfig(me=Me(name="Minh", **fields))


@pytest.mark.parametrize(("note", "language"), [(n, l) for n, l in NOTES if l in ("en", "vi", "es", "fr", "de", "pt", "id", "zh")])
def test_auto_answers_in_the_notes_language_where_a_template_exists(note, language):
    assert reply_language(me(language="vi"), request(note)) == language


def test_a_note_in_a_language_without_templates_gets_the_users_own():
    assert reply_language(me(language="vi"), request("はじめまして、先日のイベントでお話しした田中です")) == "vi"
    assert reply_language(me(), request("Привет, давай обменяемся опытом по платёжным системам")) == "en"


def test_reply_language_in_the_config_is_obeyed():
    assert reply_language(me(language="en", reply_language="vi"), request("Hello there, great talk")) == "vi"


@pytest.mark.parametrize("language", ["es", "fr", "de", "pt", "id", "zh"])
@pytest.mark.parametrize("kind", ["clarify", "decline", "welcome"])
def test_every_reply_language_has_every_kind_within_any_limit(language, kind):
    config = me(reply_language=language, signature="Minh")
    for limit in (60, 120, 300):
        text = draft_reply(request("Hello", name="Ana García"), config, kind, max_chars=limit).text
        assert 0 < len(text) <= limit and "…" not in text, (language, kind, limit, text)
        if kind == "clarify":
            assert "?" in text or "？" in text, text


def test_draft_reply_language_option(capsys):
    code, out, err = run(capsys, "draft-reply", "--json", "--language", "es", "-c",
                         str(FIXTURES / "configs" / "eng-lead-en.toml"), str(FIXTURES / "requests" / "10-backend-job-seeker.json"))
    assert code == 0, err
    [reply] = json_lines(out)
    assert reply["language"] == "es" and reply["text"].startswith("Hola")


def test_screen_language_option(capsys):
    code, out, err = run(capsys, "screen", "--json", "--no-store", "--language", "de", "-c",
                         str(FIXTURES / "configs" / "analyst-vi.toml"), str(FIXTURES / "requests" / "29-vague-payments-founder.json"))
    assert code == 0, err
    [result] = json_lines(out)
    assert result["reply"]["language"] == "de" and result["reply"]["text"].startswith("Hallo")
