"""The store read for the review page: every screened request in a week, as a card.

A request's week is the ISO week it was received (its `received_at`, in its own time zone) or, when
the input did not say, the week it was first screened (local time). Filters: the verdict that stands
(the user's decision, else the latest screening's) and the draft's state. Reported requests (scams,
manipulation) are set apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..draft_states import TRANSITIONS
from ..errors import InputError
from ..vocabulary import DEFAULT_MAX_CHARS, DRAFT_STATUSES

if TYPE_CHECKING:
    from ..store import Draft, Store

VERDICTS = ("accept", "ask", "ignore")
STATES = tuple(DRAFT_STATUSES)


@dataclass(frozen=True)
class Card:
    request_id: str
    name: str
    headline: str | None
    company: str | None
    location: str | None
    mutual: int | None
    profile_url: str | None  # only an http(s) URL, else None
    profile_text: str | None  # any other URL, shown as inert text
    note: str | None
    verdict: dict | None  # the latest screening's result
    decision: str | None  # the user's own verdict
    standing: str  # the verdict that stands
    reported: bool
    draft: "Draft | None"
    allowed: frozenset[str]  # the draft actions the state machine allows now
    limit: int = DEFAULT_MAX_CHARS


def week_of(moment: str | None, fallback: str) -> str:
    """`2026-W47`: the ISO week of `received_at` (in its own offset), else of the first screening."""
    for value, local in ((moment, False), (fallback, True)):
        if not value:
            continue
        try:
            when = datetime.fromisoformat(value)
        except ValueError:
            continue
        if local and when.tzinfo is not None:
            when = when.astimezone()
        year, week, _ = when.isocalendar()
        return f"{year}-W{week:02d}"
    return "0000-W00"


def week_days(week: str) -> tuple[date, date]:
    """The Monday and Sunday of an ISO week label."""
    monday = date.fromisocalendar(int(week[:4]), int(week[6:]), 1)
    return monday, monday + timedelta(days=6)


def valid_week(value: str | None) -> str | None:
    if not value or len(value) != 8 or value[4:6] != "-W" or not (value[:4] + value[6:]).isdigit():
        return None
    try:
        week_days(value)
    except ValueError:
        return None
    return value


def http_url(url: str | None) -> str | None:
    """The URL when it is a plain http(s) link with a host, else None (javascript:, data:, ...)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


@dataclass(frozen=True)
class Week:
    label: str
    weeks: list[str]  # every week with requests, oldest first
    reported: list[Card]
    others: list[Card]

    @property
    def previous(self) -> str | None:
        earlier = [week for week in self.weeks if week < self.label]
        return earlier[-1] if earlier else None

    @property
    def next(self) -> str | None:
        later = [week for week in self.weeks if week > self.label]
        return later[0] if later else None


def read_week(store: "Store", week: str | None, verdict: str | None, state: str | None) -> Week:
    """The cards of one week (the latest with requests when `week` is None), filtered."""
    rows = store.overview()
    requests = {row["id"]: store.request(row["id"]) for row in rows}
    weeks_of = {row["id"]: week_of(requests[row["id"]].received_at, row["first_seen"]) for row in rows}
    weeks = sorted(set(weeks_of.values()))
    label = week or (weeks[-1] if weeks else week_of(None, datetime.now().astimezone().isoformat()))
    chosen = [row for row in rows if weeks_of[row["id"]] == label
              and (verdict is None or row["decision"] == verdict) and (state is None or row["draft_status"] == state)]
    chosen.sort(key=lambda row: (requests[row["id"]].received_at or row["first_seen"] or "", row["id"]))
    cards = [_card(store, row, requests[row["id"]]) for row in chosen]
    return Week(label, weeks, [card for card in cards if card.reported], [card for card in cards if not card.reported])


def _card(store: "Store", row: dict, request) -> Card:
    sender = request.sender
    try:
        draft = store.draft(row["id"])
    except InputError:
        draft = None
    verdict = store.dossier(row["id"])["verdict"]
    url = (sender.profile_url or "").strip() or None
    return Card(
        request_id=row["id"], name=sender.name, headline=sender.headline, company=sender.company,
        location=sender.location, mutual=sender.mutual_connections, profile_url=http_url(url),
        profile_text=None if http_url(url) else url, note=request.note, verdict=verdict,
        decision=row["user_decision"], standing=row["decision"], reported=row["report"], draft=draft,
        allowed=frozenset(TRANSITIONS[draft.status]) if draft else frozenset(),
    )
