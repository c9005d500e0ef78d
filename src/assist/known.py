"""Who is not a stranger: what the user's own LinkedIn export says about a sender.

    export.py (the files, read in place) -> Network (indexed once a run) -> Network.ties(request)

- messages.csv: a conversation with the sender, matched by profile URL, else by exact name. It is a
  relationship when the user wrote in it ("you exchanged 4 messages with them, the last in March
  2025"); messages from the sender that the user never answered are said, and are none. InMail,
  sponsored messages and drafts are never counted (export.Message.personal).
- Invitations.csv: an earlier invitation the user sent them.
- Connections.csv: already a connection (there is nothing to decide: `screen` skips the verdict),
  and how many of the user's connections work at the sender's company: weak-tie evidence for
  relevance, never a verdict on its own.
- Education.csv, Positions.csv: a school or an employer of the user's that the sender's profile
  names too.

A file the export does not hold is unknown: no evidence, never "no conversation". A name matches
only where one side has no profile URL: two profiles with one name are two people (a namesake, or
someone borrowing a name). Every line says what was matched and in which file; none quotes a message.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Literal

from . import evidence as wording
from .export import Connection, Message, OutgoingInvitation, Position, School, normalise_name, normalise_profile_url
from .i18n import _
from .models import Request, Sender

if TYPE_CHECKING:
    from .export import LinkedInExport
    from .guidance import Guidance

TieKind = Literal["conversation", "one_way", "invited", "connection", "colleagues", "school", "employer"]
# The kinds that make the sender someone the user knows (known_relationship); with a shared past
# (school, employer) the kinds that raise that flag (signals.py). The others are context (one_way,
# colleagues: weak ties beside relevance found otherwise) or a skip (connection).
RELATIONSHIPS = frozenset({"conversation", "invited"})
FLAGGED = RELATIONSHIPS | {"school", "employer"}


@dataclass(frozen=True)
class KnownTie:
    """One thing the user's export says about the sender."""

    kind: TieKind
    evidence: str  # "you exchanged 4 messages with them, the last in March 2025" (evidence.py: in English, shown translated)
    source: str  # the export's file: "messages.csv"
    matched: str  # what tied the file's row to the sender: "profile URL", "exact name", "company VNPay"

    def line(self) -> str:
        return wording.TIE_LINE.format(tie=self.evidence, source=self.source, matched=self.matched)


@dataclass
class _Talk:
    """The messages between the user and one person."""

    theirs: int = 0  # messages they wrote to the user
    mine: int = 0  # messages the user wrote to them
    last: datetime | None = None
    conversations: set[str] = field(default_factory=set)

    def add(self, message: Message, mine: bool) -> None:
        if mine:
            self.mine += 1
        else:
            self.theirs += 1
        self.conversations.add(message.conversation_id)
        if message.sent_at is not None and (self.last is None or message.sent_at > self.last):
            self.last = message.sent_at


class _Keys:
    """Profile URLs and names as they are matched (export.normalise_*), each written form worked out
    once: an export names the same few thousand people in 100,000 messages."""

    def __init__(self) -> None:
        self._urls: dict[str | None, str | None] = {}
        self._names: dict[str | None, str | None] = {}

    def url(self, url: str | None) -> str | None:
        try:
            return self._urls[url]
        except KeyError:
            key = self._urls[url] = normalise_profile_url(url)
            return key

    def name(self, name: str | None) -> str | None:
        try:
            return self._names[name]
        except KeyError:
            key = self._names[name] = normalise_name(name)
            return key


class _People:
    """Values about people, found by profile URL, else by exact name where one side has no URL."""

    def __init__(self, keys: _Keys | None = None) -> None:
        self.keys = keys or _Keys()
        self.by_url: dict[str, object] = {}
        self.by_name: dict[str, list[tuple[str | None, object]]] = defaultdict(list)

    def get(self, url: str | None, name: str | None, make) -> object:
        """The value kept for this person, made (and kept) when there is none yet."""
        keys = self.keys
        url, name = keys.url(url), keys.name(name)
        if url and url in self.by_url:
            return self.by_url[url]
        if not url and name:
            for known_url, value in self.by_name.get(name, ()):
                if known_url is None:
                    return value
        value = make()
        if url:
            self.by_url[url] = value
        if name:
            self.by_name[name].append((url, value))
        return value

    def find(self, sender: Sender) -> list[tuple[object, str]]:
        """The values for the sender, each with what matched: their profile URL, or their exact name
        (only entries without a URL when the sender has one, and any when the sender has none)."""
        url, name = normalise_profile_url(sender.profile_url), normalise_name(sender.name)
        found: list[tuple[object, str]] = []
        if url and url in self.by_url:
            found.append((self.by_url[url], wording.BY_URL.format()))
        for known_url, value in self.by_name.get(name or "", ()):
            if known_url is None or not url:
                if all(value is not other for other, _ in found):
                    found.append((value, wording.BY_NAME.format()))
        return found


class Network:
    """The user's network as their export holds it, indexed for looking up senders. Each file is
    read once (export.LinkedInExport caches), whatever the number of requests."""

    def __init__(self, *, messages: Iterable[Message] | None = None, connections: Iterable[Connection] | None = None,
                 invitations: Iterable[OutgoingInvitation] | None = None, schools: Iterable[School] | None = None,
                 positions: Iterable[Position] | None = None, user_name: str | None = None,
                 source: str = "", problems: Sequence[object] = (), guidance: "Guidance | None" = None):
        if guidance is None:
            from .guidance import load_guidance

            guidance = load_guidance()
        self.source = source  # the export's path, as given
        self.problems = list(problems)
        self.knows_messages = messages is not None
        self.knows_connections = connections is not None
        self.knows_invitations = invitations is not None
        keys = _Keys()
        self._talks = _People(keys)
        self._invited = _People(keys)
        self._connected = _People(keys)
        self._companies: Counter[str] = Counter()
        self._spelling: dict[str, Counter[str]] = defaultdict(Counter)
        self.schools = tuple(dict.fromkeys(s.name.strip() for s in schools or () if s.name and s.name.strip()))
        self.employers = tuple(dict.fromkeys(p.company.strip() for p in positions or () if p.company and p.company.strip()))
        self.has_schools, self.has_positions = schools is not None, positions is not None
        digest = hashlib.sha256()
        if messages is not None:
            self._index_messages(list(messages), user_name, digest, keys)
        for invitation in invitations or ():
            when = self._invited.get(invitation.to_url, invitation.to_name, list)
            when.append(invitation.sent_at)
            digest.update(f"i{invitation.to_url}\0{invitation.to_name}\0{invitation.sent_at}\n".encode())
        keys: dict[str, str] = {}  # a company as written: its key (50,000 connections, far fewer companies)
        for connection in connections or ():
            self._connected.get(connection.url, connection.name, list).append(connection.connected_on)
            if connection.company and connection.company.strip():
                key = keys.get(connection.company)
                if key is None:
                    key = keys[connection.company] = company_key(connection.company, guidance)
                if key:
                    self._companies[key] += 1
                    self._spelling[key][connection.company.strip()] += 1
            digest.update(f"c{connection.url}\0{connection.name}\0{connection.company}\0{connection.connected_on}\n".encode())
        digest.update(repr((self.schools, self.employers, self.knows_messages, self.knows_connections,
                            self.knows_invitations, self.has_schools, self.has_positions)).encode())
        # What a verdict made with this network depends on (RunContext.screening_key): a new export
        # with new evidence screens again (an LLM answer for an unchanged prompt is still cached).
        self.fingerprint = digest.hexdigest()[:16]

    @classmethod
    def read(cls, export: LinkedInExport, guidance: "Guidance | None" = None) -> "Network":
        profile = export.profile()
        network = cls(messages=export.messages(), connections=export.connections(),
                      invitations=export.outgoing_invitations(), schools=export.schools(),
                      positions=export.positions(), user_name=profile.name if profile else None,
                      source=str(export.path), guidance=guidance)
        network.problems = list(export.problems)
        return network

    def _index_messages(self, messages: list[Message], user_name: str | None, digest, keys: _Keys) -> None:
        user_url, user = _the_user(messages, user_name, keys)
        for message in messages:
            if not message.personal:
                continue
            mine = _is(message.sender_url, message.sender_name, user_url, user, keys)
            if mine:
                for url, name in _recipients(message):
                    if _is(url, name, user_url, user, keys):
                        continue  # the user among the recipients of their own message
                    self._talks.get(url, name, _Talk).add(message, mine=True)
            else:
                self._talks.get(message.sender_url, message.sender_name, _Talk).add(message, mine=False)
            digest.update(f"m{message.conversation_id}\0{message.sender_url}\0{message.sender_name}\0"
                          f"{message.recipient_urls}\0{message.sent_at}\n".encode())

    # -- looking a sender up ---------------------------------------------------------------------

    def connection(self, request: Request) -> KnownTie | None:
        """The sender is already one of the user's connections: nothing to decide."""
        for dates, matched in self._connected.find(request.sender):
            known = [day for day in dates if day is not None]
            line = wording.CONNECTED_SINCE.format(date=_day(max(known))) if known else wording.CONNECTED.format()
            return KnownTie("connection", line, "Connections.csv", matched)
        return None

    def ties(self, request: Request, guidance: "Guidance") -> list[KnownTie]:
        """Everything the export says about the sender, strongest first."""
        sender = request.sender
        ties: list[KnownTie] = []
        talks = self._talks.find(sender)
        if talks:
            ties.append(_talk_tie(talks))
        invited = [(dates, matched) for dates, matched in self._invited.find(sender)]
        if invited:
            days = [day for dates, _ in invited for day in dates if day is not None]
            line = wording.INVITED_ON.format(date=_day(max(days).date())) if days else wording.INVITED.format()
            ties.append(KnownTie("invited", line, "Invitations.csv", invited[0][1]))
        connected = self.connection(request)
        if connected:
            ties.append(connected)
        ties += self._colleagues(sender, guidance)
        ties += shared_schools(self.schools, sender, guidance)
        ties += shared_employers(self.employers, sender, guidance)
        return ties

    def _colleagues(self, sender: Sender, guidance: "Guidance") -> list[KnownTie]:
        company = sender.company or _employer_in_headline(sender.headline, guidance)
        key = company_key(company, guidance) if company else None
        count = self._companies.get(key, 0) if key else 0
        if not count:
            return []
        spelling = self._spelling[key].most_common(1)[0][0]
        line = wording.ONE_COLLEAGUE.format(company=spelling) if count == 1 else wording.COLLEAGUES.format(count=count, company=spelling)
        return [KnownTie("colleagues", line, "Connections.csv", wording.BY_COMPANY.format(company=spelling))]


def company_key(company: str, guidance: "Guidance") -> str:
    """A company's name for counting: its core (no legal form: "VNPay JSC" is "vnpay"), case-folded."""
    suffix = guidance.company_suffix
    core = company.strip()
    while (shorter := suffix.sub("", core).strip(" ,.-")) != core and shorter:
        core = shorter
    return normalise_name(core) or ""


def shared_schools(schools: Sequence[str], sender: Sender, guidance: "Guidance") -> list[KnownTie]:
    """The user's schools that the sender's profile names: where they study now (their company or
    headline: "Sinh viên năm 3 tại Học viện Ngân hàng"), else where they studied (their education)."""
    return _shared(schools, guidance, "school", wording.BY_SCHOOL,
                   now=(wording.STUDIES_WHERE_YOU_STUDIED, [sender.company, sender.headline]),
                   then=(wording.STUDIED_WHERE_YOU_STUDIED, [entry.school for entry in sender.education or []]))


def shared_employers(employers: Sequence[str], sender: Sender, guidance: "Guidance") -> list[KnownTie]:
    """The user's employers (now and past) that the sender's profile names: where they work now
    (their company), else where they worked (their experience)."""
    return _shared(employers, guidance, "employer", wording.BY_COMPANY,
                   now=(wording.WORKS_WHERE_YOU_WORKED, [sender.company]),
                   then=(wording.WORKED_WHERE_YOU_WORKED, [job.company for job in sender.experience or []]))


def _shared(names: Sequence[str], guidance: "Guidance", kind: TieKind, what: wording.Template,
            now: tuple[wording.Template, list[str | None]], then: tuple[wording.Template, list[str | None]]) -> list[KnownTie]:
    from .terms import company_names, terms
    from .text import Text

    if not names:
        return []
    source = "Education.csv" if kind == "school" else "Positions.csv"
    readings = [(template, [Text.of(text) for text in texts if text and text.strip()]) for template, texts in (now, then)]
    ties: list[KnownTie] = []
    for name in names:
        found = terms(company_names(guidance, [name]), guidance)
        for template, texts in readings:
            if any(found.find(text, names_company=True) for text in texts):
                ties.append(KnownTie(kind, template.format(**{template.fields[0]: name}), source,
                                     what.format(**{what.fields[0]: name})))
                break
    return ties


def _employer_in_headline(headline: str | None, guidance: "Guidance") -> str | None:
    from .workplace import company_from_headline

    return company_from_headline(headline, guidance) if headline else None


def _talk_tie(talks: list[tuple[object, str]]) -> KnownTie:
    theirs = sum(talk.theirs for talk, _ in talks)  # type: ignore[attr-defined]
    mine = sum(talk.mine for talk, _ in talks)  # type: ignore[attr-defined]
    dates = [talk.last for talk, _ in talks if talk.last is not None]  # type: ignore[attr-defined]
    month = _month(max(dates)) if dates else None
    matched = talks[0][1]
    if mine and theirs:
        line = wording.EXCHANGED_LAST.format(count=mine + theirs, month=month) if month else wording.EXCHANGED.format(count=mine + theirs)
        return KnownTie("conversation", line, "messages.csv", matched)
    if mine:
        line = wording.WROTE_LAST.format(times=_times(mine), month=month) if month else wording.WROTE.format(times=_times(mine))
        return KnownTie("conversation", line, "messages.csv", matched)
    line = wording.UNANSWERED_LAST.format(times=_times(theirs), month=month) if month else wording.UNANSWERED.format(times=_times(theirs))
    return KnownTie("one_way", line, "messages.csv", matched)


def _times(count: int) -> str:
    return wording.ONCE.format() if count == 1 else wording.TIMES.format(count=count)


def _month(moment: datetime) -> str:
    return wording.MONTHS[moment.month - 1].format(year=moment.year)


def _day(day: date) -> str:
    return wording.DAYS[day.month - 1].format(day=day.day, year=day.year)


def _recipients(message: Message) -> list[tuple[str | None, str | None]]:
    """The people a message went to: names and URLs paired when the export lists as many of each."""
    names, urls = message.recipient_names, message.recipient_urls
    if len(names) == len(urls):
        return list(zip(urls, names))
    if len(names) == 1 and not urls:
        return [(None, names[0])]
    if len(urls) and not names:
        return [(url, None) for url in urls]
    return [(url, None) for url in urls] or [(None, name) for name in names]


def _is(url: str | None, name: str | None, user_url: str | None, user: str | None, keys: _Keys) -> bool:
    """Whether a message's sender (or a recipient) is the user: by profile URL where both are known,
    else by name."""
    url = keys.url(url)
    if url and user_url:
        return url == user_url
    return bool(user) and keys.name(name) == user


def _the_user(messages: list[Message], user_name: str | None, keys: _Keys) -> tuple[str | None, str | None]:
    """The user's own profile URL and name in their messages. Their name is Profile.csv's; their URL
    the one their name writes from. Without a profile: every message of the export has the user as
    its sender or among its recipients, so the URL (and the name) that takes part in the most."""
    user = keys.name(user_name)
    urls: Counter[str] = Counter()
    names: Counter[str] = Counter()
    for message in messages:
        if user:
            if keys.name(message.sender_name) == user and keys.url(message.sender_url):
                urls[keys.url(message.sender_url)] += 1
            continue
        seen_urls = {keys.url(url) for url in (message.sender_url, *message.recipient_urls)}
        urls.update(url for url in seen_urls if url)
        seen_names = {keys.name(name) for name in (message.sender_name, *message.recipient_names)}
        names.update(name for name in seen_names if name)
    enough = user is not None or len({message.conversation_id for message in messages}) > 1
    url = urls.most_common(1)[0][0] if urls and enough else None
    name = user or (names.most_common(1)[0][0] if names and enough else None)
    return url, name


class Recorded:
    """What an export said about each request of a batch, as recorded when it was submitted
    (batch_api): a batch collected later is judged with the evidence its prompts were written with."""

    def __init__(self, ties: dict[str, list[KnownTie]], fingerprint: str = "recorded"):
        self._ties = ties
        self.fingerprint = fingerprint
        self.problems: list[object] = []

    @staticmethod
    def tie_of(data: dict) -> KnownTie | None:
        try:
            return KnownTie(kind=data["kind"], evidence=str(data["evidence"]), source=str(data["source"]),
                            matched=str(data["matched"]))
        except (KeyError, TypeError):
            return None

    def ties(self, request: Request, guidance: "Guidance") -> list[KnownTie]:
        return list(self._ties.get(request.id or "", ()))

    def connection(self, request: Request) -> KnownTie | None:
        return None


class Exports:
    """A run's LinkedIn exports, each opened and indexed once however often it is named (as an
    input and as `--export`, or twice as an input)."""

    def __init__(self, guidance: "Guidance | None" = None):
        self.guidance = guidance
        self._opened: dict[str, "LinkedInExport"] = {}
        self._networks: dict[str, Network] = {}

    @staticmethod
    def _key(source: str) -> str:
        from pathlib import Path

        try:
            return str(Path(source).resolve())
        except OSError:
            return source

    def open(self, source: str) -> "LinkedInExport":
        from .export import open_export

        key = self._key(source)
        if key not in self._opened:
            self._opened[key] = open_export(source)
        return self._opened[key]

    def network(self, source: str) -> Network:
        key = self._key(source)
        if key not in self._networks:
            self._networks[key] = Network.read(self.open(source), self.guidance)
        return self._networks[key]

    def for_run(self, inputs: Sequence[str], explicit: str | None) -> Network | None:
        """The network a run screens with: `--export`'s, else that of the one export among the
        inputs; None without any. Two different exports and no `--export`: which one is the user's
        is not for assist to guess."""
        from .errors import InputError
        from .export import is_export
        from pathlib import Path

        if explicit:
            if not Path(explicit).exists():
                raise InputError(explicit, _("--export: no such file or directory"))
            if not is_export(Path(explicit)):
                raise InputError(explicit, _("--export: not a LinkedIn data export (its .zip, or the folder it unpacks to)"))
            return self.network(explicit)
        found: dict[str, str] = {}
        for source in inputs:
            path = Path(source)
            try:
                if source != "-" and path.exists() and is_export(path):
                    found.setdefault(self._key(source), source)
            except OSError:
                continue
        if len(found) > 1:
            raise InputError(", ".join(found.values()), _("several LinkedIn exports: pass --export with the one that is yours"))
        return self.network(next(iter(found.values()))) if found else None
