"""The review workflow from a fresh store: screen, review interactively and by script, export."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assist.cli import app
from assist.vocabulary import REPLY_KINDS
from helpers import FIXTURES, run
from llm_servers import FakeServer, chat, verdict_json

ANALYST = str(FIXTURES / "configs" / "analyst-vi.toml")


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "review.db")


@pytest.fixture
def screened(db, capsys) -> list[str]:
    """The fixture inbox screened into the store; the ids that got a draft (`ask`)."""
    code, out, err = run(capsys, "screen", str(FIXTURES / "requests"), "-c", ANALYST, "--lang", "en", "--json", "--db", db)
    assert code == 0, err
    return [r["id"] for r in map(json.loads, out.splitlines()) if r["verdict"] == "ask"]


def listed(capsys, db: str, *extra: str) -> list[dict]:
    code, out, err = run(capsys, "review", "list", "--json", "--db", db, *extra)
    assert code == 0, err
    return [json.loads(line) for line in out.splitlines()]


def test_every_ask_verdict_waits_as_a_pending_draft(screened, db, capsys):
    assert len(screened) >= 5
    pending = listed(capsys, db, "--status", "pending")
    assert {d["id"] for d in pending} == set(screened)
    assert all(d["verdict"] == "ask" and d["text"] for d in pending)
    code, out, _ = run(capsys, "review", "show", screened[0], "--db", db)
    assert code == 0 and "Draft (clarify, vi" in out and "Verdict: ASK" in out


def test_script_commands_approve_edit_reject_send_and_export(screened, db, capsys, tmp_path):
    first, second, third = screened[:3]
    assert run(capsys, "review", "edit", first, "--text", "Chào bạn, mình quen nhau ở đâu nhỉ? Minh", "--db", db)[0] == 0
    assert run(capsys, "review", "approve", first, "--db", db)[0] == 0
    reply_file = tmp_path / "reply.txt"
    reply_file.write_text("Cảm ơn bạn! Bạn biết tôi qua đâu?\n\nMinh\n", encoding="utf-8")
    assert run(capsys, "review", "edit", second, "--file", str(reply_file), "--db", db)[0] == 0
    assert run(capsys, "review", "approve", second, "--db", db)[0] == 0
    assert run(capsys, "review", "mark-sent", second, "--db", db)[0] == 0
    assert run(capsys, "review", "reject", third, "--db", db)[0] == 0

    statuses = {d["id"]: d["status"] for d in listed(capsys, db)}
    assert (statuses[first], statuses[second], statuses[third]) == ("approved", "sent", "rejected")

    code, out, _ = run(capsys, "review", "export", "--db", db)
    assert code == 0 and "Chào bạn, mình quen nhau ở đâu nhỉ? Minh" in out and "Bạn biết tôi qua đâu" not in out
    code, out, _ = run(capsys, "review", "export", "--status", "sent", "--format", "csv", "--db", db)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == [second] and rows[0]["text"].startswith("Cảm ơn bạn!")
    code, out, _ = run(capsys, "review", "export", "--format", "json", "--db", db)
    assert [d["id"] for d in json.loads(out)] == [first]


def test_screening_again_keeps_edits_and_decisions(screened, db, capsys):
    target = screened[0]
    run(capsys, "review", "edit", target, "--text", "My words", "--db", db)
    assert run(capsys, "decide", target, "ignore", "--db", db)[0] == 0
    code, out, err = run(capsys, "screen", str(FIXTURES / "requests"), "-c", ANALYST, "--lang", "en", "--json", "--db", db, "--no-cache")
    assert code == 0, err
    again = {r["id"]: r for r in map(json.loads, out.splitlines())}
    assert again[target]["user_decision"] == "ignore"
    assert {d["id"]: d["text"] for d in listed(capsys, db)}[target] == "My words"
    code, out, _ = run(capsys, "history", "--json", "--db", db)
    actions = [json.loads(line)["action"] for line in out.splitlines()]
    assert actions[:2] == ["decided", "edited"]


def test_bad_ids_and_arguments_are_one_line_exit_2(screened, db, capsys):
    for argv in (["review", "approve", "no-such-id"], ["decide", screened[0], "maybe"],
                 ["review", "edit", screened[0]], ["review", "list", "--status", "lost"], ["forget"]):
        code, out, err = run(capsys, *argv, "--db", db)
        assert code == 2, argv
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err


def test_interactive_review_with_the_editor(screened, db, tmp_path):
    editor = tmp_path / "editor.py"
    editor.write_text("import sys, pathlib\np = pathlib.Path(sys.argv[1])\n"
                      "p.write_text('Edited in my editor. Minh\\n', encoding='utf-8')\n", encoding="utf-8")
    runner = CliRunner()
    env = {"EDITOR": f"{sys.executable} {editor}", "VISUAL": ""}
    kinds_before = {row[0]: row[1] for row in sqlite3.connect(db).execute("SELECT request_id, kind FROM drafts")}
    # first draft: edit, then approve; second: switch kind, then reject; third: skip; then quit
    result = runner.invoke(app, ["--lang", "en", "review", "--db", db, "-c", ANALYST], input="e\np\nk\nj\ns\nq\n", env=env)
    assert result.exit_code == 0, result.output
    assert "a[p]prove" in result.output and "[e]dit" in result.output  # the keys are on screen
    statuses = {row[0]: row[1:] for row in sqlite3.connect(db).execute("SELECT request_id, status, text, kind FROM drafts")}
    assert statuses[screened[0]] == ("approved", "Edited in my editor. Minh", kinds_before[screened[0]])
    following = REPLY_KINDS[(REPLY_KINDS.index(kinds_before[screened[1]]) + 1) % len(REPLY_KINDS)]
    assert statuses[screened[1]][0] == "rejected" and statuses[screened[1]][2] == following
    assert statuses[screened[2]][0] == "pending"
    assert "Reviewed 2;" in result.output


def test_interactive_review_through_a_pseudo_terminal(screened, db, tmp_path):
    pexpect = pytest.importorskip("pexpect")
    env = {**os.environ, "EDITOR": "true", "TERM": "dumb"}
    child = pexpect.spawn(sys.executable, ["-m", "assist", "review", "--db", db, "-c", ANALYST, "--lang", "en"],
                          env=env, encoding="utf-8", timeout=30)
    child.expect(r"a\[p\]prove")
    child.sendline("l")  # switch the language of the first draft to English
    child.expect(r"Draft \(clarify, en")
    child.sendline("p")
    child.expect(r"a\[p\]prove")
    child.sendline("q")
    child.expect("Reviewed 1;")
    child.expect(pexpect.EOF)
    row = sqlite3.connect(db).execute("SELECT status, language FROM drafts WHERE request_id = ?", (screened[0],)).fetchone()
    assert row == ("approved", "en")


def test_learned_examples_reach_the_llm_prompt_and_can_be_deleted(screened, db, capsys, tmp_path):
    target = screened[0]
    run(capsys, "review", "edit", target, "--text", "Xin chào! Mình rất vui được làm quen. Minh", "--db", db)
    run(capsys, "review", "approve", target, "--db", db)
    code, out, _ = run(capsys, "learned", "list", "--json", "--db", db)
    assert [json.loads(line)["id"] for line in out.splitlines()] == [target]

    server = FakeServer().start()
    try:
        server.enqueue(chat(verdict_json("ask", reply="Chào em Hoa! Em biết anh qua đâu vậy? Minh")))
        request = tmp_path / "new.json"
        request.write_text(json.dumps({"id": "new-1", "sender": {"name": "Lê Hoa", "headline": "Analyst at MoMo"},
                                       "note": "Chào anh, em muốn kết nối"}), encoding="utf-8")
        code, out, err = run(capsys, "screen", str(request), "-c", ANALYST, "--lang", "en", "--json", "--db", db,
                             "--backend", "openai", "--base-url", server.url, "--model", "m")
        assert code == 0, err
        user_message = server.requests[-1]["messages"][-1]["content"]
        assert "Xin chào! Mình rất vui được làm quen. Minh" in user_message
    finally:
        server.stop()
    assert run(capsys, "learned", "forget", target, "--db", db)[0] == 0
    code, out, _ = run(capsys, "learned", "list", "--json", "--db", db)
    assert out.strip() == ""


def test_forget_one_sender_and_then_everything(screened, db, capsys):
    target = screened[0]
    code, out, err = run(capsys, "forget", target, "--db", db)
    assert code == 2 and "--yes" in err and target in {d["id"] for d in listed(capsys, db)}  # issue 12: asked first
    code, out, err = run(capsys, "forget", target, "--yes", "--db", db)
    assert code == 0 and "deleted 1 request" in out
    assert target not in {d["id"] for d in listed(capsys, db)}
    code, out, err = run(capsys, "forget", "--all", "--db", db)
    assert code == 2 and "--yes" in err  # no prompt without a terminal: say how
    code, out, err = run(capsys, "forget", "--all", "--yes", "--db", db)
    assert code == 0
    assert listed(capsys, db) == []
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_forget_also_clears_the_llm_cache_and_unsent_batches(tmp_path, capsys, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("ASSIST_HOME", str(home))
    server = FakeServer().start()
    try:
        server.behaviour = lambda body: chat(verdict_json("ask"))
        paths = []
        for request_id in ("keep-1", "gone-1"):
            path = tmp_path / f"{request_id}.json"
            path.write_text(json.dumps({"id": request_id, "sender": {"name": request_id, "headline": "Analyst"},
                                        "note": f"Private detail of {request_id}"}), encoding="utf-8")
            paths.append(str(path))
        code, out, err = run(capsys, "screen", *paths, "-c", ANALYST, "--lang", "en", "--json", "--backend", "openai",
                             "--base-url", server.url, "--model", "m", "--concurrency", "1")
        assert code == 0, err
    finally:
        server.stop()
    cache = home / "llm-cache.sqlite3"
    rows = lambda: [r[0] for r in sqlite3.connect(cache).execute("SELECT request_id FROM answers ORDER BY 1")]  # noqa: E731
    assert rows() == ["gone-1", "keep-1"]
    assert run(capsys, "forget", "gone-1", "--yes")[0] == 0
    assert rows() == ["keep-1"]
    assert b"Private detail of gone-1" not in cache.read_bytes()
    (home / "batches").mkdir()
    (home / "batches" / "b1.json").write_text("{}")
    assert run(capsys, "forget", "--all", "--yes")[0] == 0
    assert rows() == [] and not (home / "batches").exists()


def test_forget_says_so_when_the_llm_cache_cannot_be_opened_to_delete_from_it(screened, db, tmp_path, capsys, monkeypatch):
    """A damaged (or unreadable) answer cache may still hold the sender's text: forgetting must not
    report success in silence. The store's part is done; one line names the cache and the fix."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("ASSIST_HOME", str(home))
    cache = home / "llm-cache.sqlite3"
    cache.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 64)
    code, out, err = run(capsys, "forget", screened[0], "--yes", "--db", db)
    assert code == 2, (out, err)
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    assert str(cache) in err and "delete" in err
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM requests WHERE id = ?", (screened[0],)).fetchone()[0] == 0
