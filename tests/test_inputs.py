"""Every input form `assist screen` reads, and every way an input can be wrong.

Loader behaviour is checked through `assist.load.load_requests`; the user-facing contract (exit
codes, one line per problem on stderr, the good items of a batch still screened) through
`assist.cli.main` in-process, and a few cases as a real subprocess.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import assist.config
from assist.load import load_requests
from helpers import json_lines, run

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
INVITATIONS = FIXTURES / "Invitations.csv"
ANALYST = str(FIXTURES / "configs" / "analyst-vi.toml")
HASH_ID = re.compile(r"^req-[0-9a-f]{12}$")


# --- isolation and helpers -------------------------------------------------------------------



def request(name: str = "Lan Pham", note: str | None = "Hi, we met at the fintech meetup.", **extra) -> dict:
    return {"sender": {"name": name, "headline": "Analyst at Example"}, "note": note, **extra}


def write_json(path: Path, value: object) -> Path:
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return path


def write_jsonl(path: Path, values: list[object]) -> Path:
    path.write_text("".join(json.dumps(v, ensure_ascii=False) + "\n" for v in values), encoding="utf-8")
    return path


def loaded(*sources: str | Path, stdin: bytes | None = None) -> list:
    return list(load_requests([str(s) for s in sources], stdin=io.BytesIO(stdin) if stdin is not None else None))


def good(items: list) -> list:
    assert all(item.error is None for item in items), [str(item.error) for item in items if item.error]
    return [item.request for item in items]


# --- the input forms ----------------------------------------------------------------------------


def test_one_json_object(tmp_path):
    path = write_json(tmp_path / "one.json", request(id="r-1", expected={"verdict": "accept"}))
    items = loaded(path)
    assert len(items) == 1
    item = items[0]
    assert item.error is None
    assert item.origin == str(path)
    assert item.request.id == "r-1"
    assert item.request.sender.name == "Lan Pham"
    assert item.request.note == "Hi, we met at the fintech meetup."
    # labels travel in the raw object for `assist eval`, not in the request
    assert item.raw["expected"] == {"verdict": "accept"}


def test_json_array_keeps_order_and_numbers_items(tmp_path):
    path = write_json(tmp_path / "many.json", [request(name=n, id=n) for n in ("Cao", "An", "Bich")])
    items = loaded(path)
    assert [r.sender.name for r in good(items)] == ["Cao", "An", "Bich"]
    assert [i.origin for i in items] == [f"{path}: item {n}" for n in (1, 2, 3)]


@pytest.mark.parametrize("suffix", [".jsonl", ".ndjson", ".json"])
def test_json_lines(tmp_path, suffix):
    """JSON Lines in a .jsonl file, and JSON Lines content that came in a .json file."""
    path = tmp_path / f"inbox{suffix}"
    path.write_text(
        json.dumps(request(name="One")) + "\n\n" + json.dumps(request(name="Two")) + "\n" + json.dumps(request(name="Three")) + "\n",
        encoding="utf-8",
    )
    items = loaded(path)
    assert [r.sender.name for r in good(items)] == ["One", "Two", "Three"]
    # blank lines are skipped but line numbers stay the file's own
    assert [i.origin for i in items] == [f"{path}: line {n}" for n in (1, 3, 4)]


def test_directory_is_read_in_sorted_order_and_only_json(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    write_json(folder / "b.json", request(name="Bravo"))
    write_json(folder / "a.json", request(name="Alpha"))
    write_jsonl(folder / "c.jsonl", [request(name="Charlie"), request(name="Delta")])
    (folder / "notes.txt").write_text("not a request", encoding="utf-8")
    (folder / "sub").mkdir()
    write_json(folder / "sub" / "0.json", request(name="Nested"))
    assert [r.sender.name for r in good(loaded(folder))] == ["Alpha", "Bravo", "Charlie", "Delta"]


def test_directory_order_through_the_cli(tmp_path, capsys):
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name in ("30-c", "10-a", "20-b"):
        write_json(folder / f"{name}.json", request(name=name, id=name))
    code, out, err = run(capsys, "screen", "--json", "-c", ANALYST, "--lang", "en", str(folder))
    assert code == 0, err
    assert [r["id"] for r in json_lines(out)] == ["10-a", "20-b", "30-c"]


@pytest.mark.parametrize(
    "data, names",
    [
        (json.dumps(request(name="Solo")).encode(), ["Solo"]),
        (json.dumps([request(name="A1"), request(name="A2")]).encode(), ["A1", "A2"]),
        ((json.dumps(request(name="L1")) + "\n" + json.dumps(request(name="L2")) + "\n").encode(), ["L1", "L2"]),
        ("From,To,Sent At,Message,Direction\nMai,Me,\"11/21/25, 5:13 PM\",Hello,INCOMING\n".encode(), ["Mai"]),
        ("\ufeff".encode() + json.dumps(request(name="Bom")).encode(), ["Bom"]),
    ],
    ids=["object", "array", "json-lines", "invitations-csv", "bom"],
)
def test_standard_input(data, names):
    items = loaded("-", stdin=data)
    assert [r.sender.name for r in good(items)] == names
    assert all(i.origin.startswith("<stdin>") for i in items)


def test_standard_input_through_the_cli(monkeypatch, capsys):
    data = (json.dumps(request(name="Piped", id="p1")) + "\n" + json.dumps(request(name="Too", id="p2")) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code, out, err = run(capsys, "screen", "--json", "-c", ANALYST, "--lang", "en", "-")
    assert code == 0, err
    assert [r["id"] for r in json_lines(out)] == ["p1", "p2"]


# --- LinkedIn's Invitations.csv ---------------------------------------------------------------


def test_invitations_csv_only_incoming_rows():
    requests = good(loaded(INVITATIONS))
    # 15 rows: 12 INCOMING, 3 OUTGOING (sent by the user, who is never a sender of a request)
    assert len(requests) == 12
    assert "Đặng Khắc Minh" not in {r.sender.name for r in requests}
    assert requests[0].sender.name == "Trần Minh Châu"
    assert requests[-1].sender.name == "Lâm Quốc Việt"


def test_invitations_csv_fields():
    by_name = {r.sender.name: r for r in good(loaded(INVITATIONS))}
    alex = by_name["Alex Turner"]
    assert alex.received_at == "2025-11-21T17:13:00"  # "11/21/25, 5:13 PM"
    assert by_name["Trần Minh Châu"].received_at == "2025-11-17T08:42:00"  # AM
    assert alex.sender.profile_url == "https://www.linkedin.com/in/alex-turner-9931"  # inviterProfileUrl, not invitee
    # empty Message -> no note
    assert by_name["Nguyễn Văn Phúc"].note is None
    assert by_name["Bùi Thị Thảo"].note is None
    # a quoted multi-line note is kept whole
    olivia = by_name["Olivia Bennett"].note
    assert olivia.startswith("Hi Minh,\n\nWe met at the Vietnam Fintech Summit")
    assert olivia.endswith("Best, Olivia")
    # doubled quotes inside a quoted field are one quote
    assert '"QR payments in 2025"' in by_name["Vương Đức Thịnh"].note
    # an export knows nothing beyond a name, a URL and a note: unknown, not empty
    assert alex.sender.has_photo is None and alex.sender.connections is None and alex.sender.experience is None


def test_invitations_csv_line_numbers_count_multiline_notes():
    origins = {i.request.sender.name: i.origin for i in loaded(INVITATIONS)}
    assert origins["Olivia Bennett"] == f"{INVITATIONS}: line 7"
    assert origins["Alex Turner"] == f"{INVITATIONS}: line 13"  # Olivia's note spans lines 7-12


def test_invitations_csv_with_utf8_bom(tmp_path):
    path = tmp_path / "Invitations.csv"
    path.write_bytes(b"\xef\xbb\xbf" + INVITATIONS.read_bytes())
    requests = good(loaded(path))
    assert [r.sender.name for r in requests] == [r.sender.name for r in good(loaded(INVITATIONS))]


def test_invitations_csv_through_the_cli(capsys):
    code, out, err = run(capsys, "screen", "--json", "-c", ANALYST, "--lang", "en", str(INVITATIONS))
    assert code == 0, err
    results = {r["sender"]: r for r in json_lines(out)}
    assert len(results) == 12
    assert len({r["id"] for r in results.values()}) == 12
    # the injection attempt and the Forex scam are ignored and worth reporting
    for name in ("Alex Turner", "Hoàng Thị Mỹ"):
        assert results[name]["verdict"] == "ignore"
        assert results[name]["report"] is True
    assert results["Olivia Bennett"]["verdict"] == "accept"


def test_invitations_csv_bad_direction_row_is_reported_and_the_rest_loaded(tmp_path):
    path = tmp_path / "Invitations.csv"
    path.write_text(
        "From,To,Sent At,Message,Direction\n"
        'Good One,Me,"11/21/25, 5:13 PM",Hello,INCOMING\n'
        'Odd One,Me,"11/21/25, 5:14 PM",Hello,SIDEWAYS\n'
        'Other,Me,"11/21/25, 5:15 PM",,OUTGOING\n'
        ',Me,"11/21/25, 5:16 PM",No name,INCOMING\n',
        encoding="utf-8",
    )
    items = loaded(path)
    assert [i.request.sender.name for i in items if i.request] == ["Good One"]
    errors = [str(i.error) for i in items if i.error]
    assert len(errors) == 2
    assert errors[0].startswith(f"{path}: line 3: Direction") and "SIDEWAYS" in errors[0]
    assert errors[1].startswith(f"{path}: line 5: From")


def test_invitations_csv_line_number_after_a_blank_line(tmp_path):
    path = tmp_path / "Invitations.csv"
    path.write_text('From,To,Sent At,Message,Direction\n\nBob,Me,"11/21/25, 5:13 PM",hello,SIDEWAYS\n', encoding="utf-8")
    [item] = loaded(path)
    assert str(item.error).startswith(f"{path}: line 3:")


# --- what the loader keeps and what it makes up ---------------------------------------------------


def test_unknown_keys_are_ignored_and_do_not_change_the_id(tmp_path):
    plain = request()
    noisy = request(scraped_by="some-extension", tags=["x"])
    noisy["sender"] = {**noisy["sender"], "favourite_colour": "blue", "skills": {"python": 5}}
    [a] = good(loaded(write_json(tmp_path / "a.json", plain)))
    [b] = good(loaded(write_json(tmp_path / "b.json", noisy)))
    assert not hasattr(b.sender, "favourite_colour")
    assert a.id == b.id


def test_default_id_is_a_stable_content_hash(tmp_path):
    def id_of(value: dict, name: str) -> str:
        [r] = good(loaded(write_json(tmp_path / name, value)))
        return r.id

    first = id_of(request(), "1.json")
    assert HASH_ID.match(first)
    assert id_of(request(), "2.json") == first  # same content, another file: same id
    assert id_of(request(received_at="2026-01-01T00:00:00Z"), "3.json") == first  # when it came is not what it is
    assert id_of(request(note="A different note."), "4.json") != first
    assert id_of(request(name="Someone Else"), "5.json") != first
    assert id_of(request(id="mine"), "6.json") == "mine"
    assert id_of(request(id=42), "7.json") == "42"


def test_ids_of_an_export_are_stable_across_loads():
    assert [r.id for r in good(loaded(INVITATIONS))] == [r.id for r in good(loaded(INVITATIONS))]


@pytest.mark.parametrize("value", [None, True, False])
def test_has_photo_null_true_false_kept(tmp_path, value):
    data = request()
    data["sender"]["has_photo"] = value
    [r] = good(loaded(write_json(tmp_path / "r.json", data)))
    assert r.sender.has_photo is value


def test_counts_null_and_zero_are_distinct(tmp_path):
    unknown = {"sender": {"name": "U", "connections": None, "mutual_connections": None}}
    zero = {"sender": {"name": "Z", "connections": 0, "mutual_connections": 0}}
    whole = {"sender": {"name": "W", "connections": 12.0}}
    [u, z, w] = good(loaded(write_json(tmp_path / "counts.json", [unknown, zero, whole])))
    assert u.sender.connections is None and u.sender.mutual_connections is None
    assert z.sender.connections == 0 and z.sender.mutual_connections == 0
    assert w.sender.connections == 12 and isinstance(w.sender.connections, int)
    # zero connections is something observed about the profile; null is not
    assert z.sender.profile_known() and not u.sender.profile_known()


def test_empty_or_blank_note_is_no_note(tmp_path):
    [a, b] = good(loaded(write_json(tmp_path / "n.json", [request(note=""), request(note="   \n ")])))
    assert a.note is None and b.note is None
    assert a.id == b.id


# --- bad inputs: exit 2, one line naming the file and what is wrong ------------------------------


BAD_INPUTS = [
    ("malformed.json", b'{"sender": {"name": "A"},\n "note": }', ["line 2, column 10", "invalid JSON"]),
    ("type.json", b'{"sender": {"name": "A", "mutual_connections": "many"}}', ["sender.mutual_connections", '"many"']),
    ("fraction.json", b'{"sender": {"name": "A", "connections": 12.5}}', ["sender.connections", "whole number"]),
    ("negative.json", b'{"sender": {"name": "A", "connections": -3}}', ["sender.connections"]),
    ("photo.json", b'{"sender": {"name": "A", "has_photo": "yes"}}', ["sender.has_photo", '"yes"']),
    ("noname.json", b'{"sender": {"headline": "CEO"}}', ["sender.name", "missing"]),
    ("emptyname.json", b'{"sender": {"name": ""}}', ["sender.name"]),
    ("blankname.json", b'{"sender": {"name": "   "}}', ["sender.name"]),
    ("nosender.json", b'{"note": "hello"}', ["sender", "missing"]),
    ("array-item.json", b'[7]', ["item 1", "expected a request object", "got a number"]),
    ("empty-array.json", b"[]", ["empty array"]),
    ("empty.json", b"", ["empty file"]),
    ("blank.jsonl", b"  \n\n \n", ["empty file"]),
    ("binary.json", b'{"sender": \x00\x01\x02\xff\x00', ["binary"]),
    ("latin1.json", '{"sender": {"name": "Hélène"}}'.encode("latin-1"), ["line 1: not UTF-8 text (an invalid byte in column 23)"]),
    ("columns.csv", b"Name,Note\nA,hello\n", ["missing columns From, Message, Direction"]),
    ("no-direction.csv", b"From,To,Sent At,Message\nA,B,,hi\n", ["missing column Direction:"]),
]


@pytest.mark.parametrize("filename, content, expected", BAD_INPUTS, ids=[case[0] for case in BAD_INPUTS])
def test_bad_input_is_one_line_and_exit_2(tmp_path, capsys, filename, content, expected):
    path = tmp_path / filename
    path.write_bytes(content)
    code, out, err = run(capsys, "screen", "-c", ANALYST, "--lang", "en", str(path))
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"assist: error: {path}")
    for part in expected:
        assert part in lines[0]
    assert "Traceback" not in err


def test_path_that_does_not_exist(tmp_path, capsys):
    missing = tmp_path / "nowhere" / "inbox.json"
    code, out, err = run(capsys, "screen", "-c", ANALYST, "--lang", "en", str(missing))
    assert code == 2
    assert err.splitlines() == [f"assist: error: {missing}: no such file or directory"]


def test_empty_directory(tmp_path, capsys):
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "readme.txt").write_text("no requests here", encoding="utf-8")
    code, out, err = run(capsys, "screen", "-c", ANALYST, "--lang", "en", str(folder))
    assert code == 2
    [line] = err.splitlines()
    assert line.startswith(f"assist: error: {folder}: ") and "no .json" in line


def test_bad_json_line_message_has_the_line_not_a_misleading_line_1(tmp_path):
    path = tmp_path / "inbox.jsonl"
    path.write_text(json.dumps(request()) + "\n" + '{"sender": {"name": "A"}\n', encoding="utf-8")
    items = loaded(path)
    assert items[0].error is None
    assert str(items[1].error).startswith(f"{path}: line 2: column ")
    assert "invalid JSON" in str(items[1].error)


# --- streaming: a large input is read a line at a time ---------------------------------------------


class CountingReader(io.BytesIO):
    """Standard input that remembers how far it has been read."""

    def __init__(self, data: bytes):
        super().__init__(data)
        self.furthest = 0

    def read(self, size=-1):
        chunk = super().read(size)
        self.furthest = max(self.furthest, self.tell())
        return chunk

    def readline(self, size=-1):
        line = super().readline(size)
        self.furthest = max(self.furthest, self.tell())
        return line


def big_jsonl(count: int, newline: str = "\n") -> bytes:
    return "".join(json.dumps(request(name=f"N{i}", id=f"n{i}", note=f"Hello {i}, " + "x" * 200)) + newline
                   for i in range(count)).encode()


@pytest.mark.parametrize("data", [
    big_jsonl(2000),
    ("From,To,Sent At,Message,Direction\r\n" + "".join(
        f'N{i},Me,"11/21/25, 5:13 PM","Hello\r\nline two {i}",INCOMING\r\n' for i in range(2000))).encode(),
], ids=["json-lines", "invitations-csv"])
def test_a_large_input_is_streamed_not_read_whole(data):
    stdin = CountingReader(data)
    items = load_requests(["-"], stdin=stdin)
    first = next(items)
    assert first.request.sender.name == "N0"
    assert stdin.furthest < 16 * 1024 < len(data)  # the first 8 KiB and a line or two, not the whole input
    rest = list(items)
    assert [item.request.sender.name for item in rest][-1] == "N1999" and len(rest) == 1999


@pytest.mark.parametrize("suffix", [".jsonl", ".json", ""])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_large_json_lines_keep_their_line_numbers(tmp_path, suffix, newline):
    lines = big_jsonl(300, newline).decode().splitlines(keepends=True)
    lines[150] = newline  # blank
    lines[200] = '{"sender": {"name": "Broken"}' + newline
    lines[250] = '{"sender": {"name": "Bad", "connections": "lots"}}' + newline
    lines[280] = "[1]" + newline
    path = tmp_path / f"inbox{suffix}"
    path.write_bytes("".join(lines).encode())
    items = loaded(path)
    assert len(items) == 299
    errors = {item.origin: str(item.error) for item in items if item.error}
    assert list(errors) == [f"{path}: line {n}" for n in (201, 251, 281)]
    assert errors[f"{path}: line 201"].startswith(f"{path}: line 201: column ") and "invalid JSON" in errors[f"{path}: line 201"]
    assert "sender.connections" in errors[f"{path}: line 251"]
    assert "got an array" in errors[f"{path}: line 281"]
    assert items[-1].origin == f"{path}: line 300" and items[-1].request.sender.name == "N299"


def test_a_line_that_is_not_utf8_past_the_start_is_reported_and_the_rest_loaded(tmp_path):
    data = big_jsonl(100).splitlines(keepends=True)
    data[60] = '{"sender": {"name": "Hélène"}}\n'.encode("latin-1")
    path = tmp_path / "inbox.jsonl"
    path.write_bytes(b"".join(data))
    items = loaded(path)
    assert len(items) == 100
    [bad] = [item for item in items if item.error]
    column = len('{"sender": {"name": "H') + 1
    assert str(bad.error) == f"{path}: line 61: not UTF-8 text (an invalid byte in column {column}): save the file as UTF-8"


def test_a_json_line_may_hold_a_line_separator_in_a_string(tmp_path):
    """U+2028 is valid as it is inside a JSON string: it does not end a JSON line."""
    path = tmp_path / "inbox.jsonl"
    path.write_text(json.dumps(request(name="One", note="a\u2028b\x85c")) + "\n" + json.dumps(request(name="Two")) + "\n",
                    encoding="utf-8")
    items = loaded(path)
    assert [r.note for r in good(items)] == ["a\u2028b\x85c", "Hi, we met at the fintech meetup."]
    assert [i.origin for i in items] == [f"{path}: line 1", f"{path}: line 2"]


@pytest.mark.parametrize(
    "data, expected",
    [
        # a pretty-printed object: its first line is no whole object, so it is one document
        (json.dumps(request(name="Pretty"), indent=2).encode(), ["Pretty"]),
        # a whole object then an array on the next line: one (invalid) document, as before
        ((json.dumps(request(name="A")) + "\n[1]\n").encode(), ["<stdin>: line 2, column 1: invalid JSON (Extra data)"]),
        # JSON Lines with a bad line: each line on its own
        ((json.dumps(request(name="A")) + "\n" + json.dumps(request(name="B")) + "\n[1]\n").encode(),
         ["A", "B", '<stdin>: line 3: expected a request object with a "sender", got an array']),
    ],
    ids=["pretty-object", "object-then-array", "json-lines-with-a-bad-line"],
)
def test_standard_input_json_lines_or_one_document(data, expected):
    items = loaded("-", stdin=data)
    assert [str(i.error) if i.error else i.request.sender.name for i in items] == expected


# --- batches: the good ones are screened, each bad one reported, exit 2 at the end ----------------


def _mixed_jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        "\n".join([
            json.dumps(request(name="Good One", id="g1")),
            json.dumps({"id": "b1", "sender": {"name": "Bad", "connections": "lots"}}),
            json.dumps(request(name="Good Two", id="g2")),
            "",
            '{"id": "b2", "sender": {"name": "Broken"}',
            json.dumps(request(name="Good Three", id="g3")),
        ]) + "\n",
        encoding="utf-8",
    )
    return path


def test_batch_json_lines_with_bad_lines_json_output(tmp_path, capsys):
    path = _mixed_jsonl(tmp_path)
    code, out, err = run(capsys, "screen", "--json", "-c", ANALYST, "--lang", "en", str(path))
    assert code == 2
    results = json_lines(out)
    assert [r["id"] for r in results] == ["g1", "g2", "g3"]
    assert all(r["verdict"] in ("accept", "ask", "ignore") for r in results)
    errors = err.splitlines()
    assert len(errors) == 2, err
    assert errors[0].startswith(f"assist: error: {path}: line 2: sender.connections")
    assert errors[1].startswith(f"assist: error: {path}: line 5: ") and "invalid JSON" in errors[1]


def test_batch_json_lines_with_bad_lines_human_output(tmp_path, capsys):
    path = _mixed_jsonl(tmp_path)
    code, out, err = run(capsys, "screen", "-c", ANALYST, "--lang", "en", str(path))
    assert code == 2
    for name in ("Good One", "Good Two", "Good Three"):
        assert name in out
    assert "Bad" not in out and "Broken" not in out
    assert "3 requests:" in out
    assert [re.search(r"batch\.jsonl: (line \d+):", line).group(1) for line in err.splitlines()] == ["line 2", "line 5"]


def test_batch_directory_with_good_and_bad_files(tmp_path, capsys):
    folder = tmp_path / "inbox"
    folder.mkdir()
    write_json(folder / "1-good.json", request(name="First", id="d1"))
    (folder / "2-bad.json").write_text('{"sender": {"name": "X", "mutual_connections": "many"}}', encoding="utf-8")
    (folder / "3-broken.json").write_text("{not json", encoding="utf-8")
    write_json(folder / "4-good.json", request(name="Last", id="d4"))
    code, out, err = run(capsys, "screen", "--json", "-c", ANALYST, "--lang", "en", str(folder))
    assert code == 2
    assert [r["id"] for r in json_lines(out)] == ["d1", "d4"]
    errors = err.splitlines()
    assert len(errors) == 2
    assert f"{folder / '2-bad.json'}: sender.mutual_connections" in errors[0]
    assert f"{folder / '3-broken.json'}: line 1, column 2: invalid JSON" in errors[1]


# --- as a real process: no traceback reaches the user, the exit code is right -------------------


def _subprocess(args: list[str], tmp_path: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASSIST_", "OPENAI_"))}
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "xdg"), ASSIST_HOME=str(tmp_path / "assist-home"),
               PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "assist", *args], input=stdin, capture_output=True,
                          cwd=tmp_path, env=env, timeout=60)


def test_subprocess_malformed_json(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"sender": {"name": "A",}}', encoding="utf-8")
    proc = _subprocess(["screen", "-c", ANALYST, "--lang", "en", str(path)], tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2
    assert "Traceback" not in err
    assert err.splitlines() == [f"assist: error: {path}: line 1, column 25: invalid JSON (Expecting property name enclosed in double quotes)"]
    assert proc.stdout == b""


def test_subprocess_standard_input(tmp_path):
    data = "\n".join(json.dumps(request(name=n, id=n)) for n in ("s1", "s2", "s3")).encode()
    proc = _subprocess(["screen", "--json", "-c", ANALYST, "--lang", "en", "-"], tmp_path, stdin=data)
    assert proc.returncode == 0, proc.stderr.decode()
    assert [r["id"] for r in json_lines(proc.stdout.decode())] == ["s1", "s2", "s3"]
    assert proc.stderr == b""
