"""Issue 13: every filesystem and database failure is one line naming the path and the fix, exit 2,
never "unexpected ...": a file where a folder should be, a folder where a file should be, a place
that cannot be written, a damaged database; and a read-only store can still be read.

The permission cases run assist as the user `nobody` (setpriv), since root may write anywhere.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from helpers import run

ROOT = Path(__file__).resolve().parents[1]
ANALYST = str(ROOT / "fixtures" / "configs" / "analyst-vi.toml")


def inbox(folder: Path, count: int = 3) -> Path:
    path = folder / "inbox.jsonl"
    path.write_text("".join(json.dumps({"id": f"r-{i}", "sender": {"name": f"Sender {i}", "headline": "Analyst"},
                                        "note": f"Hi, we met at the meetup {i}"}) + "\n" for i in range(count)),
                    encoding="utf-8")
    return path


def one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert "unexpected" not in lines[0] and "Traceback" not in err
    return lines[0]


# --- a file where a folder should be, and the other way round --------------------------------------


def test_assist_home_pointing_at_a_file(tmp_path, capsys, monkeypatch):
    home = tmp_path / "home-file"
    home.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("ASSIST_HOME", str(home))
    code, out, err = run(capsys, "review", "list")
    assert code == 2
    line = one_line(err)
    assert line == (f"assist: error: {home}: is a file, not a folder (the store goes in it, from $ASSIST_HOME): "
                    "point $ASSIST_HOME at a folder, or move the file aside")
    assert "File exists" not in line


def test_db_through_a_file(tmp_path, capsys):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x", encoding="utf-8")
    code, out, err = run(capsys, "screen", "-c", ANALYST, "--lang", "en", "--db", str(blocker / "deeper" / "assist.db"), str(inbox(tmp_path)))
    assert code == 2
    assert one_line(err) == (f"assist: error: {blocker}: is a file, not a folder (the store goes under it): "
                             "give another path, or move the file aside")


def test_db_onto_a_folder(tmp_path, capsys):
    folder = tmp_path / "a-folder"
    folder.mkdir()
    code, out, err = run(capsys, "review", "list", "--db", str(folder))
    assert code == 2
    assert one_line(err) == (f"assist: error: {folder}: is a folder, not a database file: "
                             f"give the file's path (e.g. {folder / 'assist.db'})")


def test_init_onto_a_folder(tmp_path, capsys):
    folder = tmp_path / "configs"
    folder.mkdir()
    code, out, err = run(capsys, "init", str(folder), "--force")
    assert code == 2
    assert one_line(err) == (f"assist: error: {folder}: is a folder, not a file: give the config file's name "
                             f"(e.g. {folder / 'assist.toml'})")


def test_init_through_a_file(tmp_path, capsys):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x", encoding="utf-8")
    code, out, err = run(capsys, "init", str(blocker / "assist.toml"))
    assert code == 2
    assert one_line(err) == (f"assist: error: {blocker}: is a file, not a folder (the file goes under it): "
                             "give another path, or move the file aside")


def test_init_into_proc(capsys):
    if not Path("/proc/self").exists():
        pytest.skip("no /proc")
    code, out, err = run(capsys, "init", "/proc/assist-test/assist.toml")
    assert code == 2
    line = one_line(err)
    assert line.startswith("assist: error: /proc/assist-test")
    assert "cannot" in line and "give another path" in line


def test_a_folder_that_cannot_be_listed_is_one_bad_input(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "requests"
    folder.mkdir()
    real_iterdir = Path.iterdir

    def iterdir(self):
        if self == folder:
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    code, out, err = run(capsys, "screen", "--no-store", "-c", ANALYST, "--lang", "en", "--json", str(folder), str(inbox(tmp_path)))
    assert code == 2
    assert len(out.splitlines()) == 3
    assert err.splitlines() == [f"assist: error: {folder}: cannot read: Permission denied"]


# --- a damaged database ------------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["header", "middle"])
def test_a_damaged_database_says_how_to_move_it_aside(tmp_path, capsys, where):
    db = tmp_path / "home" / "assist.db"
    code, out, err = run(capsys, "screen", "-c", ANALYST, "--lang", "en", str(inbox(tmp_path, 200)))
    assert code == 0, err
    run(capsys, "review", "list")  # a checkpoint: the pages are in the file, not in the WAL
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    data = bytearray(db.read_bytes())
    start, end = (0, 8192) if where == "header" else (4096, len(data))  # the schema's page kept, or not
    data[start:end] = os.urandom(end - start)
    db.write_bytes(bytes(data))
    for argv in (["review", "list"], ["list"], ["show", "r-1"], ["screen", "-c", ANALYST, "--lang", "en", str(inbox(tmp_path, 200))]):
        code, out, err = run(capsys, *argv)
        assert code == 2, (argv, err)
        line = one_line(err)
        assert line.startswith(f"assist: error: {db}: damaged, not a usable assist database (")
        assert line.endswith(f"move it aside (mv {db} {db}.damaged) and assist starts a new one; "
                             "`sqlite3 FILE .recover` may save what it held")


# --- a read-only store --------------------------------------------------------------------------------


def as_nobody(argv: list[str], home: Path, check: bool = False) -> subprocess.CompletedProcess:
    env = {"PATH": os.environ.get("PATH", ""), "ASSIST_HOME": str(home), "NO_COLOR": "1", "HOME": str(home.parent),
           "XDG_CONFIG_HOME": str(home.parent / "xdg"), "XDG_CACHE_HOME": str(home.parent / "cache")}
    result = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-m",
                             "assist", *argv], capture_output=True, text=True, env=env, timeout=120,
                            cwd=str(home.parent))
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture
def nobody_folder():
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to run as another user")
    folder = Path(tempfile.mkdtemp(prefix="assist-nobody-"))
    folder.chmod(0o777)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o777 if path.is_dir() else 0o666)
    shutil.rmtree(folder)


def test_a_read_only_store_can_still_be_read(nobody_folder):
    home = nobody_folder / "home"
    requests = inbox(nobody_folder)
    requests.chmod(0o644)
    as_nobody(["screen", "--json", str(requests)], home, check=True)
    home.chmod(0o555)
    (home / "assist.db").chmod(0o444)
    listed = as_nobody(["review", "list", "--json"], home, check=True)
    assert len(listed.stdout.splitlines()) >= 1
    assert "r-1" in as_nobody(["list", "--json"], home, check=True).stdout
    assert "Sender 1" in as_nobody(["show", "r-1"], home, check=True).stdout
    changed = as_nobody(["decide", "r-1", "accept"], home)
    assert changed.returncode == 2
    assert one_line(changed.stderr) == (f"assist: error: {home / 'assist.db'}: read-only (its file or folder cannot "
                                        "be written): reading works; to change anything, make both writable")


def test_a_folder_that_cannot_be_read_as_nobody(nobody_folder):
    home = nobody_folder / "home"
    folder = nobody_folder / "requests"
    folder.mkdir()
    (folder / "one.json").write_text('{"sender": {"name": "A"}}', encoding="utf-8")
    folder.chmod(0o000)
    result = as_nobody(["screen", "--no-store", str(folder)], home)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == f"assist: error: {folder}: cannot read: Permission denied"


def test_a_store_folder_that_cannot_be_written_as_nobody(nobody_folder):
    locked = nobody_folder / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    requests = inbox(nobody_folder)
    requests.chmod(0o644)
    result = as_nobody(["screen", str(requests)], locked / "home")
    assert result.returncode == 2
    assert one_line(result.stderr.replace("assist: note: no config found, so relevance to your goals cannot be "
                                          "judged (run `assist init` to write one)\n", "")) == (
        f"assist: error: {locked / 'home'}: cannot create the folder (Permission denied): "
        "check the permissions of the folders above it, or give another path")
