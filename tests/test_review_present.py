"""Issue 12, the second part: screening again shows the present (the user's decision, the draft as it
stands now); past verdicts (`assist list`, `assist show`); deleting only when asked (`forget`), and
`assist undo`; the conventions of a command line (-h, NO_COLOR, local and relative times)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import sys

import pytest

from helpers import FIXTURES, json_lines

ANALYST = str(FIXTURES / "configs" / "analyst-vi.toml")
ASKED = "req-02"      # ask, with a clarify draft
ACCEPTED = "req-01"   # accept, no draft
SCAM = "req-16"       # ignore, worth reporting
EDITED = "Chào anh Tuấn, mình quen nhau qua đâu nhỉ? Minh"


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "present.db")


@pytest.fixture
def inbox(tmp_path) -> str:
    """Three requests of the fixture inbox: an ask (with a draft), an accept, a scam."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name in ("01-momo-talent-partner.json", "02-vnpay-head-of-data-no-note.json", "16-crypto-guaranteed-returns.json"):
        shutil.copy(FIXTURES / "requests" / name, folder / name)
    return str(folder)


def screen(run, inbox: str, db: str, *extra: str) -> tuple[int, str, str]:
    return run("screen", inbox, "-c", ANALYST, "--lang", "en", "--db", db, *extra)


def screened_json(run, inbox: str, db: str) -> dict[str, dict]:
    code, out, err = screen(run, inbox, db, "--json")
    assert code == 0, err
    return {result["id"]: result for result in json_lines(out)}


# -- 1. screening again shows the present -----------------------------------------------------------

def test_a_first_screening_says_the_draft_waits_pending_and_the_decision_is_assists(run, inbox, db):
    first = screened_json(run, inbox, db)
    assert first[ASKED]["verdict"] == "ask" and first[ASKED]["decision"] == "ask"
    assert first[ASKED]["draft_status"] == "pending" and first[ASKED]["draft_edited"] is False
    assert first[ACCEPTED]["draft_status"] is None and first[ACCEPTED]["decision"] == "accept"


def test_without_a_store_there_is_no_draft_status(run, inbox, db):
    code, out, _ = run("screen", inbox, "-c", ANALYST, "--lang", "en", "--json", "--no-store")
    results = {r["id"]: r for r in json_lines(out)}
    assert code == 0 and results[ASKED]["draft_status"] is None and results[ASKED]["reply"]["kind"] == "clarify"


def test_screening_again_shows_the_edited_approved_sent_draft_not_the_template(run, inbox, db):
    template = screened_json(run, inbox, db)[ASKED]["reply"]["text"]
    for argv in (["review", "edit", ASKED, "--text", EDITED], ["review", "approve", ASKED], ["review", "mark-sent", ASKED]):
        assert run(*argv, "--db", db)[0] == 0
    for extra in (("--all",), ("--no-cache",)):  # resumed from the store (shown with --all), and screened anew
        code, out, _ = screen(run, inbox, db, *extra)
        assert code == 0 and EDITED in out and template not in out
        assert "sent" in out.split(EDITED)[0].splitlines()[-2]  # the line heading the draft says its state
    again = screened_json(run, inbox, db)[ASKED]
    assert again["reply"]["text"] == EDITED and again["draft_status"] == "sent" and again["draft_edited"] is True
    assert again["verdict"] == "ask"  # assist's own verdict, as before


def test_screening_again_after_decide_accept_heads_and_counts_by_the_users_decision(run, inbox, db):
    screened_json(run, inbox, db)
    assert run("decide", ASKED, "accept", "--db", db, "-c", ANALYST, "--lang", "en")[0] == 0
    code, out, _ = screen(run, inbox, db, "--all")
    card = next(block for block in out.split("\n\n") if "Lê Minh Tuấn" in block)
    head = card.splitlines()[0]
    assert head.startswith("ACCEPT") and "your decision" in head and "ask" in head.lower().split("accept", 1)[1]
    assert "welcome" in card and "clarify" not in card.split("Draft", 1)[-1]
    assert "2 accept, 0 ask, 1 ignore" in out
    result = screened_json(run, inbox, db)[ASKED]
    assert (result["verdict"], result["user_decision"], result["decision"]) == ("ask", "accept", "accept")
    assert result["reply"]["kind"] == "welcome" and result["draft_status"] == "pending"


def test_screening_again_after_ignore_says_the_draft_was_withdrawn(run, inbox, db):
    template = screened_json(run, inbox, db)[ASKED]["reply"]["text"]
    assert run("decide", ASKED, "ignore", "--db", db)[0] == 0
    code, out, _ = screen(run, inbox, db, "--no-cache")
    card = next(block for block in out.split("\n\n") if "Lê Minh Tuấn" in block)
    assert card.startswith("IGNORE") and "withdrawn" in card and template.splitlines()[2] not in card
    assert screened_json(run, inbox, db)[ASKED]["draft_status"] == "withdrawn"


# -- 2. past verdicts: assist list, assist show ------------------------------------------------------

def listed(run, db: str, *extra: str) -> list[dict]:
    code, out, err = run("list", "--db", db, "--json", *extra)
    assert code == 0, err
    return json_lines(out)


def test_list_shows_every_screened_request_one_aligned_line_each_with_a_header(run, inbox, db, monkeypatch):
    monkeypatch.setenv("COLUMNS", "90")
    screen(run, inbox, db)
    code, out, err = run("list", "--db", db)
    assert code == 0, err
    lines = out.rstrip("\n").splitlines()
    header, rows = lines[0], lines[1:]
    assert all(word in header for word in ("ID", "WHEN", "VERDICT", "DRAFT", "NAME"))
    assert len(rows) == 3 and {ASKED, ACCEPTED, SCAM} == {row.split()[0] for row in rows}
    names = ["Lê Minh Tuấn", "Nguyễn Thu Hà", "Sophia Williams"]
    columns = {next(row for row in rows if name in row).index(name) for name in names}
    assert columns == {header.index("NAME")}  # aligned under the header
    assert all(len(row) <= 90 for row in lines)
    assert any(row.endswith("…") for row in rows)  # a headline cut says so
    assert "just now" in out or "ago" in out  # when, for a person


def test_list_filters_by_verdict_status_reported_and_date(run, inbox, db):
    screen(run, inbox, db)
    assert [r["id"] for r in listed(run, db, "--verdict", "ask")] == [ASKED]
    assert [r["id"] for r in listed(run, db, "--reported")] == [SCAM]
    assert [r["id"] for r in listed(run, db, "--status", "pending")] == [ASKED]
    assert listed(run, db, "--status", "sent") == []
    assert len(listed(run, db, "--since", "2000-01-01")) == 3
    assert listed(run, db, "--since", "2999-01-01") == []
    assert len(listed(run, db, "--since", "7d")) == 3
    code, out, err = run("list", "--db", db, "--since", "last tuesday")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_list_follows_the_users_decision_and_marks_it_as_theirs(run, inbox, db):
    screen(run, inbox, db)
    run("decide", ASKED, "accept", "--db", db, "-c", ANALYST, "--lang", "en")
    row = next(r for r in listed(run, db, "--verdict", "accept") if r["id"] == ASKED)
    assert (row["verdict"], row["user_decision"], row["decision"], row["draft_status"]) == ("ask", "accept", "accept", "pending")
    assert listed(run, db, "--verdict", "ask") == []
    from datetime import datetime
    assert datetime.fromisoformat(row["first_seen"]).tzinfo is not None  # ISO 8601 in --json
    code, out, _ = run("list", "--db", db)
    line = next(line for line in out.splitlines() if line.startswith(ASKED))
    assert "accept (you)" in line


def test_show_tells_everything_about_one_request_by_a_prefix(run, inbox, db):
    screen(run, inbox, db)
    run("review", "edit", ASKED, "--text", EDITED, "--db", db)
    run("decide", ASKED, "accept", "--db", db, "-c", ANALYST, "--lang", "en")
    code, out, err = run("show", "req-02", "--db", db)
    assert code == 0, err
    for expected in ("Lê Minh Tuấn", "Head of Data Analytics at VNPay", "VNPay", "Hanoi, Vietnam",
                     "12 mutual", "linkedin.com/in/le-minh-tuan-vnpay", "ASK", "no_note", "professional_relevance",
                     EDITED, "edited", "you decided accept", "History"):
        assert expected in out, expected
    code, out, _ = run("show", "req-02", "--db", db, "--json")
    shown = json.loads(out)
    assert shown["request"]["sender"]["name"] == "Lê Minh Tuấn" and shown["verdict"]["verdict"] == "ask"
    assert shown["decision"]["verdict"] == "accept" and shown["draft"]["text"] == EDITED
    assert [entry["action"] for entry in shown["draft_history"]][:2] == ["drafted", "edited"]
    assert [entry["action"] for entry in shown["actions"]] == ["edited", "decided"]


def test_show_an_accepted_request_without_a_draft_and_refuse_an_ambiguous_prefix(run, inbox, db):
    screen(run, inbox, db)
    code, out, err = run("show", ACCEPTED, "--db", db)
    assert code == 0 and "ACCEPT" in out and "No draft" in out, err
    code, out, err = run("show", "req-", "--db", db)
    assert code == 2 and "req-01" in err and "req-16" in err and len(err.strip().splitlines()) == 1


# -- 3. deleting only when asked; undo ---------------------------------------------------------------

def stored_ids(db: str) -> set[str]:
    return {row[0] for row in sqlite3.connect(db).execute("SELECT id FROM requests")}


def draft_row(db: str, request_id: str = ASKED) -> tuple | None:
    return sqlite3.connect(db).execute("SELECT status, kind, text, edited FROM drafts WHERE request_id = ?",
                                       (request_id,)).fetchone()


def decision_of(db: str, request_id: str = ASKED) -> str | None:
    row = sqlite3.connect(db).execute("SELECT verdict FROM decisions WHERE request_id = ?", (request_id,)).fetchone()
    return row[0] if row else None


def test_forget_without_a_terminal_needs_yes_and_deletes_nothing_without_it(run, inbox, db, monkeypatch):
    import io

    screen(run, inbox, db)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, out, err = run("forget", "req-02", "--db", db)
    assert code == 2 and "--yes" in err and len(err.strip().splitlines()) == 1
    assert ASKED in stored_ids(db)
    code, out, err = run("forget", "req-02", "--yes", "--db", db)
    assert code == 0 and "Lê Minh Tuấn" in out and stored_ids(db) == {ACCEPTED, SCAM}


def _spawn(db: str, *argv: str):
    pexpect = pytest.importorskip("pexpect")
    env = {**os.environ, "TERM": "dumb"}
    return pexpect, pexpect.spawn(sys.executable, ["-m", "assist", *argv, "--db", db], env=env, encoding="utf-8", timeout=30)


def test_forget_on_a_terminal_asks_first_and_a_no_deletes_nothing(run, inbox, db):
    screen(run, inbox, db)
    pexpect, child = _spawn(db, "forget", ASKED)
    child.expect("Lê Minh Tuấn")
    child.expect(r"\[y/N\]")
    child.sendline("n")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus != 0 and ASKED in stored_ids(db)
    pexpect, child = _spawn(db, "forget", ASKED)
    child.expect(r"\[y/N\]")
    child.sendline("y")
    child.expect("deleted 1 request")
    child.expect(pexpect.EOF)
    assert ASKED not in stored_ids(db)


def test_undo_a_decision_brings_back_the_decision_and_the_draft_before_it(run, inbox, db):
    screen(run, inbox, db)
    before = draft_row(db)
    run("decide", ASKED, "ask", "--db", db, "-c", ANALYST, "--lang", "en")
    assert run("decide", ASKED, "accept", "--db", db, "-c", ANALYST, "--lang", "en")[0] == 0
    assert draft_row(db)[:2] == ("pending", "welcome")
    code, out, err = run("undo", "--db", db)
    assert code == 0, err
    assert "accept" in out and "Lê Minh Tuấn" in out and ASKED in out
    assert decision_of(db) == "ask" and draft_row(db) == before
    code, out, err = run("undo", "--db", db)  # one step further back: the first decision
    assert code == 0 and decision_of(db) is None and draft_row(db) == before
    code, out, err = run("undo", "--db", db)
    assert code == 2 and "nothing" in err.lower()


def test_undo_an_approval_then_an_edit_in_turn(run, inbox, db):
    screen(run, inbox, db)
    template = draft_row(db)
    run("review", "edit", ASKED, "--text", EDITED, "--db", db)
    run("review", "approve", ASKED, "--db", db)
    code, out, _ = run("undo", "--db", db)
    assert code == 0 and "approv" in out and draft_row(db) == ("pending", "clarify", EDITED, 1)
    code, out, _ = run("undo", "--db", db)
    assert code == 0 and "edit" in out and draft_row(db) == template
    code, out, _ = run("learned", "list", "--json", "--db", db)
    assert out.strip() == ""  # nothing undone still teaches
    code, out, _ = run("history", "--json", "--db", db)
    assert [json.loads(line)["action"] for line in out.splitlines()][:2] == ["undone", "undone"]


def test_undo_a_reject_and_a_reopen(run, inbox, db):
    screen(run, inbox, db)
    run("review", "reject", ASKED, "--db", db)
    run("review", "reopen", ASKED, "--db", db)
    assert run("undo", "--db", db)[0] == 0 and draft_row(db)[0] == "rejected"
    assert run("undo", "--db", db)[0] == 0 and draft_row(db)[0] == "pending"


def test_sent_cannot_be_undone_and_undo_says_so(run, inbox, db):
    screen(run, inbox, db)
    run("review", "approve", ASKED, "--db", db)
    run("review", "mark-sent", ASKED, "--db", db)
    code, out, err = run("undo", "--db", db)
    assert code == 2 and "sent" in err and "final" in err and len(err.strip().splitlines()) == 1
    assert draft_row(db)[0] == "sent"


def test_undo_refuses_when_the_draft_changed_since_the_action(run, inbox, db, tmp_path):
    screen(run, inbox, db)
    run("review", "approve", ASKED, "--db", db)
    with sqlite3.connect(db) as conn:  # another hand moved the draft without a record of it
        conn.execute("UPDATE drafts SET text = 'changed elsewhere' WHERE request_id = ?", (ASKED,))
    code, out, err = run("undo", "--db", db)
    assert code == 2 and "changed" in err and draft_row(db)[:3] == ("approved", "clarify", "changed elsewhere")



# -- 4. conventions ---------------------------------------------------------------------------------

def command_paths() -> list[list[str]]:
    import typer.main

    from assist.cli import app

    paths, todo = [], [([], typer.main.get_command(app))]
    while todo:
        path, command = todo.pop()
        paths.append(path)
        if hasattr(command, "commands"):
            todo += [([*path, name], sub) for name, sub in command.commands.items()]
    return paths


def test_dash_h_is_help_everywhere(run):
    paths = command_paths()
    assert ["list"] in paths and ["review", "approve"] in paths and ["undo"] in paths
    for path in paths:
        code, out, err = run(*path, "-h")
        assert code == 0 and "Usage:" in out, (path, err)


def test_the_command_list_is_not_cut_off(run):
    code, out, _ = run("--help")
    commands = out.split("Commands:", 1)[1]
    assert code == 0 and "..." not in commands
    assert "Screen requests: a verdict (accept, ask, ignore), the reasons, and a draft reply when in doubt." in " ".join(commands.split())


def _screen_on_a_terminal(inbox: str, db: str, *extra: str, **env: str) -> str:
    pexpect = pytest.importorskip("pexpect")
    full_env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"} | {"TERM": "xterm"} | env
    child = pexpect.spawn(sys.executable, ["-m", "assist", "screen", inbox, "-c", ANALYST, "--lang", "en", "--db", db, *extra],
                          env=full_env, encoding="utf-8", timeout=60)
    child.expect(pexpect.EOF)
    return child.before


def test_colour_on_a_terminal_unless_no_color_or_dash_dash_no_color(inbox, db):
    coloured = _screen_on_a_terminal(inbox, db, "--all")
    assert "\x1b[" in coloured and "Lê Minh Tuấn" in coloured
    for plain in (_screen_on_a_terminal(inbox, db, "--all", NO_COLOR="1"), _screen_on_a_terminal(inbox, db, "--all", "--no-color")):
        assert "\x1b[" not in plain and "Lê Minh Tuấn" in plain


def test_history_shows_local_and_relative_times_and_json_keeps_iso(run, inbox, db):
    from datetime import datetime

    screen(run, inbox, db)
    run("decide", ASKED, "ignore", "--db", db)
    code, out, _ = run("history", "--db", db)
    assert code == 0 and "just now" in out and "+00:00" not in out and "Lê Minh Tuấn" in out
    code, out, _ = run("history", "--db", db, "--json")
    assert datetime.fromisoformat(json_lines(out)[0]["at"]).tzinfo is not None


# -- 5. a week at a glance ----------------------------------------------------------------------------

def test_screen_format_table_is_one_aligned_line_per_request(run, inbox, db, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    code, out, err = screen(run, inbox, db, "--format", "table")
    assert code == 0, err
    lines = out.splitlines()
    header, rows = lines[0], lines[1:4]
    assert all(word in header for word in ("VERDICT", "NAME", "HEADLINE", "REASON"))
    assert [row.split()[0] for row in rows] == ["accept", "ask", "ignore"]
    assert {row.index(name) for row, name in zip(rows, ["Nguyễn Thu Hà", "Lê Minh Tuấn", "Sophia Williams"])} == {header.index("NAME")}
    assert any(row.endswith("…") for row in rows) and all(len(line) <= 100 for line in rows)
    assert "3 requests: 1 accept, 1 ask, 1 ignore" in out
    code, out, _ = screen(run, inbox, db, "--format", "full", "--all")
    assert "Draft reply (clarify, vi)" in out and "REASON" not in out


def test_screening_again_counts_what_was_screened_before_in_one_line_unless_all(run, inbox, db):
    screen(run, inbox, db)
    code, out, err = screen(run, inbox, db)
    assert code == 0 and "3 already screened, see `assist list`" in out and "Lê Minh Tuấn" not in out
    code, out, _ = screen(run, inbox, db, "--all")
    assert "Lê Minh Tuấn" in out and "already screened" not in out
    assert len(screened_json(run, inbox, db)) == 3  # --json prints every request, as before


def test_a_terminal_gets_the_table_beyond_ten_requests(db):
    many = _screen_on_a_terminal(str(FIXTURES / "requests"), db)
    assert "REASON" in many and "Draft reply" not in many
