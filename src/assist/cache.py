"""What assist remembers between runs, beside the store ($ASSIST_HOME, else the user data directory).

- `AnswerCache`: validated LLM answers keyed by everything that shapes them (backend, model, prompt
  version, the rendered messages, the schema), so a request screened again costs no second call.
- `ModeMemory`: which structured-output mode worked for each base URL (`auto` tries json_schema,
  then json_object, then prompt; the next run starts with what worked).

Both degrade to "remember nothing" when the directory cannot be written: a cache never fails a run.
Both are safe to share between the worker threads of a concurrent batch (one lock each).
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path

from .migrations import Migration, NewerSchema, columns, migrate
from .models import stable_hash
from .paths import assist_home  # one folder for everything assist keeps

CACHE_FILE = "llm-cache.sqlite3"
MODES_FILE = "structured-output.json"


def _add_request_id(db: sqlite3.Connection) -> None:
    # Which request an answer is about, so `assist forget` reaches the cache. Caches made before
    # the cache counted its migrations (user_version 0) may have the column already.
    if "request_id" not in columns(db, "answers"):
        db.execute("ALTER TABLE answers ADD COLUMN request_id TEXT")


# Ordered migrations (migrations.migrate), counted in the cache file's own user_version. Append,
# never edit. The first is the table as every cache before user_version was counted has it.
MIGRATIONS: tuple[Migration, ...] = (
    "CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, backend TEXT, model TEXT, prompt_version TEXT,"
    " answer TEXT NOT NULL, usage TEXT, created REAL)",
    _add_request_id,
)


class CacheUnavailable(Exception):
    """The answer cache could not be changed: `path` and why."""

    def __init__(self, path: Path, reason: str):
        self.path, self.reason = path, reason
        super().__init__(f"{path}: {reason}")


def cache_key(**parts: object) -> str:
    return stable_hash(parts, compact=True)


class AnswerCache:
    def __init__(self, path: Path | None = None):
        self.path = path or assist_home() / CACHE_FILE
        self._db: sqlite3.Connection | None = None
        self._broken = False
        self._lock = threading.RLock()  # one connection, shared by the workers of a batch

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is None and not self._broken:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(self.path, timeout=30.0, check_same_thread=False)
                self._db.execute("PRAGMA busy_timeout = 30000")
                # A cache may lose its last answers in a power cut, never its consistency.
                self._db.execute("PRAGMA journal_mode = WAL")
                self._db.execute("PRAGMA synchronous = NORMAL")
                migrate(self._db, MIGRATIONS, str(self.path))
            except (OSError, sqlite3.Error, NewerSchema):  # a newer assist's cache: remember nothing
                self._broken = True
                if self._db is not None:
                    self._db.close()
                self._db = None
        return self._db

    def get(self, key: str) -> dict | None:
        with self._lock:
            return self._get(key)

    def _get(self, key: str) -> dict | None:
        db = self._connect()
        if db is None:
            return None
        try:
            row = db.execute("SELECT answer, usage FROM answers WHERE key = ?", (key,)).fetchone()
            if row is None:
                return None
            return {"answer": json.loads(row[0]), "usage": json.loads(row[1]) if row[1] else None}
        except (sqlite3.Error, ValueError):
            return None

    def put(self, key: str, answer: dict, usage: dict | None, backend: str, model: str | None,
            prompt_version: str | None, request_id: str | None = None) -> None:
        with self._lock:
            self._put(key, answer, usage, backend, model, prompt_version, request_id)

    def forget(self, request_id: str | None) -> int:
        """Delete the cached answers about one request (None: all of them), for good. A cache file
        that exists but cannot be opened or changed may still hold them: CacheUnavailable."""
        with self._lock:
            db = self._connect()
            if db is None:
                if self.path.exists():
                    raise CacheUnavailable(self.path, "it cannot be opened (damaged, or not readable and writable)")
                return 0
            try:
                if request_id is None:
                    count = db.execute("DELETE FROM answers").rowcount
                else:
                    count = db.execute("DELETE FROM answers WHERE request_id = ?", (request_id,)).rowcount
                db.commit()
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                db.execute("VACUUM")
                return count
            except sqlite3.Error as error:
                raise CacheUnavailable(self.path, str(error)) from error

    def _put(self, key: str, answer: dict, usage: dict | None, backend: str, model: str | None,
             prompt_version: str | None, request_id: str | None = None) -> None:
        db = self._connect()
        if db is None:
            return
        try:
            db.execute(
                "INSERT OR REPLACE INTO answers (key, backend, model, prompt_version, answer, usage, created, request_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (key, backend, model, prompt_version, json.dumps(answer, ensure_ascii=False),
                 json.dumps(usage) if usage is not None else None, time.time(), request_id),
            )
            db.commit()
        except sqlite3.Error:
            pass

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None


class ModeMemory:
    def __init__(self, path: Path | None = None):
        self.path = path or assist_home() / MODES_FILE
        self._lock = threading.Lock()

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def get(self, base_url: str) -> str | None:
        mode = self._read().get(base_url)
        return mode if isinstance(mode, str) else None

    def remember(self, base_url: str, mode: str) -> None:
        with self._lock:
            self._remember(base_url, mode)

    def _remember(self, base_url: str, mode: str) -> None:
        data = self._read()
        if data.get(base_url) == mode:
            return
        data[base_url] = mode
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")
            tmp.replace(self.path)
        except OSError:
            pass
