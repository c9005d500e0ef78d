"""Step 1, load requests: JSON, a JSON array, JSON Lines, a directory, stdin, or Invitations.csv.

Every source yields `Loaded` items in input order. A bad item becomes an item with an `error`
(one line naming the file and the line, item or field), so a batch goes on with the good ones.
"""

from __future__ import annotations

import csv
import io
import json
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


@dataclass(frozen=True)
class Loaded:
    origin: str  # "inbox.jsonl: line 4": where to look when something is wrong
    request: Request | None = None
    error: InputError | None = None
    raw: dict | None = None  # the object as read (labels for `assist eval` travel in it)


def load_requests(sources: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[Loaded]:
    for source in sources:
        if source == "-":
            data = (stdin or _stdin()).read()
            yield from _load_bytes("<stdin>", data, suffix="")
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
        data = path.read_bytes()
    except OSError as error:
        yield Loaded(str(path), error=InputError(str(path), f"cannot read: {error.strerror or error}"))
        return
    yield from _load_bytes(str(path), data, suffix=path.suffix.lower())


def _load_bytes(name: str, data: bytes, suffix: str) -> Iterator[Loaded]:
    try:
        text = _decode(data)
    except InputError as error:
        yield Loaded(name, error=InputError(name, error.message))
        return
    if not text.strip():
        yield Loaded(name, error=InputError(name, "empty file: expected a request (JSON) or LinkedIn's Invitations.csv"))
        return
    if suffix == ".csv" or (suffix not in (".json", ".jsonl", ".ndjson") and _looks_like_csv(text)):
        yield from _load_invitations_csv(name, text)
    elif suffix in (".jsonl", ".ndjson"):
        yield from _load_json_lines(name, text)
    else:
        yield from _load_json(name, text)


def _decode(data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise InputError("", "not a text file (binary data): expected JSON, JSON Lines or CSV")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError("", f"not UTF-8 text (invalid byte at offset {error.start}): expected JSON, JSON Lines or CSV") from None


def _looks_like_csv(text: str) -> bool:
    first_line = text.lstrip().split("\n", 1)[0]
    return not first_line.startswith(("{", "[")) and "," in first_line


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
            yield from _load_json_lines(name, text)
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
    lines = [line for line in text.splitlines() if line.strip()]
    return len(lines) > 1 and all(line.lstrip().startswith("{") for line in lines)


def _load_json_lines(name: str, text: str) -> Iterator[Loaded]:
    count = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        count += 1
        where = f"{name}: line {number}"
        try:
            value = json.loads(line)
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


def _load_invitations_csv(name: str, text: str) -> Iterator[Loaded]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [column.strip() for column in (reader.fieldnames or [])]
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
    except csv.Error as error:
        yield Loaded(name, error=InputError(f"{name}: line {reader.line_num}", f"malformed CSV ({error})"))
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
