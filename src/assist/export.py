"""PLACEHOLDER of the interface (the reader lands from branch i14-reader): the shapes only."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True)
class ExportProblem:
    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.file}: line {self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"


@dataclass(frozen=True)
class Profile:
    first_name: str
    last_name: str
    headline: str | None = None
    summary: str | None = None
    industry: str | None = None
    location: str | None = None

    @property
    def name(self) -> str:
        return " ".join(f"{self.first_name} {self.last_name}".split())


@dataclass(frozen=True)
class Position:
    company: str
    title: str | None = None
    location: str | None = None
    started_on: date | None = None
    finished_on: date | None = None

    @property
    def current(self) -> bool:
        return self.finished_on is None


@dataclass(frozen=True)
class School:
    name: str
    degree: str | None = None
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class Connection:
    first_name: str
    last_name: str
    url: str | None = None
    company: str | None = None
    position: str | None = None
    connected_on: date | None = None

    @property
    def name(self) -> str:
        return " ".join(f"{self.first_name} {self.last_name}".split())


@dataclass(frozen=True)
class Message:
    conversation_id: str
    sender_name: str
    sender_url: str | None
    recipient_names: tuple[str, ...]
    recipient_urls: tuple[str, ...]
    sent_at: datetime | None
    personal: bool


@dataclass(frozen=True)
class OutgoingInvitation:
    to_name: str
    to_url: str | None
    sent_at: datetime | None


def normalise_profile_url(url: str | None) -> str | None:
    if not url or not url.strip():
        return None
    text = url.strip()
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    host = (parts.hostname or "").lower()
    if not (host == "linkedin.com" or host.endswith(".linkedin.com")):
        return None
    path = unquote(parts.path).rstrip("/").casefold()
    return "linkedin.com" + path if path else None


def normalise_name(name: str | None) -> str | None:
    if not name or not name.strip():
        return None
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


EXPORT_FILES = ("Profile.csv", "Positions.csv", "Education.csv", "Skills.csv", "Connections.csv",
                "messages.csv", "Invitations.csv")


def is_export(path) -> bool:
    from pathlib import Path

    path = Path(path)
    if path.is_dir():
        return any((path / name).is_file() for name in EXPORT_FILES)
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False
