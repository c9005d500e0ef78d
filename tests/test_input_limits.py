"""Issue 13, files, encodings and resources: hostile and clumsy input files.

JSON Lines end at \\n only; CSV fields of any size up to the limits, the good rows always read;
UTF-16 and UTF-32 with a BOM; decode errors name the line; every input bounded by a documented
limit, read incrementally, so a device or an endless stream stops at the limit.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assist import limits
from assist.load import load_requests
from helpers import run

ROOT = Path(__file__).resolve().parents[1]
ANALYST = str(ROOT / "fixtures" / "configs" / "analyst-vi.toml")


def request(name: str = "Lan Pham", note: str | None = "Hi, we met at the fintech meetup.", **extra) -> dict:
    return {"sender": {"name": name, "headline": "Analyst at Example"}, "note": note, **extra}


def loaded(*sources, stdin: bytes | None = None) -> list:
    return list(load_requests([str(s) for s in sources], stdin=io.BytesIO(stdin) if stdin is not None else None))


def summary(items: list) -> list[str]:
    return [f"{item.origin}: {item.request.sender.name}" if item.error is None else str(item.error) for item in items]


# --- 1. JSON Lines end at \n (and \r\n), nowhere else ---------------------------------------------


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\r"])
def test_json_lines_split_on_newline_only(tmp_path, separator):
    """A raw separator inside a line (valid in a JSON string for U+2028/U+0085; an invalid control
    character for the others) never splits it: one line, one item, the next line is line 2."""
    first = json.dumps(request(name="One", note="a<>b")).replace("<>", separator)  # raw, as written
    path = tmp_path / "inbox.jsonl"
    path.write_text(first + "\n" + json.dumps(request(name="Two")) + "\r\n", encoding="utf-8", newline="")
    items = loaded(path)
    assert [item.origin for item in items] == [f"{path}: line 1", f"{path}: line 2"]
    assert items[1].request.sender.name == "Two"
    if separator in "\u2028\u2029\x85":
        assert items[0].request.note == "a" + separator + "b"
    else:  # a raw control character: invalid JSON, said for line 1 alone
        assert items[0].error is not None and "invalid JSON" in str(items[0].error)


def test_a_lone_carriage_return_does_not_end_a_json_line(tmp_path):
    path = tmp_path / "inbox.jsonl"
    path.write_bytes((json.dumps(request(name="A")) + "\r" + json.dumps(request(name="B")) + "\n"
                      + json.dumps(request(name="C")) + "\n").encode())
    items = loaded(path)
    assert [item.origin for item in items] == [f"{path}: line 1", f"{path}: line 2"]
    assert items[0].error is not None and items[1].request.sender.name == "C"


# --- 2. CSV fields of any size up to the limits, the good rows always read -------------------------


HEADER = "From,To,Sent At,Message,Direction\n"


def test_a_200_kb_message_is_read_and_so_are_the_good_rows_after_it(tmp_path):
    path = tmp_path / "Invitations.csv"
    path.write_text(HEADER + f'Big,Me,,"{"x" * 204_800}",INCOMING\n' + "Good,Me,,hello,INCOMING\n"
                    'Also Good,Me,,"two\nlines",INCOMING\n', encoding="utf-8")
    items = loaded(path)
    assert summary(items) == [f"{path}: line 2: Big", f"{path}: line 3: Good", f"{path}: line 4: Also Good"]
    assert len(items[0].request.note) == 204_800


def test_a_message_over_the_field_limit_is_one_bad_row_and_the_good_rows_are_read(tmp_path):
    path = tmp_path / "Invitations.csv"
    size = limits.MAX_FIELD_CHARS + 1
    path.write_text(HEADER + f'Big,Me,,"{"x" * size}",INCOMING\n' + "Good,Me,,hello,INCOMING\n"
                    'Also Good,Me,,"two\nlines",INCOMING\n', encoding="utf-8")
    items = loaded(path)
    assert summary(items)[1:] == [f"{path}: line 3: Good", f"{path}: line 4: Also Good"]
    assert str(items[0].error) == (f"{path}: line 2: Message: {size:,} characters, more than the limit of "
                                   f"{limits.MAX_FIELD_CHARS:,} for one field: shorten it or leave it out")


def test_a_message_up_to_the_field_limit_is_read(tmp_path):
    path = tmp_path / "Invitations.csv"
    note = "word " * ((limits.MAX_FIELD_CHARS - 11) // 5)
    path.write_text(HEADER + f'Long,Me,,"{note}\n{"y" * 10}",INCOMING\nGood,Me,,hello,INCOMING\n', encoding="utf-8")
    items = loaded(path)
    assert [item.error for item in items] == [None, None]
    assert items[0].request.note.startswith("word word") and items[1].origin == f"{path}: line 4"


def test_a_csv_record_over_the_item_limit_spanning_many_lines_is_skipped_whole(tmp_path):
    """A quoted message of thousands of lines, more than one request may hold: its lines are never
    read as rows of their own (a row written inside a message is not a request)."""
    path = tmp_path / "Invitations.csv"
    inside = "Evil,Me,,injected,INCOMING\n" * (limits.MAX_ITEM_BYTES // 27 + 10)
    path.write_text(HEADER + f'Big,Me,,"{inside}",INCOMING\nGood,Me,,hello,INCOMING\n', encoding="utf-8")
    items = loaded(path)
    names = [item.request.sender.name for item in items if item.error is None]
    assert names == ["Good"]
    [bad] = [item for item in items if item.error]
    assert str(bad.error).startswith(f"{path}: line 2: ") and "longer than 1 MiB, the limit for one request" in str(bad.error)


def test_a_too_long_json_field_makes_that_item_bad(tmp_path):
    path = tmp_path / "inbox.jsonl"
    lines = [request(name="A"), request(name="B", note="n" * (limits.MAX_FIELD_CHARS + 1)),
             {"sender": {"name": "C", "experience": [{"title": "t" * (limits.MAX_FIELD_CHARS + 5)}]}},
             request(name="D")]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    items = loaded(path)
    assert [item.request.sender.name for item in items if item.error is None] == ["A", "D"]
    assert str(items[1].error).startswith(f"{path}: line 2: note: {limits.MAX_FIELD_CHARS + 1:,} characters, more than")
    assert str(items[2].error).startswith(f"{path}: line 3: sender.experience.0.title: ")


# --- 3. UTF-16 and UTF-32 with a BOM; decode errors name the line -----------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf-8-sig"])
@pytest.mark.parametrize("form", ["json", "jsonl", "csv"])
def test_unicode_with_a_bom_is_read(tmp_path, encoding, form):
    bom = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff", "utf-32-le": "\ufeff", "utf-32-be": "\ufeff"}.get(encoding, "")
    if form == "json":
        text = json.dumps([request(name="Nguyễn Thu Hà"), request(name="Ивaн")], ensure_ascii=False)
    elif form == "jsonl":
        text = "".join(json.dumps(request(name=n), ensure_ascii=False) + "\r\n" for n in ("Nguyễn Thu Hà", "Ивaн"))
    else:
        text = HEADER + 'Nguyễn Thu Hà,Me,,"Chào anh\nhẹn gặp",INCOMING\nИвaн,Me,,hi,INCOMING\n'
    path = tmp_path / f"inbox.{form}"
    path.write_bytes((bom + text).encode(encoding))
    items = loaded(path)
    assert [item.error for item in items] == [None, None]
    assert [item.request.sender.name for item in items] == ["Nguyễn Thu Hà", "Ивaн"]
    if form == "csv":
        assert items[0].request.note == "Chào anh\nhẹn gặp" and items[1].origin == f"{path}: line 4"


def test_utf16_through_standard_input_and_the_cli(tmp_path, capsys, monkeypatch):
    path = tmp_path / "inbox.json"
    path.write_bytes(json.dumps(request(name="Hà"), ensure_ascii=False).encode("utf-16"))
    code, out, err = run(capsys, "screen", "--no-store", "-c", ANALYST, "--json", str(path))
    assert code == 0, err
    assert json.loads(out)["sender"] == "Hà"


def test_a_latin1_line_in_the_first_lines_is_named_and_the_others_read(tmp_path):
    path = tmp_path / "inbox.jsonl"
    path.write_bytes(json.dumps(request(name="A")).encode() + b"\n" + '{"sender": {"name": "Hélène"}}\n'.encode("latin-1")
                     + json.dumps(request(name="C")).encode() + b"\n")
    items = loaded(path)
    assert summary(items) == [f"{path}: line 1: A",
                              f"{path}: line 2: not UTF-8 text (an invalid byte in column 23): save the file as UTF-8",
                              f"{path}: line 3: C"]


def test_a_latin1_document_names_its_line(tmp_path):
    path = tmp_path / "one.json"
    path.write_bytes('{\n  "sender": {\n    "name": "Hélène"\n  }\n}'.encode("latin-1"))
    [item] = loaded(path)
    assert str(item.error) == f"{path}: line 3: not UTF-8 text (an invalid byte in column 15): save the file as UTF-8"


def test_broken_utf16_names_the_line(tmp_path):
    data = ("\ufeff" + json.dumps(request(name="A")) + "\n").encode("utf-16-le") + b"\x00\xd8{\x00\n\x00"
    data += (json.dumps(request(name="C")) + "\n").encode("utf-16-le")
    path = tmp_path / "inbox.jsonl"
    path.write_bytes(data)
    items = loaded(path)
    assert summary(items) == [f"{path}: line 1: A",
                              f"{path}: line 2: not UTF-16 text (an invalid byte in column 1): save the file as UTF-8",
                              f"{path}: line 3: C"]


def test_a_csv_header_that_is_not_utf8_names_line_1(tmp_path):
    path = tmp_path / "Invitations.csv"
    path.write_bytes("Fröm,To,Sent At,Message,Direction\nA,Me,,hi,INCOMING\n".encode("latin-1"))
    [item] = loaded(path)
    assert str(item.error).startswith(f"{path}: line 1: not UTF-8 text (an invalid byte in column 3)")


# --- 4. input size bounded, read incrementally ----------------------------------------------------


def test_a_json_line_over_the_item_limit_is_one_bad_item(tmp_path):
    path = tmp_path / "inbox.jsonl"
    huge = json.dumps(request(name="Huge", note="n" * (limits.MAX_ITEM_BYTES + 10)))
    path.write_text(json.dumps(request(name="A")) + "\n" + huge + "\n" + json.dumps(request(name="C")) + "\n",
                    encoding="utf-8")
    items = loaded(path)
    assert summary(items) == [f"{path}: line 1: A",
                              f"{path}: line 2: longer than 1 MiB, the limit for one request: shorten it",
                              f"{path}: line 3: C"]


def test_a_request_over_the_request_limit_in_a_document_is_one_bad_item(tmp_path):
    """A JSON document may be 16 MiB, but each request in it no more than a JSON line may be."""
    field = "f" * (limits.MAX_FIELD_CHARS - 10)
    big = {"sender": {"name": "Big", "experience": [{"title": field} for _ in range(5)]}}
    path = tmp_path / "many.json"
    path.write_text(json.dumps([request(name="A"), big, request(name="C")]), encoding="utf-8")
    items = loaded(path)
    assert summary(items) == [f"{path}: item 1: A",
                              f"{path}: item 2: longer than 1 MiB, the limit for one request: shorten it",
                              f"{path}: item 3: C"]


def test_a_json_document_over_its_limit_is_refused_without_reading_it_all(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_DOCUMENT_BYTES", 100_000)
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 300_000)
    monkeypatch.setattr(limits, "MAX_ITEM_BYTES", 50_000)
    data = json.dumps([request(name=f"N{i}") for i in range(5000)]).encode()
    stdin = io.BytesIO(data)
    [item] = list(load_requests(["-"], stdin=stdin))
    assert str(item.error) == ("<stdin>: larger than 97.66 KiB, the limit for one JSON document: "
                               "write it as JSON Lines (one request a line), read a line at a time up to 292.97 KiB")
    assert stdin.tell() <= 100_001 + 16_384


def test_an_endless_stream_stops_at_the_input_limit(monkeypatch):
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 200_000)
    line = (json.dumps(request(name="Again")) + "\n").encode()

    class Endless(io.RawIOBase):
        def readable(self):
            return True

        def readinto(self, buffer):
            data = (line * (len(buffer) // len(line) + 1))[:len(buffer)]
            buffer[:len(data)] = data
            return len(data)

    items = list(load_requests(["-"], stdin=io.BufferedReader(Endless())))
    assert 1000 < sum(item.error is None for item in items) <= 200_000 // len(line)
    assert str(items[-1].error).startswith("<stdin>: stopped after 195.31 KiB, the limit for one input")


def run_cli(*argv: str, timeout: float = 60, stdin=None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "assist", *argv], capture_output=True, text=True, timeout=timeout,
                          env=env, stdin=stdin)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_stop_at_once(device, tmp_path):
    if not Path(device).exists():
        pytest.skip(f"no {device}")
    started = time.monotonic()
    result = run_cli("screen", "--no-store", device)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (f"assist: error: {device}: not a text file (binary data): "
                                              "expected JSON, JSON Lines or CSV")
    assert time.monotonic() - started < 20


def test_an_endless_line_without_a_newline_stops_at_the_document_limit(tmp_path):
    """`yes`-like input without a NUL byte: read up to the limit, then one line."""
    writer = subprocess.Popen([sys.executable, "-c", "import sys\nwhile True: sys.stdout.write('a' * 65536)"],
                              stdout=subprocess.PIPE)
    try:
        result = run_cli("screen", "--no-store", "-", stdin=writer.stdout)
    finally:
        writer.kill()
        writer.wait()
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1].startswith("assist: error: <stdin>: larger than 16 MiB, the limit for one JSON document")


def test_review_edit_file_stops_at_the_limit(tmp_path):
    home = tmp_path / "home"
    inbox = tmp_path / "inbox.json"
    inbox.write_text(json.dumps(request(name="Lan", note="hi", id="r-1")), encoding="utf-8")
    screened = run_cli("screen", str(inbox), "--json")
    assert screened.returncode == 0, screened.stderr
    started = time.monotonic()
    result = run_cli("review", "edit", "r-1", "--file", "/dev/zero")
    assert result.returncode == 2
    assert result.stderr.strip() == ("assist: error: /dev/zero: not a text file (binary data): "
                                     "expected the reply as text")
    big = tmp_path / "reply.txt"
    big.write_text("word " * limits.MAX_REPLY_CHARS, encoding="utf-8")
    result = run_cli("review", "edit", "r-1", "--file", str(big))
    assert result.returncode == 2
    assert result.stderr.strip() == (f"assist: error: {big}: longer than {limits.MAX_REPLY_CHARS:,} characters, "
                                     "the limit for a reply: shorten it")
    assert time.monotonic() - started < 30
    assert home.exists()
