"""The shapes other parts rely on: a request, a verdict, a reply. Keep fields; add only.

Input models ignore unknown keys (a LinkedIn profile scraped elsewhere carries many) but reject
wrong types: `"mutual_connections": "many"` is an error, not a guess.
"""

from __future__ import annotations

import hashlib
import json
from pydantic import BaseModel, ConfigDict, Field, StrictBool, computed_field, field_validator, model_validator

from .i18n import N_
from .vocabulary import VERDICTS, DraftStatus, Language, Polarity, ReplyKind, Verdict  # noqa: F401 (the models' words)


def stable_hash(data: object, length: int | None = None, *, compact: bool = False) -> str:
    """The SHA-256 of a JSON-like value written canonically (sorted keys), as hex: the same value,
    the same hash, from run to run and machine to machine. Request ids and content hashes use
    json's default separators, the LLM cache's keys the compact ones (`compact`): both forms are
    kept as they were, so ids and cached answers from earlier versions stay valid."""
    separators = (",", ":") if compact else None
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=separators)
    return hashlib.sha256(text.encode()).hexdigest()[:length]


class _Input(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class Experience(_Input):
    title: str | None = None
    company: str | None = None
    years: float | None = Field(default=None, ge=0)


class Education(_Input):
    school: str | None = None
    degree: str | None = None


class Sender(_Input):
    name: str = Field(min_length=1)
    headline: str | None = None
    company: str | None = None
    industry: str | None = None
    location: str | None = None
    has_photo: StrictBool | None = None  # None: unknown (an export carries no photo)
    connections: int | None = Field(default=None, ge=0)  # None: unknown, which is not 0
    mutual_connections: int | None = Field(default=None, ge=0)
    about: str | None = None
    experience: list[Experience] | None = None  # None: unknown; []: known to be empty
    education: list[Education] | None = None  # None: unknown
    profile_url: str | None = None

    @field_validator("connections", "mutual_connections", mode="before")
    @classmethod
    def _whole_number(cls, value: object) -> object:
        # JSON has one number type; 12.0 is a whole number, 12.5 or "12" or true is not.
        if isinstance(value, bool) or isinstance(value, str):
            raise ValueError(N_("expected a whole number or null"))
        if isinstance(value, float) and not value.is_integer():
            raise ValueError(N_("expected a whole number or null"))
        return value

    def profile_known(self) -> bool:
        """True when anything beyond a name and URL was observed (an export knows only those)."""
        return any(
            value is not None
            for value in (
                self.headline, self.company, self.industry, self.has_photo,
                self.connections, self.about, self.experience,
            )
        )


class Request(_Input):
    id: str | None = None
    sender: Sender
    note: str | None = None
    received_at: str | None = None

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: object) -> object:
        if isinstance(value, bool):
            raise ValueError(N_("expected a string"))
        if isinstance(value, int):
            return str(value)
        return value

    @model_validator(mode="after")
    def _stable_id(self) -> "Request":
        if not self.note:
            self.note = None
        if not self.id:
            self.id = "req-" + stable_hash(self.model_dump(exclude=self.identity(), mode="json"), 12)
        return self

    def identity(self, exclude: frozenset[str] = frozenset({"id", "received_at"})) -> dict:
        """What its id and its content hash leave out of a request (a `model_dump` exclude): a field
        added to the models since ids were first made counts only when it holds something, so an
        earlier request keeps its id and its stored verdicts."""
        leave_out: dict = {name: True for name in exclude}
        if self.sender.education is None:
            leave_out["sender"] = {"education"}
        return leave_out


class Flag(BaseModel):
    id: str
    polarity: Polarity
    evidence: str


class Reply(BaseModel):
    kind: ReplyKind
    language: Language
    text: str


class Usage(BaseModel):
    """Tokens one LLM call (or a batch) used, and the estimated cost when the model's price is known."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float | None = None


class ScreenResult(BaseModel):
    """What `assist screen --json` prints, one per line."""

    id: str
    verdict: Verdict
    confidence: float = Field(ge=0.0, le=1.0)
    summary: str
    flags: list[Flag]
    report: bool
    reply: Reply | None
    backend: str
    model: str | None
    # Added fields (the contract allows additions):
    sender: str = ""
    warnings: list[str] = Field(default_factory=list)
    prompt_version: str | None = None  # set by LLM backends: the templates' hash (render.prompt_version)
    usage: Usage | None = None  # LLM backends only; zero tokens when served from the cache
    cached: bool = False  # True when an LLM verdict came from the local cache (no call made)
    user_decision: Verdict | None = None  # the user's own verdict (`assist decide`), which always stands
    resumed: bool = False  # served from the store: screened earlier under the same backend, prompts and config
    # The present, as the store holds it (runner.present): the draft on record (`reply` is its text,
    # the user's edit included), its state (pending, approved, rejected, sent, withdrawn; None when
    # nothing is stored), and whether the user edited it.
    draft_status: DraftStatus | None = None
    draft_edited: bool = False

    @computed_field  # type: ignore[prop-decorator]
    @property
    def decision(self) -> Verdict:
        """The verdict that stands: the user's own when they made one, else assist's."""
        return self.user_decision or self.verdict
