"""Concurrent screening against scripted servers on 127.0.0.1 (tests/llm_servers.py): calls overlap,
output follows the input order, one 429 pauses every worker, transient failures end with every
request screened exactly once, no progress bar where it does not belong, and --redact."""

from __future__ import annotations

import json
import random
import re
import sqlite3
import threading
import time

import pytest

from assist import output
from assist.backends import openai_backend
from llm_servers import Answer, chat, error, verdict_json

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
timeout = 5
max_retries = 4
"""


def request(index: int, **extra) -> dict:
    return {"id": f"req-{index:03d}", "sender": {"name": f"Alex Tran {index}", "headline": "Backend engineer at Stripe"},
            "note": f"Hi Sarah, I enjoyed your talk on distributed systems (number {index}).", **extra}


pytestmark = pytest.mark.usefixtures("fast_backoff")



@pytest.fixture
def inbox(tmp_path):
    def make(*requests: dict) -> tuple[str, str]:
        config = tmp_path / "assist.toml"
        config.write_text(CONFIG, encoding="utf-8")
        path = tmp_path / "inbox.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in requests), encoding="utf-8")
        return str(config), str(path)
    return make


def screen(server, config, path, *extra) -> list[str]:
    return ["screen", path, "-c", config, "--json", "--backend", "openai", "--base-url", server.url,
            "--model", "test-model", "--structured-output", "json_schema", *extra]


def ids(out: str) -> list[str]:
    return [json.loads(line)["id"] for line in out.splitlines() if line.strip()]


def verdict_rows(tmp_path) -> dict[str, int]:
    with sqlite3.connect(tmp_path / "home" / "assist.db") as db:
        return dict(db.execute("SELECT request_id, COUNT(*) FROM verdicts GROUP BY request_id").fetchall())


class Overlap:
    """A behaviour that answers after `delay` and counts the calls in flight at once."""

    def __init__(self, delay):
        self.delay = delay
        self.now = 0
        self.most = 0
        self.lock = threading.Lock()

    def __call__(self, body):
        with self.lock:
            self.now += 1
            self.most = max(self.most, self.now)
        time.sleep(self.delay() if callable(self.delay) else self.delay)
        with self.lock:
            self.now -= 1
        return chat(verdict_json())


def test_calls_overlap(server, inbox, run):
    behaviour = Overlap(0.25)
    server.behaviour = behaviour
    config, path = inbox(*(request(i) for i in range(16)))
    started = time.monotonic()
    code, out, err = run(*screen(server, config, path, "--concurrency", "8"))
    elapsed = time.monotonic() - started
    assert code == 0, err
    assert len(ids(out)) == 16 and len(server.requests) == 16
    # In sequence: 16 x 0.25 = 4 s. At 8 at once: the first call alone, then 15 / 8 rounds, about 0.75 s.
    assert elapsed < 2.0, elapsed
    assert behaviour.most >= 6


def test_json_output_follows_the_input_order_when_answers_come_out_of_order(server, inbox, run):
    rng = random.Random(7)
    server.behaviour = Overlap(lambda: rng.uniform(0.0, 0.15))
    config, path = inbox(*(request(i) for i in range(24)))
    code, out, err = run(*screen(server, config, path, "--concurrency", "8"))
    assert code == 0, err
    assert ids(out) == [f"req-{i:03d}" for i in range(24)]
    # and the store holds each one once; a second run resumes them all without a call
    calls = len(server.requests)
    code, out, err = run(*screen(server, config, path, "--concurrency", "8"))
    assert code == 0 and ids(out) == [f"req-{i:03d}" for i in range(24)] and len(server.requests) == calls
    assert all(json.loads(line)["resumed"] for line in out.splitlines())


def test_one_429_pauses_every_worker(server, inbox, run):
    count = {"n": 0}
    lock = threading.Lock()
    limited: list[float] = []

    def behaviour(body):
        with lock:
            count["n"] += 1
            number = count["n"]
        if number == 3:  # in the concurrent phase (the first call goes alone)
            limited.append(time.monotonic())
            return error(429, "slow down", headers={"Retry-After": "1"})
        time.sleep(0.05)
        return chat(verdict_json())

    server.behaviour = behaviour
    config, path = inbox(*(request(i) for i in range(12)))
    code, out, err = run(*screen(server, config, path, "--concurrency", "4"))
    assert code == 0, err
    assert ids(out) == [f"req-{i:03d}" for i in range(12)]
    [at] = limited
    # Calls already on their way arrive at once; after that, nobody calls until the second is over.
    during = [t for t in server.times if at + 0.15 < t < at + 0.9]
    assert during == [], [round(t - at, 2) for t in server.times]
    assert any(t >= at + 0.9 for t in server.times)
    assert len(server.requests) == 13  # 12 + the one retried


def test_a_fifth_of_the_calls_failing_transiently_ends_with_every_request_screened_once(server, inbox, run, tmp_path):
    count = {"n": 0}
    lock = threading.Lock()
    failures = [error(500, "internal error"), error(503, "overloaded"), Answer(drop=True)]

    def behaviour(body):
        with lock:
            count["n"] += 1
            number = count["n"]
        time.sleep(0.02)
        if number % 5 == 0:
            return failures[(number // 5) % len(failures)]
        return chat(verdict_json())

    server.behaviour = behaviour
    config, path = inbox(*(request(i) for i in range(30)))
    code, out, err = run(*screen(server, config, path, "--concurrency", "6"))
    assert code == 0, err
    assert ids(out) == [f"req-{i:03d}" for i in range(30)]
    assert len(server.requests) > 30  # some were retried
    assert verdict_rows(tmp_path) == {f"req-{i:03d}": 1 for i in range(30)}


def test_summary_and_no_progress_bar_in_json_or_off_a_terminal(server, inbox, run, monkeypatch):
    server.behaviour = lambda body: chat(verdict_json())
    config, path = inbox(*(request(i) for i in range(4)))
    monkeypatch.setattr(output, "PROGRESS_AFTER", 0.0)
    # Not a terminal (pytest captures stderr): no progress bar, in either mode.
    code, out, err = run(*screen(server, config, path, "--no-cache", "--no-store"))
    assert code == 0 and "\r" not in err and "screened" not in err
    assert "4 requests: 0 accept, 4 ask, 0 ignore" in err  # --json: the summary goes to stderr
    code, out, err = run(*[a for a in screen(server, config, path, "--no-cache", "--no-store") if a != "--json"])
    assert code == 0 and "\r" not in err and "screened" not in err
    assert "4 requests: 0 accept, 4 ask, 0 ignore" in out and " s\n" in out
    # A terminal: the bar is drawn on stderr in text mode, and still never with --json.
    monkeypatch.setattr(output, "stderr_is_terminal", lambda: True)
    code, out, err = run(*screen(server, config, path, "--no-cache", "--no-store"))
    assert code == 0 and "\r" not in err and "screened" not in err and "\r" not in out
    code, out, err = run(*[a for a in screen(server, config, path, "--no-cache", "--no-store") if a != "--json"])
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", err)  # the bar as a person reads it, colours aside
    assert code == 0 and "\r" in err and "4/4 screened" in plain and "\r" not in out


def test_redact_keeps_contact_details_and_links_from_the_server(server, inbox, run):
    server.behaviour = lambda body: chat(verdict_json("accept", flags=[]))
    secret = {
        "id": "req-pii",
        "sender": {"name": "Sam Park", "headline": "Recruiter", "about": "Reach me at sam.park@example.com or +1 (555) 123-4567",
                   "profile_url": "https://www.linkedin.com/in/sam-park-123"},
        "note": "Please verify your account at bit.ly/li-verify-now or call 0912 345 678, mail sam@corp.io, "
                "see https://evil.example.net/login?id=42",
    }
    config, path = inbox(secret)
    code, out, err = run(*screen(server, config, path, "--redact"))
    assert code == 0, err
    sent = json.dumps(server.requests)
    for original in ("sam.park@example.com", "555", "123-4567", "linkedin.com/in", "bit.ly", "0912", "345 678",
                     "sam@corp.io", "evil.example", "login?id"):
        assert original not in sent, original
    prompt = server.requests[0]["messages"][1]["content"]
    assert "[email]" in prompt and "[phone]" in prompt and "[url]" in prompt
    # The offline signals saw the original text: the phishing is still caught, and the guard holds.
    [result] = [json.loads(line) for line in out.splitlines()]
    assert result["verdict"] == "ignore" and result["report"] is True
    assert "scam_or_phishing" in {flag["id"] for flag in result["flags"]}
    # Without --redact the same prompt carries them (and it is another screening: not resumed).
    code, out, err = run(*screen(server, config, path))
    assert code == 0 and "bit.ly" in json.dumps(server.requests[-1]) and not json.loads(out)["resumed"]
