"""Step 8, store: what was screened, drafted, edited and decided, in one local SQLite file.

WAL mode and one transaction per request: a run killed at any moment loses at most the request
in flight, and a second run resumes without paying twice. The user's decisions and edited drafts
are never overwritten by a new screening. Nothing here ever leaves the machine.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .i18n import N_, _
from .shown_words import kind_word, status_word, verdict_word
from .errors import InputError
from .draft_states import DONE, next_state
from .migrations import NewerSchema, migrate
from .models import Reply, Request, ScreenResult, Verdict
from .paths import assist_home, prepare_folder

DB_NAME = "assist.db"

# Ordered migrations (migrations.migrate): the database's `user_version` says how many have run.
# Append, never edit.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE requests (
        id TEXT PRIMARY KEY,
        sender TEXT NOT NULL,
        payload TEXT NOT NULL,            -- the request as screened (JSON)
        content_hash TEXT NOT NULL,
        first_seen TEXT NOT NULL
    );
    CREATE TABLE verdicts (
        id INTEGER PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
        content_hash TEXT NOT NULL,
        verdict TEXT NOT NULL,
        backend TEXT NOT NULL,
        model TEXT,
        prompt_version TEXT,
        result TEXT NOT NULL,             -- the whole verdict JSON, flags included
        created_at TEXT NOT NULL
    );
    CREATE INDEX verdicts_by_request ON verdicts(request_id, id);
    CREATE TABLE drafts (
        request_id TEXT PRIMARY KEY REFERENCES requests(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        language TEXT NOT NULL,
        text TEXT NOT NULL,
        generated_text TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'sent')),
        edited INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE decisions (
        request_id TEXT PRIMARY KEY REFERENCES requests(id) ON DELETE CASCADE,
        verdict TEXT NOT NULL CHECK (verdict IN ('accept', 'ask', 'ignore')),
        decided_at TEXT NOT NULL
    );
    CREATE TABLE actions (
        id INTEGER PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
        action TEXT NOT NULL,
        detail TEXT,
        at TEXT NOT NULL
    );
    CREATE INDEX actions_by_request ON actions(request_id, id);
    """,
    # What assist learns from (approved or edited drafts, decisions) can be switched off one by one.
    """
    ALTER TABLE drafts ADD COLUMN learn INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE decisions ADD COLUMN learn INTEGER NOT NULL DEFAULT 1;
    """,
    # What a verdict was made under (backend, model, prompts, the user's config): a run resumes only
    # verdicts made under the same key, so a changed policy or prompt screens again.
    """
    ALTER TABLE verdicts ADD COLUMN screening_key TEXT;
    CREATE INDEX verdicts_by_key ON verdicts(request_id, screening_key);
    """,
    # Draft states as one machine (draft_states.py): a draft a decision withdrew is `withdrawn`
    # (SQLite cannot change a CHECK in place: the table is copied), and every change of a draft is
    # kept in its history, starting with what each draft is now.
    """
    CREATE TABLE drafts_new (
        request_id TEXT PRIMARY KEY REFERENCES requests(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        language TEXT NOT NULL,
        text TEXT NOT NULL,
        generated_text TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending'
            CHECK (status IN ('pending', 'approved', 'rejected', 'sent', 'withdrawn')),
        edited INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        learn INTEGER NOT NULL DEFAULT 1
    );
    INSERT INTO drafts_new (request_id, kind, language, text, generated_text, status, edited, created_at, updated_at, learn)
        SELECT request_id, kind, language, text, generated_text, status, edited, created_at, updated_at, learn FROM drafts;
    DROP TABLE drafts;
    ALTER TABLE drafts_new RENAME TO drafts;
    CREATE TABLE draft_history (
        id INTEGER PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
        action TEXT NOT NULL,             -- draft_states.DONE: drafted, edited, approved, sent, ...
        from_status TEXT,                 -- NULL for a draft's first version
        status TEXT NOT NULL,             -- the draft after the change, whole:
        kind TEXT NOT NULL,
        language TEXT NOT NULL,
        text TEXT NOT NULL,
        edited INTEGER NOT NULL,
        at TEXT NOT NULL
    );
    CREATE INDEX draft_history_by_request ON draft_history(request_id, id);
    INSERT INTO draft_history (request_id, action, from_status, status, kind, language, text, edited, at)
        SELECT request_id, 'on record', NULL, status, kind, language, text, edited, updated_at FROM drafts;
    """,
    # One identity per sender: the profile URL of each request, as compared (profile_key), indexed.
    lambda db: _add_profile_column(db),
    # Undo (`assist undo`): each action keeps the request's draft and decision just before and just
    # after it (JSON), and when it was undone.
    """
    ALTER TABLE actions ADD COLUMN undo TEXT;
    ALTER TABLE actions ADD COLUMN undone_at TEXT
    """,
    # Claims (issue 13): a request a process is paying a model to screen, so that another process
    # screening the same input waits for its verdict instead of paying again. Released when the
    # verdict is recorded (or the call failed); a dead process's claims are stale (claim()).
    """
    CREATE TABLE claims (
        request_id TEXT NOT NULL,
        screening_key TEXT NOT NULL,
        pid INTEGER NOT NULL,
        host TEXT NOT NULL,
        claimed_at REAL NOT NULL,          -- seconds since the epoch
        PRIMARY KEY (request_id, screening_key)
    )
    """,
)

CLAIM_STALE_SECONDS = 30 * 60  # a claim older than this is taken over even when its process lives on


def profile_key(url: str | None) -> str | None:
    """A LinkedIn profile URL as compared: no scheme, www or country prefix, query or trailing
    slash, lower case. `https://vn.linkedin.com/in/Lan-MoMo/?x=1` -> `linkedin.com/in/lan-momo`."""
    if not url or not url.strip():
        return None
    text = url.strip().casefold().split("?")[0].split("#")[0].rstrip("/")
    text = text.split("://", 1)[-1]
    host, _, path = text.partition("/")
    if host == "linkedin.com" or host.endswith(".linkedin.com"):
        host = "linkedin.com"
    return f"{host}/{path}" if path else host


_HEX = frozenset("0123456789abcdef")


def derived_id(request: Request) -> bool:
    """Whether the request's id is assist's (derived from its content: Invitations.csv, or JSON with
    no id), not the source's own."""
    from .models import stable_hash

    # Such an id is "req-" and 12 lower-case hex digits: any other is the source's own, known
    # without hashing the request (most of a run's ids, every one of a JSON file's that has them).
    if request.id is None or len(request.id) != 16 or not request.id.startswith("req-") \
            or not _HEX.issuperset(request.id[4:]):
        return False
    return request.id == "req-" + stable_hash(request.model_dump(exclude=request.identity(), mode="json"), 12)


def name_key(name: str) -> str:
    import unicodedata

    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def _add_profile_column(db: sqlite3.Connection) -> None:
    from .migrations import columns

    if "profile" not in columns(db, "requests"):
        db.execute("ALTER TABLE requests ADD COLUMN profile TEXT")
    rows = db.execute("SELECT id, payload FROM requests").fetchall()
    db.executemany("UPDATE requests SET profile = ? WHERE id = ?",
                   [(profile_key(json.loads(row[1]).get("sender", {}).get("profile_url")), row[0]) for row in rows])
    db.execute("CREATE INDEX IF NOT EXISTS requests_by_profile ON requests(profile)")


READ_ONLY = N_("read-only (its file or folder cannot be written): reading works; to change anything, make both writable")
# The stores this process opened, the last one last: a database error met later names it.
OPENED: list[Path] = []


def _host() -> str:
    import socket

    return socket.gethostname()


def _alive(pid: int, host: str) -> bool:
    """Whether the process that made a claim still runs (on another machine: assumed so)."""
    if host != _host():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, under another user
        return True
    return True


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def database_problem(error: Exception, path: Path | None = None) -> InputError:
    """A database error in one line, naming the file and what to do (exit 2: the user can act)."""
    path = path or (OPENED[-1] if OPENED else default_db_path())
    text = str(error)
    name = getattr(error, "sqlite_errorname", "")
    if name.startswith("SQLITE_READONLY") or "readonly" in text:
        return InputError(str(path), _(READ_ONLY))
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
        return InputError(str(path), _("busy ({reason}): another assist held it for 30 s; try again when it is done"
                                       ).format(reason=text))
    if name.startswith(("SQLITE_FULL", "SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")) \
            or "unable to open" in text or "disk" in text and "malformed" not in text:
        return InputError(str(path), _("cannot use the database ({reason}): check that the disk has space and that "
                                       "the file and its folder can be read and written").format(reason=text))
    return InputError(str(path), _("damaged, not a usable assist database ({reason}): move it aside (mv {path} "
                                   "{path}.damaged) and assist starts a new one; `sqlite3 FILE .recover` may save "
                                   "what it held").format(reason=text, path=path))


def default_db_path() -> Path:
    return assist_home() / DB_NAME


def content_hash(request: Request) -> str:
    """What a stored verdict was made from: the request as validated (its JSON, fields in their
    declared order), less when it arrived."""
    exclude = request.identity(frozenset({"received_at"}))
    return hashlib.sha256(request.model_dump_json(exclude=exclude).encode()).hexdigest()[:16]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


DRAFT_HISTORY_COLUMNS = ("action", "from_status", "status", "kind", "language", "text", "edited", "at")


@dataclass(frozen=True)
class Draft:
    request_id: str
    sender: str
    note: str | None
    kind: str
    language: str
    text: str
    generated_text: str
    status: str
    edited: bool
    learn: bool
    updated_at: str
    verdict: dict | None  # the latest verdict JSON

    def as_json(self) -> dict:
        return {
            "id": self.request_id, "sender": self.sender, "note": self.note, "kind": self.kind,
            "language": self.language, "text": self.text, "status": self.status, "edited": self.edited,
            "updated_at": self.updated_at,
            "verdict": self.verdict.get("verdict") if self.verdict else None,
            "summary": self.verdict.get("summary") if self.verdict else None,
        }


@dataclass(frozen=True)
class DraftNow:
    """A request's draft as it stands on record."""

    kind: str
    language: str
    text: str
    status: str
    edited: bool

    @property
    def touched(self) -> bool:
        """The user's: edited, or moved from pending (approved, rejected, sent; withdrawn by a decision)."""
        return self.edited or self.status != "pending"


@dataclass(frozen=True)
class OnRecord:
    """The user's word on a request, as the store holds it: their decision, and the draft on record."""

    decision: str | None = None
    draft: DraftNow | None = None


NOTHING_ON_RECORD = OnRecord()


SNAPSHOT_DRAFT = ("kind", "language", "text", "generated_text", "status", "edited", "created_at", "updated_at", "learn")


@dataclass(frozen=True)
class Undone:
    """What `undo` reverted: the action (as logged, and in words), and the request's draft and
    decision before the undo (`was`) and now (`now`, as they were before the action)."""

    request_id: str
    sender: str
    action: str
    what: str
    now: dict
    was: dict


UNDONE_TEXTS = {
    "decided": N_("your decision {detail} on {who}"),
    "approved": N_("the approval of the reply to {who}"),
    "rejected": N_("the rejection of the reply to {who}"),
    "reopened": N_("reopening the reply to {who}"),
    "edited": N_("your edit of the reply to {who}"),
    "regenerated": N_("the regenerated reply to {who}"),
    "drafted": N_("the reply drafted for {who}"),
    "sent": N_("marking the reply to {who} sent"),
}


def _undone_text(row: sqlite3.Row, translate=_) -> str:
    """An action of the log in words: `your decision accept on Lê Minh Tuấn (req-02)`; in the
    interface's language, or (translate=str, what the log keeps) in English."""
    who = f"{row['sender']} ({row['request_id']})"
    action, detail = row["action"], row["detail"]
    if action not in UNDONE_TEXTS:
        return f"{action} on {who}"
    if action == "decided" and translate is _:
        detail = verdict_word(detail).lower()
    return translate(UNDONE_TEXTS[action]).format(detail=detail, who=who)


@dataclass(frozen=True)
class Change:
    """What a review action left: the draft, whether it changed, and a note when it did not."""

    draft: Draft
    changed: bool
    note: str | None = None


@dataclass(frozen=True)
class Decided:
    """What `decide` did: whether the decision changed; what it did to the draft (`done`, for the
    user to read); and `notes` on what it left alone and why."""

    changed: bool
    done: list[str]
    notes: list[str]


class DraftChanged(InputError):
    """A change asked of the draft as it was read earlier (the review page's form), refused because the
    stored draft's text differs now (edited or replaced in another terminal): nothing was replaced;
    `stored` is the draft on record."""

    def __init__(self, request_id: str, stored: Draft):
        super().__init__(request_id, _("the draft changed since the page was loaded; nothing was replaced"))
        self.stored = stored


class Store:
    def __init__(self, path: Path):
        self.path = path
        self.read_only = False
        self._readers: list[ExampleReader] = []
        # Who each id was identified as in this run, before it is recorded (identify).
        self._senders: dict[str, tuple[str | None, str, str]] = {}
        self._profiles: dict[str, tuple[str, bool]] = {}  # profile -> (id, whether assist derived it)
        if path.is_dir():
            raise InputError(str(path), _("is a folder, not a database file: give the file's path (e.g. {example})").format(
                example=path / DB_NAME))
        prepare_folder(path.parent, N_("the store goes under it"))
        OPENED.append(path)
        try:
            if path.exists() and not _writable(path):
                self._open_read_only()
                return
            self.db = sqlite3.connect(path, timeout=30.0, isolation_level=None, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA busy_timeout = 30000")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA secure_delete = ON")  # forgotten data is overwritten, not just unlinked
            self._migrate()
        except sqlite3.Error as error:
            raise database_problem(error, path) from None
        except OSError as error:
            raise InputError(str(path), _("cannot open the database ({reason})").format(reason=error.strerror or error)) from None

    def _open_read_only(self) -> None:
        """A store whose file or folder cannot be written: read (`review list`, `list`, `show`), never
        changed (a change says so, READ_ONLY). Immutable when not even the WAL's index can be made."""
        from urllib.request import pathname2url

        url = f"file:{pathname2url(str(self.path.resolve()))}"
        self.read_only = True
        for mode in ("mode=ro", "immutable=1"):
            self.db = sqlite3.connect(f"{url}?{mode}", uri=True, timeout=30.0, isolation_level=None,
                                      check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            try:
                version = self.db.execute("PRAGMA user_version").fetchone()[0]
                self.db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
                break
            except sqlite3.OperationalError:
                self.db.close()
                if mode == "immutable=1":
                    raise
        if version > len(MIGRATIONS):
            raise NewerSchema(_("{file}: made by a newer assist (schema {version}); upgrade assist").format(
                file=self.path, version=version))
        if version < len(MIGRATIONS):
            raise InputError(str(self.path), _("read-only, and made by an older assist: make it and its folder "
                                               "writable once, so it can be upgraded"))

    @classmethod
    def open(cls, path: str | Path | None = None) -> "Store":
        return cls(Path(path) if path else default_db_path())

    def close(self) -> None:
        for reader in self._readers:
            reader.close()
        self.db.close()

    def example_reader(self) -> "ExampleReader":
        """The user's examples most like a request, readable from any thread (closed with the store)."""
        reader = ExampleReader(self.path)
        self._readers.append(reader)
        return reader

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ---------------------------------------------------------------------------------

    def _migrate(self) -> None:
        migrate(self.db, MIGRATIONS, str(self.path))

    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE: take the write lock up front, so two writers queue instead of failing."""
        if self.read_only:
            raise InputError(str(self.path), _(READ_ONLY))
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")

    # -- screening ------------------------------------------------------------------------------

    def identify(self, request: Request) -> tuple[Request, str | None]:
        """The request under the id of its sender: a request id is trusted only together with who sent
        it (the profile URL when both have one, else the name). A profile already on record keeps its
        id, from whatever file it comes (JSON, Invitations.csv); a different sender under an id on
        record gets an id of its own, derived from the id and the sender, and inherits nothing (the
        warning says so). Requests identified earlier in this run count as on record."""
        profile, name = profile_key(request.sender.profile_url), name_key(request.sender.name)
        if profile is not None:
            known = self._profiles.get(profile)
            if known is None:
                row = self.db.execute("SELECT id, payload FROM requests WHERE profile = ? ORDER BY first_seen, id LIMIT 1",
                                      (profile,)).fetchone()
                if row is not None:
                    known = (row["id"], derived_id(Request.model_validate_json(row["payload"])))
            # One record, unless both ids are the source's own (two requests it told apart).
            if known is not None and (known[0] == request.id or known[1] or derived_id(request)):
                self._remember(known[0], profile, name, derived=known[1])
                return (request if known[0] == request.id else request.model_copy(update={"id": known[0]})), None
        warning = None
        stored = self._senders.get(request.id)
        if stored is None:
            row = self.db.execute("SELECT sender, profile FROM requests WHERE id = ?", (request.id,)).fetchone()
            stored = (row["profile"], name_key(row["sender"]), row["sender"]) if row else None
        if stored is not None and not (stored[0] == profile if stored[0] and profile else stored[1] == name):
            from .models import stable_hash

            new_id = f"{request.id}-{stable_hash(profile or name, 6)}"
            warning = _("{id}: that id is on record for {stored}; this request from {name} is another sender, kept "
                        "as {new_id}, and inherits nothing of the first").format(
                id=request.id, stored=stored[2], name=request.sender.name, new_id=new_id)
            request = request.model_copy(update={"id": new_id})
        self._remember(request.id or "", profile, name, request.sender.name, derived_id(request))
        return request, warning

    def _remember(self, request_id: str, profile: str | None, name: str, shown: str | None = None,
                  derived: bool = False) -> None:
        if request_id not in self._senders:
            self._senders[request_id] = (profile, name, shown or name)
        if profile is not None:
            self._profiles.setdefault(profile, (request_id, derived))

    def knows_anything(self, screening_key: str) -> bool:
        """False when no verdict was made under this key, the user decided nothing and touched no
        draft: then no request can be resumed, and none carries the user's word."""
        row = self.db.execute("SELECT EXISTS(SELECT 1 FROM verdicts WHERE screening_key = ?) "
                              "OR EXISTS(SELECT 1 FROM decisions) "
                              "OR EXISTS(SELECT 1 FROM drafts WHERE status != 'pending' OR edited = 1)",
                              (screening_key,)).fetchone()
        return bool(row[0])

    def lookup(self, request: Request, screening_key: str) -> tuple[ScreenResult | None, Verdict | None]:
        """What the store knows of a request: the verdict recorded for this very content under the
        same screening key (marked `resumed`, with the user's decision), or None; and the user's own
        decision, if any."""
        resumed, present = self.look_up(request, screening_key)
        return resumed, present.decision

    def look_up(self, request: Request, screening_key: str) -> tuple[ScreenResult | None, "OnRecord"]:
        """lookup, and the draft on record, in one query."""
        row = self.db.execute(
            "SELECT (SELECT result FROM verdicts WHERE request_id = ?1 AND screening_key = ?2 AND content_hash = ?3 "
            "ORDER BY id DESC LIMIT 1) AS result, (SELECT verdict FROM decisions WHERE request_id = ?1) AS decision, "
            "d.kind, d.language, d.text, d.status, d.edited FROM (SELECT 1) LEFT JOIN drafts d ON d.request_id = ?1",
            (request.id, screening_key, content_hash(request)),
        ).fetchone()
        draft = (DraftNow(row["kind"], row["language"], row["text"], row["status"], bool(row["edited"]))
                 if row["status"] is not None else None)
        present = OnRecord(row["decision"], draft)
        if row["result"] is None:
            return None, present
        result = ScreenResult.model_validate_json(row["result"])
        return result.model_copy(update={"resumed": True, "user_decision": row["decision"]}), present

    def screened(self, request: Request, screening_key: str) -> ScreenResult | None:
        """The verdict recorded for this very request content under the same screening key, as it
        stands now: marked `resumed`, with the user's own decision. None if there is none."""
        return self.lookup(request, screening_key)[0]

    # -- claims: one process pays for a request at a time -------------------------------------------

    def claim(self, request: Request, screening_key: str) -> str:
        """Take the request for this process to screen under `screening_key`, in one transaction with
        the look for its verdict: "done" (a verdict for this very content is on record: look it up),
        "held" (another process that is alive claimed it, and not CLAIM_STALE_SECONDS ago: wait), or
        "mine" (now claimed by this process, over any stale claim)."""
        me, host, now = os.getpid(), _host(), time.time()
        with self.transaction() as db:
            if db.execute("SELECT 1 FROM verdicts WHERE request_id = ? AND screening_key = ? AND content_hash = ? LIMIT 1",
                          (request.id, screening_key, content_hash(request))).fetchone():
                return "done"
            row = db.execute("SELECT pid, host, claimed_at FROM claims WHERE request_id = ? AND screening_key = ?",
                             (request.id, screening_key)).fetchone()
            if row is not None and (row["pid"], row["host"]) != (me, host) \
                    and now - row["claimed_at"] < CLAIM_STALE_SECONDS and _alive(row["pid"], row["host"]):
                return "held"
            db.execute("INSERT OR REPLACE INTO claims (request_id, screening_key, pid, host, claimed_at) "
                       "VALUES (?, ?, ?, ?, ?)", (request.id, screening_key, me, host, now))
        return "mine"

    def release(self, request_ids: Iterable[str | None] | None = None, screening_key: str | None = None) -> None:
        """Let go of this process's claims: of these requests, or all of them (None)."""
        if self.read_only:
            return
        me, host = os.getpid(), _host()
        with self.transaction() as db:
            if request_ids is None:
                db.execute("DELETE FROM claims WHERE pid = ? AND host = ?", (me, host))
            else:
                db.executemany("DELETE FROM claims WHERE request_id = ? AND screening_key = ? AND pid = ? AND host = ?",
                               [(request_id, screening_key, me, host) for request_id in request_ids])

    def record(self, request: Request, result: ScreenResult, screening_key: str | None = None) -> ScreenResult:
        """One request's screening, in its own transaction; the result as recorded, with the user's decision."""
        self.record_all([(request, result)], screening_key)
        decision = self.decision(request.id or "")
        return result.model_copy(update={"user_decision": decision}) if decision else result

    def record_all(self, screened: Iterable[tuple[Request, ScreenResult]], screening_key: str | None = None) -> None:
        """Several screenings in one transaction (offline verdicts, which cost nothing to redo). A
        decision or an edited, approved, rejected or sent draft is the user's: it stays as it is."""
        now = _now()
        requests, verdicts, drafts = [], [], []
        for request, result in screened:
            digest = content_hash(request)
            requests.append(((request.id, request.sender.name, request.model_dump_json(exclude_none=True), digest, now,
                              profile_key(request.sender.profile_url)), request.sender.profile_known()))
            verdicts.append((request.id, digest, result.verdict, result.backend, result.model, result.prompt_version,
                             result.model_dump_json(), now, screening_key))
            if result.reply is not None:
                drafts.append((request.id, result.reply))
        requests_in = list(requests)
        with self.transaction() as db:
            requests = [row if known else self._kept_profile(db, row) for row, known in requests]
            db.executemany(
                "INSERT INTO requests (id, sender, payload, content_hash, first_seen, profile) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET sender = excluded.sender, payload = excluded.payload, "
                "content_hash = excluded.content_hash, profile = excluded.profile", requests)
            db.executemany(
                "INSERT INTO verdicts (request_id, content_hash, verdict, backend, model, prompt_version, result, "
                "created_at, screening_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", verdicts)
            # A request the user decided on has the draft their decision left (decide): a screening
            # offers none. Otherwise a draft is recorded, or replaces one nobody touched.
            decided = {row[0] for row in db.execute("SELECT request_id FROM decisions")} if drafts else set()
            for request_id, reply in drafts:
                if request_id not in decided:
                    self._offer(db, request_id, reply.kind, reply.language, reply.text, now, over_withdrawn=False)
            if screening_key is not None:  # screened: this process's claims on them are done with
                db.executemany("DELETE FROM claims WHERE request_id = ? AND screening_key = ? AND pid = ? AND host = ?",
                               [(row[0], screening_key, os.getpid(), _host()) for row, _ in requests_in])

    @staticmethod
    def _kept_profile(db: sqlite3.Connection, row: tuple) -> tuple:
        """An export row (a name, a URL and a note: no profile) for a request already on record with
        its whole profile keeps that profile: the same sender seen through a poorer source loses
        nothing."""
        request_id, sender, payload = row[0], row[1], row[2]
        incoming = json.loads(payload)
        stored = db.execute("SELECT payload FROM requests WHERE id = ?", (request_id,)).fetchone()
        if stored is None:
            return row
        kept = json.loads(stored[0])
        if not Request.model_validate(kept).sender.profile_known():
            return row
        merged = {**kept, **{key: value for key, value in incoming.items() if key != "sender"},
                  "sender": {**incoming.get("sender", {}), **kept.get("sender", {})}}
        return (request_id, sender, json.dumps(merged, ensure_ascii=False), *row[3:])

    # -- the user's own word --------------------------------------------------------------------

    def decide(self, request_id: str, verdict: Verdict, offer: "Reply | None" = None) -> Decided:
        """The user's own verdict, and the draft made to agree with it, in one transaction: `accept`
        withdraws a pending draft of another kind and offers `offer` (a welcome) in its place;
        `ignore` withdraws a pending draft; `ask` offers `offer` (a clarify) when there is no draft,
        or in place of a pending welcome. Only a pending draft nobody edited is withdrawn (it stays
        in the draft's history); any other is kept, and a note says so. The same verdict again
        changes nothing."""
        now = _now()
        done: list[str] = []
        notes: list[str] = []
        with self.transaction() as db:
            self._require(request_id)
            if self.decision(request_id) == verdict:
                return Decided(False, [], [_("{id}: you already decided {verdict}; nothing changed").format(
                    id=request_id, verdict=verdict_word(verdict).lower())])
            before = self._snapshot(db, request_id)
            db.execute("INSERT INTO decisions (request_id, verdict, decided_at) VALUES (?, ?, ?) "
                       "ON CONFLICT(request_id) DO UPDATE SET verdict = excluded.verdict, decided_at = excluded.decided_at",
                       (request_id, verdict, now))
            row = db.execute("SELECT * FROM drafts WHERE request_id = ?", (request_id,)).fetchone()
            untouched = row is not None and row["status"] == "pending" and not row["edited"]
            # The kind of draft the verdict calls for: None keeps whatever pending draft there is.
            wanted = {"accept": "welcome", "ask": "clarify", "ignore": None}[verdict]
            unfit = untouched and (verdict == "ignore" or (verdict == "accept" and row["kind"] != "welcome")
                                   or (verdict == "ask" and row["kind"] == "welcome"))
            if unfit:
                self._change(db, request_id, "withdraw", row, now)
                done.append(_("the pending {kind} draft is withdrawn (kept in its history)").format(kind=kind_word(row["kind"])))
            elif row is not None and not untouched and row["status"] != "withdrawn" and (
                    verdict != "ask" or row["kind"] == "welcome"):
                what = (_("{id}: your edited {status} {kind} draft is kept") if row["edited"]
                        else _("{id}: your {status} {kind} draft is kept")).format(
                    id=request_id, status=status_word(row["status"]), kind=kind_word(row["kind"]))
                notes.append(what + ("; " + _("no {kind} draft is offered").format(kind=kind_word(wanted)) if wanted else ""))
            fresh = db.execute("SELECT status FROM drafts WHERE request_id = ?", (request_id,)).fetchone()
            if wanted and offer is not None and (fresh is None or fresh["status"] == "withdrawn"):
                self._offer(db, request_id, offer.kind, offer.language, offer.text, now, over_withdrawn=True)
                done.append(_("a {kind} draft waits for your review (`assist review show {id}`)").format(
                    kind=kind_word(offer.kind), id=request_id))
            self._log(db, request_id, "decided", verdict, now, before)
        return Decided(True, done, notes)

    def decision(self, request_id: str) -> str | None:
        row = self.db.execute("SELECT verdict FROM decisions WHERE request_id = ?", (request_id,)).fetchone()
        return row["verdict"] if row else None

    def standing_verdict(self, request_id: str) -> str | None:
        """The user's own decision when they made one, else the latest screening's verdict."""
        row = self.db.execute("SELECT verdict FROM verdicts WHERE request_id = ? ORDER BY id DESC LIMIT 1",
                              (request_id,)).fetchone()
        return self.decision(request_id) or (row["verdict"] if row else None)

    # -- drafts -----------------------------------------------------------------------------------

    def drafts(self, status: str | None = None) -> list[Draft]:
        return self._drafts_where("d.status = ?", (status,)) if status else self._drafts_where("1", ())

    def draft(self, request_id: str) -> Draft:
        for draft in self._drafts_where("d.request_id = ?", (request_id,)):
            return draft
        self._require(request_id)
        raise InputError(request_id, _("no draft for this request (only `ask` verdicts get one; try `assist draft-reply`)"))

    def _drafts_where(self, where: str, params: tuple) -> list[Draft]:
        rows = self.db.execute(
            "SELECT d.*, r.sender, r.payload, (SELECT result FROM verdicts v WHERE v.request_id = d.request_id "
            f"ORDER BY v.id DESC LIMIT 1) AS verdict FROM drafts d JOIN requests r ON r.id = d.request_id WHERE {where} "
            "ORDER BY r.first_seen, d.request_id",
            params,
        ).fetchall()
        return [self._draft(row) for row in rows]

    @staticmethod
    def _draft(row: sqlite3.Row) -> Draft:
        payload = json.loads(row["payload"])
        return Draft(
            request_id=row["request_id"], sender=row["sender"], note=payload.get("note"), kind=row["kind"],
            language=row["language"], text=row["text"], generated_text=row["generated_text"],
            status=row["status"], edited=bool(row["edited"]), learn=bool(row["learn"]),
            updated_at=row["updated_at"], verdict=json.loads(row["verdict"]) if row["verdict"] else None,
        )

    def draft_history(self, request_id: str) -> list[dict]:
        """Every version of the request's draft, oldest first: the action, the state before and
        after, and the draft as it then stood."""
        rows = self.db.execute(f"SELECT {', '.join(DRAFT_HISTORY_COLUMNS)} FROM draft_history WHERE request_id = ? "
                               "ORDER BY id", (request_id,)).fetchall()
        return [dict(row) | {"edited": bool(row["edited"])} for row in rows]

    def act(self, request_id: str, action: str, expected: str | None = None) -> Change:
        """approve, reject, reopen or mark-sent, as draft_states allows from the state on disk (read
        in the same transaction): refused with one line saying why, or a no-op with a note when it is
        already done. With `expected`, only when the draft's text is still that (else DraftChanged)."""
        now = _now()
        with self.transaction() as db:
            row = self._current(db, request_id)
            self._still(request_id, row, expected)
            before = self._snapshot(db, request_id)
            changed = self._change(db, request_id, action, row, now)
            if changed:
                self._log(db, request_id, DONE[action], None, now, before)
        note = None if changed else _("{id}: already {status}; nothing changed").format(
            id=request_id, status=status_word(row["status"]))
        return Change(self.draft(request_id), changed, note)

    def edit(self, request_id: str, text: str, expected: str | None = None) -> Change:
        """The user's own text: kept through later screenings; an approved draft is pending again.
        With `expected`, only over that text (else DraftChanged, and nothing replaced)."""
        text = text.strip()
        if not text:
            raise InputError(request_id, _("the edited reply is empty"))
        now = _now()
        with self.transaction() as db:
            row = self._current(db, request_id)
            self._still(request_id, row, expected)
            next_state(request_id, row["status"], "edit")
            if text == row["text"]:
                return Change(self._draft_in(request_id), False,
                              _("{id}: the draft already says that; nothing changed").format(id=request_id))
            before = self._snapshot(db, request_id)
            db.execute("UPDATE drafts SET text = ?, edited = 1 WHERE request_id = ?", (text, request_id))
            self._change(db, request_id, "edit", row, now)
            self._log(db, request_id, "edited", json.dumps({"from": row["text"], "to": text}, ensure_ascii=False),
                      now, before)
        return Change(self.draft(request_id), True)

    def replace_draft(self, request_id: str, kind: str, language: str, text: str) -> Draft:
        """A regenerated or switched draft of a pending one: the user asked for it, so it replaces even
        an edit (which stays in the draft's history)."""
        now = _now()
        with self.transaction() as db:
            row = self._current(db, request_id)
            next_state(request_id, row["status"], "regenerate")
            before = self._snapshot(db, request_id)
            db.execute("UPDATE drafts SET kind = ?, language = ?, text = ?, generated_text = ?, edited = 0 "
                       "WHERE request_id = ?", (kind, language, text, text, request_id))
            self._change(db, request_id, "regenerate", row, now)
            self._log(db, request_id, "regenerated", f"{kind}/{language}", now, before)
        return self.draft(request_id)

    def _current(self, db: sqlite3.Connection, request_id: str) -> sqlite3.Row:
        row = db.execute("SELECT * FROM drafts WHERE request_id = ?", (request_id,)).fetchone()
        if row is None:
            self._require(request_id)
            raise InputError(request_id, _("no draft for this request (only `ask` verdicts get one; try `assist draft-reply`)"))
        return row

    def _still(self, request_id: str, row: sqlite3.Row, expected: str | None) -> None:
        """Compare-and-set, inside the caller's transaction: the draft's text must be `expected`."""
        if expected is not None and row["text"] != expected.strip():
            raise DraftChanged(request_id, self._draft_in(request_id))

    def _draft_in(self, request_id: str) -> Draft:
        return self._drafts_where("d.request_id = ?", (request_id,))[0]

    def _change(self, db: sqlite3.Connection, request_id: str, action: str, row: sqlite3.Row | None, now: str) -> bool:
        """Move the draft as the table allows (draft_states.next_state), and keep its new version in
        its history. False when the action was already done (nothing changed)."""
        before = row["status"] if row is not None else None
        state = next_state(request_id, before, action) if before is not None else "pending"
        if state is None:
            return False
        db.execute("UPDATE drafts SET status = ?, updated_at = ? WHERE request_id = ?", (state, now, request_id))
        db.execute(f"INSERT INTO draft_history (request_id, {', '.join(DRAFT_HISTORY_COLUMNS)}) "
                   "SELECT request_id, ?, ?, status, kind, language, text, edited, ? FROM drafts WHERE request_id = ?",
                   (DONE[action], before, now, request_id))
        return True

    def _offer(self, db: sqlite3.Connection, request_id: str, kind: str, language: str, text: str, now: str,
               over_withdrawn: bool) -> bool:
        """A machine-written draft becomes the request's pending draft: when there is none, in place
        of a pending one nobody edited, or (`over_withdrawn`) of one a decision withdrew. Never over
        the user's word: an edited, approved, rejected or sent draft is kept. Whether this text is
        now the draft on record."""
        row = db.execute("SELECT * FROM drafts WHERE request_id = ?", (request_id,)).fetchone()
        if row is None:
            db.execute("INSERT INTO drafts (request_id, kind, language, text, generated_text, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)", (request_id, kind, language, text, text, now, now))
            self._change(db, request_id, "redraft", None, now)
            return True
        replaceable = (row["status"] == "pending" and not row["edited"]) or (over_withdrawn and row["status"] == "withdrawn")
        if not replaceable:
            return False
        if row["status"] == "pending" and (row["kind"], row["language"], row["text"]) == (kind, language, text):
            return True  # the same draft again: nothing to keep in its history
        db.execute("UPDATE drafts SET kind = ?, language = ?, text = ?, generated_text = ?, edited = 0 "
                   "WHERE request_id = ?", (kind, language, text, text, request_id))
        self._change(db, request_id, "redraft", row, now)
        return True

    # -- undo -------------------------------------------------------------------------------------

    @staticmethod
    def _snapshot(db: sqlite3.Connection, request_id: str) -> dict:
        """The request's draft and decision as they stand, whole (what undo brings back)."""
        draft = db.execute(f"SELECT {', '.join(SNAPSHOT_DRAFT)} FROM drafts WHERE request_id = ?", (request_id,)).fetchone()
        decision = db.execute("SELECT verdict, decided_at, learn FROM decisions WHERE request_id = ?", (request_id,)).fetchone()
        return {"draft": dict(draft) if draft else None, "decision": dict(decision) if decision else None}

    def _log(self, db: sqlite3.Connection, request_id: str, action: str, detail: str | None, now: str,
             before: dict) -> None:
        """One of the user's actions in the log, with the draft and decision before and after it."""
        undo = json.dumps({"before": before, "after": self._snapshot(db, request_id)}, ensure_ascii=False)
        db.execute("INSERT INTO actions (request_id, action, detail, at, undo) VALUES (?, ?, ?, ?, ?)",
                   (request_id, action, detail, now, undo))

    def undo(self) -> "Undone":
        """Revert the last of the user's actions not yet undone (a decision, an approval, a rejection,
        an edit, a reopen, a regenerated or requested draft): the request's draft and decision are
        put back as they were just before it, in one transaction. Refused (InputError, one line) when
        there is nothing to undo, when the action was marking a reply sent (final), when it was
        recorded before undo existed, and when the draft or decision changed since (undoing would
        lose that change)."""
        now = _now()
        with self.transaction() as db:
            row = db.execute("SELECT a.id, a.request_id, a.action, a.detail, a.at, a.undo, r.sender FROM actions a "
                             "JOIN requests r ON r.id = a.request_id WHERE a.undone_at IS NULL AND a.action != 'undone' "
                             "ORDER BY a.id DESC LIMIT 1").fetchone()
            if row is None:
                raise InputError("undo", _("nothing to undo: no decision or draft action on record"))
            request_id, what = row["request_id"], _undone_text(row)
            if row["action"] == "sent":
                raise InputError("undo", _("the last action, {what}, cannot be undone: sent is final (the reply is "
                                           "on LinkedIn; assist cannot take it back)").format(what=what))
            if row["undo"] is None:
                raise InputError("undo", _("the last action, {what}, was recorded before assist kept what undo "
                                           "needs: it cannot be undone").format(what=what))
            kept = json.loads(row["undo"])
            now_state = self._snapshot(db, request_id)
            if now_state != kept["after"]:
                raise InputError("undo", _("cannot undo {what}: the request's draft or decision changed since; "
                                           "see `assist show {id}`, and use `assist review` or `assist decide`").format(
                                               what=what, id=request_id))
            before, current = kept["before"], now_state["draft"]
            if current is not None and current["status"] == "sent" and before["draft"] != current:
                raise InputError("undo", _("cannot undo {what}: the reply was sent, which is final").format(what=what))
            decision = before["decision"]
            if decision is None:
                db.execute("DELETE FROM decisions WHERE request_id = ?", (request_id,))
            else:
                db.execute("INSERT INTO decisions (request_id, verdict, decided_at, learn) VALUES (?, ?, ?, ?) "
                           "ON CONFLICT(request_id) DO UPDATE SET verdict = excluded.verdict, "
                           "decided_at = excluded.decided_at, learn = excluded.learn",
                           (request_id, decision["verdict"], decision["decided_at"], decision["learn"]))
            draft = before["draft"]
            if draft != current:
                if draft is None:
                    db.execute("DELETE FROM drafts WHERE request_id = ?", (request_id,))
                else:
                    db.execute(f"INSERT OR REPLACE INTO drafts (request_id, {', '.join(SNAPSHOT_DRAFT)}) "
                               f"VALUES (?, {', '.join('?' * len(SNAPSHOT_DRAFT))})",
                               (request_id, *(draft[column] for column in SNAPSHOT_DRAFT)))
                shown = draft or current
                db.execute(f"INSERT INTO draft_history (request_id, {', '.join(DRAFT_HISTORY_COLUMNS)}) "
                           "VALUES (?, 'undone', ?, ?, ?, ?, ?, ?, ?)",
                           (request_id, current["status"] if current else None, draft["status"] if draft else "removed",
                            shown["kind"], shown["language"], shown["text"], shown["edited"], now))
            db.execute("UPDATE actions SET undone_at = ? WHERE id = ?", (now, row["id"]))
            db.execute("INSERT INTO actions (request_id, action, detail, at) VALUES (?, 'undone', ?, ?)",
                       (request_id, _undone_text(row, str), now))  # the log keeps it in English
        return Undone(request_id, row["sender"], row["action"], what, before, now_state)

    def resolve(self, id_or_prefix: str) -> str:
        """The id of the one screened request whose id is this or starts with it."""
        if not id_or_prefix.strip():
            raise InputError("id", _("empty: give a request id or a unique prefix of it (see `assist review list`)"))
        if self.db.execute("SELECT 1 FROM requests WHERE id = ?", (id_or_prefix,)).fetchone():
            return id_or_prefix
        escaped = id_or_prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self.db.execute("SELECT id, sender, COUNT(*) OVER () AS n FROM requests WHERE id LIKE ? ESCAPE '\\' "
                               "ORDER BY id LIMIT 5", (escaped + "%",)).fetchall()
        if not rows:
            raise InputError(id_or_prefix, _("no such request in the store (see `assist review list`)"))
        if len(rows) > 1:
            shown = ", ".join(f"{row['id']} ({row['sender']})" for row in rows)
            count = rows[0]["n"]
            raise InputError(id_or_prefix, _("more than one request starts with it ({count}: {ids}); give more of the id"
                                             ).format(count=count, ids=shown + (", …" if count > 5 else "")))
        return rows[0]["id"]

    def offer_draft(self, request_id: str, kind: str, language: str, text: str) -> tuple[Draft, bool]:
        """A draft written on request (`assist draft-reply ID`): it becomes the request's pending draft,
        unless the user has edited, approved, rejected or sent one, which it never replaces (one a
        decision withdrew it does). The draft now on record, and whether it is this one."""
        now = _now()
        with self.transaction() as db:
            self._require(request_id)
            before = self._snapshot(db, request_id)
            stored = self._offer(db, request_id, kind, language, text, now, over_withdrawn=True)
            if stored and self._snapshot(db, request_id) != before:
                self._log(db, request_id, "drafted", f"{kind}/{language}", now, before)
        return self.draft(request_id), stored

    def request(self, request_id: str) -> Request:
        row = self._require(request_id)
        return Request.model_validate_json(row["payload"])

    def _require(self, request_id: str) -> sqlite3.Row:
        row = self.db.execute("SELECT * FROM requests WHERE id = ?", (request_id,)).fetchone()
        if row is None:
            raise InputError(request_id, _("no such request in the store (see `assist review list`)"))
        return row

    # -- what assist learned, history, forgetting -----------------------------------------------

    def examples(self, limit: int = 50) -> list[dict]:
        """The user's own voice and judgement: replies they approved or sent, edits they kept (a pending
        draft they edited), and their decisions. A rejected or withdrawn draft never teaches."""
        rows = self.db.execute(
            "SELECT r.id, r.payload, d.text, d.kind, d.language, d.status, d.edited, "
            "COALESCE(d.updated_at, (SELECT decided_at FROM decisions c WHERE c.request_id = r.id)) AS at, "
            "(SELECT verdict FROM decisions c WHERE c.request_id = r.id AND c.learn = 1) AS decision "
            "FROM requests r LEFT JOIN drafts d ON d.request_id = r.id AND d.learn = 1 "
            "AND (d.status IN ('approved', 'sent') OR (d.status = 'pending' AND d.edited = 1)) "
            "WHERE d.request_id IS NOT NULL OR EXISTS (SELECT 1 FROM decisions c WHERE c.request_id = r.id AND c.learn = 1) "
            "ORDER BY at DESC LIMIT ?", (limit,),
        ).fetchall()
        return [
            {"id": row["id"], "request": json.loads(row["payload"]), "reply": row["text"], "kind": row["kind"],
             "language": row["language"], "edited": bool(row["edited"]), "status": row["status"],
             "decision": row["decision"], "at": row["at"]}
            for row in rows
        ]

    def similar_examples(self, request: Request, limit: int = 3, recent: int = 50) -> list[dict]:
        """A few of the most similar recent examples (shared words in headline and note), not this request's own."""
        from .text import Text

        def words(payload: dict) -> set[str]:
            sender = payload.get("sender", {})
            return set(Text.of(" ".join(filter(None, [sender.get("headline"), sender.get("company"), payload.get("note")]))).words)

        mine = words(request.model_dump(mode="json"))
        scored = []
        for example in self.examples(recent):
            if example["id"] == request.id:
                continue
            theirs = words(example["request"])
            overlap = len(mine & theirs) / len(mine | theirs) if mine | theirs else 0.0
            scored.append((overlap, example))
        scored.sort(key=lambda item: -item[0])
        return [example for _, example in scored[:limit]]

    def unlearn(self, request_id: str) -> None:
        self._require(request_id)
        with self.transaction() as db:
            db.execute("UPDATE drafts SET learn = 0 WHERE request_id = ?", (request_id,))
            db.execute("UPDATE decisions SET learn = 0 WHERE request_id = ?", (request_id,))

    def history(self, limit: int = 100) -> list[dict]:
        rows = self.db.execute(
            "SELECT a.request_id, r.sender, a.action, a.detail, a.at FROM actions a JOIN requests r ON r.id = a.request_id "
            "ORDER BY a.id DESC LIMIT ?", (limit,),
        ).fetchall()
        return [dict(row) for row in rows]

    def overview(self, verdict: str | None = None, status: str | None = None, reported: bool = False,
                 since: str | None = None) -> list[dict]:
        """Every screened request, newest first: its latest verdict, the user's decision, the draft's
        state. `verdict` filters on the verdict that stands (the user's when they decided); `status` on
        the draft's; `since` (ISO 8601, UTC) on when the request was first screened."""
        where, params = ["1"], []
        if verdict:
            where.append("COALESCE(c.verdict, v.verdict) = ?")
            params.append(verdict)
        if status:
            where.append("d.status = ?")
            params.append(status)
        if reported:
            where.append("json_extract(v.result, '$.report') = 1")
        if since:
            where.append("r.first_seen >= ?")
            params.append(since)
        rows = self.db.execute(
            "SELECT r.id, r.sender, json_extract(r.payload, '$.sender.headline') AS headline, "
            "json_extract(r.payload, '$.sender.company') AS company, r.first_seen, v.created_at AS screened_at, "
            "v.verdict, json_extract(v.result, '$.confidence') AS confidence, json_extract(v.result, '$.summary') AS summary, "
            "json_extract(v.result, '$.report') AS report, json_extract(v.result, '$.flags[0].id') AS reason, "
            "c.verdict AS user_decision, c.decided_at, d.status AS draft_status, d.edited AS draft_edited, d.kind AS draft_kind "
            "FROM requests r JOIN verdicts v ON v.id = (SELECT MAX(id) FROM verdicts w WHERE w.request_id = r.id) "
            "LEFT JOIN decisions c ON c.request_id = r.id LEFT JOIN drafts d ON d.request_id = r.id "
            f"WHERE {' AND '.join(where)} ORDER BY r.first_seen DESC, r.id", params).fetchall()
        return [dict(row) | {"report": bool(row["report"]), "decision": row["user_decision"] or row["verdict"],
                             "draft_edited": bool(row["draft_edited"]) if row["draft_status"] else None}
                for row in rows]

    def dossier(self, request_id: str) -> dict:
        """Everything about one request: as received, its latest verdict, the user's decision, the
        draft and its history, and every action taken on it (oldest first)."""
        row = self._require(request_id)
        verdict = self.db.execute("SELECT result, created_at, screening_key FROM verdicts WHERE request_id = ? "
                                  "ORDER BY id DESC LIMIT 1", (request_id,)).fetchone()
        decided = self.db.execute("SELECT verdict, decided_at, learn FROM decisions WHERE request_id = ?",
                                  (request_id,)).fetchone()
        drafts = self._drafts_where("d.request_id = ?", (request_id,))
        actions = self.db.execute("SELECT action, detail, at FROM actions WHERE request_id = ? ORDER BY id",
                                  (request_id,)).fetchall()
        return {
            "id": request_id, "request": json.loads(row["payload"]), "first_seen": row["first_seen"],
            "verdict": json.loads(verdict["result"]) if verdict else None,
            "screened_at": verdict["created_at"] if verdict else None,
            "screenings": self.db.execute("SELECT COUNT(*) FROM verdicts WHERE request_id = ?", (request_id,)).fetchone()[0],
            "decision": ({"verdict": decided["verdict"], "decided_at": decided["decided_at"], "learn": bool(decided["learn"])}
                         if decided else None),
            "draft": (drafts[0].as_json() | {"generated_text": drafts[0].generated_text, "learn": drafts[0].learn}
                      if drafts else None),
            "draft_history": self.draft_history(request_id),
            "actions": [dict(action) for action in actions],
        }

    def forget(self, request_id: str | None) -> int:
        """Delete a sender's data (or everything) for good: rows, then the free pages."""
        with self.transaction() as db:
            if request_id is None:
                count = db.execute("SELECT COUNT(*) FROM requests").fetchone()[0]
                db.execute("DELETE FROM requests")
            else:
                self._require(request_id)
                count = db.execute("DELETE FROM requests WHERE id = ?", (request_id,)).rowcount
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.db.execute("VACUUM")
        return count

    def screened_count(self) -> int:
        return self.db.execute("SELECT COUNT(DISTINCT request_id) FROM verdicts").fetchone()[0]


class ExampleReader:
    """The user's past decisions and replies most like a request (Store.similar_examples), for LLM
    prompts. Callable from the worker threads of a batch: each thread reads through a connection of
    its own (a sqlite3 connection is not to be used by two threads at once)."""

    def __init__(self, path: Path):
        self.path = path
        self._local = threading.local()
        self._opened: list[Store] = []
        self._lock = threading.Lock()

    def __call__(self, request: Request) -> list[dict]:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store(self.path)
            with self._lock:
                self._opened.append(store)
        return store.similar_examples(request)

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for store in opened:
            try:
                store.close()
            except sqlite3.Error:  # a reader that cannot close loses nothing
                pass
