"""Step 1, load requests: JSON, a JSON array, JSON Lines, a directory, stdin, or Invitations.csv.

Every source yields `Loaded` items in input order. A bad item becomes an item with an `error`
(one line naming the file and the line, item or field), so a batch goes on with the good ones.

JSON Lines and Invitations.csv are streamed, a line at a time, so memory stays flat however many
requests a file (or standard input) holds. Only the start of an input is read ahead: its first
8 KiB, then whole lines until two lines that are not blank, to tell binary data, the encoding, an
empty file and the format. A single JSON document (an object or an array) is read whole.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from pydantic import ValidationError

from .errors import InputError, describe_validation_error
from .models import Request, Sender
from .text import one_line

INVITATIONS_REQUIRED = ("From", "Message", "Direction")
INVITATIONS_HEADER = "From,To,Sent At,Message,Direction"
SENT_AT_FORMATS = ("%m/%d/%y, %I:%M %p", "%m/%d/%Y, %I:%M %p", "%m/%d/%y, %H:%M")

HEAD = 8192  # bytes looked at for binary data (a NUL byte)
BOM = b"\xef\xbb\xbf"
JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")
JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")
NOT_TEXT = "not a text file (binary data): expected JSON, JSON Lines or CSV"
EMPTY = "empty file: expected a request (JSON) or LinkedIn's Invitations.csv"


@dataclass(frozen=True)
class Loaded:
    origin: str  # "inbox.jsonl: line 4": where to look when something is wrong
    request: Request | None = None
    error: InputError | None = None
    raw: dict | None = None  # the object as read (labels for `assist eval` travel in it)


def load_requests(sources: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[Loaded]:
    for source in sources:
        if source == "-":
            yield from _load_stream("<stdin>", stdin or _stdin(), suffix="")
            continue
        path = Path(source)
        if path.is_dir():
            yield from _load_directory(path)
        elif path.exists():
            yield from _load_file(path)
        else:
            yield Loaded(source, error=InputError(source, "no such file or directory"))


def _stdin() -> BinaryIO:
    import sys

    return sys.stdin.buffer


def _load_directory(path: Path) -> Iterator[Loaded]:
    files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in (".json", ".jsonl"))
    if not files:
        yield Loaded(str(path), error=InputError(str(path), "directory holds no .json or .jsonl files"))
    for file in files:
        yield from _load_file(file)


def _load_file(path: Path) -> Iterator[Loaded]:
    try:
        handle = path.open("rb")
    except OSError as error:
        yield Loaded(str(path), error=_unreadable(str(path), error))
        return
    with handle:  # closed at the end, or when the caller stops early (the generator is closed)
        yield from _load_stream(str(path), handle, suffix=path.suffix.lower())


def _unreadable(name: str, error: OSError) -> InputError:
    return InputError(name, f"cannot read: {error.strerror or error}")


def _load_stream(name: str, handle: BinaryIO, suffix: str) -> Iterator[Loaded]:
    try:
        yield from _load_stream_unguarded(name, handle, suffix)
    except OSError as error:  # a read failed part-way (the items before it were yielded)
        yield Loaded(name, error=_unreadable(name, error))


def _load_stream_unguarded(name: str, handle: BinaryIO, suffix: str) -> Iterator[Loaded]:
    start, whole = _read_start(handle)
    if b"\x00" in start[:HEAD]:
        yield Loaded(name, error=InputError(name, NOT_TEXT))
        return
    bom = len(BOM) if start.startswith(BOM) else 0
    try:
        # The start ends at the end of a line (or of the input), so it decodes on its own.
        text = start[bom:].decode("utf-8")
    except UnicodeDecodeError as error:
        yield Loaded(name, error=InputError(name, _not_utf8(error.start)))
        return
    if whole and not text.strip():
        yield Loaded(name, error=InputError(name, EMPTY))
        return
    if suffix == ".csv" or (suffix not in JSON_SUFFIXES and _looks_like_csv(text)):
        yield from _load_invitations_csv(name, _lines(text, handle, len(start) - bom))
    elif suffix in JSON_LINES_SUFFIXES or _starts_json_lines(text):
        yield from _load_json_lines(name, _lines(text, handle, len(start) - bom))
    else:
        # One JSON document, an object or an array: read whole (json has no incremental parser).
        if not whole:
            try:
                text = (start + handle.read())[bom:].decode("utf-8")
            except UnicodeDecodeError as error:
                yield Loaded(name, error=InputError(name, _not_utf8(error.start)))
                return
        yield from _load_json(name, text)


def _read_start(handle: BinaryIO) -> tuple[bytes, bool]:
    """The start of an input: its first HEAD bytes, then whole lines up to the end of the second
    line that is not blank. True when that is the whole input."""
    chunks: list[bytes] = []
    size = 0
    while size < HEAD:
        chunk = handle.read(HEAD - size)
        if not chunk:
            return b"".join(chunks), True
        chunks.append(chunk)
        size += len(chunk)
    if not chunks[-1].endswith(b"\n"):  # finish the line the first HEAD bytes cut
        line = handle.readline()
        chunks.append(line)
        if not line.endswith(b"\n"):
            return b"".join(chunks), True
    start = b"".join(chunks)
    count = _not_blank(start.removeprefix(BOM))
    while count < 2:
        line = handle.readline()
        if not line:
            return b"".join(chunks), True
        chunks.append(line)
        if not line.endswith(b"\n"):
            return b"".join(chunks), True
        count += _not_blank(line)
    return b"".join(chunks), False


def _not_blank(data: bytes) -> int:
    return sum(1 for line in _split(data.decode("utf-8", "replace")) if line.strip())


def _not_utf8(offset: int) -> str:
    return f"not UTF-8 text (invalid byte at offset {offset}): expected JSON, JSON Lines or CSV"


# Lines end at \n, \r\n or a lone \r (as Python's universal newlines and its csv reader
# see them); not at U+2028 or U+0085, which a JSON string may hold as they are.
_LINE_ENDS = re.compile(r"(?<=\r)(?!\n)|(?<=\n)")


def _split(text: str) -> list[str]:
    """The lines of a text, each with its end."""
    if "\r" not in text and text.find("\n") in (-1, len(text) - 1):  # one line, the common case
        return [text] if text else []
    return [line for line in _LINE_ENDS.split(text) if line]


@dataclass(frozen=True)
class _Undecodable:
    """A line (or lines, when ended by a lone \r) that is not UTF-8 text."""

    offset: int  # of its first invalid byte, in the input after a BOM
    lines: int  # how many lines it spans


def _lines(start: str, handle: BinaryIO, offset: int) -> Iterator[str | _Undecodable]:
    """The input's lines, each with its end: those of its start (decoded already), then each
    further line of `handle`, decoded on its own. `offset`: the bytes of the start, less a BOM."""
    yield from _split(start)
    for raw in iter(handle.readline, b""):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            yield _Undecodable(offset + error.start, max(1, len(_split(raw.decode("utf-8", "replace")))))
        else:
            yield from _split(text)
        offset += len(raw)


def _looks_like_csv(text: str) -> bool:
    first_line = text.lstrip().split("\n", 1)[0]
    return not first_line.startswith(("{", "[")) and "," in first_line


def _starts_json_lines(text: str) -> bool:
    """JSON Lines without a .jsonl name: the first line that is not blank is a whole JSON object,
    and the next one starts another."""
    lines = [line for line in _split(text) if line.strip()]
    if len(lines) < 2 or not lines[0].lstrip().startswith("{") or not lines[1].lstrip().startswith("{"):
        return False
    try:
        json.loads(lines[0])
    except (ValueError, RecursionError):  # JSONDecodeError is a ValueError
        return False
    return True


# JSON nested deeper than this is no request: Python's decoder would overflow its stack (RecursionError).
TOO_DEEP = "invalid JSON (nested too deeply)"
TOO_LONG_NUMBER = "invalid JSON (a number with thousands of digits)"


def _load_json(name: str, text: str) -> Iterator[Loaded]:
    try:
        value = json.loads(text)
    except RecursionError:
        yield Loaded(name, error=InputError(name, TOO_DEEP))
        return
    except json.JSONDecodeError as error:
        if _is_json_lines(text):
            yield from _load_json_lines(name, _split(text))
            return
        yield Loaded(name, error=InputError(name, _json_error(error)))
        return
    except ValueError:  # Python's own limit on the digits of an integer, not a JSONDecodeError
        yield Loaded(name, error=InputError(name, TOO_LONG_NUMBER))
        return
    if isinstance(value, list):
        if not value:
            yield Loaded(name, error=InputError(name, "empty array: no requests"))
        for index, item in enumerate(value, start=1):
            yield _validated(f"{name}: item {index}", item)
    else:
        yield _validated(name, value)


def _is_json_lines(text: str) -> bool:
    lines = [line for line in _split(text) if line.strip()]
    return len(lines) > 1 and all(line.lstrip().startswith("{") for line in lines)


def _load_json_lines(name: str, lines: Iterable[str | _Undecodable]) -> Iterator[Loaded]:
    count = 0
    number = 0
    for line in lines:
        number += 1
        where = f"{name}: line {number}"
        if isinstance(line, _Undecodable):
            count += 1
            number += line.lines - 1
            yield Loaded(where, error=InputError(where, _not_utf8(line.offset)))
            continue
        if not line.strip():
            continue
        count += 1
        try:
            value = json.loads(line.rstrip("\r\n"))
        except RecursionError:
            yield Loaded(where, error=InputError(where, TOO_DEEP))
            continue
        except json.JSONDecodeError as error:
            yield Loaded(where, error=InputError(where, _json_error(error, with_line=False)))
            continue
        except ValueError:
            yield Loaded(where, error=InputError(where, TOO_LONG_NUMBER))
            continue
        yield _validated(where, value)
    if not count:
        yield Loaded(name, error=InputError(name, "empty file: no requests"))


def _json_error(error: json.JSONDecodeError, with_line: bool = True) -> str:
    where = f"line {error.lineno}, column {error.colno}: " if with_line else f"column {error.colno}: "
    return f"{where}invalid JSON ({error.msg})"


def _validated(where: str, value: object) -> Loaded:
    if not isinstance(value, dict):
        kind = type(value).__name__ if value is not None else "null"
        return Loaded(where, error=InputError(where, f"expected a request object with a \"sender\", got {_json_kind(kind)}"))
    try:
        return Loaded(where, request=Request.model_validate(value), raw=value)
    except ValidationError as error:
        return Loaded(where, error=InputError(where, one_line(describe_validation_error(error))), raw=value)


def _json_kind(python_type: str) -> str:
    return {"str": "a string", "int": "a number", "float": "a number", "bool": "true/false", "list": "an array"}.get(
        python_type, python_type
    )


class _NotUtf8(Exception):
    def __init__(self, line: int, offset: int):
        super().__init__(line, offset)
        self.line = line
        self.offset = offset


def _text_only(lines: Iterable[str | _Undecodable]) -> Iterator[str]:
    """The lines for the CSV reader; one that is not UTF-8 ends the file (_NotUtf8)."""
    number = 0
    for line in lines:
        number += 1
        if isinstance(line, _Undecodable):
            raise _NotUtf8(number, line.offset)
        yield line


def _unreadable(name: str, reader: csv.DictReader, error: Exception) -> Loaded:
    """The CSV cannot be read on from here: where, and why."""
    if isinstance(error, _NotUtf8):
        return Loaded(name, error=InputError(f"{name}: line {error.line}", _not_utf8(error.offset)))
    return Loaded(name, error=InputError(f"{name}: line {reader.line_num}", f"malformed CSV ({error})"))


def _load_invitations_csv(name: str, lines: Iterable[str | _Undecodable]) -> Iterator[Loaded]:
    # The reader is given the lines with their ends, as a file opened with newline="" gives them.
    reader = csv.DictReader(_text_only(lines))
    try:
        header = [column.strip() for column in (reader.fieldnames or [])]
    except (csv.Error, _NotUtf8) as error:
        yield _unreadable(name, reader, error)
        return
    missing = [column for column in INVITATIONS_REQUIRED if column not in header]
    if missing:
        yield Loaded(name, error=InputError(
            name, f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}: "
            f"expected LinkedIn's Invitations.csv (header {INVITATIONS_HEADER})",
        ))
        return
    reader.fieldnames = header
    rows = given = 0
    try:
        for row in reader:
            rows += 1
            # The record's first line: where the reader is now, less the lines its quoted fields span
            # (blank lines between records are skipped silently by the reader).
            spanned = sum(value.count("\n") for value in row.values() if isinstance(value, str))
            where = f"{name}: line {reader.line_num - spanned}"
            loaded = _invitation(where, row)
            if loaded is not None:
                given += 1
                yield loaded
    except (csv.Error, _NotUtf8) as error:
        yield _unreadable(name, reader, error)
        return
    if not given:  # say so, rather than screen nothing in silence
        what = f"only {rows} OUTGOING invitation{'s' if rows > 1 else ''}" if rows else "only the header"
        yield Loaded(name, error=InputError(name, f"no INCOMING invitations ({what}): no requests"))


def _invitation(where: str, row: dict) -> Loaded | None:
    if None in row:  # more fields than the header names
        return Loaded(where, error=InputError(where, "more fields than the header names (an unquoted comma?)"))
    direction = (row.get("Direction") or "").strip().upper()
    if direction == "OUTGOING":
        return None
    if direction != "INCOMING":
        return Loaded(where, error=InputError(where, f"Direction: expected INCOMING or OUTGOING (got {direction or 'nothing'!r})"))
    name = (row.get("From") or "").strip()
    if not name:
        return Loaded(where, error=InputError(where, "From: empty, a request needs the sender's name"))
    sender = Sender(name=name, profile_url=(row.get("inviterProfileUrl") or "").strip() or None)
    note = (row.get("Message") or "").replace("\r\n", "\n").strip() or None
    request = Request(sender=sender, note=note, received_at=_sent_at((row.get("Sent At") or "").strip()))
    return Loaded(where, request=request, raw=dict(row))


def _sent_at(value: str) -> str | None:
    if not value:
        return None
    for pattern in SENT_AT_FORMATS:
        try:
            return datetime.strptime(value, pattern).isoformat()
        except ValueError:
            continue
    return value  # keep what LinkedIn wrote rather than lose it
