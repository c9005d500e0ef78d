"""Issue 12, the interactive review: one key without Enter on a terminal (a real pseudo-terminal,
through pexpect), lines through a pipe; `?` shows the keys; the card shows the whole profile; `o`
opens it; `c`/`i` decide as `assist decide` does; `u` undoes as `assist undo` does; `b` goes back;
an empty edit keeps the text; regenerating says when the backend cannot vary the text."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assist.cli import app
from helpers import FIXTURES

ANALYST = str(FIXTURES / "configs" / "analyst-vi.toml")
FIRST, SECOND = "req-02", "req-22"  # both ask, each with a pending clarify draft, in this order
URL = "https://www.linkedin.com/in/le-minh-tuan-vnpay"


@pytest.fixture
def db(tmp_path, run) -> str:
    """Two asks and an accept of the fixture inbox, screened into a fresh store."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name in ("02-vnpay-head-of-data-no-note.json", "22-unknown-profile-hi.json", "01-momo-talent-partner.json"):
        shutil.copy(FIXTURES / "requests" / name, folder / name)
    path = str(tmp_path / "keys.db")
    code, _, err = run("screen", str(folder), "-c", ANALYST, "--lang", "en", "--db", path, "--json")
    assert code == 0, err
    return path


def draft_row(db: str, request_id: str) -> tuple:
    return sqlite3.connect(db).execute("SELECT status, kind, text FROM drafts WHERE request_id = ?",
                                       (request_id,)).fetchone()


def decision(db: str, request_id: str) -> str | None:
    row = sqlite3.connect(db).execute("SELECT verdict FROM decisions WHERE request_id = ?", (request_id,)).fetchone()
    return row[0] if row else None


def spawn(db: str, **env: str):
    pexpect = pytest.importorskip("pexpect")
    environment = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "FORCE_COLOR")}
    environment.update({"TERM": "dumb", "EDITOR": "true", "VISUAL": "", **env})
    child = pexpect.spawn(sys.executable, ["-m", "assist", "review", "--db", db, "-c", ANALYST, "--lang", "en"],
                          env=environment, encoding="utf-8", timeout=30)
    return pexpect, child


# -- on a terminal: one key, no Enter -----------------------------------------------------------------

def test_a_single_key_acts_without_enter_and_the_card_shows_the_whole_profile(db):
    pexpect, child = spawn(db)
    for shown in ("Lê Minh Tuấn", "Head of Data Analytics at VNPay", "Hanoi, Vietnam", "12 mutual connections",
                  URL, "ASK", r"Draft \(clarify, vi, \d+ chars\)", r"a\[p\]prove"):
        child.expect(shown)
    child.send("p")  # no Enter
    child.expect("approved")
    child.expect("Thanh Linh")  # the next card, at once
    child.send("q")
    child.expect("Reviewed 1;")
    child.expect(pexpect.EOF)
    assert draft_row(db, FIRST)[0] == "approved" and draft_row(db, SECOND)[0] == "pending"


def test_question_mark_shows_the_keys_enter_skips_nothing_b_goes_back_u_undoes(db):
    pexpect, child = spawn(db)
    child.expect(r"a\[p\]prove")
    child.send("?")
    for explained in ("accept", "ignore", "open", "undo", "back"):
        child.expect(explained)
    child.send("\r")  # Enter is no key: the keys again, the same card
    child.expect(r"a\[p\]prove")
    child.send("p")
    child.expect("Thanh Linh")
    child.send("b")  # back to the first card, as it stands now
    child.expect("Lê Minh Tuấn")
    child.expect("approved")
    child.send("u")  # as `assist undo`: says what it reverted
    child.expect(r"undone: the approval of the reply to Lê Minh Tuấn \(req-02\)")
    child.expect(r"a\[p\]prove")
    child.send("q")
    child.expect("still pending")
    child.expect(pexpect.EOF)
    assert draft_row(db, FIRST)[0] == "pending"


def test_o_opens_the_profile_in_the_browser(db, tmp_path):
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.py"
    browser.write_text(f"import sys, pathlib\npathlib.Path({str(opened)!r}).write_text(sys.argv[1])\n", encoding="utf-8")
    pexpect, child = spawn(db, BROWSER=f"{sys.executable} {browser} %s", DISPLAY="", WAYLAND_DISPLAY="")
    child.expect(r"a\[p\]prove")
    child.send("o")
    child.expect("opened")
    child.send("q")
    child.expect(pexpect.EOF)
    assert opened.read_text() == URL


def test_a_accepts_and_i_ignores_as_decide_does(db):
    pexpect, child = spawn(db)
    child.expect(r"a\[p\]prove")
    child.send("a")  # accept: the clarify draft is withdrawn, a welcome offered on the same card
    child.expect("you decided accept")
    child.expect(r"Draft \(welcome")
    child.send("s")
    child.expect("Thanh Linh")
    child.send("i")  # ignore: the pending draft is withdrawn
    child.expect("you decided ignore")
    child.expect("Reviewed 2;")
    child.expect(pexpect.EOF)
    assert decision(db, FIRST) == "accept" and draft_row(db, FIRST)[:2] == ("pending", "welcome")
    assert decision(db, SECOND) == "ignore" and draft_row(db, SECOND)[0] == "withdrawn"


def test_regenerating_with_the_offline_engine_says_it_cannot_vary_the_text(db):
    before = draft_row(db, FIRST)
    pexpect, child = spawn(db)
    child.expect(r"a\[p\]prove")
    child.send("r")
    child.expect("same text")
    child.send("q")
    child.expect(pexpect.EOF)
    assert draft_row(db, FIRST) == before
    actions = [row[0] for row in sqlite3.connect(db).execute("SELECT action FROM draft_history WHERE request_id = ?", (FIRST,))]
    assert "regenerated" not in actions


def test_colour_on_a_terminal_and_none_under_no_color(db):
    pexpect, child = spawn(db, TERM="xterm-256color")
    child.expect("prove")  # the key itself is coloured: "a", "[p]" and "prove" apart
    coloured = child.before
    child.send("q")
    child.expect(pexpect.EOF)
    assert "\x1b[" in coloured
    pexpect, child = spawn(db, TERM="xterm-256color", NO_COLOR="1")
    child.expect(r"a\[p\]prove")
    plain = child.before
    child.send("q")
    child.expect(pexpect.EOF)
    assert "\x1b[" not in plain and "Lê Minh Tuấn" in plain


# -- through a pipe: lines ----------------------------------------------------------------------------

def review(db: str, keys: str, **env: str):
    result = CliRunner().invoke(app, ["--lang", "en", "review", "--db", db, "-c", ANALYST], input=keys, env={"EDITOR": "true", "VISUAL": "", **env})
    assert result.exit_code == 0, result.output
    return result.output


def test_an_empty_line_shows_the_keys_again_and_skips_nothing(db):
    out = review(db, "\np\nq\n")
    assert out.count("a[p]prove") >= 2
    assert draft_row(db, FIRST)[0] == "approved" and "Reviewed 1;" in out


def test_question_mark_in_line_mode_and_no_colour_into_a_pipe(db):
    out = review(db, "?\nq\n")
    assert "[a]ccept" in out and "undo" in out and "\x1b[" not in out


def test_an_empty_edit_keeps_the_previous_text_with_a_note(db, tmp_path):
    editor = tmp_path / "empty.py"
    editor.write_text("import sys, pathlib\npathlib.Path(sys.argv[1]).write_text('')\n", encoding="utf-8")
    before = draft_row(db, FIRST)
    out = review(db, "e\nq\n", EDITOR=f"{sys.executable} {editor}")
    assert "the edit was empty: the previous text is kept" in out and "Reviewed 0;" in out
    assert draft_row(db, FIRST) == before


def test_b_u_c_i_through_a_pipe(db):
    out = review(db, "b\nj\nb\nu\ni\nq\n")
    assert "the first card" in out  # nothing before it
    assert "undone: the rejection of the reply to Lê Minh Tuấn (req-02)" in out
    assert decision(db, FIRST) == "ignore" and draft_row(db, FIRST)[0] == "withdrawn"
    undo = CliRunner().invoke(app, ["undo", "--db", db])  # the same log `assist undo` reads
    assert "your decision ignore on Lê Minh Tuấn" in undo.output and decision(db, FIRST) is None


def test_o_without_a_profile_url_says_so_in_one_line(tmp_path, run, monkeypatch):
    request = json.loads((FIXTURES / "requests" / "02-vnpay-head-of-data-no-note.json").read_text(encoding="utf-8"))
    del request["sender"]["profile_url"]
    inbox = tmp_path / "no-url.json"
    inbox.write_text(json.dumps(request, ensure_ascii=False), encoding="utf-8")
    db = str(tmp_path / "no-url.db")
    assert run("screen", str(inbox), "-c", ANALYST, "--lang", "en", "--db", db, "--json")[0] == 0
    import webbrowser

    opened = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    out = review(db, "o\nq\n")
    assert opened == [] and [line for line in out.splitlines() if "no profile URL" in line]


def test_o_through_a_pipe_opens_the_profile(db, monkeypatch):
    import webbrowser

    opened = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    review(db, "o\nq\n")
    assert opened == [URL]
