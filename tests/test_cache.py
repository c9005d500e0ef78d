"""The LLM answer cache's schema: its own ordered migrations (migrations.migrate), and caches made
before it counted them (user_version 0, with or without request_id) keep working."""

from __future__ import annotations

import json
import sqlite3

import pytest

from assist.cache import MIGRATIONS, AnswerCache
from assist.migrations import NewerSchema, columns, migrate

BEFORE_REQUEST_ID = ("CREATE TABLE answers (key TEXT PRIMARY KEY, backend TEXT, model TEXT, prompt_version TEXT,"
                     " answer TEXT NOT NULL, usage TEXT, created REAL)")
# What the cache made from when `assist forget` reached it until it counted migrations.
WITH_REQUEST_ID = BEFORE_REQUEST_ID[:-1] + ", request_id TEXT)"


def _user_version(path) -> int:
    db = sqlite3.connect(path)
    try:
        return db.execute("PRAGMA user_version").fetchone()[0]
    finally:
        db.close()


@pytest.mark.parametrize("schema", [BEFORE_REQUEST_ID, WITH_REQUEST_ID], ids=["without-request_id", "with-request_id"])
def test_an_old_cache_opens_keeps_its_answers_and_gains_request_id(tmp_path, schema):
    path = tmp_path / "llm-cache.sqlite3"
    db = sqlite3.connect(path)
    db.execute(schema)
    db.execute("INSERT INTO answers (key, backend, model, prompt_version, answer, usage, created) VALUES (?, ?, ?, ?, ?, ?, ?)",
               ("old-key", "openai", "m", "v1", json.dumps({"verdict": "ask"}), json.dumps({"prompt_tokens": 3}), 1.0))
    db.commit()
    db.close()
    assert _user_version(path) == 0

    cache = AnswerCache(path)
    assert cache.get("old-key") == {"answer": {"verdict": "ask"}, "usage": {"prompt_tokens": 3}}
    cache.put("new-key", {"verdict": "accept"}, None, "openai", "m", "v1", request_id="r-1")
    assert cache.forget("r-1") == 1
    assert cache.get("new-key") is None and cache.get("old-key") is not None
    cache.close()

    db = sqlite3.connect(path)
    assert "request_id" in columns(db, "answers")
    db.close()
    assert _user_version(path) == len(MIGRATIONS)
    # and opened again, nothing left to do
    again = AnswerCache(path)
    assert again.get("old-key") is not None
    again.close()
    assert _user_version(path) == len(MIGRATIONS)


def test_a_new_cache_has_the_same_table_as_an_upgraded_one(tmp_path):
    cache = AnswerCache(tmp_path / "new.sqlite3")
    cache.put("k", {"verdict": "ask"}, None, "openai", "m", "v1", request_id="r")
    cache.close()
    db = sqlite3.connect(tmp_path / "new.sqlite3")
    names = [row[1] for row in db.execute("PRAGMA table_info(answers)")]
    db.close()
    assert names == ["key", "backend", "model", "prompt_version", "answer", "usage", "created", "request_id"]
    assert _user_version(tmp_path / "new.sqlite3") == len(MIGRATIONS)


def test_a_cache_from_a_newer_assist_is_left_alone_and_remembers_nothing(tmp_path):
    path = tmp_path / "newer.sqlite3"
    db = sqlite3.connect(path)
    db.execute(WITH_REQUEST_ID)
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    db.commit()
    db.close()
    cache = AnswerCache(path)
    assert cache.get("k") is None
    cache.put("k", {"verdict": "ask"}, None, "openai", "m", "v1")  # no error: a cache never fails a run
    assert cache.get("k") is None
    assert _user_version(path) == len(MIGRATIONS) + 1


def test_migrate_runs_in_order_and_a_failing_step_changes_nothing(tmp_path):
    db = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    steps = ["CREATE TABLE t (a INTEGER); INSERT INTO t VALUES (1)", "INSERT INTO t VALUES (2)"]
    assert migrate(db, steps, "x.db") == 2
    assert migrate(db, steps, "x.db") == 2  # nothing left to do
    assert [row[0] for row in db.execute("SELECT a FROM t ORDER BY a")] == [1, 2]

    def broken(connection: sqlite3.Connection) -> None:
        connection.execute("INSERT INTO t VALUES (4)")
        raise sqlite3.OperationalError("boom")

    with pytest.raises(sqlite3.OperationalError, match="boom"):
        migrate(db, [*steps, "INSERT INTO t VALUES (3)", broken], "x.db")
    assert db.execute("PRAGMA user_version").fetchone()[0] == 2
    assert [row[0] for row in db.execute("SELECT a FROM t ORDER BY a")] == [1, 2]
    assert not db.in_transaction
    db.execute("PRAGMA user_version = 9")
    with pytest.raises(NewerSchema, match="x.db: made by a newer assist"):
        migrate(db, steps, "x.db")
