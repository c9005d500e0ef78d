"""The store: migrations, one transaction per request, decisions and edits that stick, forgetting."""

from __future__ import annotations

import sqlite3

import pytest

from assist.backends import RulesBackend
from assist.errors import InputError
from assist.store import MIGRATIONS, Store
from helpers import analyst, request, screen

ASKED = dict(headline="Analyst at MoMo", company="MoMo", has_photo=True, connections=300)


def _screened(store: Store, note: str | None = None, **sender):
    req = request(note, **{**ASKED, **sender})
    result = screen(req, analyst())
    store.record(req, result)
    return req, result


def test_a_new_store_runs_every_migration_in_order(tmp_path):
    store = Store.open(tmp_path / "a.db")
    assert store.schema_version == len(MIGRATIONS)
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_an_older_store_is_migrated_and_keeps_its_data(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0] + "; PRAGMA user_version = 1;")
    db.execute("INSERT INTO requests VALUES ('r1', 'An', '{\"sender\": {\"name\": \"An\"}}', 'h', 'now')")
    db.execute("INSERT INTO decisions VALUES ('r1', 'accept', 'now')")
    db.commit()
    db.close()
    store = Store.open(path)
    assert store.schema_version == len(MIGRATIONS)
    assert store.decision("r1") == "accept"
    assert store.examples()[0]["decision"] == "accept"


def test_a_store_from_a_newer_assist_is_refused(tmp_path):
    path = tmp_path / "new.db"
    Store.open(path).db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(Exception, match="newer assist"):
        Store.open(path)


def test_not_a_database_is_bad_input(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(InputError, match="not a usable assist database"):
        Store.open(path)


def test_a_screened_request_is_found_again_only_for_the_same_content_and_screening_key(tmp_path):
    store = Store.open(tmp_path / "a.db")
    req, result = _screened(store)
    store.record(req, result, "key-1")
    assert store.screened(req, "key-1") == result.model_copy(update={"resumed": True})
    assert store.screened(req, "key-2") is None
    changed = req.model_copy(update={"note": "A different note now"})
    assert store.screened(changed, "key-1") is None


def test_screening_again_keeps_an_edited_or_approved_draft_and_the_users_decision(tmp_path):
    store = Store.open(tmp_path / "a.db")
    req, result = _screened(store)
    assert result.verdict == "ask"
    store.edit(req.id, "My own words, signed Minh")
    store.decide(req.id, "accept")
    store.record(req, result)  # screened again
    draft = store.draft(req.id)
    assert draft.text == "My own words, signed Minh" and draft.edited
    assert store.decision(req.id) == "accept"
    store.act(req.id, "approve")
    store.record(req, result)
    assert store.draft(req.id).status == "approved"


def test_screening_again_refreshes_a_pending_untouched_draft(tmp_path):
    store = Store.open(tmp_path / "a.db")
    req, result = _screened(store)
    fresher = result.model_copy(update={"reply": result.reply.model_copy(update={"text": "Newer draft"})})
    store.record(req, fresher)
    assert store.draft(req.id).text == "Newer draft"


def test_review_actions_and_history(tmp_path):
    store = Store.open(tmp_path / "a.db")
    req, _ = _screened(store)
    store.edit(req.id, "Edited text")
    store.act(req.id, "approve")
    store.act(req.id, "mark-sent")
    actions = [entry["action"] for entry in store.history()]
    assert actions == ["sent", "approved", "edited"]
    with pytest.raises(InputError, match="empty"):
        store.edit(req.id, "   ")
    with pytest.raises(InputError, match="no such request"):
        store.act("nope", "approve")


def test_learned_examples_can_be_seen_and_unlearned(tmp_path):
    store = Store.open(tmp_path / "a.db")
    req, _ = _screened(store)
    assert store.examples() == []  # a draft nobody approved or edited teaches nothing
    store.edit(req.id, "Thanks! How did you find my work?")
    assert store.examples()[0]["reply"] == "Thanks! How did you find my work?"
    store.unlearn(req.id)
    assert store.examples() == []
    assert store.draft(req.id).text == "Thanks! How did you find my work?"  # still on record


def test_forget_deletes_a_sender_for_good_and_keeps_the_database_sound(tmp_path):
    path = tmp_path / "a.db"
    store = Store.open(path)
    kept, _ = _screened(store, name="Kept Person")
    gone, _ = _screened(store, name="Gone Person", note="Secret detail 12345")
    store.decide(gone.id, "ignore")
    assert store.forget(gone.id) == 1
    for table in ("requests", "verdicts", "drafts", "decisions", "actions"):
        column = "id" if table == "requests" else "request_id"
        assert store.db.execute(f"SELECT COUNT(*) FROM {table} WHERE {column} = ?", (gone.id,)).fetchone()[0] == 0
    store.close()
    assert b"Secret detail 12345" not in path.read_bytes()
    store = Store.open(path)
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert store.request(kept.id).sender.name == "Kept Person"
    assert store.forget(None) == 1
    assert store.screened_count() == 0
