"""The backend interface: one request in, one decision out, with what the backend can do."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from ..config import UserConfig
from ..models import Flag, Request, Usage, Verdict
from ..signals import Signals


@dataclass
class Decision:
    verdict: Verdict
    confidence: float
    summary: str
    flags: list[Flag]
    report: bool = False
    reply_text: str | None = None  # a backend that writes its own reply (LLMs) puts it here
    warnings: list[str] = field(default_factory=list)
    # Set by LLM backends (the guard does not carry these; screen.py reads them from the proposal):
    usage: Usage | None = None
    prompt_version: str | None = None
    cached: bool = False


class Backend(Protocol):
    name: str
    model: str | None
    # Capability flags: what the pipeline may ask of this backend.
    writes_replies: bool
    costs_money: bool
    # A backend with writes_replies also takes `max_chars=` in decide() (the reply limit it is told)
    # and offers write_reply() for `assist draft-reply`.

    def decide(self, request: Request, config: UserConfig, signals: Signals) -> Decision: ...
