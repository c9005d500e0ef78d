"""Ordered schema migrations for assist's SQLite files (the store, the LLM cache).

A file's `PRAGMA user_version` says how many of its migrations have run. Each file has its own
ordered list; append to it, never edit or reorder what is there.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from .errors import AssistError
from .i18n import _

# A migration: SQL statements separated by ";" (none may hold a ";" of its own), or a function
# for a step that must look before it acts (SQLite has no ADD COLUMN IF NOT EXISTS).
Migration = str | Callable[[sqlite3.Connection], None]


class NewerSchema(AssistError):
    """The file was made by a newer assist: it has run migrations this one does not know."""


def migrate(db: sqlite3.Connection, migrations: Sequence[Migration], label: str) -> int:
    """Run the migrations `db` has not run yet, in order, each followed by its number in
    user_version, in one transaction (BEGIN IMMEDIATE, so two processes opening one file at once
    queue, and the second finds nothing left to do). Call it outside a transaction. Returns the
    schema version; raises NewerSchema for a file made by a newer assist (`label` names it)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(migrations):
            raise NewerSchema(_("{file}: made by a newer assist (schema {version}); upgrade assist").format(
                file=label, version=version))
        for number, migration in enumerate(migrations[version:], start=version + 1):
            if callable(migration):
                migration(db)
            else:
                for statement in filter(str.strip, migration.split(";")):
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {number}")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
    return max(version, len(migrations))


def columns(db: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
