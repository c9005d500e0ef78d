"""The openai backend at the HTTP level, against scripted servers on 127.0.0.1 (tests/llm_servers.py):
each structured-output mode, each failure, the cache, usage, guard rails and LLM replies."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from assist.backends import openai_backend
from llm_servers import (
    Answer, FakeServer, chat, error, free_port, llama_cpp_like, ollama_like, openai_like, verdict_json,
)

CONFIG = """\
[me]
name = "Sarah Chen"
headline = "Engineering Lead at Northwind Labs"
industry = "Software"
goals = ["Hire senior backend engineers"]
interests = ["distributed systems", "Python"]
language = "en"
signature = "Sarah"

[llm]
timeout = {timeout}
max_retries = {max_retries}
"""

GOOD = {"id": "req-a", "sender": {"name": "Alex Tran", "headline": "Backend engineer at Stripe", "company": "Stripe"},
        "note": "Hi Sarah, I enjoyed your talk on distributed systems at PyCon. Would love to connect."}
SCAM = {"id": "req-scam", "sender": {"name": "Sophia W"},
        "note": "Earn up to $5000 per week, no experience needed! Contact me on WhatsApp to start today."}


pytestmark = pytest.mark.usefixtures("fast_backoff")



@pytest.fixture
def files(tmp_path):
    def make(*requests: dict, timeout: float = 5, max_retries: int = 2) -> tuple[str, list[str]]:
        config = tmp_path / "assist.toml"
        config.write_text(CONFIG.format(timeout=timeout, max_retries=max_retries), encoding="utf-8")
        paths = []
        for index, request in enumerate(requests or (GOOD,)):
            path = tmp_path / f"request-{index}.json"
            path.write_text(json.dumps(request), encoding="utf-8")
            paths.append(str(path))
        return str(config), paths
    return make


def screen_args(server: FakeServer, config: str, paths: list[str], *extra: str) -> list[str]:
    return ["screen", *paths, "-c", config, "--json", "--backend", "openai", "--base-url", server.url,
            "--model", "test-model", *extra]


def results(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def one_line_error(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# -- structured-output modes ----------------------------------------------------------------------

def test_openai_like_server_gets_a_strict_json_schema(server, files, run):
    server.behaviour = openai_like()
    config, paths = files()
    code, out, err = run(*screen_args(server, config, paths))
    assert code == 0, err
    [result] = results(out)
    assert result["backend"] == "openai" and result["model"] == "test-model"
    assert result["prompt_version"] and result["usage"] == {"prompt_tokens": 100, "completion_tokens": 20, "cost_usd": None}
    assert result["verdict"] == "ask" and result["reply"]["text"].startswith("Hi Alex")
    [body] = server.requests
    fmt = body["response_format"]
    assert fmt["type"] == "json_schema" and fmt["json_schema"]["strict"] is True
    schema = fmt["json_schema"]["schema"]
    text = json.dumps(schema)
    assert "$ref" not in text and "$defs" not in text and '"default"' not in text
    assert schema["additionalProperties"] is False and set(schema["required"]) == set(schema["properties"])
    flag = schema["properties"]["flags"]["items"]
    assert flag["additionalProperties"] is False and set(flag["required"]) == {"id", "polarity", "evidence"}
    assert "prompt_injection" in flag["properties"]["id"]["enum"]
    assert body["max_tokens"] > 0 and body["model"] == "test-model"
    assert body["messages"][0]["role"] == "system" and "<sender_data>" in body["messages"][1]["content"]


def test_llama_cpp_like_server_falls_back_to_json_object_and_remembers_it(server, files, run, tmp_path):
    server.behaviour = llama_cpp_like()
    config, paths = files(GOOD, {**GOOD, "id": "req-b", "note": "Hello, let's connect."})
    code, out, err = run(*screen_args(server, config, paths))
    assert code == 0, err
    assert len(results(out)) == 2
    kinds = [(body.get("response_format") or {}).get("type") for body in server.requests]
    assert kinds == ["json_schema", "json_object", "json_object"]  # the 2nd request starts with what worked
    assert "schema" in server.requests[1]["response_format"]
    remembered = json.loads((tmp_path / "home" / "structured-output.json").read_text())
    assert remembered == {server.url: "json_object"}
    # The next run starts with json_object at once.
    server.requests.clear()
    code, out, err = run(*screen_args(server, config, paths[:1], "--no-cache"))
    assert code == 0 and [b["response_format"]["type"] for b in server.requests] == ["json_object"]


def test_ollama_like_server_answers_parsed_from_think_and_fences(server, files, run, tmp_path):
    server.behaviour = ollama_like()
    config, paths = files(GOOD, {**GOOD, "id": "req-b", "note": "Hello, let's connect."})
    code, out, err = run(*screen_args(server, config, paths))
    assert code == 0, err
    assert [r["verdict"] for r in results(out)] == ["ask", "ask"]
    # Ignoring response_format was noticed: the schema goes into the prompt from then on.
    assert "response_format" in server.requests[0]
    assert "response_format" not in server.requests[1]
    assert "JSON schema" in server.requests[1]["messages"][1]["content"]
    assert json.loads((tmp_path / "home" / "structured-output.json").read_text()) == {server.url: "prompt"}


def test_prompt_mode_describes_the_schema_and_sends_no_response_format(server, files, run):
    server.behaviour = ollama_like()
    config, paths = files()
    code, out, err = run(*screen_args(server, config, paths, "--structured-output", "prompt"))
    assert code == 0, err
    [body] = server.requests
    assert "response_format" not in body and '"verdict"' in body["messages"][1]["content"]


def test_explicit_mode_rejected_is_one_clear_line(server, files, run):
    server.behaviour = llama_cpp_like()
    config, paths = files()
    code, out, err = run(*screen_args(server, config, paths, "--structured-output", "json_schema"))
    assert code == 1
    line = one_line_error(err)
    assert "json_schema" in line and "--structured-output auto" in line


# -- transient failures -----------------------------------------------------------------------------

def test_500s_are_retried_and_the_sdk_does_not_retry_on_its_own(server, files, run):
    server.enqueue(error(500, "boom"), error(503, "overloaded"), chat(verdict_json()))
    config, paths = files(max_retries=2)
    code, out, err = run(*screen_args(server, config, paths, "--structured-output", "json_schema"))
    assert code == 0, err
    assert len(server.requests) == 3  # 1 + 2 retries, not multiplied by the SDK's own


def test_500s_past_the_retries_end_in_one_line(server, files, run):
    server.behaviour = lambda body: error(500, "boom")
    config, paths = files(max_retries=1)
    code, out, err = run(*screen_args(server, config, paths, "--structured-output", "json_schema"))
    assert code == 1 and out == ""
    line = one_line_error(err)
    assert "HTTP 500" in line and "gave up after 2 attempts" in line
    assert len(server.requests) == 2


def test_429_honours_retry_after(server, files, run):
    server.enqueue(error(429, "slow down", headers={"Retry-After": "1"}), chat(verdict_json()))
    config, paths = files()
    started = time.monotonic()
    code, out, err = run(*screen_args(server, config, paths))
    assert code == 0, err
    assert time.monotonic() - started >= 0.9
    assert len(server.requests) == 2


def test_429_with_a_long_retry_after_gives_up_at_once(server, files, run):
    server.behaviour = lambda body: error(429, "quota", headers={"Retry-After": "3600"})
    config, paths = files()
    code, out, err = run(*screen_args(server, config, paths))
    assert code == 1
    assert "wait 3600s" in one_line_error(err)
    assert len(server.requests) == 1


def test_timeouts_are_retried_then_succeed(server, files, run):
    server.enqueue(Answer(delay=1.5, body={}), chat(verdict_json()))
    config, paths = files(timeout=0.4, max_retries=2)
    code, out, err = run(*screen_args(server, config, paths))
    assert code == 0, err
    assert results(out)[0]["verdict"] == "ask"


def test_timeouts_past_the_retries_end_in_one_line(server, files, run):
    server.behaviour = lambda body: Answer(delay=1.0, body={})
    config, paths = files(timeout=0.3, max_retries=1)
    code, out, err = run(*screen_args(server, config, paths))
    assert code == 1
    assert "timeout" in one_line_error(err)


def test_reset_connection_is_retried(server, files, run):
    server.enqueue(Answer(drop=True), chat(verdict_json()))
    config, paths = files()
    code, out, err = run(*screen_args(server, config, paths))
    assert code == 0, err
    assert len(server.requests) == 2


def test_refused_connection_is_one_line(files, run):
    config, paths = files(max_retries=1)
    url = f"http://127.0.0.1:{free_port()}/v1"
    code, out, err = run("screen", *paths, "-c", config, "--backend", "openai", "--base-url", url, "--model", "m")
    assert code == 1
    line = one_line_error(err)
    assert "cannot connect" in line and "--base-url" in line


# -- answers that cannot be used ------------------------------------------------------------------

def test_malformed_json_is_reasked_with_the_error(server, files, run):
    server.enqueue(chat('{"verdict": "ask", "confidence": '), chat(verdict_json(verdict="maybe")), chat(verdict_json()))
    config, paths = files()
    code, out, err = run(*screen_args(server, config, paths, "--structured-output", "json_schema"))
    assert code == 0, err
    assert len(server.requests) == 3
    reask = server.requests[1]["messages"]
    assert reask[-2] == {"role": "assistant", "content": '{"verdict": "ask", "confidence": '}
    assert "not valid JSON" in reask[-1]["content"] and '"verdict"' in reask[-1]["content"]
    assert "verdict: Input should be" in server.requests[2]["messages"][-1]["content"]
    assert results(out)[0]["usage"]["prompt_tokens"] == 300  # all three calls counted


def test_still_invalid_after_two_reasks_carries_the_last_answer(server, files, run):
    server.behaviour = lambda body: chat("I think you should accept them!")
    config, paths = files()
    code, out, err = run(*screen_args(server, config, paths, "--structured-output", "json_schema"))
    assert code == 1
    line = one_line_error(err)
    assert "after 2 re-asks" in line and "I think you should accept them!" in line
    assert len(server.requests) == 3


@pytest.mark.parametrize("answer, words", [
    (chat(verdict_json()[:40], finish_reason="length"), "token limit"),
    (chat("", refusal="I can't help with that."), "refused"),
    (chat("", finish_reason="content_filter"), "content filter"),
])
def test_length_refusal_and_content_filter_are_their_own_errors(server, files, run, answer, words):
    server.enqueue(answer)
    config, paths = files()
    code, out, err = run(*screen_args(server, config, paths, "--structured-output", "json_schema"))
    assert code == 1
    assert words in one_line_error(err)
    assert len(server.requests) == 1  # not re-asked


@pytest.mark.parametrize("status, words", [
    (401, "OPENAI_API_KEY"), (403, "denied"), (404, "--model"), (400, "rejected the request"),
])
def test_client_errors_fail_at_once_naming_the_fix(server, files, run, status, words):
    server.behaviour = lambda body: error(status, "nope")
    config, paths = files()
    code, out, err = run(*screen_args(server, config, paths, "--structured-output", "prompt"))
    assert code == 1
    assert words in one_line_error(err)
    assert len(server.requests) == 1


# -- batches ----------------------------------------------------------------------------------------

def test_a_batch_goes_on_after_a_failure_and_lists_it(server, files, run):
    second = {**GOOD, "id": "req-bad", "note": "Hello there, connect?"}
    server.enqueue(chat(verdict_json()), chat("nonsense"), chat("nonsense"), chat("nonsense"), chat(verdict_json()))
    config, paths = files(GOOD, second, {**GOOD, "id": "req-c", "note": "Saw your post on Python."})
    # The script is consumed call by call, so the requests go one at a time.
    code, out, err = run(*screen_args(server, config, paths, "--structured-output", "json_schema", "--concurrency", "1"))
    assert code == 1
    assert [r["id"] for r in results(out)] == ["req-a", "req-c"]
    lines = [line for line in err.splitlines() if "LLM usage" not in line]
    assert lines[0].startswith("assist: error: req-bad") and lines[-1] == "assist: 1 request failed: req-bad"


def test_a_bad_key_stops_the_batch(server, files, run):
    server.behaviour = lambda body: error(401, "bad key")
    config, paths = files(GOOD, {**GOOD, "id": "req-b"})
    code, out, err = run(*screen_args(server, config, paths, "--structured-output", "prompt"))
    assert code == 1 and len(server.requests) == 1
    assert "OPENAI_API_KEY" in one_line_error(err)


def test_bad_input_in_a_batch_is_exit_2_even_with_llm_failures(server, files, run, tmp_path):
    server.behaviour = lambda body: chat("nonsense")
    config, paths = files()
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    code, out, err = run(*screen_args(server, config, [*paths, str(broken)], "--structured-output", "json_schema"))
    assert code == 2


# -- guard rails, flags, disagreement -----------------------------------------------------------------

def test_the_guard_caps_an_llm_accept_on_a_scam(server, files, run):
    server.behaviour = openai_like(lambda body: verdict_json("accept", flags=[]))
    config, paths = files(SCAM)
    code, out, err = run(*screen_args(server, config, paths))
    assert code == 0, err
    [result] = results(out)
    assert result["verdict"] == "ignore" and result["report"] is True
    assert any(w.startswith("guard: openai said accept") for w in result["warnings"])
    assert "scam_or_phishing" in {flag["id"] for flag in result["flags"]}


def test_disagreement_with_the_rules_is_a_warning_and_a_contradiction_is_asked(server, files, run):
    server.behaviour = openai_like(lambda body: verdict_json("ignore", flags=[
        {"id": "irrelevant", "polarity": "red", "evidence": "not relevant"}]))
    config, paths = files()
    code, out, err = run(*screen_args(server, config, paths))
    [result] = results(out)
    # The rules accept this sincere, relevant request; an LLM that ignores it contradicts them.
    assert any(w == "disagreement: openai (test-model) said ignore; the offline rules say accept" for w in result["warnings"])
    assert result["verdict"] == "ask" and result["reply"] is not None
    assert any(w == "guard: openai said ignore and the offline rules say accept: in doubt, ask" for w in result["warnings"])


def test_a_milder_disagreement_keeps_the_llm_verdict(server, files, run):
    server.behaviour = openai_like(lambda body: verdict_json("ask"))
    config, paths = files()
    code, out, err = run(*screen_args(server, config, paths))
    [result] = results(out)
    assert result["verdict"] == "ask"
    assert any(w.startswith("disagreement: openai (test-model) said ask") for w in result["warnings"])


def test_unknown_flag_ids_are_dropped_with_a_warning(server, files, run):
    server.behaviour = openai_like(lambda body: verdict_json("ask", flags=[
        {"id": "vibes", "polarity": "green", "evidence": "good vibes"},
        {"id": "Personalized Note", "polarity": "red", "evidence": "mentions the talk"}]))
    config, paths = files()
    code, out, err = run(*screen_args(server, config, paths))
    [result] = results(out)
    assert [(f["id"], f["polarity"]) for f in result["flags"]] == [("personalized_note", "green")]
    assert any("'vibes'" in w for w in result["warnings"])


# -- cache and usage ---------------------------------------------------------------------------------

def test_a_second_screen_resumes_from_the_store_without_a_call(server, files, run):
    server.behaviour = openai_like()
    config, paths = files()
    first = results(run(*screen_args(server, config, paths))[1])[0]
    second = results(run(*screen_args(server, config, paths))[1])[0]
    assert len(server.requests) == 1
    assert second["resumed"] is True and first["resumed"] is False
    assert {k: v for k, v in first.items() if k != "resumed"} == {k: v for k, v in second.items() if k != "resumed"}


def test_a_second_screen_is_served_from_the_cache(server, files, run):
    server.behaviour = openai_like()
    config, paths = files()
    first = results(run(*screen_args(server, config, paths, "--no-store"))[1])[0]
    code, out, err = run(*screen_args(server, config, paths, "--no-store"))
    second = results(out)[0]
    assert len(server.requests) == 1
    assert second["cached"] is True and second["usage"] == {"prompt_tokens": 0, "completion_tokens": 0, "cost_usd": 0.0}
    assert {k: v for k, v in first.items() if k not in ("cached", "usage")} == \
        {k: v for k, v in second.items() if k not in ("cached", "usage")}
    run(*screen_args(server, config, paths, "--no-cache", "--no-store"))
    assert len(server.requests) == 2
    # Another model is another cache entry.
    run(*[a if a != "test-model" else "other-model" for a in screen_args(server, config, paths, "--no-store")])
    assert len(server.requests) == 3


def test_usage_per_request_and_batch_in_text_mode(server, files, run):
    server.behaviour = openai_like()
    config, paths = files(GOOD, {**GOOD, "id": "req-b"})
    code, out, err = run("screen", *paths, "-c", config, "--backend", "openai", "--base-url", server.url, "--model", "m")
    assert code == 0, err
    assert "LLM usage: 200 prompt + 40 completion tokens, cost unknown" in out
    assert "by openai m" in out


def test_cost_is_estimated_for_known_openai_models():
    from assist.models import ScreenResult
    from assist.output import usage_line
    from assist.report import RunReport
    from assist.usage import make_usage, price_for

    assert price_for("gpt-4o-mini-2024-07-18") == price_for("gpt-4o-mini") != price_for("gpt-4o")
    assert price_for("llama-3-8b") is None
    usage = make_usage("gpt-4o-mini", 1_000_000, 1_000_000)
    assert usage.cost_usd == pytest.approx(0.75)
    assert make_usage("gpt-4o-mini", 10, 10, priced=False).cost_usd is None
    report = RunReport()
    verdict = dict(id="r", verdict="ask", confidence=0.5, summary="", flags=[], report=False, reply=None,
                   backend="openai", model="gpt-4o-mini")
    report.add(ScreenResult(**verdict, usage=usage))
    report.add(ScreenResult(**verdict, usage=make_usage("gpt-4o-mini", 0, 0), cached=True))
    assert usage_line(report) == "LLM usage: 1000000 prompt + 1000000 completion tokens, about $0.7500; 1 from the cache"


def test_openai_itself_needs_a_key(files, run):
    config, paths = files()
    code, out, err = run("screen", *paths, "-c", config, "--backend", "openai")
    assert code == 1 and "OPENAI_API_KEY" in one_line_error(err)


# -- replies ------------------------------------------------------------------------------------------

def test_an_overlong_reply_is_reasked_then_cut_at_a_sentence(server, files, run):
    long_reply = "Hi Alex, thanks for reaching out. How do we know each other? " + "I really liked hearing from you. " * 12 + "Sarah"
    server.behaviour = openai_like(lambda body: verdict_json("ask", reply=long_reply))
    config, paths = files()
    code, out, err = run(*screen_args(server, config, paths, "--max-chars", "120"))
    assert code == 0, err
    assert len(server.requests) == 3
    assert "at most 120" in server.requests[1]["messages"][-1]["content"]
    text = results(out)[0]["reply"]["text"]
    assert len(text) <= 120 and text.endswith(".")


def test_a_reply_claiming_to_know_the_sender_is_replaced_by_the_template(server, files, run):
    server.behaviour = openai_like(lambda body: verdict_json("ask", reply="Great to reconnect, Alex! As we discussed, let's talk. Sarah"))
    config, paths = files()
    code, out, err = run(*screen_args(server, config, paths))
    [result] = results(out)
    assert "reconnect" not in result["reply"]["text"] and result["reply"]["text"].count("?") == 1
    assert any("template reply" in w and "claims to know" in w for w in result["warnings"])


def test_draft_reply_uses_the_llm(server, files, run):
    server.behaviour = openai_like(lambda body: json.dumps({"text": "Hi Alex, thanks for reaching out and for the kind words about my PyCon talk! What prompted your request?\n\nSarah"}))
    config, paths = files()
    code, out, err = run("draft-reply", paths[0], "-c", config, "--json", "--kind", "clarify", "--base-url", server.url, "--model", "m")
    assert code == 0, err
    reply = json.loads(out)
    assert reply["backend"] == "openai" and reply["model"] == "m" and reply["kind"] == "clarify"
    assert reply["text"].startswith("Hi Alex") and reply["warnings"] == []
    system, user = server.requests[0]["messages"]
    assert "never claim" in system["content"].lower() and "<sender_data>" in user["content"]


def test_draft_reply_falls_back_to_the_template_when_the_llm_fails(server, files, run):
    server.behaviour = lambda body: error(500, "down")
    config, paths = files(max_retries=0)
    code, out, err = run("draft-reply", paths[0], "-c", config, "--base-url", server.url, "--model", "m")
    assert code == 0
    assert out.startswith("Hi Alex")
    assert "warning: the LLM reply failed" in one_line_error(err) and "template reply" in err


# -- selection and prompt show ------------------------------------------------------------------------

def test_the_environment_selects_the_backend_and_model(server, files, run, monkeypatch):
    server.behaviour = openai_like()
    config, paths = files()
    monkeypatch.setenv("OPENAI_BASE_URL", server.url)
    monkeypatch.setenv("ASSIST_MODEL", "env-model")
    code, out, err = run("screen", *paths, "-c", config, "--json")
    assert code == 0, err
    assert results(out)[0]["model"] == "env-model" and server.requests[0]["model"] == "env-model"
    monkeypatch.delenv("OPENAI_BASE_URL")
    code, out, err = run("screen", *paths, "-c", config, "--json")
    assert results(out)[0]["backend"] == "rules" and results(out)[0]["usage"] is None


def test_unknown_backend_or_mode_is_a_usage_error(files, run):
    config, paths = files()
    assert run("screen", *paths, "-c", config, "--backend", "gpt")[0] == 2
    assert run("screen", *paths, "-c", config, "--backend", "openai", "--base-url", "http://127.0.0.1:9/v1",
               "--structured-output", "xml")[0] == 2


def test_prompt_show_prints_what_would_be_sent(files, run):
    config, paths = files()
    code, out, err = run("prompt", "show", paths[0], "-c", config, "--json", "--structured-output", "json_object")
    shown = json.loads(out)
    assert shown["response_format"]["type"] == "json_object" and shown["prompt_version"]
    assert [m["role"] for m in shown["messages"]] == ["system", "user"]
    code, out, err = run("prompt", "show", paths[0], "-c", config, "--structured-output", "prompt")
    assert "--- user ---" in out and "JSON schema" in out and "response_format" not in out


# -- an LLM reply held to the reply rules (reply_checks.py): re-asked, then the template ----------------

def test_a_reply_passing_on_a_link_is_reasked_then_replaced_by_the_template(server, files, run):
    server.behaviour = openai_like(lambda body: json.dumps(
        {"text": "Hi Alex, thanks! Book a call at https://cal.example.com/alex - how do we know each other?\n\nSarah"}))
    config, paths = files()
    code, out, err = run("draft-reply", paths[0], "-c", config, "--json", "--kind", "clarify", "--base-url", server.url, "--model", "m")
    assert code == 0, err
    reply = json.loads(out)
    assert "https://" not in reply["text"] and "?" in reply["text"]
    assert len(server.requests) == 3  # the first answer, then two re-asks, each told what was wrong
    assert "contains a link" in server.requests[1]["messages"][-1]["content"]
    assert any("template reply" in warning and "link" in warning for warning in reply["warnings"])


def test_a_reply_that_drops_its_question_is_reasked_and_the_corrected_one_kept(server, files, run):
    answers = iter([
        {"text": "Hi Alex, thanks for the kind words about my PyCon talk!\n\nSarah"},
        {"text": "Hi Alex, thanks for the kind words about my PyCon talk! What would you like to talk about?\n\nSarah"},
    ])
    server.behaviour = openai_like(lambda body: json.dumps(next(answers)))
    config, paths = files()
    code, out, err = run("draft-reply", paths[0], "-c", config, "--json", "--kind", "acknowledge", "--base-url", server.url, "--model", "m")
    assert code == 0, err
    reply = json.loads(out)
    assert reply["kind"] == "acknowledge" and reply["text"].endswith("talk about?\n\nSarah") and reply["warnings"] == []
    assert "must ask its question" in server.requests[1]["messages"][-1]["content"]


def test_the_reply_prompt_states_the_situation_and_the_rules(server, files, run):
    server.behaviour = openai_like(lambda body: json.dumps({"text": "Hi Alex, thanks! I only help people I've worked with.\n\nSarah"}))
    favour = {"id": "req-f", "sender": {"name": "Alex Tran", "headline": "Backend engineer"},
              "note": "Hi Sarah, could you refer me for the senior backend role at Northwind and sponsor my visa?"}
    config, paths = files(favour)
    code, out, err = run("draft-reply", paths[0], "-c", config, "--json", "--base-url", server.url, "--model", "m")
    assert code == 0, err
    assert json.loads(out)["kind"] == "decline"
    user = server.requests[0]["messages"][-1]["content"]
    assert "Write a `decline` reply" in user and "favour" in user
    assert "No link, email address, phone number or @handle" in user


# -- secrets (issue 13) -------------------------------------------------------------------------------

KEY = "sk-proj-Zq8vW3nLx5Tq2Rk7Yp4Hs9Jd6Fb1"


def test_a_401_that_echoes_the_key_does_not_print_it(server, files, run, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    server.enqueue(error(401, f"Incorrect API key provided: {KEY}. Also tried {KEY[:18]}..."))
    config, paths = files()
    code, out, err = run(*screen_args(server, config, paths))
    assert code == 1
    line = one_line_error(err)
    assert "HTTP 401" in line and "OPENAI_API_KEY" in line
    assert KEY[8:20] not in err and KEY[-10:] not in err  # neither the whole key nor a long part of it
    assert server.headers[0]["Authorization"] == f"Bearer {KEY}"  # it was sent, only not printed


def test_a_server_error_or_answer_that_echoes_the_key_does_not_print_it(server, files, run, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    server.behaviour = lambda body: error(503, f"overloaded; your key {KEY} is fine")
    config, paths = files(max_retries=1)
    code, out, err = run(*screen_args(server, config, paths))
    assert code == 1 and "HTTP 503" in one_line_error(err) and KEY[8:20] not in err
    server.behaviour = openai_like(lambda body: verdict_json(summary=f"Your key is {KEY}", verdict="ignore"))
    code, out, err = run(*screen_args(server, config, paths, "--no-cache"))
    assert code == 0, err
    assert KEY[8:20] not in out and KEY[8:20] not in err
    assert not any(KEY[8:20] in path.read_text(errors="replace") for path in (Path(config).parent / "home").rglob("*") if path.is_file())


def test_a_key_put_in_api_key_env_is_not_printed_back(files, run, tmp_path):
    config, paths = files()
    Path(config).write_text(Path(config).read_text() + f'api_key_env = "{KEY}"\n', encoding="utf-8")
    code, out, err = run("screen", *paths, "-c", config, "--backend", "openai", "--model", "m")
    line = one_line_error(err)
    assert code == 2 and KEY[8:20] not in err
    assert "api_key_env" in line and "name of an environment variable" in line


def test_credentials_in_the_base_url_are_neither_stored_nor_printed(server, files, run, tmp_path):
    server.behaviour = ollama_like()  # the mode learnt is remembered for the URL
    config, paths = files()
    url = server.url.replace("http://", "http://alice:hunter2secret@")
    code, out, err = run("screen", *paths, "-c", config, "--json", "--backend", "openai", "--base-url", url, "--model", "m")
    assert code == 0, err
    remembered = json.loads((tmp_path / "home" / "structured-output.json").read_text())
    assert remembered == {server.url: "prompt"}
    assert not any("hunter2" in p.read_text(errors="replace") for p in (tmp_path / "home").rglob("*") if p.is_file())
    down = f"http://alice:hunter2secret@127.0.0.1:{free_port()}/v1"
    config, paths = files({**GOOD, "id": "req-other", "note": "Hello there."}, max_retries=1)
    code, out, err = run("screen", *paths, "-c", config, "--backend", "openai", "--base-url", down, "--model", "m")
    assert code == 1 and "cannot connect" in one_line_error(err) and "hunter2" not in err and "alice" not in err


# -- timeouts bound a whole call (issue 13) ---------------------------------------------------------

@pytest.mark.parametrize("part", ["body", "head"])
def test_a_server_that_trickles_its_answer_fails_after_the_timeout(part, server, files, run):
    # A byte every 0.2 s: every read succeeds, so only a deadline on the whole call ends it.
    server.behaviour = lambda body: Answer(body=chat(verdict_json()).body, trickle=part, trickle_every=0.2)
    config, paths = files(timeout=1, max_retries=1)
    started = time.monotonic()
    code, out, err = run(*screen_args(server, config, paths, "--structured-output", "json_schema"))
    elapsed = time.monotonic() - started
    assert code == 1
    line = one_line_error(err)
    assert "timeout" in line and "within 1s" in line and "is the server running" not in line
    assert len(server.requests) == 2  # the first call and its one retry
    assert elapsed < 4.0  # two calls of 1 s each and a short backoff, not minutes


# -- answers bounded (issue 13) ---------------------------------------------------------------------

def test_an_answer_larger_than_a_megabyte_is_not_read_whole_and_is_reasked(server, files, run):
    server.enqueue(chat(verdict_json(summary="x" * 3_000_000)), chat(verdict_json()))
    config, paths = files()
    code, out, err = run(*screen_args(server, config, paths, "--structured-output", "json_schema"))
    assert code == 0, err
    assert len(server.requests) == 2 and "larger than" in server.requests[1]["messages"][-1]["content"]
    assert results(out)[0]["summary"] == "LLM says ask."


def test_an_oversized_summary_fails_after_the_reasks_and_is_stored_nowhere(server, files, run, tmp_path):
    server.behaviour = openai_like(lambda body: verdict_json(summary="Fine. " + "y" * 50_000))
    config, paths = files()
    code, out, err = run(*screen_args(server, config, paths, "--structured-output", "json_schema"))
    assert code == 1 and out == ""
    line = one_line_error(err)
    assert "invalid" in line and len(line) < 1000
    assert len(server.requests) == 3  # asked, then re-asked twice
    assert "yyyyyyyyyy" * 100 not in "".join(p.read_text(errors="replace") for p in (tmp_path / "home").rglob("*")
                                          if p.is_file())


def test_each_field_is_bounded_by_its_schema_length(server, files, run):
    # A little over the schema's 300 characters is a model that cannot count: kept. Far over: re-asked.
    server.enqueue(chat(verdict_json(summary="z" * 2000)), chat(verdict_json(summary="Fine. " + "w" * 320)))
    config, paths = files()
    code, out, err = run(*screen_args(server, config, paths, "--structured-output", "json_schema"))
    assert code == 0, err
    reask = server.requests[1]["messages"][-1]["content"]
    assert "summary" in reask and "at most 300" in reask
    assert results(out)[0]["summary"].startswith("Fine. www")
    server.requests.clear()
    server.enqueue(chat(verdict_json(flags=[{"id": "q" * 5000, "polarity": "red", "evidence": "e"}])), chat(verdict_json()))
    config, paths = files({**GOOD, "id": "req-flags", "note": "Hello, happy to connect."})
    code, out, err = run(*screen_args(server, config, paths, "--structured-output", "json_schema"))
    assert code == 0, err
    assert len(server.requests) == 2 and "q" * 1000 not in out + err


# -- auto structured output settles only on a complete answer (issue 13) -----------------------------

def test_a_cut_off_answer_does_not_make_auto_give_up_the_grammar(server, files, run, tmp_path):
    # llama-cpp-python with a tiny model: json_schema is rejected, and the first grammar-constrained
    # answer is cut at the token limit. That says nothing about response_format being ignored.
    cut = {"done": False}

    def answer(body):
        kind = (body.get("response_format") or {}).get("type")
        if kind == "json_schema":
            return error(500, "Input should be 'text' or 'json_object' (response_format)")
        if kind == "json_object" and not cut["done"]:
            cut["done"] = True
            return chat('{"verdict": "ask", "confidence": 0.6, "summary": "The sender', finish_reason="length")
        return chat(verdict_json() if kind == "json_object" else "I would accept them.")
    server.behaviour = answer
    requests = [{**GOOD, "id": f"req-{n}", "note": f"Hello, let's connect ({n})."} for n in range(3)]
    config, paths = files(*requests)
    code, out, err = run(*screen_args(server, config, paths, "--concurrency", "1"))
    assert [r["id"] for r in results(out)] == ["req-1", "req-2"]  # only the cut one failed
    assert "cut off" in err
    kinds = [(b.get("response_format") or {}).get("type") for b in server.requests]
    assert kinds == ["json_schema", "json_object", "json_object", "json_object"]  # json_schema not tried twice
    assert json.loads((tmp_path / "home" / "structured-output.json").read_text()) == {server.url: "json_object"}


def test_a_refused_answer_does_not_settle_the_mode(server, files, run, tmp_path):
    server.enqueue(chat("", refusal="I can't help with that."))
    server.behaviour = openai_like()
    config, paths = files(GOOD, {**GOOD, "id": "req-b", "note": "Hello, let's connect."})
    code, out, err = run(*screen_args(server, config, paths, "--concurrency", "1"))
    assert "refused" in err and [r["id"] for r in results(out)] == ["req-b"]
    assert all(b["response_format"]["type"] == "json_schema" for b in server.requests)
    assert json.loads((tmp_path / "home" / "structured-output.json").read_text()) == {server.url: "json_schema"}


def test_a_remembered_mode_that_keeps_failing_is_tried_again_from_the_top_once(server, files, run, tmp_path):
    (tmp_path / "home").mkdir(exist_ok=True)
    (tmp_path / "home" / "structured-output.json").write_text(json.dumps({server.url: "prompt"}))
    server.behaviour = llama_cpp_like(lambda body: verdict_json() if body.get("response_format") else "I would accept them.")
    config, paths = files(GOOD, {**GOOD, "id": "req-b", "note": "Hello, let's connect."})
    code, out, err = run(*screen_args(server, config, paths, "--concurrency", "1"))
    assert code == 0, err
    kinds = [(b.get("response_format") or {}).get("type") for b in server.requests]
    assert kinds == [None, None, None, "json_schema", "json_object", "json_object"]
    assert json.loads((tmp_path / "home" / "structured-output.json").read_text()) == {server.url: "json_object"}
