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
