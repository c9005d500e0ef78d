"""The LLM path's notes that reach a person (a reply not used, a flag dropped, the rules a reply
broke), said through the catalogue at display time under vi; kept in English in --json and in what
the model is sent back."""

from __future__ import annotations

import json

import pytest
from helpers import FIXTURES
from llm_servers import FakeServer, chat, verdict_json
from test_i18n import ANALYST_VI, english_sentences

from assist import i18n
from assist.address import Address
from assist.evidence import shown
from assist.reply_checks import ReplyRules, reply_problems

REQUEST = str(FIXTURES / "requests" / "01-momo-talent-partner.json")
LINKED = "Chào chị Hà,\n\nCảm ơn chị. Chị xem thêm ở https://example.com/jd nhé?\n\nMinh"
ANSWER = verdict_json("ask", reply=LINKED, summary="Cần hỏi thêm.",
                      flags=[{"id": "made_up_rule", "polarity": "red", "evidence": "x"},
                             {"id": "personalized_note", "polarity": "green", "evidence": "lời nhắn nêu lý do"}])


@pytest.fixture
def server():
    server = FakeServer().start()
    server.behaviour = lambda body: chat(ANSWER)
    yield server
    server.stop()


def _screen(run, server, *extra):
    return run("screen", REQUEST, "--config", ANALYST_VI, "--no-store", "--no-cache", "--format", "full",
               "--base-url", server.url, "--model", "m", *extra)


def test_the_llm_notes_are_vietnamese_under_vi(run, server):
    code, out, err = _screen(run, server, "--lang", "vi")
    assert code == 0, err
    notes = [line for line in (out + err).splitlines() if "llm" in line.lower()]
    assert len(notes) >= 2, out + err
    assert not english_sentences("\n".join(notes), ["made_up_rule", "https://example.com/jd", "LLM"]), notes
    assert "template reply" not in out and "dropped flag" not in out


def test_the_llm_notes_stay_english_under_en_and_in_json(run, server):
    code, out, err = _screen(run, server, "--lang", "en")
    assert "llm: dropped flag citing no criterion of the guidance: 'made_up_rule'" in out, out
    assert ("llm: its reply was not used (the reply contains a link ('https://example.com/jd'); a reply never passes on "
            "links or contact details), so the template reply is used") in out, out
    code, out, err = _screen(run, server, "--lang", "vi", "--json")
    warnings = json.loads(out.splitlines()[0])["warnings"]
    assert "llm: dropped flag citing no criterion of the guidance: 'made_up_rule'" in warnings, warnings


def test_the_model_is_sent_back_the_rules_in_english(run, server):
    _screen(run, server, "--lang", "vi")
    reask = server.requests[1]["messages"][-1]["content"]
    assert "the reply contains a link ('https://example.com/jd')" in reask


VI = Address(you="chị", me="em", greet="chị Hà", particle=" ạ")
PROBLEM_CASES = [  # (reply, rules): each makes reply_problems say one rule, as the model is told it
    ("Chào chị, em là bạn cũ của chị đây, nhớ em không? " * 12, ReplyRules(max_chars=100, language="vi")),
    ("Hi Ha,\n\nGreat to reconnect after the conference, how have you been lately since then?\n\nMinh",
     ReplyRules(max_chars=300, language="en")),
    ("Chào chị,\n\nEm gửi chị email minh@example.com nhé, chị xem giúp em?", ReplyRules(max_chars=300, language="vi")),
    ("Chào chị,\n\nEm cảm ơn chị đã kết nối với em.", ReplyRules(max_chars=300, language="vi", kind="clarify")),
    ("Chào [Name],\n\nEm cảm ơn chị đã kết nối, chị cho em hỏi mình biết nhau qua đâu?", ReplyRules(max_chars=300, language="vi")),
    ("Hi,\n\nThank you for connecting with me, could you tell me how we know each other?", ReplyRules(max_chars=300, language="vi")),
    ("Chào bạn,\n\nCảm ơn bạn đã kết nối, bạn cho mình hỏi mình biết nhau qua đâu?", ReplyRules(max_chars=300, language="vi", address=VI)),
    ("Chào anh,\n\nCảm ơn anh đã kết nối, anh cho em hỏi mình biết nhau qua đâu?", ReplyRules(max_chars=300, language="vi", address=VI)),
    ("Chào chị,\n\nEm thấy chị viết: phụ trách tuyển dụng khối Data Analytics tại MoMo, chị cho em hỏi?",
     ReplyRules(max_chars=300, language="vi", sender_texts=("phụ trách tuyển dụng khối Data Analytics tại MoMo",))),
]


@pytest.mark.parametrize("reply, rules", PROBLEM_CASES)
def test_each_rule_a_reply_breaks_reads_in_vietnamese_in_the_note(reply, rules):
    problems = reply_problems(reply, rules)
    assert problems, reply
    note = f"llm: its reply was not used ({problems[0]}), so the template reply is used"
    i18n.setup("vi")
    try:
        said = shown(note)
    finally:
        i18n.setup("en")
    assert said != note
    assert not english_sentences(said, ["minh@example.com", "[Name]", "MoMo", "Data", "Analytics"]), said


# -- an answer the model cannot get right: the error a person reads, the re-ask the model reads -----------

def test_the_re_ask_is_english_under_vi(run, server):
    server.enqueue(chat(verdict_json(verdict="maybe")))
    code, out, err = _screen(run, server, "--lang", "vi")
    assert code == 0, err
    reask = server.requests[1]["messages"][-1]["content"]
    assert "the JSON does not match the schema: verdict: Input should be 'accept', 'ask' or 'ignore' (got \"maybe\")" in reask
    assert "giá trị" not in reask and "nhận được" not in reask


def test_an_answer_still_invalid_is_one_vietnamese_error_line(run, server):
    server.behaviour = lambda body: chat("not json at all")
    code, out, err = _screen(run, server, "--lang", "vi")
    assert code == 1, err
    errors = [line for line in err.splitlines() if "req-01" in line]
    assert len(errors) == 1, err
    assert not english_sentences(errors[0], [REQUEST, "req-01", "'not json at all'", "Expecting value: line 1 column 1 (char 0)"]), errors
    code, out, err = _screen(run, server, "--lang", "en")
    assert "the model's answer is still invalid after 2 re-asks: the answer is not valid JSON" in err, err


def test_a_reply_the_model_cannot_write_is_a_vietnamese_note(run, server):
    server.behaviour = lambda body: chat(json.dumps({"text": LINKED}))
    code, out, err = run("draft-reply", REQUEST, "--config", ANALYST_VI, "--base-url", server.url,
                         "--model", "m", "--lang", "vi")
    notes = [line for line in (out + err).splitlines() if "LLM" in line or "llm" in line]
    assert notes, out + err
    assert not english_sentences("\n".join(notes), ["https://example.com/jd", "LLM"]), notes
    code, out, err = run("draft-reply", REQUEST, "--config", ANALYST_VI, "--base-url", server.url,
                         "--model", "m", "--lang", "en", "--no-cache")
    assert "the LLM reply failed (the model's reply cannot be used: the reply contains a link" in out + err, out + err


# -- a server that fails: the one line a person reads -----------------------------------------------------

def _config_without_retries(tmp_path):
    config = tmp_path / "analyst-vi.toml"
    text = open(ANALYST_VI, encoding="utf-8").read()
    config.write_text(text + "\n[llm]\nmax_retries = 0\n" if "[llm]" not in text else text, encoding="utf-8")
    return str(config)


@pytest.mark.parametrize("status", [401, 403, 404, 400])
def test_a_server_refusal_is_one_vietnamese_line(run, server, tmp_path, status):
    from llm_servers import error

    server.behaviour = lambda body: error(status, "nope")
    code, out, err = run("screen", REQUEST, "--config", _config_without_retries(tmp_path), "--no-store", "--no-cache",
                         "--base-url", server.url, "--model", "m", "--structured-output", "prompt", "--lang", "vi")
    lines = [line for line in err.splitlines() if "lỗi" in line or "error" in line]
    assert code == 1 and len(lines) == 1, err
    assert not english_sentences(lines[0], [server.url, "'m'", "nope", "OPENAI_API_KEY", "--model", "ASSIST_MODEL",
                                            "--base-url", "/v1", "[llm].model", REQUEST, "req-01"]), lines


def test_a_server_that_is_down_is_one_vietnamese_line(run, tmp_path):
    url = "http://127.0.0.1:9/v1"
    code, out, err = run("screen", REQUEST, "--config", _config_without_retries(tmp_path), "--no-store", "--no-cache",
                         "--base-url", url, "--model", "m", "--lang", "vi")
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 1 and len(lines) == 1, err
    assert not english_sentences(lines[0], [url, "--base-url", "[Errno 111] Connection refused"]), lines
    code, out, err = run("screen", REQUEST, "--config", _config_without_retries(tmp_path), "--no-store", "--no-cache",
                         "--base-url", url, "--model", "m", "--lang", "en")
    assert f"{url}: cannot connect: " in err and "(gave up after 1 attempt in " in err and "is the server running?" in err


@pytest.mark.parametrize("answer, english", [
    (lambda: chat("", refusal="I cannot help with that."), "the model refused to answer"),
    (lambda: chat(verdict_json(), finish_reason="content_filter"), "content filter withheld"),
    (lambda: chat('{"verdict": "ask", "confidence', finish_reason="length"), "cut off at the token limit"),
])
def test_a_refused_filtered_or_cut_answer_is_one_vietnamese_line(run, server, answer, english):
    server.behaviour = lambda body: answer()
    code, out, err = _screen(run, server, "--lang", "vi")
    lines = [line for line in err.splitlines() if "req-01" in line]
    assert code == 1 and len(lines) == 1, err
    assert english not in lines[0]
    assert not english_sentences(lines[0], [REQUEST, "req-01", "'I cannot help with that.'", "finish_reason=content_filter",
                                            "finish_reason=length"]), lines
    code, out, err = _screen(run, server, "--lang", "en")
    assert english in err, err
