"""The store under real processes: a screen run killed mid-batch, and a review at the same time."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from assist.runner import GROUP_COMMIT
from helpers import FIXTURES

CONFIG = str(FIXTURES / "configs" / "analyst-vi.toml")


def _inbox(path: Path, count: int) -> list[str]:
    base = [json.loads(p.read_text()) for p in sorted((FIXTURES / "requests").glob("*.json"))]
    ids = []
    with path.open("w", encoding="utf-8") as out:
        for index in range(count):
            request = dict(base[index % len(base)], id=f"k-{index:05d}")
            request["note"] = (request.get("note") or "") + f" #{index}"
            out.write(json.dumps(request, ensure_ascii=False) + "\n")
            ids.append(request["id"])
    return ids


def _assist(*argv: str, db: Path, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "ASSIST_HOME": str(db.parent)}
    return subprocess.Popen([sys.executable, "-m", "assist", *argv, "--db", str(db)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def _verdict_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT request_id, COUNT(*) FROM verdicts GROUP BY request_id").fetchall())


def test_a_killed_screen_run_resumes_and_screens_each_request_exactly_once(tmp_path):
    inbox = tmp_path / "inbox.jsonl"
    ids = _inbox(inbox, 3000)
    db = tmp_path / "assist.db"
    run = _assist("screen", str(inbox), "--config", CONFIG, "--json", db=db)
    seen = 0
    for _ in run.stdout:  # verdicts stream out; offline ones are stored in groups of GROUP_COMMIT
        seen += 1
        if seen >= 3 * GROUP_COMMIT:
            run.send_signal(signal.SIGKILL)  # no chance to clean up
            break
    run.wait(timeout=30)
    assert run.returncode == -signal.SIGKILL
    done_before = _verdict_counts(db)
    assert 2 * GROUP_COMMIT <= len(done_before) < len(ids), "the kill must land mid-batch"

    again = _assist("screen", str(inbox), "--config", CONFIG, "--json", db=db)
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    results = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in results] == ids  # every request, in input order
    counts = _verdict_counts(db)
    assert set(counts) == set(ids)
    assert set(counts.values()) == {1}, "a request was screened twice"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_screening_and_reviewing_at_the_same_time_lose_nothing(tmp_path):
    inbox = tmp_path / "inbox.jsonl"
    ids = _inbox(inbox, 2000)
    db = tmp_path / "assist.db"
    first = _assist("screen", str(inbox), "--config", CONFIG, "--json", db=db)
    # Wait for the first drafts, then review while the batch goes on.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if db.exists():
            with sqlite3.connect(db) as conn:
                try:
                    if conn.execute("SELECT COUNT(*) FROM drafts").fetchone()[0] >= 5:
                        break
                except sqlite3.OperationalError:
                    pass
        time.sleep(0.02)
    reviewed = []
    env = {**os.environ, "ASSIST_HOME": str(tmp_path)}
    with sqlite3.connect(db) as conn:
        pending = [row[0] for row in conn.execute("SELECT request_id FROM drafts ORDER BY request_id LIMIT 5")]
    for request_id in pending:
        for argv in (["review", "edit", request_id, "--text", f"Edited {request_id}"],
                     ["review", "approve", request_id], ["decide", request_id, "accept"]):
            done = subprocess.run([sys.executable, "-m", "assist", *argv, "--db", str(db)], env=env,
                                  capture_output=True, text=True, timeout=60)
            assert done.returncode == 0, done.stderr
            assert "locked" not in done.stderr
        reviewed.append(request_id)
    out, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    assert "locked" not in err
    assert len(out.splitlines()) == len(ids)
    with sqlite3.connect(db) as conn:
        for request_id in reviewed:
            text, status = conn.execute("SELECT text, status FROM drafts WHERE request_id = ?", (request_id,)).fetchone()
            assert (text, status) == (f"Edited {request_id}", "approved")
            assert conn.execute("SELECT verdict FROM decisions WHERE request_id = ?", (request_id,)).fetchone()[0] == "accept"
        assert conn.execute("SELECT COUNT(DISTINCT request_id) FROM verdicts").fetchone()[0] == len(ids)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# --- issue 13: two screens of the same input at once pay for each request once ----------------------


def _paid_screen(inbox: Path, db: Path, url: str, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "ASSIST_HOME": str(db.parent), "OPENAI_API_KEY": "sk-test"}
    return subprocess.Popen([sys.executable, "-m", "assist", "screen", str(inbox), "--config", CONFIG, "--json",
                             "--backend", "openai", "--base-url", url, "--model", "test-model", "--db", str(db),
                             "--structured-output", "json_schema", *extra],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _marked_inbox(path: Path, count: int) -> list[str]:
    """Plain requests, each with a marker in its note that tells which one a call to the model is about."""
    ids = [f"m-{index:04d}" for index in range(count)]
    path.write_text("".join(json.dumps({"id": request_id, "sender": {"name": f"Sender {request_id}", "headline": "Analyst"},
                                        "note": f"Hi, we met at the fintech meetup. Ref [[{request_id}]]"}) + "\n"
                            for request_id in ids), encoding="utf-8")
    return ids


def _asked_for(server) -> list[str]:
    """The request each call to the model was about (its marker)."""
    import re

    asked = []
    for body in server.requests:
        [marker] = set(re.findall(r"\[\[(m-\d{4})\]\]", json.dumps(body, ensure_ascii=False)))
        asked.append(marker)
    return asked


def _slow(body: dict):
    from llm_servers import chat, verdict_json

    answer = chat(verdict_json())
    answer.delay = 0.03
    return answer


def test_concurrent_screens_of_the_same_input_pay_for_each_request_once(tmp_path, server):
    from collections import Counter

    server.behaviour = _slow
    inbox = tmp_path / "inbox.jsonl"
    ids = _marked_inbox(inbox, 120)
    alone = _paid_screen(inbox, tmp_path / "alone" / "assist.db", server.url, "--concurrency", "4")
    out, err = alone.communicate(timeout=240)
    assert alone.returncode == 0, err
    paid_alone = Counter(_asked_for(server))  # a run alone: what each request costs (re-asks included)
    assert set(paid_alone) == set(ids)
    server.requests.clear()
    db = tmp_path / "assist.db"
    runs = [_paid_screen(inbox, db, server.url, "--concurrency", "4") for _ in range(3)]
    # Each run's output read as it comes (a run whose pipe is full would stall, its claims held).
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(len(runs)) as readers:
        outputs = list(readers.map(lambda run: run.communicate(timeout=240), runs))
    for run, (out, err) in zip(runs, outputs):
        assert run.returncode == 0, err
        assert [json.loads(line)["id"] for line in out.splitlines()] == ids  # every run prints every request
    paid_together = Counter(_asked_for(server))
    assert paid_together == paid_alone, "a request was paid for twice"
    counts = _verdict_counts(db)
    assert set(counts) == set(ids) and set(counts.values()) == {1}
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0] == 0  # every claim released
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_killed_screen_leaves_claims_that_the_next_run_takes_over(tmp_path, server):
    server.behaviour = _slow
    inbox = tmp_path / "inbox.jsonl"
    ids = _marked_inbox(inbox, 60)
    db = tmp_path / "assist.db"
    first = _paid_screen(inbox, db, server.url, "--concurrency", "4")
    seen = 0
    for _ in first.stdout:
        seen += 1
        if seen >= 10:
            first.send_signal(signal.SIGKILL)  # claims of the requests in flight stay behind
            break
    first.wait(timeout=30)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0] > 0
    started = time.monotonic()
    again = _paid_screen(inbox, db, server.url, "--concurrency", "4")
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    assert time.monotonic() - started < 60  # a dead process's claims are taken over at once, not waited out
    assert [json.loads(line)["id"] for line in out.splitlines()] == ids
    counts = _verdict_counts(db)
    assert set(counts) == set(ids) and set(counts.values()) == {1}
