"""Step 1, load requests: JSON, a JSON array, JSON Lines, a directory, stdin, or Invitations.csv.

Every source yields `Loaded` items in input order. A bad item becomes an item with an `error`
(one line naming the file and the line, item or field), so a batch goes on with the good ones.

JSON Lines and Invitations.csv are streamed, a line at a time, so memory stays flat however many
requests a file (or standard input) holds. Only the start of an input is read ahead: its first
8 KiB, then whole lines until two lines that are not blank, to tell binary data, an empty file and
the format. A single JSON document (an object or an array) is read whole. Every read is bounded
(limits.py): an input, a document, a request (a line, a CSV record), a field; a device or an
endless stream stops at the limit.

Text is UTF-8 (with or without a BOM), or UTF-16 or UTF-32 with a BOM (read as UTF-8, `_Transcoded`).
A line that does not decode is one bad item, named by its line and column.
"""

from __future__ import annotations

import codecs
import csv
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from pydantic import ValidationError

from .i18n import N_, _, ngettext
from . import limits
from .errors import InputError, describe_validation_error
from .models import Request, Sender
from .text import one_line

if TYPE_CHECKING:
    from .export import LinkedInExport

INVITATIONS_FILE = "Invitations.csv"
INVITATIONS_REQUIRED = ("From", "Message", "Direction")
INVITATIONS_HEADER = "From,To,Sent At,Message,Direction"
SENT_AT_FORMATS = ("%m/%d/%y, %I:%M %p", "%m/%d/%Y, %I:%M %p", "%m/%d/%y, %H:%M")

BOM = b"\xef\xbb\xbf"
# Byte order marks, longest first (UTF-32 LE's begins with UTF-16 LE's).
BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"), (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
        (BOM, "utf-8", "UTF-8"), (b"\xff\xfe", "utf-16-le", "UTF-16"), (b"\xfe\xff", "utf-16-be", "UTF-16"))
JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")
JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")
NOT_TEXT = N_("not a text file (binary data): expected JSON, JSON Lines or CSV")
EMPTY = N_("empty file: expected a request (JSON) or LinkedIn's Invitations.csv")
MALFORMED_CSV = N_("malformed CSV ({error})")
MORE_FIELDS = N_("more fields than the header names (an unquoted comma?)")

@dataclass(frozen=True)
class Loaded:
    origin: str  # "inbox.jsonl: line 4": where to look when something is wrong
    request: Request | None = None
    error: InputError | None = None
    raw: dict | None = None  # the object as read (labels for `assist eval` travel in it)
    export: str | None = None  # the LinkedIn export (a .zip or its folder) the request came from


# Opens a LinkedIn export (export.open_export, or a run's cache of them: known.Exports).
ExportOpener = Callable[[str], "LinkedInExport"]


def load_requests(sources: Iterable[str], stdin: BinaryIO | None = None,
                  open_export: ExportOpener | None = None) -> Iterator[Loaded]:
    """Each source's requests in order. A LinkedIn export (its .zip, or the folder it unpacks to)
    gives the incoming invitations of its Invitations.csv, read in place (`open_export`)."""
    from .export import is_export

    for source in sources:
        if source == "-":
            yield from _load_stream("<stdin>", stdin or _stdin(), suffix="")
            continue
        path = Path(source)
        try:
            is_dir, exists = path.is_dir(), path.exists()
            export = exists and is_export(path)
        except OSError as error:  # inside a folder that cannot be searched
            yield Loaded(source, error=_unreadable(source, error))
            continue
        if export:
            yield from _load_export(source, open_export)
        elif is_dir:
            yield from _load_directory(path)
        elif exists:
            yield from _load_file(path)
        else:
            yield Loaded(source, error=InputError(source, _("no such file or directory")))


def _load_export(source: str, open_export: ExportOpener | None) -> Iterator[Loaded]:
    from dataclasses import replace

    from .export import open_export as open_it

    try:
        export = (open_export or open_it)(source)
    except InputError as error:
        yield Loaded(source, error=error)
        return
    name = f"{source.rstrip('/')}/{INVITATIONS_FILE}"
    if not export.has(INVITATIONS_FILE):
        yield Loaded(source, error=InputError(source, _("the export holds no {file}: no requests to screen").format(file=INVITATIONS_FILE)))
        return
    try:
        handle = export.open_binary(INVITATIONS_FILE)
    except OSError as error:
        yield Loaded(name, error=_unreadable(name, error))
        return
    with handle:
        for loaded in _load_stream(name, handle, suffix=".csv"):
            yield replace(loaded, export=source)


def _stdin() -> BinaryIO:
    import sys

    return sys.stdin.buffer


def _load_directory(path: Path) -> Iterator[Loaded]:
    try:
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in (".json", ".jsonl") and p.is_file())
    except OSError as error:  # a folder that cannot be listed
        yield Loaded(str(path), error=_unreadable(str(path), error))
        return
    if not files:
        yield Loaded(str(path), error=InputError(str(path), _("directory holds no .json or .jsonl files")))
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
    return InputError(name, _("cannot read: {reason}").format(reason=error.strerror or error))


class _TooLarge(Exception):
    """An input went past its limit (the message says which): the rest of it is not read."""


def _load_stream(name: str, handle: BinaryIO, suffix: str) -> Iterator[Loaded]:
    try:
        yield from _load_stream_unguarded(name, handle, suffix)
    except _TooLarge as error:  # the items before it were yielded
        yield Loaded(name, error=InputError(name, str(error)))
    except OSError as error:  # a read failed part-way (the items before it were yielded)
        yield Loaded(name, error=_unreadable(name, error))


def _load_stream_unguarded(name: str, handle: BinaryIO, suffix: str) -> Iterator[Loaded]:
    source, encoding = _opened(handle)
    start, whole = _read_start(source)
    if b"\x00" in start[:limits.HEAD_BYTES]:
        yield Loaded(name, error=InputError(name, _(NOT_TEXT)))
        return
    text = start.decode("utf-8", "replace")  # to tell the format; each line is decoded on its own
    if whole and not text.strip():
        yield Loaded(name, error=InputError(name, _(EMPTY)))
        return
    source.unread(start)
    if suffix == ".csv" or (suffix not in JSON_SUFFIXES and _looks_like_csv(text)):
        yield from _load_invitations_csv(name, _raw_lines(source), encoding)
    elif suffix in JSON_LINES_SUFFIXES or _starts_json_lines(text):
        yield from _load_json_lines(name, _raw_lines(source), encoding)
    else:
        # One JSON document, an object or an array: read whole (json has no incremental parser).
        data = _read_at_most(source, limits.MAX_DOCUMENT_BYTES + 1)
        if len(data) > limits.MAX_DOCUMENT_BYTES:
            yield Loaded(name, error=InputError(name, _(
                "larger than {size}, the limit for one JSON document: write it as JSON Lines (one request a "
                "line), read a line at a time up to {input_size}").format(
                size=limits.size(limits.MAX_DOCUMENT_BYTES), input_size=limits.size(limits.MAX_INPUT_BYTES))))
            return
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            where = f"{name}: line {line}"
            column = _column(data[data.rfind(b"\n", 0, error.start) + 1:], error.start - data.rfind(b"\n", 0, error.start) - 1)
            yield Loaded(where, error=InputError(where, _Undecodable(encoding, column).message))
            return
        yield from _load_json(name, text)


class _Source:
    """A byte stream read in bounded pieces: what was read ahead can be put back (`unread`), and
    past `limits.MAX_INPUT_BYTES` read in all, it stops (_TooLarge)."""

    def __init__(self, handle: BinaryIO):
        self.handle = handle
        self.pending = b""
        self.size = 0

    def unread(self, data: bytes) -> None:
        self.pending = data + self.pending

    def _counted(self, data: bytes) -> bytes:
        self.size += len(data)
        if self.size > limits.MAX_INPUT_BYTES:
            raise _TooLarge(f"stopped after {limits.size(limits.MAX_INPUT_BYTES)}, the limit for one input (the "
                            "requests before were read): split it into smaller files")
        return data

    def read(self, count: int) -> bytes:
        """At most `count` bytes (fewer is not the end; b"" is)."""
        if self.pending:
            data, self.pending = self.pending[:count], self.pending[count:]
            return data
        return self._counted(self.handle.read(count))

    def readline(self, count: int) -> bytes:
        """A line with its end, or its first `count` bytes, or what is left before the end."""
        if not self.pending:
            return self._counted(self.handle.readline(count))
        end = self.pending.find(b"\n", 0, count)
        cut = end + 1 if end >= 0 else min(count, len(self.pending))
        data, self.pending = self.pending[:cut], self.pending[cut:]
        if data.endswith(b"\n") or len(data) >= count:
            return data
        return data + self._counted(self.handle.readline(count - len(data)))


def _read_at_most(source: "_Source | BinaryIO", count: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size < count:
        chunk = source.read(min(count - size, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


# What does not decode in UTF-16 or UTF-32 becomes the byte 0xFF once written as UTF-8 (no UTF-8
# text holds it), so the line that holds it is reported as not text.
codecs.register_error("assist.mark", lambda error: ("\udcff", error.end))


class _Transcoded:
    """UTF-16 or UTF-32 text (after its BOM), read as UTF-8 bytes, a chunk at a time."""

    CHUNK = 65536

    def __init__(self, handle: BinaryIO, encoding: str, start: bytes):
        self.handle = handle
        self.decoder = codecs.getincrementaldecoder(encoding)("assist.mark")
        self.buffer = bytearray()
        self.done = False
        self._add(start, final=False)

    def _add(self, data: bytes, final: bool) -> None:
        self.buffer += self.decoder.decode(data, final).encode("utf-8", "surrogateescape")

    def _fill(self) -> None:
        data = self.handle.read(self.CHUNK)
        self.done = not data
        self._add(data, final=self.done)

    def read(self, count: int) -> bytes:
        while len(self.buffer) < count and not self.done:
            self._fill()
        data = bytes(self.buffer[:count])
        del self.buffer[:count]
        return data

    def readline(self, count: int) -> bytes:
        while True:
            end = self.buffer.find(b"\n", 0, count)
            if end >= 0 or len(self.buffer) >= count or self.done:
                cut = end + 1 if end >= 0 else min(count, len(self.buffer))
                break
            self._fill()
        data = bytes(self.buffer[:cut])
        del self.buffer[:cut]
        return data


def _opened(handle: BinaryIO) -> tuple[_Source, str]:
    """The input as UTF-8 bytes after its BOM, and the encoding it is in (for messages)."""
    first = _read_at_most(handle, 4)
    for mark, encoding, label in BOMS:
        if first.startswith(mark):
            if encoding == "utf-8":
                break
            return _Source(_Transcoded(handle, encoding, first[len(mark):])), label  # type: ignore[arg-type]
    source = _Source(handle)
    source.unread(first.removeprefix(BOM))
    return source, "UTF-8"


def _read_start(source: _Source) -> tuple[bytes, bool]:
    """The start of an input: its first HEAD_BYTES, then whole lines up to the end of the second
    line that is not blank (each line bounded, the whole too). True when that is the whole input."""
    line_limit = limits.MAX_ITEM_BYTES + 1
    start = _read_at_most(source, limits.HEAD_BYTES)
    if len(start) < limits.HEAD_BYTES:
        return start, True
    chunks = [start]
    size, count = len(start), None
    while size <= limits.HEAD_BYTES + 2 * line_limit:
        if chunks[-1].endswith(b"\n"):
            count = _not_blank(b"".join(chunks)) if count is None else count + _not_blank(chunks[-1])
            if count >= 2:
                break
        line = source.readline(line_limit)
        if not line:
            return b"".join(chunks), True
        chunks.append(line)
        size += len(line)
        if not line.endswith(b"\n"):
            if len(line) < line_limit:  # the end of the input
                return b"".join(chunks), True
            break  # a line longer than a request may be: read no further ahead
    return b"".join(chunks), False


def _not_blank(data: bytes) -> int:
    return sum(1 for line in data.split(b"\n") if line.strip())


@dataclass(frozen=True)
class _Undecodable:
    """A line that is not text in its encoding: where its first invalid byte is."""

    encoding: str
    column: int

    @property
    def message(self) -> str:
        return f"not {self.encoding} text (an invalid byte in column {self.column}): save the file as UTF-8"


@dataclass(frozen=True)
class _TooLong:
    """A line longer than a request may be, skipped: how many double quotes it held (an
    Invitations.csv record is told apart by them)."""

    quotes: int


TOO_LONG = N_("longer than {size}, the limit for one request: shorten it")


def _raw_lines(source: _Source) -> Iterator[bytes | _TooLong]:
    """The input's lines, each with its end (\n): a line over `limits.MAX_ITEM_BYTES` is skipped
    to its end, a chunk at a time, and becomes _TooLong."""
    limit = limits.MAX_ITEM_BYTES + 1
    while line := source.readline(limit):
        if len(line) < limit or line.endswith(b"\n"):
            yield line
            continue
        quotes = line.count(b'"')
        while not line.endswith(b"\n"):
            line = source.readline(1 << 16)
            if not line:
                break
            quotes += line.count(b'"')
        yield _TooLong(quotes)


def _column(line: bytes, offset: int) -> int:
    """The column (counted in characters, from 1) of the byte at `offset` of a line."""
    return len(line[:offset].decode("utf-8", "replace")) + 1


def _decoded(line: bytes, encoding: str) -> str | _Undecodable:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError as error:
        return _Undecodable(encoding, _column(line, error.start))


# Lines of Invitations.csv end at \n, \r\n or a lone \r (as Python's universal newlines and its
# csv reader see them); not at U+2028 or U+0085. JSON Lines end at \n alone (and \r\n).
_LINE_ENDS = re.compile(r"(?<=\r)(?!\n)|(?<=\n)")


def _split(text: str) -> list[str]:
    """The lines of a CSV text, each with its end."""
    if "\r" not in text and text.find("\n") in (-1, len(text) - 1):  # one line, the common case
        return [text] if text else []
    return [line for line in _LINE_ENDS.split(text) if line]


def _json_lines_of(text: str) -> list[str]:
    """The lines of a text as JSON Lines sees them: ended by \n alone."""
    return text.split("\n")


def _looks_like_csv(text: str) -> bool:
    first_line = text.lstrip().split("\n", 1)[0]
    return not first_line.startswith(("{", "[")) and "," in first_line


def _starts_json_lines(text: str) -> bool:
    """JSON Lines without a .jsonl name: the first line that is not blank is a whole JSON object,
    and the next one starts another."""
    lines = [line for line in _json_lines_of(text) if line.strip()]
    if len(lines) < 2 or not lines[0].lstrip().startswith("{") or not lines[1].lstrip().startswith("{"):
        return False
    try:
        json.loads(lines[0])
    except (ValueError, RecursionError):  # JSONDecodeError is a ValueError
        return False
    return True


# JSON nested deeper than this is no request: Python's decoder would overflow its stack (RecursionError).
TOO_DEEP = N_("invalid JSON (nested too deeply)")
TOO_LONG_NUMBER = N_("invalid JSON (a number with thousands of digits)")
# What Python's json module says, marked to be said in the interface's language (English: as it is).
JSON_PROBLEMS = {N_("Expecting value"), N_("Expecting property name enclosed in double quotes"),
                 N_("Expecting ':' delimiter"), N_("Expecting ',' delimiter"), N_("Unterminated string starting at"),
                 N_("Invalid control character at"), N_("Extra data"), N_("Invalid \\escape"),
                 N_("Invalid \\uXXXX escape")}


def _load_json(name: str, text: str) -> Iterator[Loaded]:
    try:
        value = json.loads(text)
    except RecursionError:
        yield Loaded(name, error=InputError(name, _(TOO_DEEP)))
        return
    except json.JSONDecodeError as error:
        if _is_json_lines(text):
            yield from _load_json_lines(name, _json_lines_of(text), "UTF-8")
            return
        yield Loaded(name, error=InputError(name, _json_error(error)))
        return
    except ValueError:  # Python's own limit on the digits of an integer, not a JSONDecodeError
        yield Loaded(name, error=InputError(name, _(TOO_LONG_NUMBER)))
        return
    if isinstance(value, list):
        if not value:
            yield Loaded(name, error=InputError(name, _("empty array: no requests")))
        for index, item in enumerate(value, start=1):
            yield _validated(f"{name}: item {index}", item)
    else:
        yield _validated(name, value)


def _is_json_lines(text: str) -> bool:
    lines = [line for line in _json_lines_of(text) if line.strip()]
    return len(lines) > 1 and all(line.lstrip().startswith("{") for line in lines)


def _load_json_lines(name: str, lines: Iterable[bytes | str | _TooLong], encoding: str) -> Iterator[Loaded]:
    count = 0
    number = 0
    for line in lines:
        number += 1
        where = f"{name}: line {number}"
        if isinstance(line, _TooLong):
            count += 1
            yield Loaded(where, error=InputError(where, _(TOO_LONG).format(size=limits.size(limits.MAX_ITEM_BYTES))))
            continue
        text = _decoded(line, encoding) if isinstance(line, bytes) else line
        if isinstance(text, _Undecodable):
            count += 1
            yield Loaded(where, error=InputError(where, text.message))
            continue
        if not text.strip():
            continue
        count += 1
        try:
            value = json.loads(text.rstrip("\r\n"))
        except RecursionError:
            yield Loaded(where, error=InputError(where, _(TOO_DEEP)))
            continue
        except json.JSONDecodeError as error:
            yield Loaded(where, error=InputError(where, _json_error(error, with_line=False)))
            continue
        except ValueError:
            yield Loaded(where, error=InputError(where, _(TOO_LONG_NUMBER)))
            continue
        yield _validated(where, value)
    if not count:
        yield Loaded(name, error=InputError(name, _("empty file: no requests")))


def _json_error(error: json.JSONDecodeError, with_line: bool = True) -> str:
    problem = _(error.msg) if error.msg in JSON_PROBLEMS else error.msg
    if with_line:
        return _("line {line}, column {column}: invalid JSON ({problem})").format(
            line=error.lineno, column=error.colno, problem=problem)
    return _("column {column}: invalid JSON ({problem})").format(column=error.colno, problem=problem)


def _validated(where: str, value: object) -> Loaded:
    if not isinstance(value, dict):
        kind = type(value).__name__ if value is not None else "null"
        return Loaded(where, error=InputError(where, _("expected a request object with a \"sender\", got {kind}").format(kind=_json_kind(kind))))
    too_long = _too_long_field(value)
    if too_long:
        return Loaded(where, error=InputError(where, too_long), raw=value)
    try:
        return Loaded(where, request=Request.model_validate(value), raw=value)
    except ValidationError as error:
        return Loaded(where, error=InputError(where, one_line(describe_validation_error(error))), raw=value)


def _too_long_field(value: dict) -> str | None:
    """The first text of a request longer than a field may be, as `note: 70,000 characters, ...`;
    or, when its texts together are longer than a request may be (a JSON document's item), that."""
    stack: list[tuple[str, object]] = [("", value)]
    total = 0
    while stack:
        path, item = stack.pop()
        if isinstance(item, str):
            total += len(item)
            if len(item) > limits.MAX_FIELD_CHARS:
                return _too_long(path, len(item))
        elif isinstance(item, dict):
            total += sum(len(str(key)) for key in item)
            stack.extend((f"{path}.{key}" if path else str(key), child) for key, child in reversed(item.items()))
        elif isinstance(item, list):
            stack.extend((f"{path}.{index}", child) for index, child in reversed(list(enumerate(item))))
        if total > limits.MAX_ITEM_BYTES:
            return _(TOO_LONG).format(size=limits.size(limits.MAX_ITEM_BYTES))
    return None


def _too_long(field: str, length: int) -> str:
    return (f"{field}: {length:,} characters, more than the limit of {limits.MAX_FIELD_CHARS:,} for one field: "
            "shorten it or leave it out")


def _json_kind(python_type: str) -> str:
    return {"str": "a string", "int": "a number", "float": "a number", "bool": "true/false", "list": "an array"}.get(
        python_type, python_type
    )


# A field of Invitations.csv opens with a quote at its start: the record's or after a comma.
_FIELD_OPENS = re.compile(r'(?:\A|,)"')


def _still_quoted(line: str, quoted: bool) -> bool:
    """Whether an Invitations.csv record is still inside a quoted field at the end of this line, as
    the csv module reads it: a quote opens a field only at its start, "" inside one is a quote, and
    the next quote closes it. Linear: each step finds the next quote."""
    position = 0
    while True:
        if quoted:
            end = line.find('"', position)
            if end < 0:
                return True
            if line.startswith('"', end + 1):
                position = end + 2
                continue
            quoted, position = False, end + 1
        else:
            match = _FIELD_OPENS.search(line, position)
            if match is None:
                return False
            quoted, position = True, match.end()


def _records(lines: Iterable[bytes | _TooLong], encoding: str) -> Iterator[tuple[int, list[str] | _Undecodable | _TooLong]]:
    """Invitations.csv's records, each as its first line's number and its lines (with their ends),
    or what kept it from being read: a line that is not text, or a record longer than a request may
    be (skipped to its end, so no line of a long message is ever read as a row of its own)."""
    number = first = size = 0
    record: list[str] = []
    bad: _Undecodable | _TooLong | None = None
    quoted = False
    for raw in lines:
        if not record and bad is None:
            first = number + 1
        if isinstance(raw, bytes):
            text = _decoded(raw, encoding)
        else:
            text = raw
        if not isinstance(text, str):  # not text, or too long: skipped; its quotes still count
            number += 1
            bad = bad or text
            quotes = raw.quotes if isinstance(raw, _TooLong) else raw.count(b'"')
            quoted ^= quotes % 2 == 1
            record.clear()
        else:
            for part in _split(text):
                number += 1
                quoted = _still_quoted(part, quoted)
                if bad is None:
                    record.append(part)
                    size += len(part)
                    if size > limits.MAX_ITEM_BYTES:
                        bad, record = _TooLong(0), []
        if not quoted:
            if bad is not None or record:
                yield first, bad or list(record)
            record, bad, size = [], None, 0
    if bad is not None or record:  # a quote left open to the end of the input: the csv module reads it so
        yield first, bad or record


def _record_error(where: str, bad: _Undecodable | _TooLong) -> InputError:
    if isinstance(bad, _Undecodable):
        return InputError(where, bad.message)
    return InputError(where, _(TOO_LONG).format(size=limits.size(limits.MAX_ITEM_BYTES)))


def _load_invitations_csv(name: str, lines: Iterable[bytes | _TooLong], encoding: str) -> Iterator[Loaded]:
    # Each record is read alone, so a bad one (not text, too long, malformed) is one bad row.
    csv.field_size_limit(max(csv.field_size_limit(), limits.MAX_ITEM_BYTES + 1))
    records = _records(lines, encoding)
    header: list[str] = []
    for number, record in records:
        if not isinstance(record, list):
            yield Loaded(name, error=_record_error(f"{name}: line {number}", record))
            return
        try:
            rows = [row for row in csv.reader(record) if row]
        except csv.Error as error:
            yield Loaded(name, error=InputError(f"{name}: line {number}", _(MALFORMED_CSV).format(error=error)))
            return
        if rows:
            header = [column.strip() for column in rows[0]]
            break
    missing = [column for column in INVITATIONS_REQUIRED if column not in header]
    if missing:
        yield Loaded(name, error=InputError(name, ngettext(
            "missing column {columns}: expected LinkedIn's {file} (header {header})",
            "missing columns {columns}: expected LinkedIn's {file} (header {header})", len(missing)).format(
            columns=", ".join(missing), file="Invitations.csv", header=INVITATIONS_HEADER)))
        return
    rows_read = given = 0
    for number, record in records:
        where = f"{name}: line {number}"
        if not isinstance(record, list):
            rows_read += 1
            given += 1
            yield Loaded(where, error=_record_error(where, record))
            continue
        try:
            fields_of = [row for row in csv.reader(record) if row]
        except csv.Error as error:
            rows_read += 1
            given += 1
            yield Loaded(where, error=InputError(where, _(MALFORMED_CSV).format(error=error)))
            continue
        for fields in fields_of:
            rows_read += 1
            row: dict = dict(zip(header, fields))
            if len(fields) > len(header):
                row[None] = fields[len(header):]
            loaded = _invitation(where, row)
            if loaded is not None:
                given += 1
                yield loaded
    if not given:  # say so, rather than screen nothing in silence
        what = (ngettext("only {count} OUTGOING invitation", "only {count} OUTGOING invitations", rows_read).format(
            count=rows_read) if rows_read else _("only the header"))
        yield Loaded(name, error=InputError(name, _("no INCOMING invitations ({what}): no requests").format(what=what)))


def _invitation(where: str, row: dict) -> Loaded | None:
    if None in row:  # more fields than the header names
        return Loaded(where, error=InputError(where, _(MORE_FIELDS)))
    for column, value in row.items():
        if isinstance(value, str) and len(value) > limits.MAX_FIELD_CHARS:
            return Loaded(where, error=InputError(where, _too_long(str(column), len(value))))
    direction = (row.get("Direction") or "").strip().upper()
    if direction == "OUTGOING":
        return None
    if direction != "INCOMING":
        return Loaded(where, error=InputError(where, _("{column}: expected INCOMING or OUTGOING (got {value})").format(
            column="Direction", value=repr(direction or _("nothing")))))
    name = (row.get("From") or "").strip()
    if not name:
        return Loaded(where, error=InputError(where, _("{column}: empty, a request needs the sender's name").format(column="From")))
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


def read_reply(file: str, stdin: BinaryIO | None = None) -> str:
    """The user's own reply from a file (or "-", standard input): text in UTF-8, UTF-16 or UTF-32,
    at most `limits.MAX_REPLY_CHARS` characters, read no further than that can take (a device or an
    endless stream stops there). InputError, one line, otherwise."""
    try:
        if file == "-":
            return _reply_text(file, stdin or _stdin())
        with open(file, "rb") as handle:
            return _reply_text(file, handle)
    except OSError as error:
        raise _unreadable(file, error) from None


def _reply_text(name: str, handle: BinaryIO) -> str:
    source, encoding = _opened(handle)
    data = _read_at_most(source, 4 * limits.MAX_REPLY_CHARS + 1)  # UTF-8 takes at most 4 bytes a character
    if b"\x00" in data:
        raise InputError(name, _("not a text file (binary data): expected the reply as text"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(data) - 3:  # not merely a character the limit cut in two
            line_start = data.rfind(b"\n", 0, error.start) + 1
            line = data.count(b"\n", 0, error.start) + 1
            raise InputError(f"{name}: line {line}",
                             _Undecodable(encoding, _column(data[line_start:], error.start - line_start)).message) from None
        text = data[:error.start].decode("utf-8")
    if len(text) > limits.MAX_REPLY_CHARS or len(data) > 4 * limits.MAX_REPLY_CHARS:
        raise InputError(name, _("longer than {count} characters, the limit for a reply: shorten it").format(
            count=f"{limits.MAX_REPLY_CHARS:,}"))
    return text
