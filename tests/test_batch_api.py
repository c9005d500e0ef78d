"""`assist batch submit|status|collect` end to end against a fake of the Batch API on 127.0.0.1
(tests/batch_server.py): the JSONL sent, the state kept, validation and the guard on collect, the
store, failures listed and exit 1, and collecting twice recording nothing twice."""

from __future__ import annotations

import json
import sqlite3

import pytest

from batch_server import BatchServer
from llm_servers import chat, error, verdict_json

CONFIG = """\
[me]
name = "Sarah Chen"
headline = "Engineering Lead at Northwind Labs"
goals = ["Hire senior backend engineers"]
language = "en"
signature = "Sarah"
"""

GOOD = {"id": "req-a", "sender": {"name": "Alex Tran", "headline": "Backend engineer at Stripe", "company": "Stripe"},
        "note": "Hi Sarah, I enjoyed your talk on distributed systems at PyCon. Would love to connect."}
SCAM = {"id": "req-scam", "sender": {"name": "Sophia W"},
        "note": "Earn up to $5000 per week, no experience needed! Contact me on WhatsApp at +84 912 345 678."}



@pytest.fixture
def server():
    fake = BatchServer().start()
    yield fake
    fake.stop()


def inbox(tmp_path, *requests: dict) -> tuple[str, str]:
    config = tmp_path / "assist.toml"
    config.write_text(CONFIG, encoding="utf-8")
    path = tmp_path / "inbox.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in requests), encoding="utf-8")
    return str(config), str(path)


def verdict_rows(tmp_path) -> dict[str, int]:
    with sqlite3.connect(tmp_path / "home" / "assist.db") as db:
        return dict(db.execute("SELECT request_id, COUNT(*) FROM verdicts GROUP BY request_id").fetchall())


def test_submit_status_collect_end_to_end(server, tmp_path, run):
    # The scam answer claims "accept": the guard must cap it. req-bad's answer is not valid JSON.
    def behaviour(body):
        text = json.dumps(body["messages"])
        if "Sophia" in text:
            return chat(verdict_json("accept", flags=[]))
        if "Jordan" in text:
            return chat("I think you should accept them!")
        return chat(verdict_json())
    server.behaviour = behaviour
    bad = {"id": "req-bad", "sender": {"name": "Jordan Lee", "headline": "Designer"}, "note": "Hello, connect?"}
    failing = {"id": "req-500", "sender": {"name": "Kim Ng", "headline": "Analyst"}, "note": "Hi there."}
    lost = {"id": "req-lost", "sender": {"name": "Lan Vo", "headline": "Engineer"}, "note": "Hello from Hanoi."}
    server.fail.add("req-500")
    server.lose.add("req-lost")
    config, path = inbox(tmp_path, GOOD, SCAM, bad, failing, lost)

    code, out, err = run("batch", "submit", path, "-c", config, "--base-url", server.url, "--model", "gpt-4o-mini",
                         "--redact")
    assert code == 0, err
    batch_id = out.strip()
    assert batch_id.startswith("batch-") and "submitted 5 requests" in err
    lines = server.input_lines(batch_id)
    assert [line["custom_id"] for line in lines] == ["req-a", "req-scam", "req-bad", "req-500", "req-lost"]
    assert all(line["method"] == "POST" and line["url"] == "/v1/chat/completions" for line in lines)
    body = lines[1]["body"]
    assert body["model"] == "gpt-4o-mini" and body["response_format"]["type"] == "json_schema"
    assert "912 345 678" not in json.dumps(body) and "[phone]" in body["messages"][1]["content"]  # --redact
    batch = server.batches[batch_id]
    assert batch["endpoint"] == "/v1/chat/completions" and batch["completion_window"] == "24h"
    assert server.files[batch["input_file_id"]]["purpose"] == "batch"
    state = json.loads((tmp_path / "home" / "batches" / f"{batch_id}.json").read_text())
    assert state["batch_id"] == batch_id and len(state["requests"]) == 5

    code, out, err = run("batch", "status")  # the last batch by default
    assert code == 0 and out.startswith(f"{batch_id}: in_progress (0/5 done")
    code, out, err = run("batch", "collect", "--json")
    assert code == 1 and out == "" and "in_progress" in err  # not yet: nothing recorded
    assert not (tmp_path / "home" / "assist.db").exists() or verdict_rows(tmp_path) == {}

    server.finish(batch_id)
    code, out, err = run("batch", "status", batch_id, "--json")
    status = json.loads(out)
    assert status["status"] == "completed" and status["request_counts"] == {"completed": 3, "failed": 1, "total": 5}

    code, out, err = run("batch", "collect", batch_id, "--json")
    assert code == 1
    results = {r["id"]: r for r in map(json.loads, out.splitlines())}
    assert list(results) == ["req-a", "req-scam"]  # input order, the good ones only
    assert results["req-a"]["verdict"] == "ask" and results["req-a"]["backend"] == "openai"
    assert results["req-a"]["usage"] == {"prompt_tokens": 100, "completion_tokens": 20, "cost_usd": None}  # not OpenAI's prices
    scam = results["req-scam"]
    assert scam["verdict"] == "ignore" and scam["report"] is True  # the guard caps the LLM's accept
    assert any(w.startswith("guard: openai said accept") for w in scam["warnings"])
    assert "error: req-bad" in err and "invalid" in err
    assert "error: req-500" in err and "model crashed" in err
    assert "error: req-lost" in err and "no answer" in err
    assert err.splitlines()[-1] == "assist: 3 requests failed: req-bad, req-500, req-lost"
    assert verdict_rows(tmp_path) == {"req-a": 1, "req-scam": 1}

    # Collecting again records nothing twice; the verdicts come from the store.
    code, out, err = run("batch", "collect", batch_id, "--json")
    assert code == 1 and [json.loads(l)["resumed"] for l in out.splitlines()] == [True, True]
    assert verdict_rows(tmp_path) == {"req-a": 1, "req-scam": 1}
    # And the live path resumes them too: no call for req-a.
    code, out, err = run("review", "list", "--json")
    assert code == 0 and "req-a" in out
    # Collected again after the user's own decision: shown as it stands, their word included.
    assert run("decide", "req-a", "ignore", "-c", config)[0] == 0
    code, out, err = run("batch", "collect", batch_id, "--json")
    shown = {json.loads(l)["id"]: json.loads(l) for l in out.splitlines()}["req-a"]
    assert shown["user_decision"] == "ignore" and shown["draft_status"] == "withdrawn"


def test_submit_skips_what_is_already_screened_and_errors_are_one_line(server, tmp_path, run):
    config, path = inbox(tmp_path, GOOD)
    code, out, err = run("batch", "submit", path, "-c", config, "--base-url", server.url, "--model", "m")
    batch_id = out.strip()
    server.finish(batch_id)
    assert run("batch", "collect")[0] == 0
    code, out, err = run("batch", "submit", path, "-c", config, "--base-url", server.url, "--model", "m")
    assert code == 0 and out == "" and "nothing to submit" in err
    code, out, err = run("batch", "status", "batch-999")
    assert code == 2 and len(err.splitlines()) == 1 and "no batch" in err
    code, out, err = run("batch", "submit", path, "-c", config, "--base-url", server.url + "/nope", "--model", "other")
    assert code == 1 and len(err.splitlines()) == 1 and "HTTP 404" in err


# -- hostile ids and forget (issue 13) --------------------------------------------------------------

def test_a_batch_id_that_is_a_path_never_becomes_a_file_outside_batches(server, tmp_path, run):
    config, path = inbox(tmp_path, GOOD)
    plain = server._new_id
    server._new_id = lambda prefix: "../../escaped" if prefix == "batch" else plain(prefix)
    code, out, err = run("batch", "submit", path, "-c", config, "--base-url", server.url, "--model", "m")
    assert code == 1 and out == ""
    line = err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert "batch id" in line and "not recorded" in line
    assert not list(tmp_path.rglob("escaped*"))  # nothing written anywhere under its name
    assert not (tmp_path / "home" / "batches").is_dir() or not list((tmp_path / "home" / "batches").iterdir())


@pytest.mark.parametrize("given", ["../assist", "..", "a/b", "batch-1\n", "x" * 300, ""])
def test_a_batch_id_given_on_the_command_line_is_checked_before_it_names_a_file(given, tmp_path, run):
    (tmp_path / "home").mkdir()
    (tmp_path / "assist.json").write_text("{}")  # ../assist.json from batches/ would be this file
    code, out, err = run("batch", "status", given)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "batch id" in err


def test_forget_removes_the_request_from_submitted_batches(server, tmp_path, run):
    other = {"id": "req-b", "sender": {"name": "Bao Pham", "headline": "Engineer"}, "note": "Hello from Hue."}
    config, path = inbox(tmp_path, GOOD, other)
    code, out, err = run("batch", "submit", path, "-c", config, "--base-url", server.url, "--model", "m")
    assert code == 0, err
    batch_id = out.strip()
    state_file = tmp_path / "home" / "batches" / f"{batch_id}.json"
    assert "Alex Tran" in state_file.read_text()
    server.finish(batch_id)
    assert run("batch", "collect", batch_id)[0] == 0
    code, out, err = run("forget", "req-a", "--yes")
    assert code == 0, err
    left = state_file.read_text()
    assert "Alex Tran" not in left and "req-a" not in left and "Bao Pham" in left
    assert not any("Alex Tran" in p.read_text(errors="replace") for p in (tmp_path / "home" / "batches").iterdir())
    code, out, err = run("forget", "req-b", "--yes")
    assert code == 0 and not state_file.exists()  # nothing of it left to keep


def test_batch_answers_are_bounded_like_live_ones(server, tmp_path, run):
    # req-a: a summary far over its schema length; req-b: a result line over a megabyte.
    def behaviour(body):
        text = json.dumps(body["messages"])
        if "Alex" in text:
            return chat(verdict_json(summary="long " * 1000))
        if "Bao" in text:
            return chat(verdict_json(summary="x" * 1_500_000))
        return chat(verdict_json())
    server.behaviour = behaviour
    other = {"id": "req-b", "sender": {"name": "Bao Pham", "headline": "Engineer"}, "note": "Hello from Hue."}
    fine = {"id": "req-c", "sender": {"name": "Chi Do", "headline": "Engineer"}, "note": "Hello from Hanoi."}
    config, path = inbox(tmp_path, GOOD, other, fine)
    code, out, err = run("batch", "submit", path, "-c", config, "--base-url", server.url, "--model", "m")
    batch_id = out.strip()
    server.finish(batch_id)
    code, out, err = run("batch", "collect", batch_id, "--json")
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["req-c"]
    lines = err.splitlines()
    assert any("error: req-a" in l and "summary is 5000 characters long" in l for l in lines), err
    assert any("error: req-b" in l and "larger than" in l for l in lines), err
    assert all(len(l) < 1000 for l in lines)
    assert verdict_rows(tmp_path) == {"req-c": 1}


def test_a_batch_is_collected_with_the_export_evidence_its_prompts_were_written_with(server, tmp_path, run):
    # Daniel Park and the user exchanged messages (fixtures/export/README.md): his bare "hi" is
    # accepted offline only with that evidence, so the disagreement says collect judged with it.
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    server.behaviour = lambda body: chat(verdict_json())
    export = str(root / "fixtures/export/analyst-vi.zip")
    config = str(root / "fixtures/configs/analyst-vi.toml")
    request = tmp_path / "daniel.json"
    request.write_text(json.dumps({"id": "req-dp", "sender": {"name": "Daniel Park"}, "note": "hi"}), encoding="utf-8")
    code, out, err = run("batch", "submit", str(request), "-c", config, "--base-url", server.url, "--model", "gpt-4o-mini",
                         "--export", export)
    assert code == 0, err
    batch_id = out.strip()
    [line] = server.input_lines(batch_id)
    assert "you exchanged 4 messages with them" in line["body"]["messages"][1]["content"]
    state = json.loads((tmp_path / "home" / "batches" / f"{batch_id}.json").read_text())
    assert [tie["kind"] for tie in state["requests"][0]["known"]] == ["conversation"]
    server.finish(batch_id)
    code, out, err = run("batch", "collect", batch_id, "--json")
    assert code == 0, err
    [result] = map(json.loads, out.splitlines())
    assert "disagreement: openai (gpt-4o-mini) said ask; the offline rules say accept" in result["warnings"]
