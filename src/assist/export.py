"""The user's own LinkedIn data export, read in place (a .zip as LinkedIn delivers it, or the folder
it unpacks to): who the user is, where they worked and studied, whom they know and have talked to.

Nothing is extracted or copied: a zip's members are streamed, each bounded by `limits.MAX_INPUT_BYTES`
(a zip bomb stops there, one problem), and a member named with `..` or an absolute path is ignored.
Files are matched by their exact base name (`messages.csv`, never `guide_messages.csv`), at the top
or inside one folder (the shallowest wins); columns by their header name (a BOM, quotes and spaces
around a name do not matter), wherever the header is among the first lines (Connections.csv has a
`Notes:` preamble). A bad row is one `ExportProblem` (the file and the physical line it starts on)
and is skipped; a file that is not CSV, or has no usable header, is one problem and reads as None,
as a missing file does: unknown, not empty. Text double-encoded as UTF-8 read as cp1252 (`Ã©` for
`é`) is repaired where the repair round-trips. A message's content is looked at while its row is
read (for `%FIRSTNAME%`-style placeholders) and never kept.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import BinaryIO
from urllib.parse import unquote, urlsplit

from . import limits
from .errors import InputError
from .i18n import N_, _, ngettext

EXPORT_FILES = ("Profile.csv", "Positions.csv", "Education.csv", "Skills.csv", "Connections.csv",
                "messages.csv", "Invitations.csv")
MAX_PROBLEMS_PER_FILE = 20  # kept for each file; past it, one more problem says how many were left out
HEADER_SEARCH_RECORDS = 20  # the header is among a file's first records (after a Notes: preamble)
NOT_AN_EXPORT = N_("not a LinkedIn export: expected the .zip LinkedIn sends (Get a copy of your data) or the folder it unpacks to")
MALFORMED_CSV = N_("malformed CSV ({error})")
CANNOT_READ = N_("cannot read: {reason}")
DAMAGED_MEMBER = N_("damaged zip member ({error})")
UNREADABLE_METHOD = N_("a compression method this zip reader cannot read ({method}): unpack the archive and give "
                       "the folder instead")
# The compression methods Python's zipfile reads (bzip2 and LZMA where Python was built with them).
READABLE_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA})
TIME_EXPECTED = N_("{column}: expected a time like {example} (got {value})")
EMPTY_FIELD = N_("{column}: empty")
LINE_TOO_LONG = N_("a line longer than {size}: not LinkedIn's {file}")


@dataclass(frozen=True, slots=True)
class ExportProblem:
    """A malformed file or row: reported as one line, the rest still read."""

    file: str  # the member name as found (with its folder in a zip, if any)
    line: int | None  # the physical line where the bad record starts, when known
    message: str
    export: str = ""  # the export's path, as the user gave it

    def __str__(self) -> str:
        where = f"{self.export}/{self.file}" if self.export else self.file
        return f"{where}: line {self.line}: {self.message}" if self.line else f"{where}: {self.message}"

    def as_error(self) -> InputError:
        where = f"{self.export}/{self.file}" if self.export else self.file
        return InputError(f"{where}: line {self.line}" if self.line else where, self.message)


def full_name(first: str, last: str) -> str:
    """"First Last" as LinkedIn shows it, spaces folded ("Đặng Khắc" + "Minh" is "Đặng Khắc Minh")."""
    return " ".join(f"{first} {last}".split())


@dataclass(frozen=True, slots=True)
class Profile:
    first_name: str
    last_name: str
    headline: str | None
    summary: str | None
    industry: str | None
    location: str | None  # Geo Location (older exports: Location, if any)

    @property
    def name(self) -> str:
        return full_name(self.first_name, self.last_name)


@dataclass(frozen=True, slots=True)
class Position:
    company: str
    title: str | None
    location: str | None
    started_on: date | None  # "Jan 2020" -> date(2020, 1, 1); "2020" -> date(2020, 1, 1)
    finished_on: date | None

    @property
    def current(self) -> bool:
        return self.finished_on is None


@dataclass(frozen=True, slots=True)
class School:
    name: str
    degree: str | None
    start: date | None
    end: date | None


@dataclass(frozen=True, slots=True)
class Connection:
    first_name: str
    last_name: str
    url: str | None
    company: str | None
    position: str | None
    connected_on: date | None  # "08 Feb 2026"

    @property
    def name(self) -> str:
        return full_name(self.first_name, self.last_name)


@dataclass(frozen=True, slots=True)
class Message:
    """One row of messages.csv, without its content (never kept)."""

    conversation_id: str
    sender_name: str
    sender_url: str | None
    recipient_names: tuple[str, ...]
    recipient_urls: tuple[str, ...]
    sent_at: datetime | None  # "2023-06-11 15:33:58 UTC", timezone-aware UTC
    personal: bool  # False for InMail (a SUBJECT), sponsored messages, drafts


@dataclass(frozen=True, slots=True)
class OutgoingInvitation:
    to_name: str
    to_url: str | None
    sent_at: datetime | None  # "11/21/25, 5:13 PM": the file gives no timezone, so none is set


class _RowError(Exception):
    """A row that cannot be used: the message says which field and what is wrong."""

    def recorded(self, problems: "_Problems", line: int) -> None:
        """The file's problem at this row; the rows after it are still read."""
        problems.add(line, str(self))


class _StopFile(Exception):
    """A file that cannot be read further (past its limit, damaged): one problem, the rows before kept."""

    def recorded(self, problems: "_Problems") -> None:
        """The file's one problem, at no line: nothing more of it is read."""
        problems.add(None, str(self))


# -- reading a member, bounded --------------------------------------------------------------------


class _Member(io.RawIOBase):
    """A member's bytes, read in place: past `limits.MAX_INPUT_BYTES` it stops (_StopFile when
    `bounded`), and a damaged zip member's errors become OSError (what a file's reader expects)."""

    def __init__(self, handle: BinaryIO, bounded: bool):
        self.handle = handle
        self.bounded = bounded
        self.size = 0

    def readable(self) -> bool:
        """As readable as the member it reads (a zip member's or a file's handle)."""
        return self.handle.readable()

    def readinto(self, buffer) -> int:  # type: ignore[override]
        try:
            data = self.handle.read(len(buffer))
        except (zipfile.BadZipFile, zlib.error, EOFError) as error:
            raise OSError(_(DAMAGED_MEMBER).format(error=error)) from None
        self.size += len(data)
        if self.bounded and self.size > limits.MAX_INPUT_BYTES:
            raise _StopFile(_("stopped after {size}, the limit for one input (the file is not read)").format(
                size=limits.size(limits.MAX_INPUT_BYTES)))
        buffer[:len(data)] = data
        return len(data)

    def close(self) -> None:
        try:
            self.handle.close()
        finally:
            super().close()


class LinkedInExport:
    """An export opened in place: `has`, `open_binary`, and one reader a file, each read once."""

    def __init__(self, path: str, root: Path | None = None, archive: zipfile.ZipFile | None = None,
                 members: dict[str, str] | None = None):
        self.path = path
        self.problems: list[ExportProblem] = []
        self._root = root
        self._archive = archive
        self._members = members or {}  # base name -> member name (in the zip, or relative to the folder)
        self._read: dict[str, object] = {}

    def __enter__(self) -> "LinkedInExport":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._archive is not None:
            self._archive.close()

    def has(self, file: str) -> bool:
        return file in self._members

    def member(self, file: str) -> str:
        """The member's name as found (with its folder, if any)."""
        return self._members[file]

    def open_binary(self, file: str) -> BinaryIO:
        """A member's bytes, read in place; errors reading a damaged zip member are OSError."""
        return self._open(file, bounded=False)

    def _open(self, file: str, bounded: bool) -> BinaryIO:
        if file not in self._members:
            raise InputError(self.path, _("holds no {file}").format(file=file))
        name = self._members[file]
        try:
            if self._archive is not None:
                info = self._archive.getinfo(name)
                if bounded and info.file_size > limits.MAX_INPUT_BYTES:
                    raise _StopFile(_("{size} unpacked, more than {limit}, the limit for one input").format(
                        size=limits.size(info.file_size), limit=limits.size(limits.MAX_INPUT_BYTES)))
                if info.compress_type not in READABLE_METHODS:
                    raise OSError(_(UNREADABLE_METHOD).format(method=info.compress_type))
                handle = self._archive.open(info)
            else:
                handle = (self._root / name).open("rb")  # type: ignore[operator]
        except (zipfile.BadZipFile, zlib.error, EOFError) as error:
            raise OSError(_(DAMAGED_MEMBER).format(error=error)) from None
        except RuntimeError as error:  # an encrypted member
            raise OSError(str(error)) from None
        return io.BufferedReader(_Member(handle, bounded), buffer_size=1 << 16)  # type: ignore[return-value]

    # -- the readers ------------------------------------------------------------------------------

    def _cached(self, file: str, read: Callable[[Iterator[tuple[int, dict[str, str]]], "_Problems"], object]):
        if file in self._read:
            return self._read[file]
        result = None
        if file in self._members:
            problems = _Problems(self, file)
            result = _read_file(self, file, read, problems)
            problems.finish()
        self._read[file] = result
        return result

    def profile(self) -> Profile | None:
        return self._cached("Profile.csv", _profile)  # type: ignore[return-value]

    def positions(self) -> list[Position] | None:
        return self._cached("Positions.csv", _rows_of(_position))  # type: ignore[return-value]

    def schools(self) -> list[School] | None:
        return self._cached("Education.csv", _rows_of(_school))  # type: ignore[return-value]

    def skills(self) -> list[str] | None:
        return self._cached("Skills.csv", _rows_of(_skill))  # type: ignore[return-value]

    def connections(self) -> list[Connection] | None:
        return self._cached("Connections.csv", _rows_of(_connection))  # type: ignore[return-value]

    def messages(self) -> list[Message] | None:
        return self._cached("messages.csv", _rows_of(_message))  # type: ignore[return-value]

    def outgoing_invitations(self) -> list[OutgoingInvitation] | None:
        return self._cached("Invitations.csv", _rows_of(_outgoing))  # type: ignore[return-value]


class _Problems:
    """A file's problems: the first MAX_PROBLEMS_PER_FILE kept, then counted."""

    def __init__(self, export: LinkedInExport, file: str):
        self.export = export
        self.member = export.member(file)
        self.count = 0

    def add(self, line: int | None, message: str) -> None:
        self.count += 1
        if self.count <= MAX_PROBLEMS_PER_FILE:
            self.export.problems.append(ExportProblem(self.member, line, message, self.export.path))

    def finish(self) -> None:
        more = self.count - MAX_PROBLEMS_PER_FILE
        if more > 0:
            self.export.problems.append(ExportProblem(
                self.member, None, ngettext("and {count} more bad row (skipped)", "and {count} more bad rows (skipped)",
                                          more).format(count=more), self.export.path))


# Each file: the columns its header must name, and the ones a reader uses (all looked up by name).
REQUIRED = {
    "Profile.csv": ("First Name", "Last Name"),
    "Positions.csv": ("Company Name",),
    "Education.csv": ("School Name",),
    "Skills.csv": ("Name",),
    "Connections.csv": ("First Name", "Last Name"),
    "messages.csv": ("CONVERSATION ID", "FROM"),
    "Invitations.csv": ("From", "To", "Direction"),
}


def _read_file(export: LinkedInExport, file: str, read, problems: _Problems):
    try:
        handle = export._open(file, bounded=True)
    except _StopFile as error:
        error.recorded(problems)
        return None
    except OSError as error:
        problems.add(None, _(CANNOT_READ).format(reason=error.strerror or error))
        return None
    with handle:
        try:
            start = handle.peek(limits.HEAD_BYTES)[:limits.HEAD_BYTES]
            encoding = "utf-8-sig"
            if start.startswith((b"\xff\xfe", b"\xfe\xff")):
                encoding = "utf-16"
            elif b"\x00" in start:
                problems.add(None, _("not a CSV file (binary data)"))
                return None
            if not start.strip(b" \t\r\n\xef\xbb\xbf"):
                problems.add(None, _("empty file: expected LinkedIn's {file} (header {header}, ...)").format(
                    file=file, header=", ".join(REQUIRED[file])))
                return None
            text = io.TextIOWrapper(handle, encoding=encoding, errors="surrogateescape", newline="")
            return _read_text(text, file, read, problems)
        except _StopFile as error:
            error.recorded(problems)
        except (OSError, UnicodeError) as error:
            problems.add(None, _(CANNOT_READ).format(reason=getattr(error, "strerror", None) or error))
        return None


class _TooLongLine(Exception):
    """A line longer than a record may be (limits.MAX_ITEM_BYTES): not the CSV file it should be."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line  # where it starts, counted from 1


def _lines(text: io.TextIOWrapper, counter: list[int], record: list[str] | None = None) -> Iterator[str]:
    """The text's lines (each ending as it does), each at most a record's limit long; `record`
    keeps the lines of the record being read (rows() empties it at each record's start)."""
    limit = limits.MAX_ITEM_BYTES
    readline = text.readline
    while line := readline(limit):
        if len(line) >= limit and not line.endswith(("\n", "\r")):
            raise _TooLongLine(counter[0] + 1)
        counter[0] += 1
        if record is not None:
            record.append(line)
        yield line


def _read_text(text: io.TextIOWrapper, file: str, read, problems: _Problems):
    csv.field_size_limit(max(csv.field_size_limit(), limits.MAX_ITEM_BYTES + 1))
    counter = [0]
    record: list[str] = []
    lines = _lines(text, counter, record)
    reader = csv.reader(lines)
    required = REQUIRED[file]
    header: dict[str, int] | None = None
    records = 0
    try:
        while header is None and records < HEADER_SEARCH_RECORDS:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error:
                records += 1
                continue
            if not row:
                continue
            records += 1
            header = _header(row, required)
    except _TooLongLine as error:
        problems.add(error.line, _(LINE_TOO_LONG).format(size=limits.size(limits.MAX_ITEM_BYTES), file=file))
        return None
    if header is None:
        problems.add(None, _("no header line with the columns {columns}: expected LinkedIn's {file}").format(
            columns=", ".join(required), file=file))
        return None
    width = max(header.values()) + 1

    def rows() -> Iterator[tuple[int, dict[str, str]]]:
        nonlocal reader
        while True:
            start = counter[0] + 1
            record.clear()
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                problems.add(start, _(MALFORMED_CSV).format(error=error))
                continue
            except _TooLongLine as error:
                problems.add(error.line, _("a line longer than {size}: the rest of the file is not read").format(
                    size=limits.size(limits.MAX_ITEM_BYTES)))
                return
            if sum(line.count('"') for line in record) % 2 and (len(record) > 1 or OPENING_QUOTE.search(record[0])):
                # A quote opened on this line and never closed (an odd count: only at the end of the
                # file): the line is the bad row, and the lines it swallowed are read again.
                problems.add(start, _("a quote opened on this line is never closed"))
                swallowed = record[1:]
                record.clear()
                counter[0] = start
                reader = csv.reader(itertools.chain(_counted(swallowed, counter, record), lines))
                continue
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            if len(row) > width and any(cell.strip() for cell in row[width:]):
                problems.add(start, _("more fields than the header names (an unquoted comma?)"))
                continue
            yield start, {name: row[index] for name, index in header.items() if index < len(row)}

    return read(rows(), problems)


OPENING_QUOTE = re.compile(r'(?:^|,)\s*"')  # a quote that opens a field (a lone one inside a field, 5" screen, opens none)


def _counted(lines: list[str], counter: list[int], record: list[str]) -> Iterator[str]:
    """Lines read again (after a quote never closed), counted and kept as _lines does."""
    for line in lines:
        counter[0] += 1
        record.append(line)
        yield line


def _header(row: list[str], required: tuple[str, ...]) -> dict[str, int] | None:
    """The columns of a header row by their names (case-folded), when it names the required ones."""
    if len(row) == 1 and "," in row[0]:  # the whole header line quoted as one field
        row = row[0].split(",")
    names = {}
    for index, cell in enumerate(row):
        name = cell.replace("\ufeff", "").strip().strip('"').strip().casefold()
        if name and name not in names:
            names[name] = index
    if all(column.casefold() in names for column in required):
        return names
    return None


def _rows_of(build: Callable[[dict[str, str]], object]):
    """A reader that builds one item a row (None: nothing to keep, silently), a bad row one problem."""
    def read(rows: Iterator[tuple[int, dict[str, str]]], problems: _Problems) -> list:
        items = []
        for line, row in rows:
            try:
                item = build(row)
            except _RowError as error:
                error.recorded(problems, line)
                continue
            if item is not None:
                items.append(item)
        return items
    return read


# -- fields -----------------------------------------------------------------------------------------

_SURROGATE = re.compile("[\udc80-\udcff]")


def _text(row: dict[str, str], column: str) -> str | None:
    """A cell's text, stripped, repaired if double-encoded; None when empty or absent."""
    value = row.get(column.casefold())
    if not value:
        return None
    value = value.strip()
    if not value:
        return None
    if len(value) > limits.MAX_FIELD_CHARS:
        raise _RowError(_("{column}: {count} characters, more than the limit of {limit} for one field").format(
            column=column, count=f"{len(value):,}", limit=f"{limits.MAX_FIELD_CHARS:,}"))
    if not value.isascii():
        if _SURROGATE.search(value):
            raise _RowError(_("{column}: not UTF-8 text: save the file as UTF-8").format(column=column))
        value = repair_mojibake(value)
    return value


def _as_cp1252(error: UnicodeEncodeError):
    """cp1252's five unused bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) come back from Latin-1 readers as
    U+0081...: they are those bytes. Anything else is no byte: the text was not double-encoded."""
    char = error.object[error.start]
    if ord(char) < 0x100:
        return bytes([ord(char)]), error.start + 1
    raise error


codecs.register_error("assist.cp1252", _as_cp1252)
# A letter that starts a UTF-8 sequence once read as cp1252/Latin-1 (Ã, Ä, á, â, ...) followed by
# one of a continuation byte's characters: what double-encoding looks like, checked before trying.
_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
                       "\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")


def repair_mojibake(value: str) -> str:
    """Text double-encoded as UTF-8 read as cp1252 or Latin-1 (`Ã©` for `é`), repaired; other text,
    or text whose repair does not round-trip, as it is."""
    if not _MOJIBAKE.search(value):
        return value
    try:
        repaired = value.encode("cp1252", "assist.cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return value
    return repaired if repaired != value else value


MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}


@lru_cache(maxsize=8192)
def _month_year(value: str) -> date | None:
    """`Jan 2020`, `January 2020`, `2020`, `01/2020` -> the first day of it; None when it is none."""
    parts = value.replace("/", " ").replace("-", " ").split()
    try:
        if len(parts) == 1 and len(parts[0]) == 4:
            return date(int(parts[0]), 1, 1)
        if len(parts) == 2 and len(parts[1]) == 4:
            month = MONTHS.get(parts[0][:3].casefold()) if not parts[0].isdigit() else int(parts[0])
            if month and (parts[0].isdigit() or parts[0].casefold() in _MONTH_NAMES):
                return date(int(parts[1]), month, 1)
    except ValueError:
        return None
    return None


_MONTH_NAMES = frozenset(MONTHS) | frozenset(("january", "february", "march", "april", "june", "july", "august",
                                              "september", "sept", "october", "november", "december"))


@lru_cache(maxsize=8192)
def _day_month_year(value: str) -> date | None:
    """`08 Feb 2026` (also `2026-02-08`); None when it is none."""
    parts = value.split()
    try:
        if len(parts) == 3 and parts[1].casefold() in _MONTH_NAMES and len(parts[2]) == 4:
            return date(int(parts[2]), MONTHS[parts[1][:3].casefold()], int(parts[0]))
        if len(parts) == 1 and len(value) == 10:
            return date.fromisoformat(value)
    except ValueError:
        return None
    return None


def _date(row: dict[str, str], column: str, parse: Callable[[str], date | None], example: str) -> date | None:
    value = _text(row, column)
    if value is None:
        return None
    parsed = parse(value)
    if parsed is None:
        raise _RowError(_("{column}: expected a date like {example} (got {value})").format(
            column=column, example=example, value=_shown(value)))
    return parsed


def _shown(value: str) -> str:
    from .text import clip, one_line

    return repr(clip(one_line(value), 40, "..."))


def _message_time(value: str | None) -> datetime | None:
    """`2023-06-11 15:33:58 UTC` -> an aware datetime in UTC."""
    if value is None:
        return None
    text = value.removesuffix("UTC").strip()
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise _RowError(_(TIME_EXPECTED).format(column="DATE", example="2023-06-11 15:33:58 UTC",
                                                value=_shown(value))) from None
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def _sent_at(value: str | None) -> datetime | None:
    if value is None:
        return None
    from .load import SENT_AT_FORMATS  # Invitations.csv's times, as the screening reads them

    for pattern in SENT_AT_FORMATS:
        try:
            return datetime.strptime(value, pattern)
        except ValueError:
            continue
    raise _RowError(_(TIME_EXPECTED).format(column="Sent At", example="11/21/25, 5:13 PM", value=_shown(value)))


# -- rows -------------------------------------------------------------------------------------------


def _profile(rows: Iterator[tuple[int, dict[str, str]]], problems: _Problems) -> Profile | None:
    for line, row in rows:
        try:
            first, last = _text(row, "First Name") or "", _text(row, "Last Name") or ""
            if not (first or last):
                raise _RowError(_("{columns}: both empty, a profile needs a name").format(columns="First Name, Last Name"))
            return Profile(first, last, _text(row, "Headline"), _text(row, "Summary"), _text(row, "Industry"),
                           _text(row, "Geo Location") or _text(row, "Location"))
        except _RowError as error:
            error.recorded(problems, line)
    return None


def _position(row: dict[str, str]) -> Position:
    company = _text(row, "Company Name")
    if company is None:
        raise _RowError(_(EMPTY_FIELD).format(column="Company Name"))
    return Position(company, _text(row, "Title"), _text(row, "Location"),
                    _date(row, "Started On", _month_year, "Jan 2020"), _date(row, "Finished On", _month_year, "Jan 2020"))


def _school(row: dict[str, str]) -> School:
    name = _text(row, "School Name")
    if name is None:
        raise _RowError(_(EMPTY_FIELD).format(column="School Name"))
    return School(name, _text(row, "Degree Name"), _date(row, "Start Date", _month_year, "2015"),
                  _date(row, "End Date", _month_year, "2019"))


def _skill(row: dict[str, str]) -> str | None:
    return _text(row, "Name")


def _connection(row: dict[str, str]) -> Connection | None:
    first, last, url = _text(row, "First Name") or "", _text(row, "Last Name") or "", _text(row, "URL")
    if not (first or last or url):
        return None  # a member who hid their data from exports: nothing to match
    return Connection(first, last, url, _text(row, "Company"), _text(row, "Position"),
                      _date(row, "Connected On", _day_month_year, "08 Feb 2026"))


# Unfilled mail-merge placeholders (%FIRSTNAME%, %COMPANY_NAME%): a bulk message, not a personal one.
_PLACEHOLDER = re.compile(r"%[A-Za-z_]{3,30}%")
_YES = frozenset(("yes", "true", "1", "y"))


def _split_urls(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(part.strip() for part in re.split(r"[;,]", value) if part.strip())


def _message(row: dict[str, str]) -> Message:
    conversation = _text(row, "CONVERSATION ID") or ""
    sender = _text(row, "FROM") or ""
    urls = _split_urls(_text(row, "RECIPIENT PROFILE URLS"))
    to = _text(row, "TO")
    if not to:
        names: tuple[str, ...] = ()
    elif len(urls) > 1:  # a group: one name a recipient, split as the URLs are
        names = tuple(part.strip() for part in re.split(r"[;,]", to) if part.strip())
    else:  # one recipient: a comma is part of the name ("Lan Tran, CFA")
        names = (to,)
    folder = (row.get("folder") or "").strip().casefold()
    content = row.get("content") or ""  # looked at here, never kept
    personal = not (
        _text(row, "SUBJECT")
        or "sponsored" in folder or folder in ("draft", "drafts", "spam")
        or (row.get("is message draft") or "").strip().casefold() in _YES
        or (row.get("is conversation draft") or "").strip().casefold() in _YES
        or ("%" in content and _PLACEHOLDER.search(content))
    )
    return Message(conversation, sender, _text(row, "SENDER PROFILE URL"), names, urls,
                   _message_time(_text(row, "DATE")), personal)


def _outgoing(row: dict[str, str]) -> OutgoingInvitation | None:
    if (row.get("direction") or "").strip().upper() != "OUTGOING":
        return None
    to = _text(row, "To")
    if to is None:
        raise _RowError(_("{column}: empty, an invitation needs the invitee's name").format(column="To"))
    return OutgoingInvitation(to, _text(row, "inviteeProfileUrl"), _sent_at(_text(row, "Sent At")))


# -- opening ---------------------------------------------------------------------------------------


def _safe_member(name: str) -> PurePosixPath | None:
    """A zip member's path when it is safe to name (relative, no `..`), else None."""
    if not name or name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name):
        return None
    path = PurePosixPath(name.replace("\\", "/"))
    if ".." in path.parts:
        return None
    return path


def _pick(candidates: Iterator[tuple[str, PurePosixPath]]) -> dict[str, str]:
    """The export's files among (name, path) candidates: at the top or in one folder, shallowest first."""
    found: dict[str, tuple[int, str]] = {}
    for name, path in candidates:
        depth = len(path.parts)
        if path.name in EXPORT_FILES and depth <= 2:
            if path.name not in found or (depth, name) < found[path.name]:
                found[path.name] = (depth, name)
    return {file: name for file, (_, name) in found.items()}


def _folder_members(root: Path) -> dict[str, str]:
    def candidates() -> Iterator[tuple[str, PurePosixPath]]:
        for child in root.iterdir():
            if child.is_file():
                yield child.name, PurePosixPath(child.name)
            elif child.is_dir() and not child.is_symlink():
                for inner in child.iterdir():
                    if inner.name in EXPORT_FILES and inner.is_file():
                        yield f"{child.name}/{inner.name}", PurePosixPath(child.name, inner.name)
    return _pick(candidates())


def _looks_zipped(path: Path) -> bool:
    """A zip by its content: its central directory, or a zip's first bytes (a damaged download)."""
    if zipfile.is_zipfile(path):
        return True
    with path.open("rb") as handle:
        return handle.read(4) == b"PK\x03\x04"


def is_export(path: Path) -> bool:
    """A .zip (by content, not only its suffix) or a folder holding one of EXPORT_FILES by exact name."""
    path = Path(path)
    try:
        if path.is_dir():
            return bool(_folder_members(path))
        return path.is_file() and _looks_zipped(path)
    except OSError:
        return False


def open_export(path: str | Path) -> LinkedInExport:
    """The export at `path`, opened in place; InputError (one line) when it is none, damaged or empty."""
    name = str(path)
    where = Path(path)
    try:
        if where.is_dir():
            members = _folder_members(where)
            if not members:
                raise InputError(name, _("{problem}; this folder holds none of {files}").format(
                    problem=_(NOT_AN_EXPORT), files=", ".join(EXPORT_FILES)))
            return LinkedInExport(name, root=where, members=members)
        if not where.exists():
            raise InputError(name, _("no such file or directory"))
        if not _looks_zipped(where):
            raise InputError(name, _(NOT_AN_EXPORT))
        archive = zipfile.ZipFile(where)
    except zipfile.BadZipFile as error:
        raise InputError(name, _("damaged zip ({error}): download the export again").format(error=error)) from None
    except (OSError, EOFError) as error:
        raise InputError(name, _(CANNOT_READ).format(reason=getattr(error, "strerror", None) or error)) from None
    members = _pick((info.filename, safe) for info in archive.infolist()
                    if not info.is_dir() and (safe := _safe_member(info.filename)) is not None)
    if not members:
        archive.close()
        raise InputError(name, _("{problem}; this zip holds none of {files}").format(
            problem=_(NOT_AN_EXPORT), files=", ".join(EXPORT_FILES)))
    return LinkedInExport(name, archive=archive, members=members)


# -- matching -------------------------------------------------------------------------------------

_LINKEDIN_HOST = re.compile(r"(?:[a-z0-9-]+\.)*linkedin\.com")


@lru_cache(maxsize=65536)
def normalise_profile_url(url: str | None) -> str | None:
    """`https://www.linkedin.com/in/Tran-Quoc-Bao-VND/?trk=x` -> `linkedin.com/in/tran-quoc-bao-vnd`:
    case-folded, percent-decoded, without scheme, host prefix, query, fragment or trailing slash;
    None for nothing or an address not on LinkedIn."""
    if not url or not url.strip():
        return None
    text = url.strip()
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").casefold()
    except ValueError:
        return None
    if not _LINKEDIN_HOST.fullmatch(host):
        return None
    path = unicodedata.normalize("NFC", unquote(parts.path)).casefold().rstrip("/")
    if not path.strip("/"):
        return None
    return "linkedin.com" + re.sub("/{2,}", "/", path)


def normalise_name(name: str | None) -> str | None:
    """NFC, case-folded, whitespace collapsed: for exact-name matching; None for no name."""
    if not name:
        return None
    text = " ".join(unicodedata.normalize("NFC", name).casefold().split())
    return text or None
