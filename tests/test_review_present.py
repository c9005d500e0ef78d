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
    return run("screen", inbox, "-c", ANALYST, "--db", db, *extra)


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
    code, out, _ = run("screen", inbox, "-c", ANALYST, "--json", "--no-store")
    results = {r["id"]: r for r in json_lines(out)}
    assert code == 0 and results[ASKED]["draft_status"] is None and results[ASKED]["reply"]["kind"] == "clarify"


def test_screening_again_shows_the_edited_approved_sent_draft_not_the_template(run, inbox, db):
    template = screened_json(run, inbox, db)[ASKED]["reply"]["text"]
    for argv in (["review", "edit", ASKED, "--text", EDITED], ["review", "approve", ASKED], ["review", "mark-sent", ASKED]):
        assert run(*argv, "--db", db)[0] == 0
    for extra in ((), ("--no-cache",)):  # resumed from the store, and screened anew
        code, out, _ = screen(run, inbox, db, *extra)
        assert code == 0 and EDITED in out and template not in out
        assert "sent" in out.split(EDITED)[0].splitlines()[-2]  # the line heading the draft says its state
    again = screened_json(run, inbox, db)[ASKED]
    assert again["reply"]["text"] == EDITED and again["draft_status"] == "sent" and again["draft_edited"] is True
    assert again["verdict"] == "ask"  # assist's own verdict, as before


def test_screening_again_after_decide_accept_heads_and_counts_by_the_users_decision(run, inbox, db):
    screened_json(run, inbox, db)
    assert run("decide", ASKED, "accept", "--db", db, "-c", ANALYST)[0] == 0
    code, out, _ = screen(run, inbox, db)
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

